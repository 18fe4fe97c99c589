"""What the paper introduces (doc._.proposed): names after a proposal cue, or naming the title.

Evidence, in the words of GUIDE.md: "we propose/introduce/present X", "X, a novel ...", "... called
X", and a title "X: ..." whose X is a single name (not an ordinary word the abstract also uses in
lower case, like "Confabulation"). X is an entity span already, or a name-shaped run of tokens
(capitalised or mixed-case words: "Conjugate Prompting", "LoFiT"), which then becomes an entity
(source "pattern"), typed by the head noun next to it (benchmark/dataset/corpus -> Dataset, metric
-> Metric, model -> Model, else Method). Every mention of a proposed entity gets role "proposes".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.attributes import ENTITIES_KEY
from extractors.components.acronyms import GENERIC_PATH
from extractors.components.rules import COMPONENTS_DIR, HeadTypes, phrase_regex, read_jsonl
from kg.resolve import name_key

CUES_PATH = COMPONENTS_DIR / "proposal_cues.jsonl"
PROPOSED_TYPES = ("Dataset", "Metric", "Model", "Method")
MAX_WORDS_BEFORE_NAME = 8
GLUE = {",", "and", "(", ")", "as", "well", "namely", ":"}
# Mixed case, two capitals, or letters with digits: "LoFiT", "URIAL", "T5", "Llama2".
_STRONG_NAME = re.compile(r"[A-Z].*[A-Z]|[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]")
_CAPITALISED = re.compile(r"[A-Z][a-z]")
_VERSION = re.compile(r"v\d+(?:\.\d+)*")


@Language.factory("paperkg_proposed")
def make_proposed(nlp: Language, name: str) -> ProposalFinder:
    finder = ProposalFinder()
    finder.add_patterns(read_jsonl(CUES_PATH), read_jsonl(GENERIC_PATH))
    return finder


def is_name_token(token: Token) -> bool:
    return bool(_STRONG_NAME.search(token.text) or _CAPITALISED.match(token.text))


class ProposalFinder:
    def __init__(self) -> None:
        self.cue_pattern: re.Pattern | None = None
        self.breaks: set[str] = set()
        self.novelty: re.Pattern | None = None
        self.generic: set[str] = set()
        self.heads = HeadTypes.load()

    def add_patterns(self, cues: Iterable[dict], generic_words: Iterable[dict] = ()) -> None:
        records = {record["id"]: record["phrases"] for record in cues}
        self.cue_pattern = re.compile(phrase_regex(records["proposal verb"]), re.IGNORECASE)
        self.breaks = set(records["clause break"])
        self.novelty = re.compile(r"^\s*(?:,\s*|is\s+|was\s+)" + phrase_regex(records["novelty"]),
                                  re.IGNORECASE)
        self.generic |= {name_key(record["id"]) for record in generic_words}

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.spans.get(ENTITIES_KEY, []))
        proposed: list[str] = []
        for start, end, context in self.candidates(doc):
            entity = self._entity_for(doc, entities, start, end, context)
            if entity is not None and entity.id_ not in proposed:
                proposed.append(entity.id_)
        for entity in entities:
            if entity.id_ in proposed:
                entity._.role = "proposes"
        doc.spans[ENTITIES_KEY] = sorted(entities, key=lambda s: s.start_char)
        doc._.proposed = proposed
        return doc

    def candidates(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """(start, end, context text for typing) of every name the paper says it introduces."""
        yield from self._title_name(doc)
        for sentence in doc.sents:
            for cue in self.cue_pattern.finditer(sentence.text):
                yield from self._names_after(doc, sentence.start_char + cue.end())
            first = sentence[0]
            if is_name_token(first):
                end = self._name_run_end(sentence, first.i)
                after = doc.text[end:sentence.end_char]
                if self.novelty.match(after):
                    yield first.idx, end, after[:80]

    def _title_name(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        title = doc.text[:doc._.title_end]
        if ":" not in title:
            return
        prefix = title[:title.index(":")].strip()
        start = title.index(prefix) if prefix else 0
        if not prefix or " " in prefix or not re.match(r"[A-Za-z0-9]", prefix):
            return
        if name_key(prefix) in self.generic:
            return
        if not _STRONG_NAME.search(prefix) and re.search(rf"(?<!\w){re.escape(prefix.lower())}(?!\w)",
                                                         doc.text):
            return  # an ordinary word of the abstract, not a name
        yield start, start + len(prefix), title[start + len(prefix) + 1:][:60]

    def _names_after(self, doc: Doc, position: int) -> Iterator[tuple[int, int, str]]:
        """Names in the object of a proposal verb: "we propose a simple method, X, and Y to ..."."""
        first = next((t for t in doc if t.idx >= position), None)
        if first is None:
            return
        sentence, skipped, found = first.sent, 0, False
        index = first.i
        while index < sentence.end:
            token = doc[index]
            if token.text in ".;" or token.lower_ in self.breaks:
                return
            if self._starts_name(token):
                end = self._name_run_end(sentence, index)
                context = doc.text[position:token.idx] + " " + doc.text[end:end + 60]
                yield token.idx, end, context
                found = True
                index = next((t.i for t in doc[index:sentence.end] if t.idx >= end), sentence.end)
                continue
            if found and token.lower_ not in GLUE:
                return
            skipped += 1
            if skipped > MAX_WORDS_BEFORE_NAME:
                return
            index += 1

    def _starts_name(self, token: Token) -> bool:
        return is_name_token(token) and name_key(token.text) not in self.generic

    def _name_run_end(self, sentence: Span, index: int) -> int:
        """End offset of a run of name-shaped words from `index`: hyphen compounds, title-case
        words, a version ("P-Tuning v2"); brackets, commas and "'s" end it."""
        doc = sentence.doc
        end = doc[index].idx + len(doc[index])
        for token in doc[index + 1: sentence.end]:
            if token.text in "()[],;:." or token.text.startswith("'"):
                break
            joined = token.idx == end
            if not (joined or is_name_token(token) or _VERSION.fullmatch(token.text)):
                break
            end = token.idx + len(token)
        while doc.text[end - 1] == "-":
            end -= 1
        return end

    def _entity_for(self, doc: Doc, entities: list[Span], start: int, end: int, context: str) -> Span | None:
        """The entity at [start, end), made (with its other mentions) when there is none."""
        overlapping = [e for e in entities if e.start_char < end and start < e.end_char]
        containing = [e for e in overlapping if e.start_char <= start and end <= e.end_char]
        if containing:
            return None if containing[0]._.generic else containing[0]
        if any(e.start_char < start or e.end_char > end for e in overlapping):
            return None  # crosses an entity: not a name we can trust
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not span.text:
            return None
        label = self.heads.first_in(context, PROPOSED_TYPES) or "Method"
        for e in overlapping:
            entities.remove(e)
        created = None
        for match in re.finditer(rf"(?<![\w-]){re.escape(span.text)}(?![\w-])", doc.text):
            if any(e.start_char < match.end() and match.start() < e.end_char for e in entities):
                continue
            mention = doc.char_span(match.start(), match.end(), label=label, span_id=span.text)
            if mention is None:
                continue
            mention._.source, mention._.score, mention._.generic = "pattern", 1.0, False
            entities.append(mention)
            if match.start() == span.start_char:
                created = mention
        return created
