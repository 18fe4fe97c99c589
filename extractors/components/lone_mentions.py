"""`paperkg_lone_mentions`: a name only the NER found, once, is a generic mention unless the paper
does something with it.

On papers it was trained on, the NER's single abstract mentions are gold entities 6 times in 10;
on the 60 train papers held back from its fit, 4 times in 27 ("3D convolutional", "KV cache
eviction", "Classical and Modern documents", "Cross-Disciplinary"), and on a second 60 held back
from a second NER trained without them, 12 times in 41. Entity F1 with the rule: 0.698 -> 0.726
on the first, 0.666 -> 0.673 on the second (Method and Task lose a little there, Dataset gains).
Such a mention becomes generic (it stays in the output, out of the graph's named entities) when
all of these hold:
- the NER alone found it: no catalogue, model-name grammar, acronym definition or pattern agrees;
- its name (type and canonical) has no other named mention in the paper, and it is not in the title;
- it has no role, or only the weak one a cue such as "using", "with" or "via" gives ("uses"): the
  paper does not propose, compare with or evaluate on it (on the two folds such "uses" names were
  gold entities 3 times in 15);
- no reported number is tied to it as metric, dataset or subject;
- the words around it do not make it a dataset ("the IXI dataset", "the nuScenes and Waymo Open
  datasets", "16.3% on H3.6M"), nor does its name ("WMT 2014 En-Fr", "HeartBench");
- it is not a member of a coordinated list with a named member of its type ("SGD, Adam, RMSprop,
  and Adagrad": on the first fold NER's held-out papers 3 gold entities more and no wrong one; on
  the three corpus sets 96 names, a few of them half a name, "LOW", "V2"). A member of a list whose
  named members (two or more) all have another type takes theirs ("UCF101, HMDB51, SSV2, and
  Kinetics-400": the NER's Method is a Dataset; 24 such names on the corpus sets, "SIFT" and
  "PDDL" among them, no case on the folds).
Metrics are left alone: no held-out case either way, and on train every such Metric was a gold
entity (8 of 8: "tumor volume", "RAGAS"). Runs last, after roles, proposals and results are known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.attributes import ENTITIES_KEY, span_value
from extractors.components.list_items import context_datasets, coordinated_lists
from extractors.components.ner import NER_KEY
from extractors.components.roles import DEFAULT_ROLE
from extractors.rules.phrases import DATASET_NAME

WEAK_ROLES = frozenset({DEFAULT_ROLE, "uses"})
TIED_FIELDS = ("metric", "dataset", "subject")


@Language.factory("paperkg_lone_mentions", default_config={"labels": ["Method", "Task", "Dataset"]})
def make_lone_mentions(nlp: Language, name: str, labels: list[str]) -> LoneMentions:
    return LoneMentions(labels)


class LoneMentions:
    def __init__(self, labels: Iterable[str]):
        self.labels = frozenset(labels)

    def __call__(self, doc: Doc) -> Doc:
        if ENTITIES_KEY not in doc.spans:
            return doc
        named = [span for span in doc.spans[ENTITIES_KEY] if not span_value(doc, span, "generic")]
        mentions = Counter((span.label_, span.id_) for span in named)
        tied = {found[field] for found in doc._.results or () for field in TIED_FIELDS if found[field]}
        title_end = doc._.title_end
        lone = [span for span in named if span.label_ in self.labels and span.start_char >= title_end
                and self.is_lone(span, mentions, tied) and not self.named_a_dataset(span)]
        if lone:
            lone_ids = set(map(id, lone))
            kept = [s for s in named if id(s) not in lone_ids]
            retyped: dict[tuple[int, int], str] = {}
            for span in lone:
                labels = listed_labels(span, kept)
                if len(labels) > 1 and len(set(labels)) == 1 and span.label_ not in labels:
                    retyped[span.start_char, span.end_char] = labels[0]  # "Kvasir-SEG, CVC-ClinicDB, ETIS"
                elif span.label_ not in labels:
                    span._.generic = True
            if retyped:
                doc.spans[ENTITIES_KEY] = [_labelled(span, retyped.get((span.start_char, span.end_char)))
                                           for span in doc.spans[ENTITIES_KEY]]
        return doc

    @staticmethod
    def named_a_dataset(span: Span) -> bool:
        """Whether the words around the span make it a dataset (rules/phrases.datasets_by_context), or
        its name does ("WMT 2014 En-Fr", "HeartBench")."""
        return span.label_ == "Dataset" and DATASET_NAME.search(span.text) is not None \
            or any(start < span.end_char and span.start_char < end for start, end in context_datasets(span.doc))

    @staticmethod
    def is_lone(span: Span, mentions: Counter[tuple[str, str]], tied: set[str]) -> bool:
        """The conditions past the label and the title (attributes read from the doc's user data:
        `span._` builds an object on every access)."""
        doc = span.doc
        return (span_value(doc, span, "source") == NER_KEY and span_value(doc, span, "role") in WEAK_ROLES
                and mentions[(span.label_, span.id_)] == 1 and span.id_ not in tied)


def listed_labels(span: Span, named: list[Span]) -> list[str]:
    """The types of the named entities on the other members of the coordinated list the span is (within)
    a member of ("TransE, RotatE, DistMult, and UltraE"): none when it is in no list."""
    for _, _, items in coordinated_lists(span.doc):
        if any(start <= span.start_char and span.end_char <= end for start, end in items):
            return [other.label_ for start, end in items for other in named if start <= other.start_char < end]
    return []


def _labelled(span: Span, label: str | None) -> Span:
    """The span with `label` (its id and attributes kept: they live in the doc by offsets)."""
    if label is None or label == span.label_:
        return span
    return Span(span.doc, span.start, span.end, label=label, span_id=span.id_)
