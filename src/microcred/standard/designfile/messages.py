"""Every problem a design file can have, in English and Polish.

A :class:`~microcred.standard.errors.FieldProblem` carries the
:class:`~microcred.standard.messages.Reason` one of these constants makes; its code
(``unknown_field``, ``yaml_syntax``...) is the problem's code. Tests import the
constants and compare codes, never wording.
"""

from __future__ import annotations

from ..messages import Message

# __all__ (every message constant) is computed at the end of the module.

# --- the file itself -----------------------------------------------------------------
FILE_UNREADABLE = Message(
    "file_unreadable", "cannot read the file: {reason}", "nie można odczytać pliku: {reason_pl}"
)
TOO_LARGE = Message(
    "too_large",
    "the file is larger than {limit} bytes",
    "plik jest za duży (limit w bajtach: {limit})",
)
NOT_UTF8 = Message(
    "not_utf8", "not UTF-8 text (byte {offset})", "to nie jest tekst UTF-8 (bajt {offset})"
)
EMPTY = Message("empty", "the file is empty", "plik jest pusty")
NOT_MAPPING = Message(
    "not_mapping",
    "a design must be a mapping of fields (key: value)",
    "projekt musi być zbiorem pól (klucz: wartość)",
)

# --- YAML ----------------------------------------------------------------------------
YAML_SYNTAX = Message(
    "yaml_syntax", "not valid YAML/JSON: {detail}", "niepoprawny YAML/JSON: {detail}"
)
YAML_TAG = Message(
    "yaml_tag", "YAML tag {tag} is not allowed", "znacznik YAML {tag} jest niedozwolony"
)
YAML_MERGE = Message(
    "yaml_merge",
    "YAML merge keys (<<) are not supported; write the fields out",
    "klucze scalające YAML (<<) nie są obsługiwane; wpisz pola wprost",
)
YAML_ALIAS_CYCLE = Message(
    "yaml_alias_cycle", "a YAML alias refers to itself", "alias YAML odwołuje się sam do siebie"
)
TOO_DEEP = Message(
    "too_deep",
    "nested more than {limit} levels deep",
    "liczba poziomów zagnieżdżenia większa niż {limit}",
)
TOO_MANY_VALUES = Message(
    "too_many_values",
    "more than {limit} values (alias expansion?)",
    "więcej niż {limit} wartości (rozwinięcie aliasów?)",
)
BAD_KEY = Message(
    "bad_key", "a key must be a name, not {key}", "klucz musi być nazwą, a nie {key_pl}"
)
#: what :data:`BAD_KEY` says of a key that is a list or a mapping
KEY_COLLECTION = Message(
    "key_collection", "a list or mapping", "złożoną wartością (lista, zbiór pól)"
)
DUPLICATE_KEY = Message(
    "duplicate_key",
    "given twice (first on line {first})",
    "podano dwa razy (po raz pierwszy w wierszu {first})",
)

# --- fields and values ---------------------------------------------------------------
UNKNOWN_FIELD = Message("unknown_field", "unknown field{hint}", "nieznane pole{hint_pl}")
#: the hint of :data:`UNKNOWN_FIELD` when a known field is close
DID_YOU_MEAN = Message("did_you_mean", "; did you mean {name!r}?", "; czy chodziło o {name!r}?")
MISSING_FIELD = Message("missing_field", "required field is missing", "brak wymaganego pola")
UNKNOWN_VALUE = Message(
    "unknown_value",
    "unknown value {value}; expected one of: {expected}",
    "nieznana wartość {value}; dozwolone: {expected}",
)
WRONG_TYPE = Message(
    "wrong_type", "expected {expected}, got {got}", "oczekiwano: {expected_pl}; podano {got}"
)
TEXT_PER_LANGUAGE = Message(
    "text_per_language",
    "give the text per language, e.g. {{pl: ..., en: ...}}; got {got}",
    "podaj tekst dla każdego języka, np. {{pl: ..., en: ...}}; podano {got}",
)
INVALID_VALUE = Message("invalid_value", "{detail}", "nieprawidłowa wartość: {detail_pl}")

# --- what :data:`WRONG_TYPE` says was expected -----------------------------------------
EXPECTED_NUMBER = Message("expected_number", "a number", "liczba")
EXPECTED_WHOLE_NUMBER = Message("expected_whole_number", "a whole number", "liczba całkowita")
EXPECTED_TEXT = Message("expected_text", "text", "tekst")
EXPECTED_BOOLEAN = Message("expected_boolean", "true or false", "true lub false")
EXPECTED_LIST = Message("expected_list", "a list", "lista")
EXPECTED_MAPPING = Message(
    "expected_mapping", "a mapping (key: value)", "zbiór pól (klucz: wartość)"
)
EXPECTED_DATE = Message("expected_date", "a date (YYYY-MM-DD)", "data (RRRR-MM-DD)")

# --- pydantic's own constraints, in Polish (the English is pydantic's message) ---------
NOT_GREATER_THAN = Message(
    "greater_than", "Input should be greater than {gt}", "wartość musi być większa niż {gt}"
)
NOT_AT_LEAST = Message(
    "greater_than_equal",
    "Input should be greater than or equal to {ge}",
    "wartość musi być większa lub równa {ge}",
)
NOT_AT_MOST = Message(
    "less_than_equal",
    "Input should be less than or equal to {le}",
    "wartość musi być mniejsza lub równa {le}",
)
STRING_TOO_SHORT = Message(
    "string_too_short",
    "String should have at least {min_length} characters",
    "liczba znaków musi wynosić co najmniej {min_length}",
)
STRING_TOO_LONG = Message(
    "string_too_long",
    "String should have at most {max_length} characters",
    "liczba znaków może wynosić najwyżej {max_length}",
)
LIST_TOO_SHORT = Message(
    "too_short",
    "List should have at least {min_length} items",
    "liczba pozycji listy musi wynosić co najmniej {min_length}",
)
LIST_TOO_LONG = Message(
    "too_long",
    "List should have at most {max_length} items",
    "liczba pozycji listy może wynosić najwyżej {max_length}",
)
PATTERN_MISMATCH = Message(
    "string_pattern_mismatch",
    "String should match pattern '{pattern}'",
    "tekst musi pasować do wzorca '{pattern}'",
)
TOO_MANY_DIGITS = Message(
    "decimal_max_digits",
    "Decimal input should have no more than {max_digits} digits in total",
    "liczba cyfr może wynosić najwyżej {max_digits}",
)
TOO_MANY_DECIMALS = Message(
    "decimal_max_places",
    "Decimal input should have no more than {decimal_places} decimal places",
    "liczba cyfr po przecinku może wynosić najwyżej {decimal_places}",
)

__all__ = sorted(name for name, value in dict(globals()).items() if isinstance(value, Message))
