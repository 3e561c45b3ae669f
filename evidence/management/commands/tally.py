from django.core.management.base import BaseCommand, CommandError

from evidence import tally


class Command(BaseCommand):
    help = ("Check the pre-aggregated mission tallies against the mission tables (--check), or recompute them "
            "(--rebuild: after a bulk load with the triggers off, or after NEAR_NM changed).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--check", action="store_true", help="Compare every tally row with the tables.")
        parser.add_argument("--rebuild", action="store_true", help="Recompute both tallies (blocks imports meanwhile).")

    def handle(self, *args, **options) -> None:
        if options["check"] == options["rebuild"]:
            raise CommandError("say --check or --rebuild")
        if options["rebuild"]:
            counts = tally.rebuild()
            self.stdout.write(f"rebuilt: {counts['evidence_missiontally']} mission tally rows, "
                              f"{counts['evidence_regiontally']} region tally rows.")
            return
        found = tally.differences()
        if found:
            raise CommandError("the tallies disagree with the tables (run `manage.py tally --rebuild`):\n"
                               + "\n".join(found))
        self.stdout.write("the tallies match the tables.")
