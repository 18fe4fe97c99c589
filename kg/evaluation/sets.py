"""The sets `kg eval` can score, by name (the CLI's `--set` choices come from `EVAL_SETS`).

A set is a guide-annotated gold file (optionally one side of the fixed arXiv split) or a SciER
file. Dev sets are `blind`: their figures are reported, their individual errors never listed, so
that no rule is written from a dev paper (look at arxiv-train's errors instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kg.core.errors import BadOption
from kg.evaluation.split import Split
from kg.paths import shared_data

SetKind = Literal["gold", "scier"]


@dataclass(frozen=True)
class EvalSet:
    name: str
    kind: SetKind
    description: str
    shared_path: tuple[str, ...] = ()  # under ../shared/data, for the named sets
    file: Path | None = None  # a file given on the command line
    split: Split | None = None  # the side of the arXiv split to keep
    blind: bool = False
    default: bool = True

    def path(self) -> Path:
        """The file to read (`DataNotFound` when the shared data is absent)."""
        return self.file if self.file is not None else shared_data(*self.shared_path)

    @classmethod
    def of_file(cls, kind: SetKind, file: Path) -> EvalSet:
        """Every record of a file named on the command line (`--gold`, `--scier`)."""
        return cls(name=f"{kind}:{file.name}", kind=kind, description=str(file), file=Path(file))


ARXIV_GOLD = ("gold", "arxiv2025_gold.json")
EVAL_SETS: dict[str, EvalSet] = {s.name: s for s in (
    EvalSet("seed-dev", "gold", "40 hand-annotated seed papers", ("gold", "seed_gold_dev.json"),
            blind=True),
    EvalSet("arxiv-dev", "gold", "the 100 dev papers of the arXiv 2025 gold", ARXIV_GOLD,
            split="dev", blind=True),
    EvalSet("arxiv-train", "gold", "the 380 train papers of the arXiv 2025 gold", ARXIV_GOLD,
            split="train", default=False),
    EvalSet("scier-dev", "scier", "SciER dev sentences", ("scier", "dev.jsonl"), blind=True),
)}


def chosen_sets(names: list[str] | None = None, gold_files: list[Path] | None = None,
                scier_files: list[Path] | None = None) -> list[EvalSet]:
    """The named sets, then the given files; with neither, the default sets (all but train)."""
    files = ([EvalSet.of_file("gold", f) for f in gold_files or ()]
             + [EvalSet.of_file("scier", f) for f in scier_files or ()])
    if not names and not files:
        return [s for s in EVAL_SETS.values() if s.default]
    unknown = sorted(set(names or ()) - set(EVAL_SETS))
    if unknown:
        raise BadOption(f"no evaluation set {', '.join(unknown)} (sets: {', '.join(EVAL_SETS)})")
    return [EVAL_SETS[name] for name in dict.fromkeys(names or ())] + files
