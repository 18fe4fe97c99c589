"""What the paper introduces (doc._.proposed): names where the language of proposals puts them.

The cues are data (data/proposal_cues.jsonl), each record with how often the names it put forward
were gold proposals (right) or not (wrong) on the arXiv gold's train split, counted by
`python -m kg.evaluation.proposal_cues`. A record's `kind` says where its names are:
- object: after a proposal verb or naming phrase ("we propose X", "this study introduces X and Y",
  "a framework called X", "we also introduce X", "resulting in the creation of X");
- appositive / described / description: a name described as new right after it ("X, a novel ...",
  "X, an extensible benchmark for ...", a sentence "X is a ...");
- possessive: "our X", "our model, X";
- parts: the parts of a proposal listed in a sentence about it ("TDE consists of two modules: a
  Spiking Encoder (SE) ..., and an Attention Gating Module (AGM) ...", "(1) A ... (2) B");
- passive: "a Soft-masked Optimal Transport (SSOT) method is proposed", "two models are developed:";
- title: a title "X: ..." whose X is a name: one word, or a short run of capitalised words that is
  no phrase ("Beyond Accuracy", "Enhancing Forex Forecasting").
X is an entity span already, or a name-shaped run of tokens (capitalised or mixed-case words:
"Conjugate Prompting", "LoFiT"; a long form after a colon that the name spells is the same proposal:
"SiDyP: Simplex Label Diffusion with Dynamic Prior"), or a long form an acronym defines, which then becomes an entity
(source "pattern") typed by the head noun next to it (benchmark/dataset/corpus -> Dataset,
metric/score -> Metric, else Method; a Model when the model grammar knows its family, and then
it is a model entity already, or when an apposition calls it a language or foundation model, "X, a
compact language model": then it is its own family). Not proposals: generic phrases, names used
before the proposal sentence (but not when only a proposal verb's object used them, which took no
name: "we propose a continual zeroth-order adaptation (ZOA) framework ... our ZOA achieves"),
catalogue names modifying the new thing ("an RL approach") or met under the weaker cues
(possessive, parts, passive, described), adjectives ("AmbientGAN-based"). Every mention of a
proposed entity gets role "proposes", and one typed Task becomes a Method: the guide's proposals are
new methods, datasets, models and metrics, and a name a paper introduces under a task-like head
("Visual-latent Policy Optimization (VLPO)", "Grammar Forced Translation (GraFT)") is its method
(train split: 7 of the 12 proposals typed Task were gold Methods, 3 gold Tasks). A catalogue name
proposed under a head noun takes the head's type: the paper's sense of a homonym ("we propose
RAFT, a ... framework", where the catalogue's RAFT is a dataset).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.attributes import ENTITIES_KEY, text_of
from extractors.components.mention_index import MentionIndex
from extractors.components.priors import names_a_pretrained_model, set_beside_after_bracket
from extractors.rules.acronyms import is_short_form, spells_from_start
from extractors.rules.data import data_path
from extractors.rules.model_names import family_of_unlisted
from extractors.rules.phrases import DATASET_NAME, HeadTypes, generic_word_keys, is_generic_phrase, phrase_regex
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

# The types a head noun gives a new name; a Model only as `_type_of` says ("X, a language model").
PROPOSED_TYPES = ("Dataset", "Metric", "Method")
MAX_WORDS_BEFORE_NAME = 8
MAX_NAME_TOKENS = 24  # a name is never longer; bounds the work per token in a run of capitals
MAX_LIST_TOKENS = 80  # how far a list of parts is read
AFTER_WINDOW = 200  # characters after a name read for its appositive and head noun
GLUE = {",", "and", "(", ")", "as", "well", "namely", ":"}
# Mixed case, two capitals, or letters with digits: "LoFiT", "URIAL", "T5", "Llama2".
_BRACKETED_SHORT_FORM = re.compile(r"(?P<long>.+?)\s\((?P<short>[^()\s]{2,20})\)")  # "Long Form (LF)"
_STRONG_NAME = re.compile(r"[A-Z].*[A-Z]|[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]")
_ONE_CAPITAL = re.compile(r"[A-Z]")
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_VERSION = re.compile(r"v\d+(?:\.\d+)*")
_VARIANT_PART = re.compile(r"-[A-Z0-9][\w.+-]*")  # "-32B", "-LM", "-Lite" after a proposed name
# The last parts of a compound that modifies the name after it ("LLM-based Agent Judge").
_MODIFIER_ENDS = frozenset({"based", "powered", "driven", "aided", "guided", "assisted", "enhanced"})
# A single capitalised word after a cue is a name only when the phrase ends there ("we introduce
# Okapi, ..."), not when it modifies a noun ("we introduce a truncated Gaussian to ...").
_WEAK_NAME_END = re.compile(r"\s*(?:[,(:.]|$|is\b|which\b|that\b)")
_PUNCT_BREAK = re.compile(r"[,.;:()]")
# Numbers and sizes ("50K-sample", "3D", "7B"), URLs, e-mail addresses; "3DKeyAD" is a name.
_NOT_A_NAME = re.compile(r"^\d[\d.,]*[A-Za-z]{0,2}(?:-(?![A-Z])|$)|://|www\.|@")
_SIZE_THEN_WORDS = re.compile(r"\d[\d.,]*[A-Za-z]{0,2}\s+[^A-Z]*$")  # "3D scene generation"
_SMALL_WORDS = {"of", "for", "the", "with", "and", "to", "in", "on", "a", "an", "via", "by"}
_CITATION = re.compile(r"\s*[(\[][^)\]]*(?:et al|\b(?:19|20)\d\d\b)")  # "X (Wu et al., 2022)": prior work
_LIST_SEPARATORS = {",", ";", ":", "and", "&", "plus", "alongside"}
_WORD_OPENERS = "([{\"'“‘/"
_SCORE_END = re.compile(r"\d(?:\s*%|\.\d+)\s+$")  # "delivers 58% IoU": the measure of a score, no name
# Where the paper's code lives, after "our": "our GitHub repository", "our Hugging Face page".
_WHERE_IT_LIVES = re.compile(r"\s+(?:repository|repo|page|website|homepage|account)\b", re.IGNORECASE)
# Words that make the name after them someone else's work: "the original CoELA", "existing NR-VQA datasets".
_PRIOR_WORK_BEFORE = re.compile(r"\b(?:original|vanilla|existing|conventional|prior)\s+$")
_LEADING_BRACKET = re.compile(r"^\s*\([^()]*\)")
STRICT_KINDS = ("possessive", "parts", "passive", "described", "description")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the paper introduces, with the words before (after the cue) and after it, and the
    cue (record id) that put it forward. A strict candidate is never a catalogue name."""

    start: int
    end: int
    before: str
    after: str
    cue: str
    in_title: bool = False
    strict: bool = False
    phrase: str = ""  # the cue's words as matched, lower case (for the counts per phrase)
    short_for: tuple[int, int] | None = None  # the name this one-word name is bracketed after


@dataclass
class Decision:
    """What became of one candidate: the entity it names, or None (not a proposal)."""

    candidate: Candidate
    entity: Span | None


@Language.factory(
    "paperkg_proposed",
    default_config={"cues_path": "proposal_cues.jsonl", "generic_words_path": "generic_words.jsonl",
                    "heads_path": "entity_heads.jsonl"},
)
def make_proposed(nlp: Language, name: str, cues_path: str, generic_words_path: str,
                  heads_path: str) -> ProposalFinder:
    return ProposalFinder(cues_path, generic_words_path, heads_path)


class WordShapes:
    """Whether a word is name-shaped (`_STRONG_NAME`) and whether it is a name word (that or
    capitalised), remembered per word: most of a paper's words were seen in earlier papers, and
    the two regexes per token were a third of `TokenRows`' time."""

    MAX_WORDS = 200_000  # forgotten all at once past this, so a long run's memory stays bounded

    def __init__(self) -> None:
        self._known: dict[str, tuple[bool, bool]] = {}

    def of(self, words: list[str]) -> tuple[list[bool], list[bool]]:
        """(strong, name word) for each of `words`."""
        if len(self._known) > self.MAX_WORDS:
            self._known.clear()
        known = self._known
        shapes = [known.get(word) or self._learn(word) for word in words]
        return [shape[0] for shape in shapes], [shape[1] for shape in shapes]

    def _learn(self, word: str) -> tuple[bool, bool]:
        strong = bool(_STRONG_NAME.search(word))
        shape = self._known[word] = (strong, strong or bool(_CAPITALISED.match(word)))
        return shape


class TokenRows:
    """A doc's token attributes as plain lists, read in one pass, and where a name may start:
    a strong start is mixed-case, two capitals or letters with digits, a weak one may also be a
    capitalised word (`ProposalFinder._starts_name`). The proposal rules look at each token many
    times, and every `doc[i]` or span iteration builds a new Token (737k of them per 300 papers,
    a third of the component's time)."""

    def __init__(self, doc: Doc, generic: set[str], shapes: WordShapes):
        self.doc = doc
        rows = doc.to_array([IDX, LENGTH, SPACY, SENT_START]).tolist()
        text = text_of(doc)
        self.idx: list[int] = [row[0] for row in rows]
        self.text = [text[start:start + length] for start, length, _, _ in rows]  # no Token objects built
        self.space = [row[2] == 1 for row in rows]
        self.sent_start = [row[3] == 1 for row in rows]
        strong, self.name_word = shapes.of(self.text)
        self.strong_start = [False] * len(self.text)
        self.weak_start = [False] * len(self.text)
        for i, text in enumerate(self.text):
            capital = len(text) == 1 and self._capital_before_hyphen(i)
            if (self.name_word[i] or capital) and self._may_start(i, generic):
                self.weak_start[i] = True
                self.strong_start[i] = strong[i] or capital

    def _capital_before_hyphen(self, i: int) -> bool:
        """A single capital joined to a hyphen is name-shaped: "X-Ray-CoT"."""
        return bool(_ONE_CAPITAL.fullmatch(self.text[i])) and i + 1 < len(self.text) and not self.space[i] \
            and self.text[i + 1] == "-"

    def _may_start(self, i: int, generic: set[str]) -> bool:
        """Whether a name-shaped token `i` may start a name: not a generic word (unless a name goes
        on after it), and at the start of a word ("LongQA" in "Time-LongQA" is not)."""
        if name_key(self.text[i]) in generic and not self._continues_name(i):
            return False
        return i == 0 or self.space[i - 1] or self.text[i - 1] in _WORD_OPENERS

    def _continues_name(self, i: int) -> bool:
        """A generic word starts a name only when a capitalised word follows ("Natural Language
        Feedback", "Neural Acoustic Transfer", after the whole compound: "Multi-Modal Moment
        Matching"), not on its own ("Transformers")."""
        last = i
        while last + 2 < len(self.text) and not self.space[last] and self.text[last + 1] == "-" \
                and not self.space[last + 1]:
            last += 2  # "Multi", "-", "Modal"
            if not self.name_word[last] or self.text[last].lower() in _MODIFIER_ENDS:
                return False  # "LLM-based Agent Judge": the gold's name is "Agent Judge"
        return last + 1 < len(self.text) and self.space[last] and self.name_word[last + 1] \
            and not self.sent_start[i]


def _in_running_text(cue: re.Match, sentence: Span) -> bool:
    """A cue in lower case, or capitalised where a sentence starts ("We propose"); not in title
    case ("Cross-Domain Named Entity Recognition")."""
    words = cue.group(0)
    return words[1:] == words[1:].lower() and (words[0].islower() or cue.start() == sentence.start_char)


def _spells(short: str, long: str) -> bool:
    """Whether `short` is made of the initials of `long`'s words ("NAT", "Neural Acoustic
    Transfer"; small words may be skipped) or of its capitals ("RISE", "eRror-Injected Self-Editing")."""
    letters = re.sub(r"([A-Za-z])\^?(\d)", lambda m: m.group(1) * int(m.group(2)), short)  # "S3FT", "D^2O"
    letters = "".join(c for c in letters if c.isalpha()).upper()
    words = re.findall(r"[^\W_]+", long)
    initials = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS).upper()
    return letters in (initials, content, "".join(c for c in long if c.isupper()))


def _uses(text: str, name: str) -> bool:
    """Whether `text` has `name` as a whole word, in the same case."""
    return bool(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text))


def _variants(spans: Iterable[Span], proposed: dict[str, None]) -> list[str]:
    """Named entities whose names extend a proposed one by a capitalised or numbered part
    ("Skywork-OR1-32B", "PIC-LM", "AutoCodeBench-Lite"): the paper's own variants, proposed with
    it (train split: 10 of 10); not "DACE-trained" or "X Technical Report", and not a catalogue's
    name or a listed family's model ("Video-MME", "ResNet-18" after a wrongly proposed "Video", "ResNet")."""
    found: dict[str, None] = {}  # an ordered set
    for span in spans if proposed else ():  # (most papers propose nothing: no span is read)
        name = span.id_
        if name in proposed or span._.generic or span._.source == "gazetteer":
            continue
        model = span._.model or {}
        family = model.get("family", "") if model.get("listed") else ""
        if any(name[:len(stem)].lower() == stem.lower() != family.lower()
               and _VARIANT_PART.fullmatch(name, len(stem)) for stem in proposed):
            found[name] = None
    return list(found)


def _bracketed_after(named_at: dict[tuple[int, int], str], text: str, candidate: Candidate,
                     canonical: str) -> str | None:
    """The proposal whose longer name ends right before the bracket the candidate opens with ("Token
    Compression Pathology LLaVA (TCP-LLaVA), a novel ..."): the name in the bracket is its short form."""
    if text[candidate.start - 1:candidate.start] != "(":
        return None
    end = len(text[:candidate.start - 1].rstrip())
    return next((long for (long_start, long_end), long in named_at.items()
                 if long_end == end and end - long_start > candidate.end - candidate.start
                 and len(long) > len(canonical)), None)


def _called_prior_work(text: str, name: str) -> bool:
    """Whether `name`, as a whole word, comes right after a word that makes it prior work somewhere in
    `text` (found by str.find: a pattern built per name cost 0.6 ms a paper in compiling)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (end < len(text) and (text[end].isalnum() or text[end] in "_-")) \
                and _PRIOR_WORK_BEFORE.search(text, max(0, at - 16), at):
            return True
        at = text.find(name, at + 1)
    return False


def _words_regex(words: Iterable[str]) -> str:
    return phrase_regex(words) if words else r"(?!)"


class ProposalFinder:
    def __init__(self, cues_path: str, generic_words_path: str, heads_path: str) -> None:
        self.cues_path = data_path(cues_path)
        self.generic_words_path = data_path(generic_words_path)
        self.heads_path = data_path(heads_path)
        self.object_cues: list[tuple[str, re.Pattern]] = []
        self.records: dict[str, dict] = {}
        self.generic: set[str] = set()
        self.heads = HeadTypes(())
        self.last_lookups = 0  # the index lookups of the last doc (bench/proposal_scaling.py)
        self._rows: TokenRows | None = None  # the token rows of the doc being read (holds that doc)
        self.shapes = WordShapes()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the proposal cues, generic words and head nouns (config: cues_path,
        generic_words_path, heads_path)."""
        self.generic = set()
        self.heads = HeadTypes(read_jsonl(self.heads_path))
        self.add_patterns(read_jsonl(self.cues_path), read_jsonl(self.generic_words_path))

    def add_patterns(self, cues: Iterable[dict], generic_words: Iterable[dict] = ()) -> None:
        """Cue records (see the module docstring), and generic words (never a name alone)."""
        records = {record["id"]: record for record in cues}
        self.records = records
        by_kind: dict[str, list[dict]] = {}
        for record in records.values():
            by_kind.setdefault(record["kind"], []).append(record)
        self.object_cues = [(record["id"], self._object_regex(record)) for record in by_kind.get("object", ())]
        self.breaks = set(records["clause break"]["phrases"])
        self.break_pattern = re.compile(phrase_regex(self.breaks, not_after=r"[\w-]"),  # not "web-based"
                                        re.IGNORECASE)
        self.examples = re.compile(r"\s*" + phrase_regex(records["example list"]["phrases"]), re.IGNORECASE)
        self.use_words = set(records["use context"]["phrases"])
        self.modified_head = re.compile(r"\s*(?:" + phrase_regex([*self.heads.by_head, "baseline", "baselines"]) + ")",
                                        re.IGNORECASE)
        self.use_verb = re.compile(phrase_regex(records["use verb"]["phrases"]) + r"\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
        self.use_context = re.compile(phrase_regex(records["use context"]["phrases"]) + r"[\s,]*(?:\S+\s+){0,3}$",
                                      re.IGNORECASE)
        self.appositives = [(r["id"], re.compile(r"\s*,\s*" + phrase_regex(r["phrases"]), re.IGNORECASE))
                            for r in by_kind.get("appositive", ())]
        self.described = [(r["id"], self._described_regex(r)) for r in by_kind.get("described", ())]
        self.head_appositives = [
            (r["id"], self._head_appositive_regex(r), re.compile(_words_regex(r["self"]), re.IGNORECASE))
            for r in by_kind.get("head appositive", ())]
        self.descriptions = [(r["id"], re.compile(r"\s*" + phrase_regex(r["phrases"]), re.IGNORECASE))
                             for r in by_kind.get("description", ())]
        self.possessives = [(r["id"], re.compile(phrase_regex(r["phrases"]), re.IGNORECASE))
                            for r in by_kind.get("possessive", ())]
        self.parts = [(r["id"], self._parts_regex(r), re.compile(_words_regex(r["self"]), re.IGNORECASE),
                       set(r["enumerators"]), set(r["skip"])) for r in by_kind.get("parts", ())]
        self.defined_parts = [
            (r["id"], re.compile(rf"(?:{phrase_regex(r['novelty'])})\s+((?:[\w-]+\s+){{0,2}})$", re.IGNORECASE),
             re.compile(rf"\s*\([^)]*\)\s*{phrase_regex(r['heads'])}", re.IGNORECASE),
             re.compile(_words_regex(r["self"]), re.IGNORECASE)) for r in by_kind.get("defined part", ())]
        self.passives = [(r["id"], re.compile(phrase_regex(r["phrases"]), re.IGNORECASE), r.get("max_words", 8))
                         for r in by_kind.get("passive", ())]
        self.titles = by_kind.get("title", [])
        self.descriptor = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:[\w-]+\s+){0,2}?"
                                     + phrase_regex(records["naming phrase"]["phrases"]), re.IGNORECASE)
        self.plain_modifiers = set(records["plain modifier"]["phrases"])
        self.verbish = set(records["after a name"]["phrases"])
        self.generic |= generic_word_keys(generic_words)
        suffixes = "|".join(map(re.escape, records["adjective suffix"]["phrases"]))
        self.adjective = re.compile(rf"-(?:{suffixes})$")

    @staticmethod
    def _object_regex(record: dict) -> re.Pattern:
        """A proposal verb with its subject and an adverb ("we also introduce"), or a phrase."""
        parts = []
        if record.get("verbs"):
            adverbs = rf"(?:{_words_regex(record.get('adverbs', ()))}\s+)?"
            parts.append(rf"{_words_regex(record['subjects'])}\s+{adverbs}{_words_regex(record['verbs'])}")
        if record.get("phrases"):
            parts.append(phrase_regex(record["phrases"]))
        parts += record.get("patterns", ())
        return re.compile("|".join(parts), re.IGNORECASE)

    @staticmethod
    def _parts_regex(record: dict) -> re.Pattern:
        """A structure verb ("consists of") or a count of parts ("two key modules")."""
        counted = rf"{_words_regex(record['counts'])}\s+(?:[\w-]+\s+){{0,3}}?{_words_regex(record['parts'])}"
        return re.compile(f"{phrase_regex(record['phrases'])}|{counted}", re.IGNORECASE)

    def _head_appositive_regex(self, record: dict) -> re.Pattern:
        """ "a[n] <up to max_words words> <head noun>, X": "a diagnostic dataset, NumerSense, ..."."""
        heads = phrase_regex(self.heads.by_head)
        words = rf"(?:[\w-]+\s+){{0,{record['max_words']}}}?"
        return re.compile(rf"{_words_regex(record['articles'])}\s+{words}{heads}\s*,\s*", re.IGNORECASE)

    def _described_regex(self, record: dict) -> re.Pattern:
        """ ", a[n] <up to max_words words> <head noun>": "X, an extensible benchmark for ..."."""
        heads = phrase_regex(self.heads.by_head)
        words = record.get("max_words", 5)
        return re.compile(rf"\s*,\s*{_words_regex(record['articles'])}\s+(?:[\w-]+,?\s+){{0,{words}}}?{heads}",
                          re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Decision]:
        """Set doc._.proposed, the proposed entities' roles and the new entities; return what
        became of each candidate (kg.evaluation.proposal_cues counts them per cue)."""
        entities = MentionIndex(doc, doc.spans.get(ENTITIES_KEY, []))
        self._rows = TokenRows(doc, self.generic, self.shapes)
        proposed: dict[str, None] = {}  # an ordered set
        named: dict[str, str] = {}  # canonical -> type of its NER/acronym mentions, set at the end
        text = text_of(doc)
        decisions = []
        named_at: dict[tuple[int, int], str] = {}  # a candidate's offsets -> its entity's canonical
        same: dict[str, str] = {}  # long form -> short form: one proposal
        for candidate in self.candidates(doc, text, entities, proposed):
            entity = self._entity_for(doc, text, entities, candidate, named, proposed)
            decisions.append(Decision(candidate, entity))
            if entity is not None:
                proposed.setdefault(entity.id_)
                named_at[candidate.start, candidate.end] = entity.id_
                long = named_at.get(candidate.short_for) if candidate.short_for \
                    else _bracketed_after(named_at, text, candidate, entity.id_)
                if long is not None and long != entity.id_:
                    same[long] = entity.id_
        spans = entities.spans()
        same |= self._one_name(proposed)
        proposed |= dict.fromkeys(_variants(spans, proposed))
        for span in spans:
            if span.id_ in named and span._.source in ("ner", "acronym", "pattern", "gazetteer"):
                if named[span.id_] == "Model" != span.label_:  # a new model is its own family
                    span._.model = {**(span._.model or {}), "family": family_of_unlisted(span.id_), "listed": False}
                span._.generic, span.label_ = False, named[span.id_]
            span.id_ = same.get(span.id_, span.id_)
            if span.id_ in proposed:
                span._.role = "proposes"
                if span.label_ == "Task":
                    span.label_ = "Method"  # the guide's proposals are methods, datasets, models, metrics
        doc.spans[ENTITIES_KEY] = sorted(spans, key=lambda s: s.start_char)
        doc._.proposed = [name for name in proposed if name not in same]
        self.last_lookups = entities.lookups
        return decisions

    def _introduced_unnamed(self, doc: Doc, text: str, entities: MentionIndex, canonical: str, start: int) -> bool:
        """Whether a name's earlier mentions are all in one sentence whose proposal verb has the first
        of them in its object, with no clause break between, though no name was taken there ("We
        propose a continual zeroth-order adaptation (ZOA) framework ... our ZOA achieves"): that
        sentence introduced it, so a later "our ZOA" is no use of a known name."""
        starts = entities.starts_before(canonical, start)
        first = starts[0]
        sentence = doc[entities.token_at(first)].sent
        if starts[-1] >= sentence.end_char:
            return False
        return any(_in_running_text(cue, sentence) and self._phrase_end(text[cue.end():first]) == first - cue.end()
                   for _, pattern in self.object_cues for cue in pattern.finditer(text, sentence.start_char, first))

    @staticmethod
    def _one_name(proposed: dict[str, None]) -> dict[str, str]:
        """Proposals that are one thing under two names, a short form and the long form it
        spells ("NAT: Neural Acoustic Transfer ..."): long form -> short form, the canonical."""
        shorts = [name for name in proposed if is_short_form(name) and sum(c.isupper() for c in name) >= 2]
        return {long: short for long in proposed for short in shorts if " " in long and _spells(short, long)}

    def candidates(self, doc: Doc, text: str, entities: MentionIndex,
                   proposed: dict[str, None]) -> Iterator[Candidate]:
        """Every name the paper says it introduces, in text order (title first); `proposed` (the
        entities proposed so far) grows while this runs."""
        yield from self._title_name(doc, text)
        acronym_ends = {long_start: long_end for long_start, long_end, _, _ in doc._.acronyms or ()}
        long_starts = sorted(acronym_ends)
        listing = False  # the last sentence listed parts: "(2) B ..." may follow as a sentence
        for sentence in doc.sents:
            if sentence.end_char <= doc._.title_end:
                continue
            for cue_id, pattern in self.object_cues:
                for cue in pattern.finditer(text, sentence.start_char, sentence.end_char):
                    if not _in_running_text(cue, sentence):
                        continue
                    yield from self._names_after(doc, text, sentence, cue.end(), entities.token_from(cue.end()),
                                                 acronym_ends, cue_id, " ".join(cue.group(0).lower().split()))
            strong_start = self._rows_of(doc).strong_start
            for index in range(sentence.start, sentence.end):
                if index == sentence.start or strong_start[index]:
                    yield from self._appositive(text, sentence, doc[index])
            yield from self._possessive(doc, text, sentence, entities)
            yield from self._head_appositive(doc, text, sentence, entities)
            yield from self._passive(doc, text, sentence, entities, acronym_ends)
            yield from self._defined_parts(text, sentence, long_starts, acronym_ends, entities, proposed)
            parts = list(self._parts(doc, text, sentence, entities, acronym_ends, proposed, listing))
            listing = bool(parts)
            yield from parts

    # -- the title ---------------------------------------------------------------------------

    def _title_name(self, doc: Doc, text: str) -> Iterator[Candidate]:
        title = text[:doc._.title_end]
        if ":" not in title:
            return
        prefix = title[:title.index(":")].strip()
        start = title.index(prefix) if prefix else 0
        if not prefix or not re.match(r"[A-Za-z0-9]", prefix):
            return
        bracketed = _BRACKETED_SHORT_FORM.fullmatch(prefix)
        name = self._title_head(bracketed.group("long") if bracketed else prefix, text[doc._.title_end:])
        if bracketed and name is not None:  # "B-Rep Distance Functions (BR-DF): ...": the short form names it
            name, start = bracketed.group("short"), start + bracketed.start("short")
        if name is None or name_key(name) in self.generic:
            return
        if not _STRONG_NAME.search(name) and re.search(rf"(?<!\w){re.escape(name.lower())}(?:e?s)?(?!\w)", text):
            return  # ordinary words of the abstract, not a name
        yield Candidate(start, start + len(name), "", title[start + len(name):].lstrip(" :"), "title head",
                        in_title=True)

    def _title_head(self, prefix: str, abstract: str) -> str | None:
        """The name a title head "X: ..." gives: X when it is one word or a name and its version
        ("P-Tuning v2"), or a short run of capitalised words that the abstract uses ("Collaborative
        Memory"); a first word alone was right 3 times in 7 on train and seed titles ("SeaEval for
        ...", but "GateNLP at ...", "NLU on Data Diets")."""
        words = prefix.split()
        if len(words) == 1 or (len(words) == 2 and (_VERSION.fullmatch(words[1]) or words[1].isdigit())):
            return prefix
        if any(self._title_phrase_is_name(prefix, record) for record in self.titles) and _uses(abstract, prefix):
            return prefix
        return None

    @staticmethod
    def _title_phrase_is_name(prefix: str, record: dict) -> bool:
        """A title head of several words is a name when it is a short run of capitalised words
        ("Collaborative Memory", "Mixture of Decoding", "Hogwild! Inference"), not a phrase: no
        leading preposition, article or gerund ("Beyond Accuracy", "Enhancing ..."), no verb or
        function word ("Geometry Meets Vision", "SINAI at eRisk"), no comma, no plural at the end
        ("Neuro-Symbolic Frameworks"), no participle ("X-ray Insights Unleashed")."""
        words = prefix.split()
        if len(words) > record["max_words"] or "," in prefix or "'" in prefix or "’" in prefix:
            return False
        first, last = words[0].lower(), words[-1]
        if first in record["not_first"] or first.endswith("ing"):
            return False
        if any(word.lower() in record["not_words"] for word in words):
            return False
        if re.search(r"[^sui]s$", last) or any(re.fullmatch(r"[A-Z][a-z]+ed", word) for word in words):
            return False
        return all(word in ("of", "and") or _STRONG_NAME.search(word) or word[0].isupper() or word[0].isdigit()
                   for word in words)

    # -- names after a cue -------------------------------------------------------------------

    def _names_after(self, doc: Doc, text: str, sentence: Span, position: int, index: int,
                     acronym_ends: dict[int, int], cue: str, phrase: str) -> Iterator[Candidate]:
        """Names in the object of a proposal verb (`position`, token `index` next): "we propose a
        simple method, X, and Y to ...", "we introduce metrics such as A, B and C"."""
        words_before, found = 0, False
        while index < sentence.end:
            token = doc[index]
            example = self.examples.match(text, token.idx) if not found and words_before else None
            if example and self.heads.of_name(doc[index - 1].text):  # "metrics such as A": A is the object
                index = self._token_after(doc, index, sentence, example.end())
                continue
            if token.text in ".;" or token.lower_ in self.breaks:
                return
            defined = acronym_ends.get(token.idx)
            if defined is not None:  # "we propose a negative attention score (NAS)"
                after = self._after(text, sentence, defined)
                if not self.descriptor.match(after) and (not self._modified_concept(text, position, token.idx, defined)
                                                         or set_beside_after_bracket(text, defined)):
                    yield Candidate(token.idx, defined, text[position:token.idx], after, cue, phrase=phrase)
                found = True
                index = self._past_brackets(doc, self._token_after(doc, index, sentence, defined), sentence)
                continue
            if self._starts_name(token, strong=False) \
                    and not _SCORE_END.search(text, max(sentence.start_char, token.idx - 12), token.idx):
                end = self._extend_from_title(doc, text, token.idx, self._name_run_end(text, sentence, index))
                name, after = text[token.idx:end], self._after(text, sentence, end)
                if (_STRONG_NAME.search(name) or " " in name or _WEAK_NAME_END.match(after)) \
                        and not (" " in name and self.descriptor.match(after)) and not self._modifies_noun(after):
                    yield Candidate(token.idx, end, text[position:token.idx], after, cue, phrase=phrase)
                    yield from self._short_form_after(doc, text, sentence, self._token_after(doc, index, sentence, end),
                                                      (token.idx, end), cue, phrase)
                    found = True
                index = self._past_brackets(doc, self._token_after(doc, index, sentence, end), sentence)
                index = self._past_spelled_long_form(doc, text, sentence, index, name)
                continue
            if found and token.lower_ not in GLUE:
                return
            words_before += not token.is_punct
            if words_before > MAX_WORDS_BEFORE_NAME:
                return
            index += 1

    def _modifies_noun(self, after: str) -> bool:
        """A name right before a plain noun modifies it ("a custom CUDA kernel", "group-aware SSM
        elastification"); a head noun ("the QueST framework") or a clause break may follow a name."""
        word = re.match(r" ([a-z][\w-]*)", after)
        return word is not None and word.group(1) not in self.breaks and word.group(1) not in GLUE \
            and not self.modified_head.match(after) and word.group(1) not in self.verbish

    def _modified_concept(self, text: str, position: int, start: int, end: int) -> bool:
        """A lower-case long form after modifiers names a known concept the new thing is made
        of ("a novel duplex speech to speech (S2S) architecture"), not the new thing."""
        if not text[start:end].islower():
            return False
        words = [w for w in re.findall(r"[\w-]+", text[position:start].lower()) if w not in self.plain_modifiers]
        return bool(words)

    def _short_form_after(self, doc: Doc, text: str, sentence: Span, index: int, long: tuple[int, int], cue: str,
                          phrase: str) -> Iterator[Candidate]:
        """The one-word name bracketed right after a name ("Multi-Modal Moment Matching (M4)",
        "Adaptive Note-Enhanced RAG (Adaptive-Note)"), its short form when no acronym definition
        paired them: a second name of the same proposal."""
        if index + 2 >= sentence.end or doc[index].text != "(":
            return
        close = next((t.i for t in doc[index + 1:min(sentence.end, index + 8)] if t.text == ")"), None)
        if close is None or close == index + 1:
            return
        start, end = doc[index + 1].idx, doc[close].idx
        short = text[start:end]
        if " " not in short and (is_short_form(short) or _STRONG_NAME.search(short)) and short != text[slice(*long)]:
            yield Candidate(start, end, "", self._after(text, sentence, end), cue, phrase=phrase, short_for=long)

    @staticmethod
    def _past_spelled_long_form(doc: Doc, text: str, sentence: Span, index: int, name: str) -> int:
        """Past ": <long form>" after a short name that spells it ("we propose SiDyP: Simplex Label
        Diffusion with Dynamic Prior to ..."): one proposal, not two."""
        if index + 1 >= sentence.end or doc[index].text != ":" or not is_short_form(name):
            return index
        words = []
        for token in doc[index + 1:min(sentence.end, index + 1 + 2 * len(name) + 4)]:
            if token.is_punct and token.text != "-":
                break
            words.append(token)
            long = text[words[0].idx:token.idx + len(token)]
            if token.text[:1].lower() == name[-1].lower() and spells_from_start(name, long):
                return token.i + 1
        return index

    @staticmethod
    def _past_brackets(doc: Doc, index: int, sentence: Span) -> int:
        """Past "( ... )" right after a name: its expansion or acronym ("X-Ray-CoT (Chest X-Ray
        Chain-of-Thought)"), no second name."""
        if index >= sentence.end or doc[index].text != "(":
            return index
        depth = 0
        for token in doc[index:min(sentence.end, index + MAX_NAME_TOKENS)]:
            depth += (token.text == "(") - (token.text == ")")
            if depth == 0:
                return token.i + 1
        return index

    @staticmethod
    def _token_after(doc: Doc, index: int, sentence: Span, end: int) -> int:
        while index < sentence.end and doc[index].idx < end:
            index += 1
        return index

    @staticmethod
    def _after(text: str, sentence: Span, end: int) -> str:
        return text[end:min(sentence.end_char, end + AFTER_WINDOW)]

    # -- names described as new --------------------------------------------------------------

    def _appositive(self, text: str, sentence: Span, token: Token) -> Iterator[Candidate]:
        """ "X, a novel ..." (anywhere), "X, an extensible benchmark ..." (not where X is used or
        compared: "using X, a ..."), or "X is a ..." (starting a sentence); a capital that only
        starts the sentence ("It", "Additionally") is no sign of a name."""
        if token.i == sentence.start and (token.lower_ in self.use_words or token.lower_ in self.breaks
                                          or token.lower_.endswith("ing")):
            return  # "Using ContraTICO, a dataset ...": the name starts at the next word
        end = self._name_run_end(text, sentence, token.i)
        if not _STRONG_NAME.search(text[token.idx:end]):
            return
        after = self._after(text, sentence, end)
        # "Reasoning Dependency Generation (RDG), a novel framework": a short form is described past its bracket
        bracketed = text[token.idx - 1:token.idx] == "(" and after.startswith(")") and " " not in text[token.idx:end]
        for cue, pattern in self.appositives:
            if pattern.match(after[1:] if bracketed else after):
                yield Candidate(token.idx, end, "", after, cue)
                return
        if token.i == sentence.start:
            for cue, pattern in self.descriptions:
                if pattern.match(after):
                    yield Candidate(token.idx, end, "", after, cue, strict=True)
                    return
        before = text[max(sentence.start_char, token.idx - 60):token.idx]
        for cue, pattern in self.described:
            if pattern.match(after) and not self.use_context.search(before):
                yield Candidate(token.idx, end, "", after, cue, strict=True)
                return

    def _head_appositive(self, doc: Doc, text: str, sentence: Span, entities: MentionIndex) -> Iterator[Candidate]:
        """ "we introduce a novel probing task with a diagnostic dataset, NumerSense, ...": a
        name set off by commas after a head noun the paper introduces (with an article, in a
        sentence where the paper speaks of itself)."""
        for cue, pattern, self_words in self.head_appositives:
            for found in pattern.finditer(text, sentence.start_char, sentence.end_char):
                index = entities.token_from(found.end())
                if index >= sentence.end or not self._starts_name(doc[index], strong=False) \
                        or not self_words.search(text, sentence.start_char, found.start()) \
                        or self.use_verb.search(text[sentence.start_char:found.end()]):
                    continue
                end = self._name_run_end(text, sentence, index)
                after = self._after(text, sentence, end)
                if _STRONG_NAME.search(text[doc[index].idx:end]) and re.match(r"\s*(?:[,.;:(]|$)", after):
                    yield Candidate(doc[index].idx, end, found.group(0), after, cue, strict=True)

    def _possessive(self, doc: Doc, text: str, sentence: Span, entities: MentionIndex) -> Iterator[Candidate]:
        """ "our X", "our proposed X", "our model, X" (a head noun and a comma between)."""
        for cue, pattern in self.possessives:
            for found in pattern.finditer(text, sentence.start_char, sentence.end_char):
                index = entities.token_from(found.end())
                if index < sentence.end and self.heads.of_name(doc[index].text) and index + 2 < sentence.end \
                        and doc[index + 1].text == ",":
                    index += 2  # "Our model, Monet-7B, shows ..."
                while index < sentence.end and self._starts_name(doc[index], strong=False):
                    end = self._name_run_end(text, sentence, index)
                    if not _STRONG_NAME.search(text[doc[index].idx:end]) or _WHERE_IT_LIVES.match(text, end):
                        break
                    yield Candidate(doc[index].idx, end, text[found.start():doc[index].idx],
                                    self._after(text, sentence, end), cue, strict=True)
                    index = self._token_after(doc, index, sentence, end)
                    if index + 1 < sentence.end and doc[index].lower_ == "and":
                        index += 1  # "our Mamba-SL and Transformer-SL classifiers"
                    else:
                        break

    # -- parts of a proposal -----------------------------------------------------------------

    def _parts(self, doc: Doc, text: str, sentence: Span, entities: MentionIndex, acronym_ends: dict[int, int],
               proposed: dict[str, None], listing: bool) -> Iterator[Candidate]:
        """The parts a sentence about the proposal lists after a parts cue ("X consists of two
        modules: ...", "Our approach integrates three key innovations: (1) ..."): each item's
        name, an item being what follows the cue, an enumerator or a separator, past articles.
        A sentence opening with an enumerator continues the last sentence's list."""
        for cue, pattern, self_words, enumerators, skip in self.parts:
            if listing and self._enumerator_end(doc, sentence.start, sentence.end, enumerators):
                yield from self._items(doc, text, sentence, sentence.start, acronym_ends, enumerators, skip, cue)
                return
            for found in pattern.finditer(text, sentence.start_char, sentence.end_char):
                subject = text[sentence.start_char:found.start()]
                about_proposal = self_words.search(subject) or any(
                    span.id_ in proposed for span in entities.overlapping(sentence.start_char, found.start()))
                if about_proposal:
                    yield from self._items(doc, text, sentence, entities.token_from(found.end()), acronym_ends,
                                           enumerators, skip, cue)
                    return

    def _items(self, doc: Doc, text: str, sentence: Span, index: int, acronym_ends: dict[int, int],
               enumerators: set[str], skip: set[str], cue: str) -> Iterator[Candidate]:
        """The items of a list of parts from token `index`: a long form an acronym defines after a
        separator ("two modules: a Spiking Encoder (SE) ..., and an Attention Gating Module
        (AGM)"), or a name after an enumerator ("(1) Answer-Clustered Search, ..."); articles and
        a few adjectives may come first. Other names in a list are mostly things used."""
        item_start, enumerated, skipped = True, False, 0
        last = min(sentence.end, index + MAX_LIST_TOKENS)
        while index < last:
            token = doc[index]
            after_enumerator = self._enumerator_end(doc, index, last, enumerators)
            if after_enumerator:
                index, item_start, enumerated, skipped = after_enumerator, True, True, 0
                continue
            if token.lower_ in _LIST_SEPARATORS or token.lower_ in ("as", "well"):
                index, item_start, enumerated, skipped = index + 1, True, False, 0
                continue
            if item_start and (token.lower_ in skip and skipped < 3 or token.text in _WORD_OPENERS):
                index, skipped = index + 1, skipped + 1
                continue
            if item_start:
                defined = acronym_ends.get(token.idx)
                end = defined
                if end is None and enumerated and self._starts_name(token, strong=False):
                    end = self._name_run_end(text, sentence, index)
                    if not (_STRONG_NAME.search(text[token.idx:end]) or " " in text[token.idx:end]):
                        end = None
                if end is not None:
                    item = text[max(sentence.start_char, token.idx - 40):token.idx]
                    yield Candidate(token.idx, end, item, self._after(text, sentence, end), cue, strict=True)
                    index = self._token_after(doc, index, sentence, end)
                    item_start = enumerated = False
                    continue
            item_start = enumerated = False
            index += 1

    @staticmethod
    def _enumerator_end(doc: Doc, index: int, last: int, enumerators: set[str]) -> int:
        """The token after an enumerator "(1)", "(ii)" or "1)" at `index`, else 0."""
        if index + 2 < last and doc[index].text == "(" and doc[index + 1].lower_ in enumerators \
                and doc[index + 2].text == ")":
            return index + 3
        if index + 1 < last and doc[index].text in enumerators and doc[index + 1].text == ")" and \
                doc[index].text.isdigit():
            return index + 2
        return 0

    def _defined_parts(self, text: str, sentence: Span, long_starts: list[int], acronym_ends: dict[int, int],
                       entities: MentionIndex, proposed: dict[str, None]) -> Iterator[Candidate]:
        """A long form its acronym defines, new by the words before it ("built upon a novel
        Context-Independent Imperative Paradigm (CIP)") or a part of the proposal by the head noun
        after it, in a sentence about the proposal ("through a Self-State Encoder (SSE) mechanism")."""
        first = bisect_left(long_starts, sentence.start_char)
        last = bisect_left(long_starts, sentence.end_char)
        for start in long_starts[first:last]:
            end = acronym_ends[start]
            before, after = text[sentence.start_char:start], self._after(text, sentence, end)
            for cue, novelty, head_after, self_words in self.defined_parts:
                about_proposal = self_words.search(before) or any(
                    span.id_ in proposed for span in entities.overlapping(sentence.start_char, start))
                novel = novelty.search(before)
                introduced = re.search(r"\b(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}$", before, re.IGNORECASE)
                if not (novel or head_after.match(after) and about_proposal and introduced) \
                        or self.use_verb.search(before) \
                        or re.match(r"[a-z]+ing\b", text[start:end]) \
                        or (novel and self._modified_concept(text, sentence.start_char + novel.start(1), start, end)):
                    continue
                yield Candidate(start, end, before[-40:], after, cue, strict=True)
                break

    def _passive(self, doc: Doc, text: str, sentence: Span, entities: MentionIndex,
                 acronym_ends: dict[int, int]) -> Iterator[Candidate]:
        """ "a Soft-masked Semi-dual Optimal Transport (SSOT) method is proposed": names a few
        words before a passive proposal verb (not "which was proposed by ..."); "two models are
        developed: the SPM and the MPM": the items after it."""
        for cue, pattern, max_words in self.passives:
            for found in pattern.finditer(text, sentence.start_char, sentence.end_char):
                subject = text[sentence.start_char:found.start()]
                if re.search(r"\b(?:which|that|who|been|previously|recently)\s*$", subject, re.IGNORECASE) or \
                        re.match(r"\s*by\b", text[found.end():]):
                    continue
                first = max(sentence.start, entities.token_from(found.start()) - max_words - 4)
                index = first
                while index < sentence.end and doc[index].idx < found.start():
                    token = doc[index]
                    defined = acronym_ends.get(token.idx)
                    end = defined if defined is not None else (
                        self._name_run_end(text, sentence, index) if self._starts_name(token, strong=True) else None)
                    if end is not None and end <= found.start():
                        yield Candidate(token.idx, end, text[doc[first].idx:token.idx],
                                        self._after(text, sentence, end), cue, strict=True)
                        index = self._token_after(doc, index, sentence, end)
                        yield from self._short_form_after(doc, text, sentence, index, (token.idx, end), cue, "")
                        index = self._past_brackets(doc, index, sentence)
                        continue
                    index += 1
                if text[found.end():found.end() + 2].strip().startswith(":"):
                    yield from self._items(doc, text, sentence, entities.token_from(found.end() + 1), acronym_ends,
                                           set(), {"a", "an", "the"}, cue)

    # -- name shapes -------------------------------------------------------------------------

    def _extend_from_title(self, doc: Doc, text: str, start: int, end: int) -> int:
        """Extend a name over lower-case words when the title spells the longer name ("Distilling
        step-by-step" in the abstract, "Distilling Step-by-Step" in the title)."""
        title = text[:doc._.title_end].lower()
        if start < doc._.title_end or not title:
            return end
        best = end
        name = doc.char_span(start, end, alignment_mode="expand")
        assert name is not None, "expand aligns any offsets inside the text; these are a token's and its run's"
        for token in doc[name.end:][:6]:
            if token.is_punct and token.text != "-" or token.is_sent_start:
                break
            longer = text[start:token.idx + len(token)].lower()
            if longer not in title:
                break
            if re.search(rf"(?<!\w){re.escape(longer)}(?!\w)", title):
                best = token.idx + len(token)
        return best

    def _starts_name(self, token: Token, strong: bool) -> bool:
        """Whether a name may start at `token` (see `TokenRows._starts_name`)."""
        rows = self._rows_of(token.doc)
        return (rows.strong_start if strong else rows.weak_start)[token.i]

    def _rows_of(self, doc: Doc) -> TokenRows:
        """The doc's token rows, made once per doc (`find` makes them for its doc)."""
        if self._rows is None or self._rows.doc is not doc:
            self._rows = TokenRows(doc, self.generic, self.shapes)
        return self._rows

    def _name_run_end(self, text: str, sentence: Span, index: int) -> int:
        """End offset of a run of name-shaped words from `index`: hyphen compounds, title-case
        words, a version or number ("P-Tuning v2", "CASTLE 2024"); brackets, commas, "'s" end it."""
        rows = self._rows_of(sentence.doc)
        first = rows.idx[index]
        end = first + len(rows.text[index])
        for i in range(index + 1, min(sentence.end, index + MAX_NAME_TOKENS)):
            word = rows.text[i]
            if text[end - 1] == ".":
                break  # "Commonsense-T2I. Given ..." where the tokenizer kept the full stop
            joined = rows.idx[i] == end
            run = text[first:end]
            if word == ")" and joined and run.count("(") > run.count(")"):
                end = rows.idx[i] + 1  # "RefCOCO(+/g)"
                continue
            if word in "()[],;:.\"“”" or word.startswith("'"):
                break
            if word.lower() == "of" and i + 1 < sentence.end and rows.name_word[i + 1] \
                    and not rows.sent_start[i]:
                continue  # "Mixture of Adapters": the next word decides
            if not (joined or rows.name_word[i] or _VERSION.fullmatch(word) or word.isdigit()):
                break
            end = rows.idx[i] + len(word)
        while text[end - 1] in "-." and end - 1 > first:
            end -= 1
        return end

    # -- from a candidate to an entity -------------------------------------------------------

    def _entity_for(self, doc: Doc, text: str, entities: MentionIndex, candidate: Candidate,
                    named: dict[str, str], proposed: dict[str, None]) -> Span | None:
        """The entity named by `candidate`, made (with its other mentions) when there is none;
        None when the name is no new entity (generic, or already used before it was "proposed").
        `named` collects the type of entities the NER or an acronym found (confirmed named)."""
        start, end = candidate.start, candidate.end
        name = text[start:end]
        if is_generic_phrase(name, self.generic) or _NOT_A_NAME.search(name) or self.adjective.search(name) \
                or _SIZE_THEN_WORDS.match(name) or _CITATION.match(candidate.after):
            return None  # generic, a number or URL, or an adjective ("AmbientGAN-based")
        if _called_prior_work(text, name):
            return None  # the paper calls it prior work elsewhere: "compared to the original CoELA system"
        overlapping = entities.overlapping(start, end)
        containing = [e for e in overlapping if e.start_char <= start and end <= e.end_char]
        if containing and containing[0]._.source == "ner" and _STRONG_NAME.search(name) \
                and (containing[0].start_char, containing[0].end_char) != (start, end):
            entities.remove(containing[0])  # the NER span runs past the name: the name's bounds win
            return self._entity_for(doc, text, entities, candidate, named, proposed)
        if containing:
            entity = containing[0]
            if entity._.source == "pattern" and entity.label_ == "Method" \
                    and (label := self._type_of(candidate, name)) != "Method":
                named[entity.id_] = label  # a later head says more than the default ("X, the first benchmark")
            if entities.mentioned_before(entity.id_, start) and not candidate.in_title \
                    and (entity.id_ in proposed
                         or not self._introduced_unnamed(doc, text, entities, entity.id_, start)):
                return None
            known = entity._.source == "gazetteer" or (
                entity.label_ == "Model" and (entity._.model or {}).get("listed"))
            if known and (candidate.strict or self.modified_head.match(candidate.after)):
                return None  # a known name modifying the new thing: "we develop an RL approach", "a GPT-4 baseline"
            if entity._.source in ("ner", "acronym"):  # the paper names it: typed by its head noun
                named[entity.id_] = self._type_of(candidate, name, default=named.get(entity.id_, entity.label_))
            elif entity._.source == "gazetteer" and (entity.start_char, entity.end_char) == (start, end) \
                    and (head := self._type_of(candidate, name, default="")):
                named[entity.id_] = head  # a catalogue homonym: "we propose EMMA, an efficient architecture"
            return entity
        if any(e.start_char < start or e.end_char > end for e in overlapping) or any(
                self._label(e, named) == "Model" and not self._named_after_model(text, e, candidate)
                for e in overlapping):
            return None  # crosses an entity, or would swallow a model name ("Llama2-70B-based")
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not span.text:
            return None
        label = self._type_of(candidate, name)
        for e in overlapping:
            entities.remove(e)
        same_name = entities.first_with_key(name_key(span.text))  # "Co-Spy" after "CO-SPY": one canonical
        canonical = same_name.id_ if same_name is not None else span.text
        if same_name is not None and same_name._.source == "pattern" and label != same_name.label_:
            label = named[canonical] = label if label != "Method" else same_name.label_  # one name, one type
        created = None
        for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", text):
            if entities.overlapping(match.start(), match.end()):
                continue
            mention = doc.char_span(match.start(), match.end(), label=label, span_id=canonical)
            if mention is None:
                continue
            mention._.source, mention._.score, mention._.generic = "pattern", 1.0, False
            mention._.model = {"family": family_of_unlisted(canonical), "listed": False} if label == "Model" else None
            entities.add(mention)
            if match.start() == span.start_char:
                created = mention
        return created

    @staticmethod
    def _named_after_model(text: str, model: Span, candidate: Candidate) -> bool:
        """A new name built on a model family's ("Nemotron Elastic") under a strong cue: a
        capitalised word besides the model's."""
        rest = text[candidate.start:model.start_char] + " " + text[model.end_char:candidate.end]
        return not candidate.strict and bool(re.search(r"(?<![\w-])[A-Z][a-z]", rest))

    @staticmethod
    def _label(span: Span, named: dict[str, str]) -> str:
        """The span's type, with the one a proposal gave its NER/acronym mentions."""
        return named.get(span.id_, span.label_) if span._.source in ("ner", "acronym") else span.label_

    def _type_of(self, candidate: Candidate, name: str, default: str = "Method") -> str:
        """The head noun introducing the name ("a new benchmark, X") or right after it ("X, a
        simple technique that ..."), up to the first clause break; Method by default. A name
        described in apposition as a language or foundation model ("X, a compact language model",
        "X, a family of LLMs") is a Model; one that says it is a dataset ("HeartBench, a framework
        designed to evaluate ...", "Analytical Reliability Benchmark") is a Dataset whatever its head.
        The bracket right after a long form (its short form) or a short form (its long form) is no
        head: "Cross-platform Short-Video (XS-Video) dataset", "MS-GAGA (Metric-Selective ...), a
        two-stage framework". A model's class noun in the abstract makes a Method of a name the NER
        called a Dataset or Metric ("TriVLA, a unified Vision-Language-Action model")."""
        if DATASET_NAME.search(name) or self.heads.of_name(name) == "Dataset":
            return "Dataset"  # "Analytical Reliability Benchmark (ARB), a reproducible framework"
        after = _LEADING_BRACKET.sub("", candidate.after).lstrip(" ,")  # "MS-GAGA (Metric-...), a framework"
        if not candidate.in_title and names_a_pretrained_model(candidate.after):
            return "Model"
        for text in (candidate.before, after[:self._phrase_end(after)]):
            label = self.heads.first_in(text, PROPOSED_TYPES)
            if label is not None:
                return label
            if default not in ("Model", "Method") and not candidate.in_title and self.heads.first_in(text, ("Model",)):
                return "Method"  # "TriVLA, a unified Vision-Language-Action model": no dataset nor metric
        return default

    def _phrase_end(self, text: str) -> int:
        ends = [m.start() for m in (self.break_pattern.search(text), _PUNCT_BREAK.search(text)) if m]
        return min(ends, default=len(text))
