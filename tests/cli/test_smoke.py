"""``unspin --smoke-test``, which packaging/build.sh runs on the built bundle."""

import os
import subprocess
import sys

from tests.conftest import SPUN


def test_smoke_test_fails_fast_naming_a_file_that_cannot_be_opened(tmp_path):
    """It exits 1 at once with the file and the reason, instead of waiting for a comparison."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-m", "unspin", "--smoke-test", str(tmp_path / "gone.txt"), str(SPUN)],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 1 and f"Could not open {tmp_path / 'gone.txt'}: no such file" in r.stderr
