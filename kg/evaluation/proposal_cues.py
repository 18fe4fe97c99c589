"""The proposal cues learned from and counted on the arXiv gold's TRAIN split (issue 10 item 4).

    .venv/bin/python -m kg.evaluation.proposal_cues             # print both tables
    .venv/bin/python -m kg.evaluation.proposal_cues --in-place  # and store the counts in the cue file

Discovery: the words right before and right after the first abstract mention of every gold entity
of a train paper, each with how often that entity is one the paper proposes (right) or not
(wrong); the cue lists of extractors/data/proposal_cues.jsonl are read from this table (language,
never names). Audit: each cue record (and each phrase of an object cue) with the names it put
forward on train that became proposals, right (a gold proposal of the paper) or wrong, and the gold
proposals a filter turned down (lost). --in-place writes {"train": {"right": r, "wrong": w}} into
every counted record. Only train papers are read; dev papers are never opened.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import ENTITIES_KEY
from extractors.cleaning import PaperText
from extractors.components.proposed import Decision, ProposalFinder
from extractors.pipeline import default_pipeline, make_doc
from extractors.rules.data import data_path
from kg.evaluation.gold import load_gold, names_of
from kg.paths import shared_data

PROPOSED = "paperkg_proposed"
GOLD_FILE = ("gold", "arxiv2025_gold.json")
CUES_FILE = "proposal_cues.jsonl"
CONTEXT_WORDS = 3
_WORD = re.compile(r"[a-z0-9][\w'-]*|[(),:\"]")


@dataclass
class CueCount:
    right: int = 0
    wrong: int = 0
    lost: int = 0  # a gold proposal put forward, turned down by a filter

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0


def gold_proposal_names(paper: dict[str, Any]) -> set[str]:
    """Name keys of everything the paper proposes: each proposal and its entity's aliases."""
    names = names_of(*paper["proposed"])
    for entity in paper["entities"]:
        if entity.get("canonical") in paper["proposed"]:
            names |= names_of(entity["text"], *entity.get("aliases", []))
    return names


def _entity_names(paper: dict[str, Any]) -> dict[str, set[str]]:
    """Canonical -> every surface form the gold gives it (proposals included)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for entity in paper["entities"]:
        forms[entity.get("canonical") or entity["text"]] |= {entity["text"], *entity.get("aliases", [])}
    for name in paper["proposed"]:
        forms[name].add(name)
    return forms


def context_counts(papers: Iterable[dict[str, Any]]) -> dict[str, CueCount]:
    """For "before: <words>" and "after: <words>" (one to CONTEXT_WORDS words next to the first
    abstract mention of a gold entity) and "title: X:" (a title starting "X:"), how often the
    entity is a proposal (right) or not (wrong)."""
    counts: dict[str, CueCount] = defaultdict(CueCount)
    for paper in papers:
        abstract, title = paper["abstract"], paper["title"].strip()
        for canonical, forms in _entity_names(paper).items():
            names = sorted((f for f in forms if f), key=len, reverse=True)
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
            contexts = set()
            head = pattern.match(title)
            if head and title[head.end():head.end() + 1] == ":":
                contexts.add("title: X:")
            found = pattern.search(abstract)
            if found:
                stop = abstract.rfind(". ", 0, found.start())
                sentence_start = stop + 2 if stop >= 0 else 0
                before = _WORD.findall(abstract[sentence_start:found.start()].lower())[-CONTEXT_WORDS:]
                after = _WORD.findall(abstract[found.end():found.end() + 60].lower())[:CONTEXT_WORDS]
                contexts |= {"before: " + " ".join(before[-n:]) for n in range(1, len(before) + 1)}
                contexts |= {"after: " + " ".join(after[:n]) for n in range(1, len(after) + 1)}
            for context in contexts:
                count = counts[context]
                if canonical in paper["proposed"]:
                    count.right += 1
                else:
                    count.wrong += 1
    return counts


def docs_before_proposals(nlp: Language, papers: Iterable[dict[str, Any]]) -> Iterable[Doc]:
    """Each paper's doc, run through the pipeline's components up to the proposal finder."""
    for paper in papers:
        doc = make_doc(nlp, PaperText.of(paper["title"], paper["abstract"]))
        for name, component in nlp.pipeline:
            if name == PROPOSED:
                break
            doc = component(doc)
        yield doc


def tally(decisions: list[Decision], doc: Doc, gold_names: set[str], counts: dict[str, CueCount]) -> None:
    """Add one paper's decisions to the counts per cue and per "cue: phrase"."""
    forms: dict[str, set[str]] = defaultdict(set)
    for span in doc.spans[ENTITIES_KEY]:
        forms[span.id_] |= names_of(span.id_, span.text)
    found = set().union(*(forms[name] | names_of(name) for name in doc._.proposed))
    for decision in decisions:
        candidate = decision.candidate
        keys = [candidate.cue] + ([f"{candidate.cue}: {candidate.phrase}"] if candidate.phrase else [])
        for key in keys:
            count = counts[key]
            if decision.entity is None:
                name = names_of(doc.text[candidate.start:candidate.end])
                count.lost += bool(name & gold_names and not name & found)
            elif forms[decision.entity.id_] & gold_names:
                count.right += 1
            else:
                count.wrong += 1


def cue_counts(papers: list[dict[str, Any]], nlp: Language | None = None) -> dict[str, CueCount]:
    """Run the pipeline over `papers` and count each cue's right and wrong proposals."""
    nlp = nlp or default_pipeline()
    finder = nlp.get_pipe(PROPOSED)
    assert isinstance(finder, ProposalFinder), f"{PROPOSED} is the proposal finder"
    counts: dict[str, CueCount] = defaultdict(CueCount)
    for paper, doc in zip(papers, docs_before_proposals(nlp, papers), strict=True):
        tally(finder.find(doc), doc, gold_proposal_names(paper), counts)
    return counts


def write_counts(path: Path, counts: dict[str, CueCount]) -> None:
    """Store each record's counts as "train": {"right": r, "wrong": w} (records not counted keep none)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:
        record.pop("train", None)
        if record["id"] in counts:
            record["train"] = {"right": counts[record["id"]].right, "wrong": counts[record["id"]].wrong}
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")


def table(counts: dict[str, CueCount], title: str, minimum: int = 1, lost: bool = True) -> str:
    """A Markdown table of the counts, by cue (phrases under their cue), most frequent first."""
    rows = sorted(((key, count) for key, count in counts.items() if count.right + count.wrong >= minimum),
                  key=lambda item: (item[0].split(": ")[0], -(item[1].right + item[1].wrong), item[0]))
    extra = " lost |" if lost else ""
    lines = [f"### {title}", "", f"| cue | right | wrong | precision |{extra}",
             "|---|---:|---:|---:|" + ("---:|" if lost else "")]
    lines += [f"| {key} | {c.right} | {c.wrong} | {c.precision:.2f} |" + (f" {c.lost} |" if lost else "")
              for key, c in rows]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-place", action="store_true", help=f"store the counts in extractors/data/{CUES_FILE}")
    parser.add_argument("--minimum", type=int, default=4, help="discovery rows seen at least this often")
    args = parser.parse_args(argv)
    papers = load_gold(shared_data(*GOLD_FILE), "train")
    discovery = context_counts(papers)
    print(table({k: c for k, c in discovery.items() if c.precision >= 0.5},
                "Discovery: words next to gold entities' first mentions (right = the entity is proposed), "
                "precision >= 0.5", args.minimum, lost=False))
    counts = cue_counts(papers)
    print()
    print(table(counts, f"Audit: the cues of {CUES_FILE} on {len(papers)} train papers"))
    if args.in_place:
        write_counts(data_path(CUES_FILE), {key: count for key, count in counts.items() if ": " not in key})


if __name__ == "__main__":
    main(sys.argv[1:])
