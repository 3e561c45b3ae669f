"""POST /api/articles/{id}/reextract/: re-run an article's extraction (issue 12, defect 6)."""
from __future__ import annotations

import pytest

from claims.models import Article
from tests.api.conftest import ARTICLE_BODY, ArticleFactory


@pytest.fixture
def vocabulary(seeded):
    from claims.nlp.vocabulary import invalidate_vocabulary_cache

    invalidate_vocabulary_cache()
    yield
    invalidate_vocabulary_cache()


def test_factchecker_reruns_a_failed_extraction(fc_client, vocabulary, django_capture_on_commit_callbacks):
    article = ArticleFactory(body=ARTICLE_BODY)
    Article.objects.filter(pk=article.pk).update(extraction_status="failed", extraction_error="Could not queue: down")
    with django_capture_on_commit_callbacks(execute=True):
        response = fc_client.post(f"/api/articles/{article.pk}/reextract/")
    assert response.status_code == 202, response.content
    assert response.json()["extraction_status"] == "pending"  # the answer is sent before the extraction runs
    after = fc_client.get(f"/api/articles/{article.pk}/").json()
    assert after["extraction_status"] == "done" and after["extraction_error"] == ""
    assert fc_client.get(f"/api/entities/?article={article.pk}&label=AIRCRAFT").json()["count"] >= 1


def test_editor_may_not_and_missing_article_is_404(editor_client, fc_client):
    article = ArticleFactory(body=ARTICLE_BODY)
    Article.objects.filter(pk=article.pk).update(extraction_status="failed")
    response = editor_client.post(f"/api/articles/{article.pk}/reextract/")
    assert response.status_code == 403 and "detail" in response.json()
    assert Article.objects.get(pk=article.pk).extraction_status == "failed"
    assert fc_client.post("/api/articles/999999/reextract/").status_code == 404


def test_reextract_is_in_the_schema(fc_client):
    schema = fc_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/articles/{id}/reextract/"]["post"]
    assert "202" in operation["responses"] and operation["summary"] == "Re-run the extraction"
