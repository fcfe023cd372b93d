"""Parse article files into ``ParsedArticle`` records. No database here.

Two formats exist today:

* **A** — ``<!--EPOCH_MS-->``, a ``[title](url)`` line, a ``------`` rule, then HTML
  (VOA, RFI, DW).
* **B** — YAML front matter between ``---`` lines (title, categories, author, date,
  headimg/thumbnail), then HTML (Al Jazeera, Guancha). No article URL.

Published time: in format A the header epoch wins. It is an absolute instant (milliseconds
since the Unix epoch, UTC by definition), while the in-body datelines are written in the
outlet's local time without a zone (RFI's ``25/01/2022 - 15:11`` is Paris time). In format B
the front-matter ``date`` is the only source; it carries its zone (``GMT``); a date without
a zone is read as UTC.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

from kb.decode import DecodeError, read_bytes
from kb.decode import decode as decode_bytes


class ParseError(Exception):
    """A file that cannot be read as an article. ``str()`` names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Block:
    """One line of the article's stored text: ``title``, ``paragraph``, ``heading``,
    ``caption`` or ``byline`` (the authors the page links, closing the text)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Image:
    url: str
    caption: str | None = None


@dataclass(frozen=True)
class ParsedArticle:
    source_path: str
    source_format: str
    title: str
    url: str | None
    identity: str
    published_at: datetime
    published_source: str
    outlet_domain: str | None
    outlet_names: tuple[str, ...]
    byline: str | None
    lead_image: str | None
    images: tuple[Image, ...]
    blocks: tuple[Block, ...]
    content_hash: str
    dateline: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, compare=False)
    # Front matter ``categories``: an archive's name for the outlet's feed (agora: ``reuters``).
    outlet_feeds: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The stored plain text: the title, then one line per block. Offsets point here."""
        return "\n".join([self.title, *(block.text for block in self.blocks)])

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind in ("paragraph", "heading")]

    @property
    def authors(self) -> tuple[str, ...]:
        """The authors the page links (see ``_page_authors``), from the closing byline line."""
        last = self.blocks[-1] if self.blocks else None
        if last is None or last.kind != "byline":
            return ()
        return tuple(last.text.removeprefix(_AUTHORS_LABEL).split("、"))


# libyaml's C loader when built in: the same safe subset of YAML, much faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- reading bytes --------------------------------------------------------------------------


def decode(raw: bytes, path: str | Path) -> str:
    """Decode a file's bytes (see kb.decode: UTF-8, byte-order marks, legacy Chinese
    encodings); LF line ends."""
    try:
        text, _ = decode_bytes(raw)
    except DecodeError as exc:
        raise ParseError(path, str(exc)) from None
    if not text.strip():
        raise ParseError(path, "empty file")
    return text


def parse_file(path: str | Path) -> ParsedArticle:
    """Read and parse one article file."""
    path = Path(path)
    try:
        raw = read_bytes(path)
    except DecodeError as exc:
        raise ParseError(path, str(exc)) from None
    except OSError as exc:
        raise ParseError(path, f"cannot read file ({exc.strerror or exc})") from None
    return parse_text(decode(raw, path), path)


def parse_text(text: str, path: str | Path = "<text>") -> ParsedArticle:
    """Detect the format of decoded ``text`` and parse it."""
    content = text.lstrip("\ufeff").lstrip()
    if content.startswith("<!--"):
        return _checked(_parse_format_a(text, content, str(path)))
    if content.startswith("---"):
        return _checked(_parse_format_b(text, content, str(path)))
    raise ParseError(
        path,
        "unknown format: expected a '<!--EPOCH_MS-->' header (format A) "
        "or YAML front matter between '---' lines (format B)",
    )


# An article's stored text at most (the seeds have 1,500–2,000 characters; a long feature
# 30,000): extraction time grows faster than the text, so a runaway file is refused.
MAX_TEXT_CHARS = 200_000
# A publication time this far past the clock is a broken date, not news.
FUTURE_TOLERANCE = timedelta(days=1)


def _checked(article: ParsedArticle) -> ParsedArticle:
    """Refuse what parsed but cannot be a real article."""
    length = len(article.text)
    if length > MAX_TEXT_CHARS:
        raise ParseError(article.source_path, f"article text too long: {length:,} characters "
                                              f"(the limit is {MAX_TEXT_CHARS:,})")
    if article.published_at > datetime.now(UTC) + FUTURE_TOLERANCE:
        raise ParseError(article.source_path, f"published date {article.published_at.isoformat()} "
                                              "is in the future")
    return article


# --- format A ---------------------------------------------------------------------------------

_A_HEADER = re.compile(r"<!--\s*(?P<epoch>\d{9,13})\s*-->\s*\n")
_A_TITLE = re.compile(r"\s*\[(?P<title>.+)\]\((?P<url>[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)\)\s*\n")
_A_RULE = re.compile(r"\s*-{3,}\s*(\n|$)")


def _parse_format_a(text: str, content: str, path: str) -> ParsedArticle:
    header = _A_HEADER.match(content)
    if not header:
        raise ParseError(path, "format A: first line must be '<!--EPOCH_MS-->' with digits only")
    title_line = _A_TITLE.match(content, header.end())
    if not title_line:
        raise ParseError(path, "format A: second line must be '[title](url)'")
    rule = _A_RULE.match(content, title_line.end())
    if not rule:
        raise ParseError(path, "format A: expected a '------' line after the title")
    epoch = int(header.group("epoch"))
    if epoch < 10**11:  # seconds, not milliseconds
        epoch *= 1000
    published = datetime.fromtimestamp(epoch / 1000, tz=UTC)
    title = _clean_inline(title_line.group("title"))
    url = title_line.group("url")
    host = urlsplit(url).hostname
    if not title:
        raise ParseError(path, "format A: empty title")
    if not host:
        raise ParseError(path, f"format A: not an absolute URL: {url!r}")
    body = _parse_html(content[rule.end() :])
    return ParsedArticle(
        source_path=path,
        source_format="A",
        title=title,
        url=url,
        identity=canonical_url(url),
        published_at=published,
        published_source="header epoch (format A)",
        outlet_domain=host.lower(),
        outlet_names=(),
        byline=find_byline(body.blocks),
        lead_image=body.images[0].url if body.images else None,
        images=body.images,
        blocks=body.blocks,
        content_hash=content_hash(text),
        dateline=body.dateline,
    )


def canonical_url(url: str) -> str:
    """The identity of an article URL: https, lower-case host, no fragment, no tracking."""
    parts = urlsplit(url.strip())
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.lower().startswith("utm_")
    )
    host = (parts.hostname or "").lower()
    path = parts.path or "/"
    return f"https://{host}{path}" + (f"?{query}" if query else "")


# --- format B ---------------------------------------------------------------------------------

_B_FRONT = re.compile(r"---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(\n|$)", re.S)


def _parse_format_b(text: str, content: str, path: str) -> ParsedArticle:
    front = _B_FRONT.match(content)
    if not front:
        raise ParseError(path, "format B: front matter is not closed by a '---' line")
    try:
        meta = yaml.load(front.group("yaml"), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (front matter line {where.line + 1})" if where else ""
        raise ParseError(path, f"format B: invalid YAML front matter{line}") from None
    if not isinstance(meta, dict):
        raise ParseError(path, "format B: front matter is not a mapping of fields")
    title = _clean_inline(str(meta.get("title") or ""))
    if not title:
        raise ParseError(path, "format B: front matter has no 'title'")
    published = _parse_date(meta.get("date"), path)
    author = str(meta.get("author") or "").strip()
    categories = meta.get("categories") or []
    if isinstance(categories, str):
        categories = [categories]
    names = tuple(dict.fromkeys(n for n in [author, *map(str, categories)] if n.strip()))
    body = _parse_html(_paragraphs_marked(content[front.end() :]))
    lead = meta.get("headimg") or meta.get("thumbnail") or (
        body.images[0].url if body.images else None
    )
    # Archives in this format (Jekyll) name the article's page in `link`: the same identity and
    # outlet evidence as a format A URL. Without one, the identity is author, title and date.
    url = _absolute_url(meta.get("link") or meta.get("url"))
    if url:
        identity = canonical_url(url)
    else:
        identity_source = "|".join([author.casefold(), title, published.isoformat()])
        identity = "urn:kb:" + hashlib.sha256(identity_source.encode()).hexdigest()[:32]
    return ParsedArticle(
        source_path=path,
        source_format="B",
        title=title,
        url=url,
        identity=identity,
        published_at=published,
        published_source="front matter 'date' (format B)",
        outlet_domain=_domain_of(url or lead),
        outlet_names=names,
        outlet_feeds=tuple(dict.fromkeys(str(c).strip() for c in categories if str(c).strip())),
        byline=find_byline(body.blocks),
        lead_image=str(lead) if lead else None,
        images=body.images,
        blocks=body.blocks,
        content_hash=content_hash(text),
        dateline=body.dateline,
        metadata={k: v for k, v in meta.items() if isinstance(v, str | int | float | list)},
    )


_BLOCK_MARKUP = re.compile(r"<(?:p|div|br|h[1-6]|li|ul|ol|figure|table|section|article|blockquote)\b", re.I)
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def _paragraphs_marked(body: str) -> str:
    """A body written as plain text (the archive's Markdown posts, RTHK's among them) with
    each blank-line-separated paragraph made a ``<p>``: HTML would run them into one."""
    if _BLOCK_MARKUP.search(body):
        return body
    return "".join(f"<p>{part}</p>" for part in _BLANK_LINE.split(body) if part.strip())


def _absolute_url(value: object) -> str | None:
    """``value`` if it is an absolute http(s) URL."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    return value.strip() if parts.scheme in ("http", "https") and parts.hostname else None


def _domain_of(url: object) -> str | None:
    if not url:
        return None
    host = urlsplit(str(url)).hostname
    return host.lower() if host else None


def _parse_date(value: object, path: str) -> datetime:
    if value is None or value == "":
        raise ParseError(path, "format B: front matter has no 'date'")
    if isinstance(value, datetime):
        parsed = value
    else:
        raw = str(value).strip()
        try:
            parsed = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            try:
                parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
            except ValueError:
                raise ParseError(path, f"format B: unparseable date {raw!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- HTML body ------------------------------------------------------------------------------
#
# Bulk loading parses every file, so this is written for speed: the walk visits each element
# once, and a block element's subtree is read in one pass (``_scan``) that gathers everything
# the block's decisions need (text, images, bold, caption markers) instead of one bs4
# find_all/get_text per question. Where a gathered item stands for a bs4 call, the comment
# names the call: the output must be exactly what that call would give.


@lru_cache(maxsize=1)
def _boilerplate() -> dict[str, Any]:
    data = yaml.load(resources.files("kb.data").joinpath("boilerplate.yaml").read_text("utf-8"),
                     Loader=_YAML_LOADER)
    data["compiled"] = [re.compile(p) for p in data["paragraph_patterns"]]
    data["class_re"] = re.compile(data["drop_class_pattern"])
    data["artefact_set"] = {str(a) for a in data["artefacts"]}
    return data


@dataclass(frozen=True)
class _Rules:
    """``boilerplate.yaml`` in the shapes the per-element checks want: sets, tuples, compiled."""

    artefacts: frozenset[str]
    max_length: int
    patterns: tuple[re.Pattern[str], ...]
    drop_tags: frozenset[str]
    drop_prefixes: tuple[str, ...]
    drop_class: re.Pattern[str]
    author_roles: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = _boilerplate()
    return _Rules(
        artefacts=frozenset(data["artefact_set"]),
        max_length=data["max_length"],
        patterns=tuple(data["compiled"]),
        drop_tags=frozenset(data["drop_tags"]),
        drop_prefixes=tuple(data["drop_attribute_prefixes"]),
        drop_class=data["class_re"],
        author_roles=tuple(sorted(map(str, data["author_roles"]), key=len, reverse=True)),
    )


_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre",
               "dt", "dd", "caption", "td", "th"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CAPTION_TAGS = {"figcaption", "small"}
_CONTAINER_TAGS = {"div", "section", "article", "figure", "table", "ul", "ol"}  # end a paragraph
_BOLD_TAGS = {"strong", "b"}
# The string classes Tag.get_text() keeps by default (exact types, not subclasses).
_PLAIN_STRINGS = frozenset(Tag.MAIN_CONTENT_STRING_TYPES)
_SPACE = re.compile(r"\s+")
_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
_DATELINE = re.compile(
    r"^\s*(\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}"
    r"|(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{1,2}\s+\w{3}\s+\d{4}\s+\d{1,2}:\d{2}(:\d{2})?\s*\w*"
    r"|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{0,2}:?\d{0,2}"
    r"|\d{4}\.\d{1,2}\.\d{1,2}(\s+\d{1,2}:\d{2})?"  # 2020.09.30 09:56
    r"|(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4})\s*$"  # September 8, 2020
)


# An entity left in the text of a page escaped twice (&amp;, &quot;, &#39;).
_TWICE_ESCAPED = re.compile(r"&(?:amp|quot|apos|lt|gt|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def _clean_inline(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _is_dropped(tag: Tag, name: str, rules: _Rules) -> bool:
    """A widget or non-content element: by tag name, attribute name prefix, or class/id."""
    if name in rules.drop_tags:
        return True
    attrs = tag.attrs
    if not attrs:
        return False
    if any(a.startswith(rules.drop_prefixes) for a in attrs):
        return True
    classes, ident = attrs.get("class"), attrs.get("id")
    if not classes and not ident:  # the joined string below would be blank: skip building it
        return False
    joined = " ".join(classes or []) + " " + str(ident or "")
    return bool(joined.strip()) and bool(rules.drop_class.search(joined))


def _caption_attrs(tag: Tag) -> bool:
    """A 'caption' class or a centred style on the element itself."""
    attrs = tag.attrs
    if not attrs:
        return False
    return "caption" in " ".join(attrs.get("class") or []).lower() or bool(
        _CENTER.search(str(attrs.get("style") or ""))
    )


@dataclass(slots=True)
class _Scan:
    """What one pass over a block element's subtree found, in document order."""

    text: list[str] = field(default_factory=list)  # strings outside dropped elements, " " per <br>
    plain: list[str] = field(default_factory=list)  # what Tag.get_text() joins (dropped included)
    images: list[Tag] = field(default_factory=list)  # find_all("img")
    bold: Tag | None = None  # find(["strong", "b"])
    caption: bool = False  # a figcaption/small inside, or caption class/centred style anywhere


def _scan(node: Tag, hidden: bool, scan: _Scan, rules: _Rules) -> None:
    """Add ``node``'s descendants to ``scan``, in document order. ``hidden``: an enclosing
    element is dropped, so its strings are not block text; its images, <br>s, bold and
    caption markers still count. An explicit stack, not recursion: HTML may nest thousands
    of levels deep."""
    stack: list[tuple[Iterator[PageElement], bool]] = [(iter(node.contents), hidden)]
    while stack:
        children, hidden = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
        elif isinstance(child, Tag):
            name = child.name
            if name == "br":
                scan.text.append(" ")
            elif name == "img":
                scan.images.append(child)
            elif scan.bold is None and name in _BOLD_TAGS:
                scan.bold = child
            if not scan.caption and (name in _CAPTION_TAGS or _caption_attrs(child)):
                scan.caption = True
            if child.contents:
                stack.append((iter(child.contents), hidden or _is_dropped(child, name.lower(), rules)))
        elif type(child) in _PLAIN_STRINGS:
            scan.plain.append(child)
            if not hidden:
                scan.text.append(child)
        elif not hidden and isinstance(child, NavigableString) and not isinstance(child, Comment):
            scan.text.append(child)  # e.g. ruby text: block text, though get_text() skips it


def _is_bold_line(scan: _Scan) -> bool:
    """A short paragraph that is wholly bold and not a sentence is a sub-heading."""
    if scan.bold is None:
        return False
    text = _clean_inline("".join(scan.plain))
    return (
        0 < len(text) <= 30
        and not text.endswith(("。", "！", "？", ".", "!", "?"))
        and _clean_inline(scan.bold.get_text()) == text
    )


def _is_link_list(tag: Tag) -> bool:
    """Whether a container is a list of links — related articles, tags, a site's headlines
    (延伸阅读, 聚焦新闻, #hashtags) — rather than the article: its text is almost all link
    text, in two links or more, or one headline-long link under a short label (an author's
    link alone is no list)."""
    children = [c for c in tag.contents if isinstance(c, Tag) or (type(c) in _PLAIN_STRINGS and c.strip())]
    if len(children) == 1 and isinstance(children[0], Tag) and children[0].name in _CONTAINER_TAGS:
        return False  # a wrapper of one container, judged when the walk reaches it (and so
        # a deeply nested page is read once, not once per level)
    if tag.name in ("ul", "ol"):
        # a list whose items are links, bar one or two (the article's own headline in a timeline)
        items = [child for child in tag.contents if isinstance(child, Tag) and child.name == "li"]
        linked_items = sum(1 for item in items if item.find("a", href=True) is not None)
        if len(items) >= 2 and linked_items >= 2 and linked_items * 3 >= len(items) * 2:
            return True
    linked = unlinked = anchors = 0
    budget = _LINK_LIST_NODES  # a list of links is small: the walk need not read a whole page
    stack: list[tuple[Iterator[PageElement], bool]] = [(iter(tag.contents), False)]
    while stack:
        children, in_link = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        budget -= 1
        if budget < 0:
            return False  # (and each container of a deeply nested page is read in constant time)
        if isinstance(child, Tag):
            is_link = child.name == "a" and child.get("href") is not None
            anchors += is_link
            stack.append((iter(child.contents), in_link or is_link))
        elif type(child) in _PLAIN_STRINGS:
            # letters only: a list's dates and times (2023/12/28 20:38) are no prose
            length = sum(map(str.isalpha, child))
            if in_link:
                linked += length
            else:
                unlinked += length
                if unlinked > _PROSE and unlinked * 4 > linked:
                    return False  # prose: stop reading early
    if anchors >= 2:
        return linked > 0 and unlinked * 4 <= linked
    return anchors == 1 and linked >= _LINK_HEADLINE and 0 < unlinked <= _LINK_LIST_LABEL


# A link list's own text (延伸阅读, 相关新闻) is short; a linked headline is longer than a name.
_LINK_LIST_LABEL = 8
_LINK_HEADLINE = 10
# Past this many letters outside links, a container is read as prose without reading on;
# past this many nodes, as more than a list of links.
_PROSE = 200
_LINK_LIST_NODES = 600


@dataclass
class _Body:
    blocks: tuple[Block, ...]
    images: tuple[Image, ...]
    dateline: str | None


class _BodyBuilder:
    """Walk the DOM in document order, emitting text blocks and images."""

    def __init__(self, rules: _Rules, hidden: bool) -> None:
        self.rules = rules
        self.hidden = hidden  # the walk's root (or above) is dropped: blocks lose their strings
        self.blocks: list[Block] = []
        self.images: list[list[str | None]] = []  # [url, caption]
        self.dateline: str | None = None
        self.buffer: list[str] = []
        self.last_was_image = False
        self.addresses: list[str] = []

    def walk(self, node: Tag) -> None:
        # An explicit stack of (children, flush when done), not recursion: HTML may nest
        # thousands of levels deep.
        stack: list[tuple[Iterator[PageElement], bool]] = [(iter(node.contents), False)]
        while stack:
            children, ends_paragraph = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if ends_paragraph:
                    self.flush()
                continue
            if not isinstance(child, Tag):
                if isinstance(child, NavigableString) and not isinstance(child, Comment):
                    self.buffer.append(child)
                continue
            name = child.name.lower()
            if _is_dropped(child, name, self.rules):
                continue
            if name == "br":
                self.flush()
            elif name == "address":
                # HTML's mark for the article's authors (NYT's archive posts: DAVID PIERSON,
                # BERRY WANG): a byline, not a paragraph of the text
                self.flush()
                self.addresses.append(_clean_inline(child.get_text()))
            elif name == "img":
                self.flush()
                self.image(child)
            elif name in _BLOCK_TAGS or name in _CAPTION_TAGS:
                self.flush()
                self.block(child, name)
            elif name in _CONTAINER_TAGS:
                self.flush()
                if not _is_link_list(child):
                    stack.append((iter(child.contents), True))
            else:
                stack.append((iter(child.contents), False))

    def block(self, tag: Tag, name: str) -> None:
        scan = _Scan(caption=name in _CAPTION_TAGS or _caption_attrs(tag))
        _scan(tag, self.hidden, scan, self.rules)
        for img in scan.images:
            self.image(img)
        kind = "heading" if name in _HEADING_TAGS or _is_bold_line(scan) else "paragraph"
        self.emit("".join(scan.text), kind, scan.caption)

    def image(self, tag: Tag) -> None:
        src = tag.get("src") or tag.get("data-src") or tag.get("data-original")
        if src:
            self.images.append([str(src).strip(), None])
            self.last_was_image = True

    def flush(self) -> None:
        if self.buffer:
            text = "".join(self.buffer)
            self.buffer = []
            self.emit(text, "paragraph", False)

    def emit(self, raw: str, kind: str, caption_hint: bool) -> None:
        text = _clean_inline(raw)
        if "&" in text:
            # (Ben &amp;amp; Jerry's, 抱怨说，&amp;quot;…: a page escaped twice; its text once more)
            text = _TWICE_ESCAPED.sub(lambda m: html.unescape(m.group()), text)
        if not text:
            return
        rules = self.rules
        if text in rules.artefacts:
            return
        if not self.blocks and self.dateline is None and _DATELINE.match(text):
            self.dateline = text
            return
        signed = _SIGNED.match(text)
        if signed:  # BBC's "Author, 文海欣 Role, BBC中文特约记者": the author, as an <address>
            self.addresses.append(signed.group("name"))
            return
        if len(text) <= rules.max_length:
            for pattern in rules.patterns:  # a plain loop: any() over a generator costs more
                if pattern.search(text):
                    return
        if self.last_was_image and self.images and self.images[-1][1] is None and (
            caption_hint and len(text) <= 200
        ):
            self.images[-1][1] = text
            self.blocks.append(Block("caption", text))
            self.last_was_image = False
            return
        self.last_was_image = False
        self.blocks.append(Block(kind, text))


# A page's labelled byline, flattened: "Author, NAME" and, after it, "Role, WHAT" (BBC, 2025).
_SIGNED = re.compile(r"^Author,\s*(?P<name>[^,，]{2,40}?)\s*(?:Role,.*)?$")
# A browser (scripting on) reads <noscript> as raw text up to the first </noscript>; libxml2
# parses it as markup, and an unclosed tag inside (BBC's "End of </noscript>") keeps it open to
# the end of the page, taking the rest of the article with it when it is dropped.
_NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", re.I | re.S)


def _parse_html(html: str) -> _Body:
    soup = BeautifulSoup(_NOSCRIPT.sub("", html) if "<noscript" in html.lower() else html, "lxml")
    # soup.body (first <body> in document order) without bs4's general-purpose matcher.
    root = next((el for el in soup.descendants if isinstance(el, Tag) and el.name == "body"), soup)
    rules = _rules()
    # Block text skips strings under any dropped ancestor; the walk never enters dropped
    # elements, so only the root and what is above it need checking, once.
    hidden = any(_is_dropped(node, node.name.lower(), rules) for node in [root, *root.parents])
    builder = _BodyBuilder(rules, hidden)
    builder.walk(root)
    builder.flush()
    signed = [name for address in builder.addresses if len(address) <= 80
              for name in _ADDRESS_NAMES.split(address) if 2 <= len(name.strip()) <= 40]
    authors = [a for a in dict.fromkeys([*_page_authors(soup, rules.author_roles), *map(str.strip, signed)])
               if not any(a in block.text for block in builder.blocks)]
    if authors:
        # The page names its authors in links the body walk leaves out with the page's chrome;
        # a closing line keeps them, as the page shows them, with offsets like any text.
        builder.blocks.append(Block("byline", _AUTHORS_LABEL + "、".join(authors)))
    images = tuple(Image(url=str(url), caption=caption) for url, caption in builder.images)
    return _Body(blocks=tuple(builder.blocks), images=images, dateline=builder.dateline)


# --- byline -----------------------------------------------------------------------------------

_AUTHORS_LABEL = "作者："
# What separates the names an <address> gives (DAVID PIERSON, BERRY WANG; 张三、李四); not 和,
# which ends given names too (康京和).
_ADDRESS_NAMES = re.compile(r"\s*(?:[,，、/／;；]|\band\b)\s*")
# An author's page: …/author/jack-pitcher, …/作者/夏榕/.
_AUTHOR_PATH = re.compile(r"/(?:author|authors|作者)/[^/?#]+/?(?:[?#]|$)", re.IGNORECASE)


def _page_authors(soup: BeautifulSoup, roles: tuple[str, ...]) -> list[str]:
    """The article's authors as the page links them: ``rel="author"`` (HTML's own mark) or a
    link to an author's page; the link's title or its text, after any role it gives
    (特约记者 潘卫); a role alone names no one. In page order, once each."""
    found: list[str] = []
    for link in soup.find_all("a"):
        rel = link.get("rel") or []
        href = unquote(str(link.get("href") or ""))
        if "author" not in rel and not _AUTHOR_PATH.search(href):
            continue
        name = _clean_inline(str(link.get("title") or "") or link.get_text())
        role = max((r for r in roles if r in name), key=name.rfind, default="")
        name = name[name.rfind(role) + len(role) :].strip(" ：:") if role else name
        if 2 <= len(name) <= 40 and not name.startswith(("http", "www")) and name not in found:
            found.append(name)
    return found[:5]

_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,7}"
_BYLINE_PATTERNS = [
    # 【文/观察者网 齐倩】, 【文/观察者网 齐倩 编辑/高莹】, 【文/齐倩】
    re.compile(rf"^[【\[]\s*文\s*[/／]\s*(?:\S+\s+)?(?P<name>{_NAME})(?:\s|】|\]|$)"),
    # （记者 张三）, 记者 张三 报道, 本报记者张三
    re.compile(rf"^[（(]?\s*(?:本[报台网]|特派)?记者\s*[：:]?\s*(?P<name>{_NAME})(?:\s|）|\)|报道|$)"),
    # 文/张三, 作者：张三, 撰文：张三, 作者： 柏林特约记者 丹兰
    re.compile(rf"^(?:文|作者|撰文|撰稿)\s*[/／：:]\s*(?:\S{{0,8}}?(?:特约记者|特約記者|记者|記者)\s+)?"
               rf"(?P<name>{_NAME})(?:\s|$)"),
]


# A page's header: its authors' names alone on a line (Dan Strumpf / Selina Cheng, null 曾志豪 in
# DW's archive posts, whose first field may be empty), then the time it was published.
_LATIN_NAME = r"[A-Z][^\W\d_]*(?:[’'.\-][^\W\d_]+)*(?: {1,2}[A-Za-z][^\W\d_]*(?:[’'.\-][^\W\d_]+)*){1,3}"
_HEADER_NAME = rf"(?:{_LATIN_NAME}|[\u4e00-\u9fff]{{2,4}})"
_HEADER_NAMES = re.compile(
    rf"^(?:null )?\s*(?P<name>{_HEADER_NAME}(?:\s*[/／、]\s*{_HEADER_NAME}){{0,3}})\s*$"
)
_HEADER_TIME = re.compile(r"^\s*(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2})")
# What separates the names of a byline of several authors.
BYLINE_SEPARATORS = re.compile(r"\s*[/／、]\s*")


def _header_byline(blocks: list[Block]) -> str | None:
    lines = [line for block in blocks[:4] for line in block.text.split("\n")][:6]
    for line, after in zip(lines, lines[1:], strict=False):
        names = _HEADER_NAMES.match(line)
        if names and _HEADER_TIME.match(after):
            return names.group("name")
    return None


def find_byline(blocks: tuple[Block, ...] | list[Block]) -> str | None:
    """The author named at the top of the body or closing it, if any (not source credits)."""
    blocks = list(blocks)
    header = _header_byline(blocks)
    if header is not None:
        return header
    for block in blocks[:3] + blocks[3:][-2:]:
        for pattern in _BYLINE_PATTERNS:
            match = pattern.match(block.text)
            if match and not match.group("name").endswith(_rules().author_roles):
                return match.group("name")
    return None
