import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def grown_project(tmp_path_factory):
    """The project after one growth step (tests/growth.py): a new Polish document, partly gold."""
    from growth import grow
    return grow(ROOT, tmp_path_factory.mktemp("grown"))


@pytest.fixture(scope="session", params=["committed", "grown"])
def corpus_root(request):
    """A project directory whose corpus every corpus check must accept: the committed one, and
    the same after a growth step. Tests that use it derive their expectations from the data."""
    return ROOT if request.param == "committed" else request.getfixturevalue("grown_project")["root"]


@pytest.fixture(scope="session")
def nlp_pl():
    from kosnlp import load
    return load("pl")


@pytest.fixture(scope="session")
def nlp_en():
    from kosnlp import load
    return load("en")


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


@pytest.fixture
def chdir_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def norm_tables():
    from kosnlp.normalise.tables import build_tables
    return build_tables()
