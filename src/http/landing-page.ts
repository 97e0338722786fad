import type { CorpusDocument } from '../core/types.js'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (value: string) => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)

export interface LandingInput {
  /** Where this service is reached, e.g. `http://127.0.0.1:8787`. */
  origin: string
  documents: readonly CorpusDocument[]
  faqCount: number
  mode: 'embedded' | 'llm'
}

const API: Array<[string, string, string?]> = [
  ['POST /ask', 'A cited answer: { answer, grounded, source, citations[] }.'],
  ['POST /ask/stream', 'The same answer as Server-Sent Events: token deltas, then done.'],
  ['GET /faq.json', 'The FAQ made at ingest from the structured facts, with cited answers.', '/faq.json'],
  ['GET /search?q=&k=', 'Ranked passages with scores and offsets.', '/search?q=steel%20industrial%20parks'],
  ['GET /documents', 'The source documents exactly as ingested.', '/documents'],
  ['GET /facts', 'The structured facts behind the FAQ.', '/facts'],
  ['GET /widget.js', 'The embeddable FAQ widget.', '/widget.js'],
  ['GET /healthz', 'Readiness, mode and index counts.', '/healthz'],
]

const CSS = `
:root{color-scheme:light dark;--bg:#f6f7fb;--fg:#1b2130;--muted:#5a6275;--card:#fff;--border:#d6dbe6;--accent:#1f5fbf}
@media (prefers-color-scheme:dark){:root{--bg:#0e1118;--fg:#e7eaf1;--muted:#a3abbd;--card:#141821;--border:#343b4c;--accent:#7fb0ff}}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.8rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin:2rem 0 .5rem}
.lead{font-size:1.1rem;color:var(--muted);margin-top:0}
a{color:var(--accent)}
pre{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:.75rem 1rem;overflow-x:auto}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
table{border-collapse:collapse;width:100%}td{border-top:1px solid var(--border);padding:.4rem .5rem;vertical-align:top}
td:first-child{white-space:nowrap}
footer{margin-top:3rem;color:var(--muted);font-size:.9rem}
:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
`

/**
 * The landing page at `GET /`: what the service is, the live widget, the source documents, how to
 * embed it and the API. Every interpolated value is HTML-escaped.
 *
 * @example c.html(landingPage({ origin, documents: corpus.documents, faqCount: 16, mode: 'embedded' }))
 */
export function landingPage({ origin, documents, faqCount, mode }: LandingInput): string {
  const docs = documents
    .map((d) => `<li><a href="/documents/${encodeURIComponent(d.id)}">${esc(d.title)}</a> <span class="muted">(${esc(d.metadata.date)}, ${esc(d.id)})</span></li>`)
    .join('\n')
  const api = API.map(([route, what, href]) => `<tr><td><code>${href ? `<a href="${esc(href)}">${esc(route)}</a>` : esc(route)}</code></td><td>${esc(what)}</td></tr>`).join('\n')
  const snippet = `<script src="${origin}/widget.js" defer></script>\n<blueprint-faq></blueprint-faq>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>blueprint-qa: cited answers about the Shanxi 2020 industrial blueprints</title>
<style>${CSS}</style>
<script src="/widget.js" defer></script>
</head>
<body>
<main>
<h1>blueprint-qa</h1>
<p class="lead">Ask questions in plain language about a policy document and get short answers. Every claim points to the exact sentence in the source: click a footnote to see it highlighted in its paragraph. When the document does not answer, it says so.</p>
<blueprint-faq title="Ask the Shanxi 2020 industrial blueprints"></blueprint-faq>
<h2 id="source">Source document${documents.length === 1 ? '' : 's'}</h2>
<ul>
${docs}
</ul>
<p>The ${faqCount} questions above were generated at ingest from the structured facts and answered by the same offline answerer as <code>POST /ask</code>; each was kept only if its citations quote the document exactly.</p>
<h2 id="embed">Put it on your site</h2>
<p>Paste these two lines into any page. The widget calls this service from the page's origin, so add that origin to <code>ALLOWED_ORIGINS</code> if you restrict it.</p>
<pre><code>${esc(snippet)}</code></pre>
<p>Attributes: <code>title</code>, <code>placeholder</code>, <code>api-base</code>. Theme it with CSS custom properties such as <code>--bq-accent</code>, <code>--bq-bg</code> and <code>--bq-font</code> (see the README, section "FAQ widget").</p>
<h2 id="api">API</h2>
<table>
${api}
</table>
<footer>Running in ${mode === 'llm' ? 'model' : 'embedded (offline)'} mode. Errors always come as <code>{ "error": { "code", "message" } }</code>.</footer>
</main>
</body>
</html>
`
}
