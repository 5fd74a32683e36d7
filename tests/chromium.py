"""Headless Chromium for the browser tests and benchmarks: the one place that starts it.

The Debian ``chromium`` and ``chromium-driver`` packages are used (``make test`` installs
them); Selenium Manager is kept offline (``SE_OFFLINE``) so that nothing is downloaded.
Each browser gets its own throw-away profile, removed by :func:`stop_chromium`.

    driver = start_chromium("casegraph-view-", performance_log=True)
    try:
        driver.get(...)
    finally:
        stop_chromium(driver)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "CHROMEDRIVER", "FLAGS", "start_chromium", "stop_chromium", "chromium"]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Headless, and quiet: no background requests, updates, sync or first-run pages.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync")
_PROFILES: dict[int, str] = {}  # id(driver) -> its profile folder


def start_chromium(profile_prefix: str = "casegraph-chromium-", *, performance_log: bool = False,
                   browser_log: bool = True, window: str | None = "1400,1000") -> Any:
    """A new headless Chromium driven by chromedriver, with a fresh profile.

    ``browser_log`` keeps the console log (``driver.get_log("browser")``);
    ``performance_log`` also keeps Chromium's performance log (every request, via
    ``driver.get_log("performance")``). ``window`` is the window size (``None``:
    Chromium's default). Raises ``FileNotFoundError`` naming the Debian package when
    Chromium or its driver is not installed.
    """
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            raise FileNotFoundError(f"{path} is missing: install the Debian package {package} (`make test` does)")
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager look for drivers online
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix=profile_prefix)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (*FLAGS, f"--user-data-dir={profile}", *((f"--window-size={window}",) if window else ())):
        options.add_argument(arg)
    logs = {"browser": "ALL"} if browser_log else {}
    if performance_log:
        logs["performance"] = "ALL"
    if logs:
        options.set_capability("goog:loggingPrefs", logs)
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except BaseException:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    _PROFILES[id(driver)] = profile
    return driver


def stop_chromium(driver: Any) -> None:
    """Quit the browser and remove its profile."""
    try:
        driver.quit()
    finally:
        profile = _PROFILES.pop(id(driver), None)
        if profile:
            shutil.rmtree(profile, ignore_errors=True)


@contextmanager
def chromium(profile_prefix: str = "casegraph-chromium-", **options: Any) -> Iterator[Any]:
    """:func:`start_chromium` as a context manager (for pytest fixtures: ``with chromium(...) as d: yield d``)."""
    driver = start_chromium(profile_prefix, **options)
    try:
        yield driver
    finally:
        stop_chromium(driver)
