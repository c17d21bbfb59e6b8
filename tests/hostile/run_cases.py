"""Run the hostile corpus through the command line, sessions and the socket, in this process,
each case under a timeout; write what happened as JSON.

    python -m tests.hostile.run_cases FOLDER OUT.json

Counted: cases, hangs (over the timeout), tracebacks (an exception out of the command, or
one printed), inputs modified (checksums before and after), and refusals (exit 2) whose
reason is not one line.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import stat
import sys
from pathlib import Path

from tests.conftest import ORIGINAL
from tests.hostile.corpus import build, session_cases, socket_messages

TIMEOUT_S = 60


class Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise Hang()


def checksums(paths) -> dict[str, str]:
    out = {}
    for path in paths:
        try:
            if stat.S_ISREG(os.lstat(path).st_mode):
                out[str(path)] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            pass
    return out


def run_one(name: str, call) -> dict:
    """Run *call* under the timeout; what it returned, printed and raised."""
    err, out = io.StringIO(), io.StringIO()
    signal.alarm(TIMEOUT_S)
    outcome = {"case": name}
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            outcome["rc"] = call()
    except Hang:
        outcome["hang"] = True
    except SystemExit as exc:  # argparse's usage errors
        outcome["rc"] = exc.code
    except BaseException as exc:  # noqa: BLE001 - what the corpus is looking for
        outcome["traceback"] = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        signal.alarm(0)
    text = err.getvalue()
    if "Traceback (most recent call last)" in text:
        outcome["traceback"] = text[-300:]
    if outcome.get("rc") == 2:
        if len(text.strip().splitlines()) != 1:
            outcome["refusal"] = text[:300]
        else:
            outcome["reason"] = text.strip()[:200]
    return outcome


def main(folder: str, out_path: str) -> int:
    from unspin import cli
    from unspin.core.session import SessionError, load_session
    from unspin.gui.single_instance import decode_message

    signal.signal(signal.SIGALRM, _alarm)
    base = Path(folder)
    cases = build(base / "corpus")
    sessions = session_cases(base / "sessions", ORIGINAL)
    before = checksums(cases + sessions + [ORIGINAL])
    results = []
    for case in cases:
        results.append(run_one(f"compare {case.name}", lambda c=case: cli.main(
            ["compare", str(ORIGINAL), str(c), "--format", "json", "-o", str(base / "out.json")])))
        results.append(run_one(f"scan {case.name}", lambda c=case: cli.main(["scan", str(c)])))
    results.append(run_one("batch (all)", lambda: cli.main(
        ["batch", str(ORIGINAL), *map(str, cases), "--format", "csv", "-o", str(base / "ranking.csv")])))

    def refused_with_reason(call, errors, what=""):
        """0 when *call* accepts its input; 2 with the reason printed when it refuses it."""
        try:
            call()
        except errors as exc:
            print(f"unspin: {what}{exc}", file=sys.stderr)
            return 2
        return 0

    results += [run_one(f"session {p.name}", lambda p=p: refused_with_reason(
        lambda: load_session(p), SessionError)) for p in sessions]
    results += [run_one(f"socket message {k}", lambda b=b: refused_with_reason(
        lambda: decode_message(b), ValueError, "refused a message: "))
        for k, b in enumerate(socket_messages())]
    after = checksums(cases + sessions + [ORIGINAL])
    summary = {
        "inputs": len(cases) + len(sessions) + len(socket_messages()),
        "runs": len(results),
        "hangs": [r["case"] for r in results if r.get("hang")],
        "tracebacks": [f"{r['case']}: {r['traceback']}" for r in results if "traceback" in r],
        "modified": sorted(p for p in before if before[p] != after.get(p)),
        "bad_refusals": [f"{r['case']}: {r['refusal']}" for r in results if "refusal" in r],
        "refused": sum(1 for r in results if r.get("rc") == 2),
        "reasons": sorted({r["reason"] for r in results if r.get("reason")}),
    }
    Path(out_path).write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
