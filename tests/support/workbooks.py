"""Workbook contents shared by tests: a minimal plan and a small batch of decisions."""
from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import openpyxl

AGENCY = {"level": "Cấp tỉnh", "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH BẮC NINH",
          "short_name": "UBND tỉnh Bắc Ninh", "code": "UBND", "place": "Bắc Ninh", "head": "Chủ tịch",
          "appraiser": "Giám đốc Sở Nội vụ",
          "executors": ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "Giám đốc Sở Tài chính"),
          "fund": "Quỹ thi đua, khen thưởng của tỉnh", "archive": "VT, NC"}
QUY_CHE_2024 = {"text": "Căn cứ Quyết định số 13/2024/QĐ-UBND ngày 31 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh "
                        "ban hành Quy chế về công tác thi đua, khen thưởng của tỉnh Bắc Ninh",
                "start": dt.date(2024, 5, 31), "end": dt.date(2025, 12, 14)}

MINIMAL = {
    "agency": AGENCY,
    "plan": {"year": 2024, "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
             "signer": "Nguyễn Hương Giang", "archive": "VT, NC"},
    "legal_basis": [{"text": "Căn cứ Luật Thi đua, khen thưởng năm 2022"}],
    "recipients": [{"document": "Kế hoạch", "name": "Các Sở, ban, ngành tỉnh"}],
    "tasks": [{"quarter": "Quý I", "content": "Xây dựng Kế hoạch", "directing": "UBND tỉnh",
               "executing": ("Sở Nội vụ", "Sở Tài chính")}],
}

BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
KHAM = "Đã có thành tích xuất sắc trong công tác khám, chữa bệnh năm 2024"
Y_TE = {"batch": "Quý III/2024", "unit": "Sở Y tế", "submission_no": "198/TTr-SYT",
        "submission_date": dt.date(2024, 9, 9), "form": BK, "achievement": KHAM}


def batch(**changes) -> dict:
    return {"name": "Quý III/2024", "quarter": "Quý III", "signing": dt.date(2024, 9, 24), "position": "PHÓ CHỦ TỊCH",
            "signer": "Vương Quốc Tuấn", "submission_no": "142/TTr-SNV", "submission_date": dt.date(2024, 9, 16),
            **changes}


def person(name: str, address: str = "Ông", **changes) -> dict:
    return {**Y_TE, "kind": "Cá nhân", "address": address, "name": name, "position": "Bác sĩ",
            "workplace": "Bệnh viện Đa khoa tỉnh", **changes}


def decisions() -> dict:
    """A batch of one decision: a collective and a person of Sở Y tế, numbered from 5."""
    content = copy.deepcopy(MINIMAL)
    content["plan"] = {}
    content["recipients"] = [{"document": "Quyết định khen thưởng", "name": "Chủ tịch, các PCT UBND tỉnh"}]
    content["batches"] = [batch(first_number=5)]
    content["decision_basis"] = [QUY_CHE_2024]
    content["nominations"] = [
        {**Y_TE, "kind": "Tập thể", "name": "Khoa Hồi sức tích cực", "workplace": "Bệnh viện Đa khoa tỉnh"},
        {**Y_TE, "kind": "Cá nhân", "address": "Bà", "name": "Trần Thị Ánh",
         "position": "Phó Giám đốc Bệnh viện Đa khoa tỉnh", "workplace": "Sở Y tế", "form": "BKCT",
         "achievement": KHAM + "."},
    ]
    return content


def with_problems() -> dict:
    """decisions() with one error (Phụ lục A2: "Quý V") and two warnings (Đề nghị khen thưởng I3, K3)."""
    content = decisions()
    content["tasks"] = [{"quarter": "Quý V", "content": "A"}]
    content["nominations"][1].update(name="trần thị ánh", position="Phó Giám đốc Sở Y tế")
    return content


UNIT_LIST = [["STT", "Họ tên", "Chức vụ, đơn vị công tác", "Hình thức đề nghị", "Nội dung thành tích"],
             [1, "Ông Lê Văn Cường", "Phó Giám đốc Trung tâm Y tế huyện", "BKCT", KHAM],
             [2, "Hoàng Văn Em", "Phụ trách kế toán", "BKCT", KHAM],
             [3, None, "Chuyên viên", "BKCT", KHAM]]
STATEMENT = {"don_vi": "UBND huyện Tiên Du", "so_to_trinh": "45/TTr-UBND", "ngay": "05/3/2024"}  # not in the list


def unit_list(path: Path) -> Path:
    """A unit's Excel list (sheet "DS"): a row taken, a row to look at (no Ông/Bà, position not split), a row
    refused (no name)."""
    book = openpyxl.Workbook()
    book.active.title = "DS"
    for row in UNIT_LIST:
        book.active.append(row)
    book.save(path)
    return path


XA_BATCH = "Đợt 1/2024"
XA_DECISION = "qd-101-lao-dong-tien-tien.docx"


def xa_signed(planned: dt.date, signed: dt.date) -> dict:
    """A xã's batch planned for ``planned``: one decision (``XA_DECISION``, a teacher's Lao động tiên tiến),
    entered on sheet "Quyết định đã ký" as 101 signed on ``signed``."""
    content = copy.deepcopy(MINIMAL)
    content["agency"] = {**AGENCY, "level": "Cấp xã", "name_line_2": "XÃ PHÙ LÃNG", "short_name": "UBND xã Phù Lãng",
                         "fund": "Quỹ thi đua, khen thưởng của xã"}
    content["plan"] = {}
    content["recipients"] = [{"document": "Quyết định khen thưởng", "name": "Chủ tịch, các PCT UBND xã"}]
    content["batches"] = [{"name": XA_BATCH, "signing": planned, "position": "CHỦ TỊCH", "signer": "Nguyễn Văn Sơn",
                           "submission_no": "12/TTr-VP", "submission_date": dt.date(2024, 6, 20), "first_number": 101,
                           "split": "Theo hình thức"}]
    content["nominations"] = [{"batch": XA_BATCH, "unit": "Trường Tiểu học Phù Lãng", "submission_no": "08/TTr-TH",
                               "submission_date": dt.date(2024, 6, 15), "kind": "Cá nhân", "address": "Bà",
                               "name": "Trần Thị Hoa", "position": "Giáo viên", "workplace": "Trường Tiểu học Phù Lãng",
                               "form": "Lao động tiên tiến", "achievement": "Đã hoàn thành tốt nhiệm vụ năm học 2023-2024"}]
    content["signed"] = [{"batch": XA_BATCH, "document": XA_DECISION, "number": "101", "signed": signed}]
    return content


XA_TAM_GIANG = {"level": "Cấp xã", "name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "XÃ TAM GIANG",
                "short_name": "UBND xã Tam Giang", "code": "UBND", "place": "Tam Giang", "head": "Chủ tịch",
                "fund": "Quỹ thi đua, khen thưởng của Ủy ban nhân dân xã Tam Giang", "archive": "VT, VP"}
TRUONG = {"batch": "Quý III/2024", "unit": "Trường Tiểu học Tam Giang", "submission_no": "7/TTr-THTG",
          "submission_date": dt.date(2024, 9, 9), "kind": "Cá nhân", "position": "Giáo viên",
          "workplace": "Trường Tiểu học Tam Giang",
          "achievement": "Đã hoàn thành xuất sắc nhiệm vụ năm học 2023 - 2024"}


def commune_titles() -> dict:
    """A xã's batch (decisions from 20/QĐ-UBND): Lao động tiên tiến for two teachers (rows 2, 3), one of whom is
    also nominated Chiến sĩ thi đua cơ sở for the same achievement (row 4)."""
    content = decisions()
    content["agency"] = XA_TAM_GIANG
    content["batches"] = [batch(position="CHỦ TỊCH", signer="Nguyễn Văn Khánh", submission_no="12/TTr-VP",
                                first_number=20, appraisal_position="CHÁNH VĂN PHÒNG",
                                appraisal_signer="Phạm Thu Trang")]
    content["decision_basis"] = []
    content["recipients"] = []
    content["nominations"] = [
        {**TRUONG, "address": "Ông", "name": "Lê Văn Bình", "form": "Lao động tiên tiến"},
        {**TRUONG, "address": "Bà", "name": "Vũ Thị Giang", "form": "Lao động tiên tiến"},
        {**TRUONG, "address": "Bà", "name": "Vũ Thị Giang", "form": "Chiến sĩ thi đua cơ sở"},
    ]
    return content
