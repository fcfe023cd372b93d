"""The records names are found as, and the lexicon's word lists that judge them: shared by
``kb.extract.names`` (people, places, the whole pass) and ``kb.extract.bodies``
(organizations' shapes)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property


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
    place_class_words: tuple[str, ...]  # a sort of place before its name: 城市, 首都
    place_after: tuple[str, ...]  # words after a place: 市, 一带, 境内
    person_after: tuple[str, ...]  # words after a person: reporting verbs
    learning_verbs: tuple[str, ...]  # 获悉: what is learned from one speaks, the learner does not
    era_words: tuple[str, ...]  # 时代: after a name, a leader's era
    agent_word_ends: frozenset[str]  # 人, 者, 家: how words for who one is end
    before_deng_in_words: frozenset[str]  # 平 (平等): 等 ends a word, no "and others"
    place_name_ends: frozenset[str]  # 州, 省: how places' names end
    not_names: frozenset[str]
    abbreviations: frozenset[str]  # one-character country forms (美, 俄, 中 …)
    address_terms: tuple[str, ...] = ()  # 先生, 女士: a surname before them is the name
    city_suffixes: frozenset[str] = frozenset()  # 市, 县: a city's ending
    mission: re.Pattern[str] = re.compile("(?!)")  # 驻加拿大使馆: a country's mission elsewhere
    mission_suffixes: tuple[str, ...] = ()  # 使馆: a mission, no place (驻日 | 使馆)
    generic_bodies: frozenset[str] = frozenset()  # 法院, 军队: a country's, not a name
    staff_credit: re.Pattern[str] = re.compile("(?!)")  # （编辑：A/B）: newsroom staff, named in full
    collective_bodies: frozenset[str] = frozenset()  # 军队, 反对党: a place's forces or opposition
    country_sort_words: frozenset[str] = frozenset()  # 医院, 电台 (英国医院: a description)
    japanese_given_endings: frozenset[str] = frozenset()  # 一郎, 之介: no Chinese given name's
    name_and_others: tuple[str, ...] = ()  # 等人: a name ends before it
    list_joiners: str = ""  # 和与及: "and" before a name in a list, no part of it
    bracket_speech_words: tuple[str, ...] = ()  # 语, 说: （知事花角英世语）, who said it, after a name
    title_prefix_chars: str = ""  # 副: a title's first character after a surname (赖副总统)
    publication_sorts: tuple[str, ...] = ()  # 杂志, 周刊: right before a title in 《》, a publication's
    verb_pieces: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # 所 → 说, 言 …
    site_modifiers: tuple[str, ...] = ()  # 国际: between a site's namesake and its word (国际机场)
    ticket_words: tuple[str, ...] = ()  # 配: after candidates' characters, a ticket
    japan_words: tuple[str, ...] = ()  # 日本: an article that names them is about Japan
    speaking_body_endings: tuple[str, ...] = ()  # 局, 委会: a short body's name, before a verb
    local_governments: tuple[str, ...] = ()  # 市府, 县府: a place's own government
    city_offices: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # 市 | 警局: a city's own office
    utilities: tuple[str, ...] = ()  # 捷运, 自来水: a place's own service company (台北 | 捷运公司)
    glued_adverbs: tuple[str, ...] = ()  # 如是: an adverb the tagger glues to a name before a verb
    surname_adverbs: tuple[str, ...] = ()  # 就: an adverb after a surname alone (彭就指)
    paired_bodies: frozenset[str] = frozenset()  # 部会: bodies of two sorts, by their one-character words
    suffix_words: frozenset[str] = frozenset()  # 军力: a one-character suffix and the word it begins
    people_nouns: tuple[str, ...] = ()  # 难民, 族群: what members of a people are (罗兴亚难民)
    government_words: tuple[str, ...] = ()  # 政府, 当局: a place's government, named by the place
    led_bodies: tuple[str, ...] = ()  # 政府, 内阁: bodies a person leads, named after them
    country_bodies: tuple[str, ...] = ()  # 党, 军: a short body's ending that a country before it owns
    sort_bodies: frozenset[str] = frozenset()  # 地方政府, 有关部门: many bodies of a sort
    organization_before: tuple[str, ...] = ()  # 巨头, 竞争对手: words before a company
    organization_after: tuple[str, ...] = ()  # 股价, 财报: words after a company
    not_place_after: tuple[str, ...] = ()  # 市场: words after a name that begin a word, no city
    list_function_characters: frozenset[str] = frozenset()  # 在, 的: in no name of a counted list
    naming_verbs: tuple[str, ...] = ()  # 叫, 名为: what follows is a name
    pair_after: tuple[str, ...] = ()  # 两国: after two countries' one-character forms
    event_words: tuple[str, ...] = ()  # 峰会, 记者会: events, though they end like bodies
    not_body_words: tuple[str, ...] = ()  # 官网, 汇报: end like a body's name, name none
    member_words: tuple[str, ...] = ()  # 人, 籍: a body's people after its name
    thing_endings: tuple[str, ...] = ()  # 奖, 协定: a thing's name, no body's
    period_words: frozenset[str] = frozenset()  # 年初: its second character begins no name
    time_words: frozenset[str] = frozenset()  # 年初, 上周: its second character begins no name
    legal_form_words: tuple[str, ...] = ()  # 有限, 股份: a company's legal form before its ending
    subsidiary_words: tuple[str, ...] = ()  # 子公司, 分行: a body's part or offspring
    body_part_words: tuple[str, ...] = ()  # 小组, 部门: a body's parts
    field_body_suffixes: tuple[str, ...] = ()  # 部, 署: a body named for two fields (住房和城乡建设部)
    japanese_surname_ends: str = ""  # 田, 野: how two-character Japanese surnames end
    headline_verbs: str = ""  # 签, 提: a headline's verb after a short name
    japanese_given_name_ends: str = ""  # 男, 一: how Japanese given names end
    subsidiary_owners: tuple[str, ...] = ()  # 全资, 旗下: how a part is held
    currency_endings: tuple[str, ...] = ()  # 镑, 币: a currency named after its country
    # characters that stand for countries inside compounds, abbreviations or not (日 in 中日韩)
    compound_country_chars: frozenset[str] = frozenset()
    region_words: tuple[str, ...] = ()  # 地区, 区: a place's area after its name
    direction_prefixes: frozenset[str] = frozenset()  # 东, 北: a place of its own before a place
    prize_fields: tuple[str, ...] = ()  # 新闻, 人权: a prize's field after the name it is named after
    school_levels: frozenset[str] = frozenset()  # 高中, 国中: a sort of school after a place
    channel_words: tuple[str, ...] = ()  # 贴文, 发文: how someone spoke, glued after a name
    sector_heads: tuple[str, ...] = ()  # 巨头, 龙头: (中国科技)巨擘腾讯
    descriptive_suffixes: tuple[str, ...] = ()  # 公司, 执政党: described, not named, after a country
    person_words: frozenset[str] = frozenset()  # two-character person nouns and titles (儿子, 公主)
    surnames: frozenset[str] = frozenset()  # common Chinese surnames
    not_name_starts: frozenset[str] = frozenset()  # characters no name goes on with (在, 的, 上)
    located_institutions: tuple[str, ...] = ()  # 大学, 高中: a place before them is no part of the name
    institution_fields: tuple[str, ...] = ()  # 师范, 教育: an institution's field, not its name
    school: re.Pattern[str] = re.compile("(?!)")  # 淡水国中: a name and a school's level
    corporate_suffixes: tuple[str, ...] = ()  # 公司, 集团: the endings a company's name varies by
    branch_endings: tuple[str, ...] = ()  # 党部, 支部: a branch named after its body
    not_place_before: tuple[str, ...] = ()  # 至于, 对于: they end in 于 but put no place after them
    given_name_place_endings: frozenset[str] = frozenset()  # 州, 山: 陈百州 is a person
    person_cues: tuple[str, ...] = ()  # titles and person words: what stands before a person
    place_endings: tuple[str, ...] = ()  # 市中心, 市区: a place's part, though it ends like a body
    facility_endings: tuple[str, ...] = ()  # 车站, 机场: a building or a site, no name of ours
    not_person_after: tuple[str, ...] = ()  # 级, 奖, 诊所: what makes a name part of another thing
    glossed_things: tuple[str, ...] = ()  # 飞弹, 发电厂: the same after a Latin gloss (not 计划)
    organization_descriptors: tuple[str, ...] = ()  # 通讯社, 公司: what describes a body before its name
    quoted_body_descriptors: tuple[str, ...] = ()  # 组织, 团体: a quoted name after them is a body's
    prepositions: frozenset[str] = frozenset()  # 向, 对: one-character prepositions (向 | 斯特凡尼克)
    modal_body_ends: frozenset[str] = frozenset()  # 署, 局: a body's end that 会 (will) may follow
    faction_endings: tuple[str, ...] = ()  # 派: a faction named after a person (安倍派)
    titles_after_name: tuple[str, ...] = ()  # 公主, 博士, 中将: a person's title written after the name
    university_units: tuple[str, ...] = ()  # 学系, 研究所: a university's units
    school_owners: tuple[str, ...] = ()  # 国立, 私立: who runs a school
    media_words: tuple[str, ...] = ()  # 网站, 杂志, 报: what a quoted publication's name is
    media_verbs: tuple[str, ...] = ()  # 报道, 报导: what a publication does, after its name
    university_words: tuple[str, ...] = ()  # 大学: what a university's name ends in
    body_counters: tuple[str, ...] = ()  # 一家, 这家: a sort of body counted, not a name
    counted: re.Pattern[str] = re.compile("(?!)")  # 34家, 三所: a number of bodies, before a sort
    sector_endings: tuple[str, ...] = ()  # 业, 界: 银行业 is a sector, not a bank
    not_name_ends: frozenset[str] = frozenset()  # 又, 亦: no name ends in them
    chinese_name_not_ends: frozenset[str] = frozenset()  # 因: no three-character Chinese name ends in it
    not_foreign_name_ends: frozenset[str] = frozenset()  # 后, 来: no foreign name ends in them
    plural_determiners: tuple[str, ...] = ()  # 多国, 各国: a body's word made plural
    name_withheld: tuple[str, ...] = ()  # 姓, 某: after a surname, no name is given
    name_withheld_alone: frozenset[str] = frozenset()  # 男, 女: no name, when alone after a surname
    ownership_words: tuple[str, ...] = ()  # 国营, 民营: who owns a body, before its name
    leading_descriptors: tuple[str, ...] = ()  # 智库, 大党: inside a tagged body, its name follows
    sort_modifiers: tuple[str, ...] = ()  # 国际, 亲政府: what sort a body is, before a sort's word
    object_verbs: tuple[str, ...] = ()  # 促使, 敦促: verbs a body is the object of, run into it
    founding_verbs: tuple[str, ...] = ()  # 开设, 成立: inside a body, what was founded follows
    leading_particles: frozenset[str] = frozenset()  # 另, 依, 和: run into a body's start
    strict_leading_particles: frozenset[str] = frozenset()  # 另, 至: off without the rest elsewhere
    not_body_starts: frozenset[str] = frozenset()  # 性, 间: word endings that begin no body
    counted_things: re.Pattern[str] = re.compile("(?!)")  # 三艘: a count of a body's things before it
    company_boards: tuple[str, ...] = ()  # 董事会: a company's board after its name
    business_lines: tuple[str, ...] = ()  # 证券, 游戏: a company's line of business, after its name a unit
    business_line_breakers: tuple[str, ...] = ()  # 业, 店: after a line, a longer word
    official_accounts: tuple[str, ...] = ()  # 官博, 公众号: a body's account after its name
    legal_endings: tuple[str, ...] = ()  # 有限公司, 集团: a company's legal form at its end
    business_scopes: tuple[str, ...] = ()  # 全球, 国际: a unit's reach, between company and line
    company_forms: frozenset[str] = frozenset()  # the catalog's forms of companies and media (网易, 瑞穗)
    country_forms: frozenset[str] = frozenset()  # the catalog's forms of countries (英国, 尼加拉瓜)
    person_periods: tuple[str, ...] = ()  # 时期, 任内: a person's time after their name
    town_parts: tuple[str, ...] = ()  # 市区: where a body stands, inside its tagged name
    delegation_words: tuple[str, ...] = ()  # 访团, 代表团: a body's visitors after its name
    body_joiners: tuple[str, ...] = ()  # 和, 等: between two bodies' names
    local_units: frozenset[str] = frozenset()  # 办公室, 分社: a body's unit in a place
    motion_verbs: frozenset[str] = frozenset()  # 送, 赴: the tagger may run them into a body's name
    thing_latin_words: frozenset[str] = frozenset()  # gardens, institute: a Latin name of no person
    # 辩称, 人士, 粉: after a surname, a verb or a group's word (曾辩称, 挺郭人士, 郭粉), no given name
    not_given_names: frozenset[str] = frozenset()
    day_words: tuple[str, ...] = ()  # 明天, 星期一: a day before a body the tagger ran into it
    fillers: tuple[str, ...] = ()  # 日前, 也: times and adverbs between a speaker and its verb
    group_endings: tuple[str, ...] = ()  # 族, 人: a people or a group, no body (库德族, 阿拉伯人)
    time_starts: frozenset[str] = frozenset()  # 近, 本: characters that begin a time word (近日)
    titles_by_start: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # titles by first character

    # Long word lists asked "does the text start or end with one of them here" thousands of
    # times an article: str.startswith(tuple) compares every word, a set asks once per length.
    @cached_property
    def title_words(self) -> Affixes:
        return Affixes(self.titles)

    @cached_property
    def person_after_words(self) -> Affixes:
        return Affixes(self.person_after)

    @cached_property
    def time_word_set(self) -> Affixes:
        return Affixes(self.time_words)

    @cached_property
    def descriptor_words(self) -> Affixes:
        return Affixes(self.organization_descriptors)

    @cached_property
    def person_cue_words(self) -> Affixes:
        return Affixes(self.person_cues)

    @cached_property
    def after_person_words(self) -> Affixes:
        """Reporting verbs and titles written after a name (余文生说, 余文生夫妇)."""
        return Affixes((*self.person_after, *self.titles_after_name))


class Affixes:
    """A set of words, asked whether a text has one of them starting or ending at a place."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(w for w in words if w)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def starts_at(self, text: str, pos: int = 0) -> bool:
        """``text.startswith(words, pos)``."""
        words = self.words
        return any(text[pos : pos + n] in words for n in self.lengths)

    def ends_at(self, text: str, end: int | None = None) -> bool:
        """``text.endswith(words, 0, end)``."""
        if end is None or end > len(text):
            end = len(text)
        elif end < 0:
            end = max(0, len(text) + end)
        words = self.words
        return any(text[end - n : end] in words for n in self.lengths if n <= end)

    def longest_end(self, text: str) -> str | None:
        """The longest word ``text`` ends with and is longer than."""
        words = self.words
        return next((text[-n:] for n in self.lengths if n < len(text) and text[-n:] in words), None)


__all__ = ["Affixes", "Name", "NameRules"]
