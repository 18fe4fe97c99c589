"""The product's tokenizer splits the full stop off a name ending in a digit and a capital, and the
parentheses off the words they are glued to, so that acronym definitions stay readable."""

from __future__ import annotations

import spacy

from extractors.pipeline import default_pipeline
from extractors.tokenizer import blank
from tests.extractors.pipeline_cases import annotate, extract


def words(nlp, text: str) -> list[str]:
    return [token.text for token in nlp(text)]


def test_a_name_ending_in_digit_and_capital_ends_its_sentence():
    nlp = blank()
    assert words(nlp, "We evaluate on ImageNet-1K. It") == ["We", "evaluate", "on", "ImageNet-1", "K", ".", "It"]
    assert words(spacy.blank("en"), "on ImageNet-1K. It") == ["on", "ImageNet-1K.", "It"]  # why it exists
    assert words(nlp, "the U.S. army, e.g. this") == ["the", "U.S.", "army", ",", "e.g.", "this"]
    assert words(nlp, "backbones such as ViT. It uses CoT.") == ["backbones", "such", "as", "ViT", ".", "It",
                                                             "uses", "CoT", "."]
    assert words(spacy.blank("en"), "as ViT. It")[1] == "ViT."
    assert words(nlp, "on ImageNet-R. It")[-3:] == ["R", ".", "It"]
    assert words(nlp, "a Ph.D. in") == ["a", "Ph.D.", "in"]


def test_glued_parentheses_are_tokens_of_their_own():
    nlp = blank()
    assert words(nlp, "fine-tuning (PEFT)-based CL") == ["fine", "-", "tuning", "(", "PEFT", ")", "-", "based", "CL"]
    assert words(nlp, "language models(MLLMs) and") == ["language", "models", "(", "MLLMs", ")", "and"]
    assert words(nlp, "distillation (KD)transfers the") == ["distillation", "(", "KD", ")", "transfers", "the"]
    assert words(nlp, "Alignment (DKA): By") == ["Alignment", "(", "DKA", ")", ":", "By"]
    assert words(spacy.blank("en"), "(DKA): By")[-2] == "):"  # spaCy's emoticon, why it exists
    # A name made with parentheses stays whole.
    assert words(nlp, "benchmarks: O(OD)2 and") == ["benchmarks", ":", "O(OD)2", "and"]


def test_a_name_glued_to_its_value_is_a_token_of_its_own():
    nlp = blank()
    assert words(nlp, "(sensitivity=74%, CNN=0.46)") == ["(", "sensitivity", "=", "74", "%", ",", "CNN", "=",
                                                        "0.46", ")"]
    assert words(spacy.blank("en"), "(sensitivity=74%")[1] == "sensitivity=74"  # why it exists
    assert words(nlp, "x==y") == ["x==y"]
    # arXiv 2503.17786 (corpus): the metric's name is whole, and its value is read
    found = extract("Our model reaches state-of-the-art results on the test set (sensitivity=74%, "
                    "false positive rate=1.6).")
    assert {m.text for m in found.entities} >= {"sensitivity", "false positive rate"}
    assert [(r.value, r.metric) for r in found.results] == [(74.0, "Sensitivity"), (1.6, "False Positive Rate")]



def test_a_hanging_hyphen_a_glued_sentence_and_a_glued_citation_leave_the_name_whole():
    nlp = blank()
    assert words(nlp, "GAN- and diffusion-based") == ["GAN", "-", "and", "diffusion", "-", "based"]
    assert words(spacy.blank("en"), "GAN- and")[0] == "GAN-"  # why it exists
    assert words(nlp, "Recorder (EDR).For validation") == ["Recorder", "(", "EDR", ")", ".", "For", "validation"]
    assert words(nlp, "on DeepLens[19], our") == ["on", "DeepLens", "[", "19", "]", ",", "our"]
    assert words(nlp, "x- and [2] and f(x).y") == ["x-", "and", "[", "2", "]", "and", "f(x).y"]
    # corpus papers 2512.14760 and 2511.10853: the names the NER read with the hyphen or the sentence
    found = extract("It beats the state-of-the-art traditional, CNN-, GAN-, and diffusion-based methods.")
    assert {m.text for m in found.entities if not m.generic} >= {"CNN", "GAN"}
    found = extract("We align video data with temporal Event Data Recorder (EDR).For validation, we apply it.")
    assert "EDR" in {m.text for m in found.entities}

def test_an_acronym_defined_before_a_colon_or_a_hyphen_is_paired():
    found = extract("We propose two innovations: (1) Dual-level Knowledge Alignment (DKA): by aligning "
                    "features across subspaces, DKA separates them. Recently, parameter-efficient "
                    "fine-tuning (PEFT)-based methods have drawn attention.")
    assert {m.text: m.canonical for m in found.entities if not m.generic} == {
        "Dual-level Knowledge Alignment": "DKA", "DKA": "DKA",
        "parameter-efficient fine-tuning": "PEFT", "PEFT": "PEFT"}


def test_abbreviations_of_paper_prose_end_no_sentence():
    assert words(blank(), "Smith et al. (2023) in Fig. 3") == [
        "Smith", "et", "al.", "(", "2023", ")", "in", "Fig.", "3"]
    assert words(spacy.blank("en"), "Smith et al. (2023)")[2:4] == ["al", "."]  # why it exists
    doc = annotate("Following Smith et al. (2023), as shown in Fig. 3, our model (approx. 7B) reaches 85.3% on GSM8K.")
    assert len(list(doc.sents)) == 1


def test_the_pipeline_uses_it():
    assert default_pipeline().config["nlp"]["tokenizer"] == {"@tokenizers": "paperkg.Tokenizer.v1"}
    found = extract("We evaluate on GSM8K. It improves accuracy by 3.2% on MATH.")
    gsm8k = next(m for m in found.entities if m.canonical == "GSM8K")
    assert (gsm8k.text, gsm8k.source) == ("GSM8K", "gazetteer")
    assert [(r.value, r.dataset) for r in found.results] == [(3.2, "MATH")]
