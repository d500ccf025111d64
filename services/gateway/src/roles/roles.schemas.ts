import { z } from 'zod';

export const roleCatalogueResponse = z.object({
  roles: z.array(
    z.object({
      name: z.string(),
      scope: z.enum(['platform', 'account']),
      description: z.string(),
      permissions: z.array(z.string()),
    }),
  ),
  permissions: z.array(z.string()),
});

export type RoleCatalogueResponse = z.output<typeof roleCatalogueResponse>;
