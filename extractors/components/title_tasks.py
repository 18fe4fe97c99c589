"""`paperkg_title_tasks`: the task a title says the work is for ("GPF-Net: Gated Progressive Fusion
Learning for Polyp Re-Identification", "A Framework for Forest Height Estimation").

A title's "for X" or "on X" names the paper's task when X ends in a task's head word
(task_words.jsonl "heads": the last words of the train split's gold Tasks), has two words or more,
and no model class ("for LLM Reasoning": "not_in_a_task"). Qualities asked of the task are not part
of its name: "for Robust Video Anomaly Detection" -> Video Anomaly Detection ("modifiers"). The
phrase ends at the title's end, a colon, "and"/"or" or a preposition ("for Colonoscopy Depth
Estimation in ..."). On the train split's 380 titles, 54 of the 73 phrases it reads are gold Tasks;
most of the rest are a task with more words than the gold's ("Zero-Shot Information Extraction",
"African Machine Translation") or a catalogue's Method ("for Federated Learning"), which stays one.

The spans go to doc.spans["title_tasks"] (label Task, id_ the surface). They only fill gaps: where
a catalogue, the model grammar or an acronym found words of the phrase, the entity merger keeps
that span ("Retrieval-Augmented Generation" stays a Method, "for Colonoscopy Depth Estimation" gives
the catalogue's Depth Estimation); on the train split that loses no right Task and makes 4 fewer
wrong ones than letting the longer phrase win. On the 60 papers of the second fold (NER fitted
without them) Task went 36 -> 44 right, 23 -> 26 wrong; on the 60 of a third, 40 -> 42 right,
18 -> 21 wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extractors.attributes import span_text, text_of
from extractors.components.ner import TASK
from extractors.rules.data import data_path
from extractors.rules.phrases import ends_in_head, word_lists
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

TITLE_TASKS_KEY = "title_tasks"
_STOP = r"(?:with|via|using|through|by|from|in|across|under|and|or|based|on|at|to|without|of|for|beyond|over|against)\b"
_PURPOSE = re.compile(
    rf"\b(?:for|on)\s+(?:the\s+|an?\s+)?(?P<phrase>[\w'-]+(?:\s+(?!{_STOP})[\w'-]+){{1,5}}?)"
    rf"(?=\s*(?:$|[:?!.,;()])|\s+{_STOP})")


@Language.factory("paperkg_title_tasks", default_config={"words_path": "task_words.jsonl"})
def make_title_tasks(nlp: Language, name: str, words_path: str) -> TitleTasks:
    return TitleTasks(words_path)


class TitleTasks:
    """Writes doc.spans["title_tasks"]."""

    def __init__(self, words_path: str):
        self.words_path = data_path(words_path)
        self.heads: frozenset[str] = frozenset()
        self.modifiers: frozenset[str] = frozenset()
        self.blockers: frozenset[str] = frozenset()

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *,
                   nlp: Language | None = None) -> None:
        """Read the task heads, the modifiers and the model words (config: words_path)."""
        self.heads, self.modifiers, self.blockers = frozenset(), frozenset(), frozenset()
        self.add_patterns(read_jsonl(self.words_path))

    def add_patterns(self, records: Iterable[dict]) -> None:
        lists = word_lists(records)
        self.heads |= lists.get("heads", frozenset())
        self.modifiers |= lists.get("modifiers", frozenset())
        self.blockers |= lists.get("not_in_a_task", frozenset())

    def __call__(self, doc: Doc) -> Doc:
        title = text_of(doc)[:doc._.title_end]
        spans = []
        for match in _PURPOSE.finditer(title) if " for " in title or " on " in title else ():
            bounds = self.task_bounds(match)
            if bounds is not None:
                span = doc.char_span(*bounds, label=TASK)
                if span is not None:
                    span.id_ = span_text(span)
                    spans.append(span)
        doc.spans[TITLE_TASKS_KEY] = spans
        return doc

    def task_bounds(self, match: re.Match) -> tuple[int, int] | None:
        """The character bounds of the task in a purpose phrase, without its modifiers; None when
        the phrase names no task."""
        words = list(re.finditer(r"\S+", match.group("phrase")))
        while words and words[0].group().lower() in self.modifiers:
            words.pop(0)
        if len(words) < 2 or not ends_in_head(words[-1].group(), self.heads) \
                or any(name_key(word.group()) in self.blockers for word in words):
            return None
        offset = match.start("phrase")
        return offset + words[0].start(), offset + words[-1].end()
