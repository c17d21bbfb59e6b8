"""Session files (.unspin): save → load round trip, relative paths, damaged and foreign files."""

import json
import shutil

import pytest

from unspin.core.session import (MAX_SESSION_BYTES, Session, SessionError, SessionFile, SessionText, load_session,
                                 save_session, text_sha256)


def _pair(tmp_path, names=("original.txt", "copy.txt")):
    folder = tmp_path / "case"
    folder.mkdir()
    paths = []
    for name, text in zip(names, ("The cat sat.\n", "Nan cat sat.\n")):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return folder, paths


def test_round_trip_keeps_files_options_and_selected_swap(tmp_path):
    """What is saved comes back equal: both files, language, filters and the selected swap."""
    folder, (old, new) = _pair(tmp_path, ("l'original été.txt", "copie 😀.txt"))
    session = Session(SessionFile(str(old), "a" * 64), SessionFile(str(new), "b" * 64),
                      language="fr", suspicious_only=True, filter_text="été",
                      selected_swap=("the", "nan"))
    save_session(session, folder / "case.unspin")
    assert load_session(folder / "case.unspin") == session


def test_paths_are_relative_so_a_moved_folder_still_opens(tmp_path):
    """Moving the whole folder (session and texts) keeps the session working."""
    folder, (old, new) = _pair(tmp_path)
    save_session(Session(SessionFile(str(old)), SessionFile(str(new))), folder / "s.unspin")
    stored = json.loads((folder / "s.unspin").read_text(encoding="utf-8"))
    assert stored["old"]["path"] == "original.txt" and stored["schema"] == "unspin.session"
    moved = shutil.move(str(folder), str(tmp_path / "elsewhere"))
    loaded = load_session(f"{moved}/s.unspin")
    assert loaded.old.path == f"{moved}/original.txt" and loaded.new.path == f"{moved}/copy.txt"


def test_a_session_moved_alone_falls_back_to_the_absolute_paths(tmp_path):
    """A session file copied elsewhere still finds the texts where they were."""
    folder, (old, new) = _pair(tmp_path)
    save_session(Session(SessionFile(str(old)), SessionFile(str(new))), folder / "s.unspin")
    (tmp_path / "mail").mkdir()
    shutil.copy(folder / "s.unspin", tmp_path / "mail" / "s.unspin")
    assert load_session(tmp_path / "mail" / "s.unspin").old.path == str(old)


def test_a_session_with_one_side_missing_still_loads_that_side_as_a_path(tmp_path):
    """A deleted text does not make the session unreadable: the caller learns which is missing."""
    folder, (old, new) = _pair(tmp_path)
    save_session(Session(SessionFile(str(old)), SessionFile(str(new))), folder / "s.unspin")
    new.unlink()
    loaded = load_session(folder / "s.unspin")
    assert loaded.old.path == str(old) and loaded.new.path.endswith("copy.txt")


@pytest.mark.parametrize("content, reason", [
    (b"{\"schema\": \"unspin.session\", \"version\": 1, ", "damaged (invalid JSON at line 1"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"[1, 2, 3]", "not an Unspin session file"),
    (b"{\"schema\": \"something.else\", \"version\": 1}", "not an Unspin session file"),
    (b"{\"schema\": \"unspin.session\", \"version\": 99}", "saved by a newer Unspin"),
    (b"{\"schema\": \"unspin.session\", \"version\": \"1\"}", "no valid format version"),
    (b"{\"schema\": \"unspin.session\", \"version\": 1, \"old\": {\"path\": 5}}", "'old' has no file path"),
    (b"{\"schema\": \"unspin.session\", \"version\": 1, \"options\": []}", "'options' is not an object"),
    (b"{\"schema\": \"unspin.session\", \"version\": 2, \"new\": {\"text\": 5}}", "'new.text' is not text"),
    (b"{\"schema\": \"unspin.session\", \"version\": true}", "no valid format version"),
    (b"{\"schema\": \"unspin.session\", \"version\": 1, \"options\": {\"suspicious_only\": \"false\"}}",
     "'options.suspicious_only' is not true or false"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
    (b"{\"schema\": \"unspin.session\", \"version\": " + b"9" * 5000 + b"}", "a number too long"),
])
def test_corrupt_sessions_are_refused_with_a_reason(tmp_path, content, reason):
    """A damaged or foreign file raises SessionError naming the file and why."""
    path = tmp_path / "bad.unspin"
    path.write_bytes(content)
    with pytest.raises(SessionError) as err:
        load_session(path)
    assert reason in err.value.reason and err.value.path == str(path)


def test_missing_and_huge_session_files_are_refused(tmp_path):
    """No such file, a folder and a file over the size limit each give their own reason."""
    for path, reason in ((tmp_path / "none.unspin", "no such file"), (tmp_path, "folder")):
        with pytest.raises(SessionError, match=reason):
            load_session(path)
    big = tmp_path / "big.unspin"
    with open(big, "wb") as fh:
        fh.truncate(MAX_SESSION_BYTES + 1)  # sparse: nothing to write, and it is not read
    with pytest.raises(SessionError, match="too big"):
        load_session(big)


def test_a_pasted_side_round_trips_with_its_text_name_and_digest(tmp_path):
    """A side with no file keeps its text in the session and comes back equal, digest checked."""
    folder, (old, _) = _pair(tmp_path)
    pasted = SessionText("Nan cat sat.\nSecond \"paragraph\" 😀\n", "Clipboard 14:02",
                         text_sha256("Nan cat sat.\nSecond \"paragraph\" 😀\n"))
    session = Session(SessionFile(str(old), "a" * 64), pasted, selected_swap=("the", "nan"))
    save_session(session, folder / "pasted.unspin")
    stored = json.loads((folder / "pasted.unspin").read_text(encoding="utf-8"))
    assert stored["new"] == {"name": "Clipboard 14:02", "text": pasted.text, "sha256": pasted.sha256}
    loaded = load_session(folder / "pasted.unspin")
    assert loaded == session and loaded.new.intact


def test_only_a_session_keeping_a_text_needs_the_newer_format(tmp_path):
    """Files only: still version 1 (older Unspins read it); a kept text: version 2."""
    folder, (old, new) = _pair(tmp_path)
    save_session(Session(SessionFile(str(old)), SessionFile(str(new))), folder / "files.unspin")
    save_session(Session(SessionText("pasted"), SessionFile(str(new))), folder / "text.unspin")
    assert json.loads((folder / "files.unspin").read_text(encoding="utf-8"))["version"] == 1
    assert json.loads((folder / "text.unspin").read_text(encoding="utf-8"))["version"] == 2


def test_a_version_1_session_from_an_older_unspin_still_opens(tmp_path):
    """A file written before pasted texts were kept (``"new": null``) loads as it did."""
    folder, (old, _) = _pair(tmp_path)
    (folder / "old.unspin").write_text(json.dumps({
        "schema": "unspin.session", "version": 1, "generator": "unspin 0.1.0",
        "old": {"path": "original.txt", "absolute": str(old), "sha256": "c" * 64}, "new": None,
        "options": {"language": "auto", "suspicious_only": False, "filter": ""}, "selected_swap": None}),
        encoding="utf-8")
    assert load_session(folder / "old.unspin") == Session(SessionFile(str(old), "c" * 64), None)


def test_a_kept_text_edited_in_the_session_file_is_not_intact(tmp_path):
    """A stored text that no longer matches its digest is flagged (the caller warns)."""
    folder, _ = _pair(tmp_path)
    save_session(Session(None, SessionText("The cat sat.", "Clipboard 09:00")), folder / "s.unspin")
    data = json.loads((folder / "s.unspin").read_text(encoding="utf-8"))
    data["new"]["text"] = "The dog sat."
    (folder / "s.unspin").write_text(json.dumps(data), encoding="utf-8")
    assert not load_session(folder / "s.unspin").new.intact


def test_saving_over_a_compared_file_is_refused(tmp_path):
    """The app never writes to the files it reads: a session cannot replace one of them."""
    folder, (old, new) = _pair(tmp_path)
    with pytest.raises(SessionError, match="one of the compared files"):
        save_session(Session(SessionFile(str(old)), SessionFile(str(new))), new)
    assert new.read_text(encoding="utf-8") == "Nan cat sat.\n"
