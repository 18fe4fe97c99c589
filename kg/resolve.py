"""Entity resolution across papers: one node per real-world entity, with a stable id.

Within a paper the extractor already gives every mention a canonical name (gazetteer id, model
grammar, acronym pairing). Across papers, names that differ only by case, hyphens, spaces or a
plural ending share a key, and alias pairs seen in any paper ("Direct Preference Optimization" /
"DPO") join their keys with a union-find, so the whole corpus agrees on one node. A name the corpus
types one way nearly always takes that type where a paper typed it otherwise (the type vote).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.core.names import name_key
from kg.core.schema import node_id


@dataclass(slots=True)
class EntityGroup:
    """What the corpus says about one entity key: its names, aliases and (for models) its facets."""

    label: str
    names: Counter = field(default_factory=Counter)  # canonical names as extracted
    trusted_names: Counter = field(default_factory=Counter)  # from a gazetteer or the model grammar
    aliases: set[str] = field(default_factory=set)
    facets: dict[str, str] = field(default_factory=dict)  # family, params, version, variant


class Resolver:
    """Collects entity names across papers, then assigns each key its node id and display name."""

    TRUSTED_SOURCES = frozenset({"gazetteer", "pattern"})
    MAJORITY = 0.9  # the type vote (see `_final_roots`)
    MIN_VOTES = 10

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], EntityGroup] = {}
        self._parent: dict[tuple[str, str], tuple[str, str]] = {}
        self._ids: dict[tuple[str, str], str] | None = None

    def key(self, label: str, name: str) -> tuple[str, str]:
        return (label, name_key(name) or name.lower())

    def add(self, label: str, canonical: str, source: str = "", aliases: tuple[str, ...] = (),
            facets: dict[str, str | None] | None = None) -> tuple[str, str]:
        """Record one mention's canonical name; returns its key (resolve it after `finish`)."""
        key = self.key(label, canonical)
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = EntityGroup(label)
            self._parent[key] = key
        group.names[canonical] += 1
        if source in self.TRUSTED_SOURCES:
            group.trusted_names[canonical] += 1
        for name, value in (facets or {}).items():
            if value and name not in group.facets:
                group.facets[name] = value
        for alias in aliases:
            if self.key(label, alias) != key:
                group.aliases.add(alias)
                self._union(key, self.add(label, alias))
        self._ids = None
        return key

    def lookup(self, label: str, name: str) -> tuple[str, str] | None:
        """The key of an already recorded name, or None."""
        key = self.key(label, name)
        return key if key in self._groups else None

    def _find(self, key: tuple[str, str]) -> tuple[str, str]:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def _union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # the root keeps the lexicographically smaller key, so merges are order-independent
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo

    def entities(self) -> dict[str, dict]:
        """Node id -> properties (name, aliases, facets) of every resolved entity."""
        final = self._final_roots()
        members: dict[tuple[str, str], list[EntityGroup]] = {}
        for key, group in self._groups.items():
            members.setdefault(final[key], []).append(group)
        nodes: dict[str, dict] = {}
        id_of_root: dict[tuple[str, str], str] = {}
        for root, groups in members.items():
            name = _display_name(groups)
            nid = node_id(root[0], name)
            props = nodes.get(nid)
            if props is None:
                props = nodes[nid] = {"name": name, "aliases": set(), "facets": {}}
            for group in groups:
                props["aliases"].update(group.names)
                props["aliases"].update(group.aliases)
                for facet, value in group.facets.items():
                    props["facets"].setdefault(facet, value)
            id_of_root[root] = nid
        for props in nodes.values():
            props["aliases"] = sorted(a for a in props["aliases"] if a != props["name"])
        self._ids = {key: id_of_root[final[key]] for key in self._groups}
        return nodes

    def _final_roots(self) -> dict[tuple[str, str], tuple[str, str]]:
        """Each key's root after the alias unions and the corpus's type vote.

        A name the corpus types one way in at least `MAJORITY` of at least `MIN_VOTES` mentions
        is that type everywhere: the stray Method "PSNR" joins the Metric, the Metric "CLIP" the
        Model. Names with two real senses split more evenly ("MAE": the masked autoencoder and
        the mean absolute error) and keep one node per type."""
        roots = {key: self._find(key) for key in self._groups}
        votes: dict[str, Counter] = {}
        for (label, key), group in self._groups.items():
            votes.setdefault(key, Counter())[label] += group.names.total()
        moved: dict[tuple[str, str], tuple[str, str]] = {}
        for key, counts in sorted(votes.items()):
            total = counts.total()
            if len(counts) < 2 or total < self.MIN_VOTES:
                continue
            label, top = min(counts.items(), key=lambda item: (-item[1], item[0]))
            if top < self.MAJORITY * total:
                continue
            target = roots[(label, key)]
            for other in counts:
                if other != label and roots[(other, key)] != target:
                    moved.setdefault(roots[(other, key)], target)
        return {key: _follow(moved, root) for key, root in roots.items()}

    def node_id(self, key: tuple[str, str]) -> str:
        """The node id of a recorded key; call after `entities()`."""
        if self._ids is None:
            self.entities()  # sets _ids
        return self._ids[key]  # type: ignore[index]  # (mypy cannot see entities() set it)


def _follow(moved: dict, root):
    """Where a chain of moves ends (a move back into the chain stops it)."""
    seen = {root}
    while root in moved and moved[root] not in seen:
        root = moved[root]
        seen.add(root)
    return root


def _display_name(groups: list[EntityGroup]) -> str:
    """Prefer a gazetteer/grammar name, then the most frequent name; ties go to the shortest, then A-Z."""
    trusted: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for group in groups:
        trusted.update(group.trusted_names)
        names.update(group.names)
    pool = trusted or names
    return min(pool, key=lambda n: (-pool[n], len(n), n))
