"""The output folder tells the truth: journalled writes, one build at a time, hand edits judged by content,
conflicts refused, and every failure of the folder a message naming it."""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import zipfile

import docx
import pytest

from helpers import SAMPLE_2024, run_tdkt
from tdkt_docs import build as build_module
from tdkt_docs.build import build
from tdkt_docs.export.soffice import find_soffice
from tdkt_docs.files import place
from tdkt_docs.outfolder import JOURNAL_NAME, LOCK_NAME, STAGING_NAME, Busy, OutputFolder
from tdkt_docs.settings import Settings

DECISION = "quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx"
SUMMARY = "quy-iii-2024/tong-hop-quy-iii-2024.xlsx"


def manifest(out: Path) -> dict:
    return {e["path"]: e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]}


def edit_by_hand(path: Path, old: str, new: str) -> None:
    document = docx.Document(path)
    run = next(r for p in document.paragraphs for r in p.runs if old in r.text)
    run.text = run.text.replace(old, new)
    document.save(path)


def resave_in_libreoffice(path: Path, tmp: Path) -> None:
    """Open and save in LibreOffice, as a user would, without changing anything."""
    profile = tmp / "lo-profile"
    subprocess.run([str(find_soffice()), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp / "resaved"), str(path)],
                   check=True, capture_output=True, timeout=120)
    shutil.copyfile(tmp / "resaved" / path.name, path)


def change_rows(content: dict) -> None:
    """New achievement for both rows, and a new position, which the batch summary lists too."""
    for n in content["nominations"]:
        n["achievement"] = "Đã có thành tích xuất sắc trong phòng, chống dịch bệnh năm 2024"
    content["nominations"][1]["position"] = "Giám đốc Bệnh viện Đa khoa tỉnh"


@pytest.mark.soffice
def test_a_document_only_resaved_in_libreoffice_is_not_a_hand_edit(make_workbook, decisions_content, settings,
                                                                   tmp_path):
    out = tmp_path / "out"
    build(make_workbook(decisions_content), out, settings)
    before = (out / DECISION).read_bytes()
    resave_in_libreoffice(out / DECISION, tmp_path)
    assert (out / DECISION).read_bytes() != before
    change_rows(decisions_content)
    result = build(make_workbook(decisions_content), out, settings)
    assert out / DECISION in result.written and result.kept == [] and result.conflicts == []
    assert "phòng, chống dịch bệnh" in "\n".join(p.text for p in docx.Document(out / DECISION).paragraphs)


def entry_of(out: Path, path: str) -> dict:
    return next(e for e in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
                if e["path"] == path)


def test_a_hand_edit_whose_rows_did_not_change_is_kept_and_said_so_calmly(make_workbook, decisions_content, tmp_path):
    out, workbook = tmp_path / "out", make_workbook(decisions_content)
    assert run_tdkt("build", workbook, "-o", out).returncode == 0
    edit_by_hand(out / DECISION, "Khoa Hồi sức tích cực", "Khoa Hồi sức tích cực - Chống độc")
    edited = (out / DECISION).read_bytes()
    done = run_tdkt("build", workbook, "-o", out)
    assert done.returncode == 0 and (out / DECISION).read_bytes() == edited
    assert (f"Giữ nguyên: {out / DECISION} — tệp đã được sửa tay sau lần tạo trước; số liệu của văn bản này trong "
            "sổ không đổi nên bản sửa tay được giữ. Dùng --force nếu muốn tạo lại tệp từ sổ.") in done.stdout


def test_a_hand_edit_whose_rows_changed_is_a_conflict_with_two_ways_out(make_workbook, decisions_content, tmp_path):
    out = tmp_path / "out"
    workbook = make_workbook(decisions_content)
    assert run_tdkt("build", workbook, "-o", out).returncode == 0
    edit_by_hand(out / DECISION, "Khoa Hồi sức tích cực", "Khoa Hồi sức tích cực - Chống độc")
    edited, summary = (out / DECISION).read_bytes(), (out / SUMMARY).read_bytes()
    described = entry_of(out, DECISION)["extra"]
    change_rows(decisions_content)
    workbook = make_workbook(decisions_content)

    done = run_tdkt("build", workbook, "-o", out)
    assert done.returncode == 1
    assert (f'Xung đột: "{out / DECISION}" đã được sửa tay sau lần tạo trước, nhưng số liệu của văn bản ở trang '
            '"Đợt khen thưởng" dòng 2; trang "Đề nghị khen thưởng" dòng 2, 3 đã thay đổi.') in done.stderr
    assert "--force (ghi đè bản sửa tay bằng số liệu mới) hoặc --giu-ban-sua" in done.stderr
    assert (out / DECISION).read_bytes() == edited and (out / SUMMARY).read_bytes() == summary
    assert "1 xung đột" in done.stdout

    kept = run_tdkt("build", workbook, "-o", out, "--giu-ban-sua")
    assert kept.returncode == 0 and f'Giữ bản sửa tay: "{out / DECISION}"' in kept.stdout
    assert "các văn bản khác của đợt (tờ trình) theo số liệu mới: hãy đối chiếu với bản sửa tay." in kept.stdout
    assert (out / DECISION).read_bytes() == edited and (out / SUMMARY).read_bytes() == summary
    assert entry_of(out, DECISION)["extra"] == described  # the manifest says what the kept file holds

    still = run_tdkt("build", workbook, "-o", out)  # the choice holds while the rows stay as they were then
    assert still.returncode == 0 and f'Giữ bản sửa tay: "{out / DECISION}"' in still.stdout
    assert (out / DECISION).read_bytes() == edited and (out / SUMMARY).read_bytes() == summary

    forced = run_tdkt("build", workbook, "-o", out, "--force")
    assert forced.returncode == 0
    text = "\n".join(p.text for p in docx.Document(out / DECISION).paragraphs)
    assert "Chống độc" not in text and "phòng, chống dịch bệnh" in text
    assert (out / SUMMARY).read_bytes() != summary
    assert entry_of(out, DECISION)["extra"] != described  # the new rows' distribution, now the file's


def test_a_failed_pdf_stage_leaves_a_journal_and_the_next_build_knows_its_own_files(
        make_workbook, decisions_content, tmp_path, monkeypatch):
    out = tmp_path / "out"
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    with monkeypatch.context() as env:
        env.setenv("PATH", str(empty))
        env.delenv("TDKT_SOFFICE", raising=False)
        failed = run_tdkt("build", make_workbook(decisions_content), "-o", out, "--pdf")
    assert failed.returncode == 1 and "Không tìm thấy LibreOffice" in failed.stderr
    assert not (out / "manifest.json").exists()
    journal = [json.loads(line)["path"] for line in (out / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()]
    assert DECISION in journal and SUMMARY in journal
    change_rows(decisions_content)
    result = build(make_workbook(decisions_content), out, Settings())
    assert out / DECISION in result.written and result.kept == [] and result.conflicts == []
    assert not (out / JOURNAL_NAME).exists() and DECISION in manifest(out)


def test_every_file_waits_whole_on_disk_until_all_are_rendered_then_moves_into_place(settings, tmp_path):
    """The build holds no document in memory till the end: each waits, whole, in the folder's staging area."""
    out, waiting = tmp_path / "out", []

    def place_first_checking_the_rest(staged, target):
        if not waiting:
            waiting.extend(sorted((out / STAGING_NAME).iterdir()))
            assert not [p for p in out.rglob("*.docx") if STAGING_NAME not in p.parts]
            for path in waiting:
                with zipfile.ZipFile(path) as archive:
                    assert archive.testzip() is None
        place(staged, target)

    result = build(SAMPLE_2024, out, settings, place=place_first_checking_the_rest)
    assert len(waiting) == len(result.outputs) == len(result.written) >= 5
    assert all(o.data == b"" for o in result.outputs)
    assert not (out / STAGING_NAME).exists()
    assert sorted(manifest(out)) == sorted(p.relative_to(out).as_posix() for p in result.written)


def test_a_second_build_into_a_busy_folder_waits_then_stops_with_a_message(make_workbook, decisions_content, settings,
                                                                         tmp_path):
    out = tmp_path / "out"
    with OutputFolder(out):
        with pytest.raises(Busy, match=f'Thư mục "{out}" đang được một lần chạy tdkt khác ghi'):
            build(make_workbook(decisions_content), out, settings, wait=0.3)


def test_two_builds_started_together_both_finish_and_the_manifest_lists_every_file(make_workbook, decisions_content,
                                                                                  tmp_path):
    out = tmp_path / "out"
    workbook = make_workbook(decisions_content)
    command = [sys.executable, "-m", "tdkt_docs", "build", str(workbook), "-o", str(out)]
    first, second = (subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(2))
    outputs = [p.communicate(timeout=120) for p in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    assert sorted(manifest(out)) == [DECISION, SUMMARY]
    assert sum("3 tệp không đổi" in o[0] or "2 tệp không đổi" in o[0] for o in outputs) == 1
    assert not list(out.rglob(".~tdkt-*"))


@pytest.mark.soffice
def test_a_build_killed_during_the_pdf_stage_loses_nothing(make_workbook, decisions_content, tmp_path):
    out = tmp_path / "out"
    workbook = make_workbook(decisions_content)
    process = subprocess.Popen([sys.executable, "-m", "tdkt_docs", "build", str(workbook), "-o", str(out), "--pdf"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob(".~tdkt-pdf-*")):
        time.sleep(0.02)
    assert list(out.glob(".~tdkt-pdf-*")), "the PDF stage never started"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    change_rows(decisions_content)
    done = run_tdkt("build", make_workbook(decisions_content), "-o", out)
    assert done.returncode == 0, done.stderr
    assert "giữ nguyên" not in done.stdout.split("Xong:")[0] and "0 xung đột" in done.stdout
    assert not list(out.rglob(".~tdkt-*"))
    assert "phòng, chống dịch bệnh" in "\n".join(p.text for p in docx.Document(out / DECISION).paragraphs)


@pytest.fixture
def mount(tmp_path):
    """Mount a small tmpfs (as root, which CI is) and unmount it afterwards."""
    mounted = []

    def make(options: str) -> Path:
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True,
                              text=True)
        if done.returncode != 0:
            pytest.fail(f"cannot mount a tmpfs for this test (run as root): {done.stderr.strip()}")
        mounted.append(point)
        return point
    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_read_only_folder_is_a_message_naming_it(make_workbook, decisions_content, mount):
    target = mount("ro,size=1m")
    done = run_tdkt("build", make_workbook(decisions_content), "-o", target / "out")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f'Không ghi được "{target / "out"}": ổ đĩa chỉ cho đọc.' in done.stderr


def test_a_full_disk_keeps_the_previous_outputs_whole(make_workbook, decisions_content, mount):
    disk = mount("size=2m")
    out = disk / "out"
    assert run_tdkt("build", make_workbook(decisions_content), "-o", out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}
    try:
        with open(disk / "filler", "wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
    except OSError:
        pass  # the disk is full
    change_rows(decisions_content)
    done = run_tdkt("build", make_workbook(decisions_content), "-o", out)
    assert done.returncode == 1 and "ổ đĩa đã đầy" in done.stderr and "Traceback" not in done.stderr
    assert {p: p.read_bytes() for p in before} == before
    assert not list(out.rglob(".~tdkt-*"))


def test_an_output_path_that_is_a_file_is_a_message(make_workbook, decisions_content, tmp_path):
    blocker = tmp_path / "ket-qua"
    blocker.write_text("x")
    done = run_tdkt("build", make_workbook(decisions_content), "-o", blocker)
    assert done.returncode == 1
    assert f'Không ghi được "{blocker}": đã có một tệp trùng tên ở chỗ cần tạo thư mục.' in done.stderr


def test_a_folder_name_too_long_is_a_message(make_workbook, decisions_content, tmp_path):
    target = tmp_path / ("thu-muc-ket-qua-" * 20)
    done = run_tdkt("build", make_workbook(decisions_content), "-o", target)
    assert done.returncode == 1 and "tên hoặc đường dẫn quá dài" in done.stderr and "Traceback" not in done.stderr


def test_a_first_build_that_fails_leaves_no_folder_and_a_later_one_keeps_its_folder(settings, tmp_path,
                                                                                      monkeypatch):
    out = tmp_path / "moi" / "ket-qua"

    def broken(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(build_module, "stage", broken)
    with pytest.raises(OSError):
        build(SAMPLE_2024, out, settings)
    assert not out.exists() and (tmp_path / "moi").is_dir()  # only the folder the build itself made
    monkeypatch.undo()
    build(SAMPLE_2024, out, settings)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(build_module, "stage", broken)
    with pytest.raises(OSError):
        build(SAMPLE_2024, out, settings, force=True)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc; on Windows a file held open is not removed")
def test_a_build_waiting_for_a_folder_whose_first_build_failed_takes_the_folder_anew(tmp_path):
    """The failed build removes the folder it made, lock file and all, while a second waits on that lock: the
    second makes the folder and its lock again, so a third still waits for it."""
    out = tmp_path / "out"
    first, second = OutputFolder(out), OutputFolder(out)
    first.__enter__()
    waiting = threading.Thread(target=second.__enter__)
    waiting.start()
    lock = str(out / LOCK_NAME)
    deadline = time.monotonic() + 30
    while _held_open(lock) < 2:  # the second has it open too
        assert time.monotonic() < deadline
        time.sleep(0.02)
    first.__exit__(RuntimeError, RuntimeError("hỏng"), None)
    waiting.join(timeout=30)
    assert out.is_dir() and (out / LOCK_NAME).is_file()
    with pytest.raises(Busy):
        OutputFolder(out, wait=0.3).__enter__()
    second.__exit__(None, None, None)
    assert out.is_dir()  # the second did not fail


def _held_open(path: str) -> int:
    """How many of this process's file descriptors are ``path``."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # the descriptor listing the folder is gone by now
            count += os.readlink(f"/proc/self/fd/{fd}") == path
    return count
