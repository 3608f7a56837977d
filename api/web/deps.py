"""What every web route needs: settings, the page language, templates and small responses."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates
from pactgraph.core.settings import Settings, get_settings

from .assets import vendor_status
from .iris import page_href
from .negotiation import Format, NotAcceptable

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
LANGUAGES = ("vi", "en")


def web_settings(request: Request) -> Settings:
    """The app's settings (``create_app`` keeps them on ``app.state.settings``)."""
    return getattr(request.app.state, "settings", None) or get_settings()


def page_language(request: Request) -> str:
    """``?lang=`` if given, else the first of vi/en in Accept-Language, else Vietnamese."""
    lang = request.query_params.get("lang", "").lower()
    if lang in LANGUAGES:
        return lang
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "vi"


def render(
    request: Request, template: str, context: dict[str, Any], status_code: int = 200, **headers: str
) -> HTMLResponse:
    """Render a page with the context every page template uses."""
    settings = web_settings(request)
    lang = context.get("lang") or page_language(request)
    base = {
        "request": request,
        "lang": lang,
        "settings": settings,
        "href": lambda route, **params: page_href(route, settings, **params),
        "assets": vendor_status(settings),
        "lang_switch": {code: _with_lang(request, code) for code in LANGUAGES},
    }
    response = TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status_code)
    for name, value in headers.items():
        response.headers[name.replace("_", "-")] = value
    return response


def _with_lang(request: Request, code: str) -> str:
    params = dict(request.query_params)
    params["lang"] = code
    return f"{request.url.path}?{urlencode(params)}"


def not_acceptable(error: NotAcceptable) -> Response:
    return PlainTextResponse(str(error), status_code=406, headers={"Vary": "Accept"})


def link_header(alternates: list[tuple[Format, str]]) -> str:
    return ", ".join(f'<{href}>; rel="alternate"; type="{fmt.media_type}"' for fmt, href in alternates)
