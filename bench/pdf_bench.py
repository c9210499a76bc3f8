"""PDF conversion throughput: one soffice call per file versus tdkt_docs.export.convert_to_pdf.

Usage: python bench/pdf_bench.py [--n 300] [--naive-sample 10] [--jobs J] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tdkt_docs.export import check_pdf_fonts, convert_to_pdf, find_soffice, page_count  # noqa: E402
from tdkt_docs.export.soffice import soffice_command  # noqa: E402

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Hương", "Đức", "Minh", "Thu", "Quốc", "Ngọc"]
GIVEN = ["Giang", "Hùng", "Lan", "Tuấn", "Hạnh", "Dũng", "Phương", "Thắng", "Yến", "Khải"]
UNITS = ["Sở Nội vụ", "Sở Tài chính", "UBND huyện Gia Bình", "UBND thành phố Từ Sơn", "Sở Y tế"]
BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung "
    "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 215/TTr-SNV ngày 12 tháng 12 năm 2024.",
]


def _paragraph(doc, text, *, bold=False, center=False, size=14, italic=False):
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return para


def make_decision_docx(path: Path, number: int) -> None:
    """A Quyết định khen thưởng with a 30-row attached list (2–3 pages, Times New Roman)."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    _paragraph(doc, "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", bold=True, center=True, size=13)
    _paragraph(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, size=13)
    _paragraph(doc, "Độc lập - Tự do - Hạnh phúc", bold=True, center=True)
    _paragraph(doc, f"Số: {number}/QĐ-UBND", center=True, size=13)
    _paragraph(doc, "Bắc Ninh, ngày 20 tháng 12 năm 2024", italic=True, center=True)
    _paragraph(doc, "QUYẾT ĐỊNH", bold=True, center=True)
    _paragraph(doc, "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", bold=True, center=True)
    _paragraph(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH", bold=True, center=True)
    for basis in BASES:
        _paragraph(doc, basis, italic=True)
    _paragraph(doc, "QUYẾT ĐỊNH:", bold=True, center=True)
    _paragraph(doc, "Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 30 cá nhân (có danh "
                    "sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua năm 2024.")
    _paragraph(doc, "Điều 2. Mỗi cá nhân được tặng Bằng khen kèm theo tiền thưởng bằng 1,0 lần mức "
                    "lương cơ sở theo quy định.")
    _paragraph(doc, "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các "
                    "cơ quan, đơn vị liên quan và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
                    "Quyết định này./.")
    _paragraph(doc, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Hương Giang", bold=True, center=True)
    doc.paragraphs[-1].runs[0].add_break(WD_BREAK.PAGE)
    _paragraph(doc, "DANH SÁCH", bold=True, center=True)
    _paragraph(doc, f"(Kèm theo Quyết định số {number}/QĐ-UBND ngày 20/12/2024 của Chủ tịch UBND tỉnh)",
               italic=True, center=True)
    _list_table(doc, number)
    doc.save(path)


def _list_table(doc, number: int) -> None:
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"]):
        cell.text = text
    for row in range(1, 31):
        name = f"{SURNAMES[(row + number) % 10]} {MIDDLES[row % 8]} {GIVEN[(row * 3 + number) % 10]}"
        values = [str(row), name, f"Chuyên viên, {UNITS[row % 5]}",
                  "Hoàn thành xuất sắc nhiệm vụ năm 2024"]
        for cell, text in zip(table.add_row().cells, values):
            cell.paragraphs[0].add_run(text).font.size = Pt(12)


def naive(soffice: Path, docs: list[Path], outdir: Path) -> float:
    """One soffice call per file, sequentially, sharing one warmed-up profile; seconds elapsed."""
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-profile-") as profile:
        warm = soffice_command(soffice, docs[:1], outdir / "warmup", Path(profile))
        subprocess.run(warm, capture_output=True, check=True)
        start = time.perf_counter()
        for doc in docs:
            subprocess.run(soffice_command(soffice, [doc], outdir, Path(profile)), capture_output=True, check=True)
        elapsed = time.perf_counter() - start
    missing = [doc for doc in docs if not (outdir / f"{doc.stem}.pdf").is_file()]
    if missing:
        raise SystemExit(f"naive conversion produced no PDF for {len(missing)} files")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="documents to convert with convert_to_pdf")
    parser.add_argument("--naive-sample", type=int, default=10, help="documents converted the naive way")
    parser.add_argument("--jobs", type=int, default=None, help="parallel soffice processes (default: CPUs)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the files in this directory")
    args = parser.parse_args()
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp:
        root = args.keep or Path(tmp)
        src = root / "docx"
        src.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        docs = []
        for number in range(1, args.n + 1):
            docs.append(src / f"qd-{number:04d}.docx")
            make_decision_docx(docs[-1], number)
        print(f"generated {args.n} .docx in {time.perf_counter() - start:.1f} s")
        sample = docs[: args.naive_sample]
        naive_s = naive(soffice, sample, root / "naive")
        naive_rate = len(sample) / naive_s
        print(f"naive, one soffice call per file: {len(sample)} docs in {naive_s:.1f} s "
              f"= {naive_rate:.2f} docs/s (measured on a sample of {len(sample)}; "
              f"extrapolated to {args.n} docs: {args.n / naive_rate:.0f} s)")
        start = time.perf_counter()
        pdfs = convert_to_pdf(docs, root / "pdf", jobs=args.jobs)
        sharded_s = time.perf_counter() - start
        sharded_rate = len(docs) / sharded_s
        jobs = args.jobs or os.cpu_count()
        pages = sum(page_count(pdf) for pdf in pdfs)
        print(f"convert_to_pdf, {jobs} shards: {len(docs)} docs ({pages} pages) in {sharded_s:.1f} s "
              f"= {sharded_rate:.2f} docs/s")
        print(f"speed-up: {sharded_rate / naive_rate:.1f}x")
        start = time.perf_counter()
        problems = [problem for pdf in pdfs for problem in check_pdf_fonts(pdf)]
        check_ms = (time.perf_counter() - start) * 1000 / len(pdfs)
        print(f"font check: {check_ms:.0f} ms/doc, {len(problems)} problems")


if __name__ == "__main__":
    main()
