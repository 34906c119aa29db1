"""The locks installed everywhere (`make site`, `make test`, the workflows) are what `make lock` compiles
from the direct pins: a pin bumped in a `.in` without `make lock`, or a `.txt` edited by hand, fails here."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)")


def canonical(name: str) -> str:
    """A package's name as pip compares them (PEP 503): `PyYAML`, `pyyaml` and `py_yaml` are one."""
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_pins(in_file: str) -> dict[str, str]:
    """Name → version of every pin in a `.in` file and in the `.in` files it includes with `-r`."""
    pins: dict[str, str] = {}
    for line in (REPO / in_file).read_text(encoding="utf-8").splitlines():
        if line.startswith("-r "):
            pins |= direct_pins(line.removeprefix("-r ").strip())
        elif pin := PIN.match(line):
            pins[canonical(pin[1])] = pin[2]
    return pins


def locked(lock_file: str) -> dict[str, str]:
    """Name → version of every package of a lock, each of which must carry its hashes."""
    text = (REPO / lock_file).read_text(encoding="utf-8")
    entries = re.findall(
        r"(?m)^([A-Za-z0-9._-]+)==(\S+) \\\n((?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", text
    )
    pinned = re.findall(r"(?m)^[A-Za-z0-9._-]+==", text)
    assert len(entries) == len(pinned), f"{lock_file}: a package without hashes; run `make lock`"
    return {canonical(name): version for name, version, _ in entries}


@pytest.mark.parametrize(
    ("in_file", "lock_file"),
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_every_direct_pin_is_locked_at_its_version_with_hashes(in_file: str, lock_file: str) -> None:
    lock = locked(lock_file)
    assert {name: lock.get(name) for name in direct_pins(in_file)} == direct_pins(in_file), (
        f"{in_file} and {lock_file} disagree: run `make lock`"
    )


def test_the_dev_lock_installs_the_runtime_at_the_runtime_locks_versions() -> None:
    runtime, dev = locked("requirements.txt"), locked("requirements-dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_text_unidecode_which_shapes_every_address_is_pinned() -> None:
    assert "text-unidecode" in direct_pins("requirements.in")
