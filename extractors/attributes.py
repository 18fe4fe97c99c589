"""Custom spaCy attributes shared by the PaperKG components (registered once, on import).

Doc-level:  `doc._.title_end` (char offset where the title ends; 0 without a title),
            `doc._.text` (the doc's text, read once: see `text_of`),
            `doc._.acronyms` (list of (long_start, long_end, short_start, short_end) char offsets),
            `doc._.proposed` (canonical names the paper introduces),
            `doc._.results` (dicts: value, unit, kind, metric, dataset, subject, start, end — the
            evidence's char offsets in the doc).
Span-level (spans of `doc.spans["entities"]`, label = entity type, `id_` = canonical name):
            `source` (ner|gazetteer|acronym|pattern), `score`, `role`, `generic`, and `model`
            (dict with family/params/version/variant for Model spans).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Span

ENTITIES_KEY = "entities"

_DOC_ATTRS = {"title_end": 0, "text": None, "acronyms": None, "proposed": None, "results": None}
_SPAN_ATTRS = {"source": None, "score": None, "role": None, "generic": False, "model": None}

for _name, _default in _DOC_ATTRS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
for _name, _default in _SPAN_ATTRS.items():
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


def _values(doc: Doc) -> dict[Any, Any]:
    """Where spaCy's Underscore keeps the doc's and its spans' custom attributes, under the keys
    ("._.", name, start_char, end_char), None for the doc's own. Reading them there skips the
    Underscore object that `doc._` and `span._` build on every access. (spaCy types the keys str.)"""
    return doc.user_data


def text_of(doc: Doc) -> str:
    """`doc.text`, joined from the tokens once per doc: spaCy rebuilds it on every access, which
    cost the rule components 10% of the pipeline's time. Splitting or merging tokens keeps it.
    Stored as `doc._.text`, read from the user data (about 160 times per paper)."""
    values, key = _values(doc), ("._.", "text", None, None)
    text = values.get(key)
    if text is None:
        text = values[key] = doc.text
    return text


def once_per_doc(doc: Doc, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` the first time a component asks for `name` on `doc`, then the stored value: for a
    reading of the text two components share (kept in the user data, under no attribute's key)."""
    values, key = _values(doc), ("paperkg", name)
    if key not in values:
        values[key] = compute()
    return values[key]


def span_value(doc: Doc, span: Span, name: str) -> Any:
    """`span._.<name>`, or None when it was never set (every span attribute's default is falsy),
    read from the user data: the output step reads five a mention (half its time through `span._`)."""
    return _values(doc).get(("._.", name, span.start_char, span.end_char))


def span_text(span: Span) -> str:
    """`span.text`, sliced from the doc's text: spaCy joins it from a new Token per token."""
    return text_of(span.doc)[span.start_char:span.end_char]


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each of `doc.sents`, read from token arrays: iterating doc.sents
    builds a Token per token to find the starts."""
    rows = doc.to_array([SENT_START, IDX, LENGTH]).tolist()
    bounds, start = [], 0
    for i in range(1, len(rows)):
        if rows[i][0] == 1:
            bounds.append((rows[start][1], rows[i - 1][1] + rows[i - 1][2]))
            start = i
    if start != len(rows):
        bounds.append((rows[start][1], rows[-1][1] + rows[-1][2]))
    return bounds
