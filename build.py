#!/usr/bin/env python3
"""Build the Revue site. See README.md, or run `python build.py --help`."""

import sys

from revue.core.messages import command_line  # the catalogue imports no library: it can say they are missing

if __name__ == "__main__":
    try:  # each command imports what it needs when it runs: a missing library shows up there
        from revue.cli import main

        sys.exit(main(sys.argv[1:]))
    except ModuleNotFoundError as missing:  # run with a Python that lacks the project's dependencies
        sys.exit(command_line.DEPENDENCIES_MISSING.format(python=sys.executable, module=missing.name))
    except KeyboardInterrupt:  # Ctrl-C while the libraries load, before the command has started
        print(command_line.INTERRUPTED, file=sys.stderr)
        sys.exit(130)  # 128 + SIGINT, as a shell reports an interrupted command
