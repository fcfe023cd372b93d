"""Which links a connection's query selects (kb.api.prefetch.link_paths), and that prefetched
and loaded-on-demand links give the same answers."""

import asyncio
from types import SimpleNamespace

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse

from kb.api.prefetch import link_paths, prefetch


def _info(document: str, type_name: str = "Statement"):
    """A stand-in for Strawberry's Info at the first field named ``statements``."""
    ast = parse(document)
    fragments = {d.name.value: d for d in ast.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = next(d for d in ast.definitions if isinstance(d, OperationDefinitionNode))
    pending = list(operation.selection_set.selections)
    while pending:
        node = pending.pop(0)
        if getattr(node, "name", None) and node.name.value == "statements":
            return SimpleNamespace(_raw_info=SimpleNamespace(field_nodes=[node], fragments=fragments))
        if getattr(node, "selection_set", None):
            pending.extend(node.selection_set.selections)
    raise AssertionError("no statements field")


CASES = [
    ("{ person { statements { nodes { text } } } }", ()),
    ("{ person { statements { totalCount } } }", ()),
    ("{ person { statements { nodes { article { title } } } } }", (("article",),)),
    ("{ person { statements { nodes { article { outlet { name } } } } } }",
     (("article",), ("article", "outlet"))),
    ("{ person { statements { edges { node { speaker { __typename } } } } } }", (("speaker",),)),
    ("{ person { statements { edges { node { ...S } } } } } fragment S on Statement { article { ...A } }"
     " fragment A on Article { outlet { name } }", (("article",), ("article", "outlet"))),
    ("{ person { statements { nodes { ... on Statement { article { id } speaker { id } } } } } }",
     (("article",), ("speaker",))),
    # mentions are not prefetched (a list per statement, with its own loader)
    ("{ person { statements { nodes { mentions { __typename } } } } }", ()),
]


@pytest.mark.parametrize(("document", "expected"), CASES)
def test_link_paths(document, expected):
    assert link_paths(_info(document), "Statement") == expected


def test_link_paths_of_a_type_without_links():
    assert link_paths(_info("{ person { statements { nodes { text } } } }"), "Outlet") == ()


def test_prefetch_fetches_once_per_table_and_level():
    rows = {"article": {1: SimpleNamespace(id=1, outlet_id=7), 2: SimpleNamespace(id=2, outlet_id=7)},
            "outlet": {7: SimpleNamespace(id=7)}}
    calls = []

    async def fetch(table, ids):
        calls.append((table, sorted(ids)))
        return {i: rows[table][i] for i in ids if i in rows[table]}

    statements = [SimpleNamespace(article_id=a, speaker_person_id=None, speaker_organization_id=None,
                                  speaker_place_id=None) for a in (1, 2, 2)]
    other = [SimpleNamespace(article_id=3, speaker_person_id=None, speaker_organization_id=None,
                             speaker_place_id=None)]
    asyncio.run(prefetch(fetch, "Statement", [(statements, (("article",), ("article", "outlet"))),
                                              (other, (("article",),))]))
    assert calls == [("article", [1, 2, 3]), ("outlet", [7])]
