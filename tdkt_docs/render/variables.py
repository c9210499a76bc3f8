"""The top-level variables the tool provides to each template (see templates/README.md).

A template may use only these names (and the loop variables it declares itself);
``tdkt check --template`` reports any other name before a build tries it.
"""
from __future__ import annotations

_COMMON = frozenset({
    "co_quan_chu_quan", "co_quan_ban_hanh", "co_quan_viet_gon", "so_ky_hieu", "dia_danh",
    "ngay_ban_hanh", "nam", "can_cu", "noi_nhan", "chu_ky",
})

TEMPLATE_VARIABLES: dict[str, frozenset[str]] = {
    "ke-hoach.docx": _COMMON | {"nam_truoc", "nam_sau", "ky_niem", "phu_luc"},
    "quyet-dinh.docx": _COMMON | {"trich_yeu", "tham_quyen_ban_hanh", "dieu_1", "dieu_2", "dieu_3",
                                  "danh_sach"},
}


def template_variables(name: str) -> frozenset[str] | None:
    """The variables provided to the template file ``name``; None for a file the tool does not know."""
    return TEMPLATE_VARIABLES.get(name)
