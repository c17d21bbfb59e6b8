"""``python -m unspin scan`` as a user runs it: output, formats, exit codes, no Qt."""

import csv
import io
import json
import subprocess
import sys

from tests.conftest import ORIGINAL, SPUN


def unspin(*args):
    return subprocess.run([sys.executable, "-m", "unspin", *map(str, args)], capture_output=True, text=True)


def test_text_output_lists_flags_with_their_originals():
    """The default output gives the verdict, the spin score and 'the → nan' style lines."""
    r = unspin("scan", SPUN, "--top", "5")
    assert r.returncode == 0, r.stderr
    assert "Verdict: Likely spun" in r.stdout
    assert float(r.stdout.split("Spin score: ")[1].split()[0]) >= 0.9
    assert "the → nan" in r.stdout and "Flagged words (5 of" in r.stdout


def test_json_output_has_spans_that_point_at_the_words():
    """JSON (schema unspin.scan v1) gives each flag's span, line, original and reasons."""
    r = unspin("scan", SPUN, "--format", "json")
    data = json.loads(r.stdout)
    assert data["schema"] == "unspin.scan" and data["version"] == 1
    assert data["document"]["sha256"] and data["flag_count"] == len(data["flags"]) > 100
    text = SPUN.read_text(encoding="utf-8")
    for flag in data["flags"]:
        a, b = flag["span"]
        assert text[a:b] == flag["word"] and flag["reasons"]
        line = text.split("\n")[flag["line"] - 1]
        assert line[flag["column"] - 1:].startswith(flag["word"])


def test_csv_output_to_a_file(tmp_path):
    """-o writes the CSV table; the original seed gives a header and (almost) no rows."""
    out = tmp_path / "flags.csv"
    assert unspin("scan", SPUN, "--format", "csv", "-o", out).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["word"] and rows[0]["likely_original"]
    clean = unspin("scan", ORIGINAL, "--format", "csv")
    assert len(clean.stdout.splitlines()) <= 2


def test_missing_file_is_named_with_exit_code_2(tmp_path):
    """An unreadable input fails with exit code 2 and a message naming the file."""
    r = unspin("scan", tmp_path / "nope.txt")
    assert r.returncode == 2
    assert "nope.txt" in r.stderr and "no such file" in r.stderr


def test_scan_command_never_imports_qt():
    """'unspin scan' runs without loading PySide6."""
    code = ("import sys, io, contextlib\nfrom unspin.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['scan', {str(SPUN)!r}]) == 0\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'unspin.gui'))]")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
