"""``python -m unspin compare`` as a user runs it: output, formats and exit codes."""

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import ORIGINAL, SPUN


def unspin(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "unspin", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def test_text_output_has_verdict_and_top_swap():
    """The default output names both files, the verdict and the → nan swap first."""
    r = unspin("compare", ORIGINAL, SPUN, "--top", "5")
    assert r.returncode == 0, r.stderr
    assert "Verdict: Spun copy" in r.stdout
    lines = [line for line in r.stdout.splitlines() if "→" in line and "Verdict" not in line]
    assert lines[0].split()[-3:] == ["the", "→", "nan"]


def test_json_output_follows_the_schema():
    """JSON holds schema, version, stats, alignment, ops and swaps with occurrences."""
    r = unspin("compare", ORIGINAL, SPUN, "--format", "json")
    data = json.loads(r.stdout)
    assert data["schema"] == "unspin.comparison" and data["version"] == 1
    assert data["old"]["sha256"] and data["new"]["encoding"] == "UTF-8"
    assert {"alignment", "ops", "swaps", "stats", "verdict", "spin_score"} <= data.keys()
    top = data["swaps"][0]
    assert (top["old"], top["new"]) == ("the", "nan") and top["count"] >= 66
    text = SPUN.read_text(encoding="utf-8")
    a, b = top["occurrences"][0]["new"]
    assert text[a:b].lower() == "nan"


def test_csv_output_is_the_swap_table(tmp_path):
    """--format csv --output writes the swap table to a file."""
    out = tmp_path / "swaps.csv"
    r = unspin("compare", ORIGINAL, SPUN, "--format", "csv", "--output", out)
    assert r.returncode == 0 and r.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["old"] == "the" and rows[0]["new"] == "nan" and int(rows[0]["count"]) >= 66


@pytest.mark.parametrize("make,reason", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: p.write_bytes(b"GIF89a\x00\x01\x00\x00" * 50), "binary"),
    (lambda p: p.write_bytes(b"word " * 100_000), "too big"),
])
def test_bad_input_exits_2_with_a_message(tmp_path, make, reason):
    """Bad input: exit code 2, one clear line on stderr, no traceback."""
    bad = tmp_path / "bad.txt"
    make(bad)
    r = unspin("compare", ORIGINAL, bad, "--max-size", "0.1")
    assert r.returncode == 2
    assert reason in r.stderr and "bad.txt" in r.stderr and "Traceback" not in r.stderr


def test_empty_file_is_compared(tmp_path):
    """An empty copy is valid input: everything was deleted."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = unspin("compare", ORIGINAL, empty)
    assert r.returncode == 0 and "0.0% unchanged" in r.stdout


def test_usage_error_exits_2():
    """A missing argument is a usage error (argparse's exit code 2)."""
    r = unspin("compare", ORIGINAL)
    assert r.returncode == 2 and "usage" in r.stderr


@pytest.mark.parametrize("name,check", [
    ("evidence.html", lambda data: data.startswith(b"<!DOCTYPE html>") and b"<script" not in data),
    ("evidence.pdf", lambda data: data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")),
    ("swaps.csv", lambda data: data.splitlines()[1].startswith(b"the,nan,")),
    ("all.json", lambda data: json.loads(data)["schema"] == "unspin.comparison"),
])
def test_report_option_writes_the_format_of_the_extension(tmp_path, name, check):
    """--report FILE writes an HTML, PDF, CSV or JSON report; the summary still goes to stdout."""
    out = tmp_path / name
    r = unspin("compare", ORIGINAL, SPUN, "--report", out)
    assert r.returncode == 0, r.stderr
    assert "Verdict: Spun copy" in r.stdout and check(out.read_bytes())


def test_report_of_an_unknown_type_is_a_usage_error(tmp_path):
    """--report with an unknown extension exits 2 before any work and writes nothing."""
    r = unspin("compare", ORIGINAL, SPUN, "--report", tmp_path / "report.docx")
    assert r.returncode == 2 and "unknown report type" in r.stderr
    assert not (tmp_path / "report.docx").exists()


def test_report_that_cannot_be_written_exits_1(tmp_path):
    """A report into a missing folder: exit 1, the file named, no traceback."""
    r = unspin("compare", ORIGINAL, SPUN, "--report", tmp_path / "nope" / "r.html")
    assert r.returncode == 1 and "r.html" in r.stderr and "Traceback" not in r.stderr


def test_formats_are_named_in_the_summary(tmp_path):
    """A PDF and a Word file are compared from the command line; the summary says what was read."""
    from tests.pagemaker import docx_bytes
    from tests.pdfmaker import make_pdf, wrap_paragraphs

    old, new = tmp_path / "a.pdf", tmp_path / "b.docx"
    old.write_bytes(make_pdf(wrap_paragraphs(ORIGINAL.read_text(encoding="utf-8"))))
    new.write_bytes(docx_bytes(SPUN.read_text(encoding="utf-8")))
    r = unspin("compare", old, new, "--format", "json")
    data = json.loads(r.stdout)
    assert (data["old"]["format"], data["old"]["detail"], data["new"]["format"]) == ("pdf", "4 pages", "docx")
    assert (data["swaps"][0]["old"], data["swaps"][0]["new"]) == ("the", "nan")


def test_reports_of_a_pdf_with_a_broken_font_map_are_written(tmp_path):
    """A PDF whose font map yields a lone surrogate still gives -o and --report files (exit 0)."""
    from tests.pdfmaker import make_pdf

    old = tmp_path / "sur.pdf"
    old.write_bytes(make_pdf(["The storm hit the town ~ at dawn and the river rose by three metres."],
                             to_unicode={"~": "D835"}))
    new = tmp_path / "copy.txt"
    new.write_text("The storm hit the town at dawn and the river rose by three metres.", encoding="utf-8")
    r = unspin("compare", old, new, "--format", "json", "-o", tmp_path / "c.json",
               "--report", tmp_path / "r.html")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))["old"]["words"] == 14
    assert "\ufffd" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [
    lambda copy: ["compare", ORIGINAL, copy, "--unspun", "-o", copy],
    lambda copy: ["compare", ORIGINAL, copy, "--report", copy.with_suffix(".html")],
    lambda copy: ["scan", copy, "--unspun", "-o", copy],
    lambda copy: ["batch", ORIGINAL, copy, "-o", copy],
], ids=["compare -o", "compare --report", "scan -o", "batch -o"])
def test_an_output_file_is_never_one_of_the_files_read(tmp_path, command):
    """Naming a text being read as the output is refused (exit 2) and the text stays as it was."""
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SPUN.read_bytes())
    copy.with_suffix(".html").symlink_to(copy)  # another name for the same file
    done = unspin(*command(copy))
    assert done.returncode == 2 and "never writes over" in done.stderr
    assert copy.read_bytes() == SPUN.read_bytes()


def test_the_unspun_copy_keeps_the_copys_line_endings(tmp_path):
    """A CRLF copy is printed unspun with CRLF line ends, as the window saves it."""
    copy = tmp_path / "crlf.txt"
    copy.write_bytes(SPUN.read_bytes().replace(b"\n", b"\r\n"))
    out = tmp_path / "unspun.txt"
    assert unspin("compare", ORIGINAL, copy, "--unspun", "-o", out).returncode == 0
    data = out.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") > 10
    assert data.count(b" nan ") < SPUN.read_bytes().count(b" nan ") // 5  # and it is unspun


def test_batch_leaves_its_own_ranking_out_of_a_folder_of_copies(tmp_path):
    """The ranking file written into the folder of copies is not ranked as a copy next time."""
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SPUN.read_bytes())
    ranking = folder / "ranking.txt"
    ranking.write_text("an earlier ranking\n")
    done = unspin("batch", ORIGINAL, folder, "-o", ranking)
    assert done.returncode == 0, done.stderr
    text = ranking.read_text()
    assert "a.txt" in text and "ranking.txt" not in text


@pytest.mark.parametrize("command", [["compare", ORIGINAL, SPUN], ["scan", SPUN]], ids=["compare", "scan"])
def test_a_negative_top_is_refused(command):
    """--top -1 is a usage error (it silently dropped the last row)."""
    done = unspin(*command, "--top", "-1")
    assert done.returncode == 2 and "--top" in done.stderr


def test_scanning_an_empty_file_says_there_is_nothing_to_scan(tmp_path):
    """An empty text gets a plain statement, not a clean bill of health."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = unspin("scan", empty)
    assert done.returncode == 0 and "nothing to scan" in done.stdout and "Spin score" not in done.stdout


def test_a_pdf_report_has_text_on_a_server_without_fonts_or_display(tmp_path):
    """No system fonts and a display that does not answer: the PDF is still written, with text."""
    import os

    import pypdf

    fonts = tmp_path / "fonts.conf"
    fonts.write_text(f'<?xml version="1.0"?>\n<fontconfig><cachedir>{tmp_path}/fc</cachedir></fontconfig>\n')
    report = tmp_path / "evidence.pdf"
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts), "DISPLAY": ":77", "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, "-m", "unspin", "compare", str(ORIGINAL), str(SPUN),
                           "--report", str(report)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "evidence report" in pypdf.PdfReader(report).pages[0].extract_text().replace("\t", " ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc")
def test_ctrl_c_stops_quietly_and_leaves_no_process(tmp_path):
    """Ctrl+C (SIGINT to the process group) during a big comparison: exit 130, one line on
    stderr, no traceback, and the second process is gone too."""
    import os
    import signal
    import time

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(ORIGINAL.read_text(encoding="utf-8") * 500, encoding="utf-8")
    new.write_text(SPUN.read_text(encoding="utf-8") * 500, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "unspin", "compare", str(old), str(new)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         start_new_session=True)
    children_file = f"/proc/{p.pid}/task/{p.pid}/children"
    children = []
    while p.poll() is None and not children:  # interrupt once the second process is running
        time.sleep(0.05)
        try:
            with open(children_file) as fh:
                children = fh.read().split()
        except OSError:
            break
    assert children, "the comparison ended before it could be interrupted"
    os.killpg(p.pid, signal.SIGINT)
    err = p.communicate(timeout=60)[1]
    assert p.returncode == 130 and err.strip() == "unspin: interrupted"
    deadline = time.monotonic() + 5
    while [c for c in children if _running(c)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [c for c in children if _running(c)]


def _running(pid: str) -> bool:
    """Whether process *pid* still runs: a zombie (ended, waiting for a parent to reap it,
    which a container's init may never do) does not."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_an_unknown_language_is_a_usage_error():
    """--language xx is refused with a usage message (it ended in a LookupError traceback)."""
    done = unspin("compare", ORIGINAL, SPUN, "--language", "xx")
    assert done.returncode == 2 and "--language" in done.stderr and "Traceback" not in done.stderr


def test_json_is_compact_unless_indented(tmp_path):
    """JSON output is compact by default and indented with --indent; the same data."""
    compact, indented = tmp_path / "c.json", tmp_path / "i.json"
    for out, extra in ((compact, []), (indented, ["--indent", "2"])):
        r = unspin("compare", ORIGINAL, SPUN, "--format", "json", "-o", out, *extra)
        assert r.returncode == 0, r.stderr
    assert "\n" not in compact.read_text(encoding="utf-8").rstrip("\n")
    assert '\n  "schema": "unspin.comparison"' in indented.read_text(encoding="utf-8")
    assert json.loads(compact.read_text(encoding="utf-8")) == json.loads(indented.read_text(encoding="utf-8"))


def test_a_case_file_holds_everything_and_verifies(tmp_path):
    """--case writes one zip: both texts byte for byte, the session (which reopens them once
    unpacked), the HTML and PDF reports, the swap CSV, the JSON and a manifest; 'unspin
    verify' passes it, and fails it (exit 1, naming the member) after one byte is changed."""
    import hashlib
    import zipfile

    from unspin.core.session import SessionFile, load_session

    case = tmp_path / "case.zip"
    r = subprocess.run([sys.executable, "-m", "unspin", "compare", str(ORIGINAL), str(SPUN),
                        "--case", str(case)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(case) as archive:
        names = set(archive.namelist())
        assert {"texts/original.txt", "texts/copy.txt", "session.unspin", "report.html", "report.pdf",
                "swaps.csv", "comparison.json", "manifest.json"} <= names
        assert archive.read("texts/copy.txt") == SPUN.read_bytes()
        assert archive.read("report.pdf").startswith(b"%PDF")
        archive.extractall(tmp_path / "unpacked")
    session = load_session(tmp_path / "unpacked" / "session.unspin")
    assert isinstance(session.new, SessionFile)
    assert hashlib.sha256(open(session.new.path, "rb").read()).digest() == hashlib.sha256(SPUN.read_bytes()).digest()
    ok = subprocess.run([sys.executable, "-m", "unspin", "verify", str(case)], capture_output=True, text=True)
    assert ok.returncode == 0 and "all 7 files match" in ok.stdout

    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(case) as source, zipfile.ZipFile(tampered, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "swaps.csv":
                data = data[:100] + bytes([data[100] ^ 1]) + data[101:]
            target.writestr(name, data)
    bad = subprocess.run([sys.executable, "-m", "unspin", "verify", str(tampered)], capture_output=True, text=True)
    assert bad.returncode == 1 and "swaps.csv: changed since the case file was made" in bad.stderr
    not_case = subprocess.run([sys.executable, "-m", "unspin", "verify", str(ORIGINAL)],
                              capture_output=True, text=True)
    assert not_case.returncode == 2 and "not a readable case file" in not_case.stderr
