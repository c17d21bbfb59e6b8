"""The one task shape and the newest-wins rule, with no Qt: a newer request replaces an
older one, whose result, error and progress are dropped; payloads reach the caller."""

from unspin.tasks import SyncRunner, Task, TaskSlot


class Held:
    """A runner that keeps tasks until the test runs them, in any order (worker threads)."""

    def __init__(self):
        self.held = []

    def submit(self, task, done, failed, progress=None):
        self.held.append((task, done, failed, progress))

    def finish(self, index):
        task, done, failed, progress = self.held[index]
        try:
            result = task.run(lambda f, payload=None: progress(task.generation, f, payload))
        except Exception as exc:
            failed(task.generation, str(exc))
        else:
            done(task.generation, result)


def echo(value, *, should_cancel, progress):
    progress(0.5, f"half of {value}")
    return None if should_cancel() else value


def test_only_the_newest_request_is_heard():
    """Two requests, the older finishing last: only the newer's progress and result arrive,
    and the older was asked to stop."""
    slot, heard = TaskSlot(Held()), []
    first = slot.start("x", echo, ("old",), heard.append, heard.append, lambda f, p: heard.append(p))
    slot.start("x", echo, ("new",), heard.append, heard.append, lambda f, p: heard.append(p))
    slot.runner.finish(1)
    slot.runner.finish(0)
    assert heard == ["half of new", "new"] and first.cancelled.is_set() and not slot.running


def test_an_error_comes_back_with_its_reason_and_drop_silences_a_task():
    """A failing function reports why; a dropped task reports nothing at all."""
    def broken(*, should_cancel, progress):
        raise ValueError("disk on fire")

    heard = []
    slot = TaskSlot(SyncRunner())
    slot.start("x", broken, (), heard.append, lambda message: heard.append(("failed", message)))
    assert heard == [("failed", "ValueError: disk on fire")]
    slot = TaskSlot(Held())
    slot.start("x", echo, ("late",), heard.append, heard.append)
    slot.drop()
    slot.runner.finish(0)
    assert heard == [("failed", "ValueError: disk on fire")]


def test_a_task_is_told_to_cancel():
    """Cancelling reaches the function through should_cancel; its end still comes back."""
    task = Task(1, "x", echo, ("value",))
    task.cancel()
    assert task.run() is None
