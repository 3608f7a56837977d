"""Every label is escaped in HTML: a label holding markup is shown as text, never run, in a real
browser (headless chromium), on every page that shows labels.

The payloads try a script element, an event handler, breaking out of an attribute and out of the
title; the store also puts one in a quote and in a document title. The page must show the label's
text, hold no element the payload would create, and have run nothing (``window.__pwned``).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PAYLOAD = (
    "Pwn <script>window.__pwned=1</script>"
    '"><img id="pwned-img" src="x" onerror="window.__pwned=2">'
    "</title><b id='pwned-b'>x</b>"
)
EVIL, DOC = f"{ID}state/evil", f"{ID}document/evil-doc"


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory, publish_store, launch_server):
    data_dir = tmp_path_factory.mktemp("evil-store")
    g = f"<{DOC}>"
    lines = [
        f"<{EVIL}> {RDF_TYPE} <{PG}State> {g} .",
        f"<{EVIL}> {LABEL} {_literal(PAYLOAD)}@en {g} .",
        f"<{EVIL}> {LABEL} {_literal(PAYLOAD)}@vi {g} .",
        f"<{EVIL}> <{PG}mentionedIn> {g} {g} .",
        f"<{EVIL}> <{PG}cooperatesWith> <{ID}state/vietnam> {g} .",
        f"<{ID}state/vietnam> {RDF_TYPE} <{PG}State> {g} .",
        f'<{ID}state/vietnam> {LABEL} "Việt Nam"@vi {g} .',
        f"{g} {RDF_TYPE} <{PG}Document> {g} .",
        f"{g} <http://purl.org/dc/terms/title> {_literal(PAYLOAD)}@vi {g} .",
        f"{g} <https://schema.org/text> {_literal(PAYLOAD + ' hợp tác.')} {g} .",
        f"<{ID}evidence/evil-doc/0123456789ab> <{PG}quote> {_literal(PAYLOAD)} {g} .",
        f"<{ID}evidence/evil-doc/0123456789ab> <{PG}document> {g} {g} .",
    ]
    publish_store(data_dir, "\n".join(lines) + "\n")
    server = launch_server(data_dir, workers=1)
    yield server
    server.stop()


PAGES = [
    "/id/state/evil",
    "/id/document/evil-doc",
    "/search?q=Pwn",
    "/class/State",
    "/",
    f"/explorer?iri={quote(EVIL, safe='')}",
    "/timeline",
]


@pytest.mark.parametrize("path", PAGES)
def test_a_label_with_markup_is_shown_as_text_and_never_run(evil_server, browser_page, path):
    page = browser_page
    response = page.goto(f"{evil_server.url}{path}")
    assert response is not None and response.status < 400, f"{path}: {response and response.status}"
    page.wait_for_timeout(800)  # scripts of the page (search, explorer) have run
    assert page.evaluate("window.__pwned") is None, f"{path}: the payload ran"
    assert page.locator("#pwned-img, #pwned-b").count() == 0, f"{path}: the payload became markup"
    if path in ("/id/state/evil", "/id/document/evil-doc", "/search?q=Pwn"):
        assert "<script>window.__pwned=1</script>" in page.inner_text("body"), (
            f"{path}: the label is not shown"
        )
