"""Report files by extension: HTML and PDF evidence reports, CSV swap tables, JSON.

Shared by the command line and the window. Only the PDF needs Qt, and imports it when
a PDF is asked for: ``unspin compare`` stays Qt-free for every other format.
"""

from __future__ import annotations

import os
from pathlib import Path

from unspin.core.compare import Comparison

REPORT_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".csv": "csv", ".json": "json"}


def report_format(path: str | os.PathLike) -> str | None:
    """The report format a file name asks for ("html", "pdf", "csv", "json"), or None."""
    return REPORT_FORMATS.get(Path(path).suffix.lower())


def render_report(c: Comparison, fmt: str) -> str | bytes:
    """The report of a completed comparison in *fmt*."""
    from unspin.core import report

    if fmt == "html":
        from unspin.core.evidence import to_html
        return to_html(c)
    if fmt == "pdf":
        from unspin.gui.pdf_report import pdf_bytes
        return pdf_bytes(c)
    if fmt == "csv":
        return report.to_csv(c)
    if fmt == "json":
        return report.to_json(c)
    raise ValueError(f"unknown report format {fmt!r}")


def write_report(c: Comparison, path: str | os.PathLike, fmt: str | None = None) -> None:
    """Write the report to *path* atomically; the format comes from the extension unless
    given. Raises OSError when the file cannot be written."""
    fmt = fmt or report_format(path)
    if fmt is None:
        raise ValueError(f"{path}: unknown report type (use .html, .pdf, .csv or .json)")
    from unspin.core.report import write_atomic

    write_atomic(path, render_report(c, fmt), inputs=(c.old.path, c.new.path))
