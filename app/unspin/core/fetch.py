"""Open a text by its URL, keeping where and when it was taken (provenance for evidence).

One GET with an honest user agent, a timeout, a size cap and at most ``MAX_REDIRECTS``
redirects; no sub-resource is fetched and no script runs (the page's bytes go through the
same extractors as a saved file). The document remembers the URL asked for, the final
URL, the HTTP status, the time of retrieval (UTC), Last-Modified and ETag, the content type
and the SHA-256 of the bytes received, and keeps those bytes as its snapshot.
"""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

from unspin import __version__
from unspin.core.documents import DEFAULT_MAX_BYTES, Document, LoadError, content_of, sha256_hex

MAX_REDIRECTS = 5
TIMEOUT_S = 20.0
USER_AGENT = f"Unspin/{__version__} (article comparison; one request, no scripts)"


def is_url(text: str) -> bool:
    """Whether *text* names a web page rather than a file."""
    return text.lower().startswith(("http://", "https://"))


def fetch_document(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = TIMEOUT_S) -> Document:
    """The text of the page at *url*, with its provenance; ``LoadError`` saying why not."""
    data, source = _get(url, max_bytes, timeout)
    name = _name_of(source["final_url"])
    text, encoding, newline, fmt, title, detail = content_of(data, url, max_bytes=max_bytes, sniff_name=name)
    return Document(text=text, name=name, path=None, encoding=encoding, newline=newline,
                    size_bytes=len(data), sha256=source["sha256"], format=fmt,
                    title=title, detail=detail, source=source, snapshot=data)


def _get(url: str, max_bytes: int, timeout: float) -> tuple[bytes, dict]:
    import socket
    import urllib.error
    import urllib.request  # here: a comparison of two files never pays for it

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

    opener = urllib.request.build_opener(Redirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise LoadError(url, f"is larger than {max_bytes // (1024 * 1024)} MB; nothing was kept")
            headers = response.headers
            source = {"url": url, "final_url": response.geturl(), "status": response.status,
                      "retrieved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      "last_modified": headers.get("Last-Modified"), "etag": headers.get("ETag"),
                      "content_type": headers.get("Content-Type"),
                      "sha256": sha256_hex(data)}
            return data, source
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise LoadError(url, f"redirects more than {MAX_REDIRECTS} times") from None
        raise LoadError(url, f"answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise LoadError(url, f"did not answer within {timeout:g} s") from None
        raise LoadError(url, f"could not be reached ({reason})") from None
    except (socket.timeout, TimeoutError):
        raise LoadError(url, f"did not answer within {timeout:g} s") from None
    except (ValueError, OSError) as exc:  # a malformed URL, a connection reset mid-body
        raise LoadError(url, f"could not be fetched ({exc})") from None


def _name_of(url: str) -> str:
    parts = urlsplit(url)
    tail = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"{parts.netloc}/{tail}" if tail else parts.netloc or url


def load_any(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A file by its path, or a page by its URL."""
    from unspin.core.documents import load_document

    return fetch_document(name, max_bytes=max_bytes) if is_url(name) else load_document(name, max_bytes=max_bytes)


__all__ = ["fetch_document", "is_url", "load_any", "MAX_REDIRECTS", "USER_AGENT"]
