"""One body written several ways in one article (a place and its university's unit, a
company's endings, a short form, a mission written after 驻): the short or partial forms go with
the full one's key. Each function works on the article's names, after they were read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from kb.catalog import ORGANIZATION, PLACE
from kb.extract.bodies import always_after, university_of
from kb.extract.name_rules import Name, NameRules

_NAME_TAGS = frozenset({"ORG", "PER", "LOC", "nz", "nw"})



def university_units(names: dict[str, Name], rules: NameRules, catalog_keys: Mapping[str, str]) -> None:
    """A university's unit (台北教育大学文化创意产业经营学系, 政大科技管理研究所) names the
    university: its people and statements are the university's."""
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None:
            continue
        university = university_of(form, rules)
        if university is None:
            continue
        if university in names:
            key = names[university].key
        else:
            key = catalog_keys.get(university, f"{ORGANIZATION}:zh-{university}")
        names[form] = Name(form, ORGANIZATION, key)


def located(names: dict[str, Name], kinds: Mapping[str, str], rules: NameRules, view: str,
            tag_alone: Callable[[str], Sequence[tuple[str, str]]] | None = None) -> None:
    """An institution written after its place (新加坡南洋理工大学, 台中市惠文高中) is the
    institution of that name, which the article may also write alone; one named by its field
    only (香港教育大学, 北京师范大学) keeps its place."""
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None:
            continue
        for length in range(min(6, len(form) - 4), 1, -1):
            place, rest = form[:length], form[length:]
            # 台中市: a city the catalog knows without its 市
            located = kinds.get(place) == PLACE or len(place) >= 3 and place[-1] in rules.city_suffixes
            if not located or not rest.endswith(rules.located_institutions):
                continue
            if place[-1] + rest[0] in rules.school_owners or rest.startswith(rules.school_owners):
                break  # 台北市立 | 成功高级中学, 纽约 | 州立大学: the place's own school, named with it
            suffix = next(s for s in rules.located_institutions if rest.endswith(s))
            stem = rest[: -len(suffix)]
            if any(i in stem for i in rules.located_institutions):
                break  # 中国 | 科学院物理研究所: a part of the country's institution, not one of its own
            if stem in rules.organization_suffixes or stem in rules.generic_bodies:
                break  # 德意志 | 银行研究中心: the unit of a body named with the place (德意志银行)
            while stem.endswith(rules.institution_fields):
                stem = stem[: -len(next(f for f in rules.institution_fields if stem.endswith(f)))]
            school = suffix in rules.school_levels or suffix.endswith("学")  # 大学, 中学: schools
            # (the tagger calls a field's term nz alone, 病毒; a name it tags as one)
            if stem and not school and tag_alone is not None and not any(
                t in _NAME_TAGS and (t != "nz" or len(w) >= 3) for w, t in tag_alone(stem)
            ):
                break  # 中国 | 旅游研究院: common words name no institute without its place (schools do)
            if suffix.endswith("大学") and stem and tag_alone is not None and not any(
                t in _NAME_TAGS for _, t in tag_alone(stem)
            ) and not _written_alone(view, rest, form):
                break  # 中国 | 医药大学: common words, never written without the place, are its name
            if suffix.startswith("研究") and stem and tag_alone is not None and all(
                t in ("LOC", "ns") for _, t in tag_alone(stem)
            ):
                break  # 华盛顿 | 阿拉伯研究所: a think tank named for a region keeps its city
            if rest.startswith(rules.body_counters):
                del names[form]  # 四川省 | 一间医院: a hospital there, counted, not named
            elif len(stem) >= 2:
                key = names[rest].key if rest in names else f"{ORGANIZATION}:zh-{rest}"
                names[form] = Name(form, ORGANIZATION, key)
            break


def _written_alone(view: str, part: str, whole: str) -> bool:
    """Whether ``part`` is written somewhere in ``view`` other than inside ``whole``."""
    return view.count(part) > view.count(whole) * whole.count(part)


def same_company(names: dict[str, Name], rules: NameRules) -> None:
    """One company, its name's ending varied (王品集团, 王品公司, 王品): the first form's."""
    first: dict[str, str] = {}
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None:
            continue
        suffix = next((s for s in rules.corporate_suffixes if form.endswith(s)), "")
        stem = form[: len(form) - len(suffix)]
        if len(stem) < 2:
            continue
        if stem in first:
            names[form] = Name(form, ORGANIZATION, first[stem])
        else:
            first[stem] = name.key


def shortened_bodies(names: dict[str, Name], rules: NameRules, known: Mapping[str, str]) -> None:
    """A body named in full and with words of its middle left out (永龄健康基金会, 永龄基金会):
    the short form is the full one's, unless what is left is a place's or a catalog name."""
    bodies = [n for n in names.values() if n.kind == ORGANIZATION and n.known_as is None]
    for short in bodies:
        suffix = next((s for s in rules.organization_suffixes if short.form.endswith(s) and len(s) >= 2), "")
        stem = short.form[: len(short.form) - len(suffix)]
        if not suffix or len(stem) < 2 or stem in known:
            continue
        longer = [n for n in bodies if n.form != short.form and n.form.startswith(stem)
                  and n.form.endswith(suffix) and len(n.form) > len(short.form)]
        if len(longer) == 1:
            names[short.form] = Name(short.form, ORGANIZATION, longer[0].key)


def local_short_forms(names: dict[str, Name], rules: NameRules, known: Mapping[str, str]) -> None:
    """A body named in full with its place or government first (台南市政府 | 农业局, 台中市 |
    观旅局), then by its own word alone (农业局): the short form is the full one's, when one
    full name in the article ends in it."""
    bodies = [n for n in names.values() if n.kind == ORGANIZATION and n.known_as is None]
    for short in bodies:
        if short.form in known or not short.form.endswith(rules.organization_suffixes):
            continue
        longer = [n for n in bodies if len(n.form) > len(short.form) + 1 and n.form.endswith(short.form)
                  and _placed(n.form[: -len(short.form)], rules, known)]
        if len(longer) == 1:
            names[short.form] = Name(short.form, ORGANIZATION, longer[0].key)


def local_governments(names: dict[str, Name], rules: NameRules) -> None:
    """A place's government written both ways (南投县府, 南投县政府): one body, the full form's."""
    for form, name in list(names.items()):
        ending = next((e for e in rules.local_governments if form.endswith(e) and e.endswith("府")), "")
        if not ending or len(form) == len(ending) or name.kind != ORGANIZATION or name.known_as is not None:
            continue
        full = names.get(form[: -len(ending)] + ending[:-1] + "政府")
        if full is not None and full.kind == ORGANIZATION:
            names[form] = Name(form, ORGANIZATION, full.key)


def _placed(prefix: str, rules: NameRules, known: Mapping[str, str]) -> bool:
    """Whether ``prefix`` is a place or a place's government (台南市政府, 泰国, 南投县)."""
    stem = next((prefix[: -len(w)] for w in rules.government_words if prefix.endswith(w)), prefix)
    return known.get(stem) == PLACE or len(stem) >= 2 and stem[-1] in rules.city_suffixes


def missions(names: dict[str, Name], view: str) -> None:
    """A body always written after 驻 (驻土耳其代表处) is a country's mission there: the longer
    name in the article that ends in it (中华民国驻土耳其代表处), or itself with 驻."""
    for form, name in list(names.items()):
        if name.kind != ORGANIZATION or name.known_as is not None or not always_after(view, form, "驻"):
            continue
        longer = [n for n in names.values() if n.kind == ORGANIZATION and n.form.endswith("驻" + form)]
        del names[form]
        if len(longer) == 1:
            names[form] = Name(form, ORGANIZATION, longer[0].key)
        elif "驻" + form not in names:
            names["驻" + form] = Name("驻" + form, ORGANIZATION)


def without_country(view: str, hits: Iterable[tuple[int, int]], catalog_keys: Mapping[str, str],
                    kinds: Mapping[str, str], countries: Mapping[str, str], rules: NameRules,
                    taken: Mapping[str, str]) -> dict[str, str]:
    """A catalog body named with its country first (中国国家安全部), then without it
    (国家安全部介绍称): form → the body's key, for the forms the article writes alone. Only a
    name that ends like a body's (部, 委员会) and is not a catalog name of its own."""
    found: dict[str, str] = {}
    for start, length in hits:
        form = view[start : start + length]
        key = catalog_keys.get(form)
        if key is None or kinds.get(form) != ORGANIZATION:
            continue
        country = next((c for c in range(2, min(5, length - 2)) if form[:c] in countries), None)
        if country is None:
            continue
        rest = form[country:]
        known = rest in catalog_keys or rest in taken
        if len(rest) < 3 or not rest.endswith(rules.organization_suffixes) or known:
            continue
        if _written_alone(view, rest, form) and not _placed_elsewhere(view, rest, form, countries, rules):
            found[rest] = key
    return found


def _placed_elsewhere(view: str, rest: str, form: str, countries: Mapping[str, str],
                      rules: NameRules) -> bool:
    """Whether ``rest`` is written after another place than ``form``'s (美国最高法院 and
    密西根州最高法院: a name many places' bodies share)."""
    at = view.find(rest)
    while at >= 0:
        before = view[max(0, at - 4) : at]
        if not view.startswith(form, at - len(form) + len(rest)) and (
            before[-1:] in rules.place_name_ends or any(before.endswith(c) for c in countries)
        ):
            return True
        at = view.find(rest, at + 1)
    return False
