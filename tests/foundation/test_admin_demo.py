"""The admin over the demo (loaded once for the module), as the demo's editor, fact-checker and administrator.

1. Past versions are read-only: the history form view (simple_history) never writes, for anyone. Regression for
   issue 12: the demo editor (view permission only) refuted a claim by POSTing to the claim's history form, and a
   fact-checker without ``change_aircraft`` rewrote an aircraft's registration the same way.
2. Every list and change page renders with no exception swallowed into "-". Django's admin turns an
   AttributeError/ValueError/ObjectDoesNotExist raised by a read-only field or a display function into its
   empty-value "-" (issue 12 defect 11: the mission page's track drawing raised on every mission and showed "-").
   Django's ``lookup_field`` — the one door both the change form's read-only fields and the changelist's columns go
   through — is wrapped to record every exception before the admin swallows it; any record fails the test.
"""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth import get_user_model
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Claim
from evidence.models import Aircraft, Mission
from evidence.rendering import track_svg
from project.history_admin import ReadOnlyHistoryAdmin


def _login(client, username: str) -> None:
    client.force_login(get_user_model().objects.get(username=username))


def _claim_with_history(demo) -> tuple[Claim, int]:
    claim = Claim.objects.filter(article=demo.article).order_by("pk").first()
    return claim, claim.history.order_by("history_id").first().history_id


def _aircraft_with_history() -> tuple[Aircraft, int]:
    aircraft = Aircraft.objects.order_by("pk").first()
    if not aircraft.history.exists():  # imports may write without a history row: make one the ordinary way
        aircraft.save()
    return aircraft, aircraft.history.order_by("history_id").first().history_id


def _history_form_url(model, obj_pk, history_id) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj_pk, history_id])


@pytest.mark.parametrize("username", ["editor", "factchecker", "admin"])
def test_nobody_changes_a_verdict_through_a_claims_history_form(client, demo, username):
    claim, history_id = _claim_with_history(demo)
    before = (claim.verdict, claim.rationale, claim.reviewed_by_id, claim.history.count())
    _login(client, username)
    resp = client.post(
        _history_form_url(Claim, claim.pk, history_id),
        {"claimant": claim.claimant, "verdict": "refuted", "rationale": "changed through history", "_save": "Revert"},
    )
    assert resp.status_code == 403
    claim.refresh_from_db()
    assert (claim.verdict, claim.rationale, claim.reviewed_by_id, claim.history.count()) == before
    assert claim.verdict != "refuted"


def test_fact_checker_without_change_aircraft_cannot_rewrite_an_aircraft_through_its_history(client, demo):
    factchecker = get_user_model().objects.get(username="factchecker")
    assert not factchecker.has_perm("evidence.change_aircraft")
    aircraft, history_id = _aircraft_with_history()
    before = (aircraft.registration, aircraft.operator_name, aircraft.provenance, aircraft.history.count())
    _login(client, "factchecker")
    resp = client.post(
        _history_form_url(Aircraft, aircraft.pk, history_id),
        {"hex": aircraft.hex, "registration": "HACKED-1", "operator_name": "Somebody Else", "_save": "Revert"},
    )
    assert resp.status_code == 403
    aircraft.refresh_from_db()
    assert (aircraft.registration, aircraft.operator_name, aircraft.provenance, aircraft.history.count()) == before


@pytest.mark.parametrize("username", ["editor", "factchecker", "admin"])
def test_viewers_still_read_history_lists_and_past_versions(client, demo, username):
    claim, history_id = _claim_with_history(demo)
    aircraft, aircraft_history_id = _aircraft_with_history()
    _login(client, username)
    for model, pk, hid in ((Claim, claim.pk, history_id), (Aircraft, aircraft.pk, aircraft_history_id)):
        opts = model._meta
        listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[pk]))
        assert listing.status_code == 200
        page = client.get(_history_form_url(model, pk, hid))
        assert page.status_code == 200
        html = page.content.decode()
        assert 'value="Revert"' not in html and 'name="_save"' not in html
        assert "<textarea" not in html  # every field of a past version is shown read-only


def test_every_admin_with_history_is_read_only_history():
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, SimpleHistoryAdmin):
            assert isinstance(model_admin, ReadOnlyHistoryAdmin), f"{model.__name__} admin can revert history"


# --- every page renders ---------------------------------------------------------------------------------------------
#: Change pages rendered for every demo row as the superuser; for the other roles, the first and last rows (the
#: display code does not depend on who looks, the permission-dependent parts do).
MANY = 120


@pytest.fixture
def swallowed(monkeypatch) -> list[str]:
    caught: list[str] = []

    def recording(lookup):
        def lookup_field(name, obj, model_admin=None):
            try:
                return lookup(name, obj, model_admin)
            except Exception as exc:
                caught.append(f"{type(obj).__name__} #{getattr(obj, 'pk', '?')} {name}: {type(exc).__name__}: {exc}")
                raise

        return lookup_field

    monkeypatch.setattr(helpers, "lookup_field", recording(helpers.lookup_field))
    monkeypatch.setattr(admin_list, "lookup_field", recording(admin_list.lookup_field))
    return caught


def _rows(model, model_admin, request, everything: bool) -> list:
    queryset = model_admin.get_queryset(request).order_by("pk")
    if everything and queryset.count() <= MANY:
        return list(queryset)
    rows = list(queryset[:3])
    last = queryset.last()
    return rows + ([last] if last is not None and last not in rows else [])


@pytest.mark.parametrize("username", ["editor", "factchecker", "admin"])
def test_every_demo_page_renders_without_swallowed_errors(client, demo, swallowed, rf, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    request = rf.get("/admin/")
    request.user = user
    pages = 0
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        listing = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert listing.status_code == 200, f"{opts.label} list as {username}"
        for obj in _rows(model, model_admin, request, everything=username == "admin"):
            page = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
            assert page.status_code == 200, f"{opts.label} #{obj.pk} as {username}"
            pages += 1
    assert pages > 10
    assert not swallowed, "exceptions shown as '-':\n" + "\n".join(sorted(set(swallowed)))


EXTENT = re.compile(r"lat (-?\d+\.\d\d)–(-?\d+\.\d\d), lon (-?\d+\.\d\d)–(-?\d+\.\d\d) \(north up")


def test_every_mission_of_the_demo_draws_its_track_and_extent(demo):
    missions = list(Mission.objects.exclude(track=b""))
    assert len(missions) > 10
    for mission in missions:
        svg = str(track_svg(mission))
        assert svg.startswith("<svg") and "<polyline points=" in svg, mission
        lat0, lat1, lon0, lon1 = map(float, EXTENT.search(svg).groups())
        assert mission.min_lat - 0.01 <= lat0 <= lat1 <= mission.max_lat + 0.01, mission
        assert mission.min_lon - 0.01 <= lon0 <= lon1 <= mission.max_lon + 0.01, mission
