"""The structure of an article's view that attribution reasons with: lines (paragraphs),
sentences, clauses and quotations, found once and looked up by bisection."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

OPENERS = "“「『‘\""
CLOSERS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
CLOSING_QUOTES = "”」』"
# A date's units after its number (24日, 7月, 2023年, 3点): where a date ends the word before it.
DATE_UNITS = "日月年号號时時点點"
SENTENCE_END = "。！？!?；;"
CLAUSE_PUNCT = "，,：:"

_QUOTE_OPENER = re.compile("[" + re.escape("".join(CLOSERS)) + "]")
_SENTENCE_ENDS = re.compile("[" + re.escape(SENTENCE_END) + "]")
# Where a clause may begin after: a line break, clause or sentence punctuation, a closing quote,
# the end of a dateline in brackets (【共同社6月15日电】日本首相…).
_CLAUSE_MARKS = re.compile("[" + re.escape("\n" + CLAUSE_PUNCT + SENTENCE_END + CLOSING_QUOTES + "】") + "]")
_DASHES = re.compile("—+")
# A dateline opening a paragraph: an agency or paper, a place and a day, then 电 and perhaps the
# reporters in brackets (新华社北京12月1日电（记者…）, 中新网12月1日电), or all of it in brackets
# (（中央社记者…台北1日电）).
_DATELINE = re.compile(r"^(?:[^\n,，。:：]{0,24}?\d{1,2}日电(?:\s*[（(][^（）()\n]{0,40}[）)])?"
                       r"|[（(][^（）()\n]{2,40}?电[）)])", re.M)
# A Latin gloss in brackets: a name, an acronym, a ticker.
_LATIN_GLOSS = re.compile(r"[（(][A-Za-z][^（）()\n。]{0,80}[）)]")
_BOOK_TITLE = re.compile(r"《[^《》\n。]{1,40}》")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")

# Characters that make the name after them an object (对普京, 告诉…向…, 被…): no speaker.
OBJECT_MARKERS = frozenset("对向与和同跟给把将让令使被及")


def _is_term(quoted: str) -> bool:
    """A word or two in quotation marks (拜登“敦促”俄罗斯, “台独”): a term, not a quotation."""
    return len(quoted) <= 4 and not any(c in quoted for c in "，,。！？!?：:；; ")


def quote_spans(view: str) -> list[tuple[int, int]]:
    """Top-level quotations as (opener, closer) positions, without quoted terms; an unclosed
    one is no quotation."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(view)
    while (opener := _QUOTE_OPENER.search(view, i)) is not None:
        i = opener.start()
        closer = CLOSERS[view[i]]
        line_end = view.find("\n", i)
        line_end = n if line_end == -1 else line_end
        j = _matching_closer(view, i, closer, line_end)
        if j == -1 and _runs_on(view, i, line_end):
            j = line_end  # “…。⏎“…”: a quotation of several paragraphs, each opened, only the last closed
        if j == -1:
            i += 1
            continue
        if not _is_term(view[i + 1 : j]):
            spans.append((i, j))
        i = j + 1
    return spans


def _matching_closer(view: str, opener: int, closer: str, line_end: int) -> int:
    """Where the quotation opened at ``opener`` closes in its line: past quotations nested in it
    with the same marks (“…“逃犯”之名，”), else at the first closer (an opener typed for a closer)."""
    first = view.find(closer, opener + 1, line_end)
    if first == -1 or closer == view[opener]:
        return first
    depth, pos = 1, opener + 1
    while pos < line_end:
        char = view[pos]
        if char == view[opener]:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return pos
        pos += 1
    return first


def _runs_on(view: str, opener: int, line_end: int) -> bool:
    """Whether the quotation opened at ``opener``, unclosed in its paragraph, goes on into the
    next: it opens its paragraph (or follows its colon: 他说：“…), the paragraph ends a sentence,
    and the next opens the same mark."""
    line_start = view.rfind("\n", 0, opener) + 1
    following = line_end + 1
    while following < len(view) and view[following] in " \n":
        following += 1
    before = view[line_start:opener].strip()
    return (not before or before.endswith((":", "："))) and view[line_end - 1 : line_end] in "。！？!?…" and (
        line_end > opener + 1) and view[following : following + 1] == view[opener]


def made_of(text: str, words: Sequence[str]) -> bool:
    """Whether ``text`` is nothing but ``words`` one after another (控股有限公司 of legal endings,
    但还 of conjunctions)."""
    while text:
        word = next((w for w in words if text.startswith(w)), None)
        if word is None:
            return False
        text = text[len(word) :]
    return True


def uses(view: str, form: str) -> Iterator[int]:
    """Where ``form`` is written in ``view``: each start, left to right, none overlapping."""
    at = view.find(form) if form else -1
    while at >= 0:
        yield at
        at = view.find(form, at + len(form))


def sentence_spans(view: str) -> list[tuple[int, int]]:
    """Sentences as the tagger takes them: up to a sentence end or a line break."""
    return [m.span() for m in _SENTENCE.finditer(view)]


class TextIndex:
    def __init__(self, view: str, attending: tuple[str, ...] = (),
                 title_frames: tuple[str, ...] = (), titled_pieces: tuple[str, ...] = ()) -> None:
        self.view = view
        self.titled_pieces = titled_pieces  # 发表“…”一文: the quotation is the piece's title
        self.attending = attending  # verbs of attending an event: 出席「…」启动礼致辞说
        self.title_frames = title_frames  # after 以“…”: the quotation is a piece's title (为题)
        self.quotes = quote_spans(view)
        self.quote_starts = [start for start, _ in self.quotes]
        self.quote_ends = [end for _, end in self.quotes]  # sorted too: quotes do not overlap
        self.quote_starting = {start: (start, end) for start, end in self.quotes}
        self.quote_ending = {end: (start, end) for start, end in self.quotes}
        self.sentence_ends = [m.start() for m in _SENTENCE_ENDS.finditer(view)]
        self.open_sentence_ends = [i for i in self.sentence_ends if not self.inside_quote(i)]
        # A comma inside a bracketed gloss (阿迪达斯(Adidas AG, ADDYY)认为) ends no clause.
        # …nor one inside a title's marks (这篇题为《要强硬，但不要傲慢》的评论写道).
        glossed = {i for pattern in (_LATIN_GLOSS, _BOOK_TITLE) for m in pattern.finditer(view)
                   for i in range(m.start(), m.end())}
        marks = [m.start() for m in _CLAUSE_MARKS.finditer(view) if m.start() not in glossed]
        # (新华社北京12月1日电（记者张晓明）国家主席习近平…表示: the dateline is a clause of its own)
        marks += [m.end() - 1 for m in _DATELINE.finditer(view)]
        self.clause_marks = sorted(set(marks + self._lone_dashes()))

    def _lone_dashes(self) -> list[int]:
        """Dashes that set off a clause (…前往中国内地——她表示): one run in its sentence, outside
        quotations; a pair encloses an aside (一名线人——亨特担任…时——说), which ends none."""
        runs = [m for m in _DASHES.finditer(self.view) if not self.inside_quote(m.start())]
        sentences = [bisect_left(self.sentence_ends, m.start()) for m in runs]
        return [m.end() - 1 for m, at in zip(runs, sentences, strict=True) if sentences.count(at) == 1]

    def inside_quote(self, pos: int) -> tuple[int, int] | None:
        """The quotation whose marks enclose ``pos``, if any."""
        index = bisect_left(self.quote_starts, pos) - 1  # the last quote opened before pos
        if index >= 0 and pos < self.quotes[index][1]:
            return self.quotes[index]
        return None

    def line_bounds(self, pos: int) -> tuple[int, int]:
        view = self.view
        start = view.rfind("\n", 0, pos) + 1
        end = view.find("\n", pos)
        return start, len(view) if end == -1 else end

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``; sentence ends inside quotes do not count unless
        ``pos`` is inside that quote."""
        quote = self.inside_quote(pos)
        lo, hi = self.line_bounds(pos)
        if quote:
            lo, hi = max(lo, quote[0] + 1), min(hi, quote[1])
        ends = self.sentence_ends if quote else self.open_sentence_ends
        index = bisect_left(ends, pos)  # ends[index - 1] is the last before pos
        start = ends[index - 1] + 1 if index and ends[index - 1] >= lo else lo
        end = ends[index] if index < len(ends) and ends[index] < hi else hi
        return start, end

    def sentence_before(self, start: int) -> int:
        """Where the sentence before the one starting at ``start`` starts, across a line break."""
        pos = start - 1
        while pos > 0 and self.view[pos] in "\n ":
            pos -= 1
        return self.sentence_bounds(pos)[0] if pos > 0 else 0

    def _term(self, quoted: tuple[int, int]) -> bool:
        """Whether a quotation is a short term (a name, a title), not something said."""
        inner = self.view[quoted[0] + 1 : quoted[1]]
        return 0 < len(inner) <= 12 and not any(c in inner for c in "，,。！？!?；;：:")

    def _named_within(self, quoted: tuple[int, int]) -> bool:
        """Whether a short term is quoted inside a clause, right after its words (研究机构“天空
        实验室”周五表示, 对“一个中国”政策表示): the clause runs through it."""
        before = self.view[quoted[0] - 1 : quoted[0]]
        inner = self.view[quoted[0] + 1 : quoted[1]]
        plain = not any(c in inner for c in "，,。！？!?；;：:")
        if before in ("在", "于") and 0 < len(inner) <= 24 and plain:
            return True  # 在“全国高校毕业生等青年就业创业工作”电视电话会议上: an event's name in a frame
        if self.titled_pieces and self.view.startswith(self.titled_pieces, quoted[1] + 1) and (
                0 < len(inner) <= 40 and plain):
            return True  # 发表“中国利用墨西哥作为进入美国的门户”一文指出: a piece's title
        return self._term(quoted) and bool(before) and (before.isalnum() or "\u4e00" <= before <= "\u9fff")

    def _embedded(self, quoted: tuple[int, int], pos: int) -> bool:
        """Whether a quoted name is the event a verb of attending names, a few characters
        before ``pos`` (出席「…挑战赛」启动礼致辞说): the clause runs through it."""
        inner, after = self.view[quoted[0] + 1 : quoted[1]], self.view[quoted[1] + 1 : pos]
        titled = self.view.startswith(self.title_frames, quoted[1] + 1)
        if self.view[quoted[0] - 1 : quoted[0]] == "以" and titled:
            return True  # 以“…？”为题，刊发评论: a piece's title, whatever its marks
        return (
            bool(self.attending)
            and 0 < len(inner) <= 24
            and not any(c in inner for c in "，,。！？!?；;：:")
            and self.view.endswith(self.attending, 0, quoted[0])
            and len(after) <= 8
            and all("\u4e00" <= c <= "\u9fff" for c in after)
        )

    def clause_start(self, pos: int, floor: int) -> int:
        """Where the clause holding ``pos`` begins (not before ``floor``)."""
        view, marks = self.view, self.clause_marks
        index = bisect_left(marks, pos) - 1  # the last mark before pos
        quote = self.inside_quote(pos)
        while index >= 0 and (i := marks[index]) >= floor:
            # A line break or a quotation's closing mark always ends the clause before (a quoted
            # term's does not: 据『政客』网站报道); punctuation only at the same quotation level
            # as ``pos``.
            if view[i] in CLOSING_QUOTES:
                quoted = self.quote_ending.get(i)
                if quoted is not None and not (i + 1 == pos and self._term(quoted)) and not self._embedded(
                    quoted, pos
                ) and not self._named_within(quoted):
                    return i + 1  # (「华尔街日报」报导: a quoted name right before the verb ends none)
            elif view[i] == "\n" or self.inside_quote(i) == quote:
                return i + 1
            index -= 1
        return floor

    def quoted_share(self, start: int, end: int) -> float:
        """How much of ``[start, end)`` lies inside quotation marks."""
        if end <= start:
            return 0.0
        first = bisect_left(self.quote_ends, start)
        last = bisect_left(self.quote_starts, end - 1)
        quoted = sum(max(0, min(b, end) - max(a + 1, start)) for a, b in self.quotes[first:last])
        return quoted / (end - start)
