"""Renderings of a single-document scan: text, JSON (schema ``unspin.scan`` v1), CSV.

Spans are ``[start, end)`` code-point offsets of the decoded text (line endings
normalised to LF); ``line`` and ``column`` count from 1 for readers.
"""

from __future__ import annotations

import io
import json
from bisect import bisect_right

from unspin import __version__
from unspin.core.report import _document
from unspin.core.scan import Flag, ScanResult
from unspin.core.csv_cells import SafeWriter

SCHEMA = "unspin.scan"
SCHEMA_VERSION = 1
CSV_COLUMNS = ("line", "column", "start", "end", "word", "likely_original", "score", "reasons")


class _Lines:
    """Line and column of an offset."""

    def __init__(self, text: str):
        self.starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def to_dict(r: ScanResult) -> dict:
    """The scan as plain data."""
    lines = _Lines(r.document.text)
    return {
        "schema": SCHEMA, "version": SCHEMA_VERSION, "generator": f"unspin {__version__}",
        "status": r.status, "language": r.language,
        "document": _document(r.document, r.words),
        "verdict": r.verdict, "spin_score": r.spin_score, "flag_count": len(r.flags),
        "flags": [_flag(f, lines) for f in r.flags],
    }


def _flag(f: Flag, lines: _Lines) -> dict:
    line, column = lines.at(f.start)
    return {"word": f.word, "likely_original": f.original, "score": f.score,
            "span": [f.start, f.end], "line": line, "column": column,
            "reasons": [{"code": x.code, "text": x.text, "weight": x.weight} for x in f.reasons]}


def to_json(r: ScanResult) -> str:
    """The scan as a JSON document."""
    return json.dumps(to_dict(r), ensure_ascii=False, indent=1) + "\n"


def to_csv(r: ScanResult) -> str:
    """One row per flagged word, in text order."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    lines = _Lines(r.document.text)
    for f in r.flags:
        writer.writerow([*lines.at(f.start), f.start, f.end, f.word, f.original, f"{f.score:.3f}",
                         "; ".join(x.text for x in f.reasons)])
    return out.getvalue()


def to_text(r: ScanResult, top: int = 30) -> str:
    """Verdict, spin score and the flagged words with their likely originals."""
    words = f"{r.words:,} word{'' if r.words == 1 else 's'}"
    verdict = r.verdict if r.words else "The file has no words: there is nothing to scan."
    out = [f"File: {r.document.name} ({r.document.encoding}, {words})",
           f"Language: {r.language}", "", f"Verdict: {verdict}"]
    if r.status != "completed" or not r.words:
        return "\n".join(out) + "\n"  # no score for a text the scan cannot read
    out += [f"Spin score: {r.spin_score:.2f}",
            f"Flagged words: {len(r.flags)} ({1000 * len(r.flags) / max(1, r.words):.1f} per 1,000 words)"]
    lines = _Lines(r.document.text)
    if r.flags:
        out += ["", f"Flagged words ({min(top, len(r.flags))} of {len(r.flags)}, in text order):"]
        for f in r.flags[:top]:
            line, column = lines.at(f.start)
            out.append(f"{line:>5}:{column:<4} {f.score:.2f}  {f.original} → {f.word}")
            out.append(f"{'':>17}{'; '.join(x.text for x in f.reasons)}")
    return "\n".join(out) + "\n"
