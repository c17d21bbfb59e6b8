"""File → Recent Comparisons: the last pairs compared, kept in the settings."""

from __future__ import annotations

import os

MAX_RECENT = 10


class RecentPairs:
    """Remembers compared pairs of paths and lists them in *menu*; choosing one calls
    ``open_pair([old, new])``."""

    def __init__(self, settings, menu, open_pair):
        self.settings, self.menu, self.open_pair = settings, menu, open_pair
        self.rebuild_menu()

    def pairs(self) -> list[tuple[str, str]]:
        """Recently compared pairs of paths, newest first."""
        raw = self.settings.value("recent/pairs", []) or []
        raw = [raw] if isinstance(raw, str) else raw
        return [tuple(item.split("\t", 1)) for item in raw if "\t" in item]

    def remember(self, old, new) -> None:
        """Put the pair of documents *old*, *new* first (files only, not pasted text)."""
        if not (old and new and old.path and new.path):
            return
        pair = (old.path, new.path)
        pairs = [pair] + [p for p in self.pairs() if p != pair]
        self.settings.setValue("recent/pairs", ["\t".join(p) for p in pairs[:MAX_RECENT]])
        self.rebuild_menu()

    def rebuild_menu(self) -> None:
        self.menu.clear()
        pairs = self.pairs()
        for n, (old, new) in enumerate(pairs, 1):
            label = f"&{n % 10} {os.path.basename(old)}  ⟷  {os.path.basename(new)}"
            action = self.menu.addAction(label)
            action.triggered.connect(lambda _=False, p=(old, new): self.open_pair(list(p)))
        self.menu.setEnabled(bool(pairs))
