"""tdkt in-bang for issuers other than UBND tỉnh: the Sở Giáo dục và Đào tạo sample's Giấy khen and danh hiệu,
with the authority line of the workbook's profile, the signer's title from the batch and "công nhận"."""
import dataclasses
import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import SAMPLES, TEMPLATES
from support.certificate_pdf import assert_in_box, read_fields
from tdkt_docs.build import build
from tdkt_docs.certificate import run
from tdkt_docs.certificate.layout import load_layout
from tdkt_docs.certificate.model import award_heading
from tdkt_docs.certificate.sources import from_docx, from_workbook
from tdkt_docs.settings import Settings

SO_GDDT = SAMPLES / "so-gddt-bac-ninh" / "tdkt-nam-hoc-2025-2026.xlsx"
AUTHORITY = "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"
XUAT_SAC = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học 2025 - 2026"
SIGNED = "ngày 29 tháng 5 năm 2026"  # the sample batch's "Ngày ký dự kiến"


def sample_copy(folder: Path, *, position: str | None = None, signer: str | None = None,
                verb: str | None = None) -> tuple[Path, str]:
    """The Sở sample numbered from 57, with the batch's signer and the profile's verb changed if given;
    returns the copy and the batch's "Chức vụ người ký"."""
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / SO_GDDT.name
    shutil.copyfile(SO_GDDT, book)
    wb = openpyxl.load_workbook(book)
    batches = wb["Đợt khen thưởng"]
    headers = {c.value: c.column for c in batches[1]}
    batches.cell(2, headers["Số quyết định đầu tiên"], 57)
    if position:
        batches.cell(2, headers["Chức vụ người ký"], position)
    if signer:
        batches.cell(2, headers["Họ tên người ký"], signer)
    if verb:
        profile = wb["Cơ quan"]
        (row,) = [c.row for c in profile["A"] if c.value == "Danh hiệu thi đua: tặng hay công nhận"]
        profile.cell(row, 2, verb)
    given = batches.cell(2, headers["Chức vụ người ký"]).value
    wb.save(book)
    return book, given


@pytest.mark.parametrize("position, signer, titles", [
    (None, None, "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"),          # the sample's batch: a deputy signs
    ("GIÁM ĐỐC", "Nguyễn Văn Phúc", "GIÁM ĐỐC"),
])
def test_so_giay_khen_prints_the_profile_s_authority_and_the_batch_s_signer(position, signer, titles, settings,
                                                                           tmp_path):
    book, given = sample_copy(tmp_path / "so", position=position, signer=signer)
    assert titles.endswith(given)
    decided = from_workbook(book, Settings.for_workbook(book))
    printed = run.print_signed(decided, run.Options(outdir=tmp_path / "in"), Settings.for_workbook(book))
    assert printed.written == [(tmp_path / "in" / "nam-hoc-2025-2026" / "qd-57-giay-khen.pdf", 3)]
    for form in ("lao-dong-tien-tien", "chien-si-thi-dua-co-so", "tap-the-lao-dong-tien-tien"):
        assert any(f'chưa có bố cục phôi "phoi/{form}.toml"' in note for note in printed.notes)
    layout = load_layout("giay-khen", settings)
    pages = read_fields(printed.written[0][0], layout)
    common = {"tham_quyen": AUTHORITY, "tang": "TẶNG", "hinh_thuc": "GIẤY KHEN", "thanh_tich": XUAT_SAC,
              "so_quyet_dinh": f"Quyết định số 57/QĐ-SGDĐT, {SIGNED}", "dia_danh_ngay": f"Bắc Ninh, {SIGNED}",
              "chuc_danh_ky": titles, "nguoi_ky": signer or "Đào Thị Hồng Vân"}
    assert [{k: f.text for k, f in page.items()} for page in pages] == [
        {**common, "nguoi_nhan": "Tổ Toán - Tin", "chuc_vu_don_vi": "Trường THPT Hàn Thuyên",
         "so_so": "Số sổ vàng: 1"},
        {**common, "nguoi_nhan": "Bà Nguyễn Thị Hương", "so_so": "Số sổ vàng: 2",
         "chuc_vu_don_vi": "Tổ trưởng Tổ Toán - Tin, Trường THPT Hàn Thuyên"},
        {**common, "nguoi_nhan": "Bà Đỗ Thị Ngọc Anh", "chuc_vu_don_vi": "Giáo viên, Trường THPT Lý Thái Tổ",
         "so_so": "Số sổ vàng: 3"},
    ]
    boxes = {b.key: b for b in layout.boxes}
    for page in pages:
        for key, field in page.items():
            assert_in_box(field, boxes[key])


def test_a_danh_hieu_the_issuer_recognises_reads_back_and_prints_cong_nhan(settings, rules, tmp_path):
    book, _ = sample_copy(tmp_path / "so", verb="công nhận")
    own = Settings.for_workbook(book)
    decided = from_workbook(book, own)
    assert [(d.form_key, d.award_verb, d.award_title) for d in decided.decisions] == [
        ("giay-khen", "TẶNG", "GIẤY KHEN"),
        ("lao-dong-tien-tien", "CÔNG NHẬN DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN"),
        ("chien-si-thi-dua-co-so", "CÔNG NHẬN DANH HIỆU", "CHIẾN SĨ THI ĐUA CƠ SỞ"),
        ("tap-the-lao-dong-tien-tien", "CÔNG NHẬN DANH HIỆU", "TẬP THỂ LAO ĐỘNG TIÊN TIẾN"),
    ]
    result = build(book, tmp_path / "out", own)
    blank = {"source": "", "document": "", "stem": ""}
    for composed in decided.decisions:  # the signed .docx tells the same as the workbook
        read = from_docx(result.outdir / f"{composed.stem}.docx", rules.catalogue)
        assert dataclasses.replace(read, **blank) == dataclasses.replace(composed, **blank)
    phoi = book.parent / "mau" / "phoi"
    phoi.mkdir(parents=True)
    shutil.copyfile(TEMPLATES / "phoi" / "giay-khen.toml", phoi / "lao-dong-tien-tien.toml")
    printed = run.print_signed(decided, run.Options(outdir=tmp_path / "in"), Settings.for_workbook(book))
    assert [(p.name, n) for p, n in printed.written] == [("qd-57-giay-khen.pdf", 3),
                                                          ("qd-58-lao-dong-tien-tien.pdf", 2)]
    pages = read_fields(printed.written[1][0], load_layout("giay-khen", settings))
    assert [(p["tham_quyen"].text, p["tang"].text, p["hinh_thuc"].text, p["nguoi_nhan"].text) for p in pages] == [
        (AUTHORITY, "CÔNG NHẬN DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN", "Ông Trần Đức Mạnh"),
        (AUTHORITY, "CÔNG NHẬN DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN", "Bà Lê Thị Thu Trang"),
    ]


@pytest.mark.parametrize("verb, phrase, expected", [
    ("tặng", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", ("TẶNG", "BẰNG KHEN")),
    ("tặng", "Giấy khen", ("TẶNG", "GIẤY KHEN")),
    ("tặng", "danh hiệu Chiến sĩ thi đua cấp tỉnh", ("TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CẤP TỈNH")),
    ("công nhận", "danh hiệu “Gia đình văn hóa”", ("CÔNG NHẬN DANH HIỆU", "GIA ĐÌNH VĂN HÓA")),
])
def test_award_heading_follows_the_decision_s_verb(verb, phrase, expected):
    assert award_heading(verb, phrase) == expected
