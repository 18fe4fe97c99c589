"""Train the shipped scientific NER reproducibly on CPU: five types, named versus generic.

Two sources teach it, each for what it knows:
- the guide-annotated arXiv 2025 papers (GUIDE.md; the caller passes the train split): Method,
  Dataset, Task, Metric and Model, named entities only. Each paper lists an entity once, so its
  text and aliases are projected onto every occurrence in the title and abstract. The gold lists no
  generic concepts: phrases that SciER annotates as mentions ("language models", "attention") are
  left without annotation in these papers (spaCy's missing value), so they are not taught as "O".
- SciER (GPL-3.0): Method, Dataset, Task mentions, named and generic alike. A mention is marked
  generic (label "<Type>_generic") unless the guide's papers name it, the model-name grammar reads
  it, a gazetteer knows it, or it looks like a name (`is_generic`); a model name becomes Model, as
  the guide types it; guide metric names in SciER sentences, which SciER does not annotate, are
  taught as Metric.

Texts are made by the product's own tokenizer (`extractors.tokenizer.blank()`); SciER sentences are
detokenised with exactly the held-out scorer's rules first.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, DocBin, Span

from extractors.cleaning import PaperText
from extractors.components.ner import GENERIC_SUFFIX, is_generic
from extractors.rules.data import data_path
from extractors.rules.phrases import generic_word_keys
from extractors.tokenizer import blank
from kg.core.errors import DataNotFound
from kg.core.iteration import read_jsonl
from kg.core.names import name_key

ENTITY_TYPES = ("Method", "Dataset", "Task", "Metric", "Model")
SCIER_TYPES = ("Method", "Dataset", "Task")
NER_MODEL_DIR = Path(__file__).with_name("ner_model")
TRAINING_CONFIG = Path(__file__).with_name("ner_training.cfg")
DEFAULT_SEED = 7
SCIER_AUTHORS = "Zhang, Chen, Pan, Caragea, Latecki, Dragut"

# The held-out scorer's detokenisation, in its order (../shared/data/README.md).
_DETOKENISE = (
    (re.compile(r" ([,.;:%)\]!?'])"), r"\1"),
    (re.compile(r"([(\[]) "), r"\1"),
    (re.compile(r" - "), "-"),
    (re.compile(r" / "), "/"),
)


def generic_label(label: str) -> str:
    return label + GENERIC_SUFFIX


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The scorer's natural text for `tokens`, and each token's (start, end) char offsets in it."""
    text = " ".join(tokens)
    for pattern, replacement in _DETOKENISE:
        text = pattern.sub(replacement, text)
    offsets: list[tuple[int, int]] = []
    pos = 0
    for token in tokens:  # the rules only delete spaces, so tokens appear in order
        start = text.index(token, pos)
        if text[pos:start].strip():
            raise ValueError(f"token {token!r} not found in order in {text!r}")
        pos = start + len(token)
        offsets.append((start, pos))
    return text, offsets


@dataclass(slots=True)
class Sentence:
    """A training text with its mentions as (start, end, label) char spans; `unknown` char spans
    carry no annotation at all (neither a mention nor outside one); `title_end` as in the pipeline."""

    text: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    unknown: list[tuple[int, int]] = field(default_factory=list)
    title_end: int = 0


def _first_longest(candidates: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans: longer first, then leftmost, then first listed; sorted by start.
    A NER tags no overlaps. (A set here once made the choice depend on string hashing.)"""
    chosen: list[tuple[int, int, str]] = []
    for start, end, label in sorted(dict.fromkeys(candidates), key=lambda c: (c[0] - c[1], c[0])):
        if not any(start < e and s < end for s, e, _ in chosen):
            chosen.append((start, end, label))
    return sorted(chosen)


def convert_record(record: dict) -> Sentence:
    """Map every occurrence of each annotated SciER mention (a token sequence) to char offsets.

    SciER lists mentions as strings, so every occurrence in the sentence is labelled; where two
    occurrences overlap, the longer (then earlier, then first listed) one wins.
    """
    tokens = record["sentence"].split()
    text, offsets = detokenise(tokens)
    candidates: list[tuple[int, int, str]] = []
    for mention, label in record["ner"]:
        if label not in SCIER_TYPES:
            continue
        words = mention.split()
        for i in range(len(tokens) - len(words) + 1):
            if tokens[i:i + len(words)] == words:
                candidates.append((offsets[i][0], offsets[i + len(words) - 1][1], label))
    return Sentence(text, _first_longest(candidates))


def read_scier(path: Path) -> Iterator[Sentence]:
    """The sentences of a SciER JSONL file, detokenised, with char-offset mentions."""
    if not path.exists():
        raise DataNotFound(f"SciER file not found: {path}")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield convert_record(json.loads(line))


# ---------------------------------------------------------------------------------------------
# The guide's papers: project each listed entity onto its occurrences

def entity_forms(entity: dict) -> list[str]:
    """The surface forms a gold entity may take in its paper: text, aliases, canonical."""
    forms = [entity["text"], *entity.get("aliases", ()), entity.get("canonical") or ""]
    return [form for form in dict.fromkeys(forms) if form.strip()]


def _any_case(form: str) -> bool:
    """Whether `form` also stands for the entity in another case: "Reinforcement learning" at a
    sentence start, or "Mechanistic Interpretability" in a title, for the same words in lower case.
    Acronyms and mixed-case names ("RL", "LoRA", "BIRD", "GPT-4o") keep their case: "bird" or
    "lora" in prose may be something else."""
    words = re.findall(r"[^\W\d_]+", form)
    return sum(map(len, words)) > 3 and not any(char.isupper() for word in words for char in word[1:])


def _occurrences(text: str, form: str, any_case: bool) -> Iterator[int]:
    """Start offsets of `form` in `text` as a whole word (no letter or digit on either side)."""
    pattern = re.compile(rf"(?<![^\W_]){re.escape(form)}(?![^\W_])", re.IGNORECASE if any_case else 0)
    for match in pattern.finditer(text):
        yield match.start()


def project_gold(record: dict) -> Sentence:
    """The paper's title + abstract (as the pipeline reads them) with every occurrence of every
    gold entity form labelled with the entity's type.

    Forms are matched as whole words, in their own case (lower-case phrases in any case, see
    `_any_case`); where occurrences overlap the longer wins ("offline reinforcement learning"
    over "reinforcement learning"), then the earlier, then the entity listed first.
    """
    paper = PaperText.of(record.get("title", ""), record.get("abstract", ""))
    text = paper.text
    candidates = []
    for entity in record["entities"]:
        if entity["type"] not in ENTITY_TYPES:
            continue
        for form in entity_forms(entity):
            for start in _occurrences(text, form, _any_case(form)):
                candidates.append((start, start + len(form), entity["type"]))
    return Sentence(text, _first_longest(candidates), title_end=paper.title_end)


def gold_lexicon(records: Iterable[dict]) -> dict[str, str]:
    """name_key of every form of a gold (named) entity -> its type; the first listed wins."""
    lexicon: dict[str, str] = {}
    for record in records:
        for entity in record["entities"]:
            for form in entity_forms(entity):
                if name_key(form):
                    lexicon.setdefault(name_key(form), entity["type"])
    return lexicon


# ---------------------------------------------------------------------------------------------
# Rules that mark the two sources so that they agree

class SourceMarker:
    """Marks SciER mentions generic or named (and Model), SciER sentences' guide metrics, and
    the guide papers' unannotated SciER-style phrases, with the product's own rule components."""

    def __init__(self, guide_records: list[dict], scier_train: list[Sentence]):
        import extractors.components  # noqa: F401  (registers the factories)
        from extractors.pipeline import CONFIG_PATH

        # The rule components as the shipped pipeline configures them (its data files included).
        components = spacy.util.load_config(CONFIG_PATH)["components"]
        self.nlp = blank()
        for name in ("sentencizer", "paperkg_gazetteer", "paperkg_models"):
            settings = dict(components[name])
            self.nlp.add_pipe(settings.pop("factory"), name=name, config=settings)
        self.nlp.initialize()
        self.generic_words = generic_word_keys(
            read_jsonl(data_path(components["paperkg_ner"]["generic_words_path"])))
        self.lexicon = gold_lexicon(guide_records)
        metric_papers = Counter(form.lower() for record in guide_records for form in {
            form for entity in record["entities"] if entity["type"] == "Metric"
            for form in entity_forms(entity)})
        self.metrics = self._phrases(  # in two papers at least: one paper's "complexity" or "R" is no rule
            form for form, papers in metric_papers.items() if papers > 1)
        mentioned = Counter(sentence.text[start:end].lower()
                            for sentence in scier_train for start, end, _ in sentence.mentions)
        self.scier_phrases = self._phrases(  # twice at least: one-off annotations include "as"
            phrase for phrase, count in mentioned.items() if count > 1 and phrase not in STOP_WORDS)

    def _phrases(self, texts: Iterable[str]) -> PhraseMatcher:
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        patterns = sorted({text.lower() for text in texts if text.strip()})
        docs = self.nlp.tokenizer.pipe(patterns)  # type: ignore[union-attr]  # (spaCy types it a callable)
        matcher.add("phrase", list(docs))
        return matcher

    def doc(self, sentence: Sentence) -> Doc:
        doc = self.nlp.make_doc(sentence.text)
        doc._.title_end = sentence.title_end
        for _, component in self.nlp.pipeline:
            doc = component(doc)
        return doc

    def mark_scier(self, sentence: Sentence) -> Sentence:
        doc = self.doc(sentence)
        models = {(span.start_char, span.end_char) for span in doc.spans["models"]}
        gazetteer = {(span.start, span.end) for span in doc.spans["gazetteer"]}
        mentions = []
        for start, end, label in sentence.mentions:
            span = doc.char_span(start, end)
            known = self.lexicon.get(name_key(sentence.text[start:end]))
            if (start, end) in models or known == "Model":
                label = "Model"
            elif not known and span is not None and is_generic(span, gazetteer, self.generic_words):
                label = generic_label(label)
            mentions.append((start, end, label))
        for _, first, last in self.metrics(doc):
            span = doc[first:last]
            if not any(span.start_char < e and s < span.end_char for s, e, _ in mentions):
                mentions.append((span.start_char, span.end_char, "Metric"))
        return Sentence(sentence.text, _first_longest(mentions), title_end=sentence.title_end)

    def mark_guide(self, sentence: Sentence) -> Sentence:
        """Phrases SciER annotates (as generic or named mentions) that the gold does not list here
        are left unannotated."""
        doc = self.doc(sentence)
        unknown = [(doc[first:last].start_char, doc[first:last].end_char)
                   for _, first, last in self.scier_phrases(doc)]
        unknown = [(s, e) for s, e in unknown
                   if not any(s < end and start < e for start, end, _ in sentence.mentions)]
        return Sentence(sentence.text, sentence.mentions, _merge(unknown), sentence.title_end)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(slots=True)
class Conversion:
    docs: DocBin
    mentions: int = 0
    misaligned: int = 0  # mentions whose edges fall inside a token of the product tokenizer


def to_docbin(nlp: Language, sentences: Iterable[Sentence], repeat: int = 1) -> Conversion:
    """Tokenise with the product tokenizer. A mention not on token edges is counted and left
    unannotated, like the `unknown` spans; every other token is outside any mention."""
    conversion = Conversion(DocBin(store_user_data=False))
    for sentence in sentences:
        doc = nlp.make_doc(sentence.text)
        spans: list[Span] = []
        missing: list[Span] = []
        for start, end, label in sentence.mentions:
            conversion.mentions += 1
            span = doc.char_span(start, end, label=label)
            if span is None:
                conversion.misaligned += 1
                missing.append(_covering_span(doc, start, end))
            else:
                spans.append(span)
        missing += [_covering_span(doc, start, end) for start, end in sentence.unknown]
        missing = [m for m in missing if not any(m.start < s.end and s.start < m.end for s in spans)]
        doc.set_ents(spans, missing=_token_union(doc, missing))
        for _ in range(repeat):
            conversion.docs.add(doc)
    return conversion


def _covering_span(doc: Doc, start: int, end: int) -> Span:
    """The tokens that cover chars `start`..`end`, which lie inside the text (a Sentence's offsets
    are those of matches in its text), so the expanded span always exists."""
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None, "a Sentence's offsets lie inside its text"
    return span


def _token_union(doc: Doc, spans: list[Span]) -> list[Span]:
    """`spans` as non-overlapping spans (set_ents refuses overlaps)."""
    merged = _merge([(span.start, span.end) for span in spans])
    return [doc[start:end] for start, end in merged]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Static subword vectors (floret) trained on the unlabelled arXiv abstracts: a small hash table
# (BUCKETS rows of VECTOR_WIDTH floats), so that they ship inside the weights' folder.
VECTOR_WIDTH = 64
VECTOR_BUCKETS = 20000


def train_vectors(corpus: Path, exclude: set[str], work: Path) -> Path:
    """A spaCy vocab directory with floret vectors learnt from `corpus` (JSONL(.gz) papers with
    title/abstract), papers whose id is in `exclude` (the annotated ones) left out. Lower-cased
    product tokens, one paper a line; one thread makes it deterministic (floret's seed is fixed)."""
    import floret
    from spacy.training.initialize import convert_vectors

    if not corpus.is_file():
        raise DataNotFound(f"corpus not found: {corpus}")
    tokenizer = blank().tokenizer  # its vocab takes the corpus's 200k strings, not the model's
    text_path = work / "corpus.txt"
    with (gzip.open if corpus.suffix == ".gz" else open)(corpus, "rt", encoding="utf-8") as lines, \
            text_path.open("w", encoding="utf-8") as out:
        records = (json.loads(line) for line in lines if line.strip())
        texts = (" ".join(f"{r.get('title') or ''} {r.get('abstract') or ''}".split())
                 for r in records if r.get("id") not in exclude)
        for doc in tokenizer.pipe(texts, batch_size=1000):  # type: ignore[union-attr]  # (spaCy types it a callable)
            out.write(" ".join(token.lower_ for token in doc) + "\n")
    model = floret.train_unsupervised(
        str(text_path), model="cbow", mode="floret", hashCount=2, bucket=VECTOR_BUCKETS, minn=3,
        maxn=5, dim=VECTOR_WIDTH, epoch=5, minCount=5, thread=1, verbose=0)
    model.save_floret_vectors(str(work / "vectors.floret"))
    nlp = spacy.blank("en")
    convert_vectors(nlp, work / "vectors.floret", truncate=0, prune=-1, mode="floret", attr="LOWER")
    nlp.to_disk(work / "vectors")
    return work / "vectors"


@dataclass(slots=True)
class TrainingData:
    """What a training reads: SciER files and the guide records, split for fitting and selection."""

    scier_train: Path
    scier_dev: Path
    guide_train: list[dict]
    guide_validation: list[dict]
    corpus: Path  # unlabelled papers (JSONL(.gz) with title/abstract) for the static vectors
    corpus_exclude: set[str] = field(default_factory=set)  # ids of papers never to read there
    guide_path: Path | None = None  # the gold file the records came from, for its hash
    guide_repeat: int = 3  # each guide paper is seen this many times per epoch


def prepare(data: TrainingData, work: Path) -> dict[str, int]:
    """Write train.spacy and dev.spacy into `work`; return counts for the log."""
    nlp = blank()
    scier_train = list(read_scier(data.scier_train))
    scier_dev = list(read_scier(data.scier_dev))
    marker = SourceMarker(data.guide_train, scier_train)
    counts = {}
    for split, scier, guide, repeat in (("train", scier_train, data.guide_train, data.guide_repeat),
                                        ("dev", scier_dev, data.guide_validation, 1)):
        docs = DocBin(store_user_data=False)
        for name, sentences, times in (
            ("scier", [marker.mark_scier(s) for s in scier], 1),
            ("guide", [marker.mark_guide(project_gold(r)) for r in guide], repeat),
        ):
            conversion = to_docbin(nlp, sentences, times)
            docs.merge(conversion.docs)
            counts[f"{split} {name} texts"] = len(sentences)
            counts[f"{split} {name} mentions"] = conversion.mentions
            counts[f"{split} {name} off token edges"] = conversion.misaligned
        docs.to_disk(work / f"{split}.spacy")
    return counts


def train_ner(
    data: TrainingData,
    output_dir: Path = NER_MODEL_DIR,
    seed: int = DEFAULT_SEED,
    overrides: dict | None = None,
    config_path: Path = TRAINING_CONFIG,
) -> dict:
    """Train tok2vec+ner on SciER train + the guide's train papers, select on SciER dev + the
    guide's validation papers, write the best pipeline to `output_dir`.

    Returns the selection scores (spaCy's exact-span P/R/F1, overall and by label). `output_dir`
    gets the pipeline plus TRAINING.md (command, seed, data hashes, scores) and the SciER LICENSE.
    """
    from spacy.cli.train import train as spacy_train

    all_overrides = {"training.seed": seed, **(overrides or {})}
    with tempfile.TemporaryDirectory(prefix="paperkg-ner-") as tmp:
        work = Path(tmp)
        counts = prepare(data, work)
        for name, count in counts.items():
            print(f"{name}: {count}", flush=True)
        vectors = train_vectors(data.corpus, data.corpus_exclude, work)
        all_overrides |= {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                          "paths.vectors": str(vectors)}
        spacy_train(config_path, work / "out", overrides=all_overrides, use_gpu=-1)
        best = work / "out" / "model-best"
        meta = json.loads((best / "meta.json").read_text())
        if output_dir.exists():
            shutil.rmtree(output_dir)
        shutil.copytree(best, output_dir)
    scores = {
        "precision": meta["performance"]["ents_p"],
        "recall": meta["performance"]["ents_r"],
        "f1": meta["performance"]["ents_f"],
        "by_type": meta["performance"]["ents_per_type"],
    }
    _write_provenance(output_dir, data, seed, all_overrides, scores)
    return scores


def _write_provenance(output_dir: Path, data: TrainingData, seed: int, overrides: dict,
                      scores: dict) -> None:
    """TRAINING.md (how the weights were made), the GPL-3.0 LICENSE of the SciER data, and the
    licence and sources in the pipeline's meta.json."""
    config = spacy.util.load_config(output_dir / "config.cfg", interpolate=False)
    config["paths"]["train"] = config["paths"]["dev"] = None  # temporary files, gone
    config["paths"]["vectors"] = None  # the vectors ship in the pipeline's vocab
    config.to_disk(output_dir / "config.cfg")
    meta_path = output_dir / "meta.json"
    meta = json.loads(meta_path.read_text())
    major, minor = (int(part) for part in spacy.__version__.split(".")[:2])
    meta |= {"name": "paperkg_scientific_ner", "license": "GPL-3.0",
             # the minor version pin of pyproject.toml: weights load across its patch releases
             "spacy_version": f">={major}.{minor},<{major}.{minor + 1}",
             "description": "PaperKG scientific NER (Method, Dataset, Task, Metric, Model; named "
                            "or generic) trained on SciER and the project's guide annotations",
             "sources": [{"name": "SciER", "url": "https://github.com/edzq/SciER",
                          "license": "GPL-3.0", "author": SCIER_AUTHORS},
                         {"name": "PaperKG arXiv 2025 gold (train split)",
                          "author": "the PaperKG project"}]}
    meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    licence = data.scier_train.with_name("LICENSE")
    if licence.exists():
        shutil.copyfile(licence, output_dir / "LICENSE")
    shown = {k: v for k, v in overrides.items() if not k.startswith("paths.")}
    rows = "\n".join(
        f"| {label} | {s['p']:.4f} | {s['r']:.4f} | {s['f']:.4f} |"
        for label, s in sorted(scores["by_type"].items())
    )
    files = [data.scier_train, data.scier_dev, *(p for p in (data.guide_path, data.corpus) if p)]
    vectors = (f"Static vectors: floret, {VECTOR_BUCKETS:,} hashed subword rows of {VECTOR_WIDTH} "
               f"floats, learnt by the same command from {data.corpus.name} (lower-cased product "
               f"tokens), the {len(data.corpus_exclude)} annotated arXiv papers left out.\n\n")
    hashes = "\n".join(f"| {path.name} | {sha256(path)} |" for path in files)
    title = "PaperKG scientific NER (Method, Dataset, Task, Metric, Model; named or generic)"
    (output_dir / "TRAINING.md").write_text(f"""# {title}

A spaCy {spacy.__version__} CNN pipeline (tok2vec + ner) trained on CPU by the project:

    OMP_NUM_THREADS=1 kg train-ner --seed {seed} --in-place

(`extractors.ner_training.train_ner`; config: `extractors/ner_training.cfg`, overrides {json.dumps(shown)}).
Tokenizer: the product's (`extractors.tokenizer`). Deterministic for a seed on CPU with one BLAS thread
(`OMP_NUM_THREADS=1`), which is how these were made.

Training data: SciER train and the train split of the project's arXiv 2025 gold
(kg/evaluation/split.py): {len(data.guide_train)} papers fitted, each seen {data.guide_repeat} times
per epoch, and {len(data.guide_validation)} papers held back with SciER dev to select the
checkpoint; the gold's dev papers are not read. How the two sources are reconciled:
extractors/ner_training.py.

{vectors}
| file | sha256 |
|---|---|
{hashes}

Selection scores (spaCy exact span match on SciER dev + the validation papers, model alone;
"_generic" labels are SciER mentions marked generic by the rules):
P {scores['precision']:.4f} R {scores['recall']:.4f} F1 {scores['f1']:.4f}

| label | P | R | F1 |
|---|---|---|---|
{rows}

## Licence and citation
These weights derive from the SciER data and are distributed under GPL-3.0 (LICENSE in this folder);
the rest of PaperKG is Apache-2.0. The arXiv 2025 annotations they also learn from are the PaperKG
project's own (annotated with ../shared/data/gold/GUIDE.md).

{SCIER_AUTHORS}. "SciER: An Entity and Relation Extraction Dataset for
Datasets, Methods, and Tasks in Scientific Documents." EMNLP 2024. https://github.com/edzq/SciER
""", encoding="utf-8")


def format_scores(scores: dict) -> str:
    lines = [f"{'label':<18}{'P':>8}{'R':>8}{'F1':>8}"]
    for label, s in sorted(scores["by_type"].items()):
        lines.append(f"{label:<18}{s['p']:>8.4f}{s['r']:>8.4f}{s['f']:>8.4f}")
    lines.append(f"{'micro':<18}{scores['precision']:>8.4f}{scores['recall']:>8.4f}{scores['f1']:>8.4f}")
    return "\n".join(lines)
