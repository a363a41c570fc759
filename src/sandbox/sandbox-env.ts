/**
 * Every base-URL variable the default sources.json names, pointed at one sandbox: how tests and
 * the in-process CLI aim the default sources at a sandbox on any port.
 */
export function sandboxEnv(url: string): Record<string, string> {
  return {
    CRM_BASE_URL: url,
    PARTNER_BASE_URL: url,
    CREDIT_BASE_URL: url,
    IDENTITY_BASE_URL: url,
  };
}
