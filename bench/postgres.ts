// What the benches that compare with PostgreSQL share: the database they run in.
import { execFileSync } from 'node:child_process';

/** Creates the bench database if missing, with PostGIS, through psql. */
export function ensureDatabase(url: string): void {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const exists = execFileSync('psql', [admin.toString(), '-Atc', `select 1 from pg_database where datname = '${name.replace(/'/g, "''")}'`]).toString().trim();
  if (exists !== '1') execFileSync('psql', [admin.toString(), '-c', `create database "${name}"`]);
  execFileSync('psql', [url, '-qc', 'create extension if not exists postgis']);
}
