type Child = Node | string | null | undefined | false
type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>

let counter = 0

/** A fresh id for aria-controls / aria-labelledby pairs inside one shadow root. */
export const uid = (prefix: string) => `${prefix}-${++counter}`

/**
 * Creates an element. Strings become Text nodes (never parsed as HTML); `on*` props add listeners;
 * `true` sets an empty attribute, `false`/`undefined` leave it out.
 *
 * @example h('button', { type: 'button', onclick: go }, 'Ask')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value)
    else if (value === true) el.setAttribute(name, '')
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value))
  }
  for (const child of children) if (child) el.append(child)
  return el
}
