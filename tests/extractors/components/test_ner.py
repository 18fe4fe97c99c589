"""The trained NER: the shipped weights and the component (its training data: test_ner_training.py)."""

from __future__ import annotations

import json

import pytest
import spacy

from extractors.components.ner import is_generic, load_ner_model
from extractors.ner_training import NER_MODEL_DIR, VECTOR_BUCKETS, VECTOR_WIDTH, detokenise
from extractors.pipeline import default_pipeline, extract_papers
from kg.core.names import name_key
from kg.core.records import Paper
from tests.extractors.pipeline_cases import extract, the_mention


def test_shipped_weights_load_from_the_package_with_licence_and_provenance():
    trained = load_ner_model(spacy.blank("en"))
    assert trained.pipe_names == ["tok2vec", "ner"]
    assert set(trained.get_pipe("ner").labels) == {
        "Method", "Dataset", "Task", "Metric", "Model", "Method_generic", "Task_generic", "Dataset_generic"}
    assert trained.vocab.vectors.shape == (VECTOR_BUCKETS, VECTOR_WIDTH)  # floret, shipped inside
    assert trained.meta["spacy_version"] == ">=3.8,<3.9"  # the pin of pyproject.toml
    assert "GNU GENERAL PUBLIC LICENSE" in (NER_MODEL_DIR / "LICENSE").read_text()
    training = (NER_MODEL_DIR / "TRAINING.md").read_text()
    assert "SciER" in training and "EMNLP 2024" in training and "sha256" in training


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def ner_spans(nlp, text: str) -> list:
    """doc.spans["ner"] after the pipeline up to the NER: the merger later rewrites the Span._
    values of equal offsets (spaCy keys Span extensions by character offsets only)."""
    upstream = nlp.pipe_names[:nlp.pipe_names.index("paperkg_ner") + 1]
    with nlp.select_pipes(enable=upstream):
        doc = nlp(text)
    assert not doc.ents  # the NER reports through its span group only
    return list(doc.spans["ner"])


def test_pipeline_tags_a_known_sentence(nlp):
    spans = ner_spans(nlp, "We propose CornerNet, a new approach to object detection, and evaluate it on MS COCO.")
    found = {(span.text, span.label_) for span in spans}
    assert {("CornerNet", "Method"), ("object detection", "Task"), ("MS COCO", "Dataset")} <= found
    for span in spans:
        assert span._.source == "ner" and 0.0 < span._.score <= 1.0


def test_ner_finds_names_no_gazetteer_knows(nlp):
    spans = ner_spans(nlp, "We propose ZorbNet, a novel graph network for molecule retrieval, and "
                           "evaluate it on the QuarkBench dataset.")
    found = {(span.text, span.label_, span._.generic) for span in spans}
    assert {("ZorbNet", "Method", False), ("QuarkBench", "Dataset", False)} <= found


def test_ner_tags_the_guide_types_and_generic_mentions(nlp):
    spans = ner_spans(nlp, "Large language models such as GPT-4o reach 85.3% accuracy on GSM8K with "
                           "chain-of-thought prompting, while attention and convolutional layers remain generic.")
    found = {(span.text, span.label_, span._.generic) for span in spans}
    assert {("GPT-4o", "Model", False), ("accuracy", "Metric", False), ("GSM8K", "Dataset", False),
            ("chain-of-thought prompting", "Method", False),
            ("convolutional layers", "Method", True)} <= found


def test_ner_mentions_reach_the_extraction_with_offsets(nlp):
    abstract = "We train a convolutional network with CornerNet-style keypoints on MS COCO."
    extraction = next(extract_papers([Paper(id="p1", title="CornerNet", abstract=abstract)], nlp))
    by_text = {(m.field, m.text): m for m in extraction.entities}
    assert ("abstract", "MS COCO") in by_text
    mention = by_text[("abstract", "MS COCO")]
    assert abstract[mention.start:mention.end] == "MS COCO" and mention.type == "Dataset"
    json.dumps(extraction.to_dict())  # a JSON line, as `kg extract` writes it


def test_generic_concepts_are_told_from_names(nlp):
    ner = nlp.get_pipe("paperkg_ner")
    doc = nlp.make_doc("Attention helps LLMs and LLM-agent tuning, unlike BERT, GPT-4, Retrieval-Augmented "
                       "Generation or beam search with 137B parameters.")
    doc[0].is_sent_start = True
    for token in doc[1:]:
        token.is_sent_start = False

    def generic(text: str, gazetteer=()) -> bool:
        start = doc.text.index(text)
        span = doc.char_span(start, start + len(text))
        return is_generic(span, gazetteer, ner.generic_words)

    assert generic("Attention")  # capitalised as the first word of the sentence only
    assert generic("LLMs") and generic("LLM-agent tuning")
    assert not generic("BERT") and not generic("GPT-4") and not generic("Retrieval-Augmented Generation")
    assert generic("beam search")
    start = doc.text.index("beam search")
    known = doc.char_span(start, start + len("beam search"), label="Method")
    assert not generic("beam search", {(known.start, known.end)})  # a gazetteer name on exactly these tokens
    assert generic("137B")


def test_a_lower_case_task_ending_in_a_task_head_is_named(nlp):
    """Even where the model says generic: arXiv train ax0055 and ax0262 (the gold lists both Tasks)."""
    ner = nlp.get_pipe("paperkg_ner")
    doc = nlp.make_doc("Two tasks remain: medical order extraction and copyright detection, unlike reconstruction "
                       "and Scene Understanding.")

    def generic(text: str, label: str = "Task") -> bool:
        start = doc.text.index(text)
        return ner.generic(doc.char_span(start, start + len(text), label=label), True, ())

    assert not generic("medical order extraction") and not generic("copyright detection")
    assert generic("reconstruction")  # one word
    assert generic("Scene Understanding")  # capitals: the model's word and the capitals rule decide
    assert generic("medical order extraction", label="Method")  # Tasks only


def test_numbers_tagged_by_the_model_are_not_mentions(nlp):
    # The trained model tags the "+3.2" of "SUN RGB-D (+3.2)" as a Dataset; numbers are results.
    spans = ner_spans(nlp, "Our method improves the GroupFree baseline in terms of AP50 on ScanNet V2 "
                           "(+5.3) and SUN RGB-D (+3.2) datasets.")
    assert spans and all(any(char.isalpha() for char in span.text) for span in spans)


@pytest.mark.parametrize("tokens", [
    # SciER train sentences, detokenised as the held-out SciER scoring does: the model tagged the
    # figure a Dataset
    "Comparison on confusion matrix for JAFFE dataset is shown in Table 1 , and 2 of Fig. 7 for Vanilla CNN , "
    "and our model respectively .",
    "Fig . 5 reports the average classification accuracy on iCWT ( Dark Blue ) and ImageNet ( Gray ) .",
])
def test_a_pointer_into_the_paper_is_no_mention(nlp, tokens):
    spans = ner_spans(nlp, detokenise(tokens.split())[0])
    assert spans and not [span.text for span in spans if span.text.startswith(("Fig", "Table"))]


@pytest.mark.parametrize("sentence", [
    # seed abstracts and corpus paper 2510.07091: the model tagged the bracketed words Datasets and Methods
    "We have fine-tuned an LLM with injected [PAUSE] tokens, allowing the LLM to pause while reading.",
    "One notable concern about MLM is that the special [MASK] symbol causes a discrepancy.",
    'It parses an action schema into action lists (e.g., "move [OBJ] to [OBJ]" -> "move apple to desk").',
])
def test_a_special_token_or_a_template_slot_is_no_mention(nlp, sentence):
    assert not {span.text for span in ner_spans(nlp, sentence)} & {"PAUSE", "MASK", "OBJ"}


def test_a_score_the_model_runs_into_is_trimmed(nlp):
    # From a seed abstract: the model tags "ROUGE-L 74.68"; the number is a result, not a name.
    spans = ner_spans(nlp, "It achieves 7.69% points improvement (ROUGE-L 74.68) over the previous SOTA.")
    assert "ROUGE-L" in {span.text for span in spans}
    assert all(not span.text.endswith("74.68") for span in spans)
    # arXiv 2508.13601 (corpus): the model tags "21.78 mIoU" as a Dataset; the score before the name
    # is trimmed too, so the catalogue's metric and the result are read.
    text = "Additionally, we achieve state-of-the-art performance on SSCBench-KITTI-360, with 21.78 mIoU and 48.61 IoU."
    assert all(not span.text.startswith("21.78") for span in ner_spans(nlp, text))
    assert [(r.value, r.metric) for r in extract(text).results] == [(21.78, "mIoU"), (48.61, "IoU")]


def test_a_split_the_model_runs_into_is_trimmed(nlp):
    # The model tags "WMT'14 English-German test"; the dataset is WMT'14 English-German, and the
    # result reader then ties the score to it (before, " set" read as the verb of "sets a record").
    text = "Our Transformer achieves 35.2 BLEU on the WMT'14 English-German test set."
    assert "WMT'14 English-German" in {span.text for span in ner_spans(nlp, text)}
    assert [(r.value, r.dataset) for r in extract(text).results] == [(35.2, "WMT'14 English-German")]


def test_the_change_after_a_scored_measure_is_trimmed(nlp):
    # arXiv 2508.01852 (corpus): the model tagged "BD-Rate reduction" after "11%" a Dataset, which then
    # took the score's dataset slot; the measure is the catalogue's BD-rate and the number its result.
    text = ("Experimental results demonstrate that our CGT model reduces entropy modeling time by approximately 65% "
            "and achieves an 11% BD-Rate reduction compared to the previous state-of-the-art conditional entropy "
            "model.")
    assert "BD-Rate reduction" not in {span.text for span in ner_spans(nlp, text)}
    assert [(r.value, r.metric, r.dataset) for r in extract(text).results] \
        == [(65.0, "Entropy Modeling Time", None), (11.0, "BD-rate", None)]
    # A Task may name a change: corpus 2511.09883's title keeps its task whole.
    title = "HCC-3D: Hierarchical Compensatory Compression for 98% 3D Token Reduction in Vision-Language Models"
    assert "3D Token Reduction" in {span.text for span in ner_spans(nlp, title)}


def test_code_addresses_are_not_mentions(nlp):
    # An earlier model tagged repository URLs of seed abstracts as Methods; whatever the model says,
    # an address never becomes a mention.
    text = "Code is available at https://github.com/TergelMunkhbat/concise-reasoning for CornerNet."
    doc = nlp.make_doc(text)
    found = [doc.char_span(text.index("https"), text.index(" for"), label="Method"),
             doc.char_span(text.index("CornerNet"), len(text) - 1, label="Method")]
    nlp.get_pipe("paperkg_ner")._collect(doc, [(span.start, span.end, span.label_) for span in found])
    assert [span.text for span in doc.spans["ner"]] == ["CornerNet"]
    # arXiv replaces links in its abstracts with "this https URL", which the model tags as a Method
    text = "Code and Data are available at this https URL."
    doc = nlp.make_doc(text)
    url = doc.char_span(text.index("URL"), text.index("URL") + 3, label="Method")
    nlp.get_pipe("paperkg_ner")._collect(doc, [(url.start, url.end, url.label_)])
    assert list(doc.spans["ner"]) == []


@pytest.mark.parametrize(("text", "name", "kept"), [
    # corpus papers 2511.16566, 2507.23577, 2511.17354 and train paper ax0041: prose the model called a Model
    ("It achieves a 3.5 cm RMSE reduction.", "cm RMSE", False),
    ("T-Detect reaches an AUROC of 0.926 on the Books domain.", "Books domain", False),
    ("It matches GPT-style pre-training at a tenth of the cost.", "GPT-style pre-training", False),
    ("We apply Benjamini-Hochberg corrections to all tests.", "Benjamini-Hochberg corrections", False),
    ("We fine-tune RoBERTa large on the task.", "RoBERTa large", True),
    ("We compare with gpt-4o mini.", "gpt-4o mini", True),
])
def test_a_model_holds_no_word_of_prose(nlp, text, name, kept):
    doc = nlp.make_doc(text)
    span = doc.char_span(text.index(name), text.index(name) + len(name), label="Model")
    nlp.get_pipe("paperkg_ner")._collect(doc, [(span.start, span.end, span.label_)])
    assert [s.text for s in doc.spans["ner"]] == ([name] if kept else [])


def test_a_hanging_hyphen_ends_a_name_and_a_list_of_shared_parts_is_none(nlp):
    # corpus papers 2511.22411 and 2511.11065: "GAN- and diffusion-based", "self- and cross-attention"
    text = "It outperforms GAN- and diffusion-based methods with self- and cross-attention."
    doc = nlp.make_doc(text)
    hanging = doc.char_span(text.index("GAN"), text.index("GAN") + 4, label="Method")
    listed = doc.char_span(text.index("self"), text.index("self") + 9, label="Method")
    nlp.get_pipe("paperkg_ner")._collect(doc, [(s.start, s.end, s.label_) for s in (hanging, listed)])
    assert [span.text for span in doc.spans["ner"]] == ["GAN"]


@pytest.mark.parametrize(("text", "adjective"), [
    # arXiv 2505.20473: "sampling with Gaussian-distributed offsets", tagged Method by the model;
    # corpus papers 2512.05651 and 2507.22346: "AI-generated", "GPT-assisted"
    ("The approach is evaluated in-expectation by sampling with Gaussian-distributed offsets.",
     "Gaussian-distributed"),
    ("Methods for detecting AI-generated images fail on new generators.", "detecting AI-generated"),
    ("We label the corpus with GPT-assisted annotation.", "GPT-assisted"),
])
def test_an_adjective_made_from_a_name_is_no_mention(nlp, text, adjective):
    doc = nlp.make_doc(text)
    adjective = doc.char_span(text.index(adjective), text.index(adjective) + len(adjective), label="Method")
    nlp.get_pipe("paperkg_ner")._collect(doc, [(adjective.start, adjective.end, adjective.label_)])
    assert list(doc.spans["ner"]) == []


@pytest.mark.parametrize(("title", "abstract", "task", "catalogue_task"), [
    # Train papers ax0477 and ax0392: the guide's Task is the whole phrase, modifiers included.
    ("Post Persona Alignment for Multi-Session Dialogue Generation",
     "Multi-session persona-based dialogue generation presents challenges in maintaining long-term "
     "consistency and generating diverse, personalized responses.",
     "Multi-Session Dialogue Generation", "Dialogue Generation"),
    ("CtrlVDiff: Controllable Video Generation via Unified Multimodal Video Diffusion",
     "We tackle the dual challenges of video understanding and controllable video generation within a "
     "unified diffusion framework.", "Controllable Video Generation", "Video Generation"),
])
def test_a_named_span_ending_in_a_catalogue_task_is_the_narrower_task(title, abstract, task, catalogue_task):
    """The NER's words make the mention; the catalogue's name is its canonical (EntityMerger.extension)."""
    found = extract(abstract, title=title)
    mention = the_mention(found, task)
    assert (mention.type, mention.generic) == ("Task", False)
    assert name_key(mention.canonical) in (name_key(task), name_key(catalogue_task))
    assert not [m for m in found.entities if m.field == "title" and m.text == catalogue_task]


def test_a_technical_reports_title_names_its_system():
    # corpus paper 2512.23379: the model tags the whole title; the report is of SoulX-LiveTalk, which the
    # abstract introduces
    found = extract("To address this problem, we introduce SoulX-LiveTalk, a 14B-parameter framework optimized for "
                    "high-fidelity real-time streaming.", title="SoulX-LiveTalk Technical Report")
    assert [(m.text, m.role) for m in found.entities if m.field == "title"] == [("SoulX-LiveTalk", "proposes")]
