"""Military ICAO address blocks (tar1090-db ranges) and the allocation table: an aircraft in no registry is still
known as military and by country from its address alone."""

from __future__ import annotations

import itertools

import pytest

from evidence.flightdata import address_info, is_military_address, military_address_country
from evidence.flightdata.icao_allocations import ICAO_ALLOCATIONS
from evidence.flightdata.registries import MILITARY_ADDRESS_RANGES


@pytest.mark.parametrize(
    ("hex_address", "country"),
    [
        ("ae01c5", "US"),  # a USAF RC-135 (plane-alert-db)
        ("adf7c8", "US"),  # first address of the US military block
        ("afffff", "US"),
        ("43c6f1", "GB"),  # RAF block 43c000-43cfff
        ("3f7a2b", "DE"),
        ("3aa001", "FR"),
        ("7cf9a0", "AU"),
        ("c2f123", "CA"),
        ("33ff10", "IT"),
        ("480a00", "NL"),
        ("738a12", "IL"),
    ],
)
def test_military_blocks_give_the_country(hex_address: str, country: str) -> None:
    assert military_address_country(hex_address) == country
    assert is_military_address(hex_address)
    info = address_info(hex_address)
    assert info.military and info.military_country == country and info.country == country


@pytest.mark.parametrize("hex_address", ["adf7c7", "a00001", "400040", "43d000", "151234", "~ae01c5", "", "xyz123",
                                         "AE01C5 "])
def test_civil_and_malformed_addresses_are_not_military(hex_address: str) -> None:
    if hex_address == "AE01C5 ":  # upper case and padding are normalised, so this one IS military
        assert military_address_country(hex_address) == "US"
        return
    assert military_address_country(hex_address) is None
    assert not is_military_address(hex_address)


def test_allocation_gives_the_country_of_civil_addresses() -> None:
    assert address_info("151234").country == "RU"
    assert address_info("4b1800").country == "CH"
    # A sub-allocation wins over the block it sits in: 400000-4001bf is Bermuda's share of the UK block.
    assert address_info("400100").country == "BM"
    assert address_info("~151234").country == ""


def test_ranges_are_sorted_disjoint_and_inside_their_country_allocation() -> None:
    ranges = sorted(MILITARY_ADDRESS_RANGES)
    for (_, hi, _), (lo, _, _) in itertools.pairwise(ranges):
        assert hi < lo
    for lo, hi, code in MILITARY_ADDRESS_RANGES:
        holders = {c for a, b, c, _ in ICAO_ALLOCATIONS if a <= lo and hi <= b}
        assert code in holders, (hex(lo), code, holders)
