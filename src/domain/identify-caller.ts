import { lookupInputsOf } from './lookups/lookup-inputs';
import type { Prospect } from './prospect';
import {
  decide,
  startDecision,
  type ScoreOptions,
  type ScoreResult,
  type ScoringDeps,
} from './score-prospect';

/** Who an identity source says is calling. */
export interface CallerIdentity {
  source: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: { name?: string; domain?: string };
  address?: Readonly<Record<string, unknown>>;
  lineType?: string;
}

export type IdentifyResult = ScoreResult & { caller: CallerIdentity | null };

/**
 * For an inbound call: asks the identity sources who owns the number, fills what the agent did
 * not type from the answer, then checks for an existing customer and scores like /v1/score. The
 * caller's identity is returned whatever the status: it tells the agent who is on the line
 * without labelling them.
 */
export async function identifyCaller(
  deps: ScoringDeps,
  prospect: Prospect,
  options: ScoreOptions = {},
): Promise<IdentifyResult> {
  const context = startDecision(deps, prospect, options);
  let caller: CallerIdentity | null = null;
  for (const source of context.session.sourcesOf('identity')) {
    const fields = await context.session.fields(source.name);
    if (fields !== undefined && Object.keys(fields).length > 0) {
      caller = identityFrom(source.name, fields);
      break;
    }
  }
  const enriched = caller === null ? prospect : enrich(prospect, caller);
  context.session.addInputs(lookupInputsOf(enriched, deps.signals.defaultPhoneRegion));
  const result = await decide(deps, context, enriched);
  return { ...result, caller };
}

function identityFrom(source: string, fields: Readonly<Record<string, unknown>>): CallerIdentity {
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const identity: CallerIdentity = { source };
  const firstName = text(fields.firstName);
  const lastName = text(fields.lastName);
  const email = text(fields.email);
  const name = text(fields.companyName);
  const domain = text(fields.companyDomain);
  const lineType = text(fields.lineType);
  if (firstName) identity.firstName = firstName;
  if (lastName) identity.lastName = lastName;
  if (email) identity.email = email;
  if (name || domain) identity.company = { ...(name && { name }), ...(domain && { domain }) };
  if (typeof fields.address === 'object' && fields.address !== null) {
    identity.address = fields.address as Readonly<Record<string, unknown>>;
  }
  if (lineType) identity.lineType = lineType;
  return identity;
}

/** What the agent typed wins; the identity source only fills gaps. */
function enrich(prospect: Prospect, caller: CallerIdentity): Prospect {
  const country = caller.address?.country;
  return {
    ...prospect,
    firstName: prospect.firstName ?? caller.firstName,
    lastName: prospect.lastName ?? caller.lastName,
    email: prospect.email ?? caller.email,
    country:
      prospect.country ??
      (typeof country === 'string' && /^[A-Z]{2}$/.test(country) ? country : undefined),
    company:
      caller.company === undefined && prospect.company === undefined
        ? undefined
        : { ...caller.company, ...prospect.company },
  };
}
