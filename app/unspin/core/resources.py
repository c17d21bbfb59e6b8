"""Access to the data files shipped in ``resources/`` and the bundled seed pair."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _resources_folder() -> Path:
    # the package's own folder (importlib.resources would import zipfile: 3 ms of start-up
    # for an app that is never run from a zip)
    import unspin.resources

    return Path(unspin.resources.__file__).parent


def resource_path(name: str) -> Path:
    """Path of a file in the project's ``resources/`` folder (installed as ``unspin.resources``)."""
    return _resources_folder() / name


def seed_paths() -> tuple[Path, Path]:
    """The bundled demo pair: the original article, then its spun copy."""
    import unspin.seeds

    base = Path(unspin.seeds.__file__).parent
    return base / "001_e5ea69382f8cbf52.txt", base / "000_dad3e476f5be5b2e.txt"


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and ``#`` comments."""
    rows = []
    for line in resource_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
