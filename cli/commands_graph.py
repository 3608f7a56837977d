"""CLI commands of the graph side: build, add, stats, dump, validate.

``build`` and ``add`` compose the two halves that never import each other: extraction
(``pactgraph.extract``, text -> N-Quads) and the store (``pactgraph.graph``). Heavy imports happen
inside the commands so that ``pactgraph --help`` stays fast.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import typer
from pactgraph.core.errors import ExtractionError, PactgraphError


def _fail(exc: PactgraphError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


def _extractor(name: str) -> Callable:
    try:
        from pactgraph.extract import run
    except ImportError as exc:
        raise ExtractionError(
            f"The extraction pipeline (pactgraph.extract.run) cannot be imported: {exc}. "
            "Build from a ready N-Quads file with --from-nq FILE instead"
        ) from exc
    return getattr(run, name)


def _extract_corpus(corpus: Path, out: Path) -> None:
    if not corpus.is_dir():
        raise ExtractionError(f"The corpus folder {corpus} does not exist; pass --corpus DIR")
    _extractor("extract_corpus")(corpus, out)


def _extract_files(files: list[Path], out: Path) -> None:
    """Extract single article files (each with its folder's corpus.tsv row, if any)."""
    for file in files:
        if not file.is_file():
            raise ExtractionError(f"{file} does not exist or is not a file")
    _extractor("extract_corpus")(files[0].parent, out, files=files)


def _options(settings, no_dumps: bool, wait: bool, engine: str | None):
    from pactgraph.graph import BuildOptions

    return BuildOptions(
        engine=engine or settings.inference_engine,
        base_url=settings.base_url,
        license_url=settings.license_url,
        dumps_dir=settings.resolved_dumps_dir,
        write_dumps=not no_dumps,
        wait=wait,
    )


def _report(result, remote_url: str | None = None) -> None:
    published = result.published
    for warning in result.report.warnings:
        typer.echo(f"warning: {warning.line()}", err=True)
    if not result.changed:
        typer.echo(f"unchanged: version {published.version} ({published.triples} triples) stays published")
        return
    timings = ", ".join(f"{k} {v:.2f}s" for k, v in result.seconds.items())
    inferred = result.inference.inferred if result.inference else 0
    typer.echo(
        f"published version {published.version}: {published.triples} triples, {inferred} inferred, "
        f"at {published.path} ({timings})"
    )
    if remote_url:
        typer.echo(f"published into the remote store {remote_url}")


def _push_remote(settings, location) -> str | None:
    """With PACTGRAPH_BACKEND_URL set, publish the current store into that SPARQL 1.1 store too."""
    if not settings.backend_url:
        return None
    from pactgraph.graph import RemoteBackend

    with RemoteBackend.from_settings(settings) as backend:
        backend.publish_store(location.require_current().path)
    return settings.backend_url


def register(app: typer.Typer) -> None:
    """Add this module's commands to *app*."""

    @app.command()
    def build(
        corpus: Path = typer.Option(None, "--corpus", help="Folder of articles and corpus.tsv"),
        store: Path = typer.Option(None, "--store", help="Data folder of the published stores"),
        from_nq: Path = typer.Option(None, "--from-nq", help="Build from this N-Quads file; skip extraction"),
        engine: str = typer.Option(None, "--engine", help="Inference engine: sparql (default) or owlrl"),
        wait: bool = typer.Option(False, "--wait", help="Wait for a running build instead of refusing"),
        no_dumps: bool = typer.Option(False, "--no-dumps", help="Do not write DATA_DIR/dumps/"),
    ) -> None:
        """Extract the corpus, then load, infer, validate and publish a new store atomically."""
        from pactgraph.core.settings import load_settings
        from pactgraph.graph import StoreLocation
        from pactgraph.graph import build as build_store

        try:
            overrides = {k: v for k, v in {"corpus_dir": corpus, "data_dir": store}.items() if v is not None}
            settings = load_settings(**overrides)
            location = StoreLocation(settings.data_dir)
            with tempfile.TemporaryDirectory(prefix="pactgraph-build-") as tmp:
                nquads = from_nq
                if nquads is None:
                    nquads = Path(tmp) / "corpus.nq"
                    _extract_corpus(settings.corpus_dir, nquads)
                result = build_store(nquads, location, _options(settings, no_dumps, wait, engine))
            _report(result, _push_remote(settings, location))
        except PactgraphError as exc:
            _fail(exc)

    @app.command()
    def add(
        files: list[Path] = typer.Argument(..., help="Article files (.txt) or N-Quads files (.nq)"),
        store: Path = typer.Option(None, "--store", help="Data folder of the published stores"),
        wait: bool = typer.Option(False, "--wait", help="Wait for a running build instead of refusing"),
        no_dumps: bool = typer.Option(False, "--no-dumps", help="Do not rewrite DATA_DIR/dumps/"),
    ) -> None:
        """Add or replace documents in the published store (copy-on-write; same input twice: no change)."""
        from pactgraph.core.settings import load_settings
        from pactgraph.graph import StoreLocation, add_documents

        try:
            settings = load_settings(**({"data_dir": store} if store else {}))
            location = StoreLocation(settings.data_dir)
            with tempfile.TemporaryDirectory(prefix="pactgraph-add-") as tmp:
                nquads = Path(tmp) / "added.nq"
                texts = [f for f in files if f.suffix.lower() != ".nq"]
                with open(nquads, "wb") as out:
                    for file in (f for f in files if f.suffix.lower() == ".nq"):
                        out.write(file.read_bytes())
                if texts:
                    extracted = Path(tmp) / "extracted.nq"
                    _extract_files(texts, extracted)
                    with open(nquads, "ab") as out:
                        out.write(extracted.read_bytes())
                result = add_documents(nquads, location, _options(settings, no_dumps, wait, None))
            _report(result, _push_remote(settings, location) if result.changed else None)
        except OSError as exc:
            _fail(PactgraphError(f"Cannot read an input file: {exc}"))
        except PactgraphError as exc:
            _fail(exc)

    @app.command()
    def stats(
        store: Path = typer.Option(None, "--store", help="Data folder of the published stores"),
    ) -> None:
        """Print the VoID figures of the published store as a table."""
        from pactgraph.core.settings import load_settings
        from pactgraph.graph import StoreLocation
        from pactgraph.graph import stats as read_stats
        from pactgraph.ontology.namespace import PREFIXES
        from rich.console import Console
        from rich.table import Table

        def short(iri: str) -> str:
            for prefix, ns in PREFIXES.items():
                if iri.startswith(ns):
                    return f"{prefix}:{iri[len(ns) :]}"
            return iri

        try:
            settings = load_settings(**({"data_dir": store} if store else {}))
            published = StoreLocation(settings.data_dir).require_current()
            figures = read_stats(published.path)
        except PactgraphError as exc:
            _fail(exc)
        console = Console(width=120)
        summary = Table(title=f"pactgraph store {figures.version} (built {figures.built_at})")
        summary.add_column("figure")
        summary.add_column("value", justify="right")
        for name, value in [
            ("void:triples", figures.triples),
            ("void:entities", figures.entities),
            ("void:distinctSubjects", figures.distinct_subjects),
            ("void:distinctObjects", figures.distinct_objects),
            ("named graphs", figures.named_graphs),
            ("documents", figures.documents),
            ("inferred triples", figures.inferred),
        ]:
            summary.add_row(name, str(value))
        console.print(summary)
        for title, counts, unit in [
            ("classes (void:classPartition)", figures.classes, "entities"),
            ("properties (void:propertyPartition)", figures.properties, "triples"),
        ]:
            table = Table(title=title)
            table.add_column("IRI")
            table.add_column(unit, justify="right")
            for iri, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                table.add_row(short(iri), str(n))
            console.print(table)

    @app.command()
    def dump(
        format: str = typer.Option("nq", "--format", "-f", help="nq, trig, ttl (the union) or jsonld"),
        output: Path = typer.Option(None, "--output", "-o", help="File to write (default: standard output)"),
        gzip: bool = typer.Option(False, "--gzip", help="Compress with gzip"),
        store: Path = typer.Option(None, "--store", help="Data folder of the published stores"),
    ) -> None:
        """Dump the published store (named graphs; Turtle: their union)."""
        from pactgraph.core.settings import load_settings
        from pactgraph.graph import DUMP_FORMATS, StoreLocation
        from pactgraph.graph import dump as dump_store

        try:
            if format not in DUMP_FORMATS:
                raise PactgraphError(f"Unknown format {format!r}; choose one of {', '.join(DUMP_FORMATS)}")
            settings = load_settings(**({"data_dir": store} if store else {}))
            published = StoreLocation(settings.data_dir).require_current()
            dump_store(published.path, format, output or sys.stdout.buffer, compress=gzip)
        except PactgraphError as exc:
            _fail(exc)

    @app.command()
    def validate(
        file: Path = typer.Argument(None, help="An RDF file to validate instead of the published store"),
        store: Path = typer.Option(None, "--store", help="Data folder of the published stores"),
    ) -> None:
        """Validate the published store (or an RDF file, with the ontology) against ontology/shapes.ttl."""
        from pactgraph.core.settings import load_settings
        from pactgraph.graph import StoreLocation, validate_file
        from pactgraph.graph import validate as validate_store
        from pactgraph.ontology import path

        shapes = path("shapes.ttl")
        try:
            if file is not None:
                if not file.is_file():
                    raise PactgraphError(f"{file} does not exist or is not a file")
                report = validate_file(file, shapes, [path("pactgraph.ttl"), path("areas.ttl")])
                where = str(file)
            else:
                settings = load_settings(**({"data_dir": store} if store else {}))
                published = StoreLocation(settings.data_dir).require_current()
                report = validate_store(published.path, shapes)
                where = f"store {published.version}"
        except PactgraphError as exc:
            _fail(exc)
        if report.results:
            typer.echo(report.text(limit=200))
        violations, warnings = len(report.violations), len(report.warnings)
        typer.echo(f"{where}: {violations} violation(s), {warnings} warning(s)")
        if violations:
            raise typer.Exit(1)
