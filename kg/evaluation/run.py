"""`kg eval`: run the pipeline over each chosen set and score it; one report for all of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from extractors.pipeline import default_pipeline, extract_papers, load_pipeline
from extractors.version import pipeline_version
from kg.core.errors import BadOption
from kg.core.records import Paper, PaperExtraction
from kg.evaluation.gold import GoldScores, gold_papers, load_gold, score_gold
from kg.evaluation.scier import ScierScores, load_scier, scier_papers, score_scier
from kg.evaluation.sets import EvalSet, SetKind
from kg.progress import progress_counter

Scores = GoldScores | ScierScores


@dataclass(frozen=True)
class SetScorer:
    """How one kind of set is read, fed to the pipeline and scored."""

    load: Callable[[EvalSet], list[dict[str, Any]]]
    papers: Callable[[list[dict[str, Any]]], list[Paper]]
    score: Callable[[list[dict[str, Any]], list[PaperExtraction]], Scores]


SCORERS: dict[SetKind, SetScorer] = {
    "gold": SetScorer(lambda s: load_gold(s.path(), s.split), gold_papers, score_gold),
    "scier": SetScorer(lambda s: load_scier(s.path()), scier_papers, score_scier),
}


@dataclass
class EvalReport:
    """The figures of every scored set, and what produced them."""

    pipeline_version: str
    without: list[str] = field(default_factory=list)
    sets: dict[str, Scores] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # set name -> the file it was read from
    blind: set[str] = field(default_factory=set)  # sets whose individual errors are not listed


def pipeline_without(components: list[str]) -> Language:
    """The shipped pipeline with `components` disabled, for ablations (`kg eval --without`)."""
    nlp = load_pipeline()
    unknown = sorted(set(components) - set(nlp.pipe_names))
    if unknown:
        raise BadOption(f"no pipeline component {', '.join(unknown)} (components: "
                        f"{', '.join(nlp.pipe_names)})")
    for name in components:
        nlp.disable_pipe(name)
    return nlp


def run_eval(sets: list[EvalSet], without: list[str] | None = None,
             progress: bool = True) -> EvalReport:
    """Score the pipeline (less the `without` components) on `sets`. Every file is read and
    checked before the first extraction, so a bad file fails at once."""
    nlp = pipeline_without(without) if without else default_pipeline()
    loaded = [(s, SCORERS[s.kind].load(s)) for s in sets]
    report = EvalReport(pipeline_version(), list(without or ()),
                        files={s.name: str(s.path()) for s in sets},
                        blind={s.name for s in sets if s.blind})
    for eval_set, records in loaded:
        scorer = SCORERS[eval_set.kind]
        papers = scorer.papers(records)
        extractions = list(progress_counter(extract_papers(papers, nlp), eval_set.name, progress,
                                            total=len(papers), unit="texts"))
        report.sets[eval_set.name] = scorer.score(records, extractions)
    return report
