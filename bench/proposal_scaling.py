"""Proposal finding time against abstract length, up to the readers' 100k-character limit; prints a table.

    nice -n 10 .venv/bin/python bench/proposal_scaling.py [--lengths 1000,10000,100000]

Three kinds of long abstract: a short proposal sentence repeated ("We propose FooBar, a novel
method.": every repeat is a candidate naming an entity with ever more mentions; the finder once
scanned every entity for every candidate, 75 s at 100k characters), a longer proposal sentence with
a component list, a dataset and a model, and the example corpus's abstracts concatenated (ordinary
text). Each doc is run through the components before paperkg_proposed untimed; the table gives the
CPU seconds of paperkg_proposed alone (this process; steadier than wall time on a shared machine),
its seconds per 10k characters (flat = linear), the lookups its entity index made (per character:
flat = linear) and the CPU seconds of the whole pipeline for reference.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.cleaning import PaperText  # noqa: E402
from extractors.pipeline import default_pipeline, make_doc  # noqa: E402
from kg.readers import read_records  # noqa: E402

PROPOSED = "paperkg_proposed"
SHORT = "We propose FooBar, a novel method. "
LONG = ("We propose PauseNet, a novel framework with two modules: (1) Gated Memory Refinement (GMR) and "
        "(2) Sparse Anchor Attention (SAA), and evaluate it on GSM8K with Llama-2-7B, where accuracy "
        "improves by 10.6%. ")
TITLE = "PauseNet: Pausing Helps"
DEFAULT_LENGTHS = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)


def corpus_text() -> str:
    return " ".join(paper.abstract for paper in read_records([ROOT / "examples"]) if hasattr(paper, "abstract"))


def repeated(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length]


def timed(nlp, abstract: str) -> tuple[float, int, int, float]:
    """CPU seconds of the proposal finder, its index lookups, proposals, and the pipeline's seconds."""
    started = time.process_time()
    doc = make_doc(nlp, PaperText.of(TITLE, abstract))
    finder_seconds = 0.0
    for name, component in nlp.pipeline:
        step = time.process_time()
        doc = component(doc)
        if name == PROPOSED:
            finder_seconds = time.process_time() - step
    total = time.process_time() - started
    return finder_seconds, nlp.get_pipe(PROPOSED).last_lookups, len(doc._.proposed), total


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default=",".join(map(str, DEFAULT_LENGTHS)))
    lengths = [int(value) for value in parser.parse_args(argv).lengths.split(",")]
    nlp = default_pipeline()
    timed(nlp, SHORT)  # warm-up
    shapes = {"short proposal repeated": SHORT, "long proposal repeated": LONG,
              "example abstracts": corpus_text()}
    print("| abstract | characters | proposal finder CPU s | per 10k chars | index lookups | "
          "lookups per char | proposed | whole pipeline CPU s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for shape, source in shapes.items():
        for length in lengths:
            seconds, lookups, proposed, total = timed(nlp, repeated(source, length))
            print(f"| {shape} | {length:,} | {seconds:.3f} | {seconds / length * 10_000:.4f} | {lookups:,} | "
                  f"{lookups / length:.3f} | {proposed} | {total:.2f} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
