// casegraph serve: search, expand, evidence and connect over the app's JSON routes.
// Every data string reaches the page through textContent (el() below), never as HTML;
// vis-network draws labels on a canvas, and gets no titles (its pop-ups could take HTML).

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

// Timings (bench/serve.py reads them): performance measures "cg:<what>", from the action to
// the frame that shows its answer (the panel painted, or the canvas drawn with the new data).
// A message posted from the next animation frame is handled once that frame is painted: the
// end of the measure is the paint itself, not the start of the frame after it (up to 16 ms later).
const painted = new MessageChannel();
const paintedQueue = [];
painted.port1.onmessage = () => { const m = paintedQueue.shift(); if (m) performance.measure(m.name, { start: m.start, end: performance.now() }); };
function measure(name, start) {
  requestAnimationFrame(() => { paintedQueue.push({ name: "cg:" + name, start }); painted.port2.postMessage(0); });
}
function measureDrawn(name, start) {
  network.once("afterDrawing", () => performance.measure("cg:" + name, { start, end: performance.now() }));
  network.redraw();
}

const panel = document.getElementById("panel");
function showPanel(...children) {
  panel.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
}
function showError(where, err) { where.replaceChildren(el("p", { className: "error" }, String(err.message || err))); }

// -- the canvas ------------------------------------------------------------------------------
const nodes = new vis.DataSet();
const edges = new vis.DataSet();
const network = new vis.Network(document.getElementById("canvas"), { nodes, edges }, {
  nodes: { font: { size: 13 }, size: 14 },
  edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, font: { size: 10, align: "middle" },
           smooth: false },
  physics: { stabilization: { iterations: 200 }, barnesHut: { springLength: 180, avoidOverlap: 0.6 } },
  interaction: { hover: true },
  layout: { randomSeed: 7 },  // the same answer is drawn the same way (and the docs' screenshot is stable)
});
const canvasStatus = document.getElementById("canvas-status");

// Canvas items keep the answer's own fields (raw) and nothing else, so a saved or
// loaded canvas is rebuilt through nodeItem/edgeItem from plain strings only.
const str = (v) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

function nodeItem(n) {
  const raw = { id: str(n.id), name: str(n.name), label: str(n.label), redacted: !!n.redacted, pinned: !!n.pinned };
  const style = STYLES[raw.label] || { color: "#999999", shape: "dot" };
  return { id: raw.id, label: raw.name, shape: style.shape, color: style.color, kind: "entity", raw,
           borderWidth: raw.redacted ? 3 : 1, fixed: raw.pinned, shapeProperties: { borderDashes: raw.pinned ? [4, 2] : false } };
}

function edgeItem(e) {
  const raw = { id: str(e.id), from: str(e.from), to: str(e.to), type: str(e.type),
                date: str(e.date || e.start), disputed: Array.isArray(e.disputed) ? e.disputed.map(str) : [] };
  const disputed = raw.disputed.length > 0;
  return { id: raw.id, from: raw.from, to: raw.to, label: raw.type, raw,
           color: { color: disputed ? "#C0392B" : "#888888" }, dashes: disputed };
}

// Undo: the canvas as it was before each change (at most 50 steps).
const history = [];
function remember() {
  history.push(state());
  if (history.length > 50) history.shift();
}
document.getElementById("undo").addEventListener("click", () => {
  const before = history.pop();
  if (before) load(before);
});

function hide(key) {
  remember();
  edges.remove(edges.get({ filter: (e) => e.from === key || e.to === key }).map((e) => e.id));
  nodes.remove([key, "more:" + key]);
  save();
}

function pin(key) {
  const node = nodes.get(key);
  if (!node || node.kind !== "entity") return;
  remember();
  nodes.update(nodeItem({ ...node.raw, pinned: !node.raw.pinned }));
  save();
}

function addGraph(data) {
  // Nodes already on the canvas keep their pin.
  for (const n of data.nodes) { const had = nodes.get(n.id); if (had && had.raw && had.raw.pinned) n.pinned = true; }
  nodes.update(data.nodes.map(nodeItem));
  edges.update(data.edges.map(edgeItem));
  dateRange();
  applyDate();
  save();
}

function state() {
  return { casegraph_canvas: 1,
           nodes: nodes.get().filter((n) => n.kind === "entity").map((n) => n.raw),
           edges: edges.get().filter((e) => e.raw).map((e) => e.raw) };
}

function save() {
  try { localStorage.setItem(STORE_KEY, JSON.stringify(state())); } catch (e) { /* storage full or off */ }
  canvasStatus.textContent = `${nodes.get({ filter: (n) => n.kind === "entity" }).length} entities, ` +
    `${edges.get({ filter: (e) => !!e.raw }).length} ties`;
}

function load(saved) {
  if (!saved || saved.casegraph_canvas !== 1 || !Array.isArray(saved.nodes) || !Array.isArray(saved.edges)) {
    throw new Error("not a casegraph canvas file");
  }
  nodes.clear(); edges.clear();
  addGraph({ nodes: saved.nodes.filter((n) => n && n.id), edges: saved.edges.filter((e) => e && e.id) });
}

function restore() {
  try { load(JSON.parse(localStorage.getItem(STORE_KEY) || "null")); } catch (e) { save(); }
}

// -- time: hide ties dated after the slider's date (and entities left with none) --------------
const slider = document.getElementById("date-slider");
const sliderLabel = document.getElementById("date-label");
let dates = [];

function dateRange() {
  dates = [...new Set(edges.get().map((e) => e.raw && e.raw.date).filter(Boolean))].sort();
  const atEnd = Number(slider.value) >= Number(slider.max);  // "all dates" stays so as dates come
  slider.max = String(dates.length);
  slider.disabled = dates.length === 0;
  if (atEnd || Number(slider.value) > dates.length) slider.value = String(dates.length);
  showDate();
}

function showDate() {
  const i = Number(slider.value);
  sliderLabel.textContent = i >= dates.length ? "all dates" : `known by ${dates[i]}`;
}

function applyDate() {
  const i = Number(slider.value);
  const limit = i >= dates.length ? null : dates[i];
  const hiddenEdges = edges.get().filter((e) => e.raw).map((e) => ({ id: e.id, hidden: !!(limit && e.raw.date && e.raw.date > limit) }));
  edges.update(hiddenEdges);
  const shown = new Set();
  for (const e of edges.get({ filter: (e) => !e.hidden })) { shown.add(e.from); shown.add(e.to); }
  nodes.update(nodes.get().map((n) => ({ id: n.id, hidden: !!limit && n.kind === "entity" && !shown.has(n.id) &&
                                                          edges.get({ filter: (e) => e.from === n.id || e.to === n.id }).length > 0 })));
}

slider.addEventListener("input", () => { showDate(); applyDate(); });

// -- save and load the canvas as a small JSON file ------------------------------------------------
document.getElementById("save-canvas").addEventListener("click", () => {
  const blob = new Blob([JSON.stringify(state(), null, 1)], { type: "application/json" });
  const a = el("a", { href: URL.createObjectURL(blob), download: "casegraph-canvas.json" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

document.getElementById("export").addEventListener("click", async () => {
  const keys = nodes.get({ filter: (n) => n.kind === "entity" }).map((n) => n.id);
  if (!keys.length) { showPanel(el("p", { className: "error" }, "The canvas is empty.")); return; }
  const format = document.getElementById("export-format").value;
  try {
    const resp = await fetch("/api/export", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": CSRF },
      body: JSON.stringify({ format, keys }),
    });
    if (!resp.ok) throw new Error((await resp.json()).error || resp.statusText);
    const name = (resp.headers.get("Content-Disposition") || "").split('filename="')[1] || "casegraph-canvas";
    const a = el("a", { href: URL.createObjectURL(await resp.blob()), download: name.replace(/"$/, "") });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  } catch (err) { showError(panel, err); }
});

document.getElementById("load-canvas").addEventListener("change", async (ev) => {
  const file = ev.target.files[0];
  if (!file) return;
  try { const saved = JSON.parse(await file.text()); const before = state(); load(saved); history.push(before); }
  catch (err) { showError(panel, err); }
  ev.target.value = "";
});

async function expand(key, offset = 0) {
  const start = performance.now();
  try {
    const data = await getJSON("/api/expand", { key, offset });
    remember();
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
    measureDrawn("expand", start);
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

document.getElementById("clear").addEventListener("click", () => { remember(); nodes.clear(); edges.clear(); dateRange(); save(); });
document.getElementById("fit").addEventListener("click", () => network.fit());

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
  const start = performance.now();
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
    measure("search", start);
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
      el("p", {},
         el("button", { type: "button", id: "pin-node", onclick: () => pin(d.key) }, "Pin / unpin"), " ",
         el("button", { type: "button", id: "hide-node", onclick: () => hide(d.key) }, "Hide from canvas")),
      d.aliases.length ? el("p", {}, "Also: ", d.aliases.join(", ")) : null,
      attrs.length ? el("dl", {}, ...attrs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))])) : null,
      el("h3", {}, d.sources_total > d.sources.length
        ? `Sources (${d.sources_total}; the ${d.sources.length} most recent)` : `Sources (${d.sources.length})`),
      ...d.sources.map(sourceLine),
      el("h3", {}, "Timeline"),
      el("ol", { id: "timeline" }));
    const t = await getJSON("/api/timeline", { key });
    const list = document.getElementById("timeline");
    if (!list) return;  // the panel moved on
    if (t.case) { list.replaceChildren(...t.entries.map(caseEntry)); return; }
    list.replaceChildren(...t.events.map((e) => el("li", { "data-claim": e.claim_id },
      el("span", { className: "meta" }, e.date ? `${e.date}${e.end ? " to " + e.end : ""} ` : "undated "),
      el("button", { type: "button", className: "name", onclick: () => showClaim(e.claim_id) },
         `${e.subject.name} ${e.type} ${e.object.name}`),
      e.disputed.length ? el("span", { className: "disputed" }, " (disputed)") : null,
      e.quote ? el("div", { className: "meta" }, `“${e.quote}”`) : null)));
  } catch (err) { showError(panel, err); }
}

// One stage of a case's timeline: its date, kind and event, every claim behind it with its evidence.
function caseEntry(x) {
  return el("li", { className: "stage", "data-stage": x.stage },
    el("span", { className: "meta" }, `${x.date ? x.date + (x.end ? " to " + x.end : "") : "undated"} · ${x.stage.replace(/_/g, " ")} `),
    el("strong", {}, x.title),
    ...x.claims.map((c) => el("div", { className: "stage-claim", "data-claim": c.claim_id },
      el("button", { type: "button", className: "name", onclick: () => showClaim(c.claim_id) },
         `${c.subject.name} ${c.type} ${c.object.name}`),
      c.disputed.length ? el("span", { className: "disputed" }, " (disputed)") : null,
      ...c.evidence.map((ev) => el("div", { className: "meta" }, `“${ev.quote}”`,
        ev.speaker ? ` (${ev.speaker})` : "", ev.source && ev.source.title ? ` — ${ev.source.title}` : "",
        ev.source && ev.source.published ? `, ${ev.source.published}` : "")))));
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
  const start = performance.now();
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
    measure("evidence", start);
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
  remember();
  addGraph(drawn);
  showPanel(head, ...blocks);
}

// -- saved queries as forms (not in redacted sessions) -------------------------------------------
const queryForm = document.getElementById("query-form");
let savedQueries = [];

function showQueryForm() {
  const q = savedQueries.find((x) => x.name === document.getElementById("query-name").value);
  if (!q) return;
  document.getElementById("query-description").textContent = q.description;
  document.getElementById("query-params").replaceChildren(...q.params.map((p) => {
    const input = el("input", { name: p.name, "data-param": p.name, title: p.meaning,
                                placeholder: p.type === "entity" ? `${p.label || "entity"}: name or key` : p.type });
    const label = el("label", { className: "param" }, `${p.name}${p.required ? " *" : ""} `, input);
    if (p.type === "entity") {  // autocomplete from the search, names of the expected label first
      const list = el("datalist", { id: `suggest-${p.name}` });
      input.setAttribute("list", list.id);
      let timer = null;
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const text = input.value.trim();
          if (text.length < 2) return;
          try {
            const r = await getJSON("/api/search", { q: text, limit: 8 });
            const groups = r.groups.slice().sort((a, b) => (b.label === p.label) - (a.label === p.label));
            list.replaceChildren(...groups.flatMap((g) => g.items).slice(0, 8).map((i) => el("option", { value: i.name })));
          } catch (err) { /* no suggestions */ }
        }, 200);
      });
      label.append(list);
    }
    return label;
  }));
}

async function loadQueries() {
  if (!queryForm) return;
  try {
    savedQueries = await getJSON("/api/queries", {});
    const select = document.getElementById("query-name");
    select.replaceChildren(...savedQueries.map((q) => el("option", { value: q.name }, q.title)));
    select.addEventListener("change", showQueryForm);
    showQueryForm();
  } catch (err) { showError(queryForm, err); }
}

if (queryForm) {
  queryForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const params = {};
    for (const input of queryForm.querySelectorAll("input[data-param]")) {
      if (input.value.trim()) params[input.dataset.param] = input.value.trim();
    }
    const name = document.getElementById("query-name").value;
    try {
      const r = await postJSON("/api/query", { name, params });
      remember();
      addGraph(r);
      showPanel(
        el("h2", { id: "query-title" }, savedQueries.find((q) => q.name === name).title),
        el("p", { className: "meta" }, `${r.rows.length} row(s)${r.cut ? " (cut)" : ""}, ${r.nodes.length} entities drawn`),
        el("table", { id: "query-table" },
          el("thead", {}, el("tr", {}, ...r.columns.map((c) => el("th", {}, c)))),
          el("tbody", {}, ...r.rows.map((row) => el("tr", {}, ...row.map((cell) => el("td", {}, cell)))))));
    } catch (err) { showError(panel, err); }
  });
}

loadQueries();
restore();
measure("first-page", 0);  // from the request of the page to its first frame with the canvas
// A handle for the browser tests, the benchmark and the console (positions of nodes to click).
window.casegraph = { network, nodes, edges, state, expand, showClaim };
