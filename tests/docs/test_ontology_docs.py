"""docs/ontology.md and docs/ontology.svg are generated from the ontology and stay up to date.

Regenerate with `pactgraph docs --store <built store>` when the ontology changes.
"""

import re
from pathlib import Path

import httpx
import pyoxigraph
import pytest
from pactgraph.ontology import docs
from pactgraph.ontology.namespace import ID, PREFIXES

ROOT = Path(__file__).resolve().parents[2]
MARKDOWN = ROOT / "docs" / "ontology.md"
SVG = ROOT / "docs" / "ontology.svg"
REGENERATE = "regenerate with `pactgraph docs --store <built store>`"
_EXAMPLE = re.compile(
    r"- \*\*Example from the graph\*\*:(?: none in the sample graph|\n\n```turtle example\n.*?\n```)"
)


def _without_examples(markdown: str) -> str:
    return _EXAMPLE.sub("- **Example from the graph**: ...", markdown)


def _examples(markdown: str) -> list[str]:
    return re.findall(r"```turtle example\n(.*?)\n```", markdown, re.S)


def test_diagram_is_up_to_date_with_the_ontology():
    assert SVG.read_text(encoding="utf-8") == docs.render_svg(), f"docs/ontology.svg is stale: {REGENERATE}"


def test_markdown_is_up_to_date_with_the_ontology():
    committed = _without_examples(MARKDOWN.read_text(encoding="utf-8"))
    assert committed == _without_examples(docs.render_markdown()), f"docs/ontology.md is stale: {REGENERATE}"


def test_every_term_is_documented_with_labels_and_domain_and_range():
    markdown = MARKDOWN.read_text(encoding="utf-8")
    for term in docs.terms():
        section = markdown.split(f"### {term.name}\n", 1)
        assert len(section) == 2, f"{term.name} has no section in docs/ontology.md"
        body = section[1].split("\n### ", 1)[0]
        assert "(en)" in body and "(vi)" in body, f"{term.name}: labels in both languages"
        if term.kind != "class":
            assert "**Domain**" in body and "**Range**" in body


def test_diagram_draws_every_class_and_every_property_between_classes():
    svg = SVG.read_text(encoding="utf-8")
    documented = docs.terms()
    classes = {t.name for t in documented if t.kind == "class"}
    for term in documented:
        drawn = term.kind == "class" or (
            term.kind == "object property" and set(term.domain) & classes and set(term.range) & classes
        )
        if drawn:
            assert f">{term.name}<" in svg, f"{term.name} is missing from the diagram"
    assert ">pg:party<" in svg and ">pg:Agreement<" in svg
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")


def test_every_example_is_a_triple_of_the_built_graph(built_store):
    store = pyoxigraph.Store.read_only(str(built_store.current().path))
    prologue = f"@base <{ID}> .\n" + "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    examples = _examples(MARKDOWN.read_text(encoding="utf-8"))
    assert examples, f"docs/ontology.md has no examples from the graph: {REGENERATE}"
    for example in examples:
        triples = list(pyoxigraph.parse(prologue + example, format=pyoxigraph.RdfFormat.TURTLE))
        assert len(triples) == 1, example
        t = triples[0]
        quad = pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.DefaultGraph())
        assert quad in store, f"{example!r} is not in the built graph: {REGENERATE}"


def test_terms_used_in_the_built_graph_have_an_example(built_store):
    store = pyoxigraph.Store.read_only(str(built_store.current().path))
    documented = docs.terms()
    expected = docs.examples(store, documented)
    markdown = MARKDOWN.read_text(encoding="utf-8")
    missing = [docs.prefixed(iri) for iri in expected if f"### {docs.prefixed(iri)}\n" not in markdown]
    assert not missing
    for iri in expected:
        body = markdown.split(f"### {docs.prefixed(iri)}\n", 1)[1].split("\n### ", 1)[0]
        assert "```turtle example" in body, (
            f"{docs.prefixed(iri)} is used in the graph but has no example: {REGENERATE}"
        )


def test_html_for_the_ontology_page_escapes_and_covers_every_term():
    page = docs.render_ontology_html()
    assert page.startswith('<section class="ontology-doc">') and "<svg " in page
    for term in docs.terms():
        assert f'id="{term.local}"' in page
    assert "<script" not in page
    # The comment of pg:role quotes "Bộ trưởng Ngoại giao"; quotes are escaped in the HTML.
    assert "&quot;Bộ trưởng Ngoại giao&quot;" in page


def test_html_examples_come_from_the_store_it_is_given():
    store = pyoxigraph.Store()
    fta = pyoxigraph.NamedNode(f"{ID}agreement/x-y-fta")
    party = pyoxigraph.NamedNode(PREFIXES["pg"] + "party")
    vietnam = pyoxigraph.NamedNode(f"{ID}state/vietnam")
    store.add(pyoxigraph.Quad(fta, party, vietnam))
    label = pyoxigraph.NamedNode(PREFIXES["rdfs"] + "label")
    store.add(pyoxigraph.Quad(vietnam, label, pyoxigraph.Literal("Việt <Nam>", language="vi")))
    page = docs.render_ontology_html(store)
    assert "&lt;agreement/x-y-fta&gt; pg:party &lt;state/vietnam&gt; .  # Việt &lt;Nam&gt;" in page


@pytest.mark.parametrize(
    "iri", ["https://w3id.org/pactgraph/ontology#party", "http://purl.org/dc/terms/title"]
)
def test_prefixed_names_use_the_project_prefixes(iri):
    assert docs.prefixed(iri) in {"pg:party", "dcterms:title"}


def test_ontology_page_of_the_server_shows_the_generated_diagram(live_server):
    page = httpx.get(f"{live_server.url}/ontology", headers={"Accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert docs.packaged_diagram_svg() in page.text
    assert ">pg:party<" in page.text
