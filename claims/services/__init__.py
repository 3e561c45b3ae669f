"""Writes to claims: every interface (admin, API, CLI, tasks) goes through these functions.

``check``-style validation and permission decisions happen here; side effects (extraction) are sent after commit.
"""

from .articles import article_create, article_delete, article_request_extraction, article_update
from .claims import (
    claim_create_from_selection,
    claim_delete,
    claim_set_verdict,
    claim_update,
    evidence_link_create,
    evidence_link_delete,
    evidence_link_update,
    proposed_claim_accept,
    proposed_claim_dismiss,
    suggestion_link,
)
from .reextraction import articles_reextract, extractions_sweep

__all__ = [
    "article_create",
    "article_delete",
    "article_request_extraction",
    "article_update",
    "articles_reextract",
    "claim_create_from_selection",
    "claim_delete",
    "claim_set_verdict",
    "claim_update",
    "evidence_link_create",
    "evidence_link_delete",
    "evidence_link_update",
    "extractions_sweep",
    "proposed_claim_accept",
    "proposed_claim_dismiss",
    "suggestion_link",
]
