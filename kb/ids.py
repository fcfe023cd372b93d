"""The row numbers inside global ids, read strictly: one reading shared by the API and the
exports, so an id one of them refuses the other refuses too."""

from __future__ import annotations

import re

_CANONICAL_NUMBER = re.compile("[1-9][0-9]{0,18}")
_ROW_MAX = 2**63 - 1  # SQL's BIGINT

__all__ = ["row_number"]


def row_number(node_id: str) -> int | None:
    """The row a global id's number names: ASCII digits written canonically (not ``" 1"``,
    ``"01"`` or Arabic-Indic digits, which ``int`` accepts) within SQL's 64-bit range."""
    if _CANONICAL_NUMBER.fullmatch(node_id) is None:
        return None
    number = int(node_id)
    return number if number <= _ROW_MAX else None
