"""LibreOffice lookup and the conversion driver, against a fake soffice written by each test."""
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tdkt_docs.errors import MissingProgram, UserError
from tdkt_docs.export import convert_to_pdf, find_soffice
from tdkt_docs.export.soffice import missing_message

FAKE_SOFFICE = r'''#!{python}
"""Fake soffice: behaves as fake.json says for its n-th call (0-based), logs its arguments."""
import json, os, subprocess, sys, time
from pathlib import Path

here = Path(__file__).parent
log = here / "calls.jsonl"
call = len(log.read_text().splitlines()) if log.exists() else 0
modes = json.loads((here / "fake.json").read_text())
mode = modes[min(call, len(modes) - 1)]
args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
sources = [Path(a) for a in args[args.index("--outdir") + 2:]]
entry = {{"argv": sys.argv, "pid": os.getpid(), "mode": mode,
          "locks": [s.name for s in sources if s.with_name(".~lock." + s.name + "#").exists()]}}

def pdf(src):
    (outdir / (src.stem + ".pdf")).write_bytes(b"%PDF-1.4\n% " + src.name.encode() + b"\n%%EOF\n")

if mode == "hang":
    pdf(sources[0])
    entry["child"] = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"]).pid
with open(log, "a") as handle:
    handle.write(json.dumps(entry) + "\n")
if mode == "hang":
    time.sleep(120)
for src in sources:
    if mode == "ok":
        pdf(src)
    elif mode == "empty":
        (outdir / (src.stem + ".pdf")).write_bytes(b"")
    elif mode == "truncated":
        (outdir / (src.stem + ".pdf")).write_bytes(b"%PDF-1.4\n1 0 obj")
    elif mode == "first-only":
        pdf(src)
        break
    elif mode == "none":
        print("Error: source file could not be loaded")
    elif mode == "argument-limit" and sum(len(os.fsencode(a)) + 1 for a in args) <= 24500:
        pdf(src)  # like LibreOffice: exit 0 having dropped every file past about 24,5 KB of arguments
'''


@pytest.fixture
def fake(tmp_path):
    """Return ``set_modes(*modes) -> soffice path``; ``calls()`` reads the log."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    program = bindir / "soffice"
    program.write_text(FAKE_SOFFICE.format(python=sys.executable), encoding="utf-8")
    program.chmod(0o755)

    class Fake:
        path = program

        def modes(self, *modes):
            (bindir / "fake.json").write_text(json.dumps(modes))
            return program

        def calls(self):
            log = bindir / "calls.jsonl"
            return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []

    return Fake()


def make_sources(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.docx"
        path.write_bytes(b"PK fake docx " + name.encode())
        paths.append(path)
    return paths


def sources_of(call) -> list[str]:
    argv = call["argv"]
    return argv[argv.index("--outdir") + 2:]


def profile_of(call) -> Path:
    option = next(a for a in call["argv"] if a.startswith("-env:UserInstallation="))
    return Path(unquote(urlparse(option.split("=", 1)[1]).path))


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_one_process_per_shard_each_with_own_profile(fake, tmp_path):
    sources = make_sources(tmp_path / "src", "qd-1", "qd-2", "qd-3", "qd-4", "qd-5")
    finished = []
    pdfs = convert_to_pdf(sources, tmp_path / "out", jobs=2, soffice=fake.modes("ok"), progress=finished.append)
    assert pdfs == [tmp_path / "out" / f"qd-{n}.pdf" for n in range(1, 6)]
    assert [p.read_bytes() for p in pdfs] == [b"%PDF-1.4\n% qd-" + b"%d.docx\n%%%%EOF\n" % n for n in range(1, 6)]
    calls = fake.calls()
    assert sorted(sources_of(c) for c in calls) == [[str(s) for s in sources[:3]], [str(s) for s in sources[3:]]]
    for call in calls:
        assert call["argv"][2:9] == ["--headless", "--norestore", "--nologo", "--convert-to", "pdf", "--outdir",
                                     call["argv"][8]]
    profiles = {profile_of(c) for c in calls}
    assert len(profiles) == 2 and not any(p.exists() for p in profiles)
    assert sum(finished) == 5
    assert sorted(os.listdir(tmp_path / "out")) == [f"qd-{n}.pdf" for n in range(1, 6)]


def test_file_names_reach_soffice_verbatim_without_a_shell(fake, tmp_path):
    name = "Quyết định số 1; $(touch pwned) 'x' & `id` |y"
    (source,) = make_sources(tmp_path / "thư mục", name)
    (pdf,) = convert_to_pdf([source], tmp_path / "out", soffice=fake.modes("ok"))
    assert pdf.name == f"{name}.pdf" and pdf.read_bytes().endswith(b"%%EOF\n")
    assert sources_of(fake.calls()[0]) == [str(source)]
    assert not list(tmp_path.rglob("pwned"))


def test_retry_converts_only_the_missing_files(fake, tmp_path):
    sources = make_sources(tmp_path / "src", "a", "b", "c")
    finished = []
    pdfs = convert_to_pdf(sources, tmp_path / "out", jobs=1, soffice=fake.modes("first-only", "ok"),
                          progress=finished.append)
    assert [sources_of(c) for c in fake.calls()] == [[str(s) for s in sources], [str(s) for s in sources[1:]]]
    assert [p.read_bytes().endswith(b"%%EOF\n") for p in pdfs] == [True, True, True]
    assert sum(finished) == 3 and finished[0] == 1


@pytest.mark.parametrize("first", ["empty", "truncated", "none"])
def test_empty_truncated_or_absent_output_is_converted_again(fake, tmp_path, first):
    sources = make_sources(tmp_path / "src", "a", "b")
    pdfs = convert_to_pdf(sources, tmp_path / "out", jobs=1, soffice=fake.modes(first, first, "ok"))
    assert [c["mode"] for c in fake.calls()] == [first, first, "ok"]
    assert [p.read_bytes() for p in pdfs] == [b"%PDF-1.4\n% a.docx\n%%EOF\n", b"%PDF-1.4\n% b.docx\n%%EOF\n"]


def test_timeout_kills_the_process_group_and_retries_the_rest(fake, tmp_path):
    sources = make_sources(tmp_path / "src", "a", "b", "c")
    started = time.monotonic()
    pdfs = convert_to_pdf(sources, tmp_path / "out", jobs=1, timeout=1.5, soffice=fake.modes("hang", "ok"))
    assert time.monotonic() - started < 15
    first, second = fake.calls()
    assert not alive(first["pid"]) and not alive(first["child"])
    # "a" was done before the hang; "b" hung, so it goes after "c" on the retry
    assert sources_of(second) == [str(sources[2]), str(sources[1])]
    assert [p.name for p in pdfs] == ["a.pdf", "b.pdf", "c.pdf"]
    assert all(p.read_bytes().endswith(b"%%EOF\n") for p in pdfs)


def test_gives_up_after_retries_naming_the_files(fake, tmp_path):
    sources = make_sources(tmp_path / "src", "Quyết định 1", "Quyết định 2")
    outdir = tmp_path / "out"
    with pytest.raises(UserError) as caught:
        convert_to_pdf(sources, outdir, jobs=2, retries=2, soffice=fake.modes("none"))
    message = str(caught.value)
    assert "Không chuyển được 2 tệp sang PDF sau 3 lần thử" in message
    assert f"{sources[0]} (LibreOffice báo: Error: source file could not be loaded)" in message
    assert str(sources[1]) in message
    assert len(fake.calls()) == 6
    assert os.listdir(outdir) == []


def test_timeout_give_up_says_it_hung(fake, tmp_path):
    sources = make_sources(tmp_path / "src", "a", "b", "c")
    with pytest.raises(UserError) as caught:
        convert_to_pdf(sources, tmp_path / "out", jobs=1, timeout=0.5, retries=0, soffice=fake.modes("hang"))
    message = str(caught.value)
    assert "Không chuyển được 2 tệp sang PDF sau 1 lần thử" in message and "a.docx" not in message
    assert "b.docx (LibreOffice treo khi chuyển tệp này (quá thời gian chờ))" in message
    assert "c.docx (chưa đến lượt thì LibreOffice bị dừng vì quá thời gian chờ)" in message
    assert (tmp_path / "out" / "a.pdf").read_bytes().endswith(b"%%EOF\n")


def test_stale_lock_files_are_removed_before_converting(fake, tmp_path):
    sources = make_sources(tmp_path / "src", "a", "b")
    lock = tmp_path / "src" / ".~lock.a.docx#"
    lock.write_text(",user,host,01.01.2025 10:00,")
    convert_to_pdf(sources, tmp_path / "out", soffice=fake.modes("ok"))
    assert fake.calls()[0]["locks"] == [] and not lock.exists()


def test_existing_pdf_is_replaced_whole(fake, tmp_path):
    (source,) = make_sources(tmp_path / "src", "a")
    old = tmp_path / "out" / "a.pdf"
    old.parent.mkdir()
    old.write_bytes(b"old")
    convert_to_pdf([source], tmp_path / "out", soffice=fake.modes("ok"))
    assert old.read_bytes() == b"%PDF-1.4\n% a.docx\n%%EOF\n"


def test_same_name_in_two_folders_is_refused(fake, tmp_path):
    sources = make_sources(tmp_path / "dot1", "qd") + make_sources(tmp_path / "dot2", "qd")
    with pytest.raises(UserError, match="Hai tệp cùng tên"):
        convert_to_pdf(sources, tmp_path / "out", soffice=fake.modes("ok"))
    assert fake.calls() == []


def test_missing_source_is_named(fake, tmp_path):
    with pytest.raises(UserError, match="khong-co.docx"):
        convert_to_pdf([tmp_path / "khong-co.docx"], tmp_path / "out", soffice=fake.modes("ok"))


# --- finding LibreOffice ----------------------------------------------------------------------

@pytest.fixture
def bare_env(monkeypatch, tmp_path):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for var in ("TDKT_SOFFICE", "ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


def test_missing_libreoffice_message_names_the_install_command(bare_env):
    with pytest.raises(MissingProgram) as caught:
        find_soffice()
    assert "Không tìm thấy LibreOffice" in str(caught.value)
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation2" in str(caught.value)
    assert "TDKT_SOFFICE" in str(caught.value)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_missing_libreoffice_elsewhere_points_to_the_download_page(platform):
    message = missing_message(platform)
    assert "https://www.libreoffice.org/download/" in message and "apt-get" not in message


def test_env_override_wins(bare_env, fake):
    bare_env.setenv("TDKT_SOFFICE", str(fake.path))
    assert find_soffice() == fake.path


def test_env_override_to_nothing_is_reported(bare_env, tmp_path):
    bare_env.setenv("TDKT_SOFFICE", str(tmp_path / "nowhere" / "soffice"))
    with pytest.raises(MissingProgram, match="TDKT_SOFFICE trỏ tới"):
        find_soffice()


def test_found_on_path_as_libreoffice(bare_env, tmp_path):
    bindir = tmp_path / "empty-path"
    program = bindir / "libreoffice"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    assert find_soffice() == program


def test_found_in_windows_program_files(bare_env, tmp_path):
    program = tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"MZ")
    bare_env.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    assert find_soffice() == program


def test_unrunnable_program_is_a_clear_error(tmp_path):
    (source,) = make_sources(tmp_path / "src", "a")
    program = tmp_path / "soffice"
    program.write_text("not executable")
    with pytest.raises(MissingProgram, match="Không chạy được LibreOffice"):
        convert_to_pdf([source], tmp_path / "out", soffice=program)


def test_shards_keep_their_file_names_under_the_argument_limit(tmp_path):
    from tdkt_docs.export.pdf import ARGUMENT_BUDGET, split_shards

    names = [tmp_path / f"{'quyet-dinh-khen-thuong-' * 4}{n:04d}.docx" for n in range(300)]
    shards = split_shards(names, 2)
    assert [p for shard in shards for p in shard] == names
    assert len(shards) > 2
    assert all(sum(len(os.fsencode(p)) + 1 for p in shard) <= ARGUMENT_BUDGET for shard in shards)
    assert max(map(len, shards)) - min(map(len, shards)) <= 1


def test_three_hundred_files_convert_in_one_round_without_relying_on_retries(fake, tmp_path):
    sources = make_sources(tmp_path / "src", *(f"{'quyet-dinh-khen-thuong-' * 4}{n:04d}" for n in range(300)))
    pdfs = convert_to_pdf(sources, tmp_path / "out", soffice=fake.modes("argument-limit"), jobs=2, retries=0)
    assert [p.read_bytes().split(b"% ")[1].split(b"\n")[0].decode() for p in pdfs] == [s.name for s in sources]
    calls = fake.calls()
    assert len(calls) > 2 and max(len(sources_of(c)) for c in calls) < 300
