"""Linked rows read in the page's own statement: one round trip where three were.

A page of statements asking for ``article { outlet { name } }`` costs three statements when
``kb.api.prefetch`` reads the links: the page, then the articles, then their outlets. A link
with one target table (a statement's article, an article's outlet, a mention's article) is a
many-to-one join on a primary key, so the page's statement can read it as extra columns
without changing its rows or their order: ``with_links`` adds the joins, ``split_links``
turns the extra columns back into rows of their own tables, which the request keeps
(``Data.loaded``), so ``prefetch`` then finds them read and sends nothing.

Used where the statement is built once and reused (``Data._lookup_plan``): a statement built
afresh for each request costs SQLAlchemy more to build and key when it is wider than the
round trips a join saves (measured on the nested benchmark query), so the pages loader
leaves links to ``prefetch``. Links with several target tables (a statement's speaker:
person, organization or place) always stay with ``prefetch``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select

from kb.api.prefetch import Paths
from kb.models import Article, Outlet

# Columns a join leaves out: an article's text is most of its row, and a page's statements
# often share a few articles, so a join would read each text once per statement. Article.text
# reads it when asked for (Data.article_texts), once per article.
LEFT_OUT: dict[str, frozenset[str]] = {"article": frozenset({"text"})}

# Node type → link field → (table, model, the column of the node that holds its id, linked type).
JOINABLE: dict[str, dict[str, tuple[str, Any, str, str]]] = {
    "Statement": {"article": ("article", Article, "article_id", "Article")},
    "Article": {"outlet": ("outlet", Outlet, "outlet_id", "Outlet")},
    "Mention": {"article": ("article", Article, "article_id", "Article")},
}

# A linked column's label: the path and the column (article__outlet__name). Double
# underscores appear in no column name of kb's tables.
SEPARATOR = "__"

Join = tuple[tuple[str, ...], str]  # (path, table)


class LinkedRow(dict[str, Any]):
    """A row read through a join: its columns by attribute, as a SQLAlchemy Row's are."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def _mapping(self) -> dict[str, Any]:
        return self


def joinable(type_name: str, paths: Paths) -> tuple[Paths, Paths]:
    """``paths`` split into those a join reads (each of whose steps has one target table,
    with every shorter path among them) and the rest, which ``prefetch`` reads."""
    joined: list[tuple[str, ...]] = []
    for path in sorted(paths, key=len):
        current, ok = type_name, True
        for step in path:
            link = JOINABLE.get(current, {}).get(step)
            if link is None:
                ok = False
                break
            current = link[3]
        if ok and (len(path) == 1 or path[:-1] in joined):
            joined.append(path)
    return tuple(joined), tuple(p for p in paths if p not in joined)


def with_links(base: Select[Any], type_name: str, paths: Paths) -> tuple[Select[Any], list[Join]]:
    """``base`` (a page's SELECT of ``type_name`` rows) with the rows ``paths`` reach joined
    in, their columns labelled by path; and the joins made, for ``split_links``."""
    sources: dict[tuple[str, ...], tuple[Any, str]] = {(): (base.selected_columns, type_name)}
    joins: list[Join] = []
    for path in sorted(paths, key=len):
        parent_columns, parent_type = sources[path[:-1]]
        table, model, column, target = JOINABLE[parent_type][path[-1]]
        # A Core alias of the table, not an ORM aliased(): an ORM entity would send the whole
        # statement through the ORM's compilation, which cost more than the round trip saved.
        alias = model.__table__.alias(SEPARATOR.join(path))
        prefix = SEPARATOR.join(path) + SEPARATOR
        left_out = LEFT_OUT.get(table, frozenset())
        base = (base.add_columns(*(c.label(prefix + c.key) for c in alias.c if c.key not in left_out))
                .outerjoin(alias, alias.c.id == parent_columns[column]))
        sources[path] = (alias.c, target)
        joins.append((path, table))
    return base, joins


def split_links(rows: Iterable[Any], joins: list[Join]) -> dict[str, dict[int, LinkedRow]]:
    """The linked rows the labelled columns of ``rows`` hold, by table and id."""
    found: dict[str, dict[int, LinkedRow]] = {}
    for path, table in joins:
        prefix = SEPARATOR.join(path) + SEPARATOR
        keep = found.setdefault(table, {})
        names: list[tuple[str, str]] | None = None
        for row in rows:
            mapping = row._mapping
            if names is None:
                names = [(key, key[len(prefix):]) for key in mapping
                         if key.startswith(prefix) and SEPARATOR not in key[len(prefix):]]
            row_id = mapping[prefix + "id"]
            if row_id is not None and row_id not in keep:
                keep[row_id] = LinkedRow((name, mapping[key]) for key, name in names)
    return found
