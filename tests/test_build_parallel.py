"""Many documents are rendered on every core: the files are those one process writes, byte for byte, and a
template that breaks NĐ 30 still stops the build before anything is written."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tdkt_docs.render import workers
from tdkt_docs import build as build_module
from tdkt_docs.build import NonConformingTemplate, build

from helpers import SAMPLE_2024

WORKERS_SEEN = "workers.txt"


def _noting(step, file: Path):
    """``step``, noting in ``file`` which process ran it (workers are forked: they see this patch)."""
    def noted(*args):
        with file.open("a", encoding="utf-8") as seen:
            seen.write(f"{os.getpid()}\n")
        return step(*args)
    return noted


@pytest.fixture
def processes(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """Files naming, once per document, the process that made its variables and the one that rendered it."""
    given, run = tmp_path / "given.txt", tmp_path / WORKERS_SEEN
    task = workers.Task.__init__
    monkeypatch.setattr(workers.Task, "__init__", lambda self, g, r: task(self, _noting(g, given), _noting(r, run)))
    return given, run


_ORIGINAL = workers._run_at
_ATTACHMENT = build_module.attachment


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != "manifest.json"}


def test_forked_workers_write_the_same_files_as_one_process(settings, tmp_path, monkeypatch, processes):
    """Documents are rendered by forked workers and by the build's own process, which also makes the summary
    workbooks (they read most of the data: a worker would copy it) while the workers take the first round."""
    serial = build(SAMPLE_2024, tmp_path / "one", settings)
    _, pids = processes
    pids.unlink()
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    summaries = []
    monkeypatch.setattr(build_module, "attachment", lambda a: summaries.append(os.getpid()) or _ATTACHMENT(a))
    shared = build(SAMPLE_2024, tmp_path / "many", settings)
    rendering = pids.read_text().split()
    assert str(os.getpid()) in rendering and len(set(rendering)) >= 2
    assert len(rendering) == len([o for o in shared.outputs if o.kind != "tong_hop"])  # each document once
    assert summaries and set(summaries) == {os.getpid()}
    assert _files(tmp_path / "one") == _files(tmp_path / "many")
    assert [o.path for o in serial.outputs] == [o.path for o in shared.outputs]


def test_workers_are_forked_once_and_sent_each_documents_variables(settings, tmp_path, monkeypatch, processes):
    """Workers are forked once for the whole build and do not make a document's variables from the data
    themselves (reading it, a worker would come to hold a copy of it): this process makes them and sends them.
    The files are the same."""
    serial = build(SAMPLE_2024, tmp_path / "one", settings)
    given, pids = processes
    given.unlink()
    pids.unlink()
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 3)
    shared = build(SAMPLE_2024, tmp_path / "many", settings)
    documents = [o for o in shared.outputs if o.kind != "tong_hop"]
    assert len(documents) >= 5
    rendering = pids.read_text().split()
    assert len(set(rendering) - {str(os.getpid())}) == 2  # two workers, forked once: three cores
    assert len(rendering) == len(documents)
    assert given.read_text().split() == [str(os.getpid())] * len(documents)
    assert _files(tmp_path / "one") == _files(tmp_path / "many")
    assert [o.path for o in serial.outputs] == [o.path for o in shared.outputs]


def _run_at_failing(index: int, given: bytes):
    if index == 2:
        raise NonConformingTemplate('Mẫu "quyet-dinh.docx" tạo ra văn bản sai thể thức (1 lỗi), chưa ghi văn bản nào.')
    return _ORIGINAL(index, given)


def test_an_error_in_a_worker_stops_the_build_before_anything_is_written(settings, tmp_path, monkeypatch):
    """The worker's error reaches the user as it would from one process; no document is written."""
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "_run_at", _run_at_failing)
    with pytest.raises(NonConformingTemplate, match="sai thể thức"):
        build(SAMPLE_2024, tmp_path / "out", settings)
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_tasks_shared_with_this_process_come_back_in_order_once_each(monkeypatch):
    """Workers take tasks from the front, this process from the back: the outputs are still in the tasks' order,
    each task run once, in more than one process; each input is made in this process."""
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 3)
    tasks = [workers.Task(lambda i=i: (i, os.getpid()), lambda given: (*given, os.getpid())) for i in range(60)]
    done = list(workers.run_each(tasks, [lambda: ("summary", os.getpid(), os.getpid())]))
    assert [value for value, _, _ in done] == ["summary", *range(60)]
    assert {given for _, given, _ in done} == {os.getpid()}
    assert done[0][2] == os.getpid() and len({pid for _, _, pid in done}) >= 3
