import type { components } from './schema.gen';

export type ProblemBody = components['schemas']['Problem'];

/** An answer of the API that was not a success, as its problem+json body says. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody | undefined,
  ) {
    super(problem?.detail ?? `the request failed with status ${status}`);
  }

  /** The message for a form field, from the problem's violations. */
  violationOf(field: string): string | undefined {
    return this.problem?.violations?.find((violation) => violation.field === field)?.message;
  }
}

interface Answer<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer, or an ApiProblem to throw (TanStack Query shows it). */
export async function answered<Data>(call: Promise<Answer<Data>>): Promise<Data> {
  const { data, error, response } = await call;
  if (response.ok) return data as Data;
  throw new ApiProblem(response.status, error as ProblemBody | undefined);
}
