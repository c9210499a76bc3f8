"""The render benchmark compares like with like: both ways make the same decisions, word for word."""
from __future__ import annotations

import io
import sys
from collections import Counter

import pytest
from docx import Document

from helpers import ROOT, docx_blocks
from tdkt_docs.rules.collation import match_key

sys.path.insert(0, str(ROOT))

from bench.rebuild_bench import measure as measure_rebuilds, rows as rebuild_rows  # noqa: E402
from bench.render_bench import build_decisions, decision_plans, render_compiled, render_naive  # noqa: E402
from bench.scale_bench import measure, peak_memory_mb, rows  # noqa: E402
from bench.workload import year_end_content, write_year_end_workbook  # noqa: E402


def text(document) -> list[str]:
    """Body blocks, then every header and footer paragraph."""
    blocks = docx_blocks(document)
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
            blocks += [p.text for p in part.paragraphs if p.text.strip()]
    return blocks


@pytest.fixture(scope="module")
def ways(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench")
    workbook = write_year_end_workbook(root / "cuoi-nam.xlsx", n_decisions=4, per_decision=3)
    plans = decision_plans(workbook)
    return {
        "build": (root / "build", build_decisions(workbook, root / "build")),
        "naive": (root / "naive", render_naive(plans, root / "naive")),
        "compiled": render_compiled(plans),
    }


def test_both_ways_write_the_same_files(ways):
    (build_root, built), (naive_root, naive) = ways["build"], ways["naive"]
    assert len(built) == len(naive) == len(ways["compiled"]) == 4
    assert [p.relative_to(build_root) for p in built] == [p.relative_to(naive_root) for p in naive]


def test_text_identical_between_ways(ways):
    for ours, theirs, compiled in zip(ways["build"][1], ways["naive"][1], ways["compiled"]):
        assert text(Document(ours)) == text(Document(theirs)) == text(Document(io.BytesIO(compiled)))


def test_documents_hold_the_decision(ways):
    first = "\n".join(text(Document(ways["build"][1][0])))
    assert "Số: 2101/QĐ-UBND" in first
    assert "Xét đề nghị của Giám đốc Sở Giáo dục và Đào tạo tại Tờ trình số 100/TTr-SGDĐT ngày 01/11/2024" in first
    assert "cho 01 tập thể, 01 cá nhân và 01 hộ gia đình đã có thành tích xuất sắc" in first
    assert "1. Văn phòng, Sở Giáo dục và Đào tạo;" in first
    assert "1. Bà Vũ Thúy Nga, Phó Trưởng phòng, Sở Giáo dục và Đào tạo;" in first
    assert "1. Hộ gia đình ông Lý Quang Kiên, thôn Lũng Giang, xã Hoàn Sơn, huyện Tiên Du." in first
    assert "III. HỘ GIA ĐÌNH (01)" in first


def test_year_end_workload_is_valid_and_mixed():
    nominations = year_end_content()["nominations"]
    assert len(nominations) == 3000
    assert len({n["submission_no"] for n in nominations}) == 300
    keys = Counter((n["kind"], match_key(n["name"]), match_key(n["workplace"])) for n in nominations)
    assert keys.most_common(1)[0][1] == 1
    assert Counter(n["kind"] for n in nominations) == {"Tập thể": 600, "Cá nhân": 2100, "Hộ gia đình": 300}
    persons = [n for n in nominations if n["kind"] != "Tập thể"]
    assert {n["address"] for n in persons} == {"Ông", "Bà"}
    assert all(n["name"].split()[1] not in ("Thị", "Thu", "Thúy") for n in persons if n["address"] == "Ông")


def test_scale_bench_runs_every_way_and_reports_every_figure(tmp_path):
    seconds = measure(20, 2, tmp_path)
    assert seconds["documents"] == 2  # one decision per tờ trình of 10 nominations
    assert all(seconds[way] > 0 for way in ("read", "build", "naive", "floor", "no_change"))
    assert all(seconds[ratio] > 0 for ratio in ("naive_ratio", "floor_ratio", "no_change_ratio"))
    table = rows({20: seconds}, (20, 123.4))
    assert [row["figure"] for row in table] == [
        "read + validate, 20 rows", "build, 20 rows (2 documents)", "naive loop ÷ build, 20 rows",
        "build ÷ write-only floor, 20 rows", "no-change rebuild ÷ build, 20 rows",
        "peak memory (PSS with workers), build of 20 rows"]
    assert table[-1]["value"] == "123 MB" and table[0]["value"].endswith(" ms/row")


def test_peak_memory_is_sampled_from_the_build_process(tmp_path):
    """A real build in its own process: its PSS is read while it runs (an interpreter with the pipeline
    loaded takes tens of MB; zero would mean nothing was sampled)."""
    assert 30 < peak_memory_mb(20, tmp_path) < 1000
    assert list((tmp_path / "bo-nho").rglob("*.docx"))


@pytest.mark.soffice
def test_rebuild_bench_redoes_only_the_changed_decision(tmp_path):
    runs = measure_rebuilds(2, 3, tmp_path)
    assert [(r.pdfs, r.bundles) for r in runs.values()] == [(2, 1), (0, 0), (1, 1)]
    assert runs["one_row"].updated == 0  # one of two decisions changed: the bundle is written afresh
    assert runs["no_change"].written == 0 and runs["one_row"].written >= 1
    assert [row["figure"] for row in rebuild_rows(runs, 2)] == [
        "full --pdf build, 2 decisions", "no-change --pdf rebuild ÷ full", "one-row --pdf rebuild ÷ full"]


def test_year_end_workload_has_distinct_rows_past_three_word_names():
    nominations = year_end_content(600, 10)["nominations"]
    keys = Counter((n["kind"], match_key(n["name"]), match_key(n["workplace"])) for n in nominations)
    assert keys.most_common(1)[0][1] == 1
    assert len(nominations[-1]["name"].split()) == 4


def test_cli_bench_times_a_fresh_interpreter(tmp_path):
    """Both figures come from real runs of the command: --help, and a build whose files are there after it."""
    from bench.cli_bench import SAMPLE, seconds

    assert 0 < seconds(1, "--help") < 30
    assert 0 < seconds(2, "build", str(SAMPLE), "-o", str(tmp_path / "lan-{run}")) < 120
    made = [sorted(p.relative_to(folder) for p in folder.rglob("*.docx")) for folder in sorted(tmp_path.iterdir())]
    assert len(made) == 2 and made[0] == made[1] and len(made[0]) > 1  # each run a whole build of its own


def test_web_bench_measures_every_figure(tmp_path):
    from bench.web_bench import TARGETS, create_app, measure, serving
    from tdkt_docs.settings import Settings

    app = create_app(Settings(), tmp_path / "rieng")
    with serving(app) as url:
        seconds = measure(url, app.state.policy.csrf)
    assert set(seconds) == set(TARGETS) and all(s > 0 for s in seconds.values())
