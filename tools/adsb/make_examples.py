#!/usr/bin/env python3
"""Writes examples/adsb/: the same fixes of four aircraft in the layouts `--preset` reads.

usage: python3 tools/adsb/make_examples.py [OUTDIR]   (default examples/adsb; stdlib only)

Four straight flights across Poland's borders (Germany → PL, Baltic → PL territorial sea,
Czechia → PL, Ukraine → PL), one fix every 10 s, altitude in whole feet, positions to 1e-5°.
Files (every one holds exactly the same fixes):
  plain.csv               the project's CSV: track_id,time,lon,lat,alt_m, grouped per aircraft
  opensky_states.csv      OpenSky state vectors, ordered by time, aircraft interleaved (as the
                          hourly files are), plus rows without a position (skipped by the preset)
  fr24.csv                Flightradar24 CSV (Timestamp,UTC,Callsign,Position "lat,lon",Altitude ft,…)
  traffic.csv             traffic's CSV export (timestamp ISO, icao24, latitude, longitude, altitude ft)
  readsb/trace_full_<icao24>.json   readsb trace JSON, one file per aircraft
"""
import json, os, sys
from datetime import datetime, timezone

T0 = 1757462400  # 2025-09-10T00:00:00Z
FLIGHTS = [  # icao24, callsign, start lon/lat, end lon/lat, fixes, start offset s, altitude ft
    ("48af01", "LOT3PA", (13.50, 52.40), (16.50, 52.40), 90, 0, 36000),
    ("3c6444", "DLH4AB", (18.00, 55.20), (18.50, 53.80), 80, 30, 34000),
    ("4b1815", "SWR7KL", (16.00, 50.00), (16.50, 51.20), 70, 50, 31000),
    ("508035", "AUI62", (24.50, 50.50), (22.50, 50.50), 75, 20, 28000),
]
FT = 0.3048


def fixes():
    for icao, call, (x0, y0), (x1, y1), n, off, alt in FLIGHTS:
        for k in range(n):
            f = k / (n - 1)
            yield icao, call, T0 + off + 10 * k, round(x0 + (x1 - x0) * f, 5), round(y0 + (y1 - y0) * f, 5), alt


def iso(t, sep="T", zone="Z"):
    return datetime.fromtimestamp(t, timezone.utc).strftime(f"%Y-%m-%d{sep}%H:%M:%S") + zone


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "examples", "adsb")
    os.makedirs(os.path.join(out, "readsb"), exist_ok=True)
    rows = list(fixes())
    with open(os.path.join(out, "plain.csv"), "w") as f:
        f.write("track_id,time,lon,lat,alt_m\n")
        for icao, _, t, x, y, a in rows:
            f.write(f"{icao},{t},{x},{y},{round(a * FT, 4)}\n")
    with open(os.path.join(out, "opensky_states.csv"), "w") as f:
        f.write("time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,"
                "baroaltitude,geoaltitude,lastposupdate,lastcontact\n")
        states = [(t, icao, f"{y},{x}", call, round(a * FT, 4)) for icao, call, t, x, y, a in rows]
        # an aircraft heard before its first position: no lat/lon, no altitude
        states += [(T0 + 20, "508035", ",", "AUI62", None), (T0 + 40, "3c6444", ",", "DLH4AB", None)]
        for t, icao, pos, call, alt in sorted(states, key=lambda s: (s[0], s[1])):
            baro = "" if alt is None else alt
            geo = "" if alt is None else round(alt + 121.92, 4)
            f.write(f"{t},{icao},{pos},230.5,90.0,0.0,{call:<8},False,False,False,1000,{baro},{geo},{t - 0.5},{t - 0.2}\n")
    with open(os.path.join(out, "fr24.csv"), "w") as f:
        f.write("Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction\n")
        for icao, call, t, x, y, a in rows:
            f.write(f'{t},{iso(t)},{call},"{y},{x}",{a},450,90\n')
    with open(os.path.join(out, "traffic.csv"), "w") as f:
        f.write("timestamp,icao24,callsign,latitude,longitude,altitude,groundspeed,track,vertical_rate\n")
        for icao, call, t, x, y, a in rows:
            f.write(f"{iso(t, ' ', '+00:00')},{icao},{call},{y},{x},{a},450.0,90.0,0.0\n")
    for icao, call, *_ in FLIGHTS:
        mine = [r for r in rows if r[0] == icao]
        base = mine[0][2]
        trace = [[r[2] - base, r[4], r[3], r[5], 450.0, 90.0, 0, 0, None, "adsb_icao", r[5] + 400, None, None, None]
                 for r in mine]
        doc = {"icao": icao, "r": "", "t": "A320", "timestamp": float(base), "trace": trace}
        with open(os.path.join(out, "readsb", f"trace_full_{icao}.json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
