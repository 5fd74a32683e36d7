"""Render analysis results: a Markdown report (a file that leaves the tool) and terminal text.

Every data string is escaped where it is rendered: Markdown metacharacters and HTML
in the report, control characters (terminal escape sequences) in terminal text. The
report is written only from results computed on a graph that passed the exit filter
(:func:`graph.redact.exit_graph`), atomically (temp file, then rename).

>>> print(md_escape("a|b *c* <script>"))
a\\|b \\*c\\* &lt;script&gt;
>>> print(plain("bad\\x1b[31mred"))
bad\\x1b[31mred
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

from graph.errors import CasegraphError

__all__ = ["analysis_markdown", "write_report", "connect_lines", "md_escape", "plain", "EXPLANATIONS",
           "method_note"]

EXPLANATIONS = {
    "degree": "Degree counts how many different entities each one is tied to by at least one claim; "
              "strength adds up how many independent sources back those ties. High degree marks the "
              "entities the sources keep coming back to.",
    "betweenness": "Betweenness is the share of shortest paths between other entities that pass through "
                   "this one. Brokers, who bridge groups that would otherwise be far apart, score high "
                   "even when they have few ties.",
    "communities": "Communities are groups of entities more densely tied to each other than to the rest, "
                   "found by {algorithm} (seed {seed}, modularity {modularity:.3f}; the same seed gives the "
                   "same groups). Each group lists its members, most tied first, and the cases and events "
                   "it touches.",
}
# Data sits inline (table cells, list items), so only inline markup needs escaping.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def md_escape(value: Any) -> str:
    """A data value as literal Markdown text (no markup, no HTML, one line)."""
    text = plain(str(value)).replace("\n", " ").replace("\r", " ")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def plain(value: Any) -> str:
    """A data value with control characters (terminal escapes, bidi overrides) made visible."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(value))


def method_note(between: dict[str, Any]) -> str:
    """One line saying how betweenness was computed."""
    if between["method"] == "exact":
        return f"betweenness: exact (Brandes, {between['backend']}, all {between['pivots']} sources)"
    return (f"betweenness: sampled ({between['backend']}, {between['pivots']} random source nodes, seed "
            f"{between['seed']}); each value within ±{between['error_bound']:.3f} of the exact normalised "
            f"betweenness with {between['confidence']:.0%} probability")


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    """A Markdown table; columns whose values are all numbers are right-aligned."""
    numeric = [bool(rows) and all(isinstance(r[i], (int, float)) or _is_number(r[i]) for r in rows)
               for i in range(len(headers))]
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" ---: " if n else " --- " for n in numeric) + "|"]
    out += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return out


def _is_number(value: Any) -> bool:
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def _names(items: list[dict[str, Any]], n: int) -> str:
    shown = ", ".join(str(i["name"]) for i in items[:n])
    return shown + (f" and {len(items) - n} more" if len(items) > n else "")


def analysis_markdown(result: dict[str, Any], title: str = "Network analysis", groups: int = 10,
                      members: int = 10) -> str:
    """The report of an :func:`~graph.analysis.overview.analyze` result, as Markdown."""
    info = result["graph"]
    lines = [f"# {md_escape(title)}", ""]
    lines.append(f"Analysed: **{md_escape(info['analysed'])}** ({md_escape(info['description'])}); "
                 f"{_plural(info['nodes'], 'node')}, {_plural(info['edges'], 'tie')}, "
                 f"{_plural(info['components'], 'connected component')}. "
                 f"Tie weight: {md_escape(info['weight'])}.")
    if info["excluded_generic"]:
        lines.append("")
        lines.append("Generic collective actors left out: "
                     + ", ".join(md_escape(e["name"]) for e in info["excluded_generic"]) + ".")
    if info.get("redacted"):
        lines += ["", "Sensitive people are shown as pseudonyms (Person A, Person B, ...)."]
    lines += ["", "## Key actors by degree", "", EXPLANATIONS["degree"], ""]
    lines += _table(["rank", "entity", "label", "degree", "strength"],
                    [[r["rank"], r["name"], r["label"], r["degree"], r["strength"]] for r in result["degree"]])
    between = result["betweenness"]
    lines += ["", "## Brokers by betweenness", "", EXPLANATIONS["betweenness"], "",
              md_escape(method_note(between)) + ".", ""]
    lines += _table(["rank", "entity", "label", "betweenness"],
                    [[r["rank"], r["name"], r["label"], f"{r['betweenness']:.4f}"] for r in between["ranking"]])
    found = result["communities"]
    lines += ["", "## Communities", "", EXPLANATIONS["communities"].format(**found), ""]
    lines.append(f"{_plural(found['count'], 'community', 'communities')} of two or more; "
                 f"{_plural(found['singletons'], 'entity', 'entities')} without ties in this graph.")
    for group in found["groups"][:groups]:
        lines += ["", f"### Community {group['id']} ({group['size']} members)", ""]
        lines.append("- Members: " + md_escape(_names(group["members"], members)))
        if group["cases"]:
            lines.append("- Cases: " + md_escape(_names(group["cases"], members)))
        if group["events"]:
            lines.append("- Events: " + md_escape(_names(group["events"], members)))
    if found["count"] > groups:
        lines += ["", f"{found['count'] - groups} smaller communities are not shown."]
    return "\n".join(lines) + "\n"


def write_report(result: dict[str, Any], path: str | Path, **options: Any) -> Path:
    """Write the Markdown report atomically; only results of a graph that passed the exit filter."""
    if not isinstance(result.get("exit"), dict):
        raise CasegraphError("the report writes only analyses of graphs that passed the exit filter "
                             "(graph.redact.exit_graph)")
    target = Path(path)
    text = analysis_markdown(result, **options)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CasegraphError(f"--report: no such directory: {folder}")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _claim_line(c: dict[str, Any], names: dict[str, str]) -> str:
    quals = ", ".join(f"{k}={names.get(v, v) if isinstance(v, str) else v}" for k, v in c["qualifiers"].items())
    mark = " [undated]" if c["undated"] else ""
    disputed = f" [disputed: {', '.join(c['disputed'])}]" if c["disputed"] else ""
    return (f"{names.get(c['subject'], c['subject'])} -[{c['type']}{' ' + quals if quals else ''}]-> "
            f"{names.get(c['object'], c['object'])}{mark}{disputed}")


def _reach_line(side: dict[str, Any], reach: dict[str, Any]) -> str:
    labels = ", ".join(f"{n} {label}" for label, n in reach["labels"].items())
    return (f"  {side['name']} ({side['key']}): its component has {reach['entities']} "
            f"entit{'y' if reach['entities'] == 1 else 'ies'} ({labels}), reaching at most "
            f"{reach['max_hops']} hop{'' if reach['max_hops'] == 1 else 's'} away")


def connect_lines(result: dict[str, Any]) -> list[str]:
    """A :func:`~graph.analysis.paths.connect` result as terminal lines (data made plain)."""
    a, b = result["from"], result["to"]
    scope = []
    if result["as_of"]:
        scope.append(f"as of {result['as_of']}")
    if result["dated_only"]:
        scope.append("dated facts only")
    if result["via"]:
        scope.append(f"through a {result['via']}")
    if result["max_hops"]:
        scope.append(f"at most {result['max_hops']} hops")
    if result["exclude_generic"]:
        scope.append("generic actors left out")
    where = f" ({'; '.join(scope)})" if scope else ""
    lines = []
    if not result["paths"]:
        reason = result["reason"]
        lines.append(f"No path between {a['name']} and {b['name']}{where}.")
        if reason == "max_hops":
            lines.append(f"  The shortest path has {result['shortest_hops']} hops; raise --max-hops to see it.")
        elif reason == "via":
            lines.append(f"  None of the {result['candidates_examined']} shortest paths examined passes "
                         f"through a {result['via']}.")
        else:
            lines.append("  They are in different components:")
        for side, key in ((a, "from"), (b, "to")):
            lines.append(_reach_line(side, result["reach"][key]))
        return [plain(line) for line in lines]
    lines.append(f"{len(result['paths'])} path{'s' if len(result['paths']) != 1 else ''} from {a['name']} "
                 f"to {b['name']}{where}:")
    for i, path in enumerate(result["paths"], 1):
        names = path["names"]
        lines.append("")
        lines.append(f"Path {i} ({path['length']} hop{'s' if path['length'] != 1 else ''}, "
                     f"{len(path['sources'])} source{'s' if len(path['sources']) != 1 else ''}): "
                     + " - ".join(n["name"] for n in path["nodes"]))
        for j, hop in enumerate(path["hops"], 1):
            lines.append(f"  hop {j}: {names[hop['from']]} - {names[hop['to']]}")
            for c in hop["claims"]:
                lines.append(f"    {_claim_line(c, names)}")
                for ev in c["evidence"]:
                    speaker = f"; speaker: {ev['speaker']}" if ev["speaker"] else ""
                    date = f"; date: {ev['date']}" if ev["date"] else "; undated"
                    lines.append(f"      \u201c{ev['quote']}\u201d - {ev['source_title']}{speaker}{date}")
    return [plain(line) for line in lines]
