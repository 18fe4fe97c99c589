"""Merge the candidate span groups into the final, non-overlapping doc.spans["entities"].

Groups are taken in the configured precedence: an earlier group wins an overlap, so on the same
words the gazetteer's canonical beats the NER's, and the model grammar's Model (with its family)
beats a catalogue's "Method". A span of an `extend` group (acronym definitions) replaces shorter
spans it contains ("Rank-One Model Editing" over "Model Editing", a named NER "PASCAL VOC 2012" over
a catalogue's "PASCAL VOC"; a generic span never does), except spans of the `protected`
groups (the model grammar: "Llama2-70B" survives inside an NER "Llama2-70B-based approach").
NER spans keep their `generic` flag, and one made of generic words only ("LLMs") is generic too:
generic mentions stay here (SciER scores them), the graph drops them.
A catalogue or acronym Method or Task that a list before a plural dataset noun holds ("on ADNI,
AIBL and OASIS datasets") is a Dataset in all its mentions (the type priors re-type the NER's).
A Model only the NER found gets the family its name's stem names ("Mantis", "Kuwain-1.5B" ->
Kuwain: rules/model_names.family_of_unlisted), as the guide's families do.
A catalogue name a paper qualifies ("retrieval accuracy", "long-text question answering") keeps
the qualifying word in its text and the catalogue's canonical (Accuracy, Question Answering), and
so does an NER Task that adds words before a catalogue Task ("aerial visual localization").
Canonical names: the grammar's for models, the gazetteer's for its hits; an acronym and its long
form share one (the gazetteer's when it knows either form, else the acronym) and one type; any
other name takes the first surface form of its near-duplicates (case, hyphens, spaces, plural:
kg.core.names.name_key).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.attributes import ENTITIES_KEY, span_text, text_of
from extractors.components.acronyms import ACRONYM_KEY
from extractors.components.list_items import context_dataset_lists
from extractors.rules.data import data_path
from extractors.rules.model_names import family_of_unlisted
from extractors.rules.phrases import generic_word_keys, is_generic_phrase, word_lists
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

_SIZE_ONLY = re.compile(r"\d+(?:\.\d+)?[BMK](?:[- ]param(?:eter)?s?)?", re.IGNORECASE)  # "13B-parameter": no name
_LOWER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a lower-case word, hyphenated or not
_ACRONYM_QUALIFIER = re.compile(r"[A-Z]{2,5}|[1-9]D")  # "CAD code generation", "3D reconstruction"
# group -> span._.source; else the group key itself
GROUP_SOURCES = {"models": "pattern", "listed": "pattern", "title_tasks": "pattern", "shared_tasks": "pattern"}
TRUSTED_GROUPS = ("models", "gazetteer")  # groups whose id_ is already canonical
_RETYPED_BY_CONTEXT = ("gazetteer", ACRONYM_KEY)  # groups the type priors leave alone


@Language.factory(
    "paperkg_entities",
    default_config={"sources": ["shared_tasks", "models", "gazetteer", "acronym", "title_tasks", "ner", "listed"],
                    "extend": ["acronym", "ner"], "protected": ["models"],
                    "generic_words_path": "generic_words.jsonl",
                    "generic_concepts_path": "generic_concepts.jsonl",
                    "measure_words_path": "measure_words.jsonl"},
)
def make_entities(nlp: Language, name: str, sources: list[str], extend: list[str], protected: list[str],
                  generic_words_path: str, generic_concepts_path: str, measure_words_path: str) -> EntityMerger:
    return EntityMerger(sources, extend, protected, generic_words_path, generic_concepts_path, measure_words_path)


class EntityMerger:
    def __init__(self, sources: Iterable[str], extend: Iterable[str], protected: Iterable[str],
                 generic_words_path: str, generic_concepts_path: str, measure_words_path: str):
        self.sources = list(sources)
        self.extend = set(extend)
        self.protected = set(protected)
        self.generic_words_path = data_path(generic_words_path)
        self.generic_concepts_path = data_path(generic_concepts_path)
        self.measure_words_path = data_path(measure_words_path)
        self.generic_words: set[str] = set()
        self.generic_concepts: set[str] = set()
        self.measures: frozenset[str] = frozenset()
        self.not_qualifiers: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the generic words and concepts and the measure words (config: *_path)."""
        self.generic_words, self.generic_concepts = set(), set()
        self.add_patterns(read_jsonl(self.generic_words_path), read_jsonl(self.generic_concepts_path),
                          read_jsonl(self.measure_words_path))

    def add_patterns(self, generic_words: Iterable[dict], generic_concepts: Iterable[dict] = (),
                     measure_words: Iterable[dict] = ()) -> None:
        """Generic-word records: an NER span made only of them ("LLMs") is a generic mention.
        Generic-concept records ({"id": canonical}): catalogue names the guide's gold almost never
        annotates where they occur, measured on the arXiv train papers ("Semantic Similarity": 0 of
        6), and hardware, formats, modalities and fields ("CPU", "JSON", "ECG", "ML"; a "why" says
        which), none of the five types: any mention of them is generic. Unlike a generic word, one
        makes only itself generic, not a phrase it is in ("MRI segmentation", "text-to-SQL").
        Measure-word lists: `measures`, the catalogue Metrics a qualifying word joins, and
        `not_qualifiers`, the words before them that are no qualifier ("high", "improves")."""
        self.generic_words |= generic_word_keys(generic_words)
        self.generic_concepts |= generic_word_keys(generic_concepts)
        lists = word_lists(measure_words)
        self.measures |= lists.get("measures", frozenset())
        self.not_qualifiers |= lists.get("not_qualifiers", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        chosen = sorted(self.select(doc), key=lambda item: item[1].start_char)
        entities: list[Span] = []
        trusted: list[bool] = []
        for key, span in chosen:
            start = self.qualified_start(doc, key, span, entities, trusted)
            entity = Span(doc, start, span.end, label=span.label_, span_id=span.id_)
            entity._.source = GROUP_SOURCES.get(key, key)
            entity._.generic = self.is_generic(key, span)
            entity._.score = span._.score if key == "ner" else 1.0
            entity._.model = self.model_parts(key, span)
            entities.append(entity)
            trusted.append(key in TRUSTED_GROUPS)
        datasets_by_context(doc, entities)
        assign_canonicals(doc, entities, trusted)
        self.generic_short_forms(doc, entities)
        doc.spans[ENTITIES_KEY] = entities
        return doc

    def generic_short_forms(self, doc: Doc, entities: list[Span]) -> None:
        """An acronym stands for what its long form names: the short form of a generic concept is
        generic too ("Earth observation (EO) data", "remote sensing (RS) images": fields)."""
        text = text_of(doc)
        forms = {key for long_start, long_end, short_start, short_end in doc._.acronyms or ()
                 if (long := name_key(text[long_start:long_end])) in self.generic_concepts
                 for key in (long, name_key(text[short_start:short_end]))}
        if not forms:
            return
        for entity in entities:
            if name_key(span_text(entity)) in forms:
                entity._.generic = True

    def qualified_start(self, doc: Doc, key: str, span: Span, entities: list[Span], trusted: list[bool]) -> int:
        """Where a catalogue name's mention starts: at the qualifying word before it, which the gold
        often keeps in the name ("long-text question answering", "mask-aware contrastive learning",
        "retrieval accuracy", "6D pose estimation"), else at itself; the canonical stays the
        catalogue's, so the mention has both names. What qualifies:
        - before a catalogue measure (measure_words.jsonl): any word that is no verb or degree
          ("improves", "high");
        - before a Task: a hyphenated word, or an acronym other than a model class ("CAD code
          generation", not "LLM summarization"); not before an acronym name, mostly another
          paper's. A Task that starts inside a hyphenated word takes its front ("image-to-video
          generation", "multi-image super-resolution"), whatever its canonical;
        - before a Method's name of two words or more: a hyphenated word (a one-word name is mostly
          an acronym, and "fine-tuned LoRA" beside "Low-Rank Adaptation" would fuse two names).
        A plain word is none: as often a verb or a quality ("employs", "evaluating", "robust"; read
        on 4,668 corpus papers). A name a bracket follows is left alone (the acronym defines the
        name), and so is one written otherwise than its canonical: "safety-aware Chain-of-Thought"
        (canonical CoT) would lose the name the gold may use. The word is never another entity's,
        but a generic mention of it alone ("reconstruction", a generic Task to the NER) gives way:
        it is dropped from `entities` (and `trusted`)."""
        measure = span.label_ == "Metric" and span_text(span).lower() in self.measures
        bracketed = span.end < len(doc) and doc[span.end].text == "("
        if key != "gazetteer" or not (measure or span.label_ in ("Task", "Method")) or bracketed:
            return span.start
        front = _compound_front(doc, span.start) if span.label_ == "Task" else None
        if front is not None:  # the name starts inside a word: "multi-image super-resolution"
            word = front if _is_qualifier(doc[front.start: span.start + 1].text, (), compound=True) else None
        elif name_key(span_text(span)) != name_key(span.id_):
            return span.start
        else:
            word = self.qualifier_before(doc, span, measure)
        if word is None:
            return span.start
        if entities and entities[-1].end > word.start:
            if not (entities[-1]._.generic and (entities[-1].start, entities[-1].end) == (word.start, word.end)):
                return span.start
            entities.pop()
            trusted.pop()
        return word.start

    def qualifier_before(self, doc: Doc, span: Span, measure: bool) -> Span | None:
        """The qualifying word of `qualified_start` before the catalogue name `span`, if any."""
        word = _hyphenated_word_before(doc, span.start)
        if word is None:
            return None
        if measure:
            qualifies = _is_qualifier(word.text, self.not_qualifiers, compound=False)
        elif span.label_ == "Method":
            qualifies = len(span_text(span).split()) > 1 and _is_qualifier(word.text, (), compound=True)
        else:
            acronym = bool(_ACRONYM_QUALIFIER.fullmatch(word.text)) and name_key(word.text) not in self.generic_words
            qualifies = not span_text(span).isupper() and (acronym or _is_qualifier(word.text, (), compound=True))
        return word if qualifies else None

    @staticmethod
    def model_parts(key: str, span: Span) -> dict | None:
        """The grammar's parts for its Models; a Model only the NER found (a family no record
        lists) gets the family its name's stem names ("Mantis", "Kuwain-1.5B" -> Kuwain)."""
        if key == "models":
            return dict(span._.model) if span._.model else None
        if key == "ner" and span.label_ == "Model" and (family := family_of_unlisted(span_text(span))):
            return {"family": family, "listed": False}
        return None

    def is_generic(self, key: str, span: Span) -> bool:
        """The NER finds generic mentions; a span of generic words only ("LLMs") is one too, and so
        is a generic concept ("prompt engineering", "CPU", "ECG") whatever found it."""
        if key in ("gazetteer", ACRONYM_KEY):
            return name_key(span.id_) in self.generic_concepts
        if key != "ner":
            return False
        text = span_text(span)
        return bool(span._.generic) or name_key(text) in self.generic_concepts \
            or is_generic_phrase(text, self.generic_words) or bool(_SIZE_ONLY.fullmatch(text))

    def select(self, doc: Doc) -> list[tuple[str, Span]]:
        """Non-overlapping (group key, span) pairs by precedence, then length.

        The chosen spans never overlap, so they are kept sorted by start and the ones a candidate
        overlaps are found by bisection (a scan of all of them per candidate was quadratic in the
        length of the abstract)."""
        candidates = [(rank, key, span) for rank, key in enumerate(self.sources)
                      if key in doc.spans for span in doc.spans[key]]
        candidates.sort(key=lambda c: (c[0], c[2].start_char - c[2].end_char, c[2].start_char))
        chosen: list[tuple[str, Span]] = []  # sorted by start, pairwise disjoint
        starts: list[int] = []
        for _, key, span in candidates:
            low = bisect_right(starts, span.start_char)
            if low and chosen[low - 1][1].end_char > span.start_char:
                low -= 1
            high = bisect_left(starts, span.end_char, low)
            overlapping = chosen[low:high]
            if not overlapping:
                chosen.insert(low, (key, span))
                starts.insert(low, span.start_char)
            elif key in self.extend and not self.is_generic(key, span) and all(
                _contains(span, c[1]) and (c[1].start_char, c[1].end_char) != (span.start_char, span.end_char)
                and c[0] not in self.protected for c in overlapping
            ):
                chosen[low:high] = [self.extension(key, span, overlapping)]
                starts[low:high] = [span.start_char]
        return chosen

    def extension(self, key: str, span: Span, replaced: list[tuple[str, Span]]) -> tuple[str, Span]:
        """What an `extend` span that holds `replaced` becomes: an NER Task that only adds words
        before a catalogue Task ("aerial visual localization" over "visual localization") is the
        qualified catalogue name, as `qualified_start` makes it: its words, the catalogue's canonical.
        Not over an acronym ("ThiFAN-VQA" is no VQA) or a generic concept ("knowledge graph
        construction" is a task, "graph construction" none)."""
        if key == "ner" and span.label_ == "Task" and len(replaced) == 1:
            inner_key, inner = replaced[0]
            if inner_key == "gazetteer" and inner.label_ == "Task" and inner.end == span.end \
                    and not span_text(inner).isupper() and not self.is_generic(inner_key, inner):
                return inner_key, Span(doc=span.doc, start=span.start, end=span.end, label="Task", span_id=inner.id_)
        return key, span


def _hyphenated_word_before(doc: Doc, end: int) -> Span | None:
    """The word that ends at token `end` in its sentence, with the parts hyphens join to it
    ("zero-shot", "state-of-the-art" are one word; the tokenizer splits them)."""
    start = end - 1
    if start < 0 or doc[end].is_sent_start or not doc[start].whitespace_:
        return None
    return doc[_hyphenated_start(doc, start):end]


def _compound_front(doc: Doc, start: int) -> Span | None:
    """The words a hyphen glues to the front of token `start` ("image-to-" of "image-to-video"), if any."""
    front = _hyphenated_start(doc, start)
    return doc[front:start] if front < start else None


def _hyphenated_start(doc: Doc, token: int) -> int:
    """The first token of the hyphenated word token `token` ends ("zero", "-", "shot"), in its sentence."""
    while token >= 2 and doc[token - 1].text == "-" and not doc[token - 1].whitespace_ \
            and not doc[token - 2].whitespace_ and not doc[token].is_sent_start:
        token -= 2
    return token


def _is_qualifier(word: str, excluded: Collection[str], compound: bool) -> bool:
    """A lower-case word none of whose hyphenated parts is an adverb, a stop word or `excluded`
    (a measure's: "high", "improves"; "near-optimal", "in-domain" are none); with `compound`, a
    hyphenated word whose inner parts may be "to" (a Task's or Method's: "long-text",
    "text-to-image"; "state-of-the-art", "widely-used" are none)."""
    parts = word.split("-")
    if compound and len(parts) < 2 or not _LOWER_WORD.fullmatch(word):
        return False
    return not any(part.endswith("ly") or part in excluded
                   or part in STOP_WORDS and not (compound and part == "to" and 0 < i < len(parts) - 1)
                   for i, part in enumerate(parts))


def _contains(outer: Span, inner: Span) -> bool:
    return outer.start_char <= inner.start_char and inner.end_char <= outer.end_char


def datasets_by_context(doc: Doc, entities: list[Span]) -> None:
    """A catalogue or acronym name the words around it make a dataset ("on ADNI, AIBL and OASIS
    datasets": list_items.context_dataset_lists) is a Dataset in every mention, and so is its
    acronym partner: the catalogue's "OASIS" is a method, the acronym's type a default."""
    places = set(context_dataset_lists(doc))
    if not places:
        return
    names = {name_key(span_text(entity)) for entity in entities
             if entity._.source in _RETYPED_BY_CONTEXT and entity.label_ in ("Method", "Task")
             and (entity.start_char, entity.end_char) in places}
    if not names:
        return
    text = text_of(doc)
    for long_start, long_end, short_start, short_end in doc._.acronyms or ():
        pair = {name_key(text[long_start:long_end]), name_key(text[short_start:short_end])}
        if pair & names:
            names |= pair
    for entity in entities:
        if entity.label_ in ("Method", "Task") and name_key(span_text(entity)) in names:
            entity.label_ = "Dataset"


def assign_canonicals(doc: Doc, entities: list[Span], trusted: list[bool]) -> None:
    """Set id_ on every entity (see the module docstring); acronym pairs also get aliases."""
    decided = {i: e.id_ for i, e in enumerate(entities) if trusted[i] and e.id_}
    known = {(e.start_char, e.end_char): e.id_ for i, e in enumerate(entities) if i in decided}
    for key in TRUSTED_GROUPS:  # a gazetteer id for a form the merger gave to another source
        for span in doc.spans[key] if key in doc.spans else ():
            known.setdefault((span.start_char, span.end_char), span.id_)
    by_key: dict[str, list[int]] = {}
    for i, entity in enumerate(entities):
        by_key.setdefault(name_key(span_text(entity)), []).append(i)
    text = text_of(doc)
    for long_start, long_end, short_start, short_end in doc._.acronyms or ():
        long_text, short_text = text[long_start:long_end], text[short_start:short_end]
        short_id = known.get((short_start, short_end))
        if short_id and name_key(short_id) not in (name_key(short_text), name_key(long_text)):
            short_id = None  # the gazetteer knows another entity with this acronym
        canonical = known.get((long_start, long_end)) or short_id or short_text
        pair = [(i, short_text) for i in by_key.get(name_key(long_text), ())]
        pair += [(i, long_text) for i in by_key.get(name_key(short_text), ())]
        if not pair:
            continue
        labels = [entities[i].label_ for i, _ in pair]
        label = "Model" if "Model" in labels else labels[0]
        for i, other in pair:
            decided[i] = canonical
            entities[i].label_ = label
            entities[i]._.model = {**(entities[i]._.model or {}), "aliases": [other]}
    for group in by_key.values():
        canonical = next((decided[i] for i in group if i in decided), span_text(entities[group[0]]))
        for i in group:
            entities[i].id_ = decided.get(i, canonical)
    one_type_per_name(entities, trusted)


def one_type_per_name(entities: list[Span], trusted: list[bool]) -> None:
    """The NER and acronym mentions of one canonical name take one type: the trusted sources' when
    they agree on one, else the most frequent among the mentions, the first one's on a tie (the NER
    typed "ShapeNet-v2" Dataset in one sentence and Method in the next)."""
    by_name: dict[str, list[int]] = {}
    for i, entity in enumerate(entities):
        if not entity._.generic:
            by_name.setdefault(entity.id_, []).append(i)
    for group in by_name.values():
        labels = [entities[i].label_ for i in group]
        if len(set(labels)) < 2:
            continue
        sure = {entities[i].label_ for i in group if trusted[i]}
        if len(sure) > 1:
            continue  # "CLIP" the model and the metric the catalogue knows: both stay
        counts = Counter(labels)
        label = next(iter(sure)) if sure else max(labels, key=lambda lab: (counts[lab], -labels.index(lab)))
        for i in group:
            if not trusted[i]:
                entities[i].label_ = label
