"""The desktop files shipped in resources/ agree with each other and with the code."""

import struct
import xml.etree.ElementTree as ET

import pytest

from unspin.core.resources import resource_path
from unspin.core.session import SUFFIX
from unspin.desktop import APP_ID, PNG_SIZES, quote_exec_arg


@pytest.mark.parametrize("size", PNG_SIZES)
def test_every_icon_size_is_a_png_of_that_size(size):
    """icons/unspin-N.png exists and is N × N pixels (rendered from unspin.svg)."""
    data = resource_path(f"icons/unspin-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (size, size)


def test_the_entry_opens_texts_and_sessions_and_the_mime_type_matches_the_suffix():
    """The .desktop lists the session type, whose glob is the suffix sessions are saved with."""
    entry = resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    mime_types = next(line for line in entry.splitlines() if line.startswith("MimeType=")).split("=")[1]
    assert {"text/plain", "text/markdown", "application/x-unspin-session"} <= set(mime_types.split(";"))
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(resource_path(f"{APP_ID}.mime.xml")).getroot()
    glob = root.find("m:mime-type[@type='application/x-unspin-session']/m:glob", ns)
    assert glob.get("pattern") == "*" + SUFFIX
    ET.parse(resource_path("unspin.svg"))  # well-formed


@pytest.mark.parametrize("arg, quoted", [
    ("/usr/bin/unspin", "/usr/bin/unspin"),
    ("/home/me/My Apps/unspin", '"/home/me/My Apps/unspin"'),
    ('/opt/a"b$c/unspin', '"/opt/a\\\\"b\\\\$c/unspin"'),
    ("/opt/100%/unspin", '"/opt/100%%/unspin"'),
])
def test_exec_paths_are_quoted_as_the_desktop_entry_spec_asks(arg, quoted):
    """Spaces, quotes, dollars and percent signs in the program's path survive the Exec key."""
    assert quote_exec_arg(arg) == quoted
