from geojson.codec import dump, dumps, load, loads, GeoJSONEncoder
from geojson.utils import coords, map_coords
from geojson.geometry import Point, LineString, Polygon
from geojson.geometry import MultiLineString, MultiPoint, MultiPolygon
from geojson.geometry import GeometryCollection
from geojson.feature import Feature, FeatureCollection
from geojson.base import GeoJSON
from geojson._version import __version__, __version_info__

__all__ = (
        ["dump", "dumps", "load", "loads", "GeoJSONEncoder"] +
        ["coords", "map_coords"] +
        ["Point", "LineString", "Polygon"] +
        ["MultiLineString", "MultiPoint", "MultiPolygon"] +
        ["GeometryCollection"] +
        ["Feature", "FeatureCollection"] +
        ["GeoJSON"] +
        ["__version__", "__version_info__"]
)
