"""Result tables of corpus runs: a run cut off in the middle of a row resumes cleanly."""

import csv
import json

import pytest

from unspin.corpus.tables import TableWriter, done_keys

COLUMNS = ("copy", "original", "classification")


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_row_cut_off_by_an_interrupted_run_is_done_again(tmp_path, fmt):
    """Killed while writing its third row, a run leaves half a line; the rerun counts two
    rows done, and its rows read back whole (the half row spoilt the next one before)."""
    out = tmp_path / f"matches.{fmt}"
    rows = [{"copy": f"c{i}", "original": f"o{i}", "classification": "spun"} for i in range(3)]
    TableWriter(str(out), fmt, COLUMNS).write(rows[:2])
    whole = out.read_bytes()
    last = (json.dumps(rows[2]) + "\n").encode() if fmt == "jsonl" else b"c2,o2,spun\r\n"
    out.write_bytes(whole + last[: len(last) // 2])  # the power went here

    assert done_keys(str(out), fmt, "copy") == {"c0", "c1"}
    TableWriter(str(out), fmt, COLUMNS).write(rows[2:])

    text = out.read_text(encoding="utf-8")
    read = [json.loads(line) for line in text.splitlines()] if fmt == "jsonl" \
        else list(csv.DictReader(text.splitlines()))
    assert [r["copy"] for r in read] == ["c0", "c1", "c2"]
    assert done_keys(str(out), fmt, "copy") == {"c0", "c1", "c2"}
