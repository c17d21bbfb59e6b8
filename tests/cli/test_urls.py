"""Opening texts by URL: a local web server, started by the tests on 127.0.0.1, serves
articles, redirects, errors, slow, huge and odd pages."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ORIGINAL
from tests.webserver import SEEN_AGENTS, server  # noqa: F401 - the fixture
from unspin.core.documents import LoadError
from unspin.core.fetch import MAX_REDIRECTS, USER_AGENT, fetch_document

def test_compare_a_page_by_url_records_where_and_when(server, tmp_path):
    """compare URL FILE: the article is extracted from the page, and the JSON says which URL
    was asked for, where it ended after a redirect, the status, when, the headers and the
    digest of the bytes."""
    r = subprocess.run([sys.executable, "-m", "unspin", "compare", str(ORIGINAL), f"{server}/moved",
                        "--format", "json"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    source = data["new"]["source"]
    assert source["url"] == f"{server}/moved" and source["final_url"] == f"{server}/copy.html"
    assert source["status"] == 200 and source["retrieved_at"].endswith("+00:00")
    assert source["last_modified"] == "Tue, 03 Dec 2024 10:00:00 GMT" and source["etag"] == '"v1"'
    assert len(source["sha256"]) == 64 and data["old"]["source"] is None
    assert data["classification"] == "spun"
    assert SEEN_AGENTS and SEEN_AGENTS[-1] == USER_AGENT


@pytest.mark.parametrize("path, reason", [("/missing", "answered HTTP 404"),
                                          ("/loop", f"redirects more than {MAX_REDIRECTS} times"),
                                          ("/binary", "binary")])
def test_a_page_that_cannot_be_had_is_refused_with_the_reason(server, path, reason):
    r = subprocess.run([sys.executable, "-m", "unspin", "compare", str(ORIGINAL), server + path],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and reason in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_slow_and_huge_pages_are_refused(server):
    with pytest.raises(LoadError, match="did not answer within 1 s"):
        fetch_document(f"{server}/slow", timeout=1)
    with pytest.raises(LoadError, match="larger than 1 MB"):
        fetch_document(f"{server}/huge", max_bytes=1 << 20)


def test_a_plain_text_url_and_the_case_file_keep_the_snapshot(server, tmp_path):
    """A text/plain URL is read as text; a case file of a URL comparison holds the bytes
    fetched, and verifies."""
    import zipfile

    document = fetch_document(f"{server}/plain.txt")
    assert document.text.startswith(ORIGINAL.read_text(encoding="utf-8")[:40])
    assert document.snapshot == ORIGINAL.read_bytes() and document.path is None
    case = tmp_path / "case.zip"
    r = subprocess.run([sys.executable, "-m", "unspin", "compare", f"{server}/plain.txt",
                        f"{server}/copy.html", "--case", str(case)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(case) as archive:
        assert archive.read("texts/original.txt") == ORIGINAL.read_bytes()
        assert b"Spun story" in archive.read("texts/copy.html")
    ok = subprocess.run([sys.executable, "-m", "unspin", "verify", str(case)], capture_output=True, text=True)
    assert ok.returncode == 0


def test_batch_takes_web_addresses_from_the_command_line_and_a_list(server, tmp_path):
    """unspin batch ORIGINAL URL --list FILE: pages are fetched and ranked with files; each
    page's row carries its provenance; a page that cannot be had is skipped with the reason."""
    listed = tmp_path / "copies.txt"
    listed.write_text(f"# found by the crawler\n\n{server}/moved\n{server}/missing\n{ORIGINAL}\n",
                      encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "unspin", "batch", str(ORIGINAL), f"{server}/plain.txt",
                        "--list", str(listed), "--format", "json", "-j", "1"],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    rows = {row["path"]: row for row in data["copies"]}
    assert set(rows) == {f"{server}/moved", f"{server}/plain.txt"}  # the original itself is no copy
    spun = rows[f"{server}/moved"]
    assert spun["rank"] == 1 and spun["classification"] == "spun"
    assert spun["source"]["final_url"] == f"{server}/copy.html" and len(spun["source"]["sha256"]) == 64
    assert rows[f"{server}/plain.txt"]["classification"] == "verbatim"
    assert [s["path"] for s in data["skipped"]] == [f"{server}/missing"]
    assert "answered HTTP 404" in data["skipped"][0]["reason"]
    assert f"skipped {server}/missing" in r.stderr


def test_batch_with_neither_copies_nor_a_list_says_what_is_missing(tmp_path):
    empty = tmp_path / "none.txt"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "unspin", "batch", str(ORIGINAL), "--list", str(empty)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "no copies" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([sys.executable, "-m", "unspin", "batch", str(ORIGINAL), "--list", str(tmp_path / "x")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and "could not be read" in r.stderr
