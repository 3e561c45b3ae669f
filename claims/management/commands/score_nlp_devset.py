"""python manage.py score_nlp_devset [FILE…] [--vocabulary db|seed] [--details]: the extractor's recall per category.

Defaults to the sets under tests/nlp/devset/ listed in SET_FILES (dev, held out, blind, blind2 … blind17).
``--vocabulary db`` (the default when the database has regions) reads the vocabulary the product uses, so new
aircraft, places and organisations added as data show up in the figures; ``seed`` uses the built-in seed only.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.nlp.quality import load_reports, score_reports
from claims.nlp.vocabulary import Vocabulary, default_vocabulary, vocabulary_from_db

DEVSET_DIR = Path(settings.BASE_DIR) / "tests" / "nlp" / "devset"
#: The sets scored by default, in this order (dev, held out, the blind sets of 2026-12-05, -05b … -05k, -05m … -05p,
#: 2026-12-06a and -06b).
SET_FILES = ("dev.json", "heldout.json", "blind.json", "blind2.json", "blind3.json", "blind4.json", "blind5.json",
             "blind6.json", "blind7.json", "blind8.json", "blind9.json", "blind10.json", "blind11.json",
             "blind12.json", "blind13.json", "blind14.json", "blind15.json", "blind16.json", "blind17.json")


def _vocabulary(choice: str) -> tuple[Vocabulary, str]:
    if choice == "seed":
        return default_vocabulary(), "built-in seed"
    from evidence.models import Region

    try:
        has_regions = Region.objects.exists()
    except Exception as exc:  # no database or not migrated
        if choice == "db":
            raise CommandError(f"cannot read the vocabulary from the database: {exc}") from exc
        return default_vocabulary(), "built-in seed (no database)"
    if not has_regions:
        if choice == "db":
            raise CommandError("the database has no regions: run migrate (and seed the reference data) first")
        return default_vocabulary(), "built-in seed (database empty)"
    return vocabulary_from_db(max_age=0), "database"


class Command(BaseCommand):
    help = "Score the article extractor on the hand-annotated report sets (recall per category, false positives)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="*", type=Path, help="Set files (default: tests/nlp/devset/*.json).")
        parser.add_argument("--vocabulary", choices=("auto", "db", "seed"), default="auto")
        parser.add_argument("--details", action="store_true", help="List misses and false positives per report.")

    def handle(self, *args, **options) -> None:
        files = options["files"] or [DEVSET_DIR / name for name in SET_FILES]
        vocabulary, source = _vocabulary(options["vocabulary"])
        self.stdout.write(f"vocabulary: {source} ({len(vocabulary.aircraft)} aircraft types, "
                          f"{len(vocabulary.regions)} regions, {len(vocabulary.organisations)} organisations)")
        for path in files:
            try:
                reports = load_reports(path)
            except (OSError, ValueError, KeyError) as exc:
                raise CommandError(f"{path}: not a report set ({exc})") from exc
            result = score_reports(reports, vocabulary)
            self.stdout.write("")
            self.stdout.write(result.table(path.stem))
            added = [r for r in reports if r.get("added")]
            if added and len(added) < len(reports):  # the reports added later, on their own (never tuned on)
                self.stdout.write("")
                self.stdout.write(score_reports(added, vocabulary).table(f"{path.stem}, added later ('added')"))
            if options["details"]:
                self.stdout.write(result.details())
