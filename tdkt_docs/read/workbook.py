"""Workbook → typed records, collecting every problem instead of stopping at the first."""
from __future__ import annotations

import pickle
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Protocol

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import UserError
from ..glossary import Choice
from ..problems import Location, Problem, Severity
from ..text import closest
from ..workbook_file import check_workbook_file
from . import cells, legacy
from .grid import Grid, Uncuttable, ValueBook, piece_count, piece_grid, sheet_sizes, titled
from .records import RowCells
from .schema import SHEETS, Column, Layout, Sheet

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def sheet_problem(severity: Severity, code: str, sheet: Sheet, message: str, cell: str = "",
                  column: Column | None = None) -> Problem:
    return Problem(severity, code, message, Location(sheet.title, cell, column.header if column else ""))

HEADER_SEARCH_ROWS = 5


@dataclass
class WorkbookData:
    path: Path
    records: dict[str, list] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # optional sheets the workbook does not have

    def all(self, key: str) -> list:
        return self.records.get(key, [])

    def one(self, key: str):
        found = self.records.get(key)
        return found[0] if found else None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def has_errors_in(self, sheet: Sheet) -> bool:
        return any(p.is_error and p.location.sheet == sheet.title for p in self.problems)


class Helpers(Protocol):
    """Other processes that can read pieces of a large sheet meanwhile (``render.workers.Workers``)."""

    size: int

    def submit(self, task: Callable, *args) -> Future | None:
        """A future of ``task(*args)``'s output, pickled; None when it cannot be sent."""


def read_workbook(path: Path, sheets: tuple[Sheet, ...] = SHEETS, helpers: Helpers | None = None) -> WorkbookData:
    """Read and validate every declared sheet of the workbook at ``path``; a large table sheet is read in pieces,
    the first here, the others by ``helpers`` at the same time. What reading memoised of the cells (up to tens
    of thousands of texts) is let go once the workbook is read."""
    path = Path(path)
    sent = _send_pieces(path, sheets, helpers)  # first: the other processes read meanwhile
    book = open_values(path)
    data = WorkbookData(path)
    try:
        # the first piece of each sheet sent is read next, the small sheets while the other pieces are read
        begun = {sheet.key: _begin_in_pieces(book, title, sheet, pieces) for title, sheet, pieces in sent}
        for sheet in sheets:
            title = titled(book.titles, sheet.title)
            if title is None and sheet.optional:
                data.missing.add(sheet.key)
                continue
            if title is None:
                data.problems.append(_missing_sheet(sheet, book.titles, sheets))
                continue
            if sheet.layout is Layout.FORM:
                records, problems = read_form(book.grid(title), sheet)
            elif sheet.key in begun:
                records, problems = begun[sheet.key]()
            else:
                records, problems = read_table(book.grid(title), sheet)
            data.records[sheet.key] = records
            data.problems.extend(problems)
    finally:
        cells.forget()
        legacy.forget()
    return data


def _send_pieces(path: Path, sheets: tuple[Sheet, ...],
                 helpers: Helpers | None) -> list[tuple[str, Sheet, list[Future | None]]]:
    """The later pieces of each TABLE sheet large enough to be read in pieces, sent to ``helpers`` before this
    process opens the workbook: the sheet's title, the sheet, each piece's task (None where it could not be
    sent). The titles and sizes are the package's, read once (a workbook that cannot be opened has none: nothing is
    sent)."""
    if helpers is None:
        return []
    sent, sizes = [], sheet_sizes(path)
    for sheet in sheets:
        title = titled(sizes, sheet.title)
        if sheet.layout is not Layout.TABLE or title is None:
            continue
        if (count := piece_count(sizes[title], 1 + helpers.size)) > 1:
            sent.append((title, sheet, [helpers.submit(read_piece, path, title, sheet, index, count)
                                        for index in range(1, count)]))
    return sent


def _begin_in_pieces(book: ValueBook, title: str, sheet: Sheet, sent: list[Future | None]) -> Finish:
    """A TABLE sheet whose later pieces were ``sent`` to other processes: its first piece is read now."""
    count = len(sent) + 1
    grid, identity = book.first_piece(title, count, HEADER_SEARCH_ROWS)
    if identity is None:  # read whole
        return begin_table(grid, sheet)
    begun = begin_table(grid, sheet, [partial(_received, future, identity, book.path, title, sheet, index, count)
                                      for index, future in enumerate(sent, start=1)])

    def finish() -> tuple[list, list[Problem]]:
        try:
            return begun()
        except Uncuttable:
            return read_table(book.grid(title), sheet)
    return finish


def _missing_sheet(sheet: Sheet, titles: list[str], sheets: tuple[Sheet, ...]) -> Problem:
    """The sheet is not there; a sheet no other is read from, named much like it, was perhaps renamed."""
    unread = [title for title in titles if titled([s.title for s in sheets], title) is None]
    near = closest(sheet.title, unread)
    hint = (f' Sổ có trang "{near}": nếu đó là trang này, hãy đổi tên trang thành "{sheet.title}".' if near else
            ' Dùng lệnh "tdkt init" để tạo sổ mẫu có đủ các trang.')
    return sheet_problem(ERROR, "trang.thieu", sheet, f'thiếu trang tính "{sheet.title}".{hint}')


def open_workbook(path: Path, data_only: bool = True) -> openpyxl.Workbook:
    """The workbook at ``path`` (saved values, or formulas with ``data_only=False``); a Vietnamese
    UserError for a missing, old-format, non-Excel or damaged file."""
    check_workbook_file(path)
    try:
        with path.open("rb") as stream:  # by content, whatever the extension says
            return openpyxl.load_workbook(stream, data_only=data_only)
    except Exception:  # noqa: BLE001 - any damage inside the package: zip, XML, parts
        raise _damaged(path) from None


def open_values(path: Path) -> ValueBook:
    """The workbook at ``path`` read for its saved values (what ``read_workbook`` needs), with the same
    Vietnamese errors as ``open_workbook``."""
    check_workbook_file(path)
    try:
        return ValueBook(path)
    except Exception:  # noqa: BLE001 - any damage inside the package: zip, XML, parts
        raise _damaged(path) from None


def _damaged(path: Path) -> UserError:
    return UserError(f'Không đọc được sổ Excel "{path.name}": tệp bị hỏng hoặc không đúng định dạng .xlsx. '
                     "Hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook).")


def find_sheet(book: openpyxl.Workbook, title: str) -> Worksheet | None:
    found = titled((ws.title for ws in book.worksheets), title)
    return None if found is None else book[found]


def parse_value(column: Column, raw: object) -> object:
    """The typed value of one cell, or ``column.empty``; raises CellError."""
    if cells.is_blank(raw):
        if column.required:
            raise cells.CellError("bắt buộc phải nhập, đang để trống", "o.bat_buoc")
        return column.empty
    value = column.kind.parse(raw)
    if column.minimum is not None and value < column.minimum:
        raise cells.CellError(f"cần một số từ {column.minimum} trở lên, không phải {value}", "o.nho_qua")
    if column.choices and column.strict:
        value = _choice(column, value)
    return value


def _choice(column: Column, value: object) -> str | Choice:
    """The choice ``value`` names (an enum member for enum columns)."""
    key = cells.header_key(value)
    for choice in column.options():
        if cells.header_key(choice) == key:
            return column.enum(choice) if column.enum else choice
    for alias, choice in column.aliases.items():
        if cells.header_key(alias) == key:
            return column.enum(choice) if column.enum else choice
    allowed = ", ".join(f'"{c}"' for c in column.options())
    raise cells.CellError(f'"{value}" không có trong danh mục; chọn một trong: {allowed}', "o.danh_muc")


def _grid(ws: Grid | Worksheet) -> Grid:
    return ws if isinstance(ws, Grid) else Grid.of_worksheet(ws)


def read_form(ws: Grid | Worksheet, sheet: Sheet) -> tuple[list, list[Problem]]:
    """A FORM sheet: find each label in column A, read its value from column B."""
    grid = _grid(ws)
    lines = dict(grid.rows())
    labels = {cells.header_key(line[0] if line else None): row for row, line in lines.items()}
    values: dict[str, object] = {}
    places: dict[str, str] = {}
    problems: list[Problem] = []
    filled = False
    for column in sheet.columns:
        row = labels.get(cells.header_key(column.header))
        if row is None and column.defaulted:
            values[column.key] = column.empty
            continue
        if row is None:
            severity = ERROR if column.required else WARNING
            problems.append(sheet_problem(severity, "dong.thieu", sheet,
                                          f'không tìm thấy dòng "{column.header}" ở cột A.', column=column))
            values[column.key] = column.empty
            continue
        raw = lines[row][1] if len(lines[row]) > 1 else None
        filled = filled or not cells.is_blank(raw)
        places[column.key] = f"B{row}"
        values[column.key] = _parse_into(column, raw, places[column.key], sheet, problems)
    if not filled:
        return [], []  # an untouched form is a part left out, not an error
    if any(p.is_error for p in problems):
        return [], problems
    rows = tuple(int(place[1:]) for place in places.values())
    return [sheet.record(**values, rows=rows, cells=places)], problems


@dataclass
class TableRows:
    """What the rows of a TABLE sheet (or of a piece of it) read to: their records, their problems, the rows that
    hold anything. A piece read in another process sends its records as ``columns`` instead (one list of values
    per column of the sheet, and the row ``numbers``): far cheaper to send than records, and received without
    leaving a small object per row behind in the heap. ``identity``: the sheet's XML a piece was cut from, and
    what was read with it (``grid.Cut``)."""

    records: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    filled: list[int] = field(default_factory=list)
    columns: list[list] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    identity: tuple = ()

    def extend(self, piece: TableRows, sheet: Sheet, letters: dict[str, str]) -> None:
        """Add the rows a later piece sent, ``letters`` the sheet's column letters (``RowCells``)."""
        record = sheet.record  # its fields: the sheet's columns in order, then rows and cells (schema.Sheet)
        self.records += [record(*values, (row,), RowCells(letters, row))
                         for row, *values in zip(piece.numbers, *piece.columns)]
        self.problems += piece.problems
        self.filled += piece.filled


Finish = Callable[[], tuple[list, list[Problem]]]
"""What is left to read of a TABLE sheet begun (``begin_table``): to its records and problems."""


def read_table(ws: Grid | Worksheet, sheet: Sheet) -> tuple[list, list[Problem]]:
    """A TABLE sheet: headers in one of the first rows, one record per row below."""
    return begin_table(ws, sheet)()


def begin_table(ws: Grid | Worksheet, sheet: Sheet, rest: Iterable[Callable[[], TableRows]] = ()) -> Finish:
    """Read the rows of a TABLE sheet now; what is returned adds the rows of its later pieces, read elsewhere
    (``rest``: ``ws`` then holds its first piece), and gives the sheet's records and problems."""
    grid = _grid(ws)
    header_row, positions, problems = locate_headers(grid, sheet)
    if header_row is None:
        return lambda: ([], problems)
    read = table_rows(grid, sheet, header_row, positions, header_row + 1)
    rest = list(rest)
    if rest:
        grid.let_go()  # before the records of the other pieces come

    def finish() -> tuple[list, list[Problem]]:
        letters = _column_letters(sheet, positions)
        for piece in rest:
            read.extend(piece(), sheet, letters)
        return read.records, (problems + _merged_cell_problems(grid, sheet, header_row) + read.problems
                              + _unseen_problems(grid, sheet, read.filled))
    return finish


def read_piece(path: Path, title: str, sheet: Sheet, index: int, count: int) -> TableRows:
    """The rows of piece ``index`` of ``count`` of the TABLE sheet ``title`` (``grid.Cut``), read in another
    process while the first is read in the build's. Raises Uncuttable."""
    try:
        grid, first_row, identity = piece_grid(path, title, index, count, HEADER_SEARCH_ROWS)
        header_row, positions, _ = locate_headers(grid, sheet)  # the same as the first piece's
        if header_row is None or first_row is None:
            return TableRows(columns=[[] for _ in sheet.columns], identity=identity)
        read = table_rows(grid, sheet, header_row, positions, max(header_row + 1, first_row), sent=True)
        read.identity = identity
        return read
    finally:
        cells.forget()
        legacy.forget()


def _received(sent: Future | None, identity: tuple, path: Path, title: str, sheet: Sheet, index: int,
              count: int) -> TableRows:
    """The rows of piece ``index`` another process read (``read_piece``); read here when it could not (and the
    sheet read whole when this process cannot write the piece either). Raises UserError when the workbook
    changed between the two reads."""
    piece = (path, title, sheet, index, count)
    try:
        read = pickle.loads(sent.result()) if sent is not None else _read_here(*piece)
    except Uncuttable:
        raise
    except Exception:  # noqa: BLE001 - the other process ended or failed: this one reads the piece, or says why
        read = _read_here(*piece)
    if read.identity != identity:
        raise UserError(f'Sổ "{path.name}" vừa thay đổi trong lúc đang đọc (có thể vừa được lưu lại). Hãy đóng '
                        "sổ trong Excel rồi chạy lại.")
    return read


def _read_here(path: Path, title: str, sheet: Sheet, index: int, count: int) -> TableRows:
    try:
        return read_piece(path, title, sheet, index, count)
    except OSError as err:  # the piece's file could not be written
        raise Uncuttable(str(err)) from err


MEMO_LIMIT = 1 << 16


def table_rows(grid: Grid, sheet: Sheet, header_row: int, positions: dict[str, int], start: int,
               sent: bool = False) -> TableRows:
    """The rows of a TABLE sheet from row ``start`` on, its headers found (``locate_headers``); ``sent``: as
    values to send (``TableRows.columns``), not records."""
    letters = {col: get_column_letter(col) for col in positions.values()}
    spots = [(key, col - 1) for key, col in positions.items()]
    column_letters = _column_letters(sheet, positions)
    # A column repeats most values (batch, unit, form, date): each is parsed once. A column the sheet lacks
    # is empty in every row: parsed once for all (index None).
    plan = [(column, column.key, positions[column.key] - 1, {}) if column.key in positions
            else (column, column.key, None, {None: _parsed(column, None)}) for column in sheet.columns]
    indices = [index for _, _, index, _ in plan if index is not None]
    read, normal = TableRows(columns=[[] for _ in sheet.columns]), grid.normal
    records, filled, problems, columns, numbers = read.records, read.filled, read.problems, read.columns, read.numbers
    for row, line in grid.raw_rows(start):  # values normalised once each, when first parsed
        if all(line[index] is None or cells.is_blank(line[index]) for index in indices):
            continue
        filled.append(row)
        if row == header_row + 1 and _is_example(sheet, {key: normal(line[index]) for key, index in spots}):
            problems.append(sheet_problem(WARNING, "dong.vi_du", sheet,
                                          "dòng ví dụ, đã bỏ qua (xóa dòng này khi nhập số liệu thật).",
                                          cell=f"{letters[min(positions.values())]}{row}"))
            continue
        values, found_here = {}, []
        for column, key, index, memo in plan:
            raw = None if index is None else line[index]
            seen = raw if type(raw) is str or raw is None else (type(raw), raw)  # 1, 1.0 and True are equal
            if (parsed := memo.get(seen)) is None:
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                parsed = memo[seen] = _parsed(column, normal(raw))
            values[key], found = parsed
            if found:
                found_here.append((column, key, found))
        places = RowCells(column_letters, row)
        if found_here:
            row_problems = [sheet_problem(severity, code, sheet, message, cell=places[key], column=column)
                            for column, key, found in found_here for severity, code, message in found]
            problems += row_problems
            if any(p.is_error for p in row_problems):
                continue
        if sent:
            for kept, value in zip(columns, values.values()):
                kept.append(value)
            numbers.append(row)
        else:
            records.append(sheet.record(*values.values(), (row,), places))  # the columns in order, as the fields
    return read


def _column_letters(sheet: Sheet, positions: dict[str, int]) -> dict[str, str]:
    """Each column's letter ("I"), "" for a column the sheet lacks."""
    return {column.key: get_column_letter(positions[column.key]) if column.key in positions else ""
            for column in sheet.columns}


def _unseen_problems(grid: Grid, sheet: Sheet, filled: list[int]) -> list[Problem]:
    """Rows the user cannot see (hidden, or filtered out) are read all the same: say so."""
    problems = []
    hidden = [row for row in filled if row in grid.hidden]
    if hidden:
        shown = ", ".join(map(str, hidden[:20])) + (" …" if len(hidden) > 20 else "")
        problems.append(sheet_problem(WARNING, "dong.an", sheet,
                                      f"{'các dòng' if len(hidden) > 1 else 'dòng'} {shown} đang bị ẩn nhưng vẫn được đọc và đưa vào văn bản. Hãy bỏ ẩn "
                                      "(Unhide) để xem lại, hoặc xóa các dòng không dùng."))
    if grid.filter_ref:
        problems.append(sheet_problem(WARNING, "trang.loc", sheet,
                                      f"trang đang lọc dữ liệu (Filter, vùng {grid.filter_ref}): các dòng bị lọc đi "
                                      "vẫn được đọc. Hãy bỏ lọc (Clear Filter) để xem đủ các dòng."))
    return problems


def _parse_into(column: Column, raw: object, coordinate: str, sheet: Sheet, problems: list[Problem]) -> object:
    value, found = _parsed(column, raw)
    problems += [sheet_problem(severity, code, sheet, message, cell=coordinate, column=column)
                 for severity, code, message in found]
    return value


def _parsed(column: Column, raw: object) -> tuple[object, tuple[tuple[Severity, str, str], ...]]:
    """The value of one cell and what is wrong with it, as (severity, code, message): the same for every cell
    holding the same raw value in the same column."""
    if isinstance(raw, cells.UncachedFormula):
        return column.empty, ((ERROR, "o.cong_thuc",
                               f"ô có công thức {raw} nhưng chưa có giá trị tính sẵn (tệp được lưu bằng chương "
                               "trình không tính công thức). Hãy mở tệp bằng Excel hoặc LibreOffice, bấm Lưu, "
                               "rồi chạy lại."),)
    found = []
    if isinstance(raw, str):
        raw, removed = cells.excel_text(raw)
        if removed:
            found.append((WARNING, "o.ky_tu_an",
                          f"đã bỏ ký tự ẩn ({', '.join(removed)}) trong ô: ký tự điều khiển hoặc ký tự "
                          "đổi chiều chữ làm chữ hiện khác với chữ thật. Hãy xem lại ô này."))
    if isinstance(raw, str) and (converted := legacy.convert_cell(raw)):
        raw, message = converted
        found.append((WARNING, "o.bang_ma_cu", message))
    try:
        return parse_value(column, raw), tuple(found)
    except cells.CellError as exc:
        return column.empty, (*found, (ERROR, exc.code, f"{exc}."))


def locate_headers(ws: Grid | Worksheet, sheet: Sheet) -> tuple[int | None, dict[str, int], list[Problem]]:
    """The header row of a TABLE sheet and each column's position (key → 1-based column), or None
    with the problems when a required column is missing; earlier versions' headers are read too."""
    wanted = {cells.header_key(header): c for c in sheet.columns for header in (c.header, *c.header_aliases)}
    best_row, best = None, {}
    head = _grid(ws).head(HEADER_SEARCH_ROWS)
    for row, line in enumerate(head, 1):
        found = {}
        for col, value in enumerate(line, 1):
            column = wanted.get(cells.header_key(value))
            if column and column.key not in found:
                found[column.key] = col
        if len(found) > len(best):
            best_row, best = row, found
    problems = []
    unread = _unread_headers(head[(best_row or 1) - 1] if head else [], best_row or 1, wanted)
    for column in sheet.columns:
        if column.key not in best and not column.defaulted:
            severity = ERROR if column.required else WARNING
            note = "" if column.required else " Cột này không bắt buộc: coi như để trống."
            near = closest(column.header, unread)
            hint = (f' Ô {unread[near]} đang ghi "{near}": nếu đó là cột này, hãy sửa tiêu đề thành '
                    f'"{column.header}".' if near else "")
            problems.append(sheet_problem(severity, "cot.thieu", sheet,
                                          f'không tìm thấy cột "{column.header}" ở dòng tiêu đề.{hint}{note}',
                                          cell=unread[near] if near else "", column=column))
    if best_row is None:
        return None, {}, problems
    if any(p.is_error for p in problems):
        return None, {}, problems
    return best_row, best, problems


def _unread_headers(line: list, row: int, wanted: dict[str, Column]) -> dict[str, str]:
    """The texts of the header row ``line`` that name no column, by the cell holding each ("I1")."""
    return {str(value).strip(): f"{get_column_letter(index)}{row}" for index, value in enumerate(line, 1)
            if not cells.is_blank(value) and cells.header_key(value) not in wanted}


def _merged_cell_problems(grid: Grid, sheet: Sheet, header_row: int) -> list[Problem]:
    return [sheet_problem(ERROR, "o.gop", sheet,
                          f"các ô {coord} đang được gộp (Merge). Hãy bỏ gộp ô và điền giá trị vào từng dòng.",
                          cell=coord.split(":")[0])
            for coord, last in grid.merged if last > header_row]


def _is_example(sheet: Sheet, raws: dict[str, object]) -> bool:
    for column in sheet.columns:
        try:
            value = column.kind.parse(raws[column.key]) if not cells.is_blank(raws.get(column.key)) else column.empty
        except cells.CellError:
            return False
        shown = value.label if isinstance(value, Choice) else value
        example = column.empty if column.example is None else column.example
        if shown != example:
            return False
    return True
