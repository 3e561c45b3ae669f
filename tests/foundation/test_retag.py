"""retag_missions recomputes region rows from stored tracks (e.g. after boundaries changed)."""
from django.core.management import call_command

from evidence.models import Mission, MissionRegion


def test_retag_restores_region_rows_from_tracks(demo, capsys):
    u2 = Mission.objects.get(aircraft_type_id="U2", start__date="2025-02-03")
    before = {r.region_id: (r.over, r.distance_nm) for r in u2.region_links.all()}
    MissionRegion.objects.filter(mission=u2).delete()
    MissionRegion.objects.filter(mission__aircraft_type_id="R135").update(distance_nm=999)
    call_command("retag_missions")
    after = {r.region_id: (r.over, r.distance_nm) for r in u2.region_links.all()}
    # Same regions and "over"; distances equal to the metre (float sums over differently batched tracks can differ
    # in the last bits, enough to flip a rounding at the third decimal).
    assert after.keys() == before.keys()
    for region_id, (over, nm) in before.items():
        assert after[region_id][0] == over and abs(after[region_id][1] - nm) < 0.001, region_id
    assert not MissionRegion.objects.filter(distance_nm=999).exists()
    assert "missions re-tagged" in capsys.readouterr().out
