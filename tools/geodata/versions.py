"""Versions of the Debian data packages the GeoData build reads, as installed (dpkg-query).

The versions written into GeoData (each feature's `source`, GeoData/README.md) come from here, so a
build on a machine with other package versions says so instead of repeating an old figure.
"""
from __future__ import annotations

import re
import subprocess

PACKAGES = ("gmt", "gmt-dcw", "gmt-gshhg-full")


def installed(package: str) -> str:
    """The Debian version of an installed package, e.g. '2.1.1-1'; fails if it is not installed."""
    out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"geodata: package {package} is not installed (dpkg-query: {out.stderr.strip()})")
    return out.stdout.strip()


def upstream(package: str) -> str:
    """The upstream part of the installed version: epoch, Debian revision and +dfsg/+ds dropped ('2.1.1')."""
    version = installed(package).split(":", 1)[-1]
    version = version.rsplit("-", 1)[0] if "-" in version else version
    return re.sub(r"[+~](dfsg|ds).*$", "", version)


def table() -> str:
    """`dpkg-query -W` lines (package TAB version) for the README."""
    return "\n".join(f"{p}\t{installed(p)}" for p in PACKAGES)
