"""A signed decision read back from its .docx, once the văn thư has typed its number and date.

The document is read as ``tdkt build`` lays it out: "Số: 125/QĐ-UBND", "Bắc Ninh, ngày 25 tháng 3
năm 2024", the trích yếu, Điều 1 and 2, the signature and the numbered lines of the Danh sách.
A person's position and unit are printed joined by commas: the last part is taken as the unit.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.document import Document

from ..errors import UserError
from ..glossary import RecipientKind
from ..manifest import FILENAME, load
from ..rules.collation import clean, match_key
from ..rules.dates import short_date
from ..rules.legal import RuleError
from ..rules.practice import UnitHeads
from .model import AwardRow, SignedDecision, awardee
from .prize_date import each, prize_change

if TYPE_CHECKING:
    from ..rules.book import Rules

_NUMBER = re.compile(r"Số\s*:\s*(\d+)\s*/\s*(\S+)")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_SUBJECT = re.compile(r"^Về việc\s+(?:tặng|công nhận)\s+(.+)$", re.IGNORECASE)
_GROUP = re.compile(r"^[IVXLC]+\.\s+(.+?)\s*\(\d+\)$")
_ENTRY = re.compile(r"^\d+\.\s+(.+?)[;.]?$")
_AMOUNT = re.compile(r"mỗi\s+(tập thể|cá nhân|hộ gia đình)\s+là\s+([\d.]+)\s+đồng", re.IGNORECASE)
_INSTEAD = re.compile(r"\(riêng (.+?)\); tổng số tiền")  # "(riêng bà A nhận tiền thưởng của …; ông B …)"
_ACHIEVEMENT = re.compile(r"\(có danh sách kèm theo\),\s*(.+?)\.?$")
_PROPOSAL = re.compile(r"^Xét đề nghị của (.+?) tại Tờ trình số")
PARENT_STYLE = "Cơ quan chủ quản"


def read_signed_docx(path: Path, rules: Rules) -> SignedDecision:
    """The decision in ``path``; UserError naming the file when it is not a signed award decision, or when its
    date gives other prizes than its Điều 2. The unit heads' titles in ``rules`` tell the proposing unit in the
    "Xét đề nghị" line."""
    document = _open(path)
    header = [c for row in document.tables[0].rows for c in row.cells] if document.tables else []
    texts = [clean(p.text) for p in document.paragraphs]
    head = " ".join(clean(c.text) for c in header)
    number, signed = _NUMBER.search(head), _DATE.search(head)
    if not number or not signed:
        missing = " và ".join(w for w, ok in (("số", number), ("ngày ký", signed)) if not ok)
        raise UserError(f'Văn bản "{path.name}" chưa có {missing} (dòng "Số: …/QĐ-…" và "…, ngày … tháng … năm …" '
                        "ở đầu văn bản). Văn thư cần ghi số và ngày vào văn bản đã ký rồi mới ghi vào sổ theo dõi.")
    try:
        date = dt.date(*(int(signed.group(i)) for i in (3, 2, 1)))
    except ValueError:
        raise UserError(f'Văn bản "{path.name}": ngày "{signed.group(0)}" không có thật.') from None
    form = next((m.group(1) for t in texts if (m := _SUBJECT.match(t))), None)
    if form is None:
        raise UserError(f'Văn bản "{path.name}" không có dòng trích yếu "Về việc tặng …": '
                        "không phải quyết định khen thưởng do tdkt build tạo.")
    awards = _built_rows(path, _awards(texts, path, rules.unit_heads))
    if not awards:
        raise UserError(f'Văn bản "{path.name}" không có danh sách kèm theo (các dòng "1. Ông …;" sau "DANH SÁCH").')
    _check_prizes(path, form, awards, date, rules)
    signature = document.tables[-1].rows[0].cells[-1] if len(document.tables) > 1 else None
    lines = [clean(p.text) for p in signature.paragraphs if clean(p.text)] if signature else []
    return SignedDecision(
        issuer=" ".join(_issuer_lines(header[0]) if header else []), number=f"{number.group(1)}/{number.group(2)}",
        signed=date, form=form, signer=lines[-1] if lines else "", position=" / ".join(lines[:-1]),
        awards=awards, source=path.name)


def _check_prizes(path: Path, phrase: str, awards: tuple[AwardRow, ...], signed: dt.date, rules: Rules) -> None:
    """Refuse a decision whose Điều 2 amounts are not the prizes of its form on its signing date (one written
    for a planned date in another lương cơ sở period); a form the catalogue does not know is left as printed."""
    form = rules.catalogue.find(phrase)
    printed = {a.kind: a.amount for a in awards if a.amount}
    if form is None or not form.paid or not printed:
        return
    try:
        change = prize_change(form, printed, signed, rules)
    except RuleError as exc:
        raise UserError(f'Văn bản "{path.name}": không tính được tiền thưởng khi ký ngày {short_date(signed)} (ngày '
                        f"ký ghi trên văn bản): {exc}") from None
    if change:
        raise UserError(f'Văn bản "{path.name}" ghi tiền thưởng {each(printed)} (Điều 2); {change}')


def _open(path: Path) -> Document:
    if not path.is_file():
        raise UserError(f'Không tìm thấy tệp "{path}".')
    if path.suffix.lower() != ".docx" or not zipfile.is_zipfile(path):
        raise UserError(f'Tệp "{path.name}" không phải văn bản Word .docx.')
    try:
        return docx.Document(str(path))
    except Exception:  # noqa: BLE001 - any damage inside the package
        raise UserError(f'Không đọc được văn bản "{path.name}": tệp bị hỏng.') from None


def _issuer_lines(cell) -> list[str]:
    return [clean(p.text) for p in cell.paragraphs if clean(p.text) and p.style.name != PARENT_STYLE]


def _awards(texts: list[str], path: Path, heads: UnitHeads) -> tuple[AwardRow, ...]:
    article_1 = next((t for t in texts if t.startswith("Điều 1.")), "")
    article_2 = next((t for t in texts if t.startswith("Điều 2.")), "")
    amounts = {match_key(kind): int(value.replace(".", "")) for kind, value in _AMOUNT.findall(article_2)}
    unpaid = _paid_instead(article_2)
    single = _ACHIEVEMENT.search(article_1)
    common = (single.group(1)[:1].upper() + single.group(1)[1:]) if single else ""
    unit = _proposing_unit(texts, heads)
    start = next((i for i, t in enumerate(texts) if match_key(t) == match_key("DANH SÁCH")), len(texts))
    kind, achievement, awards = None, common, []
    for text in texts[start + 1:]:
        if group := _GROUP.match(text):
            kind = next((k for k in RecipientKind if match_key(k.label) == match_key(group.group(1))), None)
        elif kind and (entry := _ENTRY.match(text)):
            named = {match_key(entry.group(1)), match_key(entry.group(1).split(", ")[0])}  # the line, or the name
            amount = 0 if named & unpaid else amounts.get(match_key(kind.label), 0)
            awards.append(_award(kind, entry.group(1), achievement, amount, unit, path))
        elif kind and text.endswith(":"):
            achievement = text[:-1]
    return tuple(awards)


def _paid_instead(article_2: str) -> set[str]:
    """The awardees Điều 2 names as paid the prize of a higher title instead (keys of their names, or of their
    whole list lines where a namesake is in the list)."""
    if not (found := _INSTEAD.search(article_2)):
        return set()
    return {match_key(part.split(" nhận tiền thưởng của ")[0]) for part in found.group(1).split("; ")}


def _award(kind: RecipientKind, entry: str, achievement: str, amount: int, proposing_unit: str, path: Path) -> AwardRow:
    parts = [p.strip() for p in entry.split(", ")]
    common = dict(achievement=achievement, amount=amount, proposing_unit=proposing_unit, source=path.name)
    if kind is RecipientKind.COLLECTIVE:
        name, unit = (", ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (parts[0], "")
        return AwardRow(kind=kind, name=name, unit=unit, **common)
    address, _, name = parts[0].partition(" ")
    if match_key(address) not in ("ông", "bà"):
        address, name = "", parts[0]  # a rank, a household ("Hộ gia đình ông …") or a bare name
    person = awardee(kind, name, address)
    if kind is RecipientKind.HOUSEHOLD:
        return AwardRow(**person, unit=", ".join(parts[1:]), **common)
    position = ", ".join(parts[1:-1])
    return AwardRow(**person, position=position, unit=parts[-1] if len(parts) > 1 else "", **common)


def _built_rows(path: Path, awards: tuple[AwardRow, ...]) -> tuple[AwardRow, ...]:
    """The awards with the workbook row each was composed from, when ``path`` is a decision ``tdkt build`` wrote
    (listed, with its rows in list order, by the manifest.json of the nearest folder above that has one) and
    its list has as many lines: checking that workbook then knows them as its own (``asked._itself``)."""
    resolved = path.resolve()
    folder = next((f for f in resolved.parents if (f / FILENAME).is_file()), None)
    manifest = load(folder) if folder else None
    if manifest is None:
        return awards
    where = resolved.relative_to(folder).as_posix()
    rows = next((e.extra.get("dong_danh_sach") for e in manifest.documents if e.path == where), None)
    if not rows or len(rows) != len(awards):
        return awards
    return tuple(replace(award, source=manifest.workbook, row=row) for award, row in zip(awards, rows))


def _proposing_unit(texts: list[str], heads: UnitHeads) -> str:
    """The unit of a decision made on one tờ trình: the head's title taken off the front."""
    line = next((t for t in texts if _PROPOSAL.match(t)), "")
    if line.count(" tại Tờ trình số ") != 2:  # the unit's and the appraising body's: one unit only
        return ""
    found = _PROPOSAL.match(line).group(1)
    titles = [rule.title for rule in heads.rules] + [heads.default]
    for title in sorted(titles, key=len, reverse=True):
        if found.startswith(title + " "):
            return found[len(title) + 1:]
    return ""
