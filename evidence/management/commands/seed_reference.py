from django.core.management.base import BaseCommand

from evidence.services.reference import seed_reference_data


class Command(BaseCommand):
    help = "Seed ICAO aircraft types, organisations and region boundaries (idempotent; nothing is downloaded)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-regions", action="store_true", help="Skip the region boundaries (faster).")

    def handle(self, *args, **options) -> None:
        seed_reference_data(regions=not options["no_regions"], log=self.stdout.write)
