import { ConfigError, loadConfig } from '../../../src/config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
};

describe('API key configuration', () => {
  it('runs open outside production with no keys', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('names API_KEYS_FILE when production has no keys', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^API_KEYS_FILE: required when NODE_ENV=production/),
    ]);
  });

  it('refuses both sources at once, and keys without a pepper', () => {
    expect(problemsOf({ API_KEYS_FILE: 'keys.json', API_KEYS: '{}' })).toEqual([
      'API_KEYS: set API_KEYS or API_KEYS_FILE, not both',
      'API_KEY_PEPPER: required when API keys are configured',
    ]);
  });

  it('refuses a short pepper and bad limits by name', () => {
    expect(
      problemsOf({ API_KEY_PEPPER: 'short', TRUSTED_PROXIES: '-1', METRICS_ACCESS: 'public' }),
    ).toEqual([
      expect.stringMatching(/^API_KEY_PEPPER: at least 32 characters/),
      expect.stringMatching(/^METRICS_ACCESS: /),
      expect.stringMatching(/^TRUSTED_PROXIES: /),
    ]);
  });
});
