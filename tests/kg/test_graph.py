"""Graph assembly follows DESIGN.md: typed nodes, one relationship per (source, type, target)."""

import networkx as nx

from kg.core.records import Mention, Paper, PaperExtraction, Result
from kg.exports.graphml import write_graphml
from kg.exports.node_link import read_graph, write_json
from kg.graph import GraphAssembler, assemble

ABSTRACT = ("We introduce Pause-Tuning. We fine-tune Llama-2-7B with LoRA. "
            "On GSM8K, Pause-Tuning improves accuracy by 10.61%. LoRA is cheap.")


def _mention(text, type_, canonical, role="mentions", occurrence=0, **extra):
    start = -1
    for _ in range(occurrence + 1):
        start = ABSTRACT.index(text, start + 1)
    return Mention(text=text, type=type_, field="abstract", start=start, end=start + len(text),
                   canonical=canonical, role=role, **extra)


def _paper(**overrides):
    fields = dict(id="2406.01234", title="Pause-Tuning: Thinking before answering",
                  abstract=ABSTRACT, year=2024, arxiv_id="2406.01234",
                  authors=["Ada Lovelace", "Alan Turing"], categories=["cs.CL"], source="json")
    fields.update(overrides)
    return Paper(**fields)


def _extraction():
    return PaperExtraction(
        id="2406.01234",
        entities=[
            _mention("Pause-Tuning", "Method", "Pause-Tuning", "proposes"),
            _mention("Llama-2-7B", "Model", "Llama-2-7B", "uses", family="Llama", params="7B",
                     version="2"),
            _mention("LoRA", "Method", "LoRA", "uses", source="gazetteer"),
            _mention("LoRA", "Method", "LoRA", "mentions", occurrence=1),
            _mention("GSM8K", "Dataset", "GSM8K", "evaluates_on"),
            _mention("accuracy", "Metric", "Accuracy", "mentions"),
            _mention("cheap", "Method", "cheap", generic=True),
        ],
        proposed=["Pause-Tuning"],
        results=[Result(value=10.61, unit="%", kind="improvement", evidence="improves accuracy by 10.61%",
                        field="abstract", start=ABSTRACT.index("improves"),
                        end=ABSTRACT.index("10.61%") + 6, metric="Accuracy", dataset="GSM8K",
                        subject="Pause-Tuning")],
    )


def test_nodes_and_relationships_follow_the_schema():
    graph = assemble([(_paper(), _extraction())])
    paper = "paper:arxiv:2406.01234"
    assert graph.nodes[paper]["type"] == "Paper" and graph.nodes[paper]["year"] == 2024
    assert graph.nodes["model:llama-2-7b"]["family"] == "Llama"
    assert graph.has_edge("model:llama-2-7b", "modelfamily:llama", key="IN_FAMILY")
    assert graph.has_edge(paper, "method:pause-tuning", key="PROPOSES")
    assert graph.has_edge(paper, "model:llama-2-7b", key="USES")
    assert graph.has_edge(paper, "dataset:gsm8k", key="EVALUATES_ON")
    assert graph.has_edge(paper, "metric:accuracy", key="MENTIONS")
    assert graph.has_edge("author:ada-lovelace", paper, key="AUTHORED")
    assert "method:cheap" not in graph  # generic mentions stay out of the graph


def test_one_relationship_per_pair_with_count_and_best_provenance():
    graph = assemble([(_paper(), _extraction())])
    edges = graph.get_edge_data("paper:arxiv:2406.01234", "method:lora")
    assert list(edges) == ["USES"]
    edge = edges["USES"]
    assert edge["count"] == 2
    assert edge["evidence"] == "We fine-tune Llama-2-7B with LoRA."
    assert ABSTRACT[edge["start"]:edge["end"]] == "LoRA" and edge["source"] == "gazetteer"


def test_result_nodes_are_tied_to_dataset_metric_and_subject():
    graph = assemble([(_paper(), _extraction())])
    (result,) = [n for n, d in graph.nodes(data=True) if d["type"] == "Result"]
    assert graph.nodes[result]["value"] == 10.61 and graph.nodes[result]["unit"] == "%"
    assert graph.has_edge("paper:arxiv:2406.01234", result, key="REPORTS")
    assert graph.has_edge(result, "dataset:gsm8k", key="ON_DATASET")
    assert graph.has_edge(result, "metric:accuracy", key="MEASURED_BY")
    assert graph.has_edge(result, "method:pause-tuning", key="OF")


def test_a_result_tie_only_reaches_a_node_of_the_schema_label():
    """A metric name the paper also uses as a Dataset ("Accuracy" below) is not that Dataset: the tie
    goes to a Metric node of the name, as the schema's MEASURED_BY -> Metric says."""
    extraction = _extraction()
    extraction.entities.insert(0, _mention("LoRA", "Dataset", "Accuracy"))  # a stray typing, first
    graph = assemble([(_paper(), extraction)])
    (result,) = [n for n, d in graph.nodes(data=True) if d["type"] == "Result"]
    targets = {rel: graph.nodes[v]["type"] for _, v, rel in graph.out_edges(result, keys=True)}
    assert targets == {"ON_DATASET": "Dataset", "MEASURED_BY": "Metric", "OF": "Method"}
    assert graph.has_edge(result, "metric:accuracy", key="MEASURED_BY")


def test_result_ties_follow_the_schema():
    from kg.core.schema import SCHEMA_RELATIONSHIPS
    from kg.graph import RESULT_TIE_LABELS

    allowed = {(rel, target) for source, rel, target in SCHEMA_RELATIONSHIPS if source == "Result"}
    assert {(rel, label) for rel, labels in RESULT_TIE_LABELS.items() for label in labels} == allowed


def test_entities_are_shared_across_papers():
    second = _paper(id="x1", arxiv_id=None, doi="10.1/ABC", title="Another", authors=[])
    extraction = PaperExtraction(id="x1", entities=[_mention("LoRA", "Method", "LoRA", "uses")])
    graph = assemble([(_paper(), _extraction()), (second, extraction)])
    assert "paper:doi:10.1/abc" in graph
    assert graph.in_degree("method:lora") == 2


def test_rebuild_gives_the_same_ids():
    first = assemble([(_paper(), _extraction())])
    second = assemble([(_paper(), _extraction())])
    assert sorted(first.nodes) == sorted(second.nodes)
    assert sorted(first.edges(keys=True)) == sorted(second.edges(keys=True))


def test_graphml_round_trip(tmp_path):
    graph = assemble([(_paper(), _extraction())])
    path = write_graphml(graph, tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    paper = back.nodes["paper:arxiv:2406.01234"]
    assert paper["type"] == "Paper" and paper["label"].startswith("Pause-Tuning")
    assert paper["authors"] == "Ada Lovelace;Alan Turing"
    types = {d["type"] for _, _, d in back.edges(data=True)}
    assert {"PROPOSES", "USES", "EVALUATES_ON", "IN_FAMILY", "REPORTS", "AUTHORED"} <= types


def test_json_round_trip(tmp_path):
    graph = assemble([(_paper(), _extraction())])
    write_json(graph, tmp_path / "graph.json")
    back = read_graph(tmp_path)
    assert nx.utils.graphs_equal(graph, back)
    assert back.nodes["paper:arxiv:2406.01234"]["authors"] == ["Ada Lovelace", "Alan Turing"]


def test_incremental_assembly_matches_one_shot():
    assembler = GraphAssembler()
    assembler.add(_paper(), _extraction())
    assert sorted(assembler.finish().nodes) == sorted(assemble([(_paper(), _extraction())]).nodes)


def test_graph_files_get_the_usual_permissions(tmp_path):
    import os

    umask = os.umask(0o022)
    os.umask(umask)
    path = write_json(assemble([(_paper(), _extraction())]), tmp_path / "graph.json")
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_graphml_replaces_characters_xml_cannot_hold(tmp_path):
    paper = _paper(title="Form\ffeed and NUL\x00 in a title", authors=["A\x0bB"])
    graph = assemble([(paper, _extraction())])
    back = nx.read_graphml(write_graphml(graph, tmp_path / "graph.graphml"), force_multigraph=True)
    node = back.nodes["paper:arxiv:2406.01234"]
    assert node["title"] == "Form\ufffdfeed and NUL\ufffd in a title"
    assert node["authors"] == "A\ufffdB"
    assert graph.nodes["paper:arxiv:2406.01234"]["title"].startswith("Form\f")  # JSON keeps it


def test_aliases_keep_surface_forms_without_a_glued_full_stop_or_latex():
    abstract = "We restore images with \\textbf{I}mage \\textbf{R}estoration. Results on SUNRGB-D. Fine."
    latex = abstract.index("I}mage")
    glued = abstract.index("SUNRGB-D.")
    extraction = PaperExtraction(id="p1", entities=[
        Mention(text=abstract[latex:abstract.index(". Results")], type="Task", field="abstract",
                start=latex, end=abstract.index(". Results"), canonical="Image Restoration"),
        Mention(text="SUNRGB-D.", type="Dataset", field="abstract", start=glued, end=glued + 9,
                canonical="SUNRGB-D"),
        Mention(text="SUN RGB-D", type="Dataset", field="abstract", start=glued, end=glued + 8,
                canonical="SUNRGB-D"),
    ])
    graph = assemble([(_paper(id="p1", arxiv_id=None, abstract=abstract), extraction)])
    names = {d["name"]: d.get("aliases", []) for _, d in graph.nodes(data=True) if d["type"] in ("Task", "Dataset")}
    assert names == {"Image Restoration": [], "SUNRGB-D": ["SUN RGB-D"]}
