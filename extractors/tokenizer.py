"""The product's tokenizer: spaCy's English rules, plus a full stop split off a name that ends in a
digit or a lower-case letter and a capital ("on GSM8K.", "ImageNet-1K.", "with ViT.", "CoT.",
"MoE."), parentheses split off the words they are glued to, a hanging hyphen ("GAN- and
diffusion-based") and a glued citation ("DeepLens[19]") split off their names, and no emoticons.

spaCy splits a final full stop after a lower-case letter, a digit or two capitals, and keeps it after
one capital ("U.S.") so abbreviations stay whole; "GSM8K." and "ViT." fell in that gap, so the name
and the end of its sentence were one token: the gazetteer missed the name, and the sentence ran on
into the next.
Acronym definitions need their parentheses as tokens: "(GAN)-based" and "models(MLLMs)" were one
token with the bracket, and spaCy's emoticon "):" swallowed the close of "Dual-level Knowledge
Alignment (DKA): ...", so none of these defined its acronym (about 3 in 100 arXiv abstracts have
one of them). Abstracts hold no emoticons.
The pipeline (config.cfg), the NER's training texts and the gazetteer's pattern tokens all use it.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.lang.tokenizer_exceptions import emoticons
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

TOKENIZER = "paperkg.Tokenizer.v1"
NAME_FULL_STOP = r"(?<=[0-9a-z-][A-Z])\."  # "GSM8K.", "ViT.", "CoT.", "MoE.", "ImageNet-R."
# Abbreviations of paper prose whose full stop ends no sentence ("Smith et al. (2023) report",
# "as shown in Fig. 3"): one token each, so the sentencizer does not split there.
ABBREVIATIONS = ("al.", "Fig.", "Figs.", "fig.", "Eq.", "Eqs.", "eq.", "Eqn.", "approx.", "resp.", "cf.", "Sec.",
                 "Tab.", "Ref.", "Refs.", "Sect.")
GLUED_PARENTHESES = (
    r"\)(?=-[A-Za-z])",  # "(GAN)-based"
    r"(?<=\))-(?=[A-Za-z])",  # ... and the hyphen after it
    r"(?<=[a-z]{2})\((?=[A-Za-z])",  # "models(MLLMs)", not the names "O(OD)2", "S(hou)t(s)"
    r"(?<=[A-Za-z0-9]{2})\)(?=[a-z]{2})",  # "Knowledge distillation (KD)transfers", "CUB200)and"
)
GLUED_EQUALS = r"(?<=[A-Za-z])=(?=[\d.])"  # "sensitivity=74%", "CNN=0.46": a name set equal to a number
# A sentence glued to the bracket before it ("Event Data Recorder (EDR).For validation") and a
# citation glued to a name ("Building on DeepLens[19]"): the name stands alone.
GLUED_AFTER_BRACKET = (r"\)(?=\.[A-Z][a-z])", r"(?<=\))\.(?=[A-Z][a-z])")
GLUED_CITATION = r"(?<=[A-Za-z]{2})\[(?=\d)"
# A hyphen left hanging by a shared second part ("GAN- and diffusion-based", "ConvNet-, Transformer-,
# and Mamba-based"): the name before it is a word of its own.
HANGING_HYPHEN = r"(?<=[A-Za-z0-9]{2})-"


@registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Callable]:
    def make(nlp: Language) -> Callable:  # a spacy.tokenizer.Tokenizer (a Cython class mypy cannot see)
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        tokenizer.suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or ()), NAME_FULL_STOP,
                                                        HANGING_HYPHEN]).search
        tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *GLUED_PARENTHESES,
                                                        GLUED_EQUALS, *GLUED_AFTER_BRACKET, GLUED_CITATION]).finditer
        tokenizer.rules = {text: pieces for text, pieces in tokenizer.rules.items() if text not in emoticons}
        for abbreviation in ABBREVIATIONS:
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        return tokenizer
    return make


def blank() -> Language:
    """A blank English pipeline with the product's tokenizer."""
    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
