/**
 * Names the paper's rules say are never sources: models, organizations, generic words, languages,
 * document furniture (tables, figures). Each check returns the reason, for the extractor's dropped list.
 */

/** Model families; a name from one of these with no dataset word after it is a model, not data. */
const MODEL_FAMILY =
  /^(?:[\w.-]+\/)?(?:gpt-?\d(?:\.\d)?(?:-?(?:turbo|o|mini|nano|4o|32k|v|vision|preview|\d{4}(?:-\d\d){0,2}))*|gpt-?4o(?:-mini)?|chat-?gpt|text-davinci-\d+|davinci|claude(?:[- ][\w.]+)*|llama[- ]?\d*(?:\.\d)?|code-?llama|llava(?:-v?[\d.]+)?|mistral(?:-[\w.]+)*|mixtral(?:-[\w.]+)*|qwen[\d.]*(?:-vl)?|qwq|gemini(?:[- ][\w.]+)*|gemma[\d.]*|palm[- ]?\d?|bard|falcon|vicuna|deepseek(?:-(?:r1|v\d(?:\.\d)?|coder(?:-v2)?|math|prover))?|phi-?\d(?:\.\d)?(?:-(?:mini|small|medium|large|vision))?|ul2|t5|flan-t5|mt5|bert|roberta|deberta|electra|o1(?:-mini|-preview)?|o3(?:-mini)?|o4-mini|starcoder\d*|santacoder|wizard(?:lm|coder|math)|yi|internlm\d*|internvl[\d.]*|baichuan\d*|chatglm\d*|glm-?\d|bloomz?|opt|pythia|mpt|olmo|orca(?:-\d)?|koala|dolly-v2|guanaco-\d+b|zephyr|openchat|nous-hermes|hermes-?\d|grok-?\d?|command-r\+?|kimi(?:-k\d)?|minimax|clip|blip-?\d?|sam|e5|bge|gte|minilm|all-minilm-l\d+|mpnet|all-mpnet-base|contriever|colbert(?:v2)?|splade|labse|sbert|simcse|[a-z]{2}_core_(?:web|news|sci)_(?:sm|md|lg|trf)|bm25|tf-?idf|opus-mt(?:-[\w-]+)?|marian(?:mt)?|nllb(?:-[\w.-]+)?|m2m-?100|seamless(?:m4t)?)$/i;

/** A part of an internal name that says it is a model: "wren-assistant-v3", "acme-llm-13b", "quill-coder-7b". */
const MODEL_WORD = /(?:^|[-_.])(?:assistant|assist|llm|lm|model|bot|chatbot|agent|copilot|coder|reranker|rerank|embedder|embed|encoder|biencoder|bi-encoder|crossencoder|lambdamart|ranker|retriever|classifier|clf|tagger|checker|linter|scanner|whisper|bart|mnli|t5|bert|judge|grader|scorer|critic|rm)(?:$|[-_.\d])/i;
/** A part that says it is data: "assistant-chats", "bot-logs", "llm-prefs". */
const DATA_WORD =
  /(?:^|[-_.])(?:data|dataset|set|sets|sft|mix|mixture|corpus|dialogs?|dialogues?|chats?|conversations?|logs?|pairs|qa|prompts?|prefs?|preferences|dpo|rlhf|eval|evals|bench|benchmark|instruct|instructions|notes|tickets|transcripts|samples|train|batch\w*|traces|responses|feedback|convos|threads|queries|questions|answers|summaries|tasks)(?:$|[-_.\d])/i;

/** Parameter counts and chat/base suffixes: "-7B", "13b", "1.5B-Instruct", "-chat-hf". */
const MODEL_SHAPE = /(?:^|[-_ /])(?:\d+x)?\d+(?:\.\d+)?[b](?:$|[-_ ])|(?:^|[-_])(?:base|hf|gguf|awq|gptq|it|sft-model)$/i;

const ORGANIZATIONS = new Set(
  [
    'openai', 'anthropic', 'google', 'google research', 'google deepmind', 'deepmind', 'meta', 'meta ai', 'facebook', 'microsoft',
    'microsoft research', 'hugging face', 'huggingface', 'stanford', 'stanford university', 'allen ai', 'allenai', 'ai2',
    'allen institute for ai', 'nvidia', 'alibaba', 'qwen team', 'tsinghua', 'tsinghua university', 'berkeley', 'uc berkeley',
    'cmu', 'carnegie mellon', 'mit', 'eleutherai', 'together', 'together ai', 'mosaicml', 'databricks', 'lmsys', 'bigscience',
    'bigcode', 'nous research', 'teknium', 'mistral ai', 'cohere', 'ibm', 'amazon', 'aws', 'apple', 'baidu', 'tencent',
    'bytedance', 'deepseek-ai', 'deepseek ai', 'shanghai ai lab', 'github', 'kaggle', 'reddit', 'wikimedia', 'arxiv', 'openreview',
    'acl', 'neurips', 'iclr', 'emnlp', 'icml', 'scale ai', 'surge ai', 'upwork', 'amazon mechanical turk', 'mturk',
    'huggingfaceh4', 'openbmb', 'tatsu lab', 'open orca', 'argilla', 'cognitivecomputations', 'lionbridge', 'appen', 'telus international',
  ].map(key),
);

/** Words and phrases that name data in general, or the document's own furniture. */
const GENERIC = new Set(
  [
    'api', 'apis', 'sdk', 'ui', 'ux', 'crm', 'erp', 'pii', 'phi', 'faq', 'faqs', 'etl', 'ocr engine',
    'data', 'dataset', 'datasets', 'training data', 'training set', 'train set', 'test set', 'dev set', 'validation set',
    'synthetic data', 'the dataset', 'this dataset', 'our dataset', 'our data', 'the data', 'this data', 'instruction data',
    'instruction dataset', 'instruction datasets', 'sft data', 'sft', 'rlhf', 'dpo', 'ppo', 'preference data', 'source data', 'raw data', 'public datasets',
    'open source datasets', 'open-source datasets', 'web data', 'human data', 'seed data', 'seed tasks', 'benchmark', 'benchmarks',
    'corpus', 'corpora', 'collection', 'subset', 'subsets', 'split', 'splits', 'train', 'test', 'validation', 'dev', 'english',
    'chinese', 'french', 'german', 'spanish', 'japanese', 'korean', 'multilingual', 'question', 'questions', 'answer', 'answers',
    'instruction', 'instructions', 'input', 'output', 'response', 'responses', 'prompt', 'prompts', 'text', 'license', 'mit license',
    'apache', 'apache 2.0', 'cc by 4.0', 'cc-by-4.0', 'cc by-nc 4.0', 'json', 'jsonl', 'csv', 'parquet', 'python', 'markdown',
    'we', 'our', 'the', 'this', 'these', 'those', 'it', 'they', 'in', 'from', 'and', 'or', 'with', 'for', 'each', 'all', 'other', 'others',
    'other datasets', 'various sources', 'multiple sources', 'several sources', 'existing datasets', 'public data', 'human annotators',
    'annotators', 'crowdworkers', 'experts', 'internet', 'the internet', 'web', 'the web', 'websites', 'huggingface hub', 'hub',
    'java', 'javascript', 'typescript', 'c', 'c++', 'c#', 'rust', 'go', 'golang', 'ruby', 'php', 'sql', 'bash', 'shell', 'html', 'css',
    'pdf', 'pdfs', 'images', 'image', 'videos', 'charts', 'documents', 'cot', 'sft', 'rl', 'rlhf data', 'human', 'humans', 'synthetic', 'unvalidated', 'validated', 'k 12', 'k12', 'gpt 4', 'gpt 3 5',
    'latex', 'kotlin', 'swift', 'scala', 'haskell', 'lua', 'perl', 'r', 'matlab', 'julia', 'gpt', 'gpt4', 'llm', 'llms', 'ai', 'nlp',
  ].map(key),
);

/** "Table 3", "Fig. 2b", "Appendix C", "Stage II": the word in any case, then a number, a capital or a numeral ("FigureQA", "APPS" and "VisualMRC" are names). */
const FURNITURE = /^(?:[Tt]able|TABLE|[Tt]ab|[Ff]igure|FIGURE|[Ff]ig|[Ss]ection|[Ss]ec|[Aa]ppendix|APPENDIX|[Aa]pp|[Ee]quation|[Ee]q|[Aa]lgorithm|[Aa]lg|[Ll]isting|[Ss]tep|[Ss]tage|[Pp]hase|[Rr]ound|[Vv]ersion|[Vv]|[Rr]|RC|rc)\.?\s*(?:\d+(?:\.\d+)*[a-z]?|[A-Z]|[IVX]+)?$|^(?:[Rr]eadme|README|[Cc]ard|CARD|[Dd]atacard|dataset_card|[Cc]hangelog|CHANGELOG|[Ll]icen[cs]e|LICEN[CS]E)$/;

const LANGUAGE_OR_TASK = /^(?:[a-z]{2}(?:-[a-z]{2})?|code|math|mathematics|science|reasoning|coding|chat|dialogue|qa|vqa|ocr|nli)$/i;

function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Words that describe data in general; a name made only of them names no particular dataset. */
const GENERIC_WORDS = new Set(
  ('data dataset datasets corpus instruction instructions following chinese english multilingual math mathematical code visual ' +
    'question questions answering answer answers image images text caption captions captioning pairs multi modal multimodal general ' +
    'domain domains task tasks reasoning chat dialogue dialog conversation conversations synthetic human annotated annotations ' +
    'training train test evaluation benchmark benchmarks public open source web scientific science document documents recognition ' +
    'detection classification summarization translation generation comprehension reading language natural inference qa vqa ocr ' +
    'the a of and for with in on sft rlhf preference preferences feedback high quality large scale new original raw urls url ' +
    'coreference resolution sentence completion paraphrase identification topic word sense disambiguation program synthesis ' +
    'commonsense closed close book extractive abstractive multiple choice sentiment simplification structure miscellaneous ' +
    'retrieval entailment similarity analysis extraction named entity parsing tagging labeling grounding open-domain domain-specific').split(' '),
);

const ORGANIZATION_SHAPE = /\b(?:university|universit[àä]t|institute|college|laboratory|lab|labs|inc|corp|corporation|foundation|school|academy|center|centre|ltd|gmbh)\.?$/i;

/** "2GB", "280 GB", "1.4TB": a size, not a name. */
const BYTE_SIZE = /^\d+(?:[.,]\d+)?\s?(?:[KMGTP]i?B|bytes?)$/i;
/** A month on its own ("news from May 2022"). */
const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;
/** Licence names: "CC-BY-SA", "CC BY-NC-ND 4.0", "GPL-3.0", "ODC-By", "OpenRAIL-M". */
const LICENCE =
  /^(?:cc[- ]?(?:by|0|zero)(?:[- ](?:sa|nc|nd))*(?:[- ]v?\d\.\d)?|cc0|(?:a|l)?gpl(?:[- ]?v?\d(?:\.\d)?)?(?:[- ]only|[- ]or[- ]later)?|apache(?:[- ]2(?:\.0)?)?|bsd(?:[- ]\d[- ]clause)?|odc[- ]?by|odbl|cdla(?:[- ]\w+){0,2}|openrail(?:[- ]\w+)?|mit(?:[- ]licen[cs]e)?)$/i;

export type NotSourceReason = 'model' | 'organization' | 'generic' | 'document furniture' | 'too short' | 'not a name';

const verdicts = new Map<string, NotSourceReason | null>();

/** Why a written name cannot be a source, or undefined when it may be one (remembered: names recur across cards). */
export function whyNotASource(name: string): NotSourceReason | undefined {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    if (verdicts.size > 20_000) verdicts.clear();
    verdict = judgeName(name) ?? null;
    verdicts.set(name, verdict);
  }
  return verdict ?? undefined;
}

function judgeName(name: string): NotSourceReason | undefined {
  const trimmed = name.trim();
  const k = key(trimmed);
  if (k.length < 2) return 'too short';
  if (GENERIC.has(k)) return 'generic';
  if (ORGANIZATIONS.has(k) || ORGANIZATION_SHAPE.test(trimmed)) return 'organization';
  if (k.split(' ').every((word) => GENERIC_WORDS.has(word))) return 'generic';
  if (FURNITURE.test(trimmed)) return 'document furniture';
  if (LANGUAGE_OR_TASK.test(trimmed)) return 'generic';
  if (looksLikeModel(trimmed)) return 'model';
  if (BYTE_SIZE.test(trimmed) || MONTH.test(trimmed) || /^\d{4}[-_ ]?(?:q[1-4]|h[12])$/i.test(trimmed)) return 'not a name';
  // "License CC BY-SA 4.0", "MIT/BSD/Apache-2.0": a licence, or a list of them.
  const licence = trimmed.replace(/^licen[cs]e[:\s]+/i, '');
  if (LICENCE.test(licence) || (licence.includes('/') && licence.split('/').every((part) => LICENCE.test(part.trim())))) return 'generic';
  if (!/[\p{L}]/u.test(trimmed) || /^\d+(?:\.\d+)?\s*[kmb]?$/i.test(trimmed) || /[-\s](?:only|based|like|style|level|specific|free|aware|driven|oriented|aligned|annotated|generated|labeled|labelled|formatted)$/i.test(trimmed) || /^\d+(?:\.\d+)?[kmb]?[-\s]/i.test(trimmed)) return 'not a name';
  return undefined;
}

/** A name of a model family ("GPT-4", "Llama-2", "deepseek-ai/DeepSeek-R1"), as opposed to a size-shaped name. */
export function isModelFamilyName(name: string): boolean {
  const bare = name.trim().replace(/\s+/g, '-');
  const short = bare.includes('/') ? bare.slice(bare.lastIndexOf('/') + 1) : bare;
  if (MODEL_FAMILY.test(bare) || MODEL_FAMILY.test(short)) return true;
  // "DeBERTa-v3", "roberta-large": an encoder family's version or size.
  const encoder = short.replace(ENCODER_RELEASE_SUFFIX, '');
  if (encoder !== short && encoder.length > 0 && MODEL_FAMILY.test(encoder)) return true;
  // "Dolphin-Mixtral-8x7B": a fine-tune named after its base family, with its size.
  if (/(?:^|[-_])(?:\d+x)?\d+(?:\.\d+)?b$/i.test(short) && short.split(/[-_]/).some((part) => part.length >= 4 && /[a-z]/i.test(part) && MODEL_FAMILY.test(part))) return true;
  // "DeepSeek-Coder-V2-Instruct", "Llama-3-70B-Chat": a family's release with its size and tuning.
  const family = short.replace(MODEL_RELEASE_SUFFIX, '');
  // (A family name with no release number and "-Instruct" is an instruction set: "LLaVA-Instruct".)
  return family !== short && /\d/.test(family) && MODEL_FAMILY.test(family);
}

const ENCODER_RELEASE_SUFFIX = /(?:[-_](?:v\d+(?:\.\d+)?|large|base|small|xl|xxl|mini|tiny|uncased|cased|en|zh|multilingual|m3))+$/i;
const MODEL_RELEASE_SUFFIX = /(?:[-_](?:instruct|chat|it|base|hf|preview|\d+(?:\.\d+)?b))+$/i;

/**
 * A model by family, or by shape: "a Code LLM", or a parameter count ("-7B") without dataset words.
 * Billions also count tokens and image pairs ("LAION-5B", "SlimPajama-627B"), which is why the extractor
 * looks known datasets up before it asks this.
 */
export function looksLikeModel(name: string): boolean {
  if (isModelFamilyName(name)) return true;
  const bare = name.trim().replace(/\s+/g, '-');
  const short = bare.includes('/') ? bare.slice(bare.lastIndexOf('/') + 1) : bare;
  if (/\s(?:LLM|LM|VLM|LVLM|MLLM|LMM)s?$/.test(name.trim())) return true;
  if (MODEL_WORD.test(short) && !DATA_WORD.test(short)) return true;
  return MODEL_SHAPE.test(short) && !/(data|set|instruct\w*-\d+k|\d+k\b|corpus|bench|qa|sft-data|pairs|mix)/i.test(short);
}

/** Words after a name that make it a method, model, tool or place rather than data. */
export const NOT_DATA_AFTER =
  /^(?:['’]s\b|[\s-]+(?:head\s+units?|firmware|hardware|devices?|phase|stage|step|method|methods|model|models|grade|grades|level|levels|readability|formula|rubric|channel|handle|approach|pipeline|framework|algorithm|paper|team|project|platform|search|api|sdk|library|tool|toolkit|website|engine|data\s+catalog(?:ue)?|prompting|technique|strategy|loss|objective|series|family|score|metric|license|format|style|template|architecture|encoder|tokenizer|judge|annotators?|interface|challenges?|competitions?|companies|company|university|institute|editor|parameters|users|students|teachers|workers|researchers|authors|capabilities|capability|abilities|ability|skills?|performance|checkpoint|checkpoints|candidate|weights|vendor|labell?ing\s+team|group|department|dedup|dedupe|deduplication|hashing|clustering|split|splits)\b)/i;
