/** Paper links in a dataset's documents: arXiv abstract and PDF links, Hugging Face paper pages, "arXiv:" ids. */

const ARXIV_ID = String.raw`(\d{4}\.\d{4,5})(?:v\d+)?`;
const ARXIV_LINKS = new RegExp(
  String.raw`(?:arxiv\.org\/(?:abs|pdf|html)\/|(?:huggingface\.co|hf\.co)\/papers\/|\barxiv:\s*)${ARXIV_ID}`,
  'gi',
);

/** arXiv ids in the order they first appear. */
export function arxivIdsIn(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(ARXIV_LINKS)) {
    const id = match[1]!;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
