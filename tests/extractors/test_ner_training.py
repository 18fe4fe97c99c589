"""Training data of the NER: SciER conversion, the guide papers' projection, the marking that
reconciles the two sources, and the DocBin with its unannotated (missing) tokens. Nothing trains."""

from __future__ import annotations

import json

import pytest
import spacy

from extractors.ner_training import (
    Sentence,
    SourceMarker,
    convert_record,
    detokenise,
    entity_forms,
    project_gold,
    read_scier,
    to_docbin,
)


@pytest.fixture(scope="module")
def guide(request) -> list[dict]:
    from tests.conftest import FIXTURES

    return json.loads((FIXTURES / "guide_sample.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def marker(guide) -> SourceMarker:
    from tests.conftest import FIXTURES

    return SourceMarker(guide, list(read_scier(FIXTURES / "scier_marking.jsonl")))


def labelled(sentence: Sentence) -> list[tuple[str, str]]:
    return [(sentence.text[start:end], label) for start, end, label in sentence.mentions]


def test_detokenise_follows_the_scorer_rules():
    tokens = "The state - of - the - art ( SOTA ) [ 1 2 ] reaches 4 2 . 2 % on encoder / decoder , it ' s".split()
    text, offsets = detokenise(tokens)
    assert text == "The state-of-the-art (SOTA) [1 2] reaches 4 2. 2% on encoder/decoder, it' s"
    assert [text[start:end] for start, end in offsets] == tokens


def test_fixture_sentences_become_text_with_char_offsets(fixtures):
    first, second, empty = read_scier(fixtures / "scier_sample.jsonl")
    assert first.text == ("We evaluate ResNet-5 0 (He et al., 2 0 1 6) on ImageNet for image "
                          "classification, reaching 7 6. 1% top-1 accuracy.")
    # SciER's Metric label is not one of its three types: guide metrics are marked separately.
    assert labelled(first) == [("ResNet-5 0", "Method"), ("ImageNet", "Dataset"),
                               ("image classification", "Task")]
    # "BERT" inside "BERT large" yields to the longer mention; the standalone "BERT" stays.
    assert labelled(second) == [("BERT", "Method"), ("BERT large", "Method"), ("encoder/decoder", "Method"),
                                ("question answering", "Task"), ("SQuAD", "Dataset")]
    assert empty.text == "No entity here!" and empty.mentions == []


def test_a_span_listed_with_two_labels_keeps_the_first_in_any_process():
    """The choice once depended on string hashing (PYTHONHASHSEED), so trainings differed."""
    for labels in (("Method", "Task"), ("Task", "Method")):
        record = {"sentence": "We study program synthesis .",
                  "ner": [["program synthesis", labels[0]], ["program synthesis", labels[1]]]}
        assert [label for _, _, label in convert_record(record).mentions] == [labels[0]]


def test_gold_entities_are_projected_onto_every_occurrence(guide):
    paper = project_gold(guide[0])
    assert paper.text.startswith("Reinforcement Learning for Text-to-SQL with LoRA\n\nReinforcement")
    assert paper.title_end == len("Reinforcement Learning for Text-to-SQL with LoRA")
    found = labelled(paper)
    # The title's capitalised form and the abstract's sentence-initial one are the same entity.
    assert found.count(("Reinforcement Learning", "Method")) == 1
    assert found.count(("Reinforcement learning", "Method")) == 1
    # Aliases and the canonical name are forms too: "RL" and the title's "Text-to-SQL".
    assert ("RL", "Method") in found and ("Text-to-SQL", "Task") in found
    # The longer overlapping form wins: "offline reinforcement learning", not its tail.
    assert ("offline reinforcement learning", "Method") in found
    assert ("reinforcement learning", "Method") not in found
    # Whole words only, in the form's own case for acronyms and mixed-case names: not the "RL" of
    # "RLHF", not "lora adapters" nor "birds"; "LoRA-based" has the name before its hyphen.
    assert found.count(("RL", "Method")) == 2  # "(RL)" and "prior RL work"
    assert found.count(("LoRA", "Method")) == 3
    assert found.count(("BIRD", "Dataset")) == 1 and ("birds", "Dataset") not in found
    assert {("Llama-3.1-8B", "Model"), ("execution accuracy", "Metric"), ("Spider", "Dataset")} <= set(found)


def test_title_case_names_are_found_in_lower_case_too(guide):
    found = labelled(project_gold(guide[1]))
    assert ("Mechanistic Interpretability", "Method") in found
    assert ("mechanistic interpretability", "Method") in found
    assert ("ViT", "Method") in found  # an alias
    # "top-1 accuracy" is one Metric, and the bare "accuracy" another occurrence.
    assert [label for text, label in found if "accuracy" in text] == ["Metric", "Metric"]
    assert ("top-1 accuracy", "Metric") in found


def test_entity_forms_are_text_aliases_and_canonical_once_each():
    entity = {"text": "Direct Preference Optimization", "canonical": "DPO", "aliases": ["DPO"]}
    assert entity_forms(entity) == ["Direct Preference Optimization", "DPO"]


def test_scier_mentions_are_marked_named_generic_model_and_metric(marker, fixtures):
    sentences = [marker.mark_scier(s) for s in read_scier(fixtures / "scier_marking.jsonl")]
    first, second, third = (labelled(s) for s in sentences)
    # A name (inner capital) and a task the gazetteer knows stay named; a lower-case phrase is generic.
    assert first == [("CornerNet", "Method"), ("object detection", "Task"),
                     ("convolution neural network", "Method_generic")]
    # BERT is a Model for the guide (the model-name grammar reads it); the guide's papers name
    # "gradient boosting", so it is named although lower case; "accuracy", a metric in two guide
    # papers, is taught as Metric though SciER leaves it unannotated.
    assert second == [("BERT", "Model"), ("gradient boosting", "Method"), ("accuracy", "Metric"),
                      ("language models", "Method_generic"), ("SQuAD", "Dataset")]
    assert third == [("language models", "Method_generic"), ("classification", "Task_generic")]


def test_scier_phrases_the_gold_does_not_list_are_left_unannotated(marker, guide):
    paper = marker.mark_guide(project_gold(guide[1]))
    unknown = [paper.text[start:end] for start, end in paper.unknown]
    # SciER annotates "language models" (twice in the fixture); the guide lists no generic phrase.
    assert unknown == ["language models"]
    assert ("ImageNet", "Dataset") in labelled(paper)


def test_docbin_keeps_unannotated_tokens_missing_and_counts_misaligned_mentions(fixtures):
    nlp = spacy.blank("en")
    glued = convert_record({"sentence": "a baseline better than I 3 D .",
                            "ner": [["I 3 D", "Method"], ["baseline", "Method"]]})
    text = "We study language models on SQuAD."
    partial = Sentence(text, [(text.index("SQuAD"), text.index("SQuAD") + 5, "Dataset")],
                       unknown=[(text.index("language"), text.index(" on"))])
    conversion = to_docbin(nlp, [*read_scier(fixtures / "scier_sample.jsonl"), glued, partial])
    docs = list(conversion.docs.get_docs(nlp.vocab))
    # The product tokenizer keeps "D." as one token: "I 3 D" cannot be a span of it, so its
    # tokens carry no annotation rather than "outside".
    assert conversion.mentions == 11 and conversion.misaligned == 1
    assert [(e.text, e.label_) for e in docs[-2].ents] == [("baseline", "Method")]
    assert [t.ent_iob_ for t in docs[-2]][-3:] == ["", "", ""]  # "I", "3", "D."
    assert [(t.text, t.ent_iob_) for t in docs[-1]] == [
        ("We", "O"), ("study", "O"), ("language", ""), ("models", ""), ("on", "O"), ("SQuAD", "B"), (".", "O")]


def test_guide_papers_can_be_repeated(guide):
    conversion = to_docbin(spacy.blank("en"), [project_gold(guide[2])], repeat=3)
    # Mentions are counted once: the title's "Accuracy", then the abstract's four names.
    assert len(conversion.docs) == 3 and conversion.mentions == 5


def test_static_vectors_are_learnt_from_the_corpus_without_the_annotated_papers(tmp_path):
    from extractors.ner_training import VECTOR_BUCKETS, VECTOR_WIDTH, train_vectors

    words = ("transformer attention retrieval benchmark accuracy diffusion language model "
             "segmentation detection").split()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"2501.{i:05d}", "title": f"Paper {i}",
                    "abstract": " ".join(words[(i + k) % len(words)] for k in range(30))}) + "\n"
        for i in range(60)), encoding="utf-8")
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir(), second.mkdir()
    vectors = train_vectors(corpus, {"2501.00003"}, first)
    assert "paper 3 " not in (first / "corpus.txt").read_text() + " "
    assert (first / "corpus.txt").read_text().count("\n") == 59
    nlp = spacy.load(vectors)
    assert nlp.vocab.vectors.shape == (VECTOR_BUCKETS, VECTOR_WIDTH)
    assert nlp.vocab.vectors.mode == "floret" and nlp.vocab.vectors.attr == spacy.attrs.LOWER
    assert nlp.vocab["Transformer"].vector.any()  # any case, and any word: subword hashes
    # One thread: the same corpus gives the same vectors.
    again = train_vectors(corpus, {"2501.00003"}, second)
    assert (vectors / "vocab" / "vectors").read_bytes() == (again / "vocab" / "vectors").read_bytes()
