"""A large sheet read in pieces, the first here, the others by the build's workers at the same time: the same
records, cells and problems as read whole, whatever the pieces hold."""
from __future__ import annotations

import contextlib
import glob
import io
import os
import pickle
import re
import shutil
import signal
import tempfile
import time
import zipfile
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

import openpyxl
import pytest

from bench.workload import write_year_end_workbook
from tdkt_docs.build import build
from tdkt_docs.errors import UserError
from tdkt_docs.read import grid as grid_module
from tdkt_docs.read import workbook as workbook_module
from tdkt_docs.read.schema import NOMINATIONS
from tdkt_docs.read.workbook import read_piece, read_workbook
from tdkt_docs.render import workers as workers_module
from tdkt_docs.render.workers import Workers

SHEET = NOMINATIONS.title


@pytest.fixture
def small_pieces(monkeypatch, tmp_path):
    """Any sheet is cut, in chunks of a few rows: a workbook of some hundred rows makes several pieces, their
    files in a temporary folder of the test's own (tests running at the same time cut sheets too)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(grid_module, "SPLIT_FROM", 0)
    monkeypatch.setattr(grid_module, "_PIECE_LEAST", 1)
    monkeypatch.setattr(grid_module, "_CHUNK", 4096)
    monkeypatch.setattr(workers_module, "PARALLEL_FROM", 2)


@pytest.fixture(scope="module")
def awkward_source(tmp_path_factory) -> Path:
    """300 nominations, and in the later rows what only the sheet's XML tells or what a cell gets wrong: hidden
    rows, a merged range, a formula without a saved value, an error value, legacy-encoded and invisible
    characters, a cell that breaks its column's rule, blank rows."""
    path = write_year_end_workbook(tmp_path_factory.mktemp("so") / "cuoi-nam.xlsx", 30, 10)
    book = openpyxl.load_workbook(path)
    ws = book[SHEET]
    ws.row_dimensions[150].hidden = True
    ws.row_dimensions[290].hidden = True
    ws["J200"] = "=A5"                      # no value saved: openpyxl does not calculate
    ws["J210"] = "Chuyªn viªn"              # TCVN3
    ws["J220"] = "Kế toán\u202e"            # an invisible direction mark
    ws["N230"] = "Cao"                       # Kết quả thẩm định: not a choice
    ws.merge_cells("N240:N241")
    ws.delete_rows(260, 2)                   # a gap: rows moved up, the last two rows blank
    book.save(path)
    with zipfile.ZipFile(path) as source:   # an error value where a text was
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    sheet_part = grid_module._sheet_parts(path)[SHEET]
    parts[sheet_part] = re.sub(rb'<c r="K120"[^>]*>.*?</c>', b'<c r="K120" t="e"><v>#N/A</v></c>',
                               parts[sheet_part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


@pytest.fixture
def awkward_workbook(awkward_source, tmp_path) -> Path:
    return Path(shutil.copy(awkward_source, tmp_path / awkward_source.name))


def noted(log: str, task, *args):
    """Run ``task(*args)`` (a piece: ``args[3]`` is its index), noting the process that ran it."""
    with open(log, "a", encoding="utf-8") as file:
        file.write(f"{os.getpid()} {args[3]}\n")
    return task(*args)


class Noting:
    """Workers whose every piece is noted with the process that read it."""

    def __init__(self, workers: Workers, log: Path):
        self.workers, self.size, self.log = workers, workers.size, log

    def submit(self, task, *args):
        return self.workers.submit(noted, str(self.log), task, *args)


class Failing:
    """Helpers whose every piece fails, as when the worker has ended."""

    size = 1

    def submit(self, task, *args):
        failed = Future()
        failed.set_exception(RuntimeError("the worker ended"))
        return failed


class ReadingAnother:
    """Helpers that read each piece of the workbook ``other`` instead, as if it were saved between the reads."""

    size = 1

    def __init__(self, other: Path):
        self.other = other

    def submit(self, task, path, *args):
        done = Future()
        done.set_result(pickle.dumps(read_piece(self.other, *args)))
        return done


def same_reading(whole, pieces) -> None:
    assert pieces.records == whole.records
    nominations = [dict(r.cells) for r in pieces.records["nominations"]]
    assert nominations == [dict(r.cells) for r in whole.records["nominations"]]
    assert [str(p) for p in pieces.problems] == [str(p) for p in whole.problems]


def leftover_pieces() -> list[str]:
    return glob.glob(os.path.join(tempfile.gettempdir(), "tdkt-manh-*"))


def test_a_large_sheet_is_read_in_pieces_by_other_processes_as_it_reads_whole(awkward_workbook, small_pieces,
                                                                               tmp_path):
    whole = read_workbook(awkward_workbook)
    codes = {p.code for p in whole.problems}
    assert {"dong.an", "o.gop", "o.cong_thuc", "o.bang_ma_cu", "o.ky_tu_an", "o.danh_muc"} <= codes
    assert [n.workplace for n in whole.records["nominations"] if n.rows == (120,)] == ["#N/A"]  # as Excel shows it
    before = set(leftover_pieces())
    log = tmp_path / "pieces.txt"
    with Workers(abs, jobs=3, expected=300) as workers:
        assert workers.size == 2
        pieces = read_workbook(awkward_workbook, helpers=Noting(workers, log))
    same_reading(whole, pieces)
    readers = dict(reversed(line.split()) for line in log.read_text().splitlines())
    assert set(readers) == {"1", "2"} and str(os.getpid()) not in readers.values()
    assert set(leftover_pieces()) == before


def test_the_pieces_are_sent_before_the_workbook_is_opened_here(awkward_workbook, small_pieces, monkeypatch):
    """The other processes begin their pieces at once: what they need is told from the package's directory,
    before this process opens the workbook (and reads the templates meanwhile, in a thread of its own)."""
    order = []

    class Sending(Failing):
        def submit(self, task, *args):
            order.append(f"piece {args[3]}")
            return super().submit(task, *args)

    opening = workbook_module.open_values
    monkeypatch.setattr(workbook_module, "open_values", lambda path: order.append("open") or opening(path))
    same_reading(read_workbook(awkward_workbook), read_workbook(awkward_workbook, helpers=Sending()))
    sent = order[1:-1]  # a piece of each table sheet (any is cut here)
    assert order[0] == order[-1] == "open" and sent and set(sent) == {"piece 1"}


def test_each_piece_holds_the_rows_of_its_part_of_the_sheet(awkward_workbook, small_pieces):
    """Pieces cut the rows between them: each row read once, in order; the first five rows (where the headers may
    be) go with each."""
    firsts, rows = [], []
    for index in range(1, 3):
        grid, first, _ = grid_module.piece_grid(awkward_workbook, SHEET, index, 3, 5)
        firsts.append(first)
        numbers = [number for number, line in grid.raw_rows(1) if any(value not in ("", None) for value in line)]
        assert numbers[:6] == [1, 2, 3, 4, 5, first]  # the first rows, then the piece's own
        rows.append(numbers[5:])
    assert 1 < firsts[0] < firsts[1] < 300
    assert rows[0][-1] < firsts[1] == rows[1][0]


def test_a_piece_another_process_could_not_read_is_read_here(awkward_workbook, small_pieces):
    same_reading(read_workbook(awkward_workbook), read_workbook(awkward_workbook, helpers=Failing()))


def test_a_workbook_changed_while_it_is_read_is_refused(awkward_workbook, small_pieces, tmp_path):
    changed = tmp_path / "da-sua.xlsx"
    book = openpyxl.load_workbook(awkward_workbook)
    book[SHEET]["I280"] = "Nguyễn Văn Mới"
    book.save(changed)

    with pytest.raises(UserError) as raised:
        read_workbook(awkward_workbook, helpers=ReadingAnother(changed))
    assert 'Sổ "cuoi-nam.xlsx" vừa thay đổi trong lúc đang đọc' in str(raised.value)


def test_rows_without_their_numbers_are_read_whole(awkward_workbook, small_pieces, tmp_path):
    """A program that leaves out the rows' numbers (the cells still say theirs): a piece could not tell where its
    rows are, so the sheet is read whole."""
    rewritten = io.BytesIO()
    sheet_part = grid_module._sheet_parts(awkward_workbook)[SHEET]
    with zipfile.ZipFile(awkward_workbook) as source, zipfile.ZipFile(rewritten, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == sheet_part:
                data = re.sub(rb'(<row\b[^>]*?) r="\d+"', rb"\1", data)
            target.writestr(info, data)
    unnumbered = tmp_path / "khong-so-dong.xlsx"
    unnumbered.write_bytes(rewritten.getvalue())
    before = set(leftover_pieces())
    with Workers(abs, jobs=3, expected=300) as workers:
        pieces = read_workbook(unnumbered, helpers=workers)
    whole = read_workbook(unnumbered)
    assert len(whole.records["nominations"]) > 250
    same_reading(whole, pieces)
    assert set(leftover_pieces()) == before


def test_only_a_large_sheet_is_cut_and_in_pieces_of_some_size(awkward_workbook, monkeypatch):
    size = zipfile.ZipFile(awkward_workbook).getinfo(grid_module._sheet_parts(awkward_workbook)[SHEET]).file_size

    def pieces(most: int) -> int:
        return grid_module.pieces(awkward_workbook, SHEET, most)

    assert pieces(4) == 1  # some hundred KB: read whole
    monkeypatch.setattr(grid_module, "SPLIT_FROM", size)
    monkeypatch.setattr(grid_module, "_PIECE_LEAST", size // 3)
    assert pieces(8) == 3 and pieces(2) == 2 and pieces(1) == 1


def test_a_build_that_reads_in_pieces_writes_the_same_files(awkward_workbook, small_pieces, settings, tmp_path,
                                                             monkeypatch):
    book = openpyxl.load_workbook(awkward_workbook)  # only what a build accepts
    ws = book[SHEET]
    for cell in ("J200", "J220", "N230"):
        ws[cell] = None
    ws.unmerge_cells("N240:N241")
    book.save(awkward_workbook)
    monkeypatch.setattr(workers_module, "cores", lambda: 1)
    alone = build(awkward_workbook, tmp_path / "mot", settings)
    monkeypatch.setattr(workers_module, "cores", lambda: 2)
    shared = build(awkward_workbook, tmp_path / "hai", settings)
    assert [o.path for o in alone.outputs] == [o.path for o in shared.outputs]
    for output in alone.outputs:
        assert (tmp_path / "hai" / output.path).read_bytes() == (tmp_path / "mot" / output.path).read_bytes()


def test_a_piece_that_cannot_be_written_leaves_the_sheet_read_whole(awkward_workbook, small_pieces, monkeypatch):
    """No room left for the pieces' files (a full disk, an unwritable temporary folder): the sheet is read
    whole, as without workers, and no piece's file is left behind."""
    whole = read_workbook(awkward_workbook)
    before = set(leftover_pieces())
    write = zipfile.ZipFile.open

    def full(archive, name, mode="r", *args, **kwargs):
        if mode == "w" and str(archive.filename).startswith(os.path.join(tempfile.gettempdir(), "tdkt-manh-")):
            raise OSError(28, "No space left on device")
        return write(archive, name, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", full)

    same_reading(whole, read_workbook(awkward_workbook, helpers=Failing()))
    assert set(leftover_pieces()) == before


def rewritten(path: Path, target: Path, change) -> Path:
    """A copy of the workbook at ``path`` with each part's bytes passed through ``change(name, data)``."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return target


def test_a_workbook_whose_other_parts_changed_while_it_is_read_is_refused(awkward_workbook, small_pieces, tmp_path):
    """The same sheet XML with other styles (or shared strings) is another workbook: its values may read
    otherwise."""
    changed = rewritten(awkward_workbook, tmp_path / "kieu-khac.xlsx",
                        lambda name, data: data + b"<!-- -->" if name == "xl/styles.xml" else data)

    with pytest.raises(UserError, match="vừa thay đổi trong lúc đang đọc"):
        read_workbook(awkward_workbook, helpers=ReadingAnother(changed))


def test_rows_out_of_order_are_read_whole(awkward_workbook, small_pieces, tmp_path):
    """Rows 101 to 150 stored after the last: a piece would not see them where they belong."""
    part = grid_module._sheet_parts(awkward_workbook)[SHEET]

    def move(name, data):
        if name != part:
            return data
        start, end = data.index(b'<row r="101"'), data.index(b'<row r="151"')
        moved, rest = data[start:end], data[:start] + data[end:]
        at = rest.index(b"</sheetData>")
        return rest[:at] + moved + rest[at:]
    unordered = rewritten(awkward_workbook, tmp_path / "lon-xon.xlsx", move)
    whole = read_workbook(unordered)
    with Workers(abs, jobs=3, expected=300) as workers:
        same_reading(whole, read_workbook(unordered, helpers=workers))


def test_headers_past_the_first_piece_are_read_whole(awkward_workbook, small_pieces, tmp_path):
    """Four long rows above the headers (a title, notes): the headers' row falls in the second piece."""
    book = openpyxl.load_workbook(awkward_workbook)
    ws = book[SHEET]
    ws.insert_rows(1, 4)
    for row in range(1, 5):
        ws.cell(row, 20, "Ghi chú " * 4000)
    book.save(awkward_workbook)
    whole = read_workbook(awkward_workbook)
    assert len(whole.records["nominations"]) > 250
    with Workers(abs, jobs=3, expected=300) as workers:
        same_reading(whole, read_workbook(awkward_workbook, helpers=workers))


def test_a_worker_that_ended_leaves_its_piece_read_here(awkward_workbook, small_pieces):
    whole = read_workbook(awkward_workbook)
    with Workers(abs, jobs=2, expected=300) as workers:
        os.kill(pickle.loads(workers.submit(os.getpid).result()), signal.SIGKILL)
        while (asked := workers.submit(os.getpid)) is not None:  # until the pool knows: it then takes no task
            with contextlib.suppress(BrokenProcessPool):
                asked.result()
        same_reading(whole, read_workbook(awkward_workbook, helpers=workers))


def note(log: str, what: str) -> None:
    with open(log, "a", encoding="utf-8") as file:
        file.write(what + "\n")


@pytest.mark.parametrize("later, order", [(False, ["ready", "piece"]), (True, ["piece", "ready"])])
def test_workers_that_read_a_piece_first_get_ready_after(tmp_path, later, order):
    """A worker compiles the templates as soon as it is forked, unless it is to read a piece of the workbook: the
    piece first, the templates while the build's process composes."""
    log = str(tmp_path / "order.txt")
    with Workers(abs, jobs=2, expected=300, ready=partial(note, log, "ready"), ready_later=later) as workers:
        time.sleep(0.2)  # time enough for a worker to get ready at once
        pickle.loads(workers.submit(note, log, "piece").result())
        pickle.loads(workers.submit(int).result())  # after the ready, if it came after the piece
    assert Path(log).read_text().split() == order
