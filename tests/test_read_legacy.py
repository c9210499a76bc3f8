"""Legacy Vietnamese encodings (TCVN3, VNI): tables, detection, the reader hook, fix_workbook."""
from __future__ import annotations

import string
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, strategies as st
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from tdkt_docs.errors import UserError
from tdkt_docs.read.legacy import TCVN3, VNI, detect, fix_workbook, from_unicode, to_unicode
from tdkt_docs.problems import Severity
from tdkt_docs.read.workbook import read_workbook

SEED = Path(__file__).parent / "data" / "ke-hoach-tdkt-2024-bac-ninh.txt"

PHRASES = ["Tiếng Việt", "Ủy ban nhân dân tỉnh Bắc Ninh", "Nguyễn Thị Hương",
           "Đảng Cộng sản Việt Nam", "thi đua, khen thưởng"]

# Whole TCVN3 (ABC) code set in a public converter's order, and the letters it stands for.
TCVN3_CODES = ("µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô"
               "\xadõøö÷ùúýûüþ¡¢§£¤¥¦")
TCVN3_LETTERS = ("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụ"
                 "ưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ")

# Every VNI-Windows upper-case letter as in a public keyboard driver's table.
VNI_UPPER = ("AÙ AØ AÛ AÕ AÏ AÂ AÁ AÀ AÅ AÃ AÄ AÊ AÉ AÈ AÚ AÜ AË EÙ EØ EÛ EÕ EÏ EÂ EÁ EÀ EÅ EÃ EÄ "
             "OÙ OØ OÛ OÕ OÏ OÂ OÁ OÀ OÅ OÃ OÄ Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ UÙ UØ UÛ UÕ UÏ Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ "
             "Í Ì Æ Ó Ò YÙ YØ YÛ YÕ Î Ñ").split()
UNICODE_UPPER = ("ÁÀẢÃẠÂẤẦẨẪẬĂẮẰẲẴẶÉÈẺẼẸÊẾỀỂỄỆÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰ"
                 "ÍÌỈĨỊÝỲỶỸỴĐ")

# Strings as they are seen in old files and public converters' examples.
KNOWN = [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc"),
    ("Ninh B×nh", TCVN3, "Ninh Bình"),
    ("B¶o Th¾ng", TCVN3, "Bảo Thắng"),
    ("M\xadêng Kh\xad¬ng", TCVN3, "Mường Khương"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", VNI, "Độc lập - Tự do - Hạnh phúc"),
    ("Xin chaøo caùc baïn", VNI, "Xin chào các bạn"),
    ("Tieáng Vieät", VNI, "Tiếng Việt"),
    ("TiÕng ViÖt", TCVN3, "Tiếng Việt"),
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def vietnamese_letters() -> list[str]:
    letters = [nfc(base + tone) for base in "aăâeêioôơuưy" for tone in ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")]
    return letters + ["đ"]


LOWER = vietnamese_letters()
UPPER = [letter.upper() for letter in LOWER]


def test_tcvn3_code_set_decodes_to_its_letters():
    assert len(TCVN3_CODES) == len(TCVN3_LETTERS) == 74
    assert to_unicode(TCVN3_CODES, TCVN3) == TCVN3_LETTERS


def test_vni_upper_case_table():
    assert len(VNI_UPPER) == len(UNICODE_UPPER) == 67
    assert [to_unicode(code, VNI) for code in VNI_UPPER] == list(UNICODE_UPPER)


def test_vni_lower_case_is_the_upper_table_lowered():
    assert [to_unicode(code.lower(), VNI) for code in VNI_UPPER] == list(UNICODE_UPPER.lower())


def test_every_vietnamese_letter_round_trips():
    for letter in LOWER + UPPER:
        assert to_unicode(from_unicode(letter, VNI), VNI) == letter
    for letter in LOWER + list("ĂÂÊÔƠƯĐ"):
        assert to_unicode(from_unicode(letter, TCVN3), TCVN3) == letter


@pytest.mark.parametrize("legacy, encoding, unicode", KNOWN)
def test_known_strings(legacy, encoding, unicode):
    assert detect(legacy) == encoding
    assert to_unicode(legacy, encoding) == unicode


# TCVN3 has no upper-case toned letters: "Ủy ban" has its own test below.
@pytest.mark.parametrize("phrase, encoding", [(p, e) for p in PHRASES for e in (TCVN3, VNI)
                                              if not (e == TCVN3 and p.startswith("Ủ"))])
def test_phrases_both_ways(phrase, encoding):
    legacy = from_unicode(phrase, encoding)
    assert legacy != phrase
    assert detect(legacy) == encoding
    assert to_unicode(legacy, encoding) == phrase


def test_tcvn3_phrase_with_upper_case_toned_letter_reads_lower_case():
    legacy = from_unicode("Ủy ban nhân dân tỉnh Bắc Ninh", TCVN3)
    assert legacy == "ñy ban nh©n d©n tØnh B¾c Ninh"
    assert to_unicode(legacy, TCVN3) == "ủy ban nhân dân tỉnh Bắc Ninh"


def test_phrase_literals():
    assert from_unicode("Nguyễn Thị Hương", TCVN3) == "NguyÔn ThÞ H\xad¬ng"
    assert from_unicode("Đảng Cộng sản Việt Nam", VNI) == "Ñaûng Coäng saûn Vieät Nam"
    assert from_unicode("Ủy ban nhân dân tỉnh Bắc Ninh", VNI) == "UÛy ban nhaân daân tænh Baéc Ninh"
    assert from_unicode("thi đua, khen thưởng", TCVN3) == "thi ®ua, khen th\xadëng"


def test_tcvn3_upper_case_toned_letters_use_lower_codes():
    assert from_unicode("ỦY BAN", TCVN3) == "ñY BAN"
    assert to_unicode("ñy ban", TCVN3) == "ủy ban"


def test_result_is_nfc():
    assert unicodedata.is_normalized("NFC", to_unicode("Nguyeãn Thò Höông", VNI))


def test_seed_text_is_not_legacy():
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 50
    assert [line for line in lines if detect(line)] == []
    words = {word.strip(",.;:()") for line in lines for word in line.split()}
    assert [word for word in words if detect(word)] == []


# Lines whose only changed word is also a valid Unicode word: TCVN3 "Sè" is "Số", VNI "Löu" is "Lưu".
AMBIGUOUS_SEED_LINES = {TCVN3: {"Số: /KH-UBND"}, VNI: {"Số: /KH-UBND", "- Lưu: VT, NC, CVP."}}


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_seed_text_typed_in_legacy_fonts_is_detected(encoding):
    lines = {line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()}
    legacy = {line: from_unicode(line, encoding) for line in lines - AMBIGUOUS_SEED_LINES[encoding]}
    changed = {line: text for line, text in legacy.items() if text != line}
    assert len(changed) > 80
    assert {line: detect(text) for line, text in changed.items() if detect(text) != encoding} == {}


@pytest.mark.parametrize("text", [
    "Ñ", "Peña", "Muñoz", "José Martí", "Müller", "NIÑO", "Señor José Ñuñoa", "Crème brûlée", "Zürich",
    "São Paulo", "Ærø", "Hoàn thành", "Thái Bình", "Tô Hoài", "Hòa Bình", "Tô Hiến Thành", "Lê Hà",
    "© 2024 A · B ® C", "« Tên »", "§ 3", "1½ ngày", "The quick brown fox", "UBND; VT, NC",
    "Kế hoạch số 12/KH-UBND", unicodedata.normalize("NFD", "Tiếng Việt"), "",
])
def test_not_legacy(text):
    assert detect(text) is None


@given(st.text(alphabet=st.sampled_from(LOWER + UPPER + list(string.ascii_letters + string.digits + " ,.-")),
               max_size=40))
def test_vni_round_trip(text):
    assert to_unicode(from_unicode(text, VNI), VNI) == text


@given(st.text(alphabet=st.sampled_from(LOWER + list("ĂÂÊÔƠƯĐ" + string.ascii_letters + string.digits + " ,.-")),
               max_size=40))
def test_tcvn3_round_trip(text):
    assert to_unicode(from_unicode(text, TCVN3), TCVN3) == text


# Words each recognisable alone in both encodings, and words whose legacy form is also valid
# Vietnamese ("vô" is both TCVN3 "vụ" and Unicode "vô"), which only the rest of the cell decides.
SIGNAL = ["tiếng", "việt", "nguyễn", "hương", "đảng", "thưởng", "tỉnh", "bắc", "nghĩa", "người", "được",
          "trưởng", "sở", "nội", "nhân", "dân", "đua", "Hà", "Trần", "Lê", "Phạm", "Văn", "Hoàng"]
NEUTRAL = ["vụ", "khen", "thi", "ban", "Ninh", "Giang", "Thị", "quốc", "Ủy", "2024", "UBND"]


@given(st.lists(st.sampled_from(SIGNAL), min_size=1, max_size=5), st.lists(st.sampled_from(NEUTRAL), max_size=4))
def test_vietnamese_words_detected_in_both_encodings(signal, neutral):
    text = " ".join(signal + neutral)
    assert detect(text) is None
    assert detect(from_unicode(text, TCVN3)) == TCVN3
    assert detect(from_unicode(text, VNI)) == VNI


def _form_row(path: Path, sheet: str, label: str) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def test_reader_converts_and_warns(content, make_workbook):
    content["plan"]["signer"] = "NguyÔn H\xad¬ng Giang"
    content["recipients"][0]["name"] = "Caùc Sôû, ban, ngaønh tænh"
    path = make_workbook(content)
    data = read_workbook(path)
    assert data.one("plan").signer == "Nguyễn Hương Giang"
    assert data.all("recipients")[0].name == "Các Sở, ban, ngành tỉnh"
    row = _form_row(path, "Kế hoạch", "Họ tên người ký")
    warnings = [p for p in data.problems if "bảng mã" in p.message]
    assert [(p.severity, p.code, p.location.sheet, p.location.cell, p.location.column) for p in warnings] == [
        (Severity.WARNING, "o.bang_ma_cu", "Kế hoạch", f"B{row}", "Họ tên người ký"),
        (Severity.WARNING, "o.bang_ma_cu", "Nơi nhận", "B2", "Nơi nhận"),
    ]
    assert warnings[0].message == (
        'chữ gõ bằng bảng mã TCVN3 (.VnTime) "NguyÔn H\xad¬ng Giang", đã đọc thành "Nguyễn Hương Giang". '
        'Dùng "tdkt check --fix" để ghi bản đã sửa.')
    assert "bảng mã VNI (VNI-Times)" in warnings[1].message
    assert not data.errors


def test_reader_leaves_unicode_alone(content, make_workbook):
    data = read_workbook(make_workbook(content))
    assert data.one("plan").signer == "Nguyễn Hương Giang"
    assert not [p for p in data.problems if "bảng mã" in p.message]


def test_long_cell_is_quoted_short(content, make_workbook):
    content["tasks"][0]["content"] = from_unicode("Xây dựng Kế hoạch công tác thi đua, khen thưởng " * 4, TCVN3)
    data = read_workbook(make_workbook(content))
    [warning] = [p for p in data.problems if "bảng mã" in p.message]
    assert data.all("tasks")[0].content[0].startswith("Xây dựng Kế hoạch công tác")
    assert "…" in warning.message and len(warning.message) < 300


def _legacy_workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Danh sách"
    ws["A1"] = "Họ và tên"
    ws["A1"].font = Font(name="Times New Roman", bold=True)
    ws["C5"] = "TiÕng ViÖt"
    ws["C5"].font = Font(name=".VnTime", bold=True, size=13)
    ws["C6"] = "ñy ban nh©n d©n"
    ws["C6"].font = Font(name=".VnTimeH")
    ws["D2"] = 1500000
    ws["D3"] = "=D2*2"
    other = book.create_sheet("Khác")
    other["B2"] = "Nguyeãn Thò Höông"
    other["B2"].font = Font(name="VNI-Times", italic=True)
    other["B3"] = CellRichText(TextBlock(InlineFont(rFont=".VnTime", b=True), "§¶ng "), "Céng s¶n")
    path = tmp_path / "cu.xlsx"
    book.save(path)
    return path


def test_fix_workbook(tmp_path):
    source = _legacy_workbook(tmp_path)
    before = source.read_bytes()
    target = tmp_path / "cu-da-sua.xlsx"
    changes = fix_workbook(source, target)
    assert changes == [
        'trang "Danh sách", ô C5: "TiÕng ViÖt" → "Tiếng Việt"',
        'trang "Danh sách", ô C6: "ñy ban nh©n d©n" → "ỦY BAN NHÂN DÂN"',
        'trang "Khác", ô B2: "Nguyeãn Thò Höông" → "Nguyễn Thị Hương"',
        'trang "Khác", ô B3: "§¶ng Céng s¶n" → "Đảng Cộng sản"',
    ]
    assert source.read_bytes() == before
    book = openpyxl.load_workbook(target, rich_text=True)
    ws, other = book["Danh sách"], book["Khác"]
    assert ws["C5"].value == "Tiếng Việt"
    assert (ws["C5"].font.name, ws["C5"].font.b, ws["C5"].font.sz) == ("Times New Roman", True, 13)
    assert ws["C6"].value == "ỦY BAN NHÂN DÂN"
    assert ws["A1"].value == "Họ và tên" and ws["A1"].font.b
    assert ws["D2"].value == 1500000 and ws["D3"].value == "=D2*2"
    assert other["B2"].value == "Nguyễn Thị Hương"
    assert (other["B2"].font.name, other["B2"].font.i) == ("Times New Roman", True)
    rich = other["B3"].value
    assert str(rich) == "Đảng Cộng sản"
    assert (rich[0].font.rFont, rich[0].font.b) == ("Times New Roman", True)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~tdkt-")] == []


def test_fix_workbook_without_legacy_text(tmp_path, content, make_workbook):
    source = make_workbook(content)
    target = tmp_path / "so-lieu-da-sua.xlsx"
    assert fix_workbook(source, target) == []
    assert read_workbook(target).one("plan").signer == "Nguyễn Hương Giang"


def test_fixed_copy_reads_without_warnings(tmp_path, content, make_workbook):
    content["plan"]["signer"] = "NguyÔn H\xad¬ng Giang"
    source = make_workbook(content)
    target = tmp_path / "so-lieu-da-sua.xlsx"
    assert len(fix_workbook(source, target)) == 1
    data = read_workbook(target)
    assert data.one("plan").signer == "Nguyễn Hương Giang"
    assert not [p for p in data.problems if "bảng mã" in p.message]


def test_fix_workbook_rejects_non_xlsx(tmp_path):
    source = tmp_path / "so-lieu.xlsx"
    source.write_text("Họ tên;Đơn vị\n", encoding="utf-8")
    with pytest.raises(UserError, match="Không mở được sổ Excel"):
        fix_workbook(source, tmp_path / "so-lieu-da-sua.xlsx")
    assert not (tmp_path / "so-lieu-da-sua.xlsx").exists()
