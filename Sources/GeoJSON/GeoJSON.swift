// RFC 7946 GeoJSON reading and writing. (Placeholder: filled in by the GeoJSON work.)
import GeometryCore
