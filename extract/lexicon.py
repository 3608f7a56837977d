"""Load and check the reviewed data files: the actor gazetteer and the trigger lexicons.

Both are TOML under ``extract/data/``; a malformed entry raises :class:`ConfigError` naming the file,
the entry and the fix. Loaded once per process (cached).
"""

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pactgraph.core.errors import ConfigError
from pactgraph.extract.slugs import slugify

ENTITY_CLASSES = (
    "State",
    "InternationalOrganization",
    "Company",
    "GovernmentBody",
    "Person",
    "Mechanism",
    "Agreement",
    "Event",
)
LANGUAGES = ("vi", "en", "ru")
_SAME_AS_PREFIXES = ("http://www.wikidata.org/entity/Q", "http://dbpedia.org/resource/")


def data_path(name: str) -> Path:
    """Path of a data file shipped in ``pactgraph.extract`` (``data/<name>``)."""
    return Path(str(resources.files("pactgraph.extract").joinpath("data", name)))


@dataclass(frozen=True)
class GazetteerEntry:
    """One canonical entity of the gazetteer."""

    slug: str
    cls: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    compound: tuple[str, ...] = ()
    country: str | None = None
    same_as: tuple[str, ...] = ()

    def all_names(self) -> list[tuple[str, str]]:
        """``(name, lang)`` of every label and alias."""
        names = [(label, lang) for lang, label in self.labels.items()]
        names += [(alias, lang) for lang, aliases in self.aliases.items() for alias in aliases]
        return names


@dataclass(frozen=True)
class Triggers:
    """The trigger lexicon of one language (see ``data/triggers.toml``)."""

    lang: str
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    home_state: str = ""
    demonyms: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> tuple[str, ...]:
        return self.lists.get(name, ())


def parse_gazetteer(data: dict, source: str) -> list[GazetteerEntry]:
    """Check the structure of a gazetteer document and build its entries."""

    def fail(index: int, message: str) -> ConfigError:
        return ConfigError(f"Gazetteer {source}: entity #{index + 1}: {message}")

    entries: list[GazetteerEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for i, raw in enumerate(data.get("entity", [])):
        slug = raw.get("slug")
        if not isinstance(slug, str) or slug != slugify(slug):
            raise fail(
                i, f"slug {slug!r} must be ASCII lower case words joined by '-' (e.g. {slugify(str(slug))!r})"
            )
        cls = raw.get("type")
        if cls not in ENTITY_CLASSES:
            raise fail(i, f"{slug}: type {cls!r} is not one of {', '.join(ENTITY_CLASSES)}")
        labels = raw.get("label", {})
        if not isinstance(labels, dict) or not all(isinstance(labels.get(k), str) for k in ("vi", "en")):
            raise fail(i, f"{slug}: label needs vi and en strings (ru where known)")
        if set(labels) - set(LANGUAGES):
            raise fail(i, f"{slug}: label languages must be among {LANGUAGES}")
        aliases = raw.get("aliases", {})
        if not isinstance(aliases, dict) or set(aliases) - set(LANGUAGES):
            raise fail(i, f"{slug}: aliases must be a table of lists keyed by {LANGUAGES}")
        for lang, names in aliases.items():
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                raise fail(i, f"{slug}: aliases.{lang} must be a list of non-empty strings")
        same_as = raw.get("same_as", [])
        if not all(isinstance(s, str) and s.startswith(_SAME_AS_PREFIXES) for s in same_as):
            raise fail(i, f"{slug}: same_as holds only Wikidata (Q...) or DBpedia resource IRIs")
        key = (cls, slug)
        if key in seen:
            raise fail(i, f"{slug}: repeats entity #{seen[key] + 1}")
        seen[key] = i
        entries.append(
            GazetteerEntry(
                slug=slug,
                cls=cls,
                labels=dict(labels),
                aliases={lang: tuple(names) for lang, names in aliases.items()},
                compound=tuple(raw.get("compound", [])),
                country=raw.get("country"),
                same_as=tuple(same_as),
            )
        )
    slugs = {e.slug for e in entries if e.cls == "State"}
    for i, entry in enumerate(entries):
        if entry.country is not None and entry.country not in slugs:
            raise fail(
                i, f"{entry.slug}: country {entry.country!r} is not the slug of a State in the gazetteer"
            )
    return entries


def parse_triggers(data: dict, source: str) -> dict[str, Triggers]:
    """Check the structure of the trigger lexicon and build one :class:`Triggers` per language."""
    out: dict[str, Triggers] = {}
    for lang in ("vi", "en"):
        section = data.get(lang)
        if not isinstance(section, dict):
            raise ConfigError(f"Trigger lexicon {source}: missing the [{lang}] table")
        lists: dict[str, tuple[str, ...]] = {}
        for name, value in section.items():
            if name == "home_state":
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(
                    f"Trigger lexicon {source}: [{lang}] {name} must be a list of non-empty strings"
                )
            lists[name] = tuple(value)
        for required in ("agreement_heads", "mechanism_heads", "event_heads", "company_heads", "titles"):
            if not lists.get(required):
                raise ConfigError(f"Trigger lexicon {source}: [{lang}] needs a non-empty {required} list")
        demonyms = data.get("demonyms", {}) if lang == "en" else {}
        if not all(isinstance(v, str) for v in demonyms.values()):
            raise ConfigError(f"Trigger lexicon {source}: [demonyms] values must be State slugs")
        out[lang] = Triggers(lang, lists, str(section.get("home_state", "")), dict(demonyms))
    return out


@lru_cache(maxsize=1)
def not_actor_names() -> tuple[str, ...]:
    """Place names that contain an actor's name but name no actor (``not_actors`` in the gazetteer)."""
    path = data_path("gazetteer.toml")
    names = _load_toml(path).get("not_actors", [])
    if not all(isinstance(n, str) and n.strip() for n in names):
        raise ConfigError(f"Gazetteer {path}: not_actors must be a list of non-empty strings")
    return tuple(names)


@lru_cache(maxsize=1)
def gazetteer_entries() -> tuple[GazetteerEntry, ...]:
    path = data_path("gazetteer.toml")
    return tuple(parse_gazetteer(_load_toml(path), str(path)))


@lru_cache(maxsize=1)
def triggers() -> dict[str, Triggers]:
    path = data_path("triggers.toml")
    return parse_triggers(_load_toml(path), str(path))


def _load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"Cannot read {path}: {exc}; fix the file (it is reviewed data, see its header)"
        ) from exc
