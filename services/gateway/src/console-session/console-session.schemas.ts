import { z } from 'zod';

/** The console's session answer: the refresh token travels only in its HttpOnly cookie. */
export const consoleSessionResponse = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.iso.datetime(),
  tokenType: z.literal('Bearer'),
});

export type ConsoleSessionResponse = z.output<typeof consoleSessionResponse>;
