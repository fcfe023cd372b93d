// kb explorer: a few read-only pages drawn from the GraphQL API (no build step). Charts are
// Chart.js, vendored under /static/vendor like GraphiQL, so the explorer works offline.
// Everything from the API is put into the page as text (textContent), never as HTML, and
// only http(s) addresses become links.
"use strict";

async function gql(query, variables) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

const KINDS = { Person: "person", Organization: "organization", Place: "place", Outlet: "outlet" };

function link(href, text) { return el("a", { href }, text); }
function pageLink(typename, name) {
  const kind = KINDS[typename];
  return kind ? link(`/explore/${kind}?name=` + encodeURIComponent(name), name) : document.createTextNode(name);
}
function personLink(name) { return pageLink("Person", name); }
function outletLink(name) { return pageLink("Outlet", name); }
function safeUrl(url) {
  try { return url && ["http:", "https:"].includes(new URL(url).protocol) ? url : null; } catch { return null; }
}
function articleLink(article) {
  // An article's title links to where it was published, when kb knows a web address.
  const url = safeUrl(article.url);
  return url ? el("a", { href: url, class: "source", rel: "noopener noreferrer", target: "_blank" }, article.title)
             : el("span", { class: "title" }, article.title);
}
function param(name) { return new URLSearchParams(window.location.search).get(name) || ""; }
function day(iso) { return iso ? iso.slice(0, 10) : ""; }
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

const COLOURS = { statements: "#3b6fd8", articles: "#e0923a" };

function timelineChart(points, series, id) {
  // A bar chart per week: a time axis of week starts, a count axis with whole ticks, titles.
  const canvas = el("canvas", { id, class: "chart", role: "img",
                                "aria-label": `${series.join(" and ")} per week` });
  const box = el("div", { class: "chart-box" }, canvas);
  const labels = points.map((p) => p.start);
  new window.Chart(canvas, {
    type: "bar",
    data: { labels, datasets: series.map((name) => ({ label: name, data: points.map((p) => p[name]),
                                                       backgroundColor: COLOURS[name] })) },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      plugins: { legend: { display: series.length > 1 },
                 tooltip: { callbacks: { title: (items) => `week of ${items[0].label}` } } },
      scales: {
        x: { title: { display: true, text: "week starting (UTC)" }, ticks: { autoSkip: true, maxRotation: 0 } },
        y: { beginAtZero: true, title: { display: true, text: series.length > 1 ? "count" : series[0] },
             ticks: { precision: 0 } },
      },
    },
  });
  return box;
}

const ENTITY_FIELDS = `name nameEn statementCount mentionCount
  aliases { name }
  outlets { statementCount outlet { name } }
  timeline(bucket: WEEK) { start statements articles }
  coMentioned(first: 12) { articleCount entity { __typename name } }
  statements(first: 100) { totalCount nodes { text verb article { title url publishedAt outlet { name } } } }
  utterances(first: 30, orderBy: {field: REPORTS}) { totalCount nodes { firstReported reportCount
    outlets { name } directQuote { text }
    reports(first: 20) { nodes { text kind verb article { title url publishedAt outlet { name } } } } } }
  articles(first: 10) { totalCount nodes { title url publishedAt outlet { name } } }`;

const ENTITY_PAGES = {
  person: { query: `query($name: String!) { entity: person(name: $name) { ${ENTITY_FIELDS} } }`, none: "No one called" },
  organization: { query: `query($name: String!) { entity: organization(name: $name) { kind ${ENTITY_FIELDS} } }`,
                  none: "No organization called" },
  place: { query: `query($name: String!) { entity: place(name: $name) { kind ${ENTITY_FIELDS} } }`, none: "No place called" },
};

async function entityPage(main, kind) {
  // People, organizations and places: one page each, alike.
  const name = param("name");
  const { entity } = await gql(ENTITY_PAGES[kind].query, { name });
  if (!entity) { main.append(el("p", { class: "error" }, `${ENTITY_PAGES[kind].none} ${name}.`)); return; }
  document.title = `${entity.name} — kb`;
  document.body.dataset.kind = kind;
  main.append(el("h1", {}, entity.name),
              el("p", { class: "sub" }, [entity.nameEn, ...entity.aliases.map((a) => a.name)]
                .filter((v, i, all) => v && all.indexOf(v) === i).join(" · ")),
              el("p", { class: "sub", id: "counts" }, [kind, entity.kind, plural(entity.statementCount, "statement"),
                                                       `named in ${plural(entity.articles.totalCount, "article")}`]
                .filter(Boolean).join(" · ")));
  main.append(el("section", { id: "timeline" }, el("h2", {}, "Statements and articles naming it, per week"),
                 timelineChart(entity.timeline, ["statements", "articles"], "timeline-chart")));
  if (entity.utterances.totalCount) main.append(utteranceSection(entity.utterances));
  const byOutlet = new Map();
  for (const s of entity.statements.nodes) {
    const outlet = s.article.outlet.name;
    if (!byOutlet.has(outlet)) byOutlet.set(outlet, []);
    byOutlet.get(outlet).push(s);
  }
  if (entity.outlets.length) {
    const section = el("section", { id: "by-outlet" }, el("h2", {}, "Statements by outlet"));
    for (const { statementCount, outlet } of entity.outlets) {
      const shown = byOutlet.get(outlet.name) || [];
      const group = el("div", { class: "outlet" },
                       el("h3", {}, outletLink(outlet.name), " ", el("span", { class: "count" }, `${statementCount}`)));
      const list = el("ul", { class: "statements" });
      for (const s of shown) {
        list.append(el("li", {}, `“${s.text}” (${s.verb}) `,
                       el("span", { class: "meta" }, `${day(s.article.publishedAt)} · `, articleLink(s.article))));
      }
      if (shown.length < statementCount) list.append(el("li", { class: "meta" }, `… ${statementCount - shown.length} more`));
      group.append(list);
      section.append(group);
    }
    main.append(section);
  }
  if (entity.coMentioned.length) {
    const list = el("ul", { id: "co-mentioned", class: "inline" });
    for (const { articleCount, entity: other } of entity.coMentioned) {
      list.append(el("li", {}, pageLink(other.__typename, other.name), el("span", { class: "meta" }, ` ${articleCount}`)));
    }
    main.append(el("section", {}, el("h2", {}, "Named in the same articles"), list));
  }
  main.append(el("section", { id: "articles" }, el("h2", {}, "Latest articles naming it"), articleList(entity.articles.nodes)));
}

function utteranceSection(utterances) {
  // Each remark once, the most carried first: its wording (the longest direct quote, else the
  // first report), who carried it and when, then every report as its outlet worded it.
  const section = el("section", { id: "utterances" },
                     el("h2", {}, `What was said: ${plural(utterances.totalCount, "remark")}, each with its reports`));
  for (const u of utterances.nodes) {
    const reports = u.reports.nodes;
    const said = u.directQuote ? u.directQuote.text : reports[0].text;
    const list = el("ul", { class: "statements reports" });
    for (const r of reports) {
      list.append(el("li", {}, el("span", { class: "meta" }, `${r.article.outlet.name} · ${day(r.article.publishedAt)} · `),
                     `“${r.text}” (${r.verb}) `, articleLink(r.article)));
    }
    if (reports.length < u.reportCount) list.append(el("li", { class: "meta" }, `… ${u.reportCount - reports.length} more`));
    section.append(el("div", { class: "utterance" },
                      el("h3", {}, `“${said}”`),
                      el("p", { class: "meta" }, `${plural(u.reportCount, "report")} by ${u.outlets.map((o) => o.name).join(", ")}`
                                                 + ` · first ${day(u.firstReported)}`),
                      list));
  }
  if (utterances.nodes.length < utterances.totalCount) {
    section.append(el("p", { class: "meta" }, `… ${utterances.totalCount - utterances.nodes.length} more remarks`));
  }
  return section;
}

function articleList(articles) {
  const list = el("ul", { class: "statements" });
  for (const a of articles) {
    list.append(el("li", {}, articleLink(a), " ",
                   el("span", { class: "meta" }, [day(a.publishedAt), a.outlet && a.outlet.name].filter(Boolean).join(" · "))));
  }
  return list;
}

const OUTLET = `query($name: String!) { outlet(name: $name) { name nameEn
  articles(first: 10) { totalCount nodes { title url publishedAt } }
  timeline(bucket: WEEK) { start statements articles }
  topSpeakers(first: 15) { statementCount speaker { __typename name } } } }`;

async function outletPage(main) {
  const name = param("name");
  const { outlet } = await gql(OUTLET, { name });
  if (!outlet) { main.append(el("p", { class: "error" }, `No outlet called ${name}.`)); return; }
  document.title = `${outlet.name} — kb`;
  main.append(el("h1", {}, outlet.name), el("p", { class: "sub" }, `${outlet.nameEn} · ${plural(outlet.articles.totalCount, "article")}`));
  const speakers = el("table", { id: "top-speakers" }, el("tr", {}, el("th", {}, "speaker"), el("th", {}, "kind"), el("th", {}, "statements")));
  for (const { statementCount, speaker } of outlet.topSpeakers) {
    speakers.append(el("tr", {}, el("td", {}, pageLink(speaker.__typename, speaker.name)),
                       el("td", {}, speaker.__typename), el("td", { class: "n" }, statementCount)));
  }
  main.append(el("section", {}, el("h2", {}, "Top speakers"), speakers));
  main.append(el("section", { id: "timeline" }, el("h2", {}, "Articles per week"),
                 timelineChart(outlet.timeline, ["articles"], "timeline-chart")));
  main.append(el("section", { id: "articles" }, el("h2", {}, "Latest articles"), articleList(outlet.articles.nodes)));
}

// Names, statements and articles: each kind its own ranked list (scores compare within a kind).
const SEARCH = `query($q: String!) {
  names: search(query: $q, first: 20, kinds: [PERSON, ORGANIZATION, PLACE, OUTLET]) {
    node { __typename ... on Entity { name } ... on Outlet { name } } }
  statements: search(query: $q, first: 10, kinds: [STATEMENT]) { snippet
    node { ... on Statement { text speakerDescription speaker { __typename name }
                              article { title url publishedAt outlet { name } } } } }
  articles: search(query: $q, first: 10, kinds: [ARTICLE]) { snippet
    node { ... on Article { title url publishedAt outlet { name } } } } }`;

async function indexPage(main) {
  const q = param("q");
  main.append(el("h1", {}, "kb explorer"),
              el("p", { class: "sub" }, "Who said what, where — look up a person, an organization, a place, an outlet, or words."));
  if (!q) {
    const { people, organizations, outlets } = await gql(`{
      people(first: 10, orderBy: {field: STATEMENTS, direction: DESC}) { nodes { name statementCount } }
      organizations(first: 10, orderBy: {field: STATEMENTS, direction: DESC}) { nodes { name statementCount } }
      outlets(first: 50) { nodes { name } } }`);
    const list = el("ul", { id: "most-quoted" });
    for (const p of people.nodes) list.append(el("li", {}, personLink(p.name), ` ${p.statementCount}`));
    main.append(el("section", {}, el("h2", {}, "Most quoted people"), list));
    const bodies = el("ul", { id: "most-quoted-organizations" });
    for (const o of organizations.nodes) bodies.append(el("li", {}, pageLink("Organization", o.name), ` ${o.statementCount}`));
    main.append(el("section", {}, el("h2", {}, "Most quoted organizations"), bodies));
    const outletList = el("ul");
    for (const o of outlets.nodes) outletList.append(el("li", {}, outletLink(o.name)));
    main.append(el("section", {}, el("h2", {}, "Outlets"), outletList));
    return;
  }
  document.querySelector("header input").value = q;
  const { names, statements, articles } = await gql(SEARCH, { q });
  const list = el("ul", { id: "results" });
  for (const hit of names) {
    const n = hit.node;
    list.append(el("li", {}, pageLink(n.__typename, n.name), el("span", { class: "meta" }, ` ${n.__typename}`)));
  }
  main.append(el("section", {}, el("h2", {}, `Names matching ${q}`), names.length ? list : el("p", {}, "No name found.")));
  const said = el("ul", { id: "statement-results", class: "statements" });
  for (const { node: s } of statements) {
    const who = s.speaker ? pageLink(s.speaker.__typename, s.speaker.name) : document.createTextNode(s.speakerDescription);
    said.append(el("li", {}, who, `: “${s.text}” `,
                   el("span", { class: "meta" }, `${day(s.article.publishedAt)} · ${s.article.outlet.name} · `,
                      articleLink(s.article))));
  }
  main.append(el("section", {}, el("h2", {}, "Statements"), statements.length ? said : el("p", {}, "No statement found.")));
  const found = el("ul", { id: "article-results", class: "statements" });
  for (const { node: a, snippet } of articles) {
    found.append(el("li", {}, articleLink(a), " ",
                    el("span", { class: "meta" }, `${day(a.publishedAt)} · ${a.outlet.name}`),
                    el("div", { class: "snippet" }, snippet)));
  }
  main.append(el("section", {}, el("h2", {}, "Articles"), articles.length ? found : el("p", {}, "No article found.")));
}

window.addEventListener("DOMContentLoaded", async () => {
  const main = document.querySelector("main");
  // One page for the whole explorer: /explore, /explore/person, /explore/organization,
  // /explore/place, /explore/outlet.
  const page = window.location.pathname.replace(/\/+$/, "").split("/")[2] || "index";
  try {
    if (page in ENTITY_PAGES) await entityPage(main, page);
    else await { outlet: outletPage, index: indexPage }[page](main);
  } catch (error) {
    main.append(el("p", { class: "error" }, error.message));
  }
  document.body.dataset.ready = "true";  // for tests and screenshots
});
