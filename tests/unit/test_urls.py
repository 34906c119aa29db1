"""An article's address is built and read back by one module: what one writes, the other reads."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revue.core import urls

slugs = st.from_regex(urls.SLUG, fullmatch=True)


@given(slugs)
def test_the_slug_of_an_article_s_path_is_the_one_it_was_built_from(slug: str) -> None:
    path = urls.article(slug)
    assert urls.slug_in_path(path) == slug
    assert urls.slug_in_path(urls.output_file(path)) == slug  # `articles/x/index.html`, as published
    assert urls.slug_in_address(f"https://org.github.io/revue/{path}") == slug  # an old address pasted whole
    assert urls.slug_in_address(f"/{path}".rstrip("/")) == slug


@pytest.mark.parametrize(
    ("address", "in_path", "in_address"),
    [
        ("revue/articles/x/", None, "x"),  # a path from the site's top has nothing before `articles/`
        ("articles/x/index.html", "x", None),  # an old address is a folder, not its page file
        ("pays/japon/", None, None),
        ("articles/", None, None),
        ("articles/a/b/", None, None),
    ],
)
def test_what_is_not_an_article_s_address_has_no_slug(
    address: str, in_path: str | None, in_address: str | None
) -> None:
    assert urls.slug_in_path(address) == in_path
    assert urls.slug_in_address(address) == in_address


def test_a_slug_made_from_words_is_cut_at_a_word_and_keeps_the_first_ones() -> None:
    title = "Le Vietnam et le Japon signent un accord sur la formation des infirmiers et des aides-soignants"
    assert urls.slug(title, 60) == "le-vietnam-et-le-japon-signent-un-accord-sur-la-formation"
    assert urls.slug("Hà Nội, Đà Nẵng", 0) == "ha-noi-da-nang"
