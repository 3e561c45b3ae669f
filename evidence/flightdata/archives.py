"""Day archives as adsb.lol publishes them: a release tar (optionally split into ``.tar.aa``, ``.tar.ab``… parts
that concatenate to one tar) of ``YYYY/MM/DD/traces/<2 hex>/trace_full_<hex>.json`` members, each gzip whatever its
name says. Nothing is unpacked to disk.

Two steps, so the work can be cut into chunks for several workers:

* ``scan_tar(parts)`` streams the tar once (tarfile's streaming mode ``r|*``, which also reads a tar compressed as a
  whole) and lists the flight members with their byte offset; a truncated tar ends the listing with
  ``TarTruncated`` saying where it stopped and how many members were complete before.
* ``read_member(parts, member)`` seeks to a member's offset in the concatenated parts and reads it through the
  same bounded reader as a single file (``read_flight_stream``).

A tar compressed as a whole cannot be read at an offset; ``scan_tar`` then says so (``seekable`` False) and the
caller reads its members while streaming (``stream_members``).
"""

from __future__ import annotations

import io
import os
import re
import tarfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .positions import AircraftTrack, FlightFileError
from .readers import default_max_bytes, read_flight_bytes, read_flight_stream, too_big_reason

FLIGHT_MEMBER = re.compile(r"(^|/)[^/]+\.(json|csv)(\.gz)?$", re.IGNORECASE)
_PART = re.compile(r"^(?P<base>.+\.tar)\.(?P<suffix>[a-z]{2})$")
_COMPRESSED_MAGIC = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ")


@dataclass(frozen=True)
class TarMember:
    name: str
    offset: int  # of the member's data in the concatenated parts
    size: int


class TarTruncated(Exception):
    def __init__(self, label: str, offset: int, complete: int, last: str) -> None:
        after = f"after member {last!r}" if last else "before the first member"
        super().__init__(f"{label}: tar ends early at byte {offset:,}, {after} ({complete} complete member(s) before)")
        self.label, self.offset, self.complete, self.last = label, offset, complete, last

    def as_dict(self) -> dict[str, str]:
        after = f"after member {self.last}" if self.last else "before the first member"
        return {
            "path": self.label,
            "location": f"byte {self.offset:,}, {after}",
            "reason": f"truncated tar: it ends early; the {self.complete} complete member(s) before were read",
        }


def is_tar_path(path: str | Path) -> bool:
    name = str(path).lower()
    return name.endswith((".tar", ".tar.gz", ".tgz")) or bool(_PART.match(os.path.basename(name)))


def tar_parts(path: str | Path) -> list[str]:
    """All parts of a split tar given any one of them (``x.tar.aa``, ``x.tar.ab``… sorted); a plain tar alone."""
    path = Path(path)
    m = _PART.match(path.name)
    if not m:
        return [str(path)]
    base = m.group("base")
    parts = sorted(p for p in path.parent.iterdir() if (pm := _PART.match(p.name)) and pm.group("base") == base)
    return [str(p) for p in parts]


def tar_label(parts: Sequence[str]) -> str:
    """How errors name a (split) tar: its first part, or ``x.tar.aa…ac`` for several."""
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]}…{Path(parts[-1]).suffix.lstrip('.')}"


class ConcatenatedParts(io.RawIOBase):
    """Read-only, seekable view of files one after another (the parts of a split tar)."""

    def __init__(self, parts: Sequence[str]) -> None:
        super().__init__()
        self._parts = list(parts)
        self._sizes = [os.path.getsize(p) for p in self._parts]
        self._starts = [sum(self._sizes[:i]) for i in range(len(self._sizes))]
        self.size = sum(self._sizes)
        self._pos = 0
        self._fh: IO[bytes] | None = None
        self._open_index = -1

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._pos, 2: self.size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._pos >= self.size:
            return 0
        index = max(i for i, start in enumerate(self._starts) if start <= self._pos)
        if index != self._open_index:
            if self._fh:
                self._fh.close()
            self._fh = open(self._parts[index], "rb")  # noqa: SIM115 - kept open between reads, closed in close()
            self._open_index = index
        assert self._fh is not None
        within = self._pos - self._starts[index]
        self._fh.seek(within)
        want = min(len(buffer), self._sizes[index] - within)
        n = self._fh.readinto(memoryview(buffer)[:want]) or 0
        self._pos += n
        return n

    def close(self) -> None:
        if self._fh:
            self._fh.close()
            self._fh = None
        super().close()


def is_compressed_tar(parts: Sequence[str]) -> bool:
    with open(parts[0], "rb") as fh:
        head = fh.read(6)
    return head.startswith(_COMPRESSED_MAGIC)


def scan_tar(parts: Sequence[str]) -> Iterator[TarMember]:
    """The flight members of a (split) uncompressed tar with their offsets, reading only the headers (tarfile seeks
    over each member's data: planning a day's 1.6–3.5 GiB reads a few tens of MB, not the whole tar); raises
    ``TarTruncated`` where it ends early (members listed before are complete)."""
    label = tar_label(parts)
    complete, last = 0, ""
    with ConcatenatedParts(parts) as raw:
        size = raw.size
        stream = io.BufferedReader(raw, buffer_size=1 << 16)
        try:
            with tarfile.open(fileobj=stream, mode="r:") as tar:
                for info in tar:
                    if not info.isfile() or not FLIGHT_MEMBER.search(info.name):
                        continue
                    if info.offset_data + info.size > size:
                        raise TarTruncated(label, size, complete, last)
                    complete += 1
                    last = info.name
                    yield TarMember(info.name, info.offset_data, info.size)
        except (tarfile.ReadError, EOFError) as exc:
            if complete == 0 and "empty" not in str(exc) and raw.tell() < 512:
                raise FlightFileError(label, "tar", f"not a tar archive: {exc}") from None
            raise TarTruncated(label, min(raw.tell(), size), complete, last) from None


def read_member(parts: Sequence[str], member: TarMember, *, max_bytes: int | None = None) -> list[AircraftTrack]:
    """Tracks of one tar member, read at its offset (bounded like a single file; errors name ``tar::member``)."""
    limit = default_max_bytes() if max_bytes is None else max_bytes
    label = f"{tar_label(parts)}::{member.name}"
    if member.size > limit:
        raise FlightFileError(label, "file", too_big_reason(limit, "in the tar"))
    data = bytearray(member.size)
    with ConcatenatedParts(parts) as raw:
        raw.seek(member.offset)
        got, view = 0, memoryview(data)
        while got < member.size and (n := raw.readinto(view[got:])):  # across part boundaries
            got += n
    if got != member.size:
        raise FlightFileError(label, "tar", "member cut short: the tar ends inside it")
    return read_flight_bytes(bytes(data), label, max_bytes=limit)


def stream_members(parts: Sequence[str], *, max_bytes: int | None = None) -> Iterator[list[AircraftTrack] | Exception]:
    """For a tar compressed as a whole: every flight member's tracks (or its error) while streaming once."""
    limit = default_max_bytes() if max_bytes is None else max_bytes
    label = tar_label(parts)
    complete, last = 0, ""
    with ConcatenatedParts(parts) as raw:
        stream = io.BufferedReader(raw, buffer_size=1 << 20)
        try:
            with tarfile.open(fileobj=stream, mode="r|*") as tar:
                for info in tar:
                    if not info.isfile() or not FLIGHT_MEMBER.search(info.name):
                        continue
                    fh = tar.extractfile(info)
                    assert fh is not None
                    try:
                        yield read_flight_stream(fh, f"{label}::{info.name}", max_bytes=limit)
                    except FlightFileError as exc:
                        yield exc
                    complete += 1
                    last = info.name
        except (tarfile.ReadError, EOFError) as exc:
            yield TarTruncated(label, raw.tell(), complete, last) if complete else FlightFileError(
                label, "tar", f"not a readable tar: {exc}"
            )
