// The five formats: reader, writer, media type and file extension of each.

import { readAcled, writeAcled } from './acled.ts';
import type { FormatName, FormatReader, FormatWriter } from './common.ts';
import { readCot, writeCot } from './cot.ts';
import { readGeoJson, writeGeoJson } from './geojson.ts';
import { readHxl, writeHxl } from './hxl.ts';
import { readUshahidi, writeUshahidi } from './ushahidi.ts';

export interface Format {
  read: FormatReader;
  write: FormatWriter;
  /** Media type of an export. */
  contentType: string;
  extension: string;
  label: string;
}

export const FORMATS: Readonly<Record<FormatName, Format>> = {
  acled: { read: readAcled, write: writeAcled, contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'ACLED CSV' },
  ushahidi: { read: readUshahidi, write: writeUshahidi, contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'Ushahidi CSV' },
  cot: { read: readCot, write: writeCot, contentType: 'application/xml; charset=utf-8', extension: 'xml', label: 'Cursor-on-Target XML' },
  geojson: { read: readGeoJson, write: writeGeoJson, contentType: 'application/geo+json; charset=utf-8', extension: 'geojson', label: 'GeoJSON' },
  hxl: { read: readHxl, write: writeHxl, contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'HXL-tagged CSV' },
};
