// casegraph serve: search, expand, evidence and connect over the app's JSON routes.
// Every data string reaches the page through textContent (el() below), never as HTML;
// vis-network draws labels on a canvas and gets plain-text titles.

const root = document.getElementById("app");
const STYLES = JSON.parse(root.dataset.styles);
const CSRF = document.querySelector('meta[name="csrf-token"]').content;
const STORE_KEY = "casegraph-canvas-" + root.dataset.redacted;

// -- small helpers ---------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "onclick") node.addEventListener("click", v);
    else if (k === "className") node.className = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(path, params) {
  const url = path + "?" + new URLSearchParams(params).toString();
  const resp = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  const data = await resp.json();
  if (!resp.ok) throw new Error(data.error || resp.statusText);
  return data;
}

async function postJSON(path, body) {
  const resp = await fetch(path, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": CSRF, Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const data = await resp.json();
  if (!resp.ok) throw new Error(data.error || resp.statusText);
  return data;
}

const panel = document.getElementById("panel");
function showPanel(...children) { panel.replaceChildren(...children); }
function showError(where, err) { where.replaceChildren(el("p", { className: "error" }, String(err.message || err))); }

// -- the canvas ------------------------------------------------------------------------------
const nodes = new vis.DataSet();
const edges = new vis.DataSet();
const network = new vis.Network(document.getElementById("canvas"), { nodes, edges }, {
  nodes: { font: { size: 13 }, size: 14 },
  edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, font: { size: 10, align: "middle" },
           smooth: false },
  physics: { stabilization: { iterations: 150 }, barnesHut: { springLength: 140 } },
  interaction: { hover: true },
});
const canvasStatus = document.getElementById("canvas-status");

function nodeItem(n) {
  const style = STYLES[n.label] || { color: "#999999", shape: "dot" };
  return { id: n.id, label: n.name, title: `${n.name} (${n.label})`, shape: style.shape,
           color: style.color, kind: "entity", name: n.name, entityLabel: n.label,
           borderWidth: n.redacted ? 3 : 1 };
}

function edgeItem(e) {
  const disputed = (e.disputed || []).length > 0;
  return { id: e.id, from: e.from, to: e.to, label: e.type, title: `${e.type}${e.date ? " " + e.date : ""}`,
           color: { color: disputed ? "#C0392B" : "#888888" }, dashes: disputed, date: e.date || e.start || null };
}

function addGraph(data) {
  nodes.update(data.nodes.map(nodeItem));
  edges.update(data.edges.map(edgeItem));
  save();
}

function save() {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify({ nodes: nodes.get(), edges: edges.get() }));
  } catch (e) { /* storage full or off: the canvas just won't survive a reload */ }
  canvasStatus.textContent = `${nodes.length} entities, ${edges.length} ties`;
}

function restore() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
    if (saved && Array.isArray(saved.nodes)) { nodes.update(saved.nodes); edges.update(saved.edges || []); }
  } catch (e) { localStorage.removeItem(STORE_KEY); }
  save();
}

async function expand(key, offset = 0) {
  try {
    const data = await getJSON("/api/expand", { key, offset });
    addGraph(data);
    const moreId = "more:" + data.focus;
    nodes.remove(moreId);
    if (data.more > 0) {
      nodes.update({ id: moreId, label: `${data.more} more`, shape: "box", kind: "more", focus: data.focus,
                     offset: data.offset + data.nodes.length - 1, color: "#eeeeee" });
      edges.update({ id: "edge-" + moreId, from: data.focus, to: moreId, dashes: true, color: { color: "#bbbbbb" } });
    } else {
      edges.remove("edge-" + moreId);
    }
    save();
    network.selectNodes([data.focus]);
    network.focus(data.focus, { scale: 1, animation: false });
  } catch (err) { showError(panel, err); }
}

network.on("click", (params) => {
  if (params.nodes.length) {
    const node = nodes.get(params.nodes[0]);
    if (node && node.kind === "more") { expand(node.focus, node.offset); return; }
    expand(params.nodes[0]);
    showEntity(params.nodes[0]);
  } else if (params.edges.length && !String(params.edges[0]).startsWith("edge-more:")) {
    showClaim(params.edges[0]);
  }
});

document.getElementById("clear").addEventListener("click", () => { nodes.clear(); edges.clear(); save(); });

// -- search ----------------------------------------------------------------------------------
const results = document.getElementById("results");
const searchStatus = document.getElementById("search-status");
const searchBox = document.getElementById("search");
let searchTimer = null;
let shownQuery = null;  // the query whose results are on the page

async function search() {
  const q = searchBox.value.trim();
  if (!q) { results.replaceChildren(); searchStatus.textContent = ""; shownQuery = null; return; }
  if (q === shownQuery) return;
  try {
    const data = await getJSON("/api/search", { q });
    if (searchBox.value.trim() !== q || q === shownQuery) return;  // a newer search is on its way, or done
    shownQuery = q;
    searchStatus.textContent = data.total === 1 ? "1 match" : `${data.total} matches`;
    results.replaceChildren(...data.groups.map((g) => el("div", { className: "group" },
      el("h3", {}, `${g.label} (${g.count})`),
      ...g.items.map((item) => el("div", { className: "result", "data-key": item.key },
        el("button", { type: "button", className: "name", onclick: () => { expand(item.key); showEntity(item.key); } },
           item.name),
        el("button", { type: "button", className: "pick pick-from", title: "connect from",
                       onclick: () => pick("connect-from", item) }, "from"),
        el("button", { type: "button", className: "pick pick-to", title: "connect to",
                       onclick: () => pick("connect-to", item) }, "to"))))));
  } catch (err) { showError(results, err); }
}

document.getElementById("search-form").addEventListener("submit", (e) => { e.preventDefault(); search(); });
searchBox.addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(search, 250); });

// -- evidence ----------------------------------------------------------------------------------
function sourceLine(s) {
  const bits = [s.publisher, s.published].filter(Boolean).join(", ");
  const title = s.url && /^https?:\/\//i.test(s.url)
    ? el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, s.title) : el("span", {}, s.title);
  return el("div", { className: "meta" }, title, bits ? ` (${bits})` : "");
}

async function showEntity(key) {
  try {
    const d = await getJSON("/api/entity", { key });
    const attrs = Object.entries(d.attributes);
    showPanel(
      el("h2", { id: "entity-name" }, d.name),
      el("p", { className: "meta" }, d.label, d.generic ? " (generic actor)" : "", d.redacted ? " (pseudonym)" : ""),
      d.aliases.length ? el("p", {}, "Also: ", d.aliases.join(", ")) : null,
      attrs.length ? el("dl", {}, ...attrs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])) : null,
      el("h3", {}, `Sources (${d.sources.length})`),
      ...d.sources.map(sourceLine));
  } catch (err) { showError(panel, err); }
}

function evidenceBlock(ev) {
  const dates = [ev.date, ev.start && `from ${ev.start}`, ev.end && `to ${ev.end}`].filter(Boolean).join(" ");
  return el("div", { className: "evidence" },
    el("blockquote", {}, ev.quote),
    ev.speaker ? el("div", { className: "meta" }, "said by ", typeof ev.speaker === "string" ? ev.speaker : ev.speaker.name) : null,
    dates ? el("div", { className: "meta" }, dates) : null,
    sourceLine(ev.source));
}

async function showClaim(id) {
  try {
    const c = await getJSON("/api/claim", { id });
    showPanel(
      el("h2", { id: "claim-title" }, `${c.subject.name} ${c.type} ${c.object.name}`),
      c.disputed.length ? el("p", { className: "disputed" }, `Sources disagree on: ${c.disputed.join(", ")}`) : null,
      Object.keys(c.qualifiers).length
        ? el("dl", {}, ...Object.entries(c.qualifiers).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))]))
        : null,
      el("h3", {}, `Evidence (${c.evidence.length})`),
      ...c.evidence.map(evidenceBlock));
  } catch (err) { showError(panel, err); }
}

// -- connect -----------------------------------------------------------------------------------
function pick(id, item) {
  const out = document.getElementById(id);
  out.dataset.key = item.key;
  out.textContent = item.name;
}

document.getElementById("connect-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const from = document.getElementById("connect-from").dataset.key;
  const to = document.getElementById("connect-to").dataset.key;
  if (!from || !to) { showPanel(el("p", { className: "error" }, "Pick two entities (from / to) in the search results.")); return; }
  try {
    const r = await postJSON("/api/connect", {
      from, to, k: Number(document.getElementById("connect-k").value),
      max_hops: Number(document.getElementById("connect-hops").value),
      as_of: document.getElementById("connect-asof").value.trim() || null,
      exclude_generic: document.getElementById("connect-generic").checked,
    });
    showPaths(r);
  } catch (err) { showError(panel, err); }
});

function showPaths(r) {
  const head = el("h2", { id: "paths-title" }, `${r.from.name} to ${r.to.name}: ${r.paths.length} path(s)`);
  if (!r.paths.length) {
    showPanel(head, el("p", {}, r.reason === "disconnected" ? "No chain of claims links them." : `No path within the limits (${r.reason}).`));
    return;
  }
  const drawn = { nodes: [], edges: [] };
  const blocks = r.paths.map((p, i) => {
    drawn.nodes.push(...p.nodes.map((n) => ({ id: n.key, name: n.name, label: n.label })));
    return el("div", { className: "path" },
      el("h3", {}, `Path ${i + 1}: ${p.length} hop(s)`),
      ...p.hops.map((hop) => el("div", { className: "hop" },
        el("p", {}, `${p.names[hop.from] || hop.from} — ${p.names[hop.to] || hop.to}`),
        ...hop.claims.map((c) => {
          drawn.edges.push({ id: c.claim_id, from: c.subject, to: c.object, type: c.type, date: c.date,
                             disputed: c.disputed });
          return el("div", {},
            el("p", { className: "meta" }, `${p.names[c.subject] || c.subject} ${c.type} ${p.names[c.object] || c.object}`,
               c.disputed.length ? el("span", { className: "disputed" }, " (disputed)") : null),
            ...c.evidence.map((ev) => evidenceBlock({
              quote: ev.quote, speaker: ev.speaker, date: ev.date,
              source: { title: ev.source_title, publisher: null, published: null, url: null } })));
        }))));
  });
  addGraph(drawn);
  showPanel(head, ...blocks);
}

restore();
// A handle for the browser tests and the console (positions of nodes to click).
window.casegraph = { network, nodes, edges };
