"""Job alerts: double opt-in, consent proof, digests, no duplicates, one-click unsubscribe."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal.models import AlertDelivery, AlertFrequency, DailyStat, JobAlert, PostingKind, utcnow
from portal.services import alerts
from portal.services.mail import outbox_messages
from tests.factories import PostingFactory


def _subscribe(client, lang="en", query="q=Laser&city=Jena", **data):
    form = {
        "email": "Ada@Example.org",
        "frequency": "daily",
        "language": lang,
        "consent": "y",
        "q": "Laser",
        "city": "Jena",
    }
    form.update(data)
    return client.post(f"/{lang}/alerts/new?{query}", data=form)


def _alert(db) -> JobAlert:
    return db.session.scalar(sa.select(JobAlert))


def _confirmed_alert(db, **values) -> JobAlert:
    alert = JobAlert(
        email="ada@example.org",
        lang="en",
        query="Laser",
        filters={"city": ["Jena"]},
        frequency=AlertFrequency.DAILY,
        token="tok-" + "x" * 20,
        requested_at=utcnow() - timedelta(days=2),
        confirmed_at=utcnow() - timedelta(days=2),
        consent_text="I agree",
    )
    for key, value in values.items():
        setattr(alert, key, value)
    db.session.add(alert)
    db.session.flush()
    return alert


@pytest.mark.parametrize(
    ("lang", "words"), [("de", "Neue Treffer per E-Mail"), ("en", "Email me new matches")]
)
def test_list_page_offers_the_current_search_as_alert(client, lang, words):
    html = client.get(f"/{lang}/jobs?q=Laser&city=Jena&page=2&lang=en").get_data(as_text=True)
    assert words in html
    assert f'href="/{lang}/alerts/new?q=Laser&amp;city=Jena&amp;lang=en"' in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_new_alert_form_shows_the_search(client, lang):
    html = client.get(f"/{lang}/alerts/new?q=Laser&kind=phd&kind=bogus").get_data(as_text=True)
    assert "„Laser“" in html
    assert 'name="kind" value="phd"' in html
    assert 'value="bogus"' not in html


def test_subscribe_stores_consent_and_mails_confirmation_only(client, db):
    response = _subscribe(client, lang="de", query="q=Laser&city=Jena")
    assert response.status_code == 200
    assert "Bitte bestätigen" in response.get_data(as_text=True)
    alert = _alert(db)
    assert alert.email == "ada@example.org"
    assert alert.confirmed_at is None
    assert alert.filters == {"city": ["Jena"]}
    assert "abmelden" in alert.consent_text  # the German text that was shown
    messages = outbox_messages()
    assert len(messages) == 1
    assert messages[0]["To"] == "Ada@Example.org".lower()
    assert "bestätigen" in messages[0]["Subject"].lower()
    assert f"/de/alerts/confirm/{alert.token}" in messages[0].get_body(("plain",)).get_content()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"consent": ""}, "agree"),
        ({"frequency": "hourly"}, "valid choice"),
        ({"email": "a" * 250 + "@x.org"}, "254"),
        ({"q": "x" * 201}, "200"),
    ],
)
def test_subscribe_bad_input_is_400_and_keeps_input(client, db, data, message):
    response = _subscribe(client, **data)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html.lower() or message in html
    assert db.session.scalar(sa.select(sa.func.count(JobAlert.id))) == 0
    assert outbox_messages() == []
    if "email" not in data:
        assert 'value="ada@example.org"' in html.lower()


def test_nothing_is_sent_before_confirmation(client, db, app):
    _subscribe(client)
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert report.mailed == 0
    assert len(outbox_messages()) == 1  # only the confirmation


def test_confirm_needs_a_post_then_activates(client, db):
    _subscribe(client)
    alert = _alert(db)
    page = client.get(f"/en/alerts/confirm/{alert.token}")
    assert page.status_code == 200
    db.session.refresh(alert)
    assert alert.confirmed_at is None  # a mail scanner's GET confirms nothing
    response = client.post(f"/en/alerts/confirm/{alert.token}")
    assert response.status_code == 303
    db.session.refresh(alert)
    assert alert.confirmed_at is not None and alert.requested_at <= alert.confirmed_at


@pytest.mark.parametrize("token", ["nope", "x" * 65, "' OR 1=1"])
def test_unknown_token_pages(client, token):
    for path in (
        f"/de/alerts/confirm/{token}",
        f"/de/alerts/{token}",
        f"/de/alerts/{token}/unsubscribe",
    ):
        response = client.get(path)
        assert response.status_code == 404
        assert "nicht mehr gültig" in response.get_data(as_text=True)


def test_unconfirmed_alert_expires_after_seven_days(client, db, app):
    _subscribe(client)
    alert = _alert(db)
    alert.requested_at = utcnow() - timedelta(days=8)
    db.session.commit()
    assert client.get(f"/en/alerts/confirm/{alert.token}").status_code == 404
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert report.deleted == 1
    assert db.session.scalar(sa.select(sa.func.count(JobAlert.id))) == 0


@pytest.mark.parametrize("lang", ["de", "en"])
def test_digest_lists_new_matches_in_the_alert_language(db, app, lang):
    alert = _confirmed_alert(db, lang=lang)
    match = PostingFactory(
        texts={"de": "Laseringenieur (m/w/d)", "en": "Laser engineer"}, cities=["Jena"]
    )
    PostingFactory(texts={"en": "Laser engineer Erfurt"}, cities=["Erfurt"])  # other city
    PostingFactory(texts={"en": "Accountant"}, cities=["Jena"])  # other words
    PostingFactory(
        texts={"en": "Old laser job"}, cities=["Jena"], published_at=utcnow() - timedelta(days=5)
    )  # before confirmation
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert (report.mailed, report.postings) == (1, 1)
    [message] = outbox_messages()
    text = message.get_body(("plain",)).get_content()
    title = "Laseringenieur (m/w/d)" if lang == "de" else "Laser engineer"
    assert (
        title in text
        and "Erfurt" not in text
        and "Accountant" not in text
        and "Old laser" not in text
    )
    assert ("neues Angebot" if lang == "de" else "new posting") in message["Subject"]
    assert (
        message["List-Unsubscribe"].strip()
        == f"<http://portal.test/{lang}/alerts/{alert.token}/unsubscribe>"
    )
    assert message["List-Unsubscribe-Post"].strip() == "List-Unsubscribe=One-Click"
    assert message.get_body(("html",)) is not None
    stat = db.session.scalar(sa.select(DailyStat).where(DailyStat.posting_id == match.id))
    assert stat.alert_hits == 1


def test_running_twice_sends_nothing_twice(db, app):
    _confirmed_alert(db)
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    with app.test_request_context():
        first = alerts.send_due(AlertFrequency.DAILY)
        second = alerts.send_due(AlertFrequency.DAILY, now=utcnow() + timedelta(days=1))
    assert (first.mailed, second.mailed) == (1, 0)
    assert len(outbox_messages()) == 1


def test_nothing_matched_sends_nothing(db, app):
    alert = _confirmed_alert(db)
    PostingFactory(texts={"en": "Accountant"}, cities=["Jena"])
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert report.mailed == 0 and outbox_messages() == []
    assert alert.last_sent_at is None


def test_weekly_alerts_are_not_sent_by_the_daily_run(db, app):
    _confirmed_alert(db, frequency=AlertFrequency.WEEKLY)
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    with app.test_request_context():
        assert alerts.send_due(AlertFrequency.DAILY).mailed == 0
        assert alerts.send_due(AlertFrequency.WEEKLY).mailed == 1


def test_crash_in_the_middle_resumes_without_duplicates(db, app, monkeypatch):
    first = _confirmed_alert(db, token="first-token-xxxxxxxxxxxx", email="a@example.org")
    second = _confirmed_alert(db, token="second-token-xxxxxxxxxxx", email="b@example.org")
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    from portal.services import mail

    real_send = mail.send

    def failing_for_b(message):
        if message["To"] == "b@example.org":
            raise mail.MailError("SMTP down")
        real_send(message)

    monkeypatch.setattr(mail, "send", failing_for_b)
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert (report.mailed, report.failed) == (1, 1)
    assert db.session.get(JobAlert, second.id).last_sent_at is None
    monkeypatch.setattr(mail, "send", real_send)
    with app.test_request_context():
        again = alerts.send_due(AlertFrequency.DAILY)
    assert again.mailed == 1
    recipients = [m["To"] for m in outbox_messages()]
    assert sorted(recipients) == ["a@example.org", "b@example.org"]
    deliveries = db.session.scalars(sa.select(AlertDelivery.alert_id)).all()
    assert sorted(deliveries) == sorted([first.id, second.id])


def test_cli_reports_and_fails_on_errors(runner, db):
    _confirmed_alert(db)
    PostingFactory(texts={"en": "Laser engineer"}, cities=["Jena"])
    db.session.commit()
    result = runner.invoke(args=["portal", "send-alerts", "--frequency", "daily"])
    assert result.exit_code == 0, result.output
    assert "mailed 1 alerts (1 postings)" in result.output
    bad = runner.invoke(args=["portal", "send-alerts", "--frequency", "hourly"])
    assert bad.exit_code == 2


def test_one_click_unsubscribe_by_post_deletes_the_alert(client, db):
    alert = _confirmed_alert(db)
    response = client.post(
        f"/en/alerts/{alert.token}/unsubscribe", data={"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(JobAlert.id))) == 0


def test_unsubscribe_link_opened_in_a_browser_asks_first(client, db):
    alert = _confirmed_alert(db)
    response = client.get(f"/de/alerts/{alert.token}/unsubscribe")
    assert response.status_code == 200
    assert db.session.scalar(sa.select(sa.func.count(JobAlert.id))) == 1


def test_manage_changes_frequency_language_and_filters(client, db):
    alert = _confirmed_alert(db, filters={"city": ["Jena"], "kind": ["phd"]})
    page = client.get(f"/en/alerts/{alert.token}")
    assert page.status_code == 200
    assert "Jena" in page.get_data(as_text=True)
    response = client.post(
        f"/en/alerts/{alert.token}",
        data={"q": "Optik", "frequency": "weekly", "language": "de", "keep-kind": "on"},
    )
    assert response.status_code == 303
    db.session.refresh(alert)
    assert (alert.query, alert.frequency, alert.lang) == ("Optik", AlertFrequency.WEEKLY, "de")
    assert alert.filters == {"kind": ["phd"]}


def test_manage_bad_input_keeps_the_alert(client, db):
    alert = _confirmed_alert(db)
    response = client.post(
        f"/en/alerts/{alert.token}", data={"q": "x" * 300, "frequency": "weekly", "language": "en"}
    )
    assert response.status_code == 400
    db.session.refresh(alert)
    assert alert.query == "Laser"


def test_yearly_question_and_deletion_when_unanswered(client, db, app):
    alert = _confirmed_alert(db, confirmed_at=utcnow() - timedelta(days=370))
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert report.reconfirm_requests == 1
    [message] = outbox_messages()
    assert f"/en/alerts/{alert.token}" in message.get_body(("plain",)).get_content()
    db.session.refresh(alert)
    assert alert.reconfirm_requested_at is not None
    # Saving the alert answers the question …
    client.post(
        f"/en/alerts/{alert.token}", data={"q": "Laser", "frequency": "daily", "language": "en"}
    )
    db.session.refresh(alert)
    assert alert.reconfirm_requested_at is None and alert.confirmed_at > utcnow() - timedelta(
        minutes=1
    )
    # … and an unanswered question deletes the alert after 30 days.
    alert.confirmed_at = utcnow() - timedelta(days=400)
    alert.reconfirm_requested_at = utcnow() - timedelta(days=31)
    db.session.commit()
    with app.test_request_context():
        assert alerts.send_due(AlertFrequency.DAILY).deleted == 1


def test_alert_on_kind_filter_only(db, app):
    _confirmed_alert(db, query="", filters={"kind": ["thesis"]})
    PostingFactory(texts={"en": "Thesis on fibres"}, kind=PostingKind.THESIS)
    PostingFactory(texts={"en": "A job"}, kind=PostingKind.JOB)
    with app.test_request_context():
        report = alerts.send_due(AlertFrequency.DAILY)
    assert report.postings == 1
