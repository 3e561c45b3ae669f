from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED_DATA = Path("/work/shared/data")


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
