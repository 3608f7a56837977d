"""Build the spaCy pipeline for a language from ``config.cfg`` (once per process) and run it."""

from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from pactgraph.extract import components as _components  # noqa: F401 - registers the factories
from pactgraph.extract import tokenizer as _tokenizer  # noqa: F401 - registers the tokenizer
from pactgraph.extract.model import Annotations, DocumentInfo
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Config

SUPPORTED_LANGUAGES = ("vi", "en")


def config_path() -> Path:
    return Path(str(resources.files("pactgraph.extract").joinpath("config.cfg")))


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def nlp_for(lang: str) -> Language:
    """The pipeline for *lang* ("vi" or "en"): the same config, the language's blank pipeline."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"no pipeline for language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    config = Config().from_disk(config_path(), overrides={"nlp.lang": lang})
    return spacy.blank(lang, config=config)


def make_doc(text: str, info: DocumentInfo) -> Doc:
    """Run the whole pipeline over *text*; ``doc._.pg`` holds the annotations."""
    nlp = nlp_for(info.lang)
    doc = nlp.make_doc(text)
    doc._.pg = Annotations(info=info, text=text)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
