/** A small hand-written SVG line chart with log-scaled axes, for latency against corpus size. */
export interface Series {
  name: string
  color: string
  dashed?: boolean
  points: Array<[x: number, y: number]>
}

const W = 640
const H = 400
const PAD = { left: 64, right: 170, top: 36, bottom: 52 }

export function logLogChart(title: string, xLabel: string, yLabel: string, series: readonly Series[]): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]))
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((y) => y > 0)
  const [x0, x1] = decades(Math.min(...xs), Math.max(...xs))
  const [y0, y1] = decades(Math.min(...ys), Math.max(...ys))
  const px = (x: number) => PAD.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right)
  const py = (y: number) => H - PAD.bottom - ((Math.log10(Math.max(y, 10 ** y0)) - y0) / (y1 - y0 || 1)) * (H - PAD.top - PAD.bottom)
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2 - PAD.right / 2 + PAD.left / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ]
  for (let d = x0; d <= x1; d++) {
    out.push(`<line x1="${px(10 ** d)}" y1="${PAD.top}" x2="${px(10 ** d)}" y2="${H - PAD.bottom}" stroke="#ddd"/>`)
    out.push(`<text x="${px(10 ** d)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${label(10 ** d)}</text>`)
  }
  for (let d = y0; d <= y1; d++) {
    out.push(`<line x1="${PAD.left}" y1="${py(10 ** d)}" x2="${W - PAD.right}" y2="${py(10 ** d)}" stroke="#ddd"/>`)
    out.push(`<text x="${PAD.left - 6}" y="${py(10 ** d) + 4}" text-anchor="end">${label(10 ** d)}</text>`)
  }
  out.push(`<rect x="${PAD.left}" y="${PAD.top}" width="${W - PAD.left - PAD.right}" height="${H - PAD.top - PAD.bottom}" fill="none" stroke="#333"/>`)
  out.push(`<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 12}" text-anchor="middle">${escape(xLabel)}</text>`)
  out.push(`<text transform="translate(16 ${(PAD.top + H - PAD.bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`)
  series.forEach((s, i) => {
    const path = s.points.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : ''
    out.push(`<polyline points="${path}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`)
    for (const [x, y] of s.points) out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${s.color}"/>`)
    const ly = PAD.top + 10 + i * 20
    out.push(`<line x1="${W - PAD.right + 12}" y1="${ly}" x2="${W - PAD.right + 36}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`)
    out.push(`<text x="${W - PAD.right + 42}" y="${ly + 4}">${escape(s.name)}</text>`)
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}

const decades = (min: number, max: number): [number, number] => {
  const lo = Math.floor(Math.log10(min))
  const hi = Math.ceil(Math.log10(max))
  return [lo, hi === lo ? lo + 1 : hi]
}

const label = (v: number) => (v >= 1000 ? `${v / 1000}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(1))))
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
