"""POST /api/ask/: ask the bot a question over the API (JSON in, ``Answer.to_dict()`` out), and GET /api/questions/:
the asker's own question log. Nobody sees another user's questions or conversations through the API."""
from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from bot.models import Platform, Question
from evidence.api.common import ApiViewMixin, HasPermissions

#: Longest question accepted over the API (the same bound the chat adapters use).
MAX_QUESTION_CHARS = 20_000


class AskSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=MAX_QUESTION_CHARS, help_text='e.g. "How many P-8 flights near Texas in '
                                 'February?"')
    channel = serializers.CharField(max_length=255, required=False, allow_blank=True, default="",
                                    help_text="Conversation key for follow-ups (any string you choose)")
    thread = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")


class AnswerSerializer(serializers.Serializer):
    """``bot.answers.Answer.to_dict()``."""

    answer = serializers.CharField()
    count = serializers.IntegerField(allow_null=True)
    query = serializers.DictField()
    missions = serializers.ListField(child=serializers.DictField())
    claims = serializers.ListField(child=serializers.DictField())
    breakdown = serializers.ListField(child=serializers.DictField())
    notes = serializers.ListField(child=serializers.CharField())
    declined = serializers.BooleanField()
    reason = serializers.CharField(allow_blank=True)
    picture = serializers.DictField(allow_null=True, help_text='The answer\'s picture: {"kind", "url" (signed PNG), '
                                    '"map_url" (interactive map), "alt", "filename"}, or null')


class AskView(ApiViewMixin, APIView):
    """Ask a question about the flight records or the claims; the answer states its exact scope and cites records."""

    permission_classes = (HasPermissions,)
    required_permissions = ("bot.ask_bot",)

    @extend_schema(
        request=AskSerializer,
        responses={200: AnswerSerializer},
        description="Over the bot's per-user rate limit (BOT_RATE_LIMIT) the 429 carries the declined answer's "
        "fields beside ``detail``; over the API's throttle, ``detail`` alone (the Error format either way).",
        summary="Ask the bot",
    )
    def post(self, request: Request) -> Response:
        serializer = AskSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        from bot.services import ask  # the answering core, loaded on first use

        answer = ask(
            text=data["text"],
            user=request.user,
            platform=Platform.API,
            channel=data["channel"],
            thread=data["thread"],
            user_key=f"user:{request.user.pk}",
        )
        if answer.declined and answer.reason == "rate_limited":
            # the API's error format (``detail``), with the declined answer beside it for chat-style clients
            return Response({"detail": answer.text, **answer.to_dict()}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        return Response(answer.to_dict(), status=200)


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ("id", "platform", "text", "query", "count", "declined", "duration_ms", "asked_at")


class QuestionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """The questions you asked (any platform) and how they were answered. Only your own."""

    queryset = Question.objects.all()
    serializer_class = QuestionSerializer
    filterset_fields = ("platform", "declined")
    search_fields = ("text",)
    ordering_fields = ("asked_at",)
    ordering = ("-asked_at", "-id")

    def get_queryset(self) -> QuerySet[Question]:
        user: Any = self.request.user
        if not getattr(user, "is_authenticated", False):
            return Question.objects.none()
        return Question.objects.filter(user=user)
