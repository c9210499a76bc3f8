"""Template lint: one test per rule on a broken template built here, silence on the shipped ones."""
from __future__ import annotations

import io
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tdkt_docs.build import prepare
from tdkt_docs.check.findings import ERROR, WARNING, finding
from tdkt_docs.check.template import lint_template
from tdkt_docs.compose.document import Entries, Items, Shape
from tdkt_docs.documents import REGISTRY, by_template
from tdkt_docs.errors import UserError
from tdkt_docs.problems import Problem
from tdkt_docs.render.docx import CompiledTemplate

from helpers import SAMPLE_2024, TEMPLATES, edited_template, run_tdkt
from support.workbooks import commune_titles

SPLIT_HINT = "mỗi thẻ gõ liền một mạch, cùng định dạng (xoá cả thẻ rồi gõ lại)"
LEFTOVER_RULE = "lời văn không có mảnh thẻ rời ({{ … }} và {% … %} viết liền, đủ hai đầu)"


def tiny(tmp_path: Path, *paragraphs: str, name: str = "mau-rieng.docx") -> Path:
    """A one-section template with one paragraph per string."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return save(document, tmp_path, name)


def save(document, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def shipped(tmp_path: Path, name: str):
    """A copy of a shipped template, opened for editing (saved under the same file name)."""
    return docx.Document(str(shutil.copy(TEMPLATES / name, tmp_path / name)))


def paragraph(document, text: str):
    return next(p for p in _all_paragraphs(document) if p.text == text)


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def lint(path: Path) -> list[Problem]:
    """Lint as ``tdkt check --template`` does: with the variables of the type the file name belongs to."""
    document_type = by_template(Path(path).name)
    return lint_template(path, document_type.variables if document_type else None)


def codes(findings: list[Problem]) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize("name", ["ke-hoach.docx", "quyet-dinh.docx"])
def test_shipped_templates_have_no_findings(name):
    assert lint(TEMPLATES / name) == []


# -- mau.cu_phap -------------------------------------------------------------------


def test_if_without_endif_names_the_opening_paragraph(tmp_path):
    document = shipped(tmp_path, "ke-hoach.docx")
    ends = [p for p in document.paragraphs if p.text == "{%p endif %}"]
    ends[1]._p.getparent().remove(ends[1]._p)  # the one closing "{%p if phu_luc %}" in the body
    path = save(document, tmp_path, "ke-hoach.docx")
    assert lint(path) == [finding(
        "mau.cu_phap", ERROR, 'đoạn "{%p if phu_luc %}" (sau đoạn "Trong quá trình thực hiện, nếu có khó kh…")',
        'khối "if" đóng bằng thẻ "{%p endif %}"',
        'thẻ "{%p if phu_luc %}" mở khối nhưng không có thẻ đóng')]


def test_opener_without_closer(tmp_path):
    path = tiny(tmp_path, "Năm {{ nam đây là năm kế hoạch")
    assert lint(path) == [finding(
        "mau.cu_phap", ERROR, 'đoạn "Năm {{ nam đây là năm kế hoạch"',
        'thẻ mở bằng "{{" phải đóng bằng "}}" trong cùng một đoạn',
        '"{{ nam đây là năm kế hoạch" không có "}}"')]


def test_unknown_tag(tmp_path):
    path = tiny(tmp_path, "Mở đầu", "Trước {% iff nam %} sau", "Kết thúc")
    assert lint(path) == [finding(
        "mau.cu_phap", ERROR, 'đoạn "Trước {% iff nam %} sau"',
        "thẻ {% … %} là một lệnh hợp lệ: if, elif, else, endif, for, endfor …",
        'lệnh lạ "iff"; có phải là "if"?')]


def test_closing_tag_of_another_block(tmp_path):
    path = tiny(tmp_path, "{%p for dong in can_cu %}", "{{ dong }}", "{%p endif %}")
    assert lint(path) == [finding(
        "mau.cu_phap", ERROR, 'đoạn "{%p endif %}" (sau đoạn "{{ dong }}")',
        'thẻ "{%p endif %}" đóng một khối "if" đã mở trước nó',
        'khối đang mở là "{%p for dong in can_cu %}" (đoạn "{%p for dong in can_cu %}")')]


def test_closing_tag_without_block(tmp_path):
    path = tiny(tmp_path, "Lời văn", "{%p endfor %}")
    assert lint(path) == [finding(
        "mau.cu_phap", ERROR, 'đoạn "{%p endfor %}" (sau đoạn "Lời văn")',
        'thẻ "{%p endfor %}" đóng một khối "for" đã mở trước nó',
        "không có khối nào đang mở")]


def test_invalid_expression_reports_the_paragraph(tmp_path):
    path = tiny(tmp_path, "Mở đầu", "Năm {{ nam + }} nay", "Kết thúc")
    [problem] = lint(path)
    assert (problem.code, problem.severity, problem.location.paragraph) == (
        "mau.cu_phap", ERROR, 'đoạn "Năm {{ nam + }} nay"')
    assert problem.found == 'gặp "}}" không đúng chỗ'


def test_row_tag_outside_a_table(tmp_path):
    path = tiny(tmp_path, "{%tr for q in phu_luc.quy %}", "{%tr endfor %}")
    findings = lint(path)
    assert findings[0] == finding("mau.cu_phap", ERROR, 'đoạn "{%tr for q in phu_luc.quy %}"',
                                  "thẻ {%tr … %} nằm trong một hàng bảng",
                                  'thẻ "{%tr for q in phu_luc.quy %}" nằm ngoài bảng')
    assert codes(findings) == ["mau.cu_phap", "mau.cu_phap"]


def test_problem_in_a_header_is_placed_there(tmp_path):
    document = docx.Document()
    document.add_paragraph("Thân văn bản")
    document.sections[0].header.paragraphs[0].text = "Số: {{ so_ky_hieu"
    path = save(document, tmp_path, "mau-rieng.docx")
    assert [f.location.paragraph for f in lint(path)] == ['đầu trang, đoạn "Số: {{ so_ky_hieu"']


def test_long_paragraph_is_quoted_around_the_problem(tmp_path):
    text = "Để công tác thi đua, khen thưởng của tỉnh đạt hiệu quả {% iff nam %} thiết thực góp phần thực hiện"
    [problem] = lint(tiny(tmp_path, text))
    assert problem.location.paragraph == 'đoạn "…của tỉnh đạt hiệu quả {% iff nam %} thiết thực góp phần…"'


# -- mau.bien_la -------------------------------------------------------------------


def test_unknown_variable_with_close_matches(tmp_path):
    document = shipped(tmp_path, "ke-hoach.docx")
    target = paragraph(document, "Số: {{ so_ky_hieu }}")
    target.runs[0].text = "Số: {{ so_ky_hieuu }}"
    path = save(document, tmp_path, "ke-hoach.docx")
    assert lint(path) == [finding(
        "mau.bien_la", ERROR, 'đoạn "Số: {{ so_ky_hieuu }}"',
        "biến có trong số liệu của mẫu ke-hoach.docx (danh sách ở templates/README.md)",
        'biến "so_ky_hieuu" không có; có phải là "so_ky_hieu"?')]


def test_variables_are_checked_per_template(tmp_path):
    document = shipped(tmp_path, "quyet-dinh.docx")
    subject = paragraph(document, "Về việc {{ khen_thuong.dong_tu }} {{ khen_thuong.hinh_thuc }}")
    subject.runs[0].text = "{{ ky_niem.thanh_lap_dang.so_nam }} năm thành lập Đảng"
    for run in subject.runs[1:]:
        run.text = ""
    path = save(document, tmp_path, "quyet-dinh.docx")
    assert [(f.code, f.found) for f in lint(path)] == [
        ("mau.bien_la", 'biến "ky_niem" không có; không có tên nào gần giống')]
    shutil.copy(path, tmp_path / "ke-hoach-rieng.docx")
    assert lint(tmp_path / "ke-hoach-rieng.docx") == []


def test_unknown_template_name_skips_the_variable_rule(tmp_path):
    path = tiny(tmp_path, "{{ bien_bat_ky }}", "{%p for x in danh_sach_la %}", "{{ x.ten }}", "{%p endfor %}")
    assert lint(path) == []
    assert codes(lint(tiny(tmp_path, "{{ bien_bat_ky }}", name="ke-hoach.docx"))) == ["mau.bien_la"]


def test_misspelt_field_of_a_variable_with_the_closest_one(tmp_path):
    path = edited_template(tmp_path, "quyet-dinh.docx", "{{ dieu_1.doi_tuong }}", "{{ dieu_1.doi_tuongg }}")
    assert lint(path) == [finding(
        "mau.bien_la", ERROR, 'đoạn "…}} cho {{ dieu_1.doi_tuongg }}{% if…"',
        "biến có trong số liệu của mẫu quyet-dinh.docx (danh sách ở templates/README.md)",
        'biến "dieu_1.doi_tuongg" không có; có phải là "dieu_1.doi_tuong"?')]
    checked = run_tdkt("check", "--template", path)
    assert checked.returncode == 1 and 'biến "dieu_1.doi_tuongg" không có' in checked.stdout


@pytest.mark.parametrize("name, old, new, found", [
    ("quyet-dinh.docx", "{{ d.thu_truong }}", "{{ d.thu_truongg }}",
     'biến "d.thu_truongg" không có; có phải là "d.thu_truong"?'),
    ("quyet-dinh.docx", "{{ t.so }}", "{{ t.so_to_trinh }}", 'biến "t.so_to_trinh" không có; không có tên nào gần giống'),
    ("quyet-dinh.docx", "{{ d.stt }}", "{{ d.so_tt }}", 'biến "d.so_tt" không có; có phải là "d.stt"?'),
    ("ke-hoach.docx", "{{ ky_niem.thanh_lap_dang.so_nam }}", "{{ ky_niem.thanh_lap_dang.so_namm }}",
     'biến "ky_niem.thanh_lap_dang.so_namm" không có; có phải là "ky_niem.thanh_lap_dang.so_nam"?'),
    ("ke-hoach.docx", "{%p for dong in nv.ghi_chu", "{%p for dong in nv.ghi_chuu",
     'biến "nv.ghi_chuu" không có; có phải là "nv.ghi_chu"?'),
])
def test_misspelt_field_of_a_loop_variable_or_an_entry(tmp_path, name, old, new, found):
    assert [(f.code, f.found) for f in lint(edited_template(tmp_path, name, old, new))] == [("mau.bien_la", found)]


def test_fields_the_template_gives_itself_or_a_mapping_has_are_not_looked_into(tmp_path):
    path = tiny(tmp_path, "{% for k, v in khen_thuong.items() %}{{ k }}: {{ v }}{% endfor %}",
                "{% with dieu_1 = {'so_thu_tu': 1} %}{{ dieu_1.so_thu_tu }}{% endwith %}",
                "{% for d in danh_sach.dong %}{{ d.stt }}{% endfor %}{% for d in xet_de_nghi %}{{ d.thu_truong }}"
                "{% endfor %}", name="quyet-dinh.docx")
    assert lint(path) == []


# -- mau.tach_the ------------------------------------------------------------------


def split_paragraph(document, before: str, *runs: str):
    target = document.add_paragraph(before)
    for text in runs:
        target.add_run(text)
    return target


def test_tag_split_by_the_spell_checker_is_a_warning(tmp_path):
    document = docx.Document()
    target = split_paragraph(document, "Năm ", "{{ na")
    target._p.append(parse_xml(f'<w:proofErr {nsdecls("w")} w:type="spellStart"/>'))
    target.add_run("m }} nay").bold = True
    path = save(document, tmp_path, "mau-rieng.docx")
    assert lint(path) == [finding(
        "mau.tach_the", WARNING, 'đoạn "Năm {{ nam }} nay"', SPLIT_HINT,
        'thẻ "{{ nam }}" bị tách thành 2 đoạn chữ: "{{ na" + "m }}"; '
        "khi điền, giá trị mang định dạng của phần đầu thẻ")]


def test_split_delimiter_is_shown_as_it_reads(tmp_path):
    document = docx.Document()
    split_paragraph(document, "Năm {", "{ nam }", "} nay")
    path = save(document, tmp_path, "mau-rieng.docx")
    [problem] = lint(path)
    assert problem.found.startswith('thẻ "{{ nam }}" bị tách thành 3 đoạn chữ: "{" + "{ nam }" + "}"')


def test_tag_split_by_a_revision_mark_is_an_error(tmp_path):
    document = docx.Document()
    target = split_paragraph(document, "Năm ", "{{ na")
    target._p.append(parse_xml(
        '<w:ins %s w:id="1" w:author="Văn thư" w:date="2024-01-05T00:00:00Z">'
        '<w:r><w:t xml:space="preserve">m }} nay</w:t></w:r></w:ins>' % nsdecls("w")))
    path = save(document, tmp_path, "mau-rieng.docx")
    assert lint(path) == [finding(
        "mau.tach_the", ERROR, 'đoạn "Năm {{ nam }} nay"', SPLIT_HINT,
        'thẻ "{{ nam }}" bị tách thành 2 đoạn chữ: "{{ na" + "m }}"; '
        "thẻ vắt qua vết sửa đổi hoặc liên kết nên không điền được")]


# -- mau.hai_the_doan ----------------------------------------------------------------


def test_two_paragraph_tags_in_one_paragraph(tmp_path):
    path = tiny(tmp_path, "{%p if co_quan_chu_quan %}{%p endif %}")
    assert lint(path) == [finding(
        "mau.hai_the_doan", ERROR, 'đoạn "{%p if co_quan_chu_quan %}{%p endif %}"',
        "mỗi đoạn chỉ chứa một thẻ {%p … %}", 'có 2 thẻ: "{%p if co_quan_chu_quan %}", "{%p endif %}"')]


def test_paragraph_tag_with_other_text(tmp_path):
    document = shipped(tmp_path, "ke-hoach.docx")
    paragraph(document, "{%p if phu_luc %}").runs[0].text = "Có phụ lục {%p if phu_luc %}"
    path = save(document, tmp_path, "ke-hoach.docx")
    assert lint(path) == [finding(
        "mau.hai_the_doan", ERROR, 'đoạn "Có phụ lục {%p if phu_luc %}"',
        'đoạn chứa thẻ "{%p if phu_luc %}" chỉ chứa đúng thẻ đó', 'còn có "Có phụ lục", sẽ bị xoá khi điền')]


def row_template(tmp_path: Path, *cells: str) -> Path:
    document = docx.Document()
    table = document.add_table(rows=3, cols=len(cells))
    for cell, text in zip(table.rows[0].cells, ["{%tr for q in phu_luc.quy %}"] + [""] * len(cells)):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, cells):
        cell.text = text
    table.rows[2].cells[0].text = "{%tr endfor %}"
    return save(document, tmp_path, "mau-rieng.docx")


def test_two_row_tags_in_one_row(tmp_path):
    path = row_template(tmp_path, "{{ q.ten }}", "{%tr if q.nhiem_vu %}{%tr endif %}")
    assert lint(path) == [finding(
        "mau.hai_the_doan", ERROR, 'đoạn "{%tr if q.nhiem_vu %}{%tr endif %}"',
        "mỗi hàng bảng chỉ chứa một thẻ {%tr … %}", 'có 2 thẻ: "{%tr if q.nhiem_vu %}", "{%tr endif %}"')]


def test_row_tag_with_text_in_another_cell(tmp_path):
    path = row_template(tmp_path, "{%tr if q.nhiem_vu %}", "Quý")
    findings = [f for f in lint(path) if f.code == "mau.hai_the_doan"]
    assert findings == [finding(
        "mau.hai_the_doan", ERROR, 'đoạn "{%tr if q.nhiem_vu %}"',
        'hàng bảng chứa thẻ "{%tr if q.nhiem_vu %}" chỉ chứa đúng thẻ đó', 'còn có "Quý", sẽ bị xoá khi điền')]


# -- mau.tan_du --------------------------------------------------------------------


def test_broken_tag_text_is_a_leftover(tmp_path):
    path = tiny(tmp_path, "Năm { { nam }} nay")
    assert lint(path) == [finding(
        "mau.tan_du", ERROR, 'đoạn "Năm { { nam }} nay"', LEFTOVER_RULE, '"{ {", "}}" sẽ in nguyên văn ra văn bản')]


def test_spaced_closers(tmp_path):
    path = tiny(tmp_path, "{{ dia_danh }}, ngày {% if nam %}{{ nam }}{% endif % }")
    assert [(f.code, f.found) for f in lint(path)] == [("mau.cu_phap", '"{% endif % }" không có "%}"')]
    path = tiny(tmp_path, "{{ dia_danh }}, ngày {{ nam } }")
    assert [(f.code, f.severity) for f in lint(path)] == [("mau.cu_phap", ERROR)]
    path = tiny(tmp_path, "{{ dia_danh }}, năm {{ nam }} % }")
    assert [(f.code, f.found) for f in lint(path)] == [
        ("mau.tan_du", '"% }" sẽ in nguyên văn ra văn bản')]


def test_tag_in_a_comment_is_never_filled(tmp_path):
    document = docx.Document()
    target = document.add_paragraph("Năm kế hoạch")
    document.add_comment(target.runs, text="Sửa thành {{ nam }}", author="Văn thư")
    path = save(document, tmp_path, "mau-rieng.docx")
    assert lint(path) == [finding(
        "mau.tan_du", ERROR, 'ghi chú (comment), đoạn "Sửa thành {{ nam }}"',
        "thẻ chỉ đặt trong thân văn bản, đầu trang hoặc chân trang",
        'thẻ "{{ nam }}" ở đây không được điền, sẽ in nguyên văn')]


# -- files that are not templates ------------------------------------------------------


def test_not_a_docx(tmp_path):
    path = tmp_path / "mau.docx"
    path.write_text("STT;Họ tên\n", encoding="utf-8")
    with pytest.raises(UserError, match='Tệp "mau.docx" không phải tệp Word .docx đọc được'):
        lint(path)
    with pytest.raises(UserError, match="Không tìm thấy tệp mẫu"):
        lint(tmp_path / "khong-co.docx")


# -- the renderer's own messages ---------------------------------------------------------


def test_render_names_template_and_unknown_variable(tmp_path):
    path = tiny(tmp_path, "Năm {{ nam_hien_tai }} nay", name="ke-hoach-sua.docx")
    with pytest.raises(UserError) as caught:
        CompiledTemplate(path).render({"nam": 2024})
    assert str(caught.value) == ('Mẫu "ke-hoach-sua.docx" dùng biến không có trong dữ liệu: nam_hien_tai. '
                                 "Xem danh sách biến trong templates/README.md.")


def test_render_names_a_missing_field_by_its_path(tmp_path):
    path = tiny(tmp_path, "{{ chu_ky.ho_va_ten }}", name="ke-hoach-sua.docx")
    with pytest.raises(UserError, match=r"dùng biến không có trong dữ liệu: chu_ky\.ho_va_ten\."):
        CompiledTemplate(path).render({"chu_ky": {"ho_ten": "Nguyễn Hương Giang"}})


def test_render_syntax_error_names_template_and_quotes_the_text(tmp_path):
    path = tiny(tmp_path, "Mở đầu", "Trước {% iff nam %} sau", "Kết thúc", name="quyet-dinh-sua.docx")
    assert render_error(path) == (
        'Mẫu "quyet-dinh-sua.docx" bị lỗi: lệnh lạ "iff"; có phải là "if"? '
        "Đoạn văn quanh chỗ lỗi: «Mở đầu … Trước {% iff nam %} sau … Kết thúc». "
        "Cần sửa cho đúng: thẻ {% … %} là một lệnh hợp lệ: if, elif, else, endif, for, endfor … "
        'Chạy "tdkt check --template quyet-dinh-sua.docx" để xem vị trí.')


def render_error(path: Path) -> str:
    with pytest.raises(UserError) as caught:
        CompiledTemplate(path)
    return str(caught.value)


# -- Jinja's errors, told in Vietnamese ---------------------------------------------------

FILTER_RULE = ("sau dấu | là tên một bộ lọc có sẵn: upper (in hoa), lower (chữ thường), capitalize (viết hoa chữ "
               'đầu), title (viết hoa đầu mỗi từ), join (nối danh sách, ví dụ join(", ")), default (giá trị thay '
               "khi trống), replace (thay chữ), trim (bỏ khoảng trắng hai đầu)")
PRINT_RULE = ("thẻ {{ … }} chứa một tên biến viết liền, không dấu cách (ví dụ {{ dia_danh }}, {{ dieu_1.doi_tuong }}), "
              "có thể thêm bộ lọc sau dấu | (ví dụ {{ dia_danh|upper }})")


def test_unknown_filter_is_named_with_the_filters_to_use(tmp_path):
    path = edited_template(tmp_path, "quyet-dinh.docx", "{{ dia_danh }}", "{{ dia_danh|uper }}")
    expected = finding("mau.cu_phap", ERROR, 'đoạn "{{ dia_danh|uper }}, {{ ngay_ban_hanh }}"', FILTER_RULE,
                       'bộ lọc "uper" không có; có phải là "upper"?')
    assert lint(path) == [expected]
    assert expected.message.endswith('thực tế: bộ lọc "uper" không có; có phải là "upper"?')
    checked = run_tdkt("check", "--template", path)
    assert checked.returncode == 1 and 'Thực tế:  bộ lọc "uper" không có; có phải là "upper"?' in checked.stdout
    message = render_error(path)
    assert message.startswith('Mẫu "quyet-dinh.docx" bị lỗi: bộ lọc "uper" không có; có phải là "upper"? '
                              "Đoạn văn quanh chỗ lỗi: «")
    assert "{{ dia_danh|uper }}, {{ ngay_ban_hanh }}" in message and f"Cần sửa cho đúng: {FILTER_RULE}." in message


def test_unknown_filter_inside_an_if_is_found_before_a_rendering_reaches_it(tmp_path):
    path = tiny(tmp_path, "{%p if nam %}", "Năm {{ nam|uper }}", "{%p endif %}")
    assert [(f.location.paragraph, f.found) for f in lint(path)] == [
        ('đoạn "Năm {{ nam|uper }}"', 'bộ lọc "uper" không có; có phải là "upper"?')]


def test_two_words_in_a_tag_are_told_in_vietnamese_by_lint_and_render_alike(tmp_path):
    path = edited_template(tmp_path, "quyet-dinh.docx", "{{ dia_danh }}", "{{ dia danh }}")
    assert lint(path) == [finding("mau.cu_phap", ERROR, 'đoạn "{{ dia danh }}, {{ ngay_ban_hanh }}"', PRINT_RULE,
                                  'gặp "danh" ở chỗ phải là "}}"')]
    message = render_error(path)
    assert message.startswith('Mẫu "quyet-dinh.docx" bị lỗi: gặp "danh" ở chỗ phải là "}}". ')
    assert "{{ dia danh }}, {{ ngay_ban_hanh }}" in message and f"Cần sửa cho đúng: {PRINT_RULE}." in message


@pytest.mark.parametrize("text, found", [
    ("{% for dong can_cu %}{{ dong }}{% endfor %}", 'gặp "can_cu" ở chỗ phải là "in"'),
    ("{{ nam + }}", 'gặp "}}" không đúng chỗ'),
    ("{{ }}", 'thiếu tên biến hoặc giá trị trước "}}"'),
    ("{{ dieu_1. }}", "sau dấu chấm thiếu tên trường"),
    ("{{ can_cu[0 }}", 'gặp "}" khi dấu ngoặc trước đó còn chờ "]"'),
    ("{{ nam) }}", 'dấu ")" không có dấu mở đi trước'),
    ("{{ nam ? }}", 'ký tự "?" không dùng được trong thẻ'),
    ("{% set ghi_chu %}", 'khối "set" không có thẻ đóng'),
    ("{% if nam is chan %}{{ nam }}{% endif %}", 'phép thử "chan" không có; không có tên nào gần giống'),
    ("{% fro dong in can_cu %}", 'lệnh lạ "fro"; có phải là "for"?'),
    ("{% for 1 in can_cu %}{% endfor %}", "thẻ viết sai cú pháp"),
])
def test_jinja_errors_are_told_in_vietnamese_by_lint_and_render_alike(tmp_path, text, found):
    path = tiny(tmp_path, "Mở đầu", text, "Kết thúc")
    [problem] = lint(path)
    assert (problem.code, problem.found) == ("mau.cu_phap", found)
    assert f"bị lỗi: {found}" in render_error(path)
    assert not {"expected", "token", "named", "template", "Encountered"} & set(problem.expected.split())


def test_curly_quotes_word_typed_in_a_tag_are_read_straight_as_the_renderer_does(tmp_path):
    path = tiny(tmp_path, "Mục {{ “.” if nam else ‘;’ }}")
    assert lint(path) == []
    rendered = docx.Document(io.BytesIO(CompiledTemplate(path).render({"nam": 2024})))
    assert rendered.paragraphs[0].text == "Mục ."


def test_unclosed_quote_in_a_tag(tmp_path):
    [problem] = lint(tiny(tmp_path, 'Mục {{ "." if nam else ";  }}'))
    assert problem.found == 'dấu nháy " mở mà không có dấu nháy đóng'
    assert problem.expected == 'chữ trong thẻ mở và đóng bằng cùng một dấu nháy thẳng: {{ "." if d.cuoi else ";" }}'


@pytest.mark.parametrize("text, found", [
    ("{% for dong in can_cu %}{% endif %}", 'lệnh "endif" gặp lúc khối "for" chưa đóng'),
    ("{% endfor %}", 'lệnh "endfor" không thuộc khối nào đang mở'),
])
def test_misplaced_closing_tags_are_told_in_vietnamese_by_render(tmp_path, text, found):
    """The lint's own block check tells these first; the renderer tells them too."""
    assert f"bị lỗi: {found}" in render_error(tiny(tmp_path, text))


# -- declared variables ----------------------------------------------------------------


def test_declared_variables_and_fields_match_what_the_composers_give(settings, make_workbook):
    """The 2024 sample, and a xã's batch where a lower title is paid nothing (``dieu_2.rieng``)."""
    plans = [plan for workbook in (SAMPLE_2024, make_workbook(commune_titles()))
             for plan in prepare(workbook, settings).composition.documents]
    assert {plan.template for plan in plans} == {document_type.template for document_type in REGISTRY}
    for document_type in REGISTRY:
        contexts = [plan.context for plan in plans if plan.template == document_type.template]
        assert all(set(context) == set(document_type.variables) for context in contexts), document_type.key
        composed = {path for context in contexts for path in composed_paths(context, document_type.variables)}
        assert composed == set(declared_paths(document_type.variables)), document_type.key


def declared_paths(shape: Shape, at: str = "") -> Iterator[str]:
    """What a template may write: "dieu_1.doi_tuong", "xet_de_nghi[].thu_truong", "ky_niem.*.ten"."""
    if isinstance(shape, Items):
        yield from declared_paths(shape.shape, at + "[]")
    elif isinstance(shape, Entries):
        yield joined(at, "*")
        yield from declared_paths(shape.shape, joined(at, "*"))
    elif shape is not None:
        for name, inner in shape.items():
            yield joined(at, name)
            yield from declared_paths(inner, joined(at, name))


def composed_paths(value, shape: Shape, at: str = "") -> Iterator[str]:
    """The paths of a composed ``value``, an entry of ``Entries`` named "*"."""
    if isinstance(value, list):
        for item in value:
            yield from composed_paths(item, shape.shape if isinstance(shape, Items) else None, at + "[]")
    elif isinstance(value, dict):
        for key, item in value.items():
            path = joined(at, "*" if isinstance(shape, Entries) else key)
            yield path
            inner = shape.shape if isinstance(shape, Entries) else shape.get(key) if isinstance(shape, Mapping) else None
            yield from composed_paths(item, inner, path)


def joined(at: str, name: str) -> str:
    return f"{at}.{name}" if at else name


def test_an_error_of_the_program_called_from_a_tag_is_not_blamed_on_the_template(tmp_path):
    """Only what a tag computes itself (or a Jinja filter for it) is the template's: an error raised in the
    program's own code, called from a tag, stays the program's (the crash log, not "sửa mẫu")."""
    class Broken:
        def __str__(self):
            raise TypeError("the program's own bug")

    template = CompiledTemplate(tiny(tmp_path, "Năm {{ nam }}"))
    with pytest.raises(TypeError, match="the program's own bug"):
        template.render({"nam": Broken()})
    computing = CompiledTemplate(tiny(tmp_path, "Năm {{ nam + 'x' }}", name="mau-tinh.docx"))
    with pytest.raises(UserError, match="bị lỗi khi điền số liệu"):
        computing.render({"nam": 2024})
