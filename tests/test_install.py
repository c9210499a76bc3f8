"""The package installs like any other (not editable) and builds the sample from another folder."""
from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import docx
import pdfplumber
import pytest

from helpers import ROOT, SAMPLE_2024


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh virtual environment with tdkt-docs installed by ``pip install .``; the other
    packages come from the test environment (no network needed)."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", site, str(ROOT)], check=True, capture_output=True)
    return python


def test_installed_package_is_not_the_checkout(installed, tmp_path):
    where = subprocess.run([installed, "-c", "import tdkt_docs; print(tdkt_docs.__file__)"], cwd=tmp_path,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert not Path(where).is_relative_to(ROOT)


def test_installed_package_builds_the_sample_from_another_folder(installed, tmp_path):
    done = subprocess.run([installed, "-m", "tdkt_docs", "build", str(SAMPLE_2024), "-o", "ket-qua"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    manifest = json.loads((tmp_path / "ket-qua" / "manifest.json").read_text(encoding="utf-8"))
    kinds = [entry["kind"] for entry in manifest["documents"]]
    assert kinds.count("ke_hoach") == 1 and kinds.count("quyet_dinh") == 9
    plan = docx.Document(tmp_path / "ket-qua" / "ke-hoach-tdkt-2024.docx")
    assert "Công tác thi đua, khen thưởng năm 2024" in [p.text for p in plan.paragraphs]


def test_installed_package_carries_the_web_pages(installed, tmp_path):
    script = ("import pathlib, sys; from starlette.testclient import TestClient; from tdkt_docs.settings import Settings;"
              "from tdkt_docs.web import create_app;"
              "c = TestClient(create_app(Settings(), pathlib.Path(sys.argv[1])), base_url='http://127.0.0.1');"
              "print(*(c.get(u).status_code for u in ('/', '/mo', '/tinh/trang.css', '/tinh/trang.js')))")
    done = subprocess.run([installed, "-W", "ignore", "-c", script, str(tmp_path / "web")], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.stdout.split() == ["200"] * 4, done.stderr


def test_installed_package_has_the_certificate_layouts(installed, tmp_path):
    done = subprocess.run([installed, "-m", "tdkt_docs", "in-bang", "--can-chinh", "-o", "can-chinh.pdf"],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Đã tạo: can-chinh.pdf (2 trang)"  # Bằng khen tỉnh, Giấy khen
    with pdfplumber.open(tmp_path / "can-chinh.pdf") as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    assert "TỜ CHỈNH MÁY IN — phôi Bằng khen tỉnh, khổ 420 × 297 mm" in texts[0]
    assert "TỜ CHỈNH MÁY IN — phôi Giấy khen, khổ 297 × 210 mm" in texts[1]
