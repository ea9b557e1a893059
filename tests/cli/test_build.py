"""`microcred build`: a design file and a learner (or a CSV list) → unsigned credentials
that `sign`, `bake` and `verify` take as they are."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner

from microcred.cli import build as b
from microcred.cli import cli
from microcred.cli._common import ERROR_PREFIX
from microcred.cli.build import PLACEHOLDER_ISSUER
from microcred.standard.messages import Reason

from ..conftest import EXAMPLES

PYTHON = str(EXAMPLES / "python-basics.yaml")  # pass/fail scale; records name, DOB, e-mail
WEBINAR = str(EXAMPLES / "cybersecurity-webinar.yaml")  # a participation badge
ANNA = ["--name", "Anna Kowalska", "--email", "anna@example.org",
        "--date-of-birth", "1990-04-02", "--issued-on", "2025-06-20"]  # fmt: skip
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle r="4"/></svg>'


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "issuer-key.json"
    assert _run("keys", "generate", "--out", str(path))[0] == 0
    return path


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def _achievement(credential: dict[str, Any]) -> dict[str, Any]:
    achievement: dict[str, Any] = credential["credentialSubject"]["achievement"]
    return achievement


def test_the_journey_keys_build_sign_bake_verify(tmp_path: Path, key_file: Path) -> None:
    code, out, err = _run("build", "--design", PYTHON, "--key", str(key_file), *ANNA,
                          "--grade", "zaliczone")  # fmt: skip
    assert code == 0, err
    assert err == ""
    unsigned = json.loads(out)
    did = json.loads(key_file.read_text())["controller"]
    assert unsigned["issuer"]["id"] == did
    assert "proof" not in unsigned
    assert _achievement(unsigned)["achievementType"] == "MicroCredential"
    assert unsigned["validUntil"] == "2030-06-20T23:59:59Z"  # validity_months: 60
    assert unsigned["credentialSubject"]["result"][0]["value"] == "zaliczone"

    code, signed, err = _run("sign", "--key", str(key_file), _write(tmp_path / "u.json", out))
    assert code == 0, err
    signed_file = _write(tmp_path / "signed.json", signed)
    badge = tmp_path / "badge.svg"
    badge.write_bytes(SVG)
    baked = tmp_path / "baked.svg"
    code, _, err = _run("bake", "--credential", signed_file, "--image", str(badge),
                        "--out", str(baked))  # fmt: skip
    assert code == 0, err
    code, out, _ = _run("verify", "--lang", "en", str(baked), signed_file)
    assert code == 0, out
    assert out.count("VERIFIED — micro-credential") == 2
    assert "    Learner: Anna Kowalska\n" in out
    assert "    Valid until: 2030-06-20\n" in out


def test_without_a_key_the_issuer_is_a_placeholder_that_sign_replaces(
    tmp_path: Path, key_file: Path
) -> None:
    code, out, err = _run("build", "--design", PYTHON, *ANNA)
    assert code == 0, err
    assert json.loads(out)["issuer"]["id"] == PLACEHOLDER_ISSUER
    code, signed, err = _run("sign", "--key", str(key_file), _write(tmp_path / "u.json", out))
    assert code == 0, err
    assert json.loads(signed)["issuer"]["id"] == json.loads(key_file.read_text())["controller"]
    code, out, _ = _run("verify", _write(tmp_path / "s.json", signed))
    assert code == 0
    assert "VERIFIED — micro-credential" in out


def test_issuer_did_is_written_as_given() -> None:
    code, out, _ = _run("build", "--design", PYTHON, "--issuer", "did:web:ckw.example.edu.pl",
                        *ANNA)  # fmt: skip
    assert code == 0
    assert json.loads(out)["issuer"]["id"] == "did:web:ckw.example.edu.pl"


def test_a_participation_badge_is_not_issued_as_a_micro_credential(
    tmp_path: Path, key_file: Path
) -> None:
    code, out, err = _run("build", "--design", WEBINAR, "--key", str(key_file),
                          "--name", "Jan Nowak", "--email", "jan@example.org")  # fmt: skip
    assert code == 0, err
    assert "participation badge" in err
    assert "CertificateOfCompletion" in err
    assert _achievement(json.loads(out))["achievementType"] == "CertificateOfCompletion"
    code, signed, _ = _run("sign", "--key", str(key_file), _write(tmp_path / "u.json", out))
    code, out, _ = _run("verify", "--lang", "en", _write(tmp_path / "s.json", signed))
    assert code == 0
    assert "VERIFIED — participation badge (not a micro-credential)" in out


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "error: grade 'very good' is not on the design's grading scale; allowed: pass"),
        ("pl", "błąd: ocena 'very good' nie należy do skali ocen projektu; dozwolone: zaliczone"),
    ],
)
def test_a_grade_outside_the_scale_is_refused(lang: str, message: str) -> None:
    code, out, err = _run("build", "--design", PYTHON, *ANNA, "--grade", "very good",
                          "--lang", lang)  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.strip() == message


def test_a_failing_grade_is_refused() -> None:
    code, _, err = _run("build", "--design", PYTHON, *ANNA, "--grade", "fail")
    assert code == 2
    assert "failing grade" in err


def test_every_problem_of_one_learner_is_named() -> None:
    code, out, err = _run("build", "--design", PYTHON, "--name", "Anna",
                          "--email", "anna@", "--grade", "very good")  # fmt: skip
    assert code == 2
    assert out == ""
    assert "not on the design's grading scale" in err
    assert "give the given name and the family name ('Anna')" in err


def test_what_the_design_promises_must_be_given() -> None:
    code, _, err = _run("build", "--design", PYTHON, "--name", "Anna Kowalska",
                        "--email", "anna@example.org")  # fmt: skip
    assert code == 2
    assert "the design records the date of birth on each award: give --date-of-birth" in err


def test_edc(key_file: Path) -> None:
    code, out, err = _run("build", "--design", PYTHON, "--format", "edc", *ANNA,
                          "--grade", "pass")  # fmt: skip
    assert code == 0, err
    edc = json.loads(out)
    assert "EuropeanDigitalCredential" in edc["type"]
    assert "zaliczone" in json.dumps(edc, ensure_ascii=False)


CSV = """\
name;e-mail;date_of_birth;issued_on;grade
Anna Kowalska;anna@example.org;1990-04-02;2025-06-20;zaliczone
Jan Nowak;jan@;1991-01-01;2025-06-20;pass
;x@example.org;1990-01-01;;
Piotr Wiśniewski;piotr@example.org;1989-02-03;2999-01-01;
Ewa Zając;ewa@example.org;1992-02-02;2025-06-20;very good
=HYPERLINK("http://evil.example") Kowalski;k@example.org;1990-01-01;;
Anna K.;ANNA@example.org;1990-04-02;;

"Łukasz
Żółć";lukasz@example.org;1990-05-05;2025-06-21;pass
Marek Brak;marek@example.org;;;
Zofia Nowak;@SUM(A1);1990-01-01;;
"""


def test_csv_builds_the_good_rows_and_names_the_line_of_each_bad_one(
    tmp_path: Path, key_file: Path
) -> None:
    out_dir = tmp_path / "unsigned"
    code, out, err = _run("build", "--design", PYTHON, "--key", str(key_file),
                          "--csv", _write(tmp_path / "learners.csv", CSV),
                          "--out-dir", str(out_dir))  # fmt: skip
    assert code == 1
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == ["0002-anna-kowalska.json", "0010-lukasz-zolc.json"]
    assert out.split() == [str(out_dir / name) for name in written]
    errors = [line.split(": ", 1)[1] for line in err.splitlines() if line.startswith("error:")]
    csv_path = tmp_path / "learners.csv"
    assert errors == [
        f"{csv_path}:3: 'jan@' is not an e-mail address",
        f"{csv_path}:4: no name given",
        f"{csv_path}:5: date of issue 2999-01-01 is in the future (today is "
        + errors[2].split("today is ")[1],
        f"{csv_path}:6: grade 'very good' is not on the design's grading scale; allowed: pass",
        f"{csv_path}:7: name starts with '=': a spreadsheet would run it as a formula",
        f"{csv_path}:8: the same learner as line 2 (same e-mail address)",
        f"{csv_path}:12: the design records the date of birth on each award: give date_of_birth",
        f"{csv_path}:13: email starts with '@': a spreadsheet would run it as a formula",
    ]
    assert err.splitlines()[-1] == f"2 credentials built into {out_dir}; 8 rows refused"
    learner = json.loads((out_dir / "0010-lukasz-zolc.json").read_text())
    assert learner["credentialSubject"]["identifier"][0]["identityHash"] == "Łukasz Żółć"
    code, _, err = _run("sign", "--key", str(key_file), "--out-dir", str(tmp_path / "signed"),
                        *[str(out_dir / name) for name in written])  # fmt: skip
    assert code == 0, err
    code, out, _ = _run(
        "verify", "--json", *sorted(str(p) for p in (tmp_path / "signed").iterdir())
    )
    assert code == 0
    assert [json.loads(line)["verdict"] for line in out.splitlines()] == ["micro-credential"] * 2


def test_csv_in_polish(tmp_path: Path) -> None:
    code, _, err = _run("build", "--design", PYTHON, "--lang", "pl",
                        "--csv", _write(tmp_path / "l.csv", CSV),
                        "--out-dir", str(tmp_path / "out"))  # fmt: skip
    assert code == 1
    assert ":6: ocena 'very good' nie należy do skali ocen projektu" in err
    assert ":8: ta sama osoba co w wierszu 2 (zgadza się: adres e-mail)" in err
    assert err.splitlines()[-1].startswith("zbudowano poświadczeń: 2 w ")


def test_csv_with_given_and_family_name_columns(tmp_path: Path) -> None:
    text = "given_name,family_name,email,date_of_birth\nMaria,de la Cruz,m@example.org,1990-01-01\n"
    out_dir = tmp_path / "out"
    code, _, err = _run("build", "--design", PYTHON, "--csv", _write(tmp_path / "l.csv", text),
                        "--out-dir", str(out_dir))  # fmt: skip
    assert code == 0, err
    (path,) = out_dir.iterdir()
    assert path.name == "0002-maria-de-la-cruz.json"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"nmae,email\nA B,a@example.org\n", b.UNKNOWN_COLUMN(column="nmae", hint=" (name?)")),
        (b"email,grade\na@example.org,pass\n", b.NO_NAME_COLUMN()),
        (b"name,name\nA B,C D\n", b.REPEATED_COLUMN(column="name")),
        (b"\xff\xfename\n", b.NOT_TEXT()),
        (b"", b.EMPTY()),
        (
            b'name\n"' + b"x" * 200_000 + b'"\n',
            b.CSV_SYNTAX(line=2, detail="field larger than field limit (131072)"),
        ),
    ],
    ids=["typo", "no-name-column", "repeated", "not-text", "empty", "huge-cell"],
)
@pytest.mark.parametrize("lang", ["en", "pl"])
def test_an_unreadable_csv_exits_2(
    tmp_path: Path, content: bytes, reason: Reason, lang: str
) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(content)
    code, out, err = _run("build", "--design", PYTHON, "--csv", str(path),
                          "--out-dir", str(tmp_path / "out"), "--lang", lang)  # fmt: skip
    assert code == 2
    assert out == ""
    assert err.strip() == ERROR_PREFIX.text(lang) + f"{path}: {reason.text(lang)}"
    assert not (tmp_path / "out").exists()


def test_an_invalid_design_exits_2_with_its_line(tmp_path: Path) -> None:
    design = _write(tmp_path / "d.yaml", "title: {en: T}\ngrading_scale: [{name: {en: a}, x: 1}]\n")
    code, _, err = _run("build", "--design", design, "--name", "Anna Kowalska")
    assert code == 2
    assert f"error: {design}:2:" in err
    code, _, err = _run("build", "--design", str(tmp_path / "missing.yaml"), "--name", "A B")
    assert code == 2
    assert "no such file" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give --name (one learner) or --csv (a list)"),
        (["--csv", "l.csv", "--name", "A B", "--out-dir", "o"], "not --name"),
        (["--csv", "l.csv"], "--csv needs --out-dir"),
        (["--name", "A B", "--out-dir", "o"], "--out-dir goes with --csv"),
        (["--name", "A B", "--key", "k.json", "--issuer", "did:web:x"], "not both"),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    code, _, err = _run("build", "--design", PYTHON, *args)
    assert code == 2
    assert message in err


def test_a_bad_issuer_is_refused() -> None:
    code, _, err = _run("build", "--design", PYTHON, *ANNA, "--issuer", "not a did")
    assert code == 2
    assert b.BAD_ISSUER.text(issuer="not a did") in err


def test_an_out_dir_that_cannot_be_made_exits_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    code, _, err = _run("build", "--design", PYTHON, "--csv", _write(tmp_path / "l.csv", CSV),
                        "--out-dir", str(tmp_path / "file" / "sub"))  # fmt: skip
    assert code == 2
    assert "cannot write" in err


def test_a_workbook_and_a_windows_1250_list_are_read_too(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Name", "E-mail", "Date of birth", "Grade"])
    sheet.append(["Łukasz Żółć", "lukasz@example.org", dt.date(1990, 5, 5), "pass"])
    sheet.append(["=1+1", "x@example.org", dt.date(1990, 5, 5), "pass"])
    workbook.save(tmp_path / "learners.xlsx")
    (tmp_path / "learners.csv").write_bytes(
        "name;email;date_of_birth\nŁukasz Żółć;lukasz@example.org;1990-05-05\n".encode("cp1250")
    )
    outcomes = {}
    for name in ("learners.xlsx", "learners.csv"):
        out_dir = tmp_path / name.replace(".", "-")
        code, _, err = _run("build", "--design", PYTHON, "--csv", str(tmp_path / name),
                            "--out-dir", str(out_dir))  # fmt: skip
        outcomes[name] = code, err
        assert [p.name for p in out_dir.iterdir()] == ["0002-lukasz-zolc.json"]
        credential = json.loads((out_dir / "0002-lukasz-zolc.json").read_text())
        assert credential["credentialSubject"]["identifier"][0]["identityHash"] == "Łukasz Żółć"
    code, err = outcomes["learners.xlsx"]
    assert code == 1
    assert f"{tmp_path / 'learners.xlsx'}:3: name starts with '=': a spreadsheet would run " in err
    assert outcomes["learners.csv"][0] == 0, outcomes["learners.csv"][1]
