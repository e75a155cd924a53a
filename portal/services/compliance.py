"""Compliance hints for a posting: advice shown to employers and staff, never a block.

- AGG (German General Equal Treatment Act): a German job title addresses all genders
  ("(m/w/d)", "Ingenieur*in", …); no wording coded by age or origin ("junges Team",
  "Muttersprachler", "digital native", "max. 30 Jahre", …). Language skills are asked for as
  CEFR levels instead. "Berufseinsteiger" or "Absolvent" describe experience and are left
  alone; so are titles that name a post rather than a person ("Masterarbeit: …").
- EU pay-transparency directive 2023/970 Art. 5: a pay range or a pay scale is stated.
- Google for Jobs: the properties its JobPosting needs or recommends.
- A deadline in the past.

`check(posting)` works on any Posting, saved or a transient preview of a pending edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l

from portal.models import Posting, PostingStatus, utcnow


@dataclass(frozen=True)
class Hint:
    code: str
    message: Any  # lazily translated
    lang: str | None = None  # the text language the hint is about, if any
    words: tuple[str, ...] = field(default=())
    recommended: bool = False  # a recommendation rather than a likely problem


# Gender-inclusive forms in a German title. (m/w/d) and its variants, gender star, colon,
# underscore, slash forms, "(in)", and pairs such as "Technikerin / Techniker".
_GENDER_MARKERS = re.compile(
    r"\(\s*(?:[mwfdxi]|div|gn)\s*(?:[/|,;]\s*(?:[mwfdxi]|div|gn)\s*)+\)"
    r"|\(\s*(?:gn|all\s+genders?|alle\s+geschlechter|geschlechtsneutral|genderneutral)\s*\)"
    r"|\w[*:_·]in(?:nen)?\b"
    r"|\w/-?in(?:nen)?\b"
    r"|\w\(in(?:nen)?\)"
    r"|\b(\w+)in\s*(?:/|oder|und|bzw\.?)\s*(?:\w+\s+)?\1\b"
    r"|\b(\w+)\s*(?:/|oder|und|bzw\.?)\s*\2in\b",
    re.IGNORECASE,
)
_BINNEN_I = re.compile(r"[a-zäöüß]In(?:nen)?\b")  # "IngenieurIn": case matters
# Nouns naming a person in the generic masculine (also at the end of compounds such as
# "Entwicklungsingenieur", "Laserphysiker"), and English job titles used in German ads.
_PERSON_NOUNS = re.compile(
    r"\w*(?:ingenieur|entwickler|techniker|mechaniker|mechatroniker|physiker|chemiker"
    r"|informatiker|mathematiker|wissenschaftler|mitarbeiter|leiter|manager|berater|referent"
    r"|assistent|doktorand|student|praktikant|absolvent|optiker|elektroniker|konstrukteur"
    r"|monteur|spezialist|experte|operator|designer|administrator|koordinator|kaufmann"
    r"|fachmann|meister|programmierer|tester|analyst|architekt|einkäufer|verkäufer|prüfer"
    r"|planer|laborant|technologe|bearbeiter|betreuer|kollege|beauftragter|vertreter"
    r"|engineer|developer|scientist|technician|specialist|consultant|researcher|intern)\b",
    re.IGNORECASE,
)
_NOT_PERSONS = re.compile(r"\bhalbleiter\b|\blichtleiter\b|\bwellenleiter\b", re.IGNORECASE)

# Wording coded by age or origin, German and English (BAG case law on "junges Team",
# "Young Professionals", "Muttersprache").
_CODED = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bjung(?:e[nmrs]?)?\s*,?\s*(?:und\s+)?(?:dynamisch\w*\s+|motiviert\w*\s+"
        r"|aufgeschlossen\w*\s+)?(?:team\w*|kolleg\w*|mitarbeiter\w*|bewerber\w*|menschen"
        r"|leute)",
        r"\bjung\w*\s+und\s+dynamisch\w*|\bdynamisch\w*\s+und\s+jung\w*",
        r"\b(?:max(?:imal)?\.?|höchstens|nicht\s+älter\s+als)\s*\d{2}\s*jahre?\b",
        r"\b(?:alter|altersgrenze)\s*(?:von\s*|zwischen\s*|:\s*)?\d{2}\s*(?:-|–|bis|und)\s*\d{2}",
        r"\bzwischen\s+\d{2}\s+und\s+\d{2}\s+jahren?\b",
        r"\b\d{2}\s*(?:-|–|bis)\s*\d{2}\s*jahre\s+alt\b",
        r"\bunter\s+\d{2}\s+jahren\b",
        r"\bmuttersprach\w*",
        r"\bakzentfrei\w*",
        r"\bdeutsche[rn]?\s+herkunft\b",
        r"\bdeutsche\s+staatsangehörigkeit\b",
        r"\byoung\s+(?:and\s+dynamic\s+)?(?:team|colleagues?|professionals?|people)\b",
        r"\byoung\s+and\s+dynamic\b",
        r"\bdigital\s+natives?\b",
        r"\bnative[-\s]+speakers?\b",
        r"\bnative\s+(?:german|english|french|language)\b",
        r"\bmother\s+tongue\b",
        r"\b(?:not|no)\s+older\s+than\s+\d{2}\b",
        r"\bmax(?:imum|\.)?\s+age\s+(?:of\s+)?\d{2}\b",
        r"\baged?\s+(?:between\s+)?\d{2}\s*(?:-|–|to|and)\s*\d{2}\b",
        r"\bunder\s+(?:the\s+age\s+of\s+)?\d{2}\s+years?\s+(?:old|of\s+age)\b",
    )
]

MESSAGES = {
    "gender_title": _l(
        "The German title does not address all genders. Add “(m/w/d)” or use an inclusive "
        "form such as “Ingenieur*in” (General Equal Treatment Act, AGG)."
    ),
    "pay_missing": _l(
        "No pay range or pay scale is given. The EU pay-transparency directive (2023/970, "
        "Art. 5) asks employers to state the pay or its range before the interview; "
        "postings with pay also get more applications."
    ),
    "google_title": _l("Google for Jobs needs a title."),
    "google_description": _l("Google for Jobs needs a description of the post."),
    "google_location": _l("Google for Jobs needs a place of work."),
    "google_postcode": _l("Google for Jobs recommends a postcode for every place of work."),
    "google_valid_through": _l("Google for Jobs needs the date until which the posting is online."),
    "google_employment_type": _l("Google for Jobs needs the working time (employment type)."),
    "google_logo": _l(
        "Google for Jobs shows the employer's logo. Upload one in your organisation profile."
    ),
    "deadline_past": _l("The application deadline is in the past."),
}


def _hint(code: str, **kwargs: Any) -> Hint:
    words = kwargs.pop("words", ())
    if code == "coded_wording":
        message = _l(
            "Wording that may exclude people by age or origin: %(words)s. Describe the skills "
            "you need instead, for example a language level such as “German C1” (AGG).",
            words=", ".join(f"“{word}”" for word in words),
        )
    else:
        message = MESSAGES[code]
    return Hint(code=code, message=message, words=tuple(words), **kwargs)


def title_addresses_all_genders(title: str) -> bool:
    """True if a German title has an inclusive form, or names no person at all."""
    if _GENDER_MARKERS.search(title) or _BINNEN_I.search(title):
        return True
    return not _PERSON_NOUNS.search(_NOT_PERSONS.sub(" ", title))


def coded_words(text: str) -> list[str]:
    """Age- or origin-coded phrases in `text`, in order, each once."""
    found: list[str] = []
    for pattern in _CODED:
        for match in pattern.finditer(text or ""):
            phrase = " ".join(match.group(0).split())
            if not any(phrase.lower() in f.lower() for f in found):
                found.append(phrase)
    return found


def check(posting: Posting, today: date | None = None) -> list[Hint]:
    """Every hint for the posting, in the order of the form."""
    today = today or utcnow().date()
    hints: list[Hint] = []
    texts = list(posting.texts)
    for text in texts:
        if text.lang == "de" and text.title and not title_addresses_all_genders(text.title):
            hints.append(_hint("gender_title", lang="de"))
    for text in texts:
        joined = "\n".join(
            part or ""
            for part in (text.title, text.summary, text.body, text.requirements, text.offer)
        )
        words = coded_words(joined)
        if words:
            hints.append(_hint("coded_wording", lang=text.lang, words=words))
    if not (posting.salary_min or posting.salary_max or (posting.pay_scale or "").strip()):
        hints.append(_hint("pay_missing"))
    hints.extend(_google_hints(posting))
    if posting.deadline is not None and posting.deadline < today:
        hints.append(_hint("deadline_past"))
    return hints


def _google_hints(posting: Posting) -> list[Hint]:
    hints = []
    texts = list(posting.texts)
    if not any((text.title or "").strip() for text in texts):
        hints.append(_hint("google_title"))
    if not any((text.body or "").strip() for text in texts):
        hints.append(_hint("google_description"))
    locations = list(posting.locations)
    if not locations:
        hints.append(_hint("google_location"))
    elif any(not (location.postcode or "").strip() for location in locations):
        hints.append(_hint("google_postcode", recommended=True))
    # The portal sets `expires_at` (validThrough) on publication; only data from elsewhere
    # can lack it.
    if posting.status == PostingStatus.PUBLISHED and posting.expires_at is None:
        hints.append(_hint("google_valid_through"))
    if posting.employment is None:
        hints.append(_hint("google_employment_type"))
    if posting.organisation is not None and not posting.organisation.logo:
        hints.append(_hint("google_logo", recommended=True))
    return hints
