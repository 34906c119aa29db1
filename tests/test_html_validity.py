"""The Nu HTML Checker (the W3C validator) finds no error on any page of the built seed site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO, ServedSite
from tests.photos import PHOTO_ARTICLE

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(*paths: str) -> list[dict]:
    """Every error vnu reports for the given files, as its JSON messages."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(f"the HTML check needs Java 17 and {VNU.relative_to(REPO)} (npm ci)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--stdout", "--errors-only", "--format", "json", "--also-check-css", *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stdout)["messages"]


def describe(message: dict) -> str:
    return f"{message.get('url', '?')}:{message.get('lastLine', '?')}: {message.get('message')}"


def test_every_page_and_the_stylesheet_are_valid(served_site: ServedSite, tmp_path: Path) -> None:
    output = served_site.project.output
    pages = sorted(str(path) for path in output.rglob("*.html") if "pagefind" not in path.parts)
    assert len(pages) >= 7, "home, countries, years, search, 404 and more are expected"
    broken = tmp_path / "broken.html"  # proves in the same run that the checker does report errors
    broken.write_text(
        '<!doctype html><html lang="fr"><title>x</title><p><div>mal fermé</p>', encoding="utf-8"
    )
    errors = run_vnu(*pages, str(output / "assets" / "style.css"), str(broken))
    assert any(message.get("url", "").endswith("broken.html") for message in errors)
    site_errors = [message for message in errors if not message.get("url", "").endswith("broken.html")]
    assert not site_errors, "\n".join(describe(message) for message in site_errors)


def test_the_page_of_an_article_with_photos_is_valid(served_photo_site: ServedSite) -> None:
    """`<picture>`, `srcset`, `sizes`, `<figure>`: the markup of photos, checked on a three-photo article."""
    output = served_photo_site.project.output
    page = output / "articles" / PHOTO_ARTICLE / "index.html"
    assert page.read_text(encoding="utf-8").count("<picture>") == 3
    errors = run_vnu(str(page))
    assert not errors, "\n".join(describe(message) for message in errors)


def test_lists_with_photos_are_valid(served_mixed_site: ServedSite) -> None:
    """Cards with a photo beside the title, the home page's lead, « À lire aussi » with photos."""
    output = served_mixed_site.project.output
    pages = [output / "index.html", output / "pays" / "japon" / "index.html"]
    pages += [output / "articles" / PHOTO_ARTICLE / "index.html", output / "annees" / "2024" / "index.html"]
    assert all('class="thumb"' in page.read_text(encoding="utf-8") for page in pages[:2])
    errors = run_vnu(*map(str, pages))
    assert not errors, "\n".join(describe(message) for message in errors)
