"""Font checks, page counts and print-bundle layout on small PDFs written byte by byte."""
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from tdkt_docs.errors import UserError
from tdkt_docs.export import BundleItem, BundleSpec, check_pdf_fonts, make_bundle, make_bundles, page_count
from tdkt_docs.export import bundle
from tdkt_docs.export.bundle import MAX_UPDATES, BundleInfo, plan_starts
from tdkt_docs.export.pdf import open_pdf
from tdkt_docs.export.pdfout import updates
from tdkt_docs.export.fonts import is_vietnamese_letter

A4 = (595, 842)
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def raw_pdf(path: Path, labels, *, font: bytes = HELVETICA, extras: dict[int, bytes] | None = None,
            size=A4) -> Path:
    """A PDF with one page per label (text drawn with font object 3); ``extras`` are objects 4…9."""
    objects = {3: font, **(extras or {})}
    kids = []
    for index, label in enumerate(labels):
        page, content = 10 + 2 * index, 11 + 2 * index
        kids.append(b"%d 0 R" % page)
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                         b"/Resources << /Font << /F1 3 0 R >> >> >>" % (*size, content))
        text = b"BT /F1 24 Tf 72 720 Td (%s) Tj ET" % label.encode("latin-1") if label else b""
        objects[content] = stream(text)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    body, offsets = bytearray(b"%PDF-1.4\n"), {}
    for number in sorted(objects):
        offsets[number] = len(body)
        body += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size_ = max(objects) + 1
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % size_
    for number in range(1, size_):
        body += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size_, xref)
    path.write_bytes(bytes(body))
    return path


def embedded_truetype(name: bytes) -> tuple[bytes, dict[int, bytes]]:
    font = b"<< /Type /Font /Subtype /TrueType /BaseFont /%s /FontDescriptor 4 0 R >>" % name
    descriptor = b"<< /Type /FontDescriptor /FontName /%s /Flags 4 /FontFile2 5 0 R >>" % name
    return font, {4: descriptor, 5: stream(b"not a real font program")}


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text().strip() for page in PdfReader(pdf).pages]


# --- font check -------------------------------------------------------------------------------

def test_stand_in_font_embedded_passes(tmp_path):
    font, extras = embedded_truetype(b"ABCDEF+Tinos-Bold")
    assert check_pdf_fonts(raw_pdf(tmp_path / "ok.pdf", ["Ninh"], font=font, extras=extras)) == []


def test_unembedded_font_is_reported_and_named(tmp_path):
    problems = [str(p) for p in check_pdf_fonts(raw_pdf(tmp_path / "helv.pdf", ["Hanh phuc"]))]
    assert 'Lỗi: văn bản "helv.pdf": phông chữ “Helvetica” không được nhúng vào tệp PDF.' in problems
    fallback = [p for p in problems if "phông thay thế “Helvetica”" in p]
    assert len(fallback) == 1 and fallback[0].startswith('Lỗi: văn bản "helv.pdf": ')
    assert "các ký tự: H a c h n p u" in fallback[0]


def test_type0_font_without_font_file_is_not_embedded(tmp_path):
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /TimesNewRomanPSMT /Encoding /Identity-H " \
           b"/DescendantFonts [4 0 R] >>"
    descendant = b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TimesNewRomanPSMT " \
                 b"/FontDescriptor 5 0 R /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>"
    descriptor = b"<< /Type /FontDescriptor /FontName /TimesNewRomanPSMT /Flags 4 >>"
    pdf = raw_pdf(tmp_path / "t0.pdf", [""], font=font, extras={4: descendant, 5: descriptor})
    (problem,) = check_pdf_fonts(pdf)
    assert (problem.code, problem.location.document) == ("pdf.phong_chua_nhung", "t0.pdf")
    assert problem.message == "phông chữ “TimesNewRomanPSMT” không được nhúng vào tệp PDF."


def test_glyph_mapped_to_replacement_character_is_reported(tmp_path):
    font, extras = embedded_truetype(b"BAAAAA+LiberationSerif")
    font = font.replace(b" >>", b" /ToUnicode 6 0 R >>")
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF> "
            b"endcodespacerange 1 beginbfchar <41> <FFFD> endbfchar endcmap end end")
    pdf = raw_pdf(tmp_path / "box.pdf", ["A"], font=font, extras={**extras, 6: stream(cmap)})
    problems = check_pdf_fonts(pdf)
    assert len(problems) == 1 and problems[0].code == "pdf.mat_chu" and "LiberationSerif" in problems[0].message


def test_vietnamese_letters_are_the_134_precomposed_ones():
    letters = [chr(c) for c in range(0x2000) if is_vietnamese_letter(chr(c))]
    assert len(letters) == 134
    assert all(is_vietnamese_letter(ch) for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẸỆỰỸĐ")
    assert not any(is_vietnamese_letter(ch) for ch in "aAçñüîŏǎ")


# --- page counts ------------------------------------------------------------------------------

def test_page_count(tmp_path):
    assert page_count(raw_pdf(tmp_path / "three.pdf", ["1", "2", "3"])) == 3


def test_page_count_of_broken_file_is_a_user_error(tmp_path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really\n")
    with pytest.raises(UserError, match="hong.pdf"):
        page_count(broken)


# --- bundle layout ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "cover, layout, starts, total",
    [
        (1, [(1, 1), (2, 1), (3, 1)], [(3,), (5,), (7,)], 9),
        (1, [(1, 3)], [(3, 5, 7)], 7),
        (2, [(3, 2), (2, 3)], [(3, 7), (11, 13, 15)], 16),
        (1, [(2, 2), (1, 2), (3, 3)], [(3, 5), (7, 9), (11, 15, 19)], 21),
        (3, [(2, 1)], [(5,)], 6),
    ],
)
def test_plan_starts(cover, layout, starts, total):
    assert plan_starts(cover, layout) == (starts, total)


@given(
    cover=st.integers(1, 4),
    layout=st.lists(st.tuples(st.integers(1, 5), st.integers(1, 3)), min_size=1, max_size=6),
)
def test_plan_starts_every_copy_on_a_fresh_sheet(cover, layout):
    starts, total = plan_starts(cover, layout)
    flat = [(start, pages) for (pages, _), item in zip(layout, starts) for start in item]
    assert [len(item) for item in starts] == [copies for _, copies in layout]
    assert all(start % 2 == 1 for start, _ in flat)
    previous_end = cover
    for start, pages in flat:
        assert start - previous_end - 1 == previous_end % 2  # a blank page only after an odd end
        previous_end = start + pages - 1
    assert total == previous_end


def test_bundle_pages_copies_and_blanks(tmp_path):
    a = raw_pdf(tmp_path / "a.pdf", ["A1"])
    b = raw_pdf(tmp_path / "b.pdf", ["B1", "B2"])
    c = raw_pdf(tmp_path / "c.pdf", ["C1", "C2", "C3"])
    items = [BundleItem("Quyết định số 12/QĐ-UBND", a, 2), BundleItem("Danh sách kèm theo", b, 1),
             BundleItem("Tờ trình số 5/TTr-SNV", c, 3)]
    info = make_bundle(items, tmp_path / "in" / "bo-in.pdf", heading="BỘ VĂN BẢN IN KÝ")
    texts = page_texts(info.path)
    assert texts[1:] == [
        "", "A1", "", "A1", "", "B1", "B2",
        "C1", "C2", "C3", "", "C1", "C2", "C3", "", "C1", "C2", "C3",
    ]
    assert " ".join(unicodedata.normalize("NFC", texts[0]).split()) == (
        "BỘ VĂN BẢN IN KÝ STT Văn bản Số bản Số trang 1 Quyết định số 12/QĐ-UBND 2 1 "
        "2 Danh sách kèm theo 1 2 3 Tờ trình số 5/TTr-SNV 3 3")
    assert (info.total_pages, info.cover_pages, info.blank_pages) == (19, 1, 5)
    assert [(e.title, e.pages, e.copies, e.starts) for e in info.entries] == [
        ("Quyết định số 12/QĐ-UBND", 1, 2, (3, 5)),
        ("Danh sách kèm theo", 2, 1, (7,)),
        ("Tờ trình số 5/TTr-SNV", 3, 3, (9, 13, 17)),
    ]
    reader = PdfReader(info.path)
    assert {tuple(map(float, page.mediabox[2:])) for page in reader.pages} == {(595.0, 842.0)}
    outline = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    assert outline[:3] == [("Quyết định số 12/QĐ-UBND (bản 1/2)", 3), ("Quyết định số 12/QĐ-UBND (bản 2/2)", 5),
                           ("Danh sách kèm theo", 7)]


def test_a_long_list_gives_a_two_page_cover_and_needs_no_blank(tmp_path):
    a = raw_pdf(tmp_path / "a.pdf", ["A1", "A2", "A3"])
    items = [BundleItem(f"Quyết định số {n}/QĐ-UBND & danh sách <kèm theo> của các tập thể, cá nhân", a)
             for n in range(1, 31)]
    info = make_bundle(items, tmp_path / "kh.pdf", heading="KẾ HOẠCH")
    texts = page_texts(info.path)
    assert info.cover_pages == 2 and texts[2:5] == ["A1", "A2", "A3"]
    second = " ".join(unicodedata.normalize("NFC", texts[1]).split())
    assert second.startswith("STT Văn bản Số bản Số trang")  # the header repeats on the second cover page
    assert second.endswith("30 Quyết định số 30/QĐ-UBND & danh sách <kèm theo> của các tập thể, cá nhân 1 3")


def test_bundle_rejects_zero_copies(tmp_path):
    a = raw_pdf(tmp_path / "a.pdf", ["A1"])
    with pytest.raises(UserError, match="“Kế hoạch” \\(0\\)"):
        make_bundle([BundleItem("Kế hoạch", a, 0)], tmp_path / "x.pdf", heading="X")
    assert not (tmp_path / "x.pdf").exists()


# --- bundle updates ---------------------------------------------------------------------------

def five_items(folder: Path) -> list[BundleItem]:
    pdfs = [raw_pdf(folder / f"{name}.pdf", [f"{name}{n}" for n in range(1, pages + 1)])
            for name, pages in (("A", 1), ("B", 2), ("C", 1), ("D", 3), ("E", 2))]
    return [BundleItem(f"Văn bản {pdf.stem}", pdf, copies) for pdf, copies in zip(pdfs, (2, 1, 3, 1, 2))]


def outline_of(reader: PdfReader) -> list[tuple[str, int]]:
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def remade(items, out: Path, earlier, monkeypatch) -> tuple[BundleInfo, list[str]]:
    """The bundle made again over ``earlier``, and the item PDFs it opened."""
    opened = []
    monkeypatch.setattr(bundle, "open_pdf", lambda pdf: opened.append(pdf.stem) or open_pdf(pdf))
    return make_bundles([BundleSpec(tuple(items), out, "BỘ IN")], earlier={out: earlier})[0], opened


@pytest.mark.parametrize("pages", [["C1 new"], ["C1 new", "C2 new"]])
def test_one_changed_item_is_appended_to_the_bundle_as_an_update(tmp_path, monkeypatch, pages):
    items = five_items(tmp_path)
    out = tmp_path / "bo-in.pdf"
    earlier = make_bundle(items, out, heading="BỘ IN")
    before = out.read_bytes()
    raw_pdf(items[2].pdf, pages)
    info, opened = remade(items, out, earlier, monkeypatch)
    assert out.read_bytes().startswith(before) and updates(out.read_bytes()) == 1 and opened == ["C"]
    fresh = make_bundle(items, tmp_path / "moi.pdf", heading="BỘ IN")
    assert info == replace(fresh, path=out)
    assert page_texts(out) == page_texts(fresh.path)
    assert outline_of(PdfReader(out)) == outline_of(PdfReader(fresh.path))
    assert page_texts(out)[info.entries[2].starts[2] - 1] == "C1 new"


def test_a_bundle_is_written_afresh_after_many_updates_or_when_many_items_changed(tmp_path, monkeypatch):
    items = five_items(tmp_path)
    out = tmp_path / "bo-in.pdf"
    info = make_bundle(items, out, heading="BỘ IN")
    for update in range(1, MAX_UPDATES + 2):
        raw_pdf(items[0].pdf, [f"A{update}"])
        info, opened = remade(items, out, info, monkeypatch)
        assert updates(out.read_bytes()) == update % (MAX_UPDATES + 1)
    assert sorted(opened) == ["A", "B", "C", "D", "E"]
    raw_pdf(items[0].pdf, ["A again"])
    info, _ = remade(items, out, info, monkeypatch)
    assert updates(out.read_bytes()) == 1
    for item in items[:2]:
        raw_pdf(item.pdf, [f"{item.pdf.stem} new"])
    remade(items, out, info, monkeypatch)
    assert updates(out.read_bytes()) == 0
    assert page_texts(out)[info.entries[1].starts[0] - 1] == "B new"
