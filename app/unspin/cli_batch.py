"""``unspin batch ORIGINAL COPY...``: one original against many copies, ranked. Never loads Qt."""

from __future__ import annotations

import argparse
import os
import sys

from unspin.cli_common import (EXIT_FAILURE, EXIT_INPUT, EXIT_OK, emit, language, megabytes,
                                output_is_an_input)


def batch_parser() -> argparse.ArgumentParser:
    """Arguments of ``unspin batch``."""
    p = argparse.ArgumentParser(
        prog="unspin batch",
        description="Compare one original with many suspect copies in parallel and rank the "
                    "copies by spin score (most spun first).")
    p.add_argument("original", help="the original text")
    p.add_argument("copies", nargs="*", metavar="COPY",
                   help="suspect copies: files, folders (every file under them) or web addresses")
    p.add_argument("--list", metavar="FILE", dest="list_file",
                   help="read more copies from FILE, one file, folder or web address a line "
                        "(blank lines and lines starting with # are skipped; - reads standard input)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text: the ranking (default); csv: one row per copy; json: schema unspin.batch v1")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: one per core)")
    p.add_argument("--max-size", type=megabytes, default=64, metavar="MB",
                   help="skip files larger than this (64 MB)")
    p.add_argument("--language", type=language, default="auto", metavar="CODE",
                   help="language for word frequencies (default: detected from the original)")
    return p


def run_batch(args: argparse.Namespace) -> int:
    """Rank the copies; unreadable copies are reported and skipped, never fatal."""
    from unspin.core.batch import expand_copies, rank_copies
    from unspin.core.batch_report import to_csv, to_json, to_text
    from unspin.core.documents import LoadError
    from unspin.core.fetch import load_any

    max_bytes = int(args.max_size * 1024 * 1024)
    try:
        args.copies = [*args.copies, *_listed(args.list_file)]
        if not args.copies:
            print("unspin batch: error: no copies: give them as arguments or with --list FILE", file=sys.stderr)
            return EXIT_INPUT
        original = load_any(args.original, max_bytes=max_bytes)
    except LoadError as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    if output_is_an_input((args.output,), [args.original, *args.copies]):
        return EXIT_INPUT
    files, missing = expand_copies(args.original, args.copies)
    if args.output:  # found in a folder: an earlier ranking, not a copy (and never overwritten)
        files = [f for f in files if not _same_file(f, args.output)]
    result = rank_copies(original, files, jobs=args.jobs or None, language=args.language,
                         max_bytes=max_bytes)
    skipped = list(missing) + list(result.skipped)
    result = _with_skipped(result, skipped)
    for s in skipped:
        print(f"unspin: skipped {s.path}: {s.reason}", file=sys.stderr)
    output = {"json": to_json, "csv": to_csv}.get(args.format, to_text)(result)
    if emit(output, args.output) != EXIT_OK:
        return EXIT_FAILURE
    if not result.rows:
        print("unspin: error: no copy could be compared", file=sys.stderr)
        return EXIT_INPUT
    return EXIT_OK


def _listed(list_file: str | None) -> list[str]:
    """The copies a --list file names; ``LoadError`` if it cannot be read."""
    from unspin.core.documents import LoadError

    if list_file is None:
        return []
    try:
        if list_file == "-":
            text = sys.stdin.read()
        else:
            with open(list_file, encoding="utf-8-sig") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise LoadError(list_file, f"the list could not be read ({exc.__class__.__name__}: "
                                   f"{getattr(exc, 'strerror', None) or exc})") from None
    from unspin.corpus.sources import list_entries

    return list_entries(text)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _with_skipped(result, skipped):
    import dataclasses

    return dataclasses.replace(result, skipped=tuple(skipped))
