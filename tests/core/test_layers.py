"""The engine and the compare command never import Qt."""

import subprocess
import sys

from tests.conftest import ORIGINAL, SPUN

CHECK = """
import sys
{body}
bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "unspin.gui")))
assert not bad, bad
"""


def run(body):
    return subprocess.run([sys.executable, "-c", CHECK.format(body=body)], capture_output=True, text=True)


def test_core_never_imports_qt():
    """Importing every core module (the format loaders too) and comparing loads no PySide6 module."""
    body = ("import pkgutil, importlib, unspin.core\n"
            "for m in pkgutil.walk_packages(unspin.core.__path__, 'unspin.core.'):\n"
            "    importlib.import_module(m.name)\n"
            "from unspin.core.compare import compare\ncompare('a b c', 'a x c')")
    result = run(body)
    assert result.returncode == 0, result.stderr


def test_compare_command_never_imports_qt(tmp_path):
    """Running 'unspin compare' end to end, with an HTML report, loads no PySide6 module."""
    report = str(tmp_path / "report.html")
    body = (f"from unspin.cli import main\nimport io, contextlib\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['compare', {str(ORIGINAL)!r}, {str(SPUN)!r}, '--format', 'json', "
            f"'--report', {report!r}]) == 0")
    result = run(body)
    assert result.returncode == 0, result.stderr


def test_batch_command_never_imports_qt():
    """Running 'unspin batch' (one process) and 'compare --unspun' loads no PySide6 module."""
    body = (f"from unspin.cli import main\nimport io, contextlib\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert main(['batch', {str(ORIGINAL)!r}, {str(SPUN)!r}, '--jobs', '1']) == 0\n"
            f"    assert main(['compare', {str(ORIGINAL)!r}, {str(SPUN)!r}, '--unspun']) == 0")
    result = run(body)
    assert result.returncode == 0, result.stderr
