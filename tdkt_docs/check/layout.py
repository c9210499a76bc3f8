"""Where the NĐ 30 elements are: found by text and position, as in a hand-typed document."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import DocModel, Line, Para
from .rulebook import Rulebook
from .text import first_token, fold, plain

HEADER_SEARCH = 40
TEN_LOAI_SEARCH = 25
APPENDIX_MAX_WORDS = 12
PREFIX_KEYS = {"TM", "KT", "Q", "TL", "TUQ"}
AUTHORITY_ENDS = ("can cu", "xet", "theo de nghi", "dieu ")
KEM_THEO = "(Kèm theo"
KEM_THEO_WINDOW = 4
SO_PATTERN = re.compile(r"^\s*s[oố]\s*[:.]?", re.IGNORECASE)


@dataclass(eq=False)
class Appendix:
    """A "Phụ lục …" or "DANH SÁCH" heading, the paragraphs under it and its "(Kèm theo …)" line."""
    head: Para
    following: list[Para]           # the next non-empty paragraphs: title, "(Kèm theo …)"
    kem_theo: Para | None


@dataclass
class Layout:
    book: Rulebook
    header: list[Para] = field(default_factory=list)
    quoc_hieu: Line | None = None
    tieu_ngu: Line | None = None
    parent: list[Para] = field(default_factory=list)     # cơ quan chủ quản, above the issuing body
    agency: list[Para] = field(default_factory=list)     # the issuing body (cơ quan ban hành)
    so: Line | None = None
    date: Line | None = None
    vv: Line | None = None
    ten_loai: Line | None = None
    quyet_dinh: Line | None = None
    authority: list[Para] = field(default_factory=list)  # "GIÁM ĐỐC SỞ …" of a Quyết định
    noi_nhan: Line | None = None
    noi_nhan_list: list[Line] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)


def locate(model: DocModel) -> Layout:
    layout = Layout(model.book)
    _header(model, layout)
    _ten_loai(model, layout)
    _noi_nhan(model, layout)
    _signature(model, layout)
    _appendices(model, layout)
    return layout


def nonempty_lines(paras: list[Para]) -> list[Line]:
    return [line for para in paras for line in para.lines if line.text.strip()]


def is_prefix_token(token: str) -> bool:
    return token.replace(".", "").upper() in PREFIX_KEYS and token[:1].isupper()


def _find(lines: list[Line], key: str) -> Line | None:
    return next((line for line in lines if fold(line.text) == key), None)


def _header(model: DocModel, layout: Layout) -> None:
    first = model.paras[:HEADER_SEARCH]
    first_lines = nonempty_lines(first)
    qh = _find(first_lines, fold(model.book["quoc_hieu"]["chu"]))
    layout.quoc_hieu = qh
    anchor = qh or next((l for l in first_lines if _is_so(l) or _is_date(l)), None)
    if anchor is not None and anchor.para.table is not None:
        layout.header = model.table_paras(anchor.para.table)
    else:
        layout.header = _untabled_header(first)
    lines = nonempty_lines(layout.header)
    layout.tieu_ngu = _find(lines, fold(model.book["tieu_ngu"]["chu"]))
    layout.so = next((l for l in lines if _is_so(l)), None)
    layout.date = next((l for l in lines if _is_date(l)), None)
    layout.vv = next((l for l in lines if l.text.strip().startswith("V/v")), None)
    layout.parent, layout.agency = _split_parent(_agency(layout), model.book)


def _is_so(line: Line) -> bool:
    return bool(SO_PATTERN.match(line.text)) and "/" in line.text


def _is_date(line: Line) -> bool:
    return bool(re.search(r"\bngay\b.*\bthang\b.*\bnam\b", plain(line.text)))


def _untabled_header(first: list[Para]) -> list[Para]:
    """Without a header table: the paragraphs up to the date line."""
    for index, para in enumerate(first):
        if any(_is_date(line) for line in para.lines):
            return first[: index + 1]
    return []


def _agency(layout: Layout) -> list[Para]:
    """Agency name: upper-case paragraphs before "Số:", in the left column of a header table."""
    known = {id(l.para) for l in (layout.quoc_hieu, layout.tieu_ngu, layout.date) if l}
    agency = []
    for para in layout.header:
        if layout.so is not None and para is layout.so.para:
            break
        left = para.table is None or para.cell[1] == 1
        text = para.stripped
        if left and id(para) not in known and text and text.upper() == text:
            agency.append(para)
    return agency


def _split_parent(paras: list[Para], book: Rulebook) -> tuple[list[Para], list[Para]]:
    """Cơ quan chủ quản and issuing body: the body starts at the last paragraph that opens with a
    known kind of body ("UBND TỈNH BẮC NINH" / "SỞ Y TẾ"), else after the leading regular
    paragraphs when bold ones follow (NĐ 30: chủ quản upright, issuing body bold)."""
    opens = [i for i, p in enumerate(paras) if book.head_of(book.name_words(p.stripped))]
    start = opens[-1] if opens else 0
    if not start:
        bold = [all(line.bold for line in p.lines if line.text.strip()) for p in paras]
        start = next((i for i, b in enumerate(bold) if b), 0) if any(bold) else 0
    return paras[:start], paras[start:]


def _ten_loai(model: DocModel, layout: Layout) -> None:
    names = model.book.folded_type_names
    start = _after(model, layout.header)
    body = [p for p in model.paras[start:] if p.table is None]
    for para in body[:TEN_LOAI_SEARCH]:
        if len(para.lines) == 1 and fold(para.text) in names and not para.stripped.endswith(":"):
            layout.ten_loai = para.lines[0]
            break
    if layout.ten_loai is not None and fold(layout.ten_loai.text) == "quyetdinh":
        after = body[body.index(layout.ten_loai.para) + 1:]
        layout.quyet_dinh = next((p.lines[0] for p in after if fold(p.text) == "quyetdinh"), None)
        layout.authority = _authority(after, layout.quyet_dinh)


def _authority(after: list[Para], marker: Line | None) -> list[Para]:
    """The upper-case paragraphs between the trích yếu and the first Căn cứ (Mẫu 1.2)."""
    found = []
    for para in after[:TEN_LOAI_SEARCH]:
        text = para.stripped
        if (marker is not None and para is marker.para) or plain(text).startswith(AUTHORITY_ENDS):
            break
        if text and text == text.upper() and any(c.isalpha() for c in text):
            found.append(para)
        elif found and text:
            break
    return found


def _after(model: DocModel, paras: list[Para]) -> int:
    if not paras:
        return 0
    return max(model.paras.index(p) for p in paras) + 1


def _noi_nhan(model: DocModel, layout: Layout) -> None:
    label = next((l for l in nonempty_lines(model.paras) if plain(l.text).startswith("noi nhan")), None)
    layout.noi_nhan = label
    if label is None:
        return
    para = label.para
    if para.table is not None:
        cell_lines = nonempty_lines(model.cell_paras(para.table, para.cell))
        layout.noi_nhan_list = cell_lines[cell_lines.index(label) + 1:]
        return
    own = [l for l in para.lines if l.text.strip()]
    items = own[own.index(label) + 1:]
    for follower in model.paras[model.paras.index(para) + 1:]:
        if not follower.stripped or follower.table is not None:
            break
        items.extend(l for l in follower.lines if l.text.strip())
    layout.noi_nhan_list = items


def _signature(model: DocModel, layout: Layout) -> None:
    label = layout.noi_nhan
    if label is not None and label.para.table is not None:
        row = label.para.cell[0]
        others = [p for p in model.table_paras(label.para.table)
                  if p.cell[0] == row and p.cell != label.para.cell]
        layout.signature = nonempty_lines(others)
        return
    start = _after(model, [layout.ten_loai.para]) if layout.ten_loai else _after(model, layout.header)
    lines = nonempty_lines(model.paras[start:])
    begin = next((i for i, l in enumerate(lines) if is_prefix_token(first_token(l.text))), None)
    if begin is None:
        return
    block = []
    for line in lines[begin:]:
        block.append(line)
        if line.text.strip() != line.text.strip().upper():
            break
    layout.signature = block


def _appendices(model: DocModel, layout: Layout) -> None:
    ends = [l.para for l in [layout.noi_nhan, *layout.signature] if l is not None]
    start = _after(model, ends)
    body = model.body()
    for head in model.paras[start:]:
        if head.table is None and _is_appendix_head(head.stripped):
            following = [p for p in body[body.index(head) + 1:] if p.stripped][:KEM_THEO_WINDOW]
            kem_theo = next((p for p in following if p.stripped.startswith(KEM_THEO)), None)
            layout.appendices.append(Appendix(head, following, kem_theo))


def _is_appendix_head(text: str) -> bool:
    """"PHỤ LỤC …" or "DANH SÁCH", in a short line; a line that begins with neither letter is ruled out
    before its accents are taken off."""
    first = text.lstrip()[:1]
    if not first or plain(first) not in ("p", "d") or len(text.split()) > APPENDIX_MAX_WORDS:
        return False
    key = plain(text)
    return key.startswith("phu luc") or key == "danh sach"
