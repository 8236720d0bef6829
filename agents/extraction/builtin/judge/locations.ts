/**
 * Where a card says its own data lives: `path s3://…/voice/ivr-utt/v1/` in the card of
 * voice-ivr-utterances-v1, `| Pfad | s3://…/loyalty-faq/de/v1/ |`. A storage URI is a source only where
 * data is said to come from it ("pulled from s3://…", "| Upstream | s3://… |", "exports under s3://…").
 */
import { nameKey } from '../../../../shared/domain/names.js';
import { STORAGE_URI } from '../candidates/mention.js';

/** "path", "| Pfad |", "· location:" right before a URI: a field of the card saying where it is kept. */
const LOCATION_LABEL = /(?:^|[·|;•,(]|\s-)\s*(?:path|pfad|ruta|chemin|percorso|location|storage|bucket|uri|s3|gcs)\s*[:=|]?\s*[`'"]?$|\b(?:restricted|private|secure|locked|quarantine|output|staging)\s+bucket\W{0,4}\s*\(?\s*[`'"]?$/i;
/** "exports under", "archived at", "the quarantine prefix", "pulled from": the URI is the place of data named before it. */
const PLACE_OF_DATA_BEFORE = /\b(?:at|under|in|on|from|of|into|to|prefix|bucket|store|archive|mirror|dump|exports?|snapshot|upstream|sources?|inputs?)\s*[:=|]?\s*[`'"]?$/i;

/**
 * Whether a storage URI, given the text before it in its unit, is where the card's own dataset is
 * kept: labelled as its path, or with a path that spells the dataset's own name (`cot/gsm8k-travel/v1/`
 * in gsm8k-travel-rewrite-v1) and no word before it that makes it the place of other data.
 */
export function isKeptAt(uri: string, before: string, selfKeys: ReadonlySet<string>, after = ''): boolean {
  if (LOCATION_LABEL.test(before)) return true;
  // "37k rationales · `gs://…/cot/transfer/` · REG-2290": a field of the card's facts line.
  if (/·\s*[`'"]?$/.test(before) && /^[`'"]?\s*(?:·|$)/.test(after)) return true;
  return !PLACE_OF_DATA_BEFORE.test(before) && spellsOwnName(uri, selfKeys);
}

/** Every word of the URI's path below the bucket (and below a top-level area folder, when there are three folders or more) is part of a name the card gives itself. */
function spellsOwnName(uri: string, selfKeys: ReadonlySet<string>): boolean {
  if (!STORAGE_URI.test(uri)) return false;
  const folders = uri.replace(STORAGE_URI, '').split('/').slice(1).filter(Boolean);
  const named = folders.length >= 3 ? folders.slice(1) : folders;
  const words = named.flatMap((folder) => folder.split(/[._-]+/)).map(nameKey).filter(Boolean);
  if (words.length === 0 || !words.some((w) => /[a-z]{3}/.test(w))) return false;
  return [...selfKeys].some((self) => words.every((w) => self.includes(w)));
}
