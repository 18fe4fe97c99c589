"""`paperkg_list_items`: a name-shaped member of a list of typed names takes their type (2025
corpus and train sentences through the real pipeline)."""

from __future__ import annotations

import pytest

from extractors.cleaning import PaperText
from extractors.components.list_items import LISTED_KEY
from extractors.pipeline import default_pipeline, make_doc
from tests.extractors.pipeline_cases import annotate, extract, the_mention


@pytest.mark.parametrize(("sentence", "name", "label"), [
    # arXiv train ax0090: the NER found neither framework (the gold lists both as Methods)
    ("To facilitate modeling, we showcase three generic NeSy frameworks - DeepProbLog, Scallop, "
     "and DomiKnowS.", "DomiKnowS", "Method"),
    ("Human studies on LearningPaper24, SUTD-TrafficQA, and LongVideoBench show that summaries selected "
     "by VIBE consistently improve performance.", "LearningPaper24", "Dataset"),  # arXiv 2505.17423
    ("This result reveals that widely used methods such as PPO, GRPO, ReMax, and RLOO inherently possess "
     "the capacity to model token-level reward signals.", "ReMax", "Method"),  # arXiv 2506.02553
    ("Based on our results, AIMv2, DINOv2, and SAM2 models outperformed others.", "AIMv2", "Model"),
])
def test_a_name_shaped_member_takes_the_lists_type(sentence, name, label):
    mention = the_mention(extract(sentence), name)
    assert (mention.type, mention.source, mention.generic) == (label, "pattern", False)


@pytest.mark.parametrize("sentence", [
    # makers, classes and words that are no names
    "We query models from Anthropic, Meta, Mistral, and OpenAI.",
    "We prompt LLMs, LLaMA-3.1, Gemma-2 and Qwen2.5 with the same questions.",
    "Our edits cover Key-view Render, Primary-view Sampler, and GPT-4o outputs.",
])
def test_makers_classes_and_plain_words_are_no_members(sentence):
    assert [s.text for s in annotate(sentence).spans[LISTED_KEY]] == []


def test_typed_members_of_two_types_make_no_list_type():
    sentence = "We evaluate GPT-4o, MMLU, and FooBench."  # a Model and a Dataset: FooBench stays untyped
    assert [s.text for s in annotate(sentence).spans[LISTED_KEY]] == []


def test_measures_listed_after_in_terms_of_are_metrics():
    # arXiv train ax0199 (the gold annotates "end-to-end delay"); vague qualities and single words are none
    sentence = ("We analyze the split inference method in terms of the inference accuracy and end-to-end delay "
                "and formulate a joint optimization problem.")
    assert [(s.text, s.label_) for s in annotate(sentence).spans[LISTED_KEY]] == [("end-to-end delay", "Metric")]
    sentence = "It improves in terms of generation quality, computational efficiency and robustness."
    assert [s.text for s in annotate(sentence).spans[LISTED_KEY]] == []



@pytest.mark.parametrize(("sentence", "measures"), [
    # arXiv 2511.09292 and 2512.21066 (2025 corpus): after "metrics including" or "metrics:" every
    # item is a measure, whatever its last word (in the train gold, 24 of the 24 items after such cues)
    ("Our study outperforms baselines across multiple metrics including attribute accuracy, linguistic "
     "fluency, and output diversity, while simultaneously reducing toxicity.",
     ["linguistic fluency", "output diversity"]),
    ("Explanations were evaluated by human experts against seven metrics: Specificity, Clarity, Conciseness, "
     "Practicality, Contextual Relevance, Cost Consideration, and Crop Science Credibility.",
     ["Conciseness", "Practicality", "Contextual Relevance", "Cost Consideration", "Crop Science Credibility"]),
])
def test_every_item_after_a_metrics_cue_is_a_metric(sentence, measures):
    found = extract(sentence)
    for name in measures:
        mention = the_mention(found, name)
        assert (mention.type, mention.generic) == ("Metric", False), mention


def test_an_acronym_in_brackets_does_not_end_a_list_of_measures():
    # arXiv train ax0053 (the gold lists the four), read without the NER, which was fitted to it
    sentence = ("We propose metrics such as Goal Completion Rate (GCR), Autonomy Index (AIx), Multi-Step Task "
                "Resilience (MTR), and Business Impact Efficiency (BIE).")
    nlp = default_pipeline()
    with nlp.select_pipes(disable=["paperkg_ner"]):
        doc = nlp(make_doc(nlp, PaperText.of("", sentence)))
    # the items after two bracketed acronyms; the catalogues and acronym definitions give the first two
    assert [(s.text, s.label_) for s in doc.spans[LISTED_KEY]] == [
        ("Multi-Step Task Resilience", "Metric"), ("Business Impact Efficiency", "Metric")]


def test_the_members_of_a_list_a_dataset_noun_follows_are_datasets():
    """2025 corpus sentences: "Pittsburgh" and "Waymo" no catalogue or NER span covered, the NER
    called "JAADall" a Method; languages are no members ("Chinese and English datasets")."""
    found = extract("We evaluate on MSLS, NordLand, and Pittsburgh datasets. Extensive experiments on KITTI, nuScenes "
                    "and Waymo datasets demonstrate top-performing tracking. Results on the JAADbeh, JAADall, and "
                    "PIE datasets confirm it. Results on Chinese and English datasets show gains.")
    assert [(name, the_mention(found, name).type) for name in ("Pittsburgh", "Waymo", "JAADall")] == [
        ("Pittsburgh", "Dataset"), ("Waymo", "Dataset"), ("JAADall", "Dataset")]
    assert not [m for m in found.entities if m.text in ("Chinese", "English") and not m.generic]


def test_the_members_of_a_list_a_metric_noun_follows_are_metrics():
    """2025 corpus sentences (2507.13706, 2512.08943, 2512.16022, 2511.17344): the NER called GOSPA and
    T-GOSPA Methods, MASE a Dataset, no span covered EM; a model's metric stays the model ("CLIP")."""
    found = extract("Tracking is evaluated with the GOSPA and T-GOSPA metrics. We report EM and F1 scores on "
                    "HotpotQA. Results are reported with the CRPS and MASE metrics. We achieve strong results on "
                    "LPIPS, DINO, and CLIP metrics.")
    assert [(name, the_mention(found, name).type) for name in ("GOSPA", "T-GOSPA", "EM", "MASE", "CLIP")] == [
        ("GOSPA", "Metric"), ("T-GOSPA", "Metric"), ("EM", "Metric"), ("MASE", "Metric"), ("CLIP", "Model")]


@pytest.mark.parametrize(("sentence", "name"), [
    # 2025 corpus sentences: no span covered Bench2Drive, the NER called SPEED a Metric, and IXI,
    # found once with no role, was made generic
    ("Our experiments on the Bench2Drive benchmark demonstrate the effectiveness of RSD in managing complex "
     "and unpredictable driving conditions.", "Bench2Drive"),  # arXiv 2511.14499
    ("We demonstrate that our method outperforms other non-PnP strategies and achieves performance competitive "
     "with state-of-the-art PnP-based techniques on the SPEED dataset.", "SPEED"),  # arXiv 2512.09792
    ("Applied to 570 3D TOF-MRA scans from the IXI dataset (ages 20-86), CaravelMetrics yields reproducible "
     "vessel graphs capturing age- and sex-related variations.", "IXI"),  # arXiv 2512.03869
    ("Evaluation on the Woven Traffic Safety dataset shows that MP-PVIR effectively translates multi-view video "
     "data into actionable insights.", "Woven Traffic Safety"),  # arXiv 2511.14120
    # no span covered H3.6M; the NER called PointOdyssey-MC a Method
    ("Our method outperforms existing methods by large margins: 16.3% on H3.6M, 13.9% on CMU Mocap, and 10.1% "
     "on 3DPW.", "H3.6M"),  # arXiv 2511.14237
    ("Extensive experiments show that it outperforms existing methods, achieving 37.5% APD on TAPVid-3D-MC and "
     "90.3% APD on PointOdyssey-MC, particularly excelling in scenarios with occlusions.",
     "PointOdyssey-MC"),  # arXiv 2512.04213
])
def test_a_name_the_words_around_make_a_dataset_is_a_named_dataset(sentence, name):
    mention = the_mention(extract(sentence), name)
    assert (mention.type, mention.generic) == ("Dataset", False)



@pytest.mark.parametrize("sentence", [
    # 2025 corpus sentences: a language (or a pair of them) or a dimensionality before a dataset noun
    # names no dataset
    "Our findings show that model performance on the human translated Estonian dataset is slightly lower than on "
    "the original English test set.",  # arXiv 2511.17290
    "We integrated demographic metadata from the Miami Bilingual Corpus, and enriched the Spanish-Guaraní dataset "
    "with new topic annotations.",  # arXiv 2512.03334
    "Beyond model design, we propose a general pipeline for 3D scene data processing. We validate our method on "
    "the recent scene-level 3D dataset.",  # arXiv 2508.01464
])
def test_a_language_or_a_dimensionality_before_a_dataset_noun_names_no_dataset(sentence):
    assert not [m for m in extract(sentence).entities if m.type == "Dataset" and not m.generic
                and any(word in m.text for word in ("Estonian", "Guaran", "3D"))]
