"""Many documents are rendered on every core: the files are those one process writes, byte for byte, and a
template that breaks NĐ 30 still stops the build before anything is written."""
from __future__ import annotations

import os

import pytest

from tdkt_docs.render import workers
from tdkt_docs import build as build_module
from tdkt_docs.build import NonConformingTemplate, build

from helpers import SAMPLE_2024

WORKERS_SEEN = "workers.txt"


def _run_at_recording(index: int):
    """The worker entry point, noting which process rendered (workers are forked: they see this patch)."""
    with open(os.environ["TDKT_TEST_PIDS"], "a", encoding="utf-8") as seen:
        seen.write(f"{os.getpid()}\n")
    return _ORIGINAL(index)


_ORIGINAL = workers._run_at
_ATTACHMENT = build_module.attachment


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != "manifest.json"}


def test_forked_workers_write_the_same_files_as_one_process(settings, tmp_path, monkeypatch):
    """Documents are rendered by forked workers and by the build's own process, which also makes the summary
    workbooks (they read most of the data: a worker would copy it) while the workers take the first round."""
    serial = build(SAMPLE_2024, tmp_path / "one", settings)
    pids = tmp_path / WORKERS_SEEN
    monkeypatch.setenv("TDKT_TEST_PIDS", str(pids))
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "TASKS_PER_WORKER", 2)  # several rounds
    monkeypatch.setattr(workers, "_run_at", _run_at_recording)
    summaries = []
    monkeypatch.setattr(build_module, "attachment", lambda a: summaries.append(os.getpid()) or _ATTACHMENT(a))
    shared = build(SAMPLE_2024, tmp_path / "many", settings)
    rendering = pids.read_text().split()
    assert str(os.getpid()) in rendering and len(set(rendering)) >= 2
    assert len(rendering) == len([o for o in shared.outputs if o.kind != "tong_hop"])  # each document once
    assert summaries and set(summaries) == {os.getpid()}
    assert _files(tmp_path / "one") == _files(tmp_path / "many")
    assert [o.path for o in serial.outputs] == [o.path for o in shared.outputs]


def test_workers_are_forked_afresh_every_few_tasks(settings, tmp_path, monkeypatch):
    """A worker ends after ``TASKS_PER_WORKER`` tasks (it would otherwise come to hold a copy of the parent's
    data); the files are the same."""
    serial = build(SAMPLE_2024, tmp_path / "one", settings)
    pids = tmp_path / WORKERS_SEEN
    monkeypatch.setenv("TDKT_TEST_PIDS", str(pids))
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "TASKS_PER_WORKER", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "_run_at", _run_at_recording)
    shared = build(SAMPLE_2024, tmp_path / "many", settings)
    documents = [o for o in shared.outputs if o.kind != "tong_hop"]
    assert len(documents) >= 5
    rounds = -(-len(documents) // 2)  # two tasks a round: one worker and this process
    assert len(set(pids.read_text().split()) - {str(os.getpid())}) == rounds  # a fresh worker every round
    assert _files(tmp_path / "one") == _files(tmp_path / "many")


def _run_at_failing(index: int):
    if index == 2:
        raise NonConformingTemplate('Mẫu "quyet-dinh.docx" tạo ra văn bản sai thể thức (1 lỗi), chưa ghi văn bản nào.')
    return _ORIGINAL(index)


def test_an_error_in_a_worker_stops_the_build_before_anything_is_written(settings, tmp_path, monkeypatch):
    """The worker's error reaches the user as it would from one process; no document is written."""
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_run_at", _run_at_failing)
    with pytest.raises(NonConformingTemplate, match="sai thể thức"):
        build(SAMPLE_2024, tmp_path / "out", settings)
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_tasks_shared_with_this_process_come_back_in_order_once_each(monkeypatch):
    """Workers take tasks from the front of each round, this process from the back: the outputs are still in
    the tasks' order, each task run once, in more than one process."""
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 3)
    monkeypatch.setattr(workers, "TASKS_PER_WORKER", 5)
    tasks = [lambda i=i: (i, os.getpid()) for i in range(47)]
    done = list(workers.run_each(tasks, [lambda: ("summary", os.getpid())]))
    assert [value for value, _ in done] == ["summary", *range(47)]
    assert done[0][1] == os.getpid() and len({pid for _, pid in done}) >= 3
