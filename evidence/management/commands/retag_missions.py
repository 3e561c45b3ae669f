from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from evidence.models import Mission
from evidence.services.retag import retag_missions


class Command(BaseCommand):
    help = "Recompute every mission's regions (over / minimum distance) from its stored track and the current regions."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", help="Only missions starting on or after this date (YYYY-MM-DD).")

    def handle(self, *args, **options) -> None:
        qs = Mission.objects.all()
        if options["since"]:
            qs = qs.filter(start__date__gte=options["since"])
        total = qs.count()
        with Progress(disable=not self.stdout.isatty()) as bar:
            task = bar.add_task("re-tagging missions", total=total)
            try:
                result = retag_missions(queryset=qs, progress=lambda n: bar.advance(task, n))
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(f"{result['missions']} missions re-tagged, {result['region_links']} region rows written.")
