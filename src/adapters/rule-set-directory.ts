import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSetFiles } from '../engine/compile-rule-set';
import {
  CONDITIONS_FILE,
  POLICY_FILE,
  RULE_FILE_SUFFIX,
  TESTS_DIR,
} from '../engine/rule-file-schema';
import { SOURCES_FILE } from '../engine/source-file-schema';

const isRuleSetFile = (name: string): boolean =>
  name.endsWith(RULE_FILE_SUFFIX) ||
  name === POLICY_FILE ||
  name === CONDITIONS_FILE ||
  name === SOURCES_FILE;

/**
 * Reads the files that make up a rule set: the rule, policy, conditions and sources files at the
 * top of the directory, and its rule tests as `tests/<name>.json`.
 */
export function readRuleSetFiles(dir: string): RuleSetFiles {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && isRuleSetFile(entry.name)) {
      files.set(entry.name, readFileSync(join(dir, entry.name), 'utf8'));
    }
  }
  const testsDir = join(dir, TESTS_DIR);
  if (existsSync(testsDir)) {
    for (const entry of readdirSync(testsDir, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.json')) {
        files.set(`${TESTS_DIR}/${entry.name}`, readFileSync(join(testsDir, entry.name), 'utf8'));
      }
    }
  }
  return files;
}
