"""Neo4j URIs: checking one, showing one without credentials, and trusting a private CA.

Split from :mod:`graph.db.store` (which connects with these): the URI rules are one job.
"""

from __future__ import annotations

import ssl
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import neo4j

from graph.errors import StoreError, preview

__all__ = ["BOLT_SCHEMES", "shown_uri", "check_uri", "trust_options", "untrusted_certificate"]

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def shown_uri(uri: str) -> str:
    """``uri`` fit for a message: any user name and password in it replaced by ``***``."""
    head, sep, rest = uri.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        return f"{head}://***@{rest.split('/', 1)[0].rsplit('@', 1)[1]}" + (
            "/" + rest.split("/", 1)[1] if "/" in rest else "")
    return uri


def check_uri(uri: str) -> None:
    """Refuse a Neo4j URI the driver would choke on, in one line that never shows a password.

    The driver is given credentials separately (NEO4J_USERNAME, NEO4J_PASSWORD), so
    credentials inside the URI are refused rather than echoed or half-used.
    """
    shown = preview(shown_uri(uri))
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise StoreError(f"bad Neo4j URI {shown}: expected one of {', '.join(s + '://' for s in BOLT_SCHEMES)}")
    try:
        parts = urlsplit(uri)
    except ValueError as exc:  # "Invalid IPv6 URL"
        raise StoreError(f"bad Neo4j URI {shown}: {exc}") from None
    try:
        port = parts.port
    except ValueError:  # not a number, or past 65535 (which the driver would silently wrap)
        port = -1
    if parts.username is not None or parts.password is not None:
        raise StoreError(f"bad Neo4j URI {shown}: put the user name and password in NEO4J_USERNAME and "
                         "NEO4J_PASSWORD, not in the URI")
    if not parts.hostname:
        raise StoreError(f"bad Neo4j URI {shown}: no host name")
    if port is not None and not 1 <= port <= 65535:
        raise StoreError(f"bad Neo4j URI {shown}: the port must be a number from 1 to 65535")


def trust_options(uri: str, trusted_ca: Path | None) -> tuple[str, dict[str, Any]]:
    """The URI and driver options for ``uri`` with ``trusted_ca`` as its only trusted CA.

    The driver takes no CA with the ``+s`` schemes (they mean the system's trust store), so
    ``bolt+s``/``neo4j+s`` become ``bolt``/``neo4j`` with encryption on and the CA as the trust
    store: the same TLS with the same host name check, against that CA. A CA with a URI that
    does not ask for a checked certificate is a contradiction, and refused.
    """
    if trusted_ca is None:
        return uri, {}
    scheme, _, rest = uri.partition("://")
    if scheme.lower() not in ("bolt+s", "neo4j+s"):
        raise StoreError(f"NEO4J_TRUSTED_CA is set but NEO4J_URI {preview(shown_uri(uri))} does not ask for a "
                         "checked certificate: use bolt+s:// or neo4j+s://")
    try:
        ssl.create_default_context(cafile=str(trusted_ca))  # read it now: one clear line if it is not a CA file
    except OSError as exc:  # ssl.SSLError included
        why = exc.strerror or getattr(exc, "reason", None) or _first_line(exc)
        raise StoreError(f"NEO4J_TRUSTED_CA {trusted_ca}: not a readable PEM certificate file ({why})") from None
    return f"{scheme.lower()[:-2]}://{rest}", {
        "encrypted": True, "trusted_certificates": neo4j.TrustCustomCAs(str(trusted_ca))}


def untrusted_certificate(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate check that failed under a driver error, if one did.

    The driver keeps it as a cause, and with routing (``neo4j+s``) inside the group of
    errors of every router it tried.
    """
    stack: list[BaseException | None] = [exc]
    seen: set[int] = set()
    while stack:
        err = stack.pop()
        if err is None or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, ssl.SSLCertVerificationError):
            return err
        stack += [err.__cause__, err.__context__, *getattr(err, "exceptions", ())]
    return None


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "message", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
