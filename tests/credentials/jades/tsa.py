"""A test time-stamping authority: OpenSSL's own RFC 3161 server (``openssl ts -reply``)
with a TSA certificate made here, so that time-stamp tokens in the tests come from an
independent implementation rather than from code written to match ours."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

_CONFIG = """\
[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = {folder}
serial = $dir/serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = {ess}
"""


def openssl() -> str:
    """The ``openssl`` command: missing fails under CI and skips elsewhere."""
    found = shutil.which("openssl")
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("openssl not found: the time-stamp tests need it")
        pytest.skip("openssl not found")
    return found


@dataclass(frozen=True)
class TimeStampAuthority:
    """An OpenSSL TSA in ``folder`` with its certificate; call it with data to get a token."""

    folder: Path
    certificate: x509.Certificate

    def respond(self, query: bytes) -> bytes:
        """OpenSSL's DER ``TimeStampResp`` to a DER ``TimeStampReq`` (what a TSA's HTTP
        endpoint answers)."""
        command = openssl()
        (self.folder / "posted.tsq").write_bytes(query)
        answer = self.folder / "answer.tsr"
        subprocess.run(
            [command, "ts", "-reply", "-config", str(self.folder / "tsa.cnf"),
             "-queryfile", str(self.folder / "posted.tsq"), "-signer",
             str(self.folder / "tsa.pem"), "-inkey", str(self.folder / "tsa.key"),
             "-out", str(answer)],
            check=True, capture_output=True,
        )  # fmt: skip
        return answer.read_bytes()

    def __call__(self, data: bytes, digest: str = "sha256") -> bytes:
        """A DER ``TimeStampToken`` over ``data``, time-stamped now (OpenSSL's clock)."""
        command = openssl()
        (self.folder / "data").write_bytes(data)
        query, token = self.folder / "query.tsq", self.folder / "token.der"
        subprocess.run(
            [command, "ts", "-query", "-data", str(self.folder / "data"), f"-{digest}",
             "-cert", "-no_nonce", "-out", str(query)],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [command, "ts", "-reply", "-config", str(self.folder / "tsa.cnf"),
             "-queryfile", str(query), "-signer", str(self.folder / "tsa.pem"),
             "-inkey", str(self.folder / "tsa.key"), "-token_out", "-out", str(token)],
            check=True, capture_output=True,
        )  # fmt: skip
        return token.read_bytes()


def time_stamp_authority(
    folder: Path,
    *,
    not_before: dt.datetime,
    not_after: dt.datetime,
    key_type: str = "ec",
    ess: str = "sha256",
) -> TimeStampAuthority:
    """A TSA with a self-signed certificate (CN "Test TSA", O "Test Trust Services") valid
    ``not_before``–``not_after``; OpenSSL itself refuses a certificate not issued for
    time-stamping, so that case cannot be made here."""
    folder.mkdir(parents=True, exist_ok=True)
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey = (
        ec.generate_private_key(ec.SECP256R1())
        if key_type == "ec"
        else rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Test Trust Services"),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "PL"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    (folder / "tsa.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "tsa.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (folder / "serial").write_text("01\n")
    (folder / "tsa.cnf").write_text(_CONFIG.format(folder=folder, ess=ess))
    return TimeStampAuthority(folder, certificate)
