"""A picture's scope from URL parameters, and signed picture links for chat platforms.

The parameters are the missions API's filter names (``/api/missions/?type=P8&region=texas&start=2026-02-01``):
``type``, ``role``, ``surveillance``, ``operator``, ``military``, ``hex``, ``region`` (+ ``near_nm``), ``over``,
``orbit``, ``start``, ``end``. Every parameter is either used or refused with a message naming it; unknown
names, values and filters a scope cannot express (``callsign``, ``import_run``) are errors, never ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core import signing

from evidence.models import AircraftType, Organisation, Region
from evidence.scope import Period, RegionFilter, Scope

SCOPE_PARAMS = ("type", "role", "surveillance", "operator", "military", "hex", "region", "near_nm", "over", "orbit",
                "start", "end")
NOT_FOR_PICTURES = ("callsign", "import_run")
_SALT = "flightcheck.pictures"


class ParamError(ValueError):
    """Parameters that do not make a scope: ``errors`` maps each parameter to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _bool(name: str, value: str, errors: dict[str, str]) -> bool:
    low = value.strip().lower()
    if low in ("true", "1", "yes"):
        return True
    if low in ("false", "0", "no", ""):
        return False
    errors[name] = f"{value!r} is not true or false."
    return False


def _date(name: str, value: str, errors: dict[str, str]) -> dt.date | None:
    text = value.strip()
    try:
        day = dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        errors[name] = f"{value!r} is not an ISO 8601 date (YYYY-MM-DD)."
        return None
    if not 1990 <= day.year <= 2200:
        errors[name] = "dates must fall between 1990 and 2200."
        return None
    return day


def scope_from_params(params: Mapping[str, str], *, extra: tuple[str, ...] = ()) -> Scope:
    """The Scope the parameters state. ``extra`` names parameters the caller reads itself (``zoom``, ``by``…)."""
    errors: dict[str, str] = {}
    for name in params:
        if name in NOT_FOR_PICTURES:
            errors[name] = "not supported for pictures (a picture's scope is types, places, operators and dates)."
        elif name not in SCOPE_PARAMS and name not in extra:
            errors[name] = f"unknown parameter (expected one of {', '.join(SCOPE_PARAMS + extra)})."
    get = params.get
    types = [t.upper() for t in _list(get("type", ""))]
    known = set(AircraftType.objects.filter(designator__in=types).values_list("designator", flat=True))
    if set(types) - known:
        errors["type"] = f"unknown aircraft type designator(s): {', '.join(sorted(set(types) - known))}."
    roles = _list(get("role", ""))
    bad_roles = set(roles) - set(AircraftType.Role.values)
    if bad_roles:
        errors["role"] = f"unknown role(s): {', '.join(sorted(bad_roles))}."
    operators = _list(get("operator", ""))
    known_ops = set(Organisation.objects.filter(slug__in=operators).values_list("slug", flat=True))
    if set(operators) - known_ops:
        errors["operator"] = f"unknown operator slug(s): {', '.join(sorted(set(operators) - known_ops))}."
    regions = _regions(get("region", ""), get("over", ""), get("near_nm"), errors)
    start = _date("start", get("start", ""), errors) if get("start") else None
    end = _date("end", get("end", ""), errors) if get("end") else None
    period = None
    if (start or end) and not errors.get("start") and not errors.get("end"):
        first, last = start or dt.date(1990, 1, 1), end or max(dt.datetime.now(dt.UTC).date(), start or dt.date.min)
        if last < first:
            errors["end"] = "end is before start."
        else:
            period = Period(start=first, end=last, text=f"{start or 'the first record'} to {end or 'today'}")
    scope = Scope(
        type_designators=tuple(types), roles=tuple(roles),
        surveillance_only=_bool("surveillance", get("surveillance", ""), errors),
        operators=tuple(operators), regions=tuple(regions), period=period,
        orbits_only=_bool("orbit", get("orbit", ""), errors),
        military_only=_bool("military", get("military", ""), errors),
        hexes=tuple(h.lower() for h in _list(get("hex", ""))),
    )
    if errors:
        raise ParamError(errors)
    return scope


def _regions(near: str, over: str, near_nm: str | None, errors: dict[str, str]) -> list[RegionFilter]:
    distance = None
    if near_nm not in (None, ""):
        try:
            distance = float(near_nm)
        except ValueError:
            errors["near_nm"] = f"{near_nm!r} is not a number of nautical miles."
        else:
            if not 0 <= distance <= settings.REGION_DISTANCE_CAP_NM:
                errors["near_nm"] = f"must be between 0 and {settings.REGION_DISTANCE_CAP_NM:g} nm."
        if not near:
            errors["near_nm"] = "near_nm needs region (?region=<slug>&near_nm=<nautical miles>)."
    wanted = {*_list(near), *_list(over)}
    known = set(Region.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    for name, value in (("region", near), ("over", over)):
        unknown = set(_list(value)) - known
        if unknown:
            errors[name] = f"unknown region slug(s): {', '.join(sorted(unknown))}."
    return [RegionFilter(slug, "near", distance) for slug in _list(near)] + [
        RegionFilter(slug, "over") for slug in _list(over)
    ]


def params_from_scope(scope: Scope) -> dict[str, str]:
    """The URL parameters of a scope (inverse of ``scope_from_params`` for what parameters can say)."""
    out: dict[str, str] = {}
    if scope.type_designators:
        out["type"] = ",".join(scope.type_designators)
    if scope.roles:
        out["role"] = ",".join(scope.roles)
    if scope.surveillance_only:
        out["surveillance"] = "true"
    if scope.operators:
        out["operator"] = ",".join(scope.operators)
    near = [rf for rf in scope.regions if rf.relation == "near"]
    over = [rf for rf in scope.regions if rf.relation == "over"]
    if near:
        out["region"] = ",".join(rf.slug for rf in near)
        distances = {rf.distance_nm for rf in near if rf.distance_nm is not None}
        if distances:
            out["near_nm"] = f"{max(distances):g}"
    if over:
        out["over"] = ",".join(rf.slug for rf in over)
    if scope.orbits_only:
        out["orbit"] = "true"
    if scope.military_only:
        out["military"] = "true"
    if scope.hexes:
        out["hex"] = ",".join(scope.hexes)
    if scope.period is not None:
        out["start"] = scope.period.start.isoformat()
        out["end"] = scope.period.end.isoformat()
    return out


# --- Signed links ----------------------------------------------------------------------------------------------------


def sign_picture(kind: str, scope: Scope, **extra: Any) -> str:
    """A token naming a picture of a scope (``kind``: map, timeline, breakdown) for a platform that fetches an image
    URL without our session (Mattermost, Matrix, a web chat's <img>). It reveals nothing but what it draws and
    expires after ``settings.PICTURE_LINK_MAX_AGE`` seconds."""
    return signing.dumps({"k": kind, "s": scope.to_dict(), **extra}, salt=_SALT, compress=True)


def read_picture_token(token: str) -> dict[str, Any]:
    """The token's content; raises ``signing.BadSignature`` (or ``SignatureExpired``) when it is not valid."""
    payload = signing.loads(token, salt=_SALT, max_age=picture_link_max_age())
    payload["scope"] = Scope.from_dict(payload.pop("s"))
    if "o" in payload:  # a comparison's other side
        payload["other"] = Scope.from_dict(payload.pop("o"))
    return payload


def picture_link_max_age() -> int:
    return int(getattr(settings, "PICTURE_LINK_MAX_AGE", 7 * 24 * 3600))
