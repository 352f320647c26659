"""Corpus versions: `corpus_version` in raw/manifest.yaml, gold checksums per release, CHANGELOG.md.

raw/manifest.yaml ends with `releases:`, newest first, each with the sha256 of every
annotations/gold/*.jsonl file at that version. `check()` fails when the gold differs from the
newest release (gold changed without a version bump: KOS-E604) or when corpus_version is not
the newest release or has no CHANGELOG.md entry (KOS-E605). `release()` records a new version:
it needs a higher version number and its CHANGELOG.md entry written first, and it edits the
manifest and CITATION.cff as text, so their comments stay.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import KosnlpError
from .ingest import read_manifest
from .records import write_text

VERSION = re.compile(r"^\d+\.\d+\.\d+$")
CHANGELOG_HEADING = re.compile(r"^## \[?(\d+\.\d+\.\d+)\]?", re.M)
RELEASES_COMMENT = """\
# Gold releases, newest first: the sha256 of each annotations/gold/*.jsonl file at that
# corpus version. `kosnlp release VERSION` adds one (after its CHANGELOG.md entry); a test
# fails when the gold differs from the newest release, i.e. gold changed without a bump.
"""


def gold_checksums(gold_dir: str | Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(gold_dir).glob("*.jsonl"))}


def version_key(v: str) -> tuple[int, ...]:
    return tuple(int(x) for x in v.split("."))


def changelog_versions(path: str | Path) -> list[str]:
    p = Path(path)
    return CHANGELOG_HEADING.findall(p.read_text(encoding="utf-8")) if p.is_file() else []


def problems(root: str | Path) -> list[tuple[str, str]]:
    """(code, message) for every versioning problem of the project at `root`."""
    root = Path(root)
    man = read_manifest(root / "raw")
    where = str(root / "raw" / "manifest.yaml")
    version, releases = str(man.get("corpus_version") or ""), man.get("releases") or []
    out = []
    if not VERSION.match(version):
        out.append(("KOS-E605", f"{where}: corpus_version {version!r} is not MAJOR.MINOR.PATCH"))
    if not releases:
        return out + [("KOS-E605", f"{where}: no releases recorded (run kosnlp release {version})")]
    newest = releases[0]
    if str(newest.get("version")) != version:
        out.append(("KOS-E605", f"{where}: corpus_version {version} is not the newest release {newest.get('version')}"))
    vs = [str(r.get("version")) for r in releases]
    if not all(VERSION.match(v) for v in vs) or vs != sorted(vs, key=version_key, reverse=True) or len(set(vs)) < len(vs):
        out.append(("KOS-E605", f"{where}: release versions {vs} are not distinct and newest first"))
    now = gold_checksums(root / "annotations" / "gold")
    if now != (newest.get("gold_sha256") or {}):
        changed = sorted(set(now) ^ set(newest.get("gold_sha256") or {}) |
                         {k for k in now if now[k] != (newest.get("gold_sha256") or {}).get(k)})
        out.append(("KOS-E604", f"{root / 'annotations' / 'gold'}: {', '.join(changed)} differ from release {newest.get('version')} "
                                f"(add a CHANGELOG.md entry and run kosnlp release NEW_VERSION)"))
    if version not in changelog_versions(root / "CHANGELOG.md"):
        out.append(("KOS-E605", f"{root / 'CHANGELOG.md'}: no entry '## {version}' (write one)"))
    return out


def check(root: str | Path) -> None:
    probs = problems(root)
    if probs:
        code, msg = probs[0]
        where, _, what = msg.partition(": ")
        raise KosnlpError(code, what + (f" (+{len(probs) - 1} more)" if len(probs) > 1 else ""), where=where)


def _release_block(version: str, sums: dict[str, str]) -> str:
    lines = [f'  - version: "{version}"', "    gold_sha256:"]
    lines += [f"      {name}: {sha}" for name, sha in sums.items()]
    return "\n".join(lines) + "\n"


def release(root: str | Path, version: str, date: str) -> None:
    """Record `version` as the newest release with the current gold checksums."""
    root = Path(root)
    man_path = root / "raw" / "manifest.yaml"
    man = read_manifest(root / "raw")
    releases = man.get("releases") or []
    if not VERSION.match(version):
        raise KosnlpError("KOS-E605", f"version {version!r} is not MAJOR.MINOR.PATCH", where="kosnlp release")
    if releases and version_key(version) <= version_key(str(releases[0]["version"])):
        raise KosnlpError("KOS-E605", f"version {version} is not above the newest release {releases[0]['version']}",
                          where=str(man_path), hint="choose a higher version")
    if version not in changelog_versions(root / "CHANGELOG.md"):
        raise KosnlpError("KOS-E605", f"no entry '## {version}' in CHANGELOG.md", where=str(root / "CHANGELOG.md"),
                          hint="describe what changed in the gold first")
    text = man_path.read_text(encoding="utf-8")
    text, n = re.subn(r'^corpus_version: .*$', f'corpus_version: "{version}"', text, count=1, flags=re.M)
    if not n:
        raise KosnlpError("KOS-E605", "no corpus_version line", where=str(man_path), hint="add corpus_version: \"0.1.0\"")
    block = _release_block(version, gold_checksums(root / "annotations" / "gold"))
    m = re.search(r"^releases:[ \t]*\n", text, flags=re.M)
    if m:
        text = text[:m.end()] + block + text[m.end():]
    else:
        text = text.rstrip("\n") + "\n" + RELEASES_COMMENT + "releases:\n" + block
    write_text(man_path, text)
    cff = root / "CITATION.cff"
    if cff.is_file():
        c = cff.read_text(encoding="utf-8")
        c = re.sub(r'^version: .*$', f'version: "{version}"', c, count=1, flags=re.M)
        c = re.sub(r'^date-released: .*$', f'date-released: "{date}"', c, count=1, flags=re.M)
        write_text(cff, c)
