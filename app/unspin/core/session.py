"""Session files (``.unspin``): a saved comparison to reopen later, by double-click or File menu.

A session is a small JSON document (schema ``unspin.session``)::

    {"schema": "unspin.session", "version": 1, "generator": "unspin 0.1.0",
     "old": {"path": "original.txt", "absolute": "/home/me/case/original.txt", "sha256": "…"},
     "new": {...}, "options": {"language": "auto", "suspicious_only": false, "filter": ""},
     "selected_swap": {"old": "at", "new": "astatine"}}

``path`` is relative to the session file's folder when possible (so a folder of evidence
can be moved or shared as a whole); ``absolute`` is the fallback when the session file
alone was moved. ``sha256`` lets the app say when a file changed since the session was
saved.

A pasted side has no file: the session keeps its text, with the text's SHA-256 and its name,
``{"name": "Clipboard 14:02", "text": "…", "sha256": "…"}``. Such a session is written as
version 2 (an older Unspin refuses it as "saved by a newer Unspin" instead of misreading it);
one with files only stays version 1, and both versions are read. Never imports Qt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from unspin import __version__
from unspin.core.report import write_atomic
from unspin.core.triage import Review

SCHEMA = "unspin.session"
VERSION = 3  # the newest format read and written; version 1 has files only
TEXTS_VERSION = 2  # pasted texts kept; version 3 adds the reviewer's triage
FILES_ONLY_VERSION = 1  # still written when no side is a pasted text, so older Unspins read it
SUFFIX = ".unspin"
# A session of files is a few hundred bytes; pasted texts are kept whole (the readers take up
# to 64 MB a side, JSON escapes add a little). Anything bigger is not one of ours.
MAX_SESSION_BYTES = 256 * 1024 * 1024


class SessionError(Exception):
    """A session file that cannot be read or written, with the path and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class SessionFile:
    """One side of a session: where the file is and what it held when saved."""

    path: str  # absolute, resolved against the session file when loaded
    sha256: str = ""


@dataclass(frozen=True)
class SessionText:
    """A side with no file (pasted): its text, kept in the session, and the name it had."""

    text: str
    name: str = "Clipboard"
    sha256: str = ""  # as stored; the text's own digest when saved
    #: a page fetched by URL: its provenance (core.fetch) and the format it was read as
    source: dict | None = None
    format: str = "clipboard"
    #: the page's bytes, kept beside the session in ``NAME.snapshots/`` (None: not there)
    snapshot: bytes | None = field(default=None, compare=False, repr=False)
    snapshot_problem: str = ""  # why the saved snapshot could not be read back

    def document(self):
        """The kept text as a document again (a page with its provenance and snapshot)."""
        from unspin.core.documents import Document

        document = Document.from_text(self.text, self.name)
        if self.source is None:
            return dataclasses.replace(document, format="clipboard")
        return dataclasses.replace(document, format=self.format, source=self.source, snapshot=self.snapshot,
                                   sha256=self.source.get("sha256") or document.sha256)

    @property
    def intact(self) -> bool:
        """True when the text is still the one that was saved (its digest matches)."""
        return not self.sha256 or self.sha256 == text_sha256(self.text)


def text_sha256(text: str) -> str:
    """The SHA-256 of *text* in UTF-8, as ``Document.from_text`` computes it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    """Everything needed to reopen a comparison as it was left."""

    old: SessionFile | SessionText | None
    new: SessionFile | SessionText | None
    language: str = "auto"
    suspicious_only: bool = False
    filter_text: str = ""
    selected_swap: tuple[str, str] | None = None
    review: Review | None = None  # the reviewer's triage (version 3)
    extra: dict = field(default_factory=dict, compare=False)  # keys a newer version added


def save_session(session: Session, path: str | os.PathLike) -> None:
    """Write *session* to *path* atomically, file paths relative to its folder when possible."""
    target = Path(path).absolute()
    for side in (session.old, session.new):
        if isinstance(side, SessionFile) and _same_file(side.path, target):
            raise SessionError(target, "this is one of the compared files; choose another name")
    keeps_text = any(isinstance(side, SessionText) for side in (session.old, session.new))
    version = VERSION if session.review and session.review.marks else \
        TEXTS_VERSION if keeps_text else FILES_ONLY_VERSION
    data = {"schema": SCHEMA, "version": version,
            "generator": f"unspin {__version__}",
            "old": _side_json(session.old, target, "old"),
            "new": _side_json(session.new, target, "new"),
            "options": {"language": session.language, "suspicious_only": session.suspicious_only,
                        "filter": session.filter_text},
            "selected_swap": ({"old": session.selected_swap[0], "new": session.selected_swap[1]}
                              if session.selected_swap else None)}
    if version == VERSION:
        data["triage"] = session.review.to_json()
        data["reviewer"] = session.review.reviewer
    content = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if len(content.encode("utf-8")) > MAX_SESSION_BYTES:  # it could not be opened again
        raise SessionError(target, f"the pasted texts are too big to keep in a session (over "
                                   f"{MAX_SESSION_BYTES // (1024 * 1024)} MB together)")
    try:
        write_atomic(target, content)
    except OSError as exc:
        raise SessionError(target, f"cannot write it ({exc.strerror or exc})") from exc


def load_session(path: str | os.PathLike) -> Session:
    """Read a session file, or raise ``SessionError`` saying why it is not a usable session."""
    source = Path(path).absolute()
    data = _read_json(source)
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise SessionError(source, "not an Unspin session file")
    version = data.get("version")
    if type(version) is not int or version < 1:  # true is no version
        raise SessionError(source, "the session has no valid format version")
    if version > VERSION:
        raise SessionError(source, f"saved by a newer Unspin (session format {version}; "
                                   f"this version reads up to {VERSION})")
    options = data.get("options")
    options = {} if options is None else options
    if not isinstance(options, dict):
        raise SessionError(source, "'options' is not an object")
    return Session(old=_side_from_json(data.get("old"), source, "old"),
                   new=_side_from_json(data.get("new"), source, "new"),
                   language=_text(options.get("language", "auto"), source, "options.language") or "auto",
                   suspicious_only=_flag(options.get("suspicious_only", False), source,
                                         "options.suspicious_only"),
                   filter_text=_text(options.get("filter", ""), source, "options.filter"),
                   selected_swap=_swap_from_json(data.get("selected_swap"), source),
                   review=_review_from_json(data, source),
                   extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS})


def _review_from_json(data: dict, source: Path) -> Review | None:
    if "triage" not in data:
        return None
    try:
        return Review.from_json(data["triage"], data.get("reviewer", ""))
    except ValueError as exc:
        raise SessionError(source, str(exc)) from None


def outside_files(session: Session, session_path: str | os.PathLike) -> list[str]:
    """The files *session* opens that lie outside its own folder (a session from someone
    else could point at any file: the user sees these before they are opened)."""
    folder = os.path.realpath(Path(session_path).absolute().parent)
    outside = []
    for side in (session.old, session.new):
        if isinstance(side, SessionFile):
            real = os.path.realpath(side.path)
            try:
                inside = os.path.commonpath([folder, real]) == folder
            except ValueError:  # another drive (Windows)
                inside = False
            if not inside:
                outside.append(side.path)
    return outside


def is_session_path(path: str | os.PathLike) -> bool:
    """True when *path* names a session file (by its suffix)."""
    return str(path).lower().endswith(SUFFIX)


_KNOWN_KEYS = {"schema", "version", "generator", "old", "new", "options", "selected_swap", "triage",
               "reviewer"}


def _read_json(source: Path):
    too_big = SessionError(source, f"too big to be a session file (over "
                                   f"{MAX_SESSION_BYTES // (1024 * 1024)} MB)")
    try:
        if source.is_dir():
            raise SessionError(source, "it is a folder, not a session file")
        if source.stat().st_size > MAX_SESSION_BYTES:  # refused before reading it all
            raise too_big
        with open(source, "rb") as fh:
            raw = fh.read(MAX_SESSION_BYTES + 1)
    except FileNotFoundError:
        raise SessionError(source, "no such file") from None
    except OSError as exc:
        raise SessionError(source, f"cannot read it ({exc.strerror or exc})") from exc
    if len(raw) > MAX_SESSION_BYTES:
        raise too_big
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError(source, "not an Unspin session file (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise SessionError(source, f"the session file is damaged (invalid JSON at line "
                                   f"{exc.lineno}, column {exc.colno})") from None
    except (RecursionError, ValueError):  # nested thousands deep, or a number of 5,000 digits
        raise SessionError(source, "the session file is damaged (nested too deep, or a number "
                                   "too long to read)") from None


def _side_json(side: SessionFile | SessionText | None, target: Path, key: str) -> dict | None:
    folder = target.parent
    if side is None:
        return None
    if isinstance(side, SessionText):
        kept = {"name": side.name, "text": side.text, "sha256": text_sha256(side.text)}
        if side.source is not None:
            kept.update(source=side.source, format=side.format,
                        snapshot=_save_snapshot(side, target, key) if side.snapshot is not None else None)
        return kept
    absolute = os.path.abspath(side.path)
    try:
        relative = Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # Windows: another drive has no relative path
        relative = absolute
    return {"path": relative, "absolute": absolute, "sha256": side.sha256}


def _save_snapshot(side: SessionText, target: Path, key: str) -> str:
    """Write a page's bytes beside the session (``NAME.snapshots/old-DIGEST.html``); the
    path relative to the session's folder. A snapshot already there is left as it is."""
    digest = side.source.get("sha256") or hashlib.sha256(side.snapshot).hexdigest()
    suffix = ".html" if side.format == "html" else ".pdf" if side.format == "pdf" else ".txt"
    relative = f"{target.stem}.snapshots/{key}-{digest[:16]}{suffix}"
    path = target.parent / relative
    if not (path.is_file() and path.stat().st_size == len(side.snapshot)):
        try:
            path.parent.mkdir(exist_ok=True)
            write_atomic(path, side.snapshot)
        except OSError as exc:
            raise SessionError(path, f"cannot keep the page's snapshot there ({exc.strerror or exc})") from exc
    return relative


def _load_snapshot(value: dict, source: Path, page: dict) -> tuple[bytes | None, str]:
    """(the page's bytes, "") from beside the session, or (None, why not)."""
    relative = value.get("snapshot")
    if not isinstance(relative, str) or not relative:
        return None, "no snapshot of the page was saved with the session"
    path = (source.parent / relative).resolve()
    if path.parent.parent != source.parent.resolve() or not path.parent.name.endswith(".snapshots"):
        # a session names snapshots in a NAME.snapshots folder beside it, nothing else on the disk
        return None, f"the session names {relative} as the page's snapshot, outside its snapshot folder"
    try:
        if not path.is_file() or path.stat().st_size > MAX_SESSION_BYTES:
            return None, f"the page's snapshot {path} is missing or too big"
        data = path.read_bytes()
    except OSError:
        return None, f"the page's snapshot {path} is missing"
    if page.get("sha256") and hashlib.sha256(data).hexdigest() != page["sha256"]:
        return None, f"the page's snapshot {path} does not match the digest recorded when it was fetched"
    return data, ""


def _kept_text(value: dict, source: Path, key: str) -> SessionText:
    page = value.get("source")
    if page is not None and not isinstance(page, dict):
        raise SessionError(source, f"'{key}.source' is not an object")
    snapshot, problem = _load_snapshot(value, source, page) if page else (None, "")
    return SessionText(text=_text(value["text"], source, f"{key}.text"),
                       name=_text(value.get("name", ""), source, f"{key}.name") or "Clipboard",
                       sha256=_text(value.get("sha256", ""), source, f"{key}.sha256"),
                       source=page, format=_text(value.get("format", "clipboard"), source, f"{key}.format"),
                       snapshot=snapshot, snapshot_problem=problem)


def _side_from_json(value, source: Path, key: str) -> SessionFile | SessionText | None:
    """Resolve a stored side: relative to the session first, then the absolute fallback;
    a kept text (a pasted side) as it was stored."""
    if value is None:
        return None
    if isinstance(value, dict) and "text" in value and "path" not in value:
        return _kept_text(value, source, key)
    if not isinstance(value, dict) or not isinstance(value.get("path"), str) or not value["path"]:
        raise SessionError(source, f"'{key}' has no file path")
    candidates = [source.parent / Path(value["path"])]
    if isinstance(value.get("absolute"), str) and value["absolute"]:
        candidates.append(Path(value["absolute"]))
    found = next((c for c in candidates if c.exists()), candidates[0])
    return SessionFile(path=os.path.normpath(str(found)), sha256=_text(value.get("sha256", ""), source, key))


def _swap_from_json(value, source: Path) -> tuple[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise SessionError(source, "'selected_swap' is not an object")
    return (_text(value.get("old", ""), source, "selected_swap.old"),
            _text(value.get("new", ""), source, "selected_swap.new"))


def _flag(value, source: Path, key: str) -> bool:
    if not isinstance(value, bool):  # "false" is text, and would read as true
        raise SessionError(source, f"'{key}' is not true or false")
    return value


def _text(value, source: Path, key: str) -> str:
    if not isinstance(value, str):
        raise SessionError(source, f"'{key}' is not text")
    return value


def _same_file(a: str, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == str(b)
