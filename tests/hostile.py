"""A corpus of hostile article files, generated (never committed): each with what kb must
do with it — refuse it with a reason that names the problem, or parse it correctly."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import opencc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HEADER = "<!--1643120102000-->\n[北约秘书长谈乌克兰局势](https://www.rfi.fr/cn/hostile/{name})\n------\n"
SENTENCE = "北约秘书长斯托尔滕贝格表示，北约将继续加强东翼的防御。"


def article(name: str, body: str) -> str:
    return HEADER.format(name=name) + body


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], None]  # writes the file (or files) at the path
    # "error" and a fragment of the reason, or "ok" and a fragment of the stored text.
    expect: tuple[str, str]


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(text.encode(encoding))


def _seed_in(encoding: str, traditional: bool = False) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        text = (SEEDS / "000_f491beeb535afc5b.txt").read_text("utf-8")
        if traditional:
            text = opencc.OpenCC("s2t").convert(text)
        # Give it its own identity, so it is not the seed itself.
        text = text.replace("https://www.rfi.fr/cn/", f"https://www.rfi.fr/cn/{encoding}/", 1)
        path.write_bytes(text.encode(encoding, errors="replace"))
    return make


def _symlink_loop(path: Path) -> None:
    os.symlink(path.with_name(path.name + ".other"), path)
    os.symlink(path, path.with_name(path.name + ".other"))


def _deep(levels: int) -> str:
    return "<div>" * levels + f"<p>{SENTENCE}</p>" + "</div>" * levels


CASES = [
    Case("empty.txt", _bytes(b""), ("error", "empty")),
    Case("whitespace.txt", _text(" \n\t\r\n  \n"), ("error", "empty")),
    Case("binary.bin", _bytes(bytes(range(256)) * 64), ("error", "binary")),
    Case("nul-bytes.txt", _text(article("nul", f"<p>{SENTENCE}\x00</p>")), ("error", "NUL")),
    Case("truncated-html.txt", _text(article("truncated", f"<div><p>{SENTENCE}</p><p>俄罗斯外长拉夫罗夫说，俄方")),
         ("ok", SENTENCE)),
    Case("unclosed-front-matter.txt", _text("---\ntitle: 标题\ndate: 2022-01-01\n<p>正文</p>\n"),
         ("error", "not closed")),
    Case("front-matter-list.txt", _text("---\n- 标题\n- 2022\n---\n<p>正文</p>\n"), ("error", "not a mapping")),
    Case("future-date.txt", _text("<!--4102444800000-->\n[标题](https://www.rfi.fr/cn/future)\n------\n<p>正文</p>"),
         ("error", "in the future")),
    Case("unparseable-date.txt", _text("---\ntitle: 标题\ndate: 上周二\n---\n<p>正文</p>\n"),
         ("error", "unparseable date")),
    Case("missing-title.txt", _text("---\ndate: 2022-01-01 10:00:00 GMT\n---\n<p>正文</p>\n"),
         ("error", "no 'title'")),
    Case("empty-title.txt", _text("<!--1643120102000-->\n[ ](https://www.rfi.fr/cn/x)\n------\n<p>正文</p>"),
         ("error", "title")),
    Case("twenty-megabytes.txt", _text(article("huge", f"<p>{SENTENCE}</p>" * 400_000)), ("error", "too large")),
    Case("one-long-paragraph.txt", _text(article("long", "<p>" + SENTENCE * 9000 + "</p>")), ("error", "too long")),
    Case("deeply-nested.txt", _text(article("deep", _deep(10_000))), ("ok", SENTENCE)),
    Case("scripts-and-handlers.txt", _text(article("scripts", (
        f'<script>alert("x")</script><style>p {{ color: red }}</style>'
        f'<p onclick="alert(1)" onmouseover="steal()">{SENTENCE}<script>document.cookie</script></p>'
        '<noscript>请启用JavaScript</noscript><iframe src="https://evil.example/"></iframe>'))),
         ("ok", SENTENCE)),
    Case("gbk.txt", _seed_in("gbk"), ("ok", "拜登与欧洲盟友举行集体会议")),
    Case("gb18030.txt", _seed_in("gb18030"), ("ok", "拜登与欧洲盟友举行集体会议")),
    Case("big5.txt", _seed_in("big5", traditional=True), ("ok", "拜登與歐洲盟友舉行集體會議")),
    Case("utf16-bom.txt", lambda p: p.write_bytes((SEEDS / "001_9be3b2f621e543aa.txt").read_text("utf-8")
                                                     .replace("https://www.voachinese.com/a/", "https://www.voachinese.com/a/u16-", 1)
                                                     .encode("utf-16")),
         ("ok", "北约和俄罗斯将就莫斯科")),
    Case("long-lines.txt", _text(article("lines", "".join(f"<p>{SENTENCE}{i}</p>" for i in range(3000)))),
         ("ok", SENTENCE)),
    Case("symlink-loop.txt", _symlink_loop, ("error", "cannot read")),
]


def write(folder: Path) -> dict[str, Case]:
    """Write every case into ``folder``; returns them by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        case.make(folder / case.name)
    return {case.name: case for case in CASES}
