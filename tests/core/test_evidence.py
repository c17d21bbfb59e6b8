"""The HTML evidence report: provenance, every swap, both texts aligned, safe to open."""

import re
from datetime import datetime, timezone
from html import escape, unescape

from unspin.core.compare import compare
from unspin.core.documents import Document
from unspin.core.evidence import to_html

WHEN = datetime(2026, 11, 22, 14, 2, tzinfo=timezone.utc)


def test_seed_report_holds_digests_and_every_swap(seed_comparison):
    """Both SHA-256 digests, sizes, the verdict and one table row per distinct swap."""
    c = seed_comparison
    html = to_html(c, generated=WHEN)
    assert c.old.sha256 in html and c.new.sha256 in html
    assert f"{c.old.size_bytes:,} bytes" in html and f"{c.new.size_bytes:,} bytes" in html
    assert escape(c.verdict, quote=False) in html and "2026-11-22 14:02:00 UTC" in html
    table = html.split("<h2>Swaps", 1)[1].split("<h2>", 1)[0]
    rows = re.findall(r'<tr><td class="num">(\d+)</td><td><span class="\w+">(.*?)</span></td>'
                      r'<td><span class="\w+">(.*?)</span></td><td>\w+</td><td class="num">(\d+)</td>',
                      table)
    assert [(unescape(o), unescape(n), int(k)) for _, o, n, k in rows] == \
        [(s.old, s.new, s.count) for s in c.swaps]
    assert rows[0][1:3] == ("the", "nan")


def test_texts_side_by_side_one_row_per_block(seed_comparison):
    """The texts section has a row per alignment block and the window's highlight classes."""
    c = seed_comparison
    html = to_html(c, generated=WHEN)
    texts = html.split("paragraph by paragraph</h2>", 1)[1]
    assert texts.count('<tr><td class="text"') == len(c.alignment)
    assert texts.count('class="suspicious"') >= c.stats.suspicious_swaps
    plain = unescape(re.sub(r"<[^>]+>", "", texts.replace("<br>", "\n")))
    for paragraph in c.old.text.split("\n\n")[:5] + c.new.text.split("\n")[:5]:
        assert paragraph.strip() in plain


def test_report_escapes_text_and_loads_nothing():
    """Markup in a text is shown, never run; the page has no script and no external resource."""
    old = Document.from_text("Click <script>alert('x')</script> & see <b>this</b> now.", "a <b>.txt")
    new = Document.from_text("Click <script>alert('y')</script> & view <b>this</b> now.", "b.txt")
    html = to_html(compare(old, new), generated=WHEN)
    assert "<script" not in html.lower() and "<b>.txt" not in html
    assert "&lt;script&gt;alert(" in html and "a &lt;b&gt;.txt" in html
    assert not re.search(r'(src|href)=["\']?(https?:|//)', html) and "@import" not in html


def test_pasted_text_is_described_as_pasted():
    """A pasted document has no location; its digest is of the UTF-8 text."""
    c = compare(Document.from_text("one two three", "Clipboard 14:02"), "one 2 three")
    html = to_html(c, generated=WHEN)
    assert "(pasted, no file)" in html and c.old.sha256 in html
