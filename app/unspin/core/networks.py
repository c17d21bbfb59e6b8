"""Copy networks: which copies of one original came out of the same spinner operation.

A spinner operation rewrites with one dictionary: wherever two of its copies both changed
a word, they changed it to the same word ("people" -> "folks" in both). Two editors, or two
spinners with different dictionaries, agree only now and then. So two copies are tied when
they both swapped at least ``MIN_COMMON`` of the same original words and made the same
choice for at least ``MIN_AGREEMENT`` of them; a network is a group of copies tied
directly or through others. A copy tied to none is in no network.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

#: Two copies must both have swapped this many of the same words to be compared at all ...
MIN_COMMON = 5
#: ... and made the same choice for this share of them.
MIN_AGREEMENT = 0.8
#: The shared swaps listed for a network.
SHARED_SHOWN = 10


@dataclass(frozen=True)
class Network:
    """A group of copies that share a spinner's choices."""

    id: int
    members: tuple[int, ...]  # indices of the copies, in the order given
    shared: tuple[tuple[str, str, int], ...]  # (old, new, how many members made it), commonest first


def find_networks(choices: list[tuple[tuple[str, str], ...]]) -> tuple[list[int | None], list[Network]]:
    """For each copy's word swaps (old, new), its network id (1, 2, ... in order of first
    member; None: in none) and the networks."""
    maps = [_choice_map(c) for c in choices]
    parent = list(range(len(maps)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a in range(len(maps)):
        for b in range(a + 1, len(maps)):
            if tied(maps[a], maps[b]):
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for k in range(len(maps)):
        groups.setdefault(root(k), []).append(k)
    ids: list[int | None] = [None] * len(maps)
    networks = []
    for members in sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0]):
        network = Network(len(networks) + 1, tuple(members), _shared(choices, members))
        networks.append(network)
        for k in members:
            ids[k] = network.id
    return ids, networks


def tied(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """Whether two copies' choices show one dictionary: enough words swapped by both, and
    nearly always to the same word."""
    common = a.keys() & b.keys()
    if len(common) < MIN_COMMON:
        return False
    agree = sum(1 for old in common if a[old] & b[old])
    return agree >= MIN_AGREEMENT * len(common)


def _choice_map(choices) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for old, new in choices:
        out.setdefault(old.lower(), set()).add(new.lower())
    return out


def _shared(choices, members) -> tuple[tuple[str, str, int], ...]:
    counts = Counter(pair for k in members for pair in {(o.lower(), n.lower()) for o, n in choices[k]})
    common = [(old, new, n) for (old, new), n in counts.most_common() if n > 1]
    return tuple(common[:SHARED_SHOWN])


__all__ = ["Network", "find_networks", "tied", "MIN_AGREEMENT", "MIN_COMMON"]
