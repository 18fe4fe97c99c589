"""The model-name grammar on plain text: [size] family [version] (size | variant)* -> canonical name.

A gazetteer cannot list every checkpoint ("Qwen3-14B", "Llama-4-Scout"), so the families are data
(extractors/data/model_families.jsonl, with name parts in model_parts.jsonl) and the name is parsed
piece by piece from the family alias: "LLaMA 3.1 8B Instruct" -> Llama-3.1-8B-Instruct,
"Llama2-70B" -> Llama-2-70B, "770M T5" -> T5-770M. A name the grammar cannot read to its end
("CLIP-T", "LLaMA-Adapter", "GPT4All") is no model. extractors/components/models.py puts the
names found on the Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_SIZE = r"\d+x\d+(?:\.\d+)?[bB]|\d+(?:\.\d+)?[bBmM]"
_SIZE_AT = re.compile(rf"(?P<sep>[-_ ]?)(?P<size>{_SIZE})(?!\w|\.\d)")
_VERSION_AT = re.compile(r"(?P<sep>[-_]?)(?P<version>[vVR]?\d+(?:\.\d+)*[a-zA-Z]?)(?!\w|\.\d)")
_SPACED_VERSION_AT = re.compile(r"(?P<sep> )(?P<version>v?\d{1,2}(?:\.\d{1,2})?)(?!\w|\.\d|\s*%)")
_WORD_AT = re.compile(r"(?P<sep>[-_ ])(?P<word>[A-Za-z]+)(?!\w|\.\d)")
_CHECKPOINT_VERSION_AT = re.compile(r"(?P<sep>[-_])(?P<version>v\d+(?:\.\d+)*)(?!\w|\.\d)")
_PRESIZE = re.compile(rf"(?P<size>{_SIZE})[- ]$")
# A name continued by "-Upper" or "-digit" that the grammar cannot read ("CLIP-T", "LLaMA-Adapter")
# is a different name: no model is reported for it.
_UNREAD_CONTINUATION = re.compile(r"[-_/]?[A-Z0-9]|[A-Za-z0-9]")


# A model name the families do not list keeps its leading word as its family, without version,
# size or variant: "AgenTracer-8B" -> AgenTracer, "Wan-2.1" -> Wan, "ResNet50" -> ResNet,
# "XTTSv2" -> XTTS, "DI-Star" -> DI-Star.
_LEADING_NAME = re.compile(r"[A-Za-z]+?(?=v?\d|[-_ ]|$)(?:-[A-Z][a-z]+(?=[-_ ]|$))?")


def family_of_unlisted(name: str) -> str | None:
    """The family of a model name no family record knows (the NER's Models): its leading word."""
    found = _LEADING_NAME.match(name)
    return found.group() if found and len(found.group()) > 1 else None


def _size_text(spelled: str) -> str:
    """Canonical parameter count: unit letter upper-cased ("7b" -> "7B", "8x7b" -> "8x7B")."""
    return spelled[:-1] + spelled[-1].upper()


@dataclass(frozen=True, slots=True)
class ModelEntry:
    """One base name: a family's own name or a named member ("ChatGPT" in GPT)."""

    display: str  # canonical spelling of the base name
    family: str
    unversioned: str  # canonical spelling when no version follows ("LLaMA" for Llama)
    versioned: bool = False
    needs_version: bool = False
    needs_size: bool = False
    version_sep: str = "-"


@dataclass(slots=True)
class ModelName:
    """A parsed name: pieces are (kind, canonical text, end offset) after the base name."""

    entry: ModelEntry
    start: int
    base_end: int
    presize: str | None = None
    pieces: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.pieces[-1][2] if self.pieces else self.base_end

    def value(self, kind: str) -> str | None:
        found = [text for piece_kind, text, _ in self.pieces if piece_kind == kind]
        return "-".join(found) if found else None

    @property
    def params(self) -> str | None:
        return self.value("size") or self.presize

    @property
    def version(self) -> str | None:
        return self.value("version") or self.value("revision")

    @property
    def valid(self) -> bool:
        entry = self.entry
        return not ((entry.needs_version and self.value("version") is None)
                    or (entry.needs_size and self.params is None))

    @property
    def canonical(self) -> str:
        entry, version = self.entry, None
        parts: list[str] = []
        for kind, text, _ in self.pieces:
            if kind == "version" and version is None:
                version = text
            else:
                parts.append(text)
        if version is None:
            head = entry.unversioned
        else:
            head = f"{entry.display}{entry.version_sep}{version}"
        if self.presize and self.value("size") is None:
            parts.insert(0, self.presize)
        return "-".join([head, *parts])


def _alias_regex(alias: str, ignore_case: bool) -> str:
    body = re.escape(alias).replace(r"\ ", r"[-\s]").replace(r"\-", r"[-\s]?")
    return f"(?i:{body})" if ignore_case else body


class ModelGrammar:
    """Finds model names in text; families and name parts come from JSONL records."""

    def __init__(self) -> None:
        self.entries: dict[str, ModelEntry] = {}
        self.parts: dict[str, str] = {}
        self.alias_patterns: list[tuple[str, str, str]] = []  # (regex, alias key, first chars)
        self.start: re.Pattern | None = None  # where a name may start
        self.by_first_char: dict[str, re.Pattern] = {}  # the aliases that may start there

    def add_families(self, records: Iterable[dict]) -> None:
        for record in records:
            family = record["id"]
            ignore_case = record.get("ignore_case", False)
            self._add_entry(record, family, ignore_case, record.get("unversioned", family))
            for member in record.get("members", ()):
                self._add_entry(member, family, ignore_case, member["id"])
        self._compile()

    def add_parts(self, records: Iterable[dict]) -> None:
        for record in records:
            for alias in record["aliases"]:
                self.parts[alias.lower()] = record["id"]

    def _add_entry(self, record: dict, family: str, ignore_case: bool, unversioned: str) -> None:
        entry = ModelEntry(
            display=record["id"], family=family, unversioned=unversioned,
            versioned=record.get("versioned", False),
            needs_version=record.get("needs_version", False),
            needs_size=record.get("needs_size", False),
            version_sep=record.get("version_sep", "-"),
        )
        for alias in record["aliases"]:
            key = f"a{len(self.entries)}"
            self.entries[key] = entry
            first = alias[0].lower() + alias[0].upper() if ignore_case else alias[0]
            self.alias_patterns.append((_alias_regex(alias, ignore_case), key, first))

    def _compile(self) -> None:
        """One alternation per first character, longest alias first: tried only where a word
        starts with that character (a single alternation of every alias, tried at every word
        start, was 7% of the pipeline's time)."""
        ordered = sorted(self.alias_patterns, key=lambda item: len(item[0]), reverse=True)
        chars = sorted({char for _, _, first in ordered for char in first})
        self.by_first_char = {
            char: re.compile("|".join(f"(?P<{key}>{regex})" for regex, key, first in ordered
                                      if char in first))
            for char in chars}
        # Not inside another word, nor glued after one by a hyphen ("DV-LLaMA" names another model).
        self.start = re.compile(rf"(?<![\w.])(?<!\w-)[{re.escape(''.join(chars))}]")

    def find(self, text: str) -> Iterator[ModelName]:
        """Every model name in `text`, left to right, non-overlapping."""
        position = 0
        while self.start is not None and (start := self.start.search(text, position)):
            match = self.by_first_char[start.group()].match(text, start.start())
            if match is None:
                position = start.end()
                continue
            name = self._parse(text, match)
            if name is not None and name.valid:
                position = name.end
                yield name
            else:
                position = match.end()

    def _parse(self, text: str, match: re.Match) -> ModelName | None:
        entry = self.entries[match.lastgroup]
        name = ModelName(entry, match.start(), match.end())
        presize = _PRESIZE.search(text, max(0, match.start() - 12), match.start())
        if presize and (presize.start() == 0 or not text[presize.start() - 1].isalnum()):
            name.start, name.presize = presize.start(), _size_text(presize.group("size"))
        position = name.base_end
        if entry.versioned and not _SIZE_AT.match(text, position):
            version = _VERSION_AT.match(text, position) or _SPACED_VERSION_AT.match(text, position)
            if version:
                name.pieces.append(("version", version.group("version"), version.end()))
                position = version.end()
        while (piece := self._piece_at(text, position, name)) is not None:
            name.pieces.append(piece)
            position = piece[2]
        if _UNREAD_CONTINUATION.match(text, position):
            return None
        return name

    def _piece_at(self, text: str, position: int, name: ModelName) -> tuple[str, str, int] | None:
        if size := _SIZE_AT.match(text, position):
            if size.group("sep") or name.value("version"):
                return ("size", _size_text(size.group("size")), size.end())
        if checkpoint := _CHECKPOINT_VERSION_AT.match(text, position):
            return ("revision", checkpoint.group("version"), checkpoint.end())
        word = _WORD_AT.match(text, position)
        if word is None:
            return None
        sep, spelled = word.group("sep"), word.group("word")
        canonical = self.parts.get(spelled.lower())
        if canonical is not None and (sep != " " or spelled[0].isupper()):
            return ("variant", canonical, word.end())
        if sep == "-" and spelled[0].isupper() and _SIZE_AT.match(text, word.end()):
            return ("variant", spelled, word.end())  # an unknown sub-name before a size: Qwen2.5-Foo-7B
        return None
