"""The evidence report: one self-contained HTML page a lawyer, an editor or a hosting
provider can read, print or attach (inline CSS, no JavaScript, nothing fetched).

It holds where the texts came from (names, sizes, SHA-256 of the bytes read), the
verdict and statistics, every swap with its score and reasons, and both texts side by
side, paragraph-aligned, highlighted as in the window. ``for_qt=True`` gives the variant
Qt's rich-text engine lays out for PDF and printing (no tooltips, no @page rules).
"""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from itertools import chain

from unspin import __version__
from unspin.core.compare import Comparison
from unspin.core.documents import Document
from unspin.core.formats import FORMAT_LABELS
from unspin.core.highlights import MINOR_KINDS, TAG_NAMES, build_highlights
from unspin.core.scoring import SUSPICIOUS

#: Light-palette colours of the window's highlights (gui/highlighting.py COLOURS).
TAG_COLOURS = {"changed": "#e4dcff", "deleted": "#ffc9c9", "inserted": "#c6efc6",
               "swap": "#ffe98a", "suspicious": "#ffa47a", "minor": "#e3e3e3",
               "restored": "#9ee0ec"}  # the window's unspun view (no report section uses it yet)
LEGEND = (("suspicious", "suspicious swap"), ("swap", "other swap"),
          ("minor", "case / punctuation"), ("changed", "reworded"),
          ("deleted", "deleted (original only)"), ("inserted", "inserted (copy only)"))
BLOCK_NOTES = {"inserted": "only in the copy", "deleted": "only in the original"}

_CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eeeeee; } th.side { background: #d8d8d8; font-size: 110%; }
.meta { color: #444; } .digest { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
.num { text-align: right; } .verdict { font-size: 12pt; font-weight: bold; }
.texts td { width: 50%; } .note { color: #666; font-style: italic; }
td.text { font-family: "DejaVu Serif", Georgia, serif; }
.deleted { text-decoration: line-through; } .suspicious { font-weight: bold; }
""" + "".join(f".{tag} {{ background: {colour}; }}\n" for tag, colour in TAG_COLOURS.items())
_QT_CSS = """
body { font-size: 8pt; } h1 { font-size: 14pt; } h2 { font-size: 11pt; } .verdict { font-size: 10pt; }
"""
_BROWSER_CSS = """
body { font-size: 10pt; max-width: 60em; margin: 1em auto; }
td.text { white-space: pre-wrap; }  /* the texts' own spacing is evidence too */
h1 { font-size: 17pt; margin-bottom: 2pt; } h2 { font-size: 13pt; margin-top: 14pt; }
@page { size: A4; margin: 14mm; }
thead { display: table-header-group; }
tr { page-break-inside: auto; }
@media print { body { font-size: 9pt; } a { color: inherit; } }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
"""


def to_html(c: Comparison, *, generated: datetime | None = None, for_qt: bool = False) -> str:
    """The evidence report of a completed comparison as one HTML document."""
    generated = generated or datetime.now(timezone.utc)
    title = f"Unspin evidence report: {c.old.name} and {c.new.name}"
    css = _CSS + (_QT_CSS if for_qt else _BROWSER_CSS)
    parts = [f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
             f'<meta name="generator" content="unspin {__version__}">'
             f"<title>{escape(title)}</title><style>{css}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f'<p class="meta">Generated {generated.strftime("%Y-%m-%d %H:%M:%S %Z")} by Unspin '
             f"{__version__}. Language of the word statistics: {escape(c.language or '?')}.</p>",
             _sources(c), _verdict(c), _swap_table(c), _texts(c, for_qt), "</body></html>\n"]
    return "\n".join(parts)


def _sources(c: Comparison) -> str:
    rows = []
    for side, doc, words in (("Original", c.old, c.stats.old_words), ("Copy", c.new, c.stats.new_words)):
        rows.append(f'<tr><th colspan="2" class="side">{side}</th></tr>')
        rows += [f'<tr><th width="16%">{key}</th><td width="84%"{css}>{value}</td></tr>'
                 for key, value, css in _source(doc, words)]
    return ('<h2>Sources</h2><table width="100%" cellspacing="0" cellpadding="3" border="1">'
            + "".join(rows) + "</table>"
            '<p class="note">SHA-256 is of the bytes read from the file (of the UTF-8 text for '
            "pasted text). The texts below are as Unspin extracted them, line endings as LF.</p>")


def _source(doc: Document, words: int) -> list[tuple[str, str, str]]:
    """(label, HTML value, cell attributes) rows describing one document."""
    what = FORMAT_LABELS.get(doc.format, doc.format)
    read_as = ", ".join(x for x in (what, doc.encoding if doc.encoding != what else "",
                                    doc.detail) if x)
    return [("File", f"<b>{escape(doc.name)}</b>", ""),
            ("Location", escape(doc.path or "(pasted, no file)"), ""),
            ("Title", escape(doc.title) or "–", ""),
            ("Read as", escape(read_as), ""),
            ("Size", f"{doc.size_bytes:,} bytes", ""),
            ("Words", f"{words:,}", ""),
            ("SHA-256", doc.sha256, ' class="digest"')]


def _verdict(c: Comparison) -> str:
    s = c.stats
    swapped = ("<p><b>The original reads as the spun text:</b> read the other way round, the "
               "changes are spinner swaps.</p>") if c.sides_look_swapped else ""
    m = c.measures
    cells = [("Classification", escape(c.classification)),
             ("Spin score", f"{c.spin_score:.2f} (0 to 1)"),
             ("Original's words kept in order (coverage)", f"{100 * m.coverage:.1f}%"),
             ("Copy's words from the original", f"{100 * m.copy_coverage:.1f}%"),
             ("Longest verbatim run", f"{m.longest_run:,} words"),
             ("One-for-one swaps in unchanged sentences",
              f"{m.one_for_one:,} ({100 * m.swap_rate:.1f} per 100 words)"),
             ("Of those, dictionary synonyms", f"{100 * m.synonym_share:.0f}%"),
             ("Name words changed", f"{m.names_changed:,}"),
             ("Phrase fingerprints", f"{m.fingerprints:,}"),
             ("Common word pairs broken", f"{m.broken_pairs:,}"),
             ("Words (original / copy)", f"{s.old_words:,} / {s.new_words:,}"),
             ("Unchanged", f"{s.unchanged:,} ({s.pct_unchanged:.1f}%)"),
             ("Substituted", f"{s.substituted_old:,} ({s.pct_substituted:.1f}%)"),
             ("Deleted", f"{s.deleted:,} ({s.pct_deleted:.1f}%)"),
             ("Inserted", f"{s.inserted:,} ({s.pct_inserted:.1f}% of the copy)"),
             ("Swaps", f"{s.swaps:,} ({s.distinct_swaps:,} distinct)"),
             ("Suspicious swaps", f"{s.suspicious_swaps:,} ({s.distinct_suspicious:,} distinct)")]
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in cells)
    return (f'<h2>Verdict</h2><p class="verdict">{escape(c.verdict)}</p>{swapped}'
            f'<table cellspacing="0" cellpadding="3" border="1" style="width: auto">{rows}</table>')


def _swap_table(c: Comparison) -> str:
    review = c.review
    head = ('<thead><tr><th width="6%">#</th><th width="16%">Original</th><th width="16%">Copy</th>'
            '<th width="10%">Kind</th><th width="7%">Count</th><th width="7%">Score</th>'
            + ('<th width="13%">Review</th><th width="25%">Reasons</th>' if review else
               '<th width="38%">Reasons</th>') + '</tr></thead>')
    if c.classification == "not-a-copy":
        return ("<h2>Swaps</h2><p>None listed: the texts are not copies of each other, so the "
                "pairings of their words are chance, not evidence.</p>")
    rows = []
    for n, s in enumerate(c.swaps, 1):
        tag = _swap_tag(s)
        reasons = "; ".join(escape(r.text) for r in _telling(s.reasons))
        rows.append(f'<tr><td class="num">{n}</td><td><span class="{tag}">{escape(s.old)}</span></td>'
                    f'<td><span class="{tag}">{escape(s.new)}</span></td><td>{s.kind}</td>'
                    f'<td class="num">{s.count}</td><td class="num">{s.score:.2f}</td>'
                    + (_review_cell(review, s) if review else "") + f"<td>{reasons}</td></tr>")
    if c.confirmed_only:
        return (f"<h2>Swaps confirmed by the reviewer ({len(c.swaps):,} of "
                f"{c.stats.distinct_swaps:,} distinct)</h2>{_reviewer(review)}"
                f'<table cellspacing="0" cellpadding="3" border="1">{head}<tbody>'
                + "".join(rows) + "</tbody></table>")
    return (f"<h2>Swaps ({c.stats.distinct_swaps:,} distinct, most suspicious first)</h2>{_reviewer(review)}"
            f'<table cellspacing="0" cellpadding="3" border="1">{head}<tbody>'
            + "".join(rows) + "</tbody></table>")


def _review_cell(review, swap) -> str:
    note = review.note(swap)
    return f"<td>{escape(review.state(swap))}{'<br><i>' + escape(note) + '</i>' if note else ''}</td>"


def _reviewer(review) -> str:
    if review is None:
        return ""
    who = f" by {escape(review.reviewer)}" if review.reviewer else ""
    return (f"<p>Reviewed{who}: {review.count('confirmed')} swaps confirmed as evidence, "
            f"{review.count('dismissed')} dismissed, the others left open.</p>")


def _telling(reasons):
    """The reasons worth reading: "was replaced by a different word" only when alone."""
    return [r for r in reasons if r.code != "different_word"] or list(reasons)


def _swap_tag(swap) -> str:
    """The highlight class of a swap, as build_highlights grades it."""
    if swap.kind in MINOR_KINDS:
        return "minor"
    return "suspicious" if swap.score >= SUSPICIOUS else "swap"


def _texts(c: Comparison, for_qt: bool) -> str:
    """Both texts, one table row per aligned block of paragraphs, highlighted."""
    h = build_highlights(c, SUSPICIOUS)
    old_marks = _Marks(c.old.text, h.old_ops, h.old_swaps, c, left=True, tooltips=not for_qt)
    new_marks = _Marks(c.new.text, h.new_ops, h.new_swaps, c, left=False, tooltips=not for_qt)
    legend = " ".join(f'<span class="{tag}">&nbsp;{label}&nbsp;</span>' for tag, label in LEGEND)
    rows = []
    for b in c.alignment:
        note = BLOCK_NOTES.get(b.kind, "")
        old_cell = old_marks.render(b.old_start, b.old_end) or f'<span class="note">{note}</span>'
        new_cell = new_marks.render(b.new_start, b.new_end) or f'<span class="note">{note}</span>'
        rows.append(f'<tr><td class="text" width="50%">{old_cell}</td>'
                    f'<td class="text" width="50%">{new_cell}</td></tr>')
    return ("<h2>The two texts, paragraph by paragraph</h2>"
            f"<p>{legend}</p>"
            '<table class="texts" width="100%" cellspacing="0" cellpadding="4" border="1">'
            f"<thead><tr><th>Original: {escape(c.old.name)}</th><th>Copy: {escape(c.new.name)}</th>"
            "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


class _Marks:
    """Renders stretches of one text with its highlight ranges as spans."""

    def __init__(self, text: str, ops, swaps, c: Comparison, *, left: bool, tooltips: bool):
        self.text = text
        self.ranges = sorted(chain(ops.between(0, len(text)), swaps.between(0, len(text))))
        self.starts = [r[0] for r in self.ranges]
        self.swap_tags = {TAG_NAMES.index(t) for t in ("swap", "suspicious", "minor")}
        self.c, self.left, self.tooltips = c, left, tooltips

    def render(self, start: int, end: int) -> str:
        """HTML of ``text[start:end]`` without its trailing blank lines, highlighted."""
        from bisect import bisect_right

        text = self.text
        end = start + len(text[start:end].rstrip())
        out, pos = [], start
        k = max(0, bisect_right(self.starts, start) - 1)
        while k < len(self.ranges) and self.ranges[k][0] < end:
            a, b, tag, ref = self.ranges[k]
            k += 1
            a, b = max(a, pos), min(b, end)
            if b <= a:
                continue
            out.append(_plain(text[pos:a]))
            out.append(f'<span class="{TAG_NAMES[tag]}"{self._tooltip(tag, ref)}>'
                       f"{_plain(text[a:b])}</span>")
            pos = b
        out.append(_plain(text[pos:end]))
        return "".join(out)

    def _tooltip(self, tag: int, ref: int) -> str:
        if not self.tooltips or tag not in self.swap_tags:
            return ""
        s = self.c.swaps[ref]
        other = s.new if self.left else s.old
        return f' title="{escape(("→ " if self.left else "← ") + other)} · score {s.score:.2f}"'


def _plain(text: str) -> str:
    return escape(text, quote=False).replace("\n", "<br>")
