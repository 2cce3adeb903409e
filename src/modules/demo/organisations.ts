import type { OrganisationInput, UserInput } from '../../shared/auth.ts';

/**
 * The mission as the public record describes it: Kenya leads; Jamaica, the
 * Bahamas and Antigua and Barbuda contribute personnel; the United States
 * funds; the Haitian National Police is the host police.
 */
export const DEMO_ORGANISATIONS: OrganisationInput[] = [
  { code: 'MSS-HQ', name: 'Multinational Security Support mission headquarters', kind: 'mission_hq' },
  { code: 'KEN', name: 'Kenya (lead nation)', kind: 'contingent', iso3: 'KEN', isLeadNation: true },
  { code: 'JAM', name: 'Jamaica', kind: 'contingent', iso3: 'JAM' },
  { code: 'BHS', name: 'The Bahamas', kind: 'contingent', iso3: 'BHS' },
  { code: 'ATG', name: 'Antigua and Barbuda', kind: 'contingent', iso3: 'ATG' },
  { code: 'HNP', name: 'Haitian National Police', kind: 'host_police', iso3: 'HTI' },
  { code: 'USA', name: 'United States', kind: 'donor', iso3: 'USA' },
  { code: 'OVERSIGHT', name: 'Mission oversight body', kind: 'oversight' },
  { code: 'HUM', name: 'Humanitarian logistics cluster', kind: 'humanitarian' },
];

type DemoUser = Omit<UserInput, 'password'>;

/** One account per demo organisation, plus the administrator. README lists them. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: 'Konbit administrator', organisationCode: 'MSS-HQ', roles: ['admin', 'analyst'] },
  { username: 'hq.analyst', displayName: 'HQ intelligence analyst', organisationCode: 'MSS-HQ', roles: ['analyst', 'reporter'] },
  { username: 'ken.commander', displayName: 'Kenyan contingent commander', organisationCode: 'KEN', roles: ['commander', 'reporter'] },
  { username: 'jam.commander', displayName: 'Jamaican contingent commander', organisationCode: 'JAM', roles: ['commander', 'reporter'] },
  { username: 'bhs.commander', displayName: 'Bahamian contingent commander', organisationCode: 'BHS', roles: ['commander', 'reporter'] },
  { username: 'atg.commander', displayName: 'Antiguan contingent commander', organisationCode: 'ATG', roles: ['commander', 'reporter'] },
  { username: 'hnp.liaison', displayName: 'HNP liaison officer', organisationCode: 'HNP', roles: ['reporter', 'analyst'] },
  { username: 'usa.donor', displayName: 'US donor liaison', organisationCode: 'USA', roles: ['donor'] },
  { username: 'oversight', displayName: 'Oversight officer', organisationCode: 'OVERSIGHT', roles: ['oversight'] },
  { username: 'hum.planner', displayName: 'Humanitarian convoy planner', organisationCode: 'HUM', roles: ['viewer'] },
];
