"""`paperkg_list_items`: the names in a list whose other members are named entities of one type.

"MMBench, VLGuard, and FigStep", "PPO, GRPO, ReMax, and RLOO", "NTU-60, NTU-120, and PKU-MMD II":
where the catalogues, the model grammar or the NER typed some members of a list and left a
name-shaped member out, the member is an entity of the same type (doc.spans["listed"], source
"pattern"). A member is name-shaped when it has a capital or digit inside a word ("FigStep",
"AIMv2", "ST"), two capitals or a hyphen after a capitalised word ("Reason-Edit"), and no hyphen
before a space, the end or a lower-case word ("CNN-", "Multi-step Update", "OpenWebMath-but");
plain words ("Waymo", "Leiden") are left to the NER, and so are makers ("OpenAI", also as a first
word: "OpenAI Large"), generic words ("LLMs") and generic concepts ("AI"). The typed members must
agree on one type and make up at least a third of the list. On 8,000 2025 corpus papers this adds
50 names, about 44 of them with the right type by reading (wrong: the colour space "YCbCr", the
datasets "MegaMath" and "Re-LAION" listed among methods); on train, the two frameworks of ax0090.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import span_text, text_of
from extractors.rules.data import data_path
from extractors.rules.phrases import generic_word_keys
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

LISTED_KEY = "listed"
_ITEM = r"[A-Z][\w+-]*(?:\.\d[\w+-]*)*(?:\s[A-Z0-9][\w+-]*(?:\.\d[\w+-]*)*){0,2}"
_LIST = re.compile(rf"(?<![\w-]){_ITEM}(?:,\s+{_ITEM}){{1,8}},?\s+(?:and|or)\s+{_ITEM}(?![\w-])")
_ITEM_AT = re.compile(_ITEM)
_NAME_SHAPED = re.compile(r"(?!.*-(?:\s|$|[a-z]))"  # no hyphen before a space, the end or a lower-case word
                          r"(?:[A-Z][a-z]+[A-Z][\w\s.+-]*|[A-Z]{2,}[\w\s.+-]*|[\w\s.+-]*\d[\w\s.+-]*"
                          r"|[A-Z]\w*-[\w\s.+-]+)")


@Language.factory(
    "paperkg_list_items",
    default_config={"groups": ["models", "gazetteer", "acronym", "ner"],
                    "generic_words_path": "generic_words.jsonl",
                    "generic_concepts_path": "generic_concepts.jsonl",
                    "families_path": "model_families.jsonl"},
)
def make_list_items(nlp: Language, name: str, groups: list[str], generic_words_path: str,
                    generic_concepts_path: str, families_path: str) -> ListItems:
    return ListItems(groups, generic_words_path, generic_concepts_path, families_path)


class ListItems:
    """Writes doc.spans["listed"]: label the list's type, id_ the surface."""

    def __init__(self, groups: Iterable[str], generic_words_path: str, generic_concepts_path: str,
                 families_path: str):
        self.groups = list(groups)
        self.paths = (data_path(generic_words_path), data_path(generic_concepts_path), data_path(families_path))
        self.excluded: set[str] = set()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the words no member may be: generic words and concepts, the model makers."""
        words, concepts, families = (read_jsonl(path) for path in self.paths)
        self.excluded = set()
        self.add_patterns(words, concepts, families)

    def add_patterns(self, generic_words: Iterable[dict], generic_concepts: Iterable[dict] = (),
                     families: Iterable[dict] = ()) -> None:
        self.excluded |= generic_word_keys(generic_words) | generic_word_keys(generic_concepts)
        self.excluded |= {name_key(f["organisation"]) for f in families if f.get("organisation")}

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found = [span for key in self.groups if key in doc.spans for span in doc.spans[key]]
        listed = []
        for match in _LIST.finditer(text) if found and ", " in text else ():
            items = [(match.start() + m.start(), match.start() + m.end()) for m in _ITEM_AT.finditer(match.group())]
            typed, untyped = [], []
            for start, end in items:
                covering = [s for s in found if s.start_char < end and start < s.end_char]
                if not covering:
                    untyped.append((start, end))
                elif not any(s._.generic for s in covering):
                    typed.append(covering[0].label_)
            if not typed or len(set(typed)) > 1 or 3 * len(typed) < len(items):
                continue
            for start, end in untyped:
                surface = text[start:end]
                if not _NAME_SHAPED.fullmatch(surface) or name_key(surface) in self.excluded \
                        or name_key(surface.split()[0]) in self.excluded:  # "OpenAI Large"
                    continue
                span = doc.char_span(start, end, label=typed[0])
                if span is not None:
                    span.id_ = span_text(span)
                    listed.append(span)
        doc.spans[LISTED_KEY] = listed
        return doc
