# tdkt-docs: `make demo` builds every sample into output/, `make test` runs the suite.
# Both set up from nothing: .venv, Python packages, LibreOffice and fonts.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup system demo test test-fast bench clean

setup: $(STAMP) system

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=68"
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system:
	@sh tools/setup-system.sh

demo: setup
	$(BIN)/tdkt build data/mau/bac-ninh-2024/tdkt-2024.xlsx -o output/tdkt-2024 --pdf
	$(BIN)/tdkt build data/mau/bac-ninh-2026/tdkt-2026-bac-ninh-moi.xlsx -o output/tdkt-2026 --pdf
	$(BIN)/tdkt build data/mau/dong-nai-2026/tdkt-2026-dong-nai.xlsx -o output/dong-nai-2026 --pdf
	$(BIN)/tdkt build data/mau/so-gddt-bac-ninh/tdkt-nam-hoc-2025-2026.xlsx -o output/so-gddt-bac-ninh --pdf
	$(BIN)/tdkt build data/mau/phuong-kinh-bac/tdkt-2026-phuong-kinh-bac.xlsx -o output/phuong-kinh-bac --pdf
	@echo "Xong: văn bản mẫu nằm trong thư mục output/"
	@echo "Làm mọi việc trong trình duyệt: $(BIN)/tdkt web  (mở trang http://127.0.0.1:8765/, Ctrl+C để dừng)"

test: setup
	$(BIN)/python -m pytest -q -n auto

# The same suite without the LibreOffice tests, for a quick check while working.
test-fast: setup
	$(BIN)/python -m pytest -q -n auto -m "not soffice"

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf output .pytest_cache
