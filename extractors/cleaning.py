"""Clean a copy of a title or abstract for the NLP, keeping a map back to the input string.

Inputs carry hard line breaks (arXiv), LaTeX (`12.0\\%`, `$\\times$`, `\\textbf{X}`) and Markdown
(`**X**`, `[X](url)`). The pipeline reads the cleaned copy; every offset it reports goes back through
the map, so `text == original[start:end]` holds for the string exactly as given (DESIGN.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from kg.core.schema import Field

# Commands whose argument is kept as text; commands dropped with their argument; symbol commands.
_KEEP_ARG = (r"textbf|textit|emph|texttt|textrm|textsc|mathrm|mathbf|mathit|mathcal|mathsf|text|underline|mbox"
             r"|operatorname|textsuperscript|textsubscript|mathbb|boldsymbol|mathtt|textsl|textup|textnormal|textsf"
             r"|bm")
_SWITCHES = r"em|bf|it|tt|sf|rm|sc|bfseries|itshape|small|footnotesize|scriptsize|tiny|normalsize|large|Large|huge"
_DROP_ARG = r"cite|citep|citet|ref|eqref|label|footnote|url|href"  # \href{url}{text}: the text stays
_SYMBOLS = {
    "times": "x", "sim": "~", "approx": "~", "pm": "±", "le": "<=", "leq": "<=", "ge": ">=",
    "geq": ">=", "rightarrow": "->", "to": "->", "cdot": "·", "%": "%", "&": "&", "_": "_",
    "#": "#", "$": "$", "{": "{", "}": "}", "alpha": "α", "beta": "β", "gamma": "γ",
    "delta": "δ", "epsilon": "ε", "lambda": "λ", "mu": "μ", "sigma": "σ", "tau": "τ",
    "ldots": "...", "dots": "...", ",": " ", ";": " ", " ": " ", "textasciitilde": "~",
    "Delta": "Δ", "pi": "π", "rho": "ρ", "kappa": "κ", "theta": "θ", "Theta": "Θ", "varepsilon": "ε",
    "eta": "η", "omega": "ω", "phi": "φ", "psi": "ψ", "xi": "ξ", "ell": "ℓ", "nabla": "∇",
    "circ": "°", "deg": "°", "infty": "∞", "uparrow": "↑", "downarrow": "↓", "log": "log", "space": " ",
    "eg": "e.g.", "ie": "i.e.", "etal": "et al.",
}
_SYMBOL_NAMES = "|".join(sorted((re.escape(k) for k in _SYMBOLS), key=len, reverse=True))

_PATTERN = re.compile(
    rf"(?P<ws>\s*\n\s*)"                                   # hard line break -> one space
    rf"|\\(?:{_KEEP_ARG})(?=\{{)"                          # \textbf{X} -> X (braces dropped below)
    rf"|\\(?:{_DROP_ARG})\{{[^{{}}]*\}}"                    # \cite{...} -> ''
    rf"|\\(?P<sym>{_SYMBOL_NAMES})(?![A-Za-z])"             # \% -> %, \times -> x
    rf"|\\(?:{_SWITCHES})(?![A-Za-z])\s*"                     # \em, \bf: font switches -> ''
    rf"|(?P<mathsign>\$)"                                   # $ math delimiters -> ''
    rf"|(?P<brace>(?<!\\)[{{}}])"                           # bare TeX grouping braces -> ''
    rf"|``(?P<tq>[^`']*)''"                                 # ``quoted'' -> "quoted"
    rf"|\*\*(?P<bold>[^*\n]+)\*\*|__(?P<ubold>[^_\n]+)__"   # Markdown bold
    rf"|(?<![\w*])\*(?P<ital>[^*\s][^*\n]*)\*(?!\w)"        # Markdown italics
    rf"|`(?P<code>[^`\n]+)`"                                # Markdown code
    rf"|\[(?P<link>[^\]\n]+)\]\([^)\s]+\)"                  # [text](url) -> text
    rf"|(?P<tilde>(?<!\\)~)"                                # TeX non-breaking space
)
_NEEDS_CLEANING = re.compile(r"[\n\\$*_`\[~{}]")
# Right before a span: "$\textbf{", "\underline{\textbf{", or a math sign alone ("$\Delta$-NeRF", "$k$-NN").
_GROUP_OPENING = re.compile(r"(?:\$?(?:\\[A-Za-z]+)?\{)+$|\$$")
_GROUP_CLOSING = re.compile(r"\}+\$?|\$")  # right after it ("}$", or "$" of "PALMS$^+$")
_TEX_BRACE = re.compile(r"(?<!\\)[{}]")  # a brace that groups (not "\{")


def _cuts_a_group(source: str) -> bool:
    """True when `source` opens a math or brace group it does not close, or closes one it did not
    open ("J}\\&\\mathcal{F" has as many braces of each kind, in the wrong order)."""
    if source.count("$") % 2 == 1:
        return True
    depth = 0
    for brace in _TEX_BRACE.findall(source):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return True
    return depth != 0


@dataclass(slots=True)
class CleanText:
    """A cleaned copy of `original`; `source_span` maps a span of `text` back into `original`.

    The map is a list of segments, one per piece of `text`: a copied run of `original` maps char by
    char, a synthesised piece (" " for a line break, '"' for ``) maps every char to the whole source
    run it replaced. No per-char table is built: most texts are cleaned (arXiv line breaks) and
    only their mentions are looked up."""

    original: str
    text: str
    _segment_starts: list[int] = field(default_factory=list)  # where each segment starts in `text` (none: identity)
    _segments: list[tuple[int, int, bool]] = field(default_factory=list)  # (source lo, source hi, copied)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that produced `text[start:end]` (end > start); a span that would
        cut a TeX group widens to take it whole ("$\\textbf{A}$daptive", not "A}$daptive")."""
        if not self._segments:
            return start, end
        lo, hi = self._source_of(start)[0], self._source_of(end - 1)[1]
        if _cuts_a_group(self.original[lo:hi]):
            opening = _GROUP_OPENING.search(self.original, max(0, lo - 60), lo)
            lo = opening.start() if opening else lo
            closing = _GROUP_CLOSING.match(self.original, hi)
            if _cuts_a_group(self.original[lo:hi]) and closing:
                hi = closing.end()
        return lo, hi

    def _source_of(self, index: int) -> tuple[int, int]:
        """The source span of the cleaned char at `index`."""
        segment = bisect_right(self._segment_starts, index) - 1
        lo, hi, copied = self._segments[segment]
        if copied:
            at = lo + index - self._segment_starts[segment]
            return at, at + 1
        return lo, hi


def clean(original: str) -> CleanText:
    """Clean `original` for the NLP; identical text (and no map) when there is nothing to clean."""
    if not _NEEDS_CLEANING.search(original):
        return CleanText(original, original)
    pieces: list[str] = []
    segment_starts: list[int] = []
    segments: list[tuple[int, int, bool]] = []
    length = 0

    def add(text: str, lo: int, hi: int, copied: bool) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            segment_starts.append(length)
            segments.append((lo, hi, copied))
            length += len(text)

    def copy(lo: int, hi: int) -> None:
        add(original[lo:hi], lo, hi, True)

    def synth(text: str, lo: int, hi: int) -> None:
        add(text, lo, hi, False)

    pos = 0
    for match in _PATTERN.finditer(original):
        lo, hi = match.span()
        copy(pos, lo)
        pos = hi
        kind = match.lastgroup
        if kind == "ws":
            synth(" ", lo, hi)
        elif kind in ("bold", "ubold", "ital", "code", "link"):
            copy(*match.span(kind))
        elif kind == "tq":
            synth('"', lo, lo + 2)
            copy(*match.span("tq"))
            synth('"', hi - 2, hi)
        elif kind == "sym":
            synth(_SYMBOLS[match.group("sym")], lo, hi)
        elif kind == "tilde":
            synth(" ", lo, hi)
        # mathsign, brace, font switches and \cite-like commands are dropped
    copy(pos, len(original))
    return CleanText(original, "".join(pieces), segment_starts, segments)


@dataclass(slots=True)
class PaperText:
    """Title and abstract of one paper as one NLP text: cleaned title, blank line, cleaned abstract."""

    title: CleanText
    abstract: CleanText
    text: str
    abstract_offset: int  # where the cleaned abstract starts in `text`

    SEPARATOR = "\n\n"

    @classmethod
    def of(cls, title: str, abstract: str) -> PaperText:
        t, a = clean(title or ""), clean(abstract or "")
        if t.text and a.text:
            return cls(t, a, t.text + cls.SEPARATOR + a.text, len(t.text) + len(cls.SEPARATOR))
        if t.text:
            return cls(t, a, t.text, len(t.text) + len(cls.SEPARATOR))
        return cls(t, a, a.text, 0)

    @property
    def title_end(self) -> int:
        """End of the title in `text` (0 when there is no title)."""
        return len(self.title.text)

    def locate(self, start: int, end: int) -> tuple[Field, int, int] | None:
        """(field, start, end) in the input strings for a span of `text`; None if it crosses fields."""
        if end <= start:
            return None
        if end <= self.title_end:
            return ("title", *self.title.source_span(start, end))
        if start >= self.abstract_offset and self.abstract.text:
            off = self.abstract_offset
            return ("abstract", *self.abstract.source_span(start - off, end - off))
        return None

    def original(self, field: Field) -> str:
        return self.title.original if field == "title" else self.abstract.original
