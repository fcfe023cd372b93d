"""Properties that hold for any input, checked on generated text and HTML (hypothesis):
the parser and the extractor never fail with anything but a ParseError, every offset lies
inside the stored text and points at what it claims, and the same input gives the same
result."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.decode import DecodeError, decode
from kb.extract import extract
from kb.parse import ParseError, parse_text
from kb.search import fts5_query, terms, tsquery_literal

# Pieces that make the extractor work: names from the catalogs in both scripts, reporting
# verbs, titles, anonymous sources, quotes and punctuation — and noise around them.
WORDS = ["北约", "北約", "斯托尔滕贝格", "斯托爾滕貝格", "拜登", "普京", "泽连斯基", "乌克兰", "俄罗斯",
         "美国", "国务卿", "布林肯", "秘书长", "发言人", "一名美国官员", "消息人士", "表示", "说", "称",
         "强调", "指出", "援引", "的话说", "Jens Stoltenberg", "（", "）", "(", ")", "“", "”", "「", "」",
         "：", "，", "。", "！", "？", "、", "·", " ", "\n", "北约秘书长", "俄外长拉夫罗夫"]
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=60).map("".join)
TAGS = ["p", "div", "span", "strong", "b", "em", "h2", "figcaption", "small", "li", "ul", "table",
        "td", "script", "style", "img", "br", "a", "blockquote"]


@st.composite
def html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.sampled_from(["", ' class="caption"', ' style="text-align:center"',
                                          ' onclick="x()"', ' src="https://i.example/a.jpg"',
                                          ' class="share-widget"']))
            inner = draw(html(depth + 1))
            closed = draw(st.booleans())  # unclosed tags too
            parts.append(f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else ""))
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


ARTICLE_A = st.builds(lambda title, body: f"<!--1643120102000-->\n[{title}](https://www.rfi.fr/cn/x)\n------\n{body}",
                      TEXT, html())
ARTICLE_B = st.builds(lambda title, body: f"---\ntitle: {title!r}\ndate: 2022-01-20 02:24:38 GMT\n"
                                          f"author: 半岛电视台\n---\n{body}", TEXT, html())
ANY_TEXT = st.one_of(ARTICLE_A, ARTICLE_B, st.text(max_size=200), TEXT)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_parse_and_extract_never_fail_and_offsets_hold(source: str):
    try:
        article = parse_text(source, "generated.txt")
    except ParseError as exc:
        assert exc.reason and "generated.txt" in str(exc)
        return
    text = article.text
    result = extract(article)
    for mention in result.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.surface
        assert mention.key in result.entities
    for statement in result.statements:
        assert 0 <= statement.start <= statement.end <= len(text)
        assert text[statement.start:statement.end] == statement.text
        assert statement.speaker_key is None or statement.speaker_key in result.entities
        if statement.speaker_start is not None:
            assert 0 <= statement.speaker_start <= statement.speaker_end <= len(text)
    # Deterministic: the same article gives the same extraction.
    again = extract(parse_text(source, "generated.txt"))
    assert again == result


@SETTINGS
@given(st.binary(max_size=400))
def test_decoding_any_bytes_gives_text_or_a_reason(raw: bytes):
    try:
        text, encoding = decode(raw)
    except DecodeError as exc:
        assert str(exc)
        return
    assert isinstance(text, str) and encoding and "\r" not in text


@SETTINGS
@given(st.text(max_size=80))
def test_search_terms_and_queries_for_any_string(query: str):
    assert terms(query) == terms(query)
    expression = fts5_query(query)
    assert expression is None or expression.count('"') % 2 == 0
    literal = tsquery_literal(query)
    assert literal is None or literal.count("(") == literal.count(")")


AFFIX_WORDS = st.lists(st.text(alphabet="总统长部外交说称", min_size=0, max_size=4), max_size=8)
AFFIX_TEXT = st.text(alphabet="总统长部外交说称a", max_size=10)


@given(AFFIX_WORDS, AFFIX_TEXT, st.integers(-12, 12))
def test_affixes_answer_as_startswith_and_endswith(words: list[str], text: str, at: int) -> None:
    from kb.extract.name_rules import Affixes

    affixes, listed = Affixes(words), tuple(w for w in words if w)
    assert affixes.ends_at(text, at) == text.endswith(listed, 0, at)
    assert affixes.ends_at(text) == text.endswith(listed)
    if at >= 0:
        assert affixes.starts_at(text, at) == text.startswith(listed, at)
    longest = max((w for w in listed if text.endswith(w) and len(w) < len(text)), key=len, default=None)
    assert affixes.longest_end(text) == longest
