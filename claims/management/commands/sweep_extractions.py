"""python manage.py sweep_extractions: queue again every extraction left undone (for a cron line; Celery beat runs
the same sweep every EXTRACTION_SWEEP_SECONDS)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from claims.services.reextraction import extractions_sweep, stuck_after


class Command(BaseCommand):
    help = (
        "Queue again the extractions the workers never finished: not queued (broker down at save), stuck (pending or "
        "running longer than EXTRACTION_STUCK_AFTER_SECONDS) or out of date. Idempotent; safe to run from cron."
    )

    def handle(self, *args, **options) -> None:
        counts = extractions_sweep()
        if not counts:
            self.stdout.write(f"Nothing to queue (stuck means pending or running for over {stuck_after()}).")
            return
        for reason, n in counts.items():
            self.stdout.write(f"Queued {n} extraction(s): {reason}.")
