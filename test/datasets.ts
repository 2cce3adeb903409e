// Where tests find the public datasets: KONBIT_DATASETS, else ../shared/data
// beside the checkout (as in CI and on the team's machines).
import { existsSync } from 'node:fs';
import path from 'node:path';

export const datasetsDir = path.resolve(process.env.KONBIT_DATASETS ?? path.join(import.meta.dirname, '..', '..', 'shared', 'data'));

/** Absolute path of a dataset file, e.g. dataset('haiti/roads/pap-metro-2010.osm'). */
export function dataset(relativePath: string): string {
  const full = path.join(datasetsDir, relativePath);
  if (!existsSync(full)) throw new Error(`dataset ${relativePath} not found in ${datasetsDir}: set KONBIT_DATASETS`);
  return full;
}
