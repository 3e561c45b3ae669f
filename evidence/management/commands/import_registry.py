"""``manage.py import_registry FILE``: a thin shell around evidence.services.registry_import.import_registry."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.table import Table

from evidence.services.registry_import import import_registry


class Command(BaseCommand):
    help = (
        "Import an aircraft registry: plane-alert-db CSV or tar1090-db aircraft.csv (auto-detected). Updates "
        "registration, type, operator and the military flag; values a person set in the admin are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--format", choices=["plane-alert", "tar1090"], default=None, dest="fmt")
        create = parser.add_mutually_exclusive_group()
        create.add_argument(
            "--create-missing",
            action="store_true",
            default=None,
            help="create aircraft not yet in the database (default: plane-alert yes, tar1090 military only)",
        )
        create.add_argument("--no-create-missing", action="store_false", dest="create_missing")

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(file=self.stdout, force_terminal=False, width=120)
        try:
            result = import_registry(options["file"], fmt=options["fmt"], create_missing=options["create_missing"])
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        table = Table(title=f"Registry import ({result.format})", show_header=False)
        for label in ("rows", "created", "updated", "unchanged", "skipped"):
            table.add_row(label, f"{getattr(result, label):,}")
        table.add_row("bad rows", str(len(result.errors)))
        console.print(table)
        for e in result.errors[:50]:
            console.print(f"line {e.line}: {e.reason}")
        if len(result.errors) > 50:
            console.print(f"… and {len(result.errors) - 50} more bad rows")
