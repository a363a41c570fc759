import { Counter, Registry } from 'prom-client';
import { keptChildren } from '../../../src/adapters/metrics/kept-children';

describe('kept label children', () => {
  it('makes one child per label set and hands the same one back', () => {
    const made: string[][] = [];
    const child = keptChildren((...values) => {
      made.push(values);
      return { values };
    });
    const first = child('crm', 'cache');
    expect(child('crm', 'cache')).toBe(first);
    expect(child('crm', 'ok')).not.toBe(first);
    expect(made).toEqual([
      ['crm', 'cache'],
      ['crm', 'ok'],
    ]);
  });

  it('keeps label sets apart even when their values joined would read the same', () => {
    const child = keptChildren((...values) => ({ values }));
    expect(child('a b', 'c')).not.toBe(child('a', 'b c'));
  });

  it('counts into the same series as prom-client labels() does', async () => {
    const registry = new Registry();
    const counter = new Counter({
      name: 'kept_total',
      help: 'test',
      labelNames: ['source', 'status'],
      registers: [registry],
    });
    const child = keptChildren((source, status) => counter.labels(source, status));
    child('crm', 'cache').inc();
    child('crm', 'cache').inc();
    counter.labels({ source: 'crm', status: 'cache' }).inc();
    const values = (await counter.get()).values;
    expect(values).toEqual([{ labels: { source: 'crm', status: 'cache' }, value: 3 }]);
  });
});
