"""Command line: ``unspin compare OLD NEW``, ``unspin scan FILE`` and ``unspin batch ORIGINAL
COPY...`` run headless; ``unspin [FILES]`` opens the window.

The headless paths never import Qt, so they run on servers and in batch jobs.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from unspin import __version__
from unspin.cli_common import (EXIT_FAILURE, EXIT_INPUT, EXIT_OK, count, emit, language,
                                megabytes, output_is_an_input)

#: What shells report for a command stopped by Ctrl+C (128 + SIGINT).
EXIT_INTERRUPTED = 130


def compare_parser() -> argparse.ArgumentParser:
    """Arguments of ``unspin compare``."""
    p = argparse.ArgumentParser(
        prog="unspin compare",
        description="Compare an original text with a suspect copy and list the swapped words.")
    p.add_argument("old", nargs="?", help="the original text (.txt, .md, .html, .docx, .pdf, or an http(s) URL)")
    p.add_argument("new", nargs="?", help="the suspect copy")
    p.add_argument("--session", metavar="FILE.unspin",
                   help="compare the two texts of a saved session instead, with its reviewer's triage")
    p.add_argument("--confirmed-only", action="store_true",
                   help="with --session: reports, JSON and CSV hold only the swaps the reviewer confirmed")
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text: verdict and top swaps (default); json: everything (schema "
                        "unspin.comparison v1); csv: the swap table")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--indent", type=count, metavar="N",
                   help="indent JSON output by N spaces for reading (default: compact)")
    p.add_argument("--report", metavar="FILE",
                   help="also write an evidence report; its type comes from the extension: "
                        ".html (self-contained, printable), .pdf, .csv (swap table), .json")
    p.add_argument("--case", metavar="FILE.zip",
                   help="also write one case file: both texts, the session, the HTML and PDF "
                        "reports, the swap CSV and a manifest of SHA-256 digests (check it with "
                        "'unspin verify FILE.zip')")
    p.add_argument("--top", type=count, default=20, metavar="N", help="swaps listed in text output (20)")
    p.add_argument("--max-size", type=megabytes, default=64, metavar="MB",
                   help="refuse input files larger than this (64 MB)")
    p.add_argument("--language", type=language, default="auto", metavar="CODE",
                   help="language of the texts for word frequencies: a code such as en, fr, "
                        "de, or auto to detect it from the original (default)")
    p.add_argument("--unspun", choices=("suspicious", "all"), nargs="?", const="suspicious",
                   help="print the copy with its swapped words put back to the original's "
                        "instead of a report: only suspicious swaps (default) or all swaps")
    return p


def window_parser() -> argparse.ArgumentParser:
    """Arguments of plain ``unspin``."""
    p = argparse.ArgumentParser(
        prog="unspin",
        description="Unspin shows two versions of an article side by side and which words were "
                    "swapped. With no files it opens a demo pair. Headless: 'unspin compare OLD NEW', "
                    "'unspin scan FILE' (one text, no original), 'unspin batch ORIGINAL COPY...' (many copies), "
                    "'unspin match ORIGINALS COPIES' (each copy's original among many, on Dask).")
    p.add_argument("files", nargs="*", metavar="FILE", help="up to two files: original, then copy; or a saved session (.unspin)")
    p.add_argument("--new-window", action="store_true",
                   help="open a separate window instead of handing the files to the running one")
    desktop = p.add_mutually_exclusive_group()
    desktop.add_argument("--install-desktop", action="store_true",
                   help="add Unspin to your desktop's applications and file associations "
                        "(under $XDG_DATA_HOME, default ~/.local/share) and exit")
    desktop.add_argument("--uninstall-desktop", action="store_true",
                   help="remove what --install-desktop added and exit")
    # builds check themselves with it: open the pair, compare, paint, exit 0 (or 1 with the reason)
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"unspin {__version__}")
    return p


def entry() -> None:
    """The ``unspin`` command as a process: after a comparison, a scan or a batch the output
    is written and flushed, so the process ends at once instead of freeing its hundreds of
    thousands of objects one by one (half a second for a book). These commands also run
    without the cyclic garbage collector: their objects form no cycles worth collecting, and
    each collection walked all of them again."""
    one_shot = sys.argv[1:2] in (["compare"], ["scan"], ["batch"])
    if one_shot:
        gc.disable()
    code = main()
    if one_shot:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a reader that went away (| head): nothing more to tell it
            pass
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``unspin`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv)
    except KeyboardInterrupt:  # Ctrl+C: stopped on request, nothing half-written (writes are atomic)
        print("unspin: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(argv: list[str]) -> int:
    if argv and argv[0] == "compare":
        return run_compare(compare_parser().parse_args(argv[1:]))
    if argv and argv[0] == "batch":
        from unspin.cli_batch import batch_parser, run_batch

        return run_batch(batch_parser().parse_args(argv[1:]))
    if argv and argv[0] == "verify":
        return run_verify(argv[1:])
    if argv and argv[0] == "match":
        from unspin.cli_corpus import run_match

        return run_match(argv[1:])
    if argv and argv[0] == "scan" and any(a == "--corpus" or a.startswith("--corpus=") for a in argv):
        from unspin.cli_corpus import run_scan_corpus

        return run_scan_corpus(argv[1:])
    if argv and argv[0] == "scan":
        from unspin.scan_command import run_scan

        return run_scan(argv[1:])
    args = window_parser().parse_args(argv)
    if args.install_desktop or args.uninstall_desktop:
        from unspin.desktop import run_desktop_command

        return run_desktop_command(install=args.install_desktop)
    if len(args.files) > 2:
        print("unspin: error: give at most two files (the original, then the copy)", file=sys.stderr)
        return EXIT_INPUT
    return _open_window(args)


def _open_window(args: argparse.Namespace) -> int:
    """Open the window, or say in one line why none can be opened here (exit 2)."""
    from unspin.display import display_problem

    problem = None if args.smoke_test and os.environ.get("QT_QPA_PLATFORM") else display_problem()
    if problem is None:
        try:
            from unspin.gui.app import run_window
        except ImportError as exc:  # Qt's own libraries missing (libGL, libEGL...)
            problem = f"the window cannot load Qt ({exc}); compare from the command line instead: " \
                      "unspin compare ORIGINAL COPY"
    if problem is not None:
        print(f"unspin: error: {problem}", file=sys.stderr)
        return EXIT_INPUT
    return run_window(args.files, new_window=args.new_window, smoke_test=args.smoke_test)


def run_compare(args: argparse.Namespace) -> int:
    """Load both files, compare them and write the chosen rendering."""
    from unspin.core.compare import CompareOptions, collector_paused, compare
    from unspin.core.documents import LoadError, restore_newlines
    from unspin.core.report import json_pieces, to_csv, to_text
    from unspin.report_files import report_format

    _check_sources(args)
    if args.report and report_format(args.report) is None:
        print(f"unspin: error: {args.report}: unknown report type (use .html, .pdf, .csv or "
              ".json)", file=sys.stderr)
        return EXIT_INPUT
    if output_is_an_input((args.output, args.report, args.case), (args.old, args.new, args.session)):
        return EXIT_INPUT
    max_bytes = int(args.max_size * 1024 * 1024)
    try:
        old, new, review = _load_pair(args, max_bytes)
    except (LoadError, ValueError) as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    from unspin.core.tokens import TooManyWords

    try:
        result = compare(old, new, options=CompareOptions(language=args.language))
        result = _with_review(result, review, args.confirmed_only)
    except TooManyWords as exc:
        print(f"unspin: error: cannot compare {args.old} with {args.new}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    render = {"json": lambda c: json_pieces(c, args.indent), "csv": to_csv}.get(args.format)
    if args.unspun:
        from unspin.core.restore import unspun_text

        unspun = unspun_text(result, only_suspicious=args.unspun == "suspicious").text
        output = restore_newlines(unspun, new.newline)  # the copy's own line endings
    else:
        output = render(result) if render else to_text(result, top=args.top)
    with collector_paused():  # rendering makes many small objects beside the comparison's own
        if emit(output, args.output) != EXIT_OK:
            return EXIT_FAILURE
    status = _write_report(result, args.report) if args.report else EXIT_OK
    return _write_case(result, args.case) if args.case and status == EXIT_OK else status


def _with_review(result, review, confirmed_only: bool):
    """The comparison carrying a session's triage, if there is one (triage is imported only
    then)."""
    if review is None:
        return result
    from unspin.core.triage import reviewed

    return reviewed(result, review, confirmed_only=confirmed_only)


def _check_sources(args) -> None:
    """Two texts or a session (argparse's usage message and exit 2 otherwise)."""
    if args.session is None and (args.old is None or args.new is None):
        compare_parser().error("give the original and the copy, or --session FILE")
    if args.session is not None and (args.old or args.new):
        compare_parser().error("give either two texts or --session, not both")
    if args.confirmed_only and args.session is None:
        compare_parser().error("--confirmed-only needs --session: the triage is kept in a session")


def _load_pair(args, max_bytes: int):
    """(original, copy, review): the two texts given, or those of --session and its triage.
    ``LoadError`` or ``ValueError`` saying what is wrong."""
    from unspin.core.fetch import load_any

    if args.session is None:
        return load_any(args.old, max_bytes=max_bytes), load_any(args.new, max_bytes=max_bytes), None
    from unspin.core.session import SessionError, SessionText, load_session, outside_files

    try:
        session = load_session(args.session)
    except SessionError as exc:
        raise ValueError(str(exc)) from None
    for path in outside_files(session, args.session):
        print(f"unspin: note: the session opens {path}, outside its own folder", file=sys.stderr)
    sides = []
    for side in (session.old, session.new):
        if side is None:
            raise ValueError(f"{args.session}: the session does not hold two texts")
        sides.append(side.document() if isinstance(side, SessionText)
                     else load_any(side.path, max_bytes=max_bytes))
    if args.confirmed_only and session.review is None:
        raise ValueError(f"{args.session}: the session holds no triage to take the confirmed swaps from")
    return sides[0], sides[1], session.review


def _write_case(result, path: str) -> int:
    """Write the --case file; a failure is reported, never swallowed."""
    from unspin.case_file import CaseError, write_case

    try:
        for note in write_case(result, path):
            print(f"unspin: {path}: {note}", file=sys.stderr)
    except (OSError, CaseError) as exc:
        print(f"unspin: error: cannot write the case file {path}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK


def run_verify(argv: list[str]) -> int:
    """``unspin verify CASE.zip``: every member against the manifest (exit 0 intact, 1 changed,
    2 not a case file)."""
    from unspin.case_file import CaseError, verify_case

    p = argparse.ArgumentParser(prog="unspin verify",
                                description="Check a case file's members against its manifest.")
    p.add_argument("case", help="a case file written by 'unspin compare A B --case FILE.zip'")
    args = p.parse_args(argv)
    try:
        checked, problems = verify_case(args.case)
    except CaseError as exc:
        print(f"unspin: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    for problem in problems:
        print(f"unspin: {args.case}: {problem}", file=sys.stderr)
    if problems:
        return EXIT_FAILURE
    print(f"{args.case}: all {checked} files match the manifest")
    return EXIT_OK


def _write_report(result, path: str) -> int:
    """Write the --report file; a failure is reported, never swallowed."""
    from unspin.core.compare import collector_paused
    from unspin.report_files import write_report

    try:
        with collector_paused():
            write_report(result, path)
    except OSError as exc:
        print(f"unspin: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    except ImportError as exc:  # a PDF needs Qt and the system libraries it loads
        print(f"unspin: error: cannot make the PDF {path}: Qt is not usable here ({exc}); "
              "write an .html report instead", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK
