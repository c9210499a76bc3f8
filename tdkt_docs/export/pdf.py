"""Sharded, parallel DOCX → PDF conversion with LibreOffice, retrying missing or empty output."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from tdkt_docs.errors import UserError
from tdkt_docs.files import TEMP_PREFIX
from tdkt_docs.export.soffice import Shard, find_soffice, start_shard
from tdkt_docs.render.workers import cores

POLL_SECONDS = 0.2
TAIL_BYTES = 2048
ARGUMENT_BUDGET = 16_000
"""Bytes of file names one soffice call is given: it silently drops files past about 24,5 KB of arguments."""


def convert_to_pdf(
    docx_paths: Sequence[Path],
    outdir: Path,
    *,
    jobs: int | None = None,
    timeout: float = 180,
    retries: int = 3,
    soffice: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Convert ``docx_paths`` into ``outdir``; return the PDF paths in input order.

    The files are split into one shard per job, each shard one soffice process with its own
    profile and ``timeout`` seconds. Files whose PDF is missing, empty or truncated are
    converted again, up to ``retries`` more times. ``progress(n)`` is called with the number
    of files that have just finished.
    """
    sources = [Path(p).resolve() for p in docx_paths]
    if not sources:
        return []
    _check_sources(sources)
    workers = jobs if jobs is not None else cores()
    if workers < 1 or retries < 0:
        raise ValueError("jobs must be at least 1 and retries at least 0")
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    program = soffice or find_soffice()
    targets = {src: outdir / f"{src.stem}.pdf" for src in sources}
    pending = sources
    for _ in range(retries + 1):
        remove_stale_locks(pending)
        pending, failures = _attempt(
            program, pending, targets, outdir, workers=workers, timeout=timeout, progress=progress
        )
        if not pending:
            return [targets[src] for src in sources]
    raise UserError(_failure_message(failures, retries + 1))


def _check_sources(sources: Sequence[Path]) -> None:
    missing = [str(src) for src in sources if not src.is_file()]
    if missing:
        raise UserError("Không tìm thấy tệp cần chuyển sang PDF:\n" + "\n".join(f"  - {m}" for m in missing))
    seen: dict[str, Path] = {}
    for src in sources:
        other = seen.setdefault(src.stem.casefold(), src)
        if other != src:
            raise UserError(
                f"Hai tệp cùng tên sẽ ghi đè cùng một tệp PDF: “{other}” và “{src}”. "
                "Hãy đổi tên một trong hai tệp."
            )


def remove_stale_locks(sources: Sequence[Path]) -> None:
    """Delete LibreOffice lock files (``.~lock.NAME#``) left beside the sources by a killed run."""
    for src in sources:
        src.with_name(f".~lock.{src.name}#").unlink(missing_ok=True)


def split_shards(items: Sequence[Path], count: int, budget: int = ARGUMENT_BUDGET) -> list[list[Path]]:
    """Contiguous shards, at least ``min(count, len(items))`` of them and near-equal, none whose file
    names take more than ``budget`` bytes of arguments (a single longer name is a shard of its own)."""
    sizes = [len(os.fsencode(item)) + 1 for item in items]
    shards = max(min(count, len(items)), -(-sum(sizes) // budget))
    while True:
        planned = _near_equal(items, shards)
        if all(sum(len(os.fsencode(p)) + 1 for p in shard) <= budget or len(shard) == 1 for shard in planned):
            return planned
        shards += 1


def _near_equal(items: Sequence[Path], count: int) -> list[list[Path]]:
    size, extra = divmod(len(items), count)
    shards, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        shards.append(list(items[start:end]))
        start = end
    return shards


def is_complete_pdf(path: Path) -> bool:
    """True when ``path`` is a non-empty PDF whose writer reached the end-of-file marker."""
    try:
        size = path.stat().st_size
        if size == 0:
            return False
        with open(path, "rb") as handle:
            handle.seek(max(0, size - TAIL_BYTES))
            return b"%%EOF" in handle.read()
    except OSError:
        return False


def open_pdf(pdf: Path) -> PdfReader:
    """Open ``pdf`` with pypdf; an unreadable or empty file is a UserError naming it."""
    try:
        reader = PdfReader(pdf)
        pages = len(reader.pages)
    except (OSError, PyPdfError) as err:
        raise UserError(f"Không đọc được tệp PDF “{pdf}”: tệp hỏng hoặc chưa ghi xong.") from err
    if pages == 0:
        raise UserError(f"Tệp PDF “{pdf}” không có trang nào.")
    return reader


def page_count(pdf: Path) -> int:
    return len(open_pdf(pdf).pages)


def _attempt(program, sources, targets, outdir, *, workers, timeout, progress):
    """Run one round of shards; return (sources still missing, their failure notes).

    Output is written into a temporary directory inside ``outdir`` and renamed into place.
    """
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX + "pdf-", dir=outdir, ignore_cleanup_errors=True) as tmp:
        planned = [(files, Path(tmp) / f"shard{index}") for index, files in enumerate(split_shards(sources, workers))]
        shards: list[Shard] = []
        try:
            _run(planned, shards, lambda files, workdir: start_shard(program, files, workdir, timeout), workers,
                 progress)
        finally:
            for shard in shards:
                shard.finish()
        return _collect(shards, targets)


def _run(planned: list, shards: list[Shard], start: Callable, workers: int,
         progress: Callable[[int], None] | None) -> None:
    """Keep ``workers`` shards running until every planned one has run (each gets its own deadline)."""
    reported: set[Path] = set()
    waiting = list(planned)
    while True:
        while waiting and sum(shard.running() for shard in shards) < workers:
            shards.append(start(*waiting.pop(0)))
        for shard in shards:
            shard.enforce_deadline()
        if progress:
            _report_new(shards, reported, progress)
        if not waiting and not any(shard.running() for shard in shards):
            break
        time.sleep(POLL_SECONDS)
    if progress:
        _report_new(shards, reported, progress)


def _report_new(shards, reported: set[Path], progress: Callable[[int], None]) -> None:
    fresh = [
        src
        for shard in shards
        for src in shard.sources
        if src not in reported and is_complete_pdf(shard.outdir / f"{src.stem}.pdf")
    ]
    if fresh:
        reported.update(fresh)
        progress(len(fresh))


def _collect(shards: Sequence[Shard], targets: dict[Path, Path]):
    """Move finished PDFs into place; order the rest so a file that hung goes last next time."""
    done_later, suspects, failures = [], [], {}
    for shard in shards:
        stalled = shard.timed_out
        for src in shard.sources:
            produced = shard.outdir / f"{src.stem}.pdf"
            if is_complete_pdf(produced):
                os.replace(produced, targets[src])
                continue
            failures[src] = _failure_note(shard, first_missing=stalled)
            (suspects if stalled else done_later).append(src)
            stalled = False
    return done_later + suspects, failures


def _failure_note(shard: Shard, *, first_missing: bool) -> str:
    if first_missing:
        return "LibreOffice treo khi chuyển tệp này (quá thời gian chờ)"
    if shard.timed_out:
        return "chưa đến lượt thì LibreOffice bị dừng vì quá thời gian chờ"
    errors = shard.error_lines()
    return f"LibreOffice báo: {errors[-1]}" if errors else "LibreOffice không tạo ra tệp PDF"


def _failure_message(failures: dict[Path, str], attempts: int) -> str:
    lines = [f"  - {src} ({note})" for src, note in failures.items()]
    return (
        f"Không chuyển được {len(failures)} tệp sang PDF sau {attempts} lần thử:\n"
        + "\n".join(lines)
        + "\nHãy mở thử các tệp này bằng LibreOffice hoặc Word để xem tệp có bị hỏng không."
    )
