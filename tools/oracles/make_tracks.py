#!/usr/bin/env python3
"""Perimeter's deterministic track workload (tests and `make bench`).

usage: make_tracks.py M [K] > tracks.csv

Writes M synthetic tracks of K fixes each (K defaults to 720: two hours at one fix every 10 s)
as CSV with the header `track_id,time,lon,lat`. Times are epoch seconds counted from
2025-09-10T00:00:00Z; positions have 6 decimals (about 0.1 m).

The workload is fixed by a seeded generator (numpy PCG64, seed 7), drawn in this order:
  1. start longitudes, uniform in [13, 26) degrees east       (M draws)
  2. start latitudes, uniform in [48, 56) degrees north       (M draws)
  3. initial headings, uniform in [0, 2 pi) rad from north    (M draws)
  4. ground speeds, uniform in [150, 900) km/h                (M draws)
  5. heading changes, normal with sigma 0.02 rad, per fix     (M x K draws; column 0 unused)
Each step moves a track by speed x 10 s along its heading on a local flat approximation:
111,320 m per degree of latitude, 111,320 m x cos(previous latitude) per degree of longitude.
The same M and K always give the same file, byte for byte; the tests' known answer (the total
time the 1,000-track file spends inside Poland's DCW polygon) depends on it.
"""
import sys

import numpy as np

SEED = 7
STEP_S = 10
EPOCH_2025_09_10 = 1757462400
METRES_PER_DEGREE = 111320.0


def generate(m: int, k: int):
    """Longitude and latitude arrays of shape (m, k)."""
    rng = np.random.default_rng(SEED)
    start_lon = rng.uniform(13.0, 26.0, m)
    start_lat = rng.uniform(48.0, 56.0, m)
    heading = rng.uniform(0.0, 2.0 * np.pi, m)
    speed_kmh = rng.uniform(150.0, 900.0, m)
    turn = rng.normal(0.0, 0.02, (m, k))

    step_m = speed_kmh / 3.6 * STEP_S
    lon = np.empty((m, k))
    lat = np.empty((m, k))
    lon[:, 0], lat[:, 0] = start_lon, start_lat
    for j in range(1, k):
        heading = heading + turn[:, j]
        previous_lat = lat[:, j - 1]
        lat[:, j] = previous_lat + np.cos(heading) * step_m / METRES_PER_DEGREE
        lon[:, j] = lon[:, j - 1] + np.sin(heading) * step_m / (METRES_PER_DEGREE * np.cos(np.radians(previous_lat)))
    return lon, lat


def write_csv(out, lon, lat) -> None:
    m, k = lon.shape
    times = [EPOCH_2025_09_10 + j * STEP_S for j in range(k)]
    out.write("track_id,time,lon,lat\n")
    for i in range(m):
        out.write("".join(f"{i},{times[j]},{lon[i, j]:.6f},{lat[i, j]:.6f}\n" for j in range(k)))


def main(argv) -> int:
    if len(argv) not in (2, 3) or not all(a.isdigit() and int(a) > 0 for a in argv[1:]):
        print("usage: make_tracks.py M [K] > tracks.csv   (M tracks, K fixes each, default 720)", file=sys.stderr)
        return 2
    m = int(argv[1])
    k = int(argv[2]) if len(argv) == 3 else 720
    lon, lat = generate(m, k)
    write_csv(sys.stdout, lon, lat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
