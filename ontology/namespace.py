"""The closed rdflib namespace of the pactgraph vocabulary, and the IRIs of the graph layout.

``PG`` is a closed :class:`~rdflib.namespace.DefinedNamespace`: ``PG.partys`` raises at import or
test time instead of silently producing a wrong IRI in a query. Every term of
``ontology-core.md`` is listed here and declared in ``pactgraph.ttl`` (tests check both ways).
Terms added beyond the core are listed after the core ones.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/pactgraph/ontology"
BASE = "https://w3id.org/pactgraph/"


class PG(DefinedNamespace):
    """pactgraph ontology terms (``pg:``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # --- core classes (ontology-core.md) ---
    Actor: URIRef
    State: URIRef
    InternationalOrganization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Person: URIRef
    Mechanism: URIRef
    Agreement: URIRef
    Event: URIRef
    CooperationArea: URIRef
    Document: URIRef
    Evidence: URIRef

    # --- core properties (ontology-core.md) ---
    party: URIRef
    signedOn: URIRef
    inForceFrom: URIRef
    participant: URIRef
    memberOf: URIRef
    cooperatesWith: URIRef
    area: URIRef
    represents: URIRef
    date: URIRef
    sessionOf: URIRef
    mentionedIn: URIRef
    country: URIRef
    role: URIRef

    # --- provenance (ontology-core.md) ---
    document: URIRef
    quote: URIRef
    charStart: URIRef
    charEnd: URIRef

    # --- added beyond the core ---
    Mention: URIRef  # one occurrence of a resource's name in a document
    mentionOf: URIRef  # Mention -> the resource it names
    surface: URIRef  # Mention -> the text as written
    dateNote: URIRef  # Evidence -> how a partial date was completed (year taken from context)
    basis: URIRef  # Evidence -> what the fact rests on when the sentence does not state it (gazetteer)
    storeVersion: URIRef  # metadata: content hash of the published store
    builtAt: URIRef  # metadata: build time of the published store
    coOccursWith: URIRef  # Actor <-> Actor named in one sentence (derived at query time, never stored)


CORE_CLASSES = [
    "Actor",
    "State",
    "InternationalOrganization",
    "Company",
    "GovernmentBody",
    "Person",
    "Mechanism",
    "Agreement",
    "Event",
    "CooperationArea",
    "Document",
    "Evidence",
]
CORE_PROPERTIES = [
    "party",
    "signedOn",
    "inForceFrom",
    "participant",
    "memberOf",
    "cooperatesWith",
    "area",
    "represents",
    "date",
    "sessionOf",
    "mentionedIn",
    "country",
    "role",
]
# The core properties a sentence states as a fact (each with pg:Evidence); pg:mentionedIn is bookkeeping.
FACT_PROPERTIES = [p for p in CORE_PROPERTIES if p != "mentionedIn"]
PROVENANCE_PROPERTIES = ["document", "quote", "charStart", "charEnd"]

# Resource IRIs: BASE + "id/" + kind + "/" + slug (see docs/architecture.md).
ID = Namespace(BASE + "id/")

# The fields of cooperation (ontology/areas.ttl): concepts AREA[slug] of the SKOS scheme AREA_SCHEME.
AREA = Namespace(BASE + "id/area/")
AREA_SCHEME = URIRef(BASE + "id/area/scheme")
ONTOLOGY_VERSION_IRI = URIRef(ONTOLOGY_IRI + "/0.1.0")

# Named graphs that are not documents.
GRAPH_ONTOLOGY = URIRef(BASE + "graph/ontology")
GRAPH_INFERRED = URIRef(BASE + "graph/inferred")
GRAPH_METADATA = URIRef(BASE + "graph/metadata")

# Path segment under id/ for each class of resource.
KIND_SEGMENT = {
    "State": "state",
    "InternationalOrganization": "org",
    "Company": "org",
    "GovernmentBody": "gov",
    "Person": "person",
    "Agreement": "agreement",
    "Mechanism": "mechanism",
    "Event": "event",
    "CooperationArea": "area",
    "Document": "document",
    "Evidence": "evidence",
    "Mention": "mention",
}

PREFIXES = {
    "pg": str(PG._NS),
    "id": str(ID),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "void": "http://rdfs.org/ns/void#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "sh": "http://www.w3.org/ns/shacl#",
}
