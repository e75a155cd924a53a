"""`flask portal stats --month` prints the statistics page's tables."""

import csv
import io
from datetime import UTC, datetime

from portal.models import DailyStat, PostingKind
from tests.factories import PostingFactory


def test_stats_for_a_month_as_text_and_csv(runner, db):
    published = datetime(2026, 10, 14, 9, tzinfo=UTC)
    posting = PostingFactory(
        kind=PostingKind.PHD,
        published_at=published,
        submitted_at=datetime(2026, 10, 13, 9, tzinfo=UTC),
        pay_scale="TV-L E13",
    )
    db.session.add(
        DailyStat(
            day=published.date(), posting_id=posting.id, views=7, apply_clicks=2, alert_hits=0
        )
    )
    db.session.commit()

    text = runner.invoke(args=["portal", "stats", "--month", "2026-10"])
    assert text.exit_code == 0, text.output
    assert "Per month" in text.output and "PhD position" in text.output

    as_csv = runner.invoke(args=["portal", "stats", "--month", "2026-10", "--csv"])
    monthly = as_csv.output.split("# ")[1].split("\n", 1)[1]
    rows = list(csv.reader(io.StringIO(monthly)))
    assert rows[1][1:4] == ["1", "7", "2"]  # published, views, apply clicks

    german = runner.invoke(args=["portal", "stats", "--month", "2026-10", "--lang", "de"])
    assert "Promotionsstelle" in german.output


def test_stats_rejects_a_bad_month(runner):
    result = runner.invoke(args=["portal", "stats", "--month", "October"])
    assert result.exit_code == 2
    assert "YYYY-MM" in result.output
