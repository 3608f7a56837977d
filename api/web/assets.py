"""Serving our own CSS/JS and the npm-installed front-end libraries (YASGUI, Cytoscape.js).

Nothing comes from a CDN: the libraries are read from ``node_modules/`` (installed by
``make assets``, i.e. ``npm ci``). When they are missing, pages say so and everything else works.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, PlainTextResponse, Response
from pactgraph.core.settings import Settings, get_settings

router = APIRouter()

STATIC_DIR = Path(__file__).parent / "static"
# Only these files of node_modules are served (an allow-list: no browsing of the whole folder).
VENDOR_FILES = {
    "yasgui/yasgui.min.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui/yasgui.min.css": "@zazuko/yasgui/build/yasgui.min.css",
    "cytoscape/cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
}
INSTALL_HINT = "run `make assets` (npm ci) in the repository to install the front-end libraries"


def node_modules_dir(settings: Settings) -> Path:
    """``PACTGRAPH_NODE_MODULES_DIR`` if set, else node_modules/ at the root of the checkout."""
    if settings.node_modules_dir is not None:
        return settings.node_modules_dir
    return Path(__file__).resolve().parents[2] / "node_modules"


@dataclass(frozen=True)
class VendorStatus:
    yasgui: bool
    cytoscape: bool
    hint: str = INSTALL_HINT


def vendor_status(settings: Settings) -> VendorStatus:
    root = node_modules_dir(settings)
    return VendorStatus(
        yasgui=(root / VENDOR_FILES["yasgui/yasgui.min.js"]).is_file(),
        cytoscape=(root / VENDOR_FILES["cytoscape/cytoscape.min.js"]).is_file(),
    )


def _media_type(path: str) -> str:
    return mimetypes.guess_type(path)[0] or "application/octet-stream"


@router.get("/static/vendor/{name:path}", include_in_schema=False)
def vendor_file(name: str, request: Request) -> Response:
    target = VENDOR_FILES.get(name)
    if target is None:
        return PlainTextResponse(f"No vendor file {name!r}. Served: {', '.join(sorted(VENDOR_FILES))}.", 404)
    settings = getattr(request.app.state, "settings", None) or get_settings()
    path = node_modules_dir(settings) / target
    if not path.is_file():
        return PlainTextResponse(f"{name} is not installed: {INSTALL_HINT}.", status_code=404)
    return FileResponse(path, media_type=_media_type(name), headers={"Cache-Control": "public, max-age=3600"})


@router.get("/static/web/{name}", include_in_schema=False)
def own_file(name: str) -> Response:
    path = STATIC_DIR / name
    if "/" in name or name.startswith(".") or not path.is_file():
        return PlainTextResponse(f"No static file {name!r}.", status_code=404)
    return FileResponse(path, media_type=_media_type(name), headers={"Cache-Control": "public, max-age=300"})
