"""Error codes. Every user-facing error carries a stable code and says what to do.

Tests match on the code, so codes are never reused or renumbered.
"""
from __future__ import annotations

CODES = {
    # input
    "KOS-E101": "file not found",
    "KOS-E102": "raw document changed since its checksum was recorded",
    "KOS-E103": "file is not UTF-8 text",
    "KOS-E104": "file is empty",
    "KOS-E105": "file looks binary",
    "KOS-E106": "unknown language",
    "KOS-E107": "manifest problem",
    "KOS-E108": "data file problem",
    "KOS-E109": "generated data is stale",
    "KOS-E110": "output cannot be written",
    "KOS-E111": "two inputs give the same document id",
    "KOS-E112": "a directory was given where a file is expected",
    "KOS-E113": "operating-system error (a file or a connection)",
    "KOS-E114": "document already in the corpus (same content or id)",
    "KOS-E115": "bad document id or metadata",
    "KOS-E116": "replacing a raw text would break gold sentences",
    "KOS-E117": "output would overwrite an input",
    # corpus records
    "KOS-E201": "record is not valid JSON",
    "KOS-E202": "record breaks the corpus contract",
    "KOS-E203": "gold file problem",
    "KOS-E204": "held-out evaluation texts problem",
    # pipeline / models
    "KOS-E301": "pipeline cannot be loaded",
    "KOS-E302": "context model cannot be trained",
    # doccano
    "KOS-E401": "doccano server unreachable",
    "KOS-E402": "doccano login failed",
    "KOS-E403": "doccano project not found",
    "KOS-E404": "doccano conflict",
    "KOS-E405": "doccano server problem",
    "KOS-E406": "doccano server environment missing",
    "KOS-E407": "doccano server did not start",
    "KOS-E408": "doccano credentials missing",
    "KOS-E409": "doccano example does not fit",
    "KOS-E410": "doccano port already taken",
    "KOS-E411": "doccano server did not prove it is the one of this data directory",
    "KOS-E412": "doccano admin password differs from the one of this data directory",
    "KOS-E413": "doccano label set changed",
    "KOS-E414": "doccano project locked by another push or pull",
    "KOS-E415": "doccano example id refused",
    "KOS-E416": "doccano push could not complete an example",
    # researcher outputs: loader, exports, data card, versioning, report
    "KOS-E601": "corpus not found",
    "KOS-E602": "manifest not found beside the corpus",
    "KOS-E603": "export problem",
    "KOS-E604": "gold changed without a corpus version bump",
    "KOS-E605": "corpus version problem (release or CHANGELOG)",
    "KOS-E606": "data card is stale",
    "KOS-E607": "report problem",
    # normalisation
    "KOS-E501": "reference date in the manifest is malformed",
    "KOS-E502": "norm review entry does not match a gold span",
    "KOS-E503": "gold built from the annotation workspace would overwrite merged or reviewed gold",
    "KOS-E504": "reference date option or metadata table is malformed",
    # engines (annotate --n-process / --engine)
    "KOS-E701": "bad engine options",
    "KOS-E702": "dask scheduler unreachable",
    # warnings (printed as `warning: KOS-Wnnn ...`; the command goes on)
    "KOS-W101": "raw file not listed in the manifest",
}


class KosnlpError(Exception):
    """A user-facing error: `str(err)` is one line, `KOS-Ennn <where>: <what>; <fix>`."""

    def __init__(self, code: str, message: str, *, where: str | None = None, hint: str | None = None):
        assert code in CODES, code
        self.code, self.where, self.message, self.hint = code, where, message, hint
        super().__init__(_text(code, message, where, hint))

    def __reduce__(self):  # survives pickling (errors raised in worker processes)
        return _rebuild, (self.code, self.message, self.where, self.hint)


def warning_line(code: str, message: str, *, where: str | None = None, hint: str | None = None) -> str:
    """One coded warning line, in the same shape as an error line."""
    assert code in CODES and code.startswith("KOS-W"), code
    return "warning: " + _text(code, message, where, hint)


def _text(code, message, where, hint):
    text = f"{code} " + (f"{where}: " if where else "") + message
    return text + (f" ({hint})" if hint else "")


def _rebuild(code, message, where, hint):
    return KosnlpError(code, message, where=where, hint=hint)
