"""What editors type in `countries:`: everyday names understood, close slips corrected, the rest explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from revue.core.countries import suggest
from revue.core.errors import BuildError
from revue.site.config import load_config
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
            "countries: « Atlantide » n’est pas un pays connu — vérifiez l’orthographe, ou écrivez le nom "
            "français du pays tel que le site l’affiche, par exemple `Japon` ou `Corée du Sud`",
        ),
        (
            "Afrique",
            "countries: « Afrique » n’est pas un pays connu — vérifiez l’orthographe, ou écrivez le nom "
            "français du pays tel que le site l’affiche, par exemple `Japon` ou `Corée du Sud`",
        ),
        (
            "Union européenne",
            "countries: « Union européenne » est une organisation, pas un pays — une organisation ne peut "
            "pas encore être partenaire : nommez les pays concernés, ou retirez-la",
        ),
        (
            "ASEAN",
            "countries: « ASEAN » est une organisation, pas un pays — une organisation ne peut pas encore "
            "être partenaire : nommez les pays concernés, ou retirez-la",
        ),
        (
            "ONU",
            "countries: « ONU » est une organisation, pas un pays — une organisation ne peut pas encore "
            "être partenaire : nommez les pays concernés, ou retirez-la",
        ),
        (
            "France et Chine",
            "countries: « France et Chine » nomme 2 pays — écrivez-les un par un : France, Chine",
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
        ("Atlantide", None),
        ("Afrique", None),
        ("Europe", None),
        ("XX", None),
    ],
)
def test_a_suggestion_is_only_a_slip_away_or_the_english_name(typed: str, close: str | None) -> None:
    assert suggest(typed) == close
