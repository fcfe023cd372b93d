"""Find statements — quotes and reported speech — and who made them.

Chinese news attributes speech in a few shapes: ``X VERB：“Q”``, ``X VERB，Q。``,
``X VERB Q。``, ``“Q”，X VERB。``, ``据X介绍，Q``, and continuations (``X表示…，并呼吁…``).
Every reporting verb with a subject is a statement, also inside another statement's
content (``X说，Y警告…`` gives two). The subject is the phrase that opens the verb's clause
(or the head of a relative clause right before it); a clause without one continues the
subject of the clause before it. A subject phrase resolves to a person, an organization, a
place, a title whose holder the article names, a pronoun's referent, or an anonymous source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kb.catalog import ORGANIZATION, PERSON, PLACE
from kb.extract.entities import ENTITY, TITLE, Matcher, Token, kind_of
from kb.normalise import normalise_key

OPENERS = "“「『‘\""
CLOSERS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
SENTENCE_END = "。！？!?；;"
CLAUSE_PUNCT = "，,：:、"


# Characters that may stand between the parts of an anonymous source phrase
# (一名美国高级官员, 北约一名官员, 不愿具名的白宫官员).
_ANONYMOUS_GLUE = set("一名位些多两几该这高级资深匿不愿透露姓具的前女方面西")


# Words that may stand inside or before a speaker phrase (新任发言人, 北约一名官员, 普京的顾问).
_PHRASE_GLUE = re.compile(
    r"(的|一名|一位|一些|多名|多位|两名|几名|该|这位|这名|高级|资深|新任|前任|现任|代理|前|女)"
)
_TITLE_MARKED = re.compile(r"《([^《》\n]{1,30})》")  # 英国《金融时报》
_BRACKETED = re.compile(r"[（(][^（）()\n]{1,40}[）)]")  # 柯比（John Kirby）
_RELAYED = re.compile(r"援引([^，,。：:]{1,30}?)的?话")  # 援引一名官员的话说

_QUOTE_OPENER = re.compile("[" + re.escape("".join(CLOSERS)) + "]")
_SENTENCE_ENDS = re.compile("[" + re.escape(SENTENCE_END) + "]")
_CLOSING_QUOTES = "”」』"
# Where a clause may begin after: a line break, clause or sentence punctuation, a closing quote.
_CLAUSE_MARKS = re.compile("[" + re.escape("\n" + CLAUSE_PUNCT + SENTENCE_END + _CLOSING_QUOTES) + "]")


@dataclass
class Subject:
    start: int
    end: int
    key: str | None
    kind: str | None
    anonymous: bool = False
    carried: bool = False  # taken over from an earlier clause (…，并强调)
    joint: tuple[str, ...] = ()  # further speakers of one utterance (拜登与泽连斯基均表示)


@dataclass
class Found:
    """A statement in view coordinates."""

    verb_start: int
    verb_end: int
    verb: str
    content_start: int
    content_end: int
    subject: Subject
    punctuated: bool
    direct: bool = False


def _first_of(words: list[str]) -> re.Pattern[str]:
    """A pattern matching the first of ``words`` (in their order) that a text starts with —
    one C call instead of a ``startswith`` per word."""
    return re.compile("|".join(re.escape(w) for w in words) if words else "(?!)")


class Lexicon:
    def __init__(self, matcher: Matcher) -> None:
        lexicon = matcher.catalog.lexicon
        base = [normalise_key(v) for v in lexicon["reporting_verbs"]]
        suffixes = [normalise_key(s) for s in lexicon["verb_suffixes"]]
        self.verbs: dict[str, str] = {}
        for verb in base:
            self.verbs[verb] = verb
            for suffix in suffixes:
                self.verbs.setdefault(verb + suffix, verb)
        self.verb_lengths = sorted({len(v) for v in self.verbs}, reverse=True)
        self.verb_firsts = frozenset(v[0] for v in self.verbs)
        # Verb forms longest first (ties in lexicon order), and each first character's lengths.
        self.verb_prefix = _first_of(sorted(self.verbs, key=len, reverse=True))
        lengths: dict[str, set[int]] = {}
        for verb in self.verbs:
            lengths.setdefault(verb[0], set()).add(len(verb))
        self.verb_lengths_by_first = {c: sorted(ls, reverse=True) for c, ls in lengths.items()}
        self.verb_first_chars = re.compile(
            "[" + "".join(re.escape(c) for c in sorted(self.verb_firsts)) + "]"
        )
        self.punctuation_only = {normalise_key(v) for v in lexicon["punctuation_only_verbs"]}
        self.blocked = {
            normalise_key(k): set(v or []) for k, v in lexicon["blocked_continuations"].items()
        }
        self.noun_markers = tuple(sorted(lexicon["noun_markers"], key=len, reverse=True))
        filler = re.sub(r"\s+", "", lexicon["filler_pattern"])
        self.filler = re.compile(filler)
        self.filler_prefix = re.compile(filler.removesuffix("$"))
        self.prepositions = sorted(lexicon["prepositions"], key=len, reverse=True)
        self.object_markers = set(lexicon["object_markers"])
        self.openers = sorted(lexicon["clause_openers"], key=len, reverse=True)
        self.opener_prefix = _first_of(self.openers)
        self.continuation_markers = sorted(lexicon["continuation_markers"], key=len, reverse=True)
        self.addressee_markers = set(lexicon["addressee_markers"])
        self.adjacent_verbs = {normalise_key(v) for v in lexicon["adjacent_verbs"]}
        self.source_prefixes = tuple(sorted(lexicon["source_prefixes"], key=len, reverse=True))
        self.source_verbs = set(lexicon["source_verbs"])
        self.unattributed = sorted(lexicon["unattributed"], key=len, reverse=True)
        self.unattributed_patterns = [
            (phrase, re.compile(re.escape(phrase) + r"[，,：:]")) for phrase in self.unattributed
        ]
        self.pronouns = tuple(sorted(lexicon["pronouns"]["person"], key=len, reverse=True))
        self.anonymous_heads = matcher.anonymous_heads
        # Finds whether any head occurs at all (most subjects have none), in one C pass.
        self.any_anonymous_head = re.compile(
            "|".join(re.escape(h) for h in self.anonymous_heads) if self.anonymous_heads else "(?!)"
        )
        self.unique_titles = matcher.unique_titles


def lexicon_for(matcher: Matcher) -> Lexicon:
    cached = getattr(matcher, "_statement_lexicon", None)
    if cached is None:
        cached = Lexicon(matcher)
        matcher._statement_lexicon = cached  # type: ignore[attr-defined]
    return cached


def quote_spans(view: str) -> list[tuple[int, int]]:
    """Top-level quotations as (opener, closer) positions; an unclosed one runs to the line end."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(view)
    while (opener := _QUOTE_OPENER.search(view, i)) is not None:
        i = opener.start()
        closer = CLOSERS[view[i]]
        line_end = view.find("\n", i)
        line_end = n if line_end == -1 else line_end
        j = view.find(closer, i + 1, line_end)
        if j == -1:
            i += 1
            continue
        spans.append((i, j))
        i = j + 1
    return spans


class StatementFinder:
    def __init__(self, view: str, tokens: list[Token], matcher: Matcher) -> None:
        self.view = view
        self.tokens = tokens
        self.matcher = matcher
        self.lex = lexicon_for(matcher)
        self.quotes = quote_spans(view)
        self.token_at = {t.start: t for t in tokens}
        # Tokens do not overlap and are in order, so both lists are sorted (for bisect).
        self.token_starts = [t.start for t in tokens]
        self.token_ends = [t.end for t in tokens]
        self.quote_starts = [start for start, _ in self.quotes]
        self.quote_ends = [end for _, end in self.quotes]  # sorted too: quotes do not overlap
        self.quote_starting = {start: (start, end) for start, end in self.quotes}
        self.quote_ending = {end: (start, end) for start, end in self.quotes}
        self.token_ending = {t.end: t for t in tokens}
        # Offsets of the characters the sentence and clause scans stop at, so that they
        # bisect instead of walking the text character by character.
        self.sentence_ends = list(map(re.Match.start, _SENTENCE_ENDS.finditer(view)))
        self.open_sentence_ends = [i for i in self.sentence_ends if not self._inside_quote(i)]
        self.clause_marks = list(map(re.Match.start, _CLAUSE_MARKS.finditer(view)))
        self._kinds: dict[str, str] = {}
        self._people: set[str | None] | None = None
        self.roles = self._article_roles()

    # -- structure ---------------------------------------------------------------------------

    def _inside_quote(self, pos: int) -> tuple[int, int] | None:
        index = bisect_left(self.quote_starts, pos) - 1  # the last quote opened before pos
        if index >= 0 and pos < self.quotes[index][1]:
            return self.quotes[index]
        return None

    def _tokens_starting(self, lo: int, hi: int) -> list[Token]:
        """Tokens starting in ``[lo, hi)``."""
        return self.tokens[bisect_left(self.token_starts, lo) : bisect_left(self.token_starts, hi)]

    def _sentence_bounds(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos``; sentence ends inside quotes do not count unless
        ``pos`` is inside that quote."""
        view = self.view
        quote = self._inside_quote(pos)
        lo = view.rfind("\n", 0, pos) + 1
        hi = view.find("\n", pos)
        hi = len(view) if hi == -1 else hi
        if quote:
            lo, hi = max(lo, quote[0] + 1), min(hi, quote[1])
        ends = self.sentence_ends if quote else self.open_sentence_ends
        index = bisect_left(ends, pos)  # ends[index - 1] is the last before pos
        start = ends[index - 1] + 1 if index and ends[index - 1] >= lo else lo
        end = ends[index] if index < len(ends) and ends[index] < hi else hi
        return start, end

    def _clause_start(self, pos: int, floor: int) -> int:
        view, marks = self.view, self.clause_marks
        index = bisect_left(marks, pos) - 1  # the last mark before pos
        quote = self._inside_quote(pos)
        while index >= 0 and (i := marks[index]) >= floor:
            # A line break or a closing quote always ends the clause before; punctuation only
            # at the same quotation level as ``pos``.
            if view[i] == "\n" or view[i] in _CLOSING_QUOTES or self._inside_quote(i) == quote:
                return i + 1
            index -= 1
        return floor

    # -- verbs ----------------------------------------------------------------------------------

    def verbs(self) -> list[tuple[int, int, str, bool]]:
        """Reporting verbs: (start, end, form, weak). A weak one (称 with no punctuation after
        it) counts only right after its subject."""
        view, lex = self.view, self.lex
        found = []
        i, n = 0, len(view)
        longest = lex.verb_lengths[0] if lex.verb_lengths else 0
        # Only offsets holding a verb's first character (found in C) are tried, each with the
        # lengths of that character's verbs; near the end of the text, where a slice comes
        # out short, with every length as a full search would.
        while (first := lex.verb_first_chars.search(view, i)) is not None:
            i = first.start()
            lengths = lex.verb_lengths if i + longest > n else lex.verb_lengths_by_first[view[i]]
            for length in lengths:
                form = view[i : i + length]
                base = lex.verbs.get(form)
                if base is None:
                    continue
                after = view[i + length : i + length + 1]
                if after in lex.blocked.get(base, ()):
                    break
                bare = after not in "，,：:" + OPENERS
                if (base in lex.punctuation_only or form in lex.punctuation_only) and bare and (
                    base not in lex.adjacent_verbs
                ):
                    break
                if view.endswith(lex.noun_markers, 0, i):
                    break
                weak = bare and (base in lex.punctuation_only or form in lex.punctuation_only)
                found.append((i, i + length, form, weak))
                i += length - 1
                break
            i += 1
        return found

    # -- subjects -------------------------------------------------------------------------------

    def _skip(self, pos: int, end: int, words: re.Pattern[str]) -> int:
        """Skip spaces, commas and ``words`` (a ``_first_of`` pattern) before ``end``."""
        view = self.view
        changed = True
        while changed and pos < end:
            changed = False
            while pos < end and view[pos] in " ，,":
                pos += 1
            word = words.match(view, pos, end)  # the first word that fits before end
            if word:
                pos = word.end()
                changed = True
        return pos

    def _phrase_at(self, pos: int, limit: int) -> tuple[int, list[Token]]:
        """Adjacent entity/title tokens starting at ``pos``: 美国国防部发言人柯比（John Kirby）,
        英国《金融时报》, 普京的外交顾问, 拜登与泽连斯基. Returns the phrase's end and tokens."""
        view = self.view
        parts: list[Token] = []
        cursor = end = pos
        while cursor < limit:
            token = self.token_at.get(cursor)
            if token is not None and token.end <= limit:
                parts.append(token)
                cursor = end = token.end
                continue
            # The patterns match in view[cursor:limit] (pos and endpos: no slice is made).
            titled = _TITLE_MARKED.match(view, cursor, limit)
            inner = self.token_at.get(cursor + 1) if titled else None
            if titled and inner is not None and inner.end == cursor + 1 + len(titled.group(1)):
                parts.append(inner)
                cursor = end = cursor + len(titled.group(0))
                continue
            bracket = _BRACKETED.match(view, cursor, limit) if parts else None
            if bracket:
                cursor = end = cursor + len(bracket.group(0))
                continue
            connector = view[cursor] in "与和及"
            following = self.token_at.get(cursor + 1) if connector else None
            if (connector and parts and self._kind(parts[-1]) == PERSON and following is not None
                    and self._kind(following) == PERSON):
                cursor += 1
                continue
            glue = _PHRASE_GLUE.match(view, cursor, limit)
            if glue and (parts or self.token_at.get(cursor + len(glue.group(0)))):
                cursor += len(glue.group(0))
                continue
            break
        return end, parts

    def _anonymous_end(self, pos: int, limit: int) -> int | None:
        """End of an anonymous source phrase starting at ``pos`` (一名美国官员), if one."""
        if self.lex.any_anonymous_head.search(self.view, pos, limit) is None:
            return None
        text = self.view[pos:limit]
        best = None
        covered: set[int] | None = None  # offsets (from pos) inside a matched name
        for head in self.lex.anonymous_heads:
            index = text.find(head)
            while index != -1:
                end = index + len(head)
                prefix = text[:index]
                if covered is None:
                    overlapping = self.tokens[bisect_right(self.token_ends, pos) :
                                              bisect_left(self.token_starts, limit)]
                    covered = {i for t in overlapping
                               for i in range(max(t.start, pos) - pos, t.end - pos)}
                loose = [c for i, c in enumerate(prefix) if i not in covered]
                if len(prefix) <= 12 and all(c in _ANONYMOUS_GLUE for c in loose) and not any(
                    t.type == ENTITY and self._kind(t) == PERSON
                    for t in self._tokens_starting(pos, pos + end)
                ):
                    best = max(best or 0, end)
                index = text.find(head, index + 1)
        return pos + best if best else None

    def _kind(self, token: Token) -> str | None:
        """The kind of the token's entity (a key outside the catalog is a discovered person);
        None without a key. Asked very often, so remembered per key."""
        key = token.key
        if key is None:
            return None
        kind = self._kinds.get(key)
        if kind is None:
            kind = self._kinds[key] = kind_of(key, self.matcher)
        return kind

    def subject_for(
        self, verb_start: int, verb: str, floor: int, previous: Subject | None = None
    ) -> Subject | None:
        view, lex = self.view, self.lex
        clause = self._clause_start(verb_start, floor)
        start = self._skip(clause, verb_start, lex.opener_prefix)
        source = None
        if view.startswith(lex.source_prefixes, start):  # any at all (one C call), then which
            source = next(p for p in lex.source_prefixes if view.startswith(p, start))
        if source:
            base = lex.verbs.get(verb, verb)
            if base not in lex.source_verbs and verb not in lex.source_verbs:
                return None
            start += len(source)
        # 路透社援引一名官员的话说 / 塔斯社援引佩斯科夫的话说: the quoted one speaks.
        relayed = _RELAYED.search(view, start, verb_start)  # offsets are into the view
        if relayed and view[relayed.end() : verb_start] in ("", "时", "称"):
            inner = relayed.start(1)
            end, parts = self._phrase_at(inner, relayed.end(1))
            anonymous_end = self._anonymous_end(inner, relayed.end(1))
            if anonymous_end and (not parts or anonymous_end >= end):
                return Subject(inner, anonymous_end, None, None, anonymous=True)
            if parts:
                return self._resolve(inner, end, parts)
        if view.startswith(lex.pronouns, start):  # any at all (one C call), then which
            for pronoun in lex.pronouns:
                if view.startswith(pronoun, start) and self._gap_ok(start + len(pronoun), verb_start):
                    return self._pronoun(start, start + len(pronoun))
        end, parts = self._phrase_at(start, verb_start)
        if parts and self._gap_ok(end, verb_start):
            anonymous_end = self._anonymous_end(start, verb_start)
            if anonymous_end and anonymous_end >= end and self._gap_ok(anonymous_end, verb_start):
                return Subject(start, anonymous_end, None, None, anonymous=True)
            return self._resolve(start, end, parts)
        anonymous_end = self._anonymous_end(start, verb_start)
        if anonymous_end and self._gap_ok(anonymous_end, verb_start):
            return Subject(start, anonymous_end, None, None, anonymous=True)
        # The head of a relative clause right before the verb: 倡导…的博雷利认为,
        # 目前拥有30个成员国的北约说.
        last = bisect_right(self.token_ends, verb_start) - 1  # the last token ending by the verb
        if last >= 0 and (token := self.tokens[last]).start >= start and (
            token.type == ENTITY
            and self._kind(token) in (PERSON, ORGANIZATION)
            and view[token.start - 1 : token.start] == "的"
            and self._gap_ok(token.end, verb_start)
        ):
            return self._resolve(token.start, token.end, [token])
        if source is not None or clause <= floor:
            return None
        # 但对俄罗斯总统普京说: an addressee, not a subject; the speaker is carried over.
        addressee = view[start : start + 1] in lex.addressee_markers
        if addressee:
            phrase_end, parts = self._phrase_at(start + 1, verb_start)
            addressee = bool(parts) and self._gap_ok(phrase_end, verb_start)
        if addressee or lex.filler.match(view[start:verb_start]):
            continuing = any(view.startswith(m, clause) or view.startswith(m, start)
                             for m in lex.continuation_markers)
            carried = (previous if continuing else None) or self._carry_over(clause, floor) or previous
            if carried is None:
                return None
            return Subject(carried.start, carried.end, carried.key, carried.kind,
                           carried.anonymous, carried=True, joint=carried.joint)
        return None

    def _gap_ok(self, end: int, verb_start: int) -> bool:
        """Whether the words between a subject and its verb keep them together: time and
        manner words, then at most a prepositional phrase (就…问题, 在与…的通话中) or another
        speech verb with its addressee (威胁俄罗斯说)."""
        view, lex = self.view, self.lex
        gap = view[end:verb_start]
        if not gap or lex.filler.match(gap):
            return True
        lead = lex.filler_prefix.match(gap)
        rest = gap[lead.end() if lead else 0 :]
        if any(c in rest for c in SENTENCE_END + "“”「」，,"):
            return False
        preposition = next((p for p in lex.prepositions if rest.startswith(p)), None)
        if preposition:
            framed = rest.startswith("在") and rest.endswith(("中", "上", "时"))
            return len(preposition) < len(rest) <= (40 if framed else 25) and not any(
                v in rest for v in ("说", "表示")
            )
        verb_match = lex.verb_prefix.match(rest)  # the longest verb the rest starts with
        verb = verb_match.group() if verb_match else None
        if verb:
            phrase_end, parts = self._phrase_at(end + len(gap) - len(rest) + len(verb), verb_start)
            return bool(parts) and phrase_end == verb_start
        return False

    def _carry_over(self, clause: int, floor: int) -> Subject | None:
        """A clause with no subject continues the previous clause's subject."""
        previous = clause - 1
        while previous > floor:
            prior_clause = self._clause_start(previous, floor)
            start = self._skip(prior_clause, previous, self.lex.opener_prefix)
            end, parts = self._phrase_at(start, previous)
            if parts and self.view[start - 1 : start] not in self.lex.addressee_markers:
                anonymous_end = self._anonymous_end(start, previous)
                if anonymous_end and anonymous_end >= end:
                    return Subject(start, anonymous_end, None, None, anonymous=True)
                return self._resolve(start, end, parts)
            for pronoun in self.lex.pronouns:
                if self.view.startswith(pronoun, start):
                    return self._pronoun(start, start + len(pronoun))
            previous = prior_clause - 1
        return None

    def _pronoun(self, start: int, end: int) -> Subject | None:
        """他/她 refers to the nearest preceding clause subject that is a person (or a title,
        which leaves it unresolved); plural pronouns name groups and are not statements."""
        if self.view[start:end] in ("他们", "她们"):
            return None
        line = self.view.rfind("\n", 0, start)
        floor = self.view.rfind("\n", 0, line) + 1 if line > 0 else 0
        position = start
        while position > floor:
            clause = self._clause_start(position - 1, floor) if position - 1 > floor else floor
            phrase_start = self._skip(clause, position - 1, self.lex.opener_prefix)
            _, parts = self._phrase_at(phrase_start, position - 1)
            people = [t for t in parts if t.type == ENTITY and self._kind(t) == PERSON]
            if people:
                return Subject(start, end, people[-1].key, PERSON)
            led_by_title = any(
                t.type == TITLE for t in self._tokens_starting(phrase_start, phrase_start + 5)
            )
            if parts and parts[-1].type == TITLE or led_by_title:
                holder = self._title_holder(parts) if parts and parts[-1].type == TITLE else None
                return Subject(start, end, holder, PERSON)
            position = clause - 1
        return Subject(start, end, None, None)

    def _resolve(self, start: int, end: int, parts: list[Token]) -> Subject:
        last = parts[-1]
        if last.type == ENTITY and self._kind(last) == PERSON:
            if len(parts) == 1:  # the common case: no one before to be joined
                return Subject(start, end, last.key, PERSON)
            people = [t.key for t in parts if t.type == ENTITY and self._kind(t) == PERSON and t.key]
            joined = [k for k in dict.fromkeys(people[:-1])
                      if self._joined(parts, k)]
            return Subject(start, end, last.key, PERSON, joint=tuple(joined))
        if last.type == TITLE:
            return Subject(start, end, self._title_holder(parts), PERSON)
        entities = [t for t in parts if t.type == ENTITY and t.key]
        organizations = [t for t in entities if self._kind(t) == ORGANIZATION]
        if entities:
            # 英国《金融时报》, 美国白宫: a place before an organization only qualifies it.
            token = organizations[-1] if organizations else entities[0]
            entry = self.matcher.entry(token.key)
            target = self.matcher.entry(entry.speaks_for or "") if entry else None
            if entry and entry.kind == PLACE and target is not None:
                return Subject(start, end, target.key, target.kind)
            return Subject(start, end, token.key, self._kind(token))
        return Subject(start, end, None, None)

    def _joined(self, parts: list[Token], key: str) -> bool:
        """Whether person ``key`` is joined to the phrase's last person by 与/和/及."""
        people = [t for t in parts if t.type == ENTITY and self._kind(t) == PERSON]
        for left, right in zip(people, people[1:], strict=False):
            if left.key == key and self.view[left.end : right.start] in ("与", "和", "及"):
                return True
        return False

    # -- titles ---------------------------------------------------------------------------------

    def _article_roles(self) -> list[tuple[str, str, str | None]]:
        """(title, person key, qualifier key) for each 'QUALIFIER? TITLE PERSON' in the text."""
        roles = []
        for index, token in enumerate(self.tokens):
            if token.type != ENTITY or token.key is None or self._kind(token) != PERSON:
                continue
            if index == 0 or self.tokens[index - 1].type != TITLE:
                continue
            title = self.tokens[index - 1]
            if title.end != token.start:
                continue
            qualifier = None
            if index >= 2 and self.tokens[index - 2].type == ENTITY:
                q = self.tokens[index - 2]
                if self.view[q.end : title.start] in ("", "的"):
                    qualifier = q.key
            roles.append((title.title or "", token.key, qualifier))
        return roles

    def _title_holder(self, parts: list[Token]) -> str | None:
        """The person a title-only subject refers to (美国国务卿表示 → Blinken), if certain."""
        title = parts[-1].title or ""
        qualifier = next((t.key for t in reversed(parts[:-1]) if t.type == ENTITY), None)
        head = title[-2:]
        candidates = {
            person
            for written, person, q in self.roles
            if (written == title or written[-2:] == head)
            and (qualifier is None or q is None or q == qualifier or self._same_country(q, qualifier))
        }
        mentioned = self._mentioned_people()
        qualifier_entry = self.matcher.entry(qualifier) if qualifier else None
        for key in mentioned:
            entry = self.matcher.entry(key) if key else None
            if entry is None:
                continue
            for role in self.matcher.roles_of(entry):
                if role.endswith(title) and (
                    qualifier_entry is None
                    or role.startswith(qualifier_entry.name)
                    or (entry.country and entry.country == qualifier_entry.country)
                ):
                    candidates.add(key)
        if len(candidates) == 1 and (
            title in self.lex.unique_titles or any(q for _, _, q in self.roles) and qualifier
        ):
            return next(iter(candidates))
        return None

    def _mentioned_people(self) -> set[str | None]:
        """The keys of the people the article mentions (made once: the tokens do not change)."""
        if self._people is None:
            self._people = {t.key for t in self.tokens if t.type == ENTITY and self._kind(t) == PERSON}
        return self._people

    def _same_country(self, a: str | None, b: str | None) -> bool:
        ea = self.matcher.entry(a) if a else None
        eb = self.matcher.entry(b) if b else None
        return bool(ea and eb and ea.country and ea.country == eb.country)

    # -- content --------------------------------------------------------------------------------

    def content_for(self, verb_end: int, verb: str) -> tuple[int, int, bool, bool]:
        view = self.view
        start = verb_end
        while start < len(view) and view[start] == " ":
            start += 1
        if view[start : start + 1] == "了":
            start += 1
        punctuated = start < len(view) and view[start] in "，,：:"
        if punctuated:
            start += 1
        # 普京警告拜登，… / 拉夫罗夫告诉布林肯，…: the addressee is not the content.
        token = self.token_at.get(start)
        if token is not None and view[token.end : token.end + 1] in ("，", ",") and len(
            view[start : token.end]
        ) <= 8:
            start = token.end + 1
            punctuated = True
        _, end = self._sentence_bounds(start if start < len(view) else verb_end)
        quote = self.quote_starting.get(start)
        direct = False
        if quote and quote[1] + 1 >= end:
            start, end, direct = quote[0] + 1, quote[1], True
        return start, end, punctuated, direct

    def find(self) -> list[Found]:
        found: list[Found] = []
        last: tuple[int, Subject] | None = None  # (sentence start, subject) of the last statement
        for verb_start, verb_end, verb, weak in self.verbs():
            floor, _ = self._sentence_bounds(verb_start)
            previous = last[1] if last and last[0] == floor else None
            subject = self.subject_for(verb_start, verb, floor, previous)
            if subject is None or weak and not self._adjacent(subject, verb_start):
                continue
            last = (floor, subject)
            start, end, punctuated, direct = self.content_for(verb_end, verb)
            if end <= start:
                quoted = self._quote_before(subject.start)
                if quoted is None:
                    continue
                start, end, direct = quoted[0] + 1, quoted[1], True
            found.append(Found(verb_start, verb_end, verb, start, end, subject, punctuated, direct))
        found.extend(self._unattributed())
        return self._without_self_reports(self._trim(found))

    def _without_self_reports(self, found: list[Found]) -> list[Found]:
        """拜登称，他在电话中警告普京… : the inner 他…警告 repeats the outer statement."""
        pronouns = set(self.lex.pronouns)
        return [
            item for item in found
            if not (
                self.view[item.subject.start : item.subject.end] in pronouns
                and any(
                    outer is not item and outer.subject.key == item.subject.key
                    and outer.content_start <= item.verb_start < outer.content_end
                    for outer in found
                )
            )
        ]

    def _adjacent(self, subject: Subject, verb_start: int) -> bool:
        if subject.anonymous or subject.key is None:
            return False
        clause = self._clause_start(verb_start, 0)
        gap = self.view[clause if subject.carried else subject.end : verb_start]
        return not gap or bool(self.lex.filler.match(gap))

    def _quote_before(self, pos: int) -> tuple[int, int] | None:
        """“Q”，X说。 — the quote that ends right before the subject."""
        back = pos
        while back > 0 and self.view[back - 1] in " ，,":
            back -= 1
        return self.quote_ending.get(back - 1)

    def _unattributed(self) -> list[Found]:
        found = []
        for phrase, pattern in self.lex.unattributed_patterns:
            for match in pattern.finditer(self.view):
                start = match.start()
                if start > 0 and self.view[start - 1] not in "\n。！？，,：:；" + OPENERS:
                    continue
                _, end = self._sentence_bounds(match.end())
                subject = Subject(start, start + len(phrase), None, None, anonymous=True)
                found.append(Found(start, start + len(phrase), phrase, match.end(), end, subject, True))
        return found

    def _trim(self, found: list[Found]) -> list[Found]:
        """End each content where the next statement of the sentence begins, unless the
        verb opened its content with punctuation (X说，Y警告… keeps Y inside X)."""
        found.sort(key=lambda f: f.verb_start)
        for index, item in enumerate(found):
            for later in found[index + 1 :]:
                if later.verb_start >= item.content_end:
                    break
                if later.verb_start <= item.content_start:
                    continue
                continuation = later.subject.carried and later.subject.key == item.subject.key
                if continuation or not item.punctuated:
                    begins = later.verb_start if later.subject.carried else later.subject.start
                    if begins <= item.content_start:
                        begins = later.verb_start
                    cut = self._clause_start(begins, item.content_start)
                    if cut > item.content_start:
                        item.content_end = min(item.content_end, cut)
                    break
            while item.content_end > item.content_start and self.view[item.content_end - 1] in (
                "，,。 ；;：:"
            ):
                item.content_end -= 1
        return [f for f in found if f.content_end > f.content_start]

    def is_direct(self, item: Found) -> bool:
        if self._inside_quote(item.verb_start):  # speech reported inside someone's quote
            return False
        if item.direct:
            return True
        # Only quotes that end after the content starts and open before it ends overlap it;
        # quotes are disjoint and in order, so those are one run of the list.
        first = bisect_right(self.quote_ends, item.content_start)
        last = bisect_left(self.quote_starts, item.content_end - 1)
        quoted = sum(
            max(0, min(b, item.content_end) - max(a + 1, item.content_start))
            for a, b in self.quotes[first:last]
        )
        return quoted * 2 >= item.content_end - item.content_start
