"""The web page in a real browser: headless Chromium driven by Selenium against uvicorn on 127.0.0.1.

Screenshots of each step are saved under output/screenshots/ (two of them are shown in the README).
Speed is measured in bench/web_bench.py.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
import zipfile
from pathlib import Path

import pytest

from tdkt_docs.settings import Settings
from tdkt_docs.web import create_app
from helpers import ROOT, SAMPLE_2024
from support.web import serving
from support.workbooks import STATEMENT, unit_list, with_problems

SHOTS = ROOT / "output" / "screenshots"
WAIT = 20


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    app = create_app(Settings(), tmp_path_factory.mktemp("web") / "rieng")
    with serving(app) as url:
        yield url, app


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("tai-ve")


@pytest.fixture(scope="module")
def browser(downloads):
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.fail("Chromium or chromedriver is missing: run `make setup` as root (tools/setup-system.sh installs "
                    "the Debian packages chromium and chromium-driver), or `sudo apt-get install chromium "
                    "chromium-driver`.")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--lang=vi", "--disable-gpu"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def wait_for(driver, condition, timeout: float = WAIT):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def by_id(driver, element_id: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def table(driver, element_id: str = "van-de") -> list[list[str]]:
    from selenium.webdriver.common.by import By

    return [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in by_id(driver, element_id).find_elements(By.CSS_SELECTOR, "tbody tr")]


def open_workbook(driver, url: str, path: Path) -> None:
    """Upload ``path`` on the Open page and wait for its check."""
    driver.get(url + "mo")
    by_id(driver, "so").send_keys(str(path))
    by_id(driver, "mo-so").click()
    wait_for(driver, lambda d: d.current_url.endswith("/kiem-tra") and d.find_elements("id", "ket-luan"))


def build(driver, pdf: bool = False) -> None:
    by_id(driver, "buoc-tao").click()
    if pdf:
        by_id(driver, "pdf").click()
    from selenium.webdriver.support.expected_conditions import staleness_of

    button = by_id(driver, "tao")
    button.click()
    wait_for(driver, staleness_of(button))  # the page it was on may show the build before (its summary)
    wait_for(driver, lambda d: d.find_elements("id", "tong-ket") or d.find_elements("id", "thong-bao"), 120)
    assert by_id(driver, "thanh").get_attribute("value") == "100"
    assert by_id(driver, "phan-tram").text == "100%"


def downloaded(folder: Path, name: str) -> Path:
    target = folder / name
    deadline = time.monotonic() + WAIT
    while not target.is_file() or list(folder.glob("*.crdownload")):
        assert time.monotonic() < deadline, f"{name} was not downloaded"
        time.sleep(0.05)
    return target


def outdir_of(app, driver) -> Path:
    case = driver.current_url.split("/so/")[1].split("/")[0]
    return app.state.workspace.get(case).outdir


def test_check_shows_the_problem_table_filtered(site, browser, make_workbook):
    url, _ = site
    browser.get(url)
    wait_for(browser, lambda d: d.find_elements("id", "tai-so-mau"))
    shot(browser, "1-bat-dau")
    open_workbook(browser, url, make_workbook(with_problems(), "so-hong.xlsx"))
    assert by_id(browser, "ket-luan").text.startswith("1 lỗi, 2 cảnh báo.")
    assert [row[:4] for row in table(browser)] == [["Lỗi", "Phụ lục", "A2", "Quý"],
                                                   ["Cảnh báo", "Đề nghị khen thưởng", "K3", "Đơn vị công tác"],
                                                   ["Cảnh báo", "Đề nghị khen thưởng", "I3", "Họ tên / Tên tập thể"]]
    shot(browser, "2-kiem-tra")
    from selenium.webdriver.support.ui import Select

    Select(by_id(browser, "muc")).select_by_visible_text("Cảnh báo")  # applies at once (no button press)
    wait_for(browser, lambda d: "muc=canh-bao" in d.current_url)
    assert [row[0] for row in table(browser)] == ["Cảnh báo", "Cảnh báo"]
    open_workbook(browser, url, SAMPLE_2024)
    assert by_id(browser, "ket-luan").text.startswith("0 lỗi, 1 cảnh báo. Có thể tạo 14 văn bản")


def test_build_with_progress_then_download_a_batch_zip(site, browser, downloads):
    url, app = site
    open_workbook(browser, url, SAMPLE_2024)
    build(browser)
    assert by_id(browser, "so-moi").text == "18"
    shot(browser, "3-tao-van-ban")
    by_id(browser, "xem-ket-qua").click()
    by_id(browser, "zip-quy-i-2024").click()
    archive = zipfile.ZipFile(downloaded(downloads, "quy-i-2024.zip"))
    outdir = outdir_of(app, browser)
    expected = sorted(p.relative_to(outdir).as_posix() for p in (outdir / "quy-i-2024").iterdir())
    assert sorted(archive.namelist()) == expected == [
        "quy-i-2024/qd-01-bang-khen-tinh-so-giao-duc-va-dao-tao.docx",
        "quy-i-2024/qd-02-bang-khen-tinh-ubnd-huyen-tien-du.docx", "quy-i-2024/to-trinh-quy-i-2024.docx",
        "quy-i-2024/tong-hop-quy-i-2024.xlsx"]
    assert all(archive.read(name) == (outdir / name).read_bytes() for name in expected)
    build(browser)  # nothing changed: every file unchanged
    assert (by_id(browser, "so-moi").text, by_id(browser, "so-khong-doi").text) == ("0", "18")


@pytest.mark.soffice
def test_pdf_preview_and_zip_with_the_print_bundle(site, browser, downloads, make_workbook, decisions_content):
    url, app = site
    open_workbook(browser, url, make_workbook(decisions_content, "dot-quy-iii.xlsx"))
    build(browser, pdf=True)
    by_id(browser, "xem-ket-qua").click()
    browser.find_element("css selector", "a.xem").click()
    frame = wait_for(browser, lambda d: d.find_elements("id", "xem-pdf"))[0]
    source = frame.get_attribute("src")
    assert source.endswith("/quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.pdf?xem=1")
    head = browser.execute_async_script(
        "const done = arguments[1]; fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done("
        "[r.status, r.headers.get('content-type'), r.headers.get('content-disposition'), "
        "String.fromCharCode(...new Uint8Array(b.slice(0, 5)))])));", source)
    assert head == [200, "application/pdf", 'inline; filename="qd-05-bang-khen-tinh-so-y-te.pdf"', "%PDF-"]
    time.sleep(2)  # let the viewer draw the page for the screenshot
    shot(browser, "4-xem-pdf")
    by_id(browser, "zip-quy-iii-2024").click()
    archive = zipfile.ZipFile(downloaded(downloads, "quy-iii-2024.zip"))
    outdir = outdir_of(app, browser)
    assert sorted(archive.namelist()) == [
        "in-ky/quy-iii-2024.pdf", "quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.docx",
        "quy-iii-2024/qd-05-bang-khen-tinh-so-y-te.pdf", "quy-iii-2024/tong-hop-quy-iii-2024.xlsx"]
    assert all(archive.read(name) == (outdir / name).read_bytes() for name in archive.namelist())
    assert archive.read("in-ky/quy-iii-2024.pdf").startswith(b"%PDF-")


def test_import_of_two_files_shows_the_report_of_each(site, browser, make_workbook, decisions_content, tmp_path):
    url, _ = site
    open_workbook(browser, url, make_workbook(decisions_content, "nhap-quy-iii.xlsx"))
    by_id(browser, "buoc-nhap").click()
    old_word = tmp_path / "cu.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0")
    by_id(browser, "tep").send_keys(f"{unit_list(tmp_path / 'huyen.xlsx')}\n{old_word}")
    for field, value in STATEMENT.items():
        by_id(browser, field.replace("_", "-")).send_keys(value)
    by_id(browser, "nhap").click()
    wait_for(browser, lambda d: d.find_elements("id", "da-ghi"))
    assert [row[:3] for row in table(browser, "can-xem-1")] == [['trang "DS", ô B3', "5", "Hoàng Văn Em"]]
    assert table(browser, "khong-nhan-1") == [['trang "DS", ô B4', "—", "thiếu họ tên / tên tập thể"]]
    assert by_id(browser, "tep-2").text.startswith('Tệp "cu.doc"\nKhông nhập tệp này: "cu.doc" là văn bản Word cũ')
    assert by_id(browser, "don-vi").get_attribute("value") == "UBND huyện Tiên Du"  # the fields stay filled
    shot(browser, "7-nhap-danh-sach")


def test_path_traversal_and_cross_site_post_are_refused(site, browser, tmp_path):
    url, app = site
    case = app.state.workspace.recent()[0].id
    browser.get(f"{url}so/{case}/tep/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd")
    assert by_id(browser, "thong-bao").text == "Không có tệp này trong kết quả của sổ đang mở."
    shot(browser, "5-tu-choi-duong-dan")
    opened = len(app.state.workspace.recent())
    (tmp_path / "trang-la.html").write_text(
        f'<!doctype html><form method="post" action="{url}mo" enctype="multipart/form-data">'
        f'<input name="csrf" value="doan-bua"><button id="gui">Gửi</button></form>', encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as other:
        threading.Thread(target=other.serve_forever, daemon=True).start()
        browser.get(f"http://127.0.0.1:{other.server_address[1]}/trang-la.html")
        by_id(browser, "gui").click()
        wait_for(browser, lambda d: d.current_url == f"{url}mo")
        assert browser.find_element("tag name", "body").text == "Từ chối yêu cầu gửi từ trang web khác."
        shot(browser, "6-tu-choi-trang-khac")
        other.shutdown()
    assert len(app.state.workspace.recent()) == opened


def test_every_page_fits_a_phone_width_screen(site, browser):
    """At 375 px nothing widens the page (a sideways scroll of the whole page hides the buttons): the fields and
    the progress bar shrink to the screen, a wide table scrolls inside itself."""
    url, _ = site
    open_workbook(browser, url, SAMPLE_2024)
    build(browser)
    case = browser.current_url.split("/so/")[1].split("/")[0]
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 375, "height": 740, "deviceScaleFactor": 1, "mobile": False})
    try:
        widths = {}
        for step in ("nhap", "kiem-tra", "tao", "ket-qua", "in-bang"):
            browser.get(f"{url}so/{case}/{step}")
            wait_for(browser, lambda d: d.find_elements("tag name", "main"))
            widths[step] = browser.execute_script(  # how far the page scrolls sideways
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        shot(browser, "8-ket-qua-dien-thoai")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert widths == {"nhap": 0, "kiem-tra": 0, "tao": 0, "ket-qua": 0, "in-bang": 0}
