"""GUI tests run offscreen: no display needed."""

import os
import uuid

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp_cls():
    """The application class Unspin runs with (it handles macOS file-open events)."""
    from unspin.gui.app import UnspinApplication

    return UnspinApplication


@pytest.fixture(autouse=True)
def private_instance_name(monkeypatch):
    """Every test gets its own single-instance socket name: no test can reach a running
    Unspin of the user's, nor another test's server."""
    name = f"unspin-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("UNSPIN_INSTANCE_NAME", name)
    return name
