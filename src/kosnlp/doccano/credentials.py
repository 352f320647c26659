"""The doccano server's secrets and identity, kept in its data directory.

Secrets: the admin password comes from KOSNLP_DOCCANO_PASSWORD, or is generated once and
stored in `<data-dir>/admin-password` with owner-only permissions. It is never printed
and never passed on a command line (see _launch.py). Django's SECRET_KEY and the
server's identity key are generated per data directory the same way. A salted hash of
the admin password (`admin-password.check`) makes a restart with another password an
error (KOS-E412) instead of a silent reset. The data directory is 0700 and every file in
it 0600, whatever existed before (`secure`).

Identity: the web server answers a challenge with an HMAC of the identity key
(_launch.py); `proves()` checks it, so that a password of this data directory is only
sent to the server this data directory started (never to whatever else listens on the port).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

IDENTITY_FILE = "server-key"
CHECK_FILE = "admin-password.check"
IDENTITY_PATH = "/kosnlp/identity"


def new_secret() -> str:
    """A random password that is never mistaken for a command-line option (no leading "-")."""
    while True:
        value = secrets.token_urlsafe(24)
        if not value.startswith("-"):
            return value


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically, owner-only (0600)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def secret_file(path: Path, env_var: str | None = None) -> str:
    """The secret from `env_var` if set, else from `path`, else a new one stored there (0600)."""
    if env_var and os.environ.get(env_var):
        return os.environ[env_var]
    if path.exists():
        os.chmod(path, 0o600)
        return path.read_text(encoding="utf-8").strip()
    value = new_secret()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value


def secure(data_dir: Path) -> None:
    """The data directory 0700, its directories 0700 and its files 0600, whatever they were."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(data_dir, 0o700)
    for root, dirs, files in os.walk(data_dir):
        for d in dirs:
            os.chmod(Path(root) / d, 0o700)
        for f in files:
            if not (Path(root) / f).is_symlink():
                os.chmod(Path(root) / f, 0o600)


def _hash(password: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, 200_000).hex()


def check_password(data_dir: Path, password: str) -> bool:
    """Record the admin password's salted hash on first use; later, True if it matches."""
    path = Path(data_dir) / CHECK_FILE
    if not path.exists():
        salt = secrets.token_bytes(16)
        write_private(path, f"pbkdf2_sha256$200000${salt.hex()}${_hash(password, salt)}\n")
        return True
    _, _, salt, digest = path.read_text(encoding="utf-8").strip().split("$")
    return hmac.compare_digest(_hash(password, bytes.fromhex(salt)), digest)


def identity_key(data_dir: Path) -> str:
    return secret_file(Path(data_dir) / IDENTITY_FILE)


def proves(url: str, data_dir: Path | None, timeout: float = 5.0, key: str | None = None) -> bool:
    """True if the server at `url` answers the identity challenge with `key`, default this data dir's."""
    if key is None:
        path = Path(data_dir) / IDENTITY_FILE
        if not path.exists():
            return False
        key = path.read_text(encoding="utf-8").strip()
    key = key.strip().encode()
    nonce = secrets.token_hex(16)
    try:
        import urllib.request  # here: every kosnlp command builds the parser that imports this module
        with urllib.request.urlopen(f"{url.rstrip('/')}{IDENTITY_PATH}?nonce={nonce}", timeout=timeout) as r:
            answer = r.read(200).decode("ascii", "replace").strip()
    except Exception:
        return False
    return hmac.compare_digest(answer, hmac.new(key, nonce.encode(), hashlib.sha256).hexdigest())


def admin_password(data_dir: Path) -> str:
    return secret_file(Path(data_dir) / "admin-password", "KOSNLP_DOCCANO_PASSWORD")
