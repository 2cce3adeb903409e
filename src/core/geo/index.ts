// core/geo: distances, boxes, point-in-polygon, admin areas, and validation of drawn areas.
// Pure functions over plain data (GeoJSON objects, numbers); the caller reads the files.

export type { AreaFeature, AreaFeatureCollection, AreaGeometry, MultiPolygon, Polygon, Position, Ring } from './geojson.ts';
export { polygonParts } from './geojson.ts';
export { EARTH_RADIUS_METERS, METERS_PER_DEGREE, haversineMeters, lineLengthMeters, metersToDegrees } from './measure.ts';
export type { DegreeSpan } from './measure.ts';
export {
  bboxAround, bboxContains, bboxContainsPoint, bboxIntersects, bboxIsEmpty, bboxOfCoordinates, emptyBBox, extendBBox,
} from './bbox.ts';
export type { BBox, NestedPositions } from './bbox.ts';
export { lineLengthInsidePolygon, pointInPolygon, polygonBbox, preparePolygon, segmentIntersectsPolygon } from './polygon.ts';
export type { PolygonInput, PreparedPolygon } from './polygon.ts';
export { interiorPoint, largestPartCentroid, ringCentroid } from './interior-point.ts';
export { PolygonIndex } from './polygon-index.ts';
export type { LocatedFeature } from './polygon-index.ts';
export { AdminAreaIndex } from './admin-index.ts';
export type { AdminArea, AdminAreaIndexOptions, AdminBoundaries, AdminLanguage } from './admin-index.ts';
export { validatePolygon } from './validate.ts';
export type { PolygonProblem, PolygonValidation, ProblemLocation } from './validate.ts';
export { segmentsIntersect } from './segments.ts';
