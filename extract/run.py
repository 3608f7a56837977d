"""Run the extraction over one text or a corpus folder.

- :func:`extract_text` is the pure entry for tests and evaluation: the quads of one document as a
  sorted ``list[pyoxigraph.Quad]`` (every quad in the document's named graph).
- :func:`extract_corpus` writes N-Quads (TriG when the output ends in ``.trig``) for a folder:
  one named graph per document, documents in file-name order and quads sorted within each, so a
  re-run is byte-identical. It streams (one document in memory at a time), writes to a temporary
  file and renames it at the end, and with ``workers > 1`` extracts in a process pool.
  A file that cannot be read is reported with its reason; unless ``keep_going`` the whole run then
  raises :class:`InputError` naming every failed file, after trying all the others, and writes nothing.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from pactgraph.core.errors import InputError, PactgraphError
from pactgraph.core.settings import get_settings
from pactgraph.extract.metadata import CorpusTable, document_info, load_corpus_tsv, parse_row
from pactgraph.extract.model import Annotations, DocumentInfo
from pactgraph.extract.reading import read_article
from pactgraph.ontology.namespace import FACT_PROPERTIES

if TYPE_CHECKING:  # the pipeline module imports spaCy: only when a document is extracted
    from pactgraph.extract.pipeline import MemoryZones

__all__ = ["ExtractSummary", "extract_corpus", "extract_text", "extract_document"]


@dataclass
class ExtractSummary:
    """What a corpus run produced."""

    output: Path | None = None
    documents: int = 0
    entities: Counter = field(default_factory=Counter)  # class name -> distinct resources
    facts: Counter = field(default_factory=Counter)  # property name -> facts (per document)
    evidence: int = 0
    mentions: int = 0
    errors: dict[str, str] = field(default_factory=dict)  # file -> reason


# One file to extract: (path, its corpus.tsv row as (header, text) or None, max bytes, TriG?). Small on
# purpose: a run holds one per file of the corpus.
Job = tuple[str, tuple[tuple[str, ...], str] | None, int, bool]


@dataclass
class _Result:
    stem: str
    data: bytes = b""
    entities: list[tuple[str, str]] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    evidence: int = 0
    mentions: int = 0
    error: str | None = None
    source: str = ""


def _info_from_metadata(stem: str, text: str, lang: str | None, metadata: dict | None) -> DocumentInfo:
    row = {k: str(v) for k, v in (metadata or {}).items() if v is not None}
    if lang:
        row["lang"] = lang
    return document_info(stem, text, row, stem)


def extract_document(text: str, info: DocumentInfo, source: str | None = None) -> list[ox.Quad]:
    """The sorted quads of one document whose metadata is *info* (text already NFC).

    *source* names the document in error messages (default: its stem).
    """
    from pactgraph.extract.to_rdf import document_iri, terms_to_quads

    return terms_to_quads(document_iri(info.stem), _document_triples(text, info, source))


def _document_triples(text: str, info: DocumentInfo, source: str | None) -> list[tuple]:
    """The document graph's triples as plain values (``to_rdf.annotations_to_terms``), sorted."""
    from pactgraph.extract.pipeline import make_doc
    from pactgraph.extract.to_rdf import annotations_to_terms

    doc = make_doc(text, info)
    if not _has_content(doc._.pg):
        raise InputError(
            f"{source or info.stem}: the file holds only noise (photo credits, bylines, footers, timestamps, "
            "URLs) and no article text; remove it from the corpus"
        )
    return annotations_to_terms(doc._.pg)


def extract_text(
    text: str, *, stem: str, lang: str | None = None, metadata: dict | None = None
) -> list[ox.Quad]:
    """The quads of one document (``list[pyoxigraph.Quad]``, sorted, all in graph ``id/document/<stem>``).

    *metadata* takes the corpus.tsv keys (lang, published, publisher, url, title); *lang* overrides.
    """
    text = unicodedata.normalize("NFC", text)
    return extract_document(text, _info_from_metadata(stem, text, lang, metadata))


def _has_content(ann: Annotations) -> bool:
    """Some sentence outside the noise has a dozen letters: the file is an article, not only noise."""
    return any(sum(c.isalpha() for c in ann.masked[s:e]) >= 12 for s, e in ann.sentences)


def _serialise(graph: str, triples: list[tuple], trig: bool) -> bytes:
    from pactgraph.extract.to_rdf import terms_to_nquads, terms_to_quads

    if trig:
        return ox.serialize(terms_to_quads(graph, triples), format=ox.RdfFormat.TRIG) or b""
    return terms_to_nquads(graph, triples)  # straight from the strings: no pyoxigraph objects


def _work(job: Job) -> _Result:
    """Extract one file (runs in a worker process when workers > 1)."""
    try:
        return _extract_file(job)
    finally:
        if _ZONES is not None:  # the document's Doc is gone: its strings may be freed with the zone
            _ZONES.document_done()


def _extract_file(job: Job) -> _Result:
    path_text, metadata, max_bytes, trig = job
    path = Path(path_text)
    result = _Result(stem=path.stem, source=path_text)
    row = parse_row(*metadata) if metadata is not None else None
    try:
        text = read_article(path, max_bytes)
        info = document_info(path.stem, text, row, str(path))
        triples = _document_triples(text, info, str(path))
    except PactgraphError as exc:
        message = str(exc)
        result.error = message if str(path) in message else f"{path}: {message}"
        return result
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus
        result.error = f"{path}: the extractor failed ({type(exc).__name__}: {exc}); please report this file"
        return result
    from pactgraph.extract.to_rdf import document_iri

    result.data = _serialise(document_iri(info.stem), triples, trig)
    pg = "https://w3id.org/pactgraph/ontology#"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    for subject, p, (value, _) in triples:
        if p == rdf_type and value.startswith(pg):
            cls = value[len(pg) :]
            if cls == "Evidence":
                result.evidence += 1
            elif cls == "Mention":
                result.mentions += 1
            elif cls not in ("Document", "Actor"):
                result.entities.append((subject, cls))
        elif (
            p.startswith(pg)
            and subject.startswith("https://w3id.org/pactgraph/id/")
            and "/evidence/" not in subject
            and "/mention/" not in subject
            and p[len(pg) :] in _FACT_PROPERTIES
        ):
            result.facts[p[len(pg) :]] += 1
    return result


_FACT_PROPERTIES = frozenset(FACT_PROPERTIES)


def _jobs(corpus_dir: Path, files: Sequence[Path] | None, max_bytes: int, trig: bool) -> list[Job]:
    if files is None:
        if not corpus_dir.is_dir():
            raise InputError(f"{corpus_dir}: no such corpus folder; pass a folder of .txt articles")
        # names only (a Path object costs ~400 bytes), sorted as the paths of one folder sort
        paths = [str(corpus_dir / name) for name in sorted(p.name for p in corpus_dir.glob("*.txt"))]
        if not paths:
            raise InputError(f"{corpus_dir}: the folder holds no .txt article")
    else:
        paths = [str(p) for p in sorted(Path(f) for f in files)]
    tables: dict[Path, CorpusTable] = {}
    jobs: list[Job] = []
    for path_text in paths:
        path = Path(path_text)
        if path.parent not in tables:
            tables[path.parent] = load_corpus_tsv(path.parent)
        table = tables[path.parent]
        row = table.rows.get(path.name)
        jobs.append((path_text, None if row is None else (table.header, row), max_bytes, trig))
    return jobs


# The memory zones of the corpus run in this process (see pipeline.MemoryZones): set while extract_corpus
# streams documents here, and for the life of a pool worker, which does nothing else.
_ZONES: MemoryZones | None = None


@contextmanager
def _zones() -> Iterator[None]:
    from pactgraph.extract.pipeline import MemoryZones

    global _ZONES
    with MemoryZones() as zones:
        _ZONES = zones
        try:
            yield
        finally:
            _ZONES = None


def _start_worker() -> None:
    """Pool initializer: the worker extracts in memory zones until it exits."""
    from pactgraph.extract.pipeline import MemoryZones

    global _ZONES
    _ZONES = MemoryZones().__enter__()


def _results(jobs: list[Job], workers: int) -> Iterator[_Result]:
    if workers <= 1 or len(jobs) <= 1:
        with _zones():
            for job in jobs:
                yield _work(job)
        return
    forking = "fork" in multiprocessing.get_all_start_methods()
    if forking:
        # build both pipelines once, before forking: the workers inherit them instead of each building its own
        from pactgraph.extract.pipeline import nlp_for

        for lang in ("vi", "en"):
            nlp_for(lang)
        # the inherited heap stays shared: the workers' garbage collector does not walk (and so copy)
        # the pipelines' pages
        gc.freeze()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    # Chunks of up to 32 documents (~1.5 MB of N-Quads back) keep the per-task traffic small and the
    # last chunk short (the other worker idles while it runs). ProcessPoolExecutor, not Pool: Pool's
    # worker-handler thread wakes up whenever the result pipe is readable, so it spins while each
    # result is read and took ~35 % of the parent's CPU from the thread that reads the results.
    # map keeps file order, so the writer streams the results as they come.
    chunksize = max(1, min(32, len(jobs) // (workers * 8)))
    try:
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
            yield from pool.map(_work, jobs, chunksize=chunksize)
    finally:
        if forking:
            gc.unfreeze()


def extract_corpus(
    corpus_dir: Path,
    output: Path,
    *,
    files: Sequence[Path] | None = None,
    workers: int = 1,
    keep_going: bool = False,
    progress: bool = False,
) -> ExtractSummary:
    """Extract every ``*.txt`` of *corpus_dir* (or only *files*) into *output*; see the module docstring."""
    corpus_dir, output = Path(corpus_dir), Path(output)
    if workers < 1:
        raise InputError(f"--workers must be at least 1 (got {workers})")
    trig = output.suffix == ".trig"
    jobs = _jobs(corpus_dir, files, get_settings().extract_max_bytes, trig)
    summary = ExtractSummary(output=output)
    seen_entities: dict[str, str] = {}  # the corpus's distinct entities (IRI -> class) for the summary
    class_names: dict[str, str] = {}
    output.parent.mkdir(parents=True, exist_ok=True)
    # written to a temporary file in the same folder, renamed when complete: never a half-written output
    handle = tempfile.NamedTemporaryFile("wb", dir=output.parent, prefix=f".{output.name}.", delete=False)  # noqa: SIM115
    try:
        with handle, _progress_bar(progress, len(jobs)) as advance:
            for result in _results(jobs, workers):
                advance(result.stem)
                if result.error is not None:
                    summary.errors[result.source] = result.error
                    continue
                handle.write(result.data)
                summary.documents += 1
                summary.evidence += result.evidence
                summary.mentions += result.mentions
                summary.facts.update(result.facts)
                for iri, cls in result.entities:
                    # one string per class name, not one per entity as unpickled from a worker
                    seen_entities.setdefault(iri, class_names.setdefault(cls, cls))
        summary.entities = Counter(seen_entities.values())
        if summary.errors and not keep_going:
            raise InputError(
                f"{len(summary.errors)} of {len(jobs)} files could not be extracted (nothing was written; "
                "--keep-going writes the others):\n" + "\n".join(f"  {m}" for m in summary.errors.values())
            )
        if summary.documents == 0:
            raise InputError(
                "no document could be extracted:\n" + "\n".join(f"  {m}" for m in summary.errors.values())
            )
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return summary


class _progress_bar:  # noqa: N801 - used as a context manager, reads like a function
    """A rich progress bar on a terminal when asked for; otherwise a no-op."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled = enabled
        self.total = total
        self._progress = None

    def __enter__(self):  # noqa: ANN204
        if not self.enabled:
            return lambda _stem: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            transient=True,
        )
        self._progress.__enter__()
        task = self._progress.add_task("", total=self.total)

        def advance(stem: str) -> None:
            self._progress.update(task, advance=1, description=stem)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
