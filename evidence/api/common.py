"""Shared pieces of the REST API: permissions, parsers, errors, pagination, renderers.

Lives in ``evidence`` because it is the bottom layer (``claims`` and ``bot`` depend on it, never the reverse). Every
API view in the project mixes in :class:`ApiViewMixin`, so the error format and the request-body limits hold even
though ``settings.REST_FRAMEWORK`` does not name them.

Errors are always ``{"detail": "<message>"}``; validation errors add the field errors next to it:
``{"detail": "Invalid input.", "title": ["This field is required."]}``.
"""
from __future__ import annotations

import codecs
import json
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import (
    ObjectDoesNotExist,
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError, IntegrityError
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import exceptions, permissions, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.utils.json import strict_constant
from rest_framework.views import exception_handler as drf_exception_handler

# --- errors ----------------------------------------------------------------------------------------------------------


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Request body too large."
    default_code = "payload_too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The request conflicts with existing data."
    default_code = "conflict"


def _translate(exc: Exception) -> Exception:
    """Turn the Django exceptions a malformed request can raise into API exceptions (never a 500)."""
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError("Too many fields or files in the request.")
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError("Malformed request.")
    if isinstance(exc, ObjectDoesNotExist):
        return exceptions.NotFound()
    if isinstance(exc, IntegrityError):
        return Conflict()
    return exc


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _translate(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        if isinstance(exc, DatabaseError):  # e.g. an out-of-range integer the backend refuses: the request's fault
            return Response({"detail": "The request could not be processed."}, status=status.HTTP_400_BAD_REQUEST)
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        if isinstance(data, dict):
            response.data = {"detail": data.get("detail", "Invalid input."), **data}
        else:
            response.data = {"detail": "Invalid input.", api_settings.NON_FIELD_ERRORS_KEY: data}
    elif not isinstance(data, dict) or "detail" not in data:
        response.data = {"detail": data}
    return response


def inline_choice_field(choices: Any, **kwargs: Any) -> serializers.ChoiceField:
    """A ChoiceField whose enum is inlined in the schema, for field names several models share ("kind"): named enum
    components would collide (a drf-spectacular warning) and settings are not this module's to change."""
    values = [value for value, _label in choices]

    @extend_schema_field({"type": "string", "enum": values})
    class InlineChoiceField(serializers.ChoiceField):
        pass

    return InlineChoiceField(choices=choices, **kwargs)


# --- parsers ---------------------------------------------------------------------------------------------------------


class SafeJSONParser(JSONParser):
    """DRF's JSON parser, hardened: the body is capped at ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (DRF reads the stream
    without that check), and unknown charsets or absurdly nested documents are a 400, not a 500."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: dict | None = None) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise PayloadTooLarge()
        charset = (parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET
        try:
            codecs.lookup(charset)
            text = raw.decode(charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise exceptions.ParseError(f"JSON parse error - cannot decode the body as {charset!r}") from exc
        try:
            return json.loads(text, parse_constant=strict_constant if self.strict else None)
        except ValueError as exc:
            raise exceptions.ParseError(f"JSON parse error - {exc}") from exc
        except RecursionError as exc:
            raise exceptions.ParseError("JSON parse error - nested too deeply") from exc


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class JSONLDScriptRenderer(JSONRenderer):
    """JSON-LD as a ``<script type="application/ld+json">`` element to embed in a web page (``?format=embed``).

    Inside a script element ``</`` could close it and ``<!--`` open a comment: every ``<``, ``>`` and ``&`` is written
    as a JSON unicode escape, so the data parses to the same values and the page cannot be broken out of. An error
    (a 4xx body with ``detail``) is rendered as plain JSON, not wrapped.
    """

    # text/plain, not text/html: a browser opening ``?format=embed`` shows the element to copy instead of running
    # it, and a browser's ``Accept: text/html`` on the plain URL still gets the JSON-LD itself.
    media_type = "text/plain"
    format = "embed"
    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        body = super().render(data, "application/json", renderer_context).decode("utf-8")
        response = (renderer_context or {}).get("response")
        if response is not None and response.status_code >= 400:
            return body.encode("utf-8")
        safe = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return f'<script type="application/ld+json">{safe}</script>\n'.encode()


# --- permissions -----------------------------------------------------------------------------------------------------


class DeskModelPermissions(permissions.DjangoModelPermissions):
    """Model permissions from the desk's groups (claims/migrations/0002_groups.py), reads included.

    - anonymous: 401; a method the view does not offer: 405 (not a misleading 403);
    - views may name the permissions an extra action needs: ``action_permissions = {"accept": ("claims.…",)}``.
    """

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        extra = getattr(view, "action_permissions", {}).get(getattr(view, "action", None))
        if extra is not None:
            return request.user.has_perms(extra)
        if request.method not in view.allowed_methods:
            return True  # the view answers 405
        return super().has_permission(request, view)


class HasPermissions(permissions.BasePermission):
    """For operation views without a model queryset: ``required_permissions = ("bot.ask_bot",)`` on the view."""

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perms(getattr(view, "required_permissions", ())))


class IsStaff(permissions.BasePermission):
    """Staff operations (importing flight data and registries), gated as the admin's upload is: ``is_staff`` *and*
    the model permissions the view names in ``required_permissions`` (desk users are staff so they can use the
    admin, but only administrators hold ``evidence.add_mission``). Anonymous: 401; anyone else: 403."""

    message = "Only staff may import data."

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active and user.is_staff):
            return False
        return user.has_perms(getattr(view, "required_permissions", ()))


# --- schema ----------------------------------------------------------------------------------------------------------

#: The error format in the schema: ``detail`` always, the field errors of a validation error beside it.
ERROR_SCHEMA = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"description": "What is wrong", "type": "string"}},
    "additionalProperties": {"description": "A field's errors (validation errors only)"},
}


class DeskAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, plus the error responses every API operation can give ({"detail": …}):
    401 and 403 (authentication and permissions), 404 (unknown record, page or ``format``), 429 (throttled), 400
    when the operation reads query parameters or a body or is a write (a decision already taken), 413 and 415 when it
    reads a body. Codes a view documents itself are kept."""

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        has_body = "requestBody" in operation
        errors = {
            "400": "Invalid input: what is wrong and where",
            "401": "Not signed in (no or an invalid token)",
            "403": "Signed in, without the permission",
            "404": "Unknown record, page or format",
            "413": "Request body too large",
            "415": "Unsupported media type",
            "429": "Too many requests (throttled): the Retry-After header says when to try again",
        }
        if not has_body:
            del errors["413"], errors["415"]
            reads_input = self.method in ("POST", "PUT", "PATCH") or any(
                p["in"] == "query" for p in operation.get("parameters", [])
            )
            if not reads_input:
                del errors["400"]
        component = ResolvedComponent(name="Error", type=ResolvedComponent.SCHEMA, schema=ERROR_SCHEMA, object="Error")
        self.registry.register_on_missing(component)
        for code, description in errors.items():
            if code not in operation["responses"]:
                response = OpenApiResponse(response=component.ref, description=description)
                operation["responses"][code] = self._get_response_for_code(response, code)
        operation["responses"] = dict(sorted(operation["responses"].items()))
        return operation


# --- pagination & base view ------------------------------------------------------------------------------------------


class DeskPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 500


class ApiViewMixin:
    """Mixed into every API view and viewset: hardened parsers and the ``{"detail": …}`` error format."""

    parser_classes: ClassVar[tuple] = (SafeJSONParser, FormParser, MultiPartParser)
    permission_classes: ClassVar[tuple] = (DeskModelPermissions,)
    pagination_class = DeskPagination
    schema = DeskAutoSchema()

    def get_exception_handler(self) -> Any:
        return api_exception_handler

    def get_object(self) -> Any:
        """The record named in the URL. A NUL character names none: 404 before the query, which PostgreSQL would
        refuse (a text value cannot hold NUL) while SQLite just finds nothing."""
        lookup = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)  # type: ignore[attr-defined]
        if isinstance(lookup, str) and "\x00" in lookup:
            raise exceptions.NotFound()
        return super().get_object()  # type: ignore[misc]

    def is_schema_generation(self) -> bool:
        return getattr(self, "swagger_fake_view", False)
