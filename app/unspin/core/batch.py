"""One original against many suspect copies, in parallel processes, ranked by spin score.

Copies are files or folders (a folder stands for the files under it, hidden ones left
out). A copy that cannot be read or compared is skipped with its reason; it never stops
the batch. Each worker process loads the original once (its initializer), then compares
it with the copies it is handed; the results are small summaries, so little is pickled.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from unspin.core.compare import CompareOptions, Comparison, compare
from unspin.core.documents import DEFAULT_MAX_BYTES, Document, LoadError
from unspin.core.fetch import is_url, load_any
from unspin.core.language import detect_language
from unspin.core.networks import Network, find_networks
from unspin.core.parallel import can_fork, process_context
from unspin.core.thesaurus import default_thesaurus

_log = logging.getLogger(__name__)

#: Copies' total size from which worker processes started by a fork server pay for their
#: start-up (about 0.3 s: 50 copies of a 2,000-word article, 0.6 MB, took 0.56 s in one
#: process, 0.91 s in two). Forked workers start at once: then every batch uses them.
PARALLEL_MIN_BYTES = 2_000_000
#: Swaps listed per copy in the ranking.
TOP_SWAPS = 5


@dataclass(frozen=True)
class Skipped:
    """A copy that was not compared, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class CopyResult:
    """The ranking row of one copy: a summary of its comparison with the original."""

    path: str
    name: str
    words: int
    spin_score: float
    pct_substituted: float
    swaps: int
    suspicious_swaps: int
    verdict: str
    top_swaps: tuple[tuple[str, str, int, float], ...] = ()  # old, new, count, score
    classification: str = ""
    coverage: float = 0.0
    swap_rate: float = 0.0
    choices: tuple[tuple[str, str], ...] = ()  # its one-word swaps (old, new): its spinner's choices
    network: int | None = None  # the copy network it belongs to (core.networks), if any
    source: dict | None = None  # a page's provenance (core.fetch): URL, final URL, time, digest

    @classmethod
    def from_comparison(cls, c: Comparison, top: int = TOP_SWAPS) -> "CopyResult":
        """The row of a completed comparison."""
        shown = [s for s in c.swaps if s.kind in ("word", "phrase", "number")][:top]
        return cls(path=c.new.path or c.new.name, name=c.new.name, words=c.stats.new_words,
                   spin_score=c.spin_score, pct_substituted=round(c.stats.pct_substituted, 2),
                   swaps=c.stats.swaps, suspicious_swaps=c.stats.suspicious_swaps,
                   verdict=c.verdict, classification=c.classification,
                   coverage=round(c.measures.coverage, 4), swap_rate=round(c.measures.swap_rate, 4),
                   top_swaps=tuple((s.old, s.new, s.count, round(s.score, 3)) for s in shown),
                   choices=tuple((s.old, s.new) for s in c.swaps if s.kind == "word"),
                   source=c.new.source)


@dataclass(frozen=True)
class BatchResult:
    """The original, the copies ranked most spun first, the skipped ones, and the status."""

    original: Document
    language: str
    rows: tuple[CopyResult, ...]
    skipped: tuple[Skipped, ...] = ()
    status: str = "completed"  # or "cancelled"
    workers: int = 1
    seconds: float = 0.0
    networks: tuple[Network, ...] = ()  # members are indices into rows

    @property
    def completed(self) -> bool:
        return self.status == "completed"


def expand_copies(original: str | os.PathLike, paths: Iterable[str | os.PathLike]
                  ) -> tuple[list[str], list[Skipped]]:
    """The files to compare: folders expanded (sorted, hidden files left out), the original
    itself and repeats dropped; paths that do not exist are skipped with a reason. Web
    addresses are kept as given (each page is fetched when its copy is compared)."""
    files: list[str] = []
    skipped: list[Skipped] = []
    seen = {_identity(original)}
    for path in paths:
        p = Path(path)
        if is_url(str(path)):
            candidates = [str(path)]
        elif p.is_dir():
            candidates = _files_under(p)
        elif p.exists():
            candidates = [p]
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))
            continue
        for f in candidates:
            key = _identity(f)
            if key not in seen:
                seen.add(key)
                files.append(str(f))
    return files, skipped


def _files_under(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / n for n in sorted(names) if not n.startswith(".")]
    return found


def _identity(path) -> tuple:
    """What makes two paths the same file (a link or another spelling of the original)."""
    if is_url(str(path)):
        return (str(path),)
    try:
        st = os.stat(path)
        return (st.st_dev, st.st_ino)
    except OSError:
        return (os.path.abspath(path),)


def rank_copies(original: Document, copies: Sequence[str], *, jobs: int | None = None,
                language: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES,
                should_cancel: Callable[[], bool] | None = None,
                progress: Callable[[int, int, CopyResult | Skipped], None] | None = None
                ) -> BatchResult:
    """Compare *original* with every copy (paths) and rank them by spin score.

    *jobs*: worker processes (default: every core, or this process alone for a small batch
    where workers cannot be forked; 1 compares here, in this process).
    *progress* is called with (done, total, the copy's row or why it was skipped) after
    each copy; *should_cancel* is checked as results come in, and a cancelled batch keeps
    the rows it has.
    """
    import time

    started = time.perf_counter()
    language = detect_language(original.text) if language == "auto" else language
    if jobs is None and not can_fork() and _total_bytes(copies) < PARALLEL_MIN_BYTES:
        jobs = 1
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(copies) or 1))
    run = _run_here if jobs == 1 else _run_in_pool
    outcomes, cancelled = run(original, list(copies), language, max_bytes, jobs,
                              should_cancel or (lambda: False), progress or (lambda d, t, o: None))
    rows = sorted((o for o in outcomes if isinstance(o, CopyResult)),
                  key=lambda r: (-r.spin_score, -r.pct_substituted, r.path))
    skipped = tuple(o for o in outcomes if isinstance(o, Skipped))
    rows, networks = with_networks(rows)
    return BatchResult(original=original, language=language, rows=tuple(rows), skipped=skipped,
                       networks=tuple(networks),
                       status="cancelled" if cancelled else "completed", workers=jobs,
                       seconds=time.perf_counter() - started)


def with_networks(rows: Sequence[CopyResult]) -> tuple[tuple[CopyResult, ...], tuple[Network, ...]]:
    """*rows* with their copy-network ids set (:mod:`unspin.core.networks`), and the networks
    (members are indices into *rows*)."""
    ids, networks = find_networks([r.choices for r in rows])
    return tuple(dataclasses.replace(r, network=n) for r, n in zip(rows, ids)), tuple(networks)


def _total_bytes(paths) -> int:
    total = 0
    for path in paths:
        try:
            total += os.stat(path).st_size
        except OSError:
            pass  # reported when the copy is loaded
    return total


def _run_here(original, copies, language, max_bytes, jobs, should_cancel, progress):
    settings = _Settings(original, language, max_bytes)
    outcomes = []
    for path in copies:
        if should_cancel():
            return outcomes, True
        outcomes.append(compare_copy(path, settings))
        progress(len(outcomes), len(copies), outcomes[-1])
    return outcomes, False


def _run_in_pool(original, copies, language, max_bytes, jobs, should_cancel, progress):
    outcomes = []
    try:
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(language), initializer=_init_worker,
                                   initargs=(original, language, max_bytes))
    except (OSError, RuntimeError, ValueError) as exc:  # no worker processes to be had here
        _log.warning("comparing the copies in this process: %s", exc)
        return _run_here(original, copies, language, max_bytes, 1, should_cancel, progress)
    try:
        pending = {pool.submit(compare_copy, path): path for path in copies}
        while pending:
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                path = pending.pop(future)
                try:
                    outcomes.append(future.result())
                except BrokenProcessPool as exc:  # e.g. a __main__ the workers cannot import
                    _log.warning("the worker processes failed (%s); comparing here", exc)
                    rest = [path] + list(pending.values())
                    more, cancelled = _run_here(original, rest, language, max_bytes, 1, should_cancel,
                                                lambda d, t, o: progress(len(outcomes) + d, len(copies), o))
                    return outcomes + more, cancelled
                except Exception as exc:  # e.g. a result that could not be sent back
                    outcomes.append(Skipped(path, f"the comparison failed ({type(exc).__name__}: {exc})"))
                progress(len(outcomes), len(copies), outcomes[-1])
            if pending and should_cancel():
                return outcomes, True
        return outcomes, False
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context(language: str):
    """fork from a single-threaded process on Linux (the command line): the workers start
    at once with the engine and its word lists loaded here first; otherwise forkserver,
    safe from a threaded process such as the window (spawn where there is neither)."""
    if can_fork():
        _warm_up(language)
    return process_context(preload="unspin.core.compare")


def _warm_up(language: str):
    """Load what every comparison needs (word frequencies, signatures, thesaurus) once,
    before the workers are forked, instead of once in each of them."""
    compare("the cat sat at home", "nan cat sat astatine home",
            options=CompareOptions(language=language, parallel=False))


@dataclass(frozen=True)
class _Settings:
    original: Document
    language: str
    max_bytes: int


# The original and settings of a worker process, set once by its initializer: sending the
# original with every task would pickle it once per copy. Only worker processes set it.
_worker: dict = {}


def _init_worker(original: Document, language: str, max_bytes: int):
    """Keep the original and the settings for every copy this worker process compares."""
    _worker["settings"] = _Settings(original, language, max_bytes)
    default_thesaurus.cache_clear()  # its own database connection: SQLite's are not fork-safe


def compare_copy(path: str, settings: _Settings | None = None) -> CopyResult | Skipped:
    """Load one copy and compare the original with it (by default the worker's original)."""
    settings = settings or _worker["settings"]
    try:
        copy = load_any(path, max_bytes=settings.max_bytes)
    except LoadError as exc:
        return Skipped(path, exc.reason)
    if not copy.text.strip():  # ranked, it would look like a clean copy with every word deleted
        return Skipped(path, "empty: no text to compare")
    try:
        c = compare(settings.original, copy,
                    options=CompareOptions(language=settings.language, parallel=False))
    except Exception as exc:  # reported for this copy, with the traceback on stderr
        traceback.print_exc()
        return Skipped(path, f"the comparison failed ({type(exc).__name__}: {exc})")
    return dataclasses.replace(CopyResult.from_comparison(c), path=path)  # as the user gave it
