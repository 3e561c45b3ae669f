"""Question text → a typed :class:`BotQuery`; no database writes, no generated SQL, no LLM.

The steps, each in its own module: normalise (mentions, shouting, typos, quarters) → read the scope with the shared
reader (``claims.nlp.reading.read_question``: aircraft, operators, places, periods, and the spans it used) → the
intent (``intents``) → comparisons (``compare``) / follow-ups (``followups``) / claims (``claims_questions``) →
what was not understood (``leftovers``). Resolving a bare month to the most recent one with records needs the
database, so it is a separate step (:func:`resolve_inferred_years`) the service runs with a predicate.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from django.conf import settings

from bot.nlu import claim_check, followups, ratios, single, timing
from bot.nlu.claims_questions import claims_query
from bot.nlu.compare import Sides, align_years, comparison_sides, find_baseline
from bot.nlu.distances import spell_distances
from bot.nlu.guards import YES_NO_RX, guard_problems, polite_spans
from bot.nlu.intents import (
    CHANGE_RX,
    CLAIM_ID_RX,
    COMPARE_RX,
    COUNT_RX,
    HELP_RX,
    SUBJECT_RX,
    TREND_RX,
    WHY_RX,
    Asked,
    ranking_of_previous,
    read_intent,
)
from bot.nlu.leftovers import leftovers
from bot.nlu.nations import national_sides, nationality_operators
from bot.nlu.normalise import (
    correct_typos,
    designators,
    spell_chat_dates,
    spell_chat_words,
    spell_counted_spans,
    spell_open_periods,
    spell_ordinal_days,
    spell_quarters,
    spell_terse_periods,
    spell_weekends,
    strip_mentions,
    unshout,
)
from bot.nlu.picture_words import read_picture
from bot.nlu.places import sky_spans, spell_oceans
from bot.nlu.query import MAX_QUESTION_CHARS, BotQuery, Intent
from bot.nlu.spoken import spell_second_language, spell_spoken
from bot.nlu.vocab import Vocab, load_vocab
from bot.nlu.year_before import spell_year_before
from claims.nlp.dates import story_day
from claims.nlp.identities import HEX_RX, IDENT_CUE_RX, IDENT_RX
from claims.nlp.reading import QuestionReading, read_question
from claims.selectors import ClaimFilter
from evidence.scope import Period, Scope

_RX = re.IGNORECASE
Spans = list[tuple[int, int, str]]

#: "other than P-8s", "except the U-2", "excluding E-3s", "not counting P-8s": those types are left out.
EXCEPT_RX = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from|besides|not\s+counting|but\s+not"
                       # "flights near Texas that were not P-8s", "… that weren't RAF"
                       r"|(?:that|which)\s+(?:were|was)\s+not|(?:that|which)\s+(?:weren|wasn)['’]t"
                       # "less the P-8s", "minus", "barring", "save for", "leaving out", "without counting"…
                       r"|less(?=\s+the\b)|minus|sans|barring|bar(?=\s+the\b)|save\s+for|aside\s+from|leaving\s+out"
                       r"|(?:leaving|setting|putting)\s+aside"
                       r"|ignoring|without(?:\s+counting)?|discounting|omitting|(?:if|once|when)\s+you\s+(?:exclude|remove|"
                       r"leave\s+out|take\s+out|drop)"
                       # round 15: "anything but P-8s", "not including the Navy", "excl. Navy"
                       r"|(?:anything|everything|all)\s+but|not\s+including|excl\.?)"
                       r"\s+(?:the\s+)?", _RX)
CIVIL_RX = re.compile(r"\bnon[- ]?military\b|\bcivil(?:ian)?\s+(?=aircraft|planes?|flights?|jets?)", _RX)
#: "the week before 5 February", "two days after": a span next to a date the reader does not build.
RELATIVE_SPAN_RX = re.compile(r"\b(?:days?|nights?|weeks?|fortnight|months?|years?|hours?|weekend|quarter)\s+"
                              r"(?:before|after|prior\s+to|following|preceding|leading\s+up\s+to)\b", _RX)
COAST_RX = re.compile(r"\b(?:off|along|near)\s+the\s+(?:coast|coastline|shores?)\s+of\b", _RX)
#: "off the Baja coast", "off the Crimean coast": the coast after the place's name, after "off" (near the place, as
#: "off Baja" is; "along the Texas coast" stays unread: along the shore line, on land or off it?).
COAST_AFTER_RX = re.compile(r"^\s+(?:coast|coastline)\b", _RX)
OFF_BEFORE_RX = re.compile(r"\boff\s+(?:the\s+)?$", _RX)
#: "what about over New Mexico instead?": a follow-up's last word, which says the field is replaced (as it is).
INSTEAD_RX = re.compile(r"\binstead\b(?=\W*$)", _RX)
#: "now list them", "ok now map it": the first word of a follow-up that only says it comes next (round 17).
LEAD_NOW_RX = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|so|right)[\s,]+)?(?P<w>now)\b(?![\s,]*(?:\?|$))", _RX)
SO_FAR_RX = re.compile(r"\bso\s+far\b|\bto\s+date\b", _RX)
#: A follow-up that corrects the question before ("sorry, I meant Arizona", "no wait, the U-2", "actually, 2025"):
#: read as "what about …", which keeps the rest of the previous scope.
CORRECTION_RX = re.compile(r"^\W*(?:(?:(?:sorry|oops|my\s+bad|correction)\b|(?:no|wait|actually)\b(?=\s*[,!.:;\-–—]"
                           r"|\s+(?:wait|sorry|i\s+meant?)\b))[\s,!.:;\-–—]*)+"
                           r"(?:i\s+meant?\s+|make\s+(?:that|it)\s+|rather\s+)?", _RX)
#: "over it?", "and near there?", "over Crimea itself?": the previous question's one place with another relation.
#: "and over, not near?", "near instead?": the same place with the other relation; "within 5 nm?": with that distance.
PLACE_PRONOUN_RX = re.compile(r"^(?P<lead>\W*(?:(?:and|but|what\s+about|how\s+about|only|just|now)\s+)?)"
                              r"(?P<rel>over|near|close\s+to|around|within\s+\d+(?:\.\d+)?\s*(?:nm|nmi|nautical\s+miles?"
                              r"|km|kilomet(?:er|re)s?|miles?|mi)(?:\s+of)?)"
                              r"(?P<pro>\s+(?:it|there|that\s+place|the\s+same\s+place)|\s*,?\s+(?:and\s+)?not\s+(?:near|over"
                              r"|close\s+to|around)|\s+(?:instead(?:\s+of\s+(?:near|over))?|rather\s+than\s+(?:near|over)))"
                              r"(?:\s+itself)?(?P<tail>\W*)$"
                              r"|^(?P<lead2>\W*(?:(?:and|but|what\s+about|how\s+about|only|just|now)\s+)?)"
                              r"(?P<within>within\s+\d+(?:\.\d+)?\s*(?:nm|nmi|nautical\s+miles?|km|kilomet(?:er|re)s?"
                              r"|miles?|mi))(?P<tail2>\W*)$", _RX)
ITSELF_RX = re.compile(r"^(?P<head>\W*(?:(?:and|but|what\s+about|how\s+about|only|just)\s+)?over\s+(?:the\s+)?"
                       r"[A-Z][\w'’. -]{1,40}?)\s+itself(?P<tail>\W*)$")


def _place_pronoun(text: str, previous: Scope, vocab: Vocab, corrections: list[tuple[str, str]]) -> str:
    """"over it?" after a question about one place: that place, said as a correction ("over it" → "over Arizona");
    "over Crimea itself?": over Crimea. With several places (or none) before, left as written (declined: which?)."""
    itself = ITSELF_RX.match(text)
    if itself:
        return itself.group("head") + itself.group("tail")
    m = PLACE_PRONOUN_RX.match(text)
    if m is None or len(previous.regions) != 1 or previous.and_regions:
        return text
    name = vocab.region_names.get(previous.regions[0].slug)
    if not name:
        return text
    if m.group("within"):  # "within 5 nm?": of the previous place
        place = f"{m.group('within')} of {name}"
        corrections.append((m.group("within"), place))
        return f"{m.group('lead2')}{place}{m.group('tail2')}"
    rel = m.group("rel")
    within = rel.lower().startswith("within") and not rel.lower().endswith("of")
    place = f"{rel} of {name}" if within else f"{rel} {name}"
    corrections.append((text[m.start("rel"):m.end("pro")], place))
    return f"{m.group('lead')}{place}{m.group('tail')}"


#: "do the same for the U-2", "same question for Arizona", "repeat for 2024", "ditto for the RAF": the previous
#: question with that changed.
SAME_FOR_RX = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|now|please|can\s+you|could\s+you)\s+)*(?:do\s+(?:the\s+)?same"
                         r"(?:\s+thing)?|(?:the\s+)?same\s+(?:question|thing|query|again)|repeat(?:\s+(?:that|it|this|the"
                         r"\s+question))?|ditto|likewise)\s+(?:but\s+)?(?:for|with|in)\s+"
                         # "back to the P-8s", "ok, go back to the Aegean": the earlier field again, the rest kept
                         r"|^\W*(?:(?:and|ok(?:ay)?|now|so|right)[\s,]+)*(?:let['’]?s\s+)?(?:go(?:ing)?\s+|get\s+|come\s+)?"
                         r"back\s+to\s+", _RX)


#: "same 2024", "ditto for the RAF" with no answered question before it in the thread: the same as what?
NO_ANTECEDENT_RX = re.compile(r"^\W*(?:(?:and|ok(?:ay)?|now)\s+)?(?:the\s+)?(?:same|ditto|likewise)\b", _RX)
#: A turn that begins "and …" continues a question before it ("and in mid-October?", "and the RAF?").
CONTINUES_RX = re.compile(r"^\W*and\b", _RX)


#: Words that make a short follow-up something other than one field changed ("details?", "map pls", "when?").
_NOT_A_FIELD = frozenset((
    "list", "show", "details", "detail", "map", "chart", "picture", "plot", "when", "where", "why", "which", "who",
    "what", "how", "per", "by", "each", "total", "overall", "altogether", "vs", "versus", "compare", "ever", "drop",
    "without", "only", "just", "and", "also", "yes", "no", "ok", "okay", "thanks", "thx", "ty", "in", "over", "near",
    "since", "before", "after", "from", "for", "during", "between", "until", "around", "within", "off", "the", "them",
    "those", "these", "it", "they", "more", "fewer", "less", "again", "same", "excluding", "except", "not", "none",
    "all", "any", "every", "first", "last", "latest", "earliest", "busiest", "most", "top", "sorted", "newest",
    "oldest", "please", "pls", "plz", "help", "hi", "hello", "hey"))


def _bare_fragment(text: str) -> bool:
    """"U-2s?", "Arizona?", "the RAF?": one to three words that are neither a question's nor an intent's, typed after
    a question: read as "what about …", the previous question with that one field changed."""
    words = re.findall(r"[\w'’-]+", text)
    return 0 < len(words) <= 3 and not any(w.lower() in _NOT_A_FIELD for w in words) \
        and not re.search(r"(?<![\w-])\d", text)  # a year or a date is a follow-up already ("U-2s" is a name)


#: After the correction words, a whole question ("actually, how many U-2s in 2024?"): asked anew, not an edit.
ASKS_ANEW_RX = re.compile(r"\b(?:how|which|what|when|who|list|show|count|compare|were|was|did|does|is|are|has|have)\b",
                          _RX)


def parse_question(text: str, *, now: dt.datetime, previous: BotQuery | None = None,
                   vocab: Vocab | None = None, vocabulary: object | None = None) -> BotQuery:
    """Read one question. ``previous`` is the conversation's last answered query, which follow-ups edit.

    ``vocab`` / ``vocabulary`` (the question words and the shared reader's vocabulary) are read from the database
    when not given: the parse-table test injects them. Never raises for any string.
    """
    text = (text or "")[: MAX_QUESTION_CHARS * 2]
    reference = now.astimezone(dt.UTC).date()
    if vocabulary is None:
        from claims.nlp.vocabulary import vocabulary_from_db

        vocabulary = vocabulary_from_db()
    vocab = vocab or load_vocab(vocabulary=vocabulary)
    timed = timing.read_timing(text, now=now, previous=previous, parse=parse_question, vocab=vocab,
                               vocabulary=vocabulary)  # hours, durations, "every day" (bot/nlu/timing.py)
    if timed is not None:
        return timed
    return timing.carry(previous, _parse_untimed(text, now=now, reference=reference, previous=previous, vocab=vocab,
                                                 vocabulary=vocabulary), reference)


def _parse_untimed(text: str, *, now: dt.datetime, reference: dt.date, previous: BotQuery | None, vocab: Vocab,
                   vocabulary: object) -> BotQuery:
    """:func:`parse_question` for a question with no timing frame."""
    ratio = ratios.read_ratio(text, now=now, previous=previous, parse=parse_question, vocab=vocab,
                              vocabulary=vocabulary) or ratios.aircraft_of_those(
        text, now=now, previous=previous, parse=parse_question, vocab=vocab, vocabulary=vocabulary)
    if ratio is not None:  # shares, averages, "how many aircraft flew them?" (bot/nlu/ratios.py)
        return ratio
    cleaned = unshout(strip_mentions(text))
    story = story_day(cleaned, reference)  # "a story from 14 February 2025 says … last week": counted from that day
    if story is not None:
        cleaned, reference = cleaned[:story.start] + " " * (story.end - story.start) + cleaned[story.end:], story.day
    cleaned, spoken = spell_spoken(cleaned, vocab)  # dictated words (bot/nlu/spoken.py)
    cleaned, second = spell_second_language(cleaned, reference)  # "aircrafts", "until now", "since one month"
    cleaned, chat_words = spell_chat_words(cleaned)
    corrected, corrections = correct_typos(cleaned, vocab)
    corrections = spoken + second + chat_words + corrections
    corrected, chat_dates = spell_chat_dates(corrected, reference)
    corrected, quarters = spell_quarters(corrected, reference)
    corrected, edges = spell_open_periods(corrected, reference)
    corrected, weekends = spell_weekends(corrected)
    corrected, ordinals = spell_ordinal_days(corrected)
    weekends += ordinals
    corrected, counted = spell_counted_spans(corrected)
    weekends += counted
    corrected, distances = spell_distances(corrected)  # "within fifty miles", "inside 20 nm" (bot/nlu/distances.py)
    corrected, oceans = spell_oceans(corrected)  # "the Pacific": both halves the gazetteer holds (bot/nlu/places.py)
    weekends += distances + oceans
    if previous is not None:
        corrected = _place_pronoun(corrected, previous.scope, vocab, corrections)
    if previous is not None and _bare_fragment(corrected):
        corrected = "what about " + corrected.lstrip()  # "U-2s?", "Arizona?" after a question: that one field changed
    swap = followups.SWAP_RX.match(corrected) if previous is not None else None
    if swap and previous is not None:  # "swap Texas for Arizona": "what about Arizona", when Texas was asked before
        for lead in ("", "near ", "in "):  # a place or a year alone is read only after a word ("near Texas")
            old = read_question(lead + swap.group("old"), reference=reference,
                                vocabulary=vocabulary).scope  # type: ignore[arg-type]
            if not old.is_empty():
                break
        corrected = followups.swap_to_what_about(corrected, previous.scope, old) or corrected
    same_for = SAME_FOR_RX.match(corrected) if previous is not None else None
    if same_for:  # "do the same for the U-2", "repeat for 2024", "same question for Arizona": "what about …"
        corrected = "what about " + corrected[same_for.end():]
    correction = CORRECTION_RX.match(corrected) if previous is not None else None
    if correction and re.match(r"\s*(?:what|how)\s+about\b", corrected[correction.end():], _RX):
        corrected = corrected[correction.end():]  # "wait, what about 2024?"
    elif correction and not ASKS_ANEW_RX.search(corrected[correction.end():]):
        # "sorry, I meant Arizona", "no wait, the U-2": the previous question with that one thing changed
        corrected = "what about " + corrected[correction.end():]
    corrected, terse = spell_terse_periods(corrected, reference)
    corrected, year_before = spell_year_before(corrected, reference, vocabulary)  # "the same month a year earlier"
    terse += year_before
    edges += weekends + chat_dates + terse
    corrected, forms = designators(corrected, vocab)
    corrections += quarters + edges + forms
    frame = claim_check.read_frame(corrected)  # "Is it true that …", "Reuters reports …": the claim, its number
    if frame is not None:
        query = claim_check.finish(frame, _parse_read(frame.text, corrections, reference=reference,
                                                      previous=previous, vocab=vocab, vocabulary=vocabulary))
    else:
        query = _parse_read(corrected, corrections, reference=reference, previous=previous, vocab=vocab,
                            vocabulary=vocabulary)
    return claim_check.from_story_day(query, story) if story is not None else query


def _parse_read(corrected: str, corrections: list[tuple[str, str]], *, reference: dt.date,
                previous: BotQuery | None, vocab: Vocab, vocabulary: object) -> BotQuery:
    """The rest of :func:`parse_question`, from the normalised text on."""
    if HELP_RX.match(corrected):
        return BotQuery(intent=Intent.HELP, corrections=tuple(corrections))
    if WHY_RX.search(corrected):
        return BotQuery(intent=Intent.UNKNOWN, decline="why", corrections=tuple(corrections))
    claim_id = CLAIM_ID_RX.search(corrected)
    if claim_id:
        return BotQuery(intent=Intent.CLAIM_EVIDENCE, claims=ClaimFilter(claim_id=int(claim_id.group("id"))),
                        understood=(f"claim: #{claim_id.group('id')}",), corrections=tuple(corrections))

    baseline = find_baseline(corrected)
    read_text = corrected  # a baseline's year is the other side's period, not this scope's: read without it
    if baseline is not None:
        read_text = corrected[:baseline.start] + " " * (baseline.end - baseline.start) + corrected[baseline.end:]
    reading = read_question(read_text, reference=reference, vocabulary=vocabulary)  # type: ignore[arg-type]
    if YES_NO_RX.match(corrected):  # "were there dozens of …?", "did a handful of … fly?": answered by the count
        amounts = claim_check.amounts_asked(corrected, reading.spans)
        reading.spans[:] = [sp for sp in reading.spans if not any(
            a <= sp[0] and sp[1] <= b for a, b, _ in amounts)] + amounts
    spans: Spans = list(reading.spans)
    if baseline is not None:
        spans.append((baseline.start, baseline.end, f"baseline: {corrected[baseline.start:baseline.end]}"))
    cues = [m for m in IDENT_CUE_RX.finditer(corrected)
            if HEX_RX.fullmatch(m.group("word")) or IDENT_RX.fullmatch(m.group("word"))]
    intent_text = corrected
    for m in cues:  # "flights of registration 168754" does not ask which aircraft
        intent_text = intent_text[:m.start()] + " " * (m.start("word") - m.start()) + intent_text[m.start("word"):]
    asked = read_intent(intent_text, reading, spans)
    if previous is not None and previous.intent == Intent.BREAKDOWN and not asked.rank:
        asked = ranking_of_previous(intent_text, previous.by, spans) or asked
    asked = single.identity_asked(intent_text, asked, spans)  # "the callsign of the U-2 on 3 February 2025"
    picture = read_picture(intent_text, spans, breakdown=asked.intent == Intent.BREAKDOWN)  # "map of …", "chart …"
    if asked.intent == Intent.CLAIMS:
        return claims_query(corrected, reading, spans, vocab, corrections)

    # "how many days without RAF flights": the days with none of them, not the flights of everyone but the RAF
    unexcluded = _blanked(corrected, [(s, e) for s, e, label in spans if label == "asked: days with none"])
    scope = _extras(unexcluded, reading, spans, vocab, reference=reference, vocabulary=vocabulary)
    national, national_spans, national_problems = nationality_operators(corrected, spans, vocab, scope.operators)
    left_out = tuple(o for o in national if o.startswith("-"))
    national = tuple(o for o in national if not o.startswith("-"))
    scope = scope.with_changes(operators=national) if national else scope
    if left_out:  # "non-US flights", "other than the US ones": every operator of that country left out
        scope = scope.with_changes(exclude_operators=tuple(dict.fromkeys(
            (*scope.exclude_operators, *(o[1:] for o in left_out)))))
    spans.extend(national_spans)
    prev_scope = previous.scope if previous is not None else None
    scope, pointed = followups.pointed_period(corrected, scope, prev_scope)  # "that month": the previous period
    spans.extend(pointed)
    names_aircraft = bool(cues) or any(HEX_RX.fullmatch(w) or IDENT_RX.fullmatch(w)
                                       for w in leftovers(corrected, spans))
    follow_up = previous is not None and followups.is_follow_up(corrected, reading, names_aircraft=names_aircraft)
    problems: list[str] = list(asked.unsupported) + _tasking_bodies(scope, reading.spans, corrected, vocab)
    problems += national_problems
    problems += single.two_questions(corrected) + single.flight_numbers(corrected)
    problems += _mixed_exclusions(corrected, reading, scope, spans, vocab)
    if previous is None and NO_ANTECEDENT_RX.match(corrected):
        problems.append("word: same (there is no answered question before it in this conversation: ask it whole)")
    elif previous is None and CONTINUES_RX.match(corrected):  # "and in mid-October?": and what, before it?
        problems.append("word: and (there is no answered question before it in this conversation: ask it whole)")
    if previous is None:  # "how many of those were P-8s?" with no answer before it: those of what?
        problems += [f"word: {m.group(0)} (there is no earlier answer in this conversation: ask the whole question)"
                     for m in followups.POINTS_BACK_RX.finditer(corrected)]
    problems += [f"word: {m.group(0)} (say the dates)" for m in RELATIVE_SPAN_RX.finditer(corrected)
                 if not any(s <= m.start() < e and label.startswith("period") for s, e, label in spans)]
    if scope.period is not None and scope.period.span_days:  # "in a 10-day span in January": which days?
        problems.append(f"word: {scope.period.text} (which {scope.period.span_days} days is not said: give the dates)")
    national_words = {corrected[s:e].lower() for s, e, _ in national_spans}
    unresolved = [u for u in reading.unresolved if u.lower() not in national_words]  # "US ones": operators, no place
    said = scope  # this turn's own words, before a follow-up merges the previous scope in
    if follow_up and previous is not None:
        scope, unresolved = _place_follow_up(corrected, scope, unresolved, spans, vocab, previous.scope)
        narrow = bool(followups.NARROW_RX.search(corrected))
        spans.extend((m.start(), m.end(), "correction: instead") for m in INSTEAD_RX.finditer(corrected))
        spans.extend((m.start("w"), m.end("w"), "follow-up: now") for m in LEAD_NOW_RX.finditer(corrected))
        spans.extend((m.start(), m.end(), "narrowing: " + m.group(0).strip())
                     for m in followups.ONLY_RX.finditer(corrected))
        spans.extend((m.start("p"), m.end("p"), "follow-up: the previous answer's missions")
                     for m in followups.THEY_RX.finditer(corrected))
        problems += followups.restated_total(corrected, scope, previous.scope)
        kept = followups.another_aircraft(previous.scope) if names_aircraft and not narrow else previous.scope
        scope, merge_problems = followups.merge(kept, scope, narrow=narrow)
        cleared, drop_spans = followups.dropped_fields(corrected)
        scope = scope.with_changes(**cleared)
        spans.extend(drop_spans)
        if drop_spans and asked.intent == Intent.COUNT and not any(
                not any(s <= m.start() < e for s, e, _ in drop_spans) for m in COUNT_RX.finditer(corrected)):
            asked = Asked(Intent.UNKNOWN)  # "any place?" widens the question before: its "any" asks no count
        problems += [f"word: {p}" for p in merge_problems]
    if follow_up and previous is not None:  # "what was its callsign?" after "when was the last …?": that record
        asked = single.the_one_before(corrected, previous, asked, spans)
        problems += [u for u in asked.unsupported if u not in problems]
    intent, which, by, rank, top = asked.intent, asked.which, asked.by, asked.rank, asked.top
    if picture == "map" and intent == Intent.UNKNOWN and not follow_up:
        intent = Intent.LIST  # "map of the flights near Crimea": the missions, drawn
    if follow_up and previous is not None and intent == Intent.UNKNOWN:
        intent, which, by, rank, top = previous.intent, previous.which, previous.by, previous.rank, previous.top
        if intent in {Intent.CLAIMS, Intent.CLAIM_EVIDENCE, Intent.HELP, Intent.UNKNOWN}:
            intent = Intent.COUNT

    widened: tuple[str, ...] = ()
    if follow_up and rank and asked.rank:
        scope, widened = _rank_every_group(scope, said, by)
    if which == "empty_days" and (scope.period is None or intent != Intent.COUNT):
        problems.append("the days with no flights of which period (say the period)")
    if which == "least" and by in {"day", "week", "month", "year"} and scope.period is None:
        problems.append(f"the quietest {by} of which period (say the period: empty {by}s count too)")
    if (AND_HOW_MANY_RX.search(corrected) or single.second_how_many(corrected)) and len(reading.periods) < 2 \
            and intent != Intent.COMPARE:
        intent = Intent.COMPARE  # "how many P-8s and how many U-2s?": two numbers, never their sum
        spans.extend((m.start(), m.end(), "asked: comparison") for m in AND_HOW_MANY_RX.finditer(corrected))
    if baseline is not None:
        intent, other_side, more = _baseline_sides(corrected, scope, baseline, spans, reference)
        problems += more
    if len(reading.periods) >= 2 and intent != Intent.COMPARE:
        intent, scope, more = _two_periods(corrected, reading.periods, spans, scope, intent)
        problems += more
    elif len(reading.periods) == 1 and intent != Intent.COMPARE and _gapped(reading.periods[0], reference, vocabulary):
        intent = Intent.COMPARE  # "January and October 2025": the two months, never the months between
    other = other_side if baseline is not None else None
    if intent == Intent.COMPARE and len(reading.periods) > 2:  # "January, February or March": not two sides
        problems.append(f"{len(reading.periods)} periods (I compare two at a time)")
    if intent == Intent.COMPARE and baseline is None:
        by_nation = national_sides(scope, national_spans, vocab)  # "US vs UK flights" (round 17)
        sides = Sides(*by_nation) if by_nation else comparison_sides(
            corrected, reading.__class__(scope=scope, spans=reading.spans, periods=reading.periods),
            reference=reference, previous=prev_scope if follow_up or previous else None,
            vocabulary=vocabulary)  # type: ignore[arg-type]
        if sides is None and follow_up and previous is not None and previous.other is not None:
            sides = None
            scope, other = previous.scope, previous.other
        elif sides is None:
            problems.append("the two things to compare")
        elif _same_side(sides.first, sides.second):  # "up or down from last year?" after a question about last year
            problems.append("the two things to compare (both sides are the same: name the other one)")
        elif _overlapping_change(corrected, sides.first, sides.second):
            problems.append(f"a change between periods that overlap ({sides.first.period.text} and "  # type: ignore[union-attr]
                            f"{sides.second.period.text}): name two separate periods, e.g. \"February 2025 vs "
                            "January 2025\"")
        else:
            scope, other = sides.first, sides.second
            spans.extend(sides.spans)
            for p in (sides.first.period, sides.second.period):
                for m in re.finditer(re.escape(p.text), corrected, _RX) if p is not None and p.text else ():
                    spans.append((m.start(), m.end(), f"period: {m.group(0)}"))
                word = p.text.removeprefix("in ") if p is not None and p.text else ""
                for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", corrected, _RX) if word else ():
                    spans.append((m.start(), m.end(), f"period: {m.group(0)}"))

    if intent == Intent.COMPARE and picture == "map":
        problems.append("a map of a comparison (it would draw both sides' missions as one: ask for a chart, or map "
                        "each side on its own)")
    if intent == Intent.COVERAGE:  # "was there coverage there?" after a P-8 count: that place and period, all traffic
        problems += _coverage_problems(scope, said)
        scope = Scope(regions=scope.regions, and_regions=scope.and_regions, period=scope.period)
    if intent == Intent.CLOSEST and (len(scope.regions) != 1 or scope.and_regions):
        problems.append("how close to which place? (name one place: \"how close did the U-2 get to Texas?\")")
    elif intent == Intent.CLOSEST and scope.regions[0].distance_nm is not None:  # the distance is what is asked
        problems.append("a distance bound beside \"how close\" (ask \"how close did … get to X?\" alone)")
    spans.extend((m.start(), m.start("word"), f"aircraft: {m.group(0)}") for m in cues)
    spans.extend(sky_spans(corrected))
    spans.extend(s for s in polite_spans(corrected, spans)
                 if not (s[2].startswith("near: ") and any(r.relation != "near" for r in scope.regions)))
    problems += guard_problems(corrected, spans, top, follow_up=follow_up,
                               counting=intent in {Intent.COUNT, Intent.UNKNOWN}, comparing=intent == Intent.COMPARE)
    unresolved, wrapped = _places_in_wrappers(corrected, reading.spans, spans, unresolved)
    problems += wrapped
    scope, notes = _places_joined(corrected, scope, spans, intent)
    unread = leftovers(corrected, spans)
    owners = {w: re.sub(r"['’]s$", "", w) for w in unread}  # "PELCN14's flights": the callsign's
    identities = tuple(dict.fromkeys(owners[w] for w in unread
                                     if HEX_RX.fullmatch(owners[w]) or IDENT_RX.fullmatch(owners[w])))
    if identities:
        unread = [w for w in unread if owners[w] not in identities]
        for w in identities:
            for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?:['’]s)?(?![\w-])", corrected):
                spans.append((m.start(), m.end(), f"aircraft: {w}"))
    # "Georgia (the US state … or …?)", "Mich. (…)": the place's own words are not named again as words
    unresolved_lower = {u.split(" (", 1)[0].lower().rstrip(".") for u in unresolved}
    unresolved_lower |= {w.rstrip(".") for u in unresolved_lower for w in u.split()}  # "San Diego": not "San" again
    not_understood = [(f"place without over/near: {u}" if u.lower() in vocab.regions else f"place: {u}")
                      for u in unresolved] + [f"word: {w}" for w in unread
                                              if w.lower().rstrip(".") not in unresolved_lower] + problems
    if intent == Intent.UNKNOWN and not (scope.is_empty() and not identities):
        intent = Intent.COUNT  # "U-2 near Texas in February?" asks for the number
    asks_missions = intent in {Intent.COUNT, Intent.LIST, Intent.WHICH_AIRCRAFT, Intent.WHEN, Intent.BREAKDOWN}
    ranks_groups = intent == Intent.BREAKDOWN and rank  # "rank the operators", "top 5 types": the groups are asked
    if asks_missions and scope.is_empty() and not identities and not follow_up and not SUBJECT_RX.search(corrected) \
            and not ranks_groups:
        intent = Intent.UNKNOWN  # "how many?" with nothing to count
    return ratios.finish(corrected, previous, reference, BotQuery(
        intent=intent, scope=scope, which=which, by=by, rank=rank, top=top, other=other, follow_up=follow_up,
        understood=tuple(label for _, _, label in sorted(spans)),
        not_understood=tuple(dict.fromkeys(not_understood)),
        identities=identities,
        corrections=tuple(corrections),
        notes=(*notes, *widened),
        baseline=baseline.unit if baseline is not None and other is not None else "",
        picture=picture,
    ))


def _same_side(a: Scope, b: Scope) -> bool:
    """Two sides of a comparison that are one scope (the same records), whatever their periods are called."""
    days = [(s.period.start, s.period.end) if s.period is not None else None for s in (a, b)]
    return a.with_changes(period=None) == b.with_changes(period=None) and days[0] == days[1]


def _coverage_problems(scope: Scope, said: Scope) -> list[str]:
    """Coverage is counted per place and hour over all traffic heard: a place is needed (said or the conversation's),
    and a type, operator or other filter of aircraft this question names (or a distance other than the coverage
    radius) cannot be applied to it; the previous question's aircraft filters are simply not coverage's."""
    if not scope.regions and not scope.and_regions:
        return ["coverage where? (name a place: \"was there coverage near Kaliningrad in October 2025?\")"]
    plain = Scope(regions=said.regions, and_regions=said.and_regions, period=said.period)
    filters = "a type, role, operator or other filter of aircraft" if said != plain else ""
    distance = "a distance" if any(r.distance_nm is not None for r in (*scope.regions, *scope.and_regions)) else ""
    return [f"{what} (coverage counts every aircraft heard within {settings.COVERAGE_NEAR_NM:g} nm of a place: ask "
            "without it)" for what in (filters, distance) if what]


def _overlapping_change(text: str, a: Scope, b: Scope) -> bool:
    """"Has that gone up since January 2025?" after February 2025: a change asked between two periods of which one
    holds (part of) the other — February against 1 January 2025 to today — says nothing of up or down."""
    if a.period is None or b.period is None or a.with_changes(period=None) != b.with_changes(period=None):
        return False
    overlap = a.period.start <= b.period.end and b.period.start <= a.period.end
    return overlap and bool(CHANGE_RX.search(text) or TREND_RX.search(text))


def _rank_every_group(scope: Scope, said: Scope, by: str) -> tuple[Scope, tuple[str, ...]]:
    """"Which operator flew the most?" after a question about the RAF's flights: a ranking asked in a follow-up ranks
    every operator (type), not only the one the earlier question kept — unless this question names them itself. A
    class of several (drones, two types) is kept: ranking inside it means something."""
    if by == "operator" and len(scope.operators) == 1 and not said.operators:
        return scope.with_changes(operators=()), ("Ranked over every operator, not only the one asked about before.",)
    if by == "type" and len(scope.type_designators) == 1 and not scope.roles and not (said.type_designators
                                                                                        or said.roles):
        return scope.with_changes(type_designators=(), roles=()), (
            "Ranked over every aircraft type, not only the ones asked about before.",)
    return scope, ()


def _baseline_sides(text: str, scope: Scope, baseline: object, spans: Spans,
                    reference: dt.date) -> tuple[Intent, Scope | None, list[str]]:
    """"February 2025 compared with the 2024 monthly average": this scope against the same scope over the
    baseline's period, averaged per its unit. Declined without a period on this side or a whole past year there."""
    for m in COMPARE_RX.finditer(text):
        spans.append((m.start(), m.end(), "asked: comparison"))
    period = baseline.period  # type: ignore[attr-defined]
    if scope.period is None:
        return Intent.COMPARE, None, ["the period to compare with the average (say which month or week)"]
    if period is None:
        return Intent.COMPARE, None, ["which year the average is over (say \"the 2024 monthly average\")"]
    if period.end >= reference:
        return Intent.COMPARE, None, [f"an average over {period.text}, which is not over yet"]
    return Intent.COMPARE, scope.with_changes(period=period), []


#: "How many in January and how many in February?": two numbers asked for.
AND_HOW_MANY_RX = re.compile(r"(?<=[\w?])[\s,;]+and\s+how\s+many\b", _RX)  # not a follow-up's first words
#: "in each of 2024 and 2025", "in 2024 and 2025 respectively": each period's number, never the span's total.
EACH_OF_RX = re.compile(r"\beach\s+of\b|\brespectively\b|\bseparately\b|\bindividually\b|\beach\b(?=\W*$)", _RX)
_RANGE_GAP_RX = re.compile(r"^[\s,]*(?:to|through|thru|until|till|-|–|—)[\s,]*$", _RX)
_AND_GAP_RX = re.compile(r"^[\s,]*(?:and|&)?[\s,]*$", _RX)
_OF_YEAR_GAP_RX = re.compile(r"^[\s,]*(?:of|in)[\s,]*$", _RX)


def _in_year(months: Period, year: Period) -> bool:
    """Months written without a year, then "of/in <year>": a whole calendar year the months are moved into. Two
    months listed with "and" must be adjacent ("January and March of 2025" is two months, not three: declined)."""
    whole_year = year.start.month == 1 and year.start.day == 1 and (year.end.month, year.end.day) == (12, 31) \
        and year.start.year == year.end.year
    listed = bool(re.search(r"\s(?:and|&)\s", months.text or "")) and months.end.month - months.start.month > 1
    return months.year_inferred and not year.year_inferred and whole_year \
        and months.start.year == months.end.year and not listed


def _two_periods(text: str, periods: list[Period], spans: Spans, scope: Scope,
                 intent: Intent) -> tuple[Intent, Scope, list[str]]:
    """Two periods in a question that is not a comparison yet. "January or February", "how many in January and how
    many in February", "January and October" (not adjacent): both numbers. "January and February 2025", "January
    to March": the span, the year written once applying to both. Anything else ("before 3 February 2025 in 2025")
    is not guessed at."""
    a, b = align_years(periods[0], periods[-1])
    marks = sorted((s, e) for s, e, label in spans if label.startswith("period:"))
    gap = text[marks[0][1]:marks[-1][0]] if len(marks) >= 2 else ""
    if re.search(r"\bor\b", text, _RX) or AND_HOW_MANY_RX.search(text) or EACH_OF_RX.search(text):
        for m in (*AND_HOW_MANY_RX.finditer(text), *EACH_OF_RX.finditer(text)):
            spans.append((m.start(), m.end(), "asked: comparison"))
        return Intent.COMPARE, scope, []
    if len(periods) == 2 and _OF_YEAR_GAP_RX.match(gap) and _in_year(periods[0], periods[1]):
        return intent, scope.with_changes(period=a), []  # "January and February of 2025": the months of that year
    if len(periods) == 2 and (len(marks) < 2 or _AND_GAP_RX.match(gap)) and a.start <= b.end:
        if b.start > a.end + dt.timedelta(days=1):  # "January and October 2025": two months, not the months between
            return Intent.COMPARE, scope, []
        return intent, _span(scope, a, b), []
    if len(periods) == 2 and _RANGE_GAP_RX.match(gap) and a.start <= b.end:
        return intent, _span(scope, a, b), []
    return intent, scope, [f"{len(periods)} periods that are not one range (ask with one period, or "
                           "\"X or Y\" for both numbers)"]


def _gapped(period: Period, reference: dt.date, vocabulary: object) -> bool:
    """Whether the reader's one period is two listed with "and" that leave a gap between them ("January and
    October 2025" is not January to October). "Between … and …" is a range."""
    from bot.nlu.compare import split_periods

    if not re.search(r"\s(?:and|&)\s", period.text) or re.match(r"\s*(?:between|from)\b", period.text, _RX):
        return False
    sides = split_periods(period.text, reference=reference, vocabulary=vocabulary)  # type: ignore[arg-type]
    if len(sides) != 2:
        return False
    a, b = align_years(*sides)
    return b.start > a.end + dt.timedelta(days=1)


def _span(scope: Scope, a: Period, b: Period) -> Scope:
    return scope.with_changes(period=Period(a.start, b.end, scope.period.text if scope.period else "",
                                            year_inferred=a.year_inferred and b.year_inferred))


BOTH_RX = re.compile(r"\bboth\s+(?:of\s+)?$", _RX)
#: "near Texas and also near Arizona", "and then over Arizona", "as well as near Arizona": both places.
ALSO_RX = re.compile(r"\b(?:and\s+)?(?:also|then|as\s+well\s+as)\b", _RX)


def _places_joined(text: str, scope: Scope, spans: Spans, intent: Intent) -> tuple[Scope, tuple[str, ...]]:
    """"Near Texas and Arizona" is read as near either place (a mission near one or both counts once), and the
    answer says so; "near both Texas and Arizona" asks for missions near both (every place must match)."""
    places = sorted((s, e, label) for s, e, label in spans if label.startswith("region:"))
    if intent == Intent.COMPARE or len(scope.regions) < 2 or len(places) < 2:
        return scope, ()
    gaps = [text[places[i][1]:places[i + 1][0]] for i in range(len(places) - 1)]
    named = [text[s:e] for s, e, _ in places]
    also = [(places[i][1] + m.start(), m.group(0)) for i, g in enumerate(gaps) for m in [ALSO_RX.search(g)] if m]
    if also and not any(re.search(r"\bor\b", g, _RX) for g in gaps):  # "near Texas and also near Arizona": all
        spans.extend((at, at + len(words), "places: " + words) for at, words in also)
        return scope.with_changes(regions=scope.regions[:1], and_regions=(*scope.and_regions, *scope.regions[1:])), (
            "Read \"" + "\", \"".join(named) + f"\" with \"{also[0][1]}\" as every one of those places: a mission "
            "counts only if it matches all of them.",)
    if any(re.search(r"\bor\b", g, _RX) for g in gaps):
        return scope, ()
    if not any(re.search(r"\band\b|&|,", g, _RX) for g in gaps):
        # "P-8 flights near Texas in 2025: how many were over Mexico?": the second place narrows the first (two places
        # in a row narrow each other), never their union
        return scope.with_changes(regions=scope.regions[:1], and_regions=(*scope.and_regions, *scope.regions[1:])), (
            "Read \"" + "\" and \"".join(named) + "\" as every one of those places: a mission counts only if it "
            "matches all of them.",)
    lead = text[max(0, places[0][0] - 20):places[0][0]]
    both = BOTH_RX.search(lead)
    if both:
        at = places[0][0] - len(lead) + both.start()
        spans.append((at, at + len(both.group(0).rstrip()), "places: both"))
        regions = scope.regions
        return scope.with_changes(regions=regions[:1], and_regions=(*scope.and_regions, *regions[1:])), (
            "Read \"both " + " and ".join(named) + "\" as every one of those places: a mission counts only if it "
            "matches all of them.",)
    return scope, ("Read \"" + " and ".join(named) + "\" as either place: a mission near one or both of them "
                   "counts once. For missions that match every one of them, ask \"both " + " and ".join(named)
                   + "\".",)


def _extras(text: str, reading: QuestionReading, spans: Spans, vocab: Vocab, *, reference: dt.date,
            vocabulary: object) -> Scope:
    """Question-only constraints on the read scope: "other than P-8s", "non-military", "so far"."""
    scope = reading.scope
    for m in EXCEPT_RX.finditer(text):
        excluded = []
        last_end = m.end()
        for s, e, label in sorted(reading.spans):  # "except P-8s and U-2s": every type listed right after
            if label.startswith("aircraft:") and last_end <= s <= last_end + 4 + _joiner(text[last_end:s]):
                word = text[s:e]
                found = vocab.types.get(word.lower()) or vocab.types.get(word.lower().rstrip("s"))
                if found:
                    excluded.append(found)
                    last_end = max(last_end, e)
        if excluded and not set(scope.type_designators) - set(excluded):
            scope = _roles_without(text, m.start(), last_end, scope, spans, reference, vocabulary)
        if excluded:
            spans.append((m.start(), m.end(), "excluding: " + m.group(0).strip()))
            kept = tuple(d for d in scope.type_designators if d not in excluded)
            scope = scope.with_changes(type_designators=kept,
                                       exclude_types=tuple(dict.fromkeys((*scope.exclude_types, *excluded))))
    scope = _operators_left_out(text, reading, scope, spans, vocab)
    scope = _roles_left_out(text, reading, scope, spans, vocabulary)
    if scope.type_designators and not (scope.roles or scope.surveillance_only):
        _roles_of_named_types(text, reading, scope, spans, reference, vocabulary)
    for m in CIVIL_RX.finditer(text):
        spans.append((m.start(), m.end(), "non-military: " + m.group(0)))
        scope = scope.with_changes(civil_only=True, military_only=False)
    for m in COAST_RX.finditer(text):  # "off the coast of California": near it, as "off California" is
        if any(label.startswith("region:") and m.end() <= s <= m.end() + 5 for s, _, label in reading.spans):
            spans.append((m.start(), m.end(), "near: " + m.group(0)))
    for s, e, label in reading.spans:  # "off the Baja coast": near Baja
        coast = COAST_AFTER_RX.match(text[e:]) if label.startswith("region:") else None
        if coast and OFF_BEFORE_RX.search(text[max(0, s - 12):s]):
            spans.append((e, e + coast.end(), "near: " + coast.group(0).strip()))
    for m in SO_FAR_RX.finditer(text):
        if scope.period is not None:
            spans.append((m.start(), m.end(), "period: " + m.group(0)))
    return scope


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    for s, e in ranges:
        text = text[:s] + " " * (e - s) + text[e:]
    return text


def _tasking_bodies(scope: Scope, spans: Spans, text: str, vocab: Vocab) -> list[str]:
    """"NATO flights": an alliance or command whose members' services own the aircraft
    (``evidence.reference_data.operators.TASKING_BODIES``) — no record is under its name, so never counted as 0."""
    from evidence.reference_data.operators import TASKING_BODIES

    named = {vocab.operators.get(text[s:e].lower()): text[s:e] for s, e, label in spans
             if label.startswith("operator:")}
    return [f"operator: {named.get(slug) or slug} (its flights are recorded under each member's own service: name "
            "it, e.g. \"RAF\" or \"US Air Force\")" for slug in (*scope.operators, *scope.exclude_operators)
            if slug in TASKING_BODIES]


#: "excluding the RAF", "non-RAF", "not flown by the RAF", "were not by the Navy", "other than Navy ones": an operator
#: left out.
EXCEPT_OPERATOR_RX = re.compile(EXCEPT_RX.pattern + r"$|\bnon-?\s*$|\bnot\s+(?:(?:flown|operated)\s+)?by\s+(?:the\s+)?$"
                                r"|\bwithout\s+(?:the\s+)?$",
                                _RX)


def _operators_left_out(text: str, reading: QuestionReading, scope: Scope, spans: Spans, vocab: Vocab) -> Scope:
    """An operator named right after an exclusion word is left out instead of asked for ("flights near
    Kaliningrad excluding the RAF": every operator but the RAF, and aircraft of no known operator), and so is every
    operator listed right after it ("excluding the Navy and the Air Force"). An operator also named elsewhere in the
    question ("Navy flights excluding the Navy") is left as it is, and the exclusion word unread (declined)."""
    named = [(s, e, vocab.operators.get(text[s:e].lower())) for s, e, label in sorted(reading.spans)
             if label.startswith("operator:")]
    out: list[str] = []
    last_end = -1
    for s, e, slug in named:
        m = EXCEPT_OPERATOR_RX.search(text[max(0, s - 30):s])
        listed = last_end >= 0 and _joiner(text[last_end:s]) == s - last_end
        if (m is None and not listed) or slug is None or slug not in scope.operators \
                or _describes_next(e, reading.spans, text) or [n for _, _, n in named].count(slug) > 1:
            last_end = -1
            continue
        out.append(slug)
        last_end = e
        if m is not None:
            spans.append((s - len(text[max(0, s - 30):s]) + m.start(), s, "excluding: " + m.group(0).strip()))
    if not out:
        return scope
    return scope.with_changes(operators=tuple(o for o in scope.operators if o not in out),
                              exclude_operators=tuple(dict.fromkeys((*scope.exclude_operators, *out))))


#: Before a role word, the words that leave it out: the exclusions above, and "non-" ("non-drone flights").
EXCEPT_ROLE_RX = re.compile(EXCEPT_RX.pattern + r"$|\bnon-?\s*$", _RX)


def _roles_left_out(text: str, reading: QuestionReading, scope: Scope, spans: Spans, vocabulary: object) -> Scope:
    """"Not counting drones", "minus the tankers", "non-drone flights" (round 15): a role word right after an
    exclusion word leaves every type of that role out (the types the vocabulary gives that role; a mission of no
    known type stays), instead of asking for it. Only when the role is the question's one role word."""
    role_spans = [(s, e) for s, e, label in reading.spans if label.startswith("role:")]
    words = {w.phrase.lower(): w for w in getattr(vocabulary, "role_words", ())}
    kept = None
    if len(role_spans) == 2:  # "spy planes other than drones", "non-drone surveillance flights" (round 17)
        left = [(s, e) for s, e in role_spans if EXCEPT_ROLE_RX.search(text[max(0, s - 30):s])]
        kept = words.get(next((text[s:e] for s, e in role_spans if (s, e) not in left), "").lower())
        if len(left) != 1 or kept is None:
            return scope
        role_spans = left
    elif len(role_spans) != 1 or len(scope.roles) > 1:
        return scope
    s, e = role_spans[0]
    m = EXCEPT_ROLE_RX.search(text[max(0, s - 30):s])
    word = words.get(text[s:e].lower())
    if m is None or word is None or (kept is not None and kept.key == word.key):
        return scope
    types = tuple(a.designator for a in getattr(vocabulary, "aircraft", ())
                  if (a.is_surveillance if word.key == "surveillance" else a.role in word.roles))
    if not types:
        return scope
    spans.append((s - len(text[max(0, s - 30):s]) + m.start(), s, "excluding: " + m.group(0).strip()))
    if kept is not None:  # the other kind is the question's
        return scope.with_changes(roles=() if kept.key == "surveillance" else kept.roles,
                                  surveillance_only=kept.key == "surveillance",
                                  exclude_types=tuple(dict.fromkeys((*scope.exclude_types, *types))))
    return scope.with_changes(roles=(), surveillance_only=False,
                              exclude_types=tuple(dict.fromkeys((*scope.exclude_types, *types))))


#: What may stand between the items of one excluded list: "the P-8s and the U-2s", "drones, the Navy".
_LIST_GAP_RX = re.compile(r"^[\s,]*(?:(?:and|or|&|nor)\s+)?(?:the\s+)?$", _RX)
#: A place or a day attached to the excluded thing: "the P-8 on 5 February", "the P-8s near Arizona".
_ATTACHED_RX = re.compile(r"^\s*(?:the\s+)?(?:ones?\s+|flights?\s+|missions?\s+)?(?:on|near|over|off|around|along"
                          r"|close\s+to|within)\s+(?:the\s+)?$", _RX)


def _mixed_exclusions(text: str, reading: QuestionReading, scope: Scope, spans: Spans, vocab: Vocab) -> list[str]:
    """"Except P-8s and the Navy", "excluding the Navy and P-8s", "not counting the P-8 on 5 February 2025",
    "excluding the P-8s near Arizona" (round 15): a list after an exclusion word whose items are not all left out,
    or a place or a day attached to the thing left out, would be answered for a scope nobody asked — declined naming
    the exclusion word. A period said with "in" after it ("other than P-8s in 2024") is the question's own."""
    items = sorted((s, e, label) for s, e, label in reading.spans
                   if label.startswith(("aircraft:", "operator:", "role:", "region:", "period:")))
    places = sum(label.startswith("region:") for _, _, label in items)
    problems = []
    for xs, xe, label in sorted(spans):
        if not label.startswith("excluding:") or label.rstrip().endswith(("non", "non-")):
            continue  # "non-Navy flights near Texas": the place is the question's
        pos, first, last = xe, True, ""
        for s, e, what in items:
            if s < pos:
                continue
            gap = text[pos:s]
            attached = not first and bool(_ATTACHED_RX.match(gap))
            if not ((first and not gap.strip(" ,")) or _LIST_GAP_RX.match(gap) or attached):
                break
            # a place attached when the question names another place, a day attached to one mission ("the P-8 on …")
            tied = attached and ((what.startswith("region:") and places > 1)
                                 or (what.startswith("period:") and gap.strip().lower().startswith("on")
                                     and not last.lower().endswith("s")))
            if (attached and not tied) or (not attached and what.startswith(("region:", "period:"))):
                break  # a place or a period after the list is the question's own ("other than P-8s in 2024")
            if tied or not _left_out(text[s:e], what, scope, vocab):
                problems.append(f"word: {text[xs:xe].strip()} (not everything after it is left out: ask with the "
                                "things left out alone, e.g. \"other than P-8s and the Navy\")")
                break
            pos, first, last = e, False, text[s:e]
    return problems


def _left_out(words: str, label: str, scope: Scope, vocab: Vocab) -> bool:
    """Whether a span right after an exclusion word is one of the things the scope leaves out."""
    low = words.lower()
    if label.startswith("aircraft:"):
        found = vocab.types.get(low) or vocab.types.get(low.rstrip("s"))
        return bool(found) and found in scope.exclude_types
    if label.startswith("operator:"):
        return vocab.operators.get(low) in scope.exclude_operators
    if label.startswith("role:"):
        return not scope.roles and bool(scope.exclude_types)
    return False


def _places_in_wrappers(text: str, read: Spans, spans: Spans, unresolved: list[str]) -> tuple[list[str], list[str]]:
    """"Quick one from the London desk:", "For the Nairobi desk:": a place inside the words before the question is
    where the asker sits. An unknown one ("London") is not reported; a known one ("the Texas desk") was read as a
    place asked about, so the question is declined naming it (never answered with it, nor silently without it)."""
    wrappers = [(s, e) for s, e, label in spans if label.startswith("asked: ")]

    def inside(s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in wrappers)

    def only_inside(word: str) -> bool:
        found = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
        return bool(found) and all(inside(s, e) for s, e in found)

    kept = [u for u in unresolved if not only_inside(u.split(" (", 1)[0])]
    return kept, [f"word: {label.split(': ', 1)[1]} (a place in the words before the question: ask about it in the "
                  "question itself)" for s, e, label in read if label.startswith("region:") and inside(s, e)]


def _describes_next(end: int, spans: Spans, text: str) -> bool:
    """"other than Navy P-8s": the operator describes the aircraft after it, so what is left out is the Navy's
    P-8s, not the Navy (left unread, and declined)."""
    return any(label.startswith(("aircraft:", "role:")) and s >= end and re.fullmatch(r"(?:['’]s)?\s*", text[end:s])
               for s, _, label in spans)


def _joiner(gap: str) -> int:
    """How far a list joiner between two excluded types reaches ("P-8s and U-2s", "P-8s, U-2s or E-3s")."""
    m = re.fullmatch(r"\s*(?:,\s*)?(?:(?:and|or|nor)\s+)?(?:the\s+)?", gap, _RX)
    return len(gap) if m else 0


def _roles_without(text: str, start: int, end: int, scope: Scope, spans: Spans, reference: dt.date,
                   vocabulary: object) -> Scope:
    """"Surveillance flights other than P-8s": the reader drops role words when a type is named, but here the only
    type named is the excluded one, so the role is read again from the question without the excluded words."""
    blank = text[:start] + " " * (end - start) + text[end:]
    again = read_question(blank, reference=reference, vocabulary=vocabulary)  # type: ignore[arg-type]
    if not (again.scope.roles or again.scope.surveillance_only):
        return scope
    spans.extend(s for s in again.spans if s[2].startswith("role:"))
    return scope.with_changes(roles=again.scope.roles, surveillance_only=again.scope.surveillance_only)


def _roles_of_named_types(text: str, reading: QuestionReading, scope: Scope, spans: Spans, reference: dt.date,
                          vocabulary: object) -> None:
    """"Global Hawk drone flights", "U-2 spy plane missions": the reader drops a role word next to a named type. It is
    used (marked as a span) only when every named type has that role; "P-8 drone flights" keeps "drone" unread."""
    if not leftovers(text, [*spans, *reading.spans]):
        return
    blank = text
    for s, e, label in reading.spans:
        if label.startswith("aircraft:"):
            blank = blank[:s] + " " * (e - s) + blank[e:]
    again = read_question(blank, reference=reference, vocabulary=vocabulary)  # type: ignore[arg-type]
    if not (again.scope.roles or again.scope.surveillance_only) or again.scope.type_designators:
        return
    by_designator = getattr(vocabulary, "aircraft_by_designator", {})
    for d in scope.type_designators:
        entry = by_designator.get(d)
        if entry is None or not (entry.role in again.scope.roles
                                 or (again.scope.surveillance_only and entry.is_surveillance)):
            return
    spans.extend((s, e, label + " (the named aircraft's role)") for s, e, label in again.spans
                 if label.startswith("role:"))


def _place_follow_up(text: str, scope: Scope, unresolved: list[str], spans: Spans, vocab: Vocab,
                     previous: Scope) -> tuple[Scope, list[str]]:
    """"What about Arizona?": a known place named without over/near takes the previous question's relation."""
    if scope.regions or not followups.WHAT_ABOUT_RX.search(text):
        return scope, unresolved
    regions = []
    still = []
    for name in unresolved:
        slug = vocab.regions.get(name.lower())
        if slug is None:
            still.append(name)
            continue
        regions.append(followups.place_without_relation(name, slug, previous))
        for m in re.finditer(re.escape(name), text, _RX):
            spans.append((m.start(), m.end(), f"region: {name}"))
    if regions:
        scope = scope.with_changes(regions=tuple(regions))
    return scope, still


# --- bare months and days ---------------------------------------------------------------------------------------------


def resolve_inferred_years(
    query: BotQuery, *, today: dt.date, has_missions: Callable[[dt.date, dt.date], bool], max_years: int = 10
) -> BotQuery:
    """A month or day written without a year means the most recent one, not after today, that holds any mission.

    The reader already chose the most recent one not after today; this steps back a year at a time while that span
    holds no mission at all (of any kind), and records the choice so the answer can say it. Open-ended periods that
    run to today ("since January") are left alone. Both sides of a comparison are resolved.
    """
    scope, notes = _resolve_scope(query.scope, today, has_missions, max_years)
    other = query.other
    if other is not None:
        other, more = _resolve_scope(other, today, has_missions, max_years)
        notes += more
    return replace(query, scope=scope, other=other, notes=(*query.notes, *notes))


def _resolve_scope(scope: Scope, today: dt.date, has_missions: Callable[[dt.date, dt.date], bool],
                   max_years: int) -> tuple[Scope, tuple[str, ...]]:
    period = scope.period
    if period is None or not period.year_inferred or period.end >= today:
        return scope, ()
    from evidence.selectors import describe_period, shift_period_years

    for back in range(0, max_years + 1):
        candidate = shift_period_years(period, -back)
        if candidate is None or candidate.start > today:
            continue
        if has_missions(candidate.start, candidate.end):
            note = (f'"{period.text or "that period"}" read as {describe_period(candidate)}, the most recent one with '
                    "any flight records")
            return scope.with_changes(period=candidate), (note,)
    return scope, (f"no year given and no records in any recent year for {period.text or 'that period'}; used "
                   f"{describe_period(period)}",)


def future_period(query: BotQuery, today: dt.date) -> Period | None:
    """A period of the question that starts after today (there can be no records for it yet)."""
    for scope in (query.scope, query.other):
        if scope is not None and scope.period is not None and scope.period.start > today:
            return scope.period
    return None
