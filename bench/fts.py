"""The same corpus and queries in SQLite FTS5: the embedded engine a user might pick instead.

A plain, reasonable FTS5 set-up, not a port of the portal's search: one FTS5 table over the
titles and texts of both languages and the organisation and city names (`unicode61` with
diacritics removed and the `porter` stemmer, which helps English and does little for German:
no decompounding, no glossary), and a table of the facet values joined by rowid. A query is
the user's words ANDed (quotes are phrases, `-word` excludes, `word*` is a prefix), ranked by
bm25 with titles ×3 or sorted by date, filtered with SQL; the page's hits get a highlighted
title and a snippet. "With facets" also counts the eight facets disjunctively (a facet's own
selection left out) from the match set kept in a temporary table.
"""

from __future__ import annotations

import re
import sqlite3
import time
from datetime import UTC, datetime, timedelta

FACETS = ("kind", "topic", "city", "org", "orgkind", "remote", "employment", "lang")
MULTI = {"topic": "doc_topic", "city": "doc_city", "lang": "doc_lang"}
_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\w+)(\*?)')


def build(source_db: str, target: str) -> tuple[float, int]:
    """Build the FTS5 database from the portal's database; returns (seconds, documents)."""
    start = time.perf_counter()
    con = sqlite3.connect(target)
    con.executescript(
        """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=OFF;
        ATTACH DATABASE '{src}' AS src;
        CREATE TABLE doc (id INTEGER PRIMARY KEY, kind TEXT, org TEXT, orgkind TEXT,
            remote TEXT, employment TEXT, leadership INT, visa INT, published TEXT,
            deadline TEXT, expires TEXT);
        CREATE TABLE doc_city (id INT, value TEXT);
        CREATE TABLE doc_topic (id INT, value TEXT);
        CREATE TABLE doc_lang (id INT, value TEXT);
        INSERT INTO doc SELECT p.id, p.kind, o.slug, o.kind, p.remote, p.employment,
            p.leadership, p.visa_support, p.published_at,
            coalesce(p.deadline, '2999-12-31'), p.expires_at
            FROM src.postings p JOIN src.organisations o ON o.id = p.organisation_id
            WHERE p.status = 'published';
        INSERT INTO doc_city SELECT DISTINCT l.posting_id, l.city FROM src.posting_locations l
            JOIN doc ON doc.id = l.posting_id;
        INSERT INTO doc_topic SELECT pt.posting_id, t.slug FROM src.posting_topics pt
            JOIN src.topics t ON t.id = pt.topic_id JOIN doc ON doc.id = pt.posting_id;
        INSERT INTO doc_lang SELECT p.id, j.value
            FROM src.postings p, json_each(p.working_languages) j JOIN doc ON doc.id = p.id;
        CREATE INDEX doc_city_v ON doc_city (value, id);
        CREATE INDEX doc_city_i ON doc_city (id);
        CREATE INDEX doc_topic_v ON doc_topic (value, id);
        CREATE INDEX doc_topic_i ON doc_topic (id);
        CREATE INDEX doc_lang_v ON doc_lang (value, id);
        CREATE INDEX doc_lang_i ON doc_lang (id);
        CREATE INDEX doc_published ON doc (published);
        CREATE VIRTUAL TABLE fts USING fts5(title_de, body_de, title_en, body_en, names,
            tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO fts (rowid, title_de, body_de, title_en, body_en, names)
            SELECT d.id,
                (SELECT title FROM src.posting_texts WHERE posting_id = d.id AND lang = 'de'),
                (SELECT summary || ' ' || body || ' ' || requirements || ' ' || offer
                    FROM src.posting_texts WHERE posting_id = d.id AND lang = 'de'),
                (SELECT title FROM src.posting_texts WHERE posting_id = d.id AND lang = 'en'),
                (SELECT summary || ' ' || body || ' ' || requirements || ' ' || offer
                    FROM src.posting_texts WHERE posting_id = d.id AND lang = 'en'),
                (SELECT o.name FROM src.organisations o JOIN src.postings p
                    ON p.organisation_id = o.id WHERE p.id = d.id)
                || ' ' || (SELECT group_concat(value, ' ') FROM doc_city WHERE id = d.id)
            FROM doc d;
        INSERT INTO fts (fts) VALUES ('optimize');
        DETACH DATABASE src;
        """.replace("{src}", source_db.replace("'", "''"))
    )
    count = con.execute("SELECT count(*) FROM doc").fetchone()[0]
    con.commit()
    con.close()
    return time.perf_counter() - start, count


def match_expression(q: str) -> str | None:
    """The user's text as an FTS5 query: words ANDed, "phrases", -exclusions, prefix*."""
    positive, negative = [], []
    for m in _TOKEN.finditer(q):
        if m.group(2) is not None:
            words = re.findall(r"\w+", m.group(2))
            if not words:
                continue
            term = '"' + " ".join(words) + '"'
            (negative if m.group(1) else positive).append(term)
        else:
            term = f'"{m.group(4)}"' + ("*" if m.group(5) else "")
            (negative if m.group(3) else positive).append(term)
    if not positive:
        return None
    expr = " AND ".join(positive)
    if negative:
        expr = f"({expr}) NOT ({' OR '.join(negative)})"
    return expr


class Searcher:
    """One connection, reused like a long-lived searcher."""

    def __init__(self, path: str):
        self.con = sqlite3.connect(path, check_same_thread=False)
        self.con.execute("PRAGMA temp_store=MEMORY")
        self.now = datetime.now(UTC)

    def _filters(self, query: dict, skip: str | None = None) -> tuple[list[str], list]:
        sql = ["d.expires > ?"]
        args: list = [self.now.strftime("%Y-%m-%d %H:%M:%S")]
        for name in FACETS:
            values = query.get(name) or ()
            if name == skip or not values:
                continue
            marks = ",".join("?" * len(values))
            if name in MULTI:
                sql.append(f"d.id IN (SELECT id FROM {MULTI[name]} WHERE value IN ({marks}))")
            else:
                sql.append(f"d.{name} IN ({marks})")
            args += list(values)
        if query.get("leadership"):
            sql.append("d.leadership = 1")
        if query.get("visa"):
            sql.append("d.visa = 1")
        if query.get("posted"):
            sql.append("d.published >= ?")
            since = self.now - timedelta(days=int(query["posted"]))
            args.append(since.strftime("%Y-%m-%d %H:%M:%S"))
        return sql, args

    def search(self, query: dict, facets: bool, per_page: int = 20) -> tuple[int, list, dict]:
        """(total, page of (id, title, snippet)) and, with `facets`, the facet counts."""
        expr = match_expression(query.get("q") or "")
        page = int(query.get("page") or 1)
        sort = query.get("sort") or "relevance"
        order = {
            "newest": "d.published DESC",
            "deadline": "d.deadline, d.published DESC",
        }.get(sort, "bm25(fts, 3.0, 1.0, 3.0, 1.0, 2.0)" if expr else "d.published DESC")
        where, args = self._filters(query)
        cur = self.con.cursor()
        if expr:
            cur.execute("DROP TABLE IF EXISTS temp.m")
            cur.execute("CREATE TEMP TABLE m (id INTEGER PRIMARY KEY)")
            cur.execute("INSERT INTO m SELECT rowid FROM fts WHERE fts MATCH ?", (expr,))
            source = "m JOIN doc d ON d.id = m.id"
        else:
            source = "doc d"
        total = cur.execute(
            f"SELECT count(*) FROM {source} WHERE {' AND '.join(where)}", args
        ).fetchone()[0]
        if expr:
            rows = cur.execute(
                f"SELECT d.id, highlight(fts, 0, '<mark>', '</mark>'),"
                f" snippet(fts, -1, '<mark>', '</mark>', '…', 30)"
                f" FROM fts JOIN doc d ON d.id = fts.rowid"
                f" WHERE fts MATCH ? AND {' AND '.join(where)} ORDER BY {order}"
                f" LIMIT ? OFFSET ?",
                [expr, *args, per_page, (page - 1) * per_page],
            ).fetchall()
        else:
            rows = cur.execute(
                f"SELECT d.id FROM doc d WHERE {' AND '.join(where)} ORDER BY {order}"
                f" LIMIT ? OFFSET ?",
                [*args, per_page, (page - 1) * per_page],
            ).fetchall()
        counts = {}
        if facets:
            for name in FACETS:
                where_f, args_f = self._filters(query, skip=name)
                if name in MULTI:
                    sql = (
                        f"SELECT v.value, count(*) FROM {source} JOIN {MULTI[name]} v"
                        f" ON v.id = d.id WHERE {' AND '.join(where_f)} GROUP BY v.value"
                    )
                else:
                    sql = (
                        f"SELECT d.{name}, count(*) FROM {source}"
                        f" WHERE {' AND '.join(where_f)} GROUP BY d.{name}"
                    )
                counts[name] = cur.execute(sql, args_f).fetchall()
        return total, rows, counts
