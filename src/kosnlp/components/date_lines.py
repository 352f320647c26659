"""Dates of a diary's or a log's headings, a part of the DATE grammar (kosnlp_resolver; its cues
are the resolver's, data/context/<lang>.yaml):
- a day and month in figures without a year ("24.03", "15.04.99") or with a year of two digits
  ("3 IV 99"), `date_line_rules`, is a date only as a heading: starting its line and ending it or
  before a comma, or ending its line after a comma ("Środa, 24.03"); elsewhere it is a number or a
  clock time;
- a date with a day number and its weekday abbreviated after a comma, ending the line ("02.04.1999, pt.",
  "11 IV, nd.": `date_paren_weekdays`) is one span, the abbreviation's dot included;
- a demonstrative before a date of the rules `date_that_prefix_rules` is part of it, over a modifier
  (`date_that_prefix`, `date_that_mods`: "that Christmas", "that same day", "that late spring"), but
  not a "that" after a verb of saying (`date_that_after`: "said that Christmas was ...");
- two weekdays ranged or coordinated in a sentence of opening hours or a repeated event (a word of
  `date_schedule_cues`: "od poniedziałku do piątku w godz. 9-15", "the Monday and Tuesday after each
  collection") are days of a schedule, a frequency: no date (label-spec: frequencies are not DATE);
- a date after "od" ranged to the day of writing ("od 24 marca do dzisiaj": `date_from_words`,
  `date_to_today`, two words) is one span.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def line_end(doc: Doc, i: int) -> bool:
    """Does the line end just before token i?"""
    return i >= len(doc) or "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_


def line_start(doc: Doc, i: int) -> bool:
    """Does a line start at token i?"""
    return i == 0 or "\n" in doc[i - 1].text_with_ws


class DateLines:
    """Mixed into the resolver: `self.c` holds the cues as sets."""
    c: dict

    def _line_date_ok(self, doc: Doc, s: Span) -> bool:
        """A date of `date_line_rules` stands as a heading: it starts its line and ends it or a
        comma or its weekday in parentheses follows ("3 IV 99, sobota", "24 Mar 99 (Wed)"), or it ends
        its line after a comma ("Środa, 24.03")."""
        if (s.id_ or "").partition(":")[2] not in self.c.get("date_line_rules", ()):
            return True
        if line_start(doc, s.start):
            return line_end(doc, s.end) or doc[s.end].text in (",", "(")
        return line_end(doc, s.end) and doc[s.start - 1].text == ","

    def _weekday_after_abbr(self, doc: Doc, s: Span) -> Span:
        """"02.04.1999, pt." ending its line: the weekday abbreviated after the date is part of it."""
        e = s.end
        if not (e + 1 < len(doc) and doc[e].text == "," and any(t.like_num for t in s)):
            return s
        k = e + 2 + (e + 2 < len(doc) and doc[e + 2].text == "." and not doc[e + 1].whitespace_)
        if doc[e + 1].lower_ in self.c.get("date_paren_weekdays", ()) and line_end(doc, k):
            return Span(doc, s.start, k, label="DATE", span_id=s.id_)
        return s

    def _that_before(self, doc: Doc, s: Span) -> Span:
        """"that Christmas", "that late spring": the demonstrative of a date is part of it."""
        c, i = self.c, s.start - 1
        if (s.id_ or "").partition(":")[2] not in c.get("date_that_prefix_rules", ()):
            return s
        i -= i >= 1 and doc[i].lower_ in c.get("date_that_mods", ()) and doc[i - 1].lower_ in c.get("date_that_prefix", ())
        if i < 0 or doc[i].lower_ not in c.get("date_that_prefix", ()) or (
                i >= 1 and doc[i - 1].lower_ in c.get("date_that_after", ())):
            return s
        return Span(doc, i, s.end, label="DATE", span_id=s.id_)

    def _schedule(self, doc: Doc, a: Span, s: Span) -> bool:
        """Are the weekdays a and s (ranged or coordinated) days of a schedule? A word of
        `date_schedule_cues` in their sentence."""
        cues = self.c.get("date_schedule_cues", ())
        sent = doc[a.start].sent if doc.has_annotation("SENT_START") else doc[:]
        return any(t.lower_ in cues for t in sent)

    def _to_today(self, doc: Doc, s: Span) -> Span:
        """"od 24 marca do dzisiaj": a range from a date to the day of writing."""
        e, to = s.end, self.c.get("date_to_today", ())
        if (s.start >= 1 and doc[s.start - 1].lower_ in self.c.get("date_from_words", ()) and e + 1 < len(doc)
                and f"{doc[e].lower_} {doc[e + 1].lower_}" in to):
            return Span(doc, s.start, e + 2, label="DATE", span_id=s.id_)
        return s
