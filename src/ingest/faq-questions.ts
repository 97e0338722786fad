import type { Entity, ResolvedFact, ResolvedFacts } from '../facts/schema.js'

/** A question made from the fact graph, with the names its answer must mention to be kept. */
export interface FaqQuestion {
  id: string
  /** The relation it asks about; the FAQ takes questions from each relation in turn. */
  relation: string
  question: string
  expect: string[]
}

const pluralOf = (type: string) => (type.endsWith('y') ? `${type.slice(0, -1)}ies` : `${type}s`)
const isProperName = (name: string) => /^[A-Z]/.test(name)

/** How an entity reads inside a question: "the coking industry", "light industry", "Shanxi". */
function phrase(entity: Entity): string {
  if (isProperName(entity.name) || entity.name.startsWith('the ')) return entity.name
  if (entity.type === 'industry') return /\bindustry$/.test(entity.name) ? entity.name : `the ${entity.name} industry`
  return `the ${entity.name}`
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

/**
 * Derives FAQ questions from one document's fact graph, one template per relation: who released
 * it, how many, which members, what each industry will do, which cities host each cluster …
 *
 * @example
 * faqQuestions(facts).map((q) => q.question) // ['What is the goal of the 2020 industrial development blueprints?', …]
 */
export function faqQuestions({ documentId, entities, facts }: ResolvedFacts): FaqQuestion[] {
  const byId = new Map(entities.map((e) => [e.id, e]))
  const entity = (id: string) => byId.get(id)
  const out: FaqQuestion[] = []
  const add = (relation: string, key: string, question: string, expect: string[] = []) =>
    out.push({ id: `${documentId}:${relation}:${key}`, relation, question, expect })
  const with_ = (relation: string) => facts.filter((f) => f.relation === relation && entity(f.subject))

  for (const f of with_('goal')) add('goal', f.subject, `What is the goal of ${phrase(entity(f.subject)!)}?`)
  for (const f of [...with_('released-by'), ...with_('published-by')]) {
    const verb = f.relation.split('-')[0]!
    add(f.relation, f.subject, `Who ${verb} ${phrase(entity(f.subject)!)}?`, f.objects.map((o) => entity(o)?.name ?? o))
  }
  for (const f of with_('figure')) {
    if (typeof f.value === 'number' && f.unit && !/year|yuan|dollar/i.test(f.unit)) {
      add('figure', f.id, `How many ${f.unit} do ${phrase(entity(f.subject)!)} cover?`, [String(f.value)])
    }
  }
  for (const f of with_('total')) add('total', f.subject, `How many ${entity(f.subject)!.name} are there?`, [String(f.value)])
  for (const [object, members] of groupBy(with_('member-of'), (f: ResolvedFact) => f.objects[0] ?? '')) {
    const group = entity(object)
    const types = new Set(members.map((m) => entity(m.subject)!.type))
    if (!group || types.size !== 1) continue
    add('member-of', object, `Which ${pluralOf([...types][0]!)} are among ${phrase(group)}?`, members.map((m) => entity(m.subject)!.name))
  }
  for (const [subject] of groupBy(with_('plan'), (f: ResolvedFact) => f.subject)) add('plan', subject, `What will ${phrase(entity(subject)!)} do?`)
  for (const f of with_('located-in')) {
    const places = f.objects.map((o) => entity(o)).filter((e): e is Entity => Boolean(e))
    const cities = places.length > 0 && places.every((p) => p.type === 'city')
    const question = cities ? `Which cities host ${phrase(entity(f.subject)!)}?` : `Where is ${phrase(entity(f.subject)!)} located?`
    add('located-in', f.subject, question, places.map((p) => p.name))
  }
  const parts = groupBy(with_('part-of'), (f: ResolvedFact) => `${f.objects[0]}|${entity(f.subject)!.type}`)
  for (const [key, members] of parts) {
    const [object, type] = key.split('|') as [string, string]
    const whole = entity(object)
    if (!whole) continue
    add('part-of', `${object}-${type}`, `Which ${pluralOf(type)} are part of ${phrase(whole)}?`, members.map((m) => entity(m.subject)!.name))
  }
  return out
}
