"""The registry's full-text normalisation, the same at index time and at query time.

A text becomes space-separated *tokens*: each word lowercased with its diacritics folded
(``ł`` → ``l`` too), followed by its folded stem when the text's language has a stemmer
— Polish by Stempel (``pystempel``, the table Lucene's and Elasticsearch's Polish
analyzer ships, ``stemmer_20000``), English by Snowball (``snowballstemmer``)::

    >>> index_tokens("Kształcenia ustawicznego", "pl")
    'ksztalcenia ksztalcenie ustawicznego ustawiczny'

The database's own full-text engine (SQLite FTS5, PostgreSQL's ``simple`` configuration)
then only splits on spaces: it needs no Polish dictionary, which neither has.

A query word becomes a few alternatives, each matched as a prefix (:func:`query_terms`):
its folded form (typing ``ksztalc`` finds ``kształcenie``; a word typed without
diacritics meets the folded index), its folded Polish stem (``kształcenia`` meets the
stem ``ksztalcenie``), its English stem (``programming`` → ``program*`` meets
``programmer`` and ``programme``) and a light cut of a Polish ending (below).
"""

from __future__ import annotations

__all__ = ["fold", "index_tokens", "query_terms", "words"]

import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

#: letters NFKD does not decompose into a base letter and a mark
_EXTRA_FOLDS = str.maketrans({"ł": "l", "ß": "ss", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe",
                              "ı": "i", "ħ": "h", "þ": "th"})  # fmt: skip
_WORD = re.compile(r"[^\W_]+")
#: words of a query that count (the rest are ignored)
MAX_QUERY_WORDS = 8
#: a query alternative shorter than this is matched exactly, not as a prefix
MIN_PREFIX = 3

# Polish inflectional endings (folded), longest first. Stempel cannot stem a word typed
# without its diacritics ("ksztalcenia": its table learnt "kształcenia"), so a query word
# that ends like an inflected Polish word also looks for what is left without the ending
# (as a prefix: "ksztalcen*" meets "kształcenie"); the stem left must keep 4 letters.
_ENDINGS = ("ami", "ach", "owi", "ego", "emu", "ich", "ych", "imi", "ymi", "iem", "om",
            "ow", "ie", "ia", "iu", "ej", "em", "a", "e", "i", "y", "u", "o")  # fmt: skip
_MIN_CUT_STEM = 4


def fold(text: str) -> str:
    """``text`` lowercased, with its diacritics removed: ``Łódź`` → ``lodz``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_EXTRA_FOLDS)


def words(text: str) -> list[str]:
    """The words of ``text``, lowercased (letters and digits; punctuation splits)."""
    return _WORD.findall(text.lower())


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _polish() -> Callable[[str], str | None]:
    # Loaded once per process (about half a second, 30 MB); pystempel's loader shows a
    # progress bar unless told not to.
    with _lock:
        from pystempel import streams

        streams.DISABLE_TQDM = True
        from pystempel import Stemmer

        # Stemmer.default() reads the same file through a deprecated importlib call
        table = resources.files("pystempel.data.original") / "stemmer_20000.tbl.gz"
        with resources.as_file(table) as path:
            stemmer: Callable[[str], str | None] = Stemmer.from_file(path)
        return stemmer


@lru_cache(maxsize=1)
def _english() -> Callable[[str], str]:
    import snowballstemmer

    stem: Callable[[str], str] = snowballstemmer.stemmer("english").stemWord
    return stem


@lru_cache(maxsize=65536)
def _stem_pl(word: str) -> str:
    if word.isdigit():
        return word
    stem = _polish()(word)
    return fold(stem) if stem and len(stem) > 1 else ""


@lru_cache(maxsize=65536)
def _stem_en(word: str) -> str:
    return fold(_english()(word)) if not word.isdigit() else word


_STEMMERS: dict[str, tuple[Callable[[str], str], ...]] = {
    "pl": (_stem_pl,),
    "en": (_stem_en,),
    "": (_stem_pl, _stem_en),  # a name, whose language nobody knows
}


def index_tokens(text: str, lang: str) -> str:
    """The tokens the index stores for ``text`` written in ``lang`` (``pl``, ``en``, any
    other EU language — folded, not stemmed — or ``""`` when unknown: both stemmers)."""
    stemmers = _STEMMERS.get(lang, ())
    tokens: list[str] = []
    for word in words(text):
        folded = fold(word)
        tokens.append(folded)
        for stem in stemmers:
            stemmed = stem(word)
            if stemmed and stemmed != folded:
                tokens.append(stemmed)
    return " ".join(tokens)


def _cut(folded: str) -> str:
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_CUT_STEM:
            return folded[: -len(ending)]
    return ""


def query_terms(query: str) -> list[list[str]]:
    """For each word of ``query`` (the first :data:`MAX_QUERY_WORDS`), its alternatives:
    a design matches when, for every word, one of them is a prefix of one of its tokens
    (an alternative shorter than :data:`MIN_PREFIX` must equal a token)."""
    found: list[list[str]] = []
    for word in words(query)[:MAX_QUERY_WORDS]:
        folded = fold(word)
        options = [folded, _stem_pl(word), _stem_en(word), _cut(folded)]
        unique = sorted({o for o in options if o})
        # an alternative that another one is a prefix of adds nothing to a prefix query
        kept = [o for o in unique
                if not any(o != other and o.startswith(other) and len(other) >= MIN_PREFIX
                           for other in unique)]  # fmt: skip
        found.append(kept)
    return found
