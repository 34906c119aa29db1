"""Partner countries and the article's date, from the text."""

from __future__ import annotations

from datetime import date

import pytest

from revue.core.countries import all_countries
from revue.ingest.agency_text import parse
from revue.ingest.detect import find_date, partner_countries

VIETNAM = all_countries()["VN"]


def names(text: str) -> list[str]:
    return [country.name for country in partner_countries([text], VIETNAM)]


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
    ],
)
def test_partner_countries(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def article(standfirst: str, first: str = "Hanoi (VNA) - Texte.", *more: str) -> str:
    return "\n\n".join(["Titre", standfirst, first, *more])


def test_sources_yaml_is_authoritative_and_agreeing_text_gives_no_warning() -> None:
    found = find_date(parse(article("Le président a reçu jeudi à Hanoi une délégation.")), date(2016, 2, 18))
    assert (found.date, found.origin, found.warnings) == (date(2016, 2, 18), "sources.yaml", ())


def test_a_contradicting_day_month_or_weekday_is_warned() -> None:
    found = find_date(parse(article("Il a reçu jeudi 10 octobre une délégation.")), date(2022, 10, 11))
    assert found.warnings == (
        "the text says jeudi 10 octobre (standfirst) but the date is 2022-10-11 (sources.yaml): check `date`",
        "the text says jeudi (standfirst) but 2022-10-11 is a mardi (sources.yaml): check `date`",
    )


def test_a_full_date_in_the_dateline_fixes_the_date() -> None:
    found = find_date(parse(article("Chapeau.", "Hanoï, 9 février 2023 (VNA) - Texte.")), None)
    assert (found.date, found.origin) == (date(2023, 2, 9), "text: 9 février 2023 (dateline)")


def test_an_anniversary_fixes_the_year_of_a_nearby_event() -> None:
    text = article(
        "Le 14 décembre, une cérémonie a eu lieu à Hanoï.",
        "Hanoi (VNA) - À l'occasion du 30e anniversaire des relations (22 décembre 1992), une cérémonie.",
    )
    found = find_date(parse(text), None)
    assert (found.date, found.origin) == (
        date(2022, 12, 14),
        "text: 14 décembre (standfirst), year from “30e anniversaire … 22 décembre 1992”",
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
    ],
)
def test_no_guessing_without_certainty(text: str) -> None:
    assert find_date(parse(text), None).date is None
