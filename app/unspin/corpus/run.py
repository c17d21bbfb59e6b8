"""Corpus runs on Dask (dask.distributed): a LocalCluster with a worker process per core, or
an existing cluster by its scheduler's address. Documents are streamed to the workers in
chunks, with only a few chunks in flight at a time, so neither the driver nor a worker ever
holds the corpus; result rows are written as each chunk comes back."""

from __future__ import annotations

import itertools
import logging
import os
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from unspin.corpus.sources import records
from unspin.corpus.tables import TableWriter, done_keys
from unspin.corpus.work import Index, match_chunk, scan_chunk, sketch_chunk

MATCH_COLUMNS = ("copy", "original", "classification", "spin_score", "coverage", "swap_rate",
                 "similarity", "top_swaps", "problem")
SCAN_COLUMNS = ("document", "spin_score", "words", "flags", "verdict", "top_flags", "problem")
#: Documents a task: enough to keep a worker busy for a moment, few enough to resume well.
ORIGINALS_CHUNK, COPIES_CHUNK = 200, 25
#: Chunks in flight per worker.
IN_FLIGHT = 3


@dataclass
class Summary:
    originals: int = 0
    unreadable_originals: int = 0
    done: int = 0  # rows written in this run
    skipped: int = 0  # rows an earlier run wrote already
    matched: int = 0
    seconds: float = 0.0


def open_client(scheduler: str | None = None, workers: int | None = None):
    """(client, cluster): connected to *scheduler*, or to a new LocalCluster (cluster is
    then returned so the caller closes it)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler, timeout="20s"), None
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def match_corpus(client, originals: str, copies: str, writer: TableWriter, *, done: set[str] = frozenset(),
                 max_bytes: int, progress: Callable[[Summary], None] = lambda s: None) -> Summary:
    """Index *originals*, then find each copy's original; rows go to *writer*."""
    started, summary = time.monotonic(), Summary()
    sketched = []
    _run_chunks(client, sketch_chunk, _chunked(records(originals), ORIGINALS_CHUNK), (max_bytes,),
                sketched.extend)
    usable = [(record, values) for record, values, _ in sketched if values is not None]
    summary.originals, summary.unreadable_originals = len(usable), len(sketched) - len(usable)
    del sketched
    index = client.scatter(Index.build(usable), broadcast=True)
    del usable
    written = _recorder(writer, summary, started, progress, lambda row: bool(row["original"]))
    todo = _not_done(records(copies), done, summary)
    _run_chunks(client, match_chunk, _chunked(todo, COPIES_CHUNK), (index, max_bytes), written)
    summary.seconds = time.monotonic() - started
    return summary


def scan_corpus(client, corpus: str, writer: TableWriter, *, done: set[str] = frozenset(), max_bytes: int,
                progress: Callable[[Summary], None] = lambda s: None) -> Summary:
    """Scan every document of *corpus* for a spinner's marks; rows go to *writer*."""
    started, summary = time.monotonic(), Summary()
    written = _recorder(writer, summary, started, progress, lambda row: row["spin_score"] >= 0.5)
    todo = _not_done(records(corpus), done, summary)
    _run_chunks(client, scan_chunk, _chunked(todo, COPIES_CHUNK), (max_bytes,), written)
    return summary


def _recorder(writer: TableWriter, summary: Summary, started: float, progress, counts) -> Callable:
    """What to do with a chunk's rows: write them, count them (*counts* says which are hits)
    and show the progress."""
    def written(rows):
        writer.write(rows)
        summary.done += len(rows)
        summary.matched += sum(1 for row in rows if counts(row))
        summary.seconds = time.monotonic() - started
        progress(summary)
    return written


def resume_state(path: str | None, fmt: str, key: str) -> set[str]:
    return done_keys(path, fmt, key) if path else set()


def _not_done(found: Iterable, done: set[str], summary: Summary) -> Iterator:
    for record in found:
        if record.id in done:
            summary.skipped += 1
        else:
            yield record


def _chunked(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _run_chunks(client, function, chunks: Iterator[list], args: tuple, on_result) -> None:
    """Run *function(chunk, *args)* for every chunk on the cluster, a few at a time; hand
    each result to *on_result* as it comes (a failed chunk raises here, naming it)."""
    from dask.distributed import as_completed

    window = IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})) or 1)
    pending = as_completed()
    for chunk in itertools.islice(chunks, window):
        pending.add(client.submit(function, chunk, *args, pure=False))
    for future in pending:
        result = future.result()
        future.release()
        on_result(result)
        for chunk in itertools.islice(chunks, 1):
            pending.add(client.submit(function, chunk, *args, pure=False))


__all__ = ["MATCH_COLUMNS", "SCAN_COLUMNS", "Summary", "match_corpus", "open_client", "resume_state",
           "scan_corpus"]
