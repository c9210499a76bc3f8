"""Output names are safe on every system and stable from build to build."""
from __future__ import annotations

import stat
import sys

import pytest

from tdkt_docs.build import build
from tdkt_docs.files import NAME_LIMIT, TEMP_PREFIX, clashes, slug, temporary_file
from tdkt_docs.outfolder import STAGING_NAME

from helpers import current_umask


def test_windows_device_names_get_a_suffix():
    assert [slug(name) for name in ("CON", "Nul", "com1", "LPT9", "Công")] == ["con-1", "nul-1", "com1-1", "lpt9-1",
                                                                              "cong"]


def test_long_names_are_cut_with_a_stable_suffix():
    name = "Phòng Giáo dục và Đào tạo " * 10
    assert len(slug(name)) == NAME_LIMIT and slug(name) == slug(name)
    assert slug(name) != slug(name + "x") and slug(name)[-9] == "-"


def test_no_trailing_dot_or_space():
    assert slug("Quý I. ") == "quy-i" and slug("...") == "van-ban"


def test_names_that_differ_only_in_case_or_accents_clash():
    assert [(a, b) for a, b in clashes([("Quý I", 1), ("quy i", 2), ("Quý II", 3)])] == [(1, 2)]


def test_a_long_unit_name_gives_a_file_name_within_the_limit(make_workbook, decisions_content, settings, tmp_path):
    for n in decisions_content["nominations"]:
        n["unit"] = "Trung tâm Kiểm soát bệnh tật và Giám định y khoa, pháp y, pháp y tâm thần " * 3
    result = build(make_workbook(decisions_content), tmp_path / "out", settings)
    (decision,) = [o.path for o in result.outputs if o.kind == "quyet_dinh"]
    assert len(decision.split("/")[1]) <= NAME_LIMIT + len(".docx")
    assert (tmp_path / "out" / decision).is_file()


def test_a_temporary_file_is_made_with_its_folder_holds_its_bytes_and_gets_a_finished_files_permissions(tmp_path):
    folder = tmp_path / "ket-qua" / STAGING_NAME
    first = temporary_file(folder, ".docx", b"PK\x03\x04 mot")
    second = temporary_file(folder, ".docx", b"hai")
    assert first.parent == second.parent == folder and first != second
    assert first.read_bytes() == b"PK\x03\x04 mot" and second.read_bytes() == b"hai"
    assert first.name.startswith(TEMP_PREFIX) and first.suffix == ".docx"  # what remove_leftovers takes away
    if sys.platform != "win32":
        assert stat.S_IMODE(first.stat().st_mode) == 0o666 & ~current_umask()


def test_a_temporary_file_that_cannot_be_written_whole_leaves_nothing(tmp_path):
    with pytest.raises(TypeError):
        temporary_file(tmp_path, ".docx", "chữ, không phải bytes")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
