from __future__ import annotations

import pytest

from kg.core.errors import BadDataFile
from kg.core.iteration import batched, read_jsonl


def test_batched_streams_fixed_size_lists():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError):
        list(batched([1], 0))


def test_read_jsonl_skips_blank_lines_and_names_a_bad_line(tmp_path):
    path = tmp_path / "rules.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": "b"}\n', encoding="utf-8")
    assert [r["id"] for r in read_jsonl(path)] == ["a", "b"]
    path.write_text('{"id": "a"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(BadDataFile, match=r"rules.jsonl:2: not JSON"):
        list(read_jsonl(path))
    path.write_text('["a"]\n', encoding="utf-8")
    with pytest.raises(BadDataFile, match="expected a JSON object"):
        list(read_jsonl(path))
