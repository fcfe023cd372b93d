"""Organizations among the tagger's names: the shapes that make a body's name (a suffix, a
school's level, a university's unit, two fields joined by 和, a place before an institution)
and those that make a description instead (a country and what the company does, a qualifier
before a catalog body, a description in apposition, a title cut in two)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache

from kb.catalog import ORGANIZATION, PLACE
from kb.extract.name_rules import Affixes, NameRules
from kb.extract.tagger import Word
from kb.extract.text import OBJECT_MARKERS, uses

_HAN = re.compile(r"^[\u3400-\u9fff·\-‐－]+$")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NUMERAL = re.compile(r"[\d一二两三四五六七八九十几多数各]")
# Tags of a leading word that no organization's name starts with: verbs, prepositions,
# adverbs, conjunctions, pronouns, places in time or order (遭到, 来自, 证实, 透过, 对方, 前).
_NAME_TAGS = frozenset({"ORG", "PER", "LOC", "nz", "nw"})
_LEADING_NON_NAME = frozenset({"v", "p", "d", "c", "r", "u", "f"})
# A name in quotes or title marks: 『政客』, 《明镜》.
_QUOTED_NAME = re.compile(r"[「『《“](?P<name>[\u4e00-\u9fff·]{2,12})[」』》”]")
# A person's office: 办公室 right after the name, or after 的.
_OFFICE = re.compile(r"的?办公室")

# Directions that open a name of its own (西悉尼大学 is no 悉尼大学), not words before one.
_DIRECTIONS = frozenset("东西南北")


def assembled(view: str, words: Sequence[Word], rules: NameRules) -> list[tuple[int, int]]:
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
        # 中国驻 | 光洲领事馆: the tagger may end the country's word with the 驻 itself
        embassy = rules.mission.match(view, word.end - (view[word.end - 1] == "驻"))
        if embassy is not None:  # 中国驻加拿大使馆
            spans.append((word.start, embassy.end()))
            continue
        if word.tag == "LOC" and view.startswith(rules.local_governments, word.end - 1):
            spans.append((word.start, word.end + 1))  # 宜兰县 | 府: the county's government
            continue
        if word.tag == "LOC" and view.startswith(rules.local_governments, word.end):
            spans.append((word.start, word.end + 2))  # 台南 | 市府
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        if word.tag == "LOC" and following is not None and following.tag == "ORG" and (
            following.start == word.end and following.end - following.start <= 3
            and view.endswith(rules.country_bodies, following.start, following.end)
            and view[following.start : following.end] not in rules.organization_descriptors  # (法塔赫 | 政党)
        ):
            spans.append((word.start, following.end))  # 越南 | 共产党, 以色列 | 国防军: the country's own
            continue
        if word.tag == "LOC" and following is not None and following.tag == "ORG" and (
            following.start == word.end and following.end - following.start >= 4
            and view.endswith(rules.organization_suffixes, following.start, following.end)
            and not view.endswith(rules.corporate_suffixes, following.start, following.end)
        ):
            # 台灣 | 媽祖魚保育聯盟: an association's place is part of its name (a company's is
            # not: 美国 | 波音公司)
            spans.append((word.start, following.end))
            continue
        branch = following is not None and view.endswith(rules.branch_endings, following.start, following.end)
        if word.tag == "ORG" and following is not None and following.tag == "ORG" and (
            following.start == word.end and branch
        ):
            spans.append((word.start, following.end))  # 民进党 | 云林县党部: the party's branch
            continue
        end = word.end
        for at, following in enumerate(words[index + 1 : index + 4], start=index + 1):
            if following.start != end or following.tag not in ("n", "nz", "vn", "j", "an") and not (
                following.end - following.start >= 5 and any(
                    len(s) >= 3 and view.endswith(s, following.start, following.end)
                    for s in rules.long_organization_suffixes)
            ):
                break  # (平等機會委員會/a: whatever the tag, a long word ending in 委员会 is a body's)
            end = following.end
            last = view[following.start : end]
            if last.endswith(rules.organization_suffixes) and (
                last.endswith(rules.not_body_words)
                or following.tag in ("v", "vn") and not any(len(s) >= 2 and last.endswith(s)
                                                            for s in rules.organization_suffixes)
            ):
                break  # 军事 | 情报, 台湾 | 与会: a common word that only ends like a body
            if len(last) >= 2 and last.endswith(rules.organization_suffixes) and not last.endswith(
                rules.event_words
            ):
                if _runs_into_event(view, words, at, rules):
                    break  # 长三角 | 科技 | 产业创新论坛: the words go on to name an event
                rest = view[word.end : end]
                # 加拿大法院, 印度军队: a country's generic body is no name of its own.
                if rest not in rules.generic_bodies:
                    spans.append((word.start, end))
                break
    return spans


def _runs_into_event(view: str, words: Sequence[Word], at: int, rules: NameRules) -> bool:
    """Whether the common nouns right after ``words[at]`` end in an event's word (长三角科技 |
    产业 | 创新 | 论坛)."""
    end = words[at].end
    for following in words[at + 1 : at + 5]:
        if following.start != end or following.tag not in ("n", "nz", "vn", "j"):
            return False
        end = following.end
        run = view[following.start : end]
        if any(len(e) >= 2 and run.endswith(e) for e in rules.event_words):
            return True  # (not 案 or 展 alone: 办公室 | 对此 | 案 is the office and a case)
    return False


# Joiners of a list that no body's name ends with (和 may: 大和).
_END_JOINERS = ("及", "与", "、")


def clean_organization(form: str, count: int, rules: NameRules) -> str | None:
    if 0 <= form.rfind("的") < len(form) - 4:
        form = form[form.rfind("的") + 1 :]  # 埼玉县和光市的 | 理化学研究所 (not 雷纳希克的办公室)
    if len(form) >= 4 and form[-1] == form[-2]:
        form = form[:-1]  # 研究所所(公布): the tagger ran into the next word
    if len(form) >= 4 and form[-1] in _END_JOINERS:
        form = form[:-1]  # 爱德万及(软银集团): the list's joiner, no body's name ends with it
    if len(form) >= 4 and form[-1] == "等" and form[-2] not in rules.before_deng_in_words:
        form = form[:-1]  # 新光网等(4家企业): "and others", after the last one listed
    some = form.find("部分", 2)
    if some > 0 and form[:some].endswith((*rules.organization_suffixes, *rules.local_governments)):
        form = form[:some]  # 台南市政府 | 部分局处: "some" of its bureaus, not a body's name
    if len(form) >= 4 and form[-1] == "处" and form[:-1].endswith(rules.organization_suffixes):
        form = form[:-1]  # (从)电信安全局 | 处: where something came from, not the body's name
    if len(form) >= 5 and form[-1] == "会" and form[-2] in rules.modal_body_ends and (
        form[:-1].endswith(rules.organization_suffixes)
    ):
        form = form[:-1]  # 土木工程拓展署 | 会(与…跟进): the body, then 会 (will)
    for verb in rules.naming_verbs:
        if form.startswith(verb) and len(form) >= len(verb) + 2:
            form = form[len(verb) :]  # (一个)叫 | 沙姆解放组织: a verb that names what follows
            break
    if 0 < form.find("党籍") < len(form) - 3:
        form = form[form.find("党籍") + 2 :]  # 共和党籍 | 众议院(议长): a member's party, then a body
    inner = form.find("党")
    if form.endswith("党") and 0 <= inner < len(form) - 3:
        form = form[inner + 1 :]  # 在野党国民党, 多数党民主党: the party is the last one named
    for modifier in rules.ownership_words:
        # (after a place's media, 港媒 | 星岛网, any name; 台商 | 协会 is a name of its own)
        if form.startswith(modifier) and len(form) >= len(modifier) + (2 if modifier.endswith("媒") else 4):
            form = form[len(modifier) :]  # 国营 | 土耳其广播电视公司: who owns it, not its name
            break
    if not _HAN.match(form) or len(form) < 2 or form in rules.not_names:
        return None
    if _two_bodies(form, rules):
        return None
    if all(c in rules.abbreviations for c in form[:-1]) and (
        form[-1] in rules.not_names or form[-1] in rules.abbreviations
    ):
        return None  # (驻)日美军: countries' abbreviations and a generic word; 台美
    if len(form) >= 4 and form.endswith(rules.local_governments):
        return form  # 宜兰县府: a county's government (府 alone ends no body: 罗勇府 is a province)
    if form.endswith(rules.organization_suffixes) and len(form) >= 3:
        suffix = next(s for s in rules.organization_suffixes if form.endswith(s))
        if len(suffix) >= 2 and len(form) - len(suffix) == 1:
            return None  # 台大学(伦案), 某公司: one character is no name before a suffix
        return form
    if university_of(form, rules):
        return form  # 台北教育大学文化创意产业经营学系: a university's unit
    school = rules.school.fullmatch(form)
    if school and school.group("name") not in rules.school_owners:
        return form  # 国立台南二中: a school's shape
    # A short form without a suffix (台大, 北高行) is trusted once the tagger says so twice.
    return form if count >= 2 and 2 <= len(form) <= 5 else None


def _two_bodies(form: str, rules: NameRules) -> bool:
    """Whether ``form`` joins two bodies (环境部和农业部, 外国公司和政府, 甲医院等乙医院): the
    words before the joiner already end like a body. A name with a joiner inside
    (国际政治和安全事务研究所) has none before it."""
    for joiner in rules.body_joiners:
        at = form.find(joiner, 2)
        while 0 < at < len(form) - len(joiner):
            rest = form[at + len(joiner) :]
            # (检调单位及财政部: a generic body before the joiner is a body too)
            ends = (*rules.organization_suffixes, *rules.facility_endings, *rules.generic_bodies)
            if form[:at].endswith(ends) and (
                rest.endswith(rules.organization_suffixes) or rest in rules.generic_bodies
            ):
                return True
            at = form.find(joiner, at + 1)
    return False


def local_unit(view: str, form: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``form`` is a place and a body's local unit (北京办公室, 中国办事处): the unit of
    a body named before it, or of none, but no name of its own. A mission (驻以色列代表处) is
    one (kb.extract.same_body.missions)."""
    return f"驻{form}" not in view and any(known.get(form[:n]) == PLACE and form[n:] in rules.local_units
               for n in range(1, len(form) - 1))


def counted_or_sector(view: str, form: str, rules: NameRules) -> bool:
    """Whether every use of ``form`` counts a sort of body (一家中国律师事务所, 34家释迦包装厂)
    or makes a sector of it (美国银行业): a description, not a name. Only a form ending in a
    sort counts so (3家台积电工厂 counts the plants)."""
    at = view.find(form)
    if at < 0:
        return False
    # (a number counts any sort: 最少5个台湾妈祖协会; 3家台积电工厂 counts the plants, not 台积电)
    sort = form.endswith(rules.descriptive_suffixes) or form.endswith(rules.organization_suffixes)
    while at >= 0:
        end = at + len(form)
        counted = sort and (any(view.endswith(c, 0, at) for c in rules.body_counters)
                            or rules.counted.search(view, max(0, at - 6), at) is not None)
        if not counted and not view.startswith(rules.sector_endings, end):
            return False
        at = view.find(form, end)
    return True


def countries_body(form: str, rules: NameRules) -> bool:
    """Whether ``form`` is two countries' abbreviations and a sort of body (日美政府): their
    bodies together, no name, whatever vouches for it."""
    return len(form) > 2 and form[0] in rules.abbreviations and form[1] in rules.abbreviations and (
        form[2:] in rules.generic_bodies or form[2:] in rules.descriptive_suffixes
    )


def sort_described(form: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``form`` is at most a place or a body the catalog knows, then words that say
    what sort a body is (国际, 官方, 人道), then a sort's word: which body, it does not say."""
    starts = [0, *(n for n in range(2, min(6, len(form) - 2) + 1)
                   if known.get(form[:n]) in (PLACE, ORGANIZATION))]
    modifiers = (*rules.sort_modifiers, *rules.ownership_words)
    for start in starts:
        rest, seen = form[start:], False
        while (word := next((m for m in modifiers if rest.startswith(m)), None)) is not None:
            rest, seen = rest[len(word) :], True
        if seen and rest in rules.descriptive_suffixes:
            return True
    return False


def described(form: str, rules: NameRules, known: Mapping[str, str],
               tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """A country and a description, not a name: 美国咨询公司, 中国芯片设计公司, 日本执政党. A
    company or party after the country is described when the words after the country, read
    alone, hold no name (黑松公司 does); institutions are named by their field (中国田径协会)."""
    if form.endswith(rules.local_governments):
        return False  # 宜兰县府: the county's own government, named by the county
    for end in range(len(form) - 1, 1, -1):
        # 联合国机构, 纽约联合国总部: an organization the catalog knows and a description
        if form[end:] in rules.descriptive_suffixes and any(
            known.get(form[start:end]) == ORGANIZATION for start in range(0, end - 1)
        ):
            return True
    owned = (form[len(w) :] for w in rules.ownership_words if form.startswith(w))
    if any(rest in rules.descriptive_suffixes for rest in owned):
        return True  # 美资公司, 国营企业: who owns a sort of body, no name
    if sort_described(form, rules, known):
        return True  # 国际保险公司, 中国官方通讯社, 联合国人道机构
    if "各" in form[2:-1]:
        return True  # 义大利驻中各总领事馆: each of a sort
    if form.startswith(rules.plural_determiners) or any(
        form[n:].startswith(rules.plural_determiners) for n in (2, 3) if known.get(form[:n]) == PLACE
    ):
        return True  # 多国政府, 中国多所(大学): many bodies of a sort
    if countries_body(form, rules):
        return True  # 日美政府: two countries' bodies together
    for length in range(min(4, len(form) - 1), 0, -1):
        prefix, rest = form[:length], form[length:]
        is_place = known.get(prefix) == PLACE or (length == 1 and prefix in rules.abbreviations) or (
            length == 2 and prefix[1] == "国" and tag_alone(prefix) in (((prefix, "LOC"),), ((prefix, "ns"),))
        )  # (墨国: a country by its abbreviation)
        if not is_place:
            continue
        places, offices = rules.city_offices
        if length >= 2 and prefix.endswith(places) and rest.endswith(offices):
            return False  # 新北市 | 警局: a city's own office, named by the city
        if length >= 2 and rest.startswith(rules.utilities) and rest.endswith(("公司", "局")):
            return False  # 台北 | 捷运公司: the place's own service company
        bare = rest in rules.descriptive_suffixes or rest in rules.school_levels
        # 中国 | 地方政府, 台湾 | 有关部门: a place and a sort of bodies (not 新北市 | 政府, a body)
        bare = bare or rest in rules.sort_bodies
        if bare or length >= 2 and len(rest) == 1:
            return True  # 中国公司, 台北市高中; 中国党 (…和国家领导人): a place and a bare suffix
        if length == 1 and len(rest) < 4 or not rest.endswith(rules.descriptive_suffixes):
            return False  # 韩联社, 美联储; 中国田径协会, 挪威难民委员会
        # After a country's full name, the stem alone (the tagger calls any noun with 公司 an
        # ORG, as below: 美国 | 航太 | 公司); after one character (中 | 信法律事务所) all of it.
        suffix = next(s for s in rules.descriptive_suffixes if rest.endswith(s)) if length >= 2 else ""
        stem = rest[: len(rest) - len(suffix)]
        if suffix in rules.field_body_suffixes and len(stem) >= 2 and not prefix.endswith("方"):
            return False  # 香港 | 民意 | 研究所: an institute named by its field, as 田径协会 is
        return bool(stem) and not any(t in ("ORG", "PER", "LOC", "nz", "nw") for _, t in tag_alone(stem))
    # No country before it: the words before the suffix, read alone, hold a name (黑松 | 公司,
    # 中信 | 法律事务所) or are common nouns (数字初创 | 公司, 投资 | 代表团, 港元 | 银行). The whole
    # form read alone will not do: the tagger calls any noun with 公司 an ORG.
    suffix = next((s for s in rules.descriptive_suffixes if form.endswith(s)), None)
    if suffix is None or len(form) == len(suffix):
        return False
    stem = form[: -len(suffix)]
    if stem in rules.not_names:
        return True  # 电信 | 集团: a word the lexicon says names nothing, whatever the tagger reads
    return not any(t in ("ORG", "PER", "LOC", "nz", "nw") for _, t in tag_alone(stem))


def university_of(form: str, rules: NameRules) -> str | None:
    """The university a unit's name begins with (台北教育大学 | 文化创意产业经营学系), or None."""
    if not form.endswith(rules.university_units):
        return None
    for word in rules.university_words:
        at = form.find(word)
        if at >= 2 and at + len(word) < len(form):
            return form[: at + len(word)]
    return None


# A list item of one or two characters before the field (卫生、): a list of fields.
_FIELD_BEFORE = re.compile(r"(?:^|[、，,：:（(])[\u4e00-\u9fff]{1,2}、$")


def joined_by_and(view: str, words: Sequence[Word], rules: NameRules,
                   known: Mapping[str, str]) -> list[tuple[int, int]]:
    """Bodies named for two fields joined by 和 or 及 (土 | 灾难 | 和 | 应急管理署, 住房和城乡建设部,
    外交及国防委员会): a common noun, 和, then a body's name, with a country's one-character form
    before them."""
    spans = []
    for index in range(2, len(words)):
        word, joiner, field = words[index], words[index - 1], words[index - 2]
        end = word.end
        if index + 1 < len(words) and words[index + 1].start == end and words[index + 1].tag in ("n", "vn"):
            end = words[index + 1].end  # 应急 | 管理署
        if not view[word.start : end].endswith(rules.field_body_suffixes):
            continue  # (社区和医院: two sorts of place, no body named for two fields)
        if view[word.start : end].endswith(rules.not_body_words):
            continue  # 风险与好处: a common noun that only ends like a body
        # (the tagger may read the name's first part, a body's field, as a body of its own:
        # 中共中央党史 | 和 | 文献研究院; not a body with its own ending: 环境部 | 和 | 农业部)
        field_text = view[field.start : field.end]
        partial = field.tag == "ORG" and not field_text.endswith(rules.organization_suffixes)
        if view[joiner.start : joiner.end] not in ("和", "与", "及", "暨") or (
            field.tag not in ("n", "vn") and not partial
        ):
            continue
        placed = any(known.get(view[word.start : word.start + n]) == PLACE for n in range(2, 6))
        if word.tag not in ("n", "vn", "ORG") or placed or _NUMERAL.match(view, field.start):
            continue  # 两人和美国政府: two things, the second a name of its own
        if word.tag == "vn" and view[joiner.start] in "及暨":
            continue  # 意见及批评政府: 及 joins acts as well as fields
        noun = view[field.start : field.end]
        if noun in rules.person_words or noun.endswith("人"):
            continue  # 律师和律师事务所
        endings = (*rules.organization_suffixes, *rules.body_part_words, *rules.descriptive_suffixes)
        if noun.endswith(endings) or noun in rules.generic_bodies or noun in rules.organization_descriptors:
            # 提名策略小组 | 与 | 决策委员会, 市府 | 及 | 消防局, 团体 | 及 | 华尔街公司, (欧)美国家 | 和 |
            # 联合国…委员会: two bodies
            continue
        if _FIELD_BEFORE.search(view, max(0, field.start - 4), field.start):
            continue  # 国防、卫生、国土 | 和 | 内政部: the last of a list of fields, a ministry each
        if view[word.start : end] in rules.generic_bodies:
            continue  # (…及 | 消防局: a body's whole word after the joiner)
        if field.end - field.start < 2 or field.end != joiner.start or joiner.end != word.start:
            continue
        start = field.start
        if start and view[start - 1] in rules.abbreviations:
            start -= 1  # 土 | 灾难和应急管理署: Turkey's
        spans.append((start, end))
    return spans


def schools(view: str, words: Sequence[Word], rules: NameRules,
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
        if level == "国中" and view.startswith("国", match.end()):
            continue  # 进口国 | 中国: the level's 中 begins 中国
        if _NUMERAL.match(name) or any(c in rules.not_name_starts for c in name) or name in (
            *rules.not_names, *rules.school_owners, *rules.period_words
        ) or view[match.start() - 1 : match.start()].isdigit():
            continue  # 私立高中, 110学年 | 高中: an owner or a year and a level name no school
        spans.append(match.span())
    return spans


def always_after(view: str, form: str, words: str | tuple[str, ...]) -> bool:
    """Whether every use of ``form`` comes straight after ``words`` (one word or any of several)."""
    at = view.find(form)
    if at < 0:
        return False
    while at >= 0:
        if not view.endswith(words, 0, at):
            return False
        at = view.find(form, at + len(form))
    return True


def without_former(view: str, form: str, rules: NameRules) -> str:
    """``form`` after a 前 (former) inside it when every use is followed by a title (中国前外交部
    | 发言人, 前货币政策司 | 司长): 前 says the person left the office, and is no part of its name."""
    at = form.find("前")
    if at < 0 or len(form) - at - 1 < 2:
        return form
    use = view.find(form)
    while use >= 0:
        end = use + len(form)
        if not view.startswith(rules.titles_by_start.get(view[end : end + 1], ()), end):
            return form
        use = view.find(form, end)
    return form[at + 1 :]


def runs_into_title(view: str, form: str, rules: NameRules) -> bool:
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


def holds_a_person(form: str, rules: NameRules,
                   tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """Whether a tagged body goes on through a title to a name (自民党参院政审会长 | 松山政司): a
    person with their office, no body. What follows the title reads alone as a person's name,
    or as a Japanese one (a surname of two characters, then a given name of two)."""
    if form.endswith((*rules.long_organization_suffixes, *rules.event_words)):
        return False  # (立法院内 | 政委 | 员会: a body's word at the end)
    for at in range(2, len(form) - 3):
        for title in rules.titles_by_start.get(form[at], ()):
            rest = form[at + len(title) :]
            if len(title) < 2 or not form.startswith(title, at):
                continue
            if not (2 <= len(rest) <= 4 and _HAN.match(rest)):
                continue
            japanese = len(rest) == 4 and rest[1] in rules.japanese_surname_ends
            if japanese or tuple(t for _, t in tag_alone(rest)) == ("PER",):
                return True
    return False


def members_of_known(view: str, form: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``form`` qualifies a body the catalog knows (国会 | 共和党) and every use goes on
    to its people (国会共和党人): a description of them, no body."""
    if not any(known.get(form[cut:]) == ORGANIZATION for cut in range(1, len(form) - 1)):
        return False
    starts = list(uses(view, form))
    return bool(starts) and all(view.startswith(rules.member_words, at + len(form)) for at in starts)


def branch_parent(view: str, form: str, rules: NameRules, known: Mapping[str, str]) -> str | None:
    """The body whose unit in a place ``form`` names (恒生银行 | 上海 | 办事处, 凯盛融英 | 苏州 |
    分公司), or None: a branch speaks and is written of as its body. The body is the catalog's,
    ends as bodies do, or is written alone in the article."""
    unit = max((u for u in rules.local_units if form.endswith(u)), key=len, default="")
    stem = form[: len(form) - len(unit)]
    if not unit or "驻" in stem:
        return None  # (中国驻加拿大 | 代表处: a country's mission, named so)
    for cut in range(2, 5):
        place, parent = stem[-cut:], stem[:-cut]
        if known.get(place) != PLACE or len(parent) < 2 or known.get(parent) == PLACE:
            continue
        if known.get(parent) == ORGANIZATION or parent.endswith(rules.long_organization_suffixes) or (
            view.count(parent) > view.count(form)
        ):
            return parent
    return None


def described_known(form: str, rules: NameRules, known: Mapping[str, str]) -> str | None:
    """The catalog organization's name that ends ``form`` after a description of it
    (俄罗斯国家通讯社 | 塔斯社, 中国国营英文电视台 | 中国环球电视网), or None."""
    for cut in range(2, len(form) - 1):
        if known.get(form[cut:]) == ORGANIZATION and form[:cut].endswith(rules.organization_descriptors):
            return form[cut:]
    return None


def placed_known(form: str, rules: NameRules, known: Mapping[str, str],
                 countries: Mapping[str, str]) -> str | None:
    """The catalog organization's name that ends ``form`` after a place of its country, or any
    place for an international one (纽约 | 联合国安理会, 日本 | 共同社), or None. A generic
    body (国会, 外交部 of another country) is not the catalog's."""
    for cut in range(2, min(6, len(form) - 2)):
        place, rest = form[:cut], form[cut:]
        if known.get(place) != PLACE or known.get(rest) != ORGANIZATION or rest in rules.generic_bodies:
            continue
        if countries.get(rest, "") in ("", countries.get(place)):
            return rest
    return None


def after_description(form: str, rules: NameRules, known: Mapping[str, str]) -> str | None:
    """The name after a country's description of it (美国智库 | 两党政策中心, 中国国有钢铁公司 |
    宝武钢铁集团), when the rest is a body's name of its own: four characters or more, ending
    like a body and not starting with a place (中国银行 | 香港分行 is a branch)."""
    place = next((form[:n] for n in range(min(4, len(form) - 1), 1, -1) if known.get(form[:n]) == PLACE), "")
    if not place:
        return None
    if not form.endswith(rules.organization_suffixes):
        return None
    for cut in range(len(form) - 4, len(place), -1):  # the last description's end first
        rest = form[cut:]
        if not form[:cut].endswith(rules.organization_descriptors):
            continue
        placed = next((n for n in range(1, min(5, len(rest))) if known.get(rest[:n]) == PLACE), 0)
        if placed and rest[placed:].startswith((*rules.subsidiary_words, *rules.local_units)) or (
            rest in rules.not_names or rest in known
        ):
            # 中国银行 | 香港分行: a branch (美国智囊机构 | 亚洲协会 is a body of its own); a
            # catalog name after its description is the catalog's (described_known)
            return None
        if rest in rules.organization_suffixes or rest in rules.generic_bodies or (
            legal_form_only(rest, rules)
        ):
            # 台湾智库气候网络 | 研究中心: a body's word alone; 中国银行 | 股份有限公司: a legal form.
            # The name starts further back.
            continue
        suffix = max((x for x in rules.organization_suffixes if rest.endswith(x)), key=len, default="")
        head = rest[: len(rest) - len(suffix)]
        if len(head) <= 2 and not placed and head not in rules.organization_descriptors:
            return None  # 亚洲公司 | 治理协会: a word and a body's word, 公司治理 the name's
        return rest
    return None


def without_legal_form(form: str, rules: NameRules) -> str:
    """``form`` without a company's legal form and ending (中国银行 | 股份有限公司)."""
    ending = max((s for s in rules.corporate_suffixes if form.endswith(s)), key=len, default="")
    stem = form.removesuffix(ending)
    legal = any(w in ending for w in rules.legal_form_words)  # (not 美光科技 | 公司: no legal form)
    while stem and (word := next((w for w in rules.legal_form_words if stem.endswith(w)), None)):
        stem, legal = stem[: -len(word)], True
    return stem if legal else form


def legal_form_only(form: str, rules: NameRules) -> bool:
    """Whether ``form`` is a company's legal form and ending only (股份有限公司)."""
    return without_legal_form(form, rules) == ""


def in_apposition(view: str, form: str, words: Sequence[Word], rules: NameRules) -> bool:
    """Whether ``form`` describes the name written right after it each time (英国跨国银行 |
    巴克莱银行, 国际投资移民公司 | 亨利): a description ending like a company, not a name; or a
    sector before the word for its leader each time (中国科技 | 巨擘腾讯)."""
    found = list(uses(view, form))
    if found and all(view.startswith(rules.sector_heads, at + len(form)) for at in found):
        return True
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


def without_verb_character(form: str, tag_alone: Callable[[str], Sequence[tuple[str, str]]],
                           motion: frozenset[str] = frozenset()) -> str:
    """A body's name without one verb's character the tagger ran into it (获 | 国际咖啡品质协会):
    read alone, that character and then one whole body's name; or a verb of going or taking
    somewhere (``motion``: 送 | 国泰医院) before what reads alone as one body's name."""
    words = tag_alone(form)
    if len(words) == 2 and words[0][1] == "v" and len(words[0][0]) == 1 and words[1][1] == "ORG":
        return words[1][0]
    rest = form[1:]
    if form[0] in motion and len(rest) >= 4 and tag_alone(rest) == ((rest, "ORG"),):
        return rest  # 送 | 國泰醫院: where someone was taken, the tagger's one word
    return form


def without_leading_verb(form: str, tag_alone: Callable[[str], Sequence[tuple[str, str]]],
                         governments: tuple[str, ...] = (),
                         motion: frozenset[str] = frozenset()) -> str | None:
    """An organization without the verb or preposition the tagger ran into it (遭到 | 阿拉伯联盟,
    来自 | 工艺公司): read alone, the form's first word is no part of a name. Before a body
    named by its place and a word for government (``governments``: 政府, 当局), a verb of two
    characters read alone is no part of it either, however the whole reads (联络 | 特区政府)."""
    if (trimmed := without_verb_character(form, tag_alone, motion)) != form:
        return trimmed
    rest = form[2:]
    if len(rest) >= 4 and rest.endswith(governments) and tag_alone(form[:2]) == ((form[:2], "v"),):
        return rest
    words = tag_alone(form)
    cut = 0
    for word, tag in words[:-1]:
        if tag not in _LEADING_NON_NAME or len(word) < 2 and tag not in ("p", "f"):
            break
        cut += len(word)
    rest = form[cut:]
    return rest if len(rest) >= 2 else None


def without_leading_particle(view: str, form: str, rules: NameRules,
                             tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str:
    """A body's name without a particle the tagger ran into its start (另 | 远雄巨蛋事业股份有限
    公司, 依 | 文化局, 和 | 法国新闻台): the rest is written without it elsewhere in the article;
    or, for a ``strict`` particle that starts no body's name, its first two characters make no
    word and the rest ends like a body's."""
    rest = form[1:]
    if form[:1] not in rules.leading_particles or len(rest) < 3:
        return form
    if any(at == 0 or view[at - 1] != form[0] for at in uses(view, rest)):
        return rest
    if form[0] in rules.strict_leading_particles and len(tag_alone(form[:2])) == 2 and (
        rest.endswith(rules.organization_suffixes)
    ):
        return rest
    return form


def after_previous_word(view: str, form: str, known: Mapping[str, str],
                        tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str:
    """A catalog body without the character before it that ends the word before it (抹 | 黑 |
    特区政府, 国会 | 中 | 民主党): each time, the character before the form and the form's first
    read alone as one word or end a word and a locative, and the rest is the catalog's."""
    rest = form[1:]
    if len(rest) < 2 or known.get(rest) != ORGANIZATION or known.get(form) is not None:
        return form
    starts = list(uses(view, form))
    for at in starts:
        words = tag_alone(view[max(0, at - 2) : at + 1])
        last, tag = words[-1] if words else ("", "")
        # (国会 | 中 | 民主党: a locative after a noun; not 西 | 悉尼大学, a direction opening a name)
        verbal = len(last) >= 2 and tag in ("v", "a", "d", "ad", "vd")
        if not verbal and (tag != "f" or form[0] in _DIRECTIONS):
            return form
    return rest if starts else form


def without_reporting_verb(form: str, rules: NameRules) -> str:
    """A tagged body without the reporting verb the tagger ran into its end (美军等 | 透露): the
    name before it (and before an 等 of a list)."""
    verb = next((v for v in rules.person_after if len(v) >= 2 and form.endswith(v)), "")
    if not verb:
        return form
    return form[: -len(verb)].removesuffix("等")


def without_counted_things(form: str, rules: NameRules) -> str:
    """A tagged body without a count of its ships, planes or vehicles before it (三艘 |
    菲律宾政府(船只)): the body whose things they are."""
    counted = rules.counted_things.match(form)
    return form[counted.end() :] if counted and len(form) - counted.end() >= 3 else form


def founded(form: str, rules: NameRules) -> str | None:
    """A tagged body with a verb of founding inside it (万那杜 | 开设 | 大使馆): what was founded,
    if a name of four characters or more follows the verb; None if only a sort's word does."""
    for verb in rules.founding_verbs:
        at = form.find(verb, 1)
        if at < 0:
            continue
        rest = form[at + len(verb) :]
        if len(rest) >= 4 and rest.endswith(rules.organization_suffixes):
            return rest
        return None
    return form


def without_trailing_words(form: str, rules: NameRules,
                           tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str:
    """An organization without the common words the tagger ran into its end (东海海区指挥部 |
    工作汇报): read alone, a body's whole name and then words of no name. A one-character
    ending inside a verb (汇报, not 日报 or 办公厅) or a word of ``not_body_words`` (官网)
    makes no body's ending."""
    for word in rules.not_body_words:
        stem = form[: -len(word)]
        if form.endswith(word) and stem.endswith((*rules.organization_suffixes, *rules.local_governments)):
            return stem  # 海协会 | 官网
    words = tag_alone(form)
    if not words:
        return form
    last, last_tag = words[-1]
    suffix = next((s for s in rules.organization_suffixes if form.endswith(s)), "")
    if suffix and not (len(suffix) == 1 and len(last) > 1 and last_tag in ("vn", "v")):
        return form
    head, tag = words[0]
    if len(words) >= 2 and tag == "ORG" and head.endswith(rules.organization_suffixes) and all(
        t in ("n", "vn", "v") for _, t in words[1:]
    ):
        return head
    return form


def before_known(form: str, known: Mapping[str, str],
                 tag_alone: Callable[[str], Sequence[tuple[str, str]]],
                 verbs: Affixes | None = None, named: Collection[str] = ()) -> str | None:
    """The catalog organization's name after a word that is no part of it (达 | 世界卫生组织,
    前 | 美国中央情报局): a verb, an adverb or a preposition of one or two characters, or
    words that end in a verb or a preposition (美国国务院向 | 半岛电视台), or in one of
    ``verbs`` whatever the tagger reads (信中援引 | 路透社). A body the article ``named``
    alone counts after a verb of one or two characters (会晤 | 国台办)."""
    for cut in (1, 2):
        rest = form[cut:]
        if len(rest) < 2:
            continue
        if known.get(rest) == ORGANIZATION:
            words = tag_alone(form[:cut])
            # (很快 | 美国在台协会: an adverb; not 西 | 悉尼大学: a direction opens a name of its own)
            if len(words) == 1 and words[0][1] in (*_LEADING_NON_NAME, "d", "ad", "f", "t") and (
                    form[:cut] not in _DIRECTIONS):
                return rest
        if rest in named and tuple(t for _, t in tag_alone(form[:cut])) in (("v",), ("vn",)):
            return rest
    for cut in range(3, len(form) - 1):  # 日本政府委托 | 国际原子能机构: a clause, then the catalog's body
        rest = form[cut:]
        if known.get(rest) == ORGANIZATION and (
            tag_alone(form[:cut])[-1][1] in ("v", "p") or (verbs is not None and verbs.ends_at(form[:cut]))
        ):
            return rest
    return None


_CLAUSE_OPENING = frozenset("，,。；;：:\n")


def quoted_media(view: str, rules: NameRules) -> list[tuple[int, int]]:
    """A publication named in quotes, then what it is (『政客』网站, 「民众报」, 《明镜》周刊): the
    quoted name is a body of its own."""
    spans = []
    for match in _QUOTED_NAME.finditer(view):
        # (or a title in 《》 that ends like a publication: 《新苏黎世报》写道)
        titled = view[match.start()] == "《" and match["name"].endswith(rules.media_words)
        # (…。《日经亚洲》报导则称: a title opening a clause, then its report, is a publication's)
        opens = match.start() == 0 or view[match.start() - 1] in _CLAUSE_OPENING
        reports = view[match.start()] == "《" and opens and view.startswith(rules.media_verbs, match.end())
        # (美国杂志《外交政策》: what it is, right before the title)
        described = view[match.start()] == "《" and view.endswith(rules.publication_sorts, 0, match.start())
        if titled or reports or described or view.startswith(rules.media_words, match.end()):
            spans.append(match.span("name"))
    return spans


def quoted_bodies(view: str, rules: NameRules) -> list[tuple[int, int]]:
    """A body named in quotes right after what it is (遇难者家属组织「天安门母亲」, 人权团体“中国
    人权捍卫者”): the quoted name is the body's; a title in 《》 names a work, no body."""
    descriptors = rules.quoted_body_descriptors
    # (机构“因不可抗力”决定…: a quoted phrase opening with a word no name starts with)
    return [match.span("name") for match in _QUOTED_NAME.finditer(view)
            if view[match.start()] != "《" and view.endswith(descriptors, 0, match.start())
            and match["name"][0] not in rules.not_name_starts]



def speaking_quoted(view: str, rules: NameRules) -> list[tuple[int, int]]:
    """A name in quotes opening a clause, then a reporting verb (，"零食很忙"表示，…): the quoted
    name is a body's that speaks (a brand's company, a group's) — no person's name is quoted."""
    spans = []
    for match in _QUOTED_NAME.finditer(view):
        opens = match.start() == 0 or view[match.start() - 1] in _CLAUSE_OPENING
        if opens and view[match.start()] != "《" and rules.person_after_words.starts_at(view, match.end()):
            spans.append(match.span("name"))
    return spans


# 据 and a source alone before a comma, at a clause's start (据财联社，, 据证券日报，), or its
# account (据小鹏汇天公众号，, 据“腾讯安全”公号，).
_BARE_SOURCE = re.compile(r"(?:^|(?<=[，,。；;\n「“]))据(?P<name>[\u4e00-\u9fff]{2,6})[，,]")


@lru_cache(maxsize=4)
def _bare_source(accounts: tuple[str, ...]) -> re.Pattern[str]:
    either = "|".join(map(re.escape, sorted(accounts, key=len, reverse=True)))
    return re.compile(r"(?:^|(?<=[，,。；;\n「“]))据[“「]?(?P<name>[\u4e00-\u9fff]{2,8}?)[”」]?"
                      rf"(?P<account>{either})?[，,]")


def bare_sources(view: str, words: Sequence[Word], known: Mapping[str, str],
                 rules: NameRules) -> list[tuple[int, int]]:
    """A source named alone before a comma (据财联社，…, 据证券日报，…): a news outlet or another
    body, when the tagger read it as one name (ORG, nz, nw), when its account is named (据小鹏汇天
    公众号), or when it begins with a body the catalog knows (据新浪科技，: Sina's tech channel) —
    据了解, 据悉 are words, no name."""
    starts = {w.start: w for w in words}
    spans = []
    for match in _bare_source(rules.official_accounts).finditer(view):
        name = match["name"]
        word = starts.get(match.start("name"))
        tagged = word is not None and word.end == match.end("name") and word.tag in ("ORG", "nz", "nw")
        # (据白宫介绍，, 据央视报道，: the body and a verb of its report, no channel's name)
        branch = len(name) >= 4 and any(known.get(name[:n]) == ORGANIZATION
                                        and not rules.person_after_words.starts_at(name, n)
                                        for n in range(2, len(name) - 1))
        if "的" in name:
            continue  # 据美军的说法，: whose account, no name
        if (tagged or match["account"] or branch) and not rules.title_words.ends_at(name[:-1]):
            spans.append(match.span("name"))  # (据内政部长 | 称，: a title and its verb, no body)
    return spans


def bare_media(view: str, words: Sequence[Word], media_endings: tuple[str, ...]) -> list[str]:
    """A source named alone before a comma that the tagger left in pieces but that ends like a
    medium's name (据界面 | 新闻，, 据智通 | 财经，, 据上 | 证报，): the medium, whatever its
    pieces read as alone."""
    starts = {w.start: w for w in words}
    found = []
    for match in _BARE_SOURCE.finditer(view):
        word = starts.get(match.start("name"))
        name = match.group("name")
        pieces = word is None or word.end < match.end("name")  # (据上 | 证报: the tagger's own cut)
        if pieces and len(name) >= 3 and name.endswith(media_endings):
            found.append(name)
    return found


def describes_a_title(view: str, form: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``form`` is a place and a sort of publication right before a title in 《》 each
    time (香港日报《南华早报》, 英国报纸《卫报》), or a sort of body right before a quoted name
    (武装组织「哈玛斯」): what the name is, not a name of its own."""
    found = list(uses(view, form))
    if found and form.endswith(rules.organization_descriptors) and all(
        view.startswith(("「", "“", "『", " 「", " “", " 『"), at + len(form)) for at in found
    ):
        return True  # 巴勒斯坦伊斯兰武装组织「哈玛斯」: the sort of body, then its quoted name
    place = next((n for n in range(len(form) - 1, 1, -1) if known.get(form[:n]) == PLACE), 0)
    if not place or form[place:] not in rules.media_words:
        return False
    return bool(found) and all(view.startswith("《", at + len(form)) for at in found)


def business_units(view: str, words: Sequence[Word], catalog_hits: Iterable[tuple[int, int]],
                   rules: NameRules, known: Mapping[str, str]) -> dict[str, str]:
    """A company's unit named by the company and its line of business (瑞穗证券, 网易游戏,
    瑞银全球财富管理): a body of its own, not the company the catalog knows. The tagger may
    hold the whole in one word, leave it in pieces or not read the sentence at all, so the
    line is read from the text after each catalog form (``catalog_hits``: start, length).
    Each unit's form, with a legal ending that follows (…资产管理公司) → its key."""
    lines, scopes, companies = rules.business_lines, rules.business_scopes, rules.company_forms
    longest = max(map(len, lines), default=0) + max(map(len, scopes), default=0)
    spans = [(w.start, w.end) for w in words if w.tag == "ORG"]
    for start, length in catalog_hits:
        if view[start : start + length] in companies:
            spans += [(start, end) for end in range(start + length + longest, start + length, -1)]
    units: dict[str, str] = {}
    taken = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start <= taken or not _ends_in_line(view[start:end], lines, scopes, companies):
            continue
        if view.startswith(rules.business_line_breakers, end) or view[start:end] in known:
            continue  # 证券 | 业: the trade; 渣打银行: the catalog's own name for the company
        ending = next((e for e in rules.legal_endings if view.startswith(e, end)), "")
        form = view[start : end + len(ending)]
        units[form] = "organization:zh-" + form
        taken = end - 1
    return units


def _ends_in_line(form: str, lines: tuple[str, ...], scopes: tuple[str, ...],
                  companies: frozenset[str]) -> bool:
    """Whether ``form`` is a catalog company, an optional reach (全球) and a line of business."""
    for line in lines:
        if not form.endswith(line):
            continue
        head = form[: -len(line)]
        for scope in scopes:
            head = head.removesuffix(scope)
        if head in companies:
            return True
    return False


def speaking_bodies(view: str, words: Sequence[Word], rules: NameRules,
                    known: Mapping[str, str] | None = None) -> list[tuple[int, int]]:
    """A government body's short name opening a clause right before a reporting verb (考评局表示,
    客委会表示, 工旅处指出): the tagger reads it as common nouns, but what speaks there and ends
    like a body is one; so is a name the tagger read as a body once (国联证券指出)."""
    spans = []
    for index, word in enumerate(words):
        if word.start and view[word.start - 1] not in _CLAUSE_BOUNDARY:
            continue
        end = word.end
        for last in range(index, min(index + 2, len(words))):
            if words[last].tag not in _BODY_WORD_TAGS or (last > index and words[last].start != end):
                break
            end = words[last].end
            form = view[word.start : end]
            # (or one word the tagger read as a body, of any ending: 国联证券近期指出, 本田表示)
            tagged = last == index and word.tag == "ORG" and len(form) <= 6 and not (
                known and any(known.get(form[a:b], PLACE) != PLACE
                              for a in range(len(form)) for b in range(a + 2, len(form) + 1))
            )  # (中国央视, 联准会决策: a body the catalog knows, and more; the catalog's body speaks)
            if not (2 <= len(form) <= 4 or tagged) or not _HAN.match(form) or not (
                form.endswith(rules.speaking_body_endings) or tagged
            ):
                continue
            if form[0] in _DETERMINERS or form in rules.generic_bodies or form in rules.not_names:
                break
            verb_at = end
            if last + 1 < len(words) and words[last + 1].tag in ("d", "TIME", "t") and (
                words[last + 1].end - words[last + 1].start <= 2
            ):
                verb_at = words[last + 1].end  # 客委会也表示, 考评局今天指出
            learned = view.startswith(rules.learning_verbs, verb_at)  # (员工处 | 获悉: where it was learned)
            if view.startswith(rules.person_after, verb_at) and not learned:
                spans.append((word.start, end))
            break
    return spans


def described_speakers(view: str, words: Sequence[Word], rules: NameRules,
                       known: Mapping[str, str] | None = None) -> list[tuple[int, int]]:
    """A name right after a word for its sort and right before a reporting verb (中国媒体 |
    第一财经 | 今天报导, 研究机构 | 中金公司 | 指出): what the sort's word describes, speaking, is
    a body of that sort. Not a person word or a title (公司 | 发言人), nor a word that points back
    (该, 这), nor a place alone."""
    spans = []
    descriptors = rules.descriptor_words
    for index, word in enumerate(words):
        if not index or not descriptors.ends_at(view, word.start) or word.tag not in _NAME_PART_TAGS:
            continue
        previous = words[index - 1]
        if previous.end != word.start or not descriptors.ends_at(view[previous.start : word.start]):
            continue  # (品牌 | 厂华硕: the descriptor's word goes on into the name's first character)
        end, last = word.end, index
        while last + 1 < len(words) and words[last + 1].start == end and (
            words[last + 1].tag in _NAME_PART_TAGS and end - word.start < 6
        ):
            last += 1
            end = words[last].end
        form = view[word.start : end]
        if not 2 <= len(form) <= 8 or not _HAN.match(form) or form[0] in _DETERMINERS:
            continue
        if all(w.tag == "n" for w in words[index : last + 1]):
            continue  # 官媒 | 评论, 公司 | 高管: common nouns, no name
        named = known is not None and any(
            known.get(form[a:b]) for a in range(len(form)) for b in range(a + 2, len(form) + 1)
        )
        if named or rules.person_cue_words.ends_at(form) or rules.person_cue_words.starts_at(form) or (
            form in rules.not_names or form in rules.generic_bodies
        ):
            continue  # 公司 | 发言人, 媒体 | 记者: a person of the body; 媒体 | 中国: the catalog's
        verb_at = end
        if last + 1 < len(words) and words[last + 1].tag in ("d", "TIME", "t") and (
            words[last + 1].end - words[last + 1].start <= 2
        ):
            verb_at = words[last + 1].end  # 第一财经 | 今天 | 报导
        if view.startswith(rules.person_after, verb_at):
            spans.append((word.start, end))
    return spans


# Tags of the words of a body's name: nouns, proper nouns, numerals (第一), abbreviations.
_NAME_PART_TAGS = frozenset({"n", "nz", "nw", "j", "m", "ORG"})
_CLAUSE_BOUNDARY = frozenset("\n。，；：！？」』”）) ")
_BODY_WORD_TAGS = frozenset({"n", "nz", "j", "vn", "nt", "an", "ORG"})
# Words that point at a body named before (该局, 本会, 两署): descriptions, not names.
_DETERMINERS = frozenset("该本此这其各两双每全")


def numbered_channels(view: str, known: Mapping[str, str]) -> list[tuple[int, int]]:
    """A country's numbered television channel (德国电视一台, 法国电视二台): a broadcaster."""
    spans = []
    for match in _CHANNEL.finditer(view):
        start = match.start()
        place = next((n for n in range(5, 1, -1) if known.get(view[start - n : start]) == PLACE), 0)
        if place:
            spans.append((start - place, match.end()))
    return spans


_CHANNEL = re.compile("电视[一二三四五六七八九十]台")


def armed_forces(view: str, countries: Mapping[str, str], abbreviations: Mapping[str, str],
                 catalog_forces: Mapping[str, str], known: Collection[str],
                 army_words: tuple[tuple[str, ...], frozenset[str]]) -> dict[str, str]:
    """A country's armed forces, by its name (以色列军队, 菲律宾军方, 以色列国防军) or its
    one-character form and 军 (以军表示): form → the catalog's key for them, or one of the
    country's own, so that every form of one army is one body."""
    found: dict[str, str] = {}
    words, word_characters = army_words
    for match in _alternation(words).finditer(view):
        start, end = match.span()
        if match[0] == "军" and view[end : end + 1] in word_characters:
            continue  # 乌克兰军事援助: 军事, not an army
        # the longest country form right before (以色列 | 军队)
        at = next((at for at in range(max(0, start - 6), start - 1) if view[at:start] in countries), None)
        country = countries[view[at:start]] if at is not None else None
        if at is not None and country is not None:
            form = view[at:end]
        elif match[0] == "军" and view[start - 1 : start] in abbreviations and not (
            "\u4e00" <= view[start - 2 : start - 1] <= "\u9fff"
        ):
            country, form = abbreviations[view[start - 1]], view[start - 1 : end]
        else:
            continue
        if form not in known:
            found[form] = catalog_forces.get(country, f"organization:{country}-armed-forces")
    return found


def military_branches(view: str, countries: Mapping[str, str], known: Collection[str],
                      branches: tuple[Mapping[str, str], tuple[str, ...]]) -> dict[str, str]:
    """A country's service of arms (美国空军, 韩国海军陆战队): form → a key of the country and
    the service, so that every mention of one is one body (not a site: 美国空军基地)."""
    words, sites = branches
    found: dict[str, str] = {}
    for match in _alternation(tuple(words)).finditer(view):
        start, end = match.span()
        if view.startswith(sites, end):
            continue
        at = next((at for at in range(max(0, start - 6), start - 1) if view[at:start] in countries), None)
        if at is None:
            continue
        form = view[at:end]
        if form not in known:
            found[form] = f"organization:{countries[view[at:start]]}-{words[match[0]]}"
    return found


def place_governments(view: str, places: Mapping[str, str], governments: Mapping[str, str],
                      country_names: Mapping[str, str], known: Collection[str],
                      words: tuple[str, ...], joiners: str = "") -> dict[str, str]:
    """A country's or its capital's authorities (以色列当局, 平壤当局, 中国当局): its government —
    the catalog's, where it lists one, else the body 'country + 政府' names, so that 以色列当局
    and 以色列政府 are one body. ``places`` maps a place form to its country's key,
    ``country_names`` a country's key to the form its government is named by."""
    found: dict[str, str] = {}
    for match in _alternation(words).finditer(view):
        start, end = match.span()
        at = next((at for at in range(max(0, start - 6), start - 1) if view[at:start] in places), None)
        if at is None or view[at:end] in known:
            continue
        joined = at > 0 and view[at - 1] in joiners and any(
            view[b : at - 1] in places for b in range(max(0, at - 7), at - 2))
        if joined:
            continue  # 中国和香港当局: the authorities of both, which a subject reads (not one body)
        country = places[view[at:start]]
        name = country_names.get(country, view[at:start])
        found[view[at:end]] = governments.get(country, f"organization:zh-{name}政府")
    return found


@lru_cache(maxsize=4)
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def counted_companies(view: str, known: Mapping[str, str], function_characters: frozenset[str]
                      ) -> list[tuple[int, int]]:
    """Names listed and then counted in 家, the classifier of firms (蔚来、小鹏、零跑三家新势力车企,
    腾讯和阿里两家公司): each a body, unless the catalog knows it as something else."""
    spans = []
    for match in _COUNTED_LIST.finditer(view):
        names = _LIST_JOINERS.split(match["names"])
        if len(names) != _COUNTS.get(match["count"], 0) or any(
            known.get(name, ORGANIZATION) != ORGANIZATION or function_characters.intersection(name)
            for name in names
        ):
            continue  # the count must be the list's, of names only (not 该公司在上海和纽约开设两家…)
        at = match.start("names")
        for name in names:
            spans.append((at, at + len(name)))
            at += len(name) + 1
    return spans


# Two to five names of two to six characters joined by 、, 和, 及 or 与, then a count in 家.
_COUNTED_LIST = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<names>[\u4e00-\u9fff]{2,6}?(?:[、和及与][\u4e00-\u9fff]{2,6}?){1,4})"
    r"(?:这|这些)?(?P<count>[两二三四五六七八九\d])家"
)
_COUNTS = {**{c: n for n, c in enumerate("一两三四五六七八九", 1)}, "二": 2,
           **{str(n): n for n in range(1, 10)}}
_LIST_JOINERS = re.compile("[、和及与]")

__all__ = [
    "armed_forces",
    "counted_companies",
    "numbered_channels",
    "quoted_media",
    "always_after",
    "assembled",
    "branch_parent",
    "clean_organization",
    "described",
    "described_known",
    "in_apposition",
    "joined_by_and",
    "runs_into_title",
    "schools",
    "speaking_bodies",
    "without_leading_verb",
]


# What may stand between a speaker and its verb (周日, 也): a few characters, no punctuation.
_BEFORE_VERB = re.compile(r"[^，,。；;：:“”「」()（）\n]{0,8}")


def _speaks_soon(view: str, pos: int, verbs: re.Pattern[str]) -> bool:
    """Whether a reporting verb opens within a few characters of ``pos`` (拜登竞选团队 | 周日表示)."""
    near = _BEFORE_VERB.match(view, pos)
    return near is not None and verbs.search(view, pos, near.end()) is not None




def campaigns(view: str, people: Iterable[tuple[int, int]], words: Sequence[str],
              verbs: re.Pattern[str]) -> dict[str, str]:
    """A person's campaign speaking (拜登竞选团队指出, 特朗普的竞选团队表示): a body of its own that
    speaks for the candidate, as news writes "the Biden campaign said". ``people``: where the
    article names a person (start, end); ``words``: the lexicon's words for a campaign; ``verbs``:
    the reporting verbs, one of which follows within a few characters. Each form → its key, one key with
    的 or without. (Where the campaign only qualifies someone, 某某竞选团队的一位发言人, the
    person named stays a mention.)"""
    found: dict[str, str] = {}
    for start, end in people:
        after = end + 1 if view.startswith("的", end) else end
        word = next((w for w in words if view.startswith(w, after)), None)
        spoken_to = start > 0 and view[start - 1] in OBJECT_MARKERS  # (向拜登的竞选团队发出警告)
        if word is not None and not spoken_to and not view.startswith("的", after + len(word)) and (
                _speaks_soon(view, after + len(word), verbs)):
            form = view[start : after + len(word)]
            found[form] = "organization:zh-" + view[start:end] + word
    return found
