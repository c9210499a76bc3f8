from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from tdkt_docs.errors import UserError
from tdkt_docs.glossary import RecipientKind
from tdkt_docs.problems import Severity
from tdkt_docs.rules.book import Rules
from tdkt_docs.rules.legal import RuleError, check_no_overlap, load_toml, normalize_kind, rules_used_unverified
from tdkt_docs.settings import Settings

RULES = Rules(Settings())
CATALOGUE = RULES.catalogue
COLLECTIVE, INDIVIDUAL, HOUSEHOLD = RecipientKind.COLLECTIVE, RecipientKind.INDIVIDUAL, RecipientKind.HOUSEHOLD

BK = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
CSTD = "Chiến sĩ thi đua cấp tỉnh"
TLDXS = "Tập thể lao động xuất sắc"
CO = "Cờ thi đua của Ủy ban nhân dân tỉnh"


def by_name(name):
    return next(f for f in CATALOGUE.forms if f.name == name)


def coefficient(form, kind, d):
    return CATALOGUE.coefficient(form, normalize_kind(kind) if isinstance(kind, str) else kind, d)


def legal_basis_on(d):
    return RULES.bases.on(d)


def warnings(used):
    found = rules_used_unverified(used)
    assert all(p.severity is Severity.WARNING for p in found)
    return [p.message for p in found]


def test_forms_of_the_provincial_chairman():
    forms = {f.name: f for f in CATALOGUE.forms}
    assert list(forms)[0] == BK
    assert forms[BK].kinds == (COLLECTIVE, INDIVIDUAL, HOUSEHOLD)
    assert forms[CSTD].kinds == (INDIVIDUAL,)
    assert forms[TLDXS].kinds == (COLLECTIVE,)
    assert forms[CO].kinds == (COLLECTIVE,)
    assert {f.authority for f in forms.values()} == {"Chủ tịch Ủy ban nhân dân tỉnh"}


@pytest.mark.parametrize("name, title, phrase", [
    (BK, "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", BK),
    (CSTD, "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh", "danh hiệu Chiến sĩ thi đua cấp tỉnh"),
    (TLDXS, "Về việc tặng danh hiệu Tập thể lao động xuất sắc", "danh hiệu Tập thể lao động xuất sắc"),
    (CO, "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh", CO),
])
def test_titles_and_phrases(name, title, phrase):
    form = by_name(name)
    assert (form.title, form.phrase) == (title, phrase)
    assert form.source


@pytest.mark.parametrize("query, name", [
    ("Bằng khen của Chủ tịch UBND tỉnh", BK),
    ("  bằng KHEN của chủ tịch ủy ban nhân dân tỉnh ", BK),
    ("BKCT", BK),
    ("bk tỉnh", BK),
    ("bang_khen_tinh", BK),
    ("Chiến sỹ thi đua cấp tỉnh", CSTD),
    ('Danh hiệu "Chiến sĩ thi đua cấp tỉnh"', CSTD),
    ("CSTĐ cấp tỉnh", CSTD),
    ("TLĐXS", TLDXS),
    ("Tập thể Lao động xuất sắc", TLDXS),
    ("danh hiệu Tập thể lao động xuất sắc", TLDXS),
    ("Cờ thi đua UBND tỉnh", CO),
    ("tặng Cờ thi đua của Ủy ban nhân dân tỉnh", CO),
    ("Cờ thi đua của Uỷ ban nhân dân tỉnh", CO),
])
def test_find_form(query, name):
    assert CATALOGUE.find(query).name == name


@pytest.mark.parametrize("query", ["Huân chương Lao động hạng Ba", "Giấy khen", "Bằng khen", ""])
def test_find_form_unknown(query):
    assert CATALOGUE.find(query) is None


@pytest.mark.parametrize("name, kind, d, value, verified, source", [
    (BK, "Cá nhân", date(2024, 3, 15), "1.5", False, "NĐ 98/2023/NĐ-CP Điều 58"),
    (BK, "Tập thể", date(2025, 6, 30), "3.0", False, "NĐ 98/2023/NĐ-CP Điều 58"),
    (BK, "Cá nhân", date(2025, 7, 1), "1.5", True, "NĐ 152/2025/NĐ-CP Điều 54"),
    (BK, "Tập thể", date(2025, 8, 15), "3.0", True, "NĐ 152/2025/NĐ-CP Điều 54"),
    (CSTD, "Cá nhân", date(2024, 3, 15), "3.0", True, "NĐ 98/2023/NĐ-CP Điều 54"),
    (CSTD, "cá  nhân", date(2025, 8, 15), "3.0", True, "NĐ 152/2025/NĐ-CP Điều 50"),
    (TLDXS, "Tập thể", date(2025, 8, 15), "1.5", True, "NĐ 152/2025/NĐ-CP Điều 50"),
    (CO, "TẬP THỂ", date(2026, 8, 1), "8.0", True, "NĐ 152/2025/NĐ-CP Điều 50"),
])
def test_coefficient(name, kind, d, value, verified, source):
    coef = coefficient(by_name(name), kind, d)
    assert coef.value == Decimal(value)
    assert coef.verified is verified
    assert coef.source.startswith(source)


def test_household_coefficient_multiplies_the_individual_amount():
    coef = coefficient(by_name(BK), "Hộ gia đình", date(2025, 8, 15))
    assert (coef.value, coef.of_kind, coef.hundredths) == (Decimal("1.5"), INDIVIDUAL, 150)


def test_flag_for_a_person_is_refused():
    with pytest.raises(RuleError) as err:
        coefficient(by_name(CO), "Cá nhân", date(2025, 8, 15))
    assert str(err.value) == ('"Cờ thi đua của Ủy ban nhân dân tỉnh" không tặng cho cá nhân; '
                              "chỉ tặng cho: tập thể.")
    assert isinstance(err.value, UserError)


def test_collective_title_for_a_household_is_refused():
    with pytest.raises(RuleError, match='^"Tập thể lao động xuất sắc" không tặng cho hộ gia đình'):
        coefficient(by_name(TLDXS), "Hộ gia đình", date(2025, 8, 15))


def test_unknown_kind():
    with pytest.raises(RuleError) as err:
        coefficient(by_name(BK), "Doanh nghiệp", date(2025, 8, 15))
    assert str(err.value) == 'Loại "Doanh nghiệp" không hợp lệ; chỉ dùng: Tập thể, Cá nhân, Hộ gia đình.'


def test_coefficient_before_the_law_of_2022_applies():
    with pytest.raises(RuleError) as err:
        coefficient(by_name(BK), "Cá nhân", date(2023, 12, 31))
    assert str(err.value) == (
        'Ngày ký 31/12/2023 nằm ngoài mọi giai đoạn có quy định về hệ số tiền thưởng '
        '"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" cho cá nhân (có quy định từ 01/01/2024).'
    )


@given(st.sampled_from([(f, k) for f in CATALOGUE.forms for k in f.kinds]),
       st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)))
def test_every_allowed_kind_has_a_coefficient_on_every_day_since_2024(case, d):
    form, kind = case
    coef = coefficient(form, kind, d)
    assert coef.effective_from <= d and (coef.effective_to is None or d <= coef.effective_to)
    assert coef.kind is kind and coef.form == form.name


LUAT_2015 = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
LUAT_72 = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"
TDKT_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
TDKT_06 = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"
ND_98 = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
         "thi hành một số điều của Luật Thi đua, khen thưởng;")
ND_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
          "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành "
          "một số điều của Luật Thi đua, khen thưởng;")
QD_13 = ("Căn cứ Quyết định số 13/2024/QĐ-UBND ngày 31 tháng 5 năm 2024 của Ủy ban nhân dân tỉnh "
         "ban hành Quy chế công tác thi đua, khen thưởng tỉnh Bắc Ninh;")
QD_86 = ("Căn cứ Quyết định số 86/2025/QĐ-UBND ngày 03 tháng 12 năm 2025 của Ủy ban nhân dân tỉnh "
         "ban hành Quy định về công tác thi đua, khen thưởng tỉnh Bắc Ninh;")


@pytest.mark.parametrize("d, lines", [
    (date(2024, 3, 15), [LUAT_2015, TDKT_2022, ND_98]),
    (date(2024, 5, 31), [LUAT_2015, TDKT_2022, ND_98, QD_13]),
    (date(2024, 11, 20), [LUAT_2015, TDKT_2022, ND_98, QD_13]),
    (date(2025, 6, 30), [LUAT_72, TDKT_2022, ND_98, QD_13]),
    (date(2025, 7, 1), [LUAT_72, TDKT_06, ND_152, QD_13]),
    (date(2025, 8, 15), [LUAT_72, TDKT_06, ND_152, QD_13]),
    (date(2025, 12, 14), [LUAT_72, TDKT_06, ND_152, QD_13]),
    (date(2025, 12, 15), [LUAT_72, TDKT_06, ND_152, QD_86]),
    (date(2025, 12, 20), [LUAT_72, TDKT_06, ND_152, QD_86]),
])
def test_legal_basis_on(d, lines):
    assert [b.text for b in legal_basis_on(d)] == lines


def test_legal_basis_marks_what_is_unverified():
    verified = {b.text: b.verified for b in legal_basis_on(date(2025, 8, 15))}
    assert verified == {LUAT_72: True, TDKT_06: True, ND_152: True, QD_13: False}
    assert all(b.verified for b in legal_basis_on(date(2025, 12, 20)))


def test_legal_basis_before_2024():
    with pytest.raises(RuleError) as err:
        legal_basis_on(date(2023, 12, 31))
    assert str(err.value) == ("Ngày ký 31/12/2023 nằm ngoài mọi giai đoạn có quy định về căn cứ pháp lý "
                              "của quyết định khen thưởng (có quy định từ 01/01/2024).")


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)))
def test_every_signing_date_gets_one_line_per_instrument(d):
    texts = [b.text for b in legal_basis_on(d)]
    assert all(t.startswith("Căn cứ ") and t.endswith(";") for t in texts)
    assert sum("Luật Tổ chức chính quyền địa phương" in t for t in texts) == 1
    assert sum("Luật Thi đua, khen thưởng" in t and "Nghị định" not in t for t in texts) == 1
    assert sum(t.startswith("Căn cứ Nghị định") for t in texts) == 1
    assert sum(t.startswith("Căn cứ Quyết định") for t in texts) == (d >= date(2024, 5, 31))


def test_unverified_warnings_name_value_and_source_once():
    form = by_name(TLDXS)
    used = [form, form, *legal_basis_on(date(2025, 8, 15)), coefficient(form, "Tập thể", date(2025, 8, 15))]
    assert warnings(used) == [
        "Chưa đối chiếu với văn bản chính thức: thẩm quyền và trích yếu của Tập thể lao động xuất sắc; "
        "nguồn: QĐ 86/2025/QĐ-UBND Điều 5 (Chủ tịch quyết định trực tiếp); trích yếu chưa đối chiếu.",
        f'Chưa đối chiếu với văn bản chính thức: dòng "{QD_13}"; nguồn: QĐ 13/2024/QĐ-UBND tỉnh Bắc Ninh '
        "(trích yếu và áp dụng sau hợp nhất tỉnh chưa đối chiếu).",
    ]


def test_verified_rules_give_no_warning():
    assert warnings([by_name(BK), *legal_basis_on(date(2025, 12, 20))]) == []


def test_overlapping_periods_in_a_data_file_are_refused():
    with pytest.raises(RuleError) as err:
        check_no_overlap([(date(2024, 1, 1), date(2024, 12, 31)), (date(2024, 7, 1), None)],
                         "mức lương cơ sở", "luong-co-so.toml")
    assert str(err.value) == ("Tệp dữ liệu quy định luong-co-so.toml: mức lương cơ sở có hai giai đoạn "
                              "chồng nhau (từ 01/01/2024 và từ 01/7/2024).")


def test_open_period_followed_by_another_is_refused():
    with pytest.raises(RuleError, match="chồng nhau"):
        check_no_overlap([(date(2024, 1, 1), None), (date(2025, 1, 1), None)], "x", "f.toml")


def test_two_periods_from_the_same_day_are_refused():
    with pytest.raises(RuleError, match="chồng nhau"):
        check_no_overlap([(date(2024, 1, 1), None), (date(2024, 1, 1), date(2024, 3, 1))], "x", "f.toml")


def test_adjacent_periods_are_accepted():
    start = date(2024, 1, 1)
    check_no_overlap([(start, start + timedelta(days=9)), (start + timedelta(days=10), None)], "x", "f.toml")


def test_missing_data_file(tmp_path):
    with pytest.raises(RuleError, match=r"^Không tìm thấy tệp dữ liệu quy định .*can-cu\.toml\.$"):
        load_toml(tmp_path / "can-cu.toml")


def test_broken_data_file(tmp_path):
    (tmp_path / "khen-thuong.toml").write_text("[[hinh_thuc]\nkey = 1\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"^Tệp dữ liệu quy định .*khen-thuong\.toml sai cú pháp"):
        Rules(Settings((tmp_path,))).catalogue


def test_data_values_are_decimal_not_float(tmp_path):
    (tmp_path / "x.toml").write_text("value = 1.1\n", encoding="utf-8")
    assert load_toml(tmp_path / "x.toml") == {"value": Decimal("1.1")}
