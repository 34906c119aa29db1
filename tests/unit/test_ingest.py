"""`python build.py import`: seeds → content/*.md, golden files, never overwriting an editor's work."""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

import pytest
import wordfreq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revue.core.errors import BuildError
from revue.core.project import Project
from revue.core.yamlsource import load_mapping
from revue.pipeline import Mode, build

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "content"
FIXTURES = REPO / "tests" / "fixtures" / "agency"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
TINY = "Titre de l'article\n\nLe chapeau, le 9 février.\n\nHanoï (VNA) - Le Japon et le Vietnam. -VNA\n"


def make_project(root: Path, seeds: dict[str, str], sources: str | None = None) -> Project:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for name, text in seeds.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    if sources is not None:
        (root / "seeds" / "sources.yaml").write_text(sources, encoding="utf-8")
    return Project(root)


def run_import(project: Project) -> list[str]:
    return [report.format() for report in build(project, Mode.IMPORT).imports]


def problems(project: Project) -> list[str]:
    with pytest.raises(BuildError) as error:
        run_import(project)
    return [str(problem) for problem in error.value.problems]


def front_matter(path: Path) -> dict:
    head = path.read_text(encoding="utf-8").removeprefix("---\n").split("\n---\n")[0]
    return load_mapping(head).values


@pytest.fixture(scope="module")
def seeds_imported(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("site")
    # The agency texts as an editor first adds them: none imported yet.
    shutil.copytree(REPO / "seeds", root / "seeds", ignore=shutil.ignore_patterns("imported.yaml"))
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    project = Project(root)
    run_import(project)
    return project


def test_the_five_seeds_match_their_golden_files(seeds_imported: Project) -> None:
    """Regenerate with REVUE_UPDATE_GOLDEN=1, then read the diff before committing."""
    written = {path.name: path.read_text(encoding="utf-8") for path in seeds_imported.content.glob("*.md")}
    assert len(written) == len(SEEDS) == 5
    if os.environ.get("REVUE_UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir(parents=True)
        for name, text in written.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = {path.name: path.read_text(encoding="utf-8") for path in GOLDEN.glob("*.md")}
    assert sorted(written) == sorted(golden)
    for name, text in written.items():
        diff = "".join(
            difflib.unified_diff(golden[name].splitlines(True), text.splitlines(True), name, "imported")
        )
        assert not diff, f"{name} differs from its golden file (REVUE_UPDATE_GOLDEN=1 to accept):\n{diff}"


def test_seed_front_matter_has_the_editors_facts(seeds_imported: Project) -> None:
    matters = {fm["source"]["seed"]: fm for fm in map(front_matter, seeds_imported.content.glob("*.md"))}
    assert {seed: str(fm["date"]) for seed, fm in matters.items()} == {
        "000_da66546f1613b67c.txt": "2016-02-18",
        "001_f74315cc051a8a08.txt": "2022-10-10",
        "002_a343969ef2c7d778.txt": "2020-01-13",
        "003_29eccab4a8c086e1.txt": "2020-05-08",
        "004_1a36f3d7e3360e3f.txt": "2023-02-09",
    }
    assert {fm["place"] for fm in matters.values()} == {"Hanoi", "Hanoï", "Da Nang"}
    assert all(fm["countries"] == ["Japon"] and "draft" not in fm for fm in matters.values())
    assert matters["004_1a36f3d7e3360e3f.txt"]["source"]["url"].endswith("/196603.vnp")
    assert "url" not in matters["000_da66546f1613b67c.txt"]["source"]


def test_seed_bodies_hold_no_noise_and_repaired_words(seeds_imported: Project) -> None:
    for path in seeds_imported.content.glob("*.md"):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for noise in (
            "Voir plus",
            "ảnh",
            "Photo:",
            "Photo :",
            "-VNA",
            "- VNA",
            "\nsource\n",
            "Costa",
            "Bulgarie",
        ):
            assert noise not in body, f"{path.name} holds {noise!r}"
    body = (
        seeds_imported.content / "porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur.md"
    ).read_text()
    for repaired in ("leur entretien", "a suggéré", "les deux", "un partenaire", "relations diplomatiques"):
        assert repaired in body
    assert "Nguyen Phu Trong a affirmé" in body and "élargirait" in body and "Kishida Fumio" in body


def test_no_french_word_of_the_seeds_is_split(seeds_imported: Project) -> None:
    """Every word of a seed's article that French commonly uses (Zipf ≥ 2) stays whole in its Markdown."""
    imported = " ".join(path.read_text(encoding="utf-8") for path in seeds_imported.content.glob("*.md"))
    kept = set(re.findall(r"\w+", imported))
    split = set()
    for seed in SEEDS:
        article = seed.read_text(encoding="utf-8").split("\nVoir plus")[0]
        for word in set(re.findall(r"[^\W\d_]{4,}", article)):
            if word not in kept and wordfreq.zipf_frequency(word, "fr") >= 2.0 and "ảnh" not in word:
                split.add(word)
    assert split == set()
    # Rarer words and names that wordfreq ranks beside glued junk such as `pourles` (1.7):
    assert {"élargirait", "Kishida", "Fumio", "Gunma", "Masaaki", "Matsuzawa"} <= kept


def test_importing_again_keeps_every_file_and_says_so(seeds_imported: Project) -> None:
    before = {path: path.read_bytes() for path in seeds_imported.content.glob("*.md")}
    edited = seeds_imported.content / "le-vietnam-remet-des-fournitures-medicales-au-japon.md"
    edited.write_bytes(before[edited] + b"\nUne correction.\n")
    reports = run_import(seeds_imported)
    assert reports[3] == (
        "003_29eccab4a8c086e1.txt: content/le-vietnam-remet-des-fournitures-medicales-au-japon.md gardé tel "
        "quel (modifié depuis l’import : jamais écrasé)"
    )
    assert reports[4] == (
        "004_1a36f3d7e3360e3f.txt: content/porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur.md gardé "
        "tel quel (inchangé depuis l’import)"
    )
    assert edited.read_bytes() == before[edited] + b"\nUne correction.\n"
    edited.write_bytes(before[edited])


def test_a_seed_giving_its_day_without_the_year_is_a_draft_holding_the_day(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.txt": TINY})
    assert run_import(project) == [
        "a.txt → content/titre-de-l-article.md\n"
        "  title: Titre de l'article\n"
        "  date: ????-02-09, importé en brouillon (`draft: true`) — le texte donne le 9 février ; écrivez "
        "l’année : 20AA-02-09\n"
        "    indice : chapeau : « le 9 février »\n"
        "  countries: Japon\n"
        "    Japon : nom « Japon » (paragraphe 1)"
    ]
    assert (tmp_path / "content" / "titre-de-l-article.md").read_text(encoding="utf-8") == (
        "---\n"
        "title: Titre de l'article\n"
        'date: "????-02-09"\n'
        "countries: [Japon]\n"
        "summary: Le chapeau, le 9 février.\n"
        "place: Hanoï\n"
        "source: {agency: VNA, seed: a.txt}\n"
        "slug: titre-de-l-article\n"
        "draft: true\n"
        "---\n"
        "\n"
        "Le Japon et le Vietnam.\n"
    )


def test_a_seed_without_any_day_is_a_draft_and_the_report_says_what_to_fill(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.txt": TINY.replace(", le 9 février", "")})
    assert run_import(project) == [
        "a.txt → content/titre-de-l-article.md\n"
        "  title: Titre de l'article\n"
        "  date: inconnue — importé en brouillon (`draft: true`) : remplissez `date` dans "
        "content/titre-de-l-article.md\n"
        "    indice : pas de jour ni de mois dans le texte\n"
        "  countries: Japon\n"
        "    Japon : nom « Japon » (paragraphe 1)"
    ]
    assert "\ndate:" not in (tmp_path / "content" / "titre-de-l-article.md").read_text(encoding="utf-8")


def test_the_report_gives_the_evidence_for_date_and_partners_and_what_was_set_aside_or_dropped(
    tmp_path: Path,
) -> None:
    names = ("range-before-the-day.txt", "venue-singapore.txt", "teasers-after-sign-off.txt")
    project = make_project(tmp_path, {name: (FIXTURES / name).read_text(encoding="utf-8") for name in names})
    teaser = "annonce d’un autre article, après la signature (titre et paragraphe)"
    assert run_import(project) == [
        "range-before-the-day.txt → content/le-vietnam-et-l-inde-preparent-leur-semaine-culturelle.md\n"
        "  title: Le Vietnam et l'Inde préparent leur semaine culturelle\n"
        "  date: ????-10-28, importé en brouillon (`draft: true`) — le texte donne le 28 octobre ; écrivez "
        "l’année : 20AA-10-28\n"
        "    indice : paragraphe 1 : « le 28 octobre »\n"
        "    écarté : chapeau : « du 3 au 5 novembre » — une période, pas un jour\n"
        "  countries: Inde\n"
        "    Inde : nom « Inde » (titre), 3 mentions en tout\n"
        "  laissé de côté, ligne 8 : « Voir plus » — les annonces d’autres articles qui suivent le sont aussi : "
        "1 ligne",
        "teasers-after-sign-off.txt → content/le-vietnam-et-le-cambodge-cooperent-dans-le-deminage.md\n"
        "  title: Le Vietnam et le Cambodge coopèrent dans le déminage\n"
        "  date: ????-05-12, importé en brouillon (`draft: true`) — le texte donne le 12 mai ; écrivez "
        "l’année : 20AA-05-12\n"
        "    indice : chapeau : « le 12 mai »\n"
        "  countries: Cambodge\n"
        "    Cambodge : nom « Cambodge » (titre), 2 mentions en tout\n"
        f"  laissé de côté, ligne 8 : « Festival des cerfs-volants à Hué » — {teaser}\n"
        f"  laissé de côté, ligne 9 : « Plus de deux cents cerfs-volants venus de douze pays ont … » — {teaser}\n"
        f"  laissé de côté, ligne 10 : « Ouverture d'une ligne aérienne entre Da Nang et Séoul » — {teaser}\n"
        f"  laissé de côté, ligne 11 : « Une compagnie à bas prix relie désormais les deux villes … » — {teaser}",
        "venue-singapore.txt → content/le-vietnam-et-les-etats-unis-discutent-de-la-securite-maritime.md\n"
        "  title: Le Vietnam et les États-Unis discutent de la sécurité maritime\n"
        "  date: ????-06-02, importé en brouillon (`draft: true`) — le texte donne le 2 juin ; écrivez "
        "l’année : 20AA-06-02\n"
        "    indice : chapeau : « le 2 juin »\n"
        "  countries: États-Unis\n"
        "    États-Unis : nom « États-Unis » (titre), 4 mentions en tout\n"
        "    écarté : Singapour, nommé seulement comme lieu de l’article ou de l’événement : « Singapour » "
        "(chapeau) ; « Singapour » (paragraphe 1) ; « Singapour (VNA) » (attaque)",
    ]


def test_an_imported_slug_is_cut_at_a_word_to_80_characters_never_on_a_little_word(tmp_path: Path) -> None:
    title = (
        "Le Vietnam et le Japon signent un accord de coopération sur la formation des infirmiers "
        "et des aides-soignants dans les provinces du Nord"
    )
    project = make_project(tmp_path, {"a.txt": TINY.replace("Titre de l'article", title)})
    run_import(project)
    [written] = (tmp_path / "content").glob("*.md")
    slug = "le-vietnam-et-le-japon-signent-un-accord-de-cooperation-sur-la-formation"
    assert written.name == f"{slug}.md"  # `…-des-infirmiers` would pass 80; `…-formation-des` ends on `des`
    assert front_matter(written)["slug"] == slug and front_matter(written)["title"] == title


def test_two_seeds_with_one_slug_are_refused_naming_both(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.txt": TINY, "b.txt": TINY})
    assert problems(project) == [
        "seeds/b.txt:1: son titre donne content/titre-de-l-article.md, comme celui de a.txt — changez l’un des "
        "deux titres"
    ]
    assert not (tmp_path / "content").exists()


def test_a_seed_whose_import_would_not_build_is_refused_with_the_reason(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.txt": TINY.replace("Titre de l'article", 'Le "sommet')})
    assert problems(project) == [
        "seeds/a.txt: une fois importé, il ne passerait pas la construction (content/le-sommet.md:2: title: "
        'un guillemet " est seul — mettez toute la valeur entre guillemets, ou retirez ce guillemet) — '
        "corrigez le texte ou seeds/sources.yaml"
    ]
    assert not (tmp_path / "content").exists()


def test_a_hand_written_file_with_the_same_name_is_never_overwritten(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"a.txt": TINY})
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "titre-de-l-article.md").write_text("à moi\n", encoding="utf-8")
    assert problems(project) == [
        "content/titre-de-l-article.md:1: pas d’en-tête — commencez le fichier par une ligne `---`, puis les "
        "champs, puis `---`",
        "seeds/a.txt:1: content/titre-de-l-article.md existe déjà et ne vient pas de ce texte — renommez "
        "content/titre-de-l-article.md, ou changez le titre (la première ligne) de ce texte",
    ]
    assert (tmp_path / "content" / "titre-de-l-article.md").read_text(encoding="utf-8") == "à moi\n"


def test_sources_yaml_mistakes_are_reported_with_their_line(tmp_path: Path) -> None:
    sources = "a.txt:\n  date: 2023-02-30\n  url: ftp://x\n  auteur: moi\nb.txt: 2023-01-01\n"
    project = make_project(tmp_path, {"a.txt": TINY}, sources)
    assert problems(project) == [
        "seeds/sources.yaml:2: a.txt: date: « 2023-02-30 » n’est pas une date réelle — février 2023 compte "
        "28 jours",
        "seeds/sources.yaml:3: a.txt: url: « ftp://x » n’est pas une adresse web — écrivez-la en entier, sans "
        "espace, en commençant par https://, ou écrivez `url: null`",
        "seeds/sources.yaml:4: a.txt: champ inconnu « auteur » — champs possibles : date, url",
        "seeds/sources.yaml:5: b.txt: les lignes `date:` et `url:` manquent — écrivez-les en dessous, indentées "
        "de deux espaces",
        "seeds/sources.yaml:5: b.txt: aucun fichier de ce nom dans seeds/ — corrigez le nom du fichier, ou "
        "retirez cette entrée",
    ]


def test_a_seed_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path, {})
    (tmp_path / "seeds" / "a.txt").write_bytes("Titré".encode("latin-1"))
    assert problems(project) == ["seeds/a.txt: n’est pas un texte UTF-8 — enregistrez le fichier en UTF-8"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.text(
        alphabet=st.sampled_from(list("ab é:'\"#-*_<>&\n()VNAảnh1.,")) | st.characters(codec="utf-8"),
        max_size=200,
    )
)
def test_any_text_gives_a_valid_file_or_clear_errors_naming_the_seed(
    tmp_path_factory: pytest.TempPathFactory, raw: str
) -> None:
    root = tmp_path_factory.mktemp("any")
    project = make_project(root, {"seed.txt": raw})
    try:
        run_import(project)
    except BuildError as error:  # each reason the file would not build, every one naming the seed
        assert error.problems
        assert all(str(problem).startswith("seeds/seed.txt") for problem in error.problems)
        return
    [written] = (root / "content").glob("*.md")
    values = front_matter(written)
    assert values["source"]["seed"] == "seed.txt"
    assert values["slug"] == written.stem and isinstance(values["title"], str)


def test_an_anniversary_text_is_imported_as_a_draft_with_the_days_set_aside(tmp_path: Path) -> None:
    """Issue 23, point 7: the importer never publishes a year it is not sure of."""
    text = (FIXTURES / "anniversary-range.txt").read_text(encoding="utf-8")
    project = make_project(tmp_path, {"a.txt": text})
    [report] = run_import(project)
    assert report.splitlines()[2:6] == [
        "  date: inconnue — importé en brouillon (`draft: true`) : remplissez `date` dans "
        "content/le-vietnam-et-laustralie-celebrent-dix-ans-de-partenariat-integral.md",
        "    indice : pas de jour ni de mois dans le texte, seulement mardi (chapeau)",
        "    écarté : chapeau : « 25 septembre 2013 » — entre parenthèses : un anniversaire ou une date passée",
        "    écarté : paragraphe 1 : « le 25 septembre 2013 » — le début ou la fin d’une période",
    ]
    written = front_matter(
        project.content / "le-vietnam-et-laustralie-celebrent-dix-ans-de-partenariat-integral.md"
    )
    assert written["draft"] is True and "date" not in written
