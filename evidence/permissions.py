"""Who may import evidence data: one definition for the admin upload, the API and what the API shows."""
from __future__ import annotations

from typing import Any

#: Importing flight files (admin upload, POST /api/flight-imports/).
FLIGHT_IMPORT_PERMISSIONS = ("evidence.add_mission", "evidence.add_importrun")
#: Importing aircraft registries (POST /api/registry-imports/).
REGISTRY_IMPORT_PERMISSIONS = ("evidence.add_aircraft", "evidence.change_aircraft")


def may_import_flights(user: Any) -> bool:
    return bool(getattr(user, "is_staff", False) and user.has_perms(FLIGHT_IMPORT_PERMISSIONS))
