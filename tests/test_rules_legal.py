from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from tdkt_docs.errors import UserError
from tdkt_docs.glossary import IssuerLevel, RecipientKind
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
XA = "Xã, phường, đặc khu tiêu biểu"
GK = "Giấy khen"
PROVINCE, DEPARTMENT, COMMUNE, OTHER = (IssuerLevel.PROVINCE, IssuerLevel.DEPARTMENT, IssuerLevel.COMMUNE,
                                        IssuerLevel.OTHER)
# The first signing date each form has a coefficient for (NĐ 98/2023 gives none for Giấy khen here).
FIRST_COEFFICIENT = {"giay_khen": date(2025, 7, 1)}


def by_name(name):
    return next(f for f in CATALOGUE.forms if f.name == name)


def coefficient(form, kind, d):
    return CATALOGUE.coefficient(form, normalize_kind(kind) if isinstance(kind, str) else kind, d)


def legal_basis_on(d, level=PROVINCE, form=""):
    return RULES.bases.on(d, level, form)


def warnings(used):
    found = rules_used_unverified(used)
    assert all(p.severity is Severity.WARNING for p in found)
    return [p.message for p in found]


def test_forms_of_the_provincial_chairman():
    forms = {f.name: f for f in CATALOGUE.forms}
    assert CATALOGUE.names(PROVINCE) == (BK, CSTD, TLDXS, CO, XA)
    assert forms[BK].kinds == (COLLECTIVE, INDIVIDUAL, HOUSEHOLD)
    assert forms[CSTD].kinds == (INDIVIDUAL,)
    assert forms[TLDXS].kinds == (COLLECTIVE,)
    assert forms[CO].kinds == (COLLECTIVE,)
    assert {forms[name].levels for name in CATALOGUE.names(PROVINCE)} == {(PROVINCE,)}
    assert all("Điều 79" in forms[name].authority_source for name in CATALOGUE.names(PROVINCE))


def test_authority_matrix_by_level():
    assert CATALOGUE.names(DEPARTMENT) == CATALOGUE.names(OTHER) == (
        GK, "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến")
    assert CATALOGUE.names(COMMUNE) == (GK, "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở",
                                        "Tập thể lao động tiên tiến", "Thôn, tổ dân phố văn hóa", "Gia đình văn hóa")
    assert set(CATALOGUE.names()) == {n for level in IssuerLevel for n in CATALOGUE.names(level)}
    assert not set(CATALOGUE.names(PROVINCE)) & set(CATALOGUE.names(COMMUNE))
    giay_khen = by_name(GK)
    assert giay_khen.levels == (DEPARTMENT, COMMUNE, OTHER)
    assert "Điều 80" in giay_khen.authority_source
    assert giay_khen.kinds == (COLLECTIVE, INDIVIDUAL, HOUSEHOLD)
    assert [f.name for f in CATALOGUE.forms if not f.paid] == ["Gia đình văn hóa"]


@pytest.mark.parametrize("name, is_title, phrase", [
    (BK, False, BK),
    (CSTD, True, "danh hiệu Chiến sĩ thi đua cấp tỉnh"),
    (TLDXS, True, "danh hiệu Tập thể lao động xuất sắc"),
    (CO, False, CO),
    (GK, False, GK),
    ("Gia đình văn hóa", True, "danh hiệu “Gia đình văn hóa”"),
])
def test_titles_and_phrases(name, is_title, phrase):
    form = by_name(name)
    assert (form.is_title, form.phrase) == (is_title, phrase)
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
    ("Giấy khen", GK),
    ("GK", GK),
    ("giấy khen của Giám đốc Sở", GK),
    ("Gia đình văn hoá", "Gia đình văn hóa"),
])
def test_find_form(query, name):
    assert CATALOGUE.find(query).name == name


@pytest.mark.parametrize("query", ["Huân chương Lao động hạng Ba", "Bằng khen", "Giấy khen của Bộ trưởng", ""])
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
    (GK, "Cá nhân", date(2025, 8, 15), "0.3", False, "NĐ 152/2025/NĐ-CP Điều 54"),
    (GK, "Tập thể", date(2025, 8, 15), "0.6", False, "NĐ 152/2025/NĐ-CP Điều 54"),
    ("Lao động tiên tiến", "Cá nhân", date(2024, 3, 15), "0.3", True, "NĐ 98/2023/NĐ-CP Điều 54"),
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
        '"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh" cho cá nhân (có quy định từ 01/01/2024). Hãy kiểm tra lại '
        'ngày ký. Nếu ngày ký đúng và có văn bản quy định cho giai đoạn này (kể cả quy định riêng của cơ quan), chạy '
        'lệnh "tdkt mau" trong thư mục chứa sổ Excel, ghi giai đoạn đó kèm nguồn (văn bản, điều khoản) vào tệp '
        'mau/khen-thuong.toml, rồi chạy lại.'
    )


@given(st.sampled_from([(f, k) for f in CATALOGUE.forms if f.paid for k in f.kinds]),
       st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)))
def test_every_allowed_kind_has_a_coefficient_on_every_day_since_2024(case, d):
    form, kind = case
    d = max(d, FIRST_COEFFICIENT.get(form.key, d))
    coef = coefficient(form, kind, d)
    assert coef.effective_from <= d and (coef.effective_to is None or d <= coef.effective_to)
    assert coef.kind is kind and coef.form == form.name


def test_giay_khen_before_nd_152_names_the_period_it_has():
    with pytest.raises(RuleError, match=r"^Ngày ký 30/6/2025 nằm ngoài .* \(có quy định từ 01/7/2025\)\. Hãy kiểm tra "):
        coefficient(by_name(GK), "Cá nhân", date(2025, 6, 30))


def test_a_form_without_money_has_no_prize():
    assert RULES.prize(by_name("Gia đình văn hóa"), HOUSEHOLD, date(2025, 8, 15)) is None


LUAT_2015 = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
LUAT_72 = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"
TDKT_2022 = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
TDKT_06 = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;"
ND_98 = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
         "thi hành một số điều của Luật Thi đua, khen thưởng;")
ND_152 = ("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
          "phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành "
          "một số điều của Luật Thi đua, khen thưởng;")
LUAT_65 = "Căn cứ Luật Tổ chức chính quyền địa phương số 65/2025/QH15;"
ND_86 = ("Căn cứ Nghị định số 86/2023/NĐ-CP của Chính phủ quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ "
         "xét tặng danh hiệu “Gia đình văn hóa”; “Thôn, tổ dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”;")


@pytest.mark.parametrize("d, lines", [
    (date(2024, 3, 15), [LUAT_2015, TDKT_2022, ND_98]),
    (date(2024, 11, 20), [LUAT_2015, TDKT_2022, ND_98]),
    (date(2025, 3, 1), [LUAT_65, TDKT_2022, ND_98]),
    (date(2025, 6, 30), [LUAT_72, TDKT_2022, ND_98]),
    (date(2025, 7, 1), [LUAT_72, TDKT_06, ND_152]),
    (date(2025, 12, 20), [LUAT_72, TDKT_06, ND_152]),
])
def test_legal_basis_on(d, lines):
    assert [b.text for b in legal_basis_on(d)] == lines


def test_no_line_of_one_province_in_the_national_data():
    texts = [b.text for b in RULES.bases.lines]
    assert not [t for t in texts if "Bắc Ninh" in t or "QĐ-UBND" in t]


@pytest.mark.parametrize("level, form, lines", [
    (COMMUNE, "giay_khen", [LUAT_72, TDKT_06, ND_152]),
    (DEPARTMENT, "giay_khen", [TDKT_06, ND_152]),
    (OTHER, "lao_dong_tien_tien", [TDKT_06, ND_152]),
    (COMMUNE, "gia_dinh_van_hoa", [LUAT_72, TDKT_06, ND_152, ND_86]),
    (COMMUNE, "thon_van_hoa", [LUAT_72, TDKT_06, ND_152, ND_86]),
])
def test_legal_basis_by_level_and_form(level, form, lines):
    assert [b.text for b in legal_basis_on(date(2025, 8, 15), level, form)] == lines


def test_legal_basis_marks_what_is_unverified():
    verified = {b.text: b.verified for b in legal_basis_on(date(2025, 3, 1))}
    assert verified == {LUAT_65: False, TDKT_2022: False, ND_98: True}
    assert all(b.verified for b in legal_basis_on(date(2025, 8, 15)))
    assert not legal_basis_on(date(2025, 8, 15), COMMUNE, "gia_dinh_van_hoa")[-1].verified


def test_legal_basis_before_2024():
    with pytest.raises(RuleError) as err:
        legal_basis_on(date(2023, 12, 31))
    assert str(err.value).startswith("Ngày ký 31/12/2023 nằm ngoài mọi giai đoạn có quy định về căn cứ pháp lý "
                                     "của quyết định khen thưởng (có quy định từ 01/01/2024). Hãy kiểm tra lại ngày ký.")
    assert str(err.value).endswith('vào tệp mau/can-cu.toml, rồi chạy lại.')


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2040, 12, 31)), st.sampled_from(list(IssuerLevel)))
def test_every_signing_date_gets_one_line_per_instrument(d, level):
    texts = [b.text for b in legal_basis_on(d, level)]
    assert all(t.startswith("Căn cứ ") and t.endswith(";") for t in texts)
    local_government = level in (PROVINCE, COMMUNE)
    assert sum("Luật Tổ chức chính quyền địa phương" in t for t in texts) == local_government
    assert sum("Luật Thi đua, khen thưởng" in t and "Nghị định" not in t for t in texts) == 1
    assert sum(t.startswith("Căn cứ Nghị định") for t in texts) == 1
    assert not [t for t in texts if t.startswith("Căn cứ Quyết định")]


def test_unverified_warnings_name_value_and_source_once():
    form = by_name(TLDXS)
    used = [form, form, *legal_basis_on(date(2025, 3, 1)), coefficient(form, "Tập thể", date(2025, 8, 15))]
    assert warnings(used) == [
        "Chưa đối chiếu với văn bản chính thức: thẩm quyền và cách viết của Tập thể lao động xuất sắc; "
        "nguồn: QĐ 86/2025/QĐ-UBND Điều 5 (Chủ tịch quyết định trực tiếp); trích yếu chưa đối chiếu.",
        f'Chưa đối chiếu với văn bản chính thức: dòng "{LUAT_65}"; nguồn: Luật số 65/2025/QH15 ngày 19/02/2025 '
        "(ngày hiệu lực 01/3/2025 chưa đối chiếu).",
        f'Chưa đối chiếu với văn bản chính thức: dòng "{TDKT_2022}"; nguồn: Luật số 06/2022/QH15, hiệu lực từ '
        "01/01/2024 (cách viết theo ngày thông qua chưa đối chiếu).",
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
