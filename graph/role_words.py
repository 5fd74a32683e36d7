"""The role words that stand before a person's name: one declaration, in named groups, for every reader.

"Attorney Emil Kurbedinov", "Deputy Head of the Mejlis Nariman Dzhelyal", "his wife Elvira", "Defendant Aziz
Akhtemov", "Journalists Osman Arifmemetov and Remzi Bekirov": the words before the name say what the person is,
never who. The groups below say which kind of word each is; the readers take the groups they need:

- the extractor's cue gazetteer (``loaders/extract/gazetteer.py`` adds them to the cues as ``titles``):
  :data:`TITLES`, the offices, ranks, clergy, honorifics and peerages and the four occupations written as titles,
  taken before a name without a further check and kept as the person's position;
- the identity resolver (:data:`graph.identity_names.ROLE_WORDS`, which :func:`graph.identity_names.strip_roles`
  drops from the front of a name): :data:`NAME_WORDS`, every word of every group, lower case, but the peerages
  (:data:`PEERAGES`: "Lord Ahmad" is how the annotators name him);
- the person finder (``loaders/extract/people.py``): :data:`ROLE_NOUNS`, the one-word titles, occupations
  (:data:`OCCUPATION_NOUNS` too, which are role nouns only where a name follows them) and standings with their
  plurals (:func:`plural`), the plural's singular being the position; :data:`PROCEDURAL`, a party's standing in a
  case, dropped from the name and kept as no position; :data:`COMPOUNDS`; :data:`PEERAGES_BEFORE_FULL_NAMES`;
- the affiliation rules (``loaders/extract/affiliations.py``): :data:`AFFILIATION_TITLES`, titles with the
  affiliation each makes (beside the cue gazetteer's ``leadership``, ``membership`` and ``employment`` lists, which
  say the same of "head", "member", "editor").

Kinship words (:data:`KINSHIP`) introduce a relative ("his wife Elvira"): a relation, never a position, so they
are no title and no role noun; the resolver still drops them from a name's front.
"""

from __future__ import annotations

__all__ = ["HONORIFICS", "PEERAGES", "PEERAGES_BEFORE_FULL_NAMES", "OFFICES", "JUSTICE", "RANKS", "CLERGY", "OCCUPATIONS",
           "OCCUPATION_NOUNS", "KINSHIP", "PROCEDURAL", "COMPOUNDS", "AFFILIATION_TITLES", "TITLES", "ROLE_NOUNS",
           "NAME_WORDS", "plural"]

# Forms of address before a name ("Mr Kuku", "Sir Alan Duncan", "Dr Ahmed"): never part of the name.
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mister", "Madam", "Dr", "Prof", "Professor", "Sir", "Sheikh")
# A peer's or dame's title: a position before the name, but the person is known by it ("Lord Ahmad", as the annotators
# name him), so the identity resolver keeps it in the name.
PEERAGES = ("Dame", "Lord", "Baroness")
# More peers' titles, read as such only before a full name ("Lady Diana Eccles"): English words and names too.
PEERAGES_BEFORE_FULL_NAMES = ("Lady", "Baron", "Viscount", "Countess")
# Offices of states, parliaments and international bodies, and their ranks.
OFFICES = ("President", "Vice-President", "Prime Minister", "Minister", "Deputy Minister", "Foreign Minister",
           "Ambassador", "Deputy Ambassador", "Chargé d’Affaires", "Chargé d'Affaires", "Ombudsman", "Ombudsperson",
           "Commissioner", "High Commissioner", "Special Rapporteur", "Rapporteur", "Spokesperson", "Spokesman",
           "Spokeswoman", "Secretary", "Secretary-General", "Secretary General", "Assistant Secretary",
           "Deputy Assistant Secretary", "Under Secretary", "Envoy", "Special Envoy", "Representative", "Counsellor",
           "Minister Counsellor", "Minister-Counsellor", "Counselor", "Attaché", "Senator", "Congressman",
           "Congresswoman", "MP", "Mayor", "Governor", "Chairman", "Chairwoman", "Chairperson", "Chair", "Director",
           "Head", "Deputy Head", "Leader", "Deputy", "Member", "Ombudswoman", "Speaker", "Chancellor", "Consul",
           "Consul General", "Chief", "Premier", "Vice Premier", "Deputy Prime Minister", "Foreign Secretary",
           "Minister of Foreign Affairs", "Human Rights Commissioner", "Dictator")
# The parties and officers of justice.
JUSTICE = ("Judge", "Justice", "Chief Justice", "Presiding Judge", "Prosecutor", "Prosecutor General", "Deputy Prosecutor",
           "Attorney General", "Investigator", "Senior Investigator", "Lawyer", "Attorney", "Advocate", "Defender",
           "Counsel", "Barrister", "Solicitor", "Notary")
# Military and police ranks.
RANKS = ("Colonel", "General", "Major", "Captain", "Lieutenant", "Sergeant", "Officer", "Marshal", "Commander", "Admiral",
         "Inspector", "Agent", "Detective")
# Clergy and a religious community's elders.
CLERGY = ("Imam", "Mufti", "Rabbi", "Metropolitan", "Archbishop", "Bishop", "Patriarch", "Father", "Priest", "Pastor",
          "Cleric", "Elder")
# What a person does, written before the name ("Activist Server Mustafayev", "Citizen Journalist Remzi Bekirov").
OCCUPATIONS = ("Activist", "Journalist", "Blogger", "Citizen")
# Other words for what a person does, read as a role only where a name follows ("Student Action" is a body): no titles.
OCCUPATION_NOUNS = ("Reporter", "Correspondent", "Editor", "Resident", "Teacher", "Doctor", "Photographer", "Filmmaker",
                    "Writer", "Poet", "Artist", "Student", "Businessman", "Businesswoman", "Entrepreneur", "Dissident")
# Family ties that introduce a relative ("his wife Elvira", "brother Ruslan").
KINSHIP = ("Wife", "Husband", "Son", "Daughter", "Mother", "Father", "Brother", "Sister", "Nephew", "Uncle")
# A party's standing in a case ("Defendant", "Suspect", "Witness"): no position.
PROCEDURAL = ("Defendant", "Suspect", "Accused", "Detainee", "Prisoner", "Witness", "Political Prisoner",
              "Prisoner of Conscience")
# Roles of several words whose first word alone is none ("Human Rights Defender", "Citizen Journalist").
COMPOUNDS = ("Human Rights Defender", "Human Rights Activist", "Human Rights Lawyer", "Citizen Journalist",
             "Political Prisoner", "Prisoner of Conscience")
# Titles with the affiliation each makes with the body after them ("X, founder of ORG", "co-chair of ORG"): a founder or
# co-chair heads the body, a co-ordinator or human rights defender of a group is one of its members, a press secretary or
# managing editor is on its staff.
AFFILIATION_TITLES = {
    "founder": "LEADS", "co-founder": "LEADS", "cofounder": "LEADS", "co-chair": "LEADS", "co-chairman": "LEADS",
    "co-chairwoman": "LEADS", "co-chairperson": "LEADS", "vice-chairman": "LEADS", "vice chairman": "LEADS",
    "vice-chair": "LEADS", "vice chair": "LEADS", "vice-chairwoman": "LEADS", "vice-chairperson": "LEADS",
    "vice-president": "LEADS", "vice president": "LEADS", "chief executive": "LEADS", "executive director": "LEADS",
    "co-ordinator": "MEMBER_OF", "human rights defender": "MEMBER_OF", "board member": "MEMBER_OF",
    "press secretary": "WORKS_FOR", "staff journalist": "WORKS_FOR", "managing editor": "WORKS_FOR",
}

# Plurals that do not follow the rules of :func:`plural`.
_SAME_PLURAL = frozenset({"Accused", "Counsel"})


def plural(noun: str) -> str:
    """The plural of a role noun ("Journalists", "Deputies", "Chairmen", "Witnesses", "MPs"); of a phrase, its last word's.

    >>> [plural(w) for w in ("Journalist", "Deputy", "Attorney", "Chairman", "Witness", "MP", "Accused")]
    ['Journalists', 'Deputies', 'Attorneys', 'Chairmen', 'Witnesses', 'MPs', 'Accused']
    >>> plural("Human Rights Defender"), plural("Prisoner of Conscience")
    ('Human Rights Defenders', 'Prisoners of Conscience')
    """
    if " of " in noun:  # "Prisoners of Conscience"
        head, _, tail = noun.partition(" of ")
        return f"{plural(head)} of {tail}"
    head, _, last = noun.rpartition(" ")
    if last in _SAME_PLURAL:
        many = last
    elif last.endswith("man"):
        many = last[:-3] + "men"
    elif last.endswith(("s", "sh")) and not last.isupper():
        many = last + "es"
    elif last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u"):
        many = last[:-1] + "ies"
    else:
        many = last + "s"
    return f"{head} {many}" if head else many


# The titles kept as a person's position before the name (the cue gazetteer's ``titles``).
TITLES = tuple(dict.fromkeys((*OFFICES, *JUSTICE, *RANKS, *OCCUPATIONS, *CLERGY, *HONORIFICS, *PEERAGES)))
# One-word role nouns before a name, singular and plural -> the singular (the person finder's): the titles' and
# standings' one-word nouns, the honorifics with and without their stop ("Mr.", "Mr"); no kinship.
ROLE_NOUNS: dict[str, str] = {
    **{w: w for w in (*TITLES, *OCCUPATION_NOUNS, *PROCEDURAL) if " " not in w},
    **{f"{w}.": f"{w}." for w in ("Mr", "Mrs", "Ms", "Dr")},
    **{plural(w): w for w in (*OFFICES, *JUSTICE, *RANKS, *OCCUPATIONS, *OCCUPATION_NOUNS, *CLERGY, *PROCEDURAL) if " " not in w},
}
# Every word of every group, lower case, and the articles ("the lawyer X"): the words the identity resolver drops from
# the front of a person's name ("attorney Emil Kurbedinov" is Emil Kurbedinov).
NAME_WORDS = frozenset(
    {w.casefold() for group in (TITLES, OCCUPATION_NOUNS, KINSHIP, PROCEDURAL, COMPOUNDS, tuple(AFFILIATION_TITLES))
     for phrase in group for w in phrase.split() if w.casefold() != "of"} - {w.casefold() for w in PEERAGES}
    | {"the", "a", "an"})
