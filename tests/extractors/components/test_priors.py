"""`paperkg_type_priors`: NER types corrected by the catalogues and by head nouns, on abstract sentences.

The trained NER is replaced in parallel, so each test writes the "ner" group by hand (with the
types the shipped SciER NER gave these sentences) on a real processed doc and runs the real
component, then the real merger.
"""

from __future__ import annotations

import pytest

from extractors.attributes import ENTITIES_KEY
from extractors.pipeline import default_pipeline
from tests.extractors.pipeline_cases import annotate


def retyped(text: str, ner: list[tuple[str, str]]) -> dict[str, tuple[str, str | None]]:
    """Surface -> (type, source) of the entities after the priors and the merger, with `ner` =
    (surface, type) spans as the NER group, each with a score and no generic flag."""
    return {s.text: (s.label_, s._.source) for s in entities_after(text, ner)}


def entities_after(text: str, ner: list[tuple[str, str]], every: bool = False) -> list:
    """The merged entity spans, with `ner` spans at the first occurrence of each surface (at every
    occurrence with `every`)."""
    doc = annotate(text)
    spans = []
    for surface, label in ner:
        starts = [i for i in range(len(text)) if text.startswith(surface, i)] if every else [text.index(surface)]
        for start in starts:
            span = doc.char_span(start, start + len(surface), label=label)
            assert span is not None, f"{surface!r} is not on token edges"
            span._.source, span._.score, span._.generic = "ner", 0.8, False  # not the full run's flag
            spans.append(span)
    doc.spans["ner"] = spans
    nlp = default_pipeline()
    for name in ("paperkg_type_priors", "paperkg_acronyms", "paperkg_entities"):
        doc = nlp.get_pipe(name)(doc)
    return list(doc.spans[ENTITIES_KEY])


@pytest.mark.parametrize(("text", "ner", "expected"), [
    # a catalogue name in another spelling than the pattern's: the catalogue's type
    ("Extensive experiments on the VITON-HD and DressCode benchmarks demonstrate that our method "
     "preserves garment details.", [("DressCode", "Method")], {"DressCode": "Dataset"}),
    ("Experiments on MIMIC-CXR and IU X-ray demonstrate that our model outperforms prior work.",
     [("IU X-ray", "Method")], {"IU X-ray": "Dataset"}),
    # metrics are never datasets
    ("The system obtains average BLEU scores of 13.42 as well as CHRF scores of 43.98.",
     [("CHRF", "Dataset")], {"CHRF": "Metric"}),
    # no catalogue entry: the head noun decides
    ("We evaluate on the Exaggerated Safety Benchmark and report the Fairness Discrepancy Rate.",
     [("Exaggerated Safety Benchmark", "Method"), ("Fairness Discrepancy Rate", "Method")],
     {"Exaggerated Safety Benchmark": "Dataset", "Fairness Discrepancy Rate": "Metric"}),
    # 2025 corpus: a score glued to what it is computed with is a measure
    ("On the validation set, our system improved ROUGE-L to 0.274 and DeBERTaScore to 0.677.",
     [("DeBERTaScore", "Dataset")], {"DeBERTaScore": "Metric"}),
])
def test_catalogue_and_head_types_replace_the_ner_guess(text, ner, expected):
    found = retyped(text, ner)
    assert {surface: found[surface] for surface in expected} == {
        surface: (label, "ner") for surface, label in expected.items()}


def test_metrics_the_ner_calls_datasets_are_metrics_whatever_their_case():
    priors = default_pipeline().get_pipe("paperkg_type_priors")
    assert {priors.type_of(name, "Dataset") for name in ("mauve", "Chrf", "recall@20", "BERTScores")} \
        == {"Metric"}


def test_a_model_and_a_model_head_stay_as_they_are():
    text = "We release Mantis, and compare the proposed hypergraph fusion model with a baseline."
    found = retyped(text, [("Mantis", "Model"), ("hypergraph fusion model", "Method")])
    assert found["Mantis"] == ("Model", "ner")
    assert found["hypergraph fusion model"] == ("Method", "ner")  # "model" makes no Model


def test_a_name_with_two_catalogue_types_keeps_the_ner_type():
    priors = default_pipeline().get_pipe("paperkg_type_priors")
    assert priors.type_of("MAE", "Method") == "Method"  # masked autoencoder / mean absolute error
    assert priors.type_of("MAE", "Metric") == "Metric"


@pytest.mark.parametrize(("text", "ner", "expected"), [
    # the seed abstract behind the demo graph's Dataset node GLIGEN
    ("We then apply simple data augmentation using a grounded image generation model, GLIGEN, to "
     "generate finetuning data.", [("GLIGEN", "Dataset")], "Model"),
    ("The renderer improves layout-to-image models like GLIGEN and 3DIS by up to 26.8%.",
     [("GLIGEN", "Dataset")], "Model"),
    ("Results on reasoning benchmarks such as MuSR, Zorblax and Costra show consistent gains.",
     [("Costra", "Method")], "Dataset"),
    ("We present KaggleBench, a benchmark of 120 data science competitions.",
     [("KaggleBench", "Method")], "Dataset"),
    # a named foundation model a paper introduces is a Model (as the arXiv gold annotates them)
    ("We introduce Mantis, a foundation model trained entirely on mechanistic simulations.",
     [("Mantis", "Method")], "Model"),
    # a name-shaped Method before "benchmark" (arXiv 2505.19291)
    ("Our approach has been evaluated on the MARIOEval benchmark, achieving OCR and CLIPScore metrics close "
     "to state-of-the-art models.", [("MARIOEval", "Method")], "Dataset"),
])
def test_a_class_noun_types_the_names_listed_after_or_set_beside_it(text, ner, expected):
    assert retyped(text, ner)[ner[0][0]] == (expected, "ner")


@pytest.mark.parametrize(("text", "ner"), [
    # an introductory phrase is no apposition
    ("Evaluated on the CORDA dataset, X-Ray-CoT achieves competitive performance.",
     [("X-Ray-CoT", "Method")]),
    ("By leveraging a large language model, D4R translates questions into Cypher queries.",
     [("D4R", "Method")]),
    # a class of models listed as models is no model
    ("Sequence models such as SSMs and U-Nets need labeled data.", [("SSMs", "Method")]),
    # the class noun must head the phrase set beside the name (2025 corpus sentences)
    ("We introduce TopXGen, an LLM-based approach for the generation of high quality data.",
     [("TopXGen", "Method")]),
    ("We propose MemOS, a memory operating system designed for LLMs that elevates memory.",
     [("MemOS", "Method")]),
    ("We propose REARANK, a large language model (LLM)-based listwise reasoning reranking agent.",
     [("REARANK", "Method")]),
])
def test_contexts_that_type_nothing(text, ner):
    assert retyped(text, ner)[ner[0][0]] == (ner[0][1], "ner")


def test_a_name_set_beside_a_language_model_is_a_model_in_every_mention():
    """arXiv 2506.03524 (title and abstract): the NER called Seed-Coder a Method in both."""
    text = ("Seed-Coder: Let the Code Model Curate Data for Itself. To address these challenges, we "
            "introduce Seed-Coder, a series of open-source LLMs comprising base, instruct and reasoning models.")
    assert [(s.text, s.label_) for s in entities_after(text, [("Seed-Coder", "Method")], every=True)] == [
        ("Seed-Coder", "Model"), ("Seed-Coder", "Model")]
    # "model" alone does not say so (a train paper's method)
    text = ("Radar2Shape: 3D Shape Reconstruction from Radar. In this work, we present Radar2Shape, a "
            "denoising diffusion model that handles a partially observable radar signal.")
    assert [s.label_ for s in entities_after(text, [("Radar2Shape", "Method")], every=True)
            if s.text == "Radar2Shape"] == ["Method", "Method"]
    # nor does a noun that does not end the phrase (arXiv 2505.24757)
    text = ("We propose LGAR, a zero-shot LLM Guided Abstract Ranker composed of two modules. LGAR "
            "improves recall.")
    assert {s.label_ for s in entities_after(text, [("LGAR", "Method")], every=True) if s.text == "LGAR"} == {
        "Method"}


def test_a_name_that_outperforms_is_a_system_in_every_mention():
    """Random 2025 abstract sentences where the NER called the paper's system a Dataset; a place
    after "on" stays a dataset."""
    text = ("SSTGNN consistently outperforms prior detectors. Remarkably, SSTGNN accomplishes these "
            "results with fewer parameters.")
    assert [(s.text, s.label_) for s in entities_after(text, [("SSTGNN", "Dataset")], every=True)] == [
        ("SSTGNN", "Method"), ("SSTGNN", "Method")]
    place = "Fine-tuning on Tarjama-25 improves translation quality."
    assert retyped(place, [("Tarjama-25", "Dataset")])["Tarjama-25"] == ("Dataset", "ner")


def test_names_listed_among_model_names_are_models():
    """2025 corpus sentences: the NER called the names the grammar does not know Datasets; a
    catalogued architecture in such a list stays a method."""
    text = "We analyze sparse MoE architectures (Qwen 1.5-MoE, OLMoE, Mixtral-8x7B) against dense models."
    assert retyped(text, [("OLMoE", "Dataset")])["OLMoE"] == ("Model", "ner")
    text = "We examine pre-trained model features, including wav2vec 2.0, HuBERT, WavLM, UniSpeech, MMS, and Whisper."
    found = retyped(text, [("UniSpeech", "Dataset"), ("MMS", "Dataset")])
    assert (found["UniSpeech"], found["MMS"]) == (("Model", "ner"), ("Model", "ner"))
    text = "We fine-tune ConvNeXtV2, SwinV2, ViT, ResNet and EfficientNetV2 on the scans."
    assert retyped(text, [("ViT", "Method")])["ViT"][0] == "Method"
    # two models in a list of four is no majority
    text = "We compare GPT-4o, Claude 3.5, FooNet and BarNet on the benchmark."
    assert retyped(text, [("FooNet", "Method"), ("BarNet", "Method")])["FooNet"] == ("Method", "ner")


def test_a_name_set_equal_to_a_number_is_a_metric():
    """arXiv 2509.05034 and 2508.16054: the NER called PRO and BERTScore-F1 Datasets."""
    text = "It excels on the Multi-class AD task (AP = 80.0%, PRO = 97.5%, Pixel-AUROC = 99.1% on MVTec AD)."
    assert retyped(text, [("PRO", "Dataset")])["PRO"] == ("Metric", "ner")
    text = "For narrative generation, GDP achieved ROUGE-L = 0.135 and BERTScore-F1 = 0.545."
    assert retyped(text, [("BERTScore-F1", "Dataset")])["BERTScore-F1"] == ("Metric", "ner")


def test_catalogue_names_run_together_with_slashes_are_that_many_mentions():
    """arXiv 2511.11004 and 2512.20618 (corpus): the NER ran them into one Method or Dataset."""
    text = "It is state-of-the-art on TCGA-Lung (ACC/AUC/F1: 0.939/0.983/0.946) and on TVQA/TVQA+ as well."
    found = retyped(text, [("ACC/AUC/F1", "Method"), ("TVQA/TVQA+", "Dataset")])
    assert {name: found[name][0] for name in ("ACC", "AUC", "F1", "TVQA", "TVQA+")} == {
        "ACC": "Metric", "AUC": "Metric", "F1": "Metric", "TVQA": "Dataset", "TVQA+": "Dataset"}
    assert "ACC/AUC/F1" not in found
    # arXiv 2508.20460 (40k corpus): MAE is also a method, BACC in no catalogue
    text = "It improves BACC/AUROC by 1.6%/0.8%, and RMSE/MAE by 0.5%/2.2%."
    found = retyped(text, [("BACC/AUROC", "Dataset"), ("RMSE/MAE", "Dataset")])
    assert {name: found[name][0] for name in ("BACC", "AUROC", "RMSE", "MAE")} == dict.fromkeys(
        ("BACC", "AUROC", "RMSE", "MAE"), "Metric")
    # unknown or of two types (arXiv 2511.14286: RTE is a dataset), or the variants of one name
    text = "We build AR/VR demos, report RRE/RTE and train on KITTI 2012/2015 with WER/TVQA pairs."
    found = retyped(text, [("AR/VR", "Method"), ("RRE/RTE", "Method"), ("KITTI 2012/2015", "Dataset"),
                           ("WER/TVQA", "Dataset")])
    assert set(found) >= {"AR/VR", "RRE/RTE", "KITTI 2012/2015", "WER/TVQA"}


def test_the_change_of_a_catalogue_metric_is_a_metric():
    """arXiv 2512.15249 (corpus): typed a metric only while "Δ" was dropped from its key."""
    priors = default_pipeline().get_pipe("paperkg_type_priors")
    assert priors.type_of("ΔTPR", "Task") == "Metric"
    assert priors.type_of("ΔNet", "Method") == "Method"


def test_a_name_at_a_cut_off_is_a_metric():
    """arXiv 2505.20613: the NER called Pass@64 a Dataset, and it hid the sentence's dataset."""
    text = "Our prover achieves a 23.7% success rate (Pass@64) on the ProofNet dataset."
    assert retyped(text, [("Pass@64", "Dataset")])["Pass@64"] == ("Metric", "ner")


@pytest.mark.parametrize("name", ["MDIT-Bench", "GraphRAG-Bench", "DefenderBench", "LiveCLKTBench",
                                  "SynSQL-Think-916K", "MMAT-1.5K"])
def test_a_bench_is_a_dataset(name):
    """2025 corpus names the NER called Methods (all 26 such names on train are Datasets), and names
    glued to a count of examples in thousands (3 of 3 on train)."""
    text = f"We introduce {name} to test agents, and evaluate ten models on {name}."
    assert retyped(text, [(name, "Method")])[name] == ("Dataset", "ner")


def test_a_resolution_glued_to_a_name_is_no_count_of_examples():
    text = "We train YOLO11-4K on the aerial images."
    assert retyped(text, [("YOLO11-4K", "Method")])["YOLO11-4K"] == ("Method", "ner")


def test_a_method_named_for_questions_answered_is_a_dataset():
    """arXiv 2509.06065; an acronym ending in QA the NER calls a Method stays one."""
    text = "We present KatotohananQA, a Filipino translation of the TruthfulQA benchmark."
    assert retyped(text, [("KatotohananQA", "Method")])["KatotohananQA"] == ("Dataset", "ner")
    text = "We find that HiRQA improves retrieval on the benchmark."
    assert retyped(text, [("HiRQA", "Method")])["HiRQA"] == ("Method", "ner")


def test_a_numbered_shared_task_is_one_named_dataset():
    """Train ax0528 (a fold NER cut "SemEval-2025 Task 10" before its number) and arXiv 2511.21749
    (the shipped NER called "SemEval 2023 Task 3" generic, and, said once, it was dropped)."""
    text = "This paper presents our system for SemEval-2025 Task 10 on narrative classification."
    assert retyped(text, [("SemEval-2025 Task", "Task")]) == {"SemEval-2025 Task 10": ("Dataset", "pattern")}
    text = "We participated in SemEval 2023 Task 3 and in the WMT 2024 Shared Task 2."
    assert retyped(text, []) == {"SemEval 2023 Task 3": ("Dataset", "pattern"),
                                 "WMT 2024 Shared Task 2": ("Dataset", "pattern")}
    text = "Systems trained on SemEval-2025 Task 2.1 data improve."  # a sub-task's number goes on
    assert "SemEval-2025 Task 2" not in retyped(text, [])


def test_a_named_shared_task_is_one_named_dataset():
    """The Transformer's abstract (the NER called the phrase a generic Task, and its BLEU score had no
    dataset) and corpus papers 2510.00255, 2512.16541: a campaign's edition, a few words and "task"
    or "track"; not past a function word ("IWSLT 2025 in Indic Track")."""
    text = ("Our model establishes a new single-model state-of-the-art BLEU score of 41.8 on the WMT 2014 "
            "English-to-French translation task.")
    assert retyped(text, [("WMT 2014 English-to-French translation", "Task")])[
        "WMT 2014 English-to-French translation task"] == ("Dataset", "pattern")
    # train ax0131: a shared task is a benchmark (the guide's "SemEval-2020 Task 5"), though it ends in "Task"
    text = ("This paper presents the open-system submission by the In2x research team for the WMT25 General "
            "Machine Translation Shared Task.")
    assert retyped(text, [("WMT25 General Machine Translation Shared Task", "Task")]) == {
        "WMT25 General Machine Translation Shared Task": ("Dataset", "pattern")}
    text = "We submit to the WMT24 Metrics Shared Task and the CLEF 2025 SimpleText track Task 1."
    assert retyped(text, []) == {"WMT24 Metrics Shared Task": ("Dataset", "pattern"),
                                 "CLEF 2025 SimpleText track Task 1": ("Dataset", "pattern")}
    assert retyped("Our system took part in IWSLT 2025 in Indic Track.", []) == {}


def test_names_listed_after_a_plural_class_noun_and_a_comma_take_its_type():
    """Corpus paper 2507.14083: the NER called MGFN a Dataset; after a comma or colon only a list of
    names counts ("On both datasets, X achieves" sets no type; nor does a lower-case item)."""
    text = ("We evaluate four anomaly detection methods, MGFN, UR-DMU, BN-WVAD, and PEL4VAD, on the anonymized "
            "UCF-Crime dataset.")
    found = retyped(text, [("MGFN", "Dataset"), ("UR-DMU", "Method"), ("BN-WVAD", "Method")])
    assert [found[name][0] for name in ("MGFN", "UR-DMU", "BN-WVAD")] == ["Method"] * 3
    assert retyped("On both datasets, ZorbNet achieves the best accuracy.", [("ZorbNet", "Method")])[
        "ZorbNet"] == ("Method", "ner")
    text = "Across reward-modeling benchmarks, our reward model, Rubric-RM, surpasses strong baselines."
    assert retyped(text, [("Rubric-RM", "Model")])["Rubric-RM"] == ("Model", "ner")


def test_names_listed_in_brackets_after_a_class_noun_take_its_type():
    """arXiv 2512.14640 (corpus): the NER called the foundation models Methods, and, said once, they
    were dropped. One name in brackets may be the system's own name (train ax0071, a Method); a
    task list in brackets names datasets (train ax0375)."""
    text = ("We systematically evaluate five publicly available pathology foundation models (H-optimus-1, "
            "H0-mini, Virchow2, UNI2, Titan) combined with attention-based aggregators.")
    found = retyped(text, [("H0-mini", "Method"), ("UNI2", "Method")])
    assert (found["H0-mini"], found["UNI2"]) == (("Model", "ner"), ("Model", "ner"))
    text = "We propose a human material model (HumanMaterial) for inverse rendering."
    assert retyped(text, [("HumanMaterial", "Method")])["HumanMaterial"] == ("Method", "ner")
    text = "Across three reasoning-intensive tasks (SciFact, PrivacyQA, and e-SNLI), GIER improves quality."
    assert retyped(text, [("PrivacyQA", "Dataset")])["PrivacyQA"] == ("Dataset", "ner")


@pytest.mark.parametrize(("text", "ner", "expected"), [
    # corpus papers 2511.16397, 2512.04019 and 2512.13834: what a method outperforms is a method
    ("Our method outperforms CQL and IQL on the D4RL benchmark.", [("CQL", "Task"), ("IQL", "Dataset")],
     {"CQL": "Method", "IQL": "Method"}),
    ("Our model outperforms strong baselines such as MoCAD, C3 and TfCC in all settings.",
     [("MoCAD", "Task"), ("C3", "Task"), ("TfCC", "Dataset")], {"MoCAD": "Method", "C3": "Method", "TfCC": "Method"}),
    # ... not a place it outperforms them on, the kind of methods, or a competition's year
    ("It outperforms the baseline on MMLU and MedQA by a large margin.", [("MedQA", "Dataset")], {"MedQA": "Dataset"}),
    ("Our approach consistently outperforms current unimodal VAD methods.", [("VAD", "Task")], {"VAD": "Task"}),
    ("Our solution outperforms BirdCLEF 2024 winners.", [("BirdCLEF 2024", "Dataset")], {"BirdCLEF 2024": "Dataset"}),
])
def test_what_a_method_outperforms_is_a_method(text, ner, expected):
    assert {name: label for name, (label, _) in retyped(text, ner).items() if name in expected} == expected


@pytest.mark.parametrize("name", ["WMT'14 En-De", "IWSLT 2017 De-En", "SemEval'17 STS"])
def test_an_evaluation_campaigns_edition_is_a_dataset(name):
    """The issue's "35 BLEU on the WMT'14 English-German test set": the NER called "WMT'14 En-De" a Method."""
    text = f"Experiments on {name} show a BLEU score of 29.8."
    assert retyped(text, [(name, "Method")])[name][0] == "Dataset"


@pytest.mark.parametrize(("text", "ner", "expected"), [
    # corpus 2510.00303 and 2511.22715: a name listed after "on" with as many Datasets is a Dataset
    ("It improves known-class accuracy by 2.83% and 2.05% on M-OWODB and S-OWODB, respectively.",
     [("M-OWODB", "Dataset"), ("S-OWODB", "Method")], {"S-OWODB": "Dataset"}),
    ("Experiments on Encyclopedic-VQA and InfoSeek demonstrate that ReAG significantly outperforms prior work.",
     [("Encyclopedic-VQA", "Task"), ("InfoSeek", "Dataset")], {"Encyclopedic-VQA": "Dataset"}),
    # ... not when the Datasets are fewer than half of the list (corpus 2509.25835)
    ("We plug it into search methods and evaluate across ToT-BS, ReST-MCTS, and RAP.",
     [("ToT-BS", "Method"), ("ReST-MCTS", "Method"), ("RAP", "Dataset")], {"ToT-BS": "Method"}),
    # ... nor past a comma that ends the place (corpus 2512.08537)
    ("On ImageNet 256, TransDiff attains a 4.3 times lossless speedup and NextStep-1 a 3 times one.",
     [("ImageNet", "Dataset"), ("TransDiff", "Method")], {"TransDiff": "Method"}),
])
def test_a_name_listed_on_a_place_beside_datasets_is_a_dataset(text, ner, expected):
    found = retyped(text, ner)
    assert {surface: found[surface][0] for surface in expected} == expected
