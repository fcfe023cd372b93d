"""Everything extraction reasons with, compiled once: the catalog and its matcher, and the
lexicon's word lists (``kb/data/lexicon.yaml``) in the shapes the stages look them up in.

``rules_for(catalog)`` is the one way in; the loader builds it once per worker process."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from kb.catalog import ORGANIZATION, PERSON, PLACE, Catalog, default_catalog
from kb.extract.bracketed import BracketRules
from kb.extract.entities import ENTITY, Matcher, kind_of, matcher_for, transliteration_chars
from kb.extract.name_rules import NameRules
from kb.extract.readings import Readings
from kb.normalise import normalise_key

# Catalog sorts of body that run businesses with units of their own (瑞穗 | 证券, 网易 | 游戏).
_COMPANY_KINDS = frozenset({"company", "newspaper", "broadcaster", "magazine"})


def _by_first_character(words: Iterable[str]) -> Mapping[str, tuple[str, ...]]:
    """Words grouped by their first character, longest first."""
    grouped: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        grouped.setdefault(word[:1], []).append(word)
    return {first: tuple(group) for first, group in grouped.items()}  # a plain dict: workers unpickle rules


_NUMBER = "[0-9一二两三四五六七八九十百千几多数]+"  # digits and numerals, 34 or 三十四


def _per_verb(table: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """A lexicon table of verbs → words, keys in the view's form."""
    return {normalise_key(verb): tuple(words or []) for verb, words in table.items()}


def _words(values: Any) -> tuple[str, ...]:
    """Normalised, distinct, longest first (so that a prefix test finds the longest)."""
    # (ties by the word itself: a set's order changes with each process's hash seed)
    return tuple(sorted({normalise_key(str(v)) for v in values or ()}, key=lambda w: (-len(w), w)))


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, ties by the word: a regex takes the
    first alternative that matches, so a set's order (which changes with each process's hash
    seed) would make extraction differ from one load to the next."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _first_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching the longest of ``words`` a text starts with (one C call)."""
    return re.compile("|".join(re.escape(w) for w in words) if words else "(?!)")


# Dates and weekdays, as news writes them before a verb: 23日, 10月3日晚间, 当地时间周一, 星期六
# (PART: the lexicon's times_of_day).
_TIME = (
    r"(?:当地时间)?(?:(?:\d{1,4}|[一二三四五六七八九十]+)年)?(?:(?:\d{1,2}|[一二三四五六七八九十]+)月)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]+)[日号](?:PART)?"
    r"|(?:当地时间)?(?:上|下|本)?(?:周|星期|礼拜)[一二三四五六日天末](?:PART)?"
)
# The tags the tagger gives these words, so that the clause parser reads them alike.
_KNOWN_TAGS = {"time": "TIME", "opener": "c", "filler": "d", "channel": "v", "pronoun": "r"}


@dataclass(frozen=True)
class Lexicon:
    """The lexicon's lists, normalised. Field comments name the list in lexicon.yaml."""

    verbs: dict[str, str]  # every verb form → its base (reporting_verbs × verb_suffixes)
    reported_back: tuple[str, ...]  # reported_back: 报道称 (the outlet last quoted)
    titled_pieces: tuple[str, ...]  # titled_pieces: 一文 (发表“…”一文)
    light_verbs: tuple[str, ...]  # light_verbs: 进行 (进行了嘲讽)
    as_said_openers: tuple[str, ...]  # as_said_openers: 正如 (正如X所说，…)
    as_said_endings: tuple[str, ...]  # as_said_endings: 的那样
    punctuation_only: frozenset[str]  # punctuation_only_verbs
    continuing: frozenset[str]  # continuing_verbs
    evidence: frozenset[str]  # evidence_verbs
    hypothetical: tuple[str, ...]  # hypothetical_openers
    expecting_verbs: frozenset[str]  # expecting_verbs: 预计
    followers: tuple[str, ...]  # follower_words
    evidence_subjects: tuple[str, ...]  # evidence_subjects
    turn_words: tuple[str, ...]  # turn_words
    issuer_only: tuple[str, ...]  # issuer_only_descriptions
    unnamed_someone: frozenset[str]  # unnamed_someone
    reporter_words: frozenset[str]  # reporter_words
    bare_stance: frozenset[str]  # bare_stance_verbs
    announcing: frozenset[str]  # announcing_verbs
    decisions: tuple[str, ...]  # decisions
    title_glue: frozenset[str]  # title_glue
    title_endings: tuple[str, ...]  # title_endings
    noun_verbs: frozenset[str]  # noun_verbs
    document_verbs: frozenset[str]  # document_verbs: 建议
    document_markers: tuple[str, ...]  # document_markers
    adjacent_verbs: frozenset[str]  # adjacent_verbs
    blocked: dict[str, tuple[str, ...]]  # blocked_continuations
    unblocked: dict[str, tuple[str, ...]]  # unblocked_continuations
    blocked_before: dict[str, tuple[str, ...]]  # blocked_before
    agent_endings: tuple[str, ...]  # agent_endings: 人士 (分析人士: a noun)
    noun_markers: tuple[str, ...]  # noun_markers: 的要求, 做出回应
    negators: tuple[str, ...]  # negators: 没有回应
    verb_enders: tuple[str, ...]  # verb_enders: 致词时, 引述的 (a clause of time, an attribute)
    not_verb_enders: tuple[str, ...]  # not_verb_enders: 时间 (表示 | 时间为…)
    saying_verbs: frozenset[str]  # saying_verbs: 说, 表示 (告诉X说: the statement's verb)
    verb_events: frozenset[str]  # event words a verb begins: 说明会, 座谈会
    passive_markers: tuple[str, ...]  # passive_markers: 被指控
    clause_verbs: frozenset[str]  # clause_verbs: stance verbs that need a clause, not a noun
    openers: tuple[str, ...]  # clause_openers
    continuation_markers: tuple[str, ...]  # continuation_markers
    addressee_markers: frozenset[str]  # addressee_markers
    addressee_verbs: frozenset[str]  # addressee_verbs
    shown_nouns: tuple[str, ...]  # shown_nouns: 决心 (表明决心…: no words)
    concessive_openers: tuple[str, ...]  # concessive_openers: 虽然
    adversative_openers: tuple[str, ...]  # adversative_openers: 但 (虽然…，但…)
    urging_verbs: frozenset[str]  # urging_verbs: 警告, 提醒 (whom, then what)
    not_saying_acts: frozenset[str]  # not_saying_acts: 比如 (比如说: no act before 说)
    object_verbs: tuple[str, ...]  # object_verbs
    claim_nouns: tuple[str, ...]  # claim_nouns
    latter_words: frozenset[str]  # latter_words: 后者
    former_words: frozenset[str]  # former_words: 前者
    pair_words: frozenset[str]  # pair_words: 两人
    sides_words: frozenset[str]  # sides_words: 双方
    meeting_verbs: tuple[str, ...]  # meeting_verbs: 会见
    meeting_nouns: tuple[str, ...]  # meeting_nouns: 会谈
    body_leaders: frozenset[str]  # body_leaders: 首脑
    again_words: tuple[str, ...]  # again_words: 又, 还
    couple_words: frozenset[str]  # couple_words: 夫妇
    team_words: tuple[str, ...]  # team_words: 团队
    campaign_words: tuple[str, ...]  # campaign_words: 竞选团队
    verb_suffixes: tuple[str, ...]  # verb_suffixes: 说, 称
    face_words: frozenset[str]  # face_words: 一脸
    both_sides: tuple[str, ...]  # both_sides: 两国
    both_sides_titles: tuple[str, ...]  # both_sides_titles: 总理
    team_glue: frozenset[str]  # team_glue: 其, 及
    bracket_speech_words: tuple[str, ...]  # bracket_speech_words: 语
    relayed_words_marker: str  # relayed_words_marker: 的话
    relayed_words_verbs: str  # relayed_words_verbs: 说称
    object_markers: frozenset[str]  # object_markers: 将, 把
    addressing_verbs: frozenset[str]  # addressing_verbs: 鼓励
    any_body_words: frozenset[str]  # any_body_words: 组织
    and_others: frozenset[str]  # and_others: 等
    language_words: frozenset[str]  # language_words: 法文
    issued_documents: tuple[str, ...]  # issued_documents
    cited_words: tuple[str, ...]  # cited_words
    clause_opening_verbs: frozenset[str]  # clause_opening_verbs
    prepositions: frozenset[str]  # prepositions
    topic_markers: tuple[str, ...]  # topic_markers
    within_words: tuple[str, ...]  # within_words: 其中 (…作出表态，其中提到)
    learning_verbs: frozenset[str]  # learning_verbs: 获悉 (记者从X获悉)
    learned_from_endings: frozenset[str]  # learned_from_endings: 处 (从警方处获悉)
    learned_from_markers: tuple[str, ...]  # learned_from_markers: 从 (记者从X获悉)
    unnamed_official_titles: frozenset[str]  # unnamed_official_titles: 有关负责人
    opinion_verbs: frozenset[str]  # opinion_verbs: 发表看法 (发表看法，批评…)
    receiving_verbs: frozenset[str]  # receiving_verbs: 面临 (面临…指责，批评其…)
    criticism_nouns: tuple[str, ...]  # criticism_nouns: 指责
    personal_documents: tuple[str, ...]  # personal_documents: 日记 (大岛的日记中写道)
    pointing_back: tuple[str, ...]  # pointing_back: 这样 (这样问道: the quotation before)
    relay_only_verbs: frozenset[str]  # relay_only_verbs: 引用 (引用X的话说, not 引用…报导)
    basis_markers: tuple[str, ...]  # basis_markers: 根据 (根据影像显示, what the words rest on)
    basis_endings: tuple[str, ...]  # basis_endings: 显示
    frames: frozenset[str]  # frames: 时, 期间, 会上 (end a circumstance phrase)
    frame_ends: tuple[str, ...]  # frame_ends
    frame_clause_ends: tuple[str, ...]  # topic_clause_ends and frame_ends
    fillers: frozenset[str]  # fillers: adverbs and set phrases between a subject and its verb
    channels: tuple[str, ...]  # channels: 发表声明, 在推特上
    pressing_acts: tuple[str, ...]  # pressing_acts: 施压
    again_markers: tuple[str, ...]  # again_markers: 又, ； (…；又建议…: a second statement)
    quoted_name_governors: tuple[str, ...]  # quoted_name_governors: 接受, 向 (a quoted name's governor)
    posting_verbs: tuple[str, ...]  # posting_verbs: 发帖, 写道 (a colon's words run on)
    presenting_verbs: tuple[str, ...]  # presenting_verbs: 提交, 发布 (a document in 《》)
    channel_verbs: frozenset[str]  # channel_verbs
    attending_verbs: frozenset[str]  # attending_verbs: 出席…致辞说
    topic_frames: tuple[str, ...]  # topic_frames: 对于, 关于
    purpose_openers: tuple[str, ...]  # purpose_openers: 为了, 为
    directive_verbs: frozenset[str]  # directive_verbs: 要求 (a weak verb that opens a sentence)
    directing_verbs: frozenset[str]  # directing_verbs: 要求, 呼吁 (what they ask for holds no statement)
    titled_surnames: frozenset[str]  # titled_surnames: 周 (行长周小川: a name after a title)
    withheld_detail_verbs: tuple[str, ...]  # withheld_detail_verbs: 说明 (…，但未详细说明 ends the content)
    answering_verbs: tuple[str, ...]  # answering_verbs: 回应 (X回应，称Y)
    quote_continuers: tuple[str, ...]  # quote_continuers: 并, 还 after 。”
    profession_endings: tuple[str, ...]  # profession_endings: 师, 医生
    channel_nouns: tuple[str, ...]  # channel_nouns
    source_prefixes: tuple[str, ...]  # source_prefixes
    source_verbs: frozenset[str]  # source_verbs
    media_verbs: frozenset[str]  # media_verbs: 报道 (据以色列报道: the country's media)
    relay_verbs: tuple[str, ...]  # relay_verbs: 援引, 引述
    unattributed: tuple[str, ...]  # unattributed
    pronouns: tuple[str, ...]  # pronouns.person
    plural_pronouns: frozenset[str]  # pronouns.plural
    demonstratives: tuple[str, ...]  # pronouns.demonstratives
    pronouns_personal: tuple[str, ...]  # pronouns.personal: 他, 她, 他们
    pronoun_verbs: frozenset[str]  # pronoun_verbs: 指, 称
    descriptions: tuple[str, ...]  # descriptions: 该公司, 声明 (speakers resolved to an organization)
    official_accounts: tuple[str, ...]  # official_accounts: 官博, 公众号
    media_descriptions: tuple[str, ...]  # media_descriptions
    author_words: tuple[str, ...]  # author_words: 作者 (of a piece the article reviews)
    piece_words: tuple[str, ...]  # piece_words: 文章 (its writer's, where named)
    expressing_verbs: frozenset[str]  # expressing_verbs: 表达 (表达不快称)
    judgment_words: tuple[str, ...]  # judgment_words: 判词 (a judge's, or a court's)
    judicial_titles: tuple[str, ...]  # judicial_titles: 法官, 裁判官
    court_endings: tuple[str, ...]  # court_endings: 法院, 法庭
    bare_government_words: tuple[str, ...]  # bare_government_words: 政府 (政府表示)
    service_words: dict[str, tuple[str, ...]]  # service_words: 警方 → how a police body's name ends
    service_places: tuple[str, ...]  # service_places: 当地 (当地警方)
    title_frames: tuple[str, ...]  # title_frames: 为题 (以“…”为题)
    side_bodies: str  # side_bodies: 署 (署方: the office named before)
    topic_heads: frozenset[str]  # topic_heads: 一事 (就…一事: a matter, a clause before it)
    author_intros: tuple[str, ...]  # author_intros: 作者是 (a piece's writer introduced)
    judging_verbs: frozenset[str]  # judging_verbs: 批评 (批评X，…: X is what is judged)
    feeling_nouns: tuple[str, ...]  # feeling_nouns: 关切 (表明严重关切: a feeling shown)
    administration_words: tuple[str, ...]  # administration_words: 政府 (拜登政府: Biden's too)
    postures: tuple[str, ...]  # postures: 站 (站在…身边)
    manner_words: frozenset[str]  # manner_words: 打趣 (打趣表示), a manner without 地
    reaction_openers: tuple[str, ...]  # reaction_openers: 对此 (…，对此感到鼓舞)
    beside_words: tuple[str, ...]  # beside_words: 身边
    source_nouns: tuple[str, ...]  # source_nouns: 说法 (根据X的说法)
    filed_from: tuple[str, ...]  # filed_from: 发自 (发自北京的报道)
    gloss_openers: tuple[str, ...]  # gloss_openers: (即
    parallel_markers: tuple[str, ...]  # parallel_markers: 一边 (一边声称…)
    body_demonstratives: tuple[str, ...]  # body_demonstratives: 这家 (这家矿商)
    company_sorts: tuple[str, ...]  # company_sorts: 矿商 (这家矿商 is 该公司)
    comma_only: frozenset[str]  # comma_only_verbs: 提出 (提出，… speaks; 提出「…」的政策 does not)
    quote_only: frozenset[str]  # quote_only_verbs: 称之为 (with a quotation right after it)
    unnamed_media_openers: tuple[str, ...]  # unnamed_media_openers: 当地 (当地新闻报道)
    title_word_endings: tuple[str, ...]  # title_word_endings: 官, 员 (协调员, a title the catalog lacks)
    addressee_marks: tuple[str, ...]  # addressee_marks: 向, 给 (向立法院提交的报告)
    authorship_verbs: tuple[str, ...]  # authorship_verbs: 撰写, 撰文
    publishing_verbs: tuple[str, ...]  # publishing_verbs: 刊发, 刊登
    document_insides: tuple[str, ...]  # document_insides: 声明中 as a subject
    issuing_verbs: tuple[str, ...]  # issuing_verbs
    subject_clause_verbs: frozenset[str]  # subject_clause_verbs
    media_kinds: frozenset[str]  # media_kinds
    media_suffixes: tuple[str, ...]  # media_suffixes
    media_descriptors: tuple[str, ...]  # media_descriptors: 媒体, 网站 (a medium named after them)
    anonymous_heads: tuple[str, ...]  # anonymous_heads and person_nouns
    person_nouns: tuple[str, ...]  # person_nouns
    sex_before: re.Pattern[str]  # female_words, male_words, naming_links: 新娘名叫 | X
    sex_after: re.Pattern[str]  # female_address, male_address: X | 女士
    anonymous_glue: frozenset[str]  # anonymous_glue: characters of 一名美国高级官员
    unique_titles: frozenset[str]

    @cached_property
    def verb_prefix(self) -> re.Pattern[str]:
        return _first_of(tuple(sorted(self.verbs, key=len, reverse=True)))

    @cached_property
    def said_after_object(self) -> re.Pattern[str]:
        """What an answer was to, then a verb of saying before the punctuation (议员的质询 | 表示，)."""
        saying = alternatives(self.saying_verbs)
        return re.compile(f"[^，,。；;：:“「『\n]{{1,20}}?(?P<verb>{saying})[，,：:]")

    @cached_property
    def reaction(self) -> re.Pattern[str]:
        """A clause reacting to what was just reported (…，对此感到鼓舞)."""
        return re.compile(f"[，,](?=(?:{alternatives(self.reaction_openers)}))")

    @cached_property
    def new_attribution(self) -> re.Pattern[str]:
        """A new attribution inside reported content: the same speaker again with a new verb
        (…，又促请…) or, after 而, someone else with a verb of saying (…，而前美军司令戴维森表示，…;
        not 而他…, the same one, nor 之道, a way)."""
        again, saying = alternatives(self.again_words), alternatives(self.saying_verbs)
        verbs = alternatives(tuple(self.verbs))
        return re.compile(f"[，,；;](?:(?:{again})(?:{verbs})"
                          f"|而(?!他|她|其)[^，,。；;“”「」]{{2,30}}?(?<!之)(?:{saying})[，,：:])")

    @cached_property
    def meeting_words(self) -> re.Pattern[str]:
        """A meeting of two sides: a verb of meeting someone (group ``verb``) or a meeting's word."""
        return re.compile(f"(?P<verb>{alternatives(self.meeting_verbs)})|{alternatives(self.meeting_nouns)}")

    @cached_property
    def verb_prefix_anywhere(self) -> re.Pattern[str]:
        return re.compile(alternatives(self.verbs))

    @cached_property
    def introducing(self) -> re.Pattern[str]:
        """A reporting verb that introduces words (说：, 表示，, 写道“): a statement's start."""
        return re.compile("(?:" + alternatives(self.verbs) + ")[：:，,“「『]")

    @cached_property
    def verb_first_chars(self) -> re.Pattern[str]:
        return re.compile("[" + "".join(re.escape(c) for c in sorted({v[0] for v in self.verbs})) + "]")

    @cached_property
    def verb_lengths(self) -> dict[str, tuple[int, ...]]:
        lengths: dict[str, set[int]] = {}
        for verb in self.verbs:
            lengths.setdefault(verb[0], set()).add(len(verb))
        return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}

    @cached_property
    def any_anonymous_head(self) -> re.Pattern[str]:
        return _first_of(self.anonymous_heads) if self.anonymous_heads else re.compile("(?!)")


def _lexicon(data: dict[str, Any], matcher: Matcher) -> Lexicon:
    base = _words(data["reporting_verbs"])
    suffixes = _words(data["verb_suffixes"])
    verbs: dict[str, str] = {}
    for verb in base:
        verbs[verb] = verb
        for suffix in suffixes:
            verbs.setdefault(verb + suffix, verb)
    return Lexicon(
        verbs=verbs,
        reported_back=_words(data["reported_back"]),
        titled_pieces=_words(data["titled_pieces"]),
        light_verbs=_words(data["light_verbs"]),
        as_said_openers=_words(data["as_said_openers"]),
        as_said_endings=_words(data["as_said_endings"]),
        punctuation_only=frozenset(_words(data["punctuation_only_verbs"])),
        continuing=frozenset(_words(data["continuing_verbs"])),
        evidence=frozenset(_words(data["evidence_verbs"])),
        hypothetical=_words(data["hypothetical_openers"]),
        expecting_verbs=frozenset(_words(data["expecting_verbs"])),
        followers=_words(data["follower_words"]),
        evidence_subjects=_words(data["evidence_subjects"]),
        turn_words=_words(data["turn_words"]),
        issuer_only=_words(data["issuer_only_descriptions"]),
        unnamed_someone=frozenset(_words(data["unnamed_someone"])),
        reporter_words=frozenset(_words(data["reporter_words"])),
        bare_stance=frozenset(_words(data["bare_stance_verbs"])),
        announcing=frozenset(_words(data["announcing_verbs"])),
        decisions=_words(data["decisions"]),
        title_glue=frozenset(_words(data["title_glue"])),
        title_endings=_words(data["title_endings"]),
        noun_verbs=frozenset(_words(data["noun_verbs"])),
        document_verbs=frozenset(_words(data["document_verbs"])),
        document_markers=_words(data["document_markers"]),
        adjacent_verbs=frozenset(_words(data["adjacent_verbs"])),
        blocked=_per_verb(data["blocked_continuations"]),
        unblocked=_per_verb(data["unblocked_continuations"]),
        blocked_before=_per_verb(data["blocked_before"]),
        agent_endings=_words(data["agent_endings"]),
        noun_markers=_words(data["noun_markers"]),
        negators=_words(data["negators"]),
        verb_enders=_words(data["verb_enders"]),
        not_verb_enders=_words(data["not_verb_enders"]),
        saying_verbs=frozenset(_words(data["saying_verbs"])),
        verb_events=frozenset(_words(data["event_words"])),
        passive_markers=_words(data["passive_markers"]),
        clause_verbs=frozenset(_words(data["clause_verbs"])),
        openers=_words(data["clause_openers"]),
        continuation_markers=_words(data["continuation_markers"]),
        addressee_markers=frozenset(_words(data["addressee_markers"])),
        addressee_verbs=frozenset(_words(data["addressee_verbs"])),
        shown_nouns=_words(data["shown_nouns"]),
        concessive_openers=_words(data["concessive_openers"]),
        adversative_openers=_words(data["adversative_openers"]),
        urging_verbs=frozenset(_words(data["urging_verbs"])),
        not_saying_acts=frozenset(_words(data["not_saying_acts"])),
        object_verbs=_words(data["object_verbs"]),
        claim_nouns=_words(data["claim_nouns"]),
        latter_words=frozenset(_words(data["latter_words"])),
        former_words=frozenset(_words(data["former_words"])),
        pair_words=frozenset(_words(data["pair_words"])),
        sides_words=frozenset(_words(data["sides_words"])),
        meeting_verbs=_words(data["meeting_verbs"]),
        meeting_nouns=_words(data["meeting_nouns"]),
        body_leaders=frozenset(_words(data["body_leaders"])),
        again_words=_words(data["again_words"]),
        couple_words=frozenset(_words(data["couple_words"])),
        team_words=_words(data["team_words"]),
        campaign_words=_words(data["campaign_words"]),
        verb_suffixes=suffixes,
        face_words=frozenset(_words(data["face_words"])),
        both_sides=_words(data["both_sides"]),
        both_sides_titles=_words(data["both_sides_titles"]),
        team_glue=frozenset(_words(data["team_glue"])),
        bracket_speech_words=_words(data["bracket_speech_words"]),
        relayed_words_marker=data["relayed_words_marker"],
        relayed_words_verbs=data["relayed_words_verbs"],
        object_markers=frozenset(_words(data["object_markers"])),
        addressing_verbs=frozenset(_words(data["addressing_verbs"])),
        any_body_words=frozenset(_words(data["any_body_words"])),
        and_others=frozenset(_words(data["and_others"])),
        language_words=frozenset(_words(data["language_words"])),
        issued_documents=_words(data["issued_documents"]),
        cited_words=_words(data["cited_words"]),
        clause_opening_verbs=frozenset(_words(data["clause_opening_verbs"])),
        prepositions=frozenset(_words(data["prepositions"])),
        topic_markers=_words(data["topic_markers"]),
        within_words=_words(data["within_words"]),
        learning_verbs=frozenset(_words(data["learning_verbs"])),
        learned_from_endings=frozenset(_words(data["learned_from_endings"])),
        learned_from_markers=_words(data["learned_from_markers"]),
        unnamed_official_titles=frozenset(_words(data["unnamed_official_titles"])),
        opinion_verbs=frozenset(_words(data["opinion_verbs"])),
        receiving_verbs=frozenset(_words(data["receiving_verbs"])),
        criticism_nouns=_words(data["criticism_nouns"]),
        personal_documents=_words(data["personal_documents"]),
        pointing_back=_words(data["pointing_back"]),
        relay_only_verbs=frozenset(_words(data["relay_only_verbs"])),
        basis_markers=_words(data["basis_markers"]),
        basis_endings=_words(data["basis_endings"]),
        frames=frozenset(_words(data["frames"])),
        frame_ends=_words(data["frame_ends"]),
        frame_clause_ends=_words([*data["topic_clause_ends"], *data["frame_ends"]]),
        fillers=frozenset(_words(data["fillers"])),
        channels=_words(data["channels"]),
        pressing_acts=_words(data["pressing_acts"]),
        again_markers=_words(data["again_markers"]),
        quoted_name_governors=_words(data["quoted_name_governors"]),
        posting_verbs=_words(data["posting_verbs"]),
        presenting_verbs=_words(data["presenting_verbs"]),
        channel_verbs=frozenset(_words(data["channel_verbs"])),
        attending_verbs=frozenset(_words(data["attending_verbs"])),
        topic_frames=_words(data["topic_frames"]),
        purpose_openers=_words(data["purpose_openers"]),
        directive_verbs=frozenset(_words(data["directive_verbs"])),
        directing_verbs=frozenset(_words(data["directing_verbs"])),
        titled_surnames=frozenset(data["titled_surnames"]),
        withheld_detail_verbs=_words(data["withheld_detail_verbs"]),
        answering_verbs=_words(data["answering_verbs"]),
        quote_continuers=_words(data["quote_continuers"]),
        profession_endings=_words(data["profession_endings"]),
        channel_nouns=_words(data["channel_nouns"]),
        source_prefixes=_words(data["source_prefixes"]),
        source_verbs=frozenset(_words(data["source_verbs"])),
        media_verbs=frozenset(_words(data["media_verbs"])),
        relay_verbs=_words(data["relay_verbs"]),
        unattributed=_words(data["unattributed"]),
        pronouns=_words(data["pronouns"]["person"]),
        plural_pronouns=frozenset(_words(data["pronouns"]["plural"])),
        demonstratives=_words(data["pronouns"]["demonstratives"]),
        pronouns_personal=_words(data["pronouns"]["personal"]),
        pronoun_verbs=frozenset(_words(data["pronoun_verbs"])),
        descriptions=_words(data["descriptions"]),
        official_accounts=_words(data["official_accounts"]),
        media_descriptions=_words(data["media_descriptions"]),
        author_words=_words(data["author_words"]),
        piece_words=_words(data["piece_words"]),
        expressing_verbs=frozenset(_words(data["expressing_verbs"])),
        judgment_words=_words(data["judgment_words"]),
        judicial_titles=_words(data["judicial_titles"]),
        court_endings=_words(data["court_endings"]),
        bare_government_words=_words(data["bare_government_words"]),
        service_words={normalise_key(k): _words(v) for k, v in data["service_words"].items()},
        service_places=_words(data["service_places"]),
        title_frames=_words(data["title_frames"]),
        side_bodies=normalise_key(data["side_bodies"]),
        topic_heads=frozenset(_words(data["topic_heads"])),
        author_intros=_words(data["author_intros"]),
        judging_verbs=frozenset(_words(data["judging_verbs"])),
        feeling_nouns=_words(data["feeling_nouns"]),
        administration_words=_words(data["administration_words"]),
        postures=_words(data["postures"]),
        manner_words=frozenset(_words(data["manner_words"])),
        reaction_openers=_words(data["reaction_openers"]),
        beside_words=_words(data["beside_words"]),
        source_nouns=_words(data["source_nouns"]),
        filed_from=_words(data["filed_from"]),
        gloss_openers=_words(data["gloss_openers"]),
        parallel_markers=_words(data["parallel_markers"]),
        body_demonstratives=_words(data["body_demonstratives"]),
        company_sorts=_words(data["company_sorts"]),
        comma_only=frozenset(_words(data["comma_only_verbs"])),
        quote_only=frozenset(_words(data["quote_only_verbs"])),
        unnamed_media_openers=_words(data["unnamed_media_openers"]),
        title_word_endings=_words(data["title_word_endings"]),
        addressee_marks=_words(data["addressee_marks"]),
        authorship_verbs=_words(data["authorship_verbs"]),
        publishing_verbs=_words(data["publishing_verbs"]),
        document_insides=_words(data["document_insides"]),
        issuing_verbs=_words(data["issuing_verbs"]),
        subject_clause_verbs=frozenset(_words(data["subject_clause_verbs"])),
        media_kinds=frozenset(data["media_kinds"]),
        media_suffixes=_words(data["media_suffixes"]),
        media_descriptors=_words(data["media_descriptors"]),
        anonymous_heads=_words([*data["anonymous_heads"], *data["person_nouns"]]),
        person_nouns=_words(data["person_nouns"]),
        sex_before=re.compile(f"(?:(?P<female>{alternatives(data['female_words'])})|"
                              f"(?P<male>{alternatives(data['male_words'])}))"
                              f"(?:{alternatives(data['naming_links'])})?$"),
        sex_after=re.compile(f"(?P<female>{alternatives(data['female_address'])})|"
                             f"(?P<male>{alternatives(data['male_address'])})"),
        anonymous_glue=frozenset(data["anonymous_glue"]),
        unique_titles=frozenset(matcher.unique_titles),
    )


def _mission(suffixes: Any) -> re.Pattern[str]:
    """驻 + a place + a mission's suffix (驻加拿大使馆)."""
    return re.compile("驻[\u4e00-\u9fff]{2,6}?(?:" + "|".join(_words(suffixes)) + ")")


class Rules:
    """The catalog, its matcher and the compiled lexicon, built once per catalog."""

    def __init__(self, catalog: Catalog, tagging: str | None = None) -> None:
        self.catalog = catalog
        # "focused" (the default) runs the tagger only where it pays; "full" on every
        # sentence, to measure what focusing costs (KB_TAGGING; docs/benchmarks.md).
        self.tagging = tagging or os.environ.get("KB_TAGGING", "focused")
        if self.tagging not in ("focused", "full"):
            raise ValueError(f"KB_TAGGING must be 'focused' or 'full', not {self.tagging!r}")
        self.matcher = matcher_for(catalog)
        data = catalog.lexicon
        self.lexicon = _lexicon(data, self.matcher)
        organization_suffixes = _words(data["organization_suffixes"])
        self.names = NameRules(
            titles=tuple(sorted(self.matcher.titles, key=lambda w: (-len(w), w))),
            organization_suffixes=organization_suffixes,
            long_organization_suffixes=tuple(s for s in organization_suffixes if len(s) >= 2),
            place_suffixes=_words(data["place_suffixes"]),
            place_before=_words(data["place_before"]),
            place_class_words=_words(data["place_class_words"]),
            place_after=_words(data["place_after"]),
            person_after=tuple(sorted(self.lexicon.verbs, key=len, reverse=True)),
            learning_verbs=tuple(sorted(self.lexicon.learning_verbs)),
            era_words=_words(data["era_words"]),
            agent_word_ends=frozenset(data["agent_word_ends"]),
            before_deng_in_words=frozenset(data["before_deng_in_words"]),
            place_name_ends=frozenset(data["place_name_ends"]),
            not_names=frozenset(_words(data["not_names"])),
            abbreviations=frozenset(self.matcher.abbreviations),
            address_terms=_words(data["address_terms"]),
            city_suffixes=frozenset(data["city_suffixes"]),
            mission=_mission(data["mission_suffixes"]),
            mission_suffixes=_words(data["mission_suffixes"]),
            surnames=frozenset(data["surnames"]),
            not_name_starts=frozenset(data["not_name_starts"]),
            located_institutions=_words(data["located_institutions"]),
            institution_fields=_words(data["institution_fields"]),
            school=re.compile(
                "(?P<name>(?:" + "|".join(_words(data["school_owners"])) + r")?[\u4e00-\u9fff]{2})"
                "(?P<level>" + "|".join(_words(data["school_levels"])) + ")"
            ),
            corporate_suffixes=_words(data["corporate_suffixes"]),
            branch_endings=_words(data["branch_endings"]),
            not_place_before=_words(data["not_place_before"]),
            given_name_place_endings=frozenset(data["given_name_place_endings"]),
            descriptive_suffixes=_words(data["descriptive_suffixes"]),
            sector_heads=_words(data["sector_heads"]),
            channel_words=tuple(w for w in _words(data["channels"]) if len(w) == 2),
            generic_bodies=frozenset(_words(data["generic_bodies"])),
            country_bodies=_words(data["country_bodies"]),
            led_bodies=_words(data["led_bodies"]),
            government_words=_words(data["government_words"]),
            paired_bodies=frozenset(_words(data["paired_bodies"])),
            suffix_words=frozenset(_words(data["suffix_words"])),
            people_nouns=_words(data["people_nouns"]),
            glued_adverbs=_words(data["glued_adverbs"]),
            surname_adverbs=_words(data["surname_adverbs"]),
            speaking_body_endings=_words(data["speaking_body_endings"]),
            local_governments=_words(data["local_governments"]),
            city_offices=(_words(data["city_offices"]["places"]), _words(data["city_offices"]["offices"])),
            utilities=_words(data["utilities"]),
            collective_bodies=frozenset(_words(data["collective_bodies"])),
            country_sort_words=frozenset(_words(data["country_sort_words"])),
            japanese_given_endings=frozenset(_words(data["japanese_given_endings"])),
            name_and_others=_words(data["name_and_others"]),
            list_joiners=data["list_joiners"],
            bracket_speech_words=_words(data["bracket_speech_words"]),
            title_prefix_chars=data["title_prefix_chars"],
            publication_sorts=_words(data["publication_sorts"]),
            verb_pieces={first: tuple(rest) for first, rest in data["verb_pieces"].items()},
            site_modifiers=_words(data["site_modifiers"]),
            ticket_words=_words(data["ticket_words"]),
            japan_words=_words(data["japan_words"]),
            # （译者：张茗喧/核稿：严思祺）, （翻译和编辑：RFI 法广电台 尼古拉）: the newsroom's
            # labels (joined by 和), then, after its outlet written out, the names
            staff_credit=re.compile("[（(]\\s*(?:" + alternatives(data["staff_credits"]) + ")(?:[和及、](?:"
                                    + alternatives(data["staff_credits"]) + "))*[：:]\\s*"
                                    r"(?:[^（）()：:\n]{1,20}\s)?"
                                    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[/／]"
                                    "(?:(?:" + alternatives(data["staff_credits"]) + ")[：:])?"
                                    r"[\u4e00-\u9fff]{2,4})*)\s*[）)]"),
            event_words=_words(data["event_words"]),
            not_body_words=_words(data["not_body_words"]),
            member_words=_words(data["member_words"]),
            thing_endings=_words(data["thing_endings"]),
            subsidiary_words=_words(data["subsidiary_words"]),
            field_body_suffixes=_words(data["field_body_suffixes"]),
            body_part_words=_words(data["body_part_words"]),
            japanese_surname_ends=data["japanese_surname_ends"],
            headline_verbs=data["headline_verbs"],
            japanese_given_name_ends=data["japanese_given_name_ends"],
            subsidiary_owners=_words(data["subsidiary_owners"]),
            sort_bodies=frozenset(_words(data["sort_bodies"])),
            period_words=frozenset(_words(data["period_words"])),
            time_words=frozenset(
                [*_words(data["period_words"]), *(w for w in _words(data["fillers"]) if len(w) == 2)]
            ),
            day_words=_words(data["day_words"]),
            legal_form_words=_words(data["legal_form_words"]),
            currency_endings=_words(data["currency_endings"]),
            compound_country_chars=frozenset({
                *self.matcher.abbreviations, *(data.get("army_abbreviations") or {}),
                *data["compound_country_characters"],
            }),
            region_words=_words(data["region_words"]),
            direction_prefixes=frozenset(data["direction_prefixes"]),
            prize_fields=_words(data["prize_fields"]),
            school_levels=frozenset(_words(data["school_levels"])),
            # 竞争对手三星, 分析机构克而瑞: a body's descriptor before a name says what it names
            naming_verbs=_words(data["naming_verbs"]),
            organization_after=_words(data["organization_after"]),
            not_place_after=_words(data["not_place_after"]),
            list_function_characters=frozenset(data["list_function_characters"]),
            pair_after=_words(data["pair_after"]),
            organization_before=_words([
                w for w in (*data["organization_before"], *data["organization_descriptors"])
                if w not in data["either_before"]
            ]),
            person_words=frozenset(
                w for w in (*self.lexicon.person_nouns, *self.matcher.titles, *_words(data["kin"]))
                if len(w) == 2
            ),
            titles_by_start=_by_first_character(self.matcher.titles),
            place_endings=_words(data["place_endings"]),
            facility_endings=_words(data["facility_endings"]),
            not_person_after=_words(data["not_person_after"]),
            glossed_things=_words(data["glossed_things"]),
            organization_descriptors=_words(data["organization_descriptors"]),
            quoted_body_descriptors=_words(data["quoted_body_descriptors"]),
            prepositions=frozenset(w for w in _words(data["prepositions"]) if len(w) == 1),
            modal_body_ends=frozenset(data["modal_body_ends"]),
            faction_endings=_words(data["faction_endings"]),
            titles_after_name=_words(data["titles_after_name"]),
            university_units=_words(data["university_units"]),
            school_owners=_words(data["school_owners"]),
            media_words=_words([*data["media_suffixes"], *data["publication_words"]]),
            media_verbs=_words(data["media_verbs"]),
            person_cues=_words([*self.matcher.titles, *self.lexicon.person_nouns,
                                *self.lexicon.anonymous_heads, *data["kin"], *data["name_cues"]]),
            university_words=_words(data["university_words"]),
            body_counters=_words(data["body_counters"]),
            sector_endings=_words(data["sector_endings"]),
            counted=re.compile(_NUMBER + "[" + re.escape(data["body_measure_words"]) + "]$"),
            counted_things=re.compile(_NUMBER + "[" + re.escape(data["thing_measure_words"]) + "]"),
            not_name_ends=frozenset(data["not_name_ends"]),
            chinese_name_not_ends=frozenset(data["chinese_name_not_ends"]),
            ownership_words=_words(data["ownership_words"]),
            leading_descriptors=_words(data["leading_descriptors"]),
            sort_modifiers=_words(data["sort_modifiers"]),
            object_verbs=_words(data["body_object_verbs"]),
            founding_verbs=_words(data["founding_verbs"]),
            leading_particles=frozenset(data["body_leading_particles"]["any"]),
            strict_leading_particles=frozenset(data["body_leading_particles"]["strict"]),
            delegation_words=_words(data["delegation_words"]),
            company_boards=_words(data["company_boards"]),
            business_lines=_words(data["business_lines"]),
            business_scopes=_words(data["business_scopes"]),
            legal_endings=_words(data["legal_endings"]),
            business_line_breakers=_words(data["business_line_breakers"]),
            official_accounts=_words(data["official_accounts"]),
            person_periods=_words(data["person_periods"]),
            town_parts=_words(data["town_parts"]),
            not_body_starts=frozenset(data["not_body_starts"]),
            body_joiners=_words(data["body_joiners"]),
            local_units=frozenset(_words(data["local_units"])),
            motion_verbs=frozenset(data["motion_verbs"]),
            name_withheld=_words(data["name_withheld"]),
            name_withheld_alone=frozenset(_words(data["name_withheld_alone"])),
            not_foreign_name_ends=frozenset(data["not_foreign_name_ends"]),
            plural_determiners=_words(data["plural_determiners"]),
            thing_latin_words=frozenset(
                _words([*data["organization_latin_words"], *data["place_latin_words"]])
            ),
            not_given_names=frozenset((*(v for v in self.lexicon.verbs if len(v) >= 2),
                                       *_words(data["anonymous_heads"]), *_words(data["follower_words"]),
                                       *_words(data["not_given_name_words"]))),
            fillers=_words(data["fillers"]),
            time_starts=frozenset(data["time_starts"]),
            group_endings=_words(data["group_endings"]),
        )
        self.brackets = BracketRules(
            descriptors=_words(data["organization_descriptors"]),
            # relay verbs end the text before a name as well (引述 | 国际原子能机构)
            delimiters=frozenset({*_words(data["bracket_delimiters"]), *_words(data["relay_verbs"]),
                                  *_words(data["naming_verbs"])}),
            latin_words=frozenset(_words(data["organization_latin_words"])),
            suffixes=tuple(sorted({*self.names.long_organization_suffixes, *self.lexicon.media_suffixes,
                                   "党", "军"}, key=len, reverse=True)),
            endings=organization_suffixes,
            # (a building or a site, 伦敦圣潘克拉斯车站（St Pancras）, is no body either, nor a
            # thing: 上诉仲裁多边协议（MPIA）)
            events=_words([*data["event_words"], *data["facility_endings"], *data["thing_endings"]]),
            person_words=tuple(t for t in self.names.person_cues if len(t) >= 2),
            places=_words(data["city_suffixes"]),
            leading=_words(data["leading_descriptors"]),
            staff_after=_words(data["body_staff_words"]),
            object_verbs=_words(data["body_object_verbs"]),
            corporate=_words(data["legal_endings"]),
        )
        # The kind and entry of each catalog form (a form several entries share: the first key's).
        self.catalog_keys = {
            form: min(keys) for form, (kind, keys, _) in self.matcher.forms.items() if kind == ENTITY and keys
        }
        self.catalog_kinds = {form: kind_of(key, self.matcher) for form, key in self.catalog_keys.items()}
        entries = catalog.entries
        self.names = replace(self.names, company_forms=frozenset(
            form for form, key in self.catalog_keys.items()
            if key in entries and entries[key].subkind in _COMPANY_KINDS and len(form) >= 2
            and not form.isascii()  # (YouTube | 视频, OpenAI | 投资: a Latin name and a word)
        ), country_forms=frozenset(
            form for form, key in self.catalog_keys.items()
            if key in entries and entries[key].kind == PLACE and entries[key].subkind == "country"
        ))
        self.place_keys = frozenset(e.key for e in catalog.entries.values() if e.kind == PLACE)
        self.organization_keys = frozenset(e.key for e in catalog.entries.values() if e.kind == ORGANIZATION)
        # Places with a government of their own (墨西哥政府, 加州政府; not 欧洲政府, a description).
        self.governed_place_keys = frozenset(
            e.key for e in catalog.entries.values()
            if e.kind == PLACE and e.subkind in ("country", "city", "region", "union")
        )
        # The country of each catalog form's entry ("" for an international one).
        self.catalog_countries = {
            form: (catalog.entries[key].country or "") if key in catalog.entries else ""
            for form, key in self.catalog_keys.items()
        }

    @cached_property
    def handle_owners(self) -> tuple[str, ...]:
        """Words for a platform's users, before a handle in quotes (网民“…”说)."""
        return _words(self.catalog.lexicon["handle_owners"])

    @cached_property
    def handle_words(self) -> frozenset[str]:
        """Words of the language a quoted handle cannot be (manner words, verbs, fillers)."""
        lex = self.lexicon
        return frozenset({*lex.verbs, *lex.manner_words, *lex.fillers})

    @cached_property
    def handle_followers(self) -> tuple[str, ...]:
        """What follows a social-media handle that speaks: a reporting verb or a channel."""
        return tuple(sorted({*self.lexicon.verbs, *self.lexicon.channels}))

    @cached_property
    def bracketed_speaker(self) -> re.Pattern[str]:
        """（新潟县知事花角英世语）right after a quotation: its speaker, then the word for words said."""
        words = alternatives(self.lexicon.bracket_speech_words)
        return re.compile(f"[（(]([^（）()，,。；;“”「」]{{2,24}}?)({words})[）)]")

    @cached_property
    def as_said(self) -> re.Pattern[str]:
        """正如X所指出的那样，: ``who`` said what follows, with ``verb`` (``so``: 所, ``ending``:
        的那样, one of them at least: 正如X在其著作中指出的那样，)."""
        lex = self.lexicon
        return re.compile(
            rf"(?:^|(?<=[。！？!?；;\n，,“「]))(?:{alternatives(lex.as_said_openers)})"
            rf"(?P<who>[^，,。；;“”「」\n]{{1,40}}?)(?P<so>所)?(?P<verb>{alternatives(lex.verbs)})"
            rf"(?P<ending>{alternatives(lex.as_said_endings)})?[，,：:]"
        )

    @cached_property
    def relayed_words(self) -> re.Pattern[str]:
        """Whose words a relay quotes and the verb they said them with (美国官员的话说)."""
        lex = self.lexicon
        marker, verbs = re.escape(lex.relayed_words_marker), lex.relayed_words_verbs
        return re.compile(f"[^，,。；;]{{1,30}}?{marker}[{verbs}]")

    @cached_property
    def both_holders(self) -> re.Pattern[str]:
        """One title on both sides (两国总理, 双方外长): group 1 is the title."""
        lex = self.lexicon
        return re.compile(f"(?:{alternatives(lex.both_sides)})({alternatives(lex.both_sides_titles)})")

    @cached_property
    def romanized_surnames(self) -> frozenset[str]:
        """Chinese and Korean surnames as written in Latin letters (zhu, chan, kim)."""
        return frozenset(self.catalog.lexicon["romanized_surnames"].split())

    @cached_property
    def not_given_names_latin(self) -> frozenset[str]:
        """Latin words that, beside a romanized surname, name a place or a thing (hong kong)."""
        return frozenset(self.catalog.lexicon["romanized_not_given"].split())

    @cached_property
    def latin_cues(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The words a Latin name may follow (titles, person words) and precede (reporting
        verbs), longest first, and how titles the catalog lacks end (投资官, 策略师), which a
        Latin name may follow before a reporting verb (see ``names.latin_names``)."""
        lex = self.lexicon
        before = {*self.matcher.titles, *lex.person_nouns, *lex.anonymous_heads,
                  *_words(self.catalog.lexicon["name_cues"])}
        # (记者Urs Schoettli撰写的评论: a writer, as much as a speaker)
        verbs = {*lex.verbs, *lex.authorship_verbs, "看来"}  # (在瑞银的Donovan看来)
        return (tuple(sorted(before, key=len, reverse=True)), tuple(sorted(verbs, key=len, reverse=True)),
                lex.title_word_endings)

    @cached_property
    def credits(self) -> re.Pattern[str]:
        """A photo or byline credit: 图片来源：Qilai Shen/Bloomberg News."""
        words = "|".join(map(re.escape, _words(self.catalog.lexicon["credit_words"])))
        agencies = "|".join(map(re.escape, _words(self.catalog.lexicon["credit_agencies"])))
        name = "[a-z][a-z.'\\-]*(?: [a-z][a-z.'\\-]*){1,2}"
        # …or a credit line of its own: Reuters/Tingshu Wang, Ding Ziyu/Xinhua, via Associated
        # Press, Daniele Volpe for The New York Times
        line = (f"(?m:^(?P<line>(?:{agencies})/{name}|{name}/(?:{agencies}))(?:, via [a-z .]+)?\\s*$"
                f"|(?:^|(?<=[。！？]))\\s*(?P<hired>{name}) for the new york times\\s*$)")
        # …or a caption's credit in brackets, its source first: (ABC Sunshine Coast: Jessica Ross)
        # (an agency's, an outlet's or one that supplied it: not (Magic: The Gathering))
        fillers = "|".join(map(re.escape, _words(self.catalog.lexicon["credit_fillers"])))
        source = f"(?:{agencies}|{fillers})(?: [a-z]+){{0,3}}"
        sourced = f"[(（]\\s*(?P<source>{source})\\s*[:：]\\s*(?P<sourced>{name})\\s*[)）]"
        credit = f"(?:{words})\\s*[:：,，]?\\s*(?P<credit>[a-z][a-z .'/\\-]{{2,80}})"
        # …or one who contributed reporting: Sun Narin自金边对本文有报道贡献
        contributed = f"(?P<contributed>{name})(?:自[^，,。\\n]{{1,10}})?对本文有报道贡献"
        return re.compile(f"{credit}|{line}|{sourced}|{contributed}")

    @cached_property
    def latin_body_sorts(self) -> tuple[str, ...]:
        """Words for a body's sort after its Latin name (Opex360网站): the Latin name alone names it."""
        return _words(self.catalog.lexicon["latin_body_words"])

    @cached_property
    def body_words(self) -> tuple[str, ...]:
        """Words of two characters or more that end a body's name (电视网, 公司): after a Latin
        name, the two name a body (CTV电视网)."""
        words = {*self.names.long_organization_suffixes, *self.lexicon.media_suffixes}
        # not a body's own name (COP28 | 联合国气候峰会)
        kept = (w for w in words if len(w) >= 2 and w not in self.catalog_kinds)
        return tuple(sorted(kept, key=lambda w: (-len(w), w)))

    @cached_property
    def country_forms(self) -> dict[str, str]:
        """Each catalog form of a country → its key (以色列, 以國 → israel)."""
        entries = self.catalog.entries
        return {form: key for form, key in self.catalog_keys.items()
                if key in entries and entries[key].kind == PLACE and entries[key].subkind == "country"}

    @cached_property
    def _governed_units(self) -> dict[str, str]:
        """Each country code → the catalog's place with a government of its own for it: the
        country, or a region that has a code of its own (HK, TW)."""
        entries = self.catalog.entries.values()
        units = {e.country.upper(): e.key for e in entries
                 if e.kind == PLACE and e.subkind == "country" and e.country}
        for e in entries:
            if e.kind == PLACE and e.subkind == "region" and e.country and e.country.upper() not in units:
                units[e.country.upper()] = e.key
        return units

    @cached_property
    def place_countries(self) -> dict[str, str]:
        """Each catalog form of a country, a self-governed region or a capital → the key of the
        country (or region) it is governed as (平壤 → north-korea, 香港 → hong-kong)."""
        entries, units = self.catalog.entries, self._governed_units
        # (a capital stands for its country, 北京当局; another city's authorities are its own, 上海当局)
        governed = set(units.values())
        return {form: units[code] for form, key in self.catalog_keys.items()
                if key in entries and entries[key].kind == PLACE
                and (code := (entries[key].country or "").upper()) in units
                and (key in governed or entries[key].speaks_for == units[code])}

    @cached_property
    def governments_keys(self) -> dict[str, str]:
        """A country's (or region's) key → its government's key in the catalog: the one its
        name and 政府 name (中国政府, 香港政府)."""
        entries = self.catalog.entries
        units = set(self._governed_units.values())
        named = {form + "政府": key for form, key in self.catalog_keys.items() if key in units}
        found: dict[str, str] = {}
        for form, key in self.catalog_keys.items():
            entry = entries.get(key)
            government = entry is not None and entry.kind == ORGANIZATION and entry.subkind == "government"
            if government and form in named:
                found.setdefault(named[form], key)
        return found

    @cached_property
    def country_names(self) -> dict[str, str]:
        """A country's (or region's) key → its catalog name (israel → 以色列)."""
        units = set(self._governed_units.values())
        return {e.key: e.name for e in self.catalog.entries.values() if e.key in units}

    @cached_property
    def authority_words(self) -> tuple[str, ...]:
        return _words(self.catalog.lexicon["authority_words"])

    @cached_property
    def army_words(self) -> tuple[tuple[str, ...], frozenset[str]]:
        """What follows a country for its army, and the characters that make 军 a word's."""
        data = self.catalog.lexicon
        return _words(data["army_words"]), frozenset(data["army_word_characters"])

    @cached_property
    def circumstance_openers(self) -> tuple[str, ...]:
        return _words(self.catalog.lexicon["circumstance_openers"])

    @cached_property
    def army_abbreviations(self) -> dict[str, str]:
        """One-character country forms before 军: the catalog's abbreviations and the lexicon's."""
        data = self.catalog.lexicon.get("army_abbreviations") or {}
        return {**self.matcher.abbreviations, **{str(c): str(k) for c, k in data.items()}}

    @cached_property
    def military_branches(self) -> tuple[dict[str, str], tuple[str, ...]]:
        """A service of arms' word → its English key part (空军 → air-force), and the sites
        named after a service (基地)."""
        data = self.catalog.lexicon
        branches = {normalise_key(str(k)): str(v) for k, v in data["military_branches"].items()}
        return branches, _words(data["military_branch_sites"])

    @cached_property
    def state_institutions(self) -> tuple[dict[str, str], tuple[str, ...]]:
        """An institution a country has one of → its English key part (最高法院 → supreme-court),
        and the words after it that make it a site (read as a service's)."""
        data = self.catalog.lexicon
        institutions = {normalise_key(str(k)): str(v) for k, v in data["state_institutions"].items()}
        return institutions, _words(data["military_branch_sites"])

    @cached_property
    def armed_forces_keys(self) -> dict[str, str]:
        """A country's key → its catalog armed forces' key, where the catalog lists them."""
        entries = self.catalog.entries
        countries = {e.country.upper(): e.key for e in entries.values()
                     if e.kind == PLACE and e.subkind == "country" and e.country}
        return {countries[e.country.upper()]: e.key for e in entries.values()
                if e.kind == ORGANIZATION and e.key.endswith("armed-forces") and e.country
                and e.country.upper() in countries}

    @cached_property
    def latin_company_words(self) -> tuple[tuple[str, ...], ...]:
        """The last words of companies' Latin names, what a company publishes (数据), the
        legal forms a Latin name may end in (Inc., & Co.) and a firm's people after its name
        (分析师)."""
        data = self.catalog.lexicon
        return (_words(data["latin_company_endings"]), _words(data["data_words"]),
                _words(data["latin_legal_forms"]), _words(data["employer_staff_words"]))

    @cached_property
    def latin_common_words(self) -> frozenset[str]:
        """Latin words that name no body, whatever body's word is before them (CEO, App)."""
        return frozenset(_words(self.catalog.lexicon["latin_common_words"]))

    @cached_property
    def credit_agencies(self) -> tuple[frozenset[str], frozenset[str]]:
        """Agencies a credit names, and credit words that name nothing."""
        data = self.catalog.lexicon
        return frozenset(_words(data["credit_agencies"])), frozenset(_words(data["credit_fillers"]))

    @cached_property
    def counted_group(self) -> re.Pattern[str]:
        """这3个政党, 这两家公司, 上述三国: a counted group of bodies named before."""
        nouns = "|".join(map(re.escape, _words(self.catalog.lexicon["counted_bodies"])))
        return re.compile(
            r"(?:这|这些|该|上述|以上)(?P<n>\d+|[两二三四五六七八九十])(?:个|家|名)?" + f"(?P<noun>{nouns})"
        )

    @cached_property
    def governments(self) -> dict[str, str]:
        """Each country's (or region's) government in the catalog, by country code."""
        found: dict[str, str] = {}
        for entry in self.catalog.entries.values():
            if entry.kind == ORGANIZATION and entry.subkind == "government" and entry.country:
                found.setdefault(entry.country, entry.key)
        return found

    @cached_property
    def home_services(self) -> dict[tuple[str, str], str]:
        """The catalog's body a country calls by a service word (HK, 警方 → 香港警务处, whose
        forms include 香港警方), by country code and word."""
        found: dict[tuple[str, str], str] = {}
        words = self.lexicon.service_words
        for form, (kind, keys, ambiguous) in sorted(self.matcher.forms.items()):
            if kind != ENTITY or len(keys) != 1 or ambiguous:
                continue
            entry = self.catalog.entries.get(next(iter(keys)))
            if entry is None or entry.kind != ORGANIZATION or not entry.country:
                continue
            for word in words:
                if form.endswith(word) and len(form) > len(word):
                    found.setdefault((entry.country.upper(), word), entry.key)
        return found

    @cached_property
    def readings(self) -> Readings:
        """The catalog's people by how their names sound (kb/extract/readings.py)."""
        people = {}
        for form, (kind, keys, ambiguous) in self.matcher.forms.items():
            if kind == ENTITY and len(keys) == 1 and not ambiguous:
                key = next(iter(keys))
                if self.kind_of(key) == PERSON:
                    people[form] = key
        return Readings(people, transliteration_chars())

    @cached_property
    def name_cues(self) -> re.Pattern[str]:
        """Signs of a name the catalog may not know (see kb/extract/focus.py)."""
        data = self.catalog.lexicon
        # (其已逝妻子 | 隋立松, 大子 | 林涛: a relative's word before a name no catalog lists)
        kin = [w for w in _words(data["kin"]) if len(w) >= 2 and w not in self.matcher.titles]  # (not 王储)
        return _first_of((*_words(data["name_cues"]), *kin))

    @cached_property
    def listed_names(self) -> re.Pattern[str]:
        """Two short words opening with a surname, in a list: 谢阳、王全璋."""
        surname = "[" + re.escape(self.catalog.lexicon["surnames"]) + "]"
        word = f"{surname}[\u4e00-\u9fff]{{1,2}}[、，及和与]"
        return re.compile(word + word)

    @cached_property
    def not_name_starts(self) -> frozenset[str]:
        """Characters that follow a title or person word where no name follows (发言人在)."""
        return frozenset(self.catalog.lexicon["not_name_starts"])

    @cached_property
    def organization_cues(self) -> re.Pattern[str]:
        """Suffixes of organizations (see kb/extract/focus.py)."""
        lexicon = self.catalog.lexicon
        return _first_of((*_words(lexicon["organization_cues"]), *_words(lexicon["school_levels"])))

    @cached_property
    def opens_with_person_noun(self) -> re.Pattern[str]:
        """A clause opening (after 但, 而, 也 …) with a person noun: 但女儿考出…"""
        openers = alternatives(self.lexicon.openers)
        nouns = alternatives(self.lexicon.person_nouns)
        return re.compile(f"\\s*(?:{openers})*(?:{nouns})")

    @cached_property
    def document_subject(self) -> re.Pattern[str]:
        """A document named as a clause's subject: 该份文件, 这项报告, 此声明."""
        lex = self.lexicon
        nouns = alternatives((*lex.issued_documents, *lex.evidence_subjects, *lex.noun_verbs))
        return re.compile(f"[该这此][份项篇个则]?(?:{nouns})")

    @cached_property
    def unnamed_people(self) -> re.Pattern[str]:
        """A counted person without a name: 一名妇女, 这位年轻人, 一名当地男子."""
        nouns = alternatives(self.lexicon.person_nouns)
        return re.compile(f"[一这那该][名位个][^，。,；;：:]{{0,8}}?(?:{nouns})")

    @cached_property
    def honorifics(self) -> re.Pattern[str]:
        """Words that follow a name (林先生, 施婉清摄)."""
        return _first_of(_words(self.catalog.lexicon["honorifics"]))

    @cached_property
    def transliterated(self) -> re.Pattern[str]:
        """Runs of three or more characters of transliterated names, across a name's dot
        (巴里·斯托)."""
        chars = re.escape("".join(sorted(transliteration_chars())))
        return re.compile(f"[{chars}](?:·?[{chars}]){{2,}}")

    @cached_property
    def known_words(self) -> re.Pattern[str]:
        """The words the lexicon tags by itself (see ``known_tag``), longest first; times by
        their shape (周一, 当地时间10月3日, 23日晚间)."""
        lex, lexicon = self.lexicon, self.catalog.lexicon
        groups = {
            "time": _TIME.replace("PART", "|".join(map(re.escape, _words(lexicon["times_of_day"])))),
            "opener": alternatives(lex.openers),
            "filler": alternatives(lex.fillers),
            "channel": alternatives(lex.channels),
            "pronoun": alternatives(lex.pronouns),
        }
        named = (f"(?P<{name}>{pattern})" for name, pattern in groups.items() if pattern)
        return re.compile("|".join(named))

    @staticmethod
    def known_tag(match: re.Match[str]) -> str:
        return _KNOWN_TAGS[match.lastgroup or "filler"]

    def kind_of(self, key: str) -> str:
        return kind_of(key, self.matcher)


def rules_for(catalog: Catalog) -> Rules:
    """The catalog's rules, built once per catalog object."""
    rules = catalog.__dict__.get("_rules")
    if rules is None:
        rules = catalog.__dict__["_rules"] = Rules(catalog)
    return rules


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return rules_for(default_catalog())
