"""What extraction produces: plain records, no database. Offsets point into the article's
stored text (``ParsedArticle.text``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntityInfo:
    """An entity an article refers to: from the catalog or discovered in the text."""

    key: str
    kind: str  # person | organization | place
    name: str
    name_en: str | None
    origin: str  # catalog | discovered
    wikidata: str | None = None
    country: str | None = None
    subkind: str | None = None
    # (alias, how it was learned): catalog, parenthetical, title, english
    aliases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Mention:
    key: str
    kind: str
    start: int
    end: int
    surface: str
    line: int


@dataclass(frozen=True)
class Role:
    """A title given to a person in this article (北约秘书长 → Stoltenberg)."""

    person_key: str
    title: str
    organization_key: str | None = None
    place_key: str | None = None


@dataclass(frozen=True)
class Statement:
    start: int
    end: int
    text: str
    verb: str
    kind: str  # direct | indirect
    line: int
    speaker_key: str | None
    speaker_kind: str | None
    speaker_text: str  # the words that name the speaker, as written
    anonymous: bool = False
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True)
class OutletRef:
    key: str
    name: str
    name_en: str
    short: str | None
    country: str | None
    domains: tuple[str, ...]
    origin: str  # catalog | domain
    evidence: str  # how it was recognised: "domain rfi.fr", "front matter author", ...


@dataclass
class Extraction:
    outlet: OutletRef
    entities: dict[str, EntityInfo] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
