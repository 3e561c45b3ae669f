"""Reading article files: text, HTML reduced to text (scripts dropped), JSON; bad files refused with the reason."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from claims.ingest import ArticleFileError, html_to_text, parse_article_bytes
from claims.models import Article

HTML = """<!doctype html><html><head><title>Spy flights surge</title>
<script>var tracker = "A U-2 flew over Ohio"; document.write(tracker)</script><style>p{color:red}</style></head>
<body><nav>Home | World</nav><article><h1>Spy flights surge</h1>
<p>A <b>U-2</b> spy plane flew   a mission on February 3.</p>
<p>At least 11 missions were flown by Navy P-8 aircraft.<script>alert("P-8")</script></p>
</article><footer>© Demo</footer></body></html>"""


def test_html_is_reduced_to_its_content():
    title, text = html_to_text(HTML)
    assert title == "Spy flights surge"
    assert text == (
        "Spy flights surge\n\nA U-2 spy plane flew a mission on February 3.\n\n"
        "At least 11 missions were flown by Navy P-8 aircraft."
    )
    assert "Ohio" not in text and "alert" not in text and "Home" not in text and "©" not in text


def test_json_article_fields():
    raw = json.dumps(
        {
            "title": "T",
            "outlet": "CNN",
            "author": "A",
            "url": "https://e.org/x",
            "published_at": "2025-02-07T14:00:00Z",
            "body": "A P-8 flew.",
        }
    ).encode()
    data = parse_article_bytes(raw, name="a.json")
    assert (data.title, data.outlet, data.url, data.body) == ("T", "CNN", "https://e.org/x", "A P-8 flew.")
    assert data.published_at == dt.datetime(2025, 2, 7, 14, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "raw,name,message",
    [
        (b"\x00\x01\x02binary", "x.txt", "binary data"),
        (b"\xff\xfe\xfa not utf8", "x.txt", "not UTF-8"),
        (b'{"title": "T", "body": ', "x.json", "invalid JSON at line 1"),
        (b'["a", "b"]', "x.json", "must be an object"),
        (b'{"title": "T"}', "x.json", "no 'body'"),
        (b'{"title": 5, "body": "x"}', "x.json", "'title' must be text"),
        (b'{"body": "x", "published_at": "yesterday-ish"}', "x.json", "not an ISO 8601"),
    ],
)
def test_bad_files_say_what_is_wrong(raw, name, message):
    with pytest.raises(ArticleFileError, match=message) as info:
        parse_article_bytes(raw, name=name)
    assert info.value.path == name


def test_ingest_command_creates_articles_and_reports_bad_files(db, tmp_path, capsys):
    good = tmp_path / "story.html"
    good.write_text(HTML, encoding="utf-8")
    bad = tmp_path / "broken.json"
    bad.write_text('{"title": ', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    with pytest.raises(CommandError, match="2 of 3 file"):
        call_command("ingest_article", str(good), str(bad), str(empty))
    err = capsys.readouterr().err
    assert f"{bad}: invalid JSON" in err and f"{empty}: The article text is empty." in err
    article = Article.objects.get(title="Spy flights surge")
    assert article.title == "Spy flights surge" and "alert" not in article.body


def test_several_files_are_extracted_as_one_batch(seeded, tmp_path, django_capture_on_commit_callbacks):
    paths = []
    for i in range(3):
        path = tmp_path / f"a{i}.json"
        path.write_text(
            json.dumps({"title": f"Story {i}", "body": "A P-8 flew near Texas on 3 February 2025, officials said."}),
            encoding="utf-8",
        )
        paths.append(str(path))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("ingest_article", *paths)
    assert len(callbacks) == 1  # one batch task for the three articles
    articles = Article.objects.filter(title__startswith="Story ")
    assert articles.count() == 3
    assert set(articles.values_list("extraction_status", flat=True)) == {"done"}
    assert all(a.entities.filter(label="AIRCRAFT", text="P-8").exists() for a in articles)
