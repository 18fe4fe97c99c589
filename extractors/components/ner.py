"""`paperkg_ner`: the shipped trained NER (Method, Dataset, Task, Metric, Model) into doc.spans["ner"].

The weights (extractors/ner_model/, GPL-3.0, see its TRAINING.md) are loaded from the package with
the product's vocab, and their tok2vec + ner run on the product's own doc: the model was trained on
text tokenised by the same blank English tokenizer. It learnt the annotation guide's five types from
the project's annotated arXiv papers and SciER's mentions, generic ones included, under labels of
their own ("Method_generic": "attention", "language models"), which the graph does not keep as
entities. Each span gets its type as label, `_.source` = "ner", `_.score` = the model's selection
precision for its label (a calibrated constant per label: the greedy transition NER has no
per-span probability) and `_.generic` when the model's label says so or the span carries no mark of
a name (`is_generic`): on the validation papers the rule on top of the model gave entity F1 0.596
against 0.575 for the model alone (SciER dev mentions 0.755 against 0.760).
A named Method or Task span whose last words are a catalogue's Task ("Autoregressive Image
Generation", "Long Video Retrieval") is a named Task (`narrows_a_task`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRecognizer, Tok2Vec
from spacy.tokens import Doc, Span
from spacy.vectors import Mode
from thinc.api import use_ops

from extractors.attributes import span_text  # (importing it registers Span._.source / _.score / _.generic)
from extractors.components.floret_memo import MemoFloretVectors
from extractors.components.greedy_ner import BatchNERDecoder
from extractors.rules.data import data_path
from extractors.rules.phrases import ends_in_head, generic_word_keys, word_lists
from kg.core.errors import PipelineError
from kg.core.iteration import batched, read_jsonl
from kg.core.names import name_key

NER_KEY = "ner"
GAZETTEER_KEY = "gazetteer"
GENERIC_SUFFIX = "_generic"  # the model's label for a generic mention of a type: "Method_generic"
# A name shows itself by a capital inside a word, a digit or a symbol (GPT-4, ResNet, F1, C++).
_INNER_NAME_MARK = re.compile(r"[0-9]|\w[A-Z+#&]")
_WORD_PIECES = re.compile(r"[\s\-/]+")
# Sizes, counts and settings the model sometimes tags ("137B", "k=4") are no names.
_NOT_A_NAME = re.compile(r"^[\d.,]+\s*[KMBTkmbt]?$|=")
# An address, or the "this https URL" arXiv puts in place of one.
_ADDRESS = re.compile(r"://|^www\.|@\w+\.\w|\.(?:com|org|io|net)(?:/|$)|^(?:https?\s+)?URL$")
# An adjective made from a name ("Gaussian-distributed", "LLM-based") names nothing: the guide's
# gold holds one such entity in 2,279.
_ADJECTIVE_END = re.compile(r"-(?:based|driven|distributed|aware|guided|like|specific|free|oriented|powered|enhanced"
                            r"|inspired|centric|style|level|wise|agnostic|conditioned|grounded|assisted|generated)$",
                            re.IGNORECASE)
# A pointer into the paper ("Fig. 7", "Table 2", "Eq. (3)", "Section 4.1") is no name; SciER's
# sentences, from papers' bodies, have them, and the model tagged "Fig. 7" a Dataset.
_REFERENCE = re.compile(r"(?:Fig(?:ure)?s?|Tab(?:le)?s?|Eqs?|Equations?|Sec(?:tion)?s?|Alg(?:orithm)?s?|Appendix)"
                        r"\.?\s*\(?\d(?:[\d.]|\s\d)*\)?[a-z]?$")
# A score the model runs into ("ROUGE-L 74.68", "accuracy 85.3%", "with 21.78 mIoU") is a result, not
# part of a name.
_SCORE = re.compile(r"^[+-]?\d+\.\d+%?$|^[+-]?\d+(?:\.\d+)?%$")
# A capitalised word in square brackets is a special token or a template's slot ("[MASK]", "[PAUSE]"
# tokens, "a photo of a [CLASS]", "move [OBJ] to [OBJ]"): the model tagged such words Datasets and Methods.
_PLACEHOLDER = re.compile(r"[A-Z][A-Z_]*")
# The words of a list of names that share a hyphenated part ("GAN- and diffusion-based").
_CONJUNCTIONS = frozenset({"and", "or"})
# A lower-case word of prose in a name the model calls a Model, which no checkpoint's name holds but for
# its size and tuning words ("BERT base", "Llama 2 chat"); a digit makes it a name ("gpt-4o mini").
_PROSE_WORD = re.compile(r"^(?!.*\d)(?:.*\s)?(?!(?:base|large|small|tiny|mini|medium|chat|instruct|turbo|preview|cased"
                         r"|uncased|it|hf)\b)[a-z][a-z]+(?:-[a-z]+)*(?:\s|$)")
# A split the model runs into ("the WMT'14 English-German test set") is no part of the name.
_SPLIT_WORDS = frozenset({"test", "validation", "dev", "development", "train", "training", "val", "eval"})
_SPLIT_HEADS = frozenset({"set", "sets", "split", "splits", "subset", "subsets"})
# The change a score measures, which the model runs into after the measure ("an 11% BD-Rate reduction").
_CHANGE_NOUNS = frozenset({"reduction", "reductions", "gain", "gains", "improvement", "improvements", "increase",
                           "increases", "drop", "drops", "decrease", "decreases", "savings"})
TASK = "Task"
MODEL = "Model"
TASK_HEADED_LABELS = ("Method", TASK)  # model labels a catalogue Task at the end turns into a Task


@Language.factory(
    "paperkg_ner",
    default_config={"model": None, "spans_key": NER_KEY, "gazetteer_key": GAZETTEER_KEY,
                    "batch_size": 128, "generic_words_path": "generic_words.jsonl",
                    "task_words_path": "task_words.jsonl"},
)
def make_ner(nlp: Language, name: str, model: str | None, spans_key: str, gazetteer_key: str,
             batch_size: int, generic_words_path: str, task_words_path: str) -> ScientificNER:
    return ScientificNER(nlp, name, model, spans_key, gazetteer_key, batch_size, generic_words_path,
                         task_words_path)


def load_ner_model(nlp: Language, model: str | None = None) -> Language:
    """The trained pipeline (package resource extractors/ner_model unless `model` names a dir)."""
    resource = Path(model) if model else files("extractors") / "ner_model"
    try:
        # NumPy's BLAS for the layers' matrix products: thinc's default (BLIS) ran the tok2vec
        # 20% slower on the AVX-512 machines measured (docs/performance.md).
        with as_file(resource) as path, use_ops("numpy", use_blis=False):
            trained = spacy.load(path, vocab=nlp.vocab, exclude=["tokenizer"])
    except (OSError, ValueError) as exc:
        raise PipelineError(f"cannot load the trained NER from {resource}: {exc}") from exc
    if trained.vocab.vectors.mode == Mode.floret and not isinstance(trained.vocab.vectors, MemoFloretVectors):
        trained.vocab.vectors = MemoFloretVectors(trained.vocab.vectors)
    return trained


def _after_score(doc: Doc, start: int) -> bool:
    """Whether token `start` follows a percentage or a decimal score, or one word after it ("38.84% average")."""
    def is_score(i: int) -> bool:
        return i >= 0 and (doc[i].text == "%" or _SCORE.match(doc[i].text) is not None)
    return is_score(start - 1) or start >= 2 and doc[start - 1].is_lower and is_score(start - 2)


def split_label(label: str) -> tuple[str, bool]:
    """(entity type, generic) of a model label: "Method_generic" -> ("Method", True)."""
    if label.endswith(GENERIC_SUFFIX):
        return label[:-len(GENERIC_SUFFIX)], True
    return label, False


def is_generic(span: Span, gazetteer_bounds: Collection[tuple[int, int]] = frozenset(),
               generic_words: Collection[str] = frozenset()) -> bool:
    """A mention is generic unless one of its non-generic words looks like a name, or a gazetteer
    knows the same span (`gazetteer_bounds`: the (start, end) token bounds of the gazetteer's spans,
    a set, so a long abstract is not scanned once per mention).

    "attention", "language models", "feature extraction mechanisms" are generic, and so are
    "LLMs" or "LLM-agent fine-tuning" (their only capitals are in generic words); "BERT",
    "ImageNet", "GPT-4" carry name marks. A word's initial capital counts only in running text:
    the title is title-cased and a sentence's first word is capitalised anyway. Lowercase names
    ("question answering", "beam search") are recognised by gazetteer hits on the same tokens.
    """
    if (span.start, span.end) in gazetteer_bounds:
        return False
    if _NOT_A_NAME.search(span_text(span)):
        return True
    in_title = span.start_char < span.doc._.title_end
    for token in span:
        capital_counts = not (in_title or token.is_sent_start)
        for piece in _WORD_PIECES.split(token.text):
            if name_key(piece) in generic_words or name_key(piece.rstrip("s")) in generic_words:
                continue
            if _INNER_NAME_MARK.search(piece) or (capital_counts and piece[:1].isupper()):
                return False
            capital_counts = True  # "Retrieval-Augmented": the capital after a hyphen counts
    return True


def task_starts(gazetteer: Iterable[Span]) -> dict[int, int]:
    """End token -> the latest start token of the gazetteer's Task spans ending there."""
    starts: dict[int, int] = {}
    for span in gazetteer:
        if span.label_ == TASK:
            starts[span.end] = max(span.start, starts.get(span.end, span.start))
    return starts


def narrows_a_task(span: Span, label: str, tasks: dict[int, int]) -> bool:
    """Whether a named Method or Task span of the model ends in a catalogue's Task and adds words
    before it ("Autoregressive Image Generation", "Long Video Retrieval", "Synthetic Dialogue
    Generation"): the guide annotates the task the paper works on with its modifiers, lower case
    as tasks mostly are, so the span is a named Task (`is_generic` finds no capital to go by) and
    replaces the catalogue's shorter one. On the 60 validation papers with the Task retyping of
    proposals (paperkg_proposed) entity F1 went 0.632 -> 0.642 (Task 0.491 -> 0.505); SciER dev
    0.745 -> 0.750."""
    return label in TASK_HEADED_LABELS and tasks.get(span.end, -1) > span.start


class ScientificNER:
    """Runs the trained tok2vec + ner on the pipeline's docs through the batch decoder
    (greedy_ner.py: spaCy's decisions, without its per-action GIL round trips), leaving `doc.ents`
    as it was."""

    def __init__(self, nlp: Language, name: str, model: str | None, spans_key: str,
                 gazetteer_key: str, batch_size: int, generic_words_path: str, task_words_path: str):
        self.name = name
        self.spans_key = spans_key
        self.gazetteer_key = gazetteer_key
        self.batch_size = batch_size
        self.trained = load_ner_model(nlp, model)
        self.decoder = BatchNERDecoder(cast(Tok2Vec, self.trained.get_pipe("tok2vec")),
                                       cast(EntityRecognizer, self.trained.get_pipe("ner")))
        per_type = self.trained.meta.get("performance", {}).get("ents_per_type", {})
        self.label_score = {label: round(float(s["p"]), 4) for label, s in per_type.items()}
        self.generic_words_path = data_path(generic_words_path)
        self.task_words_path = data_path(task_words_path)
        self.generic_words: set[str] = set()
        self.task_heads: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the generic words and the task heads (config: generic_words_path, task_words_path).
        The trained weights, loaded with the component, are left as they are: nlp.initialize() does
        not retrain them."""
        self.generic_words = generic_word_keys(read_jsonl(self.generic_words_path))
        self.task_heads = word_lists(read_jsonl(self.task_words_path)).get("heads", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in batched(docs, batch_size or self.batch_size):
            for doc, found in zip(batch, self.decoder.decode(batch), strict=True):
                self._collect(doc, found)
                yield doc

    def _collect(self, doc: Doc, found: Iterable[tuple[int, int, str]]) -> None:
        gazetteer = doc.spans[self.gazetteer_key] if self.gazetteer_key in doc.spans else ()
        gazetteer_bounds = {(span.start, span.end) for span in gazetteer}
        tasks = task_starts(gazetteer)
        spans = []
        for start, end, model_label in found:
            text = span_text(doc[start:end])
            if not any(char.isalpha() for char in text):
                continue  # numbers ("+3.2") are never mentions: the results component reads them
            if _ADDRESS.search(text) or _ADJECTIVE_END.search(text) or _REFERENCE.match(text):
                continue  # a code or project URL, an adjective, a figure: no entity
            if _PLACEHOLDER.fullmatch(text) and start > 0 and doc[start - 1].text == "[" \
                    and end < len(doc) and doc[end].text == "]":
                continue
            if end - 1 > start and doc[end - 1].text == "-":
                end -= 1  # "GAN- and diffusion-based": the name before a hanging hyphen
            if end - 2 > start and doc[end - 1].lower_ == "report" and doc[end - 2].lower_ == "technical":
                end -= 2  # "HunyuanOCR Technical Report": the report's system
            if doc[end - 1].lower_ in _CONJUNCTIONS:
                continue  # "self- and", "diffusion- and": the model ran into the shared part's list
            while end - 1 > start and _SCORE.match(doc[end - 1].text):
                end -= 1
            while end - 1 > start and doc[start].whitespace_ and _SCORE.match(doc[start].text):
                start += 1  # (not the number of a size: "3.5K")
            if end - 1 > start and end < len(doc) and doc[end - 1].text in _SPLIT_WORDS \
                    and doc[end].lower_ in _SPLIT_HEADS:
                end -= 1
            label, generic = split_label(model_label)
            if label not in TASK_HEADED_LABELS and end - 1 > start and doc[end - 1].lower_ in _CHANGE_NOUNS \
                    and _after_score(doc, start):
                end -= 1  # (a Task or Method may name a change: "98% 3D Token Reduction")
            if label == MODEL and _PROSE_WORD.search(span_text(doc[start:end])):
                continue  # "AuditDM discovers", "scene analysis", "GPT-style pre-training": prose, no checkpoint
            span = Span(doc, start, end, label=label)
            task = not generic and narrows_a_task(span, label, tasks)
            if task:
                span.label_ = TASK
            span._.source = NER_KEY
            span._.score = self.label_score.get(model_label, 0.5)
            span._.generic = not task and self.generic(span, generic, gazetteer_bounds)
            spans.append(span)
        doc.spans[self.spans_key] = spans

    def generic(self, span: Span, model_says: bool, gazetteer_bounds: Collection[tuple[int, int]]) -> bool:
        """The model's word or `is_generic`, except for a lower-case Task of two words or more that
        ends in a task's head ("medical order extraction", "3D instance segmentation"): tasks are
        named in lower case, so the guide's gold lists them where the model, taught by SciER's
        generic tasks, and the capitals rule call them generic. On the 60 train papers of the second
        fold (held back from its NER's fit), Task went 32 -> 36 right, 21 -> 23 wrong; on the 60
        of a third, 40 -> 40 right, 19 -> 18 wrong."""
        if span.label_ == TASK:
            text = span_text(span)
            if not text[:1].isupper() and " " in text.strip() and ends_in_head(text, self.task_heads):
                return False
        return model_says or is_generic(span, gazetteer_bounds, self.generic_words)
