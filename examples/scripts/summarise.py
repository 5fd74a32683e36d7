"""A small script that uses casegraph as a library: the example corpus, its key actors, a
redacted export. Type-checked by `make lint` (mypy sees the real types through the lazy
public face) and run by tests/test_face.py.

    .venv/bin/python examples/scripts/summarise.py examples/crimea out/summary.graphml
"""

from __future__ import annotations

import sys

import casegraph


def summarise(corpus_dir: str, out: str) -> str:
    corpus: casegraph.Corpus = casegraph.load_corpus([corpus_dir])
    g = casegraph.build_graph(corpus)
    stats = casegraph.graph_stats(g)
    result = casegraph.analyze(g, exclude_generic=True, top=3)
    names = ", ".join(str(row["name"]) for row in result["degree"])
    exported: casegraph.ExportResult = casegraph.export_graph(g, "graphml", out, redact=True, force=True)
    return f"{len(corpus.entities)} entities, {stats['claims']} claims; key actors: {names}; wrote {exported.files[0]}"


if __name__ == "__main__":
    print(summarise(sys.argv[1], sys.argv[2]))
