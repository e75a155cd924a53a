"""Posting arrays beside a segment: one `pread` per term instead of Whoosh's blocks.

Whoosh stores a posting list as blocks of 128 postings, each a zlib-compressed pickle read
and decoded in Python: reading the 10,000 postings of a common word, or the positions a
phrase needs, costs tens of milliseconds the first time. A rebuild (`search_build`) already
holds every posting list in memory, so it also writes the long ones (`MIN_DOCS` documents or
more, text fields only) to `<segment>.ppost` as raw arrays: document numbers, weights and,
for positional fields, each document's positions. `search_sets` reads a term from here when
the segment has such a file and falls back to Whoosh's own postings otherwise (segments
written by incremental updates, merged segments, short lists).

The file is named like the segment's own files, so Whoosh deletes it with the segment.
Layout: MAGIC, then per term `ids` (uint32 × n), `weights` (float32 × n) and, with
positions, `counts` (uint32 × n) and the positions (uint32 × sum of counts); at the end a
pickled directory {(fieldname, term bytes): (offset, n, positions or -1)} and its offset.
"""

from __future__ import annotations

import os
import pickle
import struct
import threading
from array import array
from collections.abc import Iterable, Sequence

MAGIC = b"PPOST01\n"
EXT = ".ppost"
MIN_DOCS = 64  # shorter posting lists are read from Whoosh's blocks quickly enough
FIELDS = frozenset({"title_de", "title_en", "body_de", "body_en", "names", "words"})
_TRAILER = struct.Struct("<Q")


def wanted(fieldname: str, doc_count: int) -> bool:
    """Whether a posting list of this field and length belongs in the side file."""
    return doc_count >= MIN_DOCS and fieldname in FIELDS


class SidecarWriter:
    """Writes one segment's side file; `close()` puts it in place atomically."""

    def __init__(self, path: str):
        self.path = path
        # A hidden name until `close()`: Whoosh takes every file named after the segment into
        # its compound file, and leaves names starting with a dot alone.
        folder, name = os.path.split(path)
        self._tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        self._file = open(self._tmp, "wb")  # noqa: SIM115 - closed in close()/abort()
        self._file.write(MAGIC)
        self._directory: dict[tuple[str, bytes], tuple[int, int, int]] = {}

    def add(
        self,
        fieldname: str,
        btext: bytes,
        ids: Sequence[int],
        weights: Sequence[float],
        positions: Iterable[Sequence[int]] | None = None,
    ) -> None:
        """One term's postings (document numbers ascending) and, optionally, positions."""
        offset = self._file.tell()
        self._file.write(array("I", ids).tobytes())
        self._file.write(array("f", weights).tobytes())
        npos = -1
        if positions is not None:
            counts = array("I")
            flat = array("I")
            for doc_positions in positions:
                counts.append(len(doc_positions))
                flat.extend(doc_positions)
            if len(counts) != len(ids):
                raise ValueError("one list of positions per document is needed")
            self._file.write(counts.tobytes())
            self._file.write(flat.tobytes())
            npos = len(flat)
        self._directory[(fieldname, btext)] = (offset, len(ids), npos)

    def close(self) -> None:
        offset = self._file.tell()
        pickle.dump(self._directory, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(_TRAILER.pack(offset))
        self._file.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._file.close()
        if os.path.exists(self._tmp):
            os.remove(self._tmp)


class Sidecar:
    """A segment's side file, open for reading (`os.pread`: safe from several threads)."""

    def __init__(self, path: str):
        self._fd = os.open(path, os.O_RDONLY)
        try:
            size = os.fstat(self._fd).st_size
            if os.pread(self._fd, len(MAGIC), 0) != MAGIC or size < len(MAGIC) + 8:
                raise ValueError(f"not a posting side file: {path}")
            (offset,) = _TRAILER.unpack(os.pread(self._fd, 8, size - 8))
            self.directory: dict[tuple[str, bytes], tuple[int, int, int]] = pickle.loads(
                os.pread(self._fd, size - 8 - offset, offset)
            )
        except BaseException:
            os.close(self._fd)
            raise
        self._lock = threading.Lock()

    def __contains__(self, key: tuple[str, bytes]) -> bool:
        return key in self.directory

    def postings(self, fieldname: str, btext: bytes) -> tuple[array, array] | None:
        """(document numbers, weights) of a term, or None when the file does not have it."""
        entry = self.directory.get((fieldname, btext))
        if entry is None:
            return None
        offset, n, _npos = entry
        data = self._read(offset, 8 * n)
        ids, weights = array("I"), array("f")
        ids.frombytes(data[: 4 * n])
        weights.frombytes(data[4 * n :])
        return ids, weights

    def positions(self, fieldname: str, btext: bytes) -> tuple[array, array, array] | None:
        """(document numbers, position counts, all positions in document order) of a term,
        or None when the file has no positions for it."""
        entry = self.directory.get((fieldname, btext))
        if entry is None or entry[2] < 0:
            return None
        offset, n, npos = entry
        ids, counts, flat = array("I"), array("I"), array("I")
        ids.frombytes(self._read(offset, 4 * n))
        data = self._read(offset + 8 * n, 4 * n + 4 * npos)
        counts.frombytes(data[: 4 * n])
        flat.frombytes(data[4 * n :])
        return ids, counts, flat

    def _read(self, offset: int, size: int) -> bytes:
        data = os.pread(self._fd, size, offset)
        if len(data) != size:
            raise OSError(f"posting side file truncated at {offset}")
        return data

    def close(self) -> None:
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def __del__(self):
        try:
            self.close()
        except Exception:  # noqa: S110 - interpreter shutdown
            pass


def path_for(folder: str, segment) -> str:
    """The side file of a Whoosh segment in the index folder `folder`."""
    return os.path.join(folder, segment.make_filename(EXT))


def open_for(reader) -> Sidecar | None:
    """The side file of a segment reader's segment, or None (no file, or not readable)."""
    segment = reader.segment() if hasattr(reader, "segment") else None
    storage = getattr(reader, "_storage", None)
    storage = getattr(storage, "b", storage)  # a compound segment: an overlay over the folder
    folder = getattr(storage, "folder", None)
    if segment is None or folder is None:
        return None
    path = path_for(folder, segment)
    if not os.path.exists(path):
        return None
    try:
        return Sidecar(path)
    except (OSError, ValueError, EOFError, pickle.UnpicklingError):
        return None  # Whoosh's own postings still answer


def write_from_reader(reader, path: str) -> int:
    """Write a side file for a segment from Whoosh's own postings (slow: every long posting
    list is decoded). For segments the fast builder did not write, and for tests. Returns
    the number of terms written."""
    writer = SidecarWriter(path)
    written = 0
    try:
        for fieldname in sorted(FIELDS & set(reader.schema.names())):
            fmt = reader.schema[fieldname].format
            with_positions = fmt.supports("positions")
            for btext in reader.lexicon(fieldname):
                info = reader.term_info(fieldname, btext)
                if not wanted(fieldname, info.doc_frequency()):
                    continue
                matcher = reader._terms.matcher(fieldname, btext, fmt)  # deletions included
                ids, weights, positions = [], [], []
                while matcher.is_active():
                    ids.append(matcher.id())
                    weights.append(matcher.weight())
                    if with_positions:
                        positions.append(fmt.decode_positions(matcher.value()))
                    matcher.next()
                writer.add(fieldname, btext, ids, weights, positions if with_positions else None)
                written += 1
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return written
