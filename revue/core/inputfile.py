"""Reading a file Revue is given, bounded: never waiting on a pipe, never more than a limit.

`open` on a FIFO waits for a writer for ever, a device such as `/dev/zero` never ends, and a text of
gigabytes would be held whole in memory and handed to the YAML and Markdown parsers: `site.yaml`,
`seeds/sources.yaml`, the agency texts and the articles are all read through `read_input`, which
opens without waiting and refuses, in French, anything but a regular file of at most `limit` bytes.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from revue.core import messages
from revue.core.errors import LineError

# Every text Revue reads (an article, `site.yaml`, `seeds/sources.yaml`, an agency text): a long
# article is 20 KB, `sources.yaml` grows by about 100 bytes a seed. Beyond, it is not what the editor
# meant to give, and parsing it would hold the build for minutes.
MAX_TEXT_BYTES = 1024 * 1024


def read_input(path: Path | str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of the regular file at `path`; LineError (its message in French, no line) when it is
    a pipe, a device or a socket, or holds more than `limit` bytes. FileNotFoundError and other
    OSErrors as `open` raises them."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # a FIFO opens at once
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise LineError(None, messages.NOT_A_REGULAR_FILE)
        raw = file.read(limit + 1)
    if len(raw) > limit:
        raise LineError(None, messages.file_too_large(max(len(raw), status.st_size), limit))
    return raw


def read_text_input(path: Path | str, limit: int = MAX_TEXT_BYTES) -> str:
    """`read_input` decoded as UTF-8 (UnicodeDecodeError as `bytes.decode` raises it)."""
    return read_input(path, limit).decode("utf-8")
