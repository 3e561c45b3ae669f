"""Words that look harmless but change the question, so they must never be read silently, and the polite
wrappers that change nothing.

- A date given roughly ("around 3 February", "about mid-February"): the records are counted per day, and "around"
  says which days only vaguely, so the question is declined naming the word — never answered for the day alone.
- A distance bound the other way ("more than 20 nm from Texas", "beyond 12 nm", "at least 10 nm off"): the records
  are read as "within N nm", so the question is declined naming the words — never answered as "within".
- A definite number of missions ("how many of the 18 missions…"): which 18 is not said, so declined naming it.
- A bound on a number the reader did not use ("with more than one orbit"): "one" is a filler word ("which ones"),
  so the bound would vanish; declined naming it.
- "the same month last year", "over the same days in 2024": which month or days is not said in the question, and
  "same" is a filler word elsewhere ("same for March"), so it would vanish; declined naming it.
- "per P-8", "by each P-8": a number per airframe, not the type's total; declined naming it.
- A word that opens or bounds a period right before one the reader read without it ("since last year", "the year
  to February 2025", "by March 2025"), "between" that is in no span ("between the U-2 flight and the RC-135
  flight", "between Texas and Arizona"), and "during the week" (weekdays?): declined naming the words.
- A follow-up that is only "in total?" / "overall?" (the total of which filters?) and a place word with no place
  after it ("how many over?" after "near California"): declined naming the words.
- In a follow-up, a period relative to today that reads like one relative to the question before ("and the
  previous month?" after January 2025 would be the 30 days to today): declined naming it.
- "US" / "U.S." as a modifier that :mod:`bot.nlu.nations` did not read as the US services ("US military flights" is
  read there): a filler word in lower case ("tell us"), so the RAF's flights would be counted too; declined naming it
  unless it is part of a name the reader used ("US Navy", "over the US").
- A departure or destination ("from Kadena", "from RAF Mildenhall to the Baltic"), "this time last year", "a month
  ago", the future tense ("will the RC-135 fly…") and "in Oct 25" (the 25th or 2025?): declined naming the words.
- A rate the shared reader read ("at least twice a week", "once a month"): no question filter holds it; a distance
  it read that bounds no place ("at 30000 feet", "2 miles up"): a height.
- "how many days had flights…" (a number of days, not of missions) and "flights a day / a month" (a rate): the
  unit words are fillers, so the answer would be the missions' total; declined naming them.
- A superlative no intent used ("which P-8 flew the most", "who flew the most near Texas"), "where" no intent
  used, and "how far / how close": the answer would be a list or a count, not what was asked; declined naming them.
- A polite wrapper before the question ("quick q:", "I'd like to know", "could you check"): used, so its words are
  not reported as not understood.
"""
from __future__ import annotations

import itertools
import re

from bot.nlu.followups import THAT_PERIOD_RX

_RX = re.IGNORECASE
Spans = list[tuple[int, int, str]]

#: A word that makes the date after it approximate.
ROUGH_RX = re.compile(r"\b(?:around|about|approximately|approx\.?|roughly|circa|ca\.|some\s*time\s+around)"
                      r"(?:\s+(?:the|in|on))?\s*$", _RX)
#: "how about 2024?", "what about the week of…": a follow-up, not a rough date.
FOLLOW_UP_ABOUT_RX = re.compile(r"\b(?:how|what)\s+about$", _RX)
POLITE_RX = re.compile(
    r"^\s*(?:(?:hi|hiya|hey|hello|yo|morning|fyi|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|all|team|bot))?"
    r"\s*[!,.]*\s*)?(?:(?:thx|thanks|(?:many|much)\s+thanks|thank\s+you|ty|ta|cheers|right|brilliant|lovely|great"
    r"|perfect|splendid|(?:whilst|while)\s+i\s+have\s+you|(?:whilst|while)\s+i(?:'|’)?m\s+at\s+it)\s*[!,.\-–—]+\s*)?"
    # "Quick one from the London desk:", "For the Nairobi desk:": where the asker sits, not a place asked about
    r"(?:(?:quick\s+(?:q|question|one)\s+)?(?:from|for)\s+(?:the|our)\s+(?:[A-Z][\w.’'-]*\s+){1,3}desk\s*[:,\-–—]\s*)?"
    r"(?:(?:quick\s+(?:q|question|one)|qq|real\s+quick|just\s+checking|(?:a\s+)?(?:quick\s+)?sanity\s+check|out\s+of\s+curiosity"
    r"|for\s+(?:a|the|my)\s+(?:story|piece|graphic|chart|report|article)(?:\s+i(?:'|’)?m\s+(?:writing|working\s+on)"
    r"|\s+i\s+am\s+(?:writing|working\s+on))?)\s*[:,\-–—]?\s*"
    r"|i(?:'|’)?d\s+like\s+to\s+know\s+|i\s+would\s+like\s+to\s+know\s+|i\s+want\s+to\s+know\s+"
    r"|(?:can|could|may)\s+i\s+ask\s+|would\s+it\s+be\s+possible\s+to\s+(?:get|have|know)\s+"
    r"|is\s+it\s+possible\s+to\s+(?:get|have|know)\s+|i\s+need\s+(?=the\s+(?:number|count|total|list)\b)"
    r"|i(?:'|’)?d\s+be\s+grateful\s+for\s+|i\s+would\s+be\s+grateful\s+for\s+|do\s+you\s+happen\s+to\s+know\s+"
    r"|(?:(?:could|can|would)\s+you\s+)?(?:please\s+|kindly\s+|do\s+)?let\s+me\s+know\s+"
    r"|(?:could|can|would)\s+you\s+(?:please\s+|kindly\s+|possibly\s+){0,2}(?:check|find\s+out|look\s+up|tell\s+me"
    r"|count|give\s+me)\s+"
    # "Please advise the number of…", "Kindly revert with the count of…": a request for the number that follows
    r"|(?:please\s+|kindly\s+){1,2}(?:advise|revert\s+with|send|provide|give\s+me|confirm)\s+"
    r"(?=the\s+(?:number|count|total|tally|figure)\b)|may\s+i\s+(?:know|have|ask)\s+"
    # "according to the records,", "based on the flight data:", "I'm curious how many…", "sorry to bother you,"
    r"|(?:according\s+to|based\s+on|going\s+by)\s+(?:the|your)\s+(?:flight\s+)?(?:records|data|tracks|logs)"
    r"\s*[:,\-–—]?\s*|i(?:'|’)?m\s+curious\s+(?:to\s+know\s+)?|i\s+am\s+curious\s+(?:to\s+know\s+)?"
    r"|sorry\s+to\s+(?:bother|trouble|pester)\s+you(?:\s+again)?\s*[!,.:\-–—]*\s*"
    # "asap pls:", "need a number for the desk -", "fyi need count:": a wrapper ended by a colon or a dash
    r"|(?:asap|urgent)(?:\s+(?:pls|please|plz))?\s*[:\-–—]\s*"
    r"|(?:i\s+)?need\s+(?:a\s+|the\s+)?(?:number|count|figure|total)(?:\s+for\s+(?:the|a|my)\s+(?:desk|story|piece"
    r"|graphic|chart|report|article))?\s*[:\-–—]\s*){0,3}",
    _RX,
)
#: A sign-off after the question ("thx", "ty", "cheers", "thanks!!"): it changes nothing.
SIGN_OFF_RX = re.compile(r"(?:^|[\s,;:.!?\-–—(])(?:(?:thx|thnx|(?:many\s+)?thanks(?:\s+(?:a\s+lot|so\s+much))?"
                         r"|thank\s+you(?:\s+so\s+much)?)(?:\s+in\s+advance)?|ty|tia|ta|cheers|much\s+appreciated"
                         r"|all\s+told"
                         # round 15: "(asking for the graphic)", "need it for the story"
                         r"|(?:(?:asking|need(?:ed)?\s+it|it['’]?s)\s+)?for\s+(?:a|the|my)\s+(?:story|piece|graphic|chart"
                         r"|report|article))\W*$", _RX)


#: A bound that makes a distance a minimum, not a maximum.
FARTHER_RX = re.compile(r"\b(?:(?:more|further|farther|greater|longer)\s+than|at\s+least|beyond|outside(?:\s+of)?"
                        r"|over|upwards\s+of|no\s+closer\s+than)\s*$", _RX)
THE_RX = re.compile(r"\bthe\s*$", _RX)


#: What a distance bounds: the place after "of/from/off" ("within 20 nm of Texas").
OF_PLACE_RX = re.compile(r"^\s*(?:(?:nautical\s+)?miles?\s+)?(?:of|from|off)\b", _RX)


def loose_distances(text: str, spans: Spans) -> list[str]:
    """"at 30000 feet", "2 miles up": a distance the shared reader read that bounds no place — a height, which no
    record holds — would be dropped silently; declined naming it."""
    distances = [(s, e) for s, e, label in spans if label.startswith("distance:")]
    bounding = [(s, e) for s, e in distances if OF_PLACE_RX.match(text[e:]) or re.search(r"\b(?:of|from|off)$",
                                                                                          text[s:e], _RX)]
    return [f"word: {text[s:e]} (a height or a distance from no place: I count \"within N nm of\" a place)"
            for s, e in distances if not any(bs <= s and e <= be for bs, be in bounding)]


def farther_than(text: str, spans: Spans) -> list[str]:
    """"more than 20 nm from Texas": the words that turn the distance around."""
    out = []
    for s, _, label in spans:
        m = FARTHER_RX.search(text[max(0, s - 30):s]) if label.startswith("distance:") else None
        if m:
            out.append(f"word: {m.group(0).strip()} (only \"within N nm of\" a place can be counted)")
    return out


BOUND_RX = re.compile(r"\b(?:(?:more|less|fewer|greater)\s+than|at\s+(?:least|most)|exactly|only)\s+"
                      r"(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|\d+)\b", _RX)


def unread_bounds(text: str, spans: Spans) -> list[str]:
    """"more than one orbit": a bound whose number is in no span the readers used."""
    return [f"word: {m.group(0)} (a bound I cannot apply here)" for m in BOUND_RX.finditer(text)
            if not any(s <= m.start("n") < e for s, e, _ in spans)]


SAME_PERIOD_RX = re.compile(r"\b(?:the\s+)?same\s+(?:months?|weeks?|days?|dates?|period|time|quarter|season|year)\b",
                            _RX)
PER_RX = re.compile(r"\b(?:per|each|every)\s*$", _RX)


#: "by the same aircraft", "the same operator": which one is not said, and "same" is filler elsewhere.
SAME_THING_RX = re.compile(r"\b(?:the\s+)?same\s+(?:aircraft|airframes?|(?:air)?planes?|jets?|tails?|operators?|types?"
                           r"|routes?"
                           r"|places?|areas?|regions?|callsigns?|crews?|units?|squadrons?)\b", _RX)
#: "since the U-2 flight", "on the day of the RC-135 mission": a period relative to a flight, read as that type.
EVENT_PERIOD_RX = re.compile(r"\b(?:since|after|before|until|till|following|preceding|prior\s+to|(?:on|in|during)\s+the"
                             r"\s+(?:same\s+)?(?:day|week|month)\s+of|during)\s+(?:the\s+|that\s+|this\s+)?"
                             r"(?:first\s+|last\s+|latest\s+|earliest\s+)?$", _RX)
#: "out of all flights", "of all the missions": a share that ``bot.nlu.ratios`` did not read as whole and part
#: (those it reads never reach this guard): declined, naming it.
SHARE_RX = re.compile(r"\bout\s+of\s+(?:all|the\s+total|every|the\s+whole)\b|\bof\s+all\s+(?:the\s+)?(?:flights"
                      r"|missions|sorties|records)\b|\bas\s+a\s+(?:share|proportion|fraction|percentage)\b", _RX)


#: "what % of", "the percentage", "what proportion", "the ratio of": a share ``bot.nlu.ratios`` could not split
#: with certainty (the shapes it reads are answered before this guard): declined, naming it.
PERCENT_RX = re.compile(r"%|\bper\s*cent(?:age)?s?\b|\bpercentages?\b|\bproportions?\b|\bfractions?\b"
                        r"|\bratios?\b|\bshares?\b", _RX)
#: "by the same P-8": which one is not said.
SAME_BEFORE_RX = re.compile(r"\bsame\s+$", _RX)


#: "the Kaliningrad area", "the Texas vicinity": around the place, or in it? ("in" reads as over).
AREA_AFTER_RX = re.compile(r"^\s*(?:area|vicinity|environs|zone|surroundings|neighbou?rhood)\b", _RX)


def place_areas(text: str, spans: Spans) -> list[str]:
    """"in the Kaliningrad area": near or over? The reader's "in" would make it over; declined naming the word."""
    return [f"word: {text[s:e]} {m.group(0).strip()} (near or over? ask \"near {text[s:e]}\" or \"over {text[s:e]}\")"
            for s, e, label in spans if label.startswith("region:") for m in [AREA_AFTER_RX.match(text[e:])] if m]


#: The nouns a sea, a strait or a gulf is named with ("the Aegean Sea", "the Taiwan Strait").
PLACE_NOUNS = ("sea", "seas", "strait", "straits", "gulf", "ocean", "channel", "peninsula", "coast", "island",
               "islands", "oblast", "sound")
NEXT_WORD_RX = re.compile(r"^\s+([A-Za-z]+)\b")


def misspelt_place_nouns(text: str, spans: Spans) -> list[str]:
    """"over the Aegean see", "the Taiwan straight" (round 17): an English word right after a place, one letter
    from a place noun, which the reader took as filler ("see") or left unread — the place it would name ("Aegean
    Sea") is not guessed at: a typo is never corrected into an English word's place, so it is declined naming it."""
    from claims.nlp.lexicon import is_english_word

    out = []
    for s, e, label in spans:
        m = NEXT_WORD_RX.match(text[e:]) if label.startswith("region:") else None
        if m is None or _in_span(e + m.start(1), spans):
            continue
        word = m.group(1).lower()
        if word in PLACE_NOUNS or word.removesuffix("s") in PLACE_NOUNS or not is_english_word(word):
            continue
        noun = next((n for n in PLACE_NOUNS if _one_edit(word, n) or _sounds_like(word, n)), None)
        if noun:
            out.append(f"word: {text[s:e]} {m.group(1)} (did you mean \"{text[s:e]} {noun}\"? I do not guess at "
                       "a place: write its name)")
    return out


def _one_edit(a: str, b: str) -> bool:
    """One vowel changed, added or dropped ("see" for "sea", "golf" for "gulf"; words of three letters or more, the
    same first letter): a slip of the ear or of spelling, not another word ("set", "gull", "coat")."""
    if min(len(a), len(b)) < 3 or a[0] != b[0] or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and all(c in "aeiou" for c in diff[0])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short and long_[i] in "aeiou" for i in range(len(long_)))


def _sounds_like(word: str, noun: str) -> bool:
    """"straight" for "strait": the noun's letters with a silent "gh" written in."""
    return len(noun) >= 5 and word.replace("gh", "") == noun


_SUBJECTS = {"aircraft", "operator", "role"}


def paired_subjects(text: str, spans: Spans) -> list[str]:
    """"P-8s near Texas and U-2s near Arizona", "RAF flights near Kaliningrad and USAF flights over the Black Sea":
    each subject with its own place. Read as one scope, every subject would count at every place (P-8s near Arizona
    too); declined naming both pairs."""
    marks = sorted((s, e, label.split(":", 1)[0]) for s, e, label in spans
                   if label.split(":", 1)[0] in _SUBJECTS | {"region"})
    kinds = "".join("p" if kind == "region" else "s" for _, _, kind in marks)
    m = re.search(r"s+p+s+p", kinds)
    if not m:
        return []
    first, last = marks[m.start()], marks[m.end() - 1]
    return [f"word: {text[first[0]:last[1]]} (each with its own place: ask for each, or \"how many … or …?\" for "
            "both numbers)"]


#: "less P-8s", "minus U-2s": a subtraction no exclusion took ("less" is filler; "less the P-8s" is an exclusion).
LESS_BEFORE_RX = re.compile(r"\b(?:less|minus)\s+$", _RX)


def unread_subtractions(text: str, spans: Spans) -> list[str]:
    return [f"word: {text[max(0, s - 8):s].split()[-1]} {text[s:e]} (leave them out? ask \"other than {text[s:e]}\")"
            for s, e, label in spans if label.split(":", 1)[0] in _SUBJECTS
            and LESS_BEFORE_RX.search(text[max(0, s - 8):s]) and not _in_span(s - 2, spans)]


def place_qualifiers(text: str, spans: Spans) -> list[str]:
    """"near Texas, USA", "over Sicily, Italy": a place and the country it is in, or two places listed? Read as a
    list, the country's every flight would count; with no "and"/"or" in the list, declined naming both."""
    places = sorted((s, e) for s, e, label in spans if label.startswith("region:"))
    runs: list[list[tuple[int, int]]] = []
    for s, e in places:
        if runs and re.fullmatch(r"\s*(?:,|,?\s*(?:and|or|&)(?:\s+the)?)\s*", text[runs[-1][-1][1]:s], _RX):
            runs[-1].append((s, e))
        else:
            runs.append([(s, e)])
    out = []
    for run in runs:
        gaps = [text[a[1]:b[0]] for a, b in itertools.pairwise(run)]
        if gaps and all(g.strip() == "," for g in gaps):
            words = text[run[0][0]:run[-1][1]]
            first = text[run[0][0]:run[0][1]]
            out.append(f"word: {words} (the first place, in the second, or either? ask \"near {first}\" or \"near "
                       f"{' or '.join(text[s:e] for s, e in run)}\")")
    return out


def vague_references(text: str, spans: Spans) -> list[str]:
    """"the same month" (which?) and "per P-8" (per airframe): words that change the question but read as filler;
    "by the same aircraft", "since the U-2 flight" (a period relative to a flight) and "out of all flights" (a
    share) too."""
    out = [f"word: {m.group(0)} (say which, e.g. \"February 2024\")" for m in SAME_PERIOD_RX.finditer(text)
           if not any(s <= m.start() < e for s, e, _ in spans)]
    out += [f"word: {m.group(0)} (which? say the dates)" for m in THAT_PERIOD_RX.finditer(text)
            if not _in_span(m.start(), spans)]
    out += [f"word: {m.group(0)} (which one? name it)" for m in SAME_THING_RX.finditer(text)]
    out += [f"word: {m.group(0)} (a share of all flights: ask for both counts)" for m in SHARE_RX.finditer(text)]
    out += [f"word: {m.group(0)} (a share: ask for both counts)" for m in PERCENT_RX.finditer(text)
            if not _in_span(m.start(), spans)]
    out += [f"word: same {text[s:e]} (which one? name it)" for s, e, label in spans
            if label.startswith("aircraft:") and SAME_BEFORE_RX.search(text[max(0, s - 8):s])]
    out += [f"word: {text[s - len(text[max(0, s - 40):s]) + m.start():e]} (a period relative to a flight: say the "
            "dates)" for s, e, label in spans if label.startswith("aircraft:")
            for m in [EVENT_PERIOD_RX.search(text[max(0, s - 40):s])] if m]
    out += [f"word: {text[s:e]} after \"per/each\" (a number per airframe: ask \"which {text[s:e]} flew…\")"
            for s, e, label in spans if label.startswith("aircraft:") and PER_RX.search(text[max(0, s - 12):s])
            and not _noun_follows(text[e:])]
    return out


#: "were all RQ-4 missions in October over the Black Sea?", "did every RC-135 mission come from the RAF?", "were
#: they all RAF?": whether every one did. A count of the ones that did ("4 missions over the Black Sea") reads as a
#: yes; the answer needs both numbers. ("at all", "every day" — a per-day question — are not this.)
UNIVERSAL_RX = re.compile(r"^\W*(?:(?:and|so|but)\s+)?(?:were|was|did|do|does|are|is|have|has|had)\b"
                          r"(?:(?!\bat\s+all\b)[^?])*?\b(?P<q>all|every|each)\b(?!\s+(?:day|week|month|year|time)s?\b)",
                          _RX)


def universal_questions(text: str, spans: Spans) -> list[str]:
    """"Were all … over the Black Sea?": declined naming the word, with the two counts to ask."""
    m = UNIVERSAL_RX.match(text)
    if m is None or re.match(r"\s+at\b", text[m.end("q"):]) or _in_span(m.start("q"), spans):
        return []
    return [f"word: {m.group('q')} (whether every one did: ask \"how many …?\" and then \"how many of those …?\" for "
            "both numbers)"]


def _noun_follows(rest: str) -> bool:
    """"every RC-135 sortie": the type names the missions, not the unit they are counted per."""
    from claims.nlp.lexicon import MISSION_NOUNS

    word = re.match(r"\W*(\w+)", rest)
    return word is not None and word.group(1).lower() in MISSION_NOUNS


#: "were 11 of the missions flown by P-8s?": a part of a set the question does not define (in a conversation,
#: "of those" is the tracker's: only a first question is checked).
PART_OF_THE_RX = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen"
                            r"|some|most|half|all)\s+of\s+the\s+(?:missions|flights|sorties|patrols|overflights)\b"
                            r"(?!\s+(?:near|over|around|within|off|along|in|on|between|from|since|by)\b)", _RX)


#: "how many recent P-8 flights?": since when? ("the most recent", "the latest" one is a "when" question's word;
#: "in recent weeks" is UNCOUNTED_SPAN_RX's).
RECENT_RX = re.compile(r"\b(?<!most\s)(?:recent(?:ly)?|lately|nowadays|these\s+days)\b"
                       r"(?!\s+(?:few\s+|several\s+)?(?:days|weeks|months|years)\b)"
                       r"|\blatest\s+(?:[\w-]+\s+){0,2}?(?:missions|flights|sorties|ones)\b", _RX)


def recent(text: str, spans: Spans) -> list[str]:
    """"how many recent P-8 flights near Texas?", "list the recent flights": an unsaid period, which would be all
    time."""
    return [f"word: {m.group(0)} (since when? say the dates, e.g. \"since 1 January 2025\")"
            for m in RECENT_RX.finditer(text) if not _in_span(m.start(), spans)]


def parts_of_an_unsaid_set(text: str) -> list[str]:
    """"11 of the missions" with nothing saying which missions: the count would be of all missions."""
    return [f"word: {m.group(0)} (of which missions? say the place and the period)"
            for m in PART_OF_THE_RX.finditer(text)]


def definite_quantities(text: str, spans: Spans, top: int) -> list[str]:
    """"how many of the 18 missions": a number naming a set the question does not define."""
    if top:
        return []
    return [f"word: the {label.split(': ', 1)[1]} (which ones is not said: ask without the number)"
            for s, _, label in spans if label.startswith("quantity:") and THE_RX.search(text[max(0, s - 10):s])]


#: A bound inside a quantity the shared reader read ("more than 3 missions", "at least 2 flights").
QUANTITY_BOUND_RX = re.compile(r"\b(?:more|fewer|less|greater)\s+than\b|\bat\s+(?:least|most)\b|\bover\b|\bunder\b"
                               r"|\bupwards\s+of\b|\bexactly\b|\b(?:or\s+)?more\b|\b(?:or\s+)?fewer\b|\+", _RX)


#: A yes/no question: its count says whether.
YES_NO_RX = re.compile(r"^\W*(?:were|was|did|do|does|is|are|has|have|had)\b", _RX)


def quantity_thresholds(text: str, spans: Spans, *, counting: bool) -> list[str]:
    """"which aircraft flew more than 3 missions", "list the P-8s with at least 2 flights": a threshold on a
    number per aircraft (or per day), which no answer applies: the list would hold every aircraft. A yes/no count
    ("did more than 10 flights go near California?") is answered by its count (``counting``), which says whether.
    A number of missions with no bound ("2025 P-8 flights near Texas": the year read as a number of flights) is
    used by no answer either."""
    out = []
    for s, e, label in spans:
        if not label.startswith("quantity:") or any(ls < e and s < le and lab.startswith("asked:")
                                                    for ls, le, lab in spans):  # "the last 3": the intent's
            continue
        bounded = QUANTITY_BOUND_RX.search(text[max(0, s - 16):e])
        # "how many … upwards of 12 drone flights …?": a bound only a yes/no count answers ("were there more than …")
        if bounded and not (counting and YES_NO_RX.match(text)):
            out.append(f"word: {label.split(': ', 1)[1]} (a threshold I cannot apply: ask for the count or which "
                       "aircraft flew, each with its number)")
        elif not bounded and not THE_RX.search(text[max(0, s - 10):s]) and not (counting and YES_NO_RX.match(text)):
            # "the 18 missions" is another guard's; "were there 18 missions near Texas…?" is answered by the count
            out.append(f"word: {label.split(': ', 1)[1]} (a number of missions I do not use: ask without it)")
    return out


#: "during the day", "in daytime", "overnight", "at dawn", "after dark": a time of day, which no filter holds.
TIME_OF_DAY_RX = re.compile(r"\b(?:during|in)\s+(?:the\s+)?(?:day(?:time)?|daylight(?:\s+hours)?|night(?:time)?|dark"
                            r"|evening|morning|afternoon)s?\b(?!\s+(?:of|before|after)\b)|\bday\s*time\b"
                            r"|\bovernight\b|\bat\s+(?:dawn|dusk|sunrise|sunset|midnight|noon|night)\b"
                            r"|\bafter\s+(?:dark|sunset|nightfall)\b|\bbefore\s+(?:dawn|sunrise|noon)\b", _RX)
#: "on a Tuesday", "on any Monday", "every Friday": some weekday, not one day the reader can date.
SOME_WEEKDAY_RX = re.compile(r"\b(?:a|any|every|each|some)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday"
                             r"|sunday|weekday|weekend(?:\s+day)?)s?\b", _RX)


def times_of_day(text: str, spans: Spans) -> list[str]:
    """A time of day ("during the day", "overnight") and an unnamed weekday ("on a Tuesday": the reader would date
    it as this week's): declined naming the words, inside a span or not."""
    out = [f"word: {m.group(0)} (the time of day is not a filter I have)" for m in TIME_OF_DAY_RX.finditer(text)]
    return out + [f"word: {m.group(0)} (weekdays are not a filter I have: say the date)"
                  for m in SOME_WEEKDAY_RX.finditer(text)]


#: "the total flight time", "how much time did they spend", "time on station": a duration, which "time" (a word the
#: shared reader passes over, for "how many times" and "at any time") must not let through as a count of missions.
DURATION_RX = re.compile(r"\b(?:flight|flying|air|total|loiter(?:ing)?|patrol|mission|transit)\s+times?\b"
                         r"|\btimes?\s+(?:spent|aloft|airborne|in\s+the\s+air|on\s+(?:station|patrol|task))\b"
                         r"|\bhow\s+much\s+time\b|\bspen[dt]\s+(?:\w+\s+){0,3}?time\b|\bairtime\b", _RX)


def durations(text: str, spans: Spans) -> list[str]:
    """"what is the total flight time of the P-8s?": a duration the records' counts do not give; declined naming it,
    never answered with the number of missions."""
    return [f"word: {m.group(0)} (a duration: I count missions, not the hours they flew)"
            for m in DURATION_RX.finditer(text)]


#: "what is a P-8?", "what does RC-135 stand for?": a definition, not a count of its flights.
DEFINITION_RX = re.compile(r"^\W*(?:what|who)(?:\s+(?:is|are|was|were)|['’]s)\s+(?:a|an)\s+[^?]{1,40}\?*\W*$"
                           r"|\bwhat\s+(?:does|do|did)\b.*\b(?:stand\s+for|mean)\b"
                           # "what is the difference between a P-8 and a P-3?": how the types differ, not their counts
                           r"|\bdifference\s+between\s+(?:a|an)\s+[^?]{1,40}\s+and\s+(?:a|an)\s", _RX)


#: "what is the RC-135?", "who is the RAF?": the question's opening words, before one name alone.
WHAT_IS_RX = re.compile(r"^\W*(?:what|who)(?:\s+(?:is|are|was|were)|['’]s)\s+(?:the\s+)?", _RX)


def definitions(text: str, spans: Spans) -> list[str]:
    """"what is a P-8?", "what does ISR mean?", "what is the RC-135?", "who is the RAF?": what a type or a service
    is, not how many times it flew (the count would answer another question)."""
    m = DEFINITION_RX.search(text)
    if m is None:
        w = WHAT_IS_RX.match(text)
        rest = text[w.end():].rstrip(" ?!.") if w else ""
        named = [(s, e) for s, e, label in spans if label.split(":", 1)[0] in {"aircraft", "operator", "role"}]
        # the name's span may hold its article ("operator: the RAF")
        if rest and any(w.start() < s <= w.end() and e >= w.end() + len(rest) for s, e in named):
            return [f"word: {text.strip(' ?!.')} (what a type or a service is: I count its flights; ask \"how many "
                    "…\")"]
        return []
    return [f"word: {m.group(0).strip(' ?')} (what a type or a service is: I count its flights; ask \"how many …\")"]


#: "compare P-8 flights with U-2 flights": "with" joins a comparison's two sides, no aircraft beside a mission.
COMPARE_WITH_RX = re.compile(r"\bcompar(?:e[ds]?|ing)\b.*\bwith\b", _RX)
#: "with a tanker nearby", "escorted by fighters": another aircraft beside the mission, which no record holds.
WITH_AIRCRAFT_RX = re.compile(r"\b(?:with|alongside|accompanied\s+by|escorted\s+by|together\s+with|joined\s+by)"
                              r"\s+(?:a|an|the|any|some|two|several)?\s*$", _RX)


def accompanied(text: str, spans: Spans) -> list[str]:
    """"flights near Texas with a tanker nearby": the type or role after "with" is not the missions' own."""
    days_with = [(a, b) for a, b, label in spans if label == "asked: days with any"]  # "days with P-8 flights"
    return [f"word: {text[max(0, s - 30):s][m.start():].strip()} {text[s:e]} (another aircraft beside a mission is "
            "not in the records)" for s, e, label in spans if label.split(":", 1)[0] in {"aircraft", "role"}
            for m in [WITH_AIRCRAFT_RX.search(text[max(0, s - 30):s])]
            if m and not any(a <= max(0, s - 30) + m.start() < b for a, b in days_with)]


#: "when did the first P-8 flight take place?": a verb that adds nothing to "when did … fly".
TOOK_PLACE_RX = re.compile(r"\b(?:take|takes|took|taking|taken)\s+place\b", _RX)


#: A verb of crossing before a place read as "over" ("crossed into Ukrainian airspace", "entered Polish airspace",
#: "crossed over Turkey"): the track crossed the place, which is what "over" counts.
CROSSED_RX = re.compile(r"\b(?:crossed|entered|crossing|entering|crosses|enters)(?:\s+(?:into|over))?\s+(?:the\s+)?$",
                        _RX)
#: "approached Kaliningrad", "came close to": a verb of coming near before a place read as near (within the
#: product's NEAR_NM, which the answer states).
APPROACHED_RX = re.compile(r"\b(?:approached|approaching|approach|came\s+close\s+to|got\s+close\s+to)\s+(?:the\s+)?$",
                           _RX)
INTO_RX = re.compile(r"(?:into|over)\s+(?:the\s+)?$", _RX)


def polite_spans(text: str, spans: Spans | None = None) -> Spans:
    """The wrapper before the question, a sign-off after it, "take place", and a verb of crossing before a place
    read as over an airspace ("crossed into Ukrainian airspace") or with "over"/"into", as spans the leftovers
    skip."""
    m = POLITE_RX.match(text)
    out = [(m.start(), m.end(), "asked: " + m.group(0).strip())] if m and m.group(0).strip() else []
    end = SIGN_OFF_RX.search(text)
    out += [(end.start(), end.end(), "asked: " + end.group(0).strip())] if end else []
    for s, e, label in spans or ():
        c = CROSSED_RX.search(text[max(0, s - 30):s]) if label.startswith("region:") else None
        if c and (INTO_RX.search(c.group(0)) or text[s:e].lower().endswith("airspace")):
            out.append((s - len(text[max(0, s - 30):s]) + c.start(), s, "over: " + c.group(0).strip()))
        a = APPROACHED_RX.search(text[max(0, s - 30):s]) if label.startswith("region:") else None
        if a and not re.search(r"\b(?:near|over|within|off|around|by)\s*$", text[max(0, s - 30):s], _RX):
            out.append((s - len(text[max(0, s - 30):s]) + a.start(), s, "near: " + a.group(0).strip()))
    out += [(t.start(), t.end(), "asked: " + t.group(0)) for t in TOOK_PLACE_RX.finditer(text)]
    out += [(t.start(), t.end(), "asked: " + t.group(0).strip(" ,")) for t in ALL_TOLD_RX.finditer(text)]
    return out + _no_filter_asides(text, spans or [])


#: ", all told,", ", in all,": the total, which a count is already.
ALL_TOLD_RX = re.compile(r",\s*(?:all\s+told|in\s+all|in\s+total|altogether)\s*,", _RX)


#: "(all operators)", ", any type,": an aside that says no filter on that field.
NO_FILTER_RX = re.compile(r"[(,]\s*(?:all|any|every)\s+(?:(?P<op>operators?|services?)|(?P<ty>types?|aircraft\s+types?"
                          r"|aircraft))\s*[),]", _RX)


def _no_filter_asides(text: str, spans: Spans) -> Spans:
    """An aside of no filter, used only when the question names no filter of that field ("P-8s, any type," names
    one: left for the leftovers to report)."""
    labels = [label for _, _, label in spans]
    out = []
    for m in NO_FILTER_RX.finditer(text):
        field = ("operator:",) if m.group("op") else ("aircraft:", "role:")
        if not any(label.startswith(field) for label in labels):
            out.append((m.start(), m.end(), "no filter: " + m.group(0).strip("(), ")))
    return out


def rough_dates(text: str, spans: Spans) -> list[str]:
    """"around 3 February 2025": the approximate word right before a period the reader used."""
    out = []
    for s, _, label in spans:
        if not label.startswith("period:"):
            continue
        before = text[max(0, s - 40):s]
        m = ROUGH_RX.search(before)
        if m and not FOLLOW_UP_ABOUT_RX.search(before[:m.start()] + m.group(0).split()[0]):
            out.append(f"word: {m.group(0).split()[0]} (a date given roughly: say the exact days)")
    return out


OPEN_WORD_RX = re.compile(r"\b(?P<w>since|until|till|before|after|prior\s+to|up\s+to|through|thru|by|as\s+of"
                          r"|(?:year|months?|weeks?|days?)\s+(?:to|ending|ended))(?:\s+(?:the|in|on))?\s*$", _RX)
BETWEEN_RX = re.compile(r"\bbetween\b", _RX)
THE_WEEK_RX = re.compile(r"\b(?:during|in|over)\s+the\s+week\b(?!\s+(?:of|before|after)\b)", _RX)


def dropped_period_words(text: str, spans: Spans) -> list[str]:
    """"since last year": the word that makes the period open, left outside the period the reader used."""
    out = []
    for s, _, label in spans:
        m = OPEN_WORD_RX.search(text[max(0, s - 20):s]) if label.startswith("period:") else None
        at = s - len(text[max(0, s - 20):s]) + m.start("w") if m else -1
        if m and not _in_span(at, spans):
            out.append(f"word: {m.group('w')} (say the dates: e.g. \"since 1 January 2025\")")
    out += [f"word: {m.group(0)} (between what? give two dates)" for m in BETWEEN_RX.finditer(text)
            if not _in_span(m.start(), spans) and not _in_span(_next_word(text, m.end()),
                                                                [sp for sp in spans if sp[2].startswith("period")])]
    out += [f"word: {m.group(0)} (weekdays are not a filter I have)" for m in THE_WEEK_RX.finditer(text)
            if not _in_span(m.end() - 1, spans)]
    return out


TOTAL_ONLY_RX = re.compile(r"^\W*(?:and|so|ok(?:ay)?)?\W*(?:in\s+)?(?:total|overall|altogether|all\s+together)\W*$",
                           _RX)
DANGLING_PLACE_RX = re.compile(r"\b(?:over|near|around|off|close\s+to|within)(?:\s+(?:it|them|there|that))?\W*$",
                               _RX)


#: "x/y" of single letters ("w/c", "n/a", "a/c"): each letter alone is dropped as a word, so the whole is reported.
SLASHED_LETTERS_RX = re.compile(r"(?<![\w/])[a-z]/[a-z](?![\w/])", _RX)


#: A relation word ("near", "over") that follows its place instead of preceding it ("in Texas near how many
#: flights?", a postposition as Japanese, Korean or Turkish put it): the place was read with the other word or none.
_SCOPE_LABELS = ("region:", "period:", "aircraft:", "operator:", "role:")
RELATION_WORD_RX = re.compile(r"\b(?:near|nearby|over|around|off|above|close\s+to)\b", _RX)


def relation_after_place(text: str, spans: Spans) -> list[str]:
    """"in Texas near how many flights?": "near" right after the place and before no other span was passed over,
    leaving "in Texas" (over); declined naming it, never dropped."""
    out = []
    places = [(s, e) for s, e, label in spans if label.startswith("region:")]
    for m in RELATION_WORD_RX.finditer(text):
        if _in_span(m.start(), spans) or not any(e <= m.start() and re.fullmatch(r"[\s,]*", text[e:m.start()])
                                                 for _, e in places):
            continue
        if any(m.end() <= s and label.startswith(_SCOPE_LABELS)
               and re.fullmatch(r"\s*(?:the\s+)?", text[m.end():s], _RX) for s, _, label in spans):
            continue  # "off Texas in international airspace", "over the weekend": it belongs to what follows
        out.append(f"word: {m.group(0)} after the place (ask \"{m.group(0)} <place>\")")
    return out


def slashed_letters(text: str, spans: Spans) -> list[str]:
    """An abbreviation of two letters and a slash that nothing read: declined naming it, never dropped."""
    return [f"word: {m.group(0)} (an abbreviation I do not read: write it out)"
            for m in SLASHED_LETTERS_RX.finditer(text) if not _in_span(m.start(), spans)]


def bare_follow_up_words(text: str) -> list[str]:
    """"and in total?", "how many over?": words that would leave the previous scope silently unchanged."""
    out = [f"word: {text.strip(' ?.!')} (the total of what? ask the whole question)"] if TOTAL_ONLY_RX.match(text) \
        else []
    m = DANGLING_PLACE_RX.search(text)
    return out + ([f"word: {m.group(0).strip(' ?.!')} (which place?)"] if m else [])


RELATIVE_RX = re.compile(r"\b(?:previous|preceding|prior|following|next|subsequent)\b", _RX)


def relative_in_follow_up(spans: Spans) -> list[str]:
    """"and the previous month?" as a follow-up: previous to what the conversation asked, or to today?"""
    return [f"word: {label.split(': ', 1)[1]} (relative to today, not to the question before: say the dates)"
            for _, _, label in spans if label.startswith("period:") and RELATIVE_RX.search(label)]


def relative_beside_a_period(spans: Spans) -> list[str]:
    """"February 2025 vs the previous month": the reader dates "the previous month" from today, the editor from the
    other period named; declined naming it whenever another period stands beside it."""
    periods = {label for _, _, label in spans if label.startswith("period:")}
    relative = {label for label in periods if RELATIVE_RX.search(label)}
    return [f"word: {label.split(': ', 1)[1]} (previous to the other period or to today? say the dates)"
            for label in sorted(relative)] if relative and periods - relative else []


def unread_relatives(text: str, spans: Spans) -> list[str]:
    """"what about the previous October?", "the next week": a relative word outside every span the readers used
    would be dropped, leaving the period it qualifies (the same October again); declined naming it. "prior to" is
    an open period's word, which another guard looks at."""
    return [f"word: {m.group(0)} (previous or next to what? say the dates)" for m in RELATIVE_RX.finditer(text)
            if not _in_span(m.start(), spans) and not re.match(r"(?:prior|next)\s+to\b", text[m.start():], _RX)]


US_RX = re.compile(r"(?<![\w.])(?:US|U\.S\.?|USA)(?![\w.])")


def nationality(text: str, spans: Spans) -> list[str]:
    """"US military flights": the country of the operator, which no filter holds."""
    return [f"word: {m.group(0)} (flights of one country's services: name the service, e.g. \"US Navy\")"
            for m in US_RX.finditer(text) if not _in_span(m.start(), spans)]


UNITS_COUNTED_RX = re.compile(r"\bhow\s+many\s+(?:(?:different|distinct|separate|calendar)\s+)?"
                              r"(?:days?|weeks?|months?|years?|hours?|nights?|dates?)\b", _RX)
RATE_RX = re.compile(r"\b(?:a|an|one|a\s+single)\s+(?:day|week|month|year|fortnight)\b", _RX)


def units_and_rates(text: str, spans: Spans) -> list[str]:
    """"how many days had flights", "flights a month": not a number of missions over the period."""
    out = [f"word: {m.group(0)} (I count missions, not days or weeks: ask \"flights per day in …\")"
           for m in UNITS_COUNTED_RX.finditer(text) if not _in_span(m.end() - 1, spans)]
    out += [f"word: {label.split(': ', 1)[1]} (a rate: ask \"flights per week in …\" for each week's number)"
            for _, _, label in spans if label.startswith("rate:")]  # the shared reader's rate: no question filter
    return out + [f"word: {m.group(0)} (a rate: ask \"flights per day in …\" for each day's number)"
                  for m in RATE_RX.finditer(text) if not _in_span(m.end() - 1, spans)]


ASKS_OTHER_RX = re.compile(r"\b(?:the\s+)?(?:most|least|fewest|highest|lowest|biggest|largest|smallest)\b"
                           # "surveillance of whom?", "whom were they watching?": a target, which no record holds
                           r"|\bwhere\b|\bhow\s+(?:far|close|near)\b|\bwhom\b", _RX)


def unanswered_asks(text: str, spans: Spans) -> list[str]:
    """"which P-8 flew the most", "where did the P-8s fly", "how close did the U-2 get": asked, no intent took it."""
    return [f"word: {m.group(0)} (not a question I answer this way: ask for a ranking, a list or a count)"
            for m in ASKS_OTHER_RX.finditer(text) if not _in_span(m.end() - 1, spans)]


#: "from Kadena", "out of RAF Mildenhall" right before a place: where a flight took off, which no record holds
#: (a mission has places it flew over or near, not a departure); a distance before "from" is another guard's.
FROM_PLACE_RX = re.compile(r"(?<!\w)(?P<w>from|out\s+of|to)\s+(?:the\s+)?$", _RX)
DISTANCE_BEFORE_RX = re.compile(r"\d\s*(?:nm|nmi|nautical\s+miles?|(?:statute\s+)?miles?|mi|kms?"
                                r"|kilomet(?:er|re)s?)\s+$", _RX)
#: "flights to Poland", "flew to the Black Sea", "deployed to Sigonella": a destination ("close to" stays near).
MOVE_TO_RX = re.compile(r"\b(?:flights?|missions?|sorties?|trips?|flew|fly|flying|flown|went|go|goes|going|gone"
                        r"|head(?:s|ed|ing)?|sent|deploy(?:s|ed|ing)?|bound|return(?:s|ed|ing)?|travel(?:l?ed|l?ing)?"
                        r"|relocat(?:e|ed|ing)|divert(?:s|ed|ing)?)\s*$", _RX)


def departures(text: str, spans: Spans) -> list[str]:
    """"flights from Kadena", "from RAF Mildenhall to the Baltic", "flights to Poland": a departure or a destination,
    never read as "near". "to" counts after a "from" place or a word of going ("close to Texas" is near)."""
    out: list[str] = []
    for s, _, label in sorted(spans):
        before = text[max(0, s - 20):s]
        m = FROM_PLACE_RX.search(before) if label.startswith("region:") else None
        to_without_from = m is not None and m.group("w").lower() == "to" and not out
        if not m or (to_without_from and not MOVE_TO_RX.search(text[max(0, s - 40):s - len(before) + m.start()])) \
                or _in_span(s - len(before) + m.start("w"), spans):
            continue
        if DISTANCE_BEFORE_RX.search(before[:m.start()]):
            continue
        out.append(f"word: {m.group('w')} {label.split(': ', 1)[1]} (where a flight took off or went is not in the "
                   "records: ask \"near\" or \"over\" the place)")
    return out


#: "flights by the UK", "near Kaliningrad by the UK": a place after "by" that may name who flew (an agent), not
#: "near" — unless a verb of passing stands before it ("passed by Texas", "flew by Crimea").
AGENT_BY_RX = re.compile(r"(?<!\bpassed)(?<!\bpassing)(?<!\bpass)(?<!\bflew)(?<!\bflying)(?<!\bfly)(?<!\bwent)"
                         r"(?<!\bcame)(?<!\bswung)\s+by\s+(?:the\s+)?$", _RX)


def places_as_agents(text: str, spans: Spans) -> list[str]:
    """"How many flights near Kaliningrad by the UK?", "missions flown by Mexico": "by" before a place can name who
    flew; the reader's "by X" (near X) would count flights near the UK instead. Declined naming it, except after a
    verb of passing ("passed by Texas" is near)."""
    return [f"word: by {label.split(': ', 1)[1]} (flown by its services, or near it? name the service, "
            f"e.g. \"RAF flights\", or ask \"near {label.split(': ', 1)[1]}\")"
            for s, _, label in spans if label.startswith("region:") and AGENT_BY_RX.search(text[max(0, s - 40):s])]


THIS_TIME_RX = re.compile(r"\b(?:(?:around|about)\s+)?(?:this|that)\s+time(?:\s+of\s+(?:the\s+)?year)?\b"
                          # "this day last year", "the same week a year ago": the words "this", "day" are fillers
                          r"|\b(?:this|that|the\s+same)\s+(?:day|date|week|weekend|fortnight|month)\s+(?:last|next|a)"
                          r"\s+(?:year|month)\b", _RX)
AGO_RX = re.compile(r"\b(?:a|an|one|two|three|four|five|six|a\s+few|a\s+couple\s+of|couple\s+of|few|several|\d+)"
                    r"\s+(?:weeks?|fortnights?|months?|years?|quarters?)\s+ago\b", _RX)
#: "how many flights should there have been?", "would have flown": what did not happen is not in the records.
COUNTERFACTUAL_RX = re.compile(r"\b(?:should|would|could|might|must|ought\s+to)(?:\s+(?:there|they|it|we|you|i))?"
                               r"\s+(?:have|['’]ve)\s+(?:been|flown|happened|gone)\b"
                               r"|\b(?:should|ought\s+to)\s+there\s+be\b", _RX)
FUTURE_RX = re.compile(r"\b(?:will|shall|gonna)\b(?!\s+you\b)|\b(?:is|are|am)\s+going\s+to\b", _RX)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
           r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
#: "in Oct 25": the 25th of October, or October 2025? "in" asks for a month; a two-digit number could be either.
MONTH_OR_YEAR_RX = re.compile(rf"\b(?:in|during|for|of)\s+(?P<m>{_MONTHS})\.?\s+'?(?P<n>\d{{2}})\b"
                              r"(?!\s*(?:st|nd|rd|th)\b|\s*,?\s*(?:19|20)\d{2}\b)", _RX)

#: "Feb 25" with no word for a day before it ("p8 texas feb 25", "near Texas Oct 14"): the 25th, or 2025?
BARE_MONTH_NN_RX = re.compile(rf"(?<![\w'’])(?P<m>{_MONTHS})\.?\s+(?P<n>\d{{2}})\b"
                              r"(?!\s*(?:st|nd|rd|th)\b|\s*,?\s*(?:19|20)\d{2}\b|[/.:-]\d)", _RX)
#: The words that make "Feb 25" a day: "on Feb 25", "from Jan 30 to Feb 2", "between … and Feb 10".
_DAY_LEADS = frozenset({"on", "from", "between", "to", "and", "through", "thru", "until", "till", "before", "after",
                        "since", "by", "the", "-", "–", "—"})
#: "at what time of day", "what times": when in the day, across flights; the records give each start, not a pattern.
ACROSS_DAY_RX = re.compile(r"\btimes?\s+of\s+(?:the\s+)?day\b|\bwhat\s+times\b|\bat\s+what\s+hours?\b", _RX)


def _bare_month_numbers(text: str) -> list[str]:
    out = []
    for m in BARE_MONTH_NN_RX.finditer(text):
        before = re.search(r"(\S+)\s*$", text[:m.start()])
        if before is None or before.group(1).lower() not in _DAY_LEADS | {"in", "during", "for", "of"}:
            out.append(_month_or_year(m))
    return out


def _month_or_year(m: re.Match[str]) -> str:
    n, mon = m.group("n"), m.group("m")
    return f"word: {mon} {n} (the {n}th, or the year 20{n}? write \"{n} {mon}\" or \"{mon} 20{n}\")"


#: "in recent weeks", "over the past days", "the first days of February", "the last months of 2024": a span whose
#: length is not said (with a number — "the past 14 days", "the first ten days of" — the reader builds it), which
#: would otherwise leave the whole period ("first", "last" and the unit are words the readers pass over).
UNCOUNTED_SPAN_RX = re.compile(r"\b(?:in|over|during|for)\s+(?:the\s+)?(?:recent|past|last|previous|coming)\s+"
                               r"(?:few\s+|several\s+)?(?:days|weeks|months|years)\b"
                               r"|\b(?:first|last|final|early|earliest|late|latter|closing|opening|past)\s+"
                               r"(?:few\s+|several\s+|couple\s+(?:of\s+)?)?(?:days|weeks|months|years)\s+of\b", _RX)
#: "a record number", "more than ever", "unprecedented", "for the first time", "a first-ever flight": a claim about all
#: other times, which a count of one period does not check.
NOVELTY_RX = re.compile(r"\b(?:a\s+)?record(?:[-\s]+(?:number|high|level|low|breaking|setting))\b|\brecord-\w+"
                        r"|\b(?:more|fewer|less)\s+than\s+ever\b|\bunprecedented\b|\b(?:for\s+)?the\s+first\s+time"
                        r"\b|\bfirst[- ]ever\b|\bfirst\s+time\s+(?:since|in|ever)\b|\bnever\s+before\b"
                        r"|\bthe\s+most\s+since\b", _RX)
#: "is that a record?", "a new record", "an all-time high": whatever the question asks, a record in the sense of
#: "more than ever" (not "a record of an RQ-4 over the Black Sea", a flight record).
A_RECORD_RX = re.compile(r"\b(?:is|was|are|were)\s+(?:that|this|it|they|those|these)\s+(?:a\s+)?(?:new\s+)?record"
                         r"(?:s)?\b(?!\s+(?:of|for|from)\b)|\b(?:a\s+)?new\s+record\b(?!\s+(?:of|for|from)\b)"
                         r"|\ball[-\s]time\s+(?:high|low|record)s?\b", _RX)


def novelty(text: str, *, counting: bool) -> list[str]:
    """"a record number", "for the first time" in a count or a claim: a claim about every other time. In a "when"
    question "the first time" is the first mission ("when did the RAF fly near Kaliningrad for the first time?").
    "Is that a record?" is that claim whatever the question is read as (the flight records are not asked for)."""
    found = [m.group(0) for m in A_RECORD_RX.finditer(text)]
    if counting:
        found += [m.group(0) for m in NOVELTY_RX.finditer(text) if not any(m.group(0) in f for f in found)]
    return [f"word: {w} (a claim about every other time: ask for the counts to compare, e.g. \"2025 vs 2024\")"
            for w in found]


def vague_times(text: str) -> list[str]:
    """"this time last year", "a month ago" (that day, or around then?), the future tense ("will the RC-135 fly
    near Kaliningrad again?"), and "in Oct 25" (which of two dates?): declined naming the words."""
    out = [f"word: {m.group(0)} (which days? say the dates)" for m in THIS_TIME_RX.finditer(text)]
    out += [f"word: {m.group(0)} (how many is not said: say the dates)" for m in UNCOUNTED_SPAN_RX.finditer(text)]
    out += [f"word: {m.group(0)} (that day or around then? say the dates)" for m in AGO_RX.finditer(text)]
    out += [f"word: {m.group(0)} (the records show what has flown, not what will)" for m in FUTURE_RX.finditer(text)]
    out += [f"word: {m.group(0)} (the records show what flew, not what should or would have)"
            for m in COUNTERFACTUAL_RX.finditer(text)]
    out += [f"word: {m.group(0)} (the records give each flight's start, not a time of day across flights: list them)"
            for m in ACROSS_DAY_RX.finditer(text)]
    out += [f"word: {m.group(0)} (which day? say the date)" for m in DAY_OF_RX.finditer(text)]
    out += [f"word: {m.group(0)} (the calendar one before this, or the span to today? say the dates)"
            for m in UNIT_PASSED_RX.finditer(text)]
    return out + _bare_month_numbers(text) + [_month_or_year(m) for m in MONTH_OR_YEAR_RX.finditer(text)]


#: "the year past", "the year passed", "the passed month" (a second-language "l'année passée", "el mes pasado"): the
#: calendar unit before this one or the span to today? The readers pass over "year" and "past", leaving every record.
#: "february past", "the passed february": "last February" (this year's, README) or the most recent one with records?
#: "the year last" (a word order of "el año pasado"): the same question.
_MONTH_WORD = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar"
               r"|apr|jun|jul|aug|sept?|oct|nov|dec)")
UNIT_PASSED_RX = re.compile(rf"\b(?:year|month|week|{_MONTH_WORD})\s+(?:past|passed)\b(?!\s+(?:the|\d))"
                            rf"|\bthe\s+(?:year|month|week)\s+last\b(?!\s+(?:the|\d|year|month|week|quarter|time|{_MONTH_WORD})\b)"
                            rf"|\b(?:passed\s+(?:year|month|week)|(?<!this\s)(?:past|passed)\s+{_MONTH_WORD})\b", _RX)
#: "the last day of February" left unspelled (no year: the 28th or the 29th?), "the first day of the month": one day
#: the words name but the readers pass over ("first", "last" and "day" alone leave the whole month).
DAY_OF_RX = re.compile(r"\b(?:first|last|final|second|third|middle|closing|opening)\s+day\s+of\b", _RX)


PER_AIRFRAME_RX = re.compile(r"\b(?:per|by|each|every|for\s+each|broken\s+down\s+by)\s+(?:aircraft|(?:air)?planes?"
                             r"|airframes?|jets?|tails?)\b(?!\s+(?:types?|models?)\b)"
                             # "per RAF aircraft", "for each Navy plane": the same, a service or type in between
                             r"|\b(?:per|each|every|for\s+each)\s+(?:[\w-]+\s+){1,3}?(?:aircraft|(?:air)?planes?|airframes?|jets?"
                             r"|tails?)\b(?!\s+(?:types?|models?)\b)", _RX)


def per_airframe(text: str, spans: Spans) -> list[str]:
    """"flights per aircraft", "broken down by plane": per airframe or per type? Not said; declined naming it."""
    return [f"word: {m.group(0)} (per airframe or per type? ask \"per type\" or \"which aircraft\")"
            for m in PER_AIRFRAME_RX.finditer(text) if not _in_span(m.end() - 1, spans)
            and not (m.group(0).lower().startswith("by") and _PASSIVE_BEFORE_RX.search(text[:m.start()]))]


#: "missions flown by aircraft other than P-8s": the doer of a passive verb, not a breakdown per aircraft.
_PASSIVE_BEFORE_RX = re.compile(r"\b(?:flown|made|conducted|operated|performed|carried\s+out|undertaken|done)\s*$",
                                _RX)


def _next_word(text: str, at: int) -> int:
    """Where the word after ``at`` starts ("between 2024 and 2025": the year, which a comparison's side read)."""
    m = re.compile(r"\s*(?:the\s+)?").match(text, at)
    return m.end() if m else at


def _in_span(at: int, spans: Spans) -> bool:
    return any(s <= at < e for s, e, _ in spans)


#: "Mexican waters", "Russia's territorial waters", "the waters of Mexico": the sea off a country's coast.
_WATERS_IN_RX = re.compile(r"\bwaters\s*$", _RX)
_WATERS_AROUND_RX = re.compile(r"^['’]s\s+(?:territorial\s+)?waters\b", _RX)
_WATERS_OF_RX = re.compile(r"\b(?:territorial\s+)?waters\s+of\s+(?:the\s+)?$", _RX)


def country_waters(text: str, spans: Spans) -> list[str]:
    """A country's waters are the sea off its coast, not the country: its region is its land, so "over Mexican
    waters" is neither "over Mexico" nor "near Mexico" (which counts the land too). International waters are a
    region of their own and are read."""
    out = []
    for s, e, label in spans:
        if not label.startswith("region:") or "international" in label.lower() or "neutral" in label.lower():
            continue
        if _WATERS_IN_RX.search(text[s:e]) or _WATERS_AROUND_RX.match(text[e:]) or _WATERS_OF_RX.search(
                text[max(0, s - 30):s]):
            out.append("word: waters (a country's waters, the sea off its coast, are not a region I count: ask "
                       "\"over\" the country for its land, or \"within 12 nm of\" it, land included)")
    return out


def guard_problems(text: str, spans: Spans, top: int, *, follow_up: bool = False, counting: bool = True,
                   comparing: bool = False) -> list[str]:
    """Every guard above, over the question and the spans the readers used (``top``: the "last 3" the intent took;
    ``follow_up``: the question edits the conversation's previous one; ``counting``: the intent is a count)."""
    found = (relative_in_follow_up(spans) if follow_up else relative_beside_a_period(spans))
    found += unread_relatives(text, spans)
    for guard in (rough_dates, farther_than, unread_bounds, vague_references, dropped_period_words, nationality,
                  units_and_rates, unanswered_asks, departures, places_as_agents, loose_distances, per_airframe,
                  times_of_day, durations, place_areas, place_qualifiers, unread_subtractions, universal_questions,
                  slashed_letters, relation_after_place, misspelt_place_nouns, country_waters):
        found += guard(text, spans)
    found += quantity_thresholds(text, spans, counting=counting) + definitions(text, spans)
    found += [] if comparing and COMPARE_WITH_RX.search(text) else accompanied(text, spans)
    found += [] if comparing else paired_subjects(text, spans)
    found += ([] if follow_up else parts_of_an_unsaid_set(text)) + recent(text, spans)
    found += novelty(text, counting=counting)
    return found + definite_quantities(text, spans, top) + bare_follow_up_words(text) + vague_times(text)
