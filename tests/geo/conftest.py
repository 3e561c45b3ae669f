"""Shared, session-scoped geometry fixtures: building the regions takes seconds, so it is done once."""

from __future__ import annotations

import pytest

from evidence.geo.boundaries import RegionDefinition, load_region_definitions
from evidence.geo.tagging import RegionTagger, region_cap_nm


@pytest.fixture(scope="session")
def definitions() -> list[RegionDefinition]:
    return load_region_definitions()


@pytest.fixture(scope="session")
def by_slug(definitions: list[RegionDefinition]) -> dict[str, RegionDefinition]:
    return {d.slug: d for d in definitions}


@pytest.fixture(scope="session")
def tagger(definitions: list[RegionDefinition]) -> RegionTagger:
    return RegionTagger([(d.slug, d.geometry) for d in definitions],
                        caps_nm=[region_cap_nm(d.kind) for d in definitions])
