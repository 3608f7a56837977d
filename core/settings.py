"""The one settings object. Every value comes from a ``PACTGRAPH_*`` environment variable or its default.

Unsafe values are refused at start-up with a sentence that names the variable.
"""

import os
from functools import lru_cache
from pathlib import Path

from pactgraph.core.errors import ConfigError
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _usable_cores() -> int:
    """The cores this process may run on (a CPU affinity mask or a container's cpuset counts)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Settings(BaseSettings):
    """pactgraph configuration (see the README's table of variables)."""

    model_config = SettingsConfigDict(env_prefix="PACTGRAPH_", extra="ignore")

    # --- data ---
    corpus_dir: Path = Field(Path("data/corpus"), description="Folder of articles and corpus.tsv")
    data_dir: Path = Field(Path("data/store"), description="Where published stores and the pointer live")
    dumps_dir: Path | None = Field(None, description="Where dumps are written (default: DATA_DIR/dumps)")

    # --- extraction ---
    extract_max_bytes: int = Field(
        4 * 1024 * 1024,
        gt=0,
        description="Largest article file extract accepts (bytes); bigger files are refused, naming the file",
    )

    # --- the public face ---
    base_url: str = Field(
        "http://127.0.0.1:8000",
        description="Public base of this server; /id/... and /ontology resolve under it",
    )

    # --- the browser views (api/web) ---
    node_modules_dir: Path | None = Field(
        None,
        description="Front-end libraries installed by `make assets` (default: node_modules/ of the checkout)",
    )

    # --- remote SPARQL 1.1 backend instead of the embedded store ---
    backend_url: str | None = Field(None, description="Query URL of a remote SPARQL 1.1 store")
    backend_update_url: str | None = Field(None, description="Update URL of the remote store")
    backend_gsp_url: str | None = Field(None, description="Graph Store URL of the remote store")
    backend_user: str | None = None
    backend_password: str | None = None
    backend_timeout: float = Field(60.0, gt=0, description="Seconds a request to the remote store may take")

    # --- the build (graph/) ---
    inference_engine: str = Field("sparql", description="sparql (rules inside Oxigraph, faster) or owlrl")
    write_inference: bool = Field(
        True,
        description="Derive graph/inferred again after each write (turn off for very large stores)",
    )
    license_url: str = Field(
        "https://creativecommons.org/licenses/by/4.0/", description="dcterms:license of the published dataset"
    )

    # --- the endpoint ---
    host: str = "127.0.0.1"
    port: int = 8000
    # Twice the cores: a long query holds its worker (at low priority) until it ends or is stopped,
    # and the short queries of everybody else need workers of their own meanwhile.
    workers: int = Field(
        default_factory=lambda: max(2, min(16, 2 * _usable_cores())),
        ge=1,
        le=64,
        description="Query worker processes (default: twice the cores, 2 to 16)",
    )
    # Measured trade-off (docs/endpoint.md): at 10, +15 % requests/s on sub-ms queries when the cores
    # are saturated (the event loop wins the CPU), but a worse loaded p99 beside a slow query and
    # evaluation yielding to every other process on the machine; hence 0.
    worker_nice: int = Field(
        0, ge=0, le=18, description="CPU niceness of the query workers (a slow query's drops to 19)"
    )
    update_token: str | None = Field(None, description="Bearer token that enables updates; unset = read-only")
    query_timeout: float = Field(30.0, gt=0, le=3600, description="Seconds a query may run")
    max_body_bytes: int = Field(10 * 1024 * 1024, gt=0)
    max_query_chars: int = Field(100_000, gt=0)
    max_result_rows: int = Field(100_000, gt=0, description="SELECT rows returned before the cut")
    max_nesting: int = Field(
        200, gt=0, le=1000, description="Deepest bracket nesting a query may have (deeper crashes the engine)"
    )
    max_union_branches: int = Field(1000, gt=0, description="UNION keywords a query may have")
    max_header_bytes: int = Field(32 * 1024, gt=0, description="Request header block limit (431 beyond)")
    result_cache_bytes: int = Field(
        64 * 1024 * 1024, ge=0, description="Memory for cached serialised results"
    )
    service_allowlist: list[str] = Field(default_factory=list, description="Endpoints SERVICE may call")
    cache_control: str = "public, max-age=60"
    result_cache_entries: int = Field(512, ge=0)

    @field_validator("update_token")
    @classmethod
    def _token_strong_enough(cls, value: str | None) -> str | None:
        if value is not None and value != "" and len(value) < 16:
            raise ValueError(
                "PACTGRAPH_UPDATE_TOKEN is shorter than 16 characters; use a long random token "
                "(python -c 'import secrets; print(secrets.token_urlsafe(32))') or leave it unset"
            )
        return value or None

    @field_validator("inference_engine")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        if value not in ("sparql", "owlrl"):
            raise ValueError("PACTGRAPH_INFERENCE_ENGINE must be sparql or owlrl")
        return value

    @field_validator("base_url")
    @classmethod
    def _base_url_absolute(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("PACTGRAPH_BASE_URL must be an absolute http(s) URL")
        return value.rstrip("/")

    @property
    def resolved_dumps_dir(self) -> Path:
        return self.dumps_dir or self.data_dir / "dumps"


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with keyword overrides; errors become :class:`ConfigError`."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValueError as exc:  # pydantic.ValidationError is a ValueError
        raise ConfigError(str(exc)) from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (tests build their own with :func:`load_settings`)."""
    return load_settings()
