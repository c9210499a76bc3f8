import unicodedata

import icu
import pytest
from hypothesis import given, strategies as st

from tdkt_docs.rules import collation
from tdkt_docs.rules.collation import clean, match_key, person_sort_key, sort_key
from tdkt_docs.text import TONE_MARKS

COLLATOR = icu.Collator.createInstance(icu.Locale("vi"))


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("a, b", [
    ("Hoà", "Hòa"),
    ("Thuỷ", "Thủy"),
    ("khoẻ", "khỏe"),
    ("HOÀ BÌNH", "hòa  bình"),
    ("  Nguyễn Văn An ", "nguyễn văn an"),
    ("Nguyễn\u00a0Văn\u200b An", "Nguyễn Văn An"),
    ("Trần\tThị\nBích", "trần thị bích"),
    (nfd("Nguyễn Thị Thuỷ"), "NGUYỄN THỊ THỦY"),
    ("Phòng Tổ chức\ufeff cán bộ", "phòng tổ chức cán bộ"),
])
def test_match_key_equal(a, b):
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize("a, b", [
    ("Hòa", "Hóa"),
    ("Hòa", "Hoa"),
    ("Đào", "Dao"),
    ("Bảo", "Báo"),
    ("mà ba", "ma bà"),
    ("Nguyễn Văn An", "Nguyễn Văn Ân"),
])
def test_match_key_different(a, b):
    assert match_key(a) != match_key(b)


def test_clean_keeps_the_users_spelling():
    assert clean(" Hoà\u00a0 Bình\u200b ") == "Hoà Bình"
    assert clean(nfd("Thuỷ")) == "Thuỷ"


@pytest.mark.parametrize("words", [
    ["Dũng", "Dương", "Đào", "Đặng"],
    ["An", "Ăn", "Ân", "Bình"],
    ["bao", "bảo", "báo", "bạo"],
    ["ma", "mà", "mả", "mã", "má", "mạ"],
    ["O", "Ô", "Ơ", "U", "Ư", "Y"],
    ["Hà", "Hạnh", "Hoa", "Huệ"],
])
def test_sort_key_vietnamese_alphabet(words):
    assert sorted(reversed(words), key=sort_key) == words


def test_sort_key_ignores_normalization_form():
    assert sort_key(nfd("Nguyễn Thị Ánh")) == sort_key("Nguyễn Thị Ánh")


def test_person_sort_key_orders_by_ten_then_ho_dem_then_ho():
    names = ["Nguyễn Văn Bảo", "Lê Thị Đào", "Lê Văn An", "Phạm Dũng", "Trần Thị An",
             "Nguyễn Văn An", "Vũ Bảo"]
    assert sorted(names, key=person_sort_key) == [
        "Trần Thị An", "Lê Văn An", "Nguyễn Văn An", "Vũ Bảo", "Nguyễn Văn Bảo",
        "Phạm Dũng", "Lê Thị Đào",
    ]


def test_person_sort_key_single_word():
    assert person_sort_key("Đào") == (sort_key("Đào"), sort_key(""), sort_key(""))


TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
ONSETS = ["h", "th", "kh", "l", "t", "x", "ng", "b", "đ"]
GLIDES = [("o", "a"), ("o", "e"), ("u", "y")]
SPACES = st.sampled_from([" ", "  ", "\u00a0", "\t", " \u200b"])


@st.composite
def two_spellings(draw):
    """The same syllables with the tone on the first (old) and second (new) vowel."""
    old, new = [], []
    for _ in range(draw(st.integers(1, 4))):
        onset, (v1, v2) = draw(st.sampled_from(ONSETS)), draw(st.sampled_from(GLIDES))
        tone = draw(st.sampled_from(TONES))
        if draw(st.booleans()):
            onset = onset.upper()
        old.append(unicodedata.normalize("NFC", onset + v1 + v2 + tone))
        new.append(unicodedata.normalize("NFC", onset + v1 + tone + v2))
    gaps = [draw(SPACES) for _ in old]
    return "".join(w + g for w, g in zip(old, gaps)), " ".join(new)


@given(two_spellings())
def test_match_key_ignores_tone_placement_case_and_spacing(pair):
    old, new = pair
    assert match_key(old) == match_key(new)
    assert match_key(nfd(old)) == match_key(new.upper())


@given(st.text())
def test_match_key_idempotent(text):
    assert match_key(match_key(text)) == match_key(text)


@given(st.text())
def test_match_key_invariant_under_nfd_nfc(text):
    nfc = unicodedata.normalize("NFC", text)
    assert match_key(nfd(text)) == match_key(nfc) == match_key(text)


GIVEN_NAMES = ["An", "Ăn", "Ân", "Anh", "Bảo", "Bao", "Dũng", "Dương", "Đặng", "Đào", "Hòa", "Hoà",
               "Hùng", "Hưng", "Thủy", "Thuỷ", "Ơn", "Yến", "Ý"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Đỗ", "Âu", "Vũ"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Thị Thanh"]
NAMES = st.builds(lambda f, m, g: " ".join(p for p in (f, m, g) if p),
                  st.sampled_from(FAMILY), st.sampled_from(MIDDLE + [""]), st.sampled_from(GIVEN_NAMES))


@given(NAMES, NAMES)
def test_person_order_follows_icu_on_ten(a, b):
    order = COLLATOR.compare(a.split()[-1], b.split()[-1])
    if order:
        assert (person_sort_key(a) < person_sort_key(b)) == (order < 0)
    else:
        middle = COLLATOR.compare(" ".join(a.split()[1:-1]), " ".join(b.split()[1:-1]))
        if middle:
            assert (person_sort_key(a) < person_sort_key(b)) == (middle < 0)


def _tones_last_by_syllable(decomposed: str) -> str:
    """The definition: split into runs of letters and marks, move each run's tone marks to its end."""
    out, run = [], []
    for ch in decomposed + " ":
        if unicodedata.category(ch)[0] in "LM":
            run.append(ch)
            continue
        out.append("".join(c for c in run if c not in TONE_MARKS) + "".join(c for c in run if c in TONE_MARKS))
        out.append(ch)
        run = []
    return "".join(out)[:-1]


@given(st.text(alphabet=st.sampled_from(list("aăâeêioôơuưy nđgh,.1-_\u0302\u0306\u031b" + TONE_MARKS)), max_size=14))
def test_tone_marks_move_to_the_end_of_their_syllable(decomposed):
    assert collation._unify_tones(decomposed) == _tones_last_by_syllable(decomposed)


def _key_of_whole_text(text: str) -> str:
    """The definition of a name's key: the whole text folded, decomposed, its tones moved, composed again."""
    decomposed = unicodedata.normalize("NFD", clean(text).casefold())
    return unicodedata.normalize("NFC", collation._unify_tones(decomposed))


@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(
    list("aăâeêioôơuưy AĂÂÊÔƠƯĐnđgh,.1-_\u00a0\t\n\u0302\u0306\u031b\u0345" + TONE_MARKS)), max_size=20)))
def test_name_key_keyed_word_by_word_is_the_key_of_the_whole_text(text):
    assert collation.name_key(text) == _key_of_whole_text(text)
