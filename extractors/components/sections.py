"""Sentence bounds the rules can rely on: a new sentence starts at the abstract, so the title is
never glued to its first sentence, and no sentence runs past MAX_SENTENCE_TOKENS tokens.

The rules after this work sentence by sentence, some in time that grows with the square of a
sentence's length; a text without full stops (a 100k-character run-on "abstract") would make one
huge sentence. Real sentences are far shorter than the cap (none is cut in the 3,000-paper arXiv
baseline); a longer run is cut after its last comma or semicolon in the second half of the
window, else at the cap.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import extractors.attributes  # noqa: F401  (registers doc._.title_end)

MAX_SENTENCE_TOKENS = 256
_CLAUSE_ENDS = {",", ";"}


@Language.factory("paperkg_sections")
def make_sections(nlp: Language, name: str) -> SectionSplitter:
    return SectionSplitter()


class SectionSplitter:
    def __call__(self, doc: Doc) -> Doc:
        title_end = doc._.title_end
        if title_end:
            for token in doc:
                if token.idx > title_end and not token.is_space:
                    token.is_sent_start = True
                    break
        self._cap_sentences(doc)
        return doc

    @staticmethod
    def _cap_sentences(doc: Doc) -> None:
        start, clause_cut = 0, None
        for token in doc:
            if token.is_sent_start:
                start, clause_cut = token.i, None
            elif token.i - start >= MAX_SENTENCE_TOKENS:
                cut = clause_cut if clause_cut is not None and clause_cut > start + MAX_SENTENCE_TOKENS // 2 \
                    else token.i
                doc[cut].is_sent_start = True
                start, clause_cut = cut, None
            if token.text in _CLAUSE_ENDS and token.i + 1 < len(doc):
                clause_cut = token.i + 1
