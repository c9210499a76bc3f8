"""A Word Danh sách: a table of nominations, or numbered lines under "I. TẬP THỂ" / "II. CÁ NHÂN"."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import UserError
from ..glossary import RecipientKind
from ..rules.legal import Catalogue
from . import words
from .grid import Grid, find_header, read_rows
from .model import Entry, Group, Source, TextReader

TABLE_LABEL = "danh sách Word dạng bảng"
LINES_LABEL = "danh sách Word dạng các dòng đánh số"


def open_document(path: Path) -> docx.document.Document:
    try:
        return docx.Document(str(path))
    except Exception:  # noqa: BLE001 - any damage inside the package
        raise UserError(f'Không đọc được văn bản Word "{path.name}": tệp bị hỏng hoặc không phải .docx. '
                        "Hãy mở bằng Word và lưu lại dạng .docx (Word Document).") from None


def read_word_list(path: Path, catalogue: Catalogue) -> Source:
    document = open_document(path)
    notes: list[str] = []
    text = TextReader(notes)
    lines: list[tuple[str, str]] = []      # paragraphs and layout-table cells above the list
    paragraphs: list[tuple[str, str, bool]] = []
    number = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            number += 1
            where = f"đoạn {number}"
            content = text(block.text, where)
            if content:
                paragraphs.append((content, where, _is_list_style(block)))
            continue
        tables += 1
        grid = _table_grid(block, tables, text)
        header = find_header(grid)
        if header is not None:
            above = lines + [(t, w) for t, w, _ in paragraphs]
            entries = read_rows(grid, header, notes, catalogue)
            return Source(TABLE_LABEL, words.read_statement(above, catalogue), entries, notes)
        lines += [(t, grid.where(r, c)) for r, row in enumerate(grid.rows) for c, t in enumerate(row)
                  if t and t not in row[:c]]
    statement_lines, entries = _numbered_lines(paragraphs, catalogue)
    if not entries:
        raise UserError(f'Văn bản "{path.name}": không tìm thấy danh sách đề nghị — không có bảng có cột "Họ và tên", '
                        'cũng không có các dòng đánh số (1. Ông Nguyễn Văn A, …) dưới mục "I. TẬP THỂ", '
                        '"II. CÁ NHÂN" hoặc dưới tên danh sách.')
    return Source(LINES_LABEL, words.read_statement(lines + statement_lines, catalogue), entries, notes)


def _is_list_style(paragraph: Paragraph) -> bool:
    pr = paragraph._p.pPr
    return (pr is not None and pr.numPr is not None) or "list" in (paragraph.style.name or "").casefold()


def _table_grid(table: Table, index: int, text: TextReader) -> Grid:
    def where(row: int, col: int) -> str:
        return f"bảng {index}, dòng {row + 1}, cột {col + 1}"

    rows = [[text("\n".join(p.text for p in cell.paragraphs), where(r, c)) for c, cell in enumerate(row.cells)]
            for r, row in enumerate(table.rows)]
    return Grid(rows, where, lambda row: f"bảng {index}, dòng {row + 1}")


def _numbered_lines(paragraphs: list[tuple[str, str, bool]],
                    catalogue: Catalogue) -> tuple[list[tuple[str, str]], list[Entry]]:
    """Items after the list's title or a group heading; lines before the first item describe the list."""
    above: list[tuple[str, str]] = []
    entries: list[Entry] = []
    group = Group()
    started = False
    for content, where, listed in paragraphs:
        if started and words.is_signature(content):
            break
        if (kind := words.heading_kind(content)):
            group.kind, group.achievement = kind, ""
            started = True
            continue
        if started and words.is_achievement(content):
            group.achievement = words.achievement_text(content)
            continue
        item = words.item_text(content) or (content if listed and started else "")
        form = words.heading_form(content, catalogue) if started else None
        if form is not None and not words.split_address(item)[0]:
            group.form = form.name
            continue
        if started and item and not words.is_total(item):
            entries.append(_line_entry(item, where, group))
            continue
        if not entries:
            above.append((content, where))
            started = started or words.fold(content).startswith("danh sách")
    return above, entries


def _line_entry(item: str, where: str, group: Group) -> Entry:
    """"Ông Nguyễn Văn A, Trưởng phòng X, Sở Y" → name, address, position, workplace."""
    entry = Entry(where=where, form=group.form, achievement=group.achievement)
    household, item = words.split_household(item)
    entry.kind = group.kind or (RecipientKind.HOUSEHOLD if household else None)
    name, _, rest = item.partition(",")
    entry.address, entry.name = words.split_address(name)
    if not (household or entry.address or entry.kind in (RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD)):
        name, _, rest = words.field_partition(item)  # a collective's name may hold a comma ("Phòng, chống dịch")
        entry.name = words.split_address(name)[1]
    if "," in entry.name:
        why = ("chữ sau dấu phẩy viết thường" if all(part[:1].islower() for part in entry.name.split(", ")[1:])
               else "đơn vị công tác bắt đầu từ tên cơ quan sau dấu phẩy")
        entry.attention.append(f'dấu phẩy trong "{entry.name}" được coi là một phần của tên ({why}); hãy xem lại '
                               "tên và đơn vị công tác")
    collective = entry.kind is RecipientKind.COLLECTIVE or (not entry.kind and not entry.address
                                                    and words.looks_collective(entry.name))
    if collective or household:
        entry.workplace = rest.strip(" ,;.")
        return entry
    entry.position, entry.workplace, decided = words.split_position(rest)
    if not decided:
        entry.attention.append(f'không tách được chức vụ và đơn vị công tác trong "{rest.strip()}"; '
                               "đã ghi cả vào cột Chức vụ, hãy tách lại")
    elif entry.workplace[:1].islower():  # "Trưởng khoa Phòng, chống dịch": the comma was the unit's own
        entry.attention.append(f'đơn vị công tác "{entry.workplace}" bắt đầu bằng chữ thường: có thể dấu phẩy nằm '
                               "trong tên đơn vị; hãy xem lại cột Chức vụ và Đơn vị công tác")
    return entry
