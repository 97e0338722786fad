import { describe, expect, it } from 'vitest'
import { OpenAiError } from '../../src/integrations/openai-compat/errors.js'
import { toAskInput } from '../../src/integrations/openai-compat/request.js'
import { stripSources } from '../../src/integrations/sources.js'

const user = (content: unknown) => ({ role: 'user', content }) as never
const assistant = (content: unknown) => ({ role: 'assistant', content }) as never

describe('chat messages to a question and history', () => {
  it('takes the last user message as the question and earlier user and assistant turns as history', () => {
    expect(toAskInput([{ role: 'system', content: 'Answer as a pirate.' } as never, user('Q1'), assistant('A1'), user('Q2')])).toEqual({
      question: 'Q2',
      history: [
        { role: 'user', content: 'Q1' },
        { role: 'assistant', content: 'A1' },
      ],
    })
  })

  it('joins the text parts of array content and ignores image parts, tool messages and later assistant prefills', () => {
    const input = toAskInput([
      user([{ type: 'text', text: 'Which cities' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: 'host kaolin clusters?' }]),
      { role: 'tool', content: 'tool output', tool_call_id: '1' } as never,
      assistant('The answer is'),
    ])
    expect(input).toEqual({ question: 'Which cities\nhost kaolin clusters?', history: undefined })
  })

  it('removes the Sources list this service appended from earlier assistant answers', () => {
    const answer = 'Kaolin clusters are in Xinzhou [1].'
    const withSources = `${answer}\n\nSources:\n- [1] "kaolin industrial clusters in Xinzhou" — Title (https://x/documents/d#1-2)`
    expect(stripSources(withSources)).toBe(answer)
    expect(toAskInput([user('Q1'), assistant(withSources), user('Q2')]).history).toEqual([
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: answer },
    ])
  })

  it('keeps the last 20 history turns, each cut to 4000 characters', () => {
    const turns = Array.from({ length: 30 }, (_, i) => (i % 2 ? assistant(`A${i}`) : user(`Q${i}`)))
    const history = toAskInput([...turns, user('x'.repeat(10) + 'long'), assistant('y'.repeat(5000)), user('last')]).history!
    expect(history).toHaveLength(20)
    expect(history.at(-1)).toEqual({ role: 'assistant', content: 'y'.repeat(4000) })
    expect(history[0]).toEqual({ role: 'user', content: 'Q12' })
  })

  it('refuses messages without a user message that has text, naming the messages param', () => {
    for (const messages of [[{ role: 'system', content: 'Be brief.' }], [user('   ')], [user([{ type: 'image_url', image_url: { url: 'x' } }])]]) {
      const error = (() => {
        try {
          toAskInput(messages as never)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(OpenAiError)
      expect(error).toMatchObject({ status: 400, param: 'messages' })
    }
  })
})
