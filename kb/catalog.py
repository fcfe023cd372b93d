"""The catalogs kept as data under ``kb/data/``: outlets, people, organizations, places and
the lexicon of reporting verbs and titles. Loaded and checked once per process."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kb.normalise import normalise_key

PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
ENTITY_KINDS = (PERSON, ORGANIZATION, PLACE)


class CatalogError(ValueError):
    """A catalog file that does not follow its format."""


@dataclass(frozen=True)
class Entry:
    """A person, organization or place known in advance."""

    key: str
    kind: str
    name: str
    name_en: str
    wikidata: str | None = None
    country: str | None = None
    subkind: str | None = None
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    speaks_for: str | None = None  # a place whose name stands for an institution (布鲁塞尔)

    @property
    def names(self) -> tuple[str, ...]:
        """Every unambiguous written form, canonical first."""
        return tuple(dict.fromkeys([self.name, self.name_en, *self.aliases]))


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    name_en: str
    short: str | None
    country: str | None
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    wikidata: str | None = None
    # What archives call the outlet's feed in front matter (agora's `categories: reuters`):
    # evidence of the outlet there only, never a name in running text.
    feeds: tuple[str, ...] = ()


@dataclass
class Catalog:
    entries: dict[str, Entry]
    outlets: dict[str, Outlet]
    lexicon: dict[str, Any]
    # normalised alias -> keys; `ambiguous_index` holds forms that need context
    alias_index: dict[str, set[str]] = field(default_factory=dict)
    ambiguous_index: dict[str, set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[str, set[str]] = defaultdict(set)
        ambiguous: dict[str, set[str]] = defaultdict(set)
        for entry in self.entries.values():
            for name in entry.names:
                index[normalise_key(name)].add(entry.key)
            for name in entry.ambiguous:
                ambiguous[normalise_key(name)].add(entry.key)
        # 国防部 is ambiguous, 美国国防部 and 美国防部 are not: prefix each ambiguous short form
        # of a national body with its country's names and one-character abbreviation.
        countries = {
            e.country.upper(): e
            for e in self.entries.values()
            if e.kind == PLACE and e.subkind == "country" and e.country
        }
        for entry in self.entries.values():
            country = countries.get((entry.country or "").upper())
            if entry.kind != ORGANIZATION or country is None:
                continue
            prefixes = [n for n in [country.name, *country.aliases, *country.abbreviations]
                        if n and not n.isascii()]
            for short in entry.ambiguous:
                for prefix in prefixes:
                    index[normalise_key(prefix + short)].add(entry.key)
        # A form two entries claim is ambiguous for both, whatever the files say.
        for form, keys in list(index.items()):
            if len(keys) > 1:
                ambiguous[form] |= index.pop(form)
        for form in list(ambiguous):
            if form in index:
                ambiguous[form] |= index.pop(form)
        index.pop("", None)
        ambiguous.pop("", None)
        self.alias_index = dict(index)
        self.ambiguous_index = dict(ambiguous)

    def outlet_for_domain(self, host: str | None) -> Outlet | None:
        """The outlet whose domain is ``host`` or a parent of it (www.rfi.fr → rfi.fr)."""
        if not host:
            return None
        host = host.lower().rstrip(".")
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets.values():
            for domain in outlet.domains:
                if (host == domain or host.endswith("." + domain)) and (
                    best is None or len(domain) > best[0]
                ):
                    best = (len(domain), outlet)
        return best[1] if best else None

    @cached_property
    def _outlet_names(self) -> dict[str, Outlet]:
        names: dict[str, Outlet] = {}
        for outlet in self.outlets.values():
            for form in [outlet.name, outlet.name_en, outlet.short, *outlet.aliases]:
                if form:
                    names.setdefault(normalise_key(form), outlet)
        return names

    def outlet_for_name(self, name: str) -> Outlet | None:
        return self._outlet_names.get(normalise_key(name))

    @cached_property
    def _outlet_feeds(self) -> dict[str, Outlet]:
        return {feed.casefold(): outlet for outlet in self.outlets.values() for feed in outlet.feeds}

    def outlet_for_feed(self, feed: str) -> Outlet | None:
        """The outlet an archive's feed name (front matter ``categories``) stands for."""
        return self._outlet_feeds.get(feed.strip().casefold())

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """One-character country forms used inside compounds: 俄 → russia."""
        result: dict[str, str] = {}
        for entry in self.entries.values():
            for abbreviation in entry.abbreviations:
                result.setdefault(normalise_key(abbreviation), entry.key)
        return result

    def by_country(self, code: str) -> Entry | None:
        return self._countries.get(code.upper())

    @cached_property
    def _countries(self) -> dict[str, Entry]:
        return {
            e.country.upper(): e
            for e in self.entries.values()
            if e.kind == PLACE and e.subkind == "country" and e.country
        }


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v is not None and str(v).strip())


def _read(directory: Path | None, name: str) -> Any:
    if directory is None:
        text = resources.files("kb.data").joinpath(name).read_text("utf-8")
    else:
        text = (directory / name).read_text("utf-8")
    try:
        # libyaml's C loader parses the catalogs in a tenth of the time, when it is built in.
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise CatalogError(f"{name}: invalid YAML: {exc}") from None


def _entries(directory: Path | None, name: str, kind: str) -> list[Entry]:
    data = _read(directory, name) or []
    if not isinstance(data, list):
        raise CatalogError(f"{name}: expected a list of entries")
    entries = []
    for position, item in enumerate(data, 1):
        if not isinstance(item, dict) or not item.get("key") or not item.get("name"):
            raise CatalogError(f"{name}: entry {position} needs at least 'key' and 'name'")
        entries.append(
            Entry(
                key=str(item["key"]),
                kind=kind,
                name=str(item["name"]),
                name_en=str(item.get("name_en") or item["name"]),
                wikidata=item.get("wikidata") or None,
                country=item.get("country") or None,
                subkind=item.get("kind") if kind != PERSON else None,
                aliases=_tuple(item.get("aliases")),
                ambiguous=_tuple(item.get("ambiguous")),
                roles=_tuple(item.get("roles")),
                abbreviations=_tuple(item.get("abbreviations")),
                metonyms=_tuple(item.get("metonyms")),
                speaks_for=item.get("speaks_for") or None,
            )
        )
    return entries


def load_catalog(directory: str | Path | None = None) -> Catalog:
    """Load every catalog file from ``directory`` (default: the packaged ``kb/data``)."""
    path = Path(directory) if directory is not None else None
    entries: dict[str, Entry] = {}
    for file_name, kind in (
        ("people.yaml", PERSON),
        ("organizations.yaml", ORGANIZATION),
        ("places.yaml", PLACE),
    ):
        for entry in _entries(path, file_name, kind):
            if entry.key in entries:
                raise CatalogError(f"{file_name}: duplicate key {entry.key!r}")
            entries[entry.key] = entry
    outlets: dict[str, Outlet] = {}
    for position, item in enumerate(_read(path, "outlets.yaml") or [], 1):
        if not isinstance(item, dict) or not item.get("key") or not item.get("name"):
            raise CatalogError(f"outlets.yaml: entry {position} needs 'key' and 'name'")
        outlet = Outlet(
            key=str(item["key"]),
            name=str(item["name"]),
            name_en=str(item.get("name_en") or item["name"]),
            short=item.get("short") or None,
            country=item.get("country") or None,
            domains=tuple(d.lower() for d in _tuple(item.get("domains"))),
            aliases=_tuple(item.get("aliases")),
            wikidata=item.get("wikidata") or None,
            feeds=_tuple(item.get("feeds")),
        )
        outlets[outlet.key] = outlet
        # An outlet named in the text of an article is an organization mention.
        if outlet.key not in entries:
            entries[outlet.key] = Entry(
                key=outlet.key,
                kind=ORGANIZATION,
                name=outlet.name,
                name_en=outlet.name_en,
                wikidata=outlet.wikidata,
                country=outlet.country,
                subkind="news_outlet",
                aliases=tuple(a for a in [*outlet.aliases, outlet.short or ""] if a),
            )
    lexicon = _read(path, "lexicon.yaml")
    if not isinstance(lexicon, dict) or "reporting_verbs" not in lexicon:
        raise CatalogError("lexicon.yaml: expected a mapping with 'reporting_verbs'")
    return Catalog(entries=entries, outlets=outlets, lexicon=lexicon)


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return load_catalog()
