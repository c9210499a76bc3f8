"""What a certificate prints: a signed decision and its recipients, and the values of the field templates."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..files import slug
from ..rules.collation import match_key
from ..rules.dates import long_date
from ..rules.legal import Catalogue

GAP_NUMBER = "[chưa có số]"
GAP_DATE = "[chưa có ngày]"
_OF = re.compile(r"\s+của\s+", re.IGNORECASE)
_TITLE_PREFIX = "danh hiệu "
_QUOTES = "“”\""

# Placeholders a layout box may use in its ``text``, with what they print.
PLACEHOLDERS = {
    "tham_quyen": "thẩm quyền, in hoa: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH, GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "tang": "TẶNG, TẶNG DANH HIỆU hoặc CÔNG NHẬN DANH HIỆU",
    "hinh_thuc": "tên hình thức, in hoa: BẰNG KHEN",
    "nguoi_nhan": "Ông Nguyễn Văn An, hoặc tên tập thể",
    "chuc_vu_don_vi": "chức vụ và đơn vị",
    "thanh_tich": "thành tích",
    "so_quyet_dinh": "số, ký hiệu quyết định: 125/QĐ-UBND",
    "ngay": "ngày ký quyết định: ngày 25 tháng 3 năm 2024",
    "so_so": "số sổ vàng: số thứ tự trong danh sách kèm theo quyết định",
    "dia_danh": "địa danh: Bắc Ninh",
    "chuc_danh_ky": "chức danh người ký (có thể hai dòng: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
    "nguoi_ky": "họ tên người ký",
}


@dataclass(frozen=True)
class CertificateEntry:
    """One recipient, in the order of the decision's Danh sách."""

    recipient: str       # "Ông Nguyễn Văn An", or the collective's name
    position_unit: str   # "Trưởng phòng …, Sở …"
    achievement: str     # "Đã có thành tích xuất sắc trong …"
    register_number: int  # số sổ vàng: the entry's running number in the Danh sách
    cells: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)  # placeholder → its cells


@dataclass(frozen=True)
class SignedDecision:
    """A decision whose certificates are printed; ``number``/``date`` are empty until it is signed."""

    source: str          # Vietnamese description for messages: a file name, or batch and decision
    document: str        # the decision's file name, as problems locate it
    stem: str            # output path without suffix, relative to the output folder
    form_key: str        # layout file phoi/<form_key>.toml
    award_verb: str      # "TẶNG" / "TẶNG DANH HIỆU" / "CÔNG NHẬN DANH HIỆU"
    award_title: str     # "BẰNG KHEN"
    authority: str       # the decision's authority line: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    number: str          # "125/QĐ-UBND"; "" when unnumbered
    date: dt.date | None
    place: str
    signer_titles: tuple[str, ...]  # ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    signer: str
    entries: tuple[CertificateEntry, ...]

    @property
    def signed(self) -> bool:
        return bool(self.number) and self.date is not None


def award_heading(verb: str, phrase: str) -> tuple[str, str]:
    """The decision's verb and form phrase as a certificate heads them:
    ("tặng", "Bằng khen của Chủ tịch …") → ("TẶNG", "BẰNG KHEN");
    ("công nhận", "danh hiệu “Lao động tiên tiến”") → ("CÔNG NHẬN DANH HIỆU", "LAO ĐỘNG TIÊN TIẾN")."""
    title, verb = phrase.strip(), verb.strip().upper()
    if match_key(title).startswith(match_key(_TITLE_PREFIX)):
        title, verb = title[len(_TITLE_PREFIX):].strip(), f"{verb} {_TITLE_PREFIX.strip().upper()}"
    return verb, _OF.split(title, maxsplit=1)[0].strip(_QUOTES).upper()


def form_key(phrase: str, catalogue: Catalogue) -> str:
    """The layout key of an award: the form's key in khen-thuong.toml ("bang-khen-tinh"),
    else the award's own name ("giay-khen")."""
    form = catalogue.find(phrase)
    return slug(form.key) if form else slug(_OF.split(phrase.strip(), maxsplit=1)[0])


def field_values(decision: SignedDecision, entry: CertificateEntry, draft: bool) -> dict[str, str]:
    """The value of every placeholder for one certificate; gaps are marked in a draft."""
    number = decision.number or (GAP_NUMBER if draft else "")
    date = long_date(decision.date) if decision.date else (GAP_DATE if draft else "")
    values = {
        "tham_quyen": decision.authority,
        "tang": decision.award_verb,
        "hinh_thuc": decision.award_title,
        "nguoi_nhan": entry.recipient,
        "chuc_vu_don_vi": entry.position_unit,
        "thanh_tich": entry.achievement,
        "so_quyet_dinh": number,
        "ngay": date,
        "so_so": str(entry.register_number),
        "dia_danh": decision.place,
        "chuc_danh_ky": "\n".join(decision.signer_titles),
        "nguoi_ky": decision.signer,
    }
    return {k: unicodedata.normalize("NFC", v) for k, v in values.items()}
