"""Readers on real files: the fixtures in tests/fixtures/readers, the seed dumps, the shared samples,
and bad inputs written to tmp_path."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.core.errors import InputNotFound
from kg.core.records import Paper, Reject
from kg.readers import read_records, streams
from kg.readers.streams import iter_json_document
from tests.conftest import EXAMPLES, FIXTURES, permission_checks_apply, shared_data_path

READERS = FIXTURES / "readers"


def read(*paths: Path | str, **options) -> list[Paper | Reject]:
    return list(read_records([str(path) for path in paths], **options))


def papers(records: list[Paper | Reject]) -> list[Paper]:
    return [record for record in records if isinstance(record, Paper)]


def rejects(records: list[Paper | Reject]) -> list[Reject]:
    return [record for record in records if isinstance(record, Reject)]


def line_of(record: Paper | Reject) -> int:
    return int(record.origin.rsplit(":", 1)[1])


# --- JSON Lines and JSON documents -------------------------------------------------------------

def test_jsonl_records_keep_strings_and_fill_fields():
    first, untitled, numbered = read(READERS / "records.jsonl")
    assert first.id == "2406.01234v2"  # echoed verbatim, version and all
    assert first.title == "  Pause Tokens Help Long Contexts "  # not stripped: offsets index it
    assert first.abstract == "We insert pause tokens.\nLlama-3.2-3B-Instruct improves by 10.61%."
    assert first.arxiv_id == "2406.01234"
    assert first.doi == "10.48550/arxiv.2406.01234"
    assert (first.year, first.date) == (2024, "2024-06-03")
    assert first.authors == ["Ada Lovelace", "Alan Turing"]
    assert first.categories == ["cs.CL", "cs.LG"]
    assert first.url == "https://arxiv.org/abs/2406.01234"
    assert (first.source, first.origin) == ("json", f"{READERS / 'records.jsonl'}:1")

    assert untitled.title == ""
    assert line_of(untitled) == 3  # the blank line 2 is skipped, not counted as a record

    assert numbered.id == "42"
    assert numbered.year == 2021
    assert numbered.arxiv_id == "2101.00001"
    assert numbered.authors == ["Grace Hopper", "Edsger Dijkstra"]
    assert numbered.categories == ["cs.AI", "cs.LG"]


def test_record_without_id_gets_stable_content_id():
    untitled = read(READERS / "records.jsonl")[1]
    abstract = "A sentence-level input with no title: BERT is evaluated on SQuAD."
    expected = "h:" + hashlib.sha1(("\n" + abstract).encode()).hexdigest()[:16]
    assert untitled.id == expected
    assert read(READERS / "records.jsonl")[1].id == expected


def test_gzip_is_detected_by_content_not_extension():
    plain = read(READERS / "records.jsonl")
    gzipped = read(READERS / "records_copy.jsonl.gz")
    assert [(p.id, p.title, p.abstract) for p in gzipped] == [(p.id, p.title, p.abstract) for p in plain]
    no_extension = read(READERS / "s2_no_extension.data")
    assert [p.title for p in no_extension] == ["Mistral 7B", "A Title Without Abstract"]
    assert {p.source for p in no_extension} == {"s2"}


def test_bom_is_dropped():
    (paper,) = read(READERS / "bom.jsonl")
    assert paper.id == "bom-1"
    assert paper.title == "Starts With A BOM"


def test_pretty_printed_json_array():
    first, second = read(READERS / "array.json")
    assert first.id == "doc-1"
    assert first.abstract == 'Mixture-of-experts layers\nroute tokens [sparsely]; see {braces} and "quotes".'
    assert (line_of(first), line_of(second)) == (2, 7)
    assert second.year == 2023


def test_json_array_is_streamed_not_loaded():
    record = {"title": "T", "abstract": "word " * 50}
    document = "[\n" + ",\n".join(json.dumps(dict(record, id=str(i))) for i in range(5000)) + "\n]"

    class CountingText(io.StringIO):
        consumed = 0

        def read(self, size=-1):
            chunk = super().read(size)
            self.consumed += len(chunk)
            return chunk

    stream = CountingText(document)
    items = iter_json_document(stream)
    first = next(items)
    assert first.value["id"] == "0" and first.line == 2
    assert stream.consumed < len(document) / 4  # the first record came before the file was read
    rest = list(items)
    assert len(rest) == 4999
    assert (rest[-1].value["id"], rest[-1].line) == ("4999", 5001)


def test_json_array_record_larger_than_a_read_chunk(tmp_path):
    big = "x" * (3 * streams.CHUNK_CHARS + 17)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"id": "a", "title": "A", "abstract": big}, {"id": "b", "title": "B"}], indent=1))
    first, second = read(path, max_abstract_chars=len(big))
    assert first.abstract == big
    assert second.id == "b"


def test_arxiv_snapshot_line_with_latex_and_hard_breaks():
    (paper,) = read(READERS / "arxiv_snapshot.jsonl")
    assert paper.source == "arxiv"
    assert paper.id == paper.arxiv_id == "2105.00001"
    assert paper.title == "Faster $\\mathcal{O}(n \\log n)$ Attention\n  with Sketches"
    assert paper.abstract.startswith("  We reduce attention cost to $\\mathcal{O}(n \\log n)$ and improve")
    assert "by\n5\\% on LRA. Our method, \\textsc{SketchAttn}, is simple.\n" in paper.abstract
    assert paper.doi == "10.1000/xyz.123"  # first of two, lower-cased
    assert (paper.date, paper.year) == ("2021-05-01", 2021)  # v1, not update_date
    assert paper.authors == ["J. Doe", "R. Müller", "K. O'Neil"]
    assert paper.categories == ["cs.LG", "stat.ML"]
    assert paper.url == "https://arxiv.org/abs/2105.00001"


def test_openalex_work_abstract_rebuilt_from_inverted_index():
    (paper,) = read(READERS / "openalex_work.json")
    assert paper.source == "openalex"
    assert paper.id == "https://openalex.org/W4000000001"
    assert paper.abstract == "We present TinyNet, a small network. TinyNet is fast and TinyNet is small."
    assert paper.arxiv_id == "2203.00042"
    assert paper.doi == "10.5555/tinynet.2022"
    assert (paper.year, paper.date) == (2022, "2022-03-04")
    assert paper.authors == ["Kurt Gödel", "Emmy Noether"]


def test_openalex_api_page_results_are_records():
    display_only, no_abstract = read(READERS / "openalex_page.json")
    assert display_only.title == "Display Name Only"
    assert display_only.abstract == "Only words."
    assert no_abstract.title == "No Abstract Work"
    assert no_abstract.abstract == ""
    assert (line_of(display_only), line_of(no_abstract)) == (4, 7)


def test_s2_papers_and_batch_response():
    mistral, untitled_abstract = read(READERS / "s2_papers.jsonl")
    assert mistral.id == "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
    assert mistral.arxiv_id == "2310.06825"
    assert mistral.doi == "10.48550/arxiv.2310.06825"
    assert mistral.authors == ["Albert Q. Jiang", "Alexandre Sablayrolles"]
    assert mistral.categories == ["Computer Science"]
    assert (untitled_abstract.abstract, untitled_abstract.title) == ("", "A Title Without Abstract")
    assert untitled_abstract.categories == ["Medicine", "Biology"]  # s2FieldsOfStudy, deduplicated
    (batch,) = read(READERS / "s2_batch.json")
    assert (batch.id, batch.title, batch.authors) == ("0" * 39 + "1", "Batch Paper", ["Solo Author"])


# --- CSV / TSV -----------------------------------------------------------------------------------

def test_csv_with_quoted_newlines_and_any_case_headers():
    plain, quoted, doubled = read(READERS / "table.csv")
    assert (plain.id, plain.title, plain.abstract) == ("1", "Plain Row", "One line abstract.")
    assert plain.authors == ["Ada Lovelace", "Charles Babbage"]
    assert plain.year == 1843
    assert quoted.title == "Quoted, With Comma"
    assert quoted.abstract == "First line\r\nsecond line, still the abstract"
    assert doubled.abstract == 'He said "hi".'
    assert [line_of(p) for p in (plain, quoted, doubled)] == [2, 3, 5]
    assert {p.source for p in (plain, quoted, doubled)} == {"csv"}


def test_tsv():
    (paper,) = read(READERS / "table.tsv")
    assert (paper.id, paper.title, paper.abstract) == ("t1", "Tab Separated", "An abstract, with a comma.")


# --- Hugging Face papers page dumps ------------------------------------------------------------

def test_hf_page_glued_subscribe_layout():
    first, second = read(READERS / "hf_glued.txt")
    assert (first.title, first.abstract) == ("First Glued Title", "First abstract line, about LoRA.")
    assert (second.title, second.abstract) == ("Second Title", "Second abstract.")
    assert [line_of(p) for p in (first, second)] == [3, 5]
    assert first.source == "hf-page"


def test_hf_page_blank_line_layout():
    first, second = read(READERS / "hf_blank.txt")
    assert (first.title, first.abstract) == ("Spaced Title One", "Spaced abstract one.")
    assert (second.title, second.abstract) == ("Spaced Title Two", "Spaced abstract two.")
    assert [line_of(p) for p in (first, second)] == [11, 15]


def test_seed_dumps_in_examples():
    records = read(EXAMPLES)
    assert len(records) == 609 and not rejects(records)
    per_file = {}
    for paper in records:
        name = Path(paper.origin.rsplit(":", 1)[0]).name
        per_file[name[:3]] = per_file.get(name[:3], 0) + 1
    assert per_file == {"000": 204, "001": 44, "002": 222, "003": 72, "004": 67}
    assert records[0].title == "Masked Images Are Counterfactual Samples for Robust Fine-tuning"
    spaced = next(p for p in records if Path(p.origin.rsplit(":", 1)[0]).name.startswith("003"))
    assert spaced.title == ("What Happened in LLMs Layers when Trained for Fast vs. Slow Thinking: "
                            "A Gradient Perspective")
    assert line_of(spaced) == 11
    for paper in records:
        path, line = paper.origin.rsplit(":", 1)
        lines = Path(path).read_text(encoding="utf-8").split("\n")
        assert lines[int(line) - 1].removeprefix("Subscribe") == paper.title
        assert len(paper.abstract) > len(paper.title) and paper.abstract in lines


# --- the shared samples, read in place -----------------------------------------------------------

def test_every_arxiv_snapshot_sample_line_is_a_paper():
    path = shared_data_path("samples", "arxiv-oai-snapshot.sample.jsonl")
    records = read(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(records) == len(lines) == 200
    for number, (record, line) in enumerate(zip(records, lines, strict=True), start=1):
        raw = json.loads(line)
        assert isinstance(record, Paper) and record.source == "arxiv"
        assert (record.id, record.title, record.abstract) == (raw["id"], raw["title"], raw["abstract"])
        assert line_of(record) == number


def test_openalex_samples_abstracts_match_the_index():
    works = read(shared_data_path("samples", "openalex-works.sample.json"))
    raw = json.loads(shared_data_path("samples", "openalex-works.sample.json").read_text(encoding="utf-8"))
    assert len(works) == len(raw) == 195
    for paper, work in zip(works, raw, strict=True):
        index = work["abstract_inverted_index"]
        words = paper.abstract.split(" ")
        assert len(words) == sum(len(positions) for positions in index.values())
        for word, positions in index.items():
            assert all(words[position] == word for position in positions)
    (full,) = read(shared_data_path("samples", "openalex-work.full.json"))
    assert full.title.startswith("The state of OA")
    assert full.doi == "10.7717/peerj.4375"


def test_s2_samples_without_abstract_are_kept_with_title():
    path = shared_data_path("samples", "s2-papers.sample.jsonl")
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records = read(path)
    assert len(records) == len(raw) == 300
    assert all(isinstance(r, Paper) for r in records)
    no_abstract = [p for p, r in zip(records, raw, strict=True) if not r["abstract"]]
    assert len(no_abstract) == sum(1 for r in raw if r["abstract"] is None) > 0
    assert all(p.title and p.abstract == "" for p in no_abstract)
    with_arxiv = [(p, r) for p, r in zip(records, raw, strict=True) if "ArXiv" in r["externalIds"]]
    assert with_arxiv and all(p.arxiv_id == r["externalIds"]["ArXiv"] for p, r in with_arxiv)


# --- bad inputs ----------------------------------------------------------------------------------

def test_truncated_json_document_keeps_the_complete_records():
    complete, cut = read(READERS / "truncated.json")
    assert complete.id == "ok-1"
    assert isinstance(cut, Reject) and line_of(cut) == 3
    assert cut.reason.startswith("truncated JSON")


def test_malformed_json_document_stops_with_a_reject(tmp_path):
    path = tmp_path / "missing_comma.json"
    path.write_text('[\n {"id": "a", "title": "A"},\n {"id": "b", "title": "B"}\n {"id": "c", "title": "C"}\n]\n')
    first, second, error = read(path)
    assert (first.id, second.id) == ("a", "b")
    assert error.reason.startswith("malformed JSON") and line_of(error) == 4


def test_bad_bytes_reject_one_line_and_keep_its_neighbours():
    before, bad, after = read(READERS / "bad_bytes.jsonl")
    assert (before.id, after.id) == ("good-1", "good-3")
    assert isinstance(bad, Reject) and line_of(bad) == 2
    assert "UTF-8" in bad.reason


def test_bad_bytes_inside_a_json_array_element(tmp_path):
    path = tmp_path / "array.json"
    path.write_bytes(b'[\n {"id": "a", "title": "A"},\n {"id": "b", "title": "B \xc3\x28"},\n'
                     b' {"id": "c", "title": "C"}\n]')
    first, bad, last = read(path)
    assert (first.id, last.id) == ("a", "c")
    assert isinstance(bad, Reject) and line_of(bad) == 3 and "UTF-8" in bad.reason


def test_bad_records_are_rejected_one_by_one():
    records = read(READERS / "bad_records.jsonl")
    summary = [(line_of(r), r.reason if isinstance(r, Reject) else r.id) for r in records]
    assert summary == [
        (1, "record has neither a title nor an abstract"),
        (2, "record has neither a title nor an abstract"),
        (3, "record is a string, not a JSON object"),  # a list line holds records: two strings
        (3, "record is a string, not a JSON object"),
        (4, "record is a string, not a JSON object"),
        (5, "truncated JSON: the line ends inside a record"),
        (6, "title is an array, not a string"),
        (7, "good-7"),
        (8, "truncated JSON: the line ends inside a record"),
    ]
    assert records[0].id == "empty-1"


def test_abstract_over_the_limit_is_rejected_with_its_length(tmp_path):
    path = tmp_path / "huge.jsonl"
    huge = {"id": "huge-2", "title": "Huge", "abstract": "a" * 1_000_000}
    lines = [{"id": "small-1", "title": "Small"}, huge, {"id": "small-3", "title": "Small too"}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    small, rejected, small_too = read(path)
    assert (small.id, small_too.id) == ("small-1", "small-3")
    assert isinstance(rejected, Reject) and rejected.id == "huge-2" and line_of(rejected) == 2
    assert "1000000" in rejected.reason and "100000" in rejected.reason.replace("1000000", "")


def test_overlong_line_is_rejected_without_reading_it_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(streams, "MAX_RECORD_CHARS", 100)
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "abstract": "b" * 500}) + "\n"
                    + json.dumps({"id": "ok", "title": "T"}) + "\n")
    long_line, ok = read(path)
    assert isinstance(long_line, Reject) and line_of(long_line) == 1 and "longer than" in long_line.reason
    assert ok.id == "ok" and line_of(ok) == 2


def test_unknown_format_is_one_reject_and_reading_goes_on(tmp_path):
    records = read(READERS / "unknown.txt", READERS / "bom.jsonl")
    assert isinstance(records[0], Reject) and records[0].reason.startswith("unknown format")
    assert records[1].id == "bom-1"


def test_corrupt_gzip_keeps_what_was_readable(tmp_path):
    def abstract(i: int) -> str:  # hex digests: hardly compressible, so half the gzip is half the text
        return " ".join(hashlib.sha1(f"{i}-{j}".encode()).hexdigest() for j in range(20))

    lines = "".join(json.dumps({"id": str(i), "title": f"Title {i}", "abstract": abstract(i)}) + "\n"
                    for i in range(400))
    data = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    records = read(path)
    assert isinstance(records[-1], Reject) and "cannot read" in records[-1].reason
    good = papers(records)
    assert good and [p.id for p in good] == [str(i) for i in range(len(good))]


def test_empty_file_has_no_records(tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    assert read(tmp_path / "empty.jsonl") == []


def test_missing_input_raises_before_reading():
    with pytest.raises(InputNotFound):
        read_records([str(READERS / "records.jsonl"), "/nonexistent/input.jsonl"])


def test_directory_walk_is_sorted_and_skips_hidden_and_rejects(tmp_path):
    record = '{{"id": "{}", "title": "T {}"}}\n'
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden_dir").mkdir()
    for name in ("b/2.jsonl", "a.jsonl", "c.jsonl", ".hidden.jsonl", ".hidden_dir/x.jsonl",
                 "rejects.jsonl", "out.rejects.jsonl"):
        (tmp_path / name).write_text(record.format(name, name))
    assert [p.id for p in read(tmp_path)] == ["a.jsonl", "b/2.jsonl", "c.jsonl"]


def test_a_single_path_string_is_one_input():
    assert [p.id for p in read_records(str(READERS / "array.json"))] == ["doc-1", "doc-2"]


def test_record_with_a_data_list_is_a_record_not_a_page(tmp_path):
    record = {"id": "r1", "title": "Has Data", "abstract": "A.", "data": [{"title": "not a record"}]}
    (tmp_path / "pretty.json").write_text(json.dumps(record, indent=2))
    (tmp_path / "line.jsonl").write_text(json.dumps(record) + "\n")
    assert [(p.id, p.title) for p in read(tmp_path)] == [("r1", "Has Data"), ("r1", "Has Data")]


@pytest.mark.parametrize("cut_after", ['[\n {"id": "a", "title": "A"}', '[\n {"id": "a", "title": "A"},\n',
                                       '{\n "title": "T",\n "abstract": "A"', '{\n "results": [\n {"title": "A"}'])
def test_documents_cut_between_values_are_truncated(tmp_path, cut_after):
    path = tmp_path / "cut.json"
    path.write_text(cut_after)
    *kept, last = read(path)
    assert isinstance(last, Reject) and last.reason == "truncated JSON: the file ends inside a record"
    assert [p.title for p in kept] == (["A"] if '"A"}' in cut_after else [])


def test_year_falls_back_to_the_arxiv_id(tmp_path):
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": "2503.01234", "title": "A", "abstract": "B", "crawl_date": "2025-10-13"}\n'
                    '{"id": "cs/0601001", "title": "C", "abstract": "D"}\n', encoding="utf-8")
    new_style, old_style = read_records([path])
    assert (new_style.arxiv_id, new_style.year) == ("2503.01234", 2025)
    assert old_style.year is None


# --- Hostile inputs (issue 14): one reject each, never a crash, a hang or a lost good record ------

GOOD = '{"id": "good-%d", "title": "Paper %d", "abstract": "We use BERT on SQuAD."}\n'


def outcome(records: list[Paper | Reject]) -> list[tuple[int, str]]:
    """(line, paper id or reject reason) per record: what a run keeps and why it drops the rest."""
    return [(line_of(r), r.id if isinstance(r, Paper) else r.reason) for r in records]


@pytest.mark.parametrize("first_line", [
    b"id\ttitle\n",                      # a header line
    b"title,abstract\n",                 # a CSV header naming the text columns
    b"\x00\x00\x00\x00\n",               # NUL bytes
    b"\xff\xfe\xfa broken \xc3\n",       # invalid UTF-8
    b"42\n",                             # a bare number
    b"# exported by my script\n",        # a comment
])
def test_a_bad_first_line_costs_one_reject_not_the_file(tmp_path, first_line):
    path = tmp_path / "papers.jsonl"
    path.write_bytes(first_line + (GOOD % (1, 1) + GOOD % (2, 2)).encode())
    records = read(path)
    assert [r.id for r in papers(records)] == ["good-1", "good-2"]
    assert [line_of(r) for r in rejects(records)] == [1] and line_of(records[-1]) == 3


def test_a_bare_carriage_return_ends_csv_lines(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"title,abstract\rA paper,We use BERT.\rAnother,We use GPT-4.\r")
    assert [(p.title, p.abstract, line_of(p)) for p in read(path)] == [
        ("A paper", "We use BERT.", 2), ("Another", "We use GPT-4.", 3)]


def test_a_csv_header_after_a_comment_line(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("# my reading list\ntitle;abstract\nA paper;We use BERT.\n")
    comment, paper = read(path)
    assert (line_of(comment), comment.reason) == (1, "line before the CSV header")
    assert (line_of(paper), paper.title, paper.abstract) == (3, "A paper", "We use BERT.")


@pytest.mark.parametrize("name, content, kind", [
    ("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Title (title,abstract) >>\nendobj\n", "a PDF document"),
    ("figure.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a PNG image"),
    ("photo.jsonl", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "a JPEG image"),
    ("bundle.zip", b"PK\x03\x04\x14\x00" + bytes(100), "a ZIP archive (or Office file)"),
    ("random.bin", bytes((i * 97 + 13) % 256 for i in range(4000)), "binary content"),
])
def test_a_non_text_file_is_one_reject_with_its_reason(tmp_path, name, content, kind):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "z.jsonl").write_text(GOOD % (1, 1))
    records = read(tmp_path)
    assert len(rejects(records)) == 1 and line_of(records[0]) == 1
    assert f"not a text file ({kind})" in rejects(records)[0].reason
    assert [p.id for p in papers(records)] == ["good-1"]


def test_an_sqlite_file_is_one_reject(tmp_path):
    import sqlite3

    with sqlite3.connect(tmp_path / "cache.db") as db:
        db.execute("CREATE TABLE papers (title TEXT, abstract TEXT)")
        db.execute("INSERT INTO papers VALUES ('title,abstract', 'We use BERT.\nAnother line')")
    records = read(tmp_path)
    assert len(records) == 1 and "not a text file (an SQLite database)" in records[0].reason


def test_json_nested_a_thousand_levels_deep_is_one_reject(tmp_path):
    deep_line = tmp_path / "deep.jsonl"
    deep_line.write_text("[" * 1000 + "]" * 1000 + "\n" + GOOD % (2, 2))
    assert outcome(read(deep_line)) == [(1, streams.TOO_DEEP), (2, "good-2")]
    deep_element = tmp_path / "deep.json"  # inside an array the next element is still read
    deep_element.write_text('[{"title": "nested", "x": ' + '{"a": ' * 1000 + "1" + "}" * 1000
                            + '},\n {"id": "after", "title": "After"}]')
    assert outcome(read(deep_element)) == [(1, streams.TOO_DEEP), (2, "after")]


def test_odd_directory_entries_are_rejects_and_never_opened(tmp_path):
    import socket

    (tmp_path / "a.jsonl").write_text(GOOD % (1, 1))
    (tmp_path / "dangling.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    os.mkfifo(tmp_path / "fifo.jsonl")  # opening it would wait for a writer forever
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock.jsonl"))
        (tmp_path / "loop").mkdir()
        (tmp_path / "loop" / "up").symlink_to(tmp_path)  # a cycle: read once
        (tmp_path / "z.jsonl").write_text(GOOD % (2, 2))
        records = read(tmp_path)
    assert outcome(records) == [
        (1, "good-1"),
        (1, "dangling symbolic link: its target does not exist"),
        (1, "not a regular file (a FIFO): not read"),
        (1, "not a regular file (a socket): not read"),
        (1, "good-2"),
    ]
    assert Path(records[1].origin.rsplit(":", 1)[0]).name == "dangling.jsonl"


def test_pipeline_outputs_are_never_inputs(tmp_path):
    """`kg build in -o in/out` once read its own new cache.sqlite as input."""
    (tmp_path / "a.jsonl").write_text(GOOD % (1, 1))
    out = tmp_path / "out"
    out.mkdir()
    (out / ".paperkg-output").write_text("")
    (out / "graph.json").write_text('{"directed": true, "multigraph": true, "nodes": []}')
    (tmp_path / "extracted.jsonl").write_text('{"id": "good-1", "entities": []}\n')
    records = read_records([tmp_path], exclude=[tmp_path / "extracted.jsonl"])
    assert outcome(list(records)) == [(1, "good-1")]
    assert outcome(read(out)) == [(1, "a PaperKG output directory, not an input")]
    assert outcome(read(out / "graph.json")) == [(1, "a file in a PaperKG output directory, not an input")]


def test_lone_surrogates_become_replacement_characters_and_control_characters_stay(tmp_path):
    path = tmp_path / "escapes.jsonl"
    path.write_text('{"id": "s1", "title": "Bad \\ud800 pair \\udfff", "abstract": "NUL\\u0000 and \\u0007 bell",'
                    ' "authors": ["Ann \\udc80 Lee"]}\n', encoding="ascii")
    (paper,) = read(path)
    assert paper.title == "Bad \ufffd pair \ufffd" and len(paper.title) == len("Bad X pair X")
    assert paper.abstract == "NUL\x00 and \x07 bell" and paper.authors == ["Ann \ufffd Lee"]


def test_reasons_read_as_english(tmp_path):
    """Once "title is a int" and "Invalid control character at at column 13"."""
    path = tmp_path / "typed.jsonl"
    path.write_text('{"title": 12}\n{"title": "a\tb"}\n{"id": [1]}\n', encoding="utf-8")
    assert [r.reason for r in read(path)] == [
        "title is a number, not a string",
        "malformed JSON: Invalid control character at column 13",
        "id is an array, not a string or a number",
    ]


def test_an_unreadable_file_or_directory_is_a_reject_and_the_rest_is_read(tmp_path):
    """Run as the real command, which meets file permissions (as root too: see conftest)."""
    inputs = tmp_path / "in"
    (inputs / "locked").mkdir(parents=True)
    (inputs / "a.jsonl").write_text(GOOD % (1, 1))
    (inputs / "b.jsonl").write_text(GOOD % (2, 2))
    (inputs / "locked" / "c.jsonl").write_text(GOOD % (3, 3))
    (inputs / "b.jsonl").chmod(0)
    (inputs / "locked").chmod(0)
    try:
        run = subprocess.run([str(Path(sys.executable).parent / "kg"), "extract", str(inputs), "-o",
                              str(tmp_path / "x.jsonl"), "--quiet"], capture_output=True, text=True,
                             timeout=300, preexec_fn=permission_checks_apply)
    finally:
        (inputs / "b.jsonl").chmod(0o644)
        (inputs / "locked").chmod(0o755)
    assert run.returncode == 0, run.stderr
    assert [json.loads(line)["id"] for line in (tmp_path / "x.jsonl").read_text().splitlines()] == ["good-1"]
    reasons = {Path(r["origin"]).name: r["reason"] for r in map(json.loads, (tmp_path / "x.rejects.jsonl").open())}
    assert reasons == {"b.jsonl:1": "cannot read the file: [Errno 13] Permission denied: "
                                    f"'{inputs / 'b.jsonl'}'",
                       "locked:1": "cannot list the directory: Permission denied"}
