"""Where a capitalised run of kosnlp_names is cut or set aside before it is read as an
organisation or a person (cues in data/context/<lang>.yaml): an operation's name
(`event_first`: no listed name inside "Operation Joint Guardian"), an event named by its place
("the Rambouillet Conference": `event_heads`), a listed organisation
after a conjunction ("Government and UNHCR"), "the Government of <state>" (the state acts:
`state_body_heads`, `state_body_skip`), a facility named by its head word first ("Fort Dix", `place_heads_before`;
"at RAF Northolt", `base_owners` after `base_preps`), and a capitalised title between an
organisation and a person ("UN Security Council | President ...")."""
from __future__ import annotations

from spacy.tokens import Doc, Span


class NameCuts:
    """Mixed into NameFinder, whose `_prepare` calls `_prepare_cuts`."""

    def _prepare_cuts(self, cues: dict) -> None:
        self.event_first = set(cues.get("event_first", []))
        self.event_heads = set(cues.get("event_heads", []))
        self.state_bodies = set(cues.get("state_body_heads", []))
        self.state_body_skip = set(cues.get("state_body_skip", []))
        self.place_heads_before = set(cues.get("place_heads_before", []))
        self.base_owners, self.base_preps = set(cues.get("base_owners", [])), set(cues.get("base_preps", []))

    def _run_start(self, doc: Doc, v, i: int, j: int, heading: bool, org_at: set, state_at: dict,
                   events: set, new: list) -> int | None:
        """The run's new end, or None when the run is no name of its own (or was taken here)."""
        texts = v.texts
        if texts[i] in self.event_first:
            events.update(range(i + 1, j))  # "Operation Joint Guardian": no newspaper in it
            return None
        if j - i < 2:
            return j
        # an event named by its place: "the Rambouillet Conference", "the NATO Washington Summit"
        j = next((t for t in range(i + 1, j) if texts[t] in self.event_heads and t - 1 in self._geo), j)
        # a listed organisation after a conjunction is a name of its own: "Government and UNHCR"
        j = next((t for t in range(i + 1, j - 1) if texts[t] in self.conjunctions and t + 1 in org_at), j)
        if any(texts[g] in self.state_bodies and texts[g + 1] == "of" and state_at.get(
                next((t for t in range(g + 2, j) if texts[t] not in self.state_body_skip), None)) == j
               for g in range(i, j - 2)):
            return None  # "the Government of the former Yugoslav Republic of Macedonia": the state acts
        if j - i >= 2 and not heading and not v.heads[j - 1] and (texts[i] in self.place_heads_before or (
                texts[i] in self.base_owners and i > 0 and v.words[i - 1] in self.base_preps)):
            new.append(Span(doc, i, j, label="FACILITY"))  # "Fort Dix", "at RAF Northolt"
            return None
        return j

    def _title_cut(self, texts: list, v, i: int, cut: int, j: int) -> int:
        """Where a capitalised title after an organisation's name starts the person's name
        ("UN Security Council | President Qin Huasun", "Yugoslav Army | Chief of Staff ...");
        not a title after a connector ("Court of Justice") or before a head ("General Assembly")."""
        if self.inflected:
            return cut
        for t in range(i + 1, cut):
            if not any(v.heads[i:t]) or texts[t - 1] in self.connectors:
                continue
            for n, titles in self._titles_cased.items():
                if tuple(texts[t:t + n]) in titles and t + n < j and v.caps[t + n] and not v.heads[t + n] \
                        and not any(v.heads[t:t + n]):
                    return t
        return cut
