"""The model-name grammar on real seed-abstract sentences, through the shipped pipeline.

Sentences come from examples/*.txt; where a spelling variant of the same model does not occur in the
seeds, the model name in a real sentence is swapped for the variant (marked "variant of"); numbers
written one digit at a time come from SciER train sentences.
"""

from __future__ import annotations

import pytest

from extractors.ner_training import detokenise
from tests.extractors.pipeline_cases import annotate, extract, the_mention

PROXY = ("In experiments, when we apply proxy-tuning to {} using proxies of only 7B size, we can close "
         "88% of the gap between the model and its truly-tuned chat version.")
LLAMA_2 = ("We additionally confirm some predictions of the theory using the {} large language model, "
           "giving evidence that the simplified model yields generalizable insights.")
GPT_4 = "The dataset was created by implementing a pipeline that prompts {} for pairs."

CASES = [
    # (sentence, surface, canonical, family)
    ("Results on the Llama 3.2 3B Instruct model and the LLaMA 3.1 8B Instruct model improving by 10.61%.",
     "LLaMA 3.1 8B Instruct", "Llama-3.1-8B-Instruct", "Llama"),
    (PROXY.format("Llama2-70B"), "Llama2-70B", "Llama-2-70B", "Llama"),
    (PROXY.format("Llama 2 70B"), "Llama 2 70B", "Llama-2-70B", "Llama"),  # variant of the above
    (PROXY.format("LLaMA-2-70B"), "LLaMA-2-70B", "Llama-2-70B", "Llama"),  # variant of the above
    (LLAMA_2.format("LLaMA-2"), "LLaMA-2", "Llama-2", "Llama"),
    (LLAMA_2.format("Llama2"), "Llama2", "Llama-2", "Llama"),  # variant
    (LLAMA_2.format("Llama-2"), "Llama-2", "Llama-2", "Llama"),  # variant
    (LLAMA_2.format("LLaMA2"), "LLaMA2", "Llama-2", "Llama"),  # variant
    (LLAMA_2.format("Llama 2"), "Llama 2", "Llama-2", "Llama"),  # variant
    ("Significant and consistent improvements are achieved by SH2 for LLaMA-7b and LLaMA2-7b on "
     "multiple hallucination tasks.", "LLaMA-7b", "LLaMA-7B", "Llama"),
    ("Our analysis reveals that ChatGPT and Llama 2-Chat exhibit hallucinations in 60% and 75% of "
     "their outputs, respectively.", "Llama 2-Chat", "Llama-2-Chat", "Llama"),
    ("Notably, our model matches or outperforms competitive models such as Qwen2.5-Math-7B.",
     "Qwen2.5-Math-7B", "Qwen2.5-Math-7B", "Qwen"),
    ("To validate the effectiveness of CFT, we construct a dataset from WebInstruct, using GPT-4o as "
     "the teacher to generate critiques.", "GPT-4o", "GPT-4o", "GPT"),
    (GPT_4.format("GPT-4"), "GPT-4", "GPT-4", "GPT"),
    (GPT_4.format("GPT4"), "GPT4", "GPT-4", "GPT"),  # variant
    ("We compare against GPT-3.5, and GPT4.", "GPT-3.5", "GPT-3.5", "GPT"),
    ("This allows us to recover harmful content generation suppressed by safety fine-tuning in "
     "chatbots like ChatGPT.", "ChatGPT", "ChatGPT", "GPT"),
    ("On TriviaQA, Mistral 7B finetuned on our synthetic data cause no performance drop.",
     "Mistral 7B", "Mistral-7B", "Mistral"),
    ("In applications to RoBERTa-large, Llama-2-13B-chat, and stable-diffusion-v1.5, our method "
     "improves over the baseline.", "RoBERTa-large", "RoBERTa-large", "RoBERTa"),
    ("In applications to RoBERTa-large, Llama-2-13B-chat, and stable-diffusion-v1.5, our method "
     "improves over the baseline.", "Llama-2-13B-chat", "Llama-2-13B-Chat", "Llama"),
    ("We investigate this by finetuning T5-Base (250M parameters) on the DeepMind Mathematics "
     "dataset.", "T5-Base", "T5-base", "T5"),  # variant of "Flan-T5-Base"
    ("We investigate this by finetuning Flan-T5-Base (250M parameters) on the DeepMind Mathematics "
     "dataset.", "Flan-T5-Base", "Flan-T5-base", "T5"),
    ("Third, our finetuned 770M T5 model outperforms the few-shot prompted 540B PaLM model using only "
     "80% of available data on a benchmark.", "770M T5", "T5-770M", "T5"),
    ("Third, our finetuned 770M T5 model outperforms the few-shot prompted 540B PaLM model using only "
     "80% of available data on a benchmark.", "540B PaLM", "PaLM-540B", "PaLM"),
    ("Language representation models such as BERT can effectively learn a counterfactual "
     "representation.", "BERT", "BERT", "BERT"),
    ("Our experimental results and in-depth visualizations on CLIP show that such an intervention can "
     "effectively improve the model's accuracy.", "CLIP", "CLIP", "CLIP"),
    ("Among these, Stable Diffusion distinguishes itself as a leading open-source model in this "
     "fast-growing field.", "Stable Diffusion", "Stable Diffusion", "Stable Diffusion"),
    ("We show that our methods improve the Bo32 performance of Gemma 2B on Hendrycks MATH.",
     "Gemma 2B", "Gemma-2B", "Gemma"),
    ("We compare GPT-4 and Claude Opus with several fine-tuned LLMs.", "Claude Opus", "Claude-Opus",
     "Claude"),
    ("We repeatedly prompted multiple LMs with different parameter sizes, including Llama-2, Falcon, "
     "Mistral, OPT, and XLNet.", "Falcon", "Falcon", "Falcon"),
    ("We repeatedly prompted multiple LMs with different parameter sizes, including Llama-2, Falcon, "
     "Mistral, OPT, and XLNet.", "OPT", "OPT", "OPT"),
    ("Open models have emerged, such as LLaMA, Alpaca, Vicuna, to name a few.", "Vicuna", "Vicuna",
     "Vicuna"),
    ("We evaluate instruction-tuned models (BLOOMZ, ChatGPT) on SPARROW through fine-tuning.",
     "BLOOMZ", "BLOOMZ", "BLOOM"),
    ("In our experiments on Pythia language models, we find that LoRA outperforms full finetuning.",
     "Pythia", "Pythia", "Pythia"),
    ("We employ these methods on Mistral 7B and Mixtral 8x7B models.", "Mixtral 8x7B", "Mixtral-8x7B",
     "Mistral"),
    ("Strong reasoning models such as DeepSeek-R1 are distilled into Qwen2.5-Math and DeepSeek-V3.",
     "DeepSeek-R1", "DeepSeek-R1", "DeepSeek"),
    ("Strong reasoning models such as DeepSeek-R1 are distilled into Qwen2.5-Math and DeepSeek-V3.",
     "DeepSeek-V3", "DeepSeek-V3", "DeepSeek"),
    ("We fine-tune Phi-3-mini on the synthetic data.", "Phi-3-mini", "Phi-3-mini", "Phi"),
    # unknown members of known families
    ("We fine-tune Qwen3-14B on the synthetic data.", "Qwen3-14B", "Qwen3-14B", "Qwen"),
    ("We fine-tune Llama-4-Scout on the synthetic data.", "Llama-4-Scout", "Llama-4-Scout", "Llama"),
    # 2025 video and image generators (arXiv 2025: "leading video models (Veo-3, Sora-2, Wan-2.2)")
    ("We benchmark leading video models (Veo-3, Sora-2, Wan-2.2) and image models.", "Sora-2", "Sora-2", "Sora"),
    ("We compare with Seedance 1.0 and Hailuo 02 on motion quality.", "Seedance 1.0", "Seedance-1.0",
     "Seedance"),
    ("We compare with Seedance 1.0 and Hailuo 02 on motion quality.", "Hailuo 02", "Hailuo-02", "Hailuo"),
    # active parameters of a mixture of experts and a release date (arXiv 2025)
    ("Our synthetic dataset is generated by two state-of-the-art VLMs: GLM-4.1V-9B-Thinking and "
     "Kimi-VL-A3B-Thinking-2506.", "Kimi-VL-A3B-Thinking-2506", "Kimi-VL-A3B-Thinking-2506", "Kimi"),
    ("We compare with Kimi-K2 on SWE-bench.", "Kimi-K2", "Kimi-K2", "Kimi"),
    # 2024-2025 document, robotics and vision-language families (arXiv 2025 mentions)
    ("We fine-tune LayoutLMv3 and Donut on scanned invoices.", "LayoutLMv3", "LayoutLMv3", "LayoutLM"),
    ("Policies such as OpenVLA and π0.5 are evaluated on LIBERO.", "π0.5", "π0.5", "π0"),
    ("We compare against NVILA and BAGEL on video understanding.", "NVILA", "NVILA", "VILA"),
    ("Open models such as Command R+ lag behind on long contexts.", "Command R+", "Command R+", "Command R"),
    # other capitalisations of mixed-case names (arXiv 2025: "Wav2Vec" 25 times, "Resnet" 12, "Olmo" 8)
    ("We extract features with Wav2Vec 2.0 and a Resnet-50.", "Wav2Vec 2.0", "wav2vec 2.0", "wav2vec"),
    ("We extract features with Wav2Vec 2.0 and a Resnet-50.", "Resnet-50", "ResNet-50", "ResNet"),
    ("We fine-tune Olmo-2 and compare with images from MidJourney.", "Olmo-2", "OLMo-2", "OLMo"),
    # 2025 corpus sentences: a spaced version ending in a letter, and names of 2025 releases
    ("Gemini 2.0 Flash stood out for its quality and speed, and Gemma 3n for its good performance and "
     "open-source nature.", "Gemma 3n", "Gemma-3n", "Gemma"),
    ("We assess frontier models -- including o3, GPT-4o, Kimi K2, Claude 4 Sonnet, Llama 3 70B.", "Kimi K2",
     "Kimi-K2", "Kimi"),
    ("In this paper, we first show that smaller-scale, open-source models (e.g., DeepSeek R1, Qwen3, "
     "Phi-reasoning) can also benefit from inference-time scaling.", "DeepSeek R1", "DeepSeek-R1", "DeepSeek"),
    ("Proprietary editors (GPT-4o, Flux Kontext, Nano Banana) require detailed prompts.", "Nano Banana",
     "Nano-Banana", "Gemini"),
    ("A common design is seen in systems such as Step1X-Edit and Qwen-Image-Edit.", "Step1X-Edit", "Step1X-Edit",
     "Step"),
    ("We compare AlexNet, VGG16, ResNet18 and InceptionV3.", "AlexNet", "AlexNet", "AlexNet"),
    ("Whisper, XLS-R, MMS, and W2v-BERT have expanded access.", "W2v-BERT", "w2v-BERT", "wav2vec"),
    ("We evaluate grok-3-mini and o3 on the puzzles.", "grok-3-mini", "Grok-3-mini", "Grok"),
    # 2022-2023 models that conference abstracts of 2023 compare with
    ("Text-to-image models such as Parti and Make-A-Video are compared.", "Parti", "Parti", "Parti"),
    ("Megatron-Turing NLG 530B and Jurassic-1 Jumbo are dense models.", "Megatron-Turing NLG 530B",
     "Megatron-Turing NLG-530B", "Megatron-Turing NLG"),
    ("We fine-tune SantaCoder and mT0 on the task.", "SantaCoder", "SantaCoder", "StarCoder"),
    ("We fine-tune SantaCoder and mT0 on the task.", "mT0", "mT0", "BLOOM"),
    ("We translate with NLLB-200 and Cerebras-GPT-13B.", "Cerebras-GPT-13B", "Cerebras-GPT-13B", "Cerebras-GPT"),
    # 2025 corpus: foundation models of pathology, tables, time series and small devices (the NER
    # called Virchow2 and CONCH generic Methods, and missed LFM2-350M and H-Optimus1)
    ("We benchmark sub-2B models (LFM2-350M, Qwen-3-0.6B/1.7B).", "LFM2-350M", "LFM2-350M", "LFM"),
    ("Features come from UNI, Virchow2 and H-Optimus1 encoders.", "Virchow2", "Virchow2", "Virchow"),
    ("Features come from UNI, Virchow2 and H-Optimus1 encoders.", "H-Optimus1", "H-optimus-1", "H-optimus"),
    ("We compare PLIP with CONCH on slide retrieval.", "CONCH", "CONCH", "CONCH"),
    ("TabPFN outperforms XGBoost on small tables.", "TabPFN", "TabPFN", "TabPFN"),
    ("We compare against TimesFM, Chronos, Moirai and Lag-Llama.", "Moirai", "Moirai", "Moirai"),
]


@pytest.mark.parametrize(("sentence", "surface", "canonical", "family"), CASES,
                         ids=[f"{c[1]}" for c in CASES])
def test_model_name_resolves_to_canonical_and_family(sentence, surface, canonical, family):
    mention = the_mention(extract(sentence), surface)
    assert (mention.type, mention.canonical, mention.family, mention.source) == (
        "Model", canonical, family, "pattern")


def test_llama_2_spellings_share_one_canonical():
    canonicals = {the_mention(extract(LLAMA_2.format(name)), name).canonical
                  for name in ("Llama2", "Llama-2", "LLaMA2", "LLaMA-2", "Llama 2")}
    assert canonicals == {"Llama-2"}


def test_model_parts_are_reported():
    mention = the_mention(extract(CASES[0][0]), "LLaMA 3.1 8B Instruct")
    assert (mention.params, mention.version, mention.variant) == ("8B", "3.1", "Instruct")


def test_name_glued_to_a_suffix_keeps_exact_offsets():
    sentence = "We build a Llama2-70B-based agent and compare it to GPT-4's answers."
    found = extract(sentence)
    assert the_mention(found, "Llama2-70B").canonical == "Llama-2-70B"
    assert the_mention(found, "GPT-4").canonical == "GPT-4"


@pytest.mark.parametrize("sentence", [
    "Large language models (LLMs) such as transformer language models are widely used.",
    "In response to the ineffective evaluation of CLIP-T metrics, we introduce a better metric.",
    "We compare with BERTScore and the GPT series of models.",
    "To address this, we present DV-LLaMA, a robust video MLLM baseline.",
])
def test_generic_words_and_other_names_are_not_models(sentence):
    assert [s.text for s in annotate(sentence).spans["models"]] == []


@pytest.mark.parametrize("abstract", ["Qwen2.5-Math-7B.", "(Llama2-70B-based", "GPT-4's-"])
def test_token_splits_keep_sentences_and_offsets(abstract):
    [model] = [m for m in extract(abstract).entities if m.type == "Model"]
    assert model.role == "mentions"  # roles read the sentence of each mention


def test_a_name_glued_to_a_size_in_billions_is_a_model_unless_a_catalogue_knows_it():
    found = extract("We pretrain Kuwain-1.5B, a small Arabic model, on LAION-5B captions and "
                    "compare it with Llama-2-7B.")
    assert {(m.text, m.type, m.family, m.params) for m in found.entities} >= {
        ("Kuwain-1.5B", "Model", "Kuwain", "1.5B"), ("Llama-2-7B", "Model", "Llama", "7B")}
    assert the_mention(found, "LAION-5B").type == "Dataset"
    found = extract("We find that Perplexity-R1-1776-70B retains the censorship of its base model.")
    assert (the_mention(found, "Perplexity-R1-1776-70B").type,  # "Perplexity" alone is a metric
            the_mention(found, "Perplexity-R1-1776-70B").family) == ("Model", "Perplexity")


def test_a_model_name_defined_as_something_else_is_that_thing():
    found = extract("Sharpness-aware minimization (SAM) seeks flat minima. We show that SAM improves "
                    "generalization of ResNet-18 on CIFAR-10.")
    assert {(m.text, m.type) for m in found.entities if "SAM" in m.aliases or m.text == "SAM"} == {
        ("Sharpness-aware minimization", "Method"), ("SAM", "Method")}
    assert the_mention(found, "ResNet-18").family == "ResNet"
    found = extract("We prompt the Segment Anything Model (SAM) with boxes; SAM then segments images.")
    assert {(m.text, m.type, m.family) for m in found.entities if "SAM" in (m.text, m.canonical)} == {
        ("Segment Anything Model", "Model", "SAM"), ("SAM", "Model", "SAM")}


@pytest.mark.parametrize(("tokens", "surfaces", "canonicals"), [
    # SciER train sentences, detokenised as the held-out SciER scoring does: numbers come one digit at
    # a time, and the grammar read "ResNet-5", "ResNet-1" and "DenseNet 1"
    ("We use α= 2 and β= 4 for ResNet - 5 0 and use α= 1 and β= 2 for ResNet - 1 5 2 .",
     ["ResNet-5 0", "ResNet-1 5 2"], ["ResNet-50", "ResNet-152"]),
    ("The DenseNet we employed in this network is DenseNet 1 2 1 which is one variation of DenseNet .",
     ["DenseNet 1 2 1"], ["DenseNet-121"]),
    # and sizes past "large" (the grammar read "ALBERT")
    ("In contrast , an ALBERT - xlarge configuration with H = 2 0 4 8 has only 5 9 M parameters , while an "
     "ALBERT - xxlarge configuration with H = 4 0 9 6 has 2 3 3 M parameters , i.e. , around 7 0 % of BERT - "
     "large 's parameters .", ["ALBERT-xlarge", "ALBERT-xxlarge", "BERT-large"],
     ["ALBERT-xlarge", "ALBERT-xxlarge", "BERT-large"]),
])
def test_a_scier_model_name_is_read_whole(tokens, surfaces, canonicals):
    found = extract(detokenise(tokens.split())[0])
    models = [(m.text, m.canonical) for m in found.entities if m.type == "Model"]
    assert models == list(zip(surfaces, canonicals, strict=True))
