"""``unspin --install-desktop`` / ``--uninstall-desktop``: per-user desktop integration.

Writes the application entry, the session MIME type and the icons under
``$XDG_DATA_HOME`` (default ``~/.local/share``), then refreshes the desktop, MIME and
icon caches with whichever of the freedesktop tools exist. Running it twice changes
nothing the second time. Never imports Qt.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from unspin.core.resources import resource_path

APP_ID = "io.github.unspin.Unspin"
SESSION_MIME_ICON = "application-x-unspin-session"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (per the spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher_command() -> list[str]:
    """The command that starts this Unspin: the frozen bundle, the installed script, or Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = shutil.which("unspin", path=os.pathsep.join([os.path.dirname(sys.executable),
                                                          os.environ.get("PATH", "")]))
    if script:
        return [os.path.abspath(script)]
    return [sys.executable, "-m", "unspin"]


def desktop_entry(command: list[str]) -> str:
    """The shipped .desktop entry with Exec and TryExec pointing at *command*."""
    exec_line = " ".join(quote_exec_arg(arg) for arg in command)
    lines = []
    for line in resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line} " + line.split(" ", 1)[1]  # keep %F / --new-window
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def quote_exec_arg(arg: str) -> str:
    """Quote an Exec argument as the Desktop Entry spec asks (reserved characters, then escapes)."""
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%='):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    # the key's value is itself escaped: each backslash of the quoted argument is doubled
    return '"' + escaped.replace("\\", "\\\\").replace("%", "%%") + '"'


def planned_files(home: Path) -> dict[Path, bytes]:
    """Every file the installation writes, with its content."""
    icons = home / "icons" / "hicolor"
    svg = resource_path("unspin.svg").read_bytes()
    files = {
        home / "applications" / f"{APP_ID}.desktop": desktop_entry(launcher_command()).encode("utf-8"),
        home / "mime" / "packages" / f"{APP_ID}.xml": resource_path(f"{APP_ID}.mime.xml").read_bytes(),
        home / "metainfo" / f"{APP_ID}.metainfo.xml": resource_path(f"{APP_ID}.metainfo.xml").read_bytes(),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": svg,
        icons / "scalable" / "mimetypes" / f"{SESSION_MIME_ICON}.svg": svg,
    }
    for size in PNG_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = \
            resource_path(f"icons/unspin-{size}.png").read_bytes()
    return files


def install_files(home: Path | None = None, out=print) -> list[Path]:
    """Write the files that differ from what is installed; refresh the caches; return the changed."""
    home = home or data_home()
    changed = []
    for path, content in planned_files(home).items():
        if path.is_file() and path.read_bytes() == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.part")
        tmp.write_bytes(content)
        os.replace(tmp, path)  # a desktop scanning the folder never sees half a file
        changed.append(path)
        out(f"wrote {path}")
    if not changed:
        out(f"Unspin's desktop files are already installed in {home}: nothing to do")
        return changed
    refresh_caches(home, out)
    return changed


def uninstall_files(home: Path | None = None, out=print) -> list[Path]:
    """Remove the installed files (only ours); refresh the caches; return the removed."""
    home = home or data_home()
    removed = []
    for path in planned_files(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
            out(f"removed {path}")
    if not removed:
        out(f"Unspin's desktop files are not installed in {home}: nothing to do")
        return removed
    refresh_caches(home, out)
    return removed


def refresh_caches(home: Path, out=print) -> None:
    """Run the freedesktop cache tools that exist; a missing one is reported, not fatal."""
    hicolor = home / "icons" / "hicolor"
    commands = [("update-desktop-database", [str(home / "applications")]),
                ("update-mime-database", [str(home / "mime")]),
                ("gtk-update-icon-cache", ["--force", "--quiet", "--ignore-theme-index", str(hicolor)])]
    for tool, args in commands:
        if not Path(args[-1]).is_dir():
            continue
        exe = shutil.which(tool)
        if exe is None:
            out(f"skipped {tool}: not installed (the desktop picks the change up at next login)")
            continue
        result = subprocess.run([exe, *args], capture_output=True, text=True)
        if result.returncode == 0:
            out(f"ran {tool} {args[-1]}")
        else:
            out(f"warning: {tool} failed ({result.returncode}): {result.stderr.strip()}")


def run_desktop_command(install: bool) -> int:
    """The ``--install-desktop`` / ``--uninstall-desktop`` command; returns the exit status."""
    try:
        install_files() if install else uninstall_files()
    except OSError as exc:
        print(f"unspin: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
