import * as z from 'zod'

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))

const bool = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || (typeof v === 'string' && /^(1|true|yes|on)$/i.test(v)))

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().default('127.0.0.1'),
    INDEX_DIR: z.string().default('index'),
    CORPUS_DIR: z.string().default('corpus'),
    PUBLIC_BASE_URL: optionalString,
    EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
    EMBEDDINGS_MODEL: z.string().default('text-embedding-3-small'),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.url({ message: 'OPENAI_BASE_URL must be a URL' }).optional()),
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
    ALLOWED_ORIGINS: list,
    LOG_QUESTIONS: bool,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    ANSWER_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(1000),
    MAX_BODY_BYTES: z.coerce.number().int().min(256).max(10 * 1024 * 1024).default(16 * 1024),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0),
    API_KEYS: list,
    FRAME_ANCESTORS: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.split(/[\s,]+/).filter(Boolean) : ["'self'"])),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    INGEST_WRITE_DELAY_MS: z.coerce.number().int().min(0).default(0),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_BOT_TOKEN: optionalString,
    SLACK_RESPONSE_TYPE: z.enum(['in_channel', 'ephemeral']).default('in_channel'),
    SLACK_API_URL: optionalString.pipe(z.url({ message: 'SLACK_API_URL must be a URL' }).optional()),
    SLACK_RETRY_BACKOFF_MS: z.coerce.number().int().min(0).default(1000),
    WEBHOOK_SECRET: optionalString,
    WEBHOOK_CALLBACK_HOSTS: list,
    WEBHOOK_CALLBACK_RETRIES: z.coerce.number().int().min(0).max(10).default(4),
    WEBHOOK_CALLBACK_BACKOFF_MS: z.coerce.number().int().min(0).default(1000),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    indexDir: env.INDEX_DIR,
    corpusDir: env.CORPUS_DIR,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    embeddings: env.EMBEDDINGS,
    openai: {
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      embeddingsModel: env.EMBEDDINGS_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
    },
    /** The model path is on when a key or a base URL is configured. */
    llmEnabled: Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL),
    allowedOrigins: env.ALLOWED_ORIGINS.length ? env.ALLOWED_ORIGINS : ['*'],
    logQuestions: env.LOG_QUESTIONS,
    logLevel: env.LOG_LEVEL,
    /** Offline answers remembered per process (least recently used out first); 0 turns the cache off. */
    answerCacheSize: env.ANSWER_CACHE_SIZE,
    limits: {
      maxBodyBytes: env.MAX_BODY_BYTES,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      /** Requests per client per minute; 0 turns rate limiting off. */
      ratePerMinute: env.RATE_LIMIT_PER_MINUTE,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    /** Bearer keys for the API routes; empty leaves them open. */
    apiKeys: env.API_KEYS,
    /** CSP `frame-ancestors` sources for the embeddable widget routes. */
    frameAncestors: env.FRAME_ANCESTORS,
    /** Testing hook: pause between index file writes so a crash test can kill ingest mid-write. */
    ingestWriteDelayMs: env.INGEST_WRITE_DELAY_MS,
    slack: {
      signingSecret: env.SLACK_SIGNING_SECRET,
      botToken: env.SLACK_BOT_TOKEN,
      responseType: env.SLACK_RESPONSE_TYPE,
      apiUrl: env.SLACK_API_URL,
      retryBackoffMs: env.SLACK_RETRY_BACKOFF_MS,
    },
    webhook: {
      secret: env.WEBHOOK_SECRET,
      callbackHosts: env.WEBHOOK_CALLBACK_HOSTS.map((h) => h.toLowerCase()),
      callbackRetries: env.WEBHOOK_CALLBACK_RETRIES,
      callbackBackoffMs: env.WEBHOOK_CALLBACK_BACKOFF_MS,
    },
  }))

export type Config = z.output<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Parses configuration from an environment record: `process.env` on Node, `env` on Workers.
 *
 * @example parseConfig({ PORT: '9000' }).port // 9000
 */
export function parseConfig(env: Record<string, unknown>): Config {
  // Parsed once: zod's compiled fast path would cost more to build (~10 ms at start-up) than it saves.
  const result = ConfigSchema.safeParse(env, { jitless: true })
  if (result.success) return result.data
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`)
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`)
}
