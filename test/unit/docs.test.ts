import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';
import { SIGNAL_NAMES } from '../../src/domain/signals/signal-catalog';
import { RULE_EVENT_TYPES } from '../../src/domain/rule-event';
import { BASE_OPERATORS, OPERATOR_DECORATORS } from '../../src/engine/operators';
import { compileRuleSet } from '../../src/engine/compile-rule-set';
import { builtInFacts } from '../../src/engine/known-facts';
import { PROJECT_ROOT, loadDefaultRuleFiles } from '../helpers/build-test-app';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A markdown table row starting with these cells, however the formatter pads them. */
const tableRow = (...cells: string[]) =>
  new RegExp(`^\\|\\s*${cells.map(escape).join('\\s*\\|\\s*')}\\s*\\|`, 'm');

describe('the documentation keeps up with the code', () => {
  const guide = read('docs/rules.md');
  const readme = read('README.md');

  it('the rule guide documents every default rule', () => {
    const result = compileRuleSet(loadDefaultRuleFiles(), builtInFacts());
    if (!result.ok) throw new Error('default rules are invalid');
    for (const rule of result.ruleSet.rules) {
      expect(guide).toMatch(tableRow(`\`${rule.name}\``, rule.file, String(rule.priority)));
      expect(rule.description).toEqual(expect.any(String));
    }
  });

  it('the rule guide documents every signal, operator, decorator and event type', () => {
    for (const name of [...SIGNAL_NAMES, ...BASE_OPERATORS, ...RULE_EVENT_TYPES]) {
      expect(guide).toContain(`\`${name}\``);
    }
    for (const decorator of OPERATOR_DECORATORS) expect(guide).toContain(`\`${decorator}:\``);
  });

  it('the README lists every environment variable', () => {
    for (const name of CONFIG_VARIABLES) expect(readme).toMatch(tableRow(`\`${name}\``));
  });
});
