"""The shared phrase helpers: cue regexes, generic words and head-noun types (shipped data files)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors.rules.data import DATA_DIR, data_path
from extractors.rules.phrases import (
    HeadTypes,
    datasets_by_context,
    generic_word_keys,
    is_generic_phrase,
    metrics_by_context,
    phrase_regex,
)
from kg.core.iteration import read_jsonl


def test_phrases_match_whole_words_longest_first_across_line_breaks():
    pattern = re.compile(phrase_regex(["based on", "based", "on"]), re.IGNORECASE)
    text = "Our method, Based\non LoRA, is unbased."
    assert [m.group() for m in pattern.finditer(text)] == ["Based\non"]


def test_a_star_matches_any_ending_and_not_after_widens_the_left_boundary():
    cues = re.compile(phrase_regex(["improv*", "gain"], not_after=r"[\w@-]"), re.IGNORECASE)
    text = "It improves accuracy (a 3% gain) over the non-improved, self-gain baseline."
    assert [m.group() for m in cues.finditer(text)] == ["improves", "gain"]
    plain = re.compile(phrase_regex(["improv*", "gain"]), re.IGNORECASE)
    assert [m.group() for m in plain.finditer(text)] == ["improves", "gain", "improved", "gain"]


@pytest.fixture(scope="module")
def generic_words() -> set[str]:
    return generic_word_keys(read_jsonl(DATA_DIR / "generic_words.jsonl"))


@pytest.mark.parametrize(("phrase", "generic"), [
    ("large language models", True), ("LLMs", True), ("in-distribution", True),
    ("Direct Preference Optimization", False), ("language models like GPT-4", False),
])
def test_a_phrase_is_generic_when_every_word_is(generic_words, phrase, generic):
    assert is_generic_phrase(phrase, generic_words) is generic


@pytest.fixture(scope="module")
def heads() -> HeadTypes:
    return HeadTypes(read_jsonl(DATA_DIR / "entity_heads.jsonl"))


def test_head_noun_of_a_name(heads):
    assert heads.of_name("Political Compass Test") == "Dataset"
    assert heads.of_name("Reward Inflection Point Approximation") is None
    assert heads.of_name("negative attention score") == "Metric"
    assert heads.of_name("Contest") is None  # "test" must be a word of its own


def test_first_head_noun_in_context(heads):
    before = "we introduce a new benchmark, "
    assert heads.first_in(before) == "Dataset"
    assert heads.first_in("a simple framework that fine-tunes a language model") == "Method"
    assert heads.first_in("a language model fine-tuned by a framework", ("Dataset", "Method")) == "Method"
    assert heads.first_in("nothing of the kind") is None


def test_configured_data_paths_are_inside_the_data_tree_unless_absolute(tmp_path):
    assert data_path("role_cues.jsonl") == DATA_DIR / "role_cues.jsonl"
    assert data_path(tmp_path / "cues.jsonl") == tmp_path / "cues.jsonl"
    assert data_path(Path("sub/cues.jsonl")) == DATA_DIR / "sub" / "cues.jsonl"


@pytest.mark.parametrize(("text", "names"), [
    # 2025 corpus phrases: one name-shaped word a determiner and a singular dataset noun enclose
    ("Experiments on the clean KDEF dataset show", ["KDEF"]),
    ("Experiments on our purpose-built HI-Dialogue dataset show", ["HI-Dialogue"]),
    ("drops on the VBench-2.0 benchmark", ["VBench-2.0"]),
    ("Evaluation on the Woven Traffic Safety dataset shows", ["Woven Traffic Safety"]),
    ("Results on the JAADbeh, JAADall, and PIE datasets", ["JAADbeh", "JAADall", "PIE"]),
    # a kind of data, a modifier, no determiner, a plain word, a count
    ("we construct the first AQA dataset containing fine-grained sub-score", []),
    ("we convert the existing SMPL-based dataset 4DHuman into", []),
    ("We introduce AgriCoT, a VQA dataset that incorporates", []),
    ("This approach allowed us to train on a curated 1M dataset, achieving competitive performance.", []),
    # a score reported on a name-shaped word; a count is no score ("8 GPUs on H100")
    ("outperforming existing methods by large margins: 16.3% on H3.6M, 13.9% on CMU Mocap, and 10.1% on 3DPW.",
     ["H3.6M", "3DPW"]),
    ("MemoDetector improves F1 scores by 4.3\\% on MET-MEME and 3.4\\% on MOOD.", ["MET-MEME", "MOOD"]),
    ("and 87.1 DS along with 71.4 SR on Bench2Drive, thereby setting new records", ["Bench2Drive"]),
    ("The model was trained on 8 GPUs on H100.", []),
    ("and 300k+ image/video instruction-tuning pairs ... on the 300k+ dataset", []),
    # a name-shaped word a model is trained on (corpus papers 2511.10721, 2512.15993, 2511.15718), not
    # a kind of data, a longer name or a count of tokens
    ("large-scale Stable Diffusion models trained on LAION, demonstrating that", ["LAION"]),
    ("A ResNet50 network pretrained on PlantNet300K provides embeddings", ["PlantNet300K"]),
    ("Models fine-tuned on ToolMind show significant improvements", ["ToolMind"]),
    ("Convolutional models trained on CT volumes and segmentation maps", []),
    ("an EfficientNet classifier trained on the RWTH German sign language handshape dataset", []),
    ("a model trained on 12T tokens of web text", []),
    # a list after a plural dataset noun and a colon, a comma or "including" (corpus papers 2507.21291,
    # 2507.14867, 2512.20531), not a year or a lower-case word
    ("using three publicly available datasets: MIMIC-CXR, NIH-CXR14, and NEATX.", ["MIMIC-CXR", "NIH-CXR14", "NEATX"]),
    ("The proposed method is evaluated on two publicly available datasets, namely iMiGUE and SMG, and achieves",
     ["iMiGUE", "SMG"]),
    ("Extensive experiments on benchmarks including Sintel, Bonn, and DAVIS demonstrate that",
     ["Sintel", "Bonn", "DAVIS"]),
    ("across benchmarks: 2024 and 2025 releases", []),
    # the list ends at its "and" member, not at the sentence's next name (corpus paper 2512.16919)
    ("Trained on driving datasets including nuScenes, Waymo, KITTI, and DDAD, DVGT outperforms existing models",
     ["nuScenes", "Waymo", "KITTI", "DDAD"]),
    ("on both datasets, and sampling is faster", []),
])
def test_the_words_around_a_name_make_it_a_dataset(text, names):
    assert [text[start:end] for start, end in datasets_by_context(text)] == names


@pytest.mark.parametrize(("text", "names"), [
    ("We evaluate with the FID and FD-DINOv2 metrics.", ["FID", "FD-DINOv2"]),
    ("We report EM and F1 scores on HotpotQA.", ["EM", "F1"]),
    # a number, a plain word and a modifier are no members; a sentence's opening word is no list
    ("accuracy at IoU=0.25 and mIoU metrics", ["mIoU"]),
    ("Reliability, Generality, and Locality metrics", []),
    ("the LLM-based and rule-based metrics", []),
    ("However, NLI metrics fail to separate the systems.", []),
])
def test_the_name_shaped_members_of_a_list_a_metric_noun_follows(text, names):
    assert [text[start:end] for start, end in metrics_by_context(text)] == names
