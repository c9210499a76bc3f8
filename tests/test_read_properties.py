"""Property-based tests of cell normalisation and parsing."""
import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import example, given, strategies as st

from tdkt_docs.read import cells
from tdkt_docs.text import clean, plain

VIETNAMESE = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ"
                                                    "ìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
                                                    "ĐÂĂÊÔƠƯ ,.-\u00a0\u200b\t")), max_size=40)


@given(VIETNAMESE)
def test_clean_line_is_idempotent_nfc_and_tidy(text):
    cleaned = cells.clean_line(text)
    assert cells.clean_line(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert "  " not in cleaned and cleaned == cleaned.strip()
    assert "\u200b" not in cleaned and "\u00a0" not in cleaned


@given(st.one_of(VIETNAMESE, st.text(max_size=12)))
@example("\u0301a")  # a combining mark first: not a letter itself
@example("\u200b")
def test_a_cell_is_blank_exactly_when_nothing_is_left_once_cleaned(text):
    cells.forget()
    assert cells.is_blank(text) is (not cells.clean_line(text))


@given(VIETNAMESE)
def test_clean_line_ignores_the_normal_form_of_its_input(text):
    assert cells.clean_line(unicodedata.normalize("NFD", text)) == cells.clean_line(text)


@given(st.lists(VIETNAMESE, max_size=5))
def test_lines_survive_line_breaks_of_any_kind(parts):
    expected = tuple(line for line in (cells.clean_line(p) for p in parts) if line)
    for separator in ("\n", "\r\n", "\r"):
        assert cells.clean_lines(separator.join(parts)) == expected


UNUSUAL = "\u200b\u200c\u200d\u2060\ufeff\u00ad\t\u00a0\u2000\u2005\u200a\u202f\u205f\u3000\r\n\u2028\u2029"


def _cleaned_alike_whichever_way(text: str) -> None:
    """Text that needs no more than trimming goes a short way, any other the whole cleaning: no unusual
    character outlives either."""
    lines = cells.clean_lines(text)
    for line in lines:
        assert not set(line) & set(UNUSUAL) and "  " not in line and line == line.strip(), repr(text)
        assert unicodedata.is_normalized("NFC", line), repr(text)
    assert clean(text) == " ".join(lines)
    assert cells.clean_line(re.sub("[\r\n\u2028\u2029]", " ", text)) == " ".join(lines)


@pytest.mark.parametrize("character", UNUSUAL)
def test_every_unusual_character_is_cleaned_away(character):
    for text in (f"a{character}b", f"{character}á", f"á {character}", f"a\u00ad\u0301{character}"):
        _cleaned_alike_whichever_way(text)


@given(st.text(alphabet=st.sampled_from(["a", " ", "\u00e1", "\u0301", *UNUSUAL]), max_size=20))
def test_no_unusual_character_outlives_cleaning(text):
    _cleaned_alike_whichever_way(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_dates_typed_as_text_in_the_usual_forms(day):
    for text in (f"{day.day}/{day.month}/{day.year}", f"{day:%d/%m/%Y}", f"{day:%d-%m-%Y}", f"{day:%d.%m.%Y}",
                 f"{day:%Y-%m-%d}", f" {day.day} / {day.month} / {day.year} "):
        assert cells.as_date(text) == day


@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=12),
       st.integers(min_value=29, max_value=31))
def test_impossible_dates_are_refused(year, month, day):
    try:
        dt.date(year, month, day)
    except ValueError:
        with pytest.raises(cells.CellError, match="không tồn tại"):
            cells.as_date(f"{day}/{month}/{year}")


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_numbers(n):
    assert cells.as_int(f"{n:,}".replace(",", ".")) == n
    assert cells.as_int(f"{n:,}") == n
    assert cells.as_int(str(n)) == n


SPACED = st.text(alphabet=st.sampled_from(list("aàẠđĐ ,\t\n\r\u00a0\u2003\u3000\u200b\u200d\u00ad\ufeff\x07\u202e_x0041")),
                 max_size=30)


def _cleaned_by_definition(text: str) -> str:
    """Every step of ``clean_line`` applied, without its shortcuts for text that needs none."""
    text = "".join(c for c in unicodedata.normalize("NFC", text) if c not in "\u200b\u200c\u200d\u2060\ufeff\u00ad")
    return re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", text).strip()


@given(SPACED)
@example("Nguyễn  Văn\u200b An")
@example("a \u200b b")
def test_clean_line_takes_shortcuts_only_where_the_result_is_the_same(text):
    assert cells.clean_line(text) == _cleaned_by_definition(text)
    assert cells.clean_lines(text) == tuple(
        line for line in map(_cleaned_by_definition, re.split(r"\r\n|\r|\n|\u2028|\u2029", text)) if line)


@given(SPACED)
def test_excel_text_takes_shortcuts_only_where_the_result_is_the_same(text):
    decoded = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)
    decoded = decoded.replace("\r\n", "\n").replace("\r", "\n")
    hidden = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
    assert cells.excel_text(text) == (hidden.sub("", decoded),
                                      sorted({f"U+{ord(c):04X}" for c in hidden.findall(decoded)}))


@pytest.mark.parametrize("mark", ["\u0301", "\u0483", "\u05b0", "\u20d0", "\ufe20", "\U0001d167"])
def test_plain_drops_every_combining_mark_the_vietnamese_ones_the_short_way(mark):
    """Vietnamese marks go by one expression; a mark of another script, or text left with other characters
    than ASCII, the whole way: either way every mark (category Mn) goes and nothing else."""
    for text in (f"Đả{mark}o", f"Nguyễn Văn A{mark}", f"“Tổ{mark} 1” – số", f"{mark}"):
        expected = "".join(c for c in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
                           if unicodedata.category(c) != "Mn")
        assert plain(text) == " ".join(expected.lower().split())
    assert plain(f"Đả{mark}o") == "dao"
