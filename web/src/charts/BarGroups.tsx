/*
 * Grouped horizontal bars in SVG: one group per nation or donor, one bar per
 * measure (pledged, confirmed, deployed…). Each bar carries its value as text.
 */
import { useId } from 'react';
import { Legend } from './LineChart.tsx';
import { useWidth } from './useWidth.ts';

export interface BarGroup {
  label: string;
  values: readonly number[];
}

interface Props {
  title: string;
  measures: readonly { name: string; colour: string }[];
  groups: readonly BarGroup[];
  format: (value: number) => string;
}


const BAR = 14;
const GAP = 12;

export function BarGroups({ title, measures, groups, format }: Props) {
  const titleId = useId();
  const [ref, W] = useWidth<HTMLElement>();
  // On a phone the group's name goes above its bars rather than beside them.
  const narrow = W < 480;
  const LABEL = narrow ? 0 : 170;
  const HEAD = narrow ? 18 : 0;
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const groupHeight = HEAD + measures.length * BAR + GAP;
  const height = groups.length * groupHeight + 4;
  const width = (v: number) => (v / max) * (W - LABEL - 80);
  return (
    <figure className="chart" ref={ref}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-labelledby={titleId}>
        {groups.map((group, g) => (
          <g key={group.label} transform={`translate(0, ${g * groupHeight})`}>
            {narrow ? (
              <text x={0} y={13} className="bar-label">{group.label}</text>
            ) : (
              <text x={LABEL - 8} y={(measures.length * BAR) / 2 + 4} textAnchor="end" className="bar-label">{group.label}</text>
            )}
            {measures.map((measure, m) => (
              <g key={measure.name} transform={`translate(0, ${HEAD})`}>
                <rect x={LABEL} y={m * BAR} width={Math.max(1, width(group.values[m] ?? 0))} height={BAR - 2} fill={measure.colour} rx={2}>
                  <title>{`${group.label} — ${measure.name}: ${format(group.values[m] ?? 0)}`}</title>
                </rect>
                <text x={LABEL + Math.max(1, width(group.values[m] ?? 0)) + 4} y={m * BAR + BAR - 4} className="tick">{format(group.values[m] ?? 0)}</text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <Legend items={measures} />
    </figure>
  );
}
