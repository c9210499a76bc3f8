"""Who issues: the authority line, the signature and the "(Kèm theo …)" line against the header."""
import pytest

from tdkt_docs.check.findings import ERROR, excerpt, finding
from support.documents import (add, check, decision_document, department_decision, find, insert_before,
                               retext, save)

from helpers import run_tdkt

CELL = "bảng 2, ô (1, 2), "
DEPARTMENT = "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
KEM_THEO_SO = "(Kèm theo Quyết định số      /QĐ-SGDĐT ngày      tháng 3 năm 2024 của {})"
KEM_THEO_TINH = "(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng 3 năm 2024 của {})"


def codes(doc, tmp_path) -> list[tuple[str, str, str]]:
    return [(f.code, f.location.paragraph, f.found) for f in check(doc, tmp_path)]


def ward_decision():
    """The Chủ tịch UBND phường Kinh Bắc decides; the header names the phường, two lines."""
    doc = decision_document()
    retext(doc.tables[0].cell(0, 0).paragraphs[1], "PHƯỜNG KINH BẮC")
    retext(find(doc, "Bắc Ninh, ngày"), "Kinh Bắc, ngày      tháng 01 năm 2024")
    retext(find(doc, "CHỦ TỊCH ỦY BAN"), "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KINH BẮC")
    retext(find(doc, "(Kèm theo"), KEM_THEO_TINH.format("Chủ tịch UBND phường Kinh Bắc"))
    return doc


def body_decision():
    """A decision of the UBND tỉnh as a body: "TM. ỦY BAN NHÂN DÂN", a Phó Chủ tịch signs."""
    doc = decision_document()
    retext(find(doc, "CHỦ TỊCH ỦY BAN"), "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
    insert_before(find(doc, "KT. CHỦ TỊCH"), "TM. ỦY BAN NHÂN DÂN")
    retext(find(doc, "(Kèm theo"), KEM_THEO_TINH.format("Ủy ban nhân dân tỉnh Bắc Ninh"))
    return doc


def head_signs_alone(doc, title: str):
    retext(find(doc, "KT."), title)
    retext(find(doc, "PHÓ "), "")
    return doc


def without_authority_line(doc):
    para = find(doc, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
    para._p.getparent().remove(para._p)
    return doc


def two_line_authority(doc):
    retext(find(doc, "CHỦ TỊCH ỦY BAN"), "CHỦ TỊCH ỦY BAN NHÂN DÂN")
    find(doc, "CHỦ TỊCH ỦY BAN")._p.addnext(add(doc, "TỈNH BẮC NINH", bold=True)._p)
    return doc


def bold_parent(doc):
    doc.tables[0].cell(0, 0).paragraphs[0].runs[0].bold = True
    return doc


@pytest.mark.parametrize("make", [
    decision_document,                                             # tỉnh, KT. CHỦ TỊCH
    lambda: head_signs_alone(decision_document(), "CHỦ TỊCH"),
    department_decision,                                           # sở, KT. GIÁM ĐỐC
    lambda: head_signs_alone(department_decision(), "GIÁM ĐỐC"),
    lambda: bold_parent(department_decision()),
    ward_decision,
    body_decision,                                                 # TM., KT.
    lambda: without_authority_line(head_signs_alone(body_decision(), "CHỦ TỊCH")),
    lambda: two_line_authority(decision_document()),
], ids=["tinh", "tinh-chu-tich", "so", "so-giam-doc", "so-chu-quan-dam", "phuong", "tm", "tm-khong-dong-tham-quyen",
        "tham-quyen-hai-dong"])
def test_correct_issuers_have_no_findings(tmp_path, make):
    assert check(make(), tmp_path) == []


def test_chairman_of_a_department_as_the_user_forced_it(tmp_path):
    doc = department_decision()
    retext(find(doc, "GIÁM ĐỐC SỞ"), f"CHỦ TỊCH {DEPARTMENT}")
    retext(find(doc, "KT. GIÁM ĐỐC"), "KT. CHỦ TỊCH")
    retext(find(doc, "PHÓ GIÁM ĐỐC"), "PHÓ CHỦ TỊCH")
    kem_theo = KEM_THEO_SO.format("Chủ tịch Sở Giáo dục và Đào tạo")
    retext(find(doc, "(Kèm theo"), kem_theo)
    assert check(doc, tmp_path) == [
        finding("tham_quyen.chuc_danh", ERROR, f'đoạn "CHỦ TỊCH {DEPARTMENT}"',
                f'"GIÁM ĐỐC {DEPARTMENT}" (người đứng đầu sở là giám đốc)', f'"CHỦ TỊCH {DEPARTMENT}"'),
        finding("chu_ky.tham_quyen", ERROR, CELL + 'đoạn "KT. CHỦ TỊCH"',
                '"GIÁM ĐỐC" hoặc "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" (không có "TM.": văn bản do người '
                "đứng đầu ký theo thẩm quyền của mình)",
                '"KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"'),
        finding("kem_theo.co_quan", ERROR, f"đoạn {excerpt(kem_theo)}",
                f'người ban hành văn bản như ở đầu văn bản: "GIÁM ĐỐC {DEPARTMENT}" '
                '(được viết tắt "UBND", "HĐND")',
                '"của Chủ tịch Sở Giáo dục và Đào tạo"'),
    ]


def test_authority_of_another_body(tmp_path):
    doc = decision_document()
    retext(find(doc, "CHỦ TỊCH ỦY BAN"), "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI")
    [problem] = check(doc, tmp_path)
    assert problem.code == "tham_quyen.co_quan"
    assert problem.expected == ('chức vụ người ký và tên đầy đủ của cơ quan ban hành "ỦY BAN NHÂN DÂN TỈNH '
                                'BẮC NINH" (ở đầu văn bản), ví dụ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"')


def test_department_decided_as_a_body(tmp_path):
    doc = department_decision()
    retext(find(doc, "GIÁM ĐỐC SỞ"), DEPARTMENT)
    assert codes(doc, tmp_path) == [("tham_quyen.chuc_danh", f'đoạn "{DEPARTMENT}"', f'"{DEPARTMENT}"')]


@pytest.mark.parametrize("make, lines, found", [
    (department_decision, ["KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC"], '"KT. CHỦ TỊCH" / "PHÓ GIÁM ĐỐC"'),
    (department_decision, ["KT. GIÁM ĐỐC", "PHÓ CHỦ TỊCH"], '"KT. GIÁM ĐỐC" / "PHÓ CHỦ TỊCH"'),
    (decision_document, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], '"KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC"'),
], ids=["so-chu-tich", "pho-chu-tich", "tinh-giam-doc"])
def test_signature_title_of_another_head(tmp_path, make, lines, found):
    doc = make()
    retext(find(doc, "KT."), lines[0])
    retext(find(doc, "PHÓ "), lines[1])
    assert codes(doc, tmp_path) == [("chu_ky.tham_quyen", CELL + f'đoạn "{lines[0]}"', found)]


def test_chairman_own_decision_signed_for_the_body(tmp_path):
    doc = decision_document()
    insert_before(find(doc, "KT. CHỦ TỊCH"), "TM. ỦY BAN NHÂN DÂN")
    assert codes(doc, tmp_path) == [("chu_ky.tham_quyen", CELL + 'đoạn "TM. ỦY BAN NHÂN DÂN"',
                                     '"TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"')]


def test_department_signed_for_the_provincial_body(tmp_path):
    doc = department_decision()
    insert_before(find(doc, "KT. GIÁM ĐỐC"), "TM. ỦY BAN NHÂN DÂN")
    assert [f.code for f in check(doc, tmp_path)] == ["chu_ky.tham_quyen"]


def test_body_decision_signed_without_tm(tmp_path):
    doc = body_decision()
    retext(find(doc, "TM."), "")
    [problem] = check(doc, tmp_path)
    assert problem.code == "chu_ky.tham_quyen"
    assert problem.expected.startswith('"TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" hoặc')


@pytest.mark.parametrize("make, named", [
    (decision_document, "Chủ tịch UBND phường Kinh Bắc"),
    (decision_document, "Ủy ban nhân dân tỉnh"),
    (department_decision, "Chủ tịch UBND tỉnh Bắc Ninh"),
    (body_decision, "Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh"),
], ids=["phuong", "tap-the", "so-ghi-tinh", "tm-ghi-chu-tich"])
def test_list_attached_to_another_issuer(tmp_path, make, named):
    doc = make()
    code = "QĐ-SGDĐT" if make is department_decision else "QĐ-UBND"
    text = f"(Kèm theo Quyết định số      /{code} ngày      tháng 3 năm 2024 của {named})"
    retext(find(doc, "(Kèm theo"), text)
    assert codes(doc, tmp_path) == [("kem_theo.co_quan", f"đoạn {excerpt(text)}", f'"của {named}"')]


@pytest.mark.parametrize("named", ["Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh Bắc Ninh",
                                   "Chủ tịch UBND tỉnh Bắc Ninh về việc tặng Bằng khen"])
def test_list_may_shorten_or_abbreviate_the_issuer(tmp_path, named):
    doc = decision_document()
    retext(find(doc, "(Kèm theo"), KEM_THEO_TINH.format(named))
    assert check(doc, tmp_path) == []


def test_body_of_unknown_kind_is_compared_with_itself(tmp_path):
    doc = decision_document()
    board = "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP"
    parent, body = doc.tables[0].cell(0, 0).paragraphs[:2]
    retext(parent, "UBND TỈNH BẮC NINH").runs[0].bold = False
    retext(body, board)
    retext(find(doc, "CHỦ TỊCH ỦY BAN"), f"TRƯỞNG BAN {board}")
    retext(find(doc, "KT."), "KT. TRƯỞNG BAN")
    retext(find(doc, "PHÓ "), "PHÓ TRƯỞNG BAN")
    retext(find(doc, "(Kèm theo"), KEM_THEO_TINH.format("Trưởng ban Ban Quản lý các khu công nghiệp"))
    assert check(doc, tmp_path) == []
    retext(find(doc, "KT."), "KT. GIÁM ĐỐC")
    retext(find(doc, "PHÓ "), "PHÓ GIÁM ĐỐC")
    [problem] = check(doc, tmp_path)
    assert (problem.code, problem.expected.split(" hoặc")[0]) == ("chu_ky.tham_quyen", '"TRƯỞNG BAN"')


def test_tdkt_check_reports_the_forced_department_decision(tmp_path):
    doc = department_decision()
    retext(find(doc, "GIÁM ĐỐC SỞ"), f"CHỦ TỊCH {DEPARTMENT}")
    result = run_tdkt("check", str(save(doc, tmp_path)))
    assert result.returncode != 0
    assert f'"GIÁM ĐỐC {DEPARTMENT}" (người đứng đầu sở là giám đốc)' in result.stdout
    assert "(quy tắc tham_quyen.chuc_danh)" in result.stdout
    assert "1 lỗi, 0 cảnh báo" in result.stdout
