"""TIMEX3-style values: calendar intervals as norm dicts, and the anchor of a date.

A norm covers the days `start`..`end` (ISO dates) and carries a TIMEX3-style `value`
("1999-03-30", "1999-04", "1999", "1999-W23", "1998-FA", "20", ranges "a/b").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
# anchors in the story's time: the previous date, the last narrative date, the story's main year
STORY_ANCHORS = ("previous_date", "narrative_date", "story_year")
# the method of a month or season of a year counted from the date of writing ("February last year")
SHIFTED_YEAR = "shifted_year"


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """The (year, month) k months after month m of year y (k may be negative)."""
    y, m0 = divmod(y * 12 + m - 1 + k, 12)
    return y, m0 + 1


def months_on(d: dt.date, k: int) -> dt.date:
    """The same day k months on (the month's last day when it has fewer days)."""
    y, m = add_months(d.year, d.month, k)
    return dt.date(y, m, min(d.day, last_day(y, m)))


def season_of(d: dt.date, starts: dict[str, int]) -> tuple[str, int]:
    """(code, year) of the season holding d, by the first months of the seasons (`starts`, data/norm/
    dates.yaml season_start): the latest to start in d's year by d's month, else the one that starts
    latest in a year, of the year before (January is in the winter that began in December)."""
    code, m0 = max(starts.items(), key=lambda cm: (cm[1] <= d.month, cm[1]))
    return code, d.year if m0 <= d.month else d.year - 1


def iso(d: dt.date) -> str:
    return d.isoformat()


def span(value: str, start: dt.date, end: dt.date, **extra) -> dict:
    return {"status": "resolved", "value": value, "start": iso(start), "end": iso(end), **extra}


def month_norm(y: int, m: int, **extra) -> dict:
    return span(f"{y:04d}-{m:02d}", dt.date(y, m, 1), dt.date(y, m, last_day(y, m)), **extra)


def year_norm(y: int, **extra) -> dict:
    return span(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), **extra)


def day_norm(d: dt.date, **extra) -> dict:
    return span(iso(d), d, d, **extra)


def week_norm(d: dt.date, **extra) -> dict:
    """The ISO week containing d."""
    y, w, wd = d.isocalendar()
    mon = d - dt.timedelta(days=wd - 1)
    return span(f"{y:04d}-W{w:02d}", mon, mon + dt.timedelta(days=6), **extra)


def roman(s: str) -> int | None:
    if not s or any(c not in ROMAN for c in s):
        return None
    vals = [ROMAN[c] for c in s]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


class Anchor:
    """The date an expression is resolved against, and which kind it is."""

    def __init__(self, kind: str, start: dt.date, end: dt.date, value: str, narrative: bool = False):
        self.kind, self.start, self.end, self.value = kind, start, end, value
        self.narrative = narrative  # the story's time: a date written with its year, or counted from one

    @property
    def day(self) -> dt.date | None:
        return self.start if self.start == self.end else None

    @property
    def whole_year(self) -> bool:
        return self.start.year == self.end.year and (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)

    @property
    def story(self) -> bool:
        """An anchor in the story's time (not the date of writing)."""
        return self.narrative and self.kind in STORY_ANCHORS

    @property
    def mid(self) -> dt.date:
        return self.start + (self.end - self.start) / 2


def is_story_time(norm: dict, start: dt.date, end: dt.date) -> bool:
    """Does a resolved date put the story's time somewhere: a date written with its year, one
    counted from such a date, or a year, or a month or season in another year, counted from the
    date of writing into its past ("last year", "ten years ago", "wiosną ubiegłego roku"; not "yesterday",
    "this week", "last fall" or "next year")?"""
    if norm.get("anchor") in (None, *STORY_ANCHORS):
        return True
    ref = str(norm.get("anchor_value") or "")
    if norm.get("anchor") != "reference_date" or not re.fullmatch(r"\d{4}(-\d\d-\d\d)?", ref):
        return False
    # a year, or a month or season of a year named so ("wiosną ubiegłego roku", "February last year")
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year
    # a year after the year of writing ("next year", "w przyszłym roku") is a plan, not the story told
    return (whole_year or norm.get("method") == SHIFTED_YEAR) and start.year < int(ref[:4])


def make_anchor(kind: str, norm_or_value) -> Anchor | None:
    if not norm_or_value:
        return None
    if isinstance(norm_or_value, dict):
        if norm_or_value.get("status") != "resolved":
            return None
        start, end = dt.date.fromisoformat(norm_or_value["start"]), dt.date.fromisoformat(norm_or_value["end"])
        return Anchor(kind, start, end, norm_or_value["value"], narrative=is_story_time(norm_or_value, start, end))
    v = str(norm_or_value)
    if re.fullmatch(r"\d{4}", v):
        return Anchor(kind, dt.date(int(v), 1, 1), dt.date(int(v), 12, 31), v)
    d = dt.date.fromisoformat(v)
    return Anchor(kind, d, d, v)
