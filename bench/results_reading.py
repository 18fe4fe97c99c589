"""Reading results off a sentence stays linear in its length: time per character of
`ResultReader.read` (scan, judge, tie) on ever longer sentences, and on real abstracts.

    nice python bench/results_reading.py [--repeat 3] [--papers 2000]

The long sentences repeat one clause full of numbers, systems, datasets and metrics (the worst case
for the rules: every number a result, every name a candidate); a cost per character that stays flat
from 1k to 20k characters is a linear reader. The real row reads the first `--papers` abstracts of
the arXiv corpus (../shared/data/corpora/arxiv_cs_2025.jsonl.gz) sentence by sentence, without
entities (the NER is not what is measured here). Best of `--repeat` passes, CPU time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best_seconds
from extractors.results.cues import Cues
from extractors.results.reader import ResultReader
from extractors.results.types import Entity
from extractors.rules.data import DATA_DIR
from kg.core.iteration import read_jsonl
from kg.paths import shared_data

CLAUSE = ("Our Model-X improves the attack success rate by 5.2% on the GSM8K benchmark over GPT-4, and "
          "Llama-3 reaches 71.0% F1 to 75.9% accuracy, respectively, ")
NAMES = (("Model-X", "Method"), ("GSM8K", "Dataset"), ("GPT-4", "Model"), ("Llama-3", "Model"))


def long_sentence(repeats: int) -> tuple[str, list[Entity]]:
    """The clause `repeats` times, with its entity mentions."""
    entities = []
    for i in range(repeats):
        base = i * len(CLAUSE)
        for name, label in NAMES:
            at = base + CLAUSE.index(name)
            entities.append(Entity(at, at + len(name), label, name))
    return CLAUSE * repeats, entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--papers", type=int, default=2000)
    args = parser.parse_args()
    reader = ResultReader(Cues.from_records(read_jsonl(DATA_DIR / "numbers_cues.jsonl"),
                                            read_jsonl(DATA_DIR / "metrics.jsonl")))
    table = Table(title="ResultReader.read: CPU time per character")
    for column in ("input", "characters", "results", "ms", "us / character"):
        table.add_column(column, justify="right")
    for repeats in (8, 16, 32, 64, 128):
        text, entities = long_sentence(repeats)
        found = reader.read(text, entities)
        seconds = best_seconds(partial(reader.read, text, entities), args.repeat, time.process_time)
        table.add_row(f"one sentence x{repeats}", f"{len(text):,}", f"{len(found):,}", f"{seconds * 1e3:.1f}",
                      f"{seconds * 1e6 / len(text):.1f}")
    sentences = []
    with gzip.open(shared_data("corpora", "arxiv_cs_2025.jsonl.gz"), "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= args.papers:
                break
            abstract = json.loads(line).get("abstract") or ""
            sentences += re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(abstract.split()))
    count = sum(len(reader.read(s, [])) for s in sentences)
    seconds = best_seconds(lambda: [reader.read(s, []) for s in sentences], args.repeat, time.process_time)
    characters = sum(len(s) for s in sentences)
    table.add_row(f"{args.papers:,} abstracts", f"{characters:,}", f"{count:,}", f"{seconds * 1e3:.1f}",
                  f"{seconds * 1e6 / characters:.2f}")
    Console().print(table)


if __name__ == "__main__":
    main()
