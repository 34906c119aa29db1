"""Playwright on Debian's Chromium, at a phone viewport. Under CI=true a missing browser fails, never skips."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
QUIET_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


BROWSER_TESTS = os.path.dirname(__file__)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser/; without Chromium, skip them locally and fail under CI."""
    browser_items = [item for item in items if str(item.path).startswith(BROWSER_TESTS)]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if not browser_items or os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(
            f"Chromium not found at {CHROMIUM}: CI must install it (apt-get install -y chromium)"
        )
    for item in browser_items:
        item.add_marker(pytest.mark.skip(reason="Chromium is not installed: apt-get install -y chromium"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": QUIET_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {
        **browser_context_args,
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "locale": "fr-FR",
    }
