"""`build_gazetteers` on a tiny PwC-like fixture: filters, case policy, id mapping, the CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.gazetteers import DISTINCT_VERSION, build_gazetteers, split_acronym, variants, version_spellings
from extractors.tokenizer import blank
from kg.cli import app
from kg.core.errors import DataNotFound
from tests.conftest import FIXTURES

PWC = FIXTURES / "pwc"


def read_patterns(out_dir: Path) -> dict[str, dict]:
    """Pattern text -> pattern entry (its tokens are checked on their own), over all four files."""
    found = {}
    for path in sorted(out_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            del entry["tokens"]
            found[entry["pattern"]] = entry
    return found


def test_patterns_carry_the_tokenizers_split(built):
    _, _, out_dir = built
    tokenizer = blank().tokenizer
    entries = [json.loads(line) for path in sorted(out_dir.glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines()]
    assert entries
    for entry in entries:
        assert entry["tokens"] == [token.text for token in tokenizer(entry["pattern"])]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[dict[str, int], dict[str, dict], Path]:
    out_dir = tmp_path_factory.mktemp("gazetteers")
    counts = build_gazetteers(PWC, out_dir, PWC / "corpus.jsonl", PWC / "curated.jsonl",
                              PWC / "blocked.txt")
    return counts, read_patterns(out_dir), out_dir


def test_counts_are_the_lines_written(built):
    counts, _, out_dir = built
    assert set(counts) == {"datasets.jsonl", "methods.jsonl", "tasks.jsonl", "metrics.jsonl"}
    for filename, count in counts.items():
        assert len((out_dir / filename).read_text().splitlines()) == count


def test_full_names_map_to_the_acronym(built):
    _, patterns, _ = built
    assert patterns["DPO"] == {"label": "Method", "pattern": "DPO", "id": "DPO", "attr": "ORTH"}
    assert patterns["Direct Preference Optimization"]["id"] == "DPO"
    assert patterns["Direct Preference Optimization"]["attr"] == "LOWER"
    assert patterns["Stanford Question Answering Dataset"]["id"] == "SQuAD"


def test_spelling_variants_share_the_id(built):
    _, patterns, _ = built
    for surface in ("In-Context Learning", "In Context Learning"):
        assert patterns[surface]["id"] == "In-Context Learning"
    for surface in ("ImageNet-1K", "ImageNet 1K", "ImageNet-1k"):  # variant and leaderboard name
        assert patterns[surface] == {"label": "Dataset", "pattern": surface, "id": "ImageNet-1K",
                                     "attr": "ORTH"}
    assert patterns["ImageNet"]["id"] == "ImageNet"
    assert patterns["GANs"]["id"] == "GAN"
    assert variants("Domain Generalization", "Task") == ["Domain Generalization", "Domain-Generalization",
                                                         "Domain Generalisation", "Domain-Generalisation"]


def test_a_numbered_or_lettered_version_is_a_benchmark_of_its_own():
    """ "AIME 2025" is not AIME 2024, nor "ImageNet-R" ImageNet; "AIME24" is "AIME 2024"; a version
    that only adds a word ("3DMatch Benchmark") is the dataset itself."""
    assert version_spellings(["AIME 2024", "AIME24", "AIME-2024", "AIME 2025", "AIME25"]) == {
        "aime2024": ["AIME 2024", "AIME24", "AIME-2024"], "aime2025": ["AIME 2025", "AIME25"]}
    versions = [("ImageNet", "ImageNet-R"), ("ImageNet", "ImageNet-100"), ("ActivityNet", "ActivityNet 1.3"),
                ("3DMatch", "3DMatch Benchmark"), ("AFHQ", "AFHQ Cat")]
    assert [v for name, v in versions if DISTINCT_VERSION.fullmatch(v[len(name):])] == [
        "ImageNet-R", "ImageNet-100", "ActivityNet 1.3"]


def test_junk_and_flagged_entries_are_dropped(built):
    _, patterns, _ = built
    texts = " | ".join(patterns)
    for junk in ("Expedia", "(deleted", "12345", "!(()", "SPEED: Separable", "Tiny Images",
                 "ImageNet val", "DBP-5L (English)", "English", "Zero-Shot"):
        assert junk not in texts


def test_ordinary_words_are_dropped_names_kept(built):
    _, patterns, _ = built
    assert "Focus" not in patterns          # "focus" is a prose word in the corpus
    assert "BASE" not in patterns           # capitals of a prose word, rare as such
    assert "SPEED" not in patterns
    assert "Attention" not in patterns      # a dataset name that is an ordinary word
    assert patterns["Adam"] == {"label": "Method", "pattern": "Adam", "id": "Adam", "attr": "ORTH"}
    assert "Classification" not in patterns  # one-word task
    assert "XYZ" not in patterns            # three letters without enough use...
    assert patterns["Xylophone Zebra"]["id"] == "XYZ"  # ...but its long form is safe


def test_models_and_blocked_phrases_are_not_patterns(built):
    _, patterns, _ = built
    assert "BERT" not in patterns           # a PwC "Language Models" entry: a Model, not a Method
    assert "YOLOv8" not in patterns         # the model grammar reads it: a Model, found as one
    assert "You Only Look Once" not in patterns
    assert "Decision Making" not in patterns


def test_label_precedence_and_curated_override(built):
    _, patterns, _ = built
    assert patterns["Visual Question Answering"]["label"] == "Task"   # also a dataset's name
    assert patterns["Knowledge Distillation"]["label"] == "Method"    # curated beats PwC task
    assert patterns["summarization"] == {"label": "Task", "pattern": "summarization",
                                         "id": "Summarization", "attr": "LOWER"}
    assert patterns["GSM-8K"]["id"] == "GSM8K"


def test_techniques_filed_as_tasks_are_methods(built):
    """PwC files training paradigms as tasks; the guide calls a technique a Method."""
    _, patterns, _ = built
    assert patterns["Imitation Learning"] == {"label": "Method", "pattern": "Imitation Learning",
                                              "id": "Imitation Learning", "attr": "LOWER"}
    assert patterns["Behavior Cloning"]["label"] == "Method"  # the record's head decides
    assert patterns["Machine Translation"]["label"] == "Task"


def test_kinds_of_model_filed_as_tasks_are_left_out(built):
    """PwC lists "Multimodal Large Language Model" as a task; the guide never annotates a class
    of models, and 18 of 4,000 arXiv abstracts got it as a Task node."""
    _, patterns, _ = built
    assert not any(p.lower().startswith("multimodal large language model") for p in patterns)


def test_metrics_group_spellings_and_acronyms(built):
    _, patterns, _ = built
    for surface in ("F1", "F1-score", "F1 score"):
        assert patterns[surface]["id"] == "F1"
    assert patterns["WER"]["id"] == "WER"
    assert patterns["word error rate"] == {"label": "Metric", "pattern": "word error rate",
                                           "id": "WER", "attr": "LOWER"}
    assert patterns["Top-1 Accuracy"]["attr"] == "LOWER"
    assert "Cross-View" not in patterns     # a leaderboard column, not a measure
    assert "error" not in patterns          # AxCell evidence that is a generic word
    assert not any("QE-PH" in p for p in patterns)


def test_the_build_is_deterministic(built, tmp_path):
    _, _, out_dir = built
    build_gazetteers(PWC, tmp_path, PWC / "corpus.jsonl", PWC / "curated.jsonl",
                     PWC / "blocked.txt")
    for path in out_dir.glob("*.jsonl"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_split_acronym_keeps_qualifiers():
    assert split_acronym("Word Error Rate (WER)") == ["Word Error Rate", "WER"]
    assert split_acronym("Reading Comprehension (Zero-Shot)") == ["Reading Comprehension (Zero-Shot)"]


def test_missing_catalogues_raise_data_not_found(tmp_path):
    with pytest.raises(DataNotFound):
        build_gazetteers(tmp_path / "absent", tmp_path / "out", PWC / "corpus.jsonl")


def test_cli_builds_into_the_output_directory(tmp_path):
    result = CliRunner().invoke(app, ["gazetteers", "--pwc", str(PWC), "--corpus",
                                      str(PWC / "corpus.jsonl"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "methods.jsonl" in result.output
    patterns = read_patterns(tmp_path)
    assert patterns["Xylophone Zebra"]["id"] == "XYZ"
    # the shipped curated list is merged, in the spelling of running text
    assert patterns["direct preference optimization"]["id"] == "DPO"
    assert patterns["GSM8K"]["label"] == "Dataset"


def test_cli_reports_a_missing_catalogue_directory(tmp_path):
    result = CliRunner().invoke(app, ["gazetteers", "--pwc", str(tmp_path / "absent"),
                                      "--corpus", str(PWC / "corpus.jsonl"),
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "KG005" in result.output
