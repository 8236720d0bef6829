/** `rootline models`: which model providers are reachable, and which models they have. */
import type { Command } from 'commander';
import { PROVIDERS } from '../../agents/providers/registry.js';
import { createOutput } from '../output.js';
import { jsonOption } from './common.js';
import { modelOptions, modelSettings, networkPolicy, safeUrl, type ModelCliOptions } from './model-options.js';

export function registerModels(program: Command): void {
  const command = program.command('models').description('list the model providers, whether they answer, and their models (offline: only servers on this machine are asked)');
  modelOptions(command);
  jsonOption(command).action(async (options: ModelCliOptions & { json?: boolean }) => {
    const out = createOutput(Boolean(options.json));
    const settings = modelSettings(options);
    const network = networkPolicy(options);
    const statuses = await Promise.all(PROVIDERS.map((provider) => provider.status(settings, network)));
    if (out.json) return out.value(statuses.map((s) => ({ ...s, endpoint: safeUrl(s.endpoint) })));
    for (const [index, status] of statuses.entries()) {
      out.line(`${status.provider.padEnd(8)} ${status.state.padEnd(15)} ${safeUrl(status.endpoint) ?? ''}`.trimEnd());
      out.line(`         ${PROVIDERS[index]!.description}`);
      out.line(`         ${status.models.length ? status.models.map((m) => `${status.provider}:${m}`).join(', ') : status.message}`);
    }
  });
}
