"""Batch commands on every core (``cli/_parallel.py``): ``microcred sign --out-dir`` with
workers writes what one process writes, reports every bad file in the order given, and
exits as one process would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from microcred.cli._parallel import in_order
from microcred.credentials.keys import KeyPair
from microcred.credentials.ob3 import to_ob3
from microcred.credentials.verify import verify

from ..conftest import example_award

FILES = 40  # enough for two workers (16 files each at least)


def _square(number: int) -> int:
    return number * number


def test_in_order_keeps_the_order_with_workers_and_without() -> None:
    numbers = list(range(100))
    assert list(in_order(_square, numbers, 1)) == [n * n for n in numbers]
    assert list(in_order(_square, numbers, 4)) == [n * n for n in numbers]
    assert list(in_order(_square, [], 4)) == []


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_sign_with_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    key = KeyPair.generate()
    key_file = tmp_path / "key.json"
    key_file.write_text(json.dumps(key.to_file_dict()))
    sources = tmp_path / "in"
    sources.mkdir()
    names = []
    for index in range(FILES):
        learner = {"given_name": f"Osoba{index}", "family_name": "Nowak"}
        unsigned = to_ob3(example_award(learner=learner), issuer_id=key.did_key)
        name = f"c{index:02}.json"
        (sources / name).write_text(json.dumps(unsigned))
        names.append(name)
    for bad in (7, 23, 31):  # bad files among the good, in both workers' shares
        (sources / names[bad]).write_text('{"broken": ' if bad != 23 else "[1, 2]")
    script = Path(sys.executable).parent / "microcred"
    outputs, errors = {}, {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        done = subprocess.run(
            [str(script), "sign", "--key", str(key_file), "--out-dir", str(out), "--jobs", jobs,
             *[str(sources / name) for name in names]],
            capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        errors[jobs] = done.stderr.splitlines()
        outputs[jobs] = {path.name: json.loads(path.read_text()) for path in out.iterdir()}
    assert errors["1"] == errors["2"]
    assert [line.split(": ")[1].rsplit("/", 1)[1] for line in errors["2"]] == [
        names[7], names[23], names[31]]  # fmt: skip
    assert sorted(outputs["2"]) == sorted(set(names) - {names[7], names[23], names[31]})
    for name, signed in outputs["2"].items():
        assert verify(signed).verified, name
        alone = outputs["1"][name]
        for document in (signed, alone):
            for proof in document["proof"]:
                proof.pop("created"), proof.pop("proofValue")  # the moment differs
        assert signed == alone, name


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_verify_with_workers_says_what_one_process_says(tmp_path: Path) -> None:
    key = KeyPair.generate()
    key_file = tmp_path / "key.json"
    key_file.write_text(json.dumps(key.to_file_dict()))
    script = Path(sys.executable).parent / "microcred"
    paths = []
    for index in range(FILES):
        learner = {"given_name": f"Osoba{index}", "family_name": "Nowak"}
        unsigned = to_ob3(example_award(learner=learner), issuer_id=key.did_key)
        path = tmp_path / f"c{index:02}.json"
        path.write_text(json.dumps(unsigned))
        paths.append(path)
    signed_dir = tmp_path / "signed"
    subprocess.run([str(script), "sign", "--key", str(key_file), "--out-dir", str(signed_dir),
                    *map(str, paths)], check=True, timeout=300)  # fmt: skip
    files = sorted(signed_dir.iterdir())
    tampered = json.loads(files[5].read_text())
    tampered["credentialSubject"]["achievement"]["name"] = "Inna nazwa"
    files[5].write_text(json.dumps(tampered))
    files.insert(20, tmp_path / "missing.json")
    said = {}
    for jobs in ("1", "2"):
        for output in ([], ["--json"]):
            done = subprocess.run(
                [str(script), "verify", "--lang", "pl", "--jobs", jobs, *output,
                 *map(str, files)],
                capture_output=True, text=True, check=False, timeout=300,
            )  # fmt: skip
            said[(jobs, bool(output))] = (done.returncode, done.stdout, done.stderr)
    for as_json in (False, True):
        assert said[("1", as_json)] == said[("2", as_json)]
    code, out, err = said[("2", True)]
    assert code == 2  # a file could not be read
    assert "missing.json" in err
    results = [json.loads(line)["result"] for line in out.splitlines()]
    assert results.count("invalid") == 1
    assert results.count("valid") == FILES - 1
