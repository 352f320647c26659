"""Headless Chromium (Debian's `chromium` package) for screenshots and rendered DOM of the report."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import KosnlpError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")


def find_chromium() -> str | None:
    return next((p for p in map(shutil.which, NAMES) if p), None)


def _run(args: list[str], timeout: int) -> subprocess.CompletedProcess:
    exe = find_chromium()
    if exe is None:
        raise KosnlpError("KOS-E607", "no chromium browser found", where="PATH",
                          hint="install it, e.g. apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="kosnlp-chromium-") as profile:
        res = subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args],
                             capture_output=True, text=True, timeout=timeout)
    if res.returncode != 0:
        raise KosnlpError("KOS-E607", f"chromium failed (exit {res.returncode}): {res.stderr.strip()[-300:]}",
                          where=args[-1])
    return res


def screenshot(html_file: str | Path, png: str | Path, width: int = 1280, height: int = 2000,
               timeout: int = 120) -> Path:
    """A PNG of the page as headless Chromium renders it (the top width x height pixels)."""
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    _run([f"--screenshot={png}", f"--window-size={width},{height}", "--virtual-time-budget=10000",
          Path(html_file).resolve().as_uri()], timeout)
    if not png.is_file():
        raise KosnlpError("KOS-E607", "chromium wrote no screenshot", where=str(png))
    return png


def dump_dom(html_file: str | Path, timeout: int = 120) -> str:
    """The DOM after the page loaded and its scripts ran, serialised by Chromium."""
    return _run(["--dump-dom", "--virtual-time-budget=10000", Path(html_file).resolve().as_uri()], timeout).stdout
