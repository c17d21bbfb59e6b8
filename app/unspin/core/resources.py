"""Access to the data files shipped in ``resources/`` and the bundled seed pair."""

from __future__ import annotations

import sys
from array import array
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


def mapped(name: str):
    """A resource file's bytes, mapped read-only into memory: only the pages a lookup touches
    are read, where reading a table whole took milliseconds of every start."""
    import mmap

    with open(resource_path(name), "rb") as fh:
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def little_endian_column(data, start: int, count: int, typecode: str):
    """*count* numbers of type *typecode* stored little-endian from byte *start* of *data*:
    a view into it where the machine is little-endian, a byte-swapped copy elsewhere."""
    size = array(typecode).itemsize
    view = memoryview(data)[start:start + size * count]
    if sys.byteorder == "little":
        return view.cast(typecode)
    column = array(typecode, view.tobytes())
    column.byteswap()
    return column


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
