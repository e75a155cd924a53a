"""Document sets as bit masks: matching, filtering, facet counts and ordering without scoring.

Whoosh finds and scores documents one matcher step at a time in Python, several microseconds
per posting, and its `groupedby` facets read a value for every match. At national scale a
common word matches thousands of postings, so the portal does the counting part itself:

- A set of documents is a Python `int` used as a bit mask (bit n = global document number
  n). Intersections, unions and counts (`&`, `|`, `bit_count()`) run in C over the whole
  index at once: a few microseconds for 20,000 documents.
- The posting list of a term is read once, block by block, into a mask. Segments never
  change (only their deletions do), so masks are cached per segment across searchers: a
  refresh after an edit reopens the index but keeps the big segment's masks; only the new
  small segment is read.
- A `View` is one searcher's picture of the index: which documents are alive, the facet
  values' masks, the date columns for filters and sorting. Facets are counted by
  intersecting the match mask with each value's mask (or, for fields with many values and
  few matches, by looking the values of the matches up); only the page to show is scored
  (see `search._search_postings`).
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pickle import loads
from typing import Any

from whoosh import query as wq
from whoosh.formats import Positions
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.reading import TermNotFound
from whoosh.util.times import datetime_to_long

from portal.services import search_sidecar

_BITS = tuple(1 << i for i in range(8))
_BYTE_BITS = tuple(tuple(i for i in range(8) if b >> i & 1) for b in range(256))
_NONZERO = re.compile(rb"[^\x00]")

SEGMENT_CACHE = 8  # segments whose masks are kept (a few generations of a few segments)
TERM_CACHE = 4096  # term masks kept per segment (about 2.5 KB each at 20,000 documents)
TERM_POSTINGS = 1_000_000  # and their postings (8 bytes each), whichever limit comes first
MANY_VALUES = 32  # a facet with more values is counted per match when matches are few


def mask_of(ids: Iterable[int], size: int) -> int:
    """The mask of document numbers `ids` (all below `size`)."""
    bitmap = bytearray((size + 8) >> 3)
    bits = _BITS
    for i in ids:
        bitmap[i >> 3] |= bits[i & 7]
    return int.from_bytes(bitmap, "little")


def iter_bits(mask: int) -> Iterator[int]:
    """The document numbers in `mask`, ascending."""
    if not mask:
        return
    data = mask.to_bytes((mask.bit_length() + 7) >> 3, "little")
    table = _BYTE_BITS
    for match in _NONZERO.finditer(data):
        base = match.start() << 3
        for bit in table[data[match.start()]]:
            yield base + bit


class MaskFilter:
    """A mask as the `filter` of `Searcher.search` (Whoosh asks `docnum in filter`)."""

    def __init__(self, mask: int):
        self.mask = mask
        self.bitmap = mask.to_bytes((mask.bit_length() + 8) >> 3, "little")
        self.size = len(self.bitmap) << 3

    def __contains__(self, docnum: int) -> bool:
        return docnum < self.size and bool(self.bitmap[docnum >> 3] >> (docnum & 7) & 1)

    def __iter__(self) -> Iterator[int]:
        return iter_bits(self.mask)

    def __len__(self) -> int:
        return self.mask.bit_count()


class DocsQuery(wq.Query):
    """Exactly these global document numbers, each with score 0. ANDed with a text query it
    makes Whoosh score just these documents (the intersection skips the rest by blocks)."""

    def __init__(self, docnums: Iterable[int], searcher):
        self.docnums = sorted(docnums)
        self._offsets = {id(sub): offset for sub, offset in searcher.leaf_searchers()}

    def __eq__(self, other):
        return isinstance(other, DocsQuery) and other.docnums == self.docnums

    def __hash__(self):
        return hash(tuple(self.docnums))

    def __repr__(self):
        return f"DocsQuery({len(self.docnums)} documents)"

    def estimate_size(self, ixreader) -> int:
        return len(self.docnums)

    def estimate_min_size(self, ixreader) -> int:
        return len(self.docnums)

    def matcher(self, searcher, context=None):
        offset = self._offsets.get(id(searcher), 0)
        end = offset + searcher.doc_count_all()
        docnums = self.docnums
        local = [
            d - offset for d in docnums[bisect_left(docnums, offset) : bisect_left(docnums, end)]
        ]
        if not local:
            return NullMatcher()
        return ListMatcher(local, all_weights=0.0)


# --- per segment: what never changes while the segment exists -----------------------------


class _Segment:
    def __init__(self, reader):
        self.size = reader.doc_count_all()
        self.terms: OrderedDict[tuple[str, bytes], tuple[int, array, array]] = OrderedDict()
        self.postings = 0  # how many postings `terms` holds
        self.prefixes: OrderedDict[Any, int] = OrderedDict()  # prefix and phrase masks
        self.values: dict[str, dict[str, int]] = {}
        self.doc_values: dict[str, list[tuple[str, ...]]] = {}
        self.columns: dict[str, list[int]] = {}
        self.lock = threading.Lock()
        self.sidecar = search_sidecar.open_for(reader)  # long posting lists as raw arrays


_segments: OrderedDict[str, _Segment] = OrderedDict()
_segments_lock = threading.Lock()


def _segment(reader) -> _Segment:
    segment = reader.segment() if hasattr(reader, "segment") else None
    if segment is None:  # an empty index: nothing worth caching
        return _Segment(reader)
    key = f"{segment.segment_id()}:{reader.doc_count_all()}"
    with _segments_lock:
        seg = _segments.get(key)
        if seg is None:
            seg = _segments[key] = _Segment(reader)
            while len(_segments) > SEGMENT_CACHE:
                _segments.popitem(last=False)
        else:
            _segments.move_to_end(key)
        return seg


def _read_postings(reader, fieldname: str, btext: bytes) -> tuple[array, array]:
    """The segment's (document numbers, weights) for a term, deleted documents included
    (masks are combined with the live documents later, so this can be cached per segment)."""
    ids: array = array("I")
    weights: array = array("f")
    terms = getattr(reader, "_terms", None)  # raw postings: `postings()` drops deletions
    if terms is None:
        try:
            matcher = reader.postings(fieldname, btext)
        except TermNotFound:
            return ids, weights
    elif (fieldname, btext) not in terms:
        return ids, weights
    else:
        matcher = terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    if hasattr(matcher, "_read_data") and getattr(matcher, "_byteids", True) is None:
        # Whole blocks at a time, not one posting per step; the ids are stored as deltas
        # (`delta_decode` is a Python generator: `accumulate` sums them in C).
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            block_ids, block_weights = matcher._data[0], matcher._data[1]
            count = matcher._blocklength
            ids.extend(accumulate(block_ids))
            if block_weights is None:
                weights.extend([1.0] * count)
            elif isinstance(block_weights, float):
                weights.extend([block_weights] * count)
            else:
                weights.extend(block_weights)
            matcher._next_block()
        return ids, weights
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


def _positions(
    reader, seg: _Segment, fieldname: str, btext: bytes, wanted: bytes
) -> dict[int, list[int]]:
    """Positions of a term in the segment's documents whose bit is set in `wanted`; only the
    blocks holding such documents have their positions read."""
    fmt = reader.schema[fieldname].format
    found: dict[int, list[int]] = {}
    size = len(wanted) << 3
    side = seg.sidecar.positions(fieldname, btext) if seg.sidecar is not None else None
    if side is not None:
        ids, counts, flat = side
        start = 0
        for d, count in zip(ids, counts, strict=True):
            if d < size and wanted[d >> 3] >> (d & 7) & 1:
                found[d] = flat[start : start + count].tolist()
            start += count
        return found
    terms = getattr(reader, "_terms", None)
    if terms is None or (fieldname, btext) not in terms:
        return found
    matcher = terms.matcher(fieldname, btext, fmt)
    decode = _decode_positions if type(fmt) is Positions else fmt.decode_positions
    if hasattr(matcher, "_read_values") and getattr(matcher, "_byteids", True) is None:
        while matcher.is_active():
            if matcher._data is None:
                matcher._read_data()
            ids = list(accumulate(matcher._data[0]))
            hits = [i for i, d in enumerate(ids) if d < size and wanted[d >> 3] >> (d & 7) & 1]
            if hits:
                if matcher._values is None:
                    matcher._read_values()
                values = matcher._values
                for i in hits:
                    found[ids[i]] = decode(values[i])
            matcher._next_block()
        return found
    while matcher.is_active():
        d = matcher.id()
        if d < size and wanted[d >> 3] >> (d & 7) & 1:
            found[d] = decode(matcher.value())
        matcher.next()
    return found


def _phrase_mask(reader, seg: _Segment, fieldname: str, words: list[bytes], candidates: int) -> int:
    """The documents of `candidates` (segment numbers) where `words` stand in a row."""
    size = seg.size
    if not candidates or not words:
        return 0
    wanted = candidates.to_bytes((size + 8) >> 3, "little")
    positions = [_positions(reader, seg, fieldname, word, wanted) for word in words]
    found = []
    first = positions[0]
    for docnum in iter_bits(candidates):
        starts = first.get(docnum)
        if not starts:
            continue
        starts = set(starts)
        for k, later in enumerate(positions[1:], 1):
            at = later.get(docnum)
            if not at:
                starts = set()
                break
            starts &= {p - k for p in at}
            if not starts:
                break
        if starts:
            found.append(docnum)
    return mask_of(found, size)


def _segment_postings(reader, seg: _Segment, fieldname: str, btext: bytes):
    """(mask, document numbers, weights) of a term in a segment, cached."""
    key = (fieldname, btext)
    found = seg.terms.get(key)
    if found is None:
        side = seg.sidecar.postings(fieldname, btext) if seg.sidecar is not None else None
        ids, weights = side if side is not None else _read_postings(reader, fieldname, btext)
        found = (mask_of(ids, seg.size), ids, weights)
        with seg.lock:
            seg.terms[key] = found
            seg.postings += len(ids)
            while seg.terms and (len(seg.terms) > TERM_CACHE or seg.postings > TERM_POSTINGS):
                _key, (_mask, old, _w) = seg.terms.popitem(last=False)
                seg.postings -= len(old)
    return found


def _segment_term(reader, seg: _Segment, fieldname: str, btext: bytes) -> int:
    return _segment_postings(reader, seg, fieldname, btext)[0]


def _segment_values(reader, seg: _Segment, fieldname: str) -> dict[str, int]:
    found = seg.values.get(fieldname)
    if found is None:
        found = {}
        if fieldname in reader.schema:
            for btext in reader.lexicon(fieldname):
                mask = mask_of(_read_postings(reader, fieldname, btext)[0], seg.size)
                if mask:
                    found[btext.decode("utf-8")] = mask
        seg.values[fieldname] = found
    return found


def _segment_doc_values(reader, seg: _Segment, fieldname: str) -> list[tuple[str, ...]]:
    """Each document's values of a facet field (segment numbers, deleted documents too)."""
    found = seg.doc_values.get(fieldname)
    if found is None:
        found = [()] * seg.size
        for value, mask in _segment_values(reader, seg, fieldname).items():
            for docnum in iter_bits(mask):
                found[docnum] += (value,)
        with seg.lock:
            seg.doc_values[fieldname] = found
    return found


def _segment_column(reader, seg: _Segment, fieldname: str) -> list[int]:
    """A sortable field's raw values (DATETIME: microseconds since 0001), one per document."""
    found = seg.columns.get(fieldname)
    if found is None:
        if reader.has_column(fieldname):
            found = list(reader.column_reader(fieldname, translate=False))
        else:
            found = [0] * seg.size
        seg.columns[fieldname] = found
    return found


# --- per searcher: the index as one searcher sees it ------------------------------------------


class View:
    """Masks and orders over one searcher's documents (global document numbers)."""

    def __init__(self, searcher, doc_type: str = "posting"):
        self.searcher = searcher
        self.schema = searcher.schema
        self.leaves = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
        self.segments = [_segment(reader) for reader, _offset in self.leaves]
        self.size = searcher.doc_count_all()
        self.everything = (1 << self.size) - 1
        deleted = 0
        for reader, offset in self.leaves:
            if reader.has_deletions():
                deleted |= mask_of(reader.deleted_docs_set, reader.doc_count_all()) << offset
        self.alive = self.everything & ~deleted
        self._terms: dict[tuple[str, Any], int] = {}
        self._values: dict[str, dict[str, int]] = {}
        self._doc_values: dict[str, list[tuple[str, ...]]] = {}
        self._columns: dict[str, list[int]] = {}
        self._orders: dict[str, list[int]] = {}
        self._by_time: dict[str, tuple[list[int], list[int]]] = {}
        self._prefix_masks: dict[str, dict[int, int]] = {}
        self.results: OrderedDict[Any, Any] = OrderedDict()  # search.py's result cache
        self.typed = self.term("type", doc_type) & self.alive

    # terms and queries

    def term(self, fieldname: str, text: Any) -> int:
        """Documents with this term (deleted ones included: combine with `alive`)."""
        key = (fieldname, text)
        found = self._terms.get(key)
        if found is not None:
            return found
        if fieldname not in self.schema:
            return 0
        btext = self.schema[fieldname].to_bytes(text)
        found = 0
        for (reader, offset), seg in zip(self.leaves, self.segments, strict=True):
            found |= _segment_term(reader, seg, fieldname, btext) << offset
        self._terms[key] = found
        return found

    def postings(self, fieldname: str, text: Any) -> tuple[array, array]:
        """(global document numbers ascending, weights) of a term, deleted ones included."""
        key = ("postings", fieldname, text)
        found = self._terms.get(key)
        if found is None:
            btext = self.schema[fieldname].to_bytes(text)
            parts = [
                (_segment_postings(reader, seg, fieldname, btext), offset)
                for (reader, offset), seg in zip(self.leaves, self.segments, strict=True)
            ]
            if len(parts) == 1 and parts[0][1] == 0:
                found = (parts[0][0][1], parts[0][0][2])
            else:
                ids: array = array("I")
                weights: array = array("f")
                for (_mask, seg_ids, seg_weights), offset in parts:
                    ids.extend(d + offset for d in seg_ids)
                    weights.extend(seg_weights)
                found = (ids, weights)
            self._terms[key] = found
        return found

    def scores(self, q: wq.Query, docnums: list[int]) -> dict[int, float] | None:
        """Whoosh's own scores (the searcher's weighting, BM25F) of `docnums` for `q`, summed
        the way its matchers sum them, or None when `q` has parts this does not score
        (phrases, prefixes, coordination): then Whoosh must score them itself."""
        return _scores(self, q, docnums, 1.0)

    def prefix(self, fieldname: str, text: str) -> int:
        found = 0
        for (reader, offset), seg in zip(self.leaves, self.segments, strict=True):
            key = (fieldname, text)
            mask = seg.prefixes.get(key)
            if mask is None:
                mask = 0
                for btext in reader.expand_prefix(fieldname, text):
                    mask |= _segment_term(reader, seg, fieldname, btext)
                with seg.lock:
                    seg.prefixes[key] = mask
                    if len(seg.prefixes) > 256:
                        seg.prefixes.popitem(last=False)
            found |= mask << offset
        return found

    def docs(self, q: wq.Query, fields: frozenset[str] | None = None) -> int:
        """Documents matching `q` (alive ones only). With `fields`, only terms in those
        fields count (a clause's matches in the titles, say); exclusions always count."""
        return self._docs(q, fields) & self.alive

    def _docs(self, q: wq.Query, fields: frozenset[str] | None, known: int = 0) -> int:
        """The documents matching `q`, exactly for those outside `known` (documents the
        caller has already found: a phrase need not be checked in them)."""
        if isinstance(q, wq.Term):
            if fields is not None and q.fieldname not in fields:
                return 0
            return self.term(q.fieldname, q.text)
        if isinstance(q, wq.AndNot):
            return self._docs(q.a, fields, known) & ~self._docs(q.b, None)
        if isinstance(q, wq.And):
            found = self.everything
            for sub in q.subqueries:
                found &= self._docs(sub, fields, known)
                if not found:
                    break
            return found
        if isinstance(q, wq.Or):
            found = 0
            later = []
            for sub in q.subqueries:
                if _has_phrase(sub):
                    later.append(sub)
                else:
                    found |= self._docs(sub, fields, known)
            for sub in later:  # positions are read only for documents not found yet
                found |= self._docs(sub, fields, known | found)
            return found
        if isinstance(q, wq.Every):
            return self.everything
        if q is wq.NullQuery:
            return 0
        if isinstance(q, wq.Prefix):
            if fields is not None and q.fieldname not in fields:
                return 0
            return self.prefix(q.fieldname, q.text)
        if isinstance(q, wq.Phrase):
            if fields is not None and q.fieldname not in fields:
                return 0
            candidates = self.everything & ~known
            for word in q.words:  # cheap first: all the words must be there
                candidates &= self.term(q.fieldname, word)
                if not candidates:
                    return 0
            return self._phrase_docs(q, candidates & self.alive, cache=not known)
        if fields is not None:
            return 0
        return self._whoosh_docs(q, None)

    def _phrase_docs(self, q: wq.Phrase, candidates: int, cache: bool = True) -> int:
        """The documents of `candidates` with the phrase: the words stand next to each other
        (read from the positions of just those documents). `candidates` must hold every
        document with all the words for the result to be cached per segment."""
        fmt = self.schema[q.fieldname].format
        if q.slop != 1 or not fmt.supports("positions"):
            return self._whoosh_docs(q, None) & candidates
        key = ("phrase", q.fieldname, tuple(q.words))
        words = [self.schema[q.fieldname].to_bytes(w) for w in q.words]
        found = 0
        for (reader, offset), seg in zip(self.leaves, self.segments, strict=True):
            mask = seg.prefixes.get(key)
            if mask is None:
                local = candidates >> offset & ((1 << seg.size) - 1)
                mask = _phrase_mask(reader, seg, q.fieldname, words, local)
                if cache:
                    with seg.lock:
                        seg.prefixes[key] = mask
                        if len(seg.prefixes) > 256:
                            seg.prefixes.popitem(last=False)
            found |= mask << offset
        return found & candidates

    def phrase_matches(self, q: wq.Phrase, docnums: list[int]) -> int:
        """Which of `docnums` have the phrase (positions read for these documents only)."""
        candidates = mask_of(docnums, self.size) & self.alive
        for word in q.words:
            candidates &= self.term(q.fieldname, word)
            if not candidates:
                return 0
        return self._phrase_docs(q, candidates, cache=False)

    def _whoosh_docs(self, q: wq.Query, key) -> int:
        """Whoosh's own matches, per segment (cached per segment under `key` if given)."""
        found = 0
        for (sub, offset), seg in zip(self.searcher.leaf_searchers(), self.segments, strict=True):
            mask = seg.prefixes.get(key) if key is not None else None
            if mask is None:
                mask = mask_of(q.docs(sub), sub.doc_count_all())
                if key is not None:
                    with seg.lock:
                        seg.prefixes[key] = mask
                        if len(seg.prefixes) > 256:
                            seg.prefixes.popitem(last=False)
            found |= mask << offset
        return found

    # facets

    def values(self, fieldname: str) -> dict[str, int]:
        """Each value of a facet field and the (alive) documents that have it."""
        found = self._values.get(fieldname)
        if found is None:
            merged: dict[str, int] = {}
            for (reader, offset), seg in zip(self.leaves, self.segments, strict=True):
                for value, mask in _segment_values(reader, seg, fieldname).items():
                    merged[value] = merged.get(value, 0) | (mask << offset)
            found = {v: m & self.alive for v, m in merged.items()}
            self._values[fieldname] = found = {v: m for v, m in found.items() if m}
        return found

    def any_value(self, fieldname: str, values: Iterable[str]) -> int:
        known = self.values(fieldname)
        found = 0
        for value in values:
            found |= known.get(value, 0)
        return found

    def doc_values(self, fieldname: str) -> list[tuple[str, ...]]:
        """Each document's values of a facet field, by global document number (made per
        segment, so after an edit only the new small segment is read)."""
        found = self._doc_values.get(fieldname)
        if found is None:
            found = []
            for (reader, _offset), seg in zip(self.leaves, self.segments, strict=True):
                found += _segment_doc_values(reader, seg, fieldname)
            self._doc_values[fieldname] = found
        return found

    def count(self, fieldname: str, mask: int) -> dict[str, int]:
        """How many documents of `mask` have each value of the facet."""
        total = mask.bit_count()
        if not total:
            return {}
        values = self.values(fieldname)
        if len(values) > MANY_VALUES and total < len(values) * 6:
            counter: Counter[str] = Counter()
            doc_values = self.doc_values(fieldname)
            for docnum in iter_bits(mask):
                counter.update(doc_values[docnum])
            return dict(counter)
        counts = {}
        for value, value_mask in values.items():
            n = (mask & value_mask).bit_count()
            if n:
                counts[value] = n
        return counts

    # dates: filters and orders

    def column(self, fieldname: str) -> list[int]:
        """Raw values of a sortable field for every global document number."""
        found = self._columns.get(fieldname)
        if found is None:
            found = []
            for (reader, _offset), seg in zip(self.leaves, self.segments, strict=True):
                found += _segment_column(reader, seg, fieldname)
            self._columns[fieldname] = found
        return found

    def _time_index(self, fieldname: str) -> tuple[list[int], list[int]]:
        """The typed documents sorted by a date field: (values ascending, docnums)."""
        found = self._by_time.get(fieldname)
        if found is None:
            values = self.column(fieldname)
            docs = sorted(iter_bits(self.typed), key=values.__getitem__)
            found = self._by_time[fieldname] = ([values[d] for d in docs], docs)
        return found

    def after(self, fieldname: str, moment, inclusive: bool = False) -> tuple[int, int]:
        """(mask of the typed documents whose date is after `moment`, their number).

        The number identifies the mask for caching: documents sorted by date, the ones after
        a moment are always a suffix of that order, so equal numbers mean equal sets."""
        values, docs = self._time_index(fieldname)
        limit = datetime_to_long(moment)
        start = bisect_left(values, limit) if inclusive else bisect_right(values, limit)
        n = len(docs) - start
        masks = self._prefix_masks.setdefault(fieldname, {})
        mask = masks.get(n)
        if mask is None:
            if len(masks) > 64:
                masks.clear()
            mask = masks[n] = mask_of(docs[start:], self.size)
        return mask, n

    def order(self, name: str) -> list[int]:
        """Typed documents in a listing order: "newest" (published, newest first) or
        "deadline" (soonest deadline first, then newest); ties by document number."""
        found = self._orders.get(name)
        if found is None:
            published = self.column("published")
            docs = list(iter_bits(self.typed))
            docs.sort(key=published.__getitem__, reverse=True)  # stable: ties by number
            if name == "deadline":
                docs.sort(key=self.column("deadline").__getitem__)
            found = self._orders[name] = docs
        return found

    def first(self, mask: int, name: str, n: int, skip: int = 0) -> list[int]:
        """Documents `skip` to `skip + n` of `mask` in the order `name`."""
        want = skip + n
        if want <= 0 or not mask:
            return []
        count = mask.bit_count()
        order = self.order(name)
        if count * 16 < len(order) or want > count // 2:
            # Few matches (or a deep page): sort the matches themselves.
            rank = self.ranks(name)
            docs = sorted(iter_bits(mask), key=rank.__getitem__)
            return docs[skip:want]
        bitmap = mask.to_bytes((self.size + 8) >> 3, "little")
        out = []
        for docnum in order:
            if bitmap[docnum >> 3] >> (docnum & 7) & 1:
                out.append(docnum)
                if len(out) == want:
                    break
        return out[skip:]

    def ranks(self, name: str) -> list[int]:
        """Each document's place in the order `name` (documents outside it come last)."""
        key = "rank:" + name
        found = self._orders.get(key)
        if found is None:
            found = [len(self.order(name))] * self.size
            for rank, docnum in enumerate(self.order(name)):
                found[docnum] = rank
            self._orders[key] = found
        return found


# --- scoring a few documents without Whoosh's matchers ----------------------------------------


def _has_phrase(q: wq.Query) -> bool:
    return isinstance(q, wq.Phrase) or any(_has_phrase(sub) for sub in q.children())


def _decode_positions(value: bytes) -> list[int]:
    """`Positions.decode_positions` with the running sum in C."""
    if not value.endswith(b"."):
        value += b"."
    return list(accumulate(loads(value[4:])))


class _Unsupported(Exception):
    pass


def _scores(view: View, q: wq.Query, docnums: list[int], boost: float) -> dict[int, float] | None:
    try:
        return _node_scores(view, q, docnums, boost)
    except _Unsupported:
        return None


def _node_scores(view: View, q: wq.Query, docnums: list[int], boost: float) -> dict[int, float]:
    """{docnum: score} for the documents of `docnums` (ascending) that match `q`."""
    boost *= q.boost
    if isinstance(q, wq.Term):
        return _term_scores(view, q.fieldname, q.text, docnums, boost)
    if isinstance(q, wq.AndNot):
        excluded = view.docs(q.b)
        kept = [d for d in docnums if not excluded >> d & 1] if excluded else docnums
        return _node_scores(view, q.a, kept, boost)
    if isinstance(q, wq.And):
        found: dict[int, float] | None = None
        for sub in q.subqueries:
            part = _node_scores(view, sub, docnums if found is None else sorted(found), boost)
            found = part if found is None else {d: found[d] + s for d, s in part.items()}
            if not found:
                return {}
        return found or {}
    if isinstance(q, wq.Or) and not q.scale and not q.minmatch:
        found = {}
        for sub in q.subqueries:
            for d, s in _node_scores(view, sub, docnums, boost).items():
                found[d] = found.get(d, 0.0) + s
        return found
    if isinstance(q, wq.Phrase):  # Whoosh scores a phrase as the sum of its words
        matching = view.phrase_matches(q, docnums)
        kept = [d for d in docnums if matching >> d & 1]
        found = {}
        for word in q.words:
            for d, s in _term_scores(view, q.fieldname, word, kept, boost).items():
                found[d] = found.get(d, 0.0) + s
        return found
    if isinstance(q, wq.Prefix) and q.fieldname in view.schema:
        # Whoosh ORs the expanded terms, each scored by the weighting.
        expanded = [
            b.decode("utf-8") for b in view.searcher.reader().expand_prefix(q.fieldname, q.text)
        ]
        if len(expanded) == 1:
            return _term_scores(view, q.fieldname, expanded[0], docnums, boost)
        found = {}
        for text in expanded:
            for d, s in _term_scores(view, q.fieldname, text, docnums, boost).items():
                found[d] = found.get(d, 0.0) + s
        return found
    raise _Unsupported(type(q).__name__)


def _term_scores(view: View, fieldname: str, text, docnums: list[int], boost: float):
    if fieldname not in view.schema:
        return {}
    ids, weights = view.postings(fieldname, text)
    if not ids:
        return {}
    searcher = view.searcher
    scorer = searcher.weighting.scorer(searcher, fieldname, view.schema[fieldname].to_bytes(text))
    score = getattr(scorer, "_score", None)
    dfl = getattr(scorer, "dfl", None)
    n = len(ids)
    if n < 4 * len(docnums):  # few postings: walk them
        wanted = set(docnums)
        at = [(i, d) for i, d in enumerate(ids) if d in wanted]
    else:  # many postings: look the documents up
        at = []
        for d in docnums:
            i = bisect_left(ids, d)
            if i < n and ids[i] == d:
                at.append((i, d))
    if score is not None and dfl is not None:
        return {d: score(weights[i], dfl(d)) * boost for i, d in at}
    return {d: scorer.score(_Posting(d, weights[i])) * boost for i, d in at}


class _Posting:
    """The matcher a scorer expects, at one posting."""

    def __init__(self, docnum: int, weight: float):
        self._docnum, self._weight = docnum, weight

    def id(self) -> int:
        return self._docnum

    def weight(self) -> float:
        return self._weight
