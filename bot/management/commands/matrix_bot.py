"""``python manage.py matrix_bot``: run the Matrix bot (a long-running sync client) until interrupted."""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from bot.matrix.bot import MatrixBot, MatrixBotError


class Command(BaseCommand):
    help = "Answer Flightcheck questions in Matrix rooms: join on invite, reply to mentions in threads."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--homeserver", default=settings.MATRIX_HOMESERVER, help="default: MATRIX_HOMESERVER")
        parser.add_argument("--user-id", default=settings.MATRIX_USER_ID, help="default: MATRIX_USER_ID")
        parser.add_argument("--password", default=settings.MATRIX_PASSWORD, help="default: MATRIX_PASSWORD")
        parser.add_argument("--max-seconds", type=float, default=0, help="stop after this long (0: run until stopped)")
        parser.add_argument("--sync-timeout", type=int, default=30_000, help="long-poll timeout in ms")

    def handle(self, *args: Any, **options: Any) -> None:
        missing = [name for name in ("homeserver", "user_id", "password") if not options[name]]
        if missing:
            raise CommandError(
                "Matrix bot not configured: set MATRIX_HOMESERVER, MATRIX_USER_ID, MATRIX_PASSWORD "
                f"(missing: {', '.join(missing)})"
            )
        if options["verbosity"] >= 2:
            logging.basicConfig(level=logging.INFO)
        try:
            asyncio.run(self._run(options))
        except MatrixBotError as exc:
            raise CommandError(str(exc)) from exc
        except KeyboardInterrupt:
            pass

    async def _run(self, options: dict[str, Any]) -> None:
        bot = MatrixBot(options["homeserver"], options["user_id"], options["password"])
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            # Not available off the main thread or on platforms without signals.
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stop.set)
        if options["max_seconds"]:
            loop.call_later(options["max_seconds"], stop.set)
        try:
            await bot.start()
            self.stdout.write(f"Matrix bot {bot.user_id} listening on {options['homeserver']}")
            await bot.run(stop=stop, sync_timeout_ms=options["sync_timeout"])
        finally:
            await bot.close()
        self.stdout.write(f"Matrix bot stopped after answering {bot.answered} message(s)")
