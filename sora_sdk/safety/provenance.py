"""C2PA provenance on saved mp4: a signed manifest that says "made by a trained model".

`save_with_provenance` writes the video, then embeds a C2PA manifest (c2pa-python) whose
`c2pa.actions.v2` assertion records a `c2pa.created` action with digital source type
`trainedAlgorithmicMedia` (IPTC). The manifest is hard-bound to the file's bytes: changing any
byte of the video data makes validation fail, which `read_provenance` reports.

Signing is offline. Operators pass their own certificate chain and key (`ProvenancePolicy`);
without them a *development* CA and signing certificate are generated once under
`~/.cache/sora-sdk/c2pa-dev/` (override with `SORA_SDK_C2PA_DIR`). Development signatures validate
("Valid") but are not trusted by anyone else: do not ship media signed with them.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import os
import uuid
from pathlib import Path
from typing import Any

from sora_sdk.video import Video

__all__ = ["save_with_provenance", "read_provenance", "dev_credentials", "TRAINED_ALGORITHMIC_MEDIA"]

TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
_DEV_DIR_ENV = "SORA_SDK_C2PA_DIR"


def _c2pa():
    try:
        import c2pa
    except ImportError as e:
        raise ImportError(
            "C2PA provenance needs c2pa-python: pip install c2pa-python (it signs offline)."
        ) from e
    return c2pa


def dev_credentials(folder: str | os.PathLike | None = None) -> tuple[bytes, bytes]:
    """(certificate chain PEM, private key PEM) of the local development signer.

    Created on first use: an EC P-256 root CA and a signing certificate it issues, with the key
    usages C2PA validators require (digitalSignature; extended key usage emailProtection), valid
    for one year. c2pa rejects self-signed signing certificates, hence the two-level chain.

    Args:
        folder: Where to keep them; default `$SORA_SDK_C2PA_DIR` or `~/.cache/sora-sdk/c2pa-dev`.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    root = Path(folder or os.environ.get(_DEV_DIR_ENV) or Path.home() / ".cache" / "sora-sdk" / "c2pa-dev")
    chain_path, key_path = root / "chain.pem", root / "signer.key"
    if chain_path.is_file() and key_path.is_file():
        return chain_path.read_bytes(), key_path.read_bytes()

    now = _dt.datetime.now(_dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sora-sdk development CA (untrusted)"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "sora-sdk dev")])
    ca_cert = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5)).not_valid_after(now + _dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "sora-sdk development signer (untrusted)"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "sora-sdk dev")])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(ca_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - _dt.timedelta(minutes=5)).not_valid_after(now + _dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=False, crl_sign=False,
                                     content_commitment=False, key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    chain = cert.public_bytes(serialization.Encoding.PEM) + ca_cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    root.mkdir(parents=True, exist_ok=True)
    chain_path.write_bytes(chain)
    # The key file is created 0600 so another local user cannot sign as this machine.
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key_pem)
    return chain, key_pem


def _manifest(video: Video, title: str) -> dict[str, Any]:
    from sora_sdk import __version__

    return {
        "claim_generator_info": [{"name": "sora-sdk", "version": __version__}],
        "title": title,
        "format": "video/mp4",
        "assertions": [
            {
                "label": "c2pa.actions.v2",
                "data": {
                    "actions": [
                        {
                            "action": "c2pa.created",
                            "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
                            "softwareAgent": {"name": "sora-sdk", "version": __version__},
                            "parameters": {"safety_policy": str(video.metadata.get("safety_policy", ""))},
                        }
                    ]
                },
            }
        ],
    }


def save_with_provenance(
    video: Video,
    path: str | os.PathLike,
    *,
    cert_chain_pem: bytes | None = None,
    private_key_pem: bytes | None = None,
    alg: str = "es256",
) -> Path:
    """Save `video`; an `.mp4` also gets a signed C2PA manifest.

    The file appears only when encoding and signing both succeeded. Other formats are saved as
    `Video.save` writes them (no C2PA: the invisible watermark still marks them).

    Args:
        video: A released (already checked and marked) video.
        path: Output path.
        cert_chain_pem: Operator's certificate chain (signing cert first). `None` uses the local
            development chain from `dev_credentials`.
        private_key_pem: The signing key matching the chain's first certificate.
        alg: C2PA signing algorithm of the key (`es256` for the development key).

    Returns:
        The path written.
    """
    out = Path(path)
    if out.suffix.lower() != ".mp4":
        return video.save(out)
    c2pa = _c2pa()
    if (cert_chain_pem is None) != (private_key_pem is None):
        raise ValueError("Pass both cert_chain_pem and private_key_pem (or neither, for the development signer).")
    if cert_chain_pem is None:
        cert_chain_pem, private_key_pem = dev_credentials()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.unsigned.mp4")
    signed = out.with_name(f".{out.stem}.{uuid.uuid4().hex[:8]}.signed.mp4")
    try:
        video.save(tmp)
        info = c2pa.C2paSignerInfo(alg, cert_chain_pem, private_key_pem, None)
        with c2pa.Signer.from_info(info) as signer, c2pa.Builder(_manifest(video, out.name)) as builder:
            with open(tmp, "rb") as src, open(signed, "wb") as dst:
                builder.sign(signer, "video/mp4", src, dst)
        os.replace(signed, out)
    finally:
        for p in (tmp, signed):
            if p.exists():
                p.unlink()
    return out


def read_provenance(path: str | os.PathLike) -> dict[str, Any]:
    """Validate a file's C2PA manifest.

    Returns:
        `{"c2pa_present", "c2pa_valid", "c2pa_state", "digital_source_type", "errors"}`.
        `c2pa_valid` is True for the states "Valid" and "Trusted"; `errors` lists failure codes.
    """
    c2pa = _c2pa()
    result: dict[str, Any] = {"c2pa_present": False, "c2pa_valid": False, "c2pa_state": None,
                              "digital_source_type": None, "errors": []}
    p = Path(path)
    mime = "video/mp4" if p.suffix.lower() == ".mp4" else None
    try:
        with open(p, "rb") as f:
            data = f.read()
        reader = c2pa.Reader(mime or str(p), io.BytesIO(data))
    except Exception as e:  # c2pa raises its own typed errors for absent and malformed manifests
        name = type(e).__name__
        if "NotFound" not in name and "JumbfNotFound" not in str(e):
            result["c2pa_present"] = True
            result["errors"].append(f"{name}: {e}")
            result["c2pa_state"] = "Invalid"
        return result
    with reader:
        store = json.loads(reader.json())
    result["c2pa_present"] = True
    state = store.get("validation_state")
    result["c2pa_state"] = state
    result["c2pa_valid"] = state in ("Valid", "Trusted")
    for status in store.get("validation_status") or []:
        code = status.get("code", "")
        # An untrusted development CA is expected and is not a failure of the file itself.
        if code and code != "signingCredential.untrusted":
            result["errors"].append(code)
    active = store.get("manifests", {}).get(store.get("active_manifest", ""), {})
    for a in active.get("assertions", []):
        if a.get("label", "").startswith("c2pa.actions"):
            for act in a.get("data", {}).get("actions", []):
                result["digital_source_type"] = act.get("digitalSourceType") or result["digital_source_type"]
    return result
