import inspect

import pydantic
import pytest
import requests
from fake_doccano import FakeDoccano

from kosnlp.doccano.client import Doccano, doccano_client_module
from kosnlp.errors import KosnlpError


def test_doccano_client_imports_under_pydantic_2():
    mod = doccano_client_module()
    assert pydantic.VERSION.startswith("2.")
    import sys
    assert sys.modules["pydantic"] is pydantic  # the mapping was undone after the import
    from doccano_client.models.project import Project
    p = Project(name="kosnlp", description="d", project_type="SequenceLabeling", guideline="g")
    assert p.name == "kosnlp" and hasattr(mod, "DoccanoClient")
    assert issubclass(Project, pydantic.v1.BaseModel)


def test_fake_offers_nothing_the_adapter_lacks():
    public = lambda cls: {n for n, _ in inspect.getmembers(cls, inspect.isfunction) if not n.startswith("_")}
    extra = public(FakeDoccano) - public(Doccano) - {"set_spans"}  # set_spans: an annotator's edit, tests only
    assert not extra, extra


class Resp:
    def __init__(self, code, text=""):
        self.status_code, self.text = code, text


class HTTPErr(Exception):
    def __init__(self, code):
        super().__init__(f"HTTP {code}")
        self.response = Resp(code, f"body {code}")


class Flaky:
    """A doccano-client stand-in whose calls fail `fails` times, then succeed."""

    def __init__(self, fails, exc):
        self.fails, self.exc, self.calls = fails, exc, 0
        self._base_repository = None

    def list_projects(self):
        self.calls += 1
        if self.calls <= self.fails:
            raise self.exc
        return iter([type("P", (), {"name": "kosnlp", "id": 7})()])

    def login(self, user, password):
        raise HTTPErr(400)


def adapter(client, retries=3):
    dc = Doccano("http://127.0.0.1:1", "admin", "pw", retries=retries, backoff=0.001, client=client)
    dc._logged_in = True
    return dc


@pytest.mark.parametrize("exc", [requests.ConnectionError("refused"), requests.Timeout("slow"), HTTPErr(503)])
def test_transient_errors_are_retried(exc):
    client = Flaky(2, exc)
    assert adapter(client).find_project("kosnlp") == 7
    assert client.calls == 3


def test_unreachable_after_retries_is_one_line_error():
    client = Flaky(10, requests.ConnectionError("refused"))
    with pytest.raises(KosnlpError, match=r"KOS-E401 http://127.0.0.1:1: list projects: server unreachable after 3"):
        adapter(client, retries=2).find_project("kosnlp")
    assert client.calls == 3


def test_other_http_errors_are_not_retried():
    client = Flaky(10, HTTPErr(500))
    with pytest.raises(KosnlpError, match="KOS-E405 .*HTTP 500"):
        adapter(client).find_project("kosnlp")
    assert client.calls == 1


def test_wrong_password_is_a_login_error():
    dc = Doccano("http://127.0.0.1:1", "admin", "wrong", retries=0, client=Flaky(0, None))
    with pytest.raises(KosnlpError, match="KOS-E402 .*login as 'admin' refused"):
        dc.login()


def test_password_is_not_in_the_adapter_repr_or_errors():
    dc = Doccano("http://127.0.0.1:1", "admin", "s3cret-value", retries=0, client=Flaky(0, None))
    with pytest.raises(KosnlpError, match="KOS-E402") as err:
        dc.login()
    assert "s3cret-value" not in str(err.value) and "s3cret-value" not in repr(dc)


def test_real_client_unreachable_server():
    dc = Doccano("http://127.0.0.1:9", "admin", "pw", retries=1, backoff=0.001, timeout=2)
    with pytest.raises(KosnlpError, match="KOS-E401 http://127.0.0.1:9: login: server unreachable"):
        dc.login()
