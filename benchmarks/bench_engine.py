"""Benchmark Unspin's engine on spun English prose with exact ground truth.

The prose is built offline from Python's own documentation: the docstrings of the
standard-library modules (parsed with ``ast``) and the ``pydoc_data`` topic texts,
split into paragraphs, filtered to prose and deduplicated (about 1.7 MB). Larger texts
are several passes over the corpus, each in a different seeded random order.

A simulated synonym spinner then swaps about 25% of all words (``the -> nan``,
``in -> successful``, ``value -> worth`` ...), splits ~3% of paragraphs at a sentence
boundary and merges ~3% of adjacent paragraph pairs. Every swapped word is recorded as
``(old_start, old_end, new_start, new_end)`` code-point spans.

For each size (10 KB, 100 KB, 1 MB, 10 MB of original text) the engine runs in a fresh
subprocess that reads the pair from a temporary folder, so peak memory
(``ru_maxrss``) is per run; a second child only imports the engine and reads the
texts, giving the baseline RSS. Accuracy is the fraction of ground-truth swaps whose
exact spans appear among the occurrences of ``kind == "word"`` swaps with matching
text. Baselines: ``difflib.SequenceMatcher`` on word lists (10 KB and 100 KB only) and
GNU ``wdiff``.

Usage::

    python benchmarks/bench_engine.py                 # 10KB 100KB 1MB 10MB
    python benchmarks/bench_engine.py --quick         # 10KB 100KB 1MB
    python benchmarks/bench_engine.py --sizes 1MB --profile   # plus cProfile of the engine
"""

from __future__ import annotations

import argparse
import ast
import bisect
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from array import array
from pathlib import Path

SEED = 20240601
SWAP_RATE = 0.25
SPLIT_RATE = 0.03
MERGE_RATE = 0.03
MIN_PARAGRAPH_WORDS = 8
MIN_LETTER_SHARE = 0.8
SIZES = {"10KB": 10_000, "100KB": 100_000, "1MB": 1_000_000, "10MB": 10_000_000, "100MB": 100_000_000}
QUICK = ("10KB", "100KB", "1MB")
DIFFLIB_MAX_BYTES = 100_000
WDIFF_MARKS = ("[-", "-]", "{+", "+}")
#: Goals the figures are judged against.
GOAL_ACCURACY = 99.7
GOAL_SECONDS = {"1MB": 0.5, "10MB": 5.0}
GOAL_PEAK_MB = {"10MB": 500.0}

WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
WDIFF_RE = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)

#: Spinner-style replacements first, then ordinary synonyms of common words. Every
#: replacement is one token, differs from its word and is not itself a key.
SYNONYMS = {
    # spinner-style (WordNet-sense) swaps
    "the": "nan", "in": "successful", "at": "astatine", "with": "pinch", "as": "arsenic",
    "be": "beryllium", "may": "whitethorn", "just": "conscionable", "on": "connected",
    "have": "person", "some": "immoderate", "about": "astir", "also": "besides",
    "one": "1", "two": "2", "can": "tin", "will": "volition", "after": "aft",
    "use": "usage", "new": "caller", "are": "ar", "or": "oregon", "it": "information",
    "by": "aside", "not": "non", "no": "nary", "any": "immoderately", "first": "archetypal",
    "only": "lone", "single": "azygous", "same": "aforesaid", "then": "past",
    "there": "location", "must": "essential", "should": "ought", "all": "wholly",
    "more": "much", "most": "virtually", "even": "equal", "so": "truthful", "very": "precise",
    "now": "present", "because": "owing", "while": "piece", "still": "inactive",
    "well": "fountainhead", "good": "bully", "like": "similar", "get": "acquire", "make": "brand",
    "made": "fabricated", "see": "spot", "way": "manner", "end": "extremity",
    "start": "commencement", "long": "agelong", "large": "ample", "small": "tiny",
    "high": "advanced", "low": "debased", "main": "chief", "take": "issue",
    "takes": "issues", "work": "activity", "works": "plant", "need": "demand",
    "never": "ne'er", "always": "ever", "often": "frequently", "usually": "normally",
    "however": "nevertheless",
    # function words a crude spinner also touches
    "is": "equals", "to": "towards", "and": "plus", "for": "fur", "from": "via",
    "which": "whichever", "when": "once", "if": "whenever", "but": "yet", "than": "compared",
    "each": "every", "other": "another", "these": "those", "into": "inside",
    "within": "wrong", "between": "betwixt", "before": "earlier", "where": "wherever",
    "how": "whereby", "what": "whatever", "such": "specified", "without": "sans",
    "whether": "whither", "their": "theirs",
    # ordinary synonyms of common content words
    "value": "worth", "values": "worths", "return": "yield", "returns": "yields",
    "returned": "yielded", "function": "routine", "functions": "routines",
    "object": "entity", "objects": "entities", "number": "figure", "string": "thread",
    "strings": "threads", "list": "listing", "file": "record", "files": "records",
    "name": "sanction", "names": "sanctions", "method": "technique", "methods": "techniques",
    "argument": "statement", "arguments": "statements", "class": "people",
    "instance": "exemplar", "data": "information", "module": "faculty", "modules": "faculties",
    "call": "telephone", "called": "named", "used": "utilized", "error": "mistake",
    "line": "formation", "lines": "formations", "time": "clip", "case": "lawsuit",
    "character": "quality", "characters": "qualities", "key": "cardinal", "keys": "cardinals",
    "code": "codification", "example": "illustration", "true": "existent",
    "false": "mendacious", "empty": "bare", "current": "actual", "result": "consequence",
    "set": "fit", "given": "fixed", "default": "nonpayment", "type": "benignant",
    "optional": "elective", "raised": "upraised", "raise": "rise", "create": "produce",
    "created": "produced", "contains": "incorporates", "contain": "incorporate",
    "following": "pursuing", "possible": "imaginable", "multiple": "aggregate",
    "read": "publication", "write": "compose", "written": "composed", "open": "unfastened",
    "size": "magnitude", "length": "duration", "path": "route", "directory": "folder",
}


def synonyms() -> dict[str, str]:
    """The synonym table, checked: one-token replacements that are not keys themselves."""
    for word, repl in SYNONYMS.items():
        assert WORD_RE.fullmatch(word) and word == word.lower(), word
        assert repl != word and repl not in SYNONYMS, (word, repl)
        assert WORD_RE.fullmatch(repl) or repl.isdigit(), (word, repl)
    return SYNONYMS


# --------------------------------------------------------------------------- corpus


def stdlib_files() -> list[Path]:
    """The standard library's ``.py`` files, without tests and site-packages, sorted."""
    root = os.path.dirname(os.__file__)
    skip = {"test", "tests", "idle_test", "site-packages", "dist-packages", "__pycache__"}
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("test"))
        found.extend(Path(folder, f) for f in sorted(files) if f.endswith(".py"))
    return found


def docstrings(path: Path) -> list[str]:
    """Module, class and function docstrings of one source file (none if unparsable)."""
    try:
        tree = ast.parse(path.read_bytes())
    except (SyntaxError, ValueError, OSError):
        return []
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docs = (ast.get_docstring(node) for node in ast.walk(tree) if isinstance(node, kinds))
    return [d for d in docs if d]


def prose_paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs of *text* that look like prose, whitespace collapsed."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        paragraph = " ".join(block.split())
        if is_prose(paragraph):
            found.append(paragraph)
    return found


def is_prose(paragraph: str) -> bool:
    """Enough words, mostly letters, no doctest prompts and no wdiff markers."""
    if ">>>" in paragraph or any(mark in paragraph for mark in WDIFF_MARKS):
        return False
    if len(WORD_RE.findall(paragraph)) < MIN_PARAGRAPH_WORDS:
        return False
    visible = paragraph.replace(" ", "")
    letters = sum(ch.isalpha() for ch in visible)
    return letters >= MIN_LETTER_SHARE * len(visible)


def load_corpus() -> list[str]:
    """Deduplicated prose paragraphs from stdlib docstrings and pydoc topics."""
    from pydoc_data.topics import topics

    texts = [doc for path in stdlib_files() for doc in docstrings(path)]
    texts.extend(topics[key] for key in sorted(topics))
    seen: dict[str, None] = {}
    for text in texts:
        for paragraph in prose_paragraphs(text):
            seen.setdefault(paragraph, None)
    return list(seen)


def build_original(corpus: list[str], target: int, seed: int) -> str:
    """Paragraphs of seeded shuffled passes over *corpus*, up to *target* UTF-8 bytes."""
    rng = random.Random(seed)
    chosen, size = [], 0
    while True:
        order = corpus[:]
        rng.shuffle(order)
        for paragraph in order:
            cost = len(paragraph.encode()) + 2
            if size + cost > target and chosen:
                return "\n\n".join(chosen) + "\n"
            chosen.append(paragraph)
            size += cost


# --------------------------------------------------------------------------- spinning


def word_edits(text: str, table: dict[str, str], rng: random.Random) -> list[tuple]:
    """Seeded swaps of ~SWAP_RATE of all words as ``(start, end, replacement, True)``."""
    words = list(WORD_RE.finditer(text))
    candidates = [m for m in words if m.group().lower() in table]
    wanted = round(SWAP_RATE * len(words))
    if len(candidates) < wanted:
        raise SystemExit(f"synonym table covers only {len(candidates)} of {len(words)} words"
                         f" (< {SWAP_RATE:.0%}): enlarge SYNONYMS")
    edits = []
    for m in rng.sample(candidates, wanted):
        word = m.group()
        repl = table[word.lower()]
        if word[0].isupper():
            repl = repl[0].upper() + repl[1:]
        assert repl != word
        edits.append((m.start(), m.end(), repl, True))
    return edits


def paragraph_edits(text: str, rng: random.Random) -> list[tuple]:
    """Splits at ``". "`` and merges of adjacent paragraphs as whitespace edits."""
    edits = []
    starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
    for index, start in enumerate(starts):
        end = text.find("\n\n", start)
        end = len(text.rstrip("\n")) if end < 0 else end
        if rng.random() < SPLIT_RATE:
            cuts = [m.start() + 1 for m in re.finditer(r"\. (?=[A-Z])", text[start:end])]
            if cuts:
                pos = start + rng.choice(cuts)
                edits.append((pos, pos + 1, "\n\n", False))
        if index + 1 < len(starts) and rng.random() < MERGE_RATE:
            edits.append((end, end + 2, " ", False))
    return edits


def spin(text: str, seed: int) -> tuple[str, array, dict]:
    """The spun text, ground-truth spans (4 per swap) and counts of what was done."""
    rng = random.Random(seed)
    words = word_edits(text, synonyms(), rng)
    layout = paragraph_edits(text, rng)
    pieces, truth, last, shift = [], array("q"), 0, 0
    for start, end, repl, is_word in sorted(words + layout):
        pieces.append(text[last:start])
        new_start = start + shift
        pieces.append(repl)
        shift += len(repl) - (end - start)
        if is_word:
            truth.extend((start, end, new_start, new_start + len(repl)))
        last = end
    pieces.append(text[last:])
    splits = sum(1 for e in layout if e[2] == "\n\n")
    counts = {"swaps": len(words), "splits": splits, "merges": len(layout) - splits}
    return "".join(pieces), truth, counts


def check_truth(old: str, new: str, truth: array) -> None:
    """Every ground-truth span holds a table word in *old* and its replacement in *new*."""
    table = synonyms()
    for k in range(0, len(truth), 4):
        os_, oe, ns, ne = truth[k:k + 4]
        word, repl = old[os_:oe], new[ns:ne]
        assert table[word.lower()].lower() == repl.lower() != word.lower(), (word, repl)
        assert WORD_RE.fullmatch(word), word


def write_pair(folder: Path, old: str, new: str, truth: array) -> None:
    """Store a generated pair and its ground truth for the child processes."""
    (folder / "old.txt").write_text(old, encoding="utf-8", newline="")
    (folder / "new.txt").write_text(new, encoding="utf-8", newline="")
    with open(folder / "truth.bin", "wb") as fh:
        truth.tofile(fh)


def read_pair(folder: Path) -> tuple[str, str]:
    """The old and new texts of a stored pair."""
    texts = []
    for name in ("old.txt", "new.txt"):
        with open(folder / name, encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    return texts[0], texts[1]


def read_truth(folder: Path) -> set[tuple[int, int, int, int]]:
    """Ground-truth swaps of a stored pair as a set of span quadruples."""
    spans = array("q")
    spans.frombytes((folder / "truth.bin").read_bytes())
    return {tuple(spans[k:k + 4]) for k in range(0, len(spans), 4)}


# --------------------------------------------------------------------------- children


def peak_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB).

    On Linux ``ru_maxrss`` also takes in the parent's peak at the moment of the
    fork/exec, so the parent process keeps itself small (it generates nothing).
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def hwm_mb() -> float:
    """``VmHWM`` of this process in MB: the peak of its own address space only."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def child_base(folder: Path) -> dict:
    """Only import the engine and read the texts: the baseline RSS."""
    from unspin.core.compare import compare  # noqa: F401

    texts = read_pair(folder)
    result = {"peak_mb": peak_mb(), "hwm_mb": hwm_mb(), "chars": sum(map(len, texts))}
    return result


def child_engine(folder: Path, examples: int) -> dict:
    """Run ``compare`` once: time, peak RSS, accuracy and examples of missed swaps."""
    from unspin.core.compare import compare

    old, new = read_pair(folder)
    t0 = time.perf_counter()
    c = compare(old, new)
    seconds = time.perf_counter() - t0
    peak, hwm = peak_mb(), hwm_mb()
    truth = read_truth(folder)
    missed = sorted(truth - word_occurrences(c, old, new))
    standalone = {span for span in truth if not joined(old, span[0], span[1])}
    missed_alone = [span for span in missed if span in standalone]
    shown = sample(missed_alone, examples)
    shown += sample([m for m in missed if m not in standalone], examples - len(shown))
    second_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the second process, if any
    return {"seconds": seconds, "peak_mb": peak, "hwm_mb": hwm, "second_mb": second_mb, "truth": len(truth),
            "hits": len(truth) - len(missed), "standalone_truth": len(standalone),
            "standalone_hits": len(standalone) - len(missed_alone),
            "any_kind_hits": len(truth & all_occurrences(c)), "spin_score": c.spin_score,
            "coarse_gaps": c.coarse_gaps, "miss_kinds": miss_kinds(c, old, missed),
            "examples": [describe_miss(c, old, new, m) for m in sorted(shown)]}


def word_occurrences(c, old: str, new: str) -> set[tuple[int, int, int, int]]:
    """Occurrences of ``word`` swaps whose texts match the swap's old and new words."""
    found = set()
    for swap in c.swaps:
        if swap.kind != "word":
            continue
        o, n = swap.old.casefold(), swap.new.casefold()
        for os_, oe, ns, ne in swap.occurrences:
            if old[os_:oe].casefold() == o and new[ns:ne].casefold() == n:
                found.add((os_, oe, ns, ne))
    return found


def all_occurrences(c) -> set[tuple[int, int, int, int]]:
    """Occurrences of swaps of every kind (a diagnostic, not the accuracy measure)."""
    return {occ for swap in c.swaps for occ in swap.occurrences}


def sample(items: list, n: int) -> list:
    """A seeded sample of *n* items, in their original order."""
    if len(items) <= n:
        return list(items)
    picks = sorted(random.Random(SEED).sample(range(len(items)), n))
    return [items[k] for k in picks]


def overlapping(c, span: tuple[int, int, int, int]) -> list[tuple]:
    """Engine swap occurrences whose old span overlaps the old span of *span*."""
    os_, oe = span[0], span[1]
    return [(s.kind, occ) for s in c.swaps for occ in s.occurrences
            if occ[0] < max(oe, os_ + 1) and occ[1] > os_]


def miss_kinds(c, old: str, missed: list) -> dict[str, int]:
    """Missed swaps counted by what the engine reported over them and by token kind."""
    spans = sorted((occ[0], occ[1], s.kind) for s in c.swaps for occ in s.occurrences)
    starts = [span[0] for span in spans]
    counts: dict[str, int] = {}
    for os_, oe, _, _ in missed:
        k = bisect.bisect_left(starts, max(oe, os_ + 1))
        kinds = sorted({kind for _, end, kind in spans[max(0, k - 4):k] if end > os_})
        label = f"inside a {'/'.join(kinds)} swap" if kinds else "no swap reported"
        where = "word joined by hyphen/apostrophe" if joined(old, os_, oe) else "standalone word"
        key = f"{where}: {label}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def joined(text: str, start: int, end: int) -> bool:
    """True when the word is part of a longer engine token (``built-in``, ``can’t``)."""
    glue = "-'’ʼ‐‑"
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    glued_before = len(before) == 2 and before[1] in glue and before[0].isalnum()
    glued_after = len(after) == 2 and after[0] in glue and after[1].isalnum()
    touching = (before[-1:].isalnum()) or (after[:1].isalnum())
    return glued_before or glued_after or touching


def describe_miss(c, old: str, new: str, span: tuple[int, int, int, int]) -> dict:
    """A missed swap with context and what the engine reported there instead."""
    os_, oe, ns, ne = span
    reported = [f"{kind} {old[a:b]!r}->{new[x:y]!r} @({a},{b},{x},{y})"
                for kind, (a, b, x, y) in overlapping(c, span)]
    op = c.ops[c.ops.index_at_old(c.old_tokens.tokens_at([os_])[0])]
    a, b, x, y = c.op_spans(op)
    return {"span": span, "truth": f"{old[os_:oe]!r}->{new[ns:ne]!r}",
            "joined": joined(old, os_, oe),
            "old_ctx": context(old, os_, oe), "new_ctx": context(new, ns, ne),
            "reported": reported or ["nothing"],
            "op": f"{op.tag} {clip(old[a:b])!r} -> {clip(new[x:y])!r}"}


def context(text: str, start: int, end: int, width: int = 45) -> str:
    """The text around ``[start, end)`` on one line, the span in brackets."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return (left + "[" + text[start:end] + "]" + right).replace("\n", "⏎")


def clip(text: str, width: int = 70) -> str:
    """*text* on one line, shortened in the middle to about *width* characters."""
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[:width // 2] + " … " + text[-width // 2:]


def child_profile(folder: Path) -> dict:
    """Run ``compare`` under cProfile and print the top 25 by cumulative and by own time."""
    import cProfile
    import pstats

    from unspin.core.compare import compare

    old, new = read_pair(folder)
    profiler = cProfile.Profile()
    profiler.runcall(compare, old, new)
    for order in ("cumulative", "tottime"):
        print(f"--- top 25 by {order} ---", file=sys.stderr)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats(order).print_stats(25)
    return {"peak_mb": peak_mb()}


def child_difflib(folder: Path) -> dict:
    """Word-list SequenceMatcher; replace opcodes of equal length paired word for word."""
    from difflib import SequenceMatcher

    old, new = read_pair(folder)
    t0 = time.perf_counter()
    ow, nw = list(WORD_RE.finditer(old)), list(WORD_RE.finditer(new))
    matcher = SequenceMatcher(None, [m.group() for m in ow], [m.group() for m in nw],
                              autojunk=False)
    found = set()
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "replace" and a2 - a1 == b2 - b1:
            for a, b in zip(ow[a1:a2], nw[b1:b2]):
                found.add((a.start(), a.end(), b.start(), b.end()))
    seconds = time.perf_counter() - t0
    truth = read_truth(folder)
    return {"seconds": seconds, "peak_mb": peak_mb(), "hits": len(truth & found),
            "truth": len(truth)}


def child_wdiff(folder: Path) -> dict:
    """GNU wdiff on the two files: time, its peak RSS and accuracy from its output."""
    command = ["wdiff", "-w", "[-", "-x", "-]", "-y", "{+", "-z", "+}",
               str(folder / "old.txt"), str(folder / "new.txt")]
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env={**os.environ, "LC_ALL": "C"})
    seconds = time.perf_counter() - t0
    if done.returncode not in (0, 1):
        raise RuntimeError(f"wdiff failed: {done.stderr.decode(errors='replace')}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    old, new = read_pair(folder)
    found = wdiff_swaps(done.stdout.decode("utf-8", errors="replace"), old, new)
    truth = read_truth(folder)
    return {"seconds": seconds, "peak_mb": peak, "hits": len(truth & found), "truth": len(truth)}


def wdiff_swaps(output: str, old: str, new: str) -> set[tuple[int, int, int, int]]:
    """Word swaps in wdiff output: a deletion right before an insertion of as many words."""
    ow = [m.span() for m in re.finditer(r"\S+", old)]
    nw = [m.span() for m in re.finditer(r"\S+", new)]
    i = j = last = 0
    pending = None  # (old index, word count) of a deletion not yet followed by text
    found = set()
    for m in WDIFF_RE.finditer(output):
        common = len(output[last:m.start()].split())
        i, j, last = i + common, j + common, m.end()
        pending = None if common else pending
        if m.group(1) is not None:
            pending = (i, len(m.group(1).split()))
            i += pending[1]
        else:
            count = len(m.group(2).split())
            if pending and pending[1] == count:
                olds = ow[pending[0]:pending[0] + count]
                found.update(pair_words(old, new, olds, nw[j:j + count]))
            j, pending = j + count, None
    tail = len(output[last:].split())
    assert i + tail == len(ow) and j + tail == len(nw), "wdiff output out of step with the texts"
    return found


def pair_words(old: str, new: str, old_spans: list, new_spans: list):
    """Pair whitespace tokens, then the regex words inside them when their counts agree."""
    for (a, b), (x, y) in zip(old_spans, new_spans):
        ws_old = [(a + m.start(), a + m.end()) for m in WORD_RE.finditer(old[a:b])]
        ws_new = [(x + m.start(), x + m.end()) for m in WORD_RE.finditer(new[x:y])]
        if len(ws_old) == len(ws_new):
            for (p, q), (r, s) in zip(ws_old, ws_new):
                if old[p:q] != new[r:s]:
                    yield (p, q, r, s)


def child_corpus(folder: Path) -> dict:
    """Build the prose corpus once and store it, one paragraph a line."""
    t0 = time.perf_counter()
    corpus = load_corpus()
    (folder / "corpus.txt").write_text("\n".join(corpus), encoding="utf-8")
    return {"paragraphs": len(corpus), "bytes": sum(len(p.encode()) + 2 for p in corpus),
            "seconds": time.perf_counter() - t0}


def child_generate(folder: Path, label: str) -> dict:
    """Build and spin the original text of one size and store the pair."""
    corpus = (folder / "corpus.txt").read_text(encoding="utf-8").split("\n")
    old = build_original(corpus, SIZES[label], SEED)
    new, truth, counts = spin(old, SEED + 1)
    check_truth(old, new, truth)
    write_pair(folder, old, new, truth)
    return {"label": label, "bytes": len(old.encode()), "words": len(WORD_RE.findall(old)),
            **counts}


CHILDREN = {"base": child_base, "profile": child_profile, "corpus": child_corpus,
            "difflib": child_difflib, "wdiff": child_wdiff}


def child_main(mode: str, folder: str, examples: int) -> None:
    """Entry point of a child process: print one JSON line with the results."""
    path = Path(folder)
    if mode == "engine":
        result = child_engine(path, examples)
    elif mode.startswith("generate:"):
        result = child_generate(path, mode.partition(":")[2])
    else:
        result = CHILDREN[mode](path)
    print(json.dumps(result))


# --------------------------------------------------------------------------- parent


def run_child(mode: str, folder: Path, examples: int = 0) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    command = [sys.executable, __file__, "--child", mode, str(folder), "--examples", str(examples)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"child {mode} failed:\n{done.stderr}")
    if mode == "profile":
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_size(label: str, folder: Path, args) -> dict:
    """Generate one pair, measure the engine and the baselines on it."""
    row = run_child(f"generate:{label}", folder)
    print(f"[{label}] {row['bytes']:,} bytes, {row['words']:,} words, {row['swaps']:,} swaps,"
          f" {row['splits']} splits, {row['merges']} merges", flush=True)
    row["base"] = run_child("base", folder)
    runs = sorted((run_child("engine", folder, args.examples) for _ in range(args.repeat)),
                  key=lambda r: r["seconds"])
    row["engine"] = runs[len(runs) // 2]  # the median run: other work on the machine skews single runs
    times = ", ".join(f"{r['seconds']:.3f}" for r in runs)
    print(f"[{label}] engine {row['engine']['seconds']:.3f} s (median of {times})", flush=True)
    if SIZES[label] <= DIFFLIB_MAX_BYTES:
        row["difflib"] = run_child("difflib", folder)
        print(f"[{label}] difflib {row['difflib']['seconds']:.3f} s", flush=True)
    if shutil.which("wdiff"):
        row["wdiff"] = run_child("wdiff", folder)
        print(f"[{label}] wdiff {row['wdiff']['seconds']:.3f} s", flush=True)
    if args.profile:
        print(f"[{label}] cProfile of compare():", flush=True)
        run_child("profile", folder)
    return row


def pct(result: dict) -> float:
    """Accuracy of a result in percent."""
    return 100.0 * result["hits"] / max(1, result["truth"])


def baseline_cells(row: dict, name: str, skip: str) -> list[str]:
    """Time, accuracy and engine/baseline time ratio cells of one baseline."""
    result = row.get(name)
    if result is None:
        return [skip, "", ""]
    ratio = row["engine"]["seconds"] / max(result["seconds"], 1e-9)
    return [f"{result['seconds']:.3f}", f"{pct(result):.2f}", f"{ratio:.2f}"]


def print_table(rows: list[dict]) -> None:
    """The main results table."""
    head = ["size", "words", "swaps", "unspin s", "peak MB", "base MB", "engine MB", "acc %",
            "alone %", "difflib s", "acc %", "u/d", "wdiff s", "acc %", "u/w"]
    lines = [head]
    for row in rows:
        e, b = row["engine"], row["base"]
        wd = "not installed" if "wdiff" not in row else ""
        lines.append([row["label"], f"{row['words']:,}", f"{row['swaps']:,}",
                      f"{e['seconds']:.3f}", f"{e['peak_mb']:.0f}", f"{b['peak_mb']:.0f}",
                      f"{e['peak_mb'] - b['peak_mb']:.0f}", f"{pct(e):.3f}",
                      f"{100.0 * e['standalone_hits'] / max(1, e['standalone_truth']):.3f}",
                      *baseline_cells(row, "difflib", "skipped (too slow)"),
                      *baseline_cells(row, "wdiff", wd)])
    widths = [max(len(line[k]) for line in lines) for k in range(len(head))]
    for line in lines:
        print("  ".join(cell.rjust(w) for cell, w in zip(line, widths)))
    print("peak MB: child's ru_maxrss; base MB: a child that only imports the engine and reads"
          " the texts;\nengine MB = peak - base. acc %: exact spans among 'word' swaps (the"
          " measure); alone %: the same,\nonly for swapped words not joined to another word by a"
          " hyphen or apostrophe ('call-tip').\nu/d, u/w: Unspin time / baseline time (below 1"
          " means Unspin is faster).")


def print_scaling(rows: list[dict]) -> None:
    """Time per MB at each size, to see whether time grows about linearly."""
    print("\nScaling (seconds per MB of original text):")
    for row in rows:
        mb = row["bytes"] / 1e6
        cells = [f"unspin {row['engine']['seconds'] / mb:7.3f}"]
        for name in ("difflib", "wdiff"):
            if name in row:
                cells.append(f"{name} {row[name]['seconds'] / mb:8.3f}")
        print(f"  {row['label']:>6} ({mb:6.2f} MB): " + "   ".join(cells))
    per_mb = [r["engine"]["seconds"] / (r["bytes"] / 1e6) for r in rows if r["bytes"] >= 500_000]
    if len(per_mb) >= 2:
        print(f"  unspin s/MB from {rows[-len(per_mb)]['label']} to {rows[-1]['label']}:"
              f" x{per_mb[-1] / per_mb[0]:.2f} (1.0 = linear)")


def print_memory(rows: list[dict]) -> None:
    """Cross-check of ru_maxrss with VmHWM, which counts the child's own memory only."""
    print("\nMemory cross-check (VmHWM of the child's own address space, MB):")
    for row in rows:
        e, b = row["engine"], row["base"]
        print(f"  {row['label']:>6}: engine child {e['hwm_mb']:.0f}, base child {b['hwm_mb']:.0f},"
              f" difference {e['hwm_mb'] - b['hwm_mb']:.0f}; the engine's second process"
              f" {e.get('second_mb', 0):.0f} (RSS, shares its forked pages with the first)")


def print_goals(rows: list[dict]) -> None:
    """Each goal with the measured figure and PASS or FAIL."""
    print("\nGoals:")
    for row in rows:
        e, label = row["engine"], row["label"]
        checks = [(f"accuracy >= {GOAL_ACCURACY}%", pct(e) >= GOAL_ACCURACY, f"{pct(e):.3f}%")]
        if label in GOAL_SECONDS:
            checks.append((f"time <= {GOAL_SECONDS[label]} s", e["seconds"] <= GOAL_SECONDS[label],
                           f"{e['seconds']:.3f} s"))
        if label in GOAL_PEAK_MB:
            checks.append((f"peak <= {GOAL_PEAK_MB[label]:.0f} MB",
                           e["peak_mb"] <= GOAL_PEAK_MB[label], f"{e['peak_mb']:.0f} MB"))
        for name, ok, got in checks:
            print(f"  {label:>6}  {name:<20} {got:>12}  {'PASS' if ok else 'FAIL'}")


def print_diagnostics(rows: list[dict]) -> None:
    """Accuracy counting any kind, how misses break down, and examples of misses."""
    for row in rows:
        e = row["engine"]
        any_pct = 100.0 * e["any_kind_hits"] / max(1, e["truth"])
        print(f"\n[{row['label']}] missed {e['truth'] - e['hits']:,} of {e['truth']:,};"
              f" exact span with any kind: {any_pct:.3f}%; spin score {e['spin_score']};"
              f" coarse gaps {e['coarse_gaps']}")
        for label, n in sorted(e["miss_kinds"].items(), key=lambda kv: -kv[1]):
            print(f"    {n:7,}  {label}")
        for k, ex in enumerate(e["examples"], 1):
            kind = "joined" if ex["joined"] else "standalone"
            print(f"  {k:2}. truth {ex['truth']} at {tuple(ex['span'])} ({kind})\n"
                  f"      old: {ex['old_ctx']}\n      new: {ex['new_ctx']}\n"
                  f"      engine: {'; '.join(ex['reported'])}\n      op: {ex['op']}")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", choices=list(SIZES), help="sizes to run")
    parser.add_argument("--quick", action="store_true", help="only 10KB, 100KB and 1MB")
    parser.add_argument("--profile", action="store_true", help="also cProfile the engine")
    parser.add_argument("--repeat", type=int, default=3, help="engine runs per size (median shown)")
    parser.add_argument("--examples", type=int, default=15, help="missed swaps to show per size")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DIR"), help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Run every size in child processes and print the report; the parent stays small."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.child:
        child_main(args.child[0], args.child[1], args.examples)
        return
    labels = args.sizes or (QUICK if args.quick else [label for label in SIZES if label != "100MB"])
    rows = []
    with tempfile.TemporaryDirectory(prefix="unspin-bench-") as tmp:
        corpus = run_child("corpus", Path(tmp))
        print(f"corpus: {corpus['paragraphs']:,} paragraphs, {corpus['bytes'] / 1e6:.2f} MB"
              f" ({corpus['seconds']:.1f} s to build)", flush=True)
        for label in sorted(labels, key=SIZES.get):
            rows.append(bench_size(label, Path(tmp), args))
    print()
    print_table(rows)
    print_scaling(rows)
    print_memory(rows)
    print_goals(rows)
    print_diagnostics(rows)


if __name__ == "__main__":
    main()
