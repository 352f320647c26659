"""Error and warning codes: every code in the table is raised (or warned) somewhere, every one used is in the table."""
import re
from pathlib import Path

import kosnlp
from kosnlp.errors import CODES

SRC = Path(kosnlp.__file__).parent


def test_every_code_is_used_and_known():
    raised = set()
    for p in SRC.rglob("*.py"):
        if p.name != "errors.py":
            raised |= set(re.findall(r"""["'](KOS-[EW]\d{3})["']""", p.read_text(encoding="utf-8")))
    assert raised and raised <= set(CODES), raised - set(CODES)
    assert set(CODES) - raised == set(), "codes nothing raises (retire them in errors.py)"


def test_hints_point_to_files_in_the_repository(root):
    cited = set()
    for p in SRC.rglob("*.py"):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"hint=[^\n]*\.\./shared/", text), p  # outside the repository
        cited |= set(re.findall(r"see (docs/[\w./-]+\.md)", text))
    assert "docs/corpus-format.md" in cited
    assert all((root / c).is_file() for c in cited), cited


def test_every_code_is_in_the_errors_page(root):
    page = (root / "docs" / "errors.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `(KOS-[EW]\d{3})` \|", page, re.M))
    assert listed == set(CODES), (set(CODES) - listed, listed - set(CODES))
