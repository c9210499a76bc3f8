"""Who issues a Quyết định: its authority line, signature and "(Kèm theo …)" lines name the header's body.

NĐ 30 Phụ lục III, Mẫu 1.2: the authority line is the head's title and the full name of the
body in the header ("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO"), or the body's name alone for its own
decision; the signature carries the same title (a deputy "KT. <title>" / "PHÓ <title>"), "TM."
only for a body's own decision (Điều 13). Head titles per kind of body: [tham_quyen] of nd30.toml;
a body of another kind is only compared with itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Problem
from .findings import ERROR, finding
from .layout import Appendix, Layout, is_prefix_token
from .model import Line, Para
from .rulebook import Head, Rulebook
from .text import first_token, fold

Words = tuple[str, ...]
DECISION = "quyetdinh"
DEPUTY = "pho"
OF = re.compile(r"\bcủa\s+", re.IGNORECASE)
NAME_END = re.compile(r"\)|,|;|\s+về\s")
ABBREVIATIONS = '(được viết tắt "UBND", "HĐND")'


@dataclass(frozen=True)
class Issuer:
    """The header's issuing body and what the authority line says of it."""
    name: str                   # as the header writes it: "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    body: Words
    head: Head | None           # when the kind of body is in the table
    decider: str                # who decides, as the authority line should read; "" without one
    title: Words | None         # the decider's title: () for the body's own decision, None without one


@dataclass
class Signed:
    """The upper-case lines of a signature block, read as NĐ 30 Điều 13 writes them."""
    lines: list[Line]
    tm: Words | None = None     # the body after "TM."
    title: Words | None = None  # the head's title: after "KT.", "Q.", "TL.", "TUQ.", or the first title
    title_text: str = ""
    deputy: Words | None = None  # the deputy's own title under "KT. <title>"


def check_issuer(layout: Layout) -> list[Problem]:
    """A Quyết định's authority line, signature and attached lists against its header."""
    if not layout.agency or layout.ten_loai is None or fold(layout.ten_loai.text) != DECISION:
        return []
    issuer, findings = _authority(layout)
    signed = _signed(layout)
    if signed is not None:
        findings += _signature(issuer, signed, layout.book)
    for appendix in layout.appendices:
        findings += _kem_theo(issuer, signed, appendix, layout.book)
    return findings


def _text(paras: list[Para]) -> str:
    return " ".join(" ".join(p.stripped.split()) for p in paras)


def _lead(text: str, count: int, book: Rulebook) -> str:
    """The first words of ``text`` that make ``count`` name words: the title of an authority line."""
    tokens = text.split()
    for end in range(len(tokens) + 1):
        if len(book.name_words(" ".join(tokens[:end]))) >= count:
            return " ".join(tokens[:end])
    return text


def _authority(layout: Layout) -> tuple[Issuer, list[Problem]]:
    book = layout.book
    name = _text(layout.agency)
    body = book.name_words(name)
    head = book.head_of(body)
    text = _text(layout.authority)
    if not text:
        return Issuer(name, body, head, "", None), []
    where = layout.authority[0].where
    words = book.name_words(text)
    if len(words) < len(body) or words[len(words) - len(body):] != body:
        example = f', ví dụ "{head.title} {name}"' if head else ""
        return Issuer(name, body, head, text, None), [finding(
            "tham_quyen.co_quan", ERROR, where,
            f'chức vụ người ký và tên đầy đủ của cơ quan ban hành "{name}" (ở đầu văn bản){example}',
            f'"{text}"')]
    title = words[:len(words) - len(body)]
    if head is None or title == head.title_words or (not title and head.collective):
        return Issuer(name, body, head, text, title), []
    issuer = Issuer(name, body, head, f"{head.title} {name}", head.title_words)
    expected = f'"{head.title} {name}" (người đứng đầu {head.kind.lower()} là {head.title.lower()})'
    if head.collective:
        expected += f'; quyết định của tập thể: "{name}"'
    return issuer, [finding("tham_quyen.chuc_danh", ERROR, where, expected, f'"{text}"')]


def _signed(layout: Layout) -> Signed | None:
    lines = [l for l in layout.signature if l.text.strip() == l.text.strip().upper()
             and any(c.isalpha() for c in l.text)]
    if not lines:
        return None
    book = layout.book
    signed = Signed(lines)
    deputy_next = False
    for line in lines:
        text = line.text.strip()
        token = first_token(text)
        rest = book.name_words(text[len(token):]) if is_prefix_token(token) else None
        key = token.replace(".", "").upper()
        if deputy_next:
            signed.deputy, deputy_next = book.name_words(text), False
        if rest is not None and key == "TM":
            signed.tm = rest
        elif signed.title is None and rest is not None:
            cut = rest.index(DEPUTY) if key == "KT" and DEPUTY in rest else len(rest)
            signed.title, signed.title_text = rest[:cut], _lead(text[len(token):].strip(), cut, book)
            if key == "KT":
                signed.deputy = rest[cut:] or None
                deputy_next = signed.deputy is None
        elif signed.title is None:
            signed.title, signed.title_text = book.name_words(text), text
    return signed


def _signature(issuer: Issuer, signed: Signed, book: Rulebook) -> list[Problem]:
    head = issuer.head
    body_decision = issuer.title == () or (issuer.title is None and signed.tm is not None)
    tm_allowed = body_decision and (head is None or head.collective)
    if head is not None:
        title, title_text = head.title_words, head.title
    elif issuer.title:
        title, title_text = issuer.title, _lead(issuer.decider, len(issuer.title), book)
    else:
        title, title_text = None, signed.title_text
    tm_right = signed.tm is None or (tm_allowed and issuer.body[:len(signed.tm)] == signed.tm)
    tm_missing = tm_allowed and signed.tm is None and issuer.title == () and head is not None
    title_right = title is None or signed.title in (title, title + issuer.body)
    if tm_right and not tm_missing and title_right and _deputy_right(signed):
        return []
    tm = f'"TM. {head.kind if head else issuer.name}" / ' if tm_allowed else ""
    expected = f'{tm}"{title_text}" hoặc {tm}"KT. {title_text}" / "PHÓ {title_text}"'
    if not tm_allowed:
        expected += ' (không có "TM.": văn bản do người đứng đầu ký theo thẩm quyền của mình)'
    return [finding("chu_ky.tham_quyen", ERROR, signed.lines[0].where, expected,
                    " / ".join(f'"{l.text.strip()}"' for l in signed.lines))]


def _deputy_right(signed: Signed) -> bool:
    """Under "KT. <title>" the deputy's title is "PHÓ <title>" ("PHÓ CHỦ TỊCH THƯỜNG TRỰC" too)."""
    title = signed.title or ()
    return signed.deputy is None or signed.deputy[:len(title) + 1] == (DEPUTY, *title)


def _kem_theo(issuer: Issuer, signed: Signed | None, appendix: Appendix, book: Rulebook) -> list[Problem]:
    para = appendix.kem_theo
    if para is None:
        return []
    text = " ".join(para.stripped.split())
    match = OF.search(text)
    if match is None:
        return []
    named = NAME_END.split(text[match.end():], maxsplit=1)[0].strip()
    words = book.name_words(named)
    if issuer.title is not None:
        titles = {issuer.title}
        who = f'"{issuer.decider}"'
    else:
        titles = {(), *(t for t in (signed and signed.title, issuer.head and issuer.head.title_words) if t)}
        who = f'"{issuer.name}" hoặc người đứng đầu cơ quan này'
    if any(_names(words, title, issuer.body) for title in titles):
        return []
    return [finding("kem_theo.co_quan", ERROR, para.where,
                    f"người ban hành văn bản như ở đầu văn bản: {who} {ABBREVIATIONS}",
                    f'"{match.group(0)}{named}"')]


def _names(words: Words, title: Words, body: Words) -> bool:
    """``words`` is ``title`` and the start of ``body``: "Chủ tịch Ủy ban nhân dân tỉnh"."""
    rest = words[len(title):]
    return words[:len(title)] == title and bool(title or rest) and body[:len(rest)] == rest
