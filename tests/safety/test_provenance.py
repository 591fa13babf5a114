import pytest

pytest.importorskip("c2pa")

from sora_sdk.safety.provenance import TRAINED_ALGORITHMIC_MEDIA, read_provenance, save_with_provenance  # noqa: E402
from sora_sdk.safety.verify import main as verify_main, verify_file  # noqa: E402


def test_signed_mp4_reads_back_valid_with_trained_algorithmic_media(shapes_video, tmp_path):
    path = save_with_provenance(shapes_video, tmp_path / "out.mp4")
    r = read_provenance(path)
    assert r["c2pa_state"] == "Valid" and r["c2pa_valid"]
    assert r["digital_source_type"] == TRAINED_ALGORITHMIC_MEDIA
    assert [p.name for p in tmp_path.iterdir()] == ["out.mp4"]  # no temporary files left behind


def test_one_flipped_byte_reads_back_invalid(shapes_video, tmp_path):
    path = save_with_provenance(shapes_video, tmp_path / "out.mp4")
    data = bytearray(path.read_bytes())
    data[data.find(b"mdat") + 64] ^= 0x01
    path.write_bytes(bytes(data))
    r = read_provenance(path)
    assert r["c2pa_present"] and not r["c2pa_valid"]
    assert r["c2pa_state"] == "Invalid" and r["errors"]


def test_unsigned_file_has_no_manifest(shapes_video, tmp_path):
    r = read_provenance(shapes_video.save(tmp_path / "plain.mp4"))
    assert not r["c2pa_present"] and not r["c2pa_valid"]


def test_verify_reports_both_checks(shapes_video, tmp_path, capsys):
    from sora_sdk.safety import SafetyFilter

    gate = SafetyFilter.from_preset("default")
    path = gate.save(gate.release(shapes_video), tmp_path / "released.mp4")
    r = verify_file(path)
    assert r["watermark_detected"] and r["c2pa_valid"]
    assert verify_main([str(path), "--json"]) == 0
    assert '"watermark_detected": true' in capsys.readouterr().out
    assert verify_main([str(shapes_video.save(tmp_path / "plain.mp4"))]) == 1
