from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from tdkt_docs.glossary import IssuerLevel, RecipientKind
from tdkt_docs.rules.book import Rules
from tdkt_docs.rules.legal import RuleError, rules_used_unverified
from tdkt_docs.rules.money import Rounding, format_amount
from tdkt_docs.settings import Settings

RULES = Rules(Settings())
COLLECTIVE, INDIVIDUAL, HOUSEHOLD = RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD

# One signing date in each base-salary period, with the coefficient period it falls in.
SALARY_DATES = {
    1_800_000: [date(2024, 3, 15)],                      # NĐ 98
    2_340_000: [date(2024, 8, 1), date(2025, 8, 15)],    # NĐ 98, NĐ 152
    2_530_000: [date(2026, 8, 1)],                       # NĐ 152
}

# Amounts after rounding, by coefficient and base salary (NĐ 152/2025 Điều 49–54).
AMOUNTS = {
    "1.5": {1_800_000: 2_700_000, 2_340_000: 3_510_000, 2_530_000: 3_800_000},
    "2.25": {1_800_000: 4_050_000, 2_340_000: 5_270_000, 2_530_000: 5_700_000},
    "3.0": {1_800_000: 5_400_000, 2_340_000: 7_020_000, 2_530_000: 7_590_000},
    "8.0": {1_800_000: 14_400_000, 2_340_000: 18_720_000, 2_530_000: 20_240_000},
    "2.0": {1_800_000: 3_600_000, 2_340_000: 4_680_000, 2_530_000: 5_060_000},
}

TABLE = {
    ("bang_khen_tinh", COLLECTIVE): "3.0",
    ("bang_khen_tinh", INDIVIDUAL): "1.5",
    ("bang_khen_tinh", HOUSEHOLD): "2.25",
    ("chien_si_thi_dua_tinh", INDIVIDUAL): "3.0",
    ("tap_the_lao_dong_xuat_sac", COLLECTIVE): "1.5",
    ("co_thi_dua_tinh", COLLECTIVE): "8.0",
    ("xa_tieu_bieu", COLLECTIVE): "2.0",
}

# Forms of sở, xã and other bodies: amount by base salary (a household gets 1.5 × the rounded individual amount).
LOWER_LEVELS = {
    ("giay_khen", COLLECTIVE): {2_340_000: 1_410_000, 2_530_000: 1_520_000},
    ("giay_khen", INDIVIDUAL): {2_340_000: 710_000, 2_530_000: 760_000},
    ("giay_khen", HOUSEHOLD): {2_340_000: 1_070_000, 2_530_000: 1_140_000},
    ("lao_dong_tien_tien", INDIVIDUAL): {1_800_000: 540_000, 2_340_000: 710_000, 2_530_000: 760_000},
    ("chien_si_thi_dua_co_so", INDIVIDUAL): {1_800_000: 1_800_000, 2_340_000: 2_340_000, 2_530_000: 2_530_000},
    ("tap_the_lao_dong_tien_tien", COLLECTIVE): {1_800_000: 1_440_000, 2_340_000: 1_880_000, 2_530_000: 2_030_000},
    ("thon_van_hoa", COLLECTIVE): {1_800_000: 2_700_000, 2_340_000: 3_510_000, 2_530_000: 3_800_000},
}
SALARY_DATE = {1_800_000: date(2024, 3, 15), 2_340_000: date(2025, 8, 15), 2_530_000: date(2026, 8, 1)}

CASES = [
    (key, kind, salary, d)
    for (key, kind) in TABLE
    for salary, dates in SALARY_DATES.items()
    for d in dates
]


def form(key):
    return next(f for f in RULES.catalogue.forms if f.key == key)


def find_form(name):
    return RULES.catalogue.find(name)


def base_salary_on(d):
    return RULES.salaries.on(d)


def prize_amount(form, kind, d):
    return RULES.prize(form, kind, d)


def warnings(used):
    return [p.message for p in rules_used_unverified(used)]


def test_table_covers_every_form_and_kind():
    provincial = {f.key for f in RULES.catalogue.forms if IssuerLevel.PROVINCE in f.levels}
    paid = [f for f in RULES.catalogue.forms if f.paid]
    assert {(f.key, k) for f in paid if f.key in provincial for k in f.kinds} == set(TABLE)
    assert {(f.key, k) for f in paid if f.key not in provincial for k in f.kinds} == set(LOWER_LEVELS)


@pytest.mark.parametrize("key, kind, salary", [(key, kind, salary) for (key, kind), amounts in LOWER_LEVELS.items()
                                               for salary in amounts])
def test_money_table_of_lower_levels(key, kind, salary):
    prize = prize_amount(form(key), kind, SALARY_DATE[salary])
    assert prize.base.amount == salary
    assert prize.amount == LOWER_LEVELS[key, kind][salary]


def test_a_form_without_money_gives_no_prize():
    assert [f.key for f in RULES.catalogue.forms if not f.paid] == ["gia_dinh_van_hoa"]
    assert prize_amount(form("gia_dinh_van_hoa"), HOUSEHOLD, date(2025, 8, 15)) is None


@pytest.mark.parametrize("key, kind, salary, d", CASES)
def test_money_table(key, kind, salary, d):
    prize = prize_amount(form(key), kind, d)
    assert prize.base.amount == salary
    assert prize.amount == AMOUNTS[TABLE[key, kind]][salary]


@pytest.mark.parametrize("d, amount, verified", [
    (date(2023, 7, 1), 1_800_000, True),
    (date(2024, 6, 30), 1_800_000, True),
    (date(2024, 7, 1), 2_340_000, True),
    (date(2026, 6, 30), 2_340_000, True),
    (date(2026, 7, 1), 2_530_000, False),
    (date(2030, 1, 1), 2_530_000, False),
])
def test_base_salary_on(d, amount, verified):
    salary = base_salary_on(d)
    assert (salary.amount, salary.verified) == (amount, verified)
    assert salary.source


def test_base_salary_before_first_period():
    with pytest.raises(RuleError) as err:
        base_salary_on(date(2023, 6, 30))
    assert str(err.value).startswith("Ngày ký 30/6/2023 nằm ngoài mọi giai đoạn có quy định về "
                                     "mức lương cơ sở (có quy định từ 01/7/2023). Hãy kiểm tra lại ngày ký.")
    assert str(err.value).endswith('vào tệp mau/luong-co-so.toml, rồi chạy lại.')


def test_prize_before_first_salary_period_names_the_date():
    with pytest.raises(RuleError, match=r"^Ngày ký 30/6/2023 nằm ngoài .* mức lương cơ sở"):
        prize_amount(find_form("BKCT"), INDIVIDUAL, date(2023, 6, 30))


def test_household_is_one_and_a_half_times_the_individual():
    bk = find_form("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")
    household = prize_amount(bk, HOUSEHOLD, date(2025, 8, 15))
    assert household.of == prize_amount(bk, INDIVIDUAL, date(2025, 8, 15))
    assert household.coefficient.value == Decimal("1.5")
    assert household.coefficient.of_kind is INDIVIDUAL
    assert household.amount == 5_270_000


@pytest.mark.parametrize("mode, numerator, expected", [
    ("up", 1_112_000, 1_120_000),
    ("up", 834_000, 840_000),
    ("up", 702_000, 710_000),
    ("up", 3_510_000, 3_510_000),
    ("up", 3_510_001, 3_520_000),
    ("nearest", 223_500, 220_000),
    ("nearest", 225_000, 230_000),
    ("nearest", 1_112_000, 1_110_000),
])
def test_rounding(mode, numerator, expected):
    assert Rounding(mode, "", True).apply(numerator * 100, 100) == expected


def test_rounding_mode_comes_from_the_data_file():
    prize = prize_amount(find_form("BKCT"), INDIVIDUAL, date(2025, 8, 15))
    assert prize.rounding.mode == "up"
    assert "Điều 49" in prize.rounding.source


@pytest.mark.parametrize("n, text", [
    (0, "0"), (999, "999"), (3_510_000, "3.510.000"), (18_720_000, "18.720.000"),
    (1_234_567_890, "1.234.567.890"),
])
def test_format_amount(n, text):
    assert format_amount(n) == text


SIGNING = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))


@given(st.sampled_from(list(TABLE)), SIGNING)
def test_amount_is_the_coefficient_times_salary_rounded_up(case, d):
    key, kind = case
    prize = prize_amount(form(key), kind, d)
    factor = Decimal(TABLE[key, kind])
    exact = factor * prize.base.amount
    assert prize.amount % 10_000 == 0
    assert exact <= prize.amount < exact + 10_000


def test_unverified_values_behind_a_prize_are_listed_once():
    bk = find_form("BKCT")
    prizes = [prize_amount(bk, HOUSEHOLD, date(2026, 8, 1)), prize_amount(bk, INDIVIDUAL, date(2026, 8, 1))]
    assert warnings(prizes) == [
        "Chưa đối chiếu với văn bản chính thức: mức lương cơ sở 2.530.000 đồng từ 01/7/2026; "
        "nguồn: NĐ 161/2026/NĐ-CP (chưa tìm thấy văn bản chính thức).",
        "Chưa đối chiếu với văn bản chính thức: cách làm tròn tiền thưởng (lên, bước 10.000 đồng); "
        "nguồn: NĐ 152/2025/NĐ-CP Điều 49: làm tròn số lên hàng chục nghìn đồng "
        "(có nguồn làm tròn gần nhất).",
    ]


def test_nd98_provincial_certificate_is_flagged():
    prize = prize_amount(find_form("BKCT"), COLLECTIVE, date(2024, 8, 1))
    assert any("hệ số 3,0 × mức lương cơ sở cho Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, tập thể, "
               "từ 01/01/2024 đến 30/6/2025" in w and "NĐ 98/2023/NĐ-CP Điều 58" in w for w in warnings([prize]))


def test_awardees_of_one_form_kind_and_date_share_one_prize(make_workbook):
    """A year-end batch has a hundred thousand awardees and a handful of distinct prizes."""
    from tdkt_docs.build import prepare
    from helpers import year_end_content

    prepared = prepare(make_workbook(year_end_content(n_decisions=3, per_decision=10)), Settings())
    awards = prepared.resolution.awards
    by_kind = {kind: {id(a.prize) for a in awards if a.kind is kind} for kind in RecipientKind}
    assert len(awards) == 30 and all(len(ids) == 1 for ids in by_kind.values())
    assert {a.kind: a.prize.amount for a in awards} == {COLLECTIVE: 7_020_000, INDIVIDUAL: 3_510_000,
                                                        HOUSEHOLD: 5_270_000}


HIGHEST_ONLY = (
    "trong cùng một thời điểm, một đối tượng đạt nhiều danh hiệu thi đua, có cùng thời gian được tính để đạt các "
    "danh hiệu thi đua đó thì được nhận tiền thưởng danh hiệu thi đua cao nhất")


def paid(make_workbook, content) -> tuple[list, list]:
    """(row, form, prize, amount paid) of each award, and the problems of the rules stage on money."""
    from tdkt_docs.build import prepare

    prepared = prepare(make_workbook(content), Settings())
    return ([(a.nomination.rows[0], a.form.name, a.prize.amount, a.amount) for a in prepared.resolution.awards],
            [p for p in prepared.problems if p.code in ("tien_thuong.danh_hieu_cao_nhat", "dieu_kien.mot_thanh_tich")])


def test_of_two_titles_in_one_batch_only_the_higher_is_paid(make_workbook):
    """Lao động tiên tiến and Chiến sĩ thi đua cơ sở of one person in one batch: the lower is listed without
    money, with one precise warning instead of the generic one on one achievement."""
    from support.workbooks import commune_titles

    awards, (problem,) = paid(make_workbook, commune_titles())
    assert awards == [(2, "Lao động tiên tiến", 710_000, 710_000), (3, "Lao động tiên tiến", 710_000, 0),
                      (4, "Chiến sĩ thi đua cơ sở", 2_340_000, 2_340_000)]
    assert str(problem) == (
        'Cảnh báo: trang "Đề nghị khen thưởng", ô L3 (cột "Hình thức khen thưởng"): "Vũ Thị Giang" được đề nghị '
        'Lao động tiên tiến (dòng 3) và Chiến sĩ thi đua cơ sở (dòng 4, ô L4) trong cùng đợt "Quý III/2024"; '
        f"{HIGHEST_ONLY} (NĐ 98/2023/NĐ-CP, nguyên tắc tính tiền thưởng (số điều chưa đối chiếu; theo nguồn thứ "
        "cấp, cùng nội dung NĐ 152/2025/NĐ-CP Điều 49 khoản 5); chưa đối chiếu với văn bản chính thức). Tiền thưởng "
        "chỉ tính cho Chiến sĩ thi đua cơ sở ở dòng 4 (2.340.000 đồng); Lao động tiên tiến ở dòng 3 không kèm tiền "
        "thưởng (không tính 710.000 đồng). Phần mềm coi các danh hiệu cùng đợt là có cùng thời gian được tính: nếu "
        "không phải vậy, mỗi danh hiệu đều có tiền thưởng, hãy đưa chúng vào hai đợt khác nhau.")


def after_july_2025(content: dict) -> dict:
    """``content`` moved to a batch signed under NĐ 152 (Giấy khen has a coefficient from then)."""
    content["batches"][0].update(signing=date(2025, 9, 24), submission_date=date(2025, 9, 16))
    for n in content["nominations"]:
        n["submission_date"] = date(2025, 9, 9)
    return content


def test_after_july_2025_the_rule_cites_nd152(make_workbook):
    from support.workbooks import commune_titles

    awards, (problem,) = paid(make_workbook, after_july_2025(commune_titles()))
    assert [a[3] for a in awards] == [710_000, 0, 2_340_000]
    assert ("(NĐ 152/2025/NĐ-CP Điều 49 khoản 5 (theo bản trích của thuvienphapluat.vn, chưa đọc bản Công báo); "
            "chưa đối chiếu với văn bản chính thức)") in problem.message


@pytest.mark.parametrize("change", [
    {"batch": "Quý IV/2025", "submission_no": "9/TTr-THTG", "submission_date": date(2025, 12, 1)},  # another time
    {"form": "Giấy khen"},          # a title and a form: each is paid; one achievement awarded twice is told
    {"cccd": "027184000123"},       # a CCCD on one row only: the rules stage keeps them apart, the review may not
    {"appraisal": "Không đạt"},     # not decided
])
def test_each_prize_is_paid_unless_two_titles_of_one_recipient_share_a_batch(make_workbook, change):
    from support.workbooks import batch, commune_titles

    content = after_july_2025(commune_titles())
    content["batches"].append(batch(name="Quý IV/2025", quarter="Quý IV", signing=date(2025, 12, 20),
                                    position="CHỦ TỊCH", signer="Nguyễn Văn Khánh", submission_no="30/TTr-VP",
                                    submission_date=date(2025, 12, 10)))
    content["nominations"][2].update(change)
    awards, problems = paid(make_workbook, content)
    assert [a[3] for a in awards if a[0] == 3] == [710_000]
    generic = "appraisal" not in change
    assert [(p.code, p.location.cell) for p in problems] == [("dieu_kien.mot_thanh_tich", "I4")] * generic
