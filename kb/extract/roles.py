"""Titles held by people: 北约秘书长斯托尔滕贝格 gives Stoltenberg the role 秘书长 (of NATO),
and lets a later 北约秘书长表示 resolve to him."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.catalog import PERSON
from kb.extract.entities import ENTITY, TITLE, Matcher, Token

# (title as written, person key, qualifier key: the organization or place before the title)
RoleFact = tuple[str, str, str | None]


def article_roles(tokens: Sequence[Token], view: str, kind: Callable[[str], str]) -> list[RoleFact]:
    """Each 'QUALIFIER? TITLE PERSON' in the text."""
    roles = []
    for index, token in enumerate(tokens):
        if token.type != ENTITY or token.key is None or kind(token.key) != PERSON:
            continue
        if index == 0 or tokens[index - 1].type != TITLE:
            continue
        title = tokens[index - 1]
        if title.end != token.start:
            continue
        qualifier = None
        if index >= 2 and tokens[index - 2].type == ENTITY:
            q = tokens[index - 2]
            if view[q.end : title.start] in ("", "的"):
                qualifier = q.key
        roles.append((title.title or "", token.key, qualifier))
    return roles


class TitleHolders:
    """Who a title alone refers to in one article (美国国务卿表示 → Blinken), when certain."""

    def __init__(self, roles: list[RoleFact], mentioned: set[str], matcher: Matcher) -> None:
        self.roles = roles
        self.mentioned = mentioned  # the people the article names
        self.matcher = matcher
        self.qualified = any(q for _, _, q in roles)

    def holder(self, title: str, qualifier: str | None, context: str | None = None,
               exact: bool = False) -> str | None:
        """The holder of ``title`` (of ``qualifier``); where several hold it, the one from the
        country of ``context`` (the speaker whose statement the title is used in: 共和国总统 in
        the Élysée's statement is France's president). ``exact``: of that very body, not one of
        its country (a travel agency's 负责人 is no other Australian firm's)."""
        candidates = self._candidates(title, qualifier, exact)
        unique = title in self.matcher.unique_titles
        if len(candidates) > 1 and context is not None and unique:
            country = self._country(context)
            candidates = {k for k in candidates if country and self._country(k) == country}
        if len(candidates) == 1 and (unique or self.qualified and qualifier):
            return next(iter(candidates))
        return None

    def _country(self, key: str) -> str | None:
        entry = self.matcher.entry(key)
        return entry.country.upper() if entry and entry.country else None

    def _candidates(self, title: str, qualifier: str | None, exact: bool = False) -> set[str]:
        matcher = self.matcher
        head = title[-2:]
        # (智利总统 is no 前总统莫拉莱斯 whose country the catalog knows is another)
        candidates = {
            person
            for written, person, q in self.roles
            if (written == title or written[-2:] == head)
            and (qualifier is None or q == qualifier
                 or not exact and (q is None or self._same_country(q, qualifier)))
            and not (qualifier is not None and q is None and self._other_country(person, qualifier))
        }
        qualifier_entry = matcher.entry(qualifier) if qualifier else None
        for key in () if exact else self.mentioned:
            entry = matcher.entry(key)
            if entry is None:
                continue
            for role in matcher.roles_of(entry):
                if role.endswith(title) and (
                    qualifier_entry is None
                    or role.startswith(qualifier_entry.name)
                    or (entry.country and entry.country == qualifier_entry.country)
                ):
                    candidates.add(key)
        return candidates

    def _other_country(self, person: str, qualifier: str) -> bool:
        """Whether the catalog gives the person a country and the qualifier another."""
        mine, theirs = self._country(person), self._country(qualifier)
        return bool(mine and theirs and mine != theirs)

    def _same_country(self, a: str | None, b: str | None) -> bool:
        ea = self.matcher.entry(a) if a else None
        eb = self.matcher.entry(b) if b else None
        return bool(ea and eb and ea.country and ea.country == eb.country)
