"""Hugging Face papers page text dumps: page chrome, then a title line and an abstract line per paper.

Two layouts exist: lines back to back with "Subscribe" glued to the first title
("SubscribeMasked Images Are..."), and blank-line separated with "new", "Subscribe",
"byAK and the research community" and a date line ("Mar 20") before the first title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from kg.core.records import Paper, Reject
from kg.readers.fields import build_paper
from kg.readers.streams import BAD_BYTES_REASON, MAX_RECORD_CHARS, has_bad_bytes, numbered_lines, open_text

SOURCE = "hf-page"
MARKERS = ("Get trending papers in your email inbox", "byAK and the research community")
CHROME_LINES = frozenset({"new", "Subscribe", "byAK and the research community"})
CHROME_PREFIXES = ("Get trending papers in your email inbox",)
DATE_LINE_RE = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?$")
GLUED_PREFIX_RE = re.compile(r"^Subscribe(?=[A-Z0-9])")


def looks_like_hf_page(sample: str) -> bool:
    return any(marker in sample for marker in MARKERS)


def is_chrome(line: str) -> bool:
    text = line.strip()
    return text in CHROME_LINES or text.startswith(CHROME_PREFIXES) or DATE_LINE_RE.match(text) is not None


def read_hf_page(path: Path, max_abstract_chars: int, stream: TextIO | None = None) -> Iterator[Paper | Reject]:
    """Pairs of (title line, abstract line); the strings are the lines without their newline."""
    title: tuple[int, str | None] | None = None
    seen_title = False
    with nullcontext(stream) if stream is not None else open_text(path) as stream:
        for number, raw in numbered_lines(stream):
            line = None if raw is None else raw.removesuffix("\n").removesuffix("\r")
            if line is not None and not line.strip():
                continue
            if title is None:
                if line is not None and is_chrome(line):
                    continue
                if line is not None and not seen_title:
                    line = GLUED_PREFIX_RE.sub("", line, count=1)
                title, seen_title = (number, line), True
                continue
            yield _paper(path, title, (number, line), max_abstract_chars)
            title = None
    if title is not None:
        yield _paper(path, title, None, max_abstract_chars)


def _paper(path: Path, title: tuple[int, str | None], abstract: tuple[int, str | None] | None,
           max_abstract_chars: int) -> Paper | Reject:
    origin = f"{path}:{title[0]}"
    for number, line in (title, abstract or (title[0], "")):
        if line is None:
            return Reject(origin, f"line {number} is longer than {MAX_RECORD_CHARS} characters")
        if has_bad_bytes(line):
            return Reject(origin, f"{BAD_BYTES_REASON} on line {number}")
    return build_paper(source=SOURCE, origin=origin, max_abstract_chars=max_abstract_chars,
                       title=title[1], abstract=abstract[1] if abstract else "")
