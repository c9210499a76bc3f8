"""Nothing changed, nothing done: a rebuild from the same inputs answers at once and touches no file."""
from __future__ import annotations

import os

from helpers import run_tdkt
from tdkt_docs.build import build
from tdkt_docs.settings import Settings


def stamps(out):
    return {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_a_rebuild_from_the_same_inputs_does_nothing_and_says_so(make_workbook, decisions_content, tmp_path):
    workbook, out = make_workbook(decisions_content), tmp_path / "out"
    assert run_tdkt("build", workbook, "-o", out).returncode == 0
    before = stamps(out)
    done = run_tdkt("build", workbook, "-o", out)
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == (f"Không có gì thay đổi từ lần tạo trước (sổ, mẫu và dữ liệu như cũ, 2 tệp "
                                            f"còn nguyên) — thư mục {out}.")
    assert "Chưa đối chiếu với văn bản chính thức" in done.stdout  # the warnings of the build are said again
    assert stamps(out) == before


def test_any_change_of_input_or_output_means_a_real_build(make_workbook, decisions_content, tmp_path):
    workbook, out = make_workbook(decisions_content), tmp_path / "out"
    build(workbook, out, Settings())
    assert build(workbook, out, Settings()).nothing_changed

    mau = tmp_path / "mau"
    mau.mkdir()
    (mau / "ky-niem.toml").write_bytes((Settings().data("ky-niem.toml")).read_bytes())
    assert not build(workbook, out, Settings((mau,))).nothing_changed  # a file of the user's joined the inputs
    assert build(workbook, out, Settings((mau,))).nothing_changed
    os.utime(mau / "ky-niem.toml", ns=(1, 1))
    assert not build(workbook, out, Settings((mau,))).nothing_changed  # the user's file changed

    decision = next(out.rglob("qd-*.docx"))
    decision.write_bytes(decision.read_bytes() + b"\0")
    result = build(workbook, out, Settings((mau,)))
    assert not result.nothing_changed and decision in result.written

    decisions_content["nominations"][0]["name"] = "Khoa Hồi sức tích cực - Chống độc"
    assert not build(make_workbook(decisions_content), out, Settings((mau,))).nothing_changed
    assert not build(make_workbook(decisions_content), out, Settings((mau,)), force=True).nothing_changed
