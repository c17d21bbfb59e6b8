"""Report files: the format from the extension, written atomically with a usual mode."""

import os
import stat

import pytest

from unspin.core.report import write_atomic
from unspin.report_files import report_format, write_report


@pytest.mark.parametrize("name,fmt", [("a.html", "html"), ("A.HTM", "html"), ("r.pdf", "pdf"),
                                      ("s.csv", "csv"), ("x.json", "json"), ("r.docx", None),
                                      ("report", None)])
def test_format_comes_from_the_extension(name, fmt):
    """.html/.htm, .pdf, .csv and .json are reports; anything else is not."""
    assert report_format(name) == fmt


def test_failed_write_keeps_the_old_report(tmp_path, seed_comparison, monkeypatch):
    """If rendering fails, the existing report is untouched and no temporary file is left."""
    import unspin.report_files as report_files

    target = tmp_path / "evidence.html"
    target.write_text("old report")

    def broken(c, fmt):
        raise OSError("disk full")

    monkeypatch.setattr(report_files, "render_report", broken)
    with pytest.raises(OSError):
        write_report(seed_comparison, target)
    assert target.read_text() == "old report" and os.listdir(tmp_path) == ["evidence.html"]


def test_written_reports_are_readable_by_others(tmp_path):
    """A new report gets the umask's mode (not mkstemp's owner-only 0600); a replaced one keeps its mode."""
    fresh = tmp_path / "new.html"
    umask = os.umask(0o022)
    try:
        write_atomic(fresh, "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    kept = tmp_path / "kept.html"
    kept.write_text("old")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text() == "new"


def test_unknown_report_type_is_refused(tmp_path, seed_comparison):
    """Asking for a .docx report raises ValueError naming the file; nothing is written."""
    with pytest.raises(ValueError, match="report.docx"):
        write_report(seed_comparison, tmp_path / "report.docx")
    assert not (tmp_path / "report.docx").exists()


def test_a_symbolic_link_keeps_pointing_at_the_file_it_names(tmp_path):
    """Writing through a link replaces the file it points to, not the link."""
    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null on this system")
def test_writing_to_a_device_writes_into_it_and_never_replaces_it():
    """``-o /dev/null`` must not turn the device into a plain file (renaming over it would)."""
    write_atomic("/dev/null", "discarded")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_writing_to_a_named_pipe_sends_the_content_through_it(tmp_path):
    """A named pipe (``-o >(gzip > x)`` in a shell) receives the report and stays a pipe."""
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text()))
    reader.start()
    write_atomic(pipe, "through the pipe")
    reader.join(timeout=10)
    assert received == ["through the pipe"] and stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_a_file_name_that_is_not_utf8_is_written_with_a_question_mark(tmp_path):
    """Lone surrogates (an undecodable file name) do not make a report unwritable."""
    target = tmp_path / "r.html"
    write_atomic(target, "source: caf\udce9.txt")
    assert target.read_text(encoding="utf-8") == "source: caf?.txt"


def test_a_report_is_never_written_over_a_compared_file(tmp_path, seed_comparison):
    """An evidence report aimed at one of the compared files is refused before anything is
    written, with the reason, and no temporary file is left."""
    import dataclasses

    from unspin.core.report import OverwritesAnInput

    compared = tmp_path / "story.html"
    compared.write_text("<p>The story as the newsroom saved it.</p>", encoding="utf-8")
    c = dataclasses.replace(seed_comparison, old=dataclasses.replace(seed_comparison.old, path=str(compared)))
    before = compared.read_bytes()
    with pytest.raises(OverwritesAnInput, match="compared files"):
        write_report(c, str(compared))
    assert compared.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["story.html"]


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text():
    """A swap such as '=HYPERLINK(...)' is written with a leading apostrophe; numbers stay."""
    import csv
    import io

    from unspin.core.compare import compare
    from unspin.core.report import to_csv

    c = compare("Click the link below now.", 'Click the =HYPERLINK("http://x.test","y") below now.')
    rows = list(csv.reader(io.StringIO(to_csv(c))))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_a_write_killed_midway_leaves_nothing_after_the_next_write(tmp_path):
    """A report writer killed with SIGKILL leaves its hidden temporary file; the next write
    of the same output removes it (a live writer's file is left alone)."""
    import os
    import signal
    import subprocess
    import sys

    out = tmp_path / "report.json"
    script = ("import sys, time\nfrom unspin.core.report import write_atomic\n"
              "def pieces():\n    yield 'x' * 1000\n    print('writing', flush=True)\n    time.sleep(60)\n"
              f"write_atomic({str(out)!r}, pieces())\n")
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert left, "the killed writer left no temporary file to clean"
    live = tmp_path / f".report.json.{os.getpid()}.keep.part"
    live.write_text("a write in progress")
    write_atomic(out, "done")
    assert out.read_text() == "done"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == [live.name]
