"""Shared test helpers: small workbooks, running the CLI, reading generated .docx."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tdkt_docs.read.blank import write_filled_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2024 = ROOT / "data" / "mau" / "tdkt-2024.xlsx"

MINIMAL = {
    "agency": {"name_line_1": "ỦY BAN NHÂN DÂN", "name_line_2": "TỈNH BẮC NINH",
               "short_name": "UBND tỉnh Bắc Ninh", "code": "UBND", "place": "Bắc Ninh"},
    "plan": {"year": 2024, "authority": "TM. ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH",
             "signer": "Nguyễn Hương Giang", "archive": "VT, NC"},
    "legal_basis": [{"text": "Căn cứ Luật Thi đua, khen thưởng năm 2022"}],
    "recipients": [{"document": "Kế hoạch", "name": "Các Sở, ban, ngành tỉnh"}],
    "tasks": [{"quarter": "Quý I", "content": "Xây dựng Kế hoạch", "directing": "UBND tỉnh",
               "executing": ("Sở Nội vụ", "Sở Tài chính")}],
}


@pytest.fixture
def content() -> dict:
    """A small valid workbook content, safe to modify."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def make_workbook(tmp_path):
    def make(content: dict, name: str = "so-lieu.xlsx") -> Path:
        path = tmp_path / name
        write_filled_workbook(path, content)
        return path
    return make
