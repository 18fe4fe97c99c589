"""`paperkg_title_tasks`: the task a title says the work is for (train and 2025 corpus titles through
the real pipeline)."""

from __future__ import annotations

import pytest

from extractors.components.title_tasks import TITLE_TASKS_KEY
from tests.extractors.pipeline_cases import annotate, extract, the_mention


def title_tasks(title: str) -> list[str]:
    return [span.text for span in annotate("We study it.", title=title).spans[TITLE_TASKS_KEY]]


@pytest.mark.parametrize(("title", "task"), [
    # arXiv train ax0149 and ax0258: the gold's Tasks, which nothing else found
    ("GPF-Net: Gated Progressive Fusion Learning for Polyp Re-Identification", "Polyp Re-Identification"),
    ("Agentic Physical AI toward a Domain-Specific Foundation Model for Nuclear Reactor Control",
     "Nuclear Reactor Control"),
    # arXiv train ax0146: "learning" ends tasks too
    ("Ark: An Open-source Python-based Framework for Robot Learning", "Robot Learning"),
    # arXiv train ax0471: "model" alone does not make the phrase a quality of models
    ("Efficient Gromov-Wasserstein for Model Fusion", "Model Fusion"),
    # arXiv train ax0208 ("on"), and ax0174, whose phrase ends at a preposition
    ("Evaluating the Impact of Khmer Font Types on Text Recognition", "Text Recognition"),
    ("An Efficient Machine Learning Framework for Forest Height Estimation from Multi-Polarimetric "
     "Multi-Baseline SAR data", "Forest Height Estimation"),
])
def test_a_titles_purpose_ending_in_a_task_head_is_a_named_task(title, task):
    assert title_tasks(title) == [task]
    mention = the_mention(extract("We study it.", title=title), task)
    assert (mention.type, mention.source, mention.generic) == ("Task", "pattern", False)


@pytest.mark.parametrize(("title", "task"), [
    # arXiv train ax0389: the gold's Task is "Video Anomaly Detection"
    ("AVadCLIP: Audio-Visual Collaboration for Robust Video Anomaly Detection", "Video Anomaly Detection"),
    # arXiv 2511.09804-like aims: the verb of the aim is no part of the task
    ("A Benchmark for Evaluating Epistemic Calibration in Forecasting", "Epistemic Calibration"),
])
def test_qualities_and_aims_before_the_task_are_left_out(title, task):
    assert title_tasks(title) == [task]


@pytest.mark.parametrize("title", [
    "Reflective Exploration via Bayes-Adaptive RL for LLM Reasoning",  # a model word: train, never a gold Task
    "Safety Alignment Benchmarks for Large Language Models",  # no task head
    "Kandinsky 5.0: A Family of Foundation Models for Image and Video Generation",  # a coordination
    "Long Video Retrieval",  # no "for" or "on"
    # corpus paper 2512.17769: the article before a lone head word is no part of a task's name
    "Bangla MedER: Multi-BERT Ensemble Approach for the Recognition of Bangla Medical Entity",
])
def test_phrases_that_name_no_task(title):
    assert title_tasks(title) == []


@pytest.mark.parametrize(("title", "task", "catalogue_name", "catalogue_type"), [
    # arXiv train: "Retrieval-Augmented Generation" and "Federated Learning" are the catalogue's
    # Methods, as in the gold
    ("LLM-as-a-Judge: Rapid Evaluation of Legal Document Recommendation for Retrieval-Augmented Generation",
     "Retrieval-Augmented Generation", "Retrieval-Augmented Generation", "Method"),
    ("Optimal Transport-based Domain Alignment as a Preprocessing Step for Federated Learning",
     "Federated Learning", "Federated Learning", "Method"),
    # arXiv train: the gold has no "Colonoscopy Depth Estimation"; the catalogue's task stays
    ("PPS-Ctrl: Controllable Sim-to-Real Translation for Colonoscopy Depth Estimation in Endoscopy",
     "Colonoscopy Depth Estimation", "Depth Estimation", "Task"),
])
def test_a_catalogue_name_in_the_phrase_wins(title, task, catalogue_name, catalogue_type):
    """The phrase only fills a gap: where a catalogue found words of it, the catalogue's span stays."""
    assert title_tasks(title) == [task]
    found = extract("We study it.", title=title)
    mention = the_mention(found, catalogue_name)
    assert (mention.type, mention.source) == (catalogue_type, "gazetteer")
    assert catalogue_name == task or not [m for m in found.entities if m.text == task]
