"""The command line refuses hostile input with a one-line reason and exit 2, never a
traceback or a hang: sizes that are no size, named pipes, more distinct words than codes."""

import os
import subprocess
import sys

import pytest

from tests.conftest import ORIGINAL, SPUN


def unspin(*args):
    return subprocess.run([sys.executable, "-m", "unspin", *map(str, args)], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("command", [["compare", SPUN, SPUN], ["scan", SPUN], ["batch", SPUN, SPUN]])
@pytest.mark.parametrize("size", ["nan", "inf", "1e308", "-1", "0"])
def test_a_size_limit_that_is_no_size_is_refused_with_a_usage_message(command, size):
    """--max-size must be a finite size above 0: anything else exits 2 with argparse's
    one-line message, not a traceback."""
    r = unspin(*command, "--max-size", size)
    assert r.returncode == 2
    assert "--max-size" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_by_its_kind_without_waiting(tmp_path):
    """A named pipe in place of a text is refused before it is opened (opening one waits for a
    writer forever): compare and scan exit 2 saying what it is, batch skips it."""
    pipe = tmp_path / "copy.txt"
    os.mkfifo(pipe)
    for command in (["compare", ORIGINAL, pipe], ["scan", pipe]):
        r = subprocess.run([sys.executable, "-m", "unspin", *map(str, command)], capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 2 and "is a named pipe, not a file" in r.stderr
    r = subprocess.run([sys.executable, "-m", "unspin", "batch", str(ORIGINAL), str(SPUN), str(pipe)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "copy.txt: is a named pipe, not a file" in r.stderr


def test_texts_with_more_distinct_words_than_codes_are_refused_with_the_reason(monkeypatch, capsys, tmp_path):
    """Each distinct word needs a code; two texts with more than there are (over a million)
    are refused with a one-line reason and exit 2, not a traceback (the limit is lowered
    here so that a short text reaches it)."""
    from unspin import cli
    from unspin.core import parallel, tokens

    monkeypatch.setattr(tokens, "_FIRST_CODE", 0x10FFFF - 50)
    monkeypatch.setattr(parallel, "_last_original", None)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(" ".join(f"word{k}" for k in range(40)), encoding="utf-8")
    new.write_text(" ".join(f"other{k}" for k in range(40)), encoding="utf-8")
    assert cli.main(["compare", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert "more than" in err and "distinct words" in err and "Traceback" not in err


def test_no_display_is_one_line_and_exit_2():
    """With no display, the window command says so in one line (and how to compare without
    a window) and exits 2, instead of Qt aborting the process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    r = subprocess.run([sys.executable, "-m", "unspin"], capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "no display" in r.stderr and "unspin compare" in r.stderr


def test_missing_x11_libraries_are_named_with_the_package_to_install(monkeypatch):
    import ctypes.util

    from unspin.display import display_problem

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else name)
    assert "libxcb-cursor0" in display_problem() and "apt-get install libxcb-cursor0" in display_problem()
