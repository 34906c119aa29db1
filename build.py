#!/usr/bin/env python3
"""Build the Revue site. See README.md, or run `python build.py --help`."""

import sys

from revue.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
