"""The person an administration is named after (拜登政府, 李在明政府, 文在寅政权): the name is a
mention of the person too, as the gold rules count it (tests/gold/README.md: people named
anywhere in the text). The administration stays the token the finder reads; the person only
adds a mention."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kb.catalog import ORGANIZATION, PERSON
from kb.extract.entities import ENTITY, Matcher, Token


def people_of_administrations(view: str, tokens: Sequence[Token], matcher: Matcher, endings: Sequence[str],
                              surnames: Collection[str]) -> list[Token]:
    """A person token inside each administration's name: the catalog's person when its name
    is the catalog's, else a Chinese name of three characters (李在明 | 政府)."""
    found: list[Token] = []
    for token in tokens:
        if token.type != ENTITY or token.key is None:
            continue
        entry = matcher.entry(token.key)
        kind = entry.kind if entry is not None else token.key.partition(":")[0]
        text = view[token.start : token.end]
        ending = next((e for e in endings if text.endswith(e)), None)
        if kind != ORGANIZATION or ending is None:
            continue
        name = text[: -len(ending)]
        hit = matcher.forms.get(name)
        if hit is not None and hit[0] == ENTITY and not hit[2] and all(
            (e := matcher.entry(k)) is not None and e.kind == PERSON for k in hit[1]
        ):
            found.append(Token(token.start, token.start + len(name), ENTITY, hit[1]))
        elif hit is None and len(name) == 3 and name[0] in surnames:
            key = f"{PERSON}:zh-{name}"
            found.append(Token(token.start, token.start + len(name), ENTITY, frozenset([key])))
    return found
