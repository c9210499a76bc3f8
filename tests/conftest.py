"""Fixtures: settings and rules as shipped, workbooks written from content, samples built once."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest

from tdkt_docs.read.blank import write_filled_workbook
from tdkt_docs.rules.book import Rules
from tdkt_docs.settings import Settings

from helpers import SAMPLE_2024
from support.workbooks import MINIMAL, decisions



@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def rules(settings) -> Rules:
    return Rules(settings)


@pytest.fixture
def content() -> dict:
    """A small valid workbook content, safe to modify."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def decisions_content() -> dict:
    return decisions()


@pytest.fixture
def make_workbook(tmp_path, rules):
    def make(content: dict, name: str = "so-lieu.xlsx") -> Path:
        path = tmp_path / name
        write_filled_workbook(path, content, rules)
        return path
    return make


@pytest.fixture(scope="session")
def sample_2024_built(tmp_path_factory) -> Path:
    """The 2024 sample built once per run (.docx only), with the Bắc Ninh office's mau/ folder beside it
    as `tdkt build` uses it; tests read it, copy it before changing it."""
    from tdkt_docs.build import build

    out = tmp_path_factory.mktemp("mau-2024") / "out"
    build(SAMPLE_2024, out, Settings.for_workbook(SAMPLE_2024))
    return out


@pytest.fixture
def sample_2024_copy(sample_2024_built, tmp_path) -> Path:
    """A private copy of the built 2024 sample, free to change."""
    target = tmp_path / "out"
    shutil.copytree(sample_2024_built, target)
    return target
