"""Access to the data files shipped in ``resources/`` and the bundled seed pair."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """Path of a file in the project's ``resources/`` folder (installed as ``unspin.resources``)."""
    return Path(str(resources.files("unspin.resources").joinpath(name)))


def seed_paths() -> tuple[Path, Path]:
    """The bundled demo pair: the original article, then its spun copy."""
    base = resources.files("unspin.seeds")
    return (Path(str(base.joinpath("001_e5ea69382f8cbf52.txt"))),
            Path(str(base.joinpath("000_dad3e476f5be5b2e.txt"))))


def read_table(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and ``#`` comments."""
    rows = []
    for line in resource_path(name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
