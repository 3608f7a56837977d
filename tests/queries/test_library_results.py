"""Every library query, run on the graph built from data/corpus, returns the rows the articles support.

The expected rows follow from the five sample texts (who signed what and when, who took part in
which meeting), not from the extractor's current output: an assertion that fails here means the
graph lost a fact the text states, or a query stopped finding it. Resources created by rules get
slugs from their wording, so those are matched by their (diacritic-folded) names, not by slug; the
gazetteer's reviewed slugs (state/russia, org/eaeu, ...) are a contract and are used directly.
"""

from __future__ import annotations

import unicodedata

import pyoxigraph
import pytest
from pactgraph.queries import catalog

ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
VIETNAM, RUSSIA, ASEAN, EAEU = f"{ID}state/vietnam", f"{ID}state/russia", f"{ID}org/asean", f"{ID}org/eaeu"
FTA = f"{ID}agreement/vietnam-eaeu-fta"
DOC_2017 = f"{ID}document/001_10a7511edb037158"  # the 2017 joint statement
DOC_2030 = f"{ID}document/000_73207ec1493cb2ef"  # the 2021 joint statement "to 2030"
DOC_FM = f"{ID}document/002_746af3475085912c"  # the special ASEAN-Russia foreign ministers' meeting


@pytest.fixture(scope="module")
def store(built_store) -> pyoxigraph.Store:
    return pyoxigraph.Store.read_only(str(built_store.current().path))


def _value(term) -> str | None:
    return None if term is None else term.value


def select(store: pyoxigraph.Store, name: str, replace: dict[str, str] | None = None) -> list[dict[str, str]]:
    """Rows of library query *name* as {column: lexical value}; *replace* edits its VALUES first."""
    text = catalog.find(name).text
    for old, new in (replace or {}).items():
        assert old in text, f"{name} no longer contains {old!r}"
        text = text.replace(old, new)
    solutions = store.query(text)
    columns = [v.value for v in solutions.variables]
    return [{c: _value(row[c]) for c in columns} for row in solutions]


def _is_joint_committee(name: str | None) -> bool:
    """The ASEAN-Russia Joint Cooperation Committee, a rule-made name: matched on its folded wording."""
    return "uy ban hop tac chung" in fold(name or "")


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d), to match rule-made names whatever their tone marks."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def document_text(store: pyoxigraph.Store, document: str) -> str:
    rows = list(store.query(f"SELECT ?t WHERE {{ <{document}> <https://schema.org/text> ?t }}"))
    assert len(rows) == 1, document
    return rows[0]["t"].value


# ----------------------------------------------------------------------------------------- actors


def test_actors_by_type_lists_the_states_companies_and_people_of_the_articles(store):
    rows = select(store, "actors-by-type")
    by_type: dict[str, set[str]] = {}
    for row in rows:
        by_type.setdefault(row["type"].removeprefix(PG), set()).add(row["actor"].removeprefix(ID))
    assert {"state/vietnam", "state/russia", "state/indonesia"} <= by_type["State"]
    assert {"org/asean", "org/eaeu", "org/un", "org/wto", "org/sco", "org/apec"} <= by_type[
        "InternationalOrganization"
    ]
    companies = {"org/rosatom", "org/gazprom", "org/zarubezhneft", "org/novatek", "org/rosneft"}
    assert companies <= by_type["Company"]
    assert {"person/vladimir-putin", "person/sergey-lavrov", "person/nguyen-xuan-phuc"} <= by_type["Person"]
    assert "gov/state-duma" in by_type["GovernmentBody"]
    russia = next(r for r in rows if r["actor"] == RUSSIA)
    assert (russia["name_en"], russia["name_vi"]) == ("Russia", "Liên bang Nga")
    assert "Nga@vi" in russia["aliases"].split(" | ")


def test_actor_aliases_gives_every_name_of_russia_with_its_language(store):
    rows = {(r["name"], r["language"], r["kind"]) for r in select(store, "actor-aliases")}
    assert ("Russia", "en", "prefLabel") in rows
    assert ("Liên bang Nga", "vi", "prefLabel") in rows
    assert ("Nga", "vi", "altLabel") in rows
    assert {lang for _, lang, _ in rows} >= {"vi", "en"}


def test_russia_is_named_in_all_five_articles_and_ranks_first(store):
    rows = select(store, "actors-in-most-documents")
    assert (rows[0]["actor"], rows[0]["documents"]) == (RUSSIA, "5")
    counts = [int(r["documents"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert {VIETNAM, ASEAN} <= {r["actor"] for r in rows[:5]}


def test_how_vietnam_is_written_counts_every_surface_form(store):
    rows = select(store, "how-an-actor-is-written")
    forms = {r["surface"]: int(r["times"]) for r in rows}
    assert rows[0]["surface"] == "Việt Nam"
    assert "Cộng hòa xã hội chủ nghĩa Việt Nam" in forms
    total = next(store.query(f"SELECT (COUNT(?m) AS ?n) {{ ?m <{PG}mentionOf> <{VIETNAM}> }}"))["n"].value
    assert sum(forms.values()) == int(total)


def test_label_lookup_finds_nguyen_xuan_phuc_however_the_name_is_typed(store):
    for typed in ("nguyen xuan phuc", "NGUYỄN XUÂN PHÚC", "Nguyen Xuân Phuc"):
        rows = select(store, "label-lookup-ignoring-diacritics", {'"nguyen xuan phuc"': f'"{typed}"'})
        found = {r["resource"] for r in rows}
        assert f"{ID}person/nguyen-xuan-phuc" in found, typed
        assert any(r["label"] == "Nguyễn Xuân Phúc" for r in rows)
    # Folding does not make unrelated names match.
    rows = select(store, "label-lookup-ignoring-diacritics", {'"nguyen xuan phuc"': '"tran dai quang"'})
    assert f"{ID}person/nguyen-xuan-phuc" not in {r["resource"] for r in rows}
    assert f"{ID}person/tran-dai-quang" in {r["resource"] for r in rows}


def test_describe_rosatom_gives_its_types_names_and_documents(store):
    triples = list(store.query(catalog.find("describe-an-actor").text))
    rosatom = pyoxigraph.NamedNode(f"{ID}org/rosatom")
    assert triples and all(t.subject == rosatom for t in triples)
    objects = {(t.predicate.value, t.object.value) for t in triples}
    assert ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", PG + "Company") in objects
    assert ("http://www.w3.org/2000/01/rdf-schema#label", "Rosatom") in objects
    assert (PG + "mentionedIn", DOC_2030) in objects  # the 2030 statement names Rosatom


def test_wikidata_links_of_the_gazetteer_are_listed(store):
    rows = {r["actor"]: r["wikidata"] for r in select(store, "federated-wikidata-links")}
    assert rows[RUSSIA] == "http://www.wikidata.org/entity/Q159"
    assert rows[VIETNAM] == "http://www.wikidata.org/entity/Q881"


def test_inference_makes_every_company_and_state_a_prov_agent(store):
    rows = select(store, "actors-that-need-inference")
    pairs = {(r["actor"], r["asserted_type"].removeprefix(PG)) for r in rows}
    assert {(VIETNAM, "State"), (RUSSIA, "State"), (f"{ID}org/gazprom", "Company")} <= pairs
    assert (f"{ID}person/vladimir-putin", "Person") in pairs
    # Without graph/inferred (only the document graphs as the dataset) nobody is a prov:Agent.
    plain = store.query(
        "ASK { ?x a <http://www.w3.org/ns/prov#Agent> }",
        default_graph=[pyoxigraph.NamedNode(d) for d in (DOC_2017, DOC_2030, DOC_FM)],
    )
    assert not bool(plain)


# ------------------------------------------------------------------------------------- agreements


def test_agreements_in_time_order_start_with_the_fta_signed_29_may_2015(store):
    rows = select(store, "agreements-in-time-order")
    fta = next(r for r in rows if r["agreement"] == FTA)
    assert fta["signed"] == "2015-05-29"
    assert fta["in_force"] == "2016"  # "đã có hiệu lực năm 2016"
    assert {"Vietnam", "Eurasian Economic Union"} <= set(fta["parties"].split(" | "))
    dated = [r["signed"] for r in rows if r["signed"]]
    assert dated == sorted(dated)
    # The 2017 statement names the protocol of 21 March 2016 and the nuclear programme of 23 May 2017.
    assert {"2016-03-21", "2017-05-23"} <= set(dated)
    # UNCLOS ("Công ước Liên hợp quốc về Luật Biển 1982") comes before the FTA; undated ones come last.
    unclos = next(r for r in rows if r["agreement"] == f"{ID}agreement/unclos-1982")
    assert unclos["signed"] == "1982" and rows.index(unclos) < rows.index(fta)
    assert all(r["signed"] for r in rows[: len(dated)])


def test_agreements_of_the_eaeu_include_the_fta_with_vietnam(store):
    rows = select(store, "agreements-of-a-party")
    assert {(r["agreement"], r["other_party"]) for r in rows} >= {(FTA, VIETNAM)}


def test_agreements_per_year_counts_2015_2016_and_2017(store):
    rows = {r["year"]: int(r["agreements"]) for r in select(store, "agreements-per-year-and-kind")}
    assert rows["2015"] >= 1 and rows["2016"] >= 1 and rows["2017"] >= 1


def test_the_fta_is_bilateral(store):
    rows = {r["agreement"]: r for r in select(store, "bilateral-and-multilateral-agreements")}
    assert (rows[FTA]["parties"], rows[FTA]["kind"]) == ("2", "bilateral")
    for row in rows.values():
        n = int(row["parties"])
        assert row["kind"] == ("multilateral" if n > 2 else "bilateral" if n == 2 else "one party named")


def test_vietnam_is_party_with_the_eaeu(store):
    assert bool(store.query(catalog.find("is-vietnam-party-with-eaeu").text))


def test_signing_dates_come_with_the_sentence_that_gives_them(store):
    rows = select(store, "signing-dates-with-evidence")
    fta = [r for r in rows if r["agreement"] == FTA and r["signed"] == "2015-05-29"]
    assert fta and fta[0]["document"] == DOC_2017
    assert "29/5/2015" in fta[0]["quote"]
    nuclear = [r for r in rows if r["signed"] == "2017-05-23"]
    assert nuclear and "23/5/2017" in nuclear[0]["quote"]


def test_dates_completed_from_context_say_where_the_year_came_from(store):
    rows = select(store, "dates-completed-from-context")
    assert rows and all(r["note"] for r in rows)
    # "hôm 6/7" in the 2021-07-06 article: the year is the article's.
    meeting = [r for r in rows if r["date"] == "2021-07-06"]
    assert meeting and "2021" in meeting[0]["note"] and "6/7" in meeting[0]["quote"]


# ----------------------------------------------------------------------------- companies and fields


def test_oil_and_gas_companies_come_with_their_sentences(store):
    rows = select(store, "energy-companies-with-sentences")
    by_doc = {(r["company"].removeprefix(ID), r["document"]) for r in rows}
    # 2017 statement, point 7: PetroVietnam, Gazprom, Zarubezhneft and Rosneft in oil and gas.
    for company in ("org/petrovietnam", "org/gazprom", "org/zarubezhneft", "org/rosneft"):
        assert (company, DOC_2017) in by_doc, company
    # 2030 statement: Zarubezhneft, Gazprom, Novatek and Rosatom in energy and oil and gas.
    for company in ("org/zarubezhneft", "org/gazprom", "org/novatek", "org/rosatom"):
        assert (company, DOC_2030) in by_doc, company
    for row in rows:
        assert "oil and gas" in row["fields"] or "energy" in row["fields"]
        text = document_text(store, row["document"])
        assert row["quote"] == text[int(row["start"]) : int(row["start"]) + len(row["quote"])]


def test_mechanisms_cover_their_fields_and_name_their_participants(store):
    rows = select(store, "mechanisms-and-their-fields")
    iri = f"{ID}mechanism/vietnam-russia-intergovernmental-commission"  # a reviewed gazetteer slug
    commission = [r for r in rows if r["mechanism"] == iri]
    assert commission, "the Intergovernmental Commission on economic-trade cooperation is missing"
    assert "trade" in commission[0]["fields"].split(" | ")
    assert {"Vietnam", "Russia"} <= set(commission[0]["participants"].split(" | "))
    working_group = [r for r in rows if "to cong tac cap cao" in fold(r["name"] or "")]
    assert working_group and all("investment" in r["fields"] for r in working_group)
    assert {"Vietnam", "Russia"} <= set(working_group[0]["participants"].split(" | "))


def test_fields_scheme_nests_oil_and_gas_under_energy_under_economy(store):
    rows = {r["area"].removeprefix(ID): r for r in select(store, "fields-of-cooperation-scheme")}
    assert rows["area/energy"]["broader"] == f"{ID}area/economy"
    assert rows["area/oil-gas"]["broader"] == f"{ID}area/energy"
    assert rows["area/nuclear-energy"]["broader"] == f"{ID}area/energy"
    # Counting downwards: a field covers at least what each narrower field covers.
    assert int(rows["area/energy"]["covered"]) >= int(rows["area/nuclear-energy"]["covered"]) >= 1
    assert int(rows["area/economy"]["covered"]) >= int(rows["area/trade"]["covered"]) >= 1
    assert rows["area/trade"]["field_vi"] == "thương mại"


def test_fields_per_year_follow_the_publication_years(store):
    rows = select(store, "fields-per-year")
    assert {r["year"] for r in rows} <= {"2017", "2021"}
    fields_2017 = {r["field"] for r in rows if r["year"] == "2017"}
    assert {"trade", "nuclear energy"} <= fields_2017  # the FTA, the nuclear programme
    assert all(int(r["sentences"]) >= int(r["documents"]) >= 1 for r in rows)


def test_russia_asean_and_russia_vietnam_both_have_cooperation_in_security_or_other_fields(store):
    rows = {r["field"]: r for r in select(store, "russia-asean-beside-russia-vietnam")}
    assert sum(int(r["russia_asean"]) for r in rows.values()) >= 3
    assert sum(int(r["russia_vietnam"]) for r in rows.values()) >= 3
    assert int(rows["security"]["russia_asean"]) >= 1  # the ASEAN-Russia security consultations


# --------------------------------------------------------------------------------- events and people


def test_events_of_2021_include_the_foreign_ministers_meeting_and_its_participants(store):
    rows = select(store, "events-of-a-year")
    assert rows and all(r["date"].startswith("2021") for r in rows)
    meeting = [r for r in rows if r["date"] == "2021-07-06"]
    assert meeting, "the special ASEAN-Russia foreign ministers' meeting of 6 July 2021 is missing"
    participants = set(meeting[0]["participants"].split(" | "))
    assert {"Sergey Lavrov", "Retno Marsudi"} <= participants
    assert any(r["date"] == "2021-10" for r in rows)  # the 4th ASEAN-Russia summit, "tháng 10/2021"
    rows_2017 = select(store, "events-of-a-year", {'"2021"': '"2017"'})
    assert rows_2017 and all(r["date"].startswith("2017") for r in rows_2017)


def test_who_represents_whom_names_lavrov_for_russia_and_marsudi_for_indonesia(store):
    found = select(store, "who-represents-whom")
    rows = {(r["person"].removeprefix(ID), r["represents"].removeprefix(ID)) for r in found}
    assert ("person/sergey-lavrov", "state/russia") in rows
    assert ("person/retno-marsudi", "state/indonesia") in rows
    assert ("person/vladimir-putin", "state/russia") in rows


def test_persons_carry_their_titles_in_vietnamese(store):
    rows = {r["person"].removeprefix(ID): r for r in select(store, "persons-and-their-countries")}
    assert "Tổng thống@vi" in rows["person/vladimir-putin"]["roles"].split(" | ")
    assert int(rows["person/vladimir-putin"]["documents"]) >= 3


def test_government_bodies_include_the_state_duma_of_russia(store):
    rows = {r["body"]: r for r in select(store, "government-bodies-by-country")}
    assert rows[f"{ID}gov/state-duma"]["country"] == "Russia"


def test_memberships_put_russia_in_the_eaeu_and_the_sco(store):
    rows = {(r["member"], r["organisation"]) for r in select(store, "memberships")}
    assert {(RUSSIA, EAEU), (RUSSIA, f"{ID}org/sco")} <= rows


def test_sessions_link_the_19th_joint_committee_meeting_to_its_mechanism(store):
    rows = select(store, "sessions-of-mechanisms")
    joint = [r for r in rows if "19" in (r["event_name"] or "") and _is_joint_committee(r["mechanism_name"])]
    assert joint, "the 19th meeting of the ASEAN-Russia Joint Cooperation Committee is missing"
    eas = [r for r in rows if r["mechanism"] == f"{ID}mechanism/eas" and r["date"] == "2020-11"]
    assert eas  # the 15th East Asia Summit (11/2020)


def test_cooperation_with_russia_reads_the_symmetric_property_both_ways(store):
    rows = select(store, "cooperation-both-ways")
    stated = {r["partner"]: r["stated"] for r in rows}
    assert VIETNAM in stated and ASEAN in stated
    for partner, how in stated.items():
        if how == "inferred (symmetric)":
            # Only the reverse direction is written in a document: the inferred graph supplies this one.
            assert bool(store.query(f"ASK {{ GRAPH ?d {{ <{partner}> <{PG}cooperatesWith> <{RUSSIA}> }} }}"))


# ------------------------------------------------------------------------------------------ provenance


def test_provenance_of_eaeu_party_facts_quotes_both_joint_statements_exactly(store):
    rows = select(store, "provenance-of-a-fact")
    assert {r["document"] for r in rows if r["subject"] == FTA} >= {DOC_2017, DOC_2030}
    for row in rows:
        text = document_text(store, row["document"])
        assert text[int(row["start"]) : int(row["end"])] == row["quote"]
        assert row["title"] and row["published"]


def test_facts_in_several_documents_include_the_fta_parties(store):
    rows = select(store, "facts-in-several-documents")
    facts = {(r["subject"], r["predicate"], r["object"]): int(r["documents"]) for r in rows}
    assert facts[(FTA, PG + "party", EAEU)] >= 2
    assert facts[(f"{ID}person/vladimir-putin", PG + "represents", RUSSIA)] >= 2
    assert all(n > 1 for n in facts.values())


def test_named_graph_count_matches_the_documents_listed(store):
    rows = select(store, "facts-by-named-graph")
    assert rows
    for row in rows:
        documents = row["documents"].split()
        assert int(row["graphs"]) == len(documents) > 1
        assert all(d.startswith(f"{ID}document/") for d in documents)
    assert any(r["subject"] == FTA and r["object"] == EAEU for r in rows)


def test_sentences_about_vietnam_and_russia_are_exact_quotes(store):
    rows = select(store, "sentences-about-two-actors")
    assert len(rows) >= 5
    for row in rows[:50]:
        text = document_text(store, row["document"])
        assert text[int(row["start"]) :].startswith(row["quote"])


def test_cooccurrence_network_links_vietnam_and_russia_with_a_weight(store):
    triples = list(store.query(catalog.find("actor-cooccurrence-network").text))
    edge = pyoxigraph.NamedNode(f"{ID}cooccurrence/state.russia--state.vietnam")
    value = [t.object for t in triples if t.subject == edge and t.predicate.value.endswith("#value")]
    assert value and int(value[0].value) >= 5
    co = [t for t in triples if t.predicate.value == PG + "coOccursWith"]
    assert all(t.subject.value < t.object.value for t in co)  # each undirected edge written once
    labelled = {t.subject.value for t in triples if t.predicate.value.endswith("#label")}
    assert {t.subject.value for t in co} <= labelled


# ------------------------------------------------------------------------------------- the dataset


def test_dataset_statistics_count_five_documents_and_every_triple_once(store, built_store):
    (row,) = select(store, "dataset-statistics")
    assert row["documents"] == "5"
    default_triples = len(list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())))
    assert int(row["triples"]) == default_triples
    assert int(row["evidence"]) > 0 and int(row["mentions"]) > int(row["evidence"]) / 10
    assert int(row["areas"]) >= 30 and int(row["agreements"]) >= 5 and int(row["events"]) >= 3


def test_facts_per_property_have_at_least_one_sentence_each(store):
    rows = {r["property"].removeprefix(PG): r for r in select(store, "facts-per-property")}
    for prop in ("party", "signedOn", "participant", "represents", "area"):
        assert int(rows[prop]["facts"]) >= 1
        assert int(rows[prop]["sentences"] or 0) >= int(rows[prop]["facts"]), prop


def test_documents_carry_the_corpus_metadata(store):
    rows = {r["document"]: r for r in select(store, "documents")}
    assert len(rows) == 5
    assert rows[DOC_2017]["published"] == "2017-06-29"
    assert rows[DOC_2030]["source"].startswith("https://zingnews.vn/")
    assert rows[DOC_FM]["title"] == "Hội nghị đặc biệt bộ trưởng Ngoại giao ASEAN - Nga"
    assert all(r["language"] == "vi" and int(r["length"]) > 1000 for r in rows.values())


def test_what_each_document_names(store):
    rows = {r["document"]: r for r in select(store, "what-each-document-names")}
    assert len(rows) == 5
    assert all(int(r["evidence"]) > 0 and int(r["actors"]) > 0 for r in rows.values())
    assert int(rows[DOC_2017]["agreements"]) >= 3


def test_store_metadata_gives_the_published_version(store, built_store):
    rows = {r["property"]: r["value"] for r in select(store, "store-metadata")}
    assert rows[PG + "storeVersion"] == built_store.current().version


def test_ontology_terms_give_domain_and_range(store):
    rows = {r["term"].removeprefix(PG): r for r in select(store, "ontology-terms")}
    assert rows["party"]["domain"] == PG + "Agreement"
    assert rows["party"]["range"] == PG + "Actor"
    assert rows["Agreement"]["label"] == "agreement"
