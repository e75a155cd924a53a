"""The dashboard's figures (from DailyStat), the per-posting page with its SVG chart, the demo."""

from __future__ import annotations

import re
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.models import DailyStat, Membership, PostingStatus, User, utcnow
from portal.services import charts, demo, stats
from tests.factories import PostingFactory

S = PostingStatus


def _stat(posting, days_ago: int, views: int, clicks: int = 0, hits: int = 0) -> None:
    db.session.add(
        DailyStat(
            day=utcnow().date() - timedelta(days=days_ago),
            posting_id=posting.id,
            views=views,
            apply_clicks=clicks,
            alert_hits=hits,
        )
    )
    db.session.flush()


def _row(body: str, title: str) -> str:
    match = re.search(rf"<tr>\s*<td>\s*<a [^>]*>{re.escape(title)}</a>.*?</tr>", body, re.S)
    assert match, title
    return match.group(0)


def _numbers(row: str) -> list[str]:
    return re.findall(r'<td class="num">([^<]*)</td>', row)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_dashboard_groups_by_status_with_figures(client_for, owner, organisation, lang):
    live = PostingFactory(organisation=organisation, texts={"de": "Laserphysiker*in"},
                          published_at=utcnow() - timedelta(days=3),
                          expires_at=utcnow() + timedelta(days=12, hours=1))  # fmt: skip
    _stat(live, 2, 1200, 30, 4)
    _stat(live, 1, 34, 2, 1)
    PostingFactory(organisation=organisation, status=S.DRAFT, texts={"de": "Entwurf*in"})
    PostingFactory(organisation=organisation, status=S.REJECTED, texts={"de": "Abgelehnt*in"},
                   rejection_reason="Bitte Gehalt nennen.")  # fmt: skip
    PostingFactory(texts={"de": "Fremde Anzeige"})  # another organisation's
    body = client_for(owner).get(f"/{lang}/employer/").get_data(as_text=True)
    assert "Fremde Anzeige" not in body
    sections = re.findall(r'<h2 id="section-(\w+)">', body)
    assert sections == ["rejected", "draft", "published"]
    row = _row(body, "Laserphysiker*in")
    assert _numbers(row) == (["1.234", "32", "5"] if lang == "de" else ["1,234", "32", "5"])
    assert ("noch 12 Tage" if lang == "de" else "12 days left") in row
    assert "Bitte Gehalt nennen." in _row(body, "Abgelehnt*in")
    assert "/submit" in _row(body, "Entwurf*in") and "/submit" not in row
    assert "/close" in row and "days=" not in row and 'name="days" value="30"' in row


def test_dashboard_empty_state(client_for, owner):
    body = client_for(owner).get("/en/employer/").get_data(as_text=True)
    assert "You have no postings yet." in body


def test_totals_and_series_from_daily_stats(posting):
    _stat(posting, 0, 5, 1, 0)
    _stat(posting, 1, 7, 0, 2)
    totals = stats.totals([posting.id, 999_999])
    assert totals[posting.id] == stats.Totals(12, 1, 2)
    assert totals[999_999] == stats.Totals()
    series = stats.daily_series(posting)
    assert series[-1].day == utcnow().date()
    assert [d.views for d in series[-2:]] == [7, 5]
    assert all(d.views == 0 for d in series[:-2])  # days without a row are zeros
    assert series[0].day == posting.published_at.date()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_posting_page_has_an_accessible_svg_chart_and_table(client_for, owner, posting, lang):
    _stat(posting, 1, 40, 3)
    _stat(posting, 0, 10, 1)
    body = client_for(owner).get(f"/{lang}/employer/postings/{posting.id}").get_data(as_text=True)
    svg = re.search(r"<svg.*?</svg>", body, re.S).group(0)
    root = ElementTree.fromstring(svg)  # well-formed
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    assert root.find(f"{ns}title").get("id") == labelled[0]
    assert root.find(f"{ns}desc").get("id") == labelled[1]
    desc = root.find(f"{ns}desc").text
    assert ("50 Aufrufe" if lang == "de" else "50 views") in desc
    assert len(root.findall(f"{ns}polyline")) == 2
    assert "<script" not in svg and "style=" not in svg
    table = re.search(r'<details class="chart-table">.*?</details>', body, re.S).group(0)
    assert table.count("<tr>") == len(stats.daily_series(posting)) + 1
    assert '<th scope="row">' in table


def test_chart_of_a_single_day_uses_dots_and_escapes_text():
    svg = charts.line_chart(
        ["1.1."], [charts.Line("<Views>", [3], "views")], title="a & b", desc="<desc>"
    )
    root = ElementTree.fromstring(str(svg))
    assert root.findall("{http://www.w3.org/2000/svg}circle")
    assert "&lt;Views&gt;" in str(svg) and "a &amp; b" in str(svg)


@pytest.mark.parametrize(("value", "ceiling"), [(0, 4), (3, 4), (5, 8), (7, 8), (11, 20),
                                                 (51, 80), (1234, 2000)])  # fmt: skip
def test_chart_scale_is_round(value, ceiling):
    assert charts.nice_ceiling(value) == ceiling


def test_daily_series_is_capped(posting):
    posting.published_at = utcnow() - timedelta(days=400)
    posting.expires_at = utcnow() + timedelta(days=1)
    series = stats.daily_series(posting, today=date.today())
    assert len(series) == stats.MAX_CHART_DAYS


# --- demo logins -------------------------------------------------------------------------------


def test_demo_employers_cover_every_status_and_seed_idempotently(client_for):
    counts = demo.seed_demo()
    assert counts["employer logins"] == 2
    users = [
        db.session.scalar(sa.select(User).where(User.email == spec.email))
        for spec in demo.DEMO_EMPLOYERS
    ]
    statuses = set()
    for user, spec in zip(users, demo.DEMO_EMPLOYERS, strict=True):
        assert user.email.endswith(".example") and user.email_verified_at is not None
        [membership] = user.memberships
        assert membership.organisation.slug == spec.org_slug and membership.organisation.is_demo
        assert membership.role.value == "owner" and membership.approved
        statuses |= {p.status for p in membership.organisation.postings}
        from portal.services.passwords import verify_password

        assert verify_password(user.password_hash, demo.DEMO_PASSWORD)
    assert statuses == set(PostingStatus)
    public = [p for u in users for p in u.memberships[0].organisation.postings if p.published_at]
    stat_views = stats.totals([p.id for p in public])
    assert all(stat_views[p.id].views == p.view_count for p in public)

    ids = sorted(u.id for u in users)
    stat_count = db.session.scalar(sa.select(sa.func.count()).select_from(DailyStat))
    demo.seed_demo()
    db.session.expire_all()
    assert sorted(u.id for u in db.session.scalars(
        sa.select(User).where(User.email.in_([s.email for s in demo.DEMO_EMPLOYERS])))) == ids  # fmt: skip
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Membership)) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DailyStat)) == stat_count

    # the demo login sees its dashboard
    body = client_for(users[0]).get("/de/employer/").get_data(as_text=True)
    assert "Lichtwerk" in body and 'id="section-suspended"' in body
