"""Many documents are rendered on every core: the files are those one process writes, byte for byte, and a
template that breaks NĐ 30 still stops the build before anything is written."""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tdkt_docs import build as build_module
from tdkt_docs.build import TEMPLATES, Draft, InvalidWorkbook, NonConformingTemplate, Renderer, build
from tdkt_docs.errors import UserError
from tdkt_docs.problems import Location, Problem, Severity
from tdkt_docs.read.grid import sheet_rows
from tdkt_docs.read.schema import NOMINATIONS
from tdkt_docs.render import workers
from tdkt_docs.render.docx import CompiledTemplate
from tdkt_docs.rules.book import Rules

from helpers import SAMPLE_2024

_MAKE, _DRAFT, _ATTACHMENT = Renderer.make, Renderer.draft, build_module.attachment
_READ_WORKBOOK, _STAGE = build_module.read_workbook, build_module.stage
_READ = []  # filled in this process when the workbook is read; a worker forked before that sees it empty


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and p.name != "manifest.json"}


def _note(file: Path, *values) -> None:
    with file.open("a", encoding="utf-8") as seen:
        seen.write(" ".join(map(str, (os.getpid(), *values))) + "\n")


@pytest.fixture
def processes(tmp_path, monkeypatch) -> dict[str, Path]:
    """Files noting, a line per document, the process that drafted it (made its variables) and the one that
    rendered it, with whether that process had read the workbook (workers are forked: they see these patches)."""
    files = {"draft": tmp_path / "draft.txt", "make": tmp_path / "make.txt"}
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(build_module, "read_workbook", lambda *a, **k: _READ.append(1) or _READ_WORKBOOK(*a, **k))
    monkeypatch.setattr(Renderer, "draft", lambda self, *a: _note(files["draft"]) or _DRAFT(self, *a))
    monkeypatch.setattr(Renderer, "make", lambda self, d: _note(files["make"], bool(_READ)) or _MAKE(self, d))
    yield files
    _READ.clear()


def test_workers_write_the_same_files_as_one_process(settings, tmp_path, monkeypatch, processes):
    """Documents are rendered by workers, and by the build's own process when some are left once it has made the
    summary workbooks (they read most of the data: a worker would copy it) while the workers take their share."""
    monkeypatch.setattr(workers, "cores", lambda: 1)
    serial = build(SAMPLE_2024, tmp_path / "one", settings)
    assert {line.split()[0] for line in processes["make"].read_text().splitlines()} == {str(os.getpid())}
    for file in processes.values():
        file.unlink()
    monkeypatch.setattr(workers, "cores", lambda: 3)
    summaries = []
    monkeypatch.setattr(build_module, "attachment", lambda a: summaries.append(os.getpid()) or _ATTACHMENT(a))
    shared = build(SAMPLE_2024, tmp_path / "many", settings)
    documents = [o for o in shared.outputs if o.kind != "tong_hop"]
    rendering = [line.split()[0] for line in processes["make"].read_text().splitlines()]
    assert set(rendering) - {str(os.getpid())} and len(set(rendering)) <= 3  # two workers, this process maybe
    assert len(rendering) == len(documents) >= 5  # each document once
    assert summaries and set(summaries) == {os.getpid()}
    assert _files(tmp_path / "one") == _files(tmp_path / "many")
    assert [o.path for o in serial.outputs] == [o.path for o in shared.outputs]


def test_workers_are_forked_before_the_workbook_is_read(settings, tmp_path, monkeypatch, processes):
    """Workers never hold the data read (they would come to hold a copy of it): they are forked before the
    workbook is read, and this process makes each document's variables and sends them."""
    monkeypatch.setattr(workers, "cores", lambda: 2)
    shared = build(SAMPLE_2024, tmp_path / "many", settings)
    documents = len([o for o in shared.outputs if o.kind != "tong_hop"])
    made = [line.split() for line in processes["make"].read_text().splitlines()]
    assert {(pid, read) for pid, read in made if pid == str(os.getpid())} == {(str(os.getpid()), "True")}
    assert {read for pid, read in made if pid != str(os.getpid())} == {"False"}
    assert processes["draft"].read_text().split() == [str(os.getpid())] * documents


def test_workers_compile_every_template_while_the_workbook_is_read(settings, tmp_path, monkeypatch, processes):
    """A worker has nothing to render until the documents are composed: meanwhile it compiles the templates, so
    its first document costs no more than the others."""
    events = tmp_path / "events.txt"
    compile_template, make = CompiledTemplate.__init__, Renderer.make
    monkeypatch.setattr(CompiledTemplate, "__init__",
                        lambda self, path: _note(events, "compile", Path(path).name) or compile_template(self, path))
    monkeypatch.setattr(Renderer, "make", lambda self, d: _note(events, "make") or make(self, d))
    monkeypatch.setattr(workers, "cores", lambda: 2)
    build(SAMPLE_2024, tmp_path / "out", settings)
    lines = [line.split() for line in events.read_text().splitlines()]
    worker = [line[1:] for line in lines if line[0] != str(os.getpid())]
    made = worker.index(["make"])
    assert sorted(name for _, name in worker[:made]) == sorted(settings.template(t).name for t in TEMPLATES)
    assert [["make"]] * (len(worker) - made) == worker[made:]  # compiled once, before its first document


def test_an_error_in_a_worker_stops_the_build_before_anything_is_written(settings, tmp_path, monkeypatch):
    """The worker's error reaches the user as it would from one process; no document is written."""
    here = os.getpid()

    def failing(self, draft):
        if os.getpid() != here:
            raise NonConformingTemplate('Mẫu "quyet-dinh.docx" tạo ra văn bản sai thể thức (1 lỗi), chưa ghi văn '
                                        "bản nào.")
        return _MAKE(self, draft)

    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(Renderer, "make", failing)
    with pytest.raises(NonConformingTemplate, match="sai thể thức"):
        build(SAMPLE_2024, tmp_path / "out", settings)
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_an_unchanged_document_is_never_sent_to_a_worker(settings, tmp_path, monkeypatch, processes):
    """A rebuild reuses the files that still stand: their earlier entries stay in this process, as they are."""
    monkeypatch.setattr(workers, "cores", lambda: 2)
    out = tmp_path / "out"
    build(SAMPLE_2024, out, settings)
    processes["make"].unlink()
    again = build(SAMPLE_2024, out, settings, force=True)  # not "nothing changed": every document is drafted
    documents = [o for o in again.outputs if o.kind != "tong_hop"]
    assert documents and all(o.earlier is not None for o in documents)
    assert len(processes["draft"].read_text().split()) == 2 * len(documents)  # drafted in both builds
    assert not processes["make"].exists()  # a draft that is its document already is neither sent nor made


def test_inputs_shared_with_this_process_come_back_once_each(tmp_path):
    """Workers take inputs from the front, this process from the back: each output comes back once, with its
    position, from more than one process; each input is made in this process, each task run once."""
    runs = tmp_path / "runs.txt"

    def work(given):
        _note(runs, given[0])
        return (*given, os.getpid())

    with workers.Workers(work, jobs=3) as shared:
        done = list(shared.run_each([lambda i=i: (i, os.getpid()) for i in range(60)],
                                    [lambda: ("summary", os.getpid(), os.getpid())]))
    assert sorted(position for position, _ in done) == list(range(61))
    assert all(output[0] == ("summary" if position == 0 else position - 1) for position, output in done)
    assert {given for _, (_, given, _) in done} == {os.getpid()}
    assert dict(done)[0][2] == os.getpid() and len({pid for _, (_, _, pid) in done}) == 3
    assert sorted(int(line.split()[1]) for line in runs.read_text().splitlines()) == list(range(60))


def test_the_workers_hold_a_share_of_the_inputs_whenever_this_process_works_on_its_own(tmp_path):
    """Before ``first`` and before each of this process's own tasks the workers are topped up to their fair share
    of the inputs left (half of them, with one worker), so none runs out while this process is busy."""
    made = []

    def busy():  # until the worker has done twenty inputs in all
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("done-*"))) < 20 and time.monotonic() < deadline:
            time.sleep(0.01)
        return ("own", len(made))

    def work(given):
        (tmp_path / f"done-{given}").touch()
        return given

    with workers.Workers(work, jobs=2) as shared:
        done = dict(shared.run_each([lambda i=i: made.append(i) or i for i in range(60)], [busy, busy],
                                    first=lambda: made.append("first") or None))
    assert made[:31] == [*range(30), "first"]  # a fair share sent (half of 60, with one worker), then first
    assert done[0][1] >= 31
    assert done[1][1] > 31  # topped up again before the second: how many depends on how many results are back
    assert sorted(v for k, v in done.items() if k >= 2) == list(range(60))


def test_while_inputs_are_shared_the_workers_are_kept_in_hand_and_quickly_served():
    """Each worker holds ``IN_HAND`` inputs while this process works on its own (with two it often ran dry), and
    the pool's threads get the interpreter within ``HANDOFF_SECONDS`` (Python's default is 5 ms): set while tasks
    are shared, restored after, even when a task fails or the outputs are left unread."""
    default = sys.getswitchinterval()
    seen = []

    def own():
        seen.append(sys.getswitchinterval())
        return "own"

    with workers.Workers(lambda given: given, jobs=2) as shared:
        outputs = shared.run_each([lambda i=i: i for i in range(80)], [own])
        next(outputs)  # this process's own task, once the worker holds its share
        seen.append(len(list(outputs)))
        assert seen == [pytest.approx(workers.HANDOFF_SECONDS), 80] and sys.getswitchinterval() == default

        def failing():
            assert sys.getswitchinterval() == pytest.approx(workers.HANDOFF_SECONDS)
            raise ValueError("hỏng")

        with pytest.raises(ValueError):
            list(shared.run_each([lambda i=i: i for i in range(80)], [failing]))
        assert sys.getswitchinterval() == default
        left = shared.run_each([lambda i=i: i for i in range(80)], [own])
        next(left)
        assert sys.getswitchinterval() == pytest.approx(workers.HANDOFF_SECONDS)
        left.close()
        assert sys.getswitchinterval() == default
        sent = workers._Shared(shared.pool, shared.size, shared.work, [lambda i=i: i for i in range(80)],
                               lambda given: False)
        sent.feed()
        assert len(sent.sent) == workers.IN_HAND == 4
        assert sorted(output for _, output in sent.outputs()) == list(range(80))
    assert workers.HANDOFF_SECONDS <= 0.001 < default


def test_while_the_workbook_is_read_beside_the_templates_each_gets_the_interpreter_back_quickly(settings, tmp_path,
                                                                                           monkeypatch):
    """The templates are read in a thread while the workbook is: each time reading waits outside the interpreter
    (a file, calamine) that thread takes it, and hands it back within ``HANDOFF_SECONDS``, not Python's 5 ms (at
    5 ms, the pieces of a year-end sheet reached the workers a twentieth of a second late)."""
    default, seen = sys.getswitchinterval(), []
    monkeypatch.setattr(build_module, "read_workbook",
                        lambda *a, **k: seen.append(sys.getswitchinterval()) or _READ_WORKBOOK(*a, **k))
    build(SAMPLE_2024, tmp_path / "out", settings)
    assert seen == [pytest.approx(workers.HANDOFF_SECONDS)] and sys.getswitchinterval() == default


def test_one_job_or_few_inputs_run_here():
    with workers.Workers(lambda given: (given, os.getpid()), jobs=1) as alone:
        assert alone.pool is None
        assert list(alone.run_each([lambda i=i: i for i in range(50)])) == [(i, (i, os.getpid())) for i in range(50)]
    with workers.Workers(lambda given: (given, os.getpid()), jobs=2) as few:
        assert list(few.run_each([lambda i=i: i for i in range(3)])) == [(i, (i, os.getpid())) for i in range(3)]


def test_without_processes_the_work_is_done_here(monkeypatch):
    """A system that refuses the worker processes (no shared semaphores, no more processes) gets the work done
    all the same, in this process."""
    def refused(*args, **kwargs):
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", refused)
    with workers.Workers(lambda given: (given, os.getpid()), jobs=2) as alone:
        assert alone.pool is None
        assert list(alone.run_each([lambda i=i: i for i in range(50)])) == [(i, (i, os.getpid())) for i in range(50)]


def test_a_template_saved_again_during_the_build_stops_it(settings):
    """A worker compiles its templates when it first needs them: one saved again since this process read it
    would give documents this build did not check its variables against."""
    renderer = Renderer(settings, Rules(settings))
    template = renderer.template("quyet-dinh.docx")
    draft = Draft("quyet_dinh", "quyet-dinh.docx", "0" * 64, "qd.docx", {}, "")
    assert template.digest != draft.digest
    with pytest.raises(UserError, match="vừa được sửa"):
        renderer.make(draft)


def test_a_worker_that_dies_is_told_in_vietnamese():
    """A worker killed mid-build (by the system, out of memory) stops the build with a message, not a traceback."""
    here = os.getpid()

    def work(given):
        if os.getpid() != here:
            os._exit(9)
        return given

    with pytest.raises(UserError, match="dừng đột ngột"):
        with workers.Workers(work, jobs=2) as shared:
            list(shared.run_each([lambda i=i: i for i in range(60)]))


def test_a_worker_that_dies_before_it_is_sent_anything_is_told_in_vietnamese():
    """Workers are forked before the workbook is read and wait through the reading: one killed meanwhile (the
    system short of memory) is told the same way, not as a traceback when the first input is sent."""
    with pytest.raises(UserError, match="dừng đột ngột"):
        with workers.Workers(lambda given: given, jobs=2) as shared:
            child = next(iter(shared.pool._processes))
            os.kill(child, signal.SIGKILL)
            time.sleep(0.5)  # the pool sees its worker gone
            list(shared.run_each([lambda i=i: i for i in range(60)]))


def test_a_short_list_starts_no_workers(settings, tmp_path, monkeypatch):
    """The nominations sheet says how many rows it uses: a list shorter than ``PARALLEL_FROM`` makes too few
    documents to share, and no worker is forked; a longer one does."""
    started = []
    pool = workers.ProcessPoolExecutor
    monkeypatch.setattr(workers, "ProcessPoolExecutor", lambda *a, **k: started.append(1) or pool(*a, **k))
    monkeypatch.setattr(workers, "cores", lambda: 2)
    rows = sheet_rows(SAMPLE_2024, NOMINATIONS.title)
    assert 1 < rows < workers.PARALLEL_FROM
    build(SAMPLE_2024, tmp_path / "short", settings)
    assert started == []
    monkeypatch.setattr(workers, "PARALLEL_FROM", rows)
    build(SAMPLE_2024, tmp_path / "long", settings)
    assert started == [1]


def test_the_rows_a_sheet_uses_are_read_from_its_first_bytes(tmp_path):
    import re
    import zipfile

    import openpyxl

    assert sheet_rows(SAMPLE_2024, NOMINATIONS.title) == openpyxl.load_workbook(SAMPLE_2024)[NOMINATIONS.title].max_row
    assert sheet_rows(SAMPLE_2024, "Không có trang này") is None
    with zipfile.ZipFile(SAMPLE_2024) as source, zipfile.ZipFile(tmp_path / "khong-kich-thuoc.xlsx", "w") as copy:
        for info in source.infolist():  # the same workbook, its sheets without <dimension>
            copy.writestr(info, re.sub(rb"<dimension [^>]*/>", b"", source.read(info)))
    assert sheet_rows(tmp_path / "khong-kich-thuoc.xlsx", NOMINATIONS.title) is None
    (tmp_path / "hong.xlsx").write_bytes(b"not a workbook")
    assert sheet_rows(tmp_path / "hong.xlsx", NOMINATIONS.title) is None
    assert sheet_rows(tmp_path / "khong-co.xlsx", NOMINATIONS.title) is None


def test_the_review_runs_while_workers_render_and_an_error_it_finds_writes_nothing(settings, tmp_path, monkeypatch,
                                                                                  processes):
    """Eligibility is reviewed in this process once the workers have their share of the documents in hand; an
    error it finds stops the build all the same: nothing written, the folder it made gone, an earlier build's
    files as they were."""
    monkeypatch.setattr(workers, "cores", lambda: 2)
    out = tmp_path / "out"
    reviewed = []

    def review(*args):
        reviewed.append((os.getpid(), len(processes["draft"].read_text().splitlines())))
        found = Problem(Severity.ERROR, "dieu_kien.thu", "đã được tặng trong năm.", Location(NOMINATIONS.title, "I5"))
        return [found], {}
    monkeypatch.setattr(build_module, "review_eligibility", review)
    with pytest.raises(InvalidWorkbook, match="ô I5.*đã được tặng trong năm"):
        build(SAMPLE_2024, out, settings)
    assert not out.exists()
    [(pid, drafted)] = reviewed
    assert pid == os.getpid() and drafted >= 2  # sent to the workers before the review began
    monkeypatch.undo()
    build(SAMPLE_2024, out, settings)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    monkeypatch.setattr(build_module, "review_eligibility", review)
    with pytest.raises(InvalidWorkbook):
        build(SAMPLE_2024, out, settings, force=True)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_each_process_stages_what_it_makes(settings, tmp_path, monkeypatch, processes):
    """A worker writes the document it made into the folder's staging area and sends back where it is, not its
    bytes; this process stages its own documents and the summary workbooks."""
    monkeypatch.setattr(workers, "cores", lambda: 2)
    staged_by = tmp_path / "stage.txt"
    monkeypatch.setattr(build_module, "stage", lambda *a: _note(staged_by) or _STAGE(*a))
    result = build(SAMPLE_2024, tmp_path / "out", settings)
    makers = Counter(line.split()[0] for line in processes["make"].read_text().splitlines())
    stagers = Counter(line.split()[0] for line in staged_by.read_text().splitlines())
    summaries = len([o for o in result.outputs if o.kind == "tong_hop"])
    assert set(makers) - {str(os.getpid())} and len(makers) <= 2 and summaries  # the worker, this process maybe
    assert stagers == makers + Counter({str(os.getpid()): summaries})


def test_a_workbook_that_makes_no_document_shows_what_the_review_finds_first(settings, tmp_path, make_workbook,
                                                                               decisions_content):
    """Composed before it is reviewed, a workbook that makes no document still has its errors told first."""
    content = {**decisions_content, "nominations": [], "agency": {**decisions_content["agency"], "code": "UB ND"}}
    with pytest.raises(InvalidWorkbook, match="không dùng được trong ký hiệu văn bản"):
        build(make_workbook(content), tmp_path / "out", settings)
    assert not (tmp_path / "out").exists()


def test_overlapping_quick_handoffs_put_back_the_interval_when_the_last_ends():
    """Builds in threads of the web page: the first to end leaves the short interval to the other."""
    default = sys.getswitchinterval()
    with contextlib.ExitStack() as second:
        with workers.quick_handoffs():
            second.enter_context(workers.quick_handoffs())
        assert sys.getswitchinterval() == pytest.approx(workers.HANDOFF_SECONDS)
    assert sys.getswitchinterval() == default
