// The draft review page: the article with highlights beside the draft's items.
// Every data string reaches the page as a text node (textContent, createTextNode,
// option.text); nothing is ever parsed as HTML. Every change is one POST to
// /api/review/edit with the digest of the file this page shows.
"use strict";

const CSRF = document.querySelector('meta[name="csrf-token"]').content;
const NAME = document.getElementById("review").dataset.name;
const $ = (id) => document.getElementById(id);

const review = {
  state: null,      // the last draft state from the server
  current: -1,      // index into items()
  selection: null,  // {start, end, text} in code points of the article
  editing: null,    // the index of the claim the claim form edits, or null when it adds
  corpus: null,     // the draft's doubtful matches with the loaded graph (null until they come)
};
window.casegraphReview = review;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function names() {
  const out = {};
  for (const e of review.state.entities) out[e.key] = e;
  return out;
}

// The items the keys walk through: doubtful matches, claims, then the matches with the loaded
// graph (last: they arrive after the page, and must not shift the others' places).
function items() {
  const s = review.state;
  return [...s.candidates.map((c, i) => ({ kind: "candidate", index: i, item: c })),
          ...s.claims.map((c, i) => ({ kind: "claim", index: i, item: c })),
          ...(review.corpus || []).map((c, i) => ({ kind: "corpus", index: i, item: c }))];
}

function say(text, problems) {
  $("message").textContent = text || "";
  const list = $("problems");
  list.replaceChildren(...(problems || []).map((p) => el("li", {}, p)));
}

async function post(path, body) {
  const resp = await fetch(path, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": CSRF, Accept: "application/json" },
    body: JSON.stringify(body),
  });
  let data;
  try { data = await resp.json(); } catch (e) { data = { error: `${resp.status} ${resp.statusText}` }; }
  return { ok: resp.ok, status: resp.status, data };
}

async function edit(change) {
  const { ok, data } = await post("/api/review/edit", { name: NAME, digest: review.state.digest, edit: change });
  if (!ok) {
    say(data.error, data.problems || [data.error]);
    return false;
  }
  const keep = review.current;
  show(data);
  review.current = Math.min(keep, items().length - 1);
  mark();
  say(`Saved: ${data.done}.`, []);
  loadCorpus();  // a merge or a new entity changes what the corpus may hold
  return true;
}

// -- the corpus: doubtful identity matches with the loaded graph, from the one resolver -----
async function loadCorpus() {
  const resp = await fetch(`/api/review/corpus?name=${encodeURIComponent(NAME)}`, { credentials: "same-origin" });
  let data;
  try { data = await resp.json(); } catch (e) { data = { error: `${resp.status} ${resp.statusText}` }; }
  if (!resp.ok) { $("corpus-note").textContent = data.error; return; }
  review.corpus = data.candidates;
  $("corpus-note").textContent = data.candidates.length ? "" : "No doubtful match with the loaded graph.";
  $("corpus-candidates").replaceChildren(...data.candidates.map((c, i) => el("li", { class: "item corpus-candidate", "data-kind": "corpus", "data-index": i, "data-entity": c.entity, "data-same-as": c.same_as },
    el("span", {}, `Is “${c.mention}” (${c.entity}) the same as ${c.same_as_name} (${c.same_as}) of the loaded graph? `),
    el("span", { class: "score" }, `score ${c.score}`), " ",
    el("em", { class: "reason" }, c.reason),
    c.sources.length ? el("span", { class: "sources" }, ` · in ${c.sources.join(", ")}`) : "", " ",
    el("button", { type: "button", class: "same", onclick: () => edit({ op: "corpus_same", entity: c.entity, same_as: c.same_as }) }, "same"),
    el("button", { type: "button", class: "different", onclick: () => edit({ op: "corpus_different", entity: c.entity, same_as: c.same_as }) }, "different"))));
  mark();
  document.body.dataset.corpus = "yes";
}

// -- the article ---------------------------------------------------------------------------
function renderArticle() {
  const s = review.state;
  const art = $("article");
  $("article-note").hidden = !s.note;
  $("article-note").textContent = s.note || "";
  if (s.text === null) { art.replaceChildren(); return; }
  const chars = Array.from(s.text);  // offsets are code points, as in Python
  const cuts = new Set([0, chars.length]);
  for (const [a, b] of s.mentions) { cuts.add(a); cuts.add(b); }
  s.claims.forEach((c) => { if (c.span) { cuts.add(c.span[0]); cuts.add(c.span[1]); } });
  const points = [...cuts].filter((x) => x >= 0 && x <= chars.length).sort((x, y) => x - y);
  const ents = names();
  const parts = [];
  let m = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const span = el("span", { "data-start": a }, chars.slice(a, b).join(""));
    while (m < s.mentions.length && s.mentions[m][1] <= a) m++;
    const mention = m < s.mentions.length && s.mentions[m][0] <= a && s.mentions[m][1] >= b ? s.mentions[m] : null;
    if (mention) {
      const e = ents[mention[2]];
      span.classList.add("mention", `lab-${e ? e.label : "x"}`);
      span.dataset.key = mention[2];
      span.title = `${e ? e.name : mention[2]} (${e ? e.label : "?"})`;
    }
    const quoted = [];
    s.claims.forEach((c, ci) => { if (c.span && c.span[0] <= a && c.span[1] >= b) quoted.push(ci); });
    if (quoted.length) {
      span.classList.add("quote");
      span.dataset.claims = quoted.join(" ");
    }
    parts.push(span);
  }
  art.replaceChildren(...parts);
}

// The selection inside the article, in code points (the server checks it against the text).
function readSelection() {
  const sel = window.getSelection();
  const art = $("article");
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!art.contains(range.startContainer) || !art.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(art, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = Array.from(before.toString()).length;
  const text = range.toString();
  return { start, end: start + Array.from(text).length, text };
}

function takeSelection(onlyNew) {
  const got = readSelection();
  if (!got) return false;
  const had = review.selection;
  // A click in a menu leaves the article's selection as it was: keep what the user chose since.
  if (onlyNew && had && had.start === got.start && had.end === got.end) return true;
  review.selection = got;
  $("selection").textContent = got.text;
  const words = (got.text.match(/[\p{L}\p{N}]+/gu) || []).length;
  const limit = review.state.menus.max_quote_words;
  $("selection-words").textContent = `(${words} words; a quote is at most ${limit})`;
  $("entity-name").value = got.text.trim().replace(/\s+/g, " ");
  // Entities mentioned inside the selection, in order: the likely subject and object.
  const seen = [];
  for (const [a, b, key] of review.state.mentions) {
    if (a >= got.start && b <= got.end && !seen.includes(key)) seen.push(key);
  }
  if (review.editing !== null) return true;  // an edit keeps the claim's own subject and object
  if (seen[0]) $("claim-subject").value = seen[0];
  if (seen[1]) $("claim-object").value = seen[1];
  fillPredicates();
  return true;
}

// -- the side panel ------------------------------------------------------------------------
function label(key) {
  const e = names()[key];
  return e ? `${e.name} (${e.label})` : key;
}

function renderLists() {
  const s = review.state;
  $("title").textContent = s.source.title || s.name;
  $("status").textContent = s.status;
  $("open").textContent = String(s.open);
  $("mark-reviewed").disabled = s.open > 0 || s.status === "reviewed";
  $("load").disabled = s.status !== "reviewed";
  $("candidates").replaceChildren(...s.candidates.map((c, i) => el("li", { class: `item decision-${c.decision || "pending"}`, "data-kind": "candidate", "data-index": i },
    el("span", {}, `Is “${c.mention || c.entity}” (${c.entity}) the same as ${c.same_as_name || label(c.same_as)}? `),
    el("em", {}, c.reason ? `${c.reason} ` : ""),
    el("b", { class: "decision" }, c.decision || "pending"), " ",
    ...((c.decision || "pending") === "pending" ? [
      el("button", { type: "button", class: "same", onclick: () => edit({ op: "same", index: i }) }, "same (a)"),
      el("button", { type: "button", class: "different", onclick: () => edit({ op: "different", index: i }) }, "different (r)")] : []))));
  $("claims").replaceChildren(...s.claims.map((c, i) => el("li", { class: `item review-${c.review || "none"}`, "data-kind": "claim", "data-index": i },
    el("span", { class: "triple" }, `${label(c.subject)} ${c.predicate} ${label(c.object)}`),
    c.asserted_by ? el("span", { class: "speaker" }, ` according to ${label(c.asserted_by)}`) : "",
    el("blockquote", {}, c.quote),
    el("span", { class: "review" }, c.review ? `${c.review}` : "kept"),
    c.confidence !== undefined ? el("span", {}, ` · confidence ${c.confidence}`) : "", " ",
    el("button", { type: "button", class: "accept", onclick: () => edit({ op: "accept", index: i }) }, "accept (a)"),
    el("button", { type: "button", class: "reject", onclick: () => edit({ op: "reject", index: i }) }, "reject (r)"),
    el("button", { type: "button", class: "requote", onclick: () => requote(i) }, "quote = selection (q)"),
    el("button", { type: "button", class: "edit-claim", onclick: () => startEdit(i) }, "edit (x)"))));
  $("entities").replaceChildren(...s.entities.map((e) => el("li", { class: `entity lab-${e.label}`, "data-key": e.key },
    el("b", {}, e.name), ` ${e.label} · ${e.key}`, e.sensitive ? " · sensitive" : "", e.generic ? " · generic" : "",
    e.aliases && e.aliases.length ? ` · also ${e.aliases.join(", ")}` : "")));
}

function options(select, values, placeholder) {
  const keep = select.value;
  select.replaceChildren(el("option", { value: "" }, placeholder),
    ...values.map(([v, text]) => el("option", { value: v }, text)));
  if (values.some(([v]) => v === keep)) select.value = keep;
}

function entityOptions(allowed) {
  return review.state.entities.filter((e) => !allowed || allowed.includes(e.label)).map((e) => [e.key, `${e.name} (${e.label})`]);
}

// Predicates the ontology allows between the chosen subject's and object's labels.
function fillPredicates() {
  const ents = names();
  const subj = ents[$("claim-subject").value], obj = ents[$("claim-object").value];
  const preds = Object.entries(review.state.menus.predicates)
    .filter(([, r]) => (!subj || r.from.includes(subj.label)) && (!obj || r.to.includes(obj.label)))
    .map(([p]) => [p, p]);
  options($("claim-predicate"), preds, "(predicate)");
  fillQualifiers();
}

function fillObjects() {
  const rel = review.state.menus.predicates[$("claim-predicate").value];
  options($("claim-object"), entityOptions(rel ? rel.to : null), "(object)");
  fillQualifiers();
}

// The qualifiers the chosen predicate declares: a menu for an enum or an entity, else a text field.
function fillQualifiers() {
  const rel = review.state.menus.predicates[$("claim-predicate").value];
  const box = $("claim-qualifiers");
  const keep = {};
  box.querySelectorAll("[data-qualifier]").forEach((n) => { if (n.value) keep[n.dataset.qualifier] = n.value; });
  box.replaceChildren(...Object.entries(rel ? rel.qualifiers : {}).map(([q, values]) => {
    const type = rel.types ? rel.types[q] : "string";
    let node;
    if (type === "entity") {
      node = el("select", { "data-qualifier": q, title: q }, el("option", { value: "" }, `(${q})`),
        ...entityOptions(rel.entity_labels[q]).map(([v, text]) => el("option", { value: v }, text)));
    } else if (values.length) {
      node = el("select", { "data-qualifier": q, title: q }, el("option", { value: "" }, `(${q})`), ...values.map((v) => el("option", { value: v }, v)));
    } else {
      node = el("input", { "data-qualifier": q, title: q, placeholder: type === "date" ? `${q} (YYYY-MM-DD)` : q, size: 10 });
    }
    if (keep[q]) node.value = keep[q];
    return node;
  }));
}

function renderForms() {
  const s = review.state;
  options($("claim-subject"), entityOptions(null), "(subject)");
  options($("claim-object"), entityOptions(null), "(object)");
  options($("claim-speaker"), entityOptions(s.menus.speakers), "(according to: nobody named)");
  options($("entity-label"), s.menus.labels.map((l) => [l, l]), "(label)");
  fillPredicates();
  const off = s.text === null;
  $("entity-save").disabled = off;
  $("claim-save").disabled = off && review.editing === null;  // an edit keeps the quote: no article needed
}

function show(state) {
  review.state = state;
  renderArticle();
  renderLists();
  renderForms();
}

// -- walking the items ---------------------------------------------------------------------
function mark() {
  document.querySelectorAll(".item.current, #article .current").forEach((n) => n.classList.remove("current"));
  const it = items()[review.current];
  if (!it) return;
  const node = document.querySelector(`.item[data-kind="${it.kind}"][data-index="${it.index}"]`);
  if (node) { node.classList.add("current"); node.scrollIntoView({ block: "nearest" }); }
  if (it.kind === "claim") {
    document.querySelectorAll("#article .quote").forEach((n) => {
      if (n.dataset.claims.split(" ").includes(String(it.index))) n.classList.add("current");
    });
    const first = document.querySelector("#article .quote.current");
    if (first) first.scrollIntoView({ block: "nearest" });
  }
}

function step(by) {
  const all = items();
  if (!all.length) return;
  // Next goes to the next pending item if there is one, else simply the next item.
  const pending = (it) => (it.kind === "claim" ? it.item.review === "pending" : (it.item.decision || "pending") === "pending");  // a corpus match is pending while listed
  for (let k = 1; k <= all.length; k++) {
    const i = (review.current + by * k + all.length * k) % all.length;
    if (pending(all[i])) { review.current = i; mark(); return; }
  }
  review.current = Math.max(0, Math.min(all.length - 1, review.current + by));
  mark();
}

function decide(yes) {
  const it = items()[review.current];
  if (!it) { say("Pick an item first (j: next)."); return; }
  if (it.kind === "claim") edit({ op: yes ? "accept" : "reject", index: it.index });
  else if (it.kind === "corpus") edit({ op: yes ? "corpus_same" : "corpus_different", entity: it.item.entity, same_as: it.item.same_as });
  else edit({ op: yes ? "same" : "different", index: it.index });
}

function requote(index) {
  takeSelection(true);
  if (!review.selection) { say("Select the new quote in the article first."); return; }
  edit({ op: "requote", index, ...review.selection });
}

// -- editing a claim beyond its quote: the claim form, filled with the claim -----------------
function startEdit(index) {
  const c = review.state.claims[index];
  if (!c) return;
  review.editing = index;
  renderForms();
  $("claim-subject").value = c.subject;
  $("claim-object").value = c.object;
  $("claim-speaker").value = c.asserted_by || "";
  fillPredicates();
  $("claim-predicate").value = c.predicate;
  $("claim-qualifiers").replaceChildren();
  fillObjects();  // the object menu holds what the predicate takes, as when adding
  document.querySelectorAll("#claim-qualifiers [data-qualifier]").forEach((n) => {
    const v = c[n.dataset.qualifier];
    if (v !== undefined && v !== null) n.value = String(v);
  });
  $("claim-mode").textContent = `Editing claim ${index + 1}: ${label(c.subject)} ${c.predicate} ${label(c.object)}`;
  $("claim-save").textContent = "Save claim";
  $("claim-cancel").hidden = false;
  $("claim-predicate").focus();
}

function stopEdit() {
  if (review.editing === null) return;
  review.editing = null;
  $("claim-mode").textContent = "";
  $("claim-save").textContent = "Add claim";
  $("claim-cancel").hidden = true;
  renderForms();
}

// -- saving the forms ----------------------------------------------------------------------
function qualifierValues() {
  const qualifiers = {};
  document.querySelectorAll("#claim-qualifiers [data-qualifier]").forEach((n) => { if (n.value) qualifiers[n.dataset.qualifier] = n.value; });
  return qualifiers;
}

async function addClaim(event) {
  event.preventDefault();
  const qualifiers = qualifierValues();
  if (review.editing !== null) {
    const index = review.editing;
    const ok = await edit({
      op: "edit_claim", index, subject: $("claim-subject").value, predicate: $("claim-predicate").value,
      object: $("claim-object").value, asserted_by: $("claim-speaker").value || null, qualifiers,
    });
    if (ok) stopEdit();
    return;
  }
  if (!review.selection) { say("Select the quote in the article first."); return; }
  const ok = await edit({
    op: "add_claim", ...review.selection, subject: $("claim-subject").value, predicate: $("claim-predicate").value,
    object: $("claim-object").value, asserted_by: $("claim-speaker").value || null, qualifiers,
  });
  if (ok) { review.selection = null; $("selection").textContent = ""; $("selection-words").textContent = ""; }
}

async function addEntity(event) {
  event.preventDefault();
  const aliases = $("entity-aliases").value.split(";").map((a) => a.trim()).filter((a) => a);
  const body = { op: "add_entity", label: $("entity-label").value, name: $("entity-name").value, aliases,
                 sensitive: $("entity-sensitive").checked, generic: $("entity-generic").checked };
  if (review.selection) Object.assign(body, { start: review.selection.start, end: review.selection.end, text: review.selection.text });
  if (await edit(body)) {
    $("entity-sensitive").checked = false; $("entity-generic").checked = false; $("entity-aliases").value = "";
  }
}

async function load() {
  const { ok, data } = await post("/api/review/load", { name: NAME });
  if (!ok) { say(data.error, [data.error]); return; }
  const kinds = ["sources", "entities", "mentions", "claims", "evidence"];
  const table = el("table", { id: "load-table" },
    el("tr", {}, el("th", {}, "loaded"), ...kinds.map((k) => el("th", {}, k))),
    ...["created", "updated", "removed", "unchanged"].map((w) => el("tr", { "data-what": w }, el("th", {}, w),
      ...kinds.map((k) => el("td", { "data-kind": k }, String(data[w][k]))))));
  $("load-result").replaceChildren(table);
  say(`Loaded ${data.loaded}.`, []);
}

function typing(target) {
  return target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || !review.state) return;
  if (event.key === "Escape") { stopEdit(); document.activeElement.blur(); return; }
  if (typing(event.target)) return;
  const k = event.key;
  if (k === "a") decide(true);
  else if (k === "r") decide(false);
  else if (k === "q") {
    const it = items()[review.current];
    if (it && it.kind === "claim") requote(it.index); else say("Pick a claim first (j: next).");
  } else if (k === "x") {
    const it = items()[review.current];
    if (it && it.kind === "claim") { event.preventDefault(); startEdit(it.index); } else say("Pick a claim first (j: next).");
  } else if (k === "j" || k === "n") step(1);
  else if (k === "k" || k === "p") step(-1);
  else if (k === "c" || k === "e") {
    if (!takeSelection(true) && !review.selection) { say("Select text in the article first."); return; }
    event.preventDefault();
    $(k === "c" ? "claim-predicate" : "entity-label").focus();
  } else return;
});

document.addEventListener("mouseup", () => { if (review.state) takeSelection(true); });
document.addEventListener("keyup", (event) => { if (review.state && event.shiftKey) takeSelection(true); });
$("claim-subject").addEventListener("change", fillPredicates);
$("claim-object").addEventListener("change", fillPredicates);
$("claim-predicate").addEventListener("change", fillObjects);
$("claim-form").addEventListener("submit", addClaim);
$("entity-form").addEventListener("submit", addEntity);
$("claim-cancel").addEventListener("click", stopEdit);
$("mark-reviewed").addEventListener("click", () => edit({ op: "mark_reviewed" }));
$("load").addEventListener("click", load);
document.querySelectorAll("#claims, #candidates, #corpus-candidates").forEach((list) => list.addEventListener("click", (event) => {
  const li = event.target.closest(".item");
  if (!li) return;
  review.current = items().findIndex((it) => it.kind === li.dataset.kind && String(it.index) === li.dataset.index);
  mark();
}));

(async () => {
  const resp = await fetch(`/api/review/draft?name=${encodeURIComponent(NAME)}`, { credentials: "same-origin" });
  const data = await resp.json();
  if (!resp.ok) { say(data.error, [data.error]); return; }
  show(data);
  step(1);
  document.body.dataset.ready = "yes";
  loadCorpus();
})();
