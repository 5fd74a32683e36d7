// casegraph view: every string from the data reaches the page as DOM text (textContent),
// never as HTML, and links only with an http(s) address.
// Only what drawing needs is parsed at start; the panel's details (attributes, sources,
// evidence) are parsed from their own JSON blocks on the first click or hover.
(function () {
  "use strict";
  var t0 = performance.now();
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($("casegraph-data").textContent);
  var tParsed = performance.now();

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function link(url, text) {
    if (typeof url === "string" && /^https?:\/\//i.test(url)) {
      var a = el("a", text || url);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", text || url || "");
  }

  var names = data.names;  // id -> [name, alias, ...]
  var blocks = {};
  function block(id) {  // a details block, parsed once, when first needed
    if (!blocks[id]) blocks[id] = JSON.parse($(id).textContent);
    return blocks[id];
  }
  // The details blocks come after this script in the file, so that the browser need not
  // read them before drawing: anything that shows details waits until the file is read.
  function whenRead(fn) {
    return function () {
      var self = this, args = arguments;
      if (document.readyState !== "loading") return fn.apply(self, args);
      document.addEventListener("DOMContentLoaded", function () { fn.apply(self, args); }, { once: true });
    };
  }
  function nodeInfo(id) { return block("casegraph-nodes").nodeDetails[id]; }
  function edgeInfo(id) { return block("casegraph-edges").edgeDetails[id]; }
  function sourceInfo(key) { return block("casegraph-nodes").sources[key]; }
  function nameOf(id) { return names[id] ? names[id][0] : String(id); }
  var labelOn = {}, typeOn = {};
  data.legend.labels.forEach(function (l) { labelOn[l.label] = true; });
  data.legend.types.forEach(function (t) { typeOn[t.type] = true; });
  var days = data.days, limit = null;  // null: no time limit

  // Most nodes take colour and shape from their label's group (set once in the options).
  var baseColor = {}, groups = data.options.groups || {};
  data.nodes.forEach(function (n) { baseColor[n.id] = n.color || (groups[n.group] || {}).color; });
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var visible = {};
  function nodeOk(n) {
    return labelOn[n.group] !== false && (limit === null || !n.cg_day || n.cg_day <= limit);
  }
  function edgeOk(e) {
    return typeOn[e.cg_type] !== false && visible[e.from] === true && visible[e.to] === true &&
      (limit === null || e.cg_undated || (e.cg_day && e.cg_day <= limit));
  }
  function recompute() {
    visible = {};
    nodes.forEach(function (n) { if (nodeOk(n)) visible[n.id] = true; });
  }
  recompute();
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return visible[n.id] === true; } });
  var edgesView = new vis.DataView(edges, { filter: edgeOk });

  var network = new vis.Network($("network"), { nodes: nodesView, edges: edgesView }, data.options);
  var tNetwork = performance.now();
  var api = window.casegraphView = {
    network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    firstDrawMs: null, scriptMs: null, stabilized: !data.physics, timing: { start: t0, parsed: tParsed, network: tNetwork },
    detailsParsed: function () { return Object.keys(blocks).sort(); },
    shown: function () { return { nodes: nodesView.length, edges: edgesView.length }; }
  };
  network.once("afterDrawing", function () { api.firstDrawMs = performance.now(); });
  network.once("stabilized", function () { api.stabilized = true; });

  function refresh() {
    recompute(); nodesView.refresh(); edgesView.refresh();
    var s = api.shown();
    $("status").textContent = s.nodes + " of " + nodes.length + " entities, " + s.edges + " of " + edges.length + " facts shown";
  }

  // ---- header, legend and filters ----
  var meta = [];
  meta.push(data.counts.nodes + " entities, " + data.counts.edges + " facts");
  if (data.asOf) meta.push("as of " + data.asOf);
  if (data.redacted) meta.push("redacted: people at risk appear under pseudonyms");
  if (!data.physics) meta.push("layout precomputed (physics off)");
  $("meta").textContent = meta.join(" · ");

  function checkbox(container, on, change, parts) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = on;
    box.addEventListener("change", function () { change(box.checked); });
    label.appendChild(box);
    parts.forEach(function (p) { label.appendChild(p); });
    container.appendChild(label);
    return box;
  }
  data.legend.labels.forEach(function (l) {
    var sym = el("span", l.symbol, "sym"); sym.style.color = l.color;
    var box = checkbox($("labels"), true, function (on) { labelOn[l.label] = on; refresh(); },
      [sym, el("span", l.label), el("span", l.count, "count")]);
    box.dataset.label = l.label;
  });
  data.legend.types.forEach(function (t) {
    var line = el("span", null, "line"); line.style.borderColor = t.color;
    var box = checkbox($("types"), true, function (on) { typeOn[t.type] = on; refresh(); },
      [line, el("span", t.type), el("span", t.count, "count")]);
    box.dataset.type = t.type;
  });
  [["dashed outline, pale: collective or generic actor"], ["red dashed edge: sources disagree (⚠ disputed)"],
   ["size: " + data.importance]].forEach(function (k) { $("key").appendChild(el("div", k[0])); });

  // ---- time slider: facts dated after the chosen day are hidden ----
  if (days.length) {
    var slider = $("slider");
    slider.max = String(days.length); slider.value = String(days.length);
    var showDay = function () {
      var i = Number(slider.value);
      limit = i >= days.length ? null : days[i];
      $("day").textContent = limit === null ? "all dates (" + days[0] + " … " + days[days.length - 1] + ")" : limit;
    };
    showDay();
    slider.addEventListener("input", function () { showDay(); refresh(); });
  } else {
    $("time").style.display = "none";
  }
  api.setDay = function (day) { limit = day; refresh(); };
  api.setLabel = function (label, on) {
    labelOn[label] = on;
    var box = document.querySelector('#labels input[data-label="' + CSS.escape(label) + '"]');
    if (box) box.checked = on;
    refresh();
  };
  api.setType = function (type, on) {
    typeOn[type] = on;
    var box = document.querySelector('#types input[data-type="' + CSS.escape(type) + '"]');
    if (box) box.checked = on;
    refresh();
  };

  // ---- highlight: a set of nodes keeps its colours, the rest greys out ----
  var dimmed = false;
  function highlight(keep) {
    var updates = [];
    if (keep === null) {
      if (!dimmed) return;
      nodes.forEach(function (n) { updates.push({ id: n.id, color: baseColor[n.id], font: { color: "#343434" } }); });
      nodes.update(updates); dimmed = false;
      return;
    }
    nodes.forEach(function (n) {
      var on = keep[n.id] === true;
      updates.push({ id: n.id, color: on ? baseColor[n.id] : { background: "#e4e4e4", border: "#d0d0d0" },
                     font: { color: on ? "#111111" : "#c8c8c8" } });
    });
    nodes.update(updates); dimmed = true;
  }
  function neighbourhood(id) {
    var keep = {}; keep[id] = true;
    network.getConnectedNodes(id).forEach(function (n) { keep[n] = true; });
    return keep;
  }

  // ---- search by name or alias, in any script, accents ignored ----
  var index = [];
  Object.keys(names).forEach(function (id) {
    names[id].forEach(function (s, i) { index.push([norm(s), id, i === 0 ? null : s]); });
  });
  // Best matches first: the whole name, then its start, then the start of a word, then anywhere.
  function search(q) {
    var best = {}, found = [];
    q = norm(q.trim());
    if (!q) return found;
    index.forEach(function (e) {
      var at = e[0].indexOf(q);
      if (at < 0 || !visible[e[1]]) return;
      var score = e[0] === q ? 0 : at === 0 ? 1 : /[\s\-'’(]/.test(e[0].charAt(at - 1)) ? 2 : 3;
      var rank = [score, e[0].length];
      var had = best[e[1]];
      if (!had || rank[0] < had[0][0] || (rank[0] === had[0][0] && rank[1] < had[0][1])) best[e[1]] = [rank, e[2]];
    });
    Object.keys(best).forEach(function (id) { found.push([id, best[id][1], best[id][0]]); });
    found.sort(function (a, b) { return a[2][0] - b[2][0] || a[2][1] - b[2][1] || (a[0] < b[0] ? -1 : 1); });
    return found;
  }
  function showResults(q) {
    var list = $("results"), found = search(q), keep = {};
    list.textContent = "";
    found.slice(0, 50).forEach(function (f) {
      var li = el("li"), b = el("button", nameOf(f[0]));
      if (f[1]) { b.appendChild(el("span", " (" + f[1] + ")", "alias")); }
      b.dataset.node = f[0];
      b.addEventListener("click", function () { select(f[0]); });
      li.appendChild(b); list.appendChild(li);
    });
    if (found.length > 50) list.appendChild(el("li", "… " + (found.length - 50) + " more", "alias"));
    found.forEach(function (f) { keep[f[0]] = true; });
    highlight(q.trim() ? keep : null);
    return found.map(function (f) { return f[0]; });
  }
  $("search").addEventListener("input", function () { showResults(this.value); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var f = search(this.value); if (f.length) select(f[0][0]); }
  });
  api.search = function (q) { $("search").value = q; return showResults(q); };

  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    highlight(neighbourhood(id));
    showNode(id);
  }
  api.select = select;

  // ---- the side panel ----
  var panel = $("panel");
  function row(dl, term, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", term));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
    dl.appendChild(dd);
  }
  function sourceLine(key) {
    var s = sourceInfo(key) || { title: key };
    var span = el("span");
    span.appendChild(link(s.url, s.title || key));
    var extra = [s.publisher, s.published].filter(Boolean).join(", ");
    if (extra) span.appendChild(el("span", " (" + extra + ")"));
    return span;
  }
  var showNode = whenRead(function (id) {
    var d = nodeInfo(id);
    panel.textContent = "";
    panel.appendChild(el("h2", d.label));
    panel.appendChild(el("h3", d.name));
    var dl = el("dl");
    row(dl, "aliases", d.aliases);
    if (d.generic) row(dl, "kind", "collective or generic actor");
    if (d.redacted) row(dl, "name", "pseudonym: a person at risk");
    else if (d.sensitive) row(dl, "at risk", "marked sensitive: use --redact before sharing");
    d.props.forEach(function (p) { row(dl, p[0], p[1]); });
    row(dl, "facts", String(network.getConnectedEdges(id).length));
    panel.appendChild(dl);
    panel.appendChild(el("h2", "Mentioned by"));
    var ul = el("ul");
    d.sources.forEach(function (k) { var li = el("li"); li.appendChild(sourceLine(k)); ul.appendChild(li); });
    panel.appendChild(ul);
  });
  function endpoints(e) {
    return nameOf(e.from) + " → " + nameOf(e.to);
  }
  var showEdge = whenRead(function (id) {
    var d = edgeInfo(id), e = edges.get(id);
    panel.textContent = "";
    panel.appendChild(el("h2", d.type));
    panel.appendChild(el("h3", endpoints(e)));
    var dl = el("dl");
    d.quals.forEach(function (q) { row(dl, q[0], q[1]); });
    row(dl, "when", d.when);
    if (d.disputed.length) row(dl, "disputed", el("span", "sources disagree on " + d.disputed.join(", "), "disputed"));
    if (d.undated) row(dl, "dated", "no source gives a date");
    panel.appendChild(dl);
    panel.appendChild(el("h2", d.evidence.length === 1 ? "Evidence" : d.evidence.length + " pieces of evidence"));
    d.evidence.forEach(function (ev) {
      var box = el("div", null, "ev"), edl = el("dl");
      row(edl, "source", sourceLine(ev.source));
      row(edl, "said by", ev.speaker);
      row(edl, "date", ev.date || [ev.start, ev.end].filter(Boolean).join(" – "));
      row(edl, "confidence", ev.confidence);
      box.appendChild(edl);
      box.appendChild(el("blockquote", "“" + ev.quote + "”"));
      panel.appendChild(box);
    });
  });
  api.showNode = showNode; api.showEdge = showEdge;
  network.on("click", function (p) {
    if (p.nodes.length) { highlight(neighbourhood(p.nodes[0])); showNode(p.nodes[0]); }
    else if (p.edges.length) { highlight(null); showEdge(p.edges[0]); }
    else { highlight(null); }
  });

  // ---- tooltips (text only) ----
  var tip = $("tip");
  function showTip(pointer, lines) {
    tip.textContent = lines.filter(Boolean).join("\n");
    tip.style.left = (pointer.x + 14) + "px"; tip.style.top = (pointer.y + 14) + "px";
    tip.style.display = "block";
  }
  network.on("hoverNode", whenRead(function (p) {
    var d = nodeInfo(p.node);
    showTip(p.pointer.DOM, [d.name + " · " + d.label, d.aliases.length ? "aka " + d.aliases.join(", ") : "",
      d.generic ? "collective or generic actor" : "", d.sources.length + " source(s): " +
      d.sources.slice(0, 3).map(function (k) { return (sourceInfo(k) || { title: k }).title; }).join("; ")]);
  }));
  network.on("hoverEdge", whenRead(function (p) {
    var d = edgeInfo(p.edge), e = edges.get(p.edge), first = d.evidence[0];
    showTip(p.pointer.DOM, [d.caption, endpoints(e), first ? "“" + first.quote + "”" : "",
      d.evidence.length > 1 ? "+ " + (d.evidence.length - 1) + " more (click)" : "click for evidence"]);
  }));
  network.on("blurNode", function () { tip.style.display = "none"; });
  network.on("blurEdge", function () { tip.style.display = "none"; });
  network.on("dragStart", function () { tip.style.display = "none"; });

  refresh();
  api.scriptMs = performance.now() - t0;
})();
