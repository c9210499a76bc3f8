"""A year-end batch of Quyết định khen thưởng for benchmarks: one workbook, many decisions.

``year_end_content(n_decisions, per_decision)`` gives the sheet contents of a
workbook (as ``write_filled_workbook`` takes them): one batch "Cuối năm 2024",
``n_decisions`` tờ trình of ``per_decision`` nominations each, all for the Bằng
khen của Chủ tịch UBND tỉnh, so each tờ trình makes one decision. Entries mix
tập thể, cá nhân and hộ gia đình; names and units come from the small lists below
and never repeat, so the workbook passes every check.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdkt_docs.read.blank import write_filled_workbook  # noqa: E402
from tdkt_docs.rules.book import Rules  # noqa: E402
from tdkt_docs.settings import Settings  # noqa: E402

BATCH = "Cuối năm 2024"
FORM = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
SIGNING = dt.date(2024, 12, 26)
FIRST_NUMBER = 2101

AGENCY = {
    "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH BẮC NINH",
    "short_name": "UBND tỉnh Bắc Ninh", "code": "UBND", "place": "Bắc Ninh",
}
RECIPIENTS = [
    ("Quyết định khen thưởng", "Chủ tịch, các PCT UBND tỉnh", "", 1),
    ("Quyết định khen thưởng", "Ban Thi đua - Khen thưởng, Sở Nội vụ", "", 2),
]

# (đơn vị trình, ký hiệu tờ trình)
DEPARTMENTS = [
    ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Y tế", "SYT"), ("Sở Tài chính", "STC"),
    ("Sở Nội vụ", "SNV"), ("Sở Tư pháp", "STP"), ("Sở Xây dựng", "SXD"),
    ("Sở Công Thương", "SCT"), ("Sở Nông nghiệp và Phát triển nông thôn", "SNN"),
    ("Sở Tài nguyên và Môi trường", "STNMT"), ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Sở Lao động, Thương binh và Xã hội", "SLĐTBXH"), ("Sở Khoa học và Công nghệ", "SKHCN"),
]
DISTRICTS = ["huyện Tiên Du", "huyện Yên Phong", "huyện Quế Võ", "huyện Gia Bình", "huyện Lương Tài",
             "huyện Thuận Thành", "thành phố Từ Sơn", "thành phố Bắc Ninh"]
COMMUNES = ["Hoàn Sơn", "Liên Bão", "Việt Đoàn", "Phật Tích", "Đông Thọ", "Tam Giang", "Phương Liễu",
            "Bằng An", "Nhân Thắng", "Đại Lai", "Trung Kênh", "Lâm Thao", "Ninh Xá", "Song Hồ",
            "Đồng Nguyên", "Tân Hồng", "Đại Xuân", "Hòa Long", "Khúc Xuyên", "Vạn An", "Tri Phương",
            "Minh Đạo", "Cảnh Hưng", "Nội Duệ", "Đông Phong", "Yên Trung", "Dũng Liệt", "Văn Môn",
            "Đông Tiến", "Hòa Tiến", "Việt Hùng", "Đào Viên", "Bồng Lai", "Cách Bi", "Nhân Hòa",
            "Quảng Phú", "Lai Hạ", "Trung Chính", "Phú Hòa", "An Thịnh"]
SECTIONS = ["Văn phòng", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Phòng Tổng hợp",
            "Phòng Nghiệp vụ", "Thanh tra", "Trung tâm Dịch vụ công", "Phòng Pháp chế"]
POSITIONS = ["Trưởng phòng", "Phó Trưởng phòng", "Chuyên viên", "Chuyên viên chính", "Kế toán",
             "Công chức", "Phó Chánh Văn phòng", "Văn thư"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
            "Trịnh", "Đào"]
# (Ông/Bà, họ đệm, tên)
MEN = ("Ông", ["Văn", "Đức", "Quốc", "Minh", "Hữu", "Xuân", "Quang", "Mạnh"],
       ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khải", "Khánh", "Long", "Nam",
        "Quân", "Sơn", "Thắng", "Tuấn", "Vinh", "Chiến", "Định", "Kiên", "Lộc", "Thịnh"])
WOMEN = ("Bà", ["Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Kim", "Minh", "Thúy"],
         ["Giang", "Hà", "Hạnh", "Hòa", "Huyền", "Lan", "Linh", "Mai", "Nga", "Phương",
          "Tâm", "Thảo", "Trang", "Uyên", "Yến", "Anh", "Hiền", "Nhung", "Oanh", "Tú"])
VILLAGES = ["thôn Lũng Giang", "thôn Đông Sơn", "thôn Bất Lự", "thôn Tam Tảo", "thôn Viêm Xá"]
THREE_WORD_NAMES = 2 * len(SURNAMES) * len(MEN[1]) * len(MEN[2])
NAME_STRIDE = 1999  # coprime with THREE_WORD_NAMES: neighbours in a list differ in every part of the name
# Past the three-word names, a second middle word: "Nguyễn Văn Đức An" (year-end workloads up to 100 000 rows).
SECOND_MIDDLES = ["Anh", "Bảo", "Công", "Duy", "Đình", "Gia", "Hoài", "Khắc", "Kim", "Lam", "Mai", "Nhật",
                  "Phúc", "Phương", "Quế", "Quỳnh", "Thái", "Thiên", "Trọng", "Trung", "Tường", "Việt", "Xuân",
                  "Yên"]
MAX_NOMINATIONS = THREE_WORD_NAMES * (1 + len(SECOND_MIDDLES))
ACHIEVEMENT = "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024"
ACHIEVEMENT_FAMILY = "Đã có thành tích xuất sắc trong hiến đất xây dựng đường giao thông nông thôn"


def proposing_unit(index: int) -> tuple[str, str, int]:
    """The index-th proposing unit, its tờ trình code and how often it came before.

    Sở first, then UBND huyện, then UBND xã; after all of them the list starts again.
    """
    units = len(DEPARTMENTS) + len(DISTRICTS) + len(COMMUNES) * len(DISTRICTS)
    cycle, index = divmod(index, units)
    if index < len(DEPARTMENTS):
        return *DEPARTMENTS[index], cycle
    index -= len(DEPARTMENTS)
    if index < len(DISTRICTS):
        return f"UBND {DISTRICTS[index]}", "UBND", cycle
    commune, district = divmod(index - len(DISTRICTS), len(DISTRICTS))
    return f"UBND xã {COMMUNES[commune]}, {DISTRICTS[district]}", "UBND", cycle


def family_address(index: int) -> str:
    commune = COMMUNES[index % len(COMMUNES)]
    district = DISTRICTS[(index // len(COMMUNES)) % len(DISTRICTS)]
    return f"{VILLAGES[index % len(VILLAGES)]}, xã {commune}, {district}"


def person(serial: int) -> tuple[str, str]:
    """(Ông/Bà, họ tên) of the serial-th person, distinct below MAX_NOMINATIONS."""
    extra, serial = divmod(serial, THREE_WORD_NAMES)
    serial = serial * NAME_STRIDE % THREE_WORD_NAMES
    address, middles, givens = (MEN, WOMEN)[serial % 2]
    serial //= 2
    surname = SURNAMES[serial % len(SURNAMES)]
    middle = middles[(serial // len(SURNAMES)) % len(middles)]
    given = givens[serial // (len(SURNAMES) * len(middles))]
    second = f" {SECOND_MIDDLES[extra - 1]}" if extra else ""
    return address, f"{surname} {middle}{second} {given}"


def kind_at(position: int, size: int) -> str:
    """Tập thể first (two in a list of six or more), hộ gia đình last (lists of three or more)."""
    if position < (2 if size >= 6 else 1):
        return "Tập thể"
    if size >= 3 and position == size - 1:
        return "Hộ gia đình"
    return "Cá nhân"


def nominations_of(index: int, per_decision: int, first_serial: int) -> list[dict]:
    unit, code, cycle = proposing_unit(index)
    base = {"batch": BATCH, "unit": unit, "submission_no": f"{100 + index}/TTr-{code}",
            "submission_date": dt.date(2024, 11, 1) + dt.timedelta(days=index % 40),
            "form": FORM, "appraisal": "Đạt"}
    rows = []
    for position in range(per_decision):
        kind = kind_at(position, per_decision)
        address, name = person(first_serial + position)
        if kind == "Tập thể":
            section = SECTIONS[(position + 2 * cycle) % len(SECTIONS)]
            team = cycle // (len(SECTIONS) // 2)  # the unit's sections are used up: its teams (tổ) follow
            rows.append({**base, "kind": kind, "name": f"Tổ {team}, {section}" if team else section,
                         "workplace": unit, "achievement": ACHIEVEMENT})
        elif kind == "Hộ gia đình":
            rows.append({**base, "kind": kind, "address": address, "name": name,
                         "workplace": family_address(index),
                         "achievement": ACHIEVEMENT_FAMILY})
        else:
            rows.append({**base, "kind": kind, "address": address, "name": name,
                         "position": POSITIONS[(index + position) % len(POSITIONS)], "workplace": unit,
                         "achievement": ACHIEVEMENT})
    return rows


def year_end_content(n_decisions: int = 300, per_decision: int = 10) -> dict:
    """Sheet contents of the year-end workbook: n_decisions tờ trình × per_decision nominations."""
    if n_decisions * per_decision > MAX_NOMINATIONS:
        raise ValueError(f"at most {MAX_NOMINATIONS} nominations have distinct names")
    nominations = []
    for index in range(n_decisions):
        nominations += nominations_of(index, per_decision, index * per_decision)
    batch = {"name": BATCH, "quarter": "Quý IV", "signing": SIGNING, "position": "CHỦ TỊCH",
             "signer": "Nguyễn Hương Giang", "submission_no": "215/TTr-SNV", "submission_date": dt.date(2024, 12, 18),
             "first_number": FIRST_NUMBER, "split": "Theo tờ trình", "order": "Như đề nghị", "archive": "VT, NC"}
    return {
        "agency": AGENCY,
        "plan": {},
        "recipients": [dict(zip(("document", "name", "note", "copies"), r)) for r in RECIPIENTS],
        "batches": [batch],
        "nominations": nominations,
    }


def write_year_end_workbook(target: Path, n_decisions: int = 300, per_decision: int = 10) -> Path:
    write_filled_workbook(target, year_end_content(n_decisions, per_decision), Rules(Settings()))
    return target
