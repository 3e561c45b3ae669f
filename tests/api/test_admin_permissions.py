"""The admin's permission matrix: EVERY admin URL × every role × method; a refused request writes nothing.

The URLs are enumerated from the admin site itself (model views, simple_history's history form, every custom view),
and every changelist action is a row of its own; a URL or action the matrix does not know fails the test, so a new
admin view cannot ship without its row. Who may do what is written out per model in ``POLICY`` (not derived from the
code under test). Each request runs in a savepoint that is rolled back, and every non-GET request is checked against
a fingerprint of every row of the project's tables (and the admin log), so "refused" means refused *and* unwritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from rest_framework.authtoken.models import Token, TokenProxy

from claims.models import Claim, ClaimMatch, EvidenceLink, Notification
from evidence.models import ImportRun, Mission, MissionRegion, Source
from tests.api.conftest import (
    ArticleFactory,
    ChatIdentityFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceLinkFactory,
    EvidenceSuggestionFactory,
    ImportRunFactory,
    MissionRegionFactory,
    ProposedClaimFactory,
    QuestionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

#: The fact-checker is also the "desk member without a specific permission": no change_aircraft, no add_mission
#: (imports), no reference data, no delete_entity — the rows below say where that refuses them.
ROLES = ("anonymous", "outsider", "editor", "factchecker", "staff")
STAFF_ROLES = ("editor", "factchecker", "staff")
LETTER = {"editor": "E", "factchecker": "F", "staff": "S"}

#: Who may (view, add, change, delete) per model: E editor, F fact-checker (no import/aircraft/reference rights),
#: S superuser. "" = nobody (the admin offers no such page). Written out, not read from the code under test.
POLICY: dict[str, tuple[str, str, str, str]] = {
    "claims.article": ("EFS", "FS", "FS", "FS"),
    "claims.claim": ("EFS", "", "FS", "FS"),
    "claims.evidencelink": ("EFS", "FS", "FS", "FS"),
    "claims.proposedclaim": ("EFS", "", "FS", "FS"),
    "claims.entity": ("EFS", "", "", "S"),
    "claims.evidencesuggestion": ("EFS", "", "FS", "FS"),
    # A notification is its recipient's own (the matrix's is the fact-checker's): the editor, who is not its
    # recipient, does not see it; nobody adds or edits one in the admin (the workflow services write them); its
    # recipient may delete it (fact-checkers hold delete_notification). The changelist shows each person their own.
    "claims.notification": ("FS", "", "", "FS"),
    "evidence.organisation": ("EFS", "S", "S", "S"),
    "evidence.aircrafttype": ("EFS", "S", "S", "S"),
    "evidence.aircraft": ("EFS", "S", "S", "S"),
    "evidence.mission": ("EFS", "", "", "S"),
    "evidence.region": ("EFS", "", "S", "S"),  # regions come with their boundary from the reference data
    "evidence.source": ("EFS", "FS", "FS", "FS"),
    "evidence.importrun": ("EFS", "", "S", "S"),
    "bot.chatidentity": ("S", "S", "S", "S"),
    "bot.question": ("EFS", "", "", "S"),
    "auth.user": ("S", "S", "S", "S"),
    "auth.group": ("S", "S", "S", "S"),
    "authtoken.tokenproxy": ("S", "S", "S", "S"),
}

#: The admin deletes a row only for someone who may delete every row it cascades to: fact-checkers may not delete
#: extraction entities, so they see the delete page (which says so) but an extracted article is deleted by a superuser
#: here (or through the API). Applies to the delete page's POST and to the delete_selected action.
DELETE_POST = {"claims.article": "S"}

#: Custom views: (who may GET, who may POST). The POST-only views refuse GET for everyone.
CUSTOM = {
    "claims_article_annotate": ("", "FS"),  # claims.add_claim
    "claims_article_proposals": ("", "FS"),  # claims.change_proposedclaim
    "claims_article_extract": ("", "FS"),  # claims.change_article
    "claims_claim_link_suggestion": ("", "FS"),  # claims.add_evidencelink
    "evidence_importrun_upload": ("S", "S"),  # evidence.add_mission + evidence.change_aircraft
    # Cancel/resume an import (POST only): operating imports needs the import permissions, like uploading.
    "evidence_importrun_operate": ("", "S"),
    # Confirm/reject a claim match (POST only): fact-checkers write claims (claims.change_claimmatch); editors read.
    "claims_claim_match": ("", "FS"),
    # The cluster of the same claim across outlets: a page to read (view permission); it writes nothing, so a POST
    # is refused (405) for everyone.
    "claims_claim_cluster": ("EFS", ""),
}

#: Models whose rows belong to one person: another person's row is not in their changelist, and the admin answers
#: its pages with Django's "does not exist" redirect to the index (nothing shown, nothing written) — a refusal.
OWN_ROWS = ("claims.notification",)

#: Changelist actions: who may run each (the rest get "No action selected" and nothing happens).
ACTIONS = {
    ("claims.article", "rerun_extraction"): "FS",
    **{("claims.claim", f"mark_{v}"): "FS" for v in Claim.Verdict.values},
    ("claims.proposedclaim", "accept_selected"): "FS",
    ("claims.proposedclaim", "dismiss_selected"): "FS",
    ("claims.claim", "sign_off"): "FS",
    ("claims.claim", "assign_to_me"): "FS",  # fact-checkers write claims; editors only read
    # Only the recipient marks a notification read (the superuser sees everyone's but does not read them for them).
    ("claims.notification", "mark_read"): "F",
}


@dataclass(frozen=True)
class Case:
    name: str  # URL name, or "<model>:<action>"
    kind: str
    model: str = ""

    def __str__(self) -> str:
        return self.name


#: Views that only read: a POST is 405 for anyone signed in.
GET_ONLY = ("jsi18n", "password_change_done", "autocomplete")

MODEL_KINDS = ("changelist", "add", "history", "delete", "change", "simple_history")


def _walk(patterns, prefix: str = "") -> Iterator[tuple[str, str | None]]:
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name


def _model_for(url_name: str) -> str:
    for label in POLICY:
        if url_name.startswith(label.replace(".", "_") + "_"):
            return label
    return ""


def admin_cases() -> list[Case]:
    """Every URL of the admin site, classified; then one row per changelist action."""
    cases = []
    for pattern, name in _walk(admin.site.get_urls()):
        if name is None:
            kind = "catch_all" if pattern.startswith("(?P<url>") else "object_redirect"
            name = f"{kind}:{pattern}"
            cases.append(Case(name, kind, _model_for(pattern.replace("/", "_"))))
            continue
        if name in CUSTOM:
            cases.append(Case(name, "custom", _model_for(name)))
            continue
        model = _model_for(name)
        suffix = name.removeprefix(model.replace(".", "_") + "_") if model else name
        cases.append(Case(name, suffix if model and suffix in MODEL_KINDS else name, model))
    for model, model_admin in admin.site._registry.items():
        if model_admin.actions is None:  # actions switched off (DRF's token admin)
            continue
        for _func, action_name, _description in model_admin._get_base_actions():  # the site's and the admin's own
            cases.append(Case(f"{model._meta.label_lower}:{action_name}", "action", model._meta.label_lower))
    return cases


# --- data -------------------------------------------------------------------------------------------------------------
def _person(username: str, group: str | None, *, staff: bool = True, superuser: bool = False) -> User:
    user = User(username=f"matrix-{username}", is_staff=staff, is_superuser=superuser)
    user.set_unusable_password()
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _build_world() -> tuple[dict[str, User | None], dict[str, object]]:
    people = {
        "anonymous": None,
        "outsider": _person("outsider", None, staff=False),
        "editor": _person("editor", "Editors"),
        "factchecker": _person("factchecker", "Fact-checkers"),
        "staff": _person("staff", None, superuser=True),
    }
    link = EvidenceLinkFactory()
    claim, mission = link.claim, link.mission
    article = claim.article
    MissionRegionFactory(mission=mission)
    proposal = ProposedClaimFactory(article=article)
    entity = EntityFactory(article=article)
    suggestion = EvidenceSuggestionFactory(claim=claim, mission=mission)
    ArticleFactory()  # a second article, so an action's selection is not the whole table
    aircraft = mission.aircraft
    aircraft.save()  # a history row for the aircraft
    ClaimMatch.objects.create(claim=claim, other=ClaimFactory(), score=0.9, text_score=0.9)
    notification = Notification.objects.create(
        recipient=people["factchecker"], claim=claim, kind=Notification.Kind.ASSIGNED, text="matrix notification"
    )
    world = {
        "claims.article": article,
        "claims.claim": claim,
        "claims.evidencelink": link,
        "claims.proposedclaim": proposal,
        "claims.entity": entity,
        "claims.evidencesuggestion": suggestion,
        "claims.notification": notification,
        "evidence.organisation": aircraft.operator,
        "evidence.aircrafttype": aircraft.aircraft_type,
        "evidence.aircraft": aircraft,
        "evidence.mission": mission,
        "evidence.region": MissionRegion.objects.get(mission=mission).region,
        "evidence.source": SourceFactory(),
        "evidence.importrun": ImportRunFactory(),
        "bot.chatidentity": ChatIdentityFactory(user=people["editor"]),
        "bot.question": QuestionFactory(user=people["editor"]),
        "auth.user": people["editor"],
        "auth.group": Group.objects.get(name="Editors"),
        "authtoken.tokenproxy": TokenProxy.objects.get(pk=Token.objects.create(user=people["staff"]).pk),
    }
    return people, world


@pytest.fixture(scope="module")
def matrix_world(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction rolled back at its end; each request runs in a savepoint on top."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _build_world()
        transaction.set_rollback(True)


@pytest.fixture
def people(matrix_world, db) -> dict[str, User | None]:
    return matrix_world[0]


@pytest.fixture
def world(matrix_world, db) -> dict[str, object]:
    return matrix_world[1]


FINGERPRINT_APPS = ("claims", "evidence", "bot", "auth", "authtoken", "admin")
#: The permission catalogue (written only by migrate) and region boundaries (large, never edited in the admin form).
FINGERPRINT_SKIP = ("auth.permission",)


def _fingerprint_queries() -> list[str]:
    out = []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.app_label in FINGERPRINT_APPS and not opts.proxy and opts.label_lower not in FINGERPRINT_SKIP:
            # a composite primary key (the pair tally's, migration 0015) orders by each of its columns: its
            # ``pk.column`` is None, which SQLite took for a string and PostgreSQL rejects
            order = ", ".join(f'"{field.column}"' for field in opts.pk_fields)
            out.append(f'SELECT * FROM "{opts.db_table}" ORDER BY {order}')
    return out


def fingerprint() -> str:
    """Every row of the project's tables, the users and groups, tokens and the admin log, hashed (plain SQL: fast)."""
    digest = hashlib.sha256()
    with connection.cursor() as cursor:
        for sql in _fingerprint_queries():
            cursor.execute(sql)
            digest.update(f"{sql}:{cursor.fetchall()!r}".encode())
    return digest.hexdigest()


# --- what a browser would post ----------------------------------------------------------------------------------------
class FormFields(HTMLParser):
    """The fields a browser submits from the admin's main form (``<model>_form``)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.fields: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._buffer = ""

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("id") or "").endswith("_form") and a.get("method", "").lower() == "post":
            self.depth = 1
            return
        if not self.depth or a.get("form"):
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind in ("submit", "button", "file", "image"):
                return
            self.fields.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._buffer = name, ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))

    def handle_endtag(self, tag) -> None:
        if tag == "form":
            self.depth = 0
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, self._buffer.removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data) -> None:
        if self._textarea:
            self._buffer += data


def browser_payload(client: Client, url: str, probe: str) -> dict[str, list[str]]:
    """The superuser's change form as a browser would post it, with every text value the page lets one edit marked."""
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    data: dict[str, list[str]] = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    for key in ("title", "claimant", "rationale", "note", "name", "registration", "first_name", "publisher"):
        if key in data:
            data[key] = [data[key][0] + probe]
    if "verdict" in data:
        data["verdict"] = ["refuted"]
    data["_save"] = ["Save"]
    return data


# --- expectations -----------------------------------------------------------------------------------------------------
def _who(model: str, index: int) -> str:
    return POLICY[model][index]


def expected(case: Case, method: str, role: str) -> str:
    """'login' (redirected to sign in), 'refused' (403/404/405, or an action quietly not run), 'ok'."""
    reading = method in ("GET", "HEAD")
    if case.kind in GET_ONLY and not reading:
        return "login" if role in ("anonymous", "outsider") else "refused"
    if case.kind == "logout":  # signs out whoever asks (POST); never a page that writes our data
        return "ok" if method == "POST" else "refused"
    if role in ("anonymous", "outsider"):
        return "login_page" if case.kind == "login" else "login"
    letter = LETTER[role]
    if case.kind in ("index", "jsi18n", "password_change_done", "object_redirect", "view_on_site", "password_change"):
        return "ok"
    if case.kind == "login":
        return "ok"
    if case.kind == "catch_all":
        return "refused"
    if case.kind == "autocomplete":  # the claim page's mission picker: view permission on missions
        return "ok" if letter in _who("evidence.mission", 0) else "refused"
    if case.kind == "app_list":
        return "ok"  # claims (the case's app) is visible to every desk role
    if case.kind == "auth_user_password_change":
        return "ok" if letter in _who("auth.user", 2) else "refused"
    if case.kind == "custom":
        who_get, who_post = CUSTOM[case.name]
        return "ok" if letter in (who_get if reading else who_post) else "refused"
    if case.kind == "action":
        action = case.name.split(":", 1)[1]
        deleters = DELETE_POST.get(case.model, _who(case.model, 3))
        who = deleters if action == "delete_selected" else ACTIONS.get((case.model, action), "?")
        return "ok" if letter in who else "refused"
    view, add, change, delete = POLICY[case.model]
    if case.kind == "changelist" and case.model in OWN_ROWS:
        return "ok"  # every desk role has the view permission and is shown its own rows only
    if case.kind in ("changelist", "history"):
        return "ok" if letter in view or letter in change else "refused"
    if case.kind == "add":
        return "ok" if letter in add else "refused"
    if case.kind == "change":
        return "ok" if letter in (view + change if reading else change) else "refused"
    if case.kind == "delete":
        return "ok" if letter in (delete if reading else DELETE_POST.get(case.model, delete)) else "refused"
    if case.kind == "simple_history":
        return "ok" if reading and letter in view else "refused"
    raise AssertionError(f"no row in the admin permission matrix for {case.name} ({case.kind})")


# --- requests ---------------------------------------------------------------------------------------------------------
def _obj_url(name: str, obj) -> str:
    return reverse(f"admin:{name}", args=[obj.pk])


def request_for(case: Case, method: str, world: dict, payloads: dict) -> tuple[str, dict]:
    """The URL and body for one case: real objects, and a body that would write if it were let through."""
    obj = world.get(case.model)
    if case.kind == "action":
        model_name = case.model.replace(".", "_")
        action = case.name.split(":", 1)[1]
        if action == "sign_off":  # a verdict decided by someone else, awaiting its second review
            Claim.objects.filter(pk=obj.pk).update(verdict="refuted", status="needs_review", reviewed_by=None)
        return reverse(f"admin:{model_name}_changelist"), {
            "action": action,
            "_selected_action": [str(obj.pk)],
            "index": "0",
            "select_across": "0",
            "post": "yes",
        }
    if case.kind in ("changelist", "add"):
        body = payloads.get(case.model, {}) if case.kind == "add" else {}
        return reverse(f"admin:{case.name}"), body
    if case.kind == "change":
        return _obj_url(case.name, obj), payloads.get(case.model, {})
    if case.kind == "delete":
        return _obj_url(case.name, obj), {"post": "yes"}
    if case.kind == "history":
        return _obj_url(case.name, obj), {}
    if case.kind == "simple_history":
        version = obj.history.order_by("history_id").first()
        return reverse(f"admin:{case.name}", args=[obj.pk, version.history_id]), payloads.get(case.model, {})
    if case.kind == "object_redirect":
        return f"/admin/{case.model.replace('.', '/')}/{obj.pk}/", {}
    if case.kind == "custom":
        return custom_request(case.name, world)
    simple = {
        "index": "/admin/",
        "login": "/admin/login/",
        "logout": "/admin/logout/",
        "password_change": "/admin/password_change/",
        "password_change_done": "/admin/password_change/done/",
        "jsi18n": "/admin/jsi18n/",
        "catch_all": "/admin/no-such-page/",
        "app_list": "/admin/claims/",
    }
    if case.kind in simple:
        body = {"old_password": "wrong", "new_password1": "x", "new_password2": "y"}
        return simple[case.kind], body if case.kind == "password_change" else {}
    if case.kind == "autocomplete":
        return "/admin/autocomplete/?app_label=claims&model_name=evidencelink&field_name=mission&term=T", {}
    if case.kind == "view_on_site":
        ct = ContentType.objects.get_for_model(Mission)
        return f"/admin/r/{ct.pk}/{world['evidence.mission'].pk}/", {}
    if case.kind == "auth_user_password_change":
        user = world["auth.user"]
        url = reverse("admin:auth_user_password_change", args=[user.pk])
        return url, {"password1": "matrix-pw-1x!Q", "password2": "matrix-pw-1x!Q", "usable_password": "true"}
    raise AssertionError(f"no request for {case.name} ({case.kind}) — add it to the admin permission matrix")


def custom_request(name: str, world: dict) -> tuple[str, dict]:
    article, claim = world["claims.article"], world["claims.claim"]
    if name == "claims_article_annotate":
        start = article.body.index("The flights")
        return _obj_url(name, article), {"start": str(start), "end": str(start + 40), "claimant": "matrix"}
    if name == "claims_article_proposals":
        return _obj_url(name, article), {"dismiss": str(world["claims.proposedclaim"].pk)}
    if name == "claims_article_extract":
        return _obj_url(name, article), {}
    if name == "claims_claim_link_suggestion":
        suggestion = world["claims.evidencesuggestion"]
        EvidenceLink.objects.filter(claim=claim, mission=suggestion.mission).delete()
        return _obj_url(name, claim), {"link": f"{suggestion.pk}:supports"}
    if name == "evidence_importrun_operate":
        run = world["evidence.importrun"]
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, finished_at=None)
        return _obj_url(name, run), {"action": "cancel"}
    if name == "claims_claim_match":
        return _obj_url(name, claim), {"match": f"{ClaimMatch.objects.get(claim=claim).pk}:confirm"}
    if name == "claims_claim_cluster":
        return _obj_url(name, claim), {}
    if name == "evidence_importrun_upload":
        upload = SimpleUploadedFile("trace_full_matrix.json", b'{"icao": "ae0001", "timestamp": 0, "trace": []}')
        return reverse(f"admin:{name}"), {"files": upload}
    raise AssertionError(name)


def _login(client: Client, user: User | None) -> None:
    client.logout()
    if user is not None:
        client.force_login(user)


def check(case: Case, method: str, role: str, response, wrote: bool) -> str | None:
    """A mismatch, in words, or None."""
    want = expected(case, method, role)
    code = response.status_code
    where = f"{case} {method} as {role}: {code}"
    if code >= 500:
        return f"{where} — server error"
    if case.kind == "logout":
        return None if code in (200, 302, 405) and not wrote else f"{where} — logout wrote or failed"
    if want == "login":
        ok = code == 302 and response["Location"].startswith("/admin/login/")
        return None if ok and not wrote else f"{where} — expected a redirect to sign in, nothing written"
    if want == "login_page":
        return None if code == 200 and not wrote else f"{where} — expected the sign-in page"
    if want == "refused":
        if wrote:
            return f"{where} — refused request WROTE to the database"
        if case.model in OWN_ROWS and case.kind != "action" and code == 302 and response["Location"] == "/admin/":
            return None  # someone else's row: "does not exist" for them (see OWN_ROWS), nothing written
        if case.kind == "action":  # an action one may not run is not offered: the changelist, nothing done
            return None if code in (200, 302, 403) else f"{where} — expected the action refused"
        return None if code in (403, 404, 405) else f"{where} — expected 403/404/405"
    if code in (403, 404, 405) or (code == 302 and response["Location"].startswith("/admin/login/")):
        return f"{where} — expected to be allowed"
    quiet = ("claims_article_extract", "evidence_importrun_upload")
    if case.kind in ("action", "custom", "delete") and method == "POST" and not wrote and case.name not in quiet:
        return f"{where} — allowed but wrote nothing (the body is not a real write)"
    if case.kind == "change" and method == "POST" and code == 302 and not wrote:
        return f"{where} — allowed change saved nothing"
    return None


def methods_for(case: Case, role: str) -> tuple[str, ...]:
    """GET and POST for everyone; the superuser (who passes every permission check) also PUT and DELETE, which the
    admin must treat as reads. An action is a POST to its changelist (its GET is the changelist's own row)."""
    if case.kind == "action":
        return ("POST",)
    return ("GET", "POST", "PUT", "DELETE") if role == "staff" else ("GET", "POST")


CASES = admin_cases()


class Payloads:
    """What a browser posts on a model's change page (the superuser's view of it), edited; read once per model."""

    def __init__(self, world: dict, staff: User) -> None:
        self.world, self.staff, self.cache = world, staff, {}

    def get(self, label: str, default=None) -> dict:
        if label not in self.cache:
            client = Client()
            client.force_login(self.staff)
            url = _obj_url(label.replace(".", "_") + "_change", self.world[label])
            self.cache[label] = browser_payload(client, url, " (matrix)")
        return self.cache[label]


@pytest.fixture(scope="module")
def payload_cache() -> dict:
    return {}


@pytest.fixture
def payloads(world, people, payload_cache) -> Payloads:
    p = Payloads(world, people["staff"])
    p.cache = payload_cache
    return p


def _send(client: Client, method: str, url: str, body: dict):
    if method == "GET":
        return client.get(url)
    if method == "POST":
        return client.post(url, body)
    return client.generic(method, url)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_admin_url_permissions(case: Case, people, world, payloads):
    client = Client()
    problems = []
    for role in ROLES:
        for method in methods_for(case, role):
            with transaction.atomic():
                _login(client, people[role])
                url, body = request_for(case, method, world, payloads)
                before = fingerprint() if method != "GET" else ""
                response = _send(client, method, url, body)
                wrote = method != "GET" and fingerprint() != before
                if method in ("GET", "POST"):
                    problem = check(case, method, role, response, wrote)
                elif wrote or response.status_code >= 500:
                    problem = f"{case} {method} as {role}: {response.status_code}, wrote={wrote}"
                else:
                    problem = None
                if problem:
                    problems.append(problem)
                transaction.set_rollback(True)
    assert not problems, "\n".join(problems)


def test_the_matrix_knows_every_admin_url_and_action():
    unknown = []
    for case in CASES:
        try:
            for role in STAFF_ROLES:
                expected(case, "GET", role)
        except (AssertionError, KeyError) as exc:
            unknown.append(f"{case}: {exc}")
    registered = {m._meta.label_lower for m in admin.site._registry}
    assert registered == set(POLICY), "every registered model needs its POLICY row"
    assert not unknown, "\n".join(unknown)
    names = {c.name for c in CASES}
    assert {"claims_claim_simple_history", "evidence_aircraft_simple_history", *CUSTOM} <= names


def test_refusal_is_checked_against_real_writes(client, people, world, payloads):
    """The matrix's bodies really write when let through: the superuser's POSTs change what they target."""
    client.force_login(people["staff"])
    claim = world["claims.claim"]
    resp = client.post(_obj_url("claims_claim_change", claim), payloads.get("claims.claim"))
    assert resp.status_code == 302, resp.content[:2000]
    claim.refresh_from_db()
    assert claim.verdict == "refuted" and claim.claimant.endswith("(matrix)")
    source = world["evidence.source"]
    resp = client.post(_obj_url("evidence_source_change", source), payloads.get("evidence.source"))
    assert resp.status_code == 302
    assert Source.objects.get(pk=source.pk).title.endswith("(matrix)")
