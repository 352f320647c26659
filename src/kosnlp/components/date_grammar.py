"""The DATE grammar above the token rules, a part of kosnlp_resolver (its cues are the
resolver's, data/context/<lang>.yaml):
- a DATE candidate's leading preposition or article (`date_outside`) is outside it ("in May"),
  except in the rules where it makes the date (`date_keep_outside_rules`: "przed tygodniem" =
  a week ago), and so is a trailing comma or semicolon; so is the "that" of a "that"-month rule
  (`date_that_rules`) after a verb of saying or knowing (`date_that_after`: "said that June was")
  or before a day number ("agreed that March 24 would be"), a conjunction;
- two dates joined by a range word (`date_range_links`: "24 April 1941 - 13 December 2010",
  "LUTY – MARZEC", also before an article, `date_range_articles`: "Mid-May through the end of
  the month") are one span; a weekday just before a date, also after a comma
  (`date_apposition`: "Tuesday 18 May 1999", "piątek, 4 czerwca", "Saturday, March 20"),
  is part of it, and so is a named day before a date and a comma (`date_named_day_rules`: "Niedziela
  Palmowa, 28 marca 1999 r."), and a weekday after a date and a comma closing the phrase
  ("10 czerwca 1999 r., czwartek, ...", "9 June, a Wednesday, ...": `date_apposition_articles`); two
  weekdays coordinated (`date_coordination`: "poniedziałek i wtorek")
  are one span; "and" / "a" after "between" / "między" (`date_between`, `date_between_links`)
  links a range ("between March and June", "między 24 marca a 10 czerwca");
- a part of a date before "of" (`date_of_heads`, with `date_of_mods`: "night of 7 May",
  "last day of March", "second week of June"; `date_of_heads_with_mod` only with one of
  `date_of_head_mods`: "the small hours of Saturday") is part of it; so is a part of the day after
  a date and a comma that closes the clause (`date_part_after`: "20 March, evening");
- a part of day (`date_parts_of_day`, with `date_part_mods`: "późnym wieczorem") just
  before a date with a day number ("wieczorem 24 marca") or just after a day ("24 marca
  rano", "środę późnym wieczorem") is part of it (label-spec: days with their part of
  day; a part of day alone is not a date);
- a count of units before "po" / "przed" and a date (`date_count_links`, `date_count_units`,
  `date_count_words`: "dwa lata po 24 marca 1999", "tydzień przed 12 czerwca") is a date
  counted from a date just given, one span with it; counted from an event it is no date
  (no DATE candidate follows).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .date_lines import line_end, line_start

_DAY_ORDINAL = re.compile(r"(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)")


def _day_number(t) -> bool:
    """A day of the month as a number: "12", "12th"."""
    return (t.is_digit and len(t) <= 2) or _DAY_ORDINAL.fullmatch(t.text) is not None


class DateGrammar:
    """Mixed into the resolver: `self.c` holds the cues as sets."""
    c: dict

    def _trim_date(self, doc: Doc, s: Span) -> Span:
        start, end = s.start, s.end
        keep = s.id_.partition(":")[2] in self.c.get("date_keep_outside_rules", ())  # "przed tygodniem"
        while start < end - 1 and doc[start].is_space:
            start += 1  # the line break before a heading ("\n\nMay.")
        while not keep and start < end - 1 and doc[start].lower_ in self.c["date_outside"]:
            start += 1
        if s.id_.partition(":")[2] in self.c.get("date_that_rules", ()) and start >= 1 and (
                doc[start - 1].lower_ in self.c.get("date_that_after", ()) or (end < len(doc) and doc[end].like_num)):
            start += 1  # "said that June was ...", "agreed that March 24 ...": "that" is a conjunction
        if end - start > 2 and doc[start].lower_ in self.c.get("date_articles", ()):
            start += 1  # "a week later", "about a week later" -> "week later": the article is outside
        rule = s.id_.partition(":")[2]
        if rule in self.c.get("date_lookahead_rules", ()) and end - start > 1:
            end -= 1  # "ten years on," : the stop or line end only closes the count
        while end > start + 1 and doc[end - 1].text in (",", ";"):
            end -= 1  # "the twelfth of June, and": an optional comma before a year that is not there
        return s if (start, end) == (s.start, s.end) else Span(doc, start, end, label=s.label_, span_id=s.id_)

    def _extend_of(self, doc: Doc, s: Span) -> Span:
        """"night of 7 May", "last day of March": the part of a date before "of"."""
        c, start = self.c, s.start
        art = int(start >= 3 and doc[start - 1].lower_ in c.get("date_of_articles", ()))  # "end of the summer"
        start -= art
        if start >= 2 and doc[start - 1].lower_ in c["date_of"] and doc[start - 2].lower_ in c["date_of_heads"]:
            if doc[start - 2].lower_ in c.get("date_of_heads_with_mod", ()) and not (
                    start >= 3 and doc[start - 3].lower_ in c.get("date_of_head_mods", ())):
                return s  # "within hours of Monday's vote": no part of the day without its modifier
            start -= 2
            while start >= 1 and doc[start - 1].lower_ in c["date_of_mods"]:
                start -= 1
        elif art:
            return s
        return s if start == s.start else Span(doc, start, s.end, label="DATE", span_id=s.id_)

    def _part_of_day(self, doc: Doc, i: int, step: int) -> int:
        """The tokens of a part of day starting at i and read in direction step (+1 after
        a date, -1 before it): 0, 1 ("rano") or 2 ("późnym wieczorem")."""
        parts, mods = self.c.get("date_parts_of_day", set()), self.c.get("date_part_mods", set())
        if step > 0:
            if i < len(doc) and doc[i].lower_ in parts:
                return 1
            if i + 1 < len(doc) and doc[i].lower_ in mods and doc[i + 1].lower_ in parts:
                return 2
            return 0
        if i >= 0 and doc[i].lower_ in parts:
            return 2 if i >= 1 and doc[i - 1].lower_ in mods else 1
        return 0

    def _extend_count(self, doc: Doc, s: Span) -> Span:
        """"dwie dekady po tamtej wiośnie": a count of units before a date."""
        c, start = self.c, s.start
        if start >= 2 and doc[start - 1].lower_ in c.get("date_count_links", ()) and (
                doc[start - 2].lower_ in c.get("date_count_units", ())):
            start -= 2
            if start >= 1 and (doc[start - 1].like_num or doc[start - 1].lower_ in c.get("date_count_words", ())) \
                    and doc[start - 1].lower_ not in c.get("date_articles", ()):
                start -= 1  # "two years after ..."; "a week after ...": the article is outside
            elif doc[start].lower_ not in c.get("date_count_one", ()):
                return s
        if start == s.start or any(doc[i].is_sent_start for i in range(start + 1, s.end)):
            return s
        return Span(doc, start, s.end, label="DATE", span_id=s.id_)

    def _extend_part(self, doc: Doc, s: Span) -> Span:
        """A part of day before a date with a day number, or after a day or weekday."""
        start, end = s.start, s.end
        if doc[s.start].like_num and s.start >= 1 and not doc[s.start].is_sent_start:
            start -= self._part_of_day(doc, s.start - 1, -1)
        if (s.id_ or "").split(":")[-1] in self.c.get("date_day_rules", set()):
            end += self._part_of_day(doc, s.end, 1)
        if (start, end) == (s.start, s.end) or any(doc[i].is_sent_start for i in range(start + 1, end)):
            return s
        return Span(doc, start, end, label="DATE", span_id=s.id_)

    def compose_dates(self, doc: Doc, spans: list[Span]) -> list[Span]:
        c, out = self.c, []
        for s in spans:
            if s.label_ == "DATE" and (s.id_ or "").partition(":")[2] in c.get("date_stop_rules", ()) \
                    and not (s.end < len(doc) and doc[s.end].text == "."):
                continue  # "May I ask": no heading "May."
            if s.label_ == "DATE" and not self._line_date_ok(doc, s):
                continue  # "2.05" not a heading: a number or a time
            if s.label_ == "DATE":
                longer = self._extend_count(doc, self._extend_part(doc, self._extend_of(doc, self._that_before(doc, s))))
                if out and out[-1].label_ == "DATE" and longer.start <= out[-1].start < out[-1].end <= s.start:
                    out.pop()  # "last week" + "of May": the part of a date before "of" was a date of its own
                s = longer if (not out or longer.start >= out[-1].end) and longer.end <= _next_start(spans, s) else s
                if out and out[-1].label_ == "DATE" and not any(
                        doc[i].is_sent_start for i in range(out[-1].end, s.start + 1)):
                    a, between = out[-1], [t.text for t in doc[out[-1].end:s.start]]
                    a_day = (a.id_ or "").endswith((":weekday", ":mod-weekday"))  # "last Sunday, 11 April"
                    s_day = (s.id_ or "").endswith(":weekday")
                    # "Tuesday 18 May 1999", "piątek, 4 czerwca": a weekday names the date after it
                    # (not before a named day: "w przyszłą niedzielę Wielkanoc obchodzą prawosławni" is two dates)
                    weekday = a_day and not s_day and not self._named(s) and (not between or (
                        between in ([b] for b in c.get("date_apposition", ())) and doc[s.start].text[:1].isalnum()))
                    # "10 czerwca 1999 r., czwartek, ...": the weekday of the date after it, closing the phrase
                    # ("9 June, a Wednesday, ...": with the article of the apposed noun phrase)
                    weekday_after = (not a_day and s_day and between[:1] in ([b] for b in c.get("date_apposition", ()))
                        and (len(between) == 1 or (len(between) == 2 and between[1].lower() in c.get(
                            "date_apposition_articles", ()))) and any(_day_number(t) for t in a)
                        and (s.end == len(doc) or doc[s.end].is_punct or doc[s.end].is_sent_start
                             or doc[s.end].is_space))  # "3 czerwca, czwartek" ending a line
                    both = a_day and s_day and len(between) == 1 and between[0].lower() in c.get(
                        "date_coordination", ())
                    # "between March and June": "and" after "between" links a range
                    in_between = (len(between) == 1 and between[0].lower() in c.get("date_between_links", ())
                                  and a.start > 0 and doc[a.start - 1].lower_ in c.get("date_between", ()))
                    # "12.03.1999 (piątek)", "6 maja (czwartek)": the weekday of the date, in parentheses
                    paren = (not a_day and s_day and between == ["("] and s.end < len(doc) and doc[s.end].text == ")"
                             and any(t.like_num for t in a))
                    if paren:
                        out[-1] = Span(doc, a.start, s.end + 1, label="DATE", span_id="date:composed")
                        continue
                    # "Mid-May through the end of the month": a range word, an article left outside the second date
                    ranged = between[:1] and between[0].lower() in c["date_range_links"] and (len(between) == 1 or (
                        len(between) == 2 and between[1].lower() in c.get("date_range_articles", ()))) and not (
                        # "BRUSSELS, 10 May 1999 - Today marks ...": a dash before a deictic day ends a dateline
                        between[0] in c.get("date_dash_links", ()) and (s.id_ or "").split(":")[-1] in c.get(
                            "date_dash_no_range_rules", ()))
                    # "Lato i jesień.", "Grudzień i początek 2000 r.": two periods coordinated opening a line (a heading)
                    heading = (len(between) == 1 and between[0].lower() in c.get("date_heading_links", ())
                               and line_start(doc, a.start))
                    if (both or ranged) and a_day and s_day and self._schedule(doc, a, s):
                        out.pop()  # "od poniedziałku do piątku w godz. 9-15": opening days, no date
                        continue
                    if weekday or weekday_after or both or in_between or ranged or heading or self._named_day(
                            doc, a, s, between):
                        out[-1] = Span(doc, a.start, s.end, label="DATE", span_id="date:composed")
                        continue
            out.append(s)
        return self._day_after_month(doc, self._named_headings(doc, [
            self._to_today(doc, self._weekday_after_abbr(doc, self._weekday_abbreviated(doc, self._part_after(doc, s))))
            if s.label_ == "DATE" else s for s in out]))

    def _day_after_month(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A day of the month as an ordinal word set off by commas after a month (`date_day_month_rules`),
        perhaps hedged (`date_day_hedges`: "W październiku, chyba piątego, ..."): a date of its own, the
        day of that month."""
        rules, days, out = self.c.get("date_day_month_rules", ()), self.c.get("date_weekday_days", ()), []
        for n, s in enumerate(spans):
            out.append(s)
            k = s.end + 1
            if not (s.label_ == "DATE" and (s.id_ or "").partition(":")[2] in rules and k < len(doc)
                    and doc[s.end].text == ","):
                continue
            k += doc[k].lower_ in self.c.get("date_day_hedges", ())
            if (k + 1 < len(doc) and doc[k].lower_ in days and doc[k + 1].is_punct
                    and (n + 1 == len(spans) or spans[n + 1].start > k)):
                out.append(Span(doc, k, k + 1, label="DATE", span_id="date:day-after-month"))
        return out

    def _named_headings(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A line naming a day before its date after a comma, the date ending the line ("Niedziela
        Bożego Miłosierdzia, 11 kwietnia 1999 r.", a parish's heading: its first word, or the one after
        a Roman number, one of `date_named_day_heads`): one span, the line."""
        heads, out = self.c.get("date_named_day_heads", ()), []
        for s in spans:
            out.append(s)
            i = s.start - 2
            if not (s.label_ == "DATE" and i >= 1 and doc[s.start - 1].text == ","
                    and line_end(doc, s.end) and any(_day_number(t) for t in s)):
                continue
            while i > 0 and doc[i].is_alpha and s.start - 1 - i < 6 and not line_start(doc, i):
                i -= 1  # back to the line's start over words only
            if not (doc[i].is_alpha and line_start(doc, i)):
                continue
            first = doc[i + 1] if doc[i].text.strip("IVX") == "" and i + 1 < s.start - 1 else doc[i]
            inside = [t for t in out[:-1] if t.end > i]  # a weekday found in the name ("Niedziela")
            if first.lower_ in heads and all(t.label_ == "DATE" for t in inside):
                del out[len(out) - 1 - len(inside):]
                out.append(Span(doc, i, s.end, label="DATE", span_id="date:composed"))
        return out

    def _named_day(self, doc: Doc, a: Span, s: Span, between: list[str]) -> bool:
        """A named day (`date_named_day_rules`) before its date with a day number after a comma
        ("Niedziela Palmowa, 28 marca 1999 r.", "Wielkanoc, 4 kwietnia"): one span."""
        return (between in ([b] for b in self.c.get("date_apposition", ())) and self._named(a)
                and any(_day_number(t) for t in s) and not (s.id_ or "").endswith(":weekday"))

    def _named(self, s: Span) -> bool:
        """Is s a named day (a feast: `date_named_day_rules`)?"""
        return (s.id_ or "").rpartition(":")[2] in self.c.get("date_named_day_rules", ())

    def _weekday_abbreviated(self, doc: Doc, s: Span) -> Span:
        """A date with a day number and its weekday abbreviated in parentheses after it ("24 Mar
        (Wed)", a log's heading: `date_paren_weekdays`) is one span, with a year of two digits before it
        ("24 Mar 99 (Wed)")."""
        e = s.end
        if e < len(doc) and len(doc[e].text) == 2 and doc[e].is_digit:
            e += 1  # "24 Mar 99 (Wed)"
        if e >= len(doc) or doc[e].text != "(" or not any(t.like_num for t in s):
            return s
        for k in (e + 2, e + 3):  # "(Wed)" may be cut in two like "we'd"
            if k < len(doc) and doc[k].text == ")" and doc[e + 1:k].text.lower().rstrip(".") in self.c.get(
                    "date_paren_weekdays", ()) and not any(t.whitespace_ for t in doc[e + 1:k - 1]):
                return Span(doc, s.start, k + 1, label="DATE", span_id=s.id_)
        return s

    def _part_after(self, doc: Doc, s: Span) -> Span:
        """"20 March, evening": a part of the day after a date and a comma, closing the
        clause (`date_part_after`), is part of it; so is the day of a weekday as an ordinal
        (`date_weekday_days`: "w tę niedzielę, jedenastego, ...", or a number after an article,
        `date_weekday_day_articles`: "on a Wednesday evening, the 24th, ...")."""
        e = s.end
        weekday = (s.id_ or "").endswith((":weekday", ":mod-weekday")) and e + 2 <= len(doc) and doc[e].text == ","
        if weekday and doc[e + 1].lower_ in self.c.get("date_weekday_day_articles", ()) and e + 2 < len(doc) and (
                _DAY_ORDINAL.fullmatch(doc[e + 2].text)):
            e += 1  # "on a Wednesday evening, the 24th": the article of the apposed day
        if (weekday and (doc[e + 1].lower_ in self.c.get("date_weekday_days", ()) or (
                e > s.end and _DAY_ORDINAL.fullmatch(doc[e + 1].text)))
                and (e + 2 == len(doc) or doc[e + 2].is_punct or doc[e + 2].is_sent_start)):
            return Span(doc, s.start, e + 2, label="DATE", span_id=s.id_)
        e = s.end
        if (e + 2 <= len(doc) and doc[e].text == "," and doc[e + 1].lower_ in self.c.get("date_part_after", ())
                and (e + 2 == len(doc) or doc[e + 2].is_punct or doc[e + 2].is_sent_start)):
            return Span(doc, s.start, e + 2, label="DATE", span_id=s.id_)
        return s


def _next_start(spans: list[Span], s: Span) -> int:
    """Where the candidate after s starts (a date is not extended over another span)."""
    for t in spans:
        if t.start >= s.end:
            return t.start
    return 10 ** 9
