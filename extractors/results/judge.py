"""Judging a group of numbers: is it a reported outcome, in which unit, of which kind.

Precision first: a number becomes a result only when its unit (%, x, points) or its context (a
metric right before or after it, a "+" gain, "N of M tasks") says it measures something, and no
rejection applies (sizes, counts of things, years, hyper-parameters, fractions of parameters as a
design property). The kind is absolute, improvement, reduction or other (GUIDE.md "results"). The
context words that decided go to `group.hits`, from which `evidence` makes the evidence span.
"""

from __future__ import annotations

import re

from extractors.results.cues import AT_K, BEATEN_RIVAL, CHANGE_EXTENT, CHANGED_TO, SPREAD_VERBS, TO_HEDGE, Cues
from extractors.results.scan import FROM_BEFORE, clause_end, clause_start
from extractors.results.types import Entity, Group

_WORD = re.compile(r"[\w@.+-]+|[^\w\s]")
_CHANGED_TO = re.compile(CHANGED_TO, re.IGNORECASE)
_FACTOR = re.compile(r"\bfactors?\s+of\s+(?:about\s+|up\s+to\s+|over\s+|nearly\s+|~\s*)?$", re.IGNORECASE)
_TO = re.compile(rf"(?<!\bup\s)\bto\s+(?:{TO_HEDGE}\s+|~\s*)?$", re.IGNORECASE)
_RIGHT_STOP = re.compile(
    r"^(?:with|while|and|or|on|in|for|at|using|when|compared|across|which|that|of|to|from|by|under|"
    r"as|but|whereas|respectively|vs\.?|than|over|after|before|within|without|per)$",
    re.IGNORECASE,
)
_EXTENT = re.compile(CHANGE_EXTENT, re.IGNORECASE)
_CONTINUATION = re.compile(
    r"^\s*(?:\([^()]{1,30}\)\s*,?\s*(?:and\s+)?"  # "by 22.5% (validation) and 18.0% (test)"
    r"|(?:on|in|for|with|over|than|against|across)\s+[^,;()]{1,80}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:from\s+)?"
    r"|[\w@.-]+\s*(?:,\s*(?:and\s+)?|\s+and\s+)"  # "by 12 BLEU and 12 COMET"
    r"|\)\s*,?\s*(?:and\s+)?[\w-]+\s*\()$")
# The next score after a bracketed one: "0.77 for summarization (vs. 0.74), 0.68 for Q&A"
_AFTER_BRACKETED = re.compile(r"\)\s*,\s*(?:and\s+)?")
# The next system's score in brackets: "outperforming MIL (0.491), Mamba-only (0.664)"
_NEXT_BRACKETED = re.compile(r"\)\s*,\s*(?:and\s+)?[\w.-]+\s*\(\s*")
_FILLER_ONLY = re.compile(  # a clause holding nothing but the number's lead-in: "(from", "(<", ": "
    r"^\s*(?:(?:from|of|at|by|to|is|was|=|:|<|>|≤|≥|~|≈|about|around|approximately|nearly|up\s+to|only|over|under)\s*)*$",
    re.IGNORECASE)
_PARENTHESIS_BEFORE = re.compile(r"\(\s*$")
_ACRONYM_RIGHT = re.compile(r"^\s*[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*(?![\w-])"
                            r"(?!\s+(?:model|dataset|benchmark|GPU)s?\b)")
# A verb that beats a system, and the system: "outperforming ISMCTS", "exceeding RoBERTa's performance"
_BEATEN_LAST = re.compile(BEATEN_RIVAL + "$", re.IGNORECASE)
_SYSTEM_NOUN_END = re.compile(r"\b(?:baselines?|models?|methods?|approaches|approach|systems?)\s*$", re.IGNORECASE)
# A lower-case word that can modify a measure's name ("object Chamfer distance"), not a function word
_MODIFIER = r"(?!(?:and|or|an?|the|of|in|on|for|with|to|by|at|than|while|which|that|vs)\b)[a-z][\w-]*"
_MODIFIERS = re.compile(rf"\s+(?:{_MODIFIER}\s+){{1,2}}")  # one or two before a metric's name
_GAIN_NOUN = r"(?:improvement|gain|increase|boost|reduction|drop|decrease)s?"  # "an improvement of", "a 0.02 gain"
_SCALE_WORD = re.compile(r"^\s*(?:thousand|million|billion|[kKMB])\b")  # "1.22 million parameters": a count
# "a correlation between brain alignment and model size (r = 0.95)" is a finding; "concordance
# correlation = 0.90" with the ground truth is a score (arXiv train: 3 of 3 absolute).
_BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)
_SCALE_ENDS = ((0.0, 1.0), (0.0, 10.0), (0.0, 100.0), (1.0, 5.0), (1.0, 7.0), (1.0, 10.0))  # "ranges from 0 to 1"
_SCORE_POINTS = re.compile(r"percent|pp\b|%", re.IGNORECASE)  # "20 percentage points": never a cloud's
# A gain's change spelled out after it: "by 168% (0.083 -> 0.238)", "by 7.4 points, from 45.3 to 52.7"
_CHANGE_SPELLED = re.compile(r"\s*(?:\(\s*(?:from\s+)?|,\s*from\s+)")
# The next change the same verb governs, its place or measure between: "and adherence from", "and on
# CelebA-HQ 256 from" (a whole number of a name, not a decimal of another result)
_NEXT_CHANGE = re.compile(r"\s*,?\s*(?:and\s+)?(?:[^,;:()\d]|(?<![\d.])\d+(?![\d.%])){1,60}?\s+from\s+", re.IGNORECASE)
_GREEK_SETTING = re.compile(r"(?<!\w)[αβγδεζηθλμντφω]\s*=\s*$")  # "τ = 0.1": a hyperparameter; not ρ or κ (scores)
_SETTING = re.compile(r"(?:\bat|@|\bthreshold(?:\s+of)?)\s+(?:[\w@.-]+\s+)?$", re.IGNORECASE)
# A decimal out of a rating scale's top: "a mean overall score of 54.1/100", "rated it 4.3/5", "(15.8/25)"
_OUT_OF_SCALE = re.compile(r"\s?/\s?(?P<top>5|7|10|20|25|100)(?:\.0{1,2})?(?![\d.%])")


class ResultJudge:
    """The judging rules, with their patterns compiled from the cue lists."""

    def __init__(self, cues: Cues):
        self.cues = cues
        hedges = cues["hedges"].pattern
        by_or_of = r"(?:by|of)\s+(?:" + hedges + r"\s+)*$"
        self.ends_by = re.compile(r"\bby\s+(?:a\s+factor\s+of\s+|(?:a\s+)?(?:\w+\s+)?margin\s+of\s+)?(?:"
                                  + hedges + r"\s*)*$", re.IGNORECASE)
        self.ends_cue_of = {
            kind: re.compile(  # "the AUC increase was 2.00%"
                "(?:" + cues[kind].pattern + r")\s+(?:\([^()]{1,60}\)\s+)?"  # "improvements (across models) of"
                r"(?:(?:in|on|for|of)\s+(?:\S+\s+){0,3})?(?:(?:was|were|is|are)\s+)?"
                "(?:" + by_or_of + "|(?:" + hedges + r"\s*)*$)", re.IGNORECASE)
            for kind in ("improvement", "reduction")
        }
        metric = cues["metric"].pattern
        score_filler = (r"(?:-\d+|" + AT_K + r")?[\s-]*(?:scores?|values?|rates?)?\s*"
                        r"(?:(?:drops?|gains?|improvements?|reductions?|increases?|decreases?|boosts?)\s+)?"
                        r"(?:(?:is|was|were|are)\s*(?:above|below|[<>]=?|[≥≤])|"  # "specificity was >= 0.978"
                        r"of|=|:|is|was|reaches|reaching|reached|at|by|between|to|above|below|[<>]=?|[≥≤]|"
                        r"(?:\w+ly\s+)?(?:r(?:ose|ises?|ising)|increas(?:es?|ed|ing)|improv(?:es?|ed|ing)|decreas(?:es?|ed|ing)|"
                        r"drop(?:s|ped|ping)?|f(?:ell|alls?|alling)|declin(?:es?|ed|ing)|went|" + SPREAD_VERBS + "|"
                        r"plummet(?:s|ed|ing)?|soar(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:es|ed|ing)|climb(?:s|ed|ing)?)"
                        r"(?:\s+from|\s+to|\s+between|\s+among)?)?"
                        r"\s*\(?\s*(?:from\s+)?(?:" + hedges + r"\s*)*$")  # "F1 score of about", "BLEU-4 rose from"
        bracketed = r"|\(\s*(?:" + metric + r")\s*\)"  # "peak signal-to-noise ratio (PSNR) of 28.66 dB"
        self.measure_left = re.compile(
            "(?:(?:" + metric + "|" + cues["measure_heads"].pattern + r")(?:\s*\([^()]{1,20}\))?" + bracketed + ")"
            + score_filler, re.IGNORECASE)
        self.metric_left = re.compile(  # "Dice similarity coefficients of", "MAE (MAE) of"
            "(?:" + metric + r")(?:\s+(?:similarity|coefficients?|correlations?|scores?|rates?|values?|metrics?)){0,2}"
            r"(?:\s*\([^()]{1,20}\))?" + score_filler, re.IGNORECASE)
        self.metric_right = re.compile(r"^\s*(?:(?:average|avg\.?|overall|mean|absolute|relative|macro|micro)\s+)?"
                                       "(?:" + metric + r")(?:-\d+|" + AT_K + r")?(?![\w-])", re.IGNORECASE)
        self.measure_right = re.compile(  # "16.1 driving score", "6.75 ms inference latency", "1.86 dB in PSNR"
            r"^\s*(?:in\s+|of\s+)?(?:(?:average|avg\.?|overall|mean)\s+)?"
            rf"(?:{_MODIFIER}\s+){{0,2}}?(?:"
            + metric + "|" + cues["measure_heads"].pattern + r")(?:-\d+|" + AT_K + r")?(?![\w-])", re.IGNORECASE)
        self.compared_between = re.compile(  # "a score of 0.5268, outperforming the provided baseline of 0.5227"
            r"^[^;]{0,80}\b(?:compared\s+(?:to|with)|than|versus|vs\.?|baselines?|outperform\w*|surpass\w*)\b"
            r"[^;]{0,60}$", re.IGNORECASE)
        self.listed_score = re.compile(  # "an R^2 of 0.54, RMSE of 3.95, and RPD of 2.07"
            r"^\s*,?\s*(?:and\s+)?(?P<article>an?\s+|the\s+)?[A-Za-z][\w@^.+-]{0,20}\s*(?:of|=|:)\s*$")
        self.change_verb_from = re.compile(  # "improved answer correctness from": the cue lists' verbs
            "(?:" + cues["improvement"].pattern + "|" + cues["reduction"].pattern + r")"
            r"\s+(?:[^\s,;:()]+\s+){0,6}?from\s+(?:[^\s,;]+\s+){0,3}$", re.IGNORECASE)
        self.gain_noun_left = re.compile(rf"\b{_GAIN_NOUN}\s+of\s+(?:" + hedges + r"\s*)*$", re.IGNORECASE)
        self.gain_noun_right = re.compile(rf"^\s*(?:absolute\s+|relative\s+)?{_GAIN_NOUN}\b", re.IGNORECASE)
        self.metric_subject = re.compile(  # "the perplexities of the two models are 51.1 and 44.3"
            "(?:" + metric + r")\b[^,;:()]{0,60}?\b(?:are|were|is|was)\s+(?:" + hedges + r"\s*)*$", re.IGNORECASE)
        self.metric_at = re.compile(  # a metric, then "at": what follows is its setting
            "(?:" + metric + r")(?:" + AT_K + r")?(?:\s+\w+)?\s+at\s*$", re.IGNORECASE)
        self.correlation_left = re.compile(
            "(?:" + cues["correlation"].pattern + r")\s*(?:=|of|:)\s*$", re.IGNORECASE)
        self.filler = re.compile("^" + score_filler, re.IGNORECASE)
        self.placed_filler = re.compile(  # "improves the mAP on COCO to 45.2", "the WER of ASR models from
            # 51.56 to 39.82": a named place or system between
            r"^\s+(?:on|in|for|of)\s+(?:the\s+)?(?-i:[A-Z])[^,;()]{0,40}?\s+(?:to|of|=|:|at|reaching|reached|from|by)\s*(?:"
            + hedges + r"\s*)*$", re.IGNORECASE)
        self.changed_filler = re.compile(  # "improving accuracy on fully occluded frames from 0.63 to 0.80",
            # "increasing Pearson correlation with expert evaluations by 0.07", "AUC and F1 scores on the forget set
            # by": a place in lower case, then a change
            r"^(?:\s+(?:scores?|values?|rates?))?\s+(?:on|in|for|of|with|across)\s+[^,;()\d]{1,50}?\s+(?:from|by)\s*(?:"
            + hedges + r"\s*)*$",
            re.IGNORECASE)
        self.achieve_left = re.compile("(?:" + cues["achieve"].pattern + r")\s+(?:" + hedges + r"\s*)*$",
                                       re.IGNORECASE)
        self.scoring_left = re.compile(r"\bscor(?:es|ed|ing)\s+(?:between\s+|of\s+)?(?:" + hedges + r"\s*)*$",
                                       re.IGNORECASE)  # "DeepSeek-R1 scoring 71.46", "scoring between 39.16 and 50"
        self.spread_left = re.compile(
            r"\b(?:std\.?|s\.d\.|sd|standard\s+deviation|variance)\s*(?:dev\.?\s*)?(?:of|=|:)?\s*$", re.IGNORECASE)
        self.share_right = re.compile(  # "94% of the performance of X", "85% of FlashAttention3 MFU": a share
            r"^\s*of\s+(?:the\s+|its\s+|their\s+|total\s+)?(?:[\w'.-]+\s+){0,3}?(?:"
            + cues["share_nouns"].pattern + "|" + metric + ")", re.IGNORECASE)
        self.gap_right = re.compile(r"^\s*of\s+the\s+(?:performance\s+)?gap\b", re.IGNORECASE)
        self.plural_count_right = re.compile(r"^\s*(?:scores|ratings|rates|points)\b", re.IGNORECASE)
        self.count_right = re.compile(r"^\s*(?:[A-Za-z][\w-]*\s+){0,2}?(?:" + cues["count_nouns"].pattern + ")",
                                      re.IGNORECASE)
        self.count_adjacent = re.compile(r"^\s*(?:" + cues["count_nouns"].pattern + ")", re.IGNORECASE)
        self.hyper_right = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:threshold|cutoff|cut-off|budget)\b|^\s*(?:"
                                      + cues["hyperparameter"].pattern + ")", re.IGNORECASE)
        self.hyper_left = re.compile(
            "(?:" + cues["hyperparameter"].pattern + r")\s*(?:rates?|ratios?|levels?|of|=|:|at|is|set\s+to|\s)*$",
            re.IGNORECASE)
        owner = r"^\s*of\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+|total\s+)?(?:[\w'.-]+\s+){0,3}?"
        self.design_right = re.compile(owner + "(?:" + cues["design_fraction"].pattern + ")", re.IGNORECASE)
        self.design_adjacent = re.compile(
            r"^\s*(?:as\s+(?:many|much)\s+(?:[\w-]+\s+){0,2}?)?(?:(?:trainable|tuned|tunable|learnable|additional|"
            r"extra|active|activated|updated|model)\s+)?(?:parameters?|params|weights|dimensions?)\b", re.IGNORECASE)
        self.reduced_right = re.compile(  # "86.39% parameter reduction": an outcome, not a design's share
            r"^\s*(?:\w+\s+)?(?:parameters?|params|weights)\s+(?:reduction|decrease|saving|compression)s?\b",
            re.IGNORECASE)
        self.design_before = re.compile("(?:" + cues["design_fraction"].pattern + r")\s*\(\s*(?:"
                                        + hedges + r"\s*)*$", re.IGNORECASE)  # "a sparse set of heads (3%)"
        self.data_right = re.compile(owner + "(?:" + cues["data_fraction"].pattern + ")", re.IGNORECASE)
        self.data_adjacent = re.compile(r"^\s*(?:of\s+)?(?:the\s+)?(?:" + cues["data_fraction"].pattern + ")",
                                        re.IGNORECASE)
        self.setting_left = re.compile(  # "with only 1% labeled data", "trained on 10% of the data"
            r"\b(?:(?:with|using|on)\s+(?:only|just|a\s+mere)|trained\s+(?:with|on)(?:\s+only)?)\s+$", re.IGNORECASE)
        self.scale_right = re.compile(r"^\s*(?:absolute\s+)?(?:" + cues["scale_nouns"].pattern + ")",
                                      re.IGNORECASE)
        self.hardware_right = re.compile(r"^\s*(?:" + cues["hardware"].pattern + ")", re.IGNORECASE)
        self.size_right = re.compile(r"^\s*(?:(?:larger|bigger)\b|(?:its|their|the|our)\s+size\b"
                                     r"|(?:more|larger|bigger|greater)\s+(?:\w+\s+)?(?:"
                                     + cues["size_nouns"].pattern + "))", re.IGNORECASE)

    def judge(self, text: str, group: Group, entities: list[Entity], previous: Group | None) -> bool:
        """Set unit and kind of `group`; False when it is not a reported outcome."""
        clause_from = clause_start(text, group.start)
        left = text[clause_from: group.start]
        right = text[group.end: clause_end(text, group.end)]
        first = group.members[0]
        if first.slashed:
            return False  # "15.8/25": a score out of a total
        cue_start = clause_from
        if _FILLER_ONLY.match(left) and clause_from and text[clause_from - 1] in "(:":
            cue_start = clause_start(text, clause_from - 1)  # "improvements (3.5% in P@1)", "AUROC: 0.977"
        elif _FILLER_ONLY.match(left) and clause_from and text[clause_from - 1] == ")":
            opening = text.rfind("(", max(0, clause_from - 30), clause_from - 1)
            cue_start = clause_start(text, opening) if opening >= 0 else clause_from  # "Error (MAE) of 0.926"
        if group.link == "change":
            group.kind = "absolute"
            from_match = FROM_BEFORE.search(left)
            if from_match:
                group.hits.append((clause_from + from_match.start(), group.start))
            return group.unit is not None \
                or self.bare_score(text, group, text[cue_start: group.start], right, entities, previous) \
                or self.changed_measure(text, group, clause_from, previous)
        if group.unit is None and _FACTOR.search(left):
            group.unit = "x"  # "by a factor of 100"
            for member in group.members:
                member.unit = "x"
        if self.metric_at.search(left) and self.metric_right.search(right):
            return False  # "Average Precision at 50% IoU", "accuracy at 90% recall": a setting;
            # not "MobileNetV2 slightly ahead at 97.17% accuracy"
        if group.unit == "points" and self.scale_right.search(right):
            return False  # "5-point Likert ratings"
        if group.unit == "%" and (self.hyper_right.search(right) or self.hyper_left.search(left)
                                  or self.design_right.search(right) or self.design_adjacent.search(right)
                                  and not self.reduced_right.match(right)
                                  or self.design_before.search(text[max(0, group.start - 120): group.start])) \
                and not self.ends_cue_of["reduction"].search(left):  # "a reduction of 99% of FLOPs" stays
            return False
        if group.unit == "x" and not self.ratio_context(left, right):
            return False
        if group.unit == "points" and all(m.value.is_integer() for m in group.members) and not first.signed \
                and not _SCORE_POINTS.search(text, first.end, first.unit_end) \
                and not self.ratio_context(text[cue_start: group.start], right):
            return False  # "inputs with as few as 300 points": points of a cloud, not score points
            # ("margins (+25 and +20 percentage points, respectively)" are score points)
        if group.unit in ("%", "x") and self.size_right.search(right):
            return False
        if group.unit is None and not (first.signed or self.bare_score(text, group, text[cue_start: group.start],
                                                                         right, entities, previous)):
            return False
        if group.unit == "%" and self.data_adjacent.search(right) and self.setting_left.search(left):
            return False  # "with only 1% labeled data": how much data, a setting
        group.kind = "absolute" if group.versus else \
            self.kind(text, group, cue_start, text[cue_start: group.start], right)
        if group.kind == "absolute" and cue_start != clause_from and group.unit is not None \
                and not self.named_before(text, group, entities) and not group.versus \
                and not self.metric_right.search(right):  # "superior performance (84.34% accuracy)": a score
            before_bracket = text[cue_start: clause_from - 1]
            group.kind = "absolute" if _SYSTEM_NOUN_END.search(before_bracket) else \
                self.comparative_before(before_bracket) or "absolute"  # "outperforming baselines (1.3%)": theirs
        if group.kind == "absolute" and previous and previous.kind in ("improvement", "reduction") \
                and (_CONTINUATION.match(between := text[previous.end: group.start]) or _EXTENT.fullmatch(between)):
            group.kind = previous.kind  # "by 1.3% on DeiT-T and 2.0% on DeiT-S"
        if group.kind == "absolute" and group.unit in ("x", "points"):
            group.kind = "improvement"  # a ratio or a points difference is a change, not a score
        if group.unit is None and group.kind in ("improvement", "reduction") and not first.physical:
            group.unit = "points"  # a bare gain is in points; "1.5 dB" keeps no unit
            for member in group.members:
                member.unit = "points"
        return True

    def changed_measure(self, text: str, group: Group, clause_from: int, previous: Group | None) -> bool:
        """'improves answer correctness from 0.069 to 0.883 and adherence from 0.074 to 0.722': a
        measure a change verb moves from the baseline's value to the new one, though no metric list
        names it; the next change the same verb governs too, and the change a gain's bracket spells
        out ("increased by 168% (0.083 -> 0.238)")."""
        left = text[clause_from: group.start]
        if all(m.value.is_integer() for m in group.members):
            return False
        if (verb := self.change_verb_from.search(left)) and not self.cues["hyperparameter"].search(verb.group()):
            group.hits.append((clause_from + verb.start(), group.start))
            return True
        if previous is None:
            return False
        between = text[previous.end: group.start]
        return previous.link == "change" and previous.kind == "absolute" and bool(_NEXT_CHANGE.fullmatch(between)) \
            or previous.kind in ("improvement", "reduction") and bool(_CHANGE_SPELLED.fullmatch(between))

    def measured(self, text: str, group: Group, left: str, previous: Group | None) -> bool:
        """'surface alignment error of 3.2 mm', 'generation time from 31s to 18s', 'ACT: 0.072 s':
        a physical quantity is a result as the value of a named measure (or the one continuing it)."""
        if re.match(r"\s?(?:fps\b|[a-z]+\s*/\s*s\b)", text[group.members[-1].end: group.end], re.IGNORECASE) \
                or self.measure_right.search(text[group.end: group.end + 50]):
            return True  # "over 10 FPS", "1148 tokens/s": a speed; "21.4 dB average PSNR"
        found = self.measure_left.search(left)
        if found:
            group.hits.append((group.start - len(left) + found.start(), group.start))
            return True
        between = text[previous.end: group.start] if previous is not None else ""
        return bool(previous is not None and (
            any(m.physical for m in previous.members) and previous.unit is None
            and re.match(r"^\s*(?:for\s+[^,;()]{1,40}?\s+)?(?:,\s*)?(?:and|vs\.?|versus)\s*$", left)
            or re.fullmatch(r"\s*(?:on\s+[^,;()]{1,30}?\s*)?\(\s*(?:from\s+)?", between)))  # "by 19.9% (from 1.73 cm"

    @staticmethod
    def named_before(text: str, group: Group, entities: list[Entity]) -> bool:
        """'conventional CNN (58.3%)', 'Gemini-2.0-Flash: 81.15': the number is the named system's score."""
        return any(e.label in ("Model", "Method") and e.end <= group.start and group.start - e.end <= 4
                   and re.fullmatch(r"\s*(?:\(|:)\s*", text[e.end: group.start]) for e in entities)

    def comparative_before(self, text: str) -> str | None:
        """'more robust (6% absolute)', 'generalize better across distributions (2%)'; not 'outperforming
        ISMCTS (9.0%)', 'exceeding RoBERTa's performance (89.5%)': the system a verb beats is named
        before the bracket, and the number is its score."""
        if _BEATEN_LAST.search(text):
            return None
        tail = " ".join(text.split()[-4:])
        found = [(m.start(), kind) for kind in ("improvement", "reduction") for m in self.cues[kind].finditer(tail)]
        return max(found)[1] if found else None

    def ratio_context(self, left: str, right: str) -> bool:
        """'2x faster', 'by a factor of 3', '4x memory reduction' - not '8x A100' or '4x upsampling'."""
        if self.hardware_right.search(right) or re.match(r"^[\s-]*cross", right, re.IGNORECASE):
            return False
        head = " ".join(_WORD.findall(right)[:4])
        near_left = " ".join(_WORD.findall(left)[-4:])
        return bool(
            self.cues["time_cue"].search(head) or self.cues["improvement"].search(head)
            or self.cues["reduction"].search(head) or _FACTOR.search(left)
            or self.ends_by.search(left) or self.cues["improvement"].search(near_left)
            or self.cues["reduction"].search(near_left) or self.cues["achieve"].search(near_left)
        )

    def bare_score(self, text: str, group: Group, left: str, right: str, entities: list[Entity],
                   previous: Group | None = None) -> bool:
        """A unitless number is a score only next to a metric ('PR-AUC of 58.7', '35.2 BLEU'), after
        'scoring', attached to a system ('Claude-3.5-Sonnet (63.18)', 'Gemini-2.0-Flash: 81.15'), or as
        the interval or the continuation of a score before it ('0.78 (0.74-0.79) ... and 0.78')."""
        first = group.members[0]
        integers = all(m.value.is_integer() for m in group.members)
        if integers and all(1900 <= m.value <= 2100 for m in group.members) \
                or tuple(m.value for m in group.members) in _SCALE_ENDS:
            return False  # years; the ends of a scale, not a system's scores
        out_of = _OUT_OF_SCALE.match(right)
        if out_of and not integers and len(group.members) == 1 and first.value <= float(out_of.group("top")):
            group.hits.append((group.end, group.end + out_of.end()))
            return True  # a score out of a total; not "1/10 the data" or "3/7 benchmarks"
        if integers and self.plural_count_right.search(right) or right.lstrip().startswith("/"):
            return False  # "95 scores": a count of scores; "1/5 tokens", "(IoU 0.2 / FPPI 2)": no score
        if any(m.physical for m in group.members):
            if self.measured(text, group, left, previous):
                return True
            named = self.metric_named_before(text, first.start, entities)  # "a HD95 of 3.35 mm"
            if named:
                group.hits.append((named.start, first.start))
            return named is not None
        if _GREEK_SETTING.search(left):
            return False
        between = text[previous.end: group.start] if previous is not None else ""
        counted = self.count_right if integers else self.count_adjacent  # "trained on 25,000 labeled examples"
        if previous is not None and previous.unit is None and previous.kind in ("absolute", "other") \
                and not counted.search(_SCALE_WORD.sub("", right, count=1)) and (
                re.fullmatch(r"\s*(?:on\s+[^,;()]{1,30}?\s*)?\(\s*(?:from\s+)?", between)
                or _CONTINUATION.match(between.lstrip(") ")) or _AFTER_BRACKETED.fullmatch(between)
                or (listed := self.listed_score.match(between)) and not listed.group("article")
                or self.compared_between.match(between)
                or _CHANGED_TO.fullmatch(between)):
            return True  # "0.78 (0.74-0.79) for 25 PET cases and 0.78", "MRR of 0.521 and Hit@10 of 0.680"
        if previous is not None and previous.unit == "points" and previous.kind in ("improvement", "reduction") \
                and not previous.members[0].signed and _CONTINUATION.match(between) \
                and not self.count_right.search(right):
            return True  # a bare gain continued: "decreasing gFID by 14.11 on Wan2.2-VAE, 6.13 on LTX-VAE"
        if not integers and self.gain_noun_right.search(right):
            return True  # "a 0.02 improvement in IoU"
        if not integers and self.named_before(text, group, entities):
            return True
        if group.versus and not right.strip() and (_PARENTHESIS_BEFORE.search(left) or any(
                e.label == "Dataset" and e.end <= group.start and not text[e.end: group.start].strip()
                for e in entities)):  # "outperform CoTracker3 on EgoPoints 61.3 vs 54.2"
            return True  # "outperforms GPT-4o on MathVista (63.2 vs. 60.1)": a score set beside the baseline's
        scoring = self.scoring_left.search(left)
        if scoring:
            group.hits.append((group.start - len(left) + scoring.start(), group.start))
            return True
        setting = _SETTING.search(left)
        if setting and (integers or setting.group().split()[-1].lower() not in ("at", "of")):
            return False  # "at IoU 0.9", "Precision at 5": settings, not outcomes
        if re.search(r"=\s*$", left) and not (self.metric_left.search(left) or self.correlation_left.search(left)
                                              or self.metric_named_before(text, first.start, entities)):
            return False  # "n = 20", "p = 0.01"; not "Characteristic Curve (AUROC) = 0.99"
        if spread := self.spread_left.search(left):
            group.kind = "other"
            group.hits.append((group.start - len(left) + spread.start(), group.start))
            return True
        if correlation := self.correlation_left.search(left):
            before = text[max(0, group.start - 160): group.start]
            if _BETWEEN.search(before[before.rfind(". ") + 1:]):
                group.kind = "other"  # a finding about two variables, not a system's score
            group.hits.append((group.start - len(left) + correlation.start(), group.start))
            return True
        if metric_after := self.metric_right.search(right):
            group.hits.append((group.end, group.end + metric_after.end()))
            return True
        if named_metric := self.metric_named_before(text, first.start, entities):
            bracketed = text[named_metric.end: first.start].startswith(")")
            group.hits.append((self.long_form_start(text, named_metric, entities) if bracketed
                               else named_metric.start, first.start))
            return True
        for entity in entities:
            if entity.label == "Metric" and entity.start >= group.end and (
                    not text[group.end: entity.start].strip()
                    or not integers and _MODIFIERS.fullmatch(text, group.end, entity.start)):
                # "35.2 BLEU", "5.468 object Chamfer distance"
                group.hits.append((group.end, entity.end))
                return True
        metric = self.metric_left.search(left) or (
            None if integers or self.hyper_left.search(left) else self.measure_left.search(left))  # "Rand Index 0.52"
        if self.count_right.search(right) and not (metric and not self.count_adjacent.search(right)):
            return False  # "3 tasks"; but "MAE of 0.926 against expert scores" is a score
        metric = metric or self.metric_subject.search(left)
        if metric:
            group.hits.append((group.start - len(left) + metric.start(), group.start))
            return True
        named_right = self.measure_right.search(right)
        if named_right and not integers and not self.hyper_right.search(right):
            group.hits.append((group.end, group.end + named_right.end()))
            return True  # "16.1 driving score"
        achieved = self.achieve_left.search(left)
        if _ACRONYM_RIGHT.match(right) and (achieved or not integers and previous is not None and previous.unit is None
                                            and previous.kind == "absolute"
                                            and _ACRONYM_RIGHT.match(text[previous.end: group.start])):
            return True  # "achieves 45.0 PDMS", "87.1 DS along with 71.4 SR": scores named by unknown acronyms
        if previous is not None and previous.unit is None and previous.kind == "absolute" \
                and (_NEXT_BRACKETED.fullmatch(between) or self.listed_score.match(between)):
            return True  # the next system's score, or the next score listed ("a VIoU of 0.545"),
            # when nothing above named the measure
        if not integers and self.gain_noun_left.search(left):
            return True  # "with improvements of 3.2 and 30.12, respectively"
        on_dataset = re.match(r"^\s*(?:on|in)\s+(?:the\s+)?", right)
        if on_dataset and (achieved or "." in text[first.start: group.end]):
            at = group.end + on_dataset.end()  # "achieves 71.2 on MMLU", "e.g., 88.1 on MMLU"
            return any(e.label == "Dataset" and e.start == at for e in entities)
        return False

    def metric_named_before(self, text: str, start: int, entities: list[Entity]) -> Entity | None:
        """The Metric whose value the number at `start` is: 'PSNR of 28.7', 'mean Intersection over
        Union (mIoU) of 0.884', 'the mAP on COCO to 45.2'."""
        for entity in entities:
            if entity.label != "Metric" or entity.end > start:
                continue
            after = text[entity.end + text.startswith(")", entity.end): start]
            if self.filler.match(after) or self.placed_filler.match(after) or self.changed_filler.match(after):
                return entity
        return None

    @staticmethod
    def long_form_start(text: str, short: Entity, entities: list[Entity]) -> int:
        """Where the evidence of a metric named in brackets starts: at the long form right before
        the bracket ("Word Error Rate (WER)"), else at the bracket."""
        opening = text.rfind("(", 0, short.start)
        before = [e.start for e in entities if e.end <= opening and not text[e.end: opening].strip()]
        return before[-1] if before else opening

    def kind(self, text: str, group: Group, left_start: int, left: str, right: str) -> str:
        """improvement | reduction | other | absolute, from the words around the group (`left`
        starts at offset `left_start`)."""
        if group.kind == "other":
            return "other"
        head_end = 0
        for word in re.finditer(r"[^\s,;.()]+", right):
            if _RIGHT_STOP.match(word.group()) or word.start() > 40:
                break
            head_end = word.end()
            head = right[:head_end]
            for kind in ("reduction", "improvement"):
                if self.cues[kind].search(word.group()):
                    group.hits.append((group.end, group.end + head_end))
                    return kind
            if len(head.split()) >= 4:
                break
        if group.members[0].signed:
            return "improvement"
        if _TO.search(left):
            return "absolute"
        found = [(m.start(), kind) for kind in ("improvement", "reduction")
                 for m in [self.ends_cue_of[kind].search(left)] if m]
        if found:
            at, kind = max(found)
            group.hits.append((left_start + at, group.start))
            return kind
        by = self.ends_by.search(left)
        if by:
            window_start = max(0, by.start() - 80)
            cues = [(m.start(), kind) for kind in ("improvement", "reduction")
                    for m in self.cues[kind].finditer(left, window_start, by.start())]
            at, kind = max(cues) if cues else (by.start(), "improvement")
            group.hits.append((left_start + at, group.start))
            return kind
        if group.unit == "%":
            if self.gap_right.search(right):
                return "improvement"  # "closing 78% of the gap"
            data = self.data_right.search(right) or self.share_right.search(right)
            if data:
                group.hits.append((group.end, group.end + data.end()))
                return "other"  # "1% of the data", "94% of the performance of X"
            spread = self.spread_left.search(left)
            if spread:
                return "other"  # "std dev 12.4%"
        return "absolute"


def evidence(text: str, group: Group) -> tuple[int, int]:
    """The shortest span holding the numbers and the context words that made them results."""
    start, end = group.start, group.end
    for lo, hi in group.hits:
        start, end = min(start, lo), max(end, hi)
    if not group.hits:
        clause_lo, clause_hi = clause_start(text, start), clause_end(text, end)
        before = list(re.finditer(r"\S+", text[clause_lo:start]))[-3:]
        after = list(re.finditer(r"\S+", text[end:clause_hi]))[:3]
        start = clause_lo + before[0].start() if before else start
        end = end + after[-1].end() if after else end
    while end > start and text[end - 1] in " ,;.":
        end -= 1
    return start, end

