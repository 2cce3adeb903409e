// The one error type of the road readers: a stable code for programs, and a
// message that names the file, where in it, and what to do.

/** Why a road file could not be imported. */
export type RoadImportErrorCode =
  /** The file holds no drivable road (or nothing at all). */
  | 'ROADS_EMPTY'
  /** The file is broken: bad XML or JSON, a truncated PBF. */
  | 'ROADS_MALFORMED'
  /** Not a format (or format feature) the readers know: unknown extension, DOCTYPE, LZMA blobs… */
  | 'ROADS_UNSUPPORTED_FORMAT'
  /** The file could not be read at all (missing, no permission, a directory). */
  | 'ROADS_UNREADABLE';

/** Where in the file the problem is, when the reader knows. */
export interface RoadImportErrorLocation {
  file: string;
  /** Byte offset (PBF) or character offset (XML, JSON). */
  offset?: number;
  line?: number;
  column?: number;
}

/** An import failure with a stable `code`; `message` is meant for the user. */
export class RoadImportError extends Error {
  override readonly name = 'RoadImportError';

  constructor(
    readonly code: RoadImportErrorCode,
    message: string,
    readonly location?: RoadImportErrorLocation,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** "file.osm", "file.osm line 3, column 7" or "file.osm.pbf at byte 5120": where to look. */
export function describeLocation(location: RoadImportErrorLocation): string {
  if (location.line !== undefined) {
    return `${location.file} line ${location.line}${location.column === undefined ? '' : `, column ${location.column}`}`;
  }
  if (location.offset !== undefined) return `${location.file} at byte ${location.offset}`;
  return location.file;
}

/** The message of an unknown thrown value, for wrapping a library's error. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
