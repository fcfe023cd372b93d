"""Which outlet published an article: from its URL's domain, its front matter (names, and an
archive's feed: ``categories: reuters``), or a credit in its text (（德国之声中文网）). An unknown
outlet is named after its page's domain, else its front matter's name, else its images' host."""

from __future__ import annotations

import re

from kb.catalog import Catalog, Outlet
from kb.extract.records import OutletRef
from kb.normalise import normalise
from kb.parse import ParsedArticle

# A credit at the start of the first paragraphs: （德国之声中文网）, (法广), 【观察者网】.
_LEAD_CREDIT = re.compile(r"^[（(【\[]\s*([^（）()【】\[\]]{2,20}?)\s*[）)】\]]")


def _ref(outlet: Outlet, evidence: str) -> OutletRef:
    return OutletRef(
        key=outlet.key,
        name=outlet.name,
        name_en=outlet.name_en,
        short=outlet.short,
        country=outlet.country,
        domains=outlet.domains,
        origin="catalog",
        evidence=evidence,
    )


def registrable_domain(host: str) -> str:
    """A best-effort registrable domain: the last two labels, three for ``co.uk``-style."""
    labels = host.lower().rstrip(".").split(".")
    second_level = {"co", "com", "org", "net", "gov", "edu", "ac"}
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in second_level:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def resolve_outlet(article: ParsedArticle, catalog: Catalog) -> OutletRef:
    # The URL is the strongest evidence (format A). Front matter names come next (format B),
    # then in-text credits, then the domain of the article's images.
    if article.url:
        outlet = catalog.outlet_for_domain(article.outlet_domain)
        if outlet:
            return _ref(outlet, f"domain {article.outlet_domain}")
    for name in article.outlet_names:
        outlet = catalog.outlet_for_name(name)
        if outlet:
            return _ref(outlet, f"front matter {name!r}")
    for feed in article.outlet_feeds:
        outlet = catalog.outlet_for_feed(feed)
        if outlet:
            return _ref(outlet, f"feed {feed!r}")
    for block in article.blocks[:3]:
        match = _LEAD_CREDIT.match(normalise(block.text).text)
        if match:
            outlet = catalog.outlet_for_name(match.group(1))
            if outlet:
                return _ref(outlet, f"credit {match.group(0)!r}")
    outlet = catalog.outlet_for_domain(article.outlet_domain)
    if outlet:
        return _ref(outlet, f"domain {article.outlet_domain}")
    name = next((n for n in article.outlet_names if n.strip()), None)
    # Without a page of its own (no link) the domain is its images' host, often a CDN or a
    # photo agency: the front matter's name is what an outlet's articles share.
    if article.outlet_domain and (article.url or name is None):
        domain = registrable_domain(article.outlet_domain)
        return OutletRef(
            key=domain,
            name=domain,
            name_en=domain,
            short=None,
            country=None,
            domains=(domain,),
            origin="domain",
            evidence=f"unknown domain {article.outlet_domain}",
        )
    name = name or "unknown"
    return OutletRef(
        key="name:" + normalise(name).text.strip(),
        name=name,
        name_en=name,
        short=None,
        country=None,
        domains=(),
        origin="name",
        evidence=f"unknown outlet name {name!r}",
    )
