"""The merger of candidate span groups into doc.spans["entities"], on seed-abstract sentences.

The trained NER is built in parallel; where a test needs an "ner" group it writes one by hand on a
real processed doc and re-runs the real merger component on it.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.tokens import Span

from extractors.attributes import ENTITIES_KEY
from extractors.pipeline import default_pipeline
from tests.extractors.pipeline_cases import annotate, extract, the_mention

ROME = ("To test our hypothesis that these computations correspond to factual association recall, we "
        "modify feed-forward weights to update specific factual associations using Rank-One Model "
        "Editing (ROME). We find that ROME is effective on a standard zero-shot relation extraction "
        "(zsRE) model-editing task.")
DENSE = ("Dense Retrievers are trained with counterfactual feedback. Existing dense retriever training "
         "ignores the language models of the feedback, while a dense-retriever can be tuned.")


def spans_of(doc, key: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.label_, s.id_) for s in doc.spans[key]]


def test_entities_never_overlap_on_a_whole_abstract():
    doc = annotate(ROME + " " + DENSE, title="Locating and Editing Factual Associations in GPT")
    entities = list(doc.spans[ENTITIES_KEY])
    assert entities
    for left, right in pairwise(entities):
        assert left.end_char <= right.start_char


def test_model_grammar_refines_an_overlapping_gazetteer_span():
    doc = annotate("We fine-tune BERT, T5 and CLIP and compare with GPT-4 and Transformer baselines.")
    assert ("CLIP", "Metric", "CLIP") in spans_of(doc, "gazetteer")  # an ambiguous catalogue hit
    clip = next(s for s in doc.spans[ENTITIES_KEY] if s.text == "CLIP")
    assert (clip.label_, clip._.model["family"], clip._.source) == ("Model", "CLIP", "pattern")
    assert ("Transformer", "Method", "Transformer") in spans_of(doc, ENTITIES_KEY)


def test_acronym_long_form_replaces_the_shorter_name_inside_it():
    found = extract(ROME)
    assert "Model Editing" not in {m.text for m in found.entities}
    long_form = the_mention(found, "Rank-One Model Editing")
    assert (long_form.type, long_form.canonical, long_form.aliases) == ("Method", "ROME", ["ROME"])
    assert {m.canonical for m in found.entities if m.text == "ROME"} == {"ROME"}


def test_gazetteer_id_is_the_canonical_of_an_acronym_pair_it_knows():
    found = extract("Parameter-Efficient Fine-Tuning (PEFT) methods such as LoRA are popular. "
                    "We compare PEFT with full fine-tuning.")
    assert {(m.text, m.canonical) for m in found.entities if m.text != "LoRA"} >= {
        ("Parameter-Efficient Fine-Tuning", "PEFT"), ("PEFT", "PEFT")}


def test_merger_runs_with_whatever_groups_exist():
    doc = annotate(ROME)
    for key in [key for key in doc.spans if key not in ("gazetteer", "acronym")]:
        del doc.spans[key]
    merged = default_pipeline().get_pipe("paperkg_entities")(doc)
    assert ("Rank-One Model Editing", "Method", "ROME") in spans_of(merged, ENTITIES_KEY)


@pytest.fixture(scope="module")
def merged_with_ner():
    """DENSE, processed, with a hand-written "ner" group, merged again by the real component."""
    doc = annotate(DENSE)
    ner = []
    for surface, label, generic in (("Dense Retrievers", "Method", False),
                                    ("dense retriever", "Method", False),
                                    ("dense-retriever", "Method", False),
                                    ("language models", "Method", True),
                                    ("counterfactual feedback", "Method", False)):
        start = doc.text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        span._.source, span._.score, span._.generic = "ner", 0.8, generic
        ner.append(span)
    doc.spans["ner"] = ner
    return default_pipeline().get_pipe("paperkg_entities")(doc)


def test_ner_adds_new_entities_with_its_score(merged_with_ner):
    found = {s.text: s for s in merged_with_ner.spans[ENTITIES_KEY]}
    added = found["counterfactual feedback"]
    assert (added._.source, added._.score) == ("ner", 0.8)


def test_near_duplicates_share_one_canonical(merged_with_ner):
    canonicals = {s.id_ for s in merged_with_ner.spans[ENTITIES_KEY]
                  if s.text.lower().replace("-", " ").startswith("dense retriever")}
    assert canonicals == {"Dense Retrievers"}


def test_generic_mentions_are_kept_and_flagged(merged_with_ner):
    flags = {s.text: s._.generic for s in merged_with_ner.spans[ENTITIES_KEY]}
    assert flags.pop("language models") is True
    assert not any(flags.values())


def test_earlier_sources_win_exact_matches():
    doc = annotate("Existing work relies on in-context learning and chain-of-thought prompting.")
    gazetteer = {(s.start_char, s.end_char): s.id_ for s in doc.spans["gazetteer"]}
    assert gazetteer, "the sentence needs a gazetteer hit"
    start, end = next(iter(gazetteer))
    doc.spans["ner"] = [Span(doc, doc.char_span(start, end).start, doc.char_span(start, end).end,
                             label="Task", span_id="something else")]
    merged = default_pipeline().get_pipe("paperkg_entities")(doc)
    [entity] = [s for s in merged.spans[ENTITIES_KEY] if (s.start_char, s.end_char) == (start, end)]
    assert (entity.id_, entity._.source) == (gazetteer[(start, end)], "gazetteer")


def _merge_with_ner(text: str, surface: str, generic: bool):
    doc = annotate(text)
    start = text.index(surface)
    span = doc.char_span(start, start + len(surface), label="Dataset")
    assert span is not None
    span._.source, span._.score, span._.generic = "ner", 0.8, generic
    doc.spans["ner"] = [span]
    return {(s.text, s._.source) for s in default_pipeline().get_pipe("paperkg_entities")(doc)
            .spans[ENTITIES_KEY]}


def test_a_named_ner_span_extends_a_catalogue_name_a_generic_one_does_not():
    text = "We evaluate on MMLU Zorbified, a harder version of the benchmark."
    assert ("MMLU", "gazetteer") in _merge_with_ner(text, "MMLU", generic=False)
    assert ("MMLU Zorbified", "ner") in _merge_with_ner(text, "MMLU Zorbified", generic=False)
    generic = _merge_with_ner(text, "MMLU Zorbified", generic=True)
    assert ("MMLU", "gazetteer") in generic and ("MMLU Zorbified", "ner") not in generic


def test_a_model_only_the_ner_finds_is_a_family_of_its_own():
    text = "We release Mantis, an open model for multi-image reasoning, and compare it with GPT-4o."
    doc = annotate(text)
    start = text.index("Mantis")
    span = doc.char_span(start, start + len("Mantis"), label="Model")
    span._.source, span._.score = "ner", 0.8
    doc.spans["ner"] = [span]
    merged = default_pipeline().get_pipe("paperkg_entities")(doc)
    families = {s.text: (s._.model or {}).get("family") for s in merged.spans[ENTITIES_KEY]}
    assert families == {"Mantis": "Mantis", "GPT-4o": "GPT"}


def test_a_size_suffix_is_not_a_plural():
    """"ViT-S" is ViT-Small, not the plural "ViTs" (Vision Transformers) defined beside it."""
    found = extract("Vision Transformers (ViTs) are widely used. We evaluate ViT-Small (ViT-S) and "
                    "ViT-Base (ViT-B) configurations.")
    assert the_mention(found, "ViTs").canonical == "Vision Transformer"
    assert the_mention(found, "ViT-S").canonical == the_mention(found, "ViT-Small").canonical
    assert the_mention(found, "ViT-S").canonical != "Vision Transformer"


def test_macro_f1_is_its_own_metric():
    found = extract("We report macro F1, micro-F1 and F1-score.")
    assert [(m.text, m.canonical) for m in found.entities] == [
        ("macro F1", "Macro-F1"), ("micro-F1", "Micro-F1"), ("F1-score", "F1")]


def test_a_model_name_before_score_is_a_metric():
    """"CLIP score" and "DINO score" are metrics computed with the models; "GPT-4 scores 85%" is GPT-4."""
    found = extract("FooGen reaches a CLIP score of 0.31, a CLIP-I of 0.80 and a DINO score of 0.71. "
                    "GPT-4 scores 85% on MMLU.")
    assert [(m.text, m.type, m.canonical) for m in found.entities if m.text != "FooGen"] == [
        ("CLIP score", "Metric", "CLIPScore"), ("CLIP-I", "Metric", "CLIP-I"),
        ("DINO score", "Metric", "DINO Score"), ("GPT-4", "Model", "GPT-4"), ("MMLU", "Dataset", "MMLU")]
    assert [(r.value, r.metric) for r in found.results][:3] == [
        (0.31, "CLIPScore"), (0.8, "CLIP-I"), (0.71, "DINO Score")]


def test_the_ner_mentions_of_one_name_take_one_type():
    """An arXiv 2025 abstract where the model typed ShapeNet-v2 Dataset twice and Method once: the
    majority wins, so the paper holds one ShapeNet-v2 entity."""
    text = ("We train on ShapeNet-v2 chairs. ShapeNet-v2 provides meshes, and ShapeNet-v2 is split by category.")
    doc = annotate(text)
    ner = []
    for start, label in zip([i for i in range(len(text)) if text.startswith("ShapeNet-v2", i)],
                            ("Dataset", "Method", "Dataset"), strict=True):
        span = doc.char_span(start, start + len("ShapeNet-v2"), label=label)
        span._.source, span._.score, span._.generic = "ner", 0.8, False
        ner.append(span)
    doc.spans["ner"] = ner
    merged = default_pipeline().get_pipe("paperkg_entities")(doc)
    assert [(s.text, s.label_) for s in merged.spans[ENTITIES_KEY]] == [("ShapeNet-v2", "Dataset")] * 3


def test_a_generic_concept_is_a_generic_mention_whatever_finds_it():
    """Catalogue names the guide's gold leaves out where they occur (arXiv train: "semantic
    similarity" 0 of 6, "prompt engineering" 1 of 6) are generic mentions: out of the graph."""
    found = extract("Closed-source LLMs rely on prompt engineering, and records are matched by semantic "
                    "similarity; we add data augmentation with LoRA.")
    flags = {m.text: m.generic for m in found.entities}
    assert flags["prompt engineering"] and flags["semantic similarity"] and flags["data augmentation"]
    assert flags["LoRA"] is False


def test_hardware_formats_modalities_and_fields_are_generic_alone_not_in_a_phrase():
    """None of the five types, though written in capitals: 4,000 arXiv 2025 abstracts had "CPU" as
    a Method and "JSON" as a Dataset. A task named with one stays a name."""
    found = extract("The model runs on a CPU and emits JSON, which helps ML in STEM. We classify "
                    "arrhythmias from electrocardiogram (ECG) signals and study MRI segmentation.")
    flags = {m.text: m.generic for m in found.entities}
    assert all(flags.get(w, True) for w in ("CPU", "JSON", "ML", "STEM", "electrocardiogram", "ECG"))
    assert [m.text for m in found.entities if not m.generic] == ["MRI segmentation"]



def test_imaging_modalities_are_generic_alone():
    """2025 corpus sentences: CXR, OCT and CBCT were Methods, Tasks and Datasets to the NER (26
    mentions in 4,668 papers); the 480 annotated papers never name a modality as an entity. A task
    or dataset named with one stays a name."""
    found = extract("Glaucoma detection based on retinal fundus images or OCT exhibited strong performance. We "
                    "segment teeth in CBCT and construct the first instruction dataset for CXR lesion segmentation.")
    flags = {m.text: m.generic for m in found.entities}
    assert flags["OCT"] and flags["CBCT"]
    assert not flags["CXR lesion segmentation"]


def test_natural_languages_are_generic_alone():
    """arXiv 2505.17082 (title and abstract sentences): the NER called Darija a Method in every
    mention; a dataset named after the language stays a name."""
    found = extract(
        "Open-source large language models (LLMs) still marginalise Moroccan Arabic (Darija), forcing "
        "practitioners to bolt on heavyweight Arabic adapters. We show that a quality-over-quantity alignment "
        "strategy can surface fluent Darija. We translate three compact instruction suites into Darija. "
        "GemMaroc-27B matches Atlas-Chat on DarijaMMLU (61.6) and leaps ahead on Darija commonsense.",
        "GemMaroc: Unlocking Darija Proficiency in LLMs with Minimal Data")
    named = {m.text for m in found.entities if not m.generic}
    assert "Darija" not in named and "DarijaMMLU" in named


def test_a_measure_keeps_the_word_that_says_what_it_measures():
    """arXiv train sentences: the gold names these metrics "counting accuracy" and "retrieval
    accuracy" (other papers' gold just "accuracy"); the mention keeps both names, the canonical
    stays the catalogue's. How good it is, or what is done to it, is no part of its name."""
    found = extract("Extensive experiments demonstrate that YOLO-Count achieves state-of-the-art counting "
                    "accuracy while providing robust and effective quantity control for T2I systems. These "
                    "identified concepts enable precise semantic matching, significantly enhancing retrieval "
                    "accuracy. We report zero-shot accuracy; it improves accuracy and keeps high accuracy "
                    "with near-optimal accuracy. It raises accuracy with similar accuracy.")
    assert [(m.text, m.canonical) for m in found.entities if m.type == "Metric"] == [
        ("counting accuracy", "Accuracy"), ("retrieval accuracy", "Accuracy"), ("zero-shot accuracy", "Accuracy"),
        *[("accuracy", "Accuracy")] * 5]


def test_a_measure_takes_a_generic_mention_of_its_qualifier_not_a_named_entity():
    """arXiv train: "reconstruction accuracy" is the gold Metric where the NER called "reconstruction"
    a generic Task; "anomaly detection accuracy" keeps its named Task apart (the ner group is written
    by hand; the catalogue knows the task too)."""
    text = ("CHARM performs well in both reconstruction accuracy and generation quality, "
            "significantly boosting anomaly detection accuracy.")
    doc = annotate(text)
    ner = []
    for words, generic in (("reconstruction", True), ("anomaly detection", False)):
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label="Task")
        span._.source, span._.score, span._.generic = "ner", 0.8, generic
        ner.append(span)
    doc.spans["ner"] = ner
    merged = default_pipeline().get_pipe("paperkg_entities")(doc)
    assert [(s.text, s.label_, s.id_) for s in merged.spans[ENTITIES_KEY] if s.text != "CHARM"] == [
        ("reconstruction accuracy", "Metric", "Accuracy"), ("anomaly detection", "Task", "Anomaly Detection"),
        ("accuracy", "Metric", "Accuracy")]


def test_a_catalogue_task_or_method_keeps_a_hyphenated_qualifier():
    """arXiv train sentences whose gold names "long-text question answering" and "mask-aware
    contrastive learning"; the canonical stays the catalogue's. A plain word before the name
    ("conditional", as often a verb) is left out, and so is one a bracket follows: the acronym
    defines the name without the qualifier (a 2025 corpus sentence)."""
    found = extract("T-GRAG outperforms GraphRAG baselines, highlighting the necessity of modeling knowledge "
                    "evolution for robust long-text question answering. To generate realistic noise, we employ a "
                    "conditional diffusion model, enhanced by cycle consistency and mask-aware contrastive learning. "
                    "We suppress hallucinations using a multi-objective knowledge distillation (KD) framework.")
    named = {m.text: m.canonical for m in found.entities}
    assert named["long-text question answering"] == "Question Answering"
    assert named["mask-aware contrastive learning"] == "Contrastive Learning"
    assert "diffusion model" in named and "conditional diffusion model" not in named
    assert named["knowledge distillation"] == named["KD"] and "multi-objective knowledge distillation" not in named
    # arXiv 2025 corpus: a "to" inside the qualifier is no stop word ("state-of-the-art" stays out)
    found = extract("We propose LongDiff, a training-free method to tackle two challenges that hinder short-to-long "
                    "video generation generalization, with state-of-the-art video generation quality.")
    assert [m.text for m in found.entities if m.canonical == "Video Generation"] == [
        "short-to-long video generation", "video generation"]


def test_a_catalogue_task_keeps_an_acronym_or_the_front_of_its_compound():
    """Train and 2025 corpus phrases whose gold (or reader) names the task with its front: "CAD code
    generation", "6D pose estimation", "image-to-video generation", "multi-image super-resolution"
    (the catalogue's "image super-resolution" started inside the word). A model class ("LLM") and
    a plain word ("evaluating", as often a verb) are no part of the name."""
    found = extract("Our method achieves state-of-the-art performance in CAD code generation and 6D pose "
                    "estimation. General image-to-video generation methods often fail, and so do methods "
                    "for multi-image super-resolution. We study LLM summarization by evaluating video generation.")
    assert [(m.text, m.canonical) for m in found.entities if m.type == "Task"] == [
        ("CAD code generation", "Code Generation"), ("6D pose estimation", "Pose Estimation"),
        ("image-to-video generation", "Video Generation"), ("multi-image super-resolution", "Super-Resolution"),
        ("summarization", "Summarization"), ("video generation", "Video Generation")]


def test_an_ner_task_that_qualifies_a_catalogue_task_takes_the_catalogue_canonical():
    """Held-out train papers: the NER found "aerial visual localization" (the gold's name) over the
    catalogue's "visual localization", and the paper's only mention of it was then dropped as a name
    only the NER knew. It keeps the NER's words and takes the catalogue's canonical. Not over an
    acronym ("ThiFAN-VQA" names a system, not VQA) or a generic concept (the ner group is written by
    hand on the real doc)."""
    text = ("We propose a method for aerial visual localization. ThiFAN-VQA improves knowledge graph "
            "construction.")
    doc = annotate(text)
    ner = []
    for words in ("aerial visual localization", "ThiFAN-VQA", "knowledge graph construction"):
        start = text.index(words)
        span = doc.char_span(start, start + len(words), label="Task")
        span._.source, span._.score, span._.generic = "ner", 0.8, False
        ner.append(span)
    doc.spans["ner"] = ner
    assert ("VQA", "Task", "Visual Question Answering") in spans_of(doc, "gazetteer")
    merged = default_pipeline().get_pipe("paperkg_entities")(doc)
    assert [(s.text, s.id_) for s in merged.spans[ENTITIES_KEY] if s.label_ == "Task"] == [
        ("aerial visual localization", "Visual Localization"), ("ThiFAN-VQA", "ThiFAN-VQA"),
        ("knowledge graph construction", "knowledge graph construction")]


def test_a_one_word_catalogue_name_takes_no_qualifier():
    """A 2025 corpus sentence: RAG's node is also named "Retrieval-Augmented Generation", which
    "graph-based RAG" shares no word with; the two would read as a fusion of unrelated names."""
    found = extract("To address this issue, we introduce a multimodal knowledge graph-based RAG that enables "
                    "cross-modal reasoning for better content understanding.")
    assert the_mention(found, "RAG").canonical == "RAG"


def test_a_catalogue_name_written_otherwise_than_its_canonical_takes_no_qualifier():
    """arXiv train: the gold names "Chain-of-Thought"; as "safety-aware Chain-of-Thought" with the
    canonical CoT the mention would have neither of its names."""
    found = extract("Current agents lack interactive safety awareness, and while safety-aware Chain-of-Thought "
                    "can improve performance, it often compromises task completion.")
    assert the_mention(found, "Chain-of-Thought").canonical == "CoT"


def test_properties_fields_and_steps_the_catalogue_lists_as_tasks_are_generic():
    """2025 corpus sentences: what a scene has, a property of a model, a field and a processing
    step are no named Tasks, though the catalogue lists them."""
    found = extract("While 3D foundation models like VGGT provide accurate 3D geometry, stereo foundation models "
                    "achieve strong zero-shot generalization. Geospatial foundation models for Earth observation "
                    "often fail, with latency due to recursive parsing and graph construction.")
    flags = {m.text: m.generic for m in found.entities}
    assert all(flags[t] for t in ("3D geometry", "zero-shot generalization", "Earth observation", "graph construction"))


def test_platforms_and_formats_are_no_datasets():
    """2025 corpus sentences where the NER called a platform and a format Datasets."""
    found = extract("In this work, we benchmarked 20 open-source Small Language Models (SLM) available on HuggingFace "
                    "under farm-realistic computing constraints. The compression efficiency remains worse than "
                    "established formats such as JPEG at comparable error levels.")
    assert not [m.text for m in found.entities if m.text in ("HuggingFace", "JPEG") and not m.generic]


def test_goals_fields_and_kinds_of_data_are_no_methods():
    """2025 corpus sentences (2512.05765, 2512.16036, 2507.11862, shortened) where the NER called AGI,
    GenAI and PII Methods."""
    found = extract("Scaling alone will not lead to AGI. Educators adopt GenAI tools in classrooms. Models memorise "
                    "personally identifiable information (PII) from their training data.")
    named = [m.text for m in found.entities if not m.generic]
    assert not set(named) & {"AGI", "GenAI", "PII", "personally identifiable information"}, named


def test_a_parameter_count_and_a_numbered_subtask_are_no_names():
    """Seed dump (SynTra; not a dev paper): the NER called "13B-parameter" a Model; PwC lists a task
    named "Task 2", the subtask of every shared task (4 of 4,668 corpus papers)."""
    found = extract("SynTra reduces hallucination for two 13B-parameter LLMs. Our system achieves an F1 score "
                    "of 85.00% in Task 1 and 83.90% in Task 2.")
    assert [m.text for m in found.entities if not m.generic] == ["F1 score"]


def test_a_catalogue_or_acronym_name_a_dataset_list_holds_is_a_dataset_in_every_mention():
    # corpus paper 2512.05814 (shortened): the catalogue knows the method "OASIS", and an acronym's
    # type is a default; "on ADNI, AIBL and OASIS datasets" says both are datasets, in the bracket too
    found = extract("We evaluate on the Australian Imaging, Biomarkers and Lifestyle study (AIBL). UG-FedDA "
                    "achieves accuracies of 90.54%, 89.04%, and 77.78% on ADNI, AIBL and OASIS datasets, "
                    "respectively. For MCI vs. AD, accuracies are 80.20% (ADNI), 71.91% (AIBL), and 79.73% (OASIS).")
    types = {(m.text, m.type) for m in found.entities}
    assert {("AIBL", "Dataset"), ("OASIS", "Dataset"),
            ("Australian Imaging, Biomarkers and Lifestyle study", "Dataset")} <= types
    assert not {("AIBL", "Method"), ("OASIS", "Method")} & types
    assert [(r.value, r.dataset) for r in found.results][-2:] == [(71.91, "AIBL"), (79.73, "OASIS")]
    # a name the list does not hold keeps its type
    assert the_mention(found, "UG-FedDA").type == "Method"
