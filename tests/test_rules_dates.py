import re
from datetime import date

import pytest
from hypothesis import given, strategies as st

from tdkt_docs.rules.dates import BLANK, day_month, long_date, short_date


@pytest.mark.parametrize("d, text", [
    (date(2024, 1, 5), "ngày 05 tháng 01 năm 2024"),
    (date(2024, 2, 28), "ngày 28 tháng 02 năm 2024"),
    (date(2024, 3, 9), "ngày 09 tháng 3 năm 2024"),
    (date(2023, 3, 12), "ngày 12 tháng 3 năm 2023"),
    (date(2024, 10, 1), "ngày 01 tháng 10 năm 2024"),
    (date(2024, 12, 25), "ngày 25 tháng 12 năm 2024"),
])
def test_long_date(d, text):
    assert long_date(d) == text


def test_blank_is_six_spaces():
    assert BLANK == "      "


@pytest.mark.parametrize("kwargs, text", [
    ({"year": 2024}, "ngày      tháng      năm 2024"),
    ({"year": 2024, "month": 1}, "ngày      tháng 01 năm 2024"),
    ({"year": 2025, "month": 12}, "ngày      tháng 12 năm 2025"),
    ({}, "ngày      tháng      năm      "),
])
def test_long_date_blanks(kwargs, text):
    assert long_date(None, **kwargs) == text


def test_given_date_wins_over_year_and_month():
    assert long_date(date(2024, 7, 4), year=2030, month=1) == "ngày 04 tháng 7 năm 2024"


@pytest.mark.parametrize("d, text", [
    (date(2024, 2, 3), "03/02/2024"),
    (date(2024, 5, 19), "19/5/2024"),
    (date(1948, 6, 11), "11/6/1948"),
    (date(1945, 9, 2), "02/9/1945"),
    (date(2024, 1, 31), "31/01/2024"),
    (date(2024, 11, 20), "20/11/2024"),
])
def test_short_date(d, text):
    assert short_date(d) == text


@pytest.mark.parametrize("d, text", [
    (date(1945, 9, 2), "02/9"),
    (date(2024, 2, 3), "03/02"),
    (date(2024, 12, 22), "22/12"),
])
def test_day_month(d, text):
    assert day_month(d) == text


LONG = re.compile(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_long_date_round_trips_with_padding_rule(d):
    match = LONG.fullmatch(long_date(d))
    assert match, long_date(d)
    day, month, year = match.groups()
    assert date(int(year), int(month), int(day)) == d
    assert len(month) == (2 if d.month <= 2 else len(str(d.month)))


@given(st.dates(min_value=date(1000, 1, 1)))
def test_short_date_round_trips_with_padding_rule(d):
    day, month, year = short_date(d).split("/")
    assert date(int(year), int(month), int(day)) == d
    assert len(day) == 2
    assert month.startswith("0") == (d.month <= 2)
    assert day_month(d) == f"{day}/{month}"
