// The browser globals used inside page.evaluate callbacks. Deliberately loose: that code
// runs in Chromium, not here. The full DOM lib is not used because the site's program also
// type-checks the builder and the toolkit for Node, where DOM and Node types disagree
// (e.g. DOMException's options argument).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): { backgroundColor: string; fontSize: string; overflowX: string };
type HTMLAnchorElement = any;
type HTMLInputElement = any;
type Document = any;
