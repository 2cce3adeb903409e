/*
 * The roads module's tables: imported road networks (junction nodes and
 * junction-to-junction edges with their geometry), and the risk picture laid
 * over them — areas of gang control, roadblocks and checkpoints, and planners'
 * overrides of road segments. Times are ISO-8601 UTC text, flags 0/1.
 */

/** One imported road network; the routing graph is rebuilt from its nodes and edges. */
export interface RoadNetworksTable {
  id: string;
  /** Unique, chosen at import (`--network pap-metro`). */
  name: string;
  /** The file's base name, as uploaded or given to the command line. */
  source_file: string;
  /** 'osm-xml' | 'osm-pbf' | 'geojson'. */
  format: string;
  /** The import report (RoadImportReport) as JSON. */
  report: string;
  node_count: number;
  edge_count: number;
  total_km: number;
  imported_at: string;
  imported_by: string | null;
}

/** A junction (or dead end) of a network; idx is its node number in the routing arrays. */
export interface RoadNodesTable {
  network_id: string;
  idx: number;
  lon: number;
  lat: number;
  /** OSM node id; negative when made up by an editor or the GeoJSON reader. */
  osm_id: number;
}

/** A road segment between two junctions; idx is its edge number in the routing arrays. */
export interface RoadEdgesTable {
  network_id: string;
  idx: number;
  from_node: number;
  to_node: number;
  /** 1 = drivable only from from_node to to_node. */
  oneway: number;
  meters: number;
  /** Base travel time from length and road class. */
  seconds: number;
  highway: string;
  name: string;
  ref: string;
  bridge: number;
  way_id: number;
  /** lon,lat pairs from from_node to to_node, endpoints included, as little-endian float64. */
  geometry: Uint8Array;
}

/** An area held or fought over by an armed group, in force from valid_from until valid_to. Shareable. */
export interface ControlAreasTable {
  id: string;
  name: string;
  /** The gang or group holding or contesting it. */
  group_name: string;
  /** 'controlled' | 'contested' | 'influence'. */
  level: string;
  /** 'low' | 'medium' | 'high'. */
  confidence: string;
  source: string;
  /** The validated Polygon or MultiPolygon, as GeoJSON text. */
  geometry: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  valid_from: string;
  /** null while still in force. */
  valid_to: string | null;
  /** The area this one replaced when the picture changed (its valid_to is this one's valid_from). */
  supersedes_id: string | null;
  /** Entered by mistake: kept for the record, never in any picture. */
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  illustrative: number;
  version: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Every change to an area after its creation: the area before and after, as JSON. */
export interface ControlAreaHistoryTable {
  area_id: string;
  version: number;
  action: string;
  at: string;
  actor_user_id: string | null;
  before: string | null;
  after: string;
}

/** A roadblock or checkpoint reported at a point. Shareable. */
export interface RoadblocksTable {
  id: string;
  /** 'roadblock' | 'checkpoint'. */
  kind: string;
  /** 'active' | 'cleared'. */
  status: string;
  lon: number;
  lat: number;
  /** Roads within this distance of the point are blocked. */
  radius_m: number;
  description: string;
  group_name: string;
  reported_at: string;
  /** Last time someone confirmed it was still there; null when never. */
  confirmed_at: string | null;
  /** An active block stops counting this long after its last report or confirmation. */
  stale_after_hours: number;
  cleared_at: string | null;
  /** The roadblock incident it was entered from, if any: the incident then no longer counts on its own. */
  incident_id: string | null;
  illustrative: number;
  version: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A planner's decision on road segments of one network: closed or reopened, until it expires. Shareable. */
export interface RoadOverridesTable {
  id: string;
  network_id: string;
  /** 'closed' | 'reopened'. */
  action: string;
  reason: string;
  /** JSON array of the network's edge numbers. */
  edge_ids: string;
  /** The line the planner drew, as GeoJSON text, when the edges were picked that way. */
  geometry: string | null;
  starts_at: string;
  expires_at: string | null;
  lifted_at: string | null;
  version: number;
  classification: string;
  owner_org_id: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoadTables {
  road_networks: RoadNetworksTable;
  road_nodes: RoadNodesTable;
  road_edges: RoadEdgesTable;
  control_areas: ControlAreasTable;
  control_area_history: ControlAreaHistoryTable;
  roadblocks: RoadblocksTable;
  road_overrides: RoadOverridesTable;
}

/** Which of these tables carry a releasability label. */
export type RoadShareableTable = 'control_areas' | 'roadblocks' | 'road_overrides';
