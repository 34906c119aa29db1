#!/usr/bin/env python3
"""Build the Revue site. See README.md, or run `python build.py --help`."""

import sys

try:
    from revue.cli import main
except ModuleNotFoundError as missing:  # run with a Python that lacks the project's dependencies
    sys.exit(
        f"Revue's dependencies are not installed for {sys.executable} ({missing.name} is missing).\n"
        "Run `make site` once, then use .venv/bin/python build.py … (or `source .venv/bin/activate`)."
    )

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
