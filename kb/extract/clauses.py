"""The words before a reporting verb, parsed into who speaks and the circumstances.

A clause is read as units: the article's entity and title tokens, and between them the
tagger's words with their parts of speech. Chinese news puts the speaker first in the
clause, as a noun phrase (香港行政长官林郑月娥, 中国国家互联网信息办公室, 拜登与泽连斯基), and
between it and the verb only circumstances: time (周五, 当地时间16日), adverbs (也, 再次),
place and occasion (在布鲁塞尔, 在…记者会上, 会见…时), channel (发表声明, 在推特上) and
addressee (对记者, 向安理会). ``parse_subject`` finds that noun phrase when the gap is made of
such circumstances only; otherwise the clause has no subject of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from kb.extract.entities import ENTITY, TITLE, Token
from kb.extract.rules import Lexicon
from kb.extract.tagger import Word
from kb.extract.text import CLOSING_QUOTES, OPENERS

# Parts of speech (the tagger's) that make up a noun phrase; "entity" and "title" are tokens.
NOMINAL = frozenset({ENTITY, TITLE, "n", "nz", "nw", "PER", "ORG", "LOC", "an", "s", "m", "q", "r", "a", "f"})
# Parts of speech of circumstances: time and adverbs.
CIRCUMSTANTIAL = frozenset({"TIME", "t", "d", "ad", "m", "q", "w"})
JOINERS = frozenset({"、", "和", "与", "及", "以及", "跟", "同"})
# Words after a name that make it stand for its body or government (民进党当局, 中国官方).
STANDS_FOR = ("当局", "方面", "官方", "政府", "一方")
# Adverbs that make a list of subjects speak together (拜登与泽连斯基均表示).
TOGETHER = frozenset({"均", "都", "皆", "共同", "一致", "分别", "各自", "也都", "同时", "一起", "联合"})
_OPEN_BRACKETS = "(（"
# Where a caption's photo shows someone: （左）, （右二）, （前排左）, （图左）.
_PHOTO_POSITION = re.compile(r"(?:图|圖)?(?:前排|后排|後排|前|后|後)?[左右中](?:[一二三四五六七八九\d]|起)?")
_CHAIN_GLUE = frozenset({"驻", "兼"})  # inside a title chain, never between two subjects
_NAME_MARKS = frozenset("《》『』")  # around a publication's name in a title chain: 《华尔街日报》主编
_CLOSE_BRACKETS = ")）"


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    tag: str  # "entity", "title", the tagger's part of speech, or "x" where nothing was tagged
    text: str
    token: Token | None = None

    @property
    def nominal(self) -> bool:
        # (a Latin word the tagger could not place, xc, names something: 社群媒体X平台)
        return self.tag in NOMINAL or self.tag == "xc" and self.text.isascii() and self.text.isalnum()


@dataclass
class SubjectParse:
    """A clause's subject phrase: ``units[start:end]``, possibly empty."""

    units: list[Unit]
    start: int
    end: int
    continuing: bool  # the clause opened with 并, 还, 同时 …: it goes on from the one before
    addressee: bool = False  # the clause opened with 对/向 + a name: the name is spoken to
    together: bool = False  # 均, 都 … in the gap: a list of subjects speaks as one
    relayed: tuple[int, int] | None = None  # units of Y in X援引Y称: Y speaks

    @property
    def phrase(self) -> list[Unit]:
        return self.units[self.start : self.end]


_LATIN = re.compile(r"[A-Za-z][A-Za-z.'\-]*")
_DAY = re.compile(r"\d{1,2}[日号]|\d{1,2}月\d{1,2}[日号]")

# Tags of the words before 地 that say how someone spoke (坦率 | 地说, 直言不讳 | 地说).
_MANNER_TAGS = frozenset({"a", "ad", "an", "d", "v", "vd", "vn", "i", "l"})


def _opens_place(units: Sequence[Unit]) -> bool:
    """Whether a preposition of place (在, 于; 从, reporting from) stands among ``units``."""
    return any(u.text in ("在", "于", "於", "从", "從") for u in units)


def _head_noun_last(units: Sequence[Unit]) -> bool:
    """Whether ``units`` end in 的 and a noun, the verb's subject (柬埔寨与 | 中国的密切关系 |
    表明: X and Y's relations show), no circumstance."""
    k = max((j for j, u in enumerate(units) if u.text == "的"), default=-1)
    tail = units[k + 1 :]
    return k > 0 and bool(tail) and tail[-1].tag == "n" and all(u.tag in ("n", "a") for u in tail)


def _relative_head(units: Sequence[Unit]) -> bool:
    """Whether a name heads a relative clause here (在华企业的伍德克): the subject, not part
    of a circumstance."""
    for k in range(1, len(units) - 1):
        if units[k].text != "的":
            continue
        # 的, the name with its titles (莫斯科任命的克里米亚行政长官阿克索诺夫（…）在), 在 or 于
        j, named = k + 1, False
        # (监测项目“38 North”在: a quoted name is part of the head)
        while j < len(units) and (units[j].nominal or units[j].tag == "vn" or units[j].text in _TERM_MARKS):
            named = named or units[j].tag == ENTITY
            j += 1
        if named and j < len(units) and units[j].text in ("(", "（"):
            j = next((m + 1 for m in range(j + 1, len(units)) if units[m].text in (")", "）")), j)
        while named and j < len(units) and units[j].tag in ("TIME", "t"):
            j += 1  # (…的代表谭耀宗 | 周五 | 在: when, between the name and the frame)
        if named and j < len(units) and units[j].text in ("在", "于"):
            return True
    return False


def _manner_end(units: Sequence[Unit], k: int) -> int | None:
    """The index after a manner at ``units[k]`` (干劲十足地, 坦率地), or None."""
    mark = next((j for j in range(k + 1, min(k + 4, len(units))) if units[j].text == "地"), None)
    if mark is None or not all(u.tag in _MANNER_TAGS for u in units[k:mark]):
        return None
    return mark + 1


def _posture_end(units: Sequence[Unit], k: int, lex: Lexicon) -> int | None:
    """The index after a posture at ``units[k]`` (站在米利身边, 坐在他旁边), or None."""
    text, j = units[k].text, k + 1
    if text in lex.postures and j < len(units) and units[j].text == "在":
        j += 1
    elif not (text.endswith("在") and text[:-1] in lex.postures):
        return None
    return next((m + 1 for m in range(j, min(j + 6, len(units))) if units[m].text.endswith(lex.beside_words)),
                None)


_TERM_MARKS = frozenset("“”「」『』")


def _inside_quotation(units: Sequence[Unit]) -> set[int]:
    """The indices of the units inside quotation marks (not the marks)."""
    inside, depth = set(), 0
    for k, unit in enumerate(units):
        if unit.text in ("“", "「", "『"):
            depth += 1
        elif unit.text in ("”", "」", "』"):
            depth = max(0, depth - 1)
        elif depth:
            inside.add(k)
    return inside


# 题为《…》的 before a piece's word: which piece, by its title (这篇题为《要强硬》的评论)
TITLED = re.compile(r"(?:题为|名为|标题为)[《“「][^》”」]*[》”」]的")
_TITLED_PIECE = re.compile(r"(?:这|该|此)?[篇份本]?" + TITLED.pattern)


# Marks that open and close a quoted title between a channel verb and its noun.
_QUOTE_OPENERS = frozenset("“「『\"")
_QUOTE_CLOSERS = frozenset("”」』\"")


class Units:
    """The units of any stretch of the view."""

    def __init__(self, view: str, tokens: Sequence[Token], words: Sequence[Word],
                 nouns: frozenset[str] = frozenset(), acts: frozenset[str] = frozenset(),
                 pronouns: frozenset[str] = frozenset(), prepositions: frozenset[str] = frozenset(),
                 sides: frozenset[str] = frozenset(), adverbs: frozenset[str] = frozenset(),
                 surnames: frozenset[str] = frozenset(), relays: tuple[str, ...] = ()) -> None:
        self.view = view
        self.relays = relays  # 纽约时报 | 引述公司(ORG) | 执行长: a relay verb the tagger read into a name
        self.surnames = surnames  # 赖 | 副总统: a surname before a title, whatever the tagger read
        self.adverbs = adverbs  # 稍早, 当地时间: one adverb unit when the tagger splits it (稍 | 早)
        self.sides = sides  # 检方, 警方: a side the tagger reads into 方向 (检 | 方向 | 陪审团表示)
        self.pronouns = pronouns  # 他, 她: pronouns, whatever the tagger read
        self.prepositions = prepositions  # 向, 对: cut off a name the tagger read, a preposition
        self.nouns = nouns  # nouns the tagger splits (知情 | 人士): one noun unit
        self.acts = acts  # channels (贴文, 发文): verbs, when the tagger read one into a name
        self.tokens = [t for t in tokens if t.type in (ENTITY, TITLE)]
        self.token_starts = [t.start for t in self.tokens]
        self.words = list(words)
        self.word_starts = [w.start for w in self.words]
        self.word_ends = [w.end for w in self.words]

    def between(self, start: int, end: int) -> list[Unit]:
        units: list[Unit] = []
        pos = start
        first = bisect_left(self.token_starts, start)
        for token in self.tokens[first:]:
            if token.start >= end:
                break
            if token.end > end:
                continue
            if token.start > pos:
                self._words(pos, token.start, units)
            units.append(Unit(token.start, token.end, token.type, self.view[token.start:token.end], token))
            pos = token.end
        if pos < end:
            self._words(pos, end, units)
        for k in range(len(units) - 1):
            unit = units[k]
            if unit.tag not in NOMINAL and unit.text in self.surnames and units[k + 1].tag == TITLE:
                units[k] = Unit(unit.start, unit.end, "n", unit.text)  # 赖(v) | 副总统: 赖副总统
        return units

    def _words(self, start: int, end: int, out: list[Unit]) -> None:
        pos = start
        index = bisect_left(self.word_ends, start + 1)  # the first word ending after start
        for word in self.words[index:]:
            if word.start >= end:
                break
            a, b = max(word.start, start), min(word.end, end)
            if a > pos:
                self._untagged(pos, a, out)
            if b > a:
                last = out[-1] if out else None
                if last is not None and last.end == a and last.text + self.view[a:b] in self.nouns:
                    out[-1] = Unit(last.start, b, "n", self.view[last.start : b])
                elif last is not None and last.end == a and b - a == 2 and self.view[a] == "方" and (
                    self.view[a + 1] in self.prepositions and last.text + "方" in self.sides
                ):
                    # 检 | 方向 | 陪审团: the side, then to whom it spoke
                    out[-1] = Unit(last.start, a + 1, "n", last.text + "方")
                    out.append(Unit(a + 1, b, "p", self.view[a + 1 : b]))
                elif last is not None and last.end == a and last.text + self.view[a:b] in self.adverbs:
                    out[-1] = Unit(last.start, b, "d", self.view[last.start : b])
                elif last is not None and last.end == a and _DAY.fullmatch(last.text + self.view[a:b]):
                    out[-1] = Unit(last.start, b, "TIME", self.view[last.start : b])  # 8 | 日: a day
                else:
                    text = self.view[a:b]
                    # 29日 (the tagger's m as often as TIME): a date is a time, whatever its tag
                    tag = "TIME" if word.tag == "m" and _DAY.fullmatch(text) else word.tag
                    if text in self.pronouns:
                        tag = "r"  # ，”她 | 说: a pronoun, whatever the tagger read after a quotation
                    if tag in ("PER", "ORG", "LOC") and (a, b) != (word.start, word.end):
                        # 黄帝颖 | 贴文: what the tagger read into a name beside it is no name
                        # (向 | 斯特凡尼克: a preposition)
                        tag = "v" if text in self.acts else "p" if text in self.prepositions else "n"
                        relay = next((r for r in self.relays if text.startswith(r) and text != r), "")
                        if relay:  # (纽约时报 | 引述 | 公司执行长…的话说: the relay, then whom it quotes)
                            out.append(Unit(a, a + len(relay), "v", relay))
                            a, text = a + len(relay), text[len(relay):]
                    out.append(Unit(a, b, tag, text))
                pos = b
        if pos < end:
            self._untagged(pos, end, out)

    def _untagged(self, start: int, end: int, out: list[Unit]) -> None:
        text = self.view[start:end]
        if text.strip():
            out.append(Unit(start, end, "x", text))

    def tag_at(self, pos: int) -> Word | None:
        """The tagger's word holding ``pos``, if that part was tagged."""
        index = bisect_left(self.word_ends, pos + 1)
        if index < len(self.words) and self.words[index].start <= pos:
            return self.words[index]
        return None


class ClauseParser:
    def __init__(self, lexicon: Lexicon, places: frozenset[str] = frozenset(),
                 descriptors: frozenset[str] = frozenset(),
                 titles_after: frozenset[str] = frozenset()) -> None:
        self.lex = lexicon
        self.titles_after = titles_after  # 教授, 博士: a title written after the name (…沃克（…）教授)
        self.places = places  # the keys of the article's places: where, after 在, not who
        self.descriptors = descriptors  # words for a sort of body (组织, 机构): before a name, its apposition

    def _described_place(self, rest: Sequence[Unit]) -> bool:
        """Whether ``rest`` is a relative clause, then a phrase ending in one of the article's
        places (被占领的约旦河西岸城市拉马拉): what a preposition of place governs."""
        last_de = max((k for k, u in enumerate(rest) if u.text == "的"), default=-1)
        head = rest[last_de + 1 :]
        return last_de >= 0 and bool(head) and head[-1].tag == ENTITY and head[-1].token is not None and (
            head[-1].token.key in self.places) and all(u.nominal for u in head) and not any(
            u.tag == "w" or u.text in self.lex.verbs for u in rest)

    def _place_in_frame(self, units: list[Unit], i: int, k: int, end: int) -> bool:
        """Whether the name ending ``units[k:end]`` is a place that a 在 or 于 before it, in
        ``units[i:k]``, makes where the speaker spoke (在震中附近的土耳其城市奥斯曼尼耶 | 报道)."""
        last = next((u for u in reversed(units[k:end]) if u.tag == ENTITY), None)
        return last is not None and last.token is not None and last.token.key in self.places and (
            _opens_place(units[i:k]))

    def parse(self, units: list[Unit], backwards: bool = False) -> SubjectParse:
        """The subject phrase of a clause whose verb follows ``units``; ``backwards``: failing
        that, the name right before the verb with its title chain (for a reporting verb)."""
        lex = self.lex
        i, continuing = self._skip_openers(units, 0)
        i = self._skip_leading_circumstance(units, i)
        if i < len(units) and units[i].text in lex.addressee_markers:
            # 但对俄罗斯总统普京说: spoken to, not by, the name.
            end = self.noun_phrase_end(units, i + 1)
            if end > i + 1 and self.gap_ok(units[end:]):
                return SubjectParse(units, i, i, continuing, addressee=True)
        end = self.noun_phrase_end(units, i)
        end = self._through_titled_name(units, end)
        # 赖清德 | 申论 | 时: a name, then the act of speech it spoke in (the tagger's noun)
        end = next((j for j in range(i + 1, end) if self._how_spoken_after_name(units, j)), end)
        if end > i:
            relayed = self._relayed(units, end)
            if relayed is not None:
                return SubjectParse(units, i, end, continuing, relayed=relayed)
            if self.gap_ok(units[end:]):
                return SubjectParse(units, i, end, continuing, together=self._together(units[end:]))
        # 这位今年81岁的民主党人总统 | 在…表示: a demonstrative, what describes the person, a title
        if i < len(units) and units[i].text in self.lex.demonstratives:
            title = next((k for k in range(i + 1, len(units)) if units[k].tag == TITLE), None)
            if title is not None and not any(u.tag in ("v", "p") for u in units[i + 1 : title]) and (
                self.gap_ok(units[title + 1 :])
            ):
                return SubjectParse(units, i, title + 1, continuing)
        # The head of a relative clause right before the verb: 倡导…的博雷利认为.
        quoted = _inside_quotation(units)
        for k in range(len(units) - 1, i, -1):
            if k in quoted:
                continue  # (以“乌克兰真正需要的东西”为题: a 的 inside a title is none of the subject's)
            if units[k].text in ("的", "之") and end > i and any(u.tag == ENTITY for u in units[i:end]) and (
                self._addressee_next(units, end, k)
            ):
                # 王毅外长曾对到访的…科隆纳表示: the head is whom the subject spoke to
                return SubjectParse(units, i, end, continuing)
            if units[k].text in ("的", "之"):
                end = self.noun_phrase_end(units, k + 1)
                if end + 2 < len(units) and units[end].text in ("“", "「", "『") and (
                    units[end + 1].tag == ENTITY and units[end + 2].text in ("”", "」", "』")
                ):
                    end += 3  # 监测项目“38 North”: the description, then its name in quotes
                if end > k + 1 and units[end - 1].tag == "f" and _opens_place(units[i:k]) and not (
                    _opens_place(units[k + 1 : end])
                ):
                    break  # 在她的推特账户上(写道): where, not who
                if end > k + 1 and self._place_in_frame(units, i, k + 1, end):
                    break  # 在震中附近的土耳其城市奥斯曼尼耶(报道): where, not who
                if end > k + 1 and self.gap_ok(units[end:]):
                    if any(u.tag == ENTITY for u in units[k + 1 : end]):
                        return SubjectParse(units, k + 1, end, continuing)
                    head = "".join(u.text for u in units[k + 1 : end])
                    modifier = "".join(u.text for u in units[i : k + 1])
                    if head in self.lex.piece_words and _TITLED_PIECE.fullmatch(modifier):
                        return SubjectParse(units, i, end, continuing)  # 这篇题为《…》的评论: the piece
                    if units[i].text in self.lex.body_demonstratives:
                        return SubjectParse(units, i, end, continuing)  # 这家总部位于德国的研究所
                    if head.endswith(self.lex.descriptions) and head.startswith(self.lex.demonstratives):
                        # 新华社刊登的该意见指出: the document named before, whoever ran it
                        return SubjectParse(units, k + 1, end, continuing)
                    if head.endswith(self.lex.descriptions) and any(u.tag == ENTITY for u in units[i:k]):
                        # 新华社当天发自首尔的报道说: the report of the name before it.
                        return SubjectParse(units, i, end, continuing)
                break
        # Read right to left from the verb: the last name before circumstances, with the title
        # chain that leads to it (美国驻联合国副大使伍德表示, 时任政府专家顾问、港大…教授刘宇隆表示).
        for k in range(len(units) - 1, i - 1, -1) if backwards else ():
            # (监测项目“38 North” | 在…表示: a name in quotes is the name, its marks no gap)
            quoted = k > i + 1 and units[k].text in CLOSING_QUOTES and units[k - 1].tag == ENTITY and (
                units[k - 2].text[-1:] in OPENERS
            )
            if quoted and self.gap_ok(units[k + 1 :]):
                start = self.chain_start(units, i, k - 2)
                before = units[start - 1] if start > i else None
                opener = units[k - 2].text[:-1]  # (接受「南华早报」专访时: the words before the mark)
                governed = before is not None and (
                    before.tag in ("p", "v") or before.text in self.lex.prepositions
                ) or opener and start == k - 2 and opener.endswith(self.lex.quoted_name_governors)
                if governed:
                    continue  # 接受「南華早報」專訪時說: a paper spoken to, not the speaker
                return SubjectParse(units, start, k + 1, continuing)
            if units[k].tag == ENTITY and units[-1].tag == "f" and _opens_place(units[i:k]) and not (
                _opens_place(units[k + 1 :])
            ):
                continue  # 在她的推特账户上(写道): a name inside where it was said
            if units[k].tag == ENTITY and self._place_in_frame(units, i, k, k + 1):
                continue  # 在…城市奥斯曼尼耶(报道): the place spoken in
            if units[k].tag == ENTITY and self.gap_ok(units[k + 1 :]):
                # (在共和党犹太联盟（Republican Jewish Coalition）峰会上: a Latin gloss in brackets is
                # the name before it, governed as that name is)
                glossed = k >= 2 and units[k - 1].text in ("(", "（") and units[k - 2].tag == ENTITY
                start = self.chain_start(units, i, k - 2 if glossed else k)
                before = units[start - 1] if start > i else None
                if before is not None and before.text in ("「", "“", "『") and start - 1 > i:
                    before = units[start - 2]  # 接受「南华早报」专访时: the verb before the marks
                # A name right after a preposition or verb is its object (向安理会示警); a title
                # with its holder is a subject phrase whatever precedes it (…特首办主任陈国基).
                endings = self.lex.title_endings
                titled = any(u.tag == TITLE or u.text.endswith(endings) for u in units[start:k])
                # (国际人权组织 | 人权观察: the tagger's verb 组织 is the sort of body it names)
                governed = not titled and before is not None and before.text not in self.descriptors and (
                    (before.tag in ("p", "v", "u") and before.text != "的")
                    or before.text in self.lex.prepositions
                    # (办公室在他于 | 东京: untagged text ending in a preposition)
                    or (before.tag == "x" and before.text.endswith(("在", "于", "於", "向", "对", "對")))
                )
                first = self._listed_before(units, i, start)
                if first is not None:
                    # 豪泽（Hermann Hauser）和 | 布朗（…）(也表示): the second of two names joined
                    return SubjectParse(units, first, k + 1, continuing)
                if governed:
                    continue  # 向联合国安理会示警: an object, not the speaker
                return SubjectParse(units, start, k + 1, continuing)
        if backwards and units[i:] and units[-1].text.endswith(self.lex.anonymous_heads):
            # 一位熟悉该讨论的消息人士, 一名不具名官员: an unnamed source after what describes it
            start = max((k + 1 for k in range(i, len(units)) if units[k].text == "的"), default=i)
            described = all(u.tag in ("m", "q", "r", ENTITY) or set(u.text) <= self.lex.anonymous_glue
                            for u in units[start:-1])
            if described:
                return SubjectParse(units, start, len(units), continuing)
        return SubjectParse(units, i, i, continuing)

    def _addressee_next(self, units: list[Unit], start: int, stop: int) -> bool:
        """Whether, after adverbs and times only, ``units[start:stop]`` opens with whom it is
        said to (曾 | 对 | 到访的…)."""
        lex = self.lex
        j = start
        while j < stop and (units[j].tag in ("d", "TIME", "t") or units[j].text in lex.fillers):
            j += 1
        return j < stop and units[j].text in lex.addressee_markers

    def _through_titled_name(self, units: list[Unit], end: int) -> int:
        """Where the subject phrase ends if a title and a name follow it with only words the
        tagger misread between (台湾 | 联电 | 前董事长 | 曹兴诚: the name is the subject, what comes
        before it qualifies the title); ``end`` otherwise."""
        if 0 < end < len(units) and units[end - 1].tag == TITLE and units[end].text in ("兼", "暨"):
            # 副秘书长 | 兼 | 紧急 | 救济 | 协调 | 员 | 格里菲思: a second title the tagger cut, then the name
            for k in range(end + 1, min(end + 7, len(units))):
                if units[k].tag == ENTITY:
                    second = "".join(u.text for u in units[end + 1 : k])
                    if second.endswith(self.lex.title_word_endings) and all(
                        u.tag in ("n", "vn", "v", "a", "an", TITLE) for u in units[end + 1 : k]
                    ):
                        return k + 1
                    break
        # (美国众院 | 「中国问题特别委员会」 | 主席 | 盖拉格: a body's unit in quotes, then the title)
        quoted = end < len(units) and units[end].text in _TERM_MARKS
        for k in range(end, min(end + (8 if quoted else 3), len(units) - 1)):
            if units[k].tag == TITLE and units[k + 1].tag == ENTITY:
                between = units[end:k]
                if all((u.tag not in ("p", "c", "w", "d", "TIME") or u.text in _TERM_MARKS)
                       and u.text not in self.lex.prepositions
                       and not u.text.startswith(self.lex.relay_verbs)  # (路透社 | 引述 | 教授李雷夫)
                       for u in between):
                    return k + 2
                break
            if units[k].tag == "p" or units[k].tag == "w" and units[k].text not in _TERM_MARKS or (
                units[k].text in self.lex.prepositions
            ):
                break
        return end

    @staticmethod
    def _titled_pair(units: list[Unit], j: int) -> bool:
        """Two titled names joined at ``units[j]`` (X总统A和Y总统B): two speakers together."""
        left = j >= 2 and units[j - 2].tag == TITLE and units[j - 1].tag == ENTITY
        right = units[j + 1 : j + 4]
        titled = [u.tag for u in right]
        return left and TITLE in titled and ENTITY in titled[titled.index(TITLE) :]

    def chain_start(self, units: list[Unit], floor: int, head: int) -> int:
        """Where the title chain ending in ``units[head]`` begins: nouns, names and titles,
        and the verbs and joiners that bind them (驻, 兼, 时任, 、) when a title or name follows."""
        start = head
        k = head - 1
        while k >= floor:
            unit = units[k]
            titular = unit.text.endswith(self.lex.title_endings)  # 总会长 read as a verb
            if (unit.nominal and unit.tag not in ("r", "m", "q")) or titular or unit.text in _NAME_MARKS:
                start = k
            elif unit.text in JOINERS and k - 1 >= floor and units[k - 1].tag in ("n", "vn", "nz") and (
                units[k + 1].tag in ("n", "vn", "nz")
            ):
                pass  # 食品和保健品公司雀巢公司: two fields of one description
            elif unit.text in self.lex.title_glue or unit.tag == "vn":
                if not any(u.tag in (ENTITY, TITLE) for u in units[k + 1 : head + 1]):
                    break
            else:
                break
            k -= 1
        return start

    def parse_opening(self, units: list[Unit]) -> SubjectParse:
        """The noun phrase that opens a clause, whatever follows it."""
        i, continuing = self._skip_openers(units, 0)
        i = self._skip_leading_circumstance(units, i)
        return SubjectParse(units, i, self.noun_phrase_end(units, i), continuing)

    # -- pieces ---------------------------------------------------------------------------------

    def _skip_openers(self, units: list[Unit], i: int) -> tuple[int, bool]:
        """Skip clause openers (但, 此外, 并, 也) and time words before a subject."""
        lex = self.lex
        continuing = False
        while i < len(units):
            unit = units[i]
            text = unit.text
            if (
                text in lex.openers
                or (unit.tag == "c" and len(text) <= 2)
                or unit.tag in ("TIME", "t")
                or (unit.tag == "d" and text in lex.fillers)
            ):
                continuing = continuing or text in lex.continuation_markers
                i += 1
            elif unit.tag == "w" and text in " ,，「“『":
                i += 1  # (「华尔街日报」报导: the mark that opens a quoted name)
            elif text[:1] in _OPEN_BRACKETS and i == 0:
                # (德国之声中文网)华为创办人任正非说: a dateline or credit before the subject.
                close = next((k for k in range(i, len(units)) if units[k].text[-1:] in _CLOSE_BRACKETS), None)
                if close is None or close + 1 >= len(units):
                    break
                i = close + 1
            else:
                break
        return i, continuing

    def _skip_leading_circumstance(self, units: list[Unit], i: int) -> int:
        """在记者会上 / 会谈后 opening a clause without a comma: the subject follows it."""
        if i < len(units) and units[i].text in ("在", "于", "当"):
            frame = self._frame_after(units, i + 1)
            if frame is not None and frame + 1 < len(units):
                return frame + 1
        return i

    def _how_spoken_after_name(self, units: list[Unit], j: int) -> bool:
        """Whether ``units[j]``, right after a name, starts the act, the posture or the manner
        of its speech (赖清德 | 申论时, 奥斯汀 | 站在米利身边, 宫川治 | 干劲十足地): no part of it."""
        if units[j - 1].tag != ENTITY or units[j].tag == ENTITY:
            return False
        return self._channel_end(units, j) is not None or _posture_end(units, j, self.lex) is not None or (
            _manner_end(units, j) is not None)

    def noun_phrase_end(self, units: list[Unit], i: int, together: bool = False) -> int:
        """The end of the noun phrase starting at ``units[i]`` (``i`` if there is none);
        ``together``: names joined by 与/和 are one subject (the verb's clause says 均, 都)."""
        j = last = i
        n = len(units)
        while j < n:
            unit = units[j]
            text = unit.text
            # 美联社和《纽约时报》: a name in title marks is joined as one without them
            after = j + 2 if j + 2 < n and units[j + 1].text in ("《", "『") else j + 1
            before = j - 2 if j >= 2 and units[j - 1].text in ("》", "』") else j - 1
            # 调查 | 称, 报导 | 指出: a document the tagger read as a verb names the survey, the report
            # (评论 | 指出, a piece right before the verb; 评论 | 台湾选举时, commenting on something)
            document = unit.tag in ("v", "vn") and (
                text in self.lex.descriptions or text in self.lex.piece_words and j == n - 1)
            # 该 | 管理 | 局, 执法 | 部门, 气候 | 保护 | 部长: a verbal noun that a noun or a title
            # completes is part of the noun
            compound = unit.tag == "vn" and j > i and j + 1 < n and units[j + 1].tag in ("n", "vn", TITLE)
            # 联合 | 公报(表示): a verbal noun opening the phrase, of the document that follows
            # (联合 is a filler too: 联合 | 发表, jointly)
            opening = unit.tag == "vn" and j == i and j + 1 < n and units[j + 1].text in self.lex.descriptions
            leading_place_word = unit.tag == "f" and j == i
            if j > i and unit.tag in _MANNER_TAGS and j + 1 < n and units[j + 1].text == "地":
                break  # 他 | 激动地(表示): the manner of speaking, no part of the subject
            if opening or (unit.nominal or document or compound) and not leading_place_word and (
                text not in self.lex.fillers
            ):
                j += 1
                last = j
            elif (text in ("的", "之") and j > i and j + 1 < n and (
                units[j + 1].nominal or units[j + 1].text == "《"  # 明镜周刊旗下的《经理人杂志》
            )) or (
                text in JOINERS
                and j > i
                and after < n
                and units[after].tag == ENTITY
                and (
                    text == "、"
                    or together
                    or self._together(units[after + 1 :])
                    or (units[before].tag == ENTITY and self._joint_gap(units, after))
                    or (j + 2 < n and units[j + 2].text in STANDS_FOR)  # 中国和香港当局
                    or self._titled_pair(units, j)  # 圭亚那总统阿里和委内瑞拉总统马杜罗
                )
            ) or (  # 经济和气候保护部长: two fields of one office
                text in JOINERS and j > i and j + 1 < n and units[j - 1].tag in ("n", "vn")
                and units[j + 1].tag in ("n", "vn") and any(u.tag == TITLE for u in units[j + 1 : j + 4])
            ) or (  # 发言人张志豪、立委洪申翰: titled names in a list
                text in JOINERS and i < j < n - 1 and units[j + 1].tag == TITLE
                and self._titled_pair(units, j)
            ):
                j += 1
            elif text and text[0] in _OPEN_BRACKETS and j > i:
                close = self._bracket_end(units, j)
                if close is None:
                    break
                j = last = close + 1
            elif text in ("《", "》", "·", "『", "』") or unit.tag == "w" and text == "·":
                j += 1
            elif text in _CHAIN_GLUE and j > i and any(u.tag == TITLE for u in units[j + 1 : j + 6]):
                # (英国驻香港及澳门总领事: a post of two places)
                j += 1  # 中国驻加拿大大使卢沙野: one chain of titles to the name
            else:
                break
        return last

    def _joint_gap(self, units: list[Unit], j: int) -> bool:
        """Whether 与/和 before ``units[j]`` joins subjects: only when they act together."""
        end = self.noun_phrase_end(units, j)
        return self._together(units[end:])

    def _bracket_end(self, units: list[Unit], j: int) -> int | None:
        for k in range(j, min(len(units), j + 20)):
            if units[k].text and units[k].text[-1] in _CLOSE_BRACKETS:
                return k
        return None

    def _together(self, gap: Sequence[Unit]) -> bool:
        return any(u.text in TOGETHER for u in gap)

    def together(self, units: Sequence[Unit]) -> bool:
        """Whether a clause says its subjects act together (均, 都, 一致 …)."""
        return self._together(units)

    def _frame_after(self, units: list[Unit], i: int) -> int | None:
        """The last frame word (时, 上, 期间 …) after ``units[i]``, if only adverbs follow it."""
        lex = self.lex
        end = len(units)
        if end - 1 > i and units[end - 1].text == "地":
            # 致辞时 | 略开玩笑地: the manner of speaking after the frame
            manner = end - 1
            while manner > i + 1 and end - manner <= 3 and units[manner - 1].tag in _MANNER_TAGS:
                manner -= 1
            end = manner if manner < end - 1 else end
        for k in range(end - 1, i - 1, -1):
            unit = units[k]
            framing = unit.text.endswith(("时", "期间", "之际")) and unit.tag in ("n", "f", "t")
            if unit.text in lex.frames or framing:
                return k
            if not (unit.tag in CIRCUMSTANTIAL or unit.text in lex.fillers):
                return None
        return None

    def _relayed(self, units: list[Unit], end: int) -> tuple[int, int] | None:
        """X援引Y(的话)称: the units of Y, whose words the verb reports."""
        lex = self.lex
        k = end
        while k < len(units) and (units[k].tag in CIRCUMSTANTIAL or units[k].text in lex.fillers):
            k += 1
        if k >= len(units):
            return None
        if units[k].text.startswith(lex.relay_verbs):
            start = k + 1
        elif k + 1 < len(units) and units[k].text + units[k + 1].text in lex.relay_verbs:
            start = k + 2  # (费加罗报 | 援 | 引: the tagger cut the verb in two)
        else:
            return None
        stop = self.noun_phrase_end(units, start)
        said = ("的", "话", "的话", "说法", "的说法")
        while stop > start and units[stop - 1].text in said:
            stop -= 1
        news = [k for k in range(start, stop) if units[k].text in lex.source_nouns]
        if news and news[-1] == stop - 1 and stop - 1 > start and units[stop - 2].tag == ENTITY:
            stop -= 1  # (援引法新社消息 | 报道: a named source's news is its words; 援引消息: unnamed)
            said = (*said, *lex.source_nouns)
        if stop == start or units[stop - 1].text == "的":
            return None
        rest, k = [], stop
        while k < len(units):
            close = self._bracket_end(units, k) if units[k].text in ("(", "（") else None
            if close is not None and k == stop:
                k = close + 1  # 李雷夫（Leif-Eric Easley）说法: the name's Latin form, an aside
                continue
            rest.append(units[k])
            k += 1
        if all(u.text in said or u.tag in CIRCUMSTANTIAL
               or u.text in lex.fillers for u in rest):  # (引述马杰 | 本人: himself)
            return start, stop
        return None

    def _listed_before(self, units: list[Unit], i: int, start: int) -> int | None:
        """Where the name joined before ``units[start]`` begins (豪泽（…）和 | 布朗), with its
        title chain, when 和, 与, 及 or 、 and only its gloss stand between; else None."""
        k = start - 1
        if k <= i or units[k].text not in JOINERS:
            return None
        k -= 1
        if units[k].text in (")", "）"):
            while k > i and units[k].text not in ("(", "（"):
                k -= 1
            k -= 1
        if k < i or units[k].tag != ENTITY:
            return None
        return self.chain_start(units, i, k)

    def _ends_in_name(self, units: Sequence[Unit]) -> bool:
        """Whether ``units`` end in a name, after its gloss in brackets and a title written after
        it (…与灾难防治所所长沃克（Walker）教授: a second name, joined to the subject or its own)."""
        k = len(units) - 1
        if k >= 0 and units[k].text in self.titles_after:
            k -= 1
        if k >= 0 and units[k].text in (")", "）"):
            while k >= 0 and units[k].text not in ("(", "（"):
                k -= 1
            k -= 1
        name = units[k] if k >= 0 else None
        placed = name is not None and name.token is not None and name.token.key in self.places
        return name is not None and name.tag == ENTITY and not placed and (
            not any(u.tag == "p" or u.text in self.lex.prepositions for u in units[:k]))

    def gap_ok(self, gap: Sequence[Unit]) -> bool:
        """Whether the units between a subject and its verb are circumstances only."""
        lex = self.lex
        topic = self._topic_start(gap)
        if topic is not None:
            gap = gap[:topic]  # …就原劳工问题 | 表示: the topic runs up to the verb; read what precedes
        dated = all(u.tag in ("TIME", "t") for u in gap[:-1])
        if len(gap) >= 2 and gap[-1].text in lex.issued_documents and dated:
            return True  # (文化局)今天 | 新闻稿(表示): when, then the document it spoke in
        k, n = 0, len(gap)
        if n and gap[0].text in lex.and_others:
            k = 1  # 分析师梁中华 | 等(认为): the one named, and others unnamed
        while k < n:
            unit = gap[k]
            text = unit.text
            if text in ("(", "（"):
                close = self._bracket_end(gap, k)
                inside = gap[k + 1 : close] if close is not None else None
                if inside is not None and (all(
                    u.tag == "w" or _LATIN.fullmatch(u.text) or not u.text.strip(" ,.&") for u in inside
                ) or _PHOTO_POSITION.fullmatch("".join(u.text for u in inside))):
                    # (雀巢公司(Nestle SA, NSRGY)上周表示; 特拉斯（左）表示: where a photo shows them)
                    k = close + 1  # 彼得·阿德里安 (Peter Adrian)说: the name's Latin form, an aside
                    continue
            rest = gap[k + 1 :]
            # (和北大西洋公约组织（北约）: the name's other form in brackets is no name more)
            depth, named = 0, []
            for u in rest:
                depth += (u.text in ("(", "（")) - (u.text in (")", "）"))
                if u.tag != "w" and depth == 0:
                    named.append(u)
            while len(named) > 1 and (named[-1].tag == "d" or named[-1].text in lex.fillers):
                named.pop()  # (马来西亚与越南 | 也(表示): an adverb after the second name)
            if text in ("和", "与", "及") and named and all(u.nominal for u in named) and (
                any(u.tag == TITLE for u in named) or [u.tag for u in named] == [ENTITY]
            ):
                # 欧洲、中东和非洲地区副总裁费边·里奇, 法新社和路透社: 和 joins the subject, no
                # circumstance (一些议员和企业认为: a group, which stays one)
                return False
            if _opens_place([unit]) and self._described_place(rest):
                return True  # 从被占领的约旦河西岸城市拉马拉(报道): a place, described, where it was said
            quoted = _inside_quotation(rest)  # (向CBS「面向全國」節目: a programme's name, quoted)
            if (unit.tag == "p" or text in lex.prepositions) and rest and all(
                u.nominal
                or j in quoted
                or u.tag in CIRCUMSTANTIAL
                or u.tag in ("p", "c", "u", "vn")
                or u.text in lex.fillers
                # (就 | 磋商 | 向媒体: a verb right after 就 is the topic, talks, not an act)
                or j == 0 and u.tag == "v" and text in lex.topic_markers
                # (根据影像 | 显示 | 指出: what the words rest on, as shown)
                or j == len(rest) - 1 > 0 and u.text in lex.basis_endings and text in lex.basis_markers
                for j, u in enumerate(rest)
            ) and not _relative_head(rest) and not (text in JOINERS and (
                self._ends_in_name(rest) or _head_noun_last(rest)
            )):
                return True  # 对记者, 向安理会, 就下星期与莫斯科的会谈问题在星期二
            if text in lex.prepositions and k + 1 < n and gap[k + 1].nominal:
                # 透过社工 | 接受访问 | 称: by whom or how, then the channel of speech
                j = k + 1
                while j < n and gap[j].nominal:
                    j += 1
                if j < n and gap[j].text in lex.expressing_verbs and 0 < n - j - 1 <= 2 and all(
                    u.tag in ("n", "vn", "a", "an", "v") for u in gap[j + 1 :]
                ):
                    return True  # 向桥本 | 表达不满 | 称: to whom, then the feeling expressed
                channel = self._channel_end(gap, j) if j < n else None
                if channel is not None:
                    k = channel
                    continue
            if text.startswith("—"):
                # 能源部——没有透露该发电厂名称——表示: an aside between a pair of dashes
                opened = k
                while opened < n and gap[opened].text.startswith("—"):
                    opened += 1
                closing = next((j for j in range(opened + 1, n) if gap[j].text.startswith("—")), None)
                if closing is not None:
                    k = closing
                    while k < n and gap[k].text.startswith("—"):
                        k += 1
                    continue
            if text in lex.manner_words and k + 1 == n:
                break  # 打趣 | 表示: how it was said, right before the verb
            posture = _posture_end(gap, k, lex)
            if posture is not None:
                k = posture  # 站在米利身边(表示): where the speaker stood
                continue
            titled = next((j for j in range(k + 2, n) if gap[j].text in lex.title_frames), None)
            if text == "以" and titled is not None:
                k = titled + 1  # 以“西方的新角色”为题: under what title
                continue
            if text in ("在", "于") and k + 1 < n and gap[k + 1].tag in ("TIME", "t"):
                k += 2  # 在后来, 于周一: a time
                continue
            if text in ("在", "于") and k + 2 < n and rest[0].nominal:
                # 在灵粮堂 | 致词: a place, then more circumstance (致词, 发表声明) to read on
                j = k + 1
                while j < n and gap[j].nominal:
                    j += 1
                if j < n and (gap[j].text in lex.fillers or self._channel_end(gap, j) is not None):
                    k = j
                    continue
            if (text in lex.attending_verbs and unit.tag != "x") or text[:3].startswith(
                tuple(v + q for v in lex.attending_verbs for q in "「『“")
            ):
                # 出席「…」启动礼 | 致辞: the event attended, then the channel of speech (the
                # tagger may read 出席「…」 as one word)
                j = k + 1
                while j < min(n, k + 16) and self._channel_end(gap, j) is None and (
                    gap[j].nominal or gap[j].tag in ("w", "u", "vn", "m", "q", "x", "TIME", "t")
                    # 启动 | 礼: a noun the tagger cut into a verb and a noun
                    or gap[j].tag == "v" and j + 1 < n and gap[j + 1].nominal
                ):
                    j += 1
                end = self._channel_end(gap, j) if k + 1 < j < n else None
                if end is None and k + 1 < j < n and gap[j].text in lex.frames:
                    end = j + 1  # 出席启动礼 | 时: the time of the event
                if end is None and k + 1 < j == n:
                    end = n  # 出席「…」启动礼 | 致辞说: the event, right before the speech
                if end is not None:
                    k = end
                    continue
            if text in self.titles_after and (k == 0 or gap[k - 1].text in (")", "）")):
                k += 1  # 沃克（Joanna Faure Walker）| 教授(告诉): the name's title, written after it
                continue
            if unit.tag in CIRCUMSTANTIAL or text in lex.fillers or text in lex.reaction_openers:
                k += 1  # (毛宁 | 对此 | 表示: what was said is a reaction, a circumstance)
                continue
            if text == "地" and k and (gap[k - 1].tag in _MANNER_TAGS or gap[k - 1].text in lex.fillers):
                k += 1  # 激动 | 地: the manner's mark after it
                continue
            if k + 1 < n and text + gap[k + 1].text in lex.fillers:
                k += 2  # 会 | 后: a filler the tagger cut in two
                continue
            manner = next((j for j in range(k + 1, min(k + 4, n)) if gap[j].text == "地"), None)
            if manner is not None and all(u.tag in _MANNER_TAGS for u in gap[k:manner]):
                k = manner + 1  # 坦率地, 直言不讳地, 语重心长地: the manner of speaking
                continue
            durative = text.endswith(("着", "著")) and len(text) > 1
            if unit.tag in ("v", "vd") and (durative or (k + 1 < n and gap[k + 1].text in ("着", "著"))):
                # 跳着脚说, 指着手环说道: an action in the manner of speaking, with its object
                k += 1 if durative else 2
                while k < n and (gap[k].nominal or gap[k].tag in ("u", "m", "q", "v", "vn")):
                    k += 1
                continue
            channel = self._channel_end(gap, k)
            if channel is not None:
                k = channel
                if k < n and gap[k].text in lex.frame_ends:
                    k += 1  # 致词 | 时, 发言 | 后: the time of the speech
                if k < n and all(u.nominal for u in gap[k:]):
                    return True  # 致函 | 安理会 | 表示: the letter's addressee, then the verb
                continue
            frame = self._frame_after(gap, k)
            framed = frame is not None and frame >= k and not _relative_head(gap[k : frame + 1])
            if framed and (unit.tag in ("p", "v", "vn", "vd") or unit.nominal):
                k = frame + 1  # 在…上, 会见…时, 抵达…后
                continue
            after_frame = self._frame_then_channel(gap, k)
            if after_frame is not None:
                k = after_frame  # 在接受…采访时 | 发表评论: a frame, then the channel of speech
                continue
            if text in lex.expressing_verbs and 0 < len(rest) <= 3 and all(
                u.nominal or u.tag in ("d", "v", "vn") for u in rest
            ):
                return True  # 表达不快 | 称, 表达善意理解 | 称: what the speaker showed, then the verb
            # 警告布林肯说: a speech verb and its addressee; 走近并鼓励野田称: acts, the last
            # one addressing someone
            addressing = text in lex.verbs or text in lex.addressing_verbs
            if not addressing and unit.tag == "v":
                last_act = next((j for j in range(n - 1, k, -1) if gap[j].text in lex.addressing_verbs), None)
                if last_act is not None and all(u.tag in ("v", "c", "d") for u in gap[k:last_act]) and all(
                    u.nominal for u in gap[last_act + 1 :]
                ) and last_act + 1 < n:
                    return True
            return bool(addressing and rest and all(u.nominal for u in rest))
        return True

    def _topic_start(self, gap: Sequence[Unit]) -> int | None:
        """Where a topic phrase right before the verb starts (就包括…在内的历史认识, 就原劳工问题):
        a topic marker, then words ending in a noun, with no speech verb or name of a person
        among them; what it is about may hold a relative clause."""
        lex = self.lex
        if not gap or gap[-1].tag == ENTITY:
            return None
        if not gap[-1].nominal:
            return self._clause_topic(gap)
        for t in range(len(gap) - 2, -1, -1):
            unit = gap[t]
            if unit.text in lex.topic_markers:
                inside = gap[t + 1 :]
                last_de = max((j for j, u in enumerate(inside) if u.text == "的"), default=-1)
                # (a quoted term's marks are no break: 就…美国空军CV-22“鱼鹰”运输机)
                # (就检察放弃上诉 | 一事: a matter named by what happened, a clause before its head noun)
                headed = gap[-1].text in lex.topic_heads
                verbal = any(u.tag in ("v", "vd") for u in inside[last_de + 1 :])
                if any(u.text in lex.verbs or u.tag == TITLE or u.tag == "w" and u.text not in _TERM_MARKS
                       for u in inside) or not headed and verbal:
                    return None  # (今天就 | 自爆…: 就 as "then", a verb after it, no topic)
                return t
            if unit.text in lex.verbs or unit.tag == "w" and unit.text not in _TERM_MARKS:
                return None
        return None

    def _clause_topic(self, gap: Sequence[Unit]) -> int | None:
        """就物价高涨(称): a topic marker, then a short clause of a noun and what it does; not
        就离开会场 (就 as "then", a verb right after it)."""
        lex = self.lex
        t = next((t for t in range(len(gap) - 3, -1, -1) if gap[t].text in lex.topic_markers), None)
        if t is None:
            return None
        inside = gap[t + 1 :]
        # (就上述问题进行了(解释): a noun, then an act done about it, which the verb goes on)
        if len(inside) > 4 or not inside[0].nominal or inside[0].tag == ENTITY or any(
                u.text in lex.verbs or u.tag in ("w", "r", "u", TITLE, ENTITY) for u in inside
        ) or inside[-1].tag not in ("v", "a"):
            return None
        return t

    def _frame_then_channel(self, gap: Sequence[Unit], k: int) -> int | None:
        """The index after a frame opened at ``gap[k]`` (在, 于, 当) and the channel right after it
        (在接受今日印度采访时 | 发表评论), if that is what follows."""
        if gap[k].text not in ("在", "于", "当"):
            return None
        for f in range(k + 1, len(gap) - 1):
            text = gap[f].text
            if text in self.lex.frames or (text.endswith("时") and gap[f].tag in ("n", "f", "t")):
                end = self._channel_end(gap, f + 1)
                if end is not None:
                    return end
        return None

    def _channel_end(self, gap: Sequence[Unit], k: int) -> int | None:
        """The index after a channel phrase (发表声明, 在推特上) starting at ``gap[k]``."""
        start = gap[k].start
        text = "".join(u.text for u in gap[k : k + 8])
        listed = None
        for channel in self.lex.channels:
            if text.startswith(channel):
                end = start + len(channel)
                for j in range(k, len(gap)):
                    if gap[j].end >= end:
                        listed = j + 1 if gap[j].end == end else None
                        break
                break
        # 发表评论文章, 接受中央社记者采访: a channel verb, a few nouns, a channel noun.
        built = None
        if gap[k].text.rstrip("了") in self.lex.channel_verbs:
            # 印发《关于…的意见》(提出): a channel verb, then the document by its title in 《》
            j = k + 1 + (k + 1 < len(gap) and gap[k + 1].text in ("了", "的"))
            if j < len(gap) and gap[j].text == "《":
                closing = next((e for e in range(j + 1, len(gap)) if gap[e].text in ("《", "》")), None)
                if closing is not None and gap[closing].text == "》":
                    built = closing + 1
        if built is None and gap[k].text in self.lex.channel_verbs:
            j, last = k + 1, k + 5
            while j < min(len(gap), last):
                if gap[j].text in _QUOTE_OPENERS:
                    # 发表"中国利用墨西哥作为门户"一文: the piece's title, in its marks
                    closing = next((e for e in range(j + 1, len(gap)) if gap[e].text in _QUOTE_CLOSERS), None)
                    if closing is None:
                        break
                    j, last = closing + 1, closing + 3
                    continue
                if gap[j].text.endswith(self.lex.channel_nouns):
                    built = j + 1  # the last one: 发表评论 | 文章
                elif not (gap[j].nominal or gap[j].tag in ("vn", "u", "m", "q")):  # (一篇, 一份)
                    break
                j += 1
        return max((e for e in (listed, built) if e is not None), default=None)
