"""A corpus of hostile inputs, generated into a folder: what careless or malicious files look
like (bad encodings, binary, damaged documents, hostile HTML, special files, damaged
sessions and socket messages). :func:`build` writes them and returns their paths."""

from __future__ import annotations

import io
import json
import os
import random
import socket
import zipfile
from pathlib import Path

NEWS = ("The city council voted on Tuesday to approve the new budget, which includes funding for "
        "schools, roads and the public library. The mayor said the plan was a fair compromise.")
TEXTS = {
    "news": NEWS,
    "rtl": "قال رئيس البلدية إن الخطة حل وسط عادل. ‏המועצה אישרה את התקציב ביום שלישי.",
    "cjk": "市议会周二投票批准了新预算其中包括学校道路和公共图书馆的资金市长说这个计划是一个公平的妥协",
    "emoji": "The team 👩‍👩‍👧‍👦 won 🇫🇷🇩🇪 at last 🎉🏳️‍🌈 — fans cheered 👍🏽 all night.",
    "combining": "Cafe\u0301 de\u0301ja\u0300 vu: n\u0303 a\u0308 o\u0302 — the re\u0301sume\u0301 was na\u0131\u0308ve.",
    "mixed": "Ελληνικά, русский, עברית, हिन्दी and English in one sentence, 123 and ٤٥٦.",
}
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
             "utf-32-be", "utf-7", "cp1252", "cp1251", "cp1250", "latin-1", "iso-8859-7", "mac-roman",
             "koi8-r", "shift_jis", "euc-kr", "big5", "gb18030")


def build(folder: Path) -> list[Path]:
    """Write every text-like case into *folder*; their paths (special files included)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Path] = []

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        cases.append(path)

    for kind, text in TEXTS.items():
        for encoding in ENCODINGS:
            put(f"enc-{kind}-{encoding}.txt", text.encode(encoding, errors="replace"))
        for charset in ("utf-8", "iso-8859-1"):  # declared right, and wrong
            put(f"page-{kind}-{charset}.html", f'<meta charset="{charset}"><article><p>{text}</p></article>')
        put(f"crlf-{kind}.txt", "\r\n\r\n".join([text] * 4))
        put(f"md-{kind}.md", f"# {text[:20]}\n\n> {text}\n\n- {text}\n")
    _binary(put)
    _line_endings(put)
    _damaged_utf8(put)
    _shapes(put)
    _html(put)
    _docx(put)
    _pdf(put)
    cases += _special(folder)
    return cases


def _binary(put) -> None:
    rng = random.Random(7)
    for k, size in enumerate((1, 2, 3, 17, 100, 512, 1000, 4096, 10_000, 65536)):
        put(f"random-{k}.txt", bytes(rng.randrange(256) for _ in range(size)))
        put(f"random-ascii-{k}.txt", bytes(rng.randrange(32, 127) for _ in range(size)))
    put("zero-bytes.txt", b"")
    put("nul-only.txt", b"\0" * 1000)
    put("nul-inside.txt", NEWS.encode() + b"\0\0\0" + NEWS.encode())
    put("bom-only.txt", b"\xef\xbb\xbf")
    put("utf16-bom-only.txt", b"\xff\xfe")
    put("whitespace-only.txt", " \t\n\r\n  \f\v " * 50)
    put("punctuation-only.txt", ".,;:!?-—()[]{}«»“”" * 100)
    put("digits-only.txt", "1234567890 " * 500)
    put("elf-header.txt", b"\x7fELF\x02\x01\x01" + bytes(200))
    put("png-header.txt", b"\x89PNG\r\n\x1a\n" + bytes(200))
    put("gzip.txt", b"\x1f\x8b\x08\x00" + bytes(100))
    put("controls.txt", "".join(chr(c) for c in range(32)) * 20 + NEWS)


def _line_endings(put) -> None:
    lines = [NEWS] * 6
    for name, sep in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r"), ("lsep", "\u2028"),
                      ("psep", "\u2029"), ("nel", "\x85"), ("ff", "\f"), ("vt", "\v")):
        put(f"endings-{name}.txt", sep.join(lines))
    put("endings-mixed.txt", NEWS + "\r\n" + NEWS + "\n" + NEWS + "\r" + NEWS + "\r\n\r\n" + NEWS)
    put("endings-crcrlf.txt", (NEWS + "\r\r\n") * 5)


def _damaged_utf8(put) -> None:
    good = (NEWS + " Café déjà vu. ").encode("utf-8")
    for name, bad in (("lone-continuation", b"\x80"), ("overlong", b"\xc0\xaf"),
                      ("surrogate", b"\xed\xa0\x80"), ("truncated", b"\xe2\x82"),
                      ("too-high", b"\xf4\x90\x80\x80"), ("ff", b"\xff"), ("fe", b"\xfe")):
        put(f"utf8-{name}.txt", good + bad + good)
        put(f"utf8-{name}-first.txt", bad + good * 3)
        put(f"utf8-{name}-last.txt", good * 3 + bad)
        put(f"utf8-{name}-many.txt", (good + bad) * 40)
    put("utf8-truncated-end.txt", good + "é".encode()[:1])


def _shapes(put) -> None:
    put("one-word.txt", "word")
    put("one-long-word.txt", "a" * 100_000)
    put("long-single-line.txt", (NEWS + " ") * 5000)  # about 1 MB, no line break
    put("repeated-lines.txt", "The same line again.\n" * 300)
    put("repeated-word.txt", "the " * 50_000)
    put("many-distinct.txt", " ".join(f"w{k:x}" for k in range(60_000)))
    put("deep-indent.txt", "\n".join(" " * k + "x" for k in range(2000)))
    put("zero-width.txt", "\u200b\u200c\u200d\ufeff".join(NEWS.split()))
    put("bidi-controls.txt", "\u202e" + NEWS + "\u202c\u2066" + NEWS + "\u2069")
    put("private-use.txt", "".join(chr(0xE000 + k) for k in range(2000)))
    put("astral-only.txt", "".join(chr(0x1F300 + k % 700) for k in range(5000)))
    put("markdown.md", "# Title\n\n* item\n* item\n\n```\ncode\n```\n\n" + NEWS)


def _html(put) -> None:
    put("script-only.html", "<html><script>while(true){}</script></html>")
    put("no-body.html", "<html><head><title>t</title></head></html>")
    put("nested-divs.html", "<div>" * 5000 + NEWS + "</div>" * 5000)
    put("unclosed.html", "<html><body><p>" + NEWS + "<p><b><i><table><tr><td>" + NEWS)
    put("entities.html", "<p>" + "&amp;&lt;&gt;&#0;&#xD800;&#1114112;&nbsp;&bogus;" * 200 + "</p>")
    put("remote.html", f'<html><body><img src="http://192.0.2.1/x.gif"><link rel=stylesheet '
                       f'href="http://192.0.2.1/a.css"><iframe src="http://192.0.2.1/"></iframe>'
                       f"<article><p>{NEWS}</p></article></body></html>")
    put("wrong-charset.html", f'<meta charset="utf-16"><p>{NEWS} Café</p>'.encode("cp1252"))
    put("huge-attribute.html", '<p title="' + "x" * 500_000 + f'">{NEWS}</p>')
    put("svg.html", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    put("xml-bomb.html", '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                         '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                         '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><p>&c;</p></html>')
    put("binary.html", bytes(range(256)) * 10)


def _docx(put) -> None:
    put("not-a-zip.docx", b"PK\x03\x04 this is not a zip")
    put("empty-zip.docx", _zip({}))
    put("no-document.docx", _zip({"[Content_Types].xml": "<Types/>"}))
    put("bad-xml.docx", _zip({"word/document.xml": "<w:document><w:body><w:p>"}))
    put("entity-expansion.docx", _zip({"word/document.xml":
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "' + "a" * 1000 + '">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&b;&b;&b;</w:t></w:r></w:p></w:body></w:document>"}))
    put("inflates.docx", _zip({"word/document.xml": "<a>" + "x" * 30_000_000 + "</a>"}))
    put("deep.docx", _zip({"word/document.xml": "<a>" * 20_000 + "</a>" * 20_000}))
    put("text-as.docx", NEWS)
    real = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml":
                 '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 f"<w:body><w:p><w:r><w:t>{NEWS}</w:t></w:r></w:p></w:body></w:document>"})
    for k in range(1, 9):
        put(f"docx-cut-{k}.docx", real[: len(real) * k // 9])


def _pdf(put) -> None:
    put("header-only.pdf", b"%PDF-1.4\n")
    put("truncated.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj <<")
    put("garbage.pdf", bytes(random.Random(3).randrange(256) for _ in range(5000)))
    put("text-as.pdf", NEWS)
    for k in range(1, 6):
        put(f"pdf-cut-{k}.pdf", (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" * 3)[: 30 * k])
    put("loop.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")


def _zip(members: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _special(folder: Path) -> list[Path]:
    """Paths that are not regular files, or not there."""
    out = [folder / "does-not-exist.txt", Path("/dev/null"), Path("/dev/zero"), folder]
    loop = folder / "loop.txt"
    os.symlink(loop, loop)
    dangling = folder / "dangling.txt"
    os.symlink(folder / "nowhere", dangling)
    out += [loop, dangling]
    if hasattr(os, "mkfifo"):
        fifo = folder / "fifo.txt"
        os.mkfifo(fifo)
        out.append(fifo)
    sock = folder / "socket.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()  # the socket file stays
    out.append(sock)
    weird = folder / "name with\nnewline and ünïcödé ‮txt.exe"
    weird.write_text(NEWS, encoding="utf-8")
    out.append(weird)
    return out


def session_cases(folder: Path, text: Path) -> list[Path]:
    """Damaged and hostile session files."""
    folder.mkdir(parents=True, exist_ok=True)
    good = {"format": "unspin-session", "version": 1, "old": {"path": str(text)},
            "new": {"path": str(text)}}
    bodies = {
        "not-json": "this is not json",
        "empty": "",
        "array": "[]",
        "deep": "[" * 100_000 + "]" * 100_000,
        "big-number": '{"version": ' + "9" * 5000 + "}",
        "version-true": json.dumps({**good, "version": True}),
        "version-string": json.dumps({**good, "version": "false"}),
        "version-future": json.dumps({**good, "version": 999}),
        "version-negative": json.dumps({**good, "version": -1}),
        "old-number": json.dumps({**good, "old": 5}),
        "old-list": json.dumps({**good, "old": ["a"]}),
        "path-number": json.dumps({**good, "old": {"path": 12}}),
        "path-etc": json.dumps({**good, "old": {"path": "../../../../etc/passwd"}}),
        "path-fifo": json.dumps({**good, "old": {"path": str(folder.parent / "corpus" / "fifo.txt")}}),
        "path-dir": json.dumps({**good, "old": {"path": str(folder)}}),
        "text-huge-claim": json.dumps({**good, "new": {"text": 5, "name": None}}),
        "options-string": json.dumps({**good, "options": "x"}),
        "selected-swap-bad": json.dumps({**good, "selected_swap": [1, 2]}),
        "nul": "\0" * 100,
        "utf16": json.dumps(good).encode("utf-16").decode("latin-1"),
        "nan": '{"version": NaN}',
    }
    paths = []
    for name, body in bodies.items():
        path = folder / f"{name}.unspin"
        path.write_bytes(body.encode("latin-1") if name == "utf16" else body.encode("utf-8"))
        paths.append(path)
    return paths


def socket_messages() -> list[bytes]:
    """Bodies a stranger might send the running window."""
    return [b"", b"{", b"[]", b"null", b"\xff\xfe", b"[" * 100_000, b'{"app": "other"}',
            b'{"app": "unspin", "version": 1, "cwd": 5, "files": []}',
            b'{"app": "unspin", "version": 1, "cwd": "/", "files": "x"}',
            b'{"app": "unspin", "version": 1, "cwd": "/", "files": [1, 2]}',
            b'{"app": "unspin", "version": 999, "cwd": "/", "files": []}',
            b'{"app": "unspin", "version": ' + b"9" * 5000 + b"}",
            json.dumps({"app": "unspin", "version": 1, "cwd": "/", "files": ["x" * 100_000]}).encode(),
            json.dumps({"app": "unspin", "version": 1, "cwd": "/", "files": ["a"] * 100_000}).encode()]
