"""GeoData/README.md, written by the build so its figures match the files."""
from __future__ import annotations

import os
from pathlib import Path


def _size(p) -> str:
    return f"{os.path.getsize(p) / 1e6:.2f} MB"


def write(path, *, versions, dcw_version, gshhg_version, countries, borders, dnipro, land, vaindloo_m, tol, boxes, keep_km, places, basemap=(), resolution=None, assets=(), coast=(), adiz=None, alaska=None) -> None:
    d = path.parent
    L = []
    a = L.append
    a("# GeoData — geography shipped with Perimeter\n")
    a("Built by `make geodata` (`tools/geodata/build.sh` → `tools/geodata/build.py`) from Debian packages only; a second run gives byte-identical files.")
    a("All files are RFC 7946 GeoJSON: WGS84 lon/lat, 6 decimals, exterior rings counter-clockwise, holes clockwise, no `crs` member.\n")
    a("## Sources and licences\n")
    a("Package versions used (`dpkg-query -W gmt gmt-dcw gmt-gshhg-full`):\n")
    a("```\n" + versions.strip() + "\n```\n")
    a(f"- **DCW-GMT {dcw_version}** (package gmt-dcw): country polygons derived from the Digital Chart of the World (1:1M). LGPL-3+ © The GMT Team.")
    a(f"- **GSHHG {gshhg_version}, full resolution** (package gmt-gshhg-full): shorelines and WDBII rivers. Wessel, P. and W. H. F. Smith (1996), *A global, self-consistent, hierarchical, high-resolution shoreline database*, J. Geophys. Res. 101(B4), 8741–8743; built from the World Vector Shoreline and CIA World Data Bank II. LGPL-3+ © The GMT Team.")
    a("- The licence/copyright texts are copied to `LICENSES/`. These files are modified versions of LGPL data; `tools/geodata/` is the description of the modifications.\n")
    a("| file | source | size | features |\n|---|---|---|---|")
    for name, src, n in [("countries.geojson", "DCW-GMT", len(countries)), ("borders.geojson", "DCW-GMT (derived)", len(borders)),
                         ("dnipro.geojson", "GSHHG full (WDBII rivers + level-2 lakes), DCW-GMT (Ukraine)", 1),
                         ("land.geojson", "GSHHG full level 1, DCW-GMT for country assignment", len(land)),
                         ("places.geojson", "public pages (see each feature's `source`)", None),
                         ("basemap.geojson", "DCW-GMT and GSHHG, generalised (map background only)", len(basemap)),
                         ("coast.geojson", "GSHHG full level-1 shorelines (the coasts `compare` calls sea)", len(coast)),
                         ("assets.geojson", "public pages (see each feature's `source`)", len(assets))]:
        a(f"| `{name}` | {src} | {_size(d / name)} | {n if n is not None else 'see file'} |")
    a("\n## countries.geojson\n")
    a("`gmt coast -E<ISO2> -M` rings (parts and holes mixed) → polygon by the even–odd rule (symmetric difference of ring interiors) → `make_valid`. "
      "Russia crosses the antimeridian in GMT's continuous longitudes (up to 191°): it is clipped to west of 45° E before the even–odd step, so no longitude exceeds 45; "
      "Kaliningrad is part of `RU` and also a separate `RU-KGD` feature. Ukraine is as DCW has it (including Crimea). `area_km2` is geodesic (pyproj Geod, WGS84). Resolution ≈ 1:1M.\n")
    a("| iso2 | name | area km² |\n|---|---|---|")
    for p, _ in countries:
        a(f"| {p.get('id', p['iso2'])} | {p['name']} | {p['area_km2']:,.0f} |")
    if alaska:
        a("\n## Alaska (US-AK) — across the antimeridian\n")
        a(f"`gmt coast -EUS.AK -M` prints Alaska in continuous east longitudes 172..230: {alaska['rings_in']:,} rings, "
          f"{alaska['points_in']:,} points. `tools/geodata/alaska.py` works in a continuous west frame (longitude − 360, so the "
          f"western Aleutians lie at −188..−180): each ring simplified by Douglas–Peucker {alaska['simplify_m']:.0f} m in an "
          "azimuthal equidistant projection centred at 61 N 159 W (never in degrees), the even–odd rule, parts under "
          f"{alaska['min_area_km2']} km² dropped → {alaska['points_out']:,} points in {alaska['parts_out']:,} parts, cut at the "
          "antimeridian for output (the part west of −180 moved by +360). No GSHHG land for Alaska: DCW's rings already hold "
          "the Aleutians and the coastal islets (GSHHG prints the coast wrapped at ±180, which its 1° bin polygonisation does not "
          "handle). Russia's far east (Chukotka) is not in GeoData (RU is clipped west of 45° E), so Alaska's territorial "
          "sea has no median line in the Bering Strait: it is the plain 12 NM zone (see airspace/).")
    a("\n## borders.geojson — DCW geodesic lengths against published lengths\n")
    a(f"Each border is the part of the first country's DCW boundary within {tol}° of the second's, merged, pieces under 1 km dropped; lengths are WGS84 geodesic. "
      "DCW (1:1M) does not follow every river meander, so most come out shorter than published lengths; the build fails if any is more than 25% off.\n")
    a("| pair | DCW km | published km | ratio | published source | note |\n|---|---|---|---|---|---|")
    for b in borders:
        a(f"| {b['pair']} | {b['length_km']:.1f} | {b['published_length_km']} | {b['ratio']:.3f} | {b['published_source']} | {b.get('published_note', '')} |")
    dn = dnipro
    a("\n## dnipro.geojson — the Dnipro stitched into one line\n")
    a("No packaged data set has the whole course: WDBII level-1 rivers cover only Belarus border → head of the Kyiv reservoir and Kyiv dam → Kaniv; "
      "GSHHG models the Kyiv reservoir and the whole Kaniv → Kherson cascade (Kremenchuk, Kamianske, Dnipro, Kakhovka reservoirs and the channels between) as level-2 lakes.\n")
    a("1. WDBII level-1 river (`gmt coast -I1 -Df -M`), cut at its first contact with DCW Ukraine on the Belarus–Ukraine border "
      f"(start {dn['start'][0]:.4f} E {dn['start'][1]:.4f} N, near Loyew), down to the head of the Kyiv reservoir.")
    a(f"2. Level-2 lake shorelines (`gmt coast -Df -W -M -A0/2/2`) noded with the 1° bin grid, polygonized and the faces kept that `gmt select -N` places in a lake "
      f"(islands in lakes included): Kyiv reservoir {dn['kyiv_reservoir_km2']:.0f} km², Kaniv–Kherson cascade {dn['cascade_lake_km2']:.0f} km².")
    a("3. Centre lines: each lake projected to an azimuthal equidistant projection centred at 48.5 N 32.5 E, its shore densified every 300 m, the GEOS Voronoi diagram of "
      "those points cut to edges strictly inside the lake, Dijkstra's shortest path between the river ends through those edges.")
    a(f"4. Below Kherson the cascade lake ends at {dn['lake_end'][0]:.4f} E {dn['lake_end'][1]:.4f} N, {dn['gap_km']:.1f} km from the published mouth "
      "(46°29′47″N 32°17′14″E); the gap is bridged by an unnamed WDBII river piece of the delta (`-Ia`) with straight connectors at both ends (approximate).")
    a(f"5. Douglas–Peucker 50 m in the same projection: {dn['vertices_before_simplify']} → {dn['vertices']} vertices "
      f"(length {dn['length_before_simplify_km']:.1f} → {dn['length_km']:.1f} km).\n")
    a("Checks (the build fails if any does not hold):\n")
    a(f"- geodesic length of the whole line: {dn['length_km']:.1f} km; inside DCW Ukraine: **{dn['length_in_ukraine_km']:.1f} km** against the published 981 km (±10%); "
      f"from where the line last leaves Belarus (fully in Ukraine): {dn['length_from_full_entry_km']:.1f} km. Published alternatives 1,095 / 1,121 / 1,005 km are contested.")
    a("- the line is simple; every riverside city centre is within 8 km:\n")
    a("| city | distance km |\n|---|---|")
    for k, v in dn["city_distance_km"].items():
        a(f"| {k} | {v:.2f} |")
    a("\nThe Kakhovka reservoir shoreline predates the destruction of the Kakhovka dam in June 2023 (the reservoir has since drained); the line follows the pre-2023 reservoir.\n")
    res = resolution or {}
    a("## land.geojson — coastal land (GSHHG full and high resolution)\n")
    a("GSHHG level-1 shorelines (`gmt coast -Df -W -M -A0/1/1` at full resolution, nominal precision ≈ 0.1–0.5 km; `-Dh` at high resolution, ≈ 0.2–1 km, "
      "where the box says so: the Nordic and Barents coasts at full resolution would be ≈ 760,000 points, ≈ 16 MB) in the boxes "
      + "; ".join(f"{k}: lon {v[0]}..{v[1]}, lat {v[2]}..{v[3]} ({'high' if res.get(k) == 'h' else 'full'} resolution)" for k, v in sorted(boxes.items()))
      + ", noded with the 1° bin grid and polygonized; faces kept where `gmt select -N` says land (lakes count as land). "
      f"Only land within {keep_km:.0f} km of the sea is kept (geodesic buffer done in a local azimuthal equidistant projection). "
      "Every islet is kept (they decide where territorial seas run). Each piece is assigned to the DCW country that contains it; pieces straddling DCW borders are cut by the DCW polygons, "
      "and pieces outside every DCW polygon (islets, coastal slivers) go to the nearest DCW country of `countries.geojson`. Boxes meet only along their edges; "
      "where a full- and a high-resolution box meet, the two coastlines differ by up to a few hundred metres at the seam. "
      "One MultiPolygon per country.\n")
    a("| iso2 | parts | area km² |\n|---|---|---|")
    for p, _ in land:
        a(f"| {p['iso2']} | {p['parts']} | {p['area_km2']:,.0f} |")
    a(f"\nVaindloo: the GSHHG islet is a 9-vertex polygon ≈ 0.4 km across, assigned to EE; the reference coordinate 59.8167 N 26.3583 E lies {vaindloo_m:.0f} m from it "
      "(Wikipedia's infobox coordinate 59°48′51″N 26°21′43″E lies just south of it too): GSHHG positions are good to a few hundred metres.\n")
    a("## places.geojson\n")
    a("Named points used by scenarios and tests, each with `kind` and `source` (URL or Wikipedia page). `[U]` in a note marks an unverified coordinate.\n")
    a("| name | lat | lon | kind | source | note |\n|---|---|---|---|---|---|")
    for name in sorted(places):
        lat, lon, kind, src, note = places[name]
        a(f"| {name} | {lat} | {lon} | {kind} | {src} | {note} |")
    a("")
    a("## zones/ — zones that are not sovereign airspace\n")
    a("Each feature has a `kind`: `identification_zone` (an ADIZ: entering one is an identification zone entry, never a violation) or "
      "`airport_zone`. `zones/DK-airports.geojson` (built by `tools/geodata/zones.py`): a geodesic circle (256 vertices by pyproj `Geod.fwd`, chords ≤ 0.4 m "
      "inside at 5 km) round each Danish airport named in the September 2025 closure and sighting reports (Copenhagen, Aalborg, Billund, Esbjerg, "
      "Sønderborg, Skrydstrup) and Oslo Gardermoen; centres are the positions in `places.geojson` (sources there); the radius is an **assumption** "
      "stated in every feature (5 km round civil airports, 8 km round military aerodromes, as recalled from the Danish drone order BEK 1257/2017, "
      "not re-checked): a notional zone for placing reports, not a legal boundary.\n")
    if adiz:
        a(f"`zones/US-AK-ADIZ.geojson` (kind `identification_zone`, built by `tools/geodata/zones.py`): the Alaska ADIZ from its published "
          f"coordinates, {adiz['published_points']} points. Source: {adiz['source']}. {adiz['lines']}. Geodesic area "
          f"**{adiz['area_km2']:,.0f} km²**. It crosses the antimeridian (its points run to 170° E) and is written cut there "
          "(RFC 7946 §3.1.9, a MultiPolygon whose parts meet along ±180°). The published text, kept verbatim in the feature's "
          "`published_text` (degree, minute and second signs as the GPO text marks them):\n")
        a("> " + adiz["published_text"] + "\n")
        a("The official current text is at ecfr.gov (section 99.45); this build could not reach it and read the GPO 2015 annual "
          "edition's text instead (its history line names no amendment after the 2004 redesignation).\n")
    a("## scenarios/ — incident reconstructions (built by `tools/scenarios/build.py`)\n")
    a("Each file is a FeatureCollection of tracks (LineStrings with `times`) with a foreign member `scenario` holding `name`, `title`, `date`, "
      "`airspaces` (ISO codes), `zones` (name, kind, file), `events` (place, time window; for incidents without published tracks), `inputs` "
      "(sourced figures with their sources), `assumptions`, `checks` (pass/fail; only reported figures that did **not** shape the route), "
      "`consistency` (reported figures that did, each with `shaped_route`; printed, never pass/fail) and `contested` (figures the sources "
      "disagree on, with `why`; printed, never pass/fail). Check kinds: `dwell`, `end_depth`, `enters_from`, `ends_at_site`, `no_incursion`, "
      "`ends_outside`, `max_depth`, `path_inside`, `closest_approach`, `end_border_distance`, `track_count`; any may name `tracks`.\n")
    if basemap:
        import basemap as bm
        isos = sorted(p["iso2"] for p, _ in basemap if p["layer"] == "country")
        a("## basemap.geojson — the map background (generalised; never used for figures)\n")
        a("Built by `tools/geodata/basemap.py`. Every feature has a `layer` property; maps draw them in this order:\n")
        a(f"- `land`: GSHHG level-1 land (lakes count as land), intermediate resolution inside lon {bm.BOX[0]}..{bm.BOX[2]}, lat {bm.BOX[1]}..{bm.BOX[3]} "
          f"(Douglas–Peucker {bm.SIMPLIFY_M:.0f} m in EPSG:3035, parts under {bm.MIN_PART_KM2:.0f} km² dropped), crude resolution elsewhere north of {bm.WORLD_SOUTH:.0f}° "
          "(Antarctica is left out: around the pole it would enclose the centre of an azimuthal map of Europe); one feature per land mass, no borders. "
          "It fills what the generalised countries leave, so land is never drawn as sea.")
        a(f"- `country`: every DCW-GMT country meeting that box and not in `countries.geojson`, clipped to the box and generalised the same way "
          f"(Russia: only east of {bm.RU_WEST_LIMIT:.0f}° E, the rest being in `countries.geojson`): {len(isos)} countries — {', '.join(isos)}.")
        a(f"- `lake`: GSHHG level-2 lakes of at least {bm.LAKE_MIN_KM2:.0f} km² in the box (intermediate resolution).")
        a("- `river`: WDBII permanent major rivers (`gmt coast -I1 -Di`) in the box, pieces under 20 km dropped.\n")
    if coast or assets:
        import assets as am
        a("## coast.geojson — the shoreline that counts as sea\n")
        a("GSHHG level-1 (land/ocean) shorelines at full resolution (`gmt coast -Df -W -M -A0/1/1`), merged across GMT's 1° bins and simplified "
          f"by Douglas–Peucker {am.COAST_SIMPLIFY_M:.0f} m in a local azimuthal equidistant projection, one MultiLineString per box: "
          + "; ".join(f"{k} lon {v[0]}..{v[1]}, lat {v[2]}..{v[3]}" for k, v in sorted(am.COAST_BOXES.items())) + ". "
          "Lagoons open to the sea (Szczecin, Vistula) are ocean at level 1, so their shores are coast; lakes are not. "
          "`perimeter compare` calls a stretch of a protected region's boundary \"sea\" only where it lies within 2 km of these lines.\n")
        a("## assets.geojson — protected assets\n")
        a("The places `perimeter compare` assesses (covered or not, nearest exposed frontier, warning time). Each feature has `name`, `kind`, `country`, "
          "`source` (the page its coordinate comes from) and `note`; `[U]` marks a Wikipedia figure not re-checked against a second page, `[D]` a point chosen for this analysis. "
          "Kyiv straddles the Dnipro: `Kyiv` is its centre on the right (west) bank, inside the Dnipro perimeter's region; `Kyiv left bank` is a point in the "
          "left-bank districts, east of the river line and so outside that region.\n")
        a("| name | lat | lon | kind | country | source | note |\n|---|---|---|---|---|---|---|")
        for name in sorted(am.ASSETS):
            lat, lon, kind, iso, src, note = am.ASSETS[name]
            a(f"| {name} | {lat} | {lon} | {kind} | {iso} | {src} | {note} |")
        a("")
    a("## What is approximate\n")
    a("- DCW borders are 1:1M generalisations; shared borders are taken by proximity, so tripoint ends and coastal ends are approximate.")
    a("- The Dnipro below Kherson (delta gap) is an unnamed WDBII piece plus straight connectors; centre lines in the wide reservoirs are medial axes, not navigation channels.")
    a("- GSHHG and DCW disagree along coasts by up to a few hundred metres; land assignment near land borders follows DCW.")
    a("- Some published border lengths are contested (see notes); several were taken from Wikipedia page figures without a second source.")
    # The airspace section describes `perimeter airspace` (tools/geodata/build-airspace.sh), not this
    # build: kept as written in readme_airspace.md and appended unchanged.
    airspace = (Path(__file__).resolve().parent / "readme_airspace.md").read_text(encoding="utf-8")
    path.write_text("\n".join(L) + "\n\n" + airspace, encoding="utf-8")
