"""The two costly pure steps, remembered in `.cache/` across builds: reading articles, rendering bodies.

Each result is keyed by everything it depends on (its input bytes, the config, the generator's code and
library versions, `RENDERER_VERSION`), and the misses are computed on all cores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from revue.build.parallel import fork_map
from revue.build.store import Store
from revue.core.digest import code_digest, digest
from revue.render.markup import RENDERER_VERSION, body_html
from revue.site.config import SiteConfig
from revue.site.model import Article
from revue.site.read import FileProblems, check_articles, read_article


def _read_or_none(shared: tuple[list[tuple[Path, bytes]], SiteConfig], index: int) -> Article | None:
    files, config = shared
    try:
        return read_article(*files[index], config)
    except FileProblems:
        return None  # read again in order by check_articles, which reports the problems


@dataclass(frozen=True)
class Caches:
    """The two stores, saved once at the end of a build (after indexing: saving is not on the way)."""

    articles: Store
    bodies: Store

    def save(self) -> None:
        self.articles.save()
        self.bodies.save()


def open_caches(cache: Path) -> Caches:
    return Caches(Store(cache / "articles.pickle"), Store(cache / "bodies.pickle"))


def read_cached(
    sources: list[tuple[Path, bytes]], config: SiteConfig, store: Store
) -> tuple[list[Article], dict[int, str]]:
    """`check_articles`, with each valid file's Article remembered by its path and bytes.

    Also returns each remembered article's key by `id(article)`: it says all the article depends on.
    """
    context = digest(code_digest(), repr(config))
    keys = [digest(context, str(shown), raw) for shown, raw in sources]
    misses = [index for index, key in enumerate(keys) if store.get(key) is None]
    parsed = fork_map(_read_or_none, ([sources[i] for i in misses], config), len(misses))
    for index, article in zip(misses, parsed, strict=True):
        if article is not None:
            store.put(keys[index], article)
    known = {shown: (raw, store.get(key)) for (shown, raw), key in zip(sources, keys, strict=True)}

    def read_one(shown: Path, raw: bytes, config: SiteConfig) -> Article:
        """The remembered Article when the file still has the bytes it was keyed by."""
        seen, article = known.get(shown, (None, None))
        return article if seen == raw and article is not None else read_article(shown, raw, config)

    articles = check_articles(sources, config, read_one)
    keys_by_id = {id(article): key for (_, article), key in zip(known.values(), keys, strict=True) if article}
    return articles, {id(a): keys_by_id[id(a)] for a in articles if id(a) in keys_by_id}


def _body(texts: list[str], index: int) -> str:
    return body_html(texts[index])


def bodies_cached(articles: tuple[Article, ...], store: Store) -> dict[str, str]:
    """Each article's body HTML by slug, rendered only when its Markdown was never rendered before."""
    context = digest(code_digest(), RENDERER_VERSION)
    keys = {article.slug: digest(context, article.body_markdown) for article in articles}
    misses = sorted({a.body_markdown for a in articles if store.get(keys[a.slug]) is None})
    for text, html in zip(misses, fork_map(_body, misses, len(misses)), strict=True):
        store.put(digest(context, text), html)
    return {slug: store.get(key) for slug, key in keys.items()}
