/**
 * Charts drawn on the server as SVG, so the stats page needs no script and no chart library: horizontal bars for
 * named values (ratings, fandoms), columns for ordered ones (word counts, years). Each has a text alternative and
 * its numbers in a table.
 */
import type { Child } from "hono/jsx";
import { formatNumber } from "./format.js";

export interface ChartValue {
  label: string;
  value: number;
}

const WIDTH = 640;
const LABEL_WIDTH = 250;
const ROW = 26;
const LABEL_CHARS = 34;

function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function DataTable(props: { caption: string; values: readonly ChartValue[]; unit: string }) {
  return (
    <details>
      <summary>{`${props.caption}: the numbers`}</summary>
      <table>
        <thead><tr><th scope="col">{props.caption}</th><th scope="col" class="number">{props.unit}</th></tr></thead>
        <tbody>{props.values.map((v) => <tr><td>{v.label}</td><td class="number">{formatNumber(v.value)}</td></tr>)}</tbody>
      </table>
    </details>
  );
}

/** The frame every chart shares: a caption, the drawing with its text alternative, the numbers in a table. */
function ChartFigure(props: { id: string; caption: string; values: readonly ChartValue[]; unit: string | undefined; height: number; children: Child }) {
  const { id, caption, values } = props;
  return (
    <figure aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${props.height}`} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{`${caption}: ${values.map((v) => `${v.label} ${formatNumber(v.value)}`).join(", ") || "none"}`}</title>
        {props.children}
      </svg>
      <DataTable caption={caption} values={values} unit={props.unit ?? "Works"} />
    </figure>
  );
}

export function BarChart(props: { id: string; caption: string; values: readonly ChartValue[]; unit?: string }) {
  const { id, caption, values } = props;
  const max = Math.max(1, ...values.map((v) => v.value));
  const barSpace = WIDTH - LABEL_WIDTH - 70;
  const height = Math.max(ROW, values.length * ROW) + 8;
  return (
    <ChartFigure id={id} caption={caption} values={values} unit={props.unit} height={height}>
      {values.map((v, i) => {
        const y = 4 + i * ROW;
        const width = Math.max(1, Math.round((v.value / max) * barSpace));
        return (
          <g>
            <text x={LABEL_WIDTH - 8} y={y + 16} text-anchor="end">{shorten(v.label, LABEL_CHARS)}</text>
            <rect class="bar" x={LABEL_WIDTH} y={y + 3} width={width} height={ROW - 8} rx="2" />
            <text x={LABEL_WIDTH + width + 6} y={y + 16}>{formatNumber(v.value)}</text>
          </g>
        );
      })}
      <line class="axis" x1={LABEL_WIDTH} y1="0" x2={LABEL_WIDTH} y2={height} />
    </ChartFigure>
  );
}

export function ColumnChart(props: { id: string; caption: string; values: readonly ChartValue[]; unit?: string }) {
  const { id, caption, values } = props;
  const height = 240;
  const top = 20;
  const bottom = 40;
  const left = 10;
  const max = Math.max(1, ...values.map((v) => v.value));
  const slot = (WIDTH - left * 2) / Math.max(1, values.length);
  const plot = height - top - bottom;
  // With many columns (years), label every few so the labels do not collide.
  const labelEvery = Math.max(1, Math.ceil(values.length / 16));
  return (
    <ChartFigure id={id} caption={caption} values={values} unit={props.unit} height={height}>
      {values.map((v, i) => {
        const barHeight = Math.round((v.value / max) * plot);
        const x = left + i * slot;
        const barWidth = Math.max(2, slot * 0.7);
        return (
          <g>
            <rect class="bar" x={x + (slot - barWidth) / 2} y={top + plot - barHeight} width={barWidth} height={Math.max(barHeight, v.value > 0 ? 1 : 0)} rx="2" />
            {v.value > 0 && values.length <= 16 && <text x={x + slot / 2} y={top + plot - barHeight - 5} text-anchor="middle">{formatNumber(v.value)}</text>}
            {i % labelEvery === 0 && <text x={x + slot / 2} y={height - bottom + 18} text-anchor="middle">{v.label}</text>}
          </g>
        );
      })}
      <line class="axis" x1={left} y1={top + plot} x2={WIDTH - left} y2={top + plot} />
    </ChartFigure>
  );
}
