"""Eligibility: nominations reviewed against the award register and the rest of the workbook, by the
rules of dieu-kien.toml, inside ``prepare`` (so ``tdkt check`` and ``tdkt build`` both show it)."""
from __future__ import annotations

import datetime as dt

import docx
import pytest
from sqlalchemy import select

from helpers import SAMPLE_2024, run_tdkt
from support.register import fill_signed, past, past_list, sqlite_url
from support.workbooks import batch, commune_titles
from tdkt_docs.build import InvalidWorkbook, build, prepare
from tdkt_docs.problems import Severity
from tdkt_docs.register.past import read_past_awards
from tdkt_docs.register.record import record
from tdkt_docs.register.store import open_register
from tdkt_docs.register.tables import awards
from tdkt_docs.settings import Settings

STREAK = ("Quy tắc: Chiến sĩ thi đua cấp tỉnh xét trong số cá nhân có 03 lần liên tục đạt danh hiệu Chiến sĩ thi "
          "đua cơ sở (Luật Thi đua, khen thưởng 2022 Điều 22; chưa đối chiếu với văn bản chính thức).")


def eligibility(problems) -> list:
    return [p for p in problems if p.code.startswith("dieu_kien.")]


def fill(url: str, folder, rows: list[dict], rules) -> None:
    with open_register(url) as register:
        record(register, read_past_awards(past_list(folder / "cu.xlsx", rows)), rules.register_forms)


def test_register_streak_same_year_in_check_and_build(tmp_path, rules):
    target = tmp_path / "so.sqlite"
    url = sqlite_url(target)
    fill(url, tmp_path, [
        past("20/QĐ-SNV", dt.date(2022, 12, 20), "CSTĐCS", "Nguyễn Đức Thịnh", "Sở Nội vụ"),
        past("21/QĐ-SNV", dt.date(2023, 12, 20), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh", "Sở Nội vụ"),
        {**past("22/QĐ-UBND", dt.date(2024, 6, 1), "Tập thể lao động xuất sắc", "Phòng Kinh tế",
                "UBND thành phố Từ Sơn"), "kind": "Tập thể", "address": "", "issuer": "UBND tỉnh Bắc Ninh"}], rules)
    settings = Settings(register_url=url)
    found = eligibility(prepare(SAMPLE_2024, settings).problems)
    assert [(p.severity, p.location.cell, p.code) for p in found] == [
        (Severity.WARNING, "I18", "dieu_kien.cstd_tinh_ba_nam_cstdcs"),
        (Severity.ERROR, "I22", "dieu_kien.mot_danh_hieu_mot_nam")]
    assert str(found[0]) == (
        'Cảnh báo: trang "Đề nghị khen thưởng", ô I18 (cột "Họ tên / Tên tập thể"): "Nguyễn Đức Thịnh": sổ theo dõi '
        "chỉ ghi nhận các năm: 2022, 2023 (Quyết định số 20/QĐ-SNV ngày 20/12/2022 (Sở Nội vụ tỉnh Bắc Ninh); "
        f"Quyết định số 21/QĐ-SNV ngày 20/12/2023 (Sở Nội vụ tỉnh Bắc Ninh)). {STREAK}")
    assert ("đã được tặng Tập thể lao động xuất sắc (Quyết định số 22/QĐ-UBND ngày 01/6/2024 (UBND tỉnh Bắc Ninh))"
            in found[1].message and "một danh hiệu thi đua chỉ xét tặng một lần cho một năm" in found[1].message)
    with pytest.raises(InvalidWorkbook) as raised:
        build(SAMPLE_2024, tmp_path / "out", settings)
    assert "ô I22" in str(raised.value) and not (tmp_path / "out").exists()
    ran = run_tdkt("check", SAMPLE_2024, "--so-theo-doi", target)
    assert ran.returncode == 1
    assert f"  {found[0]}" in ran.stdout.splitlines() and f"  {found[1]}" in ran.stdout.splitlines()
    fill(url, tmp_path, [past("23/QĐ-SNV", dt.date(2024, 12, 1), "Chiến sĩ thi đua cơ sở", "Nguyễn Đức Thịnh",
                              "Sở Nội vụ")], rules)  # the third year makes the streak
    assert [p.location.cell for p in eligibility(prepare(SAMPLE_2024, settings).problems)] == ["I22"]


def test_no_register_yet_and_an_older_workbook(tmp_path, settings):
    """Without a register only the workbook itself is reviewed; nothing is created. The sample predates the
    optional columns and the "Quyết định đã ký" sheet: neither is missed."""
    prepared = prepare(SAMPLE_2024, Settings(register_url=sqlite_url(tmp_path / "khong-co.sqlite")))
    assert not eligibility(prepared.problems) and not prepared.errors
    assert not [p for p in prepared.problems if "Năm sinh" in str(p) or "CCCD" in str(p) or "đã ký" in str(p)]
    assert not (tmp_path / "khong-co.sqlite").exists()
    assert [str(p) for p in prepare(SAMPLE_2024, settings).problems] == [str(p) for p in prepared.problems]


def test_within_workbook_and_an_interval_rule_from_mau(tmp_path, content, make_workbook, monkeypatch, rules):
    content["batches"] = [{"name": "Đợt 1", "quarter": "Quý IV", "signing": dt.date(2025, 12, 20),
                           "position": "CHỦ TỊCH", "signer": "Vương Quốc Tuấn", "submission_no": "9/TTr-SNV",
                           "submission_date": dt.date(2025, 12, 1)}]
    person = {"batch": "Đợt 1", "unit": "Sở Y tế", "submission_no": "3/TTr-SYT", "submission_date": dt.date(2025, 11, 1),
              "kind": "Cá nhân", "address": "Bà", "name": "Trần Thị Ánh", "workplace": "Sở Y tế",
              "form": "Bằng khen của Chủ tịch UBND tỉnh", "achievement": "Đã có thành tích xuất sắc năm 2025"}
    content["nominations"] = [person, {**person, "form": "Chiến sĩ thi đua cấp tỉnh"}]
    workbook = make_workbook(content)
    found = eligibility(prepare(workbook, Settings()).problems)
    assert [(p.severity, p.location.cell) for p in found] == [(Severity.WARNING, "I3")]
    assert "đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (dòng 2 của sổ này)" in found[0].message

    mau = tmp_path / "mau"
    mau.mkdir()
    (mau / "dieu-kien.toml").write_text('''
[[quy_tac]]
key = "bang_khen_5_nam"
loai = "khoang_cach"
ten = "cách nhau ít nhất 5 năm"
hinh_thuc = ["Bằng khen tỉnh"]
so_nam = 5
dieu_khoan = "Điều thử"
source = "thử"
verified = true
tuyet_doi = false
''', encoding="utf-8")
    target = tmp_path / "so.sqlite"
    fill(sqlite_url(target), tmp_path, [
        {**past("1/QĐ-UBND", dt.date(2022, 5, 1), "BK tỉnh", "Trần Thị Ánh", "Sở Y tế"), "address": "Bà"}], rules)
    monkeypatch.setenv("TDKT_SO_THEO_DOI", str(target))
    ran = run_tdkt("build", workbook, "-o", tmp_path / "out", "--mau", mau)
    assert ran.returncode == 0, ran.stderr
    assert ('Cảnh báo: trang "Đề nghị khen thưởng", ô I2 (cột "Họ tên / Tên tập thể"): "Trần Thị Ánh": đã được '
            "tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2022 (Quyết định số 1/QĐ-UBND ngày 01/5/2022 (Sở "
            "Nội vụ tỉnh Bắc Ninh)), chưa đủ 5 năm. Quy tắc: cách nhau ít nhất 5 năm (Điều thử).") \
        in ran.stdout.splitlines()
    assert f"Dùng tệp riêng của cơ quan: {mau / 'dieu-kien.toml'}" in ran.stdout.splitlines()
    assert "dòng 2 của sổ này" not in ran.stdout  # the shipped rules were replaced
    written = sorted(p.name for p in (tmp_path / "out").rglob("qd-*.docx"))
    assert len(written) == 2
    text = [p.text for p in docx.Document(next((tmp_path / "out").rglob("qd-*bang-khen*.docx"))).paragraphs]
    assert any("Bà Trần Thị Ánh" in t for t in text)


def test_a_signed_docx_the_build_wrote_is_the_workbooks_own(tmp_path, decisions_content, make_workbook,
                                                            empty_register):
    """A decision recorded from its signed .docx, as the build wrote it, is the award of the rows it was composed
    from (its list, tập thể first, is not in row order): checking the workbook again finds no earlier award. The
    same people's decision built from another workbook still is one."""
    decisions_content["nominations"].reverse()  # the person on row 2, the collective on row 3
    workbook = make_workbook(decisions_content)
    other = make_workbook({**decisions_content, "batches": [batch(first_number=7)]}, "so-lieu-khac.xlsx")
    for book, out in ((workbook, "out"), (other, "out-khac")):
        build(book, tmp_path / out, Settings())

    def record_signed(out: str, number: str) -> None:
        signed = next((tmp_path / out).rglob(f"qd-{number}-*.docx"))
        assert run_tdkt("ghi-so", "--quyet-dinh", signed, "--so-theo-doi", empty_register).returncode == 0

    record_signed("out", "05")
    with open_register(empty_register) as register, register.read() as conn:
        recorded = conn.execute(select(awards.c.name, awards.c.source, awards.c.source_row).order_by(awards.c.seq))
        assert recorded.all() == [("Khoa Hồi sức tích cực", "so-lieu.xlsx", 3), ("Trần Thị Ánh", "so-lieu.xlsx", 2)]
    assert eligibility(prepare(workbook, Settings(register_url=empty_register)).problems) == []
    record_signed("out-khac", "07")
    found = eligibility(prepare(workbook, Settings(register_url=empty_register)).problems)
    assert [(p.location.cell, p.code) for p in found] == [("I2", "dieu_kien.mot_thanh_tich"),
                                                          ("I3", "dieu_kien.mot_thanh_tich")]
    assert found[0].message.startswith(
        '"Trần Thị Ánh": đã được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (Quyết định số 07/QĐ-UBND ngày '
        "24/9/2024 (ỦY BAN NHÂN DÂN TỈNH BẮC NINH)). Quy tắc: không khen thưởng nhiều lần")


def test_the_batchs_own_decisions_once_recorded_are_not_earlier_awards(tmp_path, make_workbook, rules):
    """A person given Lao động tiên tiến (row 3) and Chiến sĩ thi đua cơ sở (row 4) in one batch is judged on the
    workbook (one prize, no warning); once both decisions are signed and recorded, checking the workbook again
    (for tdkt in-bang, a rebuild) must not call each the other's earlier award for the same achievement."""
    import openpyxl

    workbook = make_workbook(commune_titles())
    url = sqlite_url(tmp_path / "so.sqlite")
    assert eligibility(prepare(workbook, Settings(register_url=url)).problems) == []
    book = openpyxl.load_workbook(workbook)
    fill_signed(book, [["Quý III/2024", "1", "20", dt.date(2024, 9, 24)],
                       ["Quý III/2024", "2", "21", dt.date(2024, 9, 24)]])
    book.save(workbook)
    ran = run_tdkt("ghi-so", workbook, "--so-theo-doi", tmp_path / "so.sqlite")
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "Đã ghi: Quyết định số 21/QĐ-UBND ngày 24/9/2024: Chiến sĩ thi đua cơ sở" in ran.stdout
    assert eligibility(prepare(workbook, Settings(register_url=url)).problems) == []
    ran = run_tdkt("check", workbook, "--so-theo-doi", tmp_path / "so.sqlite")
    assert "đã được tặng" not in ran.stdout


def test_a_workbook_kept_for_the_next_year_sees_last_years_awards_as_earlier(tmp_path, make_workbook, rules):
    """The same file, batch name and rows a year later: what its rows became last year are earlier awards, not
    the batch's own decisions."""
    import openpyxl

    content = commune_titles()
    workbook = make_workbook(content)
    url = sqlite_url(tmp_path / "so.sqlite")
    book = openpyxl.load_workbook(workbook)
    fill_signed(book, [["Quý III/2024", "1", "20", dt.date(2024, 9, 24)],
                       ["Quý III/2024", "2", "21", dt.date(2024, 9, 24)]])
    book.save(workbook)
    assert run_tdkt("ghi-so", workbook, "--so-theo-doi", tmp_path / "so.sqlite").returncode == 0
    content["batches"][0] |= {"signing": dt.date(2025, 9, 24), "submission_date": dt.date(2025, 9, 16)}
    history = prepare(make_workbook(content), Settings(register_url=url)).resolution.history
    assert {row: [e.where for e in found] for row, found in history.items()} == {
        2: ["Quyết định số 20/QĐ-UBND ngày 24/9/2024 (ỦY BAN NHÂN DÂN XÃ TAM GIANG)"],
        3: ["Quyết định số 20/QĐ-UBND ngày 24/9/2024 (ỦY BAN NHÂN DÂN XÃ TAM GIANG)",
            "Quyết định số 21/QĐ-UBND ngày 24/9/2024 (ỦY BAN NHÂN DÂN XÃ TAM GIANG)"],
        4: ["Quyết định số 20/QĐ-UBND ngày 24/9/2024 (ỦY BAN NHÂN DÂN XÃ TAM GIANG)",
            "Quyết định số 21/QĐ-UBND ngày 24/9/2024 (ỦY BAN NHÂN DÂN XÃ TAM GIANG)"]}


def test_rows_of_two_batches_once_recorded_are_each_judged_by_their_own_batch(tmp_path, make_workbook, rules):
    """Lao động tiên tiến in Quý I, Chiến sĩ thi đua cơ sở in the year-end batch, of one person: once both are
    recorded, each row's own decision is matched to its own batch's date, not to the other row's."""
    import openpyxl

    content = commune_titles()
    first, year_end = (content["batches"][0] | {"name": "Quý I/2024", "quarter": "Quý I", "signing": dt.date(2024, 3, 20),
                                                "submission_date": dt.date(2024, 3, 10)},
                       content["batches"][0] | {"name": "Cuối năm 2024", "quarter": "Quý IV", "first_number": 50,
                                                "signing": dt.date(2024, 12, 20), "submission_no": "13/TTr-VP",
                                                "submission_date": dt.date(2024, 12, 10)})
    content["batches"] = [first, year_end]
    for nomination in content["nominations"][:2]:
        nomination |= {"batch": "Quý I/2024", "submission_date": dt.date(2024, 3, 1)}
    content["nominations"][2] |= {"batch": "Cuối năm 2024", "submission_date": dt.date(2024, 12, 1),
                                  "submission_no": "8/TTr-THTG"}
    workbook = make_workbook(content)
    url = sqlite_url(tmp_path / "so.sqlite")
    before = [str(p) for p in eligibility(prepare(workbook, Settings(register_url=url)).problems)]
    assert len(before) == 1
    book = openpyxl.load_workbook(workbook)
    fill_signed(book, [["Quý I/2024", "1", "20", dt.date(2024, 3, 20)],
                       ["Cuối năm 2024", "1", "50", dt.date(2024, 12, 20)]])
    book.save(workbook)
    assert run_tdkt("ghi-so", workbook, "--so-theo-doi", tmp_path / "so.sqlite").returncode == 0
    prepared = prepare(workbook, Settings(register_url=url))
    assert [str(p) for p in eligibility(prepared.problems)] == before and prepared.resolution.history == {}


def test_bad_rules_file_named(tmp_path, decisions_content, make_workbook):
    (tmp_path / "dieu-kien.toml").write_text('[[quy_tac]]\nkey = "x"\nloai = "mot_lan"\n', encoding="utf-8")
    ran = run_tdkt("check", make_workbook(decisions_content), "--mau", tmp_path)
    assert ran.returncode == 1
    assert ran.stderr.strip() == ('Tệp dữ liệu quy định dieu-kien.toml: quy tắc "x" có loai "mot_lan" không hợp lệ; '
                                  "chỉ dùng: cung_ky, cung_thanh_tich, lien_tuc, khoang_cach.")


def test_same_named_collectives_of_two_communes_of_one_district_are_two(content, make_workbook):
    """A collective is the same only within the same unit, written in full: the last part of the unit (the
    district) is not enough."""
    content["batches"] = [{"name": "Đợt 1", "quarter": "Quý IV", "signing": dt.date(2025, 12, 20),
                           "position": "CHỦ TỊCH", "signer": "Vương Quốc Tuấn", "submission_no": "9/TTr-SNV",
                           "submission_date": dt.date(2025, 12, 1)}]
    office = {"batch": "Đợt 1", "submission_date": dt.date(2025, 11, 1), "kind": "Tập thể", "name": "Văn phòng",
              "form": "Bằng khen của Chủ tịch UBND tỉnh", "achievement": "Đã có thành tích xuất sắc năm 2025"}
    content["nominations"] = [
        {**office, "unit": "UBND xã Đông Phong, huyện Yên Phong", "workplace": "UBND xã Đông Phong, huyện Yên Phong",
         "submission_no": "3/TTr-UBND"},
        {**office, "unit": "UBND xã Tam Giang, huyện Yên Phong", "workplace": "UBND xã Tam Giang, huyện Yên Phong",
         "submission_no": "4/TTr-UBND", "form": "Tập thể lao động xuất sắc"},
    ]
    assert eligibility(prepare(make_workbook(content), Settings()).problems) == []
    content["nominations"][1].update(unit=content["nominations"][0]["unit"],
                                     workplace=content["nominations"][0]["workplace"])
    found = eligibility(prepare(make_workbook(content), Settings()).problems)
    assert [(p.code, p.location.cell) for p in found] == [("dieu_kien.mot_thanh_tich", "I3")]


@pytest.mark.parametrize("kind, name, workplace, unit, kept", [
    ("Cá nhân", "Thượng tá Lê Hoàng Phúc", "Công an tỉnh", "Công an tỉnh", "Lê Hoàng Phúc"),
    ("Cá nhân", "Nguyễn  Văn An", "", "Sở Nội vụ", "Nguyễn Văn An"),
    ("Hộ gia đình", "Hộ gia đình ông Lý Văn Tư", "thôn Đông, xã Tam Giang", "UBND xã Tam Giang", "Lý Văn Tư"),
    ("Tập thể", "Văn phòng", "UBND xã Đông Phong, huyện Yên Phong", "UBND xã Đông Phong", "Văn phòng"),
    ("Tập thể", "Văn phòng", "", "Sở Y tế", "Văn phòng"),
])
def test_namesakes_are_keyed_as_the_register_keeps_the_recipient(kind, name, workplace, unit, kept):
    """The key that groups possible namesakes is made from the nomination, without the register's row: it is
    the kind and the name the register would keep (rank and "Hộ gia đình ông" taken off), and a collective's
    unit in full."""
    from tdkt_docs.glossary import RecipientKind
    from tdkt_docs.read.records import Nomination
    from tdkt_docs.register.eligibility import Probe
    from tdkt_docs.rules.awards import Award
    from tdkt_docs.rules.collation import match_key, name_key

    n = Nomination(batch="Đợt 1", unit=unit, unit_head="", submission_no="1/TTr", submission_date=None,
                   kind=RecipientKind(kind), address="", rank="", name=name, position="", workplace=workplace,
                   form="Bằng khen", achievement="", appraisal=None)
    probe = Probe(Award(n, None, None, None))
    row = probe.row
    collective = row.kind is RecipientKind.COLLECTIVE
    assert probe.namesake_key == (row.kind, name_key(row.name),
                                  match_key(row.unit or row.proposing_unit) if collective else "")
    assert probe.namesake_key[1] == name_key(kept)
