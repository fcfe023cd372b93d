"""Whether two statements report the same remark: a direct quote and its paraphrase, the
full version and a shortened one, in either script.

A statement's *remark* is its text folded as search folds it (traditional → simplified,
width, case: ``kb.search.fold``) with punctuation and spaces gone, so 「我們將繼續支持烏克蘭。」
and “我们将继续支持乌克兰” are one string; after it, tab-separated, come the keys of the
entities named inside the statement. Two remarks match when

* the shorter's character bigrams are mostly found in the longer (*containment*, so a lead's
  short version joins the body's full one, and a paraphrase that keeps half the wording
  joins its quote),
* the numbers they give agree (8500名 and 5000名 are two remarks however alike the rest), and
* the entities they name do not conflict: when each names one the other does not (美国将继续
  支持乌克兰… and 美国将继续支持摩尔多瓦…), they are two remarks.

Pronouns are left out of the bigrams, because they are what changes when a quote is reported
(“我们将…” → 他说北约将…).

The thresholds were chosen by measured pairwise precision and recall on the hand-built gold
pairs in ``tests/utterances/`` (its README gives the numbers and what lexical matching
misses). The speaker and the time window are the caller's business (``kb.utterances``):
this module reads text only, so the loader's workers compute a statement's remark and the
writer only compares.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import getitem

from kb.search import fold

# Han ideographs, Latin letters and digits: what a remark keeps of a text.
_KEPT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9a-z\u00c0-\u024f\u0400-\u04ff]+")
_NUMBER = re.compile(r"[0-9]+(?:[0-9.]*[0-9])?")
# Said in the first person when quoted, the third when reported (longest first).
_PRONOUNS = re.compile("我们|咱们|他们|她们|它们|我|他|她|您|你们|你")

#: The shorter remark's share of bigrams that must occur in the longer one.
MIN_CONTAINMENT = 0.5
#: Fewer bigrams than this (a remark of a few characters: 是的, 不会) only matches itself.
MIN_GRAMS = 3


def remark(text: str, entities: Iterable[str] = ()) -> str:
    """The matching form of a statement: its text folded, punctuation and spaces removed,
    then the keys of the entities it names (tab-separated, sorted)."""
    return "\t".join(["".join(_KEPT.findall(fold(text))), *sorted(set(entities))])


@dataclass(frozen=True, slots=True)
class Shape:
    """What two remarks are compared by: their bigrams (pronouns left out), numbers and
    entities."""

    text: str
    grams: frozenset[str]
    numbers: frozenset[str]
    entities: frozenset[str]


_BIGRAMS = [slice(i, i + 2) for i in range(512)]


def shape(remark_text: str) -> Shape:
    """The shape of a remark (as ``remark`` makes it)."""
    text, *entities = remark_text.split("\t")
    bare = _PRONOUNS.sub("", text)
    if len(bare) > len(_BIGRAMS):
        _BIGRAMS.extend(slice(i, i + 2) for i in range(len(_BIGRAMS), len(bare)))
    grams = frozenset(map(getitem, repeat(bare), _BIGRAMS[: max(len(bare) - 1, 0)])) or frozenset([bare])
    return Shape(text, grams, frozenset(_NUMBER.findall(text)), frozenset(entities))


def same_remark(a: Shape, b: Shape) -> bool:
    """Whether ``a`` and ``b`` report the same remark (see the module's docstring)."""
    if a.text == b.text:
        return bool(a.text)
    if not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return False
    if a.entities - b.entities and b.entities - a.entities:
        return False
    small, large = (a.grams, b.grams) if len(a.grams) <= len(b.grams) else (b.grams, a.grams)
    if len(small) < MIN_GRAMS:
        return False
    return len(small & large) >= MIN_CONTAINMENT * len(small)
