"""One window per user: a second launch hands its files over; bad messages are ignored."""

import os
import socket
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtCore import QLockFile
from unspin.gui.single_instance import (
    MAX_MESSAGE_BYTES,
    Delivery,
    InstanceError,
    InstanceServer,
    encode_message,
    instance_name,
    lock_path,
    send_to_running,
)

from tests.conftest import ORIGINAL, SPUN


@pytest.fixture
def server(qtbot, window, private_instance_name):
    """A listening single-instance server wired to the window, as ``unspin`` sets it up."""
    s = InstanceServer(private_instance_name)
    assert s.listen(), s.server.errorString()
    s.files_received.connect(window.opener.open_paths)
    yield s
    s.close()


def launch(*args, cwd=None):
    """Start ``python -m unspin ARGS`` as a second process, with this test's socket name."""
    return subprocess.Popen([sys.executable, "-m", "unspin", *map(str, args)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def finish(qtbot, proc, timeout=30000):
    """Let the window's event loop serve *proc* until it exits; its (code, stdout, stderr)."""
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=timeout)
    out, err = proc.communicate()
    return proc.returncode, out, err


def raw_request(path: str, data: bytes, close_early=False) -> bytes:
    """Send raw bytes to the server's socket from another thread, as a foreign client would."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(10)
        s.connect(path)
        s.sendall(data)
        if close_early:
            return b""
        answer = b""
        while chunk := s.recv(64):
            answer += chunk
        return answer


def test_a_second_launch_hands_its_file_to_the_running_window_and_exits_0(qtbot, window, server, tmp_path):
    """``unspin COPY`` from another folder lands in the empty copy pane of the first window."""
    window.load_file(0, str(ORIGINAL), compare_now=False)
    proc = launch(SPUN.name, cwd=SPUN.parent)  # a relative path: resolved in the sender's folder
    code, out, err = finish(qtbot, proc)
    assert code == 0, err
    qtbot.waitUntil(lambda: window.documents[1] is not None)
    assert window.documents[1].path == str(SPUN)
    assert window.documents[0].path == str(ORIGINAL)
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)


def test_two_files_from_a_second_launch_open_as_a_pair(qtbot, window, server):
    """``unspin A B`` replaces whatever was shown with the pair A (original), B (copy)."""
    window.load_file(0, str(SPUN), compare_now=False)
    code, _, err = finish(qtbot, launch(ORIGINAL, SPUN))
    assert code == 0, err
    qtbot.waitUntil(lambda: window.view is not None, timeout=20000)
    assert [d.path for d in window.documents] == [str(ORIGINAL), str(SPUN)]


def test_new_window_opts_out_of_handing_over(qtbot, window, server):
    """``--new-window`` opens its own window even while one is running."""
    received = []
    server.files_received.connect(received.append)
    code, out, err = finish(qtbot, launch("--new-window", "--smoke-test", ORIGINAL, SPUN), timeout=60000)
    assert code == 0, err
    assert "smoke test passed" in out and received == []


def frame(body: bytes) -> bytes:
    """A correctly framed message around any body."""
    return len(body).to_bytes(4, "big") + body


@pytest.mark.parametrize("data, reason", [
    (frame(b"hello"), "not JSON"),
    (frame(b"\xff\xfe\x00"), "not JSON"),
    (frame(b'{"app": "other", "version": 1}'), "not an Unspin message"),
    (frame(b'{"app": "unspin", "version": 7, "cwd": "/", "files": []}'), "unsupported message version 7"),
    (frame(b'{"app": "unspin", "version": 1, "cwd": "/", "files": "/etc"}'), "'files' must be a list"),
    ((MAX_MESSAGE_BYTES + 1).to_bytes(4, "big") + b"{", "over the"),
    (b"\xff\xff\xff\xff" + b"x" * 100, "over the"),
    pytest.param(frame(b"[" * 20_000 + b"]" * 20_000), "nested too deep", id="nested-deep"),
    pytest.param(frame(b'{"app": "unspin", "version": ' + b"9" * 5000 + b"}"), "not JSON", id="huge-number"),
])
def test_malformed_and_oversized_messages_are_ignored(qtbot, window, server, data, reason):
    """A bad message is answered 'error' and logged; the window still takes a good one after it."""
    rejected = []
    server.message_rejected.connect(rejected.append)
    path = server.server.fullServerName()
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(raw_request, path, data)
        qtbot.waitUntil(future.done, timeout=10000)
        assert future.result() == b"error\n" and reason in rejected[0]
        future = pool.submit(raw_request, path, encode_message([str(ORIGINAL)], "/"))
        qtbot.waitUntil(future.done, timeout=10000)
        assert future.result() == b"ok\n"
    qtbot.waitUntil(lambda: window.documents[0] is not None)
    assert window.documents[0].path == str(ORIGINAL)


def test_a_sender_hanging_up_half_way_is_dropped(qtbot, window, server):
    """A client that sends half a message and disconnects is logged, not waited for forever."""
    with qtbot.waitSignal(server.message_rejected, timeout=10000) as blocker:
        with ThreadPoolExecutor(1) as pool:
            pool.submit(raw_request, server.server.fullServerName(), b"\x00\x00\x01\x00{\"app\"", True)
    assert "hung up" in blocker.args[0]
    assert window.documents == [None, None]


def test_a_stale_socket_from_a_crashed_run_is_recovered(qtbot, private_instance_name):
    """A socket file nobody listens on (a crashed run) is removed and the name reused."""
    path = instance_name(private_instance_name)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)  # bound, never listening, then closed: what a killed process leaves
    stale.close()
    assert os.path.exists(path)
    server = InstanceServer(private_instance_name)
    try:
        assert server.listen(), server.server.errorString()
        with ThreadPoolExecutor(1) as pool:
            future = pool.submit(raw_request, path, encode_message(["a.txt"], "/tmp"))
            with qtbot.waitSignal(server.files_received, timeout=10000) as blocker:
                pass
            qtbot.waitUntil(future.done)
        assert blocker.args[0] == ["/tmp/a.txt"]
    finally:
        server.close()


def test_a_live_instance_keeps_its_name(qtbot, server, private_instance_name):
    """A second server does not take over the name of a running one."""
    second = InstanceServer(private_instance_name)
    assert not second.listen()
    assert server.server.isListening()


def test_a_killed_first_instance_leaves_a_name_the_next_one_takes(qtbot, private_instance_name, tmp_path):
    """kill -9 of a listening Unspin: the next start takes over its name and receives files."""
    path = instance_name(private_instance_name)
    crashed = launch(ORIGINAL)
    try:
        qtbot.waitUntil(lambda: os.path.exists(path), timeout=30000)
    finally:
        crashed.kill()  # SIGKILL: no chance to remove its socket
        crashed.wait()
    assert os.path.exists(path)
    server = InstanceServer(private_instance_name)
    try:
        assert server.listen(), server.server.errorString()
        with qtbot.waitSignal(server.files_received, timeout=20000) as blocker:
            second = launch(SPUN)
        assert blocker.args[0] == [str(SPUN)]
        assert finish(qtbot, second)[0] == 0
    finally:
        server.close()


BUSY_SECONDS = 6  # longer than a launch used to wait for the answer (3 s), twice over less start-up


def test_a_busy_window_gets_the_file_once_and_the_second_launch_exits_0(qtbot, window, server):
    """A window whose UI thread is busy for seconds still answers the launch, which opens no window."""
    import time

    received = []
    server.files_received.connect(received.append)
    proc = launch(ORIGINAL)
    time.sleep(BUSY_SECONDS)  # the UI thread loads something big: no events are handled
    code, out, err = finish(qtbot, proc)
    assert code == 0, err
    assert received == [[str(ORIGINAL)]] and "independent window" not in err


def test_a_sender_gone_before_the_answer_gets_its_files_dropped(qtbot, window, server):
    """A message whose sender hung up before the window read it (it gave up) opens nothing."""
    received = []
    server.files_received.connect(received.append)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:  # while the window is busy
        s.connect(server.server.fullServerName())
        s.sendall(encode_message([str(ORIGINAL)], "/"))
    with qtbot.waitSignal(server.message_rejected, timeout=10000) as blocker:
        pass
    assert "gave up" in blocker.args[0] and received == [] and window.documents == [None, None]


def test_a_window_that_never_answers_is_reported_not_taken_for_absent(qtbot, tmp_path):
    """Connected but unanswered: UNANSWERED (open nothing), not NO_WINDOW (open a window)."""
    path = instance_name("never-answers")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.bind(path)
        s.listen(1)  # accepts into the backlog, never reads or answers
        assert send_to_running([str(ORIGINAL)], "/", path, answer_timeout_ms=200) is Delivery.UNANSWERED
    os.unlink(path)
    assert send_to_running([str(ORIGINAL)], "/", path) is Delivery.NO_WINDOW


def test_a_launch_left_unanswered_exits_1_without_a_window(qtbot, monkeypatch, capsys):
    """When the running window never answered, the launch says so and opens no second window."""
    import unspin.gui.main_window
    from unspin.gui import app, single_instance

    monkeypatch.setattr(single_instance, "send_to_running", lambda files, cwd: Delivery.UNANSWERED)
    monkeypatch.setattr(unspin.gui.main_window, "MainWindow", lambda *a: pytest.fail("a window opened"))
    assert app.run_window([str(ORIGINAL)]) == 1
    assert "did not answer" in capsys.readouterr().err


def test_a_launch_holding_the_start_up_lock_keeps_others_from_listening(qtbot, private_instance_name):
    """Probe and listen are one step: while another launch is between them, no one else listens."""
    name = instance_name(private_instance_name)
    starting = QLockFile(lock_path(name))  # another launch, between its probe and its listen
    assert starting.tryLock(0)
    second = InstanceServer(private_instance_name)
    try:
        assert not second.listen(lock_timeout_ms=0)
        assert not second.server.isListening() and not os.path.exists(name)
        starting.unlock()
        assert second.listen(lock_timeout_ms=0), second.error
    finally:
        starting.unlock()
        second.close()


@pytest.fixture
def no_runtime_dir(monkeypatch):
    """No $XDG_RUNTIME_DIR, and a fresh (short: socket paths are limited) temporary folder."""
    import shutil
    import tempfile

    tmp = tempfile.mkdtemp(prefix="ut-")
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "tempdir", tmp)
    yield tmp
    shutil.rmtree(tmp)


def test_without_a_runtime_dir_the_socket_is_in_a_private_folder(qtbot, no_runtime_dir, private_instance_name):
    """<tmp>/unspin-<uid> is created with mode 0700 and holds the socket, not the shared <tmp>."""
    folder = os.path.join(no_runtime_dir, f"unspin-{os.getuid()}")
    assert instance_name() == os.path.join(folder, private_instance_name)
    assert stat.S_IMODE(os.lstat(folder).st_mode) == 0o700
    server = InstanceServer()
    try:
        assert server.listen(), server.error
        assert os.listdir(no_runtime_dir) == [f"unspin-{os.getuid()}"]
        assert private_instance_name in os.listdir(folder)
    finally:
        server.close()


@pytest.mark.parametrize("plant, reason", [
    (lambda path: os.mkdir(path, 0o755) or os.chmod(path, 0o755), "open to other users"),
    (lambda path: os.symlink(os.path.dirname(path), path), "not a folder"),
    (lambda path: os.mkdir(path, 0o700) or os.chown(path, 65534, 65534), "belongs to another user"),
], ids=["open to others", "a link", "another owner"])
def test_a_planted_socket_folder_is_refused(qtbot, no_runtime_dir, plant, reason):
    """A <tmp>/unspin-<uid> made by someone else, open to others or a link is not used."""
    path = os.path.join(no_runtime_dir, f"unspin-{os.getuid()}")
    if "another user" in reason and os.getuid() != 0:
        pytest.skip("only root can give a folder to another user")
    plant(path)
    with pytest.raises(InstanceError, match=reason):
        instance_name()
    with pytest.raises(InstanceError, match=reason):
        InstanceServer()
