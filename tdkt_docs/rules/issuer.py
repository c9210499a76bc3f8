"""The issuer's profile: the Cơ quan sheet, completed with its level's usual wording where it is silent.

Every value the workbook leaves out is taken from cap-ban-hanh.toml and reported as a
warning naming the row to add, so an earlier workbook keeps building and says what it lacks.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..glossary import IssuerLevel, Verb
from ..problems import Location, Problem, Severity
from ..read.records import Agency, DecisionBasis
from ..read.schema import AGENCY, BASIS_POSITIONS, DECISION_BASIS
from ..read.workbook import WorkbookData
from ..text import fold
from .collation import match_key
from .legal import covers
from .practice import LevelDefaults

DEPUTY = "PHÓ "


@dataclass(frozen=True)
class Issuer:
    """Who issues and how it writes; every field filled."""

    agency: Agency
    level: IssuerLevel
    head: str                   # "Chủ tịch", "Giám đốc"
    authority: str              # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"
    appraiser: str
    appraising_body: str        # "Sở Nội vụ": writes the Tờ trình
    appraising_head: str        # "Giám đốc"
    executors: tuple[str, ...]
    fund: str
    archive: str
    verb: Verb
    bases: tuple[DecisionBasis, ...]

    @property
    def head_of(self) -> str:
        """"Chủ tịch UBND tỉnh Bắc Ninh", "Giám đốc Sở Giáo dục và Đào tạo": who decides, as lists name it."""
        return f"{self.head} {self.agency.short_name}"

    def signs_as(self, position: str) -> bool:
        """The head or a deputy of the head signs: "CHỦ TỊCH", "PHÓ CHỦ TỊCH"."""
        head = self.head.upper()
        return position.upper() in (head, DEPUTY + head)

    def archive_for(self, own: str) -> str:
        """A document's Nơi lưu: its own cell, or the issuer's when that is blank."""
        return own or self.archive

    def own_bases(self, d: date, before: bool) -> list[str]:
        """The issuer's Căn cứ lines in force on ``d``, placed before or after the national ones."""
        return [b.text for b in self.bases if covers(b.start or date.min, b.end, d)
                and (b.position == BASIS_POSITIONS[0]) == before]


def issuer_of(data: WorkbookData, levels: dict[IssuerLevel, LevelDefaults]) -> tuple[Issuer | None, list[Problem]]:
    """The issuer of the workbook's documents, and a warning for each default it needed."""
    agency: Agency | None = data.one(AGENCY.key)
    if agency is None:
        return None, []
    problems: list[Problem] = []

    def pick(key: str, default, shown: str, level: IssuerLevel | None = None):
        given = getattr(agency, key)
        if given:
            return given
        _defaulted(agency, key, shown, problems, level)
        return default

    level = pick("level", IssuerLevel.PROVINCE, IssuerLevel.PROVINCE.label)
    usual = levels[level]
    head = pick("head", usual.head, usual.head, level)
    authority = f"{head.upper()} {' '.join(agency.header_lines)}"
    fund = usual.fund.format(co_quan=agency.short_name)
    values = {
        "authority": pick("authority", authority, authority, level),
        "appraiser": pick("appraiser", usual.appraiser, usual.appraiser, level),
        "appraising_body": pick("appraising_body", usual.appraising_body, usual.appraising_body, level),
        "appraising_head": pick("appraising_head", usual.appraising_head, usual.appraising_head, level),
        "executors": pick("executors", usual.executors, "; ".join(usual.executors), level),
        "fund": pick("fund", fund, fund, level),
        "archive": pick("archive", usual.archive, usual.archive, level),
    }
    problems += _authority_problems(agency, head, values["authority"])
    verb = pick("verb", Verb.GIVE, Verb.GIVE.label, level)
    if DECISION_BASIS.key in data.missing:
        problems.append(Problem(
            Severity.WARNING, "co_quan.thieu_can_cu",
            f'sổ chưa có trang "{DECISION_BASIS.title}": quyết định khen thưởng chỉ có các căn cứ luật, nghị định. '
            f'Hãy thêm trang này (cột "Nội dung căn cứ", "Áp dụng từ ngày", "Đến ngày", "Vị trí"; sổ do tdkt init '
            "tạo đã có sẵn) và ghi căn cứ riêng của cơ quan, ví dụ quy chế thi đua, khen thưởng của tỉnh.",
            Location(DECISION_BASIS.title)))
    problems += _basis_problems(data.all(DECISION_BASIS.key))
    return Issuer(agency, level, head, verb=verb, bases=tuple(data.all(DECISION_BASIS.key)), **values), problems


def _defaulted(agency: Agency, key: str, value: str, problems: list[Problem], level: IssuerLevel | None) -> None:
    """Report that ``value`` stands in for the row ``key``: a warning when the workbook lacks the row, an
    error when there is nothing to stand in (an empty cell otherwise takes the level's wording silently)."""
    column = AGENCY.column(key)
    cell = agency.cells.get(key)
    if not value:
        problems.append(Problem(Severity.ERROR, "co_quan.thieu", f'dòng "{column.header}" bắt buộc với '
                                f"{level.label.lower()}: hãy điền ở cột B.",
                                Location(AGENCY.title, cell or "", column.header)))
    elif cell is None:  # a workbook of an earlier version: say what to add (an empty cell is the user's choice)
        whose = f" (cách viết thường gặp của {level.label.lower()})" if level else ""
        problems.append(Problem(Severity.WARNING, "co_quan.mac_dinh",
                                f'chưa có dòng "{column.header}" (thêm ở cột A, giá trị ở cột B; sổ do tdkt init tạo '
                                f'đã có sẵn): đang dùng "{value}"{whose}.', Location(AGENCY.title, column=column.header)))


def _authority_problems(agency: Agency, head: str, authority: str) -> list[Problem]:
    """The authority line must be the head's title and the issuing body's full name (NĐ 30, Mẫu 1.2): a typo
    here is blamed on its cell, before the format checker would blame the template."""
    full_name = " ".join(agency.name_lines)
    if fold(authority) == fold(f"{head} {full_name}"):
        return []
    column = AGENCY.column("authority")
    return [Problem(Severity.ERROR, "co_quan.tham_quyen",
                    f'dòng thẩm quyền "{authority}" phải là chức danh thủ trưởng và tên đầy đủ của cơ quan ban hành: '
                    f'"{head.upper()} {full_name.upper()}".',
                    Location(AGENCY.title, agency.cells.get("authority", ""), column.header))]


def _basis_problems(bases: list[DecisionBasis]) -> list[Problem]:
    problems = []
    for basis in bases:
        if "…" in basis.text or "..." in basis.text:
            problems.append(Problem(Severity.ERROR, "can_cu.chua_dien", 'dòng căn cứ còn chỗ "…" chưa điền (số, ngày, '
                                    "tên văn bản).", Location(DECISION_BASIS.title, basis.cells.get("text", ""),
                                                              DECISION_BASIS.column("text").header)))
        if not match_key(basis.text).startswith(match_key("Căn cứ")):
            problems.append(Problem(Severity.ERROR, "can_cu.chu_dau", f'dòng căn cứ phải bắt đầu bằng "Căn cứ": '
                                    f'"{basis.text[:40]}…".', Location(DECISION_BASIS.title, basis.cells.get("text", ""),
                                                                       DECISION_BASIS.column("text").header)))
        if basis.start and basis.end and basis.end < basis.start:
            problems.append(Problem(Severity.ERROR, "can_cu.ngay", "ngày kết thúc trước ngày áp dụng.",
                                    Location(DECISION_BASIS.title, basis.cells.get("end", ""),
                                             DECISION_BASIS.column("end").header)))
    return problems
