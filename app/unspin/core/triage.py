"""Triage: the reviewer's decision on each swap — confirmed as evidence, dismissed, or left
open — with an optional note, and the reviewer's name. Saved in sessions, shown in reports;
a report can hold the confirmed swaps alone."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

OPEN, CONFIRMED, DISMISSED = "open", "confirmed", "dismissed"
STATES = (OPEN, CONFIRMED, DISMISSED)
#: A note is kept up to this length.
MAX_NOTE = 2000


def key_of(swap) -> tuple[str, str]:
    return swap.old, swap.new


@dataclass(frozen=True)
class Review:
    """Decisions by swap (old, new) -> (state, note); swaps not in it are open."""

    marks: dict = field(default_factory=dict, compare=False)
    reviewer: str = ""

    def state(self, swap) -> str:
        return self.marks.get(key_of(swap), (OPEN, ""))[0]

    def note(self, swap) -> str:
        return self.marks.get(key_of(swap), (OPEN, ""))[1]

    def marked(self, swap, state: str | None = None, note: str | None = None) -> "Review":
        """A new review with *swap*'s state and/or note changed."""
        old_state, old_note = self.marks.get(key_of(swap), (OPEN, ""))
        state = old_state if state is None else state
        note = old_note if note is None else note[:MAX_NOTE]
        if state not in STATES:
            raise ValueError(f"unknown triage state {state!r}")
        marks = dict(self.marks)
        if state == OPEN and not note:
            marks.pop(key_of(swap), None)
        else:
            marks[key_of(swap)] = (state, note)
        return dataclasses.replace(self, marks=marks)

    def reversed(self) -> "Review":
        """The same decisions once the original and the copy change places."""
        return dataclasses.replace(self, marks={(new, old): mark for (old, new), mark in self.marks.items()})

    def count(self, state: str) -> int:
        return sum(1 for s, _ in self.marks.values() if s == state)

    def to_json(self) -> list[dict]:
        return [{"old": old, "new": new, "state": state, "note": note}
                for (old, new), (state, note) in sorted(self.marks.items())]

    @classmethod
    def from_json(cls, value, reviewer: str = "") -> "Review":
        """The review a session saved; ``ValueError`` naming what is wrong."""
        if not isinstance(value, list):
            raise ValueError("'triage' is not a list")
        marks = {}
        for item in value:
            if not isinstance(item, dict):
                raise ValueError("a 'triage' entry is not an object")
            old, new, state, note = (item.get(k) for k in ("old", "new", "state", "note"))
            if not (isinstance(old, str) and isinstance(new, str) and state in STATES
                    and isinstance(note, str)):
                raise ValueError("a 'triage' entry needs old, new, a state "
                                 f"({', '.join(STATES)}) and a note")
            marks[old, new] = (state, note[:MAX_NOTE])
        return cls(marks, reviewer if isinstance(reviewer, str) else "")


def reviewed(c, review: Review | None, confirmed_only: bool = False):
    """*c* carrying *review* (reports show each swap's decision and note); with
    *confirmed_only*, holding the confirmed swaps alone."""
    if review is None:
        return c
    swaps = tuple(s for s in c.swaps if review.state(s) == CONFIRMED) if confirmed_only else c.swaps
    return dataclasses.replace(c, review=review, swaps=swaps, confirmed_only=confirmed_only)


__all__ = ["CONFIRMED", "DISMISSED", "OPEN", "STATES", "Review", "reviewed"]
