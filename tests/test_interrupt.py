"""Nothing is lost: a build killed or interrupted midway leaves no partial file, and says so without a
traceback."""
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import click
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


def command_script(tmp_path, body: str) -> list[str]:
    """The arguments that start ``tdkt thu`` in a process of its own, as the tests start builds (``python -m``),
    where ``thu`` runs ``body``."""
    (tmp_path / "thu.py").write_text(
        "import atexit, io, signal, sys, time, zipfile\nimport click\nfrom tdkt_docs.cli import cli, main\n\n"
        "@cli.command('thu')\ndef thu():\n" + textwrap.indent(textwrap.dedent(body), "    ")
        + "\n\nsys.argv = ['tdkt', 'thu']\nmain()\n", encoding="utf-8")
    return [sys.executable, "-m", "thu"]


def run_with_command(tmp_path, body: str) -> subprocess.CompletedProcess:
    return subprocess.run(command_script(tmp_path, body), cwd=tmp_path, capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "TMPDIR": str(tmp_path)},
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("held", ["", "half_made.itself = half_made"], ids=["alone", "in-a-cycle"])
def test_what_an_interrupt_left_half_made_goes_without_a_traceback(tmp_path, held):
    """A ZipFile interrupted in its constructor has none of its attributes, and its finalizer fails; the
    interrupted build must not print that, whether it goes with the interrupt or at the end of the process."""
    done = run_with_command(tmp_path, f"""
        half_made = zipfile.ZipFile.__new__(zipfile.ZipFile)
        half_made.fp = io.BytesIO()
        {held}
        raise KeyboardInterrupt""")
    assert done.returncode == 130
    assert done.stderr.strip() == "Đã dừng. Không có tệp nào bị ghi dở."


def test_ctrl_c_while_an_object_is_finalized_still_stops_the_command(tmp_path):
    done = run_with_command(tmp_path, """
        class Closing:
            def __del__(self):
                raise KeyboardInterrupt
        Closing()
        for _ in range(2000):
            time.sleep(0.001)
        click.echo("xong")""")
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "Đã dừng. Không có tệp nào bị ghi dở."
    assert "xong" not in done.stdout


def test_ctrl_c_while_a_string_is_executed_ends_with_code_130(tmp_path):
    """CPython marks such an interrupt unhandled, and ``python -m`` then ends killed by SIGINT (code -2)."""
    done = run_with_command(tmp_path, "exec('raise KeyboardInterrupt', {})")
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "Đã dừng. Không có tệp nào bị ghi dở."


def test_an_interrupt_handled_inside_the_command_leaves_its_exit_code_alone(tmp_path):
    done = run_with_command(tmp_path, """
        try:
            exec('raise KeyboardInterrupt', {})
        except KeyboardInterrupt:
            pass
        click.echo('xong')""")
    assert (done.returncode, done.stdout, done.stderr) == (0, "xong\n", "")


def test_ctrl_c_again_while_the_command_says_why_it_stopped_ends_quietly(tmp_path):
    """The second interrupt lands while the message is made (here, from inside it)."""
    done = run_with_command(tmp_path, """
        from tdkt_docs.errors import UserError
        class Said(UserError):
            def __str__(self):
                raise KeyboardInterrupt
        raise Said()""")
    assert (done.returncode, done.stderr) == (130, "")


def test_a_finalizer_failing_as_the_process_ends_shows_no_traceback(tmp_path):
    done = run_with_command(tmp_path, """
        global kept
        kept = zipfile.ZipFile.__new__(zipfile.ZipFile)
        kept.fp = io.BytesIO()
        click.echo('xong')""")
    assert done.returncode == 0 and done.stdout == "xong\n"
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_failing_finalizer_is_logged_for_support_in_one_line(tmp_path):
    done = run_with_command(tmp_path, """
        zipfile.ZipFile.__new__(zipfile.ZipFile).fp = io.BytesIO()
        click.echo('xong')""")
    assert done.returncode == 0 and done.stdout == "xong\n"
    message, = done.stderr.splitlines()
    assert message.startswith("Lỗi không mong đợi khi dọn dẹp. Chi tiết đã ghi vào ")
    log, = tmp_path.glob("tdkt-loi-*.txt")
    assert "ZipFile.__del__" in log.read_text(encoding="utf-8")
    assert "AttributeError" in log.read_text(encoding="utf-8")


def test_the_command_run_in_a_program_gives_back_the_finalizer_hook_it_borrowed():
    from click.testing import CliRunner

    from tdkt_docs.cli import VietnameseGroup

    def stop():
        raise KeyboardInterrupt

    group = VietnameseGroup(commands=[click.Command("thu", callback=stop)])
    before = sys.unraisablehook
    done = CliRunner().invoke(group, ["thu"])
    assert (done.exit_code, done.stderr.strip()) == (130, "Đã dừng. Không có tệp nào bị ghi dở.")
    assert sys.unraisablehook is before


@pytest.mark.parametrize("ending", ["", "sys.exit(0)"], ids=["returns", "exits"])
def test_once_the_command_has_ended_ctrl_c_is_ignored(tmp_path, ending):
    """However the command ends (``tdkt build`` ends with sys.exit): seen from an exit handler."""
    done = run_with_command(tmp_path, f"""
        atexit.register(lambda: print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN))
        {ending}""")
    assert (done.returncode, done.stdout, done.stderr) == (0, "True\n", "")


@pytest.mark.parametrize("ending", ["", "sys.exit(0)"], ids=["returns", "exits"])
def test_ctrl_c_once_the_command_has_ended_changes_nothing(tmp_path, ending):
    """Python tidies up after the command's last word (an exit handler stands for the worker pool's)."""
    args = command_script(tmp_path, f"""
        atexit.register(time.sleep, 1)
        click.echo('xong')
        {ending}""")
    process = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert process.stdout.readline() == "xong\n"
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert (process.returncode, stdout, stderr) == (0, "", "")
