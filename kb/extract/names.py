"""Names no catalog knows: people, organizations and places that the tagger finds, checked
against the shape of names and cleaned before they become entities of the article.

The tagger (``kb.extract.tagger``) marks names well but not cleanly: it splits long
transliterations (叶卡捷 / 琳堡市), fuses titles to names (蔡总统), tags compounds of country
abbreviations as places (中美) and, now and then, a common noun as an organization. Each
candidate is therefore joined, trimmed and checked by rules kept as data in the lexicon:
organizations need the shape of one (``kb.extract.bodies``: a suffix such as 委员会 or 公司,
or repeated tagging), places a place's suffix or a clean tag, people a clean Chinese or
transliterated name and, for a single transliterated word, a use only a person has.
An article calls one name one thing: a form tagged several ways gets its majority kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import lru_cache
from itertools import product

from kb.catalog import ORGANIZATION, PERSON, PLACE
from kb.extract.bodies import (
    after_description,
    after_previous_word,
    always_after,
    assembled,
    bare_media,
    bare_sources,
    before_known,
    branch_parent,
    clean_organization,
    counted_companies,
    counted_or_sector,
    countries_body,
    described,
    described_known,
    described_speakers,
    describes_a_title,
    founded,
    holds_a_person,
    in_apposition,
    joined_by_and,
    local_unit,
    members_of_known,
    numbered_channels,
    placed_known,
    quoted_bodies,
    quoted_media,
    runs_into_title,
    schools,
    sort_described,
    speaking_bodies,
    speaking_quoted,
    without_counted_things,
    without_former,
    without_leading_particle,
    without_leading_verb,
    without_legal_form,
    without_reporting_verb,
    without_trailing_words,
)
from kb.extract.entities import transliteration_chars
from kb.extract.name_rules import Affixes, Name, NameRules
from kb.extract.readings import Readings
from kb.extract.same_body import (
    local_governments,
    local_short_forms,
    located,
    missions,
    same_company,
    shortened_bodies,
    university_units,
)
from kb.extract.tagger import Word
from kb.extract.text import uses

_TAG_KINDS = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
# The rest of a city's name, then a reporter's credit or dateline (国市摄, 国市9日电).
_CREDIT_PLACE = re.compile(r"[\u4e00-\u9fff]{1,3}[市县州][ \t]?(?:\d{1,2}日)?(?:摄|电|专电)")
_DOTTED = str.maketrans({"-": "·", "‐": "·", "－": "·"})
_HAN = re.compile(r"^[\u3400-\u9fff·\-‐－]+$")
_NAME_DOT = "·"
_CHINESE_NUMERALS = frozenset("一二三四五六七八九十")
_NAME_JOINERS = ("·", "-", "‐", "－")
_REGNAL = re.compile("[一二三四五六七八九十]{1,3}世")
_LIST_JOINERS = ("、", "和", "及", "与")
_BRACKET = re.compile(r"[（(][^（）()]*[）)]")
# Where a list of names ends and says what its items are (…在内的美国公司, …等科技公司).
_LIST_CLOSE = re.compile(r"在内的|等")
_COUNTRIES_COUNTED = re.compile(r"[两二三四五六七八九十几多数]国")
_COUNTED_START = re.compile(r"[\d一二两三四五六七八九十几多数]+[家个所间座名位党]")
_QUOTE_PAIRS = frozenset({"「」", "『』", "《》", "“”", "〈〉"})
_LIST_ITEM = re.compile("[、和及与]|等")
_CLAUSE_BREAKS = ",，。；;：:\n"
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
# The tagger's tags of verbs, adjectives and adverbs: a word read alone so is no name's.
_VERB_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d"})


# One to three characters, then a Latin name in brackets.
_BEFORE_LATIN = re.compile(r"([\u4e00-\u9fff]{1,3})\s?[（(][A-Za-z]")


def _foreign_run(text: str) -> bool:
    """Whether ``text`` is written in transliteration characters, dots and hyphens only."""
    chars = transliteration_chars()
    return all(c in chars or c in _NAME_JOINERS for c in text)


def _foreign_prefix(text: str) -> str:
    """The transliterated characters ``text`` starts with, if two or more."""
    chars = transliteration_chars()
    n = 0
    while n < len(text) and text[n] in chars:
        n += 1
    return text[:n] if n >= 2 else ""


def _name_goes_on(view: str, words: Sequence[Word], index: int) -> bool:
    """Whether the words from ``index`` on are joined pieces of a name, up to a person: more
    joiners and particles read as punctuation, then a transliterated person right after them."""
    end = words[index - 1].end
    for word in words[index : index + 4]:
        if word.start != end:
            return False
        text = view[word.start : word.end]
        if word.tag == "PER":
            return _foreign_run(text)
        if word.tag != "w" or text[0] not in _NAME_JOINERS or not _foreign_run(text):
            return False
        end = word.end
    return False


def _after_title(view: str, word: Word, rules: NameRules | None) -> Word:
    """A tagged person without the place and title the tagger ran into it (罗德州州长 | 维亚):
    the name starts after the last title inside it."""
    if rules is None or word.tag != "PER" or view.endswith(rules.organization_suffixes, word.start, word.end):
        return word  # 提格雷中央司令部: a body the tagger called a person, read as one later
    cut = word.start
    for at in range(word.start, word.end - 1):
        for title in rules.titles_by_start.get(view[at], ()):
            if at + len(title) < word.end and view.startswith(title, at):
                cut = max(cut, at + len(title))
    return Word(cut, word.end, word.tag) if word.start < cut <= word.end - 2 else word


def _joined(view: str, words: Sequence[Word], rules: NameRules | None = None) -> list[tuple[int, int, str]]:
    """Name words as (start, end, tag), with a name the tagger split joined again: two
    words of one name tag side by side, or around a middle dot (斯托尔滕 / 贝格), or a dot
    and a surname it read as punctuation (塞思 / ·克鲁姆里奇)."""
    spans: list[tuple[int, int, str]] = []
    for index, word in enumerate(words):
        word = _after_title(view, word, rules)
        if word.tag == "w" and spans and spans[-1][1] == word.start and spans[-1][2] == "PER":
            text = view[word.start : word.end]
            if len(text) >= 3 and text[0] in _NAME_JOINERS and _foreign_run(text):
                # 塞思 | ·克鲁姆里奇: the tagger read the dot and the surname after it as punctuation
                spans[-1] = (spans[-1][0], word.end, "PER")
            elif len(text) == 2 and text[0] == "·" and "\u4e00" <= text[1] <= "\u9fff" and (
                _LATIN_GLOSS_AT.match(view, word.end)
            ):
                spans[-1] = (spans[-1][0], word.end, "PER")  # 詹姆斯 | ·钟（James Zhong）: to the gloss
            elif len(text) >= 2 and text[0] in _NAME_JOINERS and _foreign_run(text) and _name_goes_on(
                view, words, index + 1
            ):
                # 伊塔马尔 | ·本 | - | 格维尔: a short particle of the name (本, 阿尔), read as punctuation
                spans[-1] = (spans[-1][0], word.end, "PER")
            elif len(text) >= 4 and text[0] in _NAME_JOINERS and (surname := _foreign_prefix(text[1:])):
                # 伊斯特万 | ·乌热伊警(告): the surname, and the next word's character, as punctuation
                spans[-1] = (spans[-1][0], word.start + 1 + len(surname), "PER")
            continue
        if word.tag in ("n", "nz") and spans and spans[-1][1] == word.start and spans[-1][2] == "PER":
            start, end, _ = spans[-1]
            text = view[word.start : word.end]
            if "·" in view[start:end] and len(view[start:end].rsplit("·", 1)[1]) <= 2 and len(text) <= 2 and (
                _foreign_run(text)
            ):
                spans[-1] = (start, word.end, "PER")  # 奥列克桑德尔·克利 | 门科: the surname's end as a noun
                continue
        if word.tag == "v" and word.end - word.start == 1 and spans and spans[-1][1] == word.start and (
            spans[-1][2] == "PER" and "·" in view[spans[-1][0] : word.start]
            and _foreign_run(view[word.start : word.end])
            and len(view[spans[-1][0] : word.start].rsplit("·", 1)[1]) <= 3
            and index + 1 < len(words) and words[index + 1].tag in ("TIME", "p", "w")
        ):
            # 巴约·奥纳努 | 加(v) | 周三: the surname's last character, read as a verb before a time
            spans[-1] = (spans[-1][0], word.end, "PER")
            continue
        if word.end - word.start == 1 and spans and spans[-1][1] == word.start and spans[-1][2] == "PER" and (
            _foreign_run(view[spans[-1][0] : word.start]) and _LATIN_GLOSS_AT.match(view, word.end)
            and "\u4e00" <= view[word.start] <= "\u9fff"
        ):
            spans[-1] = (spans[-1][0], word.end, "PER")  # 尼克拉 | 叙（Niklasch）: the name runs to its gloss
            continue
        if word.tag == "m" and spans and spans[-1][1] == word.start and spans[-1][2] == "PER" and (
            _REGNAL.fullmatch(view, word.start, word.end)
        ):
            spans[-1] = (spans[-1][0], word.end, "PER")  # 卡尔 | 十六世(·古斯塔夫): a monarch's number
            continue
        if word.tag not in _TAG_KINDS:
            continue
        if word.tag == "PER" and index >= 2 and _foreign_run(view[word.start : word.end]):
            joiner, first = words[index - 1], words[index - 2]
            if (view[joiner.start : joiner.end] in _NAME_JOINERS and joiner.start == first.end
                    and joiner.end == word.start and first.tag in ("n", "nz", "ORG", "v", "vn")
                    and first.end - first.start >= 2 and _foreign_run(view[first.start : first.end])):
                # 皮塔 | - | 林贾罗恩拉特, 海尔 | - | 塞拉西: a given name the tagger read as a noun,
                # a body or a verb
                word = Word(first.start, word.end, "PER")
        if spans:
            start, end, tag = spans[-1]
            between = view[end : word.start]
            # 斯托尔滕·贝格, 阿里-哈桑, 乔治·w· | 布什 (the tagger kept the dot on the first part)
            dotted = between in _NAME_JOINERS or (between == "" and view[end - 1] in _NAME_JOINERS)
            # A split inside a word, not two names in a row: one side is one character, the
            # two are joined by a dot or hyphen, or a transliteration runs on (谢尔盖-阿克 | 谢诺夫).
            foreign = tag == "PER" and _foreign_run(view[start : word.end])
            # 葛莉塔 | 洁薇: a foreign given name and a surname the tagger read as two people
            foreign = foreign or (tag == word.tag == "PER" and between == "" and end - start >= 2
                                  and word.end - word.start >= 2 and _foreign_run(view[start:end])
                                  and _HAN.fullmatch(view, word.start, word.end) is not None)
            # 沙夫 | 卡特·米尔济约耶夫: a given name's first characters, read as a name of their own
            first_part = view[word.start : word.end].split("·")[0]
            foreign = foreign or (tag == "PER" and first_part != view[word.start : word.end]
                                  and _foreign_run(view[start:end]) and _foreign_run(first_part))
            # 小池 | 淳义: a Japanese surname and given name the tagger read as two people
            japanese = rules is not None and tag == "PER" and end - start == 2 and (
                view[end - 1] in rules.japanese_surname_ends and word.end - word.start == 2
            )
            # 佐佐 | 江贤一郎: a Japanese surname of three characters, cut one short
            japanese = japanese or rules is not None and tag == "PER" and end - start == 2 and (
                word.end - word.start in (3, 4) and view[word.end - 1] in rules.japanese_given_name_ends
                and view[word.end - 2 : word.end] in rules.japanese_given_endings
            )
            if tag == word.tag and (between == "" or dotted) and (
                dotted or foreign or japanese or min(end - start, word.end - word.start) == 1
            ):
                spans[-1] = (start, word.end, tag)
                continue
            surname_as_place = rules is not None and tag == "LOC" and word.tag == "PER" and between == ""
            if surname_as_place and end - start == 2 == word.end - word.start and (
                view[end - 1] in rules.japanese_surname_ends and rules.title_words.ends_at(view, start)
            ):
                spans[-1] = (start, word.end, "PER")  # 董事 | 增山 | 尚志: a Japanese surname read as a place
                continue
            double = "·" in view[start:end] and word.end - word.start <= 4 and _HAN.fullmatch(
                view, word.start, word.end
            )
            if tag == "PER" and between in ("-", "‐", "－") and double:
                spans[-1] = (start, word.end, tag)  # 吉塞拉·塞勒姆-拜耳: a double surname, read as a body
                continue
            whole = view[start : word.end]
            if between == "" and "PER" in (tag, word.tag) and len(whole) >= 3 and f"·{whole}" in view:
                spans[-1] = (start, word.end, "PER")  # 格什科 | 维奇 after 埃文·格什科维奇: its surname
                continue
        spans.append((word.start, word.end, word.tag))
    return spans


@lru_cache(maxsize=8)
def _long_verbs(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """The verbs of two characters or more, longest first."""
    return tuple(sorted((v for v in verbs if len(v) >= 2), key=len, reverse=True))


def _before_verb(view: str, start: int, end: int, rules: NameRules) -> int:
    """Where a name ends if a reporting verb runs out of it (拉夫罗夫敦 | 促: the tagger took
    the verb's first character into the name) or ends it (沙兰达-杨 | 写道: no name ends in a
    verb of two characters)."""
    long_verbs = _long_verbs(rules.person_after)
    if view.endswith(rules.glued_adverbs, start + 2, end) and view.startswith(rules.person_after, end):
        # 休伯特-马加 | 如是欢迎
        end -= next(len(a) for a in rules.glued_adverbs if view.endswith(a, start + 2, end))
    if view.endswith(long_verbs, start + 2, end):
        return end - next(len(v) for v in long_verbs if view.endswith(v, start + 2, end))
    for cut in range(max(start + 2, end - 2), end):
        # a verb that starts inside the name and runs past it (敦 | 促, 笑 | 说)
        if rules.person_after_words.starts_at(view, cut) and any(
            view.startswith(verb, cut) and cut + len(verb) > end for verb in rules.person_after
        ):
            return cut
    return end


# Marks that end a name's use: brackets, commas, a list's comma, a full stop.
_NAME_END_MARKS = ("（", "(", "，", ",", "、", "。")  # (the view writes "，" as ",")
# Function words a Japanese name is often followed by (木村清彦也…, 船越健裕则…, 铃木直道在…).
_JAPANESE_NAME_FOLLOWERS = frozenset("也则在于对曾将已就")


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
        and rules.person_after_words.starts_at(view, after.end)
    ):
        return end + 1
    if (
        end - start == 2
        and view[start] in rules.surnames
        and _HAN_CHAR.match(view, end)
        and view[end] not in rules.not_name_starts
        and view[end] not in rules.time_starts
        and (view[end + 1 : end + 2] in ("（", "(") or view.startswith(rules.fillers, end + 1))
    ):
        return end + 1  # 陈俊 | 圣日前受访说, 曾玟 | 学（前左）: the given name's second character
    if end - start >= 2 and _HAN_CHAR.match(view, end) and view[end] not in rules.not_name_starts and (
        view[end + 1 : end + 2] in rules.bracket_speech_words and view[end + 2 : end + 3] in ("）", ")")
    ):
        return end + 1  # （新潟县知事花角英 | 世语）: the name's last character, then who said it
    if _japanese_given_name(view, start, end, words, rules):
        return end + 2  # 植田 | 和 | 男说: a Japanese surname, then the given name the tagger split
    if after is not None and _japanese_given_name_word(view, start, end, after, words, rules):
        return after.end  # 秋叶刚 | 男、, 大曲 | 贵夫等, 熊野英 | 生日前: the given name's end as a word
    if end - start == 3 and view[start + 1] in rules.japanese_surname_ends and view[end : end + 1] in (
        "一", "二", "三"
    ) and (rules.person_after_words.starts_at(view, end + 1)
           or view.startswith(("等", *_NAME_END_MARKS), end + 1)
           or any(len(f) >= 2 and view.startswith(f, end + 1) for f in rules.fillers)
           or any(w.start == end and w.tag == "TIME" for w in words)):
        # 松野博 | 一周三, 滨田靖 | 一表示 (一等人), 松田贤 | 一、, 谷川弥 | 一分别: a numeral ends a
        # Japanese given name
        return end + 1
    japanese = end - start == 3 and view[start + 1] in rules.japanese_surname_ends
    if japanese and view[end : end + 1] == "和" and (
        view[end + 1 : end + 2] in _NAME_END_MARKS
        or rules.person_after_words.starts_at(view, end + 1) or rules.title_words.starts_at(view, end + 1)
    ):
        # 铃木宪 | 和（中）, 铃木宪 | 和众议员: 和 ends a Japanese given name when no name follows it
        return end + 1
    if (
        after is not None
        and end - start == 2
        and view[start] in rules.surnames
        and view[after.start + 1 : after.end] in ("等", "们")
        and after.end - after.start == 2
    ):
        return end + 1  # 陈时 | 中等 | 站台: the name's last character, then 等 (and others)
    if after is None or after.end - after.start != 2 or after.tag != "v":
        return end
    rest = view[after.start + 1 : after.end]
    word = view[after.start : after.end]
    if rest in rules.person_after and word not in rules.person_after:
        return end + 1
    return end


def _japanese_given_name(view: str, start: int, end: int, words: Sequence[Word], rules: NameRules) -> bool:
    """Whether a two-character Japanese surname (植田, 松野) is followed by a two-character
    given name that ends as Japanese given names do (和男, 博一) and that the tagger cut into
    words of the language (和 | 男, 博 | 一) ending with it."""
    if end - start != 2 or view[start + 1] not in rules.japanese_surname_ends:
        return False
    given = view[end : end + 2]
    if len(given) != 2 or not _HAN.match(given) or given[1] not in rules.japanese_given_name_ends:
        return False
    if given in rules.fillers:
        return False  # 植田 | 再次(表示): an adverb, no given name
    starts = {w.start for w in words}
    inside = [w for w in words if end <= w.start < end + 2]
    return (
        end + 2 in starts | {len(view)}
        and bool(inside)
        and all(w.end <= end + 2 and w.tag not in ("PER", "LOC", "ORG") for w in inside)
    )


def _japanese_given_name_word(view: str, start: int, end: int, after: Word, words: Sequence[Word],
                              rules: NameRules) -> bool:
    """Whether the word right after a name of two or three characters in an article about
    Japan is the end of a Japanese given name the tagger read as a word of the language: one
    or two characters ending as given names do (男, 贵夫, 五典 | 生), no person word, and
    then the name's use ends (a mark, a verb, 等, 日前)."""
    piece = view[after.start : after.end]
    if not (2 <= end - start <= 3 and 1 <= len(piece) <= 2 and _HAN.fullmatch(view, start, after.end)):
        return False
    if after.tag not in ("n", "a", "m", "d", "nz") or piece[-1] not in rules.japanese_given_name_ends:
        return False
    if piece in rules.person_words or rules.title_words.starts_at(piece) or (
        piece[0] in rules.not_name_starts or piece in rules.fillers
    ):
        return False  # (顾立雄 | 等人, 周珮如 | 再次)
    rest = view[after.end : after.end + 2]
    nxt = next((w for w in words if w.start == after.end), None)
    ends = (rest[:1] in _NAME_END_MARKS or rest[:1] in ("等", "在")
            or rules.person_after_words.starts_at(rest)
            or any(rest.startswith(f) for f in rules.fillers if len(f) >= 2)
            or (nxt is not None and nxt.tag in ("v", "TIME")))
    return ends and _about_japan(view, words, rules)


def _about_japan(view: str, words: Sequence[Word], rules: NameRules) -> bool:
    """Whether the article is about Japan: it says so, or names two people as Japanese names
    are written (岸田文雄, 山田重夫: a two-character surname and a given name)."""
    if any(word in view for word in rules.japan_words):
        return True
    japanese = {view[w.start : w.end] for w in words
                if w.tag == "PER" and w.end - w.start == 4
                and view[w.start + 1] in rules.japanese_surname_ends
                and view[w.end - 1] in rules.japanese_given_name_ends}
    return len(japanese) >= 2


def _title_tail(view: str, start: int, rules: NameRules) -> int:
    """How many characters at ``start`` end a title or person word that begins before it
    (亿 | 万富翁: 万富翁 ends 亿万富翁), so belong to that word, not to a name after it."""
    tails, longest = _cue_tails(rules.person_cues)
    for n in range(min(longest, len(view) - start), 0, -1):
        heads = tails.get(view[start : start + n])
        if heads and view.endswith(heads, 0, start):
            return n
    return 0


@lru_cache(maxsize=4)
def _cue_tails(cues: tuple[str, ...]) -> tuple[dict[str, tuple[str, ...]], int]:
    """Each proper tail of a person cue (万富翁 of 亿万富翁) → the heads it follows, and the
    longest tail's length: ``_title_tail`` looks up the text instead of trying every cue."""
    tails: dict[str, set[str]] = defaultdict(set)
    for word in cues:
        for k in range(1, len(word)):
            tails[word[k:]].add(word[:k])
    return {t: tuple(h) for t, h in tails.items()}, max(map(len, tails), default=0)


def _person_bounds(view: str, start: int, end: int, rules: NameRules,
                   known: Mapping[str, str]) -> tuple[int, int]:
    """A tagged person without the characters the tagger took from its neighbours — the end of
    a person word before it (儿子 | 亨特, 公主 | 莱昂诺尔), a catalog place after it
    (记者李宗宪 | 雅加达电) — and with the surname it left out after a person word (记者游 | 凯翔)."""
    if end - start >= 3 and view[start - 1 : start + 1] in rules.person_words:
        start += 1
    elif end - start >= 4 and (tail := _title_tail(view, start, rules)):
        start += tail  # 亿 | 万富翁贝佐斯, 大 | 亨谢尔登·艾德森: the rest of the word before the name
    elif end - start == 2 and view[start - 1 : start] in rules.surnames and (
        view[start - 3 : start - 1] in rules.person_words or rules.person_cue_words.ends_at(view, start - 1)
    ):
        start -= 1  # 记者游 | 凯翔, 发言人具 | 炳杉: the surname the tagger read as a word of its own
    if start >= 3 and end - start >= 2 and _foreign_run(view[start - 1 : end]) and rules.title_words.ends_at(
        view, start - 1
    ):
        start -= 1  # 书记法 | 比安·鲁塞尔: the name's first character, read as the title's last
    elif end - start == 3 and start >= 2 and view[start - 1] in rules.surnames and (
        view[start] in rules.surnames and rules.title_words.ends_at(view, start - 1)
    ):
        start -= 1  # 行政长官林 | 郑月娥: a married name's two surnames, the first read into the title
    elif end - start in (3, 4) and view[start + 1] in rules.surnames and any(
        len(t) >= 3 and view.endswith(t, 0, start + 1) for t in rules.titles
    ):
        start += 1  # 书记 | 长庄瑞雄: a title's last character, read as the name's first
    dot = view.rfind("·", start, end)
    # (a foreign given name before the dot: what follows it is the surname, whatever it reads as)
    dotted = dot >= 0 and (_foreign_run(view[dot + 1 : end])
                           or dot > start + 1 and _foreign_run(view[start:dot]))
    for cut in range(start + 2, end - 1):
        if known.get(view[cut:end]) == PLACE and not (dotted and dot < cut):
            return start, cut  # (not 塞西尔·布 | 里昂, 斯科特· | 波士顿: a dotted surname or its end)
    if (
        end - start == 2
        and view[start] in rules.surnames
        and view[start - 2 : start] in rules.person_words
        and _HAN_CHAR.match(view, end)
        and view[end] not in rules.not_name_starts
        and any(known.get(view[end + 1 : end + n]) == PLACE for n in range(3, 6))
    ):
        return start, end + 1  # 记者林行 | 健新德里: the given name's last character, then a place
    if (
        end - start == 2
        and view[start] in rules.surnames
        and view[end : end + 1] in _CHINESE_NUMERALS
        and (not _HAN_CHAR.match(view, end + 1) or view.startswith(rules.person_periods, end + 1))
    ):  # (马英 | 九时期: a person's time in office, not nine o'clock)
        # 马英 | 九4月: a numeral written before Arabic digits or punctuation is no number's
        # part, so the given name's last character, which the tagger gave the date
        return start, end + 1
    gap = _BEFORE_LATIN.match(view, end)
    if gap is not None and _foreign_run(view[start : gap.end(1)]):
        return start, gap.end(1)  # 史坦利库柏 | 力克（Stanley Kubrick）: the name runs to its Latin form
    return start, end


def _clean_person(form: str, rules: NameRules, view: str = "") -> str | None:
    if _NAME_STOPS.search(form):
        return None  # 周知(: a word the tagger ran into a bracket or mark is no name it read well
    if not _HAN.match(form):
        return None
    if len(form) >= 4 and form.endswith(rules.era_words):
        return None  # 習近平時代: a leader's era, no one's name
    title = rules.title_words.longest_end(form)  # 蔡总统 → 蔡 (a surname alone is no name)
    if title is not None:
        form = form[: -len(title)]
    form = form.strip(_NAME_DOT)
    if len(form) >= 3 and form[0] in "年月日" and view and all(
        _DATE_BEFORE.search(view, 0, at) for at in uses(view, form)
    ):
        form = form[1:]  # 1977 年 | 吉米·卡特: the date's last character
    if len(form) >= 3 and form[0] in rules.body_joiners and _foreign_run(form[1:]):
        form = form[1:]  # 哈利王子和 | 梅根: the joiner before a transliterated name
    if len(form) >= 4 and form[0] in rules.prepositions and _foreign_run(form[1:]):
        form = form[1:]  # 校长向 | 斯特凡尼克: the preposition before a transliterated name
    for n in rules.title_words.lengths:  # 阿亚图拉阿里·哈梅内伊, 王储威廉: a title before it
        if n >= 2 and len(form) >= n + 2 and form[:n] in rules.title_words:
            form = form[n:].strip(_NAME_DOT)
            break
    if len(form) >= 4 and form[:2] in rules.person_words and _foreign_run(form[2:]):
        form = form[2:]  # 房客 | 席利: a person noun before a transliterated name
    people = form.find("人")
    given, dot, family = form[people + 1 :].partition("·")
    if people >= 2 and dot and len(given) >= 2 and len(family) >= 2 and _foreign_run(family):
        form = form[people + 1 :]  # (加)米拉艾人 | 雅各布·伯奇: of which people, then a dotted name
    if len(form) == 2 and form[1] in rules.not_name_ends:
        return None  # (其)余不(分区): a character and the next word's first, no name of two
    if len(form) == 4 and form[0] in rules.surnames and form[3] in rules.not_name_starts:
        form = form[:3]  # 陈水扁上(凯道), 侯友宜在: a Chinese name and the next word's first character
    elif len(form) == 3 and form[0] in rules.surnames and form[2] in rules.chinese_name_not_ends and (
        not _foreign_run(form)
    ):
        form = form[:2]  # 周庭因(“…”而受到调查): "because", which ends transliterations (侯赛因) only
    elif len(form) >= 3 and (form[-1] in rules.not_name_ends or form[-1] in rules.not_foreign_name_ends and (
        len(form) >= 4 or form[0] not in rules.surnames
    )):
        form = form[:-1]  # 伯恩斯又(说), 巫统历(来): a name and the next word's first character
    if len(form) >= 4 and form.endswith(rules.channel_words):
        form = form[:-2]  # 黄帝颖 | 贴文(表示): how the person spoke, read into the name
    for term in rules.address_terms:  # 家长林先生 → 林先生: a surname and a term of address
        if form.endswith(term) and len(form) > len(term) + 1:
            before = form[: -len(term)]
            # (迪斯蒂法诺先生: a transliterated surname, the name without its term)
            form = before if len(before) >= 3 and _foreign_run(before) else form[-len(term) - 1 :]
            break
    if len(form) >= 4 and form[-2:] in rules.person_words:
        form = form[:-2]  # 林郑幼子: a name and a person word after it
    if len(form) >= 3 and form.endswith(rules.faction_endings):
        return None  # 詹森派, 安倍派: a faction or school named after someone, no person
    if len(form) < 2 or form in rules.not_names or (len(form) == 2 and form.endswith(rules.group_endings)):
        return None  # (菲裔, 韩族: a people, not a person)
    if form[0] in _PREPOSITION_SURNAMES and all(char in rules.abbreviations for char in form[1:]):
        return None  # 于美(墨边界): a preposition and a country, not a surname and a name
    if all(char in rules.abbreviations for char in form) or (
        form[1:] in rules.not_names and (form[0] in rules.abbreviations or form[0] not in rules.surnames)
    ):
        return None  # 韩美, 加方: countries' abbreviations and a side, not a name
    if len(form) == 2 and form[0] in rules.surnames and (
        form[1] in rules.not_name_starts or form[1] in rules.headline_verbs
    ):
        return None  # 侯则, 柯签: a surname that stands for a name, and the next word
    if len(form) == 3 and form[-1] in rules.headline_verbs:
        return None  # 时力提: a short name and a headline's verb
    if len(form) == 4 and form[0] in rules.surnames and form[-1] in rules.headline_verbs:
        form = form[:3]  # 洪健益 | 批「…」: a Chinese name and the verb a headline or a quote runs into
    if form[0] in rules.surnames and form[1:].startswith(rules.name_withheld):
        return None  # 林姓(养殖户), 李姓牙(医), 王某: the name withheld
    withheld = form[1:2] in rules.name_withheld_alone
    if form[0] in rules.surnames and (form[1:] in rules.name_withheld_alone or (
        withheld and view.count(form[:2]) > view.count(form)
    )):
        return None  # 陈男; 李男图利 beside 李男另经营: the withheld name ran into the next word
    return form


def _clean_place(form: str, rules: NameRules, known: Mapping[str, str] | None = None) -> str | None:
    if not _HAN.match(form) or len(form) < 2 or form in rules.not_names:
        return None
    if all(char in rules.compound_country_chars for char in form):  # 中美, 台美, 中日韩
        return None
    if form[0] in rules.abbreviations and form[1:] in rules.not_names:
        return None
    if form.endswith(rules.currency_endings):
        return None  # 埃镑: a currency, named after its country
    if form.endswith(rules.mission_suffixes):
        return None  # (驻)日使馆: a mission, which the tagger read as a place
    if known is None:
        return form
    if len(form) >= 3 and known.get(form[1:]) == PLACE and form[0] not in rules.direction_prefixes:
        # (香)港美国, (驻)华英国, 前雅加达: a catalog place after another word's character (北爱尔兰,
        # 东耶路撒冷 are places of their own)
        return None
    if any(known.get(form[: -len(r)]) == PLACE for r in rules.region_words if form.endswith(r)):
        return None  # 新疆地区: the place the catalog knows, and a word for its area
    return form


def _context_kinds(view: str, form: str, rules: NameRules, known: Mapping[str, str],
                   lists: bool = False) -> Counter[str]:
    """What the uses of ``form`` say it is: a place (在X, 前往X, X一带, 东部X, in a list of
    places), an organization (咨询公司X: an apposition) or a person (X说, 总统X)."""
    votes: Counter[str] = Counter()
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        gloss = _BRACKET.match(view, end)  # 希纳特万（Hinatuan）东北方: what follows its gloss
        before, after = view[max(0, at - 3) : at], view[gloss.end() if gloss else end :][:3]
        placed = before.endswith(rules.place_before) and not before.endswith(rules.not_place_before)
        # (沃尔玛 | 市场: 市 there begins a word, no city)
        if placed or after.startswith(rules.place_after) and not after.startswith(rules.not_place_after):
            votes[PLACE] += 1
        if before.endswith(rules.place_class_words):
            votes[PLACE] += 1  # 城市奥斯曼尼耶(报道): the sort of place it is outweighs a verb after
        if (view[at - 1 : at] in rules.city_suffixes or after.startswith(rules.place_after)) and any(
            known.get(view[at - n : at]) == PLACE for n in range(2, 6) if at >= n
        ):
            votes[PLACE] += 1  # 爱达荷州博伊西: a place within a place
        neighbours = _list_neighbours(view, at, end, known)
        if any(kind == PLACE for _, kind in neighbours):
            votes[PLACE] += 1
        # 谷歌、苹果、亚马逊: a company among companies (和 and 与 join people and bodies too)
        if lists and (("、", ORGANIZATION) in neighbours or _listed_as_bodies(view, end, rules)):
            votes[ORGANIZATION] += 2
        if before.endswith(rules.long_organization_suffixes) or view[max(0, at - 4) : at].endswith(
            rules.organization_before
        ) or view[at - 1 : at] in _PAIR_JOINERS and _second_of_described_pair(rules.sector_heads).search(
            view, max(0, at - 16), at - 1
        ):
            # a body's word in apposition outweighs a verb after, which bodies use too
            votes[ORGANIZATION] += 2
        period = _PERIOD.match(view, end)  # 大立光4月合并营收: a period, then the company's accounts
        if view[period.end() : period.end() + 5].startswith(rules.organization_after):
            votes[ORGANIZATION] += 2  # 沃尔玛股价, 沃尔玛财报: a company's shares and accounts
        cued = rules.person_cue_words.ends_at(view[max(0, at - 6) : at])
        if cued or rules.after_person_words.starts_at(after):
            votes[PERSON] += 1  # 余文生说, 律师余文生, 余文生夫妇
        at = view.find(form, end)
    return votes


_PAIR_JOINERS = frozenset("和与及、")
_DATE_BEFORE = re.compile(r"\d\s?$")
_PERIOD = re.compile(r"(?:[\d一二三四五六七八九十]{1,4}(?:月份?|年度?|季度?)|[今去明]年|上半年|下半年|第.季"
                     r"|前.{1,2}月|前.{1,2}季|合并|单月|累计|全年|年度)*")


@lru_cache(maxsize=4)
def _second_of_described_pair(descriptors: tuple[str, ...]) -> re.Pattern[str]:
    """A body's word in apposition, then a name, ending where a joiner and a second name
    follow (航运巨头马士基 | 和赫伯罗特): the word describes both."""
    words = "|".join(map(re.escape, sorted(descriptors, key=len, reverse=True))) or "(?!)"
    return re.compile(r"(?:" + words + r")(?:(?!的)[\u4e00-\u9fff·]){2,6}$")


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


def _list_neighbours(view: str, start: int, end: int, known: Mapping[str, str]) -> list[tuple[str, str]]:
    """The joiner and kind of each known name that ``view[start:end]`` stands beside in a list
    (A、B和C), a name of its own (立委洪申翰、新北市议员戴玮姗: 新北市 there only says whose
    councillor)."""
    found = []
    after = view[end : end + 40]
    if after[:1] in _LIST_JOINERS:
        after = _BRACKET.sub("", after) if "（" in after or "(" in after else after
        for n in range(2, 9):
            kind = known.get(after[1 : 1 + n])
            if kind and (not _HAN_CHAR.match(after, 1 + n) or after[1 + n : 2 + n] in _LIST_JOINERS):
                found.append((after[0], kind))
    before = view[max(0, start - 40) : start]
    before = _BRACKET.sub("", before) if "）" in before or ")" in before else before
    if before[-1:] in _LIST_JOINERS:
        found += [(before[-1], kind) for n in range(2, 9) if (kind := known.get(before[-1 - n : -1]))]
    return found


def _listed_as_bodies(view: str, end: int, rules: NameRules) -> bool:
    """Whether the list that ``view[:end]`` is an item of closes with a sort of body (强生、
    陶氏和默克在内的美国公司, 谷歌、苹果等科技公司): every item is one."""
    rest = view[end : end + 30]
    close = _LIST_CLOSE.search(rest)
    if close is None or any(c in rest[: close.start()] for c in _CLAUSE_BREAKS if c not in "，,"):
        return False
    tail = rest[close.end() : close.end() + 8]
    if tail[:1] in _CLAUSE_BREAKS:
        return False  # 今井绘理子参议员等，共4位跨党派…: the clause after the list says nothing of it
    return any(tail[:n].endswith(rules.organization_descriptors) for n in range(2, len(tail) + 1))


def _listed_with_bodies(view: str, form: str, rules: NameRules) -> bool:
    """Whether some use of ``form`` is an item of a list that closes with a sort of body, not of
    place (喜来登、万豪和凯悦等国际连锁酒店)."""
    ends = [at + len(form) for at in uses(view, form)]
    return any(view[end : end + 1] in ("、", "和", "与", "及", "等") and _listed_as_bodies(view, end, rules)
               and not _closed_by_places(view, end, rules) for end in ends)


def _closed_by_places(view: str, end: int, rules: NameRules) -> bool:
    """Whether the list ``view[:end]`` is an item of closes with places (义乌、温州等地的企业:
    the firms of places, which are places)."""
    close = _LIST_CLOSE.search(view, end, end + 30)
    if close is None:
        return False
    tail = view[close.end() : close.end() + 4]
    return tail.startswith(("地", "城", *rules.place_class_words))


def _kind_by_shape(form: str, kind: str, view: str, rules: NameRules, known: Mapping[str, str]) -> str:
    """Correct the tagger's kind where the name's shape or its uses disagree."""
    if kind != ORGANIZATION and len(form) >= 4 and form.endswith(rules.long_organization_suffixes):
        return ORGANIZATION  # 罗伯特科赫研究所, 岸田内阁
    if kind == PLACE and len(form) >= 3 and form.endswith(rules.country_bodies):
        return ORGANIZATION  # 越南共产党: a country's party, which the tagger read as the country
    # 陈百州, 王海: a Chinese given name may end in a character places end in; not 罗勇府
    chinese_name = len(form) == 3 and form[0] in rules.surnames and form[-1] in rules.given_name_place_endings
    # (主席汪洋: a two-character one too, right after a title)
    chinese_name = chinese_name or len(form) == 2 and form[0] in rules.surnames and (
        form[-1] in rules.given_name_place_endings and known.get(form) in (None, PERSON)
        and _after_person_cue(view, form, rules)
    )
    if kind == PERSON and form.endswith(rules.place_suffixes) and not chinese_name:
        return PLACE  # 罗勇府
    city = form[-1:] in rules.city_suffixes and not form.endswith(rules.long_organization_suffixes)
    if kind == ORGANIZATION and (city or form.endswith(rules.place_endings)):
        return PLACE  # 高雄市, 新北市: the city, not its government; 柏林市中心: a part of it
    if f"{form}（化名" in view or f"{form}(化名" in view:
        return PERSON  # 网约车公司欧文（化名）: a person's name, changed
    if kind == PERSON and _FULL_FOREIGN_NAME.fullmatch(form):
        return PERSON  # (在)理查德·尼克松(执政期间): a given name and a surname name a person
    # a tagged person among companies (谷歌、苹果、亚马逊) is one
    votes = _context_kinds(view, form, rules, known, lists=kind == PERSON)
    best = max((PLACE, ORGANIZATION), key=votes.__getitem__)
    if kind == PERSON and votes[best] > votes[PERSON]:
        return best  # 在森纳尔, 前往达尔富尔, 咨询公司贝恩
    if kind == ORGANIZATION and votes[PLACE] > votes[ORGANIZATION] and _foreign_run(form) and not (
        form.endswith(rules.organization_suffixes)
    ):
        return PLACE  # 渔港格林达维克: a transliterated town the tagger took for a body
    return kind


def tagged_names(view: str, words: Sequence[Word], rules: NameRules,
                 known: Mapping[str, str], readings: Readings | None = None,
                 tag_alone: Callable[[str], Sequence[tuple[str, str]]] | None = None,
                 catalog_keys: Mapping[str, str] | None = None,
                 countries: Mapping[str, str] | None = None) -> list[Name]:
    """The names the tagger found in ``view``, cleaned, one kind each. ``known`` gives the
    kind of each catalog form, ``catalog_keys`` its entry; those are left to the catalog."""
    words = _names_ending_in_conjunction(view, words)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for start, end in assembled(view, words, rules):
        votes[view[start:end]][ORGANIZATION] += 1
    for start, end in schools(view, words, rules, known):
        votes[view[start:end]][ORGANIZATION] += 2
    listed = _listed_people(view, words, rules) + _after_title_word(view, words, rules, known)
    listed += _after_title_dot(view, words, rules)
    for start, end in _japanese_after_title(view, words, rules, known):
        votes[view[start:end]][PERSON] += 1
    for start, end in listed:
        votes[view[start:end]][PERSON] += 1
    for start, end in _pseudonyms(view, rules):
        votes[view[start:end]][PERSON] += 2
    credited = _credited_staff(view, rules)
    aged = _aged(view, rules)
    for start, end in (*credited, *aged):
        votes[view[start:end]][PERSON] += 2
    listed += credited
    # a newsroom credit names people, and so does an age in brackets
    credited_forms = {view[start:end] for start, end in (*credited, *aged)}
    # Where the tagger's people start and end: a name beside one in a list (A、B) is a person's.
    people = [(w.start, w.end) for w in words if w.tag == "PER"] + listed
    people_edges = ({s for s, _ in people}, {e for _, e in people})
    tagged_people = {view[s:e] for s, e in people if e - s >= 3}
    media = quoted_media(view, rules)
    for start, end in media:
        votes[view[start:end]][ORGANIZATION] += 2
    # (a publication named in quotes vouches for its name, a common phrase as it may be: 《外交政策》)
    quoted = {view[start:end]
              for start, end in (*quoted_bodies(view, rules), *speaking_quoted(view, rules), *media)}
    for form in quoted:
        votes[form][ORGANIZATION] += 2
    for start, end in bare_sources(view, words, known, rules):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end in numbered_channels(view, known):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end in counted_companies(view, known, rules.list_function_characters):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end in speaking_bodies(view, words, rules, known):
        votes[view[start:end]][ORGANIZATION] += 1
    for start, end in described_speakers(view, words, rules, known):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end in joined_by_and(view, words, rules, known):
        votes[view[start:end]][ORGANIZATION] += 2
    for start, end, tag in _joined(view, words, rules):
        end = _before_verb(view, start, end, rules)
        if tag == "PER":
            start, end = _person_bounds(view, start, end, rules, known)
            end = _through_verb_start(view, start, end, words, rules)
        votes[view[start:end]][_TAG_KINDS[tag]] += 1
    for raw in [r for r in votes if r.endswith(rules.official_accounts)]:
        account = next(a for a in rules.official_accounts if raw.endswith(a))
        if len(raw) - len(account) >= 2:
            # 蔚来官博: the body's official account, the body (the catalog's, or a name of its own)
            votes[raw[: -len(account)]][ORGANIZATION] += 2
        del votes[raw]
    skip = known
    word_ends = {w.end for w in words}
    # A headline's telegraphic words (柯侯赖, 蓝白) fool the tagger; a name is used in the body.
    body = view.find("\n") + 1
    names: dict[str, Name] = {}
    tagged = {raw: kinds.most_common(1)[0][0] for raw, kinds in votes.items()}
    organizations = [raw for raw, kind in tagged.items() if kind == ORGANIZATION]
    neighbours = {**tagged, **known}
    for raw, kinds in votes.items():
        kind, count = kinds.most_common(1)[0]
        if kind != PERSON and rules.title_words.ends_at(raw):
            continue  # 美国国务卿, 美国商务部长: a title, not a place or a body
        if raw.endswith(rules.facility_endings):
            continue  # 伦敦圣潘克拉斯车站, 空军基地: a building or a site
        parts = re.split("[-‐－]", raw)
        if len(parts) == 2 and all(known.get(part) == PLACE for part in parts):
            continue  # 塔吉克-阿富汗(边界): two places the catalog knows, side by side, no third
        if raw in view and all(_NUMBER_BEFORE.search(view, max(0, at - 6), at) for at in uses(view, raw)):
            continue  # 1048 | 谢克尔, 1亿 | 谢克尔: after a number, a unit or a currency, no name
        if _runs_into_known(view, raw, known):
            continue  # 美国自由 | 亚洲电台: the tagger's word ends inside a name the catalog knows
        if _short_of_known(view, raw, known):
            continue  # 卫福 | 部长: a body the catalog knows (卫福部) but its last character
        if raw[0] in rules.surnames and raw[1:].startswith(rules.name_withheld):
            continue  # 李姓牙(医): whatever the tag, a withheld name and the next word
        # 士林地方 | 法院: the body's word the tagger left out
        raw = _through_suffix(view, raw, rules, word_ends, known) if kind == ORGANIZATION else raw
        kind = _kind_by_shape(raw, kind, view, rules, neighbours)
        if kind == PLACE and raw not in known and _listed_with_bodies(view, raw, rules):
            kind = ORGANIZATION  # 喜来登、万豪和凯悦等国际连锁酒店: brands the tagger read as places
        if kind == PLACE and raw not in known and not raw.endswith(rules.place_suffixes) and any(
            rules.title_words.ends_at(view, at) for at in uses(view, raw)
        ):
            kind = PERSON  # (独裁总统 | 苏哈托(政权)): a title before it names a person
        if kind != PERSON and tag_alone is not None and (titled := _titled_person(raw, rules, tag_alone)):
            raw, kind = titled, PERSON  # (山口县)知事村冈嗣政: a title and a name, read as a place
        if kind == ORGANIZATION and tag_alone is not None and _chinese_name_alone(raw, rules, tag_alone) and (
            _after_person_cue(view, raw, rules)
        ):
            kind = PERSON  # 市长卢秀燕: a Chinese name after a title, which no body's name is
        if kind == ORGANIZATION and _person_tagged_as_body(view, raw, rules, known, tag_alone):
            kind = PERSON
        if kind == PLACE and len(raw) == 3 and raw[0] in rules.surnames and raw not in known and (
            not _foreign_run(raw) and _after_person_cue(view, raw, rules)
        ):
            kind = PERSON  # 主委杨长镇: a Chinese name ending like a town, right after a title
        if kind == PLACE and _name_after_place(view, raw, rules, known):
            kind = PERSON  # 韩国 | 瑜: a surname's place and a given name, after a title or before a verb
        if kind != PERSON and _joined_to_name(view, raw):
            kind = PERSON  # 格什科维奇 after 埃文·格什科维奇: the surname of a full name
        if kind == ORGANIZATION and not raw.endswith(rules.organization_suffixes) and _joined_to_name(
            view, raw, before=True
        ):
            kind = PERSON  # 比尔 (及梅琳达·盖茨基金会) beside 比尔·盖茨: a full name's first part
        if kind == PERSON and len(raw) >= 5 and "·" not in raw and raw.endswith(rules.organization_suffixes):
            kind = ORGANIZATION  # 拜罗伊特侯爵歌剧院: no person's name ends like a body's
        if kind == ORGANIZATION and not raw.endswith(rules.organization_suffixes) and _listed_anywhere(
            view, raw, known
        ):
            kind = PLACE  # 阿勒坡（Aleppo）、哈玛、拉塔基亚（Latakia）: a town the tagger took for a body
        if kind == PERSON and any(o.startswith(raw) and len(o) > len(raw) and not o[len(raw) :].lstrip(
            "的").startswith(rules.led_bodies) for o in organizations) and not any(
            rules.title_words.ends_at(view, at) for at in uses(view, raw)
        ):
            # 永龄 beside 永龄基金会: the short form (a place stays one: 新北市 beside 新北市环保局);
            # but 前总统马英九 beside 马英九办公室, 吴欣盈 beside 吴欣盈办公室 are a person and their office
            kind, count = ORGANIZATION, count + 1
        if kind == PERSON and _ends_a_body(view, raw, organizations, known, rules):
            continue  # 卫健委 beside 国家卫健委: a body's short form, no person
        if kind == PERSON and known.get(raw[1:]) == PERSON:
            continue  # 若普京: a word's character before a name the catalog knows
        if kind == PERSON and len(raw) == 2 and raw[1] in rules.title_prefix_chars and all(
            rules.title_words.starts_at(view, at + 1) for at in uses(view, raw)
        ):
            continue  # 赖 | 副总统: a surname and a title's first character, no given name
        if kind == PERSON and raw.startswith(_ABOUT) and all(
            _CLOCK_TIME.search(view, max(0, at - 6), at) for at in uses(view, raw)
        ):
            continue  # (凌晨1时)许 | 才: "about", after a time of day, and the next word; no surname
        if kind == PERSON and raw[0] in _PREPOSITION_SURNAMES and known.get(raw[1:]) == PLACE:
            continue  # 於杜拜: a preposition and a place the catalog knows
        if kind == PERSON and known.get(raw[:-1]) and (
            raw[-1] in rules.not_foreign_name_ends or raw[-1] in rules.not_name_ends
            or (len(raw) >= 4 and known.get(raw[:-1]) == PERSON)
        ):
            continue  # 华沙后, 习近平特(使): a name the catalog knows and the next word's first character
        if kind == PERSON and len(raw) in (2, 3) and (
            _ticket(raw, tagged_people) or _always_before(view, raw, rules.ticket_words)
        ):
            continue  # 侯康, 赖萧(配), 侯康蒋: candidates of a ticket, each by a character of their name
        if kind == PERSON and _always_before(view, raw, rules.people_nouns):
            continue  # 罗兴亚 | 难民: a people, named by what its members are
        if kind == PERSON and len(raw) == 2 and all(
            at > 0 and _foreign_run(view[at - 1 : at + 2]) and not rules.person_cue_words.ends_at(view[:at])
            for at in uses(view, raw)
        ):
            continue  # (布)赖吉: the end of a longer transliteration (a camp's name), each time
            # (not 主席 | 布朗: a title before it)
        if kind == PERSON and len(raw) == 2 and all(view.startswith(rules.pair_after, at + 2)
                                                    for at in uses(view, raw)):
            continue  # 韩日 | 两国: two countries by their one-character forms, no person
        if kind == PERSON and len(raw) == 2 and all(
            view[at + 1 : at + 3] in rules.person_words for at in uses(view, raw)
        ):
            continue  # 向 | 叔公, 李 | 总统: a surname-like character, then a person word, each time
        if kind == PERSON:
            # (上周 | 阿萨德: a time word's end; 人权专 | 家达娜·马利科娃: a person word's end)
            raw = _after_word_across(view, raw, rules.time_word_set)
            raw = _after_word_across(view, raw, rules.person_cue_words)
            form = _clean_person(raw, rules, view)
            if form and len(form) >= 3 and form[0] in rules.list_joiners and any(
                view[at - 1 : at] != form[0] for at in uses(view, form[1:])
            ):
                form = form[1:]  # (邻居)和 | 左勃 … 左勃回忆: "and", then the name written alone later
            # (尼克拉叙（Niklasch）: a name that runs to its Latin gloss ends no verb)
            if form and tag_alone is not None and len(form) >= 4 and "·" not in form and (
                _foreign_run(form[:3]) and not _foreign_run(form)
            ) and not re.search(re.escape(form) + _LATIN_GLOSS_AT.pattern, view):
                form = _without_verb_after(view, form, tag_alone)  # 米雷伊 | 婉拒(加入)
            japanese_surname = len(form or "") == 4 and form[1] in rules.japanese_surname_ends
            if form and tag_alone is not None and japanese_surname and (
                form[3] not in rules.japanese_given_name_ends
                and tag_alone(form[2:]) == ((form[2:], "v"),)
            ):
                form = form[:2]  # 青木 | 高举: a Japanese surname, then a verb, not a given name
            if form and tag_alone is not None and len(form) == 3 and form[0] in rules.surnames and (
                form[2] in rules.person_after
            ):
                alone = tuple(tag_alone(form))
                if alone == ((form[:2], "PER"), (form[2], "v")):
                    form = form[:2]  # 立委范云 | 指: read alone, a two-character name and a verb
        elif kind == ORGANIZATION:
            # 英伟达（Nvidia）: a name in its own script beside it vouches for a short form.
            glossed = re.search(re.escape(raw) + r"\s?[（(][a-z]", view) is not None
            # …or a word of its sort in apposition (制药公司辉瑞, 竞争对手三星).
            # …or title marks around a publication's name (《经理人杂志》: no description).
            titled = raw.endswith(rules.media_words) and f"《{raw}》" in view
            vouched = glossed or titled or raw in quoted or (
                _context_kinds(view, raw, rules, neighbours, lists=True)[ORGANIZATION] > 0
            )
            form = _after_word_across(view, raw, rules.time_word_set)
            form = _without_list_and(view, form)
            day = next((d for d in rules.day_words if form.startswith(d)), "")
            if day and len(form) - len(day) < 2:
                continue  # 星期一中(午): a day and the next word's character
            if day and len(form) - len(day) >= 4:
                form = form[len(day) :]  # 明天 | 民进党中央党部 (not 星期日图片报, a paper's name)
            form = _after_word_across(view, form, rules.descriptor_words)
            # (《股票交易者年鉴》: a publication's title, whatever its length, names it)
            cleaned = clean_organization(form, count + (1 if vouched else 0), rules)
            form = cleaned or (form if titled else None)
            form = without_former(view, form, rules) if form else form
            form = _with_country_character(view, form, known) if form else form
            if form and tag_alone is not None:
                form = without_leading_particle(view, form, rules, tag_alone)
                form = after_previous_word(view, form, known, tag_alone)
            form = without_reporting_verb(form, rules) if form else form
            form = founded(form, rules) if form else form
            form = without_counted_things(form, rules) if form else form
            published = form is not None and f"《{form}》" in view and form in quoted  # 杂志《外交政策》
            if form and not published and (
                form.endswith(rules.thing_endings) or form.startswith(rules.body_counters)
                         or form.endswith(rules.group_endings)
                         or _suffixes_only(form, rules) or _counted_at_end(form, rules)
                         or _subsidiary(form, rules) or _part_after_parent(view, form, rules, known)):
                continue  # 萨哈罗夫奖; 一间医院; 库德族; 科技有限公司: a prize, a body counted, a people
            if form and not published and not form.endswith(rules.organization_suffixes) and names_a_thing(
                view, form, rules, most=True
            ):
                continue  # 萨哈罗夫(奖): a name inside a thing's name each time
            if form and _country_and_sort(form, rules):
                continue  # 英国医院, 荷兰俱乐部, 尼国工会: a country's bodies of a sort, no name
            if form and _verb_after_each_use(view, form, rules):
                # 巴索莱特所 | 说: a name and the words after it; 信德海事网报 | 导: the body
                # before the verb (a medium reports)
                form = form[:-1] if form[:-1].endswith(rules.media_words) and len(form) >= 4 else None
                if not form:
                    continue
            if form and (form in rules.organization_suffixes or form in rules.generic_bodies
                         or form in rules.descriptive_suffixes or sort_described(form, rules, known)
                         or countries_body(form, rules) or all(c in rules.abbreviations for c in form)
                         or _placed_generic(form, rules, known)):
                continue  # 委员会, 研究院: a body's word alone, vouched for or not, names none
            if form and any(known.get(form[n:-1]) == PERSON for n in range(0, len(form) - 3)):
                continue  # (首相)安倍晋三所(说): a person the catalog knows and the next word's character
            # 引述 | 国际原子能机构: vouched or not (a title in 《》 is delimited: 《日经亚洲》)
            if form and tag_alone is not None and f"《{form}》" not in view:
                form = before_known(form, known, tag_alone, rules.person_after_words, organizations) or (
                    without_leading_verb(form, tag_alone, rules.government_words, rules.motion_verbs)
                )
                form = without_trailing_words(form, rules, tag_alone) if form else form
            form = _without_passive_suo(view, form, rules) if form else form
            verb = next((v for v in rules.object_verbs if form and form.startswith(v)), "")
            if verb and len(form) - len(verb) >= 4 and form.endswith(rules.organization_suffixes):
                form = form[len(verb) :]  # 促使 | 联邦准备理事会
            if form and form[0] in rules.not_body_starts:
                continue  # 标志 | 性房地产集团: a word's end and what follows it
            visitors = next((w for w in rules.delegation_words if form and form.endswith(w)), "")
            board = next((w for w in rules.company_boards if form and form.endswith(w)), "")
            if board and len(form) - len(board) >= 2 and (
                known.get(form[: -len(board)]) == ORGANIZATION or form[: -len(board)] in tagged
            ):
                form = form[: -len(board)]  # 新光金控 | 董事会: the company whose board it is
            region = form.find("国家") if form else -1
            named = form[region + 2 :] if region > 0 else ""
            if len(named) >= 4 and any(known.get(named[:n]) == PLACE for n in range(2, 6)):
                form = named  # 中美洲国家 | 危地马拉最高法院: a description, then the name
            host = form[: -len(visitors)] if visitors else ""
            # (not 吐瓦鲁驻联合国代表团, a country's mission)
            if len(host) >= 4 and "驻" not in form and host.endswith(rules.organization_suffixes):
                form = form[: -len(visitors)]  # 亚太坚韧研究基金会 | 访团: the body its visitors are of
            inside = next((w for w in rules.town_parts if form and w in form[2:-3]), "")
            rest = form[form.index(inside, 2) + len(inside) :] if inside else ""
            if len(rest) >= 3 and rest.endswith(rules.organization_suffixes):
                form = rest  # 沙鹿市区 | 光田医院: where it stands, then its name
            if form and "旗下" in form[1:-2]:
                continue  # 台新金旗下银行: a body's own of some sort, no name
            if form and tag_alone is not None and not vouched and (
                _common_noun(view, form, organizations, rules, tag_alone)  # 科技, 世界, 农场
                or described(form, rules, known, tag_alone)
            ):
                continue
            placed = form and any(known.get(form[:n]) == PLACE for n in range(2, 5))
            if placed and tag_alone is not None and not glossed and not titled and (
                described(form, rules, known, tag_alone)
            ):
                continue  # 中国科技公司(市值): a country's sort of company (not 《中国报》: a paper's title)
            if form and tag_alone is not None and form not in quoted and (
                _name_and_noun(form, rules, tag_alone)
            ):
                continue  # 上海台商, 柯文哲团队: a name and a common noun, a description
            if form and (runs_into_title(view, form, rules) or in_apposition(view, form, words, rules)
                         or tag_alone is not None and holds_a_person(form, rules, tag_alone)):
                continue  # (自民党参院政审会长 | 松山政司: a person and their office)
            if form and (counted_or_sector(view, form, rules) or describes_a_title(view, form, rules, known)
                         or local_unit(view, form, rules, known)
                         or members_of_known(view, form, rules, known)):
                continue  # 一家中国律师事务所, 美国银行业: a sort of body, not one
            if form and form.endswith(rules.event_words):
                continue  # 香港酒店业主联会年度大会: a body's event
            if form and (_modal_after_descriptor(form, rules)
                         or _modal_before_verb(view, form, words, rules)):
                continue  # 中国企业 | 会(…), 美国违约 | 会扰乱: then the modal verb 会
            if form and tag_alone is not None and _ends_inside_word(view, form, rules, tag_alone):
                continue  # 中央部 | 会(研拟): the body's last character begins a common noun (部会)
            if form and _always_before(view, form, ("家",)):
                continue  # 苏格兰银行 | 家: a banker, no bank
            if form and always_after(view, form, rules.plural_determiners):
                continue  # 各国 | 奥委会: bodies of that sort, many, no one body
            if form and _always_before(view, form, rules.facility_endings):
                continue  # 卡莱昆达空军 | 基地: a site's name each time
            parent = branch_parent(view, form, rules, known) if form else None
            if parent is not None:
                # (the catalog's body's key, else the body's own, which its name alone also finds)
                names[form] = Name(form, ORGANIZATION, (catalog_keys or {}).get(parent)
                                   or f"{ORGANIZATION}:zh-{parent}")
                continue
            whole = form
            form = (after_description(form, rules, known) or form) if form else form
            form = _after_leading_descriptor(form, rules) if form else form
            if form and whole and form[0] in rules.not_body_starts:
                form = whole  # (not 中国银行 | 间市场交易商协会: no description, but the name's start)
            named = described_known(form, rules, known) if form else None
            bare = without_legal_form(form, rules) if form else form
            if form and named is None and bare != form and known.get(bare) == ORGANIZATION:
                named = bare  # 中国银行 | 股份有限公司: the catalog's bank
            if form and named is None and countries is not None:
                named = placed_known(form, rules, known, countries)
            # 俄罗斯国家通讯社塔斯社, 纽约联合国安理会: a description or a place, then the catalog's name
            if named is not None:
                if catalog_keys is not None and named in catalog_keys:
                    names[form] = Name(form, ORGANIZATION, catalog_keys[named])
                continue
        else:
            named = placed_known(raw, rules, known, countries) if countries is not None else None
            own = named is not None and countries is not None and bool(countries.get(named)) and (
                countries.get(named) == countries.get(raw[: len(raw) - len(named)])
            )  # (not 白俄罗斯 | 红十字会: an international body's name is also a country's own body)
            if own and catalog_keys is not None and named in catalog_keys:
                # (据)俄罗斯塔斯社: a country and its body the catalog knows, read as one place
                names[raw] = Name(raw, ORGANIZATION, catalog_keys[named])
                continue
            form = _clean_place(raw, rules, known)
        if form and kind == PERSON and _into_credit_place(view, form, rules):
            form = form[:3]  # 陈家伦 | 富国市摄
        if form and kind == PERSON and (
            _name_withheld_after(view, form, rules) or _runs_into_place(view, form, known)
        ):
            continue  # 黎安里刘(姓里长), 国义(大利)
        if form and kind == PERSON and form[0] in rules.surnames and form[1:] in rules.not_given_names:
            continue  # 曾 | 辩称, 郭 | 人士, 郭 | 粉: a surname (or a word) and a verb or a group
        if form and kind == PERSON and _always_quoted(view, form):
            continue  # 企划案「金兰荖叶」: a work's title, in quotes each time
        if form and kind == PERSON and _inside_known(view, form, known):
            continue  # 李家 of 李家超: the catalog's name is written there in full
        if form and kind != PLACE and body and view.find(form, body) < 0:
            continue
        if form and form not in skip and form not in names:
            # 史托腾柏格 is the catalog's 斯托尔滕贝格: the same person, written otherwise;
            # 德米特里-佩斯科夫 its 德米特里·佩斯科夫.
            same = readings.match(form) if readings is not None and kind == PERSON else None
            dotted = form.translate(_DOTTED)
            if same is None and kind == PERSON and dotted != form and known.get(dotted) == PERSON:
                same = (catalog_keys or {}).get(dotted)
            if kind == PERSON and same is None and form not in credited_forms and not _person_shaped(
                view, form, rules, tag_alone, people_edges
            ):
                continue  # 杰宁, 托克马克: a transliterated place the tagger took for a person
            if kind == PERSON and names_a_thing(view, form, rules):
                continue  # 纪德级驱逐舰, 梅奥诊所: a person's name in the name of a thing
            names[form] = Name(form, kind, same)
    if readings is not None:
        _same_in_article(names, readings.foreign)
    if tag_alone is not None:
        _written_in_full(view, words, names, rules, tag_alone)
    _parts_of_longer(names, rules.surnames)
    _family_names_alone(view, names, known, catalog_keys or {})
    _addressed_by_surname(names, rules, view)
    located(names, neighbours, rules, view, tag_alone)
    for form in bare_media(view, words, rules.media_words):
        if form not in names and form not in known:
            names[form] = Name(form, ORGANIZATION)
    university_units(names, rules, catalog_keys or {})
    same_company(names, rules)
    shortened_bodies(names, rules, known)
    local_short_forms(names, rules, known)
    local_governments(names, rules)
    missions(names, view)
    return list(names.values())


# What may follow a title written after a name (尼克松总统的, 福特总统在, 马克龙总统表示).
_AFTER_TITLE_AFTER_NAME = frozenset("的在也则曾已表说称指强和与及，,。、（(：:")
# A middle dot right after a CJK character (长官·铃木大地), and the tags a name's words take.
_TITLE_DOT = re.compile(r"(?<=[\u4e00-\u9fff])·(?=[\u4e00-\u9fff])")
_NAME_WORD_TAGS = frozenset({"PER", "n", "nz", "nr", "LOC", "ORG", "a"})
# 许 after a time of day is "about" (1时许), not the surname.
_ABOUT = "许"
_CLOCK_TIME = re.compile(r"[0-9０-９一二三四五六七八九十两半]+[时時点點分]$")
# What follows a name ending in 和 where 和 joins nothing: a verb, an adverb, a mark.
_AFTER_NAME_NOT_JOINED = frozenset({"v", "vn", "w", "p", "vd", "d", "ad", "TIME"})
# Characters that end given names and are conjunctions too (康京和, 宪和).
_CONJUNCTION_NAME_ENDS = ("和",)


def _without_list_and(view: str, form: str) -> str:
    """A body's name the tagger ran into the list's 和 (阿维塔和 | 极越): 和 ends people's names
    (康京和), so it is cut only where another name follows it at each use, never a mark."""
    if len(form) < 4 or not form.endswith("和") or form not in view:
        return form
    uses_ = list(uses(view, form))
    if all(_HAN_CHAR.match(view, at + len(form)) for at in uses_):
        return form[:-1]
    return form


def _names_ending_in_conjunction(view: str, words: Sequence[Word]) -> list[Word]:
    """A two-character name the tagger ended before 和, read as "and", when no second name or
    noun follows it but a verb or a mark (康京 | 和 | 表示): the name's last character."""
    out = list(words)
    for i in range(len(out) - 2, 0, -1):
        name, joiner, after = out[i - 1], out[i], out[i + 1]
        if name.tag == "PER" and name.end - name.start in (2, 3) and joiner.start == name.end and (
            view[joiner.start : joiner.end] in _CONJUNCTION_NAME_ENDS and after.tag in _AFTER_NAME_NOT_JOINED
        ):
            out[i - 1 : i + 1] = [Word(name.start, joiner.end, "PER")]
    return out


def _after_title_dot(view: str, words: Sequence[Word], rules: NameRules) -> list[tuple[int, int]]:
    """A name after a title and a middle dot, as Japanese and Korean outlets write them
    (体育厅长官·铃木大地, 主任研究员·冈田丰): the words after the dot that make a name of two to
    four characters, up to a verb, a preposition, a time or a mark."""
    spans = []
    starts = {w.start: i for i, w in enumerate(words)}
    for at in (m.start() for m in _TITLE_DOT.finditer(view)):
        if not rules.person_cue_words.ends_at(view, at) or at + 1 not in starts:
            continue
        end = at + 1
        for word in words[starts[at + 1] :]:
            if word.start != end or word.tag not in _NAME_WORD_TAGS or word.end - (at + 1) > 4:
                break
            end = word.end
        if end - (at + 1) >= 2 and _HAN.fullmatch(view[at + 1 : end]):
            spans.append((at + 1, end))
    return spans


def _titled_person(raw: str, rules: NameRules, tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str:
    """The name after the title a tagged place or body opens with (知事 | 村冈嗣政): read alone
    one name, not a place's (no place's word ends it) nor a body's; else empty. No place's or
    body's name opens with a title."""
    for title in rules.titles_by_start.get(raw[:1], ()):
        rest = raw[len(title) :]
        ends = (*rules.place_suffixes, *rules.organization_suffixes)
        if raw.startswith(title) and 2 <= len(rest) <= 4 and len(alone := tuple(tag_alone(rest))) == 1 and (
            alone[0][1] in ("PER", "LOC") and not rest.endswith(ends)
        ):
            return rest
    return ""


def _after_leading_descriptor(form: str, rules: NameRules) -> str:
    """The body's name after a descriptor the tagger ran into it (中右翼智囊团 | 美国企业研究所):
    four characters or more that end as bodies' names do."""
    for descriptor in rules.leading_descriptors:
        at = form.find(descriptor)
        rest = form[at + len(descriptor) :] if at >= 0 else ""
        if len(rest) >= 4 and rest.endswith(rules.organization_suffixes):
            return rest
    return form


def _without_passive_suo(view: str, form: str, rules: NameRules) -> str:
    """A body without the 所 of 所+verb the tagger ran into it (海基会 | 所举办): a body's
    one-character ending, then 所 before a word each time, which no 研究所 or 事务所 is."""
    if len(form) >= 4 and form.endswith("所") and form[-2] in rules.organization_suffixes and all(
        _HAN_CHAR.match(view, at + len(form)) for at in uses(view, form)
    ):
        return form[:-1]
    return form


def _common_noun(view: str, form: str, organizations: Sequence[str], rules: NameRules,
                 tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """Whether a short form without a body's suffix is, read alone, one common noun, named in
    no quotation marks (『政客』网站) and no body of the article starts with it (永龄 beside
    永龄基金会 is that body's)."""
    if form in rules.organization_suffixes:
        return True  # 科技, 银行: a body's ending alone
    if form.endswith(rules.organization_suffixes) or tag_alone(form) != ((form, "n"),):
        return False
    if any(f"{o}{form}{c}" in view for o, c in ("『』", "「」", "《》", "“”")):
        return False
    # …but 朝野立委 (a person word after it) is no body that 朝野 could be short for
    return not any(o != form and o.startswith(form) and o.endswith(rules.organization_suffixes)
                   for o in organizations)


def _after_word_across(view: str, form: str, words: Affixes) -> str:
    """``form`` without its first one or two characters where, at each of its uses, they end
    one of ``words`` begun before it: a time word (今年初 | 民航局, 上周 | 阿萨德) or a word that
    describes a body (反对党 | 工党)."""
    cuts = set()
    for at in uses(view, form):
        cuts.add(next((k for k in (1, 2) for n in words.lengths
                       if n > k and at + k >= n and view[at + k - n : at + k] in words), 0))
    cut = cuts.pop() if len(cuts) == 1 else 0
    return form[cut:] if cut and len(form) - cut >= 2 else form


def _counted_at_end(form: str, rules: NameRules) -> bool:
    """Whether ``form`` ends in a body counted (泰国北部披集府 | 一间小学, 联合国 | 一委员会): where
    or whose, then one of a sort (联合国第一委员会, 德国电视一台 are named by their number)."""
    if _COUNTED_START.match(form) or _COUNTRIES_COUNTED.search(form):
        return True  # 八家政党联盟, 中俄两国军队: bodies or countries counted, no name
    counted = rules.counted.search(form)
    if counted is not None and counted.start() >= 2 and form[counted.start() - 1] != "第":
        return True  # 班加罗尔多所 | (学校): a place, then a number of what follows
    at = max(form.rfind("一"), form.rfind("某"))
    rest = form[at + 1 :]
    if at >= 2 and form[at - 1] != "第" and len(rest) >= 2 and rest in rules.organization_suffixes:
        return True
    for counter in rules.body_counters:
        at = form.rfind(counter)
        if len(counter) >= 2 and at > 0 and (rest := form[at + len(counter) :]) and (
            rest in rules.descriptive_suffixes or rest in rules.school_levels or rest in rules.generic_bodies
        ):
            return True
    return False


def _subsidiary(form: str, rules: NameRules) -> bool:
    """Whether ``form`` is a body's part or offspring told by its relation (紫光集团 | 全资子公司,
    便利商店集团 | 子公司): after its parent's ending or how it is held, no name of its own
    (三星电子公司 ends in 子公司 too, but after a name)."""
    word = max((w for w in rules.subsidiary_words if form.endswith(w)), key=len, default="")
    if not word:
        return False
    stem = form[: -len(word)]
    for owner in rules.subsidiary_owners:
        stem = stem.removesuffix(owner)
    return not stem or stem.endswith(rules.organization_descriptors) or stem in rules.organization_suffixes


def _part_after_parent(view: str, form: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``form`` is a body's part (亚洲分会, 开平支行) written right after its parent's
    name each time (国际技能组织 | 亚洲分会): the tagger cut the whole name, and the part
    alone names it no better than a place would."""
    if not form.endswith(rules.subsidiary_words):
        return False
    found = list(uses(view, form))
    for at in found:
        before = view[max(0, at - 8) : at]
        if not (before.endswith(rules.organization_suffixes)
                or any(known.get(before[-n:]) == ORGANIZATION for n in range(2, len(before) + 1))):
            return False
    return bool(found)


def _country_and_sort(form: str, rules: NameRules) -> bool:
    """Whether ``form`` is a country and a word for bodies of a sort (英国医院, 西班牙电台,
    荷兰俱乐部; 尼国工会 by the country's one character): that country's ones, no name of one.
    (Not a city's: 北京医院, 台北医院 are hospitals; not 银行: 美国银行, 中国银行 are banks.)"""
    for n in range(1, len(form) - 1):
        abbreviated = n == 2 and form[1] == "国" and form[0] in rules.abbreviations
        country = form[:n] in rules.country_forms or abbreviated
        if country and form[n:] in rules.country_sort_words:
            return True
    return False


def _verb_after_each_use(view: str, form: str, rules: NameRules) -> bool:
    """Whether every use of ``form`` ends in the first character of a verb of saying written on
    after it (所说, 所言; 报导, 报道): the form holds a name and a piece of that verb."""
    ends = rules.verb_pieces.get(form[-1:])
    if not ends or len(form) < 3:
        return False
    starts = list(uses(view, form))
    return bool(starts) and all(view.startswith(ends, at + len(form)) for at in starts)


def _placed_generic(form: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``form`` is a place the catalog knows and a body that stands for many (俄罗斯
    安全部队): the country's forces, no name of one (unlike 埃及中央银行, 高雄市警察局)."""
    return any(known.get(form[:n]) == PLACE and form[n:] in rules.collective_bodies
               for n in range(2, len(form) - 1))


def _suffixes_only(form: str, rules: NameRules) -> bool:
    """Whether ``form`` is nothing but a body's endings (科技 | 有限公司): no name before them."""
    suffix = max((s for s in rules.organization_suffixes if form.endswith(s)), key=len, default="")
    stem = form[: len(form) - len(suffix)]
    for legal in rules.legal_form_words:
        stem = stem.removesuffix(legal)  # 科技 | 有限 | 公司
    # (股份 | 有限 | 公司: a legal form alone, what is left of 中国银行股份有限公司 without the bank)
    if len(suffix) < 2:
        return False
    return stem == "" and form != suffix or len(stem) >= 2 and stem in rules.organization_suffixes


def _name_and_noun(form: str, rules: NameRules,
                   tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """Whether a form without a body's ending reads alone as a name and then a common noun of
    two characters or more (上海 | 台商, 台中市队 | 败部, 柯文哲 | 团队): that name's people or
    part, described; a body's name ends in a name or a body's word (玉山金, 国民党团)."""
    if form.endswith(rules.organization_suffixes):
        return False
    words = tag_alone(form)
    return (
        len(words) >= 2
        and words[-1][1] == "n"
        and len(words[-1][0]) >= 2
        and all(tag in ("ORG", "PER", "LOC", "nz") for _, tag in words[:-1])
    )


def _chinese_name_alone(form: str, rules: NameRules,
                        tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """Whether ``form`` has a Chinese name's shape, not a transliteration's (安德尔), and read
    alone is one person's name."""
    return (
        form[0] in rules.surnames and 2 <= len(form) <= 3 and not _foreign_run(form)
        and not form.endswith(rules.organization_suffixes) and tuple(tag_alone(form)) == ((form, "PER"),)
    )


def _ends_a_body(view: str, form: str, organizations: Sequence[str], known: Mapping[str, str],
                 rules: NameRules) -> bool:
    """Whether ``form`` is written in the article as the end of a body's name (国家 | 卫健委)
    that holds no title before it (市长 | 卢秀燕 is a person)."""
    bodies = set(organizations)
    for at in uses(view, form):
        for n in range(1, 7):
            longer = view[max(0, at - n) : at + len(form)]
            body = longer in bodies or known.get(longer) == ORGANIZATION
            if body and not rules.title_words.ends_at(longer[:n]):
                return True
    return False


def _name_after_place(view: str, raw: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``raw`` is a Chinese name that opens with a place the catalog knows (韩国瑜):
    three characters, the place's first a surname, the third no place's ending or word for who
    one is, written after a title or right before a reporting verb."""
    if len(raw) != 3 or raw in known or known.get(raw[:2]) != PLACE or raw[0] not in rules.surnames:
        return False
    if raw.endswith(rules.place_suffixes) or raw[2] in rules.agent_word_ends:
        return False
    return _after_person_cue(view, raw, rules) or any(
        rules.person_after_words.starts_at(view, at + 3) for at in uses(view, raw))


def _after_person_cue(view: str, form: str, rules: NameRules) -> bool:
    """Whether some use of ``form`` follows a title or a person's word (市长卢秀燕)."""
    return any(rules.person_cue_words.ends_at(view[max(0, at - 6) : at]) for at in uses(view, form))


def _person_tagged_as_body(view: str, raw: str, rules: NameRules, known: Mapping[str, str],
                           tag_alone: Callable[[str], Sequence[tuple[str, str]]] | None) -> bool:
    """Whether a name the tagger calls a body is a person's: a transliteration or a Japanese
    name after a person's word (总教练川口朋保, 被告罗纳度), or a Chinese name right after the body
    it belongs to (台南应用科技大学陈珞绮)."""
    if _foreign_person_shape(raw, rules) and raw not in known and _after_person_cue(view, raw, rules):
        return True
    # (专家纽曼(Newman): two characters of a transliteration, glossed by one capitalised word)
    glossed = re.search(re.escape(raw) + r"\s?[（(][a-z]+[)）]", view) is not None  # (the view is folded)
    if len(raw) == 2 and glossed and _foreign_run(raw) and raw not in known and (
            _after_person_cue(view, raw, rules)):
        return True
    chinese = tag_alone is not None and _chinese_name_alone(raw, rules, tag_alone)
    return chinese and _after_body_word(view, raw, rules)


def _through_suffix(view: str, form: str, rules: NameRules, word_ends: Collection[int],
                    known: Mapping[str, str]) -> str:
    """``form`` with the body's word that follows it at every use as a word of its own
    (士林地方 | 法院), when it ends in none of its own: the tagger cut the name before its last
    word. Not a company's or a government's word, which follow what describes one as often
    (欧洲殖民 | 政府, 在华美国 | 公司), nor after a place's name."""
    if form.endswith(rules.organization_suffixes) or any(
        known.get(form[-n:]) == PLACE for n in range(2, min(len(form), 5) + 1)
    ):
        return form
    suffixes = [s for s in rules.organization_suffixes if len(s) >= 2 and s not in rules.corporate_suffixes
                and not s.endswith("政府")]
    starts = list(uses(view, form))
    endings = {max((s for s in suffixes if view.startswith(s, at + len(form))
                    and at + len(form) + len(s) in word_ends), key=len, default="") for at in starts}
    ending = endings.pop() if len(endings) == 1 else ""
    if not starts or not ending or (form + ending).endswith(rules.facility_endings):
        return form  # (官田游客 | 中心: a building's name, not a body's)
    return form + ending


def _foreign_person_shape(form: str, rules: NameRules) -> bool:
    """Whether ``form`` has the shape of a foreign person's name and none of a body's: a
    transliteration (罗纳度, 宝拉阿巴杜) or a Japanese surname and given name (川口朋保)."""
    if not 3 <= len(form) <= 6 or not _HAN.fullmatch(form) or form.endswith(rules.organization_suffixes):
        return False
    return _foreign_run(form) or (len(form) == 4 and form[1] in rules.japanese_surname_ends)


def _after_body_word(view: str, form: str, rules: NameRules) -> bool:
    """Whether some use of ``form`` follows a body's word right away (科技大学 | 陈珞绮): a
    member of the body, named after it."""
    return any(view.endswith(s, 0, at) for at in uses(view, form)
               for s in rules.organization_suffixes if len(s) >= 2)


def _name_withheld_after(view: str, form: str, rules: NameRules) -> bool:
    """Whether every use of ``form`` is followed by a word that withholds a name (黎安里刘 | 姓
    里长): its last character is a surname, and no name is given."""
    withheld = tuple(w for w in rules.name_withheld if len(w) == 1)
    starts = list(uses(view, form))
    return bool(withheld and starts) and all(view.startswith(withheld, at + len(form)) for at in starts)


def _into_credit_place(view: str, form: str, rules: NameRules) -> bool:
    """Whether a four-character name runs into the place of a reporter's credit or dateline
    each time (记者陈家伦富 | 国市摄, …富 | 国市9日电): its last character begins a city's name
    that the catalog does not know."""
    if len(form) != 4 or form[:2] in rules.surnames:
        return False
    starts = list(uses(view, form))
    return bool(starts) and all(_CREDIT_PLACE.match(view, at + len(form)) for at in starts)


def _runs_into_place(view: str, form: str, known: Mapping[str, str]) -> bool:
    """Whether each use of ``form`` ends inside a catalog place's name written there (国义 |
    大利: 义大利 is Italy's name)."""
    starts = list(uses(view, form))
    return bool(starts) and all(
        any(known.get(view[at + len(form) - k : at + len(form) + m]) == PLACE
            for k in (1, 2) if k < len(form) for m in (1, 2, 3))
        for at in starts
    )


# How many paragraphs after a full name its surname and a term of address (王先生) still name
# that person (王清霜说…。王先生学成返台以后…).
_ADDRESS_REACH = 1
_PSEUDONYM = re.compile(r"[（(]化名[)）]")
_AGE_BRACKET = re.compile(r"[（(](?:\d{1,3}|[一二三四五六七八九十]{1,3})\s?[岁歲][)）]")
_BEFORE_NAME = frozenset("的岁歲，,。、：:；;\n「“ ")


def _aged(view: str, rules: NameRules) -> list[tuple[int, int]]:
    """A name with the person's age in brackets after it (猎人大岛育雄（76岁）, 研究人员日下稜（38岁）):
    two to four characters after a person word, a mark or 的, or a word ending as words for who
    one is do (猎人 | 大岛育雄); no thing has an age."""
    return _names_before(view, _AGE_BRACKET, (4, 3, 2), rules, agents=True)


def _pseudonyms(view: str, rules: NameRules) -> list[tuple[int, int]]:
    """A name the article gives a person instead of theirs (18岁少女阿思（化名）, 陈大文(化名)): a
    person's name all the same, two or three characters after a person word, 的 or an age."""
    return _names_before(view, _PSEUDONYM, (3, 2), rules, bare_pairs=True)


def _names_before(view: str, note: re.Pattern[str], sizes: tuple[int, ...], rules: NameRules, *,
                  agents: bool = False, bare_pairs: bool = False) -> list[tuple[int, int]]:
    """The names right before each ``note`` in brackets: the longest of ``sizes`` characters that
    a mark, a person word (or, with ``agents``, a word for who one is) bounds; two characters
    bounded by nothing too, with ``bare_pairs``."""
    spans = []
    for match in note.finditer(view):
        end = match.start()
        for size in sizes:
            start = end - size
            if start < 0 or not _HAN.fullmatch(view[start:end]) or view[start] in _BEFORE_NAME:
                continue
            before = view[start - 1] if start else "\n"
            agent = agents and before in rules.agent_word_ends and view[start] not in rules.agent_word_ends
            bounded = before in _BEFORE_NAME or agent or rules.person_cue_words.ends_at(view, start)
            if bounded or bare_pairs and size == 2:
                spans.append((start, end))
                break
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


def _credited_staff(view: str, rules: NameRules) -> list[tuple[int, int]]:
    """The names of a newsroom credit (（译者：张茗喧/核稿：严思祺）), each whole between its marks."""
    spans = []
    for credit in rules.staff_credit.finditer(view):
        at = credit.start("names")
        for part in re.split("[/／]", credit.group("names")):
            name = part.rpartition("：")[2].rpartition(":")[2]
            start = at + len(part) - len(name)
            spans.append((start, start + len(name)))
            at += len(part) + 1
    return spans


# What may follow a Chinese name the tagger split after a title: a function word, the start of
# a time or place word, punctuation (创办人戴胜益之外, 发言人王文斌表示 are found by the verb).
_AFTER_SPLIT_NAME = frozenset("之的等也则在已都和与及、，,。；;：:（(")


def _japanese_after_title(view: str, words: Sequence[Word], rules: NameRules,
                          known: Mapping[str, str]) -> list[tuple[int, int]]:
    """Japanese names the tagger cut after a title it read as a word, in an article about
    Japan (社长 | 楠 | 见 | 雄规 | 本月, 分析师 | 中 | 根康夫 | 表示): four characters, the last
    ending as given names do, made of the tagger's words only, then a verb, a time or a mark."""
    spans: list[tuple[int, int]] = []
    # where a title ends and a word begins, the title read as a word or not (担当 | 相 | 高)
    starts = sorted({w.start for w in words if rules.title_words.ends_at(view, w.start)})
    if not _about_japan(view, words, rules):
        return spans
    by_start = {w.start: w for w in words}
    for start in starts:
        end = start + 4
        name = view[start:end]
        if len(name) != 4 or not _HAN.fullmatch(name) or name[-1] not in rules.japanese_given_name_ends:
            continue
        after = by_start.get(end)
        ended = view[end : end + 1] in _NAME_END_MARKS or (
            after is not None and after.tag in ("v", "p", "TIME", "t"))  # (…茂木敏充 | 在记者会上)
        inside = [w for w in words if start <= w.start < end]
        if not ended or not inside or inside[0].start != start or any(
            w.end > end or w.tag in ("LOC", "ORG") for w in inside
        ) or "的" in name or inside[-1].tag in ("d", "f", "p", "u", "c", "r") or (
            view[inside[-1].start : end] in rules.fillers
        ):
            continue  # (植田 | 再次: an adverb after the surname)
        if not any(w.tag == "PER" for w in inside) and (
            len(inside) < 3 or any(w.tag in ("f", "d", "p", "u", "c", "r") for w in inside)
        ):
            continue  # 子孙 | 后代, 声明 | 中 | 也: words of the language, no name cut in pieces
        if any(name[a:b] in known for a in range(4) for b in range(a + 2, 5)):
            continue  # (a name the catalog knows inside: not one new name)
        spans.append((start, end))
    # …and where the tagger ran the title into the name, or the name into a place (知事(v) 铃木 |
    # 直道(v), 町长木村清彦(LOC), 次 | 官船 | 越 | 健裕): the title's end in the text, then a
    # surname of two characters ending as Japanese surnames do and a given name ending as given
    # names do, then a time, a verb or a mark
    taken = {a for a, _ in spans}
    starts_at = {w.start: w for w in words}
    # (a given name of three characters too: 政调会长渡海 | 纪三朗, 健太郎, 龙之介)
    for start in range(1, len(view) - 4):
        for length in (4, 5):
            name = view[start : start + length]
            end = start + length
            if start in taken or len(name) < length or end >= len(view) or not _HAN.fullmatch(name) or (
                name[1] not in rules.japanese_surname_ends or name[-1] not in rules.japanese_given_name_ends
                or not rules.title_words.ends_at(view, start)
            ):
                continue
            after = starts_at.get(end)
            if not (view[end] in _NAME_END_MARKS or view[end] in _JAPANESE_NAME_FOLLOWERS
                    or view.startswith(rules.name_and_others, end)  # (知事饭泉嘉门 | 等人)
                    or view[end].isdigit() or after is not None and after.tag in ("v", "p", "TIME", "t")):
                continue
            given = starts_at.get(start + 2)
            adverb = given is not None and given.tag in ("d", "ad")
            if "的" in name or name[2:] in rules.fillers or adverb or any(
                name[a:b] in known for a in range(length) for b in range(a + 2, length + 1)
            ):
                continue  # (行长植田 | 再次(表示): an adverb after the surname)
            spans.append((start, end))
            break
    return spans


def _after_title_word(view: str, words: Sequence[Word], rules: NameRules,
                      known: Mapping[str, str]) -> list[tuple[int, int]]:
    """Chinese names the tagger split into other words right after a title it read as a word
    (创办人 | 戴 | 胜益 | 之外): a surname and two characters, then a word that ends a name."""
    spans = []
    for index, word in enumerate(words[:-1]):
        if view[word.start : word.end] not in rules.title_words:
            continue
        start = word.end
        end = start + 3
        after, given = words[index + 1], words[index + 2] if index + 2 < len(words) else None
        if after.start != start or after.end != start + 1 or given is None or given.end != end or (
            given.tag not in ("n", "v", "vn", "a", "an", "nz")  # not 向 | 德国, 任 | 内以
        ):
            continue  # the surname and the given name, each a word of its own (戴 | 胜益), or no split
        name = view[start:end]
        if (name[:1] in rules.surnames and _HAN.fullmatch(name) and view[end : end + 1] in _AFTER_SPLIT_NAME
                and not any(c in _AFTER_SPLIT_NAME for c in name) and name not in known
                and name[-1] not in rules.not_name_ends):  # 法官 | 任 | 命案: no name ends in 案
            spans.append((start, end))
    return spans


# A number right before a word (1048, 1亿, 两千万): the word is a unit or a currency.
_NUMBER_BEFORE = re.compile(r"(?:\d|\d[十百千万亿]+|[一二两三四五六七八九十几数][十百千万亿]+)$")

# A Latin gloss in brackets right after a name.
_LATIN_GLOSS_AT = re.compile(r"\s?[（(][A-Za-z][^（）()]{0,60}[）)]")


@lru_cache(maxsize=8)
def _prize_after(fields: tuple[str, ...]) -> re.Pattern[str]:
    """A prize named after someone, right after the name: its field, then 奖 (吴舜文 | 新闻奖,
    乔纳森·曼 | 卫生及人权奖)."""
    alternatives = "|".join(map(re.escape, fields)) or "(?!)"
    return re.compile(r"(?:[\u4e00-\u9fff]{1,4}及)?(?:" + alternatives + ")奖")


def names_a_thing(view: str, form: str, rules: NameRules, most: bool = False) -> bool:
    """Whether every use of ``form`` (with ``most``, more than half) is part of a thing's name
    (纪德级, 诺贝尔和平奖, 梅奥诊所, 吴舜文新闻奖, 爱国者导弹, 八一七公报), a Latin gloss
    between them or not."""
    if form.endswith(rules.not_person_after):
        return True
    # (a thing's one-character ending begins words too: 率 | 领)
    things = (*rules.not_person_after, *(t for t in rules.thing_endings if len(t) >= 2))
    starts = list(uses(view, form))
    inside = 0
    for at in starts:
        end = at + len(form)
        while end < len(view) and view[end].isdigit():
            end += 1  # 罗素2000指数
        gloss = _LATIN_GLOSS_AT.match(view, end)
        if gloss is not None:
            # 哈利勒苏莱曼（Khalil Suleiman）医院: the gloss names a body or a site (本田汽车(Honda
            # Motor)计划… names none)
            end = gloss.end()
            end += next((len(m) for m in rules.site_modifiers if view.startswith(m, end)), 0)  # (…)国际机场
            if view.startswith((*rules.long_organization_suffixes, *rules.facility_endings), end) and (
                not view.startswith(rules.led_bodies, end)
            ):
                inside += 1
                continue  # 旺沙玛朱（Wangsa Maju）警察局(长): a body's place (not 米莱（Javier Milei）政府)
            if view.startswith(rules.glossed_things, end):
                inside += 1
            continue  # (本田汽车(Honda Motor)计划: what the company plans, no thing's name)
        prize = _prize_after(rules.prize_fields).match(view, end)
        if view.startswith(things, end) or prize is not None:
            inside += 1
    return bool(starts) and (inside * 2 > len(starts) if most else inside == len(starts))


def _person_shaped(view: str, form: str, rules: NameRules,
                   tag_alone: Callable[[str], Sequence[tuple[str, str]]] | None = None,
                   people_edges: tuple[set[int], set[int]] = (set(), set())) -> bool:
    """Whether a tagged person is one: a Chinese name's shape (a surname first), a name of
    several parts (伊泽丁·阿布莱施), or a use that only a person has — a title or person word
    before it, an age (44岁的), a term of address, a Latin name or a reporting verb after it.
    A single transliterated word with none of these is as often a town (杰宁, 托克马克) as a
    person, and other words the tagger calls people are verbs and nouns (褒扬, 网罗). Standing
    in a list beside a person the tagger found (李嗣涔、杨泮池) is such a use too."""
    if any(j in form for j in _NAME_JOINERS):
        return True
    if any(_PSEUDONYM.match(view, at + len(form)) for at in uses(view, form)):
        return True  # 阿思（化名）: a name the article gives a person
    if _glossed_as_thing(view, form, rules):
        return False  # 邱园（Kew Gardens）
    if len(form) >= 4 and form[-2:] in rules.japanese_given_endings:
        return True  # 佐佐江贤一郎: a Japanese given name's ending, which no word of the language has
    alone = tag_alone(form) if tag_alone is not None else ((form, "PER"),)
    if form[0] in rules.surnames and len(form) <= (4 if not _foreign_run(form) else 3) and (
        alone == ((form, "PER"),)
    ):
        # 陈世民; 马克, 高福: as likely a Chinese name as a transliteration. Read alone, a name
        # is one; a word (约莫, 网志, 陆海空) only fooled the tagger in its sentence.
        return True
    if _joined_to_name(view, form):
        return True  # 加利 after 穆罕默德·加利: the surname of a full name written before
    # A word of the language read alone (约莫, 网志) speaks as often as a person does
    # (网志说, 约莫半数表示): only what is said of people alone (a title, an age) shows one.
    common = len(alone) == 1 and alone[0][1] != "PER"
    # Neither a Chinese name's shape (褒扬, 网罗, 态芮) nor several parts: uses must show it.
    before_words = rules.person_cues
    at = view.find(form)
    while at >= 0:
        end = at + len(form)
        if (view[end : end + 1] == "、" and end + 1 in people_edges[0]) or (
            view[at - 1 : at] == "、" and at - 1 in people_edges[1]
        ):
            return True
        before = view[max(0, at - 10) : at].rstrip("：: ")  # 作者：珍妮特
        cued = before.endswith(before_words)
        window = view[max(0, at - 4) : end + 2]
        if cued and alone[0][1] in _VERB_TAGS and len(alone) == 1 and tag_alone is not None and (
            (form, "PER") not in tag_alone(window)
        ):
            at = view.find(form, end)
            continue  # 就代表 | 观光客: the cue a verb, the word a word; read alone, no person
        if cued or _AGE.search(before):
            return True
        after = view[end : end + 30]
        if _AGE_AFTER.match(after) or after.startswith((*rules.address_terms, *rules.titles_after_name)):
            return True
        if any(after.startswith(title) and after[len(title) : len(title) + 1] in _AFTER_TITLE_AFTER_NAME
               for title in rules.titles_by_start.get(after[:1], ())):
            return True  # 尼克松总统的(助理): a title written after the name (not 总统府, a building)
        if _LATIN_PERSON.match(after):
            return True  # 扎佐（Pier Francesco Zazo）
        if common:
            at = view.find(form, end)
            continue
        if after[:1] in rules.not_name_ends and rules.person_after_words.starts_at(after, 1):
            return True  # 伯恩斯又说
        if rules.person_after_words.starts_at(after):
            return True
        clause = _CLAUSE_END.split(after, maxsplit=1)[0]
        if any(verb in clause for verb in rules.person_after if len(verb) >= 2):
            return True  # 阿萨德周三在记者会上表示
        at = view.find(form, end)
    return False


def _runs_into_known(view: str, form: str, known: Mapping[str, str]) -> bool:
    """Whether at every use of ``form`` a name the catalog knows starts inside it and ends
    after it (美国自由 | 亚洲电台 where 自由亚洲电台 is known): the tagger cut across names."""
    starts = list(uses(view, form))
    if not starts:
        return False
    for at in starts:
        end = at + len(form)
        if not any(view[at + i : end + extra] in known for i in range(1, len(form))
                   for extra in range(1, 7) if len(view[at + i : end + extra]) >= 3):
            return False
    return True


def _joined_to_name(view: str, form: str, before: bool = False) -> bool:
    """Whether some use of ``form`` is joined by a name's dot or hyphen to another part of
    a name (埃文·格什科维奇; with ``before``, 比尔·盖茨). A hyphen also dashes a headline
    (战略要地-关岛), so beside one the other part must be a transliteration."""
    for at in uses(view, form):
        edge = at + len(form) if before else at - 1
        joiner = view[edge : edge + 1]
        if joiner not in _NAME_JOINERS:
            continue
        other = view[edge + 1 : edge + 3] if before else view[max(0, edge - 2) : edge]
        if joiner == "·" or (len(other) == 2 and _foreign_run(other) and _foreign_run(form)):
            return True  # (not 越夜越美丽-兰阳: a headline's dash between two phrases)
    return False


def _modal_before_verb(view: str, form: str, words: Sequence[Word], rules: NameRules) -> bool:
    """Whether ``form`` ends in the modal 会 before a verb at each use (美国违约 | 会 | 扰乱),
    not in a 会 of its own (协会, 理事会)."""
    if not form.endswith("会") or form.endswith("委会") or any(
        form.endswith(s) for s in rules.organization_suffixes if len(s) >= 2 and s.endswith("会")
    ):
        return False  # (安委会 | 印发: a committee, 委员会 written short)
    verbs = {w.start for w in words if w.tag in ("v", "vd", "d")}
    # (消委会说, 同乡会表示: a body speaks; a modal 会 is followed by what will happen)
    return all(at + len(form) in verbs and not rules.person_after_words.starts_at(view, at + len(form))
               for at in uses(view, form))


def _modal_after_descriptor(form: str, rules: NameRules) -> bool:
    """Whether ``form`` is a sort of body and the modal 会 (中国企业 | 会), not a 会 of its own."""
    if not form.endswith("会") or not form[:-1].endswith(rules.organization_descriptors):
        return False
    return not any(form.endswith(s) for s in rules.organization_suffixes if len(s) >= 2 and s.endswith("会"))


def _always_before(view: str, form: str, words: tuple[str, ...]) -> bool:
    """Whether every use of ``form`` runs straight into one of ``words``."""
    starts = list(uses(view, form))
    return bool(starts) and all(view.startswith(words, at + len(form)) for at in starts)


def _ends_inside_word(view: str, form: str, rules: NameRules,
                      tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """Whether a body ending in a one-character suffix (部) ends, at every use, inside a word:
    one for bodies of two sorts (中央部 | 会: 部会, the ministries and councils), the next
    character beginning no word of its own (统帅部 | 会议 is the command's meeting), or a word
    the suffix begins (中国军 | 力)."""
    if len(form) < 3 or form.endswith(rules.long_organization_suffixes):
        return False
    starts = list(uses(view, form))
    for at in starts:
        end = at + len(form)
        pair = view[end - 1 : end + 1]
        if pair in rules.suffix_words and _word_across(view, max(at, end - 3), end, tag_alone):
            continue  # 中国军 | 力: military strength, no army (美国海军 | 力量 is the navy)
        if pair not in rules.paired_bodies or len(tag_alone(view[end : end + 2])) == 1:
            return False
    return bool(starts)


def _word_across(view: str, start: int, end: int,
                 tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> bool:
    """Whether, read alone from ``start`` to two characters past ``end``, a word runs across
    ``end``."""
    at = start
    for word, _ in tag_alone(view[start : end + 2]):
        if at < end < at + len(word):
            return True
        at += len(word)
    return False


def _always_quoted(view: str, form: str) -> bool:
    """Whether every use of ``form`` stands alone in quotes or title marks (「金兰荖叶」)."""
    starts = list(uses(view, form))
    return bool(starts) and all(
        at > 0 and view[at - 1] + view[at + len(form) : at + len(form) + 1] in _QUOTE_PAIRS for at in starts
    )


def _glossed_as_thing(view: str, form: str, rules: NameRules) -> bool:
    """Whether a Latin name in brackets right after ``form`` names a place or a body."""
    for match in re.finditer(re.escape(form) + r"\s?[（(]([a-z][a-z .'\-]+)[)）]", view):
        if rules.thing_latin_words.intersection(match.group(1).split()):
            return True
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
            known.get(window[a:b].translate(_DOTTED)) == PERSON  # 德米特里-佩斯科夫 is 德米特里·佩斯科夫
            for a in range(0, offset + 1)
            for b in range(offset + len(form), len(window) + 1)
            if b - a > len(form)
        ):
            return False
        at = view.find(form, at + 1)
    return True


def _written_in_full(view: str, words: Sequence[Word], names: dict[str, Name], rules: NameRules,
                     tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> None:
    """A person the tagger found by a short form (小仓 交谈) where the full name is written in
    a sentence it did not read (受害者小仓桂子（85岁）): the window there, read alone, gives
    the full name, which the short form then joins (``_parts_of_longer``)."""
    tagged = sorted((w.start, w.end) for w in words)
    starts = [a for a, _ in tagged]
    for form in [n.form for n in names.values() if n.kind == PERSON and n.known_as is None]:
        if not _HAN.fullmatch(form):
            continue
        at = view.find(form)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            if not (index >= 0 and tagged[index][1] > at) and _HAN_CHAR.match(view, at + len(form)):
                full = _full_name_at(view, at, form, rules, tag_alone)
                if full is not None and full not in names:
                    names[full] = Name(full, PERSON)
            at = view.find(form, at + len(form))


def _full_name_at(view: str, at: int, form: str, rules: NameRules,
                  tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str | None:
    """The longer person's name the tagger reads at ``at`` in a window read alone, if it
    starts with ``form`` and ends where a word does (not 海利 | 民调)."""
    window_start = max(0, at - 4)
    position = window_start
    for word, tag in tag_alone(view[window_start : at + len(form) + 4]):
        if position == at and tag == "PER" and len(form) < len(word) <= len(form) + 2:
            full = _clean_person(word, rules)
            after = at + len(full or "")
            verb_after = rules.person_after_words.starts_at(view, after)
            ends = not _HAN_CHAR.match(view, after) or view[after] in "与和及" or verb_after
            return full if full and ends and full.startswith(form) and len(full) > len(form) else None
        position += len(word)
    return None


def _parts_of_longer(names: dict[str, Name], surnames: frozenset[str]) -> None:
    """A person's name the tagger cut short somewhere (侯赛因 beside 侯赛因·阿克巴里, 李家 beside
    李家超) is that person: the part takes the whole name's key; but a full Chinese name beside
    itself and one more character is that name, and the character another word's."""
    people = [n for n in names.values() if n.kind == PERSON and n.known_as is None]
    for short in people:
        if not _chinese_name(short.form, surnames):
            continue
        # 張緯誌 beside 張緯誌特(地到), 张宏陆 beside 张宏陆江翠(后援会): the longer form took the
        # next words' characters (two unless a transliteration goes on: 查尔斯 | 三世, 安德烈 | 耶夫)
        strays = [
            n for n in people
            if n.form.startswith(short.form) and _HAN.fullmatch(n.form)
            and 0 < len(n.form) - len(short.form) <= (1 if _foreign_run(short.form) else 2)
        ]
        for stray in strays:
            del names[stray.form]
    people = [n for n in names.values() if n.kind == PERSON and n.known_as is None]
    for short in people:
        longer = [
            n for n in people
            if len(n.form) > len(short.form) >= 2
            and (n.form.startswith(short.form) or n.form.endswith(short.form))
        ]
        if len(longer) == 1:
            names[short.form] = Name(short.form, PERSON, longer[0].key)
    # 丸冈 beside 丸冈亨, 福特 beside 杰拉尔德·福特: a surname the tagger read as a body or a
    # place is the one person whose name it begins, or ends after a name's dot
    for other in [n for n in names.values() if n.kind != PERSON and n.known_as is None]:
        if len(other.form) < 2 or not _HAN.fullmatch(other.form):
            continue
        longer = [
            n for n in people
            if len(n.form) > len(other.form)
            and (n.form.startswith(other.form) or n.form.endswith(("·" + other.form, "-" + other.form)))
        ]
        if len(longer) == 1:
            names[other.form] = Name(other.form, PERSON, longer[0].key)


def _without_verb_after(view: str, form: str,
                        tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> str:
    """A transliterated name without the verb the tagger ran into it, as the tagger reads it
    with the two characters after it (米雷伊婉拒 | 加入: 米雷伊 | 婉拒 | 加入)."""
    at = view.find(form)
    if at < 0:
        return form
    words = tag_alone(view[at : at + len(form) + 2])
    if len(words) >= 2 and words[0][1] == "PER" and 2 <= len(words[0][0]) < len(form) and words[1][1] == "v":
        return words[0][0]
    return form


def _family_names_alone(view: str, names: dict[str, Name], known: Mapping[str, str],
                        catalog_keys: Mapping[str, str]) -> None:
    """A four-character name's first two characters written alone elsewhere (二阶 after
    二阶俊博, 林郑 after 林郑月娥, 欧阳 after 欧阳娜娜): the family name the news then uses, so
    that person — Japanese surnames, married and compound ones are two characters. The name
    may be the catalog's (河野 after 河野太郎), and the family name a place's too (加纳 after
    加纳虹辉: in a story of that person, the person)."""
    for name in [n for n in names.values() if n.kind == PERSON and n.known_as is None]:
        family = name.form[:2]
        if len(name.form) != 4 or not _HAN.fullmatch(name.form) or family in names or (
                known.get(family) not in (None, PLACE)):
            continue
        if any(not view.startswith(name.form, at) for at in uses(view, family)):
            names[family] = Name(family, PERSON, name.key)
    # (the catalog's four-character people written here: 河野 after 河野太郎 is that person)
    catalogued = {view[at : at + 4] for at in range(len(view) - 3) if known.get(view[at : at + 4]) == PERSON}
    families: dict[str, set[str]] = defaultdict(set)
    for full in catalogued:
        if _HAN.fullmatch(full) and (key := catalog_keys.get(full)) is not None:
            families[full[:2]].add(key)
    for family, keys in families.items():
        name = names.get(family)
        if len(keys) != 1 or known.get(family) or name is not None and (name.kind != PERSON or name.known_as):
            continue
        full_forms = [f for f in catalogued if f.startswith(family)]
        if any(not any(view.startswith(f, at) for f in full_forms) for at in uses(view, family)):
            names[family] = Name(family, PERSON, next(iter(keys)))


def _short_of_known(view: str, form: str, known: Mapping[str, str]) -> bool:
    """Whether at every use ``form`` and the next character are a body the catalog knows
    (卫福 | 部长: 卫福部): the tagger ended the name a character early."""
    starts = list(uses(view, form))
    return bool(starts) and all(known.get(view[at : at + len(form) + 1]) == ORGANIZATION for at in starts)


def _with_country_character(view: str, form: str, known: Mapping[str, str]) -> str:
    """A body starting with 国 after a country's one-character form at every use (加 | 国外交部):
    the tagger cut the country's two-character form (加国, Canada) in two. After several
    countries' (中国外交部 too) it names none of them: no form."""
    if not form.startswith("国") or len(form) < 3:
        return form
    befores = {view[at - 1 : at] for at in uses(view, form)}
    if not befores or any(known.get(b + "国") != PLACE for b in befores):
        return form
    return befores.pop() + form if len(befores) == 1 else ""


def _ticket(form: str, people: set[str]) -> bool:
    """Whether a form of two or three characters is as many people of the article, each by a
    character of their name: the first's surname, the others' surname or last character (侯康
    for 侯友宜 and 赵少康, 赖萧 for 赖清德 and 萧美琴, 侯康蒋) — the way a ticket is written."""
    chinese = sorted(p for p in people
                     if len(p) <= 3 and _HAN.fullmatch(p) and not _foreign_run(p) and form not in p)
    # each character a different person's: the first by surname, the others by surname or last
    choices = [[p for p in chinese if p[0] == form[0]],
               *([q for q in chinese if c in (q[0], q[-1])] for c in form[1:])]
    return any(len(set(pick)) == len(pick) for pick in product(*choices))


def _addressed_by_surname(names: dict[str, Name], rules: NameRules, view: str) -> None:
    """A surname and a term of address (王先生) where the article names one person of that
    surname in full (王清霜) shortly before it: that person, as the article goes on to call them.
    Written first far from the full name (a voter 黄先生 in a piece about the candidate 黄珊珊),
    it is someone else."""
    for form, name in list(names.items()):
        term = next((t for t in rules.address_terms if form.endswith(t) and len(form) == len(t) + 1), None)
        if name.kind != PERSON or name.known_as is not None or term is None:
            continue
        full = {f: n.key for f, n in names.items()
                if n.kind == PERSON and f[0] == form[0] and 2 <= len(f) <= 4 and _HAN.fullmatch(f)
                and not f.endswith(rules.address_terms) and f[0] in rules.surnames}
        if len(set(full.values())) != 1:
            continue
        first = view.find(form)
        nearest = max((view.rfind(f, 0, first) for f in full), default=-1) if first >= 0 else -1
        if nearest >= 0 and view.count("\n", nearest, first) <= _ADDRESS_REACH:
            names[form] = Name(form, PERSON, next(iter(full.values())))


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


_HAN = re.compile(r"[\u4e00-\u9fff]+")
_NAME_STOPS = re.compile(r"[()（）\[\]【】「」“”『』《》〈〉,，、。；;：:！!？?]")
# Surnames that are also prepositions (于美墨边界, 于盛怒之下): read so, when the rest says so.
_PREPOSITION_SURNAMES = frozenset("于於")
_FULL_FOREIGN_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:[·•][\u4e00-\u9fff]{1,}\.?)*[·•][\u4e00-\u9fff]{2,}")


def _chinese_name(form: str, surnames: frozenset[str]) -> bool:
    """A surname of one character and a given name of two (张纬志)."""
    return len(form) == 3 and form[0] in surnames and _HAN.fullmatch(form) is not None


# An age before a name: 44岁的, 70岁.
_AGE = re.compile(r"\d+\s?岁的?$")
_AGE_AFTER = re.compile(r"(?:已经|现年|今年|已)?\d+\s?岁")
# A Latin name of a person in brackets: two to four words (or one, joined by a hyphen).
_LATIN_PERSON = re.compile(
    r"\s?[（(]\s?(?:dr\.? |mr\.? |ms\.? )?[a-z\u00c0-\u024f][a-z\u00c0-\u024f'.\-]+"
    r"(?:[ \-][a-z\u00c0-\u024f][a-z\u00c0-\u024f'.\-]+){1,3}\s?[,，)）]"
)
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:」”]")


__all__ = ["Name", "NameRules", "tagged_names"]
