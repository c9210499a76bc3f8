"""The year's awards for the national database: JSON with the exchange record's field names
(as an open-source provincial system sends them to Bộ Nội vụ's software; no official field
list was found, see data/so-theo-doi.toml) and an Excel list in the layout of past-award lists."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..files import atomic_path, write_bytes_atomic
from ..glossary import RecipientKind
from ..read.blank import write_filled_workbook
from ..rules.book import Rules
from .past import PAST_AWARDS
from .year import YearAward, issuer_names

_COMMON = ["MaDonVi", "TenDonVi", "LoaiHinhKhenThuong", "NoiDungKhenThuong", "SoQuyetDinh", "NgayQuyetDinh"]
PERSON_FIELDS = _COMMON + ["MaCanBo", "TenCanBo", "TenChucVu", "MaHinhThucKhenThuong", "TenHinhThucKhenThuong"]
COLLECTIVE_FIELDS = _COMMON + ["TenTapThe", "LinhVucHoatDong", "MaHinhThucKhenThuong", "TenHinhThucKhenThuong"]


def _record(fields: list[str]) -> dict:
    return {"type": "object", "required": fields, "additionalProperties": False,
            "properties": {f: {"type": "string", **({"format": "date"} if f == "NgayQuyetDinh" else {})}
                           for f in fields}}


EXPORT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["Header", "Body", "Security"],
    "properties": {
        "Header": {"type": "object", "required": ["Version", "Tran_Code", "Export_Date", "Msg_ID", "Path"],
                   "properties": {k: {"type": "string"} for k in ("Version", "Tran_Code", "Export_Date", "Msg_ID",
                                                                  "Path")}},
        "Body": {"type": "object", "required": ["CaNhan", "TapThe"], "additionalProperties": False,
                 "properties": {"CaNhan": {"type": "array", "items": _record(PERSON_FIELDS)},
                                "TapThe": {"type": "array", "items": _record(COLLECTIVE_FIELDS)}}},
        "Security": {"type": "object", "required": ["Signature"]},
    },
}


def export_json(awards: list[YearAward], unit_code: str = "", today: dt.date | None = None) -> dict:
    """Codes the office has not been given (form, person) stay empty: never guessed. LoaiHinhKhenThuong is
    the batch's kind (Loại đợt: "Theo quý", "Chuyên đề", "Đột xuất", …) where the decision was recorded
    from a workbook that gives it, else empty."""
    people, collectives = [], []
    names = issuer_names(awards)  # one office, one TenDonVi
    for a in awards:
        common = {"MaDonVi": unit_code, "TenDonVi": names[a.issuer_key], "LoaiHinhKhenThuong": a.batch_kind,
                  "NoiDungKhenThuong": a.achievement, "SoQuyetDinh": a.number,
                  "NgayQuyetDinh": a.signed.isoformat()}
        if a.kind is RecipientKind.COLLECTIVE:
            collectives.append({**common, "TenTapThe": ", ".join(p for p in (a.name, a.unit) if p),
                                "LinhVucHoatDong": "", "MaHinhThucKhenThuong": "", "TenHinhThucKhenThuong": a.form})
        else:
            name = a.name if a.kind is not RecipientKind.HOUSEHOLD else " ".join(
                p for p in ("Hộ gia đình", a.address.lower(), a.name) if p)
            people.append({**common, "MaCanBo": "", "TenCanBo": name,
                           "TenChucVu": ", ".join(p for p in (a.position, a.unit) if p),
                           "MaHinhThucKhenThuong": "", "TenHinhThucKhenThuong": a.form})
    return {"Header": {"Version": "", "Tran_Code": "", "Export_Date": (today or dt.date.today()).isoformat(),
                       "Msg_ID": "", "Path": ""},
            "Body": {"CaNhan": people, "TapThe": collectives}, "Security": {"Signature": ""}}


def write_json(target: Path, document: dict) -> None:
    write_bytes_atomic(target, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))


def write_list(target: Path, awards: list[YearAward], rules: Rules) -> None:
    """The list in the layout ``tdkt ghi-so --danh-sach`` reads, so another register can take it in."""
    rows = [{"issuer": a.issuer, "number": a.number, "signed": a.signed, "signer": a.signer, "form": a.form,
             "kind": a.kind.label, "address": a.address, "name": a.name, "position": a.position, "workplace": a.unit,
             "birth_year": a.birth_year, "cccd": a.cccd, "achievement": a.achievement, "amount": a.amount,
             "unit": a.proposing_unit} for a in awards]
    with atomic_path(target) as tmp:
        write_filled_workbook(tmp, {PAST_AWARDS.key: rows}, rules, (PAST_AWARDS,))
