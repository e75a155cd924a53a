"""Posting side files: raw arrays beside a segment must read back exactly Whoosh's postings,
give the same search results, and never be trusted when broken."""

from __future__ import annotations

import os

import pytest

from portal.services import search, search_sets, search_sidecar
from tests.factories import OrganisationFactory, PostingFactory

QUERIES = [
    search.PostingQuery(q="Laser"),
    search.PostingQuery(q='"Laser Optik"'),
    search.PostingQuery(q='"optical design"'),
    search.PostingQuery(q="Optik -Faser"),
    search.PostingQuery(q="opt*"),
    search.PostingQuery(q="Messtechnik Ingenieur", kind=("job",)),
    search.PostingQuery(q="Stelle", sort="newest"),
    search.PostingQuery(),
]


@pytest.fixture
def corpus(db, monkeypatch):
    monkeypatch.setattr(search_sidecar, "MIN_DOCS", 1)  # every posting list in the side file
    org = OrganisationFactory(name="Seiten Optik GmbH", slug="seiten-optik")
    words = ["Laser", "Optik", "Faser", "Messtechnik", "Ingenieur", "optical design"]
    for i in range(30):
        body = " ".join(words[(i + k) % 6] for k in range(i % 5 + 2))
        lang = "en" if i % 3 == 0 else "de"
        PostingFactory(
            organisation=org,
            texts={lang: {"title": f"{words[i % 6]} Stelle {i}", "body": body + " Laser Optik"}},
        )
    db.session.commit()


def _leaves():
    def leaves(searcher):
        return [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]

    return search._with_searcher(leaves)


def _write_side_files(expect_terms: bool = True) -> list[str]:
    paths = []
    for reader, _offset in _leaves():
        folder = os.path.realpath(search._current_dir(search._root()))
        path = search_sidecar.path_for(folder, reader.segment())
        assert (search_sidecar.write_from_reader(reader, path) > 0) == expect_terms
        paths.append(path)
    _forget_open_segments()
    return paths


def _forget_open_segments():
    search.reset_cache()
    search_sets._segments.clear()


def _snapshot():
    out = []
    for q in QUERIES:
        r = search.search_postings(q, "de")
        out.append(([(h.id, round(h.score, 6)) for h in r.hits], r.total, r.facets))
    return out


def _rebuild_with_side_files() -> None:
    """A rebuild: the fast builder writes the side files itself."""
    search.rebuild()
    _forget_open_segments()


@pytest.mark.parametrize("write", [_write_side_files, _rebuild_with_side_files])
def test_side_file_reads_back_whooshs_postings_and_positions(corpus, write):
    write()
    compared = 0
    for reader, _offset in _leaves():
        side = search_sidecar.open_for(reader)
        assert side is not None
        for fieldname in sorted(search_sidecar.FIELDS):
            fmt = reader.schema[fieldname].format
            for btext in reader.lexicon(fieldname):
                matcher = reader._terms.matcher(fieldname, btext, fmt)
                ids, weights, positions = [], [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    if fmt.supports("positions"):
                        positions.append(fmt.decode_positions(matcher.value()))
                    matcher.next()
                side_ids, side_weights = side.postings(fieldname, btext)
                assert list(side_ids) == ids and list(side_weights) == pytest.approx(weights)
                if fmt.supports("positions"):
                    pos_ids, counts, flat = side.positions(fieldname, btext)
                    assert list(pos_ids) == ids and list(counts) == [len(p) for p in positions]
                    assert list(flat) == [p for doc in positions for p in doc]
                else:
                    assert side.positions(fieldname, btext) is None
                compared += 1
        side.close()
    assert compared > 50


@pytest.mark.parametrize("write", [_write_side_files, _rebuild_with_side_files])
def test_search_results_are_the_same_with_side_files(corpus, write):
    without = _snapshot()
    _forget_open_segments()
    write()
    assert all(seg.sidecar is not None for seg in _segments_in_use())
    assert _snapshot() == without
    for path in _side_files():
        os.remove(path)
    _forget_open_segments()
    assert all(seg.sidecar is None for seg in _segments_in_use())
    assert _snapshot() == without


def _side_files() -> list[str]:
    gen = search._current_dir(search._root())
    return [os.path.join(gen, n) for n in os.listdir(gen) if n.endswith(search_sidecar.EXT)]


def _segments_in_use():
    return search._with_searcher(lambda s: search._view(s).segments)


def test_short_posting_lists_stay_in_whoosh(corpus, monkeypatch):
    monkeypatch.setattr(search_sidecar, "MIN_DOCS", 10**6)
    for path in _write_side_files(expect_terms=False):
        side = search_sidecar.Sidecar(path)
        assert side.directory == {}
        side.close()
    assert search.search_postings(search.PostingQuery(q="Laser")).total == 30


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
def test_a_broken_side_file_is_ignored(corpus, damage):
    expected = _snapshot()
    for path in _write_side_files():
        data = open(path, "rb").read()
        with open(path, "wb") as f:
            if damage == "truncate":
                f.write(data[: len(data) // 2])
            elif damage == "garble":
                f.write(data[:8] + bytes(len(data) - 8))
    _forget_open_segments()
    assert all(seg.sidecar is None for seg in _segments_in_use())
    assert _snapshot() == expected


def test_whoosh_deletes_the_side_file_with_its_segment(corpus):
    paths = _write_side_files()
    gen = search._current_dir(search._root())
    from whoosh import index as whoosh_index

    writer = whoosh_index.open_dir(gen).writer()
    writer.commit(optimize=True)  # merges every segment into a new one
    assert not any(os.path.exists(p) for p in paths)
    _forget_open_segments()
    assert search.search_postings(search.PostingQuery(q="Laser")).total == 30


def test_writer_rejects_positions_that_do_not_fit(tmp_path):
    writer = search_sidecar.SidecarWriter(str(tmp_path / "x.ppost"))
    with pytest.raises(ValueError):
        writer.add("body_de", b"laser", [1, 2], [1.0, 1.0], [[0]])
    writer.abort()
    assert os.listdir(tmp_path) == []
