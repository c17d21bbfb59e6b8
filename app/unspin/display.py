"""Whether a window can be opened here, asked before Qt is loaded: without a display Qt
aborts the whole process with a message about plugins (exit 134), which tells a user
nothing about what to do."""

from __future__ import annotations

import ctypes.util
import os
import sys

#: The library Qt's X11 plugin needs besides Qt itself (Debian: libxcb-cursor0).
_XCB_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
                  "xcb-keysyms": "libxcb-keysyms1"}
_ADVICE = "compare from the command line instead: unspin compare ORIGINAL COPY"


def display_problem() -> str | None:
    """Why no window can be opened here (one line), or None when one can be tried."""
    if not sys.platform.startswith("linux"):
        return None  # macOS and Windows always have their own platform plugin
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs...: the user chose it
    x11, wayland = bool(os.environ.get("DISPLAY")), bool(os.environ.get("WAYLAND_DISPLAY"))
    if not x11 and not wayland:
        return f"no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); {_ADVICE}"
    if x11 and (platform.startswith("xcb") or not wayland):
        missing = [package for library, package in _XCB_LIBRARIES.items()
                   if ctypes.util.find_library(library) is None]
        if missing:
            return (f"the window needs the X11 libraries {', '.join(missing)} (on Debian or Ubuntu: "
                    f"sudo apt-get install {' '.join(missing)}); {_ADVICE}")
    return None


__all__ = ["display_problem"]
