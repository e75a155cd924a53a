"""A synthetic national-scale corpus of bilingual photonics postings (DESIGN §13).

Deterministic for a seed. The texts are built from the demo roles (real job-ad sentences in
German and English, `portal.services.demo_data`) and padded with filler sentences whose content
words follow a Zipf distribution over a vocabulary of real words (harvested from the role,
offer and organisation texts), generated German compounds and a long tail of rare names, so
posting-list lengths look like those of real job ads: a few words occur in most postings,
most words in a handful.

Shape (per the issue): titles of 3–10 words, texts (summary, body, requirements, offer) of
150–600 words, 30 % German only, 30 % English only, 40 % both, about a third of the
postings mention lasers, seven in ten optics, three in ten software. `summary()` measures
all of that on the corpus it made, and the report prints it.

The rows go into the database with Core `insert()` executemany (no ORM units of work, so the
search outbox is not involved); the index is then built with `search.rebuild()`.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from typing import Any

KIND_WEIGHTS = {
    "job": 0.62,
    "internship": 0.08,
    "thesis": 0.08,
    "working_student": 0.07,
    "apprenticeship": 0.04,
    "phd": 0.07,
    "postdoc": 0.04,
}
LANG_WEIGHTS = ((("de",), 0.30), (("en",), 0.30), (("de", "en"), 0.40))
# Postings mentioning these words (any language, any inflection): the roles' own texts give
# about 23 % laser, 70 % optics (a photonics portal), 20 % software; a sentence added with
# probability P brings that to about 35 %, 72 % and 30 % (`summary()` reports the shares).
MENTION_TOPICS = {
    "laser": (
        0.16,
        (
            "Erfahrung mit Lasersystemen ist von Vorteil.",
            "Experience with laser systems is a plus.",
        ),
        ("Unsere Laser arbeiten in vielen Branchen.", "Our lasers are used in many industries."),
    ),
    "optik": (
        0.05,
        ("Grundwissen in Optik hilft Ihnen.", "A basic knowledge of optics helps."),
        ("Sie arbeiten eng mit der Optikentwicklung.", "You work closely with optical design."),
    ),
    "software": (
        0.13,
        ("Sie nutzen unsere Software im Alltag.", "You use our software every day."),
        ("Erste Erfahrung mit Software ist gern gesehen.", "Some software experience is welcome."),
    ),
}
MENTION_PATTERNS = {
    "laser": re.compile(r"laser", re.I),
    "optik": re.compile(r"optik|optisch|optic|optical", re.I),
    "software": re.compile(r"software", re.I),
}
CITIES = (
    # (city, postcode, weight): big cities and the photonics towns weigh more.
    ("Berlin", "12489", 14), ("München", "80331", 11), ("Jena", "07745", 10),
    ("Hamburg", "20095", 7), ("Dresden", "01069", 7), ("Stuttgart", "70173", 7),
    ("Aachen", "52062", 6), ("Karlsruhe", "76131", 6), ("Erlangen", "91052", 6),
    ("Frankfurt am Main", "60311", 5), ("Köln", "50667", 5), ("Hannover", "30159", 5),
    ("Braunschweig", "38100", 4), ("Göttingen", "37073", 4), ("Wetzlar", "35578", 4),
    ("Oberkochen", "73447", 4), ("Ulm", "89073", 4), ("Freiburg", "79098", 4),
    ("Erfurt", "99084", 4), ("Ilmenau", "98693", 3), ("Leipzig", "04109", 4),
    ("Düsseldorf", "40213", 3), ("Nürnberg", "90402", 3), ("Mainz", "55116", 3),
    ("Darmstadt", "64283", 3), ("Heidelberg", "69117", 3), ("Rostock", "18055", 2),
    ("Kiel", "24103", 2), ("Bremen", "28195", 2), ("Münster", "48143", 2),
    ("Dortmund", "44135", 2), ("Bochum", "44787", 2), ("Paderborn", "33098", 2),
    ("Chemnitz", "09111", 2), ("Magdeburg", "39104", 2), ("Potsdam", "14467", 2),
    ("Regensburg", "93047", 2), ("Augsburg", "86150", 2), ("Würzburg", "97070", 2),
    ("Tübingen", "72070", 2), ("Konstanz", "78462", 2), ("Saarbrücken", "66111", 2),
    ("Kaiserslautern", "67655", 2), ("Gera", "07545", 1), ("Weimar", "99423", 1),
    ("Suhl", "98527", 1), ("Saalfeld", "07318", 1), ("Rudolstadt", "07407", 1),
    ("Jülich", "52428", 1), ("Garching", "85748", 1), ("Oberpfaffenhofen", "82234", 1),
    ("Mannheim", "68159", 1), ("Bielefeld", "33602", 1), ("Wolfsburg", "38440", 1),
    ("Lübeck", "23552", 1), ("Greifswald", "17489", 1), ("Cottbus", "03046", 1),
    ("Halle (Saale)", "06108", 1), ("Kassel", "34117", 1), ("Siegen", "57072", 1),
)  # fmt: skip
ORG_KINDS = (
    ("company", 0.64),
    ("research_institute", 0.14),
    ("university", 0.08),
    ("startup", 0.12),
    ("association", 0.02),
)
NAME_HEADS = (
    "Laser", "Photon", "Lumen", "Opti", "Spektra", "Fein", "Licht", "Strahl", "Quanto", "Nano",
    "Prisma", "Lux", "Kristall", "Faser", "Glas", "Linse", "Helio", "Ortho", "Vektor", "Kohärent",
    "Aster", "Nord", "Süd", "Rhein", "Elb", "Saale", "Isar", "Main", "Alpen", "Harz",
)  # fmt: skip
NAME_TAILS = (
    "tec", "werk", "sys", "lab", "optik", "onics", "vision", "sense", "line", "form", "metrik",
    "logic", "motion", "scan", "wave", "point", "matrix", "flux", "core", "light",
)  # fmt: skip
LEGAL = ("GmbH", "GmbH", "GmbH", "AG", "GmbH & Co. KG", "SE")
FIELDS_DE = (
    "Angewandte Optik", "Lasertechnik", "Photonische Technologien", "Feinwerktechnik",
    "Optoelektronik", "Quantenoptik", "Mikrosystemtechnik", "Oberflächentechnik",
    "Messtechnik", "Biophotonik", "Halbleiterphysik", "Physikalische Technik",
)  # fmt: skip
PSEUDO_SYLLABLES = (
    "ka", "lo", "ri", "ve", "tan", "mor", "zel", "quin", "bra", "dex", "ol", "ar", "in", "us",
    "ta", "pho", "lum", "ser", "vi", "kon", "tra", "mi", "ne", "sto", "rax", "el", "io", "ny",
)  # fmt: skip
FUNCTION_WORDS = {
    "de": (
        "und der die das mit für in im von zu den auf bei als eine ein an unsere unserer "
        "sowie oder auch wir Sie ihre Ihre dem des aus nach über"
    ).split(),
    "en": (
        "and the of to in for with a on our your as at by from or we you is are this an "
        "that their into within across"
    ).split(),
}
ARCHIVE_SHARE = 0.25  # expired postings in the database (not indexed) per live posting
SEED = 7


@dataclass
class Corpus:
    organisations: list[dict[str, Any]] = field(default_factory=list)
    postings: list[dict[str, Any]] = field(default_factory=list)
    texts: list[dict[str, Any]] = field(default_factory=list)
    locations: list[dict[str, Any]] = field(default_factory=list)
    posting_topics: list[dict[str, Any]] = field(default_factory=list)
    live_ids: list[int] = field(default_factory=list)
    vocab_tail: dict[str, list[str]] = field(default_factory=dict)  # rare words, for queries
    stats: dict[str, Any] = field(default_factory=dict)


# --- vocabulary -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w-]*[^\W_]|[^\W\d_]", re.U)


def _harvest() -> dict[str, list[str]]:
    """Real words of the demo texts per language, most frequent first."""
    from portal.services.demo_data import phrases
    from portal.services.demo_data.organisations import ORGANISATIONS
    from portal.services.demo_data.roles import ROLES
    from portal.services.search_lexicon import JOB_AD_PARTS, TAXONOMY_PARTS

    pairs: list[tuple[str, str]] = []
    for role in ROLES:
        pairs += [*role.titles, role.summary, role.intro, *role.tasks, *role.requirements]
    for org in ORGANISATIONS:
        pairs.append((org.about_de, org.about_en))
    for offers in phrases.KIND_OFFERS.values():
        pairs += offers
    pairs += list(phrases.BENEFIT_OFFERS.values()) + list(phrases.CLOSINGS.values())
    counts = {"de": Counter(), "en": Counter()}
    for de, en in pairs:
        counts["de"].update(_WORD.findall(de))
        counts["en"].update(_WORD.findall(en))
    counts["de"].update({w.capitalize(): 1 for w in (TAXONOMY_PARTS + JOB_AD_PARTS).split()})
    stop = {lang: {w.lower() for w in FUNCTION_WORDS[lang]} for lang in counts}
    controlled = re.compile(r"laser|optik|optisch|optic|software|^org$|^city$", re.I)
    out = {}
    for lang, counter in counts.items():
        words = [
            w
            for w, _ in counter.most_common()
            if len(w) > 2 and w.lower() not in stop[lang] and not controlled.search(w)
        ]
        out[lang] = list(dict.fromkeys(words))
    return out


def _compounds(rng: random.Random, parts: list[str], n: int) -> list[str]:
    """German compounds of two known parts ("Messgerätebau", "Glasprüfung")."""
    heads = [p for p in parts if p.islower() is False and 4 <= len(p) <= 10]
    seen: dict[str, None] = {}
    while len(seen) < n:
        a, b = rng.choice(heads), rng.choice(heads)
        if a != b:
            seen[a + b.lower()] = None
    return list(seen)


def _pseudo(rng: random.Random, n: int, capital: bool) -> list[str]:
    """Rare names: products, places, surnames, acronyms with numbers."""
    seen: dict[str, None] = {}
    while len(seen) < n:
        word = "".join(rng.choice(PSEUDO_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.15:
            word = f"{word[:3].upper()}-{rng.randint(10, 999)}"
        elif capital or rng.random() < 0.5:
            word = word.capitalize()
        seen[word] = None
    return list(seen)


class Vocabulary:
    """Content words of one language with Zipf(1.0) frequencies: real words first, then
    compounds, then the rare tail."""

    def __init__(self, words: list[str]):
        self.words = words
        self.cum = list(accumulate(1.0 / (rank + 2.7) for rank in range(len(words))))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


# --- generation -------------------------------------------------------------------------------


def generate(postings: int, seed: int = SEED, now: datetime | None = None) -> Corpus:
    """`postings` live postings plus an archive (ARCHIVE_SHARE) of expired ones."""
    from portal.services.demo_data import phrases
    from portal.services.demo_data.roles import ROLES

    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    real = _harvest()
    de_tail = _compounds(rng, real["de"], 6000) + _pseudo(rng, 14_000, capital=True)
    en_tail = _pseudo(rng, 14_000, capital=False)
    vocab = {"de": Vocabulary(real["de"] + de_tail), "en": Vocabulary(real["en"] + en_tail)}
    corpus = Corpus(vocab_tail={"de": de_tail, "en": en_tail})

    roles_by_kind: dict[str, list[Any]] = {}
    for role in ROLES:
        roles_by_kind.setdefault(role.kind.value, []).append(role)
    kinds = list(KIND_WEIGHTS)
    kind_cum = list(accumulate(KIND_WEIGHTS.values()))
    city_cum = list(accumulate(c[2] for c in CITIES))

    _organisations(corpus, rng, max(20, postings // 16), city_cum, now)
    academic = [
        o for o in corpus.organisations if o["kind"] in ("research_institute", "university")
    ]
    org_cum = list(accumulate(1.0 / (i + 3) for i in range(len(corpus.organisations))))
    acad_cum = list(accumulate(1.0 / (i + 3) for i in range(len(academic))))

    archive = int(postings * ARCHIVE_SHARE)
    text_id = location_id = 0
    for n in range(1, postings + archive + 1):
        live = n <= postings
        kind = rng.choices(kinds, cum_weights=kind_cum)[0]
        role = rng.choice(roles_by_kind[kind])
        if kind in ("phd", "postdoc") and academic:
            org = rng.choices(academic, cum_weights=acad_cum)[0]
        else:
            org = rng.choices(corpus.organisations, cum_weights=org_cum)[0]
        langs = rng.choices([lc for lc, _ in LANG_WEIGHTS], weights=[w for _, w in LANG_WEIGHTS])[0]
        mentions = {key: rng.random() < spec[0] for key, spec in MENTION_TOPICS.items()}
        cities = [(org["city"], org["postcode"])]
        extra = rng.random()
        while extra > 0.85 and len(cities) < 3:
            city = rng.choices(CITIES, cum_weights=city_cum)[0]
            if (city[0], city[1]) not in cities:
                cities.append((city[0], city[1]))
            extra = rng.random() * extra * 1.1
        choice = {
            "title": rng.randrange(len(role.titles)),
            "tasks": sorted(rng.sample(range(len(role.tasks)), rng.randint(3, len(role.tasks)))),
            "reqs": sorted(
                rng.sample(range(len(role.requirements)), rng.randint(3, len(role.requirements)))
            ),
            "offers": rng.sample(
                range(len(phrases.KIND_OFFERS[role.kind])),
                min(3, len(phrases.KIND_OFFERS[role.kind])),
            ),
            "title_extra": rng.random(),
            "length": _length(rng),
        }
        for lang in langs:
            text_id += 1
            corpus.texts.append(
                {
                    "id": text_id,
                    "posting_id": n,
                    "lang": lang,
                    **_text(lang, role, org, cities[0][0], choice, mentions, vocab[lang], rng),
                }
            )
        if live:
            published = now - timedelta(days=rng.uniform(0.05, 58.0))
            expires = published + timedelta(days=60)
            status = "published"
            corpus.live_ids.append(n)
        else:
            published = now - timedelta(days=rng.uniform(62, 400))
            expires = published + timedelta(days=60)
            status = rng.choice(("expired", "expired", "expired", "closed"))
        working = list(langs)
        if langs == ("de",) and rng.random() < 0.4:
            working = ["de", "en"]
        deadline = None
        if rng.random() < (0.6 if kind in ("phd", "postdoc") else 0.35):
            deadline = (published + timedelta(days=rng.randint(14, 90))).date()
        corpus.postings.append(
            {
                "id": n,
                "organisation_id": org["id"],
                "external_id": f"bench-{n}",
                "kind": kind,
                "status": status,
                "employment": rng.choice(role.employment).value,
                "remote": rng.choice(role.remote).value
                if rng.random() < 0.8
                else rng.choice(("onsite", "hybrid", "remote")),
                "start_date": None if rng.random() < 0.6 else date(now.year + 1, 1 + n % 12, 1),
                "deadline": deadline,
                "salary_min": None,
                "salary_max": None,
                "salary_currency": "EUR",
                "pay_scale": "TV-L E13"
                if org["kind"] in ("research_institute", "university")
                else None,
                "working_languages": working,
                "visa_support": "en" in langs and rng.random() < 0.2,
                "leadership": bool(role.leadership) or rng.random() < 0.04,
                "apply_url": f"https://{org['slug']}.example/jobs/{n}",
                "featured_until": now + timedelta(days=rng.randint(2, 14))
                if live and rng.random() < 0.003
                else None,
                "submitted_at": published - timedelta(hours=5),
                "published_at": published,
                "expires_at": expires,
                "closed_at": expires - timedelta(days=3) if status == "closed" else None,
                "view_count": rng.randint(0, 900),
                "apply_click_count": rng.randint(0, 40),
                "is_demo": True,
                "created_at": published - timedelta(days=1),
                "updated_at": published,
            }
        )
        for position, (city, postcode) in enumerate(cities):
            location_id += 1
            corpus.locations.append(
                {
                    "id": location_id,
                    "posting_id": n,
                    "position": position,
                    "city": city,
                    "postcode": postcode,
                    "country": "DE",
                }
            )
        topics = list(role.topics)
        if rng.random() < 0.3:
            topics.append(rng.choice(_ALL_TOPICS))
        for slug in dict.fromkeys(topics):
            corpus.posting_topics.append({"posting_id": n, "slug": slug})
    corpus.stats = summary(corpus)
    return corpus


_ALL_TOPICS = (
    "laser-technology", "optical-design", "precision-optics", "coatings", "micro-nano-optics",
    "fibre-optics", "optoelectronics-sensors", "imaging", "optical-metrology", "biophotonics",
    "quantum-technologies", "light-sources", "space-optics", "photonic-integrated-circuits",
    "software-embedded", "electronics", "mechanical-engineering", "production-quality",
    "sales-marketing", "administration",
)  # fmt: skip


def _organisations(corpus: Corpus, rng: random.Random, n: int, city_cum, now: datetime) -> None:
    names: set[str] = set()
    kinds = [k for k, _ in ORG_KINDS]
    kind_w = [w for _, w in ORG_KINDS]
    for i in range(1, n + 1):
        kind = rng.choices(kinds, weights=kind_w)[0]
        city, postcode, _w = rng.choices(CITIES, cum_weights=city_cum)[0]
        while True:
            if kind == "research_institute":
                name = f"Institut für {rng.choice(FIELDS_DE)} {city}"
            elif kind == "university":
                name = (
                    f"{rng.choice(('Universität', 'Technische Hochschule', 'Hochschule'))} {city}"
                )
            elif kind == "association":
                name = f"Netzwerk {rng.choice(NAME_HEADS)}photonik {city} e.V."
            else:
                name = f"{rng.choice(NAME_HEADS)}{rng.choice(NAME_TAILS)} {rng.choice(LEGAL)}"
            if name in names:
                name = f"{name} {city}" if city not in name else f"{name} {i}"
            if name not in names:
                break
        names.add(name)
        slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name.lower())).strip("-")[:60] + f"-{i}"
        corpus.organisations.append(
            {
                "id": i,
                "slug": slug,
                "name": name,
                "kind": kind,
                "member": rng.random() < 0.3,
                "status": "approved",
                "auto_publish": True,
                "website": f"https://{slug}.example",
                "city": city,
                "postcode": postcode,
                "description_de": f"{name} in {city}: Photonik, Optik und Präzisionstechnik.",
                "description_en": f"{name} in {city}: photonics, optics and precision engineering.",
                "benefits": [],
                "is_demo": True,
                "created_at": now - timedelta(days=400),
                "updated_at": now - timedelta(days=400),
            }
        )


def _ascii(text: str) -> str:
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return text


def _length(rng: random.Random) -> int:
    """Words of a posting text: 150–600, most around 250–400 (log-normal, clipped)."""
    return int(min(600, max(150, rng.lognormvariate(5.75, 0.35))))


TITLE_PREFIX = {
    "de": ("Senior", "Junior", "Erfahrene*r", "Leitende*r", "Teamleitung"),
    "en": ("Senior", "Junior", "Lead", "Principal", "Staff"),
}
TITLE_SUFFIX = {
    "de": (
        "in Voll- oder Teilzeit",
        "am Standort {city}",
        "für unser Team in {city}",
        "– befristet",
    ),
    "en": ("full or part time", "in {city}", "for our team in {city}", "— fixed term"),
}


def _text(lang, role, org, city, choice, mentions, vocab: Vocabulary, rng) -> dict[str, str]:
    from portal.services.demo_data import phrases

    i = 0 if lang == "de" else 1
    fill = {"org": org["name"], "city": city}
    title = role.titles[choice["title"]][i]
    extra = choice["title_extra"]
    if extra < 0.25:
        title = f"{TITLE_PREFIX[lang][int(extra * 20) % 5]} {title}"
    elif extra > 0.7:
        title = f"{title} {TITLE_SUFFIX[lang][int(extra * 40) % 4].format(city=city)}"
    words = title.split()
    if len(words) > 10:
        title = " ".join(words[:10])
    elif len(words) < 3:
        title = f"{title} {'(m/w/d)' if lang == 'de' else '(m/f/d)'} {city}"
    summary = role.summary[i].format(**fill)
    tasks = [role.tasks[t][i] for t in choice["tasks"]]
    reqs = [role.requirements[r][i] for r in choice["reqs"]]
    kind_offers = phrases.KIND_OFFERS[role.kind]
    offers = [kind_offers[o][i] for o in choice["offers"]]
    for key, (_p, *sentences) in MENTION_TOPICS.items():
        if mentions[key]:
            (reqs if key != "laser" else tasks).append(rng.choice(sentences)[i])
    intro = role.intro[i].format(**fill)
    closing = phrases.CLOSINGS[role.kind][i]
    fixed = " ".join([summary, intro, *tasks, *reqs, *offers, closing])
    missing = choice["length"] - len(fixed.split())
    filler = []
    while missing > 0:
        sentence = _sentence(lang, vocab, rng)
        filler.append(sentence)
        missing -= sentence.count(" ") + 1
    half = len(filler) // 2
    heading = phrases.TASKS_HEADING.get(role.kind, phrases.DEFAULT_TASKS_HEADING)[i]
    body = "\n\n".join(
        [
            intro,
            " ".join(filler[:half]),
            heading,
            "\n".join(f"- {t}" for t in tasks),
            " ".join(filler[half:]),
            closing,
        ]
    )
    return {
        "title": title[:200],
        "summary": summary[:300],
        "body": body,
        "requirements": "\n".join(f"- {r}" for r in reqs),
        "offer": "\n".join(f"- {o}" for o in offers),
    }


def _sentence(lang: str, vocab: Vocabulary, rng: random.Random) -> str:
    """8–18 words: content words drawn by frequency, function words between them."""
    content = vocab.draw(rng, rng.randint(4, 9))
    function = FUNCTION_WORDS[lang]
    out: list[str] = []
    for word in content:
        if rng.random() < 0.75:
            out.append(rng.choice(function))
        out.append(word)
    out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out) + "."


# --- measuring the corpus ---------------------------------------------------------------------


def summary(corpus: Corpus) -> dict[str, Any]:
    live = set(corpus.live_ids)
    by_posting: dict[int, list[dict[str, Any]]] = {}
    for text in corpus.texts:
        if text["posting_id"] in live:
            by_posting.setdefault(text["posting_id"], []).append(text)
    lengths, title_words = [], []
    mention = Counter()
    lang_mix = Counter()
    for texts in by_posting.values():
        lang_mix["+".join(sorted(t["lang"] for t in texts))] += 1
        joined = " ".join(
            f"{t['title']} {t['summary']} {t['body']} {t['requirements']} {t['offer']}"
            for t in texts
        )
        for key, pattern in MENTION_PATTERNS.items():
            if pattern.search(joined):
                mention[key] += 1
        for t in texts:
            title_words.append(len(t["title"].split()))
            lengths.append(
                len(f"{t['summary']} {t['body']} {t['requirements']} {t['offer']}".split())
            )
    lengths.sort()
    n = max(1, len(by_posting))
    return {
        "live": len(live),
        "archived": len(corpus.postings) - len(live),
        "texts": len(lengths),
        "organisations": len(corpus.organisations),
        "words_p5_p50_p95": (
            lengths[len(lengths) * 5 // 100],
            lengths[len(lengths) // 2],
            lengths[len(lengths) * 95 // 100],
        ),
        "words_min_max": (lengths[0], lengths[-1]),
        "title_words_min_max": (min(title_words), max(title_words)),
        "lang_mix": {k: round(v / n, 2) for k, v in sorted(lang_mix.items())},
        "mentions": {k: round(mention[k] / n, 2) for k in MENTION_PATTERNS},
    }


# --- loading ----------------------------------------------------------------------------------


def load(db, corpus: Corpus, batch: int = 5000) -> None:
    """Bulk-insert the corpus with Core executemany (topics must exist already)."""
    import sqlalchemy as sa

    from portal.models import (
        Organisation,
        Posting,
        PostingLocation,
        PostingText,
        Topic,
        posting_topics,
    )

    session = db.session
    topic_ids = dict(session.execute(sa.select(Topic.slug, Topic.id)).all())
    links = [
        {"posting_id": link["posting_id"], "topic_id": topic_ids[link["slug"]]}
        for link in corpus.posting_topics
        if link["slug"] in topic_ids
    ]
    for table, rows in (
        (Organisation.__table__, corpus.organisations),
        (Posting.__table__, corpus.postings),
        (PostingText.__table__, corpus.texts),
        (PostingLocation.__table__, corpus.locations),
        (posting_topics, links),
    ):
        for start in range(0, len(rows), batch):
            session.execute(sa.insert(table), rows[start : start + batch])
    session.commit()
