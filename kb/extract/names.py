"""Names no catalog knows: people, organizations and places that the tagger finds, checked
against the shape of names and cleaned before they become entities of the article.

The tagger (``kb.extract.tagger``) marks names well but not cleanly: it splits long
transliterations (叶卡捷 / 琳堡市), fuses titles to names (蔡总统), tags compounds of country
abbreviations as places (中美) and, now and then, a common noun as an organization. Each
candidate is therefore joined, trimmed and checked by rules kept as data in the lexicon:
organizations need the shape of one (a suffix such as 委员会 or 公司, or repeated tagging),
places a place's suffix or a clean tag, people a clean Chinese or transliterated name.
An article calls one name one thing: a form tagged several ways gets its majority kind.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kb.catalog import ORGANIZATION, PERSON, PLACE
from kb.extract.entities import slug, transliteration_chars
from kb.extract.readings import Readings
from kb.extract.tagger import Word
from kb.normalise import NormalisedText, normalise_key

_TAG_KINDS = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
_HAN = re.compile(r"^[\u3400-\u9fff·\-‐－]+$")
_NAME_DOT = "·"
_NAME_JOINERS = ("·", "-", "‐", "－")
_LIST_JOINERS = ("、", "和", "及", "与")
_BRACKET = re.compile(r"[（(][^（）()]*[）)]")
_LIST_ITEM = re.compile("[、和及与]|等")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十几多数各]")
_CLAUSE_BREAKS = ",，。；;：:\n"
# Tags of a leading word that no organization's name starts with: verbs, prepositions,
# adverbs, conjunctions, pronouns, places in time or order (遭到, 来自, 证实, 透过, 对方, 前).
_LEADING_NON_NAME = frozenset({"v", "p", "d", "c", "r", "u", "f"})
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Name:
    """A name found in the article's view (``form``) and what it names."""

    form: str
    kind: str
    known_as: str | None = None  # a catalog person's key, when the name is their transliteration

    @property
    def key(self) -> str:
        return self.known_as or f"{self.kind}:zh-{self.form}"


@dataclass(frozen=True)
class NameRules:
    """The lexicon's word lists that decide whether a tagged string is a name."""

    titles: tuple[str, ...]  # longest first
    organization_suffixes: tuple[str, ...]
    long_organization_suffixes: tuple[str, ...]  # those of two characters or more
    place_suffixes: tuple[str, ...]
    place_before: tuple[str, ...]  # words before a place: 在, 前往, 位于
    place_after: tuple[str, ...]  # words after a place: 市, 一带, 境内
    person_after: tuple[str, ...]  # words after a person: reporting verbs
    not_names: frozenset[str]
    abbreviations: frozenset[str]  # one-character country forms (美, 俄, 中 …)
    address_terms: tuple[str, ...] = ()  # 先生, 女士: a surname before them is the name
    city_suffixes: frozenset[str] = frozenset()  # 市, 县: a city's ending
    mission: re.Pattern[str] = re.compile("(?!)")  # 驻加拿大使馆: a country's mission elsewhere
    generic_bodies: frozenset[str] = frozenset()  # 法院, 军队: a country's, not a name
    organization_before: tuple[str, ...] = ()  # 巨头, 竞争对手: words before a company
    event_words: tuple[str, ...] = ()  # 峰会, 记者会: events, though they end like bodies
    descriptive_suffixes: tuple[str, ...] = ()  # 公司, 执政党: described, not named, after a country
    person_words: frozenset[str] = frozenset()  # two-character person nouns and titles (儿子, 公主)
    surnames: frozenset[str] = frozenset()  # common Chinese surnames
    not_name_starts: frozenset[str] = frozenset()  # characters no name goes on with (在, 的, 上)
    located_institutions: tuple[str, ...] = ()  # 大学, 高中: a place before them is no part of the name
    institution_fields: tuple[str, ...] = ()  # 师范, 教育: an institution's field, not its name
    school: re.Pattern[str] = re.compile("(?!)")  # 淡水国中: a name and a school's level
    corporate_suffixes: tuple[str, ...] = ()  # 公司, 集团: the endings a company's name varies by
    not_place_before: tuple[str, ...] = ()  # 至于, 对于: they end in 于 but put no place after them
    given_name_place_endings: frozenset[str] = frozenset()  # 州, 山: 陈百州 is a person
    person_cues: tuple[str, ...] = ()  # titles and person words: what stands before a person
    place_endings: tuple[str, ...] = ()  # 市中心, 市区: a place's part, though it ends like a body
    not_person_after: tuple[str, ...] = ()  # 级, 奖, 诊所: what makes a name part of another thing
    organization_descriptors: tuple[str, ...] = ()  # 通讯社, 公司: what describes a body before its name
    titles_after_name: tuple[str, ...] = ()  # 公主, 博士, 中将: a person's title written after the name
    university_units: tuple[str, ...] = ()  # 学系, 研究所: a university's units
    school_owners: tuple[str, ...] = ()  # 国立, 私立: who runs a school
    titles_by_start: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # titles by first character


def _assembled(view: str, words: Sequence[Word], rules: NameRules) -> list[tuple[int, int]]:
    """Organizations the tagger left in pieces: a place or organization, then a few common
    nouns, the last ending in an organization's suffix (韩国 | 国家 | 安保室, 土耳其 | 红新月会)."""
    spans = []
    for index, word in enumerate(words):
        if word.tag == "PER":
            # 蔡英文办公室, 雷纳希克的办公室: a person's office is an organization
            office = _OFFICE.match(view, word.end)
            if office is not None:
                spans.append((word.start, office.end()))
            continue
        if word.tag not in ("LOC", "ORG"):
            continue
        embassy = rules.mission.match(view, word.end)
        if embassy is not None:  # 中国驻加拿大使馆
            spans.append((word.start, embassy.end()))
            continue
        end = word.end
        for following in words[index + 1 : index + 4]:
            if following.start != end or following.tag not in ("n", "nz", "vn", "j", "an"):
                break
            end = following.end
            last = view[following.start : end]
            if len(last) >= 2 and last.endswith(rules.organization_suffixes) and not last.endswith(
                rules.event_words
            ):
                rest = view[word.end : end]
                # 加拿大法院, 印度军队: a country's generic body is no name of its own.
                if rest not in rules.generic_bodies:
                    spans.append((word.start, end))
                break
    return spans


def _foreign_run(text: str) -> bool:
    """Whether ``text`` is written in transliteration characters, dots and hyphens only."""
    chars = transliteration_chars()
    return all(c in chars or c in _NAME_JOINERS for c in text)


def _joined(view: str, words: Sequence[Word]) -> list[tuple[int, int, str]]:
    """Name words as (start, end, tag), with a name the tagger split joined again: two
    words of one name tag side by side, or around a middle dot (斯托尔滕 / 贝格)."""
    spans: list[tuple[int, int, str]] = []
    for word in words:
        if word.tag not in _TAG_KINDS:
            continue
        if spans:
            start, end, tag = spans[-1]
            between = view[end : word.start]
            dotted = between in _NAME_JOINERS  # 斯托尔滕·贝格, 阿里-哈桑
            # A split inside a word, not two names in a row: one side is one character, the
            # two are joined by a dot or hyphen, or a transliteration runs on (谢尔盖-阿克 | 谢诺夫).
            foreign = tag == "PER" and _foreign_run(view[start : word.end])
            if tag == word.tag and (between == "" or dotted) and (
                dotted or foreign or min(end - start, word.end - word.start) == 1
            ):
                spans[-1] = (start, word.end, tag)
                continue
        spans.append((word.start, word.end, word.tag))
    return spans


def _before_verb(view: str, start: int, end: int, rules: NameRules) -> int:
    """Where a name ends if a reporting verb runs out of it (拉夫罗夫敦 | 促: the tagger took
    the verb's first character into the name)."""
    for cut in range(max(start + 2, end - 2), end):
        # a verb that starts inside the name and runs past it (敦 | 促, 笑 | 说)
        if view.startswith(rules.person_after, cut) and any(
            view.startswith(verb, cut) and cut + len(verb) > end for verb in rules.person_after
        ):
            return cut
    return end


def _through_verb_start(view: str, start: int, end: int, words: Sequence[Word], rules: NameRules) -> int:
    """A name's last character the tagger joined to the reporting verb after it (林咏 | 能说:
    能说 is no verb, so 能 is the name's), or left alone before it (李家 | 超 | 重申)."""
    after = next((w for w in words if w.start == end), None)
    if (
        after is not None
        and after.end - after.start == 1
        and end - start == 2
        and view[start] in rules.surnames
        and view[after.start] not in rules.not_name_starts
        and view.startswith(rules.person_after, after.end)
    ):
        return end + 1
    if after is None or after.end - after.start != 2 or after.tag != "v":
        return end
    rest = view[after.start + 1 : after.end]
    word = view[after.start : after.end]
    if rest in rules.person_after and word not in rules.person_after:
        return end + 1
    return end


def _person_bounds(view: str, start: int, end: int, rules: NameRules,
                   known: Mapping[str, str]) -> tuple[int, int]:
    """A tagged person without the characters the tagger took from its neighbours — the end of
    a person word before it (儿子 | 亨特, 公主 | 莱昂诺尔), a catalog place after it
    (记者李宗宪 | 雅加达电) — and with the surname it left out after a person word (记者游 | 凯翔)."""
    if end - start >= 3 and view[start - 1 : start + 1] in rules.person_words:
        start += 1
    elif end - start == 2 and view[start - 1 : start] in rules.surnames and view[start - 3 : start - 1] in (
        rules.person_words
    ):
        start -= 1  # 记者游 | 凯翔: the surname the tagger read as a word of its own
    for cut in range(start + 2, end - 1):
        if known.get(view[cut:end]) == PLACE:
            return start, cut
    return start, end


def _clean_person(form: str, rules: NameRules) -> str | None:
    if not _HAN.match(form):
        return None
    for title in rules.titles:  # 蔡总统 → 蔡 (a surname alone is no name)
        if form.endswith(title) and len(form) > len(title):
            form = form[: -len(title)]
            break
    form = form.strip(_NAME_DOT)
    for title in rules.titles:  # 阿亚图拉阿里·哈梅内伊: a title of three or more characters before it
        if len(title) >= 3 and form.startswith(title) and len(form) >= len(title) + 2:
            form = form[len(title) :].strip(_NAME_DOT)
            break
    if len(form) == 4 and form[0] in rules.surnames and form[3] in rules.not_name_starts:
        form = form[:3]  # 陈水扁上(凯道), 侯友宜在: a Chinese name and the next word's first character
    for term in rules.address_terms:  # 家长林先生 → 林先生: a surname and a term of address
        if form.endswith(term) and len(form) > len(term) + 1:
            form = form[-len(term) - 1 :]
            break
    if len(form) >= 4 and form[-2:] in rules.person_words:
        form = form[:-2]  # 林郑幼子: a name and a person word after it
    if len(form) < 2 or form in rules.not_names:
        return None
    if all(char in rules.abbreviations for char in form) or (
        form[1:] in rules.not_names and (form[0] in rules.abbreviations or form[0] not in rules.surnames)
    ):
        return None  # 韩美, 加方: countries' abbreviations and a side, not a name
    if len(form) == 2 and form[0] in rules.surnames and form[1] in rules.not_name_starts:
        return None  # 侯则: a surname that stands for a name, and the next word
    return form


def _clean_organization(form: str, count: int, rules: NameRules) -> str | None:
    if len(form) >= 4 and form[-1] == form[-2]:
        form = form[:-1]  # 研究所所(公布): the tagger ran into the next word
    inner = form.find("党")
    if form.endswith("党") and 0 <= inner < len(form) - 3:
        form = form[inner + 1 :]  # 在野党国民党, 多数党民主党: the party is the last one named
    if not _HAN.match(form) or len(form) < 2 or form in rules.not_names:
        return None
    if all(c in rules.abbreviations for c in form[:-1]) and (
        form[-1] in rules.not_names or form[-1] in rules.abbreviations
    ):
        return None  # (驻)日美军: countries' abbreviations and a generic word; 台美
    if form.endswith(rules.organization_suffixes) and len(form) >= 3:
        return form
    if form.endswith(rules.university_units) and 2 <= form.find("大学") < len(form) - 2:
        return form  # 台北教育大学文化创意产业经营学系: a university's unit
    school = rules.school.fullmatch(form)
    if school and school.group("name") not in rules.school_owners:
        return form  # 国立台南二中: a school's shape
    # A short form without a suffix (台大, 北高行) is trusted once the tagger says so twice.
    return form if count >= 2 and 2 <= len(form) <= 5 else None


def _described(form: str, rules: NameRules, known: Mapping[str, str],
               tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """A country and a description, not a name: 美国咨询公司, 中国芯片设计公司, 日本执政党. A
    company or party after the country is described when the words after the country, read
    alone, hold no name (黑松公司 does); institutions are named by their field (中国田径协会)."""
    for end in range(len(form) - 1, 1, -1):
        # 联合国机构, 纽约联合国总部: an organization the catalog knows and a description
        if form[end:] in rules.descriptive_suffixes and any(
            known.get(form[start:end]) == ORGANIZATION for start in range(0, end - 1)
        ):
            return True
    for length in range(min(4, len(form) - 1), 0, -1):
        prefix, rest = form[:length], form[length:]
        is_place = known.get(prefix) == PLACE or (length == 1 and prefix in rules.abbreviations)
        if not is_place:
            continue
        if rest in rules.descriptive_suffixes or length >= 2 and len(rest) == 1:
            return True  # 中国公司; 中国党 (…和国家领导人): a country and a bare suffix
        if length == 1 and len(rest) < 4 or not rest.endswith(rules.descriptive_suffixes):
            return False  # 韩联社, 美联储; 中国田径协会, 挪威难民委员会
        return not any(t in ("ORG", "PER", "LOC", "nz", "nw") for _, t in tag_alone(rest))
    # No country before it: the words before the suffix, read alone, hold a name (黑松 | 公司,
    # 中信 | 法律事务所) or are common nouns (数字初创 | 公司, 投资 | 代表团, 港元 | 银行). The whole
    # form read alone will not do: the tagger calls any noun with 公司 an ORG.
    suffix = next((s for s in rules.descriptive_suffixes if form.endswith(s)), None)
    if suffix is None or len(form) == len(suffix):
        return False
    return not any(t in ("ORG", "PER", "LOC", "nz", "nw") for _, t in tag_alone(form[: -len(suffix)]))


def _clean_place(form: str, rules: NameRules) -> str | None:
    if not _HAN.match(form) or len(form) < 2 or form in rules.not_names:
        return None
    if all(char in rules.abbreviations for char in form):  # 中美, 台美, 中日韩
        return None
    if form[0] in rules.abbreviations and form[1:] in rules.not_names:
        return None
    return form


def _context_kinds(view: str, form: str, rules: NameRules, known: Mapping[str, str]) -> Counter[str]:
    """What the uses of ``form`` say it is: a place (在X, 前往X, X一带, 东部X, in a list of
    places), an organization (咨询公司X: an apposition) or a person (X说, 总统X)."""
    votes: Counter[str] = Counter()
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        before, after = view[max(0, at - 3) : at], view[end : end + 3]
        placed = before.endswith(rules.place_before) and not before.endswith(rules.not_place_before)
        if placed or after.startswith(rules.place_after):
            votes[PLACE] += 1
        if any(known.get(view[at - n : at]) == PLACE for n in range(2, 6) if at >= n) and (
            view[at - 1 : at] in rules.city_suffixes or after.startswith(rules.place_after)
        ):
            votes[PLACE] += 1  # 爱达荷州博伊西: a place within a place
        if _listed_with_place(view, at, end, known):
            votes[PLACE] += 1
        if before.endswith(rules.long_organization_suffixes) or view[max(0, at - 4) : at].endswith(
            rules.organization_before
        ):
            # a body's word in apposition outweighs a verb after, which bodies use too
            votes[ORGANIZATION] += 2
        cued = view[max(0, at - 6) : at].endswith(rules.person_cues)
        if cued or after.startswith((*rules.person_after, *rules.titles_after_name)):
            votes[PERSON] += 1  # 余文生说, 律师余文生, 余文生夫妇
        at = view.find(form, end)
    return votes


def _listed_anywhere(view: str, form: str, known: Mapping[str, str]) -> bool:
    """Whether some use of ``form`` is an item of a list (A、B、C) that holds a catalog place
    as an item of its own."""
    at = view.find(form)
    while at >= 0:
        start = max(view.rfind(c, 0, at) for c in _CLAUSE_BREAKS) + 1
        ends = [i for i in (view.find(c, at) for c in _CLAUSE_BREAKS) if i >= 0]
        items = _LIST_ITEM.split(_BRACKET.sub("", view[start : min(ends) if ends else len(view)]))
        # the first item may carry the words that open the list (包括阿勒坡)
        first = any(known.get(items[0][-n:]) == PLACE for n in range(2, 6))
        if len(items) >= 3 and form in items and (first or any(known.get(i) == PLACE for i in items)):
            return True
        at = view.find(form, at + len(form))
    return False


def _listed_with_place(view: str, start: int, end: int, known: Mapping[str, str]) -> bool:
    """Whether ``view[start:end]`` stands in a list (A、B和C) next to a known place, a place
    of its own (立委洪申翰、新北市议员戴玮姗: 新北市 there only says whose councillor)."""
    after = _BRACKET.sub("", view[end : end + 40])
    if after[:1] in _LIST_JOINERS and any(
        known.get(after[1 : 1 + n]) == PLACE
        and (not _HAN_CHAR.match(after, 1 + n) or after[1 + n : 2 + n] in _LIST_JOINERS)
        for n in range(2, 9)
    ):
        return True
    before = _BRACKET.sub("", view[max(0, start - 40) : start])
    return before[-1:] in _LIST_JOINERS and any(known.get(before[-1 - n : -1]) == PLACE for n in range(2, 9))


def _kind_by_shape(form: str, kind: str, view: str, rules: NameRules, known: Mapping[str, str]) -> str:
    """Correct the tagger's kind where the name's shape or its uses disagree."""
    if kind != ORGANIZATION and len(form) >= 4 and form.endswith(rules.long_organization_suffixes):
        return ORGANIZATION  # 罗伯特科赫研究所, 岸田内阁
    # 陈百州, 王海: a Chinese given name may end in a character places end in; not 罗勇府
    chinese_name = len(form) == 3 and form[0] in rules.surnames and form[-1] in rules.given_name_place_endings
    if kind == PERSON and form.endswith(rules.place_suffixes) and not chinese_name:
        return PLACE  # 罗勇府
    city = form[-1:] in rules.city_suffixes and not form.endswith(rules.long_organization_suffixes)
    if kind == ORGANIZATION and (city or form.endswith(rules.place_endings)):
        return PLACE  # 高雄市, 新北市: the city, not its government; 柏林市中心: a part of it
    votes = _context_kinds(view, form, rules, known)
    best = max((PLACE, ORGANIZATION), key=votes.__getitem__)
    if kind == PERSON and votes[best] > votes[PERSON]:
        return best  # 在森纳尔, 前往达尔富尔, 咨询公司贝恩
    return kind


def tagged_names(view: str, words: Sequence[Word], rules: NameRules,
                 known: Mapping[str, str], readings: Readings | None = None,
                 tag_alone: Callable[[str], Sequence[tuple[str, str]]] | None = None,
                 catalog_keys: Mapping[str, str] | None = None) -> list[Name]:
    """The names the tagger found in ``view``, cleaned, one kind each. ``known`` gives the
    kind of each catalog form, ``catalog_keys`` its entry; those are left to the catalog."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for start, end in _assembled(view, words, rules):
        votes[view[start:end]][ORGANIZATION] += 1
    for start, end in _schools(view, words, rules, known):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end in _listed_people(view, words, rules):
        votes[view[start:end]][PERSON] += 1
    for start, end in _joined_by_and(view, words, rules, known):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end, tag in _joined(view, words):
        end = _before_verb(view, start, end, rules)
        if tag == "PER":
            start, end = _person_bounds(view, start, end, rules, known)
            end = _through_verb_start(view, start, end, words, rules)
        votes[view[start:end]][_TAG_KINDS[tag]] += 1
    skip = known
    # A headline's telegraphic words (柯侯赖, 蓝白) fool the tagger; a name is used in the body.
    body = view.find("\n") + 1
    names: dict[str, Name] = {}
    tagged = {raw: kinds.most_common(1)[0][0] for raw, kinds in votes.items()}
    organizations = [raw for raw, kind in tagged.items() if kind == ORGANIZATION]
    neighbours = {**tagged, **known}
    for raw, kinds in votes.items():
        kind, count = kinds.most_common(1)[0]
        if kind != PERSON and raw.endswith(rules.titles):
            continue  # 美国国务卿, 美国商务部长: a title, not a place or a body
        kind = _kind_by_shape(raw, kind, view, rules, neighbours)
        if kind == ORGANIZATION and not raw.endswith(rules.organization_suffixes) and _listed_anywhere(
            view, raw, known
        ):
            kind = PLACE  # 阿勒坡（Aleppo）、哈玛、拉塔基亚（Latakia）: a town the tagger took for a body
        if kind == PERSON and any(o.startswith(raw) and len(o) > len(raw) for o in organizations):
            # 永龄 beside 永龄基金会: the short form (a place stays one: 新北市 beside 新北市环保局)
            kind, count = ORGANIZATION, count + 1
        if kind == PERSON and known.get(raw[1:]) == PERSON:
            continue  # 若普京: a word's character before a name the catalog knows
        if kind == PERSON:
            form = _clean_person(raw, rules)
        elif kind == ORGANIZATION:
            # 英伟达（Nvidia）: a name in its own script beside it vouches for a short form.
            vouched = re.search(re.escape(raw) + r"\s?[（(][a-z]", view) is not None
            # …or a word of its sort in apposition (制药公司辉瑞, 竞争对手三星).
            vouched = vouched or _context_kinds(view, raw, rules, neighbours)[ORGANIZATION] > 0
            form = _clean_organization(raw, count + (1 if vouched else 0), rules)
            if form and tag_alone is not None:  # 引述 | 国际原子能机构: vouched or not
                form = _without_leading_verb(form, tag_alone)
            if form and tag_alone is not None and not vouched and _described(form, rules, known, tag_alone):
                continue
            if form and (_runs_into_title(view, form, rules) or _in_apposition(view, form, words, rules)):
                continue
            if form and form.endswith(rules.event_words):
                continue  # 香港酒店业主联会年度大会: a body's event
            named = _described_known(form, rules, known) if form else None
            if named is not None:  # 俄罗斯国家通讯社塔斯社: a description, then the name the catalog knows
                if catalog_keys is not None and named in catalog_keys:
                    names[form] = Name(form, ORGANIZATION, catalog_keys[named])
                continue
        else:
            form = _clean_place(raw, rules)
        if form and kind == PERSON and _inside_known(view, form, known):
            continue  # 李家 of 李家超: the catalog's name is written there in full
        if form and kind != PLACE and body and view.find(form, body) < 0:
            continue
        if form and form not in skip and form not in names:
            # 史托腾柏格 is the catalog's 斯托尔滕贝格: the same person, written otherwise.
            same = readings.match(form) if readings is not None and kind == PERSON else None
            if kind == PERSON and same is None and not _person_shaped(view, form, rules):
                continue  # 杰宁, 托克马克: a transliterated place the tagger took for a person
            if kind == PERSON and _names_a_thing(view, form, rules):
                continue  # 纪德级驱逐舰, 梅奥诊所: a person's name in the name of a thing
            names[form] = Name(form, kind, same)
    if readings is not None:
        _same_in_article(names, readings.foreign)
    _parts_of_longer(names)
    _located(names, neighbours, rules)
    _university_units(names, rules, catalog_keys or {})
    _same_company(names, rules)
    return list(names.values())


def _university_units(names: dict[str, Name], rules: NameRules, catalog_keys: Mapping[str, str]) -> None:
    """A university's unit (台北教育大学文化创意产业经营学系, 政大科技管理研究所) names the
    university: its people and statements are the university's."""
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None:
            continue
        if not form.endswith(rules.university_units):
            continue
        at = form.find("大学")
        if at < 2 or at + 2 == len(form):
            continue
        university = form[: at + 2]
        if university in names:
            key = names[university].key
        else:
            key = catalog_keys.get(university, f"{ORGANIZATION}:zh-{university}")
        names[form] = Name(form, ORGANIZATION, key)


def _joined_by_and(view: str, words: Sequence[Word], rules: NameRules,
                   known: Mapping[str, str]) -> list[tuple[int, int]]:
    """Bodies named for two fields joined by 和 (土 | 灾难 | 和 | 应急管理署, 住房和城乡建设部): a
    common noun, 和, then a body's name, with a country's one-character form before them."""
    spans = []
    for index in range(2, len(words)):
        word, joiner, field = words[index], words[index - 1], words[index - 2]
        end = word.end
        if index + 1 < len(words) and words[index + 1].start == end and words[index + 1].tag in ("n", "vn"):
            end = words[index + 1].end  # 应急 | 管理署
        if not view[word.start : end].endswith(rules.long_organization_suffixes + ("署", "部", "局")):
            continue
        if view[joiner.start : joiner.end] not in ("和", "与") or field.tag not in ("n", "vn"):
            continue
        placed = any(known.get(view[word.start : word.start + n]) == PLACE for n in range(2, 6))
        if word.tag not in ("n", "vn", "ORG") or placed or _NUMERAL.match(view, field.start):
            continue  # 两人和美国政府: two things, the second a name of its own
        noun = view[field.start : field.end]
        if noun in rules.person_words or noun.endswith("人"):
            continue  # 律师和律师事务所
        if field.end - field.start < 2 or field.end != joiner.start or joiner.end != word.start:
            continue
        start = field.start
        if start and view[start - 1] in rules.abbreviations:
            start -= 1  # 土 | 灾难和应急管理署: Turkey's
        spans.append((start, end))
    return spans


def _listed_people(view: str, words: Sequence[Word], rules: NameRules) -> list[tuple[int, int]]:
    """Chinese names the tagger missed in a list of people (李嗣涔、杨泮池、管中闵、郑安理: 管 read
    as a verb): an item of a surname and one or two characters after a tagged person, the
    list going on after it."""
    people = {(w.start, w.end) for w in words if w.tag == "PER"}
    ends = {w.end for w in words if w.tag == "PER"}
    spans = []
    for word in words:
        if view[word.start : word.end] != "、" or word.start not in ends:
            continue
        start = word.end
        comma = view.find("、", start, start + 4)
        if comma < 0 or comma - start not in (2, 3) or (start, comma) in people:
            continue
        if view[start] in rules.surnames and all(_HAN_CHAR.match(c) for c in view[start:comma]):
            spans.append((start, comma))
    return spans


def _schools(view: str, words: Sequence[Word], rules: NameRules,
             known: Mapping[str, str]) -> list[tuple[int, int]]:
    """Schools the tagger split (淡水国 | 中, 大园 | 高中): two characters that begin a word
    and a school's level that ends one, the two not a country's name (美国中部)."""
    starts = {w.start for w in words}
    ends = {w.end for w in words}
    spans = []
    for match in rules.school.finditer(view):
        name, level = match.group("name"), match.group("level")
        after_city = view[match.start() - 1 : match.start()] in rules.city_suffixes  # 新北市 | 淡水国中
        # the level may run into the next word (石门国 | 中学生家长)
        ended = match.end() in ends or match.end() - 1 in starts
        if not (match.start() in starts or after_city) or not ended:
            continue
        if level.startswith("国") and known.get(name[-1] + "国") == PLACE:
            continue  # 美国中部, 各国中
        if any(c in rules.not_name_starts for c in name) or name in (*rules.not_names, *rules.school_owners):
            continue  # 私立高中: an owner and a level name no school
        spans.append(match.span())
    return spans


def _located(names: dict[str, Name], kinds: Mapping[str, str], rules: NameRules) -> None:
    """An institution written after its place (新加坡南洋理工大学, 台中市惠文高中) is the
    institution of that name, which the article may also write alone; one named by its field
    only (香港教育大学, 北京师范大学) keeps its place."""
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None:
            continue
        for length in range(min(6, len(form) - 4), 1, -1):
            place, rest = form[:length], form[length:]
            # 台中市: a city the catalog knows without its 市
            located = kinds.get(place) == PLACE or len(place) >= 3 and place[-1] in rules.city_suffixes
            if not located or not rest.endswith(rules.located_institutions):
                continue
            suffix = next(s for s in rules.located_institutions if rest.endswith(s))
            stem = rest[: -len(suffix)]
            if any(i in stem for i in rules.located_institutions):
                break  # 中国 | 科学院物理研究所: a part of the country's institution, not one of its own
            while stem.endswith(rules.institution_fields):
                stem = stem[: -len(next(f for f in rules.institution_fields if stem.endswith(f)))]
            if len(stem) >= 2:
                key = names[rest].key if rest in names else f"{ORGANIZATION}:zh-{rest}"
                names[form] = Name(form, ORGANIZATION, key)
            break


def _same_company(names: dict[str, Name], rules: NameRules) -> None:
    """One company, its name's ending varied (王品集团, 王品公司, 王品): the first form's."""
    first: dict[str, str] = {}
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None:
            continue
        suffix = next((s for s in rules.corporate_suffixes if form.endswith(s)), "")
        stem = form[: len(form) - len(suffix)]
        if len(stem) < 2:
            continue
        if stem in first:
            names[form] = Name(form, ORGANIZATION, first[stem])
        else:
            first[stem] = name.key


def _runs_into_title(view: str, form: str, rules: NameRules) -> bool:
    """Whether every use of ``form`` ends inside a title (美国国安 | 顾问沙利文, 自民党政审 | 会长):
    the tagger cut a title in two, and what it took is no name."""
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        if not any(
            view.startswith(title, start) and start + len(title) > end
            for start in range(max(at + 1, end - 4), end)
            for title in rules.titles_by_start.get(view[start], ())
        ):
            return False
        at = view.find(form, end)
    return True


def _described_known(form: str, rules: NameRules, known: Mapping[str, str]) -> str | None:
    """The catalog organization's name that ends ``form`` after a description of it
    (俄罗斯国家通讯社 | 塔斯社, 中国国营英文电视台 | 中国环球电视网), or None."""
    for cut in range(2, len(form) - 1):
        if known.get(form[cut:]) == ORGANIZATION and form[:cut].endswith(rules.organization_descriptors):
            return form[cut:]
    return None


def _in_apposition(view: str, form: str, words: Sequence[Word], rules: NameRules) -> bool:
    """Whether ``form`` describes the name written right after it each time (英国跨国银行 |
    巴克莱银行, 国际投资移民公司 | 亨利): a description ending like a company, not a name."""
    if not form.endswith(rules.descriptive_suffixes):
        return False
    names_at = {w.start for w in words if w.tag in ("PER", "ORG", "nz")}
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        if end not in names_at:
            return False
        at = view.find(form, end)
    return True


def _without_leading_verb(form: str, tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str | None:
    """An organization without the verb or preposition the tagger ran into it (遭到 | 阿拉伯联盟,
    来自 | 工艺公司): read alone, the form's first word is no part of a name."""
    words = tag_alone(form)
    cut = 0
    for word, tag in words[:-1]:
        if tag not in _LEADING_NON_NAME or len(word) < 2 and tag not in ("p", "f"):
            break
        cut += len(word)
    rest = form[cut:]
    return rest if len(rest) >= 2 else None


def _names_a_thing(view: str, form: str, rules: NameRules) -> bool:
    """Whether every use of ``form`` is part of a thing's name (纪德级, 诺贝尔和平奖, 梅奥诊所)."""
    if form.endswith(rules.not_person_after):
        return True
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        if not view.startswith(rules.not_person_after, end):
            return False
        at = view.find(form, end)
    return True


def _person_shaped(view: str, form: str, rules: NameRules) -> bool:
    """Whether a tagged person is one: a Chinese name's shape (a surname first), a name of
    several parts (伊泽丁·阿布莱施), or a use that only a person has — a title or person word
    before it, an age (44岁的), a term of address, a Latin name or a reporting verb after it.
    A single transliterated word with none of these is as often a town (杰宁, 托克马克) as a
    person, and other words the tagger calls people are verbs and nouns (褒扬, 网罗)."""
    if any(j in form for j in _NAME_JOINERS):
        return True
    if form[0] in rules.surnames and len(form) <= (4 if not _foreign_run(form) else 3):
        return True  # 陈世民; 马克, 高福: as likely a Chinese name as a transliteration
    # Neither a Chinese name's shape (褒扬, 网罗, 态芮) nor several parts: uses must show it.
    before_words = rules.person_cues
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        before = view[max(0, at - 10) : at].rstrip("：: ")  # 作者：珍妮特
        if before.endswith(before_words) or _AGE.search(before):
            return True
        after = view[end : end + 30]
        if after.startswith((*rules.person_after, *rules.address_terms, *rules.titles_after_name)) or (
            _AGE_AFTER.match(after)
        ):
            return True
        if _LATIN_PERSON.match(after):
            return True  # 扎佐（Pier Francesco Zazo）
        clause = _CLAUSE_END.split(after, maxsplit=1)[0]
        if any(verb in clause for verb in rules.person_after if len(verb) >= 2):
            return True  # 阿萨德周三在记者会上表示
        at = view.find(form, end)
    return False


def _inside_known(view: str, form: str, known: Mapping[str, str]) -> bool:
    """Whether every occurrence of ``form`` is part of a longer catalog name written there."""
    at = view.find(form)
    if at < 0:
        return False
    while at >= 0:
        window = view[max(0, at - 6) : at + len(form) + 6]
        offset = at - max(0, at - 6)
        if not any(
            known.get(window[a:b]) == PERSON
            for a in range(0, offset + 1)
            for b in range(offset + len(form), len(window) + 1)
            if b - a > len(form)
        ):
            return False
        at = view.find(form, at + 1)
    return True


def _parts_of_longer(names: dict[str, Name]) -> None:
    """A person's name the tagger cut short somewhere (侯赛因 beside 侯赛因·阿克巴里, 李家 beside
    李家超) is that person: the part takes the whole name's key."""
    people = [n for n in names.values() if n.kind == PERSON and n.known_as is None]
    for short in people:
        longer = [
            n for n in people
            if len(n.form) > len(short.form) >= 2
            and (n.form.startswith(short.form) or n.form.endswith(short.form))
        ]
        if len(longer) == 1:
            names[short.form] = Name(short.form, PERSON, longer[0].key)


def _same_in_article(names: dict[str, Name], foreign: frozenset[str]) -> None:
    """One article writing a foreign name two ways (柯伊尔, 科伊尔): the later form is the
    earlier one's person."""
    earlier: dict[str, str] = {}
    for form, name in list(names.items()):
        if name.kind != PERSON:
            continue
        if name.known_as is None and earlier:
            same = Readings(earlier, foreign).match(form)
            if same is not None:
                names[form] = Name(form, PERSON, same)
                continue
        earlier[form] = name.key


def latin_names(view: str, cues: tuple[tuple[str, ...], tuple[str, ...]],
                credits: re.Pattern[str] | None = None,
                agencies: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
                body_words: frozenset[str] = frozenset(),
                ) -> dict[str, str]:
    """Latin names right after a title, a person word or a nationality (…人), before a verb,
    a bracket or a joiner (活动人士justice amad认为, 俄罗斯人viktor bout和…), the names joined
    to those by 和/与/及, and names in photo credits (图片来源：qilai shen/bloomberg news):
    form → key, as ``中文（English）`` discovery keys an unknown English name."""
    found: dict[str, str] = {}
    person_words, verbs = cues
    for match in _LATIN_RUN.finditer(view):
        start, end = match.span("name")
        before = view[max(0, start - 12) : start].rstrip()
        if not (before.endswith(person_words) or before.endswith("人")):
            continue
        after = view[end : end + 1]
        if not (after in _LATIN_FOLLOWERS or view.startswith(verbs, end)):
            continue
        _add_latin(found, match.group("name"), body_words)
        joined = _LATIN_JOINED.match(view, end)
        if joined is not None:  # …trevor reed和brittney griner
            _add_latin(found, joined.group("name"), body_words)
    for match in credits.finditer(view) if credits is not None else ():
        for part in match.group("credit").split("/"):
            words = part.split()
            named, fillers = agencies
            if part.strip() in named and len(part.strip()) >= 3:
                found[part.strip()] = "organization:" + slug(part.strip())
            elif 2 <= len(words) <= 3 and not ({part.strip(), *words} & (named | fillers)):
                _add_latin(found, part, body_words)
    return found


def latin_bodies(text: NormalisedText, suffixes: tuple[str, ...], english_index: Mapping[str, set[str]],
                 fillers: frozenset[str]) -> dict[str, str]:
    """Bodies named by a Latin name and a Chinese body's word (加拿大CTV电视网, Meta公司): the
    whole form → the catalog's key for the Latin name, or a key of its own."""
    pattern = _latin_body_pattern(suffixes)
    found: dict[str, str] = {}
    for match in pattern.finditer(text.text):
        latin = text.original_slice(*match.span("latin")).strip()
        if len(latin) < 3 or not latin[0].isupper() or latin.lower() in fillers:
            continue  # a word (app公司, AI公司), not a name
        keys = english_index.get(normalise_key(latin), set())
        key = next(iter(keys)) if len(keys) == 1 else "organization:" + slug(latin)
        if key.startswith(("person:", "place:")):
            continue
        found[match.group().strip()] = key
    return found


@lru_cache(maxsize=4)
def _latin_body_pattern(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    latin = r"(?P<latin>[a-z][a-z0-9&.\-]*(?: [a-z0-9&.\-]+){0,2})"
    return re.compile(r"(?<![a-z0-9&.\-])" + latin + " ?(?:" + words + ")")


def _add_latin(found: dict[str, str], name: str, body_words: frozenset[str] = frozenset()) -> None:
    name = name.strip()
    if body_words.intersection(re.findall(r"[a-z]+", name)):
        return  # glendon capital management lp: a body's name, not a person's
    if len(name) >= 5:
        found[name] = "person:" + slug(name)


# An age before a name: 44岁的, 70岁.
_AGE = re.compile(r"\d+\s?岁的?$")
_AGE_AFTER = re.compile(r"(?:已经|现年|今年|已)?\d+\s?岁")
# A Latin name of a person in brackets: two to four words (or one, joined by a hyphen).
_LATIN_PERSON = re.compile(
    r"\s?[（(]\s?(?:dr\.? |mr\.? |ms\.? )?[a-z\u00c0-\u024f][a-z\u00c0-\u024f'.\-]+"
    r"(?:[ \-][a-z\u00c0-\u024f][a-z\u00c0-\u024f'.\-]+){1,3}\s?[,，)）]"
)
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:」”]")
# A person's office: 办公室 right after the name, or after 的.
_OFFICE = re.compile(r"的?办公室")
# A Latin name of two to four words, and what may follow one that follows a title.
_LATIN_RUN = re.compile(r"(?<![a-z'.\-])\s?(?P<name>[a-z][a-z'.\-]+(?: [a-z][a-z'.\-]+){1,3})\s?")
_LATIN_FOLLOWERS = frozenset("（(，,、和与及")
# A second Latin name joined to a first: 和brittney griner.
_LATIN_JOINED = re.compile(r"\s?[和与及、]\s?(?P<name>[a-z][a-z'.\-]+(?: [a-z][a-z'.\-]+){1,3})")


__all__ = ["Name", "NameRules", "latin_bodies", "latin_names", "tagged_names"]
