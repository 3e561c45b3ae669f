"""An independent check of the bot: editor questions generated from templates, each with the answer computed here in
plain Python from the mission rows (``values()`` of Mission, MissionRegion, Aircraft and AircraftType) — never
through ``evidence.selectors``, ``bot.nlu`` or ``claims.nlp``. The semantics are the product's written ones (README,
HELP_TEXT): near = within NEAR_NM nm (over included), over/in = over, a mission belongs to the UTC day it starts, a
bare month means the most recent one (not after today) with any mission, quarters are calendar quarters, "the
week of D" is the seven days from D, "the first week of M" is days 1–7 of M.

``grade`` puts every turn in one of three bins: exact (answered, and the answer is the oracle's), declined (the
bot said it would not answer: never wrong), wrong (answered with anything else, or answered what must be declined).
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

NEAR = 50.0


# --- the rows --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    id: int
    start: dt.datetime
    type: str
    hex: str
    reg: str
    callsign: str
    op: str
    military: bool
    surv: bool
    role: str
    regions: dict[str, tuple[bool, float]]

    @property
    def day(self) -> dt.date:
        return self.start.astimezone(dt.UTC).date()


def load_orbiting() -> frozenset[int]:
    from evidence.models import Mission

    return frozenset(Mission.objects.filter(has_orbit=True).values_list("id", flat=True))


def load_rows() -> list[Row]:
    from evidence.models import Aircraft, AircraftType, Mission, MissionRegion

    types = {t["designator"]: t for t in AircraftType.objects.values("designator", "is_surveillance", "role")}
    planes = {a["hex"]: a for a in Aircraft.objects.values("hex", "registration", "operator__slug", "military")}
    links: dict[int, dict[str, tuple[bool, float]]] = {}
    for link in MissionRegion.objects.values("mission_id", "region__slug", "over", "distance_nm"):
        links.setdefault(link["mission_id"], {})[link["region__slug"]] = (link["over"], link["distance_nm"])
    rows = []
    for m in Mission.objects.values("id", "start", "aircraft_type_id", "aircraft_id", "callsign"):
        t = types.get(m["aircraft_type_id"] or "", {})
        a = planes[m["aircraft_id"]]
        rows.append(Row(m["id"], m["start"], m["aircraft_type_id"] or "", m["aircraft_id"], a["registration"],
                        m["callsign"], a["operator__slug"] or "", a["military"], bool(t.get("is_surveillance")),
                        t.get("role", ""), links.get(m["id"], {})))
    return sorted(rows, key=lambda r: (r.start, r.id))


# --- scopes as plain predicates ---------------------------------------------------------------------------------------

Pred = Callable[[Row], bool]


def everything(_: Row) -> bool:
    return True


def near(slug: str, nm: float = NEAR) -> Pred:
    return lambda r: slug in r.regions and (r.regions[slug][0] or r.regions[slug][1] <= nm)


def over(slug: str) -> Pred:
    return lambda r: slug in r.regions and r.regions[slug][0]


def between(a: dt.date, b: dt.date) -> Pred:
    return lambda r: a <= r.day <= b


def both(*preds: Pred) -> Pred:
    return lambda r: all(p(r) for p in preds)


def either(*preds: Pred) -> Pred:
    return lambda r: any(p(r) for p in preds)


def month(y: int, m: int) -> tuple[dt.date, dt.date]:
    end = dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(y, m, 1), end


# --- what the bot must answer ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """``kind``: count, list, when, days, aircraft, breakdown, rank, compare, baseline, share, average, decline,
    picture, union, records, closest.
    ``value``: the count; the mission ids (list); the mission id (when); the hexes (aircraft); {key: count}
    (breakdown, rank); (a, b) (compare); (a, baseline total, months) (baseline); (ISO days, mission ids) (days);
    the smallest distance, said as "21.9 nm" (closest).
    ``says``: words the answer must contain (a correction said out loud, the reading of an ambiguous year)."""

    kind: str
    value: Any = None
    says: tuple[str, ...] = ()
    reason: str = ""


@dataclass
class Case:
    category: str
    turns: list[tuple[str, Expect]] = field(default_factory=list)


class Oracle:
    def __init__(self, rows: list[Row], today: dt.date, orbiting: frozenset[int] = frozenset()) -> None:
        self.rows = rows
        self.today = today
        self.orbiting = orbiting

    def sel(self, pred: Pred) -> list[Row]:
        return [r for r in self.rows if pred(r)]

    def count(self, pred: Pred) -> Expect:
        return Expect("count", len(self.sel(pred)))

    def listing(self, pred: Pred) -> Expect:
        return Expect("list", tuple(r.id for r in self.sel(pred)))

    def when(self, pred: Pred, which: str) -> Expect:
        found = self.sel(pred)
        if not found:
            return Expect("when", None)
        return Expect("when", (found[0] if which == "first" else found[-1]).id)

    def aircraft(self, pred: Pred) -> Expect:
        return Expect("aircraft", tuple(sorted({r.hex for r in self.sel(pred)})))

    def breakdown(self, pred: Pred, key: Callable[[Row], str], rank: bool = False) -> Expect:
        counts = Counter(key(r) for r in self.sel(pred))
        return Expect("rank" if rank else "breakdown", dict(counts))

    def compare(self, a: Pred, b: Pred, says: tuple[str, ...] = ()) -> Expect:
        return Expect("compare", (len(self.sel(a)), len(self.sel(b))), says=says)

    def bare_month(self, m: int) -> tuple[dt.date, dt.date]:
        """A month without a year: the most recent one, not after today, with any mission."""
        y = self.today.year
        for year in range(y, y - 11, -1):
            a, b = month(year, m)
            if a > self.today:
                continue
            if any(a <= r.day <= b for r in self.rows):
                return a, b
        raise AssertionError("no year")


def by_day(r: Row) -> str:
    return r.day.isoformat()


def by_month(r: Row) -> str:
    return r.day.strftime("%Y-%m")


def by_week(r: Row) -> str:
    iso = r.day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def by_type(r: Row) -> str:
    return r.type or "?"


def by_op(r: Row) -> str:
    return r.op or "?"


# --- the question set ---------------------------------------------------------------------------------------------


def _subjects() -> list[tuple[str, Pred]]:
    def t(*d: str) -> Pred:
        return lambda r: r.type in d

    return [
        ("missions", everything),
        ("flights", everything),
        ("surveillance flights", lambda r: r.surv),
        ("surveillance missions", lambda r: r.surv),
        ("military flights", lambda r: r.military),
        ("P-8 missions", t("P8")),
        ("p8 flights", t("P8")),
        ("P8 missions", t("P8")),
        ("Poseidon flights", t("P8")),
        ("U-2 missions", t("U2")),
        ("u2 flights", t("U2")),
        ("RC-135 missions", t("R135")),
        ("rc135 flights", t("R135")),
        ("Rivet Joint flights", t("R135")),
        ("E-3 flights", t("E3TF")),
        ("e3 missions", t("E3TF")),
        ("AWACS flights", t("E3TF")),
        ("Global Hawk flights", t("Q4")),
        ("RQ-4 missions", t("Q4")),
        ("P-3 flights", t("P3")),
        ("C-17 flights", t("C17")),
        ("Navy missions", lambda r: r.op == "us-navy"),
        ("Air Force flights", lambda r: r.op == "us-air-force"),
        ("RAF flights", lambda r: r.op == "raf"),
        ("USAF surveillance flights", lambda r: r.op == "us-air-force" and r.surv),
        ("Navy P-8 missions", lambda r: r.op == "us-navy" and r.type == "P8"),
        ("non-military flights", lambda r: not r.military),
        ("flights other than P-8s", lambda r: r.type != "P8"),
        ("surveillance flights other than P-8s", lambda r: r.surv and r.type != "P8"),
        ("missions except the U-2", lambda r: r.type != "U2"),
    ]


def _places() -> list[tuple[str, Pred]]:
    return [
        ("", everything),
        ("near Texas", near("texas")),
        ("over Texas", over("texas")),
        ("near Arizona", near("arizona")),
        ("over Arizona", over("arizona")),
        ("over California", over("california")),
        ("near California", near("california")),
        ("near New Mexico", near("new-mexico")),
        ("over New Mexico", over("new-mexico")),
        ("near the Baja peninsula", near("baja-peninsula")),
        ("over the Black Sea", over("black-sea")),
        ("near Kaliningrad", near("kaliningrad-oblast")),
        ("near Crimea", near("crimea")),
        ("over the Gulf of Mexico", over("gulf-of-mexico")),
        ("near Sinaloa", near("sinaloa")),
        ("within 20 NM of Texas", near("texas", 20)),
        ("within 10 nm of the Baja peninsula", near("baja-peninsula", 10)),
        ("within 30 nautical miles of Kaliningrad", near("kaliningrad-oblast", 30)),
        ("passed within 20 NM of New Mexico", near("new-mexico", 20)),
        ("in international airspace off Texas", both(over("international-airspace"), near("texas"))),
        ("in international airspace off California", both(over("international-airspace"), near("california"))),
    ]


def _periods(o: Oracle) -> list[tuple[str, tuple[dt.date, dt.date] | None]]:
    t = o.today
    feb = o.bare_month(2)
    return [
        ("", None),
        ("in February 2025", month(2025, 2)),
        ("in January 2025", month(2025, 1)),
        ("in Jan 2025", month(2025, 1)),
        ("in 2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("in 2025", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
        ("in October 2025", month(2025, 10)),
        ("in February", feb),
        ("in Q1 2025", (dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("in the first quarter of 2025", (dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("in Q4 2025", (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("in the third quarter of 2024", (dt.date(2024, 7, 1), dt.date(2024, 9, 30))),
        ("before February 2025", (dt.date(1990, 1, 1), dt.date(2025, 1, 31))),
        ("after March 1, 2025", (dt.date(2025, 3, 2), t)),
        ("since January 2025", (dt.date(2025, 1, 1), t)),
        ("since the start of 2025", (dt.date(2025, 1, 1), t)),
        ("until the end of 2024", (dt.date(1990, 1, 1), dt.date(2024, 12, 31))),
        ("between 27 January and 5 February 2025", (dt.date(2025, 1, 27), dt.date(2025, 2, 5))),
        ("from 1 to 3 February 2025", (dt.date(2025, 2, 1), dt.date(2025, 2, 3))),
        ("on 3 February 2025", (dt.date(2025, 2, 3), dt.date(2025, 2, 3))),
        ("the week of 27 January 2025", (dt.date(2025, 1, 27), dt.date(2025, 2, 2))),
        ("in the week of 3 February 2025", (dt.date(2025, 2, 3), dt.date(2025, 2, 9))),
        ("in the first week of February 2025", (dt.date(2025, 2, 1), dt.date(2025, 2, 7))),
        ("so far this year", (dt.date(t.year, 1, 1), t)),
        ("last year", (dt.date(t.year - 1, 1, 1), dt.date(t.year - 1, 12, 31))),
        ("in the last 30 days", (t - dt.timedelta(days=29), t)),
    ]


def _pred(subject: Pred, place: Pred, period: tuple[dt.date, dt.date] | None) -> Pred:
    return both(subject, place, between(*period) if period else everything)


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def build_cases(o: Oracle, *, seed: int = 9, n_counts: int = 170) -> list[Case]:
    rng = random.Random(seed)
    subjects, places, periods = _subjects(), _places(), _periods(o)
    cases: list[Case] = []

    def add(category: str, *turns: tuple[str, Expect]) -> None:
        cases.append(Case(category, list(turns)))

    # counts: every subject, place and period at least once, then a random sample of combinations
    count_forms = ["how many {s} {p} {d}?", "number of {s} {d} {p}", "{s} {p} {d}?", "How many {s} were there {p} {d}?",
                   "count the {s} {p} {d}", "how often were there {s} {p} {d}?"]
    combos = [(s, places[0], periods[1 + i % (len(periods) - 1)]) for i, s in enumerate(subjects)]
    combos += [(subjects[i % len(subjects)], p, periods[(i * 3) % len(periods)]) for i, p in enumerate(places)]
    combos += [(subjects[(i * 7) % len(subjects)], places[(i * 5) % len(places)], d) for i, d in enumerate(periods)]
    while len(combos) < n_counts:
        combos.append((rng.choice(subjects), rng.choice(places), rng.choice(periods)))
    for i, ((s, sp), (p, pp), (d, dd)) in enumerate(combos):
        form = count_forms[i % len(count_forms)]
        if not p and not d and form.startswith("{s}"):
            form = "how many {s} {p} {d}?"
        text = " ".join(form.format(s=s, p=p, d=d).split()).replace(" ?", "?")
        add("count", (text, o.count(_pred(sp, pp, dd))))

    # lists
    for s, p, d in [("P-8 missions", "near Texas", "in 2024"), ("surveillance flights", "over Arizona", "in 2025"),
                    ("RC-135 flights", "", "in October 2025"), ("u2 missions", "", ""),
                    ("e3 flights", "over Texas", ""), ("Global Hawk flights", "over the Black Sea", "")]:
        sp, pp, dd = dict(subjects)[s] if s in dict(subjects) else _type_pred(s), dict(places)[p], dict(periods)[d]
        add("list", (_join("list", s, p, d), o.listing(_pred(sp, pp, dd))))
        add("list", (_join("show me the", s, p, d), o.listing(_pred(sp, pp, dd))))

    # first / last
    for form, which in [("when was the last {s} {p}?", "last"), ("when was the first {s} {p} {d}?", "first"),
                        ("date of the last {s} {p}", "last"), ("most recent {s} {p}", "last"),
                        ("what was the earliest {s} {d}?", "first")]:
        for s, p, d in [("U-2 flight", "near Texas", "in 2025"), ("P-8 mission", "over California", "in 2024"),
                        ("RC-135 flight", "", "in 2025"), ("surveillance flight", "near Kaliningrad", ""),
                        ("E-3 mission", "over Oklahoma", "in January 2025")]:
            sp = _type_pred(s)
            pp = dict(places).get(p) or (over("oklahoma") if p else everything)
            dd = dict(periods).get(d) if d in dict(periods) else month(2025, 1)
            text = " ".join(form.format(s=s, p=p, d=d).split()).replace(" ?", "?")
            add("when", (text, o.when(_pred(sp, pp if "{p}" in form else everything, dd if "{d}" in form else None),
                                      which)))

    # which aircraft
    for text, pred in [
        ("which aircraft flew near Arizona in 2025?", both(near("arizona"), between(*_y(2025)))),
        ("which aircraft flew over the Black Sea?", over("black-sea")),
        ("which P-8s flew in January 2025?", both(_type_pred("P-8"), between(*month(2025, 1)))),
        ("what planes flew near Kaliningrad in October 2025?", both(near("kaliningrad-oblast"),
                                                                    between(*month(2025, 10)))),
        ("which surveillance aircraft flew near Texas in 2024?", both(lambda r: r.surv, near("texas"),
                                                                      between(*_y(2024)))),
    ]:
        add("aircraft", (text, o.aircraft(pred)))

    # breakdowns
    story = (dt.date(2025, 1, 27), dt.date(2025, 2, 5))
    for text, pred, key in [
        ("surveillance flights per day between 27 January and 5 February 2025", both(lambda r: r.surv,
                                                                                     between(*story)), by_day),
        ("how many missions per month in 2024?", between(*_y(2024)), by_month),
        ("missions per month in 2025", between(*_y(2025)), by_month),
        ("missions by type in 2024", between(*_y(2024)), by_type),
        ("P-8 flights per week in January 2025", both(_type_pred("P-8"), between(*month(2025, 1))), by_week),
        ("missions by operator in 2025", between(*_y(2025)), by_op),
        ("what types of aircraft flew near Texas?", near("texas"), by_type),
        ("what kinds of aircraft flew over Arizona in 2025?", both(over("arizona"), between(*_y(2025))), by_type),
        ("daily surveillance flights in October 2025", both(lambda r: r.surv, between(*month(2025, 10))), by_day),
        ("monthly missions near California", near("california"), by_month),
        ("flights per operator near Kaliningrad", near("kaliningrad-oblast"), by_op),
        ("surveillance flights broken down by type in Q1 2025", both(lambda r: r.surv,
                                                                     between(dt.date(2025, 1, 1),
                                                                             dt.date(2025, 3, 31))), by_type),
    ]:
        add("breakdown", (text, o.breakdown(pred, key)))

    # rankings
    for text, pred, key in [
        ("which day had the most missions in February 2025?", between(*month(2025, 2)), by_day),
        ("busiest day for surveillance flights between 27 January and 5 February 2025",
         both(lambda r: r.surv, between(*story)), by_day),
        ("which month had the most surveillance flights in 2025?", both(lambda r: r.surv, between(*_y(2025))),
         by_month),
        ("busiest month in 2025", between(*_y(2025)), by_month),
        ("most common type near Texas", near("texas"), by_type),
        ("most common aircraft type in 2025", between(*_y(2025)), by_type),
        ("what was the most common type over California in 2024?", both(over("california"), between(*_y(2024))),
         by_type),
        ("top 3 types in 2025", between(*_y(2025)), by_type),
        ("which operator flew the most surveillance flights in 2025?", both(lambda r: r.surv, between(*_y(2025))),
         by_op),
        ("which week had the most P-8 flights?", _type_pred("P-8"), by_week),
        ("busiest week in October 2025", between(*month(2025, 10)), by_week),
    ]:
        add("rank", (text, o.breakdown(pred, key, rank=True)))

    # comparisons (both numbers, in the order asked)
    feb25, jan25 = month(2025, 2), month(2025, 1)
    y24, y25 = _y(2024), _y(2025)
    for text, a, b in [
        ("More P-8 or U-2 missions in February 2025?", both(_type_pred("P-8"), between(*feb25)),
         both(_type_pred("U-2"), between(*feb25))),
        ("were there more p8 or u2 flights in 2024?", both(_type_pred("P-8"), between(*y24)),
         both(_type_pred("U-2"), between(*y24))),
        ("more missions near Arizona or near California in 2025?", both(near("arizona"), between(*y25)),
         both(near("california"), between(*y25))),
        ("how many missions in January or February 2025?", between(*jan25), between(*feb25)),
        ("compare January 2025 and February 2025", between(*jan25), between(*feb25)),
        ("surveillance flights in 2024 vs 2025", both(lambda r: r.surv, between(*y24)),
         both(lambda r: r.surv, between(*y25))),
        ("P-8 missions in 2025 compared with 2024", both(_type_pred("P-8"), between(*y25)),
         both(_type_pred("P-8"), between(*y24))),
        ("how many more P-8 than U-2 missions in 2025?", both(_type_pred("P-8"), between(*y25)),
         both(_type_pred("U-2"), between(*y25))),
        ("change from 2024 to 2025 in surveillance flights", both(lambda r: r.surv, between(*y24)),
         both(lambda r: r.surv, between(*y25))),
        ("more Navy or Air Force flights in 2024?", both(lambda r: r.op == "us-navy", between(*y24)),
         both(lambda r: r.op == "us-air-force", between(*y24))),
        ("were there more RC-135 or RQ-4 flights in October 2025?",
         both(_type_pred("RC-135"), between(*month(2025, 10))), both(_type_pred("RQ-4"), between(*month(2025, 10)))),
        ("more flights near Kaliningrad or over the Black Sea?", near("kaliningrad-oblast"), over("black-sea")),
        ("more missions over Texas or over Arizona in 2024?", both(over("texas"), between(*y24)),
         both(over("arizona"), between(*y24))),
        ("compare Q1 2025 with Q1 2024", between(dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
         between(dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
    ]:
        add("compare", (text, o.compare(a, b)))
    jan, feb, mar = o.bare_month(1), o.bare_month(2), o.bare_month(3)
    add("compare", ("February vs March", o.compare(between(*feb), between(*mar),
                                                    says=(str(feb[0].year), str(mar[0].year)))))
    add("compare", ("how many missions in January versus February?",
                    o.compare(between(*jan), between(*feb), says=(str(jan[0].year), str(feb[0].year)))))

    # baselines: a period against a year's monthly average
    for text, a, base, months in [
        ("how did February 2025 compare with the 2024 monthly average?", between(*feb25), between(*y24), 12),
        ("surveillance flights in February 2025 compared with the 2024 monthly average",
         both(lambda r: r.surv, between(*feb25)), both(lambda r: r.surv, between(*y24)), 12),
        ("P-8 missions in January 2025 against the monthly average for 2024",
         both(_type_pred("P-8"), between(*jan25)), both(_type_pred("P-8"), between(*y24)), 12),
    ]:
        add("baseline", (text, Expect("baseline", (len(o.sel(a)), len(o.sel(base)), months))))

    # records by identity
    for text, pred in [
        ("what did ae6801 fly in February 2025?", both(lambda r: r.hex == "ae6801", between(*feb25))),
        ("what did ae6801 fly in January 2025?", both(lambda r: r.hex == "ae6801", between(*jan25))),
        ("list the flights of 168754", lambda r: r.reg == "168754"),
        ("list flights by callsign PELCN11", lambda r: r.callsign == "PELCN11"),
        ("what did ae5416 fly in October 2025?", both(lambda r: r.hex == "ae5416", between(*month(2025, 10)))),
    ]:
        add("identity", (text, o.listing(pred)))
    for text, pred in [
        ("how many missions did ae0907 fly?", lambda r: r.hex == "ae0907"),
        ("how many times did PELCN11 fly in 2025?", both(lambda r: r.callsign == "PELCN11", between(*y25))),
        ("how many flights by 62-4134 in 2025?", both(lambda r: r.reg == "62-4134", between(*y25))),
        ("how many missions did ZZ664 fly?", lambda r: r.reg == "ZZ664"),
    ]:
        add("identity", (text, o.count(pred)))

    # places named together: a union said out loud, or declined — never silently
    for text, pred in [
        ("how many missions near Texas and Arizona in 2024?", both(either(near("texas"), near("arizona")),
                                                                   between(*y24))),
        ("how many surveillance flights near Texas and Arizona?", both(lambda r: r.surv,
                                                                       either(near("texas"), near("arizona")))),
    ]:
        add("union", (text, Expect("union", len(o.sel(pred)))))

    # declines: reasons and opinions, the future
    for text in ["Why did the RC-135 fly over Sinaloa?", "why were there so many P-8 flights in February?",
                 "what was the purpose of the U-2 flight on 3 February 2025?", "do you think the P-8s were spying?",
                 "in your opinion, is the Navy watching the border?", "Why did the U-2 fly near Texas?"]:
        add("decline", (text, Expect("decline", reason="why")))
    for text in ["how many P-8 flights in December 2026?", "how many missions in 2027?",
                 "how many U-2 missions near Texas in March 2027?", "surveillance flights in Q1 2027"]:
        add("decline", (text, Expect("decline", reason="future")))

    # typos: corrected and said
    for text, pred, said in [
        ("how many P-8 misions near Texs in 2024?", both(_type_pred("P-8"), near("texas"), between(*y24)), "Texs"),
        ("how many surveilance flights in Febuary 2025?", both(lambda r: r.surv, between(*feb25)), "Febuary"),
        ("how many flights near Arizonna in 2025?", both(near("arizona"), between(*y25)), "Arizonna"),
        ("how many missions near Californa in 2024?", both(near("california"), between(*y24)), "Californa"),
    ]:
        e = o.count(pred)
        add("typo", (text, Expect("count", e.value, says=(said,))))

    _follow_ups(o, add)
    _more(o, add)
    _round3(o, add)
    _round4(o, add)
    _round5(o, add)
    from tests.bot_core.oracle_round6 import round6
    from tests.bot_core.oracle_round7 import held_out, round7
    from tests.bot_core.oracle_round8 import held_out as held_out8
    from tests.bot_core.oracle_round8 import round8
    from tests.bot_core.oracle_round9 import held_out as held_out9
    from tests.bot_core.oracle_round9 import round9

    round6(o, add)
    round7(o, add)
    held_out(o, add)
    round8(o, add)
    held_out8(o, add)
    round9(o, add)
    held_out9(o, add)
    from tests.bot_core.oracle_round10 import held_out as held_out10
    from tests.bot_core.oracle_round10 import round10

    round10(o, add)
    held_out10(o, add)

    from tests.bot_core.oracle_round11 import held_out as held_out11
    from tests.bot_core.oracle_round11 import round11

    round11(o, add)
    held_out11(o, add)
    from tests.bot_core.oracle_round12 import held_out as held_out12
    from tests.bot_core.oracle_round12 import round12

    round12(o, add)
    held_out12(o, add)
    from tests.bot_core.oracle_round13 import held_out as held_out13
    from tests.bot_core.oracle_round13 import round13

    round13(o, add)
    held_out13(o, add)
    from tests.bot_core.oracle_round14 import held_out as held_out14
    from tests.bot_core.oracle_round14 import round14

    round14(o, add)
    held_out14(o, add)

    from tests.bot_core.oracle_round15 import held_out as held_out15
    from tests.bot_core.oracle_round15 import round15

    round15(o, add)
    held_out15(o, add)
    from tests.bot_core.oracle_round16 import held_out as held_out16
    from tests.bot_core.oracle_round16 import round16

    round16(o, add)
    held_out16(o, add)

    from tests.bot_core.oracle_round17 import held_out as held_out17
    from tests.bot_core.oracle_round17 import round17

    round17(o, add)
    held_out17(o, add)

    from tests.bot_core.oracle_round19 import held_out as held_out19
    from tests.bot_core.oracle_round19 import round19

    round19(o, add)
    held_out19(o, add)
    from tests.bot_core.oracle_round18 import held_out as held_out18
    from tests.bot_core.oracle_round18 import round18

    round18(o, add)
    held_out18(o, add)
    from tests.bot_core.oracle_ratios import ratios

    ratios(o, add)
    return cases


def _y(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_TYPE_WORDS = {"p-8": "P8", "p8": "P8", "u-2": "U2", "u2": "U2", "rc-135": "R135", "rc135": "R135", "e-3": "E3TF",
               "e3": "E3TF", "rq-4": "Q4", "global hawk": "Q4", "p-3": "P3", "c-17": "C17"}


def _type_pred(words: str) -> Pred:
    low = words.lower()
    if "surveillance" in low:
        return lambda r: r.surv
    for w, d in _TYPE_WORDS.items():
        if w in low:
            return lambda r, d=d: r.type == d
    return everything


def _follow_ups(o: Oracle, add: Callable[..., None]) -> None:
    y24, y25 = _y(2024), _y(2025)
    feb25, jan25 = month(2025, 2), month(2025, 1)
    surv = lambda r: r.surv  # noqa: E731
    p8 = _type_pred("P-8")
    u2 = _type_pred("U-2")
    add("follow-up",
        ("how many surveillance flights near Texas in 2024?", o.count(both(surv, near("texas"), between(*y24)))),
        ("which ones?", o.listing(both(surv, near("texas"), between(*y24)))),
        ("of those how many were P-8s?", o.count(both(surv, p8, near("texas"), between(*y24)))))
    add("follow-up",
        ("how many surveillance flights over California in 2025?",
         o.count(both(surv, over("california"), between(*y25)))),
        ("list them", o.listing(both(surv, over("california"), between(*y25)))),
        ("how many of them were P-8s?", o.count(both(surv, p8, over("california"), between(*y25)))))
    add("follow-up",
        ("how many P-8 missions in January 2025?", o.count(both(p8, between(*jan25)))),
        ("and in February?", o.count(both(p8, between(*o.bare_month(2))))),
        ("what about U-2s?", o.count(both(u2, between(*o.bare_month(2))))))
    add("follow-up",
        ("how many missions near Texas in 2025?", o.count(both(near("texas"), between(*y25)))),
        ("what about Arizona?", o.count(both(near("arizona"), between(*y25)))),
        ("and in 2024?", o.count(both(near("arizona"), between(*y24)))))
    add("follow-up",
        ("how many U-2 missions near Texas in February?", o.count(both(u2, near("texas"),
                                                                       between(*o.bare_month(2))))),
        ("the last one?", o.when(both(u2, near("texas"), between(*o.bare_month(2))), "last")))
    add("follow-up",
        ("how many P-8 missions over California in 2024?", o.count(both(p8, over("california"), between(*y24)))),
        ("list them", o.listing(both(p8, over("california"), between(*y24)))),
        ("show me a map", Expect("picture")))
    add("follow-up",
        ("how many P-8 missions in 2024?", o.count(both(p8, between(*y24)))),
        ("what about Narnia?", Expect("decline")),
        ("and in 2025?", o.count(both(p8, between(*y25)))))
    add("follow-up",
        ("how many surveillance flights near Kaliningrad?", o.count(both(surv, near("kaliningrad-oblast")))),
        ("which ones?", o.listing(both(surv, near("kaliningrad-oblast")))),
        ("and over the Black Sea?", o.count(both(surv, over("black-sea")))))
    add("follow-up",
        ("how many RC-135 flights in 2025?", o.count(both(_type_pred("RC-135"), between(*y25)))),
        ("and in March?", o.count(both(_type_pred("RC-135"), between(*o.bare_month(3))))))
    add("follow-up",
        ("how many surveillance flights in October 2025?", o.count(both(surv, between(*month(2025, 10))))),
        ("per week", o.breakdown(both(surv, between(*month(2025, 10))), by_week)),
        ("the first one?", o.when(both(surv, between(*month(2025, 10))), "first")))
    add("follow-up",
        ("how many missions over Arizona in 2025?", o.count(both(over("arizona"), between(*y25)))),
        ("which aircraft?", o.aircraft(both(over("arizona"), between(*y25)))),
        ("how about 2024?", o.aircraft(both(over("arizona"), between(*y24)))))
    add("follow-up",
        ("how many U-2 missions in 2025?", o.count(both(u2, between(*y25)))),
        ("compared with 2024?", o.compare(both(u2, between(*y25)), both(u2, between(*y24)))))
    add("follow-up",
        ("how many P-8 flights in February 2025?", o.count(both(p8, between(*feb25)))),
        ("why?", Expect("decline", reason="why")),
        ("and in January?", o.count(both(p8, between(*o.bare_month(1))))))


# --- grading ----------------------------------------------------------------------------------------------------------


@dataclass
class Graded:
    category: str
    text: str
    verdict: str  # exact, declined, wrong
    detail: str = ""


def grade(expect: Expect, answer: Any) -> tuple[str, str]:
    """("exact" | "declined" | "wrong", why)."""
    text = answer.text
    if expect.kind == "decline":
        if not answer.declined:
            return "wrong", "answered what must be declined"
        if expect.reason and answer.reason != expect.reason:
            return "exact", f"declined ({answer.reason}, wanted {expect.reason})"
        return "exact", ""
    if answer.declined:
        return "declined", answer.text[:300]
    missing = [w for w in expect.says if w.lower() not in (text + " ".join(answer.notes)).lower()]
    if missing:
        return "wrong", f"does not say {missing}"
    got = _got(expect, answer)
    if got == expect.value or (expect.kind == "when" and got == expect.value):
        return "exact", ""
    return "wrong", f"expected {expect.value!r}, got {got!r}"


def _got(expect: Expect, answer: Any) -> Any:
    kind = expect.kind
    if kind in {"count", "union"}:
        if kind == "union" and not _says_union(answer):
            return "a union not said as one"
        return answer.count
    if kind == "list":
        if answer.count != len(expect.value):
            return f"count {answer.count}"
        if len(expect.value) <= 50:
            return tuple(sorted(m["id"] for m in answer.missions))
        return expect.value
    if kind == "when":
        if (answer.query or {}).get("intent") != "when":
            return f"intent {(answer.query or {}).get('intent')}"
        return answer.missions[0]["id"] if answer.missions else None
    if kind == "aircraft":
        if answer.count != len(expect.value):
            return f"count {answer.count}"
        return tuple(h for h in expect.value if h in answer.text) if all(h in answer.text for h in expect.value) \
            else "hexes not all named"
    if kind == "breakdown":
        return {r["key"]: r["count"] for r in answer.breakdown if r["count"]}
    if kind == "rank":
        rows = {r["key"]: r["count"] for r in answer.breakdown if r["count"]}
        if rows != expect.value:
            return rows
        top = max(rows.values()) if rows else 0
        labels = [r["label"] for r in answer.breakdown if r["count"] == top]
        return rows if all(lbl in answer.text for lbl in labels) else "top not named"
    if kind == "compare":
        return tuple(r["count"] for r in answer.breakdown[:2])
    if kind == "baseline":
        a, total, months = expect.value
        rows = {r["key"]: r["count"] for r in answer.breakdown}
        avg = f"{total / months:.2f}"
        ok = rows.get("period") == a and rows.get("baseline_total") == total and avg in text_of(answer)
        return expect.value if ok else (rows, avg)
    if kind in {"share", "average"}:
        return _ratio_got(expect, answer)
    if kind == "days":
        return _days_got(expect, answer)
    if kind == "picture":
        return None if answer.picture else "no picture"
    if kind == "records":
        return tuple(sorted(m["id"] for m in answer.missions))
    if kind in {"duration", "hours", "distinct", "yesno"}:  # round 18
        return _time_got(expect, answer)
    if kind == "closest":  # round 15: the closest-approach answer, saying the smallest distance ("21.9 nm")
        if (answer.query or {}).get("intent") != "closest":
            return f"intent {(answer.query or {}).get('intent')}"
        return expect.value if expect.value in answer.text else "distance not said"
    raise AssertionError(kind)


def hm(seconds: float) -> str:
    """A duration as round 18 says it: "6 h 42 min", under an hour "39 min", to the nearest minute, halves up."""
    minutes = int(seconds / 60 + 0.5)
    h, m = divmod(minutes, 60)
    return f"{h} h {m:02d} min" if h else f"{m} min"


def _time_got(expect: Expect, answer: Any) -> Any:
    """Round 18's kinds. duration: exactly these missions cited, each one's duration said; hours: the number of
    missions and the total or average said; distinct: the count and "N <noun>" (or "N of the M <noun>s") said;
    yesno: the answer opens with "Yes" or "No"."""
    text = text_of(answer)
    if expect.kind == "duration":
        ids = tuple(sorted(i for i, _ in expect.value))
        cited = tuple(sorted(m["id"] for m in answer.missions))
        said = all(hm(s) in text for _, s in expect.value)
        return expect.value if cited == ids and said else (cited, [hm(s) for _, s in expect.value])
    if expect.kind == "hours":
        n, secs = expect.value
        ok = re.search(rf"\b{n} (?:\w+ )?(?:mission|flight)", text) is not None and hm(secs) in text
        return expect.value if ok else (n, hm(secs))
    if expect.kind == "distinct":
        n, noun = expect.value
        ok = answer.count == n and re.search(rf"\b{n} (?:different |distinct |of the \d+ )?{noun}", text) is not None
        return expect.value if ok else (answer.count, text[:120])
    opens = text.lstrip().lower()
    got = True if opens.startswith("yes") else False if opens.startswith("no") else "no yes/no"
    return got


def _days_got(expect: Expect, answer: Any) -> Any:
    """The days of a scope: a per-day breakdown naming exactly those days, or every one of its records cited."""
    days, ids = expect.value
    if answer.breakdown:
        got = tuple(sorted(r["key"] for r in answer.breakdown if r["count"]))
        return expect.value if got == days else got
    got = tuple(sorted(m["id"] for m in answer.missions))
    return expect.value if got == ids and answer.count in (None, len(ids)) else got


def _ratio_got(expect: Expect, answer: Any) -> Any:
    """A share: both counts (breakdown keys part / whole), "P of W" and the percentage said; an average: the count
    (key total) and the quotient to two decimals said."""
    rows = {r["key"]: r["count"] for r in answer.breakdown}
    text = text_of(answer)
    if expect.kind == "share":
        part, whole = expect.value
        said = f"{part} of {whole}" in text and (whole == 0 or _percent_said(text, 100 * part / whole))
        ok = rows.get("part") == part and rows.get("whole") == whole and said
        return expect.value if ok else (rows, text[:120])
    n, units = expect.value
    ok = rows.get("total") == n and f"{n / units:.2f}" in text
    return expect.value if ok else (rows, f"{n / units:.2f}")


def _percent_said(text: str, exact: float) -> bool:
    """The percentage in brackets, rounded either way to a whole number or to one decimal (its last digit's half)."""
    m = re.search(r"\((\d+(?:\.(\d))?) %\)", text)
    if m is None:
        return False
    return abs(float(m.group(1)) - exact) <= (0.05 if m.group(2) else 0.5) + 1e-9


def text_of(answer: Any) -> str:
    return answer.text


def _says_union(answer: Any) -> bool:
    low = answer.text.lower() + " ".join(answer.notes).lower()
    return " or " in low and ("either" in low or "any of" in low or "one or both" in low)


def normalise_expect(e: Expect) -> Expect:
    if e.kind == "list" and len(e.value) <= 50:
        return Expect("list", tuple(sorted(e.value)), e.says)
    if e.kind == "picture":
        return Expect("picture", None)
    return e


def run(ask_one: Callable[[str, str], Any], o: Oracle, cases: list[Case] | None = None) -> list[Graded]:
    """Ask every case's turns through ``ask_one(text, thread)`` and grade them."""
    out = []
    for i, case in enumerate(cases if cases is not None else build_cases(o)):
        for text, expect in case.turns:
            answer = ask_one(text, f"oracle-{i}")
            if expect is None:  # a turn only there to set up the next one
                continue
            verdict, detail = grade(normalise_expect(expect), answer)
            out.append(Graded(case.category, text, verdict, f"{detail} | {answer.text[:240]!r}"))
    return out


def not_exact_lines(results: list[Graded]) -> list[str]:
    """One line per turn that was not exact: its verdict, category, question and why."""
    return [f"  [{r.verdict}] {r.category}: {r.text} — {r.detail[:300]}" for r in results if r.verdict != "exact"]


def summary(results: list[Graded]) -> dict[str, int]:
    c = Counter(r.verdict for r in results)
    return {"questions": len(results), "exact": c["exact"], "declined": c["declined"], "wrong": c["wrong"]}


def _t(d: str) -> Pred:
    return lambda r: r.type == d


def _more(o: Oracle, add: Callable[..., None]) -> None:
    """More phrasings of each pattern: how editors actually type."""
    y24, y25, y26 = _y(2024), _y(2025), _y(2026)
    feb25, jan25, oct25 = month(2025, 2), month(2025, 1), month(2025, 10)
    surv = lambda r: r.surv  # noqa: E731
    t = o.today
    counts: list[tuple[str, Pred]] = [
        ("How many times did a P-8 fly near Texas in 2024?", both(_t("P8"), near("texas"), between(*y24))),
        ("Did any U-2s fly near Texas in February 2025?", both(_t("U2"), near("texas"), between(*feb25))),
        ("were there any RC-135 flights over the Black Sea?", both(_t("R135"), over("black-sea"))),
        ("what's the number of P-8 sorties over California last year?",
         both(_t("P8"), over("california"), between(*_y(t.year - 1)))),
        ("P-8 sorties over California in 2024", both(_t("P8"), over("california"), between(*y24))),
        ("how many P-8As flew in 2024?", both(_t("P8"), between(*y24))),
        ("how many Poseidons near the Baja peninsula in January 2025?",
         both(_t("P8"), near("baja-peninsula"), between(*jan25))),
        ("how many U-2s in 2024?", both(_t("U2"), between(*y24))),
        ("number of RC-135s near Kaliningrad", both(_t("R135"), near("kaliningrad-oblast"))),
        ("how many E-3s over Oklahoma?", both(_t("E3TF"), over("oklahoma"))),
        ("how many RQ-4s over the Black Sea in October 2025?", both(_t("Q4"), over("black-sea"), between(*oct25))),
        ("how many Global Hawks in 2025?", both(_t("Q4"), between(*y25))),
        ("how many rc-135 flights in 2025?", both(_t("R135"), between(*y25))),
        ("how many kc135 flights in 2025?", both(_t("K35R"), between(*y25))),
        ("how many c17 flights in February 2025?", both(_t("C17"), between(*feb25))),
        ("how many rq4 missions in October 2025?", both(_t("Q4"), between(*oct25))),
        ("how many p3 flights in 2024?", both(_t("P3"), between(*y24))),
        ("how many p-8s near california in 2025?", both(_t("P8"), near("california"), between(*y25))),
        ("how many missions in Feb 2025?", between(*feb25)),
        ("how many missions in February of 2025?", between(*feb25)),
        ("how many surveillance flights during 2024?", both(surv, between(*y24))),
        ("how many surveillance flights this year?", both(surv, between(dt.date(t.year, 1, 1), t))),
        ("how many surveillance flights last month?", both(surv, between(*month(t.year, t.month - 1)))),
        ("how many flights between January and March 2025?", between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights from January to March 2025?", between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))),
        ("how many flights in early February 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 2, 10))),
        ("how many flights in late January 2025?", between(dt.date(2025, 1, 21), dt.date(2025, 1, 31))),
        ("how many missions in the second quarter of 2024?", between(dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
        ("how many missions in Q2 2024?", between(dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
        ("how many missions in the fourth quarter of 2025?", between(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("how many missions since February 2025?", between(dt.date(2025, 2, 1), t)),
        ("how many missions since 1 February 2025?", between(dt.date(2025, 2, 1), t)),
        ("how many missions after January 2025?", between(dt.date(2025, 2, 1), t)),
        ("how many missions before 2025?", between(dt.date(1990, 1, 1), dt.date(2024, 12, 31))),
        ("how many missions prior to February 2025?", between(dt.date(1990, 1, 1), dt.date(2025, 1, 31))),
        ("how many missions up to 31 January 2025?", between(dt.date(1990, 1, 1), dt.date(2025, 1, 31))),
        ("how many surveillance flights in the week of 3 February?", both(surv, between(*_yearless_week(o, 2, 3)))),
        ("how many flights around Texas in 2025?", both(near("texas"), between(*y25))),
        ("how many flights close to Texas in 2024?", both(near("texas"), between(*y24))),
        ("how many flights over TX in 2024?", both(over("texas"), between(*y24))),
        ("how many flights near AZ in 2025?", both(near("arizona"), between(*y25))),
        ("how many flights near the US-Mexico border in 2025?", both(near("us-mexico-border"), between(*y25))),
        ("how many flights over the Baltic Sea?", over("baltic-sea")),
        ("how many flights over international waters off California?",
         both(over("international-airspace"), near("california"))),
        ("how many missions in international airspace near Kaliningrad?",
         both(over("international-airspace"), near("kaliningrad-oblast"))),
        ("how many flights within 100 km of Kaliningrad?", near("kaliningrad-oblast", 100 / 1.852)),
        ("how many flights within 25 miles of Texas in 2025?", both(near("texas", 25 * 0.868976), between(*y25))),
        ("non-military flights near Arizona", both(lambda r: not r.military, near("arizona"))),
        ("how many civilian flights in 2025?", both(lambda r: not r.military, between(*y25))),
        ("how many flights except P-8s and U-2s in 2025?", both(lambda r: r.type not in {"P8", "U2"},
                                                                 between(*y25))),
        ("how many military flights other than P-8s in February 2025?",
         both(lambda r: r.military and r.type != "P8", between(*feb25))),
        ("how many Navy flights excluding P-8s?", lambda r: r.op == "us-navy" and r.type != "P8"),
        ("how many RAF missions in October 2025?", both(lambda r: r.op == "raf", between(*oct25))),
        ("how many Royal Air Force flights near Kaliningrad?", both(lambda r: r.op == "raf",
                                                                    near("kaliningrad-oblast"))),
        ("how many US Navy flights in 2025?", both(lambda r: r.op == "us-navy", between(*y25))),
        ("how many USAF flights over the Black Sea?", both(lambda r: r.op == "us-air-force", over("black-sea"))),
        ("how many surveillance flights in 2026?", both(surv, between(*y26))),
        ("total surveillance flights in 2025", both(surv, between(*y25))),
        ("how many flights did the Navy fly in January 2025?", both(lambda r: r.op == "us-navy",
                                                                     between(*jan25))),
        ("how many orbiting flights near Kaliningrad?", both(near("kaliningrad-oblast"), lambda r: _orbit(o, r))),
    ]
    for text, pred in counts:
        add("count+", (text, o.count(pred)))
    for text, pred, said in [
        ("how many flights near Arizna in 2025?", both(near("arizona"), between(*y25)), "Arizna"),
        ("how many flights near Kalinigrad?", near("kaliningrad-oblast"), "Kalinigrad"),
        ("how many survelance flights in 2024?", both(surv, between(*y24)), "survelance"),
        ("how many missions in Janaury 2025?", between(*jan25), "Janaury"),
        ("how many flights over Califronia in 2024?", both(over("california"), between(*y24)), "Califronia"),
        ("how many misions over Texas in 2024?", both(over("texas"), between(*y24)), "misions"),
    ]:
        add("typo", (text, Expect("count", len(o.sel(pred)), says=(said,))))
    for text, pred, which in [
        ("when did a U-2 last fly near Texas?", both(_t("U2"), near("texas")), "last"),
        ("the date of the first RC-135 mission in October 2025", both(_t("R135"), between(*oct25)), "first"),
        ("latest P-8 flight over California", both(_t("P8"), over("california")), "last"),
        ("when did ae01c5 last fly?", lambda r: r.hex == "ae01c5", "last"),
        ("when was the most recent RAF flight?", lambda r: r.op == "raf", "last"),
        ("when was the first Global Hawk flight over the Black Sea?", both(_t("Q4"), over("black-sea")), "first"),
        ("what day was the last E-3 mission?", _t("E3TF"), "last"),
    ]:
        add("when+", (text, o.when(pred, which)))
    for text, pred in [
        ("how many flights did callsign FORTE12 make in October 2025?",
         both(lambda r: r.callsign == "FORTE12", between(*oct25))),
        ("list missions of 77-0351", lambda r: r.reg == "77-0351"),
        ("flights by hex 43c6f1", lambda r: r.hex == "43c6f1"),
        ("what did N8301J fly in 2025?", both(lambda r: r.reg == "N8301J", between(*y25))),
        ("how many missions did ae5415 fly in 2024?", both(lambda r: r.hex == "ae5415", between(*y24))),
    ]:
        e = o.count(pred) if text.startswith("how many") else o.listing(pred)
        add("identity+", (text, e))
    story = (dt.date(2025, 1, 27), dt.date(2025, 2, 5))
    for text, pred, key in [
        ("weekly P-8 flights in January 2025", both(_t("P8"), between(*jan25)), by_week),
        ("missions per day in the first week of February 2025", between(dt.date(2025, 2, 1), dt.date(2025, 2, 7)),
         by_day),
        ("how many flights each month in 2025?", between(*y25), by_month),
        ("flights per operator in October 2025", between(*oct25), by_op),
        ("breakdown by type of surveillance flights in 2025", both(surv, between(*y25)), by_type),
        ("surveillance flights by month in 2024", both(surv, between(*y24)), by_month),
        ("P-8 missions per month", _t("P8"), by_month),
        ("daily flight counts between 27 January and 5 February 2025", between(*story), by_day),
        ("how many missions per year?", everything, lambda r: str(r.day.year)),
        ("what aircraft types flew over the Black Sea?", over("black-sea"), by_type),
    ]:
        add("breakdown+", (text, o.breakdown(pred, key)))
    for text, pred, key in [
        ("on which day were there the most flights in January 2025?", between(*jan25), by_day),
        ("what month saw the most P-8 missions?", _t("P8"), by_month),
        ("the busiest day near California", near("california"), by_day),
        ("which aircraft type was most common in October 2025?", between(*oct25), by_type),
        ("top 2 operators in 2025", between(*y25), by_op),
        ("which type flew the most missions near Kaliningrad?", near("kaliningrad-oblast"), by_type),
        ("what was the busiest month for surveillance flights?", surv, by_month),
        ("which operator had the most missions in 2024?", between(*y24), by_op),
    ]:
        add("rank+", (text, o.breakdown(pred, key, rank=True)))
    for text, a, b in [
        ("did the Navy fly more than the Air Force in 2024?", both(lambda r: r.op == "us-navy", between(*y24)),
         both(lambda r: r.op == "us-air-force", between(*y24))),
        ("P-8s vs U-2s in 2025", both(_t("P8"), between(*y25)), both(_t("U2"), between(*y25))),
        ("how does January 2025 compare to January 2024?", between(*jan25), between(*month(2024, 1))),
        ("more surveillance flights in October 2025 than in February 2025?", both(surv, between(*oct25)),
         both(surv, between(*feb25))),
        ("difference between 2024 and 2025 for P-8 missions", both(_t("P8"), between(*y24)),
         both(_t("P8"), between(*y25))),
        ("near Texas vs near Arizona in 2025", both(near("texas"), between(*y25)),
         both(near("arizona"), between(*y25))),
        ("how many more surveillance flights in 2025 than in 2024?", both(surv, between(*y25)),
         both(surv, between(*y24))),
        ("were there fewer U-2 or E-3 flights in 2024?", both(_t("U2"), between(*y24)),
         both(_t("E3TF"), between(*y24))),
        ("RAF or USAF: who flew more near Kaliningrad?", both(lambda r: r.op == "raf", near("kaliningrad-oblast")),
         both(lambda r: r.op == "us-air-force", near("kaliningrad-oblast"))),
        ("compare P-8 flights in January 2025 with February 2025", both(_t("P8"), between(*jan25)),
         both(_t("P8"), between(*feb25))),
    ]:
        add("compare+", (text, o.compare(a, b)))
    for text, a, base, n in [
        ("how does February 2025 compare with the monthly average in 2024?", between(*feb25), between(*y24), 12),
        ("P-8 flights in February 2025 vs the 2024 monthly average", both(_t("P8"), between(*feb25)),
         both(_t("P8"), between(*y24)), 12),
    ]:
        add("baseline", (text, Expect("baseline", (len(o.sel(a)), len(o.sel(base)), n))))
    for text in ["is the military spying on Mexico?", "what was the reason for the RC-135 flight?",
                 "why so many flights in February?", "should we worry about the P-8 flights?"]:
        add("decline", (text, Expect("decline")))
    for text in ["how many flights next month?", "how many P-8 missions in 2030?", "U-2 flights next week",
                 "how many surveillance flights in January 2027?"]:
        add("decline", (text, Expect("decline", reason="future")))
    p8 = _t("P8")
    add("follow-up+",
        ("how many surveillance flights near Texas in 2024?", o.count(both(surv, near("texas"), between(*y24)))),
        ("of those, how many were over Oklahoma?", o.count(both(surv, near("texas"), over("oklahoma"),
                                                                between(*y24)))))
    add("follow-up+",
        ("how many P-8 missions in 2025?", o.count(both(p8, between(*y25)))),
        ("per month", o.breakdown(both(p8, between(*y25)), by_month)),
        ("and by type?", None))
    add("follow-up+",
        ("how many surveillance flights in February 2025?", o.count(both(surv, between(*feb25)))),
        ("only the P-8s?", o.count(both(surv, p8, between(*feb25)))),
        ("when was the last one?", o.when(both(surv, p8, between(*feb25)), "last")))
    add("follow-up+",
        ("how many Navy flights in January 2025?", o.count(both(lambda r: r.op == "us-navy", between(*jan25)))),
        ("excluding P-8s?", o.count(both(lambda r: r.op == "us-navy" and r.type != "P8", between(*jan25)))))
    add("follow-up+",
        ("how many missions near California in 2025?", o.count(both(near("california"), between(*y25)))),
        ("and in March?", Expect("count", len(o.sel(both(near("california"), between(*o.bare_month(3))))),
                                 says=(str(o.bare_month(3)[0].year),))))
    add("follow-up+",
        ("list U-2 missions in 2024", o.listing(both(_t("U2"), between(*y24)))),
        ("show them on a map", Expect("picture")))
    add("follow-up+",
        ("how many RC-135 flights near Kaliningrad?", o.count(both(_t("R135"), near("kaliningrad-oblast")))),
        ("which aircraft?", o.aircraft(both(_t("R135"), near("kaliningrad-oblast")))),
        ("and the first one?", o.when(both(_t("R135"), near("kaliningrad-oblast")), "first")))
    add("follow-up+",
        ("how many P-8 missions near Texas in 2024?", o.count(both(p8, near("texas"), between(*y24)))),
        ("what about near Arizona?", o.count(both(p8, near("arizona"), between(*y24)))),
        ("and over California?", o.count(both(p8, over("california"), between(*y24)))))
    add("follow-up+",
        ("how many flights over the Black Sea in October 2025?", o.count(both(over("black-sea"),
                                                                             between(*oct25)))),
        ("what about Zorgland?", Expect("decline")),
        ("list them", o.listing(both(over("black-sea"), between(*oct25)))))


def _orbit(o: Oracle, r: Row) -> bool:
    return r.id in o.orbiting


def _yearless_week(o: Oracle, m: int, d: int) -> tuple[dt.date, dt.date]:
    for year in range(o.today.year, o.today.year - 11, -1):
        a = dt.date(year, m, d)
        b = a + dt.timedelta(days=6)
        if a <= o.today and any(a <= r.day <= b for r in o.rows):
            return a, b
    raise AssertionError("no year")


def _round3(o: Oracle, add: Callable[..., None]) -> None:
    """Questions that tempt a wrong answer: filters the records do not hold, ambiguous dates, aircraft counted
    instead of missions, narrowing follow-ups."""
    y24, y25 = _y(2024), _y(2025)
    feb25, jan25, oct25 = month(2025, 2), month(2025, 1), month(2025, 10)
    surv = lambda r: r.surv  # noqa: E731
    t = o.today
    for text, pred in [
        ("how many missions in Texas in 2024?", both(over("texas"), between(*y24))),
        ("how many missions last October?", between(*month(t.year if t.month > 10 else t.year - 1, 10))),
        ("how many missions between 1 and 3 February 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 2, 3))),
        ("how many missions on February 3, 2025?", between(dt.date(2025, 2, 3), dt.date(2025, 2, 3))),
        ("how many missions on Feb 3rd 2025?", between(dt.date(2025, 2, 3), dt.date(2025, 2, 3))),
        ("how many missions on the 3rd of February 2025?", between(dt.date(2025, 2, 3), dt.date(2025, 2, 3))),
        ("how many missions yesterday?", between(t - dt.timedelta(days=1), t - dt.timedelta(days=1))),
        ("how many missions today?", between(t, t)),
        ("how many P-8 missions did the Air Force fly?", lambda r: r.type == "P8" and r.op == "us-air-force"),
        ("how many Navy U-2 flights?", lambda r: r.type == "U2" and r.op == "us-navy"),
        ("How many times has the U-2 flown near Texas?", both(_t("U2"), near("texas"))),
        ("how many surveillance missions off the coast of California in 2025?",
         both(surv, near("california"), between(*y25))),
        ("how many missions in the past 2 years?", between(t.replace(year=t.year - 2) + dt.timedelta(days=1), t)),
        ("how many flights in the last 12 months?", between(_add_months(t, -12) + dt.timedelta(days=1), t)),
        ("how many missions in 2024 and 2025?", between(dt.date(2024, 1, 1), dt.date(2025, 12, 31))),
        ("how many surveillance flights over Arizona, Texas or New Mexico in 2025?",
         both(surv, either(over("arizona"), over("texas"), over("new-mexico")), between(*y25))),
        ("how many P-8 or U-2 flights in 2024?", both(lambda r: r.type in {"P8", "U2"}, between(*y24))),
        ("how many missions by P-8s and U-2s in February 2025?",
         both(lambda r: r.type in {"P8", "U2"}, between(*feb25))),
        ("how many orbits near Kaliningrad?", both(near("kaliningrad-oblast"), lambda r: _orbit(o, r))),
    ]:
        add("count3", (text, o.count(pred)))
    for text, pred in [
        ("how many distinct aircraft flew near Texas in 2025?", both(near("texas"), between(*y25))),
        ("how many different P-8s flew in January 2025?", both(_t("P8"), between(*jan25))),
        ("how many unique aircraft flew near Kaliningrad?", near("kaliningrad-oblast")),
    ]:
        add("aircraft3", (text, o.aircraft(pred)))
    for text in ["how many missions on 2/3/2025?",
                 "how many flights above 50,000 feet?", "how many flights at night in 2025?",
                 "what percentage of flights were P-8s in 2025?", "how fast was the U-2 flying?",
                 "how many flights in winter 2025?", "how many missions were tankers refuelling the P-8s?",
                 "which pilot flew the U-2?", "how many missions were flown by the CIA?",
                 "how many flights near Atlantis?", "how many p9 flights in 2025?"]:
        add("decline3", (text, Expect("decline")))
    p8 = _t("P8")
    add("follow-up3",
        ("how many P-8 flights in 2024?", o.count(both(p8, between(*y24)))),
        ("and U-2?", o.count(both(_t("U2"), between(*y24)))))
    add("follow-up3",
        ("how many flights near Texas in 2025?", o.count(both(near("texas"), between(*y25)))),
        ("how many of them were surveillance?", o.count(both(near("texas"), surv, between(*y25)))))
    add("follow-up3",
        ("list P-8 missions in January 2025", o.listing(both(p8, between(*jan25)))),
        ("the first one?", o.when(both(p8, between(*jan25)), "first")))
    add("follow-up3",
        ("how many surveillance flights in 2025?", o.count(both(surv, between(*y25)))),
        ("by month", o.breakdown(both(surv, between(*y25)), by_month)),
        ("which month was busiest?", o.breakdown(both(surv, between(*y25)), by_month, rank=True)))
    add("follow-up3",
        ("how many U-2 flights in 2024?", o.count(both(_t("U2"), between(*y24)))),
        ("and in 2025?", o.count(both(_t("U2"), between(*y25)))),
        ("what about near Texas?", o.count(both(_t("U2"), near("texas"), between(*y25)))))
    add("follow-up3",
        ("how many missions over the Black Sea?", o.count(over("black-sea"))),
        ("which ones?", o.listing(over("black-sea"))),
        ("how many of those were in October 2025?", o.count(both(over("black-sea"), between(*oct25)))))
    add("follow-up3",
        ("how many RC-135 flights in 2025?", o.count(both(_t("R135"), between(*y25)))),
        ("which of them were RAF?", o.listing(both(_t("R135"), lambda r: r.op == "raf", between(*y25)))))
    add("follow-up3",
        ("how many surveillance flights near Arizona in February 2025?",
         o.count(both(surv, near("arizona"), between(*feb25)))),
        ("compared with January?", o.compare(both(surv, near("arizona"), between(*feb25)),
                                             both(surv, near("arizona"), between(*o.bare_month(1))))))
    add("follow-up3",
        ("how many P-8 flights in February 2025?", o.count(both(p8, between(*feb25)))),
        ("what about the week of 27 January 2025?", o.count(both(p8, between(dt.date(2025, 1, 27),
                                                                             dt.date(2025, 2, 2))))))


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = month(y, m)[1].day
    return dt.date(y, m, min(d.day, last))


def _round4(o: Oracle, add: Callable[..., None]) -> None:
    """Word orders, requests for several records, busier-or questions, numbers the records cannot give."""
    y24, y25 = _y(2024), _y(2025)
    feb25, jan25 = month(2025, 2), month(2025, 1)
    surv = lambda r: r.surv  # noqa: E731
    for text, pred in [
        ("How many missions were flown in February 2025 by surveillance aircraft near the Baja peninsula?",
         both(surv, near("baja-peninsula"), between(*feb25))),
        ("Tell me how many P-8s flew near California in January 2025",
         both(_t("P8"), near("california"), between(*jan25))),
        ("Give me the number of RC-135 flights in 2025", both(_t("R135"), between(*y25))),
        ("Count of U-2 missions in 2024", both(_t("U2"), between(*y24))),
        ("Any E-3 flights over Texas in January 2025?", both(_t("E3TF"), over("texas"), between(*jan25))),
        ("Were there E-3 flights over Texas in January 2025?", both(_t("E3TF"), over("texas"), between(*jan25))),
        ("How many sorties did the Navy fly near California in 2024?",
         both(lambda r: r.op == "us-navy", near("california"), between(*y24))),
        ("how many flights in Feb?", between(*o.bare_month(2))),
        ("how many flights in February and March 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 3, 31))),
        ("how many flights between Feb 1 and Feb 3, 2025?", between(dt.date(2025, 2, 1), dt.date(2025, 2, 3))),
        ("flights over Texas on 2 February 2025", both(over("texas"), between(dt.date(2025, 2, 2),
                                                                               dt.date(2025, 2, 2)))),
        ("how many flights in the last quarter of 2025?", between(dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        ("did the RC-135 fly over Sinaloa?", both(_t("R135"), over("sinaloa"))),
        ("how many flights over Mexico in 2025?", both(over("mexico"), between(*y25))),
        ("how many flights near Russia?", near("russia")),
        ("how many flights over Italy?", over("italy")),
        ("how many flights did the U-2 make?", _t("U2")),
    ]:
        add("count4", (text, o.count(pred)))
    for text, a, b in [
        ("How many missions near Texas in 2024 compared to 2025?", both(near("texas"), between(*y24)),
         both(near("texas"), between(*y25))),
        ("Has the number of surveillance flights increased from 2024 to 2025?", both(surv, between(*y24)),
         both(surv, between(*y25))),
        ("Did surveillance flights go up between January and February 2025?", both(surv, between(*jan25)),
         both(surv, between(*feb25))),
        ("How many more flights were there in February 2025 than January 2025?", between(*feb25),
         between(*jan25)),
        ("Which was busier, January or February 2025?", between(*jan25), between(*feb25)),
        ("more flights near California than near Arizona in 2025?", both(near("california"), between(*y25)),
         both(near("arizona"), between(*y25))),
    ]:
        add("compare4", (text, o.compare(a, b)))
    for text, pred, key in [
        ("top 5 days for surveillance flights", surv, by_day),
        ("which 3 days had the most flights in February 2025?", between(*feb25), by_day),
    ]:
        add("rank4", (text, o.breakdown(pred, key, rank=True)))
    for text, pred, n, which in [("list the last 3 P-8 missions", _t("P8"), 3, "last"),
                                 ("what were the first two RC-135 flights in October 2025?",
                                  both(_t("R135"), between(*month(2025, 10))), 2, "first"),
                                 ("the 5 most recent surveillance flights near Texas", both(surv, near("texas")), 5,
                                  "last")]:
        found = o.sel(pred)
        add("records4", (text, Expect("records", tuple(sorted(r.id for r in (found[:n] if which == "first"
                                                                             else found[-n:]))))))
    add("rank4", ("the three busiest days in February 2025", o.breakdown(between(*feb25), by_day, rank=True)))
    for text in ["how many flights from 1/2/2025 to 3/2/2025?", "how many flights in H1 2025?",
                 "how many flights in the first half of 2025?"]:
        add("decline4?", (text, Expect("decline")))


def _round5(o: Oracle, add: Callable[..., None]) -> None:
    """Two periods in one question: a range only when the words make one."""
    jan25, feb25, mar25, oct25 = month(2025, 1), month(2025, 2), month(2025, 3), month(2025, 10)
    p8 = _t("P8")
    add("periods5", ("how many P-8 flights in January 2025 and how many in February 2025?",
                     o.compare(both(p8, between(*jan25)), both(p8, between(*feb25)))))
    add("periods5", ("how many flights in January and October 2025?", o.compare(between(*jan25), between(*oct25))))
    add("periods5", ("how many flights in January and March 2025?", o.compare(between(*jan25), between(*mar25))))
    add("periods5", ("how many missions before 3 February 2025 in 2025?", Expect("decline")))
    add("periods5", ("how many flights in late January and early February 2025?",
                     o.count(between(dt.date(2025, 1, 21), dt.date(2025, 2, 10)))))
    add("periods5", ("how many flights in January, February and March 2025?",
                     o.count(between(dt.date(2025, 1, 1), dt.date(2025, 3, 31)))))
    y25 = _y(2025)
    add("follow-up5",
        ("how many P-8 flights near Texas in 2025?", o.count(both(p8, near("texas"), between(*y25)))),
        ("how many of those were over the Gulf of Mexico?",
         o.count(both(p8, near("texas"), over("gulf-of-mexico"), between(*y25)))))
    add("follow-up5",
        ("how many missions near Texas in February 2025?", o.count(both(near("texas"), between(*feb25)))),
        ("how many were E-3s?", o.count(both(_t("E3TF"), near("texas"), between(*feb25)))))
    add("follow-up5",
        ("how many surveillance flights in 2025?", o.count(both(lambda r: r.surv, between(*y25)))),
        ("how many of those were in 2024?", Expect("decline")))
    add("decline5", ("were there more flights in 2025?", Expect("decline")))
    add("decline5", ("how many P-8 and U-2 flights in fall 2025?", Expect("decline")))
