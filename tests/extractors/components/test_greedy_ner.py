"""The batch decoder against spaCy's own NER decoder, and the floret memo against spaCy's vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.tokens import Doc

from extractors.cleaning import PaperText
from extractors.components.floret_memo import MemoFloretVectors
from extractors.components.greedy_ner import BatchNERDecoder
from extractors.pipeline import default_pipeline
from kg.core.records import Paper
from kg.readers import read_records

ROOT = Path(__file__).resolve().parents[3]
EDGE_CASES = [
    "",  # no tokens
    "ResNet",  # one token: B is not allowed, U or O is
    "BERT\n\nRoBERTa  and   GPT-4 .",  # whitespace tokens, on which no entity may start
    "We fine-tune Llama 2. ImageNet accuracy rises. CIFAR-10 too.",  # sentence starts inside names' reach
    "Results on MS COCO , PASCAL VOC 2012 and Cityscapes with DeepLabv3+ and Mask R-CNN, respectively.",
]


def real_texts() -> list[str]:
    papers = [r for r in read_records([ROOT / "examples", ROOT / "tests" / "fixtures" / "scale_papers.jsonl"])
              if isinstance(r, Paper)]
    assert len(papers) >= 15
    return [PaperText.of(p.title, p.abstract).text for p in papers] + EDGE_CASES


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def docs_before_ner(nlp, texts: list[str]) -> list[Doc]:
    """Docs as the NER receives them in the pipeline: tokenised, with sentence starts."""
    upstream = nlp.pipe_names[:nlp.pipe_names.index("paperkg_ner")]
    with nlp.select_pipes(enable=upstream):
        return list(nlp.pipe(texts))


def spacy_entities(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """What spaCy's trained tok2vec + ner pipes put in doc.ents."""
    trained = nlp.get_pipe("paperkg_ner").trained
    docs = docs_before_ner(nlp, texts)
    for doc in docs:
        doc.ents = []
    for _, pipe in trained.pipeline:
        docs = list(pipe.pipe(docs))
    return [[(ent.start, ent.end, ent.label_) for ent in doc.ents] for doc in docs]


def test_batch_decoder_makes_spacys_decisions_on_real_abstracts(nlp):
    texts = real_texts()
    expected = spacy_entities(nlp, texts)
    trained = nlp.get_pipe("paperkg_ner").trained
    decoder = BatchNERDecoder(trained.get_pipe("tok2vec"), trained.get_pipe("ner"))
    assert decoder.decode(docs_before_ner(nlp, texts)) == expected
    assert sum(map(len, expected)) > 100  # the comparison covers many entities, of every label
    assert {label for found in expected for _, _, label in found} >= {"Method", "Dataset", "Task", "Model", "Metric"}
    # a batch decodes each doc as it would alone
    alone = [decoder.decode(docs_before_ner(nlp, [text]))[0] for text in texts[-len(EDGE_CASES):]]
    assert alone == expected[-len(EDGE_CASES):]


def test_no_entity_starts_on_whitespace_or_crosses_a_sentence_start(nlp):
    trained = nlp.get_pipe("paperkg_ner").trained
    decoder = BatchNERDecoder(trained.get_pipe("tok2vec"), trained.get_pipe("ner"))
    docs = docs_before_ner(nlp, real_texts())
    for doc, found in zip(docs, decoder.decode(docs), strict=True):
        for start, end, _ in found:
            assert not doc[start].is_space
            assert not any(token.is_sent_start for token in doc[start + 1:end])


def test_floret_memo_gives_spacys_vectors_bit_for_bit(nlp):
    vectors = nlp.vocab.vectors
    assert isinstance(vectors, MemoFloretVectors)  # installed by the NER component
    plain = MemoFloretVectors.__mro__[1].get_batch  # spaCy's Vectors.get_batch, no memo
    docs = docs_before_ner(nlp, real_texts())
    keys = np.concatenate([doc.to_array(vectors.attr) for doc in docs if len(doc)])
    small = MemoFloretVectors(vectors, capacity=50)  # most words beyond its capacity
    for table in (small, small, MemoFloretVectors(vectors)):  # cold, then warm
        assert np.array_equal(table.get_batch(keys), plain(vectors, keys))
    assert len(small._memo_rows) == 50
    assert table.get_batch(np.array([], dtype=np.uint64)).shape[0] == 0
