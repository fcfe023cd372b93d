"""Find statements — quotes and reported speech — and who made them.

Every reporting verb (``kb/data/lexicon.yaml``) that is used as a verb starts a candidate.
Its speaker comes from the first of these shapes that fits, each a small method below:

* ``_sourced``: 据X报道，Q / 根据X消息，Q — X speaks;
* ``_own_subject``: the clause's own subject phrase, with circumstances between it and the
  verb (``kb.extract.clauses``); X援引Y称 gives the verb to Y;
* ``_carried``: a clause without a subject (…，并强调 / 发表声明，呼吁 / 对记者说) continues
  the subject of the clause before it in the sentence.

Content runs from the verb to the end of its sentence, or is the quotation right after it;
a verb with nothing after it takes the quotation right before its subject (“Q，”X说). Quotes
and quote paragraphs that follow a statement with no verb of their own continue it, as do
split quotes (“A，”X说，“B”). Body colons (X：“Q”) count, with the colon as the verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kb.catalog import ORGANIZATION, PERSON, PLACE
from kb.extract import interviews
from kb.extract.clauses import ClauseParser, SubjectParse, Unit, Units
from kb.extract.entities import ENTITY, Token
from kb.extract.roles import TitleHolders, article_roles
from kb.extract.rules import Rules
from kb.extract.speakers import Speakers, Subject
from kb.extract.tagger import Word
from kb.extract.text import (
    CLAUSE_PUNCT,
    CLOSERS,
    CLOSING_QUOTES,
    OPENERS,
    SENTENCE_END,
    TextIndex,
    made_of,
    uses,
)

# A run of Chinese characters (a name pressed right after 施压).
_HAN_RUN = re.compile(r"[\u4e00-\u9fff·]+")
# What ends a clause: a verb beyond one of these speaks in another clause.
_CLAUSE_ENDS = tuple(CLAUSE_PUNCT + SENTENCE_END + "\n")

__all__ = ["Found", "StatementFinder", "Subject"]

_VERB_LIKE = frozenset({"v", "vd", "vn"})
# The people a poll counts after the verb they answered with (…的民众占58%, 贊成者占61%).
_POLLED = re.compile(r"[^，。；\n]{0,30}?(?:的|者)[^，。；\n]{0,4}占")
# 的 and a word of two or three characters right before a noun that is also a verb (发布的警情 |
# 通报称): the noun's sort, so the noun names a document.
_SORT_AFTER_DE = re.compile("的[\u4e00-\u9fff]{2,3}$")


@dataclass
class Found:
    """A statement in view coordinates."""

    verb_start: int
    verb_end: int
    verb: str
    content_start: int
    content_end: int
    subject: Subject
    punctuated: bool
    direct: bool = False


_NOUN_TAGS = frozenset({"n", "nz", "nw", "PER", "LOC", "ORG", ENTITY})
# What a clause's own subject opens with: a noun or name, a place or direction word, a pronoun.
_TOPIC_SUBJECT_TAGS = _NOUN_TAGS | {"f", "s", "r", "TIME"}
# 在X看来，…: X's view, at a clause's start.
_IN_THE_VIEW_OF = re.compile(
    r"(?:^|(?<=[。！？!?；;\n，,“「]))在(?P<who>[^，,。；;“”「」\n]{1,40}?)看来[，,]"
)


@dataclass(frozen=True)
class Verb:
    start: int
    end: int
    form: str
    weak: bool  # 称 with no punctuation after it: a verb only right after its subject
    # 建议 with no punctuation after it, opening a clause: only a statement's continuation
    # (他指出…，建议…)
    continuing: bool = False
    needs_adjacent: bool = False  # a bare stance verb: only right after its subject


# A name, then a verb or a few words and 的 (伊朗支持的, 美国的): it modifies a later head.
_MODIFIES_LATER_HEAD = re.compile(r"[^\W\d_]{0,3}的")
# How a quotation that is a sentence ends (an ellipsis …… is ... in the view).
_QUOTE_ENDS = "。！？!?…."
# The most paragraphs one quotation over paragraphs may run (a newspaper's long passage).
_RUN_ON_PARAGRAPHS = 16
# Marks that open a long quotation (not ‘’ or straight quotes, which quote terms and titles).
_LONG_OPENERS = "“「『"

# An age before what a person is (18岁少女, 6岁的): no part of who they are.
# (目前就读于…学院（…）的留学生 | 徐荣荣: a relative clause and what the person is, before the name)
_DESCRIBED = re.compile(r"[^，,。；;：:“”「」\n]{2,60}的[\u4e00-\u9fff]{0,6}")
_AGE_FIRST = re.compile(r"^\d{1,3}[岁歲]的?")

# The speaker's own first person in a readout (我), outside quotations; not a plural 我们 or 我国,
# 我军, which writers use too, nor 自我 (self).
_FIRST_PERSON = re.compile(r"(?<![自本])我(?![们們国國军軍省市区區县縣校台党黨方])")
_FIRST_PERSON_PLURAL = re.compile(r"(?<![自本])我(?![国國军軍省市区區县縣校台党黨方])")
_A_WORD = re.compile(r"\w")
_SENTENCE_END_MARK = re.compile("[。！？!?]")
# A quotation mark opening a short name that runs to the verb's end (“中英联合声明)
_ENDS_QUOTED_NAME = re.compile("[“「『\"][^“”「」『』\"，,。；;：:！？!?]{1,12}$")
# 被 and a short agent right before the verb (被外界认为, 被美方指控): the subject is spoken of
_PASSIVE_AGENT = re.compile(r"被[^，,。；;：:“”「」\s被]{1,4}$")
_QUOTED = re.compile(r"[“「『][^”」』]*[”」』]")



# A quotation closing on a sentence's end (。” then more text): the words after it begin anew
# (unless they go on with 并, 还, 又, 也: …。」並做出警告).
_CLOSED_QUOTE = r"[。！？!?][”」』](?=[^，,。；;：:”」』\s])(?!{})"

# An interview's question and answer marks at a paragraph's start (问：…, 答：…).



# A time and nothing else (2021年5月, 去年底): no clause of its own.
_TIME_CHARS = "一二三四五六七八九十百千万年月日号上中下旬初底前后今明昨去本周星期第季度 "
_TIME_ONLY = re.compile("[" + r"\d０-９" + _TIME_CHARS + "]+")


class StatementFinder:
    def __init__(self, view: str, tokens: list[Token], rules: Rules, words: list[Word],
                 home: str | None = None) -> None:
        self.view = view
        self.rules = rules
        self.lex = rules.lexicon
        self.index = TextIndex(view, tuple(rules.lexicon.attending_verbs), rules.lexicon.title_frames,
                               rules.lexicon.titled_pieces)
        self.tokens = [t for t in tokens]
        # nouns the tagger splits (知情 | 人士, 判 | 词, 报 | 导指): one noun unit each
        # (共同 | 宣言: a document's name of two words, 共同 read as an adverb)
        nouns = frozenset((*(h for h in self.lex.anonymous_heads if len(h) >= 3), *self.lex.judgment_words,
                           *self.lex.noun_verbs, *(d for d in self.lex.descriptions if len(d) >= 4)))
        self.units = Units(view, tokens, words, nouns, frozenset(self.lex.channels),
                           pronouns=frozenset(self.lex.pronouns_personal),
                           prepositions=frozenset(p for p in self.lex.prepositions if len(p) == 1),
                           sides=frozenset(w for w in (*self.lex.anonymous_heads, *self.lex.service_words,
                                                       *self.lex.sides_words) if w.endswith("方")),
                           adverbs=frozenset(w for w in self.lex.fillers if len(w) == 2),
                           surnames=rules.names.surnames, relays=tuple(self.lex.relay_verbs))
        places = frozenset(t.key for t in tokens
                           if t.type == ENTITY and t.key and rules.kind_of(t.key) == PLACE)
        self.parser = ClauseParser(self.lex, places, frozenset(rules.names.organization_descriptors),
                                   frozenset(rules.names.titles_after_name))
        self.roles = article_roles(tokens, view, rules.kind_of)
        people = {t.key for t in tokens if t.type == ENTITY and t.key and rules.kind_of(t.key) == PERSON}
        holders = TitleHolders(self.roles, people, rules.matcher)
        self.speakers = Speakers(view, self.index, tokens, rules, holders, self.units, self.parser, home)
        self._relaying = False  # whether the last statement found relays another source (引述)
        self._sentence_before: Subject | None = None  # the speaker of the sentence just before
        self._channels: list[tuple[int, int]] | None = None  # channel phrases, found when first asked
        self._fillers = sorted(self.lex.fillers, key=len, reverse=True)  # longest first
        self._evidence = tuple(self.lex.evidence)  # 显示, 表明: after a verb, it was a noun
        self._light = (*self.lex.light_verbs, *(v + "了" for v in self.lex.light_verbs))  # 进行(了)
        words = "|".join(map(re.escape, sorted(self.lex.turn_words, key=len, reverse=True)))
        self._turn = re.compile(f"[，,；;](?:{words})")  # a clause that turns against the one before
        withheld = "|".join(map(re.escape, sorted(self.lex.withheld_detail_verbs, key=len, reverse=True)))
        # (…，但未详细说明, …，但他并未提供进一步详细说明: the reporter's remark, not the speaker's)
        self._withheld = re.compile(f"[，,](?:但|不过|而)?(?:他|她|其|该[\u4e00-\u9fff]{{1,3}})?"
                                    f"(?:并|也)?(?:未|没有|没|并未|拒绝)(?:进一步|详细|具体)?(?:{withheld})")
        continuers = "|".join(map(re.escape, self.lex.quote_continuers))
        self._closed_quote = re.compile(_CLOSED_QUOTE.format(continuers))
        self.token_at = {t.start: t for t in tokens}
        # 据该报道，: a source named by its description only
        described = sorted((d for d in self.lex.media_descriptions if d.startswith("该")),
                           key=len, reverse=True)
        self._report_source = re.compile("据(" + "|".join(map(re.escape, described)) + ")[，,]")

    # -- verbs ----------------------------------------------------------------------------------

    def verbs(self) -> list[Verb]:
        view, lex = self.view, self.lex
        found = []
        i, n = 0, len(view)
        while (first := lex.verb_first_chars.search(view, i)) is not None:
            i = first.start()
            for length in lex.verb_lengths[view[i]]:
                form = view[i : i + length]
                base = lex.verbs.get(form)
                if base is None:
                    continue
                start = self._split_compound(i, form, base)
                if start > i:  # 发表声明 | 称: the noun stays a noun; the verb is the suffix (or 指出)
                    match = lex.verb_prefix.match(view, start)
                    if match is None:
                        break
                    i, form = start, match.group()
                    base = lex.verbs[form]
                length = self._extended(i, form, base)
                form = view[i : i + length]
                verb = self._verb(i, i + length, form, base)
                if verb is not None:
                    found.append(verb)
                    i += length - 1
                break
            i += 1
            if i >= n:
                break
        return found

    def _split_compound(self, start: int, form: str, base: str) -> int:
        """Where the verb starts in a noun-and-suffix form (声明称, 报导指): after 发表,
        的, 该 … or at a clause's start the noun names a document, a channel or a speaker
        (美国商务部发表声明称, 报导指，…), and only the suffix is the verb."""
        view, lex = self.view, self.lex
        if form == base or base not in lex.noun_verbs:
            return start
        before = view[max(0, start - 2) : start]
        opening = start == 0 or before[-1:] in "，,。；;：:\n“「"
        if opening or before.endswith(lex.noun_markers) or before.endswith(lex.document_markers):
            return start + len(base)
        if base not in lex.media_verbs and _SORT_AFTER_DE.search(view, max(0, start - 4), start):
            return start + len(base)  # 发布的警情 | 通报 | 称: a document of a sort, after 的
        window = view[max(0, start - 8) : start]
        issued = max((window.rfind(v) + len(v) for v in lex.issuing_verbs if v in window), default=-1)
        between = window[issued:] if issued >= 0 else ""
        if issued >= 0 and len(between) <= 5 and (not between or _HAN_RUN.fullmatch(between)) and not (
            lex.verb_prefix.search(window, issued)
        ):
            return start + len(base)  # 汇总验证 | 报告 | 称: what a body compiled or issued, a document
        return start

    def _extended(self, start: int, form: str, base: str) -> int:
        """A suffix that begins a longer verb takes it whole: 回应指 + 出 → 回应指出."""
        view, lex = self.view, self.lex
        if form == base:
            return len(form)
        suffix_at = start + len(base)
        match = lex.verb_prefix.match(view, suffix_at)
        if match is not None and match.end() > start + len(form):
            return match.end() - start
        return len(form)

    def _verb(self, start: int, end: int, form: str, base: str) -> Verb | None:
        """The verb at ``view[start:end]``, unless this use of it is no speech verb."""
        view, lex = self.view, self.lex
        after = view[end : end + 1]
        if view.startswith(lex.blocked.get(base, ()), end) and not (
                view.startswith(lex.unblocked.get(base, ()), end)):
            return None
        if len(form) >= 2 and view.startswith(lex.agent_endings, end):
            return None  # 分析 | 人士表示: who does it, a noun that speaks by the verb after it
        if len(form) >= 2 and view.startswith(self._evidence, end):
            return None  # 信息披露 | 显示: a disclosure, the noun of what shows it
        introduced = view[end : end + 2].lstrip(" ")[:1] in ("：", ":", *OPENERS)
        if view.endswith(self._light, 0, start) and not introduced:
            return None  # 进行评估，…: an act carried out, no words (进行了嘲讽：“…” says them)
        suffix = next((s for s in lex.verb_suffixes if form.endswith(s) and form != s), "")
        if suffix and view.startswith(lex.blocked.get(suffix, ()), end):
            return None  # 发文 | 称之为“…”: the suffix begins a word of naming, no verb of saying
        if view.endswith(lex.blocked_before.get(form, ()), 0, start):
            return None  # 简称, （亦称: what a thing is called
        if base in lex.relay_only_verbs and not self.rules.relayed_words.match(view, end):
            return None  # 引用逾20年报税资料的报导: a citation; 引用X的话说 relays speech
        if self._inside_channel(start):
            return None  # 发表演 | 说指: the verb's first character ends a channel's word
        if base in lex.document_verbs and self._document_speaks(start, end):
            return None  # 建议再次要求: the proposal, which speaks by the verb after it
        if _ENDS_QUOTED_NAME.search(view, max(0, start - 12), end) and view[end : end + 1] in "“”「」『』\"":
            return None  # 违反“中英联合声明“: the end of a quoted name, no verb
        if view.endswith(lex.gloss_openers, 0, start):
            return None  # 「二选一」（即要求商家…）: what a term means, in brackets
        if self._naming_gloss(start, end):
            return None  # 尖阁诸岛（中国称 | 钓鱼岛）: what another side calls a thing, in brackets
        # (他的回答：“…”: one's answer, then its words in quotes, is their statement)
        answer = base in lex.answering_verbs and view.endswith("的", 0, start) and after in "：:" and (
            view[end + 1 : end + 2] in OPENERS)
        if view.endswith((*lex.noun_markers, *lex.parallel_markers, *lex.negators), 0, start) and not (
            self._sourced_noun(start, end, base) or answer
        ):
            return None  # (俄罗斯的要求, 一边声称, 没有回应: a noun, a doing told of, a denial)
        ended = view.startswith(lex.verb_enders, end) and not view.startswith(lex.not_verb_enders, end)
        if ended or f"{form}{after}" in lex.verb_events:
            return None  # 致词 | 时表示, 引述 | 的消息人士, (法人)说明 | 会: a time, an attribute, an event
        passive = _PASSIVE_AGENT.search(view, max(0, start - 6), start) is not None
        if passive or view.endswith(lex.passive_markers, 0, start):
            return None  # 因被指控…, 被外界认为: accused, thought of, by someone unnamed or not
        if self._channel_before_verb(start, form):
            return None  # 写信给 | 安理会表示: the letter is how the later verb speaks
        word = self.units.tag_at(start)
        if word is not None and word.start == start and word.end > end and word.tag not in _VERB_LIKE and (
            word.tag not in ("PER", "ORG", "LOC")
        ):
            return None  # the start of a longer word that is no verb (表态 as a noun, 指挥)
        if word is not None and (word.start, word.end, word.tag) == (start, end, "n") and start > 0 and (
            (modifier := self.units.tag_at(start - 1)) is not None and modifier.tag in ("n", "vn")
        ) and not (after and after in "，,：:" and view[modifier.start : modifier.end] in lex.issued_documents
                   and (modifier.start == 0 or view[modifier.start - 1] in "\n。，,；;：:该")
                   ) and not self._closes_source(start, base, after):
            # (意见 | 要求，…: a document alone, then what it asks, a verb before its comma; not
            # 联合调查 | 提议)
            return None  # (接受韩方的)联合调查提议: the head of a noun phrase, no verb
        if word is not None and word.start == start and word.tag == "vn" and start > 0:
            modifier = self.units.tag_at(start - 1)
            marker = self.units.tag_at(modifier.start - 1) if modifier and modifier.start > 0 else None
            if modifier is not None and modifier.tag == "a" and marker is not None and (
                view[marker.start : marker.end] == "的"
            ):
                return None  # …的传统解释(几乎没有证据): a noun its modifiers qualify, no verb
        # (“Q，”彼得回忆说。: a verb that ends its sentence attributes the quotation before it)
        if base in lex.comma_only and after not in "，,：:" and not self._whole_quotation(end):
            return None  # 提出「…」的政策: what is put forward
        if base in lex.quote_only and after not in OPENERS:
            return None  # 称之为新冷战: a name for it, no words of anyone's
        second = lex.verb_prefix.match(view, end)
        spaced = view[end : end + 3].lstrip(" ")[:1]  # (Julia Faure 总结道 ：: a space before the mark)
        bare = after not in "，,：:。" + OPENERS and spaced not in "，,：:" + OPENERS and not (
            second is not None and second.group() in lex.saying_verbs
            and view[second.end() : second.end() + 1] in "，,：:"
        )  # (补充 | 表示，…: the saying verb after it says how; the content follows both)
        only_punctuated = base in lex.punctuation_only or form in lex.punctuation_only
        if only_punctuated and bare and base not in lex.adjacent_verbs:
            if base in lex.continuing and self._opens_clause(start):
                return Verb(start, end, form, weak=True, continuing=True)
            if base in lex.clause_opening_verbs and self._opens_clause(start):
                return Verb(start, end, form, weak=True)  # …出示租约，指X是Y: the clause before speaks
            pronoun = base in lex.pronoun_verbs and view.startswith(lex.pronouns_personal, end)
            if base not in lex.bare_stance and not pronoun:
                return None  # (指他当时…: a verb of saying run into a pronoun opens what was said)
            # 她承认曾误导银行, 他要求双方停火: right after its subject and before a clause
            # (checked with the subject and the content), a stance verb speaks without punctuation.
            return Verb(start, end, form, weak=True, needs_adjacent=True)
        return Verb(start, end, form, weak=bare and only_punctuated)

    def _whole_quotation(self, pos: int) -> bool:
        """Whether a quotation opens at ``pos`` and ends its clause (提出“…”。): the words put
        forward, quoted, not a name for a thing (提出「台湾自主」的政策)."""
        quoted = self.index.inside_quote(pos + 1) if self.view[pos : pos + 1] in OPENERS else None
        return quoted is not None and quoted[0] == pos and self.view[quoted[1] + 1 : quoted[1] + 2] in (
            "。", "；", ";", "，", ",", "\n", "")

    def _document_speaks(self, start: int, end: int) -> bool:
        """Whether the verb-and-document word at ``view[start:end]`` (建议) opens its clause as
        the document, its own verb after it: straight after adverbs (建议再次要求, 建议还强调)
        or after a topic (建议就疫苗指出, 建议针对德尔塔毒株，批判…)."""
        view, lex = self.view, self.lex
        opening = start == 0 or view[start - 1] in "，,。；;：:\n"
        if not opening and not view.endswith(lex.document_markers, 0, start):
            return False
        at = end
        while (filler := next((f for f in self._fillers if view.startswith(f, at)), None)) is not None:
            at += len(filler)
        if lex.verb_prefix.match(view, at):
            return True
        if not view.startswith(lex.topic_markers, at):
            return False
        stop = next((i for i in range(at, min(len(view), at + 60)) if view[i] in "，,。；;\n"), at)
        if lex.verb_prefix_anywhere.search(view, at, stop):
            return True
        return view[stop : stop + 1] in ("，", ",") and lex.verb_prefix.match(view, stop + 1) is not None

    def _closes_source(self, start: int, base: str, after: str) -> bool:
        """Whether a source verb closes a 据 phrase before its comma (据央视新闻 | 报道，…), however
        the tagger read it after the source's name."""
        if base not in self.lex.source_verbs or not after or after not in "，,：:":
            return False
        clause = self.index.clause_start(start, self.index.sentence_bounds(start)[0])
        return self.view.startswith(self.lex.source_prefixes, clause) and not self.view.startswith(
            self.lex.unattributed, clause)

    def _sourced_noun(self, start: int, end: int, base: str) -> bool:
        """根据朝鲜中央通讯社的报道，…: a source's report after 的, in a clause that 据 opens and
        that ends right after it — the report is the source's statement."""
        view, lex = self.view, self.lex
        if not view.endswith("的", 0, start) or base not in lex.media_verbs and base not in lex.source_nouns:
            return False
        clause = self.index.clause_start(start, self.index.sentence_bounds(start)[0])
        if view.startswith(lex.unattributed, clause):
            return False  # (据报道: no source named)
        return view.startswith(lex.source_prefixes, clause) and view[end : end + 1] in ("，", ",")

    def _inside_channel(self, start: int) -> bool:
        """Whether ``start`` lies inside a channel phrase, past its first character."""
        if self._channels is None:
            pattern = "|".join(map(re.escape, sorted(self.lex.channels, key=len, reverse=True)))
            self._channels = [m.span() for m in re.finditer(pattern, self.view)] if pattern else []
        index = bisect_left(self._channels, (start, start)) - 1
        return index >= 0 and self._channels[index][0] < start < self._channels[index][1]

    def _channel_before_verb(self, start: int, form: str) -> bool:
        """Whether the verb at ``start`` begins a longer channel (写信给) or is one (写信) that
        another reporting verb follows in its clause (写信敦促): the channel is how a verb speaks."""
        view, lex = self.view, self.lex
        if not view.startswith(lex.channels, start):
            return False  # (most verbs: one call)
        channel = max((c for c in lex.channels if len(c) >= len(form) and view.startswith(c, start)),
                      key=len, default=None)
        if channel is None:
            return False
        if len(channel) > len(form):
            return True  # 写信给…: a letter to someone, whatever is said after it
        ends = (view.find(c, start) for c in _CLAUSE_ENDS)
        clause_end = min((i for i in ends if i >= 0), default=len(view))
        return lex.verb_prefix_anywhere.search(view, start + len(channel), clause_end) is not None

    def _opens_clause(self, start: int) -> bool:
        """Whether only clause punctuation and a continuation marker (又, 并) come before."""
        view = self.view
        marker = next((m for m in self.lex.continuation_markers if view.endswith(m, 0, start)), "")
        return view[start - len(marker) - 1 : start - len(marker)] in ("，", ",", "；", ";")

    # -- subjects -------------------------------------------------------------------------------

    def subject_for(self, verb: Verb, floor: int, previous: Subject | None) -> Subject | None:
        clause = self.index.clause_start(verb.start, floor)
        opening = clause
        while self.view[opening : opening + 1] in (" ", "而", "但"):
            opening += 1
        if self.view.startswith(self.lex.hypothetical, opening):
            return None  # 如果拜登政府认为…: a condition, not a statement
        if verb.start == opening and self.lex.verbs.get(verb.form, verb.form) in self.lex.expecting_verbs:
            before = self.index.clause_start(max(floor, clause - 1), floor)
            if clause > floor and self.view.startswith(self.lex.hypothetical, before):
                return None  # 如果一切正常，预计…: what is expected if so, no one's statement
        # (但据报道: after the conjunction as at the clause's start)
        unnamed = next((p for p in self.lex.unattributed if self.view.startswith(p, opening)), "")
        if unnamed and verb.start < opening + len(unnamed):
            return None  # 据报道，…: no source, said by no one of the sentence (see _unattributed)
        if unnamed and opening + len(unnamed) < verb.start:
            clause = opening + len(unnamed)  # 据称此后布林肯又说: no source, and a subject follows
        # (菅义伟向媒体介绍 | 他向特朗普表示: what a verb reports opens in its clause, the
        # reported speaker first)
        clause = max((start for start, end, _ in self.speakers.said if clause < start < verb.start < end
                      and _HAN_RUN.match(self.view, start - 1)  # (right after the verb, a pronoun first)
                      and self.view.startswith(self.lex.pronouns_personal, start)), default=clause)
        if self.lex.verbs.get(verb.form, verb.form) in self.lex.learning_verbs:
            return self._learned_from(verb, clause)
        within = next((w for w in self.lex.within_words if self.view.startswith(w, opening)), "")
        if within and opening + len(within) == verb.start:
            # 七国集团就对华关系作出表态，其中提到：…: "among which", what the clause before said
            return self._carried(verb, opening + len(within), floor, previous)
        for shape in (self._sourced, self._own_subject):
            subject = shape(verb, clause)
            if subject is not None:
                return subject if subject.key or subject.anonymous else None
        return self._carried(verb, clause, floor, previous)

    def _learned_from(self, verb: Verb, clause: int) -> Subject | None:
        """记者从国家统计局获悉，…: what a reporter learned from X is X's word; learned from no
        one named (记者获悉), it is no one's."""
        at = max(self.view.rfind(p, clause, verb.start) for p in self.lex.learned_from_markers)
        if at < 0:
            # (路透社仍获悉，…: an outlet that learned what it reports tells it, its source unnamed)
            own = self._own_subject(verb, clause)
            return own if own is not None and own.key and self.speakers.reports(own) else None
        units = self.units.between(at + 1, verb.start)
        while units and units[-1].text in self.lex.learned_from_endings:
            units = units[:-1]  # 从警方处 | 获悉: where it was learned, the one it was learned from
        parse = self.parser.parse(units)
        if not parse.phrase or parse.end != len(units):
            return None
        subject = self.speakers.resolve(parse)
        return subject if subject is not None and (subject.key or subject.anonymous) else None

    def _sourced(self, verb: Verb, clause: int) -> Subject | None:
        """据X报道 / 根据X消息: X is the source; only with a verb of sourcing."""
        view, lex = self.view, self.lex
        start = clause
        while view[start : start + 1] in (" ", "另"):
            start += 1
        prefix = next((p for p in lex.source_prefixes if view.startswith(p, start)), None)
        if prefix is None or view.startswith(lex.unattributed, start):
            return None  # (据称, 据悉: no source named; the clause may still have a subject)
        base = lex.verbs.get(verb.form, verb.form)
        if base not in lex.source_verbs and verb.form not in lex.source_verbs:
            return Subject(start, start, None, None)  # a clause of sourcing, but no speech verb
        units = self.units.between(start + len(prefix), verb.start)
        if units and units[-1].text == "的":
            units = units[:-1]  # 根据朝鲜中央通讯社的报道: whose report
        listed = next((k for k in range(1, len(units)) if units[k].text in lex.and_others), None)
        if listed is not None and any(u.tag == ENTITY for u in units[:listed]):
            units = units[:listed]  # 据《解放军报》等官方媒体报道: the one named, and others like it
        # (据美联社和路透社报道: the last name and those joined to it)
        parse = self.parser.parse(units, backwards=True)
        if parse.relayed is not None:
            # 据中央社引述金融时报称: the source relays another, whose words these are (the
            # relay is the source's own statement)
            relayed = self.speakers.resolve(SubjectParse(parse.units, *parse.relayed, parse.continuing))
            if relayed is not None and (relayed.key is not None or relayed.anonymous):
                return relayed
        subject = self.speakers.resolve(parse)
        place = subject is not None and subject.key is not None and self.speakers.kind(subject.key) == PLACE
        if place and base in lex.media_verbs and parse.end == len(parse.units):
            # 据以色列报道，…: the country's media, unnamed, not its government
            return Subject(subject.start, subject.end, None, None, anonymous=True, source=True)
        return replace(subject, source=True) if subject else Subject(start, start, None, None)

    def _own_subject(self, verb: Verb, clause: int) -> Subject | None:
        units = self.units.between(clause, verb.start)
        light = len(units) - (len(units) >= 2 and units[-1].text == "了")
        if light and units[light - 1].text in self.lex.light_verbs:
            # (…对互联网巨头进行了 | 嘲讽：“…”: the verb made a noun, done; see _verb)
            units = units[: light - 1]
        if len(units) >= 2 and units[-1].text == "的" and self.lex.verbs.get(verb.form, verb.form) in (
                self.lex.answering_verbs):
            units = units[:-1]  # 他的 | 回答：“…”: whose answer
        act = units[-1] if len(units) >= 2 else None
        if act is not None and act.tag == "v" and len(act.text) == 2 and act.end == verb.start and (
            verb.form in self.lex.saying_verbs and act.text not in self.lex.verbs
            and act.text not in self.lex.not_saying_acts and units[-2].tag in (ENTITY, "r")
            and not act.text.endswith(self.lex.channel_nouns)
        ):
            units = units[:-1]  # 布林肯 | 落泪 | 说, 缅怀 | 称: how the speaker said it
        if self.lex.verbs.get(verb.form, verb.form) in self.lex.quote_only:
            # 拜登 | 将这次撤离行动 | 称之为“…”: what is called so, before the verb, is no circumstance
            marked = [k for k, u in enumerate(units) if k and u.text in self.lex.object_markers]
            units = units[: marked[-1]] if marked else units
        parse = self.parser.parse(units, backwards=True)
        if parse.relayed is not None:
            start, end = parse.relayed
            relayed = SubjectParse(parse.units, start, end, parse.continuing)
            subject = self.speakers.resolve(relayed)
            if subject is None:
                return Subject(parse.units[start].start, parse.units[start].start, None, None)
            return self._unless_place_reports(verb, subject)
        if not parse.phrase:
            return None
        written = self.view[parse.phrase[0].start : parse.phrase[-1].end]
        if self.lex.verbs.get(verb.form, verb.form) in self.lex.evidence and written.endswith(
            self.lex.evidence_subjects
        ) and not any(u.tag == ENTITY for u in parse.phrase):
            # 这些文件还表明: what papers of no named body show, no one's statement
            return Subject(parse.phrase[0].start, parse.phrase[0].start, None, None)
        subject = self.speakers.resolve(parse)
        if subject is None:
            return Subject(parse.phrase[0].start, parse.phrase[0].start, None, None)
        if verb.weak and not verb.needs_adjacent and not self._adjacent(parse):
            return Subject(subject.start, subject.start, None, None)  # (a stance verb allows a frame)
        return self._unless_place_reports(verb, subject)

    def _unless_place_reports(self, verb: Verb, subject: Subject) -> Subject:
        """(援引)新德里报道称: a place's media, unnamed, report; not its government."""
        media = self.lex.verbs.get(verb.form, verb.form) in self.lex.media_verbs
        place = subject.key is not None and self.speakers.kind(subject.key) == PLACE
        if media and place and not subject.joint:
            return replace(subject, key=None, kind=None, anonymous=True)
        return subject

    def _adjacent(self, parse: SubjectParse) -> bool:
        """Whether nothing but adverbs stands between the subject and a weak verb, or a frame
        of time or place that closes itself (拜登在就任总统前 | 称将…, 他在会上 | 称…)."""
        gap = parse.units[parse.end :]
        adverb = [u.tag in ("d", "TIME", "t") or u.text in self.lex.fillers for u in gap]
        if all(adverb):
            return True
        if gap and "".join(u.text for u in gap).endswith(self.lex.channels):
            return True  # 他透过社工接受访问 | 称…: the channel of speech right before the verb
        opening = next((k for k, u in enumerate(gap) if not adverb[k]), len(gap))
        closing = max((k for k, u in enumerate(gap) if u.text in self.lex.frames), default=-1)
        return (opening < closing and gap[opening].text in ("在", "于") and all(adverb[closing + 1 :])
                and not any(u.text in self.lex.verbs or u.tag == "w" for u in gap[opening:closing]))

    def _carried(self, verb: Verb, clause: int, floor: int, previous: Subject | None) -> Subject | None:
        """A clause with no subject of its own continues the last subject before it in the
        sentence: X表示…，并呼吁 / X发表声明，呼吁 / 但对普京说."""
        if self.lex.verbs.get(verb.form, verb.form) in self.lex.evidence:
            return None  # …是一个迹象，表明…: what a fact shows
        if previous is not None and self._relaying and not previous.source:
            # 央视引述会议内容指，要求…: the one relayed asks, not the relay (据X引述，… is a source)
            return None
        closed = self._closed_quote.search(self.view, previous.end, clause) if previous is not None else None
        index = self.index
        if closed is not None and index.inside_quote(closed.start()) and not index.inside_quote(clause):
            # X说：“…。”2006年…，安理会通过决议，呼吁…: the quotation ended the sentence; what
            # follows it has subjects of its own
            previous, floor = None, closed.end()
        units = self.units.between(clause, verb.start)
        if previous is not None and not previous.source and units and units[-1].text in ("并", "并且"):
            # X否认…并说：: one subject, two verbs; unless a person became the subject in between
            # (马克宏称「…」，对此俄国官员表示谴责，并称…: the officials)
            closed = max(self.view.rfind(mark, previous.end, clause) for mark in CLOSING_QUOTES)
            between = self.speakers.person_subject(closed, clause) if closed > 0 else None
            if between is None and self.speakers.kind(previous.key) == ORGANIZATION:
                # 中国外交部发布声明指出，王毅…会见了库列巴，并强调…: a body's words telling of
                # what a person did, and then said (not 阿尼斯指出，吉伯朗…，并说: one person's)
                between = self.speakers.person_subject(previous.end, clause)
                # (“强烈谴责”周庭的弃保行为: a person's name after a quotation, possessed, no subject)
                opened = between is not None and self.view[between.start - 1 : between.start] in "，,：:"
                possessed = between is not None and self.view.startswith("的", between.end)
                named = opened and between.key is not None and not possessed
                between = between if named else None
            return replace(between or previous, carried=True)
        markers = all(u.text in self.lex.continuation_markers for u in units)  # (并称)
        directive = not units and self.lex.verbs.get(verb.form, verb.form) in self.lex.directive_verbs
        if clause <= floor and markers and (not verb.weak or directive or units):
            # (of the weak verbs, a directive, or one after 又/还 (…；又建议…), where it opens the
            # sentence: 要求中国敦促俄罗斯撤军;
            # 认为…的占49%, 回答…的民众 are the people polled, 建议刚出台 a proposal)
            # X表示，…。还强调…: a sentence that opens with a verb (after 还, 并) has no subject
            # of its own; it goes on with the speaker of the sentence before (zero anaphora), or
            # with the body or person that sentence opened with (G7首脑发表声明，…。提出…).
            before = self._sentence_before or self._opening_subject_before(floor)
            if before is not None:
                return replace(before, carried=True, source=False)
        if clause <= floor or (verb.weak and units and not markers and not verb.continuing):
            return None  # a weak verb (称) continues a subject only when it opens its clause
        parse = self.parser.parse(units)
        if parse.phrase:
            return None
        together = self.parser.together(units)
        if not (parse.addressee or self.parser.gap_ok(units[parse.start :])):
            return None
        alone = previous is None or previous.source
        if verb.continuing and alone and not self._after_channel(clause, floor):
            return None  # 建议… goes on a statement or a channel (宣读声明，形容…) of this sentence
        if previous is not None and not previous.source:
            # Everything after the last statement's verb in this sentence is its content, so a
            # clause there without a subject is that speaker's: X表示…，并呼吁… / …，认为…;
            # unless a person becomes the subject in between (X表示，女儿…，也表示…).
            # (报导指，中国英国商会…提出…建议，称…: in a newspaper's report, a body too)
            reported = self.speakers.reports(previous)
            between = self.speakers.person_subject(previous.end, clause, bodies=reported)
            if between is not None:
                return replace(between, carried=True)
            if self._document_subject(previous.end, clause):
                return None  # X认为，尽管该份文件并未点名，但间接提到…: the document mentions, no one speaks
            # (A source's report, 据X报道，…, tells of others who may speak in it.)
            return replace(previous, carried=True, source=False)
        position = clause - 1
        while position > floor:
            prior = self.index.clause_start(position, floor)
            prior_units = self.units.between(prior, position)
            backwards = self.parser.parse(prior_units, backwards=True)
            if backwards.relayed is not None:
                # 路透社引述教授李雷夫说法，指…: the one whose view the clause before relays
                start, end = backwards.relayed
                phrase = SubjectParse(backwards.units, start, end, backwards.continuing)
                relayed = self.speakers.resolve(phrase)
                if relayed is not None and (relayed.key or relayed.anonymous):
                    return replace(relayed, carried=True)
            if any(u.text in self.lex.receiving_verbs for u in prior_units) and prior_units and (
                    prior_units[-1].text.endswith(self.lex.criticism_nouns)):
                # 波音面临广泛的指责，批评其…: the criticism received speaks, its authors unnamed
                return Subject(prior, position, None, None, anonymous=True, carried=True)
            if self.view.startswith(self.lex.topic_frames, prior):
                # 朱立伦…，针对提名问题，强调…: a clause framing the topic holds no subject; the
                # one before it may (对于…的中国，则敦促其…: not 中国)
                position = prior - 1
                continue
            issued = self._issued_in(prior_units, position)
            if issued is not None:
                return replace(issued, carried=True)  # X发表了一篇有关Y的报道，认为…: X's piece
            prior_parse = self.parser.parse(prior_units)
            opening = self.parser.parse_opening(prior_units)
            relative = prior_parse.start > 0 and prior_units[prior_parse.start - 1].text == "的"
            if opening.phrase and opening.end <= prior_parse.start and relative and not together:
                # 澳洲警方…逮捕…的男子杨怡生，指控他…: the clause's own subject, not the head of
                # a relative clause that is its object
                # (印度泰伦加纳省新上任的省长芮迪: a place opening it is where the head is from)
                subject = self.speakers.resolve(opening)
                if subject is not None and subject.key and self.speakers.kind(subject.key) != PLACE:
                    return replace(subject, carried=True)
            titled = self.parser.parse(prior_units, backwards=True) if not prior_parse.phrase else prior_parse
            if not prior_parse.phrase and titled.phrase and titled.start > 0 and (
                prior_units[titled.end - 1].tag == ENTITY and prior_units[titled.start].tag != ENTITY
                and all(u.tag in ("TIME", "t", "w") or u.tag == ENTITY and u.text.isascii()
                        for u in prior_units[titled.end :])
            ):
                # 美国众议院监督和问责委员会主席科默(James Comer)21日，就…指出: the titled name
                # the clause ends in, with only its gloss and a time after it
                prior_parse = titled
            if (not prior_parse.phrase or together) and prior_units:
                end = self.parser.noun_phrase_end(prior_units, prior_parse.start, together)
                prior_parse = SubjectParse(prior_units, prior_parse.start, end, False, together=together)
            subject = self.speakers.resolve(prior_parse) if prior_parse.phrase else None
            written = self.view[subject.start : subject.end] if subject is not None else ""
            if written in self.lex.bare_government_words:
                subject = None  # (…以及政府立法优次，强调…: a government in a clause before is no speaker)
            if subject is not None and _MODIFIES_LATER_HEAD.match(self.view, subject.end):
                return None  # 伊朗 | 支持的…叛军表示: the name modifies the clause's subject, no speaker
            listed = subject is not None and self.view.startswith(tuple(self.lex.and_others), subject.end)
            if listed and subject is not None and subject.kind == PLACE:
                # 北京、上海 | 等…城市的抗议者走上街头，…高呼: places that describe who, unnamed
                between = self.view[subject.end : position]
                head = subject.end + between.rfind("的") + 1
                noun = next((n for n in self.lex.person_nouns if self.view.startswith(n, head)), "")
                if "的" in between and noun:
                    return Subject(subject.start, head + len(noun), None, None, anonymous=True, carried=True)
            if subject is not None and (subject.key or subject.anonymous):
                return replace(subject, carried=True)
            position = prior - 1
        framed = self.view.startswith((*self.lex.topic_frames, *self.lex.purpose_openers), floor)
        polled = _POLLED.match(self.view, verb.end) is not None  # 对于…，回答“不适当”的民众占58%
        if previous is None and markers and not verb.weak and framed and not polled:
            # 为实现…，呼吁…: a sentence that opens with a frame or a purpose and has no subject
            # goes on with the one before, as one opening with its verb does
            before = self._sentence_before or self._opening_subject_before(floor)
            if before is not None:
                return replace(before, carried=True, source=False)
        return replace(previous, carried=True, source=False) if previous is not None else None

    def _issued_in(self, units: Sequence[Unit], end: int) -> Subject | None:
        """The one who issued the piece a clause ends in (美国杂志《外交政策》发表了一篇有关…的报道):
        the clause after it, with no subject of its own, is what the piece holds, theirs."""
        lex = self.lex
        pieces = (*lex.piece_words, *lex.issued_documents, *lex.media_verbs)
        acts = (*lex.issuing_verbs, *lex.publishing_verbs)
        verb = next((k for k, u in enumerate(units) if u.text.removesuffix("了") in acts), None)
        ended = self.view[: end + (self.view[end : end + 1] in "」》”")].rstrip("，, ")
        # (…1日公布「2022年全球有罪不罰指數」，指…: a piece issued under its title, in its marks)
        opened = units[verb + 1].start if verb is not None and verb + 1 < len(units) else -1
        titled = opened >= 0 and ended.endswith(("」", "》", "”")) and self.view[opened] in "「《“" and (
            self.view.find(ended[-1], opened) == len(ended) - 1)
        if not ended.endswith(pieces) and not titled:
            return None
        if not verb or any(u.tag == ENTITY and u.token and self.speakers.kind(u.token.key) == PERSON
                           for u in units[verb + 1 :]):
            return None  # (刊登了国务卿布林肯的文章，指出…: the piece's writer, read elsewhere)
        subject = self.speakers.resolve(self.parser.parse(units[:verb], backwards=True))
        if subject is None or subject.key is None or self.speakers.kind(subject.key) == PLACE:
            return None
        return subject

    def _opening_subject_before(self, floor: int) -> Subject | None:
        """The person or body the sentence before ``floor``'s (same paragraph) opens with, as its
        subject (【共同社5月21日电】七国集团首脑20日发表首脑声明，…)."""
        view = self.view
        if floor == 0 or view[floor - 1] == "\n":
            return None
        start, end = self.index.sentence_bounds(floor - 1)
        if view.startswith("【", start) and view.find("】", start, end) > 0:
            start = view.find("】", start, end) + 1  # a dateline
        commas = (view.find("，", start, end), view.find(",", start, end))
        comma = min((i for i in commas if i > 0), default=-1)
        if comma > 0 and (view.startswith(self.lex.topic_frames, start)
                          or view.endswith(self.lex.frame_clause_ends, start, comma)):
            start = comma + 1  # 与…的合作相关，首脑声明还写进了…: the topic first, then the subject
        parse = self.parser.parse_opening(self.units.between(start, min(end, start + 40)))
        units, first, stop = parse.units, parse.start, parse.end
        written = self.view[units[first].start : units[stop - 1].end] if first < stop <= len(units) else ""
        if written and written.endswith(self.lex.descriptions) and written not in self.lex.document_insides:
            # 首脑声明还写进了…。强调…: the document, its issuer's (as 声明中 below)
            subject = self.speakers.resolve(parse)
            return subject if subject is not None and subject.key and not subject.anonymous else None
        if first < stop <= len(units) and self.view[units[first].start : units[stop - 1].end] in (
            self.lex.document_insides
        ):
            # 声明中写进…。要求…: the document read again, its issuer's
            subject = self.speakers.resolve(parse)
            return subject if subject is not None and subject.key and not subject.anonymous else None
        if not first < stop < len(units) or units[first].tag != ENTITY:
            return None
        if units[stop].text in ("的", "之") or units[stop].nominal or units[stop].tag == "vn":
            return None  # (印尼首场总统 | 大选辩论: a debate, whoever its words name)
        subject = self.speakers.resolve(parse)
        head = units[first].token.key if units[first].token and units[first].token.key else None
        if subject is not None and not subject.key and head and self.speakers.kind(head) == ORGANIZATION:
            # 七国集团首脑: a body's leaders, no one named: the body
            subject = Subject(units[first].start, units[stop - 1].end, head, ORGANIZATION)
        if subject is None or not subject.key or subject.anonymous or subject.source:
            return None
        return subject if self.speakers.kind(subject.key) in (PERSON, ORGANIZATION) else None

    def _follows(self, sentence: int, floor: int) -> bool:
        """Whether the sentence starting at ``sentence`` is the one right before ``floor``'s, in
        the same paragraph."""
        if sentence >= floor or floor == 0 or self.view[floor - 1] == "\n":
            return False
        return self.index.sentence_bounds(floor - 1)[0] == sentence

    def _document_subject(self, start: int, end: int) -> bool:
        """Whether a clause in ``[start, end)`` has a document for its subject (该份文件, 这项报告):
        a later clause without a subject goes on with it, not with the speaker."""
        return self.rules.document_subject.search(self.view, start, end) is not None

    def _after_channel(self, clause: int, floor: int) -> bool:
        """Whether the clause before ``clause`` ends in a channel of speech (孟晚舟宣读声明，形容…):
        what follows is said through it."""
        if clause <= floor + 1:
            return False
        prior = self.index.clause_start(clause - 1, floor)
        text = self.view[prior : clause - 1]
        if text.endswith(self.lex.channels) or text.endswith(self.lex.pressing_acts):
            return True
        # (禁毒委员会发布通知，要求…: a document issued, what it asks is said through it)
        document = next((d for d in self.lex.issued_documents if text.endswith(d)), "")
        issued = text[: len(text) - len(document)].rstrip("了一份项则").removesuffix("了")
        if document and issued.endswith(tuple(self.lex.issuing_verbs)):
            return True
        # (华盛顿加紧施压梅洛尼，要求…: pressing someone named right after the act)
        acts = self.lex.pressing_acts
        pressed = max((text.rfind(act) + len(act) for act in acts if act in text), default=-1)
        if pressed > 0 and len(text) - pressed <= 6 and _HAN_RUN.fullmatch(text, pressed):
            return True
        # 向立法会提交《…修例草案》: a document presented, what it proposes is said through it
        opened = text.rfind("《")
        return text.endswith("》") and opened > 0 and text[:opened].endswith(self.lex.presenting_verbs)

    # -- content --------------------------------------------------------------------------------

    def content_for(self, verb: Verb) -> tuple[int, int, bool, bool]:
        view, index = self.view, self.index
        start = verb.end
        while start < len(view) and view[start] == " ":
            start += 1
        word = self.units.tag_at(start)
        if view[start : start + 1] in ("了", "过", "着") and not (word is not None and word.end > start + 1):
            start += 1  # (指过去10年…: 过去 is a word, no mark of aspect)
        # 回应表示，…: a second speech verb right after the first says how; the content follows it.
        second = self.lex.verb_prefix.match(view, start)
        plain = second is not None and second.group() in self.lex.saying_verbs
        if second is not None and plain and view[second.end() : second.end() + 1] in ("，", ",", "：", ":"):
            start = second.end()
        punctuated = start < len(view) and view[start] in "，,：:"
        if not punctuated and self.lex.verbs.get(verb.form, verb.form) in self.lex.answering_verbs:
            # 回答议员的质询表示，…: whom or what it answered, then how; the content after both
            said = self.lex.said_after_object.match(view, start)
            if said is not None:
                start = said.end() - 1
                punctuated = True
        if punctuated:
            start += 1
            spaced = view[start : start + 1] == " " and view[start + 1 : start + 2] in OPENERS
            if view[start - 1] in "：:" and spaced:
                start += 1  # (嘲讽: “…”: a space after the colon, before the quotation)
        if punctuated and view[start - 1] in "：:" and view[start : start + 1] == "\n":
            return self._next_paragraph(start + 1)  # 这篇评论写道：⏎"…: the paragraph it opens
        # 普京警告拜登，… / 拉夫罗夫告诉布林肯，…: the addressee is not the content.
        token = self.token_at.get(start)
        base = self.lex.verbs.get(verb.form, verb.form)
        titled = view[start : start + 1] == "《" and (inner := self.token_at.get(start + 1)) is not None and (
            view[inner.end : inner.end + 2] in ("》，", "》,")
        )  # 告诉《金融时报》，…: a paper's name in its marks
        if titled:
            start, punctuated = inner.end + 2, True
        elif token is not None and view[(named := self._past_gloss(token.end)) : named + 1] in (
                "，", ",") and token.end - start <= 8 and base not in self.lex.judging_verbs:
            # (not 批评苏哈托，但也…: whom these verbs name is what they judge, no addressee;
            # 告诉瑞典晚报（Aftonbladet），…: the name's gloss is part of the addressee)
            start = named + 1
            punctuated = True
        elif not punctuated and self.lex.verbs.get(verb.form, verb.form) in self.lex.addressee_verbs:
            # 告诉乌克兰电视台记者，…: a phrase with no verb before the comma is whom it was said to
            # (告诉半岛电视台：“…”: a colon or a quotation ends the addressee first)
            ends = "，,。：:“「『"
            comma = next((i for i in range(start, min(start + 13, len(view))) if view[i] in ends), -1)
            if comma > start and view[comma] not in "。“「『" and not any(
                u.tag.startswith("v") for u in self.units.between(start, comma)
            ):
                start, punctuated = comma + 1, True
        _, end = index.sentence_bounds(start if start < len(view) else verb.end)
        if token is not None and token.end == end and self.lex.verbs.get(verb.form, verb.form) in (
            self.lex.addressee_verbs
        ):
            return end, end, punctuated, False  # “Q，”彼得告诉BBC。: whom, not what; the quotation is what
        quote = index.quote_starting.get(start)
        direct = False
        # a quotation that runs to the end, or ends its own sentence inside its marks (表示：“Q。”
        # and then the writer's next sentence): the quotation alone is the content
        # (…做不好？』」: a quotation inside it ends the sentence, and so this one)
        last = view[quote[1] - 2 : quote[1]] if quote else ""
        stops = "。！？!?"
        ends = bool(last) and (last[-1] in stops or (last[-1] in CLOSING_QUOTES + "’" and last[0] in stops))
        if quote and (quote[1] + 1 >= end or ends):
            start, end, direct = quote[0] + 1, quote[1], True
        else:
            end = self._closed_sentence_end(start, end)
            # (inside another's statement, 李家超表示，李强…提到，…改善民生，对此感到鼓舞: the
            # reaction is the reporting speaker's again, not the words reported)
            reaction = self.lex.reaction.search(view, start, end) if self.speakers.context else None
            if reaction is not None and not index.inside_quote(reaction.start()):
                end = reaction.start()
            posted = self._posted(verb.form, verb.start)
            colon = view[start - 1 : start] in ("：", ":")
            if posted and colon and quote is None and not index.inside_quote(start):
                end = self._colon_block_end(end)
        return start, end, punctuated, direct

    def _past_gloss(self, end: int) -> int:
        """Where a name ending at ``end`` ends with its gloss in brackets (瑞典晚报（Aftonbladet）)."""
        view = self.view
        if view[end : end + 1] not in ("（", "("):
            return end
        close = min((i for i in (view.find("）", end), view.find(")", end)) if i >= 0), default=-1)
        if close < 0 or close - end > 40 or any(c in view[end:close] for c in "，,。；;：:\n"):
            return end
        return close + 1

    def _next_paragraph(self, start: int) -> tuple[int, int, bool, bool]:
        """The words a colon at a paragraph's end introduces: the next paragraph, or the
        quotation that opens it (one that runs on over paragraphs, as DW's straight quotes
        do, to the paragraph's end)."""
        view, index = self.view, self.index
        _, line_end = index.line_bounds(start)
        quote = index.quote_starting.get(start)
        if quote is not None:
            return quote[0] + 1, quote[1], True, True
        if view[start : start + 1] in OPENERS:
            return start + 1, line_end, True, True
        if not _HAN_RUN.match(view, start) or view[line_end - 1 : line_end] not in SENTENCE_END:
            return start, start, True, False  # (a caption, an audio player's title: no words of theirs)
        return start, line_end, True, False

    def _posted(self, form: str, start: int) -> bool:
        """Whether the verb says the words were posted (发帖说, 在脸书上写道), which a colon
        opens as one block (see _colon_block_end)."""
        return any(p in form for p in self.lex.posting_verbs) or self.view.endswith(
            self.lex.posting_verbs, 0, start)

    def _colon_block_end(self, end: int) -> int:
        """Where words introduced by a colon and no quotation mark end (网友@X发帖说：A。B。C。):
        the sentences after the first go on with them, to the paragraph's end or a sentence that
        is introduced in its turn (…说：, …表示，)."""
        view, index = self.view, self.index
        _, line_end = index.line_bounds(end - 1 if end > 0 else 0)
        while end < line_end:
            following = end + 1 if view[end : end + 1] in "。！？!?" else end
            if following >= line_end:
                return line_end
            _, next_end = index.sentence_bounds(following)
            if next_end <= following or self.lex.introducing.search(view, following, next_end):
                break
            end = next_end
        return end

    def _closed_sentence_end(self, start: int, end: int) -> int:
        """Where the content ends if a quotation inside it ends its sentence (…，「Q。」 and then
        the writer's next sentence, run on without a break): at that quotation's close."""
        view = self.view
        for close in range(start + 1, end - 1):
            if view[close] in CLOSING_QUOTES and view[close - 1] in "。！？!?":
                quoted = self.index.quote_ending.get(close)
                return close + 1 if quoted is not None and quoted[0] >= start else close
        return end

    def _in_frame(self, verb: Verb, floor: int) -> bool:
        """Whether the verb stands in a 在…后 / 当…时 frame of its clause, or ends a short
        one of its own (宣布散会后，…)."""
        view = self.view
        clause = self.index.clause_start(verb.start, floor)
        end = verb.end
        while end < len(view) and view[end] not in "，,。；;：:“”「」\n":
            end += 1
        framed = end > verb.end and view[verb.end : end].endswith(self.lex.frame_ends)
        if view.startswith(("在", "当", "于"), clause):
            return framed
        # X宣布散会后，…: a short act ending in 后 before a comma is the time of what follows
        if framed and end - verb.end <= 10 and view[end : end + 1] in "，," and view[end - 1] in "后时际":
            return True
        # 汪文斌在记者会上回应相关提问时说: the act whose time frames the next verb of speech
        stop = min(end, verb.end + 14)
        return any(self.lex.verb_prefix.match(view, verb.end + at + len(word))
                   for word in self.lex.frame_ends for at in uses(view[verb.end : stop], word))

    def _opens_sentence(self, pos: int) -> bool:
        """Whether nothing of its sentence comes before ``pos`` (a quotation opening it)."""
        back = pos
        while back > 0 and self.view[back - 1] == " ":
            back -= 1
        return back == 0 or self.view[back - 1] in "\n。！？!?；;"

    def _quote_before(self, pos: int) -> tuple[int, int] | None:
        """“Q”，X说。 — the quote that ends right before the subject."""
        back = pos
        while back > 0 and self.view[back - 1] in " ，,":
            back -= 1
        return self.index.quote_ending.get(back - 1)

    def _paragraph_quote_before(self, pos: int) -> tuple[int, int] | None:
        """“Q？”⏎X发表评论这样问道。: the paragraph before the one ``pos`` opens, if it is one
        quotation (its sentence's end inside the marks or right after them)."""
        line_start, _ = self.index.line_bounds(pos)
        if line_start != pos or line_start < 2:
            return None
        before_start, before_end = self.index.line_bounds(line_start - 1)
        quote = self.index.quote_starting.get(before_start)
        if quote is None or self.view[quote[1] + 1 : before_end].strip("。 ") != "":
            return None
        return quote

    def _needs_clause(self, verb: Verb, start: int, end: int) -> bool:
        """批评美国的决定 (an act) against 批评说美国… (a statement), 表示强烈担忧 against
        表示将继续谈判: a verb with only a noun phrase after it reports no speech."""
        # 「华尔街日报」报导, “零食很忙”表示: a quoted name speaks (a term too short to be a
        # quotation is still one)
        closing = self.view[verb.start - 1] if verb.start >= 1 else ""
        opener = next((o for o, c in CLOSERS.items() if c == closing), None)
        opened = self.view.rfind(opener, max(0, verb.start - 26), verb.start - 1) if opener else -1
        named = opened >= 0 and (token := self.token_at.get(opened + 1)) is not None and (
            token.end == verb.start - 1 and token.type == ENTITY
        )
        if verb.start >= 1 and self.view[verb.start - 1] in CLOSING_QUOTES and not named:
            return True  # “四不一无意”表态: the verb is a noun after a quoted term
        base = self.lex.verbs.get(verb.form, verb.form)
        if base in self.lex.relay_verbs and self.rules.relayed_words.match(self.view, start, end):
            return False  # 援引美国官员的话说，…: the words relayed, then who said them
        if base in self.lex.announcing and self.view.startswith(self.lex.decisions, start):
            return True  # 宣布再加息3码, 宣布，将禁止…: a decision announced, not a statement
        if self.view[verb.end : verb.end + 1] in "，,：:" + OPENERS:
            return False
        if start > verb.end and self.view[start - 1] in "，,：:":
            return False  # 告诉《金融时报》，…: what follows whom it was said to is a clause
        if self.view.startswith(self.lex.shown_nouns, start):
            return True  # 表明决心快速掌握这项技术: a stance shown, no words said
        clause_end = start
        while clause_end < end and self.view[clause_end] not in "，,；;。":
            clause_end += 1
        if clause_end == end and end - start <= 3:
            return True  # 表示不认罪, 表示不满: a set phrase, not what was said
        felt = clause_end == end and end - start <= 6 and (
            self.view[start:end].endswith(self.lex.feeling_nouns))
        if felt and all(u.tag in ("a", "ad", "d", "b") for u in self.units.between(start, end)[:-1]):
            return True  # 表明严重关切, 表示强烈不满: a feeling shown (not 称中方坚决反对: who opposes)
        if clause_end == end and self.view[start:end].endswith(self.lex.claim_nouns):
            return True  # 否认约翰逊有关…的说法: a claim answered, not a clause said
        units = self.units.between(start, clause_end)
        if any(u.text[:1] in OPENERS for u in units):
            return False
        if units and units[0].tag in ("p", "c"):
            return False  # 强调鉴于目前的形势，需要…: a subordinate clause leads the content
        # A predicate: a verb, or an adjective or adverb (局势十分危险); 强烈担忧 has neither.
        if bool(units) and not any(u.tag in ("v", "vd", "a", "d") for u in units):
            # (说今日的风势，中间航道较有优势: a verb of saying takes no thing; a noun phrase
            # after it, then a clause with a subject of its own, is that clause's topic)
            saying = base in self.lex.saying_verbs
            # (警告德国民众，不要背离民主: whom these verbs urge, then what they urge them)
            urging = base in self.lex.urging_verbs
            then = (saying or urging) and clause_end < end
            # (the next clause only: 称身边人的赞赏，有助…，寄语…: a later verb is the speaker's own)
            next_end = clause_end + 1
            while next_end < end and self.view[next_end] not in "，,；;。":
                next_end += 1
            following = self.units.between(clause_end + 1, next_end) if then else []
            # (not 表示质疑，他说…: a clause with a verb of speech of its own is its own statement)
            spoken = any(u.text in self.lex.verbs for u in following)
            # (称身边人的赞赏和鼓励，有助青少年…: the noun phrase is the subject of the verb after)
            led = bool(following) and (urging or following[0].tag in _TOPIC_SUBJECT_TAGS or (
                saying and following[0].tag in ("v", "vd")))
            return not (led and not spoken and any(u.tag in ("v", "vd", "a") for u in following))
        # 批评以色列的强硬政府: a short clause of no verb that ends in 的 and a noun names a thing
        # and says nothing (a relative clause before the noun, 待了多年的台积电, may be a verb's
        # object too: 投票给普京以外的人)
        last_de = max((k for k, u in enumerate(units) if u.text == "的"), default=-1)
        return (
            clause_end == end and end - start <= 12 and 0 <= last_de < len(units) - 1
            and units[-1].tag in _NOUN_TAGS and not any(u.tag in ("v", "vd") for u in units)
        )

    # -- the statements -------------------------------------------------------------------------

    def find(self) -> list[Found]:
        found: list[Found] = []
        last: tuple[int, Subject] | None = None  # (sentence start, subject) of the last statement
        for verb in self.verbs():
            floor, _ = self.index.sentence_bounds(verb.start)
            previous = last[1] if last and last[0] == floor else None
            self._sentence_before = last[1] if last and self._follows(last[0], floor) else None
            self.speakers.context = next((f.subject.key for f in reversed(found)
                                          if f.content_start <= verb.start < f.content_end), None)
            again = self.view[max(0, verb.start - 2) : verb.start].endswith(self.lex.again_markers)
            if verb.continuing and found and last and last[0] == floor and found[-1].verb == verb.form and (
                not again
            ):
                continue  # …，建议…，建议…: one piece of advice, said twice (…；又建议…: a second)
            if self._in_frame(verb, floor):
                continue  # 在中国宣布放宽限制后，…: the verb is inside a time frame
            subject = self.subject_for(verb, floor, previous)
            if subject is None:
                continue
            start, end, punctuated, direct = self.content_for(verb)
            enclosing = self.index.inside_quote(verb.start)
            if enclosing is not None and start >= enclosing[1] > verb.end:
                continue  # (“人们越来越担心，”一位议员说: the verb's words end with the quotation)
            clause = self.index.clause_start(verb.start, floor)
            if self.view.startswith(self.lex.concessive_openers, clause) and self.view.startswith(
                    self.lex.adversative_openers, start):
                continue  # 虽然中国政府对此否认，但…: the concession's verb says nothing of what follows
            named = self.index.inside_quote(verb.end + 1)
            naming = self.lex.verbs.get(verb.form, verb.form) in self.lex.quote_only
            if naming and named and named[0] == verb.end:
                start, end, direct = named[0] + 1, named[1], True  # 称之为“…”: the name given, quoted
            if end <= start:
                quoted = self._quote_before(subject.start)
                if quoted is None and subject.key:
                    # “Q，”管理资产的首席策略师X说: the subject phrase opens with a relative clause
                    quoted = self._quote_before(self.index.clause_start(subject.start, floor))
                pointing = self.view.endswith(self.lex.pointing_back, 0, verb.start)
                if quoted is None and subject.key and pointing:
                    quoted = self._paragraph_quote_before(subject.start)  # (“Q？”⏎X这样问道。)
                if quoted is None:
                    continue
                start, end, direct = quoted[0] + 1, quoted[1], True
            elif not (direct and punctuated) and self._needs_clause(verb, start, end):
                # (告诉半岛电视台，“…”: a quotation after the addressee is what was said, found
                # by its own verb; “Q，”X告诉《纽约时报》。: the quotation before, whom it was told)
                told = self.lex.verbs.get(verb.form, verb.form) in self.lex.addressee_verbs
                quoted = self._quote_before(subject.start) if told else None
                if quoted is None or self.view[end : end + 1] not in ("。", "."):
                    continue
                start, end, direct = quoted[0] + 1, quoted[1], True
            else:
                # “Q。”他说，R: the quotation before the speaker is theirs too (“Q。”租用该货轮的
                # …社长X透露，R: before a relative clause the subject phrase opens with, too).
                quoted = self._quote_before(subject.start)
                if quoted is None and subject.key and not subject.carried:
                    quoted = self._quote_before(self.index.clause_start(subject.start, floor))
                if quoted is not None and self._opens_sentence(quoted[0]) and not any(
                    f.content_start <= quoted[0] < f.content_end for f in found
                ):
                    content = (quoted[0] + 1, quoted[1])
                    found.append(Found(verb.start, verb.end, verb.form, *content, subject, True, True))
            last = (floor, subject)
            self._relaying = self.lex.verbs.get(verb.form, verb.form) in self.lex.relay_verbs
            found.append(Found(verb.start, verb.end, verb.form, start, end, subject, punctuated, direct))
            self.speakers.said.append((start, end, subject))
        found.extend(self._colons())
        found.extend(self._bracketed_speakers())
        found.extend(self._answers())
        found.extend(self._unattributed(found))
        found.extend(self._issued_sources(found))
        found.extend(self._bare_sources(found))
        found.extend(self._in_the_view_of(found))
        found.extend(self._as_said(found))
        self._across_semicolons(found)
        found = self._trim(found)
        self._nested_ends(found)
        found = [part for item in found for part in self._quote_by_quote(item)]
        found = self._in_first_person(found)
        found = [self._not_the_addressed(item) for item in found]
        found.extend(self._continued(found))
        found.extend(self._quotes_after_their_subject(found))
        found.extend(self._quotes_before_their_subject(found))
        # (声明 | “: a content of marks alone says nothing)
        found = [self._named_after(item) for item in found if _A_WORD.search(self.view, item.content_start,
                                                                             item.content_end)]
        found = self._without_verb_led(found)
        return self._distinct(sorted(found, key=lambda f: (f.content_start, f.verb_start)))

    def _without_verb_led(self, found: list[Found]) -> list[Found]:
        """X回应，称Y: one statement, Y, not also 称Y as what X answered (an answer's verb,
        then one that only says: X批评，称Y keeps the criticism)."""
        saying, answering = self.lex.saying_verbs, self.lex.answering_verbs
        verbs = {(f.verb_start, f.subject.key) for f in found if f.subject.key and f.verb in saying}
        # (发表看法，批评…: an opinion given, then the verb that says which: one statement, the second's)
        said = {(f.verb_start, f.subject.key) for f in found if f.subject.key}
        found = [f for f in found if not (
            f.verb in self.lex.opinion_verbs and (f.content_start, f.subject.key) in said)]
        # (对党内同志喊话，称Y: a verb of speaking, not of judging, whose content is the same
        # speaker's 称 and what follows it: one statement, the second's)
        return [f for f in found if not (
            f.subject.key and (f.content_start, f.subject.key) in verbs and (
                f.verb.endswith(answering) or self.lex.verbs.get(f.verb, f.verb) not in self.lex.clause_verbs)
        )]

    def _named_after(self, item: Found) -> Found:
        """醫師提醒，… in a lead, then 開業醫師高偉峰 in the paragraphs after it: a bare person noun
        that names the one person the article later writes it before, and no one before it."""
        subject, view = item.subject, self.view
        noun = view[subject.start : subject.end]
        # (a profession, one person's: not 示威者 or 专家, who are as often many)
        if not subject.anonymous or subject.key or noun not in self.lex.person_nouns or not noun.endswith(
            self.lex.profession_endings
        ):
            return item
        people = {t.start: t.key for t in self.tokens if t.type == ENTITY and t.key
                  and self.speakers.kind(t.key) == PERSON}
        named = [(at, people[at + len(noun)]) for at in uses(view, noun) if at + len(noun) in people]
        keys = {key for _, key in named}
        if len(keys) != 1 or named[0][0] < subject.start:
            return item
        line_end = self.index.line_bounds(subject.start)[1]
        if named[0][0] > self.index.line_bounds(min(len(view) - 1, line_end + 1))[1]:
            return item  # introduced in the paragraph after the lead at the latest
        return replace(item, subject=replace(subject, key=keys.pop(), kind=PERSON, anonymous=False))

    def _naming_gloss(self, start: int, end: int) -> bool:
        """Whether the verb at ``view[start:end]`` stands in a bracket that closes right after a
        short name (（中国称钓鱼岛）, (Second Thomas Shoal，中国称仁爱礁)): an aside naming a thing."""
        view = self.view
        opened = max(view.rfind("（", 0, start), view.rfind("(", 0, start))
        if opened < 0 or start - opened > 60 or any(c in view[opened:start] for c in "）)\n"):
            return False
        close = min((i for i in (view.find("）", end), view.find(")", end)) if i >= 0), default=-1)
        # a name is short and has no clause in it; （发言人表示，…） says something
        return 0 <= close - end <= 15 and not any(c in view[end:close] for c in "，,。")

    def _distinct(self, found: list[Found]) -> list[Found]:
        """One statement per content and speaker (a quotation reached two ways); and none whose
        verb and content lie inside what the same speaker asked for (要求意大利 | 澄清 | 立场:
        what was asked, not a second statement)."""
        seen: set[tuple[int, int, str | None]] = set()
        out = []
        directing = self.lex.directing_verbs
        found = [item for item in found if not any(
            other is not item and other.subject.key is not None and other.subject.key == item.subject.key
            and self.lex.verbs.get(other.verb, other.verb) in directing
            and other.content_start < item.verb_start and item.content_end <= other.content_end
            for other in found)]
        for item in found:
            end = item.content_end
            while end > item.content_start and self.view[end - 1] in "。！？!?，,；; ":
                end -= 1
            key = (item.content_start, end, item.subject.key)
            if key not in seen:
                seen.add(key)
                out.append(item)
        return out

    def _colons(self) -> list[Found]:
        """X：“Q” in the body: the colon introduces X's words."""
        view, index = self.view, self.index
        found = []
        for quote_start, quote_end in index.quotes:
            colon = quote_start - 1
            if colon < 1 or view[colon] not in "：:" or index.line_bounds(colon)[0] == 0:
                continue
            clause = index.clause_start(colon, index.line_bounds(colon)[0])
            if self.lex.verb_prefix.search(view, clause, colon):
                continue  # X说： — the verb's own statement
            parse = self.parser.parse(self.units.between(clause, colon))
            if not parse.phrase or parse.end != len(parse.units):
                continue
            subject = self.speakers.resolve(parse)
            if subject is not None and subject.key:
                content = (quote_start + 1, quote_end)
                found.append(Found(colon, colon + 1, view[colon], *content, subject, True, True))
        return found

    def _bracketed_speakers(self) -> list[Found]:
        """“Q”（新潟县知事花角英世语）: a quotation and, in brackets after it, who said it and the
        word for words said (语, 说), as Japanese papers write it."""
        view, index = self.view, self.index
        found = []
        for quote_start, quote_end in index.quotes:
            match = self.rules.bracketed_speaker.match(view, quote_end + 1)
            if match is None:
                continue
            parse = self.parser.parse(self.units.between(match.start(1), match.end(1)))
            if not parse.phrase or parse.end != len(parse.units):
                continue
            subject = self.speakers.resolve(parse)
            if subject is not None and subject.key:
                verb = (match.end(1), match.end(2), match.group(2))
                found.append(Found(*verb, quote_start + 1, quote_end, subject, True, True))
        return found

    def _answers(self) -> list[Found]:
        """An interview's transcript (``kb.extract.interviews``): 问：…/答：… and turns labelled
        with the speakers' names (布林肯：…)."""
        turns = interviews.answers(self.view, self.index, self.tokens, self.speakers.kind)
        turns += interviews.named_turns(self.view, self.index, self._label_speaker)
        return [Found(t.verb_start, t.verb_end, t.verb, t.start, t.end, t.subject, True, True) for t in turns]

    def _label_speaker(self, start: int, end: int) -> Subject | None:
        """Who a short label names (布林肯 in 布林肯：…), if it is a speaker's name and nothing more."""
        parse = self.parser.parse(self.units.between(start, end))
        if not parse.phrase or parse.end != len(parse.units):
            return None
        subject = self.speakers.resolve(parse)
        return subject if subject is not None and subject.key else None

    def _unattributed(self, said: list[Found]) -> list[Found]:
        """据报道，…: said by no one named; but 报道称，… opening a clause is the report of the
        outlet the article last quoted (路透社报导…。⏎报道称，…: Reuters' report)."""
        view = self.view
        found = []
        outlets = sorted((f.verb_start, f.subject) for f in said if self.speakers.reports(f.subject))
        for phrase in self.lex.unattributed:
            at = view.find(phrase)
            while at >= 0:
                after = at + len(phrase)
                # (但据报道: a conjunction before it still opens the clause)
                lead = at - 1 if at and view[at - 1] in "但而" else at
                opens = lead == 0 or view[lead - 1] in "\n。！？，,：:；" + OPENERS
                if opens and view[after : after + 1] in "，,：:":
                    _, end = self.index.sentence_bounds(after + 1)
                    subject = Subject(at, after, None, None, anonymous=True)
                    last = [outlet for start, outlet in outlets if start < at][-1:]
                    if phrase in self.lex.reported_back and last:
                        subject = Subject(at, after, last[0].key, ORGANIZATION, carried=True)
                    found.append(Found(at, after, phrase, after + 1, end, subject, True))
                at = view.find(phrase, after)
        return found

    def _issued_sources(self, found: list[Found]) -> list[Found]:
        """据X发布的Y，… and 按X的说法，…: the issuer of a document the clause cites, or the one
        whose words it cites, is the source of what follows (另据韩国国家安保室第一次长金泰孝当天
        发布的上述会谈内容，…)."""
        view, lex = self.view, self.lex
        out = []
        for prefix in lex.source_prefixes:
            at = view.find(prefix)
            while at >= 0:
                start = at + len(prefix)
                opens = at == 0 or view[at - 1] in "\n。！？，,；;" + OPENERS
                commas = (view.find(c, start, start + 60) for c in "，,")
                comma = min((i for i in commas if i >= 0), default=-1)
                clause = view[start:comma] if opens and comma > start else ""
                verb = next((v for v in lex.issuing_verbs if f"{v}的" in clause), None)
                cited = next((w for w in lex.cited_words if clause.endswith(f"的{w}")), None)
                if verb is None and cited is not None and len(clause) > len(cited) + 2:
                    verb = cited  # 按埃尔多安的说法: whose the words are speaks, the noun for a verb
                    verb_at = comma - len(cited)
                elif verb is not None and clause.endswith(lex.issued_documents):
                    verb_at = start + clause.find(f"{verb}的")
                else:
                    verb = None
                if verb and not any(f.content_start == comma + 1 for f in found):
                    subject_end = verb_at - 1 if verb == cited else verb_at  # (before 的说法)
                    cue = Verb(subject_end, verb_at + len(verb), verb, weak=False)
                    subject = self._own_subject(cue, start)
                    if subject is not None and subject.key:
                        _, end = self.index.sentence_bounds(comma + 1)
                        source = replace(subject, source=True)
                        out.append(Found(verb_at, verb_at + len(verb), verb, comma + 1, end, source, True))
                at = view.find(prefix, at + 1)
        return out

    def _bare_sources(self, found: list[Found]) -> list[Found]:
        """据X，…: a body named alone as the source of the sentence that follows (据新浪科技，…,
        据路透社，…), a source with no verb; 据了解, 据悉 name none."""
        view, out = self.view, []
        for token in self.tokens:
            at = token.start - 1
            # 据“腾讯安全”公号，, 据 《南华早报》，: a name in quotes or title marks, a space before
            at -= view[at : at + 1] in ("“", "「", "『", "《")
            while at > 0 and view[at] == " ":
                at -= 1
            after = token.end + (view[token.end : token.end + 1] in ("”", "」", "』", "》"))
            after += len(next((a for a in self.lex.official_accounts if view.startswith(a, after)), ""))
            # 据美国国务院简报，…, 据白宫声明，…: the body's document
            after += len(next((d for d in self.lex.issued_documents if view.startswith(d, after)
                               and view[after + len(d) : after + len(d) + 1] in ("，", ",")), ""))
            if token.type != ENTITY or not token.key or view[at : at + 1] != "据" or (
                view[after : after + 1] not in ("，", ",")
            ):
                continue
            at -= view[at - 1 : at] == "根"  # 根据外交部网站，…
            if not (at == 0 or view[at - 1] in "\n。！？；;" + OPENERS or view.endswith("另", 0, at)):
                continue
            if self.speakers.kind(token.key) != ORGANIZATION or any(
                f.content_start == after + 1 for f in found
            ):
                continue
            _, end = self.index.sentence_bounds(after + 1)
            subject = Subject(token.start, token.end, token.key, ORGANIZATION, source=True)
            verb = view[at : at + 2] if view.startswith("根据", at) else "据"
            out.append(Found(at, at + len(verb), verb, after + 1, end, subject, True))
        for match in self._report_source.finditer(view):
            # 据该报道，…: the report named before, its medium's (据澳大利亚天空新闻报道，…。据该报道，…)
            at, after = match.start(), match.end() - 1
            if not (at == 0 or view[at - 1] in "\n。！？；;" + OPENERS) or any(
                f.content_start == after + 1 for f in found
            ):
                continue
            subject = self.speakers.description(match.start(1), match.end(1), match[1])
            if subject.key is not None:
                _, end = self.index.sentence_bounds(after + 1)
                out.append(Found(at, at + 1, "据", after + 1, end, replace(subject, source=True), True))
        return out

    def _in_the_view_of(self, found: list[Found]) -> list[Found]:
        """在X看来，…: the sentence after the comma is X's view (在瑞银的Donovan看来，…)."""
        out = []
        for match in _IN_THE_VIEW_OF.finditer(self.view):
            start, end = match.span("who")
            if any(f.content_start <= match.end() < f.content_end for f in found):
                continue  # (inside what someone else said)
            subject = self._viewer(start, end)
            if subject is None or not subject.key or subject.anonymous:
                continue
            _, sentence_end = self.index.sentence_bounds(match.end())
            verb_start = match.end() - 3
            out.append(Found(verb_start, verb_start + 2, "看来", match.end(), sentence_end, subject, True))
        return out

    def _as_said(self, found: list[Found]) -> list[Found]:
        """正如X所指出的那样，“…” / 正如X所说，…: what follows is X's, quoted or to the
        sentence's end."""
        out = []
        for match in self.rules.as_said.finditer(self.view):
            start, end = match.span("who")
            if not (match.group("so") or match.group("ending")):
                continue  # (正如X指出，: no mark that the clause only refers to what X said)
            if any(match.start() <= f.verb_start < match.end() for f in found):
                continue  # (read already; inside what another said, it is nested in it)
            if self.view[start:end] in self.lex.pronouns:
                subject: Subject | None = self.speakers.pronoun(start, end)
            else:
                parse = self.parser.parse(self.units.between(start, end), backwards=True)
                subject = self.speakers.resolve(parse) if parse.phrase else None
            if subject is None or not subject.key or subject.anonymous:
                continue
            content = match.end()
            quote = self.index.quote_starting.get(content)
            if quote is not None:
                span, direct = (quote[0] + 1, quote[1]), True
            else:
                span, direct = (content, self.index.sentence_bounds(content)[1]), False
            verb_start, verb_end = match.span("verb")
            out.append(Found(verb_start, verb_end, match.group("verb"), *span, subject, True, direct))
        return out

    def _viewer(self, start: int, end: int) -> Subject | None:
        """Whose view 在…看来 gives: a pronoun's referent, or the name that ends the phrase (瑞银的
        Donovan; the tagger may not have read the sentence, so the names found decide)."""
        if self.view[start:end] in self.lex.pronouns:
            return self.speakers.pronoun(start, end)
        head = next((t for t in reversed(self.tokens) if t.type == ENTITY and t.key and start <= t.start
                     and t.end == end), None)
        if head is None or self.speakers.kind(head.key) not in (PERSON, ORGANIZATION):
            return None
        return Subject(head.start, head.end, head.key, self.speakers.kind(head.key))

    def _across_semicolons(self, found: list[Found]) -> None:
        """Reported speech goes on past a semicolon (正在评估这一结论；期待继续与…讨论) unless
        another statement begins after it (表示不认罪；…，她承认…)."""
        view, index = self.view, self.index
        verbs = sorted(f.verb_start for f in found)
        for item in found:
            end = item.content_end
            if item.direct or view[end : end + 1] not in ("；", ";") or index.inside_quote(end):
                continue
            _, sentence_end = index.sentence_bounds(end + 1)
            while view[sentence_end : sentence_end + 1] in ("；", ";"):
                _, sentence_end = index.sentence_bounds(sentence_end + 1)
            if bisect_left(verbs, end) == bisect_left(verbs, sentence_end):
                item.content_end = sentence_end

    def _quote_by_quote(self, item: Found) -> list[Found]:
        """Content that is only quotations side by side (X表示，“A”，“B。”): one statement
        each, as the speaker said them apart."""
        view, index = self.view, self.index
        parts: list[tuple[int, int]] = []
        pos = item.content_start
        while pos < item.content_end:
            quote = index.quote_starting.get(pos)
            if quote is None or quote[1] >= item.content_end:
                return [item]  # text outside the quotations, or a quotation running past
            parts.append((quote[0] + 1, quote[1]))
            pos = quote[1] + 1
            while pos < item.content_end and view[pos] in "，,、 ":
                pos += 1
        if len(parts) < 2:
            return [item]
        return [replace(item, content_start=a, content_end=b, direct=True) for a, b in parts]

    def _trim(self, found: list[Found]) -> list[Found]:
        """End each content where the next statement of the sentence begins, unless the
        verb opened its content with punctuation (X说，Y警告… keeps Y inside X)."""
        view, index = self.view, self.index
        found.sort(key=lambda f: f.verb_start)
        for position, item in enumerate(found):
            for later in found[position + 1 :]:
                if later.verb_start >= item.content_end:
                    break
                if later.verb_start <= item.content_start:
                    continue
                # (X表示，…，他指示…: the same speaker again, by a pronoun, says something new)
                again = view[later.subject.start : later.subject.end] in self.lex.pronouns_personal and (
                    self._whole_clause(item.content_start, index.clause_start(later.subject.start,
                                                                              item.content_start))
                )  # (not when what comes before is only a time or a frame: X说，2021年5月，他向…表示)
                # (監察院指出，…，監察院要求…: the same speaker named again says something new)
                named_again = not later.subject.anonymous and later.subject.start > item.content_start and (
                    view[later.subject.start : later.subject.end] not in self.lex.pronouns_personal
                ) and self._whole_clause(item.content_start, index.clause_start(later.subject.start,
                                                                               item.content_start))
                continuation = (later.subject.carried or again or named_again) and (
                    later.subject.key == item.subject.key)
                quote = index.quote_starting.get(item.content_start)
                if quote is not None and quote[1] <= later.subject.start:
                    # 林芳正强调：“A。”拉乌表示：“B”: a quotation ends where it closes when
                    # another speaker follows it
                    item.content_end = min(item.content_end, quote[1] + 1)
                    break
                if continuation or not item.punctuated:
                    begins = later.verb_start if later.subject.carried else later.subject.start
                    if begins <= item.content_start:
                        begins = later.verb_start
                    cut = index.clause_start(begins, item.content_start)
                    if cut > item.content_start:
                        item.content_end = min(item.content_end, cut)
                    break
            attribution = None if item.direct else self.lex.new_attribution.search(
                view, item.content_start, item.content_end)
            if attribution is not None:
                item.content_end = attribution.start()
            withheld = self._withheld.search(view, item.content_start, item.content_end)
            withheld = None if item.direct else withheld
            if withheld is not None:
                item.content_end = withheld.start()
            # (a quotation's own words keep their last mark: “我很高兴再次见到你。”)
            opening = item.content_start - 1
            whole = index.quote_starting.get(opening) == (opening, item.content_end)
            while not whole and item.content_end > item.content_start and (
                view[item.content_end - 1] in "，,。 ；;：:—"
            ):
                item.content_end -= 1
        return [f for f in found if f.content_end > f.content_start and not self._said_again(f, found)]

    def _whole_clause(self, start: int, end: int) -> bool:
        """Whether ``view[start:end]`` says something of its own: not a time alone (2021年5月),
        nor a frame of time or occasion (在…访菲时, 在…以前)."""
        kept = self.view[start:end].rstrip("，,；; ")
        if len(kept) < 6 or _TIME_ONLY.fullmatch(kept):
            return False
        return not (kept[0] in "在当于" and kept.endswith((*self.lex.frame_ends, *self.lex.frames)))

    def _nested_ends(self, found: list[Found]) -> None:
        """Reported speech inside another speaker's reported speech ends where a clause turns
        against it (林俊宪批评，…赵少康还说嫌贵不要租，但文大在阳明山…): the turn is the outer
        speaker's again."""
        view, lex = self.view, self.lex
        for item in found:
            # (not inside a report, 美国NBC新闻报导，伯恩斯表示，…，但…: a report tells, it does not
            # argue; the turn is still the one it reports)
            if item.direct or not any(
                other is not item and other.subject.key != item.subject.key
                and other.content_start <= item.verb_start < other.content_end
                and lex.verbs.get(other.verb, other.verb) not in lex.media_verbs
                for other in found
            ):
                continue
            turn = self._turn.search(view, item.content_start, item.content_end)
            if turn is not None and turn.start() > item.content_start:
                item.content_end = turn.start()

    def _said_again(self, item: Found, found: list[Found]) -> bool:
        """Whether the same speaker's later verb in the same clause says ``item``'s content
        (X告诉半岛电视台说，“Q”: 告诉 names the addressee, 说 the statement)."""
        for later in found:
            if later is item or later.subject.key != item.subject.key or later.subject.key is None:
                continue
            if self.lex.verbs.get(later.verb, later.verb) not in self.lex.saying_verbs:
                continue  # 敦促贝尔格莱德当局保证…: a verb of the person urged, not a saying
            addressee = self.view[item.content_start : later.verb_start]
            if (
                item.content_start < later.verb_start
                and later.content_end <= item.content_end
                and len(addressee) <= 12
                and not any(c in "，,。；;：:“「\n" for c in addressee)
                and not any(m in addressee for m in self.lex.continuation_markers)
            ):
                return True
        return False

    def _continued(self, found: list[Found]) -> list[Found]:
        """Quotations that go on a statement without a verb of their own: the second half of
        a split quote (“A，”X说，“B”) and a paragraph that is one quotation."""
        view, index = self.view, self.index
        named = [f for f in found if f.subject.key]
        covered = [(f.content_start, f.content_end) for f in found]
        more: list[Found] = []
        for item in named:
            if any(other.content_start < item.verb_start and item.content_end <= other.content_end
                   and not other.subject.source for other in named if other is not item):
                # 劳德表示，英伟达说…。“B。”: the quotation goes on the one who tells it (not on a
                # source: 据CNN报导，X说：“A。”“B。” is X's)
                continue
            # (reported speech, too, goes on in a quotation after it: X表示，A。“B。”)
            line_start, line_end = index.line_bounds(item.verb_start)
            # Quotes after the statement's own, in its line, joined by commas only.
            pos = max(item.content_end, item.verb_end)
            if item.content_end <= item.verb_start:
                # (“A，”X告诉《纽约时报》。“B。”: after the quotation's attribution and whom it told)
                told = index.sentence_bounds(item.verb_end)[1]
                spoken = self.lex.verb_prefix_anywhere.search(view, pos, told) is not None
                if told - pos <= 12 and not spoken and not index.inside_quote(told - 1):
                    pos = told
            for quote_start, quote_end in index.quotes:
                if quote_start < pos or quote_start >= line_end:
                    continue
                between = view[pos:quote_start].strip(" ，,。”」』")
                # (X表示，初步评估“A”。但还“B”: a conjunction alone before the next quotation)
                joined = len(between) <= 4 and made_of(between, self.lex.continuation_markers) and (
                    self.lex.verb_prefix_anywhere.search(view, quote_start + 1, quote_start + 5) is None
                )  # (not 并「明确表示…」: a quotation that opens with its own verb of saying)
                if between and not joined or self._covered(covered, quote_start + 1, quote_end):
                    break
                more.append(self._continuation(item, quote_start, quote_end))
                pos = quote_end + 1
            # The paragraphs after it, while each is one quotation and has no verb of its own.
            if not self._last_in_line(named, item, line_start, line_end):
                continue
            next_start = line_end + 1
            while next_start < len(view):
                next_end = index.line_bounds(next_start)[1]
                quote = index.quote_starting.get(next_start)
                # (a quoted subheading, “新疆是禁区”, ends no sentence inside its marks or right
                # after them, as "…建厂"。 does: no one's)
                # (a verb inside the quotation, “…他说佛教徒会…。”, is speech nested in it)
                ended = quote is not None and (
                    view[quote[1] - 1] in _QUOTE_ENDS or view[quote[1] + 1 : next_end].strip() == "。")
                if quote is None or not ended or (
                    any(next_start <= f.verb_start < next_end and not quote[0] < f.verb_start < quote[1]
                        for f in found)
                    or view[quote[1] + 1 : next_end].strip("。 ") != ""
                ):
                    break
                more.append(self._continuation(item, *quote))
                next_start = next_end + 1
            more.extend(self._run_on(item, found, line_end))
            more.extend(self._after_closing_colon(item, found, line_end))
        return list({(m.content_start, m.content_end): m for m in more}.values())

    def _after_closing_colon(self, item: Found, found: list[Found], line_end: int) -> list[Found]:
        """X宣言说，…我们在以下方面团结一致：⏎A。⏎B。: a paragraph of reported speech ending in a
        colon opens a text of the speaker's, written without quotation marks: each paragraph
        after it in the first person is theirs (a subheading between, no sentence, is no one's),
        up to one with a speaker of its own or none in the first person."""
        view, index = self.view, self.index
        if view[line_end - 1 : line_end] not in ("：", ":") or item.content_end < line_end - 12 or (
                item.content_start > line_end):
            return []  # (评论写道：⏎"…: the quotation the colon opens is the statement, see _run_on)
        named = [f.verb_start for f in found if f.subject.key]
        more = []
        start = line_end + 1
        while start < len(view):
            end = index.line_bounds(start)[1]
            text = _QUOTED.sub("", view[start:end])
            if not _SENTENCE_END_MARK.search(text) and end - start <= 15:
                start = end + 1
                continue  # a subheading
            if view[start] in OPENERS or not _FIRST_PERSON_PLURAL.search(text) or any(
                    start <= v < end and not index.inside_quote(v) for v in named):
                break  # (a quotation is read as one, see _continued and _run_on)
            content_end = len(view[:end].rstrip())
            more.append(replace(self._continuation(item, start - 1, content_end), direct=False))
            start = end + 1
        return more

    def _run_on(self, item: Found, found: list[Found], line_end: int) -> list[Found]:
        """A quotation over several paragraphs, as the press writes a long one: it opens in the
        statement's paragraph or the next (…的文章写道：⏎“A…), each paragraph may open with a
        mark again, and only the last closes it (…C。”). Each paragraph inside is a statement
        of the speaker, but one that has an attribution of its own, or a subheading (no sentence
        end) between them."""
        view, index = self.view, self.index
        # (its content opens with the mark, 写道：“A…, or the next paragraph does)
        opener = self._unclosed_opener(item.content_start - 1, line_end, first=True)
        if opener is None and line_end + 1 < len(view) and view[line_end + 1] in _LONG_OPENERS:
            opener = self._unclosed_opener(line_end + 1, index.line_bounds(line_end + 1)[1], first=True)
        if opener is None:
            return []
        closer = CLOSERS[view[opener]]
        paragraphs: list[tuple[int, int]] = []
        start = index.line_bounds(opener)[0]
        for _ in range(_RUN_ON_PARAGRAPHS):
            end = index.line_bounds(start)[1]
            paragraphs.append((start, end))
            tail = view[start:end].rstrip("。 ")
            if start > opener and tail.endswith(closer) and (
                view.count(view[opener], start, end) < view.count(closer, start, end)
            ):
                break  # the mark that closes the quotation, matched by no opener in its paragraph
            if start > opener and tail[-1:] in ('"', view[opener]) and (
                tail[-1] != '"' or view.count('"', start, end) % 2
            ):
                break  # …or a straight one, as some outlets close a curly quotation (“ once normalised)
            if start > opener and view.count(view[opener], start, end) < view.count(closer, start, end):
                return []  # closed inside a paragraph (“A…⏎B”，X说。): someone's, named after it
            if end + 1 >= len(view):
                return []
            start = end + 1
        else:
            return []  # never closed: no quotation to trust
        out = []
        # (a paragraph where its speaker is named again is that statement's; one where someone
        # else speaks is still the speaker's, who quotes them)
        again = [f for f in found if f is not item and f.subject.key == item.subject.key]
        for start, end in paragraphs:
            if start <= item.content_start < end or any(start <= f.verb_start < end for f in again):
                continue
            first = start + 1 if view[start : start + 1] in _LONG_OPENERS else start
            last = end
            while last > first and view[last - 1] in "。 ":
                last -= 1
            last = last - 1 if view[last - 1 : last] in CLOSING_QUOTES + '"' + view[opener] else end
            if view[first:end].rstrip(CLOSING_QUOTES + '" ' + view[opener])[-1:] not in _QUOTE_ENDS:
                continue  # a subheading in the quotation: no sentence of its own
            out.append(self._continuation(item, first - 1, last))
        return out

    def _unclosed_opener(self, start: int, end: int, first: bool = False) -> int | None:
        """The first quotation mark in ``view[start:end]`` (the rest of a paragraph) that the
        paragraph does not close; with ``first``, only one at ``start``."""
        view = self.view
        for at in range(max(start, 0), start + 1 if first else end):
            # (one that ends its paragraph closes a quotation: a straight mark, normalised)
            if view[at] in _LONG_OPENERS and view.find(CLOSERS[view[at]], at + 1, end) < 0 and (
                view[at + 1 : end].strip()
            ):
                return at
        return None

    def _quotes_after_their_subject(self, found: list[Found]) -> list[Found]:
        """A quotation that is a sentence of its own, attributed by no verb, right after a
        sentence that opens with a person's name (彼得赞同部分观点。“…。”): that person's words,
        and so are the quotation paragraphs that follow it."""
        view, index = self.view, self.index
        covered = [(f.content_start, f.content_end) for f in found]
        out: list[Found] = []
        for quote_start, quote_end in index.quotes:
            if self._covered(covered, quote_start + 1, quote_end) or any(
                f.content_start <= quote_start < f.content_end for f in out
            ):
                continue
            back = quote_start
            while back > 0 and view[back - 1] == " ":
                back -= 1
            if back == 0 or view[back - 1] not in "。！？!?\n" or view[quote_end - 1] not in _QUOTE_ENDS:
                continue  # (a quotation inside a sentence, or one that ends no sentence)
            after = view[quote_end + 1 : index.line_bounds(quote_start)[1]].strip("。 ")
            if after:
                continue  # (“…”彼得告诉BBC: its own attribution follows)
            last = back - 1 - (view[back - 1] == "\n")
            if view[last : last + 1] in (")", "）"):
                # (…主食。(ABC Sunshine Coast: Jessica Ross): a photo's credit ends the paragraph)
                opened = max(view.rfind("(", 0, last), view.rfind("（", 0, last))
                if opened > 0 and view[opened - 1] in "。！？!?" and "\n" not in view[opened:last]:
                    last = opened - 1
            subject = self._sentence_opener(last)
            if subject is None:
                continue
            item = Found(quote_start, quote_start, "", quote_start + 1, quote_end, subject, True, True)
            out.append(item)
            next_start = index.line_bounds(quote_start)[1] + 1
            while next_start < len(view):
                next_end = index.line_bounds(next_start)[1]
                quote = index.quote_starting.get(next_start)
                if quote is None or view[quote[1] - 1] not in _QUOTE_ENDS or (
                    view[quote[1] + 1 : next_end].strip("。 ") != ""
                    or self._covered(covered, quote[0] + 1, quote[1])
                ):
                    break
                out.append(self._continuation(item, *quote))
                next_start = next_end + 1
        return out

    def _quotes_before_their_subject(self, found: list[Found]) -> list[Found]:
        """A paragraph that opens with a quotation of whole sentences, attributed by no verb,
        then a sentence that opens with a person's name (“当进则进。”松下社长楠见雄规本月宣布…):
        that person's words, as a lead in the press opens."""
        view, index = self.view, self.index
        covered = [(f.content_start, f.content_end) for f in found]
        out: list[Found] = []
        for quote_start, quote_end in index.quotes:
            line_start, line_end = index.line_bounds(quote_start)
            if view[line_start:quote_start].strip() or view[quote_end - 1] not in _QUOTE_ENDS:
                continue  # (only a quotation that opens its paragraph and ends a sentence inside)
            if self._covered(covered, quote_start + 1, quote_end) or quote_end + 1 >= line_end:
                continue
            if any(quote_end < f.verb_start < index.sentence_bounds(quote_end + 1)[1] for f in found):
                continue  # (“…。”X说: its own attribution follows)
            after = quote_end + 1
            parse = self.parser.parse_opening(self.units.between(after, min(line_end, after + 24)))
            opens = bool(parse.phrase) and parse.phrase[0].start == after
            subject = self.speakers.resolve(parse) if opens else None
            if subject is not None and subject.key and self.speakers.kind(subject.key) == PERSON and (
                self.view[subject.start : subject.end] not in self.lex.pronouns
            ):
                subject = replace(subject, carried=True)
                content = (quote_start + 1, quote_end)
                out.append(Found(quote_start, quote_start, "", *content, subject, True, True))
        return out

    def _sentence_opener(self, pos: int) -> Subject | None:
        """The person the sentence holding ``pos`` opens with, by name (not 他: whom a pronoun
        there stands for is the question the quotation leaves open)."""
        if pos < 0 or self.index.inside_quote(pos):
            return None
        start, _ = self.index.sentence_bounds(pos)
        while start < pos and self.view[start] == " ":
            start += 1
        token = self.token_at.get(start)
        if token is not None and token.type == ENTITY and self.speakers.kind(token.key) == PERSON:
            return Subject(token.start, token.end, token.key, PERSON, carried=True)
        # (美国总统拜登周二…: the name after its title chain)
        parse = self.parser.parse_opening(self.units.between(start, min(pos, start + 24)))
        subject = self.speakers.resolve(parse) if parse.phrase else None
        if subject is not None and subject.key and self.speakers.kind(subject.key) == PERSON and (
            self.view[subject.start : subject.end] not in self.lex.pronouns
        ):
            return replace(subject, carried=True)
        # (18岁少女阿思(化名)去年备战…: the name after an age and what the person is)
        first = next((t for t in self.tokens if start <= t.start < pos), None)
        if first is None or first.type != ENTITY or self.speakers.kind(first.key) != PERSON:
            # (目前就读于…学院（…）的留学生 | 徐荣荣: a relative clause and what the person is)
            first = next((t for t in self.tokens if start <= t.start < pos and t.type == ENTITY
                          and self.speakers.kind(t.key) == PERSON), None)
            if first is None or not _DESCRIBED.fullmatch(self.view, start, first.start):
                return None
            return Subject(first.start, first.end, first.key, PERSON, carried=True)
        described = _AGE_FIRST.sub("", self.view[start : first.start])
        if described and described not in self.lex.person_nouns and not _DESCRIBED.fullmatch(described):
            return None
        return Subject(first.start, first.end, first.key, PERSON, carried=True)

    def _not_the_addressed(self, item: Found) -> Found:
        """A pronoun's speaker whom the words address by name (他说：“…，安倍先生。”): the
        one spoken to, so the speaker is the person who spoke before them in the article."""
        subject, view = item.subject, self.view
        if subject.key is None or view[subject.start : subject.end] not in self.lex.pronouns:
            return item
        tail = view[max(item.content_start, item.content_end - 10) : item.content_end].rstrip("。！!？?”」 ")
        if not tail.endswith(self.rules.names.address_terms):
            return item
        named = [t for t in self.tokens
                 if item.content_start <= t.start < item.content_end and t.key == subject.key]
        term = next(a for a in self.rules.names.address_terms if tail.endswith(a))
        if not any(view.startswith(term, t.end) for t in named):
            return item
        before = [said for start, _, said in self.speakers.said
                  if start < item.verb_start and said.key and said.key != subject.key
                  and self.speakers.kind(said.key) == PERSON]
        if not before:
            return item
        return replace(item, subject=replace(before[-1], start=subject.start, end=subject.end, carried=True))

    def _in_first_person(self, found: list[Found]) -> list[Found]:
        """A person's reported speech goes on through the sentences after it, in its paragraph,
        that speak in the first person and have no verb of their own (a readout: 习近平强调，
        总统先生刚才又重申…。对于你的这些表态，我是十分重视的。). After a colon the speaker's
        我们 counts too, and each sentence is an entry of its own with the same verb, as a
        quotation paragraph after it is (岸田指出：A。 我们还确认B。: the colon opened a block)."""
        view, index = self.view, self.index
        verbs = [f.verb_start for f in found]
        out = []
        for item in found:
            end = item.content_end
            person = item.subject.key is not None and self.speakers.kind(item.subject.key) == PERSON
            block = view[item.content_start - 1 : item.content_start] in ("：", ":") and not (
                self._posted(item.verb, item.verb_start))
            line_end = index.line_bounds(item.verb_start)[1]
            while person and not item.direct and view[end : end + 1] == "。" and end + 1 < line_end:
                start, stop = index.sentence_bounds(end + 1)
                while start < stop and view[start] == " ":
                    start += 1
                if view[end + 1 : start].strip() or any(start <= v < stop for v in verbs) or (
                    index.inside_quote(start)
                ):
                    break
                first_person = _FIRST_PERSON_PLURAL if block else _FIRST_PERSON
                if not first_person.search(_QUOTED.sub("", view[start:stop])):
                    break
                if block:
                    out.append(replace(self._continuation(item, start - 1, stop), direct=False))
                end = stop
            out.append(replace(item, content_end=end) if end != item.content_end and not block else item)
        return out

    def _quoted_after(self, item: Found) -> bool:
        return self.index.quoted_share(item.content_start, item.content_end) >= 0.5

    def _covered(self, spans: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in spans)

    def _last_in_line(self, named: list[Found], item: Found, start: int, end: int) -> bool:
        """Whether no statement of the line comes after ``item``'s, but those nested in its
        content (劳德表示，英伟达说…: the line's last word is still 劳德's)."""
        nests = not item.subject.source  # (据X报导，Y说…: Y's words, the source's report)
        return all(not (start <= f.verb_start < end) or f.verb_start <= item.verb_start
                   or nests and item.content_start <= f.verb_start < item.content_end for f in named)

    def _continuation(self, item: Found, quote_start: int, quote_end: int) -> Found:
        subject = replace(item.subject, carried=True)
        verb = (item.verb_start, item.verb_end, item.verb)
        return Found(*verb, quote_start + 1, quote_end, subject, True, True)

    def is_direct(self, item: Found) -> bool:
        if self.index.inside_quote(item.verb_start):  # speech reported inside someone's quote
            return False
        return item.direct or self.index.quoted_share(item.content_start, item.content_end) >= 0.5


# The quotation marks statements.py relies on, kept for callers that imported them here.
QUOTE_CLOSERS = CLOSERS
