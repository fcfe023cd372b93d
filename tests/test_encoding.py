"""Answers are UTF-8 JSON (kb/api/encoding.py): Chinese as itself, the same values as json's."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from kb.api import encoding


@pytest.mark.parametrize("data", [
    {"data": {"person": {"name": "斯托尔滕贝格", "nameEn": "Jens Stoltenberg"}}},
    {"data": None, "errors": [{"message": "no \"such\" field\n", "path": ["a", 0]}]},
    {"data": {"score": 0.123456, "count": 0, "ok": True, "none": None, "list": []}},
    {"data": {"text": "𠮷 emoji 😀 tab\t nul-free \\ slash /"}},
    {"data": {"big": 2**70}},  # past 64 bits: orjson refuses, json writes it
    {"data": {"lone": "\ud800"}},  # a lone surrogate: orjson refuses, json escapes it
])
def test_dumps_is_json_of_the_same_values(data: object) -> None:
    encoded = encoding.dumps(data)
    assert isinstance(encoded, bytes)
    assert json.loads(encoded) == data


@pytest.mark.parametrize("text, raw", [
    ("斯托尔滕贝格", "斯托尔滕贝格".encode()),
    ("北約", "北約".encode()),
    ("\ud800", b"\\ud800"),
])
def test_dumps_writes_text_as_utf8_and_escapes_only_what_utf8_cannot_hold(text: str, raw: bytes) -> None:
    assert raw in encoding.dumps({"t": text})


def test_answers_carry_chinese_as_utf8(client: TestClient) -> None:
    response = client.post("/graphql", json={"query": '{ person(name: "Stoltenberg") { name } }'})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert "斯托尔滕贝格".encode() in response.content
    assert b"\\u" not in response.content
    assert response.json() == {"data": {"person": {"name": "斯托尔滕贝格"}}}
