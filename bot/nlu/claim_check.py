"""A claim lifted from an article and put to the bot: "Is it true that Navy P-8s flew 11 missions near Texas in
February 2025?", "Check: a U-2 flew near the border on 3 February 2025", "Reuters reports B-52s off Venezuela in
October 2025; how many?".

The claim is asked as "how many …?" over its scope. What is around it is read here, before the scope is read:

- the frame that asks for a check ("is it true that", "check:", "verify:", "fact-check:", "can you verify that", and
  at the end "— true?", "is that right?", "how many do the records show?", "does the flight data back that up?");
- the words that only quote the source ("Reuters reports", "the article says", "according to the Desert Ledger,",
  "our reporter writes that"): the claim's attribution, which filters nothing (the records are not the source) and
  is said back in the answer, wherever it stands;
- the number the claim states ("11", "eleven", "a dozen", "more than 10", "nearly 20", "several"): the answer says
  it back beside the records' count (digits; the qualifier as written), and the verdict stays a person's. A claim
  with two numbers ("eleven of the 18 missions") is declined: which one is checked?

Every word read here is blanked (same length, so the reader's offsets still hold) and reported as a note; anything
else in the claim is read as in a question, so a claim about purpose, altitude or a change is declined by its words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.nlu.query import BotQuery, Intent
from claims.nlp.dates import NUMBER_WORDS, QUALIFIERS, StoryDay
from claims.nlp.lexicon import HEDGE_RX

_RX = re.IGNORECASE

#: Who a claim is quoted from: a name in capitals ("Reuters", "CNN", "The AP", "the Desert Ledger") or the story words.
_SOURCE = (r"(?:(?i:the|a|an|our|one|this|that)\s+)?(?:(?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){0,3}"
           r"|(?:[A-Z][\w.&'’-]*\s+){0,3}(?i:(?:(?:news|wire|press|local|our|the|defen[cs]e|military|government"
           r"|senior|intelligence|security|diplomatic|industry|administration|anonymous)\s+){0,2}"
           r"(?:article|story|piece|report"
           r"|reporter|outlet|headline|wire|source|paper|newspaper|post|agency|draft|copy|official|(?:flight[-\s]+)?"
           r"tracker|analyst|observer|monitor)s?))")
#: The verb, written in lower case ("the United States" is no source that "States").
_SAYS = (r"(?:reports?|reported|says?|said|claims?|claimed|writes|wrote|states?|stated|alleges?|alleged|notes|noted"
         r"|suggests?|suggested|asserts?|asserted|reads"
         # "… told Reuters that" (round 19): the outlet told is part of the source
         r"|told\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})")
#: A desk's preface before a colon ("Before we publish:", "Quick check before filing:", "For a story:", "Need a number
#: for the story:", "Double-check for me:"): two to seven words of the newsroom's, none of them a filter.
_DESK_WORDS = (r"(?:before|we|publish|publishing|print|filing|file|go|goes|need|needed|a|the|number|figure|for|story"
               r"|piece|article|report|quick|quickly|check|double[-\s]?check|fact[-\s]?check|sanity|request|me|please"
               r"|our|this|one|to|up|final|i|tonight['’]s|tonight|today['’]s|fact|desk|editor|copy|headline"
               r"|pasting|pasted|paste|from|draft|line|sentence|quote|lede|paragraph|in|an|have|has|got|asks|asked"
               r"|reporter|filed|post)")
_PREFACE = rf"(?:{_DESK_WORDS}\s+){{1,6}}{_DESK_WORDS}"
#: At the start: the check asked for, or the source and its verb.
LEAD_RX = re.compile(
    r"^\W*(?:(?i:(?:is\s+it\s+(?:true|correct|right|accurate)|(?:can|could)\s+you\s+(?:verify|check|confirm)"
    r"|please\s+(?:verify|check|confirm))(?:\s+(?:that|whether|if))?[\s,:]*"
    r"|(?:verify|check|confirm|fact[-\s]?check)\s*(?::|\bthat\b|\bwhether\b)[\s,]*"
    rf"|{_PREFACE}\s*[:—–,]\s*"
    # "True or false:", "Claim:", "Is this right:", "Fact check this —": a claim set out after a colon or a dash
    r"|(?:true\s+or\s+false|claim|headline|lede|lead|excerpt|is\s+(?:this|that)\s+(?:right|true|correct|accurate)"
    r"|fact[-\s]?check\s+this"
    r"|(?:verify|check|confirm)\s+this|does\s+(?:this|that|it)\s+(?:hold|stand)(?:\s+up)?)\s*[:—–]\s*"
    # "Is this headline right: '…'?", "Is the headline 'Spy planes …' fair?" (round 19)
    r"|is\s+(?:this|that|the)\s+headline(?:\s+(?:right|true|correct|accurate|fair))?\s*[:—–]?\s*"
    # "Can we say that …?", "Is it accurate to say …?" (round 19): the claim after the words
    r"|(?:(?:can|could|may)\s+(?:we|i)\s+(?:say|write|report|claim)"
    r"|(?:is|would)\s+it\s+(?:be\s+)?(?:true|correct|right|accurate|fair)\s+to\s+(?:say|write|report)"
    r"|would\s+(?:the\s+)?(?:records|data|flight\s+data)\s+(?:support|back)\s+(?:saying|writing))"
    r"(?:\s+that)?[\s,:]+)"
    rf"|{_SOURCE}\s+{_SAYS}(?:\s+(?i:that))?[\s,:]+)")
#: Anywhere, between commas or at an end: "according to the Desert Ledger,", ", according to Pentagon officials,";
#: "per" only with its article ("per the Desert Ledger"): "per P-8", "per day" are units.
ACCORDING_RX = re.compile(r"(?:^|(?<=[\s,]))(?:according\s+to\s+(?:the\s+)?|per\s+the\s+"
                          r"|per\s+(?=(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))*\s*,))"
                          r"(?!(?:records|data|flight\s+data)\b)"
                          r"(?:(?-i:[A-Z])|article|story|piece|report|officials?)[^,.;?!—–]{0,60}?"
                          r"(?=\s*(?:[,.;?!—–]|$))", _RX)
#: Between commas: "…, as Flightradar24 showed, …" (round 19).
AS_SHOWN_RX = re.compile(rf"(?:^|,)\s*(?i:as)\s+{_SOURCE}\s+(?i:showed|shows|shown|{_SAYS})\s*,")
#: After the claim: "…, the Pentagon said.", "…, Reuters reported".
SAID_AFTER_RX = re.compile(rf",\s*(?i:as\s+)?{_SOURCE}\s+{_SAYS}(?=\s*(?:[.;?!—–]|$))")
_THE_DATA = r"(?:(?:the|our)\s+)?(?:records|data|flight\s+data|flight\s+records|tracks)"
#: At the end: "— how many do the records show?", "; how many?", "Is that right?", "— true?".
TAIL_RX = re.compile(
    r"[\s,;:.—–-]+(?:(?:so\s+)?how\s+many(?:\s+(?:do|does|did)\s+" + _THE_DATA + r"\s+(?:show|hold|say))?"
    r"|how\s+many\s+(?:were\s+there|did\s+they\s+fly)(?:\s+really)?"
    r"|what\s+do(?:es)?\s+" + _THE_DATA + r"\s+(?:say|show)"
    r"|is\s+(?:that|this|it)\s+(?:right|true|correct|accurate|so|in\s+" + _THE_DATA + r")"
    r"|(?:do|does)\s+" + _THE_DATA + r"\s+(?:back\s+(?:that|this|it)\s+up|support\s+(?:that|this|it)|show\s+"
    r"(?:that|this|it))"
    r"|how\s+many\s+do\s+(?:we|you)\s+(?:have|show|see|count)"
    r"|(?:can|could)\s+you\s+(?:confirm|verify|check)(?:\s+(?:that|this|it))?"
    r"|does\s+(?:that|this|it)\s+(?:hold|stand)(?:\s+up)?|(?:can|could)\s+we\s+stand\s+(?:that|this|it)\s+up"
    r"|is\s+(?:that|this|it)\s+what\s+" + _THE_DATA + r"\s+shows?"
    r"|(?:is\s+(?:that|this|it)\s+)?supported(?:\s+by\s+" + _THE_DATA + r")?"
    r"|true|correct|right|accurate|really)\s*[?.!]*\s*$", _RX)

#: A verdict asked after a claim stated with no frame before it: "A U-2 flew near the border on 3 February. true?",
#: "Four Global Hawk flights over the Black Sea in October 2025 — is that right?" (round 15: a pasted sentence).
VERDICT_TAIL_RX = re.compile(r"^\W*(?:is\s+(?:that|this|it)\s+(?:right|true|correct|accurate)|true|correct|right"
                             r"|accurate|does\s+(?:that|this|it)\s+(?:hold|stand)(?:\s+up)?"
                             r"|is\s+(?:that|this|it)\s+what\s+the\s+(?:records|data)\s+shows?"
                             r"|(?:is\s+(?:that|this|it)\s+)?supported"
                             r"(?:\s+by\s+the\s+(?:records|data))?)\W*$", _RX)
#: A question's first words: what comes before a verdict tail is a question, not a stated claim.
QUESTION_START_RX = re.compile(r"^\W*(?:how|when|which|what|who|where|why|did|do|does|is|are|was|were|has|have|had"
                               r"|can|could|list|show|any)\b", _RX)


CHECK_WORD_RX = re.compile(r"\b(?:verify|check|confirm|true|correct|right|accurate|claim|fact|says?|said|reports?"
                           r"|reported|writes|wrote|states?|stated)\b", _RX)


def _stated_then_verdict(before: str, tail: str) -> bool:
    return bool(VERDICT_TAIL_RX.match(tail)) and bool(before.strip()) and not QUESTION_START_RX.match(before)


#: "how many P-8 flights near Texas do the records show in February 2025?": the records' count, asked for in the
#: middle of the question (read here: the reader takes "the records show …" for a quote of what follows).
DATA_SHOWS_RX = re.compile(r"\b(?:do|does|did|can)\s+" + _THE_DATA + r"\s+(?:show|say|have|hold|give)\b", _RX)

#: The qualifiers the shared reader knows (claims.nlp.dates.QUALIFIERS: "well over", "just under", "an estimated"…).
_QUALIFIER = "(?:" + "|".join(re.escape(q).replace(r"\ ", r"\s+")
                              for q in sorted(QUALIFIERS, key=len, reverse=True)) + ")"
_WORD_NUMBER = "|".join(sorted((w.replace(" ", r"\s+") for w in NUMBER_WORDS
                                if w not in {"a", "an", "several", "a few", "couple"}), key=len, reverse=True))
#: A stated number: "more than 10", "eleven", "a dozen", "half a dozen", and the vague amounts that state none.
STATED_RX = re.compile(
    # up to three digits: "168754" is a registration, "1,200" is read no further (declined by its rest)
    # "between 10 and 15 flights", "three or four" (round 19): a range stated, both ends said back — never the days
    # 10–15 (tried first: "three" alone is not what "three or four" states)
    rf"(?<![\w-])(?P<range>(?:between\s+(?P<lo>\d{{1,3}}|{_WORD_NUMBER})\s+and|(?P<lo2>\d{{1,3}}|{_WORD_NUMBER})"
    rf"\s+or)\s+(?P<hi>\d{{1,3}}|{_WORD_NUMBER}))(?![\w/-])"
    rf"|(?<![\w$£€/.:-])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>half\s+a\s+dozen|\d{{1,3}}|{_WORD_NUMBER})(?![\w/-])"
    r"(?P<times>\s+times\b)?|(?<![\w-])(?P<adverb>once|twice|thrice)(?![\w-])"
    # "double-digit", "in double figures" (round 19): ten or more
    r"|(?<![\w-])(?P<double>(?:a\s+)?double[-\s](?:digit|figure)s?(?:\s+(?:number|count)\s+of)?)(?![\w-])"
    r"|(?<![\w-])(?P<vague>(?:(?:more|fewer|less)\s+than\s+)?(?:several|dozens\s+of|scores\s+of|a\s+handful\s+of"
    r"|a\s+few|a\s+number\s+of|numerous))"
    r"(?![\w-])", _RX)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: What makes a number a date, a length of time, a distance or a name, not a number of missions.
NOT_STATED_AFTER_RX = re.compile(
    rf"^(?:st|nd|rd|th)?\s*(?:(?:of\s+)?{_MONTH}\b|[-–/:]|(?:and|to|through|until)\s+\d|(?:days?|nights?|weeks?"
    r"|fortnights?|months?|years?|hours?|minutes?|nm|nmi|km|kilomet|miles?|mi\b|nautical|feet|ft\b|foot|%|percent"
    r"|per\s+cent|million|billion|thousand|,\d))", _RX)
NOT_STATED_BEFORE_RX = re.compile(rf"(?:\b{_MONTH}|[-–/]|\b(?:the\s+)?(?:first|last|final|next|past)|\bwithin"
                                  r"|\btop|\bQ)\s*$", _RX)


@dataclass(frozen=True)
class ClaimFrame:
    """The question with the frame, the source and the stated number blanked; what was read, for the notes."""

    text: str
    frame: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    #: Words that ask for the records' count ("do the records show"): read, nothing more.
    asked: tuple[str, ...] = ()
    #: Words that only hedge the claim ("reportedly", "is said to have"): read, nothing more.
    hedges: tuple[str, ...] = ()
    stated: str = ""
    #: A reason the claim cannot be checked as a count ("two numbers").
    problem: str = ""


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def read_frame(text: str) -> ClaimFrame | None:
    """The claim-check frame around ``text``, or None when the question is not a claim put to the bot (a plain
    question that quotes a source — "…, according to Pentagon officials, …" — is read here too)."""
    frame: list[str] = []
    source: list[str] = []
    lead = LEAD_RX.match(text)
    preface = lead is not None and bool(QUESTION_START_RX.match(text[lead.end():])) \
        and not CHECK_WORD_RX.search(lead.group(0))
    if lead is not None and preface:  # "quick one: when was the last U-2 flight?": the desk's words before a
        text, lead = _blank(text, lead.start(), lead.end()), None  # question, read but no claim's frame
    if lead is not None and lead.group(0).strip():
        words = lead.group(0).strip(" ,:")
        (source if re.search(_SAYS, words, _RX) and not re.match(r"\W*(?:is|can|could|please|verify|check|confirm"
                                                                 r"|fact|would|may)\b", words, _RX)
         else frame).append(words)
        text = _blank(text, lead.start(), lead.end())
    second = LEAD_RX.match(text) if lead is not None else None  # "In a post, an analyst says …": two leads
    if second is not None and second.group(0).strip() and re.search(_SAYS, second.group(0)):
        source.append(second.group(0).strip(" ,:"))
        text = _blank(text, second.start(), second.end())
    for rx in (ACCORDING_RX, SAID_AFTER_RX, AS_SHOWN_RX):
        for m in rx.finditer(text):
            source.append(m.group(0).strip(" ,"))
            text = _blank(text, m.start(), m.end())
    hedges = []
    for m in HEDGE_RX.finditer(text):
        hedges.append(m.group(0))
        text = _blank(text, m.start(), m.end())
    tail = TAIL_RX.search(text)
    if tail is not None and (frame or source or hedges or _stated_then_verdict(text[:tail.start()],
                                                                                 tail.group(0))):
        frame.append(tail.group(0).strip(" ,;:.—–-"))
        text = _blank(text, tail.start(), tail.end())
    asked = []
    for m in DATA_SHOWS_RX.finditer(text):
        asked.append(m.group(0).strip(" ,"))
        text = _blank(text, m.start(), m.end())
    if not frame and not source and not asked and not hedges:
        return ClaimFrame(text=text) if preface else None
    if not frame:  # a question that quotes a source: nothing stated to say back
        return ClaimFrame(text=text, source=tuple(source), asked=tuple(asked), hedges=tuple(hedges))
    return replace(_stated(text, tuple(frame), tuple(source)), hedges=tuple(hedges))


#: "60% of the flights", "half of the P-8 flights", "most of them": a share claimed, which a count does not check.
SHARE_CLAIMED_RX = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent\b|per\s+cent\b)|\b(?:half|a\s+third|two[-\s]thirds"
                              r"|a\s+quarter|three[-\s]quarters|(?:the\s+)?(?:majority|minority|bulk)|most|all\s+but"
                              r"|a\s+fraction)\s+of\b|\b(?:one|two|three|four|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?"
                              r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", _RX)


def _stated(text: str, frame: tuple[str, ...], source: tuple[str, ...]) -> ClaimFrame:
    share = SHARE_CLAIMED_RX.search(text)
    if share:
        return ClaimFrame(text=text, frame=frame, source=source,
                          problem=f'"{share.group(0)}" (a share claimed: ask "what share of … were …?")')
    found = [m for m in STATED_RX.finditer(text) if _is_stated(m, text)]
    if len(found) > 1:
        return ClaimFrame(text=text, frame=frame, source=source,
                          problem="two numbers in the claim (" + " and ".join(f'"{m.group(0)}"' for m in found)
                          + "): check one at a time")
    if not found:
        return ClaimFrame(text=text, frame=frame, source=source)
    m = found[0]
    if (m.group("num") or m.group("range")) and GENERIC_AIRCRAFT_RX.match(text[m.end():]):
        return ClaimFrame(text=text, frame=frame, source=source,
                          problem=f'"{m.group(0)}" aircraft (airframes or missions? ask "how many different aircraft'
                                  ' flew …" or "how many missions …")')
    return ClaimFrame(text=_blank(text, m.start(), m.end()), frame=frame, source=source, stated=_digits(m))


def _is_stated(m: re.Match[str], text: str) -> bool:
    """Not a date, a length of time, a distance, a year or a name's number."""
    if m.group("vague") or m.group("adverb") or m.group("double"):
        return True
    num = "hi" if m.group("range") else "num"
    return not (NOT_STATED_AFTER_RX.match(text[m.end(num):])
                or NOT_STATED_BEFORE_RX.search(text[:m.start() if m.group("range") else m.start("num")])
                or re.fullmatch(r"(?:19|20)\d\d", m.group(num)))


#: "four aircraft flew …", "a dozen US planes": a number of airframes claimed — the records count missions, and a
#: type or role noun ("eleven P-8s", "four drones") is missions by the product's rule; a generic noun is not said.
GENERIC_AIRCRAFT_RX = re.compile(r"\s+(?:[\w.-]+\s+){0,2}?(?:aircraft|planes?|airplanes?|jets?|airframes?)\b", _RX)


def _digits(m: re.Match[str]) -> str:
    """"eleven" → "11", "more than a dozen" → "more than 12", "half a dozen" → "6"; a vague amount as written."""
    if m.group("vague"):
        return " ".join(m.group("vague").split())
    if m.group("adverb"):
        return {"once": "1 time", "twice": "2 times", "thrice": "3 times"}[m.group("adverb").lower()]
    if m.group("double"):
        return "double digits (10 or more)"
    if m.group("range"):
        return f"between {_value(m.group('lo') or m.group('lo2'))} and {_value(m.group('hi'))}"
    value = _value(m.group("num"))
    qual = " ".join(m.group("qual").lower().split()) + " " if m.group("qual") else ""
    return f"{qual}{value}{' times' if m.group('times') else ''}"


def _value(words: str) -> int:
    num = " ".join(words.lower().split())
    return 6 if num == "half a dozen" else int(num) if num.isdigit() else NUMBER_WORDS[num]


def frame_notes(frame: ClaimFrame) -> tuple[str, ...]:
    """How the frame was read, said in the answer."""
    notes = []
    if frame.frame:
        notes.append("Read as a claim to check (" + "; ".join(f'"{w}"' for w in frame.frame) + "): the answer is "
                     "the records' count for the claim's scope; the verdict stays a person's.")
    if frame.asked:
        notes.append("Read " + ", ".join(f'"{w}"' for w in frame.asked) + " as asking for the records' count.")
    if frame.source:
        notes.append("Read " + ", ".join(f'"{w}"' for w in frame.source) + " as the claim's source: it filters "
                     "nothing (the flight records are not the source).")
    if frame.hedges:
        notes.append("Read " + ", ".join(f'"{w}"' for w in frame.hedges) + " as the claim's hedge: it filters "
                     "nothing (the records are counted all the same).")
    return tuple(notes)


def finish(frame: ClaimFrame, query: BotQuery) -> BotQuery:
    """The claim's reading with its frame: the stated number and the notes; declined when the claim is not a count
    (a list, a comparison…) or states two numbers."""
    problems = [frame.problem] if frame.problem else []
    if frame.frame and not frame.stated and query.intent == Intent.COUNT:
        query = each_one_claimed(query)
    if frame.frame and not _checkable(query, frame.stated) and not query.not_understood:
        problems.append(f"a claim checked as anything but a count (read as: {query.intent})")
    return replace(query, claimed=frame.stated, notes=(*frame_notes(frame), *query.notes),
                   not_understood=(*query.not_understood, *problems))


def _checkable(query: BotQuery, stated: str) -> bool:
    """A count; a change or comparison with both its sides named ("doubled from 2024 to 2025", "twice as many P-8s
    as U-2s"): both numbers — unless the claim also states a count ("11 missions …, more than the Air Force": two
    claims in one); "every day", "almost daily" over a period: its days (round 19)."""
    if query.intent == Intent.COMPARE:
        return query.other is not None and (not stated or stated.endswith(" times"))
    return query.intent in {Intent.COUNT, Intent.UNKNOWN} or (
        query.intent == Intent.BREAKDOWN and query.by == "day" and query.scope.period is not None and not stated)


def each_one_claimed(query: BotQuery) -> BotQuery:
    """"A U-2 and an RC-135 flew near the border on 3 February": two aircraft (or two operators) each claimed to
    have flown, with no number for both — each one's count (a comparison), never their sum, which would hide the
    part that did not fly (round 19). Three or more are declined: check them one at a time."""
    for kind, field in (("aircraft", "type_designators"), ("operator", "operators")):
        named = [label for label in query.understood if label.startswith(f"{kind}: ")]
        values = getattr(query.scope, field)
        if len(named) < 2 or len(values) < 2:  # one named (or one named twice): its count
            continue
        if len(named) != 2 or len(values) != 2:  # three named, or a name that stands for two designators ("E-3")
            return replace(query, not_understood=(*query.not_understood, f"{len(named)} {kind} names claimed at "
                                                  "once (check them one at a time)"))
        first, second = (query.scope.with_changes(**{field: (v,)}) for v in values)
        return replace(query, intent=Intent.COMPARE, scope=first, other=second,
                       notes=(*query.notes, f"Read the claim as two: each {kind}'s own count (a sum would hide a "
                              "part that did not fly)."))
    return query


def from_story_day(query: BotQuery, story: StoryDay) -> BotQuery:
    """A claim read against its story's date (claims.nlp.dates.story_day): said in the notes; declined when the claim
    names no period of its own — the story's day is when it was written, not when the flights were (round 19)."""
    note = (f'Read "{story.text}" as the day the story was written: its relative words ("last week", "this month", '
            f"\"yesterday\") count from {story.day.isoformat()}, not from today.")
    problems = []
    if query.scope.period is None and (query.other is None or query.other.period is None):
        problems.append(f"{story.text} (the story's date, not the flights': say which days the claim is about)")
    return replace(query, notes=(note, *query.notes), not_understood=(*query.not_understood, *problems))


def amounts_asked(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The amounts a yes/no question asks about that the reader left unread — with no number ("were there dozens of
    …?", "did more than a handful of … fly?", "double-digit", "between 10 and 15") or before an aircraft's name ("did
    at least a dozen P-8s fly …?": missions, the README's rule) — quantities its count answers. A number of generic
    aircraft ("did four aircraft fly") is left unread: airframes or missions?"""
    return [(m.start(), m.end(), f"quantity: {m.group(0)}") for m in STATED_RX.finditer(text)
            if not m.group("adverb") and _is_stated(m, text)
            and not (m.group("num") and GENERIC_AIRCRAFT_RX.match(text[m.end():]))
            # the reader's own quantity inside it ("a couple of" of "more than a couple of") gives way
            and not any(s < m.end() and m.start() < e and not (label.startswith("quantity:") and m.start() <= s
                                                                and e <= m.end()) for s, e, label in spans)]
