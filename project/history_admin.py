"""The one base admin for models with django-simple-history: history is read, never written, from its pages.

simple_history's ``history_form_view`` (``/admin/<app>/<model>/<id>/history/<history_id>/``) checks only *view*
permission and saves the posted form straight to the model, around our services (no verdict bookkeeping, no
provenance, no re-anchoring). Every admin with history inherits from ``ReadOnlyHistoryAdmin``: the history list and
each past version stay readable for anyone who may view the object, every other method on a past version is refused
(403) for everyone — superusers included — and the "Revert" button is gone. A person who wants an old value back
types it into the ordinary change form, which writes through the services and checks the change permission.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

#: Methods that only read a past version.
READ_METHODS = frozenset({"GET", "HEAD"})


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin with the history form view read-only and reverting disabled."""

    def revert_disabled(self, request: HttpRequest, obj=None) -> bool:
        return True

    def has_change_history_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def history_form_view(self, request: HttpRequest, object_id: str, version_id: str, extra_context=None):
        if request.method not in READ_METHODS:
            raise PermissionDenied("Past versions are read-only; change the current version on its change page.")
        request._fc_history_read_only = True  # every field shown read-only (see get_readonly_fields)
        response: HttpResponse = super().history_form_view(request, object_id, version_id, extra_context)
        return response

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        readonly = tuple(super().get_readonly_fields(request, obj))
        if not getattr(request, "_fc_history_read_only", False):
            return readonly
        shown = [name for name in self._history_shown_fields(request, obj) if name not in readonly]
        return readonly + tuple(shown)

    def _history_shown_fields(self, request: HttpRequest, obj) -> list[str]:
        if self.fieldsets:
            return [f for _name, opts in self.fieldsets for f in _flatten(opts.get("fields", ()))]
        if self.fields:
            return list(_flatten(self.fields))
        exclude = set(self.exclude or ())
        return [
            f.name
            for f in self.model._meta.get_fields()
            if getattr(f, "editable", False) and f.concrete and not f.auto_created and f.name not in exclude
        ]


def _flatten(fields) -> list[str]:
    out: list[str] = []
    for field in fields:
        out.extend(field if isinstance(field, list | tuple) else [field])
    return out
