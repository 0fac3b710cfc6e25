#!/usr/bin/env python3
"""Deterministic track workloads for the streaming benchmark (stdlib only).

usage: stream_tracks.py grouped M K          M tracks x K fixes, rows grouped per track, all
                                             tracks flying at the same time (as make_tracks.py)
       stream_tracks.py staggered M K STEP   M flights of K fixes, one taking off every STEP s,
                                             rows ordered by time (aircraft interleaved): the
                                             aircraft in the air at once do not grow with M
       stream_tracks.py together M K         M flights of K fixes all in the air at once, rows
                                             ordered by time (interleaved)
Columns: track_id,time,lon,lat (epoch s from 2025-09-10T00:00:00Z, fixes 10 s apart), around Poland.
"""
import math, random, sys

T0 = 1757462400


def flight(i, k):
    rnd = random.Random(7919 * i + 7)
    lon, lat = rnd.uniform(13, 26), rnd.uniform(48, 56)
    heading = rnd.uniform(0, 2 * math.pi)
    step = rnd.uniform(150, 900) / 3.6 * 10
    out = []
    for _ in range(k):
        out.append((lon, lat))
        heading += rnd.gauss(0, 0.02)
        lat += math.cos(heading) * step / 111320.0
        lon += math.sin(heading) * step / (111320.0 * math.cos(math.radians(lat)))
    return out


def main():
    mode, m, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    w = sys.stdout.write
    w("track_id,time,lon,lat\n")
    if mode == "grouped":
        for i in range(m):
            w("".join(f"{i},{T0 + 10 * j},{x:.6f},{y:.6f}\n" for j, (x, y) in enumerate(flight(i, k))))
        return
    step = int(sys.argv[4]) if mode == "staggered" else 0
    # rows ordered by time: flights start at i*step; merge them as they run
    active = []  # (next index, start, fixes, id)
    nxt = 0
    t = T0
    end = T0 + step * (m - 1) + 10 * (k - 1)
    while t <= end:
        while nxt < m and T0 + step * nxt <= t:
            active.append([0, T0 + step * nxt, flight(nxt, k), nxt])
            nxt += 1
        rows = []
        for a in active:
            j = (t - a[1]) // 10
            if (t - a[1]) % 10 == 0 and 0 <= j < k:
                x, y = a[2][j]
                rows.append(f"{a[3]},{t},{x:.6f},{y:.6f}\n")
        w("".join(rows))
        active = [a for a in active if a[1] + 10 * (k - 1) > t]
        t += 1 if step % 10 else 10
    return


if __name__ == "__main__":
    main()
