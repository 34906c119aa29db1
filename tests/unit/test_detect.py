"""Partner countries and the article's date, from the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from revue.core.countries import all_countries
from revue.core.months import DayMonth
from revue.ingest.agency_text import AgencyText, parse
from revue.ingest.date_finding import find_date
from revue.ingest.partner_finding import PartnerEvidence, find_partners

VIETNAM = all_countries()["VN"]


def names(text: str) -> list[str]:
    return [country.name for country in find_partners(parse(article(text)), VIETNAM).countries]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le Vietnam et le Japon", ["Japon"]),
        ("la délégation japonaise", ["Japon"]),
        ("un partenariat nippo-vietnamien", ["Japon"]),
        ("les relations Vietnam-Japon", ["Japon"]),
        ("la République de Corée et un ministre sud-coréen", ["Corée du Sud"]),
        ("les Etats-Unis", ["États-Unis"]),
        ("les États-Unis", ["États-Unis"]),
        ("des militaires américains", ["États-Unis"]),
        ("les relations Vietnam–États-Unis", ["États-Unis"]),
        ("la région d’Indo-Pacifique", []),
        ("le groupe d’amitié Gunma-Vietnam, le Parti vietnamien", []),
        ("la Réunion restreinte des ministres", []),
        ("tenue à Cebu (Philippines), puis à Kuala Lumpur (Malaisie)", []),
        ("les Philippines et la Malaisie", ["Malaisie", "Philippines"]),
        ("en marge du sommet de l’ASEAN à Singapour, avec le président indonésien", ["Indonésie"]),
        ("sa participation aux sommets connexes au Cambodge, avec son homologue thaïlandais", ["Thaïlande"]),
        ("la ligne ferroviaire Lào Cai - Hanoi - Hai Phong avec la Chine", ["Chine"]),
        ("une visite au Japon", ["Japon"]),
    ],
)
def test_partner_countries(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def article(standfirst: str, first: str = "Hanoi (VNA) - Texte.", *more: str) -> str:
    return "\n\n".join(["Titre", standfirst, first, *more])


def test_sources_yaml_is_authoritative_and_agreeing_text_gives_no_warning() -> None:
    found = find_date(parse(article("Le président a reçu jeudi à Hanoi une délégation.")), date(2016, 2, 18))
    assert (found.date, found.source, found.evidence, found.warnings) == (
        date(2016, 2, 18),
        "sources.yaml",
        "seeds/sources.yaml",
        (),
    )


def test_a_contradicting_day_month_or_weekday_is_warned() -> None:
    found = find_date(parse(article("Il a reçu jeudi 10 octobre une délégation.")), date(2022, 10, 11))
    assert found.warnings == (
        "le texte dit jeudi 10 octobre (chapeau), mais la date est 2022-10-11 (sources.yaml) : vérifiez `date`",
        "le texte dit jeudi (chapeau), mais le 2022-10-11 est un mardi (sources.yaml) : vérifiez `date`",
    )


def test_a_full_date_in_the_dateline_fixes_the_date() -> None:
    found = find_date(parse(article("Chapeau.", "Hanoï, 9 février 2023 (VNA) - Texte.")), None)
    assert (found.date, found.source, found.evidence) == (
        date(2023, 2, 9),
        "text",
        "attaque : « Hanoï, 9 février 2023 (VNA) »",
    )


def test_an_anniversary_fixes_the_year_of_a_nearby_event() -> None:
    text = article(
        "Le 14 décembre, une cérémonie a eu lieu à Hanoï.",
        "Hanoi (VNA) - À l'occasion du 30e anniversaire des relations (22 décembre 1992), une cérémonie.",
    )
    found = find_date(parse(text), None)
    assert (found.date, found.evidence) == (
        date(2022, 12, 14),
        "chapeau : « Le 14 décembre » ; année tirée de « 30e anniversaire … 22 décembre 1992 »",
    )


@pytest.mark.parametrize(
    "text",
    [
        article("Le 9 février, un entretien téléphonique."),  # no year anywhere
        article("Le président a reçu jeudi une délégation."),  # a weekday is not a date
        article(
            "Le 10 juin, une cérémonie.", "Hanoi (VNA) - Le 30e anniversaire (22 décembre 1992)."
        ),  # too far
        article("Une cérémonie.", "Hanoi (VNA) - Le 30e anniversaire (22 décembre 1992)."),  # no event day
        article("Hanoï, 30 février 2023 (VNA) - Rien."),  # no such day
        article("Le 22 décembre 1992, les relations ont été établies."),  # history, not the event
        article("Une visite du 22 au 24 juin."),  # a range
        article("Une visite du 31 octobre au 4 novembre."),  # a range over two months
        article("Une visite les 9 et 10 septembre 2023, en 2023."),  # a range, year or not
        article("Une visite, tenue le 17 avril dernier."),  # another day
        article(
            "Chapeau.", "Hanoi (VNA) - Auparavant, le 5 novembre 2017, il était au Japon en 2017."
        ),  # earlier
        article("Chapeau.", "Hanoi (VNA) - Le 60e anniversaire (9 août 1965 - 2025)."),  # in brackets
        article("Le mardi 20 septembre, une visite, en 2023."),  # 20 September 2023 is a Wednesday
    ],
)
def test_no_guessing_without_certainty(text: str) -> None:
    assert find_date(parse(text), None).date is None


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agency"


def fixture(name: str) -> AgencyText:
    return parse((FIXTURES / name).read_text(encoding="utf-8"))


def test_a_day_without_year_is_kept_as_a_partial_date_with_its_evidence() -> None:
    found = find_date(fixture("day-without-year.txt"), None)
    assert (found.date, found.partial, found.evidence) == (
        None,
        DayMonth(14, 11),
        "attaque : « Hanoï, 14 novembre (VNA) »",
    )
    assert (found.partial.placeholder(), found.partial.describe()) == ("????-11-14", "14 novembre")


def test_the_event_day_is_looked_for_past_the_first_paragraph_and_each_choice_is_explained() -> None:
    found = find_date(fixture("date-in-second-paragraph.txt"), None)
    assert (found.partial, found.evidence) == (DayMonth(29, 10), "paragraphe 2 : « le 29 octobre »")
    assert found.set_aside == ()
    later = find_date(
        parse(article("Chapeau.", "Hanoi (VNA) - Du 3 au 5 mai, puis le 22 décembre 1992 et le 7 mai.")), None
    )
    assert (later.partial, later.set_aside) == (
        DayMonth(7, 5),
        (
            "paragraphe 1 : « Du 3 au 5 mai » — une période, pas un jour",
            "paragraphe 1 : « le 22 décembre 1992 » — une année passée, citée en passant",
        ),
    )


def test_a_full_date_in_the_text_counts_when_its_year_is_the_articles_own() -> None:
    text = article(
        "Chapeau.",
        "Hanoï (VNA) - Une visite d'État du 10 au 11 septembre 2023.",
        "Le 10 septembre 2023, les deux dirigeants se sont rencontrés.",
    )
    found = find_date(parse(text), None)
    assert (found.date, found.evidence) == (date(2023, 9, 10), "paragraphe 2 : « Le 10 septembre 2023 »")


def test_a_weekday_fixes_the_year_when_it_fits_the_latest_year_the_text_names() -> None:
    found = find_date(
        parse(article("Chapeau.", "Vientiane (VNA) - Mardi 20 septembre, dans l'Année 2022.")), None
    )
    assert (found.date, found.evidence) == (
        date(2022, 9, 20),
        "paragraphe 1 : « Mardi 20 septembre » ; année 2022 : la plus récente que nomme le texte, et le jour y "
        "tombe bien un mardi",
    )


def test_no_day_at_all_is_said_with_the_weekday_the_text_gives() -> None:
    found = find_date(parse(article("Le ministre a reçu jeudi une délégation.")), None)
    assert (found.date, found.partial, found.evidence) == (
        None,
        None,
        "pas de jour ni de mois dans le texte, seulement jeudi (chapeau)",
    )


def test_a_venue_is_not_a_partner_and_the_finding_says_why() -> None:
    found = find_partners(fixture("venue-singapore.txt"), VIETNAM)
    assert [country.name for country in found.countries] == ["États-Unis"]
    assert found.evidence == (
        PartnerEvidence(all_countries()["US"], "nom « États-Unis » (titre), 4 mentions en tout"),
    )
    assert found.set_aside == (
        PartnerEvidence(
            all_countries()["SG"],
            "nommé seulement comme lieu de l’article ou de l’événement : « Singapour » (chapeau) ; "
            "« Singapour » (paragraphe 1) ; « Singapour (VNA) » (attaque)",
        ),
    )


def test_a_venue_named_as_a_partner_elsewhere_stays_a_partner() -> None:
    found = find_partners(fixture("venue-singapore-partner.txt"), VIETNAM)
    assert [country.name for country in found.countries] == ["Singapour"]
    assert found.evidence[0].reason == "nom « Singapour » (titre), 6 mentions en tout"
    both = parse(
        article("Chapeau.", "Singapour (VNA) - Le ministre était à Singapour, où les deux pays ont signé.")
    )
    assert [country.name for country in find_partners(both, VIETNAM).countries] == ["Singapour"]


def test_an_impossible_day_is_no_partial_date() -> None:
    found = find_date(parse(article("Chapeau.", "Hanoï, 30 février (VNA) - Rien.")), None)
    assert (found.partial, found.evidence) == (
        None,
        "attaque : « Hanoï, 30 février (VNA) » : ce jour n’existe pas",
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            article("Chapeau.", "Hanoi (VNA) - Depuis la signature de l’accord, le 3 mars 2023, les échanges ont doublé en 2023."),
            "paragraphe 1 : « le 3 mars 2023 » — le début ou la fin d’une période",
        ),
        (
            article("Chapeau.", "Hanoi (VNA) - L’établissement des relations le 3 mars 2023 a ouvert une ère, dit-il en 2023."),
            "paragraphe 1 : « le 3 mars 2023 » — un événement antérieur",
        ),
        (
            article("Chapeau.", "Hanoi (VNA) - Ils ont signé le 25 septembre 2013, en 2013, il y a dix ans (25 septembre 2013-2023)."),
            "paragraphe 1 : « le 25 septembre 2013 » — une année passée, citée en passant",
        ),
    ],
    ids=["depuis", "établissement", "anniversary span"],
)  # fmt: skip
def test_a_day_that_starts_a_period_or_an_earlier_event_is_never_the_events(text: str, why: str) -> None:
    """Issue 23, point 7: each of these gave the earlier day as the event's, the year written beside
    it being named twice and no later year counted (the `2023` of `2013-2023` looked ahead)."""
    found = find_date(parse(text), None)
    assert (found.date, found.partial) == (None, None)
    assert found.set_aside[0] == why


def test_an_anniversary_text_is_never_published_ten_years_off() -> None:
    """Issue 23, point 7: an agency text celebrating « (25 septembre 2013-2023) » and saying « depuis
    l’établissement … le 25 septembre 2013 » was imported with `date: 2013-09-25`, published with
    nothing said. In doubt, no date: the import makes a draft and lists each day set aside."""
    found = find_date(fixture("anniversary-range.txt"), None)
    assert (found.date, found.partial, found.evidence) == (
        None,
        None,
        "pas de jour ni de mois dans le texte, seulement mardi (chapeau)",
    )
    assert found.set_aside == (
        "chapeau : « 25 septembre 2013 » — entre parenthèses : un anniversaire ou une date passée",
        "paragraphe 1 : « le 25 septembre 2013 » — le début ou la fin d’une période",
    )
