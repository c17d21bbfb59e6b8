"""``python -m unspin batch``, ``compare --unspun`` and ``scan --unspun`` as a user runs them."""

import json
import shutil

from tests.cli.test_cli import unspin
from tests.conftest import ORIGINAL, SPUN


def test_batch_ranks_a_folder_and_reports_bad_inputs(tmp_path):
    """A folder with a binary file plus a missing path: both reported, the copies ranked, exit 0."""
    shutil.copy(SPUN, tmp_path / "spun.txt")
    shutil.copy(ORIGINAL, tmp_path / "original.txt")  # the original itself is left out
    (tmp_path / "same.txt").write_bytes(ORIGINAL.read_bytes())
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    r = unspin("batch", tmp_path / "original.txt", tmp_path, tmp_path / "missing.txt")
    assert r.returncode == 0, r.stderr
    assert "image.png: is a binary file" in r.stderr and "missing.txt: no such file" in r.stderr
    ranked = [line.split()[-1] for line in r.stdout.splitlines() if line[:4].strip().isdigit()]
    assert [p.rsplit("/", 1)[-1] for p in ranked] == ["spun.txt", "same.txt"]


def test_batch_json_to_a_file(tmp_path):
    """--format json -o FILE writes the ranking (schema unspin.batch) and nothing to stdout."""
    out = tmp_path / "ranking.json"
    r = unspin("batch", ORIGINAL, SPUN, "--format", "json", "-o", out, "--jobs", "1")
    assert r.returncode == 0 and r.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["copies"][0]["spin_score"] > 0.9 and data["skipped"] == []


def test_batch_missing_original_exits_2():
    """An unreadable original is an input error naming the file and the reason."""
    r = unspin("batch", "no-such-original.txt", SPUN)
    assert r.returncode == 2 and "no-such-original.txt: no such file" in r.stderr


def test_batch_with_no_readable_copy_exits_2(tmp_path):
    """When every copy is skipped the batch is an input error."""
    r = unspin("batch", ORIGINAL, tmp_path / "nothing.txt")
    assert r.returncode == 2 and "no copy could be compared" in r.stderr


def test_compare_unspun_prints_the_restored_copy():
    """compare --unspun prints the copy with 'nan' and 'astatine' put back."""
    r = unspin("compare", ORIGINAL, SPUN, "--unspun")
    assert r.returncode == 0
    copy = SPUN.read_text(encoding="utf-8")
    assert r.stdout.count(" nan ") < copy.count(" nan ") / 10
    assert r.stdout.count(" astatine ") <= copy.count(" astatine ") - 5
    assert len(r.stdout.splitlines()) == len(copy.splitlines())


def test_scan_unspun_prints_the_text_with_likely_originals():
    """scan --unspun prints the text alone with its flagged words put back ('nan' → 'the')."""
    r = unspin("scan", SPUN, "--unspun")
    assert r.returncode == 0, r.stderr
    copy = SPUN.read_text(encoding="utf-8")
    assert r.stdout.count(" nan ") < copy.count(" nan ") / 5
    assert len(r.stdout.splitlines()) == len(copy.splitlines())
