import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '../../src/config.js'

describe('parseConfig', () => {
  it('defaults to the embedded mode on port 8787', () => {
    const config = parseConfig({})
    expect(config).toMatchObject({ port: 8787, embeddings: 'local', llmEnabled: false, allowedOrigins: ['*'] })
    expect(config.openai.timeoutMs).toBe(8000)
  })

  it('turns the model path on with a key or a base URL', () => {
    expect(parseConfig({ OPENAI_API_KEY: 'sk-x' }).llmEnabled).toBe(true)
    expect(parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).llmEnabled).toBe(true)
    expect(parseConfig({ OPENAI_API_KEY: '  ' }).llmEnabled).toBe(false)
  })

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => parseConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => parseConfig({ EMBEDDINGS: 'magic' })).toThrow(/EMBEDDINGS/)
    expect(() => parseConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(/OPENAI_BASE_URL/)
  })

  it('splits list settings on commas', () => {
    expect(parseConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example' }).allowedOrigins).toEqual(['https://a.example', 'https://b.example'])
  })

  it('reads Slack and webhook settings, with no secrets and no callback hosts by default', () => {
    const empty = parseConfig({})
    expect(empty.slack).toMatchObject({ signingSecret: undefined, botToken: undefined, responseType: 'in_channel' })
    expect(empty.webhook).toMatchObject({ secret: undefined, callbackHosts: [], callbackRetries: 4, callbackBackoffMs: 1000 })
    const set = parseConfig({ SLACK_RESPONSE_TYPE: 'ephemeral', SLACK_API_URL: 'http://127.0.0.1:9/api/', WEBHOOK_CALLBACK_HOSTS: 'Hooks.Example.com, *.corp.example' })
    expect(set.slack).toMatchObject({ responseType: 'ephemeral', apiUrl: 'http://127.0.0.1:9/api/' })
    expect(set.webhook.callbackHosts).toEqual(['hooks.example.com', '*.corp.example'])
    expect(() => parseConfig({ SLACK_RESPONSE_TYPE: 'everyone' })).toThrow(/SLACK_RESPONSE_TYPE/)
    expect(() => parseConfig({ WEBHOOK_CALLBACK_RETRIES: '50' })).toThrow(/WEBHOOK_CALLBACK_RETRIES/)
  })
})
