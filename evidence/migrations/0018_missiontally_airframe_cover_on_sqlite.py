"""One more covering index on the mission tally, on SQLite only (as migration 0016): the sums grouped by airframe —
"rank the operators" of all time, "which aircraft" with no place — read in the index's order, without a sort. The
mission tally's only index leading with the airframe was none: SQLite sorted every row of all time (84,000 at 1 M
synthetic missions) and looked each one's airframe up to group by operator (76 ms of CPU; ~15 ms after, with the
operators taken per airframe: evidence.selectors._tallied_breakdown). PostgreSQL gets none (its importer's triggers
would pay for it; its plan is measured in docs/PERFORMANCE.md). Not in the models' state: see 0016."""
from django.db import migrations

from evidence.sqlite_indexes import sqlite_only_indexes

INDEXES = (("missiontally_airframe_cover", "evidence_missiontally", "aircraft_id, designator, month, missions"),)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0017_tally_trigger_anti_join")]
    operations = [sqlite_only_indexes(INDEXES)]
