/** Hugging Face Hub URLs and the dataset ids inside them. */
import { trimEndOf } from '../text/trim.js';

export const HUB_DATASET_URL = /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/datasets\/([A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)?)/g;

/** The dataset id in a hub URL (`…/datasets/openai/gsm8k/viewer` → `openai/gsm8k`), or undefined. */
export function hubIdFromUrl(url: string): string | undefined {
  const m = new RegExp(HUB_DATASET_URL.source).exec(url);
  return m ? cleanHubId(m[1] ?? '') : undefined;
}

export function cleanHubId(raw: string): string | undefined {
  const id = trimEndOf(raw, '.,;:');
  if (/^(?:viewer|tree|blob|resolve|discussions)$/i.test(id.split('/')[1] ?? '')) return id.split('/')[0];
  return id || undefined;
}
