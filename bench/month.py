"""The real-month query set of ``bench.query --month``: the benchmark's queries asked of what a
loaded month of news actually holds, instead of the synthetic corpus's names and dates.

From the database it picks the month's most quoted person (the most statements; the name as
stored), the outlet with the most articles (by its key) and that outlet's last seven days of
news, and fills them into the benchmark's own query files (GraphQL and SQL alike), so the
answers are checked against hand SQL exactly as for the synthetic corpus:

- ``person_page``: the most quoted person's newest 20 statements with article and outlet
  (``stoltenberg.graphql``'s shape);
- ``outlet_week``: the top outlet's articles of its last week (``outlet_date_range``'s shape);
- ``search``: the search box for a term (``--term``, 北约 by default: a two-character term,
  one bigram, as the SQL files spell the full-text match);
- ``co_mentions``: who is named in the same articles as the most quoted person.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kb.normalise import normalise_key

# Month query → the benchmark query whose files and answer view it reuses.
MONTH_QUERIES = {
    "person_page": "stoltenberg",
    "outlet_week": "outlet_date_range",
    "search": "search",
    "co_mentions": "co_mentions",
}

# The literals of those files that the month's values replace.
_PERSON_NAME, _PERSON_KEY = "Stoltenberg", "stoltenberg"
_CO_MENTIONED = "普京"
_OUTLET_NAME, _OUTLET_KEY = "RFI", "rfi"
_FROM, _TO = "2022-01-01", "2022-03-01"
_TERM = "北约"


def parameters(rows: Any, term: str = _TERM) -> dict[str, str]:
    """The month's values, read with ``rows(sql) -> list of tuples`` over the database."""
    person = rows("SELECT name FROM person ORDER BY statement_count DESC, id LIMIT 1")
    outlet = rows("SELECT o.key, max(a.published_at) FROM outlet AS o "
                  "JOIN article AS a ON a.outlet_id = o.id "
                  "GROUP BY o.id, o.key ORDER BY count(*) DESC, o.id LIMIT 1")
    # (the outlet's key is one of the names the API resolves an outlet by, as the SQL does)
    if not person or not outlet:
        raise ValueError("the database holds no person or no outlet with articles: load a month first")
    last = outlet[0][1]
    last_day = last.date() if hasattr(last, "date") else date.fromisoformat(str(last)[:10])
    return {
        "person": person[0][0],
        "outlet": outlet[0][0],
        "from": (last_day - timedelta(days=6)).isoformat(),
        "to": (last_day + timedelta(days=1)).isoformat(),
        "term": term,
    }


def fill(name: str, text: str, values: dict[str, str]) -> str:
    """``text`` (a query file of the benchmark query behind ``name``) with the month's values."""
    if name == "person_page":
        key = normalise_key(values["person"])
        return text.replace(_PERSON_NAME, values["person"]).replace(_PERSON_KEY, key)
    if name == "co_mentions":  # (one literal for the GraphQL name and the SQL key: the key is a name too)
        return text.replace(_CO_MENTIONED, normalise_key(values["person"]))
    if name == "outlet_week":
        return (text.replace(_OUTLET_NAME, values["outlet"]).replace(_OUTLET_KEY, values["outlet"])
                .replace(_FROM, values["from"]).replace(_TO, values["to"]))
    if name == "search":
        return text.replace(_TERM, values["term"])
    raise KeyError(name)
