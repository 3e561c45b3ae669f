"""Questions dictated into chat (speech-to-text) and English written as a second language, spelled as the reader
reads them before anything else looks at the words.

- Dictation writes numbers, years, days and designators in words and keeps the fillers: "um how many P eight flights
  near texas on february third twenty twenty five so yeah" is "how many P-8 flights near texas on february 3rd
  2025". Years (2010–2039, "twenty twenty five", "two thousand and twenty four"), day numbers next to a month name
  ("february third", "the twenty eighth of october", "february four"), designators whose letters are spoken apart
  ("RC one thirty five", "K C one thirty five", "R Q four", "you two" before a flight noun) when the vocabulary
  knows the type, a written-out "question mark", and fillers ("um", "uh", "okay so", "like how…", "you know",
  "so yeah") are spelled; every spelling that changes a word is returned as a correction, so the answer says it
  (fillers are dropped unsaid: they ask nothing). A two-digit year ("in twenty four") or "february twenty five"
  (the 25th or 2025?) is left as the words were and read by the rules that hold for digits (README: declined).
- English as a second language: "aircrafts" → "aircraft", "flied" → "flew", "realized / effectuated" (a flight
  made) → "made", "it exists / there exist" → "are there", "is possible to" → "is it possible to", "kindly tell" →
  "tell me", "in the 2025" / "2025 year" → "in 2025", "2025, February" → "February 2025", "until now" / "till now"
  / "up to now" → every record up to today (the words are dropped and said), "since one month" / "since two weeks"
  (French "depuis", German "seit") → "in the last 30 days" / "in the last 14 days", "which are they?" → "which
  ones?", "which month had more flights?" (no "than", no "or") → "the most". Each said as a correction.
"""
from __future__ import annotations

import datetime as dt
import re

from bot.nlu.distances import TEEN_WORDS, TENS_WORDS, UNIT_WORDS, number_in_words
from bot.nlu.vocab import Vocab

_RX = re.IGNORECASE

_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9}
_ORDINAL_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                  "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                  "thirtieth": 30}

_U = "|".join(UNIT_WORDS)
_T = "|".join(TEEN_WORDS)
_TN = "|".join(TENS_WORDS)
_OU = "|".join(_ORDINAL_UNITS)
_OT = "|".join(_ORDINAL_TEENS)
#: A number below a hundred in words: "seventeen", "fifty two", "thirty-five", "eight".
_BELOW_100 = rf"(?:(?:{_TN})(?:[\s-]+(?:{_U}))?|{_T}|{_U})"
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")


#: "twenty twenty five", "twenty twenty-four", "twenty ten" (2010–2039), "two thousand (and) twenty four".
_YEAR_RX = re.compile(
    rf"(?<![\w-])(?:twenty[\s-]+(?P<yy>(?:twenty|thirty)(?:[\s-]+(?:{_U}))?|{_T})"
    rf"|two\s+thousand\s+(?:and\s+)?(?P<ty>(?:twenty|thirty)(?:[\s-]+(?:{_U}))?|{_T}|{_U}))(?![\w-])"
    r"(?![\s-]+(?:hundred|thousand)\b)", _RX)  # "two thousand five hundred flights" is a number, not 2005
#: A day as an ordinal in words: "third", "twenty seventh", "thirty-first", "twentieth".
_ORDINAL = rf"(?:(?:twenty|thirty)[\s-]+(?:{_OU})|{_OT}|{_OU})"
_CARDINAL_DAY = rf"(?:(?:twenty)[\s-]+(?:{_U})|thirty(?:[\s-]+one)?|{_T}|{_U})"
#: "february third", "february the third", "february four 2025" (a cardinal only before a year or a comma-less end
#: of the date: "february twenty five" alone is left), "the third of february".
_MONTH_DAY_RX = re.compile(rf"(?<![\w-])(?P<m>{_MONTH})\s+(?:the\s+)?(?P<o>{_ORDINAL})(?![\w-])"
                           r"(?!\s+(?:half|week|fortnight|quarter|day|days|weekend)\b)"
                           rf"|(?<![\w-])(?P<m2>{_MONTH})\s+(?P<c>{_CARDINAL_DAY})(?=\s+(?:19|20)\d{{2}}\b)"
                           rf"|(?<![\w-])(?:the\s+)?(?P<o2>{_ORDINAL})\s+of\s+(?P<m3>{_MONTH})(?![\w-])", _RX)


#: Two day numbers of one month: "the third and the fifth of february", "february third to fifth" → "3rd and 5th
#: february" (a pair the reader holds).
_DAY_PAIR_RX = re.compile(rf"(?<![\w-])(?:the\s+)?(?P<a>{_ORDINAL})\s+(?P<j>and|to|until|till|through)\s+(?:the\s+)?"
                          rf"(?P<b>{_ORDINAL})\s+of\s+(?P<m>{_MONTH})(?![\w-])"
                          rf"|(?<![\w-])(?P<m2>{_MONTH})\s+(?:the\s+)?(?P<a2>{_ORDINAL})\s+(?P<j2>and|to|until|till|through)"
                          rf"\s+(?:the\s+)?(?P<b2>{_ORDINAL})(?![\w-])", _RX)


def _ordinal(words: str) -> int:
    total = 0
    for w in re.split(r"[\s-]+", words.lower().strip()):
        total += _ORDINAL_UNITS.get(w) or _ORDINAL_TEENS.get(w) or TENS_WORDS.get(w) or 0
    return total


def _suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


#: A designator spoken letter by letter and number by number: "P eight", "RC one thirty five", "K C one thirty
#: five", "R Q four", "E threes", "C seventeen", "B fifty two".
_DESIGNATOR_RX = re.compile(
    rf"(?<![\w-])(?P<a>[A-Za-z](?:\s[A-Za-z](?![\w-]))?|[A-Za-z]{{2}})\s+(?P<h>(?:{_U})\s+(?:hundred\s+(?:and\s+)?)?)?"
    rf"(?P<n>{_BELOW_100})(?P<s>s|es)?(?![\w-])", _RX)
#: "you two flights": a dictation engine's "U-2", only before a flight noun.
_YOU_TWO_RX = re.compile(r"(?<![\w-])you\s+two(?P<s>s)?(?=\s+(?:flights?|missions?|sorties|spy\s+planes?|planes?"
                         r"|aircraft|jets?)\b)", _RX)
_FILLER_RX = re.compile(r"(?<![\w'-])(?:um+|uh+m*|erm+|hmm+)(?![\w'-])\s*,?", _RX)
_LEAD_RX = re.compile(r"^\s*(?:(?:okay|ok(?=\s*,|\s+so\b)|so|well|yeah|alright|like)\b[\s,]*)+(?=\w)", _RX)
_LIKE_RX = re.compile(r"(?<![\w-])(?<!would\s)(?<!i\s)like\s+(?=(?:how|what|which|when|where|list|show|did|were|was"
                      r"|is|are|near|over|around|within|off|during|since)\b)", _RX)
_TAIL_RX = re.compile(r"[\s,]+(?:so\s+yeah|yeah|you\s+know|i\s+guess)\s*(?P<p>[?.!]*)\s*$", _RX)
_YOU_KNOW_RX = re.compile(r"(?<![\w'-])(?<!do\s)(?<!did\s)(?<!if\s)you\s+know(?![\w'-])\s*,?", _RX)
_I_MEAN_RX = re.compile(r"^\s*i\s+mean\s*,?\s+(?=(?:how|what|which|when|list|show|did|were|was|is|are)\b)", _RX)
_QUESTION_MARK_RX = re.compile(r"\s+question\s+mark\s*$", _RX)


def spell_spoken(text: str, vocab: Vocab) -> tuple[str, list[tuple[str, str]]]:
    """Dictated words spelled as typed ones (see the module's docstring), each change said as a correction."""
    changes: list[tuple[str, str]] = []

    def say(m: re.Match[str], words: str) -> str:
        if m.group(0).strip() != words:
            changes.append((m.group(0).strip(), words))
        return words

    text = _FILLER_RX.sub(" ", text)
    text = _I_MEAN_RX.sub("", _LEAD_RX.sub("", text))
    text = _LIKE_RX.sub("", text)
    text = _YOU_KNOW_RX.sub(" ", text)
    text = _TAIL_RX.sub(lambda m: m.group("p") or "", text)
    text = _QUESTION_MARK_RX.sub(lambda m: say(m, "?"), text)

    def year(m: re.Match[str]) -> str:
        if m.group("yy"):
            return say(m, str(2000 + number_in_words(m.group("yy"))))
        return say(m, str(2000 + number_in_words(m.group("ty"))))

    text = _YEAR_RX.sub(year, text)

    def day(m: re.Match[str]) -> str:
        if m.group("o"):
            n = _ordinal(m.group("o"))
            words = f"{m.group('m')} {n}{_suffix(n)}"
        elif m.group("c"):
            n = number_in_words(m.group("c"))
            words = f"{m.group('m2')} {n}"
        else:
            n = _ordinal(m.group("o2"))
            words = f"{n} {m.group('m3')}"  # "the third of february" → "3 february"
        return say(m, words) if 1 <= n <= 31 else m.group(0)

    def pair(m: re.Match[str]) -> str:
        a, b = _ordinal(m.group("a") or m.group("a2")), _ordinal(m.group("b") or m.group("b2"))
        if not (1 <= a < b <= 31):
            return m.group(0)
        joiner, name = m.group("j") or m.group("j2"), m.group("m") or m.group("m2")
        return say(m, f"{a}{_suffix(a)} {joiner} {b}{_suffix(b)} {name}")

    text = _DAY_PAIR_RX.sub(pair, text)
    text = _MONTH_DAY_RX.sub(day, text)

    def designator(m: re.Match[str]) -> str:
        letters = m.group("a").replace(" ", "")
        if letters.lower() in {"a", "i", "q"} or (len(m.group("a")) == 2 and not letters.isupper()):
            return m.group(0)  # "a three day…", "I two…"; "Q four" is a quarter or the RQ-4 (left as written)
        n = number_in_words(m.group("n"))
        if m.group("h"):  # "one thirty five" (the digits one after another), "one hundred thirty five"
            first = UNIT_WORDS[m.group("h").split()[0].lower()]
            if "hundred" in m.group("h").lower():
                n += 100 * first
            elif n >= 10:
                n = int(f"{first}{n}")
            else:
                return m.group(0)
        known = [f for f in (f"{letters}-{n}".lower(), f"{letters}{n}".lower()) if f in vocab.types]
        if not known:
            return m.group(0)
        plural = "s" if m.group("s") else ""
        return say(m, f"{letters.upper()}-{n}{plural}")

    text = _DESIGNATOR_RX.sub(designator, text)
    if "u-2" in vocab.types or "u2" in vocab.types:
        text = _YOU_TWO_RX.sub(lambda m: say(m, "U-2" + (m.group("s") or "")), text)
    return re.sub(r"\s{2,}", " ", text).strip(), changes


_YEAR = r"(?:19|20)\d{2}"


def _month_of_year(m: re.Match[str], today: dt.date) -> str:
    """"october last year" → "october 2025" (the reader read "of last year" as up to today's date a year ago)."""
    return f"{m.group('m')} {today.year - (m.group('w').lower() == 'last')}"
_KEYS = r"day|date|week|month|year|type|operator|region|state|place|aircraft\s+type"
_ESL = [
    # (pattern, replacement or callable)
    (re.compile(r"(?<![\w-])aircrafts(?![\w-])", _RX), "aircraft"),
    (re.compile(r"(?<![\w-])flied(?![\w-])", _RX), "flew"),
    (re.compile(r"(?<![\w-])(?:realized|realised|effectuated|effected)(?![\w-])", _RX), "made"),
    (re.compile(r"(?<![\w-])(?:realize|realise|effectuate)(?![\w-])", _RX), "make"),
    (re.compile(r"^\s*(?:it\s+|there\s+)?exists?\s+(?:some\s+|any\s+)?", _RX), "are there any "),
    (re.compile(r"^\s*is\s+possible\s+to\b", _RX), "is it possible to"),
    (re.compile(r"^\s*kindly\s+(?:tell|say|give)\s+(?:me\s+)?", _RX), "tell me "),
    (re.compile(rf"\b(?P<p>in|during|for|on|of|since|from|until|till|before|after)\s+the\s+(?P<y>{_YEAR})\b(?!\s+(?:(?!had|has|have|saw|was|were)[\w-]+\s+){{0,2}}(?:flights|missions))",
                _RX), lambda m: f"{m.group('p')} {m.group('y')}"),
    (re.compile(rf"\b(?P<y>{_YEAR})\s+year\b(?![\s-]+(?:on|over|to)[\s-]+(?:year|date)\b)", _RX),  # not "year on year"
     lambda m: m.group("y")),
    # "2025, February", "in 2024 october", "2025 in february", "2025 february 3" (the year first, as Chinese,
    # Japanese, Korean or Hungarian put it): that month (day) of that year — the reader took the two for a range
    # (January–October 2024); "2024, october and november" → "october and november 2024"
    (re.compile(rf"(?<![\w/.-])(?P<y>{_YEAR})\s*,?\s+(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                r"(?![\s.,/:-]*\d)", _RX), lambda m: f"{int(m.group('d'))} {m.group('m')} {m.group('y')}"),
    (re.compile(rf"(?P<lead>\bin\s+)?(?<![\w/.-])(?P<y>{_YEAR})\s*,?\s+(?:in\s+)?(?P<m>{_MONTH}(?:\s*(?:,|,?\s*and|or"
                rf"|to|through|till|until|-|–)\s*{_MONTH})*)\b(?![\s.,]*\d)", _RX),
     lambda m: f"{m.group('lead') or ''}{m.group('m')} {m.group('y')}"),
    # "february last year", "last year in february", "october this year": the month of that year (the reader took
    # "october last year" for October to December 2025)
    (re.compile(rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<w>last|this)\s+year\b", _RX), _month_of_year),
    (re.compile(rf"\b(?P<w>last|this)\s+year\s*,?\s+(?:in\s+)?(?P<m>{_MONTH})\b(?![\s.,]*\d)", _RX), _month_of_year),
    (re.compile(r"\s*,?\s*\b(?:up\s+)?(?:until|till|til|up\s+to)\s+now\b\s*,?", _RX), lambda m: _until_now(m)),
    (re.compile(r"\bsince\s+(?P<n>one|a|1)\s+month\b", _RX), "in the last 30 days"),
    (re.compile(r"\bsince\s+(?P<n>one|a|1)\s+week\b", _RX), "in the last 7 days"),
    (re.compile(r"\bsince\s+(?P<n>one|a|1)\s+year\b", _RX), "in the past year"),
    (re.compile(rf"\bsince\s+(?P<n>\d{{1,3}}|{_U}|ten|eleven|twelve)\s+(?P<u>day|week|month|year)s\b", _RX),
     lambda m: _since_count(m)),
    (re.compile(r"\b(?P<v>would\s+like|want|wanted|wish)\s+know\b", _RX), lambda m: f"{m.group('v')} to know"),
    (re.compile(r"\b(?:had|have|has|having)\s+place\b", _RX), "took place"),
    # "the whole 2025", "all the 2025", "the entire year 2024": that year
    (re.compile(rf"\b(?:(?:in|during|for|over)\s+)?(?:all\s+the|the\s+(?:whole|entire|complete|full))\s+(?:year\s+)?"
                rf"(?P<y>{_YEAR})\b(?!\s+(?:[\w-]+\s+){{0,2}}(?:flights|missions|sorties))", _RX),
     lambda m: f"in {m.group('y')}"),
    # "near and over Arizona", "over or near": near includes over, so both words together are near (the reader kept
    # the word next to the place: "over" alone undercounted)
    (re.compile(r"\b(?:near|around|close\s+to)\s+(?:and|or|and/or)\s+(?:over|above|in)\b", _RX), "near"),
    (re.compile(r"\b(?:over|above|in)\s+(?:and|or|and/or)\s+(?:near|around|close\s+to)\b", _RX), "near"),
    # "the actual year" (Spanish "actual", French "actuel", German "aktuell": current), "the present month": this one
    (re.compile(r"\b(?:in\s+|during\s+)?the\s+(?:actual|present|ongoing|running)\s+(?P<u>year|month|week)\b", _RX),
     lambda m: f"this {m.group('u')}"),
    (re.compile(rf"(?P<p>\b(?:\d{{4}}|{_MONTH}))\s+itself\b", _RX), lambda m: m.group("p")),
    (re.compile(r"^\s*(?:and\s+)?(?:which|what)\s+(?:are|were)\s+(?:they|them|these|those)\s*(?P<q>\?*)\s*$", _RX),
     lambda m: "which ones" + m.group("q")),
    (re.compile(rf"\b(?P<w>which|what)\s+(?P<k>{_KEYS})(?P<of>\s+(?:of|in|during)\s+(?:[\w-]+\s+){{0,2}}?{_YEAR})?"
                r"\s+(?P<v>had|has|saw|got|was\s+with|flew|was\s+flown|were\s+flown)"
                r"\s+more\b(?![^?]*\b(?:than|or|vs\.?|versus|compared)\b)", _RX),
     lambda m: f"{m.group('w')} {m.group('k')}{m.group('of') or ''} {m.group('v')} the most"),
]


#: Words that make a period of their own: with one of them, "until now" ends that period rather than asking for every
#: record ("in 2025 up to now": 2025, or 2025 to today? — left to the reader, which declines "now").
_PERIOD_WORD_RX = re.compile(rf"\b(?:(?:19|20)\d{{2}}|{_MONTH}|since|from|before|after|between|last|past|this|previous"
                             r"|today|yesterday|week|weeks|month|months|year|years|quarter|q[1-4]|days)\b", _RX)


def _until_now(m: re.Match[str]) -> str:
    """"until now" alone: every record up to today (dropped, said); after "from X": "to today"; after "since X":
    dropped (it runs to today already); beside any other period: left as written (declined)."""
    before = m.string[:m.start()]
    if not _PERIOD_WORD_RX.search(before + " " + m.string[m.end():]):
        return " "
    if re.search(r"\bsince\b", before, _RX) and not re.search(r"\bfrom\b", before, _RX):
        return " "
    if re.search(r"\bfrom\b", before, _RX):
        return " to today "
    return m.group(0)


def _since_count(m: re.Match[str]) -> str:
    """"since three weeks" (German "seit drei Wochen"): the last three weeks, written as days when the unit is a
    week (the reader's "the last 21 days"), else "the last N months / years"."""
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else UNIT_WORDS.get(word) or TEEN_WORDS[word]
    unit = m.group("u").lower()
    return f"in the last {n * 7} days" if unit == "week" else f"in the last {n} {unit}s"


def spell_second_language(text: str, today: dt.date) -> tuple[str, list[tuple[str, str]]]:
    """English as a second language spelled as the reader reads it (see the module's docstring), said."""
    changes: list[tuple[str, str]] = []
    for rx, to in _ESL:
        def sub(m: re.Match[str], to: object = to) -> str:
            words = _month_of_year(m, today) if to is _month_of_year else to(m) if callable(to) else str(to)
            if m.group(0).strip(" ,") != words.strip(" ,"):
                changes.append((m.group(0).strip(" ,"), words.strip() or "(up to today)"))
            return words
        text = rx.sub(sub, text)
    return re.sub(r"\s{2,}", " ", text).strip(), changes
