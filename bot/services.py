"""The answering service every chat adapter, the API and the ``ask`` command call: text in, :class:`Answer` out.

``ask`` decides; ``evidence.selectors`` and ``claims.selectors`` read; ``bot.nlu`` understands. It checks
permission and the rate limit, validates the text, reads the conversation's last query for follow-ups, answers from
fixed queries, and logs the question. It never raises for any text: a failure becomes a declined answer, and the
only rows it writes are the conversation context and the question log.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import time
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from bot import answer_cache, bookkeeping, ratio_answers, timing_answers
from bot.answers import Answer
from bot.models import Platform
from bot.nlu.compare import side_label
from bot.nlu.intents import RANK_ALL
from bot.nlu.parse import future_period, parse_question, resolve_inferred_years
from bot.nlu.places import city_hint
from bot.nlu.query import MAX_QUESTION_CHARS, BotQuery, Intent
from bot.pictures import attach_picture, picture_answer, picture_request
from bot.platforms import regions_line
from claims import selectors as claim_sel
from evidence import selectors as sel
from evidence.describing import describe_scope, designator_notes
from evidence.scope import Period, Scope
from evidence.services.coverage import coverage_in_scope, coverage_line

logger = logging.getLogger(__name__)

COVERAGE_CAVEAT = (
    "Counts include only aircraft heard broadcasting ADS-B: flights with transponders off or out of receiver range "
    "are not in the records, so every count is a lower bound."
)
SUGGESTION = 'Try, for example: "how many U-2 missions near Texas in February 2025?", "list P-8 flights over ' \
    'California last week", "when was the last RC-135 mission?", "which claims about the U-2 are unverified?"'
HELP_TEXT = (
    "I answer questions about military surveillance flights from the ADS-B flight records, and about the desk's "
    "claims. I say the exact scope I used and cite the records; I never guess.\n"
    "• Counts: \"how many U-2 missions near Texas in February?\", \"number of P-8 flights over California in 2024\"\n"
    "• Lists and details: \"list RC-135 missions around Baja last week\", \"which aircraft flew along the border?\"\n"
    "• When: \"when was the last U-2 flight near Texas?\", \"first P-8 mission in 2025\"\n"
    "• Breakdowns: \"surveillance flights per day between 25 Jan and 5 Feb\", \"missions by type in 2024\"\n"
    "• Comparisons: \"compare January and February 2025\"\n"
    "• Shares and averages: \"what percentage of the flights near Texas in February 2025 were P-8s?\", \"on average "
    "how many P-8 flights a month in 2024?\"\n"
    "• Claims: \"which claims about the U-2 are unverified?\", \"claims without evidence\", \"what supports claim "
    "12?\", \"what did the CNN article claim?\"\n"
    "• Follow-ups in the same thread: \"and in January?\", \"what about P-8s?\", \"list them\", \"per month\".\n"
    f"\"Near X\" means within {settings.NEAR_NM:g} nm of X (over included); \"over/in X\" means over it. Missions, "
    "flights and sorties are the same thing, counted by their start time (UTC); \"how many P-8s flew\" counts their "
    "missions and says how many aircraft flew them. A month or day without a year means "
    "the most recent one with any flight records."
)
MAX_RECORDS = 50


# --- the entry point ------------------------------------------------------------------------------------------------


def prepare_reader() -> bool:
    """Read the vocabulary and build the question reader now, so that no question pays for it (~2 s of CPU with the
    world gazetteer). Called by a web server before it starts its workers (gunicorn.conf.py: the workers inherit the
    built reader). Never raises: if the database is not ready, the first question builds it; returns whether it did."""
    try:
        parse_question("how many missions?", now=timezone.now())
    except Exception:  # a database not up yet, a missing migration: the first question will build it instead
        logger.warning("bot: could not prepare the question reader before the first question", exc_info=True)
        return False
    return True


def prepare_process() -> bool:
    """What a web worker would otherwise build on its first requests — the question reader (:func:`prepare_reader`)
    and the URLconf, which imports every app's views and the picture code (~500 modules) — then every object alive
    moved out of the garbage collector's generations (``gc.freeze``). Called by the web server's master before it
    forks (gunicorn.conf.py); the workers inherit both.

    Why: a full collection walks every tracked object of the process. With the reader and those modules among them
    (~350,000 objects) one took ~220 ms of CPU, and an answer that allocates much — "rank them by day", 3,544 days —
    triggered one about every tenth time (docs/PERFORMANCE.md); without them ~5 ms. (Frozen objects are never
    collected: a reader rebuilt later for new vocabulary is collected as before, and the old one is not freed.)
    Returns whether the reader was built."""
    import gc

    from django.urls import get_resolver

    built = prepare_reader()
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every module it names
    gc.freeze()
    return built


def ask(
    *,
    text: str,
    user: Any,
    platform: str,
    channel: str = "",
    thread: str = "",
    user_key: str = "",
    now: dt.datetime | None = None,
) -> Answer:
    """Answer one question for ``user``. ``now`` fixes "today" (tests, replays); default: the current time."""
    started = time.perf_counter()
    now = now or timezone.now()
    query: BotQuery | None = None
    pending = _pending_context.set(None)
    # The conversation keys come from the platforms as they are: escape what no database can store, once, here.
    channel, thread, user_key = storable_text(channel), storable_text(thread), storable_text(user_key)
    try:
        answer, query = _ask(
            text=text, user=user, platform=platform, channel=channel, thread=thread, user_key=user_key, now=now
        )
    except Exception:  # the service's promise: an answer for any input, never a 500
        logger.exception("bot: failed to answer %r", str(text)[:200])
        answer = Answer(
            text="Sorry, I could not answer that because of an error on my side; nothing was changed. "
            "Please try again or rephrase.",
            declined=True,
            reason="error",
            ephemeral=True,
        )
    context = _pending_context.get()
    _pending_context.reset(pending)
    if answer.reason not in {"forbidden", "rate_limited"}:
        _log_question(text, user, platform, answer, query, (time.perf_counter() - started) * 1000, context=context)
    elif context is not None:  # (never: both are refused before the context is read)
        _write_context(*context)
    return answer


_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable_text(value: Any) -> str:
    """``value`` as text every database and encoder takes: NUL and lone surrogates (which UTF-8 cannot encode and
    PostgreSQL refuses) written as visible escapes (``\\x00``, ``\\ud800``); anything else unchanged."""
    text = "" if value is None else str(value)
    if not _UNSTORABLE.search(text):
        return text
    return _UNSTORABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _unreadable_character(text: str) -> str:
    """Why ``text`` holds characters that are not text (a NUL, a lone surrogate), or ""."""
    m = _UNSTORABLE.search(text)
    if m is None:
        return ""
    what = "a NUL character" if m.group() == "\x00" else f"a lone surrogate (U+{ord(m.group()):04X})"
    return (f"Your message contains {what} at position {m.start() + 1}: it is not plain text, so I did not read "
            "it. Please retype the question.")


def _ask(
    *, text: Any, user: Any, platform: str, channel: str, thread: str, user_key: str, now: dt.datetime
) -> tuple[Answer, BotQuery | None]:
    if not _may_ask(user):
        return _declined("You don't have permission to ask the bot. Ask an admin to add you to Editors or "
                         "Fact-checkers.", "forbidden"), None
    if _rate_limited(user):
        return _declined(f"You're asking faster than the limit ({settings.BOT_RATE_LIMIT} per person). "
                         "Please wait a moment and ask again.", "rate_limited"), None
    problem = validate_text(text)
    if problem:
        return _declined(problem, "invalid"), None

    key = _conversation_key(user, platform, channel, thread, user_key)
    stored, previous = _load_context(key)
    cache_key = answer_cache.answer_key(text, stored, now.astimezone(dt.UTC).date())
    cached = answer_cache.get(cache_key)
    if cached is not None:  # the same question, conversation state, day and data: what it was (bot/answer_cache.py)
        answer, query, context_query = cached
        if context_query is not None:
            _save_context(key, context_query)
        _remember_claim_threads(answer, platform, channel, thread)
        return answer, query
    answer, query = _answer_afresh(text, key, previous, platform, channel, thread, now)
    context = _pending_context.get()
    answer_cache.put(cache_key, answer, query, context[1] if context is not None else None)
    return answer, query


def _answer_afresh(
    text: str, key: dict[str, str], previous: BotQuery | None, platform: str, channel: str, thread: str,
    now: dt.datetime,
) -> tuple[Answer, BotQuery | None]:
    picture_kind = picture_request(text)
    if picture_kind:  # "show me a map" / "chart it": the previous answer's picture (bot/pictures.py)
        return picture_answer(previous, picture_kind), previous
    special = _claims_question(text, previous, platform, channel, thread)
    if special is not None:
        return special, None
    query = parse_question(text, now=now, previous=previous)
    today = now.astimezone(dt.UTC).date()

    if query.intent == Intent.HELP:
        return Answer(text=HELP_TEXT, query=query.to_dict(), ephemeral=True), query
    if query.identities and not query.not_understood:
        query = _resolve_identities(query)
    if query.decline or query.intent == Intent.UNKNOWN or query.not_understood:
        _remember_decline(key, previous, text)
        return _not_understood(query), query
    future = future_period(query, today)
    if future is not None:
        _remember_decline(key, previous, text)
        return _declined(
            f"{sel.describe_period(future)} has not happened yet (today is {today.isoformat()}, UTC): there can be "
            "no flight records for it.", "future", query=query.to_dict()), query

    beyond = [d for side in (query.scope, query.other) if side is not None
              for d in sel.distances_beyond_measurement(side)]
    if beyond:
        _remember_decline(key, previous, text)
        return _declined(
            f"The flight records measure distances only so far from each place, so within {'; '.join(beyond)} "
            "cannot be counted: every mission beyond the measured distance would be missing from the number. "
            "Ask for a distance up to the measured one.", "beyond_measurement", query=query.to_dict()), query
    query = resolve_inferred_years(query, today=today, has_missions=sel.any_mission_between)
    answer = _answer(query, today)
    if query.window is None and query.lasting is None:  # a map of the scope would show missions the hours left out
        answer = attach_picture(answer, query, kind=query.picture)
    elif query.picture and not answer.declined:
        answer.notes.append("No picture: a map or chart of the scope would show missions the hours or the duration "
                            "leave out.")
    answer = _with_claimed(answer, query)
    answer.query = query.to_dict()
    notes = [*(f'Read "{a}" as "{b}".' for a, b in query.corrections), *query.notes]
    if query.follow_up and previous is not None and previous.last_declined:
        notes.append(f'Your question "{_short(previous.last_declined, 80)}" was not answered, so this follow-up '
                     "continues from the last question I did answer.")
    answer.notes = [*notes, *answer.notes]
    _save_context(key, query)
    _remember_claim_threads(answer, platform, channel, thread)
    return answer, query


def _remember_decline(key: dict[str, str], previous: BotQuery | None, text: str) -> None:
    """A declined question does not change the conversation's scope; the next follow-up says it continues from
    the last answered question instead of silently doing so."""
    if previous is not None:
        from dataclasses import replace

        _save_context(key, replace(previous, last_declined=str(text)[:200]))


def _resolve_identities(query: BotQuery) -> BotQuery:
    """Hex codes, registrations and callsigns → the scope's aircraft / callsigns; an unknown one is not understood."""
    from dataclasses import replace

    hexes = list(query.scope.hexes)
    callsigns = list(query.scope.callsigns)
    unknown = []
    for word in query.identities:
        found = sel.aircraft_identity(word)
        if found is None:
            unknown.append(f"word: {word} (no aircraft or callsign in the records)")
        elif found[0] == "hex":
            hexes.append(found[1])
        else:
            callsigns.append(found[1])
    scope = query.scope.with_changes(hexes=tuple(dict.fromkeys(hexes)), callsigns=tuple(dict.fromkeys(callsigns)))
    other = query.other.with_changes(hexes=scope.hexes, callsigns=scope.callsigns) if query.other else None
    intent = query.intent if query.intent != Intent.UNKNOWN else Intent.COUNT
    return replace(query, scope=scope, other=other, intent=intent,
                   not_understood=(*query.not_understood, *unknown))


def _claims_question(text: str, previous: BotQuery | None, platform: str, channel: str, thread: str) -> Answer | None:
    """The same claim across outlets ("has this claim appeared elsewhere?"): bot.claims_questions."""
    from bot.claims_questions import answer_claims_question

    answer = answer_claims_question(text, previous=previous)
    if answer is not None:
        _remember_claim_threads(answer, platform, channel, thread)
    return answer


def _remember_claim_threads(answer: Answer, platform: str, channel: str, thread: str) -> None:
    """Claims discussed in a chat thread get its news posted back there (claims.services.workflow)."""
    if answer.claims and channel:
        from claims.services.workflow import claims_record_discussion

        claims_record_discussion(
            claim_ids=[c["id"] for c in answer.claims], platform=platform, channel=channel, thread=thread
        )


def validate_text(text: Any) -> str:
    """Why the text cannot be a question, or "" when it can."""
    if not isinstance(text, str):
        return "Please send your question as text."
    if len(text) > MAX_QUESTION_CHARS:
        return (f"That message is too long to be a question ({len(text):,} characters; the limit is "
                f"{MAX_QUESTION_CHARS:,}). Please ask one short question.")
    unreadable = _unreadable_character(text)
    if unreadable:
        return unreadable
    if not text.strip():
        return f"Please ask a question. {SUGGESTION}"
    return ""


def _declined(text: str, reason: str, **extra: Any) -> Answer:
    return Answer(text=text, declined=True, reason=reason, ephemeral=True, **extra)


# --- permission and rate limit ----------------------------------------------------------------------------------------


def _may_ask(user: Any) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.has_perm("bot.ask_bot"))


def parse_rate(rate: str) -> tuple[int, int]:
    """ "30/min" → (30, 60). Accepts s/sec/second, m/min/minute, h/hour, d/day."""
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*", rate or "", re.IGNORECASE)
    if not m:
        return 30, 60
    unit = m.group(3).lower()[0]
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}.get(unit, 60) * int(m.group(2) or 1)
    return int(m.group(1)), seconds


#: The clock the rate-limit windows follow (tests fix it here, not by patching the global ``time.time``: a library
#: that does ``from time import time`` while it is patched keeps the fake for good).
rate_limit_clock = time.time


def _rate_limited(user: Any) -> bool:
    """A fixed window per user in Django's cache (shared across processes when the cache is Redis)."""
    limit, window = parse_rate(settings.BOT_RATE_LIMIT)
    bucket = int(rate_limit_clock() // window)
    key = f"bot:rate:{user.pk}:{bucket}"
    try:
        try:  # one round trip once the window's counter exists
            count = cache.incr(key)
        except ValueError:  # the first question of this window (or the counter was evicted)
            count = 1 if cache.add(key, 1, timeout=window + 1) else cache.incr(key)
    except Exception:  # cache down: do not block editors, but say so in the log
        logger.warning("bot: rate-limit cache unavailable", exc_info=True)
        return False
    return count > limit


# --- conversation context -------------------------------------------------------------------------------------------


def _conversation_key(user: Any, platform: str, channel: str, thread: str, user_key: str) -> dict[str, str]:
    return {
        "platform": str(platform)[:20],
        "channel": str(channel or "")[:255],
        "thread": str(thread or "")[:255],
        "user_key": str(user_key or f"user:{user.pk}")[:255],
    }


def _load_context(key: dict[str, str]) -> tuple[Any, BotQuery | None]:
    """The conversation's stored last query, as stored and as a :class:`BotQuery` (None when there is none)."""
    data = bookkeeping.stored_context(key)
    if not data:
        return None, None
    try:
        return data, BotQuery.from_dict(data)
    except Exception:  # an old or hand-edited context is not worth failing a question for
        return data, None


#: The conversation context ``ask`` writes with the question log, in one transaction (issue 12: one commit per
#: question, not two).
_pending_context: ContextVar[tuple[dict[str, str], BotQuery] | None] = ContextVar("bot_pending_context", default=None)


def _save_context(key: dict[str, str], query: BotQuery) -> None:
    _pending_context.set((key, query))


def _write_context(key: dict[str, str], query: BotQuery) -> None:
    try:
        bookkeeping.write_context(key, query.to_dict())
    except DatabaseError:
        logger.warning("bot: could not save the conversation context", exc_info=True)


def _log_question(
    text: Any, user: Any, platform: str, answer: Answer, query: BotQuery | None, ms: float,
    context: tuple[dict[str, str], BotQuery] | None = None,
) -> None:
    """Log the question, and save the conversation's ``context`` in the same transaction (bot/bookkeeping.py);
    never raises (the log is not worth an answer)."""
    try:
        clean = storable_text(text)
        if len(clean) > MAX_QUESTION_CHARS:
            clean = clean[:MAX_QUESTION_CHARS] + f"… [{len(clean):,} characters]"
        question = {
            "platform": str(platform)[:20] if platform in Platform.values else Platform.API,
            "user_id": user.pk if getattr(user, "is_authenticated", False) else None,
            "text": clean,
            "query": query.to_dict() if query else {},
            "count": None if answer.declined else answer.count,
            "declined": answer.declined,
            "duration_ms": round(ms, 2),
        }
        bookkeeping.write(question, (context[0], context[1].to_dict()) if context is not None else None)
    except Exception:  # a database error or anything else: the answer is already made
        logger.warning("bot: could not log the question%s", " or save the context" if context else "",
                       exc_info=True)


# --- answering ------------------------------------------------------------------------------------------------------


def _not_understood(query: BotQuery) -> Answer:
    if query.decline == "why":
        return _declined("I can't say why: the flight records show which aircraft flew where and when, not their "
                         "purpose or anyone's reasons, and I won't guess. I can tell you, for example, when and where "
                         "those flights were.", "why", query=query.to_dict())
    understood = [u for u in query.understood if not u.startswith("asked:")] + [
        u for u in query.understood if u.startswith("asked:")
    ]
    parts = []
    if understood:
        parts.append("I understood: " + "; ".join(dict.fromkeys(understood)) + ".")
    if query.not_understood:
        parts.append("I did not understand: " + "; ".join(_quote_nu(x) for x in query.not_understood) + ".")
    elif query.intent == "unknown":
        parts.append("I could not tell what you are asking for (a count, a list, when, a breakdown, or claims).")
    if query.corrections:
        parts.append("I read " + "; ".join(f'"{a}" as "{b}"' for a, b in query.corrections) + ".")
    head = "I can't answer that as asked, and I won't guess."
    return _declined(" ".join([head, *parts, SUGGESTION]), "not_understood", query=query.to_dict())


def _quote_nu(item: str) -> str:
    kind, _, value = item.partition(": ")
    if kind == "place" and value.endswith("say which)"):  # a name two known places share
        name, _, which = value.partition(" (")
        return f'the place "{name}" ({which}'
    if kind == "place":
        return f'the place "{value}" ({city_hint(value) or "not a region I know"})'
    if kind == "place without over/near":
        return f'"{value}" without "near" or "over" (ask "near {value}" or "over {value}")'
    if kind == "word":
        return f'"{value}"'
    return item


def _answer(query: BotQuery, today: dt.date) -> Answer:
    handler = {
        "count": _answer_count,
        "list": _answer_list,
        "when": _answer_when,
        "which_aircraft": _answer_which_aircraft,
        "closest": _answer_closest,
        "coverage": _answer_coverage,
        "breakdown": _answer_breakdown,
        "compare": _answer_compare,
        "claims": _answer_claims,
        "claim_evidence": _answer_claim_evidence,
        "share": lambda q, _: ratio_answers.answer_share(q, COVERAGE_CAVEAT),
        "average": lambda q, _: ratio_answers.answer_average(q, COVERAGE_CAVEAT),
        "measure": lambda q, t: timing_answers.answer_measure(q, COVERAGE_CAVEAT, t),
    }[query.intent]
    if (query.window is not None or query.lasting is not None) and query.intent in {"count", "list", "when"}:
        handler = _answer_timed  # "between 02:00 and 06:00 UTC", "longer than 4 hours" (bot/timing_answers.py)
    answer = ratio_answers.with_airframes(handler(query, today), query)
    if query.intent not in {"claims", "claim_evidence"}:  # what the type codes of the missions counted hold
        answer.notes = [*answer.notes, *designator_notes([s for s in (query.scope, query.other) if s is not None])]
    return answer


def _answer_timed(query: BotQuery, today: dt.date) -> Answer:
    if query.intent == "when":
        return timing_answers.answer_timed_when(query, COVERAGE_CAVEAT)
    return timing_answers.answer_timed(query, COVERAGE_CAVEAT, listing=query.intent == "list")


def _with_claimed(answer: Answer, query: BotQuery) -> Answer:
    """A claim put to the bot ("… flew 11 missions …"): the number it states, said beside the records' count; a
    number a yes/no question asks about ("did the Navy fly more than 5 …?") is said back the same way, so the
    answer shows it was read (the count says whether; the records are a lower bound)."""
    if answer.count is None:
        return answer
    asked = next((label.split(": ", 1)[1] for label in query.understood if label.startswith("quantity: ")), "")
    if query.claimed:
        lead, verdict = f"The claim states {query.claimed}", " The verdict is the desk's."
    elif asked and query.intent == "count":
        lead, verdict = f"You asked about {asked}", ""
    else:
        return answer
    answer.text += (f"\n{lead}; the records show {answer.count} (a lower bound: only aircraft heard broadcasting "
                    f"ADS-B are counted).{verdict}")
    return answer


def _answer_days(query: BotQuery, today: dt.date) -> Answer:
    """"How many days had no flights in February 2025?": the days of the period with no mission starting (UTC), or
    ("how many days had flights") those with at least one."""
    scope = query.scope
    busy = [r for r in sel.breakdown(scope, "day") if r.count]
    scope_words = describe_scope(scope)
    if query.which == "days":
        n = len(busy)
        text = f"{n} day{'s' if n != 1 else ''} with any of the {_n_missions(sum(r.count for r in busy)).lower()} " \
               f"{scope_words}."
    else:
        period = scope.period
        assert period is not None  # parse declines "days with no flights" without a period
        days = sel.time_units(period.start, min(period.end, today), "day")
        n = len(days) - len(busy)
        text = (f"{n} of the {len(days)} days had none of the missions {scope_words}; "
                f"{len(busy)} day{'s' if len(busy) != 1 else ''} had at least one.")
    lines = "\n".join(f"• {r.label}: {r.count}" for r in busy)
    records = sel.missions_for_display(scope, limit=MAX_RECORDS)
    return Answer(text=text + ("\nDays with missions:\n" + lines if lines else ""), count=n,
                  missions=[sel.mission_to_dict(m) for m in records],
                  notes=[COVERAGE_CAVEAT, "Each mission belongs to the UTC day it starts."])


def _answer_count(query: BotQuery, today: dt.date) -> Answer:
    scope = query.scope
    if query.which in {"days", "empty_days"}:
        return _answer_days(query, today)
    n = sel.count_missions(scope)
    records = sel.missions_for_display(scope, limit=MAX_RECORDS, total=n)
    text = f"{_n_missions(n)} {describe_scope(scope)}."
    notes = [COVERAGE_CAVEAT]
    if n > len(records):
        notes.append(f"Showing the first {len(records)} of {n} records.")
    if n == 0:
        hint = _hint(scope, today)
        if hint:
            text += " " + hint
    coverage = coverage_line(scope, n, mission_aircraft=[m.aircraft_id for m in records])
    if coverage:
        text += "\n" + coverage
    return Answer(text=text, count=n, missions=[sel.mission_to_dict(m) for m in records], notes=notes)


def _answer_list(query: BotQuery, today: dt.date) -> Answer:
    answer = _answer_count(query, today)
    if answer.missions:
        answer.text += "\n" + "\n".join(_mission_line(m) for m in answer.missions)
        answer.record_lines = len(answer.missions)
    return answer


def _answer_when(query: BotQuery, today: dt.date) -> Answer:
    scope = query.scope
    if query.top > 1:
        return _answer_first_or_last_n(query, today)
    # No total here: counting every matching mission would cost a full scan for a question about one date.
    mission = sel.first_mission(scope) if query.which == "first" else sel.last_mission(scope)
    if mission is None:
        text = _none_in_records(scope)
        hint = _hint(scope, today)
        return Answer(text=f"{text} {hint}".strip(), count=None, notes=[COVERAGE_CAVEAT])
    d = sel.mission_to_dict(mission)
    word = "first" if query.which == "first" else "most recent"
    text = f"The {word} mission {describe_scope(scope)} started {_when(mission.start)} UTC: {_mission_line(d)}."
    return Answer(text=text, count=None, missions=[d], notes=[COVERAGE_CAVEAT])


def _answer_closest(query: BotQuery, today: dt.date) -> Answer:
    """"How close did the U-2 get to Texas?": the smallest distance the records measured, with its mission."""
    place = query.scope.regions[0]
    rest = query.scope.with_changes(regions=(), and_regions=())
    approach = sel.closest_approach(query.scope, place.slug)
    if approach is None:
        return Answer(text=f"I do not know the place {place.slug}.", declined=True, reason="not_understood")
    name, cap = approach.region.name, approach.measured_nm
    said = describe_scope(rest)
    if approach.mission is None:
        n = sel.count_missions(rest)
        text = (f"None of the {n} missions {said} came within {cap:g} nm of {name} (the records measure distances "
                f"to {name} up to {cap:g} nm)." if n else _none_in_records(rest))
        return Answer(text=text, count=None, notes=[COVERAGE_CAVEAT])
    d = sel.mission_to_dict(approach.mission)
    # rounded to 0.1 nm as a distance, never as a bound ("came within 5.3 nm" would be false at 5.34)
    distance = f"its closest point was {approach.distance_nm:.1f} nm from {name}"
    closest = f"flew over {name}" if approach.over else distance
    text = (f"The closest approach to {name} of the missions {said}: {closest}; {approach.measured} of those "
            f"missions came within {cap:g} nm of it. The mission: {_mission_line(d)}.")
    return Answer(text=text, count=None, missions=[d], notes=[COVERAGE_CAVEAT])


def _answer_coverage(query: BotQuery, today: dt.date) -> Answer:
    """"Was there coverage near Kaliningrad in October 2025?": the distinct aircraft the receivers heard there then
    (all traffic, military or not, kept as missions or not) — what a zero of missions is read against."""
    figures = coverage_in_scope(query.scope)
    assert figures is not None  # the reader declines a coverage question without a place
    where = f"within {figures['near_nm']:g} nm of {' or '.join(figures['regions'])} (over included)"
    period = query.scope.period
    when = ("in the imported records" if period is None else f"on {period.start.isoformat()} (UTC)"
            if period.start == period.end else f"between {period.start.isoformat()} and {period.end.isoformat()} (UTC)")
    total = period.days * 24 if period is not None else None
    hours = (f"the coverage table has data for {figures['hours']:,} of the period's {total:,} hours"
             if total is not None else f"the coverage table has data for {figures['hours']:,} hours")
    if figures["hours"] == 0:
        text = (f"Coverage unknown {where} {when}: the coverage table holds no data for that period (no day archive "
                "covering it was imported with coverage counting).")
    elif figures["aircraft"] == 0:
        text = (f"No aircraft at all were heard {where} {when} ({hours}): the receivers heard nothing there, so the "
                "records are no evidence either way of what flew there then.")
    else:
        heard = f"{figures['aircraft']:,} aircraft were" if figures["aircraft"] != 1 else "1 aircraft was"
        text = (f"{heard} heard (all traffic, military or not) {where} {when} ({hours}), so the receivers "
                "covered it; a count of missions there is still a lower bound (only aircraft broadcasting ADS-B "
                "are heard).")
    return Answer(text=text, count=None, notes=[COVERAGE_CAVEAT])


def _answer_first_or_last_n(query: BotQuery, today: dt.date) -> Answer:
    """"The last 3 P-8 missions": that many records, newest (or oldest) first."""
    scope, first = query.scope, query.which == "first"
    records = [sel.mission_to_dict(m) for m in sel.missions_for_display(scope, limit=query.top, oldest_first=first)]
    if not records:
        text = _none_in_records(scope)
        return Answer(text=f"{text} {_hint(scope, today)}".strip(), count=None, notes=[COVERAGE_CAVEAT])
    word = "first" if first else "most recent"
    head = f"The {word} {len(records)} missions {describe_scope(scope)}"
    if len(records) < query.top:
        head += f" (only {len(records)} in the records, not {query.top})"
    text = head + ":\n" + "\n".join(f"• {_mission_line(m)}" for m in records)
    return Answer(text=text, count=None, missions=records, notes=[COVERAGE_CAVEAT])


def _answer_which_aircraft(query: BotQuery, today: dt.date) -> Answer:
    scope = query.scope
    rows, n = sel.aircraft_with_total(scope, limit=MAX_RECORDS)
    if not rows:
        text = f"No aircraft flew any missions {describe_scope(scope)}."  # ("flew no missions": a double negative)
        hint = _hint(scope, today)
        return Answer(text=f"{text} {hint}".strip(), count=0, notes=[COVERAGE_CAVEAT])
    lines = [
        f"• {r['type'] or '?'} {r['registration'] or '(no registration)'} (hex {r['hex']}"
        f"{', ' + r['operator'] if r['operator'] else ''}): {r['missions']} mission{'s' if r['missions'] != 1 else ''}"
        for r in rows
    ]
    text = f"{len(rows)} aircraft flew the {_n_missions(n).lower()} {describe_scope(scope)}:\n" + "\n".join(lines)
    records = sel.missions_for_display(scope, limit=MAX_RECORDS, total=n)
    return Answer(text=text, count=len(rows), missions=[sel.mission_to_dict(m) for m in records],
                  notes=[COVERAGE_CAVEAT])


def _answer_breakdown(query: BotQuery, today: dt.date) -> Answer:
    scope = query.scope
    rows, n = sel.breakdown_with_total(scope, query.by)  # type: ignore[arg-type]
    head = f"{_n_missions(n)} {describe_scope(scope)}, per {query.by}"
    if query.rank and query.which == "least":
        return _answer_least(query, rows, n, today)
    if query.rank and rows:
        return _answer_ranking(query, rows, n)
    lines = [f"• {r.label}: {r.count}" for r in rows]
    notes = [COVERAGE_CAVEAT]
    if query.by in {"day", "week", "month", "year"}:
        notes.append(f"Grouped by the {query.by} each mission started (UTC); empty {query.by}s are left out.")
    if query.by == "region":
        notes.append("A mission that flew in several regions counts once in each.")
    text = head + (":\n" + "\n".join(lines) if lines else ".")
    if n == 0:
        hint = _hint(scope, today)
        if hint:
            text += " " + hint
    records = sel.missions_for_display(scope, limit=MAX_RECORDS, total=n)
    return Answer(
        text=text,
        count=n,
        breakdown=[{"key": r.key, "label": r.label, "count": r.count} for r in rows],
        missions=[sel.mission_to_dict(m) for m in records],
        notes=notes,
    )


def _answer_ranking(query: BotQuery, rows: list[Any], n: int) -> Answer:
    """"Which day had the most…", "top 3 types": the groups in order; ties at the cut are all named."""
    ranked = sorted(rows, key=lambda r: (-r.count, r.key))
    top = max(1, query.top or 1)
    cut = ranked[min(top, len(ranked)) - 1].count
    shown = [r for r in ranked if r.count >= cut]
    what = _WHAT.get(query.by, query.by)
    scope_words = describe_scope(query.scope)
    if top >= RANK_ALL:  # "rank the operators": every group, in order, ties said
        text = f"All {len(ranked)} {what}s ranked by missions {scope_words}:"
        ties = _ties(ranked)
        if ties:
            text = text[:-1] + f" ({ties}):"
    elif top == 1 and len(shown) == 1:
        r = shown[0]
        text = f"The {what} with the most missions {scope_words} was {r.label}: {_n_missions(r.count).lower()}."
    elif top == 1:
        text = (f"{len(shown)} {what}s tie for the most missions {scope_words}, "
                f"{_n_missions(cut).lower()} each: " + ", ".join(r.label for r in shown) + ".")
    else:
        text = f"The top {what}s by missions {scope_words}:"
    text += "\n" + "\n".join(f"• {r.label}: {r.count}" for r in shown)
    groups = f"{len(rows)} {what}" + ("" if len(rows) == 1 else "s")
    notes = [COVERAGE_CAVEAT, f"Out of {_n_missions(n).lower()} in all, in {groups} with any missions."]
    if query.by == "region":
        notes.append("A mission that flew in several places counts once in each.")
    return Answer(text=text, count=None, notes=notes,
                  breakdown=[{"key": r.key, "label": r.label, "count": r.count} for r in ranked])


_WHAT = {"day": "day", "week": "week", "month": "month", "year": "year", "type": "aircraft type", "region": "place",
         "operator": "operator"}


def _answer_least(query: BotQuery, rows: list[Any], n: int, today: dt.date) -> Answer:
    """"Least common type", "the quietest month of 2025": the fewest among the groups that flew (a mission with no
    known operator or type is no group to name), or among every unit of the period (empty units included)."""
    what = _WHAT.get(query.by, query.by)
    pool = [r for r in rows if r.key != "?"]
    period = query.scope.period
    if query.by in {"day", "week", "month", "year"} and period is not None:
        have = {r.key: r for r in rows}
        pool = [have.get(u.key, u) for u in sel.time_units(period.start, min(period.end, today), query.by)]
    scope_words = describe_scope(query.scope)
    if not pool:
        return Answer(text=f"No missions {scope_words}: no {what} to rank.", count=None, notes=[COVERAGE_CAVEAT])
    ascending = sorted(pool, key=lambda r: (r.count, r.key))
    low = ascending[min(max(1, query.top or 1), len(ascending)) - 1].count  # "the two least common": ties at the cut
    least = [r for r in ascending if r.count <= low]
    if len(least) == 1:
        text = f"The {what} with the fewest missions {scope_words} was {least[0].label}: {_n_missions(low).lower()}."
    elif len({r.count for r in least}) > 1:
        text = f"The {len(least)} {what}s with the fewest missions {scope_words}: " + ", ".join(
            f"{r.label} ({r.count})" for r in least) + "."
    else:
        text = (f"{len(least)} {what}s tie for the fewest missions {scope_words}, {_n_missions(low).lower()} each: "
                + ", ".join(r.label for r in least) + ".")
    ranked = sorted(rows, key=lambda r: (r.count, r.key))
    text += "\n" + "\n".join(f"• {r.label}: {r.count}" for r in ranked)
    notes = [COVERAGE_CAVEAT, f"Out of {_n_missions(n).lower()} in all."]
    if query.by in {"day", "week", "month", "year"}:
        notes.append(f"Every {what} of the period counts, those with no missions too (UTC).")
    else:
        notes.append(f"Among the {what}s that flew any missions.")
    return Answer(text=text, count=None, notes=notes,
                  breakdown=[{"key": r.key, "label": r.label, "count": r.count} for r in ranked])


def _ties(ranked: list[Any]) -> str:
    """"tied: A and B (6 each)" for every count more than one group shares."""
    by_count: dict[int, list[str]] = {}
    for r in ranked:
        by_count.setdefault(r.count, []).append(r.label)
    return "; ".join(f"tied: {', '.join(labels[:-1])} and {labels[-1]} ({c} each)"
                     for c, labels in by_count.items() if len(labels) > 1)


def _answer_compare(query: BotQuery, today: dt.date) -> Answer:
    """Both numbers, the difference and the ratio, each side with its whole scope."""
    assert query.other is not None
    if query.baseline:
        return _answer_baseline(query)
    a_scope, b_scope = query.scope, query.other
    a, b = sel.count_missions(a_scope), sel.count_missions(b_scope)
    la, lb = side_label(a_scope, b_scope), side_label(b_scope, a_scope)
    if a == b:
        verdict = "the same number"
    else:
        verdict = f"{abs(a - b)} {'more' if a > b else 'fewer'} for {la} than for {lb}"
        if a and b:
            verdict += f"; {la} is {a / b:.2f} times {lb}"
    text = (f"{la}: {_n_missions(a).lower()}; {lb}: {_n_missions(b).lower()} ({verdict}).\n"
            f"• {la}: {_n_missions(a)} {describe_scope(a_scope)}.\n• {lb}: {_n_missions(b)} {describe_scope(b_scope)}.")
    return Answer(
        text=text,
        count=None,
        breakdown=[
            {"key": _side_key(a_scope, la), "label": la, "count": a},
            {"key": _side_key(b_scope, lb), "label": lb, "count": b},
        ],
        notes=[COVERAGE_CAVEAT],
    )


def _answer_baseline(query: BotQuery) -> Answer:
    """A period against an average ("February 2025 compared with the 2024 monthly average"): both numbers, the
    difference and the ratio, and how the average was computed, each side with its whole scope."""
    from bot.nlu.compare import baseline_units

    assert query.other is not None and query.other.period is not None and query.scope.period is not None
    a_scope, b_scope, unit = query.scope, query.other, query.baseline
    a, total = sel.count_missions(a_scope), sel.count_missions(b_scope)
    units = baseline_units(b_scope.period, unit)
    avg = total / units
    la, lb = sel.describe_period(a_scope.period), sel.describe_period(b_scope.period)
    diff = a - avg
    ratio = f"{a / avg:.2f} times the average" if avg else "the average is zero, so there is no ratio"
    text = (f"{la}: {_n_missions(a).lower()}; the {lb} average: {avg:.2f} missions a {unit} ({total} in {lb} over "
            f"{units:g} {unit}s). Difference: {diff:+.2f} ({ratio}).\n"
            f"• {la}: {_n_missions(a)} {describe_scope(a_scope)}.\n"
            f"• {lb}: {_n_missions(total)} {describe_scope(b_scope)}, {avg:.2f} a {unit} on average.")
    notes = [COVERAGE_CAVEAT]
    if not _one_unit(a_scope.period, unit):
        notes.append(f"{la} is {a_scope.period.days} days long, not one {unit}: its count is not a per-{unit} "
                     "figure, so compare the two with care.")
    return Answer(
        text=text,
        count=None,
        breakdown=[
            {"key": "period", "label": la, "count": a},
            {"key": "baseline_total", "label": lb, "count": total},
        ],
        notes=notes,
    )


def _one_unit(period: Period, unit: str) -> bool:
    s, e = period.start, period.end
    if unit == "month":
        return s.day == 1 and s.month == e.month and s.year == e.year and (e + dt.timedelta(days=1)).day == 1
    if unit == "year":
        return (s.month, s.day, e.month, e.day) == (1, 1, 12, 31) and s.year == e.year
    return period.days == {"week": 7, "day": 1}.get(unit, 0)


def _side_key(scope: Scope, label: str) -> str:
    return scope.period.start.isoformat() if scope.period is not None else label


VERDICT_WORDS = {
    ("unreviewed", "unverifiable"): "unverified (unreviewed or unverifiable)",
}


def _answer_claims(query: BotQuery, today: dt.date) -> Answer:
    flt = query.claims or claim_sel.ClaimFilter()
    claims = claim_sel.claims_matching(flt)
    what = []
    if flt.verdicts:
        what.append(VERDICT_WORDS.get(flt.verdicts, " or ".join(v.replace("_", " ") for v in flt.verdicts)))
    desc = " ".join(what) + (" " if what else "") + ("claim" if len(claims) == 1 else "claims")
    about = [*flt.type_designators, *sel.region_names(list(flt.region_slugs)).values(),
             *sel.organisation_names(flt.operators).values()]
    if about:
        desc += " about " + ", ".join(about)
    if flt.outlet:
        desc += f" in {flt.outlet} articles"
    if flt.claimant:
        desc += f' attributed to "{flt.claimant}"'
    if flt.without_evidence:
        desc += " without any evidence linked"
    lines = [_claim_line(c) for c in claims[:MAX_RECORDS]]
    text = f"{len(claims)} {desc}" + (":\n" + "\n".join(lines) if lines else ".")
    if flt.outlet and not claims and not claim_sel.articles_by_outlet(flt.outlet):
        text += f" There are no {flt.outlet} articles in Flightcheck."
    if flt.claimant and not claims:
        known = claim_sel.known_claimants()
        if known:
            text += " Claims are attributed to: " + "; ".join(f'"{k}"' for k in known) + "."
    return Answer(text=text, count=len(claims), claims=[claim_sel.claim_to_dict(c) for c in claims[:MAX_RECORDS]])


def _answer_claim_evidence(query: BotQuery, today: dt.date) -> Answer:
    claim_id = query.claims.claim_id if query.claims else None
    claim, links = claim_sel.claim_evidence(int(claim_id or 0))
    if claim is None:
        return _declined(f"There is no claim #{claim_id}.", "not_found", query=query.to_dict())
    head = f'Claim #{claim.pk} ("{_short(claim.exact)}", {claim.article.outlet or claim.article.title}; verdict: ' \
        f"{claim.get_verdict_display().lower()})"
    if not links:
        text = head + " has no evidence linked yet."
    else:
        lines = []
        for link in links:
            if link.mission_id:
                lines.append(f"• {link.get_relation_display()}: {_mission_line(sel.mission_to_dict(link.mission))}")
            else:
                lines.append(f"• {link.get_relation_display()}: {link.source}")
        text = f"{head} has {len(links)} evidence link{'s' if len(links) != 1 else ''}:\n" + "\n".join(lines)
    missions = [sel.mission_to_dict(link.mission) for link in links if link.mission_id]
    return Answer(
        text=text,
        count=len(links),
        claims=[claim_sel.claim_to_dict(claim, evidence=links)],
        missions=missions,
    )


# --- wording --------------------------------------------------------------------------------------------------------


def _n_missions(n: int) -> str:
    return f"{n} mission{'s' if n != 1 else ''}" if n else "No missions"


def describe_period(period: Period) -> str:
    return sel.describe_period(period)


def _none_in_records(scope: Scope) -> str:
    """"No missions by B52 at any time in the records." (not "… in the records are in the records")."""
    said = describe_scope(scope)
    return f"No missions {said}." if said.endswith("in the records") else f"No missions {said} are in the records."


def _hint(scope: Scope, today: dt.date) -> str:
    hints = sel.nearby_hints(scope, today=today)
    if not hints:
        return ""
    here = f"in {describe_period(scope.period)}" if scope.period else "as asked"
    return f"None {here}; " + "; ".join(f"{h.count} {h.label}" for h in hints) + "."


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def _mission_line(m: dict[str, Any]) -> str:
    regions = regions_line(
        m["regions"], lambda r: f"over {r['name']}" if r["over"] else f"{r['distance_nm']:g} nm from {r['name']}")
    start = m["start"].replace("T", " ").replace(":00Z", "Z")
    end = m["end"].replace("T", " ").replace(":00Z", "Z")
    ident = " / ".join(x for x in (m["registration"], m["hex"]) if x)
    return (f"{m['type'] or '?'} {ident} {m['callsign'] or '(no callsign)'}, {start} – {end}"
            + (f", {regions}" if regions else "") + f" <{m['url']}>")


def _claim_line(c: Any) -> str:
    evidence = "with evidence" if getattr(c, "has_evidence", False) else "no evidence linked"
    said_by = f"{c.claimant}, " if getattr(c, "claimant", "") else ""
    return f"• #{c.pk} \"{_short(c.exact)}\" ({said_by}{c.article.outlet or c.article.title}) — " \
        f"{c.get_verdict_display()}, {evidence}"


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
