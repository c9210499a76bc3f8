import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import nsdecls
from lxml import etree

from tdkt_docs.check.findings import ERROR, finding
from support.documents import (QUOC_HIEU, TIEU_NGU, check, decision_document, find, plan_document,
                                retext)

QH_WHERE = f'bảng 1, ô (1, 2), đoạn "{QUOC_HIEU}"'
TN_WHERE = f'bảng 1, ô (1, 2), đoạn "{TIEU_NGU}"'
SO_WHERE = 'bảng 1, ô (2, 1), đoạn "{}"'
DATE_WHERE = 'bảng 1, ô (2, 2), đoạn "{}"'
VML = ('<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml"><v:line from="0,0" to="160pt,0"/></w:pict>')


@pytest.mark.parametrize("typed, reason", [
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 'viết "HOÀ" thay cho "HÒA"'),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", "sai chữ hoa, chữ thường"),
    ("CỘNG HÒA XÃ HỘI  CHỦ NGHĨA VIỆT NAM", "thừa dấu cách"),
])
def test_quoc_hieu_spelling(tmp_path, typed, reason):
    doc = plan_document()
    retext(find(doc, "CỘNG HÒA"), typed)
    assert check(doc, tmp_path) == [
        finding("quoc_hieu.chinh_ta", ERROR, f'bảng 1, ô (1, 2), đoạn "{" ".join(typed.split())}"',
                f'"{QUOC_HIEU}"', f'"{typed}" ({reason})')]


@pytest.mark.parametrize("typed, reason", [
    ("Độc lập – Tự do – Hạnh phúc", "dùng gạch ngang dài thay cho gạch nối (-)"),
    ("Độc lập-Tự do-Hạnh phúc", "thiếu dấu cách hai bên gạch nối"),
    ("ĐỘC LẬP - TỰ DO - HẠNH PHÚC", "sai chữ hoa, chữ thường"),
])
def test_tieu_ngu_spelling(tmp_path, typed, reason):
    doc = plan_document()
    retext(find(doc, "Độc lập"), typed)
    assert check(doc, tmp_path) == [
        finding("tieu_ngu.chinh_ta", ERROR, f'bảng 1, ô (1, 2), đoạn "{typed}"',
                f'"{TIEU_NGU}"', f'"{typed}" ({reason})')]


def test_quoc_hieu_not_bold(tmp_path):
    doc = plan_document()
    find(doc, "CỘNG HÒA").runs[0].bold = False
    assert check(doc, tmp_path) == [
        finding("quoc_hieu.dam", ERROR, QH_WHERE, "Quốc hiệu in đậm", "chữ không in đậm")]


def test_tieu_ngu_not_bold(tmp_path):
    doc = plan_document()
    find(doc, "Độc lập").runs[0].bold = False
    assert check(doc, tmp_path) == [
        finding("tieu_ngu.dam", ERROR, TN_WHERE, "Tiêu ngữ in đậm", "chữ không in đậm")]


def test_missing_quoc_hieu_and_tieu_ngu(tmp_path):
    doc = plan_document()
    retext(find(doc, "CỘNG HÒA"), "CỘNG HÒA")
    retext(find(doc, "Độc lập"), "Độc lập")
    assert check(doc, tmp_path) == [
        finding("quoc_hieu.thieu", ERROR, "đầu trang thứ nhất", f'Quốc hiệu "{QUOC_HIEU}"', "không có"),
        finding("tieu_ngu.thieu", ERROR, "đầu trang thứ nhất",
                f'Tiêu ngữ "{TIEU_NGU}" dưới Quốc hiệu', "không có"),
    ]


def _drop_line_after(doc, start):
    para = find(doc, start)
    line = para._p.getnext()
    line.getparent().remove(line)
    return para


def test_missing_line_under_tieu_ngu(tmp_path):
    doc = plan_document()
    _drop_line_after(doc, "Độc lập")
    assert check(doc, tmp_path) == [
        finding("tieu_ngu.duong_ke", ERROR, TN_WHERE,
                "đường kẻ ngang, nét liền dưới Tiêu ngữ", "không có đường kẻ")]


def test_missing_line_under_agency(tmp_path):
    doc = plan_document()
    _drop_line_after(doc, "TỈNH BẮC NINH")
    assert check(doc, tmp_path) == [
        finding("co_quan.duong_ke", ERROR, 'bảng 1, ô (1, 1), đoạn "TỈNH BẮC NINH"',
                "đường kẻ ngang, nét liền dưới tên cơ quan ban hành", "không có đường kẻ")]


def test_line_drawn_as_a_shape_counts(tmp_path):
    doc = plan_document()
    para = _drop_line_after(doc, "Độc lập")
    shape_run = para.add_run()
    shape_run._r.append(etree.fromstring(VML))
    assert check(doc, tmp_path) == []


def test_bottom_border_on_the_tieu_ngu_counts(tmp_path):
    from support.documents import border
    doc = plan_document()
    para = _drop_line_after(doc, "Độc lập")
    border(para, "bottom")
    assert check(doc, tmp_path) == []


@pytest.mark.parametrize("typed, rule, expected, found", [
    ("Số 05/KH-UBND", "so_ky_hieu.dinh_dang", '"Số" và dấu hai chấm, ví dụ "Số: 05/KH-UBND"',
     '"Số 05/KH-UBND"'),
    ("Số: 05/KH - UBND", "so_ky_hieu.dinh_dang",
     'ký hiệu liền nhau, không có dấu cách, ví dụ "05/KH-UBND"', '"Số: 05/KH - UBND"'),
    ("Số: 5/KH-UBND", "so_ky_hieu.so",
     'số bằng chữ số Ả Rập, số nhỏ hơn 10 ghi thêm số 0 (01–09), liền với dấu "/"; để trống khi chưa ban hành',
     'số "5"'),
    ("Số: 012/KH-UBND", "so_ky_hieu.so",
     'số bằng chữ số Ả Rập, số nhỏ hơn 10 ghi thêm số 0 (01–09), liền với dấu "/"; để trống khi chưa ban hành',
     'số "012"'),
    ("Số: 05/QĐ-UBND", "so_ky_hieu.loai", 'chữ viết tắt "KH" của KẾ HOẠCH (Phụ lục III)', '"QĐ"'),
])
def test_so_ky_hieu(tmp_path, typed, rule, expected, found):
    doc = plan_document()
    retext(find(doc, "Số"), typed)
    assert check(doc, tmp_path) == [finding(rule, ERROR, SO_WHERE.format(typed), expected, found)]


@pytest.mark.parametrize("typed", ["Số: 05/KH-UBND", "Số: 125/KH-UBND", "Số: 12/2024/KH-UBND"])
def test_so_ky_hieu_accepted_forms(tmp_path, typed):
    doc = plan_document()
    retext(find(doc, "Số"), typed)
    assert check(doc, tmp_path) == []


def test_mixed_case_type_code_must_keep_its_case(tmp_path):
    doc = plan_document()
    retext(find(doc, "KẾ HOẠCH"), "QUY ĐỊNH")
    retext(find(doc, "Số"), "Số: 05/QYĐ-UBND")
    assert check(doc, tmp_path) == [
        finding("so_ky_hieu.loai", ERROR, SO_WHERE.format("Số: 05/QYĐ-UBND"),
                'chữ viết tắt "QyĐ" của QUY ĐỊNH (Phụ lục III)', '"QYĐ"')]


def test_missing_so(tmp_path):
    doc = plan_document()
    retext(find(doc, "Số"), "")
    assert check(doc, tmp_path) == [
        finding("so_ky_hieu.thieu", ERROR, "đầu trang thứ nhất",
                '"Số: …/…" dưới tên cơ quan ban hành', "không có")]


ZERO_RULE = ("ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0 (ngày 05, tháng 01, 02); "
             "tháng 3 đến 12 không ghi số 0")


@pytest.mark.parametrize("typed, found", [
    ("Bắc Ninh, ngày 5 tháng 01 năm 2024", 'ngày "5"'),
    ("Bắc Ninh, ngày 15 tháng 03 năm 2024", 'tháng "03"'),
    ("Bắc Ninh, ngày 05 tháng 1 năm 2024", 'tháng "1"'),
    ("Bắc Ninh, ngày 5 tháng 2 năm 2024", 'ngày "5", tháng "2"'),
])
def test_date_leading_zeros(tmp_path, typed, found):
    doc = plan_document()
    retext(find(doc, "Bắc Ninh"), typed)
    assert check(doc, tmp_path) == [
        finding("ngay_thang.so_0", ERROR, DATE_WHERE.format(typed), ZERO_RULE, found)]


@pytest.mark.parametrize("typed", [
    "Bắc Ninh, ngày 09 tháng 3 năm 2024", "Bắc Ninh, ngày 25 tháng 12 năm 2024",
    "Bắc Ninh, ngày 05 tháng 02 năm 2024", "Bắc Ninh, ngày      tháng      năm 2024",
])
def test_date_accepted_forms(tmp_path, typed):
    doc = plan_document()
    retext(find(doc, "Bắc Ninh"), typed)
    assert check(doc, tmp_path) == []


@pytest.mark.parametrize("typed", ["Bắc Ninh ngày 05 tháng 01 năm 2024", "Bắc Ninh, Ngày 05 tháng 01 năm 2024"])
def test_date_form(tmp_path, typed):
    doc = plan_document()
    retext(find(doc, "Bắc Ninh"), typed)
    assert check(doc, tmp_path) == [
        finding("ngay_thang.dinh_dang", ERROR, DATE_WHERE.format(typed),
                '"<địa danh>, ngày … tháng … năm …": dấu phẩy sau địa danh, chữ in thường', f'"{typed}"')]


def test_date_not_italic(tmp_path):
    doc = decision_document()
    find(doc, "Bắc Ninh").runs[0].italic = False
    assert check(doc, tmp_path) == [
        finding("ngay_thang.nghieng", ERROR, DATE_WHERE.format("Bắc Ninh, ngày tháng 01 năm 2024"),
                "địa danh và thời gian in nghiêng", "chữ không in nghiêng")]


def test_date_left_aligned_in_its_cell(tmp_path):
    """A date typed flush left in the Quốc hiệu's column is not centred under the Quốc hiệu and Tiêu ngữ."""
    doc = plan_document()
    date = find(doc, "Bắc Ninh")
    date.alignment = WD_ALIGN_PARAGRAPH.LEFT
    assert check(doc, tmp_path) == [
        finding("ngay_thang.canh_giua", ERROR, DATE_WHERE.format(" ".join(date.text.split())),
                "địa danh và thời gian canh giữa dưới Quốc hiệu và Tiêu ngữ", "căn trái")]


def test_date_moved_under_the_number(tmp_path):
    """The date moved to the left column, under "Số:", is not under the Quốc hiệu."""
    doc = plan_document()
    date, number = find(doc, "Bắc Ninh"), find(doc, "Số:")
    number._p.addnext(date._p)
    assert check(doc, tmp_path) == [
        finding("ngay_thang.vi_tri", ERROR, SO_WHERE.format(" ".join(date.text.split())),
                "địa danh và thời gian đặt dưới Quốc hiệu và Tiêu ngữ (cột bên phải), cùng hàng với số, ký hiệu",
                "nằm ở cột 1 của bảng tiêu đề, Quốc hiệu ở cột 2")]


def test_date_under_the_quoc_hieu_across_a_spacer_column(tmp_path):
    """A header table whose second row has a spacer cell, the Quốc hiệu's cell merging the two columns above it:
    the date stands under the Quốc hiệu, though it is the row's third cell."""
    doc = plan_document()
    date, quoc_hieu = find(doc, "Bắc Ninh"), find(doc, "CỘNG HÒA")
    date_cell, qh_cell = date._p.getparent(), quoc_hieu._p.getparent()
    date_cell.addprevious(etree.fromstring(f'<w:tc {nsdecls("w")}><w:p/></w:tc>'))
    qh_cell.get_or_add_tcPr().append(etree.fromstring(f'<w:gridSpan {nsdecls("w")} w:val="2"/>'))
    assert check(doc, tmp_path) == []
