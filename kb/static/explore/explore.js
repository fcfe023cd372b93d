// kb explorer: a few read-only pages drawn from the GraphQL API (no build step, no library).
// Everything from the API is put into the page as text (textContent), never as HTML.
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

function link(href, text) { return el("a", { href }, text); }
function personLink(name) { return link("/explore/person?name=" + encodeURIComponent(name), name); }
function outletLink(name) { return link("/explore/outlet?name=" + encodeURIComponent(name), name); }
function param(name) { return new URLSearchParams(window.location.search).get(name) || ""; }
function day(iso) { return iso ? iso.slice(0, 10) : ""; }
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

function timelineChart(points, label) {
  // One bar per week; the tallest fills the height. Plain SVG.
  const width = 860, height = 140, pad = 18;
  const max = Math.max(1, ...points.map((p) => p[label]));
  const step = (width - 2 * pad) / Math.max(1, points.length);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "timeline");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${label} per week`);
  points.forEach((point, i) => {
    const h = ((height - 2 * pad) * point[label]) / max;
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", pad + i * step);
    bar.setAttribute("y", height - pad - h);
    bar.setAttribute("width", Math.max(1, step - 1));
    bar.setAttribute("height", h);
    const title = document.createElementNS(ns, "title");
    title.textContent = `week of ${point.start}: ${point[label]}`;
    bar.append(title);
    svg.append(bar);
  });
  for (const [x, text, anchor] of [[pad, points.length ? points[0].start : "", "start"],
                                    [width - pad, points.length ? points[points.length - 1].start : "", "end"]]) {
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", x); t.setAttribute("y", height - 4); t.setAttribute("text-anchor", anchor);
    t.textContent = text;
    svg.append(t);
  }
  const axis = document.createElementNS(ns, "text");
  axis.setAttribute("x", pad); axis.setAttribute("y", 12);
  axis.textContent = `max ${max} per week`;
  svg.append(axis);
  return svg;
}

const PERSON = `query($name: String!) { person(name: $name) { name nameEn
  aliases { name }
  outlets { statementCount outlet { name } }
  timeline(bucket: WEEK) { start statements }
  statements(first: 100) { totalCount nodes { text verb article { title url publishedAt outlet { name } } } } } }`;

async function personPage(main) {
  const name = param("name");
  const { person } = await gql(PERSON, { name });
  if (!person) { main.append(el("p", { class: "error" }, `No one called ${name}.`)); return; }
  document.title = `${person.name} — kb`;
  main.append(el("h1", {}, person.name),
              el("p", { class: "sub" }, [person.nameEn, ...person.aliases.map((a) => a.name)]
                .filter((v, i, all) => v && all.indexOf(v) === i).join(" · ")));
  const total = person.statements.totalCount;
  main.append(el("section", { id: "timeline" }, el("h2", {}, `${plural(total, "statement")}, per week`),
                 timelineChart(person.timeline, "statements")));
  const byOutlet = new Map();
  for (const s of person.statements.nodes) {
    const outlet = s.article.outlet.name;
    if (!byOutlet.has(outlet)) byOutlet.set(outlet, []);
    byOutlet.get(outlet).push(s);
  }
  const section = el("section", { id: "by-outlet" }, el("h2", {}, "Statements by outlet"));
  for (const { statementCount, outlet } of person.outlets) {
    const shown = byOutlet.get(outlet.name) || [];
    const group = el("div", { class: "outlet" },
                     el("h3", {}, outletLink(outlet.name), " ", el("span", { class: "count" }, `${statementCount}`)));
    const list = el("ul", { class: "statements" });
    for (const s of shown) {
      list.append(el("li", {}, `“${s.text}” (${s.verb}) `,
                     el("span", { class: "meta" }, `${day(s.article.publishedAt)} · ${s.article.title}`)));
    }
    if (shown.length < statementCount) list.append(el("li", { class: "meta" }, `… ${statementCount - shown.length} more`));
    group.append(list);
    section.append(group);
  }
  main.append(section);
}

const OUTLET = `query($name: String!) { outlet(name: $name) { name nameEn
  articles(first: 10) { totalCount nodes { title publishedAt } }
  timeline(bucket: WEEK) { start statements articles }
  topSpeakers(first: 15) { statementCount speaker { __typename ... on Person { name } ... on Organization { name } ... on Place { name } } } } }`;

async function outletPage(main) {
  const name = param("name");
  const { outlet } = await gql(OUTLET, { name });
  if (!outlet) { main.append(el("p", { class: "error" }, `No outlet called ${name}.`)); return; }
  document.title = `${outlet.name} — kb`;
  main.append(el("h1", {}, outlet.name), el("p", { class: "sub" }, `${outlet.nameEn} · ${plural(outlet.articles.totalCount, "article")}`));
  const speakers = el("table", { id: "top-speakers" }, el("tr", {}, el("th", {}, "speaker"), el("th", {}, "kind"), el("th", {}, "statements")));
  for (const { statementCount, speaker } of outlet.topSpeakers) {
    speakers.append(el("tr", {}, el("td", {}, speaker.__typename === "Person" ? personLink(speaker.name) : speaker.name),
                       el("td", {}, speaker.__typename), el("td", { class: "n" }, statementCount)));
  }
  main.append(el("section", {}, el("h2", {}, "Top speakers"), speakers));
  main.append(el("section", {}, el("h2", {}, "Articles per week"), timelineChart(outlet.timeline, "articles")));
  const latest = el("ul", { class: "statements" });
  for (const a of outlet.articles.nodes) latest.append(el("li", {}, a.title, " ", el("span", { class: "meta" }, day(a.publishedAt))));
  main.append(el("section", {}, el("h2", {}, "Latest articles"), latest));
}

const SEARCH = `query($q: String!) { search(query: $q, first: 20, kinds: [PERSON, OUTLET, ORGANIZATION]) {
  snippet node { __typename ... on Person { name } ... on Outlet { name } ... on Organization { name } } } }`;

async function indexPage(main) {
  const q = param("q");
  main.append(el("h1", {}, "kb explorer"),
              el("p", { class: "sub" }, "Who said what, where — look someone up, or an outlet."));
  if (!q) {
    const { people, outlets } = await gql(`{ people(first: 10, orderBy: {field: STATEMENTS, direction: DESC}) { nodes { name statementCount } }
      outlets(first: 50) { nodes { name } } }`);
    const list = el("ul", { id: "most-quoted" });
    for (const p of people.nodes) list.append(el("li", {}, personLink(p.name), ` ${p.statementCount}`));
    main.append(el("section", {}, el("h2", {}, "Most quoted"), list));
    const outletList = el("ul");
    for (const o of outlets.nodes) outletList.append(el("li", {}, outletLink(o.name)));
    main.append(el("section", {}, el("h2", {}, "Outlets"), outletList));
    return;
  }
  const { search } = await gql(SEARCH, { q });
  const list = el("ul", { id: "results" });
  for (const hit of search) {
    const n = hit.node;
    const target = n.__typename === "Person" ? personLink(n.name) : n.__typename === "Outlet" ? outletLink(n.name) : n.name;
    list.append(el("li", {}, target, el("span", { class: "meta" }, ` ${n.__typename}`)));
  }
  main.append(el("section", {}, el("h2", {}, `Results for ${q}`), search.length ? list : el("p", {}, "Nothing found.")));
}

window.addEventListener("DOMContentLoaded", async () => {
  const main = document.querySelector("main");
  // One page for the whole explorer: /explore, /explore/person, /explore/outlet.
  const page = window.location.pathname.replace(/\/+$/, "").split("/")[2] || "index";
  try {
    await { person: personPage, outlet: outletPage, index: indexPage }[page](main);
  } catch (error) {
    main.append(el("p", { class: "error" }, error.message));
  }
  document.body.dataset.ready = "true";  // for tests and screenshots
});
