"""Entity resolution across papers: one node per real-world entity, with a stable id.

Within a paper the extractor already gives every mention a canonical name (gazetteer id, model
grammar, acronym pairing). Across papers, names that differ only by case, hyphens, spaces or a
plural ending share a key, and a long form joins its acronym's node wherever a paper defines the
pair ("Direct Preference Optimization (DPO)").

An acronym means what its paper defines it as: "DM" is Diffusion Model in one paper and Driver
Monitoring Systems in another. So an acronym is never itself a bridge between papers: a defined
acronym is filed under its long form (a *sense*: "DM" + "diffusion model"), the senses of one
acronym merge only where their long forms agree (same words, up to inflection: "low-rank
adaptation" / "low-rank adapters"), and a bare acronym (used without a definition) joins the sense
that holds most of the corpus's definitions, when one clearly does. Two senses that would take the
same display name keep it for the more used one (or for the bare acronym when no sense dominates);
the others are named by their long form. Every name and surface form that resolved to a node is
listed in its aliases, so a merge can be audited.

A name the corpus types one way nearly always takes that type where a paper typed it otherwise (the
type vote).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from kg.core.names import name_key
from kg.core.schema import node_id

Key = tuple[str, str]  # (label, name key); a sense key is "acronym|long form"
SENSE_SEPARATOR = "|"  # never in a name_key
_ACRONYM_PLURAL = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9]s$")  # "DMs", "LLMs"; not "DMS"
_WORD_BREAK = re.compile(r"[\s\-/]+")
_FILLER_WORDS = frozenset({"a", "an", "the", "of", "for", "and", "in", "on", "with", "to", "by",
                           "via", "from", "based"})
# Two words are one word inflected when they share this long a prefix ("adapter" / "adaptation",
# "detection" / "detector"); shorter words must be equal, up to a plural s.
SAME_STEM = 5


@dataclass(slots=True)
class EntityGroup:
    """What the corpus says about one entity key: its names, aliases and (for models) its facets."""

    label: str
    names: Counter = field(default_factory=Counter)  # canonical names as extracted
    trusted_names: Counter = field(default_factory=Counter)  # from a gazetteer or the model grammar
    aliases: Counter = field(default_factory=Counter)  # acronym partners and surface forms
    long_forms: Counter = field(default_factory=Counter)  # of a defined acronym (a sense group)
    catalogued: int = 0  # long-form mentions a gazetteer or the grammar matched (a known sense)
    facets: dict[str, str] = field(default_factory=dict)  # family, params, version, variant


def acronym_key(name: str) -> str:
    """The key of an acronym: its name key, after the plural "s" of a capitalised acronym
    ("DMs" -> "dm", while "DMS" stays "dms")."""
    if _ACRONYM_PLURAL.match(name):
        name = name[:-1]
    return name_key(name) or name.lower()


def _stems(long_form: str) -> tuple[str, ...]:
    words = (w.lower().rstrip(".,;:'\"") for w in _WORD_BREAK.split(long_form))
    return tuple(w for w in words if w and w not in _FILLER_WORDS)


def _same_word(a: str, b: str) -> bool:
    if a == b or a.rstrip("s") == b.rstrip("s"):
        return True
    return len(a) >= SAME_STEM and len(b) >= SAME_STEM and a[:SAME_STEM] == b[:SAME_STEM]


def long_forms_agree(a: str, b: str) -> bool:
    """True when two long forms of one acronym name one thing: same key, or the same words in the
    same order up to inflection ("low-rank adaptation" / "low-rank adapters"). "Diffusion Model"
    and "Driver Monitoring Systems" do not agree, nor "supervised fine-tuning" and "supervision
    during the fine-tuning"."""
    if name_key(a) == name_key(b):
        return True
    words_a, words_b = _stems(a), _stems(b)
    return (bool(words_a) and len(words_a) == len(words_b)
            and all(_same_word(x, y) for x, y in zip(words_a, words_b, strict=True)))


class Resolver:
    """Collects entity names across papers, then assigns each key its node id and display name."""

    TRUSTED_SOURCES = frozenset({"gazetteer", "pattern"})
    MAJORITY = 0.9  # the type vote (see `_final_roots`)
    MIN_VOTES = 10
    TRUSTED_SHARE = 2 / 3  # the type vote of a name only a gazetteer or the grammar typed
    DOMINANT_SENSE = 0.8  # share of an acronym's definitions a sense needs to take its bare uses

    def __init__(self) -> None:
        self._groups: dict[Key, EntityGroup] = {}
        self._parent: dict[Key, Key] = {}
        # (label, acronym key) -> long form key -> (a long form as written, the sense's group keys)
        self._senses: dict[Key, dict[str, tuple[str, set[Key]]]] = {}
        self._ids: dict[Key, str] | None = None

    def key(self, label: str, name: str) -> Key:
        return (label, acronym_key(name))

    def _group(self, key: Key) -> EntityGroup:
        group = self._groups.get(key)
        if group is None:
            group = self._groups[key] = EntityGroup(key[0])
            self._parent[key] = key
        return group

    def add(self, label: str, canonical: str, source: str = "", aliases: tuple[str, ...] = (),
            facets: dict[str, str | None] | None = None, surface: str | None = None) -> Key:
        """Record one mention's canonical name (with its surface form, and the acronym or long form
        its paper pairs it with, if any); returns its key (resolve it after `entities`)."""
        key = self.key(label, canonical)
        surface = " ".join(surface.split()) if surface else None  # "Vision\nTransformer"
        if aliases:
            key = self._add_definition(label, canonical, surface or canonical, aliases[0])
        group = self._group(key)
        if aliases and source in self.TRUSTED_SOURCES and len(surface or "") > len(aliases[0]):
            group.catalogued += 1
        group.names[canonical] += 1
        if source in self.TRUSTED_SOURCES:
            group.trusted_names[canonical] += 1
        for alias in (*aliases, surface):
            if alias and alias != canonical:
                group.aliases[alias] += 1
        for name, value in (facets or {}).items():
            if value and name not in group.facets:
                group.facets[name] = value
        self._ids = None
        return key

    def _add_definition(self, label: str, canonical: str, form: str, partner: str) -> Key:
        """The key of a mention its paper defines as an acronym pair (`form` as written and its
        `partner`): the long form's sense of the acronym when the canonical is the acronym, else
        the canonical's own key, joined with the long form's key (the long form alone, in any
        paper, is the same entity); the acronym's key is not joined."""
        short, long = sorted((form, partner), key=len)
        short_key, long_key = acronym_key(short), name_key(long) or long.lower()
        if acronym_key(canonical) == short_key:
            key = (label, f"{short_key}{SENSE_SEPARATOR}{long_key}")
        else:
            key = self.key(label, canonical)
        group = self._group(key)
        group.long_forms[long] += 1
        self._group((label, long_key))
        self._union(key, (label, long_key))
        self._senses.setdefault((label, short_key), {}).setdefault(long_key, (long, set()))[1].add(key)
        return key

    def lookup(self, label: str, name: str) -> Key | None:
        """The key of an already recorded name, or None."""
        key = self.key(label, name)
        return key if key in self._groups else None

    def _find(self, key: Key) -> Key:
        root = key
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def _union(self, a: Key, b: Key) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # the root keeps the lexicographically smaller key, so merges are order-independent
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo

    def entities(self) -> dict[str, dict]:
        """Node id -> properties (name, aliases, facets) of every resolved entity."""
        final = self._final_roots()
        members: dict[Key, list[EntityGroup]] = {}
        for key, group in self._groups.items():
            members.setdefault(final[key], []).append(group)
        nodes: dict[str, dict] = {}
        id_of_root: dict[Key, str] = {}
        for root, name in _node_names(members).items():
            nid = node_id(root[0], name)
            props = nodes.get(nid)
            if props is None:
                props = nodes[nid] = {"name": name, "aliases": set(), "facets": {}}
            for group in members[root]:
                props["aliases"].update(group.names)
                props["aliases"].update(group.aliases)
                for facet, value in group.facets.items():
                    props["facets"].setdefault(facet, value)
            id_of_root[root] = nid
        for props in nodes.values():
            props["aliases"] = sorted(a for a in props["aliases"] if a != props["name"])
        self._ids = {key: id_of_root[final[key]] for key in self._groups}
        return nodes

    def _final_roots(self) -> dict[Key, Key]:
        """Each key's root after the alias unions, the senses of acronyms and the type vote.

        A name the corpus types one way in at least `MAJORITY` of at least `MIN_VOTES` mentions
        is that type everywhere: the stray Method "PSNR" joins the Metric, the Metric "CLIP" the
        Model. So is a name that a gazetteer or the model grammar typed one way only, when that
        type holds at least `TRUSTED_SHARE` of its mentions and the others are the NER's or an
        acronym's guesses (the catalogue's prior where the local evidence is weak). Names with two
        real senses split more evenly ("MAE": the masked autoencoder and the mean absolute error)
        and keep one node per type; two senses of an acronym are never joined."""
        self._join_agreeing_senses()
        roots = {key: self._find(key) for key in self._groups}
        moved = self._bare_acronym_moves(roots)
        votes: dict[str, Counter] = {}
        trusted: dict[str, Counter] = {}
        targets: dict[tuple[str, str], Key] = {}  # (name key, label) -> the node that label's mentions join
        for key, group in sorted(self._groups.items()):
            label, name = key
            plain = name.split(SENSE_SEPARATOR, 1)[0]
            if not group.names:
                continue
            votes.setdefault(plain, Counter())[label] += group.names.total()
            trusted.setdefault(plain, Counter())[label] += group.trusted_names.total()
            if ((plain, label) not in targets or name == plain):
                targets[(plain, label)] = _follow(moved, roots[key])
        long_forms: dict[Key, list[str]] | None = None
        for name, counts in sorted(votes.items()):
            voted = self._type_vote(counts, +trusted[name])
            if voted is None:
                continue
            target = targets[(name, voted)]
            for other in counts:
                source = targets.get((name, other))
                if other == voted or source is None or source == target:
                    continue
                if long_forms is None:
                    long_forms = self._long_forms_by_root(roots)
                if _same_sense(long_forms.get(source, ()), long_forms.get(target, ())):
                    moved.setdefault(source, target)
        return {key: _follow(moved, root) for key, root in roots.items()}

    def _type_vote(self, counts: Counter, trusted: Counter) -> str | None:
        """The type every mention of one name takes, if the corpus says so (see `_final_roots`)."""
        if len(counts) < 2:
            return None
        total = counts.total()
        label, top = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if total >= self.MIN_VOTES and top >= self.MAJORITY * total:
            return label
        if len(trusted) == 1:
            (label, _), = trusted.items()
            if counts[label] >= self.TRUSTED_SHARE * total:
                return label
        return None

    def _long_forms_by_root(self, roots: dict[Key, Key]) -> dict[Key, list[str]]:
        found: dict[Key, list[str]] = {}
        for key, root in roots.items():
            found.setdefault(root, []).extend(self._groups[key].long_forms)
        return found

    def _join_agreeing_senses(self) -> None:
        """Union the sense groups of one acronym whose long forms agree."""
        for long_forms in self._senses.values():
            entries = list(long_forms.values())
            for (a, keys_a), (b, keys_b) in combinations(entries, 2):
                if long_forms_agree(a, b):
                    self._union(next(iter(keys_a)), next(iter(keys_b)))
            for _, keys in entries:
                first = next(iter(keys))
                for other in keys:
                    self._union(first, other)

    def _bare_acronym_moves(self, roots: dict[Key, Key]) -> dict[Key, Key]:
        """A bare acronym's node -> the sense it joins. An acronym a gazetteer knows ("MT-Bench")
        joins only a sense whose long form the gazetteer also matched (its catalogued sense), not
        the one paper that defines it as "Multimodal Time Series Benchmark"; another bare acronym
        joins the sense holding `DOMINANT_SENSE` of the acronym's definitions in the corpus."""
        moved: dict[Key, Key] = {}
        for bare, long_forms in sorted(self._senses.items()):
            if bare not in self._groups:
                continue
            counts: Counter = Counter()
            catalogued: Counter = Counter()
            for _, keys in long_forms.values():
                for key in keys:
                    counts[roots[key]] += self._groups[key].long_forms.total()
                    catalogued[roots[key]] += self._groups[key].catalogued
            if roots[bare] in counts:
                continue
            if self._groups[bare].trusted_names:
                counts = +catalogued
                if not counts:
                    continue
            sense, top = min(counts.items(), key=lambda item: (-item[1], item[0]))
            if top >= self.DOMINANT_SENSE * counts.total():
                moved.setdefault(roots[bare], sense)
        return moved

    def node_id(self, key: Key) -> str:
        """The node id of a recorded key; call after `entities()`."""
        if self._ids is None:
            self.entities()  # sets _ids
        return self._ids[key]  # type: ignore[index]  # (mypy cannot see entities() set it)


def _same_sense(forms_a, forms_b) -> bool:
    """False when both nodes are defined acronyms and no long form of one agrees with one of the
    other's (the Method "SSMs", semantic similarity measures, is not the Model "SSMs")."""
    return not (forms_a and forms_b) or any(long_forms_agree(x, y) for x in forms_a for y in forms_b)


def _follow(moved: dict, root):
    """Where a chain of moves ends (a move back into the chain stops it)."""
    seen = {root}
    while root in moved and moved[root] not in seen:
        root = moved[root]
        seen.add(root)
    return root


def _node_names(members: dict[Key, list[EntityGroup]]) -> dict[Key, str]:
    """Each root's display name. Where two roots would take one node id, the root that has no
    long form to fall back on (a bare acronym, a plain name) keeps it, else the more mentioned one;
    the others are named by their most used long form that is still free."""
    def weight(root: Key) -> tuple:
        long_forms = sum((g.long_forms for g in members[root]), Counter())
        total = sum(g.names.total() for g in members[root])
        return (bool(long_forms), -total, root)

    names: dict[Key, str] = {}
    taken: set[str] = set()
    for root in sorted(members, key=weight):
        groups = members[root]
        name = _display_name(groups)
        if node_id(root[0], name) in taken:
            long_forms = sum((g.long_forms for g in groups), Counter())
            name = next((form for form, _ in sorted(long_forms.items(), key=lambda i: (-i[1], i[0]))
                         if node_id(root[0], form) not in taken), name)
        names[root] = name
        taken.add(node_id(root[0], name))
    return names


def _display_name(groups: list[EntityGroup]) -> str:
    """Prefer a gazetteer/grammar name, then the most frequent name; ties go to the shortest, then A-Z."""
    trusted: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for group in groups:
        trusted.update(group.trusted_names)
        names.update(group.names)
    pool = trusted or names
    if not pool:  # a long form recorded only as an alias partner
        pool = sum((g.long_forms + g.aliases for g in groups), Counter())
    return min(pool, key=lambda n: (-pool[n], len(n), n))
