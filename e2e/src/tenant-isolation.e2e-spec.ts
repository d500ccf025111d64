import { Api, type ApiResponse } from './api';
import { apiDocument, documentedOperations } from './documented-bounds';
import { download, upload, waitForJob } from './imports';
import { GOOD_PASSWORD, InvitationFlows } from './invitation-flows';
import {
  ID_KINDS,
  isolationProbes,
  missingIds,
  NOT_PROBED,
  type Probe,
  type TenantIds,
} from './isolation-probes';
import { eventually, Stack } from './stack';

const password = 'Tenant-Isolation-42!';

/** A customer tree: its objects of every kind, its invited admin and an API key of its account. */
interface CustomerTree {
  ids: TenantIds;
  subAccountId: string;
  /** What only this tree's data contains: its ids and its email domain. */
  markers: string[];
  admin: Api;
  /** The admin's access token and the API key, sent as bearer credentials by the probes. */
  credentials: { admin: string; key: string };
  adminUserId: string;
}

interface Created {
  id: string;
}

async function created<Body = Created>(
  answer: Promise<ApiResponse<Body>>,
  what: string,
): Promise<Body> {
  const response = await answer;
  if (response.status !== 201 && response.status !== 202 && response.status !== 200)
    throw new Error(`${what} refused: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Builds a tree through the API, as the platform admin and then as the tree's own admin. */
async function customerTree(
  stack: Stack,
  platformAdmin: Api,
  flows: InvitationFlows,
  name: string,
): Promise<CustomerTree> {
  const tag = name.toLowerCase();
  const anonymous = Api.of(stack);
  const account = await flows.createAccount({
    name: `Customer ${name}`,
    type: 'consumer',
    plan: 'pro',
  });
  const adminEmail = `admin@${tag}.test`;
  await flows.invite({
    kind: 'account',
    accountId: account.id,
    role: 'account_admin',
    email: adminEmail,
  });
  const accepted = await flows.acceptFromEmail(adminEmail);
  const admin = accepted.api;
  const base = `/v1/accounts/${account.id}`;

  const subAccount = await created(
    admin.post<Created>('/v1/accounts', {
      name: `Depot ${name}`,
      type: 'consumer',
      parentId: account.id,
      relation: 'employee',
    }),
    'sub-account',
  );
  const driver = await created(
    platformAdmin.post<Created>('/v1/users', {
      email: `driver@${tag}.test`,
      name: `Driver ${name}`,
      password,
      memberships: [{ accountIds: [account.id], roles: ['driver'] }],
    }),
    'driver',
  );
  const membership = (await platformAdmin.get<{ memberships: Created[] }>(`/v1/users/${driver.id}`))
    .body.memberships[0];
  const costCenter = await created(
    admin.post<Created>(`${base}/cost-centers`, { name: `Fleet ${name}` }),
    'cost center',
  );
  const userGroup = await created(
    admin.post<Created>(`${base}/user-groups`, { name: `Staff ${name}` }),
    'user group',
  );
  const chargingCard = await created(
    admin.post<Created>(`${base}/charging-cards`, {
      uid: `CARD-${name}`,
      type: 'RFID',
      contractId: `NL-TNM-C0000000${name === 'A' ? 1 : 2}-X`,
      issuer: `Issuer ${name}`,
      assignedUserId: driver.id,
    }),
    'charging card',
  );
  const joiningCode = await created(
    admin.post<Created>(`${base}/joining-codes`, { role: 'driver' }),
    'joining code',
  );
  const webhook = await created(
    admin.post<{ webhook: Created }>('/v1/webhooks', {
      url: 'http://127.0.0.1:9/customer-hook',
      eventTypes: ['account.created'],
      accountId: account.id,
    }),
    'webhook',
  );
  const invitationEmail = `invitee@${tag}.test`;
  const invitation = await flows.invite(
    { kind: 'account', accountId: account.id, role: 'driver', email: invitationEmail },
    admin,
  );
  // Its email is sent before anything is compared, so that its delivery status stays put.
  await flows.emailTo(invitationEmail);
  const settings = await created(
    admin.request<{ registrationCode: string }>('PUT', `${base}/registration-settings`, {
      enabled: true,
    }),
    'registration settings',
  );
  const registration = await created(
    anonymous.post<Created>('/v1/registrations', {
      registrationCode: settings.registrationCode,
      email: `registrant@${tag}.test`,
      name: `Registrant ${name}`,
      password,
    }),
    'registration',
  );
  const template = await download(admin, '/v1/imports/templates/accounts.csv');
  const importAnswer = await upload(admin, template.text, { kind: 'accounts', dryRun: true });
  if (importAnswer.status !== 202) throw new Error(`import refused: ${importAnswer.text}`);
  // Settled before anything is compared: validation would change it in between.
  const importJob = await waitForJob(admin, (JSON.parse(importAnswer.text) as Created).id);
  const roles = await admin.get<{ roles: { name: string; permissions: string[] }[] }>('/v1/roles');
  const adminPermissions = roles.body.roles.find((role) => role.name === 'account_admin')!;
  const apiKey = await created(
    admin.post<{ apiKey: Created; secret: string }>('/v1/api-keys', {
      accountId: account.id,
      name: `Partner of ${name}`,
      permissions: adminPermissions.permissions,
    }),
    'API key',
  );
  // The driver reaches the accounts service by its events; probes need it there.
  await eventually(`driver of ${name} listed`, async () => {
    const answer = await admin.get(`${base}/drivers/${driver.id}`);
    return answer.status === 200;
  });
  const ids: TenantIds = {
    account: account.id,
    user: driver.id,
    membership: membership.id,
    apiKey: apiKey.apiKey.id,
    costCenter: costCenter.id,
    userGroup: userGroup.id,
    chargingCard: chargingCard.id,
    invitation: invitation.id,
    joiningCode: joiningCode.id,
    registration: registration.id,
    webhook: webhook.webhook.id,
    importJob: importJob.id,
  };
  return {
    ids,
    subAccountId: subAccount.id,
    markers: [...Object.values(ids), subAccount.id, accepted.userId, `@${tag}.test`],
    admin,
    credentials: {
      admin: (await anonymous.login(adminEmail, GOOD_PASSWORD)).tokens.accessToken,
      key: apiKey.secret,
    },
    adminUserId: accepted.userId,
  };
}

/** What a tree's admin reads of the tree: compared before and after the other tenant's probes. */
async function snapshotOf(
  tree: CustomerTree,
): Promise<Record<string, { status: number; body: unknown }>> {
  const { ids, admin } = tree;
  const base = `/v1/accounts/${ids.account}`;
  const paths = [
    base,
    `/v1/accounts/${tree.subAccountId}`,
    `/v1/accounts?parentId=${ids.account}`,
    `/v1/users?accountId=${ids.account}`,
    `/v1/users/${tree.adminUserId}`,
    `/v1/users/${ids.user}`,
    `/v1/invitations/${ids.invitation}`,
    `/v1/invitations?accountId=${ids.account}`,
    `${base}/cost-centers`,
    `${base}/user-groups`,
    `${base}/charging-cards/${ids.chargingCard}`,
    `${base}/drivers/${ids.user}`,
    `${base}/joining-codes`,
    `${base}/registration-settings`,
    `/v1/registrations?accountId=${ids.account}`,
    `/v1/webhooks/${ids.webhook}`,
    `/v1/api-keys?accountId=${ids.account}`,
    `/v1/imports/${ids.importJob}`,
  ];
  const answers = await Promise.all(paths.map((path) => admin.get(path)));
  return Object.fromEntries(
    answers.map((answer, index) => [paths[index], { status: answer.status, body: answer.body }]),
  );
}

type Verdict = 'hidden' | 'empty list' | 'own data only' | 'refused as for a missing id' | 'leak';

interface Outcome {
  probe: string;
  status: number;
  verdict: Verdict;
  detail: string;
}

interface Answer {
  status: number;
  problem: boolean;
  json: boolean;
  text: string;
}

/** Where and as whom the probes are sent. */
interface Prober {
  gatewayUrl: string;
  credential: string;
}

/** Sends a probe; its answer is kept as text, since some operations answer CSV. */
async function send(
  prober: Prober,
  probe: Probe,
  own: TenantIds,
  other: TenantIds,
): Promise<Answer> {
  const { path, body } = probe.request({ own, other });
  const response = await fetch(`${prober.gatewayUrl}${path}`, {
    method: probe.method,
    headers: {
      authorization: `Bearer ${prober.credential}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    problem: type.includes('application/problem+json'),
    json: type.includes('application/json'),
    text: await response.text(),
  };
}

const detailOf = (answer: Answer): unknown =>
  answer.problem ? (JSON.parse(answer.text) as { detail?: unknown }).detail : answer.text;

/**
 * 404 for B's object, or an empty list for a filter by B's id, hides it. Otherwise the same
 * probe with ids of no one tells whether the answer tells B's object apart from a missing one:
 * the same refusal (a permission the credential lacks, a body the document could not make
 * valid) does not; anything else, or any success naming B's ids, is a leak.
 */
async function judge(
  prober: Prober,
  probe: Probe,
  own: CustomerTree,
  other: CustomerTree,
): Promise<Outcome> {
  const answer = await send(prober, probe, own.ids, other.ids);
  const foreign = other.markers.filter((marker) => answer.text.includes(marker));
  const outcome = (verdict: Verdict, detail: string): Outcome => ({
    probe: probe.label,
    status: answer.status,
    verdict,
    detail,
  });
  if (answer.status === 404 && answer.problem) return outcome('hidden', '');
  if (answer.status === 200 && probe.list && foreign.length === 0) {
    // A repeated filter may be read by its first (own) value: it must not reach the second.
    if (probe.repeated) return outcome('own data only', '');
    if (answer.json && (JSON.parse(answer.text) as { items?: unknown[] }).items?.length === 0)
      return outcome('empty list', '');
  }
  if (answer.status >= 400 && answer.status < 500 && answer.problem) {
    const control = await send(prober, probe, own.ids, missingIds());
    if (control.status === answer.status && detailOf(control) === detailOf(answer))
      return outcome('refused as for a missing id', String(detailOf(answer)));
  }
  return outcome('leak', answer.text.slice(0, 300));
}

describe('tenant isolation, generated from the OpenAPI document', () => {
  let stack: Stack;
  let a: CustomerTree;
  let b: CustomerTree;

  beforeAll(async () => {
    stack = await Stack.start(undefined, {
      // Webhooks point at loopback, which the installation refuses by default.
      notifications: { WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true' },
    });
    const platformAdmin = (await Api.of(stack).loginAsAdmin()).api;
    const flows = new InvitationFlows(stack, platformAdmin);
    a = await customerTree(stack, platformAdmin, flows, 'A');
    b = await customerTree(stack, platformAdmin, flows, 'B');
  }, 300_000);
  afterAll(() => stack?.stop());

  it("answers every id-taking operation with another tenant's ids as if they did not exist", async () => {
    const document = await apiDocument(stack);
    const probes = isolationProbes(document);
    const operations = new Set(probes.map((probe) => `${probe.method} ${probe.template}`));
    // Operations without an id (login, /v1/me, public pages, platform settings) have none to swap.
    const withoutIds = documentedOperations(document)
      .map(({ method, template }) => `${method.toUpperCase()} ${template}`)
      .filter((operation) => !operations.has(operation));
    const before = await snapshotOf(b);
    // The ids are real: B's admin reads every one of them.
    expect(Object.entries(before).filter(([, read]) => read.status !== 200)).toEqual([]);
    // And the probes address them: every read, sent by B's admin with B's ids, finds B's object.
    const reads = probes.filter((probe) => probe.method === 'GET' && probe.everyIdForeign);
    const ownReads = await Promise.all(
      reads.map(async (probe) => {
        const prober = { gatewayUrl: stack.gatewayUrl, credential: b.credentials.admin };
        return `${(await send(prober, probe, b.ids, b.ids)).status} ${probe.label}`;
      }),
    );
    expect(ownReads.filter((read) => !read.startsWith('200 '))).toEqual([]);
    expect(ownReads.length).toBeGreaterThan(20);

    const outcomes: Outcome[] = [];
    for (const [credential, token] of [
      ['admin', a.credentials.admin],
      ['API key', a.credentials.key],
    ] as const)
      for (const probe of probes) {
        const prober = { gatewayUrl: stack.gatewayUrl, credential: token };
        const outcome = await judge(prober, probe, a, b);
        outcomes.push({ ...outcome, probe: `as A's ${credential}: ${outcome.probe}` });
      }

    const refused = outcomes.filter((outcome) => outcome.verdict === 'refused as for a missing id');
    const invalid = refused.filter((outcome) => outcome.status === 400);
    const leaks = outcomes.filter((outcome) => outcome.verdict === 'leak');
    const line = (outcome: Outcome) => `${outcome.status} ${outcome.probe}: ${outcome.detail}`;
    console.log(
      [
        `${operations.size} id-taking operations, ${probes.length} probes per credential, ${outcomes.length} requests`,
        `not probed: ${JSON.stringify(NOT_PROBED)}`,
        `taking no id (${withoutIds.length}): ${withoutIds.join(', ')}`,
        `hidden (404): ${outcomes.filter((outcome) => outcome.verdict === 'hidden').length}`,
        `empty lists: ${outcomes.filter((outcome) => outcome.verdict === 'empty list').length}`,
        `repeated filters answering own data only: ${outcomes.filter((outcome) => outcome.verdict === 'own data only').length}`,
        // 400s: the body or query was refused as it is for ids of no one (no valid one could be built).
        `400 as for a missing id (${invalid.length}):`,
        ...invalid.map(line),
        `other refusals as for a missing id (${refused.length - invalid.length}):`,
        ...refused.filter((outcome) => outcome.status !== 400).map(line),
        `leaks (${leaks.length}):`,
        ...leaks.map(line),
      ].join('\n'),
    );
    expect(operations.size).toBeGreaterThan(40);
    expect(ID_KINDS.every((kind) => b.ids[kind].length > 0)).toBe(true);
    expect(leaks.map(line)).toEqual([]);
    expect(await snapshotOf(b)).toEqual(before);
  }, 300_000);
});
