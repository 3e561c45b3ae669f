"""Oracle round "rt" (2026-12-05, issue 9's three declined or ambiguous families): shares and percentages, averages
and rates, and "how many aircraft" against missions. Written before the bot answered them; every expected answer is
computed here in plain Python from the rows (helpers of :mod:`tests.bot_core.oracle`, no ``bot.nlu``, ``claims.nlp``
or ``evidence.selectors``), or is a decline where declining is the only honest answer.

The semantics graded (README "Questions", docs/QUALITY.md "h-bot10"):

- a share is ``part of whole``: the whole is the phrase after "of" ("of the flights near Texas in February 2025"), or
  the conversation's previous scope for "of those"; the part is that whole narrowed by what follows "were / was /
  went / flew". The answer carries both counts (breakdown keys ``part`` and ``whole``) and says "P of W" and the
  percentage with no decimals; a whole of 0 says so and divides nothing.
- an average per day / week / month is the period's count divided by the number of calendar units in the period:
  days, days / 7, calendar months. The answer carries the count (breakdown key ``total``) and says the quotient to two
  decimals. A period still running (ends after today), no period, a month average over a period that is not whole
  months, and "median", "typical", "normal" are declined.
- a type, role or generic aircraft noun counted with "flew" answers the missions (the headline number, as the older
  rounds and the product's story do) and says in its first sentence how many aircraft flew them ("by 1 aircraft").
  "how many different / distinct / unique / individual aircraft" answers the airframes (as before).
"""
from __future__ import annotations

import datetime as dt

from tests.bot_core.oracle import Expect, Oracle, Pred, between, both, everything, month, near, over
from tests.bot_core.oracle_round6 import _op, _role, _surv, _t, _y
from tests.bot_core.oracle_round7 import KAL, Add


def share(o: Oracle, whole: Pred, part: Pred) -> Expect:
    w = o.sel(whole)
    return Expect("share", (sum(1 for r in w if part(r)), len(w)))


def average(o: Oracle, pred: Pred, period: tuple[dt.date, dt.date], unit: str) -> Expect:
    a, b = period
    n = len(o.sel(both(pred, between(a, b))))
    days = (b - a).days + 1
    units = {"day": float(days), "week": days / 7,
             "month": float((b.year - a.year) * 12 + b.month - a.month + 1)}[unit]
    return Expect("average", (n, units))


def aircraft_count(o: Oracle, pred: Pred) -> Expect:
    rows = o.sel(pred)
    return Expect("count", len(rows), says=(f"by {len({r.hex for r in rows})} aircraft",) if rows else ())


def ratios(o: Oracle, add: Add) -> None:
    _shares(o, add)
    _averages(o, add)
    _aircraft(o, add)
    _conversations(o, add)
    _declines(add)


def _shares(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    wholes = [
        ("the flights near Texas in February 2025", both(near("texas"), between(*feb25))),
        ("RC-135 flights in 2025", both(_t("R135"), between(*y25))),
        ("P-8 missions", _t("P8")),
        ("the flights over the Black Sea in 2025", both(over("black-sea"), between(*y25))),
        ("surveillance flights near Texas in 2024", both(_surv, near("texas"), between(*y24))),
        ("the flights near Kaliningrad", near(KAL)),
        ("missions in October 2025", between(*oct25)),
        ("flights over Arizona in 2025", both(over("arizona"), between(*y25))),
        ("the missions near California in 2024", both(near("california"), between(*y24))),
        ("flights in 2025", between(*y25)),
        ("surveillance flights in February 2025", both(_surv, between(*feb25))),
        ("all flights near New Mexico", near("new-mexico")),
    ]
    parts = [
        ("P-8s", _t("P8")), ("RAF", _op("raf")), ("drones", _role("drone_recon")), ("U-2s", _t("U2")),
        ("Navy", _op("us-navy")), ("RC-135s", _t("R135")), ("Air Force", _op("us-air-force")),
        ("Global Hawks", _t("Q4")),
    ]
    forms = ["what percentage of {w} were {p}?", "what share of {w} were {p}?", "what fraction of {w} were {p}?",
             "what proportion of {w} were {p}?", "how many of {w} were {p}, as a percentage?",
             "what % of {w} were {p}?", "what percent of {w} were {p}?"]
    i = 0
    for w, wp in wholes:
        for k in range(3):
            p, pp = parts[(i * 3 + k) % len(parts)]
            form = forms[i % len(forms)]
            i += 1
            add("rt-share", (form.format(w=w, p=p), share(o, wp, pp)))
    # a place as the part: "went near", "flew over", "were over"
    for text, whole, part in [
        ("what fraction of P-8 missions went near California?", _t("P8"), near("california")),
        ("what share of 2025's RC-135 flights were RAF?", both(_t("R135"), between(*y25)), _op("raf")),
        ("how many of the 2025 flights over the Black Sea were drones, as a percentage?",
         both(over("black-sea"), between(*y25)), _role("drone_recon")),
        ("what percentage of U-2 flights in 2025 flew over Texas?", both(_t("U2"), between(*y25)), over("texas")),
        ("what share of the surveillance flights in 2024 were near Arizona?", both(_surv, between(*y24)),
         near("arizona")),
        ("what proportion of Navy flights in 2025 went over California?", both(_op("us-navy"), between(*y25)),
         over("california")),
        ("what percentage of flights near Texas in 2025 were over the Gulf of Mexico?",
         both(near("texas"), between(*y25)), over("gulf-of-mexico")),
        ("what share of RC-135 flights flew near Kaliningrad?", _t("R135"), near(KAL)),
        ("What percentage of the P-8 flights in February 2025 were near Texas?", both(_t("P8"), between(*feb25)),
         near("texas")),
        ("what share of flights were drones?", everything, _role("drone_recon")),
        ("what percentage of the flights in 2025 were Navy?", between(*y25), _op("us-navy")),
        ("what proportion of the flights over the Black Sea were drones?", over("black-sea"), _role("drone_recon")),
        ("what percentage of 2025 flights were RAF?", between(*y25), _op("raf")),
        ("what share of flights near Texas were P-8s?", near("texas"), _t("P8")),
        ("what fraction of P-8 flights were near Texas?", _t("P8"), near("texas")),
    ]:
        add("rt-share", (text, share(o, whole, part)))
    # a whole of 0: said, no division
    add("rt-share", ("what share of the flights near Texas in March 2024 were P-8s?",
                     share(o, both(near("texas"), between(*month(2024, 3))), _t("P8"))))
    add("rt-share", ("what percentage of the U-2 flights over the Black Sea were RAF?",
                     share(o, both(_t("U2"), over("black-sea")), _op("raf"))))


def _averages(o: Oracle, add: Add) -> None:
    y24, y25, feb25, jan25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 1), month(2025, 10)
    q1 = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    q3_24 = (dt.date(2024, 7, 1), dt.date(2024, 9, 30))
    cases = [
        ("what was the average number of flights per month in 2024?", everything, y24, "month"),
        ("on average how many P-8 flights a week near Texas in February 2025?", both(_t("P8"), near("texas")), feb25,
         "week"),
        ("how many flights per day on average in October 2025?", everything, oct25, "day"),
        ("what was the average number of missions per week in 2025?", everything, y25, "week"),
        ("average number of surveillance flights per month in 2025", _surv, y25, "month"),
        ("on average, how many RC-135 flights per month in 2025?", _t("R135"), y25, "month"),
        ("how many P-8 flights per month on average in 2024?", _t("P8"), y24, "month"),
        ("what's the average number of flights per month in 2025?", everything, y25, "month"),
        ("how many flights per week on average in 2025?", everything, y25, "week"),
        ("average flights per day near Texas in February 2025", near("texas"), feb25, "day"),
        ("how many P-8 flights per week on average in January 2025?", _t("P8"), jan25, "week"),
        ("average daily flights near Texas in 2025", near("texas"), y25, "day"),
        ("average weekly surveillance flights in Q1 2025", _surv, q1, "week"),
        ("average monthly P-8 missions in 2024", _t("P8"), y24, "month"),
        ("how many flights per day near Texas in February 2025 on average?", near("texas"), feb25, "day"),
        ("how many flights per day on average in 2025?", everything, y25, "day"),
        ("what was the average number of drone flights per month over the Black Sea in 2025?",
         both(_role("drone_recon"), over("black-sea")), y25, "month"),
        ("on average how many flights a month near Kaliningrad in 2025?", near(KAL), y25, "month"),
        ("what was the mean number of U-2 flights per month in 2025?", _t("U2"), y25, "month"),
        ("average number of Navy flights per week in the first quarter of 2025", _op("us-navy"), q1, "week"),
        ("on average, how many missions a day in the third quarter of 2024?", everything, q3_24, "day"),
        ("how many RAF flights a month on average in 2025?", _op("raf"), y25, "month"),
        ("average number of flights over Arizona per month in Q1 2025", over("arizona"), q1, "month"),
        ("what is the average number of E-3 flights per week in February 2025?", _t("E3TF", "E3CF"), feb25, "week"),
        ("average number of missions per day in January 2025", everything, jan25, "day"),
        ("average number of flights per day in February 2025", everything, feb25, "day"),
        ("on average how many surveillance flights per month near California in 2024?",
         both(_surv, near("california")), y24, "month"),
        ("how many Global Hawk flights per week on average in October 2025?", _t("Q4"), oct25, "week"),
        ("what was the average number of flights per month near Texas in 2024?", near("texas"), y24, "month"),
    ]
    for text, pred, period, unit in cases:
        add("rt-average", (text, average(o, pred, period, unit)))


def _aircraft(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    for text, pred in [
        ("how many aircraft flew near Texas in February 2025?", both(near("texas"), between(*feb25))),
        ("how many P-8s flew near Texas in 2025?", both(_t("P8"), near("texas"), between(*y25))),
        ("how many drones flew over the Black Sea in 2025?", both(_role("drone_recon"), over("black-sea"),
                                                                  between(*y25))),
        ("how many planes flew over Arizona in 2025?", both(over("arizona"), between(*y25))),
        ("how many aircraft flew near Kaliningrad?", near(KAL)),
        ("how many RC-135s flew near Kaliningrad in 2025?", both(_t("R135"), near(KAL), between(*y25))),
        ("how many U-2s flew in 2024?", both(_t("U2"), between(*y24))),
        ("how many jets flew near California in 2024?", both(near("california"), between(*y24))),
        ("how many Global Hawks flew over the Black Sea in October 2025?", both(_t("Q4"), over("black-sea"),
                                                                               between(*oct25))),
        ("how many aircraft flew over Texas in 2025?", both(over("texas"), between(*y25))),
        ("how many P-8s flew in February 2025?", both(_t("P8"), between(*feb25))),
        ("how many surveillance aircraft flew near Texas in 2024?", both(_surv, near("texas"), between(*y24))),
        ("how many E-3s flew over Texas?", both(_t("E3TF", "E3CF"), over("texas"))),
        ("how many planes flew near New Mexico in 2025?", both(near("new-mexico"), between(*y25))),
        ("how many military aircraft flew near Arizona in 2025?", both(lambda r: r.military, near("arizona"),
                                                                       between(*y25))),
        ("how many Navy P-8s flew near California in 2024?", both(_op("us-navy"), _t("P8"), near("california"),
                                                                  between(*y24))),
        ("how many RAF aircraft flew near Kaliningrad?", both(_op("raf"), near(KAL))),
        ("how many aircraft flew in October 2025?", between(*oct25)),
    ]:
        add("rt-aircraft", (text, aircraft_count(o, pred)))
    for text, pred in [
        ("how many individual aircraft flew near Texas in 2024?", both(near("texas"), between(*y24))),
        ("how many different RC-135s flew in 2025?", both(_t("R135"), between(*y25))),
        ("how many distinct planes flew over the Black Sea in 2025?", both(over("black-sea"), between(*y25))),
        ("how many unique aircraft flew near California in 2024?", both(near("california"), between(*y24))),
    ]:
        add("rt-aircraft", (text, o.aircraft(pred)))


def _conversations(o: Oracle, add: Add) -> None:
    y24, y25, feb25, oct25 = _y(2024), _y(2025), month(2025, 2), month(2025, 10)
    tx_feb = both(near("texas"), between(*feb25))
    add("rt-follow-up",
        ("how many flights near Texas in February 2025?", o.count(tx_feb)),
        ("what share of those were P-8s?", share(o, tx_feb, _t("P8"))),
        # "them" after a share: its whole or its part? (written first as the whole; declined: not certain)
        ("and what percentage of them were U-2s?", Expect("decline")))
    bs = both(over("black-sea"), between(*y25))
    add("rt-follow-up",
        ("how many flights over the Black Sea in 2025?", o.count(bs)),
        ("what percentage of those were drones?", share(o, bs, _role("drone_recon"))))
    kal = both(near(KAL), between(*oct25))
    add("rt-follow-up",
        ("how many flights near Kaliningrad in October 2025?", o.count(kal)),
        ("what percentage of those were RAF?", share(o, kal, _op("raf"))))
    add("rt-follow-up",
        ("how many P-8 missions in 2024?", o.count(both(_t("P8"), between(*y24)))),
        ("what was the average per month?", average(o, _t("P8"), y24, "month")))
    add("rt-follow-up",
        ("how many surveillance flights in 2025?", o.count(both(_surv, between(*y25)))),
        ("on average how many a week?", average(o, _surv, y25, "week")))
    add("rt-follow-up",
        ("how many missions near Texas in 2024?", o.count(both(near("texas"), between(*y24)))),
        ("how many aircraft flew them?", aircraft_count(o, both(near("texas"), between(*y24)))))
    add("rt-follow-up",
        ("how many P-8 flights in 2025?", o.count(both(_t("P8"), between(*y25)))),
        ("what fraction of those were near California?", share(o, both(_t("P8"), between(*y25)),
                                                                near("california"))))


def _declines(add: Add) -> None:
    for text in [
        "what's the typical number of P-8 flights per month?", "what is normal for U-2 flights near Texas?",
        "median number of flights per month in 2025", "what's the typical number of RC-135 flights a month?",
        "what was the average number of flights per month?",  # no period
        "average flights per week near Kaliningrad",  # no period
        "how many flights near Texas per month on average?",  # no period
        "average number of flights per month in 2026",  # still running
        "on average how many flights a week since January 2025?",  # runs to today
        "average number of flights per month in the first week of February 2025",  # less than one month
        "what's the median share of P-8 flights per month?",
        "what share of the P-8 flights were U-2s?",  # a part outside the whole
        "what percentage of flights were P-8s or U-2s compared with 2024?",
        "what share of the time was a P-8 near Texas?",
        "what percentage of the Navy flights were RAF?",  # a part outside the whole
    ]:
        add("rt-decline", (text, Expect("decline")))

