"""One window per user: a later ``unspin FILE`` hands its files to the running one.

The first process listens on a per-user local socket (QLocalServer). A later process
connects, sends one message and waits for the answer ``ok``::

    4-byte big-endian length, then UTF-8 JSON:
    {"app": "unspin", "version": 1, "cwd": "/home/me", "files": ["/home/me/a.txt"]}

The window answers ``ok`` before it loads the files, and opens them only if the sender is
still there to read that answer: a sender that gave up (the window was busy too long) has
told its user so, and must not see the files open later. Once its message went out, a
sender opens a window of its own only if the running one refused it (answered ``error``
or hung up). Malformed, foreign or oversized messages are logged and answered ``error``;
the server keeps running. A socket left behind by a crashed run is
removed and the name reused; a lock file makes probing the name and listening on it one
step, so two launches at the same moment cannot both listen.

On Unix the socket lives in a folder only its user can enter: ``$XDG_RUNTIME_DIR``, or
else ``<tmp>/unspin-<uid>`` created with mode 0700 (refused if it exists with another owner
or a wider mode). A name in the shared temporary folder could be taken first by another
user, who would then receive the file paths.
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import json
import logging
import os
import stat
import struct
import tempfile
import time

from PySide6.QtCore import QDir, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from unspin.core.fetch import is_url

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 256 * 1024  # thousands of paths; anything bigger is not from us
NAME_ENV = "UNSPIN_INSTANCE_NAME"  # tests and side-by-side installs use their own name
DEFAULT_NAME = "unspin-instance"
CONNECT_TIMEOUT_MS = 3000  # a listening window accepts at once, even while it is busy
# Connected, the answer comes when the window's event loop next runs: a long PDF being
# loaded or a big text laid out can hold it for seconds.
ANSWER_TIMEOUT_MS = 30000
LOCK_TIMEOUT_MS = 10000  # another launch holds the lock for a probe and a listen: moments
PROBE_TIMEOUT_MS = 500
SERVER_READ_TIMEOUT_MS = 5000  # a client that stops half-way is dropped
_HEADER = struct.Struct(">I")


class Delivery(enum.Enum):
    """How handing files to a running window went."""

    DELIVERED = "the running window has the files"
    NO_WINDOW = "no window is listening"
    REFUSED = "the running window did not take the files"  # it answered "error" or hung up
    UNANSWERED = "the running window did not answer"  # the message went out: open nothing


class InstanceError(OSError):
    """The single-instance socket has no safe place (its folder is not private)."""


def instance_name(name: str | None = None) -> str:
    """The per-user socket: *name*, ``$UNSPIN_INSTANCE_NAME`` or the default, placed in the
    private runtime folder unless it is a full path; ``InstanceError`` when there is no safe one."""
    name = name or os.environ.get(NAME_ENV) or ""
    if os.path.isabs(name):
        return name
    if not hasattr(os, "getuid"):  # Windows: a named pipe, which the user's ACL protects
        return name or "unspin-" + hashlib.sha256(_user().encode("utf-8")).hexdigest()[:16]
    return os.path.join(runtime_dir(), name or DEFAULT_NAME)


def runtime_dir() -> str:
    """A folder only this user can use: ``$XDG_RUNTIME_DIR`` when it is private, else
    ``<tmp>/unspin-<uid>`` (created with mode 0700), or ``InstanceError`` saying why not."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.path.isabs(runtime) and _not_private(runtime) is None:
        return runtime
    folder = os.path.join(tempfile.gettempdir(), f"unspin-{os.getuid()}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass  # checked below: it must be ours and private, not a folder planted by someone
    except OSError as exc:
        raise InstanceError(f"cannot create {folder}: {exc.strerror or exc}") from exc
    problem = _not_private(folder)
    if problem:
        raise InstanceError(f"{folder} {problem}; not using it for the single-instance socket")
    return folder


def _not_private(folder: str) -> str | None:
    """Why *folder* is not a private folder of this user, or None when it is one."""
    try:
        st = os.lstat(folder)
    except OSError as exc:
        return f"cannot be checked ({exc.strerror or exc})"
    if not stat.S_ISDIR(st.st_mode):
        return "is not a folder (a link or a file)"
    if st.st_uid != os.getuid():
        return f"belongs to another user (uid {st.st_uid})"
    if st.st_mode & 0o077:
        return f"is open to other users (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def lock_path(name: str) -> str:
    """The lock file that makes probing *name* and listening on it one step."""
    return name + ".lock" if os.path.isabs(name) else os.path.join(QDir.tempPath(), name + ".lock")


def encode_message(files: list[str], cwd: str) -> bytes:
    """The framed request carrying absolute *files* and the sender's working directory."""
    body = json.dumps({"app": "unspin", "version": PROTOCOL_VERSION, "cwd": cwd,
                       "files": [f if is_url(f) else os.path.abspath(os.path.join(cwd, f)) for f in files]}).encode("utf-8")
    return _HEADER.pack(len(body)) + body


def decode_message(body: bytes) -> list[str]:
    """The absolute paths of a request body, or ``ValueError`` saying what is wrong with it."""
    try:
        data = json.loads(body.decode("utf-8"))
    except ValueError as exc:  # not UTF-8, not JSON, or a number too long to read
        raise ValueError(f"not JSON ({exc})") from None
    except RecursionError:
        raise ValueError("nested too deep to be a message") from None
    if not isinstance(data, dict) or data.get("app") != "unspin":
        raise ValueError("not an Unspin message")
    if data.get("version") != PROTOCOL_VERSION:
        raise ValueError(f"unsupported message version {data.get('version')!r}")
    files, cwd = data.get("files"), data.get("cwd")
    if not isinstance(cwd, str) or not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise ValueError("'files' must be a list of paths and 'cwd' a path")
    return [f if is_url(f) else os.path.abspath(os.path.join(cwd, f)) for f in files]


def send_to_running(files: list[str], cwd: str, name: str | None = None,
                    connect_timeout_ms: int = CONNECT_TIMEOUT_MS,
                    answer_timeout_ms: int = ANSWER_TIMEOUT_MS) -> Delivery:
    """Hand *files* to a running Unspin and say how it went.

    Once connected the message may reach the window at any moment, so a slow answer is
    waited for (``answer_timeout_ms``) and, if it never comes, reported as UNANSWERED,
    never as NO_WINDOW: the caller must not open a second window then.
    """
    socket = QLocalSocket()
    socket.connectToServer(name or instance_name())
    if not socket.waitForConnected(connect_timeout_ms):
        return Delivery.NO_WINDOW
    deadline = time.monotonic() + answer_timeout_ms / 1000
    socket.write(encode_message(files, cwd))
    answer = b""
    while socket.bytesToWrite() and socket.waitForBytesWritten(_remaining_ms(deadline)):
        pass
    while b"\n" not in answer and socket.waitForReadyRead(_remaining_ms(deadline)):
        answer += bytes(socket.readAll().data())
    connected = socket.state() == QLocalSocket.LocalSocketState.ConnectedState
    if connected and b"\n" not in answer:
        socket.waitForReadyRead(0)  # an answer that came at the very last moment
    answer += bytes(socket.readAll().data())  # or together with the hang-up
    socket.abort()  # a server reading late finds us gone and drops the files
    if answer.startswith(b"ok"):
        return Delivery.DELIVERED
    if answer or not connected:
        return Delivery.REFUSED
    return Delivery.UNANSWERED


def _remaining_ms(deadline: float) -> int:
    return max(0, int((deadline - time.monotonic()) * 1000))


class InstanceServer(QObject):
    """Listens for later processes and emits the files each one sends."""

    files_received = Signal(list)
    message_rejected = Signal(str)  # the reason, for tests and the log

    def __init__(self, name: str | None = None, parent=None):
        super().__init__(parent)
        self.name = instance_name(name)
        self.server = QLocalServer(self)
        # only this user may connect (the socket file gets mode 0700 on Unix)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_new_connection)
        self.error = ""  # why listen() returned False

    def listen(self, lock_timeout_ms: int = LOCK_TIMEOUT_MS) -> bool:
        """Start listening; False when another live instance already owns the name (or
        another launch kept the start-up lock longer than *lock_timeout_ms*).

        Ask first: with an access option Qt renames its socket over an existing one, so
        listen() alone would silently steal the name from a running window. The lock makes
        the question and the listen one step: without it two launches at the same moment
        both hear nobody, both listen, and the later rename wins.
        """
        lock = QLockFile(lock_path(self.name))
        if not lock.tryLock(lock_timeout_ms):
            self.error = f"another Unspin is starting (lock {lock_path(self.name)})"
            return False
        try:
            return self._listen_unless_taken()
        finally:
            lock.unlock()

    def _listen_unless_taken(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(PROBE_TIMEOUT_MS):
            probe.abort()
            self.error = "another Unspin window is listening"
            return False
        if self.server.listen(self.name):
            return True
        # nobody answers but the name is taken: a crashed run left its socket file behind
        log.info("removing the stale single-instance socket %s", self.name)
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        self.error = self.server.errorString()
        return False

    def close(self):
        """Stop listening and free the name."""
        self.server.close()

    def _on_new_connection(self):
        while self.server.hasPendingConnections():
            _Connection(self.server.nextPendingConnection(), self)


class _Connection(QObject):
    """Reads one framed request from a client, then answers and closes.

    Only the socket is deleted when done; this small object stays with the server until
    it closes. Deleting it as well (deleteLater) made PySide 6.11 crash when the server
    was destroyed soon after (measured: a segfault in ~QObject, 1 run in 4).
    """

    def __init__(self, socket: QLocalSocket, server: InstanceServer):
        super().__init__(server)
        self.socket, self.server, self.buffer, self.done = socket, server, b"", False
        socket.readyRead.connect(self._on_ready_read)
        socket.disconnected.connect(self._on_disconnected)
        # a child timer and bound methods: a lambda holding self, freed while Qt destroyed
        # self, crashed PySide 6.11 (a segfault in the closure's dealloc)
        self.timer = QTimer(self, singleShot=True, interval=SERVER_READ_TIMEOUT_MS)
        self.timer.timeout.connect(self._on_timeout)
        self.timer.start()
        self._on_ready_read()

    def _on_ready_read(self):
        if self.done:
            return
        self.buffer += bytes(self.socket.readAll().data())
        if len(self.buffer) < _HEADER.size:
            return
        (size,) = _HEADER.unpack_from(self.buffer)
        if size > MAX_MESSAGE_BYTES or len(self.buffer) > _HEADER.size + MAX_MESSAGE_BYTES:
            self._reject(f"message of {size} bytes is over the {MAX_MESSAGE_BYTES}-byte limit")
            return
        if len(self.buffer) < _HEADER.size + size:
            return
        try:
            files = decode_message(self.buffer[_HEADER.size:_HEADER.size + size])
        except ValueError as exc:
            self._reject(str(exc))
            return
        if self._close(b"ok\n"):  # acknowledged before the files load, however long that takes
            self.server.files_received.emit(files)
        else:
            self._dropped("the sender gave up waiting before the answer; its files were not opened")

    def _on_timeout(self):
        self._reject("timed out before the message was complete")

    def _on_disconnected(self):
        """The client hung up; a half-sent message is dropped (a connect-only probe is not logged)."""
        if self.done:
            return
        if self.buffer:
            self._reject("the sender hung up before the message was complete", reply=None)
        else:
            self._close(None)

    def _reject(self, reason: str, reply: bytes | None = b"error\n"):
        if self.done:
            return
        self._close(reply)
        self._dropped(reason)

    def _dropped(self, reason: str):
        log.warning("ignored a single-instance message: %s", reason)
        self.server.message_rejected.emit(reason)

    def _close(self, reply: bytes | None) -> bool:
        """Answer (if there is a *reply*) and hang up; True when the answer went to a sender
        still connected (writing to one that left fails at once on a local socket)."""
        self.done = True
        self.timer.stop()
        sent = False
        if reply is not None and self._connected():
            sent = self.socket.write(reply) == len(reply) and self.socket.flush() and self._connected()
            self.socket.disconnectFromServer()
        self.socket.deleteLater()
        return sent

    def _connected(self) -> bool:
        return self.socket.state() == QLocalSocket.LocalSocketState.ConnectedState
