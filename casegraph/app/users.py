"""User accounts for an app reachable from other machines: ``--users FILE``.

The file has one user a line, ``NAME ROLE HASH``: the role is ``viewer`` (every answer
redacted) or ``editor`` (answers as the server is configured), and the hash an Argon2
hash (argon2-cffi), made with::

    python -c "from argon2 import PasswordHasher; print(PasswordHasher().hash(input()))"

Blank lines and lines starting with ``#`` are skipped. A log-in makes a random session id
kept in memory (a restart logs everyone out).
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graph.errors import CasegraphError

__all__ = ["ROLES", "User", "Users"]

ROLES = ("viewer", "editor")
_HASHER = PasswordHasher()
# Checked when the name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY = _HASHER.hash(secrets.token_urlsafe(16))


@dataclass(frozen=True)
class User:
    name: str
    role: str
    hash: str

    @property
    def redacted(self) -> bool:
        return self.role == "viewer"


class Users:
    """The accounts of one users file, and the sessions of those logged in."""

    def __init__(self, users: dict[str, User]) -> None:
        self.users = users
        self._sessions: dict[str, User] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str | Path) -> Users:
        """Read a users file; refused whole, naming the file and line, when a line is wrong."""
        path = Path(path)
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise CasegraphError(f"cannot read the users file {path}: {exc.strerror}") from None
        users: dict[str, User] = {}
        for n, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split()
            if len(parts) != 3:
                raise CasegraphError(f"{path}:{n}: expected NAME ROLE HASH")
            name, role, hashed = parts
            if role not in ROLES:
                raise CasegraphError(f"{path}:{n}: role must be {' or '.join(ROLES)}, not {role[:20]!r}")
            if not hashed.startswith("$argon2"):
                raise CasegraphError(f"{path}:{n}: the password must be an Argon2 hash ($argon2id$...)")
            if name in users:
                raise CasegraphError(f"{path}:{n}: user {name[:40]!r} is listed twice")
            users[name] = User(name, role, hashed)
        if not users:
            raise CasegraphError(f"{path}: no users")
        return cls(users)

    def log_in(self, name: str, password: str) -> str | None:
        """A new session id if the password is right, else None."""
        user = self.users.get(name)
        try:
            _HASHER.verify(user.hash if user else _DUMMY, password)
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[sid] = user
        return sid

    def session(self, sid: str) -> User | None:
        with self._lock:
            return self._sessions.get(sid) if sid else None
