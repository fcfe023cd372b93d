"""Find people, organizations and places in an article.

Works on the normalised view of the whole stored text. A single left-to-right scan matches
catalog aliases and titles, longest first. Unknown people are discovered from
``中文名（English Name）`` and from a title followed by a transliterated name. Short forms that
several entries share (国防部, 约翰逊) are resolved from context or dropped, never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import groupby, repeat
from operator import itemgetter

import ahocorasick

from kb.catalog import ENTITY_KINDS, PERSON, PLACE, Catalog, Entry
from kb.extract.records import EntityInfo
from kb.extract.text import DATE_UNITS
from kb.normalise import NormalisedText, normalise_key

ENTITY = "entity"
TITLE = "title"


@dataclass(slots=True, init=False)
class Token:
    """A match in the normalised view. ``keys`` has one key once resolved."""

    start: int
    end: int
    type: str  # entity | title
    keys: frozenset[str] = frozenset()
    ambiguous: bool = False
    title: str | None = None
    abbreviation: bool = False
    metonym: bool = False
    # The one key (None while ambiguous or keyless). Read very often, so kept rather than
    # derived on each read: change ``keys`` and ``ambiguous`` only through ``resolve``.
    key: str | None = field(repr=False, compare=False)

    def __init__(
        self,
        start: int,
        end: int,
        type: str,
        keys: frozenset[str] = frozenset(),
        ambiguous: bool = False,
        title: str | None = None,
        abbreviation: bool = False,
        metonym: bool = False,
    ) -> None:
        # Written out (not generated with a __post_init__) as scan makes very many.
        self.start, self.end, self.type, self.keys, self.ambiguous = start, end, type, keys, ambiguous
        self.title, self.abbreviation, self.metonym = title, abbreviation, metonym
        self.key = next(iter(keys)) if len(keys) == 1 and not ambiguous else None

    def resolve(self, key: str | None) -> None:
        """Settle an ambiguous token on ``key``, or on no key."""
        self.keys = frozenset([key]) if key else frozenset()
        self.ambiguous = False
        self.key = key or None


@lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    text = resources.files("kb.data").joinpath("transliteration.txt").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return frozenset("".join("".join(lines).split()))


@lru_cache(maxsize=1)
def _transliteration_run() -> re.Pattern[str]:
    """2 to 10 transliteration characters or middle dots: a speaker name's run."""
    chars = "".join(re.escape(c) for c in sorted(transliteration_chars() | {"·"}))
    return re.compile(f"[{chars}]{{2,10}}")


class Matcher:
    """The catalog's forms, indexed for longest-first matching at each position."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        lexicon = catalog.lexicon
        titles = lexicon["titles"]
        self.unique_titles = {normalise_key(t) for t in titles["unique"]}
        self.titles = self.unique_titles | {normalise_key(t) for t in titles["other"]}
        self.title_prefixes = [normalise_key(p) for p in titles["prefixes"]]
        forms: dict[str, tuple[str, frozenset[str], bool]] = {}
        for form in self.titles:
            forms[form] = (TITLE, frozenset(), False)
            for prefix in self.title_prefixes:
                forms.setdefault(prefix + form, (TITLE, frozenset(), False))
        for form, keys in catalog.ambiguous_index.items():
            forms[form] = (ENTITY, frozenset(keys), True)
        for form, keys in catalog.alias_index.items():
            forms[form] = (ENTITY, frozenset(keys), False)
        self.metonyms: dict[str, str] = {}
        for entry in catalog.entries.values():
            for metonym in entry.metonyms:
                form = normalise_key(metonym)
                forms[form] = (ENTITY, frozenset([entry.key]), False)
                self.metonyms[form] = entry.key
        self.forms = forms
        # 加国, 墨国: a country's short form, one character and 国, that is not its name (as
        # 韩国 is); before some characters its 国 begins another word (以国籍, 参加国际).
        self.short_country_forms = frozenset(
            normalise_key(alias) for entry in catalog.entries.values() if entry.subkind == "country"
            for alias in entry.aliases if len(alias) == 2 and alias[1] in "国國"
            and normalise_key(alias) != normalise_key(entry.name)
        )
        self.abbreviations = catalog.abbreviations
        # Characters no name has (的, 在, 说 …): a run holding one is no name after a title.
        self.not_name_chars = frozenset(lexicon.get("not_name_starts", ""))
        self.abbreviation_words = frozenset(lexicon.get("abbreviation_words", ()))
        self.short_country_breakers = frozenset(normalise_key(lexicon.get("short_country_breakers", "")))
        # 另译, 又译: what introduces another transliteration of a bracketed name
        self.alias_markers = tuple(normalise_key(m) for m in lexicon.get("alias_markers", ()))
        # Latin words of places' and bodies' names (Tel Qulaib, Kew Gardens): no person's
        words = (*lexicon.get("place_latin_words", ()), *lexicon.get("organization_latin_words", ()))
        self.thing_latin_words = frozenset(normalise_key(w) for w in words)
        # The automaton reads the text as UTF-16 code units (see ``form_hits``).
        self.automaton = ahocorasick.Automaton()
        for form in forms:
            self.automaton.add_word(_code_units(form, "surrogatepass"), len(form))
        self.automaton.make_automaton()
        self._plain_automaton: ahocorasick.Automaton | None = None
        self.abbreviation_chars = re.compile(
            "[" + "".join(re.escape(c) for c in self.abbreviations) + "]" if self.abbreviations else "(?!)"
        )
        self.lengths: dict[str, list[int]] = defaultdict(list)
        for form in forms:
            self.lengths[form[0]].append(len(form))
        for first in self.lengths:
            self.lengths[first] = sorted(set(self.lengths[first]), reverse=True)
        title_lengths: dict[str, set[int]] = defaultdict(set)
        for form, (kind, _, _) in forms.items():
            if kind == TITLE:
                title_lengths[form[0]].add(len(form))
        self.title_lengths = {c: sorted(ls, reverse=True) for c, ls in title_lengths.items()}
        self._infos: dict[str, EntityInfo] = {}
        self._roles: dict[str, tuple[str, ...]] = {}
        self.anonymous_heads = sorted(
            (normalise_key(h) for h in lexicon["anonymous_heads"]), key=len, reverse=True
        )
        self.reporting_verbs = tuple(
            sorted((normalise_key(v) for v in lexicon["reporting_verbs"]), key=len, reverse=True)
        )
        # What makes a name part of a thing's name (道琼斯指数: 指 is no verb there).
        self.not_person_after = tuple(normalise_key(w) for w in lexicon["not_person_after"])

    def entry(self, key: str) -> Entry | None:
        return self.catalog.entries.get(key)

    def catalog_info(self, entry: Entry) -> EntityInfo:
        """The entity record of a catalog entry, made once (it is immutable)."""
        info = self._infos.get(entry.key)
        if info is None:
            info = self._infos[entry.key] = EntityInfo(
                key=entry.key,
                kind=entry.kind,
                name=entry.name,
                name_en=entry.name_en,
                origin="catalog",
                wikidata=entry.wikidata,
                country=entry.country,
                subkind=entry.subkind,
                aliases=tuple((a, "catalog") for a in (*entry.names, *entry.metonyms)),
            )
        return info

    def roles_of(self, entry: Entry) -> tuple[str, ...]:
        """The entry's roles, normalised (made once)."""
        roles = self._roles.get(entry.key)
        if roles is None:
            roles = self._roles[entry.key] = tuple(normalise_key(r) for r in entry.roles)
        return roles

    def form_hits(self, view: str) -> Iterator[tuple[int, int]]:
        """``(start, length)`` of every occurrence of every catalog form in ``view``.

        pyahocorasick finds a node's child by a linear search, and the root has a child for
        each of the ~400 characters forms start with, so a text of whole characters is slow
        to scan. Written as UTF-16-BE bytes (one Latin-1 character per byte) a character is
        two letters and the root has a child per high byte (~80): a few times faster. A hit
        at an odd byte straddles two characters and is no hit. Text with characters outside
        the BMP (two code units each) is scanned as it is.
        """
        try:
            units = _code_units(view, "strict")
        except UnicodeEncodeError:  # a lone surrogate
            units = ""
        if len(units) == 2 * len(view):
            for end, length in self.automaton.iter(units):
                start = end + 1 - 2 * length
                if not start & 1:
                    yield start >> 1, length
            return
        if self._plain_automaton is None:
            self._plain_automaton = ahocorasick.Automaton()
            for form in self.forms:
                self._plain_automaton.add_word(form, len(form))
            self._plain_automaton.make_automaton()
        for end, length in self._plain_automaton.iter(view):
            yield end - length + 1, length

    def form_starts(self, view: str, pos: int) -> bool:
        """Whether a catalog form of two characters or more starts at ``pos``."""
        lengths = self.lengths.get(view[pos : pos + 1], ())
        return any(n >= 2 and view[pos : pos + n] in self.forms for n in lengths)

    def starts_title(self, text: str, at: int) -> int:
        """Length of the title starting at ``at`` (0 if none)."""
        first = text[at : at + 1]
        lengths = self.lengths.get(first, ())
        if lengths and at + lengths[0] <= len(text):
            # Every slice comes out whole, so only a title's length can hold a title. (Near the
            # end a slice comes out short, and the longest length can find a shorter form.)
            lengths = self.title_lengths.get(first, ())
        for length in lengths:
            form = text[at : at + length]
            hit = self.forms.get(form)
            if hit and hit[0] == TITLE:
                return length
        return 0


def _code_units(text: str, errors: str) -> str:
    """``text`` as UTF-16-BE, one Latin-1 character per byte."""
    return text.encode("utf-16-be", errors).decode("latin-1")


def matcher_for(catalog: Catalog) -> Matcher:
    """The catalog's matcher, built once per catalog object."""
    matcher = catalog.__dict__.get("_matcher")
    if matcher is None:
        matcher = catalog.__dict__["_matcher"] = Matcher(catalog)
    return matcher


_LATIN_WORD = re.compile(r"[a-z0-9]+")
_DATE_AFTER = re.compile(r"\d{1,4}[" + DATE_UNITS + "]")


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _inside_dotted_name(view: str, at: int, form: str) -> bool:
    """Whether a transliterated form starts inside the surname of a dotted foreign name: a
    middle dot, one to three transliteration characters, then the form."""
    dot = view.rfind("·", max(0, at - 4), at)
    if dot < 0 or dot == at - 1:
        return False
    chars = transliteration_chars()
    return all(c in chars for c in view[dot + 1 : at]) and all(c in chars for c in form)


def _surname_after_dot(view: str, at: int, form: str) -> bool:
    """Whether a form right after a middle dot ends a foreign name there: two or more
    transliteration characters before the dot, and none after the form (斯科特·波士顿表示)."""
    chars = transliteration_chars()
    if at < 3 or view[at - 1] != "·":
        return False
    end = at + len(form)
    return all(c in chars for c in view[at - 3 : at - 1]) and view[end : end + 1] not in chars


def _in_hyphenated_name(view: str, start: int, end: int, form: str) -> bool:
    """Whether a transliterated form is one part of a foreign name joined by a hyphen
    (海尔-塞拉西一世, 夸梅-恩克鲁玛): two transliteration characters across the hyphen."""
    chars = transliteration_chars()
    if not all(c in chars for c in form):
        return False
    after = view[end : end + 1] in ("-", "‐") and len(view) >= end + 3 and all(
        c in chars for c in view[end + 1 : end + 3]
    )
    before = view[start - 1 : start] in ("-", "‐") and start >= 3 and all(
        c in chars for c in view[start - 3 : start - 1]
    )
    return after or before


def scan(view: str, matcher: Matcher, extra: dict[str, str] | None = None) -> list[Token]:
    """Match catalog forms (and article-local ``extra`` forms → keys) left to right."""
    tokens: list[Token] = []
    extra = extra or {}
    # Candidates as (start, -length), so that one sort (in C) orders them by start and, at a
    # start, longest first: the catalog's forms from its automaton, the article's few local
    # forms by plain search, and each abbreviation character with length 0 (so that its
    # position is visited; it is tried after any form starting there).
    candidates = [(start, -length) for start, length in matcher.form_hits(view)]
    for form in extra:
        at = view.find(form)
        while at >= 0:
            candidates.append((at, -len(form)))
            at = view.find(form, at + 1)
    candidates += zip(map(re.Match.start, matcher.abbreviation_chars.finditer(view)), repeat(0))
    # where each of the article's own people starts → the end of the longest there
    people_ends: dict[int, int] = {}
    for start, negative_length in candidates:
        form = view[start : start - negative_length]
        if negative_length and extra.get(form, "").startswith("person:"):
            people_ends[start] = max(people_ends.get(start, 0), start - negative_length)
    candidates.sort()
    forms = matcher.forms
    n = len(view)
    i = 0
    for start, group in groupby(candidates, itemgetter(0)):
        if start < i:
            continue
        i = start
        char = view[i]
        found: Token | None = None
        for _, negative_length in group:
            if not negative_length:
                break
            length = -negative_length
            form = view[i : i + length]
            hit = (ENTITY, frozenset([extra[form]]), False) if form in extra else forms[form]
            kind, keys, ambiguous = hit
            end = i + length
            if form[0].isascii() and form[0].isalnum() and i > 0 and (
                _is_word_char(view[i - 1]) or view[i - 1] == "-" and i > 1 and _is_word_char(view[i - 2])
            ):
                continue
            if form[-1].isascii() and form[-1].isalnum() and view[end : end + 1] == "-" and (
                end + 1 < n and _is_word_char(view[end + 1])
            ):
                continue  # (Asia-Plus: a hyphenated Latin name, not the catalog's Asia)
            if form[-1].isascii() and form[-1].isalnum() and end < n and _is_word_char(view[end]) and not (
                form[-1].isalpha() and _DATE_AFTER.match(view, end)
            ):
                continue  # (Netflix | 24日: a date written right after the name ends it)
            if kind != TITLE and _inside_dotted_name(view, i, form):
                continue  # 塞西尔·布 | 里昂: a surname's last characters, not the city
            if kind == ENTITY and form not in extra and _surname_after_dot(view, i, form) and all(
                (entry := matcher.entry(key)) is not None and entry.kind == PLACE for key in keys
            ):
                continue  # 斯科特· | 波士顿: a foreign name's surname, not the city
            if kind != TITLE and form not in extra and _in_hyphenated_name(view, i, end, form) and all(
                (entry := matcher.entry(key)) is not None and entry.kind not in (PLACE, PERSON)
                for key in keys
            ):
                continue  # 海尔 | -塞拉西: a foreign name's part, not the company (俄罗斯-乌克兰战争 stays)
            # 以北约50公里: 约 before a number is "about", not the end of a name.
            if form.endswith("约") and view[end : end + 1].isdigit():
                continue
            if kind == ENTITY and keys and form not in extra and any(
                i < j < end < people_ends.get(j, 0) for j in range(i + 1, end)
            ) and all(
                (entry := matcher.entry(key)) is not None and entry.kind == PLACE for key in keys
            ):
                continue  # 委员 | 林文耀: the article's person crossing a catalog place (员林) is the name
            if form in matcher.short_country_forms and (
                view[end : end + 1] in matcher.short_country_breakers
                and not matcher.form_starts(view, end)  # (加国 | 外交部: the country's own body)
            ):
                continue
            # 联合报告 is a joint report, not 联合报 and 告: "X报" + "告" is a report.
            if kind == ENTITY and form.endswith("报") and view[end : end + 1] == "告":
                continue
            # 外交部长 is a minister, not the ministry: "X部" + "长" is a title; 公安部门 is the
            # police in general, a bare "X部" + "门" a department of some sort (not 法国外交部门).
            if kind == ENTITY and form.endswith("部") and (
                view[end : end + 1] == "长" or (view[end : end + 1] == "门" and len(form) <= 3)
            ):
                continue
            # 美国务卿 = 美 + 国务卿: an abbreviation followed by a longer title wins.
            if char in matcher.abbreviations and matcher.starts_title(view, i + 1) >= length:
                break
            found = Token(i, end, kind, keys, ambiguous, title=form if kind == TITLE else None,
                          metonym=form in matcher.metonyms)
            break
        if found is None and char in matcher.abbreviations and _abbreviation_context(view, i, matcher):
            found = Token(i, i + 1, ENTITY, frozenset([matcher.abbreviations[char]]), False,
                          abbreviation=True)
        if found is not None:
            tokens.append(found)
            i = found.end
    return tokens


_TITLE_MARKS = re.compile(r"《([^《》\n]{1,40})》")


def drop_inside_titles(tokens: list[Token], view: str) -> list[Token]:
    """Names inside 《…》 belong to a title (《明斯克协议》), not to the text; a title that is
    itself a name (《金融时报》) stays."""
    spans = [(m.start(1), m.end(1)) for m in _TITLE_MARKS.finditer(view)]
    if not spans:
        return tokens
    return [
        t for t in tokens
        if not any(a <= t.start and t.end <= b and (t.start, t.end) != (a, b) for a, b in spans)
    ]


def _abbreviation_context(view: str, i: int, matcher: Matcher) -> bool:
    """俄 in 俄乌, 美 in 美俄, 俄 in 俄总统 / 俄外交官员 / 俄方: a one-character country form
    counts only inside such compounds."""
    abbreviations = matcher.abbreviations
    before = view[i - 1] if i > 0 else ""
    after = view[i + 1] if i + 1 < len(view) else ""
    if view[i : i + 2] in matcher.abbreviation_words:
        return False  # 香港 | 法院: a word the character begins
    words = matcher.abbreviation_words
    if (after in abbreviations and after != view[i] and view[i + 1 : i + 3] not in words) or (
        before in abbreviations and before != view[i]
    ):
        return True  # (宪法 | 法院: one character twice is no pair of countries; 中 | 美洲 none either)
    if after in ("方", "军", "国") and view[i : i + 2] != "美国":
        return after != "国"
    if matcher.starts_title(view, i + 1):
        return True
    rest = view[i + 1 : i + 6]
    return any(rest.startswith(h) or rest[2:].startswith(h) for h in ("外交官员", "官员", "外长"))


# --- discovery ------------------------------------------------------------------------------

# 中文名（English Name）, the bracket perhaps going on after a comma (…，另译阿列格雷; …，图右).
_PARENTHETICAL = re.compile(
    r"([\u4e00-\u9fff·]{2,24})[（(]\s*([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f.'\- ]{1,60}?)\s*"
    r"(?P<tail>[，,；;][^（）()]{0,24})?[)）]"
)
_OPENING_PARENTHESIS = re.compile(r"[（(]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff·]+")
_NAME_MAX = 24  # the longest name run of ``_PARENTHETICAL``


def _parentheticals(view: str) -> Iterator[re.Match[str]]:
    """The matches ``_PARENTHETICAL.finditer(view)`` gives, found from the parentheses.

    The name run cannot contain a parenthesis, so a match's run ends at the first one after
    its start; the earliest start that reaches a given parenthesis is where its run begins
    (at most 24 back), and if the regex fails there it fails at every later start too. So
    the regex is tried once per parenthesis instead of at every character of the text.
    """
    resume = 0  # where finditer would search on from
    for parenthesis in _OPENING_PARENTHESIS.finditer(view):
        at = parenthesis.start()
        start, floor = at, max(resume, at - _NAME_MAX)
        while start > floor and ("\u4e00" <= view[start - 1] <= "\u9fff" or view[start - 1] == "·"):
            start -= 1
        if at - start < 2:
            continue
        match = _PARENTHETICAL.match(view, start)
        if match:
            yield match
            resume = match.end()


def slug(text: str) -> str:
    """The key part of a Latin name: lowercase words joined by hyphens (Moore Threads → moore-threads)."""
    # Accents folded (Efraín → efrain), so that a name keys one person however it is spelled.
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _translit_suffix(run: str) -> str:
    chars = transliteration_chars()
    start = len(run)
    while start > 0 and (run[start - 1] in chars or run[start - 1] == "·"):
        start -= 1
    return run[start:].lstrip("·")


def _after_title(run: str, name: str, titles: set[str]) -> str:
    """``name`` (the run's transliterated end) without a title's last characters that it
    took in (党主席 | 萨伊德: 席 is a transliteration character too)."""
    start = len(run) - len(name)
    for cut in range(len(run) - 2, start, -1):
        if any(run[:cut].endswith(title) for title in titles if cut - len(title) < start):
            return run[cut:]
    return name


def _after_person_word(run: str, words: set[str]) -> str:
    """The two to four Chinese characters that end ``run`` right after a word for a person."""
    for cut in range(len(run) - 2, max(len(run) - 4, 1) - 1, -1):
        if _HAN_RUN.fullmatch(run[cut:]) and any(run[:cut].endswith(word) for word in words):
            return run[cut:]
    return ""


def _person_words(matcher: Matcher) -> set[str]:
    """Titles, kin and person nouns: the words a name may follow (丈夫加迪·哈盖)."""
    lexicon = matcher.catalog.lexicon
    return matcher.titles | {w for w in (*lexicon["kin"], *lexicon["person_nouns"]) if len(w) >= 2}


def _looks_like_person_name(english: str) -> bool:
    words = english.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() for w in words if w[0].isalpha()) and not (
        english.isupper()
    )


def _person_around_place(run: str, tail: str, matcher: Matcher) -> str:
    """乘客佐和田（Tsubasa Sawada）: a place's name (和田) ending a person's, right after a word
    for a person — the person glossed, one or two characters longer; or "" if it is not so."""
    words = tuple(_person_words(matcher))
    for extra in (1, 2):
        name = run[-(len(tail) + extra):]
        if len(name) == len(tail) + extra and _HAN_RUN.fullmatch(name) and run[: -len(name)].endswith(words):
            return name
    return ""


def _is_place(form: str, matcher: Matcher, tagged: Mapping[str, str] | None) -> bool:
    """Whether the catalog (one entry) or the tagger reads ``form`` as a place."""
    hit = matcher.forms.get(form)
    if hit and hit[0] == ENTITY and len(hit[1]) == 1:
        entry = matcher.entry(next(iter(hit[1])))
        return entry is not None and entry.kind == PLACE
    return bool(tagged) and tagged.get(form, "").startswith("place:")


def discover(
    text: NormalisedText, matcher: Matcher, entities: dict[str, EntityInfo],
    taken: Mapping[str, str] | None = None, tagged: Mapping[str, str] | None = None,
    company_after: tuple[str, ...] = (),
) -> dict[str, str]:
    """Discover people from ``中文名（English Name）``; return article-local forms → keys.

    An English name the catalog knows links a new transliteration to that entry; an unknown
    one creates a person keyed by the English name, so the same person merges across
    articles only on that evidence.
    """
    found: dict[str, str] = {}
    english_index = matcher.catalog.alias_index
    for match in _parentheticals(text.text):
        english = text.original_slice(*match.span(2)).strip()
        if not _looks_like_person_name(english) or taken and normalise_key(english) in taken or (
            matcher.thing_latin_words.intersection(_LATIN_WORD.findall(normalise_key(english)))
        ):  # (Home Depot Inc., HD: a word with its punctuation is still that word)
            continue  # not a person's name, or an organization's (kb/extract/bracketed.py)
        run = match.group(1)
        # A known form right before the parenthesis (柯比（John Kirby）) is the name.
        chinese = ""
        for length in range(min(len(run), 12), 1, -1):
            tail = run[-length:]
            hit = matcher.forms.get(tail)
            if hit and hit[0] == ENTITY and not hit[2]:
                chinese = tail
                break
        if chinese and not _english_agrees(matcher.entry(next(iter(matcher.forms[chinese][1]))), english):
            # 伦岑布林克（Anne Renzenbrink）: the catalog's 布林克 is someone else; the English
            # name is the stronger evidence.
            chinese = ""
        if not chinese or _is_place(chinese, matcher, tagged):
            # (乘客佐和田（Tsubasa Sawada）: a glossed person's name ending in a place's)
            chinese = next((name for length in range(min(len(run), 6), 1, -1)
                            if _is_place(run[-length:], matcher, tagged)
                            and (name := _person_around_place(run, run[-length:], matcher))), chinese)
        if not chinese:
            # 強生（Dominic Johnson）: a form the catalog shares among several (Boris, a company)
            # is, glossed so, the one the English names — or someone new
            for length in range(min(len(run), 12), 1, -1):
                tail, before = run[-length:], run[:-length]
                hit = matcher.forms.get(tail)
                people = hit and hit[0] == ENTITY and hit[2] and any(
                    (e := matcher.entry(k)) is not None and e.kind == PERSON for k in hit[1]
                )
                if people and (not before or before.endswith(tuple(_person_words(matcher)))):
                    chinese = tail
                    break
        addressed = ""
        if not chinese:
            # (the title or person word before the name: 党主席 | 萨伊德, 丈夫 | 加迪·哈盖; and
            # the term of address after it: 弗尔 | 女士（Julia Faure）)
            addressed = next((a for a in matcher.catalog.lexicon["address_terms"]
                              if run.endswith(a) and len(run) > len(a) + 1), "")
            run = run[: len(run) - len(addressed)]
            chinese = _after_title(run, _translit_suffix(run), _person_words(matcher))
            if tagged and tagged.get(chinese[1:], "").startswith("person:"):
                chinese = chinese[1:]  # 属于 | 杰瑞米·博伊文: a verb's character the tagger left out
        if len(chinese.replace("·", "")) < 2:
            # (教授盖立（Ed Galea）: a name of characters seldom transliterating, right after a
            # word for a person)
            chinese = _after_person_word(run, _person_words(matcher))
        if len(chinese.replace("·", "")) < 2:
            continue
        if tagged and tagged.get(chinese, "").startswith("place:"):
            continue  # 努尔沙姆斯（Nur Shams）难民营: a place the tagger and the rules read, glossed
        if tagged and tagged.get(chinese, "").startswith("organization:") and company_after and re.search(
            re.escape(chinese) + "(?:" + "|".join(map(re.escape, company_after)) + ")", text.text
        ):
            continue  # 美国沃尔玛(Walmart U.S.) beside 沃尔玛股价: a company, glossed (安华 is no company)
        keys = english_index.get(normalise_key(english), set())
        known = matcher.forms.get(chinese)
        # (強生（Dominic Johnson）: the catalog's 強生 is Boris; the English name says who this is)
        named = matcher.entry(next(iter(known[1]))) if known and len(known[1]) == 1 else None
        if known and known[0] == ENTITY and not known[2] and len(known[1]) == 1 and (
            named is None or named.kind != PERSON or _english_agrees(named, english)
        ):
            key = next(iter(known[1]))
        elif len(keys) == 1:
            key = next(iter(keys))
        else:
            key = "person:" + slug(english)
        entry = matcher.entry(key)
        if entry is not None and entry.kind != PERSON:
            continue
        original_chinese = text.original_slice(match.start(1) + len(run) - len(chinese),
                                               match.end(1) - len(addressed))
        previous = entities.get(key)
        learned = tuple(previous.aliases) if previous else ()
        learned += ((original_chinese, "parenthetical"), (english, "parenthetical"))
        entities[key] = EntityInfo(
            key=key,
            kind=PERSON,
            name=entry.name if entry else (previous.name if previous else original_chinese),
            name_en=entry.name_en if entry else english,
            origin="catalog" if entry else "discovered",
            wikidata=entry.wikidata if entry else None,
            country=entry.country if entry else None,
            aliases=tuple(dict.fromkeys(learned)),
        )
        found[chinese] = key
        found[normalise_key(english)] = key
        other = _other_transliteration(match.group("tail") or "", matcher.alias_markers)
        if other:  # 艾里格里（Efraín Alegre，另译阿列格雷）: the same person, written otherwise
            found[other] = key
            entities[key] = replace(entities[key], aliases=(*entities[key].aliases, (other, "parenthetical")))
    return found


def _other_transliteration(tail: str, markers: tuple[str, ...]) -> str | None:
    """The name after a marker of another transliteration (另译, 又译) in a bracket's tail."""
    for marker in markers:
        at = tail.find(marker)
        if at >= 0:
            rest = tail[at + len(marker) :].lstrip("：: ")  # 另译：阿列格雷
            name = _HAN_RUN.match(rest)
            return name.group() if name and len(name.group()) >= 2 else None
    return None


def _latin_words(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z]+", normalise_key(text)) if w]


def _english_agrees(entry: Entry | None, english: str) -> bool:
    """Whether a catalog entry can bear ``english``: the same surname and, when both give
    one, a first name with the same initial (Andriy / Andrij, not Yaroslav). An entry without
    Latin names cannot be contradicted."""
    if entry is None:
        return True
    names = [n for n in (entry.name_en, *entry.aliases) if _latin_words(n)]
    given = _latin_words(english)
    if not names or not given:
        return True
    same_surname = [w for w in map(_latin_words, names) if w[-1] == given[-1]]
    full = [w for w in same_surname if len(w) > 1]
    if len(given) == 1 or not full:
        return bool(same_surname)
    return any(w[0][0] == given[0][0] for w in full)


# What may follow a name right after a title: punctuation, a reporting verb's first
# character, or the start of a time or place adverbial.
_AFTER_NAME = set("（(，,、说表称指强警透在也则曾于周星上日")
# A name in Chinese characters after a title, then the day and what was done on it.
_NAME_THEN_DAY = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{3,5})(?=\d{1,2}日(?:在|向|对|就|于|也|还|又|再次|表示|说|称|指出|强调|透露|告诉|回应|接受|出席|会见|访问|发表|晚|上午|下午))"
)


def discover_titled(view: str, tokens: list[Token], matcher: Matcher) -> dict[str, str]:
    """A title followed by an unknown transliterated name: 外交部发言人扎哈罗娃."""
    chars = transliteration_chars()
    found: dict[str, str] = {}
    following = {t.start for t in tokens}
    for token in tokens:
        if token.type != TITLE:
            continue
        # A name in Chinese characters, then the day it spoke or acted (党首山口那津男5日在…),
        # even where the catalog or the tagger read a place in it (山口)
        dated = _NAME_THEN_DAY.match(view, token.end)
        name = dated.group("name") if dated else ""
        if name[:1] in ("兼", "暨"):
            name = ""  # 国务委员 | 兼外长秦刚1日: a second title, then the name (the tagger's)
        if name and name not in matcher.forms and not any(c in matcher.not_name_chars for c in name):
            found.setdefault(name, "person:zh-" + name)
            continue
        if token.end in following:
            continue
        end = token.end
        while end < len(view) and end - token.end < 8 and (view[end] in chars or view[end] == "·"):
            end += 1
        name = view[token.end : end].strip("·")
        nxt = view[end : end + 1]
        if 2 <= len(name) <= 7 and nxt in _AFTER_NAME:
            found.setdefault(name, "person:zh-" + name)
    return found


_SPEECH_LEAD = re.compile(r"(?:周[一二三四五六日]|星期[一二三四五六日天]|\d{1,2}日|也|还|则|曾)?")
# What a clause-opening name follows (or it opens the text).
_CLAUSE_BREAK = re.compile("[\n，。！？；：,“「]")


def discover_speakers(view: str, tokens: list[Token], matcher: Matcher) -> dict[str, str]:
    """An unknown transliterated name opening a clause right before a reporting verb:
    韦斯特伯格周二说 → a person. At least three characters (or a middle dot), so that
    ordinary two-character words are never taken for names."""
    verbs = matcher.reporting_verbs
    name_run = _transliteration_run().match
    token_ends = [t.end for t in tokens]  # sorted: tokens are in order and do not overlap
    factions = tuple(matcher.catalog.lexicon["faction_endings"])
    found: dict[str, str] = {}
    # Only a clause break (found in C) can open a name: not every offset is tried.
    openings = [0, *map(re.Match.end, _CLAUSE_BREAK.finditer(view, 0, len(view) - 1))]
    for start in openings if view else ():
        run = name_run(view, start)
        if run is None:  # fewer than two name characters: too short in any case
            continue
        end = run.end()
        name = view[start:end].strip("·")
        if len(name) < 3 and "·" not in name or len(name) < 2:
            continue
        if name.endswith(factions):
            continue  # 詹森派认为: a school named after someone, no person
        # Part of a matched name? (The first token ending after start begins before end.)
        index = bisect_right(token_ends, start)
        if index < len(tokens) and tokens[index].start < end:
            continue
        lead = _SPEECH_LEAD.match(view, end)
        after = lead.end() if lead else end
        if view.startswith(verbs, after) and not view.startswith(matcher.not_person_after, end):
            found.setdefault(name, "person:zh-" + name)
    return found


# --- resolution of shared short forms ------------------------------------------------------


def resolve_ambiguous(tokens: list[Token], view: str, matcher: Matcher, home: str | None = None) -> None:
    """Give each ambiguous token one key from its context, or clear it; in an article that
    names no country but ``home``, the outlet's country, that one (a local outlet's 教育局 is its
    own city's; not a Taiwanese outlet's 总统府 in Caracas)."""
    certain = {t.key for t in tokens if t.type == ENTITY and not t.ambiguous and t.key}
    # A form the article ties to one person by a title (中国常驻联合国代表张军) is that person at
    # each of its uses, the bare ones before and after too (张军指出).
    certain |= {choice for index, token in enumerate(tokens) if token.ambiguous and (
        choice := _by_title([k for k in token.keys if matcher.entry(k)], tokens, index, view, matcher))}
    # How often the article names each country's places, bodies and people.
    countries = Counter(
        c for t in tokens if t.type == ENTITY and not t.ambiguous and (c := _country_of(t, matcher))
    )

    settled: dict[str, set[str]] = {}
    undecided: list[tuple[Token, list[str]]] = []
    for index, token in enumerate(tokens):
        if not token.ambiguous:
            continue
        candidates = [k for k in token.keys if matcher.entry(k)]
        choice = _by_other_mention(candidates, certain) or _by_title(
            candidates, tokens, index, view, matcher
        ) or _home_ministry(candidates, home, _in_quotation(view, token.start), matcher) or _by_country(
            candidates, tokens, index, view, matcher)
        at_home = home is not None and set(countries) <= {home.upper()}
        choice = choice or _by_article_country(candidates, countries, matcher) or (
            _by_article_country(candidates, Counter({home.upper(): 1}), matcher) if at_home else None
        )
        if choice is None or choice not in certain:
            # 约翰逊 after 迈克·约翰逊 in the same article: the full name written before, which
            # no catalog entry is (over a guess from the country)
            form = view[token.start : token.end]
            # (of several, 迈克·约翰逊 and 安德鲁·约翰逊, the one the article named first: its actor)
            # (its key may be its Latin name: 西万·安德森（Siwan Anderson）, then 安德森表示)
            ends = ("·" + form, "-" + form)
            full = [t.key for t in tokens if t.key and t.type == ENTITY and not t.ambiguous
                    and view[t.start : t.end].endswith(ends) and kind_of(t.key, matcher) == PERSON]
            choice = full[0] if full else choice
        if choice is None and _titled_as_no_candidate(candidates, tokens, index, matcher):
            # 众议院议长约翰逊: a person the title says is none of the catalog's 约翰逊
            choice = "person:zh-" + view[token.start : token.end]
        if choice is None:
            undecided.append((token, candidates))
            continue
        settled.setdefault(view[token.start : token.end], set()).add(choice)
        token.resolve(choice)
    # One sense per article: a form its context settled once (德国之声…《世界报》) is the same
    # body where nothing near says (《世界报》报道指出 ten paragraphs on), unless it was read two ways.
    for token, candidates in undecided:
        read = settled.get(view[token.start : token.end], set())
        token.resolve(next(iter(read)) if len(read) == 1 and read <= set(candidates) else None)


def _titled_as_no_candidate(candidates: list[str], tokens: list[Token], index: int, matcher: Matcher) -> bool:
    """Whether an ambiguous person's name comes right after a title whose office no candidate
    holds: none of their roles ends with the title's last word (议长 for Boris Johnson)."""
    if index == 0 or tokens[index - 1].type != TITLE or tokens[index - 1].end != tokens[index].start:
        return False
    entries = [matcher.entry(k) for k in candidates]
    if not entries or any(e is None or e.kind != PERSON for e in entries):
        return False
    office = (tokens[index - 1].title or "")[-2:]
    return bool(office) and not any(normalise_key(r).endswith(office) for e in entries for r in e.roles if e)


def _by_other_mention(candidates: list[str], certain: set[str | None]) -> str | None:
    hits = [k for k in candidates if k in certain]
    return hits[0] if len(hits) == 1 else None


def _by_title(
    candidates: list[str], tokens: list[Token], index: int, view: str, matcher: Matcher
) -> str | None:
    if index == 0 or tokens[index - 1].type != TITLE or tokens[index - 1].end != tokens[index].start:
        return None
    title = tokens[index - 1]
    start = title.start
    if index >= 2 and tokens[index - 2].type == ENTITY and tokens[index - 2].end == title.start:
        start = tokens[index - 2].start
    written = view[start : title.end]
    hits = []
    for key in candidates:
        entry = matcher.entry(key)
        roles = {normalise_key(r) for r in entry.roles} if entry else set()
        if written in roles or any(r.endswith(written) or written.endswith(r) for r in roles):
            hits.append(key)
    return hits[0] if len(hits) == 1 else None


def _country_of(token: Token, matcher: Matcher) -> str | None:
    entry = matcher.entry(token.key) if token.key else None
    return entry.country.upper() if entry and entry.country else None


def _home_ministry(candidates: list[str], home: str | None, quoted: bool, matcher: Matcher) -> str | None:
    """A ministry written bare (外交部) by an outlet of a Chinese-speaking country whose own
    government has one (中央社: Taiwan's, 新华社: China's): its own, whatever other country the
    line names (外交部…协助家属前往波兰); not in a quotation (普里格津说：「国防部…」 is his
    country's, see _by_country)."""
    home = (home or "").upper()
    if quoted or home not in matcher.catalog.lexicon["home_ministry_countries"]:
        return None
    own = [k for k in candidates if (e := matcher.entry(k)) is not None and e.subkind == "ministry"
           and (e.country or "").upper() == home]
    return own[0] if len(own) == 1 else None


def _in_quotation(view: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation opened earlier in its paragraph."""
    line = view[view.rfind("\n", 0, pos) + 1 : pos]
    return any(line.count(o) > line.count(c) for o, c in (("“", "”"), ("「", "」"), ("『", "』")))


def _by_country(
    candidates: list[str], tokens: list[Token], index: int, view: str, matcher: Matcher
) -> str | None:
    """The country named nearest to the token, in the same line, decides."""
    line_start = view.rfind("\n", 0, tokens[index].start) + 1
    line_end = view.find("\n", tokens[index].end)
    line_end = len(view) if line_end == -1 else line_end
    by_country: dict[str, list[str]] = defaultdict(list)
    for key in candidates:
        entry = matcher.entry(key)
        if entry and entry.country:
            by_country[entry.country.upper()].append(key)
    best: tuple[int, str] | None = None
    for other in tokens:
        if other is tokens[index] or other.type != ENTITY or other.ambiguous:
            continue
        if not (line_start <= other.start < line_end):
            continue
        country = _country_of(other, matcher)
        if country in by_country and len(by_country[country]) == 1:
            distance = abs(other.start - tokens[index].start)
            if best is None or distance < best[0]:
                best = (distance, by_country[country][0])
    return best[1] if best else None


def _by_article_country(candidates: list[str], countries: Counter[str], matcher: Matcher) -> str | None:
    """The candidate of the country the article names most (教育部 in a story of Taiwan's
    universities); none when no country leads or the leader has no candidate."""
    by_country: dict[str, list[str]] = defaultdict(list)
    for key in candidates:
        entry = matcher.entry(key)
        if entry and entry.country:
            by_country[entry.country.upper()].append(key)
    ranked = countries.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    keys = by_country.get(ranked[0][0], [])  # the article's own country, not merely the likeliest
    return keys[0] if len(keys) == 1 else None


def kind_of(key: str, matcher: Matcher) -> str:
    """The kind of an entity key: the catalog's, or the prefix of a discovered key
    (``organization:zh-台大``); keys of people found by their English name have none."""
    entry = matcher.entry(key)
    if entry is not None:
        return entry.kind
    prefix = key.partition(":")[0]
    return prefix if prefix in ENTITY_KINDS else PERSON


def entity_info(key: str, matcher: Matcher, known: dict[str, EntityInfo], view_name: str) -> EntityInfo:
    if key in known:
        return known[key]
    entry = matcher.entry(key)
    if entry is not None:
        return matcher.catalog_info(entry)
    return EntityInfo(key=key, kind=kind_of(key, matcher), name=view_name, name_en=None,
                      origin="discovered", aliases=((view_name, "discovered"),))


__all__ = [
    "ENTITY",
    "TITLE",
    "Matcher",
    "Token",
    "discover",
    "discover_speakers",
    "discover_titled",
    "drop_inside_titles",
    "entity_info",
    "kind_of",
    "matcher_for",
    "resolve_ambiguous",
    "scan",
    "slug",
]
