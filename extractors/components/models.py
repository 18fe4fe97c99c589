"""`paperkg_models`: model names found by the grammar (extractors/rules/model_names.py) as spans.

Names are matched on the text; where one starts or ends inside a token ("Math-7B." at a sentence
end), the token is split, so a reported span is exactly the name ("Llama2-70B" in "Llama2-70B-based").
Besides the families' names, a capitalised name glued to a parameter count in billions is a model
of the family its first word names ("Kuwain-1.5B": Kuwain), unless the gazetteer (run before)
knows it as a dataset ("LAION-5B") or holds it whole; a catalogue word inside it does not count
("Perplexity" in "Perplexity-R1-1776-70B").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from itertools import pairwise

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from extractors.attributes import text_of  # also registers the span attributes
from extractors.components.gazetteer import GAZETTEER_KEY
from extractors.rules.data import data_path
from extractors.rules.model_names import ModelGrammar, ModelName
from kg.core.iteration import read_jsonl

MODELS_KEY = "models"
_SPLIT_DIGITS_AFTER = re.compile(r"(?: \d)+(?!\w|\.\d)")  # " 6" of "VGG 1 6", " 5 2" of "ResNet-1 5 2"


def split_tokens_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Make every offset a token boundary ("Math-7B." -> "Math-7B" "."), keeping the sentence
    boundaries and the span groups written so far (rebuilt on the same character offsets; span
    attributes are keyed by offsets, so they survive)."""
    inside: dict[int, list[int]] = {}
    starts = doc.to_array(IDX).tolist()
    for offset in offsets:
        token = _token_around(doc, starts, offset)
        if token is not None:
            inside.setdefault(token.i, []).append(offset - token.idx)
    if not inside:
        return
    saved = {key: [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_) for s in group]
             for key, group in doc.spans.items()}
    sentence_starts = {token.idx for token in doc if token.is_sent_start}
    with doc.retokenize() as retokenizer:
        for index, cuts in inside.items():
            token, bounds = doc[index], [0, *sorted(set(cuts)), len(doc[index])]
            pieces = [token.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))
    for token in doc:  # the pieces of a split token have no sentence boundary set
        token.is_sent_start = token.idx in sentence_starts
    for key, spans in saved.items():
        # the offsets were spans before the split, which only adds token boundaries: none is lost
        doc.spans[key] = [span for s, e, label, kb_id, span_id in spans
                          if (span := doc.char_span(s, e, label=label, kb_id=kb_id, span_id=span_id)) is not None]


def _token_around(doc: Doc, starts: list[int], offset: int) -> Token | None:
    """The token that `offset` falls strictly inside, if any (`starts`: the tokens' offsets)."""
    index = bisect_right(starts, offset) - 1
    token = doc[index] if index >= 0 else None
    return token if token is not None and token.idx < offset < token.idx + len(token) else None


@Language.factory(
    "paperkg_models",
    default_config={"families_path": "model_families.jsonl", "parts_path": "model_parts.jsonl"},
)
def make_models(nlp: Language, name: str, families_path: str, parts_path: str) -> ModelSpans:
    return ModelSpans(families_path, parts_path)


class ModelSpans:
    """Writes doc.spans["models"]: label Model, id_ canonical, span._.model parts (`listed`: its family
    is in model_families.jsonl, not guessed from an unknown sized name's stem), source pattern."""

    def __init__(self, families_path: str, parts_path: str) -> None:
        self.families_path = data_path(families_path)
        self.parts_path = data_path(parts_path)
        self.grammar = ModelGrammar()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the model families and name parts (config: families_path, parts_path)."""
        self.grammar = ModelGrammar()
        self.add_patterns(read_jsonl(self.families_path), read_jsonl(self.parts_path))

    def add_patterns(self, families: Iterable[dict], parts: Iterable[dict] = ()) -> None:
        self.grammar.add_parts(parts)
        self.grammar.add_families(families)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found = [self.whole_number(text, n.start, n.end) or (n.start, n.end, n.canonical, _parts(n))
                 for n in self.grammar.find(text)]
        sized = list(self.grammar.sized_names(text))
        catalogued = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get(GAZETTEER_KEY, ())] if sized else []
        for start, end, canonical, family, params in sized:
            if not any(a < end and start < b for a, b, *_ in found) \
                    and not any(_names_otherwise(start, end, *known) for known in catalogued):
                found.append((start, end, canonical, {"family": family, "params": params, "listed": False}))
        if found:
            split_tokens_at(doc, [offset for start, end, *_ in found for offset in (start, end)])
        spans = []
        for start, end, canonical, model in sorted(found, key=lambda item: item[0]):
            span = doc.char_span(start, end, label="Model")
            if span is None:  # a name running into whitespace the tokenizer keeps as a token
                continue
            span.id_ = canonical
            span._.source = "pattern"
            span._.model = model
            spans.append(span)
        doc.spans[MODELS_KEY] = spans
        return doc

    def whole_number(self, text: str, start: int, end: int) -> tuple[int, int, str, dict] | None:
        """A name whose number goes on one digit at a time ("VGG 1 6", "ResNet-1 5 2": text tokenised
        into digits and joined with spaces, as SciER's sentences are; the grammar reads "VGG 1"),
        read with its whole number; None for any other name (no 2025 corpus abstract has such digits)."""
        digits = _SPLIT_DIGITS_AFTER.match(text, end) if text[end - 1].isdigit() else None
        if digits is None:
            return None
        name = text[start:end]
        stem = name.rstrip("0123456789")
        number = name[len(stem):] + digits.group().replace(" ", "")
        for joined in dict.fromkeys((stem + number, stem.rstrip() + number)):  # "ResNet 152" reads as "ResNet152"
            whole = [n for n in self.grammar.find(joined) if (n.start, n.end) == (0, len(joined))]
            if whole:
                return start, digits.end(), whole[0].canonical, _parts(whole[0])
        return None


def _parts(name: ModelName) -> dict:
    """The `span._.model` parts of a name the grammar read from a listed family."""
    return {"family": name.entry.family, "params": name.params, "version": name.version,
            "variant": name.value("variant"), "listed": True}


def _names_otherwise(start: int, end: int, known_start: int, known_end: int, label: str) -> bool:
    """Whether a catalogue name overlapping a sized name makes it something else: a dataset
    ("LAION-5B") or a name holding it whole. A word inside it does not ("Perplexity" in
    "Perplexity-R1-1776-70B", "RL" in "MiMo-VL-7B-RL")."""
    overlaps = known_start < end and start < known_end
    return overlaps and (label == "Dataset" or (known_start <= start and end <= known_end))
