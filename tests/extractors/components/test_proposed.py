"""Proposed names (doc._.proposed) on seed titles and abstract sentences, through the pipeline."""

from __future__ import annotations

import pytest

from extractors.components.proposed import _CAPITALISED, _STRONG_NAME, ProposalFinder, WordShapes
from extractors.pipeline import default_pipeline
from tests.extractors.pipeline_cases import annotate, extract, mentions, the_mention

CONFABULATION = (
    "This paper presents a systematic defense of large language model (LLM) hallucinations or "
    "'confabulations' as a potential resource instead of a categorically negative pitfall. The standard "
    "view is that confabulations are inherently problematic and AI research should eliminate this flaw.")

CASES = [
    # (title, abstract, proposed)
    ("LoFiT: Localized Fine-tuning on LLM Representations",
     "Recent work in interpretability shows that large language models (LLMs) can be adapted for new "
     "tasks in a learning-free way.", ["LoFiT"]),
    ("Polyjuice: Generating Counterfactuals for Explaining, Evaluating, and Improving Models",
     "While counterfactual examples are useful for analysis and training of NLP models, current "
     "generation methods either rely on manual labor to create very few counterfactuals, or only "
     "instantiate limited types of perturbations such as paraphrases or word substitutions.",
     ["Polyjuice"]),
    ("Confabulation: The Surprising Value of Large Language Model Hallucinations", CONFABULATION, []),
    ("LoL: A Comparative Regularization Loss over Query Reformulation Losses for Pseudo-Relevance Feedback",
     "To bridge this gap, we propose the Loss-over-Loss (LoL) framework to compare the reformulation "
     "losses between different revisions of the same query during training.", ["LoL"]),
    ("", "To test this hypothesis, we propose Conjugate Prompting to see if we can recover pretrained "
     "capabilities.", ["Conjugate Prompting"]),
    ("", "To address this, we introduce a simple, tuning-free alignment method, URIAL. URIAL achieves "
     "effective alignment purely through in-context learning.", ["URIAL"]),
    ("", "To uncover these findings, we employ: Patch Patching, DCM, which automatically detects model components "
     "responsible for specific semantics, and CMAP, a new approach for patching activations across "
     "models to reveal improved mechanisms.", ["CMAP"]),
    ("", "Based on our observations, we propose a negative attention score (NAS) to systematically and "
     "quantitatively formulate negative bias.", ["NAS"]),
    ("", "In this paper, based on causal analysis of the aforementioned problems, we propose a novel "
     "fine-tuning method, which uses masked images as counterfactual samples that help improve the "
     "robustness of the fine-tuning model.", []),
    ("", "Fine-tuning with reinforcement learning (RL) is common. Based on these principles, we develop "
     "an RL approach that more reliably mitigates hallucinations for long-form generation tasks.", []),
    # arXiv 2505.19675: the long form after the colon is the same proposal
    ("", "In this paper, we propose SiDyP: Simplex Label Diffusion with Dynamic Prior to calibrate the "
     "classifier's prediction.", ["SiDyP"]),
]


@pytest.mark.parametrize(("title", "abstract", "proposed"), CASES, ids=[c[2][0] if c[2] else "none" for c in CASES])
def test_proposed_names(title, abstract, proposed):
    assert extract(abstract, title=title).proposed == proposed


def test_proposed_name_unknown_to_every_catalogue_becomes_a_method():
    # The trained NER finds this name too; without it, the proposal cue alone must make the mention.
    with default_pipeline().select_pipes(disable=["paperkg_ner"]):
        found = extract(CASES[4][1])
    mention = the_mention(found, "Conjugate Prompting")
    assert (mention.type, mention.canonical, mention.source, mention.role) == (
        "Method", "Conjugate Prompting", "pattern", "proposes")


def test_head_noun_types_a_proposed_dataset():
    found = extract("We introduce the new task of detecting generalization in language, and build GeniL, a "
                    "multilingual dataset of over 50K sentences from 9 languages annotated for instances of "
                    "generalizations.", title="GeniL: A Multilingual Dataset on Generalizing Language")
    assert found.proposed == ["GeniL"]
    assert {(m.field, m.type, m.role) for m in mentions(found, "GeniL")} == {
        ("title", "Dataset", "proposes"), ("abstract", "Dataset", "proposes")}


@pytest.mark.parametrize(("abstract", "name", "label"), [
    # corpus papers: the bracket after the name is its long or short form, not its head
    ("We present MS-GAGA (Metric-Selective Guided Adversarial Generation Attack), a two-stage framework for "
     "crafting transferable adversarial examples against deepfake detectors.", "MS-GAGA", "Method"),  # 2510.12468
    ("To this end, we introduce the Cross-platform Short-Video (XS-Video) dataset, which aims to provide a "
     "large-scale benchmark.", "XS-Video", "Dataset"),  # train ax0168
    # a head joined to a hyphen is no head: "test-time" (corpus 2510.13804), "triple-system"
    ("We propose OmniVerifier-TTS, a sequential test-time scaling paradigm that leverages the verifier.",
     "OmniVerifier-TTS", "Method"),
    # a name ending in a dataset noun stays a dataset whatever its apposition (train ax0173)
    ("We introduce the Analytical Reliability Benchmark (ARB), a reproducible framework for assessing reasoning "
     "reliability.", "ARB", "Dataset"),
])
def test_the_head_noun_of_a_proposal_past_its_bracket(abstract, name, label):
    found = extract(abstract)
    assert name in found.proposed
    assert {m.type for m in mentions(found, name)} == {label}


def test_a_models_class_noun_makes_no_dataset():
    """Train ax0364: the NER called TriVLA a Dataset; its apposition's head is a model's class noun."""
    found = extract("To this end, we propose TriVLA, a unified Vision-Language-Action model with a triple-system "
                    "architecture for general robot control.",
                    title="TriVLA: A Unified Triple-System-Based Unified Vision-Language-Action Model for General "
                          "Robot Control")
    assert {m.type for m in mentions(found, "TriVLA")} == {"Method"}


def test_the_abstracts_head_noun_types_a_proposal_its_title_left_a_method():
    """arXiv 2025: the title calls it a platform, the abstract "the first web-based benchmark"
    (the hyphen of "web-based" is no clause break); title and abstract mentions take one type."""
    found = extract("To address this gap, we introduce Open CaptchaWorld, the first web-based benchmark and "
                    "platform specifically designed to evaluate the visual reasoning of MLLM-powered agents.",
                    title="Open CaptchaWorld: A Comprehensive Web-based Platform for Testing and Benchmarking "
                          "Multimodal LLM Agents")
    assert found.proposed == ["Open CaptchaWorld"]
    assert {(m.field, m.type) for m in mentions(found, "Open CaptchaWorld")} == {
        ("title", "Dataset"), ("abstract", "Dataset")}



@pytest.mark.parametrize(("abstract", "name"), [
    # corpus papers 2512.21849 and 2511.14774: the head noun says framework or pipeline, the name a benchmark
    ("To address these limitations, we present HeartBench, a framework designed to evaluate the integrated "
     "emotional, cultural, and ethical dimensions of Chinese LLMs.", "HeartBench"),
    ("We present LiveCLKTBench, an automated generation pipeline specifically designed to isolate and "
     "measure cross-lingual knowledge transfer.", "LiveCLKTBench"),
    # corpus 2511.16908: "Bench" as a word of its own
    ("To evaluate MLLMs, we construct Q-Real Bench to evaluate them on two tasks: judgment and grounding with "
     "reasoning.", "Q-Real Bench"),
])
def test_a_proposal_whose_name_says_benchmark_is_a_dataset_whatever_its_head(abstract, name):
    found = extract(abstract)
    assert found.proposed == [name]
    assert the_mention(found, name).type == "Dataset"

def test_head_noun_types_a_proposed_metric():
    found = extract("In response to the ineffective evaluation of CLIP-T metrics, we introduce BLIP2-T metric, "
                    "a more equitable and effective evaluation metric for this particular task.")
    assert found.proposed == ["BLIP2-T"]
    assert the_mention(found, "BLIP2-T").type == "Metric"


def test_a_proposal_described_as_a_language_or_foundation_model_is_a_model_of_its_own_family():
    """2025 corpus sentences (the NER typed both Method): a named model is a Model (GUIDE.md), its
    family its name; a system built on LLMs (arXiv train, gold Method) and a title stay Methods."""
    found = extract("We introduce VoxTell, a vision-language model for text-prompted volumetric medical image "
                    "segmentation. In this work, we introduce Instella, a family of fully open three billion "
                    "parameter language models trained entirely on openly available data and codebase. To address "
                    "this challenge, we propose AI4Reading, a multi-agent collaboration system leveraging large "
                    "language models (LLMs) and speech synthesis technology to generate podcast-like audiobook "
                    "interpretations.")
    typed = [(m.type, m.family) for m in (the_mention(found, name) for name in ("VoxTell", "Instella", "AI4Reading"))]
    assert typed == [("Model", "VoxTell"), ("Model", "Instella"), ("Method", None)]
    titled = extract("We evaluate it on building footprints.",
                     title="VectorLLM: Human-like Extraction of Structured Building Contours via Multimodal LLMs")
    assert the_mention(titled, "VectorLLM").type == "Method"


def test_a_proposal_described_with_a_parameter_count_is_a_model():
    """A held-out train sentence (ax0187, gold Model "Judge for Reasoning") and 2025 corpus sentences
    the NER typed Method: a parameter count makes a checkpoint whatever the noun; a count of data
    ("a 200M-image corpus") does not."""
    found = extract("We train Judge for Reasoning (J4R), a 7B judge trained with EIS-GRPO that outperforms GPT-4o. "
                    "We present Jina-VLM, a 2.4B parameter vision-language model that achieves strong results. "
                    "We release OpenLVD200M, a 200M-image corpus that demonstrates superior diversity.")
    typed = {name: the_mention(found, name).type for name in ("Judge for Reasoning", "J4R", "Jina-VLM", "OpenLVD200M")}
    assert typed == {"Judge for Reasoning": "Model", "J4R": "Model", "Jina-VLM": "Model", "OpenLVD200M": "Dataset"}


def test_acronym_and_long_form_are_one_proposal():
    found = extract(CASES[3][1], title=CASES[3][0])
    assert {(m.text, m.canonical, m.role) for m in found.entities if m.canonical == "LoL"} == {
        ("LoL", "LoL", "proposes"), ("Loss-over-Loss", "LoL", "proposes")}


# The next cases are real sentences from the 2025 arXiv corpus (../shared/data/corpora), where the
# seed abstracts have no instance of the pattern.
def test_a_capital_that_only_starts_a_sentence_is_no_name():
    found = extract("We present the Leuven Art Personalized Image Set (LAPIS), a novel dataset for personalized "
                    "image aesthetic assessment (PIAA). It is the first dataset with images of artworks that "
                    "is suitable for PIAA.",
                    title="LAPIS: A novel dataset for personalized image aesthetic assessment")
    assert found.proposed == ["LAPIS"]
    assert the_mention(found, "LAPIS").type == "Dataset"


def test_spellings_of_one_proposed_name_share_its_canonical():
    found = extract("To overcome these limitations, we propose a novel framework, Co-Spy, that first enhances "
                    "existing semantic features. Additionally, we create Co-Spy-Bench, a comprehensive dataset "
                    "comprising 5 real image datasets.",
                    title="CO-SPY: Combining Semantic and Pixel Features to Detect Synthetic Images by AI")
    assert found.proposed == ["CO-SPY", "Co-Spy-Bench"]
    assert {m.canonical for m in found.entities if m.text in ("CO-SPY", "Co-Spy")} == {"CO-SPY"}
    assert the_mention(found, "Co-Spy-Bench").type == "Dataset"


def test_an_adjective_made_from_a_name_is_not_proposed():
    found = extract("We propose an AmbientGAN-based generative technique to identify the distribution of "
                    "parameters in unknown imaging systems.")
    assert found.proposed == []


def test_an_abstract_at_the_length_limit_repeating_its_proposal():
    """100k characters repeating "We propose FooBar, ..." once took 75 s (every candidate scanned
    every entity); the time is in bench/abstract_length.py, the result is checked here."""
    sentence = "We propose FooBar, a novel method, and evaluate it on GSM8K with Llama-2-7B. "
    abstract = (sentence * (100_000 // len(sentence)))[:100_000]
    found = extract(abstract, title="FooBar: Proposing Again and Again")
    assert found.proposed == ["FooBar"]
    foobars = mentions(found, "FooBar")
    assert len(foobars) == abstract.count("FooBar") + 1 and {m.role for m in foobars} == {"proposes"}
    assert len(mentions(found, "GSM8K")) == abstract.count("GSM8K")


def _proposal_lookups(abstract: str, title: str) -> tuple[list[str], int, set[str]]:
    """Proposed names, the entity lookups the finder made, and the roles of FooBar's mentions."""
    doc = annotate(abstract, title=title)
    roles = {span._.role for span in doc.spans["entities"] if span.text == "FooBar"}
    finder = default_pipeline().get_pipe("paperkg_proposed")
    assert isinstance(finder, ProposalFinder)
    return doc._.proposed, finder.last_lookups, roles


def test_proposal_finding_is_linear_in_abstract_length():
    """An abstract repeating its proposal sentence: every repeat is a candidate naming an entity
    with ever more mentions. The finder once scanned every entity for each (75 s at 100k
    characters); its index now looks at a bounded number of spans per candidate, so 8 times the
    text makes about 8 times the lookups (quadratic work would make 64 times). The time itself is
    in bench/proposal_scaling.py."""
    sentence = "We propose FooBar, a novel method, and evaluate it on GSM8K with Llama-2-7B. "
    lookups = {}
    for repeats in (40, 320):
        proposed, lookups[repeats], roles = _proposal_lookups(sentence * repeats, "FooBar: Again and Again")
        assert proposed == ["FooBar"] and roles == {"proposes"}
    assert 0 < lookups[320] <= 8 * 1.25 * lookups[40], lookups


# One test per cue of data/proposal_cues.jsonl, on sentences of the arXiv gold's TRAIN papers
# (ids given) or written in their style; never from dev papers.
CUE_CASES = [
    # (cue, title, abstract, proposed)
    ("adverb between subject and verb (ax0095)", "",
     "We also introduce Time-LongQA, a novel benchmark dataset based on real-world corporate annual reports.",
     ["Time-LongQA"]),
    ("'this study' as subject (ax0173)", "",
     "This study introduces the Analytical Reliability Benchmark (ARB), a reproducible framework that quantifies "
     "reasoning reliability in large language models.", ["ARB"]),
    ("verb coordinated without a subject", "",
     "We first analyse where retrieval fails and devise Anchor Rewriting to repair the retrieved passages.",
     ["Anchor Rewriting"]),
    ("outcome phrase (ax0461)", "",
     "To validate our framework, we conducted a case study in a university, resulting in the creation of "
     "XUBench, a large-scale and comprehensive closed-domain benchmark.", ["XUBench"]),
    ("a generic word starts a name when the name goes on after its compound (arXiv 2512.03370, corpus)", "",
     "To fully exploit the potential of Gaussians, we propose a Multi-Modal Gaussian Transformer that enables "
     "Gaussians to query features from diverse sensor modalities.", ["Multi-Modal Gaussian Transformer"]),
    ("...not after a modifier compound (ax0292)", "",
     "This work introduces a diagnostic framework for expert systems. The framework integrates (i) curated golden "
     "datasets of expert annotations, (ii) silver datasets generated through controlled behavioural mutation, and "
     "(iii) an LLM-based Agent Judge that scores and prescribes targeted improvements.", []),
    ("outcome phrase with an article (arXiv 2512.04283, corpus)", "",
     "In this paper, we derive a continuous limit for PnP-Flow, resulting in a stochastic differential equation "
     "(SDE) surrogate model of PnP-Flow.", ["SDE"]),
    ("an outcome that is a quality is no proposal (arXiv 2511.09973, corpus)", "",
     "These methods distort the geometric structure of the embeddings, resulting in limited OOD and zero-shot "
     "performance. To address this, we propose Difference Vector Equalization (DiVE).", ["DiVE"]),
    ("naming phrase with 'as' (arXiv 2512.10449, corpus)", "",
     "To this end, we develop a novel evaluation metric which we term as WAVS (Weighted Adversarial Vulnerability "
     "Score).", ["WAVS"]),
    ("a short form bracketed after a long name and described as new (arXiv 2507.12771, corpus)", "",
     "In this paper, we propose local representative token guided merging (ReToM), a novel token merging strategy "
     "applicable to any attention mechanism in image generation.", ["ReToM"]),
    ("... one proposal with the long name a proposal verb took (arXiv 2507.14497, corpus)", "",
     "To address these limitations, we propose Token Compression Pathology LLaVA (TCP-LLaVA), the first MLLM "
     "architecture to perform WSI VQA via token compression.", ["TCP-LLaVA"]),
    ("... not a long form bracketed after its short form (arXiv 2512.20936, corpus)", "",
     "Furthermore, we introduce the MAC-Score (MLLM Amodal Completion Score), a novel human-aligned evaluation "
     "metric.", ["MAC-Score"]),
    ("a name the paper calls original or existing elsewhere is prior work (arXiv 2510.03153, corpus)", "",
     "We enhance CoELA, a framework designed for building Collaborative Embodied Agents. Our best combination "
     "improved the efficiency of the system by 22% compared to the original CoELA system.", []),
    ("where the code lives is no proposal (arXiv 2511.09748, corpus)", "",
     "We propose a pipeline for translating prompts. All datasets, prompts, and scripts are publicly available "
     "at our GitHub repository.", []),
    ("the measure after a score in an outcome is no proposal (arXiv 2511.14019, corpus)", "",
     "We introduce RISE, a benchmark and system for radar-based indoor scene understanding. RISE reduces the "
     "Chamfer Distance by 60% and delivers the first mmWave-based object detection, achieving 58% IoU.", ["RISE"]),
    ("a descriptor before 'named X' is no name (ax0168)", "",
     "Second, we propose a Large Graph Model (LGM) named NetGPT, based on a novel three-stage training "
     "mechanism.", ["NetGPT"]),
    ("a bracketed expansion is no second name (ax0233)", "",
     "To address this, we propose X-Ray-CoT (Chest X-Ray Chain-of-Thought), a novel framework for intelligent "
     "chest X-ray diagnosis.", ["X-Ray-CoT"]),
    ("parts of a proposal, defined by acronyms (ax0064)", "",
     "In this work, we propose the Temporal Dynamics Enhancer (TDE) to strengthen temporal modeling. TDE "
     "consists of two modules: a Spiking Encoder (SE) that generates diverse input stimuli across time steps, "
     "and an Attention Gating Module (AGM) that guides the SE generation.", ["TDE", "SE", "AGM"]),
    ("parts of a proposal, enumerated (ax0229)", "",
     "To address these limitations, we propose Stepwise Reasoning Checkpoint Analysis (SRCA), a framework that "
     "introduces checkpoints between reasoning steps. It incorporates two key strategies: (1) Answer-Clustered "
     "Search, which groups reasoning paths by their answers, and (2) Checkpoint Candidate Augmentation, which "
     "leverages all intermediate answers.", ["SRCA", "Answer-Clustered Search", "Checkpoint Candidate Augmentation"]),
    ("known parts are used, not proposed (ax0162)", "",
     "Our hybrid architecture integrates Convolutional Neural Networks and Vision Transformers to capture both "
     "local and global features.", []),
    ("a novel part defined by its acronym (ax0291)", "",
     "Built upon a novel Context-Independent Imperative Paradigm (CIP), the agent generates high-quality CAD "
     "modeling code.", ["CIP"]),
    ("an adopted algorithm is no part (ax0143)", "",
     "We adopted the Asynchronous Advantage Actor Critic (A3C) algorithm for reinforcement learning.", []),
    ("'our model, X' (ax0005)", "",
     "Our model, Monet-7B, shows consistent gains across real-world perception and reasoning benchmarks.",
     ["Monet-7B"]),
    ("'our X and Y classifiers' (ax0063)", "",
     "We establish new state-of-the-art results for both datasets using our Mamba-SL and Transformer-SL "
     "classifiers.", ["Mamba-SL", "Transformer-SL"]),
    ("passive proposal verb (ax0299)", "",
     "In this paper, a Soft-masked Semi-dual Optimal Transport (SSOT) method is proposed to deal with the PDA "
     "problem.", ["SSOT"]),
    ("passive verb and a list after it (ax0108)", "",
     "Two models are developed: the Single Prediction Model (SPM) and the Multiple Prediction Model (MPM), both "
     "of which improve speaker change detection.", ["SPM", "MPM"]),
    ("prior work is no passive proposal", "",
     "We build on Low-Rank Adaptation (LoRA), which was proposed by earlier work for efficient tuning.", []),
    ("a name set off after the head noun the paper introduces", "",
     "We therefore curate a new evaluation corpus, TriviaShift, built from questions whose answers changed.",
     ["TriviaShift"]),
    ("a cited method is prior work", "",
     "We revisit a simple method, kNN-LM (Khandelwal et al., 2020), which interpolates a language model with a "
     "nearest-neighbour search.", []),
    ("a dataset used, set off by commas, is not new", "",
     "We evaluate our approach using a public dataset, MIMIC-IV, with thousands of patient records.", []),
    ("a name described by an appositive (ax0004 style)", "",
     "Finally, ToolHaystack, a benchmark for testing tool use in long-term interactions, exposes failures of "
     "current agents.", ["ToolHaystack"]),
    ("a capital starting the sentence is no part of the name (ax0040)", "",
     "Using ContraTICO, a dataset of contrastive synthetic MT errors, we show that the method detects errors.",
     []),
    ("sentence-initial description (ax0077)", "",
     "BlendedNet is a publicly available aerodynamic dataset of 999 blended wing body geometries.",
     ["BlendedNet"]),
    ("a name modifying a noun is no proposal (ax0367)", "",
     "We additionally introduce group-aware SSM elastification that preserves the structural constraints.", []),
    ("a known model modifying the new thing", "",
     "We build a GPT-4 baseline which achieves a 33.2% hallucination rate.", []),
    ("title case is no naming phrase", "Improving Few-Shot Cross-Domain Named Entity Recognition by Retrieval",
     "We study retrieval for entity recognition across domains.", []),
    ("'of' inside a name", "",
     "We introduce Bag of Prompts, a simple ensembling technique for prompt selection.", ["Bag of Prompts"]),
    ("a lower-case long form after a modifier, then an apposition (2509.26435)", "",
     "In this paper, we propose adaptive planning for multi-attribute controllable summarization (PACO), a "
     "training-free framework that reframes the task as planning.", ["PACO"]),
    ("a lower-case long form after a modifier is a concept the new thing is made of", "",
     "We introduce a novel duplex speech to speech (S2S) architecture that models both channels.", []),
    ("'named as' names the proposal (2512.08327)", "",
     "We propose a novel method for color image classification, named as the Low-rank Support Quaternion Matrix "
     "Machine (LSQMM), in which the classifier is learned.", ["LSQMM"]),
    ("'our X' after a proposal sentence that took no name (2508.02180)", "",
     "We propose a continual zeroth-order adaptation (ZOA) framework that enables efficient model adaptation. "
     "On the quantized ViT-B model, our ZOA is able to achieve a 5.0% improvement over FOA.", ["ZOA"]),
    ("'our X' after a clause break in the proposal sentence (2511.14219)", "",
     "We present a two-stage architecture that suppresses hallucinations using a multi-objective knowledge "
     "distillation (KD) framework. In the second stage, our KD framework trains the student model.", []),
    ("'our X' after an apposition to the proposal (2512.05927)", "",
     "We propose C3, an uncertainty quantification (UQ) method for video models. Our UQ method introduces three "
     "core innovations.", ["C3"]),
]


@pytest.mark.parametrize(("cue", "title", "abstract", "proposed"), CUE_CASES, ids=[c[0] for c in CUE_CASES])
def test_proposal_cues(cue, title, abstract, proposed):
    assert extract(abstract, title=title).proposed == proposed


def test_a_proposed_catalogue_homonym_takes_the_type_its_head_noun_gives():
    """arXiv 2512.16250 and 2512.04810 (corpus): PwC lists RAFT and EMMA as datasets; these papers
    propose a framework and an architecture under those names."""
    found = extract("We propose RAFT, a data-efficient agentic alignment framework. We also propose EMMA, an "
                    "efficient and unified architecture for multimodal understanding.")
    assert {(m.text, m.type) for m in found.entities if m.text in ("RAFT", "EMMA")} == {
        ("RAFT", "Method"), ("EMMA", "Method")}


TITLE_CASES = [
    # (title, abstract, proposed): a title head "X: ..." is a name when it is one word, a name and a
    # version, or a short run of capitalised words the abstract uses as a name.
    ("3DKeyAD: High-Resolution 3D Point Cloud Anomaly Detection via Keypoint-Guided Point Clustering",
     "High-resolution 3D point clouds are highly effective for detecting subtle structural anomalies.", ["3DKeyAD"]),
    ("FooNet v2: Faster Retrieval for Long Documents", "Retrieval over long documents is slow.", ["FooNet v2"]),
    ("Collaborative Memory: Multi-User Memory Sharing in LLM Agents",
     "As agents are deployed in multi-user settings, Collaborative Memory lets them share knowledge under "
     "access controls.", ["Collaborative Memory"]),
    ("Geometry Meets Vision: Revisiting Pretrained Semantics",
     "Geometry Meets Vision studies what pretrained features encode.", []),
    ("Beyond Accuracy: Evaluating Calibration of Language Models",
     "Accuracy alone hides how miscalibrated language models are.", []),
    ("Neural Scaling Curves: An Empirical Study", "We fit power laws to loss curves.", []),
    # arXiv 2511.20665 and 2512.15312 (corpus): a long form and its short form in brackets propose the
    # short form once ("Harmonic Token Projection (HTP)" was a second, bracketed name); a phrase does not
    ("Harmonic Token Projection (HTP): A Vocabulary-Free, Training-Free Method",
     "Harmonic Token Projection (HTP) maps each token to a harmonic code, and HTP needs no training.", ["HTP"]),
    ("Evaluating LLMs for Zeolite Synthesis Event Extraction (ZSEE): A Systematic Analysis",
     "We evaluate prompting strategies on ZSEE.", []),
]


@pytest.mark.parametrize(("title", "abstract", "proposed"), TITLE_CASES, ids=[c[0].split(":")[0] for c in TITLE_CASES])
def test_title_heads(title, abstract, proposed):
    assert extract(abstract, title=title).proposed == proposed


def test_a_short_form_and_the_long_form_it_spells_are_one_proposal():
    """ax0523: the title names NAT, the abstract its long form, and no acronym definition pairs them."""
    found = extract("To address this challenge, we present Neural Acoustic Transfer, a novel approach that encodes "
                    "precomputed acoustic transfer.", title="NAT: Neural Acoustic Transfer for Interactive Scenes")
    assert found.proposed == ["NAT"]
    assert {(m.text, m.canonical, m.role) for m in found.entities if m.canonical == "NAT"} >= {
        ("NAT", "NAT", "proposes"), ("Neural Acoustic Transfer", "NAT", "proposes")}


def test_a_name_bracketed_after_a_name_is_its_short_form():
    found = extract("We propose Cross-platform Short-Video (XS-Video), a dataset for propagation rating.")
    assert found.proposed == ["XS-Video"]
    assert {m.canonical for m in found.entities if m.text in ("Cross-platform Short-Video", "XS-Video")} == {
        "XS-Video"}


def test_a_new_name_built_on_a_model_family_is_proposed():
    found = extract("In this paper, we present Nemotron Elastic, a framework for building reasoning-oriented "
                    "LLMs.", title="Nemotron Elastic: Towards Efficient Many-in-One Reasoning LLMs")
    assert found.proposed == ["Nemotron Elastic"]
    assert {m.role for m in mentions(found, "Nemotron Elastic")} == {"proposes"}


def test_the_variants_of_a_proposal_are_proposed():
    # arXiv 2505.22312 (corpus; train paper ax0384 is the same): the sized models of Skywork-OR1 are
    # named after it, and no proposal cue puts them forward themselves
    found = extract("In this work, we present Skywork-OR1, an effective and scalable RL implementation for long "
                    "Chain-of-Thought (CoT) models. Our Skywork-OR1-32B model surpasses both DeepSeek-R1 and "
                    "Qwen3-32B on the AIME24 and AIME25 benchmarks. The Skywork-OR1-7B and Skywork-OR1-Math-7B "
                    "models demonstrate competitive reasoning capabilities among models of similar size.")
    assert found.proposed == ["Skywork-OR1", "Skywork-OR1-32B", "Skywork-OR1-7B", "Skywork-OR1-Math-7B"]
    assert {m.role for m in mentions(found, "Skywork-OR1-7B")} == {"proposes"}
    # arXiv 2510.24036 (corpus): a catalogue model named after a wrongly proposed family stays out
    found = extract("We propose ResNet, which we train as ResNet-18 on CIFAR-10.")
    assert "ResNet-18" not in found.proposed


def test_a_name_is_found_at_the_start_of_a_word_only():
    """"LongQA" inside "Time-LongQA" is no candidate (it once removed the NER's Time-LongQA)."""
    found = extract("We also introduce Time-LongQA, a novel benchmark dataset based on annual reports.")
    assert [m.text for m in found.entities if "LongQA" in m.text] == ["Time-LongQA"]


def test_every_mention_of_a_proposal_proposes():
    found = extract("To this end, we propose Anchor Rewriting, a method that repairs retrieved passages. "
                    "Anchor Rewriting improves recall, and Anchor Rewriting is cheap.",
                    title="Anchor Rewriting: Repairing Retrieval")
    assert found.proposed == ["Anchor Rewriting"]
    assert [m.role for m in mentions(found, "Anchor Rewriting")] == ["proposes"] * 4


def test_a_proposal_typed_task_is_a_method():
    # Train papers ax0130 and ax0442: the acronym's long form ends in a task-like head ("Segmentation",
    # "rule" under a catalogue Task); what a paper introduces is a method in the guide's terms.
    found = extract("We propose a novel AutoRegressive Generation-based paradigm for image Segmentation "
                    "(ARGenSeg), achieving multimodal understanding and pixel-level perception within a "
                    "unified framework.",
                    title="ARGenSeg: Image Segmentation with Autoregressive Image Generation Model")
    assert found.proposed == ["ARGenSeg"]
    assert {m.type for m in mentions(found, "ARGenSeg")} == {"Method"}
    assert the_mention(found, "Image Segmentation").type == "Task"  # a task it only mentions stays one
    found = extract("Our paper designs the Aligned Scoring rule (ASR) for text by optimizing and minimizing "
                    "the mean squared error between a proper scoring rule and a reference score.")
    assert found.proposed == ["ASR"]
    assert {m.type for m in found.entities if m.canonical == "ASR"} == {"Method"}


def test_word_shapes_remember_what_the_regexes_say(monkeypatch):
    words = ["LoFiT", "URIAL", "T5", "Llama2", "Okapi", "model", "the", "3D", "X", "-", "Okapi"]
    expected = ([bool(_STRONG_NAME.search(w)) for w in words],
                [bool(_STRONG_NAME.search(w) or _CAPITALISED.match(w)) for w in words])
    shapes = WordShapes()
    assert shapes.of(words) == expected
    assert shapes.of(words) == expected  # from memory this time
    assert expected == ([True, True, True, True, False, False, False, True, False, False, False],
                        [True, True, True, True, True, False, False, True, False, False, True])
    monkeypatch.setattr(WordShapes, "MAX_WORDS", 3)
    assert shapes.of(["model", "BERT"]) == ([False, True], [False, True])  # past the bound: forgotten, relearnt
    assert len(shapes._known) == 2
