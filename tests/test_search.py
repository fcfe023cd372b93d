"""Chinese full-text search: the term scheme (unit) and search through the API (both databases)."""

from __future__ import annotations

import pytest

from kb.search import fts5_query, snippet, terms, tsquery_literal, tsvector_literal


@pytest.mark.parametrize(("text", "expected"), [
    ("普京", ["普京"]),
    ("北約秘書長", ["北约", "约秘", "秘书", "书长"]),  # folded to simplified first
    ("普", ["普"]),
    ("NATO 峰会", ["nato", "峰会"]),
    ("G7峰會", ["g7", "峰会"]),
    ("拜登说：“不。”", ["拜登", "登说", "不"]),
    ("，。！", []),
    ("Ｎａｔｏ", ["nato"]),  # full-width letters
])
def test_terms(text, expected):
    assert terms(text) == expected


@pytest.mark.parametrize(("query", "fts5", "tsquery"), [
    ("普京", '"普京"', "('普京')"),
    ("斯托爾滕貝格", '"斯托 托尔 尔滕 滕贝 贝格"', "('斯托' <-> '托尔' <-> '尔滕' <-> '滕贝' <-> '贝格')"),
    ("普", '"普" *', "'普':*"),
    ("普京 NATO", '"普京" AND "nato"', "('普京') & ('nato')"),
    ("“”", None, None),
])
def test_queries(query, fts5, tsquery):
    assert fts5_query(query) == fts5
    assert tsquery_literal(query) == tsquery


def test_tsvector_weights_titles_and_keeps_positions():
    vector = tsvector_literal([("title", "北约"), ("body", "北约说")])
    assert vector == "'北约':1A,3D '约说':4D"


def _tsvector_reference(fields):
    """The literal built the plain way: one position list per term, in first-seen order."""
    positions, position = {}, 0
    for field, text in fields:
        for term in terms(text):
            position += 1
            positions.setdefault(term, []).append(f"{min(position, 16383)}{'A' if field == 'title' else 'D'}")
        position += 1
    return " ".join(f"'{t}':{','.join(dict.fromkeys(p))}" for t, p in positions.items())


@pytest.mark.parametrize("fields", [
    [("title", ""), ("body", "")],
    [("title", "北约北约"), ("body", "北约峰会，北约说 NATO nato")],
    # past PostgreSQL's last position, which then repeats (in both weights)
    [("body", "北约秘书长说" * 3000), ("title", "北约秘书长"), ("body", "北约秘书长说" * 200)],
])
def test_tsvector_matches_the_plain_construction(fields):
    assert tsvector_literal(fields) == _tsvector_reference(fields)


def test_terms_fold_full_width_punctuation_and_letters():
    assert terms("（ＮＡＴＯ）北約：“是！”") == ["nato", "北约", "是"]
    assert terms("𠀀𠀁北约") == ["𠀀𠀁", "𠀁北", "北约"]  # characters outside the BMP


@pytest.mark.parametrize(("text", "query", "expected"), [
    ("今天北約秘書長說了話", "北约秘书长", "今天北約秘書長說了話"),
    ("一二三四五六七八九十北约一二三四五六七八九十", "北約", "…七八九十北约一二三四…"),
    ("没有匹配", "普京", "没有匹配"),
])
def test_snippet_quotes_the_original_text(text, query, expected):
    assert snippet(text, query, width=4 if len(text) > 12 else 40) == expected


def search(client, query, kinds="", first=10):
    kinds_arg = f", kinds: [{kinds}]" if kinds else ""
    body = client.post("/graphql", json={"query": f"""
        query($q: String!) {{ search(query: $q, first: {first}{kinds_arg}) {{ score snippet node {{
            __typename ... on Person {{ name }} ... on Organization {{ name }} ... on Place {{ name }}
            ... on Outlet {{ name }} ... on Article {{ title text }} ... on Statement {{ text speakerDescription }} }} }} }}""",
        "variables": {"q": query}}).json()
    assert "errors" not in body, body
    return body["data"]["search"]


def test_two_character_name_finds_the_person_first(client):
    hits = search(client, "普京")
    assert hits[0]["node"] == {"__typename": "Person", "name": "普京"}
    assert any(h["node"]["__typename"] == "Article" for h in hits)
    for kind in ("Article", "Statement"):  # each kind by relevance, the kinds alternating
        scores = [h["score"] for h in hits if h["node"]["__typename"] == kind]
        assert scores == sorted(scores, reverse=True)


def test_traditional_input_finds_simplified_text(client):
    simplified = search(client, "北约", kinds="ARTICLE, STATEMENT", first=50)
    traditional = search(client, "北約", kinds="ARTICLE, STATEMENT", first=50)
    assert simplified == traditional and simplified
    for hit in traditional:
        node = hit["node"]
        assert "北约" in node["text"] + node.get("speakerDescription", "")


def test_long_names_match_as_a_phrase(client):
    hits = search(client, "斯托尔滕贝格", kinds="STATEMENT", first=50)
    assert hits and all("斯托尔滕贝格" in h["node"]["text"] for h in hits)
    assert search(client, "贝格斯托尔", kinds="STATEMENT") == []  # same bigrams, wrong order


def test_outlets_and_latin_names(client):
    assert search(client, "RFI", kinds="OUTLET")[0]["node"]["name"] == "法国国际广播电台"
    assert search(client, "nato", kinds="ORGANIZATION")[0]["node"]["name"] == "北约"


def test_queries_without_terms_find_nothing(client):
    assert search(client, "“”，") == []
    assert search(client, "   ") == []


def test_search_filters_on_lists(client):
    body = client.post("/graphql", json={"query": """{
        articles(filter: {search: "斯托爾滕貝格"}) { totalCount nodes { text } }
        people(filter: {search: "斯托"}) { nodes { name } }
        organizations(filter: {search: "北約", kind: "intergovernmental"}) { nodes { name kind } } }"""}).json()
    data = body["data"]
    assert data["articles"]["totalCount"] == 2
    assert all("斯托尔滕贝格" in n["text"] for n in data["articles"]["nodes"])
    assert {"name": "斯托尔滕贝格"} in data["people"]["nodes"]
    assert data["organizations"]["nodes"] and all(n["kind"] == "intergovernmental"
                                                  for n in data["organizations"]["nodes"])


def test_search_pages_with_after(client):
    def page(after=None, first=4):
        body = client.post("/graphql", json={"query": """query($a: String, $n: Int!) {
            search(query: "北约", first: $n, after: $a) { snippet cursor } }""",
            "variables": {"a": after, "n": first}}).json()
        return body
    whole = page(first=8)["data"]["search"]
    first = page()["data"]["search"]
    second = page(first[-1]["cursor"])["data"]["search"]
    assert len(whole) == 8 and first + second == whole
    bad = page("bm90IGEgY3Vyc29y")
    assert "not a search cursor" in bad["errors"][0]["message"]
