"""Acronym pairing on plain strings (Schwartz & Hearst), on sentences of the seed abstracts."""

from __future__ import annotations

import pytest

from extractors.rules.acronyms import (
    is_short_form,
    long_form_before,
    long_form_start,
    mentions,
    spells_from_start,
    window_words,
)

S3FT = ("This paper introduces Selective Self-to-Supervised Fine-Tuning (S3FT), a fine-tuning approach "
        "that achieves better performance than the standard supervised fine-tuning (SFT) while "
        "improving generalization.")
SH2 = ("In this work, we propose an inference-time method, Self-Highlighted Hesitation (SH2), to help "
       "LLMs decode more truthfully.")
RLHF = ("Despite their impressive performance, recent studies have highlighted the potential for "
        "significant enhancements in LLMs' task-specific performance through fine-tuning strategies like "
        "Reinforcement Learning with Human Feedback (RLHF), supervised fine-tuning (SFT), and Quantized "
        "Low-Rank Adapters (Q-LoRA) method.")


def long_form(sentence: str, short: str) -> str | None:
    """The long form before "(short)", searched in the words the pairing allows before it."""
    open_at = sentence.index(f"({short})")
    words = sentence[:open_at].split()[-window_words(short):]
    window_start = sentence.rindex(" ".join(words), 0, open_at)
    found = long_form_before(sentence, short, window_start, open_at)
    return sentence[found[0]:found[1]] if found else None


def test_schwartz_hearst_matching():
    assert long_form_start("LoL", "we propose the Loss-over-Loss") == len("we propose the ")
    assert long_form_start("PRF", "Pseudo-relevance feedback") == 0
    assert long_form_start("XYZ", "a completely different phrase") is None
    assert long_form_start("SH2", "we propose Self-Highlighted Hesitation") == len("we propose ")
    assert is_short_form("LoRA") and is_short_form("GPT-4")
    assert not is_short_form("e.g.") and not is_short_form("ours") and not is_short_form("2023")


@pytest.mark.parametrize(("sentence", "short", "long"), [
    (RLHF, "RLHF", "Reinforcement Learning with Human Feedback"),
    (RLHF, "SFT", "supervised fine-tuning"),
    (RLHF, "Q-LoRA", "Quantized Low-Rank Adapters"),
    (SH2, "SH2", "Self-Highlighted Hesitation"),  # the digit is not spelled: matched without it
    (S3FT, "S3FT", "Self-to-Supervised Fine-Tuning"),  # the first capital that starts a word wins
])
def test_long_form_before_the_bracket(sentence, short, long):
    assert long_form(sentence, short) == long


@pytest.mark.parametrize(("window", "short", "long"), [
    # arXiv train ax0119: Schwartz & Hearst find c and p inside "Preference Optimization"
    ("To overcome this, we propose Probability-Consistent Preference Optimization", "PCPO",
     "Probability-Consistent Preference Optimization"),
    # arXiv 2025 abstracts where the letters inside the last word made a one-word long form
    ("We introduce Active Domain Adaptation", "ADA", "Active Domain Adaptation"),
    ("the Generative Pre-trained Transformer", "GPT", "Generative Pre-trained Transformer"),
    ("with Low-Rank Adaptation", "LoRA", "Low-Rank Adaptation"),  # not all capitals: as before
])
def test_capitals_that_are_initials_take_the_whole_name(window, short, long):
    assert window[long_form_start(short, window):] == long


def test_a_short_form_that_is_a_word_of_its_long_form_pairs_with_nothing():
    sentence = "We fine-tune BERT models (BERT) on the task."  # the letters are there, as BERT itself
    assert long_form_start("BERT", "We fine-tune BERT models") is not None
    assert long_form(sentence, "BERT") is None


def test_a_window_too_short_for_the_letters_pairs_with_nothing():
    sentence = "Self-Highlighted Hesitation, as we call the method in this work (SHH), helps."
    assert long_form_start("SHH", sentence[:sentence.index(" (")]) == 0  # in the whole sentence
    assert long_form(sentence, "SHH") is None  # but not in the six words before the bracket


def test_the_long_form_in_brackets_after_the_short_form():
    assert spells_from_start("RIPA", "Reward Inflection Point Approximation")
    assert not spells_from_start("RIPA", "a Reward Inflection Point Approximation")
    assert not spells_from_start("2023", "the year of the data")


def test_the_window_grows_with_the_short_form():
    assert [window_words(short) for short in ("AI", "DPO", "RLHF", "ABCDEFGH")] == [4, 6, 8, 13]


def test_mentions_of_a_definition_respect_word_boundaries():
    text = ("Direct preference optimization (DPO) beats DPOs-free and DPO-X; "
            "DIRECT PREFERENCE OPTIMIZATION, not undirect preference optimizations; DPOs.")
    found = [text[a:b] for a, b in mentions(text, "Direct preference optimization", "DPO")]
    assert found == ["Direct preference optimization", "DIRECT PREFERENCE OPTIMIZATION",
                     "DPO", "DPO"]  # "(DPO)" and the plural "DPOs."; not "DPOs-free" nor "DPO-X"


def test_mentions_keep_offsets_where_lower_casing_would_shift_them():
    text = "İstanbul Speech Corpus (ISC) is new. The istanbul speech corpus and ISC again."
    spans = list(mentions(text, "İstanbul Speech Corpus", "ISC"))
    assert [text[a:b] for a, b in spans] == ["İstanbul Speech Corpus", "istanbul speech corpus",
                                             "ISC", "ISC"]


# --- long forms that run past the name (issue 10, item 6) -------------------------------------------

@pytest.mark.parametrize(("sentence", "short"), [
    # the letters reach into a verb before a capitalised name
    ("This paper addresses the problem by leveraging Vision-Language Large Models (LVLMs) to "
     "generate reports.", "LVLMs"),
    # into the clause before: a comma and "we"
    ("To enable lower bitrate and faster encoding, we propose an alternate optimization strategy "
     "(A-RDO) for the codec.", "A-RDO"),
    # across a bracket
    ("We build BioStrataKG) from large-scale articles and builds a cross-document "
     "question-answering dataset (BioCDQA).", "BioCDQA"),
    # across a colon
    ("We study strategies that can be used in post-training: SFT on solutions (S-SFT).", "S-SFT"),
    # an article's letter
    ("We distill the knowledge from a hub of Vision Experts (ToVE) into one model.", "ToVE"),
    # two acronyms at once
    ("Such displays are a key enabler for Augmented and Virtual Reality (AR/VR) devices.", "AR/VR"),
    # a reported score (arXiv 2505.20613): the bracket names the metric's cut-off
    ("our prover achieves competitive results with a 23.7% success rate (Pass@64) on ProofNet.", "Pass@64"),
])
def test_a_long_form_that_runs_past_the_name_pairs_with_nothing(sentence, short):
    assert long_form(sentence, short) is None


@pytest.mark.parametrize(("sentence", "short", "long"), [
    ("We fuse the measurements with an extended Kalman filter (EKF) on board.", "EKF",
     "extended Kalman filter"),
    ("We quantize the weights of a binarized Mamba (Bi-Mamba) language model.", "Bi-Mamba",
     "binarized Mamba"),
    ("Detection quality is reported as mean Average Precision (mAP) on the test split.", "mAP",
     "mean Average Precision"),
    ("Pathology models read whole slide images (WSIs) at several magnifications.", "WSIs",
     "whole slide images"),
    ("Tasks include Extract, Match, and Score (EMS) for each candidate.", "EMS",
     "Extract, Match, and Score"),
])
def test_names_that_start_lower_case_or_hold_commas_still_pair(sentence, short, long):
    assert long_form(sentence, short) == long


def test_a_long_form_starts_after_any_whitespace():
    assert long_form_start("SDMs", "modeling\n\nSpecies Distribution Models") == len("modeling\n\n")
    assert long_form_start("CT", "harmonisation\tComputed Tomography") == len("harmonisation\t")
