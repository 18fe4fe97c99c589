"""Throughput of the whole extraction with the trained NER on, next to a tokenizer-only pass.

    .venv/bin/python bench/ner_throughput.py [REPEATS]

Two corpora: the SciER dev sentences (detokenised, one sentence per record: sentences/s, as the
held-out benchmark runs `kg extract`) and the seed abstracts in examples/ (title + abstract:
abstracts/s). Each is timed through `extract_papers` with the shipped pipeline (NER on), with the
NER disabled, and through the same pipeline's tokenizer alone on the same cleaned texts. Pipeline
loading is excluded; the best of REPEATS (default 3) runs is reported.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.timing import best_seconds
from extractors.cleaning import PaperText
from extractors.ner_training import detokenise
from extractors.pipeline import extract_papers, load_pipeline
from kg.core.records import Paper
from kg.paths import shared_data
from kg.readers import read_records

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def scier_sentences() -> list[Paper]:
    with shared_data("scier", "dev.jsonl").open(encoding="utf-8") as lines:
        return [Paper(id=str(i), abstract=detokenise(json.loads(line)["sentence"].split())[0])
                for i, line in enumerate(lines) if line.strip()]


def seed_abstracts() -> list[Paper]:
    return [record for record in read_records([EXAMPLES]) if isinstance(record, Paper)]


def main(argv: list[str]) -> None:
    repeats = int(argv[0]) if argv else 3
    nlp = load_pipeline()
    print(f"pipeline: {' > '.join(nlp.pipe_names)}")
    header = (f"{'corpus':<16}{'records':>8}{'unit':>12}{'tokenizer/s':>13}{'no NER/s':>10}"
              f"{'NER on/s':>10}{'tok:NER on':>11}{'noNER:NER':>10}")
    print(header)
    print("-" * len(header))
    for name, unit, papers in (("SciER dev", "sentences", scier_sentences()),
                               ("seed abstracts", "abstracts", seed_abstracts())):
        texts = [PaperText.of(p.title, p.abstract).text for p in papers]
        # (each lambda is called at once, in its own iteration: B023's late binding cannot bite)
        tokenizer = best_seconds(lambda: [nlp.make_doc(t) for t in texts], repeats)  # noqa: B023
        with_ner = best_seconds(lambda: list(extract_papers(papers, nlp)), repeats)  # noqa: B023
        with nlp.select_pipes(disable=["paperkg_ner"]):
            without_ner = best_seconds(lambda: list(extract_papers(papers, nlp)), repeats)  # noqa: B023
        rate = len(papers)
        print(f"{name:<16}{rate:>8}{unit:>12}{rate / tokenizer:>13,.0f}{rate / without_ner:>10,.0f}"
              f"{rate / with_ner:>10,.0f}{with_ner / tokenizer:>10,.0f}x{with_ner / without_ner:>9.1f}x")


if __name__ == "__main__":
    main(sys.argv[1:])
