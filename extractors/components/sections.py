"""Sentence bounds the rules can rely on: a new sentence starts at the abstract, so the title is
never glued to its first sentence, and no sentence runs past MAX_SENTENCE_TOKENS tokens.

The rules after this work sentence by sentence, some in time that grows with the square of a
sentence's length; a text without full stops (a 100k-character run-on "abstract") would make one
huge sentence. Real sentences are far shorter than the cap (none is cut in the 3,000-paper arXiv
baseline); a longer run is cut after its last comma or semicolon in the second half of the
window, else at the cap.
"""

from __future__ import annotations

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import text_of  # (importing it registers doc._.title_end)

MAX_SENTENCE_TOKENS = 256
_CLAUSE_ENDS = {",", ";"}


@Language.factory("paperkg_sections")
def make_sections(nlp: Language, name: str) -> SectionSplitter:
    return SectionSplitter()


class SectionSplitter:
    def __call__(self, doc: Doc) -> Doc:
        title_end = doc._.title_end
        if title_end:
            for i, (idx, space) in enumerate(doc.to_array([IDX, IS_SPACE]).tolist()):
                if idx > title_end and not space:
                    doc[i].is_sent_start = True
                    break
        self._cap_sentences(doc)
        return doc

    @staticmethod
    def _cap_sentences(doc: Doc) -> None:
        start, clause_cut = 0, None
        text = text_of(doc)
        for i, (sent_start, idx, length) in enumerate(doc.to_array([SENT_START, IDX, LENGTH]).tolist()):
            if sent_start == 1:
                start, clause_cut = i, None
            elif i - start >= MAX_SENTENCE_TOKENS:
                cut = clause_cut if clause_cut is not None and clause_cut > start + MAX_SENTENCE_TOKENS // 2 \
                    else i
                doc[cut].is_sent_start = True
                start, clause_cut = cut, None
            if text[idx:idx + length] in _CLAUSE_ENDS and i + 1 < len(doc):
                clause_cut = i + 1
