"""Speed of `paperkg_gazetteer`: pattern loading once per process, then matching; prints a table.

    .venv/bin/python bench/bench_gazetteer.py [N_ABSTRACTS]

Matches title + abstract of the first N (default 5,000) papers of the 40k-paper arXiv corpus in a
tokenizer-only pipeline, then the same texts through the tokenizer alone, so the gazetteer's own
cost is the difference.
"""

from __future__ import annotations

import gzip
import itertools
import json
import sys
import time
from pathlib import Path

import spacy

import extractors.components  # noqa: F401  (registers paperkg_gazetteer)
from extractors.components.gazetteer import GAZETTEER_KEY

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpora" / "arxiv_cs_2025.jsonl.gz"


def abstracts(limit: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in itertools.islice(lines, limit))
        return [f"{r.get('title') or ''}\n\n{r.get('abstract') or ''}" for r in records]


def main(argv: list[str]) -> None:
    texts = abstracts(int(argv[0]) if argv else 5000)
    started = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.add_pipe("paperkg_gazetteer")
    nlp.initialize()  # reads the pattern files
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    spans = sum(len(doc.spans[GAZETTEER_KEY]) for doc in nlp.pipe(texts, batch_size=256))
    match_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=256):  # type: ignore[union-attr]  # (spaCy types it a callable)
        pass
    tokenize_seconds = time.perf_counter() - started
    print("| abstracts | load s | tokenize+match s | abstracts/s | tokenize-only s | gazetteer ms/abstract "
          "| spans/abstract |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {len(texts)} | {load_seconds:.2f} | {match_seconds:.2f} | {len(texts) / match_seconds:,.0f} | "
          f"{tokenize_seconds:.2f} | {1000 * (match_seconds - tokenize_seconds) / len(texts):.2f} | "
          f"{spans / len(texts):.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
