"""Articles of a real month archive (agora0/2305, Jekyll posts with `link` in the front
matter), one or two of each of its eight outlets: each loads, and each outlet is one outlet."""

from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from kb.load import load_paths
from kb.models import Article, Outlet
from kb.parse import parse_file

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
