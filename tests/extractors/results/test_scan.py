"""Scanning a sentence for numbers, units and groups, on plain strings (arXiv and seed sentences)."""

from __future__ import annotations

import pytest

from extractors.results.scan import NumberScanner, clause_end, clause_start


@pytest.fixture(scope="module")
def scanner(cues) -> NumberScanner:
    return NumberScanner(cues)


def scanned(scanner: NumberScanner, text: str) -> list[tuple[str, list[tuple[float, str | None, str]]]]:
    """(link, [(value, unit, text of number and unit)]) of every group of `text`."""
    groups, _ = scanner.scan(text)
    return [(g.link, [(m.value, m.unit, text[m.start:m.unit_end]) for m in g.members]) for g in groups]


def test_numbers_with_units_and_names_with_digits(scanner):
    # arXiv 2507.12359: CIFAR-10, top-1 and ResNet-18 hold no number
    text = ("Our method achieves 91.40% top-1 classification accuracy on CIFAR-10, 68.56% on CIFAR-100, and "
            "78.65% on ImageNet-100 using linear evaluation with a ResNet-18 backbone.")
    assert scanned(scanner, text) == [("single", [(91.4, "%", "91.40%")]), ("single", [(68.56, "%", "68.56%")]),
                                      ("single", [(78.65, "%", "78.65%")])]


def test_scores_written_with_slashes_between_them(scanner):
    # arXiv 2512.08048 and 2511.11004 (corpus): the numbers after a slash were dropped, or read as
    # totals; a whole number after a slash still is one ("4.57/5.0", "15.8/25")
    assert scanned(scanner, "It attains 8.3%/19.8%/39.2% mean error.") == [
        ("list", [(8.3, "%", "8.3%"), (19.8, "%", "19.8%"), (39.2, "%", "39.2%")])]
    assert scanned(scanner, "It reaches 0.939/0.983/0.946 overall.") == [
        ("list", [(0.939, None, "0.939"), (0.983, None, "0.983"), (0.946, None, "0.946")])]
    assert scanned(scanner, "A mean Likert score of 4.57/5.0 was reached.") == [
        ("single", [(4.57, None, "4.57")]), ("single", [(5.0, None, "5.0")])]


def test_a_decimal_comma_before_a_percent_sign(scanner):
    # arXiv 2503.19668 and 2510.00725: "72,64%" was 64%; a thousands comma stays one
    text = "It achieves a BLEU-4 of 72,64% in split A, and 91,57 % accuracy on 1,000 clips."
    assert scanned(scanner, text) == [("single", [(72.64, "%", "72,64%")]), ("single", [(91.57, "%", "91,57 %")]),
                                      ("single", [(1000.0, None, "1,000")])]


@pytest.mark.parametrize(("text", "expected"), [
    # seed s051: a range, its unit written once
    ("FAVA's suggested edits also improve the factuality of LM-generated text, resulting in 5-10% "
     "FActScore improvements.", [("range", [(5.0, "%", "5"), (10.0, "%", "10%")])]),
    # arXiv 2503.16429: a change in brackets, then a single number
    ("Sonata demonstrates exceptional parameter and data efficiency, tripling linear probing accuracy "
     "(from 21.8% to 72.5%) on ScanNet and nearly doubling performance with only 1% of the data.",
     [("change", [(21.8, "%", "21.8%"), (72.5, "%", "72.5%")]), ("single", [(1.0, "%", "1%")])]),
    # seed s051: a list; the "2" of "Llama 2-Chat" is no number (a number glued to a word by a hyphen)
    ("Our analysis reveals that ChatGPT and Llama 2-Chat exhibit hallucinations in 60% and 75% of "
     "their outputs, respectively.",
     [("list", [(60.0, "%", "60%"), (75.0, "%", "75%")])]),
    # arXiv 2510.20771, 2506.02677 (corpus): "1-NFE", "5-shot" are settings; "2.5-times" a ratio
    ("It reaches FID scores of 2.58 (1-NFE) and 2.15 (2-NFE) under 1-shot and 5-shot settings, 2.5-times faster.",
     [("single", [(2.58, None, "2.58")]), ("single", [(2.15, None, "2.15")]), ("single", [(2.5, "x", "2.5-times")])]),
    # arXiv 2509.04510 (corpus): "per cent" is a percent
    ("It classifies dyslexia with an accuracy of 87.5 per cent for Italian and 66.6 percent for Spanish.",
     [("single", [(87.5, "%", "87.5 per cent")]), ("single", [(66.6, "%", "66.6 percent")])]),
    # seed s005: the dump lost the backslash of \sim
    ("Statistically, we observe an 80%sim95% co-currency rate between hallucination contents.",
     [("range", [(80.0, "%", "80%"), (95.0, "%", "95%")])]),
    # arXiv 2505.23363: a slash list shares its unit
    ("Q-RM enhances the average Pass@1 score by 5.85/4.70 points on mathematical reasoning tasks.",
     [("list", [(5.85, "points", "5.85"), (4.7, "points", "4.70 points")])]),
])
def test_groups(scanner, text, expected):
    assert scanned(scanner, text) == expected


def test_labels_and_spreads_are_no_numbers(scanner):
    # seed dumps: "Task 1" is a label; arXiv 2025: the spread after +- belongs to the number
    assert [m for _, m in scanned(scanner, "Our system achieves an F1 score of 85.00% in Task 1 and 83.90% "
                                           "in Task 2.")] == [[(85.0, "%", "85.00%")], [(83.9, "%", "83.90%")]]
    text = "The model separates pre-capillary PH (AUC = 0.86 +- 0.06) and post-capillary PH (AUC = 0.83 +- 0.06)."
    assert scanned(scanner, text) == [("single", [(0.86, None, "0.86 +- 0.06")]),
                                      ("single", [(0.83, None, "0.83 +- 0.06")])]
    # corpus paper 2512.15326: a hyphenated "-level" is a granularity, not the label "Level 3"
    text = "MRKD achieves image-level 98.9% AU-ROC at Level 3."
    assert scanned(scanner, text) == [("single", [(98.9, "%", "98.9%")])]


@pytest.mark.parametrize("text", [
    "Continually pre-training Mistral-7B-v0.3 with MetaSynth adapts it to new domains.",  # names, versions
    "Subsequent fine-tuning of 7B and 13B parameter models on these combined skill texts.",  # sizes
    "Our 8B model generates 1280x720 video.",  # a resolution
    "Section 3 presents the modeling pipeline; larger models performed well with k=5.",  # labels, settings
    "Model 1 achieved the highest SSIM, outperforming Model 2 and Model 3.",  # arXiv 2507.18667 (corpus)
])
def test_sizes_versions_and_labels_are_no_numbers(scanner, text):
    assert scanned(scanner, text) == []


def test_ratios_written_as_words(scanner):
    # arXiv 2503.24366, 2504.02799
    assert scanned(scanner, "At a reasonable visual quality, our method renders more than four times faster "
                            "than sorted rasterization.") == [("single", [(4.0, "x", "four times")])]
    assert scanned(scanner, "In-context learning boosted performance up to three-fold.") == [
        ("single", [(3.0, "x", "three-fold")])]


def test_win_counts_come_first_and_take_their_numbers(scanner):
    # seed s074
    text = ("FLAN substantially improves the performance of its unmodified counterpart and surpasses "
            "zero-shot 175B GPT-3 on 20 of 25 tasks that we evaluate, with 3.5% more wins.")
    groups, numbers = scanner.scan(text)
    assert [(g.link, g.kind, [m.value for m in g.members]) for g in groups] == [
        ("wins", "other", [20.0]), ("single", "absolute", [3.5])]
    assert [text[n.start:n.end] for n in numbers] == ["3.5"]  # "20" and "25" belong to the count
    assert [text[a:b] for a, b in groups[0].hits] == ["20 of 25 tasks"]


def test_a_count_without_a_winning_verb_is_no_win(scanner):
    groups, _ = scanner.scan("We evaluate on 10 of 11 benchmarks.")
    assert [(g.link, [m.value for m in g.members]) for g in groups] == [("single", [10.0]), ("single", [11.0])]


def test_clauses_end_at_brackets_semicolons_and_comma_spaces():
    text = "It improves accuracy (from 21.8% to 72.5%) on ScanNet, and halves the cost; more later."
    at = text.index("21.8")
    assert text[clause_start(text, at):clause_end(text, at)] == "from 21.8% to 72.5%"
    at = text.index("halves")
    assert text[clause_start(text, at):clause_end(text, at)] == "and halves the cost"
    assert clause_start(text, 5) == 0 and clause_end(text, len(text) - 3) == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    # issue 10: a year never takes the unit of the number after it
    ("DeepLabv3+ achieves 86.2% mean IOU on PASCAL VOC 2012 and 80.3% mean IOU on Cityscapes.",
     [("single", [(86.2, "%", "86.2%")]), ("single", [(2012.0, None, "2012")]), ("single", [(80.3, "%", "80.3%")])]),
    # issue 10: a metric named between the two numbers of a change
    ("Our method improves the state of the art from 71.0% F1 to 75.9%.",
     [("change", [(71.0, "%", "71.0%"), (75.9, "%", "75.9%")])]),
    # arXiv 2512.14896: a spread, not a change (both values are the system's own)
    ("Across models, accuracy ranged from 46% to 92%.", [("range", [(46.0, "%", "46%"), (92.0, "%", "92%")])]),
    # arXiv 2512.09897: a hedge after "to"
    ("It reduces inference time from 164.4 seconds to just 3.0 seconds.",
     [("change", [(164.4, None, "164.4 seconds"), (3.0, None, "3.0 seconds")])]),
    # ax0365: a list whose unit word repeats
    ("VectorLLM outperformed the previous SOTA methods by 5.6 AP, 7.1 AP, 13.6 AP, respectively.",
     [("list", [(5.6, None, "5.6"), (7.1, None, "7.1"), (13.6, None, "13.6")])]),
    # ax0280, ax0550: "F1 points"; a spread in brackets after the unit belongs to the number
    ("GuideX gains up to 7 F1 points and reaches 62.53% (± 1.59) accuracy.",
     [("single", [(7.0, "points", "7 F1 points")]), ("single", [(62.53, "%", "62.53% (± 1.59)")])]),
    # a name's number and a total are no members of a list
    ("It surpasses Gemma3-27B by 2.6% on AIME 24, 0.6% on AIME 25 and scores 4.25 out of 5.",
     [("single", [(2.6, "%", "2.6%")]), ("single", [(24.0, None, "24")]), ("single", [(0.6, "%", "0.6%")]),
      ("single", [(25.0, None, "25")]), ("single", [(4.25, None, "4.25")])]),
])
def test_lists_changes_and_what_stays_apart(scanner, text, expected):
    assert scanned(scanner, text) == expected


def test_physical_units_and_ranks(scanner):
    # ax0338, ax0558
    groups, _ = scanner.scan("It lowers generation time from 31s to 18s and ranked 8th out of 12 teams.")
    assert [(g.link, [(m.value, m.unit, m.physical) for m in g.members]) for g in groups] == [
        ("wins", [(8.0, None, False)]), ("change", [(31.0, None, True), (18.0, None, True)])]  # "out of 12": a total
    assert scanned(scanner, "A model of 7B parameters at 3D resolution.") == []  # sizes stay out


@pytest.mark.parametrize("text", [
    "It runs Three Times faster and wins on FOUR of FIVE Tasks.",  # no digit: the number words are scanned
    "It wins on four of five tasks — a “strong” result, three times faster.",  # not ASCII: scanned whole
])
def test_number_words_are_scanned_in_any_case_and_beyond_ascii(scanner, text):
    groups, _ = scanner.scan(text)
    assert [(g.link, [(m.value, m.unit) for m in g.members]) for g in groups] == [
        ("wins", [(4.0, None)]), ("single", [(3.0, "x")])]


def test_a_sentence_without_digits_or_number_words_has_no_numbers(scanner):
    assert scanner.scan("A strong baseline with no numbers at all.") == ([], [])


def test_a_word_that_only_unicode_case_folding_makes_a_number_word_is_no_number(scanner):
    groups, _ = scanner.scan("It is ſix times faster, and twice as fast as vLLM.")  # a long s: not "six"
    assert [(g.link, [(m.value, m.unit) for m in g.members]) for g in groups] == [("single", [(2.0, "x")])]
