"""One original against many copies: expansion of folders, ranking, skipped copies."""

import re

import pytest

from tests.conftest import ORIGINAL, SPUN
from unspin.core.batch import expand_copies, rank_copies
from unspin.core.batch_report import to_csv, to_dict, to_text
from unspin.core.documents import load_document


def lightly_spun(text):
    """Every fourth 'the' turned into 'nan': a lighter touch of the same spinner."""
    count = iter(range(10**6))
    return re.sub(r"\bthe\b", lambda m: "nan" if next(count) % 4 == 0 else "the", text)


def edited(text):
    """A newsroom edit: house style, updated figures, a reworded sentence, a new paragraph."""
    text = text.replace("Biden has refused", "Biden had long refused").replace("two", "2")
    text = re.sub(r"\b(\d+)\b", lambda m: str(int(m.group()) + 1), text)
    text = text.replace("percent", "per cent").replace("U.S.", "US")
    return text + ("\nThis article was updated on Wednesday with the Kremlin's response and "
                   "comments from officials in Kyiv.\n")


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """A folder with the real spun copy, a lightly spun copy and an edited copy."""
    folder = tmp_path_factory.mktemp("copies")
    original = ORIGINAL.read_text(encoding="utf-8")
    (folder / "heavy.txt").write_bytes(SPUN.read_bytes())
    (folder / "light.txt").write_text(lightly_spun(original), encoding="utf-8")
    (folder / "edited.txt").write_text(edited(original), encoding="utf-8")
    return folder


def test_spun_copies_rank_above_an_edited_one(copies):
    """Heavily spun first, lightly spun second, the newsroom edit last and clearly lower."""
    files, skipped = expand_copies(ORIGINAL, [copies])
    result = rank_copies(load_document(ORIGINAL), files, jobs=1)
    assert not skipped and result.completed
    assert [r.name for r in result.rows] == ["heavy.txt", "light.txt", "edited.txt"]
    light, edit = result.rows[1].spin_score, result.rows[2].spin_score
    assert light > 0.2 and edit < 0.05, (light, edit)
    assert result.rows[0].top_swaps[0][:2] == ("the", "nan")


def test_worker_processes_give_the_same_ranking(copies):
    """Two worker processes rank exactly as one process does."""
    files, _ = expand_copies(ORIGINAL, [copies])
    original = load_document(ORIGINAL)
    one = rank_copies(original, files, jobs=1)
    two = rank_copies(original, files, jobs=2)
    assert two.workers == 2 and two.rows == one.rows


def test_folder_expansion_skips_original_hidden_and_repeats(tmp_path):
    """A folder stands for its files: the original, hidden files and repeats are left out."""
    original = tmp_path / "original.txt"
    original.write_text("the cat\n")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("nan cat\n")
    (tmp_path / "a.txt").write_text("nan cat\n")
    files, skipped = expand_copies(original, [tmp_path, tmp_path / "a.txt", tmp_path / "gone.txt"])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt", "b.txt"]
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in skipped] == \
        [("gone.txt", "no such file or folder")]


def test_unreadable_copy_is_skipped_with_its_reason(tmp_path):
    """A binary copy is reported as skipped, and the other copies are still ranked."""
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00\x10JFIF\x00" * 50)
    (tmp_path / "copy.txt").write_bytes(SPUN.read_bytes())
    files, _ = expand_copies(ORIGINAL, [tmp_path])
    result = rank_copies(load_document(ORIGINAL), files, jobs=1)
    assert [r.name for r in result.rows] == ["copy.txt"]
    assert [s.path.endswith("photo.jpg") and "binary" in s.reason for s in result.skipped] == [True]


def test_cancelled_batch_says_so(copies):
    """A batch cancelled before it starts is marked cancelled and ranks nothing."""
    files, _ = expand_copies(ORIGINAL, [copies])
    result = rank_copies(load_document(ORIGINAL), files, jobs=1, should_cancel=lambda: True)
    assert result.status == "cancelled" and not result.rows
    assert "Cancelled" in to_text(result)


def test_reports_list_every_copy(copies):
    """Text, CSV and JSON renderings hold each copy once, most spun first."""
    files, _ = expand_copies(ORIGINAL, [copies])
    result = rank_copies(load_document(ORIGINAL), files, jobs=1)
    data = to_dict(result)
    assert data["schema"] == "unspin.batch" and [c["rank"] for c in data["copies"]] == [1, 2, 3]
    assert data["copies"][0]["top_swaps"][0]["old"] == "the"
    rows = to_csv(result).splitlines()
    assert rows[0].startswith("rank,path,classification,spin_score") and "heavy.txt" in rows[1]
    assert "the → nan ×" in to_text(result)


def test_an_empty_copy_is_skipped_not_ranked_as_clean(tmp_path):
    """An empty file would rank as a clean copy with every word deleted: it is skipped, said why."""
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n")
    result = rank_copies(load_document(ORIGINAL), [str(SPUN), str(empty)], jobs=1)
    assert [r.path for r in result.rows] == [str(SPUN)]
    assert [(s.path, s.reason) for s in result.skipped] == [(str(empty), "empty: no text to compare")]
