"""totalCount counted by the page's own statement where only SQL can tell it (kb.api.data):
the same totals as the counts loader's own statement, in one round trip fewer."""

from __future__ import annotations

import pytest

from kb.api import data as data_module
from kb.api.data import Data
from tests.graphql import executed

RANGE = 'filter: {publishedAfter: "2022-01-01T00:00:00Z", publishedBefore: "2022-03-01T00:00:00Z"}'

# (query, whether the page's statement counts: one statement fewer)
CASES = [
    (f'{{ outlet(name: "RFI") {{ articles(first: 2, {RANGE}) {{ totalCount nodes {{ title }} }} }} }}', True),
    ('{ outlet(name: "RFI") { articles(first: 1, filter: {publishedAfter: "2030-01-01"}) '
     '{ totalCount nodes { title } } } }', False),  # an empty page: the counts loader counts
    ('{ statements(first: 2, filter: {search: "北约"}) { totalCount nodes { text } } }', True),
    ('{ articles(first: 2, filter: {search: "普京"}) { totalCount edges { cursor } } }', True),
    ('{ articles(first: 2) { totalCount nodes { title } } }', False),  # the daily counts
    ('{ person(name: "Stoltenberg") { statements(first: 2) { totalCount } } }', False),  # stored
    ('{ person(name: "普京") { articles(first: 2) { totalCount nodes { title } } } }', True),
    ('{ people(first: 3) { nodes { articles(first: 1) { totalCount } } } }', False),  # many parents
    ('{ person(name: "普京") { mentions(last: 2) { totalCount pageInfo { hasPreviousPage } } } }', True),
]


@pytest.mark.parametrize("query, folded", CASES)
def test_totals_counted_by_the_page_are_the_counts_loaders(seeded_db: str, query: str, folded: bool,
                                                           monkeypatch) -> None:
    statements, data = executed(seeded_db, query)
    with monkeypatch.context() as patch:
        patch.setattr(Data, "_total_column", lambda *args: None)  # every count on its own
        patch.setattr(data_module, "_LOOKUP_PLANS", {})  # statements built with that change
        before, expected = executed(seeded_db, query)
    assert data == expected
    assert len(statements) == len(before) - (1 if folded else 0)


def test_a_later_page_counts_the_whole_list(seeded_db: str) -> None:
    query = '{ person(name: "普京") { articles(first: 1%s) { totalCount edges { cursor } } } }'
    _, first = executed(seeded_db, query % "")
    cursor = first["person"]["articles"]["edges"][0]["cursor"]
    _, second = executed(seeded_db, query % f', after: "{cursor}"')
    assert second["person"]["articles"]["totalCount"] == first["person"]["articles"]["totalCount"] > 1
