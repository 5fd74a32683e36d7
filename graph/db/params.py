"""The ``$parameters`` a Cypher text uses (strings, quoted names and comments skipped)."""

from __future__ import annotations

import re

__all__ = ["parameters_used"]

_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+")


def parameters_used(text: str) -> list[str]:
    """The ``$parameters`` a Cypher text uses, in order of first use.

    Strings, quoted names and comments are skipped, so ``'$5'`` is not a parameter.

    >>> parameters_used("MATCH (n {key: $key}) // $not\\nWHERE n.name <> '$no' RETURN $`odd name`, $key")
    ['key', 'odd name']
    """
    found: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            i += 1
            while i < n and text[i] != c:
                i += 2 if text[i] == "\\" else 1
            i += 1
        elif c == "`":
            end = text.find("`", i + 1)
            i = n if end < 0 else end + 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c == "$":
            if text.startswith("`", i + 1):
                end = text.find("`", i + 2)
                name, i = (text[i + 2:end], end + 1) if end > 0 else ("", n)
            else:
                m = _PARAM_NAME.match(text, i + 1)
                name, i = (m.group(0), m.end()) if m else ("", i + 1)
            if name and name not in found:
                found.append(name)
        else:
            i += 1
    return found
