"""Settings read from the environment, in one place.

Connection settings follow the names Neo4j's own tools use, so an analyst's
existing environment works unchanged. A password is only ever read from the
environment or from the local server's password file, never from argv.
``NEO4J_TRUSTED_CA`` names a PEM file of the certificate authority to trust for a
``bolt+s://`` / ``neo4j+s://`` server whose certificate is not signed by a public one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Settings", "get_settings", "ontology_file", "PROJECT_ROOT"]

# The checkout root: graph/ sits directly beneath it in a checkout or an editable install. A
# regular install has no launcher/ there: CASEGRAPH_LAUNCHER_DIR names one, or NEO4J_URI is
# used instead, and building the launcher says so (graph.db.server.build_launcher).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str | None
    neo4j_username: str
    neo4j_password: str | None
    neo4j_database: str | None
    home: Path  # where casegraph keeps local state (.casegraph/)
    launcher_dir: Path  # the Maven project of the local Neo4j launcher
    # Memory of the local server (sizes such as 512m or 2g); None: sized from the machine.
    neo4j_heap: str | None = None
    neo4j_pagecache: str | None = None
    neo4j_tx_memory: str | None = None
    # A PEM file of CA certificates that a NEO4J_URI server's certificate is checked against
    # (instead of the system's trust store): a private CA or a self-signed server.
    neo4j_trusted_ca: Path | None = None
    # The ontology file in use (CASEGRAPH_ONTOLOGY); None: the one shipped in graph/ontology.yaml.
    ontology: Path | None = None

    @property
    def server_dir(self) -> Path:
        return self.home / "neo4j"


def ontology_file() -> Path | None:
    """``CASEGRAPH_ONTOLOGY``: an ontology file to use instead of the shipped one (read on every
    call, cheaply, so that every command and library call sees the same file)."""
    value = os.environ.get("CASEGRAPH_ONTOLOGY")
    return Path(value).expanduser().absolute() if value else None


def get_settings() -> Settings:
    env = os.environ
    home = Path(env.get("CASEGRAPH_HOME") or (Path.cwd() / ".casegraph")).resolve()
    return Settings(
        neo4j_uri=env.get("NEO4J_URI") or None,
        neo4j_username=env.get("NEO4J_USERNAME") or "neo4j",
        neo4j_password=env.get("NEO4J_PASSWORD") or None,
        neo4j_database=env.get("NEO4J_DATABASE") or None,
        home=home,
        launcher_dir=Path(env.get("CASEGRAPH_LAUNCHER_DIR") or (PROJECT_ROOT / "launcher")).resolve(),
        neo4j_heap=env.get("CASEGRAPH_NEO4J_HEAP") or None,
        neo4j_pagecache=env.get("CASEGRAPH_NEO4J_PAGECACHE") or None,
        neo4j_tx_memory=env.get("CASEGRAPH_NEO4J_TX_MEMORY") or None,
        neo4j_trusted_ca=Path(env["NEO4J_TRUSTED_CA"]).expanduser().resolve() if env.get("NEO4J_TRUSTED_CA") else None,
        ontology=ontology_file(),
    )
