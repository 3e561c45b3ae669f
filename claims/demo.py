"""The demo article, written in the project's own words, and the claims a fact-checker annotated in it.

The facts it reports are the ones the demo flight dataset (evidence/flightdata/demo.py) was generated to match.
"""

from __future__ import annotations

import datetime as dt

DEMO_ARTICLE = {
    "title": "Military spy flights near the Mexican border multiply, flight data shows",
    "outlet": "The Desert Ledger",
    "author": "Flightcheck demo desk",
    "url": "https://example.org/news/2025/02/surveillance-flights-border",
    "published_at": dt.datetime(2025, 2, 7, 14, 0, tzinfo=dt.UTC),
    "body": (
        "The US military has sharply increased surveillance flights near the US-Mexico border, according to "
        "open-source flight data and three US officials.\n\n"
        "At least 18 missions were flown over a 10-day span in late January and early February, over the "
        "southwestern United States and in international airspace near the Baja California peninsula, the "
        "officials said. Historically, such flights happened about once a month, a defense official said.\n\n"
        "At least 11 of the missions were flown by Navy P-8 aircraft, according to the flight data. "
        "A U-2 spy plane flew a mission on February 3, the data shows. Aircraft were tracked over California, "
        "Arizona and Texas.\n\n"
        "On February 4, an Air Force RC-135 Rivet Joint circled the Baja peninsula and approached Sinaloa, "
        "one of the officials said.\n\n"
        "Border czar Tom Homan said in an interview that the flights were meant to gather intelligence on "
        "cartel activity. The Pentagon did not respond to a request for comment."
    ),
}

#: (quote as it stands in the body, claimant). Offsets are computed from the text when the demo is loaded.
DEMO_CLAIMS: list[tuple[str, str]] = [
    (
        "The US military has sharply increased surveillance flights near the US-Mexico border",
        "open-source flight data and three US officials",
    ),
    (
        "At least 18 missions were flown over a 10-day span in late January and early February",
        "three US officials",
    ),
    ("Historically, such flights happened about once a month", "a defense official"),
    ("At least 11 of the missions were flown by Navy P-8 aircraft", "open-source flight data"),
    ("A U-2 spy plane flew a mission on February 3", "open-source flight data"),
    ("Aircraft were tracked over California, Arizona and Texas", "open-source flight data"),
    (
        "On February 4, an Air Force RC-135 Rivet Joint circled the Baja peninsula and approached Sinaloa",
        "a US official",
    ),
    (
        "the flights were meant to gather intelligence on cartel activity",
        "border czar Tom Homan (interview)",
    ),
]

DEMO_SOURCES = [
    {
        "kind": "flight_data",
        "title": "Flightcheck demo ADS-B traces, 27 January – 5 February 2025",
        "publisher": "Flightcheck demo dataset",
        "notes": "Synthetic readsb trace files generated for the demo (evidence/flightdata/demo.py).",
        "published_on": dt.date(2025, 2, 6),
    },
    {
        "kind": "interview",
        "title": "Interview with the border czar on surveillance flights",
        "publisher": "Demo broadcaster",
        "notes": "Demo source: stands for the interview the article cites.",
        "published_on": dt.date(2025, 2, 6),
    },
]

# ------------------------------------------------------------------------------------------------- second story

#: A second demo article, elsewhere in the world (written for Flightcheck; the flights it reports are the ones
#: evidence/flightdata/demo.py's WORLD_STORY generates): RQ-4 flights over the Black Sea and RC-135 flights near
#: Kaliningrad in October 2025.
WORLD_ARTICLE = {
    "title": "Allied spy planes keep watch over the Black Sea and the Baltic",
    "outlet": "The Harbour Gazette",
    "author": "Flightcheck demo desk",
    "url": "https://example.org/news/2025/10/black-sea-baltic-surveillance",
    "published_at": dt.datetime(2025, 10, 31, 9, 0, tzinfo=dt.UTC),
    "body": (
        "Allied surveillance aircraft kept up a steady watch over the Black Sea and the Baltic in October, "
        "according to open-source flight data and a NATO official.\n\n"
        "A US Air Force RQ-4 Global Hawk drone flew four missions over the Black Sea in October, the flight data "
        "shows. Each time it took off from Naval Air Station Sigonella in Sicily and circled south-west of Crimea "
        "for several hours.\n\n"
        "Royal Air Force RC-135W Rivet Joint aircraft flew three missions near Kaliningrad in October, according to "
        "the flight data. On October 28 a US Air Force RC-135 from RAF Mildenhall followed the same track along the "
        "Baltic coast.\n\n"
        "All of the flights stayed in international airspace, a NATO official said. Russia's Defence Ministry said "
        "it had scrambled fighter jets to escort a reconnaissance aircraft over the Baltic Sea, without saying when."
    ),
}

#: (quote, claimant) as a fact-checker marked them in WORLD_ARTICLE.
WORLD_CLAIMS: list[tuple[str, str]] = [
    ("A US Air Force RQ-4 Global Hawk drone flew four missions over the Black Sea in October",
     "open-source flight data"),
    ("Each time it took off from Naval Air Station Sigonella in Sicily and circled south-west of Crimea for several "
     "hours", "open-source flight data"),
    ("Royal Air Force RC-135W Rivet Joint aircraft flew three missions near Kaliningrad in October",
     "open-source flight data"),
    ("On October 28 a US Air Force RC-135 from RAF Mildenhall followed the same track along the Baltic coast",
     "open-source flight data"),
    ("All of the flights stayed in international airspace", "a NATO official"),
    ("it had scrambled fighter jets to escort a reconnaissance aircraft over the Baltic Sea",
     "Russia's Defence Ministry"),
]

WORLD_SOURCES = [
    {
        "kind": "flight_data",
        "title": "Flightcheck demo ADS-B traces, October 2025 (Black Sea and Baltic)",
        "publisher": "Flightcheck demo dataset",
        "notes": "Synthetic readsb trace files generated for the demo (evidence/flightdata/demo.py, WORLD_STORY).",
        "published_on": dt.date(2025, 10, 30),
    },
    {
        "kind": "official_statement",
        "title": "Russian Defence Ministry statement on a Baltic intercept",
        "publisher": "Demo ministry",
        "notes": "Demo source: stands for the statement the article cites; fighters seldom show on ADS-B, so "
                 "flight data cannot confirm or refute it.",
        "published_on": dt.date(2025, 10, 29),
    },
]
