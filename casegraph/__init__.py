"""casegraph: what articles say about people, organisations and legal cases, as an
evidence-backed knowledge graph (Neo4j, NetworkX, pyvis).

This package is the public face: a notebook or script needs nothing else.

>>> import casegraph
>>> corpus = casegraph.load_corpus(["examples/crimea"])           # doctest: +SKIP
>>> g = casegraph.build_graph(corpus)                             # doctest: +SKIP
>>> with casegraph.connect() as store:                            # doctest: +SKIP
...     store.load(corpus)

Names are imported on first use, so ``import casegraph`` stays cheap and the CLI
starts fast. ``__all__`` lists everything public; each name says where it lives in
:data:`_EXPORTS`. Type checkers see the same names imported eagerly (the ``TYPE_CHECKING``
block), so ``casegraph.load_corpus`` is typed, not ``Any``; ``py.typed`` marks the package typed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# public name -> "module:attribute". The layers below own the code; this is only the face.
_EXPORTS: dict[str, str] = {
    # the model and the ontology
    "Source": "graph.model:Source",
    "Entity": "graph.model:Entity",
    "Evidence": "graph.model:Evidence",
    "Claim": "graph.model:Claim",
    "Corpus": "graph.model:Corpus",
    "PartialDate": "graph.model:PartialDate",
    "Ontology": "graph.ontology:Ontology",
    "load_ontology": "graph.ontology:load_ontology",
    "default_ontology": "graph.ontology:default_ontology",
    # errors
    "CasegraphError": "graph.errors:CasegraphError",
    "ValidationFailed": "graph.errors:ValidationFailed",
    "StoreError": "graph.errors:StoreError",
    "ServerError": "graph.errors:ServerError",
    # fact files
    "validate": "loaders.facts:validate",
    "load_corpus": "loaders.facts:load_corpus",
    "write_fact_file": "loaders.factfile:write_fact_file",
    "fact_document": "loaders.factfile:fact_document",
    "write_synthetic_corpus": "loaders.synth:write_corpus",
    "extract_articles": "loaders.extract:extract_articles",
    "review_draft": "loaders.extract.review:review_draft",
    "evaluate_extraction": "loaders.extract.evaluate:evaluate_dirs",
    # the in-process graph
    "build_graph": "graph.build:build_graph",
    "graph_stats": "graph.build:graph_stats",
    "redact": "graph.redact:redact",
    "Redactor": "graph.redact:Redactor",
    "resolve_entity": "graph.resolve:resolve_entity",
    "EntityResolver": "graph.resolve:EntityResolver",
    "export_graph": "graph.exporters:export_graph",
    "import_ftm": "loaders.ftm:import_ftm",
    # Neo4j
    "Store": "graph.db.store:Store",
    "bulk_load": "graph.db.bulk:bulk_load",
    "connect": "graph.db.store:connect",
    "get_settings": "graph.settings:get_settings",
    "QueryError": "graph.db.query:QueryError",
    # notebooks: saved and ad-hoc queries, analysis, inline views, DataFrames
    "list_queries": "queries.registry:list_queries",
    "run_saved": "queries.registry:run_saved",
    "run_query": "graph.db.query:run_query",
    "select": "graph.subgraph:select",
    "neighbourhood": "graph.subgraph:neighbourhood",
    "exit_graph": "graph.redact:exit_graph",
    "analyze": "graph.analysis:analyze",
    "connect_entities": "graph.analysis:connect",
    "connect_lines": "graph.analysis.report:connect_lines",
    "write_view": "graph.views.html:write_view",
    "show_view": "casegraph.notebook:show_view",
    "to_frame": "casegraph.notebook:to_frame",
    # the types the functions above return, for annotations in user code
    "QueryResult": "graph.db.query:QueryResult",
    "LoadSummary": "graph.db.load:LoadSummary",
    "ExportResult": "graph.exporters:ExportResult",
    "ImportSummary": "loaders.ftm:ImportSummary",
    "SynthSummary": "loaders.synth:SynthSummary",
    "ViewSummary": "graph.views.html:ViewSummary",
    "ExtractReport": "loaders.extract.draft:ExtractReport",
    "ReviewSummary": "loaders.extract.review:ReviewSummary",
    "EvalReport": "loaders.extract.evaluate:EvalReport",
    "Problem": "loaders.facts:Problem",
    "Settings": "graph.settings:Settings",
}

__all__ = [
    "CasegraphError",
    "Claim",
    "Corpus",
    "Entity",
    "EntityResolver",
    "EvalReport",
    "Evidence",
    "ExportResult",
    "ExtractReport",
    "ImportSummary",
    "LoadSummary",
    "Ontology",
    "PartialDate",
    "Problem",
    "QueryError",
    "QueryResult",
    "Redactor",
    "ReviewSummary",
    "ServerError",
    "Settings",
    "Source",
    "Store",
    "StoreError",
    "SynthSummary",
    "ValidationFailed",
    "ViewSummary",
    "__version__",
    "analyze",
    "build_graph",
    "bulk_load",
    "connect",
    "connect_entities",
    "connect_lines",
    "default_ontology",
    "evaluate_extraction",
    "exit_graph",
    "export_graph",
    "extract_articles",
    "fact_document",
    "get_settings",
    "graph_stats",
    "import_ftm",
    "list_queries",
    "load_corpus",
    "load_ontology",
    "neighbourhood",
    "redact",
    "resolve_entity",
    "review_draft",
    "run_query",
    "run_saved",
    "select",
    "show_view",
    "to_frame",
    "validate",
    "write_fact_file",
    "write_synthetic_corpus",
    "write_view",
]

__version__: str  # annotated only: the value comes from __getattr__ when first asked for

if TYPE_CHECKING:  # the same names, eagerly, for type checkers (tests/test_face.py keeps them in step)
    from casegraph.notebook import show_view, to_frame
    from graph.analysis import analyze
    from graph.analysis import connect as connect_entities
    from graph.analysis.report import connect_lines
    from graph.build import build_graph, graph_stats
    from graph.db.bulk import bulk_load
    from graph.db.load import LoadSummary
    from graph.db.query import QueryError, QueryResult, run_query
    from graph.db.store import Store, connect
    from graph.errors import CasegraphError, ServerError, StoreError, ValidationFailed
    from graph.exporters import ExportResult, export_graph
    from graph.model import Claim, Corpus, Entity, Evidence, PartialDate, Source
    from graph.ontology import Ontology, default_ontology, load_ontology
    from graph.redact import Redactor, exit_graph, redact
    from graph.resolve import EntityResolver, resolve_entity
    from graph.settings import Settings, get_settings
    from graph.subgraph import neighbourhood, select
    from graph.views.html import ViewSummary, write_view
    from loaders.extract import extract_articles
    from loaders.extract.draft import ExtractReport
    from loaders.extract.evaluate import EvalReport
    from loaders.extract.evaluate import evaluate_dirs as evaluate_extraction
    from loaders.extract.review import ReviewSummary, review_draft
    from loaders.factfile import fact_document, write_fact_file
    from loaders.facts import Problem, load_corpus, validate
    from loaders.ftm import ImportSummary, import_ftm
    from loaders.synth import SynthSummary
    from loaders.synth import write_corpus as write_synthetic_corpus
    from queries.registry import list_queries, run_saved


def _version() -> str:
    # importlib.metadata is imported only when asked: it costs a tenth of a second at every start.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("casegraph")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()[name] = _version()
        return globals()[name]
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'casegraph' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
