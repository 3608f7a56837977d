"""``/dumps/``: the dump files the build writes to DATA_DIR/dumps/ (linked from VoID as
void:dataDump), with ETag, Content-Length and conditional GET; names only, no paths."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from pactgraph.ontology.namespace import BASE

from . import openapi_docs as docs
from .deps import page_language, render, web_settings
from .engine import get_engine, select
from .iris import local_href, page_href

router = APIRouter()

# The dataset's IRI in the metadata graph (graph/void.py writes its VoID description there).
DATASET_IRI = BASE + "id/dataset/pactgraph"

# A dump name: one path segment, no leading dot (so no "..", no hidden files, no sub-folders).
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MEDIA_TYPES = {
    ".gz": "application/gzip",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".ttl": "text/turtle",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
}


def _dumps_dir(request: Request) -> Path:
    return web_settings(request).resolved_dumps_dir


def etag_of(path: Path) -> str:
    """A strong ETag from the file's size and modification time (a new build writes a new file)."""
    stat = path.stat()
    return (
        '"' + hashlib.sha1(f"{path.name} {stat.st_size} {stat.st_mtime_ns}".encode()).hexdigest()[:20] + '"'
    )


def list_dumps(folder: Path) -> list[dict[str, object]]:
    if not folder.is_dir():
        return []
    return [
        {"name": p.name, "bytes": p.stat().st_size}
        for p in sorted(folder.iterdir())
        if p.is_file() and _NAME.match(p.name)
    ]


@router.api_route(
    "/dumps/", methods=["GET", "HEAD"], summary="The downloadable dumps", responses=docs.DUMPS_INDEX
)
async def dumps_index(request: Request) -> Response:
    files = list_dumps(_dumps_dir(request))
    if "text/html" not in request.headers.get("accept", ""):
        settings = web_settings(request)
        return JSONResponse(
            {"dumps": [dict(f, href=page_href(f"/dumps/{f['name']}", settings)) for f in files]}
        )
    return render(request, "dumps.html", {"files": files, "lang": page_language(request)})


@router.api_route(
    "/dumps/{name}", methods=["GET", "HEAD"], summary="Download one dump", responses=docs.DUMP_FILE
)
async def dump_file(name: str, request: Request) -> Response:
    folder = _dumps_dir(request)
    if not _NAME.match(name):
        return PlainTextResponse(f"{name!r} is not a dump name; see /dumps/ for the list.", status_code=404)
    path = folder / name
    if not path.is_file() or path.resolve().parent != folder.resolve():
        known = ", ".join(str(f["name"]) for f in list_dumps(folder)) or "none yet (run `pactgraph build`)"
        return PlainTextResponse(f"No dump named {name!r}. Available: {known}.", status_code=404)
    etag = etag_of(path)
    headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    suffix = path.suffix.lower()
    return FileResponse(
        path, media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"), headers=headers, filename=name
    )


@router.api_route(
    "/.well-known/void",
    methods=["GET", "HEAD"],
    summary="The VoID description of the dataset (void:dataDump links the dumps)",
    responses=docs.VOID,
)
async def well_known_void(request: Request) -> Response:
    """RFC 5785 / VoID §7 entry point: a 303 to the dataset's own dereferenceable IRI."""
    described = await select(get_engine(request), f"SELECT ?p WHERE {{ <{DATASET_IRI}> ?p ?o }} LIMIT 1")
    if not described:
        return PlainTextResponse(
            f"No VoID description of <{DATASET_IRI}> in the published store yet "
            "(`pactgraph build` writes it).",
            status_code=404,
        )
    target = local_href(DATASET_IRI, web_settings(request))
    return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})
