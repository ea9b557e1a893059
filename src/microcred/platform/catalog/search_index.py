"""The full-text index over ``VersionText.search_title`` and ``search_body`` (tokens
made by :mod:`.search_text`), one per database vendor, and the SQL that queries it.

- **SQLite**: an FTS5 table with external content (the text table; no second copy of
  it), kept in step by SQL triggers rather than by the service, so that every way
  a row is written — :func:`~.services.design_import`, a bulk insert, a data migration,
  a cascade delete — updates it. Ranked by ``bm25`` (titles weigh ten times the rest).
  A migration that rebuilds ``catalog_versiontext`` on SQLite (Django does for some
  field changes) drops the triggers: ``tests/platform/registry`` checks they are there.
- **PostgreSQL 15**: the ``simple`` configuration's ``tsvector`` of the two columns
  (weights A and B) as a stored generated column, ``search_vector`` (made here, not a
  model field: Django never writes it), under a GIN index, queried with prefix
  ``tsquery`` terms (``:*``) and ranked by ``ts_rank``. A GIN index on the expression
  alone was measured first: PostgreSQL then parses every matching row's text again to
  recheck and to rank it, 150 ms for a common word at 50,000 designs. The vector is
  kept in its row rather than in the TOAST table, and the listed versions' ids have an
  index of their own (:func:`layout_sql`).
  ``simple`` only lowercases and splits: the Polish stemming and the
  folding of diacritics are already in the tokens, so PostgreSQL needs no Polish
  dictionary (it ships none) and no ``unaccent``. Trigrams (``pg_trgm``) were the other
  road; they match substrings, not words, and rank by similarity of whole strings,
  which suits names more than inflected prose, and they would need the extension.
"""

from __future__ import annotations

__all__ = ["FTS_TABLE", "PG_VECTOR", "create_sql", "drop_sql", "fts5_match", "layout_sql",
           "pg_tsquery"]  # fmt: skip

from .search_text import MIN_PREFIX

FTS_TABLE = "catalog_versiontext_fts"
_PG_EXPRESSION = ("(setweight(to_tsvector('simple'::regconfig, search_title), 'A') || "
                  "setweight(to_tsvector('simple'::regconfig, search_body), 'B'))")  # fmt: skip
#: the stored vector a query reads
PG_VECTOR = "catalog_versiontext.search_vector"

_SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE catalog_versiontext_fts USING fts5(search_title, search_body, "
    "content='catalog_versiontext', content_rowid='version_id', tokenize='unicode61', "
    "prefix='3')",
    """CREATE TRIGGER catalog_versiontext_fts_insert AFTER INSERT ON catalog_versiontext
BEGIN
  INSERT INTO catalog_versiontext_fts(rowid, search_title, search_body)
  VALUES (new.version_id, new.search_title, new.search_body);
END""",
    """CREATE TRIGGER catalog_versiontext_fts_delete AFTER DELETE ON catalog_versiontext
BEGIN
  INSERT INTO catalog_versiontext_fts(catalog_versiontext_fts, rowid, search_title,
                                        search_body)
  VALUES ('delete', old.version_id, old.search_title, old.search_body);
END""",
    """CREATE TRIGGER catalog_versiontext_fts_update
AFTER UPDATE OF search_title, search_body ON catalog_versiontext BEGIN
  INSERT INTO catalog_versiontext_fts(catalog_versiontext_fts, rowid, search_title,
                                        search_body)
  VALUES ('delete', old.version_id, old.search_title, old.search_body);
  INSERT INTO catalog_versiontext_fts(rowid, search_title, search_body)
  VALUES (new.version_id, new.search_title, new.search_body);
END""",
    "INSERT INTO catalog_versiontext_fts(catalog_versiontext_fts) VALUES ('rebuild')",
]
_SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{when}" for when in ("insert", "delete", "update")),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
_PG_CREATE = [
    f"ALTER TABLE catalog_versiontext ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS {_PG_EXPRESSION} STORED",
    "CREATE INDEX catalog_versiontext_search ON catalog_versiontext USING gin (search_vector)",
]
_PG_DROP = [
    "DROP INDEX IF EXISTS catalog_versiontext_search",
    "ALTER TABLE catalog_versiontext DROP COLUMN IF EXISTS search_vector",
]


#: PostgreSQL, catalog migration 0005 (bench/registry.py, 50,000 designs, the widest word
#: "kształcenia" — 7,800 matches, every one ranked — 52 → 36 ms): the vector kept in its
#: row (``STORAGE MAIN``; a vector of 1–2 kB went to the TOAST table, and ranking read
#: it back through the TOAST index, chunk by chunk, for every match) and every row
#: written again to move it there; and the listed versions' ids in an index of their
#: own, which a search joins its matches with (an index-only scan of 50,000 ids, 4 ms,
#: where reading them from the facets table took 11–18 ms)
_PG_LAYOUT = [
    "ALTER TABLE catalog_versiontext ALTER COLUMN search_vector SET STORAGE MAIN",
    "UPDATE catalog_versiontext SET search_title = search_title",
    "CREATE INDEX IF NOT EXISTS catalog_versionfacets_listed_ids ON catalog_versionfacets "
    "(version_id) WHERE listed",
]
_PG_LAYOUT_UNDO = [
    "DROP INDEX IF EXISTS catalog_versionfacets_listed_ids",
    "ALTER TABLE catalog_versiontext ALTER COLUMN search_vector SET STORAGE EXTENDED",
]


def layout_sql(vendor: str, *, undo: bool = False) -> list[str]:
    """The statements that lay the index's data out for speed (or, ``undo``, back):
    PostgreSQL only (SQLite's FTS5 keeps its own tables, and its search starts from
    the match and reads a facet row by its key)."""
    if vendor != "postgresql":
        return []
    return _PG_LAYOUT_UNDO if undo else _PG_LAYOUT


def create_sql(vendor: str) -> list[str]:
    """The statements that make the index on ``vendor`` (none on another database: the
    registry then has no full-text search)."""
    return {"sqlite": _SQLITE_CREATE, "postgresql": _PG_CREATE}.get(vendor, [])


def drop_sql(vendor: str) -> list[str]:
    """The statements that remove it."""
    return {"sqlite": _SQLITE_DROP, "postgresql": _PG_DROP}.get(vendor, [])


def fts5_match(terms: list[list[str]]) -> str:
    """An FTS5 query: every word, one of its alternatives, each a prefix."""

    def term(t: str) -> str:
        return f'"{t}"' + ("*" if len(t) >= MIN_PREFIX else "")

    return " AND ".join("(" + " OR ".join(term(t) for t in alts) + ")" for alts in terms)


def pg_tsquery(terms: list[list[str]]) -> str:
    """The same as a ``to_tsquery('simple', …)`` text."""

    def term(t: str) -> str:
        return f"'{t}'" + (":*" if len(t) >= MIN_PREFIX else "")

    return " & ".join("(" + " | ".join(term(t) for t in alts) + ")" for alts in terms)
