"""python manage.py reextract ID… | --all-failed: re-run the extraction of articles now."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from claims.models import Article
from claims.services import articles_reextract
from claims.services.reextraction import failed_articles


class Command(BaseCommand):
    help = "Re-run the extraction of the given articles (by id), or of every article whose extraction failed."

    def add_arguments(self, parser) -> None:
        parser.add_argument("ids", nargs="*", type=int, metavar="ID", help="Article ids")
        parser.add_argument("--all-failed", action="store_true", help="Every article whose extraction failed")

    def handle(self, *args, **options) -> None:
        ids, all_failed = options["ids"], options["all_failed"]
        if bool(ids) == bool(all_failed):
            raise CommandError("Give article ids or --all-failed (one of the two).")
        if all_failed:
            articles = list(failed_articles())
        else:
            articles = list(Article.objects.filter(pk__in=ids).order_by("pk"))
            missing = sorted(set(ids) - {a.pk for a in articles})
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, missing))}; nothing was queued.")
        n = articles_reextract(articles=articles)
        self.stdout.write(f"Extraction queued for {n} article(s)" + (": " + ", ".join(
            f"#{a.pk}" for a in articles[:50]) + ("…" if n > 50 else "") if n else "") + ".")
