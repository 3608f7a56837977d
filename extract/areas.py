"""The fields of cooperation, read once from the ontology's SKOS scheme (``ontology/areas.ttl``).

Each concept's skos:prefLabel and skos:altLabel (vi and en) are the wordings that name it in text;
the lexicon is not duplicated here.
"""

from dataclasses import dataclass
from functools import lru_cache

from pactgraph.ontology import path as ontology_path

AREA_PREFIX = "https://w3id.org/pactgraph/id/area/"
_SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class AreaLexicon:
    """``labels``: (wording, lang, slug) for every label of every concept."""

    labels: tuple[tuple[str, str, str], ...]
    pref_labels: dict[str, dict[str, str]]
    broader: dict[str, str]

    @property
    def slugs(self) -> frozenset[str]:
        return frozenset(self.pref_labels)


@lru_cache(maxsize=1)
def area_lexicon() -> AreaLexicon:
    """Parse ``areas.ttl`` with pyoxigraph (fast, and extract must not depend on graph/)."""
    import pyoxigraph as ox

    file = ontology_path("areas.ttl")
    labels: list[tuple[str, str, str]] = []
    pref: dict[str, dict[str, str]] = {}
    broader: dict[str, str] = {}
    for triple in ox.parse(path=str(file), format=ox.RdfFormat.TURTLE):
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode) or not subject.value.startswith(AREA_PREFIX):
            continue
        slug = subject.value[len(AREA_PREFIX) :]
        if predicate == _SKOS + "broader" and isinstance(obj, ox.NamedNode):
            broader[slug] = obj.value[len(AREA_PREFIX) :]
            continue
        if predicate not in (_SKOS + "prefLabel", _SKOS + "altLabel") or not isinstance(obj, ox.Literal):
            continue
        if slug == "scheme":
            continue
        lang = obj.language or "en"
        labels.append((obj.value, lang, slug))
        if predicate == _SKOS + "prefLabel":
            pref.setdefault(slug, {})[lang] = obj.value
    return AreaLexicon(tuple(sorted(labels)), pref, broader)


def is_broader(general: str, specific: str, lexicon: AreaLexicon) -> bool:
    """*general* is an ancestor of *specific* in the scheme (energy is broader than nuclear-energy)."""
    seen = set()
    current = lexicon.broader.get(specific)
    while current is not None and current not in seen:
        if current == general:
            return True
        seen.add(current)
        current = lexicon.broader.get(current)
    return False
