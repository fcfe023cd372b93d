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
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup, Comment, NavigableString, Tag


class ParseError(Exception):
    """A file that cannot be read as an article. ``str()`` names the file and the reason."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Block:
    """One line of the article's stored text: ``title``, ``paragraph``, ``heading`` or
    ``caption``."""

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

    @property
    def text(self) -> str:
        """The stored plain text: the title, then one line per block. Offsets point here."""
        return "\n".join([self.title, *(block.text for block in self.blocks)])

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind in ("paragraph", "heading")]


# libyaml's C loader when built in: the same safe subset of YAML, much faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- reading bytes --------------------------------------------------------------------------


def decode(raw: bytes, path: str | Path) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16 with BOM; LF line ends."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ParseError(path, f"undecodable UTF-16 ({exc.reason} at byte {exc.start})") from None
    else:
        if b"\x00" in raw:
            raise ParseError(path, "binary file (contains NUL bytes)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(
                path, f"not valid UTF-8 ({exc.reason} at byte {exc.start}); binary or unknown encoding"
            ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ParseError(path, "empty file")
    return text


def parse_file(path: str | Path) -> ParsedArticle:
    """Read and parse one article file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, f"cannot read file ({exc.strerror or exc})") from None
    return parse_text(decode(raw, path), path)


def parse_text(text: str, path: str | Path = "<text>") -> ParsedArticle:
    """Detect the format of decoded ``text`` and parse it."""
    content = text.lstrip("\ufeff").lstrip()
    if content.startswith("<!--"):
        return _parse_format_a(text, content, str(path))
    if content.startswith("---"):
        return _parse_format_b(text, content, str(path))
    raise ParseError(
        path,
        "unknown format: expected a '<!--EPOCH_MS-->' header (format A) "
        "or YAML front matter between '---' lines (format B)",
    )


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
    body = _parse_html(content[front.end() :])
    lead = meta.get("headimg") or meta.get("thumbnail") or (
        body.images[0].url if body.images else None
    )
    identity_source = "|".join([author.casefold(), title, published.isoformat()])
    identity = "urn:kb:" + hashlib.sha256(identity_source.encode()).hexdigest()[:32]
    return ParsedArticle(
        source_path=path,
        source_format="B",
        title=title,
        url=None,
        identity=identity,
        published_at=published,
        published_source="front matter 'date' (format B)",
        outlet_domain=_domain_of(lead),
        outlet_names=names,
        byline=find_byline(body.blocks),
        lead_image=str(lead) if lead else None,
        images=body.images,
        blocks=body.blocks,
        content_hash=content_hash(text),
        dateline=body.dateline,
        metadata={k: v for k, v in meta.items() if isinstance(v, str | int | float | list)},
    )


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


@lru_cache(maxsize=1)
def _boilerplate() -> dict[str, Any]:
    data = yaml.load(resources.files("kb.data").joinpath("boilerplate.yaml").read_text("utf-8"),
                     Loader=_YAML_LOADER)
    data["compiled"] = [re.compile(p) for p in data["paragraph_patterns"]]
    data["class_re"] = re.compile(data["drop_class_pattern"])
    data["artefact_set"] = {str(a) for a in data["artefacts"]}
    return data


_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre",
               "dt", "dd", "caption", "td", "th"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CAPTION_TAGS = {"figcaption", "small"}
_SPACE = re.compile(r"\s+")
_DATELINE = re.compile(
    r"^\s*(\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}"
    r"|(Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+\d{1,2}\s+\w{3}\s+\d{4}\s+\d{1,2}:\d{2}(:\d{2})?\s*\w*"
    r"|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{0,2}:?\d{0,2})\s*$"
)


def _clean_inline(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class _Body:
    blocks: tuple[Block, ...]
    images: tuple[Image, ...]
    dateline: str | None


class _BodyBuilder:
    """Walk the DOM in document order, emitting text blocks and images."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.images: list[list[str | None]] = []  # [url, caption]
        self.dateline: str | None = None
        self.buffer: list[str] = []
        self.last_was_image = False

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if _is_dropped(child, name):
                continue
            if name == "br":
                self.flush()
            elif name == "img":
                self.flush()
                self.image(child)
            elif name in _BLOCK_TAGS or name in _CAPTION_TAGS:
                self.flush()
                for img in child.find_all("img"):
                    self.image(img)
                kind = "heading" if name in _HEADING_TAGS or _is_bold_line(child) else "paragraph"
                self.emit(_text_of(child), kind, _looks_like_caption(child, name))
            else:
                self.flush() if name in {"div", "section", "article", "figure", "table", "ul", "ol"} else None
                self.walk(child)
                if name in {"div", "section", "article", "figure", "table", "ul", "ol"}:
                    self.flush()

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
        if not text:
            return
        rules = _boilerplate()
        if text in rules["artefact_set"]:
            return
        if not self.blocks and self.dateline is None and _DATELINE.match(text):
            self.dateline = text
            return
        if len(text) <= rules["max_length"] and any(p.search(text) for p in rules["compiled"]):
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


def _is_dropped(tag: Tag, name: str) -> bool:
    rules = _boilerplate()
    if name in rules["drop_tags"]:
        return True
    attrs = tag.attrs or {}
    if any(a.startswith(p) for a in attrs for p in rules["drop_attribute_prefixes"]):
        return True
    classes = " ".join(attrs.get("class") or []) + " " + str(attrs.get("id") or "")
    return bool(classes.strip()) and bool(rules["class_re"].search(classes))


def _text_of(tag: Tag) -> str:
    parts: list[str] = []
    for piece in tag.descendants:
        if isinstance(piece, Comment):
            continue
        if isinstance(piece, NavigableString):
            parent = piece.parent
            if parent is not None and any(
                isinstance(p, Tag) and _is_dropped(p, p.name.lower())
                for p in [parent, *parent.parents]
                if p is not tag and isinstance(p, Tag)
            ):
                continue
            parts.append(str(piece))
        elif isinstance(piece, Tag) and piece.name == "br":
            parts.append(" ")
    return "".join(parts)


def _is_bold_line(tag: Tag) -> bool:
    """A short paragraph that is wholly bold and not a sentence is a sub-heading."""
    text = _clean_inline(tag.get_text())
    bold = tag.find(["strong", "b"])
    return (
        bold is not None
        and 0 < len(text) <= 30
        and _clean_inline(bold.get_text()) == text
        and not text.endswith(("。", "！", "？", ".", "!", "?"))
    )


_CENTER = re.compile(r"text-align\s*:\s*center", re.I)


def _looks_like_caption(tag: Tag, name: str) -> bool:
    """Caption markers: figcaption/small, a 'caption' class, or a centred paragraph."""
    if name in _CAPTION_TAGS or tag.find(["figcaption", "small"]) is not None:
        return True
    for node in [tag, *tag.find_all(True)]:
        if "caption" in " ".join(node.get("class") or []).lower():
            return True
        if _CENTER.search(str(node.get("style") or "")):
            return True
    return False


def _parse_html(html: str) -> _Body:
    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    builder = _BodyBuilder()
    builder.walk(root)
    builder.flush()
    images = tuple(Image(url=str(url), caption=caption) for url, caption in builder.images)
    return _Body(blocks=tuple(builder.blocks), images=images, dateline=builder.dateline)


# --- byline -----------------------------------------------------------------------------------

_NAME = r"[\u4e00-\u9fff][\u4e00-\u9fff·・]{1,7}"
_BYLINE_PATTERNS = [
    # 【文/观察者网 齐倩】, 【文/观察者网 齐倩 编辑/高莹】, 【文/齐倩】
    re.compile(rf"^[【\[]\s*文\s*[/／]\s*(?:\S+\s+)?(?P<name>{_NAME})(?:\s|】|\]|$)"),
    # （记者 张三）, 记者 张三 报道, 本报记者张三
    re.compile(rf"^[（(]?\s*(?:本[报台网]|特派)?记者\s*[：:]?\s*(?P<name>{_NAME})(?:\s|）|\)|报道|$)"),
    # 文/张三, 作者：张三, 撰文：张三
    re.compile(rf"^(?:文|作者|撰文|撰稿)\s*[/／：:]\s*(?P<name>{_NAME})(?:\s|$)"),
]


def find_byline(blocks: tuple[Block, ...] | list[Block]) -> str | None:
    """The author named at the top of the body, if any (not source credits)."""
    for block in list(blocks)[:3]:
        for pattern in _BYLINE_PATTERNS:
            match = pattern.match(block.text)
            if match:
                return match.group("name")
    return None
