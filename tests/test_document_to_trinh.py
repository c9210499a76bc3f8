"""The Tờ trình of each batch: the appraising body's proposal, in agreement with the decisions it proposes."""
from __future__ import annotations

import json

import docx
import pytest

from helpers import SAMPLES, docx_blocks
from support.documents import BOOK
from tdkt_docs.build import build
from tdkt_docs.check.document import check_document
from tdkt_docs.settings import Settings

SO_GDDT = SAMPLES / "so-gddt-bac-ninh" / "tdkt-nam-hoc-2025-2026.xlsx"


def blocks(path):
    return docx_blocks(docx.Document(path))


def test_the_tờ_trình_of_a_provincial_batch_word_for_word(sample_2024_built):
    text = blocks(sample_2024_built / "quy-iii-2024" / "to-trinh-quy-iii-2024.docx")
    assert text[:9] == ["ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số: 142/TTr-SNV", "Bắc Ninh, ngày 16 tháng 9 năm 2024",
                        "TỜ TRÌNH", "Về việc đề nghị khen thưởng đợt Quý III/2024",
                        "Kính gửi: Chủ tịch UBND tỉnh Bắc Ninh"]
    assert ("Căn cứ Quyết định số 13/2024/QĐ-UBND ngày 31 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh ban hành Quy chế "
            "về công tác thi đua, khen thưởng của tỉnh Bắc Ninh;") in text
    assert ("Trên cơ sở tờ trình đề nghị của các đơn vị, Sở Nội vụ đã thẩm định hồ sơ đề nghị khen thưởng đợt Quý "
            "III/2024: 06 đề nghị của 02 đơn vị, 06 đề nghị đủ điều kiện. Tổng hợp như sau:") in text
    table = text[text.index("STT\tĐơn vị trình\tTờ trình\tHình thức khen thưởng\tTập thể\tCá nhân\tHộ gia đình\t"
                            "Số tiền (đồng)") + 1:][:4]
    assert table == [
        "1\tCông an tỉnh\t210/TTr-CAT ngày 05/9/2024\tBằng khen của Chủ tịch Ủy ban nhân dân tỉnh\t0\t3\t0\t10.530.000",
        "2\tSở Y tế\t198/TTr-SYT ngày 09/9/2024\tBằng khen của Chủ tịch Ủy ban nhân dân tỉnh\t0\t2\t0\t7.020.000",
        "3\tCông an tỉnh\t210/TTr-CAT ngày 05/9/2024\tCờ thi đua của Ủy ban nhân dân tỉnh\t1\t0\t0\t18.720.000",
        "\tTổng cộng\t\t\t1\t5\t0\t36.270.000",
    ]
    assert "(Có 03 dự thảo quyết định kèm theo:" in text  # counts in two digits, as the paragraph above
    assert text[-7:] == [
        "3. Dự thảo Quyết định tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 01 tập thể).",
        "Sở Nội vụ kính trình Chủ tịch UBND tỉnh Bắc Ninh xem xét, quyết định./.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn Quyết"]
    assert check_document(sample_2024_built / "quy-iii-2024" / "to-trinh-quy-iii-2024.docx", BOOK) == []


def test_counts_and_money_equal_those_of_the_decisions_it_proposes(sample_2024_built):
    entries = json.loads((sample_2024_built / "manifest.json").read_text(encoding="utf-8"))["documents"]
    for submission in (e for e in entries if e["kind"] == "to_trinh"):
        batch = submission["extra"]["dot"]
        decisions = [e for e in entries if e["kind"] == "quyet_dinh" and e["extra"]["dot"] == batch]
        assert submission["extra"]["so_nguoi"] == sum(d["extra"]["so_nguoi"] for d in decisions)
        assert submission["extra"]["tong_tien"] == sum(d["extra"]["tong_tien"] for d in decisions)
        text = blocks(sample_2024_built / submission["path"])
        total = next(line for line in text if line.startswith("\tTổng cộng")).split("\t")
        assert int(total[4]) + int(total[5]) + int(total[6]) == submission["extra"]["so_nguoi"]
        assert int(total[7].replace(".", "")) == submission["extra"]["tong_tien"]
        drafts = [line for line in text if line[:1].isdigit() and ". Dự thảo Quyết định" in line]
        assert len(drafts) == len(decisions)


def test_a_lower_title_of_the_same_batch_is_not_counted_in_the_total(make_workbook, settings, tmp_path):
    """Lao động tiên tiến and Chiến sĩ thi đua cơ sở of one person in one batch: only the higher is paid, and the
    Tờ trình's total is the decisions' (710.000 + 2.340.000, not 710.000 × 2 + 2.340.000)."""
    from support.workbooks import commune_titles

    result = build(make_workbook(commune_titles()), tmp_path / "out", settings)
    (path,) = [result.outdir / o.path for o in result.outputs if o.kind == "to_trinh"]
    text = blocks(path)
    table = text[text.index("STT\tĐơn vị trình\tTờ trình\tHình thức khen thưởng\tTập thể\tCá nhân\tHộ gia đình\t"
                            "Số tiền (đồng)") + 1:][:3]
    assert table == [
        "1\tTrường Tiểu học Tam Giang\t7/TTr-THTG ngày 09/9/2024\tLao động tiên tiến\t0\t2\t0\t710.000",
        "2\tTrường Tiểu học Tam Giang\t7/TTr-THTG ngày 09/9/2024\tChiến sĩ thi đua cơ sở\t0\t1\t0\t2.340.000",
        "\tTổng cộng\t\t\t0\t3\t0\t3.050.000",
    ]
    assert [o.extra["tong_tien"] for o in result.manifest.documents if o.kind == "to_trinh"] == [3_050_000]


def test_a_departments_tờ_trình_comes_from_its_office_to_its_director(tmp_path):
    result = build(SO_GDDT, tmp_path / "out", Settings.for_workbook(SO_GDDT))
    (path,) = [result.outdir / o.path for o in result.outputs if o.kind == "to_trinh"]
    text = blocks(path)
    assert text[:2] == ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "VĂN PHÒNG"]
    assert "Kính gửi: Giám đốc Sở Giáo dục và Đào tạo" in text
    assert text[-2:] == ["CHÁNH VĂN PHÒNG", "Trần Minh Đức"]
    assert check_document(path, BOOK) == []


def test_a_batch_without_the_tờ_trình_signer_gets_a_note_not_a_document(make_workbook, decisions_content, settings,
                                                                       tmp_path):
    result = build(make_workbook(decisions_content), tmp_path / "out", settings)
    assert [o.kind for o in result.outputs if o.kind == "to_trinh"] == []
    assert any('Chưa tạo Tờ trình của đợt "Quý III/2024"' in note for note in result.manifest.skipped)


@pytest.mark.parametrize("name, words", [
    ("Đợt 1/2024", "1/2024"), ("dot 1/2024", "1/2024"), ("ĐỢT 2/2024", "2/2024"),
    ("Tổng kết năm 2024", "tổng kết năm 2024"), ("Quý III/2024", "Quý III/2024"),
])
def test_the_batch_name_follows_the_word_đợt_once(make_workbook, decisions_content, settings, tmp_path, name, words):
    decisions_content["batches"][0].update(name=name, appraisal_position="GIÁM ĐỐC", appraisal_signer="Nguyễn Văn Quyết")
    for nomination in decisions_content["nominations"]:
        nomination["batch"] = name
    result = build(make_workbook(decisions_content), tmp_path / "out", settings)
    (path,) = [result.outdir / o.path for o in result.outputs if o.kind == "to_trinh"]
    text = blocks(path)
    assert text[text.index("TỜ TRÌNH") + 1] == f"Về việc đề nghị khen thưởng đợt {words}"
    assert any(f"đã thẩm định hồ sơ đề nghị khen thưởng đợt {words}: 02 đề nghị" in b for b in text)
    assert [o.title for o in result.outputs if o.kind in ("to_trinh", "tong_hop")] == [
        f"Tờ trình đề nghị khen thưởng đợt {words}", f"Tổng hợp khen thưởng và phát hành đợt {words}"]


@pytest.mark.soffice
def test_the_tờ_trình_stands_first_in_its_batchs_signing_bundle(make_workbook, decisions_content, settings, tmp_path):
    decisions_content["batches"][0].update(appraisal_position="GIÁM ĐỐC", appraisal_signer="Nguyễn Văn Quyết")
    result = build(make_workbook(decisions_content), tmp_path / "out", settings, pdf=True)
    (bundle,) = result.entries("bo_in")
    titles = [item["ten"] for item in bundle.extra["van_ban"]]
    assert titles[0] == "Tờ trình đề nghị khen thưởng đợt Quý III/2024" and titles[1].startswith("Quyết định tặng")


def test_the_decisions_are_composed_once_for_both_document_types(monkeypatch, settings):
    """The Tờ trình proposes the decisions the build composes: they are composed once, not once per type."""
    from tdkt_docs.build import prepare
    from tdkt_docs.documents import quyet_dinh

    calls = []
    compose = quyet_dinh._decision_batches
    monkeypatch.setattr(quyet_dinh, "_decision_batches", lambda inputs: calls.append(1) or compose(inputs))
    prepared = prepare(SAMPLES / "bac-ninh-2024" / "tdkt-2024.xlsx", settings)
    kinds = {plan.kind for plan in prepared.composition.documents}
    assert {"to_trinh", "quyet_dinh"} <= kinds
    assert len(calls) == 1
