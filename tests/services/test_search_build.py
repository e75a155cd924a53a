"""The fast segment writer of rebuilds (`search_build`) against Whoosh's own `SegmentWriter`.

`SegmentBuilder` relies on Whoosh internals (the W3 block layout, the term table, the
analyzers' caches); these tests compare what it writes with what Whoosh writes for the same
documents, down to every block of every posting list, so a change on either side shows here.
"""

from __future__ import annotations

import io
import os
import pickle
import random
import struct
import zlib
from datetime import datetime, timedelta

import pytest
from whoosh import index as whoosh_index
from whoosh.analysis.tokenizers import default_pattern
from whoosh.codec import default_codec
from whoosh.formats import Positions

from portal.services import demo, search, search_analysis, search_build
from portal.services import search_documents as documents
from tests.factories import OrganisationFactory, PostingFactory, TopicFactory, TrainingFactory

TEXTS = [
    "Entwicklungsingenieur Lasertechnik (m/w/d) für Präzisionsoptik und Glasfasern",
    "Die Meßtechnik der optischen Systeme, ÄÖÜ ẞ ß, Café und die Lasern.",
    "Development engineer for ultrafast fibre lasers — v1.2.3 e.g. R&D, 3.5 mm",
    "a b c x y z 12 der die das and the of",
    "und die der",  # stop words only
    "Die Optik, die Optik und nochmals die Optik: Optikdesign, Optiker, optisch.",
    "The optics of the optical design; OPTICS optics Optics.",
    "Straße Strasse STRASSE straße Fußgängerzone Größe groesse",
    "",
    "   ",
    "*star* wild*card a.b.c ..dots.. x_y 1,5 2.000,00",
    "Laser " * 300 + "Optik " * 3,  # positions beyond 255, a long posting list in one doc
    "Faser " * 1200,  # more than 1000 positions of one term
    " ".join(f"wort{i % 97} Messtechnik" for i in range(700)),
    "a..b a.b. .a. a.*.b ** *.* 1.2.3.4 e.g.. x.y.z_ ü.ß.é 3.",
    "\n".join(["Zeile eins.", "zwei.drei", "", "* Punkt", "vier.", "fünf"]),
]


def _plans(schema):
    return {name: search_build._FieldPlan(name, field) for name, field in schema.items()}


# --- analysis ---------------------------------------------------------------------------------


def test_word_pattern_finds_the_words_of_whooshs_tokenizer():
    assert default_pattern.pattern == search_build.DEFAULT_PATTERN_SOURCE
    rng = random.Random(5)
    noise = ["".join(rng.choice("ab1ä_.*. -\n") for _ in range(40)) for _ in range(3000)]
    for text in TEXTS + noise:
        expected = [m.group(0) for m in default_pattern.finditer(text)]
        assert search_build.WORD_PATTERN.findall(text) == expected


def _demo_texts() -> list[str]:
    """The demo's German and English phrases, and random mixtures of all the words."""
    from portal.services.demo_data import phrases

    pairs = [phrases.DEMO_NOTE, phrases.DEFAULT_TASKS_HEADING, phrases.VISA_OFFER]
    pairs += [*phrases.TASKS_HEADING.values(), *phrases.CLOSINGS.values()]
    pairs += [pair for offers in phrases.KIND_OFFERS.values() for pair in offers]
    pairs += [*phrases.BENEFIT_OFFERS.values(), *phrases.LEVEL_WORDS.values()]
    texts = [text for pair in pairs for text in pair]
    words = " ".join(texts + TEXTS).split()
    rng = random.Random(3)
    return texts + [" ".join(rng.choices(words, k=rng.randrange(1, 80))) for _ in range(300)]


@pytest.mark.parametrize("decompound", [True, False])
def test_word_values_equal_field_index(decompound):
    schema = search.make_schema(decompound=decompound)
    plans = _plans(schema)
    text_fields = [name for name, plan in plans.items() if plan.terms is not None]
    assert set(text_fields) == {"title_de", "body_de", "title_en", "body_en", "names", "words"}
    for name in text_fields:
        for text in TEXTS + _demo_texts():
            expected = list(schema[name].index(text))
            assert search_build.word_values(text, plans[name]) == expected, (name, text)


def test_fast_indexing_equals_field_index_per_document():
    """`_add_words` (inline, no dict per text) gives each document's `field.index` items."""
    schema = search.make_schema()
    plans = _plans(schema)
    for name, plan in plans.items():
        if plan.terms is None:
            continue
        terms: dict = {}
        builder = object.__new__(search_build.SegmentBuilder)
        builder.max_pos = 0
        lengths = [
            builder._add_words(terms, text, plan, docnum) for docnum, text in enumerate(TEXTS)
        ]
        search_build._grow(builder.max_pos)
        for docnum, text in enumerate(TEXTS):
            expected = sorted(schema[name].index(text))
            got = []
            for key, seen in terms.items():
                for doc, p in zip(seen[0::2], seen[1::2], strict=True):
                    if doc != docnum:
                        continue
                    if not plan.phrase:
                        got.append((key.encode(), p, float(p), struct.pack("!I", p)))
                    else:
                        plist = p if isinstance(p, list) else [p]
                        value = search_build._encode_positions(plist)
                        got.append((key.encode(), len(plist), float(len(plist)), value))
            assert sorted(got) == expected, (name, text)
            assert lengths[docnum] == (sum(f for _t, f, _w, _v in expected), len(expected))


def test_position_encoding_equals_whooshs():
    rng = random.Random(7)
    fmt = Positions()
    for _ in range(3000):
        n = rng.choice([1, 2, 3, 10, 999, 1000, 1001, 2500])
        top = rng.choice([5, 255, 256, 300, 70_000, 10**7])
        plist = sorted(rng.randrange(top) for _ in range(n))
        assert search_build._encode_positions(plist) == fmt.encode(plist)
    search_build._grow(300)
    for pos in range(300):
        assert search_build._ONE_POSITION[pos] == fmt.encode([pos])


def test_internals_relied_on_are_there():
    from whoosh.codec.whoosh3 import W3TermInfo
    from whoosh.filedb import filetables

    codec = default_codec()
    assert type(codec) is search_build.W3Codec
    assert (codec._blocklimit, codec._compression, codec._inlinelimit) == (128, 3, 1)
    assert search_build._TERMINFO.format == W3TermInfo._struct.format
    assert search_build._KEY_LENGTHS.format == filetables._lengths.format
    assert search_build.supported(search.make_schema())
    analyzer = search_analysis.german_analyzer()
    analyzer.terms_function(False)("Optik")
    assert search_analysis._CACHES[("de", False)]["Optik"] == ("opt",)


# --- whole segments ---------------------------------------------------------------------------


def _synthetic_documents(n: int) -> list[dict]:
    """Documents of every field with awkward values: umlauts, compounds, stop words only,
    repeated words, terms in more than 128 documents (several blocks), empty values."""
    rng = random.Random(11)
    words = [w for text in TEXTS for w in text.split()] or ["x"]
    start = datetime(2024, 1, 1)
    docs = []
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 60)))
        title = f"{rng.choice(['Ingenieur', 'Optiker', 'Engineer'])} {rng.choice(words)} {i % 7}"
        doc = {
            "id": f"posting:{10_000 + i}",
            "type": "posting",
            "org_id": str(i % 5),
            "kind": rng.choice(["job", "phd", "thesis"]),
            "org": rng.choice(["", "ifo", "lasertec"]),
            "orgkind": "company",
            "remote": rng.choice(["onsite", "hybrid"]),
            "employment": "full_time",
            "topic": ",".join(rng.sample(["laser", "optik", "software", "faser"], i % 3)),
            "city": rng.choice(["Jena", "Jena,Erfurt", "München", ""]),
            "lang": "de,en",
            "leadership": i % 2 == 0,
            "visa": i % 3 == 0,
            "published": start + timedelta(hours=i),
            "deadline": start + timedelta(days=i % 10),
            "expires": start + timedelta(days=30, seconds=i),
            "title_de": title,
            "body_de": body,
            "title_en": rng.choice(TEXTS),
            "body_en": rng.choice(TEXTS) + " " + body,
            "names": rng.choice(["Muster Optik GmbH Jena", "Café Größe", "und die"]),
            "words": "\n".join([title, body]),
            "snip_de": body[:50],
        }
        if i % 4 == 0:
            doc["featured_until"] = start + timedelta(days=i)
        if i % 9 == 0:
            doc["body_de"] = None  # skipped, as Whoosh skips it
        if i % 13 == 0:
            doc["sortname"] = f"muster {i}"
        if i % 11 == 0:
            doc["topic"] = ["laser", "optik"]  # a list: not remembered per value
        docs.append(doc)
    docs.append({"id": "posting:1", "type": "posting", "title_de": "und die der"})  # no terms
    docs.append({"id": "posting:2", "type": "posting", "title_de": ["Laser", "Optik"]})  # a list
    docs.append({"id": "posting:3", "type": "posting", "words": "Laser Laser", "_boost": 2.0})
    docs.append({"id": "posting:4", "type": "posting", "title_en": "laser", "_title_en_boost": 3})
    docs.append(
        {"id": "posting:5", "type": "posting", "title_de": "Optik", "_stored_title_de": "x"}
    )
    docs.append({"id": "posting:6", "type": "posting", "body_de": "Optik Laser " * 5})
    return docs


def _demo_documents() -> list[dict]:
    demo.seed_demo()
    laser = TopicFactory(slug="lasertechnik-b", name_de="Lasertechnik", name_en="Laser technology")
    org = OrganisationFactory(name="Präzisionsoptik Größe & Söhne", slug="praezision", city="Jena")
    PostingFactory(
        organisation=org,
        topics=[laser],
        texts={
            "de": {"title": "Ingenieur (m/w/d) Präzisionsoptik", "body": "Die **Optik** und die"},
            "en": {"title": "Engineer optics", "body": "The optics of the lasers, e.g. fibre"},
        },
        featured_until=search.utcnow() + timedelta(days=3),
    )
    TrainingFactory(organisation=org)
    with search._reader() as session:
        return list(documents.all_documents(session))


@pytest.fixture
def docs():
    return _demo_documents() + _synthetic_documents(400)


def _whoosh_index(path, docs):
    path.mkdir()
    ix = whoosh_index.create_in(str(path), search.make_schema())
    writer = ix.writer(procs=1, limitmb=128)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return whoosh_index.open_dir(str(path))


def _fast_index(path, docs, **kwargs):
    path.mkdir()
    ix = whoosh_index.create_in(str(path), search.make_schema())
    assert search_build.build(ix, docs, **kwargs) == len(docs)
    return whoosh_index.open_dir(str(path))


def _blocks(reader, terminfo: bytes) -> list:
    """A term's posting blocks, decoded: (last?, info without the compression, data)."""
    offset, length = struct.unpack("!qi", terminfo[23:35])
    postfile = reader._terms._postfile
    postfile.seek(offset)
    raw = postfile.read(length)
    assert raw[:4] == b"W3Bl"
    pos, out = 4, []
    while pos < len(raw):
        (size,) = struct.unpack("!i", raw[pos : pos + 4])
        f = io.BytesIO(raw[pos + 4 : pos + 4 + abs(size)])
        info = pickle.load(f)
        data = f.read()
        assert info[3] in (0, 3)
        data = zlib.decompress(data) if info[3] else data
        out.append((size < 0, info[:3] + info[4:], pickle.loads(data)))
        pos += 4 + abs(size)
    return out


def _leaves(reader) -> list:
    if reader.is_atomic():
        return [(reader, 0)]
    return list(zip(reader.readers, reader.doc_offsets, strict=True))


def _contents(ix) -> dict:
    """Everything a reader sees: postings (ids, weights, values) and term statistics per
    term, field lengths, stored fields, columns, document counts."""
    out: dict = {}
    with ix.reader() as reader:
        n = reader.doc_count_all()
        out["docs"] = (n, reader.doc_count())
        out["stored"] = [reader.stored_fields(d) for d in range(n)]
        for name, field in ix.schema.items():
            entry: dict = {
                "lengths": [reader.doc_field_length(d, name) for d in range(n)],
                "total": reader.field_length(name),
            }
            if field.scorable:
                entry["max"] = reader.max_field_length(name)
            if field.column_type:  # per segment: a segment without the column has defaults
                default = field.column_type.default_value()
                entry["column"] = column = []
                for leaf, _offset in _leaves(reader):
                    size = leaf.doc_count_all()
                    if leaf.has_column(name):
                        values = leaf.column_reader(name, translate=False)
                        column += [values[d] for d in range(size)]
                    else:
                        column += [default] * size
            if field.indexed:
                terms = {}
                for btext in reader.lexicon(name):
                    m = reader.postings(name, btext)
                    postings = []
                    while m.is_active():
                        postings.append((m.id(), m.weight(), m.value()))
                        m.next()
                    terms[btext] = (
                        postings,
                        reader.doc_frequency(name, btext),
                        reader.frequency(name, btext),
                    )
                entry["terms"] = terms
            out[name] = entry
    return out


def test_segment_equals_whooshs(tmp_path, docs):
    expected = _whoosh_index(tmp_path / "whoosh", docs)
    got = _fast_index(tmp_path / "fast", docs)
    assert _contents(got) == _contents(expected)

    with expected.reader() as a, got.reader() as b:
        assert a._terms._fieldmap == b._terms._fieldmap
        table_a = list(a._terms._tindex.items())
        table_b = list(b._terms._tindex.items())
        assert [k for k, _v in table_a] == [k for k, _v in table_b]
        several_blocks = 0
        for (key, info_a), (_key, info_b) in zip(table_a, table_b, strict=True):
            # the term info: flags, weight, doc frequency, lengths, max weight, ids
            assert info_a[:23] == info_b[:23], key
            blocks = _blocks(a, info_a)
            assert _blocks(b, info_b) == blocks, key
            several_blocks += len(blocks) > 1
        assert several_blocks > 10
        assert b.segment().compound and len(b.leaf_readers()) == 1


def test_bounded_memory_writes_several_segments_with_the_same_content(tmp_path, docs):
    expected = _whoosh_index(tmp_path / "whoosh", docs)
    got = _fast_index(tmp_path / "fast", docs, max_postings=20_000)
    with got.reader() as reader:
        assert len(reader.leaf_readers()) > 2
    assert _contents(got) == _contents(expected)


def test_no_documents_give_an_empty_index(tmp_path):
    ix = _fast_index(tmp_path / "empty", [])
    with ix.searcher() as searcher:
        assert searcher.doc_count_all() == 0
    assert not [name for name in ix.storage.list() if name.endswith(".tmp")]


# --- rebuilds ---------------------------------------------------------------------------------

QUERIES = [
    search.PostingQuery(),
    search.PostingQuery(q="Laser"),
    search.PostingQuery(q="Optik"),
    search.PostingQuery(q="optics engineer"),
    search.PostingQuery(q="Präzisionsoptik"),
    search.PostingQuery(q='"optical design"'),
    search.PostingQuery(q="opt*"),
    search.PostingQuery(q="Ingenieur -Laser"),
    search.PostingQuery(q="Messtechnik Jena", kind=("job",)),
    search.PostingQuery(q="Laser", sort="newest", page=2, per_page=5),
    search.PostingQuery(city=("Jena",), sort="deadline"),
    search.PostingQuery(q="Lasr Optk"),  # a suggestion
]


def _snapshot() -> list:
    out = []
    for q in QUERIES:
        for lang in ("de", "en"):
            r = search.search_postings(q, lang)
            hits = [
                (h.id, round(h.score, 5), str(h.title_html), str(h.snippet_html)) for h in r.hits
            ]
            out.append((hits, r.total, r.facets, r.suggestion, r.relaxed))
    for q in ("", "Laser", "Optik Kurs", "Jena"):
        for fn in (search.search_trainings, search.search_organisations):
            r = fn(q)
            out.append(([(h.id, round(h.score, 5)) for h in r.hits], r.total))
    return out


def _whoosh_build(ix, docs, max_postings=0) -> int:
    """`search_build.build` done by Whoosh's writer: the reference for one process."""
    writer = ix.writer(procs=1, limitmb=128)
    count = 0
    for doc in docs:
        writer.add_document(**doc)
        count += 1
    writer.commit()
    return count


def _whoosh_build_in_parallel(ix, shares) -> int:
    """`_build_in_parallel` as it was, one `SegmentWriter` segment per share, but in this
    process: the reference for a parallel rebuild (scores depend on the segments)."""
    from whoosh.writing import SegmentWriter

    segments = []
    count = 0
    with search._reader() as session:
        for share in shares:
            writer = SegmentWriter(ix, _lk=False)
            for doc in documents.documents_for(session, share):
                writer.add_document(**doc)
                count += 1
            segments.append(writer._finalize_segment())
    search_build.commit(ix, segments)
    return count


def test_rebuilds_give_the_results_of_whooshs_writer(tmp_path, monkeypatch):
    """Rebuilds in one process and in two (each process a `SegmentBuilder`) find, rank,
    count and highlight as indexes written by Whoosh's own writer do."""
    from flask_migrate import upgrade

    from portal import create_app
    from portal.extensions import db as _db

    app = create_app(
        {
            "ENV_NAME": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'build.db'}",
            "SEARCH_INDEX_DIR": str(tmp_path / "index"),
            "MAIL_OUTBOX_DIR": str(tmp_path / "outbox"),
            "SEARCH_INDEX_PROCS": 2,
        }
    )
    with app.app_context():
        upgrade()
        counts = demo.seed_demo()
        _db.session.commit()

        def rebuild(parallel: bool, whoosh: bool) -> list:
            with monkeypatch.context() as patch:
                patch.setattr(search, "PARALLEL_FROM", 1 if parallel else 10**9)
                patch.setattr(search.documents, "LOAD_CHUNK", 16)  # both processes get some
                if whoosh:
                    patch.setattr(search_build, "build", _whoosh_build)
                    patch.setattr(search, "_build_in_parallel", _whoosh_build_in_parallel)
                assert search.rebuild() > counts["postings"] // 2
                gen = search._current_dir(search._root())
                with whoosh_index.open_dir(gen).reader() as reader:
                    assert len(reader.leaf_readers()) == (2 if parallel else 1)
                assert not [name for name in os.listdir(gen) if name.endswith(".tmp")]
                return _snapshot()

        try:
            assert rebuild(parallel=True, whoosh=False) == rebuild(parallel=True, whoosh=True)
            assert rebuild(parallel=False, whoosh=False) == rebuild(parallel=False, whoosh=True)
        finally:
            search.reset_cache()
            _db.session.remove()
