"""The project's label set, checked before anything is pushed or merged.

doccano exports spans by label *name*, and its import creates any label it does not
know. So a label renamed or two labels whose names were swapped in doccano would
relabel spans silently, both ways. kosnlp's labels are fixed (name, shortcut key,
colour in src/kosnlp/data/doccano/project.yaml), and every example records the label
ids it was pushed with (`label_ids` in its metadata). Any difference is KOS-E413, with
nothing sent or merged.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import KosnlpError
from ..ingest import load_yaml_data


def project_config() -> dict:
    return load_yaml_data("doccano/project.yaml")


def label_problems(current: list[dict], config: list[dict], recorded: Iterable[dict | None] = ()) -> list[str]:
    """What differs between the project's labels and kosnlp's (and the ids examples were pushed with)."""
    by_name = {t["text"]: t for t in current}
    problems = []
    for lab in config:
        name, t = lab["text"], by_name.get(lab["text"])
        if t is None:
            problems.append(f"label {name} is missing (renamed or deleted in doccano?)")
            continue
        want = (lab["suffix_key"], lab["color"].lower())
        if (t["suffix_key"], (t["color"] or "").lower()) != want:
            problems.append(f"label {name} has key {t['suffix_key']!r} and colour {t['color']}, "
                            f"kosnlp's is key {want[0]!r} and colour {want[1]}")
    known = {lab["text"] for lab in config}
    problems += [f"label {name} is not one of kosnlp's" for name in sorted(set(by_name) - known)]
    ids = {t["text"]: t["id"] for t in current}
    for seen in {tuple(sorted(r.items())) for r in recorded if isinstance(r, dict)}:
        for name, lid in seen:
            if name in ids and ids[name] != lid:
                problems.append(f"label {name} is label id {ids[name]}, examples were pushed with id {lid} "
                                f"(names swapped or relabelled?)")
    return sorted(set(problems))


def check_labels(dc, project_id: int, recorded: Iterable[dict | None] = (), *, create: bool = False) -> dict[str, int]:
    """The label ids by name; KOS-E413 if the set differs. `create`: make them in a project without labels."""
    config = project_config()["labels"]
    current = dc.label_types(project_id)
    if not current and create:
        for lab in config:
            dc.create_label(project_id, lab)
        current = dc.label_types(project_id)
    problems = label_problems(current, config, recorded)
    if problems:
        raise KosnlpError("KOS-E413", "the project's labels changed in doccano: " + "; ".join(problems),
                          where=f"{getattr(dc, 'url', 'doccano')} project {project_id}",
                          hint="restore them in doccano (names, ids, keys and colours as pushed: "
                               "src/kosnlp/data/doccano/project.yaml); nothing was sent or merged")
    return {t["text"]: t["id"] for t in current}
