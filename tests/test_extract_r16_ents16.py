"""Round 16, ents16: entity classes of the news and NGO splits dev8 and dev9 (docs/extraction.md, "Round 16: ents16"),
on made-up sentences in their shape."""

from __future__ import annotations

from tests.extract_helpers import check_quotes, extract


def _keys(ex, label: str = "Organisation") -> set[str]:  # type: ignore[no-untyped-def]
    return {k for k, e in ex.entities.items() if e.label == label}


def test_platform_named_as_where_a_statement_was_made_is_no_entity() -> None:
    text, ex = extract("“We condemn the sentences,” the Embassy of Freedonia posted on Twitter. The deputy minister Ivan "
                       "Petrenko wrote in Telegram that ten people were detained. A Kyiv group was raided, according to "
                       "the organization’s Facebook page.")
    assert not _keys(ex) & {"org:twitter", "org:telegram", "org:facebook"}
    check_quotes(text, ex.claims)
    # a post charged, videos on a channel: still only where something was published (README conv16a point 1)
    text, ex = extract("The lawyer Ivan Petrenko was charged for a Facebook post he made in 2013. Oleh Koval posted "
                       "videos of the searches on his YouTube channel, the ministry wrote on Facebook.")
    assert not _keys(ex) & {"org:facebook", "org:youtube"}
    check_quotes(text, ex.claims)


def test_platform_that_acts_or_is_acted_on_is_an_organisation() -> None:
    # (coordinator, README conv16a point 1: an Organisation only when the platform itself acts or is acted on)
    text, ex = extract("The outlet said that Facebook had blocked its page. In March the authorities blocked Telegram "
                       "in Crimea, and access to YouTube was restricted.")
    assert {"org:facebook", "org:telegram", "org:youtube"} <= _keys(ex)
    check_quotes(text, ex.claims)


def test_parliament_commissioner_title_names_no_parliament() -> None:
    text, ex = extract("Ukrainian Parliament Commissioner for Human Rights Olena Marchenko said that ten people were "
                       "detained.\n\nSource: Petro Bondar, Ukrainian Parliament Human Rights Commissioner, on Telegram\n\n"
                       "The Ukrainian human rights commissioner has asked for a visit.")
    keys = _keys(ex)
    assert "org:ukrainian-ombudsman" in keys
    assert not keys & {"org:verkhovna-rada", "org:telegram", "org:ukrainian-human-rights-commissioner"}
    check_quotes(text, ex.claims)


def test_named_police_station_of_a_town_is_a_place() -> None:
    text, ex = extract("The detainees were taken to the Leninsky District Police Department of Simferopol. Their lawyer "
                       "visited them in the Central Police Precinct of Simferopol on Monday.")
    places = _keys(ex, "Location")
    assert {"place:leninsky-district-police-department-simferopol", "place:central-police-precinct-simferopol"} <= places
    assert not any("police" in k for k in _keys(ex))
    check_quotes(text, ex.claims)


def test_victim_groups_listed_after_a_verb_of_persecution() -> None:
    text, ex = extract("The occupiers have used the courts to persecute journalists, including citizen journalists, and "
                       "activists, and continue to do so. In Kherson the invaders began persecuting independent "
                       "journalists, civil activists, members of the local council, and priests.")
    assert {"org:crimea-journalists-generic", "org:crimea-political-activists-generic"} <= _keys(ex)
    check_quotes(text, ex.claims)


def test_groups_added_to_the_authorities_targets() -> None:
    text, ex = extract("He has defended the Crimean Tatars, who have become one of the main targets for the "
                       "authorities, as well as civil society activists and journalists.")
    assert {"org:crimea-journalists-generic", "org:crimea-political-activists-generic"} <= _keys(ex)
    check_quotes(text, ex.claims)


def test_body_aliases() -> None:
    # the police centre's other rendering and the UN mission named without "Monitoring"
    text, ex = extract("Officers of the Centre to Counteract Extremism detained him. Maria Ivanova, the Head of the UN "
                       "Human Rights Mission to Ukraine, said so.")
    keys = _keys(ex)
    assert {"org:centre-for-counteracting-extremism-crimea", "org:hrmmu"} <= keys
    assert "org:centre-to-counteract-extremism" not in keys
    check_quotes(text, ex.claims)


def test_spelling_aliases() -> None:
    # QHA's "Hizb-ut Tahrir" and "Prosecutor's office in ...", Ukrinform's "Crimea. Realities"
    text, ex = extract("The Prosecutor's office in the Autonomous Republic of Crimea and the city of Sevastopol opened a case "
                       "on the searches of men suspected of links with Hizb-ut Tahrir, a correspondent of Crimea. Realities "
                       "reported.")
    assert {"org:prosecutor-of-arc", "org:hizb-ut-tahrir", "org:krym-realii"} <= _keys(ex)
    check_quotes(text, ex.claims)
