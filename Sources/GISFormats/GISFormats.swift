// GeoPackage and KML writers (layer 3, beside GeoJSON).
import GeoJSON
