"""One case file to hand to a lawyer: ``unspin compare A B --case case.zip``.

The zip holds both texts as they were read (their bytes), the session to reopen the
comparison, the HTML report (and the PDF one where Qt can draw it), the swap table as CSV,
the whole comparison as JSON, and ``manifest.json`` with every member's SHA-256 and size.
``unspin verify case.zip`` checks each member against the manifest.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from unspin import __version__
from unspin.core.compare import Comparison
from unspin.core.report import to_csv, to_json, write_atomic
from unspin.core.session import Session, SessionFile, save_session

MANIFEST = "manifest.json"
SCHEMA = "unspin.case"


class CaseError(Exception):
    """A case file that cannot be written or read, with the reason."""


def write_case(c: Comparison, path: str) -> list[str]:
    """Write the case file of comparison *c* to *path*; the notes on what it lacks (a PDF
    report when Qt cannot draw here)."""
    members, notes = _members(c)
    manifest = {"schema": SCHEMA, "version": 1, "generator": f"unspin {__version__}",
                "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "classification": c.classification, "spin_score": c.spin_score,
                "verdict": c.verdict, "notes": notes,
                "members": [{"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                            for name, data in members.items()]}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    write_atomic(path, out.getvalue(), inputs=[c.old.path, c.new.path])
    return notes


def _members(c: Comparison) -> tuple[dict[str, bytes], list[str]]:
    from unspin.report_files import render_report

    members = {f"texts/original{_suffix(c.old)}": _text_bytes(c.old),
               f"texts/copy{_suffix(c.new)}": _text_bytes(c.new)}
    members["session.unspin"] = _session_bytes(list(members), [c.old.sha256, c.new.sha256], c.review)
    members["report.html"] = render_report(c, "html").encode("utf-8")
    notes = []
    try:
        members["report.pdf"] = render_report(c, "pdf")
    except ImportError as exc:  # no Qt here: the HTML report prints as well
        notes.append(f"no PDF report: Qt is not usable here ({exc})")
    members["swaps.csv"] = to_csv(c).encode("utf-8")
    members["comparison.json"] = to_json(c).encode("utf-8")
    return members, notes


def _suffix(document) -> str:
    if document.path:
        return Path(document.path).suffix.lower()
    return {"html": ".html", "pdf": ".pdf", "docx": ".docx"}.get(document.format, ".txt")


def _text_bytes(document) -> bytes:
    """The bytes the text was read from (checked against its digest), the snapshot of a page
    fetched by URL, or the pasted text."""
    if document.snapshot is not None:
        return document.snapshot
    if not document.path:
        return document.text.encode("utf-8")
    data = Path(document.path).read_bytes()
    if document.sha256 and hashlib.sha256(data).hexdigest() != document.sha256:
        raise CaseError(f"{document.path} changed on disk since it was compared; compare again")
    return data


def _session_bytes(text_names: list[str], digests: list[str], review=None) -> bytes:
    """A session naming the two texts by their places in the case file (and their digests:
    reopened, a changed text is noticed), with the reviewer's triage."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / name for name in text_names]
        for p in paths:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(b"")
        session_path = Path(folder) / "session.unspin"
        save_session(Session(SessionFile(str(paths[0]), digests[0]), SessionFile(str(paths[1]), digests[1]),
                             review=review), session_path)
        data = json.loads(session_path.read_text(encoding="utf-8"))
    for side in ("old", "new"):
        data[side].pop("absolute", None)  # the folder it was made in is gone: only the case's place
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def verify_case(path: str) -> tuple[int, list[str]]:
    """(members checked, problems) of the case file at *path*; ``CaseError`` when it is not
    a readable case file at all."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
                raise CaseError(f"{path}: not an Unspin case file (its manifest is not one)")
            problems, listed = [], set()
            for entry in manifest.get("members", []):
                name = str(entry.get("name"))
                listed.add(name)
                try:
                    data = archive.read(name)
                except KeyError:
                    problems.append(f"{name}: listed in the manifest but missing")
                    continue
                if hashlib.sha256(data).hexdigest() != entry.get("sha256") or len(data) != entry.get("bytes"):
                    problems.append(f"{name}: changed since the case file was made (SHA-256 differs)")
            problems += [f"{n}: not in the manifest" for n in archive.namelist()
                         if n != MANIFEST and n not in listed]
            return len(listed), problems
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise CaseError(f"{path}: not a readable case file ({exc})") from None


__all__ = ["CaseError", "verify_case", "write_case"]
