"""Machine-readable and plain-text renderings of a comparison.

JSON schema ``unspin.comparison``, version 1 (documented in README.md): all spans are
``[start, end)`` offsets in code points of the decoded text, with line endings
normalised to LF.
"""

from __future__ import annotations

import errno
import io
from itertools import islice
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from unspin import __version__
from unspin.core.compare import Comparison
from unspin.core.diffing import OP_NAMES

SCHEMA = "unspin.comparison"
SCHEMA_VERSION = 1
CSV_COLUMNS = ("old", "new", "kind", "count", "score", "reasons",
               "first_old_start", "first_old_end", "first_new_start", "first_new_end")
REVIEW_COLUMNS = ("review", "note")


#: Ops are encoded this many at a time in compact JSON...
CHUNK = 20_000
#: ... and swaps this many (a swap's JSON is ten times an op's: a chunk's text, held four
#: times over while it is encoded and written, stays a few megabytes).
SWAP_CHUNK = 2_000


def to_dict(c: Comparison) -> dict:
    """The comparison as plain data (schema ``unspin.comparison`` v1)."""
    return {**_head(c), "ops": list(_ops(c)), "swaps": [_swap(s, c.review) for s in c.swaps]}


def _head(c: Comparison) -> dict:
    """Everything but the ops and the swaps (the bulk of a book's output)."""
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "generator": f"unspin {__version__}",
        "status": c.status,
        "language": c.language,
        "old": _document(c.old, c.stats.old_words),
        "new": _document(c.new, c.stats.new_words),
        "verdict": c.verdict,
        "classification": c.classification,
        "review": ({"reviewer": c.review.reviewer, "confirmed_only": c.confirmed_only}
                   if c.review is not None else None),
        "measures": c.measures.as_dict(),
        "spin_score": c.spin_score,
        "sides_look_swapped": c.sides_look_swapped,
        "stats": _stats(c),
        "alignment": [
            {"kind": b.kind, "old": [b.old_start, b.old_end], "new": [b.new_start, b.new_end],
             "old_paragraphs": list(b.old_paragraphs), "new_paragraphs": list(b.new_paragraphs)}
            for b in c.alignment],
    }


def _document(doc, words: int) -> dict:
    return {"name": doc.name, "path": doc.path, "encoding": doc.encoding, "newline": doc.newline,
            "format": doc.format, "title": doc.title, "detail": doc.detail,
            "bytes": doc.size_bytes, "sha256": doc.sha256,
            "chars": len(doc.text), "words": words, "source": doc.source}


def _stats(c: Comparison) -> dict:
    s = c.stats
    return {"old_words": s.old_words, "new_words": s.new_words, "unchanged": s.unchanged,
            "substituted_old": s.substituted_old, "substituted_new": s.substituted_new,
            "deleted": s.deleted, "inserted": s.inserted,
            "pct_unchanged": round(s.pct_unchanged, 2), "pct_substituted": round(s.pct_substituted, 2),
            "pct_deleted": round(s.pct_deleted, 2), "pct_inserted": round(s.pct_inserted, 2),
            "swaps": s.swaps, "distinct_swaps": s.distinct_swaps,
            "suspicious_swaps": s.suspicious_swaps, "distinct_suspicious": s.distinct_suspicious,
            "coarse_gaps": c.coarse_gaps}


def _ops(c: Comparison):
    """The word diff as spans that tile both texts (see ``Comparison.op_cover``), read from
    the compact op arrays in one pass (no ``Op`` object per op)."""
    if c.old_tokens is None or not len(c.ops):
        return
    old_start, new_start = c.old_tokens.start, c.new_tokens.start
    for k, (tag, a1, a2, b1, b2) in enumerate(c.ops.raw()):
        os_, ns = (0, 0) if k == 0 else (old_start(a1), new_start(b1))
        yield {"op": OP_NAMES[tag], "old": [os_, old_start(a2)], "new": [ns, new_start(b2)]}


#: One op's compact JSON, as either encoder writes ``_ops``'s dicts.
_OP_JSON = '{"op":"%s","old":[%d,%d],"new":[%d,%d]}'


def _ops_json(c: Comparison) -> Iterator[str]:
    """The compact JSON of ``_ops(c)`` without its brackets, in comma-joined pieces of CHUNK
    ops: formatted straight from the op and offset arrays (a book has a million ops)."""
    if c.old_tokens is None or not len(c.ops):
        return
    old_starts, new_starts = _starts_of(c.old_tokens), _starts_of(c.new_tokens)
    ops = c.ops.raw()
    tag, _, a2, _, b2 = next(ops)  # the first op's spans start at 0: they tile the texts
    yield _OP_JSON % (OP_NAMES[tag], 0, *old_starts((a2,)), 0, *new_starts((b2,)))
    for chunk in iter(lambda: list(islice(ops, CHUNK)), []):
        tags, a1, a2, b1, b2 = zip(*chunk)
        del chunk
        yield "," + ",".join(map(_OP_JSON.__mod__, zip(
            map(OP_NAMES.__getitem__, tags), old_starts(a1), old_starts(a2), new_starts(b1), new_starts(b2))))


def _starts_of(tokens):
    """A function from ascending token indices to their start offsets (the text's length
    for the index past the last token), read from the offsets in place: a copy of a
    book's token starts took 17 MB a text."""
    view, count, end = memoryview(tokens.offsets)[0::2], len(tokens), len(tokens.text)
    return lambda ks: map(view.__getitem__, ks) if ks[-1] < count else \
        (view[k] if k < count else end for k in ks)


def _swap(s, review=None) -> dict:
    out = {"old": s.old, "new": s.new, "kind": s.kind, "count": s.count, "score": s.score,
           "reasons": [{"code": r.code, "text": r.text, "weight": r.weight} for r in s.reasons],
           "occurrences": [{"old": [a, b], "new": [x, y]} for a, b, x, y in s.occurrences]}
    if review is not None:
        out["review"] = {"state": review.state(s), "note": review.note(s)}
    return out


def to_json(c: Comparison, indent: int | None = None) -> str:
    """The comparison as one JSON document (see :func:`json_pieces`)."""
    return "".join(json_pieces(c, indent))


def json_pieces(c: Comparison, indent: int | None = None) -> Iterator[str]:
    """The comparison as JSON, in pieces to be written one after another: compact (the C
    encoder, the ops and swaps a chunk at a time, so a book's million ops never stand as
    objects, nor the document as one string, all at once), or indented by *indent* spaces
    for people."""
    if indent is not None:
        import json

        yield json.dumps(to_dict(c), ensure_ascii=False, indent=indent) + "\n"
        return
    encode = _compact_encoder()
    yield encode(_head(c))[:-1] + ',"ops":['
    yield from _ops_json(c)
    yield '],"swaps":['
    yield from _encoded((_swap(s, c.review) for s in c.swaps), encode, SWAP_CHUNK)
    yield "]}\n"


def _compact_encoder():
    """Compact JSON of plain data: orjson (several times faster than the standard library's
    C encoder on a book's swaps) when installed, the standard library's otherwise. Both
    write the shortest float that reads back the same and UTF-8 text unescaped."""
    try:
        import orjson
    except ImportError:
        import json

        return json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    dumps = orjson.dumps
    return lambda value: dumps(value).decode("utf-8")


def _encoded(items, encode, size: int = CHUNK):
    """JSON of *items* (an iterable of dicts) as comma-joined pieces, *size* at a time."""
    first = True
    for chunk in iter(lambda: list(islice(items, size)), []):
        if not first:
            yield ","
        yield encode(chunk)[1:-1]
        first = False


def to_csv(c: Comparison) -> str:
    """The swap table as CSV, one row per distinct swap, most suspicious first; a reviewed
    comparison adds the reviewer's decision and note (columns ``review``, ``note``)."""
    from unspin.core.csv_cells import SafeWriter  # csv is loaded for CSV output alone

    out = io.StringIO()
    writer = SafeWriter(out, lineterminator="\n")
    review = c.review
    writer.writerow(CSV_COLUMNS + (REVIEW_COLUMNS if review is not None else ()))
    for s in c.swaps:
        first = s.occurrences[0]
        decision = (review.state(s), review.note(s)) if review is not None else ()
        writer.writerow([s.old, s.new, s.kind, s.count, f"{s.score:.3f}",
                         "; ".join(r.text for r in s.reasons), *first, *decision])
    return out.getvalue()


def to_text(c: Comparison, top: int = 20) -> str:
    """A human summary: documents, verdict, statistics and the top swaps."""
    s = c.stats
    lines = [
        f"Old: {c.old.name} ({read_as(c.old)}, {s.old_words} words)",
        f"New: {c.new.name} ({read_as(c.new)}, {s.new_words} words)",
        f"Language: {c.language}",
        "",
        f"Verdict: {c.verdict}",
        f"Classification: {c.classification}",
        f"Spin score: {c.spin_score:.2f}",
        f"Measures: {measures_text(c.measures)}",
        f"Words: {s.pct_unchanged:.1f}% unchanged, {s.pct_substituted:.1f}% substituted, "
        f"{s.pct_deleted:.1f}% deleted, {s.pct_inserted:.1f}% inserted",
        f"Swaps: {s.swaps} ({s.distinct_swaps} distinct), "
        f"{s.suspicious_swaps} suspicious ({s.distinct_suspicious} distinct)",
    ]
    if c.coarse_gaps:
        lines.append(f"Note: {c.coarse_gaps} long stretch(es) share no words at all and are shown "
                     "as replaced whole.")
    shown = [w for w in c.swaps if w.kind not in ("case", "punctuation")][:top]
    if c.classification == "not-a-copy":
        lines += ["", "No swaps are listed: the texts are not copies of each other, so their word"
                  " pairings are chance, not evidence."]
    elif shown:
        lines += ["", f"Top swaps ({len(shown)} of {s.distinct_swaps}):",
                  f"{'count':>6} {'score':>6}  swap"]
        for w in shown:
            why = "; ".join(r.text for r in w.reasons if r.code != "different_word") or w.reasons[0].text
            lines.append(f"{w.count:>6} {w.score:>6.2f}  {w.old} → {w.new}")
            lines.append(f"{'':>15}{why}")
    return "\n".join(lines) + "\n"


def measures_text(m) -> str:
    """The judgement's measures on one line."""
    return (f"coverage {100 * m.coverage:.0f}% (copy {100 * m.copy_coverage:.0f}%), longest verbatim run "
            f"{m.longest_run} words, {m.one_for_one} one-for-one swaps ({100 * m.swap_rate:.1f} per 100 "
            f"words, {100 * m.synonym_share:.0f}% dictionary synonyms), {m.names_changed} name words "
            f"changed, {m.fingerprints} phrase fingerprints, {m.broken_pairs} broken word pairs")


def read_as(doc) -> str:
    """How a document was read, briefly: "UTF-8", "PDF, 4 pages", "Web page, UTF-8"."""
    from unspin.core.formats import FORMAT_LABELS, TEXT

    if doc.format == TEXT:
        return doc.encoding
    label = FORMAT_LABELS.get(doc.format, doc.format)
    extra = doc.encoding if doc.encoding not in ("", label, "PDF", "DOCX") else ""
    return ", ".join(x for x in (label, extra, doc.detail) if x)


class OverwritesAnInput(OSError):
    """Raised instead of writing over one of the files being compared."""

    def __init__(self, path):
        super().__init__(errno.EPERM, "it is one of the compared files, and Unspin never writes over "
                         "the texts it compares: choose another name", str(path))


def write_atomic(path: str | os.PathLike, content: str | bytes | Iterable[str],
                 inputs: Iterable[str | os.PathLike | None] = ()) -> None:
    """Write *content* (text, bytes, or pieces of text written one after another) to *path*
    via a temporary file in the same folder, then rename: an existing file is only replaced
    once the new one is complete. Raises OverwritesAnInput, before writing anything, when
    *path* is one of *inputs* (the files compared).

    A symbolic link keeps pointing where it did (the file it points to is replaced), and
    what is not a regular file (``/dev/null``, a named pipe, ``/dev/stdout``) is written
    into directly: renaming over it would put a plain file in its place."""
    target = Path(os.path.realpath(path))
    for source in filter(None, inputs):
        try:
            if os.path.samefile(target, source):
                raise OverwritesAnInput(path)
        except FileNotFoundError:  # the output does not exist yet (or the input has gone)
            pass
    if target.exists() and not target.is_file():
        with open(target, "wb") as fh:
            _write_pieces(fh, content)
        return
    _remove_stale_parts(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".part",
                               dir=target.parent or ".")
    try:
        _set_usual_mode(fd, target)
        with os.fdopen(fd, "wb") as fh:
            _write_pieces(fh, content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _remove_stale_parts(target: Path) -> None:
    """Delete the temporary files an earlier write of *target* left when its process was
    killed (``.name.PID.xxxx.part`` whose process is gone)."""
    prefix = f".{target.name}."
    try:
        entries = [e for e in os.scandir(target.parent or ".")
                   if e.name.startswith(prefix) and e.name.endswith(".part")]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def _write_pieces(fh, content: str | bytes | Iterable[str]) -> None:
    # a file name that is not valid UTF-8 reaches Python as lone surrogates: written as "?"
    if isinstance(content, bytes):
        fh.write(content)
        return
    for piece in [content] if isinstance(content, str) else content:
        fh.write(piece.encode("utf-8", "replace"))


def _set_usual_mode(fd: int, target: Path) -> None:
    """mkstemp makes files only the owner can read; a report is shared, so give it the
    mode of the file it replaces, or what the umask allows for a new file."""
    if not hasattr(os, "fchmod"):
        return
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode)
