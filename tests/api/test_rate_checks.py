"""Change, rate and novelty claims checked against a computed baseline, on the demo flights: through the admin's claim
page and the API's ``check`` action. Expected counts are computed here with plain ORM filters, not the selectors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Q

from claims.models import Claim
from claims.services import article_create, claim_create_from_selection
from claims.services.rates import read_change_words
from evidence.models import Mission

pytestmark = pytest.mark.django_db

NOVELTY_BODY = (
    "Military surveillance flights have multiplied near the US-Mexico border over the past 10 days, officials said. "
    "One official said they could not recall a U-2 being deployed for this purpose previously.\n\n"
    "Navy P-8 flights near the border doubled compared with December, the data shows."
)


def _near_border(start: dt.date, end: dt.date, **filters) -> int:
    """Missions starting in [start, end] (UTC days) within 50 nm of (or over) the US–Mexico border."""
    lo = dt.datetime.combine(start, dt.time.min, tzinfo=dt.UTC)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
    near = Q(region_links__region__slug="us-mexico-border") & (
        Q(region_links__over=True) | Q(region_links__distance_nm__lte=50)
    )
    return Mission.objects.filter(near, start__gte=lo, start__lt=hi, **filters).distinct().count()


@pytest.mark.parametrize(
    "text,kind,factor",
    [
        ("The US military has sharply increased surveillance flights", "change", None),
        ("a surge in P-8 flights", "change", None),
        ("flights doubled", "change", 2.0),
        ("activity markedly intensified", "change", None),
        ("an unprecedented deployment", "novelty", None),
        ("for the first time, a U-2 flew", "novelty", None),
        ("they could not recall a U-2 being deployed for this purpose previously", "novelty", None),
        ("A U-2 spy plane flew a mission on February 3", None, None),
        # round 19: the shared lexicon's words (claims.nlp.lexicon), which the bot reads as a comparison too
        ("Navy flights near California fell by half in February", "change", 0.5),
        ("surveillance flights trebled", "change", 3.0),
        ("P-8 flights plunged in February", "change", None),
    ],
)
def test_change_and_novelty_words(text, kind, factor):
    words = read_change_words(text)
    assert (words.kind if words else None) == kind
    assert (words.factor if words else None) == factor


def test_the_demo_surge_claim_is_checked_against_the_year_before(demo, fc_client, client, factchecker):
    claim = Claim.objects.get(article=demo.article, exact__startswith="The US military has sharply increased")
    body = fc_client.get(f"/api/claims/{claim.pk}/check/").json()
    assert body["count_check"] is None
    rate = body["rate_check"]
    assert rate["kind"] == "change" and rate["words"] == "sharply increased"
    period = (dt.date.fromisoformat(rate["period"]["start"]), dt.date.fromisoformat(rate["period"]["end"]))
    assert period[0] <= dt.date(2025, 1, 27) and period[1] >= dt.date(2025, 2, 5)  # the text after: the 10-day span
    assert "text after the claim" in " ".join(rate["notes"])
    baseline = (dt.date.fromisoformat(rate["baseline"]["start"]), dt.date.fromisoformat(rate["baseline"]["end"]))
    assert baseline[1] == period[0] - dt.timedelta(days=1) and rate["baseline"]["days"] == 365
    military = {"aircraft_type__is_surveillance": True, "aircraft__military": True}
    n, n_base = _near_border(*period, **military), _near_border(*baseline, **military)
    assert (rate["period_count"], rate["baseline_count"]) == (n, n_base)
    assert n >= 11 and 1 <= n_base <= 12
    expected_ratio = (n / (rate["period"]["days"] / 30.44)) / (n_base / (365 / 30.44))
    assert rate["ratio"] == pytest.approx(expected_ratio, abs=0.01)
    assert f"{n} missions in the {rate['period']['days']} days" in rate["finding"]
    assert f"vs {n_base} over the year before" in rate["finding"] and "the records show an increase" in rate["finding"]

    client.force_login(factchecker)
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert "states no count" not in page
    assert "change-of-rate" in page and f"{expected_ratio:.0f}× the baseline rate" in page


def test_a_novelty_claim_finds_the_first_in_the_records_with_the_place_from_the_text_before(
    demo, fc_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_create(
            title="Border flights", body=NOVELTY_BODY, published_at=dt.datetime(2025, 2, 7, 12, tzinfo=dt.UTC),
            queue_extraction=False,
        )
        quote = "they could not recall a U-2 being deployed for this purpose previously"
        start = NOVELTY_BODY.index(quote)
        claim = claim_create_from_selection(article=article, start=start, end=start + len(quote))
    # A U-2 flew in 2024 far from the border: not "first U-2", but the first U-2 near the border.
    assert Mission.objects.filter(aircraft_type_id="U2", start__year=2024).exists()
    assert _near_border(dt.date(2024, 1, 1), dt.date(2025, 1, 31), aircraft_type_id="U2") == 0
    rate = fc_client.get(f"/api/claims/{claim.pk}/check/").json()["rate_check"]
    assert rate["kind"] == "novelty" and rate["baseline_count"] == 0
    assert rate["first_seen"].startswith("2025-02-03")
    assert rate["finding"].startswith("First mission by U2")
    assert "US–Mexico border" in rate["finding"] and "since 15 January 2024" in rate["finding"]
    assert rate["notes"] == ["place from the text before the claim"]


def test_a_doubled_claim_uses_the_baseline_it_states(demo, fc_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = article_create(
            title="Border flights", body=NOVELTY_BODY, published_at=dt.datetime(2025, 2, 7, 12, tzinfo=dt.UTC),
            queue_extraction=False,
        )
        quote = "Navy P-8 flights near the border doubled compared with December"
        start = NOVELTY_BODY.index(quote)
        claim = claim_create_from_selection(article=article, start=start, end=start + len(quote))
    rate = fc_client.get(f"/api/claims/{claim.pk}/check/").json()["rate_check"]
    assert rate["claimed_factor"] == 2.0
    assert (rate["baseline"]["start"], rate["baseline"]["end"]) == ("2024-12-01", "2024-12-31")
    assert rate["baseline_count"] == _near_border(
        dt.date(2024, 12, 1), dt.date(2024, 12, 31), aircraft_type_id="P8", aircraft__operator__slug="us-navy"
    )
    if rate["baseline_count"]:
        assert 'The claim says "doubled" (about 2×); the records show about' in rate["finding"]
    else:
        assert rate["ratio"] is None and "no missions in the baseline, so no ratio" in rate["finding"]


def test_a_claim_with_no_change_words_gets_no_rate_check(demo, fc_client):
    claim = Claim.objects.get(article=demo.article, exact__startswith="A U-2 spy plane")
    assert fc_client.get(f"/api/claims/{claim.pk}/check/").json() == {"count_check": None, "rate_check": None}
    other = fc_client.get("/api/claims/999999/check/")
    assert other.status_code == 404


def test_a_count_over_a_stated_span_is_checked_on_the_busiest_run_of_that_many_days(demo, fc_client, client,
                                                                                   factchecker):
    """"At least 18 missions … over a 10-day span in late January and early February": the window is 21 Jan –
    7 Feb, and which ten days is not said. The check counts the busiest ten consecutive days (not the whole window,
    which would support more than the text says), with the window's count beside it."""
    claim = Claim.objects.get(article=demo.article, exact__startswith="At least 18 missions")
    surveillance = Mission.objects.filter(aircraft_type__is_surveillance=True)
    early = surveillance.order_by("start").first()  # one more on the window's first day, ten days before the surge
    early.pk, early.start = None, dt.datetime(2025, 1, 21, 9, tzinfo=dt.UTC)
    early.end = early.start + dt.timedelta(hours=4)
    early.save()

    def on(day: dt.date) -> int:
        lo = dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)
        return surveillance.filter(start__gte=lo, start__lt=lo + dt.timedelta(days=1)).count()

    days = [dt.date(2025, 1, 21) + dt.timedelta(days=k) for k in range(18)]
    per_day = [on(d) for d in days]
    runs = [sum(per_day[k:k + 10]) for k in range(9)]
    best = max(runs)
    first = days[runs.index(best)]
    assert best < sum(per_day)  # the window holds more than its busiest ten days: the distinction matters here

    check = fc_client.get(f"/api/claims/{claim.pk}/check/").json()["count_check"]
    assert check["claimed"] == "at least 18 in 10 days"
    assert check["found"] == (f"{best} in the busiest 10 days ({first.isoformat()} to "
                              f"{(first + dt.timedelta(days=9)).isoformat()}); {sum(per_day)} in the whole window")
    assert "any 10 consecutive days" in check["scope_text"] and "which days" in check["caveat"]
    client.force_login(factchecker)
    page = client.get(f"/admin/claims/claim/{claim.pk}/change/").content.decode()
    assert f"{best} in the busiest 10 days" in page
