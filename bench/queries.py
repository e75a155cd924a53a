"""The fixed query set of `make bench`: what people type into the /jobs search box.

Each query is a dict of /jobs parameters (`q` plus filters and `sort`), usable as
`PostingQuery(**query)`, as a query string and by the SQLite FTS5 comparison. The set is the
same for every run and corpus size, except the rare words, which are drawn (with a fixed seed)
from the corpus' own long tail so that they exist in it.
"""

from __future__ import annotations

import random
from urllib.parse import urlencode

COMMON = (
    # Words in a large share of the postings, German and English.
    "Laser", "laser", "Optik", "optics", "Software", "software", "Entwicklung", "development",
    "Ingenieur", "engineer", "Physik", "physics", "Erfahrung", "experience", "Team", "Projekt",
    "project", "Messtechnik", "metrology", "Studium", "degree", "Praktikum", "internship",
    "Werkstudent", "Promotion", "PhD", "Forschung", "research", "Produktion", "Qualität",
    "Elektronik", "electronics", "Jena", "Berlin", "München",
)  # fmt: skip
RARE_REAL = (
    "Interferometrie", "interferometry", "Spektrometer", "spectrometer", "Lithografie",
    "Kalibrierung", "calibration", "Freiformflächen", "freeform", "Hologramme", "holograms",
    "Ultrakurzpuls", "ultrafast", "Zemax", "Asphären", "aspheres", "Vakuum", "vacuum",
    "Toleranzierung", "tolerancing", "Quantenkommunikation", "Weltraumoptik", "Glasfaser",
    "Feinoptiker", "Mechatroniker", "Chirurgie", "telescopes", "Strahlformung",
)  # fmt: skip
TWO_WORDS = (
    "Laser Ingenieur", "software engineer", "Optik Jena", "Entwicklung Software",
    "laser development", "optical design", "Physik Promotion", "PhD laser", "Praktikum Optik",
    "internship optics", "Messtechnik Berlin", "quality assurance", "Werkstudent Software",
    "image processing", "Bildverarbeitung Python", "Faser Laser", "fibre laser",
    "Beschichtung Optik", "thin film", "Halbleiter Laser", "semiconductor lithography",
    "Quanten Optik", "quantum optics", "Vertrieb Laser", "sales engineer", "embedded C",
    "Mikroskopie Software", "medical optics", "Elektronik Entwicklung", "test engineer",
)  # fmt: skip
PHRASES = (
    '"optical design"', '"image processing"', '"Entwicklungsingenieur Lasertechnik"',
    '"laser systems"', '"quantum technologies"', '"optische Messtechnik"', '"fibre lasers"',
    '"Optik und Photonik"', '"test set-ups"', '"in Teilzeit"', '"research group"',
    '"software development"', '"thin-film coatings"', '"Ultrakurzpuls- und Faserlaser"',
    '"clean room"', '"Abgeschlossenes Studium"', '"Master\'s degree"', '"Erfahrung mit"',
    '"optical metrology"', '"Physik oder"',
)  # fmt: skip
PREFIXES = ("opt*", "Laser*", "mess*", "softw*", "spektro*", "quant*", "engin*", "beschicht*")
EXCLUSIONS = (
    "Laser -Software", "Optik -Praktikum", "software -embedded", "engineer -sales",
    "Physik -Promotion", "laser -fibre", "Entwicklung -Vertrieb", "research -PhD",
)  # fmt: skip
TYPOS = (
    "Lasr", "Sofware", "Optk", "Ingeneur", "enginer", "Pyhsik", "Mestechnik", "spectroscopy",
    "Halbleitr", "Beschichtnug", "develpment", "Entwiklung", "interferometrie", "metrolgy",
    "Praktikm", "reserch",
)  # fmt: skip
FILTERS = (
    {"kind": ("job",)},
    {"kind": ("internship", "thesis")},
    {"city": ("Jena",)},
    {"city": ("Berlin", "München")},
    {"lang": ("en",)},
    {"remote": ("hybrid", "remote")},
    {"topic": ("laser-technology",)},
    {"orgkind": ("research_institute", "university")},
    {"employment": ("part_time",)},
    {"kind": ("job",), "city": ("Jena",), "lang": ("en",)},
    {"posted": 7},
    {"visa": True},
    {"leadership": True, "kind": ("job",)},
    {"topic": ("software-embedded", "imaging")},
)
SORTS = ("newest", "deadline")


def build(tail: dict[str, list[str]] | None = None, seed: int = 11) -> list[dict]:
    """The query set: about 250 queries in fixed order (category in `_cat`)."""
    rng = random.Random(seed)
    queries: list[dict] = []

    def add(cat: str, q: str = "", **filters) -> None:
        queries.append({"_cat": cat, "q": q, **filters})

    for q in COMMON:
        add("common word", q)
    for q in RARE_REAL:
        add("rare word", q)
    if tail:
        for lang, n in (("de", 10), ("en", 10)):
            words = tail.get(lang) or []
            for word in rng.sample(words[: max(n, len(words) // 2)], min(n, len(words))):
                add("rare word", word)
    for q in TWO_WORDS:
        add("two words", q)
    for q in PHRASES:
        add("phrase", q)
    for q in PREFIXES:
        add("prefix", q)
    for q in EXCLUSIONS:
        add("exclusion", q)
    for q in TYPOS:
        add("typo", q)
    texts = list(COMMON[:20]) + list(TWO_WORDS[:10]) + list(RARE_REAL[:6])
    for i, filters in enumerate(FILTERS):
        for q in rng.sample(texts, 4):
            add("words + filters", q, **filters)
        add("filters only", "", **filters, sort="newest")
        if i % 2 == 0:
            add("filters only", "", **filters, sort="deadline")
    for sort in SORTS:
        for q in rng.sample(texts, 6):
            add(f"sort {sort}", q, sort=sort)
    add("list page", "", sort="newest")
    for page in (2, 5):
        add("list page", "", sort="newest", page=page)
        add("common word", "Laser", page=page)
    for query in queries:
        query.setdefault("sort", "relevance" if query["q"] else "newest")
    return queries


def posting_query(query: dict, per_page: int = 20):
    from portal.services.search import PostingQuery

    return PostingQuery(
        **{k: v for k, v in query.items() if not k.startswith("_")}, per_page=per_page
    )


def url(query: dict, lang: str = "de") -> str:
    """The /jobs URL of a query (filters as repeated parameters, flags as 1)."""
    params: list[tuple[str, str]] = []
    for key, value in query.items():
        if key.startswith("_") or value in ("", None, ()):
            continue
        if isinstance(value, tuple):
            params += [(key, v) for v in value]
        elif value is True:
            params.append((key, "1"))
        elif key == "sort" and value == ("relevance" if query.get("q") else "newest"):
            continue
        else:
            params.append((key, str(value)))
    return f"/{lang}/jobs" + (f"?{urlencode(params)}" if params else "")
