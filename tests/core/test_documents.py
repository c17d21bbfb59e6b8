"""Loading: encodings, line endings and every kind of bad input."""

import codecs

import pytest

from unspin.core.documents import LoadError, decode_bytes, load_document

TEXT = "Café “quoted” naïve – déjà vu\nSecond line"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16 LE (BOM)"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 BE (BOM)"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32 LE (BOM)"),
    (TEXT.encode("utf-16-le"), "UTF-16 LE"),
    (TEXT.encode("cp1252"), "Windows-1252"),
])
def test_encodings_are_detected_and_reported(tmp_path, data, encoding):
    """BOMs, strict UTF-8, BOM-less UTF-16 and short cp1252 text all decode exactly."""
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.text == TEXT and doc.encoding == encoding


def test_central_european_text_keeps_its_code_page(tmp_path):
    """A Polish cp1250 text is not misread as cp1252."""
    polish = "Zażółć gęślą jaźń. Łódź jest dużym miastem w środkowej Polsce, " * 3
    path = tmp_path / "pl.txt"
    path.write_bytes(polish.encode("cp1250"))
    assert load_document(path).text == polish


@pytest.mark.parametrize("raw,newline", [(b"a\r\nb\r\n", "CRLF"), (b"a\rb", "CR"),
                                         (b"a\nb\r\nc", "mixed"), (b"a\nb", "LF")])
def test_line_endings_are_normalised(tmp_path, raw, newline):
    """CRLF and CR become LF, and the original style is reported."""
    path = tmp_path / "t.txt"
    path.write_bytes(raw)
    doc = load_document(path)
    assert "\r" not in doc.text and doc.newline == newline


def test_empty_file_is_valid(tmp_path):
    """An empty file loads as empty text."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert load_document(path).text == ""


@pytest.mark.parametrize("make,reason", [
    (lambda p: None, "no such file"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 20), "binary"),
    (lambda p: p.write_bytes(bytes(range(256)) * 3), "binary"),
    (lambda p: p.write_bytes(b"x" * 2000), "too big"),
])
def test_bad_input_names_file_and_reason(tmp_path, make, reason):
    """Missing files, folders, binaries and oversized files raise LoadError with a reason."""
    path = tmp_path / "input.txt"
    make(path)
    with pytest.raises(LoadError) as info:
        load_document(path, max_bytes=1000)
    assert reason in str(info.value) and "input.txt" in str(info.value)


def test_loading_never_writes(tmp_path):
    """The file read is left byte for byte and time for time as it was."""
    path = tmp_path / "t.txt"
    path.write_bytes(b"one\r\ntwo")
    before = path.stat()
    load_document(path)
    after = path.stat()
    assert path.read_bytes() == b"one\r\ntwo" and before.st_mtime_ns == after.st_mtime_ns


def test_one_bad_byte_in_utf8_leaves_the_text_utf8_and_the_comparison_clean(tmp_path):
    """A UTF-8 file with one invalid byte is read as UTF-8 (the byte shown as U+FFFD and
    counted in the encoding's name), not in a legacy code page that would turn every
    accented letter into a "change": compared with the clean file, nothing is spun."""
    from tests.conftest import ORIGINAL
    from unspin.core.compare import compare

    clean = ORIGINAL.read_text(encoding="utf-8").replace("defense", "défense")
    damaged = clean.encode("utf-8").replace(b"the ", b"the \xff", 1)
    (tmp_path / "clean.txt").write_text(clean, encoding="utf-8")
    (tmp_path / "damaged.txt").write_bytes(damaged)
    doc = load_document(tmp_path / "damaged.txt")
    assert doc.encoding == "UTF-8, 1 invalid byte sequence shown as \ufffd"
    assert "défense" in doc.text and doc.text.count("\ufffd") == 1
    c = compare(load_document(tmp_path / "clean.txt"), doc)
    assert c.classification == "verbatim" and c.spin_score < 0.1


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ["市议会周二投票批准了新预算，其中包括学校和道路。",
                                  "قال رئيس البلدية إن الخطة حل وسط عادل.",
                                  "The council approved the budget on Tuesday."])
def test_wide_encodings_without_a_byte_order_mark_are_read(encoding, text):
    """UTF-16 and UTF-32 without a BOM, in any script, read as text (Chinese and Arabic
    in UTF-16 have few zero bytes; they were refused as binary)."""
    decoded, label = decode_bytes(text.encode(encoding))
    assert decoded == text and label.replace("-", " ").startswith(encoding.upper().replace("-", " ")[:6])


def test_random_bytes_with_zeros_are_still_binary():
    import random

    rng = random.Random(5)
    for size in (512, 4096, 65536):
        data = bytes(rng.randrange(256) for _ in range(size))
        with pytest.raises(LoadError, match="binary"):
            decode_bytes(data)
