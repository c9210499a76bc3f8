"""`tdkt build` on the sample: the Kế hoạch matches the Bắc Ninh 2024 seed text."""
import json
import re
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT

from tdkt_docs.build import build, prepare
from tdkt_docs.check.document import check_document
from tdkt_docs.check.rulebook import Rulebook

from helpers import SAMPLE_2024, SAMPLE_2026, collapse, current_umask, docx_blocks, run_tdkt
from support.workbooks import AGENCY

SEED = Path(__file__).parent / "data" / "ke-hoach-tdkt-2024-bac-ninh.txt"
# The seed text was extracted from a paginated document: these paragraphs were cut
# at page ends and are joined again.
PAGE_SPLITS = ["nhiệm vụ chính trị của địa", "phải được thực hiện từ cơ sở"]
# The seed's appendix line says "tháng 01" while its own header leaves the month
# blank; one document has one issue date, so both places show the same blank date.
SEED_DATE_DEVIATION = ("ngày tháng 01 năm 2024", "ngày tháng năm 2024")
# Header lines the seed text lost in extraction (they sit in the header table).
HEADER_ONLY = {"ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
               "Độc lập - Tự do - Hạnh phúc"}


def seed_blocks() -> list[str]:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and any(joined[-1].endswith(cut) for cut in PAGE_SPLITS):
            joined[-1] += " " + line
        else:
            joined.append(line)
    blocks = []
    for line in joined:
        line = line.replace("**", "").replace("*“", "“").replace("”*", "”")
        if "\t" in line:
            cells = [collapse(c) for c in line.split("\t")]
            blocks.append("\t".join(cells + [""] * (6 - len(cells))))
        else:
            blocks.append(collapse(line.replace(*SEED_DATE_DEVIATION)))
    return blocks


@pytest.fixture(scope="module")
def built(sample_2024_built):
    return sample_2024_built


@pytest.fixture(scope="module")
def plan(built):
    return docx.Document(built / "ke-hoach-tdkt-2024.docx")


def test_text_matches_the_seed_paragraph_by_paragraph_and_row_by_row(plan):
    ours = [b for b in docx_blocks(plan) if b not in HEADER_ONLY]
    assert ours == seed_blocks()


def test_header_agency_and_national_title_come_first(plan):
    assert docx_blocks(plan)[:6] == [
        "ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: /KH-UBND", "Bắc Ninh, ngày tháng năm 2024"]


def test_blank_number_and_date_keep_the_hand_fill_gap(plan):
    header = plan.tables[0]
    texts = [p.text for row in header.rows for cell in row.cells for p in cell.paragraphs]
    assert "Số:       /KH-UBND" in texts
    assert "Bắc Ninh, ngày      tháng      năm 2024" in texts


def test_appendix_is_its_own_landscape_section(plan):
    first, appendix = plan.sections
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height
    assert appendix.orientation == WD_ORIENT.LANDSCAPE and appendix.page_width > appendix.page_height
    table = plan.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Nội dung thực hiện", "Đơn vị chỉ đạo", "Đơn vị thực hiện", "Đơn vị phối hợp", "Ghi chú"]
    groups = [row.cells[1].text for row in table.rows if row.cells[0].text in ("I", "II", "III", "IV")]
    assert groups == ["Quý I", "Quý II", "Quý III", "Quý IV"]
    cell = next(row.cells[3] for row in table.rows if row.cells[3].text.startswith("- Các địa phương, đơn vị;"))
    assert [p.text for p in cell.paragraphs] == [
        "- Các địa phương, đơn vị;", "- Cụm trưởng, Khối trưởng các Cụm, Khối thi đua"]


def test_manifest_lists_the_plan_with_its_workbook_rows(built):
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["workbook"] == "tdkt-2024.xlsx"
    (entry,) = [d for d in manifest["documents"] if d["kind"] == "ke_hoach"]
    assert entry["path"] == "ke-hoach-tdkt-2024.docx"
    sources = {s["sheet"]: s["rows"] for s in entry["sources"]}
    assert sources["Phụ lục"] == list(range(2, 27))
    assert sources["Căn cứ"] == [2, 3, 4, 5, 6]
    assert len(sources["Nơi nhận"]) == 10


def set_year(source: Path, target: Path, year: int) -> Path:
    shutil.copy(source, target)
    book = openpyxl.load_workbook(target)
    ws = book["Kế hoạch"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Năm kế hoạch")
    ws.cell(row, 2).value = year
    book.save(target)
    return target


def test_year_2025_rebuild_moves_every_year_and_anniversary(tmp_path):
    workbook = set_year(SAMPLE_2024, tmp_path / "tdkt-2025.xlsx", 2025)
    done = run_tdkt("build", workbook, "-o", tmp_path / "out", "--mau", SAMPLE_2024.parent / "mau")
    assert done.returncode == 0, done.stderr
    document = docx.Document(tmp_path / "out" / "ke-hoach-tdkt-2025.docx")
    text = "\n".join(docx_blocks(document))
    for expected in [
        "Công tác thi đua, khen thưởng năm 2025",
        "kỷ niệm 95 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025); "
        "135 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2025); "
        "77 năm ngày Bác Hồ ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2025); "
        "80 năm Cách mạng Tháng Tám và Quốc khánh 02/9 (1945 - 2025)",
        "nhiệm vụ kinh tế - xã hội năm 2025, UBND tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2025",
        "Xây dựng kế hoạch chi tiết triển khai thực hiện nhiệm vụ công tác thi đua khen thưởng năm 2025;",
        "PHỤ LỤC THỰC HIỆN NHIỆM VỤ NĂM 2025",
        "(Kèm theo Kế hoạch số /KH-UBND, ngày tháng năm 2025 của UBND tỉnh Bắc Ninh)",
        "Bắc Ninh, ngày tháng năm 2025",
    ]:
        assert expected in text
    # Only workbook data (Căn cứ, Nơi nhận, the appendix rows) may still say 2024.
    data_lines = {line for line in seed_blocks() if line.startswith(("Căn cứ", "- ")) or "\t" in line}
    template_lines = [b for b in docx_blocks(document) if b not in data_lines]
    assert [line for line in template_lines if re.search(r"2024|\b94 năm|\b134 năm|\b79 năm|\b76 năm", line)] == []


def test_a_second_build_with_unchanged_input_rewrites_nothing(sample_2024_copy):
    out = sample_2024_copy
    target = out / "ke-hoach-tdkt-2024.docx"
    before = target.stat().st_mtime_ns, target.read_bytes()
    done = run_tdkt("build", SAMPLE_2024, "-o", out)
    assert done.returncode == 0
    assert f"Không đổi: {target}" in done.stdout
    assert (target.stat().st_mtime_ns, target.read_bytes()) == before


def test_a_document_edited_by_hand_is_kept_unless_forced(sample_2024_copy):
    out = sample_2024_copy
    target = out / "ke-hoach-tdkt-2024.docx"
    edited = docx.Document(target)
    edited.add_paragraph("Sửa tay")
    edited.save(target)
    done = run_tdkt("build", SAMPLE_2024, "-o", out)
    assert "đã được sửa tay" in done.stdout and "--force" in done.stdout
    assert "Sửa tay" in [p.text for p in docx.Document(target).paragraphs]
    done = run_tdkt("build", SAMPLE_2024, "-o", out, "--force")
    assert f"Đã tạo: {target}" in done.stdout
    assert "Sửa tay" not in [p.text for p in docx.Document(target).paragraphs]


def test_generated_files_get_ordinary_permissions(built):
    assert (built / "ke-hoach-tdkt-2024.docx").stat().st_mode & 0o777 == 0o666 & ~current_umask()


def test_built_appendix_table_repeats_its_header_and_never_splits_rows(plan):
    from docx.oxml.ns import qn
    table = plan.tables[-1]._tbl
    rows = table.findall(qn("w:tr"))
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)
    headers = [s.header for s in plan.sections]
    assert all(s.different_first_page_header_footer for s in plan.sections)
    assert all("PAGE" in "".join(h._element.xpath(".//w:instrText/text()")) or
               h._element.xpath(".//w:fldSimple[contains(@w:instr, 'PAGE')]") for h in headers)


def test_every_sample_output_passes_the_format_checker(sample_2024_built, settings, rules, tmp_path):
    book = Rulebook(rules.nd30)
    built_2026 = build(SAMPLE_2026, tmp_path / "2026", settings).outdir
    for folder in (sample_2024_built, built_2026):
        documents = sorted(folder.rglob("*.docx"))
        assert documents
        assert {p.name: check_document(p, book) for p in documents} == {p.name: [] for p in documents}


SO_Y_TE = {"level": "Sở, ban, ngành", "parent": "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "name_line_1": "SỞ Y TẾ",
           "short_name": "Sở Y tế", "code": "SYT", "place": "Bắc Ninh", "head": "Giám đốc", "archive": "VT, VP"}


@pytest.mark.parametrize("agency, plan, last", [
    (SO_Y_TE, {"authority": None, "position": "GIÁM ĐỐC", "signer": "Lê Văn Minh"}, "- Lưu: VT, VP."),  # as init --cap so
    ({**AGENCY, "archive": None}, {}, "- Lưu: VT, NC."),  # both blank: the level's usual wording
])
def test_a_blank_noi_luu_ends_the_plan_as_the_decisions_end(make_workbook, content, tmp_path, agency, plan, last):
    content["agency"] = agency
    content["plan"].update(archive=None, **plan)
    book = make_workbook(content)
    assert run_tdkt("check", book).returncode == 0
    assert run_tdkt("build", book, "-o", tmp_path / "out").returncode == 0
    found = docx_blocks(docx.Document(tmp_path / "out" / "ke-hoach-tdkt-2024.docx"))
    assert found[found.index("Nơi nhận:") + 1:][:2] == ["- Các Sở, ban, ngành tỉnh;", last]


def test_a_peoples_committee_plan_left_without_its_authority_line_is_signed_on_behalf_of_the_committee(
        make_workbook, content, tmp_path):
    """NĐ 30: a Kế hoạch of an Ủy ban nhân dân is signed "TM. ỦY BAN NHÂN DÂN"; left blank, the line is written
    so, and said; a Sở's is signed by its Giám đốc alone (above)."""
    content["plan"].update(authority=None, position="PHÓ CHỦ TỊCH", signer="Vương Quốc Tuấn")
    book = make_workbook(content)
    done = run_tdkt("build", book, "-o", tmp_path / "out")
    assert done.returncode == 0
    assert ('Lưu ý: Kế hoạch ký "TM. ỦY BAN NHÂN DÂN": trang "Kế hoạch" để trống "Thẩm quyền ký"; văn bản của '
            "Ủy ban nhân dân ký thay mặt tập thể (Nghị định 30/2020/NĐ-CP).") in done.stdout
    found = docx_blocks(docx.Document(tmp_path / "out" / "ke-hoach-tdkt-2024.docx"))
    start = found.index("TM. ỦY BAN NHÂN DÂN")
    assert found[start:start + 4] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vương Quốc Tuấn"]


def test_progress_is_reported_for_every_document(make_workbook, content, settings, tmp_path):
    import contextlib
    seen = []

    @contextlib.contextmanager
    def progress(total, label):
        counted = []
        yield counted.append
        seen.append((label, total, sum(counted)))

    build(make_workbook(content), tmp_path / "out", settings, progress=progress)
    assert seen == [("Đang tạo văn bản", 1, 1)]


def test_the_collector_is_eased_during_a_build_and_restored_after(make_workbook, content, settings, tmp_path):
    """A build raises the youngest generation's threshold while it runs, then leaves the collector as it found
    it: the same thresholds, nothing frozen. So does a workbook only prepared (the web page's check)."""
    import contextlib
    import gc

    from tdkt_docs.collector import FIRST_GENERATION
    during = []

    @contextlib.contextmanager
    def progress(total, label):
        during.append((gc.get_threshold()[0], gc.get_freeze_count() > 0))
        yield lambda n: None

    before = gc.get_threshold()
    build(make_workbook(content), tmp_path / "out", settings, progress=progress)
    assert during == [(FIRST_GENERATION, True)]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert prepare(make_workbook(content), settings).composition.documents
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_what_a_build_made_is_not_counted_as_new_when_it_ends():
    """What a build made joins the oldest generation when it ends: the thresholds put back with all it made
    counted in the youngest generation would set off a collection at once, walking everything the build still
    holds to find nothing (its objects hold no cycles; they go as they are let go)."""
    import gc

    from tdkt_docs import collector

    collections: list[int] = []

    def seen(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    usual = gc.get_threshold()[0]
    gc.collect()  # the young generation's count starts at nought: what the test makes sets off nothing before
    gc.callbacks.append(seen)
    try:
        with collector.spared():
            collector.settle()
            made = [[] for _ in range(5 * usual)]  # documents and entries made after a stage
        young = gc.get_count()[0]
        after = [[] for _ in range(10)]
    finally:
        gc.callbacks.remove(seen)
    assert young < usual and collections == [] and len(made) > len(after)


def test_overlapping_builds_leave_the_collector_to_the_last_one():
    """Builds in two threads of the web page: the first to end leaves the collector eased for the other, and
    unfreezes what was frozen (garbage of either build would otherwise stay while builds keep overlapping)."""
    import gc

    from tdkt_docs import collector

    before = gc.get_threshold()
    with collector.spared():
        with collector.spared():
            collector.settle()
            assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == collector.FIRST_GENERATION and gc.get_freeze_count() == 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    collector.settle()  # outside any build: nothing is frozen
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("reviewed", [True, False])
def test_no_memo_holds_every_name(make_workbook, reviewed):
    """People's names are keyed without the memo of repeated texts (units, forms, batches): every name of a
    year-end workbook would otherwise stay in memory through rendering, and its review. Three times the names,
    and the memo holds about as many texts."""
    from tdkt_docs.build import prepare
    from tdkt_docs.rules.collation import match_key
    from tdkt_docs.settings import Settings
    from helpers import year_end_content

    memo = []
    for per_decision in (20, 60):
        match_key.cache_clear()
        prepared = prepare(make_workbook(year_end_content(n_decisions=4, per_decision=per_decision)), Settings(),
                           reviewed=reviewed)
        assert len(prepared.composition.documents) >= 4 and not prepared.errors
        memo.append(match_key.cache_info().currsize)  # by reading, resolving and composing
        if not reviewed:
            prepared.review(None)
    assert memo[1] - memo[0] < (240 - 80) // 4


def test_what_reading_memoised_is_let_go_once_the_workbook_is_read(make_workbook):
    """A year-end workbook's texts would otherwise stay in the reader's memos through rendering."""
    from tdkt_docs.read import cells, legacy, load
    from helpers import year_end_content

    data = load(make_workbook(year_end_content(n_decisions=4, per_decision=20)))
    assert len(data.all("nominations")) == 80
    assert cells._blank_text.cache_info().currsize == 0 and legacy._weight.cache_info().currsize == 0
