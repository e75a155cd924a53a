"""What the portal achieves, in figures: per month and per kind, topic and organisation.

The cluster surveys its members every two years for a growth report; these figures feed it.
Each table is plain data (`Table`: columns and rows of raw values) that the staff console
shows as HTML and exports as CSV, so both always agree.

Definitions
- A month is a calendar month in the portal's time zone (Europe/Berlin). A `DailyStat` row
  belongs to the month of its `day`.
- Postings published: postings whose (first) publication, `published_at`, falls in the month —
  whatever their status today; expired, closed and suspended ones count.
- Views, apply clicks: the sums of `DailyStat` over the days of the month.
- Alert subscriptions: job alerts whose double opt-in was completed (`confirmed_at`) in the
  month. Alerts are deleted when unsubscribed, so this counts subscriptions that still exist.
- Median time to publish: the median of `published_at − submitted_at` in hours over the
  postings published in the month that went through submission (trusted organisations that
  publish without moderation count with their near-zero time).
- With pay information: the share of postings published with a pay range or a pay scale
  (EU pay-transparency directive 2023/970, Art. 5).
- In both languages: the share of postings published with a German and an English text.
- Part-time leadership: of the leadership posts published, the share open to part-time work
  (employment `part_time` or `either`).
- Demand by topic: postings published per topic (one posting counts for each of its topics),
  by cluster members and by everybody.

CSV: UTF-8 with a byte-order mark (so German Excel detects the encoding), CRLF line ends, a
header row in the language of the page. `/de/…` exports use `;` between fields and a decimal
comma (what Excel expects with German settings); `/en/…` exports use `,` and a decimal point.
"""

from __future__ import annotations

import csv
import io
import re
import statistics as pystats
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from portal.extensions import db
from portal.labels import label
from portal.models import (
    DailyStat,
    Employment,
    JobAlert,
    Organisation,
    Posting,
    PostingKind,
    PostingText,
    Topic,
    posting_topics,
    utcnow,
)

MAX_MONTHS = 36
DEFAULT_MONTHS = 6
PART_TIME = (Employment.PART_TIME, Employment.EITHER)


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Europe/Berlin"))


# --- the period ------------------------------------------------------------------------------


def _add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def parse_month(value: str | None) -> date | None:
    """'2025-03' → date(2025, 3, 1); None for anything else."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", (value or "").strip())
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


@dataclass(frozen=True)
class Period:
    """Whole calendar months from `first` to `last` (both the first day of their month)."""

    first: date
    last: date

    @property
    def months(self) -> list[date]:
        months, month = [], self.first
        while month <= self.last:
            months.append(month)
            month = _add_months(month, 1)
        return months

    @property
    def first_day(self) -> date:
        return self.first

    @property
    def last_day(self) -> date:
        return _add_months(self.last, 1) - timedelta(days=1)

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes: local midnight of the first and the next month."""
        zone = _zone()
        return (
            datetime.combine(self.first, time(), zone),
            datetime.combine(_add_months(self.last, 1), time(), zone),
        )

    @property
    def slug(self) -> str:
        return f"{self.first:%Y-%m}_{self.last:%Y-%m}"


def this_month(now: datetime | None = None) -> date:
    today = (now or utcnow()).astimezone(_zone()).date()
    return today.replace(day=1)


def period_for(first: str | None, last: str | None, now: datetime | None = None) -> Period:
    """The months asked for (`YYYY-MM`), by default the last six; at most 36, in order."""
    current = this_month(now)
    end = parse_month(last) or current
    start = parse_month(first) or _add_months(end, -(DEFAULT_MONTHS - 1))
    if start > end:
        start, end = end, start
    if (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
        start = _add_months(end, -(MAX_MONTHS - 1))
    return Period(start, end)


# --- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.part / self.whole, 1) if self.whole else None


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    kind: str = "int"  # text, int, percent, hours, month, day, bool


@dataclass
class Table:
    key: str
    title: Any
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    links: list[int | None] = field(default_factory=list)  # an id per row, for the HTML view

    def column(self, key: str) -> list[Any]:
        index = [c.key for c in self.columns].index(key)
        return [row[index] for row in self.rows]


# --- raw facts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostingFact:
    id: int
    kind: PostingKind
    organisation_id: int
    member: bool
    month: date
    hours_to_publish: float | None
    has_pay: bool
    bilingual: bool
    leadership: bool
    part_time: bool


def _facts(period: Period, organisation_id: int | None = None) -> list[PostingFact]:
    """One fact per posting published in the period."""
    start, end = period.bounds()
    languages = (
        sa.select(sa.func.count(sa.distinct(PostingText.lang)))
        .where(PostingText.posting_id == Posting.id)
        .correlate(Posting)
        .scalar_subquery()
    )
    stmt = (
        sa.select(
            Posting.id,
            Posting.kind,
            Posting.organisation_id,
            Organisation.member,
            Posting.published_at,
            Posting.submitted_at,
            Posting.salary_min,
            Posting.salary_max,
            Posting.pay_scale,
            Posting.leadership,
            Posting.employment,
            languages,
        )
        .join(Organisation, Organisation.id == Posting.organisation_id)
        .where(Posting.published_at >= start, Posting.published_at < end)
        .order_by(Posting.id)
    )
    if organisation_id is not None:
        stmt = stmt.where(Posting.organisation_id == organisation_id)
    zone = _zone()
    facts = []
    for row in db.session.execute(stmt):
        (pid, kind, org_id, member, published, submitted, low, high, scale, lead, emp, langs) = row
        hours = None
        if submitted is not None and submitted <= published:
            hours = (published - submitted).total_seconds() / 3600
        facts.append(
            PostingFact(
                id=pid,
                kind=kind,
                organisation_id=org_id,
                member=bool(member),
                month=published.astimezone(zone).date().replace(day=1),
                hours_to_publish=hours,
                has_pay=low is not None or high is not None or bool((scale or "").strip()),
                bilingual=(langs or 0) >= 2,
                leadership=bool(lead),
                part_time=emp in PART_TIME,
            )
        )
    return facts


def _stat_rows(period: Period, group: Any = None, organisation_id: int | None = None):
    """DailyStat sums (views, apply clicks) over the period, grouped by `group` (a column)."""
    columns = [sa.func.sum(DailyStat.views), sa.func.sum(DailyStat.apply_clicks)]
    stmt = (
        sa.select(*([group] if group is not None else []), *columns)
        .select_from(DailyStat)
        .join(Posting, Posting.id == DailyStat.posting_id)
        .where(DailyStat.day >= period.first_day, DailyStat.day <= period.last_day)
    )
    if organisation_id is not None:
        stmt = stmt.where(Posting.organisation_id == organisation_id)
    if group is not None:
        stmt = stmt.group_by(group)
    return db.session.execute(stmt).all()


def _stats_by_month(period: Period, organisation_id: int | None = None) -> dict[date, tuple]:
    sums: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day, views, clicks in _stat_rows(period, DailyStat.day, organisation_id):
        month = day.replace(day=1)
        sums[month][0] += int(views or 0)
        sums[month][1] += int(clicks or 0)
    return {month: tuple(values) for month, values in sums.items()}


def _alerts_by_month(period: Period) -> Counter:
    start, end = period.bounds()
    zone = _zone()
    confirmed = db.session.scalars(
        sa.select(JobAlert.confirmed_at).where(
            JobAlert.confirmed_at >= start, JobAlert.confirmed_at < end
        )
    )
    return Counter(when.astimezone(zone).date().replace(day=1) for when in confirmed)


def _median(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(pystats.median(present), 1) if present else None


def _shares(facts: list[PostingFact]) -> tuple[Share, Share, Share]:
    leaders = [f for f in facts if f.leadership]
    return (
        Share(sum(f.has_pay for f in facts), len(facts)),
        Share(sum(f.bilingual for f in facts), len(facts)),
        Share(sum(f.part_time for f in leaders), len(leaders)),
    )


# --- the figures -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Key figures of a period (the same definitions as the monthly table)."""

    published: int
    views: int
    apply_clicks: int
    alerts: int
    median_hours: float | None
    with_pay: Share
    bilingual: Share
    part_time_leadership: Share


MONTHLY_COLUMNS = [
    Column("month", _l("Month"), "month"),
    Column("published", _l("Postings published")),
    Column("views", _l("Views")),
    Column("apply_clicks", _l("Apply clicks")),
    Column("alerts", _l("Alert subscriptions")),
    Column("median_hours", _l("Median hours to publish"), "hours"),
    Column("with_pay", _l("With pay information (%)"), "percent"),
    Column("bilingual", _l("In both languages (%)"), "percent"),
    Column("part_time_leadership", _l("Leadership posts open to part-time (%)"), "percent"),
]


@dataclass
class Report:
    period: Period
    summary: Summary
    monthly: Table
    kinds: Table
    topics: Table
    organisations: Table

    @property
    def tables(self) -> dict[str, Table]:
        return {t.key: t for t in (self.monthly, self.kinds, self.topics, self.organisations)}


def report(period: Period, lang: str = "de") -> Report:
    """All tables of the statistics page for `period`."""
    facts = _facts(period)
    stats = _stats_by_month(period)
    alerts = _alerts_by_month(period)
    monthly = Table("monthly", _l("Per month"), MONTHLY_COLUMNS)
    for month in period.months:
        of_month = [f for f in facts if f.month == month]
        pay, both, part = _shares(of_month)
        views, clicks = stats.get(month, (0, 0))
        monthly.rows.append(
            [
                month,
                len(of_month),
                views,
                clicks,
                alerts.get(month, 0),
                _median(f.hours_to_publish for f in of_month),
                pay.percent,
                both.percent,
                part.percent,
            ]
        )
    pay, both, part = _shares(facts)
    summary = Summary(
        published=len(facts),
        views=sum(v for v, _ in stats.values()),
        apply_clicks=sum(c for _, c in stats.values()),
        alerts=sum(alerts.values()),
        median_hours=_median(f.hours_to_publish for f in facts),
        with_pay=pay,
        bilingual=both,
        part_time_leadership=part,
    )
    return Report(
        period,
        summary,
        monthly,
        _kinds_table(period, facts),
        _topics_table(period, facts, lang),
        _organisations_table(period, facts),
    )


def _kinds_table(period: Period, facts: list[PostingFact]) -> Table:
    table = Table(
        "kinds",
        _l("Per kind of posting"),
        [
            Column("kind", _l("Kind"), "text"),
            Column("published", _l("Postings published")),
            Column("views", _l("Views")),
            Column("apply_clicks", _l("Apply clicks")),
            Column("with_pay", _l("With pay information (%)"), "percent"),
        ],
    )
    stats = {kind: (int(v or 0), int(c or 0)) for kind, v, c in _stat_rows(period, Posting.kind)}
    for kind in PostingKind:
        of_kind = [f for f in facts if f.kind == kind]
        views, clicks = stats.get(kind, (0, 0))
        table.rows.append([label(kind), len(of_kind), views, clicks, _shares(of_kind)[0].percent])
    return table


def _topics_table(period: Period, facts: list[PostingFact], lang: str) -> Table:
    """Demand by topic: what members (and everybody) sought in the period."""
    table = Table(
        "topics",
        _l("Demand by topic"),
        [
            Column("topic", _l("Topic"), "text"),
            Column("members", _l("Postings by cluster members")),
            Column("published", _l("All postings published")),
            Column("views", _l("Views")),
            Column("apply_clicks", _l("Apply clicks")),
        ],
    )
    by_id = {f.id: f for f in facts}
    topic_of: dict[int, list[int]] = defaultdict(list)
    if by_id:
        rows = db.session.execute(
            sa.select(posting_topics.c.topic_id, posting_topics.c.posting_id).where(
                posting_topics.c.posting_id.in_(list(by_id))
            )
        )
        for topic_id, posting_id in rows:
            topic_of[topic_id].append(posting_id)
    stats = {topic_id: (int(v or 0), int(c or 0)) for topic_id, v, c in _stat_rows_by_topic(period)}
    topics = db.session.scalars(sa.select(Topic)).all()
    rows_out = []
    for topic in topics:
        ids = topic_of.get(topic.id, [])
        members = sum(1 for i in ids if by_id[i].member)
        views, clicks = stats.get(topic.id, (0, 0))
        rows_out.append((topic.name(lang), members, len(ids), views, clicks))
    rows_out.sort(key=lambda r: (-r[1], -r[2], -r[3], r[0].lower()))
    table.rows = [list(r) for r in rows_out]
    return table


def _stat_rows_by_topic(period: Period):
    stmt = (
        sa.select(
            posting_topics.c.topic_id,
            sa.func.sum(DailyStat.views),
            sa.func.sum(DailyStat.apply_clicks),
        )
        .join(posting_topics, posting_topics.c.posting_id == DailyStat.posting_id)
        .where(DailyStat.day >= period.first_day, DailyStat.day <= period.last_day)
        .group_by(posting_topics.c.topic_id)
    )
    return db.session.execute(stmt).all()


def _organisations_table(period: Period, facts: list[PostingFact]) -> Table:
    table = Table(
        "organisations",
        _l("Per organisation"),
        [
            Column("organisation", _l("Organisation"), "text"),
            Column("member", _l("Cluster member"), "bool"),
            Column("published", _l("Postings published")),
            Column("views", _l("Views")),
            Column("apply_clicks", _l("Apply clicks")),
        ],
    )
    published = Counter(f.organisation_id for f in facts)
    stats = {
        org_id: (int(v or 0), int(c or 0))
        for org_id, v, c in _stat_rows(period, Posting.organisation_id)
    }
    wanted = set(published) | {org_id for org_id, (v, c) in stats.items() if v or c}
    if not wanted:
        return table
    orgs = db.session.scalars(
        sa.select(Organisation).where(Organisation.id.in_(wanted)).order_by(Organisation.name)
    ).all()
    for org in orgs:
        views, clicks = stats.get(org.id, (0, 0))
        table.rows.append([org.name, org.member, published.get(org.id, 0), views, clicks])
        table.links.append(org.id)
    return table


# --- one member's summary ----------------------------------------------------------------------


@dataclass
class MemberReport:
    organisation: Organisation
    period: Period
    months: Table
    postings: Table

    @property
    def tables(self) -> dict[str, Table]:
        return {t.key: t for t in (self.months, self.postings)}


def member_report(organisation: Organisation, period: Period, lang: str = "de") -> MemberReport:
    """What one organisation's postings achieved, per month and per posting."""
    facts = _facts(period, organisation.id)
    stats = _stats_by_month(period, organisation.id)
    months = Table(
        "months",
        _l("Per month"),
        [
            Column("month", _l("Month"), "month"),
            Column("published", _l("Postings published")),
            Column("views", _l("Views")),
            Column("apply_clicks", _l("Apply clicks")),
        ],
    )
    for month in period.months:
        views, clicks = stats.get(month, (0, 0))
        months.rows.append([month, sum(1 for f in facts if f.month == month), views, clicks])
    per_posting = {
        pid: (int(v or 0), int(c or 0))
        for pid, v, c in _stat_rows(period, DailyStat.posting_id, organisation.id)
    }
    ids = set(per_posting) | {f.id for f in facts}
    postings_table = Table(
        "postings",
        _l("Per posting"),
        [
            Column("id", _l("No."), "text"),
            Column("title", _l("Title"), "text"),
            Column("kind", _l("Kind"), "text"),
            Column("status", _l("Status"), "text"),
            Column("published_on", _l("Published"), "day"),
            Column("views", _l("Views")),
            Column("apply_clicks", _l("Apply clicks")),
        ],
    )
    if ids:
        rows = db.session.scalars(
            sa.select(Posting)
            .where(Posting.id.in_(ids))
            .order_by(Posting.published_at.desc().nulls_last(), Posting.id.desc())
        ).all()
        zone = _zone()
        for posting in rows:
            views, clicks = per_posting.get(posting.id, (0, 0))
            published = (
                posting.published_at.astimezone(zone).date() if posting.published_at else None
            )
            postings_table.rows.append(
                [
                    str(posting.id),
                    posting.text(lang).title,
                    label(posting.kind),
                    label(posting.status),
                    published,
                    views,
                    clicks,
                ]
            )
            postings_table.links.append(posting.id)
    return MemberReport(organisation, period, months, postings_table)


# --- chart data ------------------------------------------------------------------------------


def series(table: Table, key: str) -> list[int]:
    """A numeric column as chart values (None as 0)."""
    return [int(value or 0) for value in table.column(key)]


# --- CSV -------------------------------------------------------------------------------------


def _format_number(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def csv_cell(value: Any, kind: str, lang: str) -> str:
    if value is None:
        return ""
    if kind == "month":
        return f"{value:%Y-%m}"
    if kind == "day":
        return value.isoformat()
    if kind in ("percent", "hours"):
        return _format_number(float(value), lang)
    if kind == "bool":
        return str(_l("Yes") if value else _l("No"))
    return str(value)


def to_csv(table: Table, lang: str) -> str:
    """The table as CSV text for `lang` (see the module docstring), with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "de" else ",", lineterminator="\r\n")
    writer.writerow([str(column.label) for column in table.columns])
    for row in table.rows:
        writer.writerow(
            [
                csv_cell(value, column.kind, lang)
                for value, column in zip(row, table.columns, strict=True)
            ]
        )
    return "\ufeff" + out.getvalue()


def csv_rows(header: list[str], rows: Iterable[Iterable[Any]], lang: str) -> str:
    """Any rows of plain strings as CSV in the same format (the audit log export)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "de" else ",", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    return "\ufeff" + out.getvalue()
