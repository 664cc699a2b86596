import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { checkTrace } from './trace.ts';
import { renderAscii } from './render-ascii.ts';
import { renderSvg } from './render-svg.ts';
import { Tracer } from './tracer.ts';
import type { Trace } from './trace.ts';
import { VirtualClock } from './virtual-clock.ts';

/** Two workers share one lock on a virtual clock; returns the recorded trace. */
async function lockScenario(): Promise<Trace> {
  const clock = new VirtualClock();
  const tracer = new Tracer({ clock: clock.now, unit: 'tick', title: 'Two workers, one lock' });
  let held: Promise<void> = Promise.resolve();
  const worker = async (name: string, work: number) => {
    const waited = tracer.begin(name, 'wait for lock', 'waiting');
    const previous = held;
    let release!: () => void;
    held = new Promise((r) => (release = r));
    await previous;
    waited();
    await tracer.span(name, 'critical section', () => clock.sleep(work));
    release();
  };
  const done = Promise.all([worker('worker 1', 4), worker('worker 2', 3)]);
  await clock.runAll();
  await done;
  return tracer.toJSON();
}

describe('Tracer', () => {
  it('records begin/end spans relative to the clock reading at construction', () => {
    let now = 100;
    const tracer = new Tracer({ clock: () => now, unit: 'tick' });
    now = 102;
    const end = tracer.begin('main', 'work', 'running');
    now = 105;
    end();
    end(); // a second call does nothing
    expect(tracer.toJSON().spans).toEqual([{ lane: 'main', label: 'work', start: 2, end: 5, state: 'running' }]);
  });

  it('span() ends a synchronous span when fn returns or throws', () => {
    let now = 0;
    const tracer = new Tracer({ clock: () => now, unit: 'tick' });
    expect(tracer.span('a', 'ok', () => ((now = 2), 'value'))).toBe('value');
    expect(() => tracer.span('a', 'fails', () => {
      now = 5;
      throw new Error('x');
    })).toThrow('x');
    expect(tracer.toJSON().spans.map((s) => [s.label, s.start, s.end])).toEqual([['ok', 0, 2], ['fails', 2, 5]]);
  });

  it('span() ends an async span when its promise settles, either way', async () => {
    const clock = new VirtualClock();
    const tracer = new Tracer({ clock: clock.now, unit: 'tick' });
    const ok = tracer.span('a', 'sleep', () => clock.sleep(3), { state: 'waiting' });
    const bad = tracer.span('b', 'fail', async () => {
      await clock.sleep(5);
      throw new Error('late');
    });
    const caught = expect(bad).rejects.toThrow('late');
    await clock.runAll();
    await ok;
    await caught;
    expect(tracer.toJSON().spans).toEqual([
      { lane: 'a', label: 'sleep', start: 0, end: 3, state: 'waiting' },
      { lane: 'b', label: 'fail', start: 0, end: 5, state: 'running' },
    ]);
  });

  it('toJSON() includes open spans as ending now, and takes title/description overrides', () => {
    let now = 0;
    const tracer = new Tracer({ clock: () => now, unit: 'tick', title: 'T' });
    tracer.begin('main', 'stuck', 'waiting');
    now = 7;
    const json = tracer.toJSON({ title: 'Deadlock', description: 'It never ends.' });
    expect(json).toEqual({
      title: 'Deadlock',
      description: 'It never ends.',
      unit: 'tick',
      spans: [{ lane: 'main', label: 'stuck', start: 0, end: 7, state: 'waiting' }],
    });
    expect(JSON.parse(JSON.stringify(tracer)).title).toBe('T');
    expect(tracer.toJSON().description).toBe('1 span on 1 lane (main) over 7 ticks.');
  });

  it('rounds millisecond times to microseconds', () => {
    let now = 0;
    const tracer = new Tracer({ clock: () => now });
    const end = tracer.begin('m', 'x');
    now = 1.23456789;
    end();
    expect(tracer.toJSON().spans[0]?.end).toBe(1.235);
  });

  it('checks its inputs and names the parameter', () => {
    expect(() => new Tracer({ clock: 5 as unknown as () => number })).toThrow(/options\.clock must be a function/);
    expect(() => new Tracer({ unit: 's' as 'ms' })).toThrow(/options\.unit must be "ms" or "tick", got "s"/);
    const tracer = new Tracer();
    expect(() => tracer.begin('', 'x')).toThrow(/lane must be a non-empty string, got ""/);
    expect(() => tracer.begin('a', 'x', 'sleeping' as 'running')).toThrow(/state must be "running" or "waiting", got "sleeping"/);
    expect(() => tracer.record({ lane: 'a', label: 'b', start: 5, end: 1, state: 'running' })).toThrow(RangeError);
    expect(() => new Tracer({ clock: () => Number.NaN })).toThrow(/clock returned NaN/);
  });
});

describe('checkTrace()', () => {
  it('names the first bad field', () => {
    expect(() => checkTrace({ title: 't', description: 'd', unit: 'ms', spans: [{ lane: 'a', label: 'b', start: 2, end: 1, state: 'running' }] }, 'x.json')).toThrow(
      'x.json: spans[0].end must be a finite number ≥ start (2), got 1',
    );
    expect(() => checkTrace({ title: 't', description: 'd', unit: 'sec', spans: [] })).toThrow(/unit must be "ms" or "tick", got "sec"/);
  });
});

describe('renderAscii()', () => {
  it('draws lanes, bars, labels that fit, an axis and a legend (snapshot)', async () => {
    expect(renderAscii(await lockScenario(), { width: 40 })).toMatchInlineSnapshot(`
      "Two workers, one lock
      worker 1 │███critical section████                 │
                ↑ wait for lock
      worker 2 │░░░░░wait for lock░░░░█critical section█│
               └────────────────────────────────────────┘
                0                                7 ticks
                █ running  ░ waiting
      "
    `);
  });

  it('has a pure ASCII mode', async () => {
    const text = renderAscii(await lockScenario(), { width: 20, ascii: true });
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(text).toContain('#');
    expect(text).toContain('.');
  });

  it('is byte-for-byte repeatable from a virtual clock', async () => {
    expect(renderAscii(await lockScenario())).toBe(renderAscii(await lockScenario()));
  });

  it('lets running win where spans of one lane overlap, and rejects a bad width', () => {
    const trace: Trace = {
      title: 't', description: 'd', unit: 'tick',
      spans: [
        { lane: 'a', label: 'w', start: 0, end: 10, state: 'waiting' },
        { lane: 'a', label: 'r', start: 0, end: 10, state: 'running' },
      ],
    };
    expect(renderAscii(trace, { width: 10 }).split('\n')[1]).toBe('a    │████r█████│');
    expect(() => renderAscii(trace, { width: 3 })).toThrow(/options\.width must be an integer ≥ 10, got 3/);
  });
});

describe('renderSvg()', () => {
  it('is accessible: role img, title and desc referenced by aria, and a table of every span', async () => {
    const trace = await lockScenario();
    const html = renderSvg(trace, { id: 'lock' });
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="lock-title"');
    expect(html).toContain('aria-describedby="lock-desc"');
    expect(html).toContain('<title id="lock-title">Two workers, one lock</title>');
    expect(html).toMatch(/<desc id="lock-desc">[^<]+<\/desc>/);
    expect(html.match(/<tbody>(.*)<\/tbody>/)?.[1]?.match(/<tr>/g)).toHaveLength(trace.spans.length);
    expect(html).toContain('<td>worker 2</td><td>critical section</td><td>running</td><td>4</td><td>7</td>');
  });

  it('takes its colours from CSS (currentColor and variables), never hard-coded black text', async () => {
    const html = renderSvg(await lockScenario());
    expect(html).toContain('text{fill:currentColor}');
    expect(html).toContain('var(--trace-running');
    expect(html).not.toMatch(/fill="(#000|black)/);
    expect(html).not.toMatch(/<text[^>]*fill=/);
  });

  it('escapes markup in titles, lanes and labels', () => {
    const html = renderSvg({ title: '<b>&', description: '"q"', unit: 'ms', spans: [{ lane: 'a<', label: "it's", start: 0, end: 1, state: 'running' }] });
    expect(html).toContain('<title id="trace-');
    expect(html).toContain('&lt;b&gt;&amp;');
    expect(html).toContain('a&lt;');
    expect(html).not.toContain('<b>');
  });

  it('is byte-for-byte repeatable, with an id derived from the content', async () => {
    const a = renderSvg(await lockScenario());
    expect(renderSvg(await lockScenario())).toBe(a);
    expect(a).toMatchSnapshot();
    const other = renderSvg({ ...(await lockScenario()), title: 'Other' });
    expect(other.match(/id="(trace-[a-z0-9]+)"/)?.[1]).not.toBe(a.match(/id="(trace-[a-z0-9]+)"/)?.[1]);
  });

  it('rejects a bad width or id, naming the option', () => {
    const t: Trace = { title: 't', description: 'd', unit: 'ms', spans: [] };
    expect(() => renderSvg(t, { width: 10 })).toThrow(/options\.width must be a number ≥ 200, got 10/);
    expect(() => renderSvg(t, { id: '1 x' })).toThrow(/options\.id must start with a letter/);
  });
});

describe('no label is dropped (issue 11, item 15)', () => {
  const lessonsDir = new URL('../../../../lessons/', import.meta.url);
  const lostUpdate = checkTrace(JSON.parse(readFileSync(new URL('03-threads/traces/lost-update.json', lessonsDir), 'utf8')), 'lost-update.json');

  it('lesson 03: Thread B\'s last bar, "store 42 (A’s +1 lost)", is in the terminal timeline, under its bar with an arrow', () => {
    for (const options of [{}, { width: 30, ascii: true }]) {
      const text = renderAscii(lostUpdate, options);
      expect(text).toContain('store 42 (A’s +1 lost)');
    }
    const lines = renderAscii(lostUpdate).split('\n');
    const laneB = lines.findIndex((l) => l.startsWith('thread B'));
    // The next line points up at the bar: the arrow sits in a column of B's last bar.
    const under = lines[laneB + 1]!;
    expect(under).toMatch(/store 42 \(A’s \+1 lost\) ↑$/);
    expect(lines[laneB]![under.length - 1]).toBe('█');
  });

  it('lesson 03: the SVG marks the bar with a number and puts the label in a legend', () => {
    const svg = renderSvg(lostUpdate);
    expect(svg).toMatch(/<text class="marker" [^>]*>1<\/text>/);
    expect(svg).toContain('<tspan class="marker">1</tspan>  thread B: store 42 (A’s +1 lost)</text>');
  });

  it('every label of every recorded lesson trace appears in both renderings, at any width', () => {
    const dirs = readdirSync(lessonsDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    let checked = 0;
    for (const dir of dirs) {
      const traces = new URL(`${dir.name}/traces/`, lessonsDir);
      if (!existsSync(traces)) continue;
      for (const file of readdirSync(traces).filter((f) => f.endsWith('.json'))) {
        const json = JSON.parse(readFileSync(new URL(file, traces), 'utf8')) as { spans?: unknown };
        if (!Array.isArray(json.spans)) continue; // another kind of recording (e.g. event-loop steps)
        const trace = checkTrace(json, file);
        for (const width of [10, 60]) {
          const text = renderAscii(trace, { width });
          for (const span of trace.spans) expect(text, `${file} at width ${width}`).toContain(span.label);
        }
        for (const width of [200, 720]) {
          const svg = renderSvg(trace, { width });
          for (const span of trace.spans) expect(svg.split('</svg>')[0], `${file} at width ${width}`).toContain(escapeForTest(span.label));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the SVG carries its intrinsic width and height (so a page can scroll it rather than shrink it), widened for a long legend', () => {
    const svg = renderSvg(lostUpdate, { width: 200 });
    const [, w, h] = /<svg [^>]*width="(\d+(?:\.\d+)?)" height="(\d+)"/.exec(svg)!;
    expect(Number(w)).toBeGreaterThanOrEqual(200);
    expect(Number(h)).toBeGreaterThan(0);
    expect(svg).toContain(`viewBox="0 0 ${w} ${h}"`);
  });
});

function escapeForTest(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
