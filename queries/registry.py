"""The saved investigative queries: one ``queries/NAME.cypher`` file each.

A saved query is data: a Cypher text whose comment header gives a title, a
description and every parameter with its type, meaning and default::

    // title: Defendants of a case
    // description: The defendants of one case with their procedural status, ...
    //   (further lines of the description are indented)
    // param case (entity, required): the legal case (key or name)
    // param since (date, default null): only facts on or after this date

Types: ``entity`` (a key, name or alias in any script, resolved against the entities
in Neo4j to a key), ``string``, ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) and ``integer``.
``default null`` makes a parameter optional (the query sees ``null``). Values reach
Cypher only as ``$parameters``. The header must name exactly the parameters the text
uses; :func:`check_queries` reports any mismatch (a test runs it).

``schema.cypher`` in the same folder is generated DDL, not a saved query.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import neo4j

from graph.db.bounds import INT_MAX, INT_MIN
from graph.db.query import QueryError, QueryResult, entity_resolver, parameters_used, run_query
from graph.errors import article
from graph.model import PartialDate
from graph.ontology import default_ontology
from graph.resolve import EntityResolver, ResolveError

if TYPE_CHECKING:
    import networkx as nx

    from graph.db.store import Store

__all__ = [
    "QUERY_DIR",
    "TYPES",
    "Param",
    "SavedQuery",
    "parse_query",
    "list_queries",
    "get_query",
    "check_queries",
    "bind",
    "run_saved",
    "read_saved_graph",
]

QUERY_DIR = Path(__file__).resolve().parent
TYPES = ("entity", "string", "date", "integer")
NOT_SAVED = frozenset({"schema"})  # generated DDL beside the saved queries

_PARAM = re.compile(r"param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>[a-z]+)(?:\s+(?P<label>[A-Za-z]+))?\s*,\s*"
                    r"(?:(?P<required>required)|default\s+(?P<default>[^)]*?))\s*\)\s*:\s*(?P<meaning>.+)")


@dataclass(frozen=True)
class Param:
    """One parameter of a saved query."""

    name: str
    type: str
    meaning: str
    required: bool = True
    default: Any = None  # already converted to the type; None means null
    label: str | None = None  # for entities: the label expected, which settles a name two entities share

    def describe(self) -> str:
        """``name (type)`` or ``name (type, default 2)``, for listings."""
        kind = f"{self.type} {self.label}" if self.label else self.type
        if self.required:
            return f"{self.name} ({kind})"
        return f"{self.name} ({kind}, default {'null' if self.default is None else self.default})"


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its name (the file name), header and Cypher text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _convert(kind: str, value: str, what: str) -> Any:
    """A text value as the parameter type (entities stay text: they are resolved later)."""
    if kind == "integer":
        text = value.strip()
        if not re.fullmatch(r"[+-]?[0-9]+", text):
            raise QueryError(f"{what} must be a whole number, not '{_short(value)}'")
        digits = text.lstrip("+-").lstrip("0")
        # Cypher's integers are 64 bits; a longer text is refused before int() reads it whole.
        if len(digits) > 19 or not INT_MIN <= int(text) <= INT_MAX:
            raise QueryError(f"{what} must be a whole number from {INT_MIN} to {INT_MAX}, not '{_short(value)}'")
        return int(text)
    if kind == "date":
        try:
            return str(PartialDate.parse(value.strip()))
        except ValueError:
            raise QueryError(f"{what} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
                             f"not '{_short(value)}'") from None
    return value


def _short(value: str) -> str:
    text = value if len(value) <= 60 else value[:57] + "..."
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def parse_query(path: str | Path) -> SavedQuery:
    """Read one saved query; :class:`QueryError` naming the file and line if its header is wrong."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: list[Param] = []
    last: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        body = stripped[2:]
        where = f"{path.name}:{number}"
        if body.startswith("   ") and last == "description":
            fields["description"] += " " + body.strip()
            continue
        body = body.strip()
        key, sep, value = body.partition(":")
        if body.startswith("param"):
            m = _PARAM.fullmatch(body)
            if not m:
                raise QueryError(f"{where}: a parameter line reads 'param NAME (TYPE, required|default VALUE): "
                                 "meaning'")
            if m["type"] not in TYPES:
                raise QueryError(f"{where}: unknown parameter type '{m['type']}' (known: {', '.join(TYPES)})")
            if any(p.name == m["name"] for p in params):
                raise QueryError(f"{where}: parameter '{m['name']}' is declared twice")
            default = None
            if not m["required"] and m["default"].strip() != "null":
                default = _convert(m["type"], m["default"], f"{where}: the default of '{m['name']}'")
            if m["label"] and (m["type"] != "entity" or m["label"] not in default_ontology().labels):
                raise QueryError(f"{where}: '{m['type']} {m['label']}': only an entity takes a label, one of "
                                 f"{', '.join(default_ontology().labels)}")
            params.append(Param(m["name"], m["type"], m["meaning"].strip(), bool(m["required"]), default,
                                m["label"]))
            last = "param"
        elif sep and key.strip() in ("title", "description"):
            fields[key.strip()] = value.strip()
            last = key.strip()
        else:
            last = None  # a free comment
    for needed in ("title", "description"):
        if not fields.get(needed):
            raise QueryError(f"{path.name}: the header needs a '// {needed}: ...' line")
    declared = [p.name for p in params]
    used = parameters_used(text)
    undeclared = [u for u in used if u not in declared]
    unused = [d for d in declared if d not in used]
    if undeclared:
        raise QueryError(f"{path.name}: the text uses ${', $'.join(undeclared)} but the header does not declare "
                         f"{'them' if len(undeclared) > 1 else 'it'}")
    if unused:
        raise QueryError(f"{path.name}: the header declares {', '.join(unused)} but the text does not use "
                         f"{'them' if len(unused) > 1 else 'it'}")
    return SavedQuery(path.stem, fields["title"], fields["description"], tuple(params), text, path)


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.cypher") if p.stem not in NOT_SAVED)


def list_queries(directory: str | Path = QUERY_DIR) -> list[SavedQuery]:
    """Every saved query of ``directory``, by name."""
    return [parse_query(p) for p in _files(Path(directory))]


def get_query(name: str, directory: str | Path = QUERY_DIR) -> SavedQuery:
    """The saved query called ``name``; an unknown name lists the closest ones."""
    names = [p.stem for p in _files(Path(directory))]
    if name not in names:
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.4)
        hint = f"; did you mean {', '.join(close)}?" if close else "; 'casegraph queries' lists them"
        raise QueryError(f"no saved query '{_short(name)}'{hint}")
    return parse_query(Path(directory) / f"{name}.cypher")


def check_queries(directory: str | Path = QUERY_DIR) -> list[str]:
    """Every header problem of the saved queries (empty when all are right)."""
    problems = []
    for path in _files(Path(directory)):
        try:
            parse_query(path)
        except QueryError as exc:
            problems.append(str(exc))
    return problems


def bind(query: SavedQuery, given: Mapping[str, str],
         resolver: Callable[[], EntityResolver] | None = None) -> dict[str, Any]:
    """The parameters to run ``query`` with: given text values converted, defaults filled in.

    ``resolver`` makes the :class:`EntityResolver` for entity parameters (called at
    most once, only if one is given); unknown or ambiguous entities raise its one-line error.
    """
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        declared = ", ".join(p.name for p in query.params) or "no parameters"
        raise QueryError(f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(repr(u) for u in unknown)} "
                         f"for {query.name} (it takes {declared})")
    bound: dict[str, Any] = {}
    index: EntityResolver | None = None
    # Every value is converted before any entity is looked up: bad input is refused whole.
    converted = {p.name: _convert(p.type, given[p.name], f"parameter '{p.name}'") for p in query.params
                 if p.name in given}
    for p in query.params:
        if p.name not in given:
            if p.required:
                raise QueryError(f"{query.name} needs -p {p.name} VALUE ({p.type}: {p.meaning})")
            bound[p.name] = p.default
            continue
        value = converted[p.name]
        if p.type == "entity":
            if resolver is None:
                raise QueryError(f"parameter '{p.name}' names an entity, and no entities are at hand to find it")
            index = index or resolver()
            value = _resolve(index, value, p)
        bound[p.name] = value
    return bound


def _resolve(index: EntityResolver, ref: str, param: Param) -> str:
    """The key ``ref`` means; a name shared across labels is settled by the label expected."""
    if param.label:
        prefix = default_ontology().labels[param.label].key_prefix + ":"
        found = [k for k in index.matches(ref) if k.startswith(prefix)]
        if len(found) == 1:
            return found[0]
    try:
        key = index.resolve(ref)
    except ResolveError as exc:
        narrowed = [c for c in exc.candidates if param.label and c.endswith(")") and f"({prefix}" in c]
        if not param.label or not narrowed or "ambiguous" not in str(exc):
            raise
        raise ResolveError(f"'{_short(ref)}' is ambiguous: {', '.join(narrowed)}", narrowed) from None
    if param.label and not key.startswith(prefix):
        raise QueryError(f"parameter '{param.name}' wants {article(param.label)}, and '{_short(ref)}' is {key}")
    return key


def run_saved(driver: neo4j.Driver, name: str, given: Mapping[str, str] | None = None, *,
              database: str | None = None, limit: int | None = None, timeout: float | None = 30.0,
              directory: str | Path = QUERY_DIR) -> QueryResult:
    """Run the saved query ``name`` with text parameter values (entities by key, name or alias)."""
    query = get_query(name, directory)
    params = bind(query, given or {}, lambda: entity_resolver(driver, database))
    return run_query(driver, query.text, params, database=database, limit=limit, timeout=timeout)


def read_saved_graph(store: Store, name: str, given: Mapping[str, str] | None = None, *,
                     timeout: float | None = 30.0, directory: str | Path = QUERY_DIR) -> nx.MultiDiGraph:
    """The graph of what a saved query returns: its entities and claim relationships, with evidence.

    Only nodes and relationships in the result count (as for ``--cypher``).
    """
    query = get_query(name, directory)
    params = bind(query, given or {}, lambda: entity_resolver(store.driver, store.database))
    return store.read_cypher(query.text, params, timeout=timeout)
