"""What every chat adapter shares: who is asking, asking once per delivery, and plain-text pieces of an Answer.

Adapters (``bot.slack``, ``bot.mattermost``, ``bot.matrix``, ``bot.web``) stay thin: parse the platform's payload,
call :func:`ask_as` (identity → ``bot.services.ask``), render the :class:`~bot.answers.Answer` in the platform's format.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from bot.answers import Answer
from bot.models import ChatIdentity, DeliveredEvent, Platform

logger = logging.getLogger(__name__)

class BadPayload(ValueError):
    """The platform sent something we cannot read (missing field, wrong type, not JSON). Adapters answer 400."""


@dataclass(frozen=True)
class Asker:
    """A chat account as the platform identifies it."""

    platform: str
    external_id: str
    workspace: str = ""
    channel: str = ""
    thread: str = ""

    @property
    def user_key(self) -> str:
        """Stable key for the conversation context: the platform account, not the Flightcheck user."""
        return f"{self.workspace}:{self.external_id}" if self.workspace else self.external_id


def resolve_user(*, platform: str, external_id: str, workspace: str = "") -> AbstractBaseUser | None:
    """The active Flightcheck user linked to this chat account, or None.

    An identity with a blank workspace matches the account in any workspace; an exact workspace match wins.
    """
    if not external_id:
        return None
    identity = (
        ChatIdentity.objects.select_related("user")
        .filter(platform=platform, external_id=external_id, workspace__in={workspace, ""})
        .order_by("-workspace")
        .first()
    )
    if identity is None or not identity.user.is_active:
        return None
    return identity.user


def not_linked_answer(platform: str, external_id: str) -> Answer:
    label = Platform(platform).label if platform in Platform.values else platform
    return Answer(
        text=(
            f"Your {label} account ({external_id}) is not linked to Flightcheck, so I can't answer you yet. "
            "Ask a Flightcheck administrator to add it under Bot > Chat identities."
        ),
        declined=True,
        reason="forbidden",
        ephemeral=True,
    )


def ask_as(asker: Asker, text: str) -> Answer:
    """Identity → ``bot.services.ask``. An unknown account gets an ephemeral "not linked" reply."""
    user = resolve_user(platform=asker.platform, external_id=asker.external_id, workspace=asker.workspace)
    if user is None:
        return not_linked_answer(asker.platform, asker.external_id)
    from bot.services import ask  # the answering core; imported late so adapters load without it

    return ask(
        text=text,
        user=user,
        platform=asker.platform,
        channel=asker.channel,
        thread=asker.thread,
        user_key=asker.user_key,
    )


def first_delivery(platform: str, event_id: str) -> bool:
    """Record a platform event id; False when it was already handled (a retried delivery)."""
    if not event_id:
        return True
    try:
        with transaction.atomic():
            DeliveredEvent.objects.create(platform=platform, event_id=event_id[:255])
    except IntegrityError:
        logger.info("Duplicate %s delivery %s ignored", platform, event_id)
        return False
    return True


def forget_delivery(platform: str, event_id: str) -> None:
    """Undo ``first_delivery`` when the event could not be handed on (e.g. the broker refused the task), so the
    platform's retry of the same event is handled, not ignored as a duplicate."""
    if event_id:
        DeliveredEvent.objects.filter(platform=platform, event_id=event_id[:255]).delete()


def is_error(answer: Answer) -> bool:
    """Help and errors are shown only to the asker."""
    return answer.ephemeral or answer.declined


# --- Plain-text pieces shared by the renderers ------------------------------------------------------------------


def _when(start: str | None, end: str | None) -> str:
    """"2025-02-03 14:05-18:30 UTC" from ISO 8601 UTC strings (tolerates missing or odd values)."""
    def parts(value: str | None) -> tuple[str, str]:
        value = str(value or "")
        date, _, time = value.partition("T")
        return date, time[:5]

    d1, t1 = parts(start)
    d2, t2 = parts(end)
    if not d1:
        return ""
    if not t1:
        return d1
    if d2 == d1 and t2:
        return f"{d1} {t1}-{t2} UTC"
    if d2 and t2:
        return f"{d1} {t1} to {d2} {t2} UTC"
    return f"{d1} {t1} UTC"


def region_text(region: dict[str, Any]) -> str:
    name = str(region.get("name") or region.get("slug") or "?")
    if region.get("over"):
        return f"over {name}"
    distance = region.get("distance_nm")
    if isinstance(distance, int | float):
        return f"{distance:.0f} nm from {name}"
    return name


#: How many of a record's places a one-line rendering names (the places asked about come first); the record's
#: data (the API, the JSON answer) keeps every one. A mission over Europe is within 50 nm of dozens of regions.
REGIONS_SHOWN = 6


def regions_line(regions: list[Any], text: Callable[[dict[str, Any]], str] | None = None) -> str:
    """"over Texas, 12 nm from Arizona" — the first :data:`REGIONS_SHOWN` places, then "and N more places"."""
    text = text or region_text
    shown = [text(r) for r in regions if isinstance(r, dict)]
    if len(shown) > REGIONS_SHOWN:
        shown = [*shown[:REGIONS_SHOWN], f"and {len(shown) - REGIONS_SHOWN} more places"]
    return ", ".join(shown)


def mission_title(mission: dict[str, Any]) -> str:
    """"U-2S 80-1070 (AE09E1)": what the link to the admin page says."""
    kind = str(mission.get("type") or "?")
    reg = str(mission.get("registration") or "")
    hex_ = str(mission.get("hex") or "").upper()
    ident = f"{reg} ({hex_})" if reg and hex_ else reg or hex_
    return f"{kind} {ident}".strip()


def mission_details(mission: dict[str, Any]) -> str:
    """"callsign DRAGN01 · 2025-02-03 14:05-18:30 UTC · over Texas, 12 nm from Arizona"."""
    bits = []
    if mission.get("callsign"):
        bits.append(f"callsign {mission['callsign']}")
    when = _when(mission.get("start"), mission.get("end"))
    if when:
        bits.append(when)
    regions = mission.get("regions") or []
    if isinstance(regions, list) and regions:
        bits.append(regions_line(regions))
    return " · ".join(b for b in bits if b)


def claim_title(claim: dict[str, Any]) -> str:
    text = str(claim.get("text") or "")
    if len(text) > 200:
        text = text[:199] + "…"
    return f"Claim {claim.get('id', '?')}: “{text}”"


def claim_details(claim: dict[str, Any]) -> str:
    bits = []
    if claim.get("verdict"):
        bits.append(f"verdict: {claim['verdict']}")
    if claim.get("claimant"):
        bits.append(f"by {claim['claimant']}")
    article = claim.get("article")
    if isinstance(article, dict):
        article = article.get("title") or article.get("url")
    if article:
        bits.append(f"in {article}")
    evidence = claim.get("evidence")
    if isinstance(evidence, list):
        bits.append(f"{len(evidence)} evidence link{'s' if len(evidence) != 1 else ''}" if evidence else "no evidence")
    return " · ".join(str(b) for b in bits)


def breakdown_lines(answer: Answer) -> list[str]:
    return [f"{row.get('label') or row.get('key')}: {row.get('count')}" for row in answer.breakdown]
