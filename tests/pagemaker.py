"""Fixtures tests build themselves: a saved news page around an article, a Word file."""

from __future__ import annotations

import html
import io

NAV = ["Home", "World", "Business", "Sport", "Opinion", "Video", "Newsletters", "Subscribe"]
COOKIE = ("We use cookies to personalise content and ads, to provide social media features "
          "and to analyse our traffic. Accept all cookies or manage your preferences.")
COMMENTS = [("reader42", "Totally agree with this, great reporting as always from the team."),
            ("skeptic", "This is fake news and everybody knows it, unsubscribe me now please."),
            ("anna_k", "Does anybody have the link to the full transcript of the briefing?")]


#: Headlines a reader never sees as the article's: in a script, a comment, a template, a
#: hidden element, and the site's name as the banner.
DECOY_HEADLINES = ["Injected script headline text", "Commented out headline here",
                   "Template headline text here", "Hidden headline text here", "Daily Example"]


def news_page(text: str, title: str = "Seed story", decoys: bool = False, og_title: str = "") -> str:
    """A saved web page: navigation, cookie banner, the article, related links, comments,
    scripts and a footer; *text*'s paragraphs (one per line, blank lines between or not) are
    the article. *decoys* adds the DECOY_HEADLINES as <h1>s outside the article; *og_title*
    is the title the page gives for sharing (often the headline and the site's name)."""
    paragraphs = [p for p in text.splitlines() if p.strip()]
    script, comment, template, hidden, banner = (f"<h1>{h}</h1>" for h in DECOY_HEADLINES) \
        if decoys else [""] * 5
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    comments = "".join(f'<div class="comment"><span class="author">{a}</span><p>{html.escape(c)}</p></div>'
                       for a, c in COMMENTS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Daily Example</title>
{f'<meta property="og:title" content="{html.escape(og_title)}">' if og_title else ""}
<script src="https://tracker.example.com/t.js"></script>
<script>document.write('<p>INJECTED BY SCRIPT</p>'); fetch('https://example.com/beacon');</script>
<script>var headline = "{script}";</script>
<link rel="stylesheet" href="https://cdn.example.com/site.css"></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Accept all</button></div>
<!-- {comment} --><template>{template}</template>{hidden.replace("<h1>", "<h1 hidden>")}
<header><a href="/">{banner}</a><nav class="main-nav"><ul>{nav}</ul></nav></header>
<main><article>
<h1>{html.escape(paragraphs[0])}</h1>
<div class="byline">By Staff Reporter · 19 November 2024</div>
<div class="article-body">
{body}
</div></article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Markets rally on rate hopes</a></li>
<li><a href="/b">Ten gadgets you need this winter</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments (3)</h2>{comments}</section>
</main>
<footer><p>© 2024 Daily Example. All rights reserved. Privacy policy · Terms of use</p></footer>
<img src="https://example.com/pixel.gif" width="1" height="1">
</body></html>"""


def docx_bytes(text: str, heading_first: bool = True) -> bytes:
    """A Word document of *text*'s paragraphs; the first one as a Heading 1."""
    import docx

    document = docx.Document()
    paragraphs = [p for p in text.splitlines() if p.strip()]
    for k, p in enumerate(paragraphs):
        if k == 0 and heading_first:
            document.add_heading(p, level=1)
        else:
            document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_from_body(body_xml: str) -> bytes:
    """A Word document whose body is *body_xml* (WordprocessingML, the "w:" prefix bound):
    tracked changes, content controls, merged cells, as Word writes them."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    for child in parse_xml(f"<w:body {nsdecls('w')}>{body_xml}</w:body>"):
        body.insert(len(body) - 1, child)  # before the section properties, which end the body
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
