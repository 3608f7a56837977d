"""Mapping between the data's public IRIs (https://w3id.org/pactgraph/...) and this server's paths.

The data keeps the w3id IRIs whatever the deployment; pages link to paths under
``PACTGRAPH_BASE_URL`` (its path part, so a server mounted under a sub-path still works).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pyoxigraph
from pactgraph.core.settings import Settings
from pactgraph.ontology.namespace import BASE, ONTOLOGY_IRI

ID_PREFIX = BASE + "id/"
# What SPARQL accepts between < and > (IRIREF), for an absolute http(s) IRI.
_SAFE_IRI = re.compile(r'^https?://[^<>"{}|^`\\\x00-\x20]+$')


def is_safe_iri(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) IRI that can go into a query as ``<text>``.

    >>> is_safe_iri("https://w3id.org/pactgraph/id/org/rosatom"), is_safe_iri("x> } DROP ALL {")
    (True, False)
    """
    if not _SAFE_IRI.match(text):
        return False
    try:  # the store's own IRI parser (RFC 3987: percent-escapes, ports, hosts...): pure validation
        pyoxigraph.NamedNode(text)
    except ValueError:
        return False
    return True


def base_path(settings: Settings) -> str:
    """The path part of the public base, without a trailing slash ("" for a root deployment)."""
    return urlsplit(settings.base_url).path.rstrip("/")


def local_href(iri: str, settings: Settings) -> str:
    """Where a browser on this server finds ``iri``: a local path for our IRIs, the IRI otherwise."""
    root = base_path(settings)
    if iri.startswith(ID_PREFIX):
        return f"{root}/id/{iri[len(ID_PREFIX) :]}"
    if iri.startswith(ONTOLOGY_IRI):
        return f"{root}/ontology{iri[len(ONTOLOGY_IRI) :]}"
    return iri


def iri_for_path(path: str) -> str:
    """``org/rosatom`` (the path after /id/) -> ``https://w3id.org/pactgraph/id/org/rosatom``."""
    return ID_PREFIX + path.strip("/")


def page_href(route: str, settings: Settings, **params: str) -> str:
    """A path to one of this server's own pages, with query parameters."""
    root = base_path(settings)
    query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items() if v not in (None, ""))
    return f"{root}{route}" + (f"?{query}" if query else "")
