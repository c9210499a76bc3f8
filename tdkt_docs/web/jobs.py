"""A build run in a background thread, with the progress the page shows while it runs."""
from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import UserError
from ..problems import Problem


@dataclass(frozen=True)
class Conflict:
    """A document edited by hand whose rows changed: held back (until the user chooses), or kept as edited."""

    path: str
    rows: str
    adopted: bool


@dataclass
class Summary:
    """What the build did, as the CLI's closing lines say it."""

    written: list[str]
    unchanged: list[str]
    kept: list[str]
    conflicts: list[Conflict]
    failed: list[str]
    removed: list[str]
    problems: list[Problem]
    notes: list[str]
    user_files: list[str]


@dataclass
class BuildJob:
    """Progress of one build: the pipeline reports each stage through ``progress``; with PDF there are two."""

    stages: int
    label: str = "Đang đọc sổ số liệu"
    stage: int = -1
    done: int = 0
    total: int = 0
    finished: bool = False
    summary: Summary | None = None
    error: str = ""
    problems: list[Problem] = field(default_factory=list)  # the workbook's errors when it was refused
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    ended: threading.Event = field(default_factory=threading.Event, repr=False)

    @contextlib.contextmanager
    def progress(self, total: int, label: str):
        """The ``progress`` parameter of ``build.build``."""
        with self.lock:
            self.stage, self.total, self.done, self.label = self.stage + 1, total, 0, label
        yield self._advance

    def _advance(self, count: int) -> None:
        with self.lock:
            self.done += count

    def state(self) -> dict:
        """Where the build is, from one look at it (it runs in another thread): the bar's percent, 0–99 while
        running (stages share the bar equally), 100 once done, where it stopped for a failed build; the words
        beside it; whether it has finished, and failed."""
        finished, failed = self.finished, bool(self.error)  # the error is set before the build is finished
        with self.lock:
            part = min(self.done / self.total, 1.0) if self.total else 1.0
            running = 0 if self.stage < 0 else min(99, int(100 * (self.stage + part) / self.stages))
            label = self.label
        if finished:
            label = "Đã dừng: có lỗi" if failed else "Xong"
        return {"percent": 100 if finished and not failed else running, "label": label, "finished": finished,
                "failed": failed}


def start(run: Callable[[BuildJob], Summary], pdf: bool) -> BuildJob:
    """Run ``run(job)`` in a daemon thread; failures become the job's message, never an exception."""
    job = BuildJob(stages=2 if pdf else 1)
    threading.Thread(target=_run, args=(job, run), name="tdkt-build", daemon=True).start()
    return job


def _run(job: BuildJob, run: Callable[[BuildJob], Summary]) -> None:
    from ..build import InvalidWorkbook
    from ..cli import write_crash_log

    try:
        job.summary = run(job)
    except InvalidWorkbook as exc:
        job.problems = exc.problems
        job.error = str(exc).splitlines()[0]
    except UserError as exc:
        job.error = str(exc)
    except Exception:  # noqa: BLE001 - the page shows a message; the details go to the crash log
        job.error = f"Lỗi không mong đợi trong chương trình. {write_crash_log()}"
    finally:
        job.finished = True
        job.ended.set()


def summarise(result, outdir: Path) -> Summary:
    """The ``BuildResult`` in words for the page, paths relative to the output folder."""
    def rel(paths):
        return [str(Path(p).relative_to(outdir)) if Path(p).is_relative_to(outdir) else str(p) for p in paths]

    conflicts = [Conflict(rel([c.path])[0], c.rows, c.adopted) for c in result.conflicts]
    return Summary(rel(result.written), rel(result.unchanged), rel(result.kept), conflicts, list(result.failed),
                   rel(result.removed), list(result.problems), list(result.manifest.skipped),
                   [str(p) for p in result.user_files])
