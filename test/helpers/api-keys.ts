import { MemoryRateLimitStore } from '../../src/adapters/memory-rate-limit-store';
import { ApiKeyRegistry } from '../../src/auth/api-key-registry';
import type { ApiKeysFile } from '../../src/auth/api-keys-file';
import type { AuthSettings, RateLimits } from '../../src/auth/auth-settings';
import { digestSecret } from '../../src/auth/key-digest';

export const TEST_PEPPER = 'a-test-pepper-of-at-least-32-characters';
export const FORM_ORIGIN = 'https://www.northwind.example';
export const OTHER_FORM_ORIGIN = 'https://signup.fabrikam.example';

/** One key of each kind; `formNext` and `crmNext` are the second active keys (rotation). */
export const KEYS = {
  form: 'pk_form0001_Form0001SecretSecretSecret',
  formNext: 'pk_form0002_Form0002SecretSecretSecret',
  otherForm: 'pk_other001_OtherFormSecretSecretSecret',
  crm: 'sk_crm00001_Crm00001SecretSecretSecret1',
  crmNext: 'sk_crm00002_Crm00002SecretSecretSecret2',
  ops: 'sk_ops00001_Ops00001SecretSecretSecret1',
  opsAndCrm: 'sk_both0001_BothSecretSecretSecretSecret',
} as const;

const entry = (key: string) => {
  const [, id, secret] = /^(?:pk|sk)_([^_]+)_(.+)$/.exec(key) ?? [];
  return { id: id as string, digest: digestSecret(TEST_PEPPER, secret as string) };
};

/** The keys file the tests use: a signup form, another site's form, a CRM and ops. */
export function testKeysFile(): ApiKeysFile {
  return {
    clients: [
      {
        name: 'signup-form',
        scopes: ['score'],
        origins: [FORM_ORIGIN],
        keys: [entry(KEYS.form), entry(KEYS.formNext)],
      },
      {
        name: 'fabrikam-form',
        scopes: ['score'],
        origins: [OTHER_FORM_ORIGIN],
        keys: [entry(KEYS.otherForm)],
      },
      { name: 'crm', scopes: ['enrich'], keys: [entry(KEYS.crm), entry(KEYS.crmNext)] },
      { name: 'ops', scopes: ['admin'], keys: [entry(KEYS.ops)] },
      { name: 'ops-crm', scopes: ['enrich', 'admin'], keys: [entry(KEYS.opsAndCrm)] },
    ],
  };
}

export interface KeysAuthOptions {
  file?: ApiKeysFile;
  limits?: Partial<RateLimits>;
  metricsAccess?: 'open' | 'admin';
  safeEqual?: (a: Buffer, b: Buffer) => boolean;
}

/** Keys mode as production runs it, with generous limits unless a test sets its own. */
export function keysAuth(options: KeysAuthOptions = {}): AuthSettings {
  return {
    mode: 'keys',
    registry: new ApiKeyRegistry({
      pepper: TEST_PEPPER,
      file: options.file ?? testKeysFile(),
      safeEqual: options.safeEqual,
    }),
    limits: { perMinute: 10_000, publishablePerIpPerMinute: 10_000, ...options.limits },
    store: new MemoryRateLimitStore(),
    metricsAccess: options.metricsAccess ?? 'admin',
  };
}

/** Headers of a signup form's browser request with the given key. */
export const fromForm = (key: string = KEYS.form, origin = FORM_ORIGIN) => ({
  authorization: `Bearer ${key}`,
  origin,
});

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
