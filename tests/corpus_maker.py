"""A small corpus for the corpus tests: originals with topic decoys among them, and copies
made by three simulated spinner families, a copy of a decoy's topic that is not a copy,
and an unrelated page."""

import shutil
import sys
from pathlib import Path

from tests.conftest import ORIGINAL, SPUN

ROOT = Path(__file__).resolve().parent.parent
PUBLIC_DOMAIN = ROOT / "benchmarks" / "judgement" / "public-domain"
HERE = Path(__file__).resolve().parent / "data" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))

from simulated_spinners import FAMILIES, spin  # noqa: E402


def make_corpus(folder: Path) -> tuple[Path, Path, dict[str, str]]:
    """(originals folder, copies folder, {copy path: original path, or "" for none})."""
    originals, copies = folder / "originals", folder / "copies"
    originals.mkdir(parents=True)
    copies.mkdir()
    sources = {"demo.txt": ORIGINAL, "psyche.txt": PUBLIC_DOMAIN / "nasa-psyche.txt",
               "mars2020.txt": PUBLIC_DOMAIN / "nasa-mars2020.txt"}
    for name, path in sources.items():
        shutil.copy(path, originals / name)
    shutil.copy(HERE / "decoy-asteroid.txt", originals / "decoy-asteroid.txt")
    expected = {}
    shutil.copy(SPUN, copies / "farm-demo.txt")
    expected[str(copies / "farm-demo.txt")] = str(originals / "demo.txt")
    for n, (name, path) in enumerate(sources.items()):
        for family in FAMILIES:
            spun, _swaps = spin(path.read_text(encoding="utf-8"), family, seed=n)
            target = copies / f"{family}-{name}"
            target.write_text(spun, encoding="utf-8")
            expected[str(target)] = str(originals / name)
    for name in ("decoy-ukraine.txt", "unrelated-recipe.txt"):
        shutil.copy(HERE / name, copies / name)
        expected[str(copies / name)] = ""
    return originals, copies, expected
