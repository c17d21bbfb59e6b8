"""``unspin scan FILE``: flag spinner words in one document, without its original (no Qt)."""

from __future__ import annotations

import argparse
import sys

from unspin.cli_common import (EXIT_FAILURE, EXIT_INPUT, EXIT_OK, count, emit, megabytes,
                                output_is_an_input)


def scan_parser() -> argparse.ArgumentParser:
    """Arguments of ``unspin scan``."""
    p = argparse.ArgumentParser(
        prog="unspin scan",
        description="Mark the words of one English text that a synonym spinner likely produced "
                    "(with the likely original word) and give the text a spin score.")
    p.add_argument("file", help="the suspect text (.txt, .md)")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text: verdict and flagged words (default); json: everything (schema "
                        "unspin.scan v1); csv: one row per flagged word")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--top", type=count, default=30, metavar="N", help="flags listed in text output (30)")
    p.add_argument("--max-size", type=megabytes, default=64, metavar="MB",
                   help="refuse input files larger than this (64 MB)")
    p.add_argument("--unspun", action="store_true",
                   help="print the text with each flagged word put back to its likely original "
                        "instead of a report")
    return p


def run_scan(argv: list[str]) -> int:
    """Load the file, scan it and write the chosen rendering."""
    from unspin.core.documents import LoadError, restore_newlines
    from unspin.core.fetch import load_any
    from unspin.core.scan import scan
    from unspin.core.scan_report import to_csv, to_json, to_text

    args = scan_parser().parse_args(argv)
    if output_is_an_input((args.output,), (args.file,)):
        return EXIT_INPUT
    try:
        document = load_any(args.file, max_bytes=int(args.max_size * 1024 * 1024))
    except LoadError as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    result = scan(document)
    render = {"json": to_json, "csv": to_csv}.get(args.format)
    output = render(result) if render else to_text(result, top=args.top)
    if args.unspun:
        from unspin.core.restore import flags_unspun

        output = restore_newlines(flags_unspun(document.text, result.flags).text, document.newline)
    if emit(output, args.output) != EXIT_OK:
        return EXIT_FAILURE
    return EXIT_OK
