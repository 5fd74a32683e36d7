"""Write a graph as one self-contained, offline, safe HTML file (pyvis + vis-network).

pyvis builds the network (its node, edge and option objects); the page comes from
our own template (``template.html`` + ``view.js``) because pyvis's templates fetch
Bootstrap and tom-select from CDNs and insert titles as HTML. vis-network is inlined
from the copy that ships inside the pyvis package, so the file needs no network.

Safety: every data string travels as JSON inside ``<script type="application/json">``
(with ``<``, ``>``, ``&`` and U+2028/9 escaped) and is put on the page as DOM text;
the heading is HTML-escaped. A Content-Security-Policy lets only the two inline
scripts of the file run (by hash) and lets the page fetch nothing.

Speed: the page parses at start only what drawing, search, filters and the slider
need (:data:`STARTUP_KEYS`); the panel's details (attributes, sources, every piece of
evidence) sit in two more JSON blocks that the page parses on the first click or
hover of a node or an edge (:data:`DETAIL_BLOCKS`).

Small graphs get physics (started from a seeded layout); above
:data:`PHYSICS_MAX_NODES` entities the layout is computed in Python and physics is off.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.build import MENTIONS
from graph.errors import CasegraphError, writing
from graph.ontology import Ontology, default_ontology
from graph.redact import Redactor, exit_graph, require_exit_graph
from graph.subgraph import evidence_day, select
from graph.views import layout, style

__all__ = ["ViewSummary", "view_payload", "render_html", "write_html", "write_view", "vis_assets",
           "DEFAULT_MAX_NODES", "PHYSICS_MAX_NODES", "EDGE_LABELS_MAX", "IMPORTANCE", "DETAIL_BLOCKS"]

DEFAULT_MAX_NODES = 10_000  # more entities than this is a picture nobody can read: narrow it first
PHYSICS_MAX_NODES = 300  # above this, browser physics takes too long to settle (pyvis defaults: 33 s at 500)
EDGE_LABELS_MAX = 1_000  # above this many edges, captions move to the tooltip (drawing them costs seconds)
_NAME_MAX = 48  # characters of a name drawn on the canvas (the panel shows it whole)
_HERE = Path(__file__).resolve().parent
# Data parsed on demand, by block id: the panel's details. Everything else of the payload
# is the start-up block (casegraph-data), parsed before the first drawing.
DETAIL_BLOCKS = {"casegraph-nodes": ("nodeDetails", "sources"), "casegraph-edges": ("edgeDetails",)}
_VIS_DIR = ("templates", "lib", "vis-9.1.2")


@dataclass(frozen=True)
class ViewSummary:
    """What :func:`write_html` wrote."""

    path: Path
    nodes: int
    edges: int
    physics: bool
    redacted: bool
    bytes: int
    seconds: float


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, from the copy inside the installed pyvis package."""
    import pyvis

    folder = Path(pyvis.__file__).resolve().parent.joinpath(*_VIS_DIR)
    try:
        return (folder / "vis-network.min.js").read_text("utf-8"), (folder / "vis-network.css").read_text("utf-8")
    except OSError as exc:
        raise CasegraphError(f"vis-network is missing from the pyvis package ({folder}): {exc.strerror}") from None


@lru_cache(maxsize=1)
def _template() -> tuple[str, str]:
    return (_HERE / "template.html").read_text("utf-8"), (_HERE / "view.js").read_text("utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no tag, entity or JS line break can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _short(name: str) -> str:
    return name if len(name) <= _NAME_MAX else name[:_NAME_MAX - 1] + "…"


IMPORTANCE = ("degree", "betweenness")


def _importance(g: nx.MultiDiGraph, claims: list[tuple[Any, Any, Any, dict[str, Any]]], measure: str,
                seed: int) -> tuple[dict[Any, float], str]:
    """Node importance for sizing, on the scale of a degree, and how it was measured."""
    degree: dict[Any, float] = {n: 0.0 for n in g}
    for u, v, _, _ in claims:
        degree[u] += 1
        degree[v] += 1
    if measure == "degree":
        return degree, "number of facts (degree)"
    if measure != "betweenness":
        raise CasegraphError(f"unknown importance measure '{measure}' (known: {', '.join(IMPORTANCE)})")
    from graph.analysis.measures import betweenness
    from graph.analysis.projection import entity_graph

    result = betweenness(entity_graph(g), seed=seed)
    top = max((r["betweenness"] for r in result["ranking"]), default=0.0) or 1.0
    # The broker with the highest score is drawn as large as a node with 64 facts.
    sized = {r["key"]: 64.0 * r["betweenness"] / top for r in result["ranking"]}
    how = "exact" if result["method"] == "exact" else f"sampled, ±{result['error_bound']:.2f}"
    return {n: sized.get(n, 0.0) for n in g}, f"betweenness: brokers between groups ({how})"


def view_payload(g: nx.MultiDiGraph, *, heading: str = "casegraph view", context: nx.MultiDiGraph | None = None,
                 as_of: str | None = None, seed: int = 0, ontology: Ontology | None = None,
                 physics_max: int = PHYSICS_MAX_NODES, importance: str = "degree") -> dict[str, Any]:
    """The data of a view, as plain JSON-ready values (nodes, edges and options for vis-network).

    ``g`` holds what is drawn: its entities and claim edges (sources are shown as
    evidence, not as nodes). ``context`` is the graph ``g`` was cut from: source
    titles and speakers' names are looked up there.
    """
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    onto = ontology or default_ontology()
    context = g if context is None else context
    styles = style.label_styles(onto)
    colors = style.type_colors(onto)
    mark = require_exit_graph(g, "the view writer")

    entities = [n for n, d in g.nodes(data=True) if d.get("node_kind", "entity") == "entity"]
    drawn = set(entities)
    claims = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
              if d.get("type") != MENTIONS and u in drawn and v in drawn]
    sizes, importance_text = _importance(g, claims, importance, seed)
    physics = len(entities) <= physics_max
    drawing = nx.Graph()
    drawing.add_nodes_from(entities)  # isolated entities get a place too
    drawing.add_edges_from((u, v) for u, v, _, _ in claims)
    pos = layout.positions(drawing, seed=seed)

    net = Network(height="100%", width="100%", directed=True, cdn_resources="remote")
    node_details: dict[str, Any] = {}
    names: dict[str, list[str]] = {}  # for search, results and panel headings: name first, then aliases
    days: set[str] = set()
    label_counts: dict[str, int] = {}
    for n in entities:
        d = g.nodes[n]
        label = str(d.get("label") or "")
        label_counts[label] = label_counts.get(label, 0) + 1
        opts = style.node_options(d, styles, sizes.get(n, 0.0))
        name = str(d.get("name") or n)
        day = evidence_day({"date": d.get("date")}) if d.get("date") else None
        if day:
            days.add(day)
        x, y = pos[n]
        extra = {"cg_day": day} if day else {}  # absent means undated: less to parse at start
        node = Node(str(n), opts.pop("shape", None), label=_short(name), x=x, y=y, **extra, **opts).options
        if node.get("shape") is None:
            del node["shape"]  # the group's (pyvis always sets one)
        net.nodes.append(node)  # pyvis's add_node scans its id list on every call: O(n²) for 10,000 nodes
        net.node_ids.append(str(n))
        props = [[p, _text(d[p])] for p in (onto.labels[label].properties if label in onto.labels else ())
                 if d.get(p) not in (None, "", [])]
        aliases = [str(a) for a in d.get("aliases") or []]
        names[str(n)] = [name, *aliases]
        node_details[str(n)] = {
            "name": name, "label": label, "aliases": aliases,
            "generic": bool(d.get("generic")), "sensitive": bool(d.get("sensitive")),
            "redacted": bool(d.get("redacted")), "props": props,
            "sources": [str(s) for s in d.get("sources") or []],
        }

    edge_details: dict[str, Any] = {}
    type_counts: dict[str, int] = {}
    labelled = physics or len(claims) <= EDGE_LABELS_MAX
    for u, v, k, d in claims:
        rtype = str(d.get("type") or "")
        type_counts[rtype] = type_counts.get(rtype, 0) + 1
        quals = tuple(onto.relationships[rtype].key) if rtype in onto.relationships else ()
        caption = style.edge_caption(d, quals)
        evidence = list(d.get("evidence") or [])
        ev_days = [day for day in (evidence_day(e) for e in evidence) if day]
        first = min(ev_days) if ev_days else None
        undated = len(ev_days) < len(evidence) or not evidence
        if first:
            days.add(first)
        eid = str(k)
        while eid in edge_details:  # claim ids are unique; keep any odd input drawable anyway
            eid += "'"
        opts = style.edge_options(d, colors)
        if labelled:
            opts["label"] = caption
        if first:
            opts["cg_day"] = first
        if undated:
            opts["cg_undated"] = True
        # Not directed here: the arrow is set once for all edges in the options.
        net.edges.append(Edge(str(u), str(v), False, id=eid, cg_type=rtype, **opts).options)
        quals_spec = onto.qualifiers(rtype) if rtype in onto.relationships else {}
        edge_details[eid] = {
            "type": rtype, "caption": caption,
            "quals": [[q, _text(d[q])] for q in quals_spec if q not in ("date", "start", "end") and d.get(q) not in (None, "")],
            "when": d.get("date") or " – ".join(str(d[x]) for x in ("start", "end") if d.get(x)) or "",
            "disputed": [str(x) for x in d.get("disputed") or []], "undated": not ev_days,
            "evidence": [_evidence(e, context) for e in evidence],
        }

    sources = {}
    wanted = {s for det in node_details.values() for s in det["sources"]}
    wanted |= {e["source"] for det in edge_details.values() for e in det["evidence"]}
    for key in sorted(wanted):
        d = context.nodes[key] if key in context else {}
        sources[key] = {"title": str(d.get("name") or key), "url": str(d.get("url") or ""),
                        "publisher": str(d.get("publisher") or ""), "published": str(d.get("published") or "")}

    net.toggle_physics(physics)
    options = json.loads(net.options.to_json())
    options["physics"]["stabilization"].update(iterations=50, updateInterval=25)  # it starts from the seeded layout
    options["physics"]["barnesHut"] = {"gravitationalConstant": -2500, "centralGravity": 0.4, "springLength": 110, "avoidOverlap": 0.1}
    options["layout"] = {"improvedLayout": False}  # positions are given; vis's own is slow past 100 nodes
    options["interaction"].update(hover=True, tooltipDelay=150, hideEdgesOnDrag=not physics, navigationButtons=False,
                                  keyboard={"enabled": True, "bindToWindow": False})
    options["edges"] = {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                        "font": {"size": 11, "align": "middle", "strokeWidth": 3, "color": "#333333"},
                        "smooth": {"enabled": True, "type": "dynamic"} if physics else {"enabled": False},
                        "selectionWidth": 2, "width": style.EDGE_WIDTH}
    options["nodes"] = {"font": {"size": 14, "color": "#343434"}, "borderWidth": 1}
    options["groups"] = style.node_groups(styles)
    if not physics:  # redrawing every edge at each step of a zoom makes it stutter
        options["interaction"]["hideEdgesOnZoom"] = True

    return {
        "heading": heading, "asOf": as_of, "redacted": bool(mark.get("redacted")), "physics": physics,
        "importance": importance_text,
        "counts": {"nodes": len(net.nodes), "edges": len(net.edges)},
        "nodes": net.nodes, "edges": net.edges, "options": options, "names": names,
        "nodeDetails": node_details, "edgeDetails": edge_details, "sources": sources,
        "days": sorted(days),
        "legend": {
            "labels": [{"label": s.label, "color": s.color, "symbol": s.symbol, "count": label_counts[s.label]}
                       for s in styles.values() if s.label in label_counts],
            "types": [{"type": t, "color": c, "count": type_counts[t]} for t, c in colors.items() if t in type_counts],
        },
    }


def _evidence(ev: dict[str, Any], context: nx.MultiDiGraph) -> dict[str, Any]:
    speaker = ev.get("asserted_by")
    if speaker:
        speaker = str(context.nodes[speaker].get("name") or speaker) if speaker in context else str(speaker)
    return {"source": str(ev.get("source") or ""), "quote": str(ev.get("quote") or ""), "speaker": speaker or "",
            "date": _text(ev.get("date")), "start": _text(ev.get("start")), "end": _text(ev.get("end")),
            "confidence": _text(ev.get("confidence"))}


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(payload: dict[str, Any]) -> str:
    """The page of a view: template, inlined vis-network, the app script and the escaped data.

    The payload is split: what the first drawing needs goes in ``casegraph-data``; the
    panel's details go in the blocks of :data:`DETAIL_BLOCKS`, parsed on demand.
    """
    page, app = _template()
    vis_js, vis_css = vis_assets()
    # Only these two scripts may run; the page may load and send nothing (data: images are vis's icons).
    csp = ("default-src 'none'; " f"script-src {_sha256(vis_js)} {_sha256(app)}; "
           "style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'")
    values = {"CSP": csp, "TITLE": html.escape(str(payload.get("heading") or ""), quote=True),
              "VIS_CSS": vis_css.replace("</", "<\\/"), "VIS_JS": vis_js, "APP_JS": app}
    later = {key for keys in DETAIL_BLOCKS.values() for key in keys}
    values["DATA"] = _script_json({k: v for k, v in payload.items() if k not in later})
    values["DETAILS"] = "".join(
        f'<script type="application/json" id="{block}">{_script_json({k: payload[k] for k in keys})}</script>\n'
        for block, keys in DETAIL_BLOCKS.items())
    # One pass, so a placeholder inside the data is never expanded.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], page)


def _write_atomic(path: Path, text: str, force: bool = True) -> int:
    """Write ``path`` all at once, readable by its owner only (a view can hold sensitive material).

    Without ``force`` an existing file is left alone (the rename refuses to replace it).
    A full disk or any other failure leaves no partial file and raises
    :class:`~graph.errors.WriteError` naming ``path``.
    """
    data = text.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CasegraphError(f"{path}: cannot write the view: folder {folder} does not exist")
    if not force and (path.exists() or path.is_symlink()):
        raise CasegraphError(_EXISTS.format(path=path))
    with writing(path):
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            if force:
                os.replace(tmp, path)
            else:
                try:
                    os.link(tmp, path)  # no-clobber: fails if the file appeared meanwhile
                except FileExistsError:
                    raise CasegraphError(_EXISTS.format(path=path)) from None
                except OSError:  # a filesystem without hard links: check, then rename
                    if path.exists():
                        raise CasegraphError(_EXISTS.format(path=path)) from None
                    os.replace(tmp, path)
                else:
                    os.unlink(tmp)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return len(data)


_EXISTS = "{path} exists; not overwritten (use --force)"


def write_html(g: nx.MultiDiGraph, path: Path | str, *, heading: str = "casegraph view",
               context: nx.MultiDiGraph | None = None, as_of: str | None = None, seed: int = 0,
               physics_max: int = PHYSICS_MAX_NODES, importance: str = "degree", force: bool = True) -> ViewSummary:
    """Write ``g`` (which must come through :func:`graph.redact.exit_graph`) as one HTML file.

    ``force=False`` refuses to replace an existing file (the CLI's default).
    """
    start = time.perf_counter()
    mark = require_exit_graph(g, "the view writer")
    if context is not None:
        require_exit_graph(context, "the view writer")
    payload = view_payload(g, heading=heading, context=context, as_of=as_of, seed=seed, physics_max=physics_max,
                           importance=importance)
    size = _write_atomic(Path(path), render_html(payload), force=force)
    return ViewSummary(Path(path), payload["counts"]["nodes"], payload["counts"]["edges"], payload["physics"],
                       bool(mark.get("redacted")), size, time.perf_counter() - start)


def _check_names(given: Iterable[str], known: Iterable[str], what: str) -> list[str]:
    given, known = list(given), list(known)
    for name in given:
        if name not in known:
            raise CasegraphError(f"unknown {what} '{name}' (known: {', '.join(known)})")
    return given


def write_view(g: nx.MultiDiGraph, path: Path | str, *, redact: bool = False, labels: Iterable[str] = (),
               types: Iterable[str] = (), as_of: str | None = None, heading: str | None = None,
               max_nodes: int = DEFAULT_MAX_NODES, seed: int = 0, importance: str = "degree",
               force: bool = True) -> ViewSummary:
    """Filter, redact and write a view of ``g``: the one call behind ``casegraph view``.

    ``labels``/``types`` keep only those labels and relationship types; ``as_of``
    hides facts dated later (see :func:`graph.subgraph.as_of`). A graph with more
    than ``max_nodes`` entities is refused: nobody can read it, and it should be
    narrowed around an entity or by a query first. Node size shows ``importance``:
    ``degree`` (facts) or ``betweenness`` (:func:`graph.analysis.measures.betweenness`).
    ``force=False`` refuses to replace an existing file, before any work is done.
    """
    if not force and (Path(path).exists() or Path(path).is_symlink()):
        raise CasegraphError(_EXISTS.format(path=path))
    onto = default_ontology()
    _check_names([importance], IMPORTANCE, "importance measure")
    labels = _check_names(labels, onto.labels, "label")
    types = _check_names(types, onto.relationships, "relationship type")
    safe = exit_graph(g, redact=redact)
    shown = select(safe, labels=labels, types=types, day=as_of)
    count = sum(1 for _, d in shown.nodes(data=True) if d.get("node_kind", "entity") == "entity")
    if count > max_nodes:
        raise CasegraphError(
            f"{count} entities are too many to read in one view (limit {max_nodes}): narrow the graph with "
            "--from neo4j --focus KEY --depth N, --cypher QUERY, --label or --type (or raise --max-nodes)")
    if heading is None:
        heading = "casegraph view" + (" (redacted)" if redact else "")
    elif redact:  # a heading typed with a protected name in it is redacted like the data
        heading = Redactor(g).text(heading)
    return write_html(shown, path, heading=heading, context=safe, as_of=as_of, seed=seed, importance=importance,
                      force=force)
