"""Issue 11, "no record" is not "no flight": a count that finds zero or few missions in a scope with places says
whether other aircraft were heard there then, from the coverage cells the demo's real import of generated trace
files wrote (tests/bot_core/conftest.py). The expected numbers are derived from the imported missions' region rows
(every demo aircraft is kept as a mission), not from the coverage code."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.services import ask
from evidence.models import CoverageCell, MissionRegion

FEB = (dt.datetime(2025, 2, 1, tzinfo=dt.UTC), dt.datetime(2025, 3, 1, tzinfo=dt.UTC))


def _heard_near(slug: str, start: dt.datetime, end: dt.datetime) -> set[str]:
    """Aircraft with a mission wholly inside [start, end) that came over or within 50 nm of the region."""
    links = MissionRegion.objects.filter(region__slug=slug, distance_nm__lte=50.0,
                                         mission__start__gte=start, mission__end__lt=end)
    return set(links.values_list("mission__aircraft_id", flat=True))


def _hours_with_data(start: dt.datetime, end: dt.datetime) -> int:
    return CoverageCell.objects.filter(hour__gte=start, hour__lt=end).values("hour").distinct().count()


def _ask(demo, text: str):
    return ask(text=text, user=demo.editor, platform="web", channel="c", thread=text)


def test_zero_missions_where_other_aircraft_were_heard(demo):
    # The U-2 of 3 February flew 5.3 nm from Texas, never over it: "over Texas" finds none, yet others were heard.
    others = _heard_near("texas", *FEB)
    assert len(others) >= 3
    hours = _hours_with_data(*FEB)
    answer = _ask(demo, "how many U-2 missions over Texas in February?")
    assert answer.count == 0
    assert (f"0 missions; {len(others)} other aircraft were heard within 50 nm of Texas (over included) in that "
            f"period, so coverage was present (the coverage table has data for {hours} of the period's 672 hours).") \
        in answer.text


def test_few_missions_count_only_the_other_aircraft(demo):
    others = _heard_near("texas", *FEB) - {"ae0907"}  # the U-2 itself is not "other"
    answer = _ask(demo, "how many U-2 missions near Texas in February?")
    assert answer.count == 1
    assert f"1 mission; {len(others)} other aircraft were heard within 50 nm of Texas" in answer.text


def test_nothing_heard_there_is_no_evidence_either_way(demo):
    assert not _heard_near("kaliningrad-oblast", *FEB) and _hours_with_data(*FEB) > 0
    answer = _ask(demo, "how many missions near Kaliningrad in February 2025?")
    assert answer.count == 0
    assert ("0 missions; no aircraft at all were heard within 50 nm of Kaliningrad Oblast (over included) in that "
            "period: no evidence either way") in answer.text
    assert "coverage was present" not in answer.text


def test_no_coverage_data_for_the_period_is_unknown(demo):
    march = (dt.datetime(2025, 3, 1, tzinfo=dt.UTC), dt.datetime(2025, 4, 1, tzinfo=dt.UTC))
    assert _hours_with_data(*march) == 0
    answer = _ask(demo, "how many U-2 missions near Texas in March 2025?")
    assert answer.count == 0
    assert "0 missions; coverage unknown: the coverage table holds no data for that period" in answer.text
    assert "heard within" not in answer.text and "no evidence either way" not in answer.text


@pytest.mark.parametrize("text", ["how many surveillance missions in February 2025?",  # no place
                                  "how many surveillance missions near Baja in February 2025?"])  # not few
def test_no_line_without_a_place_or_with_many_missions(demo, text):
    answer = _ask(demo, text)
    assert answer.count > 3
    assert "missions;" not in answer.text and "coverage unknown" not in answer.text


def test_claim_count_check_says_the_same(demo, client):
    from claims.services.checking import claim_count_check

    claim = _claim("At least 5 surveillance missions were flown over Texas in February 2025.")
    check = claim_count_check(claim)
    found = int(check.found)
    assert found <= 3
    over_texas = MissionRegion.objects.filter(region__slug="texas", over=True, mission__start__gte=FEB[0],
                                              mission__start__lt=FEB[1])
    missions = set(over_texas.filter(mission__aircraft_type__is_surveillance=True)
                   .values_list("mission__aircraft_id", flat=True))
    others = _heard_near("texas", *FEB) - missions
    assert check.coverage.startswith(f"{found} mission{'' if found == 1 else 's'}; {len(others)} other aircraft "
                                     "were heard within 50 nm of Texas (over included) in that period")
    client.force_login(demo.editor)
    response = client.get(f"/api/claims/{claim.pk}/check/")
    assert response.status_code == 200 and response.json()["count_check"]["coverage"] == check.coverage


def test_a_distance_beyond_what_the_records_measured_is_not_counted(demo, client):
    """Region rows exist only within a region's tagging cap (250 nm; air bases 100 nm): "within 300 miles of Texas"
    would miss every mission between 250 and 261 nm. The bot declines and the claim check gives no number."""
    from claims.services.checking import claim_count_check

    answer = _ask(demo, "how many surveillance flights within 300 nm of Texas in February 2025?")
    assert answer.declined and answer.reason == "beyond_measurement" and answer.count is None
    assert "300 nm of Texas (measured up to 250 nm)" in answer.text
    assert not _ask(demo, "how many surveillance flights within 250 nm of Texas in February 2025?").declined
    claim = _claim("At least 5 surveillance missions were flown within 300 miles of Texas in February 2025.")
    check = claim_count_check(claim)
    assert check.found.startswith("not counted: the records measure distances only to 260.693 nm of Texas")
    client.force_login(demo.editor)
    response = client.get(f"/api/claims/{claim.pk}/check/")
    assert response.status_code == 200 and response.json()["count_check"]["found"] == check.found


def _claim(body: str):
    """A claim over a whole one-sentence article published on 2 March 2025, read and analysed."""
    from claims.services.articles import article_create
    from claims.services.checking import claim_refresh_analysis
    from claims.services.claims import claim_create_from_selection

    article = article_create(body=body, title="Texas", outlet="Test", queue_extraction=False,
                             published_at=dt.datetime(2025, 3, 2, tzinfo=dt.UTC))
    claim = claim_create_from_selection(article=article, start=0, end=len(body) - 1)
    claim_refresh_analysis(claim_id=claim.pk)
    claim.refresh_from_db()
    return claim


def test_missions_found_where_nothing_else_was_heard_is_not_no_evidence(demo):
    """The RC-135 out of Mildenhall was heard there, nothing else was: the answer does not call that "no evidence
    either way" (the mission is evidence), it says the receivers' reach is unknown beyond it."""
    answer = _ask(demo, "how many flights near RAF Mildenhall in October 2025?")
    assert answer.count and answer.count <= 3
    assert (f"{answer.count} mission{'' if answer.count == 1 else 's'}; no other aircraft at all were heard within "
            "50 nm of RAF Mildenhall (over included) in that period: beyond these missions there is no evidence of "
            "what the receivers could hear there") in answer.text
    assert "no evidence either way" not in answer.text
