/**
 * Incident import and export in ACLED CSV, Ushahidi CSV, Cursor-on-Target XML,
 * GeoJSON and HXL-tagged CSV: streaming readers and writers, the orchestrations
 * the API and the CLI share, the HTTP routes and the benchmark's row generator.
 */
export { importFile, exportTo, exportStream, rejectsCsv, stopCleanly, type ImportFileProps, type ImportFileResult, type ImportProgress, type ExportToProps, type ExportFilter } from './orchestrate.ts';
export { FORMATS, type Format } from './registry.ts';
export { FORMAT_NAMES, type FormatName, type FormatReader, type FormatWriter, type ReaderOptions } from './common.ts';
export { FormatError } from './errors.ts';
export { syntheticAcledCsv, type SyntheticAcledOptions } from './synthetic.ts';
export { incidentFormatRoutes, type IncidentFormatRoutesOptions } from './formats.routes.ts';
export type { ImportSource, ByteProgress } from './source.ts';
export type { EncodingChoice, TextEncodingName } from './text.ts';
// The command line acts as a named user; the incidents module knows how to find one.
export { actorForUsername } from '../act-as.ts';
