"""A second process for big comparisons: it tokenizes the copy, then looks up word frequencies.

Tokenizing is the largest single cost of a comparison (a 10 MB text takes over a
second) and the two texts are independent, so the copy is tokenized in a second process
with a vocabulary of its own while this process does the original; its codes are then
translated into the shared vocabulary. Loading the word-frequency list costs a fixed
0.2 s, so the second process loads it too, while this one diffs, and answers the
scorer's lookups at the end.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from array import array
from collections.abc import Iterable

from unspin.core.slices import SLICE
from unspin.core.tokens import OFFSET_TYPE, Tokens, Vocabulary, tokenize

_log = logging.getLogger(__name__)

#: Combined size (characters) from which a forked second process pays for itself.
FORK_MIN_CHARS = 1_000_000
#: The same for a process started from a fork server (slower to start, and the text is
#: sent to it through a pipe).
SERVER_MIN_CHARS = 3_000_000


def worth_a_second_process(total_chars: int) -> bool:
    """True when texts of *total_chars* together compare faster with a second process."""
    return total_chars >= (FORK_MIN_CHARS if _can_fork() else SERVER_MIN_CHARS)


class SecondProcess:
    """Tokenizes one text in another process, then serves word frequencies from it."""

    def __init__(self, text: str, language: str, *, frequencies: bool = True):
        self.text = text
        context = _context()
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, text, language, frequencies),
                                        daemon=True, name="unspin-second")
        self._process.start()
        child.close()
        self.serves_frequencies = frequencies
        self._tokens_received = False

    def tokens(self, vocab: Vocabulary) -> Tokens:
        """The text's tokens in *vocab* (raises OSError/EOFError if the process died)."""
        packed = self._conn.recv()
        self._tokens_received = True
        return _unpack(self.text, packed, vocab)

    def frequencies(self, words: Iterable[str]) -> dict[str, float]:
        """Zipf frequencies of *words*, looked up in the second process."""
        words = sorted(set(words))
        self._conn.send(words)
        return dict(zip(words, self._conn.recv()))

    def close(self) -> None:
        """Tell the process to end and reap it; kill it if it is still busy (cancelled)."""
        try:
            if self._tokens_received:
                self._conn.send(None)
        except OSError:
            pass
        self._conn.close()
        # a forked child holds a copy of our end of the pipe, so it never sees it close
        self._process.join(timeout=1.0 if self._tokens_received else 0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def start_second_process(text: str, language: str, frequencies: bool = True) -> SecondProcess | None:
    """A SecondProcess for *text*, or None (with a warning) when none can be started here."""
    try:
        return SecondProcess(text, language, frequencies=frequencies)
    except (OSError, RuntimeError, ValueError) as exc:
        _log.warning("comparing in one process: %s", exc)
        return None


def tokenize_pair(old_text: str, new_text: str, vocab: Vocabulary,
                  second: SecondProcess | None = None) -> tuple[Tokens, Tokens]:
    """Tokens of both texts in *vocab*; the copy's from *second* when given."""
    old_tokens = tokenize(old_text, vocab)
    if second is None:
        return old_tokens, tokenize(new_text, vocab)
    try:
        return old_tokens, second.tokens(vocab)
    except (OSError, EOFError) as exc:  # e.g. killed, or out of memory
        _log.warning("the second process failed (%s); tokenizing here", exc)
        return old_tokens, tokenize(new_text, vocab)


def _can_fork() -> bool:
    """Forking is fast and needs no pickling, but is only safe in a single-threaded
    process (a window's worker thread may hold a lock the child would inherit) and
    only dependable on Linux."""
    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:  # threads of every kind (Qt's too), not only Python's
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


def _context():
    """Fork when safe, else a fork server (safe from a threaded process), else spawn."""
    if _can_fork():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["unspin.core.tokens"])
    return context


def _serve(conn, text: str, language: str, frequencies: bool) -> None:
    """The second process: send the text's tokens, then answer frequency lookups."""
    try:
        conn.send(_tokenize_alone(text))
        if not frequencies:
            return
        from unspin.core.scoring import zipf

        zipf("the", language)  # loads the word list while the other process diffs
        while (words := conn.recv()) is not None:
            conn.send([zipf(word, language) for word in words])
    except (EOFError, OSError):  # the other side is done, or gone
        pass
    finally:
        conn.close()


def _tokenize_alone(text: str) -> tuple[bytes, bytes, str, str]:
    """Codes, offsets and the vocabulary's keys of one text, as flat objects (unpickling
    many small ones would hold the GIL for long); keys never contain whitespace, so a
    newline separates them."""
    vocab = Vocabulary()
    tokens = tokenize(text, vocab)
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
