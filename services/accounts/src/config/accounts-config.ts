import { z } from 'zod';

const NAME = /^[a-z0-9_-]{1,50}$/;

/** `{"plan": ["flag", ...]}`: the plans this installation sells and the flags each unlocks. */
const planCatalogue = z
  .string()
  .transform((value, context): unknown => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'expected a JSON object of plan → flags' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .record(
        z.string(),
        z.array(z.string().regex(NAME, 'flags are 1 to 50 of a-z, 0-9, "_" and "-"')),
      )
      .superRefine((plans, context) => {
        // Checked here rather than as the record's key schema, whose error names no plan.
        for (const plan of Object.keys(plans))
          if (!NAME.test(plan))
            context.addIssue({
              code: 'custom',
              message: `plan "${plan.slice(0, 60)}": names are 1 to 50 of a-z, 0-9, "_" and "-"`,
            });
      }),
  );

/** The accounts service's own variables (validated with the common ones at start). */
export const accountsConfig = z.object({
  ACCOUNT_PLANS: z.string().default('{}').pipe(planCatalogue),
});

export type AccountsConfig = z.output<typeof accountsConfig>;
