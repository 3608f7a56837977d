"""Linked-data pages, browser views and visualisation exports (dereferenceable IRIs, editor, explorer)."""

from fastapi import APIRouter

router = APIRouter()
