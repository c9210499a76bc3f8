"""Locate LibreOffice and run one headless conversion process (one shard)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from tdkt_docs.errors import MissingProgram

ENV_VAR = "TDKT_SOFFICE"
MAC_APP = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
WINDOWS_DIR_VARS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
APT_INSTALL = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"
DOWNLOAD_PAGE = "https://www.libreoffice.org/download/"


def find_soffice() -> Path:
    """Return the LibreOffice program; ``TDKT_SOFFICE`` overrides the search."""
    override = os.environ.get(ENV_VAR)
    if override:
        path = Path(override).expanduser()
        if path.is_file():
            return path
        raise MissingProgram(
            f"Biến môi trường {ENV_VAR} trỏ tới “{override}” nhưng ở đó không có chương trình "
            f"LibreOffice (soffice). Hãy sửa đường dẫn hoặc bỏ biến này."
        )
    for candidate in _candidates():
        if candidate.is_file():
            return candidate
    raise MissingProgram(missing_message())


def _candidates() -> Iterator[Path]:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            yield Path(found)
    yield MAC_APP
    for var in WINDOWS_DIR_VARS:
        base = os.environ.get(var)
        if base:
            yield Path(base) / "LibreOffice" / "program" / "soffice.exe"


def missing_message(platform: str = sys.platform) -> str:
    """The Vietnamese 'LibreOffice is missing' message with the install step for ``platform``."""
    if platform.startswith("linux"):
        how = f"Hãy cài bằng lệnh:\n    {APT_INSTALL}"
    else:
        how = f"Hãy tải LibreOffice tại {DOWNLOAD_PAGE} rồi cài đặt."
    return (
        "Không tìm thấy LibreOffice, chương trình cần để chuyển văn bản sang PDF.\n"
        f"{how}\n"
        f"Nếu LibreOffice đã được cài ở thư mục khác, hãy đặt biến môi trường {ENV_VAR} "
        "bằng đường dẫn tới tệp soffice."
    )


def soffice_command(soffice: Path, sources: Sequence[Path], outdir: Path, profile: Path) -> list[str]:
    """Argument list (never a shell string) converting ``sources`` to PDF into ``outdir``."""
    return [
        str(soffice),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *(str(src) for src in sources),
    ]


@dataclass
class Shard:
    """One running soffice process converting ``sources`` into ``outdir``."""

    sources: list[Path]
    outdir: Path
    log: Path
    proc: subprocess.Popen
    deadline: float
    profile: tempfile.TemporaryDirectory
    timed_out: bool = False

    def running(self) -> bool:
        return self.proc.poll() is None

    def enforce_deadline(self) -> None:
        if self.running() and time.monotonic() > self.deadline:
            self.timed_out = True
            _kill_tree(self.proc)

    def finish(self) -> None:
        """Reap the process, kill leftovers of its group, remove its profile."""
        _kill_tree(self.proc)
        self.profile.cleanup()

    def error_lines(self) -> list[str]:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return [line.strip() for line in text.splitlines() if line.strip().lower().startswith("error")]


def start_shard(soffice: Path, sources: Sequence[Path], workdir: Path, timeout: float) -> Shard:
    """Start one soffice process with its own temporary profile; output goes to ``workdir/out``."""
    outdir = workdir / "out"
    outdir.mkdir(parents=True)
    log = workdir / "soffice.log"
    profile = tempfile.TemporaryDirectory(prefix="tdkt-lo-", ignore_cleanup_errors=True)
    command = soffice_command(soffice, sources, outdir, Path(profile.name))
    with open(log, "wb") as log_file:
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                **_own_process_group(),
            )
        except OSError as err:
            profile.cleanup()
            raise MissingProgram(f"Không chạy được LibreOffice “{soffice}”: {err.strerror}.") from err
    return Shard(list(sources), outdir, log, proc, time.monotonic() + timeout, profile)


def _own_process_group() -> dict:
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _kill_tree(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and every process it started (soffice is a wrapper around soffice.bin)."""
    if os.name == "nt":
        if proc.poll() is None:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
    else:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    if proc.poll() is None:
        proc.kill()
    proc.wait()
