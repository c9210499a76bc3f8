"""The output folder of a build: one build at a time, every file recorded as it lands.

A lock file keeps a second build out while one is writing (it waits, then stops with a
message). Each file written is appended to a journal at once; the manifest is written at
the end. A build that is killed or fails leaves the journal, and the next build reads it
with the old manifest, so it never takes the tool's own files for hand edits.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from pathlib import Path

from .errors import UserError
from .files import TEMP_PREFIX, folder_error, remove_leftovers, temporary_file
from .manifest import Entry, Manifest, previous_entries, save

LOCK_NAME = ".tdkt-khoa"
JOURNAL_NAME = ".tdkt-nhat-ky.jsonl"
STAGING_NAME = TEMP_PREFIX + "ban-nhap"  # where rendered files wait, whole, until the build writes them
LOCK_WAIT = 30.0  # seconds a second build waits for the first
LOCK_POLL = 0.2  # seconds between two tries


class Busy(UserError):
    """Another build is writing into the same folder."""


class OutputFolder:
    """``with OutputFolder(path) as folder:`` — locked, tidied, with what earlier builds wrote."""

    def __init__(self, root: Path, wait: float = LOCK_WAIT):
        self.root = Path(root)
        self.wait = wait
        self.previous: dict[str, dict] = {}
        self._lock = None
        self._journal = None
        self._made = False  # the folder did not exist before this build

    def __enter__(self) -> OutputFolder:
        deadline = time.monotonic() + self.wait
        while True:
            if self._open_lock():
                self._acquire(deadline)
                if self._lock_current():
                    break
                self._lock.close()  # a build that failed in the folder it made removed it, lock file and all
            if time.monotonic() > deadline:
                raise self._busy()
            time.sleep(LOCK_POLL)
        remove_leftovers(self.root)
        self.previous = recorded(self.root)
        return self

    def __exit__(self, kind, error, trace) -> None:
        self._close_journal()
        remove_leftovers(self.root)  # whatever ended the build, no temporary stays behind
        bare = kind is not None and self._made and self._bare()  # a first build that failed leaves no folder
        if bare and sys.platform != "win32":
            self._remove()  # before unlocking: a build waiting on this lock finds its file gone
        _unlock(self._lock)
        self._lock.close()
        if bare and sys.platform == "win32":
            self._remove()  # Windows removes no file held open: a build waiting on it keeps the folder

    def land(self, entry: Entry) -> None:
        """Record a file that has just been written, before anything else happens. The line is handed to the
        operating system at once, as the file was: a build killed after this (Ctrl+C, a crash) leaves both."""
        if self._journal is None:
            self._journal = open(self.root / JOURNAL_NAME, "a", encoding="utf-8")  # noqa: SIM115 - till the end
        self._journal.write(entry.line + "\n")
        self._journal.flush()

    def finish(self, manifest: Manifest) -> None:
        """The manifest replaces the journal."""
        self._close_journal()
        save(self.root, manifest)
        (self.root / JOURNAL_NAME).unlink(missing_ok=True)

    def _close_journal(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    def _open_lock(self) -> bool:
        """Open the lock file, making the folder when need be; False when the folder went meanwhile (a build
        that failed in the folder it made removed it)."""
        try:
            try:
                self.root.mkdir(parents=True)
                self._made = True
            except FileExistsError:
                if not self.root.is_dir():  # a file of that name
                    raise
            self._lock = open(self.root / LOCK_NAME, "a+b")  # noqa: SIM115 - held until __exit__
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise folder_error(exc, self.root) from None
        return True

    def _acquire(self, deadline: float) -> None:
        while not _try_lock(self._lock):
            if time.monotonic() > deadline:
                self._lock.close()
                raise self._busy()
            time.sleep(LOCK_POLL)

    def _lock_current(self) -> bool:
        """The lock file held is the folder's own still, not one a failed first build removed (or, on a network
        drive, renamed away while open)."""
        try:
            return os.path.samestat(os.fstat(self._lock.fileno()), os.stat(self.root / LOCK_NAME))
        except FileNotFoundError:
            return False

    def _bare(self) -> bool:
        """Nothing in the folder but its lock file."""
        try:
            return [entry.name for entry in self.root.iterdir()] == [LOCK_NAME]
        except OSError:
            return False

    def _remove(self) -> None:
        with contextlib.suppress(OSError):
            (self.root / LOCK_NAME).unlink()
            self.root.rmdir()

    def _busy(self) -> Busy:
        return Busy(f'Thư mục "{self.root}" đang được một lần chạy tdkt khác ghi. Hãy đợi lần đó xong rồi chạy lại '
                    "(hoặc chọn thư mục khác bằng tùy chọn -o).")


def stage(root: Path, data: bytes, suffix: str) -> Path:
    """``data`` kept in a hidden file of the output folder ``root`` until the build moves it into place (see
    ``files.place``); whatever ends the build, a file not moved is removed with the other temporaries (when the
    ``OutputFolder`` is left). Any process of the build may stage, while the build holds the folder."""
    try:
        return temporary_file(root / STAGING_NAME, suffix, data)
    except OSError as exc:
        raise folder_error(exc, root) from None


def recorded(root: Path) -> dict[str, dict]:
    """path → entry of every file earlier builds into ``root`` wrote: the manifest, then the journal of a
    build that did not finish."""
    return previous_entries(root) | _journal_entries(root)


def _journal_entries(root: Path) -> dict[str, dict]:
    try:
        lines = (root / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    entries = {}
    for line in lines:
        try:
            entry = json.loads(line)
            entries[entry["path"]] = entry
        except (ValueError, KeyError, TypeError):
            continue  # the line a kill cut short
    return entries


def _try_lock(handle) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


