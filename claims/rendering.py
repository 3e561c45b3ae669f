"""HTML rendering of an article's text with its entities and claims marked, for the admin's annotation view.

The text content of the rendered container is exactly ``Article.body`` (only wrapped in spans), so the page's script
can compute selection offsets from it; offsets are converted from UTF-16 to code points in the browser.
"""

from __future__ import annotations

import itertools

from django.utils.html import escape
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
}


def render_annotated_text(article: Article) -> SafeString:
    text = article.body
    spans: list[tuple[int, int, str, str]] = []
    for ent in article.entities.all().order_by("start"):
        spans.append((ent.start, ent.end, LABEL_CLASSES.get(ent.label, "fc-ent"), f"{ent.label}: {ent.value}"))
    for claim in article.claims.all().order_by("start"):
        if claim.anchor_status != "orphaned":
            spans.append((claim.start, claim.end, "fc-claim", f"Claim #{claim.pk} ({claim.get_verdict_display()})"))
    bounds = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        if a >= b or b > len(text):
            continue
        covering = [(cls, title) for s, e, cls, title in spans if s <= a and b <= e]
        segment = escape(text[a:b])
        if covering:
            classes = " ".join(sorted({c for c, _ in covering}))
            title = escape(" · ".join(t for _, t in covering))
            out.append(f'<span class="{classes}" title="{title}">{segment}</span>')
        else:
            out.append(segment)
    legend = " ".join(
        f'<span class="{cls}">{label.title()}</span>' for label, cls in LABEL_CLASSES.items() if label != "RATE"
    )
    return mark_safe(
        f'<div class="fc-legend">{legend} <span class="fc-claim">Claim</span></div>'
        f'<p id="fc-article-help" class="help">Select a passage with the mouse, or with the keyboard: focus the '
        "text, turn on caret browsing (F7), move with the arrow keys and extend with Shift+arrows, then press Enter."
        "</p>"
        f'<div id="fc-article-text" class="fc-article-text" data-article="{article.pk}" tabindex="0" '
        f'aria-describedby="fc-article-help">{"".join(out)}</div>'
    )
