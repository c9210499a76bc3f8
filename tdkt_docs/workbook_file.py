"""The workbook file itself, checked before anything reads it. Light imports: the build's rebuild key uses it."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .errors import UserError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_workbook_file(path: Path) -> None:
    """A Vietnamese UserError unless ``path`` is a file in the .xlsx format (by its content) that can be read:
    missing, a folder, empty, unreadable (no permission, or locked by another program), an old-format,
    password-protected, non-Excel or Word file is refused."""
    try:
        _check(path)
    except PermissionError:
        raise UserError(f'Không mở được tệp "{path}": tệp đang bị chương trình khác giữ (trên Windows, Excel giữ '
                        "sổ đang mở) hoặc không có quyền đọc tệp. Hãy đóng sổ trong Excel, hoặc nhờ người quản lý "
                        "máy cấp quyền đọc tệp, rồi chạy lại.") from None


def _check(path: Path) -> None:
    if path.is_dir():
        raise UserError(f'"{path}" là một thư mục, không phải sổ Excel. Hãy ghi tên tệp sổ .xlsx, '
                        f'ví dụ "{path / "so-lieu.xlsx"}".')
    if not path.is_file():
        raise UserError(f'Không tìm thấy tệp "{path}".')
    if not path.stat().st_size:
        raise UserError(f'Tệp "{path.name}" rỗng (0 byte), không có sổ Excel nào trong đó. '
                        "Hãy chọn lại đúng sổ Excel .xlsx đã lưu.")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        raise UserError(
            f'Tệp "{path.name}" là sổ Excel cũ (.xls) hoặc có đặt mật khẩu. '
            "Hãy mở bằng Excel, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx (Excel Workbook).")
    names = _part_names(path)
    if names is None:
        if head.startswith(_ZIP_MAGIC):
            raise UserError(f'Tệp "{path.name}" bị hỏng: tệp chưa được chép hoặc tải về hết. Hãy chép lại tệp từ '
                            "nơi gốc (hoặc mở bằng Excel và lưu lại dạng .xlsx).")
        raise UserError(
            f'Tệp "{path.name}" không phải sổ Excel .xlsx (có thể là tệp CSV hoặc tệp khác đổi đuôi). '
            "Hãy mở bằng Excel và lưu lại dạng .xlsx (Excel Workbook).")
    word = "word/document.xml" in names and "xl/workbook.xml" not in names  # whatever its name ends with
    if path.suffix.lower() in (".docx", ".doc") or word:
        raise UserError(f'Tệp "{path.name}" là văn bản Word, không phải sổ Excel .xlsx. '
                        'Để kiểm tra thể thức văn bản Word, dùng lệnh "tdkt check" (trên trang web: bước "Kiểm tra thể '
                        'thức").')


_ZIP_MAGIC = b"PK\x03\x04"


def _part_names(path: Path) -> set[str] | None:
    """The parts of the zip package at ``path``, read once; None when it is no readable zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile:
        return None
