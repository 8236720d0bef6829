/**
 * Finds the text of a training or benchmark record: instruction/input/output, messages or
 * conversations (ShareGPT's from/value too), prompt/response, question/answer, problem/solution, or
 * fields the user names. The prompt side alone is what a benchmark item is matched on.
 */

export type TextSide = 'all' | 'prompt';

const PROMPT_FIELDS = ['instruction', 'input', 'prompt', 'question', 'problem', 'query', 'context', 'premise', 'hypothesis', 'goal', 'sentence', 'passage', 'text', 'content'];
const ANSWER_FIELDS = ['output', 'response', 'answer', 'solution', 'completion', 'chosen', 'target', 'rationale', 'explanation', 'best_answer', 'correct_answer'];
const MESSAGE_FIELDS = ['messages', 'conversations', 'conversation', 'dialogue', 'turns', 'chat'];
const PROMPT_ROLES = /^(?:user|human|prompter|system|instruction)$/i;

export interface SampleText {
  /** The fields read, in order. */
  fields: string[];
  text: string;
}

/**
 * The text of a record. `fields` overrides detection (dot paths allowed: `meta.question`); with none
 * given, the known field names are used, else every string field.
 */
export function sampleText(record: Record<string, unknown>, options: { fields?: string[]; side?: TextSide } = {}): SampleText {
  const side = options.side ?? 'all';
  if (options.fields && options.fields.length > 0) {
    const parts = options.fields.map((f) => [f, flatten(pick(record, f), side)] as const).filter(([, t]) => t);
    return { fields: parts.map(([f]) => f), text: parts.map(([, t]) => t).join('\n') };
  }
  const keys = Object.keys(record);
  const lower = new Map(keys.map((k) => [k.toLowerCase(), k]));
  const found: Array<[string, string]> = [];
  for (const name of MESSAGE_FIELDS) {
    const key = lower.get(name);
    const text = key ? flatten(record[key], side) : '';
    if (key && text) found.push([key, text]);
  }
  const names = side === 'prompt' ? PROMPT_FIELDS : [...PROMPT_FIELDS, ...ANSWER_FIELDS];
  for (const name of names) {
    const key = lower.get(name);
    if (!key) continue;
    const text = flatten(record[key], side);
    if (text) found.push([key, text]);
  }
  if (found.length === 0) {
    for (const key of keys) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() && !/^(?:id|uid|idx|source|split|label|lang|language|url)$/i.test(key)) found.push([key, value]);
    }
  }
  return { fields: found.map(([k]) => k), text: found.map(([, t]) => t).join('\n') };
}

function pick(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** A field's text: strings as they are, message lists by their contents (user turns only for the prompt side). */
function flatten(value: unknown, side: TextSide): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (item && typeof item === 'object') {
          const turn = item as Record<string, unknown>;
          const role = String(turn.role ?? turn.from ?? '');
          if (side === 'prompt' && role && !PROMPT_ROLES.test(role)) return '';
          return flatten(turn.content ?? turn.value ?? turn.text ?? '', side);
        }
        return flatten(item, side);
      })
      .filter(Boolean)
      .join('\n');
  }
  return '';
}

/** A record split into what was asked and what was answered. */
export interface SampleSides {
  prompt: string;
  response: string;
}

const ASSISTANT_ROLE = /^(?:assistant|gpt|bot|model|chatbot|ai)$/i;

/**
 * A reader of prompt and response sides. Records of one file share their fields, so the fields to read
 * are worked out once per set of keys; messages give their user and system turns to the prompt and
 * assistant turns to the response. A record with no known field is all prompt.
 */
export function createSideReader(): (record: Record<string, unknown>) => SampleSides {
  const plans = new Map<string, { messages: string[]; prompt: string[]; response: string[]; fallback: boolean }>();
  return (record) => {
    const keys = Object.keys(record);
    const shape = keys.join('\u0000');
    let plan = plans.get(shape);
    if (!plan) {
      const lower = new Map(keys.map((k) => [k.toLowerCase(), k]));
      const pick = (names: string[]) => names.map((n) => lower.get(n)).filter((k): k is string => k !== undefined);
      plan = { messages: pick(MESSAGE_FIELDS), prompt: pick(PROMPT_FIELDS), response: pick(ANSWER_FIELDS), fallback: false };
      plan.fallback = plan.messages.length + plan.prompt.length + plan.response.length === 0;
      if (plans.size < 64) plans.set(shape, plan);
    }
    if (plan.fallback) return { prompt: sampleText(record).text, response: '' };
    // The common shape — one question field, one answer field — without building lists.
    if (plan.messages.length === 0 && plan.prompt.length === 1 && plan.response.length === 1) {
      return { prompt: flatten(record[plan.prompt[0]!], 'prompt'), response: flatten(record[plan.response[0]!], 'all') };
    }
    const prompt: string[] = [];
    const response: string[] = [];
    for (const key of plan.messages) splitTurns(record[key], prompt, response);
    for (const key of plan.prompt) {
      const text = flatten(record[key], 'prompt');
      if (text) prompt.push(text);
    }
    for (const key of plan.response) {
      const text = flatten(record[key], 'all');
      if (text) response.push(text);
    }
    return { prompt: prompt.join('\n'), response: response.join('\n') };
  };
}

function splitTurns(value: unknown, prompt: string[], response: string[]): void {
  if (!Array.isArray(value)) return;
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const turn = item as Record<string, unknown>;
    const text = flatten(turn.content ?? turn.value ?? turn.text ?? '', 'all');
    if (!text) continue;
    (ASSISTANT_ROLE.test(String(turn.role ?? turn.from ?? '')) ? response : prompt).push(text);
  }
}
