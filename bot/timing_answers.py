"""Answers about when, how long and how often (questions read by ``bot.nlu.timing``): each with the scope it
measured, what a mission's time is (first to last position heard), and the records behind it."""
from __future__ import annotations

import datetime as dt
from typing import Any

from bot.answers import Answer
from bot.nlu.query import BotQuery
from bot.nlu.timing import hhmm, hm, lasting_words
from evidence import selectors as sel
from evidence import timing
from evidence.describing import describe_scope

MAX_RECORDS = 50
#: How many missions "how long was …" gives one by one; more are asked about as a total, an average or the longest.
MAX_DURATIONS = 20
HEARD = ("A mission's time is from the first to the last position the receivers heard (its record's start and end): "
         "a lower bound on its time in the air, not a take-off or a landing.")


def _missions(n: int) -> str:
    return f"{n} mission{'s' if n != 1 else ''}"


def timed_of(query: BotQuery) -> timing.Timed:
    return timing.Timed(window=query.window, lasting=query.lasting)


def describe_timed(query: BotQuery) -> str:
    """" starting between 02:00 and 06:00 UTC, heard for longer than 4 h 00 min" (empty without either)."""
    parts = []
    if query.window is not None:
        a, b = query.window
        if b == 24 * 60:
            parts.append(f"starting at or after {hhmm(a)} UTC")
        elif a == 0:
            parts.append(f"starting before {hhmm(b)} UTC")
        else:
            parts.append(f"starting between {hhmm(a)} and {hhmm(b)} UTC" + (" (over midnight)" if b < a else ""))
    if query.lasting is not None:
        parts.append(lasting_words(query.lasting))
    return "".join(", " + p for p in parts)


def _line(m: dict[str, Any]) -> str:
    ident = " / ".join(x for x in (m["registration"], m["hex"]) if x)
    start, end = (m[k].replace("T", " ").replace(":00Z", "Z") for k in ("start", "end"))
    return f"{m['type'] or '?'} {ident} {m['callsign'] or '(no callsign)'}, {start} – {end} <{m['url']}>"


def _seconds(m: dict[str, Any]) -> float:
    return (dt.datetime.fromisoformat(m["end"]) - dt.datetime.fromisoformat(m["start"])).total_seconds()


def _none(words: str, caveat: str, *, count: int | None = 0) -> Answer:
    return Answer(text=f"No mission {words} in the records.", count=count, notes=[caveat])


def answer_timed(query: BotQuery, caveat: str, *, listing: bool) -> Answer:
    """A count or a list with hours of the day or a duration bound."""
    scope, timed = query.scope, timed_of(query)
    qs = timing.timed_missions(scope, timed)
    n = qs.count()
    records = [sel.mission_to_dict(m) for m in timing.displayed(qs.order_by("start", "id")[:MAX_RECORDS], scope)]
    text = f"{_missions(n)} {describe_scope(scope)}{describe_timed(query)}."
    if listing and records:
        text += "\n" + "\n".join(_line(m) for m in records)
    notes = [caveat, "Each mission belongs to the UTC time it starts."]
    if query.lasting is not None:
        notes.append(HEARD)
    if n > len(records):
        notes.append(f"Showing the first {len(records)} of {n} records.")
    return Answer(text=text, count=n, missions=records, notes=notes)


def answer_timed_when(query: BotQuery, caveat: str) -> Answer:
    """The first or the most recent mission of a scope with hours of the day or a duration bound."""
    order = ("start", "id") if query.which == "first" else ("-start", "-id")
    scope = query.scope
    found = timing.displayed(timing.timed_missions(scope, timed_of(query)).order_by(*order)[:1], scope)
    words = f"{describe_scope(scope)}{describe_timed(query)}"
    if not found:
        return _none(words, caveat, count=None)
    d = sel.mission_to_dict(found[0])
    word = "first" if query.which == "first" else "most recent"
    return Answer(text=f"The {word} mission {words} started {d['start'].replace('T', ' ')}: {_line(d)}.",
                  count=None, missions=[d], notes=[caveat])


def answer_measure(query: BotQuery, caveat: str, today: dt.date) -> Answer:
    which = query.which
    if which in {"callsigns", "types"}:
        return _distinct(query, caveat)
    if which in {"every_day", "day_without"}:
        return _every_day(query, caveat, today)
    if which in {"total", "mean"}:
        return _total(query, caveat)
    if which in {"longest", "shortest"}:
        return _extreme(query, caveat)
    return _durations(query, caveat)


def _durations(query: BotQuery, caveat: str) -> Answer:
    """"How long was the U-2 up on 3 February?": each mission's time heard (the first or last one after a when)."""
    scope = query.scope
    qs = timing.timed_missions(scope, timed_of(query))
    if query.which in {"duration:first", "duration:last"}:
        qs = qs.order_by(*(("start", "id") if query.which == "duration:first" else ("-start", "-id")))[:1]
    else:
        qs = qs.order_by("start", "id")[:MAX_DURATIONS + 1]
    records = [sel.mission_to_dict(m) for m in timing.displayed(qs, scope)]
    words = f"{describe_scope(scope)}{describe_timed(query)}"
    if not records:
        return _none(words, caveat)
    if len(records) > MAX_DURATIONS:
        return Answer(text=f"More than {MAX_DURATIONS} missions {words}: ask for the longest, the shortest, the total "
                      "or the average time.", declined=True, reason="not_understood")
    return _heard(records, caveat, one=f"The mission {words} was heard for {hm(_seconds(records[0]))}",
                  many=f"{_missions(len(records))} {words}, each heard for:", each=True)


def _extreme(query: BotQuery, caveat: str) -> Answer:
    scope, which = query.scope, query.which
    found = [sel.mission_to_dict(m) for m in timing.extreme_missions(scope, timed_of(query), which)]
    words = f"{describe_scope(scope)}{describe_timed(query)}"
    if not found:
        return _none(words, caveat)
    length = hm(_seconds(found[0]))
    return _heard(found, caveat, one=f"The {which} mission {words} was heard for {length}",
                  many=f"{len(found)} missions {words} tie as the {which}, each heard for {length}:", each=False)


def _heard(records: list[dict[str, Any]], caveat: str, *, one: str, many: str, each: bool) -> Answer:
    """One record: ``one`` and its line; several: ``many`` and a line each (with its own time when ``each``)."""
    if len(records) == 1:
        text = f"{one}: {_line(records[0])}."
    else:
        text = many + "\n" + "\n".join(f"• {hm(_seconds(m))} — {_line(m)}" if each else f"• {_line(m)}"
                                        for m in records)
    return Answer(text=text, count=len(records), missions=records, notes=[caveat, HEARD])


def _total(query: BotQuery, caveat: str) -> Answer:
    scope = query.scope
    n, seconds = timing.total_time(scope, timed_of(query))
    words = f"{describe_scope(scope)}{describe_timed(query)}"
    if not n:
        return Answer(text=f"0 missions {words}: no time to add up.", count=0, notes=[caveat])
    if query.which == "total":
        text = f"{_missions(n)} {words}, heard for {hm(seconds)} in total."
    else:
        text = f"{_missions(n)} {words}, heard for {hm(seconds / n)} on average ({hm(seconds)} in all over {n})."
    records = [sel.mission_to_dict(m) for m in timing.displayed(
        timing.timed_missions(scope, timed_of(query)).order_by("start", "id")[:MAX_RECORDS], scope)]
    return Answer(text=text, count=n, missions=records, notes=[caveat, HEARD])


def _distinct(query: BotQuery, caveat: str) -> Answer:
    """"How many different callsigns / types …": the distinct values among the scope's missions, named."""
    scope = query.scope
    field, noun = ("callsign", "callsign") if query.which == "callsigns" else ("aircraft_type_id", "type")
    values = timing.distinct_values(scope, field)
    n = len(values)
    if query.window is not None or query.lasting is not None:
        values = sorted({v for v in timing.timed_missions(scope, timed_of(query)).order_by()
                         .values_list(field, flat=True).distinct() if v})
        n = len(values)
    names = sel.type_names(values) if noun == "type" else {}
    listed = ", ".join(f"{v} ({names[v]})" if names.get(v) else v for v in values)
    text = (f"{n} different {noun}{'s' if n != 1 else ''} among the missions {describe_scope(scope)}"
            f"{describe_timed(query)}" + (f": {listed}." if values else "."))
    return Answer(text=text, count=n, notes=[caveat] + (["Missions of no known type are not counted as a type."]
                                                       if noun == "type" else []))


def _every_day(query: BotQuery, caveat: str, today: dt.date) -> Answer:
    """"Did P-8s fly every day between …?" / "was there a day with none?": the period's UTC days (up to today)."""
    scope = query.scope
    period = scope.period
    assert period is not None  # bot.nlu.timing.check declines these without a period
    end = min(period.end, today)
    days = [period.start + dt.timedelta(days=i) for i in range((end - period.start).days + 1)]
    flown = timing.days_flown(scope) if query.window is None and query.lasting is None else {
        s.date() for s in timing.timed_missions(scope, timed_of(query)).values_list("start", flat=True)}
    empty = [d for d in days if d not in flown]
    words = f"{describe_scope(scope)}{describe_timed(query)}"
    head = "Yes" if bool(empty) == (query.which == "day_without") else "No"
    if empty:
        shown = ", ".join(d.isoformat() for d in empty[:15]) + (" …" if len(empty) > 15 else "")
        text = f"{head}: {len(empty)} of the {len(days)} days had none of the missions {words} ({shown})."
    else:
        text = f"{head}: every one of the {len(days)} days had at least one of the missions {words}."
    return Answer(text=text, count=len(empty), notes=[caveat, "Each mission belongs to the UTC day it starts."])
