"""The HTML pages: labels, evidence sentences, alternate links, document highlighting, escaping."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from rdflib import RDFS, Graph, Literal, URIRef

HTML = {"Accept": "text/html"}


class LinkCollector(HTMLParser):
    """Collects <link rel=alternate>, JSON-LD scripts and <mark> texts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.alternates: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.marks: list[str] = []
        self._in_jsonld = self._in_mark = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate":
            self.alternates[a["type"]] = a["href"]
        self._in_jsonld = tag == "script" and a.get("type") == "application/ld+json"
        self._in_mark = self._in_mark or tag == "mark"

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark = False
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(data)
        if self._in_mark:
            self.marks.append(data)


def parse(html: str) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(html)
    return collector


def test_resource_page_shows_labels_in_both_languages_and_type(web_client):
    page = web_client.get("/id/org/rosatom", headers=HTML).text
    assert "<h1>Tập đoàn Rosatom</h1>" in page
    assert ">Rosatom<" in page  # the English label in the labels table
    assert 'href="/class/Company"' in page
    assert "http://www.wikidata.org/entity/Q1141400" in page  # sameAs


def test_incoming_links_leave_out_evidence_nodes(web_client):
    page = web_client.get("/id/org/rosatom?lang=en", headers=HTML).text
    incoming = page.split('<section class="incoming">', 1)[1].split("</section>", 1)[0]
    assert 'href="/id/agreement/rosatom-petrovietnam-2015"' in incoming
    assert "/id/evidence/" not in incoming


def test_language_switch_changes_the_title_label(web_client):
    assert "<h1>Rosatom</h1>" in web_client.get("/id/org/rosatom?lang=en", headers=HTML).text
    assert (
        "<h1>Rosatom</h1>"
        in web_client.get("/id/org/rosatom", headers={**HTML, "Accept-Language": "en"}).text
    )


def test_resource_page_shows_properties_by_their_labels(web_client):
    page = web_client.get("/id/org/rosatom?lang=en", headers=HTML).text
    assert "cooperates with" in page
    assert 'href="/id/org/petrovietnam"' in page and ">PetroVietnam</a>" in page
    agreement = web_client.get("/id/agreement/rosatom-petrovietnam-2015?lang=en", headers=HTML).text
    assert '<time datetime="2015-05-29">29 May 2015</time>' in agreement
    vi = web_client.get("/id/agreement/rosatom-petrovietnam-2015?lang=vi", headers=HTML).text
    assert "29 tháng 5 năm 2015" in vi


def test_resource_page_shows_the_evidence_sentence_with_the_entities_marked(web_client):
    page = web_client.get("/id/org/rosatom", headers=HTML).text
    collector = parse(page)
    quote = re.search(r'<blockquote class="quote"[^>]*>(.*?)<footer>', page, re.S)
    assert quote is not None
    text = re.sub(r"<[^>]+>", "", quote.group(1))
    assert "thỏa thuận hợp tác ngày 29/5/2015" in text
    assert "Rosatom" in collector.marks and "PetroVietnam" in collector.marks
    assert re.search(r'href="/id/document/900_websample\?hl=\d+-\d+#hl"', page)


def test_resource_page_links_every_rdf_format_and_embeds_jsonld(web_client):
    page = parse(web_client.get("/id/org/rosatom", headers=HTML).text)
    assert page.alternates == {
        "text/turtle": "/id/org/rosatom.ttl",
        "application/ld+json": "/id/org/rosatom.jsonld",
        "application/n-triples": "/id/org/rosatom.nt",
        "application/rdf+xml": "/id/org/rosatom.rdf",
    }
    embedded = "".join(page.jsonld)
    assert json.loads(embedded)["@context"]  # valid JSON with the context
    graph = Graph().parse(data=embedded, format="json-ld")
    assert (
        URIRef("https://w3id.org/pactgraph/id/org/rosatom"),
        RDFS.label,
        Literal("Rosatom", lang="en"),
    ) in graph


def test_label_with_script_tag_is_shown_as_text(web_client):
    page = web_client.get("/id/org/script-corp", headers=HTML).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Corp" in page
    document = web_client.get("/id/document/900_websample", headers=HTML).text
    assert "<script>alert(1)</script>" not in document


def test_document_page_links_every_mention_and_highlights_the_linked_span(web_client, web_sample_text):
    plain = web_client.get("/id/document/900_websample", headers=HTML).text
    assert 'href="/id/org/rosatom" title="Tập đoàn Rosatom">Rosatom</a>' in plain
    assert 'href="/id/org/eaeu"' in plain and 'href="/id/state/vietnam"' in plain
    assert "<mark>" not in plain
    start, end = web_sample_text.sentences()[2]
    page = web_client.get(f"/id/document/900_websample?hl={start}-{end}", headers=HTML).text
    marked = "".join(parse(page).marks)
    assert "là thành viên của Hiệp định thương mại tự do với" in marked
    assert 'id="hl"' in page


def test_class_page_lists_instances_and_unknown_class_is_404(web_client):
    page = web_client.get("/class/Company?lang=en", headers=HTML).text
    assert ">Rosatom</a>" in page and ">PetroVietnam</a>" in page
    assert "3 instances" in page
    missing = web_client.get("/class/Spaceship", headers=HTML)
    assert missing.status_code == 404 and 'href="/class/Company"' in missing.text


def test_home_page_counts_classes_and_links_the_tools(web_client):
    page = web_client.get("/?lang=en", headers=HTML).text
    assert re.search(r'href="/class/Company">[^<]+</a></td><td class="num">3</td>', page)
    for link in ("/editor", "/explorer", "/dumps/", "/.well-known/void", "/timeline"):
        assert f'href="{link}"' in page


def test_timeline_lists_dated_agreements_in_order(web_client):
    page = web_client.get("/timeline?lang=en", headers=HTML).text
    assert "29 May 2015" in page and 'href="/id/agreement/rosatom-petrovietnam-2015"' in page


def test_void_entry_point_redirects_to_the_dataset_description(web_client):
    response = web_client.get("/.well-known/void", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/id/dataset/pactgraph"
    followed = web_client.get("/.well-known/void", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert (
        followed.status_code == 200
        and "void:dataDump" in followed.text
        and "pactgraph.nq.gz" in followed.text
    )


def test_a_hub_page_shows_a_bounded_number_of_facts_and_says_how_many(web_client):
    from pactgraph.api.web.views import facts_with_evidence

    rosatom = URIRef("https://w3id.org/pactgraph/id/org/rosatom")
    graph = Graph().parse(data=web_client.get("/id/org/rosatom.ttl").text, format="turtle")
    everything, total = facts_with_evidence(graph, rosatom, "en", 100)
    assert total == len(everything) == 3
    shown, total = facts_with_evidence(graph, rosatom, "en", 1)
    assert len(shown) == 1 and total == 3
    assert shown[0][0] == everything[0][0]  # the same order, cut


def test_english_page_is_english_throughout(web_client):
    page = web_client.get("/id/org/rosatom?lang=en", headers=HTML).text
    assert "Also as" in page and "Các định dạng khác" not in page
    assert "Referenced by" in page and "Bằng chứng" not in page


def test_home_page_lists_provenance_classes_after_the_entities(web_client):
    page = web_client.get("/?lang=en", headers=HTML).text
    order = re.findall(r'href="/class/(\w+)"', page)
    assert order.index("Company") < order.index("Mention") and order.index("State") < order.index("Evidence")


def test_class_pages_are_paged(web_client, monkeypatch):
    from pactgraph.api.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 2)  # the server runs in this process (a thread)
    first = web_client.get("/class/Company?lang=en", headers=HTML).text
    second = web_client.get("/class/Company?lang=en&page=2", headers=HTML).text
    items = [re.findall(r'<li><a href="(/id/[^"]+)"', page) for page in (first, second)]
    assert len(items[0]) == 2 and len(items[1]) == 1 and not set(items[0]) & set(items[1])
    assert 'rel="next" href="/class/Company?page=2&amp;lang=en"' in first and "1 / 2" in first
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_void_entry_point_says_when_there_is_no_dataset_description(start_web_server):
    import httpx
    from pactgraph.api.web.dumps import DATASET_IRI

    assert DATASET_IRI.endswith("/id/dataset/pactgraph")
    import pyoxigraph

    server = start_web_server(store=pyoxigraph.Store())  # nothing published: nothing to redirect to
    response = httpx.get(f"{server.url}/.well-known/void", follow_redirects=False)
    assert response.status_code == 404 and "pactgraph build" in response.text
