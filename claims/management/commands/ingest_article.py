"""python manage.py ingest_article FILE… [--json]: add articles from text, HTML or JSON files."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction

from claims.ingest import ArticleFileError, parse_article_file
from claims.models import Article
from claims.reporting import article_extraction_report
from claims.services import article_create
from claims.services.articles import articles_request_extraction


class Command(BaseCommand):
    help = (
        "Ingest articles (plain text, HTML, or JSON with title/outlet/author/url/published_at/body). Extraction runs "
        "after each article is saved (in-process without a broker, on the workers with one)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--json", action="store_true", help="Print entities, proposed claims and suggestions as JSON."
        )

    def handle(self, *args, **options) -> None:
        reports, failures = [], 0
        created: list[tuple[Path, Article]] = []
        bulk = len(options["files"]) > 1
        for path in options["files"]:
            try:
                data = parse_article_file(path)
                article = article_create(**data.as_kwargs(), queue_extraction=not bulk)
            except ArticleFileError as exc:
                failures += 1
                self.stderr.write(f"{exc.path}: {exc.reason}")
                continue
            except ValidationError as exc:
                failures += 1
                self.stderr.write(f"{path}: {'; '.join(exc.messages)}")
                continue
            except IntegrityError:
                failures += 1
                self.stderr.write(f"{path}: an article with this URL already exists")
                continue
            created.append((path, article))
        if bulk and created:
            # Several files: one batch task per 32 articles (shared NLP) instead of one task each.
            with transaction.atomic():
                articles_request_extraction(articles=[a for _, a in created])
        for path, article in created:
            article.refresh_from_db()
            if options["json"]:
                reports.append(article_extraction_report(article))
            else:
                self.stdout.write(
                    f"{path}: article #{article.pk} “{article.title}” — extraction {article.extraction_status}"
                )
        if options["json"]:
            self.stdout.write(json.dumps(reports if len(reports) != 1 else reports[0], indent=2, ensure_ascii=False))
        if failures:
            raise CommandError(f"{failures} of {len(options['files'])} file(s) could not be ingested")
