"""No N+1: the number of SQL statements a request issues follows the shape of the query,
not the number of rows — the same nested query costs the same on 5 and on 50 articles."""

from __future__ import annotations

import pytest

from kb.db import create_sync_engine, upgrade
from kb.load import load_paths
from tests.conftest import SEEDS, backends, fresh_postgres
from tests.corpus import write_copies
from tests.graphql import executed

NESTED = """
{
  people(first: 30, orderBy: {field: MENTIONS}) {
    totalCount
    nodes {
      name aliases { name } roles { title organization { name } place { name } }
      statements(first: 10) {
        totalCount
        nodes { text speaker { __typename ... on Person { name } } mentions { __typename }
                article { title outlet { name } images { url } } }
      }
      articles(first: 5) { totalCount nodes { title people { name } organizations { name } } }
      coMentioned(first: 3) { articleCount entity { __typename } }
      outlets { statementCount outlet { name } }
      timeline(bucket: MONTH) { statements articles }
    }
  }
  outlets {
    nodes {
      name
      topSpeakers(first: 3) { statementCount speaker { __typename } }
      topPeople(first: 3) { person { name } }
      articles(first: 5) { totalCount nodes { title statements(first: 3) { nodes { text } } } }
    }
  }
}
"""


def _statements_and_rows(url: str) -> tuple[int, int]:
    statements, data = executed(url, NESTED)
    rows = sum(len(p["statements"]["nodes"]) + len(p["articles"]["nodes"]) for p in data["people"]["nodes"])
    return len(statements), rows


def _loaded(url: str, folder, expected: int) -> str:
    upgrade(url)
    engine = create_sync_engine(url)
    report = load_paths(engine, [folder])
    engine.dispose()
    assert report.failures == [] and report.added == expected
    return url


@pytest.fixture(params=backends())
def small_and_large(request, tmp_path):
    """The seeds once (5 articles) and ten times over (50 articles, the same people)."""
    copies = write_copies(SEEDS, tmp_path / "copies", 10)[0].parent
    if request.param == "sqlite":
        urls = f"sqlite:///{tmp_path / 'small.db'}", f"sqlite:///{tmp_path / 'large.db'}"
    else:
        urls = fresh_postgres("small"), fresh_postgres("large")
    return _loaded(urls[0], SEEDS, 5), _loaded(urls[1], copies, 50)


def test_sql_statements_do_not_grow_with_the_data(small_and_large):
    small_statements, small_rows = _statements_and_rows(small_and_large[0])
    large_statements, large_rows = _statements_and_rows(small_and_large[1])
    print(f"SQL statements: {small_statements} on 5 articles ({small_rows} rows), "
          f"{large_statements} on 50 articles ({large_rows} rows)")
    assert large_rows > small_rows  # the larger database really returns more
    assert large_statements == small_statements
    assert small_statements < 40  # one per list and loader, not one per row
