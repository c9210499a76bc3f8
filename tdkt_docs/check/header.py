"""Quốc hiệu, Tiêu ngữ, the lines under them and the agency name, Số and the date line."""
from __future__ import annotations

import re

from ..rules.dates import pad_month
from ..rules.numbering import UNFILLED, code_kind, number_written
from ..problems import Problem
from .findings import ERROR, finding
from .layout import Layout
from .model import DocModel, Line, Para
from .resolve import w
from .page_numbers import ALIGNMENTS

DASHES = "–—‒―"
DATE = re.compile(
    r"^(?P<place>[^,]+?)(?P<comma>,?)\s+ngày(?P<day>[^a-zđ]*?)\s*tháng(?P<month>[^a-zđ]*?)"
    r"\s*năm\s+(?P<year>\d{4})\s*\.?$"
)
NO_LINE = "không có đường kẻ"
MISSING = "không có"


def check_quoc_hieu(layout: Layout) -> list[Problem]:
    exact = layout.book["quoc_hieu"]["chu"]
    line = layout.quoc_hieu
    if line is None:
        return [finding("quoc_hieu.thieu", ERROR, "đầu trang thứ nhất",
                        f'Quốc hiệu "{exact}"', MISSING)]
    return _exact_and_bold(line, exact, "quoc_hieu", "Quốc hiệu")


def check_tieu_ngu(layout: Layout) -> list[Problem]:
    exact = layout.book["tieu_ngu"]["chu"]
    line = layout.tieu_ngu
    if line is None:
        where = layout.quoc_hieu.where if layout.quoc_hieu else "đầu trang thứ nhất"
        return [finding("tieu_ngu.thieu", ERROR, where,
                        f'Tiêu ngữ "{exact}" dưới Quốc hiệu', MISSING)]
    return _exact_and_bold(line, exact, "tieu_ngu", "Tiêu ngữ")


def _exact_and_bold(line: Line, exact: str, rule: str, label: str) -> list[Problem]:
    findings = []
    text = line.text.strip()
    if text != exact:
        reasons = spelling_reasons(text, exact)
        found = f'"{text}"' + (f" ({'; '.join(reasons)})" if reasons else "")
        findings.append(finding(f"{rule}.chinh_ta", ERROR, line.where, f'"{exact}"', found))
    if not line.bold:
        findings.append(finding(f"{rule}.dam", ERROR, line.where,
                                f"{label} in đậm", "chữ không in đậm"))
    return findings


def spelling_reasons(text: str, exact: str) -> list[str]:
    """Name the usual typing mistakes in a Quốc hiệu or Tiêu ngữ."""
    reasons = []
    if any(d in text for d in DASHES):
        reasons.append("dùng gạch ngang dài thay cho gạch nối (-)")
    if re.search(r"\S-|-\S", text):
        reasons.append("thiếu dấu cách hai bên gạch nối")
    if "HOÀ" in text.upper():
        reasons.append('viết "HOÀ" thay cho "HÒA"')
    if "  " in text:
        reasons.append("thừa dấu cách")
    if text.lower() == exact.lower() and text != exact:
        reasons.append("sai chữ hoa, chữ thường")
    return reasons


def check_lines(model: DocModel, layout: Layout) -> list[Problem]:
    """A line under the agency name and under the Tiêu ngữ: border or drawn shape."""
    findings = []
    targets = []
    if layout.agency:
        targets.append((layout.agency[-1], "co_quan", "tên cơ quan ban hành"))
    if layout.tieu_ngu is not None:
        targets.append((layout.tieu_ngu.para, "tieu_ngu", "Tiêu ngữ"))
    for para, rule, label in targets:
        if not has_line_below(model, para):
            findings.append(finding(f"{rule}.duong_ke", ERROR, para.where,
                                    f"đường kẻ ngang, nét liền dưới {label}", NO_LINE))
    return findings


def has_line_below(model: DocModel, para: Para) -> bool:
    siblings = [p for p in model.paras if p.table == para.table and p.cell == para.cell]
    index = siblings.index(para)
    before = siblings[index - 1] if index else None
    after = siblings[index + 1] if index + 1 < len(siblings) else None
    if para.has_shape or model.resolver.border(para.element, "bottom"):
        return True
    if before is not None and before.has_shape:
        return True
    if after is None:
        return False
    if after.has_shape or model.resolver.border(after.element, "top"):
        return True
    return not after.stripped and model.resolver.border(after.element, "bottom")


def check_so(layout: Layout) -> list[Problem]:
    line = layout.so
    if line is None:
        if layout.quoc_hieu is None:
            return []
        return [finding("so_ky_hieu.thieu", ERROR, "đầu trang thứ nhất",
                        '"Số: …/…" dưới tên cơ quan ban hành', MISSING)]
    text = line.text.strip()
    if not text.startswith("Số:"):
        return [finding("so_ky_hieu.dinh_dang", ERROR, line.where,
                        '"Số" và dấu hai chấm, ví dụ "Số: 05/KH-UBND"', f'"{text}"')]
    number, _, code = text[3:].partition("/")
    return _so_number(line, number) + _so_code(line, code, layout)


def _so_number(line: Line, number: str) -> list[Problem]:
    if number_written(number):
        return []
    return [finding("so_ky_hieu.so", ERROR, line.where,
                    "số bằng chữ số Ả Rập, số nhỏ hơn 10 ghi thêm số 0 (01–09), "
                    "liền với dấu \"/\"; để trống khi chưa ban hành",
                    f'số "{number.strip()}"' if number.strip() else "dấu cách trước \"/\"")]


def _so_code(line: Line, code: str, layout: Layout) -> list[Problem]:
    kind = code_kind(code)
    if kind is None:
        return [finding("so_ky_hieu.dinh_dang", ERROR, line.where,
                        'ký hiệu liền nhau, không có dấu cách, ví dụ "05/KH-UBND"', f'"{line.text.strip()}"')]
    if layout.ten_loai is not None:
        name = layout.ten_loai.text.strip().upper()
        wanted = layout.book.type_codes.get(name)
        if wanted and kind != wanted:
            return [finding("so_ky_hieu.loai", ERROR, line.where,
                            f'chữ viết tắt "{wanted}" của {name} (Phụ lục III)', f'"{kind}"')]
    elif layout.vv is None and kind not in layout.book.all_codes():
        return [finding("so_ky_hieu.loai", ERROR, line.where,
                        "chữ viết tắt tên loại văn bản theo Phụ lục III", f'"{kind}"')]
    return []


def check_date(layout: Layout) -> list[Problem]:
    line = layout.date
    if line is None:
        if layout.quoc_hieu is None:
            return []
        return [finding("ngay_thang.thieu", ERROR, "đầu trang thứ nhất",
                        '"<địa danh>, ngày … tháng … năm …" dưới Tiêu ngữ', MISSING)]
    findings = []
    text = line.text.strip()
    match = DATE.match(text)
    if match is None or not match["comma"]:
        findings.append(finding("ngay_thang.dinh_dang", ERROR, line.where,
                                '"<địa danh>, ngày … tháng … năm …": dấu phẩy sau địa danh, chữ in thường',
                                f'"{text}"'))
    else:
        findings += _leading_zeros(line, match["day"], match["month"])
    if not line.italic:
        findings.append(finding("ngay_thang.nghieng", ERROR, line.where,
                                "địa danh và thời gian in nghiêng", "chữ không in nghiêng"))
    return findings + _date_place(layout)


def _date_place(layout: Layout) -> list[Problem]:
    """In a header table, the date sits in the Quốc hiệu's column (the right one), centred under it."""
    line, quoc_hieu = layout.date, layout.quoc_hieu
    para = line.para
    if para.table is None or quoc_hieu is None or quoc_hieu.para.table != para.table:
        return []
    if not set(_grid_columns(para.element)) & set(_grid_columns(quoc_hieu.para.element)):
        return [finding("ngay_thang.vi_tri", ERROR, line.where,
                        "địa danh và thời gian đặt dưới Quốc hiệu và Tiêu ngữ (cột bên phải), "
                        "cùng hàng với số, ký hiệu",
                        f"nằm ở cột {para.cell[1]} của bảng tiêu đề, Quốc hiệu ở cột {quoc_hieu.para.cell[1]}")]
    if para.alignment != "center":
        return [finding("ngay_thang.canh_giua", ERROR, line.where,
                        "địa danh và thời gian canh giữa dưới Quốc hiệu và Tiêu ngữ",
                        ALIGNMENTS.get(para.alignment, para.alignment))]
    return []


def _grid_columns(para_el) -> range:
    """The columns of the table's grid that the (outermost) cell holding ``para_el`` spans: a row's cells are
    counted with the columns they merge (gridSpan) and those the row skips before its first cell (gridBefore),
    so a row with a spacer cell lines up with one without."""
    cell = list(para_el.iterancestors(_TC))[-1]
    row = cell.getparent()
    start = _val_of(row.find(f"{_TRPR}/{_GRID_BEFORE}"), 0)
    for other in row.iterchildren(_TC):
        span = _val_of(other.find(f"{_TCPR}/{_GRID_SPAN}"), 1)
        if other is cell:
            return range(start, start + span)
        start += span
    return range(start, start + 1)


def _val_of(element, default: int) -> int:
    value = None if element is None else element.get(w("val"))
    return int(value) if value and value.isdigit() else default


_TC, _TCPR, _TRPR, _GRID_SPAN, _GRID_BEFORE = w("tc"), w("tcPr"), w("trPr"), w("gridSpan"), w("gridBefore")


def _leading_zeros(line: Line, day: str, month: str) -> list[Problem]:
    problems = []
    day, month = day.strip(), month.strip()
    if not UNFILLED.match(day) and not (day.isdigit() and len(day) == 2):
        problems.append(f'ngày "{day}"')
    if not UNFILLED.match(month) and not (month.isdigit() and month == pad_month(int(month))):
        problems.append(f'tháng "{month}"')
    if not problems:
        return []
    return [finding("ngay_thang.so_0", ERROR, line.where,
                    "ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0 (ngày 05, tháng 01, 02); "
                    "tháng 3 đến 12 không ghi số 0",
                    ", ".join(problems))]

