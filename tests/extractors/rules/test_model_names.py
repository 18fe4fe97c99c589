"""The model-name grammar on plain strings, with the shipped families and name parts, on seed sentences.

Each name is checked with its offsets, canonical spelling and parts; the pipeline tests
(tests/extractors/components/test_models.py) check the spans made from them.
"""

from __future__ import annotations

import pytest

from extractors.rules.data import DATA_DIR
from extractors.rules.model_names import ModelGrammar, family_of_name, family_stem
from kg.core.iteration import read_jsonl


@pytest.fixture(scope="module")
def grammar() -> ModelGrammar:
    grammar = ModelGrammar()
    grammar.add_parts(read_jsonl(DATA_DIR / "model_parts.jsonl"))
    grammar.add_families(read_jsonl(DATA_DIR / "model_families.jsonl"))
    return grammar


def names(grammar: ModelGrammar, text: str) -> list[tuple[str, str, str, str | None, str | None, str | None]]:
    """(surface, canonical, family, params, version, variant) of every name found in `text`."""
    return [(text[n.start:n.end], n.canonical, n.entry.family, n.params, n.version, n.value("variant"))
            for n in grammar.find(text)]


def test_spelled_out_parts_in_a_sentence(grammar):
    text = "Results on the Llama 3.2 3B Instruct model and the LLaMA 3.1 8B Instruct model improving by 10.61%."
    assert names(grammar, text) == [
        ("Llama 3.2 3B Instruct", "Llama-3.2-3B-Instruct", "Llama", "3B", "3.2", "Instruct"),
        ("LLaMA 3.1 8B Instruct", "Llama-3.1-8B-Instruct", "Llama", "8B", "3.1", "Instruct")]


def test_a_version_glued_to_the_family_and_an_unversioned_family(grammar):
    text = ("Significant and consistent improvements are achieved by SH2 for LLaMA-7b and LLaMA2-7b on "
            "multiple hallucination tasks.")
    assert names(grammar, text) == [("LLaMA-7b", "LLaMA-7B", "Llama", "7B", None, None),
                                    ("LLaMA2-7b", "Llama-2-7B", "Llama", "7B", "2", None)]


def test_a_size_before_the_family_and_a_variant_between_version_and_size(grammar):
    text = ("Third, we reduce both the model size and the amount of data required to outperform LLMs; "
            "our finetuned 770M T5 model outperforms the few-shot prompted 540B PaLM model.")
    assert names(grammar, text)[0] == ("770M T5", "T5-770M", "T5", "770M", None, None)
    text = "Notably, our model matches or outperforms competitive models such as Qwen2.5-Math-7B."
    assert names(grammar, text) == [("Qwen2.5-Math-7B", "Qwen2.5-Math-7B", "Qwen", "7B", "2.5", "Math")]


def test_a_mixture_size(grammar):
    text = "We empirically verify this with open-source LLMs as large as LLaMA-2 70B and Mixtral-8x7B."
    assert [(surface, canonical, params) for surface, canonical, _, params, _, _ in names(grammar, text)] == [
        ("LLaMA-2 70B", "Llama-2-70B", "70B"), ("Mixtral-8x7B", "Mixtral-8x7B", "8x7B")]


def test_a_name_ends_where_the_grammar_stops_reading(grammar):
    text = "We build a Llama2-70B-based agent and compare it to GPT-4's answers."
    found = list(grammar.find(text))
    assert [(text[n.start:n.end], n.canonical) for n in found] == [("Llama2-70B", "Llama-2-70B"),
                                                                  ("GPT-4", "GPT-4")]


@pytest.mark.parametrize("text", [
    "In response to the ineffective evaluation of CLIP-T metrics, we introduce a better metric.",
    "To address this, we present DV-LLaMA, a robust video MLLM baseline.",
    "Finally we evaluate our models on GLUE, RACE, and the GPT4All evaluation suite.",
    "Large language models (LLMs) such as transformer language models are widely used.",
])
def test_names_the_grammar_cannot_read_to_their_end_are_no_models(grammar, text):
    assert names(grammar, text) == []



@pytest.mark.parametrize(("text", "surface"), [
    # corpus titles 2512.22624, 2511.14302, 2512.20344: a capitalised modifier after the name is no part
    ("Efficient SAM-Based Visual Object Tracking with Memory", "SAM"),
    ("SAM-Guided Federated Semi-Supervised Learning for Medical Image Segmentation", "SAM"),
    ("A DeepSeek-Powered AI System for Clinical Triage", "DeepSeek"),
])
def test_a_title_modifier_after_a_name_ends_it(grammar, text, surface):
    assert [found[0] for found in names(grammar, text)] == [surface]


def test_openai_model_ids_of_2023_and_videopoet(grammar):
    """The 2023 conference abstracts the outside benchmark holds compare with these (the 2025 corpus names
    text-davinci-003 once and code-davinci-002 twice)."""
    text = "We query text-davinci-003 and code-davinci-002, and VideoPoet."
    assert [(surface, canonical, family) for surface, canonical, family, *_ in names(grammar, text)] == [
        ("text-davinci-003", "text-davinci-003", "GPT"), ("code-davinci-002", "code-davinci-002", "GPT"),
        ("VideoPoet", "VideoPoet", "VideoPoet")]

def test_an_empty_grammar_finds_nothing():
    assert list(ModelGrammar().find("We fine-tune Llama-2-7B.")) == []


# --- 2024-2025 families and unknown members of known families (issue 10, item 3) ---------------

def canon(grammar: ModelGrammar, text: str) -> list[tuple[str, str, str]]:
    """(surface, canonical, family) of every name found in `text`."""
    return [(surface, canonical, family) for surface, canonical, family, *_ in names(grammar, text)]


def test_reasoning_models_of_2025(grammar):
    text = ("We evaluate o1, o3-mini and o4-mini against DeepSeek-R1, Gemini 2.5 Pro, Claude 3.7 Sonnet "
            "and Qwen3-235B on the new benchmark.")
    assert canon(grammar, text) == [
        ("o1", "o1", "o-series"), ("o3-mini", "o3-mini", "o-series"), ("o4-mini", "o4-mini", "o-series"),
        ("DeepSeek-R1", "DeepSeek-R1", "DeepSeek"), ("Gemini 2.5 Pro", "Gemini-2.5-Pro", "Gemini"),
        ("Claude 3.7 Sonnet", "Claude-3.7-Sonnet", "Claude"), ("Qwen3-235B", "Qwen3-235B", "Qwen")]


def test_the_letter_o_alone_starts_no_name(grammar):
    assert canon(grammar, "Most of our results on out-of-domain data hold for o models.") == []


def test_variant_words_after_a_space_or_a_colon(grammar):
    text = ("Judges include GPT-4o mini and GPT-2 small, while the agent runs Llama3.1:70B locally "
            "and Claude-3.7-thinking in the cloud.")
    assert canon(grammar, text) == [
        ("GPT-4o mini", "GPT-4o-mini", "GPT"), ("GPT-2 small", "GPT-2-small", "GPT"),
        ("Llama3.1:70B", "Llama-3.1-70B", "Llama"), ("Claude-3.7-thinking", "Claude-3.7-Thinking", "Claude")]


def test_a_version_after_the_variant_and_a_spaced_revision(grammar):
    text = "Claude Sonnet 4 and Nemotron Nano V2 12B are compared with Mistral-Nemo-12B."
    assert canon(grammar, text) == [
        ("Claude Sonnet 4", "Claude-4-Sonnet", "Claude"),
        ("Nemotron Nano V2 12B", "Nemotron-Nano-V2-12B", "Nemotron"),
        ("Mistral-Nemo-12B", "Mistral-Nemo-12B", "Mistral")]


def test_a_generic_phrase_after_a_variant_word_ends_the_name(grammar):
    assert canon(grammar, "We probe the Llama 2 large language model.") == [("Llama 2", "Llama-2", "Llama")]


def test_a_domain_prefix_glued_to_a_family_name(grammar):
    text = ("We fine-tune ClinicalT5, CodeT5, PubMedBERT, SBERT and MentalRoBERTA Large, and compare "
            "them with BioBERT, TinyLlama and MedSAM.")
    assert canon(grammar, text) == [
        ("ClinicalT5", "ClinicalT5", "T5"), ("CodeT5", "CodeT5", "T5"), ("PubMedBERT", "PubMedBERT", "BERT"),
        ("SBERT", "SBERT", "BERT"), ("MentalRoBERTA Large", "MentalRoBERTa-large", "RoBERTa"),
        ("BioBERT", "BioBERT", "BERT"), ("TinyLlama", "TinyLlama", "Llama"), ("MedSAM", "MedSAM", "SAM")]


@pytest.mark.parametrize("text", [
    "We introduce QwenCLIP, which aligns LLM embeddings with medical images.",  # two families: a new model
    "A dual self-attention module (DSAM) refines the features.",  # a one-letter prefix is not a word
    "We report BERTScore and evaluate on SAMSum.",
])
def test_prefixes_that_make_another_name(grammar, text):
    assert canon(grammar, text) == []


def test_vision_and_image_generation_families(grammar):
    text = ("Backbones are ResNet50, VGG16, ViT-B/16 and DINOv2; SAM 2 gives masks; we compare "
            "YOLOv8 with YOLO11 and generate images with Stable Diffusion 3.5, SD1.5 and FLUX.1-dev.")
    assert canon(grammar, text) == [
        ("ResNet50", "ResNet-50", "ResNet"), ("VGG16", "VGG-16", "VGG"), ("ViT-B/16", "ViT-B/16", "ViT"),
        ("DINOv2", "DINOv2", "DINO"), ("SAM 2", "SAM-2", "SAM"), ("YOLOv8", "YOLOv8", "YOLO"),
        ("YOLO11", "YOLO11", "YOLO"), ("Stable Diffusion 3.5", "Stable Diffusion-3.5", "Stable Diffusion"),
        ("SD1.5", "SD1.5", "Stable Diffusion"), ("FLUX.1-dev", "FLUX.1-dev", "FLUX")]


def test_architecture_names_alone_are_no_models(grammar):
    assert canon(grammar, "A ViT and a ResNet are trained with VGG-style blocks.") == []


def test_members_that_are_families_of_their_own(grammar):
    text = "We compare XLM-Roberta, GPT-J 6B, PaliGemma and InternVL2.5-8B with LlamaGen-B."
    assert canon(grammar, text) == [
        ("XLM-Roberta", "XLM-RoBERTa", "XLM-RoBERTa"), ("GPT-J 6B", "GPT-J-6B", "GPT-J"),
        ("PaliGemma", "PaliGemma", "PaliGemma"), ("InternVL2.5-8B", "InternVL2.5-8B", "InternVL"),
        ("LlamaGen-B", "LlamaGen-B", "LlamaGen")]


def test_long_forms_of_model_names(grammar):
    text = "Contrastive Language-Image Pretraining (CLIP) and the Segment Anything Model (SAM) are frozen."
    assert canon(grammar, text) == [
        ("Contrastive Language-Image Pretraining", "CLIP", "CLIP"), ("CLIP", "CLIP", "CLIP"),
        ("Segment Anything Model", "SAM", "SAM"), ("SAM", "SAM", "SAM")]


def test_unknown_sub_names_before_a_size(grammar):
    text = "Skywork-OR1-Math-7B and DeepSeek-R1-Distill-Qwen-7B are distilled models."
    assert canon(grammar, text) == [
        ("Skywork-OR1-Math-7B", "Skywork-OR1-Math-7B", "Skywork"),
        ("DeepSeek-R1-Distill-Qwen-7B", "DeepSeek-R1-Distill-Qwen-7B", "DeepSeek")]


def test_names_glued_to_a_size_in_billions(grammar):
    text = "We release Kuwain-1.5B and AgenTracer-8B, trained on LAION-5B images and InsViE-1M videos."
    assert list(grammar.sized_names(text)) == [
        (11, 22, "Kuwain-1.5B", "Kuwain", "1.5B"), (27, 40, "AgenTracer-8B", "AgenTracer", "8B"),
        (53, 61, "LAION-5B", "LAION", "5B")]
    text = "Sailor-7B-Chat and Aquila-7B-Instruct-v2 answer; so do Kuwain-7B-based systems."
    assert list(grammar.sized_names(text)) == [  # a lower-case word after the count is not the name's
        (0, 14, "Sailor-7B-Chat", "Sailor", "7B"), (19, 40, "Aquila-7B-Instruct-v2", "Aquila", "7B"),
        (55, 64, "Kuwain-7B", "Kuwain", "7B")]


@pytest.mark.parametrize(("text", "name", "family"), [  # corpus sentences
    ("we introduce MiMo-VL-7B-SFT and MiMo-VL-7B-RL", "MiMo-VL-7B-RL", "MiMo"),
    ("the Granite-13B-Instruct-V2 model", "Granite-13B-Instruct-V2", "Granite"),
    ("Extensive experiments show that Pangu-7B-Reasoner", "Pangu-7B-Reasoner", "Pangu"),
    ("we release Apertus-8B-2509", "Apertus-8B-2509", "Apertus"),
])
def test_capitalised_and_numbered_parts_after_the_size_are_the_names(grammar, text, name, family):
    assert [(n, f) for _, _, n, f, _ in grammar.sized_names(text)][-1] == (name, family)


def test_a_release_date_of_month_and_day_ends_a_name(grammar):
    text = "GLM-4-9B-0414 and DeepSeek-R1-0528 answer."
    assert canon(grammar, text) == [("GLM-4-9B-0414", "GLM-4-9B-0414", "GLM"),
                                    ("DeepSeek-R1-0528", "DeepSeek-R1-0528", "DeepSeek")]


def test_chat_gpt_with_a_hyphen_is_chatgpt(grammar):
    """Seed dump (not seed dev): "Chat-GPT" was an unknown model of the family "Chat"."""
    assert canon(grammar, "We compare Chat-GPT with GPT-4.") == [
        ("Chat-GPT", "ChatGPT", "GPT"), ("GPT-4", "GPT-4", "GPT")]


def test_a_makers_name_glued_before_a_model_is_part_of_it(grammar):
    text = "reasoning models such as OpenAI-o1 and DeepSeek-R1, while DV-LLaMA is another model"
    assert canon(grammar, text) == [("OpenAI-o1", "o1", "o-series"), ("DeepSeek-R1", "DeepSeek-R1", "DeepSeek")]


@pytest.mark.parametrize(("name", "family"), [
    ("Monet-7B", "Monet"), ("Compass-v3", "Compass"), ("XTTSv2", "XTTS"), ("PIC-LM", "PIC-LM"),
    ("Arctic-Text2SQL-R1", "Arctic"), ("Mantis", "Mantis"), ("UI-TARS", "UI-TARS"),
    ("AgenTracer-8B", "AgenTracer"), ("Wan-2.1", "Wan"), ("ResNet50", "ResNet"), ("DI-Star", "DI-Star"),
    ("Janus", "Janus"), ("Skywork-OR1-7B", "Skywork"), ("GLM-4-9B", "GLM"), ("GPT-4.5/5", "GPT"),
    ("OV-3DET", "OV-3DET"),
])
def test_the_family_of_an_unknown_model_is_its_stem(name, family):
    assert family_stem(name) == family


@pytest.mark.parametrize(("name", "family"), [
    ("TASA", "TASA"), ("DINOv3", "DINO"), ("VGG-16", "VGG"), ("RWKV", "RWKV"),
    ("Fun-Audio-Chat-8B", None), ("Depth Anything-3", None), ("Pro-GRPO", None),
])
def test_a_name_gives_its_family_only_when_the_rest_is_a_version(name, family):
    """The family of a Model only an acronym names (arXiv corpus): its stem, unless more of the
    name than a version would be cut off."""
    assert family_of_name(name) == family
