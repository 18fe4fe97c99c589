"""The trained NER decoded by spaCy's parser and by the batch decoder, on the same docs, in one run.

    OMP_NUM_THREADS=1 .venv/bin/python bench/ner_decoding.py [--papers 1000] [--batch 64]

The first N papers of the arXiv corpus go through the pipeline up to the NER once; then each way of
running the trained tok2vec + ner times the same docs (tokenizer-only over the same texts as the
yardstick) and the entities are compared doc by doc. spaCy's decoder runs with the memoised floret
vectors too, so the difference is the decoding alone; the memo's own gain is the third row.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from itertools import islice
from pathlib import Path
from typing import cast

from rich.console import Console
from rich.table import Table
from spacy.pipeline import EntityRecognizer, Tok2Vec

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.cleaning import PaperText
from extractors.components.floret_memo import MemoFloretVectors
from extractors.components.ner import ScientificNER
from extractors.pipeline import load_pipeline, make_doc
from kg.paths import shared_data


def corpus_texts(n: int) -> list[PaperText]:
    with gzip.open(shared_data("corpora", "arxiv_cs_2025.jsonl.gz"), "rt", encoding="utf-8") as lines:
        records = (json.loads(line) for line in lines if line.strip())
        return [PaperText.of(r.get("title") or "", r.get("abstract") or "") for r in islice(records, n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    nlp = load_pipeline()
    component = cast(ScientificNER, nlp.get_pipe("paperkg_ner"))
    tok2vec = cast(Tok2Vec, component.trained.get_pipe("tok2vec"))
    ner = cast(EntityRecognizer, component.trained.get_pipe("ner"))
    texts = corpus_texts(args.papers)
    upstream = nlp.pipe_names[:nlp.pipe_names.index("paperkg_ner")]
    with nlp.select_pipes(enable=upstream):
        docs = list(nlp.pipe((make_doc(nlp, text) for text in texts), batch_size=args.batch))
    batches = [docs[i:i + args.batch] for i in range(0, len(docs), args.batch)]

    def spacy_decoder() -> list:
        found = []
        for batch in batches:
            for doc in batch:
                doc.ents = []
            done = list(ner.pipe(tok2vec.pipe(batch, batch_size=len(batch)), batch_size=len(batch)))
            found += [[(e.start, e.end, e.label_) for e in doc.ents] for doc in done]
        return found

    def batch_decoder() -> list:
        return [spans for batch in batches for spans in component.decoder.decode(batch)]

    def timed(run):
        started = time.perf_counter()
        result = run()
        return result, time.perf_counter() - started

    started = time.perf_counter()
    for text in texts:
        nlp.make_doc(text.text)
    tokenizer_seconds = time.perf_counter() - started
    batch_decoder()  # warms the floret memo for both decoders
    theirs, spacy_seconds = timed(spacy_decoder)
    ours, batch_seconds = timed(batch_decoder)
    memo = nlp.vocab.vectors
    nlp.vocab.vectors = MemoFloretVectors(memo, capacity=0)  # every word rebuilt, as spaCy does
    _, cold_seconds = timed(batch_decoder)
    nlp.vocab.vectors = memo

    table = Table(title=f"trained NER on {args.papers:,} papers (batches of {args.batch})")
    for column in ("decoding", "ms/paper", "x tokenizer-only time"):
        table.add_column(column, justify="left" if column == "decoding" else "right")
    for name, seconds in (("spaCy parser (tok2vec + ner pipes)", spacy_seconds),
                          ("batch decoder", batch_seconds),
                          ("batch decoder, floret vectors not memoised", cold_seconds),
                          ("tokenizer only", tokenizer_seconds)):
        table.add_row(name, f"{1000 * seconds / len(texts):.2f}", f"{seconds / tokenizer_seconds:.1f}")
    console = Console()
    console.print(table)
    same = sum(a == b for a, b in zip(theirs, ours, strict=True))
    console.print(f"docs with identical entities: {same:,} of {len(texts):,}; "
                  f"entities: {sum(map(len, theirs)):,} (spaCy), {sum(map(len, ours)):,} (batch)")


if __name__ == "__main__":
    main()
