"""A person named in full, then by the surname alone (彭耀鸿 … 彭就指…, 梁曾指…): the way Hong Kong,
Taiwan and court reporting goes on with someone. The surname speaks for its person only where the
article names one person of that surname, only after the full name, and only as the subject of a
reporting verb, so that a surname's character inside a word (桥梁, 周一) is never read as one."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

from kb.extract.entities import ENTITY, Token
from kb.extract.tagger import Word

_HAN = re.compile(r"[\u4e00-\u9fff]+")
# The tagger's tags of adverbs, prepositions, conjunctions, particles and locatives: no given name.
_FUNCTION_TAGS = frozenset({"d", "p", "c", "u", "f"})


def surnames_alone(view: str, tokens: list[Token], words: list[Word], surnames: Collection[str],
                   fillers: Collection[str], verb_at: re.Pattern[str],
                   tag_alone: Callable[[str], Sequence[tuple[str, str]]]) -> tuple[list[Token], list[Word]]:
    """``tokens`` with the surnames alone that name a person of the article as their speaker,
    and with the tagger's two-character "names" that are such a surname and an adverb (彭遂,
    梁曾) read as the surname alone; ``words`` with the words the tagger ran such a surname
    into (彭就 | 指) split after it, the rest an adverb."""
    short_fillers = sorted((f for f in fillers if len(f) <= 2), key=len, reverse=True)

    def speaks(at: int) -> bool:
        """Whether a reporting verb starts at ``at``, after at most two adverbs."""
        for _ in range(3):
            if verb_at.match(view, at):
                return True
            filler = next((f for f in short_fillers if view.startswith(f, at)), None)
            if filler is None:
                return False
            at += len(filler)
        return False

    def adverb_after(form: str) -> bool:
        """Whether a form is a surname and an adverb or particle, no given name (梁 | 曾, 彭 | 遂)."""
        rest = form[1:]
        if rest in fillers:
            return True
        # (one character only: the tagger reads many given names alone as adverbs, 顺钦)
        words = tag_alone(rest) if len(rest) == 1 else ()
        return len(words) == 1 and words[0][1] in _FUNCTION_TAGS

    people: dict[str, set[str]] = defaultdict(set)
    first_end: dict[str, int] = {}
    for token in tokens:
        key = token.key
        if token.type != ENTITY or key is None or not key.startswith("person:"):
            continue
        form = view[token.start : token.end]
        if not _HAN.fullmatch(form) or adverb_after(form):
            continue  # (梁曾 | 指, 梁 | 在内: perhaps the surname alone, read below)
        people[form[0]].add(key)
        if len(form) == 3 and form[0] in surnames:
            first_end.setdefault(key, token.end)
    # A surname of one person named in full with it (three characters: a given name of two)
    named = {surname: next(iter(keys)) for surname, keys in people.items()
             if len(keys) == 1 and next(iter(keys)) in first_end}
    if not named:
        return tokens, words

    kept: list[Token] = []
    covered = bytearray(len(view))
    for token in tokens:
        form = view[token.start : token.end]
        key = named.get(form[:1])
        if key is not None and token.key != key and token.start >= first_end[key] and adverb_after(form):
            token = Token(token.start, token.start + 1, ENTITY, frozenset([key]))  # 彭 | 遂引述
        kept.append(token)
        covered[token.start : token.end] = b"\1" * (token.end - token.start)
    for surname, key in named.items():
        for match in re.finditer(re.escape(surname), view):
            at = match.start()
            if covered[at] or at < first_end[key] or at and _HAN.match(view, at - 1):
                continue
            if speaks(at + 1):
                kept.append(Token(at, at + 1, ENTITY, frozenset([key])))
    kept.sort(key=lambda t: t.start)
    alone = {t.start for t in kept if t.end - t.start == 1 and t.key in first_end}
    split: list[Word] = []
    for word in words:
        if word.start in alone and word.end > word.start + 1:
            split += [Word(word.start, word.start + 1, "PER"), Word(word.start + 1, word.end, "d")]
        else:
            split.append(word)
    return kept, split
