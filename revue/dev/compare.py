"""`python build.py bench --compare hugo`: Revue against what a user would pick instead, on one corpus.

The benchmark corpus is also written as a Hugo site (`hugo_site/`: config and layouts, no theme) whose
pages match Revue's, then both are timed as whole processes in paired rounds, the order alternating:
Revue's `build.py`, and `hugo` followed by Pagefind (the same pinned binary, the same
`data-pagefind-body` marking) on Hugo's output.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pagefind_bin

from revue.core import frontmatter
from revue.core.project import Project
from revue.dev.bench import (
    EDITED_ARTICLE,
    SEARCH_BUNDLE,
    Process,
    append_sentence,
    bench_project,
    file_stamps,
    forget_builds,
    is_search_file,
    load_line,
    mib,
    newest_article,
    progress,
    run_build,
    run_process,
)
from revue.dev.corpus import CorpusArticle, corpus

SKELETON = Path(__file__).resolve().parent / "hugo_site"
SEARCH_MARK = b"data-pagefind-body"


@dataclass(frozen=True)
class HugoSite:
    """The Hugo side's folders."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content" / "articles"

    @property
    def public(self) -> Path:
        return self.root / "public"

    @property
    def cache(self) -> Path:
        return self.root / "cache"


def hugo_text(article: CorpusArticle) -> str:
    """The article with its front matter in Hugo's terms: countries and years are taxonomies."""
    year = str(article.date.year)
    values = {
        "title": article.title,
        "date": article.date,
        "slug": article.slug,
        "description": article.summary,
        "place": article.place,
        "draft": False,
        "pays": list(article.countries),
        "annees": [year],
        "paysannees": [f"{name} {year}" for name in article.countries],
    }
    return frontmatter.dump(values, article.body)


def write_hugo_site(site: HugoSite, repo: Project, articles: int) -> None:
    """The skeleton, Revue's static files under assets/ as Revue publishes them, and the corpus."""
    shutil.copytree(SKELETON, site.root)
    shutil.copytree(repo.static, site.root / "static" / "assets")
    site.content.mkdir(parents=True)
    for article in corpus(repo.seeds, articles):
        (site.content / f"{article.slug}.md").write_text(hugo_text(article), encoding="utf-8")


@dataclass(frozen=True)
class Pair:
    """One scenario of one round: Revue's process, and Hugo's then Pagefind's."""

    revue: Process
    hugo: Process
    pagefind: Process

    @property
    def hugo_and_pagefind(self) -> float:
        return self.hugo.seconds + self.pagefind.seconds


def run_hugo(hugo: str, site: HugoSite, scratch: Path) -> tuple[Process, Process]:
    """Hugo's build, then Pagefind on its output with the flags Revue gives it."""
    built = run_process(
        [
            hugo,
            "--quiet",
            "--source",
            str(site.root),
            "--destination",
            str(site.public),
            "--cacheDir",
            str(site.cache),
        ],
        scratch,
    )
    pagefind = str(pagefind_bin.get_executable())
    indexed = run_process(
        [pagefind, "--site", str(site.public), "--output-subdir", SEARCH_BUNDLE, "--quiet"], scratch
    )
    return built, indexed


def run_pair(hugo: str, project: Project, site: HugoSite, scratch: Path, revue_first: bool) -> Pair:
    if revue_first:
        revue = run_build(project, scratch).process
        built, indexed = run_hugo(hugo, site, scratch)
    else:
        built, indexed = run_hugo(hugo, site, scratch)
        revue = run_build(project, scratch).process
    return Pair(revue, built, indexed)


COLD = "cold build, search included"
UNCHANGED = "nothing changed"
ARTICLE_EDITED = "one article of an older year edited"
RECENT_EDITED = "one article of the newest year edited"


def paired_round(
    hugo: str, project: Project, site: HugoSite, scratch: Path, round_: int, newest: str
) -> dict[str, Pair]:
    """Cold, untouched, one article edited (an old one, the newest): each scenario Revue then Hugo, or
    the other way round."""
    revue_first = round_ % 2 == 1
    forget_builds(project)
    for folder in (site.public, site.cache, site.root / "resources"):
        shutil.rmtree(folder, ignore_errors=True)
    pairs = {COLD: run_pair(hugo, project, site, scratch, revue_first)}
    pairs[UNCHANGED] = run_pair(hugo, project, site, scratch, revue_first)
    append_sentence(project.content / EDITED_ARTICLE, round_)
    append_sentence(site.content / EDITED_ARTICLE, round_)
    pairs[ARTICLE_EDITED] = run_pair(hugo, project, site, scratch, revue_first)
    append_sentence(project.content / newest, round_)
    append_sentence(site.content / newest, round_)
    pairs[RECENT_EDITED] = run_pair(hugo, project, site, scratch, revue_first)
    return pairs


def version(command: list[str]) -> str:
    """`hugo version` → `v0.111.3+extended`; `pagefind --version` → `1.5.2`."""
    printed = subprocess.run(command, capture_output=True, text=True, check=False).stdout.split()
    return printed[1] if len(printed) > 1 else "(unknown version)"


def marked_pages(folder: Path) -> int:
    """HTML pages Pagefind indexes: those carrying `data-pagefind-body`."""
    return sum(SEARCH_MARK in page.read_bytes() for page in folder.rglob("*.html"))


def output_line(name: str, folder: Path) -> str:
    files = file_stamps(folder)
    search = sum(map(is_search_file, files))
    return f"{name}: {len(files) - search} files + {search} in pagefind/, {marked_pages(folder)} pages marked for search"


def table(rounds: list[dict[str, Pair]], articles: int, versions: str, load_start: float) -> str:
    """Medians of each tool's times, and medians of the per-round ratios (the runs are paired)."""
    lines = [
        f"{articles} articles, Revue against {versions}; median of {len(rounds)} paired round(s), "
        "order alternating; whole processes, seconds",
        load_line(load_start),
        "| scenario | Revue | Hugo | Pagefind | Hugo + Pagefind | Revue ÷ (Hugo + Pagefind) | Revue ÷ Hugo |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in rounds[0]:
        pairs = [pairs[name] for pairs in rounds]
        lines.append(
            f"| {name} | {statistics.median(p.revue.seconds for p in pairs):.2f} "
            f"| {statistics.median(p.hugo.seconds for p in pairs):.2f} "
            f"| {statistics.median(p.pagefind.seconds for p in pairs):.2f} "
            f"| {statistics.median(p.hugo_and_pagefind for p in pairs):.2f} "
            f"| {statistics.median(p.revue.seconds / p.hugo_and_pagefind for p in pairs):.2f} "
            f"| {statistics.median(p.revue.seconds / p.hugo.seconds for p in pairs):.2f} |"
        )
    every = [pair for pairs in rounds for pair in pairs.values()]
    lines.append(
        f"Peak RSS, MiB: Revue's build.py {mib(largest([p.revue.own_kb for p in every]))}, "
        f"its largest child {mib(largest([p.revue.children_kb for p in every]))} (a worker or Pagefind); "
        f"Hugo {mib(max(p.hugo.peak_kb for p in every))}; "
        f"Pagefind on Hugo's output {mib(max(p.pagefind.peak_kb for p in every))}"
    )
    return "\n".join(lines)


def largest(peaks: list[int | None]) -> int | None:
    """None when one process did not report its peak."""
    known = [peak for peak in peaks if peak is not None]
    return max(known) if len(known) == len(peaks) else None


def compare_with_hugo(repo: Project, articles: int, rounds: int) -> str:
    """The paired benchmark, or one line saying how to get Hugo."""
    hugo = shutil.which("hugo")
    if hugo is None:
        raise SystemExit(
            "hugo is not on PATH: install it (apt-get install hugo) to compare, or run the benchmark without --compare"
        )
    versions = f"Hugo {version([hugo, 'version'])} + Pagefind {version([str(pagefind_bin.get_executable()), '--version'])}"
    load_start = os.getloadavg()[0]
    with bench_project(repo, articles) as (project, scratch):
        site = HugoSite(scratch.parent / "hugo")
        write_hugo_site(site, repo, articles)
        newest = newest_article(repo.seeds, articles)
        results = []
        for round_ in range(1, rounds + 1):
            results.append(paired_round(hugo, project, site, scratch, round_, newest))
            progress(f"round {round_}/{rounds} done, load average {os.getloadavg()[0]:.1f}")
        outputs = f"After the last build: {output_line('Revue', project.output)}; {output_line('Hugo', site.public)}"
    return table(results, articles, versions, load_start) + "\n" + outputs
