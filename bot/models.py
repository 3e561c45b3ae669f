"""Bot state: who a chat user is in Flightcheck, the conversation context for follow-ups, delivered events."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Platform(models.TextChoices):
    WEB = "web", "Web app"
    API = "api", "API"
    CLI = "cli", "Command line"
    SLACK = "slack", "Slack"
    MATTERMOST = "mattermost", "Mattermost"
    MATRIX = "matrix", "Matrix"


class ChatIdentity(models.Model):
    """Links a chat account (Slack user id, Mattermost user id, Matrix user id) to a Flightcheck user, whose groups
    decide what the bot may answer."""

    platform = models.CharField(max_length=20, choices=Platform.choices)
    workspace = models.CharField(
        max_length=200, blank=True, help_text="Slack team id, Mattermost team id, Matrix server"
    )
    external_id = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="chat_identities")

    class Meta:
        verbose_name_plural = "chat identities"
        constraints = [
            models.UniqueConstraint(fields=["platform", "workspace", "external_id"], name="one_identity_per_account")
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.external_id} → {self.user}"


class Conversation(models.Model):
    """The last structured query per (platform, channel, thread, user): what follow-ups edit."""

    platform = models.CharField(max_length=20, choices=Platform.choices)
    channel = models.CharField(max_length=255, blank=True)
    thread = models.CharField(max_length=255, blank=True)
    user_key = models.CharField(max_length=255)
    last_query = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "channel", "thread", "user_key"], name="one_context_per_thread")
        ]

    def __str__(self) -> str:
        return f"{self.platform}:{self.channel}/{self.thread or '-'} {self.user_key}"


class DeliveredEvent(models.Model):
    """Platform event ids already handled, so retried deliveries are answered once."""

    platform = models.CharField(max_length=20, choices=Platform.choices)
    event_id = models.CharField(max_length=255)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "event_id"], name="deliver_once")]

    def __str__(self) -> str:
        return f"{self.platform}:{self.event_id}"


class Question(models.Model):
    """A log of every question asked and how it was answered (for audit and for improving the parser)."""

    platform = models.CharField(max_length=20, choices=Platform.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField()
    query = models.JSONField(default=dict, blank=True)
    count = models.IntegerField(null=True, blank=True)
    declined = models.BooleanField(default=False)
    duration_ms = models.FloatField(null=True, blank=True)
    asked_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-asked_at"]
        permissions = [("ask_bot", "Can ask the bot questions")]

    def __str__(self) -> str:
        return self.text[:80]
