"""Judging groups of numbers on plain strings: outcome or not, unit, kind, evidence (GUIDE.md)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from extractors.results.judge import ResultJudge, evidence
from extractors.results.scan import NumberScanner
from extractors.results.types import Entity


@pytest.fixture(scope="module")
def steps(cues) -> tuple[NumberScanner, ResultJudge]:
    return NumberScanner(cues), ResultJudge(cues)


def judged(steps, text: str, entities: Sequence[Entity] = ()) -> list[tuple[list[float], str | None, str, str]]:
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


def test_a_metric_named_in_brackets_and_set_equal_to_a_number(steps):
    # arXiv 2510.12713 (corpus); "n = 20" stays no result
    text = "This approach achieved an Area Under the Receiver Operating Characteristic Curve (AUROC) = 0.99."
    auroc = Entity(text.index("AUROC"), text.index("AUROC") + 5, "Metric", "AUROC")
    assert judged(steps, text) == []
    assert judged(steps, text, [auroc]) == [([0.99], None, "absolute", "(AUROC) = 0.99")]
    assert judged(steps, "The cohort (n = 20) was small.", [auroc]) == []


def test_corpus_shapes_of_scores_and_gains(steps):
    # arXiv 2505.23807 (corpus): the metric of a named system, changed by a bare number
    text = "DLP reduces the perplexity of LLaMA2-7B by 7.79 and improves the average accuracy by 2.7%."
    perplexity = Entity(text.index("perplexity"), text.index("perplexity") + 10, "Metric", "Perplexity")
    assert [(v, u, k) for v, u, k, _ in judged(steps, text, [perplexity])] == [
        ([7.79], "points", "reduction"), ([2.7], "%", "improvement")]
    # arXiv 2508.09522 (corpus): bare gains after "improvements of"; integers stay out ("gains of 3 tasks")
    text = "It outperforms ProGAN in IS and FID, with improvements of 3.2 and 30.12, respectively."
    assert judged(steps, text) == [([3.2, 30.12], "points", "improvement", "improvements of 3.2 and 30.12")]
    assert judged(steps, "It brings improvements of 3 and 4 to the pipeline.") == []
    # arXiv 2510.08656 (corpus): scores listed after a score, each behind an article
    text = "It achieves a Chamfer Distance of 0.003092, a VIoU of 0.545, a F1-Score of 0.9139 and a NC of 0.8369."
    assert [v for v, _, _, _ in judged(steps, text)] == [[0.003092], [0.545], [0.9139], [0.8369]]


def test_a_metric_then_a_place_in_lower_case_then_a_change(steps):
    # arXiv 2508.09650 and 2506.03785 (corpus)
    text = "TOTNet improves accuracy on fully occluded frames from 0.63 to 0.80."
    accuracy = Entity(text.index("accuracy"), text.index("accuracy") + 8, "Metric", "Accuracy")
    assert judged(steps, text, [accuracy]) == [([0.63, 0.8], None, "absolute",
                                                "accuracy on fully occluded frames from 0.63 to 0.80")]
    text = "It increases Pearson correlation with expert evaluations by 0.07 on average."
    pearson = Entity(text.index("Pearson"), text.index("Pearson") + 19, "Metric", "Pearson Correlation")
    assert [(v, k) for v, _, k, _ in judged(steps, text, [pearson])] == [([0.07], "improvement")]
    # arXiv train paper (Forget-MI): a score noun between the metrics and the place
    text = "Our approach decreases AUC and F1 scores on the forget set by 0.221 and 0.305, respectively."
    auc, f1 = (Entity(text.index(n), text.index(n) + len(n), "Metric", n) for n in ("AUC", "F1"))
    assert [(v, k) for v, _, k, _ in judged(steps, text, [auc, f1])] == [([0.221, 0.305], "reduction")]


def test_a_greek_letter_set_equal_to_a_number_is_a_setting(steps):
    # arXiv 2510.14136 (40k corpus): the temperatures compared, after a score, had been read as scores;
    # kappa and rho name scores
    text = "It reaches 69.2% accuracy, compared to other τ values (τ =0.1/0.5/0.7: 53.8%, τ =0.9: 61.6%)."
    assert [v for v, _, _, _ in judged(steps, text)] == [[69.2], [53.8], [61.6]]
    text = "It reaches 69.2% accuracy, with high agreement (κ = 0.82) and correlation (ρ = 0.71)."
    assert [v for v, _, _, _ in judged(steps, text)] == [[69.2], [0.82], [0.71]]


def test_a_count_after_a_score_is_no_score(steps):
    # seed dump (not a dev paper) and arXiv 2511.15188 (corpus): a whole number continuing a score
    # sentence counts things a word or two before its count noun
    text = ("Our method achieves an error rate of 4.20, outperforming the state-of-the-art model trained on "
            "25,000 labeled examples.")
    assert [v for v, _, _, _ in judged(steps, text)] == [[4.2]]
    text = "It reaches an error rate of 4.20, outperforming the baseline trained on 25,000 examples (6.10)."
    assert [v for v, _, _, _ in judged(steps, text)] == [[4.2], [6.1]]


def test_a_change_verb_makes_a_change_of_an_unnamed_measure_two_scores(steps):
    # arXiv 2512.16795 and 2512.16917 (corpus): no metric list names the measure, the verb says it moved
    text = ("It improved End-to-End answer correctness from 0.069 to 0.883 and behavioral adherence "
            "from 0.074 to 0.722.")
    assert judged(steps, text) == [
        ([0.069, 0.883], None, "absolute", "improved End-to-End answer correctness from 0.069 to 0.883"),
        ([0.074, 0.722], None, "absolute", "from 0.074 to 0.722")]
    text = "On AIME24, we improve DeepSeek-R1-Distill-Qwen-7B from 54.0 to 61.3 (+7.3)."
    assert [v for v, _, _, _ in judged(steps, text)] == [[54.0, 61.3], [7.3]]
    # arXiv 2512.16841 (corpus): the bracket after a gain spells out the change
    text = "Macro-F1 increased by 168% (0.083 -> 0.238) and Micro-F1 by 146% (0.137 -> 0.337)."
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [
        ([168.0], "improvement"), ([0.083, 0.238], "absolute"), ([146.0], "improvement"), ([0.137, 0.337], "absolute")]
    # arXiv 2509.26087 (corpus): or after a comma and "from"
    text = "with mIoU increasing by 45%, from 9.73 to 14.09, when implemented into the OccNeRF model."
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([45.0], "improvement"), ([9.73, 14.09], "absolute")]
    # whole numbers stay counts, a setting stays a setting
    assert judged(steps, "It increases the number of agents from 3 to 10.") == []
    assert judged(steps, "We raise the temperature from 0.2 to 0.8.") == []


def test_a_gain_noun_keeps_its_kind_across_a_bracket(steps):
    # seed dump (TaRot; not a dev paper): "improvements (across models and tasks) of" read as scores
    text = ("Experiments reveal the efficacy of TaRot, with average improvements (across models and tasks) of "
            "23.81% and 11.15%, respectively.")
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([23.81, 11.15], "improvement")]


def test_a_metric_named_after_a_modifier(steps):
    # arXiv 2506.00953 (corpus): "object" between the scores and the metric; a count stays out
    text = "TIGeR achieves 1.979 and 5.468 object Chamfer distance on Dex-YCB and Obman, respectively."
    chamfer = Entity(text.index("Chamfer"), text.index("Chamfer") + 16, "Metric", "Chamfer Distance")
    assert [v for v, _, _, _ in judged(steps, text, [chamfer])] == [[1.979, 5.468]]
    text = "It needs 3 training accuracy checks."
    accuracy = Entity(text.index("accuracy"), text.index("accuracy") + 8, "Metric", "Accuracy")
    assert judged(steps, text, [accuracy]) == []


def test_a_score_as_low_as(steps):
    # arXiv 2510.09032 (corpus)
    text = "The fine-tuned models achieve up to 73.54% token accuracy and a perplexity as low as 2.90."
    assert judged(steps, text)[-1] == ([2.9], None, "absolute", "perplexity as low as 2.90")


def test_a_correlation_between_two_variables_is_other_a_systems_correlation_a_score(steps):
    text = ("Notably, we find a strong positive correlation between brain alignment and model size "
            "(r = 0.95), as well as performance on tasks requiring world knowledge (r = 0.81).")
    assert [(v, k, e) for v, _, k, e in judged(steps, text)] == [([0.95], "other", "r = 0.95"),
                                                                ([0.81], "other", "r = 0.81")]
    # train ax0381: a system's agreement with the ground truth is its score (3 of 3 on train)
    text = ("Evaluations indicated that Attention U-Net paired with L1DFL achieved the strongest "
            "correlation with the ground truth (concordance correlation = 0.90-0.99 for SUVmax and TLA).")
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([0.9, 0.99], "absolute")]


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
    "The F1 score ranged from 0 to 1.",  # the ends of a scale
])
def test_rejections(steps, text):
    assert judged(steps, text) == []


def test_a_share_of_parameters_is_a_design_a_parameter_reduction_an_outcome(steps):
    # arXiv 2512.08983 (corpus)
    text = "Specifically, HSCP achieves 86.39% parameter reduction and 84.44% FLOPs reduction."
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([86.39], "reduction"), ([84.44], "reduction")]
    assert judged(steps, "It adds only 3% parameters.") == []


# --- arXiv 2025 train sentences ----------------------------------------------------------------

def test_plural_metric_names_make_scores(steps):
    text = "The AI-based micro-US model and clinical screening model achieved AUROCs of 0.871 and 0.753, respectively."
    assert [(v, u, k) for v, u, k, _ in judged(steps, text)] == [([0.871, 0.753], None, "absolute")]  # ax0394


def test_a_score_behind_a_colon_or_an_acronym_in_brackets(steps):
    # ax0251: the 95% confidence level joins no list; ax0285: "(MAE) of", a count of experts after it
    text = ("The FMA achieved the highest patch-wise AUROC of 0.995 (95% CI [0.994, 0.995]), outperforming the "
            "ResNet50-based method (AUROC: 0.977, 95% CI [0.977, 0.978]).")
    assert [v for v, _, _, _ in judged(steps, text)] == [[0.995], [0.977]]
    text = "It achieves a low Mean Absolute Error (MAE) of 0.926 against expert scores."
    assert judged(steps, text) == [([0.926], None, "absolute", "Mean Absolute Error (MAE) of 0.926")]


def test_scores_after_scoring_and_attached_to_a_system(steps):
    # ax0026
    text = ("In Numerical Calculation, Claude-3.5-Sonnet (63.18) and DeepSeek-R1 (64.04) lead, while "
            "Qwen3-1.7B scores 11.23 and top models are scoring between 39.16 and 50.00.")
    found = [Entity(text.index(n), text.index(n) + len(n), "Model", n)
             for n in ("Claude-3.5-Sonnet", "DeepSeek-R1", "Qwen3-1.7B")]
    assert [v for v, _, _, _ in judged(steps, text, found)] == [[63.18], [64.04], [11.23], [39.16, 50.0]]
    assert [v for v, _, _, _ in judged(steps, text)] == [[11.23], [39.16, 50.0]]  # no system: no score


def test_intervals_and_continued_scores(steps):
    # ax0377
    text = ("The method reached Dice similarity coefficients of 0.78 (0.74-0.79) for 25 PET cases and 0.78 "
            "(0.74-0.82) for 20 SPECT cases.")
    assert [v for v, _, _, _ in judged(steps, text)] == [[0.78], [0.74, 0.79], [0.78], [0.74, 0.82]]


def test_a_score_that_goes_on_changing(steps):
    # arXiv 2508.08591
    text = ("achieving an AUC of 0.789, which rises to 0.904 on samples with high confidence.")
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([0.789], "absolute"), ([0.904], "absolute")]


@pytest.mark.parametrize(("text", "expected"), [  # 2025 corpus sentences
    ("The model's Dice score subsequently plummeted from 0.8604 (Source) to 0.2902 (Target).",
     [([0.8604, 0.2902], None, "absolute")]),
    ("Compared to SOTA, LimitNet achieves 14.01 p.p. higher accuracy.", [([14.01], "points", "improvement")]),
    ("RegionE achieved acceleration factors of 2.57, 2.41, and 2.06.", [([2.57, 2.41, 2.06], "x", "improvement")]),
    ("The accuracy values vary among 0.74 to 0.80 for commercial LLMs.", [([0.74, 0.8], None, "absolute")]),
    ("Across systems, F1 score ranges between 0.02 and 0.72 for any sub-category.", [([0.02, 0.72], None, "absolute")]),
    ("FreqWarm improves generation quality: decreasing FID by 14.11 on Wan2.2-VAE, 6.13 on LTX-VAE, and 4.42 on "
     "DC-AE-f32.", [([14.11], "points", "reduction"), ([6.13], "points", "reduction"),
                    ([4.42], "points", "reduction")]),
])
def test_more_ways_to_report_a_change(steps, text, expected):
    assert [(v, u, k) for v, u, k, _ in judged(steps, text)] == expected


def test_signed_whole_points_in_brackets_are_gains(steps):
    # arXiv 2505.04016: the "+" says gain, however far the verb; whole points alone may be a cloud's
    text = ("outperforming Claude-3.5-Sonnet by substantial margins (+25 and +20 percentage points, "
            "respectively).")
    assert [(v, u, k) for v, u, k, _ in judged(steps, text)] == [([25.0, 20.0], "points", "improvement")]
    assert judged(steps, "It handles inputs with as few as 300 points.") == []
    # arXiv 2511.17405, 2512.14421 (corpus): percentage points are never a cloud's
    text = "ReVeL also reveals up to 20 percentage points of score inflation in MCQA benchmarks."
    assert [(v, u) for v, u, _, _ in judged(steps, text)] == [([20.0], "points")]
    text = "LCMem achieves improvements of up to 16 percentage points on re-identification and 30 percentage points."
    assert [(v, u, k) for v, u, k, _ in judged(steps, text)] == [([16.0], "points", "improvement"),
                                                                ([30.0], "points", "improvement")]


def test_physical_quantities_are_results_as_the_value_of_a_measure(steps):
    # ax0338, ax0143, ax0165
    assert [(v, u) for v, u, _, _ in judged(
        steps, "Retrofitting it lowers end-to-end generation time from 31s to 18s with comparable quality.")] == [
        ([31.0, 18.0], None)]
    text = ("Results demonstrate improved accuracy in plane reformatting angular and distance errors "
            "(6.32 +- 4.15 ° and 3.40 +- 2.75 mm).")
    assert [v for v, _, _, _ in judged(steps, text)] == [[6.32, 3.4]]
    assert [v for v, _, _, _ in judged(steps, "The codec can halve the bitrate (0.6 kbps).")] == [[0.6]]
    assert judged(steps, "The robot walks 3 km in 40 minutes.") == []


def test_shares_gaps_and_spreads(steps):
    # ax0250, ax0285, ax0374, ax0415, ax0048
    assert [k for _, _, k, _ in judged(steps, "The approach attains 94% of the performance of LLM-generated "
                                              "knowledge graphs.")] == ["other"]
    assert [k for _, _, k, _ in judged(steps, "ProofGrader achieves an average score of 4.14, closing 78% of "
                                              "the gap.")] == ["absolute", "improvement"]
    assert [k for _, _, k, _ in judged(steps, "Across 12 classifiers, the average absolute AUC increase was "
                                              "2.00%.")] == ["improvement"]
    assert [k for _, _, k, _ in judged(steps, "Universal agents show consistent effectiveness (std dev 12.4%).")] \
        == ["other"]
    assert [k for _, _, k, _ in judged(steps, "It comes with minimal performance degradation (<0.3%).")] == [
        "reduction"]


@pytest.mark.parametrize("text", [
    "Notably, with only 1% labeled data, 3DResT achieves strong results.",  # ax0195: a data budget
    "Both are combined using a 95% output similarity threshold.",  # ax0109: a setting
    "The 95 scores were collected from annotators.",  # ax0064: a count
])
def test_settings_and_counts_are_no_results(steps, text):
    assert judged(steps, text) == []


def test_a_metric_named_before_its_place_and_value(steps):
    text = "Our detector improves the mAP on COCO to 45.2, for up to 5 models."
    found = [Entity(text.index("mAP"), text.index("mAP") + 3, "Metric", "mAP"),
             Entity(text.index("COCO"), text.index("COCO") + 4, "Dataset", "COCO")]
    assert [(v, u, k) for v, u, k, _ in judged(steps, text, found)] == [([45.2], None, "absolute")]


def test_a_metric_that_reaches_a_value(steps):
    text = "In the zero-shot setting on NoCaps, CIDEr reaches 121.3."
    found = [Entity(text.index("CIDEr"), text.index("CIDEr") + 5, "Metric", "CIDEr")]
    assert [(v, k) for v, _, k, _ in judged(steps, text, found)] == [([121.3], "absolute")]


def test_a_decimal_score_on_a_named_dataset(steps):
    text = "FooLM attains state-of-the-art performance, e.g., 88.1 on MMLU, after 3 epochs on MMLU."
    found = [Entity(m, m + 4, "Dataset", "MMLU") for m in (text.index("MMLU"), text.rindex("MMLU"))]
    assert [(v, k) for v, _, k, _ in judged(steps, text, found)] == [([88.1], "absolute")]


def test_a_decimal_out_of_a_scale_top_is_a_score(steps):
    # arXiv 2511.14439, 2512.10750, 2511.16566 (corpus); a fraction or a whole count before a slash is none
    assert judged(steps, "Base LLMs reach a mean overall score of 54.1/100, but safety remains low (18.4/100).") \
        == [([54.1], None, "absolute", "54.1/100"), ([18.4], None, "absolute", "18.4/100")]
    assert judged(steps, "It achieved a Physician Score of 7.2/10 in expert evaluations.") \
        == [([7.2], None, "absolute", "7.2/10")]
    assert judged(steps, "Human studies rate it above models such as Qwen-2.5-72B-Instruct (15.8/25).") \
        == [([15.8], None, "absolute", "15.8/25")]
    assert judged(steps, "It matches self-consistency while decoding only 1/5 tokens.") == []
    assert judged(steps, "Leaderboard rankings flip on 3/7 benchmarks.") == []
    assert judged(steps, "It rates 7.5/5 on the pilot.") == []  # above the top: no scale


def test_a_bracket_after_the_system_a_verb_beats_holds_its_score(steps):
    # corpus papers 2512.11485 and 2511.20683: the rival's score, not the gain over it, though the rival
    # is no entity ("Memento") or is not right before the bracket ("RoBERTa's performance")
    text = ("On KaggleDBQA (Qwen3-8B), MNL hits 28% accuracy (47% relative gain), outperforming Memento (15.1%) "
            "and Training-Free GRPO (22.1).")
    assert [(v, k) for v, _, k, _ in judged(steps, text)][:3] == [
        ([28.0], "absolute"), ([47.0], "improvement"), ([15.1], "absolute")]
    text = ("We find that the MLP router achieves 90.5% routing accuracy on held-out test data, marginally "
            "exceeding RoBERTa's performance (89.5%) despite utilizing 125M fewer parameters.")
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([90.5], "absolute"), ([89.5], "absolute")]
    # a gain the comparative itself states stays one
    text = "The resulting policies generalize better across distributions (2%)."
    assert [(v, k) for v, _, k, _ in judged(steps, text)] == [([2.0], "improvement")]
