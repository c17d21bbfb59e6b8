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
#: What a reader never sees as the page's text: its <h1>s are not the headline.
_UNSEEN = "//script|//style|//template|//noscript|//comment()|//*[@hidden]"
#: Parts of a page around the article: an <h1> there is the site's name, not the headline.
_CHROME = ("nav", "footer", "aside")


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
    page = _Page(markup)
    title = _words(found.title or "")
    if not title or title in page.rejected:  # trafilatura took a hidden or banner <h1>
        title = page.title
    headline = page.headline([title, page.title, page.og_title], found.sitename)
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


class _Page:
    """The page as a reader sees it (lxml tree without scripts, styles, templates,
    comments or hidden parts): its <title>, og:title and site name, and its <h1>s."""

    def __init__(self, markup: str):
        import lxml.html
        from lxml import etree

        self.title = self.og_title = ""
        self.site_names: set[str] = set()
        self.headings: list[str] = []  # <h1>s in the article part of the page
        self.rejected: set[str] = set()  # <h1>s in scripts, templates, banners ...
        try:
            tree = lxml.html.document_fromstring(markup)
        except (etree.LxmlError, ValueError):  # "Document is empty" and the like
            return
        every = {_words(h.text_content()) for h in tree.iter("h1")}
        for node in tree.xpath(_UNSEEN):
            if node.getparent() is not None:
                node.drop_tree()
        self.title = _words(tree.findtext(".//title") or "")
        self.og_title = _meta(tree, "og:title")
        self.site_names = {name.casefold() for name in (_meta(tree, "og:site_name"),
                                                        _meta(tree, "application-name")) if name}
        for h1 in tree.iter("h1"):
            if not _in_page_chrome(h1):
                self.headings.append(_words(h1.text_content()))
        self.rejected = every - set(self.headings)

    def headline(self, titles, site_name: str | None) -> str:
        """The <h1> that matches a title best (the first of equals); none that does not."""
        names = self.site_names | {site_name.casefold()} if site_name else self.site_names
        titles = {t.casefold() for t in titles if t}
        best, best_rank = "", 0
        for heading in self.headings:
            if heading and heading.casefold() not in names:
                rank = max((_title_match(heading.casefold(), t) for t in titles), default=0)
                if rank > best_rank:
                    best, best_rank = heading, rank
        return best


def _title_match(heading: str, title: str) -> int:
    """2: the heading is the title; 1: one holds the other, the heading the larger part
    (a title is often the headline and the site's name); 0: no match."""
    if heading == title:
        return 2
    if title in heading or (heading in title and len(heading) > len(title) - len(heading)):
        return 1
    return 0


def _in_page_chrome(element) -> bool:
    """True for an element in the navigation, a sidebar or footer, the page's own header
    (not an article's), or a link to the site's home page: the site's name is there."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _CHROME:
            return True
        if ancestor.tag == "header" and next(ancestor.iterancestors("article", "main"), None) is None:
            return True
    return any(_is_home(link) for link in element.xpath(".//a/@href | ancestor::a/@href"))


def _is_home(link: str) -> bool:
    """True for a link to the site's home page ("/", "https://example.com/")."""
    from urllib.parse import urlsplit

    parts = urlsplit(link.strip())
    if parts.query:
        return False
    return (bool(parts.netloc) and parts.path in ("", "/")) or \
        parts.path in ("/", "./", "/index.html", "index.html")


def _meta(tree, name: str) -> str:
    for node in tree.xpath("//meta[@property=$n or @name=$n]", n=name):
        return _words(node.get("content") or "")
    return ""


def _words(text: str) -> str:
    return " ".join(text.split())
