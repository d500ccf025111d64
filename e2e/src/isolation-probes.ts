import { randomUUID } from 'node:crypto';
import type { ApiDocument, JsonSchema } from './documented-bounds';

/** The kinds of object a tenant owns that the API addresses by id. */
export const ID_KINDS = [
  'account',
  'user',
  'membership',
  'apiKey',
  'costCenter',
  'userGroup',
  'chargingCard',
  'invitation',
  'joiningCode',
  'registration',
  'webhook',
  'importJob',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** One object of every kind, all of one customer tree. */
export type TenantIds = Record<IdKind, string>;

/** Ids of no one, for the control request a missing object is compared with. */
export function missingIds(): TenantIds {
  return Object.fromEntries(ID_KINDS.map((kind) => [kind, randomUUID()])) as TenantIds;
}

/** The collection a path's `{id}` belongs to names its kind. */
const KIND_OF_COLLECTION: Record<string, IdKind> = {
  accounts: 'account',
  users: 'user',
  'api-keys': 'apiKey',
  invitations: 'invitation',
  'joining-codes': 'joiningCode',
  registrations: 'registration',
  webhooks: 'webhook',
  imports: 'importJob',
};

/** Every other id parameter or field names its kind. */
const KIND_OF_NAME: Record<string, IdKind> = {
  accountId: 'account',
  accountIds: 'account',
  parentId: 'account',
  parentAccountId: 'account',
  userId: 'user',
  assignedUserId: 'user',
  membershipId: 'membership',
  costCenterId: 'costCenter',
  userGroupId: 'userGroup',
  userGroupIds: 'userGroup',
  cardId: 'chargingCard',
};

/**
 * Operations that take an id but cannot address another tenant's object. Empty today: every
 * operation with an id is probed; a reason belongs beside each entry added here.
 */
export const NOT_PROBED: Record<string, string> = {};

/** Where an operation takes an id: a path parameter, a query parameter or a body field. */
export interface IdSlot {
  in: 'path' | 'query' | 'body';
  /** The parameter's name, or the body field's dotted path (`memberships.0.accountIds`). */
  name: string;
  kind: IdKind;
  /** An array of ids (a body field) or a repeated query parameter. */
  array: boolean;
}

/** Which tenant's id each slot gets: the prober's own, or the other tenant's (or no one's). */
export interface IdChoice {
  own: TenantIds;
  other: TenantIds;
  /** The slots given the other tenant's id; arrays get both ids, the own one first. */
  others: ReadonlySet<string>;
  /** Query slots sent twice, the own id then the other's. */
  repeated: ReadonlySet<string>;
}

export const slotKey = (slot: IdSlot): string => `${slot.in}:${slot.name}`;

interface Parameter {
  in: string;
  name: string;
  schema?: JsonSchema;
}

interface ProbedOperation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** One request of the probe run, made again for the control with no one's ids. */
export interface Probe {
  label: string;
  method: string;
  template: string;
  /** A list operation, whose filter by another tenant's id may answer an empty list. */
  list: boolean;
  /** Every id the other tenant's: sent with one tenant's ids alone, it addresses its own objects. */
  everyIdForeign: boolean;
  repeated: boolean;
  request: (choice: Omit<IdChoice, 'others' | 'repeated'>) => {
    path: string;
    body: unknown;
  };
}

const isUuid = (schema: JsonSchema): boolean => schema.format === 'uuid';

/** A union's first non-null variant: the value a field takes when it is given. */
function given(schema: JsonSchema): JsonSchema {
  const variant = schema.anyOf?.find((candidate) => candidate.type !== 'null');
  return variant === undefined ? schema : { ...variant, description: schema.description };
}

function kindOfName(name: string, where: string): IdKind {
  const kind = KIND_OF_NAME[name];
  if (kind === undefined)
    throw new Error(`${where}: the id "${name}" has no kind; add it to KIND_OF_NAME`);
  return kind;
}

function kindOfPathParameter(template: string, name: string): IdKind {
  if (name !== 'id') return kindOfName(name, template);
  const collection = /^\/v1\/([^/]+)\/\{id\}/.exec(template)?.[1] ?? '';
  const kind = KIND_OF_COLLECTION[collection];
  if (kind === undefined)
    throw new Error(`${template}: the collection "${collection}" has no id kind`);
  return kind;
}

/** Values for fields whose pattern a generic text does not meet, or whose meaning matters. */
const SAMPLE_TEXT: Record<string, string> = {
  contractId: 'NL-TNM-C12345678-X',
  password: 'Isolation-Probe-42!',
  newPassword: 'Isolation-Probe-42!',
  country: 'NL',
  language: 'en',
  reimbursementRateEurPerKwh: '0.25',
  url: 'http://127.0.0.1:9/isolation-probe',
};

/** Enum values that make a body valid where the first one would not (or would mean more). */
const PREFERRED_ENUM: Record<string, string> = {
  role: 'driver',
  roles: 'driver',
  type: 'consumer',
  accountType: 'consumer',
  relation: 'employee',
};

/** Optional fields that the fields around them need (a sub-account's relation to its parent). */
const COMPANION_FIELDS = new Set(['relation']);

/** A text of a field that meets its pattern and length; unique, since names often must be. */
function sampleText(name: string, schema: JsonSchema, serial: number): string {
  const sample = SAMPLE_TEXT[name];
  if (sample !== undefined) return sample;
  if (schema.format === 'uri') return SAMPLE_TEXT.url;
  if (schema.pattern?.includes('@')) return `probe-${serial}@isolation.test`;
  const candidates = [
    `Isolation probe ${serial}`,
    `probe-${serial}`,
    'account.created',
    'NL',
    'en',
  ];
  const fits = (text: string) =>
    text.length >= (schema.minLength ?? 0) &&
    text.length <= (schema.maxLength ?? Infinity) &&
    (schema.pattern === undefined || new RegExp(schema.pattern).test(text));
  return candidates.find(fits) ?? `probe-${serial}`;
}

function containsId(schema: JsonSchema): boolean {
  const node = given(schema);
  if (isUuid(node)) return true;
  if (node.items !== undefined && containsId(node.items)) return true;
  return Object.values(node.properties ?? {}).some(containsId);
}

/** Numbers the texts of every body made, so that names and emails never collide. */
let serial = 0;

/**
 * A minimal valid body of `schema`: its required fields and every field holding an id, each id
 * chosen by `idFor` (which also learns, through the calls, where the body takes ids).
 */
function bodyOf(
  schema: JsonSchema,
  idFor: (name: string, path: string, array: boolean) => string | string[],
): unknown {
  const walk = (raw: JsonSchema, name: string, path: string[]): unknown => {
    const node = given(raw.oneOf?.[0] ?? raw);
    const dotted = path.join('.');
    if (isUuid(node)) return idFor(name, dotted, false);
    if (node.const !== undefined) return node.const;
    if (node.enum !== undefined)
      return node.enum.includes(PREFERRED_ENUM[name]) ? PREFERRED_ENUM[name] : node.enum[0];
    switch (node.type ?? 'string') {
      case 'object': {
        const required = new Set(node.required ?? []);
        return Object.fromEntries(
          Object.entries(node.properties ?? {})
            .filter(
              ([field, property]) =>
                required.has(field) || containsId(property) || COMPANION_FIELDS.has(field),
            )
            .map(([field, property]) => [field, walk(property, field, [...path, field])]),
        );
      }
      case 'array': {
        const items = given(node.items ?? {});
        if (isUuid(items)) return idFor(name, dotted, true);
        return Array.from({ length: Math.max(node.minItems ?? 1, 1) }, (_, index) =>
          walk(items, name, [...path, String(index)]),
        );
      }
      case 'integer':
      case 'number':
        return Math.max(node.minimum ?? 1, 1);
      case 'boolean':
        return node.default ?? false;
      default:
        serial += 1;
        return sampleText(name, node, serial);
    }
  };
  return walk(schema, '', []);
}

/** The body variants of an operation: each of a union's, or the one schema. */
function bodyVariants(operation: ProbedOperation): { label: string; schema?: JsonSchema }[] {
  const schema = operation.requestBody?.content['application/json']?.schema;
  if (schema === undefined) return [{ label: '' }];
  const variants = schema.oneOf ?? [schema];
  return variants.map((variant, index) => {
    const kind = variant.properties?.kind?.const;
    return {
      label: variants.length === 1 ? '' : ` (${typeof kind === 'string' ? kind : index})`,
      schema: variant,
    };
  });
}

function bodySlotsOf(schema: JsonSchema | undefined, template: string): IdSlot[] {
  if (schema === undefined) return [];
  const slots: IdSlot[] = [];
  bodyOf(schema, (name, path, array) => {
    slots.push({ in: 'body', name: path, kind: kindOfName(name, template), array });
    return array ? [] : '';
  });
  return slots;
}

function idsOf(slot: IdSlot, choice: IdChoice): string | string[] {
  const own = choice.own[slot.kind];
  const other = choice.other[slot.kind];
  if (!choice.others.has(slotKey(slot))) return slot.array ? [own] : own;
  return slot.array ? [own, other] : other;
}

function render(
  template: string,
  slots: IdSlot[],
  schema: JsonSchema | undefined,
  choice: IdChoice,
): { path: string; body: unknown } {
  const bySlot = new Map(slots.map((slot) => [slotKey(slot), slot]));
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    String(idsOf(bySlot.get(`path:${name}`)!, choice)),
  );
  const query = new URLSearchParams();
  for (const slot of slots.filter((candidate) => candidate.in === 'query')) {
    if (choice.repeated.has(slotKey(slot))) query.append(slot.name, choice.own[slot.kind]);
    query.append(slot.name, String(idsOf(slot, choice)));
  }
  const body =
    schema === undefined
      ? undefined
      : bodyOf(schema, (_name, dotted) => idsOf(bySlot.get(`body:${dotted}`)!, choice));
  const search = query.size === 0 ? '' : `?${query.toString()}`;
  return { path: `${path}${search}`, body };
}

/**
 * Every probe of every operation that takes an id: all its ids the other tenant's, and, where it
 * takes more than one, each id alone the other tenant's (an own parent with a foreign child, an
 * own object with a foreign field), and each id query parameter repeated (own, then foreign).
 */
export function isolationProbes(document: ApiDocument): Probe[] {
  const probes: Probe[] = [];
  for (const [template, item] of Object.entries(document.paths))
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as ProbedOperation;
      const name = `${method.toUpperCase()} ${template}`;
      if (name in NOT_PROBED) continue;
      const parameterSlots: IdSlot[] = (operation.parameters ?? [])
        .filter(
          (parameter) =>
            (parameter.in === 'path' || parameter.in === 'query') &&
            parameter.schema !== undefined &&
            isUuid(parameter.schema),
        )
        .map((parameter) => ({
          in: parameter.in as 'path' | 'query',
          name: parameter.name,
          kind:
            parameter.in === 'path'
              ? kindOfPathParameter(template, parameter.name)
              : kindOfName(parameter.name, template),
          array: false,
        }));
      for (const variant of bodyVariants(operation)) {
        const slots = [...parameterSlots, ...bodySlotsOf(variant.schema, template)];
        if (slots.length === 0) continue;
        const probe = (label: string, others: IdSlot[], repeated: IdSlot[] = []): Probe => ({
          label: `${name}${variant.label} ${label}`,
          method: method.toUpperCase(),
          template,
          list: method === 'get' && others.every((slot) => slot.in === 'query'),
          everyIdForeign: others.length === slots.length && repeated.length === 0,
          repeated: repeated.length > 0,
          request: (choice) =>
            render(template, slots, variant.schema, {
              ...choice,
              others: new Set(others.map(slotKey)),
              repeated: new Set(repeated.map(slotKey)),
            }),
        });
        probes.push(probe('with every id foreign', slots));
        if (slots.length > 1)
          for (const slot of slots) probes.push(probe(`with only ${slot.name} foreign`, [slot]));
        for (const slot of slots.filter((candidate) => candidate.in === 'query'))
          probes.push(probe(`with ${slot.name} repeated`, [slot], [slot]));
      }
    }
  return probes;
}
