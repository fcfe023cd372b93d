"""Linked rows read in the page's own statement (kb/api/joins.py): fewer statements, the
same answers as when prefetch reads them one table at a time."""

from __future__ import annotations

import pytest

from kb.api import data as data_module
from kb.api import joins
from kb.api.joins import LinkedRow, joinable
from tests.graphql import executed


@pytest.mark.parametrize("type_name, paths, joined, rest", [
    ("Statement", (), (), ()),
    ("Statement", (("article",),), (("article",),), ()),
    ("Statement", (("article",), ("article", "outlet")), (("article",), ("article", "outlet")), ()),
    ("Statement", (("speaker",),), (), (("speaker",),)),
    ("Statement", (("article",), ("speaker",)), (("article",),), (("speaker",),)),
    ("Article", (("outlet",),), (("outlet",),), ()),
    ("Mention", (("article",), ("article", "outlet")), (("article",), ("article", "outlet")), ()),
    ("Outlet", (("articles",),), (), (("articles",),)),
    ("Person", (("statements",),), (), (("statements",),)),
])
def test_joinable_splits_single_table_links_from_the_rest(type_name, paths, joined, rest) -> None:
    assert joinable(type_name, paths) == (joined, rest)


def test_a_linked_row_reads_like_a_row() -> None:
    row = LinkedRow(id=3, name="RFI")
    assert (row.id, row.name, row._mapping["name"]) == (3, "RFI", "RFI")
    with pytest.raises(AttributeError):
        _ = row.missing


# (query, whether the lookup's statement joins the page's linked rows: no outlet read by id)
QUERIES = [
    ('{ person(name: "Stoltenberg") { statements(first: 3) { totalCount nodes { text '
     'article { title publishedAt outlet { name key } } } } } }', True),
    ('{ organization(name: "北约") { statements(first: 2) { edges { cursor node { text speaker { name } '
     'article { title outlet { name } } } } } } }', True),
    ('{ person(name: "普京") { mentions(first: 3) { nodes { surface article { title outlet { name } } } } } }',
     True),
    ('{ person(name: "普京") { articles(last: 2) { nodes { title outlet { name domains } } } } }', True),
    # an article read through a join has no text: it is read when asked for
    ('{ person(name: "Stoltenberg") { statements(first: 4) { nodes { article { text paragraphs outlet '
     '{ name } } } } } }', True),
    ('{ person(name: "Stoltenberg") { mentions(first: 2) { nodes { article { paragraphs title } } } } }', True),
    # pages read by the pages loader: prefetch reads their links
    ('{ people(first: 4, orderBy: {field: STATEMENTS}) { nodes { name statements(first: 2) { '
     'edges { cursor node { text article { title outlet { name } } } } } } } }', False),
    ('{ statements(last: 3) { pageInfo { hasPreviousPage startCursor } nodes { text article { url outlet { id } } } } }',
     False),
]


def _by_ids(statements: list[str], table: str) -> list[str]:
    """Statements that read rows of ``table`` by id (prefetch's, not a page's)."""
    return [s for s in statements if f"FROM {table} \nWHERE {table}.id IN" in s
            or f"FROM {table} WHERE {table}.id IN" in " ".join(s.split())]


@pytest.mark.parametrize("query, joined", QUERIES)
def test_joined_links_answer_as_prefetch_did(seeded_db: str, query: str, joined: bool, monkeypatch) -> None:
    statements, data = executed(seeded_db, query)
    with monkeypatch.context() as patch:
        patch.setattr(joins, "JOINABLE", {})  # every link read by prefetch, as before
        patch.setattr(data_module, "_LOOKUP_PLANS", {})  # statements built with that change
        before, expected = executed(seeded_db, query)
    assert data == expected
    assert len(statements) <= len(before)
    assert bool(_by_ids(statements, "outlet")) != joined


def test_a_page_of_statements_with_article_and_outlet_is_one_statement(seeded_db: str) -> None:
    statements, data = executed(seeded_db, QUERIES[0][0])
    assert data["person"]["statements"]["nodes"]
    assert not _by_ids(statements, "article") and not _by_ids(statements, "outlet")
    pages = [s for s in statements if "article__outlet__name" in s]
    assert len(pages) == 1


def test_joined_articles_read_their_text_once_each(seeded_db: str) -> None:
    query = '{ person(name: "Stoltenberg") { statements(first: 6) { nodes { article { text } } } } }'
    statements, data = executed(seeded_db, query)
    texts = [s for s in statements if "article.text" in s]
    assert len(texts) == 1  # the texts of the page's articles, in one statement after the page
    assert all(node["article"]["text"] for node in data["person"]["statements"]["nodes"])
