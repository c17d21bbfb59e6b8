"""Tiny PDF writer for tests: lines of text at positions we choose (line breaks, hyphens,
blank lines between paragraphs), in the standard Helvetica font with WinAnsi encoding."""

from __future__ import annotations

import textwrap

PAGE_W, PAGE_H, MARGIN, LEADING, SIZE = 595, 842, 60, 14, 10
LINES_PER_PAGE = (PAGE_H - 2 * MARGIN) // LEADING


def wrap_paragraphs(text: str, width: int = 90) -> list[str]:
    """Lines of *text* wrapped at *width* characters, a blank line between paragraphs."""
    lines = []
    for paragraph in text.splitlines():
        if paragraph.strip():
            lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) + [""]
    return lines


def make_pdf(lines: list, *, title: str = "", encrypt: str | None = None,
             to_unicode: dict[str, str] | None = None) -> bytes:
    """A PDF of *lines* ("" leaves a blank line), as many pages as needed. *to_unicode*
    maps characters of the lines to the UTF-16 code units (hex) a text extractor is told
    they stand for, as a font's ToUnicode map does ({"~": "D835"}: a broken one)."""
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, max(1, len(lines)), LINES_PER_PAGE)]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for page in pages:
        stream = _content(page)
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream
                       + b"\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    if to_unicode:
        objects.append(_cmap(to_unicode))
        objects[2] = objects[2][:-2] + f" /ToUnicode {len(objects)} 0 R >>"
    data = _assemble(objects)
    if encrypt is None and not title:
        return data
    return _rewrite(data, title, encrypt)


def _content(lines: list) -> bytes:
    """Each line is a string, or (string, font size) for a heading's bigger type."""
    out = [b"BT", f"/F1 {SIZE} Tf {LEADING} TL {MARGIN} {PAGE_H - MARGIN} Td".encode()]
    current = SIZE
    for line in lines:
        text, size = line if isinstance(line, tuple) else (line, SIZE)
        if size != current:
            out.append(f"/F1 {size} Tf {round(size * 1.3)} TL".encode())
            current = size
        out.append(b"(" + _escape(text.encode("cp1252")) + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


def _cmap(to_unicode: dict[str, str]) -> bytes:
    chars = "\n".join(f"<{ord(c.encode('cp1252')):02X}> <{units}>" for c, units in to_unicode.items())
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Test def\n"
            "/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            f"{len(to_unicode)} beginbfchar\n{chars}\nendbfchar\nendcmap\n"
            "CMapName currentdict /CMap defineresource pop\nend\nend").encode("latin-1")
    return f"<< /Length {len(cmap)} >>\nstream\n".encode() + cmap + b"\nendstream"


def _escape(raw: bytes) -> bytes:
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _assemble(objects) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        body = obj.encode("latin-1") if isinstance(obj, str) else obj
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _rewrite(data: bytes, title: str, encrypt: str | None) -> bytes:
    """Add a title or a password with pypdf (an application dependency)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if title:
        writer.add_metadata({"/Title": title})
    if encrypt is not None:
        writer.encrypt(user_password=encrypt, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
