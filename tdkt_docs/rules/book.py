"""``Rules``: the legal and practice data of one build, loaded once from the settings' search path."""
from __future__ import annotations

from datetime import date
from functools import cached_property
from pathlib import Path

from ..glossary import IssuerLevel, RecipientKind
from ..register.conditions import RULES_FILE, EligibilityRule, read_rules
from ..register.forms import FORMS_FILE as REGISTER_FORMS_FILE, RegisterForms
from ..settings import Settings
from ..text import spelled_out
from .collation import match_key
from .numbering import type_codes
from .legal import BASIS_FILE, FORMS_FILE, AwardForm, Catalogue, LegalBases, covers, load_toml
from .money import (SALARY_FILE, HighestTitleOnly, Prize, Rounding, Salaries, prize, read_highest_title,
                    read_rounding)
from .practice import (ANNIVERSARY_FILE, LEVELS_FILE, Anniversary, LevelDefaults, UnitHeads, read_anniversaries,
                       read_levels, read_unit_heads)

ND30_FILE = "nd30.toml"


class Rules:
    """Each data file is read on first use; ``files`` lists the ones read, in order."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.files: list[Path] = []
        self._prizes: dict[tuple, Prize] = {}

    def _load(self, name: str, **options) -> dict:
        path = self.settings.data(name)
        self.files.append(path)
        return load_toml(path, **options)

    @cached_property
    def catalogue(self) -> Catalogue:
        return Catalogue(self._forms_data)

    @cached_property
    def _forms_data(self) -> dict:
        return self._load(FORMS_FILE)

    @cached_property
    def bases(self) -> LegalBases:
        return LegalBases(self._load(BASIS_FILE))

    @cached_property
    def salaries(self) -> Salaries:
        return Salaries(self._load(SALARY_FILE))

    @cached_property
    def rounding(self) -> Rounding:
        return read_rounding(self._forms_data)

    @cached_property
    def _highest_title(self) -> tuple[HighestTitleOnly, ...]:
        return read_highest_title(self._forms_data)

    def highest_title(self, d: date) -> HighestTitleOnly | None:
        """The rule on several danh hiệu thi đua of one recipient at one time, in force on ``d``, if any."""
        return next((r for r in self._highest_title if covers(r.effective_from, r.effective_to, d)), None)

    @cached_property
    def _levels_data(self) -> dict:
        return self._load(LEVELS_FILE)

    @cached_property
    def levels(self) -> dict[IssuerLevel, LevelDefaults]:
        return read_levels(self._levels_data)

    @cached_property
    def unit_heads(self) -> UnitHeads:
        return read_unit_heads(self._levels_data)

    @cached_property
    def anniversaries(self) -> tuple[Anniversary, ...]:
        return read_anniversaries(self._load(ANNIVERSARY_FILE))

    @cached_property
    def nd30(self) -> dict:
        """The NĐ 30 format constants the checker applies."""
        return self._load(ND30_FILE, parse_float=float)

    @cached_property
    def type_codes(self) -> dict[str, str]:
        """Each document type's abbreviation in its number (NĐ 30 Phụ lục III): "TỜ TRÌNH": "TTr"."""
        return type_codes(self.nd30)

    def collective_body(self, name: str) -> str | None:
        """The kind of body ``name`` (its first name line) is when that kind also decides as a body, for which its
        own documents are signed "TM. <kind>" (nd30.toml, [[tham_quyen.nguoi_dung_dau]] tap_the): "ỦY BAN NHÂN
        DÂN"; None for any other."""
        key = match_key(spelled_out(name, self.abbreviations))
        return next((head["co_quan"] for head in self.nd30["tham_quyen"]["nguoi_dung_dau"]
                     if head["tap_the"] and key.startswith(match_key(head["co_quan"]))), None)

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """The abbreviations accepted in agency names, and what they stand for ("UBND": "ỦY BAN NHÂN DÂN")."""
        return dict(self.nd30["tham_quyen"]["viet_tat"])

    @cached_property
    def register_forms(self) -> RegisterForms:
        """The award register's forms: the province's and the lower levels', with their levels."""
        return RegisterForms(self._load(REGISTER_FORMS_FILE), self.catalogue)

    @cached_property
    def eligibility_rules(self) -> tuple[EligibilityRule, ...]:
        """The conditions every nomination is reviewed against (earlier awards, the rest of the workbook)."""
        return read_rules(self._load(RULES_FILE), self.register_forms)

    def prize(self, form: AwardForm, kind: RecipientKind, d: date) -> Prize | None:
        """Prize for one awardee of ``kind`` receiving ``form`` by a decision signed on ``d``;
        None for a form that comes without money. One object for all such awardees (memoised: a year-end
        batch has a hundred thousand)."""
        if not form.paid:
            return None
        key = (form.key, kind, d)
        if key not in self._prizes:
            self._prizes[key] = prize(lambda k: self.catalogue.coefficient(form, k, d), self.salaries.on(d),
                                      self.rounding, kind)
        return self._prizes[key]

    def user_files(self) -> list[Path]:
        return [path for path in dict.fromkeys(self.files) if self.settings.is_user_file(path)]
