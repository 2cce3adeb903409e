/*
 * The report's style sheet, placed inline in the page. A4 pages when printed;
 * fonts are those installed with Debian's Chromium (DejaVu, Liberation).
 */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt; line-height: 1.4; color: #1d1d1f; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 6mm 0; }
@media screen { main { padding: 8mm 6mm; } body { background: #eef0f3; } main { background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.12); margin: 6mm auto; } }
.marking { text-align: center; font-weight: bold; letter-spacing: .06em; font-size: 9pt; color: #fff; background: #3d5a80; padding: 3px 0; }
@media print { .screen-only { display: none; } }
.report-header { border-bottom: 3px solid #1f3b5c; margin-bottom: 10px; padding-bottom: 8px; }
.report-header .mission { margin: 0; color: #3d5a80; font-size: 9pt; text-transform: uppercase; letter-spacing: .05em; }
h1 { margin: 2px 0 0; font-size: 22pt; color: #1f3b5c; }
.report-header .period { margin: 0 0 6px; font-size: 13pt; color: #1f3b5c; }
.report-header dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 0; font-size: 9pt; }
.report-header dt { color: #555; }
.report-header dd { margin: 0; }
section { margin-top: 14px; }
h2 { font-size: 14pt; color: #1f3b5c; border-bottom: 1px solid #c9d3df; padding-bottom: 2px; margin: 18px 0 8px; break-after: avoid; }
h3 { font-size: 10.5pt; color: #1f3b5c; margin: 12px 0 4px; break-after: avoid; }
p { margin: 4px 0 6px; }
.note { color: #555; font-size: 8.5pt; }
.not-available { color: #6b6b6b; font-style: italic; background: #f4f4f4; padding: 6px 8px; border-left: 3px solid #bbb; }
.illustrative { background: #fff6d6; border: 1px solid #e8d48b; padding: 6px 8px; font-size: 8.5pt; }
.cards { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; }
.card { border: 1px solid #d5dde6; border-radius: 4px; padding: 6px 8px; break-inside: avoid; }
.card.na { background: #f6f6f6; color: #777; }
.card-label { font-size: 8pt; color: #4a5a6a; text-transform: uppercase; letter-spacing: .03em; }
.card-value { font-size: 16pt; font-weight: bold; color: #1f3b5c; }
.card.na .card-value { font-size: 10pt; color: #777; font-weight: normal; }
.card-change, .change { font-size: 8.5pt; white-space: nowrap; }
.up { color: #a3261b; }
.down { color: #1b6b3a; }
.flat { color: #666; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; break-inside: auto; }
table.compact { width: auto; min-width: 50%; }
tr { break-inside: avoid; }
th, td { text-align: left; padding: 2px 6px; border-bottom: 1px solid #e1e5ea; vertical-align: top; }
th { background: #f0f3f7; font-weight: bold; font-size: 8.5pt; color: #2c3e50; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
table.small { font-size: 8.5pt; }
.columns { display: flex; gap: 14px; align-items: flex-start; }
.columns > table, .columns > div { flex: 1; min-width: 0; }
.columns table.compact { width: 100%; min-width: 0; }
figure { margin: 8px 0 10px; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #444; margin-top: 2px; }
svg.chart { width: 100%; height: auto; display: block; }
svg.map { width: 100%; height: auto; display: block; border: 1px solid #9aa7b4; }
.map .commune { fill: #f4f1ea; stroke: #9c9486; stroke-width: .8; }
.map .road { fill: none; stroke: #b8aa96; stroke-width: 1.1; }
.map .area { stroke-width: 1.2; }
.map .blocked { fill: none; stroke: #d7191c; stroke-width: 3; stroke-linecap: round; }
.map .roadblock { stroke: #222; stroke-width: 2; }
.map .incident { stroke: #fff; stroke-width: .8; fill-opacity: .9; }
.map .commune-name { font-size: 11px; fill: #5a5247; text-anchor: middle; font-style: italic; paint-order: stroke; stroke: #f4f1ea; stroke-width: 3px; }
.map .scale text { font-size: 10px; fill: #222; }
.map .frame { fill: none; stroke: #9aa7b4; }
.legend { display: flex; flex-wrap: wrap; gap: 3px 12px; font-size: 8pt; margin-top: 4px; }
.legend .key { display: inline-flex; align-items: center; gap: 4px; }
.swatch { width: 11px; height: 11px; }
.status { font-weight: bold; }
.status.blocked { color: #b2182b; }
.status.risky { color: #c56a00; }
.status.open { color: #1b6b3a; }
.threat { font-weight: bold; }
.threat.t4, .threat.t5 { color: #b2182b; }
.threat.t3 { color: #c56a00; }
ul.sources, ul.method { margin: 4px 0 8px; padding-left: 18px; }
.hash { font-size: 8pt; color: #555; word-break: break-all; }
code { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; }
`;
