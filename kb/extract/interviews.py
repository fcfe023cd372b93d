"""Interviews written as a transcript: whose words each paragraph is.

Two shapes: ``问：…`` / ``答：…``, where the answers are the person the article named before the
first question; and turns labelled with the speakers' names (``RFI：…`` / ``布林肯：…``), where a
name that opens two or more paragraphs is an interviewee and each of its turns — its paragraph
and the unlabelled paragraphs after it, up to the next label — is that person's. Both give
``Turn`` records; ``kb.extract.statements`` turns them into statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kb.catalog import PERSON
from kb.extract.entities import ENTITY, Token
from kb.extract.speakers import Subject
from kb.extract.text import OPENERS, TextIndex

_QUESTION = re.compile(r"^[问問][：:]", re.M)
_ANSWER = re.compile(r"^答[：:]", re.M)
# A speaker's label opening a paragraph: a short run without punctuation, then a colon
# (布林肯：, RFI：, 记者：). Longer runs are sentences that happen to hold a colon.
_LABEL = re.compile(r"^([^\s，,。；;：:！？!?“”「」『』\"（）()]{1,12})[：:]", re.M)
# A sentence's end: a turn says something whole.
_SENTENCE = re.compile("[。！？!?]")
# A short note in brackets that closes a paragraph (（完）, （编辑：张三）), and a number after it.
_CLOSING_NOTE = re.compile(r"[（(][^（()）]{1,30}[)）]\s*\d*\s*$")


@dataclass(frozen=True)
class Turn:
    """Words of an interviewee: ``view[start:end]``, introduced by ``view[verb_start:verb_end]``."""

    verb_start: int
    verb_end: int
    verb: str
    start: int
    end: int
    subject: Subject


def answers(view: str, index: TextIndex, tokens: Sequence[Token], kind: Callable[[str], str | None]
            ) -> list[Turn]:
    """问：…/答：…: each answer, and the paragraphs after it up to the next question, are the
    words of the one interviewed — the last person the article named before its first question
    (记者采访…常务理事三浦秀树。问：…)."""
    first = _QUESTION.search(view)
    if first is None or not _ANSWER.search(view, first.end()):
        return []
    person = next((t for t in reversed(tokens) if t.end <= first.start() and t.type == ENTITY
                   and t.key and kind(t.key) == PERSON), None)
    if person is None:
        return []
    subject = Subject(person.start, person.end, person.key, PERSON)
    turns = []
    for answer in _ANSWER.finditer(view, first.end()):
        verb = (answer.start(), answer.start() + 1, "答")
        for start, end in _paragraphs(view, index, answer.end(), _QUESTION, _ANSWER):
            turns.append(Turn(*verb, start, end, subject))
    return turns


def named_turns(view: str, index: TextIndex, speaker: Callable[[int, int], Subject | None]) -> list[Turn]:
    """``X：…`` opening paragraphs of the body, X a person, in turn with another label (RFI：…):
    X's turns in an interview.

    ``speaker(start, end)`` resolves a label to a subject, or None. A label after which a
    quotation opens is left to the colon rule (X：“Q”); a person labelled with no one else's
    label between is no interview (a lead 美国总统拜登：…, a subheading 拜登：毫无根据的噱头), nor
    is a label before words that make no sentence."""
    labels = []
    for match in _LABEL.finditer(view):
        if index.line_bounds(match.start())[0] == 0:
            continue  # the headline
        subject = speaker(match.start(1), match.end(1))
        person = subject.key if subject is not None and subject.kind == PERSON else None
        labels.append((match, person, subject))
    turns: list[Turn] = []
    for match, key, subject in labels:
        if key is None or subject is None or not _in_turn(key, [label for _, label, _ in labels]):
            continue
        _, line_end = index.line_bounds(match.end())
        if view[match.end() : match.end() + 1] in OPENERS:
            continue
        if not _SENTENCE.search(view, match.end(), line_end):
            continue
        colon = match.end() - 1
        for start, end in _paragraphs(view, index, match.end(), _LABEL):
            turns.append(Turn(colon, colon + 1, view[colon], start, end, subject))
    return turns


def _in_turn(key: str, labels: list[str | None]) -> bool:
    """Whether the person ``key`` labels two paragraphs with another label between them."""
    at = [i for i, label in enumerate(labels) if label == key]
    return len(at) >= 2 and any(label != key for label in labels[at[0] : at[-1]])


def _paragraphs(view: str, index: TextIndex, start: int, *stops: re.Pattern[str]) -> list[tuple[int, int]]:
    """The text from ``start`` to its paragraph's end, then each following paragraph up to one
    that opens with a ``stops`` pattern; a closing note in brackets (（完）) is the outlet's."""
    found = []
    while start < len(view):
        _, end = index.line_bounds(start)
        note = _CLOSING_NOTE.search(view, start, end)
        content_end = len(view[: note.start() if note else end].rstrip())
        if content_end > start:
            found.append((start, content_end))
        start = end + 1
        if any(stop.match(view, start) for stop in stops):
            break
    return found
