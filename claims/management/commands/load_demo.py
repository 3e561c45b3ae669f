from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.services.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo: accounts, reference data, demo flights and the annotated demo article (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--flights-dir", type=Path, help="Where to write the demo trace files (default var/).")
        parser.add_argument("--force", action="store_true", help="Allow in production (creates known passwords!).")

    def handle(self, *args, **options) -> None:
        if settings.PRODUCTION and not options["force"]:
            raise CommandError(
                "load_demo creates accounts with known passwords; refusing in production without --force."
            )
        result = load_demo(flights_dir=options["flights_dir"], log=self.stdout.write)
        for err in result.import_errors:
            self.stderr.write(f"import error: {err}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: article #{result.article.pk} with {result.claims} claims, "
                f"{result.missions} demo missions, {result.links} new evidence links."
            )
        )
        self.stdout.write("Sign in at http://127.0.0.1:8000/admin/ with:")
        for username, password in result.users.items():
            self.stdout.write(f"  {username:12s} password: {password}")
