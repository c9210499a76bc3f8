"""The web page through Starlette's TestClient: each step calls the CLI's functions, refusals are pages."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import socket
import zipfile

import docx
import openpyxl
import pdfplumber
import pytest

from tdkt_docs.build import prepare
from tdkt_docs.importing.unit_book import UNIT_INFO
from tdkt_docs.read import load
from tdkt_docs.register.location import register_url
from tdkt_docs.settings import Settings
from tdkt_docs.web.security import Policy
from helpers import SAMPLE_2024, TEMPLATES, edited_template, run_tdkt
from support.documents import check, decision_document, find, retext, save
from support.web import ORIGIN, Page, case_of, rows, text
from support.workbooks import KHAM, STATEMENT, decisions, unit_list, with_problems

NAV = ["Bắt đầu", "Mở sổ", "Nhập danh sách", "Kiểm tra sổ", "Tạo văn bản", "Kết quả", "Sổ theo dõi", "In bằng khen",
       "Kiểm tra thể thức"]


@pytest.fixture
def page(tmp_path) -> Page:
    return Page(tmp_path / "rieng")


@pytest.fixture
def broken(make_workbook):
    return make_workbook(with_problems(), "so-hong.xlsx")


@pytest.fixture
def small(make_workbook, decisions_content):
    return make_workbook(decisions_content, "dot-quy-iii.xlsx")


def edit_by_hand(path):
    """What a reader sees changes (a byte appended is no edit)."""
    document = docx.Document(path)
    document.add_paragraph("Sửa tay")
    document.save(path)


def values(book) -> dict:
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}


def test_pages_are_vietnamese_with_the_steps_and_safe_headers(page):
    for url in ("/", "/mo", "/the-thuc"):
        response = page.get(url)
        assert response.status_code == 200
        assert '<html lang="vi">' in response.text
        assert [step in text(response.text) for step in NAV] == [True] * len(NAV)
        assert response.headers["x-frame-options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response.headers["content-security-policy"]


def test_every_field_has_a_label_a_screen_reader_says(page, small):
    """Each field, file choosers and the progress bar included, is named by a <label for>, a label around it or
    aria-label: a screen reader says what to choose, not just "Choose File"."""
    case = case_of(page.open(small))
    page.build(case)
    unnamed = {}
    for url in ("/", "/mo", "/the-thuc", f"/so/{case}/nhap", f"/so/{case}/kiem-tra", f"/so/{case}/tao",
                f"/so/{case}/in-bang"):
        html = page.get(url).text
        named = set(re.findall(r'<label for="([^"]+)"', html))
        wrapped = {m for label in re.findall(r"<label>(.*?)</label>", html, flags=re.S)
                   for m in re.findall(r'id="([^"]+)"', label)}
        fields = re.findall(r'<(?:input|select|progress)\b([^>]*)>', html)
        unnamed[url] = [re.search(r'id="([^"]*)"', f).group(1) if 'id="' in f else f for f in fields
                        if 'type="hidden"' not in f and "aria-label" not in f
                        and not ('id="' in f and re.search(r'id="([^"]*)"', f).group(1) in named | wrapped)]
    assert unnamed == {url: [] for url in unnamed}


def test_starter_workbook_is_the_one_tdkt_init_writes(page, tmp_path):
    response = page.get("/so-mau?cap=xa")
    assert response.headers["content-disposition"] == 'attachment; filename="so-lieu-xa.xlsx"'
    assert run_tdkt("init", "--cap", "xa", tmp_path / "cli.xlsx").returncode == 0
    from_web = openpyxl.load_workbook(io.BytesIO(response.content))
    assert values(from_web) == values(openpyxl.load_workbook(tmp_path / "cli.xlsx"))
    agency = {row[0].value: row[1].value for row in from_web["Cơ quan"].iter_rows(min_row=2)}
    assert agency["Cấp ban hành"] == "Cấp xã"
    blank = openpyxl.load_workbook(io.BytesIO(page.get("/so-mau").content))
    assert {row[0].value: row[1].value for row in blank["Cơ quan"].iter_rows(min_row=2)}["Cấp ban hành"] is None
    refused = page.get("/so-mau?cap=huyen")
    assert refused.status_code == 400 and 'Không có cấp ban hành "huyen"' in text(refused.text)
    assert not list((tmp_path / "rieng" / "tam").iterdir())  # written, sent, removed


def test_check_lists_every_problem_with_sheet_cell_column(page, broken, settings):
    response = page.open(broken)
    assert response.url.path.endswith("/kiem-tra")
    assert "1 lỗi, 2 cảnh báo." in text(response.text)
    expected = [[p.severity.label, p.location.sheet, p.location.cell, p.location.column, p.message]
                for p in prepare(broken, settings).problems]
    assert rows(response.text) == expected
    assert rows(response.text)[0][:4] == ["Lỗi", "Phụ lục", "A2", "Quý"]


def test_check_filters_by_sheet_and_severity_and_sorts(page, broken):
    case = case_of(page.open(broken))
    warnings = rows(page.get(f"/so/{case}/kiem-tra?muc=canh-bao").text)
    assert [r[0] for r in warnings] == ["Cảnh báo", "Cảnh báo"]
    assert [r[1] for r in rows(page.get(f"/so/{case}/kiem-tra?trang=Phụ lục").text)] == ["Phụ lục"]
    assert [r[2] for r in rows(page.get(f"/so/{case}/kiem-tra?xep=o").text)] == ["A2", "I3", "K3"]
    assert [r[2] for r in rows(page.get(f"/so/{case}/kiem-tra?xep=cot").text)] == ["I3", "A2", "K3"]
    none = page.get(f"/so/{case}/kiem-tra?trang=Phụ lục&muc=canh-bao").text
    assert rows(none) == [["Không có vấn đề nào khớp bộ lọc."]]


def test_clean_sample_says_what_build_will_make(page):
    response = page.open(SAMPLE_2024)
    assert "0 lỗi, 1 cảnh báo. Có thể tạo 14 văn bản" in text(response.text)
    assert 'Lưu ý: Không đưa vào quyết định: trang "Đề nghị khen thưởng" dòng 10 ("Đỗ Văn Khải")' in text(response.text)


@pytest.mark.parametrize("name, payload, message", [
    ("Số liệu.xlsx", b"not a workbook", 'Tệp "Số liệu.xlsx" không phải sổ Excel .xlsx'),
    ("so-lieu.pdf", b"%PDF-1.4", '"so-lieu.pdf" không phải sổ Excel: hãy chọn tệp .xlsx.'),
])
def test_bad_uploads_are_messages_and_the_server_goes_on(page, name, payload, message):
    response = page.post("/mo", files={"so": (name, payload)})
    assert response.status_code == 400
    assert message in text(response.text)
    assert "Traceback" not in response.text
    assert page.get("/").status_code == 200


def test_an_empty_upload_is_told_it_is_empty_as_tdkt_check_tells_it(page, tmp_path):
    empty = tmp_path / "so-lieu.xlsx"
    empty.write_bytes(b"")
    cli = run_tdkt("check", empty)
    message = next(line for line in cli.stderr.splitlines() if "so-lieu.xlsx" in line)
    assert cli.returncode == 1 and 'Tệp "so-lieu.xlsx" rỗng' in message
    web = page.open(empty)
    assert web.status_code == 400 and " ".join(message.split()) in text(web.text)


def not_a_workbook_zip() -> bytes:
    """A zip archive that is no workbook (passes for one by its first bytes)."""
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("README.md", "# Hướng dẫn")
    return data.getvalue()


def files_under(folder) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_a_refused_upload_leaves_the_open_workbook_as_it_was(page, small, tmp_path):
    refused = page.post("/mo", files={"so": ("tên có dấu.xlsx", b"# README")})
    assert refused.status_code == 400 and "Sổ đang mở" not in text(refused.text)
    assert page.app.state.workspace.recent() == []
    case = case_of(page.open(small))
    kept = page.app.state.workspace.get(case).workbook
    on_disk = files_under(tmp_path / "rieng")
    for name, payload, message in [
            ("tên có dấu.xlsx", b"# README", 'Tệp "tên có dấu.xlsx" không phải sổ Excel .xlsx'),
            ("tên có dấu.xlsx", not_a_workbook_zip(), 'Không đọc được sổ Excel "tên có dấu.xlsx"'),
            (small.name, b"# README", f'Tệp "{small.name}" không phải sổ Excel .xlsx')]:
        refused = page.post("/mo", files={"so": (name, payload)})
        assert refused.status_code == 400 and message in text(refused.text)
        assert f"Sổ đang mở: {small.name}" in text(refused.text)
        register = text(page.get("/so-theo-doi").text)
        assert f'Ghi các quyết định đã ký của sổ "{small.name}"' in register and "tên có dấu" not in register
        assert [c.id for c in page.app.state.workspace.recent()] == [case]
        assert kept.read_bytes() == small.read_bytes()
        assert files_under(tmp_path / "rieng") == on_disk  # nothing of the upload stays
    assert "Không có lỗi. Có thể tạo 1 văn bản" in text(page.get(f"/so/{case}/kiem-tra").text)


def test_the_check_says_when_an_office_template_would_stop_the_build(tmp_path):
    """As tdkt check: a workbook without error is not ready while a template of the office's is broken."""
    mau = tmp_path / "mau"
    mau.mkdir()
    edited_template(mau, "quyet-dinh.docx", "{{ chu_ky.ho_ten }}", "{{ chu_ky.hoten }}")
    page = Page(tmp_path / "rieng", Settings((mau,)))
    case = case_of(page.open(SAMPLE_2024))
    shown = text(page.get(f"/so/{case}/kiem-tra").text)
    assert "Nhưng mẫu văn bản có lỗi: chưa tạo được văn bản nào cho đến khi các mẫu dưới đây được sửa" in shown
    assert f'Mẫu "{mau / "quyet-dinh.docx"}" có lỗi, chưa tạo văn bản nào.' in shown
    assert 'biến "chu_ky.hoten" không có; có phải là "chu_ky.ho_ten"?' in shown
    assert "Có thể tạo" not in shown
    shutil.copy(TEMPLATES / "quyet-dinh.docx", mau / "quyet-dinh.docx")  # mended as told, the workbook unchanged
    shown = text(page.get(f"/so/{case}/kiem-tra").text)
    assert "Có thể tạo" in shown and "mẫu văn bản có lỗi" not in shown


def test_the_build_says_whose_templates_made_the_documents(tmp_path, small):
    mau = tmp_path / "mau"
    mau.mkdir()
    shutil.copy(TEMPLATES / "quyet-dinh.docx", mau / "quyet-dinh.docx")
    page = Page(tmp_path / "rieng", Settings((mau,)))
    shown = text(page.build(case_of(page.open(small))).text)
    assert f"Dùng tệp riêng của cơ quan: {mau / 'quyet-dinh.docx'}" in shown and "mẫu có sẵn" not in shown


def test_build_summary_rebuild_and_hand_edits(page, small):
    case = case_of(page.open(small))
    first = page.build(case)
    assert [r[0] for r in rows(first.text, "tong-ket")] == ["2", "0", "0", "0", "0", "0"]
    assert "Văn bản được tạo từ các mẫu có sẵn của phần mềm" in text(first.text)  # no mau/ given to the server
    again = page.build(case)
    assert [r[0] for r in rows(again.text, "tong-ket")] == ["0", "2", "0", "0", "0", "0"]
    workspace = page.app.state.workspace.get(case)
    decision = next(p for p in workspace.entries() if p.endswith(".docx"))
    edit_by_hand(workspace.outdir / decision)
    kept = page.build(case)
    assert [r[0] for r in rows(kept.text, "tong-ket")] == ["0", "1", "1", "0", "0", "0"]
    assert f"Giữ nguyên: {decision}" in text(kept.text)


def test_build_names_the_files_it_removed_as_tdkt_build_does(page, make_workbook, decisions_content):
    """A decision renamed by a change in the workbook: the file of the last build is removed, and named."""
    case = case_of(page.open(make_workbook(decisions_content, "doi-don-vi.xlsx")))
    page.build(case)
    for nomination in decisions_content["nominations"]:
        nomination["unit"] = "Sở Tài chính"
    changed = make_workbook(decisions_content, "doi-don-vi.xlsx")
    page.open(changed)
    rebuilt = page.build(case)
    assert [r[0] for r in rows(rebuilt.text, "tong-ket")] == ["2", "0", "0", "0", "0", "1"]
    assert ("Đã xóa: quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx (tệp của lần tạo trước, không còn đúng với sổ "
            "số liệu)") in text(rebuilt.text)


def test_build_progress_reaches_one_hundred(page, small):
    case = case_of(page.open(small))
    assert page.get(f"/so/{case}/tao/tien-do").json() == {"percent": 0, "label": "", "finished": True,
                                                         "failed": False}
    done = page.build(case)
    assert page.get(f"/so/{case}/tao/tien-do").json() == {"percent": 100, "label": "Xong", "finished": True,
                                                          "failed": False}
    assert '<progress id="thanh" max="100" value="100">' in done.text


def test_a_build_that_ends_while_its_page_is_made_shows_one_state(page, small):
    """The page takes one look at the build (it ends in another thread): a build seen running shows its bar, and
    its script asks again (no summary yet); one seen finished shows the summary and no script runs."""
    from tdkt_docs.web.jobs import BuildJob

    case = case_of(page.open(small))
    done = page.build(case)
    assert "Tệp mới" in text(done.text)

    class EndingJob(BuildJob):
        """Running when first looked at, finished from then on."""

        looks = 0

        @property
        def finished(self):
            self.looks += 1
            return self.looks > 1

        @finished.setter
        def finished(self, value):
            pass

    workspace_case = page.app.state.workspace.get(case)
    workspace_case.job = EndingJob(stages=1, summary=workspace_case.job.summary)
    shown = page.get(f"/so/{case}/tao").text
    assert 'data-xong=""' in shown and 'id="tong-ket"' not in shown and 'id="tao"' not in shown


def test_build_of_a_broken_workbook_shows_its_errors_and_that_it_stopped(page, broken):
    case = case_of(page.open(broken))
    done = page.build(case)
    assert "Sổ số liệu có 1 lỗi, chưa tạo văn bản nào:" in text(done.text)
    assert rows(done.text)[0][:4] == ["Lỗi", "Phụ lục", "A2", "Quý"]
    assert page.get(f"/so/{case}/tao/tien-do").json() == {"percent": 0, "label": "Đã dừng: có lỗi",
                                                          "finished": True, "failed": True}
    assert '<progress id="thanh" max="100" value="0">' in done.text
    assert "0% Đã dừng: có lỗi" in text(done.text) and "Xong" not in text(done.text)


def test_results_by_batch_downloads_and_zip(page, small):
    case = case_of(page.open(small))
    page.build(case)
    outdir = page.app.state.workspace.get(case).outdir
    results = page.get(f"/so/{case}/ket-qua")
    assert "Đợt Quý III/2024" in text(results.text)
    files = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file()
                   and p.name != "manifest.json" and not p.name.startswith("."))  # the build's lock
    assert files == ["quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx", "quy-iii-2024/tong-hop-quy-iii-2024.xlsx"]
    for path in files:
        download = page.get(f"/so/{case}/tep/{path}")
        assert download.content == (outdir / path).read_bytes()
        assert download.headers["content-disposition"].startswith("attachment")
    archive = zipfile.ZipFile(io.BytesIO(page.get(f"/so/{case}/zip?dot=quy-iii-2024").content))
    assert sorted(archive.namelist()) == files
    assert all(archive.read(path) == (outdir / path).read_bytes() for path in files)


TRAVERSALS = ["..%2Fdot-quy-iii.xlsx", "..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "manifest.json",
              "quy-iii-2024%2F..%2F..%2Fdot-quy-iii.xlsx", "quy-iii-2024/khong-co.docx"]


def test_downloads_only_what_the_build_made(page, small):
    case = case_of(page.open(small))
    page.build(case)
    for path in TRAVERSALS:
        response = page.get(f"/so/{case}/tep/{path}")
        assert response.status_code == 404, path
        assert "Không có tệp này trong kết quả của sổ đang mở." in text(response.text)


def test_unknown_workbook_batch_and_preview_are_not_found(page, small):
    case = case_of(page.open(small))
    page.build(case)
    assert page.get("/so/0123456789abcdef/ket-qua").status_code == 404
    assert page.get(f"/so/{case}/zip?dot=..").status_code == 404
    assert page.get(f"/so/{case}/ket-qua?xem=../../etc/passwd").status_code == 404
    assert "Không có trang này." in text(page.get("/khong-co").text)


def test_forms_need_the_csrf_token_and_this_origin(page, small):
    posts = [r.path.replace("{case}", "x") for r in page.app.routes if "POST" in getattr(r, "methods", ())]
    assert sorted(posts) == ["/mo", "/so/x/ghi-so", "/so/x/in-bang", "/so/x/nhap", "/so/x/tao", "/the-thuc"]
    for url in posts:
        forged = page.client.post(url, data={"csrf": "doan-bua"}, headers={"origin": ORIGIN})
        assert forged.status_code in (400, 404)
        assert "Biểu mẫu đã hết hạn" in text(forged.text) or "Không tìm thấy sổ" in text(forged.text)
    cross = page.post("/mo", files={"so": ("a.xlsx", small.read_bytes())}, headers={"origin": "http://evil.example"})
    assert cross.status_code == 403 and "Từ chối yêu cầu gửi từ trang web khác." in cross.text
    null = page.client.post("/mo", data={"csrf": page.csrf}, headers={"sec-fetch-site": "cross-site"})
    assert null.status_code == 403
    assert page.app.state.workspace.recent() == []


def test_only_local_host_names_are_served(page):
    assert page.get("/", headers={"host": "attacker.example:8765"}).status_code == 403
    assert page.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_network_mode_needs_the_access_token(tmp_path):
    served = Page(tmp_path / "rieng", token="ma-bi-mat")
    refused = served.get("/", headers={"host": "192.0.2.1:8765"})
    assert refused.status_code == 403 and "Cần mã truy cập" in refused.text
    assert served.get("/?token=sai").status_code == 403
    entered = served.client.get("/?token=ma-bi-mat", follow_redirects=False)
    assert entered.status_code == 303 and entered.headers["location"] == f"{ORIGIN}/"
    assert "httponly" in entered.headers["set-cookie"].lower()
    assert served.get("/").status_code == 200  # the cookie carries it from now on
    served.client.cookies.clear()
    assert served.get("/mo").status_code == 403


def test_upload_size_limit(tmp_path):
    limited = Page(tmp_path / "rieng", policy=Policy(csrf="c", max_upload=1000))
    declared = limited.post("/mo", files={"so": ("so.xlsx", b"x" * 2000)})
    assert declared.status_code == 413 and "Tệp gửi lên quá lớn (tối đa 0 MB)" in declared.text

    def chunks():
        yield b"x" * 800
        yield b"x" * 800
    streamed = limited.client.post("/mo", content=chunks(), headers={
        "origin": ORIGIN, "content-type": "multipart/form-data; boundary=b"})
    assert streamed.status_code == 400 and "Tệp gửi lên quá lớn" in text(streamed.text)
    assert limited.get("/").status_code == 200


def test_format_check_shows_the_checker_findings(page, tmp_path):
    doc = decision_document()
    retext(find(doc, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    expected = check(doc, tmp_path)
    assert expected
    sent = save(doc, tmp_path, "quyet-dinh-sai.docx")
    response = page.post("/the-thuc", files={"van_ban": (sent.name, sent.read_bytes())})
    assert [r[0] for r in rows(response.text)] == [f.severity.label for f in expected]
    assert [r[4] for r in rows(response.text)] == [f.code for f in expected]
    assert not list((tmp_path / "rieng" / "tam").iterdir())  # the upload is gone
    clean = save(decision_document(), tmp_path, "dung.docx")
    ok = page.post("/the-thuc", files={"van_ban": (clean.name, clean.read_bytes())})
    assert "Đúng thể thức, không có lỗi." in text(ok.text)
    wrong = page.post("/the-thuc", files={"van_ban": ("bang.xlsx", b"PK")})
    assert '"bang.xlsx" không phải văn bản Word' in text(wrong.text)


def test_format_check_of_a_damaged_document_names_the_file_chosen_above_the_form(page, tmp_path):
    """As tdkt check says it of the same file: its own name (not the name of a scratch copy), and the form stays."""
    old = tmp_path / "Tờ trình số 12 (bản cũ).doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 200)  # Word 97-2003
    refused = page.post("/the-thuc", files={"van_ban": (old.name, old.read_bytes())})
    assert refused.status_code == 400
    message = text(re.search(r'id="thong-bao">(.*?)</p>', refused.text, flags=re.S).group(1))
    assert message in run_tdkt("check", old).stderr
    assert message.startswith('Tệp "Tờ trình số 12 (bản cũ).doc" không phải tệp Word .docx đọc được')
    assert 'id="kiem-tra-the-thuc"' in refused.text
    assert not list((tmp_path / "rieng" / "tam").iterdir())  # the upload is gone


def test_cli_web_help_and_busy_port():
    help_text = run_tdkt("web", "--help").stdout
    assert "--no-browser" in help_text and "mã truy cập" in help_text
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = run_tdkt("web", "--port", port, "--no-browser")
    assert done.returncode == 1
    assert f"Cổng {port} đang được chương trình khác dùng" in done.stderr


class Probe:
    """A UDP socket whose "connected" address is ``found`` (None: no route, no network)."""

    def __init__(self, found):
        self.found = found

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def connect(self, address):
        if self.found is None:
            raise OSError(101, "Network is unreachable")

    def getsockname(self):
        return self.found, 50000


@pytest.mark.parametrize("found, expected", [("192.168.1.23", "192.168.1.23"), ("127.0.0.1", "may-van-thu"),
                                             ("0.0.0.0", "may-van-thu"), (None, "may-van-thu")])
def test_the_network_address_is_the_one_outside_traffic_leaves_from_else_the_machine_name(monkeypatch, found,
                                                                                          expected):
    from tdkt_docs.web.serve import network_host

    monkeypatch.setattr(socket, "socket", lambda *args: Probe(found))
    monkeypatch.setattr(socket, "gethostname", lambda: "may-van-thu")
    assert network_host() == expected


@pytest.mark.parametrize("host, network", [("127.0.0.1", False), ("0.0.0.0", True), ("::", True)])
def test_a_page_on_every_address_gives_a_link_for_this_machine_and_one_for_the_network(host, network):
    from tdkt_docs.web.serve import addresses, listen, network_host

    with listen(host, 0) as sock:
        port = sock.getsockname()[1]
        assert addresses(sock) == (f"http://127.0.0.1:{port}/",
                                   f"http://{network_host()}:{port}/" if network else None)
        if network:  # the 127.0.0.1 link reaches a page on :: too
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_cli_web_on_every_address_prints_both_links(monkeypatch):
    import tdkt_docs.web.serve as serve

    monkeypatch.setattr(serve, "network_host", lambda: "192.168.1.23")
    monkeypatch.setattr(serve, "server", lambda app: type("Stopped", (), {"run": lambda self, sockets: None})())
    done = run_tdkt("web", "--host", "0.0.0.0", "--port", "0", "--no-browser")
    assert done.returncode == 0, done.stderr
    here, network = done.stdout.splitlines()[:2]
    assert re.fullmatch(r"Trang web trên máy này: http://127\.0\.0\.1:\d+/\?token=[\w-]+", here)
    assert network == here.replace("Trang web trên máy này: http://127.0.0.1",
                                   "Cho các máy khác trong mạng: http://192.168.1.23")


def test_reopening_the_same_name_keeps_the_output_folder(page, small):
    first = case_of(page.open(small))
    page.build(first)
    assert case_of(page.open(small)) == first
    assert re.search(r"Không đổi</th><td[^>]*>2<", page.build(first).text)


def test_the_workbook_picked_from_the_list_is_the_one_the_other_steps_act_on(page, small, broken):
    """Two workbooks opened, the first picked again from the list: Sổ theo dõi records that one, and the steps
    lead to its pages, not to those of the workbook opened last."""
    first, last = case_of(page.open(small)), case_of(page.open(broken))
    assert f'href="{ORIGIN}/so/{first}/kiem-tra">Kiểm tra' in page.get("/mo").text
    page.get(f"/so/{first}/kiem-tra")
    register = page.get("/so-theo-doi").text
    assert 'Sổ đang mở: <strong>dot-quy-iii.xlsx</strong>' in register
    assert f'action="{ORIGIN}/so/{first}/ghi-so"' in register
    assert f'href="{ORIGIN}/so/{first}/ket-qua" id="buoc-ket_qua"' in register
    page.get(f"/so/{last}/tao")
    assert 'Sổ đang mở: <strong>so-hong.xlsx</strong>' in page.get("/the-thuc").text


def test_an_unexpected_failure_is_a_page_without_traceback(page):
    from starlette.routing import Route

    def failing(request):
        raise ZeroDivisionError("boom")
    page.app.router.routes.append(Route("/hong", failing))
    response = page.get("/hong")
    assert response.status_code == 500
    assert "Lỗi không mong đợi trong chương trình." in text(response.text)
    assert "Traceback" not in response.text and "boom" not in response.text
    assert page.get("/").status_code == 200


def test_units_submission_workbook_is_the_one_tdkt_init_don_vi_writes(page, tmp_path):
    response = page.get("/so-mau?cap=so&don-vi=1")
    assert response.headers["content-disposition"] == 'attachment; filename="de-nghi-don-vi-so.xlsx"'
    assert run_tdkt("init", "--don-vi", "--cap", "so", tmp_path / "cli.xlsx").returncode == 0
    from_web = openpyxl.load_workbook(io.BytesIO(response.content))
    assert values(from_web) == values(openpyxl.load_workbook(tmp_path / "cli.xlsx"))
    assert UNIT_INFO.title in from_web.sheetnames and "Cơ quan" not in from_web.sheetnames
    assert 'id="tai-so-don-vi"' in page.get("/").text


def test_import_reports_each_file_and_writes_what_tdkt_nhap_writes(page, small, tmp_path):
    source = unit_list(tmp_path / "huyen.xlsx")
    case = case_of(page.open(small))
    done = page.post(f"/so/{case}/nhap", data=STATEMENT, files=[
        ("tep", (source.name, source.read_bytes())), ("tep", ("cu.doc", b"\xd0\xcf\x11\xe0"))])
    assert done.status_code == 200
    report = text(done.text)
    assert ('Tệp "huyen.xlsx" — danh sách Excel, trang "DS": UBND huyện Tiên Du, Tờ trình số 45/TTr-UBND ngày '
            '05/3/2024 Đã nhận 2 dòng vào đợt "Quý III/2024" (dòng 4–5 của trang "Đề nghị khen thưởng").') in report
    attention = rows(done.text, "can-xem-1")
    assert [r[:3] for r in attention] == [['trang "DS", ô B3', "5", "Hoàng Văn Em"]]
    assert 'thiếu Ông/Bà cho cá nhân "Hoàng Văn Em"' in attention[0][3] and '(trang "DS", ô C3)' in attention[0][3]
    assert rows(done.text, "khong-nhan-1") == [['trang "DS", ô B4', "—", "thiếu họ tên / tên tập thể"]]
    assert ('Tệp "cu.doc" Không nhập tệp này: "cu.doc" là văn bản Word cũ (.doc). Hãy mở bằng Word và lưu lại '
            "dạng .docx.") in report
    assert 'Đã ghi 2 dòng mới vào sổ "dot-quy-iii.xlsx"' in report
    assert not list((tmp_path / "rieng" / "tam").iterdir())  # the uploads are gone
    by_cli = shutil.copy(small, tmp_path / "cli.xlsx")
    assert run_tdkt("nhap", by_cli, source, "--don-vi", STATEMENT["don_vi"], "--to-trinh", STATEMENT["so_to_trinh"],
                    "--ngay", STATEMENT["ngay"]).returncode == 1  # a row refused
    downloaded = tmp_path / "tai-ve.xlsx"
    downloaded.write_bytes(page.get(f"/so/{case}/so-lieu").content)
    assert load(downloaded).all("nominations") == load(by_cli).all("nominations")
    assert [n.name for n in load(downloaded).all("nominations")][2:] == ["Lê Văn Cường", "Hoàng Văn Em"]
    checked = rows(page.get(f"/so/{case}/kiem-tra").text)  # the check reads the new rows
    assert any(r[1:3] == ["Đề nghị khen thưởng", "G5"] for r in checked), checked


def test_import_refuses_a_bad_date_and_no_file_leaving_the_workbook(page, small, tmp_path):
    source = unit_list(tmp_path / "huyen.xlsx")
    case = case_of(page.open(small))
    before = page.get(f"/so/{case}/so-lieu").content
    bad = page.post(f"/so/{case}/nhap", data={**STATEMENT, "ngay": "31/02/2024"},
                    files=[("tep", (source.name, source.read_bytes()))])
    assert bad.status_code == 400 and "Ngày tờ trình:" in text(bad.text)
    none = page.post(f"/so/{case}/nhap", data=STATEMENT, files=[("tep", ("", b""))])
    assert none.status_code == 400 and "Chưa chọn tệp nào" in text(none.text)
    assert page.get(f"/so/{case}/so-lieu").content == before
    assert 'danh sách Excel bất kỳ có cột "Họ và tên"' in text(page.get(f"/so/{case}/nhap").text)


def test_import_messages_name_the_fields_of_the_form_not_the_options_of_tdkt_nhap(page, make_workbook,
                                                                                  decisions_content, tmp_path):
    """What to give is said as the form's fields; a refusal stays above the form, the fields as typed."""
    from support.workbooks import batch

    decisions_content["batches"].append(batch(name="Cuối năm 2024", quarter="Quý IV"))
    case = case_of(page.open(make_workbook(decisions_content, "hai-dot.xlsx")))
    source = unit_list(tmp_path / "huyen.xlsx")
    sent = [("tep", (source.name, source.read_bytes()))]
    no_batch = page.post(f"/so/{case}/nhap", data={"don_vi": "UBND huyện Tiên Du"}, files=sent)
    assert no_batch.status_code == 400
    assert text(re.search(r'id="thong-bao">(.*?)</p>', no_batch.text, flags=re.S).group(1)) == (
        'Chưa biết đợt khen thưởng để nhập vào. Hãy ghi tên đợt vào ô "Đợt khen thưởng", ví dụ "Quý I/2024". Các đợt '
        'trong sổ: "Quý III/2024", "Cuối năm 2024".')
    assert 'id="don-vi" value="UBND huyện Tiên Du"' in no_batch.text and 'id="nhap"' in no_batch.text
    no_statement = page.post(f"/so/{case}/nhap", data={"dot": "Quý III/2024"}, files=sent)
    assert text(no_statement.text).count(
        'rồi bấm "Nhập vào sổ" lại.') == 1 and "--" not in text(no_statement.text).split("Kết quả nhập")[1]
    assert ('Hãy điền ô "Đơn vị trình", ô "Số tờ trình", ô "Ngày tờ trình" rồi bấm "Nhập vào sổ" lại.'
            in text(no_statement.text))


@pytest.fixture
def register_page(tmp_path) -> Page:
    return Page(tmp_path / "rieng", Settings(register_url=register_url(str(tmp_path / "so.sqlite"))))


@pytest.fixture
def signed(make_workbook, decisions_content):
    """The small batch with its decision signed as number 5 on 24/9/2024 (sheet "Quyết định đã ký")."""
    decisions_content["signed"] = [{"batch": "Quý III/2024", "document": "1", "number": "5",
                                    "signed": dt.date(2024, 9, 24)}]
    return make_workbook(decisions_content, "dot-quy-iii.xlsx")


def test_register_records_the_signed_decisions_then_finds_a_person(register_page, signed, make_workbook, tmp_path):
    page = register_page
    assert "Chưa có sổ theo dõi khen thưởng" in text(page.get("/so-theo-doi?ten=Trần Thị Ánh").text)
    case = case_of(page.open(signed))
    recorded = text(page.post(f"/so/{case}/ghi-so").text)
    assert (f"Sổ theo dõi: {tmp_path / 'so.sqlite'} Đã ghi: Quyết định số 05/QĐ-UBND ngày 24/9/2024: Bằng khen của "
            "Chủ tịch Ủy ban nhân dân tỉnh, 2 người/tập thể/hộ.") in recorded
    again = text(page.post(f"/so/{case}/ghi-so").text)
    assert "Đã có, không đổi: Quyết định số 05/QĐ-UBND ngày 24/9/2024" in again and "Đã ghi" not in again
    found = page.get("/so-theo-doi?ten=tran thi anh")
    cli = run_tdkt("tra-cuu", "tran thi anh", "--so-theo-doi", tmp_path / "so.sqlite").stdout.splitlines()
    assert f"{cli[0][:-1]}" in text(found.text)  # "Trần Thị Ánh (cá nhân, Sở Y tế)"
    assert rows(found.text, "lich-su-1") == [[
        "24/9/2024", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Số 05/QĐ-UBND ngày 24/9/2024",
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", KHAM, ""]]
    assert "Không tìm thấy khen thưởng nào của" in text(page.get("/so-theo-doi?ten=Không Có Ai").text)
    unsigned = case_of(page.open(make_workbook(decisions(), "chua-ky.xlsx")))
    refused = page.post(f"/so/{unsigned}/ghi-so")
    assert refused.status_code == 400 and "chưa có quyết định nào ghi số và ngày ký" in text(refused.text)


def test_register_needs_the_servers_register(page):
    response = page.get("/so-theo-doi?ten=An")
    assert response.status_code == 400
    assert "Trang web chưa được chỉ sổ theo dõi khen thưởng" in text(response.text)


def test_certificates_print_as_tdkt_in_bang_and_download(page, small, tmp_path):
    case = case_of(page.open(small))
    printed = page.post(f"/so/{case}/in-bang")
    [[name, pages, _]] = rows(printed.text, "da-in")
    assert run_tdkt("in-bang", small, "-o", tmp_path / "cli").returncode == 0
    assert [p.relative_to(tmp_path / "cli").as_posix() for p in (tmp_path / "cli").rglob("*.pdf")] == [name]
    assert pages == "2"
    pdf = page.get(f"/so/{case}/in-bang/{name}")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf_texts(pdf.content) == pdf_texts((tmp_path / "cli" / name).read_bytes())
    assert "Bà Trần Thị Ánh" in pdf_texts(pdf.content)[1]
    archive = zipfile.ZipFile(io.BytesIO(page.get(f"/so/{case}/in-bang.zip").content))
    assert archive.namelist() == [name] and archive.read(name) == pdf.content
    page.get(f"/so/{case}/kiem-tra")
    again = page.get(f"/so/{case}/in-bang").text  # back on the page: the last print is still there to download
    assert rows(again, "da-in") == [[name, "2", "Tải về"]] and "Lần in gần nhất" in text(again)
    assert page.get(f"/so/{case}/in-bang/..%2F..%2Fdot-quy-iii.xlsx").status_code == 404


def test_certificates_on_a_chosen_layout_as_tdkt_in_bang_phoi(page, small, tmp_path):
    case = case_of(page.open(small))
    offered = page.get(f"/so/{case}/in-bang").text
    assert re.findall(r'<option value="([^"]*)"', offered) == ["", "bang-khen-tinh", "giay-khen"]
    printed = page.post(f"/so/{case}/in-bang", data={"phoi": "giay-khen"})
    [[name, _, _]] = rows(printed.text, "da-in")
    assert '<option value="giay-khen" selected>' in printed.text
    assert run_tdkt("in-bang", small, "-o", tmp_path / "cli", "--phoi", "giay-khen").returncode == 0
    web, cli = page.get(f"/so/{case}/in-bang/{name}").content, (tmp_path / "cli" / name).read_bytes()
    assert pdf_texts(web) == pdf_texts(cli)
    page.post(f"/so/{case}/in-bang")  # by the form's own layout, a Bằng khen's
    assert sheet_size(web) != sheet_size(page.get(f"/so/{case}/in-bang/{name}").content)
    refused = page.post(f"/so/{case}/in-bang", data={"phoi": "khong-co"})
    assert refused.status_code == 400 and 'Không có bố cục phôi "khong-co"' in text(refused.text)


def test_certificates_of_unnumbered_decisions_say_to_tick_the_draft_box_on_the_page(page, make_workbook,
                                                                                   decisions_content):
    """Nothing to print: the message stays on the page, above its form, and names the form's draft box, not the
    CLI's --nhap; ticked, the draft is printed and the box stays ticked."""
    decisions_content["batches"][0]["first_number"] = None
    case = case_of(page.open(make_workbook(decisions_content, "chua-so.xlsx")))
    refused = page.post(f"/so/{case}/in-bang")
    assert refused.status_code == 400
    message = text(re.search(r'id="thong-bao">(.*?)</p>', refused.text, flags=re.S).group(1))
    assert message.startswith("Không có quyết định nào để in bằng, giấy khen: Bỏ qua quyết định")
    assert message.endswith('Muốn in bản nháp: đánh dấu ô "In cả quyết định chưa có số thành bản nháp" rồi bấm '
                            '"In bằng khen, giấy khen".')
    assert "--nhap" not in refused.text and 'id="in-bang"' in refused.text
    drafted = page.post(f"/so/{case}/in-bang", data={"nhap": "1"})
    assert [row[:2] for row in rows(drafted.text, "da-in")] == [
        ["quy-iii-2024/qd-01-bang-khen-tinh-so-y-te-nhap.pdf", "2"]]
    assert 'id="ban-nhap" checked' in drafted.text


def sheet_size(data: bytes) -> tuple[float, float]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf.pages[0].width, pdf.pages[0].height


def pdf_texts(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [p.extract_text() for p in pdf.pages]


def change_achievement(path, row: int, value: str) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Đề nghị khen thưởng"]
    column = next(c.column for c in sheet[1] if str(c.value).startswith("Thành tích"))
    sheet.cell(row, column).value = value
    book.save(path)


def test_conflict_buttons_overwrite_or_keep_the_hand_edit(page, small):
    case = case_of(page.open(small))
    page.build(case)
    outdir = page.app.state.workspace.get(case).outdir
    decision = outdir / "quy-iii-2024" / "qd-05-bang-khen-tinh-so-y-te.docx"
    edit_by_hand(decision)
    change_achievement(small, 3, "Đã có thành tích xuất sắc trong phòng, chống dịch bệnh.")
    page.open(small)
    held = page.build(case)
    assert [r[0] for r in rows(held.text, "tong-ket")] == ["0", "0", "0", "1", "0", "0"]
    assert rows(held.text, "cac-xung-dot") == [["quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx",
                                               'trang "Đợt khen thưởng" dòng 2; trang "Đề nghị khen thưởng" dòng 2, 3']]
    assert 'id="ghi-de"' in held.text and 'id="giu-ban-sua"' in held.text
    kept = page.build(case, giu_ban_sua=True)
    assert [r[0] for r in rows(kept.text, "tong-ket")] == ["0", "0", "1", "0", "0", "0"]  # no summary: it won't match
    assert "Giữ bản sửa tay: quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx" in text(kept.text)
    assert "Sửa tay" in [p.text for p in docx.Document(decision).paragraphs]
    overwritten = page.build(case, force=True)
    # the decision is written; the batch's summary comes out the same
    assert [r[0] for r in rows(overwritten.text, "tong-ket")][:4] == ["1", "1", "0", "0"]
    paragraphs = " ".join(p.text for p in docx.Document(decision).paragraphs)
    assert "Sửa tay" not in paragraphs and 'id="xung-dot"' not in overwritten.text
    both = page.post(f"/so/{case}/tao", data={"force": "1", "giu_ban_sua": "1"})
    assert both.status_code == 400 and "Chỉ chọn một trong hai" in text(both.text)

