/** An embedding provider: texts in, one vector per text out. A descriptor per file, one registry. */
export interface EmbeddingProvider {
  id: string;
  describe: string;
  embed(texts: string[], options?: { signal?: AbortSignal }): Promise<ArrayLike<number>[]>;
}
