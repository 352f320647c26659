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
    # corpus records
    "KOS-E201": "record is not valid JSON",
    "KOS-E202": "record breaks the corpus contract",
    "KOS-E203": "gold file problem",
    # pipeline / models
    "KOS-E301": "pipeline cannot be loaded",
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
    # engines (annotate --n-process / --engine)
    "KOS-E701": "bad engine options",
    "KOS-E702": "dask scheduler unreachable",
}


class KosnlpError(Exception):
    """A user-facing error: `str(err)` is one line, `KOS-Ennn <where>: <what>; <fix>`."""

    def __init__(self, code: str, message: str, *, where: str | None = None, hint: str | None = None):
        assert code in CODES, code
        self.code, self.where, self.message, self.hint = code, where, message, hint
        text = f"{code} " + (f"{where}: " if where else "") + message
        if hint:
            text += f" ({hint})"
        super().__init__(text)

    def __reduce__(self):  # survives pickling (errors raised in worker processes)
        return _rebuild, (self.code, self.message, self.where, self.hint)


def _rebuild(code, message, where, hint):
    return KosnlpError(code, message, where=where, hint=hint)
