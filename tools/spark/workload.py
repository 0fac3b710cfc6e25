#!/usr/bin/env python3
"""The deterministic track workload of the Spark test and `make bench-spark`.

usage: workload.py M [K] > tracks.csv

M tracks of K fixes (default 720), 10 s apart, around Poland; columns track_id,time,lon,lat
(time in epoch seconds from 2025-09-10T00:00:00Z). Start points uniform in lon 13..26 E,
lat 48..56 N (seed 7), heading uniform, speed uniform 150..900 km/h, heading drifting by
N(0, 0.02 rad) per step: the same definition as the dwell benchmark's workload (README).
"""
import sys

import numpy as np

T0 = 1757462400  # 2025-09-10T00:00:00Z


def tracks(m, k, seed=7, dt=10.0):
    """lon, lat arrays of shape (m, k)."""
    rng = np.random.default_rng(seed)
    lon = np.empty((m, k))
    lat = np.empty((m, k))
    lon[:, 0] = rng.uniform(13, 26, m)
    lat[:, 0] = rng.uniform(48, 56, m)
    heading = rng.uniform(0, 2 * np.pi, m)
    step_m = rng.uniform(150, 900, m) / 3.6 * dt
    drift = rng.normal(0, 0.02, (m, k))
    for j in range(1, k):
        heading = heading + drift[:, j]
        lat[:, j] = lat[:, j - 1] + np.cos(heading) * step_m / 111320.0
        lon[:, j] = lon[:, j - 1] + np.sin(heading) * step_m / (111320.0 * np.cos(np.radians(lat[:, j - 1])))
    return lon, lat


def write(out, m, k=720):
    lon, lat = tracks(m, k)
    out.write("track_id,time,lon,lat\n")
    for i in range(m):
        out.write("".join(f"{i},{T0 + j * 10},{lon[i, j]:.6f},{lat[i, j]:.6f}\n" for j in range(k)))


if __name__ == "__main__":
    write(sys.stdout, int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 720)
