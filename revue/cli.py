"""Command line: argv → exit code. The only place that prints errors and picks the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from revue import pipeline
from revue.build.lock import exclusive
from revue.core.errors import BuildError, display_path
from revue.core.project import Project

BUILD_PY = Path(__file__).resolve().parents[1] / "build.py"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build the Revue site from site.yaml, content/ and templates/ into output/.",
    )
    add_common_options(parser, default=None)
    # The same options after the command (`build.py build --base-url …`); SUPPRESS keeps the value
    # given before it when they are not repeated.
    common = argparse.ArgumentParser(add_help=False)
    add_common_options(common, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=summary, parents=[common])

    build = command("build", "Import new seeds, then build output/ (the default command).")
    build.add_argument(
        "--drafts",
        action="store_true",
        help="also show the drafts that have a date, marked as drafts: what serve previews; never publish this",
    )
    command(
        "import", "Turn every seeds/*.txt that has no Markdown yet into content/<slug>.md; never overwrites."
    )
    new = command("new", "Write content/<slug>.md, with every front matter key, ready to fill in.")
    new.add_argument("title", help='the article\'s title, in quotes: "Le Vietnam et le Japon …"')
    new.add_argument(
        "--country", action="append", required=True, help="partner country in French (repeat for several)"
    )
    new.add_argument("--date", help="YYYY-MM-DD (default: today)")
    command(
        "check",
        "Check site.yaml, content/, templates/ and seeds/ (with sources.yaml) as the build does, writing nothing.",
    )
    serve_command = command(
        "serve", "Build, serve on 127.0.0.1 under the base path, and rebuild and reload pages on every edit."
    )
    serve_command.add_argument("--port", type=int, default=8000, help="0 picks a free port (default: 8000)")
    bench = command("bench", "Time cold and incremental builds of a synthetic corpus (on tmpfs).")
    bench.add_argument("--articles", type=int, default=10_000, help="corpus size (default: 10000)")
    bench.add_argument("--runs", type=int, default=3, help="rounds to take the median of (default: 3)")
    args = parser.parse_args(argv)
    args.command = args.command or "build"
    args.root = args.root or Path.cwd()
    return args


def add_common_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument("--root", type=Path, default=default, help="project folder (default: here)")
    parser.add_argument(
        "--base-url",
        default=default,
        help="publish under this URL instead of site.yaml's base_url (e.g. https://org.github.io/repo/)",
    )


def run_import(project: Project, args: argparse.Namespace) -> None:
    result = pipeline.build(project, args.base_url, only_import=True)
    print_warnings(project, result)
    for report in result.imports:
        print(report.format())
    if not result.imports:
        print(f"No seed in {display_path(project.seeds, project.root)}/: nothing to import")


def run_build(project: Project, args: argparse.Namespace) -> None:
    result = pipeline.build(project, args.base_url, drafts=getattr(args, "drafts", False))
    print_warnings(project, result)
    for report in result.imports:
        print(report.format())
    drafts = "shown, marked as drafts" if getattr(args, "drafts", False) else "left out"
    print(
        f"Built {result.articles} article(s) ({result.drafts} draft(s) {drafts}): "
        f"{result.files} pages and feeds in {project.output} for {result.base_url}; "
        f"{result.written} file(s) written, the rest unchanged"
    )
    if result.index:
        print(
            f"Indexed {result.index.pages} page(s) for search: {result.index.bytes / 1024:.0f} KiB in pagefind/ "
            f"({result.index.reindexed} shard(s) reindexed, {result.index.carried_over} carried over)"
        )


def print_warnings(project: Project, result: pipeline.BuildResult) -> None:
    """Everything the build left out, one line each, before its report: nothing is dropped in silence."""
    for warning in result.warnings:
        shown = replace(
            warning, path=display_path(warning.path, project.root), message=f"attention : {warning.message}"
        )
        print(shown, file=sys.stderr)


def run_new(project: Project, args: argparse.Namespace) -> None:
    from revue.site.scaffold import NewArticle, create_article  # each command imports only what it runs

    path = create_article(project, NewArticle(args.title, tuple(args.country), args.date))
    print(
        f"Created {path} as a draft: write the article below its front matter, preview it with "
        "`python build.py serve`, then write `draft: false` to publish it"
    )


def run_check(project: Project, args: argparse.Namespace) -> None:
    """The build with publishing off: every stage, every problem at once, nothing written but `.cache/`."""
    result = pipeline.build(project, args.base_url, publish=False)
    print_warnings(project, result)
    print(
        f"Checked site.yaml, seeds/sources.yaml, templates and {result.articles + result.drafts} article(s): "
        "no problems"
    )


def report_problems(project: Project, error: BuildError, summary: str) -> None:
    for problem in error.problems:
        print(replace(problem, path=display_path(problem.path, project.root)), file=sys.stderr)
    print(summary.format(count=len(error.problems)), file=sys.stderr, flush=True)


def run_serve(project: Project, args: argparse.Namespace) -> None:
    from revue.preview.serve import LiveSite, serve
    from revue.site.config import load_config

    prefix = load_config(project.site_yaml).base_path
    live = LiveSite([sys.executable, str(BUILD_PY), "--root", str(project.root), "build", "--drafts"])
    try:
        serve(
            project, prefix, args.port, live, lambda url: print(f"Serving {url} (Ctrl+C to stop)", flush=True)
        )
    except KeyboardInterrupt:
        print("Stopped.")


def run_bench(project: Project, args: argparse.Namespace) -> None:
    from revue.dev.bench import benchmark

    print(benchmark(project, args.articles, args.runs))


COMMANDS = {
    "build": run_build,
    "import": run_import,
    "new": run_new,
    "check": run_check,
    "serve": run_serve,
    "bench": run_bench,
}
# The last line of a failure, by command: what happened and what to do next.
FAILURES = {
    "new": "New article refused: {count} problem(s). Nothing was written.",
    "check": "Check failed: {count} problem(s). Fix them, then run `python build.py check` again.",
    "serve": "Could not start the preview: {count} problem(s).",
}
BUILD_FAILED = "Build failed: {count} problem(s). Nothing was written to output/."


# Commands that read and write `.cache/` and `output/`: one at a time per project.
LOCKED = frozenset({"build", "import", "check"})


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    project = Project(args.root)
    try:
        if args.command in LOCKED:
            with exclusive(project.cache, lambda: say_waiting(project)):
                COMMANDS[args.command](project, args)
        else:
            COMMANDS[args.command](project, args)
        sys.stdout.flush()  # here, so that a reader that left is noticed below, not at exit
    except BuildError as error:
        report_problems(project, error, FAILURES.get(args.command, BUILD_FAILED))
        return 1
    except BrokenPipeError:  # `build.py | head -1`: the reader left; the work is done, the rest unread
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:  # the machine, not the input: a full disk, a folder without write permission
        where = display_path(Path(error.filename), project.root) if error.filename else project.root
        print(
            f"{where}: {error.strerror or error} — check the folder's permissions and free space",
            file=sys.stderr,
        )
        return 1
    return 0


def say_waiting(project: Project) -> None:
    print(
        f"Another build of {project.root} is running: waiting for it to finish…", file=sys.stderr, flush=True
    )
