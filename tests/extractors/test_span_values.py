import spacy

import extractors.attributes  # noqa: F401  (registers the span attributes)
from extractors.span_values import span_value


def test_span_value_reads_what_the_underscore_attribute_holds():
    doc = spacy.blank("en")("LoRA beats full fine-tuning on GLUE")
    lora = doc[0:1]
    lora._.role, lora._.score, lora._.generic = "proposes", 0.75, True
    lora._.model = {"family": "LoRA"}
    for name in ("role", "score", "generic", "model"):
        assert span_value(doc, lora, name) == getattr(lora._, name)
    assert span_value(doc, doc[0:1], "role") == "proposes"  # another Span object over the same characters


def test_span_value_is_none_where_the_attribute_was_never_set_and_the_default_is_falsy():
    doc = spacy.blank("en")("LoRA beats full fine-tuning on GLUE")
    glue = doc[6:7]
    for name in ("source", "score", "role", "generic", "model"):
        assert span_value(doc, glue, name) is None
        assert not getattr(glue._, name)
