"""Start a new sentence at the abstract, so the title is never glued to its first sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import extractors.attributes  # noqa: F401  (registers doc._.title_end)


@Language.factory("paperkg_sections")
def make_sections(nlp: Language, name: str) -> "SectionSplitter":
    return SectionSplitter()


class SectionSplitter:
    def __call__(self, doc: Doc) -> Doc:
        title_end = doc._.title_end
        if title_end:
            for token in doc:
                if token.idx > title_end and not token.is_space:
                    token.is_sent_start = True
                    break
        return doc
