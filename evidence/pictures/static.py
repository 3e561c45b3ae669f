"""PNG and SVG pictures with matplotlib (Agg canvas, no pyplot state: safe in threads and workers).

Colours are colour-blind safe: tracks by altitude on ``cividis`` (readable with every common colour-vision
deficiency and in greyscale), other marks from the Okabe–Ito palette. Every picture comes with its text alternative
(``Picture.alt``), and the map with the pixel box of its plot area so a caller (or a test) can place coordinates.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import matplotlib

matplotlib.use("Agg")

import numpy as np
from matplotlib import colormaps, patheffects
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch, Polygon
from shapely.geometry.base import BaseGeometry

from .data import MissionTrack, Outline, Timeline

#: Okabe & Ito (2008), "Color Universal Design", without its yellow (too faint as a line on a light map), the
#: strongest colours first.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
TRACK_CMAP = "cividis"
ALTITUDE_RANGE_FT = (0.0, 45_000.0)
LAND = "#f3f2ee"
WATER = "#e6eff6"
SEA = "#dbe8f2"
EDGE = "#9a9a9a"
OVER_FILL = "#E69F00"  # regions flown over (orange, Okabe–Ito)
BORDER = "#000000"
BAR = "#0072B2"  # bars (blue, Okabe–Ito)
BASELINE = "#999999"
CLAIMED = "#D55E00"  # claimed rate (vermillion, Okabe–Ito)
DPI = 100
FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


@dataclass
class Picture:
    content: bytes
    content_type: str
    alt: str
    #: Map only: (left, top, right, bottom) pixels of the plot area and (min_lon, min_lat, max_lon, max_lat) drawn.
    axes_box: tuple[float, float, float, float] | None = None
    extent: tuple[float, float, float, float] | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _save(fig: Figure, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown picture format {fmt!r} (png or svg)")
    buf = io.BytesIO()
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buf, format=fmt, dpi=DPI, metadata=metadata)
    return buf.getvalue()


def _axes_box(fig: Figure, ax: Any) -> tuple[float, float, float, float]:
    fig.canvas.draw()
    box = ax.get_window_extent()
    height = fig.bbox.height
    return float(box.x0), float(height - box.y1), float(box.x1), float(height - box.y0)


# --- Maps ------------------------------------------------------------------------------------------------------------


def _patches(geom: BaseGeometry) -> list[Polygon]:
    polys = []
    for part in getattr(geom, "geoms", [geom]):
        if part.geom_type == "Polygon":
            polys.append(Polygon(list(part.exterior.coords), closed=True))
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            polys.extend(_patches(part))
    return polys


def _lines(geom: BaseGeometry) -> list[list[tuple[float, float]]]:
    out = []
    for part in getattr(geom, "geoms", [geom]):
        if part.geom_type == "LineString":
            out.append(list(part.coords))
        elif part.geom_type in ("MultiLineString", "GeometryCollection"):
            out.extend(_lines(part))
    return out


#: Kinds drawn as land (filled), as water, and as outlines only (areas that overlap land and sea).
LAND_KINDS = {"country", "us_state", "mx_state"}
WATER_KINDS = {"gulf"}
#: Kinds highlighted when flown over: the most specific places (not the countries or wide areas around them).
HIGHLIGHT_KINDS = {"us_state", "mx_state", "peninsula", "gulf"}


def _highlighted(outline: Outline, over: set[str], asked: set[str]) -> bool:
    """Flown over (a mission's map: the most specific places only), or asked about (a scope's map: any place the
    question named — a Russian oblast, a sea, a base — but a border, drawn as its line)."""
    if outline.kind == "border":
        return False
    return outline.slug in asked or (outline.slug in over and outline.kind in HIGHLIGHT_KINDS)


def _draw_outlines(ax: Any, outlines: Sequence[Outline], over: set[str], asked: set[str]) -> None:
    for outline in outlines:
        geom = outline.geometry
        if outline.kind == "border" or geom.geom_type in ("LineString", "MultiLineString"):
            lines = _lines(geom) or [list(p.exterior.coords) for p in _polys(geom)]
            ax.add_collection(LineCollection(lines, colors=BORDER, linewidths=1.4, linestyles="--", zorder=3))
            continue
        if outline.kind in LAND_KINDS:
            face, edge, width = LAND, EDGE, 0.5
        elif outline.kind in WATER_KINDS:
            face, edge, width = SEA, "#b9cfe0", 0.5
        else:
            face, edge, width = "none", "#c9c9c9", 0.4
        ax.add_collection(PatchCollection(_patches(geom), facecolor=face, edgecolor=edge, linewidth=width, zorder=1))
    for outline in outlines:
        if _highlighted(outline, over, asked):
            ax.add_collection(PatchCollection(
                _patches(outline.geometry), facecolor=OVER_FILL, alpha=0.28, edgecolor=OVER_FILL, linewidth=1.2,
                hatch="//", zorder=2,
            ))


def _polys(geom: BaseGeometry) -> list[Any]:
    return [p for p in getattr(geom, "geoms", [geom]) if p.geom_type == "Polygon"]


def _draw_track(ax: Any, track: MissionTrack, norm: Normalize, *, width: float, single_colour: str | None) -> Any:
    cmap = colormaps[TRACK_CMAP]
    drawn = None
    for piece in track.pieces:
        if len(piece) < 2:
            ax.plot(piece.lon, piece.lat, "o", ms=2, color=single_colour or cmap(0.5), zorder=5)
            continue
        xy = list(zip(piece.lon.tolist(), piece.lat.tolist(), strict=True))
        segments = [xy[i : i + 2] for i in range(len(xy) - 1)]
        lc = LineCollection(segments, linewidths=width, zorder=5, capstyle="round")
        if not single_colour:
            lc.set_path_effects([patheffects.Stroke(linewidth=width + 1.6, foreground="#222222"),
                                 patheffects.Normal()])
        if single_colour:
            lc.set_color(single_colour)
        else:
            alt = piece.alt_ft[:-1].copy()
            alt[~(alt == alt)] = norm.vmin  # unknown altitude: drawn at the low end
            lc.set_array(alt)
            lc.set_cmap(cmap)
            lc.set_norm(norm)
        ax.add_collection(lc)
        drawn = lc
    return drawn


def _draw_flat(ax: Any, tracks: Sequence[MissionTrack], groups: dict[int, tuple[str, str]], *, width: float) -> None:
    """Many tracks, one colour each (their group's, or blue): one LineCollection of whole pieces per colour, so a
    map of 1,500 missions is a handful of draw calls. Pieces stay separate lines: gaps stay gaps."""
    by_colour: dict[str, list[Any]] = {}
    for track in tracks:
        colour = groups.get(track.mission_id, ("", "#0072B2"))[1]
        for piece in track.pieces:
            if len(piece) >= 2:
                by_colour.setdefault(colour, []).append(np.column_stack([piece.lon, piece.lat]))
    for colour, lines in by_colour.items():
        ax.add_collection(LineCollection(lines, colors=colour, linewidths=width, alpha=0.8, zorder=5,
                                         capstyle="round"))


def _draw_marks(ax: Any, track: MissionTrack) -> None:
    if track.start:
        ax.plot(*track.start, marker="o", ms=9, mfc="white", mec="black", mew=1.8, zorder=7, linestyle="none",
                label="start")
    if track.end:
        ax.plot(*track.end, marker="s", ms=8, mfc="black", mec="white", mew=1.2, zorder=7, linestyle="none",
                label="end")
    for orbit in track.orbits:
        lat, lon, radius = orbit.get("lat"), orbit.get("lon"), orbit.get("radius_km")
        if lat is None or lon is None:
            continue
        if radius:
            r_lat = float(radius) / 111.32
            circle = Circle((lon, lat), r_lat, fill=False, ec="#CC79A7", lw=1.6, ls=":", zorder=6)
            circle.set_transform(ax.transData)
            ax.add_patch(circle)
        ax.plot(lon, lat, marker="+", ms=12, mew=2, color="#CC79A7", zorder=7, linestyle="none", label="orbit centre")
    for near in track.near:
        ax.plot([near.track_lon, near.region_lon], [near.track_lat, near.region_lat], color="#009E73", lw=1.2,
                zorder=6)
        ax.plot(near.track_lon, near.track_lat, marker="D", ms=5, color="#009E73", zorder=7, linestyle="none",
                label="nearest point")
        ax.annotate(f"{near.distance_nm:.1f} nm to {near.name}", (near.region_lon, near.region_lat), fontsize=7,
                    xytext=(4, 4), textcoords="offset points", zorder=8, color="#004d38")


#: The map's plot area in figure fractions (left, bottom, width, height); the colour bar sits to its right.
MAP_RECT = (0.07, 0.07, 0.77, 0.86)
MAP_SIZE = (900, 640)


def _lon_scale(extent: tuple[float, float, float, float]) -> float:
    return max(math.cos(math.radians((extent[1] + extent[3]) / 2)), 0.05)


def map_extent(
    extent: tuple[float, float, float, float], size: tuple[int, int] = MAP_SIZE
) -> tuple[float, float, float, float]:
    """The extent a map of ``size`` pixels actually shows: ``extent`` grown to fill the plot area."""
    return fit_extent(extent, MAP_RECT[2] * size[0] / (MAP_RECT[3] * size[1]), _lon_scale(extent))


def fit_extent(
    extent: tuple[float, float, float, float], ratio: float, k: float
) -> tuple[float, float, float, float]:
    """Grow the extent (around its centre) to the plot area's width/height ``ratio``, longitudes scaled by ``k``."""
    min_lon, min_lat, max_lon, max_lat = extent
    width, height = (max_lon - min_lon) * k, max_lat - min_lat
    if width / max(height, 1e-9) < ratio:
        grow = (height * ratio / k - (max_lon - min_lon)) / 2
        min_lon, max_lon = min_lon - grow, max_lon + grow
    else:
        grow = (width / ratio - height) / 2
        min_lat, max_lat = min_lat - grow, max_lat + grow
    return min_lon, min_lat, max_lon, max_lat


def render_map(
    tracks: Sequence[MissionTrack],
    outlines: Sequence[Outline],
    extent: tuple[float, float, float, float],
    *,
    title: str,
    alt: str,
    fmt: str = "png",
    size: tuple[int, int] = MAP_SIZE,
    over: set[str] | None = None,
    asked: set[str] | None = None,
    marks: bool = True,
    groups: dict[int, tuple[str, str]] | None = None,
) -> Picture:
    """Outlines, then every track (by altitude; one colour each when there are many), start/end, orbits and
    nearest points for a single mission. ``groups`` (mission id → (label, colour)) draws each group in one colour
    with a legend entry (a claim's linked and suggested missions). ``extent`` is (min_lon, min_lat, max_lon,
    max_lat); north up, equirectangular with longitudes scaled by cos φ at the centre so shapes look right."""
    fig = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    ax = fig.add_axes(MAP_RECT)
    min_lon, min_lat, max_lon, max_lat = map_extent(extent, size)
    k = _lon_scale(extent)
    ax.set_facecolor(WATER if outlines else "#fbfbfb")
    _draw_outlines(ax, outlines, over or set(), asked or set())
    norm = Normalize(*ALTITUDE_RANGE_FT)
    many = len(tracks) > 12
    coloured = None
    if many or groups:
        _draw_flat(ax, tracks, groups or {}, width=0.8 if many else 2.0)
    else:
        for track in tracks:
            coloured = coloured or _draw_track(ax, track, norm, width=2.4, single_colour=None)
            if marks:
                _draw_marks(ax, track)
    ax.set_xlim(min_lon, max_lon)
    ax.set_ylim(min_lat, max_lat)
    ax.set_aspect(1 / k, adjustable="box")
    extras: list[Any] = []
    named = [o.name for o in outlines if _highlighted(o, set(), asked or set())]
    if named:
        label = "asked: " + ", ".join(dict.fromkeys(named)) if len(set(named)) <= 2 else "places asked"
        extras.append(Patch(facecolor=OVER_FILL, alpha=0.4, hatch="//", edgecolor=OVER_FILL, label=label))
    elif over and any(_highlighted(o, over, set()) for o in outlines):
        extras.append(Patch(facecolor=OVER_FILL, alpha=0.4, hatch="//", edgecolor=OVER_FILL, label="flown over"))
    if groups:
        for label, colour in dict.fromkeys(groups.values()):
            n = sum(1 for t in tracks if groups.get(t.mission_id) == (label, colour))
            extras.append(Line2D([], [], color=colour, lw=2, label=f"{label} ({n})"))
    elif many:
        extras.append(Line2D([], [], color="#0072B2", lw=1.5, label=f"mission tracks ({len(tracks)})"))
    if any(o.kind == "border" for o in outlines):
        extras.append(Line2D([], [], color=BORDER, ls="--", lw=1.4, label="border"))
    ax.set_title(title, fontsize=11, loc="left")
    ax.tick_params(labelsize=7)
    ax.xaxis.set_major_formatter(lambda v, _: f"{abs(v):g}°{'W' if v < 0 else 'E' if v > 0 else ''}")
    ax.yaxis.set_major_formatter(lambda v, _: f"{abs(v):g}°{'S' if v < 0 else 'N' if v > 0 else ''}")
    if coloured is not None:
        cax = fig.add_axes((0.87, 0.2, 0.02, 0.6))
        bar = fig.colorbar(coloured, cax=cax)
        bar.set_label("altitude (ft)", fontsize=8)
        bar.ax.tick_params(labelsize=7)
    handles, labels = ax.get_legend_handles_labels()
    unique = {label: h for label, h in zip(labels, handles, strict=True) if label and not label.startswith("_")}
    for extra in extras:
        unique[extra.get_label()] = extra
    if unique:
        ax.legend(unique.values(), unique.keys(), loc="lower left", fontsize=7, framealpha=0.85)
    fig.text(0.07, 0.012, "Flightcheck · outlines: Flightcheck regions · gaps in reception left blank",
             fontsize=7, color="#555555")
    box = _axes_box(fig, ax)
    return Picture(
        content=_save(fig, fmt), content_type=FORMATS[fmt], alt=alt, axes_box=box,
        extent=(min_lon, min_lat, max_lon, max_lat),
        meta={"tracks": len(tracks), "outlines": len(outlines)},
    )


# --- Timeline and bars -----------------------------------------------------------------------------------------------


#: The timeline's y axis reaches this many times its highest value: the legend sits in the space above the bars.
TIMELINE_HEADROOM = 1.7


def render_timeline(line: Timeline, *, title: str, fmt: str = "png", size: tuple[int, int] = (900, 420)) -> Picture:
    """Bars per bucket; the baseline's expected count as a line in a grey 5–95 % band; the claimed rate dashed."""
    fig = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI)
    ax = fig.add_axes((0.07, 0.16, 0.9, 0.72))
    x = list(range(len(line.buckets)))
    counts = [b.count for b in line.buckets]
    ax.bar(x, counts, width=0.8, color=BAR, label=f"missions per {line.unit}", zorder=3)
    if line.baseline_period is not None:
        lows = [b.low or 0 for b in line.buckets]
        highs = [b.high or 0 for b in line.buckets]
        edges = [i - 0.5 for i in x] + [x[-1] + 0.5] if x else []
        ax.fill_between(edges, [*lows, lows[-1]] if x else [], [*highs, highs[-1]] if x else [], step="post",
                        color=BASELINE, alpha=0.35, label="baseline 5–95 % range", zorder=1, lw=0)
        ax.step(edges, [*(b.expected or 0 for b in line.buckets), line.buckets[-1].expected or 0] if x else [],
                where="post", color="#555555", lw=1.2, zorder=2,
                label=f"baseline expected ({(line.baseline_rate_per_day or 0) * 30.44:.2f} a month, "
                      f"{line.baseline_period.start:%Y-%m-%d} to {line.baseline_period.end:%Y-%m-%d})")
    if any(b.claimed is not None for b in line.buckets):
        edges = [i - 0.5 for i in x] + [x[-1] + 0.5]
        ax.step(edges, [*(b.claimed or 0 for b in line.buckets), line.buckets[-1].claimed or 0], where="post",
                color=CLAIMED, lw=2, ls="--", label=f"claimed: {line.claimed_text}", zorder=4)
    ticks = _tick_positions(len(x))
    ax.set_xticks(ticks)
    ax.set_xticklabels([_tick_label(line, i) for i in ticks], fontsize=7, rotation=30, ha="right")
    ax.set_xlim(-0.6, max(len(x) - 0.4, 0.6))
    # headroom above the highest bar for the legend (upper left): it must never hide a bar
    ax.set_ylim(0, max([*counts, *(b.high or 0 for b in line.buckets), *(b.claimed or 0 for b in line.buckets),
                        1]) * TIMELINE_HEADROOM)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylabel(f"missions per {line.unit}", fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(axis="y", color="#e0e0e0", zorder=0)
    ax.set_title(title, fontsize=11, loc="left")
    ax.legend(loc="upper left", fontsize=7, framealpha=0.9)
    return Picture(content=_save(fig, fmt), content_type=FORMATS[fmt], alt=line.describe(),
                   axes_box=_axes_box(fig, ax), meta={"bars": len(x), "nonzero_bars": sum(1 for c in counts if c)})


def _tick_positions(n: int, most: int = 16) -> list[int]:
    step = max(1, math.ceil(n / most))
    return list(range(0, n, step))


def _tick_label(line: Timeline, i: int) -> str:
    b = line.buckets[i]
    return b.start.strftime("%Y-%m") if line.unit == "month" else b.start.isoformat()


#: Longest bar label drawn (the left margin holds about this many characters); the text alternative has them whole.
BAR_LABEL_MAX = 38


def _short_label(label: str) -> str:
    return label if len(label) <= BAR_LABEL_MAX else label[: BAR_LABEL_MAX - 1].rstrip() + "…"


def _wrapped_label(label: str) -> str:
    """A long label on up to three lines of ``BAR_LABEL_MAX`` characters (a comparison's side names its whole
    difference: "R135 (Boeing RC-135), within 50 nm of Kaliningrad Oblast (over included)"), cut after that."""
    lines = textwrap.wrap(label, BAR_LABEL_MAX)
    if len(lines) > 3:
        lines = [*lines[:2], _short_label(" ".join(lines[2:]))]
    return "\n".join(lines)


def render_bars(
    rows: Sequence[tuple[str, int]], *, title: str, alt: str, fmt: str = "png", size: tuple[int, int] = (900, 0),
    most: int = 25, wrap: bool = False,
) -> Picture:
    """Horizontal bars in the order given, the first at the top (at most ``most``; the rest summed as "others").
    ``wrap``: long labels on up to three lines instead of cut to one."""
    rows = list(rows)
    if len(rows) > most:
        rows = [*rows[: most - 1], (f"{len(rows) - most + 1} others", sum(n for _, n in rows[most - 1 :]))]
    per_row = 44 if wrap else 26
    extra = 18 * title.count("\n")  # room for a title on more than one line
    height = size[1] or max(220, 60 + extra + per_row * len(rows))
    fig = Figure(figsize=(size[0] / DPI, height / DPI), dpi=DPI)
    ax = fig.add_axes((0.3, 60 / height * 0.6, 0.64, 1 - (70 + extra) / height))
    labels = [(_wrapped_label if wrap else _short_label)(label) for label, _ in rows][::-1]
    values = [n for _, n in rows][::-1]
    ax.barh(range(len(rows)), values, color=BAR, height=0.7, zorder=3)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels, fontsize=8)
    for i, v in enumerate(values):
        ax.text(v, i, f" {v}", va="center", fontsize=8, zorder=4)
    ax.set_xlim(0, max([*values, 1]) * 1.15)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(axis="x", color="#e0e0e0", zorder=0)
    ax.set_title(title, fontsize=11, loc="left")
    return Picture(content=_save(fig, fmt), content_type=FORMATS[fmt], alt=alt, axes_box=_axes_box(fig, ax),
                   meta={"bars": len(rows)})
