"""The demo flight dataset, written as readsb day-archive trace files and loaded through the real importer.

It matches the demo article (claims/demo.py): 18 surveillance missions between 27 January and 5 February 2025 over
California, Arizona, Texas and near the Baja peninsula — 11 of them Navy P-8s, one U-2 on 3 February that flies
near (not over) Texas, one Air Force RC-135 Rivet Joint on 4 February that loops around the Baja peninsula, orbits off
Sinaloa and comes within ~35 nm of it — plus a baseline of one surveillance mission a month through 2024 and ordinary
traffic (transport, tanker, airliner) that is not surveillance. A second story (``WORLD_STORY``) happens elsewhere in
the world: RQ-4 and RC-135 flights over the Black Sea and near Kaliningrad in October 2025.

Files are split at midnight UTC like real day archives, so a mission that crosses midnight arrives in two files and
must be merged by the importer. Everything is deterministic: the same call writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from evidence.flightdata.synth import SynthTrack, sortie, trace_document, trace_path, write_trace

# Bases (lat, lon)
NORTH_ISLAND = (32.699, -117.215)  # NAS North Island, San Diego
CORPUS_CHRISTI = (27.693, -97.291)  # NAS Corpus Christi
DAVIS_MONTHAN = (32.166, -110.883)  # Davis-Monthan AFB, Tucson
BEALE = (39.136, -121.436)  # Beale AFB
TINKER = (35.415, -97.387)  # Tinker AFB
HOLLOMAN = (32.852, -106.106)  # Holloman AFB
MARCH = (33.881, -117.259)  # March ARB
KELLY = (29.384, -98.581)  # JBSA Kelly Field, San Antonio
BIGGS = (31.850, -106.380)  # Biggs AAF, El Paso
LAUGHLIN = (29.359, -100.778)  # Laughlin AFB, Del Rio
PHOENIX = (33.434, -112.012)
SAN_DIEGO_INTL = (32.733, -117.190)
DALLAS_LOVE = (32.847, -96.852)
HOUSTON_HOBBY = (29.645, -95.279)

# Bases of the second story (lat, lon)
SIGONELLA = (37.402, 14.922)  # NAS Sigonella, Sicily: RQ-4 detachment
WADDINGTON = (53.166, -0.524)  # RAF Waddington: the RAF's RC-135W Airseeker
MILDENHALL = (52.362, 0.486)  # RAF Mildenhall: USAF RC-135 deployments

NAVY = "United States Navy"
USAF = "United States Air Force"
RAF = "Royal Air Force"


@dataclass(frozen=True)
class Airframe:
    hex: str
    registration: str
    icao_type: str
    description: str
    operator: str
    military: bool
    year: int | None = None


AIRFRAMES = {
    a.hex: a
    for a in [
        Airframe("ae6801", "168754", "P8", "BOEING P-8A Poseidon", NAVY, True, 2016),
        Airframe("ae6802", "168755", "P8", "BOEING P-8A Poseidon", NAVY, True, 2016),
        Airframe("ae6803", "168756", "P8", "BOEING P-8A Poseidon", NAVY, True, 2017),
        Airframe("ae6804", "168757", "P8", "BOEING P-8A Poseidon", NAVY, True, 2017),
        Airframe("ae6805", "168758", "P8", "BOEING P-8A Poseidon", NAVY, True, 2017),
        Airframe("ae0907", "80-1071", "U2", "LOCKHEED U-2S", USAF, True, 1981),
        Airframe("ae01c5", "62-4134", "R135", "BOEING RC-135V Rivet Joint", USAF, True, 1962),
        Airframe("ae1140", "77-0351", "E3TF", "BOEING E-3G Sentry", USAF, True, 1977),
        Airframe("ae5415", "04-2015", "Q4", "NORTHROP GRUMMAN RQ-4B Global Hawk", USAF, True, 2004),
        Airframe("ae2f05", "161405", "P3", "LOCKHEED P-3C Orion", NAVY, True, 1982),
        Airframe("ae07e1", "05-5140", "C17", "BOEING C-17A Globemaster III", USAF, True, 2005),
        Airframe("ae04c0", "63-8880", "K35R", "BOEING KC-135R Stratotanker", USAF, True, 1963),
        Airframe("a1b2c3", "N8301J", "B738", "BOEING 737-800", "Southwest Airlines", False, 2012),
        # The second story: NATO's eastern flank, October 2025.
        Airframe("ae5416", "11-2046", "Q4", "NORTHROP GRUMMAN RQ-4B Global Hawk", USAF, True, 2011),
        Airframe("43c6f1", "ZZ664", "R135", "BOEING RC-135W Airseeker", RAF, True, 1964),
        Airframe("43c6f2", "ZZ665", "R135", "BOEING RC-135W Airseeker", RAF, True, 1964),
    ]
}


@dataclass(frozen=True)
class DemoFlight:
    start: str  # "YYYY-MM-DD HH:MM" UTC, first position (taxi)
    hex: str
    callsign: str
    route: tuple[tuple[float, float], ...]
    speed_kt: float = 400.0
    cruise_ft: float = 28_000.0
    orbit: dict[str, Any] | None = None
    #: What the flight is for, in the demo's story (documentation and tests).
    note: str = ""


def _f(start: str, hex_: str, callsign: str, *route: tuple[float, float], **kw: Any) -> DemoFlight:
    return DemoFlight(start, hex_, callsign, tuple(route), **kw)


#: The 18 surveillance missions of 27 January – 5 February 2025.
STORY = [
    _f(
        "2025-01-27 15:00",
        "ae6801",
        "PELCN11",
        NORTH_ISLAND,
        (32.0, -117.9),
        (31.5, -117.2),
        NORTH_ISLAND,
        note="P-8 off northern Baja, international airspace",
    ),
    _f("2025-01-28 16:00", "ae6802", "PELCN12", NORTH_ISLAND, (32.3, -118.3), (31.8, -117.7), NORTH_ISLAND),
    _f(
        "2025-01-29 14:00",
        "ae6803",
        "PELCN13",
        NORTH_ISLAND,
        (31.5, -117.0),
        (30.0, -115.9),
        (29.5, -116.8),
        NORTH_ISLAND,
        note="P-8 crossing the Baja coast",
    ),
    _f(
        "2025-01-30 17:00",
        "ae6801",
        "PELCN11",
        NORTH_ISLAND,
        (31.9, -117.5),
        NORTH_ISLAND,
        orbit={"after": 1, "radius_km": 12.0, "turns": 3.0, "speed_kt": 250.0},
        note="P-8 orbit off Ensenada",
    ),
    _f("2025-01-31 15:30", "ae6804", "PELCN14", DAVIS_MONTHAN, (31.45, -111.5), (31.45, -110.0), DAVIS_MONTHAN),
    _f("2025-02-01 16:00", "ae6802", "PELCN12", NORTH_ISLAND, (31.2, -117.0), (30.4, -116.5), NORTH_ISLAND),
    _f(
        "2025-02-01 22:00",
        "ae6805",
        "PELCN15",
        CORPUS_CHRISTI,
        (27.6, -99.4),
        (26.4, -98.5),
        (26.0, -97.6),
        CORPUS_CHRISTI,
        note="P-8 along the Rio Grande; crosses midnight UTC",
    ),
    _f("2025-02-02 15:00", "ae6803", "PELCN13", NORTH_ISLAND, (31.8, -116.5), (31.5, -117.3), NORTH_ISLAND),
    _f("2025-02-03 13:00", "ae6804", "PELCN14", DAVIS_MONTHAN, (31.4, -110.9), (31.45, -109.5), DAVIS_MONTHAN),
    _f("2025-02-04 18:00", "ae6801", "PELCN11", NORTH_ISLAND, (32.0, -118.0), (31.4, -117.3), NORTH_ISLAND),
    _f("2025-02-05 16:00", "ae6805", "PELCN15", CORPUS_CHRISTI, (26.8, -97.9), (27.2, -98.9), CORPUS_CHRISTI),
    _f(
        "2025-02-03 17:00",
        "ae0907",
        "DRAGN61",
        HOLLOMAN,
        (32.0, -106.75),
        (31.8, -107.5),
        (31.8, -108.2),
        HOLLOMAN,
        speed_kt=410.0,
        cruise_ft=68_000.0,
        note="U-2 along the New Mexico border, within a few nm of Texas",
    ),
    _f(
        "2025-02-04 14:00",
        "ae01c5",
        "TOXIN51",
        DAVIS_MONTHAN,
        (31.5, -113.5),
        (28.5, -112.5),
        (24.7, -108.7),
        (22.6, -110.2),
        (24.5, -112.6),
        (27.3, -115.3),
        (28.6, -112.9),
        (31.5, -113.0),
        DAVIS_MONTHAN,
        speed_kt=420.0,
        cruise_ft=30_000.0,
        orbit={"after": 3, "radius_km": 14.0, "turns": 2.5, "speed_kt": 280.0},
        note="RC-135 Rivet Joint looping around the Baja peninsula, orbiting off Sinaloa",
    ),
    _f(
        "2025-01-27 20:00",
        "ae1140",
        "DARKSTR1",
        TINKER,
        (31.0, -103.0),
        (30.1, -102.3),
        TINKER,
        speed_kt=360.0,
        orbit={"after": 1, "radius_km": 15.0, "turns": 2.0, "speed_kt": 300.0},
        note="E-3 over West Texas",
    ),
    _f("2025-02-02 19:00", "ae1140", "DARKSTR2", TINKER, (34.0, -111.0), TINKER, speed_kt=360.0),
    _f(
        "2025-01-29 21:00",
        "ae5415",
        "FORTE11",
        BEALE,
        (35.0, -117.0),
        (32.6, -114.8),
        (31.5, -110.5),
        (31.0, -110.0),
        (31.6, -109.2),
        BEALE,
        speed_kt=320.0,
        cruise_ft=55_000.0,
        note="Global Hawk along the Arizona border",
    ),
    _f("2025-02-05 23:30", "ae5415", "FORTE12", BEALE, (33.0, -116.8), BEALE, speed_kt=320.0, cruise_ft=55_000.0),
    _f(
        "2025-01-31 12:00",
        "ae2f05",
        "PD605",
        NORTH_ISLAND,
        (31.5, -117.4),
        (30.8, -116.6),
        (29.8, -116.3),
        NORTH_ISLAND,
        speed_kt=320.0,
        cruise_ft=20_000.0,
    ),
]

#: About one surveillance mission a month through 2024.
BASELINE_2024 = [
    _f("2024-01-15 14:00", "ae6801", "PELCN11", NORTH_ISLAND, (33.0, -119.0), NORTH_ISLAND),
    _f("2024-02-15 14:00", "ae0907", "DRAGN60", BEALE, (36.5, -120.0), BEALE, speed_kt=410.0, cruise_ft=68_000.0),
    _f("2024-03-15 14:00", "ae01c5", "TOXIN50", MARCH, (31.5, -119.5), MARCH, speed_kt=420.0),
    _f("2024-04-15 14:00", "ae6802", "PELCN12", DAVIS_MONTHAN, (33.5, -112.5), DAVIS_MONTHAN),
    _f(
        "2024-05-15 14:00",
        "ae5415",
        "FORTE10",
        DAVIS_MONTHAN,
        (31.3, -110.5),
        (31.2, -109.5),
        DAVIS_MONTHAN,
        speed_kt=320.0,
        cruise_ft=55_000.0,
    ),
    _f("2024-06-15 14:00", "ae6803", "PELCN13", CORPUS_CHRISTI, (29.0, -97.0), CORPUS_CHRISTI),
    _f(
        "2024-07-15 14:00",
        "ae1140",
        "DARKSTR1",
        TINKER,
        (32.0, -99.0),
        TINKER,
        speed_kt=360.0,
        orbit={"after": 1, "radius_km": 15.0, "turns": 2.0, "speed_kt": 300.0},
    ),
    _f("2024-08-15 14:00", "ae6804", "PELCN14", NORTH_ISLAND, (33.5, -118.5), NORTH_ISLAND),
    _f("2024-09-15 14:00", "ae01c5", "TOXIN50", MARCH, (31.0, -117.8), MARCH, speed_kt=420.0),
    _f("2024-10-15 14:00", "ae2f05", "PD605", NORTH_ISLAND, (31.8, -118.5), NORTH_ISLAND, speed_kt=320.0),
    _f("2024-11-15 14:00", "ae6805", "PELCN15", NORTH_ISLAND, (33.2, -117.6), NORTH_ISLAND),
    _f(
        "2024-12-15 14:00",
        "ae5415",
        "FORTE10",
        DAVIS_MONTHAN,
        (31.8, -106.3),
        (31.0, -104.5),
        DAVIS_MONTHAN,
        speed_kt=320.0,
        cruise_ft=55_000.0,
    ),
]

#: Ordinary traffic that is not surveillance.
ORDINARY = [
    _f("2025-02-02 10:00", "ae07e1", "RCH123", KELLY, BIGGS, speed_kt=430.0, cruise_ft=31_000.0),
    _f(
        "2025-02-03 09:00",
        "ae04c0",
        "PACK41",
        LAUGHLIN,
        (28.8, -100.2),
        LAUGHLIN,
        speed_kt=400.0,
        orbit={"after": 1, "radius_km": 25.0, "turns": 2.0, "speed_kt": 330.0},
    ),
    _f("2025-01-30 08:00", "a1b2c3", "SWA1234", PHOENIX, SAN_DIEGO_INTL, speed_kt=440.0, cruise_ft=34_000.0),
    _f("2024-06-10 08:00", "a1b2c3", "SWA1234", DALLAS_LOVE, HOUSTON_HOBBY, speed_kt=420.0, cruise_ft=30_000.0),
]

#: The second story (claims/demo.py, WORLD_ARTICLE): October 2025 over the Black Sea and the Baltic. Four RQ-4B
#: missions from Sigonella to the Black Sea, each orbiting in international airspace 35–60 nm south-west of Crimea;
#: three RAF RC-135W missions from Waddington orbiting ~20 nm off Kaliningrad Oblast's coast (international airspace);
#: and one USAF RC-135V from Mildenhall on 28 October along the same Baltic track. So: 4 RC-135 flights near
#: Kaliningrad in October 2025 (3 RAF, 1 USAF), 4 RQ-4 flights over the Black Sea, none over Crimea or Kaliningrad.
BLACK_SEA_ORBIT = (43.95, 32.7)
KALININGRAD_ORBIT = (55.25, 19.2)
_RQ4 = {"speed_kt": 340.0, "cruise_ft": 55_000.0}
_RJ = {"speed_kt": 420.0, "cruise_ft": 31_000.0}
WORLD_STORY = [
    *(
        _f(f"2025-10-{day:02d} 05:00", "ae5416", "FORTE12", SIGONELLA, (39.6, 20.0), (41.3, 28.9), (42.6, 31.0),
           BLACK_SEA_ORBIT, (42.6, 31.0), (41.3, 28.9), (39.6, 20.0), SIGONELLA,
           orbit={"after": 4, "radius_km": 30.0, "turns": 4.0, "speed_kt": 340.0}, **_RQ4,
           note="RQ-4B over the Black Sea, orbiting south-west of Crimea in international airspace")
        for day in (3, 10, 17, 24)
    ),
    *(
        _f(f"2025-10-{day:02d} 07:00", hex_, "RRR7225", WADDINGTON, (55.4, 8.0), (55.3, 14.5), KALININGRAD_ORBIT,
           (55.3, 14.5), (55.4, 8.0), WADDINGTON,
           orbit={"after": 3, "radius_km": 18.0, "turns": 4.0, "speed_kt": 320.0}, **_RJ,
           note="RAF RC-135W orbiting ~20 nm off Kaliningrad Oblast")
        for day, hex_ in ((7, "43c6f1"), (14, "43c6f2"), (21, "43c6f1"))
    ),
    _f("2025-10-28 08:00", "ae01c5", "JAKE11", MILDENHALL, (55.4, 8.0), (55.3, 14.5), KALININGRAD_ORBIT,
       (55.3, 14.5), (55.4, 8.0), MILDENHALL,
       orbit={"after": 3, "radius_km": 18.0, "turns": 3.0, "speed_kt": 320.0}, **_RJ,
       note="USAF RC-135V from Mildenhall near Kaliningrad"),
]

ALL_FLIGHTS = STORY + BASELINE_2024 + ORDINARY + WORLD_STORY
STEP_SECONDS = 15.0


def _epoch(start: str) -> float:
    return dt.datetime.strptime(start, "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC).timestamp()


def _day_slices(track: SynthTrack) -> list[tuple[float, SynthTrack]]:
    """Cut a track at midnight UTC, like readsb day archives: [(day_start, part)]."""
    a = track.arrays()
    order = np.argsort(a["t"], kind="stable")
    a = {k: v[order] for k, v in a.items()}
    days = np.floor(a["t"] / 86400.0) * 86400.0
    out = []
    for day in np.unique(days):
        m = days == day
        part = SynthTrack()
        part.t.append(a["t"][m])
        part.lat.append(a["lat"][m])
        part.lon.append(a["lon"][m])
        part.alt.append(a["alt"][m])
        part.gs.append(a["gs"][m])
        part.ground.append(a["ground"][m])
        part.leg.append(a["leg"][m])
        part.callsign.append(list(a["callsign"][m]))
        out.append((float(day), part))
    return out


def write_demo_traces(directory: str | Path) -> list[Path]:
    """Write every demo flight as day-archive trace files under ``directory``; returns the files written."""
    directory = Path(directory)
    # One document per (aircraft, day): several flights of one aircraft on one day share a file, like readsb.
    per_file: dict[tuple[str, float], SynthTrack] = {}
    for flight in ALL_FLIGHTS:
        track = SynthTrack()
        sortie(
            track,
            _epoch(flight.start),
            flight.route,
            callsign=flight.callsign,
            speed_kt=flight.speed_kt,
            cruise_ft=flight.cruise_ft,
            step_s=STEP_SECONDS,
            orbit=flight.orbit,
        )
        for day, part in _day_slices(track):
            key = (flight.hex, day)
            if key in per_file:
                merged = per_file[key]
                for name in ("t", "lat", "lon", "alt", "gs", "ground", "leg", "callsign"):
                    getattr(merged, name).extend(getattr(part, name))
            else:
                per_file[key] = part
    paths = []
    for (hex_, day), track in sorted(per_file.items()):
        frame = AIRFRAMES[hex_]
        doc = trace_document(
            hex_,
            track,
            registration=frame.registration,
            icao_type=frame.icao_type,
            description=frame.description,
            operator=frame.operator,
            db_flags=1 if frame.military else 0,
            year=frame.year,
            day_start=day,
        )
        day_text = dt.datetime.fromtimestamp(day, tz=dt.UTC).strftime("%Y-%m-%d")
        # Day archives are gzip whatever the name says, as on real archives.
        paths.append(write_trace(trace_path(directory, hex_, day=day_text), doc, gzip=True))
    return paths
