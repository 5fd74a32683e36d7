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
:data:`_EXPORTS`.
"""

from __future__ import annotations

import importlib
from typing import Any

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
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'casegraph' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
