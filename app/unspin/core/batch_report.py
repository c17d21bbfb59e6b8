"""Renderings of a batch ranking: a text table, CSV (one row a copy) and JSON.

JSON schema ``unspin.batch``, version 1 (documented in README.md).
"""

from __future__ import annotations

import io
import json

from unspin import __version__
from unspin.core.batch import BatchResult, CopyResult
from unspin.core.csv_cells import SafeWriter

SCHEMA = "unspin.batch"
SCHEMA_VERSION = 1
CSV_COLUMNS = ("rank", "path", "classification", "spin_score", "coverage", "swap_rate",
               "pct_substituted", "swaps", "suspicious_swaps", "words", "network", "verdict", "top_swaps")


def top_swaps_text(row: CopyResult, limit: int | None = None) -> str:
    """"the → nan ×75, in → successful ×17" for a row's top swaps."""
    return ", ".join(f"{old} → {new} ×{count}" for old, new, count, _ in row.top_swaps[:limit])


def to_text(b: BatchResult) -> str:
    """The ranking as a table, most spun first, then the skipped copies with their reasons."""
    o = b.original
    lines = [f"Original: {o.name} ({o.encoding}, language {b.language})",
             f"Copies: {len(b.rows)} compared, {len(b.skipped)} skipped, "
             f"{b.workers} process{'es' if b.workers > 1 else ''}, {b.seconds:.1f} s"]
    if not b.completed:
        lines.append("Cancelled: the ranking holds only the copies compared before.")
    if b.rows:
        lines += ["", f"{'rank':>4} {'class':<11} {'spin':>5} {'swapped':>8} {'swaps':>6}  "
                  f"{'suspicious':>10}  copy"]
    for rank, r in enumerate(b.rows, 1):
        network = f"  [network {r.network}]" if r.network else ""
        lines.append(f"{rank:>4} {r.classification:<11} {r.spin_score:>5.2f} {r.pct_substituted:>7.1f}% "
                     f"{r.swaps:>6}  {r.suspicious_swaps:>10}  {r.path}{network}")
        if r.top_swaps:
            lines.append(f"{'':>40}{top_swaps_text(r, 3)}")
    lines += _network_lines(b)
    if b.skipped:
        lines += ["", "Skipped:"]
        lines += [f"  {s.path}: {s.reason}" for s in b.skipped]
    return "\n".join(lines) + "\n"


def _network_lines(b: BatchResult) -> list[str]:
    """The copy networks: copies that made the same choices for the same words."""
    if not b.networks:
        return []
    lines = ["", "Copy networks (copies that swapped the same words for the same words):"]
    for n in b.networks:
        ties = ", ".join(f"{o} → {w} ({c})" for o, w, c in n.shared[:6])
        lines.append(f"  network {n.id}: {len(n.members)} copies; shared swaps: {ties}")
        lines += [f"    {b.rows[k].path}" for k in n.members]
    return lines


def to_csv(b: BatchResult) -> str:
    """One row per compared copy, most spun first."""
    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rank, r in enumerate(b.rows, 1):
        writer.writerow([rank, r.path, r.classification, f"{r.spin_score:.3f}", f"{r.coverage:.3f}",
                         f"{r.swap_rate:.3f}", f"{r.pct_substituted:.2f}", r.swaps,
                         r.suspicious_swaps, r.words, r.network or "", r.verdict, top_swaps_text(r)])
    return out.getvalue()


def to_dict(b: BatchResult) -> dict:
    """The ranking as plain data (schema ``unspin.batch`` v1)."""
    o = b.original
    return {
        "schema": SCHEMA, "version": SCHEMA_VERSION, "generator": f"unspin {__version__}",
        "status": b.status, "language": b.language,
        "original": {"name": o.name, "path": o.path, "encoding": o.encoding, "sha256": o.sha256,
                     "source": o.source},
        "copies": [{"rank": rank, "path": r.path, "name": r.name, "words": r.words,
                    "classification": r.classification, "spin_score": r.spin_score,
                    "coverage": r.coverage, "swap_rate": r.swap_rate,
                    "pct_substituted": r.pct_substituted,
                    "swaps": r.swaps, "suspicious_swaps": r.suspicious_swaps,
                    "verdict": r.verdict, "network": r.network, "source": r.source,
                    "top_swaps": [{"old": a, "new": n, "count": c, "score": s}
                                  for a, n, c, s in r.top_swaps]}
                   for rank, r in enumerate(b.rows, 1)],
        "skipped": [{"path": s.path, "reason": s.reason} for s in b.skipped],
        "networks": [{"id": n.id, "copies": [b.rows[k].path for k in n.members],
                      "shared_swaps": [{"old": o, "new": w, "copies": c} for o, w, c in n.shared]}
                     for n in b.networks],
    }


def to_json(b: BatchResult) -> str:
    """The ranking as indented JSON."""
    return json.dumps(to_dict(b), ensure_ascii=False, indent=2) + "\n"
