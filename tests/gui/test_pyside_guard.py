"""Guard against the PySide6 6.12.0 reference leak on None (fatal 'none_dealloc')."""

import sys

from PySide6.QtGui import QColor


def test_methods_returning_none_keep_none_alive():
    """1,000 calls of a None-returning Qt method leave None's reference count intact."""
    color = QColor(1, 2, 3)
    before = sys.getrefcount(None)
    for _ in range(1000):
        color.setRed(5)
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references: use PySide6 < 6.12 on Python 3.11"
