"""Names for the identity resolver: folded spellings, role words, skeletons, and how two
surnames or two given names relate.

:func:`fold` makes one spelling skeleton of a name's romanisations (NFKC, the Crimean Tatar
Latin letters, anyascii, transliteration folds); :func:`skeleton` keeps a word's first letter
and consonants for blocking; :func:`parse_name` reads a name into given name and surname (or,
for an organisation, its content words and :class:`graph.identity_orgs.OrgName`);
:func:`surnames_relate` and :func:`givens_relate` say how two folded words relate. Scoring
lives in :mod:`graph.identity_score`, blocking in :mod:`graph.identity`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from graph.identity_cognates import COGNATE_ROWS
from graph.identity_orgs import OrgName, parse_org
from graph.identity_words import SPELLINGS
from graph.role_words import NAME_WORDS

__all__ = ["ROLE_WORDS", "STOP", "ParsedName", "fold", "strip_roles", "skeleton", "sound", "parse_name",
           "surnames_relate", "givens_relate", "cognate_row", "typing_slip", "written_word"]


# Letters whose sound anyascii would blur, mapped before it (Crimean Tatar Latin: ç = ch,
# ş = sh, c = dzh, ı = i): Çelebiev and Chelebiev meet, Celâl and Dzhelyal too.
_PREFOLDS = (("ç", "ch"), ("Ç", "Ch"), ("ş", "sh"), ("Ş", "Sh"), ("ğ", "gh"), ("Ğ", "Gh"), ("ı", "i"), ("İ", "I"))
# Folds on the ASCII form, in order. "dz" is the Crimean Tatar c (дж) written without its h
# (Dzemilev, Dzhemilev, Jemilev, Cemilev are one name). "ch" and "sh" are shielded while "c" becomes "j" (the
# Crimean Tatar c) and a lone "h" becomes "k" (Akhtemov, Ahtemov and Aktemov are one name).
_FOLDS = (
    ("dzh", "j"), ("dj", "j"), ("dz", "j"), ("zh", "j"), ("ch", "9"), ("sh", "8"), ("kh", "k"), ("gh", "g"), ("ph", "f"),
    ("th", "t"), ("c", "j"), ("h", "k"), ("9", "ch"), ("8", "sh"), ("tz", "ts"), ("x", "ks"), ("q", "k"),
    ("yy", "y"), ("iy", "i"), ("ya", "ia"), ("ye", "e"), ("yu", "iu"), ("yo", "io"), ("y", "i"), ("ii", "i"),
    ("w", "v"), ("ck", "k"),
)
_VOWELS = frozenset("aeiou")
# Words that introduce a name but are not part of it ("attorney X", "President Y"): graph.role_words declares them.
ROLE_WORDS = NAME_WORDS
STOP = frozenset({"the", "of", "and", "for", "in", "on", "at", "a", "an"})


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """A name's spelling skeleton: folded ASCII words, one space apart.

    >>> [fold(n) for n in ("Dzhelyal", "Dzhelial", "Djelal", "Celâl", "Джелял")]
    ['jelial', 'jelial', 'jelal', 'jelal', 'jelial']
    >>> fold("Akhtemov") == fold("Ahtemov") == fold("Aktemov"), fold("Seitveliyev") == fold("Seitveliev")
    (True, True)
    >>> fold("Dzemilev") == fold("Dzhemilev") == fold("Jemilev") == fold("Cemilev"), fold("Zelenskyi") == fold("Zelenskiy")
    (True, True)
    >>> fold("Emir-Huseyn Kuku") == fold("Emir-Usein Kuku"), fold("Hasan") == fold("Asan")
    (True, True)
    """
    text = unicodedata.normalize("NFKC", text)
    for a, b in _PREFOLDS:
        text = text.replace(a, b)
    out = re.sub(r"[^a-z ]+", "", re.sub(r"[\s\-‐‑‒–—_.,]+", " ", anyascii(text).lower()))
    # A word-initial lone "h" before a vowel comes and goes between romanisations of Crimean
    # Tatar and Turkic names (Huseyn and Usein, Hasan and Asan): not part of the skeleton.
    out = re.sub(r"\bh(?=[aeiouy])", "", out)
    for a, b in _FOLDS:
        out = out.replace(a, b)
    out = re.sub(r"ff\b", "v", out)  # the German-style ending: Velkaroff is Velkarov
    out = re.sub(r"(.)\1+", r"\1", out)  # doubled letters: Seitveliiev, Velkarovv
    return re.sub(r"\s+", " ", out).strip()


def strip_roles(name: str) -> str:
    """``name`` without the role words and honorifics in front of it.

    >>> strip_roles("attorney Emil Kurbedinov"), strip_roles("President Volodymyr Zelensky"), strip_roles("Judge")
    ('Emil Kurbedinov', 'Volodymyr Zelensky', 'Judge')
    """
    words = name.split()
    i = 0
    while i < len(words) - 1 and words[i].strip(".,:’'").casefold() in ROLE_WORDS:
        i += 1
    return " ".join(words[i:]) if i else name.strip()


@lru_cache(maxsize=262144)
def skeleton(word: str) -> str:
    """The first letter and the consonants of a folded word (vowels carry most spelling noise).

    The affricates are one letter here: a Crimean Tatar ``Ç`` that lost its cedilla reads
    as ``C`` (= dzh), so Chiygoz and Ciygoz must still meet.

    >>> skeleton("jelial"), skeleton("jelal"), skeleton("aktemov"), skeleton("chigoz") == skeleton("jigoz")
    ('cl', 'cl', 'aktmv', True)
    >>> skeleton(fold("Oleh")) == skeleton(fold("Oleg"))
    True
    """
    word = sound(word)
    if not word:
        return ""
    return re.sub(r"(.)\1+", r"\1", word[0] + "".join(c for c in word[1:] if c not in _VOWELS))


def sound(word: str, velars: bool = True) -> str:
    # Affricates are one letter, and so are the velars: Ukrainian г is h (Oleh, Hennadiy),
    # Russian г is g (Oleg, Gennadiy), Turkic kh/h is k (Akhtemov, Ahtemov). Blocking and
    # given names use both; a surname is a sure variant only without the velars (g against
    # kh may be two families), so that one stays a candidate.
    word = word.replace("ch", "c").replace("j", "c")
    return word.replace("g", "k") if velars else word


@lru_cache(maxsize=262144)
def _strict(word: str) -> str:
    word = sound(word, velars=False)
    return re.sub(r"(.)\1+", r"\1", word[:1] + "".join(c for c in word[1:] if c not in _VOWELS))


_SPELLING_RE = re.compile(r"\b(?i:" + "|".join(sorted(SPELLINGS, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True)
class ParsedName:
    text: str          # as written (role words stripped)
    given: str         # folded, "" for a surname alone
    surname: str       # folded last word
    full: str          # folded whole name
    roles: bool        # role words were stripped
    initial: str = ""  # the given name's first letter before folding (D. for Dzhamila)
    org: OrgName | None = None  # an organisation's name read (graph.identity_orgs)
    first: str = ""    # the first and last words as written, for reasons
    last: str = ""


def parse_name(text: str, person: bool, org: bool = False) -> ParsedName | None:
    stripped = strip_roles(text) if person else text.strip()
    # A body's name in British and American spelling is one name (Centre, Center).
    folded = fold(stripped if person else _SPELLING_RE.sub(lambda m: SPELLINGS[m.group(0).lower()], stripped))
    if not folded:
        return None
    words = folded.split()
    if not person:
        # Numbers name different things here (SIZO-1, SIZO-2; Article 205, Article 280).
        numbers = re.findall(r"\d+", unicodedata.normalize("NFKC", stripped))
        return ParsedName(stripped, "", "", " ".join([*(w for w in words if w not in STOP), *numbers]) or folded, False,
                     org=parse_org(stripped) if org else None)
    given = words[0] if len(words) > 1 else ""
    initial = anyascii(stripped[:1]).lower()[:1] if given else ""
    written = stripped.split()
    return ParsedName(stripped, given, words[-1], folded, stripped != text.strip(), initial, None, written[0], written[-1])



@lru_cache(maxsize=262144)
def surnames_relate(a: str, b: str) -> tuple[str, str] | None:
    """How two folded surnames relate: ('same'|'variant'|'close', how), or None."""
    if a == b:
        return "same", ""
    if a + "a" == b or b + "a" == a:
        return "close", "the same surname in its masculine and feminine forms"
    ska, skb = skeleton(a), skeleton(b)
    ratio = max(fuzz.ratio(a, b), fuzz.ratio(sound(a, False), sound(b, False)))
    if _strict(a) == _strict(b) and ratio >= 85:
        return "variant", f"one name in two transliterations ('{ska}')"
    if JaroWinkler.similarity(a, b) >= 0.9 or (len(ska) >= 4 and sorted(ska) == sorted(skb) and ratio >= 70):
        return "close", f"spelled close ({ratio:.0f}% alike)"
    return None


# folded form -> its row in COGNATE_ROWS (Mykola and Nikolai share one)
_COGNATE = {fold(form): i for i, row in enumerate(COGNATE_ROWS) for form in row}


def cognate_row(given: str) -> int | None:
    """The row of :data:`graph.identity_cognates.COGNATE_ROWS` a folded given name is a form of."""
    return _COGNATE.get(given)


@lru_cache(maxsize=65536)
def givens_relate(a: str, b: str) -> str:
    """'same', 'variant', 'initial', 'absent' or 'different' for two folded given names.

    Two forms of one name in Ukrainian and Russian are a variant (:mod:`graph.identity_cognates`):

    >>> givens_relate(fold("Mykola"), fold("Nikolai")), givens_relate(fold("Hennadiy"), fold("Gennady"))
    ('variant', 'variant')
    >>> givens_relate(fold("Mykola"), fold("Mykhailo")), givens_relate(fold("Oleksandr"), fold("Oleksandra"))
    ('different', 'different')
    """
    if not a or not b:
        return "absent"
    if len(a) == 1 or len(b) == 1:  # an initial is never more than an initial, even two alike
        return "initial" if a[0] == b[0] else "different"
    if a == b:
        return "same"
    if a + "a" == b or b + "a" == a:
        return "different"  # Zhan and Zhanna, Aleksandr and Aleksandra
    row = _COGNATE.get(a)
    if row is not None and row == _COGNATE.get(b):
        return "variant"
    if skeleton(a) == skeleton(b) and fuzz.ratio(sound(a), sound(b)) >= 85:
        return "variant"
    return "different"



# Neighbouring keys of a QWERTY keyboard: a letter typed for its neighbour is a typing slip.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard() -> dict[str, frozenset[str]]:
    near: dict[str, set[str]] = {c: set() for row in _ROWS for c in row}
    for r, row in enumerate(_ROWS):
        for c, ch in enumerate(row):
            if c + 1 < len(row):
                near[ch].add(row[c + 1])
                near[row[c + 1]].add(ch)
            if r + 1 < len(_ROWS):  # the row below is shifted right: below c are its c - 1 and c
                for k in (c - 1, c):
                    if 0 <= k < len(_ROWS[r + 1]):
                        near[ch].add(_ROWS[r + 1][k])
                        near[_ROWS[r + 1][k]].add(ch)
    return {c: frozenset(v) for c, v in near.items()}


_NEAR_KEYS = _keyboard()


@lru_cache(maxsize=262144)
def written_word(text: str) -> str:
    """A word as written, lower-case ASCII letters only (no folds): what a typing slip changes."""
    return re.sub(r"[^a-z]", "", anyascii(unicodedata.normalize("NFKC", text)).lower())


@lru_cache(maxsize=65536)
def typing_slip(a: str, b: str) -> str:
    """How ``b`` may be ``a`` mistyped once, or "" when it may not: two or three neighbouring letters
    rearranged ("Kuberdinov" for "Kurbedinov", "Dhzemilev" for "Dzhemilev"), one letter replaced by
    a neighbouring key ("Belirov" for "Bekirov"), or one letter left out or typed twice beside its
    own key or a neighbouring one ("Sever" for "Server"), or added so. Written forms (:func:`written_word`); the
    first letter is never the slip, and a feminine ending is another name (Asanov, Asanova).

    >>> typing_slip("kurbedinov", "kuberdinov"), typing_slip("bekirov", "belirov"), typing_slip("server", "sever")
    ('letters rearranged', 'a neighbouring key', 'a letter left out')
    >>> typing_slip("ibragimov", "ibraimov"), typing_slip("bekirov", "bakirov"), typing_slip("osmanov", "usmanov")
    ('', '', '')
    """
    if a == b or not a or not b or a[0] != b[0] or a + "a" == b or b + "a" == a:
        return ""
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return "a neighbouring key" if b[diff[0]] in _NEAR_KEYS.get(a[diff[0]], frozenset()) else ""
        if 2 <= len(diff) <= 3 and diff[-1] - diff[0] + 1 == len(diff) \
                and sorted(a[diff[0]:diff[-1] + 1]) == sorted(b[diff[0]:diff[-1] + 1]):
            return "letters rearranged"
        return ""
    if abs(len(a) - len(b)) != 1:
        return ""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    for k in range(1, len(long)):
        if long[:k] + long[k + 1:] == short:
            beside = {long[k - 1], long[k + 1] if k + 1 < len(long) else long[k - 1]}
            if any(c == long[k] or long[k] in _NEAR_KEYS.get(c, frozenset()) for c in beside):
                return "a letter left out" if long == a else "a letter added"
    return ""
