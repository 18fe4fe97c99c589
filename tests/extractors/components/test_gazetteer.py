"""`paperkg_gazetteer` with the shipped pattern files, on sentences of the seed abstracts (examples/).

The component runs in a tokenizer-only pipeline: later components may set `_.source`/`_.score` on
spans at the same offsets (spaCy keys span extensions by offsets), which is theirs to decide.
"""

from __future__ import annotations

import json

import pytest
import spacy

from extractors.components.gazetteer import GAZETTEER_KEY, read_patterns
from extractors.gazetteers import LABEL_FILES
from extractors.pipeline import CONFIG_PATH, default_pipeline
from extractors.rules.data import DATA_DIR
from kg.core.errors import BadDataFile, PipelineError
from tests.conftest import EXAMPLES
from tests.extractors.pipeline_cases import extract

GSM8K_MATH = ("When integrated with related data augmentation methods, it leads to an average "
              "improvement of 3% improvement in GSM8K accuracy and 1% improvement in MATH accuracy "
              "across five datasets of various quality and size, as well as two base models.")
RLHF_SFT = ("Despite their impressive performance, recent studies have highlighted the potential "
            "for significant enhancements in LLMs' task-specific performance through fine-tuning "
            "strategies like Reinforcement Learning with Human Feedback (RLHF), supervised "
            "fine-tuning (SFT), and Quantized Low-Rank Adapters (Q-LoRA) method.")
DPO = ("This paper explores the utilization of counterfactual prompting within the framework of "
       "Direct Preference Optimization (DPO) to align the model's style without relying on human "
       "intervention.")
LOWERCASE_PROSE = ("CFT on this dataset yields a consistent 4-10% improvement over SFT on six math "
                   "benchmarks with different base models like Qwen2.")
FOCUS = ("In contrast to previous studies that primarily focus on commonsense causal reasoning, "
         "where LLMs often rely on prior knowledge for inference, we specifically assess their "
         "ability to perform counterfactual inference using a set of formal rules.")


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("paperkg_gazetteer")
    nlp.initialize()
    return nlp


def test_the_shipped_pipeline_runs_it_after_the_sections():
    pipeline = spacy.util.load_config(CONFIG_PATH)["nlp"]["pipeline"]
    assert pipeline.index("paperkg_gazetteer") == pipeline.index("paperkg_sections") + 1


def found(nlp, text: str) -> dict[str, tuple[str, str]]:
    """Matched text -> (label, canonical id)."""
    doc = nlp(text)
    return {span.text: (span.label_, span.id_) for span in doc.spans[GAZETTEER_KEY]}


def test_sentences_come_from_the_seed_abstracts():
    corpus = " ".join(path.read_text(encoding="utf-8") for path in EXAMPLES.glob("*.txt"))
    for sentence in (GSM8K_MATH, RLHF_SFT, DPO, LOWERCASE_PROSE, FOCUS):
        assert sentence in corpus


def test_benchmarks_and_metric(nlp):
    spans = found(nlp, GSM8K_MATH)
    assert spans["GSM8K"] == ("Dataset", "GSM8K")
    assert spans["MATH"] == ("Dataset", "MATH")
    assert spans["accuracy"] == ("Metric", "Accuracy")
    assert spans["data augmentation"][0] == "Method"


def test_a_resolution_after_imagenet_names_imagenet(nlp):
    """The catalogue lists "ImageNet 512x512" as ImageNet but not 256x256, which 2025 generation
    papers write 20 times in the 40k corpus (the NER made "ImageNet 256x256" a dataset of its own)."""
    spans = found(nlp, "Our tokenizer achieves an rFID of 0.38 and a gFID of 1.72 on ImageNet 256x256, and 2.1 "
                       "FID on ImageNet-256x256.")
    assert [spans[s] for s in ("ImageNet 256x256", "ImageNet-256x256")] == [("Dataset", "ImageNet")] * 2


def test_long_forms_and_acronyms_share_the_canonical_id(nlp):
    spans = found(nlp, RLHF_SFT)
    assert spans["Reinforcement Learning with Human Feedback"] == ("Method", "RLHF")
    assert spans["RLHF"] == ("Method", "RLHF")
    assert spans["supervised fine-tuning"] == ("Method", "SFT")
    assert spans["SFT"] == ("Method", "SFT")
    assert spans["Q-LoRA"] == ("Method", "QLoRA")
    spans = found(nlp, DPO)
    assert spans["Direct Preference Optimization"] == ("Method", "DPO")
    assert spans["DPO"] == ("Method", "DPO")


def test_curated_methods_the_catalogue_snapshot_lacks_or_types_as_tasks(nlp):
    """nnU-Net, vLLM and rectified flow are newer than the PwC snapshot; PwC files Kolmogorov-Arnold
    Networks as a task (arXiv 2025 sentences)."""
    spans = found(nlp, "Our model outperforms nnU-Net and is served with vLLM; we train it with rectified flow.")
    assert (spans["nnU-Net"], spans["vLLM"], spans["rectified flow"]) == (
        ("Method", "nnU-Net"), ("Method", "vLLM"), ("Method", "Rectified Flow"))
    assert found(nlp, "Kolmogorov-Arnold Networks (KANs) replace fixed activations.")[
        "Kolmogorov-Arnold Networks"] == ("Method", "KAN")
    # classic algorithms the deep-learning catalogue lacks, which the guide's gold annotates
    spans = found(nlp, "We compare a random forest, k-means and a genetic algorithm with gradient boosting.")
    assert [spans[s] for s in ("random forest", "k-means", "genetic algorithm", "gradient boosting")] == [
        ("Method", "Random Forest"), ("Method", "k-Means"), ("Method", "Genetic Algorithm"),
        ("Method", "Gradient Boosting")]
    # boosted-tree libraries, which the NER took for datasets in 4 of 4,000 arXiv 2025 abstracts
    spans = found(nlp, "we apply non-linear probing with three different classifiers, namely, "
                       "multi-layer perceptron (MLP), XGBoost, and TabNet.")
    assert spans["XGBoost"] == ("Method", "XGBoost")


def test_classic_algorithms_the_guide_annotates(nlp):
    """Named algorithms the catalogue lacks, annotated as Methods wherever the train gold has them
    (arXiv train ax0154)."""
    spans = found(nlp, "Following an UMAP dimension reduction of the vectors, the network of suktas was "
                       "formed using k-nearest neighbours. Then, community detection of topics in the "
                       "sukta networks was performed with the Louvain, Leiden, and label propagation methods.")
    assert [spans[s] for s in ("UMAP", "k-nearest neighbours", "Louvain", "label propagation")] == [
        ("Method", "UMAP"), ("Method", "k-NN"), ("Method", "Louvain"), ("Method", "Label Propagation")]
    assert "Leiden" not in spans  # alone, also a city and a university: only "Leiden algorithm"


def test_architectures_by_their_acronyms(nlp):
    """CNN, MLP, DiT, ViT, Mamba alone are architectures (Methods; the grammar reads the sized or
    versioned checkpoints as Models). The train gold annotates "CNNs" 3 of 3, "DiT(s)" 4 of 4."""
    spans = found(nlp, "We compare CNNs, an MLP and Mamba with a DiT and a ViT backbone.")
    assert [spans[s] for s in ("CNNs", "MLP", "Mamba", "DiT", "ViT")] == [
        ("Method", "CNN"), ("Method", "MLP"), ("Method", "Mamba"), ("Method", "Diffusion Transformer"),
        ("Method", "Vision Transformer")]


def test_tasks_the_catalogue_lacks_that_the_gold_annotates(nlp):
    """arXiv train ax0095 ("natural language generation" and "temporal reasoning" are not in this
    Papers with Code snapshot; the train gold annotates them in 4 of 5 occurrences)."""
    spans = found(nlp, "Large language models (LLMs) have demonstrated strong performance in natural "
                       "language generation. We also introduce Time-LongQA, a novel benchmark dataset "
                       "designed to test temporal reasoning across evolving knowledge.")
    assert (spans["natural language generation"], spans["temporal reasoning"]) == (
        ("Task", "Natural Language Generation"), ("Task", "Temporal Reasoning"))


def test_domain_adaptation_is_a_task(nlp):
    """The guide's gold types domain adaptation a Task (train ax0299, ax0335: 3 of 3), as Papers with
    Code and SciER do; the curated list had made it a Method (arXiv 2025 sentences)."""
    spans = found(nlp, "Distribution shifts between training and deployment domains severely limit the "
                       "generalization of pretrained remote sensing models, making unsupervised domain "
                       "adaptation (UDA) crucial for real-world applications.")
    assert [spans[s] for s in ("unsupervised domain adaptation", "UDA")] == [
        ("Task", "Unsupervised Domain Adaptation")] * 2
    spans = found(nlp, "We benchmark the state-of-the-art domain adaptation methods distinguished by the "
                       "degree of supervision on our proposed train-val dataset pair.")
    assert spans["domain adaptation"] == ("Task", "Domain Adaptation")



def test_simulators_and_benchmarks_the_task_catalogue_lists_are_datasets(nlp):
    """Papers with Code lists MuJoCo, ListOps and BraTS2021 as tasks and CARLA as a method; the corpus
    uses them as simulators and benchmarks (CARLA in 57 of the 40k abstracts), as the gold's
    environments are datasets (StarCraft II, WebShop)."""
    spans = found(nlp, "Experiments on CARLA and KITTI show gains, and we also report MuJoCo, ListOps and "
                       "BraTS2021 results.")
    assert [spans[s] for s in ("CARLA", "MuJoCo", "ListOps", "BraTS2021")] == [
        ("Dataset", "CARLA"), ("Dataset", "MuJoCo"), ("Dataset", "ListOps"), ("Dataset", "BraTS 2021")]

def test_british_spellings_match_the_catalogue_names(nlp):
    """arXiv train ax0021 (600 of the 40k arXiv abstracts write "-isation")."""
    spans = found(nlp, "Regardless of the rapid development of artificial intelligence, abstractive "
                       "summarisation is still challenging for sensitive and data-restrictive domains.")
    assert spans["abstractive summarisation"] == ("Task", "Abstractive Summarization")


def test_curated_evaluation_measures(nlp):
    """Measures the catalogue lacks that the guide's gold annotates (arXiv train: "false alarm rates",
    "inter-rater reliability", "speaker similarity")."""
    spans = found(nlp, "It lowers false alarm rates, keeps speaker similarity and inter-rater reliability high, "
                       "and reaches a high intersection over union.")
    assert [spans[s] for s in ("false alarm rates", "speaker similarity", "inter-rater reliability",
                               "intersection over union")] == [
        ("Metric", "False Alarm Rate"), ("Metric", "Speaker Similarity"), ("Metric", "Inter-Rater Reliability"),
        ("Metric", "IoU")]


def test_long_forms_of_the_area_under_a_curve_and_predictive_values(nlp):
    """Measures the catalogue knows only by their acronyms ("the receiver operating characteristic"
    long form is left out: its node would hold "ROC AUC" too, two names that share no word)."""
    spans = found(nlp, "It reaches an area under the ROC curve of 0.62, an area under the curve of 0.7, an "
                       "area under the precision-recall curve of 0.4 and a negative predictive value of 89%.")
    assert [spans[s] for s in ("area under the ROC curve", "area under the curve",
                               "area under the precision-recall curve", "negative predictive value")] == [
        ("Metric", "AUROC"), ("Metric", "AUC"), ("Metric", "AUPRC"), ("Metric", "NPV")]


def test_the_symmetric_percentage_error_of_forecasting(nlp):
    """arXiv 2510.05548: the catalogue lists MAPE only, and the NER called SMAPE a Method."""
    spans = found(nlp, "Our proposed ensemble model achieved an SMAPE of 1.407 with no signs of overfitting, "
                       "the lowest symmetric mean absolute percentage error of all.")
    assert [spans[s] for s in ("SMAPE", "symmetric mean absolute percentage error")] == [
        ("Metric", "sMAPE"), ("Metric", "sMAPE")]


def test_case_sensitive_names_do_not_match_lowercase_prose(nlp):
    spans = found(nlp, LOWERCASE_PROSE)
    assert "math" not in spans               # MATH the benchmark is matched in capitals only
    assert "base" not in spans and "base models" not in spans
    assert spans["SFT"] == ("Method", "SFT")


def test_common_words_are_not_entities(nlp):
    spans = found(nlp, FOCUS)
    assert not {"focus", "inference", "rules", "set", "knowledge"} & set(spans)


def test_spans_carry_source_and_score(nlp):
    doc = nlp("We apply In-Context Learning and LoRA to machine translation.")
    by_text = {span.text: span for span in doc.spans[GAZETTEER_KEY]}
    assert by_text["LoRA"]._.source == "gazetteer"
    assert by_text["LoRA"]._.score == 1.0                         # exact-case pattern
    assert by_text["machine translation"]._.score == 1.0          # written as the pattern
    assert by_text["In-Context Learning"]._.score == pytest.approx(0.9)  # case differs
    assert by_text["In-Context Learning"].id_ == "ICL"


def test_overlapping_candidates_all_stay(nlp):
    doc = nlp("We use chain-of-thought prompting.")
    texts = {span.text for span in doc.spans[GAZETTEER_KEY]}
    assert {"chain-of-thought", "chain-of-thought prompting"} <= texts


def gazetteer_on(data_dir, *files: str) -> spacy.language.Language:
    """A tokenizer-only pipeline with the gazetteer reading `files` of `data_dir`, not initialized."""
    nlp = spacy.blank("en")
    nlp.add_pipe("paperkg_gazetteer", config={"data_dir": str(data_dir), "files": list(files)})
    return nlp


def test_component_reads_a_configured_data_dir(tmp_path):
    (tmp_path / "methods.jsonl").write_text(json.dumps(
        {"label": "Method", "pattern": "frobnication", "id": "Frob", "attr": "LOWER"}) + "\n")
    nlp = gazetteer_on(tmp_path, "methods.jsonl")
    assert list(nlp("Frobnication helps.").spans[GAZETTEER_KEY]) == []  # read in initialize, as spaCy rulers do
    nlp.initialize()
    doc = nlp("Frobnication helps.")
    assert [(s.text, s.label_, s.id_) for s in doc.spans[GAZETTEER_KEY]] == [
        ("Frobnication", "Method", "Frob")]


@pytest.mark.parametrize(("lines", "error", "message"), [
    (['', '{"label": "Method", "pattern": "x"}'], PipelineError, "methods.jsonl: pattern 1: .*'attr'"),
    (['{"label": "Method", "pattern": "x", "id": "X", "attr": "LOWER"}', '{oops'], BadDataFile,
     "methods.jsonl:2: not JSON"),
])
def test_a_bad_pattern_file_is_a_coded_error(tmp_path, lines, error, message):
    (tmp_path / "methods.jsonl").write_text("\n".join(lines) + "\n")
    with pytest.raises(error, match=message):
        gazetteer_on(tmp_path, "methods.jsonl").initialize()


def test_missing_pattern_file_is_a_pipeline_error(tmp_path):
    with pytest.raises(PipelineError, match="kg gazetteers"):
        gazetteer_on(tmp_path, "absent.jsonl").initialize()


def test_shipped_patterns_carry_the_pipelines_tokens():
    """The stored split must be the pipeline tokenizer's, or a pattern would silently never match
    (a spaCy upgrade that changes tokenization fails here: rerun `kg gazetteers`)."""
    tokenizer = default_pipeline().tokenizer
    patterns = read_patterns(tuple(DATA_DIR / name for name in LABEL_FILES.values()))
    assert len(patterns) > 20000
    stale = [p["pattern"] for p in patterns
             if p["tokens"] != [token.text for token in tokenizer(p["pattern"])]]
    assert stale == []


def test_generic_phrases_of_the_catalogue_are_no_names(nlp):
    """PwC lists a dataset named "Video Dataset"; 2025 titles say "X: A Video Dataset of ..." (arXiv
    2511.10431, 2511.11002), and Cityscapes stays a name."""
    spans = found(nlp, "RodEpil: A Video Dataset of Laboratory Rodents, compared with Cityscapes.")
    assert "Video Dataset" not in spans and spans["Cityscapes"] == ("Dataset", "Cityscapes")
    # PwC "tasks" that are descriptions (2025 corpus: "pseudo-label generation", "retaining general
    # knowledge", "feature importance analysis"; 64 of 4,668 papers)
    spans = found(nlp, "We filter pseudo-label noise, keep general knowledge and rank feature importance.")
    assert not {"pseudo-label", "general knowledge", "feature importance"} & set(spans)
    # fields, domains and devices PwC files as tasks (train ax0221, ax0349; corpus 2511.22178)
    spans = found(nlp, "It suits video games and intelligent surveillance on a Raspberry Pi 5, with graph attention.")
    assert not {"video games", "intelligent surveillance", "Raspberry Pi 5"} & set(spans)
    assert spans["graph attention"] == ("Method", "Graph Attention")


def test_physics_informed_networks_are_a_method_and_pdes_no_dataset():
    """PwC files "PINN" and "PDEs" as datasets (corpus 2510.05158: "Physics-informed neural networks
    (PINNs) provide a powerful approach for solving partial differential equations (PDEs)")."""
    extraction = extract("Physics-informed neural networks (PINNs) provide a powerful approach for solving partial "
                         "differential equations (PDEs), but constructing a usable PINN remains labor-intensive.")
    named = {(m.text, m.type) for m in extraction.entities if not m.generic}
    assert named == {("Physics-informed neural networks", "Method"), ("PINNs", "Method"), ("PINN", "Method")}
