"""Where a corpus's documents are, without reading them: a folder, a list file, JSON Lines
or Parquet. Each document becomes a small :class:`Record` a worker can load by itself, so
the driver streams through a corpus of any size holding ids and places only.

- a folder: every file under it (hidden files left out), id = the path;
- a list file (``.txt``, ``.lst``, ``.list``): one path or web address a line (``#`` comments);
- JSON Lines (``.jsonl``, ``.ndjson``): one object a line with ``text`` (or ``path``/``url``)
  and an optional ``id`` (default: ``FILE:LINE``);
- Parquet (``.parquet``): columns ``text`` (or ``path``) and optional ``id``; read a row
  group at a time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from unspin.core.documents import DEFAULT_MAX_BYTES, Document, LoadError

LIST_SUFFIXES = (".txt", ".lst", ".list")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


class CorpusError(ValueError):
    """A corpus that cannot be read at all (a damaged line is skipped instead)."""


@dataclass(frozen=True)
class Record:
    """One document of a corpus: its id, and where a worker finds it."""

    id: str
    kind: str  # "file" (path or URL), "jsonl" (path, byte offset), "parquet" (path, row group, row)
    where: str
    offset: int = 0
    row: int = 0

    def load(self, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
        """The document; ``LoadError`` saying why not."""
        if self.kind == "file":
            from unspin.core.fetch import load_any

            return load_any(self.where, max_bytes=max_bytes)
        if self.kind == "jsonl":
            with open(self.where, "rb") as fh:
                fh.seek(self.offset)
                return _from_object(_parsed(fh.readline(), self), self, max_bytes)
        return _from_object(_parquet_row(self), self, max_bytes)


def check_source(source: str) -> None:
    """Raise ``CorpusError`` at once when *source* is no corpus (before any work starts)."""
    path = Path(source)
    if path.is_dir():
        return
    if not path.exists():
        raise CorpusError(f"{source}: no such file or folder")
    if path.suffix.lower() not in (*JSONL_SUFFIXES, ".parquet", *LIST_SUFFIXES):
        raise CorpusError(f"{source}: not a corpus (a folder, a list of files (.txt), JSON Lines (.jsonl) "
                          "or Parquet (.parquet))")
    if path.suffix.lower() == ".parquet":
        _pyarrow_parquet(path)


def records(source: str) -> Iterator[Record]:
    """The documents of *source* in order; ``CorpusError`` when it is no corpus."""
    check_source(source)
    path = Path(source)
    if path.is_dir():
        yield from _folder(path)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _jsonl(path)
    elif path.suffix.lower() == ".parquet":
        yield from _parquet(path)
    else:
        yield from _listed(path)


def _folder(folder: Path) -> Iterator[Record]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(n for n in names if not n.startswith(".")):
            path = str(Path(root) / name)
            yield Record(path, "file", path)


def list_entries(text: str) -> list[str]:
    """The entries of a list file's *text*: one path, folder or web address a line, blank
    lines and lines starting with ``#`` skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _listed(path: Path) -> Iterator[Record]:
    with open(path, encoding="utf-8-sig") as fh:
        entries = list_entries(fh.read())
    for entry in entries:
        if Path(entry).is_dir():
            yield from _folder(Path(entry))
        else:
            yield Record(entry, "file", entry)


def _jsonl(path: Path) -> Iterator[Record]:
    """A record a line, its id read from the line (the text stays on disk)."""
    offset = 0
    with open(path, "rb") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                place = Record(f"{path.name}:{number}", "jsonl", str(path), offset)
                try:
                    item = _parsed(line, place)
                    given = item.get("id")
                    yield place if given is None else Record(str(given), "jsonl", str(path), offset)
                except LoadError:
                    yield place  # loading it reports the damage, with the line
            offset += len(line)


def _parsed(line: bytes, record: Record) -> dict:
    try:
        item = json.loads(line)
    except (ValueError, RecursionError):
        raise LoadError(record.id, "not a JSON object on that line") from None
    if not isinstance(item, dict):
        raise LoadError(record.id, "not a JSON object on that line")
    return item


def _from_object(item: dict, record: Record, max_bytes: int) -> Document:
    """A document from a JSON Lines object or a Parquet row: its text, or the file it names."""
    text = item.get("text")
    if isinstance(text, str):
        if len(text) > max_bytes:
            raise LoadError(record.id, f"is larger than {max_bytes // (1024 * 1024)} MB")
        return Document.from_text(text, record.id)
    named = item.get("path") or item.get("url")
    if isinstance(named, str) and named:
        from unspin.core.fetch import load_any

        return load_any(named, max_bytes=max_bytes)
    raise LoadError(record.id, "has neither a 'text' nor a 'path' or 'url'")


def _parquet(path: Path) -> Iterator[Record]:
    pq = _pyarrow_parquet(path)
    parquet = pq.ParquetFile(path)
    columns = [c for c in ("id",) if c in parquet.schema_arrow.names]
    for group in range(parquet.num_row_groups):
        ids = parquet.read_row_group(group, columns=columns).column("id").to_pylist() if columns else None
        rows = parquet.metadata.row_group(group).num_rows
        for row in range(rows):
            given = ids[row] if ids else None
            yield Record(str(given) if given is not None else f"{path.name}:{group}:{row}", "parquet",
                         str(path), group, row)


def _parquet_row(record: Record) -> dict:
    table = _row_group(record.where, record.offset)
    return {name: table.column(name)[record.row].as_py() for name in table.column_names}


@lru_cache(maxsize=2)
def _row_group(where: str, group: int):
    """One row group's useful columns, kept while its rows are loaded one after another."""
    parquet = _pyarrow_parquet(Path(where)).ParquetFile(where)
    wanted = [c for c in ("id", "text", "path", "url") if c in parquet.schema_arrow.names]
    return parquet.read_row_group(group, columns=wanted)


def _pyarrow_parquet(path: Path):
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise CorpusError(f"{path}: reading Parquet needs pyarrow (pip install pyarrow)") from None
    return pq


__all__ = ["CorpusError", "Record", "check_source", "list_entries", "records"]
