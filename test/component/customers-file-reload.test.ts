import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCustomerFileMatcher } from '../../src/adapters/customer-file';
import { api } from '../helpers/api';
import { buildTestApp, silentLogger } from '../helpers/build-test-app';

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('when the customers file changes while the service runs', () => {
  it('a newly listed customer stops being scored, and one removed is scored again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'customers-'));
    const file = join(dir, 'customers.txt');
    writeFileSync(file, 'olivia.chen@fabrikam-industries.com\n');
    const customers = loadCustomerFileMatcher({
      path: file,
      defaultPhoneRegion: 'US',
      logger: silentLogger,
      debounceMs: 20,
    });
    const http = api(buildTestApp({ customers }).app);
    const statusOf = async (email: string) =>
      (await http.post('/v1/score', { body: { email } })).body.status as string;

    try {
      expect(await statusOf('olivia.chen@fabrikam-industries.com')).toBe('existing_customer');
      expect(await statusOf('new.buyer@contoso-labs.com')).toBe('scored');

      // Editors often write a temporary file and rename it over the original.
      writeFileSync(join(dir, 'customers.tmp'), 'new.buyer@contoso-labs.com\n');
      renameSync(join(dir, 'customers.tmp'), file);

      await eventually(
        async () => (await statusOf('new.buyer@contoso-labs.com')) === 'existing_customer',
      );
      expect(await statusOf('olivia.chen@fabrikam-industries.com')).toBe('scored');
    } finally {
      customers.close();
    }
  });
});
