// Types of chromium.js, for the tests.
export declare function chromiumCandidates(env?: NodeJS.ProcessEnv): string[];
export declare function findChromium(env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean): string | undefined;
export declare const INSTALL_COMMAND: string;
export type ChromiumPlan =
  | { action: 'none'; path: string }
  | { action: 'install'; commands: string[][] }
  | { action: 'stop'; message: string };
export declare function chromiumPlan(facts: { found: string | undefined; platform: string; hasAptGet: boolean; isRoot: boolean; sudoWithoutPassword: boolean }): ChromiumPlan;
