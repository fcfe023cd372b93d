"""Who a subject phrase names: a person, an organization, a place speaking for its government,
a title's holder, a pronoun's or a description's referent, or an anonymous source."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kb.catalog import ORGANIZATION, PERSON, PLACE
from kb.extract.clauses import JOINERS, STANDS_FOR, TITLED, ClauseParser, SubjectParse, Unit, Units
from kb.extract.entities import ENTITY, TITLE, Token
from kb.extract.latin import CREDIT_GROUPS
from kb.extract.roles import TitleHolders
from kb.extract.rules import Rules, alternatives
from kb.extract.text import CLOSING_QUOTES, OBJECT_MARKERS, TextIndex

# Nouns after a place or organization that still name it as the speaker (中国当局, 克里姆林宫方面).
_NUMBERS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# Words before a name that make it an object rather than a subject (对普京说, 与拜登会谈).
_TITLE_MARKS = frozenset("《》『』「」“”〈〉")
# How far back (in lines) a pronoun or a description looks for its referent.
# What follows an outlet in its own dateline: （中央社记者X台北8日电）, （中央社东京12日综合外电报导）.
_DATELINE = re.compile(r"[^（）()。\n]{0,16}?\d{1,2}日[^（）()。\n]{0,8}?(?:电|报导|报道)[）)]")
_LINES_BACK = 4
# Bracketed glosses between two names (拜曼（Daniel Byman）和达夫): no words of the phrase.
_GLOSSES = re.compile(r"[（(][^（）()]*[）)]")
_COMMA = re.compile("[，,]")
# A count of people, more than one (多名, 两位, 30多名): no one 他 or 她 stands for.
_SEVERAL = re.compile(r"(?:[多数几两三四五六七八九十百千万]+|\d+多?)[名位个]")
# One Latin word, a surname alone (Koltin).
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]{1,30}")
# 这两位经济学家, 上述三名官员: a counted group of people named before.
_COUNTED_PEOPLE = re.compile(
    r"(?P<these>这|上述|以上)?(?P<n>[两二三四五]|[2-5])(?:位|名)(?P<noun>[\u4e00-\u9fff]{1,6})")
# A count of people before a body's name (3名美軍, 数名美军): some of its members.
_COUNTED_MEMBERS = re.compile(r"(?:[数几多]|[0-9一二两三四五六七八九十]+)(?:名|位)")
# A reporter's dateline or photo credit: （中央社记者陈韵聿伦敦15日专电）, 中央社记者戴雅真兵库县摄.
_REPORTER_LINE = re.compile(r"[（(][^（）()\n。]{0,12}?(?:记者|特派员)[^（）()\n。]{1,30}?[）)]"
                            r"|(?:记者|特派员)[^（）()\n。，]{1,20}?摄")


def _listed(view: str, token: Token) -> bool:
    """Whether the name stands in a list (李和平、王全璋和周世锋): an object, not a subject."""
    return view[token.end : token.end + 1] in ("、",) or view[token.start - 1 : token.start] == "、"


def _without_brackets(units: list[Unit]) -> list[Unit]:
    """The phrase without bracketed asides (柯比（John Kirby）, 北高行（台北高等行政法院）); a
    Latin name glossed by the name the article knows (Chris（克里斯）) is that name."""
    kept: list[Unit] = []
    inside: list[Unit] = []
    depth = 0
    for unit in units:
        if unit.text[:1] in "(（":
            depth += 1
            inside = []
        elif depth and unit.text[-1:] in ")）":
            depth -= 1
            before = kept[-1] if kept else None
            latin = before is not None and before.tag != ENTITY and (
                before.text.isascii() and before.text.isalpha())
            if not depth and latin and len(inside) == 1 and inside[0].tag == ENTITY:
                kept[-1] = inside[0]
        elif depth:
            inside.append(unit)
        else:
            kept.append(unit)
    return kept


# What may stand between 作者是 and the writer's name: titles and a body, no clause break.
_UP_TO_NAME = r"[^，,。；;）)\n]{0,16}$"
# A Latin name and the bracket that glosses it, at the end of a run (经纪人Chris（): the name's.
_LATIN_GLOSSED = re.compile(r"\s*[a-z][a-z .'-]*\s*[(（]?$")
_CLOSING_TITLE_MARKS = ("》", "』", "」", "”")  # (“零食很忙”表示: a quoted name speaks)
_OPENING_OF = {"》": "《", "』": "『", "」": "「", "”": "“"}


@dataclass
class Subject:
    start: int
    end: int
    key: str | None
    kind: str | None
    anonymous: bool = False
    carried: bool = False  # taken over from an earlier clause (…，并强调)
    joint: tuple[str, ...] = ()  # further speakers of one utterance (拜登与泽连斯基均表示)
    source: bool = False  # a source of the report (据X报道), not a speaker within it


class Speakers:
    def __init__(self, view: str, index: TextIndex, tokens: Sequence[Token], rules: Rules,
                 holders: TitleHolders, units: Units, parser: ClauseParser, home: str | None = None) -> None:
        self.view = view
        self.home = home  # the outlet's country (共同社: JP): whose 政府 a bare 政府 is, when named
        self.units = units
        self.parser = parser
        self.index = index
        self.rules = rules
        self.lex = rules.lexicon
        self.holders = holders
        self._kinds: dict[str, str] = {}
        self._sexes: dict[str, str | None] = {}
        # The speaker of the statement the phrase being resolved stands in, if any.
        self.context: str | None = None
        # The statements found so far, in order: (where the content starts and ends, speaker).
        self.said: list[tuple[int, int, Subject]] = []
        mentions = [t for t in tokens if t.type == ENTITY and t.key]
        # A photo's credit (图片来源：Tingshu Wang/REUTERS) names no one a later 他 refers to.
        credits = [next(m.span(g) for g in CREDIT_GROUPS if m.group(g))
                   for m in rules.credits.finditer(view)]
        # …nor a reporter's own dateline or credit: （中央社记者陈韵聿伦敦15日专电）
        credits += [m.span() for m in _REPORTER_LINE.finditer(view)]
        # …nor a leader named for an administration (满意蔡英文 | 政府…: the government, not her)
        self.people = [t for t in mentions if self.kind(t.key) == PERSON
                       and not any(a <= t.start < b for a, b in credits)
                       and not view.startswith(self.lex.administration_words, t.end)]
        self.mentions = mentions
        # where each name or title ends → (its start, whether a title)
        self._chain_ends = {t.end: (t.start, t.type == TITLE) for t in tokens if t.type in (ENTITY, TITLE)}
        # where each title starts → where it ends
        self._title_ends = {t.start: t.end for t in tokens if t.type == TITLE}
        self.organizations = [t for t in mentions if self.kind(t.key) == ORGANIZATION]
        self.people_starts = [t.start for t in self.people]
        self.organization_starts = [t.start for t in self.organizations]

    def kind(self, key: str | None) -> str | None:
        if key is None:
            return None
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = self.rules.kind_of(key)
        return kind

    def _is_person(self, unit: Unit) -> bool:
        return unit.token is not None and self.kind(unit.token.key) == PERSON

    # -- phrases --------------------------------------------------------------------------------

    def resolve(self, parse: SubjectParse) -> Subject | None:
        subject = self._resolve(parse)
        if subject is None or subject.end >= len(self.view):
            return subject
        written = self.view[subject.start : subject.end]
        closing = self.view[subject.end]
        if closing in _CLOSING_TITLE_MARKS and written.count(_OPENING_OF[closing]) > written.count(closing):
            return replace(subject, end=subject.end + 1)  # 英国《金融时报》: its marks both, as written
        return subject

    def _resolve(self, parse: SubjectParse) -> Subject | None:
        units = _without_brackets(parse.phrase)
        while units and units[-1].text in _CLOSING_TITLE_MARKS:
            closing = units[-1].text
            units = units[:-1]  # 《华尔街日报》(The Wall Street Journal): the name, not its marks
            opened = len(units) == 2 and units[0].text == _OPENING_OF[closing]
            if opened and units[1].text in self.lex.descriptions:
                units = units[1:]  # 「通知」(要求): the document, quoted
        while len(units) >= 2 and units[-1].tag in ("m", "q") and units[-2].tag == ENTITY:
            units = units[:-1]  # 吴欣盈 | 第三轮(聚焦…): a count or an ordinal after a name is when, not who
        addressed = len(units) >= 2 and units[-1].text in self.rules.names.address_terms
        if addressed and units[-2].tag in (TITLE, ENTITY):
            units = units[:-1]  # 总统先生: the title's holder, addressed; 米德先生: Meade
        titled_after = len(units) >= 2 and units[-1].text in self.rules.names.titles_after_name
        if titled_after and self._is_person(units[-2]) and units[-1].text not in self.lex.couple_words:
            # 哈里王子, 肯普夫将军: a title written after the name, which it still names
            start, end = units[0].start, units[-1].end
            holder = self._resolve(SubjectParse(units[:-1], 0, len(units) - 1, parse.continuing,
                                                together=parse.together))
            return replace(holder, start=start, end=end) if holder is not None else None
        if not units:
            return None
        start, end = units[0].start, units[-1].end
        text = self.view[start:end]
        lex = self.lex
        if text.endswith(lex.team_words) and (team := self._team(units, start, end, text)) is not None:
            return team
        if text in lex.sides_words:  # 李辉与乌方会面，双方一致认为: the two who met
            spoke = self._last_speaker(start)
            pair = spoke[2] if spoke is not None else None
            if pair is not None and pair.kind == PERSON and len(pair.joint) == 1 and (
                self.kind(pair.joint[0]) == PERSON and spoke[0] >= self._floor(start)
            ):
                return replace(pair, start=start, end=end)  # 两国总理重申…。双方也…: the same two
            return self._sides(start, end)
        both = self.rules.both_holders.fullmatch(text)
        if both is not None:
            # 两国总理重申: the title's holders of the two sides that met (their leaders, or the
            # leaders of the two countries)
            sides = self._sides(start, end)
            keys = [k for k in (sides.key, *sides.joint) if k]
            holders = [k if self.kind(k) == PERSON else self.holders.holder(both.group(1), k, self.context)
                       for k in keys]
            if len(holders) != 2 or not all(holders) or holders[0] == holders[1]:
                # (两国领袖会议…两国总理: no names at the meeting; the two given the title before)
                holders = self._titled_twice(both.group(1), start)
            if len(holders) == 2 and all(holders) and holders[0] != holders[1]:
                return Subject(start, end, holders[0], PERSON, joint=(holders[1],))  # type: ignore[arg-type]
            return Subject(start, end, None, None)
        if text in lex.plural_pronouns:
            return (self._collective(start, end, text) or self._named_pair(start, end, text)
                    or self._group_before(start, end, text))
        if text in lex.pronouns or len(units) <= 2 and units[-1].text in lex.pronouns:
            return self.pronoun(start, end)
        if text in lex.latter_words or text in lex.former_words:
            return self._one_of_two(start, end, latter=text in lex.latter_words)
        if text in lex.pair_words:  # 拜登与习近平会谈后，两人均表示: both of them
            latter = self._one_of_two(start, end, latter=True)
            former = self._one_of_two(start, end, latter=False)
            if latter.kind == PERSON and former.kind == PERSON:
                return replace(latter, joint=(former.key,))  # type: ignore[arg-type]
            return Subject(start, end, None, None)
        if text in lex.unnamed_someone and self.view.endswith("有", 0, start):
            return Subject(start, end, None, None, anonymous=True)  # 有人说: someone unnamed
        outlet = units[-2].token if len(units) >= 2 and units[-2].tag == ENTITY else None
        if outlet is not None and units[-1].text in lex.reporter_words and self._media(outlet):
            return Subject(start, end, outlet.key, self.kind(outlet.key))  # 半岛电视台记者报道称
        if text.startswith(lex.unnamed_media_openers) and text.endswith(
            (*lex.media_descriptions, *self.rules.names.media_words)
        ) and not any(u.tag == ENTITY for u in units):
            return Subject(start, end, None, None, anonymous=True)  # 当地新闻报道: no paper named
        if text in lex.bare_government_words:
            return self._leading_government(start, end)
        if (service := self._service(start, end, text)) is not None:
            return service
        if text in lex.author_words and (author := self._author(start, end)) is not None:
            return author
        piece = TITLED.sub("", text)  # 这篇题为《要强硬》的评论: the piece
        author = self._author(start, end) if piece in lex.piece_words else None
        if author is not None and author.key is not None:
            return author  # 文章认为 of a piece whose writer was named: the writer, or the paper that ran it
        if text.removeprefix("该") in lex.judgment_words:
            return self._judge(start, end)
        if text in lex.person_nouns:
            named = self._named_as(text, start)
            if named is not None:
                return Subject(start, end, named, PERSON)  # 被告鄺港智…，被告確認: that defendant
        last = units[-1]
        if _COUNTED_PEOPLE.fullmatch(text) and (group := self._counted_group(units, start)):
            return Subject(start, end, group[0], PERSON, joint=tuple(group[1:]))  # 这两位经济学家
        if last.tag == ENTITY and _COUNTED_MEMBERS.fullmatch(self.view, start, last.start) and (
            self.kind(last.token.key if last.token else None) == ORGANIZATION
        ):
            return Subject(start, end, None, None, anonymous=True)  # 3名美軍: some of its people, unnamed
        if len(units) >= 3 and units[0].text in lex.demonstratives and units[0].text != "该" and (
                last.tag == TITLE and (named := self._named_as(self.view[units[1].start : end], start))):
            # 这位德国政府发言人 after 德国政府发言人赛贝特: the one written with the same words
            return Subject(start, end, named, PERSON)
        # (这位民主党人总统: a body's member, 民主党 | 人, describes the person too)
        if len(units) >= 2 and units[0].text in lex.demonstratives and last.tag == TITLE and all(
            u.tag != ENTITY or (u.token is not None and self.kind(u.token.key) == PLACE)
            or k + 2 < len(units) and units[k + 2].text.startswith("人")
            for k, u in enumerate(units[1:-1])
        ):
            # 这位匈牙利领导人: the person named before, like 他; of that country, if it says one
            places = [u.token.key for u in units[1:-1] if u.tag == ENTITY and u.token and u.token.key]
            if places:
                return self._of_country(places[-1], start, end)
            spoke = self._last_speaker(start)
            said_by = self.view[spoke[2].start : spoke[2].end] if spoke is not None else ""
            if spoke is not None and spoke[2].anonymous and said_by.endswith(last.text):
                # 一位…外交官表示。这位外交官称: the same unnamed one
                return replace(spoke[2], start=start, end=end)
            titled = self._titled_before(last.text, start)
            if titled and (spoke is None or spoke[2].key == titled):
                # 这位记者 after 记者埃纳夫·希夫: the one holder of that title, though another was named since
                return Subject(start, end, titled, PERSON)
            return self.pronoun(start, end)
        # (这位自民党政治家, 这位居住在英国的慈善工作者: a body or a place may describe the person
        # named before; not an official's, 这名美国官员, who may be someone unnamed)
        officials = tuple(h for h in lex.anonymous_heads if h not in lex.person_nouns)
        of_person = text.endswith(lex.person_nouns) and not text.endswith(officials)

        def described_by(unit: Unit) -> bool:
            return of_person and unit.token is not None and self.kind(unit.token.key) in (PLACE, ORGANIZATION)

        if len(units) >= 2 and units[0].text in lex.demonstratives and units[0].text != "该" and (
            text.endswith(lex.anonymous_heads) or text.endswith(lex.person_nouns)
        ) and not any(u.tag == ENTITY and not described_by(u) for u in units[1:]):
            # 这位军事分析人士 after 军事分析师阿莫斯·哈雷尔表示: a description of one person,
            # the one it was written before, or the person who spoke last, like 他
            described = self.view[units[1].start : end]
            spoke = self._last_speaker(start)
            if spoke is not None and spoke[2].anonymous and (
                self.view[spoke[2].start : spoke[2].end].endswith(last.text)
            ):
                # (一名知情人士…这名知情人士: the same unnamed one)
                return replace(spoke[2], start=start, end=end)
            named = self._named_as(described, start)
            if named:
                return Subject(start, end, named, PERSON)
            referent = self.pronoun(start, end)
            return referent if referent.key else Subject(start, end, None, None, anonymous=True)
        if last.text in self.rules.names.media_words:
            # 《明镜》周刊, 『政客』网站: the publication the quoted name is
            named = [u for u in units[:-1] if u.text not in _TITLE_MARKS]
            if named and named[-1].tag == ENTITY and named[-1].token and not self._is_person(named[-1]):
                if self.kind(named[-1].token.key) == PLACE and last.text in lex.anonymous_heads:
                    return Subject(start, end, None, None, anonymous=True)  # 日本媒体: a country's media
                return self._entity(named, parse, start, end)
        if last.tag == ENTITY and last.token is not None:
            return self._entity(units, parse, start, end)
        looks = len(units) >= 3 and units[1].text in lex.face_words
        if looks and units[0].tag == ENTITY and self._is_person(units[0]) and all(
            u.tag in ("a", "ad", "an", "d", "c") for u in units[2:]
        ):
            return self._entity(units[:1], parse, start, end)  # 泰勒 | 一脸茫然(…地告诉): how they looked
        corporate = self.rules.names.corporate_suffixes
        if last.text in corporate and len(units) >= 2 and units[-2].tag == ENTITY and units[-2].token and (
            self.kind(units[-2].token.key) == ORGANIZATION
        ):
            return self._entity(units[:-1], parse, start, end)  # 马士基 | 公司: the company the catalog knows
        if (last.text in lex.official_accounts or last.text in lex.language_words) and len(units) >= 2 and (
            units[-2].tag == ENTITY
        ):
            # 蔚来官博: the body's own account; 法广法文(报道): its French service
            return self._entity(units[:-1], parse, start, end)
        if last.text in STANDS_FOR and len(units) >= 2 and units[-2].tag == ENTITY and units[-2].token:
            # 民进党当局, 中国官方: the named body, or the country's government, not an unnamed
            # source; 中国和香港当局: each one's.
            named = [u.token.key for u in units[:-1] if u.tag == ENTITY and u.token and u.token.key]
            keys = list(dict.fromkeys(self._government(k) for k in named))
            if last.text == "政府" and len(keys) == 1 and self.kind(keys[0]) == PLACE:
                # 圭亚那政府 with no government in the catalog: that government, by its name
                keys = [f"organization:zh-{self.view[units[-2].start : last.end]}"]
            if keys:
                return Subject(start, end, keys[0], self.kind(keys[0]), joint=tuple(keys[1:]))
            return self._entity(units[:-1], parse, start, end)
        # (安倍派骨干人士: a person who names a faction is no person of the phrase)
        people = [u for k, u in enumerate(units) if u.tag == ENTITY and self._is_person(u)
                  and not (k + 1 < len(units) and units[k + 1].text in self.lex.followers)]
        if self._anonymous(units, text) and not people:
            named = self._named_as(text, start) if len(units) >= 2 and units[0].tag == ENTITY else None
            if named is not None:
                # 外交部发言人(还表示) after 外交部发言人汪文斌: the one written with the same words
                return Subject(start, end, named, PERSON)
            return Subject(start, end, None, None, anonymous=True)
        counted = units[0].tag == "m" or text.endswith("们")
        if last.tag in (TITLE, "n") and counted and not people and (last.tag == TITLE or text.endswith("们")):
            return Subject(start, end, None, None, anonymous=True)  # 几位部长, 分析师们: unnamed, counted
        if last.tag == TITLE:
            before = units[-2] if len(units) >= 2 else None
            if before is not None and before.tag == ENTITY and before.token and self._is_person(before):
                return Subject(start, end, before.token.key, PERSON)  # 拜登总统
            if len(units) == 2 and before is not None and before.tag != ENTITY and (
                key := self._by_surname(before.text, last.text, start)
            ):
                return Subject(start, end, key, PERSON)  # 蔡总统 after 总统蔡英文: the one 蔡 named
            qualifier = next((u.token.key for u in reversed(units[:-1]) if u.tag == ENTITY and u.token), None)
            title = last.token.title or "" if last.token else last.text
            unheld = qualifier is not None and self.kind(qualifier) == ORGANIZATION and (
                last.text in self.lex.unnamed_official_titles) and units[0].text not in lex.demonstratives
            holder = self.holders.holder(title, qualifier, self.context, exact=unheld)
            if holder is None and qualifier is not None and self.kind(qualifier) == ORGANIZATION and (
                    last.text in self.lex.unnamed_official_titles):
                return Subject(start, end, None, None, anonymous=True)  # 中国人民银行有关负责人: unnamed
            if holder is None and qualifier is not None and self.kind(qualifier) == ORGANIZATION and (
                    last.text in self.lex.body_leaders):
                return Subject(start, end, qualifier, ORGANIZATION)  # 七国集团领导人: the group, as one
            return Subject(start, end, holder, PERSON)
        group = self._counted_group(units, start)
        if group:
            return Subject(start, end, group[0], self.kind(group[0]), joint=tuple(group[1:]))
        if text in lex.document_insides:
            return self.description(start, end, text)
        if len(text) == 2 and text[1] == "方" and text[0] in lex.side_bodies:
            return self.description(start, end, "该" + text[0])  # 署方 after 运输署: that office
        pointed = self._pointed_body(units)
        if pointed is not None:
            return self.description(start, end, pointed)
        if text.removesuffix("中").endswith(lex.personal_documents):
            # 大岛的日记中(写道): a person's own writing speaks for them (none named: no one's)
            writers = [u for u in units if u.tag == ENTITY and self._is_person(u)]
            if writers:
                return self._entity(units[: units.index(writers[-1]) + 1], parse, start, end)
        if text in lex.issued_documents and self.view.rfind(text + "》", 0, start) >= 0:
            return self.description(start, end, text)  # 印发《关于…的意见》… 意见要求: that document's
        if text.endswith((*lex.descriptions, *lex.document_insides)) or text.endswith(lex.piece_words) or (
                self._points_at_body(text)):
            # 白宫声明说, 欧委会的声明指出: the named body's; 声明称, 该公司表示: the nearest one's.
            # (《南德意志报》评论认为: the paper's piece, 评论 read as a noun right before the verb)
            issuing = (*lex.issuing_verbs, *lex.channel_verbs)
            issued = [k for k, u in enumerate(units) if u.text in issuing]
            bare = _without_brackets(units[: issued[-1]]) if issued else []
            if bare and bare[-1].tag == ENTITY and bare[-1].token and self.kind(bare[-1].token.key) in (
                PERSON, ORGANIZATION
            ):
                # 大学的西万·安德森（…）发表的论文(认为): who issued it, not where they work
                return self._entity(bare, parse, start, end)
            # (《纽约时报》刊登了布林肯的文章, 郵報刊出代表李雅萍投書: the piece's writer, not the paper)
            published = [k for k, u in enumerate(units) if u.text.rstrip("了") in lex.publishing_verbs]
            writers = [u for u in units[published[0] + 1 :] if u.tag == ENTITY and self._is_person(u)] if (
                published and text.endswith(lex.piece_words)) else []
            if writers:
                return self._entity(units[: units.index(writers[-1]) + 1], parse, start, end)
            # (发自北京的报道: where it was filed from, not who filed it)
            named = [u for k, u in enumerate(units)
                     if u.tag == ENTITY and u.token and self.kind(u.token.key) != PERSON
                     and not (k and units[k - 1].text in lex.addressee_marks)
                     and not self.view.endswith(lex.filed_from, 0, u.start)]
            if named:
                at = units.index(named[-1])
                people = units[at + 1].text if at + 1 < len(units) else ""
                if self.kind(named[-1].token.key) == PLACE and people.endswith(  # type: ignore[union-attr]
                    (*lex.anonymous_heads, *lex.person_nouns)
                ):
                    return Subject(start, end, None, None, anonymous=True)  # 俄罗斯官员…的声明: unnamed ones'
                return self._entity(units[: at + 1], parse, start, end)
            writers = [u for k, u in enumerate(units) if u.tag == ENTITY and self._is_person(u)
                       and not (k and units[k - 1].text in lex.addressee_marks)]
            if writers:  # 特别检察官史密斯在向最高法院提出的申请文件(指出): the person's own document
                return self._entity(units[: units.index(writers[0]) + 1], parse, start, end)
            return self.description(start, end, text)
        if last.text in STANDS_FOR:
            entities = [u for u in units if u.tag == ENTITY and u.token]
            if entities:
                return self._entity(units[: units.index(entities[-1]) + 1], parse, start, end)
        first = units[0].token.key if units[0].tag == ENTITY and units[0].token else None
        parted = text.endswith(self.rules.names.body_part_words) and len(units) <= 3
        if parted and first is not None and self.kind(first) == ORGANIZATION:
            # 俄罗斯联邦安全局 | 安全部门(表示): a part of the body named, which speaks for it
            return self._entity(units[:1], parse, start, end)
        return self._named_before(text, start, end)

    def _team(self, units: list[Unit], start: int, end: int, text: str) -> Subject | None:
        """A person's team (袁国勇团队, 约翰逊及其团队): the person, whose work it speaks for; the
        team alone (团队说, 该团队) after such a team spoke: that person again."""
        team = next(w for w in self.lex.team_words if text.endswith(w))
        named = [u for u in units if u.tag == ENTITY]
        glue = {*self.lex.team_glue, team}
        if named and self._is_person(named[-1]) and named[-1].token and all(
            u.text in glue or u.tag == "w" for u in units[units.index(named[-1]) + 1 :]
        ):
            return Subject(start, end, named[-1].token.key, PERSON)
        bare = next((text[len(g) :] for g in self.lex.team_glue if text.startswith(g)), text)
        if named or bare not in self.lex.team_words:
            return None
        for _, _, subject in reversed(self.said):
            said_by = self.view[subject.start : subject.end]
            if subject.start < start and subject.key and subject.kind == PERSON and said_by.endswith(team):
                return Subject(start, end, subject.key, PERSON)
        return None

    def _named_before(self, text: str, start: int, end: int) -> Subject | None:
        """A word that stands for someone named before: a Latin short form (Koltin after Allan
        Koltin, Revelio after Revelio Labs) or a body's sort alone (工会(方面)称: the union)."""
        short = self._latin_short(text, start)
        if short is not None:
            return Subject(start, end, short, self.kind(short))
        sort = text.removesuffix("方面")
        if len(sort) >= 2 and sort in self.rules.names.organization_suffixes and (
            sort not in self.rules.names.corporate_suffixes
        ):
            # (公司 alone is the article's own company as often as the last one named)
            return self.description(start, end, sort)
        return None

    def _entity(self, units: list[Unit], parse: SubjectParse, start: int, end: int) -> Subject:
        last = units[-1]
        key = last.token.key if last.token else None
        if key is None:
            place = units[-2] if len(units) >= 2 and units[-2].tag == ENTITY else None
            known = self.rules.matcher.forms.get(self.view[last.start : last.end])
            keys = known[1] if known is not None else ()
            bodies = bool(keys) and all(self.kind(k) == ORGANIZATION for k in keys)
            if place is not None and place.end == last.start and place.token and bodies and (
                self.kind(place.token.key) == PLACE
            ):
                # 密西根州 | 高等法院: a body several places have, of the place written before it
                written = self.view[place.start : last.end]
                return Subject(start, end, f"organization:zh-{written}", ORGANIZATION)
            return Subject(start, end, None, None)  # a short form several entries share
        kind = self.kind(key)
        joint = self._joint(units, kind, parse.together)
        if kind == PERSON:
            return Subject(start, end, key, PERSON, joint=joint)
        entities = [u for u in units if u.tag == ENTITY and u.token and u.token.key]
        organizations = [u for u in entities if self.kind(u.token.key) == ORGANIZATION]  # type: ignore[union-attr]
        token = (organizations[-1] if organizations else last).token
        if token is None or token.key is None:
            return Subject(start, end, None, None)
        entry = self.rules.matcher.entry(token.key)
        target = self.rules.matcher.entry(entry.speaks_for or "") if entry else None
        # 台北市, 华盛顿州: the city or state, not 台北 or 华盛顿 for their country
        city = self.view[token.end - 1 : token.end] in self.rules.names.city_suffixes
        if entry and entry.kind == PLACE and target is not None and not city:
            return Subject(start, end, target.key, target.kind)
        return Subject(start, end, token.key, self.kind(token.key), joint=joint)

    def _leading_government(self, start: int, end: int) -> Subject:
        """政府 alone: the outlet's own country's government where the article names a place of
        that country or none (共同社's 政府表示, 中央社's 政府主張), else the government of the
        country whose places it names most, when one leads; else no one."""
        entries = (self.rules.matcher.entry(t.key) for t in self.mentions)
        counts = Counter(e.country.upper() for e in entries
                         if e is not None and e.kind == PLACE and e.country)
        home = self.home.upper() if self.home else None
        if home in self.rules.governments and (not counts or home in counts):
            return Subject(start, end, self.rules.governments[home], ORGANIZATION)
        ranked = counts.most_common(2)
        leads = ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
        if leads and ranked[0][0] in self.rules.governments:
            return Subject(start, end, self.rules.governments[ranked[0][0]], ORGANIZATION)
        return Subject(start, end, None, None)

    def _pointed_body(self, units: list[Unit]) -> str | None:
        """这家全球市值第二大的矿商, 这个组织: the description it reads as (该公司, 该组织), or
        None; what stands between the demonstrative and the sort's word describes the body."""
        lex = self.lex
        # (这家总部位于德国的研究所: a place may describe it; a person or a body may not)
        if len(units) < 2 or units[0].text not in lex.body_demonstratives or any(
            u.tag == ENTITY and self.kind(u.token.key if u.token else None) != PLACE for u in units[1:]
        ):
            return None
        head = units[-1].text
        if head in lex.company_sorts:
            return "该公司"
        if f"该{head}" in lex.descriptions or head.endswith(self.rules.names.organization_suffixes):
            return f"该{head}"  # (该研究所: the body of that sort named before)
        return None

    def _service(self, start: int, end: int, text: str) -> Subject | None:
        """警方 alone, 当地警方, 检方, or a place and the word (通海县警方): the police (the
        prosecutors) the article names, the place's own; for the word alone, the nearest named
        before, else the next, else the outlet's home force (see service_words); else no one."""
        words = self.lex.service_words
        word = next((w for w in words if text.endswith(w)), None)
        if word is None:
            return None
        place = text[: -len(word)]
        named = [t for t in self.mentions if t.end == start + len(place) and t.start == start]
        if place and named and self.kind(named[0].key) == PLACE:
            return Subject(start, end, f"organization:zh-{text}", ORGANIZATION)
        if place and place not in self.lex.service_places:
            return None
        forces: list[tuple[int, str]] = []
        for token in self.mentions:
            kind = self.kind(token.key)
            if kind == ORGANIZATION and self.view.endswith(words[word], token.start, token.end):
                forces.append((token.start, token.key))  # type: ignore[arg-type]
            elif kind == PLACE and self.view.startswith(word, token.end):
                named_force = self.view[token.start : token.end + len(word)]
                forces.append((token.start, f"organization:zh-{named_force}"))
        before = [key for at, key in forces if at < start]
        after = [key for at, key in forces if at >= end]
        key = before[-1] if before else after[0] if after else self._home_service(word)
        return Subject(start, end, key, ORGANIZATION if key else None, anonymous=key is None)

    def _home_service(self, word: str) -> str | None:
        """The outlet's home force for a service word, where the article names a place of
        that country or none, as for 政府 (香港电台's 警方: 香港警务处)."""
        if not self.home:
            return None
        home = self.home.upper()
        entries = (self.rules.matcher.entry(t.key) for t in self.mentions)
        countries = {e.country.upper() for e in entries if e is not None and e.kind == PLACE and e.country}
        if countries and home not in countries:
            return None
        return self.rules.home_services.get((home, word))

    def _government(self, key: str) -> str:
        """A country's or region's government, when the catalog lists one; else ``key``."""
        entry = self.rules.matcher.entry(key)
        if entry is None or entry.kind != PLACE or not entry.country:
            return key
        if entry.subkind == "city" and not entry.speaks_for:
            return key  # 上海当局: the city's own, not its country's (北京当局 is China's)
        return self.rules.governments.get(entry.country, key)

    def _joint(self, units: list[Unit], kind: str | None, together: bool) -> tuple[str, ...]:
        """The other entities of a list subject: 比利时、波兰、西班牙也说; 拜登与泽连斯基均表示."""
        keys: list[str] = []
        units = [u for u in units if u.text not in ("《", "》", "『", "』")]  # 美联社和《纽约时报》
        units = _without_brackets(units)  # 豪泽（Hermann Hauser）和布朗: the gloss is the name's
        for left, joiner, right in zip(units, units[1:], units[2:], strict=False):
            # (和 between two names right before the verb joins them too: 综合法新社和路透社报导)
            if (joiner.text in JOINERS and (joiner.text == "、" or together or right is units[-1])
                    and left.tag == ENTITY and right.tag == ENTITY and left.token and right.token
                    and self.kind(left.token.key) == kind == self.kind(right.token.key)):
                keys.append(left.token.key)  # type: ignore[arg-type]
        if kind == PERSON and together is not None:
            # 圭亚那总统阿里和委内瑞拉总统马杜罗(均表示): people joined across their titles
            people = [k for k, u in enumerate(units) if u.tag == ENTITY and self._is_person(u)]
            for a, b in zip(people, people[1:], strict=False):
                if any(u.text in JOINERS for u in units[a + 1 : b]) and any(
                    u.tag == TITLE for u in units[a + 1 : b]
                ):
                    keys.append(units[a].token.key)  # type: ignore[union-attr,arg-type]
        last = units[-1].token.key if units[-1].token else None
        return tuple(k for k in dict.fromkeys(keys) if k != last)

    def _anonymous(self, units: list[Unit], text: str) -> bool:
        """一名美国官员, 白宫官员, 北约一名官员, 不愿具名的消息人士: a source left unnamed (the
        caller has checked that no person is named in the phrase)."""
        return text.removesuffix("们").endswith(self.lex.anonymous_heads)

    def _counted_group(self, units: list[Unit], pos: int) -> list[str]:
        """这3个政党, 这两家公司: the organizations (or countries) of that number named last
        before, in a list; they speak together."""
        text = "".join(u.text for u in units)
        match = self.rules.counted_group.fullmatch(text)
        people = _COUNTED_PEOPLE.fullmatch(text) if match is None else None
        nouns = (*self.lex.person_nouns, *self.rules.matcher.titles)
        if people is not None and people.group("noun").endswith(nouns):
            match = people  # 这两位经济学家: the two people named last
        elif match is None:
            return []
        number = match.group("n")
        count = int(number) if number.isdigit() else _NUMBERS.get(number, 0)
        noun = match.group("noun")
        kind = PERSON if match is people else PLACE if noun.endswith("国") or noun == "国家" else ORGANIZATION
        if match is people and not people.group("these"):
            return self._introduced(noun, count, pos)
        floor = self._floor(pos)
        keys: list[str] = []
        for token in reversed(self.mentions):
            if token.start >= pos:
                continue
            if token.start < floor:
                break
            if token.key and self.kind(token.key) == kind and token.key not in keys:
                keys.append(token.key)
                if len(keys) == count:
                    return keys[::-1]
        return []

    def _introduced(self, noun: str, count: int, pos: int) -> list[str]:
        """两位研究人员 with no 这: the people that word introduced, anywhere before ``pos``, the
        first of them right after it and the rest in its sentence (研究人员丹尼尔·拜曼和德莱尼·达夫);
        none if it introduced no one (two new people, unnamed)."""
        before = [t for t in self.people if t.start < pos]
        anchor = next((k for k in range(len(before) - 1, -1, -1)
                       if self.view.find(noun, max(0, before[k].start - 12), before[k].start) >= 0), None)
        if anchor is None:
            return []
        end = self.index.sentence_bounds(before[anchor].start)[1]
        keys = list(dict.fromkeys(t.key for t in before[anchor:] if t.start < end and t.key))
        return keys[:count] if len(keys) >= count else []

    # -- references -----------------------------------------------------------------------------

    def _collective(self, start: int, end: int, text: str) -> Subject | None:
        """他们 right after a country's or a body's statement, in the same paragraph and with no
        one named between (英国表示，…。他们表示，…): that country or body again. Other plural
        pronouns, and 他们 elsewhere, are groups whose statements are no one's in particular."""
        if text not in self.lex.pronouns_personal or not self.said:
            return None
        _, content_end, subject = self.said[-1]
        joint = subject.kind == PERSON and bool(subject.joint)  # (豪泽和布朗也表示…。⏎另外他们也表示)
        if subject.key is None or subject.anonymous or subject.kind == PERSON and not joint or (
            content_end > start or self.index.inside_quote(start)
        ):
            return None  # (not inside what was said: 白宫声明：“…他们重申…”, the leaders)
        named_between = any(t.start >= content_end and t.end <= start for t in self.people)
        if joint and not named_between and subject.start >= self._floor(start):
            # two people who spoke together, and no one named since: both of them again
            return Subject(start, end, subject.key, PERSON, carried=True, joint=subject.joint)
        line_start = self.index.line_bounds(start)[0]
        between = self.view[content_end:start]
        if joint or subject.start < line_start or len(between) > 12 or named_between:
            return None
        return Subject(start, end, subject.key, subject.kind, carried=True)

    def _group_before(self, start: int, end: int, text: str) -> Subject | None:
        """他们 after a sentence, in its paragraph, whose subject is a body (胡塞叛军向…发射了导弹。
        尽管他们此前曾表示…): that body, when no person is named between and it is no outlet's
        (an outlet tells of others, whom 他们 is)."""
        if text not in self.lex.pronouns_personal or self.index.inside_quote(start):
            return None
        line_start = self.index.line_bounds(start)[0]
        sentence = self.index.sentence_bounds(start)[0]
        if sentence <= line_start:
            return None
        previous = self.index.sentence_bounds(sentence - 1)[0]
        before = [t for t in self.organizations if previous <= t.start and t.end <= sentence]
        if not before or any(previous <= t.start < start for t in self.people):
            return None
        body = next((t for t in before if self._in_subject_position(t)), None)
        if body is None or self._media(body) or body.key is None:
            return None
        return Subject(start, end, body.key, ORGANIZATION, carried=True)

    def _latin_short(self, text: str, pos: int) -> str | None:
        """The one person named before ``pos`` by a Latin full name ending in ``text`` (Allan
        Koltin … Koltin说), or else the one body by a Latin name starting with it (Revelio Labs
        … Revelio称); None when none or several."""
        if not _LATIN_WORD.fullmatch(text):
            return None
        word = text.lower()
        keys = {t.key for t in self.people
                if t.start < pos and self.view[t.start : t.end].lower().endswith(" " + word)}
        if not keys:
            keys = {t.key for t in self.organizations if t.start < pos
                    and self.view[t.start : t.end].lower().startswith(word + " ")}
        return keys.pop() if len(keys) == 1 else None

    def _named_pair(self, start: int, end: int, text: str) -> Subject | None:
        """他们 after two people joined by 和/与 in its own sentence, and no one else (A（…）和
        B（…），前者是…，后者是…，他们认为): both of them."""
        if text not in self.lex.pronouns_personal:
            return None
        sentence = self.index.sentence_bounds(start)[0]
        people = [t for t in self.people if sentence <= t.start and t.end <= start]
        keys = list(dict.fromkeys(t.key for t in people))
        if len(keys) != 2:
            return None
        first = next(t for t in people if t.key == keys[0])
        second = next(t for t in people if t.key == keys[1])
        between = _GLOSSES.sub("", self.view[first.end : second.start])
        if between not in JOINERS:
            return None
        return Subject(start, end, keys[1], PERSON, joint=(keys[0],))  # type: ignore[arg-type]

    def pronoun(self, start: int, end: int) -> Subject:
        subject = self._pronoun(start, end)
        quoted = subject.key is not None and self.index.inside_quote(start)
        last = self._last_speaker(start) if quoted else None
        if last is not None and self.index.inside_quote(last[0]) == quoted:
            last = None  # (“拜登承诺…。他还告诉我们…”: one reported inside this quotation may be 他)
        if quoted and subject.key in (self.context, last[2].key if last else None):
            # 他 inside a quotation is not the one quoted, who would say 我: someone unnamed.
            return Subject(start, end, None, None, anonymous=True)
        return subject

    def _pronoun(self, start: int, end: int) -> Subject:
        """他/她 (该官员 …) refers to the nearest person named before it in subject position,
        or failing that the nearest named at all, within the last few paragraphs — unless an
        unnamed person (一名妇女, 这名年轻人) is the subject of a clause in between."""
        # (安娜·福斯特…报道，她描述…, 菅义伟介绍他向特朗普表示…: a pronoun opening what a person
        # reports is that person, as news writes "X said she…")
        teller = next((said for opened, _, said in reversed(self.said) if opened == start), None)
        if teller is not None and teller.key and teller.kind == PERSON and not teller.anonymous:
            return Subject(start, end, teller.key, PERSON)
        pronoun = self.view[start:end]
        found = self._nearest(self.people, self.people_starts, start, pronoun)
        since = found.end if found else self._floor(start)
        if self.unnamed_subject(since, start) is not None:
            return Subject(start, end, None, None, anonymous=True)
        speaker = self._last_speaker(start)
        if speaker is not None and not self._fits(pronoun, speaker[2].key):
            speaker = None
        line_start = self.index.line_bounds(start)[0]
        opens_paragraph = not self.view[line_start:start].strip()
        # (…unless a paragraph of its own, since the speaker's, opens with another name as its
        # subject: 张峻豪指出…。 ¶ 赖清德…被指违建…。 ¶ 他回应说 is 赖清德)
        newer_subject = speaker is not None and found is not None and (
            found.start >= self.index.line_bounds(max(speaker[1] - 1, 0))[1]
        ) and self._in_subject_position(found) and not self._caption(found.start)
        if speaker is not None and (found is None or speaker[2].start > found.start or (
            speaker[0] <= found.start < speaker[1]
        ) or (opens_paragraph and speaker[2].start < line_start and not newer_subject)):
            # (A paragraph opening with 他说 goes on with the last speaker, as news writes.)
            # The last speaker is nearer than any name in subject position, or the name is one
            # the speaker mentioned (他说…李文亮… 他说): the pronoun goes on with the speaker.
            subject = speaker[2]
            return Subject(start, end, subject.key, subject.kind, anonymous=subject.anonymous)
        return Subject(start, end, found.key if found else None, PERSON)

    def _by_surname(self, surname: str, title: str, pos: int) -> str | None:
        """The one person named before ``pos`` with ``title`` in this article whose Chinese
        name starts with ``surname`` (蔡总统 after 总统蔡英文), or None when none or several."""
        if len(surname) != 1 or surname not in self.rules.names.surnames:
            return None
        titled = {person for written, person, _ in self.holders.roles if written[-2:] == title[-2:]}
        keys = {t.key for t in self.people if t.start < pos and self.view.startswith(surname, t.start)
                and 2 <= t.end - t.start <= 3 and t.key in titled}
        return keys.pop() if len(keys) == 1 else None

    def _titled_before(self, title: str, pos: int) -> str | None:
        """The one person given ``title`` (or a title ending in it) in the last few paragraphs
        before ``pos``; None when none or several."""
        floor = self._floor(pos)
        titled = {person for written, person, _ in self.holders.roles if written.endswith(title)}
        keys = {t.key for t in self.people if floor <= t.start < pos and t.key in titled}
        return keys.pop() if len(keys) == 1 else None

    def _titled_twice(self, title: str, pos: int) -> list[str]:
        """The two people given ``title`` (or a title ending in it) in the last few paragraphs
        before ``pos``, the later first; [] unless exactly two."""
        floor = self._floor(pos)
        titled = {person for written, person, _ in self.holders.roles if written.endswith(title)}
        keys = list(dict.fromkeys(t.key for t in reversed(self.people)
                                  if floor <= t.start < pos and t.key in titled))
        return keys if len(keys) == 2 else []

    def _named_as(self, noun: str, pos: int) -> str | None:
        """The one person written right after ``noun`` (被告 | 鄺港智) before ``pos`` in the last
        few paragraphs, whom the noun alone then names; None when none or several."""
        floor = self._floor(pos)
        keys = {t.key for t in self.people
                if floor <= t.start < pos and self.view.endswith(noun, 0, t.start)}
        return keys.pop() if len(keys) == 1 else None

    def _one_of_two(self, start: int, end: int, latter: bool,
                    kinds: tuple[str, ...] = (PERSON, ORGANIZATION)) -> Subject:
        """后者/前者: the last or the one before it of the two different people or bodies (or
        ``kinds``) named last before ``start`` in its sentence or the one before (拜登与习近平会谈，
        后者表示)."""
        floor = self.index.sentence_bounds(start)[0]
        floor = self.index.sentence_before(floor)
        named: list[Token] = []
        for token in reversed([t for t in self.mentions if floor <= t.start and t.end <= start]):
            if self.kind(token.key) in kinds and all(t.key != token.key for t in named):
                named.append(token)
            if len(named) == 2:
                break
        if len(named) < 2:
            return Subject(start, end, None, None)
        token = named[0] if latter else named[1]
        return Subject(start, end, token.key, self.kind(token.key))

    def _sides(self, start: int, end: int) -> Subject:
        """双方: the two sides of the last meeting or talk named before ``start`` in its
        paragraph or the few before: 李辉与乌方会面, 吴江浩会见…临时代办奥维科; else no one."""
        floor = self._floor(start)
        meetings = list(self.lex.meeting_words.finditer(self.view, floor, start))

        def a_joins(first: Token, second: Token) -> bool:
            between = self.view[first.end : second.start]
            return first.end == second.start or any(between.endswith(j) for j in JOINERS)
        for meeting in reversed(meetings):
            clause = self.index.clause_start(meeting.start(), floor)
            opening = self.view[clause : meeting.start()].lstrip("并还也又")
            if not meeting.group("verb") and opening.startswith(self.lex.topic_markers):
                continue  # (并就七国集团广岛峰会交换看法: a summit spoken of, not one between the sides)
            comma = _COMMA.search(self.view, meeting.end(), start)  # (the view writes "," as often)
            stop = comma.start() if comma else start
            named = [t for t in self.mentions if clause <= t.start and t.end <= stop
                     and self.kind(t.key) in (PERSON, ORGANIZATION, PLACE)]
            before = [t for t in named if t.end <= meeting.start()]
            if meeting.group("verb"):  # A 会见 B: the subject, and the person (or body) met
                later = [t for t in named if t.start >= meeting.end()]
                met = next((t for t in later if self.kind(t.key) == PERSON), later[-1] if later else None)
                sides = (before[-1], met) if before and met else None
            else:  # A 与 B 会谈, 日美(首脑会谈): the name before the joiner (or side by side), and
                # the one the words after it lead to (跟美国白宫国家安全顾问苏利文)
                joined = next((k for k in range(len(before) - 1) if a_joins(before[k], before[k + 1])), None)
                rest = before[joined + 1 :] if joined is not None else []
                people = [t for t in rest if self.kind(t.key) == PERSON]
                other = (people or rest or [None])[-1]
                sides = (before[joined], other) if joined is not None and other else None
            if sides and sides[0].key != sides[1].key:
                first, second = sides
                return Subject(start, end, second.key, self.kind(second.key), joint=(first.key,))  # type: ignore[arg-type]
            break  # (the last meeting's sides, or no one's: not an earlier meeting's)
        return Subject(start, end, None, None)

    def _of_country(self, place: str, start: int, end: int) -> Subject:
        """The nearest person named before ``start`` whom the catalog places in ``place``'s
        country; failing that, whom 他 would refer to."""
        entry = self.rules.matcher.entry(place)
        country = entry.country if entry else None
        floor = self._floor(start)
        for token in reversed(self.people[: bisect_left(self.people_starts, start)]):
            if token.start < floor:
                break
            person = self.rules.matcher.entry(token.key or "")
            if country and person is not None and person.country == country:
                return Subject(start, end, token.key, PERSON)
        return self.pronoun(start, end)

    def _object(self, token: Token) -> bool:
        """Whether the word before the name makes it an object (对普京, 告诉普京); a word,
        not a character: 大使肖千 is no object of 使. Across the name's title chain: 会见 |
        美国国务卿 | 布林肯 is the object of 会见."""
        chain = self._title_chain_start(token.start)
        if chain < token.start:
            word = self.units.tag_at(chain - 1) if chain > 0 else None
            lex = self.lex
            if word is not None and word.end == chain and word.end - word.start >= 2:
                text = self.view[word.start : word.end]
                return word.tag in ("p", "v") and text not in lex.fillers and (
                    text not in lex.subject_clause_verbs)
            if word is None and chain >= 2 and self.view.endswith(lex.object_verbs, 0, chain):
                return True  # (untagged) 会见 | 美国国务卿 | 布林肯
            return chain > 0 and self.view[chain - 1] in OBJECT_MARKERS
        if token.start == 0:
            return False
        if self.rules.names.title_words.ends_at(self.view, token.start):
            return False  # 总司令 | 扎卢日内: a title, whatever the tagger reads it as (司令 as a verb)
        word = self.units.tag_at(token.start - 1)
        if word is None or word.end != token.start:
            # (untagged: 包括 | 山姆会员店(在内): a verb whose object it is)
            return self.view[token.start - 1] in OBJECT_MARKERS or self.view.endswith(
                self.lex.object_verbs, 0, token.start)
        if word.end - word.start == 1:
            return self.view[word.start] in OBJECT_MARKERS or word.tag == "p"
        text = self.view[word.start : word.end]
        # (认为穆伊祖与中国关系密切: a verb of saying or thinking opens a clause the name is the
        # subject of.)
        lex = self.lex
        return word.tag in ("p", "v") and text not in lex.fillers and text not in lex.subject_clause_verbs

    def _title_chain_start(self, pos: int) -> int:
        """Where the titles (and the places and bodies qualifying them) right before ``pos``
        begin: 美国国务卿 | 布林肯, 乌克兰外长 | 库列巴; ``pos`` when no title is there."""
        titles = self.rules.names.title_words
        start, titled = pos, False
        for _ in range(4):
            if start in self._chain_ends and (titled or self._chain_ends[start][1]):
                start, is_title = self._chain_ends[start]
                titled = titled or is_title
                continue
            title = titles.longest_end(self.view[max(0, start - 12) : start])
            if title is not None:
                start, titled = start - len(title), True
                continue
            break
        return start if titled else pos

    def _last_speaker(self, pos: int) -> tuple[int, int, Subject] | None:
        """The last statement before ``pos`` in the last few paragraphs that a person (named
        or not) said: an organization's cannot be 他 or 她."""
        floor = self._floor(pos)
        for start, end, subject in reversed(self.said):
            if start >= pos:
                continue
            if start < floor:
                return None
            # (…當局提出…: unnamed authorities are no one 他 goes on with)
            person = subject.kind == PERSON or (subject.anonymous and not subject.key and not (
                self.view.endswith(self.rules.names.government_words, subject.start, subject.end)))
            # (…认为，“拜登总统的声明…坚称…”。他继续说道: one reported inside a statement that
            # has ended is not whom a later 他 goes on with)
            quoted = bool(self.index.inside_quote(subject.start)) and not self.index.inside_quote(pos)
            nested = quoted and any(a <= subject.start < b <= pos for a, b, _ in self.said if a < start)
            if person and not subject.source and not nested:
                return start, end, subject
        return None

    def unnamed_subject(self, start: int, end: int) -> int | None:
        """Where a clause in ``[start, end)`` opens with an unnamed person as its subject."""
        index, view = self.index, self.view
        marks = index.clause_marks
        first = bisect_left(marks, start)
        for mark in [*marks[first:], None]:
            clause = start if mark is None else mark + 1
            if mark is not None and clause >= end:
                break
            if mark is None and (first < len(marks) and marks[first] < end):
                continue
            if mark is not None and view[mark] in CLOSING_QUOTES and view[mark - 1] not in "。！？!?，,":
                continue  # 「…记者会」记者会: a quoted title inside the clause opens none
            if any(a <= clause < b for a, b, _ in self.said):
                continue  # (陳弘毅指出，…一般市民應該不會覺得…。他又預期: the people he spoke of)
            stop = min(end, clause + 16)
            units = self.units.between(clause, stop)
            parse = self.parser.parse_opening(units)
            phrase = parse.phrase
            if phrase and not any(u.tag == ENTITY for u in phrase):
                text = view[phrase[0].start : phrase[-1].end]
                # (多名委员会成员…对她进行了质询: several people, whom 他 or 她 is none of)
                several = _SEVERAL.search(text, 0, 6) or text.startswith(self.rules.names.plural_determiners)
                if text.endswith(self.lex.person_nouns) and not several:
                    return clause
        return None

    def reports(self, subject: Subject) -> bool:
        """Whether ``subject`` is a newspaper's or an agency's (which tells what others say)."""
        entry = self.rules.matcher.entry(subject.key) if subject.key else None
        return entry is not None and entry.subkind in self.lex.media_kinds

    def person_subject(self, start: int, end: int, bodies: bool = False) -> Subject | None:
        """The last clause in ``[start, end)`` whose subject is a person: named, a pronoun or
        an unnamed one (anonymous); with ``bodies``, an organization too."""
        index = self.index
        marks = [m for m in index.clause_marks if start <= m < end]
        for mark in reversed(marks):
            clause = mark + 1
            units = self.units.between(clause, min(end, clause + 16))
            parse = self.parser.parse_opening(units)
            if not parse.phrase:
                # Untagged text (the tagger read elsewhere): an unnamed person opening it
                # (但女儿考出…) is still a subject.
                if self.rules.opens_with_person_noun.match(self.view, clause, end):
                    return Subject(clause, clause, None, None, anonymous=True)
                continue
            if parse.phrase[-1].text in self.rules.names.address_terms:
                continue  # (新华社称，孟晚舟女士乘坐…，强调…: one written about, no new speaker)
            subject = self.resolve(parse)
            if subject is None or self.view.startswith(self.lex.passive_markers, parse.phrase[-1].end):
                continue  # (聲明中說，卡希爾遭槍殺…，呼籲…: one something befell, no new speaker)
            kind = self.kind(subject.key) if subject.key else None
            if (subject.anonymous and not subject.key) or kind == PERSON or (bodies and kind == ORGANIZATION):
                return subject
        return None

    def _floor(self, pos: int) -> int:
        floor = self.index.line_bounds(pos)[0]
        for _ in range(_LINES_BACK - 1):
            if floor == 0:
                break
            floor = self.index.line_bounds(floor - 1)[0]
        return floor

    def _points_at_body(self, text: str) -> bool:
        """该管理局, 该事务所: 该 and a body's word, like the listed 该局 and 该公司, point at a body
        named before."""
        return len(text) >= 3 and text[0] == "该" and text.endswith(self.rules.names.organization_suffixes)

    def description(self, start: int, end: int, text: str) -> Subject:
        """该公司, 声明, 社论: the nearest organization named before (of the same sort when the
        description names one: 该商会 → a 商会, 法院 → a court)."""
        issuer = (self._issuer(start, text) or self._same_document(start, end, text)
                  or self._piece_ran(start, end, text))
        if issuer is not None:
            return issuer
        if text in self.lex.issuer_only:
            return Subject(start, end, None, None)  # 会议强调: the meeting's holder, or no one
        suffix = text[1:] if text.startswith("该") and len(text) > 1 else text  # 该法院, 法院: a court
        # (of the same sort named before it: 赫伯罗德公司 after 该公司 is no referent)
        # (县府, 市府: the county's or city's government, named 南投县府 or 南投县政府)
        local = suffix in self.rules.names.local_governments
        endings = (suffix, suffix[:-1] + "政府") if local else (suffix,)
        # (德国服务业工会Verdi: a body named after its sort's word is of that sort too, but a
        # company's word before a name is as often a description: 大航运公司马士基)
        names = self.rules.names
        sort_before = suffix in names.organization_suffixes and suffix not in names.corporate_suffixes
        same = [t for t in self.organizations if suffix and t.end <= start and (
            self.view[t.start : t.end].endswith(endings)
            or (sort_before and self.view.endswith(endings, 0, t.start)))]
        if not same and suffix in self.rules.names.corporate_suffixes:
            # 该公司 after 沃尔玛: a company's name seldom ends in 公司; any body but the media's
            same = [t for t in self.organizations if not self._media(t) and self._may_be_company(t)]
        if not same and suffix in self.lex.any_body_words:
            # 该组织 after 香港支联会都会…: a word for any body, the one the sentence before
            # was about (its subject), not a medium's
            floor = self.index.sentence_before(self.index.sentence_bounds(start)[0])
            same = [t for t in self.organizations if floor <= t.start < start and not self._media(t)]
            nearest = self._nearest(same, [t.start for t in same], start)
            same = [nearest] if nearest is not None and self._in_subject_position(nearest) else []
        if not same and (local or suffix.endswith(self.rules.names.organization_suffixes)):
            return Subject(start, end, None, None)  # (当地)法院 with no court named: no other body
        if not same and text.endswith(self.lex.media_descriptions):
            # 社论, 该报, 报道: a newspaper's or an agency's, not the nearest body's; not the
            # outlet of the dateline either, （中央社台北8日电）, whose own report the article is
            same = [t for t in self.organizations if self._media(t) and not self._credited(t)]
            # (报导提到 after 香港01报导引述电台内部消息: the medium that reported, not the radio
            # station the report is about, though named nearer)
            reporting = [t for t in same if self.view.startswith(tuple(self.lex.media_verbs), t.end)]
            nearest_reporting = self._nearest(reporting, [t.start for t in reporting], start)
            if nearest_reporting is not None and text.removeprefix("该") in self.lex.media_verbs:
                same = [nearest_reporting]
        media = text.endswith(self.lex.media_descriptions)
        # (推特 in 在推特上说 is where, not who: a channel is no referent; a report is a medium's)
        # (向立法院提交的报告: who is given a document is not who wrote it)
        # (報告指出 after 美國司法部副部長摩納可所說: a body named only in a named person's title
        # is not what the article speaks of; its unnamed 发言人 speaks for it)
        titled = {t.start for t in self.people}
        anyone = [t for t in self.organizations if self._title_ends.get(t.end, -1) not in titled]
        pool = [t for t in (same if media else same or anyone) if not (
            self.view[t.start - 1 : t.start] == "在" and self.view[t.end : t.end + 1] == "上"
        ) and not (media and self._credited(t))
            and self.view[t.start - 1 : t.start] not in self.lex.addressee_marks]
        starts = [t.start for t in pool]
        found = self._nearest(pool, starts, start)
        if found is None:
            return self._same_description(start, end, text) or Subject(start, end, None, None)
        return Subject(start, end, found.key, ORGANIZATION)

    def _same_description(self, start: int, end: int, text: str) -> Subject | None:
        """文章写道 after a run of 文章写道 that began with 《世界报》写道 paragraphs back: a
        newspaper's description, read again, is the paper's it was last given to."""
        if not text.endswith(self.lex.media_descriptions):
            return None
        for _, _, subject in reversed(self.said):
            if subject.start < start and subject.key and not subject.anonymous and (
                self.view[subject.start : subject.end] == text
            ):
                return Subject(start, end, subject.key, subject.kind)
        return None

    def _piece_ran(self, start: int, end: int, text: str) -> Subject | None:
        """报道援引… after 《外交政策》发表了一篇…的报道，认为… (paragraphs before): the piece that
        paper ran, which the article goes on summarizing, is the paper's."""
        if not text.endswith(self.lex.media_descriptions):
            return None
        acts = (*self.lex.issuing_verbs, *self.lex.publishing_verbs)
        for _, _, subject in self.said:
            said_by = self.view[subject.start : subject.end]
            ran = said_by.endswith(text) and any(act in said_by for act in acts)
            if subject.start < start and subject.key and not subject.anonymous and ran:
                return Subject(start, end, subject.key, subject.kind)
        return None

    def _same_document(self, start: int, end: int, text: str) -> Subject | None:
        """声明中强调 after 首脑声明表示 (paragraphs before): the document a statement of this
        article was already given to, read again."""
        document = text.removeprefix("该").removeprefix("这份").removeprefix("此").removesuffix("中")
        if document not in self.lex.issued_documents:
            return None
        for content_start, _, subject in reversed(self.said):
            # (X在声明中表示 gave it too: the document named in the clause of speaker and verb)
            between = self.view[subject.end : min(content_start, subject.end + 40)]
            if subject.start < start and subject.key and not subject.anonymous and (
                self.view[subject.start : subject.end].removesuffix("中").endswith(document)
                or document in re.split("[,，;；。]", between, maxsplit=1)[0]
            ):
                return Subject(start, end, subject.key, subject.kind, joint=subject.joint)
        return None

    def _issuer(self, start: int, text: str) -> Subject | None:
        """Who issued the document a description names, when this sentence or the one before
        says so: X和Y周一发表的声明，该声明称 → X and Y."""
        document = text.removeprefix("该").removeprefix("这份").removeprefix("此")
        if len(document) < 2:
            return None
        sentence = self.index.sentence_bounds(start)[0]
        floor = self.index.sentence_before(sentence)
        if document in self.lex.document_verbs:
            # (知事会汇总了…紧急建议。…。建议再次要求: a proposal's issuer, anywhere in its paragraph)
            floor = min(floor, self.index.line_bounds(sentence)[0])
        if self.view.rfind(document + "》", 0, start) >= 0 or len(document) >= 4:
            # (印发《关于…的意见》 … 意见要求: a document named by its title, anywhere before; so is
            # one of a summit or of two sides: 发布了峰会联合公报 … 联合公报强调)
            floor = 0
        # 发表声明, 发布的声明, 发表了一篇题为…的文章: the verb, then the document it issued
        verbs = alternatives(self.lex.issuing_verbs)
        # (发布了峰会联合公报: the meeting whose document it is between)
        events = alternatives(self.lex.verb_events)
        # (签署了一份宣言: a count of it between)
        counted = "(?:[一这该此]?[份篇项封则])?"
        # (汇总了致中央政府的…紧急建议: a proposal, with what it is about between)
        # (召开国务院常务会议: a meeting, named by whose it is and its sort)
        meeting = document.removeprefix("该") in self.lex.issuer_only
        about = "(?:[^，,。；;！？!?\n的]{0,12}?)?" if document in self.lex.document_verbs else ""
        about = "(?:[^，,。；;！？!?\n的]{0,24}?)?" if meeting else about
        issued = re.compile(f"(?:{verbs})(?:了|的|[^，,。；;！？!?\n]{{0,40}}?的)?{counted}"
                            f"(?:{events})?{about}{re.escape(document)}")
        matches = list(issued.finditer(self.view, floor, start))
        if not matches:
            return None
        at = matches[-1].start()
        held = [t for t in self.organizations if matches[-1].start() < t.start and t.end <= matches[-1].end()]
        if meeting and held:
            # 李强主持召开 | 国务院 | 常务会议: the body whose meeting it is, not who chaired it
            return Subject(start, start + len(text), held[0].key, ORGANIZATION)
        # (七国集团（G7）峰会周六（5月20日）: glosses and asides in brackets are no words of it)
        units = _without_brackets(self.units.between(self.index.clause_start(at, floor), at))
        # 七国集团峰会(发布的公报), 七国集团首脑(发表首脑声明): the body whose meeting or leaders
        # issued it
        # (住建部官网(发布): the body's own website)
        after_body = (*self.lex.verb_events, *self.lex.body_leaders, *self.lex.official_accounts)
        units = [u for k, u in enumerate(units)
                 if not (k and units[k - 1].tag == ENTITY and u.text in after_body)]
        while meeting and units and units[-1].text in self.lex.attending_verbs:
            units = units[:-1]  # 习近平主持(召开…会议): who chaired the meeting holds it
        keys = self._joined_names(units)
        if keys:
            return Subject(start, start + len(text), keys[0], self.kind(keys[0]), joint=keys[1:])
        return Subject(start, start + len(text), None, None)  # issued by a body no one could name

    def _joined_names(self, units: list[Unit]) -> tuple[str, ...]:
        """The named subjects right before a verb, each with its title chain, joined by 和/与:
        道琼斯公司首席执行官A和《华尔街日报》主编B(周一)."""
        keys: list[str] = []
        while units:
            head = next((k for k in range(len(units) - 1, -1, -1) if units[k].tag == ENTITY), None)
            if head is None or not self.parser.gap_ok(units[head + 1 :]):
                break
            chain = self.parser.chain_start(units, 0, head)
            subject = self.resolve(SubjectParse(units, chain, head + 1, False))
            if subject is None or not subject.key or subject.anonymous:
                break
            keys[:0] = [subject.key, *subject.joint]
            if chain == 0 or units[chain - 1].text not in JOINERS:
                break
            units = units[: chain - 1]
        return tuple(dict.fromkeys(keys))

    def _may_be_company(self, token: Token) -> bool:
        """A company, or a body the catalog does not sort (not a government, an army, a party)."""
        entry = self.rules.matcher.entry(token.key) if token.key else None
        if entry is None:  # (皇家海军: a discovered force is no company)
            return not self.view[token.start : token.end].endswith(self.rules.army_words[0])
        return entry.subkind in (None, "company")

    def _author(self, start: int, end: int) -> Subject | None:
        """作者 of a piece the article reviews: its writer, named before as one (由记者X撰写的评论,
        X…并撰写了, X的文章), or, when the last piece introduced is a publication's with no writer
        named (《经理人杂志》…刊发评论), that publication. 作者 of a study, with neither, is no one's.
        A review runs on about its piece, so the whole article before counts."""
        writers = [t for t in self.people if t.end <= start
                   and self._later_in_sentence(t.end, start, self.lex.authorship_verbs)]
        # (（作者是光明日报副总编陈品高）: the writer introduced as one, titles between)
        writers += [t for t in self.people if t.end <= start and any(
            re.search(re.escape(intro) + _UP_TO_NAME, self.view[max(0, t.start - 24) : t.start])
            for intro in self.lex.author_intros)]
        # (not the outlet of the dateline, （德国之声中文网）《日报》发表评论: the paper it reviews)
        media = [t for t in self.organizations if t.end <= start and self._media(t)
                 and not self._credited(t)
                 and (self._later_in_sentence(t.end, start, self.lex.publishing_verbs, active=True)
                      or self._piece_named(t.end))]
        last = max([*writers, *media], key=lambda t: t.start, default=None)
        if last is None:
            return None
        return Subject(start, end, last.key, self.kind(last.key))

    def _piece_named(self, end: int) -> bool:
        """Whether a piece word follows a publication's name (《商报》评论则…, 《世界报》的文章):
        its piece, introduced without a publishing verb."""
        at = end + 1 if self.view[end : end + 1] in "》」』" else end
        at += 1 if self.view[at : at + 1] == "的" else 0
        return self.view.startswith(self.lex.piece_words, at)

    def _credited(self, token: Token) -> bool:
        """Whether the name is the article's own credit, in brackets (（德国之声中文网）,
        （中央社台北8日电）): the outlet that writes, not a paper it reviews."""
        view = self.view
        opening, closing = view.rfind("(", 0, token.start), view.find(")", token.end)  # (normalised brackets)
        return opening >= 0 and token.start - opening <= 2 and 0 <= closing - token.end <= 12 and (
            "\n" not in view[opening:closing]) or _DATELINE.match(view, token.end) is not None

    def _judge(self, start: int, end: int) -> Subject:
        """判词指: the judge named before with a judicial title (首席法官潘兆初), else the court
        named before, else no one named. A judgment is reported over many paragraphs, its
        judge named once at the top: the whole article before it is searched."""
        floor = 0
        for token in reversed(self.people):
            if floor <= token.start and token.end <= start and self.view.endswith(
                self.lex.judicial_titles, 0, token.start
            ):
                return Subject(start, end, token.key, PERSON)
        courts = [t for t in self.organizations if floor <= t.start and t.end <= start
                  and self.view[t.start : t.end].endswith(self.lex.court_endings)]
        if courts:
            return Subject(start, end, courts[-1].key, ORGANIZATION)
        return Subject(start, end, None, None)

    def _later_in_sentence(self, pos: int, limit: int, words: tuple[str, ...], active: bool = False) -> bool:
        """Whether one of ``words`` follows ``pos`` in its sentence (and before ``limit``);
        ``active``: with no other person or body before it (but in a quoted title) and no 于
        after it (法新社报导，研究…刊登于期刊: the agency published nothing)."""
        end = min(self.index.sentence_bounds(pos)[1], limit)
        for word in words:
            at = self.view.find(word, pos, end)
            if at < 0:
                continue
            if not active:
                return True
            if self.view[at + len(word) : at + len(word) + 1] not in ("于", "在") and not any(
                pos <= t.start < at and not self.index.inside_quote(t.start)
                for t in (*self.people, *self.organizations)
            ):
                return True
        return False

    def _media(self, token: Token) -> bool:
        entry = self.rules.matcher.entry(token.key) if token.key else None
        if entry is not None and entry.subkind:
            return entry.subkind in self.lex.media_kinds
        after = token.end + (self.view[token.end : token.end + 1] in _CLOSING_TITLE_MARKS)
        return self.view[token.start : token.end].endswith(self.lex.media_suffixes) or (
            self.view.endswith(self.lex.media_descriptors, 0, token.start)  # 中国媒体 | 第一财经
        ) or self.view.startswith(self.rules.names.media_words, after)  # 《资本》杂志

    def _sex(self, key: str | None) -> str | None:
        """female or male, where the article's own words say so of this person (新娘名叫X,
        X女士) and never the other; otherwise None."""
        if key is None:
            return None
        if key not in self._sexes:
            found = set()
            for token in (t for t in self.people if t.key == key):
                before = self.lex.sex_before.search(self.view, max(0, token.start - 6), token.start)
                after = self.lex.sex_after.match(self.view, token.end)
                found |= {m.lastgroup for m in (before, after) if m is not None and m.lastgroup}
            self._sexes[key] = next(iter(found)) if len(found) == 1 else None
        return self._sexes[key]

    def _fits(self, pronoun: str, key: str | None) -> bool:
        """Whether 他 or 她 may stand for this person (他 for no woman, 她 for no man)."""
        sex = self._sex(key)
        return not (pronoun == "他" and sex == "female" or pronoun == "她" and sex == "male")

    def _nearest(self, pool: list[Token], starts: list[int], pos: int, pronoun: str = "") -> Token | None:
        view, index = self.view, self.index
        floor = self._floor(pos)
        quote = index.inside_quote(pos)
        fallback = None
        for i in range(bisect_left(starts, pos) - 1, -1, -1):
            token = pool[i]
            if token.start < floor:
                break
            quoted = index.inside_quote(token.start)
            named = quoted is not None and (quoted[0] + 1, quoted[1]) == (token.start, token.end)
            if token.end > pos or quoted not in (None, quote) and not named:
                continue  # (in someone's quotation; not 「天安门母亲」, a name in quotes)
            if pronoun and not self._fits(pronoun, token.key):
                continue  # (新娘名叫X。他说: not the bride)
            glossed = i > 0 and pool[i - 1].end == token.start - 1
            if glossed and view[token.start - 1 : token.start] in ("(", "（"):
                continue  # 山姆会员店(Sam's Club): the gloss is its name's, placed as the name is
            if fallback is None:
                fallback = token
            if self._in_subject_position(token):
                return token
        return fallback

    def _caption(self, pos: int) -> bool:
        """Whether ``pos`` is in a photo's caption (…中央社记者戴雅真兵库县摄 112年12月10日)."""
        start, end = self.index.line_bounds(pos)
        return any(m.group().endswith("摄") for m in _REPORTER_LINE.finditer(self.view, start, end))

    def _in_subject_position(self, token: Token) -> bool:
        """Whether the name opens its clause, after at most a short phrase or a title chain."""
        clause = self.index.clause_start(token.start, 0)
        before = self.view[clause : token.start]
        # (a long title chain is a subject too: 奥地利议会议员、…观察员负责人 | 谢纳赫)
        titled = len(before) <= 40 and before.endswith(self.rules.names.person_cues)
        if not (len(before) <= 14 or titled) or self._object(token) or _listed(self.view, token):
            return False
        # (赖清德以总统 | 蔡英文…为例: another person opens the clause before it; not 紧接卢秀燕上台的 |
        # 韩国瑜, the head of a clause describing it)
        first = bisect_left(self.people_starts, clause)
        other = self.people[first] if first < len(self.people) else None
        between = self.view[other.end : token.start] if other is not None else ""
        # (…nor 拜登的儿子 | 亨特·拜登, 潘文渊奖遴选委员会召集人的…董事长 | 曾繁城: a 的 phrase
        # naming whose, or of what, the name is; nor 谢侑芯经纪人 | Chris（克里斯）: whose agent)
        related = _LATIN_GLOSSED.sub("", between) in self.rules.names.person_cues
        # (…but 加纳虹辉击败了…的主力选手 | 博雷尔: the other's verb first, whose object this is)
        acted = other is not None and (word := self.units.tag_at(other.end)) is not None and (
            word.start == other.end and word.tag == "v" and word.end - word.start >= 2)
        return not (other is not None and other.start < token.start and other.key != token.key
                    and ("的" not in between or acted) and not related)
