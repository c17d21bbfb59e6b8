"""unspin match and unspin scan --corpus on Dask: a LocalCluster of 2 workers started by
the tests, and a scheduler and a worker started by hand on 127.0.0.1."""

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pytest

from tests.corpus_maker import make_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of two worker processes on 127.0.0.1, for the module's tests."""
    from dask.distributed import LocalCluster

    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=None)
    yield local
    local.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"))


def unspin(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "unspin", *map(str, args)], capture_output=True, text=True,
                          timeout=300, cwd=cwd)


def table(path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["copy"]: row for row in csv.DictReader(fh)}


def test_every_copy_finds_its_original_and_the_others_none(cluster, corpus, tmp_path):
    """Copies from three spinner families (and a real spun page) are matched to their own
    original, not to a decoy on the same topic; a page on a decoy's topic and an unrelated
    page are matched to none."""
    originals, copies, expected = corpus
    out = tmp_path / "matches.csv"
    r = unspin("match", originals, copies, "-o", out, "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    rows = table(out)
    assert set(rows) == set(expected)
    for copy, original in expected.items():
        assert rows[copy]["original"] == original, (copy, rows[copy])
        assert (rows[copy]["classification"] == "spun") == bool(original)
    assert "10 matched to an original" in r.stderr and "copies done" in r.stderr


def test_a_rerun_skips_what_is_done_and_completes_the_rest(cluster, corpus, tmp_path):
    originals, copies, expected = corpus
    out = tmp_path / "matches.jsonl"
    assert unspin("match", originals, copies, "-o", out, "--scheduler", cluster.scheduler_address).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    out.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")  # as if stopped after five
    r = unspin("match", originals, copies, "-o", out, "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert "5 done by an earlier run" in r.stderr and f"{len(expected) - 5} copies compared" in r.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(row["copy"] for row in rows) == sorted(expected)  # each once


def test_json_lines_and_parquet_corpora_and_a_parquet_table(cluster, corpus, tmp_path):
    """Originals as JSON Lines (id, text), copies as Parquet: the same matches, by id, in a
    Parquet table; a damaged line is that document's problem, not the run's."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    originals, copies, expected = corpus
    with open(tmp_path / "originals.jsonl", "w", encoding="utf-8") as fh:
        for path in sorted(originals.iterdir()):
            fh.write(json.dumps({"id": path.name, "text": path.read_text(encoding="utf-8")}) + "\n")
        fh.write("{not json\n")
    names = sorted(os.listdir(copies))
    pq.write_table(pa.table({"id": names, "text": [(copies / n).read_text(encoding="utf-8") for n in names]}),
                   tmp_path / "copies.parquet", row_group_size=4)
    out = tmp_path / "matches.parquet"
    r = unspin("match", tmp_path / "originals.jsonl", tmp_path / "copies.parquet", "-o", out,
               "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert "1 unreadable or too short, left out" in r.stderr  # the damaged line
    rows = pq.read_table(out).to_pylist()
    found = {row["copy"]: row["original"] for row in rows}
    assert found == {os.path.basename(c): os.path.basename(o) for c, o in expected.items()}


def test_scan_corpus_rates_every_document(cluster, corpus, tmp_path):
    originals, copies, _expected = corpus
    out = tmp_path / "scan.csv"
    r = unspin("scan", "--corpus", copies, "-o", out, "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    with open(out, encoding="utf-8", newline="") as fh:
        rows = {os.path.basename(row["document"]): row for row in csv.DictReader(fh)}
    assert len(rows) == len(os.listdir(copies))
    assert float(rows["thesaurus-bot-demo.txt"]["spin_score"]) > float(rows["unrelated-recipe.txt"]["spin_score"])
    assert int(rows["farm-demo.txt"]["flags"]) > 0 and "likely" in rows["farm-demo.txt"]["top_flags"]


def test_a_corpus_that_is_not_there_is_one_line(tmp_path):
    r = unspin("match", tmp_path / "nowhere", tmp_path / "neither", "--workers", "1")
    assert r.returncode == 2 and "no such file or folder" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_cluster_started_by_hand_gives_the_same_table(cluster, corpus, tmp_path):
    """dask scheduler + dask worker on 127.0.0.1, reached with --scheduler: the same rows as
    the local cluster's."""
    originals, copies, _expected = corpus
    dask = shutil.which("dask") or pytest.skip("the dask command is not installed")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--dashboard-address", ":0"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                               "--host", "127.0.0.1", "--dashboard-address", ":0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_workers(address)
        by_hand, local = tmp_path / "by-hand.csv", tmp_path / "local.csv"
        assert unspin("match", originals, copies, "-o", by_hand, "--scheduler", address).returncode == 0
        assert unspin("match", originals, copies, "-o", local, "--scheduler", cluster.scheduler_address).returncode == 0
        assert table(by_hand) == table(local)
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)


def _wait_for_workers(address: str) -> None:
    from dask.distributed import Client

    deadline = time.monotonic() + 60
    with Client(address, timeout="30s") as client:
        while not client.scheduler_info()["workers"]:
            if time.monotonic() > deadline:
                raise TimeoutError("the worker did not join the scheduler")
            time.sleep(0.2)


def test_ids_shared_by_an_original_and_its_copy_and_ids_a_spreadsheet_would_run(cluster, corpus, tmp_path):
    """Parallel ids (copy "=1" of original "=1") still match, and a rerun skips them: the
    id a spreadsheet would run is guarded in the CSV and read back as it was."""
    originals, copies, _expected = corpus
    with open(tmp_path / "o.jsonl", "w", encoding="utf-8") as o, open(tmp_path / "c.jsonl", "w", encoding="utf-8") as c:
        o.write(json.dumps({"id": "=1", "text": (originals / "demo.txt").read_text(encoding="utf-8")}) + "\n")
        c.write(json.dumps({"id": "=1", "text": (copies / "farm-demo.txt").read_text(encoding="utf-8")}) + "\n")
    out = tmp_path / "m.csv"
    r = unspin("match", tmp_path / "o.jsonl", tmp_path / "c.jsonl", "-o", out, "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert "1 matched to an original" in r.stderr
    again = unspin("match", tmp_path / "o.jsonl", tmp_path / "c.jsonl", "-o", out, "--scheduler", cluster.scheduler_address)
    assert "1 done by an earlier run" in again.stderr and len(out.read_text(encoding="utf-8").splitlines()) == 2
