"""Extraction time against abstract length, up to the readers' 100k-character limit; prints a table.

    nice -n 10 .venv/bin/python bench/abstract_length.py [--lengths 1000,10000,100000]

Four kinds of long abstract: a short proposal sentence repeated ("We propose FooBar, a novel
method.", the worst case for the proposal finder, which once scanned every entity for every
candidate: 75 s at 100k characters), a longer one with a dataset, a model and a number, a run-on
text without a full stop (one huge sentence for the per-sentence rules until sentences were
capped), and the example corpus's abstracts concatenated (ordinary text). Each length
is extracted once through the whole pipeline after a warm-up; the table gives CPU seconds (this
process; steadier than wall time on a shared machine), seconds per 10k characters (flat = linear)
and the slowest component.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.attributes import ENTITIES_KEY  # noqa: E402
from extractors.cleaning import PaperText  # noqa: E402
from extractors.pipeline import default_pipeline, make_doc  # noqa: E402
from kg.readers import read_records  # noqa: E402

PROPOSAL = "We propose FooBar, a novel method. "
RUN_ON = "and we propose FooBar with 10% gains on GSM8K using LoRA "  # no full stop: one sentence
LONG_PROPOSAL = ("We propose PauseNet, a novel method for long-context reasoning, and evaluate it on GSM8K "
                 "with Llama-2-7B, where accuracy improves by 10.6%. ")
DEFAULT_LENGTHS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)


def corpus_text() -> str:
    return " ".join(paper.abstract for paper in read_records([ROOT / "examples"]) if hasattr(paper, "abstract"))


def repeated(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length]


def timed_extraction(nlp, title: str, abstract: str) -> tuple[float, str, float, int]:
    """CPU seconds in all, the slowest component and its seconds, and the number of entities."""
    text = PaperText.of(title, abstract)
    started = time.process_time()
    doc = make_doc(nlp, text)
    slowest, slowest_seconds = "tokenizer", time.process_time() - started
    for name, component in nlp.pipeline:
        step = time.process_time()
        doc = component(doc)
        if time.process_time() - step > slowest_seconds:
            slowest, slowest_seconds = name, time.process_time() - step
    return time.process_time() - started, slowest, slowest_seconds, len(doc.spans.get(ENTITIES_KEY, []))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default=",".join(map(str, DEFAULT_LENGTHS)))
    lengths = [int(value) for value in parser.parse_args(argv).lengths.split(",")]
    nlp = default_pipeline()
    timed_extraction(nlp, "Warm-up", PROPOSAL)
    shapes = {"short proposal repeated": PROPOSAL, "long proposal repeated": LONG_PROPOSAL,
              "run-on text, no full stop": RUN_ON, "example abstracts": corpus_text()}
    print("| abstract | characters | CPU s | s per 10k chars | entities | slowest component (s) |")
    print("|---|---:|---:|---:|---:|---|")
    for shape, source in shapes.items():
        for length in lengths:
            seconds, slowest, slowest_seconds, entities = timed_extraction(
                nlp, "PauseNet: Pausing Helps", repeated(source, length))
            print(f"| {shape} | {length:,} | {seconds:.2f} | {seconds / length * 10_000:.2f} | {entities:,} | "
                  f"{slowest} ({slowest_seconds:.2f}) |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
