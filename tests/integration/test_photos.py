"""Photos: what readers get (sizes, markup, og:image), what is stripped, and what editors are told."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from revue.core.project import Project
from revue.pipeline import Options, build
from revue.publish.photos import make_sizes
from tests.build_cli import build_py
from tests.conftest import copy_project
from tests.photos import GPS_IFD, ORIENTATION, PHOTO_ARTICLE, add_photo_article, photo

BASE_URL = "https://example.github.io/revue/"


def photo_project(folder: Path) -> Project:
    project = copy_project(folder, with_content=False)
    add_photo_article(project)
    return project


def test_published_photos_carry_no_exif_gps_or_xmp(tmp_path: Path) -> None:
    project = photo_project(tmp_path / "site")
    source = Image.open(project.content / "pont.jpg")
    assert source.getexif().get_ifd(GPS_IFD), "the source photo must carry a GPS position for this test"
    build(project, options=Options(BASE_URL))

    published = sorted((project.output / "photos").iterdir())
    assert len(published) == 3 * 3 * 2
    for path in published:
        data = path.read_bytes()
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), path.name
        assert "exif" not in image.info and "xmp" not in image.info, path.name
        assert b"Exif" not in data and b"Appareil de test" not in data and b"xmpmeta" not in data, path.name


def test_a_photo_taken_sideways_is_published_upright() -> None:
    """Stored 400×200 with EXIF orientation 6 (turn 90° clockwise): the left half, red, shows on top."""
    stored = Image.new("RGB", (400, 200), "blue")
    stored.paste("red", (0, 0, 200, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    out = io.BytesIO()
    stored.save(out, "JPEG", exif=exif)

    sizes = make_sizes(out.getvalue())

    assert not isinstance(sizes, str)
    for width, height, webp, jpeg in sizes:
        assert (width, height) == (200, 400)
        for data in (webp, jpeg):
            image = Image.open(io.BytesIO(data)).convert("RGB")
            assert image.size == (200, 400)
            top, bottom = image.getpixel((100, 50)), image.getpixel((100, 350))
            assert top[0] > 200 and top[2] < 60, top  # red
            assert bottom[2] > 200 and bottom[0] < 60, bottom  # blue


def test_a_photo_is_never_enlarged_and_the_same_bytes_give_the_same_sizes() -> None:
    raw = photo(500, 300, seed=4)
    sizes = make_sizes(raw)
    assert not isinstance(sizes, str)
    assert [(width, height) for width, height, _, _ in sizes] == [(360, 216), (500, 300)]
    assert make_sizes(raw) == sizes


def test_an_article_page_shows_its_photos_with_every_size_and_no_layout_shift(tmp_path: Path) -> None:
    project = photo_project(tmp_path / "site")
    build(project, options=Options(BASE_URL))
    page = (project.output / "articles" / PHOTO_ARTICLE / "index.html").read_text(encoding="utf-8")

    figures = re.findall(r"<figure class=\"photo\">.*?</figure>", page, re.S)
    assert len(figures) == 3  # pont.jpg and rizieres.png where the text places them, then port.jpg
    assert [re.search(r'alt="([^"]*)"', figure)[1].split()[1] for figure in figures] == [
        "pont",
        "rizières",
        "grues",
    ]
    for number, figure in enumerate(figures):
        assert '<source type="image/webp" srcset="/revue/photos/' in figure
        assert re.search(r'srcset="(/revue/photos/[^" ]+\.jpg \d+w(, )?){3}"', figure)
        assert 'sizes="' in figure and 'width="1080"' in figure and re.search(r'height="\d+"', figure)
        assert ('loading="lazy"' in figure) == (number > 0), "all but the first photo load lazily"
    assert (
        '<figcaption>Le pont Long Bien, à Hanoï <span class="credit" data-pagefind-ignore>(Photo&#8239;: VNA)</span>'
        in figures[0]
    )
    assert "<figcaption>Les rizières du Nord</figcaption>" in figures[1]
    assert "Photos de l’article original" not in page  # only agency captions without an image go there
    cover = re.search(r'<meta property="og:image" content="([^"]+)">', page)[1]
    assert re.fullmatch(r"https://example\.github\.io/revue/photos/pont-[0-9a-f]{10}-1080\.jpg", cover)
    assert '<meta property="og:image:width" content="1080">' in page
    assert '<meta property="og:image:height" content="720">' in page
    feed = (project.output / "atom.xml").read_text(encoding="utf-8")
    assert "&lt;img src=&#34;https://example.github.io/revue/photos/pont-" in feed
    assert "&lt;span class=&#34;credit&#34;&gt;(Photo&amp;#8239;: VNA)" in feed, "no index reads a feed"


def test_agency_captions_without_an_image_are_still_listed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    (project.content / "a.md").write_text(
        '---\ntitle: "Un article"\ndate: 2024-03-01\ncountries: [Japon]\n'
        'photos:\n  - caption: "Le Premier ministre à Tokyo"\n    credit: VNA\n---\nTexte.\n',
        encoding="utf-8",
    )
    build(project)
    page = next((project.output / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert "Photos de l’article original" in page and "Le Premier ministre à Tokyo" in page
    assert "<figure" not in page and "og:image" not in page


def test_check_reports_photo_problems_as_the_build_does_and_an_unused_image_is_a_warning(
    tmp_path: Path,
) -> None:
    project = photo_project(tmp_path / "site")
    (project.content / "inutile.jpg").write_bytes(photo(100, 100))
    (project.content / "medias" / "rizieres.png").write_bytes(b"pas une image")
    article = project.content / f"{PHOTO_ARTICLE}.md"
    article.write_text(
        article.read_text("utf-8")
        .replace("![](pont.jpg)", "![](pont.jpeg)")
        .replace('    alt: "Des grues et des conteneurs sur les quais du port de Hai Phong"\n', ""),
        encoding="utf-8",
    )

    check, built = build_py(project, "check"), build_py(project, "build")

    alt = 'n’a pas de texte alternatif — décrivez ce qu’elle montre pour qui ne la voit pas : `alt: "…"` dans `photos:`, ou '
    problems = [
        f"content/visite-en-photos.md:13: photos: la photo « port.jpg » {alt}`![description](port.jpg)` dans le texte",
        # misspelled in the text: only the name is wrong (its alt text is listed under the right one)
        "content/visite-en-photos.md:19: image dans le texte : la photo « pont.jpeg » est introuvable — "
        "vouliez-vous dire « pont.jpg » ?",
        "content/visite-en-photos.md:23: image dans le texte : la photo « rizieres.png » n’est pas une image "
        "lisible (ni JPEG, ni PNG, ni WebP, ni GIF, ou fichier abîmé) — enregistrez-la de nouveau en JPEG, PNG ou "
        "WebP depuis un logiciel de photo",
    ]
    assert check.returncode == built.returncode == 1
    assert check.stderr.splitlines()[:-1] == problems
    assert built.stderr.splitlines()[:-1] == problems

    (project.content / "medias" / "rizieres.png").write_bytes(photo(300, 200, fmt="PNG"))
    article.write_text(
        article.read_text("utf-8")
        .replace("![](pont.jpeg)", "![](pont.jpg)")
        .replace('    caption: "Le port', '    alt: "Des grues"\n    caption: "Le port'),
        encoding="utf-8",
    )
    built = build_py(project, "build")
    assert built.returncode == 0, built.stderr
    assert built.stderr == (
        "content/inutile.jpg: attention : image laissée de côté, aucun article ne l’utilise — ajoutez-la aux "
        "`photos:` d’un article ou placez-la dans son texte avec `![description](nom.jpg)`, sinon rangez-la "
        "hors de content/\n"
    )


def test_a_photo_outside_content_is_never_published(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    (project.root / "secret.jpg").write_bytes(photo(100, 100))
    (project.content / "a.md").write_text(
        '---\ntitle: "Un article"\ndate: 2024-03-01\ncountries: [Japon]\n---\nTexte.\n\n![Un secret](../secret.jpg)\n',
        encoding="utf-8",
    )
    result = build_py(project, "check")
    assert result.stderr.splitlines()[0] == (
        "content/a.md:8: image dans le texte : la photo « ../secret.jpg » est introuvable — placez le fichier "
        "dans content/ (à côté de l’article) ou dans content/medias/, ou corrigez son nom (majuscules et "
        "extension comprises)"
    )


def claiming_size(width: int, height: int) -> bytes:
    """A small JPEG whose header claims another size: what Pillow checks before decoding anything."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 30, 30)).save(buffer, "JPEG")
    raw = buffer.getvalue()
    frame = raw.index(b"\xff\xc0") + 5  # start of frame: marker, length, precision, then height, width
    return raw[:frame] + height.to_bytes(2, "big") + width.to_bytes(2, "big") + raw[frame + 4 :]


def test_a_200_megapixel_phone_photo_is_accepted_and_a_larger_one_named_with_what_to_do() -> None:
    phone = make_sizes(claiming_size(16320, 12240))  # 199.8 million pixels: beyond Pillow's own limit
    assert not isinstance(phone, str), phone
    assert [width for width, *_ in phone] == [360, 720, 1080]
    refused = make_sizes(claiming_size(20000, 15000))
    assert isinstance(refused, str) and "compte 300 millions de pixels, plus que les 250 millions" in refused
    assert "réduisez-la dans un logiciel de photo" in refused
