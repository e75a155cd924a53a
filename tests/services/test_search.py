"""Search: analysis, query syntax, filters and facets, highlights, outbox sync, rebuilds."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import Response
from markupsafe import Markup

from portal import create_app
from portal.models import (
    CourseStatus,
    Employment,
    OrganisationKind,
    OrganisationStatus,
    PostingKind,
    PostingStatus,
    Remote,
    SearchChange,
    utcnow,
)
from portal.services import search
from portal.services.search import FACETS, PostingQuery, SearchResult
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory, TrainingFactory

_orgs = iter(range(1, 10_000))


def org(**kwargs):
    """An organisation whose name matches nothing the tests search for."""
    n = next(_orgs)
    kwargs.setdefault("name", f"Muster {n} AG")
    kwargs.setdefault("slug", f"muster-{n}")
    return OrganisationFactory(**kwargs)


def posting(title="Stelle", body="", lang="de", **kwargs):
    kwargs.setdefault("organisation", org())
    texts = kwargs.pop("texts", None) or {lang: {"title": title, "body": body}}
    return PostingFactory(texts=texts, **kwargs)


def find(q="", ui_lang="de", **kwargs) -> SearchResult:
    return search.search_postings(PostingQuery(q=q, **kwargs), ui_lang)


def ids(result: SearchResult) -> set[int]:
    return {hit.id for hit in result.hits}


@pytest.fixture
def commit(db):
    def _commit():
        db.session.commit()

    return _commit


@pytest.fixture
def empty_index(db):
    """An index that exists before the test's data, so the data arrive through the outbox."""
    search.rebuild()
    return search


# --- analysis -----------------------------------------------------------------------------


def test_german_stemming_finds_inflected_forms(commit):
    lasers = posting("Wir bauen Lasern", body="")
    optics = posting("Mitarbeiter für optische Systeme")
    other = posting("Buchhaltung")
    commit()
    assert ids(find("Laser")) == {lasers.id}
    assert ids(find("Optik")) == {optics.id}
    assert other.id not in ids(find("Optik Laser"))


def test_english_stemming(commit):
    engineers = posting("Engineers wanted", lang="en")
    posting("Accountant", lang="en")
    commit()
    assert ids(find("engineer")) == {engineers.id}
    assert ids(find("Engineering")) == {engineers.id}


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Laser", "Ingenieur Lasertechnik (m/w/d)"),
        ("Laser", "Leitung Laserentwicklung"),
        ("Optik", "Fachkraft Präzisionsoptik"),
        ("Faser", "Techniker Glasfaser"),
        ("Ingenieur", "Entwicklungsingenieur Sensorik"),
        ("Entwicklung", "Entwicklungsingenieur Sensorik"),
        ("Leiter", "Abteilungsleiter Vertrieb"),
    ],
)
def test_german_compounds_are_split(commit, query, title):
    wanted = posting(title)
    posting("Buchhaltung")
    commit()
    assert ids(find(query)) == {wanted.id}


def test_listed_word_is_not_split_into_a_false_part(commit):
    posting("Halbleiter-Spezialist")
    commit()
    assert find("Leiter").total == 0


@pytest.mark.parametrize(
    ("query", "title", "lang"),
    [
        ("Faser", "Fibre laser engineer", "en"),
        ("fiber", "Entwickler Fasern", "de"),
        ("metrology", "Ingenieur Messtechnik", "de"),
        ("Messtechnik", "Metrology specialist", "en"),
        ("Praktikum", "Internship optical design", "en"),
        ("internship", "Praktikum Optikdesign", "de"),
        ("Masterarbeit", "Master thesis on coatings", "en"),
        ("PhD", "Promotion Quantenoptik", "de"),
        ("image processing", "Bildverarbeitung Entwickler", "de"),
        ("Bildverarbeitung", "Image processing engineer", "en"),
        ("Entwicklungsingenieur", "Development engineer optics", "en"),
        ("Werkstudent", "Working student photonics", "en"),
        ("Halbleiter", "Semiconductor process engineer", "en"),
    ],
)
def test_glossary_crosses_languages(commit, query, title, lang):
    wanted = posting(title, lang=lang)
    posting("Buchhaltung Finanzen")
    commit()
    assert ids(find(query)) == {wanted.id}


def test_glossary_equivalents_rank_below_the_word_itself(commit):
    german = posting("Faser Spezialist")
    english = posting("Fibre specialist", lang="en")
    commit()
    result = find("Faser")
    assert [h.id for h in result.hits] == [german.id, english.id]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Messtechnik", "Ingenieur Meßtechnik"),
        ("Meßtechnik", "Ingenieur Messtechnik"),
        ("Prazisionsoptik", "Präzisionsoptik"),
        ("präzisionsoptik", "Prazisionsoptik"),
        ("Muller", "Assistenz bei Müller"),
        ("café", "Cafe Betreiber"),
    ],
)
def test_accents_and_umlauts_fold(commit, query, title):
    wanted = posting(title)
    commit()
    assert ids(find(query)) == {wanted.id}


def test_organisation_name_and_city_are_findable(commit):
    jenoptik = posting("Techniker", organisation=org(name="Jenoptik AG"), cities=["Jena"])
    erfurt = posting("Techniker", cities=["Erfurt"])
    commit()
    assert ids(find("Jenoptik")) == {jenoptik.id}
    assert ids(find("Erfurt")) == {erfurt.id}
    assert ids(find("Techniker Jena")) == {jenoptik.id}


# --- query syntax ---------------------------------------------------------------------------


def test_all_words_must_match_and_partial_matches_are_a_relaxed_fallback(commit):
    both = posting("Laser Ingenieur")
    laser = posting("Laser Techniker")
    commit()
    result = find("Laser Ingenieur")
    assert ids(result) == {both.id}
    assert not result.relaxed
    relaxed = find("Laser Bäcker")
    assert relaxed.relaxed
    assert ids(relaxed) == {both.id, laser.id}


def test_relaxed_fallback_ranks_postings_with_more_words_first(commit):
    two = posting("Laser Optik Konditor")
    one = posting("Laser Konditor")
    commit()
    result = find("Laser Optik Zahnarzt")
    assert result.relaxed
    assert [h.id for h in result.hits] == [two.id, one.id]


def test_quoted_phrase(commit):
    phrase = posting("Optical design engineer", lang="en")
    apart = posting("Design of optical systems", lang="en")
    commit()
    assert ids(find('"optical design"')) == {phrase.id}
    assert ids(find("optical design")) == {phrase.id, apart.id}


def test_prefix_query(commit):
    precision = posting("Präzisionsoptik")
    laser = posting("Laserentwicklung")
    commit()
    assert ids(find("präzi*")) == {precision.id}
    assert ids(find("prazi*")) == {precision.id}
    assert ids(find("laser*")) == {laser.id}
    assert find("laser*").hits[0].title_html == Markup("<mark>Laserentwicklung</mark>")


def test_exclusion(commit):
    job = posting("Laser Ingenieur")
    thesis = posting("Laser Abschlussarbeit")
    english_thesis = posting("Laser thesis", lang="en")
    commit()
    assert ids(find("Laser")) == {job.id, thesis.id, english_thesis.id}
    assert ids(find("Laser -Abschlussarbeit")) == {job.id}
    assert ids(find('Laser -"Laser Ingenieur"')) == {thesis.id, english_thesis.id}
    assert ids(find("-Ingenieur")) == {thesis.id, english_thesis.id}


def test_field_syntax_does_not_reach_other_fields(commit):
    wanted = posting("Laser Ingenieur")
    commit()
    assert ids(find("title_de:Laser")) == {wanted.id}
    assert ids(find("id:posting*")) == set()
    assert ids(find("type:posting")) == set()


GARBAGE = [
    '"',
    '""',
    '"""',
    "AND",
    "OR NOT",
    "laser AND",
    "NOT laser",
    "*",
    "**",
    "?",
    "a*",
    "*laser",
    "field:",
    ":",
    "title_de:x",
    "type:posting OR type:training",
    "[a TO",
    "[a TO b]",
    "{a TO b}",
    "(",
    ")",
    "((laser)",
    "^",
    "laser^5",
    "~",
    "laser~2",
    "laser~",
    "-",
    "--",
    "- -",
    "+",
    "+laser",
    "\\",
    "\\\\laser",
    "/",
    "'",
    "laser'optik",
    "x" * 10_000,
    "laser " * 2_000,
    "\x00",
    "laser\x00optik",
    "\x01\x02\x1b[31m",
    "\ud800",
    "laser\u200boptik",
    "🔬🔭 laser 💡",
    "👩‍🔬",
    "<script>alert(1)</script>",
    "<b>Laser</b>",
    "&amp; &lt;",
    "Ω≈ç√∫",
    "日本語 レーザー",
    "مهندس ليزر",
    "%s %d {0} {}",
    "' OR 1=1 --",
    "NULL",
    "None",
    "\t\n\r",
    "   ",
    "laser" + "*" * 300,
    "-" * 500,
    '"' * 501,
    "a" * 199 + "*",
    "ab" * 300,
    "Präzisions-Meß-Technik/Optik (m/w/d)",
]


@pytest.mark.parametrize("q", GARBAGE)
def test_any_input_is_searched_without_error(commit, q):
    posting("Laser Ingenieur")
    commit()
    result = find(q)
    assert result.available
    assert isinstance(result.total, int)
    for sort in ("newest", "deadline", "nonsense"):
        assert find(q, sort=sort).available
    assert search.search_trainings(q).available
    assert search.search_organisations(q).available


def test_garbage_filter_values_do_not_raise(commit):
    posting("Laser")
    commit()
    result = search.search_postings(
        PostingQuery(
            kind=("job", "", "\x00", "x" * 5000),
            city=["Jena"],  # a list instead of a tuple
            topic="laser",  # a bare string
            posted="7",  # type: ignore[arg-type]
            page="x",  # type: ignore[arg-type]
            per_page=10**9,
        )
    )
    assert result.available
    assert result.page == 1
    assert result.per_page == 100


# --- highlights ------------------------------------------------------------------------------


def test_highlights_escape_html_and_mark_matches(commit):
    posting(
        "<script>alert(1)</script> Laser & Optik",
        body='Wir suchen <img src=x onerror="alert(2)"> Verstärkung für unsere Lasern.',
    )
    commit()
    hit = find("Laser").hits[0]
    assert isinstance(hit.title_html, Markup)
    assert str(hit.title_html) == (
        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Laser</mark> &amp; Optik"
    )
    snippet = str(hit.snippet_html)
    assert "<mark>Lasern</mark>" in snippet
    assert "<img" not in snippet and "&lt;img" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_title_in_ui_language_with_fallback(commit):
    both = posting(texts={"de": {"title": "Laserphysiker"}, "en": {"title": "Laser physicist"}})
    german_only = posting("Laseringenieur")
    commit()
    hits = {h.id: h for h in find("Laser", ui_lang="en").hits}
    assert hits[both.id].lang == "en"
    assert hits[both.id].title_html == Markup("<mark>Laser</mark> physicist")
    assert hits[german_only.id].lang == "de"
    assert hits[german_only.id].title_html == Markup("<mark>Laseringenieur</mark>")


def test_snippet_is_a_short_window_around_the_match(commit):
    body = "Einleitung " * 60 + "Hier geht es um Beschichtung von Linsen. " + "Schluss " * 60
    posting("Stelle", body=body)
    commit()
    snippet = str(find("Beschichtung").hits[0].snippet_html)
    assert "<mark>Beschichtung</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= search.SNIPPET_CHARS + 30


def test_featured_flag(commit):
    featured = posting("Laser", featured_until=utcnow() + timedelta(days=3))
    lapsed = posting("Laser", featured_until=utcnow() - timedelta(days=3))
    commit()
    hits = {h.id: h.featured for h in find("Laser").hits}
    assert hits == {featured.id: True, lapsed.id: False}


# --- filters, facets, sorting, pages --------------------------------------------------------


@pytest.fixture
def corpus(commit):
    """Eight postings spread over every facet."""
    laser, optics, software = (
        TopicFactory(slug="laser-technology", name_de="Lasertechnik", name_en="Laser technology"),
        TopicFactory(slug="optical-design", name_de="Optikdesign", name_en="Optical design"),
        TopicFactory(slug="software", name_de="Software", name_en="Software"),
    )
    institute = org(kind=OrganisationKind.RESEARCH_INSTITUTE, slug="ifo")
    uni = org(kind=OrganisationKind.UNIVERSITY, slug="fsu")
    firm = org(kind=OrganisationKind.COMPANY, slug="lasertec")
    now = utcnow()
    specs = [
        dict(
            kind=PostingKind.JOB,
            organisation=firm,
            cities=["Jena"],
            topics=[laser],
            remote=Remote.HYBRID,
            working_languages=["de", "en"],
            leadership=True,
            deadline=(now + timedelta(days=30)).date(),
            published_at=now - timedelta(days=1),
        ),
        dict(
            kind=PostingKind.JOB,
            organisation=firm,
            cities=["Jena", "Erfurt"],
            topics=[laser, optics],
            employment=Employment.PART_TIME,
            visa_support=True,
            published_at=now - timedelta(days=3),
            deadline=(now + timedelta(days=10)).date(),
        ),
        dict(
            kind=PostingKind.INTERNSHIP,
            organisation=institute,
            cities=["Jena"],
            topics=[optics],
            published_at=now - timedelta(days=20),
        ),
        dict(
            kind=PostingKind.THESIS,
            organisation=uni,
            cities=["Ilmenau"],
            topics=[software],
            working_languages=["en"],
            remote=Remote.REMOTE,
            published_at=now - timedelta(days=40),
            deadline=(now + timedelta(days=5)).date(),
        ),
        dict(
            kind=PostingKind.PHD,
            organisation=uni,
            cities=["Jena"],
            topics=[laser, software],
            working_languages=["en"],
            visa_support=True,
            published_at=now - timedelta(days=2),
        ),
        dict(
            kind=PostingKind.JOB,
            organisation=institute,
            cities=["Erfurt"],
            topics=[],
            employment=Employment.EITHER,
            leadership=True,
            published_at=now - timedelta(days=9),
        ),
        dict(
            kind=PostingKind.WORKING_STUDENT,
            organisation=firm,
            cities=["Weimar"],
            topics=[software],
            employment=Employment.PART_TIME,
            remote=Remote.HYBRID,
            published_at=now - timedelta(days=5),
        ),
        dict(
            kind=PostingKind.POSTDOC,
            organisation=institute,
            cities=["Jena"],
            topics=[laser],
            working_languages=["de", "en"],
            published_at=now - timedelta(days=15),
            deadline=(now + timedelta(days=60)).date(),
        ),
    ]
    postings = []
    for n, spec in enumerate(specs):
        title = "Ingenieur Beschichtung" if n % 2 == 0 else "Techniker Montage"
        postings.append(PostingFactory(texts={"de": title}, **spec))
    commit()
    return postings


def test_empty_query_lists_all_public_postings_newest_first(corpus):
    result = find()
    assert result.total == len(corpus)
    published = {p.id: p.published_at for p in corpus}
    order = [h.id for h in result.hits]
    assert order == sorted(order, key=lambda i: published[i], reverse=True)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": ("job",)}, {0, 1, 5}),
        ({"kind": ("job", "phd")}, {0, 1, 4, 5}),
        ({"topic": ("laser-technology",)}, {0, 1, 4, 7}),
        ({"topic": ("software", "optical-design")}, {1, 2, 3, 4, 6}),
        ({"city": ("Erfurt",)}, {1, 5}),
        ({"city": ("Weimar", "Ilmenau")}, {3, 6}),
        ({"org": ("fsu",)}, {3, 4}),
        ({"orgkind": ("research_institute",)}, {2, 5, 7}),
        ({"remote": ("hybrid",)}, {0, 6}),
        ({"employment": ("part_time",)}, {1, 6}),
        ({"lang": ("en",)}, {0, 3, 4, 7}),
        ({"leadership": True}, {0, 5}),
        ({"visa": True}, {1, 4}),
        ({"posted": 7}, {0, 1, 4, 6}),
        ({"kind": ("job",), "city": ("Jena",)}, {0, 1}),
        ({"kind": ("job",), "leadership": True, "city": ("Erfurt",)}, {5}),
        ({"kind": ("nonsense",)}, set()),
    ],
)
def test_filters(corpus, filters, expected):
    result = find(**filters)
    assert ids(result) == {corpus[i].id for i in expected}
    assert result.total == len(expected)


def test_filters_combine_with_text(corpus):
    assert ids(find("Ingenieur", kind=("job",))) == {corpus[0].id}
    # Topic names are indexed too: "Laser" finds the postings tagged laser technology.
    assert ids(find("Laser", kind=("job",))) == {corpus[0].id, corpus[1].id}


@pytest.mark.parametrize(
    "selection",
    [
        {},
        {"kind": ("job",)},
        {"kind": ("job", "phd"), "city": ("Jena",)},
        {"topic": ("laser-technology",), "lang": ("en",)},
        {"orgkind": ("company",), "remote": ("hybrid", "onsite"), "q": "Laser"},
        {"employment": ("part_time",), "visa": True},
    ],
)
def test_disjunctive_facet_counts_equal_filtered_totals(corpus, selection):
    result = find(**selection)
    assert set(result.facets) == set(FACETS)
    checked = 0
    for name in FACETS:
        for value, count in result.facets[name]:
            assert count > 0
            # The facet's own selection is replaced: the count is "if you pick this value".
            narrowed = {**selection, name: (value,)}
            assert find(**narrowed).total == count, (name, value)
            if not selection.get(name):
                # Not yet selected: adding the filter gives exactly this many results.
                assert find(**{**selection, name: (value,)}).total == count
            checked += 1
    assert checked > 10
    for values in result.facets.values():
        assert values == sorted(values, key=lambda vc: (-vc[1], vc[0]))


def test_facet_counts_without_filters(corpus):
    facets = find().facets
    assert dict(facets["kind"]) == {
        "job": 3,
        "internship": 1,
        "thesis": 1,
        "phd": 1,
        "working_student": 1,
        "postdoc": 1,
    }
    assert facets["kind"][0] == ("job", 3)
    assert dict(facets["city"]) == {"Jena": 5, "Erfurt": 2, "Ilmenau": 1, "Weimar": 1}
    assert dict(facets["lang"]) == {"de": 6, "en": 4}
    assert dict(facets["org"]) == {"lasertec": 3, "ifo": 3, "fsu": 2}


def test_sort_newest(corpus):
    result = find("Ingenieur", sort="newest")
    order = [h.id for h in result.hits]
    published = {p.id: p.published_at for p in corpus}
    assert order == sorted(order, key=lambda i: published[i], reverse=True)
    assert set(order) == {corpus[i].id for i in (0, 2, 4, 6)}


def test_sort_deadline_puts_postings_without_deadline_last(corpus):
    order = [h.id for h in find(sort="deadline").hits]
    with_deadline = [corpus[i].id for i in (3, 1, 0, 7)]  # 5, 10, 30, 60 days
    assert order[:4] == with_deadline
    assert set(order[4:]) == {corpus[i].id for i in (2, 4, 5, 6)}


def test_sort_relevance_prefers_title_matches(commit):
    in_body = posting("Stelle", body="Wir arbeiten mit Beschichtung und Beschichtung.")
    in_title = posting("Beschichtung")
    commit()
    assert [h.id for h in find("Beschichtung").hits] == [in_title.id, in_body.id]


def test_pagination(corpus):
    first = find(per_page=3, page=1)
    second = find(per_page=3, page=2)
    third = find(per_page=3, page=3)
    assert [len(r.hits) for r in (first, second, third)] == [3, 3, 2]
    all_ids = [h.id for r in (first, second, third) for h in r.hits]
    assert len(set(all_ids)) == 8
    beyond = find(per_page=3, page=4)
    assert beyond.hits == [] and beyond.total == 8 and beyond.page == 4
    far = find(per_page=20, page=10**6)
    assert far.hits == [] and far.total == 8
    assert find(page=0).page == 1 and len(find(page=-5).hits) == 8


def test_suggestion_only_when_nothing_found(commit):
    posting("Laser Ingenieur")
    commit()
    assert find("Lasr").suggestion == "laser"
    assert find("Lasr Ingenier").suggestion == "laser ingenieur"
    assert find("Laser").suggestion is None
    assert find("").suggestion is None


# --- what is public ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status",
    [
        PostingStatus.DRAFT,
        PostingStatus.SUBMITTED,
        PostingStatus.REJECTED,
        PostingStatus.EXPIRED,
        PostingStatus.CLOSED,
        PostingStatus.SUSPENDED,
    ],
)
@pytest.mark.parametrize("path", ["rebuild", "outbox"])
def test_non_public_postings_are_never_found(commit, status, path):
    if path == "outbox":
        search.rebuild()
    visible = posting("Laser Ingenieur")
    posting("Laser Ingenieur", status=status)
    commit()
    if path == "rebuild":
        search.rebuild()
    assert ids(find("Laser")) == {visible.id}
    assert find().total == 1


def test_posting_past_its_expiry_is_never_found(commit):
    visible = posting("Laser")
    posting("Laser", expires_at=utcnow() - timedelta(minutes=1))
    commit()
    assert ids(find("Laser")) == {visible.id}


def test_expiry_is_checked_at_query_time(commit, monkeypatch):
    soon = posting("Laser", expires_at=utcnow() + timedelta(days=2))
    later = posting("Laser", expires_at=utcnow() + timedelta(days=20))
    commit()
    assert ids(find("Laser")) == {soon.id, later.id}
    in_a_week = utcnow() + timedelta(days=7)
    monkeypatch.setattr(search, "utcnow", lambda: in_a_week)  # no `expire` run, no change
    assert ids(find("Laser")) == {later.id}
    assert dict(find().facets["kind"]) == {"job": 1}


# --- sync through the outbox ------------------------------------------------------------------


def changes(db, since=0):
    rows = db.session.execute(
        sa.select(SearchChange.object_type, SearchChange.object_id).where(SearchChange.seq > since)
    ).all()
    return {tuple(r) for r in rows}


def max_seq(db):
    return db.session.scalar(sa.select(sa.func.max(SearchChange.seq))) or 0


def test_flush_queues_changes_in_the_same_transaction(db):
    p = posting("Laser")
    assert ("posting", p.id) in changes(db)
    assert ("organisation", p.organisation_id) in changes(db)
    seq = max_seq(db)
    p.texts[0].title = "Laser neu"
    db.session.flush()
    assert changes(db, seq) == {("posting", p.id)}
    seq = max_seq(db)
    p.view_count += 1
    p.apply_click_count += 1
    db.session.flush()
    assert changes(db, seq) == set()


def test_any_session_queues_changes_not_only_the_scoped_one(db):
    from sqlalchemy.orm import Session

    from portal.models import Organisation

    with Session(bind=db.engine, join_transaction_mode="create_savepoint") as other:
        company = Organisation(slug="plain-ag", name="Plain AG", kind=OrganisationKind.COMPANY)
        other.add(company)
        other.flush()
        queued = other.execute(
            sa.select(SearchChange.object_type, SearchChange.object_id).where(
                SearchChange.object_id == company.id
            )
        ).all()
        assert [tuple(r) for r in queued] == [("organisation", company.id)]
        other.rollback()


def test_raw_sql_needs_queue_changes(db, empty_index, commit):
    p = posting("Laser")
    commit()
    assert find("Laser").total == 1
    db.session.execute(
        sa.text("UPDATE postings SET status = 'closed' WHERE id = :id"), {"id": p.id}
    )
    commit()
    assert find("Laser").total == 1  # invisible to the session events
    search.queue_changes(db.session, "posting", [p.id])
    commit()
    assert find("Laser").total == 0


def test_rolled_back_changes_never_reach_the_index(db, empty_index):
    db.session.commit()
    seq = max_seq(db)
    posting("Laser")
    assert max_seq(db) > seq
    db.session.rollback()
    assert max_seq(db) == seq
    assert find("Laser").total == 0


def test_topic_change_through_the_association_is_queued(db, commit):
    p = posting("Laser")
    topic = TopicFactory(slug="fibre-optics", name_de="Faseroptik", name_en="Fibre optics")
    commit()
    seq = max_seq(db)
    p.topics.append(topic)
    db.session.flush()
    assert changes(db, seq) == {("posting", p.id)}
    commit()
    assert ids(find(topic=("fibre-optics",))) == {p.id}


def test_bulk_update_statement_is_queued(db, empty_index, commit):
    p = posting("Laser")
    commit()
    assert ids(find("Laser")) == {p.id}
    seq = max_seq(db)
    db.session.execute(
        sa.update(type(p)).where(type(p).id == p.id).values(status=PostingStatus.CLOSED)
    )
    assert changes(db, seq) == {("posting", p.id)}
    commit()
    assert find("Laser").total == 0


def test_bulk_counter_update_is_not_queued(db, commit):
    p = posting("Laser")
    commit()
    seq = max_seq(db)
    db.session.execute(
        sa.update(type(p)).where(type(p).id == p.id).values(view_count=type(p).view_count + 1)
    )
    assert changes(db, seq) == set()


def test_closed_posting_disappears_after_commit(db, empty_index, commit):
    p = posting("Laser Ingenieur")
    commit()
    assert ids(find("Laser")) == {p.id}
    p.status = PostingStatus.CLOSED
    p.closed_at = utcnow()
    commit()
    assert find("Laser").total == 0
    assert find().total == 0


def test_edited_title_is_findable_after_commit(db, empty_index, commit):
    p = posting("Laser Ingenieur")
    commit()
    assert ids(find("Laser")) == {p.id}
    p.texts[0].title = "Optik Techniker"
    commit()
    assert ids(find("Optik")) == {p.id}
    assert find("Laser").total == 0


def test_added_translation_and_location_are_indexed(db, empty_index, commit):
    from portal.models import PostingLocation, PostingText

    p = posting("Laser Ingenieur")
    commit()
    p.texts.append(PostingText(lang="en", title="Fibre specialist", summary="", body=""))
    p.locations.append(PostingLocation(city="Weimar", position=1))
    commit()
    assert ids(find("specialist")) == {p.id}
    assert ids(find(city=("Weimar",))) == {p.id}


def test_deleted_posting_disappears(db, empty_index, commit):
    p = posting("Laser")
    commit()
    assert find("Laser").total == 1
    db.session.delete(p)
    commit()
    assert find("Laser").total == 0


def test_organisation_rename_reindexes_its_postings(db, empty_index, commit):
    company = org(name="Alte Firma GmbH", slug="alte-firma")
    postings = [posting("Techniker", organisation=company) for _ in range(3)]
    other = posting("Techniker")
    commit()
    assert find("Jenoptik").total == 0
    company.name = "Jenoptik AG"
    company.slug = "jenoptik"
    commit()
    assert ids(find("Jenoptik")) == {p.id for p in postings}
    assert ids(find(org=("jenoptik",))) == {p.id for p in postings}
    assert find(org=("alte-firma",)).total == 0
    assert other.id not in ids(find("Jenoptik"))


def test_after_request_applies_committed_changes(app, db, empty_index):
    gen = os.path.realpath(os.path.join(app.config["SEARCH_INDEX_DIR"], "current"))
    applied = search._read_state(gen)["seq"]
    with app.test_request_context("/de/jobs"):
        posting("Laser")
        db.session.commit()
        app.process_response(Response("ok"))
    assert search._read_state(gen)["seq"] > applied


def test_apply_changes_is_idempotent(app, db, empty_index, commit):
    p = posting("Laser")
    commit()
    assert search.apply_changes() > 0
    assert search.apply_changes() == 0
    gen = os.path.realpath(os.path.join(app.config["SEARCH_INDEX_DIR"], "current"))
    state = search._read_state(gen)
    search._write_state(gen, {**state, "seq": 0})  # forget: everything is applied again
    assert search.apply_changes(wait=True) > 0
    assert ids(find("Laser")) == {p.id}


def test_apply_changes_waits_for_another_applier_as_long_as_asked(app, db, empty_index, commit):
    import threading

    from whoosh.util.filelock import FileLock

    posting("Laser")
    commit()
    gen = os.path.realpath(os.path.join(app.config["SEARCH_INDEX_DIR"], "current"))
    other = FileLock(os.path.join(gen, "APPLY"))  # another worker, busy applying
    assert other.acquire(blocking=False)
    assert search.apply_changes(wait=False) == 0
    assert search.apply_changes(wait=0.05) == 0  # gave up: the other is still at it
    release = threading.Timer(0.1, other.release)
    release.start()
    try:
        assert search.apply_changes(wait=5.0) > 0  # applied once the other was done
    finally:
        release.join()


def test_rebuild_equals_incremental(db, empty_index, corpus, commit):
    corpus[2].status = PostingStatus.CLOSED
    corpus[3].texts[0].title = "Faser Spezialist"
    commit()
    queries = [
        PostingQuery(),
        PostingQuery(q="Laser"),
        PostingQuery(q="Faser", sort="newest"),
        PostingQuery(q="Ingenieur", kind=("job",)),
        PostingQuery(city=("Jena",), sort="deadline"),
    ]

    def snapshot():
        out = []
        for q in queries:
            r = search.search_postings(q)
            out.append(
                ([h.id for h in r.hits], r.total, r.facets, [str(h.title_html) for h in r.hits])
            )
        return out

    incremental = snapshot()
    assert search.rebuild() == 7 + 3 + 0  # 7 public postings, 3 organisations, no courses
    assert snapshot() == incremental


def test_missing_index_directory_is_rebuilt(app, db, commit):
    p = posting("Laser")
    commit()
    assert ids(find("Laser")) == {p.id}
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    assert ids(find("Laser")) == {p.id}
    assert search.status() == "ok"


def test_corrupt_index_is_rebuilt(app, db, commit):
    p = posting("Laser")
    commit()
    assert ids(find("Laser")) == {p.id}
    gen = os.path.realpath(os.path.join(app.config["SEARCH_INDEX_DIR"], "current"))
    for name in os.listdir(gen):
        if name != search.STATE_FILE:
            with open(os.path.join(gen, name), "wb") as f:
                f.write(b"\x00garbage")
    search.reset_cache()  # as a freshly started process would
    assert ids(find("Laser")) == {p.id}
    assert os.path.realpath(os.path.join(app.config["SEARCH_INDEX_DIR"], "current")) != gen


def test_corrupt_state_file_is_rebuilt(app, db, commit):
    p = posting("Laser")
    commit()
    find("Laser")
    gen = os.path.realpath(os.path.join(app.config["SEARCH_INDEX_DIR"], "current"))
    with open(os.path.join(gen, search.STATE_FILE), "w") as f:
        f.write("{not json")
    assert ids(find("Laser")) == {p.id}


def test_rebuild_swaps_directories_atomically(app, db, commit):
    posting("Laser")
    commit()
    root = app.config["SEARCH_INDEX_DIR"]
    assert search.rebuild() == 2
    first = os.readlink(os.path.join(root, "current"))
    assert search.rebuild() == 2
    second = os.readlink(os.path.join(root, "current"))
    assert second != first
    assert search.rebuild() == 2
    gens = sorted(n for n in os.listdir(root) if n.startswith("gen-"))
    assert len(gens) == 2  # the current one and the one before it


def test_missing_tables_give_an_empty_index(tmp_path):
    bare = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'bare.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "bare-index"),
        }
    )
    with bare.app_context():
        result = find("Laser")
        assert result.available and result.total == 0
        assert search.status() == "ok"


# --- trainings, organisations, similar ------------------------------------------------------


def test_training_search(commit):
    soon = TrainingFactory(
        texts={"de": "Grundlagen der Lasersicherheit"},
        starts_at=utcnow() + timedelta(days=3),
        ends_at=utcnow() + timedelta(days=4),
    )
    later = TrainingFactory(
        texts={"en": "Optical design workshop"},
        starts_at=utcnow() + timedelta(days=30),
        ends_at=utcnow() + timedelta(days=31),
    )
    cancelled = TrainingFactory(texts={"de": "Laser Kurs"}, status=CourseStatus.CANCELLED)
    TrainingFactory(texts={"de": "Laser Entwurf"}, status=CourseStatus.DRAFT)
    TrainingFactory(texts={"de": "Laser Archiv"}, status=CourseStatus.ARCHIVED)
    job = posting("Laser Ingenieur")
    commit()
    assert ids(search.search_trainings("Laser")) == {soon.id, cancelled.id}
    assert ids(search.search_trainings("Optik")) == {later.id}
    listing = search.search_trainings("")
    assert [h.id for h in listing.hits] == [soon.id, cancelled.id, later.id]
    assert listing.total == 3
    titles = [str(h.title_html) for h in find("Laser").hits]
    assert titles == ["<mark>Laser</mark> Ingenieur"] and find("Laser").total == 1
    assert job.id in ids(find("Laser"))


def test_organisation_search(commit):
    jenoptik = org(name="Jenoptik AG", city="Jena")
    org(name="Pending Optics", status=OrganisationStatus.PENDING)
    commit()
    assert ids(search.search_organisations("Jenoptik")) == {jenoptik.id}
    assert search.search_organisations("Pending").total == 0


def test_similar_postings(db, commit):
    topic = TopicFactory(slug="lasers", name_de="Laser", name_en="Lasers")
    closed = posting("Laser Ingenieur", topics=[topic], status=PostingStatus.CLOSED)
    same_topic = posting("Techniker", topics=[topic])
    same_words = posting("Laser Ingenieur Senior")
    unrelated = posting("Buchhaltung", kind=PostingKind.INTERNSHIP)
    commit()
    found = search.similar_postings(closed.id, "de", limit=5)
    assert closed.id not in found
    assert set(found[:2]) == {same_topic.id, same_words.id}
    assert unrelated.id not in found
    assert search.similar_postings(999_999) == []


def test_status_ok(db):
    assert search.status() == "ok"


def test_late_commit_of_a_lower_seq_is_still_applied(db, empty_index, commit):
    """PostgreSQL hands out seqs before commit: a lower seq can become visible after a higher
    one was applied. The applier remembers the holes and looks for them again."""
    company = org()
    commit()
    find()  # the organisation is indexed; its later changes would reindex its postings
    late = posting("Laser spät", organisation=company)
    early = posting("Laser früh", organisation=company)
    commit()
    late_rows = db.session.execute(
        sa.select(SearchChange.__table__).where(
            SearchChange.object_type == "posting", SearchChange.object_id == late.id
        )
    ).all()
    assert late_rows and max(r.seq for r in late_rows) < max_seq(db)
    db.session.execute(
        sa.delete(SearchChange.__table__).where(SearchChange.seq.in_([r.seq for r in late_rows]))
    )
    commit()
    assert ids(find("Laser")) == {early.id}  # the late transaction has not committed yet
    row = late_rows[0]
    db.session.execute(sa.insert(SearchChange.__table__).values(**row._mapping))
    commit()
    assert ids(find("Laser")) == {early.id, late.id}


def test_index_behind_a_pruned_outbox_is_rebuilt(db, empty_index, commit):
    first = posting("Laser eins")
    commit()
    assert ids(find("Laser")) == {first.id}
    missed = posting("Laser zwei")
    commit()
    newest = max_seq(db)
    # Another change, then the outbox is pruned past what this host has applied.
    first.texts[0].title = "Laser eins neu"
    commit()
    db.session.execute(sa.delete(SearchChange.__table__).where(SearchChange.seq <= newest))
    commit()
    assert ids(find("Laser")) == {first.id, missed.id}


def test_failed_rebuild_gives_a_degraded_index_that_is_retried(db, commit, monkeypatch):
    p = posting("Laser")
    commit()

    def broken(session):
        raise sa.exc.OperationalError("SELECT", {}, Exception("database is down"))
        yield  # pragma: no cover

    with monkeypatch.context() as m:
        m.setattr(search.documents, "all_documents", broken)
        assert search.rebuild() == 0
        assert search.status() == "degraded"
    monkeypatch.setattr(search, "_REBUILD_THROTTLE", {})
    assert ids(find("Laser")) == {p.id}
    assert search.status() == "ok"


def test_search_never_raises_when_the_index_cannot_be_built(app, db, commit, monkeypatch):
    posting("Laser")
    commit()

    def broken():
        raise OSError("disk full")

    monkeypatch.setattr(search, "rebuild", broken)
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"], ignore_errors=True)
    search.reset_cache()
    result = find("Laser")  # from the database, and marked so
    assert not result.available and len(result.hits) == result.total == 1
    assert search.posting_overview() is None  # the home page asks the database
    assert search.status() == "unavailable"
    assert search.search_trainings("Laser").available is False
    assert search.similar_postings(1) == []
