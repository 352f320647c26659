"""kosnlp's spaCy components. Each has a factory registered here and as a
`spacy_factories` entry point, so `spacy.load("models/kosnlp-pl")` works without
importing kosnlp first."""
from .morph import PolishMorph, make_morph  # noqa: F401
from .names import NameFinder, make_names  # noqa: F401
from .normaliser import Normaliser, make_normaliser  # noqa: F401
from .resolver import EntityResolver, make_resolver  # noqa: F401
from .ruler import Ruler, make_ruler  # noqa: F401
from .sentences import Segmenter, make_segmenter  # noqa: F401

CANDIDATES = "kosnlp_candidates"
