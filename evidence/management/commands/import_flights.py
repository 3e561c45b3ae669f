"""``manage.py import_flights PATH…``: start an import job (evidence/services/import_jobs.py) and, by default, wait
for it with a progress bar. Without a broker the job runs in this process; with one, on the Celery workers."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from evidence.models import ImportRun
from evidence.services import import_jobs
from evidence.services.flight_import import ImportProgress


def error_lines(errors: list[dict[str, str]]) -> list[str]:
    """``path: location: reason`` per error, whole (no wrapping at any terminal width)."""
    lines = []
    for e in errors:
        parts = [e.get("path", "") or "-", e.get("location", "") or "-", e.get("reason", "")]
        lines.append(": ".join(" ".join(str(p).splitlines()) for p in parts))
    return lines


class Command(BaseCommand):
    #: While waiting, seconds without any progress before the command checks that a worker is still there.
    silent_seconds = 30.0
    in_process = False

    help = (
        "Import flight files (readsb/tar1090 traces, OpenSky state-vector CSV, traffic JSON/CSV), directory trees "
        "(day archives YYYY/MM/DD/traces/xx/ included) and release tars (split .tar.aa/.tar.ab… parts too). "
        "Exit status 1 if any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", help="files, directories or tars")
        parser.add_argument(
            "--gap-minutes",
            type=float,
            default=None,
            help="reception gap that ends a mission (default: settings.MISSION_GAP_MINUTES)",
        )
        parser.add_argument(
            "--allow-untagged",
            action="store_true",
            help="import even when the database has no regions (missions are then not tagged with any place)",
        )
        parser.add_argument("--workers", type=int, default=1, help="(no broker) processes parsing files in parallel")
        parser.add_argument("--all", action="store_true", help="keep every aircraft, not only military/watched ones")
        parser.add_argument(
            "--in-process", action="store_true", help="run the job in this process even when a broker is configured"
        )
        wait = parser.add_mutually_exclusive_group()
        wait.add_argument("--no-wait", action="store_true", help="(broker) print the run id and return at once")
        wait.add_argument("--wait", action="store_true", help="wait for the run with a progress bar (the default)")
        parser.add_argument("--resume", type=int, metavar="RUN_ID", help="resume an interrupted or cancelled run")
        parser.add_argument("--cancel", type=int, metavar="RUN_ID", help="cancel a running import")
        parser.add_argument(
            "--reconcile", action="store_true", help="close runs with no progress for IMPORT_STALE_MINUTES"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        console = Console(file=self.stdout, force_terminal=False, width=120)
        eager = import_jobs.tasks_in_process() or options["in_process"]
        self.in_process = eager
        if options["reconcile"]:
            closed = import_jobs.reconcile_stale_runs()
            self.stdout.write(f"closed as interrupted: {', '.join(map(str, closed)) or 'none'}")
            return
        if options["cancel"]:
            run = self._get(options["cancel"])
            try:
                run = import_jobs.cancel_run(run)
            except import_jobs.ImportStateError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(f"{run}: cancel requested")
            return
        self._require_regions(options)
        if options["no_wait"] and eager:
            raise CommandError("--no-wait needs a broker (CELERY_BROKER_URL): without one the import runs here")
        if not eager and not import_jobs.import_workers():
            if not options["no_wait"]:  # nobody would take the run: say so now instead of waiting forever
                raise CommandError(import_jobs.no_workers_message() + " Nothing was queued.")
            self.stderr.write(import_jobs.no_workers_message() + " The run waits in the queue until a worker starts.")
        show_bar = options.get("verbosity", 1) >= 1
        with self._bar(console, show_bar) as (bar, task):
            counts = {"done": 0, "positions": 0}

            def progress(run: ImportRun, p: ImportProgress) -> None:
                counts["done"] += 1
                counts["positions"] += p.positions
                bar.update(task, total=run.files_total or None, completed=counts["done"], positions=counts["positions"])

            token = import_jobs.progress_hook.set(progress)
            try:
                run = self._start(options)
            finally:
                import_jobs.progress_hook.reset(token)
            if options["no_wait"]:
                self.stdout.write(f"{run}: queued; follow it in the admin or GET /api/import-runs/{run.pk}/")
                return
            run = self._wait(run, bar, task)
        self._summary(console, run)

    def _require_regions(self, options: dict[str, Any]) -> None:
        """Importing (or resuming) into a database without regions would store missions tagged with no place."""
        from evidence.models import Region

        if not options["allow_untagged"] and not Region.objects.exists():
            raise CommandError(
                "The database has no regions, so imported missions could not be tagged with the places they flew "
                "over or near. Run `manage.py migrate` (it seeds the reference data) or `manage.py seed_reference` "
                "first, or pass --allow-untagged to import without places."
            )

    def _get(self, pk: int) -> ImportRun:
        try:
            return ImportRun.objects.get(pk=pk)
        except ImportRun.DoesNotExist:
            raise CommandError(f"no import run {pk}") from None

    def _start(self, options: dict[str, Any]) -> ImportRun:
        if options["resume"]:
            try:
                return import_jobs.resume_run(self._get(options["resume"]))
            except import_jobs.ImportStateError as exc:
                raise CommandError(str(exc)) from None
        if not options["paths"]:
            raise CommandError("give files, directories or tars to import (or --resume/--cancel/--reconcile)")
        job_options = {"gap_minutes": options["gap_minutes"], "keep_all": options["all"]}
        if self.in_process:  # no broker (or --in-process): the same planning and units, in this process
            import_jobs.reconcile_stale_runs()
            return import_jobs.import_synchronously(
                options["paths"], origin="cli", options=job_options, workers=options["workers"]
            )
        return import_jobs.start_import(
            options["paths"], origin="cli", options=job_options
        )

    def _wait(self, run: ImportRun, bar: Progress, task: Any) -> ImportRun:
        run.refresh_from_db()
        # With a broker: follow the workers' progress in the database; when nothing moves for a while, make sure a
        # worker is still there (one killed or stopped mid-run would leave this loop waiting for ever).
        seen, still_since = None, time.monotonic()
        while run.status in ImportRun.ACTIVE and not self.in_process:
            done = run.files_read + run.files_failed
            bar.update(task, total=run.files_total or None, completed=done, positions=run.positions_read)
            state = (run.status, run.units_done, done, run.positions_read)
            if state != seen:
                seen, still_since = state, time.monotonic()
            elif time.monotonic() - still_since > self.silent_seconds:
                if not import_jobs.import_workers():
                    raise CommandError(
                        f"{import_jobs.no_workers_message()} {run} stays {run.get_status_display().lower()}: it "
                        f"goes on when a worker starts; or cancel it with --cancel {run.pk}."
                    )
                still_since = time.monotonic()
            time.sleep(0.5)
            run.refresh_from_db()
        return run

    def _bar(self, console: Console, show: bool) -> Any:
        from contextlib import contextmanager

        @contextmanager
        def bar() -> Any:
            with Progress(
                TextColumn("[bold]importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[positions]:,} positions"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=console,
                disable=not show,
                transient=True,
            ) as progress:
                yield progress, progress.add_task("import", total=None, positions=0)

        return bar()

    def _summary(self, console: Console, run: ImportRun) -> None:
        table = Table(title=f"Import #{run.pk}: {run.get_status_display()}", show_header=False)
        for label, value in (
            ("files read", run.files_read),
            ("files failed", run.files_failed),
            ("positions", f"{run.positions_read:,}"),
            ("aircraft heard / kept", f"{run.aircraft_heard:,} / {run.aircraft_kept:,}"),
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
        if run.status == ImportRun.Status.INTERRUPTED:
            raise CommandError(f"{run} was interrupted; resume it with --resume {run.pk}", returncode=1)
        if run.errors or run.status != ImportRun.Status.SUCCEEDED:
            raise CommandError(f"{run.files_failed or 'some'} file(s) failed", returncode=1)
