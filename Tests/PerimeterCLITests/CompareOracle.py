"""Independent pyproj + shapely check of `perimeter compare` layers (used by CompareCommandTests).

usage: CompareOracle.py OUT_DIR GEODATA_DIR
Prints JSON: for every region and coverage feature its area_km2 as written and as pyproj measures
the written geometry; plus the Dnipro protected region rebuilt from countries.geojson and
dnipro.geojson with shapely.ops.split (PL ∪ the piece of UA holding Lviv).
"""
import json, sys, glob, os
import shapely
from shapely.geometry import shape, Point
from shapely.ops import split
import pyproj

out, geodata = sys.argv[1], sys.argv[2]
geod = pyproj.Geod(ellps="WGS84")

def area_km2(g):
    return abs(geod.geometry_area_perimeter(shapely.orient_polygons(g))[0]) / 1e6

result = {"layers": []}
for path in [os.path.join(out, "regions.geojson")] + sorted(glob.glob(os.path.join(out, "coverage_*m.geojson"))):
    for f in json.load(open(path))["features"]:
        p = f["properties"]
        result["layers"].append({"file": os.path.basename(path), "name": p.get("name") or p.get("perimeter"),
                                 "role": p.get("role") or p.get("layer"), "ours_km2": p["area_km2"],
                                 "pyproj_km2": area_km2(shape(f["geometry"]))})

countries = {}
for f in json.load(open(os.path.join(geodata, "countries.geojson")))["features"]:
    countries[f["properties"].get("id") or f["properties"]["iso2"]] = shape(f["geometry"])
places = {f["properties"]["name"]: Point(f["geometry"]["coordinates"])
          for f in json.load(open(os.path.join(geodata, "places.geojson")))["features"]}
river = shape(json.load(open(os.path.join(geodata, "dnipro.geojson")))["features"][0]["geometry"])
pieces = list(split(countries["UA"], river).geoms)
west = next(p for p in pieces if p.contains(places["Lviv"]))
result["rebuilt"] = {"ua_west_core_km2": area_km2(west),
                     "pl_km2": area_km2(countries["PL"]),
                     "pl_plus_ua_west_km2": area_km2(shapely.union(countries["PL"], west))}
print(json.dumps(result))
