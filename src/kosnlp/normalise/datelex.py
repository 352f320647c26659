"""The date lexicon (data/norm/dates.yaml) and dateparser, shared by the date forms.

dateparser reads single calendar expressions and deictic words from a fixed base date,
so that a parse never depends on the day the pipeline runs; the mention's anchor is
applied by the caller (kosnlp.normalise.dates).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import rules

# a year written out in a date: 1000-2099 (a historical date keeps its year: "28 June 1389")
YEAR = re.compile(r"\b(1\d\d\d|20\d\d)\b")


def lexicon() -> dict:
    return rules.get("dates")


# dateparser's base date: fixed, so that a parse never depends on the day the pipeline runs
# (a leap year, so that "29 February" parses); the mention's anchor is applied by the caller.
BASE = dt.date(2000, 1, 1)


@lru_cache(maxsize=4)
def _parser(lang: str):
    """One dateparser per language (building one costs far more than a parse)."""
    from dateparser.date import DateDataParser
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "RELATIVE_BASE": dt.datetime.combine(BASE, dt.time(12))}
    return DateDataParser(languages=[lang], settings=settings)


@lru_cache(maxsize=4096)
def dateparse(lang: str, text: str) -> tuple[dt.date, str] | None:
    """(date, period) that dateparser reads in `text`, or None; the same text parses the
    same way (the parser's base is fixed), so each distinct text is parsed once."""
    got = _parser(lang).get_date_data(text)
    if got is None or got.date_obj is None:
        return None
    return got.date_obj.date(), got.period


def deictic_days(lang: str, word: str) -> int | None:
    """The day offset dateparser gives a deictic word ("yesterday" -> -1) from its fixed
    base. The deictic words of data/norm/dates.yaml are whole days, so the offset does
    not depend on the base."""
    got = dateparse(lang, word)
    return None if got is None else (got[0] - BASE).days
