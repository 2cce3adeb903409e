/*
 * A small SVG line chart: a few series over dates, with axes and a legend.
 * Plain SVG keeps the bundle small and prints well; the numbers are also in a
 * table for screen readers.
 */
import { useId } from 'react';
import { useWidth } from './useWidth.ts';

export interface Series {
  name: string;
  colour: string;
  points: readonly { date: string; value: number }[];
}

interface Props {
  title: string;
  series: readonly Series[];
  formatValue: (value: number) => string;
  formatDate: (iso: string) => string;
  height?: number;
}

const PAD = { left: 56, right: 12, top: 10, bottom: 26 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((n) => n >= value) ?? value;
}

export function LineChart({ title, series, formatValue, formatDate, height = 240 }: Props) {
  const titleId = useId();
  const [ref, W] = useWidth<HTMLElement>();
  const dates = series[0]?.points.map((p) => p.date) ?? [];
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.value))));
  const x = (i: number) => PAD.left + (dates.length <= 1 ? 0 : (i / (dates.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => height - PAD.bottom - (v / max) * (height - PAD.top - PAD.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const dateTicks = dates.length > 1 ? [0, Math.floor((dates.length - 1) / 2), dates.length - 1] : [0];
  return (
    <figure className="chart" ref={ref}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-labelledby={titleId} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="tick">{formatValue(v)}</text>
          </g>
        ))}
        {dateTicks.map((i) => (
          <text key={i} x={x(i)} y={height - 6} textAnchor={i === 0 ? 'start' : i === dates.length - 1 ? 'end' : 'middle'} className="tick">
            {dates[i] ? formatDate(dates[i]) : ''}
          </text>
        ))}
        {series.map((s) => (
          <polyline key={s.name} fill="none" stroke={s.colour} strokeWidth={2.5} points={s.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
        ))}
      </svg>
      <Legend items={series} />
      <details className="chart-data">
        <summary>{title}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {series.map((s) => <th key={s.name} scope="col">{s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {dates.map((date, i) => (
              <tr key={date}>
                <th scope="row">{formatDate(date)}</th>
                {series.map((s) => <td key={s.name}>{formatValue(s.points[i]?.value ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function Legend({ items }: { items: readonly { name: string; colour: string }[] }) {
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.name}>
          <span className="swatch square" style={{ background: item.colour }} aria-hidden="true" />
          {item.name}
        </li>
      ))}
    </ul>
  );
}
