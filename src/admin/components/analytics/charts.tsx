import { Text } from "@medusajs/ui"

/** Small hand-drawn SVG charts: no chart library in the admin bundle. */

type Bar = { label: string; value: number; title: string }

export function ColumnChart({ bars, testId, height = 160 }: { bars: Bar[]; testId: string; height?: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const width = Math.max(320, bars.length * 28)
  const slot = width / Math.max(1, bars.length)
  const every = Math.ceil(bars.length / 14)
  return (
    <div>
      {/* stretched to the card's width; labels stay HTML so they are not stretched with it */}
      <svg data-testid={testId} role="img" viewBox={`0 0 ${width} ${height}`} width="100%" height={height} preserveAspectRatio="none">
        <line x1={0} x2={width} y1={height - 1} y2={height - 1} stroke="currentColor" strokeOpacity={0.2} />
        {bars.map((b, i) => {
          const h = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * (height - 8))
          return (
            <rect key={b.label} data-testid={`${testId}-bar`} x={i * slot + slot * 0.15} y={height - 1 - h} width={slot * 0.7} height={h} rx={2} className="fill-ui-fg-interactive">
              <title>{b.title}</title>
            </rect>
          )
        })}
      </svg>
      <div className="grid" style={{ gridTemplateColumns: `repeat(${bars.length}, minmax(0, 1fr))` }}>
        {bars.map((b, i) => (
          <Text key={b.label} size="xsmall" className="text-ui-fg-subtle text-center">
            {i % every === 0 ? b.label : ""}
          </Text>
        ))}
      </div>
    </div>
  )
}

export function HorizontalBars({ rows, testId, empty }: { rows: Bar[]; testId: string; empty: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  if (!rows.length) return <Text size="small" className="text-ui-fg-subtle" data-testid={`${testId}-empty`}>{empty}</Text>
  return (
    <div className="flex flex-col gap-y-2" data-testid={testId}>
      {rows.map((r) => (
        <div key={r.label} className="flex items-center gap-x-3" data-testid={`${testId}-row`}>
          <Text size="small" className="w-48 truncate" title={r.label}>{r.label}</Text>
          <svg viewBox="0 0 100 8" preserveAspectRatio="none" className="h-3 flex-1">
            <rect width={(r.value / max) * 100} height={8} rx={1} className="fill-ui-fg-interactive" />
          </svg>
          <Text size="small" className="w-20 text-right tabular-nums">{r.title}</Text>
        </div>
      ))}
    </div>
  )
}
