"""Load a file as text: size and type checks, encoding detection, line endings.

Everything that can go wrong with an input file becomes a ``LoadError`` that names
the file and the reason in words a reader understands; the file is only ever read.
"""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE (BOM)"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE (BOM)"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE (BOM)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE (BOM)"),
)

# Characters that Western European text decoded as cp1252 plausibly contains. When a
# detector guesses a Central European code page for a short sample, a cp1252 decoding
# made only of these is the better reading (measured: short cp1252 texts come back cp1250).
_WESTERN = frozenset(
    "àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßŒœŠšŽžŸƒ"
    "‘’‚“”„–—…€£¥¢°«»§©®™·•†‡‰‹›¡¿ªº±×÷¬¦¨¯´¸\u00a0"
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_SURROGATE = regex.compile("[\ud800-\udfff]")
#: Up to this many bytes a digest is made by the interpreter's own SHA-256: hashlib loads
#: OpenSSL, 3 ms of start-up, which its five times faster hashing repays only beyond a MB.
LEAN_DIGEST_BYTES = 1 << 20


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of *data*, in hexadecimal."""
    if len(data) <= LEAN_DIGEST_BYTES:
        try:  # as the standard library's random module does: hashlib is heavy to load
            from _sha256 import sha256  # Python 3.10 and 3.11
        except ImportError:
            try:
                from _sha2 import sha256  # Python 3.12 on
            except ImportError:
                from hashlib import sha256
    else:
        from hashlib import sha256
    return sha256(data).hexdigest()


class LoadError(Exception):
    """An input file could not be read as text; ``str()`` names the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True)
class Document:
    """A decoded text and where it came from."""

    text: str
    name: str = "untitled"
    path: str | None = None
    encoding: str = "UTF-8"
    newline: str = "LF"
    size_bytes: int = 0
    sha256: str = ""
    format: str = "text"  # text, html, docx, pdf or clipboard (see core.formats)
    title: str = ""  # the title the source declares, if any
    detail: str = ""  # what else the loader found, e.g. "12 pages"
    #: where a page fetched by URL came from (core.fetch): url, final_url, status,
    #: retrieved_at, last_modified, etag, content_type, sha256; None for files
    source: dict | None = field(default=None, compare=False)
    snapshot: bytes | None = field(default=None, compare=False, repr=False)  # the bytes fetched

    @classmethod
    def from_text(cls, text: str, name: str = "untitled") -> "Document":
        """A document made from a string (pasted text, tests)."""
        text, newline = normalize_newlines(valid_unicode(text))
        raw = text.encode("utf-8")
        return cls(text=text, name=name, newline=newline, size_bytes=len(raw),
                   sha256=sha256_hex(raw))


def load_document(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read *path* as text (plain, Markdown, web page, Word or PDF), or raise ``LoadError``
    saying why it cannot be compared. The digest is of the bytes read."""
    data = read_bytes(path, max_bytes=max_bytes)
    text, encoding, newline, fmt, title, detail = content_of(data, path, max_bytes=max_bytes)
    p = Path(path)
    return Document(text=text, name=p.name, path=str(p.absolute()), encoding=encoding,
                    newline=newline, size_bytes=len(data),
                    sha256=sha256_hex(data), format=fmt, title=title,
                    detail=detail)


def content_of(data: bytes, origin, *, max_bytes: int = DEFAULT_MAX_BYTES, sniff_name=None):
    """(text, encoding, newline, format, title, detail) of a file's or a page's bytes: the
    format sniffed (by *sniff_name* or *origin*), decoded or extracted, made valid Unicode."""
    from unspin.core.formats import TEXT, extract, sniff_format

    fmt = sniff_format(data, sniff_name or origin)
    title = detail = ""
    if fmt == TEXT:
        text, encoding = decode_bytes(data, origin)
    else:
        extracted = extract(fmt, data, origin, max_bytes=max_bytes)
        text, encoding, title, detail = (extracted.text, extracted.encoding, extracted.title,
                                         extracted.detail)
    # the last line of defence: whatever a loader let through must be writable as UTF-8
    text, newline = normalize_newlines(valid_unicode(text))
    return text, encoding, newline, fmt, valid_unicode(title), detail


def valid_unicode(text: str) -> str:
    """*text* with no surrogate code points, so that it can be written as UTF-8: a pair
    given as two characters (by a broken PDF font map) becomes the character it stands
    for, a lone one the replacement character U+FFFD."""
    if text.isascii() or _SURROGATE.search(text, concurrent=True) is None:  # (lets other threads run)
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _kind_of(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return kind
    return "not a regular file"


def _open_without_waiting(path, flags):
    """Open for reading without blocking on a named pipe put in the file's place."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bytes(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, after checking it exists, is a regular file and is not too big."""
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise LoadError(path, "no such file") from None
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):  # refused before opening: opening a named pipe waits for a writer
        raise LoadError(path, f"is {_kind_of(st.st_mode)}, not a file")
    if st.st_size > max_bytes:
        raise LoadError(path, f"is too big ({_megabytes(st.st_size)}; the limit is "
                              f"{_megabytes(max_bytes)})")
    try:
        with open(p, "rb", opener=_open_without_waiting) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped for a pipe since
                raise LoadError(path, f"is {_kind_of(os.fstat(fh.fileno()).st_mode)}, not a file")
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise LoadError(path, "permission denied") from None
    except OSError as exc:
        raise LoadError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise LoadError(path, f"is too big (more than {_megabytes(max_bytes)})")
    return data


def decode_bytes(data: bytes, path: str | os.PathLike = "<bytes>") -> tuple[str, str]:
    """Decode *data*, returning the text and a readable name of the encoding used."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data[len(bom):].decode(codec), path), label
            except UnicodeDecodeError as exc:
                raise LoadError(path, f"starts with a {label} mark but is not valid "
                                      f"{codec.upper()} (byte {exc.start})") from None
    if not data:
        return "", "UTF-8"
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, path)
    try:
        return _check_text(data.decode("utf-8"), path), "UTF-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return _check_text(damaged[0], path), damaged[1]
    return _decode_legacy(data, path)


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few bad bytes, read as UTF-8 with each bad sequence shown as
    U+FFFD; None when the bytes are not UTF-8 at all. A file whose non-ASCII characters are
    mostly valid UTF-8 is UTF-8: reading it in a legacy code page would turn every "é"
    into "Ã©" and make changes that are not there."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = sum(1 for c in text if c >= "\x80") - text.count("\ufffd")
    if good < max(1, bad):
        return None
    return text, f"UTF-8, {bad:,} invalid byte sequence{'s' if bad != 1 else ''} shown as \ufffd"


def normalize_newlines(text: str) -> tuple[str, str]:
    """Text with CRLF and lone CR turned into LF, and which line ending it had."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    if not kinds:
        return text, "LF"
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, kinds[0] if len(kinds) == 1 else "mixed"


def restore_newlines(text: str, newline: str) -> str:
    """*text* (LF line ends) written back with a document's line ending (mixed: LF)."""
    ending = {"CRLF": "\r\n", "CR": "\r"}.get(newline)
    return text.replace("\n", ending) if ending else text


def _decode_utf16_without_bom(data: bytes, path) -> tuple[str, str]:
    """NUL bytes mean binary, unless the bytes read as UTF-32 or UTF-16 text without a byte
    order mark: English in UTF-16 has a zero in every other byte; Arabic or Chinese has
    few zeros, so each reading is tried and kept when it gives plausible text."""
    for codec, label in _wide_codecs(data):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return _check_text(text, path), label
    raise LoadError(path, "is a binary file, not text (it contains NUL bytes)")


def _wide_codecs(data: bytes) -> list[tuple[str, str]]:
    """The BOM-less wide encodings *data* could be in, likeliest first."""
    out = []
    if len(data) % 4 == 0 and data[3::4].count(0) == len(data) // 4:
        out.append(("utf-32-le", "UTF-32 LE"))
    if len(data) % 4 == 0 and data[0::4].count(0) == len(data) // 4:
        out.append(("utf-32-be", "UTF-32 BE"))
    if len(data) % 2 == 0:
        odd_zeros, even_zeros = data[1::2].count(0), data[0::2].count(0)
        pair = [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE")]
        out += pair if odd_zeros >= even_zeros else pair[::-1]
    return out


def _plausible(text: str) -> bool:
    """Whether decoded *text* looks like writing: no NUL, and nearly every character a
    letter, mark, digit, space or punctuation (random bytes read as UTF-16 give unassigned,
    private-use and control characters)."""
    sample = text[:4000]
    if not sample or "\0" in sample:
        return False
    odd = sum(1 for c in sample if unicodedata.category(c)[0] not in "LMNPZS" and c not in "\n\r\t")
    return odd <= 0.01 * len(sample)


def _decode_legacy(data: bytes, path) -> tuple[str, str]:
    """Not UTF-8: ask charset-normalizer, then keep the candidate reading with the least
    mojibake (measured: it reads short cp1252 samples as cp1250 and Polish as cp1252)."""
    from charset_normalizer import from_bytes

    candidates = [m.encoding for m in list(from_bytes(data))[:6]] + ["cp1252", "cp1250"]
    best = None
    for rank, encoding in enumerate(dict.fromkeys(candidates)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        western = encoding == "cp1252" and all(c.isascii() or c in _WESTERN for c in text)
        key = (_mojibake(text), not western, rank)
        if best is None or key < best[0]:
            best = (key, encoding, text)
    if best is None:
        raise LoadError(path, "is not text in any known encoding (binary file?)")
    _, encoding, text = best
    return _check_text(text, path), _encoding_label(encoding)


@lru_cache(maxsize=1)
def _odd_signs() -> regex.Pattern:
    """Symbols inside words, superscripts, C1 controls (compiled on first use: only text in
    an unknown code page is weighed with it)."""
    return regex.compile(r"(?<=\p{L})[^\p{L}\p{M}\s\d'’\-.,;:!?\"“”()/]+(?=\p{L})|[\x80-\x9f¤¦¨¬¯´¸¹²³¼½¾]")


def _mojibake(text: str) -> int:
    """How many signs of a wrong code page: symbols inside words, superscripts, C1 controls."""
    return len(_odd_signs().findall(text, concurrent=False))


def _check_text(text: str, path) -> str:
    """Reject decoded text that is mostly control characters: a binary file in disguise."""
    sample = text[:65536]
    controls = sum(1 for c in sample if (c < " " or "\x7f" <= c < "\xa0") and c not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise LoadError(path, "is a binary file, not text (it has control characters)")
    return text


def _encoding_label(codec: str) -> str:
    names = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
             "latin_1": "ISO-8859-1", "iso8859_15": "ISO-8859-15", "mac_roman": "Mac Roman",
             "shift_jis": "Shift JIS", "euc_jp": "EUC-JP", "gb18030": "GB18030", "big5": "Big5",
             "koi8_r": "KOI8-R", "utf_16": "UTF-16", "ascii": "ASCII"}
    return names.get(codec, codec.upper().replace("_", "-"))


def _megabytes(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"
    return f"{n / (1024 * 1024):.1f} MB"
