"""Gold changes need a corpus version bump with a CHANGELOG entry."""
import shutil

import pytest
import yaml

from kosnlp import versioning
from kosnlp.cli import main
from kosnlp.errors import KosnlpError


def test_committed_gold_matches_the_current_release(root):
    assert versioning.problems(root) == []


@pytest.fixture
def project(root, tmp_path):
    for d in ("raw", "annotations"):
        shutil.copytree(root / d, tmp_path / d)
    for f in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(root / f, tmp_path / f)
    return tmp_path


def _touch_gold(p):
    g = p / "annotations" / "gold" / "en-notes-rambouillet-nato.jsonl"
    g.write_text(g.read_text(encoding="utf-8").replace('"text": "UN"}', '"text": "UN", "note": "x"}', 1), encoding="utf-8")


def test_gold_change_without_bump_fails(project):
    _touch_gold(project)
    with pytest.raises(KosnlpError, match="KOS-E604 .*en-notes-rambouillet-nato.jsonl"):
        versioning.check(project)


def test_release_needs_changelog_entry_and_higher_version(project):
    _touch_gold(project)
    with pytest.raises(KosnlpError, match="KOS-E605 .*CHANGELOG"):
        versioning.release(project, "0.2.0", "2027-01-01")
    with pytest.raises(KosnlpError, match="KOS-E605 .*not above"):
        versioning.release(project, "0.1.0", "2027-01-01")
    cl = project / "CHANGELOG.md"
    cl.write_text(cl.read_text(encoding="utf-8").replace("## 0.1.0", "## 0.2.0 - 2027-01-01\n\n- a note\n\n## 0.1.0"),
                  encoding="utf-8")
    assert main(["release", "0.2.0", "--date", "2027-01-01", "--root", str(project)]) == 0
    versioning.check(project)
    man = yaml.safe_load((project / "raw" / "manifest.yaml").read_text(encoding="utf-8"))
    assert man["corpus_version"] == "0.2.0" and [r["version"] for r in man["releases"]] == ["0.2.0", "0.1.0"]
    assert "# The raw documents of the corpus" in (project / "raw" / "manifest.yaml").read_text(encoding="utf-8")
    cff = yaml.safe_load((project / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["version"], cff["date-released"]) == ("0.2.0", "2027-01-01")
    assert "corpus, version 0.2.0" in (project / "annotations" / "README.md").read_text(encoding="utf-8")


def test_version_without_changelog_entry_fails(project):
    cl = project / "CHANGELOG.md"
    cl.write_text(cl.read_text(encoding="utf-8").replace("## 0.1.0", "## 0.0.9"), encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E605 .*CHANGELOG.md"):
        versioning.check(project)


def test_hand_edited_version_without_release_fails(project):
    m = project / "raw" / "manifest.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace('corpus_version: "0.1.0"', 'corpus_version: "0.3.0"'),
                 encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E605 .*not the newest release"):
        versioning.check(project)
