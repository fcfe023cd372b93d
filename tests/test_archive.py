"""Articles of real month archives (agora0's Jekyll posts: 2305 with `link` in the front matter,
one or two of each of its eight outlets; 2009 without one, where only `categories` names the
feed; 2511's new outlets): each loads, and each outlet is one outlet."""

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import Session

from kb.catalog import default_catalog
from kb.extract.outlets import resolve_outlet
from kb.load import load_paths
from kb.models import Article, Outlet
from kb.parse import parse_file, parse_text

ARCHIVE = Path(__file__).resolve().parent / "archive"
# The archive's own outlet code (in the file name) → the catalog's outlet.
OUTLETS = {
    "AJ": "al-jazeera",
    "BBC": "bbc-chinese",
    "CNA": "cna",
    "DW": "deutsche-welle",
    "KYODO": "kyodo-chinese",
    "RFI": "rfi",
    "RTHK": "rthk",
    "WSJ": "wsj-chinese",
    "ASAHI": "asahi-chinese",
    "REUTERS": "reuters-chinese",
    "JOINS": "joongang-chinese",
    "CHOSUN": "chosun-chinese",
    "NYT": "nytimes-chinese",
}


def test_the_link_is_the_articles_url_and_identity():
    article = parse_file(next(ARCHIVE.glob("*-WSJ-*")))
    assert article.url and article.url.startswith("https://cn.wsj.com/")
    assert article.identity.startswith("https://cn.wsj.com/") and article.outlet_domain == "cn.wsj.com"


def test_every_article_loads_and_each_outlet_is_one_outlet(engine):
    files = sorted(ARCHIVE.iterdir())
    report = load_paths(engine, [ARCHIVE])
    assert report.failures == [] and report.added == len(files)
    with Session(engine) as session:
        rows = session.exec(select(Article.source_path, Outlet.key).join(Outlet)).all()
    found = {Path(path).name.split("-")[3]: set() for path, _ in rows}
    for path, key in rows:
        found[Path(path).name.split("-")[3]].add(key)
    assert found == {code: {key} for code, key in OUTLETS.items()}


def _post(front: str, body: str) -> str:
    return f"---\ntitle: t\ndate: 2020-09-01 08:55:17 +08:00\n{front}---\n{body}"


@pytest.mark.parametrize(
    ("front", "body", "key"),
    [
        # the archive's feed names a catalog outlet, with or without images on another host
        ("categories: reuters\n", '<p>正文。</p><img src="https://www.reuters.com/x.jpg">', "reuters-chinese"),
        ("categories: reuters\n", "<p>正文。</p>", "reuters-chinese"),
        # an unknown feed without a page of its own is one outlet, however its images are served
        ("categories: somefeed\n", '<p>正文。</p><img src="https://cdn.example.net/x.jpg">', "name:somefeed"),
        ("categories: somefeed\n", "<p>正文。</p>", "name:somefeed"),
        # a page of its own (link) names it by its domain
        ("link: https://news.example.org/a/1\ncategories: somefeed\n", "<p>正文。</p>", "example.org"),
        # no name at all: the images' host is all there is
        ("", '<p>正文。</p><img src="https://cdn.example.net/x.jpg">', "example.net"),
    ],
)
def test_an_archives_feed_names_its_outlet(front, body, key):
    assert resolve_outlet(parse_text(_post(front, body)), default_catalog()).key == key
