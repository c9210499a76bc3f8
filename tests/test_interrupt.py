"""Nothing is lost: a build killed or interrupted midway leaves no partial file."""
import signal
import subprocess
import sys
import time
import zipfile

import pytest

from tdkt_docs.read.blank import write_filled_workbook

from helpers import ROOT, run_tdkt

sys.path.insert(0, str(ROOT / "bench"))
from workload import year_end_content  # noqa: E402


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory, rules):
    path = tmp_path_factory.mktemp("big") / "cuoi-nam.xlsx"
    write_filled_workbook(path, year_end_content(n_decisions=50, per_decision=4), rules)
    return path


def start(workbook, out):
    """The build in its own process, with Ctrl+C as a terminal gives it: a test run started in the background
    by a shell without job control inherits SIGINT ignored, and Python then never raises KeyboardInterrupt."""
    return subprocess.Popen([sys.executable, "-m", "tdkt_docs", "build", str(workbook), "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def stop_when_writing(process, out, sig):
    """Send ``sig`` as soon as the build starts writing into ``out``; (stdout, stderr, whether it was sent)."""
    deadline, sent = time.monotonic() + 120, False
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and any(out.rglob("*")):
            process.send_signal(sig)
            sent = True
            break
        time.sleep(0.001)
    return (*process.communicate(timeout=120), sent)


def finished_outputs_are_whole(out):
    outputs = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".~tdkt-")]
    for path in outputs:
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None, path
    return outputs


def test_killed_build_leaves_only_whole_files_and_the_next_build_tidies_up(big_workbook, tmp_path):
    out = tmp_path / "out"
    process = start(big_workbook, out)
    stop_when_writing(process, out, signal.SIGKILL)
    assert process.returncode == -signal.SIGKILL
    finished_outputs_are_whole(out)
    done = run_tdkt("build", big_workbook, "-o", out)
    assert done.returncode == 0, done.stderr
    assert not list(out.rglob(".~tdkt-*"))
    assert len([p for p in out.rglob("*.docx")]) == 50


def test_interrupted_build_says_so_and_leaves_no_temporary(big_workbook, tmp_path):
    for attempt in range(5):  # the interrupt must land while files are being written
        out = tmp_path / f"out{attempt}"
        process = start(big_workbook, out)
        stdout, stderr, sent = stop_when_writing(process, out, signal.SIGINT)
        if process.returncode != 0:
            break
    assert process.returncode == 130, (sent, stdout[-300:], stderr[-300:])
    assert "Đã dừng. Không có tệp nào bị ghi dở." in stderr
    assert "Traceback" not in stderr
    assert not list(out.rglob(".~tdkt-*"))
    finished_outputs_are_whole(out)
