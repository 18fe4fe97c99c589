"""The JSON reader's record schemas: one ordered list, each member following the protocol, the
first that recognises a record reads it, `generic` last."""

from kg.core.records import Paper
from kg.readers import arxiv, generic, openalex, s2
from kg.readers.schemas import SCHEMAS, schema_of

ARXIV = {"id": "2406.01234", "title": "T", "abstract": "A", "update_date": "2024-06-03",
         "versions": [{"version": "v1", "created": "Mon, 3 Jun 2024 10:00:00 GMT"}]}
OPENALEX = {"id": "https://openalex.org/W1", "title": "T",
            "abstract_inverted_index": {"Abstract": [0], "words": [1]}}
S2 = {"paperId": "abc", "title": "T", "abstract": "A", "externalIds": {"ArXiv": "2406.01234"}}
PLAIN = {"id": "p1", "Title": "T", "abstract": "A"}


def test_every_schema_follows_the_protocol_and_generic_comes_last():
    for schema in SCHEMAS:
        assert isinstance(schema.SOURCE, str) and schema.SOURCE
        assert callable(schema.recognises) and callable(schema.to_paper)
    assert SCHEMAS[-1] is generic and all(generic.recognises(r) for r in (ARXIV, S2, PLAIN, {}))


def test_the_first_schema_that_recognises_a_record_reads_it():
    assert [schema_of(record) for record in (ARXIV, OPENALEX, S2, PLAIN)] == [
        arxiv, openalex, s2, generic]
    # An S2 record carrying an OpenAlex abstract index is read as OpenAlex: the list's order rules.
    assert schema_of({**S2, "abstract_inverted_index": {"x": [0]}}) is openalex
    for record, source, abstract in ((ARXIV, "arxiv", "A"), (OPENALEX, "openalex", "Abstract words"),
                                     (S2, "s2", "A"), (PLAIN, "json", "A")):
        paper = schema_of(record).to_paper(record, "f.jsonl:1", 1000)
        assert isinstance(paper, Paper) and (paper.source, paper.abstract) == (source, abstract)
