"""Dated legal data read from the data files: award forms, coefficients, Căn cứ lines.

Every value carries its ``source`` and whether it was ``verified`` against the legal
text; ``rules_used_unverified`` turns the values a build used into warnings.
The files are found through ``Settings`` and loaded by ``rules.book.Rules``.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import UserError
from ..glossary import IssuerLevel, RecipientKind
from ..problems import Problem, Severity
from .collation import match_key
from .dates import short_date


class RuleError(UserError):
    """No rule applies (unknown form, kind not allowed, date outside every period) or bad data."""


class Ruled(Protocol):
    label: str
    source: str
    verified: bool


def cited(source: str, verified: bool) -> str:
    """A source as a warning cites it, flagged when not checked against the official text."""
    return source + ("" if verified else "; chưa đối chiếu với văn bản chính thức")


def load_toml(path: Path, parse_float: Callable[[str], Any] = Decimal) -> dict[str, Any]:
    """Read a data file (floats become Decimal unless told otherwise); errors in Vietnamese."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh, parse_float=parse_float)
    except FileNotFoundError:
        raise RuleError(f"Không tìm thấy tệp dữ liệu quy định {path}.") from None
    except tomllib.TOMLDecodeError as err:
        raise RuleError(f"Tệp dữ liệu quy định {path} sai cú pháp: {err}.") from None


def field(record: dict[str, Any], name: str, file: str) -> Any:
    try:
        return record[name]
    except KeyError:
        raise RuleError(f'Tệp dữ liệu quy định {file}: một mục thiếu trường "{name}".') from None


def covers(start: date, end: date | None, d: date) -> bool:
    return start <= d and (end is None or d <= end)


def _start(period: tuple[date, date | None]) -> date:
    return period[0]


def merge_periods(periods: Iterable[tuple[date, date | None]]) -> list[tuple[date, date | None]]:
    """Join periods that overlap or follow each other without a gap (None = open-ended)."""
    merged: list[tuple[date, date | None]] = []
    for start, end in sorted(periods, key=_start):
        if merged and (merged[-1][1] is None or (start - merged[-1][1]).days <= 1):
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, None if end is None or last_end is None else max(end, last_end))
        else:
            merged.append((start, end))
    return merged


def describe_periods(periods: Iterable[tuple[date, date | None]]) -> str:
    """"từ 01/01/2024 đến 30/6/2025; từ 01/9/2025"; adjacent periods are joined."""
    return "; ".join(
        f"từ {short_date(start)}" + (f" đến {short_date(end)}" if end else "")
        for start, end in merge_periods(periods)
    )


def check_no_overlap(periods: Iterable[tuple[date, date | None]], what: str, file: str) -> None:
    ordered = sorted(periods, key=_start)
    for (start, end), (next_start, _) in zip(ordered, ordered[1:]):
        if end is None or end >= next_start:
            raise RuleError(
                f"Tệp dữ liệu quy định {file}: {what} có hai giai đoạn chồng nhau "
                f"(từ {short_date(start)} và từ {short_date(next_start)})."
            )


def outside_periods(d: date, what: str, periods: Iterable[tuple[date, date | None]], file: str) -> RuleError:
    """The signing date ``d`` has no rule in the data ``file``: what to check, and how to add the rule."""
    return RuleError(
        f"Ngày ký {short_date(d)} nằm ngoài mọi giai đoạn có quy định về {what} "
        f"(có quy định {describe_periods(periods)}). Hãy kiểm tra lại ngày ký. Nếu ngày ký đúng và có văn bản quy "
        f"định cho giai đoạn này (kể cả quy định riêng của cơ quan), chạy lệnh \"tdkt mau\" trong thư mục chứa sổ "
        f"Excel, ghi giai đoạn đó kèm nguồn (văn bản, điều khoản) vào tệp mau/{file}, rồi chạy lại."
    )


def normalize_kind(kind: str) -> RecipientKind:
    """"cá  nhân" -> RecipientKind.INDIVIDUAL; RuleError for anything else."""
    for known in RecipientKind:
        if match_key(kind) == match_key(known.label):
            return known
    raise RuleError(f'Loại "{kind}" không hợp lệ; chỉ dùng: {", ".join(RecipientKind.labels())}.')


@dataclass(frozen=True)
class AwardForm:
    key: str
    name: str
    kinds: tuple[RecipientKind, ...]
    levels: tuple[IssuerLevel, ...]  # who may decide it
    authority_source: str            # the article that gives it to those levels
    is_title: bool                   # a danh hiệu thi đua: "tặng" or "công nhận", as the issuer writes
    paid: bool                       # comes with prize money
    source: str
    verified: bool
    phrase: str
    codes: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"thẩm quyền và cách viết của {self.name}"


@dataclass(frozen=True)
class Coefficient:
    value: Decimal
    source: str
    verified: bool
    form: str
    kind: RecipientKind
    effective_from: date
    effective_to: date | None = None
    of_kind: RecipientKind | None = None
    """When set, ``value`` multiplies the amount of that kind instead of the base salary."""

    @property
    def hundredths(self) -> int:
        return int(self.value * 100)

    @cached_property  # told in a warning by every decision that uses it
    def label(self) -> str:
        value = format(self.value.normalize(), "f")
        value = (value if "." in value else value + ".0").replace(".", ",")
        base = f"mức {self.of_kind.label.lower()}" if self.of_kind else "mức lương cơ sở"
        period = describe_periods([(self.effective_from, self.effective_to)])
        return f"hệ số {value} × {base} cho {self.form}, {self.kind.label.lower()}, {period}"


@dataclass(frozen=True)
class LegalBasis:
    text: str
    source: str
    verified: bool
    effective_from: date
    effective_to: date | None = None
    levels: tuple[IssuerLevel, ...] = ()  # empty: every level
    forms: tuple[str, ...] = ()           # form keys; empty: every form
    names: tuple[str, ...] = ()           # how a text citing it is recognised (its number, its title)

    def applies(self, d: date, level: IssuerLevel, form: str) -> bool:
        return (covers(self.effective_from, self.effective_to, d) and (not self.levels or level in self.levels)
                and (not self.forms or form in self.forms))

    @property
    def label(self) -> str:
        return f'dòng "{self.text}"'


FORMS_FILE = "khen-thuong.toml"
BASIS_FILE = "can-cu.toml"


def _read_coefficient(form_name: str, rec: dict[str, Any]) -> Coefficient:
    value = field(rec, "value", FORMS_FILE)
    if not isinstance(value, (Decimal, int)) or (Decimal(value) * 100) % 1:
        raise RuleError(f"Tệp dữ liệu quy định {FORMS_FILE}: hệ số {value} của {form_name} "
                        "phải là số có tối đa hai chữ số thập phân.")
    of_kind = rec.get("of_kind")
    return Coefficient(
        value=Decimal(value),
        source=field(rec, "source", FORMS_FILE),
        verified=bool(field(rec, "verified", FORMS_FILE)),
        form=form_name,
        kind=normalize_kind(field(rec, "kind", FORMS_FILE)),
        effective_from=field(rec, "from", FORMS_FILE),
        effective_to=rec.get("to"),
        of_kind=normalize_kind(of_kind) if of_kind else None,
    )


def _check_coefficients(form_name: str, coefs: list[Coefficient]) -> None:
    for kind in [k for k in RecipientKind if any(c.kind is k for c in coefs)]:
        periods = [(c.effective_from, c.effective_to) for c in coefs if c.kind == kind]
        check_no_overlap(periods, f"hệ số {form_name} cho {kind.label.lower()}", FORMS_FILE)
    plain = {c.kind for c in coefs if not c.of_kind}
    for c in coefs:
        if c.of_kind and c.of_kind not in plain:
            raise RuleError(f"Tệp dữ liệu quy định {FORMS_FILE}: hệ số {form_name} cho "
                            f"{c.kind.label.lower()} dựa vào mức {c.of_kind.label.lower()} chưa có.")


class Catalogue:
    """The award forms of the data file, their coefficients and every name they go by."""

    def __init__(self, data: dict[str, Any]):
        self._coefficients: dict[str, tuple[Coefficient, ...]] = {}
        forms = []
        for rec in field(data, "hinh_thuc", FORMS_FILE):
            name = field(rec, "name", FORMS_FILE)
            coefs = [_read_coefficient(name, c) for c in rec.get("he_so", ())]
            _check_coefficients(name, coefs)
            kinds = tuple(normalize_kind(k) for k in field(rec, "loai", FORMS_FILE))
            paid = bool(rec.get("tien_thuong", True))
            if paid and {c.kind for c in coefs} != set(kinds):
                raise RuleError(f"Tệp dữ liệu quy định {FORMS_FILE}: {name} cần hệ số tiền thưởng cho đúng các loại "
                                f"được tặng ({', '.join(k.label.lower() for k in kinds)}).")
            form = AwardForm(
                key=field(rec, "key", FORMS_FILE),
                name=name,
                kinds=kinds,
                levels=tuple(_level(key) for key in field(rec, "cap", FORMS_FILE)),
                authority_source=field(rec, "tham_quyen", FORMS_FILE),
                is_title=bool(field(rec, "danh_hieu", FORMS_FILE)),
                paid=paid,
                source=field(rec, "source", FORMS_FILE),
                verified=bool(field(rec, "verified", FORMS_FILE)),
                phrase=field(rec, "phrase", FORMS_FILE),
                codes=tuple(rec.get("codes", ())),
            )
            forms.append(form)
            self._coefficients[form.key] = tuple(coefs)
        self.forms = tuple(forms)
        self._index = self._build_index()
        self._found: dict[str, AwardForm | None] = {}

    def _build_index(self) -> dict[str, AwardForm]:
        index: dict[str, AwardForm] = {}
        for form in self.forms:
            for alias in (form.key, form.name, form.phrase, *form.codes):
                if index.setdefault(match_key(alias), form) is not form:
                    raise RuleError(f'Tệp dữ liệu quy định {FORMS_FILE}: tên "{alias}" dùng cho hai hình thức.')
        return index

    def names(self, level: IssuerLevel | None = None) -> tuple[str, ...]:
        """The forms' names (those ``level`` may decide, when given), in the order of the data file."""
        return tuple(form.name for form in self.forms if level is None or level in form.levels)

    def find(self, name: str) -> AwardForm | None:
        """Look a form up by name, phrase, key or short code, ignoring case, spacing and tone placement.
        Memoised: a workbook names the same few forms on every row."""
        if name not in self._found:
            self._found[name] = next((self._index[k] for k in _lookup_keys(name) if k in self._index), None)
        return self._found[name]

    def coefficient(self, form: AwardForm, kind: RecipientKind, d: date) -> Coefficient:
        """The coefficient for ``form`` and ``kind`` in force on the signing date ``d``."""
        if kind not in form.kinds:
            allowed = ", ".join(k.label.lower() for k in form.kinds)
            raise RuleError(f'"{form.name}" không tặng cho {kind.label.lower()}; chỉ tặng cho: {allowed}.')
        coefs = [c for c in self._coefficients[form.key] if c.kind is kind]
        for coef in coefs:
            if covers(coef.effective_from, coef.effective_to, d):
                return coef
        what = f'hệ số tiền thưởng "{form.name}" cho {kind.label.lower()}'
        raise outside_periods(d, what, [(c.effective_from, c.effective_to) for c in coefs], FORMS_FILE)


def _lookup_keys(text: str) -> Iterator[str]:
    key = match_key(text).strip("\"'“” ")
    yield key
    for prefix in map(match_key, ("danh hiệu ", "tặng ")):
        if key.startswith(prefix):
            yield from _lookup_keys(key[len(prefix):])


class LegalBases:
    """The national Căn cứ lines of decisions, by signing date, level and form."""

    def __init__(self, data: dict[str, Any]):
        bases = []
        for rec in field(data, "can_cu", BASIS_FILE):
            text = field(rec, "text", BASIS_FILE)
            if not (text.startswith("Căn cứ ") and text.endswith(";")):
                raise RuleError(f'Tệp dữ liệu quy định {BASIS_FILE}: dòng "{text}" phải bắt đầu bằng '
                                '"Căn cứ" và kết thúc bằng dấu ";".')
            bases.append(LegalBasis(
                text=text,
                source=field(rec, "source", BASIS_FILE),
                verified=bool(field(rec, "verified", BASIS_FILE)),
                effective_from=field(rec, "from", BASIS_FILE),
                effective_to=rec.get("to"),
                levels=tuple(_level(key) for key in rec.get("cap", ())),
                forms=tuple(rec.get("hinh_thuc", ())),
                names=tuple(rec.get("nhan_biet", ())),
            ))
        if not bases:
            raise RuleError(f"Tệp dữ liệu quy định {BASIS_FILE} chưa có dòng căn cứ nào.")
        self.lines = tuple(bases)

    def texts(self) -> dict[str, list[tuple[date, date | None]]]:
        """Each way a national text is cited (its number, its title) → the periods it is printed for."""
        found: dict[str, list[tuple[date, date | None]]] = {}
        for basis in self.lines:
            for name in basis.names:
                found.setdefault(name, []).append((basis.effective_from, basis.effective_to))
        return found

    def on(self, d: date, level: IssuerLevel = IssuerLevel.PROVINCE, form: str = "") -> list[LegalBasis]:
        """The Căn cứ lines of a decision of ``level`` about ``form`` signed on ``d``, in print order."""
        bases = [b for b in self.lines if b.applies(d, level, form)]
        if not bases:
            periods = merge_periods((b.effective_from, b.effective_to) for b in self.lines)
            raise outside_periods(d, "căn cứ pháp lý của quyết định khen thưởng", periods, BASIS_FILE)
        return bases


def _level(key: str) -> IssuerLevel:
    try:
        return IssuerLevel.from_key(key)
    except StopIteration:
        raise RuleError(f'Tệp dữ liệu quy định: cấp "{key}" không có; chỉ dùng tinh, so, xa, khac.') from None


def _flatten(used: Iterable[Any]) -> Iterator[Ruled]:
    for item in used:
        parts = getattr(item, "rules", None)
        if parts is None:
            yield item
        else:
            yield from _flatten(parts)


def rules_used_unverified(used: Iterable[Any]) -> list[Problem]:
    """One warning per distinct unverified value among ``used``.

    ``used`` holds what a build consumed: AwardForm, Coefficient, LegalBasis,
    money.BaseSalary / Rounding / Prize (a Prize stands for every rule behind it), and
    practice.UnitHead.
    """
    distinct = {id(item): item for item in used}.values()  # the awards of a decision share their prizes
    unverified = dict.fromkeys(r for r in _flatten(distinct) if not r.verified)
    return [Problem(Severity.WARNING, "du_lieu.chua_doi_chieu",
                    f"Chưa đối chiếu với văn bản chính thức: {r.label}; nguồn: {r.source}.") for r in unverified]
