"""A second process for big comparisons: it tokenizes the copy, aligns the paragraphs,
looks up word frequencies and scores half the swaps while this process does the rest.

Tokenizing is the largest single cost of a comparison (a 10 MB text takes over a
second) and the two texts are independent, so the copy is tokenized in a second process
with a vocabulary of its own while this process does the original; its codes are then
translated into the shared vocabulary. Once the word diff is known, the paragraph
alignment (from small paragraph layouts and the equal runs) is made there while this
process pairs the swaps. Loading the word-frequency list costs a fixed 0.2 s, so the
second process loads it too, while this one diffs, and answers the scorer's lookups.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import threading
from array import array
from collections.abc import Iterable

from unspin.core.alignment import Block, Layout, align_paragraphs, layout_of
from unspin.core.slices import SLICE
from unspin.core.tokens import OFFSET_TYPE, Tokens, Vocabulary, tokenize

# multiprocessing, socket, signal and logging are imported where they are used: most
# comparisons are small and never start a second process (5 ms of start-up saved).


def _log():
    import logging

    return logging.getLogger(__name__)

_KINDS = ("aligned", "inserted", "deleted", "rewritten")

#: Combined size (characters) from which a forked second process pays for itself.
FORK_MIN_CHARS = 1_000_000
#: The same for a process started from a fork server (slower to start, and the text is
#: sent to it through a pipe).
SERVER_MIN_CHARS = 3_000_000


def worth_a_second_process(total_chars: int) -> bool:
    """True when texts of *total_chars* together compare faster with a second process
    (never in a daemonic process, such as a pool's worker: it may not have children)."""
    if total_chars < FORK_MIN_CHARS:
        return False
    import multiprocessing

    if multiprocessing.current_process().daemon:
        return False
    return total_chars >= (FORK_MIN_CHARS if can_fork() else SERVER_MIN_CHARS)


class SecondProcess:
    """Tokenizes one text in another process, then serves word frequencies from it."""

    def __init__(self, text: str, language: str, *, frequencies: bool = True):
        self.text = text
        context = process_context()
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, text, language, frequencies),
                                        daemon=True, name="unspin-second")
        with _sigint_held():  # the child inherits the hold, then ignores Ctrl+C itself
            self._process.start()
        child.close()
        self.serves_frequencies = frequencies
        self._tokens_received = False
        self._closed = False
        self._sender: threading.Thread | None = None
        self._send_error: OSError | None = None
        self.failed = False  # set by callers when a request failed: ask no more

    def tokens(self, vocab: Vocabulary) -> tuple[Tokens, Layout]:
        """The text's tokens in *vocab* and its layout (OSError/EOFError if the process died)."""
        packed, layout = self._conn.recv()
        self._tokens_received = True
        return _unpack(self.text, packed, vocab), layout

    def start_alignment(self, old_layout: Layout, runs) -> None:
        """Have the paragraphs aligned there; collect the blocks with ``alignment()``.

        The request is written by a thread: the other process may still be loading the
        word list, and a write larger than the pipe's buffer waits until it reads."""
        flat = runs.flat  # (i, j, n) flat, as the other side reads them
        self._sender = threading.Thread(target=self._send, args=(("align", old_layout, flat.tobytes()),),
                                        name="unspin-send", daemon=True)
        self._sender.start()

    def _send(self, message) -> None:
        try:
            self._conn.send(message)
        except OSError as exc:  # raised again by the next call that needs the answer
            self._send_error = exc

    def _join_sender(self) -> None:
        if self._sender is not None:
            self._sender.join()
            self._sender = None
        if self._send_error is not None:
            raise self._send_error

    def alignment(self) -> tuple[Block, ...]:
        """The blocks asked for with ``start_alignment``."""
        self._join_sender()
        kinds, flat_bytes = self._conn.recv()
        flat = array(OFFSET_TYPE)
        flat.frombytes(flat_bytes)
        return tuple(Block(_KINDS[kind], *flat[8 * k:8 * k + 4], (flat[8 * k + 4], flat[8 * k + 5]),
                           (flat[8 * k + 6], flat[8 * k + 7])) for k, kind in enumerate(kinds))

    def start_scoring(self, language: str, swaps, places) -> None:
        """Have *swaps* (with their placements) scored there; collect them with ``scored()``."""
        items = [(s.old, s.new, s.kind, s.spans, p) for s, p in zip(swaps, places)]
        self._join_sender()
        self._sender = threading.Thread(target=self._send, args=(("score", language, items),),
                                        name="unspin-send", daemon=True)
        self._sender.start()

    def scored(self, swaps) -> list:
        """*swaps* with the scores and reasons asked for with ``start_scoring``."""
        from unspin.core.swaps import Reason

        self._join_sender()
        results = self._conn.recv()
        return [dataclasses.replace(s, score=score, reasons=tuple(Reason(*r) for r in reasons))
                for s, (score, reasons) in zip(swaps, results)]

    def frequencies(self, words: Iterable[str]) -> dict[str, float]:
        """Zipf frequencies of *words*, looked up in the second process."""
        words = sorted(set(words))
        self._join_sender()
        self._conn.send(("zipf", words))
        return dict(zip(words, self._conn.recv()))

    def close(self) -> None:
        """Tell the process to end and reap it; kill it if it is still busy (cancelled).
        Closing again does nothing."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._tokens_received:
                self._join_sender()
                self._conn.send(None)
        except OSError:
            pass
        # a forked child holds a copy of our end of the pipe, so closing ours alone would
        # not stop it writing a reply nobody reads: shut the connection down for every copy
        with contextlib.suppress(OSError, ValueError):
            import socket

            socket.socket(fileno=os.dup(self._conn.fileno())).shutdown(socket.SHUT_RDWR)
        self._conn.close()
        self._process.join(timeout=1.0 if self._tokens_received else 0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def start_second_process(text: str, language: str, frequencies: bool = True) -> SecondProcess | None:
    """A SecondProcess for *text*, or None (with a warning) when none can be started here."""
    try:
        return SecondProcess(text, language, frequencies=frequencies)
    except (OSError, RuntimeError, ValueError, AssertionError) as exc:  # assert: a daemon's child
        _log().warning("comparing in one process: %s", exc)
        return None


#: An original up to this many characters is kept tokenized for the next comparison with
#: it (a batch compares one original with hundreds of copies).
KEEP_ORIGINAL_CHARS = 2_000_000
_last_original: tuple[str, Tokens, Layout, Vocabulary] | None = None


def tokenize_pair(old_text: str, new_text: str, vocab: Vocabulary,
                  second: SecondProcess | None = None) -> tuple[Tokens, Tokens, Layout, Layout]:
    """Tokens and paragraph layouts of both texts in *vocab* (empty when given); the
    copy's from *second* when given (None after this if it failed)."""
    old_tokens, old_layout = _original_tokens(old_text, vocab)
    if second is not None:
        try:
            new_tokens, new_layout = second.tokens(vocab)
            return old_tokens, new_tokens, old_layout, new_layout
        except (OSError, EOFError) as exc:  # e.g. killed, or out of memory
            _log().warning("the second process failed (%s); tokenizing here", exc)
            second.failed = True
    new_tokens = tokenize(new_text, vocab)
    return old_tokens, new_tokens, old_layout, layout_of(new_tokens)


def _original_tokens(text: str, vocab: Vocabulary) -> tuple[Tokens, Layout]:
    """The original's tokens and layout, and *vocab* holding its words: from the last
    comparison when it had the same original, else tokenized now (and kept when small)."""
    global _last_original
    kept = _last_original
    if kept is not None and kept[0] == text and not vocab.keys:
        vocab.codes.update(kept[3].codes)
        vocab.keys.extend(kept[3].keys)
        vocab.word_codes.update(kept[3].word_codes)
        return kept[1], kept[2]
    tokens = tokenize(text, vocab)
    layout = layout_of(tokens)
    if len(text) <= KEEP_ORIGINAL_CHARS:
        _last_original = (text, tokens, layout, Vocabulary(dict(vocab.codes), list(vocab.keys),
                                                           set(vocab.word_codes)))
    return tokens, layout


@contextlib.contextmanager
def _sigint_held():
    """Hold Ctrl+C back while a child process starts: one arriving before the child has
    set itself to ignore it printed the child's traceback (the parent still gets it, late)."""
    import signal

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def can_fork() -> bool:
    """Forking is fast and needs no pickling, but is only safe in a single-threaded
    process (a window's worker thread may hold a lock the child would inherit) and
    only dependable on Linux."""
    import multiprocessing

    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:  # threads of every kind (Qt's too), not only Python's
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def process_context(preload: str = "unspin.core.tokens"):
    """Fork when safe, else a fork server (safe from a threaded process) that imports
    *preload* once for all its children, else spawn."""
    import multiprocessing

    if can_fork():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload([preload])
    return context


def _serve(conn, text: str, language: str, frequencies: bool) -> None:
    """The second process: send the text's tokens and layout, then answer requests."""
    import signal

    # Ctrl+C reaches the whole process group: the first process decides (and ends this one)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held since the fork: a pending Ctrl+C is dropped now
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        vocab = Vocabulary()
        tokens = tokenize(text, vocab)
        layout = layout_of(tokens)
        conn.send((_pack(tokens, vocab), layout))
        if frequencies:
            from unspin.core.scoring import zipf

            zipf("the", language)  # loads the word list while the other process diffs
        while (request := conn.recv()) is not None:
            if request[0] == "align":
                conn.send(_flat_blocks(_align(request[1], layout, request[2])))
            elif request[0] == "score":
                conn.send(_score(request[1], request[2]))
            else:
                conn.send([zipf(word, language) for word in request[1]])
    except (EOFError, OSError):  # the other side is done, or gone
        pass
    finally:
        conn.close()


def _score(language: str, items) -> list:
    """(score, reasons as plain tuples) of each swap sent by ``start_scoring``."""
    from unspin.core.scoring import Scorer
    from unspin.core.swaps import Swap

    scorer = Scorer(language)
    out = []
    for old, new, kind, spans, place in items:
        scored = scorer.score(Swap(old, new, kind, spans), place)
        out.append((scored.score, [(r.code, r.text, r.weight) for r in scored.reasons]))
    return out


def _align(old_layout: Layout, new_layout: Layout, flat_runs: bytes) -> tuple[Block, ...]:
    """Paragraph alignment from the runs sent flat (i, j, n, i, j, n, ...)."""
    runs = array(OFFSET_TYPE)
    runs.frombytes(flat_runs)
    return align_paragraphs(old_layout, new_layout, zip(runs[0::3], runs[1::3], runs[2::3]))


def _flat_blocks(blocks) -> tuple[bytes, bytes]:
    """Blocks as a kind byte each and eight integers each: two flat objects to send
    (unpickling tens of thousands of tuples would hold the other process's GIL for long)."""
    flat = array(OFFSET_TYPE)
    for b in blocks:
        flat.extend((b.old_start, b.old_end, b.new_start, b.new_end, *b.old_paragraphs, *b.new_paragraphs))
    return bytes(_KINDS.index(b.kind) for b in blocks), flat.tobytes()


def _pack(tokens: Tokens, vocab: Vocabulary) -> tuple[bytes, bytes, str, str]:
    """Codes, offsets and the vocabulary's keys of one text, as flat objects (unpickling
    many small ones would hold the GIL for long); keys never contain whitespace, so a
    newline separates them."""
    return (tokens.codes.encode("utf-32-le"), tokens.offsets.tobytes(), "\n".join(vocab.keys),
            tokens.word_mask)


def _unpack(text: str, packed, vocab: Vocabulary) -> Tokens:
    """Tokens in the shared vocabulary from the second process's results."""
    code_bytes, offset_bytes, joined_keys, word_mask = packed
    keys = joined_keys.split("\n") if joined_keys else []
    table = {Vocabulary.code_point(k): vocab.code_for(key) for k, key in enumerate(keys)}
    step = SLICE * 32  # bytes: 4 a code
    parts = [code_bytes[k:k + step].decode("utf-32-le").translate(table)
             for k in range(0, len(code_bytes), step)]
    offsets = array(OFFSET_TYPE)
    offsets.frombytes(offset_bytes)
    return Tokens(text=text, codes="".join(parts), offsets=offsets, word_mask=word_mask)
