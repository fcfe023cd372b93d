"""Transliterations of one foreign name, told apart by how they sound.

Outlets write a foreign name with different characters (斯托尔滕贝格, 史托腾柏格, 斯托爾騰貝格
is only a script away). A name the catalog does not list is compared with the catalog's
people by its Mandarin reading (pypinyin): syllable by syllable, where sounds that
transliterations swap cost little (si/shi, bei/bai, lian/lun), and the filler syllables that
render a consonant cluster (尔, 特, 斯 …) may be left out. A close and unambiguous match is
the same person.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Initials that transliterations exchange, by class.
_INITIAL_CLASS = {
    "b": "B", "p": "B", "d": "D", "t": "D", "g": "G", "k": "G", "h": "F", "f": "F",
    "z": "Z", "zh": "Z", "j": "Z", "c": "C", "ch": "C", "q": "C", "s": "S", "sh": "S", "x": "S",
    "l": "L", "r": "L", "n": "N", "m": "M", "w": "W", "y": "W", "": "W",
}
# Syllables that render a lone consonant (Stoltenberg's l, Lavrov's v): may be left out.
_WEAK = frozenset({"er", "te", "de", "si", "ke", "ge", "fu", "bu", "pu", "le", "ci", "zi", "shi", "mu"})
_MIN_SYLLABLES = 3


def _final_class(final: str) -> str:
    if final.endswith("ng"):
        return "NG"
    if final.endswith("n"):
        return "N"
    if final in ("a", "ia", "ua"):
        return "A"
    if final in ("ei", "ai", "ie", "ue", "ve", "ui", "uai", "uei"):
        return "E"
    if final in ("i",):
        return "I"
    if final in ("u", "v", "ü"):
        return "U"
    if final == "er":
        return "R"
    return "O"  # o, uo, e, ou, iu, ao, iao


@lru_cache(maxsize=65536)
def syllables(name: str) -> tuple[tuple[str, str, str], ...]:
    """Each character's reading as (syllable, initial class, final class)."""
    plain = lazy_pinyin(name, errors="ignore")
    initials = lazy_pinyin(name, style=Style.INITIALS, strict=False, errors="ignore")
    finals = lazy_pinyin(name, style=Style.FINALS, strict=False, errors="ignore")
    if not (len(plain) == len(initials) == len(finals) == len(name)):
        return ()
    return tuple(
        (syllable, _INITIAL_CLASS.get(initial, initial), _final_class(final))
        for syllable, initial, final in zip(plain, initials, finals, strict=True)
    )


def _cost(a: tuple[str, str, str], b: tuple[str, str, str]) -> float:
    if a[0] == b[0]:
        return 0.0
    same_initial, same_final = a[1] == b[1], a[2] == b[2]
    if same_initial and same_final:
        return 0.25
    if same_initial or same_final:
        return 0.6
    # Nothing alike (斯特凡尼克 / 斯特凡丘克, Stefanik and Stefanchuk): more than leaving a
    # syllable out, so that one such syllable sets two names apart.
    return 1.4


def _gap(a: tuple[str, str, str]) -> float:
    return 0.6 if a[0] in _WEAK else 1.0


def distance(a: tuple[tuple[str, str, str], ...], b: tuple[tuple[str, str, str], ...]) -> float:
    """Weighted edit distance between two readings."""
    previous = [0.0]
    for item in b:
        previous.append(previous[-1] + _gap(item))
    for x in a:
        current = [previous[0] + _gap(x)]
        for j, y in enumerate(b, 1):
            current.append(
                min(previous[j] + _gap(x), current[j - 1] + _gap(y), previous[j - 1] + _cost(x, y))
            )
        previous = current
    return previous[-1]


class Readings:
    """The catalog's people by reading, to find the one a new transliteration names."""

    def __init__(self, people: Mapping[str, str], foreign: frozenset[str]) -> None:
        """``people``: each catalog form of a person → that person's key; ``foreign``: the
        characters transliterations are written with (kb/data/transliteration.txt)."""
        self.foreign = foreign
        self._matched: dict[str, str | None] = {}  # names recur across articles: answer once
        self._by_start: dict[str, list[tuple[tuple[tuple[str, str, str], ...], str, Counter[str]]]] = (
            defaultdict(list)
        )
        # each person's surnames (a form's part after its last dot, or a form without one)
        self._surnames: dict[str, set[tuple[tuple[str, str, str], ...]]] = defaultdict(set)
        for form, key in people.items():
            self._surnames[key].add(syllables(form.rsplit("·", 1)[-1]))
            reading = syllables(form.replace("·", ""))
            if len(reading) >= _MIN_SYLLABLES:
                self._by_start[reading[0][1]].append((reading, key, Counter(s[1] for s in reading)))

    def match(self, name: str) -> str | None:
        """The key of the one catalog person whose name sounds like ``name``, if any."""
        if name not in self._matched:
            if len(self._matched) > 50_000:
                self._matched.clear()
            self._matched[name] = self._match(name)
        return self._matched[name]

    def _match(self, name: str) -> str | None:
        letters = name.replace("·", "")
        if sum(c in self.foreign for c in letters) < 0.6 * len(letters):
            return None  # a Chinese name (王文斌 is not 汪文斌): readings alone cannot tell
        reading = syllables(letters)
        if len(reading) < _MIN_SYLLABLES:
            return None
        best: dict[str, float] = {}
        threshold = _threshold(len(reading))
        initials = Counter(syllable[1] for syllable in reading)
        for candidate, key, candidate_initials in self._by_start.get(reading[0][1], ()):
            longest = max(len(candidate), len(reading))
            # A syllable without a partner of its initial's class on the other side costs at
            # least 0.6 (a gap or a far substitution): a bound that spares most comparisons.
            shared = sum((initials & candidate_initials).values())
            if 0.6 * (longest - shared) > threshold * longest:
                continue
            score = distance(reading, candidate) / longest
            if score < best.get(key, 1.0):
                best[key] = score
        ranked = sorted(best.items(), key=lambda kv: kv[1])
        if not ranked or ranked[0][1] > _threshold(len(reading)):
            return None
        if len(ranked) > 1 and ranked[1][1] - ranked[0][1] < 0.1:
            return None  # two people sound alike: no guess
        key = ranked[0][0]
        if "·" in name and not self._same_surname(syllables(name.rsplit("·", 1)[-1]), key):
            return None  # 马利克·阿格尔 is not 马利亚尔: a given name and a surname, the surname unlike
        return key

    def _same_surname(self, surname: tuple[tuple[str, str, str], ...], key: str) -> bool:
        """Whether ``surname`` sounds like one of the person's surnames."""
        allowed = _threshold(max(len(surname), _MIN_SYLLABLES))
        return any(distance(surname, known) / max(len(surname), len(known), 1) <= allowed
                   for known in self._surnames.get(key, ()))


def _threshold(length: int) -> float:
    # Three syllables allow one close substitution; longer names a quarter of their length.
    return 0.1 if length == _MIN_SYLLABLES else 0.25


__all__ = ["Readings", "distance", "syllables"]
