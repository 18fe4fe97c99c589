"""Property tests of the readers (hypothesis, bounded): whatever a file holds, no exception escapes
and every input record comes out as a paper or a reject; good records come out intact.

Each example is a real file in a temporary directory, read through `read_records` as a run reads it.
The number of examples and the per-example deadline come from the hypothesis profile registered in
tests/conftest.py (`pytest --hypothesis-profile thorough` for a longer search).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from pathlib import Path
from typing import Literal

from hypothesis import given
from hypothesis import strategies as st

from kg.core.records import Paper, Reject
from kg.readers import read_records
from kg.readers.fields import without_lone_surrogates

# Starts that steer format detection toward each reader (and its edge cases).
PREFIXES = [b"", b"{", b"[", b"[\n{", b'{"results": [', b'{"data": [', b"title,abstract\n",
            b"id\ttitle\tabstract\n", b"Get trending papers in your email inbox!\n", b"\xef\xbb\xbf",
            b"%PDF-1.4\n", b"SQLite format 3\x00", b"\x00\x00", b"\r", b'"', b"{\"title\": \"" + b"[" * 50]
# Text that cannot make a line a header or a page dump, so the format of a file stays what it is.
_STEERING_WORDS = ("title", "abstract", "byak", "get trending")


def read_file(content: bytes, name: str = "input.jsonl") -> list[Paper | Reject]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        path.write_bytes(content)
        return list(read_records([path]))


def assert_papers_or_rejects(records: list) -> None:
    for record in records:
        assert isinstance(record, (Paper, Reject)), record
        assert record.origin.rsplit(":", 1)[1].isdigit()
        if isinstance(record, Paper):
            assert record.title.strip() or record.abstract.strip()
            assert not any("\ud800" <= char <= "\udfff" for char in record.title + record.abstract)
        else:
            assert record.reason and "\n" not in record.reason


@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000), gzipped=st.booleans())
def test_any_bytes_give_papers_or_rejects(prefix, body, gzipped):
    content = prefix + body
    assert_papers_or_rejects(read_file(gzip.compress(content) if gzipped else content))


def _is_junk(line: str) -> bool:
    """A line that is a record of its own (not blank) and no JSON value that could hold papers."""
    text = line.strip()
    return bool(text) and text[0] not in "[{" and not any(word in line.lower() for word in _STEERING_WORDS)


SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # the Unicode category of lone surrogates
texts = st.text(st.characters(exclude_characters="\n"), max_size=60)  # with surrogates and controls
junk_lines = st.one_of(
    st.text(st.characters(exclude_characters="\n\r", exclude_categories=SURROGATES), min_size=1,
            max_size=40).filter(_is_junk).map(lambda line: line.encode("utf-8")),
    st.binary(min_size=1, max_size=40).filter(lambda raw: b"\n" not in raw and b"\r" not in raw)
    .filter(lambda raw: _is_junk(raw.decode("utf-8", "replace"))),
)
records = st.fixed_dictionaries({"title": texts, "abstract": texts}).filter(
    lambda record: (record["title"] + record["abstract"]).strip())


@given(lines=st.lists(st.one_of(records, junk_lines, st.just(b"")), min_size=1, max_size=30)
       .filter(lambda lines: any(isinstance(line, dict) for line in lines[:40])))
def test_jsonl_with_junk_lines_keeps_every_good_record(lines):
    """A good record is a paper with its exact text (lone surrogates -> U+FFFD); a junk line is one
    reject on its own line; a blank line is nothing."""
    raw, expected = [], {}
    for number, line in enumerate(lines, 1):
        if isinstance(line, dict):
            expected[number] = {key: without_lone_surrogates(value) for key, value in line.items()}
            line = json.dumps({"id": f"r{number}", **line}).encode("ascii")
        raw.append(line)
    records = read_file(b"\n".join(raw) + b"\n")
    assert_papers_or_rejects(records)
    by_line = {}
    for record in records:
        by_line.setdefault(int(record.origin.rsplit(":", 1)[1]), []).append(record)
    for number, line in enumerate(lines, 1):
        found = by_line.pop(number, [])
        if isinstance(line, dict):
            assert [(p.id, p.title, p.abstract) for p in found] == [
                (f"r{number}", expected[number]["title"], expected[number]["abstract"])]
        elif line.strip(b" \t\r\x0b\x0c"):
            assert len(found) == 1 and isinstance(found[0], Reject), (line, found)
    assert not by_line


cells = st.text(st.characters(exclude_categories=SURROGATES), max_size=40).filter(
    lambda cell: not any(word in cell.lower() for word in _STEERING_WORDS))


@given(rows=st.lists(st.tuples(cells, cells), min_size=1, max_size=20),
       delimiter=st.sampled_from([",", "\t", ";"]), line_end=st.sampled_from(["\n", "\r\n", "\r"]))
def test_csv_rows_come_back_exactly(rows, delimiter, line_end):
    """Quotes, delimiters, NULs, control characters and line breaks inside cells survive; every row
    is one paper, or one reject when both its cells are blank."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end, quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "title", "abstract"])
    writer.writerows((f"row{i}", title, abstract) for i, (title, abstract) in enumerate(rows))
    records = read_file(buffer.getvalue().encode("utf-8"), name="table.csv")
    assert_papers_or_rejects(records)
    assert len(records) == len(rows)
    for (title, abstract), record in zip(rows, records, strict=True):
        if (title + abstract).strip():
            assert isinstance(record, Paper) and (record.title, record.abstract) == (title, abstract)
        else:
            assert isinstance(record, Reject)
