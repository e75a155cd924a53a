"""Text analysis for the search index: German and English analyzers, word folding.

Whoosh pickles the schema, analyzers included, into the index. Everything here is therefore a
module-level function or a small class without data of its own (the word lists stay in
`search_lexicon`), so the pickle holds references, not copies, and stays small.

The analyzers of the schema are `WordAnalyzer`s: one regular expression finds the words and
each distinct word is mapped to its terms once per process (a dict lookup afterwards). They
give exactly the tokens of the equivalent Whoosh filter chains (`*_chain()` below, kept as the
reference the tests compare against) at a fraction of the cost: a chain of generator filters
spends several microseconds per token, which made indexing and highlighting slow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import Stemmer
from whoosh.analysis import (
    CharsetFilter,
    Composable,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.analysis.filters import STOP_WORDS
from whoosh.analysis.tokenizers import default_pattern
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

from portal.services.search_lexicon import fold, split_compound

_GERMAN = Stemmer.Stemmer("german")
_ENGLISH = Stemmer.Stemmer("english")

# accent_map folds ß to "s"; German spells it "ss" when there is no ß.
FOLD_MAP = {**accent_map, ord("ß"): "ss", ord("ẞ"): "ss"}

GERMAN_STOP_WORDS = frozenset(stopwords_for_language("de"))
# "IT" and "US" are words in job ads; "tbd" is noise either way.
ENGLISH_STOP_WORDS = frozenset(STOP_WORDS) - {"it", "us", "may"}


def stem_de(word: str) -> str:
    """Snowball German (PyStemmer, C) plus one derivation step.

    Accents are folded first (Snowball folds umlauts itself, with the same result), so
    "Café" and "Cafe" stem alike. Snowball strips "-ik"/"-isch" only inside its R2 region,
    so "Optik" stays "optik" while "optische" becomes "optisch"; stripping them from what is
    left lets Optik, optisch, Optiker and Präzisionsoptik meet at "opt" (and
    Technik/technisch at "techn").
    """
    stem = _GERMAN.stemWord(word.translate(FOLD_MAP))
    if len(stem) >= 7 and stem.endswith("isch"):
        return stem[:-4]
    if len(stem) >= 5 and stem.endswith("ik"):
        return stem[:-2]
    return stem


def stem_en(word: str) -> str:
    """Snowball English ("porter2") through PyStemmer, accents folded first."""
    return _ENGLISH.stemWord(word.translate(FOLD_MAP))


class DecompoundFilter(Filter):
    """Adds the parts of German compounds as extra tokens at the compound's position.

    "Präzisionsoptik" is indexed as itself and as "präzision" and "optik", so a query for
    "Optik" finds it. Only at index time: a query for a compound looks for the compound.
    The parts carry the compound's character range, so highlighting marks the whole word.
    """

    is_morph = True

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            yield t
            if t.stopped or getattr(t, "mode", "") == "query":
                continue
            for part in split_compound(fold(text)):
                t.text = part
                yield t


class FoldVariantFilter(Filter):
    """Keeps a lower-cased word and, when it differs, also its folded form ("präzision",
    "prazision"), so prefix queries and spelling suggestions work with or without umlauts."""

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            folded = text.translate(FOLD_MAP)
            yield t
            if folded != text:
                t.text = folded
                yield t


def german_chain(decompound: bool = True):
    """The German analyzer as a Whoosh filter chain (the reference for `WordAnalyzer("de")`)."""
    chain = RegexTokenizer() | LowercaseFilter() | StopFilter(stoplist=GERMAN_STOP_WORDS)
    if decompound:
        chain = chain | DecompoundFilter()
    return chain | StemFilter(stemfn=stem_de, cachesize=50_000) | CharsetFilter(FOLD_MAP)


def english_chain():
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=ENGLISH_STOP_WORDS)
        | StemFilter(stemfn=stem_en, cachesize=50_000)
        | CharsetFilter(FOLD_MAP)
    )


def names_chain():
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(FOLD_MAP)


def words_chain():
    return RegexTokenizer() | LowercaseFilter() | FoldVariantFilter()


# --- the analyzers of the schema -------------------------------------------------------------


def _german_terms(word: str, query: bool, decompound: bool = True) -> tuple[str, ...]:
    lower = word.lower()
    if len(lower) < 2 or lower in GERMAN_STOP_WORDS:
        return ()
    texts = [lower]
    if decompound and not query:
        texts += split_compound(fold(lower))
    return tuple(stem_de(text).translate(FOLD_MAP) for text in texts)


def _english_terms(word: str, query: bool) -> tuple[str, ...]:
    lower = word.lower()
    if len(lower) < 2 or lower in ENGLISH_STOP_WORDS:
        return ()
    return (stem_en(lower).translate(FOLD_MAP),)


def _name_terms(word: str, query: bool) -> tuple[str, ...]:
    return (word.lower().translate(FOLD_MAP),)


def _word_terms(word: str, query: bool) -> tuple[str, ...]:
    lower = word.lower()
    folded = lower.translate(FOLD_MAP)
    return (lower,) if folded == lower else (lower, folded)


_TERM_FUNCTIONS: dict[str, Callable[[str, bool], tuple[str, ...]]] = {
    "de": _german_terms,
    "de-plain": lambda word, query: _german_terms(word, query, decompound=False),
    "en": _english_terms,
    "names": _name_terms,
    "words": _word_terms,
}
_STOPPING = frozenset({"de", "de-plain", "en"})
_CACHES: dict[tuple[str, bool], dict[str, tuple[str, ...]]] = {}
CACHE_WORDS = 100_000  # distinct words remembered per analyzer and mode (then forgotten)


class WordAnalyzer(Composable):
    """Words (`RegexTokenizer`'s pattern) mapped to their terms through a per-process cache.

    `kind` is "de" (lower case, German stop words, compound parts at index time, Snowball
    German, folding), "de-plain" (the same without compound parts), "en", "names" (lower
    case, folded) or "words" (lower case, plus the folded form when it differs). Stop words
    take no position: positions are renumbered as `StopFilter` does.
    """

    def __init__(self, kind: str):
        if kind not in _TERM_FUNCTIONS:
            raise ValueError(f"unknown analyzer kind {kind!r}")
        self.kind = kind
        self.is_morph = kind in ("de", "de-plain", "en")

    def __eq__(self, other):
        return isinstance(other, WordAnalyzer) and other.kind == self.kind

    def __hash__(self):
        return hash(self.kind)

    def terms_function(self, query: bool = False) -> Callable[[str], tuple[str, ...]]:
        """word -> its terms (() for a stop word), cached."""
        key = (self.kind, query)
        cache = _CACHES.get(key)
        if cache is None:
            cache = _CACHES.setdefault(key, {})
        compute = _TERM_FUNCTIONS[self.kind]

        def terms(word: str) -> tuple[str, ...]:
            found = cache.get(word)
            if found is None:
                if len(cache) >= CACHE_WORDS:
                    cache.clear()
                found = cache[word] = compute(word, query)
            return found

        return terms

    def words(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(word, start, end) of every word in `text`, before analysis."""
        for match in default_pattern.finditer(text):
            yield match.group(0), match.start(), match.end()

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        terms = self.terms_function(mode == "query")
        stopping = self.kind in _STOPPING
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        matches = (
            default_pattern.finditer(value) if tokenize else [_Whole(value)]  # type: ignore[list-item]
        )
        pos = None
        for index, match in enumerate(matches):
            word = match.group(0)
            found = terms(word)
            if not found:  # a stop word (or too short)
                if stopping and not removestops:
                    t.text = word.lower().translate(FOLD_MAP)
                    t.stopped = True
                    t.boost = 1.0
                    if positions:
                        t.pos = start_pos + index
                    if chars:
                        t.startchar = start_char + match.start()
                        t.endchar = start_char + match.end()
                    yield t
                continue
            if positions:
                pos = start_pos + index if pos is None else pos + 1
            for text in found:
                t.text = text
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = word
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar = start_char + match.start()
                    t.endchar = start_char + match.end()
                yield t

    def __getstate__(self):
        return {"kind": self.kind}

    def __setstate__(self, state):
        self.__init__(state["kind"])


class _Whole:
    """A stand-in regex match for `tokenize=False`: the whole value is one word."""

    def __init__(self, value: str):
        self.value = value

    def group(self, _n: int = 0) -> str:
        return self.value

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return len(self.value)


def german_analyzer(decompound: bool = True) -> WordAnalyzer:
    return WordAnalyzer("de" if decompound else "de-plain")


def english_analyzer() -> WordAnalyzer:
    return WordAnalyzer("en")


def names_analyzer() -> WordAnalyzer:
    """Names of organisations and places: words as written, folded, no stemming."""
    return WordAnalyzer("names")


def words_analyzer() -> WordAnalyzer:
    """Unstemmed words for prefix queries and "did you mean"."""
    return WordAnalyzer("words")
