"""`tdkt pdf`: existing .docx files (a folder, or a file named in the current folder) to PDF."""
import shutil

import pytest
from pypdf import PdfReader

from helpers import run_tdkt

pytestmark = pytest.mark.soffice


def test_pdf_of_a_folder_into_another_folder(sample_2024_built, tmp_path):
    folder = sample_2024_built / "quy-i-2024"
    done = run_tdkt("pdf", folder, "-o", tmp_path / "pdf")
    assert done.returncode == 0, done.stderr
    made = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert [p.name for p in made] == sorted(p.with_suffix(".pdf").name for p in folder.glob("*.docx"))
    assert all(len(PdfReader(p).pages) >= 2 for p in made if p.name.startswith("qd-"))
    assert not list(folder.glob("*.pdf"))  # the sources stay as they were


def test_pdf_of_a_file_in_the_current_folder(sample_2024_built, tmp_path):
    work = tmp_path / "lam-viec"
    work.mkdir()
    shutil.copy(next((sample_2024_built / "quy-i-2024").glob("qd-01-*.docx")), work / "qd.docx")
    done = run_tdkt("pdf", "qd.docx", cwd=work)
    assert done.returncode == 0, done.stderr
    assert "QUYẾT ĐỊNH" in PdfReader(work / "qd.pdf").pages[0].extract_text()
