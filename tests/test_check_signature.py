import pytest

from tdkt_docs.check.findings import ERROR, finding
from support.documents import add, check, decision_document, find, plan_document, retext

CELL = "bảng 2, ô (1, 2), "
PREFIXES = 'viết "TM.", "KT.", "Q.", "TL.", "TUQ." (in hoa, có dấu chấm)'


@pytest.mark.parametrize("typed, token", [("TM ỦY BAN NHÂN DÂN", "TM"), ("T.M. ỦY BAN NHÂN DÂN", "T.M."),
                                          ("Tm. ỦY BAN NHÂN DÂN", "Tm.")])
def test_prefix_form(tmp_path, typed, token):
    doc = plan_document()
    retext(find(doc, "TM."), typed)
    assert check(doc, tmp_path) == [
        finding("chu_ky.tien_to", ERROR, CELL + f'đoạn "{typed}"', PREFIXES, f'"{token}"')]


def test_prefix_and_title_on_one_line(tmp_path):
    doc = decision_document()
    retext(find(doc, "KT."), "KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
    retext(find(doc, "PHÓ CHỦ TỊCH"), "")
    assert check(doc, tmp_path) == [
        finding("chu_ky.dong_rieng", ERROR, CELL + 'đoạn "KT. CHỦ TỊCH PHÓ CHỦ TỊCH"',
                "dòng có TM., KT., Q., TL., TUQ. đứng riêng, chức vụ người ký ở dòng dưới",
                'dòng tiếp theo là "Trần Thị Bình"')]


def test_name_not_bold(tmp_path):
    doc = decision_document()
    find(doc, "Trần Thị Bình").runs[0].bold = False
    assert check(doc, tmp_path) == [
        finding("chu_ky.ten_dam", ERROR, CELL + 'đoạn "Trần Thị Bình"', "họ tên người ký in đậm",
                "chữ không in đậm")]


def test_signature_typed_without_a_table(tmp_path):
    doc = plan_document()
    table = doc.tables[1]._tbl
    for text in ("T.M. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"):
        table.addprevious(add(doc, text, bold=True)._p)
    table.getparent().remove(table)
    assert check(doc, tmp_path) == [
        finding("chu_ky.tien_to", ERROR, 'đoạn "T.M. ỦY BAN NHÂN DÂN"', PREFIXES, '"T.M."')]
