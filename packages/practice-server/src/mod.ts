export * from './practice-server.ts';
export * from './page-graph.ts';
export * from './seeded-random.ts';
