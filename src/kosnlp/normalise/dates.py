"""Date normalisation: a DATE mention -> TIMEX3-style value, first and last day, anchor.

`DateNormaliser.normalise(text, lang, reference, previous)`:
- reference: the document's reference date ("1999-06-08") or, when the manifest
  gives only the period the text is about, its year ("1999"); None if unknown;
- previous: the norm of the nearest resolved date before the mention in the text
  (`previous_after` says which date that is).
Explicit dates get anchor None. A date without a year (a day and month, a month, a
season) takes the story's time (narrative time, as HeidelTime's narrative documents):
the year of the previous date when the text wrote it with its year or counted it from
such a date; else the instance nearest the reference date, else the previous date.
A dateline ("Stenkovec (Macedonia), 16 kwietnia" alone on its line) is the date of
writing of what follows; a date restating the reference date or bounding a duration
("since 1968") does not move the story's time. Deictic words (yesterday, this week,
last fall, a weekday) count from the reference date, and only from one known to the day;
anaphoric ones (five days later, następnego dnia, the same day, the following year) from
the previous date (else the reference). Granularity follows the words: "ten years ago"
is a year, "five days later" a day, a part of a day keeps its day. Without an anchor the
mention is "unresolved: no anchor". dateparser parses single calendar expressions and
deictic words; the lexicon in data/norm/dates.yaml covers ranges, coordination,
modifiers, weekdays, seasons, weeks, weekends, decades, centuries and anaphora.
"""
from __future__ import annotations

import datetime as dt
import re

from ..languages import codes, default_language
from .date_anaphora import AnaphoraForms
from .date_calendar import CalendarForms
from .date_counted import CountedForms
from .date_layout import LayoutForms
from .date_periods import PeriodForms
from .date_relative import RelativeForms
from .date_weekdays import WeekdayForms
from .date_years import YearChoice
from .datelex import lexicon
from .keys import unresolved
from .timex import (
    STORY_ANCHORS,
    Anchor,
    day_norm,
    make_anchor,
    month_norm,
    week_norm,
    year_norm,
)

# between a count and the date that names it: a comma or a parenthesis and a short word ("on", "w")
APPOSITION = re.compile(r"\s*[,(]\s*(?:\w{1,3}\s+){0,2}")  # ", on", ", on the" ("morning of 5 March")


class DateNormaliser(AnaphoraForms, CalendarForms, CountedForms, LayoutForms, PeriodForms, RelativeForms, WeekdayForms,
                     YearChoice):
    def __init__(self, lex: dict | None = None):
        self.lx = lex or lexicon()
        self._story: tuple[Anchor | None, ...] = (None, None, None)  # set by each `normalise` call
        self._tense: str | None = None
        self._since: str | None = None  # the aspect of a "since" before the mention (tense.since_aspect)
        self._near = False  # the previous date is in the mention's sentence
        self._before = ""  # the word before the mention, lower case
        self._prev_counted = False
        self._now: Anchor | None = None  # the text's last day in the year of writing (StoryTime.now)
        self._prev_norm: dict = {}  # the previous date's norm (a night, a day counted back: CountedForms._anaphoric)
        self._period: Anchor | None = None
        self._told: Anchor | None = None
        self._months: dict[int, int] = {}
        self._days: tuple[dt.date, ...] = ()  # the last single days the text named (StoryTime.days)
        self._present: Anchor | None = None
        self._written: Anchor | None = None
        self._holiday_named: dict | None = None
        self._seasons: dict[str, int] = {}
        self._sections: dict[tuple[str, str], dict | list] = {}  # (name, lang) -> its lexicon section

    # -- entry point ---------------------------------------------------------------
    def apposed(self, norm: dict, between: str, explicit: dict, text: str | None = None,
                lang: str | None = None) -> dict | None:
        """A date counted from another ("dwa lata później", "twenty years ago") followed by a date
        written with its year in apposition ("dwa lata później, 17 lutego 2008 roku", "twenty years
        ago, on 24 March 1999"): the text names the date, so the count takes it at its own
        granularity (a count left without an anchor takes the date as it is). A count of days
        (`text`, in `lang`) names its day by a day without a year too ("five days later, on 5 March"), one within a
        week of the count (the count may be from a day the story had left). None when this is no
        such pair."""
        if explicit.get("status") != "resolved":
            return None
        if str(norm.get("method", "")).endswith("easter") and re.fullmatch(r"\s*[,(]?\s*(?:\w{1,2}\s+)?", between):
            return self._easter_named(norm, explicit)
        if not APPOSITION.fullmatch(between):
            return None
        if explicit.get("anchor") is not None:
            if norm.get("status") != "resolved" or not re.fullmatch(r"\d{4}-\d\d-\d\d", norm.get("value", "")) \
                    or explicit["start"] != explicit["end"] or norm.get("anchor") is None or not text \
                    or self._count(" ".join(text.lower().split()), lang or default_language()) is None:
                return None
            day, count = dt.date.fromisoformat(explicit["start"]), dt.date.fromisoformat(norm["start"])
            if day == count or abs((day - count).days) > 7:
                return None
            return {**day_norm(day), "anchor": "apposition", "anchor_value": explicit["value"]}
        if norm.get("status") != "resolved":  # "Dziś, w 2014 r.": the text gives the present it had no anchor for
            return ({**explicit, "anchor": "apposition", "anchor_value": explicit["value"]}
                    if norm.get("reason") in ("no anchor", "reference date known only to the year") else None)
        if norm.get("anchor") is None:
            return None
        s, e = dt.date.fromisoformat(explicit["start"]), dt.date.fromisoformat(explicit["end"])
        v = norm["value"]
        if re.fullmatch(r"\d{4}", v) and s.year == e.year:
            out = year_norm(s.year)
        elif re.fullmatch(r"\d{4}-\d\d", v) and (s.year, s.month) == (e.year, e.month):
            out = month_norm(s.year, s.month)
        elif re.fullmatch(r"\d{4}-W\d\d", v) and week_norm(s)["value"] == week_norm(e)["value"]:
            out = week_norm(s)
        elif re.fullmatch(r"\d{4}-\d\d-\d\d", v) and s == e:
            out = day_norm(s)
        else:
            return None
        return out if out["value"] == v else {**out, "anchor": "apposition", "anchor_value": explicit["value"]}

    @staticmethod
    def previous_after(previous: dict | None, norm: dict, reference=None, lang: str | None = None,
                       word_before: str | None = None) -> dict | None:
        """The previous date for the mentions after one whose norm is `norm`. It is the
        previous date for anaphora, but not the story's time when it only restates the
        reference date (a dateline) or bounds a duration ("since 1968", "od 1989 r."): then the
        time the text was in stays ("jesienią 1997 r. ... Od 1 stycznia 1998 r. był
        przewodniczącym, a na przełomie lutego i marca" is 1998 counted from the autumn of 1997;
        after "dziś" a bound "od czerwca 1999 roku" leaves the text in the present)."""
        if norm.get("status") != "resolved":
            return previous
        bound = (word_before is not None
                 and word_before.lower() in lexicon()["duration_bounds"].get(lang or default_language(), []))
        restated = reference is not None and len(str(reference)) == 10 and norm["value"] == str(reference)
        if norm.get("anchor") is None and (restated or bound) and previous is not None:
            return previous  # a dateline inside the story, or a bound, keeps the time the text was in
        if norm.get("anchor") is None and (restated or bound):
            return {**norm, "anchor": "reference_date" if restated else "duration_bound"}
        return norm

    def normalise(self, text: str, lang: str, reference=None, previous: dict | None = None,
                  narrative: dict | None = None, main_year: int | None = None, tense: str | None = None,
                  written=None, before: str | None = None, period: dict | None = None,
                  present: int | None = None, holiday: dict | None = None, fine: dict | None = None,
                  seasons: tuple = (), near: bool = False, since: str | None = None, told: dict | None = None,
                  months: tuple = (), now: dict | None = None, days: tuple = ()) -> dict:
        """`narrative`: the last date of the story's time (StoryTime.narrative); `main_year`:
        the year the story is mostly in (StoryTime.main_year); `tense`: "past" / "future" around
        the mention (normalise.tense.tense_at), the direction of a weekday, month or season
        counted from the date of writing; `written`: the date the whole text was written by (its
        reference date before a dateline or heading moved it; defaults to `reference`), which
        a story told in the past does not pass; `before`: the word before the mention ("the"
        turns "next week" into "the following week"); `period`: the period a report states for itself
        in its first line (StoryTime.period), its "this week"; `present`: the year the text says it is
        written in (StoryTime.stated_present), for "today" and "last year" when the reference gives only
        the year written about; `holiday`: the norm of the last holiday the text named (StoryTime.holiday),
        what "święta" means; `fine`: the story's last date of a month or less (StoryTime.fine), what a count
        of months counts from after a season; `seasons`: (season code, year) of the seasons the story was
        in (StoryTime.seasons), what "that spring" is; `near`: the previous date is in the mention's sentence;
        `since`: the aspect of a "since" before it (tense.since_aspect: "present", "past"), the instance begun by
        the date of writing or before the story's date; `told`: a period the text just gave by two dates
        (StoryTime.told), which holds a month or day without a year that falls in it; `months`: (month, year) the
        text writes out (StoryTime.written_months), the year of such a month told before any date; `now`: the text's
        last day in the year of writing (StoryTime.now), what "następnego dnia" in its present counts from after a
        digression into another year; `days`: the last single days the text named (StoryTime.days), what a weekday
        alone after one of them, or "that Saturday", is. All default to none."""
        self._tense, self._before, self._holiday_named, self._near = tense, (before or "").lower(), holiday, near
        self._seasons = dict(seasons)
        self._period = make_anchor("report_period", period)
        self._told, self._months = make_anchor("narrative_date", told), dict(months)
        self._days = tuple(dt.date.fromisoformat(d) for d in days)
        self._present = make_anchor("stated_present", f"{present:04d}") if present else None
        # the previous date was counted in the story (a weekday, "two days later"), not written out
        # (a day and month parsed as a calendar date: "7 marca")
        self._prev_counted = bool(previous and previous.get("anchor") in STORY_ANCHORS
                                  and previous.get("method") != "dateparser")
        self._prev_norm = previous or {}
        self._now = make_anchor("narrative_date", now)
        self._written = make_anchor("reference_date", written or reference)
        ref, prev = make_anchor("reference_date", reference), make_anchor("previous_date", previous)
        self._story = (make_anchor("narrative_date", narrative),
                       make_anchor("story_year", f"{main_year:04d}") if main_year else None,
                       make_anchor("narrative_date", fine))
        if self._story[1] is not None:
            self._story[1].narrative = True
        t = " ".join(text.lower().replace("’s", "").replace("'s", "").split())
        t = re.sub(r"^(?:(?:at|by|pod|na)\s+)?(?:(?:the|from|since|until|till|on|in|w|we|od|do|z)\s+){0,2}", "", t)
        if self._tense == "future" and self._before in self._w("dated_thing_before", lang) and t[:1].isdigit():
            self._tense = "past"  # the date of a thing named before it ("masakry z 15 stycznia")
        words = t.split()
        art = self._w("after_article", lang)
        if before and art and words and before.lower() in art["articles"] and words[0] in art["words"]:
            words[0] = art["words"][words[0]]
            t = " ".join(words)
        if len(words) > 3 and words[0] in self._w("between", lang):  # "między 24 marca a 10 czerwca"
            t = re.sub(r"\s(?:a|and|i)\s", " – ", " ".join(words[1:]), count=1)
        mod = self._w("approx", lang).get(t.split()[0]) if t.split() else None
        if mod:  # "niespełna tydzień później": the count, approximate
            t = t.split(" ", 1)[1] if " " in t else t
        turn = len(t.split()) > 2 and t.split()[0] in self._w("turn", lang)
        if turn:  # "na przełomie marca i kwietnia": narrowed below
            t = t.split(" ", 1)[1]
        t = self._plain(t, lang)
        # a bound of a duration, not a range ("od 24 marca do 10 czerwca" is read as written)
        self._since = since if since and not any(x in f" {t} " for x in self.lx["range_separators"]) else None
        try:
            out = self._parse(t, lang, ref, prev) or self._without_day_part(t, lang, ref, prev)
            if out is None and t.count(" ") == 1 and t.split()[1] in self._w("within_that", lang):  # "(barely a) day later"
                out = self._parse(f"1 {t}", lang, ref, prev) if self._w("units", lang).get(t.split()[0]) else None
        except (ValueError, OverflowError):
            out = None
        if out and mod and out.get("status") == "resolved":
            out = {**out, "mod": mod}
        if out and turn and out.get("status") == "resolved":
            out = self._turn(out)
        return out or unresolved("not a calendar expression")

    def _narrative(self, prev: Anchor | None) -> Anchor | None:
        """The last date of the story's time, else the previous date."""
        return self._story[0] or prev

    def _at_present(self, ref: Anchor | None, prev: Anchor | None) -> bool:
        """Has the text just come to the present of a retrospective: the previous date lies in
        the year of writing while the story is mostly in another year ("Dziś, dziesięć lat
        później")?"""
        main = self._story[1]
        return bool(ref and prev and main and (prev.day or prev.mid).year == ref.end.year != main.start.year)

    def _parse(self, t: str, lang: str, ref: Anchor | None, prev: Anchor | None) -> dict | None:
        for f in (self._century, self._decade, self._weekday_and_date, self._day_of_month, self._easter_sunday, self._nth_weekday,
                  self._week_of_month,
                  self._ago_this, self._named_and_date, self._holiday, self._night_between, self._years_after_word, self._that, self._of_that_year,
                  self._anaphoric, self._anaphoric_period, self._relative_count, self._count_from_date,
                  self._deictic, self._counted_span, self._weekend_of, self._weekend, self._part, self._month_of_shifted_year, self._epithet_weekday, self._shifted,
                  self._weekday, self._season, self._named_period, self._range, self._single, self._day_alone):
            got = f(t, lang, ref, prev)
            if got is not None:
                return got
        return None

    def _w(self, name: str, lang: str) -> dict | list:
        """The lexicon's section `name` for `lang` (looked up once per name and language)."""
        got = self._sections.get((name, lang))
        if got is None:
            v = self.lx[name]
            by_lang = isinstance(v, dict) and any(c in v for c in codes())  # a section per language
            got = self._sections[(name, lang)] = v.get(lang, v.get(default_language(), {})) if by_lang else v
        return got

    def _focus(self, ref: Anchor | None, prev: Anchor | None) -> Anchor | None:
        """The anchor of a date without a year (a day and month, a month, a season): the
        narrative time. A date the text has just given with its own year, or counted from
        such a date, puts the story's time in focus; otherwise the reference date. In a
        past-tense sentence of a retrospective, a date after the date of writing just before
        ("za dwa tygodnie opowiemy, jak 12 czerwca KFOR wjechał") leaves the story's time in focus."""
        if self._since == "present" and self._written is not None and not (
                prev is not None and prev.narrative and self._story[1] is not None
                and self._story[1].start.year < self._written.start.year):
            # "since April ... has been": counted back from the date of writing, unless a retrospective is
            # at its story's time (a story told in its present: "June 1999. NATO has been bombing since ...")
            return self._written
        if ref is not None and ref.value == f"{ref.start.year:04d}" and prev is not None \
                and (prev.day or prev.mid).year == ref.start.year:
            return ref  # the story is in the year the reference gives: the same year, by the reference
        if prev is not None and (ref is None or prev.narrative):
            return prev
        if prev is not None and self._near and prev.whole_year:
            # a year the sentence has just named from the date of writing ("W tym roku ... do końca września"):
            # that year, still the date of writing's, not the story's
            return Anchor("reference_date", prev.start, prev.end, prev.value)
        main = self._story[1]
        if prev is None and self._tense == "past" and ref is not None and main is not None \
                and main.start.year < ref.start.year:
            # the text's first date, told in the past before the story gives its year ("the year began under the
            # shadow of the October agreements. On 13 October 1998 ..."): the year the text writes that month with,
            # else the year it writes out most (YearChoice._nearest_year)
            return main
        story = self._story[0]
        if self._tense == "past" and ref is not None and story is not None and prev is not None \
                and (story.day or story.mid).year < ref.start.year and (prev.start > ref.end or (
                    not prev.narrative and ref.day is not None and prev.day is not None
                    and abs((prev.day - ref.day).days) <= 1)):
            # a past-tense date of a retrospective after "today", "tonight" or "yesterday" said in passing
            # ("tonight we remember them. Spring turned into summer in those camps"): the story's
            return story
        return ref or prev

    @staticmethod
    def _pick(first: Anchor | None, second: Anchor | None, need_day: bool = False) -> Anchor | None:
        for a in (first, second):
            if a is not None and (a.day or not need_day):
                return a
        return None

    # -- pieces --------------------------------------------------------------------

