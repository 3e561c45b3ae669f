"""REST API for flight evidence: missions, aircraft, types, regions, sources, import runs and imports."""
