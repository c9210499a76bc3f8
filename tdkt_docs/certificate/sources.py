"""Where signed decisions come from: the composed decisions of a workbook, or decision .docx files."""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..build import InvalidWorkbook, prepare
from ..compose.common import awardee_name
from ..documents.quyet_dinh import DecisionDocument, achievement, decision_batches, listed_awards
from ..errors import UserError
from ..files import slug
from ..glossary import Verb
from ..problems import ROW, Problem
from ..read.records import Nomination
from ..read.schema import SIGNED
from ..register.from_workbook import Signing, signed_documents
from ..rules.legal import Catalogue
from ..settings import Settings
from .model import CertificateEntry, SignedDecision, award_heading, form_key

_NUMBER = re.compile(r"^Số:\s*(.*)$")
_NUMBERED = re.compile(r"^\d+\s*/\S+")
_PLACE_DATE = re.compile(r"^(.+?),\s*ngày\s*(\d*)\s*tháng\s*(\d*)\s*năm\s*(\d{4})$")
_SUBJECT = re.compile(r"^Về việc (" + "|".join(v.label for v in Verb) + r") (.+)$")
_BASIS = ("Căn cứ", "Xét đề nghị")
_LIST_TITLE = "DANH SÁCH"
_LIST_NOTE = "(có danh sách kèm theo), "
_GROUP = re.compile(r"^[IVXLC]+\.\s")
_ENTRY = re.compile(r"^\d+\.\s+(.+?)[;.]?$")
_RECIPIENTS = "Nơi nhận"
_COLLECTIVES = "TẬP THỂ"
# Lower-case words that start a new part of an address ("…, thành phố Từ Sơn") rather than continue a name.
_PLACE_WORDS = ("xã ", "phường ", "thị trấn ", "thị xã ", "huyện ", "quận ", "thành phố ", "tỉnh ", "thôn ",
                "tổ dân phố ", "đặc khu ")


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Decided:
    """A workbook's decisions, signed or not, with the notes on what was left out and its warnings."""

    decisions: list[SignedDecision]
    notes: list[str]
    warnings: list[Problem]


def from_workbook(workbook: Path, settings: Settings) -> Decided:
    """Every decision the workbook composes; a workbook with errors, or whose sheet "Quyết định đã ký" names a
    decision it does not compose, is refused."""
    prepared = prepare(workbook, settings)
    if prepared.errors:
        raise InvalidWorkbook(prepared.problems)
    signings, problems = signed_documents(prepared)
    if problems:
        raise UserError(f'Trang "{SIGNED.title}" của "{workbook.name}" có {len(problems)} lỗi, chưa in bằng khen, '
                        "giấy khen nào:\n" + "\n".join(f"  {p}" for p in problems))
    typed = {s.document.plan.filename: s for s in signings}
    summaries, skipped = decision_batches(prepared.inputs)
    return Decided([from_composed(document, typed.get(document.plan.filename))
                    for summary in summaries for document in summary.decisions], skipped, prepared.problems)


def from_composed(document: DecisionDocument, signing: Signing | None) -> SignedDecision:
    """The one adapter from a composed decision, with its number and date (``_signed``)."""
    decision, context, filename = document.decision, document.plan.context, document.plan.filename
    number, date = _signed(document, signing)
    verb, title = award_heading(context["khen_thuong"]["dong_tu"], context["khen_thuong"]["hinh_thuc"])
    entries = tuple(
        CertificateEntry(recipient=awardee_name(n), position_unit=", ".join(p for p in (n.position, n.workplace) if p),
                         achievement=capitalized(achievement(n)), register_number=index, cells=_cells(n))
        for index, n in enumerate((a.nomination for a in listed_awards(decision)), start=1))
    return SignedDecision(
        source=f'quyết định "{Path(filename).name}" của đợt "{decision.batch.name}"', document=filename,
        stem=Path(filename).with_suffix("").as_posix(), form_key=slug(decision.form.key),
        award_verb=verb, award_title=title, authority=context["tham_quyen_ban_hanh"], number=number, date=date,
        place=context["dia_danh"], signer_titles=tuple(context["chu_ky"]["tham_quyen"]),
        signer=context["chu_ky"]["ho_ten"], entries=entries)


def _cells(n: Nomination) -> dict[str, str]:
    """Where in the workbook each of a certificate's recipient fields is read from ("I7"; "J7, K7")."""
    def cells(*keys: str) -> str:  # the cells that hold text (a blank one, or a column the sheet lacks, is no place)
        return ", ".join(n.cells[key] for key in keys if getattr(n, key) and not n.cells[key].startswith(ROW))

    return {"nguoi_nhan": cells("address", "rank", "name"), "chuc_vu_don_vi": cells("position", "workplace"),
            "thanh_tich": cells("achievement")}


def _signed(document: DecisionDocument, signing: Signing | None) -> tuple[str, dt.date | None]:
    """The number and date typed on sheet "Quyết định đã ký" (the record of what was signed); else, when its
    batch gives the first number (decisions are numbered consecutively), the composed number and the batch's
    signing date; else none."""
    if signing is not None:
        return signing.number, signing.signed
    batch = document.decision.batch
    if document.decision.number is not None and batch.signing is not None:
        return document.number, batch.signing
    return "", None


def from_docx(path: Path, catalogue: Catalogue) -> SignedDecision:
    """Read a decision made by ``tdkt build`` back: number, date, authority, signer, Danh sách."""
    document = _open(path)
    blocks = _blocks(document)
    number = _first(blocks, _NUMBER, path, '"Số: …"').group(1).strip()
    place_date = _first(blocks, _PLACE_DATE, path,
                        'địa danh, ngày tháng năm (ví dụ "Bắc Ninh, ngày 25 tháng 3 năm 2024")')
    subject = _first(blocks, _SUBJECT, path, 'dòng trích yếu "Về việc tặng …" (hoặc "Về việc công nhận …")')
    phrase = subject.group(2)
    basis = next((i for i, b in enumerate(blocks) if b.startswith(_BASIS)), 0)
    if basis == 0:
        raise _unreadable(path, "các dòng Căn cứ")
    titles, signer = _signature(document, path)
    verb, title = award_heading(subject.group(1), phrase)
    return SignedDecision(
        source=f'văn bản "{path.name}"', document=path.name, stem=path.stem, form_key=form_key(phrase, catalogue),
        award_verb=verb, award_title=title, authority=blocks[basis - 1],
        number=number if _NUMBERED.match(number) else "", date=_date(place_date, path),
        place=place_date.group(1).strip(), signer_titles=titles, signer=signer, entries=_entries(blocks, path))


def _open(path: Path):
    if not path.is_file():
        raise UserError(f'Không tìm thấy tệp "{path}".')
    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise UserError(f'Không đọc được "{path.name}": không phải văn bản Word .docx (hoặc tệp bị hỏng).') from None


def _blocks(document) -> list[str]:
    """Non-empty paragraph texts in reading order, table cells included, whitespace collapsed."""
    blocks = []
    for item in document.iter_inner_content():
        paragraphs = [item] if isinstance(item, Paragraph) else _cell_paragraphs(item)
        blocks += [text for p in paragraphs if (text := " ".join(p.text.split()))]
    return blocks


def _cell_paragraphs(table: Table) -> list[Paragraph]:
    seen, paragraphs = set(), []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                paragraphs += cell.paragraphs
    return paragraphs


def _unreadable(path: Path, what: str) -> UserError:
    return UserError(f'Không đọc được quyết định "{path.name}": không tìm thấy {what}. Chỉ đọc được quyết định '
                     "do tdkt build tạo ra.")


def _first(blocks: list[str], pattern: re.Pattern, path: Path, what: str) -> re.Match:
    match = next((m for b in blocks if (m := pattern.match(b))), None)
    if match is None:
        raise _unreadable(path, what)
    return match


def _date(match: re.Match, path: Path) -> dt.date | None:
    day, month, year = match.group(2), match.group(3), match.group(4)
    if not day or not month:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise UserError(f'Quyết định "{path.name}": ngày "{match.group(0)}" không có thật.') from None


def _signature(document, path: Path) -> tuple[tuple[str, ...], str]:
    """The signature cell beside "Nơi nhận": title lines in capitals, then the signer's name."""
    for table in document.tables:
        for row in table.rows:
            texts = [" ".join(c.text.split()) for c in row.cells]
            if not any(t.startswith(_RECIPIENTS) for t in texts):
                continue
            for cell in row.cells:
                lines = [t for p in cell.paragraphs if (t := " ".join(p.text.split()))]
                signature = len(lines) >= 2 and not lines[0].startswith(_RECIPIENTS)
                if signature and lines[-1] != lines[-1].upper():
                    return tuple(lines[:-1]), lines[-1]
    raise _unreadable(path, "chức danh và họ tên người ký (ô bên phải Nơi nhận)")


def _entries(blocks: list[str], path: Path) -> tuple[CertificateEntry, ...]:
    """The numbered lines of the Danh sách, with the achievement of their sub-heading or of Điều 1."""
    article = next((b for b in blocks if b.startswith("Điều 1.")), "")
    shared = article.partition(_LIST_NOTE)[2].rstrip(" .")
    start = next((i for i, b in enumerate(blocks) if b == _LIST_TITLE), None)
    entries: list[CertificateEntry] = []
    if start is not None:
        current, group = capitalized(shared), None
        for block in blocks[start + 1:]:
            if _GROUP.match(block):
                group = block
            elif group and (match := _ENTRY.match(block)):
                recipient, rest = split_entry(match.group(1), collective=_COLLECTIVES in group)
                entries.append(CertificateEntry(recipient, rest, current, len(entries) + 1))
            elif group and block.endswith(":"):
                current = capitalized(block.rstrip(" :"))
    if not entries:
        raise _unreadable(path, "tên nào trong Danh sách kèm theo")
    return tuple(entries)


def split_entry(text: str, collective: bool) -> tuple[str, str]:
    """"Bà A, Chuyên viên …, Sở …" → name and the rest. A person's name ends at the first comma; a
    collective's name runs on over parts that start in lower case ("Phòng Tổ chức, biên chế và …"),
    except place names ("…, thành phố Từ Sơn")."""
    name, _, rest = text.partition(", ")
    if collective:
        while rest and rest[:1].islower() and not rest.startswith(_PLACE_WORDS):
            part, _, rest = rest.partition(", ")
            name = f"{name}, {part}"
    return name, rest
