"""Run doccano's own command line inside doccano's environment, with three settings it lacks.

This file is executed by the doccano environment's Python, not imported by kosnlp:
- `webserver`: doccano binds 0.0.0.0; the bind host is taken from KOSNLP_DOCCANO_HOST;
- `webserver`: the server proves which data directory started it. GET /kosnlp/identity?nonce=N
  answers HMAC-SHA256(key, N) where key is the owner-only file named by
  KOSNLP_DOCCANO_IDENTITY_FILE; kosnlp checks the answer before it sends a password
  (server.proves). The key itself never leaves the machine;
- `createuser`: the password is taken from KOSNLP_DOCCANO_ADMIN_PASSWORD instead of the
  command line, so that it never shows in a process listing (and is passed to doccano's
  parser as `--password=VALUE`, so that a value starting with "-" is still a value).
"""
import hashlib
import hmac
import os
import sys
from urllib.parse import parse_qs

IDENTITY_PATH = "/kosnlp/identity"


def identity_app(app, key: bytes):
    def wrapped(environ, start_response):
        if environ.get("PATH_INFO") != IDENTITY_PATH:
            return app(environ, start_response)
        nonce = (parse_qs(environ.get("QUERY_STRING", "")).get("nonce") or [""])[0]
        if not 16 <= len(nonce) <= 128:
            start_response("400 Bad Request", [("Content-Type", "text/plain")])
            return [b"nonce"]
        proof = hmac.new(key, nonce.encode("ascii", "replace"), hashlib.sha256).hexdigest().encode()
        start_response("200 OK", [("Content-Type", "text/plain"), ("Cache-Control", "no-store")])
        return [proof]
    return wrapped


def main() -> None:
    here = os.path.dirname(os.path.abspath(__file__))  # kosnlp's modules must not shadow doccano's apps
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    args = sys.argv[1:]
    if args and args[0] == "createuser":
        password = os.environ.pop("KOSNLP_DOCCANO_ADMIN_PASSWORD")
        args = args + [f"--password={password}"]
    if args and args[0] == "webserver":
        import gunicorn.util
        from gunicorn.config import Config

        host = os.environ.get("KOSNLP_DOCCANO_HOST", "127.0.0.1")
        with open(os.environ["KOSNLP_DOCCANO_IDENTITY_FILE"], "rb") as fh:
            key = fh.read().strip()
        original_set, original_import = Config.set, gunicorn.util.import_app

        def set_bind(self, name, value):
            if name == "bind":
                value = f"{host}:{str(value).rsplit(':', 1)[1]}"
            return original_set(self, name, value)

        Config.set = set_bind
        gunicorn.util.import_app = lambda module: identity_app(original_import(module), key)
    sys.argv = ["doccano"] + args
    from backend.cli import main as doccano_main

    doccano_main()


if __name__ == "__main__":
    main()
