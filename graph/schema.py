"""Neo4j constraints and indexes, generated from the ontology.

``queries/schema.cypher`` is this module's output, committed so analysts can read
it; a test fails if it differs from what the ontology generates
(regenerate with ``make schema``).
"""

from __future__ import annotations

from graph.ontology import Ontology, default_ontology

__all__ = ["schema_statements", "schema_name", "render_schema", "PROVENANCE_LABELS"]

# Nodes casegraph adds for provenance, beside the ontology's entity labels.
PROVENANCE_LABELS = ("Entity", "Source", "Claim", "Evidence")


def schema_statements(ontology: Ontology | None = None) -> list[str]:
    """Every constraint and index statement, in a stable order.

    Identifiers come from the ontology, whose loader only admits plain
    CamelCase labels and UPPER_SNAKE relationship types.
    """
    ontology = ontology or default_ontology()
    out = [
        "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE",
        "CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE",
        "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE",
    ]
    for label in ontology.labels:
        out.append(
            f"CREATE CONSTRAINT {label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"
        )
    for rel in ontology.relationships:
        out.append(
            f"CREATE CONSTRAINT {rel.lower()}_claim_id IF NOT EXISTS "
            f"FOR ()-[r:{rel}]-() REQUIRE r.claim_id IS UNIQUE"
        )
    out += [
        "CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)",
        "CREATE INDEX evidence_source IF NOT EXISTS FOR (n:Evidence) ON (n.source)",
        "CREATE INDEX evidence_claim IF NOT EXISTS FOR (n:Evidence) ON (n.claim_id)",
        "CREATE INDEX claim_predicate IF NOT EXISTS FOR (n:Claim) ON (n.predicate)",
        # Search in the app (graph/db/explore_search.py): words of names and aliases, any script.
        "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]",
    ]
    for label, prop in ontology.indexes:  # properties declared with `index: true`
        out.append(f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
    return out


def schema_name(statement: str) -> str:
    """The name of the constraint or index a statement of :func:`schema_statements` creates.

    >>> schema_name("CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)")
    'entity_name'
    >>> schema_name("CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]")
    'entity_names'
    """
    words = statement.split()
    return words[3] if words[1] == "FULLTEXT" else words[2]


def render_schema(ontology: Ontology | None = None) -> str:
    header = (
        "// Generated from graph/ontology.yaml by `make schema` (graph/schema.py). Do not edit by hand.\n"
        "// casegraph runs these itself on `casegraph load`; they are here for analysts to read.\n"
    )
    return header + "".join(s + ";\n" for s in schema_statements(ontology))
