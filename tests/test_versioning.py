"""Gold changes need a corpus version bump with a CHANGELOG entry."""

import pytest
from synthetic import copy_project
import yaml

from kosnlp import versioning
from kosnlp.cli import main
from kosnlp.errors import KosnlpError


def test_committed_gold_matches_the_current_release(corpus_root):
    assert versioning.problems(corpus_root) == []


@pytest.fixture
def project(corpus_root, tmp_path):
    return copy_project(corpus_root, tmp_path)


def _gold_file(p):
    return sorted((p / "annotations" / "gold").glob("*.jsonl"))[-1]


def _touch_gold(p):
    g = _gold_file(p)
    lines = g.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[0] = lines[0].replace('"status": "gold"', '"status": "gold", "note": "x"', 1)
    assert lines[0] != g.read_text(encoding="utf-8").splitlines(keepends=True)[0]
    g.write_text("".join(lines), encoding="utf-8")


def _current(p) -> str:
    return yaml.safe_load((p / "raw" / "manifest.yaml").read_text(encoding="utf-8"))["corpus_version"]


def _next(version: str) -> str:
    major, minor, _ = map(int, version.split("."))
    return f"{major}.{minor + 1}.0"


def test_gold_change_without_bump_fails(project):
    _touch_gold(project)
    with pytest.raises(KosnlpError, match=f"KOS-E604 .*{_gold_file(project).name}"):
        versioning.check(project)


def test_release_needs_changelog_entry_and_higher_version(project):
    _touch_gold(project)
    cur = _current(project)
    new = _next(cur)
    before = [r["version"] for r in yaml.safe_load((project / "raw" / "manifest.yaml").read_text())["releases"]]
    with pytest.raises(KosnlpError, match="KOS-E605 .*CHANGELOG"):
        versioning.release(project, new, "2027-01-01")
    with pytest.raises(KosnlpError, match="KOS-E605 .*not above"):
        versioning.release(project, cur, "2027-01-01")
    cl = project / "CHANGELOG.md"
    cl.write_text(cl.read_text(encoding="utf-8").replace(f"## {cur}", f"## {new} - 2027-01-01\n\n- a note\n\n## {cur}", 1),
                  encoding="utf-8")
    assert main(["release", new, "--date", "2027-01-01", "--root", str(project)]) == 0
    versioning.check(project)
    man = yaml.safe_load((project / "raw" / "manifest.yaml").read_text(encoding="utf-8"))
    assert man["corpus_version"] == new and [r["version"] for r in man["releases"]] == [new] + before
    assert "# The raw documents of the corpus" in (project / "raw" / "manifest.yaml").read_text(encoding="utf-8")
    cff = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["version"], cff["date-released"]) == (new, "2027-01-01")
    assert f"corpus, version {new}" in (project / "annotations" / "README.md").read_text(encoding="utf-8")


def test_version_without_changelog_entry_fails(project):
    cl = project / "CHANGELOG.md"
    cur = _current(project)
    cl.write_text(cl.read_text(encoding="utf-8").replace(f"## {cur}", "## 0.0.9"), encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E605 .*CHANGELOG.md"):
        versioning.check(project)


def test_hand_edited_version_without_release_fails(project):
    m = project / "raw" / "manifest.yaml"
    cur = _current(project)
    m.write_text(m.read_text(encoding="utf-8").replace(f'corpus_version: "{cur}"', f'corpus_version: "{_next(_next(cur))}"'),
                 encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E605 .*not the newest release"):
        versioning.check(project)
