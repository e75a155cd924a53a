"""The search box: lexing what people type, building Whoosh queries, marking matches.

The user's text is lexed here (quotes, `-exclude`, `prefix*`, everything else plain words) and
built into Whoosh queries over both languages' fields — the shape `MultifieldParser` would
give with field boosts, but no user syntax reaches a parser, so no input can query another
field or raise. Each word is ORed over the fields and its glossary equivalents; the words are
ANDed by default (`Builder.build(relaxed=True)` ORs them with `scale=0.9`, OrGroup's
coordination, so results with more of the words rank first).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape
from whoosh import query as wq
from whoosh.fields import Schema

from portal.services import search_analysis as analysis
from portal.services.search_lexicon import MAX_PHRASE_WORDS, equivalents, is_phrase_key

TEXT_FIELDS = (
    ("title_de", 3.0, "de"),
    ("body_de", 1.0, "de"),
    ("title_en", 3.0, "en"),
    ("body_en", 1.0, "en"),
)
NAMES_BOOST = 2.0
EQUIVALENT_BOOST = 0.8
MAX_QUERY_CHARS = 200
MAX_TERMS = 20
MAX_WORD_CHARS = 50
SNIPPET_CHARS = 200


@dataclass
class Clause:
    kind: str  # "word", "phrase", "prefix"
    text: str
    negative: bool = False
    words: tuple[str, ...] = ()  # for a multi-word glossary term written without quotes


@dataclass
class Parsed:
    clauses: list[Clause]

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negative]

    @property
    def negative(self) -> list[Clause]:
        return [c for c in self.clauses if c.negative]


@dataclass
class Marks:
    """What to mark in titles and snippets: analyzed terms per language and raw prefixes."""

    terms: dict[str, set[str]] = field(default_factory=lambda: {"de": set(), "en": set()})
    prefixes: set[str] = field(default_factory=set)


_TOKEN = re.compile(r'(-?)"([^"]*)("?)|(\S+)')
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
_FIELD_PREFIX = re.compile(r"^\w+:(?=\S)")
_WORD = re.compile(r"\w+")
_PREFIX = re.compile(r"(\w{3,})\*+")


def clean_query(q: Any) -> str:
    """The user's text made safe to lex: normalized, no control characters, capped."""
    if not isinstance(q, str):
        q = "" if q is None else str(q)
    q = unicodedata.normalize("NFKC", q[: MAX_QUERY_CHARS * 4])
    q = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in q)
    return " ".join(q.split())[:MAX_QUERY_CHARS]


def parse_query(q: Any) -> Parsed:
    """Lex the search box: "phrases", -exclusions, prefix*, and plain words; nothing else.

    Field syntax (`title_de:x`), operators (AND/OR/NOT), ranges, boosts and fuzzy marks are
    not syntax here: what is left of them are plain words.
    """
    clauses: list[Clause] = []
    for m in _TOKEN.finditer(clean_query(q)):
        if m.group(4) is None:  # a quoted part
            words = _WORD.findall(m.group(2))
            negative = m.group(1) == "-"
            if not m.group(3):  # no closing quote: plain words
                clauses += [Clause("word", w[:MAX_WORD_CHARS]) for w in words]
            elif len(words) == 1:
                clauses.append(Clause("word", words[0][:MAX_WORD_CHARS], negative))
            elif words:
                clauses.append(Clause("phrase", " ".join(words[:MAX_TERMS]), negative))
            continue
        raw = m.group(4)
        if raw in _OPERATORS:
            continue
        negative = raw.startswith("-") and len(raw) > 1
        raw = _FIELD_PREFIX.sub("", raw.lstrip("+-"))
        prefix = _PREFIX.fullmatch(raw)
        if prefix:
            clauses.append(Clause("prefix", prefix.group(1).lower()[:MAX_WORD_CHARS], negative))
            continue
        clauses += [Clause("word", w[:MAX_WORD_CHARS], negative) for w in _WORD.findall(raw)]
    return Parsed(_join_glossary_phrases(clauses)[:MAX_TERMS])


def _join_glossary_phrases(clauses: list[Clause]) -> list[Clause]:
    """Consecutive plain words that form a glossary term ("image processing") become one
    clause, so the term's equivalents ("Bildverarbeitung") can match it."""
    out: list[Clause] = []
    i = 0
    while i < len(clauses):
        for n in range(MAX_PHRASE_WORDS, 1, -1):
            group = clauses[i : i + n]
            if (
                len(group) == n
                and all(c.kind == "word" and not c.negative for c in group)
                and is_phrase_key([c.text for c in group])
            ):
                words = tuple(c.text for c in group)
                out.append(Clause("word", " ".join(words), words=words))
                i += n
                break
        else:
            out.append(clauses[i])
            i += 1
    return out


class UnionOr(wq.Or):
    """An Or that always matches as a tree of union matchers. (Whoosh's default for indexes
    under 5,000 documents reads every posting of every alternative up front, which costs
    more than the skipping the portal's scoring of a few candidates relies on.)"""

    matcher_type = wq.Or.DEFAULT_MATCHER


def _or(subs: list[wq.Query], scale: float | None = None) -> wq.Or:
    return UnionOr(subs, scale=scale)


class Builder:
    """Turns lexed clauses into Whoosh queries over the schema's fields."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.marks = Marks()
        self.clauses: list[wq.Query] = []  # the positive clauses of the last `build`

    def analyze(self, fieldname: str, text: str) -> list[str]:
        return [t.text for t in self.schema[fieldname].analyzer(text, mode="query")]

    def text_query(self, text: str, boost: float = 1.0, mark: bool = True) -> wq.Query | None:
        """One word or phrase over every text field (a Term, or a Phrase for several tokens)."""
        subs: list[wq.Query] = []
        for fieldname, field_boost, lang in TEXT_FIELDS:
            tokens = self.analyze(fieldname, text)
            if mark:
                self.marks.terms[lang].update(tokens)
            if len(tokens) == 1:
                subs.append(wq.Term(fieldname, tokens[0], boost=field_boost * boost))
            elif tokens:
                subs.append(wq.Phrase(fieldname, tokens, boost=field_boost * boost))
        tokens = self.analyze("names", text)
        if len(tokens) == 1:
            subs.append(wq.Term("names", tokens[0], boost=NAMES_BOOST * boost))
        elif tokens:
            subs.append(wq.Phrase("names", tokens, boost=NAMES_BOOST * boost))
        if not subs:
            return None
        return subs[0] if len(subs) == 1 else _or(subs)

    def clause_query(self, clause: Clause, mark: bool = True) -> wq.Query | None:
        if clause.kind == "prefix":
            if mark:
                self.marks.prefixes.update({clause.text, clause.text.translate(analysis.FOLD_MAP)})
            prefixes = sorted({clause.text, clause.text.translate(analysis.FOLD_MAP)})
            subs = [wq.Prefix("words", p) for p in prefixes]
            return subs[0] if len(subs) == 1 else _or(subs)
        alternatives: list[wq.Query] = []
        if clause.words:  # a glossary term written as separate words: all of them, anywhere
            parts = [self.text_query(w, mark=mark) for w in clause.words]
            parts = [p for p in parts if p is not None]
            if parts:
                alternatives.append(wq.And(parts))
        else:
            own = self.text_query(clause.text, mark=mark)
            if own is not None:
                alternatives.append(own)
        if not alternatives and clause.kind == "word" and not clause.words:
            return None  # a stop word in every language
        for equivalent in equivalents(clause.text):
            q = self.text_query(equivalent, boost=EQUIVALENT_BOOST, mark=mark)
            if q is not None:
                alternatives.append(q)
        if not alternatives:
            return None
        return alternatives[0] if len(alternatives) == 1 else _or(alternatives)

    def build(self, parsed: Parsed, relaxed: bool = False) -> tuple[wq.Query, int]:
        """The query for the parsed text and how many positive clauses it has."""
        positive = [q for c in parsed.positive if (q := self.clause_query(c)) is not None]
        negative = [
            q for c in parsed.negative if (q := self.clause_query(c, mark=False)) is not None
        ]
        self.clauses = positive
        if not positive:
            main: wq.Query = wq.Every()
        elif len(positive) == 1:
            main = positive[0]
        elif relaxed:
            main = _or(positive, scale=0.9)
        else:
            main = wq.And(positive)
        if negative:
            main = wq.AndNot(main, negative[0] if len(negative) == 1 else _or(negative))
        return main, len(positive)


def highlight(
    text: str, analyzer, terms: set[str], prefixes: set[str] = frozenset(), width: int | None = None
) -> Markup:
    """`text` escaped, the words whose analyzed form is in `terms` (or that start with one of
    `prefixes`) wrapped in <mark>; cut to a window of about `width` characters around the
    first match when given."""
    spans = _spans(text, analyzer, terms, prefixes, width) if text else []
    start, end = 0, len(text)
    if width is not None and len(text) > width:
        first = spans[0][0] if spans else 0
        start = 0 if first < width // 2 else _word_start(text, first - width // 4)
        end = _word_end(text, start + width)
    out = [Markup("…")] if start > 0 else []
    pos = start
    for s, e in spans:
        if s < start or e > end:
            continue
        out += [escape(text[pos:s]), Markup("<mark>"), escape(text[s:e]), Markup("</mark>")]
        pos = e
    out.append(escape(text[pos:end]))
    if end < len(text):
        out.append(Markup("…"))
    return Markup("").join(out)


def _spans(
    text: str, analyzer, terms: set[str], prefixes: set[str], width: int | None
) -> list[tuple[int, int]]:
    """Character ranges of the matching words. With a `WordAnalyzer` each word is looked up
    in its cache, and the scan stops once the window after the first match is covered."""
    if not terms and not prefixes:
        return []
    if not isinstance(analyzer, analysis.WordAnalyzer):
        spans = [(t.startchar, t.endchar) for t in analyzer(text, chars=True) if t.text in terms]
        if prefixes:
            words = analysis.words_analyzer()(text, chars=True)
            spans += [(t.startchar, t.endchar) for t in words if t.text.startswith(tuple(prefixes))]
        return _merge(spans)
    analyzed = analyzer.terms_function()
    unstemmed = analysis.words_analyzer().terms_function()
    starts = tuple(prefixes)
    spans = []
    stop = None
    for word, s, e in analyzer.words(text):
        if stop is not None and s > stop:
            break
        if (terms and not terms.isdisjoint(analyzed(word))) or (
            starts and any(w.startswith(starts) for w in unstemmed(word))
        ):
            spans.append((s, e))
            if stop is None and width is not None:
                stop = s + width + 1
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _word_start(text: str, pos: int) -> int:
    pos = max(0, pos)
    space = text.rfind(" ", 0, pos)
    return space + 1 if space >= 0 else 0


def _word_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.rfind(" ", 0, pos)
    return space if space > 0 else pos


def suggest(searcher, parsed: Parsed) -> str | None:
    """ "Did you mean": each unknown plain word replaced by its closest indexed word."""
    words = [c for c in parsed.clauses if c.kind == "word" and not c.negative and not c.words]
    if not words:
        return None
    reader = searcher.reader()
    changed = False
    out: list[str] = []
    for clause in parsed.clauses:
        text = clause.text.lower()
        if clause in words and not reader.doc_frequency("words", text):
            for maxdist in (1, 2):  # the corrector ranks by frequency only: nearest first
                found = searcher.suggest("words", text, limit=1, maxdist=maxdist, prefix=1)
                if found:
                    text, changed = found[0], True
                    break
        if clause.kind == "phrase":
            text = f'"{text}"'
        elif clause.kind == "prefix":
            text += "*"
        out.append(("-" if clause.negative else "") + text)
    return " ".join(out) if changed else None
