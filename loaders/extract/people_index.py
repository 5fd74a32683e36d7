"""The people of one article indexed by folded surname, and how two spellings of a name
compare (sure, doubtful or different)."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from loaders.extract.gazetteer import Gazetteer, fold
from loaders.extract.mention_types import Person

__all__ = ["SAME", "DOUBTFUL", "FUZZY_PEOPLE", "PeopleIndex", "anyascii_lower", "surname_ending", "looks_like_surname",
           "same_name_score", "match_person"]

SAME = 88.0       # fuzz.ratio of folded surnames at or above which two spellings are one name
DOUBTFUL = 0.93   # Jaro-Winkler at or above which a different spelling is worth asking about


# Past this many people in one article (no news item names so many) spellings are compared
# exactly only, so a crafted input cannot make the comparison quadratic.
FUZZY_PEOPLE = 400


class PeopleIndex:
    """The people of an article so far, found by folded surname: exactly (a dict) and by close
    spelling (rapidfuzz's C loops over the folded surnames, bounded by ``FUZZY_PEOPLE``)."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.folded: list[str] = []
        self.spelled: list[str] = []  # the surnames as written (lower case), for one-letter misspellings
        self.by_fold: dict[str, list[Person]] = {}
        self.surname_only: dict[str, Person] = {}
        self.keys: set[str] = set()

    def add(self, person: Person) -> Person:
        self.people.append(person)
        self.folded.append(fold(person.surname))
        self.spelled.append(person.surname.lower())
        self.by_fold.setdefault(self.folded[-1], []).append(person)
        self.keys.add(person.key)
        if not person.given:
            self.surname_only.setdefault(person.surname, person)
        return person

    def near(self, surname: str) -> list[Person]:
        """People whose surname is spelled the same or close (ratio >= SAME, Jaro-Winkler >= DOUBTFUL or one
        letter off), in order."""
        fs = fold(surname)
        if len(self.people) > FUZZY_PEOPLE:
            return list(self.by_fold.get(fs, []))
        hits = {i for _c, _s, i in process.extract(fs, self.folded, scorer=fuzz.ratio, processor=None,
                                                     score_cutoff=SAME, limit=None)}
        hits |= {i for _c, _s, i in process.extract(fs, self.folded, scorer=JaroWinkler.similarity, processor=None,
                                                      score_cutoff=DOUBTFUL, limit=None)}
        if len(surname) >= 5:  # one letter off ("Chapuch", "Chapukh"): a misspelling _one_letter_off may take
            hits |= {i for _c, _s, i in process.extract(surname.lower(), self.spelled, scorer=Levenshtein.distance,
                                                          processor=None, score_cutoff=1, limit=None)}
        return [self.people[i] for i in sorted(hits)]

    def unique_key(self, key: str) -> str:
        out, n = key, 2
        while out in self.keys:
            out, n = f"{key}-{n}", n + 1
        return out


def anyascii_lower(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word).lower()


def surname_ending(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` ends as surnames do ("-ov", "-enko", "-yal"), and not as English words do
    ("Trial", "National": names.yaml ``not_surname_endings``)."""
    low = anyascii_lower(word)
    return low.endswith(gaz.surname_endings) and not low.endswith(gaz.not_surname_endings)


def looks_like_surname(word: str, gaz: Gazetteer) -> bool:
    return surname_ending(word, gaz) and word not in gaz.not_names


def same_name_score(a: str, b: str) -> tuple[float, float]:
    """(fuzz.ratio, Jaro-Winkler) of two name parts after transliteration folding."""
    fa, fb = fold(a), fold(b)
    return fuzz.ratio(fa, fb), JaroWinkler.similarity(fa, fb)


def match_person(index: PeopleIndex, given: str, surname: str) -> tuple[Person | None, tuple[Person, float] | None]:
    """The person these names are (sure), else a doubtful candidate, else nothing."""
    best_doubt: tuple[Person, float] | None = None
    for p in index.near(surname):
        s_ratio, s_jw = same_name_score(p.surname, surname)
        g_ratio, _ = same_name_score(p.given, given) if p.given else (100.0, 1.0)
        given_ok = g_ratio >= 80 or fold(p.given)[:1] == fold(given)[:1] and (len(given) <= 2 or len(p.given) <= 2)
        if s_ratio >= SAME and given_ok or _one_letter_off(p, given, surname):
            return p, None
        # Same given name with a different surname is two people (two Narimans): no doubt.
        if s_ratio < SAME and s_jw >= DOUBTFUL and given_ok and (best_doubt is None or s_jw > best_doubt[1]):
            best_doubt = (p, s_jw)
    return None, best_doubt


def _one_letter_off(p: Person, given: str, surname: str) -> bool:
    """"Asan Chapuch" after "Asan Chapukh": the same given name in full and a surname of five letters
    or more one letter off is the same person misspelled (two people who share a given name
    differ by more: "Akhtemov" and "Akhmetov" are two letters apart)."""
    fg, low = fold(given), surname.lower()
    return len(fg) > 2 and fold(p.given) == fg and min(len(low), len(p.surname)) >= 5 \
        and Levenshtein.distance(p.surname.lower(), low, score_cutoff=1) == 1
