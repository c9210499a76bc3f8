"""Award forms as the register knows them: the province's (khen-thuong.toml, through the
catalogue) and the lower levels' (so-theo-doi.toml), each with its level for the statistics.
Loaded through ``Rules.register_forms``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..rules.collation import clean, match_key
from ..rules.legal import Catalogue, field

FORMS_FILE = "so-theo-doi.toml"
UNKNOWN_LEVEL = "Chưa xác định"


@dataclass(frozen=True)
class RegisterForm:
    key: str
    name: str
    level: str


class RegisterForms:
    """Every form name the register may meet, however it is spelled."""

    def __init__(self, data: dict[str, Any], catalogue: Catalogue):
        self.catalogue = catalogue
        self.province_level: str = field(field(data, "cap_tinh", FORMS_FILE), "cap", FORMS_FILE)
        self._others: dict[str, RegisterForm] = {}
        for rec in field(data, "hinh_thuc", FORMS_FILE):
            form = RegisterForm(field(rec, "key", FORMS_FILE), field(rec, "name", FORMS_FILE),
                                field(rec, "cap", FORMS_FILE))
            for alias in (form.key, form.name, *rec.get("codes", ())):
                self._others[match_key(alias)] = form

    def resolve(self, name: str) -> RegisterForm:
        """The form named ``name``; an unknown form keeps its own name and an unknown level."""
        province = self.catalogue.find(name)
        if province is not None:
            return RegisterForm(province.key, province.name, self.province_level)
        key = match_key(name).strip("\"'“” ")
        for prefix in ("danh hiệu ", "tặng "):
            key = key.removeprefix(prefix)
        return self._others.get(key) or RegisterForm("khac:" + key, clean(name), UNKNOWN_LEVEL)
