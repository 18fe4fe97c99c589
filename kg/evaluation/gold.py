"""Scoring against guide-annotated gold (../shared/data/gold/GUIDE.md), one paper at a time.

Entities are matched per paper, one-to-one, on type plus any shared name (surface text, canonical
name or alias, compared by `name_key`); generic mentions are left out, as in the gold. Results are
matched on value; a tie (metric, dataset, subject) is judged only where the gold has one, as the
outside benchmark does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.core.errors import BadDataFile, DataNotFound
from kg.core.names import name_key
from kg.core.records import Paper, PaperExtraction, Result
from kg.core.schema import ENTITY_LABELS as ENTITY_TYPES
from kg.evaluation.scores import PRF, Accuracy, total_of
from kg.evaluation.split import Split, select

TIES = ("metric", "dataset", "subject")
RESULT_FIELDS = ("unit", "kind", *TIES)


@dataclass(frozen=True)
class Finding:
    """One scoring error, for `kg eval --details` and the error analysis."""

    paper: str
    kind: str  # missed, spurious, wrong family, missed proposed, wrong dataset, ...
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"paper": self.paper, "kind": self.kind, "detail": self.detail}


@dataclass
class GoldScores:
    """The figures of one guide-annotated set."""

    papers: int = 0
    entities: dict[str, PRF] = field(default_factory=dict)  # by type, and "all"
    family: Accuracy = field(default_factory=Accuracy)  # matched gold Models that have a family
    family_of_gold: Accuracy = field(default_factory=Accuracy)  # every gold Model with a family
    proposed: PRF = field(default_factory=PRF)
    results: PRF = field(default_factory=PRF)  # matched on value
    result_fields: dict[str, Accuracy] = field(default_factory=dict)  # unit, kind, then ties
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "gold", "papers": self.papers,
                "entities": {name: prf.to_dict() for name, prf in self.entities.items()},
                "model_family": self.family.to_dict(),
                "model_family_of_gold": self.family_of_gold.to_dict(), "proposed": self.proposed.to_dict(),
                "results": self.results.to_dict(),
                "result_fields": {name: acc.to_dict() for name, acc in self.result_fields.items()}}


# --- reading the gold -----------------------------------------------------------------------

_PAPER_LISTS = ("entities", "proposed", "results")


def load_gold(path: Path, split: Split | None = None) -> list[dict[str, Any]]:
    """The papers of a gold file, checked against the guide's shape (a `BadDataFile` names the
    first paper, item and key that is wrong); with `split`, only that side of the arXiv split."""
    path = Path(path)
    if not path.is_file():
        raise DataNotFound(f"gold file {path} not found")
    try:
        papers = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadDataFile(f"{path}: not JSON ({exc})") from None
    if not isinstance(papers, list):
        raise BadDataFile(f"{path}: expected a JSON list of papers, found {type(papers).__name__}")
    seen: set[str] = set()
    for number, paper in enumerate(papers, 1):
        problem = _paper_problem(paper)
        if problem is None and paper["id"] in seen:
            problem = "its id is not unique"
        if problem:
            where = f"paper {number}" + (f" ({paper['id']})" if isinstance(paper, dict)
                                         and isinstance(paper.get("id"), str) else "")
            raise BadDataFile(f"{path}: {where}: {problem}")
        seen.add(paper["id"])
    if split is None:
        return papers
    for number, paper in enumerate(papers, 1):
        for key in ("arxiv_id", "category"):
            if not isinstance(paper.get(key), str):
                raise BadDataFile(f"{path}: paper {number} ({paper['id']}): no '{key}' string, "
                                  f"needed to split the arXiv gold")
    return select(papers, split)


def _paper_problem(paper: Any) -> str | None:
    if not isinstance(paper, dict):
        return f"expected an object, found {type(paper).__name__}"
    for key in ("id", *_PAPER_LISTS):
        if key not in paper:
            return f"missing '{key}'"
    if not isinstance(paper["id"], str):
        return "'id' is not a string"
    for key in ("title", "abstract"):
        if not isinstance(paper.get(key, ""), str):
            return f"'{key}' is not a string"
    for key in _PAPER_LISTS:
        if not isinstance(paper[key], list):
            return f"'{key}' is not a list"
    for number, entity in enumerate(paper["entities"], 1):
        problem = _entity_problem(entity)
        if problem:
            return f"entity {number}: {problem}"
    if not all(isinstance(name, str) for name in paper["proposed"]):
        return "'proposed' holds a name that is not a string"
    for number, result in enumerate(paper["results"], 1):
        problem = _result_problem(result)
        if problem:
            return f"result {number}: {problem}"
    return None


def _entity_problem(entity: Any) -> str | None:
    if not isinstance(entity, dict):
        return f"expected an object, found {type(entity).__name__}"
    for key in ("text", "type"):
        if not isinstance(entity.get(key), str):
            return f"missing '{key}'" if key not in entity else f"'{key}' is not a string"
    if entity["type"] not in ENTITY_TYPES:
        return f"type {entity['type']!r} is not one of {', '.join(ENTITY_TYPES)}"
    for key in ("canonical", "family"):
        if not isinstance(entity.get(key) or "", str):
            return f"'{key}' is not a string"
    aliases = entity.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return "'aliases' is not a list of strings"
    return None


def _result_problem(result: Any) -> str | None:
    if not isinstance(result, dict):
        return f"expected an object, found {type(result).__name__}"
    for key in ("value", "unit", "kind"):
        if key not in result:
            return f"missing '{key}'"
    value = result["value"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"'value' {value!r} is not a number"
    for key in ("unit", "kind", *TIES, "evidence"):
        if not isinstance(result.get(key) or "", str):
            return f"'{key}' is not a string or null"
    return None


# --- scoring ------------------------------------------------------------------------------------

def names_of(*values: str | None) -> set[str]:
    """The name keys of the non-empty `values`."""
    return {key for value in values if value and (key := name_key(value))}


def _gold_names(entity: dict[str, Any]) -> set[str]:
    return names_of(entity["text"], entity.get("canonical"), *entity.get("aliases", []))


@dataclass
class PredictedEntity:
    """One predicted entity of a paper: every name the paper used for it, and its family."""

    type: str
    canonical: str
    names: set[str] = field(default_factory=set)
    family: str | None = None


def predicted_entities(extraction: PaperExtraction) -> list[PredictedEntity]:
    """The paper's named (non-generic) entities, one per (type, canonical), in first-seen order."""
    found: dict[tuple[str, str], PredictedEntity] = {}
    for mention in extraction.entities:
        if mention.generic:
            continue
        entity = found.setdefault((mention.type, mention.canonical),
                                  PredictedEntity(mention.type, mention.canonical))
        entity.names |= names_of(mention.canonical, mention.text, *mention.aliases)
        entity.family = entity.family or mention.family
    return list(found.values())


def match(gold_items: list[tuple[str, set[str]]],
          predicted_items: list[tuple[str, set[str]]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching on equal type and a shared name; (gold, predicted) index pairs."""
    used: set[int] = set()
    pairs = []
    for gi, (gold_type, gold_names) in enumerate(gold_items):
        for pi, (predicted_type, predicted_names) in enumerate(predicted_items):
            if pi not in used and predicted_type == gold_type and gold_names & predicted_names:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_entities(paper: dict[str, Any], extraction: PaperExtraction, scores: GoldScores) -> None:
    """Entities by type, and the family of each matched gold Model that has one."""
    gold = paper["entities"]
    gold_items = [(e["type"], _gold_names(e)) for e in gold]
    predicted = predicted_entities(extraction)
    pairs = match(gold_items, [(p.type, p.names) for p in predicted])
    matched_gold = dict(pairs)
    matched_predicted = set(matched_gold.values())
    by_type = scores.entities
    for gi, entity in enumerate(gold):
        prf = by_type.setdefault(entity["type"], PRF())
        has_family = entity["type"] == "Model" and bool(entity.get("family"))
        if gi not in matched_gold:
            if has_family:
                scores.family_of_gold.count(False)
            prf.fn += 1
            elsewhere = sorted({p.type for p in predicted if p.names & gold_items[gi][1]})
            confusion = f" (predicted as {', '.join(elsewhere)})" if elsewhere else ""
            scores.findings.append(Finding(paper["id"], "missed",
                                           f"{entity['type']}: {entity['text']}{confusion}"))
            continue
        prf.tp += 1
        if has_family:
            got = predicted[matched_gold[gi]].family
            right = got is not None and name_key(got) == name_key(entity["family"])
            scores.family.count(right)
            scores.family_of_gold.count(right)
            if not right:
                scores.findings.append(Finding(paper["id"], "wrong family",
                                               f"{got} (gold: {entity['family']}) for {entity['text']}"))
    for pi, entity in enumerate(predicted):
        if pi not in matched_predicted:
            by_type.setdefault(entity.type, PRF()).fp += 1
            scores.findings.append(Finding(paper["id"], "spurious", f"{entity.type}: {entity.canonical}"))


def score_proposed(paper: dict[str, Any], extraction: PaperExtraction, scores: GoldScores) -> None:
    """Proposed names, each known by every name its paper gives the entity."""
    gold_aliases: dict[str | None, set[str]] = defaultdict(set)
    for entity in paper["entities"]:
        gold_aliases[entity.get("canonical")] |= _gold_names(entity)
    predicted_aliases: dict[str, set[str]] = defaultdict(set)
    for mention in extraction.entities:
        predicted_aliases[mention.canonical] |= names_of(mention.text, *mention.aliases)
    gold_items = [("", names_of(name) | gold_aliases[name]) for name in paper["proposed"]]
    predicted_items = [("", names_of(name) | predicted_aliases[name]) for name in extraction.proposed]
    pairs = match(gold_items, predicted_items)
    scores.proposed.add(PRF(tp=len(pairs), fp=len(predicted_items) - len(pairs),
                            fn=len(gold_items) - len(pairs)))
    matched_gold, matched_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
    scores.findings += [Finding(paper["id"], "missed proposed", name)
                        for i, name in enumerate(paper["proposed"]) if i not in matched_gold]
    scores.findings += [Finding(paper["id"], "spurious proposed", name)
                        for i, name in enumerate(extraction.proposed) if i not in matched_predicted]


def match_results(gold: list[dict[str, Any]], predicted: list[Result]) -> list[tuple[int, int]]:
    """Each gold result matched at most once, on equal value; ties prefer equal unit, then kind."""
    used: set[int] = set()
    pairs = []
    for gi, wanted in enumerate(gold):
        options = [pi for pi, p in enumerate(predicted)
                   if pi not in used and abs(p.value - wanted["value"]) < 1e-6]
        if options:
            best = max(options, key=lambda pi: (predicted[pi].unit == wanted["unit"],
                                                predicted[pi].kind == wanted["kind"]))
            used.add(best)
            pairs.append((gi, best))
    return pairs


def score_results(paper: dict[str, Any], extraction: PaperExtraction, scores: GoldScores) -> None:
    """Results P/R on value; unit and kind on every matched pair; a tie only on the matched pairs
    whose gold has it, right when the predicted name (its canonical, or any surface form or alias
    the paper used for it) is one of the gold entity's names."""
    gold_names: dict[str, set[str]] = defaultdict(set)
    for entity in paper["entities"]:
        gold_names[entity.get("canonical") or entity["text"]] |= _gold_names(entity)
    predicted_names: dict[str, set[str]] = defaultdict(set)
    for mention in extraction.entities:
        predicted_names[mention.canonical] |= names_of(mention.canonical, mention.text, *mention.aliases)
    gold, predicted = paper["results"], extraction.results
    pairs = match_results(gold, predicted)
    scores.results.add(PRF(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs)))
    fields = scores.result_fields
    for gi, pi in pairs:
        wanted, got = gold[gi], predicted[pi]
        for name in ("unit", "kind"):
            right = wanted[name] == getattr(got, name)
            fields[name].count(right)
            if not right:
                scores.findings.append(Finding(paper["id"], f"wrong {name}",
                                               f"{getattr(got, name)} (gold: {wanted[name]}) for "
                                               f"{wanted['value']:g}: {wanted.get('evidence', '')}"))
        for tie in TIES:
            want, have = wanted.get(tie), getattr(got, tie)
            if want is None:
                continue
            right = have is not None and bool((gold_names.get(want, set()) | names_of(want))
                                              & (predicted_names.get(have, set()) | names_of(have)))
            fields[tie].count(right)
            if not right:
                scores.findings.append(Finding(paper["id"], f"{'missing' if have is None else 'wrong'} {tie}",
                                               f"{have} (gold: {want}) for {wanted['value']:g}: "
                                               f"{wanted.get('evidence', '')}"))
    matched_gold, matched_predicted = {g for g, _ in pairs}, {p for _, p in pairs}
    scores.findings += [Finding(paper["id"], "missed result",
                                f"{g['value']:g} {g['unit'] or ''} {g['kind']}: {g.get('evidence', '')}")
                        for gi, g in enumerate(gold) if gi not in matched_gold]
    scores.findings += [Finding(paper["id"], "spurious result",
                                f"{p.value:g} {p.unit or ''} {p.kind}: {p.evidence}")
                        for pi, p in enumerate(predicted) if pi not in matched_predicted]


def gold_papers(papers: list[dict[str, Any]]) -> list[Paper]:
    """The gold papers' titles and abstracts, as the pipeline reads them."""
    return [Paper(id=p["id"], title=p.get("title", ""), abstract=p.get("abstract", "")) for p in papers]


def score_gold(papers: list[dict[str, Any]], extractions: list[PaperExtraction]) -> GoldScores:
    """All figures of a gold set, given the pipeline's extraction of each of its papers, in order."""
    scores = GoldScores(entities={t: PRF() for t in sorted(ENTITY_TYPES)},
                        result_fields={name: Accuracy() for name in RESULT_FIELDS})
    for paper, extraction in zip(papers, extractions, strict=True):
        scores.papers += 1
        score_entities(paper, extraction, scores)
        score_proposed(paper, extraction, scores)
        score_results(paper, extraction, scores)
    scores.entities["all"] = total_of(scores.entities)
    return scores
