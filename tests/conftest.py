"""Fixtures shared by the whole suite: the sample report and the real documents in ../shared."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "resources" / "sample" / "qinglan_county_2024.json"
SAMPLE_PRIOR = ROOT / "resources" / "sample" / "qinglan_county_2023.json"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "format" / "national-2021.json").exists():
        pytest.skip("../shared (the national formats and the real-report corpus) is not beside the checkout")
    return SHARED


@pytest.fixture
def corpus_dir(shared_dir) -> Path:
    return shared_dir / "corpus"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def sample_prior_path() -> Path:
    return SAMPLE_PRIOR


@pytest.fixture
def sample_report():
    from forms.model import store
    return store.load(SAMPLE)
