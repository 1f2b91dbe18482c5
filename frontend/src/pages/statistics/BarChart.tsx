// A bar chart of one measure by the values of one grouping, drawn as SVG by hand: the app needs
// bars and one line chart, not a charting library. Columns for periods (time runs left to
// right), horizontal bars for everything else (names stay readable).
//
// No map: there is no well-kept, licensed npm package of the boundaries of Latvia's 43
// municipalities of the 2021 reform, so figures by region and municipality are bars too.
//
// The SVG is one image to assistive technology (role="img") with a summary as its name; the
// table below it holds every figure and is its text alternative.
import { niceCeiling } from './forecast';

export interface Bar {
  label: string;
  /** null where the figure is withheld: no bar, and the value text says why. */
  value: number | null;
  /** The value as the page writes it (or "suppressed"). */
  valueText: string;
}

const fontSize = 12;
const barColour = 'var(--mantine-color-blue-8)'; // #1971c2-ish on white: over 3:1 (WCAG 1.4.11)
const gridColour = 'var(--mantine-color-gray-4)';
const textColour = 'var(--mantine-color-text)';

/** Shortens a label to `max` characters with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({ bars, summary, vertical }: { bars: Bar[]; summary: string; vertical: boolean }) {
  const max = niceCeiling(Math.max(0, ...bars.map((b) => b.value ?? 0)));
  return vertical ? <Columns bars={bars} summary={summary} max={max} /> : <Rows bars={bars} summary={summary} max={max} />;
}

function Columns({ bars, summary, max }: { bars: Bar[]; summary: string; max: number }) {
  // Wide enough for the longest value written above its column ("35 791,00 €").
  const step = Math.max(56, Math.max(0, ...bars.map((b) => b.valueText.length)) * 6 + 12);
  const left = 12;
  const top = 24;
  const plot = 180;
  const width = Math.max(320, left * 2 + bars.length * step);
  const height = top + plot + 40;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }} fontSize={fontSize}>
      <line x1={left} x2={width - left} y1={top + plot} y2={top + plot} stroke={gridColour} />
      {bars.map((b, i) => {
        const h = b.value === null ? 0 : (b.value / max) * plot;
        const x = left + i * step;
        return (
          <g key={i}>
            <rect x={x + 8} y={top + plot - h} width={step - 16} height={h} fill={barColour} />
            <text x={x + step / 2} y={top + plot - h - 6} textAnchor="middle" fill={textColour} fontSize={fontSize - 2}>
              {b.valueText}
            </text>
            <text x={x + step / 2} y={top + plot + 18} textAnchor="middle" fill={textColour}>
              {clip(b.label, Math.floor(step / 6.5))}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function Rows({ bars, summary, max }: { bars: Bar[]; summary: string; max: number }) {
  const rowHeight = 26;
  const labelWidth = 220;
  const plot = 340;
  const valueWidth = 120;
  const width = labelWidth + plot + valueWidth;
  const height = Math.max(rowHeight, bars.length * rowHeight) + 8;
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width, display: 'block' }} fontSize={fontSize}>
      <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} stroke={gridColour} />
      {bars.map((b, i) => {
        const w = b.value === null ? 0 : (b.value / max) * plot;
        const y = 4 + i * rowHeight;
        return (
          <g key={i}>
            <text x={labelWidth - 8} y={y + rowHeight / 2 + 4} textAnchor="end" fill={textColour}>
              {clip(b.label, 32)}
            </text>
            <rect x={labelWidth} y={y + 4} width={w} height={rowHeight - 8} fill={barColour} />
            <text x={labelWidth + w + 6} y={y + rowHeight / 2 + 4} fill={textColour}>
              {b.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
