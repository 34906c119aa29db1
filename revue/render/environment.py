"""The Jinja environment the templates render in: its options, the filters and globals they use, and
its compiled templates kept between processes."""

from __future__ import annotations

import datetime
import json
import os
from contextlib import suppress
from functools import lru_cache, partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from revue.content.config import SiteConfig
from revue.core import french_dates, urls
from revue.render.article_view import arrange_body
from revue.render.photos import photo_credit, thumbnail
from revue.render.typography import french_markup, french_text


def french_date(day: datetime.date) -> str:
    """`9 février 2023`, `1er mai 2020`, never broken at the end of a line (the typography's date rule)."""
    return french_text(french_dates.french_date(day))


def french_day(day: datetime.date) -> str:
    """`9 février`, `1er mai`: a date under its year's heading."""
    return french_text(french_dates.french_date(day, with_year=False))


def atom_time(day: datetime.date) -> str:
    """RFC 3339 timestamp of a day: articles carry dates, feeds need times."""
    return f"{day.isoformat()}T00:00:00Z"


def script_json(value: object) -> Markup:
    """JSON safe inside `<script>`: no `<`, `>` or `&` that could close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def make_environment(templates: Path, config: SiteConfig) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        french_date=french_date, french_day=french_day, atom_time=atom_time, href=config.href, url=config.url
    )
    env.filters["json"] = script_json
    env.filters["typo"] = lru_cache(maxsize=1 << 16)(french_text)  # titles recur on many pages
    env.filters["typeset"] = lru_cache(maxsize=1 << 16)(french_markup)  # the same, shown: `1<sup>er</sup>`
    env.globals["arrange_body"] = arrange_body
    env.globals["thumbnail"] = partial(thumbnail, href=config.href)
    env.globals["photo_credit"] = photo_credit
    env.globals.update(site=config, urls=urls)  # templates build paths with the same functions as pages
    return env


@lru_cache(maxsize=4)
def cached_environment(templates: Path, config: SiteConfig, compiled: Path) -> jinja2.Environment:
    """One environment per process and site: workers reuse compiled templates across jobs, and processes
    reuse Jinja's compiled code from `compiled/` (checked against each template's source by Jinja):
    compiling the templates again would cost a one-article build about 40 ms."""
    environment = make_environment(templates, config)
    environment.bytecode_cache = CompiledTemplates(str(compiled))
    return environment


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates in a folder that may vanish while a process keeps its environment
    (`.cache/` deleted between two builds of one process, or during one): made again when needed; one
    that cannot be read or written only means compiling again, the build's own writes say what is wrong."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):  # unreadable (`.cache` not a folder…): the template is compiled
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
