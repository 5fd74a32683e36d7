"""One error family for the whole library.

The library raises these; only the CLI boundary turns them into a one-line
``Error: ...`` message and a non-zero exit status.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "CasegraphError",
    "OntologyError",
    "FactFileError",
    "ValidationFailed",
    "StoreError",
    "ServerError",
    "WriteError",
    "writing",
    "article",
    "preview",
]


def article(word: str) -> str:
    """The word with its indefinite article, for messages.

    >>> article("Person"), article("Organisation"), article("ACCUSED_OF")
    ('a Person', 'an Organisation', 'an ACCUSED_OF')
    """
    return f"{'an' if word[:1].upper() in 'AEIOU' else 'a'} {word}"


def preview(value: object, limit: int = 60) -> str:
    """A value for a message: repr-quoted, control characters escaped, cut to ``limit`` characters.

    >>> print(preview("head"), preview("x" * 100)[-5:], preview("a\x1b[31mb"))
    'head' x...' 'a\\x1b[31mb'
    """
    text = str(value)
    cut = len(text) > limit
    text = repr(text[:limit])
    return text[:-1] + "..." + text[-1] if cut else text


class CasegraphError(Exception):
    """Base class of every error casegraph reports to a user."""


class OntologyError(CasegraphError):
    """The ontology file is malformed."""


class FactFileError(CasegraphError):
    """A fact file cannot be read or parsed at all."""


class ValidationFailed(CasegraphError):
    """One or more fact files break the ontology; ``problems`` lists them all."""

    def __init__(self, problems: list) -> None:  # list[Problem], kept loose to avoid a cycle
        self.problems = problems
        n = len(problems)
        first = problems[0] if problems else "no problems"
        more = f" (and {n - 1} more problem{'s' if n > 2 else ''})" if n > 1 else ""
        super().__init__(f"{first}{more}")


class StoreError(CasegraphError):
    """Talking to Neo4j failed (unreachable, refused credentials, aborted write)."""


class ServerError(CasegraphError):
    """The local Neo4j server managed by casegraph could not be started or stopped."""


class WriteError(CasegraphError):
    """A file could not be written (a full disk, no permission): the message names the file.

    >>> str(WriteError("out/g.json", OSError(28, "No space left on device")))
    'out/g.json: cannot write: no space left on device'
    """

    def __init__(self, path: object, exc: OSError) -> None:
        self.path = str(path)
        self.errno = exc.errno
        reason = os.strerror(exc.errno).lower() if exc.errno else str(exc) or type(exc).__name__
        super().__init__(f"{self.path}: cannot write: {reason}")


@contextmanager
def writing(path: object) -> Iterator[None]:
    """Turn an ``OSError`` raised while writing ``path`` into a :class:`WriteError` naming it."""
    try:
        yield
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(path, exc) from exc
