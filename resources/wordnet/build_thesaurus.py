"""Build ``thesaurus.sqlite`` (the app's offline thesaurus) from the WordNet 3.0 database.

Usage: python resources/wordnet/build_thesaurus.py /usr/share/wordnet [OUT]

Reads data.*, index.*, *.exc and cntlist.rev (Debian package ``wordnet-base``) and
writes a read-only SQLite file the app opens per word, so nothing is loaded up front:

- ``synsets(id, pos, lexfile, lemmas, links, gloss)``: one row per sense group; lemmas
  tab-separated in WordNet's spelling; links = ids of "similar to" synsets; gloss = the
  definition's first clause, cut short (enough to name the sense in a reason).
- ``senses(form, pos, rank, synset, tags)``: every lemma (lower case) with its senses in
  WordNet's order (rank 1 = most frequent) and their SemCor tag counts (0 = never seen
  tagged: a rare sense).
- ``exceptions(form, pos, base)``: irregular inflections (was -> be, mice -> mouse).

The output is deterministic: rebuilding from the same database gives the same bytes.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE_NUMBER = {"n": 1, "v": 2, "a": 3, "r": 4, "s": 5}
GLOSS_CHARS = 60
#: A synset is kept when one of its one-word lemmas is at least this common (Zipf scale):
#: spinners replace common words, and the rest of WordNet would triple the file.
KEEP_ZIPF = 3.0
#: Glosses are kept only where a lemma is this common: they name the senses of common
#: words in reasons ("'astatine' is a synonym of 'at' only as ...").
GLOSS_ZIPF = 4.0


def strip_marker(word: str) -> str:
    """'in(p)' -> 'in': drop the adjective position markers."""
    return word.split("(", 1)[0] if word.endswith(")") else word


def read_synsets(wordnet: Path) -> list[tuple]:
    """(pos, offset, lexfile, lemmas, similar-to targets, gloss) of every synset."""
    rows = []
    for pos, name in POS_FILES.items():
        for line in (wordnet / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue  # licence header
            head, _, gloss = line.partition(" | ")
            f = head.split()
            offset, lexfile, ss_type, count = f[0], int(f[1]), f[2], int(f[3], 16)
            lemmas = [strip_marker(f[4 + 2 * k]).replace("_", " ") for k in range(count)]
            p = 4 + 2 * count
            links = []
            for k in range(int(f[p])):
                symbol, target, target_pos = f[p + 1 + 4 * k: p + 4 + 4 * k]
                if symbol == "&":
                    links.append((target_pos.replace("s", "a"), target))
            rows.append((ss_type, offset, lexfile, lemmas, links, short_gloss(gloss)))
    return rows


def short_gloss(gloss: str) -> str:
    """The definition's first clause, without its examples."""
    text = gloss.split(";", 1)[0].split('"', 1)[0].strip().rstrip(",:")
    return text if len(text) <= GLOSS_CHARS else text[:GLOSS_CHARS - 1].rsplit(" ", 1)[0] + "…"


def read_index(wordnet: Path) -> list[tuple[str, str, int, str]]:
    """(lemma, pos, rank, offset) for every sense of every lemma, in WordNet's order."""
    out = []
    for pos, name in POS_FILES.items():
        for line in (wordnet / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith("  "):
                continue
            f = line.split()
            n_senses, n_ptrs = int(f[2]), int(f[3])
            offsets = f[6 + n_ptrs: 6 + n_ptrs + n_senses]
            out.extend((f[0].replace("_", " "), pos, rank, off) for rank, off in enumerate(offsets, 1))
    return out


def read_tag_counts(wordnet: Path) -> dict[tuple[str, str, int], int]:
    """SemCor tag count of (lemma, index pos, sense number) from cntlist.rev."""
    number_pos = {1: "n", 2: "v", 3: "a", 4: "r", 5: "a"}
    counts = {}
    for line in (wordnet / "cntlist.rev").read_text(encoding="latin-1").splitlines():
        key, number, tags = line.split()
        lemma, _, rest = key.partition("%")
        pos = number_pos[int(rest.split(":", 1)[0])]
        counts[lemma.replace("_", " "), pos, int(number)] = int(tags)
    return counts


def read_exceptions(wordnet: Path) -> set[tuple[str, str, str]]:
    """(inflected form, pos, base form) from the *.exc files."""
    out = set()
    for pos, name in POS_FILES.items():
        for line in (wordnet / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            out.update((form.replace("_", " "), pos, b.replace("_", " ")) for b in bases)
    return out


def common_synsets(synsets: list[tuple]) -> list[tuple]:
    """The synsets with a common lemma and their similar-to neighbours; rare glosses dropped."""
    from wordfreq import zipf_frequency

    def best(lemmas):
        return max((zipf_frequency(w.lower(), "en") for w in lemmas if " " not in w), default=0.0)

    rank = {(pos.replace("s", "a"), offset): best(lemmas) for pos, offset, _, lemmas, *_ in synsets}
    keep = {key for key, z in rank.items() if z >= KEEP_ZIPF}
    keep |= {t for pos, offset, _, _, links, _ in synsets
             if (pos.replace("s", "a"), offset) in keep for t in links}
    out = []
    for pos, offset, lexfile, lemmas, links, gloss in synsets:
        key = (pos.replace("s", "a"), offset)
        if key in keep:
            out.append((pos, offset, lexfile, lemmas, [t for t in links if t in keep],
                        gloss if rank[key] >= GLOSS_ZIPF else ""))
    return out


def build(wordnet: Path, out: Path) -> None:
    """Write the thesaurus database *out* from the WordNet folder *wordnet*."""
    synsets = common_synsets(read_synsets(wordnet))
    ids = {(pos.replace("s", "a"), offset): n for n, (pos, offset, *_rest) in enumerate(synsets, 1)}
    tags = read_tag_counts(wordnet)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA page_size = 4096;
        CREATE TABLE synsets(id INTEGER PRIMARY KEY, pos TEXT, lexfile INTEGER, lemmas TEXT,
                             links TEXT, gloss TEXT);
        CREATE TABLE senses(form TEXT, pos TEXT, rank INTEGER, synset INTEGER, tags INTEGER,
                            PRIMARY KEY(form, pos, rank)) WITHOUT ROWID;
        CREATE TABLE exceptions(form TEXT, pos TEXT, base TEXT,
                                PRIMARY KEY(form, pos, base)) WITHOUT ROWID;
    """)
    db.executemany("INSERT INTO synsets VALUES (?, ?, ?, ?, ?, ?)", (
        (ids[pos.replace("s", "a"), offset], pos, lexfile, "\t".join(lemmas),
         " ".join(str(ids[t]) for t in links), gloss)
        for pos, offset, lexfile, lemmas, links, gloss in synsets))
    db.executemany("INSERT INTO senses VALUES (?, ?, ?, ?, ?)", (
        (lemma, pos, rank, ids[pos, offset], tags.get((lemma, pos, rank), 0))
        for lemma, pos, rank, offset in read_index(wordnet) if (pos, offset) in ids))
    db.executemany("INSERT INTO exceptions VALUES (?, ?, ?)", sorted(read_exceptions(wordnet)))
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, out)


def main(argv: list[str]) -> int:
    """Command line: WORDNET_DIR [OUT]."""
    if not argv or len(argv) > 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("thesaurus.sqlite")
    build(Path(argv[0]), out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
