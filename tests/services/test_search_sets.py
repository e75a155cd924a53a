"""The fast paths of search: word analyzers, document masks, candidate scoring, highlights.

Each fast path must give what the plain Whoosh way gives; these tests compare the two.
(Speed itself is measured by `make bench`, never here.)
"""

from __future__ import annotations

import os

import pytest
from whoosh import query as wq

from portal.services import search, search_analysis, search_sets
from portal.services.search_query import Builder, highlight, parse_query
from tests.factories import OrganisationFactory, PostingFactory

TEXTS = [
    "Entwicklungsingenieur Lasertechnik (m/w/d) für Präzisionsoptik und Glasfasern",
    "Die Meßtechnik der optischen Systeme, ÄÖÜ ẞ ß, Café und die Lasern.",
    "Development engineer for ultrafast fibre lasers — v1.2.3 e.g. R&D, 3.5 mm",
    "a b c x y z 12 der die das and the of",
    "",
    "   ",
]
PAIRS = [
    (search_analysis.german_chain, lambda: search_analysis.german_analyzer()),
    (lambda: search_analysis.german_chain(False), lambda: search_analysis.german_analyzer(False)),
    (search_analysis.english_chain, search_analysis.english_analyzer),
    (search_analysis.names_chain, search_analysis.names_analyzer),
    (search_analysis.words_chain, search_analysis.words_analyzer),
]
MODES = [
    {"positions": True, "mode": "index"},
    {"mode": "query"},
    {"chars": True},
    {"positions": True, "chars": True, "removestops": False},
    {"positions": True, "start_pos": 5, "chars": True, "start_char": 7},
]


def _tokens(analyzer, text, **kwargs):
    return [
        (
            t.text,
            t.pos if kwargs.get("positions") else None,
            (t.startchar, t.endchar) if kwargs.get("chars") else None,
            t.stopped,
        )
        for t in analyzer(text, **kwargs)
    ]


@pytest.mark.parametrize(("chain", "fast"), PAIRS)
@pytest.mark.parametrize("kwargs", MODES)
def test_word_analyzers_give_the_tokens_of_the_filter_chains(chain, fast, kwargs):
    for text in TEXTS:
        assert _tokens(fast(), text, **kwargs) == _tokens(chain(), text, **kwargs), text


def test_word_analyzer_pickles_small():
    import pickle

    analyzer = pickle.loads(pickle.dumps(search_analysis.german_analyzer()))
    assert analyzer == search_analysis.german_analyzer()
    assert len(pickle.dumps(analyzer)) < 200


@pytest.mark.parametrize("width", [None, 40, 200])
def test_fast_highlight_equals_the_token_stream_highlight(width):
    text = " ".join(TEXTS[:3]) * 3
    for lang, field_terms in (("de", {"las", "opt", "messtechn"}), ("en", {"laser", "engin"})):
        fast = (
            search_analysis.german_analyzer()
            if lang == "de"
            else search_analysis.english_analyzer()
        )
        slow = search_analysis.german_chain() if lang == "de" else search_analysis.english_chain()
        for prefixes in (set(), {"präzi", "prazi"}, {"fib"}):
            assert highlight(text, fast, field_terms, prefixes, width) == highlight(
                text, slow, field_terms, prefixes, width
            )


def test_masks_and_bits():
    ids = [0, 1, 7, 8, 9, 63, 64, 1000, 4095]
    mask = search_sets.mask_of(ids, 5000)
    assert list(search_sets.iter_bits(mask)) == ids
    assert mask.bit_count() == len(ids)
    assert list(search_sets.iter_bits(0)) == []
    allowed = search_sets.MaskFilter(mask)
    assert [i for i in range(5000) if i in allowed] == ids and 10**6 not in allowed


@pytest.fixture
def many(db):
    org = OrganisationFactory(name="Muster Optik AG", slug="muster-optik")
    words = ["Laser", "Optik", "Software", "Faser", "Messtechnik", "Ingenieur"]
    postings = []
    for i in range(40):
        title = f"{words[i % 6]} {words[(i * 5) % 6]} Stelle {i}"
        body = " ".join(words[(i + k) % 6] for k in range(i % 7 + 1)) + " Laser" * (i % 3)
        lang = "en" if i % 4 == 0 else "de"
        postings.append(
            PostingFactory(organisation=org, texts={lang: {"title": title, "body": body}})
        )
    db.session.commit()
    return postings


@pytest.mark.parametrize(
    "q",
    ["Laser", "Laser Optik", "Faser -Software", "Ingenieur Messtechnik", "optics", "opt*", "lase*"],
)
def test_candidate_scores_equal_whooshs_own(many, q):
    def check(searcher):
        view = search._view(searcher)
        text_q, _ = Builder(searcher.schema).build(parse_query(q))
        matches = sorted(search_sets.iter_bits(view.docs(text_q) & view.typed))
        assert matches
        ours = view.scores(text_q, matches)
        assert ours is not None
        wanted = set(matches)  # postings only (the organisation's document may match too)
        theirs = {d: s for s, d in searcher.search(text_q, limit=None).top_n if d in wanted}
        assert set(ours) == set(theirs)
        for docnum, score in ours.items():
            assert score == pytest.approx(theirs[docnum], rel=1e-6)

    search._with_searcher(check)


def test_masks_equal_whooshs_matches(many):
    def check(searcher):
        view = search._view(searcher)
        for q in ["Laser", "opt*", '"Laser Optik"', "Laser -Faser", "Stelle 7", ""]:
            text_q, _ = Builder(searcher.schema).build(parse_query(q))
            expected = {hit.docnum for hit in searcher.search(text_q, limit=None)}
            assert set(search_sets.iter_bits(view.docs(text_q))) == expected, q

    search._with_searcher(check)


def test_relevance_beyond_the_candidates_is_consistent_across_pages(many, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 5)
    query = dict(q="Laser", per_page=4)
    pages = [search.search_postings(search.PostingQuery(page=p, **query)) for p in (1, 2, 3, 4)]
    seen = [h.id for r in pages for h in r.hits]
    assert len(seen) == len(set(seen)) == 16
    total = pages[0].total
    everything = search.search_postings(search.PostingQuery(q="Laser", per_page=100))
    assert everything.total == total and len(everything.hits) == total


def test_repeated_query_is_served_from_the_cache_until_the_index_changes(db, many):
    first = search.search_postings(search.PostingQuery(q="Laser"))
    assert search.search_postings(search.PostingQuery(q="Laser")) is first
    PostingFactory(texts={"de": {"title": "Laser neu", "body": ""}})
    db.session.commit()
    again = search.search_postings(search.PostingQuery(q="Laser"))
    assert again is not first and again.total == first.total + 1


def test_docs_query_restricts_whoosh_to_the_given_documents(many):
    def check(searcher):
        text_q, _ = Builder(searcher.schema).build(parse_query("Laser"))
        every = [hit.docnum for hit in searcher.search(text_q, limit=None)]
        some = every[::3]
        found = searcher.search(wq.And([text_q, search_sets.DocsQuery(some, searcher)]), limit=None)
        assert sorted(hit.docnum for hit in found) == sorted(some)

    search._with_searcher(check)


def test_parallel_rebuild_equals_the_one_process_rebuild(tmp_path, monkeypatch):
    """A big rebuild indexes in several processes (one segment each): same results."""
    from flask_migrate import upgrade
    from whoosh import index as whoosh_index

    from portal import create_app
    from portal.extensions import db as _db

    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'parallel.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
            "SEARCH_INDEX_PROCS": 2,
        }
    )
    with app.app_context():
        upgrade()
        org = OrganisationFactory(name="Parallel Optik GmbH", slug="parallel-optik")
        for i in range(12):
            PostingFactory(
                organisation=org,
                texts={"de": {"title": f"Laser Stelle {i}", "body": "Optik " * (i % 4)}},
            )
        _db.session.commit()
        queries = [
            search.PostingQuery(q="Laser"),
            search.PostingQuery(q="Optik", sort="newest"),
            search.PostingQuery(),
        ]

        def snapshot():
            out = []
            for q in queries:
                r = search.search_postings(q)
                out.append(([h.id for h in r.hits], r.total, r.facets))
            return out

        monkeypatch.setattr(search, "PARALLEL_FROM", 10**9)
        assert search.rebuild() == 13
        serial = snapshot()
        monkeypatch.setattr(search, "PARALLEL_FROM", 1)
        monkeypatch.setattr(search.documents, "LOAD_CHUNK", 4)  # both processes get some
        assert search.rebuild() == 13
        gen = search._current_dir(search._root())
        assert len(whoosh_index.open_dir(gen).reader().leaf_readers()) == 2  # one per process
        assert snapshot() == serial
        # Each process wrote its segment's posting side file (long lists only: none here).
        assert len([n for n in os.listdir(gen) if n.endswith(".ppost")]) == 2
        search.reset_cache()
