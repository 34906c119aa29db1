"""Command line: argv → exit code. The only place that prints errors and picks the exit code."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from revue import ingest
from revue.config import load_config
from revue.errors import BuildError, display_path
from revue.pipeline import build_site
from revue.project import Project


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Build the Revue site from site.yaml, content/ and templates/ into output/.",
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument(
        "--base-url",
        help="publish under this URL instead of site.yaml's base_url (e.g. https://org.github.io/repo/)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("build", help="import new seeds, then build output/ (the default)")
    commands.add_parser(
        "import", help="turn every seeds/*.txt that has no Markdown yet into content/<slug>.md"
    )
    args = parser.parse_args(argv)
    args.command = args.command or "build"
    return args


def run_import(project: Project, args: argparse.Namespace) -> None:
    config = load_config(project.site_yaml, args.base_url)
    for report in ingest.import_seeds(project, config):
        print(report.format())


def run_build(project: Project, args: argparse.Namespace) -> None:
    run_import(project, args)
    result = build_site(project, args.base_url)
    print(
        f"Built {result.articles} article(s) ({result.drafts} draft(s) left out), "
        f"{result.files} files in {project.output} for {result.config.base_url}"
    )


COMMANDS = {
    "build": run_build,
    "import": run_import,
}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    project = Project(args.root)
    try:
        COMMANDS[args.command](project, args)
    except BuildError as error:
        for problem in error.problems:
            print(replace(problem, path=display_path(problem.path, project.root)), file=sys.stderr)
        print(
            f"Build failed: {len(error.problems)} problem(s). Nothing was written to output/.",
            file=sys.stderr,
        )
        return 1
    return 0
