"""Organizations named twice: ``中文名（Latin name）``, the way news introduces a company, a
party or an agency no reader knows (摩尔线程（Moore Threads）, 快速支援部队（RSF）).

The Latin name says what the Chinese form is and joins the organization across articles,
as it does for people (``entities.discover``); what decides that the pair is an organization
rather than a person is evidence of an organization's shape: an acronym, a word only bodies
have in their Latin name (Partners, Institute), a Chinese suffix (党, 委员会), a descriptor
before it (咨询公司凯盛融英) or the tagger's ORG. Where the Chinese name starts is read from
the tagger's words: after a descriptor, a function word or an opening quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kb.catalog import ORGANIZATION
from kb.extract.bodies import before_known, without_verb_character
from kb.extract.entities import slug, transliteration_chars
from kb.extract.records import EntityInfo
from kb.extract.tagger import Word
from kb.extract.text import made_of
from kb.normalise import NormalisedText, normalise_key

# A Latin name in brackets, after a Chinese name or a closing quote (「白盔」（White Helmets）).
_LATIN_BRACKET = re.compile(r"[（(]\s*(?P<latin>[A-Za-z][A-Za-z0-9.&'’\- ]{0,60}?)\s*[)）]")
_HAN = re.compile(r"[\u4e00-\u9fff·]")
_HYPHENS = ("-", "‐", "－")
_QUOTED = re.compile(r"[「“『]([\u4e00-\u9fff·]{2,24})[」”』]$")
# Tags of words that are never part of a name: prepositions, conjunctions, particles,
# punctuation, pronouns, numerals, measure words, times.
_FUNCTION_TAGS = frozenset({"p", "c", "u", "w", "r", "m", "q", "d", "TIME", "xc"})
_ORDINAL = re.compile(r"第[一二三四五六七八九十]{1,2}")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")
_NAME_MAX = 24
# What stands before a list's item or a described thing: a function word after them is a name's.
_OPENERS = ("、", "的")
_AND = frozenset({"和", "与", "及", "暨"})
_NOUNS = ("n", "nz")
TagAlone = Callable[[str], Sequence[tuple[str, str]]]  # a text's (word, tag) read on its own
_NAME_TAGS = frozenset({"ORG", "LOC", "PER", "nz", "nw"})
# Lowercase words inside a person's Latin name (Diego Lopes da Silva, Ursula von der Leyen).
_NAME_PARTICLES = frozenset({"da", "de", "di", "do", "du", "dos", "das", "del", "della", "van", "von", "der",
                             "den", "al", "el", "bin", "ibn", "la", "le", "y"})
# How far back a list's descriptor may stand, and what opens or goes on a list of names.
_LIST_REACH = 40
_LIST_OPENERS = ("，即", "即", "包括", "例如", "：", "、", "和", "与", "及")


@dataclass(frozen=True)
class BracketRules:
    """The lexicon's lists that read ``中文名（Latin）`` (see lexicon.yaml)."""

    descriptors: tuple[str, ...]  # organization_descriptors: 咨询公司, 团体, 智库 (longest first)
    delimiters: frozenset[str]  # bracket_delimiters: 即, 简称, 据, 包括
    latin_words: frozenset[str]  # organization_latin_words: partners, institute, party
    suffixes: tuple[str, ...]  # organization_suffixes and media_suffixes
    endings: tuple[str, ...] = ()  # organization_suffixes, one character ones too (局, 部)
    events: tuple[str, ...] = ()  # event_words: 峰会, 记者会
    person_words: tuple[str, ...] = ()  # titles and person nouns (研究员, 主任)
    corporate: tuple[str, ...] = ()  # corporate_suffixes and their parts: 控股, 有限公司
    places: tuple[str, ...] = ()  # city_suffixes: 省, 州, 县
    leading: tuple[str, ...] = ()  # leading_descriptors: 智库, 大党 (the name follows them)
    staff_after: tuple[str, ...] = ()  # body_staff_words: 创始人, 员工 (a body's people after it)
    object_verbs: tuple[str, ...] = ()  # object_verbs: 促使, 敦促 (run into a body's name)


def bracketed_organizations(
    text: NormalisedText, words: Sequence[Word], rules: BracketRules, known: Mapping[str, str],
    english_index: Mapping[str, set[str]], entities: dict[str, EntityInfo],
    tag_alone: TagAlone, catalog_forms: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Organizations written ``中文名（Latin）``: article forms (the Chinese name and the
    Latin one) → keys; their records go into ``entities``. ``catalog_forms``: the catalog's
    forms' keys."""
    view = text.text
    found: dict[str, str] = {}
    starts = [w.start for w in words]
    for match in _LATIN_BRACKET.finditer(view):
        latin = text.original_slice(*match.span("latin")).strip()
        joined = re.search(r"\s(?:and|&)\s", latin, re.IGNORECASE) is not None
        form_start = _form_start(view, match.start(), words, starts, rules, joined)
        if form_start is None:
            continue
        form = view[form_start : match.start()].rstrip("」”』")
        of = form.rfind("的")
        if 0 <= of < len(form) - 4:  # 位于埼玉县和光市的 | 理化学研究所（RIKEN）
            form_start, form = form_start + of + 1, form[of + 1 :]
        verb = next((v for v in rules.object_verbs if form.startswith(v)), "")
        if verb and len(form) - len(verb) >= 4:  # 促使 | 联邦准备理事会（Fed）
            form_start, form = form_start + len(verb), form[len(verb) :]
        cut = max((form.find(d) + len(d) for d in rules.leading if d in form), default=0)
        if 0 < cut <= len(form) - 2:  # 第3大党 | 人民民主党（HDP）
            form_start, form = form_start + cut, form[cut:]
        if len(form.replace("·", "")) < 2 or form in known or form in rules.descriptors:
            continue  # a catalog name: the catalog knows it better; a descriptor alone names nothing
        if latin.islower() or form.endswith(rules.events):
            continue  # (greenwashing): a word, not a name; 联合国气候峰会: an event
        if not _is_organization(view, form, form_start, match.start(), latin, words, starts, rules,
                                tag_alone):
            continue
        parent = _parent_named_first(view, form_start, latin, catalog_forms or {}, english_index)
        if parent:  # 富国银行 | 投资研究所(Wells Fargo Investment Institute): the parent's name is its own
            form_start, form = form_start - len(parent), parent + form
        catalog_keys = english_index.get(normalise_key(latin), set())
        if catalog_keys and not _ACRONYM.match(latin.replace(" ", "")):
            continue  # a name the catalog knows: its entry speaks for it
        if catalog_keys and known.get(normalise_key(latin), ORGANIZATION) != ORGANIZATION:
            continue  # (UAE): a place's or a person's acronym
        whole = _catalog_form_ending(form, catalog_forms or {}, catalog_keys)
        if whole is not None:
            found[form] = whole  # 大工业国集团（G7）: the end of the catalog's 七大工业国集团
            continue
        if before_known(form, known, tag_alone) is not None:
            continue  # 达 | 世界卫生组织（WHO）: the catalog's name, which the catalog finds itself
        trimmed = without_verb_character(form, tag_alone)
        form_start, form = form_start + len(form) - len(trimmed), trimmed  # 获 | 国际咖啡品质协会（CQI）
        # An acronym the catalog gives another body (CECC: Taiwan's epidemic centre, and the
        # US Congress's China commission) is this body in this article.
        key = "organization:" + slug(latin)
        if key in entities and entities[key].kind != ORGANIZATION:
            continue
        written = text.original_slice(form_start, form_start + len(form))
        if form in rules.endings or form in rules.suffixes:
            # 生命未来 | 研究所（Future of Life Institute）: the tagger left only the body's word
            # before the bracket; the Latin name names it, a bare 研究所 would name every one.
            form = written = ""
        previous = entities.get(key)
        learned = tuple((name, "parenthetical") for name in (written, latin) if name)
        aliases = (*(previous.aliases if previous else ()), *learned)
        entities[key] = EntityInfo(
            key=key, kind=ORGANIZATION, name=previous.name if previous else written or latin,
            name_en=previous.name_en if previous else latin, origin="discovered",
            aliases=tuple(dict.fromkeys(aliases)),
        )
        if form:
            found[form] = key
        found[normalise_key(latin)] = key
    return found


def _parent_named_first(view: str, start: int, latin: str, catalog_forms: Mapping[str, str],
                        english_index: Mapping[str, set[str]]) -> str:
    """The catalog body written right before ``start`` whose English name begins ``latin``
    (富国银行 before 投资研究所(Wells Fargo Investment Institute)), or ""."""
    words = latin.split()
    for size in range(min(8, start), 1, -1):
        prior = view[start - size : start]
        key = catalog_forms.get(prior)
        if key is None:
            continue
        heads = (normalise_key(" ".join(words[:k])) for k in range(1, len(words)))
        if any(key in english_index.get(head, ()) for head in heads):
            return prior
        return ""
    return ""


def _catalog_form_ending(form: str, catalog_forms: Mapping[str, str], keys: set[str]) -> str | None:
    """The Latin name's one catalog entry when a form of it ends in ``form`` (the tagger left
    out a number or a word of it: 20 | 国集团), else None."""
    if len(keys) != 1:
        return None
    key = next(iter(keys))
    ending = (f for f, k in catalog_forms.items() if k == key and len(f) > len(form) and f.endswith(form))
    return key if next(ending, None) is not None else None


def _form_start(view: str, paren: int, words: Sequence[Word], starts: list[int],
                rules: BracketRules, joined: bool = False) -> int | None:
    """Where the Chinese name before the bracket at ``paren`` starts, or None. A ``joined``
    Latin name (Manufacturers and Exporters Association) goes on across one 和 before it."""
    quoted = _QUOTED.search(view, max(0, paren - _NAME_MAX - 2), paren)
    if quoted is not None:
        return quoted.start(1)
    if paren == 0 or not _HAN.match(view, paren - 1):
        return None
    index = bisect_left(starts, paren) - 1
    if index < 0 or words[index].end != paren:
        return None  # the tagger did not read here
    start, last, field = paren, index, False
    while index >= 0 and paren - words[index].start <= _NAME_MAX:
        word = words[index]
        piece = view[word.start : word.end]
        if piece in _HYPHENS and word.end == start and start != paren and index > 0 and all(
            c in transliteration_chars() for c in view[words[index - 1].start : words[index - 1].end]
        ):
            start = word.start  # 罗伯特 | - | 科赫研究所（Robert Koch Institute）: a name of two parts
            index -= 1
            continue
        if word.end != start or not all(_HAN.match(c) for c in piece):
            break
        if start != paren and word.tag == "m" and _ORDINAL.fullmatch(piece):
            start = word.start  # 第一 | 共和银行（First Republic Bank）: the number is the name's
            index -= 1
            continue
        if start == paren:
            if word.tag in _FUNCTION_TAGS or piece in rules.delimiters:
                return None
            # A descriptor inside the word (研究公司龙洲经讯): the name is what follows it.
            cut = _after_descriptor(piece[:-2], rules)
            # (not 阿里巴巴集团 | 控股有限公司: a company's legal ending; nor 安迈企业 | 咨询公司:
            # a descriptor's word inside the name, and a sort of body after it)
            if cut is not None and not made_of(piece[cut:], rules.corporate) and (
                piece[cut:] not in rules.descriptors
            ):
                return word.start + cut
        elif joined and word.tag == "c" and piece in _AND and index > 0 and words[index - 1].tag in _NOUNS:
            # 服装制造商 | 和 | 出口商协会（…Manufacturers and Exporters Association）
            joined, field = False, True
        elif field and word.tag in _NOUNS:
            field = False  # the field before 和 (制造商), though a descriptor's word
        elif piece in _AND and index > 0 and words[index - 1].tag in ("n", "nz", "vn", "an") and not (
            view[words[index - 1].start : words[index - 1].end].endswith(rules.endings)
        ) and words[index - 1].end == word.start:
            pass  # 中东正义 | 与 | 和平倡导组织（CJPME）: two fields of one name, no two bodies
        elif word.tag in _FUNCTION_TAGS and len(piece) == 1 and view[word.start - 1 : word.start] in _OPENERS:
            # 果敢、德昂、若 | 开军（AA）, 领袖的为 | 泰党（PTP）: no function word opens a list's
            # item, nor follows 的
            start = word.start
            break
        elif word.tag in _FUNCTION_TAGS or piece in rules.delimiters or _after_descriptor(piece, rules):
            break
        elif any(len(d) >= 2 and piece.endswith(d) for d in rules.delimiters):
            break  # 外交部下属 | 中国国际问题研究院: the parent and its relation, then the name
        elif word.tag == "ad" and words[index + 1].tag in ("ORG", "LOC"):
            break  # 很快 | 美国在台协会: an adverb before a body's or place's word (not 凯盛 | 融英)
        elif word.tag == "v" and len(piece) >= 2 and words[index + 1].tag in _NAME_TAGS:
            break  # 与贝尔博克同属 | 自由民主党: a verb before a name is no part of it
        elif word.tag == "v" and words[last].tag == "ORG":
            return words[last].start  # 率 | 团拜会 | 泰国出境旅游协会: a verb's phrase, then a body
        start = word.start
        index -= 1
    if any(len(d) >= 2 and view.startswith(d, start - len(d) + 1) for d in rules.descriptors):
        return start + 1  # 在 | 野共和人民党: the tagger split a descriptor (在野); its end is no name's
    if view[start] in _AND and start + 2 < paren and (start == 0 or not _HAN.match(view, start - 1)):
        return start + 1  # Centcom 和英国海事安全局（UKMTO）: the tagger ran the list's 和 into the name
    return start


def _listed_after_descriptor(view: str, start: int, rules: BracketRules) -> bool:
    """Whether the name opens or goes on a list that a descriptor introduces in its clause
    (两间芯片设计公司，即摩尔线程（Moore Threads）和壁仞（Biren））."""
    window = view[max(0, start - _LIST_REACH) : start]
    window = window[max(window.rfind(c) for c in "。；;！？") + 1 :]
    if not window.endswith(_LIST_OPENERS):
        return False
    return any(descriptor in window for descriptor in rules.descriptors)


def _after_descriptor(piece: str, rules: BracketRules) -> int | None:
    best = None
    for descriptor in rules.descriptors:
        at = piece.rfind(descriptor)
        if at >= 0 and (best is None or at + len(descriptor) > best):
            best = at + len(descriptor)
    return best


def _is_organization(view: str, form: str, start: int, paren: int, latin: str, words: Sequence[Word],
                     starts: list[int], rules: BracketRules, tag_alone: TagAlone) -> bool:
    """Whether ``form（latin）`` names an organization: evidence of a body's shape on either
    side; a person's name (the tagger's PER, a Latin name shaped like one) needs more."""
    latin_words = re.findall(r"[a-z]+", latin.lower())
    index = bisect_left(starts, paren) - 1
    last = words[index] if index >= 0 and words[index].end == paren else None
    parts = latin.split()
    personlike = 2 <= len(parts) <= 5 and parts[0][:1].isupper() and all(
        w[:1].isupper() or w in _NAME_PARTICLES for w in parts
    )
    named_as_body = bool(set(latin_words) & rules.latin_words) or "&" in latin
    shaped = form.endswith(rules.suffixes)
    if last is not None and last.tag == "PER" and personlike and not (named_as_body or shaped):
        return False  # 金融专家埃尔贝赫（Mohamed El-Beih）
    if personlike and not named_as_body and any(word in form for word in rules.person_words):
        return False  # 智库高级研究员席瓦（Diego Lopes da Silva）: a title, then a person
    # A descriptor right before the name (救援组织「白盔」), ending where a word ends.
    opening = start - 1 if start and view[start - 1] in "「“『" else start
    before = bisect_left(starts, opening) - 1
    described = before >= 0 and words[before].end == opening and view[words[before].start : opening].endswith(
        rules.descriptors
    )
    if named_as_body or shaped:
        return True
    close = min((i for i in (view.find(")", paren), view.find("）", paren)) if i >= 0), default=-1)
    after = close + 1 + (view[close + 1 : close + 2] == "的")
    staffed = close >= 0 and view.startswith(rules.staff_after, after)
    if staffed and not personlike:
        return True  # 凯盛融英(Capvision)的创始人们: a body's founders, staff or clients
    if form.endswith(rules.places):
        return False  # 印尼亚齐省（Aceh）: a province, its government unnamed
    acronym = _ACRONYM.match(latin.replace(" ", "")) is not None and len(latin_words) <= 2
    if acronym and all(t not in _NAME_TAGS for _, t in tag_alone(form)):
        return False  # 虚拟实境（VR）, (官方)发展援助（ODA）: common words and a term's acronym
    if described or _listed_after_descriptor(view, start, rules):
        return True
    if acronym:
        # GDP, EV, SAF: a term's acronym, unless the Chinese form ends in a name or holds one
        # before a body's word (加勒比共同体; not 欧盟碳关税, 中国纯电动汽车); the tagger's nz is
        # a term as often as a name.
        words = tag_alone(form)
        named = any(t in ("ORG", "LOC", "PER") for _, t in words)
        return named and (words[-1][1] in ("ORG", "LOC", "PER") or form.endswith(rules.endings))
    return False


__all__ = ["BracketRules", "bracketed_organizations"]
