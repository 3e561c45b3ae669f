"""The desk's groups and their permissions, kept present after every migrate/flush (post_migrate).

The migration claims/0002_groups creates them first; this keeps them in place when a database is flushed
(transactional tests, ``manage.py flush``) and re-adds any permission the definition gained since.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

VIEW_APPS = ("claims", "evidence")
BOT_VIEW = ("view_question",)
FACT_CHECKER_EDIT = {
    "claims": (
        "article", "claim", "evidencelink", "proposedclaim", "evidencesuggestion", "notification", "claimmatch",
    ),
    "evidence": ("source",),
}


def ensure_desk_groups(*, group_model=Group, permission_model=Permission) -> None:
    """Create/complete the groups (the migration passes its historical models)."""
    Group, Permission = group_model, permission_model
    view = list(Permission.objects.filter(content_type__app_label__in=VIEW_APPS, codename__startswith="view_"))
    view += Permission.objects.filter(content_type__app_label="bot", codename__in=BOT_VIEW)
    ask = list(Permission.objects.filter(content_type__app_label="bot", codename="ask_bot"))
    edit = []
    for app_label, models in FACT_CHECKER_EDIT.items():
        for model in models:
            edit += Permission.objects.filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"add_{model}", f"change_{model}", f"delete_{model}"],
            )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*view, *ask)
    fact_checkers, _ = Group.objects.get_or_create(name="Fact-checkers")
    fact_checkers.permissions.add(*view, *ask, *edit)
