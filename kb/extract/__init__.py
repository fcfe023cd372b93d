"""Extraction: outlets, entities, mentions, roles and statements of a parsed article.

``extract(article)`` is the whole stage; it reads only the article and the catalogs."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from kb.catalog import ORGANIZATION, PERSON, Catalog
from kb.extract.administrations import people_of_administrations
from kb.extract.bodies import armed_forces, business_units, campaigns, military_branches, place_governments
from kb.extract.bracketed import bracketed_organizations
from kb.extract.entities import (
    ENTITY,
    Token,
    discover,
    discover_speakers,
    discover_titled,
    drop_inside_titles,
    entity_info,
    resolve_ambiguous,
    scan,
    slug,
)
from kb.extract.focus import focus
from kb.extract.handles import handles
from kb.extract.latin import (
    latin_after_descriptors,
    latin_bodies,
    latin_companies,
    latin_names,
    latin_short_forms,
    romanized_names,
)
from kb.extract.name_rules import Name
from kb.extract.names import names_a_thing, tagged_names
from kb.extract.outlets import resolve_outlet
from kb.extract.records import (
    EntityInfo,
    Extraction,
    Mention,
    OutletRef,
    Role,
    Statement,
)
from kb.extract.rules import Rules, default_rules, rules_for
from kb.extract.same_body import without_country
from kb.extract.statements import StatementFinder
from kb.extract.surnames import surnames_alone
from kb.extract.tagger import Word, dates_apart, default_tagger
from kb.extract.text import sentence_spans
from kb.normalise import NormalisedText, normalise
from kb.parse import BYLINE_SEPARATORS, ParsedArticle

_LINE_BREAK = re.compile("\n")

# Bump when extraction changes, so that `kb load` re-extracts unchanged files.
EXTRACTOR_VERSION = "34"

__all__ = [
    "EXTRACTOR_VERSION",
    "EntityInfo",
    "Extraction",
    "Mention",
    "OutletRef",
    "Role",
    "Rules",
    "Statement",
    "extract",
    "extract_all",
    "rules_for",
]


def extract(article: ParsedArticle, rules: Rules | Catalog | None = None) -> Extraction:
    """Outlet, entities, mentions, roles and statements of one parsed article."""
    result = extract_all([article], rules)[0]
    if isinstance(result, Exception):
        raise result
    return result


def extract_all(articles: Sequence[ParsedArticle], rules: Rules | Catalog | None = None
                ) -> list[Extraction | Exception]:
    """``extract`` of each article, the tagger reading all their sentences in shared batches
    (its network costs a third as much a character in a batch of thirty as alone; the words
    are the same). An article whose extraction fails gets its exception in its place, so the
    others still count."""
    if rules is None:
        rules = default_rules()
    elif isinstance(rules, Catalog):
        rules = rules_for(rules)
    begun: list[_Begun | Exception] = []
    for article in articles:
        try:
            begun.append(_begin(article, rules))
        except Exception as exc:  # noqa: BLE001 - reported in the article's place
            begun.append(exc)
    drafts = [b for b in begun if isinstance(b, _Begun)]
    tagged = default_tagger().tag_many([(d.text.text, d.spans) for d in drafts])
    words_of = {id(d): w for d, w in zip(drafts, tagged, strict=True)}
    results: list[Extraction | Exception] = []
    for item in begun:
        if isinstance(item, Exception):
            results.append(item)
            continue
        try:
            results.append(_finish(item, words_of[id(item)], rules))
        except Exception as exc:  # noqa: BLE001 - reported in the article's place
            results.append(exc)
    return results


@dataclass(slots=True)
class _Begun:
    """An article read up to what the tagger must read of it."""

    article: ParsedArticle
    text: NormalisedText
    spans: list[tuple[int, int]]
    known: list[Word]


def _begin(article: ParsedArticle, rules: Rules) -> _Begun:
    text = normalise(article.text)
    # The tagger reads where it pays (kb/extract/focus.py); the lexicon tags what it knows.
    spans = sentence_spans(text.text)
    known: list[Word] = []
    if rules.tagging == "focused":
        focused = focus(text.text, spans, scan(text.text, rules.matcher), rules)
        spans, known = focused.spans, focused.words
    return _Begun(article, text, list(spans), known)


def _finish(begun: _Begun, tagged: list[Word], rules: Rules) -> Extraction:
    article, text = begun.article, begun.text
    catalog, matcher = rules.catalog, rules.matcher
    view = text.text
    line_starts = [0, *map(re.Match.end, _LINE_BREAK.finditer(text.original))]

    def line_of(offset: int) -> int:
        return bisect_right(line_starts, offset) - 1

    result = Extraction(outlet=resolve_outlet(article, catalog))
    words = sorted([*tagged, *begun.known], key=lambda w: w.start)
    words = dates_apart(view, words, rules.lexicon.prepositions)
    names = tagged_names(view, words, rules.names, rules.catalog_kinds, rules.readings, _tags_alone,
                         rules.catalog_keys, rules.catalog_countries)
    extra = {name.form: name.key for name in names}
    extra.update(latin_names(view, rules.latin_cues, rules.credits, rules.credit_agencies,
                             rules.brackets.latin_words, rules.circumstance_openers))
    extra.update({form: key for form, key in romanized_names(
        view, rules.romanized_surnames, rules.not_given_names_latin, rules.brackets.latin_words,
        frozenset(rules.catalog_kinds), rules.latin_cues[1]).items() if form not in extra})
    latin_people = tuple(form for form, key in extra.items() if key.startswith("person:"))
    bodies = latin_bodies(text, rules.body_words, catalog.alias_index, rules.credit_agencies[1],
                          rules.latin_body_sorts)
    # (州长Tim Walz | 组织(会议): a person named, then what they did)
    extra.update({form: key for form, key in bodies.items() if not form.startswith(latin_people)})
    extra.update(latin_companies(text, *rules.latin_company_words, catalog.alias_index,
                                 rules.latin_common_words))
    extra.update(latin_after_descriptors(text, rules.names.organization_before, catalog.alias_index,
                                         rules.latin_common_words, rules.names.quoted_body_descriptors))
    extra.update(handles(view, rules.handle_followers, rules.handle_owners, rules.handle_words))
    extra.update(business_units(view, words, matcher.form_hits(view), rules.names, rules.catalog_kinds))
    extra.update(armed_forces(view, rules.country_forms, rules.army_abbreviations, rules.armed_forces_keys,
                              rules.catalog_keys, rules.army_words))
    extra.update(military_branches(view, rules.country_forms, rules.catalog_keys, rules.military_branches))
    extra.update(military_branches(view, rules.country_forms, rules.catalog_keys, rules.state_institutions))
    extra.update(place_governments(view, rules.place_countries, rules.governments_keys, rules.country_names,
                                   rules.catalog_keys, rules.authority_words, rules.names.list_joiners))
    extra.update(without_country(view, matcher.form_hits(view), rules.catalog_keys, rules.catalog_kinds,
                                 rules.country_forms, rules.names, extra))
    organizations = bracketed_organizations(text, words, rules.brackets, rules.catalog_kinds,
                                            catalog.alias_index, result.entities, _tags_alone,
                                            rules.catalog_keys)
    if organizations:
        # 研究公司龙洲经讯（GaveKal）: the tagger's longer form held a descriptor; the
        # bracket says where the name starts.
        for form in [f for f in extra if any(f != o and f.endswith(o) for o in organizations)]:
            del extra[form]
        # 共和银行 beside 第一共和银行（First Republic Bank）: the tagger's shorter form is the same body.
        for form, key in list(extra.items()):
            longer = {k for o, k in organizations.items() if o != form and o.endswith(form)}
            if key.startswith("organization:") and len(longer) == 1:
                extra[form] = longer.pop()
        extra.update(organizations)
    bracketed = discover(text, matcher, result.entities, taken=organizations, tagged=extra,
                         company_after=rules.names.organization_after)
    for form, key in list(bracketed.items()):
        if key.startswith("person:") and names_a_thing(view, form, rules.names):
            # 哈利勒苏莱曼（Khalil Suleiman）医院: the bracket glosses a hospital's name, both forms
            for other in [f for f, k in bracketed.items() if k == key]:
                del bracketed[other]
            if key not in extra.values():
                result.entities.pop(key, None)
    extra.update(bracketed)
    for form, key in list(extra.items()):
        # 凯盛融英香港办事处 is keyed by its body, 凯盛融英, which a bracket has since keyed by its
        # Latin name (Capvision): the body's key now.
        body = key.partition(":zh-")[2]
        if body and body != form and extra.get(body, key) != key:
            extra[form] = extra[body]
    extra.update(latin_short_forms(view, extra, rules.latin_company_words[2]))
    _whole_bracketed_names(view, names, bracketed, extra, result.entities, rules.names.person_cues)
    tokens = scan(view, matcher, extra)
    titled = {
        k: v
        for found in (discover_titled(view, tokens, matcher), discover_speakers(view, tokens, matcher))
        for k, v in found.items()
        if k not in extra and not _longer_than_tagged(k, extra)
    }
    if titled:
        extra.update(titled)
        tokens = scan(view, matcher, extra)
    people = [(t.start, t.end) for t in tokens if t.key and rules.kind_of(t.key) == PERSON]
    running = {f: k for f, k in campaigns(view, people, rules.lexicon.campaign_words,
                                          rules.lexicon.verb_prefix_anywhere).items() if f not in extra}
    if running:
        extra.update(running)  # (拜登竞选团队: the campaign, a body, not the candidate)
        tokens = scan(view, matcher, extra)
    tokens = drop_inside_titles(tokens, view)
    tokens, words = surnames_alone(view, tokens, words, rules.names.surnames,
                                   {*rules.lexicon.fillers, *rules.names.surname_adverbs},
                                   rules.lexicon.verb_prefix, _tags_alone)
    resolve_ambiguous(tokens, view, matcher, result.outlet.country)
    # The person an administration is named after (李在明 | 政府) is a mention only: the finder
    # reads the administration.
    inner = people_of_administrations(view, tokens, matcher, rules.lexicon.administration_words,
                                      rules.names.surnames)
    mentioned = sorted([*tokens, *inner], key=lambda t: t.start) if inner else tokens

    entities, origins = result.entities, text.origins
    parent: tuple[Token, int] | None = None  # the last organization mentioned, and where it starts
    for token in mentioned:
        key = token.key
        if token.type != ENTITY or key is None:
            continue
        # ``text.span`` of a token (never empty), written out: this runs for every mention.
        start, end = origins[token.start], origins[token.end - 1] + 1
        surface = text.original[start:end]
        info = entities.get(key) or entity_info(key, matcher, entities, _written(key, text, surface))
        if info.origin == "discovered":
            info = _with_alias(info, surface, "discovered")
        if info.origin == "discovered" and info.kind == ORGANIZATION and parent is not None and (
                parent[0].end == token.start and parent[0].key != key):
            # (美國眾議院 | 中國問題特別委員會: a body's unit written after it, its full name too)
            info = _with_alias(info, text.original[parent[1] : end], "written")
        parent = (token, start) if info.kind == ORGANIZATION else None
        suffix = next((s for s in rules.names.corporate_suffixes if view.startswith(s, token.end)), "")
        company = info.kind == ORGANIZATION and info.subkind == "company"
        if suffix and company and not surface.endswith(suffix):
            # (JR东海 | 公司: the company's name as written with its ending, an alias to find it by)
            written = surface + text.original[end : origins[token.end + len(suffix) - 1] + 1]
            info = _with_alias(info, written, "written")
        entities[key] = info
        result.mentions.append(Mention(key, info.kind, start, end, surface, line_of(start)))

    _add_byline(article, result, line_of)

    finder = StatementFinder(view, tokens, rules, words, home=result.outlet.country)
    for title, person, qualifier in finder.roles:
        info = result.entities.get(qualifier) if qualifier else None
        result.roles.append(
            Role(
                person_key=person,
                title=title,
                organization_key=qualifier if info and info.kind == "organization" else None,
                place_key=qualifier if info and info.kind == "place" else None,
            )
        )
    for item in finder.find():
        start, end = text.span(item.content_start, item.content_end)
        if line_of(start) == 0:  # headline colon attributions are not reliable enough yet
            continue
        s_start, s_end = _balanced(text.original, *text.span(item.subject.start, item.subject.end))
        subject = item.subject
        speaker_key = subject.key if subject.key in result.entities else None
        if subject.key and speaker_key is None:
            info = entity_info(subject.key, matcher, result.entities,
                               _written(subject.key, text, text.original[s_start:s_end]))
            result.entities[subject.key] = info
            speaker_key = subject.key
        # One utterance by several people (拜登与泽连斯基均表示) is a statement of each.
        for key in subject.joint:
            if key not in result.entities:
                result.entities[key] = entity_info(key, matcher, result.entities, key)
        for key in [speaker_key, *subject.joint]:
            result.statements.append(
                Statement(
                    start=start,
                    end=end,
                    text=text.original[start:end],
                    verb=text.original_slice(item.verb_start, item.verb_end),
                    kind="direct" if finder.is_direct(item) else "indirect",
                    line=line_of(start),
                    speaker_key=key,
                    speaker_kind=result.entities[key].kind if key else None,
                    speaker_text=text.original[s_start:s_end],
                    anonymous=subject.anonymous,
                    speaker_start=s_start,
                    speaker_end=s_end,
                )
            )
    result.statements = _without_repeats(result.statements)
    result.roles = list(dict.fromkeys(result.roles))
    return result


def _with_alias(info: EntityInfo, name: str, how: str) -> EntityInfo:
    """``info`` with one more written form, and how it was learned, unless it has it already."""
    if (name, how) in info.aliases:
        return info
    return EntityInfo(**{**info.__dict__, "aliases": (*info.aliases, (name, how))})


def _without_repeats(statements: list[Statement]) -> list[Statement]:
    """A statement the article prints twice (a photo caption or a summary repeating the body's
    sentence) is one statement: the copy whose words another statement of the same speaker holds
    elsewhere in the article is dropped."""
    kept = []
    for s in statements:
        repeated = any(
            o is not s and o.speaker_key == s.speaker_key and s.speaker_key is not None
            and (o.end <= s.start or s.end <= o.start)
            and s.text in o.text and (len(o.text) > len(s.text) or o.start < s.start)
            for o in statements
        )
        if not repeated:
            kept.append(s)
    return kept


_MARK_PAIRS = {"《": "》", "「": "」", "『": "』", "“": "”", "〈": "〉"}


def _balanced(original: str, start: int, end: int) -> tuple[int, int]:
    """A speaker's words with their title or quote marks closed: 《华尔街日报》, not 《华尔街日报."""
    close = _MARK_PAIRS.get(original[start : start + 1])
    if close and close not in original[start:end]:
        if original[end : end + 1] == close:
            return start, end + 1
        return start + 1, end
    return start, end


def _whole_bracketed_names(view: str, names: list[Name], bracketed: dict[str, str], extra: dict[str, str],
                           entities: dict[str, EntityInfo], person_cues: tuple[str, ...] = ()) -> None:
    """包蒂斯塔（Jaime Bautista）: bracket discovery keeps only the transliteration's usual
    characters (蒂斯塔); the tagger's whole name before the same bracket is that person —
    unless what it adds is a person's word (房客 | 席利: a tenant named 席利)."""
    for name in names:
        if name.kind != "person" or name.known_as is not None:
            continue
        for form, key in bracketed.items():
            if len(name.form) > len(form) and name.form.endswith(form) and (
                f"{name.form}（" in view or f"{name.form}(" in view
            ) and not name.form[: -len(form)].endswith(person_cues):
                extra[name.form] = key
                info = entities.get(key)
                if info is not None and info.origin == "discovered":
                    aliases = (*info.aliases, (name.form, "discovered"))
                    entities[key] = replace(info, name=name.form, aliases=aliases)
                break
    # 麦德琳 beside 麦德琳·麦坎（Madeleine McCann）: a part keyed to a tagged whole name goes
    # with the key the bracket gave that whole name.
    rekeyed = {name.key: bracketed[name.form] for name in names if name.form in bracketed}
    for form, key in list(extra.items()):
        if key in rekeyed and form not in bracketed:
            extra[form] = rekeyed[key]


def _longer_than_tagged(form: str, extra: dict[str, str]) -> bool:
    """Whether ``form`` is a person the tagger read shorter, with one or two characters more
    (部长王文涛 | 预定): those are the next word's, and the tagger's name stands."""
    return any(extra.get(form[:-n], "").startswith("person:") for n in (1, 2) if len(form) - n >= 2)


def _written(key: str, text: NormalisedText, surface: str) -> str:
    """How the article writes a discovered name: the whole name its key holds (李家超), even
    when a part of it (李家) is met first."""
    kind, _, form = key.partition(":zh-")
    if not form or not kind:
        return surface
    at = text.text.find(form)
    return text.original_slice(at, at + len(form)) if at >= 0 else surface


@lru_cache(maxsize=16384)
def _tags_alone(text: str) -> tuple[tuple[str, str], ...]:
    """The tagger's words of ``text`` read on its own, as (word, tag). Cached: the same names
    come back article after article."""
    return tuple((text[w.start : w.end], w.tag) for w in default_tagger().tag(text, [(0, len(text))]))


def _add_byline(article: ParsedArticle, result: Extraction, line_of: Any) -> None:
    """The journalists named in the byline and in the page's author links are people of the
    article, mentioned there."""
    text = article.text
    # (a byline of several authors, Dan Strumpf / Selina Cheng: each one)
    bylined = BYLINE_SEPARATORS.split(article.byline) if article.byline else []
    for name in dict.fromkeys([*bylined, *article.authors]):
        start = text.rfind(name) if name in article.authors else text.find(name)
        if start < 0:
            continue
        existing = next(
            (k for k, e in result.entities.items() if e.kind == "person" and e.name == name), None
        )
        key = existing or ("person:" + slug(name) if name.isascii() else "person:zh-" + name)
        if key not in result.entities:
            result.entities[key] = EntityInfo(
                key=key,
                kind="person",
                name=name,
                name_en=None,
                origin="discovered",
                aliases=((name, "byline"),),
            )
        end = start + len(name)
        if not any(m.start == start for m in result.mentions):
            result.mentions.append(Mention(key, "person", start, end, name, line_of(start)))
