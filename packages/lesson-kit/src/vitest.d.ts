import type { UserConfigFnObject } from 'vitest/config';
import type { Plugin } from 'vite';
export declare function implResolver(root: string, mode: string): Plugin;
export declare function lessonConfig(root: string, mode: string): import('vitest/config').ViteUserConfig;
declare const config: UserConfigFnObject;
export default config;
