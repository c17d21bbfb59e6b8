"""``unspin match ORIGINALS COPIES`` and ``unspin scan --corpus CORPUS``: a corpus at a time,
on Dask. Never loads Qt."""

from __future__ import annotations

import argparse
import sys

from unspin.cli_common import EXIT_FAILURE, EXIT_INPUT, EXIT_OK, megabytes


def _common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write the table here (CSV; .jsonl: JSON Lines; .parquet: a folder of Parquet "
                        "parts); a rerun with the same output skips the documents already in it. "
                        "Default: standard output")
    p.add_argument("--format", choices=("csv", "jsonl", "parquet"), help="the table's format (default: by the "
                   "output's name, CSV)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on this Dask cluster (e.g. tcp://127.0.0.1:8786) instead of a local one")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="worker processes of the local cluster (default: one per core)")
    p.add_argument("--max-size", type=megabytes, default=64, metavar="MB", help="skip documents larger than this")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    return p


def match_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="unspin match",
        description="Find, for each suspect copy, its original among many: candidates by the names, "
                    "numbers and rare words a spinner leaves alone (MinHash LSH), then a full "
                    "comparison of each candidate. Sources: a folder, a list of files (.txt), JSON "
                    "Lines (.jsonl: id, text) or Parquet (.parquet: id, text).")
    p.add_argument("originals", help="the originals: a folder, a file list, JSON Lines or Parquet")
    p.add_argument("copies", help="the suspect copies, in the same shapes")
    return _common(p)


def scan_corpus_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="unspin scan --corpus",
        description="Scan every document of a corpus for a spinner's marks (no originals needed): "
                    "one row per document with its spin score and most telling flags.")
    p.add_argument("--corpus", required=True, metavar="SOURCE",
                   help="a folder, a file list (.txt), JSON Lines (.jsonl) or Parquet (.parquet)")
    return _common(p)


def run_match(argv: list[str]) -> int:
    args = match_parser().parse_args(argv)
    return _run(args, "copy", lambda client, writer, done: _match(client, writer, done, args))


def run_scan_corpus(argv: list[str]) -> int:
    args = scan_corpus_parser().parse_args(argv)
    return _run(args, "document", lambda client, writer, done: _scan(client, writer, done, args))


def _match(client, writer, done, args):
    from unspin.corpus.run import match_corpus

    return match_corpus(client, args.originals, args.copies, writer, done=done,
                        max_bytes=int(args.max_size * 1024 * 1024), progress=_progress(args, "copies"))


def _scan(client, writer, done, args):
    from unspin.corpus.run import scan_corpus

    return scan_corpus(client, args.corpus, writer, done=done, max_bytes=int(args.max_size * 1024 * 1024),
                       progress=_progress(args, "documents"))


def _run(args, key: str, work) -> int:
    from unspin.corpus.run import MATCH_COLUMNS, SCAN_COLUMNS, open_client, resume_state
    from unspin.corpus.sources import CorpusError
    from unspin.corpus.tables import TableWriter

    try:
        fmt = _checked_format(args, key)
    except CorpusError as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        done = resume_state(args.output, fmt, key)
        writer = TableWriter(args.output, fmt, MATCH_COLUMNS if key == "copy" else SCAN_COLUMNS)
    except (OSError, ValueError, KeyError) as exc:
        print(f"unspin: error: cannot resume from {args.output}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    try:
        client, cluster = open_client(args.scheduler, args.workers or None)
    except (OSError, TimeoutError) as exc:
        print(f"unspin: error: no Dask cluster at {args.scheduler}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    try:
        summary = work(client, writer, done)
    except CorpusError as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if not args.quiet:
        print(_summary_line(summary, key), file=sys.stderr)
    return EXIT_OK


def _checked_format(args, key: str) -> str:
    """The output format, once the sources and the output are known to be usable (before
    any work starts); ``CorpusError`` saying what is not."""
    from unspin.corpus.sources import CorpusError, check_source
    from unspin.corpus.tables import format_of

    for source in (args.originals, args.copies) if key == "copy" else (args.corpus,):
        check_source(source)
    fmt = format_of(args.output or "", args.format)
    if fmt == "parquet" and not args.output:
        raise CorpusError("Parquet needs an output folder (-o results.parquet)")
    if fmt == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401 - checked before any work, not after it
        except ImportError:
            raise CorpusError("writing Parquet needs pyarrow (pip install pyarrow)") from None
    return fmt


def _progress(args, noun: str):
    if args.quiet:
        return lambda summary: None
    tty = sys.stderr.isatty()

    def show(summary):
        rate = summary.done / summary.seconds if summary.seconds else 0.0
        line = f"unspin: {summary.done:,} {noun} done ({rate:,.1f}/s)"
        print(("\r" + line) if tty else line, end="" if tty else "\n", file=sys.stderr, flush=True)
    return show


def _summary_line(summary, key: str) -> str:
    earlier = f", {summary.skipped:,} done by an earlier run" if summary.skipped else ""
    if key == "copy":
        unreadable = f" ({summary.unreadable_originals:,} unreadable or too short, left out)" \
            if summary.unreadable_originals else ""
        return (f"\nunspin: {summary.done:,} copies compared against {summary.originals:,} originals{unreadable} "
                f"in {summary.seconds:.1f} s: {summary.matched:,} matched to an original{earlier}")
    return f"\nunspin: {summary.done:,} documents scanned in {summary.seconds:.1f} s: " \
           f"{summary.matched:,} look spun{earlier}"
