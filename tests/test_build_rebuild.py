"""Nothing changed, nothing done: a rebuild from the same inputs answers at once and touches no file."""
from __future__ import annotations

import json
import os

import docx
import pytest

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


def _year_end(n_decisions: int, per_decision: int) -> dict:
    import sys

    from helpers import ROOT

    sys.path.insert(0, str(ROOT))
    from bench.workload import year_end_content

    return year_end_content(n_decisions, per_decision)


def _rendering(monkeypatch) -> list[str]:
    """The templates rendered from now on, one name per document."""
    from tdkt_docs.render.docx import CompiledTemplate

    rendered, render = [], CompiledTemplate.render_parts
    monkeypatch.setattr(CompiledTemplate, "render_parts",
                        lambda self, context: rendered.append(self.path.name) or render(self, context))
    return rendered


def test_one_row_changed_one_decision_rendered_again(make_workbook, tmp_path, monkeypatch):
    content, out = _year_end(6, 3), tmp_path / "out"
    first = build(make_workbook(content), out, Settings())
    decisions = sorted(o.path for o in first.outputs if o.kind == "quyet_dinh")
    assert len(decisions) == 6
    rendered = _rendering(monkeypatch)
    content["nominations"][4]["position"] = "Phó Trưởng phòng Kế hoạch"  # a person of the second decision
    result = build(make_workbook(content), out, Settings())
    assert rendered == ["quyet-dinh.docx"]
    changed = out / decisions[1]
    assert [p for p in result.written if p.suffix == ".docx"] == [changed]
    assert "Phó Trưởng phòng Kế hoạch" in "\n".join(p.text for p in docx.Document(changed).paragraphs)
    assert {out / d for d in decisions} - {changed} <= set(result.unchanged)
    text = (out / "manifest.json").read_text(encoding="utf-8")
    manifest = json.loads(text)
    assert sum('"path":' in line for line in text.splitlines()) == len(manifest["documents"])  # one per line
    entries = [e for e in manifest["documents"] if e["path"].endswith(".docx")]
    assert all(len(e["inputs"]) == 64 for e in entries) and len(entries) == 6


def test_a_document_deleted_or_edited_by_hand_is_judged_as_always(make_workbook, tmp_path, monkeypatch):
    content, out = _year_end(4, 3), tmp_path / "out"
    workbook = make_workbook(content)
    first = build(workbook, out, Settings())
    gone, edited = [out / o.path for o in first.outputs if o.kind == "quyet_dinh"][:2]
    gone.unlink()
    edited.write_bytes(edited.read_bytes() + b"\0")  # not a .docx any more: the tool's own file, damaged
    rendered = _rendering(monkeypatch)
    result = build(workbook, out, Settings())
    assert rendered == ["quyet-dinh.docx", "quyet-dinh.docx"]
    assert set(result.written) == {gone, edited}
    assert docx.Document(gone).paragraphs and docx.Document(edited).paragraphs


def test_a_reused_file_changed_during_the_build_stops_it_with_a_message(make_workbook, tmp_path):
    """Between the check that lets a file stand and the write, the file changed (opened and saved elsewhere):
    the build stops, saying so, rather than list a file it has not checked."""
    from tdkt_docs.errors import UserError
    from tdkt_docs.files import place

    content, out = _year_end(4, 3), tmp_path / "out"
    first = build(make_workbook(content), out, Settings())
    decisions = sorted(out / o.path for o in first.outputs if o.kind == "quyet_dinh")

    def write_and_meddle(staged, target):
        place(staged, target)
        decisions[3].write_bytes(decisions[3].read_bytes() + b"\0")

    content["nominations"][4]["position"] = "Phó Trưởng phòng Kế hoạch"
    with pytest.raises(UserError, match="vừa bị thay đổi trong lúc đang tạo văn bản") as stopped:
        build(make_workbook(content), out, Settings(), place=write_and_meddle)
    assert str(decisions[3]) in str(stopped.value)
