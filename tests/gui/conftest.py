"""GUI tests run offscreen: no display needed."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp_cls():
    """The application class Unspin runs with (it handles macOS file-open events)."""
    from unspin.gui.app import UnspinApplication

    return UnspinApplication
