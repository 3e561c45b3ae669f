"""Normalisation before reading: chat mentions and markup out, shouting down, typos fixed, quarters spelled out.

Every change that alters a word is returned as a correction ("Texs" → "Texas"), which the answer says out loud.
A common English word is never corrected ("ones" stays "ones", never "drones").
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata

from rapidfuzz.distance import OSA

from bot.nlu.vocab import Vocab
from claims.nlp.dates import NUMBER_WORDS
from claims.nlp.lexicon import CLAIM_WORDS, CORRECTABLE, FILLER, HYPHENS, KNOWN_WORDS, is_english_word

_RX = re.IGNORECASE


#: Slack's link markup ("<https://…|label>", "<mailto:…>") and bare links: a pasted source, not the question.
_LINK_RX = re.compile(r"<(?:https?|mailto|ftp):[^>]{0,500}>|\bhttps?://\S+|\bwww\.\S+", _RX)
#: A link with the word that introduces it, in brackets or not: "(story: <https://…|the draft>)", "source: https://…".
_LABELLED_LINK_RX = re.compile(r"\(?\s*\b(?:story|source|link|article|draft|piece|ref|url|via|see)\s*:?\s*(?:"
                               + _LINK_RX.pattern + r")\s*\)?", _RX)
#: An emoji shortcode (":eyes:", ":rotating_light:", ":+1:"): never a word of the question.
_EMOJI_RX = re.compile(r"(?<![\w:]):[a-z+][a-z0-9_+-]{0,40}:(?![\w:])", _RX)
#: A quoted line (Slack "> …", or "&gt; …" as it arrives escaped): what someone else said, not the question.
_QUOTE_RX = re.compile(r"^\s*(?:>|&gt;).*$", re.MULTILINE)
#: What is left beside a quoted line when the quote is a claim put to the bot: "true?", "is this right?".
_VERDICT_ONLY_RX = re.compile(r"^\W*(?:is\s+(?:that|this|it)\s+)?(?:true|right|correct|accurate|legit)\W*$", _RX)
#: Bold, italic and strike-through marks around words ("*how many*", "_how many_", "~old~").
_EMPHASIS_RX = re.compile(r"(?<![\w*_~])[*_~]+(?=\w)|(?<=[\w?!.])[*_~]+(?![\w*_~])")


def strip_mentions(text: str) -> str:
    """Chat mentions and markup that are not part of the question: "<@U123>", "@flightcheck", "`code`", links,
    emoji shortcodes, emphasis marks and quoted lines (kept only when nothing else is left)."""
    text = text.translate(HYPHENS)  # "P‑8" with a non-breaking hyphen is "P-8"
    unquoted = _QUOTE_RX.sub(" ", text)
    if _VERDICT_ONLY_RX.match(unquoted):  # "> A U-2 flew near the border on 3 February.\ntrue?": the quote is the claim
        text = re.sub(r"^\s*(?:>|&gt;)\s?", "", text, flags=re.MULTILINE)
    else:
        text = unquoted if unquoted.strip(" \n>") else text.replace("&gt;", " ").lstrip(" >")
    text = _EMOJI_RX.sub(" ", _LINK_RX.sub(" ", _LABELLED_LINK_RX.sub(" ", text)))
    text = _EMPHASIS_RX.sub("", re.sub(r"<[@!#][^>]{1,80}>|@[\w.-]{1,64}(?::[\w.-]+)?", " ", text))
    return re.sub(r"\s+", " ", text.replace("`", " ")).strip()


_SHOUTED = frozenset(w for w in FILLER if len(w) == 2 and w != "us")


def unshout(text: str) -> str:
    """In a question typed in capitals, two-letter function words are words, not state codes: "IN" is not Indiana,
    "OR" not Oregon, "ME" not Maine, "OK" not Oklahoma. Names and abbreviations ("TX", "US", "P-8") stay."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return text
    text = re.sub(r"\b[A-Z]{2}\b", lambda m: m.group(0).lower() if m.group(0).lower() in _SHOUTED else m.group(0),
                  text)
    return re.sub(r"\b[A-Z]{3,}\b", _quieter, text)


def _quieter(m: re.Match[str]) -> str:
    """A shouted word of three letters or more: a question word or a common English word is written in lower case
    ("HOW MANY FLIGHTS NEAR" would read as one capitalised name); a name or an abbreviation ("RAF", "KALININGRAD")
    is left for the reader, which matches those without regard to case."""
    low = m.group(0).lower()
    return low if low in FILLER or low in KNOWN_WORDS or is_english_word(low) else m.group(0)


#: A word with a letter outside ASCII, and the letters NFKD does not take apart.
_ACCENTED_RX = re.compile(r"(?<![\w-])[^\W\d_]*[^\x00-\x7f][^\W\d_]*(?![\w-])")
_UNFOLDED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d"})


def correct_typos(text: str, vocab: Vocab) -> tuple[str, list[tuple[str, str]]]:
    """Replace unknown words that are one slip away from a vocabulary word ("Texs", "Febuary", "misions").

    Only words of four letters or more, only when the word itself is neither known to the reader nor a common
    English word, only to a close match (ratio ≥ 0.8, or two swapped letters), and only toward words that matter to
    a question (place and aircraft names, months, the question words).
    """
    domain = list(vocab.domain) or sorted(vocab.words() | CORRECTABLE)
    domain_set = set(domain) | FILLER | CLAIM_WORDS
    corrections: list[tuple[str, str]] = []

    def fold(m: re.Match[str]) -> str:  # "Skåne" where the records write "Skane": the name, said
        word = m.group(0)
        plain = "".join(c for c in unicodedata.normalize("NFKD", word.translate(_UNFOLDED))
                        if not unicodedata.combining(c))
        if plain == word or not plain.isascii() or word.lower() in domain_set or plain.lower() not in domain_set:
            return word
        corrections.append((word, plain))
        return plain

    text = _ACCENTED_RX.sub(fold, text)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or low in domain_set or low.rstrip("s") in domain_set or is_english_word(low):
            return word
        swapped = [low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(len(low) - 1)]
        close = [w for w in swapped if w in domain_set and w in domain] or [
            w for w in difflib.get_close_matches(low, domain, n=3, cutoff=0.8) if _one_slip(low, w)][:1]
        if not close:
            return word
        corrections.append((word, close[0]))
        return close[0]

    return re.sub(r"(?<![\w-])[A-Za-z]+(?![\w-])", fix, text), corrections


def _one_slip(word: str, known: str) -> bool:
    """A typo, not another word: one letter added, dropped, changed or two swapped — two in a long word (nine letters
    or more) that starts with the same letter ("Missisipi"). "Zorgland" is not a slip of "Orland" (two edits, and not
    the same first letter): correcting it would answer about an air base nobody asked about."""
    edits = OSA.distance(word, known)
    return edits <= 1 or (edits == 2 and len(word) >= 9 and word[0] == known[0])


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4, "final": 4}
_QUARTER_RX = re.compile(
    r"\b(?:(?:in|during)\s+)?(?:the\s+)?(?:(?P<y0>(?:19|20)\d{2})(?:'s|’s)?\s+)?"
    r"(?:q(?P<q>[1-4])|(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th|last|final)"
    r"\s+quarter)(?:\s+of)?(?:\s+(?P<y>(?:19|20)\d{2}))?\b",
    _RX,
)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def spell_quarters(text: str, today: dt.date) -> tuple[str, list[tuple[str, str]]]:
    """"Q1 2025" / "the first quarter of 2025" → "between 1 January 2025 and 31 March 2025" (a quarter without a year:
    the most recent one that has started). Returned as corrections, so the answer says how it was read."""
    changes: list[tuple[str, str]] = []

    def spell(m: re.Match[str]) -> str:
        written = m.group("y") or m.group("y0")  # "Q4 2025", "2025 Q4", "2025's fourth quarter"
        if m.group("y") and m.group("y0"):
            return m.group(0)  # "2024 Q1 2025": two years for one quarter, left to the reader (and declined)
        if (m.group("ord") or "").lower() in {"last", "final"} and not written:
            return m.group(0)  # "the last quarter" alone is relative to today, not the fourth quarter
        q = int(m.group("q")) if m.group("q") else _ORD[m.group("ord").lower()]
        year = int(written) if written else today.year
        if not written and dt.date(year, 3 * q - 2, 1) > today:
            year -= 1
        first, last = 3 * q - 2, 3 * q
        end = (dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)).day
        words = f"between 1 {_MONTH_NAMES[first - 1]} {year} and {end} {_MONTH_NAMES[last - 1]} {year}"
        changes.append((m.group(0).strip(), words))
        return words

    return _QUARTER_RX.sub(spell, text), changes


_DESIGNATOR_RX = re.compile(r"(?<![\w-])(?P<a>[A-Za-z]{1,3})(?P<sep>-|[ \t])?(?P<b>\d{1,3}[A-Za-z]?)(?![\w-])")


def designators(text: str, vocab: Vocab) -> tuple[str, list[tuple[str, str]]]:
    """A designator written without its hyphen, with a space for it or in lower case ("e3", "kc135", "rc 135") →
    the form the vocabulary knows ("E-3"), said as a correction. Only when the written form itself is unknown and
    exactly one form is known; with a space, only after two or three letters that are no question word ("at 6",
    "a 10" stay words)."""
    changes: list[tuple[str, str]] = []

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word.lower() in vocab.types or word in vocab.types:
            return word
        a = m.group("a")
        if (m.group("sep") or "").isspace() and (len(a) < 2 or a.lower() in KNOWN_WORDS):
            return word
        b, plural = m.group("b"), ""
        forms = {f"{m.group('a')}-{b}".lower(), f"{m.group('a')}{b}".lower()}
        known = sorted(f for f in forms if f in vocab.types)
        if not known and b.endswith("s") and not b[:-1].isalpha():  # "e3s", "p8s": the plural of a designator
            b, plural = b[:-1], "s"
            known = sorted(f for f in {f"{m.group('a')}-{b}".lower(), f"{m.group('a')}{b}".lower()}
                           if f in vocab.types)
        if len(known) != 1:
            return word
        fixed = known[0].upper() + plural
        if fixed != word:
            changes.append((word, fixed))
        return fixed

    return _DESIGNATOR_RX.sub(fix, text), changes


_MON_RX = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?" \
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_YEAR_RX = r"(?:19|20)\d{2}"
_EDGE_RX = re.compile(
    rf"\b(?P<lead>since|from)\s+the\s+(?:start|beginning)\s+of\s+(?:(?P<m1>{_MON_RX})\s+)?(?P<y1>{_YEAR_RX}|the\s+year)"
    rf"\b|\b(?P<until>until|till|up\s+to|through|thru|to|by)\s+the\s+end\s+of\s+(?:(?P<m2>{_MON_RX})\s+)?"
    rf"(?P<y2>{_YEAR_RX}|the\s+year)\b",
    _RX,
)
_WEEK_OF_RX = re.compile(
    rf"\b(?:(?:in|during)\s+)?the\s+week\s+(?:of|(?:starting|beginning)(?:\s+on)?|commencing)\s+(?:(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m1>{_MON_RX})|(?P<m2>{_MON_RX})\s+(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<y>{_YEAR_RX}))?"
    r"(?![\w-])",
    _RX,
)
#: "the 2024 calendar year", "calendar year 2024": the year.
_CALENDAR_YEAR_RX = re.compile(rf"\b(?:the\s+)?(?P<y1>{_YEAR_RX})\s+calendar\s+year\b"
                               rf"|\b(?:the\s+)?calendar\s+year\s+(?P<y2>{_YEAR_RX})\b", _RX)
#: "in 2024 or 2025": the second year gets its preposition back, so the reader reads both.
_YEAR_OR_RX = re.compile(rf"\b(?P<lead>in|during)\s+(?P<a>{_YEAR_RX})\s+(?P<j>or|vs\.?|versus)\s+(?P<b>{_YEAR_RX})\b",
                         _RX)
_WEEKEND_OF_RX = re.compile(
    rf"\b(?:(?:on|over|during|in)\s+)?the\s+weekend\s+of\s+(?:(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:\s*[-–]\s*(?P<e1>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m1>{_MON_RX})"
    rf"|(?P<m2>{_MON_RX})\.?\s+(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<e2>\d{{1,2}}))?),?\s+"
    rf"(?P<y>{_YEAR_RX})(?![\w-])",
    _RX,
)
#: "how about 2024?", "and March?": a follow-up naming only a period, without its preposition.
_BARE_PERIOD_RX = re.compile(
    rf"^(?P<lead>\s*(?:and|what\s+about|how\s+about|and\s+what\s+about)\s+)(?P<p>(?:{_MON_RX}\s+)?{_YEAR_RX}|{_MON_RX})"
    r"\s*[?.!]*\s*$",
    _RX,
)


def _month_number(word: str) -> int:
    from claims.nlp.lexicon import MONTHS

    return MONTHS[word.lower()[:3] if word.lower()[:3] != "sep" else "sep"]


def spell_open_periods(text: str, today: dt.date) -> tuple[str, list[tuple[str, str]]]:
    """Periods the shared reader has no rule for, spelled as ones it has, each returned as a correction so the
    answer says how it was read: "since the start of 2025" → "since 1 January 2025"; "until the end of 2024" →
    "until 31 December 2024"; "through the end of January 2025" → "until 31 January 2025"; "the week of 3 February
    2025" → "between 3 February 2025 and 9 February 2025" (the seven days from the day named, as in "the week of
    March 3"; without a year the days stay yearless, so the bare-month rule picks the year); "how about 2024?" →
    "how about in 2024?"."""
    changes: list[tuple[str, str]] = []

    def edge(m: re.Match[str]) -> str:
        if m.group("lead"):
            year = m.group("y1")
            year = str(today.year) if year.lower().startswith("the") else year
            month = _MONTH_NAMES[_month_number(m.group("m1")) - 1] if m.group("m1") else "January"
            words = f"since 1 {month} {year}"
        else:
            year = m.group("y2")
            year = today.year if year.lower().startswith("the") else int(year)
            month = _month_number(m.group("m2")) if m.group("m2") else 12
            last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
            words = f"until {last} {_MONTH_NAMES[month - 1]} {year}"
        changes.append((m.group(0), words))
        return words

    def week(m: re.Match[str]) -> str:
        day = int(m.group("d1") or m.group("d2"))
        month = _month_number(m.group("m1") or m.group("m2"))
        year = int(m.group("y")) if m.group("y") else today.year
        try:
            when = dt.date(year, month, day)
        except ValueError:
            return m.group(0)
        last = when + dt.timedelta(days=6)
        if not m.group("y") and last.year != when.year:
            return m.group(0)  # a yearless week across New Year: left to the reader (and declined if unread)

        def day_words(d: dt.date) -> str:
            return f"{d.day} {_MONTH_NAMES[d.month - 1]}" + (f" {d.year}" if m.group("y") else "")

        words = f"between {day_words(when)} and {day_words(last)}"
        changes.append((m.group(0).strip(), words + " (the seven days from that day)"))
        return words

    def calendar(m: re.Match[str]) -> str:
        changes.append((m.group(0).strip(), m.group("y1") or m.group("y2")))
        return m.group("y1") or m.group("y2")

    text = _CALENDAR_YEAR_RX.sub(calendar, text)
    text = _YEAR_OR_RX.sub(lambda m: "{lead} {a} {j} {lead} {b}".format(**m.groupdict()), text)
    text = _EDGE_RX.sub(edge, text)
    text = _WEEK_OF_RX.sub(week, text)
    bare = _BARE_PERIOD_RX.match(text)
    if bare:
        text = bare.group("lead") + "in " + text[bare.start("p"):]
    return text, changes


#: "between the 1st and the 14th of October 2025", "from the 3rd to the 9th of February": two days of one month, each
#: with its article — written as "between 1st and 14th October 2025", which the reader holds ("the 1 and the 5 of
#: February", as a second-language writer types it, the same).
_ORDINAL_PAIR_RX = re.compile(rf"\bthe\s+(?P<a>\d{{1,2}}(?:st|nd|rd|th)?)\s+(?P<j>and|to|until|till|through)\s+the\s+"
                              rf"(?P<b>\d{{1,2}}(?:st|nd|rd|th)?)\s+of\s+(?P<m>{_MON_RX})\b", _RX)


def spell_ordinal_days(text: str) -> tuple[str, list[tuple[str, str]]]:
    """"the 1st and the 14th of October" → "1st and 14th October", said as a correction."""
    changes: list[tuple[str, str]] = []

    def pair(m: re.Match[str]) -> str:
        words = f"{m.group('a')} {m.group('j')} {m.group('b')} {m.group('m')}"
        changes.append((m.group(0), words))
        return words

    return _ORDINAL_PAIR_RX.sub(pair, text), changes


def spell_weekends(text: str) -> tuple[str, list[tuple[str, str]]]:
    """"the weekend of 1 February 2025" → "between 1 February 2025 and 2 February 2025" when the day named is a
    Saturday or a Sunday (the weekend it is part of; "the weekend of 1–2 February 2025" when the two days named are
    that Saturday and Sunday), said as a correction. A weekday ("the weekend of 3 March":
    the one before or after?) or a day without its year (which weekday?) is left as written, and declined."""
    changes: list[tuple[str, str]] = []

    def weekend(m: re.Match[str]) -> str:
        try:
            day = dt.date(int(m.group("y")), _month_number(m.group("m1") or m.group("m2")),
                          int(m.group("d1") or m.group("d2")))
        except ValueError:
            return m.group(0)
        if day.weekday() < 5:
            return m.group(0)
        saturday = day - dt.timedelta(days=day.weekday() - 5)
        sunday = saturday + dt.timedelta(days=1)
        named_end = m.group("e1") or m.group("e2")
        if named_end and (day != saturday or int(named_end) != sunday.day):
            return m.group(0)  # "the weekend of 2–3 February": the days named are not one Saturday and Sunday
        words = (f"between {saturday.day} {_MONTH_NAMES[saturday.month - 1]} {saturday.year} and {sunday.day} "
                 f"{_MONTH_NAMES[sunday.month - 1]} {sunday.year}")
        changes.append((m.group(0).strip(), words + " (Saturday and Sunday)"))
        return words

    return _WEEKEND_OF_RX.sub(weekend, text), changes


_COUNT_WORD = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w and w not in {"a", "an", "several", "couple"}),
                             key=len, reverse=True))
_DATE_Y = (rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MON_RX})\.?(?:,?\s+(?P<y>{_YEAR_RX}))?"
           rf"|(?P<m2>{_MON_RX})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>{_YEAR_RX}))?)(?![\w-])")
#: "the ten days to 12 February 2025", "the fortnight to 9 February 2025", "the 10-day period ending 5 February 2025",
#: "the week ending 2 February 2025", "the ten days from / after 27 January 2025": a span counted from a dated day.
_DAYS_TO_RX = re.compile(
    rf"\b(?:the\s+)?(?:(?P<n>\d{{1,3}}|{_COUNT_WORD})[-\s]+(?P<unit>days?|weeks?)|(?P<one>fortnight|week))"
    r"(?:[-\s]+(?:long\s+)?period)?\s+(?P<rel>to|up\s+to|ending(?:\s+on)?|ended(?:\s+on)?|through|from|starting(?:\s+on)?"
    rf"|beginning(?:\s+on)?|after)\s+{_DATE_Y}", _RX)
#: "the first ten days of February 2025", "the last 10 days of January 2025", "the final week of January 2025", "the
#: first fortnight of February 2025" (days 1–14), "the first two weeks of …" (1–14), "the last day of January 2025".
_PART_OF_MONTH_RX = re.compile(
    rf"\b(?:the\s+)?(?P<fl>first|last|final)\s+(?:(?P<n>\d{{1,2}}|{_COUNT_WORD})\s+days|(?P<nw>2|3|two|three)\s+weeks"
    rf"|(?P<week>week|fortnight|day))\s+of\s+"
    rf"(?P<m>{_MON_RX})\.?(?:,?\s+(?P<y>{_YEAR_RX}))?(?![\w-])", _RX)


#: "on 3 and 4 February 2025", "February 3 and 4, 2025": two days named together.
_TWO_DAYS_RX = re.compile(
    rf"(?<!between\s)\b(?:(?P<a>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:and|&)\s+(?P<b>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<m>{_MON_RX})\.?|(?P<m2>{_MON_RX})\.?\s+(?P<a2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:and|&)\s+(?P<b2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?),?\s+(?P<y>{_YEAR_RX})(?![\w-])", _RX)


def _count_of(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


#: The year days without one are counted in (not a leap year: "29 February" without a year is left as written).
_NO_YEAR = 2001


def _dated(a: dt.date, b: dt.date) -> str:
    """"between 3 February 2025 and 12 February 2025"; days of :data:`_NO_YEAR` without their year."""
    if a.year == _NO_YEAR:
        return f"between {a.day} {_MONTH_NAMES[a.month - 1]} and {b.day} {_MONTH_NAMES[b.month - 1]}"
    return f"between {a.day} {_MONTH_NAMES[a.month - 1]} {a.year} and {b.day} {_MONTH_NAMES[b.month - 1]} {b.year}"


def spell_counted_spans(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Spans an article counts from a dated day, spelled as the dates, each said as a correction: "the ten days to
    12 February 2025" → "between 3 February 2025 and 12 February 2025" (the ten days ending with that day; "ending",
    "through" the same), "the fortnight to 9 February 2025" (14 days), "the week ending 2 February 2025" (7), "the
    ten days from 27 January 2025" (starting with it), "… after 26 January 2025" (starting the day after);
    "the first ten days of February 2025", "the final week of January 2025" (its last seven days); "3 and 4 February
    2025" (two days in a row: both; days apart are left as written). Without the
    year the days stay yearless, so the bare-month rule picks it (a span across a new year is left as written);
    "before" is the reader's own."""
    changes: list[tuple[str, str]] = []

    def counted(m: re.Match[str]) -> str:
        try:
            day = dt.date(int(m.group("y") or m.group("y2") or _NO_YEAR), _month_number(m.group("m") or m.group("m2")),
                          int(m.group("d") or m.group("d2")))
        except ValueError:
            return m.group(0)
        n = 14 if (m.group("one") or "").lower() == "fortnight" else 7 if m.group("one") else _count_of(m.group("n"))
        days = n * 7 if (m.group("unit") or "").lower().startswith("week") else n
        rel = m.group("rel").lower()
        start = day + dt.timedelta(days=1) if rel == "after" else day
        a, b = (start, start + dt.timedelta(days=days - 1)) if rel.startswith(("from", "start", "begin", "after")) \
            else (day - dt.timedelta(days=days - 1), day)
        if a.year != b.year and day.year == _NO_YEAR:
            return m.group(0)  # "the ten days to 5 January": across a new year, without the year
        changes.append((m.group(0), _dated(a, b)))
        return _dated(a, b)

    def part(m: re.Match[str]) -> str:
        first = dt.date(int(m.group("y") or _NO_YEAR), _month_number(m.group("m")), 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        n = {"week": 7, "fortnight": 14, "day": 1}.get((m.group("week") or "").lower()) or (
            7 * _count_of(m.group("nw")) if m.group("nw") else _count_of(m.group("n")))
        if n > last.day or (first.year == _NO_YEAR and first.month == 2 and m.group("fl").lower() != "first"):
            return m.group(0)  # "the last day of February" without its year: the 28th or the 29th?
            return m.group(0)
        a, b = (first, first + dt.timedelta(days=n - 1)) if m.group("fl").lower() == "first" \
            else (last - dt.timedelta(days=n - 1), last)
        changes.append((m.group(0), _dated(a, b)))
        return _dated(a, b)

    def two_days(m: re.Match[str]) -> str:
        try:
            month = _month_number(m.group("m") or m.group("m2"))
            a = dt.date(int(m.group("y")), month, int(m.group("a") or m.group("a2")))
            b = dt.date(int(m.group("y")), month, int(m.group("b") or m.group("b2")))
        except ValueError:
            return m.group(0)
        if b != a + dt.timedelta(days=1):
            return m.group(0)  # "3 and 5 February": two days, not the days between (declined, as months are compared)
        changes.append((m.group(0), _dated(a, b)))
        return _dated(a, b)

    text = _DAYS_TO_RX.sub(counted, text)
    return _TWO_DAYS_RX.sub(two_days, _PART_OF_MONTH_RX.sub(part, text)), changes


_APOSTROPHE_YEAR_RX = re.compile(r"(?<![\w'’])['’](?P<yy>\d{2})(?![\w'’])")
_MONTH_DASH_YEAR_RX = re.compile(rf"\b(?P<m>{_MON_RX})\.?[-/](?P<y>{_YEAR_RX})\b", _RX)
#: "3-Feb-2025", "03-Feb-25", "3/Feb/2025": a day, a named month and a year joined by dashes or slashes (the day first,
#: the month named, so no reading order is in doubt; a two-digit year is of this century).
_DAY_MONTH_YEAR_RX = re.compile(rf"(?<![\w/-])(?P<d>\d{{1,2}})(?P<s>[-/])(?P<m>{_MON_RX})(?P=s)"
                                rf"(?P<y>{_YEAR_RX}|\d{{2}})(?![\w/-])", _RX)
_FORTNIGHT_RX = re.compile(r"\b(?:the\s+)?(?:last|past|previous)\s+fortnight\b", _RX)
_YEAR_BEFORE_LAST_RX = re.compile(r"\b(?:in\s+|during\s+)?the\s+year\s+before\s+last\b", _RX)
_PAST_WEEKEND_RX = re.compile(r"\b(?:(?:on|in|during)\s+)?(?:this\s+past|the\s+past|the\s+last|last|over\s+the)"
                              r"\s+weekend\b(?!\s+(?:of|before|after)\b)", _RX)
_MONTH_SLASH_YEAR_RX = re.compile(rf"(?<![\d/])(?P<m>0?[1-9]|1[0-2])/(?P<y>{_YEAR_RX})(?![\d/])")
_FIRST_DAYS_RX = re.compile(rf"\b(?:in\s+|during\s+)?the\s+(?P<edge>first|last)\s+(?P<n>\d{{1,2}})\s+days\s+of\s+"
                            rf"(?P<m>{_MON_RX})\.?\s+(?P<y>{_YEAR_RX})\b", _RX)
_NTH_TO_NTH_RX = re.compile(rf"\bfrom\s+the\s+(?P<a>\d{{1,2}})(?:st|nd|rd|th)\s+(?:to|until|till|through)\s+the\s+"
                            rf"(?P<b>\d{{1,2}})(?:st|nd|rd|th)\s+of\s+(?P<m>{_MON_RX})\.?,?\s+(?P<y>{_YEAR_RX})\b", _RX)
_DAY_BEFORE_YESTERDAY_RX = re.compile(r"\b(?:on\s+)?the\s+day\s+before\s+yesterday\b", _RX)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_DATE_RX = re.compile(
    r"\b(?P<wd>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\.?,?\s+"
    rf"(?P<date>(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MON_RX})\.?,?\s+(?P<y1>{_YEAR_RX})"
    rf"|(?P<m2>{_MON_RX})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR_RX}))\b", _RX)


#: A date written as a day, a month and a year: "27 January 2025" / "January 27, 2025"; a month with its year; a year.
_DATE_WORDS = (rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON_RX}\.?|{_MON_RX}\.?\s+\d{{1,2}}"
               rf"(?:st|nd|rd|th)?|{_MON_RX}\.?)(?:,?\s+{_YEAR_RX})?|{_YEAR_RX}")
#: "from October 2025 on", "from 1 February 2025 onwards": since then ("on" alone is a filler word to the reader,
#: which would leave October 2025 alone).
_FROM_ON_RX = re.compile(rf"\bfrom\s+(?P<p>{_DATE_WORDS})\s+(?:on(?:wards?)?|onwards?|forwards?|and\s+(?:after|later))"
                         r"(?![\w-])", _RX)
#: "up to and including January 2025": until its end; "… and including 3 February 2025": until that day.
_INCLUDING_RX = re.compile(rf"\b(?:up\s+to|through|thru|until|till|to)\s+and\s+including\s+(?=(?P<p>{_DATE_WORDS}))",
                           _RX)
#: "27/01/2025", "2/13/2025", "03.02.2025": a numeric date whose day and month can be told apart — one of the two
#: above 12 with slashes, or dots (written day first) —; "2/3/2025" is left as written (declined: which?).
_NUMERIC_DATE_RX = re.compile(rf"(?<![\w/.-])(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR_RX})"
                              r"(?![\w/-]|\.\d)")
#: "in 2025-02": the month.
_ISO_MONTH_RX = re.compile(rf"\b(?P<lead>in|during|for|of|since|before|after|until)\s+(?P<y>{_YEAR_RX})-"
                           r"(?P<m>0[1-9]|1[0-2])(?![\w-])", _RX)


def spell_open_ends(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Open periods and numeric dates the reader has no rule for, spelled as ones it has and said as corrections:
    "from October 2025 on" → "since October 2025"; "up to and including January 2025" → "until the end of
    January 2025"; "27/01/2025" → "27 January 2025", "2/13/2025" → "13 February 2025", "03.02.2025" → "3 February
    2025"; "in 2025-02" → "in February 2025"."""
    changes: list[tuple[str, str]] = []

    def say(m: re.Match[str], words: str) -> str:
        changes.append((m.group(0).strip(), words))
        return words

    def numeric(m: re.Match[str]) -> str:
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group("sep") == "/" and a <= 12 and b <= 12 and a != b:  # "02/02/2025" is one day either way
            return m.group(0)
        day, month = (a, b) if m.group("sep") == "." or a > 12 else (b, a)
        try:
            dt.date(int(m.group("y")), month, day)
        except ValueError:
            return m.group(0)
        return say(m, f"{day} {_MONTH_NAMES[month - 1]} {m.group('y')}")

    def including(m: re.Match[str]) -> str:
        whole = not re.match(r"(?:the\s+)?\d{1,2}(?!\d)|\w+\.?\s+\d{1,2}(?!\d)", m.group("p"))
        words = "until the end of " if whole else "until "
        changes.append((m.group(0).strip(), words.strip()))
        return words

    text = _NUMERIC_DATE_RX.sub(numeric, text)
    text = _ISO_MONTH_RX.sub(lambda m: say(m, f"{m.group('lead')} {_MONTH_NAMES[int(m.group('m')) - 1]} "
                                              f"{m.group('y')}"), text)
    text = _FROM_ON_RX.sub(lambda m: say(m, "since " + re.sub(r"^the\s+|(?<=\d)(?:st|nd|rd|th)\b|\bof\s+", "",
                                                              m.group("p"), flags=_RX)), text)
    return _INCLUDING_RX.sub(including, text), changes


def _full_year(y: str) -> int:
    """"2025" → 2025; "25" → 2025 (a two-digit year after a day and a named month)."""
    return int(y) if len(y) == 4 else 2000 + int(y)


def spell_chat_dates(text: str, today: dt.date) -> tuple[str, list[tuple[str, str]]]:
    """Dates as people type them in chat, spelled as ones the reader has, each said as a correction: "Feb '25" →
    "Feb 2025" (a two-digit year after an apostrophe: this century unless that is after next year); "Oct-2025" →
    "Oct 2025"; "the last fortnight" → "the last 14 days"; "the year before last" → "in 2024"; "this past weekend",
    "last weekend", "over the weekend" → the last Saturday and Sunday before today (left as written on a Saturday
    or a Sunday: this one or the one before?); "Tuesday 21 October 2025" → "21 October 2025" when that day is a
    Tuesday (a weekday that does not match is left, and declined)."""
    text, changes = spell_open_ends(text)

    def say(m: re.Match[str], words: str) -> str:
        changes.append((m.group(0).strip(), words))
        return words

    def two_digit(m: re.Match[str]) -> str:
        year = 2000 + int(m.group("yy"))
        return say(m, str(year if year <= today.year + 1 else year - 100))

    def weekend(m: re.Match[str]) -> str:
        if today.weekday() >= 5:
            return m.group(0)
        sunday = today - dt.timedelta(days=today.weekday() + 1)
        saturday = sunday - dt.timedelta(days=1)
        return say(m, f"between {saturday.day} {_MONTH_NAMES[saturday.month - 1]} {saturday.year} and {sunday.day} "
                      f"{_MONTH_NAMES[sunday.month - 1]} {sunday.year}")

    text = _APOSTROPHE_YEAR_RX.sub(two_digit, text)
    text = _IN_OR_AFTER_RX.sub(lambda m: say(m, "since"), text)
    text = _IN_OR_BEFORE_RX.sub(lambda m: say(m, "until the end of"), text)
    text = _ON_OR_BEFORE_RX.sub(lambda m: say(m, "until"), text)
    text = _OF_LAST_YEAR_RX.sub(lambda m: say(m, f"{m.group('what')} of "
                                                 f"{today.year - (m.group('which').lower() == 'last')}"), text)
    text = _DAY_MONTH_YEAR_RX.sub(lambda m: say(m, f"{int(m.group('d'))} {m.group('m')} {_full_year(m.group('y'))}"),
                                  text)
    text = _MONTH_DASH_YEAR_RX.sub(lambda m: say(m, f"{m.group('m')} {m.group('y')}"), text)
    text = _FORTNIGHT_RX.sub(lambda m: say(m, "the last 14 days"), text)
    text = _YEAR_BEFORE_LAST_RX.sub(lambda m: say(m, f"in {today.year - 2}"), text)
    text = _PAST_WEEKEND_RX.sub(weekend, text)
    text = _MONTH_SLASH_YEAR_RX.sub(lambda m: say(m, f"{_MONTH_NAMES[int(m.group('m')) - 1]} {m.group('y')}"), text)
    text = _FIRST_DAYS_RX.sub(lambda m: say(m, _month_edge(m) or m.group(0)), text)
    text = _NTH_TO_NTH_RX.sub(lambda m: say(m, f"between {m.group('a')} {m.group('m')} {m.group('y')} and "
                                                f"{m.group('b')} {m.group('m')} {m.group('y')}"), text)
    yesterday = today - dt.timedelta(days=2)
    text = _DAY_BEFORE_YESTERDAY_RX.sub(lambda m: say(m, f"on {yesterday.day} {_MONTH_NAMES[yesterday.month - 1]} "
                                                         f"{yesterday.year}"), text)
    return _WEEKDAY_DATE_RX.sub(lambda m: _without_weekday(m, changes), text), changes


def _month_edge(m: re.Match[str]) -> str:
    """"the first 10 days of October 2025" → "between 1 October 2025 and 10 October 2025"; "the last 7 days of …"
    the month's last seven. Empty when the number is not a part of the month."""
    year, month = int(m.group("y")), _month_number(m.group("m"))
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    n = int(m.group("n"))
    if not 1 <= n <= last:
        return ""
    a, b = (1, n) if m.group("edge").lower() == "first" else (last - n + 1, last)
    name = _MONTH_NAMES[month - 1]
    return f"between {a} {name} {year} and {b} {name} {year}"


def _without_weekday(m: re.Match[str], changes: list[tuple[str, str]]) -> str:
    """"Tuesday 21 October 2025": the date alone when the weekday is that date's, else as written."""
    try:
        day = dt.date(int(m.group("y1") or m.group("y2")), _month_number(m.group("m1") or m.group("m2")),
                      int(m.group("d1") or m.group("d2")))
    except ValueError:
        return m.group(0)
    if _WEEKDAYS[day.weekday()] != m.group("wd").lower()[:3]:
        return m.group(0)
    changes.append((m.group(0).strip(), m.group("date") + f" (a {day.strftime('%A')})"))
    return m.group("date")


#: "year to date", "YTD": this year so far.
_YEAR_TO_DATE_RX = re.compile(r"\b(?:(?:for\s+|in\s+)?(?:the\s+)?year[\s-]+to[\s-]+date|ytd)\b", _RX)
#: "last quarter", "the previous quarter": the calendar quarter before this one.
_LAST_QUARTER_RX = re.compile(r"\b(?:in\s+|during\s+)?(?:the\s+)?(?:last|previous)\s+quarter\b(?!\s+of\b)", _RX)
#: "over the course of 2024", "for the whole of 2025", "all of 2024": the year.
_WHOLE_YEAR_RX = re.compile(rf"\b(?:over\s+the\s+course\s+of|(?:for|in|during|throughout)\s+the\s+(?:whole|entirety)"
                            rf"\s+of|(?:for|in|during)\s+all\s+of)\s+(?=(?:{_YEAR_RX})\b)", _RX)
#: "in the year 2024", "in calendar 2025": the year.
_THE_YEAR_RX = re.compile(rf"\b(?:in|during|for)\s+(?:the\s+(?:calendar\s+)?year|calendar(?:\s+year)?)\s+"
                          rf"(?=(?:{_YEAR_RX})\b)", _RX)
#: "the first quarter of last year": the quarter of that year, written out.
_OF_LAST_YEAR_RX = re.compile(r"\b(?P<what>quarter|half|week|month)\s+of\s+(?P<which>last|this)\s+year\b", _RX)
#: "Jan-Feb 2025", "Jan–Mar 2025": the months from one to the other.
_MONTH_RANGE_RX = re.compile(rf"\b(?P<a>{_MON_RX})\.?\s*[-–]\s*(?P<b>{_MON_RX})\.?\s+(?P<y>{_YEAR_RX})\b", _RX)
#: "Christmas Day 2024", "Christmas Eve 2024", "New Year's Day 2025": that day.
_HOLIDAY_DAY_RX = re.compile(rf"\b(?P<h>christmas\s+day|christmas\s+eve|new\s+year['’]?s\s+day|new\s+year['’]?s\s+eve)"
                             rf",?\s+(?P<y>{_YEAR_RX})\b", _RX)
_HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new years day": (1, 1), "new years eve": (12, 31)}
#: "the second week of February 2025": days 8–14, as "the first week of" is days 1–7.
_NTH_WEEK_RX = re.compile(rf"\bthe\s+(?P<n>second|third|fourth|2nd|3rd|4th)\s+week\s+of\s+(?P<m>{_MON_RX})\.?\s+"
                          rf"(?P<y>{_YEAR_RX})\b", _RX)
_NTH = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
#: "the first two months of 2025", "the last 3 months of 2024": whole calendar months at one end of a year.
_MONTHS_OF_YEAR_RX = re.compile(rf"\b(?:in\s+|during\s+)?the\s+(?P<fl>first|last|final)\s+(?P<n>\d{{1,2}}|two|three"
                                r"|four|five|six|seven|eight|nine|ten|eleven)\s+months\s+of\s+"
                                rf"(?P<y>{_YEAR_RX})\b", _RX)


def _months_of_year(m: re.Match[str]) -> str:
    """"the first two months of 2025" → "between 1 January 2025 and 28 February 2025"; empty when not 1–11."""
    n = _count_of(m.group("n"))
    if not 1 <= n <= 11:
        return ""
    year = int(m.group("y"))
    first, last = (1, n) if m.group("fl").lower() == "first" else (13 - n, 12)
    end = (dt.date(year + (last == 12), last % 12 + 1, 1) - dt.timedelta(days=1)).day
    return f"between 1 {_MONTH_NAMES[first - 1]} {year} and {end} {_MONTH_NAMES[last - 1]} {year}"
#: "since Christmas", "last Christmas", "since New Year": the most recent such day (never one a year earlier).
_SINCE_CHRISTMAS_RX = re.compile(r"\bsince\s+(?:last\s+)?christmas\b(?!\s+(?:day|eve)\b|\s*,?\s*(?:19|20)\d{2})", _RX)
_LAST_CHRISTMAS_RX = re.compile(r"\b(?:on\s+|at\s+|over\s+)?last\s+christmas\b(?!\s+(?:day|eve)\b)", _RX)
#: "since Christmas 2024", "since New Year's Day 2025": from that day on.
_SINCE_DATED_HOLIDAY_RX = re.compile(r"\bsince\s+(?:(?P<x>christmas)(?:\s+day)?|(?:the\s+)?new\s+year(?:['’]?s)?"
                                     r"(?:\s+day)?),?\s+(?P<y>(?:19|20)\d{2})\b", _RX)
#: "the previous year", "the previous calendar year": last year (the calendar year before this one), not the past
#: twelve months.
_PREVIOUS_YEAR_RX = re.compile(r"\b(?:(?:in|during)\s+)?the\s+previous\s+(?:calendar\s+)?year\b", _RX)
_SINCE_NEW_YEAR_RX = re.compile(r"\bsince\s+(?:the\s+)?new\s+year(?:['’]s)?(?:\s+day)?\b(?!\s*,?\s*(?:19|20)\d{2})",
                                _RX)
#: "in or after February 2025": from its start ("after" alone starts the day after it ends); "in or before 2024": to
#: its end ("before" alone ends the day before it starts).
_IN_OR_AFTER_RX = re.compile(r"\b(?:in|on|during)\s+or\s+(?:after|since)\b", _RX)
_IN_OR_BEFORE_RX = re.compile(r"\b(?:in|during)\s+or\s+(?:before|prior\s+to)\b", _RX)
#: "on or before 3 February 2025": up to that day, included ("before" alone ends the day before).
_ON_OR_BEFORE_RX = re.compile(r"\bon\s+or\s+(?:before|prior\s+to)\b", _RX)
#: "2024 and 2025 combined": the two years' span.
_COMBINED_RX = re.compile(rf"\b(?P<a>{_YEAR_RX})\s+and\s+(?P<b>{_YEAR_RX})\s+(?:combined|together)\b", _RX)
#: A year typed with no word before it ("tankers 2025?", "usaf flights 2024 total"): "in <year>".
_BARE_YEAR_RX = re.compile(rf"(?<![\w'’/.:-])(?P<y>{_YEAR_RX})(?![\w/.:-]|\s*(?:nm|nmi|mi|miles?|km|feet|ft|m)\b)",
                           _RX)
#: The words after which a year is already part of a period or a number: left as it is.
_BEFORE_A_YEAR = frozenset((
    "in", "of", "since", "before", "after", "until", "till", "from", "to", "and", "or", "vs", "vs.", "versus",
    "between", "during", "through", "thru", "by", "for", "throughout", "early", "late", "mid", "end", "start",
    "beginning", "than", "the", "calendar", "fiscal", "fy", "q1", "q2", "q3", "q4", "h1", "h2", "year", "half",
    "quarter", "last", "this", "next", "previous", "past", "coming", "every", "each", "per", "a", "an", "that"))
#: A month typed last with no word before it ("p8s near tx feb?", "rc135 north sea oct"): "in <month>". Not "may"
#: or "march" (words), not after a preposition or a day number.
#: "the 2025 surveillance flights": the year as a describing word, moved after the flights ("the surveillance flights
#: in 2025"); a number there would otherwise be read as a count of missions. A describing word must follow, and the
#: year be one of the records' era: "the 2000 flights" stays a number (declined: which ones?).
_THE_YEAR_FLIGHTS_RX = re.compile(r"\bthe\s+(?P<y>20[1-9]\d)\s+(?P<np>(?:[\w-]+\s+){1,3}?"
                                  r"(?:missions?|flights?|sorties?))\b", _RX)
_BARE_MONTH_RX = re.compile(r"(?<=\s)(?P<m>jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|june?|july?|aug(?:ust)?"
                            r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?=\W*$)", _RX)


#: Chat abbreviations of the words a question is made of, spelled out and said as corrections ("msns" → "missions").
#: Only abbreviations that are no English word and no name in the vocabulary; "no of" only before "of".
#: The British spelling of a word the reader holds in its US spelling is spelled the US way, and said.
_CHAT_WORDS = {"msn": "mission", "msns": "missions", "acft": "aircraft", "qty": "number", "quantity": "number",
               "aeroplane": "plane", "aeroplanes": "planes", "w/c": "the week commencing", "w/e": "the week ending",
               "w/o": "without", "b/w": "between", "btwn": "between"}
_CHAT_WORDS_RX = re.compile(r"(?<![\w-])(?P<w>msns?|acft|qty|quantity|aeroplanes?|btwn)(?![\w-])"
                            r"|(?<![\w/])(?:the\s+)?(?P<w2>w/[ceo]|b/w)(?![\w/])"
                            r"|(?<![\w-])(?P<no>no\.?|nr\.?|num\.?)(?=\s+of\b)|\b(?P<you>(?:can|could|would|will|do|did)\s+)u(?![\w-])"
                            r"|\b(?P<yl>in|during|for)\s+(?:the\s+)?year\s+(?P<y>(?:19|20)\d{2})\b"
                            r"|\b(?P<verb>(?:list|show|count|map|plot)\s+)em\b", _RX)


def spell_chat_words(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Chat shorthand of question words, spelled out and said: "msns" → "missions", "acft" → "aircraft", "w/c" → "the
    week commencing", "w/e" → "the week ending", "w/o" → "without", "b/w" → "between", "no of" /
    "nr of" / "num of" / "quantity of" → "number of", "can u" → "can you", "in year 2025" → "in 2025", "list em" →
    "list them"."""
    changes: list[tuple[str, str]] = []

    def spell(m: re.Match[str]) -> str:
        if m.group("w") or m.group("w2"):
            words = _CHAT_WORDS[(m.group("w") or m.group("w2")).lower()]
        elif m.group("no"):
            words = "number"
        elif m.group("you"):
            words = m.group("you") + "you"
        elif m.group("verb"):
            words = m.group("verb") + "them"
        else:
            words = f"{m.group('yl')} {m.group('y')}"
        changes.append((m.group(0).strip(), words))
        return words

    return _CHAT_WORDS_RX.sub(spell, text), changes


def spell_terse_periods(text: str, today: dt.date) -> tuple[str, list[tuple[str, str]]]:
    """Periods as terse chat writes them, spelled as ones the reader has and said as corrections: "year to date" →
    "so far this year"; "last quarter" → the calendar quarter before this one; "over the course of / for the whole
    of / all of 2024" → "in 2024"; "2024 and 2025 combined" → "2024 and 2025" (their span); a year or a final month
    with no word before it ("tankers 2025?", "p8s near tx feb?") → "in 2025", "in feb"."""
    changes: list[tuple[str, str]] = []

    def say(m: re.Match[str], words: str) -> str:
        changes.append((m.group(0).strip(), words.strip()))
        return words

    def last_quarter(m: re.Match[str]) -> str:
        q = (today.month - 1) // 3
        year, q = (today.year, q) if q else (today.year - 1, 4)
        first = dt.date(year, 3 * q - 2, 1)
        last = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
        return say(m, f"between {first.day} {_MONTH_NAMES[first.month - 1]} {year} and {last.day} "
                      f"{_MONTH_NAMES[last.month - 1]} {year}")

    def bare(m: re.Match[str], key: str) -> str:
        before = re.search(r"([\w.’']+)\W*$", text[:m.start()])
        word = before.group(1).lower() if before else ""
        if not before and key == "y" and m.start() == len(text) - len(text.lstrip()):
            return say(m, f"In {m.group(key)}")  # "2025 P-8 flights near Texas?": the year first
        if re.search(r"(?<![\w-])[A-Za-z]{1,3}-\d{1,3}[A-Za-z]?\s+$", text[:m.start()]):
            return say(m, f"in {m.group(key)}")  # "U-2 2024": the year after a designator
        if not before or word in _BEFORE_A_YEAR or word.isdigit() or re.fullmatch(r"\d+(?:st|nd|rd|th)", word) \
                or re.fullmatch(_MON_RX, word.rstrip("."), _RX) \
                or text[:m.start()].rstrip().endswith((",", "'", "’")):
            return m.group(0)
        return say(m, f"in {m.group(key)}")

    def holiday(m: re.Match[str]) -> str:
        month, day = _HOLIDAYS[re.sub(r"['’\s]+", " ", m.group("h").lower()).replace("year s", "years")]
        return say(m, f"{day} {_MONTH_NAMES[month - 1]} {m.group('y')}")

    def nth_week(m: re.Match[str]) -> str:
        first = 7 * (_NTH[m.group("n").lower()] - 1) + 1
        name = _MONTH_NAMES[_month_number(m.group("m")) - 1]
        return say(m, f"between {first} {name} {m.group('y')} and {first + 6} {name} {m.group('y')}")

    christmas = today.year if today >= dt.date(today.year, 12, 25) else today.year - 1
    text = _SINCE_DATED_HOLIDAY_RX.sub(lambda m: say(m, f"since 25 December {m.group('y')}" if m.group("x")
                                                     else f"since 1 January {m.group('y')}"), text)
    text = _PREVIOUS_YEAR_RX.sub(lambda m: say(m, f"in {today.year - 1}"), text)
    text = _SINCE_CHRISTMAS_RX.sub(lambda m: say(m, f"since 25 December {christmas}"), text)
    text = _LAST_CHRISTMAS_RX.sub(lambda m: say(m, f"on 25 December {christmas}"), text)
    text = _SINCE_NEW_YEAR_RX.sub(lambda m: say(m, f"since 1 January {today.year}"), text)
    text = _YEAR_TO_DATE_RX.sub(lambda m: say(m, "so far this year"), text)
    text = _THE_YEAR_RX.sub(lambda m: say(m, "in "), text)
    text = _MONTH_RANGE_RX.sub(lambda m: say(m, f"{m.group('a')} to {m.group('b')} {m.group('y')}"), text)
    text = _HOLIDAY_DAY_RX.sub(holiday, text)
    text = _NTH_WEEK_RX.sub(nth_week, text)
    text = _MONTHS_OF_YEAR_RX.sub(lambda m: say(m, _months_of_year(m)) if _months_of_year(m) else m.group(0), text)
    text = _LAST_QUARTER_RX.sub(last_quarter, text)
    text = _WHOLE_YEAR_RX.sub(lambda m: say(m, "in "), text)
    text = _COMBINED_RX.sub(lambda m: say(m, f"{m.group('a')} and {m.group('b')}"), text)
    text = _THE_YEAR_FLIGHTS_RX.sub(lambda m: say(m, f"the {m.group('np')} in {m.group('y')}"), text)
    text = _BARE_YEAR_RX.sub(lambda m: bare(m, "y"), text)
    # "2025 vs 2024 for…" → "In 2025 vs in 2024": the second year gets its preposition too
    text = _YEAR_OR_RX.sub(lambda m: "{lead} {a} {j} {lead} {b}".format(**m.groupdict()), text)
    return _BARE_MONTH_RX.sub(lambda m: bare(m, "m"), text), changes
