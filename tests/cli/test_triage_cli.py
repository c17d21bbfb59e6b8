"""Triage from the command line: a session's confirmed swaps alone in the report."""

import json
import subprocess
import sys

from tests.conftest import ORIGINAL, SPUN
from unspin.core.session import Session, SessionFile, load_session, save_session
from unspin.core.triage import CONFIRMED, DISMISSED, Review


class _Swap:
    def __init__(self, old, new):
        self.old, self.new = old, new


def _session(tmp_path):
    review = Review(reviewer="A. Reviewer")
    review = review.marked(_Swap("at", "astatine"), CONFIRMED, "chemical symbol for a preposition")
    review = review.marked(_Swap("the", "nan"), CONFIRMED)
    review = review.marked(_Swap("have", "person"), DISMISSED, "could be chance")
    path = tmp_path / "case.unspin"
    save_session(Session(SessionFile(str(ORIGINAL)), SessionFile(str(SPUN)), review=review), path)
    return path


def unspin(*args):
    return subprocess.run([sys.executable, "-m", "unspin", *map(str, args)], capture_output=True,
                          text=True, timeout=120)


def test_a_session_keeps_the_triage_as_version_3(tmp_path):
    path = _session(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 3 and data["reviewer"] == "A. Reviewer" and len(data["triage"]) == 3
    review = load_session(path).review
    assert review.state(_Swap("at", "astatine")) == CONFIRMED
    assert review.note(_Swap("have", "person")) == "could be chance"


def test_the_report_of_the_confirmed_swaps_alone(tmp_path):
    """compare --session S --report R.html --confirmed-only: the report lists the two
    confirmed swaps with their notes and the reviewer, not the dismissed one."""
    report = tmp_path / "confirmed.html"
    r = unspin("compare", "--session", _session(tmp_path), "--report", report, "--confirmed-only",
               "--format", "json")
    assert r.returncode == 0, r.stderr
    assert f"the session opens {ORIGINAL}, outside its own folder" in r.stderr  # the seeds lie elsewhere
    html = report.read_text(encoding="utf-8")
    assert "Swaps confirmed by the reviewer (2 of" in html and "A. Reviewer" in html
    assert "astatine" in html and "chemical symbol for a preposition" in html
    assert "could be chance" not in html
    data = json.loads(r.stdout)
    assert {(s["old"], s["new"]) for s in data["swaps"]} == {("at", "astatine"), ("the", "nan")}
    assert data["review"] == {"reviewer": "A. Reviewer", "confirmed_only": True}


def test_confirmed_only_without_a_session_is_a_usage_error(tmp_path):
    r = unspin("compare", ORIGINAL, SPUN, "--confirmed-only")
    assert r.returncode == 2 and "--confirmed-only needs --session" in r.stderr
    r = unspin("compare", ORIGINAL)
    assert r.returncode == 2 and "give the original and the copy" in r.stderr


def test_the_swap_csv_of_a_session_carries_each_decision_and_note(tmp_path):
    import csv
    import io

    r = unspin("compare", "--session", _session(tmp_path), "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = {(row["old"], row["new"]): row for row in csv.DictReader(io.StringIO(r.stdout))}
    assert (rows["at", "astatine"]["review"], rows["at", "astatine"]["note"]) == \
        ("confirmed", "chemical symbol for a preposition")
    assert rows["have", "person"]["review"] == "dismissed"
    assert rows["with", "pinch"]["review"] == "open" and rows["with", "pinch"]["note"] == ""
    plain = unspin("compare", ORIGINAL, SPUN, "--format", "csv")
    assert "review" not in plain.stdout.splitlines()[0]  # two texts: no review, no columns


def test_the_case_file_of_a_session_keeps_its_triage(tmp_path):
    import zipfile

    case = tmp_path / "case.zip"
    r = unspin("compare", "--session", _session(tmp_path), "--case", case)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(case) as archive:
        session = json.loads(archive.read("session.unspin"))
        swaps_csv = archive.read("swaps.csv").decode("utf-8")
    assert session["reviewer"] == "A. Reviewer" and len(session["triage"]) == 3
    assert "chemical symbol for a preposition" in swaps_csv


def test_a_session_cannot_name_any_file_as_a_pages_snapshot(tmp_path):
    """A received session whose page 'snapshot' points elsewhere on the disk is not read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    folder = tmp_path / "case"
    folder.mkdir()
    session = {"schema": "unspin.session", "version": 2,
               "old": {"path": str(ORIGINAL), "sha256": ""},
               "new": {"name": "page", "text": "a page", "source": {"url": "http://example.org/"},
                       "format": "html", "snapshot": "../secret.txt"}}
    (folder / "s.unspin").write_text(json.dumps(session), encoding="utf-8")
    side = load_session(folder / "s.unspin").new
    assert side.snapshot is None and "outside" in side.snapshot_problem
