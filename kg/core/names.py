"""Name normalisation shared by extraction, resolution, deduplication and evaluation.

`name_key` says when two entity names are one name; `slug` makes the id-safe form of a name;
`normalise_title` says when two titles are one title.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_KEY = re.compile(r"[^a-z0-9.+]")
_PLURAL = re.compile(r"(?<=[a-z]{3})(?<!s)s$")  # "transformers" -> "transformer"; not "loss"
# A plural "s" is written in lower case right after a letter ("LLMs", "Transformers"); "ViT-S" (a
# size) and "VITS" (a model) end in another letter "S", and must not key as "ViT".
_WRITTEN_PLURAL = re.compile(r"[A-Za-z]s\.?\s*$")
_NON_WORD = re.compile(r"[\W_]+")
_NON_SLUG = re.compile(r"[^a-z0-9.+]+")


@lru_cache(maxsize=1 << 16)  # a corpus repeats a few thousand names: one regex pass per distinct name
def name_key(name: str) -> str:
    """The form two names must share to be one entity: lower case, no separators, no plural 's'."""
    key = _NON_KEY.sub("", name.lower().replace("&", "and")).strip(".")
    return _PLURAL.sub("", key) if _WRITTEN_PLURAL.search(name) else key


def slug(name: str) -> str:
    """Lower-case ASCII slug used inside ids: 'Llama-3.1-8B-Instruct' -> 'llama-3.1-8b-instruct'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = _NON_SLUG.sub("-", text.lower()).strip("-.")
    return text or "x"


def normalise_title(title: str) -> str:
    """Case, punctuation and whitespace folded: "Fine-Tuning  LLMs!" == "fine tuning llms" ==
    "finetuning LLMs" -> "finetuningllms"."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", title).casefold())
