"""Vietnamese domain terms and the English names the code uses for them.

Code identifiers are English; everything a user sees is Vietnamese. This table is
the one place where the two meet. Template variables keep the Vietnamese term in
ASCII snake_case (see templates/README.md).
"""

TERMS: dict[str, str] = {
    # documents
    "Kế hoạch": "plan",
    "Quyết định khen thưởng": "award decision",
    "Phụ lục": "appendix",
    "Danh sách kèm theo": "attached list",
    "Tờ trình": "submission",
    "Nơi nhận": "recipients",
    "Căn cứ": "legal basis",
    "Trích yếu": "subject line",
    "Tên loại": "document type name",
    "Số, ký hiệu": "number and code",
    "Địa danh": "place name",
    "Quốc hiệu": "national title",
    "Tiêu ngữ": "motto",
    "Cơ quan chủ quản": "parent agency",
    "Cơ quan ban hành": "issuing agency",
    "Thẩm quyền ký / quyền hạn": "signing authority",
    "Chức vụ": "position",
    "Người ký": "signer",
    "Thể thức": "document format",
    # commendation
    "Thi đua, khen thưởng (TĐKT)": "emulation and commendation",
    "Đề nghị khen thưởng": "nomination",
    "Đợt khen thưởng": "batch",
    "Đơn vị trình": "proposing unit",
    "Hình thức khen thưởng": "award form",
    "Danh hiệu thi đua": "emulation title",
    "Tập thể / Cá nhân / Hộ gia đình": "collective / individual / household",
    "Thành tích": "achievement",
    "Kết quả thẩm định": "appraisal result",
    "Mức lương cơ sở": "base salary",
    "Hệ số": "coefficient",
    "Tiền thưởng": "prize money",
    "Quỹ thi đua, khen thưởng": "commendation fund",
    # certificates
    "Bằng khen / Giấy khen": "certificate",
    "Phôi (bằng, giấy khen in sẵn)": "pre-printed blank",
    "Bố cục phôi": "layout",
    "Ô chữ": "box",
    "Số sổ vàng": "register number",
    "Độ lệch máy in": "printer offset",
    "Tờ chỉnh máy in": "calibration sheet",
    "Bản nháp": "draft",
    "Xem trước": "preview",
    # plan appendix
    "Nhiệm vụ": "task",
    "Quý": "quarter",
    "Đơn vị chỉ đạo / thực hiện / phối hợp": "directing / executing / cooperating unit",
    "Ghi chú": "note",
    "Kỷ niệm": "anniversary",
    # workbook
    "Trang tính": "sheet",
    "Ô": "cell",
    "Cột": "column",
    "Danh mục": "choice list",
    "Hướng dẫn": "instructions",
}
