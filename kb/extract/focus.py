"""Where the tagger pays: the stretches of an article worth its cost.

The tagger costs about 15 µs a character, several times the rest of extraction, and most of
an article needs it for nothing: the catalog already names what is there and no one speaks.
It is run on

- the speech in each sentence: from the sentence's start to the end of the clause after its
  last reporting verb (the speaker, the circumstances and the first words of the content,
  which tell a statement from a noun phrase), and
- whole sentences with a sign of a name the catalog does not know: a title or organisation
  suffix beside uncatalogued text, a Latin name in brackets, a person cue (先生, 记者, 摄),
  or a run of transliteration characters.

Measured on the development set, this keeps the tagger's F1 while tagging a fraction of the
text (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kb.extract.entities import ENTITY, TITLE, Token
from kb.extract.rules import Rules
from kb.extract.tagger import Word
from kb.extract.text import CLAUSE_PUNCT

_LATIN_IN_BRACKETS = re.compile(r"[（(][A-Za-z]")
_QUOTED_BEFORE = re.compile(r"[「“『][^「“『」”』]{1,24}[」”』]$")
_CLAUSE_END = re.compile("[" + re.escape(CLAUSE_PUNCT + "。！？!?；;”」』") + "]")
# A short quoted term with no punctuation inside (“鱼鹰”): a name or a word, no clause of its own.
_QUOTED_TERM = re.compile(r"[“「『][^“「『”」』，,。；;：:！？!?]{1,12}[”」』]")
_CLAUSE_MARK = re.compile("[" + re.escape(CLAUSE_PUNCT + "。！？!?；;”」』“「『") + "]")
# How far after a reporting verb the tagger reads: enough for the content's first predicate.
_AFTER_VERB = 40
_WORD_CHAR = re.compile(r"[\w]")
# How much around a sign of a name the tagger reads: the name and enough context to tag it.
_AROUND_NAME = 24
# How far past that the stretch runs to the end of the words there (a name at the edge).
_EDGE = 4
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A surname's character starting a time or a word, no name: 周一, 周末, 曾经.
_NOT_A_SURNAME = re.compile(r"周[一二三四五六日天末内边年]|曾经")
# An age before a name (92岁的林武云): what news says of people, and of no thing.
# What joins the items of a list (和, 及 and 与 join people and places to bodies too).
_LIST_MARKS = frozenset("、")
_AGE_BEFORE = re.compile(r"\d{1,3}岁的?")
# A source named alone at a clause's start, before a comma (据财联社，): 据 and up to six characters.
# A region's ending (省, 州, 郡): the name before it may be one the catalog does not list.
_REGION_END = re.compile("[省州郡]")
_SOURCE_ONLY = re.compile(r"(?:^|(?<=[，,。；;\n「“]))据([^，,。；;\s「“”」的]{2,6})[，,]")


class Coverage:
    """Which characters the catalog's tokens already explain."""

    def __init__(self, tokens: Sequence[Token], place_keys: frozenset[str] = frozenset(),
                 governed_keys: frozenset[str] = frozenset(),
                 organization_keys: frozenset[str] = frozenset()) -> None:
        # An ambiguous short form (教育局, 外交部) explains nothing yet: whose it is, and whether
        # a place before it makes a longer name (新北市教育局), is for the tagger to read.
        spans = sorted((t.start, t.end) for t in tokens if t.type in (ENTITY, TITLE) and not t.ambiguous)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        # Where a catalog place ends → where it starts (高雄市 | 警察局: a place's own body).
        self.place_ends = {t.end: t.start for t in tokens if t.type == ENTITY and t.key in place_keys}
        self.governed_ends = {t.end: t.start for t in tokens if t.type == ENTITY and t.key in governed_keys}
        # …and where any catalog name ends (欧盟 | 统计局: a body's own office).
        self.entity_ends = {t.end: t.start for t in tokens if t.type == ENTITY and not t.ambiguous}
        # Where the catalog's organizations are: a list beside one (苹果、三星、华为和高通) lists
        # others of their kind, which the catalog may not know.
        self.organizations = [(t.start, t.end) for t in tokens
                              if t.type == ENTITY and t.key in organization_keys]

    def covers(self, pos: int) -> bool:
        index = bisect_right(self.starts, pos) - 1
        return index >= 0 and pos < self.ends[index]

    def any_between(self, start: int, end: int) -> bool:
        """Whether a token starts in ``[start, end)``."""
        index = bisect_right(self.starts, start - 1)
        return index < len(self.starts) and self.starts[index] < end

    def end_of(self, pos: int) -> int:
        """The end of the token covering ``pos``."""
        return self.ends[bisect_right(self.starts, pos) - 1]


@dataclass
class Focus:
    """What to tag (``spans``) and the words the lexicon tagged without the network."""

    spans: list[tuple[int, int]]
    words: list[Word]


def focus(view: str, sentences: Sequence[tuple[int, int]], tokens: Sequence[Token],
          rules: Rules) -> Focus:
    """The stretches of ``view`` to tag, in order, each within one sentence."""
    coverage = Coverage(tokens, rules.place_keys, rules.governed_place_keys, rules.organization_keys)
    titles = [t for t in tokens if t.type == TITLE]
    title_starts = [t.start for t in titles]
    lex = rules.lexicon
    acts = (*lex.channels, *lex.channel_verbs, *lex.publishing_verbs)
    out: list[tuple[int, int]] = []
    known: list[Word] = []
    for start, end in sentences:
        signs = name_signs(view, start, end, coverage, titles, title_starts, rules)
        stretches = [_clause_around(view, start, end, a, b) for a, b in signs]
        spoken = False  # a reporting verb came before in this sentence
        for match in lex.verb_prefix_anywhere.finditer(view, start, end):
            quoted = view[match.end() : match.end() + 1] in "“「『"
            if lex.verbs.get(match.group(), "") in lex.quote_only and not quoted:
                continue  # (又被称为帕特农雕塑: a name for a thing, no speech to read)
            # The verb's clause (its subject and circumstances) and the first words after it.
            clause = _clause_start(view, start, match.start(), _titled_piece(lex.titled_pieces))
            words = _lexicon_words(view, clause, match.start(), coverage, rules)
            subjectless = words is not None and not any(w.tag == "r" for w in words)
            # (…以“…”为题，刊发评论指出: a clause opening with the act of speech has no subject)
            subjectless = subjectless or view.startswith(acts, clause)
            if subjectless and not spoken and not coverage.any_between(clause, match.start()):
                # No subject of its own and no statement before it (…深表关切，并表示): the
                # subject comes from an earlier clause, which the tagger reads too. After a
                # statement (X说，…，并呼吁) the clause continues that statement's speaker.
                clause, words = start, None
            spoken = True
            if not _WORD_CHAR.match(view, match.end()):
                # 表示，… / 说：“… / …X说。: punctuation, not words, follows the verb; when the
                # lexicon knows every word the catalog does not, the tagger has nothing to add.
                if words is not None:
                    known.extend(words)
                else:
                    stretches.append((clause, match.end()))
                continue
            # A verb run straight into words (强调西方…, 告诉半岛电视台，…): its content's
            # first clause tells a statement from a noun phrase, and may name an addressee.
            stretches.append((clause, min(end, match.end() + _AFTER_VERB)))
        for match in _issuing(lex.issuing_verbs, lex.issued_documents).finditer(view, start, end):
            # 七国集团周六发布了联合公报: who issued a document that a later 公报称 speaks by
            before = _CLAUSE_MARK.search(view[start : match.start()][::-1])
            stretches.append((match.start() - before.start() if before else start, match.end()))
        stretches.sort()
        for stretch in stretches:
            if out and out[-1][1] >= stretch[0] and out[-1][0] >= start:
                out[-1] = (out[-1][0], max(out[-1][1], stretch[1]))
            else:
                out.append(stretch)
    starts = [s for s, _ in out]
    words = [w for w in dict.fromkeys(known) if not _inside(starts, out, w.start)]
    return Focus(out, words)


def _clause_start(view: str, start: int, pos: int, titled: re.Pattern[str] | None = None) -> int:
    """Where the clause before ``pos`` starts (not before ``start``): after the last clause
    mark, reading a quoted term (美国空军CV-22“鱼鹰”运输机) or a piece's quoted title (发表“…”一文)
    as part of its clause."""
    text = _QUOTED_TERM.sub(lambda term: "x" * len(term.group()), view[start:pos])
    if titled is not None:
        text = titled.sub(lambda term: "x" * len(term.group()), text)
    mark = _CLAUSE_MARK.search(text[::-1])
    return pos - mark.start() if mark else start


@lru_cache(maxsize=4)
def _titled_piece(pieces: tuple[str, ...]) -> re.Pattern[str] | None:
    """A quoted title of up to 40 characters right before a word for the piece (“…”一文)."""
    if not pieces:
        return None
    after = "|".join(map(re.escape, pieces))
    return re.compile(f"[“「『][^“「『”」』，,。；;：:！？!?]{{1,40}}[”」』](?={after})")


@lru_cache(maxsize=4)
def _issuing(verbs: tuple[str, ...], documents: tuple[str, ...]) -> re.Pattern[str]:
    """An issuing verb, then within its clause the document it issued (发表了一份声明)."""
    return re.compile(f"(?:{'|'.join(map(re.escape, verbs))})[^，,。；;！？!?\n]{{0,40}}?"
                      f"(?:{'|'.join(map(re.escape, documents))})")


def _inside(starts: list[int], spans: list[tuple[int, int]], pos: int) -> bool:
    index = bisect_right(starts, pos) - 1
    return index >= 0 and pos < spans[index][1]


def _lexicon_words(view: str, start: int, end: int, coverage: Coverage,
                   rules: Rules) -> list[Word] | None:
    """``view[start:end]``'s words outside catalog tokens, if the lexicon knows them all."""
    words: list[Word] = []
    pos = start
    known = rules.known_words
    while pos < end:
        if coverage.covers(pos):
            pos = coverage.end_of(pos)
            continue
        if view[pos] in " \t":
            pos += 1
            continue
        match = known.match(view, pos, end)
        if match is None:
            return None
        tag = rules.known_tag(match)
        words.append(Word(pos, match.end(), tag))
        pos = match.end()
    return words


def _clause_around(view: str, start: int, end: int, a: int, b: int) -> tuple[int, int]:
    """The clause holding ``view[a:b]`` (within the sentence), so that a name is tagged
    with its context and never cut."""
    before = _CLAUSE_MARK.search(view[max(start, a - _AROUND_NAME) : a][::-1])
    after = _CLAUSE_MARK.search(view, b, min(end, b + _AROUND_NAME))
    first = a - before.start() if before else max(start, a - _AROUND_NAME)
    last = after.start() if after else min(end, b + _AROUND_NAME)
    # (no mark within reach: a few characters more, so that no word at the edge is cut,
    # 艺术家柴广 | 义的: the name of the next sign)
    for _ in range(_EDGE if not after else 0):
        if last >= end or not _CJK.match(view, last):
            break
        last += 1
    for _ in range(_EDGE if not before else 0):
        if first <= start or not _CJK.match(view, first - 1):
            break
        first -= 1
    return first, last


def _may_be_name(view: str, pos: int, coverage: Coverage, rules: Rules) -> bool:
    # (a surname that starts no name elsewhere, 周 of 周一, starts one after a title: 行长周小川)
    surname = view[pos] in rules.lexicon.titled_surnames and not _NOT_A_SURNAME.match(view, pos)
    return (
        bool(_CJK.match(view, pos))
        and (view[pos] not in rules.not_name_starts or surname)
        and not coverage.covers(pos)
    )


def name_signs(view: str, start: int, end: int, coverage: Coverage, titles: Sequence[Token],
               title_starts: list[int], rules: Rules) -> Iterator[tuple[int, int]]:
    """Where ``view[start:end]`` shows a sign of a name the catalog does not know."""
    for match in _LATIN_IN_BRACKETS.finditer(view, start, end):
        if match.start() > start and not coverage.covers(match.start() - 1):
            # 托马斯·凯勒（Tomas Keller）, unless a catalog name is before; a quoted name
            # (组织「白盔」（White Helmets）) with the words before its quote.
            quoted = _QUOTED_BEFORE.search(view, max(start, match.start() - 26), match.start())
            yield (quoted.start() if quoted else match.start()), match.end()
    verb = rules.lexicon.verb_prefix
    for match in rules.transliterated.finditer(view, start, end):
        if not coverage.covers(match.start()):
            yield match.span()  # 格什科维奇
    for match in rules.name_cues.finditer(view, start, end):
        # A person word before text no catalog form explains: 律师吴绍贵, 编辑：张芷瑄.
        after = match.end()
        if view[after : after + 1] in ("：", ":", "／", "/"):
            after += 1
        if after < end and _may_be_name(view, after, coverage, rules) and not verb.match(view, after):
            yield match.start(), after + 1
            continue
        place_end = coverage.end_of(after) if after < end and coverage.covers(after) else -1
        if coverage.place_ends.get(place_end) == after and place_end < end and (
                _may_be_name(view, place_end, coverage, rules) and not verb.match(view, place_end)):
            yield match.start(), place_end + 1  # 选手加纳 | 虹辉: a name opening with a place's
    for match in _AGE_BEFORE.finditer(view, start, end):
        if match.end() < end and _may_be_name(view, match.end(), coverage, rules):
            yield match.start(), match.end() + 1  # 92岁的 | 林武云
    for match in rules.listed_names.finditer(view, start, end):
        if not coverage.covers(match.start()):
            yield match.span()  # 谢阳、王全璋、常玮平和周世锋
    for match in _SOURCE_ONLY.finditer(view, start, end):
        # 据新浪财经，…: a bare source before a comma, a body no catalog may list
        if _may_be_name(view, match.start(1), coverage, rules) and not rules.known_words.fullmatch(match[1]):
            yield match.span(1)
    for match in rules.organization_cues.finditer(view, start, end):
        before = match.start() - 2
        # 政府 alone after two unknown characters is mostly a description (盟国政府); only a
        # place's own (高雄市政府) is a sign, below.
        governs = match.group() in rules.names.government_words
        if before >= start and not governs and not coverage.covers(match.start()) and all(
            _may_be_name(view, i, coverage, rules) for i in (before, before + 1)
        ):
            yield before, match.end()  # 黑松公司, 中信法律事务所: an organization no catalog lists
        elif governs and match.start() in coverage.governed_ends:
            yield coverage.governed_ends[match.start()], match.end()  # 墨西哥政府: a place's government
        elif match.start() in coverage.place_ends and view[match.start() - 1] in rules.names.city_suffixes:
            yield coverage.place_ends[match.start()], match.end()  # 高雄市警察局: a city's body
        elif len(match.group()) >= 3 and match.start() in coverage.entity_ends:
            yield coverage.entity_ends[match.start()], match.end()  # 欧盟统计局: a body's own office
        elif match.start() - 2 in coverage.entity_ends and all(
            _may_be_name(view, i, coverage, rules) for i in (match.start() - 2, match.start() - 1)
        ):
            # 北京市经济和信息化局, 德国联邦总统府: a catalog name, a few words, then the suffix
            yield coverage.entity_ends[match.start() - 2], match.end()
    for a, b in coverage.organizations:
        if start <= a and b <= end and (
            view[b : b + 1] in _LIST_MARKS and _may_be_name(view, b + 1, coverage, rules)
            or view[a - 1 : a] in _LIST_MARKS and a - 2 >= start
            and _may_be_name(view, a - 2, coverage, rules)
        ):
            yield a, b  # 包括苹果、三星、华为和高通: the catalog's company among others it may not know
    for match in _REGION_END.finditer(view, start, end):
        if match.start() - 2 >= start and not coverage.covers(match.start()) and all(
            _may_be_name(view, i, coverage, rules) for i in (match.start() - 2, match.start() - 1)
        ):
            yield match.start() - 2, match.end()  # 旁遮普省, 信德省: a region no catalog lists
    for match in rules.unnamed_people.finditer(view, start, end):
        yield match.span()  # 一名妇女从…逃出: a person a later 她 may stand for, not a name
    for match in rules.honorifics.finditer(view, start, end):
        if match.start() > start and _may_be_name(view, match.start() - 1, coverage, rules):
            yield match.span()  # 林先生, 记者施婉清摄
    first = bisect_right(title_starts, start - 1)
    for title in titles[first:]:
        if title.start >= end:
            break
        # A title before text the catalog does not explain (发言人汪文斌), unless a verb or a
        # function word follows it (发言人表示, 总统在).
        after = title.end
        if after < end and _may_be_name(view, after, coverage, rules) and not verb.match(view, after):
            yield title.start, after + 1


__all__ = ["Focus", "focus", "name_signs"]
