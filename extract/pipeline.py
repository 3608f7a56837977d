"""Build the spaCy pipeline for a language from ``config.cfg`` (once per process) and run it."""

from contextlib import ExitStack
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


class MemoryZones:
    """Annotate a stream of documents in spaCy memory zones of *every* documents, so memory stays flat.

    spaCy interns every token string, norm and span label it meets in the vocabulary (StringStore,
    lexemes) for the life of the process: over a corpus, every new name, number and entity key adds to
    it. Strings and lexemes first seen inside a memory zone are freed when the zone ends. A zone per
    document would rebuild the lexemes of the common words for every document (~18 % slower, measured);
    one per few hundred documents costs 1-3 %.

    Use as ``with MemoryZones() as zones:`` and call :meth:`document_done` after each document; no Doc
    made inside may be kept past that call (the annotations, plain Python values, may). Both pipelines
    are built before the first zone opens: what they hold must outlive every zone.
    """

    def __init__(self, every: int = 256) -> None:
        self.every = every
        self._count = 0
        self._stack: ExitStack | None = None

    def __enter__(self) -> "MemoryZones":
        self._pipelines = [nlp_for(lang) for lang in SUPPORTED_LANGUAGES]
        self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        self._close()

    def document_done(self) -> None:
        self._count += 1
        if self._count >= self.every:
            self._close()
            self._open()

    def _open(self) -> None:
        self._count = 0
        self._stack = ExitStack()
        for nlp in self._pipelines:
            self._stack.enter_context(nlp.memory_zone())

    def _close(self) -> None:
        if self._stack is not None:
            self._stack.close()
            self._stack = None
