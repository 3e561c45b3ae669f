"""Pictures asked for inside a question: "map of the flights near Crimea", "plot the P-8 flights near Texas on a map",
"chart the missions per month in 2025", "timeline of flights near Crimea", "draw the RC-135 tracks near Kaliningrad".

Every answer about missions carries a picture already (bot/pictures.py): a map, or bars for a breakdown. These words
say which one the editor wants, so they are read (never reported as not understood) and the answer's picture follows
them. A message that is nothing but a picture request ("show me a map", "chart it") is the previous answer's picture
and never reaches the parser (``bot.pictures.picture_request``).
"""
from __future__ import annotations

import re

Spans = list[tuple[int, int, str]]

_RX = re.IGNORECASE

#: Words that ask for a map: "on a map", "map of", "mapped", "plot", "draw", "visualise".
MAP_RX = re.compile(r"\b(?:(?:on|in)\s+(?:a|the)\s+)?maps?\b|\bmapp(?:ed|ing)\b|\bplot(?:ted|ting)?\b"
                    r"|\bdraw(?:n|ing)?\b|\bvisuali[sz]e\b", _RX)
#: Words that ask for bars or a timeline: "chart", "graph", "bar chart", "histogram", "timeline".
CHART_RX = re.compile(r"\b(?:(?:as|in)\s+(?:a|the)\s+)?(?:bar\s+)?(?:charts?|charted|graphs?|graphed|histograms?"
                      r"|timelines?)\b", _RX)
#: "the RC-135 tracks", "its flight path": the drawn line of a flight, said only beside a word that shows it.
TRACK_RX = re.compile(r"\b(?:flight\s+)?(?:tracks?|paths?|routes?|trails?)\b", _RX)
_SHOWN_RX = re.compile(r"\b(?:show|see|view|display|draw|plot|map|visuali[sz]e)\b", _RX)


def read_picture(text: str, spans: Spans, *, breakdown: bool) -> str:
    """"map", "chart" or "" for the picture ``text`` asks for, marking its words in ``spans``. ``breakdown``: the
    question asks for a breakdown, whose picture is its bars, so "plot the missions per month" asks for a chart."""
    charts = list(CHART_RX.finditer(text))
    maps = list(MAP_RX.finditer(text))
    tracks = list(TRACK_RX.finditer(text)) if (maps or _SHOWN_RX.search(text)) else []
    if not (charts or maps or tracks):
        return ""
    only_plot = all(m.group(0).lower().startswith("plot") for m in maps) and not tracks
    kind = "chart" if charts or (breakdown and only_plot) else "map"
    for m in (*charts, *maps, *tracks):
        spans.append((m.start(), m.end(), f"asked: {kind}"))
    return kind
