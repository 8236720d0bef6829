/** What a fake model server answers: a script from each chat request to a reply, shared by the Ollama and OpenAI fakes. */

export interface ModelRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  /** The JSON schema the client asked the reply to follow. */
  schema: Record<string, unknown> | undefined;
  stream: boolean;
  /** Requests for this path so far, this one included (1 = first). */
  index: number;
}

export type Reply =
  /** A reply; streamed in pieces when the client asks for a stream (`cutAfterPieces`: the connection drops after that many). */
  | { content: string; promptTokens?: number; completionTokens?: number; delayMs?: number; pieceDelayMs?: number; cutAfterPieces?: number }
  | { status: number; error: string; retryAfterSeconds?: number; delayMs?: number; plainText?: boolean }
  /** Never answers: the client must time out or cancel. */
  | { hang: true }
  /** Cuts the connection without a reply. */
  | { drop: true };

export type Script = (request: ModelRequest) => Reply | Promise<Reply>;

export function userMessage(request: ModelRequest): string {
  return [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** Splits a reply into a few stream pieces (at least two when possible), so streaming is exercised. */
export function pieces(content: string): string[] {
  if (content.length < 2) return [content];
  const size = Math.max(1, Math.ceil(content.length / 3));
  const out: string[] = [];
  for (let i = 0; i < content.length; i += size) out.push(content.slice(i, i + size));
  return out;
}

export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
