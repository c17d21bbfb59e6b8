"""Loading saved web pages, Word files and PDFs: the article's text, the same swaps as
the plain-text seeds, and a clear reason when a file cannot be read."""

import io
import zipfile

import pytest

from tests.conftest import ORIGINAL, SPUN
from tests.pagemaker import (COMMENTS, COOKIE, DECOY_HEADLINES, docx_bytes, docx_from_body,
                              news_page)
from tests.pdfmaker import make_pdf, wrap_paragraphs
from unspin.core.compare import compare
from unspin.core.documents import Document, LoadError, load_document, valid_unicode
from unspin.core.formats import document_from_clipboard, sniff_format
from unspin.core.formats.pdf import Line, join_lines, rebuild_paragraphs

SEED_OLD = ORIGINAL.read_text(encoding="utf-8")
SEED_NEW = SPUN.read_text(encoding="utf-8")


def swap_list(c):
    return [(s.old, s.new, s.count) for s in c.swaps]


def write_pair(tmp_path, suffix, make):
    old, new = tmp_path / f"original{suffix}", tmp_path / f"copy{suffix}"
    for path, text in ((old, SEED_OLD), (new, SEED_NEW)):
        data = make(text)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_document(old), load_document(new)


@pytest.mark.parametrize("suffix,make,fmt", [
    (".html", news_page, "html"),
    (".docx", docx_bytes, "docx"),
    (".pdf", lambda text: make_pdf(wrap_paragraphs(text)), "pdf"),
])
def test_seed_pair_in_each_format_gives_the_same_swaps(tmp_path, seed_comparison, suffix, make, fmt):
    """The seed texts as a web page, a Word file and a PDF give exactly the swaps of the .txt seeds."""
    old, new = write_pair(tmp_path, suffix, make)
    assert old.format == new.format == fmt
    c = compare(old, new)
    assert (c.swaps[0].old, c.swaps[0].new) == ("the", "nan")
    assert swap_list(c) == swap_list(seed_comparison)
    assert c.stats.old_words == seed_comparison.stats.old_words


def test_news_page_keeps_only_the_article(tmp_path):
    """Navigation, cookie banner, related links, comments, scripts and footer are left out."""
    page = tmp_path / "story.html"
    page.write_text(news_page(SEED_OLD), encoding="utf-8")
    doc = load_document(page)
    assert doc.text.startswith("Biden has pivoted to allow Ukraine")
    assert doc.title.startswith("Biden has pivoted")
    for noise in [COOKIE[:30], "Newsletters", "INJECTED", "Related stories", "All rights reserved",
                  *(c for _, c in COMMENTS)]:
        assert noise not in doc.text
    assert doc.text.endswith(SEED_OLD.strip().splitlines()[-1])


STORM = "Storm and flood hit the town\n" + "".join(
    f"Paragraph {n}: the storm hit the town at dawn and the river rose by three metres in the "
    "night, while officials said that helicopters were deployed to help residents escape.\n"
    for n in range(1, 6))


@pytest.mark.parametrize("title,og_title,headline", [
    ("Storm and flood hit the town", "Storm and flood hit the town | Daily Example",
     "Storm and flood hit the town\n\n"),
    ("A page title matching no heading", "", ""),
])
def test_page_headline_is_only_a_visible_h1_matching_the_title(tmp_path, title, og_title, headline):
    """The headline put before the article is an <h1> the reader sees that matches the
    title: never one in a script, comment, template or hidden element, nor the site's name."""
    page = tmp_path / "storm.html"
    page.write_text(news_page(STORM, title=title, decoys=True, og_title=og_title), encoding="utf-8")
    doc = load_document(page)
    assert doc.text == headline + STORM.split("\n", 1)[1].strip().replace("\n", "\n\n")
    assert doc.title == (og_title or title)


def test_page_title_is_not_taken_from_a_template(tmp_path):
    """An <h1> in a <template> (never shown) is neither the page's title nor its headline."""
    body = "".join(f"<p>{p}</p>" for p in STORM.splitlines()[1:])
    page = tmp_path / "template.html"
    page.write_text(f"<html><head><title>Storm news</title></head><body><template><h1>Template "
                    f"headline text here</h1></template><article>{body}</article></body></html>",
                    encoding="utf-8")
    doc = load_document(page)
    assert doc.title == "Storm news" and doc.text.startswith("Paragraph 1:")


def test_legacy_encoded_page_with_emoji_entities(tmp_path):
    """A windows-1252 page without a charset and with emoji entities reads correctly."""
    body = "".join(f"<p>Le café coûte {n} € à Zürich, dit-elle 😀 — c’est cher.</p>" for n in range(8))
    html = f"<html><head><title>Café</title></head><body><article>{body}</article></body></html>"
    page = tmp_path / "cafe.htm"
    page.write_bytes(html.replace("😀", "&#128512;").encode("cp1252"))
    doc = load_document(page)
    assert "Le café coûte 3 € à Zürich, dit-elle 😀 — c’est cher." in doc.text
    assert doc.encoding == "Windows-1252"


def test_page_text_is_taken_literally(tmp_path):
    """Escaped markup stays as written ("&lt;p&gt;" shows as "<p>", not lost); list items
    and table cells are paragraphs without added Markdown marks."""
    prose = "".join(f"<p>An article about HTML, part {n}: write &lt;p&gt; and &amp;gt; in a "
                    "page and the browser shows them as text, said the editor.</p>" for n in range(5))
    page = tmp_path / "html.html"
    page.write_text(f"<html><body><article>{prose}<ul><li>First point</li><li>Second point</li>"
                    "</ul><table><tr><td>Cell one</td><td>Cell two</td></tr></table>"
                    "</article></body></html>", encoding="utf-8")
    text = load_document(page).text
    assert "write <p> and &gt; in a page" in text
    assert "\n\nFirst point\n\nSecond point\n\nCell one\n\nCell two" in text
    assert "- First" not in text and "|" not in text


def test_docx_heading_stays_a_paragraph(tmp_path):
    """The heading of a Word file is the first paragraph; paragraphs are blank-line separated."""
    path = tmp_path / "story.docx"
    path.write_bytes(docx_bytes("Headline here\n\nFirst paragraph.\nSecond paragraph."))
    doc = load_document(path)
    assert doc.text == "Headline here\n\nFirst paragraph.\n\nSecond paragraph."
    assert (doc.format, doc.title) == ("docx", "Headline here")


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_docx_tracked_changes_give_the_current_text(tmp_path):
    """Tracked insertions (also moved text) are read, tracked deletions and text moved
    away are not, and a deleted table row is gone."""
    mark = 'w:id="{}" w:author="Ed" w:date="2024-11-19T10:00:00Z"'
    path = tmp_path / "tracked.docx"
    path.write_bytes(docx_from_body(
        f"<w:p>{run('The storm hit the town ')}<w:ins {mark.format(1)}>{run('at dawn')}</w:ins>"
        f"<w:del {mark.format(2)}><w:r><w:delText>last night</w:delText></w:r></w:del>"
        f"{run(' and the river rose.')}</w:p>"
        f"<w:p><w:moveFrom {mark.format(3)}>{run('Moved away.')}</w:moveFrom>"
        f"{run('Officials spoke.')}<w:moveTo {mark.format(4)}>{run(' Moved here.')}</w:moveTo></w:p>"
        f"<w:tbl><w:tr>{''.join(f'<w:tc><w:p>{run(c)}</w:p></w:tc>' for c in ('Kept', 'row'))}</w:tr>"
        f"<w:tr><w:trPr><w:del {mark.format(5)}/></w:trPr><w:tc><w:p><w:del {mark.format(6)}>"
        f"<w:r><w:delText>Deleted row</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>"))
    assert load_document(path).text == ("The storm hit the town at dawn and the river rose.\n\n"
                                        "Officials spoke. Moved here.\n\nKept\n\nrow")


def test_docx_content_controls_are_read(tmp_path):
    """Text in content controls is read: a block of paragraphs, a table, a cell, and a
    control inside a sentence; a merged cell is read once."""
    def sdt(content):
        return f'<w:sdt><w:sdtPr><w:alias w:val="Field"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'

    def cell(text, merge=""):
        return f"<w:tc><w:tcPr>{merge}</w:tcPr><w:p>{run(text)}</w:p></w:tc>"

    merged = cell("Merged", '<w:vMerge w:val="restart"/>') + sdt(cell("In a control"))
    path = tmp_path / "controls.docx"
    path.write_bytes(docx_from_body(
        f"<w:p>{run('The storm hit the town.')}</w:p>"
        + sdt(f"<w:p>{run('Officials said in a statement')}</w:p><w:p>{run('that help came.')}</w:p>")
        + f"<w:p>{run('Inline control: ')}{sdt(run('the mayor of the town'))}{run(' spoke.')}</w:p>"
        + sdt(f"<w:tbl><w:tr>{merged}</w:tr>"
              f"<w:tr>{cell('', '<w:vMerge/>')}{cell('Last cell')}</w:tr></w:tbl>")))
    assert load_document(path).text == (
        "The storm hit the town.\n\nOfficials said in a statement\n\nthat help came.\n\n"
        "Inline control: the mayor of the town spoke.\n\nMerged\n\nIn a control\n\nLast cell")


LINES = [
    "A well-", "known problem of infor-", "mation\tretrieval  systems is that the COVID-",
    "19 wave and the self-", "driving car re-", "election story shows a dash –", "and a soft\u00ad",
    "hyphen.", "", "A second paragraph starts after a blank line and ends here.", "", "7",
]


def test_pdf_line_breaks_and_hyphens(tmp_path):
    """Line-break hyphens are undone only where the word was split; spacing is normalised;
    a blank line starts a paragraph; a page number is dropped."""
    path = tmp_path / "hyphens.pdf"
    path.write_bytes(make_pdf(LINES, title="Hyphens"))
    doc = load_document(path)
    assert doc.text == ("A well-known problem of information retrieval systems is that the COVID-19 "
                        "wave and the self-driving car re-election story shows a dash – and a soft"
                        "hyphen.\n\nA second paragraph starts after a blank line and ends here.")
    assert (doc.title, doc.detail) == ("Hyphens", "1 page")


@pytest.mark.parametrize("gap_at", ["page end", "page top"])
def test_pdf_paragraph_ending_at_a_page_break(tmp_path, gap_at):
    """A blank line at the foot or the head of a page still separates two paragraphs."""
    from tests.pdfmaker import LINES_PER_PAGE

    first = [f"first paragraph line {n} goes on and on without stopping here" for n in
             range(LINES_PER_PAGE - (1 if gap_at == "page end" else 0))]
    second = [f"second paragraph line {n} goes on and on without stopping here" for n in
              range(2 * LINES_PER_PAGE)]
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf(first + [""] + second))
    paragraphs = load_document(path).text.split("\n\n")
    assert [p.split()[0] for p in paragraphs] == ["first", "second"]
    assert paragraphs[1].count("second paragraph line") == 2 * LINES_PER_PAGE


def test_pdf_heading_over_two_lines_is_one_paragraph(tmp_path):
    """A heading in bigger type wrapped over two lines is one paragraph, apart from the body."""
    path = tmp_path / "heading.pdf"
    path.write_bytes(make_pdf([("A long headline that the", 18), ("layout wrapped", 18),
                               "Body text starts here and", "goes on to a second line."]))
    assert load_document(path).text == ("A long headline that the layout wrapped\n\n"
                                        "Body text starts here and goes on to a second line.")


def test_pdf_running_heads_and_feet_are_dropped(tmp_path):
    """A header and a footer repeated on every page are not part of the text."""
    from tests.pdfmaker import LINES_PER_PAGE

    body = wrap_paragraphs(SEED_OLD)
    per_page = LINES_PER_PAGE - 2
    lines = []
    for n, k in enumerate(range(0, len(body), per_page), 1):
        chunk = body[k:k + per_page]
        lines += [f"DAILY EXAMPLE · 19 November 2024 · page {n}"] + chunk + \
            [""] * (per_page - len(chunk)) + [f"© Daily Example {n}"]
    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf(lines))
    doc = load_document(path)
    assert "DAILY EXAMPLE" not in doc.text and "©" not in doc.text
    assert doc.text == SEED_OLD.strip()


def test_pdf_ligatures_become_letters():
    """Typeset ligature glyphs (ﬁ, ﬂ, ﬀ) read as the letters a text file has."""
    lines = [[Line("The ﬁrst ﬂoor of the oﬃce", 700.0, 50.0, 10.0), Line("was aﬀected.", 688.0, 50.0, 10.0)]]
    assert rebuild_paragraphs(lines) == ["The first floor of the office was affected."]


@pytest.mark.parametrize("before,after,joined", [
    ("the infor-", "mation", "the information"),
    ("a well-", "known", "a well-known"),
    ("Kowal-", "czyk", "Kowalczyk"),
    ("東京は", "晴れです", "東京は晴れです"),
    ("word -", "next", "word - next"),
    ("ends.", "Next", "ends. Next"),
])
def test_join_lines(before, after, joined):
    """Joining two lines of a paragraph: hyphenation, CJK without a space, dashes kept."""
    assert join_lines(before, after) == joined


def test_pdf_of_the_seed_reads_back_exactly(tmp_path):
    """The seed as a 4-page PDF reads back as the same text: paragraphs crossing a page
    break stay whole."""
    lines = wrap_paragraphs(SEED_OLD)
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(lines))
    doc = load_document(path)
    assert doc.text == SEED_OLD.strip()
    assert doc.detail.endswith("pages")


def truncated_docx():
    return docx_bytes(SEED_OLD)[:3000]


def broken_docx_part():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><unclosed")
    return out.getvalue()


@pytest.mark.parametrize("name,make,reason", [
    ("cut.docx", truncated_docx, "damaged or truncated"),
    ("parts.docx", broken_docx_part, "Word document"),
    ("old.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old-style Word"),
    ("locked.pdf", lambda: make_pdf(["secret text"], encrypt="pw"), "password-protected"),
    ("scan.pdf", lambda: make_pdf([]), "no text"),
    ("cut.pdf", lambda: make_pdf(wrap_paragraphs(SEED_OLD))[:700], "not a readable PDF"),
    ("menu.html", lambda: b"<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav>"
                          b"<script>var a = 1;</script></body></html>", "no article text"),
])
def test_bad_input_names_the_file_and_the_reason(tmp_path, name, make, reason):
    """Damaged, locked, image-only and article-less files raise LoadError naming file and reason."""
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(LoadError) as info:
        load_document(path)
    assert reason in info.value.reason and name in str(info.value)


def test_owner_locked_pdf_opens(tmp_path):
    """A PDF encrypted with an empty user password (copy-protected only) opens."""
    path = tmp_path / "protected.pdf"
    path.write_bytes(make_pdf(["Copy protected but readable text."], encrypt=""))
    assert load_document(path).text == "Copy protected but readable text."


@pytest.mark.parametrize("name,data,fmt", [
    ("looks.txt", b"%PDF-1.4 ...", "pdf"),
    ("junk-first.pdf", b"\r\n\x00junk %PDF-1.4 ...", "pdf"),
    ("junk-first", b"\r\n\x00junk %PDF-1.4 ...", "pdf"),
    ("pdfnote.txt", b"How PDF files begin: with a header such as %PDF-1.7", "text"),
    ("pdfnote.md", b"# PDF\n\nThe header `%PDF-1.7` comes first.", "text"),
    ("pdfnote.html", b"<html><p>A PDF starts with %PDF-1.7</p></html>", "html"),
    ("page.txt", b"<!DOCTYPE html><html><p>x</p></html>", "text"),
    ("page", b"<!DOCTYPE html><html><p>x</p></html>", "html"),
    ("notes.md", b"# Title\n\nText", "text"),
    ("report.docx", b"not a zip", "docx"),
])
def test_format_is_sniffed_from_content_then_extension(name, data, fmt):
    """PDF magic wins over the name; a .txt with markup stays text; no extension: content;
    a text or web page that only mentions "%PDF-" is not a PDF."""
    assert sniff_format(data, name) == fmt


def test_text_files_load_as_before(tmp_path):
    """A plain-text file is still read as text with its encoding and line endings."""
    path = tmp_path / "a.txt"
    path.write_bytes("Ligne une\r\nligne deux 😀\r\n".encode("utf-8"))
    doc = load_document(path)
    assert (doc.format, doc.encoding, doc.newline, doc.title) == ("text", "UTF-8", "CRLF", "")
    assert doc.text == "Ligne une\nligne deux 😀\n"


def test_clipboard_whole_page_goes_through_the_extractor():
    """A whole page copied as HTML gives the article; a fragment gives the plain text."""
    page = document_from_clipboard("everything incl. menus", news_page(SEED_OLD), "Clipboard 14:02")
    assert page.format == "html" and page.text.startswith("Biden has pivoted")
    assert COOKIE[:30] not in page.text and page.path is None
    fragment = document_from_clipboard("Just the words.\r\n",
                                       "<html><body><!--StartFragment--><b>Just</b> the words."
                                       "<!--EndFragment--></body></html>", "Clipboard 14:03")
    assert (fragment.format, fragment.text, fragment.name) == ("clipboard", "Just the words.\n",
                                                               "Clipboard 14:03")
    import hashlib
    assert fragment.sha256 == hashlib.sha256(b"Just the words.\n").hexdigest()


def test_empty_clipboard_is_an_error():
    """Pasting nothing is refused with a reason."""
    with pytest.raises(LoadError, match="no text"):
        document_from_clipboard("  \n", "")


def test_text_mentioning_the_pdf_header_loads_as_text(tmp_path):
    """A .txt about PDF files that quotes "%PDF-1.7" in its first KB is read as text."""
    path = tmp_path / "pdfnote.txt"
    path.write_text("How PDF files begin\n\nEvery PDF starts with a header such as %PDF-1.7.\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "text" and "%PDF-1.7" in doc.text


def test_pdf_warnings_do_not_reach_stderr(tmp_path):
    """pypdf's repair warnings on a sloppy PDF go to logging, not to the user's terminal."""
    import subprocess
    import sys

    path = tmp_path / "sloppy.pdf"
    path.write_bytes(b"junk\n" + make_pdf(["Text after some junk bytes."]))  # offsets off by 5
    run = subprocess.run([sys.executable, "-c", "import sys; from unspin.core.documents import "
                          "load_document; print(load_document(sys.argv[1]).text)", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "Text after some junk bytes.\n" and run.stderr == ""


def test_pdf_with_a_broken_font_map_gives_valid_unicode(tmp_path):
    """A font map giving a lone surrogate reads as U+FFFD, a pair split in two as its
    character; the text can be written as UTF-8."""
    path = tmp_path / "surrogate.pdf"
    path.write_bytes(make_pdf(["The storm ~ hit the town and ^ the river rose."],
                              to_unicode={"~": "D835", "^": "D835DC00"}))
    doc = load_document(path)
    assert doc.text == "The storm \ufffd hit the town and \U0001d400 the river rose."
    doc.text.encode("utf-8")


@pytest.mark.parametrize("text,clean", [
    ("plain é 😀", "plain é 😀"),
    ("lone \ud835 high", "lone \ufffd high"),
    ("lone \udc00 low", "lone \ufffd low"),
    ("split \ud835\udc00 pair", "split \U0001d400 pair"),
    ("reversed \udc00\ud835", "reversed \ufffd\ufffd"),
])
def test_valid_unicode(text, clean):
    """Surrogate code points become the character a pair stands for, or U+FFFD."""
    assert valid_unicode(text) == clean


def test_document_from_text_with_a_lone_surrogate():
    """Pasted text holding a lone surrogate becomes a document with a digest, not an error."""
    doc = Document.from_text("pasted \udc80 text")
    assert doc.text == "pasted \ufffd text" and len(doc.sha256) == 64


def _docx_with_part(tmp_path, name: str, content: bytes):
    """A valid .docx with one more part, *content* under *name*."""
    import docx

    document = docx.Document()
    document.add_paragraph("The council met on Tuesday.")
    packed = io.BytesIO()
    document.save(packed)
    source = zipfile.ZipFile(io.BytesIO(packed.getvalue()))
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            archive.writestr(member, source.read(member))
        archive.writestr(name, content)
    return path


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    """A small .docx whose part unpacks to a thousand times its size, or whose parts unpack
    beyond --max-size, is refused by the archive's directory, with the reason."""
    bomb = _docx_with_part(tmp_path, "word/media/filler.xml", b"\0" * (40 << 20))
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(LoadError, match="zip bomb"):
        load_document(bomb)
    with pytest.raises(LoadError, match="more than the limit of 8 MB"):
        load_document(bomb, max_bytes=8 << 20)


def test_a_word_document_keeps_the_text_after_an_entity():
    """A .docx whose XML uses an entity its own DTD declares ("&co;") keeps the entity's text
    and everything after it (the text used to stop at the entity)."""
    import io
    import zipfile

    from tests.pagemaker import docx_bytes
    from unspin.core.formats.word import extract_docx

    data = docx_bytes("First paragraph here.\nSecond paragraph here.", heading_first=False)
    members = {n: zipfile.ZipFile(io.BytesIO(data)).read(n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist()}
    xml = members["word/document.xml"].decode("utf-8").split("?>", 1)[1]
    xml = xml.replace("First paragraph here.", "Made by &co; in 2020, and more.")
    members["word/document.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                    '<!DOCTYPE w:document [<!ENTITY co "Company Ltd">]>' + xml).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    text = extract_docx(out.getvalue(), "entity.docx").text
    assert "Made by Company Ltd in 2020, and more." in text
    assert "Second paragraph here." in text
