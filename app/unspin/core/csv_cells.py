"""CSV that a spreadsheet opens as data, never as formulas.

A swap, a file name or a reason may begin with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return; a spreadsheet would run such a cell as a formula (``=HYPERLINK(...)``).
Following OWASP's advice on CSV injection, such a cell is written with a leading
apostrophe, which spreadsheets show as text; plain numbers ("-0.05") are left as they are.
"""

from __future__ import annotations

import csv
import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def safe_cell(value):
    """*value*, with a leading apostrophe when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """A csv.writer whose string cells are made safe for spreadsheets."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row) -> None:
        self._writer.writerow([safe_cell(v) for v in row])


__all__ = ["SafeWriter", "safe_cell"]
