"""Aircraft registries: plane-alert-db CSV and tar1090-db ``aircraft.csv``, plus the military address ranges.

Registries disagree and have gaps, so the readers only report what each row says; deciding which value wins
(manual > registry > flight file) is the import service's job (evidence/services/registry_import.py).
Bad rows are collected with their line numbers instead of aborting the file: a registry with 600,000 rows and one
broken line is still worth importing, unlike a flight file (where a bad row means the file cannot be trusted). A file
that cannot be read at all (not UTF-8 text, a broken gzip) is refused whole by :func:`check_registry_file`, which
the import runs before writing anything.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

RegistryFormat = Literal["plane-alert", "tar1090"]

#: Military ICAO address blocks: (first, last, ISO 3166-1 alpha-2 country). Source: tar1090-db ``ranges.json``
#: (github.com/wiedehopf/tar1090-db, file last changed in commit fb38887c96bb, 2024-04-07), the list tar1090 and
#: readsb use to mark aircraft military; tar1090 is GPL-2.0-or-later, the ranges are reproduced here as facts. The
#: country of each range is the ICAO allocation that contains it (:mod:`evidence.flightdata.icao_allocations`).
#: 400000–40003f lies in the United Kingdom's allocation (ICAO's table lists 400000–4001bf as Bermuda's share of it;
#: Bermuda has no air arm, so the range is read as the UK's). A range is a hint, not proof: registries override it.
MILITARY_ADDRESS_RANGES: tuple[tuple[int, int, str], ...] = (
    (0xADF7C8, 0xAFFFFF, "US"),  # United States (civil N-numbers are a00001-adf7c7)
    (0x010070, 0x01008F, "EG"),  # Egypt
    (0x0A4000, 0x0A4FFF, "DZ"),  # Algeria
    (0x33FF00, 0x33FFFF, "IT"),  # Italy
    (0x350000, 0x37FFFF, "ES"),  # Spain
    (0x3AA000, 0x3AFFFF, "FR"),  # France
    (0x3B7000, 0x3BFFFF, "FR"),  # France
    (0x3EA000, 0x3EBFFF, "DE"),  # Germany
    (0x3F4000, 0x3FBFFF, "DE"),  # Germany
    (0x400000, 0x40003F, "GB"),  # United Kingdom (see above)
    (0x43C000, 0x43CFFF, "GB"),  # United Kingdom
    (0x444000, 0x446FFF, "AT"),  # Austria
    (0x44F000, 0x44FFFF, "BE"),  # Belgium
    (0x457000, 0x457FFF, "BG"),  # Bulgaria
    (0x45F400, 0x45F4FF, "DK"),  # Denmark
    (0x468000, 0x4683FF, "GR"),  # Greece
    (0x473C00, 0x473C0F, "HU"),  # Hungary
    (0x478100, 0x4781FF, "NO"),  # Norway
    (0x480000, 0x480FFF, "NL"),  # Netherlands
    (0x48D800, 0x48D87F, "PL"),  # Poland
    (0x497C00, 0x497CFF, "PT"),  # Portugal
    (0x498420, 0x49842F, "CZ"),  # Czechia
    (0x4B7000, 0x4B7FFF, "CH"),  # Switzerland
    (0x4B8200, 0x4B82FF, "TR"),  # Turkey
    (0x70C070, 0x70C07F, "OM"),  # Oman
    (0x710258, 0x71028F, "SA"),  # Saudi Arabia
    (0x710380, 0x71039F, "SA"),  # Saudi Arabia
    (0x738A00, 0x738AFF, "IL"),  # Israel
    (0x7CF800, 0x7CFAFF, "AU"),  # Australia
    (0x800200, 0x8002FF, "IN"),  # India
    (0xC20000, 0xC3FFFF, "CA"),  # Canada
    (0xE40000, 0xE41FFF, "BR"),  # Brazil
)


@dataclass(frozen=True)
class AddressInfo:
    """What an ICAO address alone says: the State it was allocated to and whether it is in a military block."""

    hex: str
    country: str  # ISO 3166-1 alpha-2, "" when the address is in no allocation (or is a non-ICAO ~ address)
    country_name: str
    military: bool
    #: ISO code of the military block the address is in ("" when not military).
    military_country: str


_MIL_STARTS = tuple(lo for lo, _, _ in sorted(MILITARY_ADDRESS_RANGES))
_MIL_SORTED = tuple(sorted(MILITARY_ADDRESS_RANGES))


def _address_number(hex_address: str) -> int | None:
    value = (hex_address or "").strip().lower()
    if not _HEX_RE.match(value) or value.startswith("~"):
        return None
    return int(value, 16)


def military_address_country(hex_address: str) -> str | None:
    """ISO alpha-2 code of the military block holding the address (``"ae1234"`` → ``"US"``), else None.

    Non-ICAO (``~``) and malformed addresses are never military. One bisection over the sorted ranges.
    """
    n = _address_number(hex_address)
    if n is None:
        return None
    i = bisect.bisect_right(_MIL_STARTS, n) - 1
    if i >= 0 and n <= _MIL_SORTED[i][1]:
        return _MIL_SORTED[i][2]
    return None


@functools.lru_cache(maxsize=4096)
def address_info(hex_address: str) -> AddressInfo:
    """The allocation (country) and military block of an ICAO address, from the address alone."""
    from evidence.flightdata.icao_allocations import ICAO_ALLOCATIONS

    n = _address_number(hex_address)
    country = name = ""
    if n is not None:
        best = None
        for lo, hi, code, cname in ICAO_ALLOCATIONS:
            if lo <= n <= hi and (best is None or hi - lo < best[1] - best[0]):
                best = (lo, hi, code, cname)
        if best:
            country, name = best[2], best[3]
    mil = military_address_country(hex_address) or ""
    return AddressInfo((hex_address or "").strip().lower(), country, name, bool(mil), mil)


_HEX_RE = re.compile(r"^~?[0-9a-fA-F]{6}$")
_NUL = "\x00"
NUL_REASON = "contains a NUL character (binary data, not a registry row)"
_DESIGNATOR_RE = re.compile(r"^[A-Z0-9]{2,4}$")


def normalise_hex(value: str) -> str | None:
    """Lowercase six-digit ICAO address (``~`` kept for non-ICAO addresses) or None when it is not one."""
    value = (value or "").strip()
    return value.lower() if _HEX_RE.match(value) else None


def is_military_address(hex_address: str) -> bool:
    """True when the ICAO address lies in a known military allocation (non-ICAO ``~`` addresses never do)."""
    return military_address_country(hex_address) is not None


def valid_designator(value: str) -> str:
    """An ICAO Doc 8643 designator in canonical form, or '' when the value is not one."""
    value = (value or "").strip().upper()
    return value if _DESIGNATOR_RE.match(value) else ""


@dataclass
class RegistryRecord:
    """One registry row. None means "this registry does not say" (distinct from an empty value)."""

    hex: str
    line: int
    registration: str = ""
    operator: str = ""
    type_name: str = ""
    icao_type: str = ""
    military: bool | None = None
    year: int | None = None
    tags: list[str] = field(default_factory=list)
    category: str = ""
    link: str = ""


@dataclass
class RegistryRowError:
    line: int
    reason: str


def _is_gzip(path: str | Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _open_text(path: str | Path) -> io.TextIOBase:
    if _is_gzip(path):
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")  # type: ignore[return-value]
    return open(path, encoding="utf-8-sig", newline="")


def check_registry_file(path: str | Path) -> None:
    """Read the whole file once, so that one that cannot be read is refused before anything is imported: raises
    ValueError naming the first line that is not UTF-8 text, or saying the gzip is broken (corrupt, truncated)."""
    number = 0
    try:
        with gzip.open(path, "rb") if _is_gzip(path) else open(path, "rb") as fh:
            for number, raw in enumerate(fh, start=1):
                raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: line {number} is not UTF-8 text ({exc.reason} at byte {exc.start + 1})") from exc
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise ValueError(f"{path}: not a readable gzip file ({exc})") from exc


def _csv_rows(reader: Any, errors: list[RegistryRowError]) -> Iterator[list[str]]:
    """The reader's rows; a row the csv module cannot read (a field over its size limit) becomes a row error."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors.append(RegistryRowError(reader.line_num, f"unreadable CSV: {exc}"))
            continue
        yield row


def detect_registry_format(path: str | Path) -> RegistryFormat:
    """plane-alert-db has a ``$ICAO,…`` header; tar1090-db is headerless and ``;``-separated."""
    with _open_text(path) as fh:
        first = fh.readline()
    if first.startswith("$ICAO") or first.lower().startswith("icao,"):
        return "plane-alert"
    if first.count(";") >= 3:
        return "tar1090"
    raise ValueError(f"{path}: not a plane-alert-db or tar1090-db aircraft file (first line {first[:60]!r})")


def read_registry(
    path: str | Path, *, fmt: RegistryFormat | None = None, errors: list[RegistryRowError] | None = None
) -> Iterator[RegistryRecord]:
    """Stream records; rows that cannot be read are appended to ``errors`` (with their line number) and skipped."""
    fmt = fmt or detect_registry_format(path)
    errors = errors if errors is not None else []
    if fmt == "plane-alert":
        yield from _read_plane_alert(path, errors)
    elif fmt == "tar1090":
        yield from _read_tar1090(path, errors)
    else:
        raise ValueError(f"unknown registry format {fmt!r}")


def _read_plane_alert(path: str | Path, errors: list[RegistryRowError]) -> Iterator[RegistryRecord]:
    with _open_text(path) as fh:
        reader = csv.reader(fh)
        rows = _csv_rows(reader, errors)
        header = next(rows, None)
        if not header:
            errors.append(RegistryRowError(1, "empty file"))
            return
        cols = {name.strip().lstrip("$#").lower(): i for i, name in enumerate(header)}
        need = ("icao", "registration", "operator", "type", "icao type")
        missing = [c for c in need if c not in cols]
        if missing:
            errors.append(RegistryRowError(1, f"header lacks {', '.join(missing)}"))
            return
        tag_cols = [i for name, i in cols.items() if name.startswith("tag")]
        cmpg = cols.get("cmpg")
        for row in rows:
            line = reader.line_num
            if not row or not any(row):
                continue
            if any(_NUL in cell for cell in row):
                errors.append(RegistryRowError(line, NUL_REASON))
                continue
            if len(row) < len(need):
                errors.append(RegistryRowError(line, f"{len(row)} fields, expected at least {len(need)}"))
                continue
            hex_address = normalise_hex(row[cols["icao"]])
            if hex_address is None:
                errors.append(RegistryRowError(line, f"{row[cols['icao']]!r} is not an ICAO hex address"))
                continue

            def get(name: str, row: list[str] = row) -> str:
                i = cols.get(name)
                return row[i].strip() if i is not None and i < len(row) else ""

            military = None
            if cmpg is not None and cmpg < len(row) and row[cmpg].strip():
                military = row[cmpg].strip().lower() == "mil"
            yield RegistryRecord(
                hex=hex_address,
                line=line,
                registration=get("registration"),
                operator=get("operator"),
                type_name=get("type"),
                icao_type=valid_designator(get("icao type")),
                military=military,
                tags=[row[i].strip() for i in tag_cols if i < len(row) and row[i].strip()],
                category=get("category"),
                link=get("link"),
            )


def _read_tar1090(path: str | Path, errors: list[RegistryRowError]) -> Iterator[RegistryRecord]:
    """``HEX;reg;type;flags;desc;year;ownOp;`` — flags is a bit string, char 0 = military."""
    with _open_text(path) as fh:
        for line_no, raw in enumerate(fh, start=1):
            raw = raw.rstrip("\r\n")
            if not raw.strip():
                continue
            if _NUL in raw:
                errors.append(RegistryRowError(line_no, NUL_REASON))
                continue
            parts = raw.split(";")
            if len(parts) < 4:
                errors.append(RegistryRowError(line_no, f"{len(parts)} fields, expected HEX;reg;type;flags;…"))
                continue
            hex_address = normalise_hex(parts[0])
            if hex_address is None:
                errors.append(RegistryRowError(line_no, f"{parts[0]!r} is not an ICAO hex address"))
                continue
            flags = parts[3].strip()
            if flags and not set(flags) <= {"0", "1"}:
                errors.append(RegistryRowError(line_no, f"flags {flags!r} is not a bit string"))
                continue
            year_text = parts[5].strip() if len(parts) > 5 else ""
            year = int(year_text) if year_text.isdigit() and 1900 <= int(year_text) <= 2100 else None
            yield RegistryRecord(
                hex=hex_address,
                line=line_no,
                registration=parts[1].strip(),
                icao_type=valid_designator(parts[2]),
                military=(flags[:1] == "1") if flags else None,
                type_name=parts[4].strip() if len(parts) > 4 else "",
                year=year,
                operator=parts[6].strip() if len(parts) > 6 else "",
            )
