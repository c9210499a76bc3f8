"""``tdkt nhap``: the units' files into the office workbook, with a report per file."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..glossary import RecipientKind
from ..read.schema import BATCHES
from ..read.workbook import open_workbook
from ..rules.book import Rules
from ..rules.collation import match_key
from ..rules.dates import short_date
from ..rules.legal import AwardForm, Catalogue
from . import words
from .checks import review
from .excel_list import read_excel_list
from .model import Entry, Source
from .office import OfficeBook, fingerprint, person
from .unit_book import is_unit_workbook, read_unit_workbook
from .words import Statement
from .word_list import read_word_list


@dataclass(frozen=True)
class Asking:
    """How the import's messages ask for what is given beside the files: by the options of ``tdkt nhap``
    (``COMMAND_LINE``), or by the fields of a form (the web page's)."""

    names: Mapping[str, str]  # a ``Defaults`` field → how it is given: "--don-vi", 'ô "Đơn vị trình"'
    options: bool             # given as options, with their values after them on the command line
    again: str                # what to do once it is given

    def by(self, key: str) -> str:
        """"bằng --dot", 'vào ô "Đợt khen thưởng"'."""
        return f"{'bằng' if self.options else 'vào'} {self.names[key]}"

    def example(self, key: str, value: str) -> str:
        """An example of the value: '--dot "Quý I/2024"', '"Quý I/2024"'."""
        return f'{self.names[key]} "{value}"' if self.options else f'"{value}"'

    def use(self, key: str, verb: str = "dùng") -> str:
        """"dùng --hinh-thuc", 'điền ô "Hình thức khen thưởng"'."""
        return f"{verb if self.options else 'điền'} {self.names[key]}"

    def given(self, key: str, value: str) -> str:
        """A value the user gave: '--don-vi "Sở Y tế"', '"Sở Y tế" ở ô "Đơn vị trình"'."""
        return self.example(key, value) if self.options else f'"{value}" ở {self.names[key]}'

    def fill(self, wanted: list[tuple[str, str]]) -> str:
        """Asking for the ``wanted`` (field, example as the command line writes its value), all at once."""
        if self.options:
            return f"Hãy ghi thêm {' '.join(f'{self.names[key]} {value}' for key, value in wanted)} {self.again}."
        return f"Hãy điền {', '.join(self.names[key] for key, _ in wanted)} {self.again}."


COMMAND_LINE = Asking({"batch": "--dot", "unit": "--don-vi", "submission_no": "--to-trinh", "submission_date": "--ngay",
                       "form": "--hinh-thuc", "achievement": "--thanh-tich"}, options=True, again="rồi chạy lại")


@dataclass(frozen=True)
class Defaults:
    """What is given for files that do not state it (``--dot``, ``--don-vi`` …), and how messages ask for it."""

    batch: str = ""
    unit: str = ""
    submission_no: str = ""
    submission_date: dt.date | None = None
    form: str = ""
    achievement: str = ""
    asking: Asking = COMMAND_LINE


@dataclass
class FileReport:
    """What became of one source file."""

    path: Path
    label: str = ""
    unit: str = ""
    submission_no: str = ""
    submission_date: dt.date | None = None
    taken: list[tuple[Entry, int]] = field(default_factory=list)   # entry, its row in the office workbook
    already: list[Entry] = field(default_factory=list)
    refused: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    not_imported: str = ""                                         # the whole file was left out: why

    @property
    def attention(self) -> list[tuple[Entry, int]]:
        return [(entry, row) for entry, row in self.taken if entry.attention]


@dataclass
class ImportResult:
    office: Path
    batch: str
    reports: list[FileReport]
    backup: Path | None = None

    @property
    def added(self) -> int:
        return sum(len(r.taken) for r in self.reports)

    @property
    def failed(self) -> bool:
        return any(r.refused or r.not_imported for r in self.reports)


def import_files(office: Path, sources: list[Path], rules: Rules, defaults: Defaults = Defaults()) -> ImportResult:
    """Append the nominations of ``sources`` to the office workbook; the workbook is saved only if rows were added."""
    office = Path(office)
    if is_unit_workbook(office):
        raise UserError(f'"{office.name}" là sổ đề nghị của đơn vị, không phải sổ số liệu của cơ quan. '
                        "Lệnh đúng: tdkt nhap <sổ số liệu>.xlsx <các tệp của đơn vị>…")
    catalogue = rules.catalogue
    book = OfficeBook(office, rules)
    batch, batch_note = _batch(book, defaults.batch, defaults.asking)
    result = ImportResult(office, batch, [])
    for path in map(Path, sources):
        report = FileReport(path)
        result.reports.append(report)
        if batch_note:
            report.notes.append(batch_note)
        try:
            if path.resolve() == office.resolve():
                raise UserError("đây chính là sổ số liệu đang nhập vào.")
            source = read_source(path, catalogue)
        except UserError as exc:
            report.not_imported = str(exc)
            continue
        _import_source(book, batch, source, defaults, report)
    if book.added:
        result.backup = book.save()
    return result


def read_source(path: Path, catalogue: Catalogue) -> Source:
    """Read one unit file: the tool's unit workbook, any Excel list, or a Word Danh sách."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError(f'Không tìm thấy tệp "{path}".')
    if suffix == ".docx":
        return read_word_list(path, catalogue)
    if suffix == ".doc":
        raise UserError(f'"{path.name}" là văn bản Word cũ (.doc). Hãy mở bằng Word và lưu lại dạng .docx.')
    if suffix not in (".xlsx", ".xlsm", ".xls", ".csv"):
        raise UserError(f'Không nhập được "{path.name}": chỉ nhận sổ Excel .xlsx hoặc văn bản Word .docx.')
    if is_unit_workbook(path):
        return read_unit_workbook(path)
    # .xls, CSV and damaged files get the reader's messages
    return read_excel_list(path, open_workbook(path), catalogue)


def _batch(book: OfficeBook, given: str, asking: Asking) -> tuple[str, str]:
    """The batch the rows join, spelt as in the Đợt khen thưởng sheet; and a note for the report."""
    known = book.batches()
    if given:
        same = next((b for b in known if match_key(b) == match_key(given)), None)
        if same:
            return same, ""
        return given, (f'đợt "{given}" chưa có ở trang "{BATCHES.title}" của sổ số liệu; hãy thêm đợt này '
                       "trước khi tạo văn bản.")
    if len(known) == 1:
        return known[0], ""
    listed = ", ".join(f'"{b}"' for b in known) or "(trang Đợt khen thưởng còn trống)"
    raise UserError(f"Chưa biết đợt khen thưởng để nhập vào. Hãy ghi tên đợt {asking.by('batch')}, ví dụ "
                    f"{asking.example('batch', 'Quý I/2024')}. "
                    f"Các đợt trong sổ: {listed}.")


def _import_source(book: OfficeBook, batch: str, source: Source, defaults: Defaults, report: FileReport) -> None:
    report.label = source.label
    report.notes += source.notes
    if not source.entries:
        report.not_imported = "không có dòng đề nghị nào."
        return
    gaps = _resolve_statement(book, source, defaults, report) + _missing_everywhere(source.entries, source.statement,
                                                                                   defaults, book)
    if gaps:  # all at once: one more run, not one per gap
        report.not_imported = (f"chưa biết {'; '.join(f'{what} ({why})' for what, why, _ in gaps)}. "
                               + defaults.asking.fill([given for _, _, wanted in gaps for given in wanted]))
        return
    available = book.fingerprints()
    people = book.people(batch)
    for entry in source.entries:
        if not entry.refused:  # a row its reader refused is reported with the reader's reasons only
            _complete(entry, source.statement, defaults, book)
        if entry.refused:
            report.refused.append(entry)
            continue
        values = _values(entry, batch, report, book)
        key = fingerprint(values, book.catalogue)
        if available[key] > 0:
            available[key] -= 1
            report.already.append(entry)
            continue
        who = person(values)
        if who in people:
            entry.attention.append(f'"{entry.name}" đã có đề nghị trong đợt "{batch}" (dòng {people[who]} của sổ số liệu)')
        row = book.append(values)
        people.setdefault(who, row)
        report.taken.append((entry, row))


Gap = tuple[str, str, list[tuple[str, str]]]
"""What the import does not know, why, and the fields that tell it, each with an example as the command line
writes it."""


def _resolve_statement(book: OfficeBook, source: Source, defaults: Defaults, report: FileReport) -> list[Gap]:
    """Unit, tờ trình and its date: as the file states them, else from the command line; what is missing."""
    stated = source.statement
    unit = stated.unit
    if stated.unit_from_header:
        known = next((u for u in book.units() if match_key(u) == match_key(unit)), None)
        if known or defaults.unit:
            unit = known or defaults.unit
        else:
            report.notes.append(f'tên đơn vị lấy từ tiêu đề của tệp: "{unit}"; kiểm tra cách viết hoa trong sổ '
                                f"hoặc {defaults.asking.use('unit', 'ghi')}.")
    for key, given, used in (("unit", defaults.unit, unit), ("submission_no", defaults.submission_no,
                                                              stated.submission_no)):
        if given and used and match_key(given) != match_key(used):
            report.notes.append(f'tệp ghi "{used}", không dùng {defaults.asking.given(key, given)}.')
    report.unit = unit or defaults.unit
    report.submission_no = stated.submission_no or defaults.submission_no
    report.submission_date = stated.submission_date or defaults.submission_date
    needed = [(what, wanted) for what, wanted, value in (
        ("đơn vị trình", ("unit", '"Sở …"'), report.unit or all(e.unit for e in source.entries)),
        ("số tờ trình", ("submission_no", '"12/TTr-…"'), report.submission_no or all(e.submission_no
                                                                                 for e in source.entries)),
        ("ngày tờ trình", ("submission_date", "10/3/2024"), report.submission_date or all(e.submission_date
                                                                                         for e in source.entries)),
    ) if not value]
    if not needed:
        return []
    return [(", ".join(w for w, _ in needed), f"tệp không có {source.states_at}", [g for _, g in needed])]


def _missing_everywhere(entries: list[Entry], statement: Statement, defaults: Defaults, book: OfficeBook
                        ) -> list[Gap]:
    """The form and the achievement, when neither the file nor the command line gives them; the option asked for
    shows a form the workbook's issuer decides."""
    gaps = []
    if not (defaults.form or statement.form) and not any(e.form for e in entries):
        level = book.issuer.level if book.issuer else None
        decided = next((f.name for f in book.catalogue.forms if level in f.levels), "…")
        gaps.append(("hình thức khen thưởng", 'tệp không có cột "Hình thức đề nghị" và tên danh sách không nêu hình '
                     "thức", [("form", f'"{decided}"')]))
    if not defaults.achievement and not any(e.achievement for e in entries):
        gaps.append(("thành tích", 'tệp không có cột "Thành tích" hay dòng "Đã có thành tích …" trên nhóm',
                     [("achievement", '"Đã có thành tích xuất sắc trong công tác năm …"')]))
    return gaps


def _complete(entry: Entry, statement: Statement, defaults: Defaults, book: OfficeBook) -> None:
    """Fill what the row leaves out from the file and the command line; say what is still wrong for the
    office's decision."""
    catalogue = book.catalogue
    if not entry.rank:
        entry.rank, entry.name = words.split_rank(entry.name)
    entry.form = entry.form or (statement.form.name if statement.form else "") or defaults.form
    form = catalogue.find(entry.form) if entry.form else None
    if form is not None:
        entry.form = form.name
    entry.achievement = entry.achievement or defaults.achievement
    entry.unit_head = entry.unit_head or statement.unit_head
    entry.kind = entry.kind or _guess_kind(entry, form)
    if not entry.name:
        entry.refused.append("thiếu họ tên / tên tập thể")
    if not entry.form:
        entry.refused.append(f"thiếu hình thức khen thưởng (ghi vào cột hoặc {defaults.asking.use('form')})")
    if not entry.achievement:
        entry.refused.append('thiếu thành tích (ghi vào cột, thêm dòng "Đã có thành tích …" hoặc '
                             f"{defaults.asking.use('achievement')})")
    if not entry.refused:
        found = review(entry.kind, entry.address, entry.rank, entry.name, entry.form, catalogue, book.issuer)
        entry.attention += [message + (f" ({entry.at(key)})" if entry.at(key) != entry.where else "")
                            for key, message in found]


def _guess_kind(entry: Entry, form: AwardForm | None) -> RecipientKind:
    if entry.address or entry.rank:
        return RecipientKind.INDIVIDUAL
    if form is not None and len(form.kinds) == 1:
        return form.kinds[0]
    if words.looks_collective(entry.name):
        return RecipientKind.COLLECTIVE
    return RecipientKind.INDIVIDUAL


def _values(entry: Entry, batch: str, report: FileReport, book: OfficeBook) -> dict[str, object]:
    """The office row: every column of the Đề nghị khen thưởng sheet. A workbook without the rank column (an
    earlier version) gets the rank before the name, which the documents print as typed."""
    ranked = entry.rank and not book.has("rank")
    return {
        "batch": batch,
        "unit": entry.unit or report.unit,
        "unit_head": entry.unit_head,
        "submission_no": entry.submission_no or report.submission_no,
        "submission_date": entry.submission_date or report.submission_date,
        "kind": entry.kind.label if entry.kind else "",
        "address": entry.address,
        "rank": entry.rank,
        "name": f"{entry.rank} {entry.name}" if ranked else entry.name,
        "position": entry.position,
        "workplace": entry.workplace,
        "form": entry.form,
        "achievement": entry.achievement,
        "appraisal": "",
    }


def describe(report: FileReport) -> str:
    """"Sở Y tế, Tờ trình số 12/TTr-SYT ngày 10/3/2024"."""
    parts = [report.unit] if report.unit else []
    if report.submission_no:
        parts.append(f"Tờ trình số {report.submission_no}"
                     + (f" ngày {short_date(report.submission_date)}" if report.submission_date else ""))
    return ", ".join(parts)
