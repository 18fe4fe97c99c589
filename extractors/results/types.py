"""What the results steps pass each other: numbers, groups of numbers, and the sentence's entities.
Offsets are sentence-local."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Number:
    """One number in a sentence; `unit_end` is past its unit."""

    start: int
    end: int
    value: float
    unit: str | None
    unit_end: int
    signed: bool = False
    slashed: bool = False  # "5.85/4.70 points": only counts as part of a list
    physical: bool = False  # "31s", "3.2 mm", "36 Hz": a measured quantity, a result only as a measure's value


@dataclass(slots=True)
class Group:
    """Numbers read together: a list ("60% and 75%"), a range ("5-10%") or a change ("from X to Y")."""

    members: list[Number]
    link: str = "single"  # single | list | versus | range | change | wins
    unit: str | None = None
    kind: str = "absolute"
    hits: list[tuple[int, int]] = field(default_factory=list)  # context spans used as evidence

    @property
    def start(self) -> int:
        return self.members[0].start

    @property
    def versus(self) -> bool:
        """'(63.2 vs. 60.1)': a score beside its rival's, both absolute."""
        return self.link == "versus" and len(self.members) == 2

    @property
    def end(self) -> int:
        return self.members[-1].unit_end


@dataclass(slots=True)
class Entity:
    """An entity mention of the sentence: its offsets, type and canonical name."""

    start: int
    end: int
    label: str
    name: str


@dataclass(frozen=True, slots=True)
class PaperContext:
    """What the rest of the paper tells a sentence: its proposed systems (Model/Method names, the
    main one first: "our method" and implicit subjects are it) and its named datasets."""

    proposed: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()


# A sentence read without its paper: nothing proposed, no datasets (frozen, so one shared default).
NO_PAPER_CONTEXT = PaperContext()
