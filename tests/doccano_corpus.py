"""A small two-document corpus (raw texts + gold records) for the doccano tests."""
from __future__ import annotations

from kosnlp.gold import write_gold
from kosnlp.records import make_record

PL = "Spotkanie „grupy kontaktowej” w Rambouillet.\nJoschka Fischer i Igor Iwanow rozmawiali 6 lutego 1999 r. z Miloševiciem."
EN = "NATO began air strikes on 24 March.\nMadeleine Albright flew to Moscow."


def span(text: str, surface: str, label: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return {"start": start, "end": start + len(surface), "label": label, "text": surface}


def records(status: str = "gold") -> list[dict]:
    out = []
    for doc_id, lang, raw, spans in (
        ("pl-test", "pl", PL, [[("Rambouillet", "PLACE")],
                               [("Joschka Fischer", "ACTOR"), ("Igor Iwanow", "ACTOR"),
                                ("6 lutego 1999 r.", "DATE"), ("Miloševiciem", "ACTOR")]]),
        ("en-test", "en", EN, [[("NATO", "ACTOR"), ("24 March", "DATE")],
                               [("Madeleine Albright", "ACTOR"), ("Moscow", "PLACE")]]),
    ):
        start = 0
        for i, line in enumerate(raw.split("\n")):
            sp = [span(line, s, lab) for s, lab in spans[i]]
            prov = {"origin": "scratch", "annotator": "A"} if status == "gold" else None
            extra = {"provenance": prov} if prov else {}
            out.append(make_record(doc_id, lang, i, start, start + len(line), line, sp, status=status, **extra))
            start += len(line) + 1
    return out


RAW = {"pl-test": PL, "en-test": EN}


def write_corpus(gold_dir) -> list[dict]:
    recs = records()
    write_gold(recs, gold_dir)
    return recs
