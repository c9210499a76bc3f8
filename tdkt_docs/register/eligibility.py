"""Eligibility, checked before drafting: every nomination against the register and the rest of
the workbook, by the rules in data/dieu-kien.toml (each with its article and source)."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from sqlalchemy import Connection, select

from ..errors import UserError
from ..read.problems import ERROR, WARNING, Problem
from ..read.records import Nomination
from ..read.schema import BATCHES, NOMINATIONS
from ..read.workbook import WorkbookData
from ..rules.collation import match_key
from ..rules.dates import short_date
from ..rules.legal import field as need, load_data
from .forms import resolve_form
from .history import HistoryLine, lookup_in
from .matching import known_recipients
from .model import AwardRow, achievement_key, normal_cccd, unit_key
from .store import open_register
from .tables import CURRENT, awards, decisions

FILE = "dieu-kien.toml"
KINDS_OF_RULE = ("cung_ky", "cung_thanh_tich", "lien_tuc", "khoang_cach")


@dataclass(frozen=True)
class Rule:
    key: str
    kind: str
    label: str
    article: str
    source: str
    verified: bool
    absolute: bool
    forms: frozenset[str] = frozenset()      # form keys the rule is about (empty: every form)
    required: frozenset[str] = frozenset()   # form keys that must come first (lien_tuc)
    years: int = 0

    def applies(self, form_key: str) -> bool:
        return not self.forms or form_key in self.forms

    @property
    def cited(self) -> str:
        return self.article + ("" if self.verified else "; chưa đối chiếu với văn bản chính thức")


def parse_rules(data: dict[str, Any], file: str = FILE) -> tuple[Rule, ...]:
    rules = []
    for rec in need(data, "quy_tac", file):
        kind = need(rec, "loai", file)
        if kind not in KINDS_OF_RULE:
            raise UserError(f'Tệp dữ liệu {file}: quy tắc "{rec.get("key")}" có loai "{kind}" không hợp lệ; '
                            f"chỉ dùng: {', '.join(KINDS_OF_RULE)}.")
        rules.append(Rule(
            key=need(rec, "key", file), kind=kind, label=need(rec, "ten", file), article=need(rec, "dieu_khoan", file),
            source=need(rec, "source", file), verified=bool(need(rec, "verified", file)),
            absolute=bool(need(rec, "tuyet_doi", file)),
            forms=frozenset(resolve_form(f).key for f in rec.get("hinh_thuc", ())),
            required=frozenset(resolve_form(f).key for f in rec.get("can_co", ())),
            years=int(rec.get("so_nam", 0))))
    return tuple(rules)


@functools.cache
def rules() -> tuple[Rule, ...]:
    return parse_rules(load_data(FILE))


@dataclass(frozen=True)
class Earlier:
    """An award the nomination is compared with: in the register, or on another row."""

    form_key: str
    form: str
    year: int
    achievement: str
    where: str            # "Quyết định số … ngày …" or "dòng 12"
    certain: bool         # the same recipient for sure (CCCD, or name and unit)


@dataclass
class Review:
    problems: list[Problem] = field(default_factory=list)
    history: dict[int, list[HistoryLine]] = field(default_factory=dict)  # nomination row → earlier awards
    register: str = ""    # which register was consulted ("" when none)


def review_workbook(data: WorkbookData, url: str | None = None, rulebook: tuple[Rule, ...] | None = None) -> Review:
    """Findings for every nomination; the register is read when it exists (never created here)."""
    rulebook = rules() if rulebook is None else rulebook
    nominations: list[Nomination] = data.all(NOMINATIONS.key)
    years = {match_key(b.name): b.signing.year for b in data.all(BATCHES.key) if b.signing}
    probes = [(n, _probe(n), years.get(match_key(n.batch))) for n in nominations]
    probes = [(n, p, y) for n, p, y in probes if y is not None]
    review = Review()
    try:
        register = open_register(url, create=False)
    except UserError as exc:
        review.problems.append(Problem(WARNING, NOMINATIONS.title, f"chưa đối chiếu với sổ theo dõi khen thưởng: {exc}"))
        register = None
    earlier = {n.rows[0]: _in_workbook(n, p, probes) for n, p, _ in probes}
    uncovered: list[tuple[Rule, int]] = []
    if register is not None:
        with register, register.read() as conn:
            review.register = register.name
            for n, probe, _ in probes:
                found, lines = _in_register(conn, probe, n, data.path.name)
                earlier[n.rows[0]] += found
                review.history[n.rows[0]] = lines
            uncovered = _uncovered(conn, rulebook, probes)
            review.problems += [_coverage_note(rule, year) for rule, year in uncovered]
    for n, probe, year in probes:
        form = resolve_form(n.form)
        for rule in rulebook:
            checkable = register is not None and (rule, year) not in uncovered if rule.kind == "lien_tuc" else True
            if checkable:
                review.problems += _findings(rule, n, form.key, year, earlier[n.rows[0]])
    return review


def _probe(n: Nomination) -> AwardRow:
    return AwardRow(kind=n.kind, name=n.name, address=n.address, unit=n.workplace, proposing_unit=n.unit,
                    birth_year=n.birth_year, cccd=n.cccd, achievement=n.achievement)


def _same(a: AwardRow, b: AwardRow) -> bool | None:
    """True: the same recipient; None: perhaps (same name, other unit); False: different."""
    if a.kind != b.kind or match_key(a.name) != match_key(b.name):
        return False
    ca, cb = normal_cccd(a.cccd), normal_cccd(b.cccd)
    if ca and cb:
        return ca == cb
    if unit_key(a.unit or a.proposing_unit) != unit_key(b.unit or b.proposing_unit):
        return None
    return a.birth_year is None or b.birth_year is None or a.birth_year == b.birth_year


def _in_workbook(n: Nomination, probe: AwardRow, probes: list) -> list[Earlier]:
    found = []
    for other, other_probe, year in probes:
        if other is n or other.rows[0] > n.rows[0]:
            continue  # each pair is reported once, on the later row
        same = _same(probe, other_probe)
        if same is not False:
            form = resolve_form(other.form)
            found.append(Earlier(form.key, form.name, year, achievement_key(other.achievement),
                                 f"dòng {other.rows[0]} của sổ này", bool(same)))
    return found


def _in_register(conn: Connection, probe: AwardRow, n: Nomination,
                 workbook: str) -> tuple[list[Earlier], list[HistoryLine]]:
    certain, uncertain = known_recipients(conn, probe)
    ids = certain + uncertain
    if not ids:
        return [], []
    rows = conn.execute(select(awards.c.recipient_id, awards.c.achievement, awards.c.source, awards.c.source_row,
                               decisions.c.batch, decisions.c.form_key, decisions.c.form_name, decisions.c.number, decisions.c.signed,
                               decisions.c.issuer)
                        .join(decisions, decisions.c.id == awards.c.decision_id)
                        .where(CURRENT, awards.c.recipient_id.in_(ids))).all()
    found = [Earlier(r.form_key, r.form_name, r.signed.year, achievement_key(r.achievement),
                     f"Quyết định số {r.number} ngày {short_date(r.signed)} ({r.issuer})", r.recipient_id in certain)
             for r in rows if not _itself(r, n, workbook)]
    return found, lookup_in(conn, "", recipient_ids=ids)


def _itself(row, n: Nomination, workbook: str) -> bool:
    """The award this very nomination became, once recorded (from this workbook or a copy of it)."""
    return row.source_row == n.rows[0] and (row.source == workbook or match_key(row.batch) == match_key(n.batch))


def _uncovered(conn: Connection, rulebook: tuple[Rule, ...], probes: list) -> list[tuple[Rule, int]]:
    """Streak rules whose earlier years the register holds nothing of: they cannot be judged yet."""
    missing = []
    for rule in (r for r in rulebook if r.kind == "lien_tuc"):
        for year in sorted({y for n, _, y in probes if rule.applies(resolve_form(n.form).key)}):
            held = conn.execute(select(decisions.c.id).where(
                CURRENT, decisions.c.form_key.in_(rule.required),
                decisions.c.signed.between(dt.date(year - rule.years, 1, 1), dt.date(year, 12, 31)))).first()
            if held is None:
                missing.append((rule, year))
    return missing


def _coverage_note(rule: Rule, year: int) -> Problem:
    return Problem(WARNING, NOMINATIONS.title,
                   f"sổ theo dõi chưa có khen thưởng nào trong các năm {year - rule.years}–{year} để đối chiếu "
                   f"điều kiện: {rule.label} ({rule.cited}). Hãy ghi bổ sung các quyết định cũ bằng "
                   "tdkt ghi-so --danh-sach.")


def _findings(rule: Rule, n: Nomination, form_key: str, year: int, earlier: list[Earlier]) -> list[Problem]:
    if not rule.applies(form_key):
        return []
    if rule.kind == "lien_tuc":
        return _streak(rule, n, year, earlier)
    hits = [e for e in earlier if _hit(rule, e, form_key, year, achievement_key(n.achievement))]
    return [_problem(rule, n, e, _message(rule, e)) for e in hits]


def _hit(rule: Rule, e: Earlier, form_key: str, year: int, achievement: str) -> bool:
    if rule.kind == "cung_ky":
        return e.form_key == form_key and e.year == year
    if rule.kind == "cung_thanh_tich":
        return bool(achievement) and e.achievement == achievement
    return e.form_key == form_key and 0 <= year - e.year < rule.years  # khoang_cach


def _message(rule: Rule, e: Earlier) -> str:
    if rule.kind == "khoang_cach":
        return f"đã được tặng {e.form} năm {e.year} ({e.where}), chưa đủ {rule.years} năm"
    return f"đã được tặng {e.form} ({e.where})"


def _streak(rule: Rule, n: Nomination, year: int, earlier: list[Earlier]) -> list[Problem]:
    held = sorted({e.year for e in earlier if e.certain and e.form_key in rule.required})
    for end in (year, year - 1):
        if all(y in held for y in range(end - rule.years + 1, end + 1)):
            return []
    have = ", ".join(map(str, held)) or "không năm nào"
    where = "; ".join(sorted({e.where for e in earlier if e.certain and e.form_key in rule.required}))
    return [_problem(rule, n, None, f"sổ theo dõi chỉ ghi nhận các năm: {have}" + (f" ({where})" if where else ""))]


def _problem(rule: Rule, n: Nomination, e: Earlier | None, detail: str) -> Problem:
    certain = e is None or e.certain
    severity = ERROR if rule.absolute and certain else WARNING
    who = f'"{n.name}"' if certain else f'"{n.name}" có thể là cùng người/tập thể đã khen (cùng tên, khác đơn vị hoặc chưa rõ)'
    index = next(i for i, c in enumerate(NOMINATIONS.columns, start=1) if c.key == "name")
    return Problem(severity, NOMINATIONS.title, f"{who}: {detail}. Quy tắc: {rule.label} ({rule.cited}).",
                   cell=f"{get_column_letter(index)}{n.rows[0]}", column=NOMINATIONS.column("name").header)
