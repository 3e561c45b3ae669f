"""``python manage.py ask "how many U-2 missions near Texas in February?" [--json] [--user USERNAME]``

A thin interface over :func:`bot.services.ask`: the same answer, permissions and log as every chat platform.
"""
from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bot.models import Platform
from bot.services import ask


class Command(BaseCommand):
    help = "Ask the bot a question from the command line and print its answer (or its JSON form with --json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("question", help='The question, quoted: "how many U-2 missions near Texas in February?"')
        parser.add_argument("--json", action="store_true", help="Print the machine-readable answer.")
        parser.add_argument(
            "--user",
            help="Ask as this user (permissions and rate limit apply). Default: the first active superuser.",
        )
        parser.add_argument("--thread", default="", help="Conversation thread key, to ask follow-ups across runs.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = self._user(options.get("user"))
        answer = ask(
            text=options["question"],
            user=user,
            platform=Platform.CLI,
            channel="cli",
            thread=options["thread"],
            user_key=f"cli:{user.get_username()}",
        )
        if options["json"]:
            self.stdout.write(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(answer.text)
        for note in answer.notes:
            self.stdout.write(f"  · {note}")
        if answer.missions and "\n" not in answer.text:
            for m in answer.missions:
                self.stdout.write(f"  - {m['type']} {m['registration']} {m['hex']} {m['callsign']} {m['start']}")

    def _user(self, username: str | None):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(f"No active user {username!r}.")
            return user
        user = users.filter(is_superuser=True).order_by("pk").first()
        if user is None:
            raise CommandError("No active superuser: pass --user USERNAME.")
        return user
