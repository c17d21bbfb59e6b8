"""Shared fixtures: the seed pair and a comparison of it."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ORIGINAL = SEEDS / "001_e5ea69382f8cbf52.txt"
SPUN = SEEDS / "000_dad3e476f5be5b2e.txt"


@pytest.fixture(scope="session")
def seed_comparison():
    """The seed pair compared: original (001) against its spun copy (000)."""
    from unspin.core.compare import compare
    from unspin.core.documents import load_document

    return compare(load_document(ORIGINAL), load_document(SPUN))


@pytest.fixture(autouse=True)
def private_instance_name(monkeypatch):
    """Every test gets its own single-instance socket name: no test can reach a running
    Unspin of the user's, nor another test's server."""
    import uuid

    name = f"unspin-test-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("UNSPIN_INSTANCE_NAME", name)
    return name


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path_factory, monkeypatch):
    """Every test (and every ``unspin`` it launches, which inherits the environment) gets its
    own home, settings, data and runtime folders: no test reads or rewrites the user's
    ``~/.config/Unspin/Unspin.conf``, recent pairs or desktop files."""
    import shutil
    import tempfile

    home = tmp_path_factory.mktemp("home")
    runtime = tempfile.mkdtemp(prefix="unspin-run-")  # mode 0700, and short: socket paths are limited
    for name, value in (("HOME", home), ("XDG_CONFIG_HOME", home / ".config"),
                        ("XDG_DATA_HOME", home / ".local" / "share"), ("XDG_RUNTIME_DIR", runtime)):
        monkeypatch.setenv(name, str(value))
    yield home
    shutil.rmtree(runtime, ignore_errors=True)


def _hypothesis_profiles():
    """CI runs the property tests with a fixed seed: a failure there must be reproducible."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()


def pytest_terminal_summary(terminalreporter):
    """The hostile corpus's counts, when it ran."""
    from tests.test_hostile_corpus import COUNTS

    if COUNTS:
        terminalreporter.write_line(
            "hostile corpus: {cases} cases in {runs} runs; hangs {hangs}, tracebacks {tracebacks}, "
            "inputs modified {modified}; {refused} refused with a one-line reason".format(**COUNTS))
