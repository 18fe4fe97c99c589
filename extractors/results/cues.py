"""The cue words of the results rules (data/numbers_cues.jsonl), compiled once, and the metric
names of the gazetteer (data/metrics.jsonl) that canonicalise a metric named in a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from extractors.rules.phrases import phrase_regex


@dataclass(slots=True)
class Cues:
    """One pattern per cue list ("metric", "improvement", "hedges", ...), the raw words of each
    list, the number words, and canonical metric names by lower-case surface form."""

    words: dict[str, re.Pattern]
    number_words: dict[str, float]
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    metric_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[dict], metric_records: Iterable[dict] = ()) -> Cues:
        """Records {"id": list name, "words": [...]} ("improv*" matches any ending), and one
        {"values": {word: number}} record for the number words ("two", "twice"); a record with
        "plural": true matches its words' plurals too ("AUROCs", "accuracies"); `metric_records`
        are gazetteer records {"label": "Metric", "pattern": surface, "id": canonical}."""
        words, number_words, lists = {}, {}, {}
        for row in records:
            if "values" in row:
                number_words = {k.lower(): float(v) for k, v in row["values"].items()}
            else:
                lists[row["id"]] = tuple(row["words"])
                forms = [*row["words"], *(plurals(row["words"]) if row.get("plural") else ())]
                words[row["id"]] = re.compile(phrase_regex(forms, not_after=r"[\w@-]"), re.IGNORECASE)
        metric_names = {" ".join(str(r["pattern"]).lower().split()): r["id"] for r in metric_records
                        if r.get("label") == "Metric" and isinstance(r.get("pattern"), str) and r.get("id")}
        return cls(words, number_words, lists, metric_names)

    def __getitem__(self, name: str) -> re.Pattern:
        return self.words[name]


# A score that goes on changing: "an AUC of 0.789, which rises to 0.904" (the same metric's).
CHANGED_TO = (r"\s*,?\s*(?:which|and)\s+(?:further\s+)?(?:r(?:ises|ose)|increase[sd]|improve[sd]|grows|grew"
              r"|climb(?:s|ed)|drop(?:s|ped)|f(?:alls|ell)|decrease[sd])\s+(?:further\s+)?to\s*")
# Verbs of a spread: "accuracy ranged from 46% to 92%", "F1 varies between 0.02 and 0.72".
SPREAD_VERBS = r"rang(?:es?|ed|ing)|var(?:y|ies|ied|ying)"
# Verbs that beat a system named after them: "outperforming ISMCTS", "surpasses GPT-4o".
BEATING = r"(?:outperform|surpass|exceed|beat)\w*"
# ... and the system it beats, up to a bracket on that system's score ("outperforming Memento (15.1%)"),
# not past "by" ("outperforms existing approaches by large margins (94% ...)")
BEATEN_RIVAL = rf"\b{BEATING}\s+(?P<rival>[^\s()](?:(?!\sby\s)[^();,]){{0,40}}?)\s*"
# A hedge between "to" and the value it reaches: "from 164.4 seconds to just 3.0", "to about 70%".
TO_HEDGE = r"(?:about|around|only|just|nearly)"
# A change and its extent, coordinated: "by an average of 6.9% and a maximum of 14.5%", "by 3.1% on average
# and up to 7.4%", "5% on ICBIN and more than 2% on BOP": the same measure, changed the same way.
CHANGE_EXTENT = (r"\s*(?:(?:on|in|for|across)\s+[^,;()]{1,60}?\s*)?,?\s*and\s+(?:by\s+)?"
                 r"(?:an?\s+(?:average|maximum|peak)\s+of|up\s+to|more\s+than|as\s+much\s+as|over|nearly|almost"
                 r"|at\s+most)\s+")
# a metric's cut-off, threshold or threshold range: "Recall@10", "mAP@0.50", "mAP@50-95", "mAP@[0.5:0.95]"
AT_K = r"@(?:\d+(?:\.\d+)?(?:[:-]\d+(?:\.\d+)?)?|\[\d+(?:\.\d+)?:\d+(?:\.\d+)?\])"
_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=]\w+[>)]")  # escapes and group names: no letters to match
_CASED = re.compile(r"\\[xuUN0-9]|\(\?[-aiLmsux]")  # escapes that may stand for a letter; inline flags


class AnyCase:
    """A pattern matched ignoring case, run as its case-sensitive twin on the lower-cased text when
    the text is ASCII, where str.lower() is what IGNORECASE does: the regex engine skips the
    branches of an alternation by their first character only when it matches case-sensitively, which
    made the long alternations of metric heads and win counts 4.5x and 2x faster. The twin needs a
    pattern whose letters are all lower-case literals; any other has no twin."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.anycase = re.compile(pattern, re.IGNORECASE)
        letters = _NOT_LETTERS.sub("", pattern)
        lower = letters.isascii() and not any(c.isupper() for c in letters) and not _CASED.search(pattern)
        self.lowered = re.compile(pattern) if lower else None

    def finditer(self, text: str) -> Iterator[re.Match]:
        """The matches in `text`: offsets into `text`, groups possibly lower-cased."""
        if self.lowered is not None and text.isascii():
            return self.lowered.finditer(text.lower())
        return self.anycase.finditer(text)


def plurals(words: Iterable[str]) -> list[str]:
    """'accuracy' -> 'accuracies', 'AUROC' -> 'AUROCs', 'rate' -> 'rates' (words ending in * have theirs)."""
    found = []
    for word in words:
        if word.endswith("*") or word.endswith("s"):
            continue
        found.append(word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s")
    return found
