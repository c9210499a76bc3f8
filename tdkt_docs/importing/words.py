"""How the units' lists write things: addresses, positions, headings, title and tờ trình lines.

Vocabulary is general Vietnamese administrative usage, not legal data; each list is
only a hint, and whatever cannot be decided is kept whole and reported.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..glossary import RecipientKind, rank_of
from ..read import cells, schema
from ..rules.collation import clean, match_key
from ..rules.legal import AwardForm, Catalogue

# Words a position starts with (longest first when matching); "Nguyên" (former) may precede them.
POSITIONS = (
    "Giám đốc", "Phó Giám đốc", "Tổng Giám đốc", "Phó Tổng Giám đốc", "Trưởng phòng", "Phó Trưởng phòng",
    "Trưởng ban", "Phó Trưởng ban", "Trưởng khoa", "Phó Trưởng khoa", "Trưởng trạm", "Trạm trưởng",
    "Trưởng bộ môn", "Tổ trưởng", "Tổ phó", "Đội trưởng", "Đội phó", "Chủ tịch", "Phó Chủ tịch", "Bí thư",
    "Phó Bí thư", "Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra",
    "Chi cục trưởng", "Phó Chi cục trưởng", "Cục trưởng", "Phó Cục trưởng", "Hiệu trưởng", "Phó Hiệu trưởng",
    "Giáo viên", "Giảng viên", "Chuyên viên", "Cán sự", "Kế toán", "Kế toán trưởng", "Nhân viên", "Văn thư",
    "Thủ quỹ", "Bác sĩ", "Bác sỹ", "Y sĩ", "Y sỹ", "Điều dưỡng", "Dược sĩ", "Dược sỹ", "Hộ sinh",
    "Kỹ thuật viên", "Kỹ sư", "Thanh tra viên", "Kiểm soát viên", "Công chức", "Viên chức", "Cán bộ",
    "Công nhân", "Người lao động", "Trưởng thôn", "Thôn trưởng", "Trưởng khu phố", "Chỉ huy trưởng",
    "Chỉ huy phó", "Trưởng Công an", "Phó Trưởng Công an", "Thủ trưởng", "Tổng Biên tập", "Phó Tổng Biên tập",
    "Phóng viên", "Biên tập viên", "Chủ nhiệm", "Phó Chủ nhiệm", "Ủy viên", "Uỷ viên", "Thư ký", "Quản đốc",
    "Học sinh", "Sinh viên", "Nghệ nhân", "Hội viên", "Đoàn viên", "Cộng tác viên", "Chấp hành viên",
    "Thẩm phán", "Kiểm sát viên", "Điều tra viên", "Trưởng", "Phó Trưởng",
)
FORMER = "Nguyên"

# Words an organisation's name starts with (capitalised, as written inside a line).
ORGANISATIONS = (
    "Sở", "Phòng", "Ban", "Trường", "Khoa", "Bệnh viện", "Trung tâm", "Trạm", "Chi cục", "Cục", "Văn phòng",
    "Ủy ban", "Uỷ ban", "UBND", "HĐND", "Hội đồng", "Công ty", "Tổng công ty", "Hợp tác xã", "Thanh tra",
    "Viện", "Học viện", "Đại học", "Đài", "Báo", "Tạp chí", "Nhà máy", "Xí nghiệp", "Tổ", "Đội", "Hội",
    "Liên đoàn", "Câu lạc bộ", "Chi bộ", "Đảng bộ", "Đảng ủy", "Huyện ủy", "Thành ủy", "Tỉnh ủy", "Mặt trận",
    "Công an", "Bộ Chỉ huy", "Ban Chỉ huy", "Kho bạc", "Ngân hàng", "Chi nhánh", "Xã", "Phường", "Thị trấn",
    "Huyện", "Thị xã", "Thành phố", "Thôn", "Khu phố", "Tổ dân phố", "Lớp", "Bộ phận", "Khối", "Tập thể",
    "Chi đoàn", "Chi hội", "Công đoàn", "Liên đội", "Chi đội",
)
ADDRESSES = {address.casefold(): address for address in schema.ADDRESSES}
COMRADE = ("Đồng chí", "đ/c", "Đ/c", "Đ/C")
HOUSEHOLD_PREFIXES = ("Hộ gia đình", "Hộ", "Gia đình")

_ROMAN = r"(?:[IVXLC]+|[A-Z]|\d{1,2})"
_NUMBERING = re.compile(rf"^\s*{_ROMAN}(?:\s*[.):/-]\s*|\s+)|^\s*[-–+•*]\s*")
_ITEM = re.compile(r"^\s*(\d{1,4})\s*[.)]\s*(\S.*)$|^\s*[-–+•]\s+(\S.*)$")
_KIND_HEADING = re.compile(r"^(tập thể|cá nhân|hộ gia đình|gia đình)(?:\s*\(.*\))?\s*[:.]?$")
_ACHIEVEMENT = re.compile(r"^(?:đã|có|vì|về|với)\b.*(?:thành tích|hoàn thành|đóng góp|xuất sắc)", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"^\(?ký,? ghi rõ|^\(?ký tên|^người lập|^thủ trưởng( cơ quan,?)?( đơn vị)?$|^(?:tm|kt|tl|tuq)\. |^xác nhận"
    r"|^[^,]{1,40}, ngày .{1,3} tháng .{1,3} năm \d{4}\.?$"
    r"|^(?:phó )?(?:giám đốc|chủ tịch|hiệu trưởng|trưởng ban|trưởng phòng|thủ trưởng)$")
_TOTAL = re.compile(r"^(?:tổng cộng|tổng số|danh sách (?:này )?(?:có|gồm))\b|^(?:tổng|cộng)(?:\s*[:.]|\s*$|\s+\d)")
"""A total line: "Tổng cộng", "Cộng: 5", "Tổng 12 người"; not a name that begins so ("Cộng đồng dân cư …")."""
_TO_TRINH_NO = re.compile(r"tờ\s+trình\s+số\s*:?\s*([0-9][^\s,;)]*)", re.IGNORECASE)
_NUMBER_LINE = re.compile(r"^số\s*:?\s*([0-9][^\s,;)]*/TTr[^\s,;)]*)", re.IGNORECASE)
_DATE_NUMERIC = re.compile(r"ngày\s+(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2,4})", re.IGNORECASE)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_OF = re.compile(r"\bcủa\s+(.+?)\s*\)?\s*[.;]?\s*$", re.IGNORECASE)
_NATIONAL = re.compile(r"cộng hòa|cộng hoà|độc lập\s*-|^[-_=.\s]+$|^số\s*:|^v/v\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Cleaned and case-folded, for comparing with the literal patterns here (tones kept in place)."""
    return cells.header_key(text)


def _starts_with(text: str, words: tuple[str, ...], *, exact_case: bool) -> str:
    """The longest entry of ``words`` that ``text`` starts with (whole words), or ""."""
    for word in sorted(words, key=len, reverse=True):
        head = text[:len(word)]
        same = head == word if exact_case else match_key(head) == match_key(word)
        if same and (len(text) == len(word) or not text[len(word)].isalnum()):
            return text[:len(word)]
    return ""


def position_prefix(text: str) -> str:
    """The position words ``text`` starts with ("Nguyên Phó Giám đốc …" → "Nguyên Phó Giám đốc")."""
    former = _starts_with(text, (FORMER,), exact_case=False)
    rest = text[len(former):].lstrip() if former else text
    found = _starts_with(rest, POSITIONS, exact_case=False)
    return text[:len(text) - len(rest) + len(found)] if found else ""


def field_partition(text: str) -> tuple[str, str, str]:
    """``text`` split at the comma that begins a new field of a line: when it starts with a collective's name, the
    first comma followed by an organisation's name ("Tổ Sử, Địa, Giáo dục công dân, Trường THPT X" splits before
    "Trường"); else the first one followed by a capital or a digit ("Tổ Ngữ văn, THPT X"; a person's "Nguyễn Văn
    A, Giáo viên, …" before "Giáo viên"). A comma followed by a lower-case word is inside a name ("Khoa Phòng,
    chống dịch bệnh"); without a comma that begins a field, (text, "", "")."""
    commas = list(_COMMA.finditer(text))
    if commas and looks_collective(text[:commas[0].start()]):
        for match in commas:
            if _starts_with(text[match.start(1):], ORGANISATIONS, exact_case=True):
                return text[:match.start()], ",", text[match.start(1):]
    for match in commas:
        if match.group(1).isupper() or match.group(1).isdigit():
            return text[:match.start()], ",", text[match.end(1) - 1:]
    return text, "", ""


_COMMA = re.compile(r",\s*(\S)")


def split_position(text: str) -> tuple[str, str, bool]:
    """"Trưởng phòng X, Sở Y" → (position, workplace, decided).

    Split at the first comma when the part before it is a position; without a comma,
    at the first organisation word after the position words. Otherwise everything
    stays in the position and ``decided`` is False.
    """
    text = clean(text).strip(" ,;.")
    if not text:
        return "", "", True
    head, sep, tail = text.partition(",")
    if position_prefix(head.strip()):
        if sep:
            return head.strip(), tail.strip(" ,;."), True
        words = position_prefix(text)
        rest = text[len(words):]
        for match in re.finditer(r"\s(\S)", rest):
            start = match.start(1)
            if _starts_with(rest[start:], ORGANISATIONS, exact_case=True):
                return (text[:len(words) + match.start()].strip(), rest[start:].strip(), True)
        return text, "", False
    if _starts_with(text, ORGANISATIONS, exact_case=False):
        return "", text, True  # only a workplace
    return text, "", False


def split_address(text: str) -> tuple[str, str]:
    """"Ông Nguyễn Văn A" → ("Ông", "Nguyễn Văn A"); "Đồng chí …" drops the title, no address."""
    text = clean(text)
    first, _, rest = text.partition(" ")
    address = ADDRESSES.get(first.casefold())
    if address and rest[:1].isupper():
        return address, rest.strip()
    comrade = _starts_with(text, COMRADE, exact_case=False)
    if comrade:
        return "", text[len(comrade):].strip(" .:")
    return "", text


def split_rank(text: str) -> tuple[str, str]:
    """"Thượng tá Lê Hoàng Phúc" → ("Thượng tá", "Lê Hoàng Phúc"); a name without a rank → ("", name)."""
    rank = rank_of(text)
    rest = text[len(rank):].strip()
    return (rank, rest) if rank and rest[:1].isupper() else ("", text)


def split_household(text: str) -> tuple[bool, str]:
    """"Hộ ông Nguyễn Văn A" → (True, "ông Nguyễn Văn A")."""
    text = clean(text)
    prefix = _starts_with(text, HOUSEHOLD_PREFIXES, exact_case=False)
    rest = text[len(prefix):].strip() if prefix else ""
    if prefix and split_address(rest)[0]:
        return True, rest
    return False, text


KIND_ABBREVIATIONS = {"cn": RecipientKind.INDIVIDUAL, "tt": RecipientKind.COLLECTIVE, "hgđ": RecipientKind.HOUSEHOLD,
                      "hộ": RecipientKind.HOUSEHOLD, "gia đình": RecipientKind.HOUSEHOLD}


def kind_of(value: str) -> RecipientKind | None:
    """A kind as written in a column ("cá nhân", "CN", "TT"), or None."""
    key = fold(value)
    same = next((kind for kind in RecipientKind if key == fold(kind.label)), None)
    return same or KIND_ABBREVIATIONS.get(key)


def address_of(value: str) -> str:
    """"Ông", "bà", "Nam", "Nữ" → "Ông"/"Bà"; else ""."""
    key = fold(value)
    return ADDRESSES.get(key) or {"nam": ADDRESSES["ông"], "nữ": ADDRESSES["bà"]}.get(key, "")


def looks_collective(name: str) -> bool:
    return bool(_starts_with(name, ORGANISATIONS, exact_case=False))


def strip_numbering(text: str) -> str:
    return _NUMBERING.sub("", text, count=1).strip()


def achievement_text(text: str) -> str:
    """The achievement of a group line, without numbering or the colon that introduces the rows."""
    return strip_numbering(text).rstrip(" :;")


def heading_kind(text: str) -> RecipientKind | None:
    """"I. TẬP THỂ", "II - CÁ NHÂN (12 người)" → the kind; else None."""
    match = _KIND_HEADING.match(fold(strip_numbering(text)))
    return kind_of(match.group(1)) if match else None


def is_achievement(text: str) -> bool:
    """A line "Đã có thành tích …" that applies to the rows under it."""
    return bool(_ACHIEVEMENT.match(strip_numbering(text))) and len(text) > 20


def is_signature(text: str) -> bool:
    """A cell or line of the signature block under a list ("NGƯỜI LẬP BIỂU", "GIÁM ĐỐC", "TM. …")."""
    return bool(_SIGNATURE.search(fold(text)))


def is_total(text: str) -> bool:
    return bool(_TOTAL.match(fold(strip_numbering(text))))


def item_text(text: str) -> str:
    """The content of a numbered or bulleted line ("1. Ông …;" → "Ông …"), or ""."""
    match = _ITEM.match(text)
    if not match:
        return ""
    return (match.group(2) or match.group(3)).strip().rstrip(";.,").strip()


def form_in(text: str, catalogue: Catalogue) -> AwardForm | None:
    """The award form named anywhere in ``text`` (a title, a heading); the longest mention wins."""
    words = clean(text).strip(" :;.").split()
    for length in range(len(words), 1, -1):
        for start in range(len(words) - length + 1):
            form = catalogue.find(" ".join(words[start:start + length]))
            if form is not None:
                return form
    return None


def heading_form(text: str, catalogue: Catalogue) -> AwardForm | None:
    """A line that is only a form's name, maybe numbered ("A. BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH:")."""
    body = strip_numbering(text).strip(" :;.")
    body = re.sub(r"^(?:đề nghị\s+)?(?:tặng\s+)?", "", body, flags=re.IGNORECASE)
    form = catalogue.find(body)
    if form is None and len(body.split()) <= 14:
        form = form_in(body, catalogue) if not split_address(body)[0] and "," not in body else None
    return form


@dataclass
class Statement:
    """What a list says about itself: the unit, its tờ trình and the form named in the title."""

    unit: str = ""
    unit_head: str = ""
    unit_from_header: bool = False   # read from the upper-case header, spelling not confirmed
    submission_no: str = ""
    submission_date: dt.date | None = None
    form: AwardForm | None = None
    where: str = ""                  # where the tờ trình line was found


def read_statement(lines: list[tuple[str, str]], catalogue: Catalogue) -> Statement:
    """Read the lines above a list (text, where): header, title, "(Kèm theo Tờ trình số …)"."""
    found = Statement()
    header: list[str] = []
    title_seen = False
    fallback_no, fallback_date = "", None
    for text, where in lines:
        key = fold(text)
        if "tờ trình" in key and (match := _TO_TRINH_NO.search(text)):
            found.submission_no = found.submission_no or match.group(1).rstrip(".")
            found.submission_date = found.submission_date or _date_in(text)
            found.where = found.where or where
            if (of := _OF.search(text[match.end():])) and not found.unit:
                found.unit_head, found.unit = _unit_and_head(of.group(1))
            continue
        if (number := _NUMBER_LINE.match(text)):
            fallback_no = number.group(1)
            continue
        if fallback_date is None and _DATE_WORDS.search(text) and "," in text:
            fallback_date = _date_in(text)
            continue
        if key.startswith("danh sách"):
            title_seen = True
        if title_seen:
            found.form = found.form or form_in(text, catalogue)
        elif text.isupper() and not _NATIONAL.search(text):
            header.append(text)
    if not found.submission_no and fallback_no:
        found.submission_no, found.submission_date = fallback_no, fallback_date
    if not found.unit and header:
        found.unit, found.unit_from_header = header[-1], True
    return found


def _unit_and_head(text: str) -> tuple[str, str]:
    """"Giám đốc Sở Y tế" → ("Giám đốc Sở Y tế", "Sở Y tế"); "Sở Y tế" → ("", "Sở Y tế")."""
    text = clean(text).strip(" .;)")
    head = position_prefix(text)
    if head and len(head) < len(text):
        return text, text[len(head):].strip()
    return "", text


def _date_in(text: str) -> dt.date | None:
    for pattern in (_DATE_NUMERIC, _DATE_WORDS):
        if (match := pattern.search(text)):
            try:
                return cells.as_date("/".join(match.groups()))
            except cells.CellError:
                return None
    return None
