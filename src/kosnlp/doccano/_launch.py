"""Run doccano's own command line inside doccano's environment, with two settings it lacks.

This file is executed by the doccano environment's Python, not imported by kosnlp:
- `webserver`: doccano binds 0.0.0.0; the bind host is taken from KOSNLP_DOCCANO_HOST;
- `createuser`: the password is taken from KOSNLP_DOCCANO_ADMIN_PASSWORD instead of the
  command line, so that it never shows in a process listing.
"""
import os
import sys


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] == "createuser":
        password = os.environ.pop("KOSNLP_DOCCANO_ADMIN_PASSWORD")
        args = args + ["--password", password]
    if args and args[0] == "webserver":
        from gunicorn.config import Config

        host = os.environ.get("KOSNLP_DOCCANO_HOST", "127.0.0.1")
        original = Config.set

        def set_bind(self, name, value):
            if name == "bind":
                value = f"{host}:{str(value).rsplit(':', 1)[1]}"
            return original(self, name, value)

        Config.set = set_bind
    sys.argv = ["doccano"] + args
    from backend.cli import main as doccano_main

    doccano_main()


if __name__ == "__main__":
    main()
