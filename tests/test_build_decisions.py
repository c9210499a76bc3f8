"""Quyết định khen thưởng: full text, batching, ordering, numbering, Căn cứ by date, summaries, checks."""
import datetime as dt
import json

import docx
import openpyxl
import pytest

from tdkt_docs.build import build, prepare
from tdkt_docs.errors import UserError
from tdkt_docs.settings import Settings

from docx.oxml.ns import qn

from helpers import SAMPLE_2026, TEMPLATES, docx_blocks, edited_template, run_tdkt
from support.workbooks import BK, KHAM, TRUONG, Y_TE, batch, commune_titles, person


def built(make_workbook, content, tmp_path, **options):
    return build(make_workbook(content), tmp_path / "out", Settings(), **options)


def decision_files(result):
    return sorted(p for p in result.written if p.suffix == ".docx")


def test_full_text_of_a_decision_and_its_list(make_workbook, decisions_content, tmp_path):
    (path,) = decision_files(built(make_workbook, decisions_content, tmp_path))
    assert path.relative_to(tmp_path / "out").as_posix() == "quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx"
    assert docx_blocks(docx.Document(path)) == [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/QĐ-UBND", "Bắc Ninh, ngày 24 tháng 9 năm 2024",
        "QUYẾT ĐỊNH", "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng;",
        "Căn cứ Quyết định số 13/2024/QĐ-UBND ngày 31 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh ban hành Quy chế "
        "về công tác thi đua, khen thưởng của tỉnh Bắc Ninh;",
        "Xét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 198/TTr-SYT ngày 09/9/2024 và đề nghị của Giám đốc "
        "Sở Nội vụ tại Tờ trình số 142/TTr-SNV ngày 16/9/2024.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 01 cá nhân (có danh sách "
        "kèm theo), đã có thành tích xuất sắc trong công tác khám, chữa bệnh năm 2024.",
        "Điều 2. Tiền thưởng kèm theo cho mỗi tập thể là 7.020.000 đồng, mỗi cá nhân là 3.510.000 đồng; tổng số "
        "tiền: 10.530.000 đồng (Bằng chữ: Mười triệu năm trăm ba mươi nghìn đồng), trích từ Quỹ thi đua, khen "
        "thưởng của tỉnh năm 2024.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Giám đốc Sở Y tế "
        "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Chủ tịch, các PCT UBND tỉnh;", "- Lưu: VT, NC.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vương Quốc Tuấn",
        "DANH SÁCH", "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 24 tháng 9 năm 2024 của Chủ tịch UBND tỉnh Bắc Ninh)",
        "I. TẬP THỂ (01)", "1. Khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh;",
        "II. CÁ NHÂN (01)", "1. Bà Trần Thị Ánh, Phó Giám đốc Bệnh viện Đa khoa tỉnh, Sở Y tế.",
    ]


def test_unnumbered_decision_keeps_the_hand_fill_gaps_and_chairman_signs_without_tm(
        make_workbook, decisions_content, tmp_path):
    decisions_content["batches"] = [batch(position="CHỦ TỊCH", signer="Nguyễn Hương Giang")]
    (path,) = decision_files(built(make_workbook, decisions_content, tmp_path))
    blocks = docx_blocks(docx.Document(path))
    assert "Số: /QĐ-UBND" in blocks and "Bắc Ninh, ngày tháng năm 2024" in blocks
    assert "(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm 2024 của Chủ tịch UBND tỉnh Bắc Ninh)" in blocks
    start = blocks.index("- Lưu: VT, NC.") + 1
    assert blocks[start:start + 2] == ["CHỦ TỊCH", "Nguyễn Hương Giang"]
    assert not any(b.startswith("TM.") for b in blocks)


def test_one_decision_per_submission_by_default_or_per_form(make_workbook, decisions_content, tmp_path):
    other = {"unit": "UBND huyện Tiên Du", "submission_no": "15/TTr-UBND", "submission_date": dt.date(2024, 9, 10)}
    decisions_content["nominations"].append(person("Lê Văn Nam", **other))
    assert len(decision_files(built(make_workbook, decisions_content, tmp_path))) == 2
    decisions_content["batches"] = [batch(first_number=5, split="Theo hình thức")]
    (path,) = decision_files(built(make_workbook, decisions_content, tmp_path / "gop"))
    blocks = docx_blocks(docx.Document(path))
    assert ("Xét đề nghị của Giám đốc Sở Y tế tại Tờ trình số 198/TTr-SYT ngày 09/9/2024; Chủ tịch UBND huyện "
            "Tiên Du tại Tờ trình số 15/TTr-UBND ngày 10/9/2024 và đề nghị của Giám đốc Sở Nội vụ tại Tờ trình "
            "số 142/TTr-SNV ngày 16/9/2024.") in blocks
    assert any(b.startswith("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 02 cá nhân")
               for b in blocks)
    assert "Chủ tịch UBND huyện Tiên Du" in next(b for b in blocks if b.startswith("Điều 3."))


def test_an_executor_spelt_two_ways_is_named_once(make_workbook, tmp_path):
    """The xã's Văn phòng proposes, written "Văn phòng HĐND và UBND": its Chánh Văn phòng is the issuer's own
    executor, named once in Điều 3, as the issuer spells it."""
    content = commune_titles()
    content["nominations"] = [{**TRUONG, "address": "Bà", "name": "Vũ Thị Giang", "form": "Lao động tiên tiến",
                               "unit": "Văn phòng HĐND và UBND", "workplace": "Văn phòng HĐND và UBND xã"}]
    (path,) = [p for p in decision_files(built(make_workbook, content, tmp_path)) if p.name.startswith("qd-")]
    article = next(b for b in docx_blocks(docx.Document(path)) if b.startswith("Điều 3."))
    assert article == ("Điều 3. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân và các cá nhân có tên tại Điều 1 "
                       "chịu trách nhiệm thi hành Quyết định này./.")


def test_an_abbreviation_with_its_dot_is_spelt_out(rules):
    from tdkt_docs.rules.collation import match_key
    from tdkt_docs.text import spelled_out

    assert match_key(spelled_out("Chủ tịch UBND TP. Bắc Ninh", rules.abbreviations)) == match_key(
        "Chủ tịch Ủy ban nhân dân thành phố Bắc Ninh")


NAMES = ["Nguyễn Văn An", "Lê Văn Ân", "Dương Thị Mai", "Đặng Văn Dũng", "Trần Thị Ánh", "Phạm Văn Dung"]


@pytest.mark.parametrize("order, expected", [
    ("Như đề nghị", NAMES),
    ("Theo vần tên", ["Nguyễn Văn An", "Trần Thị Ánh", "Lê Văn Ân", "Phạm Văn Dung", "Đặng Văn Dũng",
                      "Dương Thị Mai"]),
])
def test_list_order_as_submitted_or_by_vietnamese_alphabet(make_workbook, decisions_content, tmp_path, order,
                                                           expected):
    decisions_content["batches"] = [batch(order=order)]
    decisions_content["nominations"] = [person(name) for name in NAMES]
    (path,) = decision_files(built(make_workbook, decisions_content, tmp_path))
    entries = [b for b in docx_blocks(docx.Document(path)) if b[:2].rstrip(".").isdigit()]
    assert [e.split(" ", 2)[2].split(",")[0] for e in entries] == expected


def test_mixed_achievements_get_sub_headings(make_workbook, decisions_content, tmp_path):
    decisions_content["nominations"].append(person("Lê Văn Nam", achievement="Đã có thành tích xuất sắc đột xuất"))
    (path,) = decision_files(built(make_workbook, decisions_content, tmp_path))
    blocks = docx_blocks(docx.Document(path))
    assert ("Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 02 cá nhân đã có thành "
            "tích xuất sắc (có danh sách kèm theo).") in blocks
    start = blocks.index("II. CÁ NHÂN (02)")
    assert blocks[start:] == [
        "II. CÁ NHÂN (02)", KHAM + ":", "1. Bà Trần Thị Ánh, Phó Giám đốc Bệnh viện Đa khoa tỉnh, Sở Y tế;",
        "Đã có thành tích xuất sắc đột xuất:", "2. Ông Lê Văn Nam, Bác sĩ, Bệnh viện Đa khoa tỉnh."]


def test_numbers_follow_a_stable_order_forms_then_submissions(make_workbook, decisions_content, tmp_path):
    decisions_content["batches"] = [batch(first_number=1205)]
    decisions_content["nominations"].insert(0, {**Y_TE, "kind": "Tập thể", "name": "Phòng Cảnh sát giao thông",
                                                "unit": "Công an tỉnh", "submission_no": "210/TTr-CAT",
                                                "form": "Cờ thi đua của Ủy ban nhân dân tỉnh"})
    files = [p.name for p in decision_files(built(make_workbook, decisions_content, tmp_path))]
    assert files == ["qd-1205-bang-khen-tinh-so-y-te.docx", "qd-1206-co-thi-dua-tinh-cong-an-tinh.docx"]


def test_samples_use_the_rules_of_their_signing_dates(sample_2024_built, settings, tmp_path):
    text = {p.name: "\n".join(docx_blocks(docx.Document(p))) for p in sample_2024_built.rglob("*.docx")}
    q1 = text["qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx"]
    assert "mỗi tập thể là 5.400.000 đồng, mỗi cá nhân là 2.700.000 đồng" in q1  # lương cơ sở 1.800.000
    assert "Nghị định số 98/2023/NĐ-CP" in q1 and "13/2024/QĐ-UBND" not in q1
    q3 = text["qd-1205-bang-khen-tinh-cong-an-tinh.docx"]
    assert "mỗi cá nhân là 3.510.000 đồng" in q3  # lương cơ sở 2.340.000 from 01/7/2024
    assert "Quyết định số 13/2024/QĐ-UBND" in q3
    assert "mỗi hộ gia đình là 4.050.000 đồng" in text["qd-02-bang-khen-tinh-ubnd-huyen-tien-du.docx"]
    new = build(SAMPLE_2026, tmp_path / "2026", settings)
    assert "Bỏ qua Kế hoạch" in new.manifest.skipped[0]
    first = next(p for p in new.written if p.suffix == ".docx")
    body = "\n".join(docx_blocks(docx.Document(first)))
    for line in ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
                 "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025",
                 "Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025"):
        assert line in body
    assert "98/2023" not in body
    (household,) = [p for p in new.written if p.name.startswith("qd-03")]
    assert "mỗi hộ gia đình là 5.270.000 đồng" in "\n".join(docx_blocks(docx.Document(household)))


def test_summary_workbook_and_distribution(make_workbook, decisions_content, tmp_path):
    result = built(make_workbook, decisions_content, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "out" / "quy-iii-2024" / "tong-hop-quy-iii-2024.xlsx")
    rows = list(book["Danh sách"].iter_rows(min_row=2, values_only=True))
    assert rows[0][1:] == ("05/QĐ-UBND", BK, "Tập thể", "Khoa Hồi sức tích cực", None, "Bệnh viện Đa khoa tỉnh",
                           "Sở Y tế", "198/TTr-SYT", 7020000, None)
    assert rows[-1][1] == "Tổng cộng" and rows[-1][9] == 10530000
    totals = list(book["Tổng hợp"].iter_rows(min_row=2, values_only=True))
    assert totals == [("Theo quyết định", "05/QĐ-UBND", 2, 10530000), ("Theo hình thức", BK, 2, 10530000),
                      ("Theo quý", "Quý III", 2, 10530000)]
    sent = list(book["Phát hành"].iter_rows(min_row=2, values_only=True))
    assert sent == [
        ("05/QĐ-UBND", "Như Điều 3", "Chánh Văn phòng Ủy ban nhân dân tỉnh", 1),
        ("05/QĐ-UBND", "Như Điều 3", "Giám đốc Sở Nội vụ", 1),
        ("05/QĐ-UBND", "Như Điều 3", "Giám đốc Sở Tài chính", 1),
        ("05/QĐ-UBND", "Như Điều 3", "Giám đốc Sở Y tế", 1),
        ("05/QĐ-UBND", "Như Điều 3", "Khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh", 1),
        ("05/QĐ-UBND", "Như Điều 3", "Bà Trần Thị Ánh, Phó Giám đốc Bệnh viện Đa khoa tỉnh, Sở Y tế", 1),
        ("05/QĐ-UBND", "Chủ tịch, các PCT UBND tỉnh", "Chủ tịch, các PCT UBND tỉnh", 1),
        ("05/QĐ-UBND", "Lưu", "VT", 1), ("05/QĐ-UBND", "Lưu", "NC", 1), ("05/QĐ-UBND", "Cộng", None, 9)]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    (decision,) = [d for d in manifest["documents"] if d["kind"] == "quyet_dinh"]
    assert decision["extra"]["tong_tien"] == 10530000 and decision["extra"]["so"] == 5
    assert [(d["theo_dong"], d["noi_nhan"], d["so_ban"]) for d in decision["extra"]["phat_hanh"]] == [
        row[1:] for row in sent[:-1]]
    assert {s["sheet"]: s["rows"] for s in decision["sources"]} == {"Đợt khen thưởng": [2],
                                                                     "Đề nghị khen thưởng": [2, 3]}
    assert [d["kind"] for d in manifest["documents"]] == ["quyet_dinh", "tong_hop"]
    assert result.manifest.warnings  # the 2024 coefficients are marked unverified: the build says so


def test_a_decision_is_printed_in_as_many_copies_as_its_distribution_gives_out(make_workbook, decisions_content,
                                                                               tmp_path):
    decisions_content["recipients"].append({"document": "Quyết định khen thưởng", "name": "Sở Tài chính", "copies": 3})
    result = built(make_workbook, decisions_content, tmp_path)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = [d for d in manifest["documents"] if d["kind"] == "quyet_dinh"]
    (decision,) = [o for o in result.outputs if o.kind == "quyet_dinh"]
    assert ("Sở Tài chính", 3) in [(d["noi_nhan"], d["so_ban"]) for d in entry["extra"]["phat_hanh"]]
    assert decision.copies == sum(d["so_ban"] for d in entry["extra"]["phat_hanh"]) == 12


def test_a_lower_title_of_the_same_batch_is_listed_without_money(make_workbook, tmp_path, rules):
    """Lao động tiên tiến and Chiến sĩ thi đua cơ sở of one person in one batch: the decision of the lower one
    lists her and names her in Điều 2 without counting her; the summary and the read-back agree."""
    from tdkt_docs.register.from_docx import read_signed_docx

    result = built(make_workbook, commune_titles(), tmp_path)
    folder = tmp_path / "out" / "quy-iii-2024"
    lower = folder / "qd-20-lao-dong-tien-tien-truong-tieu-hoc-tam-giang.docx"
    text = docx_blocks(docx.Document(lower))
    assert ("Điều 2. Tiền thưởng kèm theo cho mỗi cá nhân là 710.000 đồng (riêng bà Vũ Thị Giang nhận tiền thưởng "
            "của danh hiệu “Chiến sĩ thi đua cơ sở”); tổng số tiền: 710.000 đồng (Bằng chữ: Bảy trăm mười nghìn "
            "đồng), trích từ Quỹ thi đua, khen thưởng của Ủy ban nhân dân xã Tam Giang năm 2024.") in text
    assert text[-2:] == ["1. Ông Lê Văn Bình, Giáo viên, Trường Tiểu học Tam Giang;",
                         "2. Bà Vũ Thị Giang, Giáo viên, Trường Tiểu học Tam Giang."]
    higher = docx_blocks(docx.Document(folder / "qd-21-chien-si-thi-dua-co-so-truong-tieu-hoc-tam-giang.docx"))
    assert ("Điều 2. Tiền thưởng kèm theo cho mỗi cá nhân là 2.340.000 đồng; tổng số tiền: 2.340.000 đồng (Bằng "
            "chữ: Hai triệu ba trăm bốn mươi nghìn đồng), trích từ Quỹ thi đua, khen thưởng của Ủy ban nhân dân xã "
            "Tam Giang năm 2024.") in higher
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [d["extra"]["tong_tien"] for d in manifest["documents"] if d["kind"] == "quyet_dinh"] == [710000, 2340000]
    rows = list(openpyxl.load_workbook(folder / "tong-hop-quy-iii-2024.xlsx")["Danh sách"].iter_rows(
        min_row=2, values_only=True))
    assert [(r[1], r[4], r[9], r[10]) for r in rows] == [
        ("20/QĐ-UBND", "Ông Lê Văn Bình", 710000, None),
        ("20/QĐ-UBND", "Bà Vũ Thị Giang", 0, "Không chi 710.000 đồng: nhận tiền thưởng Chiến sĩ thi đua cơ sở "
                                             "(21/QĐ-UBND), danh hiệu cao hơn cùng đợt"),
        ("21/QĐ-UBND", "Bà Vũ Thị Giang", 2340000, None),
        ("Tổng cộng", None, 3050000, None)]
    assert [a.amount for a in read_signed_docx(lower, rules).awards] == [710000, 0]
    assert ("Cảnh báo: Chưa đối chiếu với văn bản chính thức: quy tắc “trong cùng một thời điểm, một đối tượng đạt "
            "nhiều danh hiệu thi đua, có cùng thời gian được tính để đạt các danh hiệu thi đua đó thì được nhận tiền "
            "thưởng danh hiệu thi đua cao nhất”, từ 01/01/2024 đến 30/6/2025; nguồn: NĐ 98/2023/NĐ-CP, nguyên tắc "
            "tính tiền thưởng (số điều chưa đối chiếu; theo nguồn thứ cấp, cùng nội dung NĐ 152/2025/NĐ-CP Điều 49 "
            "khoản 5).") in result.manifest.warnings


def test_unverified_rules_are_announced(make_workbook, decisions_content, tmp_path):
    done = run_tdkt("build", make_workbook(decisions_content), "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert ("Cảnh báo: Chưa đối chiếu với văn bản chính thức: hệ số 1,5 × mức lương cơ sở cho Bằng khen của Chủ "
            "tịch Ủy ban nhân dân tỉnh, cá nhân") in done.stdout


def test_a_van_phong_is_proposed_by_its_chanh_van_phong(make_workbook, decisions_content, tmp_path):
    """The head of a "Văn phòng …" is its Chánh Văn phòng (as the issuers' own Văn phòng in cap-ban-hanh.toml)."""
    for nomination in decisions_content["nominations"]:
        nomination["unit"] = "Văn phòng Tỉnh ủy"
    built(make_workbook, decisions_content, tmp_path)
    found = docx_blocks(docx.Document(next((tmp_path / "out").rglob("qd-*.docx"))))
    assert any(b.startswith("Xét đề nghị của Chánh Văn phòng Tỉnh ủy tại Tờ trình số 198/TTr-SYT") for b in found)


def test_a_trung_tam_is_proposed_by_its_director_with_a_warning(make_workbook, decisions_content, tmp_path):
    for nomination in decisions_content["nominations"]:
        nomination["unit"] = "Trung tâm Kiểm soát bệnh tật tỉnh"
    done = run_tdkt("build", make_workbook(decisions_content), "-o", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    found = docx_blocks(docx.Document(next((tmp_path / "out").rglob("qd-*.docx"))))
    assert ("Xét đề nghị của Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh tại Tờ trình số 198/TTr-SYT ngày 09/9/2024 "
            "và đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 142/TTr-SNV ngày 16/9/2024.") in found
    assert any(b.startswith("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài "
                            "chính, Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh và") for b in found)
    assert ('Cảnh báo: Chưa đối chiếu với văn bản chính thức: chức danh "Giám đốc" của thủ trưởng đơn vị "Trung tâm …" '
            '(khác thì ghi chức danh và tên đơn vị ở cột "Thủ trưởng đơn vị trình", trang "Đề nghị khen thưởng"); '
            "nguồn: cách viết thường gặp") in done.stdout


def problems(make_workbook, content):
    return [str(p) for p in prepare(make_workbook(content), Settings()).problems]


def test_check_unknown_form(make_workbook, decisions_content):
    decisions_content["nominations"][1]["form"] = "Huân chương Lao động hạng Ba"
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): "Huân chương Lao động hạng Ba" '
        "không phải hình thức khen thưởng, danh hiệu thi đua nào phần mềm biết; hãy chọn trong danh sách của cột "
        "này."]


def test_check_form_not_allowed_for_kind(make_workbook, decisions_content):
    decisions_content["nominations"][1]["form"] = "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): Cờ thi đua của Ủy ban nhân dân '
        "tỉnh không tặng cho cá nhân (chỉ tặng cho: tập thể)."]


def test_a_form_allowed_to_one_kind_is_still_refused_to_another_on_a_later_row(make_workbook, decisions_content):
    """Rows alike in batch, form and kind are resolved once: a later row of another kind is judged on its own."""
    for nomination in decisions_content["nominations"]:  # a collective, then a person
        nomination["form"] = "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert [p for p in problems(make_workbook, decisions_content) if p.startswith("Lỗi")] == [
        'Lỗi: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): Cờ thi đua của Ủy ban nhân dân '
        "tỉnh không tặng cho cá nhân (chỉ tặng cho: tập thể)."]


def test_check_missing_address_for_a_person(make_workbook, decisions_content):
    decisions_content["nominations"][1]["address"] = ""
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đề nghị khen thưởng", ô G3 (cột "Ông/Bà"): thiếu Ông/Bà cho cá nhân "Trần Thị Ánh"; '
        'danh sách kèm theo ghi "Ông …" hoặc "Bà …" (lực lượng vũ trang: ghi cấp bậc ở cột "Cấp bậc, quân hàm").']


def test_check_signing_date_outside_every_rule_period(make_workbook, decisions_content):
    decisions_content["batches"] = [batch(signing=dt.date(2023, 6, 1))]
    assert any(p.startswith('Lỗi: trang "Đợt khen thưởng", ô D2 (cột "Ngày ký dự kiến"): đợt "Quý III/2024": '
                            "Ngày ký 01/6/2023 nằm ngoài mọi giai đoạn có quy định")
               for p in problems(make_workbook, decisions_content))


def test_a_communes_giay_khen_before_its_coefficient_says_what_to_do(make_workbook, decisions_content):
    decisions_content["agency"] = {"level": "Cấp xã", "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "XÃ TIÊN DU",
                                   "short_name": "UBND xã Tiên Du", "code": "UBND", "place": "Tiên Du"}
    decisions_content["batches"] = [batch(name="Quý II/2024", quarter="Quý II", signing=dt.date(2024, 6, 28),
                                          position="CHỦ TỊCH", submission_date=dt.date(2024, 6, 20))]
    decisions_content["nominations"] = [{**decisions_content["nominations"][1], "form": "Giấy khen",
                                         "batch": "Quý II/2024", "submission_date": dt.date(2024, 6, 10)}]
    assert [p for p in problems(make_workbook, decisions_content) if p.startswith("Lỗi")] == [
        'Lỗi: trang "Đợt khen thưởng", ô D2 (cột "Ngày ký dự kiến"): đợt "Quý II/2024": Ngày ký 28/6/2024 nằm ngoài '
        'mọi giai đoạn có quy định về hệ số tiền thưởng "Giấy khen" cho cá nhân (có quy định từ 01/7/2025). Hãy '
        "kiểm tra lại ngày ký. Nếu ngày ký đúng và có văn bản quy định cho giai đoạn này (kể cả quy định riêng của "
        'cơ quan), chạy lệnh "tdkt mau" trong thư mục chứa sổ Excel, ghi giai đoạn đó kèm nguồn (văn bản, điều '
        "khoản) vào tệp mau/khen-thuong.toml, rồi chạy lại."]


def test_check_duplicate_nomination_ignores_case_spacing_and_tone_placement(make_workbook, decisions_content):
    decisions_content["nominations"] = [person("Vũ Thị Hòa", "Bà"), person("VŨ  THỊ HOÀ", "Bà", position="Khác")]
    assert [p for p in problems(make_workbook, decisions_content) if p.startswith("Lỗi")] == [
        'Lỗi: trang "Đề nghị khen thưởng", ô I3 (cột "Họ tên / Tên tập thể"): trùng với đề nghị ở dòng 2: '
        'cùng cá nhân "VŨ THỊ HOÀ", cùng hình thức, cùng năm 2024.']


def test_check_nomination_without_a_batch(make_workbook, decisions_content):
    decisions_content["nominations"][0]["batch"] = "Quý V/2024"
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đề nghị khen thưởng", ô A2 (cột "Đợt"): đợt "Quý V/2024" không có trong trang '
        '"Đợt khen thưởng"; hãy thêm đợt đó hoặc sửa tên đợt cho khớp.']


def test_a_batch_without_its_signer_does_not_hide_the_forms_errors(make_workbook, decisions_content):
    """One check lists every error: a batch row missing its signer still lets the unknown form be pointed at."""
    decisions_content["batches"][0]["signer"] = None
    decisions_content["nominations"][1]["form"] = "Bằng khen của Chủ tich UBND tỉnh"
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đợt khen thưởng", ô F2 (cột "Họ tên người ký"): bắt buộc phải nhập, đang để trống.',
        'Lỗi: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): "Bằng khen của Chủ tich UBND tỉnh" '
        "không phải hình thức khen thưởng, danh hiệu thi đua nào phần mềm biết; hãy chọn trong danh sách của cột "
        "này."]


def test_check_duplicate_batch_name(make_workbook, decisions_content):
    decisions_content["batches"].append(batch(name="quý III/2024"))
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đợt khen thưởng", ô A3 (cột "Đợt"): đợt "quý III/2024" đã có ở dòng 2.']


def test_nominations_not_passed_are_left_out_and_said(make_workbook, decisions_content, tmp_path):
    decisions_content["nominations"][1]["appraisal"] = "Không đạt"
    result = built(make_workbook, decisions_content, tmp_path)
    assert 'Không đưa vào quyết định: trang "Đề nghị khen thưởng" dòng 3 ("Trần Thị Ánh") có kết quả thẩm định "Không đạt".' \
        in result.manifest.skipped
    (path,) = decision_files(result)
    assert "Trần Thị Ánh" not in "\n".join(docx_blocks(docx.Document(path)))


def test_check_batch_names_that_make_the_same_folder(make_workbook, decisions_content):
    decisions_content["batches"].append(batch(name="Quý III-2024"))
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đợt khen thưởng", ô A3 (cột "Đợt"): đợt "Quý III-2024" và đợt ở dòng 2 cùng ra thư mục '
        '"quy-iii-2024"; hãy đặt tên đợt khác hẳn nhau.']


def test_check_submission_dates(make_workbook, decisions_content):
    decisions_content["nominations"][1]["submission_date"] = dt.date(2024, 9, 30)
    decisions_content["batches"][0]["submission_date"] = dt.date(2024, 9, 25)
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đợt khen thưởng", ô H2 (cột "Ngày tờ trình thẩm định"): ngày tờ trình thẩm định 25/9/2024 sau '
        "ngày ký dự kiến 24/9/2024.",
        'Lỗi: trang "Đề nghị khen thưởng", ô E3 (cột "Ngày tờ trình"): Tờ trình số 198/TTr-SYT của Sở Y tế đã ghi '
        "ngày 09/9/2024 ở dòng 2; một tờ trình chỉ có một ngày.",
        'Lỗi: trang "Đề nghị khen thưởng", ô E3 (cột "Ngày tờ trình"): ngày tờ trình 30/9/2024 sau ngày ký dự kiến '
        '24/9/2024 của đợt "Quý III/2024".',
    ]


def test_the_one_row_whose_submission_date_differs_from_the_others_is_blamed(make_workbook, decisions_content):
    nominations = decisions_content["nominations"]
    nominations.append(dict(nominations[1], name="Lê Văn Cường"))
    nominations[0]["submission_date"] = dt.date(2024, 9, 1)  # the first row is the odd one out
    assert problems(make_workbook, decisions_content) == [
        'Lỗi: trang "Đề nghị khen thưởng", ô E2 (cột "Ngày tờ trình"): Tờ trình số 198/TTr-SYT của Sở Y tế đã ghi '
        "ngày 09/9/2024 ở dòng 3; một tờ trình chỉ có một ngày."]


def test_check_names_typed_without_capitals(make_workbook, decisions_content):
    decisions_content["nominations"][1]["name"] = "trần thị ánh"
    decisions_content["nominations"][0]["name"] = "KHOA HỒI SỨC TÍCH CỰC"
    assert problems(make_workbook, decisions_content) == [
        'Cảnh báo: trang "Đề nghị khen thưởng", ô I2 (cột "Họ tên / Tên tập thể"): tên "KHOA HỒI SỨC TÍCH CỰC" '
        "viết toàn chữ in hoa; danh sách kèm theo in đúng như đã gõ.",
        'Cảnh báo: trang "Đề nghị khen thưởng", ô I3 (cột "Họ tên / Tên tập thể"): họ tên "trần thị ánh" có chữ '
        "đầu chưa viết hoa; văn bản in đúng như đã gõ.",
    ]


def test_two_units_with_the_same_submission_number_get_their_own_decisions(make_workbook, decisions_content,
                                                                           tmp_path):
    same = {"submission_no": "12/TTr-UBND", "submission_date": dt.date(2024, 9, 10)}
    decisions_content["nominations"] = [person("Lê Văn Nam", unit="UBND huyện Tiên Du", **same),
                                        person("Trần Văn Bình", unit="UBND huyện Quế Võ", **same)]
    decisions = decision_files(built(make_workbook, decisions_content, tmp_path))
    assert [p.name for p in decisions] == ["qd-05-bang-khen-tinh-ubnd-huyen-tien-du.docx",
                                           "qd-06-bang-khen-tinh-ubnd-huyen-que-vo.docx"]
    article_3 = [next(b for b in docx_blocks(docx.Document(p)) if b.startswith("Điều 3.")) for p in decisions]
    assert "Chủ tịch UBND huyện Tiên Du" in article_3[0] and "Quế Võ" not in article_3[0]
    assert "Chủ tịch UBND huyện Quế Võ" in article_3[1]


def test_summary_labels_use_the_decision_number_and_household_wording(make_workbook, decisions_content, tmp_path):
    decisions_content["agency"]["code"] = "SNV"
    decisions_content["nominations"].append(person("Hoàng Thị Sen", "Bà", kind="Hộ gia đình", position="",
                                                   workplace="thôn Kép"))
    built(make_workbook, decisions_content, tmp_path)
    rows = list(openpyxl.load_workbook(tmp_path / "out" / "quy-iii-2024" / "tong-hop-quy-iii-2024.xlsx")
                ["Danh sách"].iter_rows(min_row=2, max_row=4, values_only=True))
    assert [(r[1], r[4]) for r in rows] == [("05/QĐ-SNV", "Khoa Hồi sức tích cực"),
                                            ("05/QĐ-SNV", "Bà Trần Thị Ánh"),
                                            ("05/QĐ-SNV", "Hộ gia đình bà Hoàng Thị Sen")]


def test_a_typed_nhu_dieu_3_line_is_not_printed_twice(make_workbook, decisions_content, tmp_path):
    decisions_content["recipients"].insert(0, {"document": "Quyết định khen thưởng", "name": "Như Điều 3"})
    result = built(make_workbook, decisions_content, tmp_path)
    (path,) = decision_files(result)
    blocks = docx_blocks(docx.Document(path))
    assert blocks.count("- Như Điều 3;") == 1
    assert 'Trang "Nơi nhận", dòng 2: "Như Điều 3" được bỏ qua vì quyết định tự ghi dòng này.' \
        in result.manifest.skipped


HUNG_YEN_RULES = "Căn cứ Quy chế thi đua, khen thưởng của tỉnh Hưng Yên"
HUNG_YEN_PLAN = "Căn cứ Kế hoạch công tác thi đua, khen thưởng năm 2024 của Ủy ban nhân dân tỉnh Hưng Yên"


def test_an_agency_of_another_province_cites_its_own_lines_from_the_workbook(make_workbook, decisions_content,
                                                                            tmp_path):
    """The national lines come from can-cu.toml; the province's own from its "Căn cứ quyết định" sheet."""
    decisions_content["agency"].update(name_line_2="TỈNH HƯNG YÊN", place="Hưng Yên",
                                       short_name="UBND tỉnh Hưng Yên")
    decisions_content["decision_basis"] = [{"text": HUNG_YEN_RULES, "start": dt.date(2024, 1, 1)},
                                           {"text": HUNG_YEN_PLAN, "position": "Trước luật, nghị định"},
                                           {"text": HUNG_YEN_RULES + " (cũ)", "end": dt.date(2023, 12, 31)}]
    (path,) = decision_files(built(make_workbook, decisions_content, tmp_path))
    blocks = docx_blocks(docx.Document(path))
    assert [b for b in blocks if b.startswith("Căn cứ")] == [
        HUNG_YEN_PLAN + ";",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng;",
        HUNG_YEN_RULES + ";",
    ]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" in blocks
    assert "(Kèm theo Quyết định số 05/QĐ-UBND ngày 24 tháng 9 năm 2024 của Chủ tịch UBND tỉnh Hưng Yên)" in blocks
    assert "Bắc Ninh" not in "\n".join(blocks)


def test_a_workbook_without_its_own_lines_is_warned_and_cites_the_national_ones(make_workbook, decisions_content,
                                                                               tmp_path):
    workbook = make_workbook(decisions_content)
    book = openpyxl.load_workbook(workbook)
    del book["Căn cứ quyết định"]
    book.save(workbook)
    prepared = prepare(workbook, Settings())
    (warning,) = [p for p in prepared.problems if p.code == "co_quan.thieu_can_cu"]
    assert str(warning).startswith('Cảnh báo: trang "Căn cứ quyết định": sổ chưa có trang "Căn cứ quyết định"')
    (decision,) = [d for d in prepared.composition.documents if d.kind == "quyet_dinh"]
    assert [line.split(" ", 3)[2] for line in decision.context["can_cu"]] == ["Luật", "Luật", "Nghị"]


def test_an_obsolete_file_edited_by_hand_is_kept_with_a_warning(make_workbook, decisions_content, tmp_path):
    decisions_content["nominations"].append(person("Lê Văn Nam", unit="UBND huyện Tiên Du",
                                                   submission_no="15/TTr-UBND"))
    built(make_workbook, decisions_content, tmp_path)
    extra = tmp_path / "out" / "quy-iii-2024" / "qd-06-bang-khen-tinh-ubnd-huyen-tien-du.docx"
    edited = docx.Document(extra)
    edited.add_paragraph("Sửa tay")
    edited.save(extra)
    decisions_content["nominations"].pop()
    result = built(make_workbook, decisions_content, tmp_path)
    assert extra.exists() and extra not in result.removed
    assert "Sửa tay" in [p.text for p in docx.Document(extra).paragraphs]
    assert any("đã được sửa tay nên được giữ lại" in w and str(extra) in w for w in result.manifest.warnings)


def test_broken_rules_data_in_the_user_folder_is_a_vietnamese_message(make_workbook, decisions_content, settings,
                                                                     tmp_path):
    mau = tmp_path / "mau"
    mau.mkdir()
    forms = settings.data("khen-thuong.toml").read_text(encoding="utf-8")
    (mau / "khen-thuong.toml").write_text(forms.replace("value = 3.0", 'value = "x"', 1), encoding="utf-8")
    with pytest.raises(UserError) as failure:
        build(make_workbook(decisions_content), tmp_path / "out", Settings((mau,)))
    assert "khen-thuong.toml" in str(failure.value)
    assert not (tmp_path / "out").exists()


def test_a_filter_mistyped_in_the_users_template_stops_the_build_in_vietnamese(make_workbook, decisions_content,
                                                                               tmp_path):
    mau = tmp_path / "mau"
    edited_template(mau, "quyet-dinh.docx", "{{ dia_danh }}", "{{ dia_danh|uper }}")
    with pytest.raises(UserError) as failure:
        build(make_workbook(decisions_content), tmp_path / "out", Settings((mau,)))
    message = str(failure.value)
    assert message.startswith(f'Mẫu "{mau / "quyet-dinh.docx"}" có lỗi, chưa tạo văn bản nào.')
    assert 'đoạn "{{ dia_danh|uper }}, {{ ngay_ban_hanh }}"' in message
    assert 'Thực tế:  bộ lọc "uper" không có; có phải là "upper"?' in message
    assert not (tmp_path / "out").exists()


def test_a_field_misspelt_in_the_users_template_is_found_by_the_lint_with_the_closest_one(
        make_workbook, decisions_content, tmp_path):
    mau = tmp_path / "mau"
    edited_template(mau, "quyet-dinh.docx", "{{ dieu_1.doi_tuong }}", "{{ dieu_1.doi_tuongg }}")
    with pytest.raises(UserError) as failure:
        build(make_workbook(decisions_content), tmp_path / "out", Settings((mau,)))
    assert str(failure.value).startswith(f'Mẫu "{mau / "quyet-dinh.docx"}" có lỗi, chưa tạo văn bản nào.')
    assert 'Thực tế:  biến "dieu_1.doi_tuongg" không có; có phải là "dieu_1.doi_tuong"?' in str(failure.value)


def test_a_tag_computing_what_the_data_does_not_allow_stops_the_build_naming_its_paragraph(
        make_workbook, decisions_content, tmp_path):
    mau = tmp_path / "mau"
    edited_template(mau, "quyet-dinh.docx", "{{ dia_danh }}", "{{ dia_danh + nam }}")  # text plus a number
    with pytest.raises(UserError) as failure:
        build(make_workbook(decisions_content), tmp_path / "out", Settings((mau,)))
    assert str(failure.value) == (
        'Mẫu "quyet-dinh.docx" bị lỗi khi điền số liệu: một thẻ tính toán hoặc ghép những giá trị không đi với nhau '
        "(ví dụ cộng chữ với số, chia cho 0). Đoạn văn có thẻ lỗi: «{{ dia_danh + nam }}, {{ ngay_ban_hanh }}». "
        "Cần sửa cho đúng: thẻ in giá trị của biến như templates/README.md ghi, ví dụ {{ dia_danh }}, không tính "
        "toán trên giá trị đó.")
    assert not (tmp_path / "out").exists()


def test_a_namesake_in_the_same_list_keeps_her_prize_and_the_exception_names_the_whole_line(make_workbook,
                                                                                            tmp_path, rules):
    """Two "Bà Vũ Thị Giang" in one decision, one of them paid a higher title instead: Điều 2 tells which by her
    whole list line, and the decision read back pays the other."""
    from support.workbooks import TRUONG
    from tdkt_docs.register.from_docx import read_signed_docx

    content = commune_titles()
    content["nominations"].append({**TRUONG, "address": "Bà", "name": "Vũ Thị Giang", "form": "Lao động tiên tiến",
                                   "workplace": "Trường Mầm non Tam Giang"})
    built(make_workbook, content, tmp_path)
    lower = tmp_path / "out" / "quy-iii-2024" / "qd-20-lao-dong-tien-tien-truong-tieu-hoc-tam-giang.docx"
    assert ("Điều 2. Tiền thưởng kèm theo cho mỗi cá nhân là 710.000 đồng (riêng bà Vũ Thị Giang, Giáo viên, Trường "
            "Tiểu học Tam Giang nhận tiền thưởng của danh hiệu “Chiến sĩ thi đua cơ sở”); tổng số tiền: 1.420.000 "
            "đồng (Bằng chữ: Một triệu bốn trăm hai mươi nghìn đồng), trích từ Quỹ thi đua, khen thưởng của Ủy ban "
            "nhân dân xã Tam Giang năm 2024.") in docx_blocks(docx.Document(lower))
    read_back = read_signed_docx(lower, rules).awards
    assert [(a.name, a.unit, a.amount) for a in read_back] == [
        ("Lê Văn Bình", "Trường Tiểu học Tam Giang", 710000), ("Vũ Thị Giang", "Trường Tiểu học Tam Giang", 0),
        ("Vũ Thị Giang", "Trường Mầm non Tam Giang", 710000)]


def test_a_decision_whose_every_prize_is_paid_for_a_higher_title_has_no_money_article(make_workbook, tmp_path):
    content = commune_titles()
    content["nominations"] = content["nominations"][1:]  # Vũ Thị Giang alone: both her titles
    built(make_workbook, content, tmp_path)
    lower = docx_blocks(docx.Document(
        tmp_path / "out" / "quy-iii-2024" / "qd-20-lao-dong-tien-tien-truong-tieu-hoc-tam-giang.docx"))
    assert not any(b.startswith("Điều 3.") or "tổng số tiền" in b for b in lower)
    assert next(b for b in lower if b.startswith("Điều 2.")).startswith("Điều 2. Chánh Văn phòng")


def test_build_tells_the_format_warnings_of_what_it_writes(tmp_path):
    """An office template without the page-number field: each decision is written (a one-page document needs
    none) but the build says so once, naming the document, instead of keeping the check's warning to itself."""
    import shutil

    workbook = tmp_path / SAMPLE_2026.name
    shutil.copy(SAMPLE_2026, workbook)
    (tmp_path / "mau").mkdir()
    template = docx.Document(TEMPLATES / "quyet-dinh.docx")
    for section in template.sections:
        for paragraph in section.header.paragraphs:
            for child in [c for c in paragraph._p if c.tag != qn("w:pPr")]:
                paragraph._p.remove(child)
    template.save(tmp_path / "mau" / "quyet-dinh.docx")
    done = run_tdkt("build", workbook, "-o", tmp_path / "out")
    assert done.returncode == 0
    told = [line for line in done.stdout.splitlines() if "không có số trang" in line]
    assert len(told) == 1
    assert told[0].startswith('Cảnh báo: văn bản "') and told[0].endswith(
        '", đầu trang: quy định: số trang canh giữa trong phần lề trên, từ trang thứ hai (văn bản một trang '
        "không cần); thực tế: không có số trang.")
    assert told[0].split('"')[1] in {str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("qd-*.docx")}
    book = openpyxl.load_workbook(workbook)
    book.save(workbook)  # saved again, the same rows: a build that finds every decision standing as it was
    again = run_tdkt("build", workbook, "-o", tmp_path / "out")
    assert "Không có gì thay đổi" not in again.stdout and "0 tệp mới" in again.stdout
    assert [line for line in again.stdout.splitlines() if "không có số trang" in line] == told


def test_a_format_warning_is_told_once_a_template():
    from tdkt_docs.build import Output, _format_warnings
    from tdkt_docs.problems import Location, Problem, Severity

    def warned(kind: str, document: str) -> Output:
        return Output(kind, document, b"", warnings=(Problem(Severity.WARNING, "so_trang.thieu", "thiếu số trang.",
                                                             Location(document=document, paragraph="đầu trang")),))

    told = _format_warnings([warned("quyet_dinh", "qd-01.docx"), warned("quyet_dinh", "qd-02.docx"),
                             warned("to_trinh", "tt-01.docx")])
    assert [p.location.document for p in told] == ["qd-01.docx", "tt-01.docx"]
