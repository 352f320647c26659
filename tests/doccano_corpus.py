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


def write_raw(raw_dir, texts: dict[str, str] | None = None) -> dict[str, str]:
    """A raw/ directory with a manifest for `texts` (doc id -> text; default: the two test documents)."""
    import hashlib
    from pathlib import Path

    import yaml
    texts = texts or RAW
    raw_dir = Path(raw_dir)
    raw_dir.mkdir(parents=True, exist_ok=True)
    docs = []
    for doc_id, text in texts.items():
        (raw_dir / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        docs.append({"doc_id": doc_id, "file": f"{doc_id}.txt", "lang": doc_id[:2] if doc_id[:2] in ("pl", "en")
                     else "pl", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()})
    (raw_dir / "manifest.yaml").write_text(yaml.safe_dump({"documents": docs}, allow_unicode=True), encoding="utf-8")
    return texts


def many(n: int, status: str = "gold", per_doc: int = 100) -> tuple[dict[str, str], list[dict]]:
    """`n` sentences (the test sentences repeated) in documents of `per_doc` sentences: raw texts and records."""
    base = records(status)
    texts, out = {}, []
    for d in range(0, n, per_doc):
        doc_id = f"{'pl' if (d // per_doc) % 2 == 0 else 'en'}-many-{d // per_doc:04d}"
        lines, start = [], 0
        for i in range(min(per_doc, n - d)):
            b = base[i % len(base)]
            sp = [dict(s) for s in b["spans"]]
            extra = {"provenance": dict(b["provenance"])} if b.get("provenance") else {}
            out.append(make_record(doc_id, doc_id[:2], i, start, start + len(b["text"]), b["text"], sp,
                                   status=status, **extra))
            lines.append(b["text"])
            start += len(b["text"]) + 1
        texts[doc_id] = "\n".join(lines)
    return texts, out
