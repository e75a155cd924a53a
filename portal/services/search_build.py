"""A fast writer for fresh index segments, for full rebuilds (issue #7).

Whoosh's `SegmentWriter` is general: every posting becomes a tuple in a pool that is sorted
as a whole, and writing the pool looks up each posting's field length in a column reader and
passes the posting through `add_posting` one at a time. For a rebuild that machinery cost
more than the analysis itself. `SegmentBuilder` writes the same segment more directly:

- text fields whose analyzer is a `WordAnalyzer` are indexed with the analyzer's cached
  word -> terms mapping straight into per-term posting lists (no `Token` objects, no dict
  per text); other fields through `field.index`, remembered per value;
- postings are kept per field and term; documents arrive in ascending order, so only the
  terms are sorted at the end. Field lengths are a `bytearray` per field;
- each term's postings are written block by block in the W3 layout (`_term_bytes`), with
  the statistics `W3PostingsWriter` records, and entered in the term table.

What a reader gets is what `SegmentWriter` gives: the same terms, postings (documents,
weights, value bytes), block and term statistics, stored fields, columns and lengths. Two
things differ on disk, both read by Whoosh's own reader: block data is pickled with protocol
4 instead of 2 (`DATA_PROTOCOL`) and blocks under `SMALL_BLOCK` bytes are not compressed.

Stored fields, columns and lengths go through Whoosh's `W3PerDocWriter`, the term table is
`W3FieldWriter`'s. The rest relies on W3 internals (the block layout, private attributes of
the codec's writers, the analyzers' caches): `tests/services/test_search_build.py` compares
whole segments with `SegmentWriter`'s, so a Whoosh upgrade that changes them fails there.
"""

from __future__ import annotations

import operator
import re
import struct
import threading
import zlib
from array import array
from collections.abc import Callable, Iterable
from itertools import chain
from pickle import dumps
from typing import Any

from whoosh import formats
from whoosh.codec import default_codec
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec
from whoosh.fields import BOOLEAN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema, UnknownFieldError
from whoosh.index import TOC, clean_files
from whoosh.system import pack_int, pack_long, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte

from portal.services import search_sidecar
from portal.services.search_analysis import _CACHES, WordAnalyzer

# The words of `whoosh.analysis.tokenizers.default_pattern` (what `WordAnalyzer` matches),
# `[\w*]+(\.?[\w*]+)*`: a dot-less repetition of the group only continues the first run of
# word characters, so the same words are found with the dot required, and without a group
# `findall` returns them whole (13% faster than the same pattern made non-capturing).
WORD_PATTERN = re.compile(r"[\w*]+(?:\.[\w*]+)*")
DEFAULT_PATTERN_SOURCE = r"[\w\*]+(\.?[\w\*]+)*"  # checked against Whoosh's in the tests

# Postings kept in memory before a segment is closed and the next begun (an index of several
# segments searches as one; see `SegmentBuilder`). About 40 bytes each: ~400 MB at most.
MAX_POSTINGS = 10_000_000

# Pickle protocol of the posting blocks' data. Whoosh writes protocol 2, which has no opcode
# for bytes: each posting value is pickled as a call of `_codecs.encode(str, "latin1")`, and
# unpickled by making that call. Protocol 4 stores bytes as they are: a block pickles 8x
# faster, compresses to half the size and reads back 4x faster. Whoosh's reader unpickles
# any protocol (`pickle.loads` reads it from the data), so the segment stays a W3 segment.
DATA_PROTOCOL = 4

# Blocks whose data pickles to fewer bytes are stored uncompressed (the block's info records
# compression 0, which Whoosh's reader honours): zlib makes them no smaller, and compressing
# them took a third of the compression time. Two thirds of all blocks are that small.
SMALL_BLOCK = 64

_TERMINFO = struct.Struct("!BfIBBfII")  # W3TermInfo._struct
_KEY_LENGTHS = struct.Struct("!ii")  # filetables._lengths: before each key and value
_sub = operator.sub


class _FieldPlan:
    """How one field of the schema is indexed."""

    __slots__ = (
        "name",
        "field",
        "indexed",
        "scorable",
        "stored",
        "column",
        "terms",
        "cache",
        "phrase",
        "pure",
    )

    def __init__(self, name: str, field: Any):
        self.name = name
        self.field = field
        self.indexed = field.indexed
        self.scorable = field.scorable
        self.stored = field.stored
        self.column = field.column_type
        # A `WordAnalyzer` text field: word -> terms (the analyzer's function and its cache)
        self.terms: Callable[[str], tuple[str, ...]] | None = None
        self.cache: dict[str, tuple[str, ...]] = {}
        self.phrase = False
        if (
            isinstance(field, TEXT)
            and isinstance(field.analyzer, WordAnalyzer)
            and type(field.format) in (formats.Positions, formats.Frequency)
            and field.format.field_boost == 1.0
        ):
            self.terms = field.analyzer.terms_function(False)
            self.terms("")  # makes the cache exist (a stop word: nothing is kept)
            self.cache = _CACHES[(field.analyzer.kind, False)]
            self.phrase = type(field.format) is formats.Positions
        # Fields whose `index()` and `to_column_value()` depend on the value alone, so their
        # results are remembered per value (dates, kinds, flags repeat across documents).
        self.pure = type(field) in _PURE_FIELDS


_PURE_FIELDS = (ID, KEYWORD, BOOLEAN, NUMERIC, DATETIME)
PURE_CACHE = 20_000  # values remembered per field (then all forgotten)


def _remembered(caches: dict[str, dict], plan: _FieldPlan, value: Any, make: Callable) -> Any:
    """`make()`, remembered per value of a field whose results depend on the value alone."""
    if not plan.pure:
        return make()
    cache = caches[plan.name]
    key = (type(value), value)  # 1 and True are equal, their terms are not
    try:
        found = cache.get(key, cache)
    except TypeError:  # unhashable, a list
        return make()
    if found is cache:
        if len(cache) >= PURE_CACHE:
            cache.clear()
        found = cache[key] = make()
    return found


def supported(schema: Schema) -> bool:
    """Whether `SegmentBuilder` writes this schema exactly as `SegmentWriter` would: no term
    vectors, no separate spelling fields (neither is written here)."""
    return all(
        not field.vector and not field.separate_spelling() for _name, field in schema.items()
    )


# Encoded posting values are the same bytes for the same frequency (or single position), so
# they are made once and shared by every posting that has them.
_FREQ_VALUES: list[bytes] = []  # Frequency.encode: frequency -> bytes
_ONE_POSITION: list[bytes] = []  # Positions.encode([pos]): pos -> bytes


_GROWING = threading.Lock()


def _grow(upto: int) -> None:
    """Make the encodings of frequencies and single positions up to `upto` (inclusive).

    Under a lock: two rebuilds in threads of one process must not append the same number
    twice (a list index is the number encoded)."""
    if len(_FREQ_VALUES) > upto:
        return
    with _GROWING:
        for n in range(len(_FREQ_VALUES), upto + 1):
            _FREQ_VALUES.append(pack_uint(n))
            _ONE_POSITION.append(pack_uint(1) + dumps([n], 2))


_grow(1023)


def _encode_positions(plist: list[int]) -> bytes:
    """`Positions.encode(plist)`: the count, then the deltas pickled (protocol 2).

    The usual case, 2 to 1000 deltas below 256, is put together directly: what the C
    pickler writes for such a list (PROTO 2, EMPTY_LIST, BINPUT 0, MARK, BININT1 per item,
    APPENDS, STOP). The tests compare it with `Positions.encode`."""
    n = len(plist)
    deltas = list(map(_sub, plist, [0, *plist[:-1]]))
    if 1 < n <= 1000:
        try:
            small = bytes(deltas)
        except ValueError:  # a delta of 256 or more
            pass
        else:
            body = bytearray(b"K" * (2 * n))
            body[1::2] = small
            return b"".join((pack_uint(n), b"\x80\x02]q\x00(", body, b"e."))
    return pack_uint(n) + dumps(deltas, 2)


def word_index(value: str, plan: _FieldPlan) -> tuple[dict[str, list[int]], int]:
    """{term: positions} of a text and its length in terms.

    What `WordAnalyzer(value, positions=True, mode="index")` yields, grouped by term: stop
    words take no position, except that those before the first kept word count (the first
    kept word takes its index among all words), as `StopFilter` renumbers. A reference for
    the tests; `SegmentBuilder` does the same inline.
    """
    terms = plan.terms
    assert terms is not None
    poses: dict[str, list[int]] = {}
    pos = -1
    started = False
    length = 0
    for index, word in enumerate(WORD_PATTERN.findall(value)):
        found = terms(word)
        if not found:
            continue
        pos = pos + 1 if started else index
        started = True
        for text in found:
            length += 1
            poses.setdefault(text, []).append(pos)
    return poses, length


def word_values(value: str, plan: _FieldPlan) -> list[tuple[bytes, int, float, bytes]]:
    """`field.index(value)` of a `WordAnalyzer` text field, made with `word_index`:
    (term bytes, frequency, weight, value bytes) per term, in the same order."""
    poses, _length = word_index(value, plan)
    out = []
    for text, plist in poses.items():
        freq = len(plist)
        if not plan.phrase:
            vbytes = pack_uint(freq)
        elif freq == 1:
            vbytes = _ONE_POSITION[plist[0]] if plist[0] < len(_ONE_POSITION) else b""
            vbytes = vbytes or _encode_positions(plist)
        else:
            vbytes = _encode_positions(plist)
        out.append((text.encode("utf-8"), freq, float(freq), vbytes))
    return out


class SegmentBuilder:
    """Writes documents into new segments of `ix` without committing them.

    Documents are numbered from 0 in each segment. `finish()` returns the segments; the
    caller writes the TOC (`commit`) or hands the segments to the process that does. A new
    segment is begun whenever `max_postings` postings are held, so memory stays bounded; a
    rebuild of 20,000 postings stays in one segment per process.

    Postings of text fields are kept per term as a flat list [doc, p, doc, p, ...] where p
    is the position (an int) while the term occurs once in the document, the list of its
    positions when more often (Positions format), or the frequency (Frequency format).
    Other fields (and texts that need Whoosh's way, see `_to_items`) keep
    [doc, weight, value bytes, ...].

    The temporary files of the segments live in the index's `<indexname>.tmp` folder, which
    the caller removes afterwards (processes building in parallel share it).
    """

    def __init__(self, ix, max_postings: int = MAX_POSTINGS, compound: bool = True):
        self.storage = ix.storage
        self.indexname = ix.indexname
        self.schema = ix.schema
        if not supported(self.schema):
            raise ValueError("schema has term vectors or spelling fields")
        self.codec = default_codec()
        if not isinstance(self.codec, W3Codec):
            raise ValueError(f"unsupported codec {self.codec!r}")
        self.max_postings = max_postings
        self.compound = compound
        self.plans = {name: _FieldPlan(name, field) for name, field in self.schema.items()}
        self.pure: dict[str, dict[Any, Any]] = {name: {} for name in self.plans}
        self.columns: dict[str, dict[Any, Any]] = {name: {} for name in self.plans}
        self.segments: list[Any] = []
        self.count = 0  # documents added, all segments
        self._begin()

    def _begin(self) -> None:
        self.segment = self.codec.new_segment(self.storage, self.indexname)
        self.perdoc = self.codec.per_document_writer(self.storage, self.segment)
        self.docnum = 0
        self.postings: dict[str, dict[Any, list]] = {}  # field -> term -> postings
        self.as_items: set[str] = set()  # text fields whose postings are kept as items
        self.lengths: dict[str, bytearray] = {}  # field -> length byte per document
        self.held = 0
        self.max_pos = 0

    def add_document(self, **fields: Any) -> None:
        """Add a document as `SegmentWriter.add_document` does (`_boost`, `_<field>_boost`
        and `_stored_<field>` included)."""
        plans = self.plans
        docnum = self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        for name in names:
            if name not in plans:
                raise UnknownFieldError(f"No field named {name!r} in {self.schema}")
        special = len(names) < len(fields)  # boosts or stored values of their own
        docboost = float(fields["_boost"]) if "_boost" in fields else 1.0
        perdoc = self.perdoc
        perdoc.start_doc(docnum)
        held = 0
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                plan = plans[name]
                length = 0
                if plan.indexed:
                    terms = self.postings.get(name)
                    if terms is None:
                        terms = self.postings[name] = {}
                    fieldboost = docboost
                    if special and f"_{name}_boost" in fields:
                        fieldboost = float(fields[f"_{name}_boost"])
                    if plan.terms is not None and name not in self.as_items:
                        if type(value) is str and fieldboost == 1.0:
                            length, n = self._add_words(terms, value, plan, docnum)
                        else:
                            self._to_items(name)
                            length, n = self._add_items(terms, value, plan, docnum, fieldboost)
                    else:
                        length, n = self._add_items(terms, value, plan, docnum, fieldboost)
                    held += n
                    if not plan.scorable:
                        length = 0
                    elif length:
                        lens = self.lengths.get(name)
                        if lens is None:
                            lens = self.lengths[name] = bytearray()
                        if len(lens) <= docnum:
                            lens.extend(bytes(docnum + 1 - len(lens)))
                        lens[docnum] = length_to_byte(length)
                custom = fields.get(f"_stored_{name}", value) if special else value
                perdoc.add_field(name, plan.field, custom if plan.stored else None, length)
                if plan.column and custom is not None:
                    perdoc.add_column_value(name, plan.column, self._column_value(plan, custom))
        except BaseException:  # as Whoosh: the builder is not to be used any further
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self.docnum += 1
        self.count += 1
        self.held += held
        if self.held >= self.max_postings:
            self._close_segment()
            self._begin()

    def _add_words(self, terms: dict, value: str, plan: _FieldPlan, docnum: int) -> tuple[int, int]:
        """Index a text of a `WordAnalyzer` field straight into `terms` (see the class); the
        same as `word_index`, without a dict per text. Returns (length, new postings)."""
        cache_get = plan.cache.get
        analyze: Callable[[str], tuple[str, ...]] = plan.terms  # type: ignore[assignment]
        get = terms.get
        it = iter(WORD_PATTERN.findall(value))
        pos = -1
        for first in it:  # stop words before the first kept word take positions
            pos += 1
            found = cache_get(first)
            if found is None:
                found = analyze(first)
            if found:
                break
        else:
            return 0, 0
        pos -= 1  # the first kept word is counted again below
        length = 0
        new = 0
        if plan.phrase:
            for word in chain((first,), it):
                found = cache_get(word)
                if found is None:
                    found = analyze(word)
                if not found:
                    continue
                pos += 1
                for text in found:
                    length += 1
                    seen = get(text)
                    if seen is None:
                        terms[text] = [docnum, pos]
                        new += 1
                    elif seen[-2] != docnum:
                        seen += (docnum, pos)
                        new += 1
                    else:
                        last = seen[-1]
                        if last.__class__ is int:
                            seen[-1] = [last, pos]
                        else:
                            last.append(pos)
            if pos > self.max_pos:
                self.max_pos = pos
        else:
            for word in chain((first,), it):
                found = cache_get(word)
                if found is None:
                    found = analyze(word)
                for text in found:
                    length += 1
                    seen = get(text)
                    if seen is None:
                        terms[text] = [docnum, 1]
                        new += 1
                    elif seen[-2] != docnum:
                        seen += (docnum, 1)
                        new += 1
                    else:
                        seen[-1] += 1
            if length > self.max_pos:
                self.max_pos = length
        return length, new

    def _to_items(self, name: str) -> None:
        """Turn the postings of a text field into items (doc, weight, value bytes), for a
        value `_add_words` cannot take (a list, a boost): from then on the field is
        indexed through `field.index`, as `SegmentWriter` does."""
        plan = self.plans[name]
        terms = self.postings.get(name, {})
        for key, seen in terms.items():
            items: list = []
            for doc, p in zip(seen[0::2], seen[1::2], strict=True):
                if plan.phrase:
                    plist = p if type(p) is list else [p]
                    items += (doc, float(len(plist)), _encode_positions(plist))
                else:
                    items += (doc, float(p), pack_uint(p))
            terms[key] = items
        self.as_items.add(name)

    def _add_items(
        self, terms: dict, value: Any, plan: _FieldPlan, docnum: int, fieldboost: float
    ) -> tuple[int, int]:
        """Any other field (or value): through `field.index`, as `SegmentWriter` does."""
        items = _remembered(self.pure, plan, value, lambda: list(plan.field.index(value)))
        length = 0
        text_keys = plan.terms is not None  # this field's terms are kept as str
        for tbytes, freq, weight, vbytes in items:
            weight *= fieldboost
            length += freq
            key = tbytes.decode("utf-8") if text_keys else tbytes
            seen = terms.get(key)
            if seen is None:
                terms[key] = [docnum, weight, vbytes]
            else:
                seen += (docnum, weight, vbytes)
        return length, len(items)

    def _column_value(self, plan: _FieldPlan, value: Any) -> Any:
        return _remembered(self.columns, plan, value, lambda: plan.field.to_column_value(value))

    def finish(self) -> list[Any]:
        """Close the last segment; the segments written (none for no documents)."""
        self._close_segment()
        return self.segments

    def _close_segment(self) -> None:
        segment = self.segment
        self.perdoc.close()
        segment.set_doc_count(self.docnum)
        if self.docnum:
            fieldwriter = self.codec.field_writer(self.storage, segment)
            folder = getattr(self.storage, "folder", None)  # None: an index in memory
            side = (
                search_sidecar.SidecarWriter(search_sidecar.path_for(folder, segment))
                if folder
                else None
            )
            try:
                self._write_postings(fieldwriter, side)
                fieldwriter.close()
                if self.compound and segment.should_assemble():
                    segment.create_compound_file(self.storage)
                    segment.compound = True
            except BaseException:
                if side is not None:
                    side.abort()
                raise
            finally:
                if not fieldwriter.is_closed:
                    fieldwriter.close()
            if side is not None:
                side.close()  # after the compound file: it must stay a file of its own
            self.segments.append(segment)
        else:  # nothing in it: only the per-document files, which go
            for name in segment.list_files(self.storage):
                self.storage.delete_file(name)
        self.postings = {}
        self.lengths = {}

    def _write_postings(self, fieldwriter, side: search_sidecar.SidecarWriter | None) -> None:
        """Write every term's postings and its entry in the term table, in the order of
        `SegmentWriter`'s sorted pool: by field name, then term bytes; the long posting
        lists of text fields also go to the side file (`search_sidecar`)."""
        _grow(self.max_pos)
        for lens in self.lengths.values():  # a length byte for every document
            lens.extend(bytes(self.docnum - len(lens)))
        postfile = fieldwriter._postfile
        tindex = fieldwriter._tindex
        blocklimit = self.codec._blocklimit
        compression = self.codec._compression
        offset = postfile.tell()
        write = postfile.write
        # `OrderedHashWriter.add` for each term, without its per-call checks and file calls:
        # the record (key and value lengths, key, value), its position in the index array
        # and in the hash bucket. Keys arrive in increasing order (field number, term bytes).
        table = tindex.dbfile
        table_write = table.write
        table_pos = table.tell()
        hashfn = tindex.hashfn
        buckets = tindex.buckets
        positions_append = tindex.index.append
        key = tindex.lastkey
        for name in sorted(self.postings):
            terms = self.postings[name]
            if not terms:
                continue
            plan = self.plans[name]
            fieldwriter.start_field(name, plan.field)
            prefix = pack_ushort(fieldwriter._fieldid)
            lens = self.lengths.get(name) if plan.scorable else None
            fixed = plan.field.format.fixed_value_size()
            if plan.terms is None:
                keyed = sorted(terms.items())
            else:
                keyed = sorted((text.encode("utf-8"), seen) for text, seen in terms.items())
            as_items = plan.terms is None or name in self.as_items
            phrase = plan.phrase
            min_side = (
                search_sidecar.MIN_DOCS
                if side is not None and name in search_sidecar.FIELDS
                else None
            )
            for tbytes, seen in keyed:
                if as_items:
                    docs = seen[0::3]
                    weights = seen[1::3]
                    values = seen[2::3]
                else:
                    docs = seen[0::2]
                    ps = seen[1::2]
                    if not phrase:  # frequencies
                        weights = ps
                        values = list(map(_FREQ_VALUES.__getitem__, ps))
                    elif any(map(_is_list, ps)):
                        weights = [1 if p.__class__ is int else len(p) for p in ps]
                        values = [
                            _ONE_POSITION[p] if p.__class__ is int else _encode_positions(p)
                            for p in ps
                        ]
                    else:  # each once in its document
                        weights = [1] * len(ps)
                        values = list(map(_ONE_POSITION.__getitem__, ps))
                    if min_side is not None and len(docs) >= min_side:
                        positions = (
                            [[p] if p.__class__ is int else p for p in ps] if phrase else None
                        )
                        side.add(name, tbytes, docs, weights, positions)
                data, info = _term_bytes(
                    docs, weights, values, lens, fixed, blocklimit, compression
                )
                write(data)
                key = prefix + tbytes
                record = info + pack_long(offset) + pack_int(len(data))
                h = hashfn(key)
                buckets[h & 255].append((h, table_pos))
                positions_append(table_pos)
                record = _KEY_LENGTHS.pack(len(key), len(record)) + key + record
                table_write(record)
                table_pos += len(record)
                offset += len(data)
            fieldwriter.finish_field()
            terms.clear()
        tindex.lastkey = key


_is_list = list.__instancecheck__


def _term_bytes(
    docs: list[int],
    weights: list,
    values: list[bytes],
    lens: bytearray | None,
    fixed: int | None,
    blocklimit: int,
    compression: int,
) -> tuple[bytes, bytes]:
    """A term's posting list as `W3PostingsWriter` writes it, and its `W3TermInfo` bytes
    without the extent (offset, length). `weights` may be frequencies (ints): Whoosh's weight
    of a text posting is its frequency as a float. `lens` holds a length byte for every
    document of the segment (scorable fields), else None."""
    total = len(docs)
    if total <= blocklimit:  # most terms: one block
        block, total_weight, max_weight, min_lb, max_lb = _block(
            docs, weights, values, lens, fixed, compression, True
        )
        data = WHOOSH3_HEADER_MAGIC + block
    else:
        parts = [WHOOSH3_HEADER_MAGIC]
        total_weight = 0.0
        max_weight = 0
        min_lb = max_lb = 0
        for start in range(0, total, blocklimit):
            end = start + blocklimit
            block, weight, block_max_w, block_min_lb, block_max_lb = _block(
                docs[start:end],
                weights[start:end],
                values[start:end],
                lens,
                fixed,
                compression,
                end >= total,
            )
            parts.append(block)
            total_weight += weight
            if block_max_w > max_weight:
                max_weight = block_max_w
            if block_min_lb and (not min_lb or block_min_lb < min_lb):
                min_lb = block_min_lb
            if block_max_lb > max_lb:
                max_lb = block_max_lb
        data = b"".join(parts)
    info = _TERMINFO.pack(0, total_weight, total, min_lb, max_lb, max_weight, docs[0], docs[-1])
    return data, info


def _block(
    ids: list[int],
    weights: list,
    values: list[bytes],
    lens: bytearray | None,
    fixed: int | None,
    compression: int,
    last: bool,
) -> tuple[bytes, float, float, int, int]:
    """One block as `W3PostingsWriter._write_block` writes it: its length (negative for the
    last block), the pickled info (count, last id, max weight, compression, min and max
    length byte) and the compressed data (id deltas, weights, values); and the block's
    statistics for the term info: total weight, max weight, min and max length byte."""
    n = len(ids)
    wa = array("f", weights)
    if wa.count(1.0) == n:
        mini_w: Any = None
    elif wa.count(wa[0]) == n:
        mini_w = wa[0]
    else:
        mini_w = tuple(wa)
    if fixed == 0:
        mini_v: Any = None
    else:
        if b"" in values:  # `add_posting` keeps only non-empty values
            values = [v for v in values if v]
        mini_v = tuple(values) if fixed is None or fixed < 0 else b"".join(values)
    max_w: float = float(max(weights))
    if not max_w > 0:
        max_w = 0
    if lens is None:
        min_lb = max_lb = 0
    elif n == 1:
        min_lb = max_lb = lens[ids[0]]
    else:
        lbs = bytes(map(lens.__getitem__, ids))
        max_lb = max(lbs)
        min_lb = min(lbs) or min(lbs.replace(b"\0", b""), default=0)
    deltas = (ids[0],) if n == 1 else tuple(map(_sub, ids, [0, *ids[:-1]]))
    data = dumps((deltas, mini_w, mini_v), DATA_PROTOCOL)
    if len(data) < SMALL_BLOCK:
        compression = 0  # the block says so; the reader then takes the data as it is
    else:
        data = zlib.compress(data, compression)
    info = dumps((n, ids[-1], max_w, compression, min_lb, max_lb), 2)
    length = len(info) + len(data)
    return pack_int(-length if last else length) + info + data, sum(wa), max_w, min_lb, max_lb


def commit(ix, segments: list[Any]) -> None:
    """Write the TOC that makes `segments` the index's content (a fresh index: nothing to
    keep or merge), then remove the older TOC and the temporary folder, as
    `SegmentWriter.commit` does."""
    generation = ix.latest_generation() + 1
    TOC(ix.schema, segments, generation).write(ix.storage, ix.indexname)
    clean_files(ix.storage, ix.indexname, generation, segments)
    ix.storage.temp_storage(f"{ix.indexname}.tmp").destroy()


def build(ix, docs: Iterable[dict[str, Any]], max_postings: int = MAX_POSTINGS) -> int:
    """Index `docs` into the fresh index `ix` and commit; returns the number of documents.

    The caller holds the index's write lock (or nobody else can know the index yet)."""
    builder = SegmentBuilder(ix, max_postings=max_postings)
    try:
        for doc in docs:
            builder.add_document(**doc)
        segments = builder.finish()
    except BaseException:
        ix.storage.temp_storage(f"{ix.indexname}.tmp").destroy()
        raise
    commit(ix, segments)
    return builder.count
