"""Eligibility: every nomination against the award register and the rest of the workbook, by the rules in
dieu-kien.toml (``Rules.eligibility_rules``). Runs in ``build.Prepared.review`` (before composing for
``tdkt check``, while the documents render for ``tdkt build``), so both show what it finds."""
from __future__ import annotations

from dataclasses import dataclass

from ..glossary import RecipientKind, kept_name
from ..problems import Location, Problem, Severity
from ..read.records import Nomination
from ..read.schema import NOMINATIONS
from ..read.validate import record_problem
from ..rules.awards import Award
from ..rules.book import Rules
from ..rules.collation import match_key, name_key, normal_cccd
from .conditions import Check, EligibilityRule
from .location import absent
from .model import AwardRow, achievement_key, awardee, unit_key


@dataclass(frozen=True)
class Earlier:
    """An award a nomination is compared with: in the register, or on another row."""

    form_key: str
    form: str
    year: int
    achievement: str
    where: str            # "Quyết định số … ngày …" or "dòng 12 của sổ này"
    certain: bool         # the same recipient for sure (CCCD, or name and unit)
    below: bool = False   # a later row of this workbook: counts toward a streak; a clash is told on that row
    one_prize: bool = False  # a title of the same batch whose prize stands for both (told by the rules stage)


@dataclass(frozen=True, slots=True)
class Probe:
    """One nomination under review: its award, how the register would see it, and its year."""

    award: Award

    @property
    def nomination(self) -> Nomination:
        return self.award.nomination

    @property
    def row(self) -> AwardRow:
        """Made when asked for, not held: a year-end review holds a hundred thousand probes at once."""
        n = self.award.nomination
        return AwardRow(**awardee(n.kind, n.name, n.address, n.rank), unit=n.workplace, proposing_unit=n.unit,
                        birth_year=n.birth_year, cccd=n.cccd, achievement=n.achievement)

    @property
    def year(self) -> int:
        return self.award.batch.signing.year

    @property
    def namesake_key(self) -> tuple:
        """Rows that may be the same recipient share this key: kind and name as the register keeps it (``row``),
        and a collective's unit (a collective's name means something only in its unit, which one workbook writes
        in full: "Văn phòng" of two Sở, or of two xã of one huyện ("UBND xã A, huyện X"), are two collectives)."""
        n = self.award.nomination
        unit = match_key(n.workplace or n.unit) if n.kind is RecipientKind.COLLECTIVE else ""
        return n.kind, name_key(kept_name(n.kind, n.name)), unit


def review_eligibility(awards: list[Award], rules: Rules, register_url: str | None,
                       workbook: str) -> tuple[list[Problem], dict[int, list[Earlier]]]:
    """Problems for the awards that passed appraisal, and the earlier awards in the register of each that has any
    (by workbook row); the register at ``register_url`` is read when it exists (never created here).
    ``workbook`` is the file name, to know this workbook's own awards."""
    probes = [Probe(a) for a in awards if a.passed]
    earlier = _in_workbook(probes)
    history: dict[int, list[Earlier]] = {}
    problems: list[Problem] = []
    uncovered: list[tuple[EligibilityRule, int]] | None = None  # None: streaks cannot be judged
    if register_url is not None and not absent(register_url):
        from . import asked  # SQLAlchemy: loaded only by a review given a register

        if (register := asked.opened(register_url, problems)) is not None:
            own = {(match_key(p.nomination.batch), p.nomination.rows[0]): p.award.batch.signing for p in probes}
            with register, register.read() as conn:
                for probe in probes:
                    row = probe.nomination.rows[0]
                    if found := asked.earlier(conn, probe, workbook, own):
                        history[row] = found
                        earlier[row] = earlier.get(row, []) + found
                uncovered = asked.uncovered(conn, rules.eligibility_rules, probes)
            problems += [_coverage_note(rule, year) for rule, year in uncovered]
    for probe in probes:
        for rule in rules.eligibility_rules:
            if rule.check is Check.STREAK and (uncovered is None or (rule, probe.year) in uncovered):
                continue
            problems += _findings(rule, probe, earlier.get(probe.nomination.rows[0], []))
    return problems, history


def _same(a: AwardRow, b: AwardRow) -> bool | None:
    """Of two rows with one ``Probe.namesake_key``: True, the same recipient; None, perhaps (other unit); False,
    different."""
    if a.kind is RecipientKind.COLLECTIVE:
        return True  # its unit is in the key
    ca, cb = normal_cccd(a.cccd), normal_cccd(b.cccd)
    if ca and cb:
        return ca == cb
    if unit_key(a.unit or a.proposing_unit) != unit_key(b.unit or b.proposing_unit):
        return None
    return a.birth_year is None or b.birth_year is None or a.birth_year == b.birth_year


def _in_workbook(probes: list[Probe]) -> dict[int, list[Earlier]]:
    """Workbook row → the other rows that may be the same recipient, for the rows that have any. Only rows of
    one namesake group can be (``Probe.namesake_key``); most rows are alone in theirs."""
    first: dict[tuple, Probe] = {}
    groups: dict[tuple, list[Probe]] = {}
    for probe in probes:
        key = probe.namesake_key
        if (alone := first.setdefault(key, probe)) is not probe:
            groups.setdefault(key, [alone]).append(probe)
    earlier = {}
    for group in groups.values():
        rows = [probe.row for probe in group]
        for probe, row in zip(group, rows):
            if found := _namesakes(probe, row, group, rows):
                earlier[probe.nomination.rows[0]] = found
    return earlier


def _namesakes(probe: Probe, row: AwardRow, group: list[Probe], rows: list[AwardRow]) -> list[Earlier]:
    """The others of ``probe``'s namesake ``group`` (``rows``: how the register sees each) that may be it."""
    found = []
    for other, other_row in zip(group, rows):
        if other is probe:
            continue
        same = _same(row, other_row)
        if same is not False:
            form = other.award.form
            found.append(Earlier(form.key, form.name, other.year, achievement_key(other.nomination.achievement),
                                 f"dòng {other.nomination.rows[0]} của sổ này", bool(same),
                                 other.nomination.rows[0] > probe.nomination.rows[0],
                                 probe.award.shares_prize_with(other.award)))
    return found


def _coverage_note(rule: EligibilityRule, year: int) -> Problem:
    return Problem(Severity.WARNING, "dieu_kien.chua_du_so_lieu",
                   f"sổ theo dõi chưa có khen thưởng nào trong các năm {year - rule.years}–{year} để đối chiếu "
                   f"điều kiện: {rule.label} ({rule.cited}). Hãy ghi bổ sung các quyết định cũ bằng "
                   "tdkt ghi-so --danh-sach.", Location(NOMINATIONS.title))


def _findings(rule: EligibilityRule, probe: Probe, earlier: list[Earlier]) -> list[Problem]:
    if not rule.applies(probe.award.form.key):
        return []
    if rule.check is Check.STREAK:
        return _streak(rule, probe, earlier)
    if not earlier:  # most awardees
        return []
    achievement = achievement_key(probe.nomination.achievement)
    hits = [e for e in earlier if not e.below and _hit(rule, e, probe, achievement)]
    return [_problem(rule, probe.nomination, e, _message(rule, e)) for e in hits]


def _hit(rule: EligibilityRule, e: Earlier, probe: Probe, achievement: str) -> bool:
    if rule.check is Check.SAME_PERIOD:
        return e.form_key == probe.award.form.key and e.year == probe.year
    if rule.check is Check.SAME_ACHIEVEMENT:
        return bool(achievement) and e.achievement == achievement and not e.one_prize
    return e.form_key == probe.award.form.key and 0 <= probe.year - e.year < rule.years  # INTERVAL


def _message(rule: EligibilityRule, e: Earlier) -> str:
    if rule.check is Check.INTERVAL:
        return f"đã được tặng {e.form} năm {e.year} ({e.where}), chưa đủ {rule.years} năm"
    return f"đã được tặng {e.form} ({e.where})"


def _streak(rule: EligibilityRule, probe: Probe, earlier: list[Earlier]) -> list[Problem]:
    counted = [e for e in earlier if e.certain and e.form_key in rule.required]
    held = sorted({e.year for e in counted})
    for end in (probe.year, probe.year - 1):
        if all(y in held for y in range(end - rule.years + 1, end + 1)):
            return []
    where = "; ".join(sorted({e.where for e in counted}))
    detail = f"sổ theo dõi chỉ ghi nhận các năm: {', '.join(map(str, held))} ({where})" if held else \
        "sổ theo dõi chưa ghi nhận năm nào"
    return [_problem(rule, probe.nomination, None, detail)]


def _problem(rule: EligibilityRule, n: Nomination, e: Earlier | None, detail: str) -> Problem:
    certain = e is None or e.certain
    severity = Severity.ERROR if rule.absolute and certain else Severity.WARNING
    who = f'"{n.name}"' if certain else \
        f'"{n.name}" có thể là cùng người/tập thể đã khen (cùng tên, khác đơn vị hoặc chưa rõ)'
    return record_problem(NOMINATIONS, n, "name", f"dieu_kien.{rule.key}",
                          f"{who}: {detail}. Quy tắc: {rule.label} ({rule.cited}).", severity)
