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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kb.normalise import normalise, simplified_converter

if TYPE_CHECKING:
    from kb.extract import Extraction
    from kb.parse import ParsedArticle

_simplify = simplified_converter().convert

# Han ideographs (BMP and the extension planes) and compatibility ideographs.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(rf"[{_HAN}]+|[0-9a-z\u00c0-\u024f\u0400-\u04ff]+")

# A PostgreSQL tsvector keeps positions up to 16383; later terms keep their last position.
_PG_MAX_POSITION = 16383
TITLE, BODY = "title", "body"


def fold(text: str) -> str:
    """The folded form terms are cut from: width (NFKC), case, then simplified script. Unlike
    ``normalise`` it keeps no offsets, so it runs in C end to end."""
    return _simplify(unicodedata.normalize("NFKC", text).lower())


def terms(text: str) -> list[str]:
    """The index terms of ``text``, in order: Han bigrams and Latin/Cyrillic/digit words."""
    result: list[str] = []
    for run in _TOKEN.findall(fold(text)):
        if len(run) == 1 or not _is_han(run[0]):
            result.append(run)
        else:
            result.extend(run[i : i + 2] for i in range(len(run) - 1))
    return result


def _is_han(char: str) -> bool:
    return bool(re.match(rf"[{_HAN}]", char))


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
    if dialect == "postgresql":
        return SearchPayload(tuple(tsvector_literal(((TITLE, t), (BODY, b))) for t, b in documents))
    return SearchPayload(tuple((fts5_document(t), fts5_document(b)) for t, b in documents))


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
    positions: dict[str, list[str]] = defaultdict(list)
    position = 0
    for field, text in fields:
        weight = "A" if field == TITLE else "D"
        for term in terms(text):
            position += 1
            positions[term].append(f"{min(position, _PG_MAX_POSITION)}{weight}")
        position += 1  # a gap between fields
    return " ".join(f"'{term}':{','.join(dict.fromkeys(p))}" for term, p in positions.items())


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
