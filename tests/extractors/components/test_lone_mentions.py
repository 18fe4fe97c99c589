"""`paperkg_lone_mentions`: a name only the NER found, once, with no role and no result, is generic."""

from __future__ import annotations

import pytest

from extractors.attributes import ENTITIES_KEY
from extractors.pipeline import default_pipeline
from tests.extractors.pipeline_cases import annotate, extract, the_mention

# arXiv train ax0340, one of the 60 papers the NER was not fitted to (no gold entity there)
SENTENCE = ("Unlike prior 3D convolutional or frame wise diffusion approaches, our attention mechanism "
            "aligns motion features across frames.")


def test_a_name_the_ner_alone_found_once_is_generic():
    nlp = default_pipeline()
    with nlp.select_pipes(disable=["paperkg_lone_mentions"]):
        before = annotate(SENTENCE)
    assert [(s.text, s.label_, s._.generic) for s in before.spans[ENTITIES_KEY]
            if s.text == "3D convolutional"] == [("3D convolutional", "Method", False)]
    assert the_mention(extract(SENTENCE), "3D convolutional").generic


def lone_after(text: str, title: str = "", source: str = "ner", role: str = "mentions",
               results: list[dict] | None = None) -> list[tuple[str, bool]]:
    """(text, generic) of hand-set Method mentions of "Zorb" (every occurrence) after the component."""
    doc = annotate(text, title)
    spans = []
    for start in [i for i in range(len(doc.text)) if doc.text.startswith("Zorb", i)]:
        span = doc.char_span(start, start + 4, label="Method")
        assert span is not None
        span.id_ = "Zorb"
        span._.source, span._.role, span._.generic = source, role, False
        spans.append(span)
    doc.spans[ENTITIES_KEY] = spans
    doc._.results = results or []
    doc = default_pipeline().get_pipe("paperkg_lone_mentions")(doc)
    return [(s.text, s._.generic) for s in doc.spans[ENTITIES_KEY]]


def test_the_hand_set_mention_alone_is_generic():
    assert lone_after("Prior work relies on Zorb for alignment.") == [("Zorb", True)]
    assert lone_after("Frames are aligned using Zorb.", role="uses") == [("Zorb", True)]  # a weak role


@pytest.mark.parametrize(("case", "kwargs"), [
    ("found twice", {"text": "Prior work relies on Zorb. Zorb aligns frames."}),
    ("in the title", {"text": "It aligns frames.", "title": "Zorb: aligned video diffusion"}),
    ("a catalogue name", {"text": "Prior work relies on Zorb.", "source": "gazetteer"}),
    ("compared with", {"text": "Ours outperforms Zorb.", "role": "compares"}),
    ("a result's subject", {"text": "Zorb reaches 71.2% accuracy.",
                            "results": [{"metric": "Accuracy", "dataset": None, "subject": "Zorb"}]}),
])
def test_a_name_the_paper_does_something_with_stays_named(case, kwargs):
    assert all(not generic for _, generic in lone_after(**kwargs)), case


@pytest.mark.parametrize("sentence", [
    # corpus papers 2508.03009 and 2507.19616: a name that says it is a dataset stays one
    "We also report results on LVBench, where long videos remain hard.",
    "Experiments on WMT'14 En-De show a BLEU score of 29.8.",
])
def test_a_dataset_the_name_says_is_one_stays_named(sentence):
    name = "LVBench" if "LVBench" in sentence else "WMT'14 En-De"
    doc = annotate(sentence)
    span = doc.char_span(sentence.index(name), sentence.index(name) + len(name), label="Dataset")
    span.id_ = name
    span._.source, span._.role, span._.generic = "ner", "uses", False
    doc.spans[ENTITIES_KEY] = [span]
    doc._.results = []
    doc = default_pipeline().get_pipe("paperkg_lone_mentions")(doc)
    assert [(s.text, s._.generic) for s in doc.spans[ENTITIES_KEY]] == [(name, False)]


@pytest.mark.parametrize(("sentence", "name", "typed"), [
    # corpus papers 2512.20104, 2511.15833 and 2511.14772: the NER's lone member of a list whose other
    # members are named entities of its type (on the first fold NER's held-out papers: 3 gold entities
    # more, no wrong one)
    ("In this work, we investigate the effect of three commonly used activation functions combined with four "
     "optimization algorithms (SGD, Adam, RMSprop, and Adagrad) using two recurrent architectures.", "Adagrad",
     "Method"),
    ("PHD yields a spectrum of student variants using RepViT, TinyViT, and EfficientViT backbones.", "TinyViT",
     "Method"),
    ("This perspective allows us to unify diverse approaches such as Chain-of-Thought, Branch-Solve-Merge, and "
     "Tree-of-Thought under a common lens.", "Tree-of-Thought", "Method"),
    # corpus papers 2507.12426 and 2510.07277: the NER called the member a Method its list's named
    # members say is a Dataset
    ("We evaluate DVFL-Net on UCF50, UCF101, HMDB51, SSV2, and Kinetics-400, benchmarking it against recent "
     "state-of-the-art methods.", "SSV2", "Dataset"),
    ("We compare RETFound and FLAIR across different training regimes and evaluation settings in IDRiD, "
     "MESSIDOR-2 and OCT-and-Eye-Fundus-Images.", "MESSIDOR-2", "Dataset"),
])
def test_a_lone_member_of_a_named_list_stays_named_with_the_lists_type(sentence, name, typed):
    nlp = default_pipeline()
    with nlp.select_pipes(disable=["paperkg_lone_mentions"]):
        before = annotate(sentence)
    assert [(s.label_, s._.source) for s in before.spans[ENTITIES_KEY] if s.text == name] == [("Method", "ner")]
    mention = the_mention(extract(sentence), name)
    assert (mention.type, mention.generic) == (typed, False)
