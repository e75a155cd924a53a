"""Word lists for search: German compound parts and the bilingual photonics glossary.

Pure data plus two small lookups, so the lists can grow without touching the search code.
Every word is written as it is spelled; `fold()` turns it into the form the lookups use
(lower case, umlauts and ß folded), the same folding the analyzers apply.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# --- German compound parts -----------------------------------------------------------------
# A compound is split when it can be covered completely by these parts (with a linking
# "Fugen-s"/"-es"/"-n"/"-en" between them and an inflection ending after the last one), e.g.
# Präzision|s|optik, Entwicklung|s|ingenieur, Laser|entwicklung, Glas|faser|n. Parts shorter
# than three letters are never used; keep the list to words that carry meaning in a job ad.

TAXONOMY_PARTS = """
laser optik optiken präzision fertigung beschichtung beschichtungen dünnschicht schicht schichten
mikro nano faser fasern glas glasfaser optoelektronik elektronik sensor sensoren sensorik
bild bilder bildgebung verarbeitung messtechnik mess messung messungen bio photonik photonisch
medizin medizintechnik quanten quantentechnologie technologie technologien licht lichtquelle
quelle quellen led leuchtdiode diode dioden raumfahrt astronomie integriert schaltung
schaltungen chip chips software embedded mechanik maschinenbau maschine maschinen bau produktion
qualität vertrieb marketing verwaltung design simulation simulationen
"""

JOB_AD_PARTS = """
entwicklung entwicklungen ingenieur ingenieurin ingenieure techniker technikerin technik
technologe konstruktion konstrukteur konstrukteurin montage prüfung prüf test tests service
system systeme anlage anlagen labor forschung projekt projekte leiter leiterin leitung team
gruppe gruppen abteilung bereich mitarbeiter mitarbeiterin fach fachkraft kraft kräfte arbeit
arbeiten platz plätze stelle stellen student studentin studenten werk praktikum praktikant
praktikantin ausbildung auszubildende azubi abschluss master bachelor diplom promotion doktorand
doktorandin wissenschaft wissenschaftler wissenschaftlerin physik physiker physikerin chemie
chemiker chemikerin mathematik informatik informatiker elektro elektrotechnik elektroniker
mechatronik mechatroniker mechaniker feinoptik feinoptiker optiker optikerin linse linsen
spiegel prisma prismen strahl strahlen strahlung puls pulse kurz ultra hoch leistung modul
module komponente komponenten baugruppe baugruppen gerät geräte instrument instrumente
mikroskop mikroskopie spektroskopie spektrometer interferometer interferometrie kamera kameras
objektiv objektive oberfläche oberflächen material materialien werkstoff werkstoffe kristall
kristalle halbleiter wafer lithographie lithografie vakuum plasma daten analyse analytik
steuerung regelung automatisierung programmierung programmierer programmiererin entwickler
entwicklerin architekt architektin berater beraterin manager managerin management kunden
kunde support einkauf logistik lager personal finanz finanzen controlling buchhaltung
assistenz sachbearbeiter sachbearbeiterin innen außen dienst leiterplatte
schweiß schweißen sicherheit zulassung normen norm dokumentation wartung reparatur
justage justierung kalibrierung sicherung prozess prozesse verfahren
herstellung bearbeitung schleif schleifen polier polieren zentrier beschicht
"""

LINKING = ("", "s", "es", "n", "en")
ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern", "in", "innen")
MIN_PART = 3
MAX_WORD = 40


def fold(text: str) -> str:
    """Lower case, umlauts, ß and other accents folded: "Meßtechnik" → "messtechnik"."""
    text = text.lower().replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


WORD_PARTS: frozenset[str] = frozenset(fold(w) for w in (TAXONOMY_PARTS + JOB_AD_PARTS).split())


@lru_cache(maxsize=50_000)
def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a folded German compound, or () when it is not one we can split.

    Tries a full cover by known parts first (fewest parts wins). An unknown word that cannot
    be covered still yields its known first part and its known head (last part) when they
    have at least four letters and leave at least three, so "Laserscanning" gives "laser" and
    "Geschäftsleitung" gives "leitung". A listed word is only split when fully covered, so
    "Halbleiter" never yields "leiter".
    """
    if len(word) < 2 * MIN_PART or len(word) > MAX_WORD:
        return ()
    full = _split_in_two_or_more(word)
    if full:
        return full
    if word in WORD_PARTS or _known_with_ending(word):
        return ()
    parts: list[str] = []
    for end in range(len(word) - MIN_PART, 3, -1):  # longest known first part
        if word[:end] in WORD_PARTS:
            parts.append(word[:end])
            break
    for start in range(MIN_PART, len(word) - 3):  # longest known head, with an ending
        head = _known_with_ending(word[start:])
        if head and len(head) >= 4:
            if head not in parts:
                parts.append(head)
            break
    return tuple(parts)


def _known_with_ending(text: str) -> str | None:
    for ending in ENDINGS:
        if ending and not text.endswith(ending):
            continue
        stem = text[: len(text) - len(ending)] if ending else text
        if len(stem) >= MIN_PART and stem in WORD_PARTS:
            return stem
    return None


@lru_cache(maxsize=50_000)
def _cover_cached(word: str, start: int) -> tuple[str, ...] | None:
    return _cover(word, start)


def _split_in_two_or_more(word: str) -> tuple[str, ...] | None:
    """Fewest known parts (at least two) covering the whole word, or None."""
    best: tuple[str, ...] | None = None
    for end in range(MIN_PART, len(word) - MIN_PART + 1):
        part = word[:end]
        if part not in WORD_PARTS:
            continue
        for link in LINKING:
            rest = end + len(link)
            if not word.startswith(link, end) or rest >= len(word):
                continue
            tail = _cover_cached(word, rest)
            if tail is not None and (best is None or len(tail) + 1 < len(best)):
                best = (part, *tail)
    return best


def _cover(word: str, start: int) -> tuple[str, ...] | None:
    """Shortest sequence of known parts covering word[start:], with linking letters between."""
    rest = word[start:]
    last = _known_with_ending(rest)
    best: tuple[str, ...] | None = (last,) if last else None
    for end in range(start + MIN_PART, len(word) - MIN_PART + 1):
        part = word[start:end]
        if part not in WORD_PARTS:
            continue
        for link in LINKING:
            if not word.startswith(link, end):
                continue
            tail = _cover_cached(word, end + len(link)) if end + len(link) < len(word) else None
            if tail is not None and (best is None or len(tail) + 1 < len(best)):
                best = (part, *tail)
    return best


# --- Bilingual photonics glossary ----------------------------------------------------------
# Each entry is a set of equivalents (German and English, single words or phrases). A query
# word that matches one member is ORed with all the others; phrases are searched as phrases.

GLOSSARY: tuple[tuple[str, ...], ...] = (
    ("Optik", "optics", "optical"),
    ("optisch", "optical"),
    ("Faser", "Glasfaser", "Lichtwellenleiter", "fibre", "fiber", "optical fibre"),
    ("Faseroptik", "fibre optics", "fiber optics"),
    ("Messtechnik", "Metrologie", "metrology", "measurement technology"),
    ("Messung", "measurement"),
    ("Entwicklungsingenieur", "development engineer", "R&D engineer"),
    ("Ingenieur", "engineer"),
    ("Entwicklung", "development"),
    ("Forschung", "research"),
    ("Laser", "laser"),
    ("Lasertechnik", "laser technology"),
    ("Bildverarbeitung", "image processing", "machine vision", "computer vision"),
    ("Beschichtung", "coating", "thin film", "Dünnschicht"),
    ("Halbleiter", "semiconductor"),
    ("Werkstudent", "Werkstudentin", "working student", "student assistant"),
    ("Ausbildung", "Auszubildende", "Azubi", "apprenticeship", "apprentice", "vocational training"),
    ("Duales Studium", "dual study", "dual studies", "work-study"),
    ("Praktikum", "Praktikant", "internship", "intern"),
    ("Abschlussarbeit", "Masterarbeit", "Bachelorarbeit", "thesis"),
    ("Masterarbeit", "master thesis", "master's thesis"),
    ("Bachelorarbeit", "bachelor thesis", "bachelor's thesis"),
    ("Promotion", "Doktorand", "Doktorandin", "PhD", "doctoral", "doctorate"),
    ("Postdoktorand", "Postdoc", "postdoctoral"),
    ("Wissenschaftler", "Wissenschaftlerin", "scientist", "researcher"),
    ("Physiker", "Physikerin", "physicist"),
    ("Physik", "physics"),
    ("Feinoptiker", "Feinoptikerin", "precision optician", "optical technician"),
    ("Präzisionsoptik", "precision optics"),
    ("Optikdesign", "optical design", "Optikdesigner", "optical designer"),
    ("Linse", "lens"),
    ("Spiegel", "mirror"),
    ("Mikroskopie", "microscopy"),
    ("Spektroskopie", "spectroscopy"),
    ("Sensorik", "Sensor", "sensor", "sensors", "sensing"),
    ("Optoelektronik", "optoelectronics"),
    ("Elektronik", "electronics"),
    ("Elektrotechnik", "electrical engineering"),
    ("Maschinenbau", "mechanical engineering"),
    ("Mechanik", "mechanics"),
    ("Konstruktion", "Konstrukteur", "design engineering", "mechanical design"),
    ("Fertigung", "Produktion", "manufacturing", "production"),
    ("Qualitätssicherung", "quality assurance", "quality control"),
    ("Qualität", "quality"),
    ("Vertrieb", "sales"),
    ("Verwaltung", "administration"),
    ("Softwareentwicklung", "Softwareentwickler", "software development", "software engineer"),
    ("Quantentechnologie", "quantum technology", "quantum technologies"),
    ("Biophotonik", "biophotonics"),
    ("Medizintechnik", "medical technology", "medical devices"),
    ("Raumfahrt", "aerospace", "space"),
    ("Lichtquelle", "light source"),
    ("Leuchtdiode", "LED", "light-emitting diode"),
    ("Führungskraft", "Teamleiter", "Teamleitung", "team lead", "team leader", "manager"),
    ("Teilzeit", "part-time", "part time"),
    ("Vollzeit", "full-time", "full time"),
    ("Quereinsteiger", "career changer"),
)

MAX_PHRASE_WORDS = 3


def _keys(term: str) -> set[str]:
    """The lookup keys of a single word: folded form and its German and English stems."""
    from portal.services.search_analysis import stem_de, stem_en

    folded = fold(term)
    return {folded, "de:" + stem_de(folded), "en:" + stem_en(folded)}


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for entry in GLOSSARY:
        members = {fold(m) for m in entry}
        for member in members:
            keys = _keys(member) if " " not in member and "-" not in member else {member}
            for key in keys:
                index.setdefault(key, set()).update(members)
    return {key: frozenset(values) for key, values in index.items()}


def equivalents(term: str) -> list[str]:
    """The glossary equivalents of a word or phrase (folded), itself excluded; [] if none."""
    folded = " ".join(fold(term).split())
    if not folded:
        return []
    index = _index()
    if " " in folded or "-" in folded:
        found = set(index.get(folded, ()))
    else:
        found = set()
        for key in _keys(folded):
            found |= index.get(key, set())
    same = _keys(folded) if " " not in folded else {folded}
    return sorted(m for m in found if m != folded and not (_keys(m) & same and " " not in m))


def is_phrase_key(words: list[str]) -> bool:
    """Whether these consecutive query words form a multi-word glossary term."""
    return " ".join(fold(w) for w in words) in _index()
