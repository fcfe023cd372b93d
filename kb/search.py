"""Full-text search for Chinese (and Latin) text: one term scheme for indexing and querying.

Neither SQLite's nor PostgreSQL's tokenizers split Chinese, which has no spaces. Instead of
guessing word boundaries (a segmenter cuts 北约秘书长 one way in the text and another in a
query), every run of Han characters becomes its overlapping character bigrams, and every
run of letters or digits one word. A query becomes the same terms searched as a *phrase*
(consecutive positions), so any substring of two or more characters is found exactly —
普京, 北约, 斯托尔滕贝格 — and a single character matches the bigrams it starts. Text and
query are both folded first (traditional → simplified, width, case), so 北約 finds 北约.

The terms are stored in an FTS5 table on SQLite (ranked with BM25) and in a ``tsvector``
column with a GIN index on PostgreSQL (ranked with ``ts_rank``); both are filled by the
loader in the same transaction as the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import compress, repeat
from operator import getitem, ne
from typing import TYPE_CHECKING, Any, TypeVar

from kb.normalise import normalise, simplified_converter

if TYPE_CHECKING:
    from kb.extract import Extraction
    from kb.parse import ParsedArticle

_simplify = simplified_converter().convert
_T = TypeVar("_T")

# Han ideographs (BMP and the extension planes) and compatibility ideographs.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(rf"[{_HAN}]+|[0-9a-z\u00c0-\u024f\u0400-\u04ff]+")
_HAN_CHAR = re.compile(rf"[{_HAN}]")
# A run of ``_TOKEN`` is all Han or all Latin/Cyrillic/digits, and every Han character sorts
# after every character of the other class: comparing the first one tells which run it is.
_HAN_FIRST = "\u3400"

# NFKC is slow (table look-ups per character) unless its quick check passes, which Chinese
# text fails mostly on full-width punctuation. Replacing a character by its NFKD (its full
# compatibility decomposition) leaves the string's NFKD, hence its NFKC, unchanged; with the
# common ones replaced (``str.replace``, in C), NFKC nearly always finds nothing to do. Any
# other character still goes through NFKC proper.
_WIDE_PUNCTUATION = tuple(
    (char, unicodedata.normalize("NFKD", char)) for char in "，：；！？（）％－～"
)

# A PostgreSQL tsvector keeps positions up to 16383; later terms keep their last position.
_PG_MAX_POSITION = 16383
TITLE, BODY = "title", "body"


def fold(text: str) -> str:
    """The folded form terms are cut from: width (NFKC), case, then simplified script. Unlike
    ``normalise`` it keeps no offsets, so it runs in C end to end."""
    for wide, narrow in _WIDE_PUNCTUATION:
        if wide in text:
            text = text.replace(wide, narrow)
    return _simplify(unicodedata.normalize("NFKC", text).lower())


# ``_BIGRAMS[i]`` cuts the bigram at offset ``i``; grown on demand, shared by all calls.
_BIGRAMS = [slice(i, i + 2) for i in range(256)]


def terms(text: str) -> list[str]:
    """The index terms of ``text``, in order: Han bigrams and Latin/Cyrillic/digit words."""
    result: list[str] = []
    add, keep = result.extend, result.append
    # The bigrams of a run are cut in C: ``getitem`` with precomputed slices makes each one
    # with a single allocation (no Python loop over offsets, no one-character strings).
    for run in _TOKEN.findall(fold(text)):
        if len(run) == 1 or run[0] < _HAN_FIRST:
            keep(run)
        else:
            if len(run) > len(_BIGRAMS):
                _BIGRAMS.extend(slice(i, i + 2) for i in range(len(_BIGRAMS), len(run)))
            add(map(getitem, repeat(run), _BIGRAMS[: len(run) - 1]))
    return result


def _is_han(char: str) -> bool:
    return _HAN_CHAR.match(char) is not None


def query_phrases(query: str) -> list[tuple[list[str], bool]]:
    """The phrases of a query (split on spaces): each its terms and whether it is a prefix
    (a lone Han character, which matches the bigrams it starts)."""
    phrases = []
    for part in query.split():
        part_terms = terms(part)
        if not part_terms:
            continue
        prefix = len(part_terms) == 1 and len(part_terms[0]) == 1 and _is_han(part_terms[0])
        phrases.append((part_terms, prefix))
    return phrases


@dataclass(frozen=True)
class SearchPayload:
    """The index entries of one article: the article first, then each statement in order.
    Each is ``(title terms, body terms)`` for SQLite's FTS5, a tsvector literal for
    PostgreSQL. Computed beside extraction (in a worker process), written by the store."""

    entries: tuple[Any, ...]


def search_payload(parsed: ParsedArticle, extraction: Extraction, dialect: str) -> SearchPayload:
    documents = [(parsed.title, parsed.text.partition("\n")[2])]
    documents += [(s.speaker_text, s.text) for s in extraction.statements]
    # The same texts recur (a speaker's name heads each of their statements; a joint
    # statement repeats its text), so each distinct text is cut into terms once.
    if dialect == "postgresql":
        terms_of = _memoised(terms)
        return SearchPayload(
            tuple(_tsvector(((TITLE, terms_of(t)), (BODY, terms_of(b)))) for t, b in documents)
        )
    document_of = _memoised(fts5_document)
    return SearchPayload(tuple((document_of(t), document_of(b)) for t, b in documents))


def _memoised(function: Callable[[str], _T]) -> Callable[[str], _T]:
    """``function`` with its results kept (for one payload: the cache dies with it)."""
    cache: dict[str, _T] = {}

    def memoised(text: str) -> _T:
        result = cache.get(text)
        if result is None:
            result = cache[text] = function(text)
        return result

    return memoised


def fts5_document(text: str) -> str:
    """The value stored in an FTS5 column: terms separated by spaces."""
    return " ".join(terms(text))


def fts5_query(query: str) -> str | None:
    """An FTS5 MATCH expression: all phrases must occur. None when the query has no terms."""
    parts = []
    for phrase_terms, prefix in query_phrases(query):
        quoted = '"' + " ".join(phrase_terms) + '"'
        parts.append(quoted + " *" if prefix else quoted)
    return " AND ".join(parts) or None


def tsvector_literal(fields: Iterable[tuple[str, str]]) -> str:
    """A ``tsvector`` literal of weighted fields: titles weigh A, bodies D.

    Built as a literal (not with ``to_tsvector``) so PostgreSQL's parser and locale cannot
    re-split the terms; positions run on across fields, so a phrase never spans two.
    """
    return _tsvector((field, terms(text)) for field, text in fields)


def _tsvector(fields: Iterable[tuple[str, list[str]]]) -> str:
    """``tsvector_literal`` of fields already cut into terms (the lists are not changed)."""
    # Every term with its position label (``12D``), over all fields.
    all_terms: list[str] = []
    all_labels: list[str] = []
    position = 0  # the last position given
    for field, field_terms in fields:
        count = len(field_terms)
        labels = _position_labels("A" if field == TITLE else "D")
        field_labels = labels[position + 1 : position + 1 + count]
        if len(field_labels) < count:  # past the limit: the last position repeats
            field_labels += [labels[_PG_MAX_POSITION]] * (count - len(field_labels))
        all_terms += field_terms
        all_labels += field_labels
        position += count + 1  # a gap between fields
    # Term → its positions, in the order terms first occur.
    groups: defaultdict[str, list[str]] = defaultdict(list)
    if position > _PG_MAX_POSITION:  # rare: the last position repeats, so labels may too
        _consume(map(list.append, map(groups.__getitem__, all_terms), all_labels))
        vector = {term: ",".join(dict.fromkeys(labelled)) for term, labelled in groups.items()}
    else:
        # Labels are distinct, and most terms occur once, so this is done in C:
        # ``dict(zip(…))`` keeps each term where it first occurs, with the label of its last
        # occurrence; the occurrences before a term's last are grouped and put in front.
        vector = dict(zip(all_terms, all_labels, strict=True))
        if len(vector) < len(all_terms):
            earlier = list(map(ne, map(vector.__getitem__, all_terms), all_labels))
            _consume(map(list.append, map(groups.__getitem__, compress(all_terms, earlier)),
                         compress(all_labels, earlier)))
            _consume(map(list.append, groups.values(), map(vector.__getitem__, groups)))
            vector.update(zip(groups, map(",".join, groups.values()), strict=True))
    # 'term':labels for each, made in C: "':".join of each item, joined by " '".
    return "'" + " '".join(map("':".join, vector.items())) if vector else ""


def _consume(iterator: Iterator[object]) -> None:
    """Run ``iterator`` to its end in C, keeping nothing."""
    deque(iterator, maxlen=0)


@cache
def _position_labels(weight: str) -> list[str]:
    """``labels[p]`` is position ``p`` written with ``weight`` (``12D``): made once, as the
    same positions recur in every document."""
    return [f"{position}{weight}" for position in range(_PG_MAX_POSITION + 1)]


def tsquery_literal(query: str) -> str | None:
    """A ``tsquery`` literal: each phrase as terms joined by ``<->``, phrases ANDed."""
    parts = []
    for phrase_terms, prefix in query_phrases(query):
        if prefix:
            parts.append(f"'{phrase_terms[0]}':*")
        else:
            parts.append("(" + " <-> ".join(f"'{t}'" for t in phrase_terms) + ")")
    return " & ".join(parts) or None


def snippet(text: str, query: str, width: int = 40) -> str:
    """A window of ``text``, as written, around the first place a part of ``query`` occurs."""
    view = normalise(text)
    for part in query.split():
        needle = normalise(part).text
        found = view.text.find(needle) if needle else -1
        if found >= 0:
            start, end = view.span(found, found + len(needle))
            break
    else:
        start = end = 0
    left, right = max(0, start - width), min(len(text), end + width)
    window = text[left:right].replace("\n", " ")
    return ("…" if left > 0 else "") + window + ("…" if right < len(text) else "")
