"""Whether two statements report the same remark: a direct quote and its paraphrase, the
full version and a shortened one, in either script.

A statement's *remark* is its text folded as search folds it (traditional → simplified,
width, case: ``kb.search.fold``) with punctuation and spaces gone and the everyday variants of
one word written one way (星期天 and 周日, 企图 and 试图: ``remark_variants`` in the
lexicon), so 「我們將繼續支持烏克蘭。」 and “我们将继续支持乌克兰” are one string; after it,
tab-separated, come the *sides* of the entities named inside the statement: a state's bodies,
its capital and the state itself are one side (克宫, 俄罗斯政府, 莫斯科 → RU, since a report
names any of them for the same actor), anything else is its own key. Two remarks match when

* the numbers they give agree: where both count the same thing (a number followed by the
  same character: 30亿 and 70亿, 3天 and 5天), one's values are among the other's,
* the entities they name do not conflict: when each names a side the other does not (美国将继续
  支持乌克兰… and 美国将继续支持摩尔多瓦…), they are two remarks, and
* their wording is shared, in either of two ways:
  - *containment*: most of the shorter's character bigrams are found in the longer (a lead's
    short version joins the body's full one; a paraphrase that keeps half the wording joins
    its quote), or
  - *content*: most of the shorter's content characters (function characters such as 的, 了,
    在 left out) are found in the longer, and enough of them to be more than a phrase — a
    paraphrase that reorders and re-inflects the words (乌克兰试图刺杀普京 / 普京遭乌克兰刺杀)
    keeps its characters though it loses its bigrams. They must lie close together in the
    longer (one passage at most three times the shorter's length): a long report holds most
    characters of any short remark somewhere.

Pronouns are left out of the comparison, because they are what changes when a quote is
reported (“我们将…” → 他说北约将…).

The thresholds were chosen by measured pairwise precision and recall on the hand-built gold
pairs in ``tests/utterances/`` (its README gives the numbers and what lexical matching still
misses). The speaker and the time window are the caller's business (``kb.utterances``): this
module reads text only, so the loader's workers compute a statement's remark and the writer
only compares.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from math import ceil, inf
from operator import getitem

from kb.search import fold

# Han ideographs, Latin letters and digits: what a remark keeps of a text.
_KEPT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9a-z\u00c0-\u024f\u0400-\u04ff]+")
# A number and what it counts: the character after it, with an approximation before that
# (80多年 counts otherwise than 1939年: one is a span, the other a date).
_NUMBER = re.compile(r"([0-9]+(?:[0-9.]*[0-9])?)([多余几来]?\D?)")
# Said in the first person when quoted, the third when reported (longest first).
_PRONOUNS = re.compile("我们|咱们|他们|她们|它们|我|他|她|它|您|你们|你")

#: The shorter remark's share of bigrams that must occur in the longer one.
MIN_CONTAINMENT = 0.5
#: The shorter remark's share of content characters that must occur in the longer one ...
MIN_CONTENT = 0.65
#: ... and how many that must be at least (fewer is a phrase two remarks may share).
MIN_SHARED_CONTENT = 5
#: ... within a passage of the longer at most this many times the shorter's length.
MAX_SPREAD = 3
#: Fewer bigrams than this (a remark of a few characters: 是的, 不会) only matches itself.
MIN_GRAMS = 3

# Bodies that act for their state, so that a report naming one and a report naming the state
# (or its capital) name the same side.
_STATE_KINDS = frozenset({"government", "office", "ministry", "military", "legislature", "agency"})


def remark(text: str, entities: Iterable[str] = ()) -> str:
    """The matching form of a statement, tab-separated: its text folded, punctuation and
    spaces removed, variants written one way; its content characters (sorted, once each);
    then the sides of the entities it names (sorted, once each)."""
    folded = _variants()("".join(_KEPT.findall(fold(text))))
    keys = sorted(set(entities))
    return "\t".join([folded, "".join(sorted(_content(folded, keys))), *sorted({_side(key) for key in keys})])


def _content(folded: str, keys: Sequence[str]) -> set[str]:
    """The characters of a remark that carry its content: not the names of the entities it
    names (those are compared as sides: 俄罗斯 and 莫斯科 are one side but share no character),
    pronouns, function characters or digits (numbers are compared as numbers)."""
    for name in sorted({name for key in keys for name in _names(key)}, key=len, reverse=True):
        folded = folded.replace(name, " ")
    return set(_PRONOUNS.sub("", folded)) - _function_characters() - _DIGITS - {" "}


@dataclass(frozen=True, slots=True)
class Shape:
    """What two remarks are compared by: their bigrams and content characters (pronouns left
    out), numbers by what they count, and entity sides."""

    text: str
    grams: frozenset[str]
    content: frozenset[str]
    numbers: tuple[tuple[str, frozenset[str]], ...]  # (what is counted, values), sorted
    entities: frozenset[str]


_BIGRAMS = [slice(i, i + 2) for i in range(512)]
_DIGITS = frozenset("0123456789")


def shape(remark_text: str) -> Shape:
    """The shape of a remark (as ``remark`` makes it)."""
    text, _, rest = remark_text.partition("\t")
    content, *entities = rest.split("\t")
    entities = [e for e in entities if e]
    bare = _PRONOUNS.sub("", text)
    if len(bare) > len(_BIGRAMS):
        _BIGRAMS.extend(slice(i, i + 2) for i in range(len(_BIGRAMS), len(bare)))
    grams = frozenset(map(getitem, repeat(bare), _BIGRAMS[: max(len(bare) - 1, 0)])) or frozenset([bare])
    counted: dict[str, set[str]] = defaultdict(set)
    for value, unit in _NUMBER.findall(text):
        counted[unit].add(value)
    numbers = tuple(sorted((unit, frozenset(values)) for unit, values in counted.items()))
    return Shape(text, grams, frozenset(content), numbers, frozenset(entities))


def same_remark(a: Shape, b: Shape) -> bool:
    """Whether ``a`` and ``b`` report the same remark (see the module's docstring)."""
    if a.text == b.text:
        return bool(a.text)
    if _numbers_differ(a, b):
        return False
    if a.entities - b.entities and b.entities - a.entities:
        return False
    small, large = (a, b) if len(a.grams) <= len(b.grams) else (b, a)
    if len(small.grams) < MIN_GRAMS:
        return False
    if len(small.grams & large.grams) >= MIN_CONTAINMENT * len(small.grams):
        return True
    # (which is the shorter must not depend on the order they come in: ties go by the text)
    few, many = sorted((a, b), key=lambda s: (len(s.content), len(s.text), s.text))
    shared = few.content & many.content
    needed = max(MIN_SHARED_CONTENT, ceil(MIN_CONTENT * len(few.content)))
    if len(shared) < needed:
        return False
    # ... and close together: a long report holds most characters of any short remark
    # somewhere, but a paraphrase of it holds them in one passage.
    return _narrowest(many.text, shared, needed) <= MAX_SPREAD * len(few.text)


def _narrowest(text: str, wanted: frozenset[str], needed: int) -> float:
    """The length of the shortest passage of ``text`` holding ``needed`` distinct characters of
    ``wanted`` (infinite if none does): one pass with two ends."""
    counts: dict[str, int] = defaultdict(int)
    held = left = 0
    best = inf
    for right, character in enumerate(text):
        if character not in wanted:
            continue
        counts[character] += 1
        held += counts[character] == 1
        while held >= needed:
            best = min(best, right - left + 1)
            gone = text[left]
            if gone in wanted:
                counts[gone] -= 1
                held -= counts[gone] == 0
            left += 1
    return best


def _numbers_differ(a: Shape, b: Shape) -> bool:
    """Whether the two count one thing with other numbers (neither's values among the other's)."""
    if not a.numbers or not b.numbers:
        return False
    theirs = dict(b.numbers)
    for unit, values in a.numbers:
        other = theirs.get(unit)
        if other is not None and not (values <= other or other <= values):
            return True
    return False


@lru_cache(maxsize=1)
def _function_characters() -> frozenset[str]:
    from kb.catalog import default_catalog

    return frozenset("".join(default_catalog().lexicon["remark_function_characters"]))


@lru_cache(maxsize=1)
def _variants():  # type: ignore[no-untyped-def]
    """A function writing the lexicon's ``remark_variants`` one way (longest variant first)."""
    from kb.catalog import default_catalog

    written = default_catalog().lexicon["remark_variants"]
    table = {variant: canonical for canonical, variants in written.items() for variant in variants}
    if not table:
        return lambda text: text
    pattern = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return lambda text: pattern.sub(lambda match: table[match.group()], text)


@lru_cache(maxsize=8192)
def _names(key: str) -> tuple[str, ...]:
    """An entity's names as a remark writes them (folded, two characters or more): the
    catalog's name and aliases, or the name a discovered entity's key carries."""
    from kb.catalog import default_catalog

    entry = default_catalog().entries.get(key)
    names = [entry.name, *entry.aliases] if entry is not None else [key.partition(":zh-")[2]]
    folded = {"".join(_KEPT.findall(fold(name))) for name in names if name}
    return tuple(name for name in folded if len(name) >= 2)


@lru_cache(maxsize=8192)
def _side(key: str) -> str:
    """An entity's side: its country's code for a country, a capital (a place that stands for
    its government) or a state body; otherwise its own key."""
    from kb.catalog import ORGANIZATION, PLACE, default_catalog

    entry = default_catalog().entries.get(key)
    if entry is None or not entry.country:
        return key
    if entry.kind == PLACE and (entry.subkind == "country" or entry.metonyms):
        return entry.country.upper()
    if entry.kind == ORGANIZATION and entry.subkind in _STATE_KINDS:
        return entry.country.upper()
    return key
