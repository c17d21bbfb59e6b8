"""Saved web pages: the article's main text and title, without navigation, ads or comments.

trafilatura parses the page with lxml and keeps the main content; nothing in the page is
executed and nothing is fetched (it is given the page's text, never a URL).
"""

from __future__ import annotations

import os
import re

from unspin.core.documents import LoadError, decode_bytes
from unspin.core.formats import Extracted, join_paragraphs

# lxml refuses a str that still declares an encoding; the bytes are already decoded.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
#: Fewer words than this is a menu or a stub, not an article worth comparing.
MIN_ARTICLE_WORDS = 12
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def extract_html(data: bytes, path: str | os.PathLike) -> Extracted:
    """The main text of a saved web page; ``LoadError`` when no article can be found."""
    text, encoding = decode_bytes(data, path)
    return Extracted(*article_from_markup(text, path), encoding=encoding)


def article_from_markup(markup: str, path: str | os.PathLike = "<clipboard>") -> tuple[str, str]:
    """(text, title) of the article in an HTML page given as text."""
    import trafilatura

    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        raise LoadError(path, "is an empty web page")
    try:
        found = trafilatura.bare_extraction(markup, include_comments=False, include_tables=True,
                                            include_images=False, include_links=False,
                                            with_metadata=True)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise LoadError(path, f"is a web page that could not be read ({type(exc).__name__}: "
                              f"{exc})") from exc
    text = join_paragraphs(_paragraphs(found.body)) if found is not None and found.body is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:  # the extractor's fallback keeps menu links
        found_words = f" (found only: “{text[:60]}”)" if text else ""
        raise LoadError(path, "is a web page with no article text in it: only navigation, "
                              f"scripts or too little prose to recognise an article{found_words}")
    title = (found.title or "").strip() or _page_title(markup)
    headline = _headline(markup, title)
    if headline and not text.startswith(headline):
        text = f"{headline}\n\n{text}"  # the extractor leaves the headline out of the body
    return text, title or headline


#: Elements of trafilatura's output tree that hold a paragraph's text.
_BLOCKS = ("head", "p", "item", "cell", "quote", "code", "list", "row", "table")


def _paragraphs(body):
    """Paragraph texts of the extracted tree, read from the tree itself: the extractor's
    own text output unescapes entities a second time ("&amp;gt;" would become ">") and
    adds Markdown list and table marks that are not in the article."""
    for line_break in body.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    for element in body.iter(*_BLOCKS):
        if next(element.iterdescendants(*_BLOCKS), None) is None:
            yield from "".join(element.itertext()).split("\n")


def _headline(markup: str, title: str) -> str:
    """The article's <h1>: the one matching the title, else the first of a few words."""
    from html import unescape

    found = [" ".join(unescape(_TAGS.sub(" ", h)).split()) for h in _H1.findall(markup)]
    found = [h for h in found if h]
    for h in found:
        if title and (h in title or title in h):
            return h
    return next((h for h in found if len(h.split()) >= 3), "")


def _page_title(markup: str) -> str:
    from html import unescape

    m = _TITLE.search(markup)
    return " ".join(unescape(m.group(1)).split()) if m else ""
