"""Reading content/*.md: YAML traps, defaults, and what an Article keeps."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from revue.content.config import load_config
from revue.core import urls
from revue.core.errors import BuildError
from tests.conftest import REPO, read_all


def read_one(tmp_path: Path, front_matter: str, body: str = "Texte.\n"):
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text(f"---\n{front_matter}\n---\n{body}", encoding="utf-8")
    [article] = read_all(content, load_config(REPO / "site.yaml"), tmp_path)
    return article


def test_yaml_one_one_traps_stay_text(tmp_path: Path) -> None:
    article = read_one(tmp_path, "title: NO\ndate: 2016-02-18\ncountries: [NO]\nplace: Yes")
    assert article.title == "NO"
    assert article.place == "Yes"
    assert [c.name for c in article.countries] == ["Norvège"]
    assert article.date == datetime.date(2016, 2, 18)


def test_numbers_in_text_fields_stay_as_the_editor_typed_them(tmp_path: Path) -> None:
    """YAML 1.1 reads `010` as 8, `12:30` as 750 (base 60), `1_000` as 1000, `0123` as 83."""
    article = read_one(
        tmp_path, "title: 010\nsummary: 12:30\nplace: 1_000\ndate: 2024-01-01\ncountries: [Japon]\nslug: 0123"
    )
    assert (article.title, article.summary, article.place, article.slug) == ("010", "12:30", "1_000", "0123")


def test_numbers_in_photos_and_aliases_stay_as_typed_too(tmp_path: Path) -> None:
    article = read_one(
        tmp_path,
        "title: T\ndate: 2024-01-01\ncountries: [Japon]\naliases: [010, 0x1f]\n"
        "photos:\n  - {caption: 12:30, credit: 1_000}",
    )
    assert article.aliases == ("010", "0x1f")
    assert (article.photos[0].caption, article.photos[0].credit) == ("12:30", "1_000")


def test_a_key_written_twice_in_a_photo_is_named_at_its_second_line(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as error:
        read_one(
            tmp_path,
            'title: T\ndate: 2024-01-01\ncountries: [Japon]\nphotos:\n  - caption: "Un"\n    credit: VNA\n'
            '    caption: "Deux"',
        )
    assert [str(problem) for problem in error.value.problems] == [
        "content/a.md:8: caption: ce champ est déjà écrit ligne 6 — gardez une seule des deux lignes"
    ]


def test_a_quoted_false_draft_is_said_to_be_quoted(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as error:
        read_one(tmp_path, 'title: T\ndate: 2024-01-01\ncountries: [Japon]\ndraft: "false"')
    assert [str(problem) for problem in error.value.problems] == [
        "content/a.md:5: draft: « false » est entre guillemets, donc un texte — écrivez `draft: false` sans guillemets"
    ]


def test_a_title_that_is_a_list_is_named_as_such_not_as_missing(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as error:
        read_one(tmp_path, "title: [Vietnam, Japon]\ndate: 2024-01-01\ncountries: [Japon]")
    assert [str(problem) for problem in error.value.problems] == [
        "content/a.md:2: title: « ['Vietnam', 'Japon'] » n’est pas un texte — écrivez-le entre guillemets"
    ]


def test_a_field_left_empty_as_the_guide_allows_is_absent(tmp_path: Path) -> None:
    article = read_one(tmp_path, "title: T\ndate: 2024-01-01\ncountries: [Japon]\ndraft:\nplace:")
    assert not article.draft and article.place == ""


def test_slug_comes_from_the_title_in_french_and_a_written_slug_is_frozen(tmp_path: Path) -> None:
    assert (
        read_one(tmp_path, 'title: "L\'été à Hanoï"\ndate: 2020-01-01\ncountries: [Japon]').slug
        == "l-ete-a-hanoi"
    )
    (tmp_path / "content" / "a.md").unlink()
    (tmp_path / "content").rmdir()
    frozen = read_one(
        tmp_path, 'title: "Nouveau titre"\ndate: 2020-01-01\ncountries: [Japon]\nslug: ancien-titre'
    )
    assert frozen.slug == "ancien-titre"
    assert frozen.url_path == "articles/ancien-titre/"


def test_country_aliases_and_accents_resolve_to_cldr_names(tmp_path: Path) -> None:
    article = read_one(
        tmp_path, "title: T\ndate: 2020-01-01\ncountries: [Etats-Unis, République de Corée, japon]"
    )
    assert [c.name for c in article.countries] == ["États-Unis", "Corée du Sud", "Japon"]


def test_a_draft_may_wait_for_its_date(tmp_path: Path) -> None:
    article = read_one(tmp_path, "title: T\ncountries: [Japon]\ndraft: true")
    assert article.draft and article.date is None


def test_a_tab_that_indents_a_key_is_named_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(BuildError) as error:
        read_one(tmp_path, "title: T\ndate: 2020-01-01\ncountries: [Japon]\nsource:\n  agency: VNA\n\turl: x")
    assert [str(problem) for problem in error.value.problems] == [
        "content/a.md:7: une tabulation en début de ligne — indentez avec des espaces"
    ]


@pytest.mark.parametrize("day", ["????-11-14", "????-02-29", "????-01-01"])
def test_a_draft_may_hold_the_day_the_text_gives_without_its_year(tmp_path: Path, day: str) -> None:
    article = read_one(tmp_path, f'title: T\ndate: "{day}"\ncountries: [Japon]\ndraft: true')
    assert article.draft and article.date is None


@pytest.mark.parametrize("draft", ["draft: false", ""], ids=["draft-false", "no-draft-line"])
def test_a_day_without_year_is_refused_on_publication_with_the_year_to_write(
    tmp_path: Path, draft: str
) -> None:
    with pytest.raises(BuildError) as error:
        read_one(tmp_path, f'title: T\ncountries: [Japon]\ndate: "????-03-01"\n{draft}')
    assert [str(problem) for problem in error.value.problems] == [
        "content/a.md:4: date: « ????-03-01 » n’a pas d’année — le texte donne le 1er mars ; écrivez l’année : "
        "20AA-03-01"
    ]


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (
            "????-13-40",
            "date: « ????-13-40 » n’est pas un jour réel — le mois vient en second, de 01 à 12",
        ),
        (
            "????-00-10",
            "date: « ????-00-10 » n’est pas un jour réel — le mois vient en second, de 01 à 12",
        ),
        (
            "????-02-30",
            "date: « ????-02-30 » n’est pas un jour réel — le jour vient en dernier, de 01 à 29 en février",
        ),
        (
            "????-04-31",
            "date: « ????-04-31 » n’est pas un jour réel — le jour vient en dernier, de 01 à 30 en avril",
        ),
        ("????-4-3", "date: « ????-4-3 » n’est pas une date — écrivez-la AAAA-MM-JJ, par exemple 2023-02-09"),
    ],
)
def test_a_day_without_year_that_no_year_has_is_refused_even_in_a_draft(
    tmp_path: Path, day: str, message: str
) -> None:
    with pytest.raises(BuildError) as error:
        read_one(tmp_path, f'title: T\ndate: "{day}"\ncountries: [Japon]\ndraft: true')
    assert [str(problem) for problem in error.value.problems] == [f"content/a.md:3: {message}"]


def test_a_slug_cut_to_a_length_keeps_the_first_words_in_order() -> None:
    title = "Le Vietnam et le Japon signent un accord sur la formation des infirmiers et des aides-soignants"
    cut = urls.slug(title, 60)
    assert cut == "le-vietnam-et-le-japon-signent-un-accord-sur-la-formation"  # not `…-formation-et`
    assert urls.slug(title, 0).startswith(f"{cut}-")
