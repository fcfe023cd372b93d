"""Names written in Latin script inside Chinese text: a person's after a title or a
nationality (活动人士Justice Amad认为), in photo credits (图片来源：Qilai Shen/Bloomberg News),
and a body's before a Chinese body's word (加拿大CTV电视网, Google公司). Each becomes a key
of its own (``entities.slug``), or the catalog's when it knows the Latin name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from kb.extract.entities import slug
from kb.extract.text import DATE_UNITS
from kb.normalise import NormalisedText, normalise_key

# The groups of ``Rules.credits`` that hold a credit's names.
CREDIT_GROUPS = ("credit", "line", "hired", "sourced", "contributed")


def latin_names(view: str, cues: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
                credits: re.Pattern[str] | None = None,
                agencies: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
                body_words: frozenset[str] = frozenset(),
                openers: tuple[str, ...] = (),
                ) -> dict[str, str]:
    """Latin names right after a title, a person word or a nationality (…人), before a verb,
    a bracket or a joiner (活动人士justice amad认为, 俄罗斯人viktor bout和…), the names joined
    to those by 和/与/及, and names in photo credits (图片来源：qilai shen/bloomberg news):
    form → key, as ``中文（English）`` discovery keys an unknown English name."""
    found: dict[str, str] = {}
    person_words, verbs, endings = cues
    for match in _LATIN_RUN.finditer(view):
        start, end = match.span("name")
        before = view[max(0, start - 12) : start].rstrip()
        speaks = view.startswith(verbs, end) or _speaks_after_circumstance(view, end, verbs, openers)
        if before.endswith(endings) and speaks:
            pass  # 首席投资官Mark Haefele表示: a title of a sort (…官, …师) and a reporting verb
        elif before.endswith("的") and (_speaks_after_circumstance(view, end, verbs, bare=True) or (
                " " in match.group("name") and _speaks_after_circumstance(view, end, verbs, openers))):
            # 负责清洁能源基金业务的Roman Boner指出，: what the person does, then their verb
            # (…总经理的Sarah Bianchi在周三给客户的一份报告中写道: a name of two words, after when)
            pass
        elif not (before.endswith(person_words) or before.endswith("人")):
            continue
        after = view[end : end + 1]
        titled = before.endswith(person_words) and (
            view[start - 1 : start] == " " or " " in match.group("name")
        )  # (a space, or the name's own words, set it off from the title)
        if not (after in _LATIN_FOLLOWERS or speaks or _DAY_AFTER.match(view, end) or titled):
            continue  # (英国御用大律师 Tim Owen 抗辩: a title, a space, a name: whatever follows)
        _add_latin(found, match.group("name"), body_words)
        joined = _LATIN_JOINED.match(view, end)
        if joined is not None:  # …trevor reed和brittney griner
            _add_latin(found, joined.group("name"), body_words)
    _surnames_alone(view, found, verbs)
    for match in credits.finditer(view) if credits is not None else ():
        credit = next(match.group(g) for g in CREDIT_GROUPS if match.group(g))
        credit = credit.split(" image caption")[0]  # (图片版权ROB NORTHWAY Image caption …: BBC's label)
        credit = credit.split(" for ")[0]  # (图片来源：Sophie Park for WSJ: hired by the paper)
        for part in credit.split("/"):
            words = part.split()
            named, fillers = agencies
            if part.strip() in named and len(part.strip()) >= 3:
                found[part.strip()] = "organization:" + slug(part.strip())
            elif 2 <= len(words) <= 3 and not ({part.strip(), *words} & (named | fillers)):
                _add_latin(found, part, body_words)
    return found


@lru_cache(maxsize=4)
def _circumstance(openers: tuple[str, ...]) -> re.Pattern[str]:
    """What may stand between a name and its verb: a time, a place or an occasion opened by one
    of ``openers`` or a number (最近在布鲁塞尔的一次小组讨论中), without punctuation."""
    words = "|".join(map(re.escape, sorted(openers, key=len, reverse=True)))
    return re.compile(f"(?:{words}|\\d)" + r"[^，,。；;：:“”「」()（）]{0,22}")


def _speaks_after_circumstance(view: str, end: int, verbs: tuple[str, ...], openers: tuple[str, ...] = (),
                               bare: bool = False) -> bool:
    """Whether a reporting verb ends a circumstance right after ``end`` and punctuation
    follows it (Bernd Lange最近在布鲁塞尔的一次小组讨论中说：); ``bare``: the verb right at
    ``end``, no circumstance."""
    match = None if bare or not openers else _circumstance(openers).match(view, end)
    if match is None and not bare:
        return False
    for at in range(match.end() if match else end, end - 1, -1):
        verb = next((v for v in verbs if view.startswith(v, at)), None)
        marks = "，,：:“。" if bare else "，,：:“"  # (…，”富达国际…的X说。: a quotation's speaker)
        mark = view[at + len(verb) : at + len(verb) + 1] if verb is not None else ""
        if mark and mark in marks:
            return True
    return False


def _surnames_alone(view: str, found: dict[str, str], verbs: tuple[str, ...]) -> None:
    """A found person's Latin surname written alone before a reporting verb (Haefele表示 after
    Mark Haefele): the same person, as a Chinese surname after its full name is."""
    for name, key in list(found.items()):
        words = name.split()
        surname = words[-1] if len(words) >= 2 and key.startswith("person:") else ""
        if len(surname) < 3 or surname in found:
            continue
        for match in re.finditer(r"(?<![a-z'.\-])" + re.escape(surname) + r"(?![a-z'.\-])", view):
            if view[max(0, match.start() - 1) : match.start()] != " " and view.startswith(verbs, match.end()):
                found[surname] = key
                break


def latin_bodies(text: NormalisedText, suffixes: tuple[str, ...], english_index: Mapping[str, set[str]],
                 fillers: frozenset[str], sorts: tuple[str, ...] = ()) -> dict[str, str]:
    """Bodies named by a Latin name and a Chinese body's word (加拿大CTV电视网, Meta公司): the
    whole form → the catalog's key for the Latin name, or a key of its own. After a word for
    the body's sort only (Opex360网站), the Latin name alone is the name."""
    pattern = _latin_body_pattern((*suffixes, *sorts))
    found: dict[str, str] = {}
    for match in pattern.finditer(text.text):
        latin = text.original_slice(*match.span("latin")).strip()
        if len(latin) < 3 or not latin[0].isupper() or latin.lower() in fillers:
            continue  # a word (app公司, AI公司), not a name
        keys = english_index.get(normalise_key(latin), set())
        key = next(iter(keys)) if len(keys) == 1 else "organization:" + slug(latin)
        if key.startswith(("person:", "place:")):
            continue
        sort = next((w for w in sorts if match.group().endswith(w)), "")
        found[text.text[slice(*match.span("latin"))].strip() if sort else match.group().strip()] = key
    return found


def latin_companies(text: NormalisedText, endings: tuple[str, ...], data_words: tuple[str, ...],
                    legal_forms: tuple[str, ...], staff_words: tuple[str, ...],
                    english_index: Mapping[str, set[str]], common: frozenset[str]) -> dict[str, str]:
    """Companies written in Latin and told by their shape: a company's last word (SolarEdge
    Technologies, Natixis Investment Managers), a ticker in brackets (Target (TGT)), data they
    publish (Numerator的数据显示, 根据Wind显示), or their people after the name (Stifel的分析师).
    The Latin name → the catalog's key, or a key of its own."""
    view = text.text
    found: dict[str, str] = {}
    legal = _legal_form_pattern(legal_forms)
    data_patterns = (_data_pattern(data_words), _DATA_AFTER_SOURCE)
    for pattern, group in ((_corporate_pattern(endings), "latin"), (_TICKER, "latin"),
                           (_data_pattern(data_words), "latin"), (_DATA_AFTER_SOURCE, "latin"),
                           (_staff_pattern(staff_words), "latin")):
        for match in pattern.finditer(view):
            span = match.span(group)
            latin = text.original_slice(*span).strip()
            if len(latin) < 2 or not latin[0].isupper() or normalise_key(latin) in common:
                continue
            if pattern is _TICKER:
                ticker = text.original_slice(*match.span("ticker"))
                if not ticker.isupper() or ticker.lower() == latin.lower():
                    continue  # (a word in brackets, or the name's own letters again)
            elif pattern in data_patterns and latin.isupper() and len(latin) <= 4:
                continue  # CPI数据显示: a measure's letters, not a company's (IG策略师 is one)
            # Home Depot Inc., HSBC Holdings PLC: the catalog's, read without the legal form;
            # one key of its own for Target Corp. and Target (TGT), in any article.
            forms = _without_legal_forms(latin, legal)
            keys = next((k for k in (english_index.get(normalise_key(f), set()) for f in forms) if k), set())
            key = next(iter(keys)) if len(keys) == 1 else "organization:" + slug(forms[-1])
            if not key.startswith(("person:", "place:")):
                found[view[span[0] : span[1]].strip()] = key
    return found


def _without_legal_forms(latin: str, legal: re.Pattern[str]) -> list[str]:
    """The name, then the name read without one more legal form each time (JPMorgan Chase
    & Co. → JPMorgan Chase &  → JPMorgan Chase), never down to nothing (Group stays)."""
    forms = [latin]
    while (shorter := legal.sub("", forms[-1])) and shorter != forms[-1]:
        forms.append(shorter)
    return forms


@lru_cache(maxsize=4)
def _legal_form_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """A legal form as a word of its own at the name's end, after a space or a comma."""
    words = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    return re.compile(r"(?:,? |,)(?:" + words + r")\.?$", re.IGNORECASE)


# A Latin name of one to four words, not inside a longer Latin run.
_LATIN_NAME = r"(?<![a-z0-9&.'\-])(?P<latin>[a-z][a-z0-9&.'\-]*(?: [a-z0-9&][a-z0-9&.'\-]*){0,3})"
# Target (TGT), Home Depot (NYSE: HD): a company and its ticker.
_TICKER = re.compile(_LATIN_NAME + r" ?[（(](?:(?:nyse|nasdaq)[:：] ?)?(?P<ticker>[a-z]{1,5})[）)]")
# 根据Wind显示, 据Numerator统计: a source whose figures show something.
_DATA_AFTER_SOURCE = re.compile(r"(?:根据|据)" + _LATIN_NAME + r"(?:显示|统计|数据)")


@lru_cache(maxsize=4)
def _corporate_pattern(endings: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(endings, key=len, reverse=True)))
    # (not Moody's Investors | Service: a Latin word after the ending goes on with the name)
    return re.compile(r"(?<![a-z0-9&.'\-])(?P<latin>[a-z][a-z0-9&.'\-]*(?: [a-z0-9&][a-z0-9&.'\-]*){0,2}"
                      r" (?:" + words + r"))(?![a-z0-9&'\-]| [a-z0-9])")


@lru_cache(maxsize=4)
def _staff_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A Latin name, then one of the firm's people (Stifel的分析师, Jefferies分析师)."""
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    # (Natixis高级经济学家, IG市场策略师, UPYO中东营销部门负责人: what the post is of, between)
    # (not Fairbank在与分析师交流, Kress上周三在与分析师: a person, then a circumstance)
    gap = r"(?:(?![在与和对向跟同是了及上周日月年])[\u4e00-\u9fff]){0,6}?"
    return re.compile(_LATIN_NAME + r"的?" + gap + r"(?:" + alternatives + r")")


@lru_cache(maxsize=4)
def _data_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(_LATIN_NAME + r"的?(?:" + alternatives + r")(?:显示|指出|发现|表明)")


def latin_after_descriptors(text: NormalisedText, descriptors: tuple[str, ...],
                            english_index: Mapping[str, set[str]], common: frozenset[str],
                            quoted_after: tuple[str, ...] = ()) -> dict[str, str]:
    """Bodies named by a Latin name right after a word for their sort (大宗商品追踪公司Kpler,
    民调机构YouGov, 数据服务商StatCounter), or in quotes after one (监测项目“38 North”): the Latin
    name → the catalog's key, or one of its own."""
    found: dict[str, str] = {}
    matches = [*_descriptor_latin_pattern(descriptors).finditer(text.text),
               *(_quoted_latin_pattern(quoted_after).finditer(text.text) if quoted_after else ()),
               *_SOURCED_LATIN.finditer(text.text)]
    for match in matches:
        start, end = match.span("latin")
        day = _DAY_DIGITS.search(text.text, start, end)
        if day is not None and text.text[end : end + 1] in DATE_UNITS:
            end = day.start()  # 影音平台Netflix | 24日: a date after the name
        latin = text.original_slice(start, end).strip()
        capital = latin[:1].isupper() or latin[:1].isdigit() and any(w[:1].isupper() for w in latin.split())
        if len(latin) < 3 or not capital or normalise_key(latin) in common:
            continue
        keys = english_index.get(normalise_key(latin), set())
        key = next(iter(keys)) if len(keys) == 1 else "organization:" + slug(latin)
        if not key.startswith(("person:", "place:")):
            found[text.text[start:end].strip()] = key
    return found


_DAY_DIGITS = re.compile(r"(?<=[a-z])\d{1,4}$")
# A source by its Latin name in quotes, after 据 and before what it reported (据“Asia-Plus”报道).
_SOURCED_LATIN = re.compile(r"据[“「『](?P<latin>[a-z0-9][a-z0-9&.\-]*(?: [a-z0-9][a-z0-9&.\-]*){0,3})[”」』]"
                            r"(?=报道|报导|称|消息|披露|指出)")


@lru_cache(maxsize=4)
def _descriptor_latin_pattern(descriptors: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(descriptors, key=len, reverse=True)))
    latin = r"(?P<latin>[a-z][a-z0-9&.\-]*(?: [a-z][a-z0-9&.\-]*){0,2})(?![a-z0-9&.\-])"
    # (电池厂商如Northvolt: an example of the sort)
    return re.compile("(?:" + words + ")(?:如|例如|比如|像是|像|包括)?" + latin)


@lru_cache(maxsize=4)
def _quoted_latin_pattern(descriptors: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(map(re.escape, sorted(descriptors, key=len, reverse=True)))
    latin = r"(?P<latin>[a-z0-9][a-z0-9&.\-]*(?: [a-z0-9][a-z0-9&.\-]*){0,3})"
    return re.compile("(?:" + words + ")[“「『]" + latin + "[”」』]")


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


# A Latin name of two to four words, and what may follow one that follows a title.
_LETTER = "a-zà-öø-ÿ"  # (lower case: the view's; Latin-1 letters for Hançer, Müller)
_LATIN_RUN = re.compile(
    rf"(?<![{_LETTER}'.\-])\s?(?P<name>[{_LETTER}][{_LETTER}'.\-]+(?: [{_LETTER}][{_LETTER}'.\-]+){{1,3}})\s?"
)
_LATIN_FOLLOWERS = frozenset("（(，,、和与及")
# A day after the name, before its verb: 主编emma tucker周一发表.
_DAY_AFTER = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]|[今昨前本当]天|\d{1,2}日")
# A second Latin name joined to a first: 和brittney griner.
_LATIN_JOINED = re.compile(r"\s?[和与及、]\s?(?P<name>[a-z][a-z'.\-]+(?: [a-z][a-z'.\-]+){1,3})")


def romanized_names(view: str, surnames: frozenset[str], not_given: frozenset[str],
                    body_words: frozenset[str] = frozenset(), known: frozenset[str] = frozenset(),
                    verbs: tuple[str, ...] = ()) -> dict[str, str]:
    """Two Latin words set in Chinese text, one of them a romanized Chinese or Korean surname
    (baird zhu, xu yanzhou, andrew jiang): a person's name as they give it in Latin letters,
    whatever comes before or after. Not where the other word names a place or a thing
    (hong kong, long beach: ``not_given``), a body's word is in it, or the catalog knows it."""
    found: dict[str, str] = {}
    for match in _ROMANIZED.finditer(view):
        first, second = match.group("first"), match.group("second")
        name = f"{first} {second}"
        # (Jacob Rothman … Rothman说: a full name whose surname alone speaks later)
        speaks = len(second) >= 3 and any(
            view[m.start() - 1 : m.start()] != " " and view.startswith(verbs, m.end())
            for m in re.finditer(r"(?<![a-z'.\-])" + re.escape(second) + r"(?![a-z'.\-])", view)
        ) if verbs else False
        if name in known or not ({first, second} & surnames or speaks) or {first, second} & not_given:
            continue
        if body_words.intersection((first, second)):
            continue
        if view[match.start("first") - 1 : match.start("first")] in ("(", "（"):
            continue  # 曾锐生(steve tsang), 李宁有限公司(li ning): a gloss of the name before it
        found[name] = "person:" + slug(name)
        # (…、Su Binchan和Jacob Rothman: a name listed beside it is a person's too)
        joined = _LATIN_JOINED.match(view, match.end("second"))
        if joined is not None and joined.group("name") not in known:
            _add_latin(found, joined.group("name"), body_words)
    _surnames_alone(view, found, verbs)  # (Rothman说 after Jacob Rothman)
    return found


# Two Latin words between Chinese characters or marks (在…公寓里，Baird Zhu看着…).
_ROMANIZED = re.compile(
    r"(?:(?<=[\u3000-\u9fff，。、；：“”「」（）(,;:!?])|^)\s?"
    r"(?P<first>[a-z]{2,12}) (?P<second>[a-z]{2,12})\s?(?=[\u3000-\u9fff，。、；：“”「」（）),;:!?])"
)


__all__ = ["latin_bodies", "latin_names", "romanized_names"]


_LATIN_FORM = re.compile(r"[a-z0-9&.'\- ]+")


def latin_short_forms(view: str, found: Mapping[str, str], legal_forms: tuple[str, ...]) -> dict[str, str]:
    """A Latin body's name without its legal form (Mintz after Mintz Group, Target after
    Target Corp.), written alone elsewhere in the article: the same body."""
    legal = _legal_form_pattern(legal_forms)
    out: dict[str, str] = {}
    for form, key in found.items():
        if key.startswith(("person:", "place:")) or not _LATIN_FORM.fullmatch(form):
            continue
        short = legal.sub("", form).strip()
        if short == form or len(short) < 3 or short in found or short in out:
            continue
        alone = re.compile(r"(?<![a-z0-9&.'\-])" + re.escape(short) + r"(?![a-z0-9&'\-]| [a-z])")
        if any(not view.startswith(form, m.start()) for m in alone.finditer(view)):
            out[short] = key
    return out
