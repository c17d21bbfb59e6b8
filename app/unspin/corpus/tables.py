"""Result tables written as rows come in, and read back to resume: CSV, JSON Lines, or
Parquet (a folder of part files). A rerun with the same output skips the documents whose
rows are there already; a row is only ever appended whole (flushed after each chunk), so
an interrupted run loses at most the chunk in flight."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

from unspin.core.csv_cells import SafeWriter

FORMATS = ("csv", "jsonl", "parquet")


def format_of(path: str, given: str | None) -> str:
    """The output format: as given, else by the name's suffix (a folder or .parquet:
    Parquet; .jsonl/.ndjson: JSON Lines; otherwise CSV)."""
    if given:
        return given
    suffix = Path(path).suffix.lower()
    return "parquet" if suffix == ".parquet" else "jsonl" if suffix in (".jsonl", ".ndjson") else "csv"


def done_keys(path: str, fmt: str, key: str) -> set[str]:
    """The *key* column of the rows an earlier run wrote to *path* (none if no file)."""
    if not os.path.exists(path):
        return set()
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {k for part in sorted(Path(path).glob("part-*.parquet"))
                for k in pq.read_table(part, columns=[key]).column(key).to_pylist()}
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    lines = io.StringIO(text[:text.rfind("\n") + 1])  # a last row without its line end was cut off
    if fmt == "jsonl":
        return {json.loads(line)[key] for line in lines if line.strip()}
    return {_unescaped(row[key]) for row in csv.DictReader(lines) if row.get(key) is not None}


def _unescaped(cell: str) -> str:
    """A key as written before SafeWriter guarded it against spreadsheets ('=x -> =x)."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1] in "=+-@\t\r" else cell


class TableWriter:
    """Appends rows to the output in its format; the columns are fixed by the first call."""

    def __init__(self, path: str | None, fmt: str, columns: tuple[str, ...]):
        """Rows go to *path* (None: standard output, CSV or JSON Lines)."""
        self.path, self.fmt, self.columns = path, fmt, columns
        self.rows_written = 0
        if path is None:
            if fmt == "csv":
                self._append(_csv_text([columns]))
        elif fmt == "parquet":
            Path(path).mkdir(parents=True, exist_ok=True)
            numbers = [int(p.stem[5:]) for p in Path(path).glob("part-*.parquet") if p.stem[5:].isdigit()]
            self._part = 1 + max(numbers, default=-1)  # never over a part kept
        else:
            _drop_unfinished_row(path)
            if fmt == "csv" and not (os.path.exists(path) and os.path.getsize(path) > 0):
                self._append(_csv_text([columns]))

    def write(self, rows: list[dict]) -> None:
        """Append *rows* and flush them to disk."""
        if not rows:
            return
        if self.fmt == "parquet":
            self._write_part(rows)
        elif self.fmt == "jsonl":
            self._append("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        else:
            self._append(_csv_text([[r[c] for c in self.columns] for r in rows]))
        self.rows_written += len(rows)

    def _append(self, text: str) -> None:
        if self.path is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        with open(self.path, "a", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())

    def _write_part(self, rows: list[dict]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([{c: r[c] for c in self.columns} for r in rows])
        final = Path(self.path) / f"part-{self._part:05d}.parquet"
        temporary = final.with_name("." + final.name + ".part")
        pq.write_table(table, temporary)
        os.replace(temporary, final)  # a part is there whole or not at all
        self._part += 1


def _drop_unfinished_row(path: str) -> None:
    """Cut a row an interrupted run left without its line end off the end of *path*
    (its document is compared again); appended to, it would spoil the next row too."""
    if not os.path.exists(path):
        return
    with open(path, "rb+") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        fh.seek(0)
        fh.truncate(fh.read().rfind(b"\n") + 1)


def _csv_text(rows) -> str:
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


__all__ = ["FORMATS", "TableWriter", "done_keys", "format_of"]
