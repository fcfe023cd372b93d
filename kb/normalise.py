"""A normalised view of text for matching, with a map back to the original.

Stored and displayed text stays exactly as written. Matching runs on a view that folds the
differences that do not change meaning: traditional → simplified script (OpenCC ``t2s``),
full/half width (NFKC), the many middle dots used in transliterated names, letter case and
runs of whitespace. ``NormalisedText.span`` turns a match in the view back into offsets of
the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import opencc

# Interpuncts seen between the parts of transliterated names (马克·米利, 馬克‧米利 …).
MIDDLE_DOTS = "·•‧・･⋅∙●◦"
NAME_DOT = "·"


@lru_cache(maxsize=1)
def simplified_converter() -> opencc.OpenCC:
    """OpenCC's traditional → simplified converter (one per process; building it is slow)."""
    return opencc.OpenCC("t2s")


# Characters some outlets type for others that NFKC leaves alone: 丶 (a radical) for 、, 巿
# (a rare character of the same shape) for 市 (贝尔格勒巿中心), and Hong Kong's 衞 for 衛 (衞生署),
# which the script converter then reads as 卫.
_VARIANT_PUNCTUATION = {"丶": "、", "巿": "市", "衞": "衛"}


# Characters of no width some pages leave inside words (“Asia-Plus”\u200b\u200b报道): none.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    """Fold one character: width, dots, case. May return 0..n characters."""
    if char in _ZERO_WIDTH:
        return ""
    if char in MIDDLE_DOTS:
        return NAME_DOT
    if char in _VARIANT_PUNCTUATION:
        return _VARIANT_PUNCTUATION[char]
    if char == "\n":  # block separator of the stored text: kept so lines stay lines
        return "\n"
    if char.isspace():
        return " "
    folded = unicodedata.normalize("NFKC", char)
    if folded in MIDDLE_DOTS:
        return NAME_DOT
    if "\u00c0" <= folded <= "\u024f":
        # Aktuálně, Erdoğan: a Latin letter's accent goes, so that Latin names are read whole
        # by the same patterns as plain ones (the surface keeps it: it is cut from the original)
        base = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii() and base.isalpha():
            return base.lower()
    return folded.lower() if folded.isascii() else folded


@dataclass(frozen=True)
class NormalisedText:
    """``text`` is the view; ``origins[i]`` is the original offset of ``text[i]``."""

    original: str
    text: str
    origins: Sequence[int]  # a range when no offset moved

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span ``[start, end)`` of the view to the original text."""
        if start >= end:
            pos = self.origins[start] if start < len(self.origins) else len(self.original)
            return pos, pos
        return self.origins[start], self.origins[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character on first sight (``_fold_char``)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()
_SPACE_RUNS = re.compile(" {2,}")

# ``str.translate`` costs a table look-up per character. In nearly all text the only
# characters that fold are a few kinds, each to one character: these are replaced with
# ``str.replace`` (a C scan each), then ``_fold_quickly`` checks that nothing else would fold.
_COMMON_FOLDS = tuple(
    (char, _fold_char(char))
    for char in MIDDLE_DOTS + "，：；！？（）％－～\u3000\xa0\t\r丶巿衞"
    if _fold_char(char) != char
)
_OTHER_SPACE = re.compile(r"[^\S \n]")  # whitespace that folds to a space
_ASCII_UPPER = re.compile("[A-Z]+")
_ACCENTED = re.compile("[\u00c0-\u024f]")
_DOT_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])\.(?=[\u4e00-\u9fff])")


def _lower(match: re.Match[str]) -> str:
    return match.group().lower()


def _fold_quickly(text: str) -> str | None:
    """``text.translate(_FOLD_TABLE)``, or None when that is needed.

    After the common replacements, a character still folds only if it is whitespace other
    than a space or a line break, changes under NFKC, or is an ASCII capital. If NFKC leaves
    the whole text unchanged (its quick check, in C), it leaves every character unchanged:
    a character NFKC changes cannot occur in NFKC-normalised text. Capitals are lowered.
    """
    for char, folded in _COMMON_FOLDS:
        if char in text:
            text = text.replace(char, folded)
    if _OTHER_SPACE.search(text) or _ACCENTED.search(text) or not unicodedata.is_normalized("NFKC", text):
        return None
    if any(char in text for char in _ZERO_WIDTH):
        return None
    return _ASCII_UPPER.sub(_lower, text)


def normalise(text: str) -> NormalisedText:
    """Build the matching view of ``text``.

    Whitespace runs collapse to one space. Script conversion is done on the whole string
    (OpenCC converts phrases better than characters) and falls back to character by
    character in the rare case a phrase conversion changes the length.
    """
    folded_text = _fold_quickly(text)
    if folded_text is None:
        folded_text = text.translate(_FOLD_TABLE)
    if len(folded_text) == len(text):
        # Each character folded to one (nearly always): offsets are the identity, but for
        # the spaces a run collapses — done in C rather than a loop per character.
        runs = [m.span() for m in _SPACE_RUNS.finditer(folded_text)]
        if not runs:
            origins: Sequence[int] = range(len(text))
        else:
            kept: list[int] = []
            previous = 0
            for start, end in runs:
                kept.extend(range(previous, start + 1))
                previous = end
            kept.extend(range(previous, len(text)))
            origins = tuple(kept)
            folded_text = _SPACE_RUNS.sub(" ", folded_text)
    else:
        folded_text, origins = _fold_slowly(text)
    if " " in folded_text:
        folded_text, origins = _without_spaces_beside_chinese(folded_text, origins)
    if '"' in folded_text:
        folded_text = _curl_quotes(folded_text)
    if "’" in folded_text:
        # Nando’s, Ben & Jerry’s: a curly apostrophe inside a Latin word is no quotation mark
        folded_text = _LATIN_APOSTROPHE.sub("'", folded_text)
    if "：”" in folded_text or ":”" in folded_text:
        # 说：”…。”: a closing mark typed where the colon opens a quotation
        folded_text = _MISTYPED_OPENING.sub("“", folded_text)
    if folded_text.count("“") > folded_text.count("”"):
        # “…洪水“，X说: an opening mark typed where a quotation closes, right before the words
        # that attribute it
        folded_text = _MISTYPED_CLOSING.sub("\\1”", folded_text)
    if "." in folded_text:  # 費南多．奎維多: a full stop between two characters is a name's dot
        folded_text = _DOT_IN_NAME.sub(NAME_DOT, folded_text)
    converter = simplified_converter()
    simplified = converter.convert(folded_text)
    if len(simplified) != len(folded_text):
        simplified = "".join(
            converted if len(converted := converter.convert(c)) == 1 else c for c in folded_text
        )
    return NormalisedText(original=text, text=simplified, origins=origins)


# A curly apostrophe between Latin letters (McDonald’s).
_LATIN_APOSTROPHE = re.compile("(?<=[A-Za-z])’(?=[A-Za-z])")

# A closing double mark right after a colon, where a quotation opens (说：”…”).
_MISTYPED_OPENING = re.compile("(?<=[：:])”")

# An opening double mark that ends a quotation opened on its line and not closed: before a
# clause mark (“…洪水“，X说) or a sentence's end (“…洪水“。).
_MISTYPED_CLOSING = re.compile("(“[^“”\n]{4,200})“(?=[，,。；;：:])")

# A space some outlets type between Chinese and a number or a Latin word (今年 7 月, 1977 年,
# 敦促 G7 盟友): no word break, and one that keeps the tagger from reading a date as one
# (7 | 月向) and a verb from its object.
_SPACE_BESIDE_CHINESE = re.compile(
    r"(?<=[\u3400-\u9fff]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\u3400-\u9fff])"
)


def _without_spaces_beside_chinese(text: str, origins: Sequence[int]) -> tuple[str, Sequence[int]]:
    spaces = [m.start() for m in _SPACE_BESIDE_CHINESE.finditer(text)]
    if not spaces:
        return text, origins
    kept = list(origins)
    for at in reversed(spaces):
        del kept[at]
    return _SPACE_BESIDE_CHINESE.sub("", text), tuple(kept)


def _curl_quotes(text: str) -> str:
    """Straight double quotes as opening and closing marks, alternating within each line (an
    odd one left over opens a quotation that goes on in the next paragraph), so that
    attribution reads ``"Q。"他说`` as it reads ``“Q。”他说``."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if '"' in line:
            parts = line.split('"')
            marks = ["“" if i % 2 == 0 else "”" for i in range(len(parts) - 1)]
            lines[number] = "".join(part + mark for part, mark in zip(parts, [*marks, ""], strict=True))
    return "\n".join(lines)


def _fold_slowly(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold character by character, for text where a character folds to none or several."""
    chars: list[str] = []
    origins: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        folded = _fold_char(char)
        if folded == " ":
            if previous_space:
                continue
            previous_space = True
        else:
            previous_space = False
        for piece in folded:
            chars.append(piece)
            origins.append(index)
    return "".join(chars), tuple(origins)


@lru_cache(maxsize=262144)
def normalise_key(name: str) -> str:
    """The lookup key of a name: its normalised view without spaces at the ends.

    Used for aliases, so that ``Stoltenberg``, ``STOLTENBERG``, ``斯托爾滕貝格`` and
    ``斯托尔滕贝格`` find one person.
    """
    return normalise(name.strip()).text.strip()
