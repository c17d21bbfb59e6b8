"""The work done on a Dask worker, a chunk of documents at a time: sketch originals, match
copies against the index, scan documents. Plain functions of plain data (records in,
rows out), so any worker of any cluster can run them; nothing here knows about Dask."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from unspin.core.documents import LoadError
from unspin.corpus.sketch import lean, similarity, sketch

#: At most this many candidate originals are compared in full with each copy.
MAX_CANDIDATES = 5
#: The LSH index's Jaccard threshold: a copy at a third of its words spun keeps ~0.35.
LSH_THRESHOLD = 0.2
#: Below this estimated similarity a candidate is not compared at all.
MIN_SIMILARITY = 0.1
TOP_SWAPS = 5


@dataclass
class Index:
    """The originals' MinHash LSH index, their sketches and their records (sent to every
    worker once)."""

    lsh: object
    sketches: dict  # id -> hash values
    records: dict  # id -> Record

    @classmethod
    def build(cls, sketched: list[tuple[object, np.ndarray]]) -> "Index":
        from datasketch import MinHashLSH

        from unspin.corpus.sketch import NUM_PERM

        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        index = cls(lsh, {}, {})
        with lsh.insertion_session() as session:
            for record, values in sketched:
                if record.id in index.records:
                    continue  # the same id twice: the first stands
                index.records[record.id] = record
                index.sketches[record.id] = values
                session.insert(record.id, lean(values))
        return index

    def candidates(self, values: np.ndarray, own=None) -> list[tuple[str, float]]:
        """Originals sharing enough of the copy's features, most similar first (never the
        copy's own document, when a corpus is matched against itself)."""
        found = [(key, similarity(values, self.sketches[key])) for key in self.lsh.query(lean(values))
                 if self.records[key] != own]
        found = [(key, s) for key, s in found if s >= MIN_SIMILARITY]
        return sorted(found, key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]


def sketch_chunk(records: list, max_bytes: int) -> list[tuple[object, np.ndarray | None, str]]:
    """(record, sketch or None, problem) for each original of the chunk."""
    out = []
    for record in records:
        try:
            out.append((record, sketch(record.load(max_bytes).text), ""))
        except LoadError as exc:
            out.append((record, None, exc.reason))
    return out


def match_chunk(records: list, index: Index, max_bytes: int) -> list[dict]:
    """A result row for each copy of the chunk: its original (the best copy-classified
    candidate) or none, and why."""
    return [_match_one(record, index, max_bytes) for record in records]


def _match_one(record, index: Index, max_bytes: int) -> dict:
    try:
        copy = record.load(max_bytes)
    except LoadError as exc:
        return _row(record.id, problem=exc.reason)
    values = sketch(copy.text)
    if values is None:
        return _row(record.id, problem="too short to match by its names, numbers and rare words")
    best = None
    for key, estimate in index.candidates(values, record):
        try:
            original = index.records[key].load(max_bytes)
        except LoadError:
            continue
        c = _compared(original, copy)
        if c is None or c.classification == "not-a-copy":
            continue
        if best is None or _closeness(c) > _closeness(best[1]):
            best = (key, c, estimate)
    if best is None:
        return _row(record.id)
    key, c, estimate = best
    return _row(record.id, original=key, similarity=estimate, comparison=c)


def _closeness(c) -> float:
    """How much of the original the copy keeps, in order and in place (the best candidate
    keeps the most)."""
    return c.measures.coverage + c.measures.aligned


def _compared(original, copy):
    from unspin.core.compare import CompareOptions, compare

    try:
        return compare(original, copy, options=CompareOptions(parallel=False))
    except Exception:  # noqa: BLE001 - one pair's failure is that pair's row, never the run's
        return None


def _row(copy_id: str, original: str = "", similarity: float = 0.0, comparison=None, problem: str = "") -> dict:
    c = comparison
    shown = [s for s in c.swaps if s.kind in ("word", "phrase", "number")][:TOP_SWAPS] if c else []
    return {"copy": copy_id, "original": original,
            "classification": c.classification if c else ("unreadable" if problem else "no-original"),
            "spin_score": round(c.spin_score, 3) if c else 0.0,
            "coverage": round(c.measures.coverage, 4) if c else 0.0,
            "swap_rate": round(c.measures.swap_rate, 4) if c else 0.0,
            "similarity": round(similarity, 3),
            "top_swaps": "; ".join(f"{s.old} → {s.new} ×{s.count}" for s in shown),
            "problem": problem}


def scan_chunk(records: list, max_bytes: int) -> list[dict]:
    """A row for each document of the chunk: its spin score and its most telling flags."""
    from unspin.core.scan import scan

    rows = []
    for record in records:
        try:
            result = scan(record.load(max_bytes))
        except LoadError as exc:
            rows.append({"document": record.id, "spin_score": 0.0, "words": 0, "flags": 0,
                         "verdict": "", "top_flags": "", "problem": exc.reason})
            continue
        top = sorted(result.flags, key=lambda f: -f.score)[:TOP_SWAPS]
        rows.append({"document": record.id, "spin_score": round(result.spin_score, 3), "words": result.words,
                     "flags": len(result.flags), "verdict": result.verdict,
                     "top_flags": "; ".join(f"{f.word} (likely {f.original})" for f in top), "problem": ""})
    return rows


__all__ = ["Index", "match_chunk", "scan_chunk", "sketch_chunk"]
