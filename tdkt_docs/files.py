"""Atomic file output: a reader never sees a half-written file; every failure is a clear message."""
from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import re
import secrets
import shutil
import struct
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, TypeVar

from .errors import UserError
from .text import plain

T = TypeVar("T")


class FolderError(UserError):
    """The output folder cannot take files: read-only, a file in its place, a full disk, a name too long."""


class FileInUse(UserError):
    """One file cannot be replaced: another program holds it open (Windows), or its folder forbids writing."""

    @classmethod
    def of(cls, target: Path) -> FileInUse:
        program = _OPENED_IN.get(target.suffix.lower())
        opener = f"{program} hoặc chương trình khác" if program else "chương trình khác"
        return cls(f'Không ghi được "{target}": tệp đang mở trong {opener}, hoặc thư mục "{target.parent}" '
                   "không cho ghi. Hãy đóng tệp rồi chạy lại; nếu tệp không mở ở đâu, hãy kiểm tra quyền ghi của thư mục "
                   "hoặc ghi vào thư mục khác.")


_OPENED_IN = {".docx": "Word", ".xlsx": "Excel", ".xlsm": "Excel", ".pdf": "trình đọc PDF"}


def folder_error(exc: OSError, path: Path) -> FolderError:
    """The Vietnamese reason an operation on ``path`` failed."""
    reasons = {
        errno.EACCES: "không có quyền ghi vào thư mục này (thư mục chỉ đọc hoặc thuộc người dùng khác)",
        errno.EPERM: "không có quyền ghi vào thư mục này (thư mục chỉ đọc hoặc thuộc người dùng khác)",
        errno.EROFS: "ổ đĩa chỉ cho đọc",
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EDQUOT: "đã hết dung lượng được phép trên ổ đĩa",
        errno.ENAMETOOLONG: "tên hoặc đường dẫn quá dài",
        errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
        errno.ENOENT: "thư mục không còn (vừa bị xóa hoặc đổi tên)",
        errno.EEXIST: "đã có một tệp trùng tên ở chỗ cần tạo thư mục",
    }
    reason = reasons.get(exc.errno, exc.strerror or "lỗi hệ thống")
    return FolderError(f'Không ghi được "{path}": {reason}. Chưa tệp nào bị ghi dở; các tệp đã có vẫn giữ nguyên. '
                       "Hãy chọn thư mục khác (tùy chọn -o) hoặc sửa lỗi trên rồi chạy lại.")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success rename it over ``target``.

    On any exception (Ctrl-C included) the temporary file is removed and ``target``
    is left as it was. A folder that cannot take the file raises ``FolderError``; a
    target held open by another program, ``FileInUse``.
    """
    target = Path(target)
    tmp_path: Path | None = None
    try:
        try:
            tmp_path = temporary_file(target.parent, target.suffix)
        except OSError as exc:
            raise folder_error(exc, target.parent) from None
        try:
            yield tmp_path
        except OSError as exc:
            raise folder_error(exc, target) from None
        place(tmp_path, target)
    except BaseException:
        if tmp_path is not None:
            tmp_path.unlink(missing_ok=True)
        raise


def temporary_file(folder: Path, suffix: str = "", data: bytes = b"") -> Path:
    """A new file in ``folder`` (made if need be) holding ``data``, named as a temporary (``remove_leftovers``
    knows it), with the permissions a finished file gets: created, written and closed, nothing more. Raises
    OSError, leaving no file."""
    handle, path = _new_file(folder, suffix)
    try:
        with open(handle, "wb") as out:
            out.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)  # never inherited (PEP 446)


def _new_file(folder: Path, suffix: str) -> tuple[int, Path]:
    """A file made in ``folder`` under a name no other has, open for writing; the folder is made when missing.
    Created with mode 0o666, which the umask narrows as for any new file."""
    made = False
    for _ in range(tempfile.TMP_MAX):
        path = folder / f"{TEMP_PREFIX}{secrets.token_hex(6)}{suffix}"
        try:
            return os.open(path, _NEW_FILE, 0o666), path
        except FileExistsError:
            continue
        except FileNotFoundError:
            if made:
                raise
            folder.mkdir(parents=True, exist_ok=True)
            made = True
    raise FileExistsError(errno.EEXIST, "no temporary name left", str(folder))


def place(finished: Path, target: Path) -> None:
    """Rename the whole file ``finished`` over ``target`` (same disk), in one step."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(finished, target)
    except PermissionError:
        raise FileInUse.of(target) from None
    except OSError as exc:
        raise folder_error(exc, target) from None


TEMP_PREFIX = ".~tdkt-"


def remove_leftovers(folder: Path) -> None:
    """Delete temporaries a killed earlier run left in ``folder`` (never a finished file)."""
    if not folder.is_dir():
        return
    for leftover in sorted(folder.rglob(TEMP_PREFIX + "*"), reverse=True):
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


@dataclass(frozen=True)
class Deflated:
    """A file compressed once, to go into any number of archives as it is (a template's unchanged parts)."""

    name: str
    crc: int
    size: int
    data: bytes  # raw deflate

    @classmethod
    def of(cls, name: str, content: bytes) -> Deflated:
        squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, zlib.crc32(content), len(content), squeeze.compress(content) + squeeze.flush())


_ZIP_LIMIT = 0xFFFFFFFF  # beyond it an archive needs ZIP64
_FIXED_DATE, _FIXED_TIME = (1980 - 1980) << 9 | 1 << 5 | 1, 0  # 1 January 1980, 00:00 (DOS format)
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


def write_zip(entries: Iterable[tuple[str, bytes] | Deflated]) -> bytes:
    """An archive of ``entries`` (name and content, or compressed already) with fixed dates and attributes:
    equal content gives equal bytes, on any system. Written here because zipfile cannot take a member
    compressed once for many archives; the format is the plain one every Office program reads (no ZIP64:
    an archive past 4 GB is refused)."""
    out, central = io.BytesIO(), []
    for entry in entries:
        member = entry if isinstance(entry, Deflated) else Deflated.of(*entry)
        name = member.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # the name is UTF-8
        offset = out.tell()
        fields = (20, flags, zlib.DEFLATED, _FIXED_TIME, _FIXED_DATE, member.crc, len(member.data), member.size,
                  len(name))
        out.write(_LOCAL.pack(0x04034B50, *fields, 0) + name)
        out.write(member.data)
        central.append(_CENTRAL.pack(0x02014B50, 3 << 8 | 20, *fields, 0, 0, 0, 0, 0o600 << 16, offset) + name)
        _fits(out.tell(), member.size, len(central))
    start = out.tell()
    out.write(b"".join(central))
    _fits(out.tell(), 0, len(central))
    out.write(_END.pack(0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def _fits(written: int, size: int, members: int) -> None:
    if max(written, size) >= _ZIP_LIMIT or members >= 0xFFFF:
        raise UserError("Gói tệp quá lớn (trên 4 GB hoặc từ 65.535 tệp). Hãy tải từng đợt riêng.")


def clashes(named: Iterable[tuple[str, T]]) -> Iterator[tuple[T, T]]:
    """(first, later) for each item whose output name another item already has, the way Windows and
    macOS compare names (case and accents ignored)."""
    seen: dict[str, T] = {}
    for name, item in named:
        key = plain(name)
        if key in seen:
            yield seen[key], item
        else:
            seen[key] = item


NAME_LIMIT = 100
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$")


def slug(text: str) -> str:
    """A file or folder name safe on every system: "Quý I/2024" -> "quy-i-2024".

    ASCII letters, digits and hyphens only (so no trailing dot or space); a Windows device
    name (CON, NUL, COM1…) gets a suffix; a long name is cut to ``NAME_LIMIT`` characters
    with a suffix taken from the whole text, so it stays the same from build to build.
    """
    name = re.sub(r"[^a-z0-9]+", "-", plain(text)).strip("-") or "van-ban"
    if _RESERVED.match(name):
        name += "-1"
    if len(name) > NAME_LIMIT:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        name = name[:NAME_LIMIT - 9].rstrip("-") + "-" + digest
    return name
