"""Global ids: the keys they are made of, and the row numbers older ids and internal ones
hold, read strictly — one reading shared by the API, the exports and the loader, so an id
one of them makes or refuses the others make or refuse too.

A node's id survives rebuilding the database and loading the same files in another order:
people, organizations, places and outlets are named by their key (catalog key, or kind and
normalised name), articles by a hash of their identity (canonical URL, or outlet, title and
date), statements by their article's and their position in it.
"""

from __future__ import annotations

import hashlib
import re

_CANONICAL_NUMBER = re.compile("[1-9][0-9]{0,18}")
_ROW_MAX = 2**63 - 1  # SQL's BIGINT

__all__ = ["article_uid", "row_number", "statement_uid"]


def article_uid(identity: str) -> str:
    """An article's lasting id: 16 hex digits of the SHA-256 of its identity."""
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def statement_uid(article: str, position: int) -> str:
    """A statement's lasting id: its article's and its position among the article's."""
    return f"{article}.{position}"


def row_number(node_id: str) -> int | None:
    """The row a global id's number names: ASCII digits written canonically (not ``" 1"``,
    ``"01"`` or Arabic-Indic digits, which ``int`` accepts) within SQL's 64-bit range."""
    if _CANONICAL_NUMBER.fullmatch(node_id) is None:
        return None
    number = int(node_id)
    return number if number <= _ROW_MAX else None
