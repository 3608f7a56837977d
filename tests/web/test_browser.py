"""The pages in a real browser (headless chromium) against a real running server."""

from __future__ import annotations

import time
from urllib.parse import urlencode

import pytest

pytestmark = pytest.mark.browser

ROSATOM = "https://w3id.org/pactgraph/id/org/rosatom"
VIETNAM = "https://w3id.org/pactgraph/id/state/vietnam"
EAEU = "https://w3id.org/pactgraph/id/org/eaeu"


def only_local_requests(page, server) -> list[str]:
    """Requests that left this server (there must be none: no CDN, no LOV, no prefix.cc)."""
    return [u for u in page.requests if not u.startswith((server.url, "data:", "blob:", "about:"))]


def test_editor_runs_an_example_query_and_shows_rows(
    vendor_assets, browser_page, real_web_server, take_screenshot
):
    page = browser_page
    page.goto(f"{real_web_server.url}/editor")
    page.wait_for_selector(".yasqe .CodeMirror")
    options = page.locator("#examples option")
    names = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert "actors-by-type" in names
    page.select_option("#examples", "actors-by-type")
    assert "pg:" in page.evaluate("window.pactgraphYasgui.getTab().getQuery()")
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr td", timeout=20_000)
    rows = page.locator(".yasr table.dataTable tbody tr")
    assert rows.count() >= 3
    assert "Rosatom" in page.locator(".yasr table.dataTable").inner_text()
    take_screenshot(page, "editor")
    assert only_local_requests(page, real_web_server) == []


def wait_until(page, expression: str, timeout: float = 15.0) -> None:
    """Poll ``expression`` in the page until it is truthy (wait_for_function would need eval,
    which the server's Content-Security-Policy rightly forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(100)


def node_position(page, iri: str) -> tuple[float, float]:
    """Where node ``iri`` is on the screen (canvas offset plus its rendered position)."""
    box = page.locator("#cy").bounding_box()
    x, y = page.evaluate(
        "(iri) => { const p = pactgraphCy.getElementById(iri).renderedPosition(); return [p.x, p.y] }", iri
    )
    return box["x"] + x, box["y"] + y


def _node_click(page, iri: str) -> None:
    page.mouse.click(*node_position(page, iri))


def test_explorer_finds_rosatom_expands_it_and_shows_its_partners(
    vendor_assets, browser_page, real_web_server, take_screenshot
):
    page = browser_page
    page.goto(f"{real_web_server.url}/explorer?lang=vi")
    page.fill("#entity", "rosatom")
    page.press("#entity", "Enter")
    wait_until(page, f"pactgraphCy.getElementById({ROSATOM!r}).nonempty()")
    labels = page.evaluate("pactgraphCy.nodes().map(n => n.data('label'))")
    assert "Việt Nam" in labels and "Tập đoàn Dầu khí Việt Nam" in labels
    # Expanding Vietnam (a click) brings in its own neighbours, here the EAEU.
    _node_click(page, VIETNAM)
    wait_until(page, f"pactgraphCy.getElementById({EAEU!r}).nonempty()")
    assert page.evaluate(
        f"pactgraphCy.getElementById({ROSATOM!r}).nonempty()"
    )  # expansion keeps what was there
    legend = page.locator("#filter-classes").inner_text()
    assert "doanh nghiệp" in legend and "quốc gia" in legend  # class labels in the page's language
    take_screenshot(page, "explorer")
    assert only_local_requests(page, real_web_server) == []


SQUARE = {name: f"https://w3id.org/pactgraph/id/company/square-{name}" for name in "rabc"}


@pytest.fixture(scope="module")
def square_server(tmp_path_factory, real_server_helpers):
    """Four companies linked r-a, r-c, a-b, b-c: from r, then a, the relation b-c joins a node that
    came with the expand (b) to one already on screen (c), and neither is the node clicked."""
    pg, graph = "https://w3id.org/pactgraph/ontology#", "<https://w3id.org/pactgraph/id/document/square>"
    lines = []
    for name, iri in SQUARE.items():
        lines.append(f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{pg}Company> {graph} .")
        lines.append(
            f'<{iri}> <http://www.w3.org/2000/01/rdf-schema#label> "Company {name.upper()}"@en {graph} .'
        )
    for a, b in ("ra", "rc", "ab", "bc"):
        lines.append(f"<{SQUARE[a]}> <{pg}cooperatesWith> <{SQUARE[b]}> {graph} .")
    data_dir = tmp_path_factory.mktemp("square-store")
    real_server_helpers.publish_nquads(data_dir, "\n".join(lines) + "\n")
    server = real_server_helpers.start_server(data_dir, workers=1)
    yield server
    server.stop()


def test_explorer_after_an_expand_draws_the_relations_between_new_nodes_and_those_on_screen(
    vendor_assets, browser_page, square_server
):
    page = browser_page
    page.goto(f"{square_server.url}/explorer?lang=en")
    page.fill("#entity", "Company R")
    page.press("#entity", "Enter")
    wait_until(page, f"pactgraphCy.getElementById({SQUARE['c']!r}).nonempty()")
    assert page.evaluate(f"pactgraphCy.getElementById({SQUARE['b']!r}).empty()")  # two steps away
    page.evaluate("document.getElementById('status').textContent = ''")
    _node_click(page, SQUARE["a"])
    wait_until(page, "/ edges/.test(document.getElementById('status').textContent)")  # expand loaded
    ends = page.evaluate("pactgraphCy.edges().map(e => [e.source().id(), e.target().id()].sort().join(' '))")
    pairs = {" ".join(sorted((SQUARE[a], SQUARE[b]))) for a, b in ("ra", "rc", "ab", "bc")}
    assert set(ends) == pairs, ends  # b-c too, although neither b nor c is a or r


def test_resource_page_shows_its_evidence_sentence_highlighted(
    browser_page, real_web_server, take_screenshot
):
    page = browser_page
    page.goto(f"{real_web_server.url}/id/org/rosatom")
    quote = page.locator("blockquote.quote").first
    assert "29/5/2015" in quote.inner_text()
    mark = quote.locator("mark").first
    assert mark.is_visible() and mark.inner_text() in ("Rosatom", "PetroVietnam", "Việt Nam")
    background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    take_screenshot(page, "resource-rosatom")
    quote.locator("footer a").click()
    page.wait_for_selector("#hl", state="attached")
    marked = " ".join(page.locator(".article-text mark, .article-text a.marked").all_inner_texts())
    assert "thỏa thuận hợp tác" in marked
    take_screenshot(page, "document-highlight")


def test_label_with_a_script_tag_is_shown_as_text(browser_page, real_web_server, take_screenshot):
    page = browser_page
    page.goto(f"{real_web_server.url}/id/org/script-corp")
    assert page.locator("h1").inner_text() == "<script>alert(1)</script> Corp"
    page.goto(f"{real_web_server.url}/search?q=corp")
    assert "<script>alert(1)</script> Corp" in page.locator("ol.results").inner_text()
    assert page.dialogs == []
    take_screenshot(page, "script-label")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("SELECT * WHERE { ?s a pg:Comp", "pg:Company"),
        ("SELECT * WHERE { ?s pg:part", "pg:party"),
        ("SELECT * WHERE { ?s pg:cooperatesWith id:rosa", "id:org/rosatom"),
    ],
    ids=["class", "property", "resource"],
)
def test_editor_completes_from_this_graphs_vocabulary(
    vendor_assets, browser_page, real_web_server, take_screenshot, typed, expected
):
    page = browser_page
    page.goto(f"{real_web_server.url}/editor")
    page.wait_for_selector(".yasqe .CodeMirror")
    prefixes = (
        "PREFIX pg: <https://w3id.org/pactgraph/ontology#>\nPREFIX id: <https://w3id.org/pactgraph/id/>\n"
    )
    page.evaluate(
        """(query) => { const tab = window.pactgraphYasgui.getTab(); tab.setQuery(query);
           const y = tab.getYasqe(); y.focus(); y.setCursor(y.lineCount() - 1, 1000); }""",
        prefixes + typed,
    )
    page.keyboard.press("Control+Space")
    hints = page.locator(".CodeMirror-hints li")
    hints.first.wait_for()
    texts = hints.all_inner_texts()
    assert expected in texts, texts
    take_screenshot(page, f"editor-autocomplete-{expected.split(':')[0]}")
    assert any("/api/lookup" in u for u in page.requests)
    assert only_local_requests(page, real_web_server) == []


def test_explorer_opens_the_resource_page_on_double_click(vendor_assets, browser_page, real_web_server):
    page = browser_page
    page.goto(f"{real_web_server.url}/explorer?iri={ROSATOM}")
    wait_until(page, f"pactgraphCy.getElementById({VIETNAM!r}).nonempty()")
    page.wait_for_timeout(300)  # let the layout settle before aiming at a node
    page.mouse.dblclick(*node_position(page, VIETNAM))
    page.wait_for_url("**/id/state/vietnam")
    assert page.locator("h1").inner_text() == "Việt Nam"


def test_a_shared_editor_url_opens_its_query(vendor_assets, browser_page, real_web_server):
    page = browser_page
    query = f"SELECT ?label WHERE {{ <{EAEU}> <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
    page.goto(f"{real_web_server.url}/editor#{urlencode({'query': query})}")
    page.wait_for_selector(".yasqe .CodeMirror")
    wait_until(
        page, "window.pactgraphYasgui && window.pactgraphYasgui.getTab().getQuery().includes('org/eaeu')"
    )
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table.dataTable tbody tr td")
    assert "Eurasian Economic Union" in page.locator(".yasr table.dataTable").inner_text()


def test_explorer_class_filter_hides_and_shows_nodes(vendor_assets, browser_page, real_web_server):
    page = browser_page
    page.goto(f"{real_web_server.url}/explorer?iri={ROSATOM}&lang=en")
    wait_until(page, f"pactgraphCy.getElementById({VIETNAM!r}).nonempty()")
    # The filter sets display:none through a class; read the style, as the renderer does.
    visible = f"pactgraphCy.getElementById({VIETNAM!r}).style('display') !== 'none'"
    assert page.evaluate(visible)
    page.locator("#filter-classes label", has_text="state").locator("input").uncheck()
    assert not page.evaluate(visible)
    assert page.evaluate(f"pactgraphCy.getElementById({ROSATOM!r}).style('display') !== 'none'")
    page.locator("#filter-classes label", has_text="state").locator("input").check()
    assert page.evaluate(visible)


def test_explorer_date_and_document_filters(vendor_assets, browser_page, real_web_server):
    page = browser_page
    agreement = "https://w3id.org/pactgraph/id/agreement/rosatom-petrovietnam-2015"
    page.goto(f"{real_web_server.url}/explorer?iri={ROSATOM}")
    wait_until(page, f"pactgraphCy.getElementById({agreement!r}).nonempty()")
    shown = "(id) => pactgraphCy.getElementById(id).style('display') !== 'none'"
    page.fill("#date-from", "2016")
    assert not page.evaluate(shown, agreement)  # signed 2015-05-29
    assert page.evaluate(shown, ROSATOM)  # no date: never hidden by dates
    page.fill("#date-from", "2015")
    page.fill("#date-to", "2015-05")
    assert page.evaluate(shown, agreement)
    page.fill("#date-from", "")
    page.fill("#date-to", "")
    # Vietnam's edges come from two documents; choosing one hides the edges only the other supports.
    page.fill("#entity", "viet nam")
    page.press("#entity", "Enter")
    fta = "https://w3id.org/pactgraph/id/agreement/vietnam-eaeu-fta"
    wait_until(page, f"pactgraphCy.getElementById({fta!r}).nonempty()")
    options = page.locator("#filter-document option")
    assert options.all_inner_texts()[1:] == ["900_websample", "901_websample"]
    page.select_option("#filter-document", label="901_websample")
    visible_edges = """pactgraphCy.edges().filter(e => e.style('display') !== 'none')
        .map(e => e.data('source') + ' ' + e.data('target')).sort()"""
    assert page.evaluate(visible_edges) == [f"{fta} {EAEU}", f"{fta} {VIETNAM}"]  # both stated in 901 only
    page.select_option("#filter-document", label="900_websample")
    assert f"{fta} {VIETNAM}" not in page.evaluate(visible_edges)
    assert f"{ROSATOM} {VIETNAM}" in page.evaluate(visible_edges)


def test_editor_adds_the_prefix_line_for_a_prefix_of_this_graph(vendor_assets, browser_page, real_web_server):
    page = browser_page
    page.goto(f"{real_web_server.url}/editor")
    page.wait_for_selector(".yasqe .CodeMirror")
    page.evaluate(
        """() => { const tab = window.pactgraphYasgui.getTab(); tab.setQuery('SELECT * WHERE { ?s a ');
           const y = tab.getYasqe(); y.focus(); y.setCursor(0, 1000); }"""
    )
    page.keyboard.type("pg:")  # a namespace no public prefix list has: it comes from this server
    wait_until(page, "window.pactgraphYasgui.getTab().getQuery().includes('PREFIX pg:')")
    query = page.evaluate("window.pactgraphYasgui.getTab().getQuery()")
    assert "PREFIX pg: <https://w3id.org/pactgraph/ontology#>" in query
    assert only_local_requests(page, real_web_server) == []
