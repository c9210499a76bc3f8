"""Jinja's template errors told in Vietnamese: what is wrong, and how the tag should be written.

Jinja words its errors in English only; the common ones are recognised by that wording (a test per kind
guards it against a new jinja2) and any other is told generically, never in English. The template lint
(``tdkt check --template``) and the renderer both tell an error through ``explain``.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Iterable

import jinja2
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS

GENERAL_RULE = ('thẻ viết theo các dạng ở templates/README.md (mục "Các dạng thẻ dùng trong mẫu"); '
                "không thấy chỗ sai thì xoá cả thẻ rồi gõ lại")
PRINT_RULE = ("thẻ {{ … }} chứa một tên biến viết liền, không dấu cách (ví dụ {{ dia_danh }}, "
              "{{ dieu_1.doi_tuong }}), có thể thêm bộ lọc sau dấu | (ví dụ {{ dia_danh|upper }})")
STATEMENT_RULE = "thẻ {% … %} viết theo một trong các dạng: {% if bien %}, {% for dong in danh_sach %}, {% endif %} …"
TAG_RULE = "thẻ {% … %} là một lệnh hợp lệ: if, elif, else, endif, for, endfor …"
NESTING_RULE = "thẻ đóng khối đi sau thẻ mở của khối đó: {% if … %} … {% endif %}, {% for … %} … {% endfor %}"
EXPRESSION_RULE = "thẻ không để trống: {{ dia_danh }}, {% if dieu_2 %}"
FIELD_RULE = "tên trường viết liền sau dấu chấm: {{ dieu_1.doi_tuong }}"
BRACKET_RULE = "các dấu ngoặc ( ) [ ] trong thẻ mở và đóng thành cặp"
STRING_RULE = 'chữ trong thẻ mở và đóng bằng cùng một dấu nháy thẳng: {{ "." if d.cuoi else ";" }}'
CHARACTER_RULE = "trong thẻ chỉ có tên biến (chữ, số, dấu gạch dưới), dấu chấm, dấu |, ngoặc, dấu phẩy và dấu nháy thẳng"
FILTER_RULE = ("sau dấu | là tên một bộ lọc có sẵn: upper (in hoa), lower (chữ thường), capitalize (viết hoa chữ "
               'đầu), title (viết hoa đầu mỗi từ), join (nối danh sách, ví dụ join(", ")), default (giá trị thay '
               "khi trống), replace (thay chữ), trim (bỏ khoảng trắng hai đầu)")
TEST_RULE = 'sau chữ "is" là tên một phép thử có sẵn: defined, none, string, number, even, odd …'
TAGS = ("if", "elif", "else", "endif", "for", "endfor")

TOKENS = {  # jinja's names of tokens, as they are typed
    "begin of print statement": '"{{"', "end of print statement": '"}}"',
    "begin of statement block": '"{%"', "end of statement block": '"%}"',
    "begin of comment": '"{#"', "end of comment": '"#}"',
    "name": "một tên", "string": "một chuỗi trong dấu nháy", "integer": "một số", "float": "một số",
    "template data / text": "lời văn", "comment": "ghi chú",
}


@dataclass(frozen=True)
class Explained:
    found: str        # what is wrong, e.g. 'lệnh lạ "iff"; có phải là "if"?'
    rule: str         # how the tag should be written
    token: str = ""   # the text at fault as typed, to find it in the paragraph ("" when it is not known)


def explain(exc: jinja2.TemplateError) -> Explained:
    """``exc`` in Vietnamese."""
    message = exc.message or ""
    for pattern, tell in _KINDS:
        if match := pattern.fullmatch(message):
            return tell(*match.groups())
    return Explained("thẻ viết sai cú pháp", GENERAL_RULE)


def did_you_mean(name: str, known: Iterable[str], prefix: str = "") -> str:
    """The names of ``known`` close to ``name``, each shown after ``prefix`` ("dieu_1.")."""
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    if not close:
        return "không có tên nào gần giống"
    return "có phải là " + " hay ".join(f'"{prefix}{c}"' for c in close) + "?"


def _shown(token: str) -> str:
    """A token jinja describes, as the user typed it (a name is itself)."""
    return TOKENS.get(token, f'"{token}"')


def _expected_token(expected: str, got: str) -> Explained:
    rule = {"end of print statement": PRINT_RULE, "end of statement block": STATEMENT_RULE}.get(expected, GENERAL_RULE)
    return Explained(f"gặp {_shown(got)} ở chỗ phải là {_shown(expected)}", rule, got if got not in TOKENS else "")


def _unknown_tag(name: str, innermost: str | None) -> Explained:
    if not (name.startswith("end") or name in ("else", "elif")):
        return Explained(f'lệnh lạ "{name}"; {did_you_mean(name, TAGS)}', TAG_RULE, name)
    if innermost:
        return Explained(f'lệnh "{name}" gặp lúc khối "{innermost}" chưa đóng',
                         f'khối mở sau đóng trước: đóng khối "{innermost}" bằng "{{% end{innermost} %}}" trước', name)
    return Explained(f'lệnh "{name}" không thuộc khối nào đang mở', NESTING_RULE, name)


def _unexpected(token: str, waiting: str | None) -> Explained:
    if waiting:
        return Explained(f'gặp "{token}" khi dấu ngoặc trước đó còn chờ "{waiting}"', BRACKET_RULE, token)
    if token in (")", "]", "}"):
        return Explained(f'dấu "{token}" không có dấu mở đi trước', BRACKET_RULE, token)
    return Explained(f"gặp {_shown(token)} không đúng chỗ", GENERAL_RULE, token if token not in TOKENS else "")


def _character(char: str) -> Explained:
    if char in "\"'":
        return Explained(f"dấu nháy {char} mở mà không có dấu nháy đóng", STRING_RULE, char)
    return Explained(f'ký tự "{char}" không dùng được trong thẻ', CHARACTER_RULE, char)


def _unknown_filter_or_test(kind: str, name: str) -> Explained:
    if kind == "filter":
        return Explained(f'bộ lọc "{name}" không có; {did_you_mean(name, DEFAULT_FILTERS)}', FILTER_RULE, name)
    return Explained(f'phép thử "{name}" không có; {did_you_mean(name, DEFAULT_TESTS)}', TEST_RULE, name)


_KINDS: list[tuple[re.Pattern, Callable[..., Explained]]] = [
    (re.compile(r"expected token '(.+)', got '(.+)'"), _expected_token),
    (re.compile(r"Encountered unknown tag '(\w+)'\..*?(?: The innermost block that needs to be closed is '(\w+)'\.)?",
                re.S), _unknown_tag),
    (re.compile(r"Unexpected end of template\..* The innermost block that needs to be closed is '(\w+)'\.", re.S),
     lambda block: Explained(f'khối "{block}" không có thẻ đóng', f'khối "{block}" đóng bằng thẻ "{{% end{block} %}}"',
                             block)),
    (re.compile(r"Expected an expression, got '(.+)'"),
     lambda got: Explained(f"thiếu tên biến hoặc giá trị trước {_shown(got)}", EXPRESSION_RULE)),
    (re.compile(r"expected name or number"), lambda: Explained("sau dấu chấm thiếu tên trường", FIELD_RULE)),
    (re.compile(r"unexpected char '(.)' at \d+", re.S), _character),
    (re.compile(r"unexpected '(.+?)'(?:, expected '(.)')?"), _unexpected),
    (re.compile(r"No (filter|test) named '(.+)'(?: found)?\."), _unknown_filter_or_test),
]
