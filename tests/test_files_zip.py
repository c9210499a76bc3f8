"""Archives are written by ``write_zip``: any zip reader opens them, their members check out, and equal content
gives equal bytes; a template's unchanged parts go in compressed once."""
from __future__ import annotations

import io
import zipfile

import pytest

from tdkt_docs import files
from tdkt_docs.errors import UserError
from tdkt_docs.files import Deflated, write_zip

ENTRIES = [("[Content_Types].xml", b"<Types/>" * 50), ("word/document.xml", "Quyết định khen thưởng".encode() * 400),
           ("danh-sách/tờ trình.txt", "Tờ trình số 12".encode()), ("trống.txt", b"")]


def test_any_reader_opens_it_and_every_member_checks_out():
    data = write_zip(ENTRIES)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every member's CRC is right
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == ENTRIES
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.getinfo("danh-sách/tờ trình.txt").flag_bits & 0x800  # a UTF-8 name says so
        assert not archive.getinfo("word/document.xml").flag_bits & 0x800
    assert len(data) < sum(len(content) for _, content in ENTRIES) / 5


def test_the_same_bytes_as_zipfile_writes_them():
    """Byte for byte the archive zipfile writes with fixed dates (so files made before are recognised), local
    headers included (a reader going by them alone finds the same names, sizes and checksums)."""
    reference = io.BytesIO()
    with zipfile.ZipFile(reference, "w") as archive:
        for name, content in ENTRIES:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.create_system = zipfile.ZIP_DEFLATED, 3
            archive.writestr(info, content)
    assert write_zip(ENTRIES) == reference.getvalue()


def test_members_compressed_once_give_the_same_archive():
    once = [Deflated.of(name, content) for name, content in ENTRIES]
    assert write_zip(once) == write_zip(ENTRIES) == write_zip(list(ENTRIES))
    assert write_zip([once[0], ENTRIES[1], once[2], ENTRIES[3]]) == write_zip(ENTRIES)
    assert write_zip(ENTRIES[:2]) != write_zip(ENTRIES[:1])


def test_an_archive_too_large_for_the_plain_format_is_refused(monkeypatch):
    whole = len(write_zip(ENTRIES))
    monkeypatch.setattr(files, "_ZIP_LIMIT", 100)
    with pytest.raises(UserError, match="quá lớn"):
        write_zip(ENTRIES)
    monkeypatch.setattr(files, "_ZIP_LIMIT", whole - 30)  # only the central directory crosses it
    with pytest.raises(UserError, match="quá lớn"):
        write_zip(ENTRIES)
