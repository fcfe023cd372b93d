from datetime import UTC, datetime
from pathlib import Path

import pytest

from kb.parse import ParseError, parse_file, parse_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# file, format, outlet hint, published (UTC), title start, url start, byline, images, lead image
CASES = [
    ("000_f491beeb535afc5b.txt", "A", "www.rfi.fr", datetime(2022, 1, 25, 14, 15, 2, tzinfo=UTC),
     "拜登与欧洲盟友举行集体会议", "https://www.rfi.fr/cn/", None, 0, None),
    ("001_9be3b2f621e543aa.txt", "A", "www.voachinese.com",
     datetime(2022, 1, 5, 1, 59, 3, tzinfo=UTC), "北约和俄罗斯将就莫斯科",
     "https://www.voachinese.com/a/nato-russia-talks-on-ukraine-20220104/6383247.html", None, 1,
     "https://images.weserv.nl?url=gdb.voanews.com/"),
    ("002_ce804001e456922b.txt", "B", "chinese.aljazeera.net",
     datetime(2022, 1, 20, 2, 24, 38, tzinfo=UTC), "乌克兰：布林肯从基辅发出威胁", None, None, 2,
     "https://chinese.aljazeera.net/wp-content/uploads/2022/01/image-6-2.jpg"),
    ("003_6d4ffcfbd5b82024.txt", "B", "i.guancha.cn", datetime(2022, 1, 3, 9, 56, 49, tzinfo=UTC),
     "拜登向乌克兰总统_打包票_", None, "齐倩", 2, "https://i.guancha.cn/news/external/"),
    ("004_3ba21630bbee9f23.txt", "A", "www.dw.com", datetime(2021, 12, 31, 1, 47, 6, tzinfo=UTC),
     "美俄峰会结束", "https://www.dw.com/zh/", None, 3, "https://images.weserv.nl/?url=static.dw.com/"),
]


@pytest.mark.parametrize(
    ("name", "fmt", "domain", "published", "title", "url", "byline", "images", "lead"), CASES
)
def test_seed_fields(name, fmt, domain, published, title, url, byline, images, lead):
    article = parse_file(SEEDS / name)
    assert article.source_format == fmt
    assert article.outlet_domain == domain
    assert article.published_at == published and article.published_at.tzinfo is not None
    assert article.title.startswith(title)
    assert (article.url or None) == url if url is None else article.url.startswith(url)
    assert article.byline == byline
    assert len(article.images) == images
    assert (article.lead_image or "").startswith(lead or "")
    assert len(article.content_hash) == 64
    assert article.text.split("\n")[0] == article.title
    if fmt == "B":
        assert article.url is None and article.identity.startswith("urn:kb:")
        assert article.outlet_names
    else:
        assert article.identity.startswith("https://")


def test_rfi_body_is_clean():
    article = parse_file(SEEDS / "000_f491beeb535afc5b.txt")
    lines = article.text.split("\n")
    assert "Array" not in lines
    assert article.dateline == "25/01/2022 - 15:11"
    assert not any("25/01/2022" in line for line in lines)
    assert len(article.paragraphs) == 12


def test_boilerplate_and_captions_dropped_or_kept():
    dw = parse_file(SEEDS / "004_3ba21630bbee9f23.txt")
    assert not any("版權" in line for line in dw.text.split("\n"))
    assert dw.images[0].caption == "拜登12月30日与普京通话，聚焦乌克兰情势。"
    guancha = parse_file(SEEDS / "003_6d4ffcfbd5b82024.txt")
    assert not any("未经授权" in line for line in guancha.text.split("\n"))
    assert [i.caption for i in guancha.images] == ["拜登与泽连斯基（资料图）", "泽连斯基推文截图"]
    aljazeera = parse_file(SEEDS / "002_ce804001e456922b.txt")
    assert [b.text for b in aljazeera.blocks if b.kind == "heading"] == ["俄罗斯的要求", "俄罗斯欢迎土耳其的作用"]


def test_bom_and_crlf_are_accepted(tmp_path):
    raw = (SEEDS / "001_9be3b2f621e543aa.txt").read_bytes()
    variant = tmp_path / "crlf.txt"
    variant.write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert parse_file(variant).text == parse_file(SEEDS / "001_9be3b2f621e543aa.txt").text
    assert parse_file(variant).content_hash == parse_file(SEEDS / "001_9be3b2f621e543aa.txt").content_hash


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xd8\xff\xe0 not utf8 \xc3\x28", "not valid UTF-8"),
        ("就是一段普通文字。".encode(), "unknown format"),
        (b"---\ntitle: [unclosed\n---\n<p>x</p>", "invalid YAML"),
        (b"---\ntitle: x\n<p>never closed</p>", "not closed"),
        (b"---\n- a\n- b\n---\n<p>x</p>", "not a mapping"),
        (b"---\ntitle: x\n---\n<p>x</p>", "no 'date'"),
        (b"---\ntitle: x\ndate: someday\n---\n<p>x</p>", "unparseable date"),
        (b"<!--123-->\n[t](https://x.org/a)\n------\n", "EPOCH_MS"),
        (b"<!--1643120102000-->\nno title line\n------\n", "[title](url)"),
    ],
)
def test_bad_files_name_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ParseError) as error:
        parse_file(path)
    assert str(path) in str(error.value)
    assert reason in error.value.reason


def test_byline_patterns():
    text = "---\ntitle: t\ndate: 2022-01-01T00:00:00Z\nauthor: X\n---\n<p>【文/观察者网 王五】正文。</p>"
    assert parse_text(text).byline == "王五"
    text = text.replace("【文/观察者网 王五】", "（美联社、法新社）")
    assert parse_text(text).byline is None


def _body(html: str):
    return parse_text("<!--1643120102000-->\n[t](https://x.org/a)\n------\n" + html)


def test_block_text_skips_dropped_inline_elements_but_keeps_their_images():
    article = _body('<p>前文<span class="share-bar">分享<img src="https://x.org/i.jpg"></span>'
                    "后文<br>续</p>")
    assert [b.text for b in article.blocks] == ["前文后文 续"]
    assert [i.url for i in article.images] == ["https://x.org/i.jpg"]


def test_bold_line_heading_and_centred_caption():
    article = _body('<img src="https://x.org/i.jpg"><p style="text-align: center">图片说明</p>'
                    "<p><strong>小标题</strong></p><p><b>一句话。</b></p><p>正文<b>小标题</b></p>")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("caption", "图片说明"), ("heading", "小标题"), ("paragraph", "一句话。"),
        ("paragraph", "正文小标题"),
    ]
    assert article.images[0].caption == "图片说明"


def test_dropped_body_hides_block_text_not_loose_text():
    article = _body('<html><body class="promo"><p>段落</p>散文</body></html>')
    assert [b.text for b in article.blocks] == ["散文"]


def test_parsing_is_repeatable():
    # the lxml parser is reused between documents: nothing may carry over
    first = parse_file(SEEDS / "004_3ba21630bbee9f23.txt")
    _body("<div><p>unclosed <b>bold")
    assert parse_file(SEEDS / "004_3ba21630bbee9f23.txt") == first


def test_lists_of_links_are_no_part_of_the_article():
    related = (
        '<div class="more"><div>延伸阅读</div><a href="https://example.com/a/2">另一篇新闻的标题在这里写着</a></div>'
        '<div><a href="https://example.com/t/1">#标签一</a><a href="https://example.com/t/2">#标签二</a></div>'
        '<ul><li><a href="https://example.com/a/3">第一条别的新闻标题</a></li>'
        '<li><a href="https://example.com/a/4">第二条别的新闻标题</a></li></ul>'
        # a timeline: links with their dates, the article's own headline unlinked among them
        '<div><ul><li><a href="https://example.com/a/5">第三条别的新闻的标题写得比较长一些</a><span>2023/12/28 23:05</span></li>'
        '<li><span>这篇文章自己的标题就在这里</span><span>2023/12/28 20:18</span></li>'
        '<li><a href="https://example.com/a/6">第四条别的新闻的标题写得比较长一些</a><span>2023/12/28 19:33</span></li>'
        '<li><a href="https://example.com/a/7">第五条别的新闻的标题写得比较长一些</a><span>2023/12/28 18:50</span></li>'
        '<li><a href="https://example.com/a/8">第六条别的新闻的标题写得比较长一些</a><span>2023/12/28 18:40</span></li>'
        '<li><a href="https://example.com/a/9">第七条别的新闻的标题写得比较长一些</a><span>2023/12/28 18:30</span></li></ul></div>'
    )
    body = (
        '<div><p>正文第一段，<a href="https://example.com/x">链接</a>在句中。</p></div>'
        '<div><p><a href="https://example.com/author/1" rel="author">Jane Reporter</a></p></div>'
    )
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n{body}{related}"
    assert parse_text(text).text.splitlines()[1:] == ["正文第一段，链接在句中。", "Jane Reporter"]


def test_a_short_timeline_of_links_is_no_part_of_the_article():
    timeline = (
        '<ul><li><div>这篇文章自己的标题在这里写得很长很长</div><span>2023/12/01 16:24</span></li>'
        '<li><a href="https://example.com/a/2">别的新闻标题</a><span>2023/12/01 13:16</span></li>'
        '<li><a href="https://example.com/a/3">另一则新闻标题</a><span>2023/12/01 12:50</span></li></ul>'
    )
    text = f"<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n<p>正文。</p>{timeline}"
    assert parse_text(text).text.splitlines()[1:] == ["正文。"]


def test_a_link_list_inside_wrappers_is_still_dropped():
    related = ('<div><div><div class="more"><div>延伸阅读</div><a href="https://example.com/a/2">另一篇新闻的标题在这里写着</a>'
               '<a href="https://example.com/a/3">第三篇新闻的标题也在这里写着</a></div></div></div>')
    text = ("<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n"
            f"<div><p>北约秘书长表示，北约将加强东翼防御。</p></div>{related}")
    assert "另一篇" not in parse_text(text).text


def test_a_deeply_nested_page_keeps_its_text():
    depth = 3000
    text = ("<!--1643120102000-->\n[标题](https://www.example.com/a/1)\n------\n"
            + "<div>" * depth + "<p>北约将加强东翼防御。</p>" + "</div>" * depth)
    assert parse_text(text).text.endswith("北约将加强东翼防御。")



def _page(body: str) -> str:
    return f"<!--1643120102000-->\n[标题](https://cn.wsj.com/articles/x)\n------\n{body}"


@pytest.mark.parametrize(
    ("body", "authors", "last_line"),
    [
        # rel="author", left out of the body with the page's chrome, closes the text
        ('<div><p><a href="https://www.wsj.com/news/author/jack-pitcher" rel="author">Jack Pitcher</a></p>'
         "<time>2023年5月15日</time></div><p>正文很长。</p>",
         ("Jack Pitcher",), "作者：Jack Pitcher"),
        # links to authors' pages, by their titles, once each, in page order
        ('<p>正文很长。</p><div><a href="/cn/%E4%BD%9C%E8%80%85/%E5%A4%8F%E6%A6%95/" title="夏榕">夏榕</a>'
         '<a href="/news/author/li-si">李四</a><a href="/cn/作者/夏榕/">夏榕</a></div>',
         ("夏榕", "李四"), "作者：夏榕、李四"),
        # a role before the name is no part of it; a role alone names no one
        ('<p>正文。</p><nav><a href="/cn/作者/a/" title="蒙特利尔特约记者 潘卫">潘卫</a>'
         '<a href="/cn/作者/b/" title="柏林特约记者">柏林特约记者</a></nav>', ("潘卫",), "作者：潘卫"),
        # an author the text already shows is not repeated; other links name no author
        ('<p>记者 王五 报道</p><p>正文。</p><a href="/author/wang" rel="author">王五</a>'
         '<a href="/news/authority-report">监管机构报告全文</a>', (), None),
    ],
)
def test_authors_the_page_links(body, authors, last_line):
    article = parse_text(_page(body))
    assert article.authors == authors
    lines = article.text.splitlines()
    assert lines[-1] == last_line if last_line else not any(line.startswith("作者") for line in lines)


@pytest.mark.parametrize(("closing", "byline"), [("作者： 夏榕", "夏榕"), ("作者： 柏林特约记者 丹兰", "丹兰"),
                                                ("作者： 柏林特约记者", None)])
def test_a_closing_byline_is_the_byline(closing, byline):
    text = _page(f"<p>第一段。</p><p>第二段。</p><p>第三段。</p><p>第四段。</p><p>{closing}</p>")
    assert parse_text(text).byline == byline


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        # The archive's Markdown posts (RTHK's): paragraphs are separated by blank lines only.
        ("第一段，甲說。\n\n第二段\u3000小標題\n\n判詞指，乙。\n", ["第一段，甲說。", "第二段 小標題", "判詞指，乙。"]),
        ("一段。\n  \n另一段。", ["一段。", "另一段。"]),
        # HTML keeps its own blocks: a blank line inside it is no paragraph break.
        ("<p>一段。</p>\n\n<p>另一段。</p>", ["一段。", "另一段。"]),
    ],
)
def test_plain_text_paragraphs_are_blocks(body, lines):
    article = parse_text(f"---\ntitle: t\ndate: 2023-05-02 18:11:53 +08:00\nlink: https://news.rthk.hk/a\n---\n{body}")
    assert article.text.split("\n")[1:] == lines


@pytest.mark.parametrize(
    ("body", "byline"),
    [
        # a page's header: the authors alone on a line, then the time it was published
        ("<div><i>null 曾志豪<br>2023-05-26T02:48:11.108Z</i></div><p>正文。</p>", "曾志豪"),
        ("<div><i>William  Yang<br>2023-05-26T02:48:11.108Z</i></div><p>正文。</p>", "William Yang"),
        ("<p>Dan Strumpf / Selina Cheng</p><p>2023年5月12日17:15 CST 更新</p><p>正文。</p>",
         "Dan Strumpf / Selina Cheng"),
        # a name-like line with no time after it is no byline
        ("<p>张三李四</p><p>正文说了什么。</p>", None),
    ],
)
def test_a_header_of_names_then_a_time_is_the_byline(body, byline):
    article = parse_text(f"---\ntitle: t\ndate: 2023-05-02 18:11:53 +08:00\nlink: https://www.dw.com/zh/a\n---\n{body}")
    assert article.byline == byline


@pytest.mark.parametrize(
    ("body", "dateline", "lines"),
    [
        # a date alone before the text, as each archive writes it, is the dateline
        ("<div>2020.09.30 09:56</div><p>正文。</p>", "2020.09.30 09:56", ["正文。"]),
        ("<div>September 8, 2020</div><p>正文。</p>", "September 8, 2020", ["正文。"]),
        # a feed's own footer and a link alone on its line are no part of the text
        ('<p>正文。</p><br><hr><div>获取更多RSS：<br><a href="https://feedx.net">https://feedx.net</a></div>',
         None, ["正文。"]),
        # (a link inside a sentence stays)
        ("<p>详见 https://example.org/report 的全文。</p>", None, ["详见 https://example.org/report 的全文。"]),
    ],
)
def test_datelines_and_feed_footers(body, dateline, lines):
    article = parse_text(f"---\ntitle: t\ndate: 2020-09-01 08:55:17 +08:00\ncategories: joins\n---\n{body}")
    assert article.dateline == dateline
    assert article.text.split("\n")[1:] == lines


@pytest.mark.parametrize(
    ("address", "authors"),
    [
        ("DAVID PIERSON, BERRY WANG", ("DAVID PIERSON", "BERRY WANG")),
        ("张三、李四", ("张三", "李四")),
        ("Keith Bradsher and Li You", ("Keith Bradsher", "Li You")),
    ],
)
def test_an_address_names_the_authors(address, authors):
    article = parse_text("---\ntitle: t\ndate: 2025-11-01 01:37:01 +00:00\nlink: https://cn.nytimes.com/a/\n---\n"
                         f"<address>{address}</address><time>2025年11月1日</time><section><p>正文。</p></section>")
    assert article.authors == authors
    assert article.text.split("\n")[1:-1] == ["正文。"]


@pytest.mark.parametrize(
    "clutter",
    [
        "2025年11月4日", "23 分钟前", "你的器材不支持播放多媒体材料",
        "跳过 X 帖子, 1", "允许Google YouTube内容", "结尾 X 帖子, 1", "告知: BBC 不对外来网站内容负责",
        "Skip Podcast and continue reading", "分享 :", "透過 Google News追蹤中央社", "我们的标准：汤森路透“信任原则”",
        "摘编自其他媒体的内容，不代表德国之声的立场或观点。", "list of 4 items", "end of list", "阅读更多",
        "Article Information", "2025年11月4日最近更新： 2025年11月5日",
    ],
)
def test_page_chrome_is_no_part_of_the_text(clutter):
    article = parse_text(f"---\ntitle: t\ndate: 2025-11-01 01:37:01 +00:00\nlink: https://www.bbc.com/zhongwen/a\n---\n"
                         f"<p>第一段。</p><p>{clutter}</p><p>第二段说了2025年11月4日的事。</p>")
    assert article.text.split("\n")[1:] == ["第一段。", "第二段说了2025年11月4日的事。"]


def test_an_unclosed_tag_in_noscript_does_not_take_the_rest_of_the_article():
    # BBC (2025): a promotions block in <noscript> whose last <p> is never closed
    body = ('<p>第一段。</p><noscript role="region"><ul><li><a href="/a">推荐文章</a></li></ul>'
            '<p id="end-of-recommendations">End of </noscript><div><p>第二段。</p></div>')
    article = parse_text(f"---\ntitle: t\ndate: 2025-11-01 01:37:01 +00:00\nlink: https://www.bbc.com/zhongwen/a\n---\n{body}")
    assert article.text.split("\n")[1:] == ["第一段。", "第二段。"]


def test_a_labelled_author_and_role_is_the_byline():
    body = ('<section aria-labelledby="article-byline"><strong id="article-byline">Article Information</strong>'
            '<ul><li><span><span>Author, </span><span>文海欣</span></span></li><li><span><span>Role, </span>'
            '<span>BBC中文特约记者</span></span></li></ul></section><p>正文。</p>')
    article = parse_text(f"---\ntitle: t\ndate: 2025-11-01 01:37:01 +00:00\nlink: https://www.bbc.com/zhongwen/a\n---\n{body}")
    assert article.authors == ("文海欣",) and article.text.split("\n")[1:] == ["正文。", "作者：文海欣"]


def test_a_page_escaped_twice_reads_as_its_text():
    raw = ("<!--1643120102000-->\n[t](https://www.example.com/a/1)\n------\n"
           "<p>他在耶路撒冷购买Ben &amp;amp; Jerry’s冰淇淋。他抱怨说，&amp;quot;行不通。&amp;quot;</p>")
    assert [b.text for b in parse_text(raw).blocks] == ['他在耶路撒冷购买Ben & Jerry’s冰淇淋。他抱怨说，"行不通。"']
