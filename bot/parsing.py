"""Question text → a typed :class:`BotQuery`; no database writes, no generated SQL, no LLM.

The house rule is one parser for questions and claims: aircraft, places, operators and dates are read by
``claims.nlp.reading.read_scope`` (spaCy rules over the database vocabulary). This module adds only what is
question-specific:

* the intent (count, list, when, which_aircraft, breakdown, compare, claims, claim_evidence, help);
* breakdown keys ("per month", "by type"), comparisons of two periods, claims filters (verdict, evidence, outlet);
* follow-ups ("and in January?", "what about P-8s?", "list them") that edit the previous query;
* typo correction against the vocabulary, before the text is read;
* what was *not* understood, so the bot can say so instead of silently answering another question.

Resolving a bare month or day ("February") to the most recent one that holds any mission needs the database, so it
is a separate step (:func:`resolve_inferred_years`) that the service runs with a predicate.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from claims.selectors import UNVERIFIED, ClaimFilter
from evidence.scope import Period, Scope

_RX = re.IGNORECASE

INTENTS = (
    "count",
    "list",
    "when",
    "which_aircraft",
    "breakdown",
    "compare",
    "claims",
    "claim_evidence",
    "help",
    "unknown",
)
BREAKDOWN_KEYS = ("day", "week", "month", "year", "type", "region")
MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class BotQuery:
    """What a question asks, fully resolved: the answer is computed from this and nothing else."""

    intent: str = "unknown"
    scope: Scope = field(default_factory=Scope)
    #: For "when": "first" or "last".
    which: str = ""
    #: For "breakdown": one of BREAKDOWN_KEYS.
    by: str = ""
    #: For "compare": the second period (the first is scope.period).
    compare_with: Period | None = None
    #: For "claims" / "claim_evidence".
    claims: ClaimFilter | None = None
    #: True when this query edits the previous one in the conversation.
    follow_up: bool = False
    #: Phrases the parser understood, as "kind: text" (shown when declining).
    understood: tuple[str, ...] = ()
    #: Words it could not place. Non-empty means the bot declines rather than answer a different question.
    not_understood: tuple[str, ...] = ()
    #: Typos corrected before reading: ("Texs", "Texas").
    corrections: tuple[tuple[str, str], ...] = ()
    #: How ambiguous parts were decided ("February" → "February 2025, the most recent February with missions").
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "scope": self.scope.to_dict(),
            "which": self.which,
            "by": self.by,
            "compare_with": _period_dict(self.compare_with),
            "claims": self.claims.to_dict() if self.claims else None,
            "follow_up": self.follow_up,
            "understood": list(self.understood),
            "not_understood": list(self.not_understood),
            "corrections": [list(c) for c in self.corrections],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BotQuery:
        cw = data.get("compare_with")
        return cls(
            intent=str(data.get("intent", "unknown")),
            scope=Scope.from_dict(data.get("scope") or {}),
            which=str(data.get("which", "")),
            by=str(data.get("by", "")),
            compare_with=_period_from(cw) if cw else None,
            claims=ClaimFilter.from_dict(data["claims"]) if data.get("claims") else None,
            follow_up=bool(data.get("follow_up", False)),
            understood=tuple(data.get("understood", ())),
            not_understood=tuple(data.get("not_understood", ())),
            corrections=tuple(tuple(c) for c in data.get("corrections", ())),  # type: ignore[misc]
            notes=tuple(data.get("notes", ())),
        )


def _period_dict(p: Period | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"start": p.start.isoformat(), "end": p.end.isoformat(), "text": p.text, "year_inferred": p.year_inferred}


def _period_from(d: dict[str, Any]) -> Period:
    return Period(
        start=dt.date.fromisoformat(d["start"]),
        end=dt.date.fromisoformat(d["end"]),
        text=d.get("text", ""),
        year_inferred=bool(d.get("year_inferred", False)),
    )


# --- vocabulary -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocab:
    """The database's names for things, lower-cased: alias → key."""

    types: dict[str, str]
    regions: dict[str, str]
    region_names: dict[str, str]
    operators: dict[str, str]
    outlets: dict[str, str]
    #: Designators whose names may be typo targets: types with curated aliases or a surveillance role. The other
    #: few thousand ICAO names ("Falke", "Joker", "Weatherly") would turn ordinary words into aircraft.
    curated_types: frozenset[str] = frozenset()
    #: The sorted typo-correction domain, computed once per load (not per question).
    domain: tuple[str, ...] = ()

    def words(self) -> set[str]:
        out: set[str] = set()
        types = {a: d for a, d in self.types.items() if not self.curated_types or d in self.curated_types}
        for table in (types, self.regions, self.operators, self.outlets):
            for alias in table:
                out.update(w for w in re.findall(r"[a-z]+", alias) if len(w) >= 4)
        return out


_VOCAB: tuple[float, Vocab] | None = None
_VOCAB_TTL_S = 60.0


def load_vocab(*, refresh: bool = False) -> Vocab:
    """The vocabulary from the database, cached per process for a minute (adding an alias needs no deploy)."""
    global _VOCAB
    if not refresh and _VOCAB is not None and time.monotonic() - _VOCAB[0] < _VOCAB_TTL_S:
        return _VOCAB[1]
    from claims.selectors import known_outlets
    from evidence.models import AircraftType, Organisation, Region

    types: dict[str, str] = {}
    curated: set[str] = set()
    for t in AircraftType.objects.all().only("designator", "name", "aliases", "is_surveillance"):
        for alias in {t.designator, t.name, *(t.aliases or [])}:
            if alias:
                types[alias.lower()] = t.designator
        if t.aliases or t.is_surveillance:
            curated.add(t.designator)
    regions: dict[str, str] = {}
    names: dict[str, str] = {}
    for r in Region.objects.all().only("slug", "name", "aliases"):
        names[r.slug] = r.name
        for alias in {r.name, r.slug.replace("-", " "), *(r.aliases or [])}:
            if alias:
                regions[alias.lower()] = r.slug
    operators: dict[str, str] = {}
    outlets: dict[str, str] = {}
    article_outlets = known_outlets()
    by_lower = {o.lower(): o for o in article_outlets}
    for o in Organisation.objects.all().only("slug", "name", "short_name", "aliases", "kind"):
        forms = {f for f in {o.name, o.short_name, *(o.aliases or [])} if f}
        if o.kind != "news":
            for alias in forms:
                operators[alias.lower()] = o.slug
            continue
        # A news organisation is an outlet people ask about ("what did CNN claim?") even with no article yet: the
        # answer then says there is none, instead of ignoring the name and listing every claim.
        written = next((by_lower[f.lower()] for f in forms if f.lower() in by_lower), o.name)
        for alias in forms:
            outlets[alias.lower()] = written
    for outlet in article_outlets:
        outlets[outlet.lower()] = outlet
        bare = re.sub(r"^the\s+", "", outlet, flags=_RX)
        if bare != outlet and len(bare) >= 4:
            outlets.setdefault(bare.lower(), outlet)  # "the Desert Ledger article"
    vocab = Vocab(types=types, regions=regions, region_names=names, operators=operators, outlets=outlets,
                  curated_types=frozenset(curated))
    vocab = replace(vocab, domain=tuple(sorted(vocab.words() | CORRECTABLE)))
    _VOCAB = (time.monotonic(), vocab)
    return vocab


# --- question words -------------------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


#: Words that carry no scope and no intent of their own: asking for them to be "understood" would only make the bot
#: decline good questions. Anything else left over after reading is reported as not understood.
FILLER = frozenset(
    _words(
        """
        a an the of for to in on at by with from into onto over near around about and or but any all some there
        their this that these those them it its is are was were be been being do does did done has have had having
        can could would will should may might must shall please pls plz tell me us show give get find see know i we
        you your my our how many much what which when where who whom whose why whether number count total times time
        often frequently mission missions flight flights sortie sorties flew fly flying flown trip trips patrol
        patrols operation operations aircraft plane planes airplane airplanes jet jets airframe airframes there's
        what's were't did't ok okay hey hi hello bot flightcheck thanks thank so just also then same again more less
        than as per each every if not no yes seen spotted tracked recorded observed detected logged conducted
        carried out made were went go going come came up down out off near nearby close closer vicinity region
        regions area areas airspace state states around along by between since before after until till through
        during within last past previous first latest earliest recent most ever total overall altogether happen
        happened happening occur occurred anywhere somewhere military us u s list count listing records record data
        evidence say says said claim claims day days week weeks month months year years
        """
    )
)

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb", "febr"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}

#: The words a typo may be corrected to (with the database vocabulary): what a question cannot do without.
CORRECTABLE = (
    {m for m in MONTHS if len(m) > 3}
    | {
        "many",
        "missions",
        "mission",
        "flights",
        "flight",
        "sorties",
        "planes",
        "since",
        "before",
        "after",
        "last",
        "week",
        "month",
        "year",
        "near",
        "over",
        "around",
        "along",
        "close",
        "list",
        "show",
        "when",
        "which",
        "first",
        "claims",
        "claim",
        "evidence",
        "surveillance",
        "reconnaissance",
        "intelligence",
        "between",
        "compare",
        "compared",
        "versus",
        "breakdown",
        "daily",
        "weekly",
        "monthly",
        "yearly",
        "unverified",
        "unreviewed",
        "unverifiable",
        "supported",
        "refuted",
        "verified",
        "article",
        "articles",
        "without",
        "supports",
        "yesterday",
        "today",
        "international",
        "border",
        "drones",
        "tankers",
        "aircraft",
        "navy",
        "force",
    }
)
#: Words claims questions use (verdicts, evidence) and other question words: known, so never "corrected" into a name
#: ("false" is not the Falke glider, "airlines" not the Marines).
CLAIM_WORDS = frozenset(
    _words(
        """
        false true wrong right correct incorrect accurate inaccurate untrue debunked disproven disproved confirmed
        backed backs back support supports supporting supported refute refutes refuted verify verifies verified
        verdict verdicts status partly partially mostly half pending open undecided awaiting checked unchecked
        reviewed unreviewed unverified unverifiable sources source links link linked proof proves prove article
        articles story stories report reports piece statement statements assertion assertions fact check checks
        airline airlines airliner airliners commercial passenger civilian civil
        """
    )
)
KNOWN_WORDS = FILLER | CORRECTABLE | CLAIM_WORDS


# --- typo correction ------------------------------------------------------------------------------------------------


def correct_typos(text: str, vocab: Vocab) -> tuple[str, list[tuple[str, str]]]:
    """Replace unknown words that are one slip away from a vocabulary word ("Texs", "Febuary", "misions").

    Only words of four letters or more, only when the word itself is unknown, only to a close match (ratio ≥ 0.8, or
    two swapped letters), and only toward words that matter to a question (place and aircraft names, months, the
    question words): "weather" must stay "weather", not become "whether". Short words ("TX", "P8") are aliases.
    """
    domain = list(vocab.domain) or sorted(vocab.words() | CORRECTABLE)
    domain_set = set(domain) | FILLER | CLAIM_WORDS
    corrections: list[tuple[str, str]] = []

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or low in domain_set or low.rstrip("s") in domain_set:
            return word
        swapped = [low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(len(low) - 1)]
        close = [w for w in swapped if w in domain_set and w in domain] or difflib.get_close_matches(
            low, domain, n=1, cutoff=0.8
        )
        if not close:
            return word
        corrections.append((word, close[0]))
        return close[0]

    return re.sub(r"[A-Za-z]+", fix, text), corrections


# --- reading the scope ----------------------------------------------------------------------------------------------


@dataclass
class Reading:
    """A scope read from text, with the character spans it used and the place words it could not resolve."""

    scope: Scope
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, "kind: text")
    unresolved: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)


def read_question_scope(text: str, *, reference: dt.date, vocab: Vocab) -> Reading:
    """Aircraft, operators, places and dates, read by ``claims.nlp.reading.read_scope``: the one reader shared with
    the claim checker. Only the spans it understood, distance phrases and question-only role words are added here."""
    from claims.nlp.pipeline import get_pipeline
    from claims.nlp.reading import read_scope
    from claims.nlp.vocabulary import vocabulary_from_db

    vocabulary = vocabulary_from_db()
    doc = get_pipeline(vocabulary)(text)
    scope, notes = read_scope(doc, reference=reference, vocabulary=vocabulary)
    spans = [(u.start, u.end, f"{u.kind}: {u.text}") for u in notes.understood if u.end > u.start]
    if scope.military_only:
        spans += [(m.start(), m.end(), "military: military") for m in re.finditer(r"\bmilitary\b", text, _RX)]
    if any(r.distance_nm is not None for r in scope.regions):  # "within 20 nm of": read_scope notes only the place
        spans += [(m.start(), m.end(), f"distance: {m.group(0)}") for m in DISTANCE_RX.finditer(text)]
    scope = _question_roles(text, scope, spans)
    orbit_words = list(ORBIT_RX.finditer(text))
    if orbit_words:
        scope = scope.with_changes(orbits_only=True)
        spans += [(m.start(), m.end(), f"orbits: {m.group(0)}") for m in orbit_words]
    unresolved = [*notes.unplaced_regions]
    return Reading(scope=scope, spans=spans, unresolved=unresolved, periods=[scope.period] if scope.period else [])


DISTANCE_RX = re.compile(
    r"\bwithin\s+\d+(?:\.\d+)?\s*(?:nm|nmi|nautical\s+miles?|miles?|mi|km|kilomet(?:er|re)s?)\s+(?:of|from)\b", _RX
)
#: "Which aircraft orbited near Sinaloa?": missions in which the importer detected an orbit (Mission.has_orbit).
ORBIT_RX = re.compile(r"\b(?:orbit(?:s|ed|ing)?|racetracks?|loiter(?:s|ed|ing)?)\b", _RX)
#: Role words questions use that the shared vocabulary does not have (yet): reported to the claims.nlp owner.
QUESTION_ROLE_WORDS = [
    (re.compile(r"\b(?:airliners?|airline\s+(?:flights?|jets?)|commercial\s+(?:flights?|jets?|planes?)|passenger"
                r"\s+(?:jets?|planes?|flights?))\b", _RX), "airliner"),
]


def _question_roles(text: str, scope: Scope, spans: list[tuple[int, int, str]]) -> Scope:
    """Add the question-only role words above when the shared reader found no aircraft at all."""
    if scope.type_designators or scope.roles or scope.surveillance_only:
        return scope
    roles = []
    for rx, role in QUESTION_ROLE_WORDS:
        for m in rx.finditer(text):
            roles.append(role)
            spans.append((m.start(), m.end(), f"role: {m.group(0)}"))
    return scope.with_changes(roles=tuple(dict.fromkeys(roles))) if roles else scope


def _alias_pattern(aliases: dict[str, str]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    alts = sorted(aliases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")s?(?![\w-])", re.IGNORECASE)


# --- the question layer ---------------------------------------------------------------------------------------------

HELP_RX = re.compile(r"^\s*(?:/?help|\?+|what can (?:you|i) (?:do|ask)|how do (?:i|you) (?:use|ask)|usage|commands?"
                     r"|examples?)\s*[?!.]*\s*$", _RX)
CLAIM_ID_RX = re.compile(r"\bclaim\s*(?:#|no\.?|number|n°)?\s*(?P<id>\d{1,9})\b", _RX)
#: "what did the border czar say?", "claims by three US officials", "statements attributed to the Pentagon".
WHO_SAID_RX = re.compile(
    r"\bwhat\s+(?:did|does|do|have|has)\s+(?P<who>[^?!.;]{1,60}?)\s+(?:claim|say|said|report|allege|assert|state)"
    r"(?:ed|s)?\b"
    r"|\b(?:claims?|statements?|assertions?)\s+(?:made\s+by|attributed\s+to|by|from)\s+(?P<who2>[^?!.;,]{1,60})",
    _RX,
)
_NOT_A_CLAIMANT = {"", "they", "it", "he", "she", "you", "we", "i", "people", "anyone", "someone", "article",
                   "articles", "story", "report", "piece", "interview", "press", "media", "news"}
CLAIMS_RX = re.compile(r"\b(?:claims?|fact[- ]?checks?|statements?|assertions?)\b|\bwhat did (?:the )?.{1,40}?\b"
                       r"(?:claim|say|report|allege)\b", _RX)
COMPARE_RX = re.compile(r"\bcompare[ds]?\b|\bvs\.?\b|\bversus\b|\bcompared\s+(?:to|with)\b|\bagainst\b|\bthan\b", _RX)
BREAKDOWN_RX = re.compile(
    r"\b(?:per|by|each|every|for\s+each|broken\s+down\s+by|breakdown\s+(?:by|per))\s+"
    r"(?P<key>day|date|week|month|year|type|aircraft\s+type|aircraft|model|region|state|place|area|location)s?\b"
    r"|\b(?P<adv>daily|weekly|monthly|yearly|annually|annual)\b|\b(?P<bd>breakdown|broken\s+down|split)\b",
    _RX,
)
WHEN_RX = re.compile(
    r"\bwhen\b|\b(?:the\s+)?(?P<w>first|earliest|last|latest|most\s+recent|newest|oldest)\b"
    r"(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)\s+(?:days?|weeks?|months?))"
    r"(?!\s+(?:week|month|year)\b)",
    _RX,
)
WHICH_AIRCRAFT_RX = re.compile(
    r"\b(?:which|what)\s+(?:(?:individual|specific|particular)\s+)?(?:aircraft|planes?|airframes?|tails?|jets?)\b"
    r"|\b(?:registrations?|tail\s+numbers?|airframes?|hex(?:es)?\s+codes?)\b|\bwho\s+flew\b",
    _RX,
)
LIST_RX = re.compile(
    r"\b(?:list|show|display|give\s+me|details?|records?|itemi[sz]e|enumerate)\b"
    r"|\b(?:which|what)\s+(?:missions?|flights?|sorties?)\b|\bthem\b",
    _RX,
)
COUNT_RX = re.compile(
    r"\bhow\s+many\b|\bnumber\s+of\b|\bcount\b|\bhow\s+often\b|\btotal\b|\bhow\s+frequently\b|\bany\b",
    _RX,
)
FOLLOW_UP_RX = re.compile(
    r"^\s*(?:and|what\s+about|how\s+about|same\s+(?:for|in|but)|also|now|ok(?:ay)?|then|but|what\s+of|and\s+what\s+about)\b"
    r"|^\s*(?:list|show)\s+(?:them|those|these|it|me\s+them)\b|^\s*(?:per|by)\s+\w+\s*\??\s*$",
    _RX,
)
#: A year or a month name: "2024 vs 2025" and "January versus February" name two periods even when the reader
#: returned only one.
DATE_WORD_RX = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", _RX)
SUBJECT_RX = re.compile(r"\b(?:missions?|flights?|sorties?|planes?|aircraft|times|trips?|patrols?|operations?)\b", _RX)

VERDICTS: list[tuple[str, tuple[str, ...]]] = [
    (r"unverified|not\s+(?:yet\s+)?verified|not\s+(?:yet\s+)?checked|unchecked", UNVERIFIED),
    (r"unreviewed|not\s+(?:yet\s+)?reviewed|pending|open|undecided|awaiting", ("unreviewed",)),
    (r"unverifiable|cannot\s+be\s+verified|can'?t\s+be\s+verified|not\s+verifiable", ("unverifiable",)),
    (r"partly|partially|partly\s+supported|half[- ]true|mostly\s+true", ("partly_supported",)),
    (r"refuted|false|debunked|wrong|incorrect|untrue|disproven|disproved", ("refuted",)),
    (r"supported|verified|true|confirmed|correct|accurate|backed\s+up", ("supported",)),
]
WITHOUT_EVIDENCE_RX = re.compile(
    r"\b(?:without|with\s+no|lacking|missing|no|unsupported\s+by)\s+(?:any\s+)?(?:evidence|sources?|records?|links?)\b"
    r"|\b(?:unsourced|unsupported)\b",
    _RX,
)


def parse_question(text: str, *, now: dt.datetime, previous: BotQuery | None = None) -> BotQuery:
    """Read one question. ``previous`` is the conversation's last query, which follow-ups edit.

    Never raises for any string; the caller validates length first (MAX_QUESTION_CHARS).
    """
    text = (text or "")[: MAX_QUESTION_CHARS * 2]
    reference = now.astimezone(dt.UTC).date()
    vocab = load_vocab()
    cleaned = _unshout(_strip_mentions(text))
    corrected, corrections = correct_typos(cleaned, vocab)

    if HELP_RX.match(corrected):
        return BotQuery(intent="help", corrections=tuple(corrections))

    claim_id = CLAIM_ID_RX.search(corrected)
    if claim_id:
        return BotQuery(
            intent="claim_evidence",
            claims=ClaimFilter(claim_id=int(claim_id.group("id"))),
            understood=(f"claim: #{claim_id.group('id')}",),
            corrections=tuple(corrections),
        )

    reading = read_question_scope(corrected, reference=reference, vocab=vocab)
    spans = list(reading.spans)
    intent, which, by, intent_spans = _intent(corrected, reading)
    spans += intent_spans

    if intent == "claims":
        return _claims_query(corrected, reading, spans, vocab, corrections)

    scope = reading.scope
    compare_with = None
    if intent == "compare":
        if len(reading.periods) < 2:
            reading.periods = _compare_periods(corrected, reference=reference, vocab=vocab) or reading.periods
        if len(reading.periods) >= 2:
            scope = scope.with_changes(period=reading.periods[0])
            compare_with = reading.periods[1]
            for p in reading.periods[:2]:  # each side, read separately, is understood
                for m in re.finditer(re.escape(p.text), corrected, _RX) if p.text else ():
                    spans.append((m.start(), m.end(), f"period: {m.group(0)}"))
        elif len(reading.periods) == 1 and previous and previous.scope.period:
            compare_with = reading.periods[0]
            scope = scope.with_changes(period=previous.scope.period)

    follow_up = previous is not None and _is_follow_up(corrected, reading, intent)
    if follow_up and previous is not None:
        scope = _merge(previous.scope, scope)
        if intent == "unknown":
            intent, which, by = previous.intent, previous.which, previous.by
            if intent in {"claims", "claim_evidence", "help", "unknown"}:
                intent = "count"
        if intent == "compare" and compare_with is None:
            compare_with = previous.compare_with

    leftovers = _leftovers(corrected, spans)
    not_understood = [f"place: {u}" for u in reading.unresolved] + [f"word: {w}" for w in leftovers
                                                                      if w.lower() not in {u.lower() for u in
                                                                                           reading.unresolved}]
    if intent == "unknown" and not scope.is_empty():
        intent = "count"  # "U-2 near Texas in February?" asks for the number
    asks_missions = intent in {"count", "list", "which_aircraft", "when", "breakdown"}
    if asks_missions and scope.is_empty() and not follow_up and not SUBJECT_RX.search(corrected):
        intent = "unknown"  # "how many?" with nothing to count
    if intent == "compare" and compare_with is None:
        not_understood.append("the two periods to compare")
    understood = tuple(label for _, _, label in sorted(spans))
    return BotQuery(
        intent=intent,
        scope=scope,
        which=which,
        by=by,
        compare_with=compare_with,
        follow_up=follow_up,
        understood=understood,
        not_understood=tuple(dict.fromkeys(not_understood)),
        corrections=tuple(corrections),
    )


def _compare_periods(text: str, *, reference: dt.date, vocab: Vocab) -> list[Period]:
    """Two periods for a comparison the reader took as one range ("January and February 2025"): read each side
    of the last "and/vs/compared to/with" separately; a year written only on the right applies to both."""
    parts = re.split(r"\s+(?:and|vs\.?|versus|compared\s+(?:to|with)|with|against|or)\s+", text, flags=_RX)
    if len(parts) < 2:
        return []
    def side(part: str) -> list[Period]:
        found = read_question_scope(part, reference=reference, vocab=vocab).periods
        return found or read_question_scope(f"in {part.strip(' ?.!')}", reference=reference, vocab=vocab).periods

    left = side(" ".join(parts[:-1]))
    right = side(parts[-1])
    if not left or not right:
        return []
    a, b = left[-1], right[0]
    if a.year_inferred and not b.year_inferred:
        from evidence.selectors import shift_period_years

        moved = shift_period_years(a, b.start.year - a.start.year)
        if moved is not None:
            a = Period(moved.start, moved.end, a.text, year_inferred=False)
    return [a, b]


def _unshout(text: str) -> str:
    """In a question typed in capitals, two-letter function words are words, not state codes: "IN" is not Indiana,
    "OR" not Oregon, "ME" not Maine, "OK" not Oklahoma. Names and abbreviations ("TX", "US", "P-8") stay."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return text
    return re.sub(r"\b[A-Z]{2}\b", lambda m: m.group(0).lower() if m.group(0).lower() in _SHOUTED else m.group(0),
                  text)


_SHOUTED = frozenset(w for w in FILLER if len(w) == 2 and w != "us")


def _strip_mentions(text: str) -> str:
    """Chat mentions and markup that are not part of the question: "<@U123>", "@flightcheck", "`code`"."""
    text = re.sub(r"<@[^>]{1,64}>|@[\w.-]{1,64}(?::[\w.-]+)?", " ", text)
    return re.sub(r"\s+", " ", text.replace("`", " ")).strip()


def _intent(text: str, reading: Reading) -> tuple[str, str, str, list[tuple[int, int, str]]]:
    spans: list[tuple[int, int, str]] = []

    def mark(m: re.Match[str], label: str) -> None:
        spans.append((m.start(), m.end(), f"asked: {label}"))

    if CLAIMS_RX.search(text):
        return "claims", "", "", spans
    bm = BREAKDOWN_RX.search(text)
    cm = COMPARE_RX.search(text)
    dated = sum(1 for *_, label in reading.spans if label.startswith(("period:", "dates:")))
    n_periods = max(len(reading.periods), dated)
    if cm and (n_periods >= 2 or re.search(r"\bcompare", text, _RX) or len(DATE_WORD_RX.findall(text)) >= 2):
        mark(cm, "comparison")
        count = COUNT_RX.search(text)
        if count:
            mark(count, "comparison")
        return "compare", "", "", spans
    if bm:
        key = (bm.group("key") or bm.group("adv") or "").lower()
        by = _BY.get(key.split()[-1] if key else "", "month" if not key else "")
        if not key and bm.group("bd"):
            follow = re.search(r"\bby\s+(\w+)", text[bm.end():], _RX)
            by = _BY.get(follow.group(1).lower(), "month") if follow else "month"
        for m in BREAKDOWN_RX.finditer(text):
            mark(m, f"breakdown by {by}")
        for m in COUNT_RX.finditer(text):
            mark(m, "count")
        return "breakdown", "", by, spans
    wa = WHICH_AIRCRAFT_RX.search(text)
    if wa is None:  # "which P-8s flew…": "which" right before an aircraft name asks for the airframes
        for m in re.finditer(r"\b(?:which|what)\s+(?:of\s+the\s+)?", text, _RX):
            if any(s == m.end() and label.startswith("aircraft:") for s, _, label in reading.spans):
                wa = m
                break
    if wa:
        mark(wa, "which aircraft")
        return "which_aircraft", "", "", spans
    wm = WHEN_RX.search(text)
    if wm and (re.search(r"\bwhen\b", text, _RX) or not COUNT_RX.search(text)):
        words = {(m.group("w") or "").lower() for m in WHEN_RX.finditer(text)}
        which = "first" if words & {"first", "earliest", "oldest"} else "last"
        for m in WHEN_RX.finditer(text):
            mark(m, f"when ({which})")
        return "when", which, "", spans
    lm = LIST_RX.search(text)
    cnt = COUNT_RX.search(text)
    if cnt:
        for m in COUNT_RX.finditer(text):
            mark(m, "count")
        return "count", "", "", spans
    if lm:
        for m in LIST_RX.finditer(text):
            mark(m, "list")
        return "list", "", "", spans
    return "unknown", "", "", spans


_BY = {
    "day": "day",
    "date": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annually": "year",
    "annual": "year",
    "type": "type",
    "aircraft": "type",
    "model": "type",
    "region": "region",
    "state": "region",
    "place": "region",
    "area": "region",
    "location": "region",
}


def _is_follow_up(text: str, reading: Reading, intent: str) -> bool:
    """An edit of the previous question: an explicit marker, a pronoun, or a fragment without its own subject."""
    if FOLLOW_UP_RX.search(text):
        return True
    if reading.scope.is_empty() and len(text.split()) <= 4:
        return True  # "which aircraft?", "per day", "list them"
    has_subject = bool(SUBJECT_RX.search(text)) or bool(reading.scope.type_designators or reading.scope.roles
                                                         or reading.scope.surveillance_only)
    return not has_subject and len(text.split()) <= 8


def _merge(previous: Scope, new: Scope) -> Scope:
    """Fields the follow-up names replace the previous ones; the rest is kept ("and in January?" keeps the U-2)."""
    changes: dict[str, Any] = {}
    if new.type_designators or new.roles or new.surveillance_only:
        changes.update(type_designators=new.type_designators, roles=new.roles, surveillance_only=new.surveillance_only)
    if new.operators:
        changes["operators"] = new.operators
    if new.regions:
        changes["regions"] = new.regions
    if new.period is not None:
        changes["period"] = new.period
    if new.military_only:
        changes["military_only"] = True
    if new.orbits_only:
        changes["orbits_only"] = True
    return previous.with_changes(**changes)


def _leftovers(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Words outside every understood span that are not filler: what the bot must admit it did not understand."""
    out = []
    for m in re.finditer(r"[A-Za-z][A-Za-z'’-]*|\d+", text):
        if any(s <= m.start() < e for s, e, _ in spans):
            continue
        word = m.group(0).lower().strip("'’-")
        if word in FILLER or word.rstrip("s") in FILLER or len(word) <= 1:
            continue
        out.append(m.group(0))
    return out


def _claimant_words(raw: str) -> str:
    """Who was asked about, without the article words around it: "the border czar" → "border czar"."""
    words = re.sub(r"^(?:the|a|an)\s+", "", raw.strip(), flags=_RX)
    words = re.sub(r"(?:'s)?\s+(?:article|story|report|piece|interview)s?$", "", words, flags=_RX).strip()
    return "" if words.lower() in _NOT_A_CLAIMANT else words


def _claims_query(
    text: str, reading: Reading, spans: list[tuple[int, int, str]], vocab: Vocab, corrections: list[tuple[str, str]]
) -> BotQuery:
    verdicts: tuple[str, ...] = ()
    for rx, values in VERDICTS:
        m = re.search(rf"\b(?:{rx})\b", text, _RX)
        if m:
            verdicts = values
            spans.append((m.start(), m.end(), f"verdict: {m.group(0)}"))
            break
    we = WITHOUT_EVIDENCE_RX.search(text)
    if we:
        spans.append((we.start(), we.end(), "evidence: none"))
    outlet = ""
    pat = _alias_pattern(vocab.outlets)
    om = pat.search(text) if pat else None
    if om:
        outlet = vocab.outlets[om.group(1).lower()]
        spans.append((om.start(), om.end(), f"outlet: {om.group(0)}"))
    claimant = ""
    wm = WHO_SAID_RX.search(text)
    if wm:
        group = "who" if wm.group("who") is not None else "who2"
        ws, we_ = wm.span(group)
        overlaps_outlet = bool(om and om.start() < we_ and om.end() > ws)
        who = _claimant_words(wm.group(group))
        if who and not overlaps_outlet:
            claimant = who
            spans.append((ws, we_, f"claimant: {who}"))
    for m in CLAIMS_RX.finditer(text):
        spans.append((m.start(), m.end(), "asked: claims"))
    for m in re.finditer(r"\b(?:articles?|story|stories|report|piece)\b", text, _RX):
        spans.append((m.start(), m.end(), "asked: claims"))
    flt = ClaimFilter(
        type_designators=reading.scope.type_designators,
        verdicts=verdicts,
        without_evidence=bool(we),
        outlet=outlet,
        claimant=claimant,
    )
    leftovers = [w for w in _leftovers(text, spans) if w.lower() not in {"verdict", "verdicts", "status"}]
    return BotQuery(
        intent="claims",
        claims=flt,
        understood=tuple(label for _, _, label in sorted(spans)),
        not_understood=tuple(f"word: {w}" for w in leftovers),
        corrections=tuple(corrections),
    )


# --- bare months and days ---------------------------------------------------------------------------------------------


def resolve_inferred_years(
    query: BotQuery, *, today: dt.date, has_missions: Callable[[dt.date, dt.date], bool], max_years: int = 10
) -> BotQuery:
    """A month or day written without a year means the most recent one, not after today, that holds any mission.

    The reader already chose the most recent one not after today; this steps back a year at a time while that span
    holds no mission at all (of any kind), and records the choice so the answer can say it. Open-ended periods that
    run to today ("since January") are left alone.
    """
    period = query.scope.period
    if period is None or not period.year_inferred or period.end >= today:
        return query
    chosen = period
    for back in range(0, max_years + 1):
        candidate = _shift(period, -back)
        if candidate is None or candidate.start > today:
            continue
        if has_missions(candidate.start, candidate.end):
            chosen = candidate
            break
    else:
        return replace(query, notes=(*query.notes, f"no year given and no records in any recent year for "
                                                   f"{period.text or 'that period'}; used {_label(period)}"))
    note = f'"{period.text or "that period"}" read as {_label(chosen)}, the most recent one with any flight records'
    compare_with = query.compare_with
    return replace(query, scope=query.scope.with_changes(period=chosen), compare_with=compare_with,
                   notes=(*query.notes, note))


def _shift(period: Period, years: int) -> Period | None:
    from evidence.selectors import shift_period_years

    return shift_period_years(period, years)


def _label(period: Period) -> str:
    from evidence.selectors import describe_period

    return describe_period(period)
