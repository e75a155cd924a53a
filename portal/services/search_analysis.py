"""Text analysis for the search index: German and English analyzers, word folding.

Whoosh pickles the schema, analyzers included, into the index. Everything here is therefore a
module-level function or a small class without data of its own (the word lists stay in
`search_lexicon`), so the pickle holds references, not copies, and stays small.
"""

from __future__ import annotations

import Stemmer
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.filters import STOP_WORDS
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


def german_analyzer(decompound: bool = True):
    chain = RegexTokenizer() | LowercaseFilter() | StopFilter(stoplist=GERMAN_STOP_WORDS)
    if decompound:
        chain = chain | DecompoundFilter()
    return chain | StemFilter(stemfn=stem_de, cachesize=50_000) | CharsetFilter(FOLD_MAP)


def english_analyzer():
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=ENGLISH_STOP_WORDS)
        | StemFilter(stemfn=stem_en, cachesize=50_000)
        | CharsetFilter(FOLD_MAP)
    )


def names_analyzer():
    """Names of organisations and places: words as written, folded, no stemming."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(FOLD_MAP)


def words_analyzer():
    """Unstemmed words for prefix queries and "did you mean"."""
    return RegexTokenizer() | LowercaseFilter() | FoldVariantFilter()
