import type { UserConfigFnObject } from 'vitest/config';
import type { Plugin } from 'vite';
export declare function implResolver(root: string, mode: string): Plugin;
declare const config: UserConfigFnObject;
export default config;
