"""``unspin --install-desktop`` / ``--uninstall-desktop`` into a temporary XDG_DATA_HOME."""

import os
import shlex
import shutil
import subprocess
import sys

import pytest

APP_ID = "io.github.unspin.Unspin"


def unspin(*args, data_home):
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run([sys.executable, "-m", "unspin", *args], capture_output=True, text=True, env=env)


@pytest.fixture
def installed(tmp_path):
    """Unspin's desktop files installed into a fresh data folder."""
    home = tmp_path / "share"
    r = unspin("--install-desktop", data_home=home)
    assert r.returncode == 0, r.stderr
    return home, r.stdout


def test_install_writes_the_entry_mime_type_metainfo_and_icons(installed):
    """The entry, the session MIME type, the metainfo and every icon size land in place."""
    home, out = installed
    desktop = home / "applications" / f"{APP_ID}.desktop"
    for path in (desktop, home / "mime" / "packages" / f"{APP_ID}.xml",
                 home / "metainfo" / f"{APP_ID}.metainfo.xml",
                 home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
                 home / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png"):
        assert path.is_file() and f"wrote {path}" in out
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    program = shlex.split(exec_line.split("=", 1)[1])[0]
    assert exec_line.endswith(" %F") and os.access(program, os.X_OK), exec_line


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)")
def test_the_installed_desktop_entry_is_valid(installed):
    """desktop-file-validate accepts the installed entry, Exec rewritten to this Unspin."""
    home, _ = installed
    r = subprocess.run(["desktop-file-validate", str(home / "applications" / f"{APP_ID}.desktop")],
                       capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == "", r.stdout + r.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli is not installed (Debian: appstream)")
def test_the_installed_metainfo_is_valid(installed):
    """appstreamcli (offline) accepts the metainfo."""
    home, _ = installed
    r = subprocess.run(["appstreamcli", "validate", "--no-net",
                        str(home / "metainfo" / f"{APP_ID}.metainfo.xml")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database is not installed (Debian: shared-mime-info)")
def test_session_files_get_their_mime_type_and_unspin_opens_them(installed):
    """The refreshed databases map *.unspin to the session type, and the type to Unspin."""
    home, out = installed
    assert "*.unspin" in (home / "mime" / "globs2").read_text()
    assert "application/x-unspin-session:*.unspin" in (home / "mime" / "globs2").read_text()
    if shutil.which("update-desktop-database"):
        cache = (home / "applications" / "mimeinfo.cache").read_text()
        assert f"application/x-unspin-session={APP_ID}.desktop;" in cache


def test_installing_twice_changes_nothing_and_uninstall_removes_only_ours(installed):
    """A second install does nothing; uninstall removes our files and leaves others alone."""
    home, _ = installed
    other = home / "applications" / "someone-else.desktop"
    other.write_text("[Desktop Entry]\n")
    again = unspin("--install-desktop", data_home=home)
    assert again.returncode == 0 and "nothing to do" in again.stdout and "wrote" not in again.stdout
    gone = unspin("--uninstall-desktop", data_home=home)
    assert gone.returncode == 0 and f"removed {home / 'applications' / (APP_ID + '.desktop')}" in gone.stdout
    assert not list(home.rglob(f"{APP_ID}*")) and other.is_file()
    assert "nothing to do" in unspin("--uninstall-desktop", data_home=home).stdout
