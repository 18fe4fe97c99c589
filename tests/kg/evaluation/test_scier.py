"""SciER scoring: detokenised sentences through the real pipeline, typed mention sets per sentence."""

from __future__ import annotations

import pytest

from kg.core.errors import BadDataFile, DataNotFound
from kg.core.records import Mention, PaperExtraction
from kg.core.schema import EntityType
from kg.evaluation.scier import load_scier, scier_papers, score_scier


def test_sentences_are_detokenised_as_the_held_out_scorer_does(fixtures):
    records = load_scier(fixtures / "scier_sample.jsonl")
    papers = scier_papers(records)
    assert [p.title for p in papers] == ["", "", ""]
    assert papers[1].abstract == ("The state-of-the-art [1 2] uses BERT and BERT large with an "
                                  "encoder/decoder for question answering on SQuAD.")


def test_mentions_compare_as_typed_whitespace_free_lowercased_sets_per_sentence():
    records = [{"sentence": "We use BERT - base on SQuAD .",
                "ner": [["BERT - base", "Method"], ["SQuAD", "Dataset"], ["F1", "Metric"]]},
               {"sentence": "BERT again .", "ner": [["BERT", "Method"]]}]
    text = "We use BERT-base on SQuAD."

    def found(surface: str, type_: EntityType) -> Mention:
        start = text.index(surface)
        return Mention(surface, type_, "abstract", start, start + len(surface), surface)

    extractions = [
        PaperExtraction("0", entities=[found("BERT-base", "Model"),  # Model counts as Method
                                       found("BERT-base", "Method"),  # the same key again: one
                                       found("SQuAD", "Task")]),      # wrong type: fp and fn
        PaperExtraction("1"),                                         # BERT missed
    ]
    scores = score_scier(records, extractions)
    counts = {label: (prf.tp, prf.fp, prf.fn) for label, prf in scores.mentions.items()}
    assert counts == {"Dataset": (0, 0, 1), "Method": (1, 0, 1), "Task": (0, 1, 0), "all": (1, 1, 2)}
    assert scores.sentences == 2


def test_the_fixture_through_the_real_pipeline(fixtures):
    from extractors.pipeline import default_pipeline, extract_papers

    records = load_scier(fixtures / "scier_sample.jsonl")
    scores = score_scier(records, list(extract_papers(scier_papers(records), default_pipeline())))
    # Gold of the fixture: ResNet-5 0, BERT, BERT large, encoder/decoder (Method); ImageNet, SQuAD
    # (Dataset); image classification, question answering (Task); the Metric is not scored.
    assert {label: scores.mentions[label].tp + scores.mentions[label].fn
            for label in ("Method", "Dataset", "Task")} == {"Method": 4, "Dataset": 2, "Task": 2}
    assert scores.mentions["Dataset"].tp == 2 and scores.mentions["Task"].tp == 2


@pytest.mark.parametrize("content, message", [
    ('{"sentence": "A .", "ner": []}\n{"sentence": "B", "ner": [}\n', "bad.jsonl:2: not JSON"),
    ('["a list"]\n', "bad.jsonl:1: expected a JSON object, found list"),
    ('{"sentence": "A .", "ner": []}\n{"ner": []}\n', "record 2: missing 'sentence'"),
    ('{"sentence": "A ."}\n', "record 1: missing 'ner'"),
    ('{"sentence": "A .", "ner": [["A", "Method", "extra"]]}\n', "record 1: mention 1 is not a [text, type] pair"),
    ('{"sentence": 3, "ner": []}\n', "record 1: 'sentence' is not a string"),
])
def test_a_malformed_scier_file_is_a_one_line_bad_data_error(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadDataFile) as error:
        load_scier(path)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert str(error.value).startswith("error[KG010]: ")


def test_a_scier_file_that_is_not_utf8_is_a_bad_data_error(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"sentence": "Caf\u00e9 .", "ner": []}\n'.encode("latin-1"))
    with pytest.raises(BadDataFile, match="not UTF-8"):
        load_scier(path)


def test_a_missing_scier_file_is_data_not_found(tmp_path):
    with pytest.raises(DataNotFound):
        load_scier(tmp_path / "absent.jsonl")
