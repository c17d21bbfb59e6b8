"""A longer fuzz run than the test suite's: Hypothesis throws random texts, bytes and
session files at the engine and the readers, and checks what must always hold.

    python benchmarks/fuzz.py [--examples 5000] [--seed 1]

Properties (each run with --examples examples):

- compare: the ops tile both texts exactly (texts of whitespace alone have none); equal ops pair equal tokens; every swap
  occurrence lies inside its text and holds the swap's words; the spin score is in [0, 1]
  and the classification one of the five;
- scan: every flag lies inside the text and names the word there;
- bytes → document: any bytes are read as text or refused with a LoadError (a reason), never
  another exception; a text read back never holds a lone surrogate;
- sessions: any JSON (or not) in a .unspin file is opened or refused with a SessionError.

Prints examples run, failures and the time taken, per property.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unspin.core.compare import compare
from unspin.core.documents import LoadError, load_document
from unspin.core.judgement import CLASSES
from unspin.core.scan import scan
from unspin.core.session import SessionError, load_session

_WORDS = st.sampled_from(["the", "nan", "in", "successful", "at", "astatine", "a", "cat", "Kyiv", "war",
                          "don't", "long-range", "10,000", "3.5", "É", "naïve", "東京", "مرحبا", "😀", "👍🏽",
                          ".", ",", "—", "«", "»", "“", "”", "x", "\u200d", "\u0301"])
_GAPS = st.sampled_from([" ", "  ", "\n", "\n\n", "\r\n", "\t", "", "\u00a0"])
TEXTS = st.lists(st.tuples(_WORDS | st.text(max_size=6), _GAPS), max_size=120).map(
    lambda parts: "".join(w + s for w, s in parts))


def check_compare(old: str, new: str) -> None:
    c = compare(old, new)
    spans = [c.op_cover(k) for k in range(len(c.ops))]
    if not spans:  # nothing but whitespace on both sides: no word to diff
        assert not c.old.text.strip() and not c.new.text.strip()
        return
    assert "".join(c.old.text[a:b] for a, b, _, _ in spans) == c.old.text
    assert "".join(c.new.text[x:y] for _, _, x, y in spans) == c.new.text
    for op in c.ops:
        if op.tag == "equal":
            assert c.old_tokens.codes[op.a1:op.a2] == c.new_tokens.codes[op.b1:op.b2]
    for s in c.swaps:
        for a, b, x, y in s.occurrences:
            assert 0 <= a < b <= len(c.old.text) and 0 <= x < y <= len(c.new.text)
    assert 0.0 <= c.spin_score <= 1.0 and c.classification in CLASSES


def check_scan(text: str) -> None:
    result = scan(text)
    for f in result.flags:
        assert 0 <= f.start < f.end <= len(result.document.text)
        assert result.document.text[f.start:f.end] == f.word


def check_bytes(data: bytes, folder: Path) -> None:
    path = folder / "input.txt"
    path.write_bytes(data)
    try:
        document = load_document(path)
    except LoadError as exc:
        assert exc.reason
        return
    document.text.encode("utf-8")  # a lone surrogate would raise here


def check_session(content: str, folder: Path) -> None:
    path = folder / "fuzzed.unspin"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    try:
        load_session(path)
    except SessionError as exc:
        assert exc.reason


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=20)
_SESSIONS = st.one_of(
    st.text(max_size=200),
    _JSON.map(json.dumps),
    st.fixed_dictionaries({"schema": st.just("unspin.session"), "version": st.integers(-2, 5) | st.booleans(),
                           "old": _JSON, "new": _JSON, "options": _JSON, "triage": _JSON,
                           "selected_swap": _JSON}).map(json.dumps),
)


def run(name: str, test, examples: int, seed: int) -> bool:
    started = time.monotonic()
    wrapped = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                       suppress_health_check=list(HealthCheck))(test)
    try:
        import hypothesis

        hypothesis.seed(seed)(wrapped)()
        outcome = "no failure"
    except Exception as exc:  # noqa: BLE001 - reported, the run goes on
        outcome = f"FAILED: {type(exc).__name__}: {str(exc)[:300]}"
    print(f"{name:8s} {examples:,} examples in {time.monotonic() - started:6.1f} s: {outcome}", flush=True)
    return outcome == "no failure"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="unspin-fuzz-"))
    tests = {
        "compare": given(TEXTS, TEXTS)(check_compare),
        "scan": given(TEXTS)(check_scan),
        "bytes": given(st.binary(max_size=400) | TEXTS.map(lambda t: t.encode("utf-16")) |
                       TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")))(lambda data: check_bytes(data, folder)),
        "session": given(_SESSIONS)(lambda content: check_session(content, folder)),
    }
    ok = all([run(name, test, args.examples, args.seed) for name, test in tests.items()])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
