"""Command line: argv → exit code. The only place that prints errors and picks the exit code."""

from __future__ import annotations

import argparse
import datetime
import io
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from revue import github, pipeline
from revue.core import messages
from revue.core.errors import BuildError, Problem, display_path
from revue.core.messages import command_line, preview
from revue.core.project import Project
from revue.core.validate import parse_date, refused_character
from revue.publish.lock import Holder, exclusive

BUILD_PY = Path(__file__).resolve().parents[1] / "build.py"


def parse_args(argv: list[str]) -> argparse.Namespace:
    with argparse_in_french():
        parser = argparse.ArgumentParser(prog="python build.py", description=command_line.HELP["revue"])
        add_common_options(parser, default=None)
        add_today(parser, default=None)  # `build.py --today …`: for the default command, build
        # The same options after the command (`build.py build --base-url …`); SUPPRESS keeps the value
        # given before it when they are not repeated.
        common = argparse.ArgumentParser(add_help=False)
        add_common_options(common, default=argparse.SUPPRESS)
        commands = parser.add_subparsers(dest="command", metavar="COMMANDE")

        def command(name: str) -> argparse.ArgumentParser:
            summary = command_line.HELP[name]
            return commands.add_parser(name, help=summary, description=summary, parents=[common])

        build = command("build")
        build.add_argument("--drafts", action="store_true", help=command_line.HELP["--drafts"])
        command("import")
        new = command("new")
        new.add_argument("title", metavar="TITRE", help=command_line.HELP["TITRE"])
        new.add_argument(
            "--country",
            action="append",
            required=True,
            metavar="PARTENAIRE",
            help=command_line.HELP["--country"],
        )
        new.add_argument("--date", metavar="AAAA-MM-JJ", help=command_line.HELP["--date"])
        command("check")
        serve = command("serve")
        serve.add_argument("--port", type=a_port, default=8000, help=command_line.HELP["--port"])
        for name in DATED:
            add_today(commands.choices[name], default=argparse.SUPPRESS)
        bench = command("bench")
        bench.add_argument(
            "--articles", type=at_least_one, default=10_000, help=command_line.HELP["--articles"]
        )
        bench.add_argument("--runs", type=at_least_one, default=3, help=command_line.HELP["--runs"])
        bench.add_argument("--compare", choices=["hugo"], help=command_line.HELP["--compare"])
        args = parser.parse_args(argv)
        args.command = args.command or "build"
        for option, allowed in OPTION_COMMANDS.items():
            if getattr(args, option[2:].replace("-", "_")) is not None and args.command not in allowed:
                parser.error(command_line.option_not_for(option, allowed, args.command))
    args.root = args.root or Path.cwd()
    return args


@contextmanager
def argparse_in_french() -> Iterator[None]:
    """argparse words its usage, help headings and errors through its module's gettext functions,
    `_` and `ngettext`: while the command line is read, they look the words up in the catalogue."""
    saved = {name: getattr(argparse, name) for name in ("_", "ngettext")}  # not in argparse's typed stubs
    setattr(argparse, "_", command_line.argparse_text)  # noqa: B010
    setattr(argparse, "ngettext", lambda one, many, n: command_line.argparse_text(one if n == 1 else many))  # noqa: B010
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)


def a_port(text: str) -> int:
    """`--port`: checked here, before the build that `serve` starts with, not by the server after it."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(command_line.not_a_whole_number(text)) from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(command_line.not_a_port(text))
    return port


def a_day(text: str) -> datetime.date:
    """`--today`: a real date, within the years an article may have."""
    day = parse_date(text)
    if isinstance(day, str):
        raise argparse.ArgumentTypeError(day)
    return day


def at_least_one(text: str) -> int:
    """A count that must be 1 or more (a benchmark of no article, or of no round, measures nothing)."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(command_line.not_at_least_one(text)) from None
    return number


# The commands whose articles depend on the day, which `--today` replaces: what is scheduled.
DATED = ("build", "check", "serve")
# The commands each option is for; any other refuses it rather than ignore it. `--root` is for all.
OPTION_COMMANDS = {"--today": DATED, "--base-url": ("build", "check", "serve")}


def add_today(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--today", type=a_day, default=default, metavar="AAAA-MM-JJ", help=command_line.HELP["--today"]
    )


def add_common_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--root", type=Path, default=default, metavar="DOSSIER", help=command_line.HELP["--root"]
    )
    parser.add_argument(
        "--base-url", default=default, metavar="ADRESSE", help=command_line.HELP["--base-url"]
    )


def run_import(project: Project, args: argparse.Namespace) -> None:
    result = pipeline.build(project, pipeline.Mode.IMPORT)
    print_warnings(project, result)
    for report in result.imports:
        print(report.format())
    if not result.imports:
        print(command_line.nothing_to_import(display_path(project.seeds, project.root)))
    imported = sum(report.imported for report in result.imports)
    summarise(
        github.build_summary(
            command_line.SUMMARY_TITLES["import"],
            [
                (command_line.SUMMARY_LABELS["imported"], str(imported)),
                (command_line.SUMMARY_LABELS["left"], str(len(result.imports) - imported)),
                (command_line.SUMMARY_LABELS["warnings"], str(len(result.warnings))),
            ],
            # What this import did: the texts it left as they were are counted above, not listed.
            [
                (
                    command_line.SUMMARY_SECTIONS["report"],
                    [report.format() for report in result.imports if report.imported],
                )
            ],
        )
        + (f"\n{command_line.IMPORT_SUMMARY_HINT}\n" if imported else "")
    )


def run_build(project: Project, args: argparse.Namespace) -> None:
    # `build.py` alone runs build with no option of its own, but `--today`, which it accepts before the command
    options = pipeline.Options(args.base_url, drafts=getattr(args, "drafts", False), today=args.today)
    result = pipeline.build(project, pipeline.Mode.BUILD, options)
    print_warnings(project, result)
    print_scheduled(project, result)
    print_deleted_seeds(result)
    print(
        command_line.built(
            result.articles,
            result.drafts,
            getattr(args, "drafts", False),
            result.files,
            project.output,
            result.base_url,
            result.written,
        )
    )
    if result.index:
        print(
            command_line.indexed(
                result.index.pages,
                result.index.bytes / 1024,
                result.index.reindexed,
                result.index.carried_over,
            )
        )
    if result.search_repaired:
        print(command_line.SEARCH_REPAIRED)
    summarise(run_summary("build", project, result))


def print_scheduled(project: Project, result: pipeline.BuildResult) -> None:
    """Articles left out until their day: said, so that a mistyped year (2042 for 2024) shows."""
    if result.scheduled:
        print(scheduled_line(project, result))


def scheduled_line(project: Project, result: pipeline.BuildResult) -> str:
    return command_line.scheduled((display_path(path, project.root), day) for path, day in result.scheduled)


def print_deleted_seeds(result: pipeline.BuildResult) -> None:
    """Seeds whose article an editor deleted: not published, and how to import one again if wanted."""
    if result.deleted_seeds:
        print(command_line.seeds_deleted(result.deleted_seeds))


def print_warnings(project: Project, result: pipeline.BuildResult | BuildError) -> None:
    """Everything the build left out, one line each, before its report: nothing is dropped in silence."""
    for warning in result.warnings:
        print(shown_warning(project, warning), file=sys.stderr)
        annotate("warning", project, warning)


def shown_warning(project: Project, warning: Problem) -> Problem:
    return replace(
        warning, path=display_path(warning.path, project.root), message=messages.WARNING + warning.message
    )


def annotate(kind: str, project: Project, problem: Problem) -> None:
    """In GitHub Actions, the problem again as a workflow command: GitHub shows it on its file and line."""
    if workflow := github.Workflow.from_environ(os.environ):
        print(workflow.annotation(kind, problem, project.root), flush=True)


def summarise(markdown: str) -> None:
    """In GitHub Actions, the run's summary, appended to the step's summary file for the run's page."""
    workflow = github.Workflow.from_environ(os.environ)
    if workflow and workflow.summary:
        with workflow.summary.open("a", encoding="utf-8") as summary:
            summary.write(markdown)


def run_summary(command: str, project: Project, result: pipeline.BuildResult) -> str:
    """What `build` or `check` found: the figures, then the warnings and what waits, as printed."""
    return github.build_summary(
        command_line.SUMMARY_TITLES[command],
        [
            (command_line.PUBLISHED_LABELS[command], str(result.articles)),
            (command_line.SUMMARY_LABELS["drafts"], str(result.drafts)),
            (command_line.SUMMARY_LABELS["scheduled"], str(len(result.scheduled))),
            (command_line.SUMMARY_LABELS["warnings"], str(len(result.warnings))),
            (command_line.SUMMARY_LABELS["address"], result.base_url),
        ],
        [
            (
                command_line.SUMMARY_SECTIONS["warnings"],
                [str(shown_warning(project, warning)) for warning in result.warnings],
            ),
            (
                command_line.SUMMARY_SECTIONS["scheduled"],
                [scheduled_line(project, result)] if result.scheduled else [],
            ),
            (
                command_line.SUMMARY_SECTIONS["seeds"],
                [command_line.seeds_deleted(result.deleted_seeds)] if result.deleted_seeds else [],
            ),
        ],
    )


def run_new(project: Project, args: argparse.Namespace) -> None:
    from revue.content.scaffold import NewArticle, create_article  # each command imports only what it runs

    path = create_article(project, NewArticle(args.title, tuple(args.country), args.date))
    print(command_line.created(path))


def run_check(project: Project, args: argparse.Namespace) -> None:
    """The build with publishing off: every stage, every problem at once, nothing written but `.cache/`."""
    result = pipeline.build(project, pipeline.Mode.CHECK, pipeline.Options(args.base_url, today=args.today))
    print_warnings(project, result)
    print_scheduled(project, result)
    print_deleted_seeds(result)
    print(command_line.checked(result.articles + result.drafts))
    summarise(run_summary("check", project, result))


def report_problems(project: Project, error: BuildError, summary: Callable[[int], str], command: str) -> None:
    print_warnings(project, error)
    shown = [replace(problem, path=display_path(problem.path, project.root)) for problem in error.problems]
    for problem, as_found in zip(shown, error.problems, strict=True):
        print(problem, file=sys.stderr)
        annotate("error", project, as_found)
    conclusion = summary(len(error.problems))
    print(conclusion, file=sys.stderr, flush=True)
    if command in command_line.FAILURE_TITLES:
        warnings = [str(shown_warning(project, warning)) for warning in error.warnings]
        summarise(
            github.failure_summary(command_line.FAILURE_TITLES[command], conclusion, [str(p) for p in shown])
            + github.section(command_line.SUMMARY_SECTIONS["warnings"], warnings)
        )


def run_serve(project: Project, args: argparse.Namespace) -> None:
    from revue.content.config import load_config
    from revue.preview.serve import LiveSite, serve

    prefix = load_config(project.site_yaml, args.base_url).base_path  # `--base-url`'s sub-path, if given
    today = ["--today", args.today.isoformat()] if args.today else []
    live = LiveSite([sys.executable, str(BUILD_PY), "--root", str(project.root), "build", "--drafts", *today])
    try:
        serve(project, prefix, args.port, live, lambda url: print(preview.serving(url), flush=True))
    except KeyboardInterrupt:
        print(preview.SERVE_STOPPED)


def run_bench(project: Project, args: argparse.Namespace) -> None:
    from revue.dev import bench, compare

    run = compare.compare_with_hugo if args.compare == "hugo" else bench.benchmark
    print(run(project, args.articles, args.runs))


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
    "import": command_line.import_failed,
    "new": command_line.new_refused,
    "check": command_line.check_failed,
    "serve": command_line.serve_failed,
}
# Said on Ctrl-C, by command: what the interrupted run left (`serve` says it itself, as it stops).
INTERRUPTED = {
    "build": command_line.BUILD_INTERRUPTED,
    "import": command_line.IMPORT_INTERRUPTED,
    "check": command_line.CHECK_INTERRUPTED,
}


# Commands that read and write `.cache/` and `output/`: one at a time per project.
LOCKED = frozenset({"build", "import", "check"})


def main(argv: list[str]) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name or `--root` in bytes that are not UTF-8: shown escaped
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = parse_args(argv)
    project = Project(args.root)
    failed = FAILURES.get(args.command, command_line.build_failed)
    folder = str(project.root.absolute())
    if refused := refused_character(folder):  # its name reaches templates, caches and messages
        problem = Problem(Path("--root"), None, messages.project_folder_refused(folder, ord(refused)))
        report_problems(project, BuildError([problem]), failed, args.command)
        return 1
    try:
        if args.command in LOCKED:
            with exclusive(project.root, lambda holder: say_waiting(project, holder)):
                COMMANDS[args.command](project, args)
        else:
            COMMANDS[args.command](project, args)
        sys.stdout.flush()  # here, so that a reader that left is noticed below, not at exit
    except BuildError as error:
        report_problems(project, error, FAILURES.get(args.command, command_line.build_failed), args.command)
        return 1
    except KeyboardInterrupt:  # Ctrl-C: one line, and the exit code of a shell's interrupted command
        print(INTERRUPTED.get(args.command, command_line.INTERRUPTED), file=sys.stderr)
        return 128 + signal.SIGINT
    except BrokenPipeError:  # `build.py | head -1`: the reader left; the work is done, the rest unread
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:  # the machine, not the input: a full disk, a folder without write permission
        where = Path(error.filename) if error.filename else project.root
        problem = Problem(where, None, messages.cannot_write(messages.system_error(error)))
        failure = FAILURES.get(args.command, command_line.build_failed)
        report_problems(project, BuildError([problem]), failure, args.command)
        return 1
    return 0


def say_waiting(project: Project, holder: Holder | None) -> None:
    pid, command = (holder.pid, holder.command) if holder else (None, "")
    print(command_line.waiting(project.root, pid, command), file=sys.stderr, flush=True)
