import { describe, expect, it } from 'vitest'
import type { AskResponse } from '../../src/core/types.js'
import { TtlSet } from '../../src/integrations/slack/dedupe.js'
import { threadHistory } from '../../src/integrations/slack/events.js'
import { answerMessage, clipEscaped, escapeMrkdwn } from '../../src/integrations/slack/format.js'
import { slackTextToPlain } from '../../src/integrations/slack/text.js'

const hostile: AskResponse = {
  answer: 'Ping <!channel> and <!here> and <@U123>: see <https://evil.example|a link> & <script>alert(1)</script> [1]',
  grounded: true,
  source: 'llm',
  citations: [{ id: 1, documentId: 'doc-a', title: 'A & <B>', quote: 'Steel <!everyone>\n  output & more.', start: 10, end: 40 }],
}

describe('Block Kit answers', () => {
  it('escapes every answer, quote and title so no mention, broadcast or link can form', () => {
    const message = answerMessage(hostile, { question: '<!channel> <script> & co', baseUrl: 'https://qa.example.org/' })
    expect(message).toEqual({
      text: 'Ping &lt;!channel&gt; and &lt;!here&gt; and &lt;@U123&gt;: see &lt;https://evil.example|a link&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; [1]',
      blocks: [
        { type: 'context', elements: [{ type: 'mrkdwn', text: '*Question:* &lt;!channel&gt; &lt;script&gt; &amp; co' }] },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'Ping &lt;!channel&gt; and &lt;!here&gt; and &lt;@U123&gt;: see &lt;https://evil.example|a link&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; [1]' },
        },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: '*[1]* <https://qa.example.org/documents/doc-a#10-40|A &amp; &lt;B&gt;>: “Steel &lt;!everyone&gt; output &amp; more.”' }],
        },
      ],
    })
    const markup = JSON.stringify(message)
    expect(markup).not.toMatch(/<[!@#]/)
  })

  it('says plainly when an answer is not grounded and cites nothing', () => {
    const message = answerMessage(
      { answer: 'The blueprint does not say anything that answers "cake".', grounded: false, source: 'extractive', citations: [] },
      { question: 'cake', baseUrl: 'http://127.0.0.1:1' },
    )
    expect(message.blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: '*Question:* cake' }] },
      { type: 'section', text: { type: 'mrkdwn', text: 'The blueprint does not say anything that answers "cake".' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Not found in the documents: no source supports an answer, so nothing is cited.' }] },
    ])
  })

  it('says what the documents say instead when an answer is not grounded but cites them', () => {
    const citations = [{ id: 1, documentId: 'doc', title: 'T', quote: 'such as Wenxi Fine Steel Industrial Park', start: 1, end: 41 }]
    const answer = 'The article names no city for it: it calls it the Wenxi Fine Steel Industrial Park, part of the steel industry [1].'
    const message = answerMessage({ answer, grounded: false, source: 'structured', citations }, { question: 'Which city is the Wenxi park in?', baseUrl: 'http://127.0.0.1:1' })
    expect(message.blocks[2]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Not found in the documents: they do not answer this; the source below is what they say instead.' }] })
    expect(JSON.stringify(message.blocks[3])).toMatch(/Wenxi Fine Steel Industrial Park/)
  })

  it('keeps every block within Slack’s 3000-character limit without splitting an entity', () => {
    const long = '&'.repeat(5000)
    const citations = Array.from({ length: 14 }, (_, i) => ({ id: i + 1, documentId: 'doc', title: 'T'.repeat(300), quote: '<'.repeat(400), start: i, end: i + 400 }))
    const message = answerMessage({ answer: long, grounded: true, source: 'llm', citations }, { question: long, baseUrl: 'https://x.example' })
    for (const block of message.blocks) {
      const texts = block.type === 'section' ? [block.text.text] : block.elements.map((e) => e.text)
      for (const t of texts) {
        expect(t.length).toBeLessThanOrEqual(3000)
        expect(t).not.toMatch(/&(?!amp;|lt;|gt;)/)
      }
    }
    expect(message.blocks.at(-1)!.type).toBe('context')
    expect(JSON.stringify(message.blocks.at(-1))).toMatch(/…and \d+ more/)
  })

  it('clips after escaping', () => {
    expect(clipEscaped('a&b', 5)).toBe('a…')
    expect(clipEscaped('a&b', 7)).toBe('a&amp;b')
    expect(escapeMrkdwn('1 < 2 > 0 & "q"')).toBe('1 &lt; 2 &gt; 0 &amp; "q"')
  })
})

describe('Slack text', () => {
  it('drops the leading bot mention and decodes Slack’s entities', () => {
    expect(slackTextToPlain('<@U0BOT> which cities &amp; regions host &lt;kaolin&gt;?')).toBe('which cities & regions host <kaolin>?')
    expect(slackTextToPlain('  <@U0BOT|qa>, steel')).toBe('steel')
    expect(slackTextToPlain('steel <@U0BOT>')).toBe('steel <@U0BOT>')
  })

  it('turns earlier thread messages into history, the bot’s as assistant turns', () => {
    const history = threadHistory(
      [
        { ts: '100.000100', text: '<@UBOT> which cities host kaolin clusters?', user: 'UHUMAN' },
        { ts: '100.000200', text: 'Xinzhou &amp; Shuozhou [1]', user: 'UBOT', botId: 'B1' },
        { ts: '100.000300', text: 'and coal?', user: 'UHUMAN' },
        { ts: '100.000400', text: 'later', user: 'UHUMAN' },
      ],
      '100.000300',
      'UBOT',
    )
    expect(history).toEqual([
      { role: 'user', content: 'which cities host kaolin clusters?' },
      { role: 'assistant', content: 'Xinzhou & Shuozhou [1]' },
    ])
  })
})

describe('TtlSet', () => {
  it('forgets keys after the TTL and never holds more than its bound', () => {
    let now = 0
    const seen = new TtlSet(1000, 3, () => now)
    expect(seen.add('a')).toBe(true)
    expect(seen.add('a')).toBe(false)
    now = 1001
    expect(seen.add('a')).toBe(true)
    for (const k of ['b', 'c', 'd', 'e']) seen.add(k)
    expect(seen.size).toBe(3)
    expect(seen.add('e')).toBe(false)
  })
})

describe('slack/manifest.yml', () => {
  it('points the slash command and the events at the routes the app serves, with the needed scopes and events', async () => {
    const { readFile } = await import('node:fs/promises')
    const manifest = await readFile(new URL('../../slack/manifest.yml', import.meta.url), 'utf8')
    expect(manifest).toMatch(/command: \/blueprint\n\s+url: https:\/\/[^/\s]+\/slack\/commands\n/)
    expect(manifest).toMatch(/request_url: https:\/\/[^/\s]+\/slack\/events\n/)
    for (const scope of ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'channels:history']) expect(manifest).toMatch(new RegExp(`- ${scope}\\b`))
    for (const event of ['app_mention', 'message.im']) expect(manifest).toMatch(new RegExp(`- ${event.replace('.', '\\.')}\\n`))
  })
})
