"""Tokenizing the two texts at the same time, in two processes, when they are big.

Tokenizing is the largest single cost of a comparison (a 10 MB text takes over a
second) and the two texts are independent, so the copy is tokenized in a second process
with a vocabulary of its own while this process does the original; its codes are then
translated into the shared vocabulary.
"""

from __future__ import annotations

import logging
import multiprocessing
from array import array
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from unspin.core.slices import SLICE
from unspin.core.tokens import OFFSET_TYPE, Tokens, Vocabulary, tokenize

_log = logging.getLogger(__name__)

#: Combined size (characters) from which the second process pays for itself.
PARALLEL_MIN_CHARS = 3_000_000


def tokenize_pair(old_text: str, new_text: str, vocab: Vocabulary, parallel: bool | None = None,
                  while_waiting=None) -> tuple[Tokens, Tokens]:
    """Tokens of both texts in *vocab*; in two processes when *parallel* (default: when big).

    *while_waiting* is called once this process is done with its text and the other may
    still be busy: a moment for other work.
    """
    if parallel is None:
        parallel = len(old_text) + len(new_text) >= PARALLEL_MIN_CHARS
    if not parallel:
        return tokenize(old_text, vocab), tokenize(new_text, vocab)
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=_context())
        future = pool.submit(_tokenize_alone, new_text)
    except (OSError, RuntimeError, ValueError) as exc:  # no second process to be had here
        _log.warning("tokenizing in one process: %s", exc)
        return tokenize(old_text, vocab), tokenize(new_text, vocab)
    with pool:
        old_tokens = tokenize(old_text, vocab)
        if while_waiting is not None:
            while_waiting()
        try:
            packed = future.result()
        except BrokenProcessPool as exc:  # e.g. a __main__ the child cannot import
            _log.warning("the second process failed (%s); tokenizing here", exc)
            return old_tokens, tokenize(new_text, vocab)
    return old_tokens, _unpack(new_text, packed, vocab)


def _context():
    """A start method that is safe from a threaded process (the window's worker thread)."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["unspin.core.tokens"])
    return context


def _tokenize_alone(text: str) -> tuple[bytes, bytes, str, str]:
    """In the second process: codes, offsets and the vocabulary's keys of one text, as
    three flat objects (unpickling many small ones would hold the GIL for long); keys
    never contain whitespace, so a newline separates them."""
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
