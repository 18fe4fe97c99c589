"""`paperkg_acronyms`: acronym definitions in the Doc and the mentions they make.

"Direct Preference Optimization (DPO)" and "DPO (Direct Preference Optimization)" define a pair
(the pairing is extractors/rules/acronyms.py); doc._.acronyms lists (long_start, long_end,
short_start, short_end). doc.spans["acronym"] holds the long form and every mention of the short
form in the paper, typed like the long form (from a models/gazetteer/NER span on it, else from its
head noun), so that "DPO" alone in a later sentence is an entity. Definitions of generic concepts
("large language models (LLMs)") and of terms nothing types ("Mild Cognitive Impairment (MCI)",
"Electronic Health Record (EHR)": none of the five types; on the arXiv train papers all 51 such
acronyms the rule used to call Methods were wrong) are recorded in doc._.acronyms but make no spans.
A model-name match defined as the acronym of a task, dataset or metric ("multi-person tracking
(MPT)") leaves doc.spans["models"]. An acronym the catalogues know with long forms that share no
word with the paper's ("Self-training with Self-adaptive Thresholding (SST)"; the catalogue's SST
is the Stanford Sentiment Treebank) is another entity: the catalogue's type does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractors.attributes import text_of  # also registers doc._.acronyms
from extractors.components.gazetteer import catalogue_long_forms, catalogue_paths
from extractors.components.models import MODELS_KEY
from extractors.components.priors import class_noun_type, set_beside_after_bracket
from extractors.gazetteers import LABEL_FILES
from extractors.rules.acronyms import (
    Definition,
    is_short_form,
    long_form_before,
    long_form_words,
    mentions,
    spells_from_start,
    window_words,
)
from extractors.rules.data import data_path
from extractors.rules.phrases import HeadTypes, generic_word_keys, is_generic_phrase
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

ACRONYM_KEY = "acronym"
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?]\s+|\n\n)$")  # the abstract opens after the title and a blank line
MAX_PAREN_TOKENS = 8
# a word before a long form, in its sentence, that introduces it as the paper's own
_INTRODUCING = re.compile(r"\b(?:propos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|present(?:s|ed|ing)?"
                          r"|develop(?:s|ed|ing)?|design(?:s|ed|ing)?|devis(?:e|es|ed|ing)|construct(?:s|ed|ing)?|build(?:s|ing)?|built"
                          r"|incorporat(?:e|es|ed|ing)|integrat(?:e|es|ed|ing)|featur(?:e|es|ing)|compris(?:e|es|ed|ing)|consist(?:s|ed|ing)?|equip(?:s|ped|ping)?"
                          r"|novel|new|called|termed|named|dubbed)\b", re.IGNORECASE)


@Language.factory(
    "paperkg_acronyms",
    default_config={"typed_groups": ["models", "gazetteer"], "guessed_groups": ["ner"],
                    "generic_words_path": "generic_words.jsonl", "heads_path": "entity_heads.jsonl",
                    "data_dir": None, "files": list(LABEL_FILES.values())},
)
def make_acronyms(nlp: Language, name: str, typed_groups: list[str], guessed_groups: list[str],
                  generic_words_path: str, heads_path: str, data_dir: str | None, files: list[str]) -> AcronymSpans:
    paths = catalogue_paths(data_dir, files)
    return AcronymSpans(typed_groups, guessed_groups, generic_words_path, heads_path, paths)


def _introduced(text: str, at: int) -> bool:
    """Whether the sentence before `at` introduces what starts there ("we propose", "a novel")."""
    before = text[max(0, at - 200): at]
    return _INTRODUCING.search(before, max(before.rfind(". "), before.rfind("\n")) + 1) is not None


def _paren_tokens(doc: Doc, text: str) -> Iterator[Token]:
    """The tokens that are an opening parenthesis, found in the text (visiting every token of the
    doc costs more than the rest of this component)."""
    offset = text.find("(")
    while offset != -1:
        span = doc.char_span(offset, offset + 1)
        if span is not None:
            yield span[0]
        offset = text.find("(", offset + 1)


def find_definitions(doc: Doc) -> Iterator[Definition]:
    """Every "long (SHORT)" and "SHORT (long)" definition in `doc`."""
    text = text_of(doc)
    for open_paren in _paren_tokens(doc, text):
        close = next((t for t in doc[open_paren.i + 1: open_paren.i + MAX_PAREN_TOKENS + 2]
                      if t.text in "()"), None)
        if close is None or close.text != ")" or close.i == open_paren.i + 1:
            continue
        inner = doc[open_paren.i + 1: close.i]
        sentence_start = open_paren.sent.start_char
        if sum(not t.is_punct for t in inner) > 2:
            found = _reverse_definition(doc, open_paren.i, inner, sentence_start)
        else:
            found = _definition(text, inner, open_paren, sentence_start)
        if found is not None:
            yield found


def _definition(text: str, inner: Span, open_paren: Token, sentence_start: int) -> Definition | None:
    short = inner.text
    if not is_short_form(short):
        return None
    window_start = max(sentence_start, _words_before(open_paren, window_words(short)))
    long_form = long_form_before(text, short, window_start, open_paren.idx)
    if long_form is None:
        return None
    return Definition(*long_form, inner.start_char, inner.end_char)


def _words_before(token: Token, count: int) -> int:
    """Offset of the start of the `count`-th whitespace-separated word before `token`."""
    doc, words, start = token.doc, 0, token.idx
    for previous in reversed(doc[:token.i]):
        if previous.whitespace_:
            words += 1
            if words > count:
                break
        start = previous.idx
    return start


def _reverse_definition(doc: Doc, open_i: int, inner: Span, sentence_start: int) -> Definition | None:
    if open_i == 0 or doc[open_i - 1].idx < sentence_start:
        return None
    short = doc[open_i - 1]
    if not spells_from_start(short.text, inner.text):
        return None
    return Definition(inner.start_char, inner.end_char, short.idx, short.idx + len(short.text))


class AcronymSpans:
    """Sets doc._.acronyms and writes doc.spans["acronym"] (source "acronym", id_ = short form)."""

    def __init__(self, typed_groups: Iterable[str], guessed_groups: Iterable[str],
                 generic_words_path: str, heads_path: str, catalogue_paths: tuple[Path, ...] = ()):
        self.typed_groups = list(typed_groups)  # catalogue/grammar types, trusted
        self.guessed_groups = list(guessed_groups)  # statistical types, after the head noun
        self.generic_words_path = data_path(generic_words_path)
        self.heads_path = data_path(heads_path)
        self.catalogue_paths = catalogue_paths
        self.generic_words: set[str] = set()
        self.heads = HeadTypes(())
        self.long_forms: dict[str, frozenset[str]] = {}

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the generic words, head nouns and the catalogues' long forms of acronyms (config:
        generic_words_path, heads_path, files; the catalogues are read once per process)."""
        self.generic_words = set()
        self.add_patterns(read_jsonl(self.generic_words_path))
        self.heads = HeadTypes(read_jsonl(self.heads_path))
        self.long_forms = catalogue_long_forms(self.catalogue_paths) if self.catalogue_paths else {}

    def add_patterns(self, records: Iterable[dict]) -> None:
        """Records {"id": word, ...}: words that make a long form generic when it has only them."""
        self.generic_words |= generic_word_keys(records)

    def __call__(self, doc: Doc) -> Doc:
        definitions = list(find_definitions(doc))
        doc._.acronyms = [d.offsets() for d in definitions]
        typed = [s for key in self.typed_groups if key in doc.spans for s in doc.spans[key]]
        guessed = [s for key in self.guessed_groups if key in doc.spans for s in doc.spans[key]]
        spans: list[Span] = []
        text = text_of(doc)
        for definition in definitions:
            long_text = text[definition.long_start:definition.long_end]
            short_text = text[definition.short_start:definition.short_end]
            if is_generic_phrase(long_text, self.generic_words) or is_generic_phrase(short_text, self.generic_words):
                continue
            label = self._type_of(text, typed, guessed, definition, long_text, short_text)
            beside = self._set_beside_type(text, definition)
            if beside is not None and not (beside == "Method" and label == "Model") \
                    and not self._named_by_head(text, definition, long_text):
                label = beside
            if label is None:
                continue
            if label != "Model":
                self._drop_models_named(doc, short_text)
            for start, end in mentions(text, long_text, short_text):
                span = doc.char_span(start, end, label=label, alignment_mode="contract")
                if span is not None and span.text:
                    span.id_ = short_text
                    span._.source = ACRONYM_KEY
                    spans.append(span)
        doc.spans[ACRONYM_KEY] = spans
        return doc

    def _set_beside_type(self, text: str, definition: Definition) -> str | None:
        """The type of the class noun of an apposition after the definition's bracket: "(PACO), a
        training-free framework", "(TAS), a novel metric", "(ChEmREF), a new benchmark". It says what
        the paper means by the name, over the long form's task head ("... controllable summarization
        (PACO)") or the NER's guess (not over every head: `_named_by_head`); a model noun makes a
        Method (named checkpoints are the grammar's)."""
        found = set_beside_after_bracket(text, max(definition.long_end, definition.short_end))
        if found is None:
            return None
        label = class_noun_type(self.heads, found.group("noun"))
        return "Method" if label == "Model" else label

    def _named_by_head(self, text: str, definition: Definition, long_text: str) -> bool:
        """Whether the long form's head says its type over an apposition: a dataset or metric noun
        ("Analytical Reliability Benchmark (ARB), a reproducible framework": the train gold's
        Dataset), or a task's head where the sentence opens on it ("Hyperspectral anomaly detection
        (HAD), a crucial approach for ...": the task, described)."""
        head = self.heads.of_name(long_text)
        return head in ("Dataset", "Metric") \
            or head == "Task" and _SENTENCE_OPENS.search(text, 0, definition.long_start) is not None

    @staticmethod
    def _drop_models_named(doc: Doc, short_text: str) -> None:
        """A model-name match the paper defines as the acronym of something else than a model
        ("multi-person tracking (MPT)", "sharpness-aware minimization (SAM)") is that acronym,
        not the model."""
        if MODELS_KEY in doc.spans:
            doc.spans[MODELS_KEY] = [s for s in doc.spans[MODELS_KEY] if s.text != short_text]

    def catalogue_sense(self, span: Span, short_text: str) -> frozenset[str] | None:
        """The words of what the catalogue means by a short form it tagged: the long names of its
        acronym entry ("SST": Stanford Sentiment Treebank), or the entry's own name when that is
        the long one ("TTS" is listed as Text-to-Speech); None when it gives none."""
        key = name_key(span.id_)
        if key in self.long_forms:
            return self.long_forms[key]
        return frozenset(long_form_words(span.id_)) if len(span.id_) > len(short_text) + 3 else None

    def _type_of(self, text: str, typed: list[Span], guessed: list[Span], definition: Definition,
                 long_text: str, short_text: str) -> str | None:
        """The first of: a trusted type on the long form (a span ending with it), its head noun
        (Method for "model": the guide's Models are named checkpoints, which the grammar reads),
        the catalogue's type of the short form when the catalogue means this long form by it
        ("Peak Signal-to-noise Ratio (PSNR)": Metric, though the NER calls the long form a
        Method; not "Self-training with Self-adaptive Thresholding (SST)", which the catalogue's
        Stanford Sentiment Treebank does not type), a guessed (NER) type on the long form, one on
        the short form (a bare acronym is ambiguous); None when none of these says. Where the
        catalogue means something else by the short form, the NER's guess on it is the catalogue's
        sense it learnt ("TTS", Text-to-Speech, defined as Test-Time Scaling): Method, the type of 7
        in 10 acronyms the train gold defines, stands instead. A plural head types the long form
        only as a measure ("attack-success rates"): plural systems and agents are mostly classes.
        The NER's Model guess is a Method unless the grammar reads the short form as a model: named
        checkpoints are the grammar's, and the guess came only on text unlike train's ("Earliest
        Deadline First (EDF)", "DeepSeek Sparse Attention (DSA)": 8 of 10 such corpus pairs). A Method
        guessed on the short form alone types nothing when the long form is one lower-case word or the
        short form a plural ("ultrasound (US)", "multiple-choice questions (MCQs)"): a domain term or
        a class (on the fold NERs' held-out papers 10 such Methods, none right). Datasets are named in
        capitals (no lower-case long form in the train gold is a Dataset): a Dataset guessed on the short
        form of a lower-case long form is a Method where the sentence introduces it ("we introduce an
        attention-based reference point shifting (ARPS) layer"), else a term of the domain that types
        nothing ("evidence lower bound (ELBO)", "first-come-first-served (FCFS)")."""
        def on_long_form(spans: list[Span]) -> str | None:
            return next((s.label_ for s in spans if s.end_char == definition.long_end
                         and s.start_char >= definition.long_start), None)

        def on_short_form(spans: list[Span]) -> list[Span]:
            return [s for s in spans
                    if (s.start_char, s.end_char) == (definition.short_start, definition.short_end)]

        words = long_form_words(long_text)
        short_typed = on_short_form(typed)
        homonyms = [s for s in short_typed  # no word shared with what the catalogue means
                    if (sense := self.catalogue_sense(s, short_text)) is not None and not words & sense]
        catalogued = next((s.label_ for s in short_typed if s.label_ != "Model" and s not in homonyms
                           and name_key(s.id_) in (name_key(short_text), name_key(long_text))), None)
        # with a homonym, the NER's guess on the short form is the catalogue's sense it learnt
        guessed_short = "Method" if homonyms else next((s.label_ for s in on_short_form(typed + guessed)), None)
        head = self.heads.of_name(long_text)
        if head is None and long_text.endswith("s") and self.heads.of_name(long_text[:-1]) == "Metric":
            head = "Metric"  # "attack-success rates (ASR)"; plural systems and agents are mostly classes
        if head == "Model":
            head = "Method"  # "Skinned Multi-Person Linear Model (SMPL)": named models are the grammar's
        guess = on_long_form(guessed) or guessed_short
        if guess == "Model" and not any(s.label_ == "Model" for s in short_typed):
            guess = "Method"
        if guess == "Method" and not on_long_form(guessed) \
                and (" " not in long_text and long_text[:1].islower() or short_text.endswith("s")):
            guess = None  # a guess on the short form only, of a plural or one lower-case word: a class, a term
        if guess == "Dataset" and not on_long_form(guessed) and long_text.islower():
            guess = "Method" if _introduced(text, definition.long_start) else None
        return on_long_form(typed) or head or catalogued or guess
