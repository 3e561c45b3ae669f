"""A synthetic day archive at real scale, fast: ``write_day_tar`` packs ``aircraft`` readsb ``trace_full`` files
(14-field rows, gzip whatever the name says, ``YYYY/MM/DD/traces/<2 hex>/`` members) into one release tar,
streaming (no tree on disk), the members built in worker processes.

The traffic looks like a real day's: aircraft start where traffic is dense (Europe, North America, East Asia, the
Middle East) or anywhere between 40° S and 65° N, fly one to three flights (taxi on the ground, climb, cruise at
380–480 kt with gentle wandering, descent, taxi), positions every 8–26 s as readsb records them; callsigns only in
the sparse detail dicts; sources mostly ADS-B with some MLAT. ``military_share`` of the aircraft have US military
addresses (ae0000–afffff: the default keep filter keeps them), a third of those orbiting for an hour; the others
have civil addresses (counted for coverage only).
"""

from __future__ import annotations

import gzip
import io
import multiprocessing
import tarfile
import time
from pathlib import Path

import numpy as np
import orjson

DAY = 1738540800.0  # 2025-02-03 00:00Z
DAY_DIR = "2025/02/03"
#: (weight, min_lon, max_lon, min_lat, max_lat) of start areas.
AREAS = (
    (0.35, -10.0, 30.0, 36.0, 60.0),  # Europe
    (0.30, -123.0, -70.0, 26.0, 49.0),  # North America
    (0.15, 100.0, 140.0, 20.0, 42.0),  # East Asia
    (0.07, 30.0, 58.0, 22.0, 40.0),  # Middle East
    (0.13, -180.0, 180.0, -40.0, 65.0),  # anywhere
)
M_PER_DEG = 111_320.0


def addresses(aircraft: int, military_share: float, seed: int) -> tuple[list[str], list[bool]]:
    """Unique ICAO addresses: ``military_share`` of them in the US military block, the rest civil (never in a
    military block)."""
    from evidence.flightdata.registries import is_military_address

    rng = np.random.default_rng(seed)
    n_mil = round(aircraft * military_share)
    mil = rng.choice(np.arange(0xAE0000, 0xB00000), n_mil, replace=False)
    out: list[str] = [f"{a:06x}" for a in mil]
    seen = set(out)
    while len(out) < aircraft:
        for a in rng.integers(0x008000, 0xF00000, aircraft).tolist():
            h = f"{a:06x}"
            if h not in seen and not is_military_address(h):
                seen.add(h)
                out.append(h)
                if len(out) == aircraft:
                    break
    military = [i < n_mil for i in range(aircraft)]
    return out, military


def _flight(rng: np.random.Generator, t0: float, lon0: float, lat0: float, orbit: bool) -> dict[str, np.ndarray]:
    """One flight's columns: taxi, climb, cruise, descent, taxi."""
    minutes = float(rng.uniform(40, 150))
    step = float(rng.uniform(8, 26))
    n = max(int(minutes * 60 / step), 40)
    t = t0 + np.cumsum(rng.uniform(0.6 * step, 1.4 * step, n))
    taxi = min(8, n // 10)
    frac = np.linspace(0.0, 1.0, n)
    alt = np.minimum(np.minimum(frac, 1.0 - frac) * 6, 1.0) * float(rng.uniform(24_000, 39_000))
    alt = np.round(alt / 25) * 25
    gs = np.where(alt > 0, 140 + 300 * np.minimum(alt / 30_000, 1.0), 15.0) + rng.normal(0, 3, n)
    heading = np.radians(rng.uniform(0, 360)) + np.cumsum(rng.normal(0, 0.004, n))
    if orbit:  # an hour of standard-rate turns in the middle
        a = n // 3
        b = min(n, a + int(3600 / step))
        heading[a:b] += np.cumsum(np.full(b - a, np.radians(3.0) * step))
    dt = np.diff(t, prepend=t[0])
    dist = gs * 0.514444 * dt
    lat = lat0 + np.cumsum(dist * np.cos(heading)) / M_PER_DEG
    lat = np.clip(lat, -85, 85)
    lon = lon0 + np.cumsum(dist * np.sin(heading)) / (M_PER_DEG * np.cos(np.radians(lat)))
    lon = (lon + 180.0) % 360.0 - 180.0
    ground = np.zeros(n, dtype=bool)
    ground[:taxi] = ground[n - taxi :] = True
    track = np.degrees(heading) % 360.0
    return {"t": t, "lat": lat, "lon": lon, "alt": alt, "gs": gs, "track": track, "ground": ground}


def trace_bytes(hex_address: str, military: bool, seed: int) -> tuple[bytes, int]:
    """One aircraft's gzipped trace_full document and its number of positions."""
    rng = np.random.default_rng(seed)
    w, *boxes = zip(*AREAS, strict=True)
    k = int(rng.choice(len(AREAS), p=np.array(w) / sum(w)))
    lon, lat = float(rng.uniform(boxes[0][k], boxes[1][k])), float(rng.uniform(boxes[2][k], boxes[3][k]))
    t = DAY + float(rng.uniform(0, 10 * 3600))
    flights = []
    for _ in range(int(rng.integers(1, 4))):
        f = _flight(rng, t, lon, lat, military and rng.random() < 0.33)
        flights.append(f)
        lon, lat = float(f["lon"][-1]), float(f["lat"][-1])
        t = float(f["t"][-1]) + float(rng.uniform(1800, 4 * 3600))
        if t > DAY + 86_000:
            break
    c = {key: np.concatenate([f[key] for f in flights]) for key in flights[0]}
    keep = c["t"] < DAY + 86_399
    c = {key: v[keep] for key, v in c.items()}
    n = len(c["t"])
    off = np.round(c["t"] - DAY, 2).tolist()
    alt: list = np.round(c["alt"]).astype(np.int64).tolist()
    for i in np.flatnonzero(c["ground"]).tolist():
        alt[i] = "ground"
    starts = np.zeros(n, dtype=bool)
    starts[0] = True
    starts[1:] = np.diff(c["t"]) > 1500
    flags = np.where(starts, 2, 0).tolist()
    callsign = f"{'RCH' if military else 'XYZ'}{int(rng.integers(100, 9999))}"
    details: list = [None] * n
    for i in np.flatnonzero(starts | (rng.random(n) < 0.02)).tolist():
        details[i] = {"type": "adsb_icao", "flight": f"{callsign:<8}", "squawk": "1000"}
    src = np.where(rng.random(n) < 0.9, "adsb_icao", "mlat").tolist()
    rows = list(map(list, zip(off, np.round(c["lat"], 6).tolist(), np.round(c["lon"], 6).tolist(), alt,
                              np.round(c["gs"], 1).tolist(), np.round(c["track"], 1).tolist(), flags,
                              np.zeros(n, dtype=np.int64).tolist(), details, src, alt, [0] * n, [None] * n,
                              [0.0] * n, strict=True)))  # fmt: skip
    for row in rows:
        if row[10] == "ground":
            row[10] = None
    doc = {"icao": hex_address, "r": "", "t": "C17" if military else "A320", "dbFlags": 1 if military else 0,
           "timestamp": DAY, "trace": rows}  # fmt: skip
    return gzip.compress(orjson.dumps(doc), compresslevel=1), n


def _chunk(args: tuple[list[str], list[bool], int]) -> list[tuple[str, bytes, int]]:
    hexes, military, seed = args
    out = []
    for i, (h, m) in enumerate(zip(hexes, military, strict=True)):
        data, n = trace_bytes(h, m, seed + i)
        out.append((f"{DAY_DIR}/traces/{h[-2:]}/trace_full_{h}.json", data, n))
    return out


def write_day_tar(path: str | Path, aircraft: int, *, military_share: float = 0.03, seed: int = 7,
                  processes: int = 2) -> dict[str, float]:  # fmt: skip
    """Write the release tar; returns its figures (aircraft, positions, bytes, seconds)."""
    t0 = time.perf_counter()
    hexes, military = addresses(aircraft, military_share, seed)
    order = sorted(range(aircraft), key=lambda i: (hexes[i][-2:], hexes[i]))
    hexes, military = [hexes[i] for i in order], [military[i] for i in order]
    size = 500
    jobs = [(hexes[i : i + size], military[i : i + size], seed * 1_000_003 + i) for i in range(0, aircraft, size)]
    positions = 0
    with tarfile.open(path, "w") as tar, multiprocessing.get_context("fork").Pool(processes) as pool:
        for members in pool.imap(_chunk, jobs):
            for name, data, n in members:
                info = tarfile.TarInfo(name)
                info.size, info.mtime = len(data), int(DAY)
                tar.addfile(info, io.BytesIO(data))
                positions += n
    return {"aircraft": aircraft, "military": sum(military), "positions": positions, "bytes": Path(path).stat().st_size,
            "seconds": time.perf_counter() - t0}  # fmt: skip
