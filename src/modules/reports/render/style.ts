/*
 * Colours shared by the charts, the map and their legends: one colour per
 * incident type, one style per level of control.
 */

const TYPE_COLORS: Readonly<Record<string, string>> = {
  killing: '#b2182b',
  kidnapping: '#5e3c99',
  armed_clash: '#e66101',
  attack_on_police: '#1f78b4',
  sexual_violence: '#c51b7d',
  looting: '#8c6d31',
  arson: '#f4a300',
  roadblock: '#4d4d4d',
  attack_on_infrastructure: '#35978f',
  displacement: '#66a61e',
  organ_trafficking: '#7f3b08',
  protest: '#80b1d3',
  other: '#999999',
};

export function typeColor(type: string): string {
  return TYPE_COLORS[type] ?? '#999999';
}

export const AREA_STYLE = {
  controlled: { fill: '#b2182b', opacity: 0.3, stroke: '#b2182b', dash: '' },
  contested: { fill: '#ef8a62', opacity: 0.3, stroke: '#d6604d', dash: '' },
  influence: { fill: '#fddbc7', opacity: 0.45, stroke: '#d6604d', dash: '4 3' },
} as const;

export const SERIES_COLORS = { pledged: '#bdbdbd', confirmed: '#6baed6', deployed: '#08519c', committed: '#6baed6', paid: '#08519c', previous: '#cfcfcf', current: '#08519c' } as const;
