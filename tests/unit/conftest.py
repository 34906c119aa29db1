"""tests/unit/ is `make check`'s quick loop: pure tests only. A test here (or a fixture it sets up) that
starts a process or opens a socket fails, saying so: it belongs in tests/integration/."""

from __future__ import annotations

import multiprocessing.process
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

IMPURE: list[tuple[object, str, str]] = [
    (subprocess.Popen, "__init__", "starts a process"),
    (multiprocessing.process.BaseProcess, "start", "starts a process"),
    (socket.socket, "connect", "opens a socket"),
    (socket.socket, "bind", "opens a socket"),
]


def _refuse(what: str) -> Callable[..., None]:
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"tests/unit/ holds pure tests: this one {what}; move it to tests/integration/")

    return refused


@contextmanager
def _pure() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        for owner, name, what in IMPURE:
            patch.setattr(owner, name, _refuse(what))
        yield


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with _pure():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with _pure():
        return (yield)
