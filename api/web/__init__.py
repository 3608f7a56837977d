"""Linked-data pages, browser views and visualisation exports (dereferenceable IRIs, editor, explorer).

One router, included by the API's ``create_app``; each module below serves one part:
``resources`` (/id/...), ``ontology_doc`` (/ontology), ``pages`` (home, class pages, timeline),
``search`` (/search, /api/lookup), ``editor`` (/editor), ``explorer`` (/explorer, /graph/...),
``dumps`` (/dumps/), ``assets`` (/static/web, /static/vendor).
"""

from fastapi import APIRouter

from . import assets, dumps, editor, explorer, ontology_doc, pages, resources, search

router = APIRouter()
for _module in (assets, pages, search, ontology_doc, resources, editor, explorer, dumps):
    router.include_router(_module.router, tags=["linked data and browser views"])
