#!/bin/sh
# Installs the system packages tdkt-docs needs (LibreOffice for PDF, and its Calc, with which the
# tests open the summary workbooks the tool writes; metric-compatible
# fonts with full Vietnamese coverage, poppler for PDF checks, the PostgreSQL server the
# register's tests start for themselves, headless Chromium and its driver for the web
# page's browser tests) when missing.
set -eu
PKGS="libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 poppler-utils postgresql chromium chromium-driver"
missing=""
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 \
    || missing="$missing libreoffice-calc-nogui"
dpkg -s fonts-liberation2 >/dev/null 2>&1 || missing="$missing fonts-liberation2"
command -v pdffonts >/dev/null 2>&1 || missing="$missing poppler-utils"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Đang cài gói hệ thống:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "Thiếu gói hệ thống:$missing"
    echo "Hãy chạy lệnh sau rồi chạy lại:"
    echo "    sudo apt-get update && sudo apt-get install -y --no-install-recommends $PKGS"
    exit 1
fi
