"""Using the `tdkt` command: help, version, usage errors and wrong inputs, all in Vietnamese."""
import builtins
import errno
import io
import os
import shutil
from pathlib import Path

import pytest

from helpers import TEMPLATES, run_tdkt, run_tdkt_process


def test_plain_tdkt_shows_help_and_version():
    """End to end: the installed command, as a new process."""
    done = run_tdkt_process()
    assert done.returncode == 0 and "Cách dùng: tdkt" in done.stdout and "Lệnh:" in done.stdout
    done = run_tdkt_process("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "tdkt 0.1.0"


@pytest.mark.parametrize("args, message", [
    (["build", "x.xlsx", "-o"], "tùy chọn -o cần một giá trị đi kèm"),
    (["build", "x.xlsx", "--pdf=3"], "tùy chọn --pdf không nhận giá trị"),
    (["build", "x.xlsx", "--khong-co"], "không có tùy chọn --khong-co"),
    (["xay-dung"], 'không có lệnh "xay-dung"'),
    (["build"], "thiếu TỆP.xlsx"),
])
def test_usage_errors_are_vietnamese(args, message):
    done = run_tdkt(*args)
    assert done.returncode == 2
    assert f"Lỗi cách dùng: {message}" in done.stderr
    assert "Traceback" not in done.stderr and "Usage" not in done.stderr


@pytest.mark.parametrize("args, message", [
    (["thong-ke"], "thiếu tùy chọn --nam NĂM (bắt buộc)"),
    (["thong-ke", "--nam", "abc"], 'tùy chọn --nam cần một năm từ 1945 đến 2100 (đang là "abc")'),
    (["thong-ke", "--nam", "1900"], 'tùy chọn --nam cần một năm từ 1945 đến 2100 (đang là "1900")'),
    (["xuat", "--nam", "2205"], 'tùy chọn --nam cần một năm từ 1945 đến 2100 (đang là "2205")'),
    (["web", "--port", "99999"], 'tùy chọn --port cần một số từ 0 đến 65535 (đang là "99999")'),
    (["in-bang", "--lech", "1", "2"], "tùy chọn --lech cần 3 giá trị đi kèm: X Y TỈ_LỆ"),
    (["in-bang", "--lech", "1", "2", "x"], 'tùy chọn --lech cần một số, ví dụ 1.5 hoặc -2 (đang là "x")'),
    (["init", "so.xlsx", "--cap", "huyen"],
     'tùy chọn --cap cần một trong các giá trị tinh, so, xa, khac (đang là "huyen")'),
])
def test_a_wrong_option_value_names_the_option_the_value_and_what_is_allowed(args, message):
    done = run_tdkt(*args)
    assert done.returncode == 2
    assert done.stderr == f"Lỗi cách dùng: {message}\nXem hướng dẫn: tdkt {args[0]} --help\n"


def test_a_decimal_comma_is_read_as_a_point():
    from tdkt_docs.cli import Number

    assert Number(float).convert("1,5", None, None) == 1.5


@pytest.mark.parametrize("command", ["", "init", "check", "pdf", "build", "mau", "ghi-so", "tra-cuu", "thong-ke",
                                     "xuat", "in-bang", "nhap", "web"])
def test_help_pages_say_in_vietnamese_what_click_adds(command):
    done = run_tdkt(*([command] if command else []), "--help")
    assert done.returncode == 0
    for english in ("default:", "required", "<=x", "Usage", "Options", "Commands", "Arguments"):
        assert english not in done.stdout
    if command in ("thong-ke", "xuat"):
        assert "[bắt buộc; từ 1945 đến 2100]" in " ".join(done.stdout.split())
    if command == "web":
        assert "[từ 0 đến 65535]" in done.stdout


def test_wrong_kinds_of_input_get_messages_not_crashes(make_workbook, content, tmp_path):
    done = run_tdkt("build", TEMPLATES / "ke-hoach.docx", "-o", tmp_path / "o")
    assert done.returncode == 1 and "là văn bản Word, không phải sổ Excel .xlsx" in done.stderr
    renamed = tmp_path / "so-lieu.xls"
    shutil.copy(make_workbook(content), renamed)  # an .xlsx with the wrong extension is read by its content
    done = run_tdkt("build", renamed, "-o", tmp_path / "o")
    assert done.returncode == 0, done.stderr
    assert f"Đã tạo: {tmp_path / 'o' / 'ke-hoach-tdkt-2024.docx'}" in done.stdout
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    done = run_tdkt("check", old)
    assert done.returncode == 1 and "sổ Excel cũ (.xls)" in done.stderr


def test_the_cli_imports_no_stage_before_a_command_needs_it():
    """`tdkt --help` answers at once: importing the CLI loads none of the libraries of the pipeline."""
    import subprocess
    import sys

    heavy = ("openpyxl", "pypdf", "docx", "docxtpl", "lxml", "sqlalchemy", "starlette", "jinja2", "reportlab",
             "python_calamine", "babel")
    loaded = subprocess.run([sys.executable, "-c", "import sys, tdkt_docs.cli; "
                             f"print(' '.join(m for m in {heavy!r} if m in sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_a_build_loads_the_pdf_and_database_libraries_only_when_it_needs_them(tmp_path):
    """`tdkt build` without --pdf never loads the PDF libraries, and with no register file yet never loads
    SQLAlchemy; given a register file, it consults it."""
    import subprocess
    import sys

    from helpers import SAMPLE_2024
    from tdkt_docs.register.store import open_register

    def loaded(*options) -> list[str]:
        code = ("import sys; from tdkt_docs.cli import main; sys.argv = sys.argv[1:]\n"
                "try:\n    main()\nexcept SystemExit as end:\n    assert not end.code, end.code\n"
                "print('loaded:', *(m for m in ('pypdf', 'reportlab', 'sqlalchemy') if m in sys.modules))")
        out = subprocess.run([sys.executable, "-c", code, "tdkt", "build", str(SAMPLE_2024), "-o",
                              str(tmp_path / "out"), *options], capture_output=True, text=True, check=True).stdout
        return out.splitlines()[-1].split()[1:]

    register = tmp_path / "so-theo-doi.sqlite"
    assert "sqlalchemy" not in loaded("--so-theo-doi", str(register))
    assert "pypdf" not in loaded() and "reportlab" not in loaded()
    open_register(f"sqlite:///{register}").close()
    assert "sqlalchemy" in loaded("--so-theo-doi", str(register))


@pytest.mark.parametrize("command", ["build", "check", "in-bang", "ghi-so"])
def test_a_missing_workbook_or_a_folder_is_named(command, tmp_path):
    done = run_tdkt(command, tmp_path / "khong-co.xlsx")
    assert done.returncode == 1, done.stderr
    assert done.stderr == f'Không tìm thấy tệp "{tmp_path / "khong-co.xlsx"}".\n'
    folder = tmp_path / "so.xlsx"
    folder.mkdir()
    done = run_tdkt(command, folder)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (f'"{folder}" là một thư mục, không phải sổ Excel. Hãy ghi tên tệp sổ .xlsx, '
                           f'ví dụ "{folder / "so-lieu.xlsx"}".\n')


def test_check_names_a_folder_given_as_dot(tmp_path):
    done = run_tdkt("check", ".", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr == 'Không kiểm tra được ".": chỉ nhận sổ Excel .xlsx hoặc văn bản Word .docx.\n'


def test_the_build_function_refuses_a_missing_workbook_or_a_folder(tmp_path, settings):
    """The web page calls build() itself: the same messages, before anything is read."""
    from tdkt_docs.build import build
    from tdkt_docs.errors import UserError

    with pytest.raises(UserError, match=r'^Không tìm thấy tệp ".*khong-co\.xlsx"\.$'):
        build(tmp_path / "khong-co.xlsx", tmp_path / "out", settings)
    with pytest.raises(UserError, match=r"là một thư mục, không phải sổ Excel"):
        build(tmp_path, tmp_path / "out", settings)
    assert not (tmp_path / "out").exists()


@pytest.fixture
def unreadable(make_workbook, content, monkeypatch):
    """A workbook this user may not open (chmod 000, or held by Excel on Windows): opening it raises
    PermissionError as the system does. Tests run as root here, where chmod 000 stops nothing."""
    path = make_workbook(content)
    real_open = io.open

    def guarded(file, *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and Path(file) == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded)  # Path.open and zipfile
    monkeypatch.setattr(builtins, "open", guarded)
    return path


@pytest.mark.parametrize("args", [("check", "{book}"), ("build", "{book}", "-o", "{tmp}/out"), ("in-bang", "{book}"),
                                  ("ghi-so", "{book}", "--so-theo-doi", "{tmp}/so-theo-doi.sqlite"),
                                  ("nhap", "{book}", "{tmp}/don-vi.xlsx")])
def test_a_workbook_that_cannot_be_opened_is_a_message(unreadable, args, tmp_path):
    done = run_tdkt(*(a.format(book=unreadable, tmp=tmp_path) for a in args))
    assert done.returncode == 1, done.stderr
    assert done.stderr == (f'Không mở được tệp "{unreadable}": tệp đang bị chương trình khác giữ (trên Windows, '
                           "Excel giữ sổ đang mở) hoặc không có quyền đọc tệp. Hãy đóng sổ trong Excel, hoặc nhờ "
                           "người quản lý máy cấp quyền đọc tệp, rồi chạy lại.\n")
