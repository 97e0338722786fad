/** Binary modules bundled by wrangler's `Data` rule (see wrangler.toml) arrive as ArrayBuffers. */
declare module '*.bin' {
  const bytes: ArrayBuffer
  export default bytes
}
