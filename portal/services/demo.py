"""Clearly marked demo data: organisations, postings of every kind, courses (DESIGN §9 `seed-demo`).

Everything here is fictional. Organisation names end with " (Demo)", every row carries
`is_demo=True`, and descriptions and texts open or close with a note that they are invented.

The seed is idempotent. Organisations are matched by slug, postings by `external_id`
("demo-<n>"), courses by (provider, German-or-first title); a second run updates those rows in
place instead of adding new ones, and removes demo postings and courses that the tables no longer
define. Content is deterministic (a fixed `random.Random` per posting); dates are relative to the
time of seeding, so re-running the seed also refreshes a demo instance: postings are again
published within the last 50 days and courses start in the coming weeks.

Two demo employer logins own two demo organisations whose postings between them cover every
status (DEMO_EMPLOYERS, password DEMO_PASSWORD): a trusted one that publishes without
moderation and a moderated one. Their once-public postings get daily statistics, so the
employer dashboard and its charts show something.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import (
    Benefit,
    CourseStatus,
    DailyStat,
    LanguageLevel,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationStatus,
    Posting,
    PostingKind,
    PostingLocation,
    PostingStatus,
    PostingText,
    SalaryPeriod,
    Topic,
    TrainingCourse,
    TrainingSession,
    TrainingText,
    User,
    utcnow,
)
from portal.models import Role as UserRole
from portal.services.content import ensure_pages
from portal.services.demo_data import phrases
from portal.services.demo_data.organisations import ORGANISATIONS, OrgSpec
from portal.services.demo_data.roles import ROLES, Role
from portal.services.demo_data.trainings import COURSES, CourseSpec, CourseText
from portal.services.records import assign
from portal.services.taxonomy import ensure_topics, topics_by_slug

SEED = 20_240_611
EXTERNAL_ID_PREFIX = "demo-"
POSTING_LIFETIME = timedelta(days=60)
CLUSTER_DOMAIN = "photonik-cluster.example"
LOCAL_TZ = ZoneInfo("Europe/Berlin")

ORG_NOTE = (
    "Fiktive Demo-Organisation – dieses Profil und alle Anzeigen sind frei erfunden und dienen "
    "nur der Vorführung des Portals.",
    "Fictional demo organisation — this profile and all its postings are invented and only "
    "demonstrate the portal.",
)

# How many postings of approved organisations are not published, per status (the rest are).
STATUS_MIX: dict[PostingStatus, int] = {
    PostingStatus.DRAFT: 2,
    PostingStatus.SUBMITTED: 2,
    PostingStatus.REJECTED: 2,
    PostingStatus.EXPIRED: 3,
    PostingStatus.CLOSED: 2,
    PostingStatus.SUSPENDED: 2,
}
FEATURED_COUNT = 3


@dataclass(frozen=True)
class DemoEmployer:
    email: str
    name: str
    locale: str
    org_slug: str
    statuses: tuple[PostingStatus, ...]  # the organisation's postings include each of these


S = PostingStatus
DEMO_PASSWORD = "demo-passwort-2026"  # documented in the README and `make run`: demo only
DEMO_EMPLOYERS: tuple[DemoEmployer, ...] = (
    # Trusted (auto_publish): publishes at once.
    DemoEmployer(
        "demo-arbeitgeber@photonik-karriere.example",
        "Demo-Arbeitgeberin Lichtwerk",
        "de",
        "lichtwerk-optik-demo",
        (S.PUBLISHED, S.DRAFT, S.EXPIRED, S.CLOSED, S.SUSPENDED),
    ),
    # Moderated: submits for review.
    DemoEmployer(
        "demo-employer2@photonik-karriere.example",
        "Demo Employer Quantix",
        "en",
        "quantix-photonics-demo",
        (S.PUBLISHED, S.DRAFT, S.SUBMITTED, S.REJECTED, S.EXPIRED),
    ),
)

# Which languages a posting is written in: weights for (de only, en only, both).
LANG_WEIGHTS: dict[PostingKind, tuple[float, float, float]] = {
    PostingKind.JOB: (0.33, 0.20, 0.47),
    PostingKind.INTERNSHIP: (0.30, 0.25, 0.45),
    PostingKind.THESIS: (0.30, 0.25, 0.45),
    PostingKind.WORKING_STUDENT: (0.35, 0.25, 0.40),
    PostingKind.APPRENTICESHIP: (0.70, 0.00, 0.30),
    PostingKind.PHD: (0.10, 0.50, 0.40),
    PostingKind.POSTDOC: (0.10, 0.50, 0.40),
}
LANG_CHOICES: tuple[tuple[str, ...], ...] = (("de",), ("en",), ("de", "en"))


def seed_demo(seed: int = SEED) -> dict[str, int]:
    """Create or refresh all demo data and the standard topics and pages; commit.

    Returns how many rows of each kind the demo defines (the same on every run).
    """
    now = utcnow()
    topic_count = ensure_topics()
    page_count = ensure_pages()
    orgs = _upsert_organisations(ORGANISATIONS)
    plans = plan_postings(now, seed)
    _sync_postings(plans, orgs, topics_by_slug())
    _sync_courses(COURSES, orgs, now)
    _ensure_demo_employers(orgs)
    _sync_daily_stats([orgs[e.org_slug] for e in DEMO_EMPLOYERS], now)
    _seed_staff_demo(orgs, now)  # staff login, queue items, statistics history
    db.session.commit()
    return {
        "organisations": len(ORGANISATIONS),
        "postings": len(plans),
        "trainings": len(COURSES),
        "topics": topic_count,
        "pages": page_count,
        "employer logins": len(DEMO_EMPLOYERS),
    }


# --- organisations -----------------------------------------------------------------------------


def _org_fields(spec: OrgSpec) -> dict[str, Any]:
    approved = spec.status == OrganisationStatus.APPROVED
    return {
        "name": spec.name,
        "kind": spec.kind,
        "member": spec.member,
        "status": spec.status,
        "auto_publish": spec.auto_publish,
        "website": spec.website,
        "website_verified": spec.member and approved,
        "city": spec.city,
        "postcode": spec.postcode,
        "employees": spec.employees,
        "founded_year": spec.founded_year,
        "logo": None,
        "description_de": f"{ORG_NOTE[0]}\n\n{spec.about_de}",
        "description_en": f"{ORG_NOTE[1]}\n\n{spec.about_en}",
        "benefits": [benefit.value for benefit in spec.benefits],
        "is_demo": True,
    }


def _upsert_organisations(specs: Sequence[OrgSpec]) -> dict[str, Organisation]:
    slugs = [spec.slug for spec in specs]
    existing = {
        org.slug: org
        for org in db.session.scalars(sa.select(Organisation).where(Organisation.slug.in_(slugs)))
    }
    orgs: dict[str, Organisation] = {}
    for spec in specs:
        org = existing.get(spec.slug)
        if org is None:
            org = Organisation(slug=spec.slug)
            db.session.add(org)
        elif not org.is_demo:
            raise RuntimeError(f"organisation {spec.slug!r} exists and is not demo data")
        assign(org, _org_fields(spec))
        orgs[spec.slug] = org
    db.session.flush()
    return orgs


# --- posting plans (pure: the same seed and time give the same plans) --------------------------


@dataclass
class PostingPlan:
    external_id: str
    org_slug: str
    topics: tuple[str, ...]
    fields: dict[str, Any]
    texts: dict[str, dict[str, str]]
    locations: list[tuple[str, str | None, str]] = field(default_factory=list)


def plan_postings(now: datetime, seed: int = SEED) -> list[PostingPlan]:
    """Every demo posting as plain data: one per (role, organisation) in table order."""
    org_specs = {spec.slug: spec for spec in ORGANISATIONS}
    pairs = [
        (role, org_specs[slug], index) for role in ROLES for index, slug in enumerate(role.orgs)
    ]
    statuses = _assign_statuses([org for _, org, _ in pairs], random.Random(seed))
    plans = []
    for n, ((role, org, org_index), status) in enumerate(zip(pairs, statuses, strict=True), 1):
        rng = random.Random(f"{seed}:{n}")
        plans.append(_plan_posting(n, role, org, org_index, status, rng, now))
    _feature(plans, random.Random(seed + 1), now)
    return plans


def _assign_statuses(orgs: Sequence[OrgSpec], rng: random.Random) -> list[PostingStatus]:
    """Published for most; pending organisations only submit; a few of every other status."""
    statuses = [PostingStatus.PUBLISHED] * len(orgs)
    pending = [i for i, org in enumerate(orgs) if org.status != OrganisationStatus.APPROVED]
    for count, i in enumerate(pending):
        statuses[i] = PostingStatus.DRAFT if count % 3 == 2 else PostingStatus.SUBMITTED
    approved = [i for i, org in enumerate(orgs) if org.status == OrganisationStatus.APPROVED]
    picked = rng.sample(approved, sum(STATUS_MIX.values()))
    for status, count in STATUS_MIX.items():
        for i in picked[:count]:
            statuses[i] = status
        picked = picked[count:]
    _cover_demo_employer_statuses(orgs, statuses)
    return statuses


def _cover_demo_employer_statuses(orgs: Sequence[OrgSpec], statuses: list[PostingStatus]) -> None:
    """Give each demo login's organisation every status it should show (one stays published).

    For each status moved there, one posting of another approved organisation with that
    status goes back to published, so STATUS_MIX still gives the totals.
    """
    logins = {employer.org_slug for employer in DEMO_EMPLOYERS}
    for employer in DEMO_EMPLOYERS:
        indexes = [i for i, org in enumerate(orgs) if org.slug == employer.org_slug]
        present = {statuses[i] for i in indexes}
        spare = [i for i in indexes if statuses[i] == PostingStatus.PUBLISHED]
        for status in employer.statuses:
            if status in present or len(spare) < 2:
                continue
            statuses[spare.pop()] = status
            present.add(status)
            for i, org in enumerate(orgs):
                if (
                    statuses[i] == status
                    and org.slug not in logins
                    and org.status == OrganisationStatus.APPROVED
                ):
                    statuses[i] = PostingStatus.PUBLISHED
                    break


def _feature(plans: list[PostingPlan], rng: random.Random, now: datetime) -> None:
    published = [p for p in plans if p.fields["status"] == PostingStatus.PUBLISHED]
    for plan in rng.sample(published, FEATURED_COUNT):
        plan.fields["featured_until"] = now + timedelta(days=rng.randint(5, 14))


def _plan_posting(
    n: int,
    role: Role,
    org: OrgSpec,
    org_index: int,
    status: PostingStatus,
    rng: random.Random,
    now: datetime,
) -> PostingPlan:
    external_id = f"{EXTERNAL_ID_PREFIX}{n}"
    langs = rng.choices(LANG_CHOICES, weights=LANG_WEIGHTS[role.kind])[0]
    working, german, english = _language_profile(role.kind, langs, rng)
    visa = _visa_support(role, org, langs, rng)
    locations = _locations(role, org, org_index, rng)
    fields: dict[str, Any] = {
        "kind": role.kind,
        "status": status,
        "employment": rng.choice(role.employment),
        "remote": rng.choice(role.remote),
        "working_languages": working,
        "german_level": german,
        "english_level": english,
        "visa_support": visa,
        "leadership": role.leadership,
        "featured_until": None,
        "is_demo": True,
        **_pay(role, org, rng),
        **_application(external_id, org, rng),
        **_dates(role.kind, status, rng, now),
    }
    choice = _text_choice(role, org, rng)
    texts = {lang: _compose_text(lang, role, org, fields, choice) for lang in langs}
    return PostingPlan(
        external_id=external_id,
        org_slug=org.slug,
        topics=role.topics,
        fields=fields,
        texts=texts,
        locations=locations,
    )


def _language_profile(
    kind: PostingKind, langs: tuple[str, ...], rng: random.Random
) -> tuple[list[str], LanguageLevel | None, LanguageLevel | None]:
    """Working languages and the CEFR levels asked for, consistent with the texts' languages."""
    L = LanguageLevel
    hands_on = kind in (PostingKind.APPRENTICESHIP, PostingKind.WORKING_STUDENT)
    if langs == ("de",):
        working = ["de"] if hands_on or rng.random() < 0.6 else ["de", "en"]
        german = L.B2 if hands_on or kind == PostingKind.INTERNSHIP else L.C1
        english = L.B2 if "en" in working else (None if hands_on else L.B1)
        return working, german, english
    if langs == ("en",):
        english = L.C1 if kind in (PostingKind.JOB, PostingKind.POSTDOC) else L.B2
        german = L.A2 if rng.random() < 0.3 else None
        return ["en"], german, english
    if kind == PostingKind.APPRENTICESHIP:
        return ["de"], L.B1, L.A2
    german = rng.choice((L.B2, L.C1, None))
    english = rng.choice((L.B2, L.C1))
    return ["de", "en"], german, english


def _visa_support(role: Role, org: OrgSpec, langs: tuple[str, ...], rng: random.Random) -> bool:
    if "en" not in langs or role.kind in (PostingKind.APPRENTICESHIP, PostingKind.WORKING_STUDENT):
        return False
    helps = Benefit.RELOCATION_HELP in org.benefits or org.is_public_employer
    return (
        helps
        and role.kind in (PostingKind.JOB, PostingKind.PHD, PostingKind.POSTDOC)
        and (rng.random() < 0.7)
    )


def _locations(
    role: Role, org: OrgSpec, org_index: int, rng: random.Random
) -> list[tuple[str, str | None, str]]:
    home = (org.city, org.postcode, "DE")
    if org_index < len(role.abroad):
        return [role.abroad[org_index], home]
    sites = phrases.SECOND_SITES.get(org.slug, ())
    if role.kind == PostingKind.APPRENTICESHIP and len(sites) > 1:
        # A training network: apprentices learn at several member sites.
        return [home, *((city, phrases.CITY_POSTCODES[city], "DE") for city in sites)]
    if sites and rng.random() < 0.15:
        city = rng.choice(sites)
        return [home, (city, phrases.CITY_POSTCODES[city], "DE")]
    return [home]


def _jitter(low: int, high: int, rng: random.Random, step: int = 1000) -> tuple[int, int]:
    shift = rng.randint(-2, 2) * step
    return low + shift, high + shift


def _pay(role: Role, org: OrgSpec, rng: random.Random) -> dict[str, Any]:
    """Salary range or pay scale as usual for the kind of post and employer (EU 2023/970)."""
    K = PostingKind
    none: dict[str, Any] = {
        "salary_min": None,
        "salary_max": None,
        "salary_period": None,
        "salary_currency": "EUR",
        "pay_scale": None,
    }

    def salary(low: int, high: int, period: SalaryPeriod) -> dict[str, Any]:
        return {**none, "salary_min": low, "salary_max": high, "salary_period": period}

    public = org.is_public_employer
    if role.kind in (K.JOB, K.PHD, K.POSTDOC):
        if public or role.salary is None:
            return {**none, "pay_scale": role.scale or "TV-L E13"}
        if role.kind == K.JOB and rng.random() < 0.08:
            return none  # a few employers still state no pay; the portal shows that
        return salary(*_jitter(*role.salary, rng), SalaryPeriod.YEAR)
    if role.kind == K.INTERNSHIP:
        if rng.random() < 0.15:
            return none
        low = rng.choice((1100, 1300, 1500, 1700)) if not public else 1000
        return salary(low, low + rng.choice((0, 200, 300)), SalaryPeriod.MONTH)
    if role.kind == K.THESIS:
        if public or rng.random() < 0.4:
            return none
        low = rng.choice((600, 700, 800))
        return salary(low, low + 200, SalaryPeriod.MONTH)
    if role.kind == K.WORKING_STUDENT:
        low = rng.choice((14, 15, 16)) if public else rng.choice((15, 16, 17, 18))
        return salary(low, low + rng.choice((1, 2, 3)), SalaryPeriod.HOUR)
    # Apprenticeship: the training allowance from the first to the last year.
    if public:
        return {**none, "pay_scale": "TVA-L BBiG"}
    low = rng.choice((1050, 1100, 1150, 1200))
    return salary(low, low + rng.choice((200, 250, 300)), SalaryPeriod.MONTH)


def _ascii(name: str) -> str:
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.replace(umlaut, plain)
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _contact_email(name: str, domain: str) -> str:
    parts = [p for p in name.lower().split() if p not in ("dr.", "prof.")]
    return f"{_ascii('.'.join(parts))}@{domain}"


def _application(external_id: str, org: OrgSpec, rng: random.Random) -> dict[str, Any]:
    contact = rng.choice(org.contacts)
    by_url = rng.random() < 0.7
    with_contact = rng.random() < 0.85
    return {
        "apply_url": f"https://{org.domain}/karriere/{external_id}" if by_url else None,
        "apply_email": None if by_url else f"bewerbung@{org.domain}",
        "contact_name": contact if with_contact else None,
        "contact_email": _contact_email(contact, org.domain) if with_contact else None,
    }


def _first_of_month(day: date, months_ahead: int) -> date:
    month = day.month - 1 + months_ahead
    return date(day.year + month // 12, month % 12 + 1, 1)


def _dates(
    kind: PostingKind, status: PostingStatus, rng: random.Random, now: datetime
) -> dict[str, Any]:
    """Lifecycle timestamps consistent with the status; public postings are public now."""
    S = PostingStatus
    today = now.date()
    days = timedelta(days=1)
    published = submitted = expires = closed = None
    rejection = None
    if status in (S.PUBLISHED, S.SUSPENDED, S.CLOSED, S.EXPIRED):
        if status == S.EXPIRED:
            age = rng.uniform(62, 90)
        elif status == S.PUBLISHED:
            age = rng.uniform(0.2, 49.5)
        else:
            age = rng.uniform(8, 40)
        published = now - age * days
        expires = published + POSTING_LIFETIME
        submitted = published - timedelta(hours=rng.uniform(2, 40))
        if status == S.CLOSED:
            closed = now - rng.uniform(0.5, age - 1) * days
    elif status == S.SUBMITTED:
        submitted = now - timedelta(hours=rng.uniform(2, 70))
    elif status == S.REJECTED:
        submitted = now - rng.uniform(3, 8) * days
        rejection = rng.choice(phrases.REJECTION_REASONS)
    created = (submitted or now) - rng.uniform(0.5, 6) * days

    if kind == PostingKind.APPRENTICESHIP:
        start = date(today.year if today.month < 8 else today.year + 1, 9, 1)
    elif kind in (PostingKind.THESIS, PostingKind.PHD) or rng.random() < 0.4:
        start = _first_of_month(today, rng.randint(1, 4))
    else:
        start = None  # as soon as possible

    deadline = None
    if rng.random() < (0.6 if kind in (PostingKind.PHD, PostingKind.POSTDOC) else 0.35):
        if status == S.EXPIRED and published is not None:
            deadline = (published + rng.randint(20, 50) * days).date()
        else:
            deadline = today + rng.randint(10, 60) * days

    views = clicks = 0
    if published is not None:
        shown_days = ((closed or min(now, expires)) - published) / days
        views = int(shown_days * rng.uniform(6, 35)) + rng.randint(5, 30)
        clicks = int(views * rng.uniform(0.02, 0.09))

    return {
        "created_at": created,
        "submitted_at": submitted,
        "published_at": published,
        "expires_at": expires,
        "closed_at": closed,
        "expiry_warned_at": published + timedelta(days=53) if status == S.EXPIRED else None,
        "rejection_reason": rejection,
        "start_date": start,
        "deadline": deadline,
        "view_count": views,
        "apply_click_count": clicks,
    }


@dataclass(frozen=True)
class _TextChoice:
    title: int
    tasks: tuple[int, ...]
    requirements: tuple[int, ...]
    offers: tuple[int, ...]
    benefits: tuple[Benefit, ...]


# Benefits that only make sense for some kinds of post.
BENEFIT_KINDS: dict[Benefit, frozenset[PostingKind]] = {
    Benefit.PART_TIME_LEADERSHIP: frozenset({PostingKind.JOB}),
    Benefit.COMPANY_PENSION: frozenset({PostingKind.JOB, PostingKind.APPRENTICESHIP}),
    Benefit.RELOCATION_HELP: frozenset({PostingKind.JOB, PostingKind.PHD, PostingKind.POSTDOC}),
}


def _text_choice(role: Role, org: OrgSpec, rng: random.Random) -> _TextChoice:
    """Which variants a posting uses — the same for every language of one posting."""
    tasks = _subset(len(role.tasks), 4, rng)
    requirements = _subset(len(role.requirements), 4, rng)
    offers = tuple(sorted(rng.sample(range(len(phrases.KIND_OFFERS[role.kind])), 3)))
    fitting = [b for b in org.benefits if role.kind in BENEFIT_KINDS.get(b, frozenset(PostingKind))]
    picked = rng.sample(fitting, min(3, len(fitting)))
    benefits = tuple(b for b in fitting if b in picked)
    return _TextChoice(rng.randrange(len(role.titles)), tasks, requirements, offers, benefits)


def _subset(size: int, minimum: int, rng: random.Random) -> tuple[int, ...]:
    """Indexes of a random selection of at least `minimum` items, in table order."""
    keep = rng.randint(min(minimum, size), size)
    return tuple(sorted(rng.sample(range(size), keep)))


def _first_sentence(text: str) -> str:
    paragraph = " ".join(text.split("\n\n")[0].split())
    return re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])", paragraph, maxsplit=1)[0]


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _language_line(lang: str, fields: dict[str, Any]) -> str | None:
    i = 0 if lang == "de" else 1
    german, english = fields["german_level"], fields["english_level"]
    names = (("Deutsch", "Englisch"), ("German", "English"))[i]
    parts = []
    for name, level in zip(names, (german, english), strict=True):
        if level is None:
            continue
        words = phrases.LEVEL_WORDS[level.value][i]
        if level in (LanguageLevel.A1, LanguageLevel.A2):
            words = "Grundkenntnisse hilfreich" if i == 0 else "basic knowledge helpful"
        parts.append(f"{name}: {words} ({level.value})")
    if german is None and fields["working_languages"] == ["en"]:
        parts.append("keine Deutschkenntnisse nötig" if i == 0 else "no German needed")
    return "; ".join(parts) if parts else None


def _compose_text(
    lang: str,
    role: Role,
    org: OrgSpec,
    fields: dict[str, Any],
    choice: _TextChoice,
) -> dict[str, str]:
    i = 0 if lang == "de" else 1
    fill = {"org": org.name, "city": org.city}
    heading = phrases.TASKS_HEADING.get(role.kind, phrases.DEFAULT_TASKS_HEADING)[i]
    about = _first_sentence(org.about_de if i == 0 else org.about_en)
    body = "\n\n".join(
        (
            role.intro[i].format(**fill),
            f"**{'Über uns' if i == 0 else 'About us'}:** {about}",
            heading,
            _bullets(role.tasks[t][i] for t in choice.tasks),
            phrases.CLOSINGS[role.kind][i],
            phrases.DEMO_NOTE[i],
        )
    )
    requirements = [role.requirements[r][i] for r in choice.requirements]
    language_line = _language_line(lang, fields)
    if language_line:
        requirements.append(language_line)
    kind_offers = phrases.KIND_OFFERS[role.kind]
    offers = [kind_offers[o][i] for o in choice.offers]
    offers += [phrases.BENEFIT_OFFERS[b][i] for b in choice.benefits]
    if fields["visa_support"]:
        offers.append(phrases.VISA_OFFER[i])
    if fields["pay_scale"]:
        offers.append(
            f"Vergütung nach {fields['pay_scale']}"
            if i == 0
            else f"Pay according to {fields['pay_scale']}"
        )
    return {
        "title": role.titles[choice.title][i],
        "summary": role.summary[i].format(**fill),
        "body": body,
        "requirements": _bullets(dict.fromkeys(requirements)),
        "offer": _bullets(dict.fromkeys(offers)),
    }


# --- writing postings --------------------------------------------------------------------------


def _sync_postings(
    plans: Sequence[PostingPlan], orgs: dict[str, Organisation], topics: dict[str, Topic]
) -> None:
    existing = {
        posting.external_id: posting
        for posting in db.session.scalars(
            sa.select(Posting)
            .where(Posting.is_demo.is_(True), Posting.external_id.startswith(EXTERNAL_ID_PREFIX))
            .options(
                selectinload(Posting.texts),
                selectinload(Posting.locations),
                selectinload(Posting.topics),
            )
        )
    }
    planned = {plan.external_id for plan in plans}
    for external_id, posting in existing.items():
        if external_id not in planned:
            db.session.delete(posting)
    for plan in plans:
        _upsert_posting(plan, orgs[plan.org_slug], topics, existing.get(plan.external_id))
    db.session.flush()


def _upsert_posting(
    plan: PostingPlan, org: Organisation, topics: dict[str, Topic], posting: Posting | None
) -> Posting:
    if posting is None:
        posting = Posting(external_id=plan.external_id, organisation=org)
        db.session.add(posting)
    elif posting.organisation is not org:
        posting.organisation = org
    assign(posting, plan.fields)

    by_lang = {text.lang: text for text in posting.texts}
    for lang, values in plan.texts.items():
        if lang in by_lang:
            assign(by_lang[lang], values)
        else:
            posting.texts.append(PostingText(lang=lang, **values))
    for lang, text in by_lang.items():
        if lang not in plan.texts:
            posting.texts.remove(text)

    _sync_list(
        posting.locations,
        [
            {"position": position, "city": city, "postcode": postcode, "country": country}
            for position, (city, postcode, country) in enumerate(plan.locations)
        ],
        PostingLocation,
    )
    wanted_topics = [topics[slug] for slug in plan.topics]
    if list(posting.topics) != wanted_topics:
        posting.topics = wanted_topics
    return posting


def _sync_list(rows: list[Any], wanted: list[dict[str, Any]], model: type) -> None:
    """Update rows in place by position, append missing ones, drop the rest."""
    for row, values in zip(rows, wanted, strict=False):
        assign(row, values)
    for values in wanted[len(rows) :]:
        rows.append(model(**values))
    del rows[len(wanted) :]


# --- courses -----------------------------------------------------------------------------------


def _local(now: datetime, day_offset: int, hour: float) -> datetime:
    """A local (Europe/Berlin) wall-clock time `day_offset` days from today, in UTC."""
    day = now.astimezone(LOCAL_TZ).date() + timedelta(days=day_offset)
    start = datetime.combine(day, time(int(hour), int(hour % 1 * 60)), tzinfo=LOCAL_TZ)
    return start.astimezone(UTC)


def _course_fields(
    spec: CourseSpec, org: Organisation | None, now: datetime
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    sessions = [
        {
            "starts_at": _local(now, offset, hour),
            "ends_at": _local(now, offset, hour) + timedelta(hours=hours),
        }
        for offset, hour, hours in spec.sessions
    ]
    domain = org.website.removeprefix("https://") if org and org.website else CLUSTER_DOMAIN
    shown = spec.status in (CourseStatus.PUBLISHED, CourseStatus.CANCELLED, CourseStatus.ARCHIVED)
    first_day = min(offset for offset, _, _ in spec.sessions)
    fields = {
        "organisation": org,
        "format": spec.format,
        "status": spec.status,
        "city": spec.city,
        "venue": spec.venue,
        "starts_at": sessions[0]["starts_at"],
        "ends_at": sessions[-1]["ends_at"],
        "fee_amount": spec.fee,
        "fee_currency": "EUR",
        "language": spec.language,
        "registration_url": f"https://{domain}/weiterbildung/{spec.registration_path}",
        "capacity": spec.capacity,
        "promoted_until": (
            now + timedelta(days=spec.promoted_days) if spec.promoted_days else None
        ),
        # Announced 12 days ago, or 12 days before a course that already took place.
        "published_at": now + timedelta(days=min(first_day, 0) - 12) if shown else None,
        "is_demo": True,
    }
    return fields, sessions


def _text_values(text: CourseText) -> dict[str, str]:
    return {
        "title": text.title,
        "summary": text.summary,
        "body": text.body,
        "target_group": text.target_group,
        "funding_hints": text.funding_hints,
    }


def _course_key(course: TrainingCourse) -> tuple[int | None, str]:
    texts = {text.lang: text for text in course.texts}
    text = texts.get("de") or (course.texts[0] if course.texts else None)
    return course.organisation_id, text.title if text else ""


def _sync_courses(
    specs: Sequence[CourseSpec], orgs: dict[str, Organisation], now: datetime
) -> None:
    existing: dict[tuple[int | None, str], TrainingCourse] = {}
    for course in db.session.scalars(
        sa.select(TrainingCourse)
        .where(TrainingCourse.is_demo.is_(True))
        .options(selectinload(TrainingCourse.texts), selectinload(TrainingCourse.sessions))
    ):
        existing.setdefault(_course_key(course), course)
    kept: set[int] = set()
    for spec in specs:
        org = orgs[spec.provider] if spec.provider else None
        course = existing.get((org.id if org else None, spec.match_title))
        if course is None:
            course = TrainingCourse()
            db.session.add(course)
        else:
            kept.add(course.id)
        fields, sessions = _course_fields(spec, org, now)
        assign(course, fields)
        texts = {lang: text for lang, text in (("de", spec.de), ("en", spec.en)) if text}
        by_lang = {text.lang: text for text in course.texts}
        for lang, text in texts.items():
            if lang in by_lang:
                assign(by_lang[lang], _text_values(text))
            else:
                course.texts.append(TrainingText(lang=lang, **_text_values(text)))
        for lang, row in by_lang.items():
            if lang not in texts:
                course.texts.remove(row)
        _sync_list(course.sessions, sessions, TrainingSession)
    for course in existing.values():
        if course.id not in kept:
            db.session.delete(course)
    db.session.flush()


# --- demo employer logins and their statistics -------------------------------------------------


def _ensure_demo_employers(orgs: dict[str, Organisation]) -> None:
    """The demo logins: verified employers owning their organisation; password reset to the
    documented demo password if it was changed."""
    from portal.services.passwords import hash_password, verify_password

    for spec in DEMO_EMPLOYERS:
        user = db.session.scalar(sa.select(User).where(User.email == spec.email))
        if user is None:
            user = User(email=spec.email, name=spec.name, locale=spec.locale)
            db.session.add(user)
        assign(
            user,
            {"name": spec.name, "locale": spec.locale, "role": UserRole.EMPLOYER, "active": True},
        )
        if user.email_verified_at is None:
            user.email_verified_at = utcnow()
        if not user.password_hash or not verify_password(user.password_hash, DEMO_PASSWORD):
            user.password_hash = hash_password(DEMO_PASSWORD)
        db.session.flush()
        org = orgs[spec.org_slug]
        membership = db.session.scalar(
            sa.select(Membership).where(
                Membership.user_id == user.id, Membership.organisation_id == org.id
            )
        )
        if membership is None:
            db.session.add(
                Membership(user=user, organisation=org, role=MembershipRole.OWNER, approved=True)
            )
        else:
            assign(membership, {"role": MembershipRole.OWNER, "approved": True})
    db.session.flush()


def _daily_counts(posting: Posting, now: datetime) -> dict[date, tuple[int, int, int]]:
    """The posting's views and clicks spread over the days it was online (sums match)."""
    if posting.published_at is None:
        return {}
    end = min(d for d in (now, posting.closed_at, posting.expires_at) if d is not None)
    first, last = posting.published_at.date(), end.date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    rng = random.Random(f"stats:{posting.external_id}")
    # Most views come in the first days and again when an alert or a share goes out.
    weights = [rng.uniform(0.4, 1.6) * (1.8 if n < 3 else 1.0) for n in range(len(days))]
    total = sum(weights)

    def spread(amount: int) -> list[int]:
        shares = [int(amount * w / total) for w in weights]
        for n in range(amount - sum(shares)):
            shares[n % len(shares)] += 1
        return shares

    views, clicks = spread(posting.view_count), spread(posting.apply_click_count)
    hits = [rng.randint(0, 2) if v else 0 for v in views]
    return {day: (v, c, h) for day, v, c, h in zip(days, views, clicks, hits, strict=True)}


def _sync_daily_stats(orgs: Sequence[Organisation], now: datetime) -> None:
    postings = db.session.scalars(
        sa.select(Posting).where(
            Posting.organisation_id.in_([org.id for org in orgs]), Posting.is_demo.is_(True)
        )
    )
    for posting in postings:
        wanted = _daily_counts(posting, now)
        existing = {
            stat.day: stat
            for stat in db.session.scalars(
                sa.select(DailyStat).where(DailyStat.posting_id == posting.id)
            )
        }
        for day, stat in existing.items():
            if day not in wanted:
                db.session.delete(stat)
        for day, (views, clicks, hits) in wanted.items():
            stat = existing.get(day)
            if stat is None:
                stat = DailyStat(day=day, posting_id=posting.id)
                db.session.add(stat)
            assign(stat, {"views": views, "apply_clicks": clicks, "alert_hits": hits})
    db.session.flush()


# --- staff console: a demo staff login, waiting queue items, statistics history ----------------
#
# The staff login (DEMO_STAFF, password DEMO_PASSWORD) finds a queue with something in every
# section: the submitted postings and the pending organisation of the tables above, the
# submitted course, plus the two reports and the pending edit made here. Every demo posting
# gets daily statistics over the days it was online (the oldest were published about three
# months ago, so the statistics show four calendar months), and a dozen demo job alerts were
# confirmed over the same months.

DEMO_STAFF = DemoEmployer(
    "demo-clusterteam@photonik-karriere.example",
    "Demo-Clusterteam",
    "de",
    "",
    (),
)
DEMO_REPORT_PREFIX = "Demo: "
DEMO_REPORTS: tuple[tuple[str, str], ...] = (
    ("wrong", "Demo: Die Bewerbungsadresse führt auf eine Seite ohne diese Stelle."),
    ("other", "Demo: The posting mentions an age limit in the requirements, I think."),
)
DEMO_REVISION_NOTE = (
    "Neu: Sie können bis zu zwei Tage pro Woche mobil arbeiten (Demo-Änderung).",
    "New: you can work remotely up to two days a week (demo change).",
)
DEMO_ALERT_DAYS = (3, 9, 16, 24, 33, 41, 52, 60, 71, 84, 97, 112)
DEMO_ALERT_QUERIES = ("Laser", "Optikdesign", "photonics PhD", "Jena", "Werkstudent", "")


def _seed_staff_demo(orgs: dict[str, Organisation], now: datetime) -> None:
    """Called by seed_demo: everything the staff console's demo needs (idempotent)."""
    _ensure_demo_staff()
    _sync_daily_stats(list(orgs.values()), now)
    _ensure_demo_reports(orgs, now)
    _ensure_demo_revision(orgs)
    _ensure_demo_alerts(now)
    db.session.flush()


def _ensure_demo_staff() -> User:
    from portal.services.passwords import hash_password, verify_password

    user = db.session.scalar(sa.select(User).where(User.email == DEMO_STAFF.email))
    if user is None:
        user = User(email=DEMO_STAFF.email, name=DEMO_STAFF.name, locale=DEMO_STAFF.locale)
        db.session.add(user)
    assign(
        user,
        {
            "name": DEMO_STAFF.name,
            "locale": DEMO_STAFF.locale,
            "role": UserRole.STAFF,
            "active": True,
        },
    )
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    if not user.password_hash or not verify_password(user.password_hash, DEMO_PASSWORD):
        user.password_hash = hash_password(DEMO_PASSWORD)
    db.session.flush()
    return user


def _demo_number(posting: Posting) -> int:
    return int(posting.external_id.removeprefix(EXTERNAL_ID_PREFIX))


def _published_demo_postings(org_ids: set[int]) -> list[Posting]:
    rows = db.session.scalars(
        sa.select(Posting).where(
            Posting.is_demo.is_(True),
            Posting.status == PostingStatus.PUBLISHED,
            Posting.organisation_id.in_(org_ids),
        )
    )
    return sorted(rows, key=_demo_number)


def _ensure_demo_reports(orgs: dict[str, Organisation], now: datetime) -> None:
    """Two open "report this posting" notices about postings of other demo organisations."""
    from portal.models import PostingReport, ReportReason

    employer_orgs = {orgs[e.org_slug].id for e in DEMO_EMPLOYERS}
    others = {org.id for org in orgs.values() if org.status == OrganisationStatus.APPROVED}
    targets = _published_demo_postings(others - employer_orgs)[: len(DEMO_REPORTS)]
    existing = list(
        db.session.scalars(
            sa.select(PostingReport).where(PostingReport.message.startswith(DEMO_REPORT_PREFIX))
        )
    )
    wanted = {(p.id, message) for p, (_, message) in zip(targets, DEMO_REPORTS, strict=False)}
    for report in existing:
        if (report.posting_id, report.message) not in wanted:
            db.session.delete(report)
    present = {(r.posting_id, r.message) for r in existing}
    for n, (posting, (reason, message)) in enumerate(zip(targets, DEMO_REPORTS, strict=False)):
        if (posting.id, message) in present:
            continue
        db.session.add(
            PostingReport(
                posting_id=posting.id,
                reason=ReportReason(reason),
                message=message,
                reporter_email="demo-hinweis@photonik-karriere.example" if n == 0 else None,
                lang="de" if n == 0 else "en",
                created_at=now - timedelta(hours=30 - 20 * n),
            )
        )


def _ensure_demo_revision(orgs: dict[str, Organisation]) -> None:
    """A pending edit of a published posting of the moderated demo employer."""
    from portal.models import PostingRevision, RevisionStatus
    from portal.services.postings import pending_revision, posting_data

    moderated = next(e for e in DEMO_EMPLOYERS if not orgs[e.org_slug].auto_publish)
    candidates = _published_demo_postings({orgs[moderated.org_slug].id})
    if not candidates:
        return
    posting = candidates[0]
    data = posting_data(posting)
    for lang, text in data["texts"].items():
        note = DEMO_REVISION_NOTE[0 if lang == "de" else 1]
        if note not in text["body"]:
            text["body"] = f"{text['body']}\n\n{note}"
    if data.get("remote") == "onsite":
        data["remote"] = "hybrid"
    author = db.session.scalar(sa.select(User).where(User.email == moderated.email))
    revision = pending_revision(posting)
    if revision is None:
        revision = PostingRevision(
            posting=posting,
            status=RevisionStatus.PENDING,
            created_by_id=author.id if author else None,
        )
        db.session.add(revision)
    if revision.data != data:
        revision.data = data


def _ensure_demo_alerts(now: datetime) -> None:
    """Confirmed demo job alerts spread over four months (for the statistics)."""
    import secrets

    from portal.models import AlertFrequency, JobAlert

    for n, days in enumerate(DEMO_ALERT_DAYS, 1):
        email = f"demo-alert-{n:02d}@photonik-karriere.example"
        alert = db.session.scalar(sa.select(JobAlert).where(JobAlert.email == email))
        if alert is None:
            alert = JobAlert(email=email, token=secrets.token_urlsafe(32))
            db.session.add(alert)
        confirmed = now - timedelta(days=days, hours=n)
        assign(
            alert,
            {
                "lang": "de" if n % 3 else "en",
                "query": DEMO_ALERT_QUERIES[n % len(DEMO_ALERT_QUERIES)],
                "filters": {},
                "frequency": AlertFrequency.WEEKLY if n % 2 else AlertFrequency.DAILY,
                "requested_at": confirmed - timedelta(minutes=20),
                "confirmed_at": confirmed,
                "consent_text": "Demo-Suchauftrag (fiktiv) / demo job alert (fictional)",
            },
        )
