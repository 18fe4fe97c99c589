"""Cleaning works on a copy; every span of the copy maps back to the input string exactly."""

from extractors.cleaning import PaperText, clean

ARXIV_ABSTRACT = (
    "  We present \\textbf{LoFiT}, which improves accuracy by 12.0\\% on\nGSM8K with a\n"
    "$2\\times$ speed-up \\cite{hu2021lora}. See **Table 1** and [the code](https://x.org/y)."
)


def test_plain_text_is_identity():
    cleaned = clean("Direct Preference Optimization (DPO) aligns LLMs.")
    assert cleaned.text == "Direct Preference Optimization (DPO) aligns LLMs."
    assert cleaned.source_span(0, 6) == (0, 6)


def test_latex_markdown_and_line_breaks_are_cleaned():
    cleaned = clean(ARXIV_ABSTRACT)
    assert "\n" not in cleaned.text
    assert "12.0% on GSM8K" in cleaned.text
    assert "LoFiT" in cleaned.text and "\\textbf" not in cleaned.text
    assert "2x speed-up" in cleaned.text
    assert "hu2021lora" not in cleaned.text
    assert "Table 1" in cleaned.text and "**" not in cleaned.text
    assert "the code" in cleaned.text and "https" not in cleaned.text


def test_spans_map_back_to_the_input():
    cleaned = clean(ARXIV_ABSTRACT)
    start = cleaned.text.index("LoFiT")
    s, e = cleaned.source_span(start, start + len("LoFiT"))
    assert ARXIV_ABSTRACT[s:e] == "LoFiT"
    start = cleaned.text.index("12.0%")
    s, e = cleaned.source_span(start, start + len("12.0%"))
    assert ARXIV_ABSTRACT[s:e] == "12.0\\%"
    start = cleaned.text.index("on GSM8K")
    s, e = cleaned.source_span(start, start + len("on GSM8K"))
    assert ARXIV_ABSTRACT[s:e] == "on\nGSM8K"
    start = cleaned.text.index("2x")
    s, e = cleaned.source_span(start, start + 2)
    assert ARXIV_ABSTRACT[s:e] == "2\\times"


def test_a_span_that_would_cut_a_tex_group_takes_it_whole():
    """arXiv 2025 abstracts spell acronyms out with bold initials; the mention of the long form
    must not start inside "$\\textbf{A}$" (it read "A}$daptive ...")."""
    original = "we propose $\\textbf{A}$daptive $\\textbf{D}$ata $\\textbf{R}$efinement and TCSF$_{IDMS}$ here"
    cleaned = clean(original)
    assert cleaned.text == "we propose Adaptive Data Refinement and TCSF_IDMS here"
    for name, source in (("Adaptive Data Refinement", "$\\textbf{A}$daptive $\\textbf{D}$ata $\\textbf{R}$efinement"),
                         ("TCSF_IDMS", "TCSF$_{IDMS}$"), ("Data", "$\\textbf{D}$ata")):
        start = cleaned.text.index(name)
        s, e = cleaned.source_span(start, start + len(name))
        assert original[s:e] == source


def test_a_span_across_two_tex_groups_takes_both_whole():
    """Video segmentation's metric is written "$\\mathcal{J}$\\&$\\mathcal{F}$" (18 corpus papers):
    its mention holds as many opening as closing braces, but closes the first group before opening
    the second, and read "J}$\\&$\\mathcal{F"."""
    for original, source in (
            ("reaches 80.42 $\\mathcal{J}$\\&$\\mathcal{F}$ on MOSE", "$\\mathcal{J}$\\&$\\mathcal{F}$"),
            ("a $\\mathcal{J}\\&\\mathcal{F}$ of 70.1", "$\\mathcal{J}\\&\\mathcal{F}$")):
        cleaned = clean(original)
        start = cleaned.text.index("J&F")
        s, e = cleaned.source_span(start, start + len("J&F"))
        assert original[s:e] == source


def test_a_span_inside_math_or_nested_commands_takes_its_signs():
    """Names written half in math ("$\\Delta$-NeRF", "MemR$^3$", "$k$-nearest neighbors") and
    initials under two commands: the mention takes the math signs and every command around it."""
    for original, name, source in (
            ("the $\\Delta$-NeRF model", "Δ-NeRF", "$\\Delta$-NeRF"),
            ("MemR$^3$ is", "MemR^3", "MemR$^3$"),
            ("a $k$-nearest neighbors step", "k-nearest neighbors", "$k$-nearest neighbors"),
            ("on PM$_{2.5}$ data", "PM_2.5", "PM$_{2.5}$"),
            ("the \\underline{\\textbf{C}}ausal \\underline{\\textbf{C}}oncept model", "Causal Concept",
             "\\underline{\\textbf{C}}ausal \\underline{\\textbf{C}}oncept")):
        cleaned = clean(original)
        start = cleaned.text.index(name)
        s, e = cleaned.source_span(start, start + len(name))
        assert original[s:e] == source


def test_a_latex_link_keeps_its_text_only():
    """arXiv train paper ax0001: "\\href{https://github.com/umkiyoung/CiBO}{here}" ran the address and
    the text together ("CiBOhere", a Method)."""
    original = "Our code is publicly available \\href{https://github.com/umkiyoung/CiBO}{here}."
    cleaned = clean(original)
    assert cleaned.text == "Our code is publicly available here."
    start = cleaned.text.index("here")
    s, e = cleaned.source_span(start, start + 4)
    assert original[s:e] == "here"


def test_font_switches_greek_letters_and_prose_macros_are_cleaned():
    """arXiv 2025 abstracts: "\\em backdoor attacks", "\\bf3 billion", "Param\\Delta",
    "(\\eg, average pool)", "PM\\textsuperscript{4}Bench", "360\\deg rotation"."""
    for original, text in [("susceptible to \\em backdoor attacks", "susceptible to backdoor attacks"),
                           ("By scaling to \\bf3 billion parameters", "By scaling to 3 billion parameters"),
                           ("introduces Param\\Delta, a method", "introduces ParamΔ, a method"),
                           ("strategies (\\eg, average pool)", "strategies (e.g., average pool)"),
                           ("PM\\textsuperscript{4}Bench incorporates", "PM4Bench incorporates"),
                           ("including 360\\deg rotation", "including 360° rotation")]:
        assert clean(original).text == text


def test_paper_text_locates_fields():
    text = PaperText.of("LoFiT: Localized Fine-tuning", "We propose LoFiT.\nIt works.")
    assert text.text == "LoFiT: Localized Fine-tuning\n\nWe propose LoFiT. It works."
    title_hit = text.locate(0, 5)
    assert title_hit == ("title", 0, 5)
    start = text.text.rindex("LoFiT")
    assert text.locate(start, start + 5) == ("abstract", 11, 16)
    assert text.locate(20, start) is None  # crosses the title/abstract boundary


def test_abstract_only_record():
    text = PaperText.of("", "Sentence-level input with GSM8K.")
    start = text.text.index("GSM8K")
    assert text.locate(start, start + 5) == ("abstract", start, start + 5)
    assert text.title_end == 0


def test_escapes_inside_kept_commands_are_cleaned():
    original = "improves by \\textbf{+23.7\\%} over \\emph{\\textbf{LoRA}}"
    cleaned = clean(original)
    assert cleaned.text == "improves by +23.7% over LoRA"
    start = cleaned.text.index("+23.7%")
    s, e = cleaned.source_span(start, start + len("+23.7%"))
    assert original[s:e] == "+23.7\\%"
