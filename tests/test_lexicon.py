"""The word lists and catalogs under kb/data are read as YAML, where a key written twice
silently drops the first list: every mapping must hold each key once."""

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parent.parent / "kb" / "data"


def _duplicate_keys(node: yaml.Node) -> list[str]:
    found = []
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value]
        found += sorted({k for k in keys if keys.count(k) > 1})
        for _, value in node.value:
            found += _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _duplicate_keys(item)
    return found


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_no_key_is_written_twice(path):
    node = yaml.compose(path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert _duplicate_keys(node) == []
