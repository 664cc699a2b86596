/** The specifier prefix tests import the answer under test by. */
export declare const IMPL_PREFIX: '#impl/';
/** What every lesson's package.json "imports" field must be, exactly. */
export declare const IMPL_IMPORTS: Readonly<{ '#impl/*': Readonly<{ solution: './solutions/*.ts'; default: './exercises/*.ts' }> }>;
/** Which implementations this run tests: INTERLEAVE_IMPL or vitest's --mode. */
export declare function implMode(env?: NodeJS.ProcessEnv, viteMode?: string): 'exercise' | 'solution';
/** INTERLEAVE_OVERRIDES parsed: exercise name -> file relative to the lesson. */
export declare function implOverrides(env?: NodeJS.ProcessEnv): Record<string, string>;
/** The absolute path of the implementation of exercise `name` that this run tests. */
export declare function implFile(lessonDir: string | URL, name: string, options?: { env?: NodeJS.ProcessEnv; mode?: string }): string;
