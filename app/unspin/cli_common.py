"""What the commands share: exit codes and writing their output. Never loads Qt."""

from __future__ import annotations

import os
import sys
from typing import Iterable

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INPUT = 2


def count(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


count.__name__ = "count (0 or more)"  # argparse names the type in its error message


#: The largest --max-size accepted (MB): far beyond what a comparison can hold in memory.
MAX_SIZE_MB = 100_000


def megabytes(text: str) -> float:
    """An argparse type: a size in MB, finite and above 0 (nan, inf and 1e308 are refused)."""
    value = float(text)
    if not (0 < value <= MAX_SIZE_MB):  # also false for nan
        raise ValueError(text)
    return value


megabytes.__name__ = f"size in MB (above 0, at most {MAX_SIZE_MB:,})"


def language(text: str) -> str:
    """An argparse type: "auto", or a language wordfreq has a word list for."""
    if text == "auto":
        return text
    from wordfreq import available_languages

    if text not in available_languages():
        raise ValueError(text)
    return text


language.__name__ = "language (auto, or a code such as en, fr, de)"  # for argparse's message


def output_is_an_input(outputs, inputs) -> bool:
    """True (with the reason on standard error) when an output file is one of the files
    read: Unspin never writes over the texts it compares."""
    for out in filter(None, outputs):
        for path in filter(None, inputs):
            try:
                same = os.path.samefile(out, path)
            except OSError:  # the output does not exist yet
                same = False
            if same:
                print(f"unspin: error: {out} is one of the files read ({path}); Unspin never "
                      "writes over the texts it compares: choose another output file", file=sys.stderr)
                return True
    return False


def emit(output: str | Iterable[str], path: str | None) -> int:
    """Write *output* (text, or pieces of text one after another) to *path* (atomically) or
    to standard output; EXIT_FAILURE, with the reason on standard error, when the file
    cannot be written."""
    if not path:
        for piece in [output] if isinstance(output, str) else output:
            sys.stdout.write(piece)
        return EXIT_OK
    from unspin.core.report import write_atomic

    try:
        write_atomic(path, output)
    except OSError as exc:
        print(f"unspin: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK
