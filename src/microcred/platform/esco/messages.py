"""The ESCO app's messages (constants that tests import)."""

from __future__ import annotations

from ...standard.messages import Message

NOT_A_FOLDER = Message(
    "esco_not_a_folder",
    "{directory} is not a folder: give the folder of an ESCO CSV export.",
    "{directory} nie jest folderem: podaj folder eksportu ESCO w formacie CSV.",
)
FILE_MISSING = Message(
    "esco_file_missing",
    "{file} is missing in {directory} (looked in it, in its en/ and relations/ folders and in "
    "../relations): is this the ESCO CSV export?",
    "Brak pliku {file} w {directory} (szukano w nim, w jego folderach en/ i relations/ oraz w "
    "../relations): czy to eksport ESCO w formacie CSV?",
)
NO_POLISH_FILE = Message(
    "esco_no_polish_file",
    "{directory} holds no Polish ESCO file (skills_pl.csv, occupations_pl.csv or a "
    "skill collection's *_pl.csv).",
    "{directory} nie zawiera żadnego polskiego pliku ESCO (skills_pl.csv, occupations_pl.csv "
    "ani pliku kolekcji umiejętności *_pl.csv).",
)
BAD_HEADER = Message(
    "esco_bad_header",
    "{file}: the header lacks the column(s) {columns}.",
    "{file}: w nagłówku brakuje kolumn(y) {columns}.",
)
BAD_ENCODING = Message(
    "esco_bad_encoding",
    "{file}: not UTF-8 text (line {line}).",
    "{file}: to nie jest tekst w UTF-8 (wiersz {line}).",
)
BAD_ROW = Message(
    "esco_bad_row",
    "{file}, line {line}: {problem}",
    "{file}, wiersz {line}: {problem_pl}",
)
EMPTY_FILE = Message(
    "esco_empty_file",
    "{file} is empty: it has no header.",
    "{file} jest pusty: nie ma nagłówka.",
)
SKILL_NOT_FOUND = Message(
    "esco_skill_not_found",
    "No ESCO skill has this address.",
    "Żadna umiejętność ESCO nie ma tego adresu.",
)

# What can be wrong with one row (each said inside BAD_ROW, with the file and line)
ROW_FIELDS = Message(
    "esco_row_fields",
    "{found} fields where the header has {expected}",
    "pól: {found}, a nagłówek ma ich {expected}",
)
ROW_EMPTY = Message(
    "esco_row_empty",
    "{column} is empty",
    "kolumna {column} jest pusta",
)
ROW_BAD_URI = Message(
    "esco_row_bad_uri",
    "{column} is not an ESCO {kind} URI: {value}",
    "{column} nie jest adresem URI ESCO typu {kind}: {value}",
)
ROW_BAD_RELATION = Message(
    "esco_row_bad_relation",
    "relationType is {value}, not essential or optional",
    "relationType ma wartość {value} zamiast essential lub optional",
)
ROW_UNKNOWN_SKILL = Message(
    "esco_row_unknown_skill",
    "skill {value} is not in the skills file",
    "umiejętności {value} nie ma w pliku umiejętności",
)
ROW_DUPLICATE = Message(
    "esco_row_duplicate",
    "{value} appears a second time (first on line {first})",
    "{value} występuje drugi raz (pierwszy raz w wierszu {first})",
)
ROW_UNREADABLE = Message(
    "esco_row_unreadable",
    "not CSV as RFC 4180 writes it ({detail})",
    "to nie jest CSV w postaci z RFC 4180 ({detail})",
)
