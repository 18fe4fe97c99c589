"""Duplicate papers across files and sources: arXiv id, DOI, normalised title."""

from __future__ import annotations

from kg.core.names import normalise_title
from kg.core.records import Paper
from kg.dedup import Deduplicator
from kg.readers import read_records
from tests.conftest import EXAMPLES, FIXTURES

READERS = FIXTURES / "readers"


def check_all(papers: list[Paper]) -> list[str | None]:
    dedup = Deduplicator()
    return [dedup.check(paper) for paper in papers]


def test_title_normalisation_folds_case_punctuation_and_spaces():
    assert normalise_title("Fine-Tuning  LLMs!") == normalise_title("fine tuning llms") == "finetuningllms"
    assert normalise_title("LoRA: Low-Rank Adaptation") == normalise_title("lora — low rank adaptation")
    assert normalise_title("?!") == ""


def test_same_arxiv_id_any_version_or_source():
    assert check_all([
        Paper(id="2406.01234v1", title="One Title", arxiv_id="2406.01234v1", source="arxiv"),
        Paper(id="s2-paper", title="A Different Title In S2", arxiv_id="2406.01234", source="s2"),
    ]) == [None, "2406.01234v1"]


def test_same_doi_in_any_case_or_url_form():
    assert check_all([
        Paper(id="https://openalex.org/W1", title="X", doi="10.1000/ABC"),
        Paper(id="s2", title="Y", doi="https://doi.org/10.1000/abc"),
    ]) == [None, "https://openalex.org/W1"]


def test_same_title_unless_identifiers_differ():
    assert check_all([
        Paper(id="a", title="Introduction", arxiv_id="2101.00001"),
        Paper(id="b", title="introduction.", arxiv_id="2101.00002"),  # two papers, same title
        Paper(id="c", title="INTRODUCTION"),  # no id to tell it apart: the first one
        Paper(id="d", title="Introduction", doi="10.1/x"),
    ]) == [None, None, "a", "a"]


def test_keys_of_a_duplicate_point_to_the_first_paper():
    assert check_all([
        Paper(id="hf", title="Masked Images"),
        Paper(id="oa", title="Masked images!", doi="10.9/m"),  # duplicate by title, brings a DOI
        Paper(id="s2", title="Another Title Entirely", doi="10.9/M"),  # duplicate by that DOI
    ]) == [None, "hf", "hf"]


def test_untitled_records_compare_by_abstract():
    assert check_all([
        Paper(id="s1", abstract="BERT is evaluated on SQuAD."),
        Paper(id="s2", abstract="bert is evaluated on squad"),
        Paper(id="s3", abstract="GPT-2 is evaluated on WikiText."),
    ]) == [None, "s1", None]


def test_seed_dumps_hold_558_distinct_papers():
    papers = list(read_records([EXAMPLES]))
    verdicts = check_all(papers)
    assert len(papers) == 609
    assert sum(verdict is None for verdict in verdicts) == 558
    ids = {paper.id for paper, verdict in zip(papers, verdicts, strict=True) if verdict is None}
    assert all(verdict in ids for verdict in verdicts if verdict is not None)


def test_copies_across_files_and_formats_are_duplicates():
    papers = list(read_records([READERS / "records.jsonl", READERS / "records_copy.jsonl.gz",
                                READERS / "s2_papers.jsonl", READERS / "s2_no_extension.data"]))
    first = [paper.id for paper in papers]
    assert first[:3] == ["2406.01234v2", first[1], "42"] and first[1].startswith("h:")
    assert check_all(papers) == [
        None, None, None,  # records.jsonl
        first[0], first[1], first[2],  # its gzip copy: by arXiv id, by abstract (untitled), by arXiv id
        None, None,  # s2_papers.jsonl
        first[6], first[7],  # the same S2 papers gzipped: by arXiv id, by title
    ]


def test_same_input_id_is_one_paper():
    dedup = Deduplicator()
    assert dedup.check(Paper(id="row-1", title="A study of LoRA")) is None
    assert dedup.check(Paper(id="row-1", title="A different title")) == "row-1"
    assert dedup.check(Paper(id="row-2", title="Another study")) is None


def test_a_duplicate_is_named_by_where_its_original_was_read():
    dedup = Deduplicator()
    assert dedup.check(Paper(id="a", title="A study of LoRA", origin="in/one.jsonl:7")) is None
    assert dedup.check(Paper(id="b", title="A Study of LoRA.", origin="in/two.csv:3")) == "a"
    assert dedup.origin_of("a") == "in/one.jsonl:7" and dedup.origin_of("b") is None
