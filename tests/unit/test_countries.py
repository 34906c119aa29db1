"""What editors type in `countries:`: countries and organisations by their everyday names, close slips
corrected, the rest explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from revue.content.config import load_config
from revue.core.countries import ORGANISATIONS, all_countries, all_organisations, lookup, suggest
from revue.core.errors import BuildError
from tests.conftest import REPO, read_all


def read_countries(tmp_path: Path, countries: str) -> list[str]:
    """The countries an article with this `countries:` line gets, or its messages."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(
        f"---\ntitle: T\ndate: 2020-01-01\ncountries: {countries}\n---\nTexte.\n", encoding="utf-8"
    )
    try:
        [article] = read_all(content, load_config(REPO / "site.yaml"), tmp_path)
    except BuildError as error:
        return [str(problem) for problem in error.problems]
    return [country.name for country in article.countries]


@pytest.mark.parametrize(
    ("typed", "country"),
    [
        ("Hollande", "Pays-Bas"),
        ("Angleterre", "Royaume-Uni"),
        ("Écosse", "Royaume-Uni"),
        ("Ecosse", "Royaume-Uni"),
        ("Grande-Bretagne", "Royaume-Uni"),
        ("Amérique", "États-Unis"),
        ("Etats Unis", "États-Unis"),
        ("Corée-du-Sud", "Corée du Sud"),
        ("coree du sud", "Corée du Sud"),
        ('"Nouvelle Zélande"', "Nouvelle-Zélande"),
    ],
)
def test_everyday_names_editors_type_are_understood(tmp_path: Path, typed: str, country: str) -> None:
    assert read_countries(tmp_path, f"[{typed}]") == [country]


@pytest.mark.parametrize(
    "line", ["France, Chine", "[France, Chine]", "France,Chine", '"France, Chine"', "- France, Chine"]
)
def test_a_comma_list_is_a_list_with_or_without_brackets(tmp_path: Path, line: str) -> None:
    line = f"\n  {line}" if line.startswith("-") else line
    assert read_countries(tmp_path, line) == ["France", "Chine"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Jappon", "countries: « Jappon » n’est pas un pays connu — vouliez-vous dire « Japon » ?"),
        ("Holande", "countries: « Holande » n’est pas un pays connu — vouliez-vous dire « Pays-Bas » ?"),
        ("Germany", "countries: « Germany » n’est pas un pays connu — vouliez-vous dire « Allemagne » ?"),
        (
            "Atlantide",
            "countries: « Atlantide » n’est ni un pays ni une organisation que le site connaît — vérifiez "
            "l’orthographe, ou écrivez le nom français tel que le site l’affiche, par exemple `Japon`, "
            "`Corée du Sud` ou `Union européenne`",
        ),
        (
            "Afrique",
            "countries: « Afrique » n’est ni un pays ni une organisation que le site connaît — vérifiez "
            "l’orthographe, ou écrivez le nom français tel que le site l’affiche, par exemple `Japon`, "
            "`Corée du Sud` ou `Union européenne`",
        ),
        (
            "Union europeene",
            "countries: « Union europeene » n’est pas une organisation connue — vouliez-vous dire "
            "« Union européenne » ?",
        ),
        (
            "Banque mondial",
            "countries: « Banque mondial » n’est pas une organisation connue — vouliez-vous dire "
            "« Banque mondiale » ?",
        ),
        (
            "France et Chine",
            "countries: « France et Chine » nomme 2 pays — écrivez-les un par un : France, Chine",
        ),
        (
            "Japon et UE",
            "countries: « Japon et UE » nomme 2 partenaires — écrivez-les un par un : Japon, UE",
        ),
    ],
)
def test_what_is_no_country_is_explained_on_its_line(tmp_path: Path, typed: str, message: str) -> None:
    assert read_countries(tmp_path, f"[{typed}]") == [f"content/a.md:4: {message}"]


@pytest.mark.parametrize(
    ("typed", "close"),
    [
        ("Japn", "Japon"),
        ("Allemange", "Allemagne"),
        ("Tailande", "Thaïlande"),
        ("Philipinnes", "Philippines"),
        ("South Korea", "Corée du Sud"),
        ("Holland", "Pays-Bas"),
        ("Hollande", "Pays-Bas"),
        ("Union europeene", "Union européenne"),
        ("ASAEN", "ASEAN"),
        ("Nation unies", "ONU"),
        ("OMX", None),  # a slip of OMC as much as of OMS: short abbreviations are never suggested
        ("Atlantide", None),
        ("Afrique", None),
        ("Europe", None),
        ("XX", None),
    ],
)
def test_a_suggestion_is_only_a_slip_away_or_the_english_name(typed: str, close: str | None) -> None:
    found = suggest(typed)
    assert (found.name if found else None) == close


@pytest.mark.parametrize(
    ("typed", "partner"),
    [
        ("Union européenne", "Union européenne"),
        ("UE", "Union européenne"),
        ("l’UE", "Union européenne"),
        ("union europeenne", "Union européenne"),
        ("ASEAN", "ASEAN"),
        ("l’ASEAN", "ASEAN"),
        ("l'ASEAN", "ASEAN"),
        ("ANASE", "ASEAN"),
        ("Nations unies", "ONU"),
        ("les Nations Unies", "ONU"),
        ("OMC", "OMC"),
        ("la Banque mondiale", "Banque mondiale"),
        ("BAD", "Banque asiatique de développement"),
        ("Mékong-Lancang", "Coopération Mékong-Lancang"),
        ("le Japon", "Japon"),
        ("La Réunion", "La Réunion"),  # an article that is part of a country's name stays
    ],
)
def test_organisations_are_partners_by_their_names_and_abbreviations(
    tmp_path: Path, typed: str, partner: str
) -> None:
    assert read_countries(tmp_path, f"[{typed}]") == [partner]


def test_one_key_lists_countries_and_organisations_in_the_editors_order(tmp_path: Path) -> None:
    assert read_countries(tmp_path, "[Japon, UE, ASEAN]") == ["Japon", "Union européenne", "ASEAN"]


def test_every_organisation_name_is_its_own_and_its_page_is_under_organisations() -> None:
    """No name or abbreviation of an organisation is taken by a country (`UA` is Ukraine), and no
    organisation's slug is a country's: their pages and feed categories stay apart."""
    for name, others in ORGANISATIONS.items():
        for other in (name, *others):
            found = lookup(other)
            assert found is not None and found.name == name, f"{other} names {found}"
    organisations = all_organisations().values()
    assert not {o.slug for o in organisations} & {c.slug for c in all_countries().values()}
    assert lookup("UE").path == "organisations/union-europeenne/"
    assert lookup("Japon").path == "pays/japon/"


def test_the_guide_lists_every_organisation() -> None:
    guide = (REPO / "docs" / "guide-editeur.md").read_text(encoding="utf-8")
    assert [name for name in ORGANISATIONS if f"\n| {name} |" not in guide] == []
