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
# Greek letters are spelt out, as the LaTeX they are typed from ("$\\Delta$-NeRF"): dropped, "Δ-NeRF"
# would be NeRF and "PixArt-α" PixArt-Σ.
_GREEK = str.maketrans({
    **{chr(code): unicodedata.name(chr(code)).split()[-1].lower() for code in range(0x391, 0x3CA)
       if unicodedata.category(chr(code)).startswith("L")},
    "ϵ": "epsilon", "ϑ": "theta", "ϕ": "phi", "ϖ": "pi", "ϱ": "rho", "λ": "lambda", "Λ": "lambda",  # Unicode: "LAMDA"
})


def _spelt(name: str) -> str:
    """`name` in compatibility form (accents split off, "²" as "2") with its Greek letters spelt out."""
    return unicodedata.normalize("NFKD", name).translate(_GREEK)


@lru_cache(maxsize=1 << 16)  # a corpus repeats a few thousand names: one regex pass per distinct name
def name_key(name: str) -> str:
    """The form two names must share to be one entity: lower case, no separators, no plural 's'."""
    key = _NON_KEY.sub("", _spelt(name).lower().replace("&", "and")).strip(".")
    return _PLURAL.sub("", key) if _WRITTEN_PLURAL.search(name) else key


def slug(name: str) -> str:
    """Lower-case ASCII slug used inside ids: 'Llama-3.1-8B-Instruct' -> 'llama-3.1-8b-instruct'."""
    text = _spelt(name).encode("ascii", "ignore").decode()
    text = _NON_SLUG.sub("-", text.lower()).strip("-.")
    return text or "x"


def normalise_title(title: str) -> str:
    """Case, punctuation and whitespace folded: "Fine-Tuning  LLMs!" == "fine tuning llms" ==
    "finetuning LLMs" -> "finetuningllms"."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", title).casefold())
