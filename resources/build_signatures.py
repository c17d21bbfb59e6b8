"""Rebuild ``spinner_signatures.tsv``: word swaps observed in spun copies on the public web.

    python resources/build_signatures.py > resources/spinner_signatures.tsv

Reads the hand-labelled real pairs in ``benchmarks/judgement/real/`` (each an excerpt of a
public original and of a spun copy of it, with both URLs) and keeps a one-word swap when
it is labelled a spinner's, both words are content words (a function word's swap is judged
by rule, not by list), and it is not a figure written another way. The number of sites it
was seen on is kept: a comparison cites a swap seen on two sites or more; a scan looks for
the whole vocabulary. Only the pairs the evaluation uses for development are read:
the held-out third must not shape the rules its figures are reported on.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_judgement import held_out, load_real  # noqa: E402

from unspin.core.scoring import load_function_words  # noqa: E402



def observed_swaps() -> dict[tuple[str, str], dict[str, str]]:
    """(old, new) -> {copy site: copy URL} for every one-word spinner swap labelled."""
    seen: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    function_words = load_function_words()
    for pair in load_real():
        if pair.label != "spun" or held_out(pair.id):
            continue
        meta = json.loads((ROOT / "benchmarks/judgement/real" / pair.id / "meta.json").read_text())
        url = meta["copy_url"]
        for (old, new), label in pair.labels.items():
            words_ok = old.isalpha() and new.isalpha() and old != new
            if label == "yes" and words_ok and old not in function_words and new not in function_words:
                seen[old, new][url.split("/")[2]] = url
    return seen


def main() -> int:
    print("# Spinner signatures: one-word swaps labelled as a spinner's in spun copies of news")
    print("# stories and articles on public sites (built by resources/build_signatures.py from")
    print("# benchmarks/judgement/real/, development pairs only).")
    print("# Columns: old word, new word, where it was observed (copy URLs), note, sites.")
    for (old, new), sites in sorted(observed_swaps().items()):
        urls = " ".join(sorted(sites.values())[:2])
        where = f"{len(sites)} sites" if len(sites) > 1 else "one site"
        print(f"{old}\t{new}\t{urls}\tseen in spun copies on {where}\t{len(sites)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
