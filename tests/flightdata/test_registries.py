"""Registry readers and the military address ranges."""

from __future__ import annotations

from evidence.flightdata.registries import detect_registry_format, is_military_address, read_registry

PLANE_ALERT = (
    "$ICAO,$Registration,$Operator,$Type,$ICAO Type,#CMPG,$Tag 1,$#Tag 2,$#Tag 3,Category,$#Link\n"
    "AE01C5,64-14843,USAF,Boeing RC-135V,R135,Mil,Eye In The Sky,SIGINT,Rivet Joint,USAF,https://example\n"
    "NOTHEX,x,y,z,R135,Mil,,,,,\n"
    "A12345,N123,Someone,Cessna 172,C172,Civ,,,,,\n"
)
TAR1090 = "ae01c5;64-14843;R135;10;BOEING RC-135V;1964;United States Air Force;\nzz;bad;;;\nae0002;;;0x;;;;\n"


def test_military_ranges():
    assert is_military_address("ae01c5") and is_military_address("adf7c8") and is_military_address("afffff")
    assert not any(is_military_address(h) for h in ("adf7c7", "a00001", "~ae0001", "zzz"))


def test_plane_alert(tmp_path):
    path = tmp_path / "plane-alert-db.csv"
    path.write_text(PLANE_ALERT)
    assert detect_registry_format(path) == "plane-alert"
    errors = []
    records = list(read_registry(path, errors=errors))
    assert [r.hex for r in records] == ["ae01c5", "a12345"]
    rj = records[0]
    assert (rj.registration, rj.operator, rj.type_name, rj.icao_type, rj.military) == (
        "64-14843",
        "USAF",
        "Boeing RC-135V",
        "R135",
        True,
    )
    assert rj.tags == ["Eye In The Sky", "SIGINT", "Rivet Joint"] and records[1].military is False
    assert [(e.line, "NOTHEX" in e.reason) for e in errors] == [(3, True)]


def test_tar1090(tmp_path):
    path = tmp_path / "aircraft.csv"
    path.write_text(TAR1090)
    assert detect_registry_format(path) == "tar1090"
    errors = []
    (rec,) = read_registry(path, errors=errors)
    assert (rec.hex, rec.registration, rec.icao_type, rec.military, rec.type_name, rec.year, rec.operator) == (
        "ae01c5",
        "64-14843",
        "R135",
        True,
        "BOEING RC-135V",
        1964,
        "United States Air Force",
    )
    assert [e.line for e in errors] == [2, 3]
