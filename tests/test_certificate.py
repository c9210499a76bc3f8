"""tdkt in-bang: certificates on pre-printed blanks, read back from the PDFs (text, boxes, fonts, sizes, offset)."""
import datetime as dt
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from helpers import SAMPLE_2024, TEMPLATES, run_tdkt
from support.certificate_pdf import MM, assert_in_box, assert_style, pdf_facts, read_fields
from tdkt_docs.certificate import run
from tdkt_docs.certificate.draw import UnprintableCertificates, certificates_pdf
from tdkt_docs.certificate.fonts import font_name
from tdkt_docs.certificate.layout import load_layout
from tdkt_docs.certificate.model import CertificateEntry, SignedDecision
from tdkt_docs.certificate.sources import Decided, from_workbook
from tdkt_docs.errors import UserError
from tdkt_docs.export.fonts import check_pdf_fonts
from tdkt_docs.problems import Location, Severity
from tdkt_docs.settings import Settings

SIGNED_1205 = "quy-iii-2024/qd-1205-bang-khen-tinh-cong-an-tinh"
GIAO_THONG = "Đã có thành tích xuất sắc trong đảm bảo trật tự an toàn giao thông"


@pytest.fixture(scope="module")
def decided(settings) -> Decided:
    """The 2024 sample read once for the module: Quý III is numbered (1205-1207), the other batches are not."""
    return from_workbook(SAMPLE_2024, settings)


def print_book(decided: Decided, tmp_path: Path, outdir: str = "in", **options) -> run.Printed:
    """Print as if the workbook were in ``tmp_path`` (its mau/ folder is ``tmp_path / "mau"``)."""
    return run.print_signed(decided, run.Options(outdir=tmp_path / outdir, **options),
                            Settings.for_workbook(tmp_path / "so-lieu.xlsx"))


def common(number: str, date: str, titles: str = "CHỦ TỊCH", signer: str = "Vương Quốc Tuấn") -> dict:
    return {
        "tham_quyen": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "tang": "TẶNG", "hinh_thuc": "BẰNG KHEN",
        "so_quyet_dinh": f"Quyết định số {number}, {date}", "dia_danh_ngay": f"Bắc Ninh, {date}",
        "chuc_danh_ky": titles, "nguoi_ky": signer,
    }


SIGNED = common("1205/QĐ-UBND", "ngày 24 tháng 9 năm 2024")
EXPECTED_1205 = [
    {**SIGNED, "nguoi_nhan": "Ông Nguyễn Văn An", "thanh_tich": GIAO_THONG, "so_so": "Số sổ vàng: 1",
     "chuc_vu_don_vi": "Đội trưởng Đội Tuần tra, kiểm soát, Phòng Cảnh sát giao thông, Công an tỉnh"},
    {**SIGNED, "nguoi_nhan": "Ông Đặng Văn Dũng", "thanh_tich": GIAO_THONG, "so_so": "Số sổ vàng: 2",
     "chuc_vu_don_vi": "Cán bộ Đội Tuần tra, kiểm soát, Phòng Cảnh sát giao thông, Công an tỉnh"},
    {**SIGNED, "nguoi_nhan": "Bà Dương Thị Mai", "thanh_tich": GIAO_THONG, "so_so": "Số sổ vàng: 3",
     "chuc_vu_don_vi": "Cán bộ Phòng Tham mưu, Công an tỉnh"},
]


def layout_warnings(printed: run.Printed, decided: Decided) -> tuple[list, list]:
    """The printed warnings split into the workbook's (first) and the layouts'."""
    count = len(decided.warnings)
    return printed.warnings[:count], printed.warnings[count:]


def assert_pages(path: Path, layout, expected: list[dict]) -> None:
    pages = read_fields(path, layout)
    assert [{k: f.text for k, f in page.items()} for page in pages] == expected
    boxes = {b.key: b for b in layout.boxes}
    for page in pages:
        for key, field in page.items():
            assert_in_box(field, boxes[key])
            assert_style(field, boxes[key])


def test_one_page_per_listed_recipient_with_every_field_in_its_box(decided, settings, tmp_path):
    printed = print_book(decided, tmp_path)
    assert printed.written == [(tmp_path / "in" / f"{SIGNED_1205}.pdf", 3),
                               (tmp_path / "in" / "quy-iii-2024" / "qd-1206-bang-khen-tinh-so-y-te.pdf", 2)]
    assert any('"qd-01-bang-khen-tinh.docx" của đợt "Cuối năm 2024": chưa có số và ngày ký' in note
               and "--nhap" in note for note in printed.notes)
    assert any('"qd-1207-co-thi-dua-tinh-cong-an-tinh.docx" của đợt "Quý III/2024": chưa có bố cục phôi '
               '"phoi/co-thi-dua-tinh.toml"' in note for note in printed.notes)
    book, layout = layout_warnings(printed, decided)
    assert book == decided.warnings  # the workbook's own warnings are passed on
    assert [(w.severity, w.code) for w in layout] == [
        (Severity.WARNING, "phoi.chua_doi_chieu"), (Severity.WARNING, "phoi.mac_dinh")]
    assert str(layout[0]).startswith(
        "Cảnh báo: Chưa đối chiếu với văn bản chính thức: khổ phôi Bằng khen tỉnh 420 × 297 mm; nguồn: ")
    assert f'bố cục phôi mặc định "{TEMPLATES / "phoi" / "bang-khen-tinh.toml"}"' in layout[1].message
    path = printed.written[0][0]
    assert_pages(path, load_layout("bang-khen-tinh", settings), EXPECTED_1205)
    facts = pdf_facts(path)
    assert facts["sizes"] == [(420.0, 297.0)] * 3
    assert facts["print_scaling"] == "/None"
    assert facts["fonts"] and all(facts["fonts"].values())
    assert check_pdf_fonts(path) == []


def test_draft_prints_unsigned_decisions_with_the_gaps_marked(decided, settings, tmp_path):
    printed = print_book(decided, tmp_path, draft=True)
    assert len(printed.written) == 6  # every Bằng khen; Cờ thi đua and the danh hiệu have no built-in layout
    draft = tmp_path / "in" / "quy-ii-2024" / "qd-01-bang-khen-tinh-so-lao-dong-thuong-binh-va-xa-hoi-nhap.pdf"
    assert (draft, 3) in printed.written and (tmp_path / "in" / f"{SIGNED_1205}.pdf", 3) in printed.written
    listed = {d.stem: len(d.entries) for d in decided.decisions}
    for path, _ in printed.written:  # one page per entry of the Danh sách
        stem = path.relative_to(tmp_path / "in").with_suffix("").as_posix().removesuffix("-nhap")
        assert len(PdfReader(path).pages) == listed[stem]
    gaps = common("[chưa có số]", "[chưa có ngày]", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Vương Quốc Tuấn")
    unit = "Sở Lao động, Thương binh và Xã hội"
    achievement = "Đã có thành tích xuất sắc trong công tác đền ơn đáp nghĩa năm 2024"
    assert_pages(draft, load_layout("bang-khen-tinh", settings), [
        {**gaps, "nguoi_nhan": "Phòng Người có công", "chuc_vu_don_vi": unit, "thanh_tich": achievement,
         "so_so": "Số sổ vàng: 1"},
        {**gaps, "nguoi_nhan": "Bà Phạm Thị Lan", "chuc_vu_don_vi": f"Chuyên viên Phòng Người có công, {unit}",
         "thanh_tich": achievement, "so_so": "Số sổ vàng: 2"},
        {**gaps, "nguoi_nhan": "Ông Ngô Quang Huy", "thanh_tich": achievement, "so_so": "Số sổ vàng: 3",
         "chuc_vu_don_vi": f"Giám đốc Trung tâm Điều dưỡng người có công, {unit}"},
    ])


def decision(*entries: CertificateEntry, number: str = "125/QĐ-UBND") -> SignedDecision:
    return SignedDecision(
        source="thử", document="qd-125.docx", stem="thu", form_key="giay-khen", award_verb="TẶNG", award_title="GIẤY KHEN",
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TIÊN DU", number=number, date=dt.date(2024, 3, 25),
        place="Tiên Du", signer_titles=("CHỦ TỊCH",), signer="Nguyễn Văn Bình", entries=entries)


ACHIEVEMENT_200 = ("Đã có thành tích xuất sắc trong thực hiện nhiệm vụ chính trị, bảo đảm an ninh trật tự, "
                   "xây dựng nông thôn mới nâng cao và chuyển đổi số ở cơ sở năm 2024, góp phần vào sự phát triển "
                   "chung của toàn tỉnh")
UNIT_60 = "Trường Trung học phổ thông Ngô Quyền, Sở Giáo dục và Đào tạo"


@pytest.mark.parametrize("key", ["giay-khen", "bang-khen-tinh"])
def test_long_texts_wrap_then_shrink_within_their_boxes(key, settings, tmp_path):
    assert (len(ACHIEVEMENT_200), len(UNIT_60)) == (200, 60)
    name = unicodedata.normalize("NFD", "Bà Nguyễn Thị Ngọc Ánh")  # decomposed input is printed precomposed
    entry = CertificateEntry(name, f"Phó Hiệu trưởng {UNIT_60}", ACHIEVEMENT_200, 7)
    layout = load_layout(key, settings)
    path = tmp_path / "dai.pdf"
    path.write_bytes(certificates_pdf(decision(entry), layout))
    (page,) = read_fields(path, layout)
    assert page["nguoi_nhan"].text == "Bà Nguyễn Thị Ngọc Ánh"
    assert page["chuc_vu_don_vi"].text == f"Phó Hiệu trưởng {UNIT_60}"
    assert page["thanh_tich"].text == ACHIEVEMENT_200
    assert len(page["thanh_tich"].lines) > 1
    boxes = {b.key: b for b in layout.boxes}
    for key_, field in page.items():
        assert_in_box(field, boxes[key_])
        assert boxes[key_].min_size - 0.01 <= field.size <= boxes[key_].size + 0.01


def test_text_too_long_even_at_the_minimum_size_is_refused_naming_every_recipient(settings):
    entries = [CertificateEntry("Ông Nguyễn Văn An", "Chuyên viên", ACHIEVEMENT_200 * 6, 1),
               CertificateEntry("Bà Lê Thị Hoa", "Chuyên viên", "Đã có thành tích", 2),
               CertificateEntry("Bà Trần Thị Mai", "Chuyên viên " * 40, "Đã có thành tích", 3)]
    with pytest.raises(UnprintableCertificates) as refused:
        certificates_pdf(decision(*entries), load_layout("giay-khen", settings))
    problems = refused.value.problems
    assert [(p.severity, p.code, p.location) for p in problems] == [
        (Severity.ERROR, "phoi.khong_vua",
         Location(document="qd-125.docx",
                  paragraph='số thứ tự 1 ("Ông Nguyễn Văn An"), ô "thanh_tich" của tệp bố cục phôi')),
        (Severity.ERROR, "phoi.khong_vua",
         Location(document="qd-125.docx",
                  paragraph='số thứ tự 3 ("Bà Trần Thị Mai"), ô "chuc_vu_don_vi" của tệp bố cục phôi')),
    ]
    assert f"({len(ACHIEVEMENT_200 * 6)} ký tự) không vừa ô 237 × 28 mm của phôi, kể cả khi thu nhỏ đến cỡ chữ 11. " \
           "Hãy rút gọn nội dung trong sổ" in problems[0].message
    assert len(problems[0].message) < 600  # the text is quoted by its start and end, not whole
    assert str(refused.value).startswith("Chưa in được bằng khen, giấy khen (2 lỗi), chưa ghi tệp nào:\n"
                                         '  Lỗi: văn bản "qd-125.docx", số thứ tự 1 ("Ông Nguyễn Văn An"), '
                                         'ô "thanh_tich" của tệp bố cục phôi: nội dung "Đã có')


def write_offset(folder: Path, x: float, y: float, scale: float) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "may-in.toml").write_text(f"x_mm = {x}\ny_mm = {y}\nscale = {scale}\n", encoding="utf-8")


def char_positions(path: Path) -> list[tuple[str, float, float, float]]:
    with pdfplumber.open(path) as pdf:
        return [(c["text"], c["x0"] / MM, c["top"] / MM, c["size"]) for p in pdf.pages for c in p.chars]


@pytest.mark.parametrize("x, y, scale", [(3.5, -2.0, 1.0), (-1.25, 4.0, 0.96)])
def test_printer_offset_moves_every_field_by_exactly_that_offset(decided, tmp_path, x, y, scale):
    plain = print_book(decided, tmp_path, "thuong").written[0][0]
    write_offset(tmp_path / "mau", x, y, scale)
    moved = print_book(decided, tmp_path, "lech").written[0][0]
    before, after = char_positions(plain), char_positions(moved)
    assert [c[0] for c in before] == [c[0] for c in after] and len(before) > 100
    for (_, x0, top, size), (_, x1, top1, size1) in zip(before, after):
        assert x1 == pytest.approx(x0 * scale + x, abs=0.01)
        assert top1 == pytest.approx(top * scale + y, abs=0.01)
        assert size1 == pytest.approx(size * scale, abs=0.01)


def test_calibration_sheet_marks_every_box_where_the_saved_printer_offset_puts_it(settings, tmp_path):
    done = run_tdkt("in-bang", "--lech", "2", "-1.5", "1", "--can-chinh", "--phoi", "giay-khen", "-o", "can-chinh.pdf",
                    cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        'Lưu ý: Đã lưu độ lệch máy in vào "mau/may-in.toml": x = 2 mm, y = -1,5 mm, tỉ lệ = 1. Các lần in sau đều '
        "dùng độ lệch này.",
        "Đã tạo: can-chinh.pdf (1 trang)"]
    assert (tmp_path / "mau" / "may-in.toml").read_text(encoding="utf-8").endswith("x_mm = 2\ny_mm = -1.5\nscale = 1\n")
    layout = load_layout("giay-khen", settings)
    facts = pdf_facts(tmp_path / "can-chinh.pdf")
    assert facts["sizes"] == [(297.0, 210.0)] and facts["print_scaling"] == "/None"
    with pdfplumber.open(tmp_path / "can-chinh.pdf") as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        lines = [(ln["x0"] / MM, ln["x1"] / MM, ln["top"] / MM) for ln in page.lines]
    assert "Độ lệch đang dùng: x = 2 mm, y = -1,5 mm, tỉ lệ = 1" in text
    for box in layout.boxes:
        assert f"{box.key} ({box.x:g}; {box.y:g})".replace(".", ",") in text
        arm = [ln for ln in lines if abs(ln[0] - (box.x - 4 + 2)) < 0.01 and abs(ln[1] - (box.x + 4 + 2)) < 0.01
               and abs(ln[2] - (box.y - 1.5)) < 0.01]
        assert arm, f"no crosshair at {box.key}"
    grid = [ln for ln in lines if abs(ln[0] - 2.0) < 0.01 and abs(ln[1] - 299.0) < 0.01]
    assert len(grid) == 211  # one line per millimetre down the sheet, shifted with the offset


USER_PAGES = [{"ten": "Ông Nguyễn Văn An — sổ 1"}, {"ten": "Ông Đặng Văn Dũng — sổ 2"},
              {"ten": "Bà Dương Thị Mai — sổ 3"}]


def test_user_layout_replaces_the_built_in_one_and_preview_draws_the_scan(decided, tmp_path):
    from PIL import Image

    folder = tmp_path / "mau" / "phoi"
    folder.mkdir(parents=True)
    (folder / "bang-khen-tinh.toml").write_text(
        'name = "Bằng khen tỉnh (phôi của Sở)"\nwidth_mm = 400\nheight_mm = 300\n'
        'source = "đo trên phôi thật"\nverified = true\n'
        '[boxes.ten]\ntext = "{nguoi_nhan} — sổ {so_so}"\nx_mm = 50\ny_mm = 100\nw_mm = 300\nh_mm = 20\n'
        'size = 24\nmin_size = 18\nstyle = "bold"\nalign = "left"\nvalign = "middle"\ncolor = "#1F3864"\n',
        encoding="utf-8")
    Image.new("RGB", (400, 300), (250, 240, 220)).save(folder / "bang-khen-tinh.png")
    printed = print_book(decided, tmp_path)
    assert layout_warnings(printed, decided)[1] == []
    layout = load_layout("bang-khen-tinh", Settings((tmp_path / "mau",)))
    assert layout.path == folder / "bang-khen-tinh.toml" and not layout.built_in
    path = printed.written[0][0]
    assert_pages(path, layout, USER_PAGES)
    assert pdf_facts(path)["sizes"] == [(400.0, 300.0)] * 3
    preview = print_book(decided, tmp_path, preview=True).written[0][0]
    assert preview.name == "qd-1205-bang-khen-tinh-cong-an-tinh-xem-truoc.pdf"
    with pdfplumber.open(preview) as pdf, pdfplumber.open(path) as printed_pdf:
        assert [len(p.images) for p in pdf.pages] == [1, 1, 1]
        assert pdf.pages[0].images[0]["width"] == pytest.approx(400 * MM, abs=0.01)
        assert [len(p.images) for p in printed_pdf.pages] == [0, 0, 0]
    assert_pages(preview, layout, USER_PAGES)


def test_preview_without_a_scan_says_where_to_put_it(decided, tmp_path):
    with pytest.raises(UserError, match=r'ảnh quét phôi .* mau/phoi/bang-khen-tinh.png'):
        print_book(decided, tmp_path, preview=True)
    assert not list(tmp_path.rglob("*.pdf"))


@pytest.mark.parametrize("toml, message", [
    ('name = "X"\nwidth_mm = 297\n', 'thiếu khóa "height_mm"'),
    ('width_mm = 297\nheight_mm = 210\n', "chưa có ô nào"),
    ('width_mm = 297\nheight_mm = 210\n[boxes.a]\ntext = "{ho_ten}"\nx_mm = 1\ny_mm = 1\nw_mm = 9\nh_mm = 9\n'
     'size = 12\n', r'ô "a": nội dung "\{ho_ten\}" dùng chỗ điền không có .* \{nguoi_nhan\}'),
    ('width_mm = 297\nheight_mm = 210\n[boxes.a]\ntext = "x"\nx_mm = 290\ny_mm = 1\nw_mm = 9\nh_mm = 9\nsize = 12\n',
     r'ô "a": ô nằm ngoài tờ phôi 297 × 210 mm'),
    ('width_mm = 297\nheight_mm = 210\n[boxes.a]\ntext = "x"\nx_mm = 1\ny_mm = 1\nw_mm = 9\nh_mm = 9\nsize = 12\n'
     'align = "giua"\n', r'"align" = "giua" không hợp lệ; chỉ dùng: left, center, right'),
    ("width_mm = 297\nheight_mm = \n", "sai cú pháp"),
])
def test_layout_mistakes_get_vietnamese_messages_naming_the_file(tmp_path, toml, message):
    folder = tmp_path / "mau" / "phoi"
    folder.mkdir(parents=True)
    (folder / "giay-khen.toml").write_text(toml, encoding="utf-8")
    entry = CertificateEntry("Ông Nguyễn Văn An", "Chuyên viên", "Đã có thành tích", 1)
    with pytest.raises(UserError, match=message) as err:
        certificates_pdf(decision(entry), load_layout("giay-khen", Settings((tmp_path / "mau",))))
    assert "giay-khen.toml" in str(err.value)


def test_missing_font_is_named_with_what_to_install():
    with pytest.raises(UserError, match=r'Không tìm thấy phông chữ "Không Có" \(chữ đậm\) có đủ chữ tiếng Việt.*'
                                        r"fonts-liberation2"):
        font_name("Không Có", "bold", [])


def test_tdkt_mau_copies_the_layouts_and_a_copied_layout_is_the_office_s_own(decided, settings, tmp_path):
    done = run_tdkt("mau", tmp_path / "mau")
    assert done.returncode == 0, done.stderr
    for name in ("bang-khen-tinh.toml", "giay-khen.toml"):
        assert f"Đã chép: {tmp_path / 'mau' / 'phoi' / name}" in done.stdout
        assert (tmp_path / "mau" / "phoi" / name).read_bytes() == (TEMPLATES / "phoi" / name).read_bytes()
    printed = print_book(decided, tmp_path)
    assert [w.code for w in layout_warnings(printed, decided)[1]] == ["phoi.chua_doi_chieu"]  # not the default
    assert_pages(printed.written[0][0], load_layout("bang-khen-tinh", settings), EXPECTED_1205)


def test_a_layout_missing_everywhere_names_the_folders_and_tdkt_mau(tmp_path):
    with pytest.raises(UserError, match=f'Chưa có bố cục phôi "phoi/bang-khen-huyen.toml" \\(đã tìm trong: '
                                        f'{tmp_path}, {TEMPLATES}\\). Chạy "tdkt mau"'):
        load_layout("bang-khen-huyen", Settings((tmp_path,)))
