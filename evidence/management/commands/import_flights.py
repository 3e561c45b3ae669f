"""``manage.py import_flights PATH…``: a thin shell around evidence.services.flight_import.import_flight_files."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from evidence.services.flight_import import ImportProgress, import_flight_files


def error_lines(errors: list[dict[str, str]]) -> list[str]:
    """``path: location: reason`` per error, whole (no wrapping at any terminal width)."""
    lines = []
    for e in errors:
        parts = [e.get("path", "") or "-", e.get("location", "") or "-", e.get("reason", "")]
        lines.append(": ".join(" ".join(str(p).splitlines()) for p in parts))
    return lines


class Command(BaseCommand):
    help = (
        "Import flight files (readsb/tar1090 traces, OpenSky state-vector CSV, traffic JSON/CSV) or directory trees "
        "(day archives YYYY/MM/DD/traces/xx/ included). Exit status 1 if any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or directories")
        parser.add_argument(
            "--gap-minutes",
            type=float,
            default=None,
            help="reception gap that ends a mission (default: settings.MISSION_GAP_MINUTES)",
        )

        parser.add_argument("--workers", type=int, default=1, help="processes parsing files in parallel (default 1)")

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(file=self.stdout, force_terminal=False, width=120)
        show_bar = options.get("verbosity", 1) >= 1
        with Progress(
            TextColumn("[bold]importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[positions]:,} positions"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not show_bar,
            transient=True,
        ) as bar:
            task = bar.add_task("import", total=None, positions=0)
            positions = 0

            def progress(p: ImportProgress) -> None:
                nonlocal positions
                positions += p.positions
                bar.update(task, total=p.total, completed=p.done, positions=positions)

            run = import_flight_files(
                options["paths"],
                origin="cli",
                progress=progress,
                gap_minutes=options["gap_minutes"],
                workers=options["workers"],
            )

        table = Table(title=f"Import #{run.pk}: {run.get_status_display()}", show_header=False)
        for label, value in (
            ("files read", run.files_read),
            ("files failed", run.files_failed),
            ("positions", f"{run.positions_read:,}"),
            ("missions created", run.missions_created),
            ("missions updated", run.missions_updated),
        ):
            table.add_row(label, str(value))
        console.print(table)
        if run.errors:
            # One error per line, never folded or cut (rich would fold a long path): the path can be copied as is.
            self.stdout.write(f"Errors ({len(run.errors)}), as path: entry or line: reason")
            for line in error_lines(run.errors):
                self.stdout.write(line)
            raise CommandError(f"{run.files_failed or 'some'} file(s) failed", returncode=1)
