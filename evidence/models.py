"""Evidence: what fact-checkers link claims to — flight records (missions) and sources.

Logic lives in ``evidence/services`` (writes) and ``evidence/selectors.py`` (reads); models hold data and invariants.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

hex_validator = RegexValidator(
    r"^~?[0-9a-f]{6}$", "An ICAO 24-bit address is six lowercase hex digits (~ marks non-ICAO)."
)


class Organisation(models.Model):
    """An organisation named in reporting or operating aircraft: "United States Navy", "CNN", "DEA".

    ``aliases`` are what people write ("Navy", "US Navy", "USN"); the article extractor and the bot's parser build
    their patterns from them, so adding an alias here needs no code change.
    """

    class Kind(models.TextChoices):
        MILITARY = "military", "Military service or unit"
        GOVERNMENT = "government", "Government body or agency"
        NEWS = "news", "News organisation"
        COMPANY = "company", "Company"
        OTHER = "other", "Other"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(max_length=2, blank=True, help_text="ISO 3166-1 alpha-2")
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AircraftType(models.Model):
    """An ICAO Doc 8643 type designator (P8, U2, R135…) with the names people write for it."""

    class Role(models.TextChoices):
        MARITIME_PATROL = "maritime_patrol", "Maritime patrol"
        SIGINT = "sigint", "Signals intelligence"
        HIGH_ALTITUDE_RECON = "high_altitude_recon", "High-altitude reconnaissance"
        DRONE_RECON = "drone_recon", "Drone reconnaissance/surveillance"
        AEW = "aew", "Airborne early warning"
        ISR = "isr", "Intelligence, surveillance and reconnaissance"
        COMMAND_POST = "command_post", "Airborne command post"
        TANKER = "tanker", "Tanker"
        TRANSPORT = "transport", "Transport"
        FIGHTER = "fighter", "Fighter"
        BOMBER = "bomber", "Bomber"
        TRAINER = "trainer", "Trainer"
        HELICOPTER = "helicopter", "Helicopter"
        AIRLINER = "airliner", "Airliner"
        BUSINESS = "business", "Business / utility"
        OTHER = "other", "Other"

    designator = models.CharField(max_length=4, primary_key=True, validators=[RegexValidator(r"^[A-Z0-9]{2,4}$")])
    name = models.CharField(max_length=120, help_text='Display name, e.g. "Boeing P-8 Poseidon"')
    manufacturer = models.CharField(max_length=120, blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text='What people write: "P-8", "P-8A", "Poseidon"')
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.OTHER)
    is_surveillance = models.BooleanField(
        default=False, help_text="Surveillance/reconnaissance role (what 'spy planes' and 'ISR flights' mean)"
    )
    engine_type = models.CharField(max_length=20, blank=True)
    engine_count = models.PositiveSmallIntegerField(null=True, blank=True)
    wake_category = models.CharField(max_length=2, blank=True)

    class Meta:
        ordering = ["designator"]

    def __str__(self) -> str:
        return f"{self.designator} — {self.name}"


class Aircraft(models.Model):
    """One airframe, keyed by its ICAO 24-bit address. ``provenance`` records where each value came from:
    ``{"registration": {"source": "plane-alert-db", "at": "…"}, …}``; a value whose source is ``"manual"`` was set by
    a person and is never overwritten by an import.
    """

    hex = models.CharField(max_length=7, primary_key=True, validators=[hex_validator])
    registration = models.CharField(max_length=20, blank=True, db_index=True)
    aircraft_type = models.ForeignKey(
        AircraftType, null=True, blank=True, on_delete=models.SET_NULL, related_name="aircraft", db_index=True
    )
    type_description = models.CharField(max_length=120, blank=True)
    operator = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="aircraft"
    )
    operator_name = models.CharField(max_length=200, blank=True, help_text="Operator as the source wrote it")
    military = models.BooleanField(default=False, db_index=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    provenance = models.JSONField(default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["hex"]
        verbose_name_plural = "aircraft"

    def __str__(self) -> str:
        return f"{self.hex} {self.registration}".strip()


class Region(models.Model):
    """A named place missions fly over or near: states, countries, subdivisions, seas, straits, gulfs, broad areas,
    the border, air bases and airports (points: "near" a base is within NEAR_NM of it).

    The geometry (WKB, EPSG:4326) comes from data shipped inside PyPI packages; see evidence/geo/boundaries.py and
    evidence/geo/world.py.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", "Country"
        US_STATE = "us_state", "US state"
        MX_STATE = "mx_state", "Mexican state"
        PENINSULA = "peninsula", "Peninsula"
        BORDER = "border", "Border"
        GULF = "gulf", "Gulf / bay"
        AIRSPACE = "airspace", "Airspace"
        AREA = "area", "Area"
        SUBDIVISION = "subdivision", "Subdivision (oblast, province…)"
        SEA = "sea", "Sea / ocean"
        STRAIT = "strait", "Strait / channel"
        AIRBASE = "airbase", "Air base"
        AIRPORT = "airport", "Airport"

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    aliases = models.JSONField(default=list, blank=True)
    geometry_wkb = models.BinaryField()
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportRun(models.Model):
    """One run of the flight importer (CLI, admin upload, API, schedule): what it read, what it made, what failed.

    A run is a job: its work is cut into ``ImportUnit`` rows (a chunk of files or of a tar's members) that Celery
    workers (or this process, without a broker) carry out; the counters below are the sum over the units, refreshed
    as each file is written, so the admin and the API show progress while it runs.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        PARTIAL = "partial", "Some files failed"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"
        INTERRUPTED = "interrupted", "Interrupted (can be resumed)"

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    origin = models.CharField(max_length=20, default="cli", help_text="cli, admin, api, demo, schedule")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    files_read = models.PositiveIntegerField(default=0)
    files_failed = models.PositiveIntegerField(default=0)
    positions_read = models.PositiveBigIntegerField(default=0)
    missions_created = models.PositiveIntegerField(default=0)
    missions_updated = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True, help_text='[{"path", "location", "reason"}]')
    sources = models.JSONField(default=list, blank=True, help_text="Files, directories or tars given to the run")
    options = models.JSONField(default=dict, blank=True, help_text="gap_minutes, keep_all")
    files_total = models.PositiveIntegerField(default=0, help_text="Files (or tar members) planned")
    units_total = models.PositiveIntegerField(default=0)
    units_done = models.PositiveIntegerField(default=0)
    aircraft_heard = models.PositiveIntegerField(default=0, help_text="Aircraft read, kept or not")
    aircraft_kept = models.PositiveIntegerField(default=0, help_text="Aircraft the filter kept as missions")
    cancel_requested = models.BooleanField(default=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="Last progress written")
    upload_dir = models.CharField(max_length=500, blank=True, help_text="Uploaded files kept for the workers")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Import #{self.pk} ({self.status})"


class ImportUnit(models.Model):
    """A chunk of an import run's work (files, or members of a tar) carried out by one task; ``done_entries``
    advances in the same transaction as each file's writes, so a unit interrupted anywhere resumes after the last
    file it committed."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="units")
    seq = models.PositiveIntegerField()
    entries = models.JSONField(default=list, help_text='[{"path"} | {"path", "parts", "offset", "size"}]')
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    done_entries = models.PositiveIntegerField(default=0)
    files_read = models.PositiveIntegerField(default=0)
    files_failed = models.PositiveIntegerField(default=0)
    positions_read = models.PositiveBigIntegerField(default=0)
    missions_created = models.PositiveIntegerField(default=0)
    missions_updated = models.PositiveIntegerField(default=0)
    aircraft_heard = models.PositiveIntegerField(default=0)
    aircraft_kept = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=200, blank=True, help_text="Task id carrying the unit out")

    class Meta:
        ordering = ["run", "seq"]
        constraints = [models.UniqueConstraint(fields=["run", "seq"], name="importunit_run_seq")]

    def __str__(self) -> str:
        return f"Import #{self.run_id} unit {self.seq} ({self.status})"


class CoverageCell(models.Model):
    """How many distinct aircraft (all traffic, kept as missions or not) were heard over or within
    ``settings.COVERAGE_NEAR_NM`` of a region during one UTC hour: "no record" is not "no flight" only where the
    receivers heard others. ``aircraft`` holds the sorted 24-bit addresses (3 bytes each), so parallel and repeated
    imports merge by set union — exact and idempotent."""

    region = models.ForeignKey("Region", on_delete=models.CASCADE, related_name="coverage")
    hour = models.DateTimeField(db_index=True)
    aircraft_count = models.PositiveIntegerField(default=0)
    aircraft = models.BinaryField(default=bytes)

    class Meta:
        ordering = ["hour", "region"]
        constraints = [models.UniqueConstraint(fields=["region", "hour"], name="coveragecell_region_hour")]

    def __str__(self) -> str:
        return f"{self.region_id} {self.hour:%Y-%m-%d %H}h: {self.aircraft_count}"


class CoveragePart(models.Model):
    """What one import batch heard in one UTC hour, not yet united into the ``CoverageCell`` rows: ``heard`` holds
    its sorted unique (region id << 24 | 24-bit address) keys, 8 bytes each, little-endian. Imports append parts (no
    stored cell read, locked or rewritten per batch, so a batch's database work does not grow with the day's size)
    and the run's end unites them into the cells (``evidence.services.coverage.compact``); coverage answers read
    cells and parts together, so they are the same before and after."""

    hour = models.DateTimeField(db_index=True)
    heard = models.BinaryField(default=bytes)

    def __str__(self) -> str:
        return f"{self.hour:%Y-%m-%d %H}h: {len(self.heard) // 8} (region, aircraft) pairs, not yet in the cells"


class Mission(models.Model):
    """One sortie of one aircraft: takeoff to landing, or the airborne part of a trace between long gaps.

    The track is stored compactly in ``track`` (see evidence/flightdata/trackcodec.py); summary columns make the
    common questions indexed queries.
    """

    # No index of their own on these two keys: the (aircraft, start) and (aircraft_type, start) indexes below serve
    # every lookup and cascade by them. A redundant index is written on every import and, on PostgreSQL, planned
    # for every monthly partition by every question (docs/PERFORMANCE.md, "fewer indexes").
    aircraft = models.ForeignKey(Aircraft, on_delete=models.CASCADE, related_name="missions", db_index=False)
    # Denormalised from the aircraft so "U-2 missions in February" needs no join; kept in sync by the services.
    aircraft_type = models.ForeignKey(
        AircraftType, null=True, blank=True, on_delete=models.SET_NULL, related_name="missions", db_index=False
    )
    callsign = models.CharField(max_length=10, blank=True, db_index=True)
    callsigns = models.JSONField(default=list, blank=True)
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField(db_index=True)
    point_count = models.PositiveIntegerField(default=0)
    track = models.BinaryField(help_text="Encoded positions: time, lat, lon, altitude, ground speed, track")
    # The track simplified for maps of many missions (evidence.pictures.data.overview_blob), stored by the import so
    # that the first map of a large scope decodes no track; stamped with the track's point count and end.
    overview = models.BinaryField(null=True, blank=True, editable=False)
    min_lat = models.FloatField()
    min_lon = models.FloatField()
    max_lat = models.FloatField()
    max_lon = models.FloatField()
    max_altitude_ft = models.IntegerField(null=True, blank=True)
    has_orbit = models.BooleanField(default=False, db_index=True)
    orbits = models.JSONField(
        default=list, blank=True, help_text='[{"start", "end", "lat", "lon", "radius_km", "turns"}]'
    )
    import_run = models.ForeignKey(ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="missions")
    source_files = models.JSONField(default=list, blank=True, help_text="Files or feeds the positions came from")
    source_shares = models.JSONField(
        default=dict, blank=True, help_text='Share of positions per source: {"adsb": 0.9, "mlat": 0.1} (readsb files)'
    )
    regions = models.ManyToManyField(Region, through="MissionRegion", related_name="missions")

    class Meta:
        ordering = ["-start"]
        indexes = [
            models.Index(fields=["aircraft_type", "start"]),
            models.Index(fields=["aircraft", "start"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="mission_end_after_start")
        ]

    def __str__(self) -> str:
        kind = self.aircraft_type_id or "?"
        return f"{kind} {self.aircraft_id} {self.callsign or ''} {self.start:%Y-%m-%d %H:%MZ}".replace("  ", " ")

    def get_absolute_url(self) -> str:
        return reverse("admin:evidence_mission_change", args=[self.pk])


class MissionRegion(models.Model):
    """How a mission relates to a region: over it or not, and its minimum distance in nautical miles (0 when over).

    A row exists for every region within settings.REGION_DISTANCE_CAP_NM of the track, so "near Texas" is
    ``distance_nm <= NEAR_NM`` on an index.
    """

    # On PostgreSQL both tables are partitioned by month (evidence/partitioning.py): the database keeps this key as
    # (mission_id, mission_start) → mission (id, start), ON UPDATE CASCADE; Django's own key on id alone cannot exist.
    # No index of their own: the unique (mission, region) key and the (region, …) indexes below lead with them.
    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="region_links", db_constraint=False,
                                db_index=False)
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="mission_links", db_index=False)
    over = models.BooleanField()
    distance_nm = models.FloatField()
    # Denormalised for "missions near X between dates" without touching the mission table first.
    mission_start = models.DateTimeField()
    # Denormalised from the mission (itself from the aircraft) so "RC-135 missions near Sinaloa in 2024" is one range
    # of the (region, aircraft_type, mission_start, …) index. Kept in sync wherever a mission's type is written:
    # evidence.services.flight_import and registry_import.
    aircraft_type = models.ForeignKey(
        AircraftType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    # The mission's airframe (never changes once the mission exists), so "which aircraft flew near Arizona?" groups
    # the region rows of one index range by airframe without reading a single mission row. Set wherever region rows
    # are written (evidence.services.flight_import.replace_region_links); missions are never moved to another
    # airframe. DO_NOTHING: deleting an aircraft deletes its missions, and they their rows (the database still
    # checks the reference at commit).
    aircraft = models.ForeignKey(Aircraft, on_delete=models.DO_NOTHING, related_name="+", db_index=False)
    # The mission's ``has_orbit`` (it changes only with the track, and a new track is tagged again), so "which aircraft
    # orbited near Sinaloa?" reads the region rows alone: from the missions, SQLite looked up each of the place's
    # ~150,000 missions of all time at 1 M (~500 ms). Set wherever region rows are written
    # (evidence.services.flight_import.replace_region_links) and where an import keeps a mission's rows
    # (flight_import._write_track); migration 0019 copied it onto the rows that existed. The database's default
    # (false) serves inserts that do not name it (the benchmarks' fills).
    has_orbit = models.BooleanField(default=False, db_default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mission", "region"], name="mission_region_unique")]
        indexes = [
            models.Index(fields=["region", "distance_nm", "mission_start"]),
            # "near/over X (in a period)": region, then the start range, with what the filter and the answer read
            # (distance, over, mission id) in the index itself. See evidence.selectors._region_links.
            # The type and airframe at the end make it covering for "per type" / "which aircraft" in a period too.
            models.Index(
                fields=["region", "mission_start", "distance_nm", "over", "mission", "aircraft_type", "aircraft"],
                name="missionregion_region_start",
            ),
            # "<type> near/over X (in a period)": region and type, then the start range; covering for counts.
            models.Index(fields=["region", "aircraft_type", "mission_start", "distance_nm", "over", "mission"],
                         name="missionregion_region_type"),
            # "which (<type>) aircraft flew near/over X (in a period)": region, then airframe (the GROUP BY walks it
            # in order, no sort), with every column the filter and the count read in the index itself.
            models.Index(
                fields=["region", "aircraft", "mission_start", "distance_nm", "over", "aircraft_type", "mission"],
                name="missionregion_region_airframe",
            ),
            # "(which aircraft) orbited near/over X (in a period)": the orbiting missions' rows only (a partial
            # index, small and written only for them), in airframe order as the index above, with every column the
            # filters and the answers read — the flag too, though constant here: SQLite 3.40 counts an index as
            # covering only with every column the query names. In start order instead, SQLite preferred the index
            # above (no sort for the grouping) and looked the flag up for each of the place's 285,000 rows.
            models.Index(
                fields=["region", "aircraft", "mission_start", "distance_nm", "over", "aircraft_type", "mission",
                        "has_orbit"],
                condition=models.Q(has_orbit=True), name="missionregion_orbits",
            ),
        ]

    def __str__(self) -> str:
        # The region's name (select_related("region") where many rows are shown), distance to one decimal.
        where = "over" if self.over else f"{self.distance_nm:.1f} nm from"
        return f"{where} {self.region.name}"


class Source(models.Model):
    """A non-flight piece of evidence: an official statement, a report, a document, a post."""

    class Kind(models.TextChoices):
        NEWS_REPORT = "news_report", "News report"
        OFFICIAL_STATEMENT = "official_statement", "Official statement"
        FLIGHT_DATA = "flight_data", "Flight-tracking data"
        DOCUMENT = "document", "Document"
        SOCIAL_MEDIA = "social_media", "Social media post"
        INTERVIEW = "interview", "Interview"

    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})" if self.publisher else self.title


class MissionTally(models.Model):
    """How many missions each airframe flew per UTC month and aircraft type: a pre-aggregated copy of
    ``evidence_mission`` that counts over many months read instead of millions of missions (evidence/tally.py).

    Written only by the database's own triggers on ``evidence_mission`` (every writer — imports, the admin, merges,
    deletes, cascades, raw SQL — keeps it exact without knowing it exists); never saved through the ORM. Rows whose
    count fell to 0 stay and are filtered out by the readers.
    """

    month = models.DateField()
    # No database key: the trigger writes the airframe of the mission row it counts; a deleted airframe's counts
    # are 0 by then (its missions went first) and the readers' join leaves them out.
    aircraft = models.ForeignKey(Aircraft, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                 related_name="+")
    #: The mission's ICAO type designator; "" when the mission's type is unknown.
    designator = models.CharField(max_length=4, blank=True)
    missions = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "aircraft", "designator"], name="missiontally_key")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.aircraft_id} {self.designator or '?'}: {self.missions}"


class DayTally(models.Model):
    """How many missions of each aircraft type started on each UTC day: per-day breakdowns and "the busiest day" of
    a scope that only names types and a period read a row per day and type instead of every mission. Kept by the
    same triggers as :class:`MissionTally`."""

    day = models.DateField()
    designator = models.CharField(max_length=4, blank=True)
    missions = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "designator"], name="daytally_key")]

    def __str__(self) -> str:
        return f"{self.day} {self.designator or '?'}: {self.missions}"


class RegionTally(models.Model):
    """Per region, UTC month, airframe and type: how many missions came within ``TallyState.near_nm`` of the region
    (``near``, over included) and how many flew over it (``over``) — a pre-aggregated copy of ``evidence_missionregion``
    kept by database triggers like :class:`MissionTally`."""

    # No index of their own: the key leads with the region; nothing looks rows up by airframe alone.
    region = models.ForeignKey(Region, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                               related_name="+")
    month = models.DateField()
    aircraft = models.ForeignKey(Aircraft, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                 related_name="+")
    designator = models.CharField(max_length=4, blank=True)
    near = models.IntegerField()
    over = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "month", "aircraft", "designator"],
                                               name="regiontally_key")]
        indexes = [
            # "which places did they fly over in 2024": the period's rows of every region, not every row
            models.Index(fields=["month", "region"], name="regiontally_month"),
            # Sums per place (and period) are read from covering indexes outside the models' state: SQLite's
            # (migration 0016) and PostgreSQL's (region, month) INCLUDE (airframe, type, counts) (0020), which
            # replaced the (region, aircraft) one here: a place in a period reads its months' rows alone, also when
            # an operator's airframes filter them, and the per-airframe sums are hashed (docs/PERFORMANCE.md).
        ]

    def __str__(self) -> str:
        return (f"region {self.region_id} {self.month:%Y-%m} {self.aircraft_id} {self.designator or '?'}: "
                f"{self.near} near, {self.over} over")


class PairTally(models.Model):
    """Per pair of regions (``region_a`` < ``region_b``, by id), UTC month, airframe and type: how many missions came
    within ``TallyState.near_nm`` of both — and of those, how many flew over a, over b, over both — so "in
    international airspace off Texas" (over one AND near the other) is a sum of rows like the other tallies'. Kept by
    the same triggers (evidence/tally.py); a pair's month, airframe and type are read from its row of region a.

    Its key is its primary key (no surrogate id): an import adds ~500 rows a kept mission, and a second index to
    write for each cost the server a quarter to a third of the pair tally's writes (docs/PERFORMANCE.md; PostgreSQL —
    SQLite's table keeps its id column beside the key, migration 0015)."""

    pk = models.CompositePrimaryKey("region_a", "region_b", "month", "aircraft", "designator")
    region_a = models.ForeignKey(Region, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                 related_name="+")
    region_b = models.ForeignKey(Region, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                 related_name="+")
    month = models.DateField()
    aircraft = models.ForeignKey(Aircraft, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                 related_name="+")
    designator = models.CharField(max_length=4, blank=True)
    near_near = models.IntegerField()
    over_near = models.IntegerField()
    near_over = models.IntegerField()
    over_over = models.IntegerField()

    def __str__(self) -> str:
        return (f"regions {self.region_a_id}+{self.region_b_id} {self.month:%Y-%m} {self.aircraft_id} "
                f"{self.designator or '?'}: {self.near_near} near both")


class TallyState(models.Model):
    """The one row saying how the tallies were built: the "near" distance the triggers count with, and whether the
    tallies may be read (false while a bulk load runs with the triggers off, until ``manage.py tally --rebuild``)."""

    near_nm = models.FloatField()
    ready = models.BooleanField(default=False)
    rebuilt_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"tallies at {self.near_nm:g} nm, {'ready' if self.ready else 'not ready'}"
