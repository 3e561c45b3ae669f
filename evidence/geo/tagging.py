"""Fast region tagging of flight tracks: which regions a track flew over, and how close it came to the others.

A track is a path (consecutive positions joined by straight segments), so a sparse track that crosses a region
between two positions outside it still counts as *over* it. For every region within ``cap_nm`` of the path the
tagger reports the minimum distance in nautical miles (0.0 when over).

How it stays fast (millions of positions per second of CPU time) without losing accuracy:

* Regions are prepared once. Each region is cut into pieces along the cells of the LAEA zone grid
  (:mod:`evidence.geo.projection`), each piece densified, projected into its cell's equal-area projection (metres,
  never degrees), lightly simplified and *prepared* (GEOS indexes its edges). The piece's outline (rings, or the
  lines themselves for a lineal region such as the border) is kept as a second prepared geometry for distances.
  Far regions (Alaska, Hawaii, Maine) simply land in their own cells' projections.
* A track is first simplified (Douglas–Peucker, ``track_tolerance_m``, in a lon/lat frame whose longitudes are
  scaled by cos φ so the tolerance is in metres); orbiting tracks keep most vertices, straight legs collapse (and
  are re-cut into ≤ 22 km legs, so their projected chords do not drift from the positions they stand for).
* Numpy bounding-box tests (region pieces' bounds grown by the cap, in degrees and then in metres) discard almost
  every (track, piece) pair before any geometry is touched; each track is projected once per zone, whatever the
  number of pieces of that zone it is tested against.
* The surviving pairs go through vectorised Shapely 2 calls over arrays of (piece, track) pairs: ``intersects`` of
  the prepared piece (→ over, distance 0) and, for the others, the length of ``shortest_line`` from a prepared
  outline. GEOS answers the latter with its indexed facet distance (O(n log m), where ``shapely.distance`` is brute
  force over all segment pairs), and the result is the exact planar distance: no bracketing or bisection. Far
  pairs are measured first on coarse copies (outline simplified by 5 km, track by ~1 km: dropped when beyond the
  cap even allowing for that), then on a 500 m outline (kept when that is ≤ 0.3 % of the distance), and only the
  remaining near pairs on the detailed outline and track.

Accuracy: LAEA distortion within a cell plus the search radius is < 0.5 % (measured against a local azimuthal
equidistant reference: ≤ 0.15 % on the benchmark's tracks); coarse copies add ≤ 0.3 %; the track simplification
moves the path by at most ``track_tolerance_m`` (it bounds the error of every distance and decides "over" only for
paths that graze a region within that tolerance); region outlines are whatever the caller passes (see
:mod:`evidence.geo.boundaries`, ~90 m) simplified by ``region_tolerance_m``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from evidence.geo import projection
from evidence.geo.projection import NM, Zone

#: Distances are measured in levels, coarsest first: (outline simplification tolerance in m, whether the coarse track
#: copy is used). A coarse distance ``d`` is within ``err`` (outline tolerance + coarse track error) of the detailed
#: one, so pairs with ``d - err`` beyond the cap are dropped and pairs with ``err <= _COARSE_REL * d`` keep ``d``
#: (error ≤ 0.3 %); only the rest go one level finer. The last level is exact (detailed outline and track).
_LEVELS = ((5_000.0, True), (500.0, False), (0.0, False))
_COARSE_REL = 0.003
#: The coarse track copy: Douglas–Peucker tolerance (m) on top of the detailed copy, and its leg length (degrees;
#: a 1° lon/lat leg bends up to ~175 m from its chord in LAEA).
_COARSE_TRACK_M = 1_000.0
_COARSE_TRACK_SEGMENT_DEG = 1.0
_COARSE_TRACK_SEGMENT_ERR_M = 180.0
#: Longest leg (degrees, in the cos φ-scaled lon/lat frame) of a simplified track before it is projected: a straight
#: line in lon/lat bends in LAEA, by ~L²·tan φ (measured at 28° N: 1° → 180 m, 2° → 700 m, 0.2° → 7 m; at 60° N
#: three times as much). The leg is shortened by √(tan 28° / tan φ) at higher latitudes to keep the bend ~7 m.
_TRACK_SEGMENT_DEG = 0.2
#: ... which is taken from the track tolerance: Douglas–Peucker runs with ``track_tolerance_m`` minus this.
_TRACK_SEGMENT_ERR_M = 7.0
#: Metres per degree of latitude, rounded down so pads computed from it err on the large side.
_M_PER_DEG = 110_500.0


#: Points of many tracks, flat: (lon, lat, track number, start offset of each track + total).
_Flat = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True, slots=True)
class RegionHit:
    """One region a track flew over (``over=True``, distance 0.0) or came within the tagger's cap of."""

    key: Hashable
    over: bool
    min_distance_nm: float


class RegionTagger:
    """Tags tracks with the regions they flew over or near. Build once, reuse for many tracks.

    ``regions`` are ``(key, geometry)`` pairs in lon/lat (EPSG:4326); keys are returned as given (slugs, primary
    keys). ``cap_nm`` bounds "near": regions farther than that from a track are not reported. The distance to a region
    is the minimum over the whole path; ``over`` means the path touches or crosses it.

    ``track_tolerance_m`` is how far track simplification may move the path (it bounds the error of "over" and of
    every distance); ``region_tolerance_m`` does the same for the projected region outlines.
    """

    def __init__(
        self,
        regions: Sequence[tuple[Hashable, BaseGeometry]],
        *,
        cap_nm: float = 250.0,
        track_tolerance_m: float = 25.0,
        region_tolerance_m: float = 10.0,
        caps_nm: Sequence[float | None] | None = None,
    ) -> None:
        if cap_nm < 0:
            raise ValueError("cap_nm must be >= 0")
        self.cap_nm = float(cap_nm)
        self.cap_m = self.cap_nm * NM
        self.track_tolerance_m = float(track_tolerance_m)
        self.keys: list[Hashable] = [key for key, _ in regions]
        if caps_nm is not None and len(caps_nm) != len(self.keys):
            raise ValueError("caps_nm needs one value (or None) per region")
        #: Each region's own cap in metres (≤ the tagger's): air bases are reported only within NEAR_NM, so the
        #: thousands of point regions neither slow tagging down nor fill the table with far-away rows.
        self._region_cap_m = np.array(
            [self.cap_m if c is None else min(float(c), self.cap_nm) * NM
             for c in (caps_nm or [None] * len(self.keys))],
            dtype=float,
        )

        zones: list[Zone] = []
        zone_ids: dict[Zone, int] = {}
        fine: list[BaseGeometry] = []
        ll_bounds: list[tuple[float, float, float, float]] = []
        piece_region: list[int] = []
        piece_zone: list[int] = []
        piece_pad: list[float] = []
        for r, (_, geom) in enumerate(regions):
            if geom is None or geom.is_empty:
                continue
            pad = self._region_cap_m[r] + self.track_tolerance_m
            for zone in projection.zones_covering(geom.bounds):
                piece = shapely.clip_by_rect(geom, *projection.zone_bounds(zone))
                if piece.is_empty:
                    continue
                projected = projection.project(piece, zone)
                if region_tolerance_m > 0:
                    projected = shapely.simplify(projected, region_tolerance_m)
                if projected.is_empty:
                    continue
                fine.append(projected)
                ll_bounds.append(_grow_lonlat(piece.bounds, pad))
                piece_pad.append(pad)
                piece_region.append(r)
                piece_zone.append(zone_ids.setdefault(zone, len(zone_ids)))
                if len(zone_ids) > len(zones):
                    zones.append(zone)

        self._zones = zones
        self._piece_fine = np.array(fine, dtype=object)
        self._piece_outline = np.array([_outline(g) for g in fine], dtype=object)
        # Error of the coarse track copy relative to the detailed one (see _simplified).
        # (× 1.25: the cos φ-scaled frame Douglas–Peucker works in is only metres at the track's mean latitude.)
        coarse_track_err = 1.25 * (self.track_tolerance_m + _COARSE_TRACK_M) + _COARSE_TRACK_SEGMENT_ERR_M
        self._coarse_track_err = coarse_track_err
        self._levels = [
            (tol + (coarse_track_err if coarse else 0.0), coarse,
             _simplified_outlines(self._piece_outline, tol) if tol > 0 else self._piece_outline)
            for tol, coarse in _LEVELS
        ]
        shapely.prepare(self._piece_fine)
        for _, _, outlines in self._levels:
            shapely.prepare(outlines)
        self._piece_region = np.array(piece_region, dtype=np.intp)
        self._piece_zone = np.array(piece_zone, dtype=np.intp)
        self._ll_bounds = np.array(ll_bounds, dtype=float).reshape(-1, 4)
        pads = np.array(piece_pad, dtype=float).reshape(-1, 1)
        self._m_bounds = shapely.bounds(self._piece_fine).reshape(-1, 4) + np.hstack([-pads, -pads, pads, pads])
        # Spatial index of the pieces' lon/lat boxes grown by their caps: a track is only ever compared with the
        # pieces whose box its own box meets (thousands of regions, a handful of candidates per track).
        self._tree = shapely.STRtree(shapely.box(*self._ll_bounds.T)) if len(ll_bounds) else None

    # ------------------------------------------------------------------------------------------------- public

    def tag(self, lon: np.ndarray, lat: np.ndarray) -> list[RegionHit]:
        """Regions the track (positions in order, degrees) flew over or came within ``cap_nm`` of."""
        return self.tag_many([(lon, lat)])[0]

    def tag_many(
        self, tracks: Iterable[tuple[np.ndarray, np.ndarray]], *, cap_nm: float | None = None
    ) -> list[list[RegionHit]]:
        """:meth:`tag` for many tracks at once: one vectorised pass, much less Python overhead per track.
        ``cap_nm`` (≤ the tagger's own) reports only regions within that distance, and measures no farther ones."""
        distances = self.distances(tracks, cap_nm=cap_nm)
        out: list[list[RegionHit]] = []
        hit_t, hit_r = np.nonzero(np.isfinite(distances))
        bounds = np.searchsorted(hit_t, np.arange(len(distances) + 1))
        found = distances[hit_t, hit_r]
        keys = self.keys
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            out.append([RegionHit(keys[r], d == 0.0, d / NM) for r, d in zip(hit_r[a:b].tolist(), found[a:b].tolist(),
                                                                            strict=True)])  # fmt: skip
        return out

    def warm(self) -> None:
        """Have GEOS build now the indexes it builds lazily on a prepared piece's first ``contains_xy``, ``dwithin``
        and ``intersects`` (what coverage asks of every aircraft heard). Left lazy, they grew a worker's memory over
        its first days as tracks reached more pieces (~230 MB over a 10,000-aircraft day, more over a larger one:
        docs/PERFORMANCE.md); built at worker start, what an import adds no longer depends on the day. Each call
        crosses its piece's box, so no envelope test short-cuts it. Changes no answer."""
        pieces = self._piece_fine
        if not len(pieces):
            return
        box = shapely.bounds(pieces)
        across = shapely.linestrings(np.stack([box[:, :2], box[:, 2:]], axis=1))
        shapely.contains_xy(pieces, (box[:, 0] + box[:, 2]) / 2, (box[:, 1] + box[:, 3]) / 2)
        shapely.dwithin(pieces, across, 1.0)
        shapely.intersects(pieces, across)

    def within_many(self, tracks: Iterable[tuple[np.ndarray, np.ndarray]], nm: float) -> list[list[Hashable]]:
        """Keys of the regions each track flew over or within ``nm`` of (≤ each region's cap): a yes/no per pair
        from a prepared ``dwithin``, no distance measured — what coverage counting needs, several times cheaper."""
        lon, lat, starts = _flat(list(tracks))
        hit_t, hit_r = self.within_pairs(lon, lat, starts, nm)
        bounds = np.searchsorted(hit_t, np.arange(len(starts))).tolist()
        keys = self.keys
        return [[keys[r] for r in hit_r[a:b].tolist()] for a, b in itertools.pairwise(bounds)]

    def within_pairs(self, lon: np.ndarray, lat: np.ndarray, starts: np.ndarray,
                     nm: float) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
        """(track, region index) pairs, sorted, of the tracks ``lon[starts[i]:starts[i + 1]]`` … that came over or
        within ``nm`` of a region (≤ its own cap). The same answers as ``distances(…, within_only=True)`` (the
        test compares them), for less: the detailed copy of each track is projected once per zone and screened by
        its own metre box (no coarse copy); a pair whose first position lies inside the piece is within without a
        ``dwithin``; no tracks × regions matrix."""
        none = np.empty(0, dtype=np.intp)
        if len(starts) < 2 or len(self._piece_region) == 0:
            return none, none
        region_cap = np.minimum(self._region_cap_m, float(nm) * NM)
        shrink = (self._region_cap_m - region_cap)[self._piece_region]
        fine = self._simplified_flat(lon, lat, starts, coarse=False)[0]
        cand_t, cand_p = self._tree.query(shapely.box(*_group_bounds(fine[0], fine[1], fine[3]).T))
        pt, pp, lines, first = self._near_rows(fine, cand_t, cand_p, shrink)
        if not len(pt):
            return none, none
        pieces = self._piece_fine[pp]
        ok = shapely.contains_xy(pieces, first[:, 0], first[:, 1])
        rest = np.flatnonzero(~ok)
        ok[rest] = shapely.dwithin(pieces[rest], lines[rest], region_cap[self._piece_region[pp[rest]]])
        pair = np.unique(pt[ok].astype(np.int64) * len(self.keys) + self._piece_region[pp[ok]])
        return (pair // len(self.keys)).astype(np.intp), (pair % len(self.keys)).astype(np.intp)

    def _near_rows(self, fine: _Flat, cand_t: np.ndarray, cand_p: np.ndarray,
                   shrink: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # fmt: skip
        """The candidate (track, piece) pairs whose projected track box meets the piece's metre box (grown by its
        cap less ``shrink``): their tracks, pieces, projected tracks and the tracks' first projected positions. Each
        track is projected once into each zone it has candidates in."""
        cand_z = self._piece_zone[cand_p]
        order = np.argsort(cand_z, kind="stable")
        cand_t, cand_p, cand_z = cand_t[order], cand_p[order], cand_z[order]
        cuts = np.flatnonzero(np.diff(cand_z)) + 1
        out: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        for t_z, p_z in zip(np.split(cand_t, cuts), np.split(cand_p, cuts), strict=True):
            if not len(t_z):
                continue
            wanted = np.unique(t_z)
            lines, m_bounds, first_xy = _project_tracks(*fine, wanted, self._zones[int(self._piece_zone[p_z[0]])])
            row = np.searchsorted(wanted, t_z)
            b, mb, s = self._m_bounds[p_z], m_bounds[row], shrink[p_z] - 1.0  # 1 m of slack: never too few
            near = (mb[:, 0] <= b[:, 2] - s) & (mb[:, 2] >= b[:, 0] + s) & (mb[:, 1] <= b[:, 3] - s) & (
                mb[:, 3] >= b[:, 1] + s)  # fmt: skip
            out.append((t_z[near], p_z[near], lines[row[near]], first_xy[row[near]]))
        if not out:
            return np.empty(0, np.intp), np.empty(0, np.intp), np.empty(0, object), np.empty((0, 2))
        return tuple(np.concatenate(parts) for parts in zip(*out, strict=True))  # type: ignore[return-value]

    def distances(self, tracks: Iterable[tuple[np.ndarray, np.ndarray]], *, cap_nm: float | None = None,
                  within_only: bool = False) -> np.ndarray:  # fmt: skip
        """Matrix (tracks × regions) of minimum path–region distances in metres; ``inf`` beyond the cap (each
        region's own, or ``cap_nm`` when smaller).

        1. every track is simplified in lon/lat, into a detailed and a coarse copy (:meth:`_simplified`);
        2. lon/lat and then metre bounding boxes (grown by the cap) pick the (track, piece) pairs worth measuring;
           a track is projected once into each zone where it has such pairs;
        3. ``shortest_line`` from prepared outlines, level by level (``_LEVELS``): each level drops the pairs
           certainly beyond the cap and keeps the distances already within 0.3 %; the last level is the exact planar
           distance. The minimum over a region's pieces is its distance; beyond the cap → ``inf``;
        4. over (distance 0), after the first level: a point-in-polygon test of one vertex where the track is clear
           of the outline, a prepared ``intersects`` of the detailed track where it may touch it.
        """
        track_list = [(np.asarray(lo, dtype=float), np.asarray(la, dtype=float)) for lo, la in tracks]
        n_tracks = len(track_list)
        region_cap = self._region_cap_m if cap_nm is None else np.minimum(self._region_cap_m, float(cap_nm) * NM)
        # A smaller cap shrinks the pieces' metre boxes (grown by their own cap) by the difference.
        piece_shrink = (self._region_cap_m - region_cap)[self._piece_region]
        result = np.full((n_tracks, len(self.keys)), np.inf)
        if n_tracks == 0:
            return result
        fine, coarse = self._simplified(track_list)
        lon, lat, _, starts = fine
        if len(self._piece_region) == 0:
            return result

        t_bounds = _group_bounds(lon, lat, starts)
        cand_t, cand_p = self._tree.query(shapely.box(*t_bounds.T))
        cand_z = self._piece_zone[cand_p]

        # Pairs are found with the coarse copies, projected once per (zone, track) "row"; the detailed copies are
        # projected later, only for the rows whose pairs the first distance level leaves open.
        pair_t: list[np.ndarray] = []
        pair_p: list[np.ndarray] = []
        pair_g: list[np.ndarray] = []
        pair_coarse: list[np.ndarray] = []
        pair_first: list[np.ndarray] = []
        row_zone: list[np.ndarray] = []
        row_track: list[np.ndarray] = []
        n_rows = 0
        grow = self._coarse_track_err  # the detailed copy lies within this of the coarse one
        order = np.argsort(cand_z, kind="stable")
        cand_t, cand_p, cand_z = cand_t[order], cand_p[order], cand_z[order]
        bounds_z = np.flatnonzero(np.diff(cand_z)) + 1
        for t_z, p_z in zip(np.split(cand_t, bounds_z), np.split(cand_p, bounds_z), strict=True):
            if not len(t_z):
                continue
            z = int(self._piece_zone[p_z[0]])
            wanted = np.unique(t_z)
            coarse_z, m_bounds, first_xy = _project_tracks(*coarse, wanted, self._zones[z])
            row_of = np.searchsorted(wanted, t_z)
            b, mb = self._m_bounds[p_z], m_bounds[row_of]
            if cap_nm is not None:
                shrink = piece_shrink[p_z, None]
                b = b + np.hstack([shrink, shrink, -shrink, -shrink])
            near = (
                (mb[:, 0] - grow <= b[:, 2])
                & (mb[:, 2] + grow >= b[:, 0])
                & (mb[:, 1] - grow <= b[:, 3])
                & (mb[:, 3] + grow >= b[:, 1])
            )
            if near.any():  # the whole track's box meets the piece's: do the boxes of its runs of segments?
                idx = np.flatnonzero(near)
                near[idx] = _runs_near(coarse_z, row_of[idx], b[idx], grow)
            if near.any():
                rows = row_of[near]
                pair_t.append(t_z[near])
                pair_p.append(p_z[near])
                pair_g.append(rows + n_rows)
                pair_coarse.append(coarse_z[rows])
                pair_first.append(first_xy[rows])  # an original position (simplification keeps the ends)
                row_zone.append(np.full(len(wanted), z))
                row_track.append(wanted)
                n_rows += len(wanted)
        if not pair_t:
            return result
        pt, pp, pg = np.concatenate(pair_t), np.concatenate(pair_p), np.concatenate(pair_g)
        coarse_lines = np.concatenate(pair_coarse)
        first = np.concatenate(pair_first)
        g_zone, g_track = np.concatenate(row_zone), np.concatenate(row_track)
        # Tracks are prepared too (each is shared by all its pairs in a zone): see _distances.
        shapely.prepare(coarse_lines)
        fine_rows = np.empty(n_rows, dtype=object)
        projected = np.zeros(n_rows, dtype=bool)

        def fine_lines(pairs: np.ndarray) -> np.ndarray:
            """The detailed track of each pair, projecting the rows not projected yet."""
            g = pg[pairs]
            need = np.unique(g[~projected[g]])
            for zone in np.unique(g_zone[need]).tolist():
                r = need[g_zone[need] == zone]
                fine_rows[r] = _project_tracks(*fine, g_track[r], self._zones[zone])[0]
            if len(need):
                shapely.prepare(fine_rows[need])
                projected[need] = True
            return fine_rows[g]

        pr = self._piece_region[pp]
        pair_cap = region_cap[pr]
        if within_only:  # 0.0 where the detailed track is within the cap of the piece (over it included)
            ok = shapely.dwithin(self._piece_fine[pp], fine_lines(np.arange(len(pt))), pair_cap)
            result[pt[ok], pr[ok]] = 0.0
            return result

        dist = np.full(len(pt), np.inf)
        todo = np.arange(len(pt))
        for level, (err, use_coarse, outlines) in enumerate(self._levels):
            if not len(todo):
                break
            d = _distances(outlines[pp[todo]], coarse_lines[todo] if use_coarse else fine_lines(todo))
            if level == 0:
                # Over? Where even the coarse distance shows the detailed track clear of the detailed outline, the
                # track lies wholly inside the piece or wholly outside it, and any one of its vertices tells which;
                # elsewhere a prepared intersects of the detailed track decides.
                inside = np.empty(len(todo), dtype=bool)
                clear = d > err
                c, t = todo[clear], todo[~clear]
                inside[clear] = shapely.contains_xy(self._piece_fine[pp[c]], first[c, 0], first[c, 1])
                inside[~clear] = shapely.intersects(self._piece_fine[pp[t]], fine_lines(t))
                dist[todo[inside]] = 0.0
                d, todo = d[~inside], todo[~inside]
            drop = d - err > pair_cap[todo]
            accept = ~drop & (d * _COARSE_REL >= err)
            dist[todo[accept]] = d[accept]
            todo = todo[~drop & ~accept]
        np.minimum.at(result, (pt, pr), dist)
        result[result > region_cap[None, :]] = np.inf
        return result

    # ------------------------------------------------------------------------------------------------ helpers

    def _simplified(self, tracks: list[tuple[np.ndarray, np.ndarray]]) -> tuple[_Flat, _Flat]:
        """Every track simplified twice: a detailed copy within ``track_tolerance_m`` of the path, and a coarse copy
        (``_COARSE_TRACK_M`` more) for the far-away pairs. Each as (lon, lat, track number, start offsets), by track.

        Douglas–Peucker runs in lon/lat with longitudes scaled by cos(mean latitude) per track, so tolerances are
        in metres (÷ 110.5 km per degree); long legs are then re-cut (see ``_TRACK_SEGMENT_DEG``).
        """
        return self._simplified_flat(*_flat(tracks))

    def _simplified_flat(self, lon: np.ndarray, lat: np.ndarray, starts: np.ndarray, *,
                         coarse: bool = True) -> tuple[_Flat, _Flat]:  # fmt: skip
        """:meth:`_simplified` of flat tracks (``lon[starts[i]:starts[i + 1]]``…); without ``coarse`` the second
        copy is the first one (not computed)."""
        lengths = np.diff(starts)
        n_tracks = len(lengths)
        owner = np.repeat(np.arange(n_tracks), lengths)
        multi = lengths >= 2
        if not multi.any():
            return (lon, lat, owner, starts), (lon, lat, owner, starts)
        # Only tracks of two positions or more are LineStrings; one-position tracks (points: over when within a
        # region, else the point's distance) are put back in place after. The lines are numbered 0..k-1 among the
        # multi-position tracks only (shapely wants consecutive indices; ``multi_ids`` maps them back).
        sel = np.repeat(multi, lengths)
        multi_ids = np.flatnonzero(multi)
        line_of = np.cumsum(multi) - 1
        scale = np.cos(np.radians(np.add.reduceat(lat, starts[:-1]) / lengths))
        lines = shapely.linestrings(lon[sel] * scale[owner[sel]], lat[sel], indices=line_of[owner[sel]])
        moving = shapely.length(lines) > 0  # never-moved tracks stay as they are
        max_lat = np.clip(np.maximum.reduceat(np.abs(lat), starts[:-1])[multi_ids[moving]], 28.0, 80.0)
        shorten = np.sqrt(math.tan(math.radians(28.0)) / np.tan(np.radians(max_lat)))
        tolerance = max(self.track_tolerance_m - _TRACK_SEGMENT_ERR_M, self.track_tolerance_m / 2)
        out = []
        copies = ((tolerance, _TRACK_SEGMENT_DEG), (_COARSE_TRACK_M, _COARSE_TRACK_SEGMENT_DEG))
        for tol, segment in copies if coarse else copies[:1]:
            if tol > 0:
                lines[moving] = shapely.simplify(lines[moving], tol / _M_PER_DEG, preserve_topology=False)
            cut = shapely.segmentize(lines[moving], segment * shorten)
            level = lines.copy()
            level[moving] = cut
            coords, idx = shapely.get_coordinates(level, return_index=True)
            s_owner = multi_ids[idx]
            s_lon, s_lat = coords[:, 0] / scale[s_owner], coords[:, 1]
            if not multi.all():
                s_lon = np.concatenate([s_lon, lon[~sel]])
                s_lat = np.concatenate([s_lat, lat[~sel]])
                s_owner = np.concatenate([s_owner, owner[~sel]])
                order = np.argsort(s_owner, kind="stable")
                s_lon, s_lat, s_owner = s_lon[order], s_lat[order], s_owner[order]
            out.append((s_lon, s_lat, s_owner, np.searchsorted(s_owner, np.arange(n_tracks + 1))))
        return out[0], out[-1]


def _flat(tracks: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tracks as (lon, lat, start offsets + total), checked: every track non-empty, as many latitudes as longitudes."""
    lengths = np.array([len(lo) for lo, _ in tracks], dtype=np.intp)
    for (_, la), n in zip(tracks, lengths.tolist(), strict=True):
        if n == 0 or len(la) != n:
            raise ValueError("each track needs the same, non-zero number of longitudes and latitudes")
    if not tracks:
        return np.empty(0), np.empty(0), np.zeros(1, dtype=np.intp)
    lon = np.concatenate([np.asarray(lo, dtype=float) for lo, _ in tracks])
    lat = np.concatenate([np.asarray(la, dtype=float) for _, la in tracks])
    return lon, lat, np.concatenate(([0], np.cumsum(lengths)))


def _project_tracks(
    lon: np.ndarray, lat: np.ndarray, owner: np.ndarray, starts: np.ndarray, wanted: np.ndarray, zone: Zone
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Project the ``wanted`` tracks into ``zone``: (LineStrings, their (n, 4) bounds, their first vertices), m."""
    lengths = starts[wanted + 1] - starts[wanted]
    if len(wanted) == len(starts) - 1:
        take = slice(None)
    else:
        take = np.repeat(starts[wanted] - np.cumsum(np.concatenate(([0], lengths[:-1]))), lengths) + np.arange(
            int(lengths.sum())
        )
    x, y = projection.forward(zone).transform(lon[take], lat[take])
    x = np.asarray(x)
    y = np.asarray(y)
    local_starts = np.concatenate(([0], np.cumsum(lengths)))
    bounds = _group_bounds(x, y, local_starts)
    # A LineString needs two distinct vertices (GEOS gets zero-length lines wrong in places), so one-position
    # tracks, and tracks that never moved, become Points.
    still = (bounds[:, 0] == bounds[:, 2]) & (bounds[:, 1] == bounds[:, 3])
    local = np.repeat(np.arange(len(wanted)), lengths)
    if still.any():
        moving = ~still[local]
        lines = np.empty(len(wanted), dtype=object)
        lines[~still] = shapely.linestrings(x[moving], y[moving], indices=np.cumsum(~still)[local[moving]] - 1)
        lines[still] = shapely.points(bounds[still, 0], bounds[still, 1])
    else:
        lines = shapely.linestrings(x, y, indices=local)
    return lines, bounds, np.column_stack((x[local_starts[:-1]], y[local_starts[:-1]]))


#: Segments per run of a coarse track whose box is tested against a piece's box (``_runs_near``).
_RUN_SEGMENTS = 32


def _runs_near(lines: np.ndarray, rows: np.ndarray, boxes: np.ndarray, grow: float) -> np.ndarray:
    """For each pair (``lines[rows[i]]``, ``boxes[i]``): whether the box of any run of ``_RUN_SEGMENTS`` consecutive
    segments of the line (runs share their end vertex, so every segment lies in one run's box), grown by ``grow``,
    meets the box — the test applied to the whole line's box, on the parts of the line. A pair that fails it has
    every point of its line as far from the piece as a pair whose whole box fails it, so it would have been dropped
    or measured beyond the cap: skipping it changes no answer, and a long track is measured only against the
    pieces near some part of it, not against every piece near its overall box."""
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    x, y = coords[:, 0], coords[:, 1]
    starts = np.searchsorted(owner, np.arange(len(lines) + 1))
    per_row = np.maximum(1, -(-(np.diff(starts) - 1) // _RUN_SEGMENTS))
    first_run = np.cumsum(per_row) - per_row
    run_row = np.repeat(np.arange(len(lines)), per_row)
    a = starts[run_row] + _RUN_SEGMENTS * (np.arange(len(run_row)) - first_run[run_row])
    e = np.minimum(a + _RUN_SEGMENTS, starts[run_row + 1] - 1)  # a run's last vertex, the next run's first
    run_box = np.column_stack([np.minimum(np.minimum.reduceat(v, a), v[e]) for v in (x, y)]
                              + [np.maximum(np.maximum.reduceat(v, a), v[e]) for v in (x, y)])
    counts = per_row[rows]
    pair_of = np.repeat(np.arange(len(rows)), counts)
    offsets = np.cumsum(counts) - counts
    run = np.repeat(first_run[rows], counts) + np.arange(int(counts.sum())) - np.repeat(offsets, counts)
    mb, b = run_box[run], boxes[pair_of]
    meets = (mb[:, 0] - grow <= b[:, 2]) & (mb[:, 2] + grow >= b[:, 0]) & (mb[:, 1] - grow <= b[:, 3]) & (
        mb[:, 3] + grow >= b[:, 1])  # fmt: skip
    return np.logical_or.reduceat(meets, offsets)


def _distances(outlines: np.ndarray, tracks: np.ndarray) -> np.ndarray:
    """Pairwise distances, as the length of ``shortest_line``: GEOS then uses the indexed facet distance of the first
    geometry when it is prepared, building an index of the second one for the call. Both sides are prepared, so the
    one with more vertices goes first (its index is reused; the smaller one is indexed each time)."""
    out = np.empty(len(tracks))
    swap = shapely.get_num_coordinates(tracks) > 2 * shapely.get_num_coordinates(outlines)
    out[swap] = shapely.length(shapely.shortest_line(tracks[swap], outlines[swap]))
    out[~swap] = shapely.length(shapely.shortest_line(outlines[~swap], tracks[~swap]))
    return out


def _outline(geom: BaseGeometry) -> BaseGeometry:
    """What distances are measured to, for a path that does not intersect ``geom``: the rings of its polygons and
    its lines and points as they are (a lineal region such as the border has no interior to be inside of)."""
    parts = []
    for part in shapely.get_parts(geom).tolist():
        if part.geom_type in ("Polygon", "MultiPolygon"):
            parts.extend(shapely.get_parts(part.boundary).tolist())
        elif part.geom_type == "GeometryCollection":
            parts.append(_outline(part))
        elif not part.is_empty:
            parts.append(part)
    if all(p.geom_type == "LineString" for p in parts):
        return shapely.multilinestrings(parts)
    return shapely.geometrycollections(parts)


def _simplified_outlines(outlines: np.ndarray, tolerance: float) -> np.ndarray:
    """Outlines simplified by ``tolerance`` metres (topology kept, so no ring vanishes and every outline stays
    within ``tolerance`` of the original); any that would come out empty stay as they are."""
    coarse = shapely.simplify(outlines, tolerance, preserve_topology=True)
    empty = shapely.is_empty(coarse)
    coarse[empty] = outlines[empty]
    return coarse


def _group_bounds(x: np.ndarray, y: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """(n, 4) min/max bounds of the consecutive groups ``starts[i]:starts[i + 1]`` (every group non-empty)."""
    s = starts[:-1]
    return np.column_stack(
        (np.minimum.reduceat(x, s), np.minimum.reduceat(y, s), np.maximum.reduceat(x, s), np.maximum.reduceat(y, s))
    )


def _grow_lonlat(bounds: tuple[float, float, float, float], metres: float) -> tuple[float, float, float, float]:
    """Grow lon/lat bounds by at least ``metres`` in every direction (conservatively, for a bbox prefilter)."""
    pad_lat = metres / _M_PER_DEG * 1.01
    max_abs_lat = min(89.0, max(abs(bounds[1]), abs(bounds[3])) + pad_lat)
    pad_lon = min(360.0, pad_lat / max(math.cos(math.radians(max_abs_lat)), 1e-3))
    return bounds[0] - pad_lon, bounds[1] - pad_lat, bounds[2] + pad_lon, bounds[3] + pad_lat


#: Region kinds that are points (thousands of them): tagged only within ``settings.POINT_REGION_CAP_NM``.
POINT_REGION_KINDS = frozenset({"airbase", "airport"})
#: First-level subdivisions worldwide (~3,000): tagged only within ``settings.SUBDIVISION_REGION_CAP_NM``. Without
#: it a track over Europe is measured against ~230 regions instead of ~40, and tagging ran 2.5x slower.
SUBDIVISION_REGION_KINDS = frozenset({"subdivision"})


def region_cap_nm(kind: str) -> float | None:
    """The tagging cap of a region of this kind: ``POINT_REGION_CAP_NM`` for air bases and airports,
    ``SUBDIVISION_REGION_CAP_NM`` for first-level subdivisions, None (the tagger's own cap,
    ``REGION_DISTANCE_CAP_NM``) for the others. Questions and claims asking for more are declined
    (``evidence.selectors.distances_beyond_measurement``)."""
    from django.conf import settings

    if kind in POINT_REGION_KINDS:
        return float(getattr(settings, "POINT_REGION_CAP_NM", 100.0))
    if kind in SUBDIVISION_REGION_KINDS:
        return float(getattr(settings, "SUBDIVISION_REGION_CAP_NM", 100.0))
    return None
