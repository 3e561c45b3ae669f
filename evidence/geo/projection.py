"""Metric projections for distances: a fixed grid of Lambert azimuthal equal-area (LAEA) zones.

Distances are never measured in degrees (a degree of longitude is 60·cos φ nm). Instead the globe is cut into cells of
``ZONE_LON_STEP`` × ``ZONE_LAT_STEP`` degrees, and every cell has its own LAEA projection centred on the cell. The cell
containing the US–Mexico border is centred exactly on ``+lat_0=28 +lon_0=-105``. A geometry that spans several cells
(Texas, the United States, the Gulf of Mexico) is cut into per-cell pieces, each measured in its own cell's projection;
the distance to the whole is the minimum over its pieces. LAEA distance error grows with the distance ``D`` from the
projection centre as about ``(D / 2R)² / 2``: a cell's half-diagonal (≤ 650 km) plus a 250 nm search radius stays under
~1 100 km from the centre, which keeps the error under ~0.4 %.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator

import numpy as np
import pyproj
import shapely
from shapely.geometry.base import BaseGeometry

NM = 1852.0
"""Metres in a nautical mile."""

ZONE_LON_STEP = 10.0
ZONE_LAT_STEP = 8.0
#: Centre of the zone that holds the US–Mexico border; all other zone centres are on the same grid.
ZONE_ORIGIN = (-105.0, 28.0)

#: Longest segment (degrees) allowed before projecting: straight lines in lon/lat (state lines along a parallel) are
#: curves in LAEA, so they are densified first to keep the projected chord within metres of the true edge.
SEGMENTIZE_DEG = 0.05

Zone = tuple[int, int]


def zone_of(lon: float, lat: float) -> Zone:
    """The (column, row) of the grid cell containing ``(lon, lat)``."""
    col = math.floor((lon - ZONE_ORIGIN[0]) / ZONE_LON_STEP + 0.5)
    row = math.floor((lat - ZONE_ORIGIN[1]) / ZONE_LAT_STEP + 0.5)
    return col, row


def zone_bounds(zone: Zone) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of a zone's cell; latitudes are clipped to ±90."""
    lon_c, lat_c = zone_centre(zone)
    return (
        lon_c - ZONE_LON_STEP / 2,
        max(-90.0, lat_c - ZONE_LAT_STEP / 2),
        lon_c + ZONE_LON_STEP / 2,
        min(90.0, lat_c + ZONE_LAT_STEP / 2),
    )


def zone_centre(zone: Zone) -> tuple[float, float]:
    """(lon, lat) of a zone's projection centre (latitude clipped to ±89 so polar cells still work)."""
    col, row = zone
    lat = max(-89.0, min(89.0, ZONE_ORIGIN[1] + row * ZONE_LAT_STEP))
    return ZONE_ORIGIN[0] + col * ZONE_LON_STEP, lat


def zones_covering(bounds: tuple[float, float, float, float]) -> Iterator[Zone]:
    """Every zone whose cell intersects the lon/lat bounding box ``bounds``."""
    c0, r0 = zone_of(bounds[0], bounds[1])
    c1, r1 = zone_of(bounds[2], bounds[3])
    for col in range(c0, c1 + 1):
        for row in range(r0, r1 + 1):
            yield col, row


def zone_crs(zone: Zone) -> str:
    """PROJ string of the zone's LAEA projection (WGS84 ellipsoid, metres)."""
    lon, lat = zone_centre(zone)
    return f"+proj=laea +lat_0={lat:g} +lon_0={lon:g} +datum=WGS84 +units=m +no_defs"


def _laea(zone: Zone) -> str:
    lon, lat = zone_centre(zone)
    return f"+proj=laea +lat_0={lat:g} +lon_0={lon:g} +ellps=WGS84"


# Transformers are built from explicit PROJ pipelines: same numbers as Transformer.from_crs("EPSG:4326", zone_crs(...),
# always_xy=True) (no datum shift is involved), but ~100× faster to create (no proj.db look-up of operations).
@functools.cache
def forward(zone: Zone) -> pyproj.Transformer:
    """Cached lon/lat (EPSG:4326, degrees) → zone LAEA (metres) transformer."""
    return pyproj.Transformer.from_pipeline(
        f"+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step {_laea(zone)}"
    )


@functools.cache
def inverse(zone: Zone) -> pyproj.Transformer:
    """Cached zone LAEA (metres) → lon/lat (EPSG:4326, degrees) transformer."""
    return pyproj.Transformer.from_pipeline(
        f"+proj=pipeline +step +inv {_laea(zone)} +step +proj=unitconvert +xy_in=rad +xy_out=deg"
    )


def project(geom: BaseGeometry, zone: Zone, *, segmentize: bool = True) -> BaseGeometry:
    """Project a lon/lat geometry into ``zone``'s LAEA, densifying long edges first (see ``SEGMENTIZE_DEG``)."""
    if segmentize:
        geom = shapely.segmentize(geom, SEGMENTIZE_DEG)
    tr = forward(zone)
    return shapely.transform(geom, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))


def unproject(geom: BaseGeometry, zone: Zone) -> BaseGeometry:
    """Project a geometry in ``zone``'s LAEA back to lon/lat."""
    tr = inverse(zone)
    return shapely.transform(geom, lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])))
