import { seededRandom } from './seeded-random.ts';

/**
 * A site to crawl: each page's name and the names of the pages it links to. A link to a
 * name that is not a key is a dead link (the server answers 404). Pages are served at
 * `/pages/<name>`.
 */
export type PageGraph = Readonly<Record<string, readonly string[]>>;

/** Options of {@link generatePageGraph}. */
export interface GeneratePageGraphOptions {
  /** How many pages, named `p0` … `p<n-1>`; `p0` is the start page. */
  readonly pages: number;
  /** Links on each page (to random pages, so there are cycles). Default 3. */
  readonly linksPerPage?: number;
  /** How many extra links point at pages that do not exist (`dead0`, …). Default 0. */
  readonly deadLinks?: number;
  /** Seed of the random choices. Default 1. */
  readonly seed?: number;
}

/**
 * Makes a page graph where every page is reachable from `p0`, with cycles and, on request,
 * dead links. The same options give the same graph.
 *
 * @example
 * ```ts
 * import { generatePageGraph } from '@interleave/practice-server';
 *
 * const graph = generatePageGraph({ pages: 50, deadLinks: 2, seed: 7 });
 * console.log(Object.keys(graph).length); // 50
 * ```
 */
export function generatePageGraph(options: GeneratePageGraphOptions): PageGraph {
  const { pages, linksPerPage = 3, deadLinks = 0, seed = 1 } = options;
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`generatePageGraph: pages must be an integer >= 1, got ${pages}`);
  if (!Number.isInteger(linksPerPage) || linksPerPage < 0) {
    throw new RangeError(`generatePageGraph: linksPerPage must be an integer >= 0, got ${linksPerPage}`);
  }
  if (!Number.isInteger(deadLinks) || deadLinks < 0) throw new RangeError(`generatePageGraph: deadLinks must be an integer >= 0, got ${deadLinks}`);
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const links: string[][] = Array.from({ length: pages }, () => []);
  // A spanning tree first, so every page is reachable from p0 …
  for (let i = 1; i < pages; i++) links[pick(i)]!.push(`p${i}`);
  // … then random links on top, which make cycles (including back to p0).
  for (let i = 0; i < pages; i++) {
    while (links[i]!.length < linksPerPage) links[i]!.push(`p${pick(pages)}`);
  }
  for (let d = 0; d < deadLinks; d++) links[pick(pages)]!.push(`dead${d}`);
  return Object.fromEntries(links.map((to, i) => [`p${i}`, to]));
}
