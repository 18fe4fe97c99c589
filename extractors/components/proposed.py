"""What the paper introduces (doc._.proposed): names after a proposal cue, or naming the title.

Evidence, in the words of GUIDE.md: "we propose/introduce/present X", "X, a novel ...", "... called
X", "we propose a negative attention score (NAS)", and a title "X: ..." whose X is a single name
(not an ordinary word the abstract also uses in lower case, like "Confabulation"). X is an entity
span already, or a name-shaped run of tokens (capitalised or mixed-case words: "Conjugate
Prompting", "LoFiT"), which then becomes an entity (source "pattern") typed by the head noun next
to it (benchmark/dataset/corpus -> Dataset, metric/score -> Metric, else Method; a Model only when
the model grammar knows its family, and then it is a model entity already). Not proposals: generic
phrases, names used before the proposal sentence, known names modifying the new thing ("an RL
approach"), adjectives ("AmbientGAN-based"). Every mention of a proposed entity gets role "proposes".
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.attributes import ENTITIES_KEY, text_of
from extractors.rules.data import data_path
from extractors.rules.phrases import HeadTypes, generic_word_keys, is_generic_phrase, phrase_regex
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

# A new name is a Model only when the model grammar knows its family (then it is an entity already).
PROPOSED_TYPES = ("Dataset", "Metric", "Method")
MAX_WORDS_BEFORE_NAME = 8
MAX_NAME_TOKENS = 24  # a name is never longer; bounds the work per token in a run of capitals
AFTER_WINDOW = 200  # characters after a name read for its appositive and head noun
GLUE = {",", "and", "(", ")", "as", "well", "namely", ":"}
# Mixed case, two capitals, or letters with digits: "LoFiT", "URIAL", "T5", "Llama2".
_STRONG_NAME = re.compile(r"[A-Z].*[A-Z]|[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]")
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_VERSION = re.compile(r"v\d+(?:\.\d+)*")
# A single capitalised word after a cue is a name only when the phrase ends there ("we introduce
# Okapi, ..."), not when it modifies a noun ("we introduce a truncated Gaussian to ...").
_WEAK_NAME_END = re.compile(r"\s*(?:[,(:.]|$|is\b|which\b|that\b)")
_PUNCT_BREAK = re.compile(r"[,.;:()]")
_NOT_A_NAME = re.compile(r"^\d|://|www\.|@")  # "50K-sample", URLs, e-mail addresses


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name the paper introduces, with the words before (after the cue) and after it."""

    start: int
    end: int
    before: str
    after: str
    in_title: bool = False


class MentionIndex:
    """The doc's entity spans, with the lookups the finder makes for each candidate in time that
    does not grow with the abstract: spans over a token range (each span filed under its tokens),
    the first abstract mention of a canonical, the first span of a name key. A scan of every entity
    for every candidate made a 100k-character abstract repeating its proposal take 75 s.
    `lookups` counts the spans looked at, for the linear-time test and bench/proposal_scaling.py."""

    def __init__(self, doc: Doc, spans: Iterable[Span]):
        self.doc = doc
        self.token_starts = [token.idx for token in doc]
        self.lookups = 0
        self._order = count()
        self._seq: dict[int, int] = {}  # id(span) -> insertion number: the order of a plain list
        self._spans: dict[int, Span] = {}  # insertion number -> span
        self._by_token: dict[int, list[int]] = defaultdict(list)  # token -> insertion numbers
        self._body_starts: dict[str, list[int]] = defaultdict(list)  # canonical -> starts after the title
        self._by_key: dict[str, dict[int, Span]] = defaultdict(dict)  # name_key(text) -> spans
        for span in spans:
            self.add(span)

    def add(self, span: Span) -> None:
        seq = next(self._order)
        self._seq[id(span)], self._spans[seq] = seq, span
        for token in range(span.start, span.end):
            self._by_token[token].append(seq)
        if span.start_char > self.doc._.title_end:
            insort(self._body_starts[span.id_], span.start_char)
        self._by_key[name_key(span.text)][seq] = span

    def remove(self, span: Span) -> None:
        seq = self._seq.pop(id(span))
        del self._spans[seq]
        for token in range(span.start, span.end):
            self._by_token[token].remove(seq)
        if span.start_char > self.doc._.title_end:
            starts = self._body_starts[span.id_]
            del starts[bisect_left(starts, span.start_char)]
        del self._by_key[name_key(span.text)][seq]

    def token_at(self, char: int) -> int:
        """The index of the token holding character `char`."""
        return max(bisect_left(self.token_starts, char + 1) - 1, 0)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with start_char < end and start < end_char, in list order."""
        found = {seq for token in range(self.token_at(start), self.token_at(end - 1) + 1)
                 for seq in self._by_token.get(token, ())}
        self.lookups += len(found) + 1
        spans = [self._spans[seq] for seq in sorted(found)]
        return [span for span in spans if span.start_char < end and start < span.end_char]

    def mentioned_before(self, canonical: str, start: int) -> bool:
        """Whether a mention of `canonical` starts in the abstract before `start`."""
        starts = self._body_starts.get(canonical)
        self.lookups += 1
        return bool(starts) and starts[0] < start

    def first_with_key(self, key: str) -> Span | None:
        spans = self._by_key.get(key)
        self.lookups += 1
        return next(iter(spans.values())) if spans else None

    def spans(self) -> list[Span]:
        return list(self._spans.values())


@Language.factory(
    "paperkg_proposed",
    default_config={"cues_path": "proposal_cues.jsonl", "generic_words_path": "generic_words.jsonl",
                    "heads_path": "entity_heads.jsonl"},
)
def make_proposed(nlp: Language, name: str, cues_path: str, generic_words_path: str,
                  heads_path: str) -> ProposalFinder:
    return ProposalFinder(cues_path, generic_words_path, heads_path)


def is_name_token(token: Token) -> bool:
    return bool(_STRONG_NAME.search(token.text) or _CAPITALISED.match(token.text))


class ProposalFinder:
    def __init__(self, cues_path: str, generic_words_path: str, heads_path: str) -> None:
        self.cues_path = data_path(cues_path)
        self.generic_words_path = data_path(generic_words_path)
        self.heads_path = data_path(heads_path)
        self.cue_pattern: re.Pattern | None = None
        self.breaks: set[str] = set()
        self.break_pattern: re.Pattern | None = None
        self.novelty: re.Pattern | None = None
        self.description: re.Pattern | None = None
        self.adjective: re.Pattern | None = None
        self.generic: set[str] = set()
        self.heads = HeadTypes(())
        self.last_lookups = 0  # the index lookups of the last doc (bench/proposal_scaling.py)

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the proposal cues, generic words and head nouns (config: cues_path,
        generic_words_path, heads_path)."""
        self.generic = set()
        self.add_patterns(read_jsonl(self.cues_path), read_jsonl(self.generic_words_path))
        self.heads = HeadTypes(read_jsonl(self.heads_path))

    def add_patterns(self, cues: Iterable[dict], generic_words: Iterable[dict] = ()) -> None:
        records = {record["id"]: record for record in cues}
        verbs = records["proposal verb"]
        self.cue_pattern = re.compile(
            "|".join([phrase_regex(verbs["phrases"]), *verbs.get("patterns", ())]), re.IGNORECASE)
        self.breaks = set(records["clause break"]["phrases"])
        self.break_pattern = re.compile(phrase_regex(self.breaks), re.IGNORECASE)
        appositive = r"^\s*(?:,\s*|is\s+|was\s+)"
        self.novelty = re.compile(appositive + phrase_regex(records["novelty"]["phrases"]), re.IGNORECASE)
        self.description = re.compile(
            appositive + phrase_regex(records["novelty"]["phrases"] + records["description"]["phrases"]),
            re.IGNORECASE)
        self.generic |= generic_word_keys(generic_words)
        suffixes = "|".join(map(re.escape, records["adjective suffix"]["phrases"]))
        self.adjective = re.compile(rf"-(?:{suffixes})$")

    def __call__(self, doc: Doc) -> Doc:
        entities = MentionIndex(doc, doc.spans.get(ENTITIES_KEY, []))
        proposed: dict[str, None] = {}  # an ordered set
        named: dict[str, str] = {}  # canonical -> type of its NER/acronym mentions, set at the end
        text = text_of(doc)
        for candidate in self.candidates(doc, text, entities):
            entity = self._entity_for(doc, text, entities, candidate, named)
            if entity is not None:
                proposed.setdefault(entity.id_)
        spans = entities.spans()
        for span in spans:
            if span.id_ in named and span._.source in ("ner", "acronym"):
                span._.generic, span.label_ = False, named[span.id_]
            if span.id_ in proposed:
                span._.role = "proposes"
        doc.spans[ENTITIES_KEY] = sorted(spans, key=lambda s: s.start_char)
        doc._.proposed = list(proposed)
        self.last_lookups = entities.lookups
        return doc

    def candidates(self, doc: Doc, text: str, entities: MentionIndex) -> Iterator[Candidate]:
        """Every name the paper says it introduces, in text order (title first)."""
        yield from self._title_name(doc, text)
        acronym_ends = {long_start: long_end for long_start, long_end, _, _ in doc._.acronyms or ()}
        for sentence in doc.sents:
            for cue in self.cue_pattern.finditer(text, sentence.start_char, sentence.end_char):
                first = entities.token_at(cue.end())
                if doc[first].idx < cue.end():
                    first += 1
                yield from self._names_after(doc, text, sentence, cue.end(), first, acronym_ends)
            for token in sentence:
                if token.i == sentence.start or self._starts_name(token, strong=True):
                    yield from self._appositive(text, sentence, token)

    def _appositive(self, text: str, sentence: Span, token: Token) -> Iterator[Candidate]:
        """ "X, a novel ..." (anywhere) or "X is a simple ..." (starting a sentence); a capital
        that only starts the sentence ("It", "Additionally") is no sign of a name."""
        end = self._name_run_end(text, sentence, token.i)
        if not _STRONG_NAME.search(text[token.idx:end]):
            return
        after = text[end:min(sentence.end_char, end + AFTER_WINDOW)]
        pattern = self.description if token.i == sentence.start else self.novelty
        if pattern.match(after):
            yield Candidate(token.idx, end, "", after)

    def _title_name(self, doc: Doc, text: str) -> Iterator[Candidate]:
        title = text[:doc._.title_end]
        if ":" not in title:
            return
        prefix = title[:title.index(":")].strip()
        start = title.index(prefix) if prefix else 0
        if not prefix or " " in prefix or not re.match(r"[A-Za-z0-9]", prefix):
            return
        if name_key(prefix) in self.generic:
            return
        if not _STRONG_NAME.search(prefix) and re.search(rf"(?<!\w){re.escape(prefix.lower())}(?:e?s)?(?!\w)",
                                                         text):
            return  # an ordinary word of the abstract, not a name
        yield Candidate(start, start + len(prefix), "", title[start + len(prefix) + 1:], in_title=True)

    def _names_after(self, doc: Doc, text: str, sentence: Span, position: int, index: int,
                     acronym_ends: dict[int, int]) -> Iterator[Candidate]:
        """Names in the object of a proposal verb (`position`, token `index` next): "we propose a
        simple method, X, and Y to ..."."""
        words_before, found = 0, False
        while index < sentence.end:
            token = doc[index]
            if token.text in ".;" or token.lower_ in self.breaks:
                return
            defined = acronym_ends.get(token.idx)
            if defined is not None:  # "we propose a negative attention score (NAS)"
                yield Candidate(token.idx, defined, text[position:token.idx],
                                text[defined:min(sentence.end_char, defined + AFTER_WINDOW)])
                found = True
                index = next((t.i for t in doc[index:sentence.end] if t.idx >= defined), sentence.end)
                continue
            if self._starts_name(token, strong=False):
                end = self._extend_from_title(doc, text, token.idx,
                                              self._name_run_end(text, sentence, index))
                name, after = text[token.idx:end], text[end:min(sentence.end_char, end + AFTER_WINDOW)]
                if _STRONG_NAME.search(name) or " " in name or _WEAK_NAME_END.match(after):
                    yield Candidate(token.idx, end, text[position:token.idx], after)
                    found = True
                index = next((t.i for t in doc[index:sentence.end] if t.idx >= end), sentence.end)
                continue
            if found and token.lower_ not in GLUE:
                return
            words_before += not token.is_punct
            if words_before > MAX_WORDS_BEFORE_NAME:
                return
            index += 1

    def _extend_from_title(self, doc: Doc, text: str, start: int, end: int) -> int:
        """Extend a name over lower-case words when the title spells the longer name ("Distilling
        step-by-step" in the abstract, "Distilling Step-by-Step" in the title)."""
        title = text[:doc._.title_end].lower()
        if start < doc._.title_end or not title:
            return end
        best = end
        for token in doc[doc.char_span(start, end, alignment_mode="expand").end:][:6]:
            if token.is_punct and token.text != "-" or token.is_sent_start:
                break
            longer = text[start:token.idx + len(token)].lower()
            if longer not in title:
                break
            if re.search(rf"(?<!\w){re.escape(longer)}(?!\w)", title):
                best = token.idx + len(token)
        return best

    def _starts_name(self, token: Token, strong: bool) -> bool:
        shaped = _STRONG_NAME.search(token.text) if strong else is_name_token(token)
        return bool(shaped) and name_key(token.text) not in self.generic

    def _name_run_end(self, text: str, sentence: Span, index: int) -> int:
        """End offset of a run of name-shaped words from `index`: hyphen compounds, title-case
        words, a version or number ("P-Tuning v2", "CASTLE 2024"); brackets, commas, "'s" end it."""
        doc = sentence.doc
        end = doc[index].idx + len(doc[index])
        for token in doc[index + 1: min(sentence.end, index + MAX_NAME_TOKENS)]:
            if text[end - 1] == ".":
                break  # "Commonsense-T2I. Given ..." where the tokenizer kept the full stop
            joined = token.idx == end
            run = text[doc[index].idx:end]
            if token.text == ")" and joined and run.count("(") > run.count(")"):
                end = token.idx + 1  # "RefCOCO(+/g)"
                continue
            if token.text in "()[],;:." or token.text.startswith("'"):
                break
            if not (joined or is_name_token(token) or _VERSION.fullmatch(token.text) or token.is_digit):
                break
            end = token.idx + len(token)
        while text[end - 1] in "-." and end - 1 > doc[index].idx:
            end -= 1
        return end

    def _entity_for(self, doc: Doc, text: str, entities: MentionIndex, candidate: Candidate,
                    named: dict[str, str]) -> Span | None:
        """The entity named by `candidate`, made (with its other mentions) when there is none;
        None when the name is no new entity (generic, or already used before it was "proposed").
        `named` collects the type of entities the NER or an acronym found (confirmed named)."""
        start, end = candidate.start, candidate.end
        name = text[start:end]
        if is_generic_phrase(name, self.generic) or _NOT_A_NAME.search(name) or self.adjective.search(name):
            return None  # generic, a number or URL, or an adjective ("AmbientGAN-based")
        overlapping = entities.overlapping(start, end)
        containing = [e for e in overlapping if e.start_char <= start and end <= e.end_char]
        if containing and containing[0]._.source == "ner" and _STRONG_NAME.search(name) \
                and (containing[0].start_char, containing[0].end_char) != (start, end):
            entities.remove(containing[0])  # the NER span runs past the name: the name's bounds win
            return self._entity_for(doc, text, entities, candidate, named)
        if containing:
            entity = containing[0]
            if entities.mentioned_before(entity.id_, start) and not candidate.in_title:
                return None
            if entity._.source in ("ner", "acronym"):  # the paper names it: typed by its head noun
                named[entity.id_] = self._type_of(candidate, default=named.get(entity.id_, entity.label_))
            if entity._.source == "gazetteer" and self.heads.pattern.match(candidate.after.lstrip()):
                return None  # a known name modifying the new thing: "we develop an RL approach"
            return entity
        if any(e.start_char < start or e.end_char > end or self._label(e, named) == "Model" for e in overlapping):
            return None  # crosses an entity, or would swallow a model name ("Llama2-70B-based")
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not span.text:
            return None
        label = self._type_of(candidate)
        for e in overlapping:
            entities.remove(e)
        same_name = entities.first_with_key(name_key(span.text))  # "Co-Spy" after "CO-SPY": one canonical
        canonical = same_name.id_ if same_name is not None else span.text
        created = None
        for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", text):
            if entities.overlapping(match.start(), match.end()):
                continue
            mention = doc.char_span(match.start(), match.end(), label=label, span_id=canonical)
            if mention is None:
                continue
            mention._.source, mention._.score, mention._.generic = "pattern", 1.0, False
            mention._.model = None
            entities.add(mention)
            if match.start() == span.start_char:
                created = mention
        return created

    @staticmethod
    def _label(span: Span, named: dict[str, str]) -> str:
        """The span's type, with the one a proposal gave its NER/acronym mentions."""
        return named.get(span.id_, span.label_) if span._.source in ("ner", "acronym") else span.label_

    def _type_of(self, candidate: Candidate, default: str = "Method") -> str:
        """The head noun introducing the name ("a new benchmark, X") or right after it ("X, a
        simple technique that ..."), up to the first clause break; Method by default."""
        after = candidate.after.lstrip(" ,")
        for text in (candidate.before, after[:self._phrase_end(after)]):
            label = self.heads.first_in(text, PROPOSED_TYPES)
            if label is not None:
                return label
        return default

    def _phrase_end(self, text: str) -> int:
        ends = [m.start() for m in (self.break_pattern.search(text), _PUNCT_BREAK.search(text)) if m]
        return min(ends, default=len(text))
