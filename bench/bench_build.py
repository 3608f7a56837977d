"""Build time, inference time and store size for synthetic graphs in the shape of the real one.

``synthetic_nquads(path, triples)`` writes documents like the extractor's (docs/architecture.md):
per document its metadata and text, the actors, agreements, mechanisms and events it mentions
(typed, labelled, with a pg:Mention each) and facts with one pg:Evidence each, drawing resources
from pools that grow with the size so that, as in a real corpus, most resources appear in several
documents. It conforms to ontology/shapes.ttl.

Sizes: 100k and 1M triples (quick: 100k only); 10M with ``PACTGRAPH_BENCH_10M=1`` (about 15 min and
several GB of disk here). At every size the two inference engines are compared on the same store
(owlrl only up to ``OWLRL_MAX`` triples: it holds the graph in rdflib). SHACL validation (pyshacl,
in memory, rdflib) is timed up to ``SHACL_MAX`` triples; the larger builds run with it off.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

ID = "https://w3id.org/pactgraph/id/"
PG = "https://w3id.org/pactgraph/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
ACTOR_KINDS = [
    ("state", "State"),
    ("org", "InternationalOrganization"),
    ("org", "Company"),
    ("gov", "GovernmentBody"),
    ("person", "Person"),
]
AREAS = ["trade", "energy", "defence", "education", "tourism", "health", "culture", "security"]
OWLRL_MAX = 100_000
SHACL_MAX = 100_000


def _pg(name: str) -> str:
    return f"<{PG}{name}>"


def synthetic_nquads(path: Path, triples: int, seed: int = 0) -> int:
    """Write about *triples* quads in the shape of the real graph to *path*; the number written."""
    rng = random.Random(seed)
    docs = max(1, triples // 120)
    pools = {
        "actor": [
            (f"{ID}{seg}/actor-{i}", cls)
            for i in range(max(20, docs // 3))
            for seg, cls in [ACTOR_KINDS[i % len(ACTOR_KINDS)]]
        ],
        "agreement": [f"{ID}agreement/agreement-{i}" for i in range(max(5, docs // 4))],
        "mechanism": [f"{ID}mechanism/mechanism-{i}" for i in range(max(3, docs // 20))],
        "event": [f"{ID}event/event-{i}" for i in range(max(5, docs // 2))],
    }
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for d in range(docs):
            stem = f"{d:06d}_{hashlib.sha1(str(d).encode()).hexdigest()[:16]}"
            doc = f"<{ID}document/{stem}>"
            lines: list[str] = []

            def quad(s: str, p: str, o: str, lines: list[str] = lines, doc: str = doc) -> None:
                lines.append(f"{s} {p} {o} {doc} .\n")

            actors = rng.sample(pools["actor"], 4)
            agreement = rng.choice(pools["agreement"])
            mechanism = rng.choice(pools["mechanism"])
            event = rng.choice(pools["event"])
            named = [*actors, (agreement, "Agreement"), (mechanism, "Mechanism"), (event, "Event")]
            # one sentence naming each resource (its mention), then one per fact (its evidence)
            sentences = [f"{iri.rsplit('/', 1)[-1]} tham gia hợp tác trong bài {d}." for iri, _ in named]
            sentences += [f"Câu {i} của bài {d} nói về hợp tác giữa các bên." for i in range(8)]
            text = " ".join(sentences)
            offsets, pos = [], 0
            for sentence in sentences:
                offsets.append((pos, pos + len(sentence)))
                pos += len(sentence) + 1
            quad(doc, RDF_TYPE, _pg("Document"))
            quad(doc, RDF_TYPE, "<https://schema.org/NewsArticle>")
            quad(doc, f"<{DCT}title>", f'"Bài báo {d}"@vi')
            quad(doc, f"<{DCT}date>", f'"20{10 + d % 12}-0{1 + d % 9}-1{d % 10}"^^<{XSD}date>')
            quad(doc, f"<{DCT}publisher>", '"Báo Tổng hợp"')
            quad(doc, f"<{DCT}language>", '"vi"')
            quad(doc, "<https://schema.org/text>", f'"{text}"')

            def mention(
                iri: str, cls: str, name: str, k: int, quad=quad, doc=doc, stem=stem, offsets=offsets
            ) -> None:
                quad(f"<{iri}>", RDF_TYPE, _pg(cls))
                quad(f"<{iri}>", LABEL, f'"{name}"@vi')
                quad(f"<{iri}>", PREF, f'"{name}"@vi')
                quad(f"<{iri}>", _pg("mentionedIn"), doc)
                start = offsets[k][0]
                end = start + len(name)
                m = f"<{ID}mention/{stem}/{start}-{end}>"
                quad(m, RDF_TYPE, _pg("Mention"))
                quad(m, _pg("mentionOf"), f"<{iri}>")
                quad(m, _pg("document"), doc)
                quad(m, _pg("surface"), f'"{name}"')
                quad(m, _pg("charStart"), f'"{start}"^^<{XSD}integer>')
                quad(m, _pg("charEnd"), f'"{end}"^^<{XSD}integer>')

            for k, (iri, cls) in enumerate(named):
                mention(iri, cls, iri.rsplit("/", 1)[-1], k)
            a0, a1 = f"<{actors[0][0]}>", f"<{actors[1][0]}>"
            facts = [
                (a0, _pg("cooperatesWith"), a1),
                (f"<{agreement}>", _pg("party"), a0),
                (f"<{agreement}>", _pg("party"), a1),
                (f"<{agreement}>", _pg("signedOn"), f'"20{10 + d % 12}-05-29"^^<{XSD}date>'),
                (f"<{agreement}>", _pg("area"), f"<{ID}area/{AREAS[d % len(AREAS)]}>"),
                (f"<{event}>", _pg("sessionOf"), f"<{mechanism}>"),
                (f"<{event}>", _pg("participant"), a0),
                (f"<{event}>", _pg("date"), f'"20{10 + d % 12}-0{1 + d % 9}"^^<{XSD}gYearMonth>'),
            ]
            for i, (s, p, o) in enumerate(facts):
                quad(s, p, o)
                start, end = offsets[len(named) + i]
                digest = hashlib.sha1(f"{s} {p} {o} {start} {end}".encode()).hexdigest()[:12]
                ev = f"<{ID}evidence/{stem}/{digest}>"
                quad(ev, RDF_TYPE, _pg("Evidence"))
                quad(ev, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#subject>", s)
                quad(ev, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>", p)
                quad(ev, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#object>", o)
                quad(ev, _pg("document"), doc)
                quad(ev, _pg("quote"), f'"{sentences[len(named) + i]}"')
                quad(ev, _pg("charStart"), f'"{start}"^^<{XSD}integer>')
                quad(ev, _pg("charEnd"), f'"{end}"^^<{XSD}integer>')
            out.writelines(lines)
            written += len(lines)
    return written


def _du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _sizes(quick: bool) -> list[int]:
    sizes = [100_000] if quick else [100_000, 1_000_000]
    if os.environ.get("PACTGRAPH_BENCH_10M") == "1":
        sizes.append(10_000_000)
    return sizes


def _time_inference(nquads: Path, engine: str) -> float:
    """Inference alone, on a freshly loaded store with its union (the build's state at that step)."""
    import gc

    import pyoxigraph as ox
    from pactgraph.graph.inference import infer
    from pactgraph.graph.loading import bulk_load_file, materialise_union
    from pactgraph.ontology import path
    from pactgraph.ontology.namespace import GRAPH_ONTOLOGY

    tmp = tempfile.mkdtemp(prefix="pactgraph-bench-infer-")
    try:
        store = ox.Store(tmp)
        bulk_load_file(store, nquads)
        for file in (path("pactgraph.ttl"), path("areas.ttl")):
            bulk_load_file(store, file, to_graph=ox.NamedNode(str(GRAPH_ONTOLOGY)))
        materialise_union(store)
        seconds = infer(store, engine).seconds
        del store
        gc.collect()  # close the store before its folder goes
        return seconds
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(quick: bool) -> list[dict]:
    from pactgraph.graph import BuildOptions, StoreLocation, build

    rows = []
    for size in _sizes(quick):
        work = Path(tempfile.mkdtemp(prefix="pactgraph-bench-build-"))
        try:
            nquads = work / "synthetic.nq"
            quads = synthetic_nquads(nquads, size)
            validate = size <= SHACL_MAX
            started = time.perf_counter()
            result = build(
                nquads, StoreLocation(work / "store"), BuildOptions(write_dumps=False, validate=validate)
            )
            total = time.perf_counter() - started
            sparql = result.seconds["inference"]
            owlrl = _time_inference(nquads, "owlrl") if size <= OWLRL_MAX else None
            rows.append(
                {
                    "size": size,
                    "input quads": quads,
                    "published triples": result.published.triples,
                    "inferred": result.inference.inferred,
                    "build s": round(total, 2),
                    "load s": round(result.seconds["load"], 2),
                    "union s": round(result.seconds["union"], 2),
                    "version s": round(result.seconds["version"], 2),
                    "compact s": round(result.seconds["compact"], 2),
                    "inference sparql s": round(sparql, 2),
                    "inference owlrl s": round(owlrl, 2) if owlrl is not None else "not run",
                    "owlrl / sparql": round(owlrl / sparql, 1) if owlrl is not None else "",
                    "validation s": round(result.seconds["validation"], 2) if validate else "off",
                    "store MiB": round(_du(result.published.path) / 2**20, 1),
                    "quads/s overall": round(quads / total),
                }
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return rows
