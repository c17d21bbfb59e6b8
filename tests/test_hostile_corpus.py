"""The hostile corpus (tests/hostile/): over 300 damaged, strange and malicious inputs through
compare, scan, batch, session opening and the socket's message reader, each under a
timeout. None may hang, raise a traceback or change an input; every refusal (exit 2) is a
one-line reason. The counts are printed at the end of the test run."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

COUNTS = {}


def test_the_hostile_corpus_hangs_nothing_crashes_nothing_changes_nothing(tmp_path):
    out = tmp_path / "summary.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tests.hostile.run_cases", str(tmp_path / "cases"), str(out)],
                   cwd=ROOT, env=env, check=True, timeout=600)
    summary = json.loads(out.read_text(encoding="utf-8"))
    COUNTS.update(cases=summary["inputs"], runs=summary["runs"], hangs=len(summary["hangs"]),
                  tracebacks=len(summary["tracebacks"]), modified=len(summary["modified"]),
                  refused=summary["refused"])
    assert summary["inputs"] >= 300
    assert summary["hangs"] == [], summary["hangs"]
    assert summary["tracebacks"] == [], summary["tracebacks"]
    assert summary["modified"] == [], summary["modified"]
    assert summary["bad_refusals"] == [], summary["bad_refusals"]
