import pytest
from hypothesis import given, strategies as st

from tdkt_docs.rules.numbering import roman, two_digit
from tdkt_docs.rules.words import amount_in_words, number_in_words

MAX = 999_999_999_999_999


@pytest.mark.parametrize("n, words", [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (41, "bốn mươi mốt"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (2021, "hai nghìn không trăm hai mươi mốt"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (3_510_000, "ba triệu năm trăm mười nghìn"),
    (7_020_000, "bảy triệu không trăm hai mươi nghìn"),
    (18_720_000, "mười tám triệu bảy trăm hai mươi nghìn"),
    (1_000_000_000, "một tỷ"),
    (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
    (MAX, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
          "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
])
def test_number_in_words(n, words):
    assert number_in_words(n) == words


@pytest.mark.parametrize("n, words", [
    (3_510_000, "Ba triệu năm trăm mười nghìn đồng"),
    (5_270_000, "Năm triệu hai trăm bảy mươi nghìn đồng"),
    (0, "Không đồng"),
])
def test_amount_in_words(n, words):
    assert amount_in_words(n) == words


def test_negative_is_rejected():
    with pytest.raises(ValueError):
        number_in_words(-1)


DIGIT = {w: i for i, w in enumerate("không một hai ba bốn năm sáu bảy tám chín".split())}
UNIT_AFTER_TENS = {"mốt": 1, "tư": 4, "lăm": 5}
SCALE = {"nghìn": 1000, "triệu": 1_000_000}


def parse(words: str) -> int:
    """Read Vietnamese number words back, strictly: reject what the writer must not produce."""
    tokens = words.split(" ")
    result = chunk = group = 0
    prev = None
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in DIGIT:
            value = DIGIT[tok]
            if nxt == "trăm":
                group += value * 100
            elif nxt == "mươi":
                assert value >= 2
                group += value * 10
            else:
                assert prev in (None, "linh", "mười", "mươi")
                assert not (prev == "mươi" and value in UNIT_AFTER_TENS.values())
                assert not (prev == "mười" and value == 5)
                group += value
        elif tok in UNIT_AFTER_TENS:
            assert prev in ("mươi", "mười") and not (tok != "lăm" and prev == "mười")
            group += UNIT_AFTER_TENS[tok]
        elif tok == "mười":
            group += 10
        elif tok == "linh":
            assert prev == "trăm" and nxt in DIGIT and nxt != "không"
        elif tok in SCALE:
            chunk += group * SCALE[tok]
            group = 0
        elif tok == "tỷ":
            result = (result + chunk + group) * 1_000_000_000
            chunk = group = 0
        else:
            assert tok in ("trăm", "mươi"), tok
        prev = tok
    return result + chunk + group


@given(st.integers(min_value=0, max_value=MAX))
def test_words_read_back_to_the_number(n):
    assert parse(number_in_words(n)) == n


@given(st.integers(min_value=0, max_value=MAX))
def test_words_are_clean(n):
    words = number_in_words(n)
    assert "  " not in words and words == words.strip()
    assert "lẻ" not in words.split(" ")
    assert words == words.lower()


@given(st.integers(min_value=1, max_value=MAX // 1000).filter(lambda n: n % 1000))
def test_thousands_end_with_nghin(n):
    assert number_in_words(n * 1000).endswith(" nghìn")


@given(st.integers(min_value=1, max_value=MAX // 1000), st.integers(min_value=1, max_value=99))
def test_every_group_after_the_first_reads_its_hundreds(high, low):
    words = number_in_words(high * 1000 + low).split()
    last_scale = max(i for i, word in enumerate(words) if word in ("nghìn", "triệu", "tỷ"))
    assert " ".join(words[last_scale + 1:]).startswith("không trăm ")


@pytest.mark.parametrize("n, text", [
    (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"),
    (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX"),
])
def test_roman(n, text):
    assert roman(n) == text


@pytest.mark.parametrize("n", [0, 4000, -1])
def test_roman_out_of_range(n):
    with pytest.raises(ValueError):
        roman(n)


@pytest.mark.parametrize("n, text", [(0, "00"), (5, "05"), (9, "09"), (12, "12"), (120, "120")])
def test_two_digit(n, text):
    assert two_digit(n) == text


def test_two_digit_rejects_negative():
    with pytest.raises(ValueError):
        two_digit(-3)
