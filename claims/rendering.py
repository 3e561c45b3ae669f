"""HTML rendering of an article's text with its entities and claims marked, for the admin's annotation view.

The text content of the rendered container is exactly ``Article.body`` (only wrapped in spans), so the page's script
can compute selection offsets from it; offsets are converted from UTF-16 to code points in the browser.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper per call

from django.utils.safestring import SafeString, mark_safe

from claims.models import Article

LABEL_CLASSES = {
    "AIRCRAFT": "fc-ent-aircraft",
    "PLACE": "fc-ent-place",
    "DATE": "fc-ent-date",
    "RATE": "fc-ent-date",
    "QUANTITY": "fc-ent-quantity",
    "ORG": "fc-ent-org",
    "PERSON": "fc-ent-person",
    "ATTRIBUTION": "fc-ent-attribution",
    "IDENTITY": "fc-ent-identity",
}


Span = tuple[int, int, str, str]  # start, end, CSS class, title


def render_annotated_text(article: Article) -> SafeString:
    spans: list[Span] = []
    # Plain tuples, not model instances: an accepted 2M-character article has tens of thousands of entities.
    for start, end, label, value in article.entities.order_by("start").values_list("start", "end", "label", "value"):
        spans.append((start, end, LABEL_CLASSES.get(label, "fc-ent"), f"{label}: {value}"))
    for claim in article.claims.all().order_by("start"):
        if claim.anchor_status != "orphaned":
            spans.append((claim.start, claim.end, "fc-claim", f"Claim #{claim.pk} ({claim.get_verdict_display()})"))
    legend = " ".join(
        f'<span class="{cls}">{label.title()}</span>' for label, cls in LABEL_CLASSES.items() if label != "RATE"
    )
    return mark_safe(
        f'<div class="fc-legend">{legend} <span class="fc-claim">Claim</span></div>'
        f'<p id="fc-article-help" class="help">Select a passage with the mouse, or with the keyboard: focus the '
        "text, turn on caret browsing (F7), move with the arrow keys and extend with Shift+arrows, then press Enter."
        "</p>"
        f'<div id="fc-article-text" class="fc-article-text" data-article="{article.pk}" tabindex="0" '
        f'aria-describedby="fc-article-help">{render_spans(article.body, spans)}</div>'
    )


def render_spans(text: str, spans: list[Span]) -> str:
    """``text`` escaped, each stretch wrapped in one ``<span>`` carrying the classes and titles of every span covering
    it (titles in the order of ``spans``). One sweep over the sorted boundaries: a span joins the covering set where
    it starts and leaves it where it ends, so the work is linear in the text plus the spans (times the overlap depth),
    not the number of stretches times the number of spans."""
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    for i, (start, end, _cls, _title) in enumerate(spans):
        if start < end:
            starts[start].append(i)
            ends[end].append(i)
    bounds = sorted({0, len(text), *(s for s, _e, _c, _t in spans), *(e for _s, e, _c, _t in spans)})
    active: set[int] = set()
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        if a in ends:
            active.difference_update(ends[a])
        if a in starts:
            active.update(starts[a])
        if b > len(text):
            continue
        segment = escape(text[a:b])
        if active:
            covering = [spans[i] for i in sorted(active)]
            classes = " ".join(sorted({cls for _s, _e, cls, _t in covering}))
            title = escape(" · ".join(t for _s, _e, _c, t in covering))
            out.append(f'<span class="{classes}" title="{title}">{segment}</span>')
        else:
            out.append(segment)
    return "".join(out)
