"""``unspin --smoke-test``, which packaging/build.sh runs on the built bundle."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ORIGINAL, SPUN


def test_smoke_test_fails_fast_naming_a_file_that_cannot_be_opened(tmp_path):
    """It exits 1 at once with the file and the reason, instead of waiting for a comparison."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "unspin", "--smoke-test", str(tmp_path / "gone.txt"), str(SPUN)],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 1 and f"Could not open {tmp_path / 'gone.txt'}: no such file" in r.stderr


def test_a_launched_window_keeps_its_settings_in_the_tests_own_home(tmp_path_factory):
    """A window a test starts writes its settings (recent pairs) under the test's home, not the user's."""
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    assert config.is_relative_to(tmp_path_factory.getbasetemp())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "unspin", "--new-window", "--smoke-test", str(ORIGINAL), str(SPUN)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert str(ORIGINAL) in (config / "Unspin" / "Unspin.conf").read_text(encoding="utf-8")
