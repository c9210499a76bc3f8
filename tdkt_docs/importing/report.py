"""The import report as the user reads it: per file, rows taken, rows to look at, rows refused."""
from __future__ import annotations

from ..read.schema import NOMINATIONS
from .run import FileReport, ImportResult, describe


def format_result(result: ImportResult) -> list[str]:
    lines = []
    for report in result.reports:
        lines += format_file(report, result.batch)
    if result.added:
        lines.append(f'Đã ghi {result.added} dòng mới vào sổ "{result.office.name}" (trang "{NOMINATIONS.title}"); '
                     f'bản sao sổ trước khi nhập: "{result.backup.name}".')
    else:
        lines.append(f'Không có dòng mới; sổ "{result.office.name}" giữ nguyên.')
    return lines


def format_file(report: FileReport, batch: str) -> list[str]:
    what = f" — {report.label}" if report.label else ""
    about = describe(report)
    lines = [f'Tệp "{report.path.name}"{what}' + (f": {about}" if about else "") + "."]
    if report.not_imported:
        lines.append(f"  Không nhập tệp này: {report.not_imported}")
        lines += [f"  Lưu ý: {note}" for note in report.notes]
        return lines
    if report.taken:
        rows = [row for _, row in report.taken]
        span = f"dòng {rows[0]}" if len(rows) == 1 else f"dòng {rows[0]}–{rows[-1]}"
        lines.append(f'  Đã nhận {len(rows)} dòng vào đợt "{batch}" ({span} của trang "{NOMINATIONS.title}").')
    if report.already:
        count = len(report.already)
        lines.append(f"  Tệp này đã nhập trước đây: cả {count} dòng đã có trong sổ, không thêm lại."
                     if not report.taken and not report.refused else
                     f"  {count} dòng đã nhập trước đây, không thêm lại.")
    if report.attention:
        lines.append(f"  Cần xem lại {len(report.attention)} dòng:")
        for entry, row in report.attention:
            lines.append(f'    - {entry.where} → dòng {row} của sổ: "{entry.name}": ' + "; ".join(entry.attention) + ".")
    if report.refused:
        lines.append(f"  Không nhận {len(report.refused)} dòng:")
        for entry in report.refused:
            name = f'"{entry.name}": ' if entry.name else ""
            lines.append(f"    - {entry.where}: {name}" + "; ".join(entry.refused) + ".")
    lines += [f"  Lưu ý: {note}" for note in report.notes]
    return lines
