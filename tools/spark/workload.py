#!/usr/bin/env python3
"""The deterministic track workload of the Spark test and `make bench-spark`.

usage: workload.py M [K] > tracks.csv

The one generator is tools/oracles/make_tracks.py (the dwell benchmark's workload, defined there):
M tracks of K fixes (default 720), 10 s apart, around Poland, columns track_id,time,lon,lat. This
module only lets the Spark tests and bench import it from here; the output is make_tracks.py's,
byte for byte.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "oracles"))

import make_tracks  # noqa: E402


def tracks(m, k):
    """lon, lat arrays of shape (m, k)."""
    return make_tracks.generate(m, k)


def write(out, m, k=720):
    make_tracks.write_csv(out, *tracks(m, k))


if __name__ == "__main__":
    sys.exit(make_tracks.main(sys.argv))
