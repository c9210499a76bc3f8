"""Award forms as the register knows them: the province's (data/khen-thuong.toml) and the
lower levels' (data/so-theo-doi.toml), each with its level for the statistics."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..rules.collation import clean, match_key
from ..rules.legal import field, find_form, load_data

FILE = "so-theo-doi.toml"
UNKNOWN_LEVEL = "Chưa xác định"


@dataclass(frozen=True)
class RegisterForm:
    key: str
    name: str
    level: str


@functools.cache
def _other_forms() -> tuple[dict[str, RegisterForm], str]:
    data = load_data(FILE)
    index: dict[str, RegisterForm] = {}
    for rec in field(data, "hinh_thuc", FILE):
        form = RegisterForm(field(rec, "key", FILE), field(rec, "name", FILE), field(rec, "cap", FILE))
        for alias in (form.key, form.name, *rec.get("codes", ())):
            index[match_key(alias)] = form
    return index, field(field(data, "cap_tinh", FILE), "cap", FILE)


def resolve_form(name: str) -> RegisterForm:
    """The form named ``name`` however it is spelled; an unknown form keeps its own name."""
    province = find_form(name)
    others, province_level = _other_forms()
    if province is not None:
        return RegisterForm(province.key, province.name, province_level)
    key = match_key(name).strip("\"'“” ")
    for prefix in ("danh hiệu ", "tặng "):
        key = key.removeprefix(prefix)
    return others.get(key) or RegisterForm("khac:" + key, clean(name), UNKNOWN_LEVEL)
