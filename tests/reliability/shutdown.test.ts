import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startServerProcess, waitFor, type Child } from '../helpers/child.js'

const children: Child[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null && c.proc.signalCode === null) process.kill(-c.proc.pid!, 'SIGKILL')
})

/** Opens a raw connection and sends a POST /ask whose body stops halfway: a request in flight. */
async function halfSentAsk(port: number): Promise<{ socket: Socket; rest: string; response: Promise<string> }> {
  const body = JSON.stringify({ question: 'Which cities host kaolin clusters?' })
  const socket = connect(port, '127.0.0.1')
  await new Promise((r) => socket.once('connect', r))
  let received = ''
  socket.on('data', (d) => (received += d))
  const response = new Promise<string>((resolve) => socket.once('close', () => resolve(received)))
  socket.write(`POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`)
  return { socket, rest: body.slice(10), response }
}

describe('graceful shutdown', () => {
  it('on SIGTERM refuses new connections, finishes the request in flight and exits 0', async () => {
    const server = await startServerProcess({ SHUTDOWN_TIMEOUT_MS: '10000' })
    children.push(server)
    const inFlight = await halfSentAsk(server.port)
    await new Promise((r) => setTimeout(r, 150))
    server.proc.kill('SIGTERM')
    await waitFor(() => server.stdout().includes('shutting down'), 10_000, 'the shutdown log line')
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
    inFlight.socket.write(inFlight.rest)
    const raw = await inFlight.response
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK/)
    const answer = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))
    expect(answer.grounded).toBe(true)
    expect(answer.answer).toMatch(/Xinzhou/)
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(server.stdout()).toMatch(/drained: exiting/)
  })

  it('stops waiting for a stuck request after SHUTDOWN_TIMEOUT_MS and still exits 0', async () => {
    const server = await startServerProcess({ SHUTDOWN_TIMEOUT_MS: '400' })
    children.push(server)
    const stuck = await halfSentAsk(server.port)
    const started = Date.now()
    server.proc.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(server.stdout()).toMatch(/shutdown bound reached/)
    await stuck.response
  })
})
