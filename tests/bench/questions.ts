import { readFileSync } from 'node:fs'
import { GoldSetSchema } from '../../src/eval/gold.js'
import type { ResolvedFacts } from '../../src/facts/schema.js'

const TEMPLATES: Record<string, string[]> = {
  city: ['Which clusters are located in {name}?', 'What does {name} host?', 'Tell me about the industries in {name}.'],
  cluster: ['Where are the {name} located?', 'Which cities host the {name}?', 'How many cities have {name}?'],
  industry: ['What will the {name} industry do?', 'What are the plans for {name}?', 'Is {name} a traditional industry?'],
  sector: ['Which industry does the {name} sector belong to?', 'What is planned for the {name} sector?'],
  park: ['Which industry does the {name} belong to?', 'Where is the {name}?'],
  category: ['What are the {name}?', 'How many {name} are there?'],
}

/**
 * At least `min` distinct questions: the gold set's (single-turn) questions, then paraphrases made
 * from templates over the entity names in the facts, in a fixed order.
 */
export function benchQuestions(facts: Record<string, ResolvedFacts>, goldPath = 'tests/eval/gold.json', min = 100): string[] {
  const gold = GoldSetSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8')))
  const out = new Set(gold.filter((g) => !g.history?.length).map((g) => g.question))
  for (const doc of Object.values(facts)) {
    for (const e of doc.entities) for (const t of TEMPLATES[e.type] ?? []) out.add(t.replace('{name}', e.name))
  }
  const list = [...out]
  if (list.length < min) throw new Error(`only ${list.length} distinct benchmark questions, need ${min}`)
  return list
}
