"""`kg eval`: score the extractor against hand-annotated gold (GUIDE.md), as micro P/R/F1.

Entities are matched per paper, one-to-one, on type plus any shared name (surface text, canonical
name or alias, compared by `kg.resolve.name_key`); generic mentions are left out, as in the gold.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from kg.core.errors import BadOption, DataNotFound
from kg.core.records import Paper, PaperExtraction
from kg.paths import shared_data
from kg.progress import stdout
from kg.core.names import name_key


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class EvalReport:
    """Scores by section; `errors` lists (paper id, kind, detail) for --details."""

    entities: dict[str, PRF] = field(default_factory=dict)
    proposed: PRF = field(default_factory=PRF)
    sections: dict[str, dict] = field(default_factory=dict)  # further sections (results, SciER)
    accuracies: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # (correct, total)
    errors: list[tuple[str, str, str]] = field(default_factory=list)


def load_gold(path: Path | None = None) -> list[dict]:
    path = path or shared_data("gold", "seed_gold_dev.json")
    if not Path(path).is_file():
        raise DataNotFound(f"gold file {path} not found")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def predict(gold: list[dict], nlp=None) -> dict[str, PaperExtraction]:
    """Run the shipped pipeline over the gold papers' titles and abstracts."""
    from extractors.pipeline import extract_papers

    papers = [Paper(id=g["id"], title=g.get("title", ""), abstract=g.get("abstract", ""))
              for g in gold]
    return {e.id: e for e in extract_papers(papers, nlp)}


def _names(*values) -> set[str]:
    return {name_key(v) for v in values if v and name_key(v)}


def _predicted_entities(extraction: PaperExtraction) -> dict[tuple[str, str], set[str]]:
    """(type, canonical) -> every name the paper used for it."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in extraction.entities:
        if not m.generic:
            found[(m.type, m.canonical)] |= _names(m.canonical, m.text, *m.aliases)
    return found


def _match(gold_items: list[tuple[str, set[str]]], pred_items: list[tuple[str, set[str]]]):
    """Greedy one-to-one matching on equal type and a shared name; returns matched index pairs."""
    used: set[int] = set()
    pairs = []
    for gi, (gtype, gnames) in enumerate(gold_items):
        for pi, (ptype, pnames) in enumerate(pred_items):
            if pi not in used and ptype == gtype and gnames & pnames:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_entities(gold: list[dict], predictions: dict[str, PaperExtraction],
                   report: EvalReport) -> None:
    by_type: dict[str, PRF] = defaultdict(PRF)
    for paper in gold:
        gold_items = [(e["type"], _names(e["text"], e.get("canonical"), *e.get("aliases", [])))
                      for e in paper["entities"]]
        predicted = _predicted_entities(predictions[paper["id"]])
        pred_keys = list(predicted)
        pred_items = [(t, predicted[(t, c)]) for t, c in pred_keys]
        pairs = _match(gold_items, pred_items)
        matched_gold = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        for gi, (gtype, _) in enumerate(gold_items):
            if gi in matched_gold:
                by_type[gtype].tp += 1
            else:
                by_type[gtype].fn += 1
                report.errors.append((paper["id"], "missed", f"{gtype}: {paper['entities'][gi]['text']}"))
        for pi, (ptype, canonical) in enumerate(pred_keys):
            if pi not in matched_pred:
                by_type[ptype].fp += 1
                report.errors.append((paper["id"], "spurious", f"{ptype}: {canonical}"))
    total = PRF()
    for prf in by_type.values():
        total.add(prf)
    report.entities = dict(sorted(by_type.items())) | {"all": total}


def score_proposed(gold: list[dict], predictions: dict[str, PaperExtraction],
                   report: EvalReport) -> None:
    prf = PRF()
    for paper in gold:
        aliases = defaultdict(set)
        for e in paper["entities"]:
            aliases[e.get("canonical")] |= _names(e["text"], e.get("canonical"), *e.get("aliases", []))
        gold_items = [("p", _names(name) | aliases[name]) for name in paper["proposed"]]
        extraction = predictions[paper["id"]]
        names_of = defaultdict(set)
        for m in extraction.entities:
            names_of[m.canonical] |= _names(m.text, *m.aliases)
        pred_items = [("p", _names(name) | names_of[name]) for name in extraction.proposed]
        pairs = _match(gold_items, pred_items)
        prf.tp += len(pairs)
        prf.fn += len(gold_items) - len(pairs)
        prf.fp += len(pred_items) - len(pairs)
        matched = {p for _, p in pairs}
        report.errors += [(paper["id"], "spurious proposed", n)
                          for i, n in enumerate(extraction.proposed) if i not in matched]
        matched = {g for g, _ in pairs}
        report.errors += [(paper["id"], "missed proposed", n)
                          for i, n in enumerate(paper["proposed"]) if i not in matched]
    report.proposed = prf


def pipeline_without(components: list[str]):
    """The shipped pipeline with `components` disabled, for ablations (`kg eval --without`)."""
    from extractors.pipeline import load_pipeline

    nlp = load_pipeline()
    unknown = sorted(set(components) - set(nlp.pipe_names))
    if unknown:
        raise BadOption(f"no pipeline component {', '.join(unknown)} (components: "
                        f"{', '.join(nlp.pipe_names)})")
    for name in components:
        nlp.disable_pipe(name)
    return nlp


def run_eval(gold_path: Path | None = None, nlp=None, scier_path: Path | None = None) -> EvalReport:
    """Score entities, proposals and results on the seed gold, and mentions on SciER dev."""
    gold = load_gold(gold_path)
    predictions = predict(gold, nlp)
    report = EvalReport()
    score_entities(gold, predictions, report)
    score_proposed(gold, predictions, report)
    score_results(gold, predictions, report)
    report.sections[SCIER_SECTION] = evaluate_scier(scier_path, nlp)
    return report


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6


def _result_names(paper: dict) -> dict[str, set[str]]:
    """Gold canonical name -> every name the gold gives it (text, canonical, aliases)."""
    names: dict[str, set[str]] = defaultdict(set)
    for e in paper["entities"]:
        names[e.get("canonical") or e["text"]] |= _names(e["text"], e.get("canonical"), *e.get("aliases", []))
    return names


def _match_results(gold_results: list[dict], predicted: list) -> list[tuple[int, int]]:
    """Each gold result matched at most once, on equal value; ties prefer equal unit and kind."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold_results):
        options = [pi for pi, p in enumerate(predicted) if pi not in used and _same_value(p.value, g["value"])]
        if options:
            best = max(options, key=lambda pi: (predicted[pi].unit == g["unit"], predicted[pi].kind == g["kind"]))
            used.add(best)
            pairs.append((gi, best))
    return pairs


def score_results(gold: list[dict], predictions: dict[str, PaperExtraction], report: EvalReport) -> PRF:
    """Results P/R/F1 on value, then unit/kind/metric/dataset/subject accuracy on the matched pairs.

    A tie (metric, dataset, subject) is right when both sides are null or when the predicted
    canonical name, or any surface form the paper used for it, is one of the gold entity's names.
    """
    prf = PRF()
    correct: dict[str, int] = defaultdict(int)
    matched = 0
    for paper in gold:
        extraction = predictions[paper["id"]]
        gold_names = _result_names(paper)
        predicted_names: dict[str, set[str]] = defaultdict(set)
        for m in extraction.entities:
            predicted_names[m.canonical] |= _names(m.canonical, m.text, *m.aliases)
        pairs = _match_results(paper["results"], extraction.results)
        prf.tp += len(pairs)
        prf.fn += len(paper["results"]) - len(pairs)
        prf.fp += len(extraction.results) - len(pairs)
        for gi, pi in pairs:
            g, p = paper["results"][gi], extraction.results[pi]
            matched += 1
            correct["unit"] += g["unit"] == p.unit
            correct["kind"] += g["kind"] == p.kind
            for tie in ("metric", "dataset", "subject"):
                want, got = g.get(tie), getattr(p, tie)
                if want is None or got is None:
                    right = want is None and got is None
                else:
                    wanted = gold_names.get(want, set()) | _names(want)
                    right = bool(wanted & (predicted_names.get(got, set()) | _names(got)))
                correct[tie] += right
                if not right:
                    report.errors.append((paper["id"], f"wrong {tie}",
                                          f"{got} (gold: {want}) for {g['value']:g}: {g['evidence']}"))
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        report.errors += [(paper["id"], "missed result", f"{g['value']:g} {g['unit'] or ''} {g['kind']}: {g['evidence']}")
                          for gi, g in enumerate(paper["results"]) if gi not in matched_gold]
        report.errors += [(paper["id"], "spurious result", f"{p.value:g} {p.unit or ''} {p.kind}: {p.evidence}")
                          for pi, p in enumerate(extraction.results) if pi not in matched_pred]
    report.sections["Seed gold: results (matched on value)"] = {"results": prf}
    report.accuracies["Seed gold: results, accuracy on matched pairs"] = {
        name: (correct[name], matched) for name in ("unit", "kind", "metric", "dataset", "subject")
    }
    return prf


def accuracy_table(title: str, rows: dict[str, tuple[int, int]]) -> Table:
    table = Table(title=title, header_style="bold")
    for column in ("", "accuracy", "correct", "of"):
        table.add_column(column, justify="right" if column else "left")
    for name, (right, total) in rows.items():
        table.add_row(name, f"{right / total:.3f}" if total else "-", str(right), str(total))
    return table


def prf_table(title: str, rows: dict[str, PRF]) -> Table:
    table = Table(title=title, header_style="bold")
    for column in ("", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column else "left")
    for name, prf in rows.items():
        table.add_row(name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
                      str(prf.tp), str(prf.fp), str(prf.fn))
    return table


def print_report(report: EvalReport, details: bool = False) -> None:
    stdout.print(prf_table("Seed gold: entities (named, by type)", report.entities))
    stdout.print(prf_table("Seed gold: proposed names", {"proposed": report.proposed}))
    for title, rows in report.sections.items():
        stdout.print(prf_table(title, rows))
    for title, rows in report.accuracies.items():
        stdout.print(accuracy_table(title, rows))
    if details:
        for paper_id, kind, detail in report.errors:
            stdout.print(f"{paper_id}\t{kind}\t{detail}", markup=False, highlight=False)


SCIER_SECTION = "SciER dev: mentions (micro, generic included)"
SCIER_TYPES = {"Method": "Method", "Model": "Method", "Dataset": "Dataset", "Task": "Task"}


def _mention_key(text: str) -> str:
    return "".join(text.split()).lower()


def evaluate_scier(path: Path | None = None, nlp=None) -> dict[str, PRF]:
    """Mention P/R/F1 on SciER (Method/Dataset/Task; Model counts as Method; Metric not scored).

    Each sentence is detokenised as the held-out scorer does and run through the product pipeline
    as an abstract with an empty title; gold and predicted mentions are compared per sentence as
    sets of (type, whitespace-free lowercased text), generic mentions included (SciER has them).
    """
    from extractors.ner_training import detokenise
    from extractors.pipeline import extract_papers

    path = Path(path) if path else shared_data("scier", "dev.jsonl")
    if not path.is_file():
        raise DataNotFound(f"SciER file {path} not found")
    with open(path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    papers = (Paper(id=str(i), title="", abstract=detokenise(r["sentence"].split())[0])
              for i, r in enumerate(records))
    by_type = {label: PRF() for label in sorted(set(SCIER_TYPES.values()))}
    for record, extraction in zip(records, extract_papers(papers, nlp)):
        gold = {(SCIER_TYPES[t], _mention_key(m)) for m, t in record["ner"] if t in SCIER_TYPES}
        found = {(SCIER_TYPES[e.type], _mention_key(e.text))
                 for e in extraction.entities if e.type in SCIER_TYPES}
        for label, prf in by_type.items():
            gold_of = {k for k in gold if k[0] == label}
            found_of = {k for k in found if k[0] == label}
            prf.add(PRF(tp=len(gold_of & found_of), fp=len(found_of - gold_of),
                        fn=len(gold_of - found_of)))
    total = PRF()
    for prf in by_type.values():
        total.add(prf)
    return by_type | {"all": total}
