"""The DATE grammar above the token rules, a part of kosnlp_resolver (its cues are the
resolver's, data/context/<lang>.yaml):
- a DATE candidate's leading preposition or article (`date_outside`) is outside it ("in May");
- two dates joined by a range word (`date_range_links`: "24 April 1941 - 13 December 2010",
  "LUTY – MARZEC") are one span; a weekday just before a date is part of it ("Tuesday
  18 May 1999"); a part of a date before "of" (`date_of_heads`, with `date_of_mods`:
  "night of 7 May", "last day of March", "second week of June") is part of it; so is a
  part of the day after a date and a comma that closes the clause ("20 March, evening").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


class DateGrammar:
    """Mixed into the resolver: `self.c` holds the cues as sets."""
    c: dict

    def _trim_date(self, doc: Doc, s: Span) -> Span:
        start = s.start
        while start < s.end - 1 and doc[start].lower_ in self.c["date_outside"]:
            start += 1
        return s if start == s.start else Span(doc, start, s.end, label=s.label_, span_id=s.id_)

    def _extend_of(self, doc: Doc, s: Span) -> Span:
        """"night of 7 May", "last day of March": the part of a date before "of"."""
        c, start = self.c, s.start
        if start >= 2 and doc[start - 1].lower_ in c["date_of"] and doc[start - 2].lower_ in c["date_of_heads"]:
            start -= 2
            while start >= 1 and doc[start - 1].lower_ in c["date_of_mods"]:
                start -= 1
        return s if start == s.start else Span(doc, start, s.end, label="DATE", span_id=s.id_)

    def compose_dates(self, doc: Doc, spans: list[Span]) -> list[Span]:
        c, out = self.c, []
        for s in spans:
            if s.label_ == "DATE":
                longer = self._extend_of(doc, s)
                s = longer if not out or longer.start >= out[-1].end else s
                if out and out[-1].label_ == "DATE" and not any(
                        doc[i].is_sent_start for i in range(out[-1].end, s.start + 1)):
                    a, between = out[-1], [t.text for t in doc[out[-1].end:s.start]]
                    # "Tuesday 18 May 1999", "Saturday, March 20": a weekday names the date after it
                    weekday = ((a.id_ or "").endswith(":weekday") and not (s.id_ or "").endswith(":weekday")
                               and between in ([], [","]) and doc[s.start].text[:1].isalnum())
                    # "between March and June": "and" after "between" links a range
                    in_between = (between == ["and"] and a.start > 0
                                  and doc[a.start - 1].lower_ in c.get("date_between", ()))
                    if weekday or in_between or (len(between) == 1 and between[0].lower() in c["date_range_links"]):
                        out[-1] = Span(doc, a.start, s.end, label="DATE", span_id="date:composed")
                        continue
            out.append(s)
        return [self._part_after(doc, s) if s.label_ == "DATE" else s for s in out]

    def _part_after(self, doc: Doc, s: Span) -> Span:
        """"20 March, evening": a part of the day after a date and a comma, closing the
        clause (`date_part_after`), is part of it."""
        e = s.end
        if (e + 2 <= len(doc) and doc[e].text == "," and doc[e + 1].lower_ in self.c.get("date_part_after", ())
                and (e + 2 == len(doc) or doc[e + 2].is_punct or doc[e + 2].is_sent_start)):
            return Span(doc, s.start, e + 2, label="DATE", span_id=s.id_)
        return s
