/** How dataset names are compared and turned into ids. */

/** The comparison key of a name: case, spaces, hyphens, underscores and punctuation do not count. */
export function nameKey(name: string): string {
  // Plain ASCII, the common case, needs no normalization and no Unicode classes.
  let key = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128) return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) key += name[i];
    else if (c >= 65 && c <= 90) key += String.fromCharCode(c + 32);
  }
  return key;
}

const HUB_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** True for a Hugging Face style `org/name` id. */
export function isHubId(value: string): boolean {
  return HUB_ID.test(value) && !value.includes('..');
}

/** A stable id for a dataset known only by a written name: a lowercase slug. */
export function slugId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'unnamed';
}

/** The id a written name gets when no registry knows it: hub ids stay as written, other names become slugs. */
export function idForName(name: string): string {
  const trimmed = name.trim();
  return isHubId(trimmed) ? trimmed : slugId(trimmed);
}

/** The short name of a hub id (`openai/gsm8k` → `gsm8k`), or the value itself. */
export function shortName(id: string): string {
  const slash = id.lastIndexOf('/');
  return slash >= 0 ? id.slice(slash + 1) : id;
}
