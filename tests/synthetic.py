"""Small synthetic corpora for tests: a project directory with raw/manifest.yaml and gold, with norms."""
import json

from kosnlp.records import contract_problems


def project(tmp_path, records, docs):
    (tmp_path / "raw").mkdir()
    man = {"corpus_version": "9.9.9", "documents": [
        {"doc_id": d, "file": f"{d}.txt", "lang": lang, "sha256": "0", "title": f"T {d}", "reference_date": ref}
        for d, lang, ref in docs]}
    (tmp_path / "raw" / "manifest.yaml").write_text(json.dumps(man), encoding="utf-8")
    gold = tmp_path / "annotations" / "gold"
    gold.mkdir(parents=True)
    with (gold / "x.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            assert contract_problems(r) == [], r
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return tmp_path


def record(rid, doc, text, spans, lang="en"):
    out = []
    for surface, label, norm in spans:
        i = text.index(surface)
        s = {"start": i, "end": i + len(surface), "label": label, "text": surface}
        if norm is not None:
            s["norm"] = norm
        out.append(s)
    return {"id": rid, "doc_id": doc, "lang": lang, "start": 0, "end": len(text), "text": text,
            "spans": out, "status": "gold"}


def synthetic_with_norms(tmp_path):
    milo = {"status": "resolved", "id": "person:slobodan-milosevic", "type": "person",
            "name": "Slobodan Milosevic", "name_pl": "Slobodan Milošević"}
    ru = {"status": "resolved", "id": "state:ru", "type": "state", "name": "Russia", "name_pl": "Rosja"}
    recs = [
        record("d1-0001", "d1", "Milosevic met Russia in Belgrade on 30 March 1999.", [
            ("Milosevic", "ACTOR", milo), ("Russia", "ACTOR", ru),
            ("Belgrade", "PLACE", {"status": "resolved", "id": "geonames:792680", "name": "Belgrade",
                                   "country_code": "RS", "lat": 44.8, "lon": 20.47, "geonameid": 792680,
                                   "source": "geonames"}),
            ("30 March 1999", "DATE", {"status": "resolved", "value": "1999-03-30", "start": "1999-03-30",
                                       "end": "1999-03-30", "anchor": None, "extra": {"calendar": "gregorian"}})]),
        record("d1-0002", "d1", "Later Milosevic spoke in spring.", [
            ("Milosevic", "ACTOR", milo), ("spring", "DATE", {"status": "unresolved", "reason": "season"})]),
        record("d2-0001", "d2", "Russia agreed.", [("Russia", "ACTOR", ru)]),
        record("d3-0001", "d3", "Rosja i ktoś.", [("Rosja", "ACTOR", ru),
                                                ("ktoś", "ACTOR", {"status": "unresolved", "reason": "unknown"})], "pl"),
    ]
    return project(tmp_path, recs, [("d1", "en", "1999-04-02"), ("d2", "en", "1999-06-08"), ("d3", "pl", None)])


def copy_project(root, tmp_path):
    """raw/, annotations/, CHANGELOG.md and CITATION.cff of the project, copied into tmp_path."""
    import shutil
    for d in ("raw", "annotations"):
        shutil.copytree(root / d, tmp_path / d)
    for f in ("CHANGELOG.md", "CITATION.cff"):
        shutil.copy(root / f, tmp_path / f)
    return tmp_path
