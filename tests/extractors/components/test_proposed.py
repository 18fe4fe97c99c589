"""Proposed names (doc._.proposed) on seed titles and abstract sentences, through the pipeline."""

from __future__ import annotations

import pytest

from extractors.pipeline import default_pipeline
from tests.extractors.pipeline_cases import extract, mentions, the_mention

CONFABULATION = (
    "This paper presents a systematic defense of large language model (LLM) hallucinations or "
    "'confabulations' as a potential resource instead of a categorically negative pitfall. The standard "
    "view is that confabulations are inherently problematic and AI research should eliminate this flaw.")

CASES = [
    # (title, abstract, proposed)
    ("LoFiT: Localized Fine-tuning on LLM Representations",
     "Recent work in interpretability shows that large language models (LLMs) can be adapted for new "
     "tasks in a learning-free way.", ["LoFiT"]),
    ("Polyjuice: Generating Counterfactuals for Explaining, Evaluating, and Improving Models",
     "While counterfactual examples are useful for analysis and training of NLP models, current "
     "generation methods either rely on manual labor to create very few counterfactuals, or only "
     "instantiate limited types of perturbations such as paraphrases or word substitutions.",
     ["Polyjuice"]),
    ("Confabulation: The Surprising Value of Large Language Model Hallucinations", CONFABULATION, []),
    ("LoL: A Comparative Regularization Loss over Query Reformulation Losses for Pseudo-Relevance Feedback",
     "To bridge this gap, we propose the Loss-over-Loss (LoL) framework to compare the reformulation "
     "losses between different revisions of the same query during training.", ["LoL"]),
    ("", "To test this hypothesis, we propose Conjugate Prompting to see if we can recover pretrained "
     "capabilities.", ["Conjugate Prompting"]),
    ("", "To address this, we introduce a simple, tuning-free alignment method, URIAL. URIAL achieves "
     "effective alignment purely through in-context learning.", ["URIAL"]),
    ("", "To uncover these findings, we employ: Patch Patching, DCM, which automatically detects model components "
     "responsible for specific semantics, and CMAP, a new approach for patching activations across "
     "models to reveal improved mechanisms.", ["CMAP"]),
    ("", "Based on our observations, we propose a negative attention score (NAS) to systematically and "
     "quantitatively formulate negative bias.", ["NAS"]),
    ("", "In this paper, based on causal analysis of the aforementioned problems, we propose a novel "
     "fine-tuning method, which uses masked images as counterfactual samples that help improve the "
     "robustness of the fine-tuning model.", []),
    ("", "Fine-tuning with reinforcement learning (RL) is common. Based on these principles, we develop "
     "an RL approach that more reliably mitigates hallucinations for long-form generation tasks.", []),
]


@pytest.mark.parametrize(("title", "abstract", "proposed"), CASES, ids=[c[2][0] if c[2] else "none" for c in CASES])
def test_proposed_names(title, abstract, proposed):
    assert extract(abstract, title=title).proposed == proposed


def test_proposed_name_unknown_to_every_catalogue_becomes_a_method():
    # The trained NER finds this name too; without it, the proposal cue alone must make the mention.
    with default_pipeline().select_pipes(disable=["paperkg_ner"]):
        found = extract(CASES[4][1])
    mention = the_mention(found, "Conjugate Prompting")
    assert (mention.type, mention.canonical, mention.source, mention.role) == (
        "Method", "Conjugate Prompting", "pattern", "proposes")


def test_head_noun_types_a_proposed_dataset():
    found = extract("We introduce the new task of detecting generalization in language, and build GeniL, a "
                    "multilingual dataset of over 50K sentences from 9 languages annotated for instances of "
                    "generalizations.", title="GeniL: A Multilingual Dataset on Generalizing Language")
    assert found.proposed == ["GeniL"]
    assert {(m.field, m.type, m.role) for m in mentions(found, "GeniL")} == {
        ("title", "Dataset", "proposes"), ("abstract", "Dataset", "proposes")}


def test_head_noun_types_a_proposed_metric():
    found = extract("In response to the ineffective evaluation of CLIP-T metrics, we introduce BLIP2-T metric, "
                    "a more equitable and effective evaluation metric for this particular task.")
    assert found.proposed == ["BLIP2-T"]
    assert the_mention(found, "BLIP2-T").type == "Metric"


def test_acronym_and_long_form_are_one_proposal():
    found = extract(CASES[3][1], title=CASES[3][0])
    assert {(m.text, m.canonical, m.role) for m in found.entities if m.canonical == "LoL"} == {
        ("LoL", "LoL", "proposes"), ("Loss-over-Loss", "LoL", "proposes")}


# The next cases are real sentences from the 2025 arXiv corpus (../shared/data/corpora), where the
# seed abstracts have no instance of the pattern.
def test_a_capital_that_only_starts_a_sentence_is_no_name():
    found = extract("We present the Leuven Art Personalized Image Set (LAPIS), a novel dataset for personalized "
                    "image aesthetic assessment (PIAA). It is the first dataset with images of artworks that "
                    "is suitable for PIAA.",
                    title="LAPIS: A novel dataset for personalized image aesthetic assessment")
    assert found.proposed == ["LAPIS"]
    assert the_mention(found, "LAPIS").type == "Dataset"


def test_spellings_of_one_proposed_name_share_its_canonical():
    found = extract("To overcome these limitations, we propose a novel framework, Co-Spy, that first enhances "
                    "existing semantic features. Additionally, we create Co-Spy-Bench, a comprehensive dataset "
                    "comprising 5 real image datasets.",
                    title="CO-SPY: Combining Semantic and Pixel Features to Detect Synthetic Images by AI")
    assert found.proposed == ["CO-SPY", "Co-Spy-Bench"]
    assert {m.canonical for m in found.entities if m.text in ("CO-SPY", "Co-Spy")} == {"CO-SPY"}
    assert the_mention(found, "Co-Spy-Bench").type == "Dataset"


def test_an_adjective_made_from_a_name_is_not_proposed():
    found = extract("We propose an AmbientGAN-based generative technique to identify the distribution of "
                    "parameters in unknown imaging systems.")
    assert found.proposed == []


def test_an_abstract_at_the_length_limit_repeating_its_proposal():
    """100k characters repeating "We propose FooBar, ..." once took 75 s (every candidate scanned
    every entity); the time is in bench/abstract_length.py, the result is checked here."""
    sentence = "We propose FooBar, a novel method, and evaluate it on GSM8K with Llama-2-7B. "
    abstract = (sentence * (100_000 // len(sentence)))[:100_000]
    found = extract(abstract, title="FooBar: Proposing Again and Again")
    assert found.proposed == ["FooBar"]
    foobars = mentions(found, "FooBar")
    assert len(foobars) == abstract.count("FooBar") + 1 and {m.role for m in foobars} == {"proposes"}
    assert len(mentions(found, "GSM8K")) == abstract.count("GSM8K")
