"""Statistics: exact figures from known events, month boundaries in Berlin time, CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from flask_babel import force_locale

from portal.extensions import db
from portal.models import (
    DailyStat,
    Employment,
    JobAlert,
    PostingKind,
    PostingStatus,
)
from portal.services import statistics
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def world():
    """Three postings published in Jan/Feb 2025, one before, one never; stats and alerts."""
    member = OrganisationFactory(name="A Mitglied GmbH", member=True)
    other = OrganisationFactory(name="B Gast GmbH", member=False)
    laser = TopicFactory(slug="laser", name_de="Lasertechnik", name_en="Laser technology")
    software = TopicFactory(slug="software", name_de="Software", name_en="Software")
    p1 = PostingFactory(
        organisation=member, kind=PostingKind.JOB, texts={"de": "Eins", "en": "One"},
        published_at=at(2025, 1, 10, 12), submitted_at=at(2025, 1, 10, 2),
        salary_min=50000, leadership=True, employment=Employment.EITHER, topics=[laser],
    )  # fmt: skip
    p2 = PostingFactory(
        organisation=member, kind=PostingKind.INTERNSHIP, texts={"de": "Zwei"},
        published_at=at(2025, 1, 20, 10), submitted_at=at(2025, 1, 19, 10),
        topics=[laser, software],
    )  # fmt: skip
    p3 = PostingFactory(  # 23:30 UTC on 31 Jan is 1 Feb in Berlin
        organisation=other, kind=PostingKind.JOB, texts={"de": "Drei", "en": "Three"},
        status=PostingStatus.EXPIRED, published_at=at(2025, 1, 31, 23, 30),
        submitted_at=at(2025, 1, 31, 21, 30), pay_scale="TV-L E13", leadership=True,
        employment=Employment.FULL_TIME, topics=[software],
    )  # fmt: skip
    p4 = PostingFactory(
        organisation=other, kind=PostingKind.JOB, texts={"de": "Vier"},
        published_at=at(2024, 12, 15, 9), submitted_at=at(2024, 12, 14, 9),
    )  # fmt: skip
    PostingFactory(organisation=member, status=PostingStatus.DRAFT, published_at=None)
    for posting, day, views, clicks in (
        (p1, date(2025, 1, 10), 10, 1),
        (p1, date(2025, 2, 1), 5, 0),
        (p4, date(2025, 1, 2), 7, 2),
        (p3, date(2025, 2, 2), 3, 1),
        (p2, date(2025, 3, 5), 4, 0),
        (p2, date(2025, 4, 1), 99, 9),  # after the period
    ):
        db.session.add(DailyStat(day=day, posting_id=posting.id, views=views, apply_clicks=clicks))
    for n, confirmed in enumerate((at(2025, 1, 5, 8), at(2025, 2, 28, 23, 30), None)):
        db.session.add(
            JobAlert(
                email=f"a{n}@example.org",
                token=f"token-{n}",
                requested_at=at(2025, 1, 1),
                confirmed_at=confirmed,
            )  # fmt: skip
        )
    db.session.flush()
    return {"member": member, "other": other, "p1": p1, "p2": p2, "p3": p3, "p4": p4}


PERIOD = "start=2025-01&end=2025-03"


def _report(lang="en"):
    with force_locale(lang):
        return statistics.report(statistics.Period(date(2025, 1, 1), date(2025, 3, 1)), lang)


def test_monthly_figures(world):
    report = _report()
    assert report.monthly.rows == [
        [date(2025, 1, 1), 2, 17, 3, 1, 17.0, 50.0, 50.0, 100.0],
        [date(2025, 2, 1), 1, 8, 1, 0, 2.0, 100.0, 100.0, 0.0],
        [date(2025, 3, 1), 0, 4, 0, 1, None, None, None, None],
    ]
    s = report.summary
    assert (s.published, s.views, s.apply_clicks, s.alerts, s.median_hours) == (3, 29, 4, 2, 10.0)
    assert (s.with_pay.part, s.with_pay.whole, s.with_pay.percent) == (2, 3, 66.7)
    assert s.bilingual.percent == 66.7
    assert (s.part_time_leadership.part, s.part_time_leadership.whole) == (1, 2)


def test_kinds_topics_organisations(world):
    report = _report()
    kinds = {row[0]: row[1:] for row in report.kinds.rows}
    assert kinds["Job"] == [2, 25, 4, 100.0]
    assert kinds["Internship"] == [1, 4, 0, 0.0]
    assert kinds["Thesis"] == [0, 0, 0, None]
    assert report.topics.rows == [
        ["Laser technology", 2, 2, 19, 1],
        ["Software", 1, 2, 7, 1],
    ]
    assert report.organisations.rows == [
        ["A Mitglied GmbH", True, 2, 19, 1],
        ["B Gast GmbH", False, 1, 10, 3],
    ]
    assert report.organisations.links == [world["member"].id, world["other"].id]


def test_member_summary(world):
    report = statistics.member_report(
        world["member"], statistics.Period(date(2025, 1, 1), date(2025, 3, 1)), "de"
    )
    assert report.months.rows == [
        [date(2025, 1, 1), 2, 10, 1],
        [date(2025, 2, 1), 0, 5, 0],
        [date(2025, 3, 1), 0, 4, 0],
    ]
    rows = {row[1]: row for row in report.postings.rows}
    assert rows["Zwei"][4:] == [date(2025, 1, 20), 4, 0]
    assert rows["Eins"][4:] == [date(2025, 1, 10), 15, 1]
    assert set(rows) == {"Eins", "Zwei"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_statistics_page_shows_figures_and_accessible_charts(as_staff, world, lang):
    response = as_staff.get(f"/{lang}/staff/statistics?{PERIOD}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.count('<svg class="chart"') == 2
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert 'data-table="monthly"' in html and 'data-table="topics"' in html
    assert ("Lasertechnik" if lang == "de" else "Laser technology") in html
    assert f"/{lang}/staff/statistics/organisations/{world['member'].id}" in html
    assert "http://" not in html.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


def _parse(response, delimiter):
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=") and disposition.endswith('.csv"')
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=delimiter))


def test_csv_exports_in_german_use_semicolons_and_decimal_commas(as_staff, world):
    rows = _parse(as_staff.get(f"/de/staff/statistics?{PERIOD}&format=csv&table=monthly"), ";")
    assert rows[0][:3] == ["Monat", "Veröffentlichte Anzeigen", "Aufrufe"]
    assert rows[1] == ["2025-01", "2", "17", "3", "1", "17,0", "50,0", "50,0", "100,0"]
    assert rows[3] == ["2025-03", "0", "4", "0", "1", "", "", "", ""]
    orgs = _parse(
        as_staff.get(f"/de/staff/statistics?{PERIOD}&format=csv&table=organisations"), ";"
    )
    assert orgs[1] == ["A Mitglied GmbH", "Ja", "2", "19", "1"]


@pytest.mark.parametrize("table", ["monthly", "kinds", "topics", "organisations"])
def test_every_statistics_table_exports_as_csv(as_staff, world, table):
    report = _report()
    rows = _parse(as_staff.get(f"/en/staff/statistics?{PERIOD}&format=csv&table={table}"), ",")
    expected = report.tables[table]
    with force_locale("en"):
        assert rows[0] == [str(c.label) for c in expected.columns]
    assert len(rows) == len(expected.rows) + 1


def test_member_csv_exports(as_staff, world):
    url = f"/en/staff/statistics/organisations/{world['member'].id}?{PERIOD}&format=csv"
    months = _parse(as_staff.get(url + "&table=months"), ",")
    assert months[1:] == [["2025-01", "2", "10", "1"], ["2025-02", "0", "5", "0"],
                          ["2025-03", "0", "4", "0"]]  # fmt: skip
    postings = _parse(as_staff.get(url + "&table=postings"), ",")
    assert {row[1] for row in postings[1:]} == {"One", "Zwei"}
    assert as_staff.get(url + "&table=nope").status_code == 404


def test_unknown_table_is_404(as_staff):
    assert as_staff.get("/en/staff/statistics?format=csv&table=secrets").status_code == 404


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ("start=2025-03&end=2025-01", date(2025, 1, 1), date(2025, 3, 1)),  # swapped
        ("start=2020-01&end=2025-06", date(2022, 7, 1), date(2025, 6, 1)),  # at most 36 months
    ],
)
def test_period_is_sane(query, first, last):
    from urllib.parse import parse_qs

    args = {k: v[0] for k, v in parse_qs(query).items()}
    period = statistics.period_for(args["start"], args["end"])
    assert (period.first, period.last) == (first, last)


def test_bad_period_input_is_a_400_with_a_message(as_staff):
    response = as_staff.get("/de/staff/statistics?start=2025-13x")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Bitte geben Sie einen Monat als JJJJ-MM ein." in html and "2025-13x" in html


def test_statistics_default_to_the_last_six_months(as_staff):
    html = as_staff.get("/en/staff/statistics").get_data(as_text=True)
    assert html.count("<tr>") >= 6
    assert html.count('<svg class="chart"') == 2
