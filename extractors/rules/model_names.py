"""The model-name grammar on plain text: [size] family [version] (size | variant)* -> canonical name.

A gazetteer cannot list every checkpoint ("Qwen3-14B", "Llama-4-Scout"), so the families are data
(extractors/data/model_families.jsonl, with name parts in model_parts.jsonl) and the name is parsed
piece by piece from the family alias: "LLaMA 3.1 8B Instruct" -> Llama-3.1-8B-Instruct,
"Llama2-70B" -> Llama-2-70B, "770M T5" -> T5-770M, "GPT-4o mini" -> GPT-4o-mini, "Llama3.1:70B"
-> Llama-3.1-70B, "Claude Sonnet 4" -> Claude-4-Sonnet. A name the grammar cannot read to its end
("CLIP-T", "LLaMA-Adapter", "GPT4All") is no model.

Unknown members of known families are read too: a family marked `prefixable` takes a domain
prefix (model_parts.jsonl, kind "prefix") glued to its name ("ClinicalT5", "PubMedBERT",
"MentalRoBERTa", "TinyLlama": family T5, BERT, RoBERTa, Llama; with `"prefix": "any"` also one
capital, "SBERT"), while another glued word makes a model of its own ("QwenCLIP", "EditCLIP"); an
unknown capitalised sub-name is a variant when a parameter count follows ("Skywork-OR1-Math-7B",
"Mistral-Nemo-12B"). A family's one-word maker glued before the name is part of it ("OpenAI-o1").
extractors/components/models.py puts the names found on the Doc.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_SIZE = r"\d+x\d+(?:\.\d+)?[bB]|\d+(?:\.\d+)?[bBmM]"
_SIZE_AT = re.compile(rf"(?P<sep>[-_ :]?)(?P<size>{_SIZE})(?!\w|\.\d)")
_VERSION = r"[vVRoK]?\d+(?:\.\d+)*[a-zA-Z]?"
_VERSION_AT = re.compile(rf"(?P<sep>[-_]?)(?P<version>{_VERSION})(?!\w|\.\d)")
_DOTTED_VERSION_AT = re.compile(rf"(?P<sep>\.)(?P<version>{_VERSION})(?!\w|\.\d)")  # "FLUX.1"
# "Llama 3.1", "Gemma 3n", "Kimi K2", "DeepSeek R1"
_SPACED_VERSION_AT = re.compile(r"(?P<sep> )(?P<version>[vKR]?\d{1,2}(?:\.\d{1,2})?[a-z]?)(?!\w|\.\d|\s*%)")
_WORD_AT = re.compile(r"(?P<sep>[-_ ])(?P<word>[A-Za-z]+)(?!\w|\.\d)")
_CHECKPOINT_VERSION_AT = re.compile(r"(?P<sep>[-_]|\s(?=V))(?P<version>[vV]\d+(?:\.\d+)*)(?!\w|\.\d)")
_ACTIVE_SIZE_AT = re.compile(r"-(?P<active>A\d+(?:\.\d+)?[bB])(?!\w|\.\d)")  # "Qwen3-30B-A3B": active parameters
# A release date: "Kimi-VL-A3B-Thinking-2506", "GPT-4o-2024-08-06", "DeepSeek-R1-0528" (month, day).
_DATE_AT = re.compile(
    r"-(?P<date>20\d{2}-\d{2}-\d{2}|20\d{6}|2[3-9](?:0[1-9]|1[0-2])|(?:0[1-9]|1[0-2])[0-3]\d)"
    r"(?!\w|\.\d|-\d)")
_PATCH_AT = re.compile(r"/(?P<patch>\d{1,2})(?!\w|\.\d)")  # "ViT-B/16"
# An unknown capitalised sub-name, read when a parameter count follows within two more parts.
_SUBNAME_AT = re.compile(
    rf"-(?P<word>[A-Z][A-Za-z0-9]*)(?=(?:-[A-Za-z][A-Za-z0-9]*){{0,2}}[-_ ](?:{_SIZE})(?!\w|\.\d))")
_PRESIZE = re.compile(rf"(?P<size>{_SIZE})[- ]$")
# A lower-case part after a space ends the name when a generic phrase goes on ("Llama 2 large
# language model" is Llama-2, not Llama-2-large).
_GENERIC_CONTINUATION = re.compile(r"[\s-]+(?:language|vision-language|multimodal)\b", re.IGNORECASE)
# A name continued by "-Upper" or "-digit" that the grammar cannot read ("CLIP-T", "LLaMA-Adapter")
# is a different name: no model is reported for it; a title's capitalised modifier is no such part
# ("SAM-Based Visual Object Tracking", "CLIP-Driven Continual Learning": SAM, CLIP).
_TITLE_MODIFIER = (r"-(?:Based|Driven|Guided|Powered|Generated|Assisted|Enhanced|Augmented|Aware|Inspired|Style"
                   r"|Like|Conditioned|Initialized|Centric|Specific|Free|Only|Level)(?![\w-])")
_UNREAD_CONTINUATION = re.compile(rf"(?!{_TITLE_MODIFIER})(?:[-_/]?[A-Z0-9]|[A-Za-z0-9])")
# A model's name followed by "score" or "similarity" names a metric computed with the model ("CLIP
# score", "DINO similarity"), unless "scores" is the verb of a result ("GPT-4 scores 85%").
_METRIC_CONTINUATION = re.compile(
    r"[\s-]+(?:score|similarity)s?\b(?!\s+(?:\d|above|below|higher|lower|better|worse|well|poorly|highest|lowest))",
    re.IGNORECASE)
# A capitalised name glued to a parameter count in billions ("Kuwain-1.5B", "AgenTracer-8B") is a
# model even when its family is unknown (a count in millions names a dataset: "InsViE-1M").
# What follows the count belongs to the name: a tuning suffix ("Sailor-7B-Chat"), and any
# capitalised or numbered parts ("MiMo-VL-7B-RL", "Granite-13B-Instruct-V2", "MT3-7B-Zero"), but
# not a lower-case word ("Kuwain-7B-based").
_SIZED_NAME = re.compile(
    r"(?<![\w.\-/])(?P<name>[A-Z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*?)-(?P<size>\d+(?:\.\d+)?[bB])"
    r"(?P<suffix>(?:-(?:[A-Z0-9][A-Za-z0-9]*(?:\.\d+)*|[vV]\d+(?:\.\d+)*|it|chat|instruct|base))*)"
    r"(?!\w|\.\d|-[A-Z0-9])")
_SIZE_IN_BILLIONS = re.compile(r"\d[bB](?!\w)")  # the cheap test that comes first
_GLUED_VERSION = re.compile(r"(?<=[A-Za-z]{3})v?\d+(?:\.\d+)*$")  # "XTTSv2", "Quamba2"


def family_stem(name: str) -> str:
    """The family of a model the grammar does not know: its first word, with a short acronym
    prefix kept ("PIC-LM", "UI-TARS"; not before a version: "GLM-4-9B") and a glued version
    dropped ("Kuwain-1.5B" -> Kuwain, "Compass-v3" -> Compass, "XTTSv2" -> XTTS)."""
    parts = [p for p in re.split(r"[-_\s]+", name) if p]
    if not parts:
        return name
    stem = parts[0]
    if len(parts) > 1 and len(stem) <= 3 and stem.upper() == stem \
            and not _SIZE_ONLY.match(parts[1]) and not _VERSION_ONLY.match(parts[1]):
        stem = f"{stem}-{parts[1]}"
    return _GLUED_VERSION.sub("", stem) or stem


_SIZE_ONLY = re.compile(rf"(?:{_SIZE})$")
_VERSION_ONLY = re.compile(r"[vV]?\d+(?:\.\d+)*(?:/|$)")  # "GLM-4-9B", "GPT-4.5/5"


def family_of_unlisted(name: str) -> str | None:
    """The family of a model name no family record knows (the NER's Models): its stem, when it
    has more than one character."""
    stem = family_stem(name)
    return stem if len(stem) > 1 else None


def family_of_name(name: str) -> str | None:
    """The family a Model's own name gives when no mention of it has one: its stem, when the rest
    of the name is a version or nothing ("TASA", "DINOv3", "VGG-16"; not "Fun-Audio-Chat-8B")."""
    stem = family_of_unlisted(name)
    return stem if stem and name.startswith(stem) and _VERSION_REST.fullmatch(name, len(stem)) else None


_VERSION_REST = re.compile(r"(?:[-\s._]?[vV]?\d[\w.]*)?")


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
    needs_part: bool = False  # the bare name is an architecture, not a model ("ViT"; "ViT-B/16" is)
    version_sep: str = "-"
    spaced_version: bool = True  # "Llama 2"; not "SD 2" (a standard deviation)
    parts: dict[str, str] = field(default_factory=dict, hash=False, compare=False)  # family's own

    def prefixed(self, prefix: str) -> ModelEntry:
        """The unknown member "<prefix><family>" ("ClinicalT5"): its own name, no version."""
        name = prefix + self.display
        return ModelEntry(display=name, family=self.family, unversioned=name, parts=self.parts)


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
                    or (entry.needs_size and self.params is None)
                    or (entry.needs_part and not self.pieces and self.presize is None))

    @property
    def canonical(self) -> str:
        entry, version = self.entry, None
        parts: list[str] = []
        for kind, text, _ in self.pieces:
            if kind == "version" and version is None:
                version = text
            elif kind == "patch" and parts:
                parts[-1] += f"/{text}"
            else:
                parts.append(text)
        if version is None:
            head = entry.unversioned
        else:
            head = f"{entry.display}{entry.version_sep}{version}"
        if self.presize and self.value("size") is None:
            parts.insert(0, self.presize)
        return "-".join([head, *parts])


def _alias_regex(alias: str, ignore_case: bool, digit_after: bool = False) -> str:
    body = re.escape(alias).replace(r"\ ", r"[-\s]").replace(r"\-", r"[-\s]?")
    body = f"(?i:{body})" if ignore_case else body
    return body + r"(?=\d)" if digit_after else body


def _alias_key(match: re.Match[str]) -> str:
    """The entry key of the alias an alternation matched: each alias is a group named by its key
    and holds no group of its own, so it is the last group to close."""
    key = match.lastgroup
    assert key is not None, "every alternative of the alternation is a named group"
    return key


class ModelGrammar:
    """Finds model names in text; families and name parts come from JSONL records."""

    def __init__(self) -> None:
        self.entries: dict[str, ModelEntry] = {}
        self.parts: dict[str, str] = {}
        self.spaced_parts: set[str] = set()  # lower-case parts read after a space ("GPT-4o mini")
        self.alias_patterns: list[tuple[str, str, str, bool]] = []  # regex, key, first chars, digit after
        self.alias_lengths: dict[str, int] = {}  # key -> length of the alias
        self.openings: dict[str, set[str]] = {}  # first character -> what may follow it (regex classes)
        self.prefixed_patterns: list[tuple[str, str, str]] = []  # (prefix regex, alias regex, key)
        self._prefix_of: dict[str, re.Pattern] = {}  # alias key -> its family's prefix, whole
        self.start: re.Pattern | None = None  # where a name may start
        self.by_first_char: dict[str, re.Pattern] = {}  # the aliases that may start there
        self.prefixed: re.Pattern | None = None  # "<Prefix><family alias>" at a word start
        self.glued_needles: set[str] = set()  # prefixable aliases, lower-cased where case is free
        self.domain_prefixes: set[str] = set()  # "Clinical", "PubMed", "Tiny" ...
        self.organisations: set[str] = set()  # one-word makers glued before a name ("OpenAI-o1")

    def add_families(self, records: Iterable[dict]) -> None:
        for record in records:
            family = record["id"]
            if " " not in record.get("organisation", " "):
                self.organisations.add(record["organisation"])
            ignore_case = record.get("ignore_case", False)
            parts = {alias.lower(): part["id"] for part in record.get("parts", ())
                     for alias in part["aliases"]}
            first = len(self.alias_patterns)
            self._add_entry(record, family, ignore_case, record.get("unversioned", family), parts)
            if record.get("prefixable"):
                prefix = "domain" if record.get("prefix", "word") == "word" else "domain or letter"
                for (regex, key, _, _), alias in zip(self.alias_patterns[first:], record["aliases"], strict=True):
                    self.prefixed_patterns.append((prefix, regex, key))
                    self.glued_needles.add(alias.lower() if ignore_case else alias)
            for member in record.get("members", ()):
                self._add_entry(member, family, member.get("ignore_case", ignore_case),
                                member["id"], parts)
        self._compile()

    def add_parts(self, records: Iterable[dict]) -> None:
        """Name parts ({"id", "aliases", "spaced"?}) and the domain prefixes ({"kind": "prefix"})."""
        for record in records:
            if record.get("kind") == "prefix":
                self.domain_prefixes.update(record["aliases"])
                continue
            for alias in record["aliases"]:
                self.parts[alias.lower()] = record["id"]
                if record.get("spaced"):
                    self.spaced_parts.add(alias.lower())

    def _add_entry(self, record: dict, family: str, ignore_case: bool, unversioned: str,
                   parts: dict[str, str]) -> None:
        entry = ModelEntry(
            display=record.get("display", record["id"]), family=family, unversioned=unversioned,
            versioned=record.get("versioned", False),
            needs_version=record.get("needs_version", False),
            needs_size=record.get("needs_size", False),
            needs_part=record.get("needs_part", False),
            version_sep=record.get("version_sep", "-"),
            spaced_version=record.get("spaced_version", True),
            parts=parts,
        )
        for alias in record["aliases"]:
            key = f"a{len(self.entries)}"
            self.entries[key] = entry
            first = alias[0].lower() + alias[0].upper() if ignore_case else alias[0]
            # A one- or two-letter name glued to its version ("o1", "o3") is tried only where a
            # digit follows: "o" starts every "of" and "on".
            digit_after = len(alias) <= 2 and entry.needs_version and entry.version_sep == ""
            self.alias_patterns.append((_alias_regex(alias, ignore_case, digit_after), key, first,
                                        digit_after))
            self.alias_lengths[key] = len(alias)
            second = alias[1:2]
            follow = (r"\d" if digit_after else "" if not second.isalnum()
                      else re.escape(second.lower() + second.upper() if ignore_case else second))
            for char in first:
                self.openings.setdefault(char, set()).add(follow)

    def _compile(self) -> None:
        """One alternation per first character, longest alias first: tried only where a word
        starts with that character (a single alternation of every alias, tried at every word
        start, was 7% of the pipeline's time)."""
        ordered = sorted(self.alias_patterns, key=lambda item: self.alias_lengths[item[1]], reverse=True)
        chars = sorted({char for _, _, first, _ in ordered for char in first})
        self.by_first_char = {
            char: re.compile("|".join(f"(?P<{key}>{regex})" for regex, key, first, _ in ordered
                                      if char in first))
            for char in chars}
        # A name starts with one of the aliases' first two characters ("Ll", "GP", "o" + digit):
        # most words are ruled out before an alternation is tried ("of", "each", "by").
        starts = []
        for char, follows in sorted(self.openings.items()):
            if "" in follows:
                starts.append(re.escape(char))
            else:
                starts.append(f"{re.escape(char)}(?=[{''.join(sorted(follows))}])")
        # Not inside another word, nor glued after one by a hyphen ("DV-LLaMA" names another model;
        # a maker's name glued before one is read apart: `_after_makers`).
        self.start = re.compile(rf"(?<![\w.])(?<!\w-)(?:{'|'.join(starts)})") if starts else None
        if self.prefixed_patterns:
            longest_first = sorted(self.prefixed_patterns, key=lambda item: self.alias_lengths[item[2]],
                                   reverse=True)
            alternatives = "|".join(f"(?P<{key}>{regex})" for _, regex, key in longest_first)
            words = "|".join(re.escape(w) for w in sorted(self.domain_prefixes, key=len, reverse=True))
            words = words or "(?!)"
            kinds = {"domain": rf"(?:{words})", "domain or letter": rf"(?:{words}|[A-Z])"}
            # one pattern for all; each family's own kind of prefix is checked on the match
            self.prefixed = re.compile(rf"(?<![\w.\-])(?P<prefix>{words}|[A-Z])(?:{alternatives})")
            self._prefix_of = {key: re.compile(rf"{kinds[kind]}\Z") for kind, _, key in self.prefixed_patterns}

    def find(self, text: str) -> Iterator[ModelName]:
        """Every model name in `text`, left to right, non-overlapping: names read from a word
        start first, then unknown prefixed members ("PubMedBERT") where no name was read."""
        names = list(self._from_word_starts(text))
        names += [n for n in self._after_makers(text) if not any(n.start < m.end and m.start < n.end for m in names)]
        prefixed = [n for n in self._prefixed_members(text)
                    if not any(n.start < m.end and m.start < n.end for m in names)]
        yield from sorted(names + prefixed, key=lambda n: n.start)

    def _after_makers(self, text: str) -> Iterator[ModelName]:
        """Names glued after their maker's name, the maker included ("OpenAI-o1": o1): the word
        before each hyphen is looked up (a lookbehind per maker in the start pattern made the
        grammar 30% slower, and one pattern of all makers cost a third of its time)."""
        hyphen = text.find("-")
        while hyphen != -1:
            start = hyphen
            while start and text[start - 1].isalpha():
                start -= 1
            if hyphen - start >= 2 and text[start:hyphen] in self.organisations \
                    and not (start and (text[start - 1].isalnum() or text[start - 1] in "._-")):
                opening = self.by_first_char.get(text[hyphen + 1: hyphen + 2])
                match = opening.match(text, hyphen + 1) if opening else None
                name = self._parse(text, match, self.entries[_alias_key(match)]) if match else None
                if name is not None and name.valid:
                    name.start = start
                    yield name
            hyphen = text.find("-", hyphen + 1)

    def _from_word_starts(self, text: str) -> Iterator[ModelName]:
        position = 0
        while self.start is not None and (start := self.start.search(text, position)):
            match = self.by_first_char[text[start.start()]].match(text, start.start())
            if match is None:
                position = start.end()
                continue
            name = self._parse(text, match, self.entries[_alias_key(match)])
            if name is not None and name.valid:
                position = name.end
                yield name
            else:
                position = match.end()

    @staticmethod
    def sized_names(text: str) -> Iterator[tuple[int, int, str, str, str]]:
        """(start, end, canonical, family, params) of every name glued to a parameter count in
        billions ("Monet-7B"), whatever its family; the caller keeps those the grammar did not read."""
        if _SIZE_IN_BILLIONS.search(text) is None:
            return
        for match in _SIZED_NAME.finditer(text):
            name, size = match.group("name"), _size_text(match.group("size"))
            canonical = f"{name}-{size}{match.group('suffix')}"
            yield match.start(), match.end(), canonical, family_stem(name), size

    def _glued_word_starts(self, text: str) -> list[int]:
        """Where the words that hold a prefixable family name after a prefix start ("PubMedBERT"):
        the names are found with str.find (a regex tried at every word start cost more than the
        rest of the grammar)."""
        lowered = text.lower() if len(text.lower()) == len(text) else text
        starts = set()
        for needle in self.glued_needles:
            haystack = lowered if needle.islower() else text
            at = haystack.find(needle, 1)
            while at != -1:
                if text[at - 1].isalpha() and text[at].isupper():
                    start = at - 1
                    while start > 0 and text[start - 1].isalpha():
                        start -= 1
                    starts.add(start)
                at = haystack.find(needle, at + 1)
        return sorted(starts)

    def _prefixed_members(self, text: str) -> Iterator[ModelName]:
        if self.prefixed is None:
            return
        for start in self._glued_word_starts(text):
            match = self.prefixed.match(text, start)
            if match is None:
                continue
            prefix, key = match.group("prefix"), _alias_key(match)
            if not self._prefix_of[key].match(prefix) or self._names_a_model(prefix):
                continue  # "QwenCLIP" is a new model of its own, not a CLIP
            entry = self.entries[key].prefixed(prefix)
            name = self._parse(text, match, entry)
            if name is not None and name.valid:
                yield name

    def _names_a_model(self, word: str) -> bool:
        start = self.by_first_char.get(word[0])
        return start is not None and start.fullmatch(word) is not None

    def _parse(self, text: str, match: re.Match, entry: ModelEntry) -> ModelName | None:
        name = ModelName(entry, match.start(), match.end())
        presize = _PRESIZE.search(text, max(0, match.start() - 12), match.start())
        if presize and (presize.start() == 0 or not text[presize.start() - 1].isalnum()):
            name.start, name.presize = presize.start(), _size_text(presize.group("size"))
        position = name.base_end
        if entry.versioned and not _SIZE_AT.match(text, position):
            version = self._version_at(text, position, entry)
            if version:
                name.pieces.append(("version", version.group("version"), version.end()))
                position = version.end()
        while (piece := self._piece_at(text, position, name)) is not None:
            name.pieces.append(piece)
            position = piece[2]
        if _UNREAD_CONTINUATION.match(text, position) or _METRIC_CONTINUATION.match(text, position):
            return None
        return name

    @staticmethod
    def _version_at(text: str, position: int, entry: ModelEntry) -> re.Match | None:
        found = _VERSION_AT.match(text, position)
        if found is None and entry.version_sep == ".":
            found = _DOTTED_VERSION_AT.match(text, position)
        if found is None and entry.spaced_version:
            found = _SPACED_VERSION_AT.match(text, position)
        return found

    def _piece_at(self, text: str, position: int, name: ModelName) -> tuple[str, str, int] | None:
        if size := _SIZE_AT.match(text, position):
            if size.group("sep") or name.value("version"):
                return ("size", _size_text(size.group("size")), size.end())
        if checkpoint := _CHECKPOINT_VERSION_AT.match(text, position):
            return ("revision", checkpoint.group("version"), checkpoint.end())
        if active := _ACTIVE_SIZE_AT.match(text, position):
            return ("variant", active.group("active").upper(), active.end())
        if name.pieces and (date := _DATE_AT.match(text, position)):
            return ("revision", date.group("date"), date.end())
        if name.pieces and name.pieces[-1][0] == "variant":
            if patch := _PATCH_AT.match(text, position):
                return ("patch", patch.group("patch"), patch.end())
            entry = name.entry
            if entry.versioned and name.value("version") is None and (
                    version := self._version_at(text, position, entry)):
                return ("version", version.group("version"), version.end())  # "Claude Sonnet 4"
        word = _WORD_AT.match(text, position)
        if word is not None:
            sep, spelled = word.group("sep"), word.group("word")
            lowered = spelled.lower()
            canonical = name.entry.parts.get(lowered) or self.parts.get(lowered)
            if canonical is not None and (sep != " " or spelled[0].isupper() or (
                    lowered in self.spaced_parts
                    and not _GENERIC_CONTINUATION.match(text, word.end()))):
                return ("variant", canonical, word.end())
        if subname := _SUBNAME_AT.match(text, position):  # an unknown sub-name before a size
            return ("variant", subname.group("word"), subname.end())
        return None
