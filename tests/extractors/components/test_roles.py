"""Roles from cue phrases, on seed-abstract sentences, through the shipped pipeline."""

from __future__ import annotations

import pytest

from tests.extractors.pipeline_cases import extract, the_mention

CASES = [
    # (sentence, mention, role)
    ("Extensive experiments on HotpotQA and WebShop show that our method is more effective than "
     "prompt engineering.", "HotpotQA", "evaluates_on"),
    ("Extensive experiments on HotpotQA and WebShop show that our method is more effective than "
     "prompt engineering.", "WebShop", "evaluates_on"),
    ("Extensive experiments on HotpotQA and WebShop show that our method is more effective than "
     "prompt engineering.", "prompt engineering", "compares"),
    ("We consider three methods and evaluate on abstractive summarization, multi-class topic "
     "classification, and named-entity recognition.", "abstractive summarization", "evaluates_on"),
    ("Based on LLaMA-2 as our underlying model, our results show an average improvement of more than "
     "12 BLEU over its zero-shot performance.", "LLaMA-2", "uses"),
    ("To validate the effectiveness of CFT, we construct a dataset from WebInstruct, using GPT-4o as the "
     "teacher to generate critiques.", "GPT-4o", "uses"),
    ("Our experimental comparisons under different user preferences show that T-COL outperforms all "
     "baselines, including GPT-4 and ChatGPT.", "ChatGPT", "compares"),
    ("In our experiments on Pythia language models, we find that LoRA outperforms full finetuning and "
     "MEMIT.", "MEMIT", "compares"),
    ("In our experiments on Pythia language models, we find that LoRA outperforms full finetuning and "
     "MEMIT.", "LoRA", "mentions"),
    ("Recently, the large models pre-trained on diverse data such as CLIP have demonstrated unprecedented "
     "robustness.", "CLIP", "mentions"),
    # 2025 corpus: a colon after the class noun opens the list it names
    ("We systematically compare single-agent and multi-agent pipelines on four visual math benchmarks: "
     "Geometry3K, MathVerse, OlympiadBench, and We-Math.", "OlympiadBench", "evaluates_on"),
    ("We propose MRG-R1 and evaluate it on two datasets: IU X-Ray and MIMIC-CXR using clinical efficacy "
     "metrics.", "MIMIC-CXR", "evaluates_on"),
    # 2025 corpus: a list's last member, past the cue's reach, shares the role of the one before it
    ("This study compares large language models, including GatorTron-Base (trained on clinical data), Llama "
     "8B, and Mistral 7B, against models like BioBERT, DocBERT, BioClinicalBERT, Word2Vec, and Doc2Vec, "
     "setting benchmarks for predicting Shock in critically ill patients.", "Doc2Vec", "compares"),
    # 2025 corpus: of two cues ending together the longer holds ("pretrained on", not "on")
    ("Two CNN architectures were implemented: ResNet50, a deep convolutional neural network pretrained on "
     "ImageNet, and a custom lightweight CNN optimized for computational efficiency.", "ImageNet", "uses"),
]


@pytest.mark.parametrize(("sentence", "text", "role"), CASES, ids=[f"{c[1]}-{c[2]}" for c in CASES])
def test_role_from_cue(sentence, text, role):
    assert the_mention(extract(sentence), text).role == role


def test_every_mention_has_a_role_and_proposed_entities_propose():
    found = extract("In this paper, we present OPERA, a novel MLLM decoding method grounded in an "
                    "Over-trust Penalty, and compare it with beam search on MMLU.",
                    title="OPERA: Alleviating Hallucination in Multi-Modal Large Language Models")
    roles = {(m.field, m.text): m.role for m in found.entities}
    assert roles[("title", "OPERA")] == roles[("abstract", "OPERA")] == "proposes"
    assert set(roles.values()) <= {"proposes", "uses", "evaluates_on", "compares", "mentions"}
