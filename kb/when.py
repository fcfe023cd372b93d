"""Dates and times as clients write them, read one way for the API and the exports.

A plain date (``2022-01-01``) is that day's midnight, a date-time without an offset
(``2022-01-01T08:00:00``) is UTC, and one with an offset (``+08:00``, ``Z``) is that moment;
kb keeps every moment in UTC (kb.models.UTCDateTime).
"""

from __future__ import annotations

from datetime import UTC, datetime

FORMATS = ("a date (2022-01-01), a date-time in UTC (2022-01-01T08:00:00) or one with an offset "
           "(2022-01-01T08:00:00+08:00, …Z)")


def parse_moment(text: str) -> datetime:
    """The UTC moment ``text`` names; ``ValueError`` saying what is accepted otherwise."""
    if not isinstance(text, str) or not 10 <= len(text.strip()) <= 40:
        raise ValueError(f"not a date or time: write {FORMATS}")
    try:
        moment = datetime.fromisoformat(text.strip().replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a date or time: write {FORMATS}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
