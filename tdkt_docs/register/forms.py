"""Award forms as the register knows them: every form of the catalogue (khen-thuong.toml), each with
the level it is counted under in the statistics (so-theo-doi.toml). Loaded through
``Rules.register_forms``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..glossary import IssuerLevel
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
        levels = field(data, "cap_thong_ke", FORMS_FILE)
        self._levels = {level: field(levels, level.key, FORMS_FILE) for level in IssuerLevel}

    def resolve(self, name: str) -> RegisterForm:
        """The form named ``name``, counted under its first issuing level; an unknown form keeps its own
        name and an unknown level."""
        key = match_key(name).strip("\"'“” ")
        for prefix in ("danh hiệu ", "tặng "):
            key = key.removeprefix(prefix)
        form = self.catalogue.find(name) or self.catalogue.find(key)
        if form is None:
            return RegisterForm("khac:" + key, clean(name), UNKNOWN_LEVEL)
        return RegisterForm(form.key, form.name, self._levels[form.levels[0]])
