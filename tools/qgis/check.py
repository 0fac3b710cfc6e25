"""Loads every GeoJSON, GeoPackage and KML layer of Perimeter's outputs in QGIS (PyQGIS, headless).

Usage: QT_QPA_PLATFORM=offscreen python3 tools/qgis/check.py FILE_OR_DIR...
For each layer: QgsVectorLayer must be valid, have features and use EPSG:4326. Prints one line per layer
and exits 1 when any check fails.
"""
import os
import sys

from qgis.core import Qgis, QgsApplication, QgsVectorLayer, QgsProviderRegistry, QgsWkbTypes
from osgeo import ogr

EXTENSIONS = (".geojson", ".gpkg", ".kml")


def files(args):
    for a in args:
        if os.path.isdir(a):
            for name in sorted(os.listdir(a)):
                if name.lower().endswith(EXTENSIONS):
                    yield os.path.join(a, name)
        else:
            yield a


def sublayers(path):
    """Layer names inside a multi-layer file (GeoPackage, KML); [None] for a single-layer GeoJSON."""
    if path.lower().endswith(".geojson"):
        return [None]
    ds = ogr.Open(path)
    if ds is None:
        return []
    return [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]


def main(args):
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    providers = QgsProviderRegistry.instance().providerList()
    print(f"QGIS {Qgis.QGIS_VERSION}, ogr provider: {'ogr' in providers}")
    failures = 0
    checked = 0
    for path in files(args):
        names = sublayers(path)
        if not names:
            print(f"FAIL {path}: GDAL cannot open it")
            failures += 1
            continue
        for name in names:
            uri = path if name is None else f"{path}|layername={name}"
            layer = QgsVectorLayer(uri, name or os.path.basename(path), "ogr")
            label = os.path.basename(path) + ("" if name is None else f":{name}")
            problems = []
            if not layer.isValid():
                problems.append("not valid")
            count = layer.featureCount() if layer.isValid() else -1
            crs = layer.crs().authid() if layer.isValid() else "?"
            if count <= 0:
                problems.append(f"{count} features")
            if crs != "EPSG:4326":
                problems.append(f"CRS {crs}")
            status = "ok  " if not problems else "FAIL"
            geom = QgsWkbTypes.geometryDisplayString(layer.geometryType()) if layer.isValid() else "?"
            print(f"{status} {label}: valid={layer.isValid()} features={count} crs={crs} geometry={geom}"
                  + ("" if not problems else " — " + ", ".join(problems)))
            failures += bool(problems)
            checked += 1
            del layer
    print(f"{checked} layers checked, {failures} failed", flush=True)
    app.exitQgis()
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # Skip Python's interpreter teardown: PyQGIS may crash there after exitQgis (a known SIP/Qt ordering issue).
    os._exit(code)
