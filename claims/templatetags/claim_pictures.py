"""``{% claim_pictures claim %}``: the claim page's map and timeline block (claims/_claim_pictures.html)."""
from __future__ import annotations

from typing import Any

from django import template

from claims.models import Claim
from claims.pictures import claim_pictures_context

register = template.Library()


@register.inclusion_tag("claims/_claim_pictures.html")
def claim_pictures(claim: Claim) -> dict[str, Any]:
    return claim_pictures_context(claim)
