"""Judging groups of numbers on plain strings: outcome or not, unit, kind, evidence (GUIDE.md)."""

from __future__ import annotations

import pytest

from extractors.results.judge import ResultJudge, evidence
from extractors.results.scan import NumberScanner
from extractors.results.types import Entity


@pytest.fixture(scope="module")
def steps(cues) -> tuple[NumberScanner, ResultJudge]:
    return NumberScanner(cues), ResultJudge(cues)


def judged(steps, text: str, entities: list[Entity] = ()) -> list[tuple[list[float], str | None, str, str]]:
    """(values, unit, kind, evidence) of each group judged an outcome, each judged after the one
    before it (as the reader does)."""
    scanner, judge = steps
    found, previous = [], None
    for group in scanner.scan(text)[0]:
        if judge.judge(text, group, list(entities), previous):
            start, end = evidence(text, group)
            found.append(([m.value for m in group.members], group.unit, group.kind, text[start:end]))
            previous = group
    return found


def test_scores_improvements_and_reductions(steps):
    # seed s046 (variant of the model names), arXiv 2503.17059
    text = ("Results on the Llama 3.2 3B Instruct model show 85.3% accuracy, improving by 10.61% and 3.57% "
            "respectively.")
    assert [(v, u, k) for v, u, k, _ in judged(steps, text)] == [
        ([85.3], "%", "absolute"), ([10.61, 3.57], "%", "improvement")]
    text = ("DIDiffGes can generate gestures from speech with just 10 sampling steps, reducing the number "
            "of sampling steps by a factor of 100 compared to existing methods.")
    assert judged(steps, text) == [([100.0], "x", "reduction", "reducing the number of sampling steps by a "
                                                               "factor of 100")]


def test_a_bare_number_needs_a_metric(steps):
    # seed s035
    text = ("We build classifiers to detect generalization in language with an overall PR-AUC of 58.7, "
            "with varying degrees of performance across languages.")
    assert judged(steps, text) == [([58.7], None, "absolute", "PR-AUC of 58.7")]
    assert judged(steps, "We assess 25 vanilla and instruction-tuned LLMs across three datasets.") == []


def test_a_metric_entity_makes_a_bare_number_a_score(steps):
    text = "Our reader reaches 88.1 Zorb on the leaderboard."  # "Zorb": a metric no cue list knows
    zorb = Entity(text.index("Zorb"), text.index("Zorb") + 4, "Metric", "Zorb")
    assert judged(steps, text) == []
    assert judged(steps, text, [zorb]) == [([88.1], None, "absolute", "88.1 Zorb")]


def test_correlations_are_other(steps):
    # seed s019
    text = ("Notably, we find a strong positive correlation between brain alignment and model size "
            "(r = 0.95), as well as performance on tasks requiring world knowledge (r = 0.81).")
    assert [(v, k, e) for v, _, k, e in judged(steps, text)] == [([0.95], "other", "r = 0.95"),
                                                                ([0.81], "other", "r = 0.81")]


def test_a_change_is_two_absolutes_and_a_data_budget_is_a_setting(steps):
    # arXiv 2503.16429; train ax0195, ax0221: "with only 1% labeled data" is how much data, no result
    text = ("Sonata demonstrates exceptional parameter and data efficiency, tripling linear probing "
            "accuracy (from 21.8% to 72.5%) on ScanNet and nearly doubling performance with only 1% of "
            "the data compared to previous approaches.")
    assert judged(steps, text) == [([21.8, 72.5], "%", "absolute", "from 21.8% to 72.5%")]
    text = "It matches full fine-tuning while using 30% of the compute."
    assert judged(steps, text) == [([30.0], "%", "other", "30% of the compute")]


def test_a_continued_list_keeps_the_kind_of_the_group_before(steps):
    # arXiv 2025 (GUIDE.md): "by 1.3% on DeiT-T and 2.0% on DeiT-S"
    text = "It improves top-1 accuracy by 1.3% on DeiT-T and 2.0% on DeiT-S."
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([1.3], "improvement"), ([2.0], "improvement")]


def test_a_signed_gain_without_a_unit_is_in_points(steps):
    # arXiv 2503.14493
    text = ("Our method improves the GroupFree baseline in terms of AP50 on ScanNet V2 (+5.3) and "
            "SUN RGB-D (+3.2) datasets.")
    assert [(v, u, k) for v, u, k, _ in judged(steps, text)] == [([5.3], "points", "improvement"),
                                                                ([3.2], "points", "improvement")]


@pytest.mark.parametrize("text", [
    "To prevent data contamination, we focus exclusively on papers published in 2024.",  # a year
    "The CNN model was trained using the Adam optimiser with a learning rate of 0.0001.",  # a setting
    "Performance metrics were measured for each task, along with their 95% confidence intervals.",
    "LoFiT localizes to a sparse set of heads (3%) and learns the offset vectors.",  # a design share
    "The RT-DETR-X model reports its mean Average Precision at 50% IoU on coastal debris.",  # a setting
    "Our model surpasses models with 10x more parameters.",  # a size ratio
    "Human studies rate it above models such as Qwen-2.5-72B-Instruct (15.8/25).",  # out of a total
])
def test_rejections(steps, text):
    assert judged(steps, text) == []
