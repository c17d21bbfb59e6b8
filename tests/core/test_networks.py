"""Copy networks: copies from one spinner operation (one dictionary) are grouped, copies
from another operation form their own group, and human edits join none."""

import random
import re

from tests.conftest import ORIGINAL
from unspin.core.batch import rank_copies
from unspin.core.batch_report import to_csv, to_dict, to_text
from unspin.core.documents import load_document
from unspin.core.networks import find_networks
from unspin.core.scoring import load_function_words
from unspin.core.thesaurus import default_thesaurus

WORD = re.compile(r"[A-Za-z]+")


def _dictionary(text: str, seed: int) -> dict[str, str]:
    """A spinner operation's dictionary: for each content word with a one-word synonym, one
    synonym chosen once (seeded), as a WordPress spinner's phrase list would have it."""
    rng = random.Random(seed)
    function_words = load_function_words()
    out = {}
    for word in sorted({w.lower() for w in WORD.findall(text)}):
        if word in function_words or len(word) < 4:
            continue
        synonyms = sorted(s for s in default_thesaurus().neighbours(word) if s.isalpha())
        if synonyms:
            out[word] = rng.choice(synonyms)
    return out


def _spun(text: str, dictionary: dict[str, str], seed: int) -> str:
    """One copy: the operation's dictionary applied to a random 60 % of the words it covers."""
    rng = random.Random(seed)
    used = {w for w in dictionary if rng.random() < 0.6}
    return WORD.sub(lambda m: dictionary[m.group().lower()] if m.group().lower() in used else m.group(), text)


def _edited(text: str, seed: int) -> str:
    """A human edit: a few words changed for others of the text, a sentence dropped."""
    rng = random.Random(seed)
    words = WORD.findall(text)
    sentences = text.split(". ")
    del sentences[rng.randrange(len(sentences))]
    text = ". ".join(sentences)
    for _ in range(6):
        old, new = rng.choice(words), rng.choice(words)
        text = re.sub(rf"\b{old}\b", new, text, count=1)
    return text


def test_two_operations_and_four_edits_make_two_networks(tmp_path):
    original = ORIGINAL.read_text(encoding="utf-8")
    paths, truth = [], {}
    for operation in (1, 2):
        dictionary = _dictionary(original, seed=operation * 100)
        for k in range(6):
            path = tmp_path / f"op{operation}-copy{k}.txt"
            path.write_text(_spun(original, dictionary, seed=operation * 10 + k), encoding="utf-8")
            paths.append(str(path))
            truth[str(path)] = operation
    for k in range(4):
        path = tmp_path / f"edit{k}.txt"
        path.write_text(_edited(original, seed=k), encoding="utf-8")
        paths.append(str(path))
        truth[str(path)] = None
    result = rank_copies(load_document(ORIGINAL), paths, jobs=1)
    assert len(result.rows) == 16 and len(result.networks) == 2
    groups = {}
    for row in result.rows:
        if truth[row.path] is None:
            assert row.network is None, f"the human edit {row.path} was put in a network"
        else:
            groups.setdefault(truth[row.path], set()).add(row.network)
    assert all(len(ids) == 1 and None not in ids for ids in groups.values())
    assert groups[1] != groups[2]
    data = to_dict(result)
    assert len(data["networks"]) == 2 and all(len(n["copies"]) == 6 for n in data["networks"])
    assert data["networks"][0]["shared_swaps"] and "network" in data["copies"][0]
    assert "network" in to_csv(result).splitlines()[0] and "Copy networks" in to_text(result)


def test_copies_that_agree_by_chance_on_few_words_are_not_tied():
    """Four words swapped alike is too little to tie two copies; one choice in three
    different is too much disagreement."""
    few = (("a", "b"), ("c", "d"), ("e", "f"), ("g", "h"))
    ids, networks = find_networks([few, few])
    assert ids == [None, None] and networks == []
    first = tuple((f"w{k}", f"x{k}") for k in range(9))
    second = tuple((f"w{k}", f"x{k}" if k % 3 else f"y{k}") for k in range(9))
    assert find_networks([first, second])[0] == [None, None]
    assert find_networks([first, first])[0] == [1, 1]
