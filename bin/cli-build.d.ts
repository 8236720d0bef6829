// Types of cli-build.js, for the TypeScript that imports it (tests, benchmarks).
export declare const ROOT: string;
export declare const COMPILED: string;
export declare const SOURCE_FOLDERS: string[];
export declare function sourceFiles(root?: string): string[];
export declare function sourceState(files?: string[]): { files: number; newest: number };
export declare function writtenInfo(state: { files: number; newest: number }): string;
export declare function currentCompiledMain(root?: string, env?: NodeJS.ProcessEnv): string | undefined;
